from __future__ import annotations

import pytest

from layerguard.image.facts import previous_tag


@pytest.mark.parametrize(
    ("tags", "tag", "expected"),
    [
        (["0.0.1", "0.0.2", "0.0.3", "latest"], "0.0.3", "0.0.2"),
        (["0.0.9", "0.0.10", "0.0.11"], "0.0.11", "0.0.10"),
        (["v1.2.0", "v1.10.0", "v1.9.3"], "v1.10.0", "v1.9.3"),
        (["1.0.0-rc1", "1.0.0", "0.9.0"], "1.0.0", "1.0.0-rc1"),
        (["1.0.0", "main", "dev"], "1.0.0", None),
        (["2024-01", "2024-02", "2024-03"], "2024-03", "2024-02"),
        (["a", "b", "c"], "c", "b"),
        (["0.0.1"], "0.0.1", None),
        ([], "1", None),
        (["1.2.3", "1.2.3-alpine", "1.2.4"], "1.2.4-alpine", "1.2.3-alpine"),
        (["1.2.3-alpine", "1.2.3"], "1.2.4", "1.2.3"),
    ],
)
def test_previous_tag(tags: list[str], tag: str, expected: str | None) -> None:
    assert previous_tag(tags, tag) == expected
