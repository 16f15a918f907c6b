from __future__ import annotations

from typing import Any

WASTED = (
    {
        "path": "/test.txt",
        "bytes": 6_000_000,
        "layer": 1,
        "reason": "deleted",
        "instruction": "COPY src .",
    },
)


def test_absolute_budget(budget_findings: Any) -> None:
    found = budget_findings(
        "LG102",
        {"max-wasted-bytes": "1MB"},
        wasted_bytes=6_000_000,
        uncompressed_size=100_000_000,
        wasted=WASTED,
    )
    assert len(found) == 1
    assert "wastes 6MB (6.0% of 100MB), over the 1MB budget" in found[0].message
    assert "/test.txt 6MB (deleted, COPY src .)" in found[0].message
    assert found[0].measured["wasted_bytes"] == 6_000_000


def test_percent_budget(budget_findings: Any) -> None:
    found = budget_findings(
        "LG102",
        {"max-wasted-percent": 5},
        wasted_bytes=6_000_000,
        uncompressed_size=100_000_000,
        wasted=WASTED,
    )
    assert len(found) == 1 and "over the 5% budget" in found[0].message
    assert (
        budget_findings(
            "LG102",
            {"max-wasted-percent": 10},
            wasted_bytes=6_000_000,
            uncompressed_size=100_000_000,
            wasted=WASTED,
        )
        == []
    )
