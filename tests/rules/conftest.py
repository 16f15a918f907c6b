from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from layerguard.config import default_rules
from layerguard.findings import Finding
from layerguard.linter import Settings, lint
from layerguard.reference import parse_reference

Lint = Callable[..., list[Finding]]


@pytest.fixture
def lint_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Lint:
    """Write `files` to a temp dir and lint the Dockerfiles among them; `images`: name -> ref."""

    def run(
        files: Mapping[str, str], images: Mapping[str, str] | None = None, code: str | None = None
    ) -> list[Finding]:
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        monkeypatch.chdir(tmp_path)
        settings = Settings(
            rules=default_rules(),
            images={
                (tmp_path / k).resolve(): parse_reference(v) for k, v in (images or {}).items()
            },
            contexts={},
            build_args={},
            target=None,
        )
        paths = [n for n in files if "Dockerfile" in n]
        found = lint(paths, settings).findings
        return [f for f in found if code is None or f.rule == code]

    return run


@pytest.fixture
def lines_of(lint_files: Lint) -> Callable[[str, str], list[int]]:
    """The lines at which rule `code` fires on a single Dockerfile."""

    def run(dockerfile: str, code: str) -> list[int]:
        return [f.line for f in lint_files({"Dockerfile": dockerfile}, code=code)]

    return run
