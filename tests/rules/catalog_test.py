"""Every rule has its metadata, its documented headings, a test module, and generated docs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from layerguard import rules as rule_table
from layerguard.findings import Severity

ROOT = Path(__file__).resolve().parents[2]
HEADINGS = ["What it does", "Why is this bad?", "Example", "Use instead", "Options", "References"]


@pytest.mark.parametrize("rule", rule_table.RULES, ids=lambda r: r.CODE)
def test_rule_is_complete(rule: ModuleType) -> None:
    assert re.fullmatch(r"LG\d{3}", rule.CODE)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.NAME)
    assert isinstance(rule.SEVERITY, Severity)
    assert rule.SUMMARY.endswith(".") and rule.HELP
    headings = re.findall(r"^## (.+)$", rule.__doc__ or "", re.M)
    # A rule that fixes says how, and whether safely, right after "Use instead".
    if "Fix" in headings:
        assert headings[headings.index("Fix") - 1] == "Use instead"
        headings.remove("Fix")
    assert headings == HEADINGS
    module = rule.__name__.rsplit(".", 1)[1]
    assert (ROOT / "tests" / "rules" / f"{module}_test.py").is_file()


def test_codes_and_names_are_unique() -> None:
    assert len({r.CODE for r in rule_table.RULES}) == len(rule_table.RULES)
    assert len({r.NAME for r in rule_table.RULES}) == len(rule_table.RULES)
    assert [r.CODE for r in rule_table.RULES] == sorted(r.CODE for r in rule_table.RULES)


def test_generated_docs_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_rule_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
