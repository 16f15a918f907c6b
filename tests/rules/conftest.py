from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from layerguard.findings import Finding
from layerguard.linter import Settings, lint
from layerguard.project.config import default_rules
from layerguard.reference import ImageRef, parse_reference
from layerguard.rules.base import BaseFacts, BuiltFacts, BuiltLayers

if TYPE_CHECKING:
    from layerguard.linter import Measurer

Lint = Callable[..., list[Finding]]


@pytest.fixture
def lint_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Lint:
    """Write `files` to a temp dir and lint the Dockerfiles among them; `images`: name -> ref.
    The temp dir is the build context unless `context` is False (then nothing is listed)."""

    def run(
        files: Mapping[str, str],
        images: Mapping[str, str] | None = None,
        code: str | None = None,
        measurer: Measurer | None = None,
        rules: Mapping[str, Any] | None = None,
        context: bool = True,
    ) -> list[Finding]:
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        monkeypatch.chdir(tmp_path)
        settings = Settings(
            rules=rules or default_rules(),
            images={
                (tmp_path / k).resolve(): parse_reference(v) for k, v in (images or {}).items()
            },
            contexts={}
            if context
            else {(tmp_path / n).resolve(): tmp_path / "no-context" for n in files},
            build_args={},
            target=None,
        )
        paths = [n for n in files if "Dockerfile" in n]
        found = lint(paths, settings, measurer).findings
        return [f for f in found if code is None or f.rule == code]

    return run


@pytest.fixture
def lines_of(lint_files: Lint) -> Callable[[str, str], list[int]]:
    """The lines at which rule `code` fires on a single Dockerfile, its build context unknown."""

    def run(dockerfile: str, code: str) -> list[int]:
        return [f.line for f in lint_files({"Dockerfile": dockerfile}, code=code, context=False)]

    return run


class FakeMeasurer:
    """Registry facts handed over as they would come from `check --registry`."""

    def __init__(
        self,
        bases: Mapping[str, BaseFacts] | None = None,
        built: Mapping[str, BuiltFacts] | None = None,
        layers: Mapping[str, BuiltLayers] | None = None,
    ) -> None:
        self.bases = {str(parse_reference(k)): v for k, v in (bases or {}).items()}
        self.built_facts = {str(parse_reference(k)): v for k, v in (built or {}).items()}
        self.built_layers = {str(parse_reference(k)): v for k, v in (layers or {}).items()}

    def base(self, image: ImageRef) -> BaseFacts | None:
        return self.bases.get(str(image))

    def built(self, image: ImageRef) -> BuiltFacts | None:
        return self.built_facts.get(str(image))

    def layers(self, image: ImageRef) -> BuiltLayers | None:
        return self.built_layers.get(str(image))


def base_facts(
    ref: str,
    files: Mapping[str, int],
    chain: list[tuple[str, int]] | None = None,
    layer_sizes: list[int] | None = None,
) -> BaseFacts:
    return BaseFacts(
        parse_reference(ref),
        {path: (size, 0) for path, size in files.items()},
        tuple(parse_reference(r) for r, _ in chain or []),
        tuple(n for _, n in chain or []),
        tuple(layer_sizes or []),
    )


@pytest.fixture
def registry_facts() -> tuple[type[FakeMeasurer], Callable[..., BaseFacts]]:
    """(FakeMeasurer, base_facts) for tests of what `check --registry` measures."""
    return FakeMeasurer, base_facts


def built_facts(ref: str, **fields: Any) -> BuiltFacts:
    values: dict[str, Any] = {
        "layer_count": 5,
        "compressed_size": 1000,
        "uncompressed_size": 2000,
        "wasted_bytes": 0,
        "wasted": (),
        "previous": None,
        "update_download": None,
        "new_layers": (),
    }
    values.update(fields)
    return BuiltFacts(parse_reference(ref), **values)


@pytest.fixture
def budget_findings(lint_files: Lint, tmp_path: Path) -> Callable[..., list[Finding]]:
    """Findings of `code` for a Dockerfile building `app:2`, measured as `facts`, with `budgets`."""

    def run(code: str, budgets: Mapping[str, Any], **facts: Any) -> list[Finding]:
        from layerguard.project import config

        lines = "".join(f"  {k}: {v}\n" for k, v in budgets.items())
        (tmp_path / ".layerguard.yaml").write_text(f"budgets:\n{lines}")
        rules = config.load(tmp_path / ".layerguard.yaml").rules
        text = "FROM base:1 AS build\nRUN make\nFROM base:1\nCOPY --from=build /o /o\n"
        measurer = FakeMeasurer(built={"app:2": built_facts("app:2", **facts)})
        return lint_files(
            {"Dockerfile": text},
            images={"Dockerfile": "app:2"},
            code=code,
            measurer=measurer,
            rules=rules,
        )

    return run


@pytest.fixture
def found(lint_files: Lint) -> Callable[[str], list[tuple[int, str]]]:
    """(line, rule) of every LG002-LG006 finding on `dockerfile`."""

    def run(dockerfile: str) -> list[tuple[int, str]]:
        findings = lint_files({"Dockerfile": dockerfile}, context=False)
        return sorted((f.line, f.rule) for f in findings if f.rule != "LG001")

    return run
