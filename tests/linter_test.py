from __future__ import annotations

from pathlib import Path

import pytest

from layerguard import linter
from layerguard.errors import LayerguardError
from layerguard.linter import Settings, lint
from layerguard.project.config import default_rules

SETTINGS = Settings(default_rules(), {}, {}, {}, None)


def test_parallel_run_equals_serial_run(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = shared / "corpus" / "dockerfiles"
    monkeypatch.chdir(corpus)
    paths = sorted(p.name for p in corpus.iterdir())
    parallel = lint(paths, SETTINGS)
    monkeypatch.setattr(linter, "PARALLEL_MIN_FILES", 10**9)
    serial = lint(paths, SETTINGS)
    assert parallel == serial and len(parallel.findings) > 100


def test_parallel_run_reports_unreadable_file(tmp_path: Path) -> None:
    paths = []
    for n in range(linter.PARALLEL_MIN_FILES):
        path = tmp_path / f"{n}.Dockerfile"
        path.write_text("FROM debian\nRUN rm -rf /usr/share/doc\n")
        paths.append(str(path))
    paths.append(str(tmp_path / "missing.Dockerfile"))
    with pytest.raises(LayerguardError, match=r"missing\.Dockerfile: cannot read"):
        lint(paths, SETTINGS)
    assert len(lint(paths[:-1], SETTINGS).findings) == linter.PARALLEL_MIN_FILES
