"""The hand labels of tests/accuracy/ and what benchmarks/accuracy.py makes of them: a change
that brings false alarms back into the labelled sets fails here, not in a user's CI."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module
    spec.loader.exec_module(module)
    return module


accuracy = _script()


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "accuracy").glob("*.tsv")))
def test_every_label_file_reads(path: Path) -> None:
    """One row per (file, line, rule), truth yes or no, a reason on every row."""
    if path.name.endswith("-sources.tsv"):
        rows = [r.split("\t") for r in path.read_text().splitlines()]
        assert rows[0] == ["file", "repo", "path", "commit"]
        assert all(len(r[3]) == 40 and "/" in r[1] for r in rows[1:])  # refetchable
        return
    if path == accuracy.IN_REPOSITORIES:  # per set: the truth in the file's repository
        sets = {r.split("\t")[0] for r in path.read_text().splitlines()[1:]}
        assert sets and sets <= set(accuracy.HOLDOUTS)
        for name in sets:
            there = accuracy.repository_labels(name)
            assert all(v in ("yes", "no") and reason.strip() for v, reason in there.values())
            assert {rule for _, _, rule in there} <= set(accuracy.RULES)
        return
    if path == accuracy.COPIES:  # each copy names a labelled file of its set
        rows = [r.split("\t") for r in path.read_text().splitlines()[1:]]
        assert rows and all(0.9 <= float(r[3]) <= 1 for r in rows)
        for name, file, _, _ in rows:
            assert any(key[0] == file for key in accuracy.labels(accuracy.HOLDOUTS[name]))
        return
    truth = accuracy.labels(path)
    assert truth and all(reason.strip() for _, reason in truth.values())
    assert {rule for _, _, rule in truth} <= set(accuracy.RULES)


@pytest.mark.parametrize("name", ["accuracy", "corpus"])
def test_the_labelled_sets_keep_their_precision(shared: Path, name: str) -> None:
    """Every rule is right at least 19 times in 20 on the sets, and all together miss at most
    one finding in 20 (benchmarks/RESULTS.md has the figures, rule by rule)."""
    folder, label_file = accuracy.SETS[name]
    per = accuracy.score(accuracy.findings(folder), accuracy.labels(label_file))
    for rule, counts in per.items():
        found = counts["tp"] + counts["fp"] + counts["unlabelled"]
        assert counts["unlabelled"] == 0, f"{rule}: label the new findings (see GUIDE.md)"
        assert counts["tp"] >= 0.95 * found, f"{rule}: precision under 0.95 on {name}"
    right = sum(c["tp"] for c in per.values())
    missed = sum(c["fn"] for c in per.values())
    assert right >= 0.95 * (right + missed), f"recall under 0.95 on {name}"


def test_a_copy_under_another_name_is_found(tmp_path: Path) -> None:
    """A held-out file whose lines are a development file's (comments and blank lines aside) is
    a copy; a file sharing only some lines is not; a copy of an earlier held-out file is one."""
    spec = importlib.util.spec_from_file_location("near", ROOT / "benchmarks" / "near_copies.py")
    assert spec is not None and spec.loader is not None
    near = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(near)
    body = "FROM debian:12\n" + "".join(f"RUN echo step {i}\n" for i in range(12))
    dev, one, two = (tmp_path / n for n in ("dev", "one", "two"))
    for folder in (dev, one, two):
        folder.mkdir()
    (dev / "a.Dockerfile").write_text(body)
    (one / "001.Dockerfile").write_text("# fork\n\n" + body)  # the same lines
    (one / "002.Dockerfile").write_text(body.replace("step 1", "other 1").replace("step 2", "x"))
    (two / "001.Dockerfile").write_text(body.replace("step", "stage"))
    (two / "002.Dockerfile").write_text(body.replace("step", "stage") + "USER app\n")
    found = near.copies({"accuracy": dev}, {"holdout2": one, "holdout3": two})
    assert [(s, f, of) for s, f, of, _ in found] == [
        ("holdout2", "001.Dockerfile", "accuracy/a.Dockerfile"),
        ("holdout3", "002.Dockerfile", "holdout3/001.Dockerfile"),
    ]
