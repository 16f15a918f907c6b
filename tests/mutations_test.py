"""benchmarks/mutations.py plants its bugs by replacing exact text: when the code it aims at is
rewritten, a mutant goes stale and would silently check nothing. Every mutant's text must still
occur exactly once in its file."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("mutations", ROOT / "benchmarks" / "mutations.py")
assert _spec is not None and _spec.loader is not None
mutations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mutations)


@pytest.mark.parametrize("mutant", mutations.ALL, ids=[m.name for m in mutations.ALL])
def test_mutant_still_aims_at_the_code(mutant: Any) -> None:
    text = (ROOT / mutant.path).read_text()
    assert text.count(mutant.old) == 1, f"{mutant.name}: stale, re-aim it"


def test_there_are_mutants_for_each_guarded_area() -> None:
    names = [m.name for m in mutations.ALL]
    assert len(names) == len(set(names)) >= 31
    assert sum(name.startswith("split-") for name in names) == 6
