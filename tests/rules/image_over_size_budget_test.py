from __future__ import annotations

from typing import Any

LAYERS = (
    {"digest": "sha256:a", "size": 400_000_000, "instruction": "RUN apt-get install -y gcc"},
    {"digest": "sha256:b", "size": 200_000_000, "instruction": "COPY . /app"},
)


def test_over_budget_names_the_largest_layers(budget_findings: Any) -> None:
    found = budget_findings(
        "LG101", {"max-compressed-size": "500MB"}, compressed_size=600_000_000, new_layers=LAYERS
    )
    assert [(f.line, f.severity.name) for f in found] == [(3, "ERROR")]
    assert "600MB compressed, over the 500MB budget" in found[0].message
    assert "400MB RUN apt-get install -y gcc" in found[0].message
    assert found[0].measured == {"compressed_size": 600_000_000, "budget": 500_000_000}


def test_within_budget_or_no_budget(budget_findings: Any) -> None:
    assert budget_findings("LG101", {"max-compressed-size": "1GB"}, compressed_size=600) == []
    assert budget_findings("LG101", {}, compressed_size=10**12) == []
