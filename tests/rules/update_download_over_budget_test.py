from __future__ import annotations

from typing import Any

from layerguard.reference import parse_reference


def test_update_over_budget(budget_findings: Any) -> None:
    found = budget_findings(
        "LG103",
        {"max-update-download": "1kB"},
        update_download=80_000_000,
        previous=parse_reference("app:1"),
        new_layers=({"size": 80_000_000, "instruction": "COPY src ."},),
    )
    assert len(found) == 1
    assert "updating from app:1 to app:2 downloads 80MB, over the 1kB budget" in found[0].message


def test_small_update_or_no_previous(budget_findings: Any) -> None:
    assert (
        budget_findings(
            "LG103",
            {"max-update-download": "1kB"},
            update_download=120,
            previous=parse_reference("app:1"),
        )
        == []
    )
    assert budget_findings("LG103", {"max-update-download": "1kB"}, update_download=None) == []
