from __future__ import annotations

import pytest

from layerguard.units import parse_size


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (0, 0), (1048576, 1048576), ("100", 100), ("100B", 100), ("1kB", 1000), ("1KB", 1000),
        ("1KiB", 1024), ("500MB", 500_000_000), ("1.5GiB", 1_610_612_736), ("20 MB", 20_000_000),
        ("2m", 2_000_000), ("3Mi", 3 * 1024**2),
    ],
)  # fmt: skip
def test_sizes(text: object, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "MB", "10 parsecs", "-5MB", -1, True, None, 1.5, "1.5.2MB"])
def test_invalid(text: object) -> None:
    with pytest.raises(ValueError, match="size"):
        parse_size(text)
