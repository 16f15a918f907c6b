from __future__ import annotations

from typing import Any


def test_layer_budget(budget_findings: Any) -> None:
    found = budget_findings("LG104", {"max-layers": 4}, layer_count=5)
    assert [f.message for f in found] == ["app:2 has 5 layers, over the budget of 4"]
    assert budget_findings("LG104", {"max-layers": 5}, layer_count=5) == []
