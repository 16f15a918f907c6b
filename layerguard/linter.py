"""The engine: reads and parses files, runs the enabled rules, stamps code and severity,
applies pragmas, and sorts. Rules never decide severity; this module does, from the config."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from layerguard import pragmas
from layerguard import rules as rule_table
from layerguard.chain import Graph, Source
from layerguard.config import RuleSetting
from layerguard.errors import LayerguardError
from layerguard.findings import Finding, Problem, Severity
from layerguard.parser import ParseError, parse
from layerguard.reference import ImageRef
from layerguard.rules.base import BaseFacts, BuiltFacts, Context


class Settings(NamedTuple):
    rules: Mapping[str, RuleSetting]
    images: Mapping[Path, ImageRef]
    contexts: Mapping[Path, Path]
    build_args: Mapping[str, str]
    target: str | None


class Measurer(Protocol):
    """What `check --registry` adds: facts about base images and built images, by reference."""

    def base(self, image: ImageRef) -> BaseFacts | None: ...

    def built(self, image: ImageRef) -> BuiltFacts | None: ...


class Report(NamedTuple):
    files: int
    findings: tuple[Finding, ...]


def lint(paths: Sequence[str], settings: Settings, measurer: Measurer | None = None) -> Report:
    """Check `paths` (as the user gave them) together, so FROM chains across them are followed."""
    findings: list[Finding] = []
    sources: dict[str, Source] = {}
    texts: dict[str, list[str]] = {}
    for display in paths:
        path = Path(display)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise LayerguardError(f"{display}: cannot read: {exc.strerror or exc}") from None
        try:
            parsed = parse(data)
        except ParseError as exc:
            findings.append(
                Finding(
                    display,
                    exc.line,
                    exc.line,
                    1,
                    rule_table.PARSE_ERROR_CODE,
                    rule_table.PARSE_ERROR_NAME,
                    Severity.ERROR,
                    exc.message,
                    rule_table.PARSE_ERROR_HELP,
                )
            )
            continue
        resolved = path.resolve()
        context = settings.contexts.get(resolved, resolved.parent)
        key = str(resolved)
        if key in sources:
            continue
        sources[key] = Source(display, parsed, settings.images.get(resolved), context)
        texts[key] = data.decode("utf-8-sig").splitlines()
    graph = Graph(sources, settings.build_args, settings.target)
    for key, source in sources.items():
        findings.extend(_check_file(graph, key, source, texts[key], settings.rules, measurer))
    findings.sort(key=Finding.sort_key)
    return Report(len(paths), tuple(findings))


def _severity(setting: RuleSetting, problem: Problem) -> Severity:
    """The configured severity, or info when the measured bytes fall under the rule's min-bytes."""
    measured = (problem.measured or {}).get("bytes")
    if isinstance(measured, int) and measured < setting.options.get("min-bytes", -1):
        return Severity.INFO
    return setting.severity


def _check_file(
    graph: Graph,
    key: str,
    source: Source,
    lines: list[str],
    settings: Mapping[str, RuleSetting],
    measurer: Measurer | None,
) -> list[Finding]:
    try:
        model = graph.model(key)
    except ValueError as exc:
        raise LayerguardError(f"{source.display}: {exc}") from None
    if not model.stages:
        return []
    chain = graph.chain(key)
    base = built = None
    if measurer is not None:
        external = [link.image for link in chain if link.file is None]
        if chain and chain[0].file is None:
            base = measurer.base(chain[0].image)
        elif external:
            base = measurer.base(external[0])
        if source.image is not None:
            built = measurer.built(source.image)
    ctx = Context(model, source.image, source.context, graph.steps(key), chain, base, built)
    spans = [(n.start_line, n.end_line) for n in source.parsed.nodes]
    suppressions = pragmas.collect(lines, spans)
    out: list[Finding] = []
    for rule in rule_table.RULES:
        setting = settings[rule.CODE]
        if not setting.enabled:
            continue
        for problem in rule.check(ctx, setting.options):
            if suppressions.suppresses(rule.CODE, rule.NAME, problem.line):
                continue
            out.append(
                Finding(
                    source.display,
                    problem.line,
                    problem.end_line,
                    problem.column,
                    rule.CODE,
                    rule.NAME,
                    _severity(setting, problem),
                    problem.message,
                    rule.HELP,
                    problem.measured,
                )
            )
    return out
