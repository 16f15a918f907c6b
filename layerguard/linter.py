"""The engine: reads and parses files, runs the enabled rules, stamps code and severity,
applies pragmas, and sorts. Rules never decide severity; this module does, from the config."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from layerguard import rules as rule_table
from layerguard.dockerfile import pragmas
from layerguard.dockerfile.filesystem import layers
from layerguard.dockerfile.parser import ParseError, check_instructions, parse, screen
from layerguard.errors import LayerguardError
from layerguard.findings import Finding, Problem, Severity
from layerguard.project.chain import Graph, Source
from layerguard.project.config import RuleSetting
from layerguard.records import TYPE_CHECKING, NamedTuple
from layerguard.reference import ImageRef
from layerguard.rules.base import BaseFacts, BuiltFacts, BuiltLayers, Context

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Protocol

    class Measurer(Protocol):
        """What `check --registry` adds: facts about base images and built images, by
        reference."""

        def base(self, image: ImageRef) -> BaseFacts | None: ...

        def built(self, image: ImageRef) -> BuiltFacts | None: ...

        def layers(self, image: ImageRef) -> BuiltLayers | None: ...


class Settings(NamedTuple):
    rules: Mapping[str, RuleSetting]
    images: Mapping[Path, ImageRef]
    contexts: Mapping[Path, Path]
    build_args: Mapping[str, str]
    target: str | None


class Report(NamedTuple):
    files: int
    findings: tuple[Finding, ...]
    # With `check --registry --format html`: the built images, as `inspect --format json` has them.
    images: tuple[Mapping[str, Any], ...] = ()


# The engine's own finding for a pragma naming no rule (dockerfile/pragmas.py describes it).
PRAGMA_CODE = pragmas.UNKNOWN_CODE
PRAGMA_NAME = pragmas.UNKNOWN_NAME
PRAGMA_SUMMARY = pragmas.UNKNOWN_SUMMARY
PRAGMA_HELP = pragmas.UNKNOWN_HELP
PRAGMA_DOC = pragmas.UNKNOWN_DOC

PARSE_ERROR_DOC = """
## What it does
Reports a file that `docker build` (BuildKit) would reject, on the line where BuildKit stops:
bad syntax (an unterminated heredoc, a bad parser directive, text that is not UTF-8), an unknown
instruction (`FOO bar`, or a file that is not a Dockerfile at all), an instruction other than
`ARG` before the first `FROM`, no `FROM`, `FROM` with the wrong number of arguments or a bad stage
name, `COPY`/`ADD` without a destination.

## Why it matters
A CI guard that passed it would pass a build that fails. LG000 is always an error and cannot be
ignored by a pragma. Like BuildKit it names the first line refused; the rest of the file is
still checked without the refused instructions (`RUM` for `RUN`, a stray `&& rm ...` line that
lost its backslash), so one run shows what else to fix. Nothing else is checked when what
follows cannot be read soundly: bad syntax as above, a `FROM` with the wrong number of
arguments, no `FROM`.

## Use instead
Fix the line the finding names, then run `docker build` (or `docker buildx build --check`) to
confirm BuildKit accepts the file.
"""

# Below this many files a second process costs more than it saves.
PARALLEL_MIN_FILES = 200


def lint(
    paths: Sequence[str],
    settings: Settings,
    measurer: Measurer | None = None,
    texts: Mapping[str, bytes] | None = None,
) -> Report:
    """Check `paths` (as the user gave them) together, so FROM chains across them are followed.
    `texts` holds the contents of some of them as they would be (`check --diff` lints its fixes
    before anything is written)."""
    workers = min(os.cpu_count() or 1, 4)
    # Without image mappings no file's result depends on another's, so big runs can be split.
    if (
        measurer is None
        and not texts
        and not settings.images
        and len(paths) >= PARALLEL_MIN_FILES
        and workers > 1
        and sys.platform == "linux"
    ):
        return _lint_in_parallel(paths, settings, workers)
    return _lint(paths, settings, measurer, texts or {})


def _lint_in_parallel(paths: Sequence[str], settings: Settings, workers: int) -> Report:
    import multiprocessing

    global _forked_settings
    unique = list(dict.fromkeys(paths))
    # Contiguous slices keep a repository's variants (Dockerfile, Dockerfile.alpine, ...) in one
    # worker, where their shared RUN blocks are analysed once.
    size = -(-len(unique) // workers)
    chunks = [unique[i : i + size] for i in range(0, len(unique), size)]
    _forked_settings = settings  # forked workers inherit it: settings hold unpicklable proxies
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            reports = pool.map(_lint_forked, chunks)
    finally:
        _forked_settings = None
    findings = sorted((f for r in reports for f in r.findings), key=Finding.sort_key)
    return Report(len(paths), tuple(findings))


_forked_settings: Settings | None = None


def _lint_forked(paths: list[str]) -> Report:
    assert _forked_settings is not None
    return _lint(paths, _forked_settings, None, {})


def _lint(
    paths: Sequence[str],
    settings: Settings,
    measurer: Measurer | None,
    texts: Mapping[str, bytes],
) -> Report:
    findings: list[Finding] = []
    sources: dict[str, Source] = {}
    decoded: dict[str, str] = {}
    refused: set[str] = set()  # files BuildKit rejects: checked, but nothing to fix automatically
    for display in paths:
        try:
            if display in texts:
                data = texts[display]
            elif display == "-":  # standard input, its build context the working directory
                data = sys.stdin.buffer.read()
            else:
                with open(display, "rb") as handle:
                    data = handle.read()
        except OSError as exc:
            raise LayerguardError(f"{display}: cannot read: {exc.strerror or exc}") from None
        rejected: list[ParseError] = []
        try:
            parsed, screened = screen(parse(data, rejected))
        except ParseError as exc:
            # (BuildKit's parser refuses a line before its instruction step sees any FROM)
            findings.append(_parse_error(display, rejected[0] if rejected else exc))
            continue
        key = os.path.realpath(display)
        if key in sources:
            continue
        if rejected or screened:
            # BuildKit stops at the first; the rest of the file is still checked without them.
            findings.append(_parse_error(display, (*rejected, *screened)[0]))
            refused.add(key)
        image, context, declared = _declared(settings, key)
        sources[key] = Source(display, parsed, image, context, declared)
        decoded[key] = data.decode().removeprefix("\ufeff")
    graph = Graph(
        {**_companions(settings, sources), **sources}, settings.build_args, settings.target
    )
    for key, source in sources.items():
        found = _check_file(graph, key, source, decoded[key], settings.rules, measurer)
        if key in refused:
            found = [f._replace(fix=None) for f in found]
        findings.extend(found)
    findings.sort(key=Finding.sort_key)
    return Report(len(paths), tuple(findings))


def _parse_error(display: str, exc: ParseError) -> Finding:
    return Finding(
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


def _companions(settings: Settings, checked: Mapping[str, Source]) -> dict[str, Source]:
    """The declared Dockerfiles that were not given: read so that a chain through them is
    followed (`check Dockerfile.v4` sees what Dockerfile.v3 wrote, as `check` over the whole tree
    does, and so does a hook given only the staged files). Their own findings are not reported;
    one that cannot be read or parsed is left out, as its own check would report it."""
    companions: dict[str, Source] = {}
    for path, image in settings.images.items():
        key = os.path.realpath(path)
        if key in checked or key in companions:
            continue
        try:
            with open(key, "rb") as handle:
                parsed = parse(handle.read())
            check_instructions(parsed)
        except (OSError, ParseError):
            continue
        display = os.path.relpath(key)
        if display.startswith(".." + os.sep):
            display = key
        context = settings.contexts.get(path)
        companions[key] = Source(
            display, parsed, image, str(context) if context else os.path.dirname(key), bool(context)
        )
    return companions


def _declared(settings: Settings, real: str) -> tuple[ImageRef | None, str, bool]:
    """The image a file builds, its build context (its directory unless declared), and
    whether the context was declared."""
    if not settings.images and not settings.contexts:
        return None, os.path.dirname(real), False  # without declarations, no pathlib to load
    from pathlib import Path

    resolved = Path(real)
    context = settings.contexts.get(resolved)
    image = settings.images.get(resolved)
    return image, str(context) if context else os.path.dirname(real), context is not None


def _severity(setting: RuleSetting, problem: Problem) -> Severity:
    """The configured severity, or info when the bytes measured (or, without the registry,
    estimated from the build context) fall under the rule's min-bytes."""
    figures = problem.measured if problem.measured is not None else problem.estimated
    measured = (figures or {}).get("bytes")
    if isinstance(measured, int) and measured < setting.options.get("min-bytes", -1):
        return Severity.INFO
    return setting.severity


def _check_file(
    graph: Graph,
    key: str,
    source: Source,
    text: str,
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
    # The external image the chain stands on: what the registry lists, and what bases knows.
    outside = next((link.image for link in chain if link.file is None), None)
    base = built = built_layers = None
    if measurer is not None:
        if outside is not None:
            base = measurer.base(outside)
        if source.image is not None:
            built = measurer.built(source.image)
            built_layers = measurer.layers(source.image)
    steps = graph.steps(key)
    model_layers = layers(steps, base, outside)
    ctx = Context(
        model, source.image, steps, chain, base, built, model_layers, built_layers, text, outside,
        graph.start_texts(key),
    )  # fmt: skip
    spans = [(n.start_line, n.end_line) for n in source.parsed.nodes]
    suppressions = pragmas.collect(text.splitlines(), spans)
    out = _unknown_pragma_codes(source.display, suppressions, settings)
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
                    problem.help or rule.HELP,
                    problem.measured,
                    problem.estimated,
                    problem.fix,
                )
            )
    return out


def _unknown_pragma_codes(
    display: str, suppressions: pragmas.Suppressions, settings: Mapping[str, RuleSetting]
) -> list[Finding]:
    """LG099 for each word of a pragma that names no rule (`ignore=LG0005`): without it, a typo
    in a pragma would silently ignore nothing, and nobody would notice until the rule fired."""
    setting = settings.get(PRAGMA_CODE, RuleSetting(True, Severity.WARNING, {}))
    if not suppressions.named or not setting.enabled:
        return []
    known = {"all", rule_table.PARSE_ERROR_CODE, rule_table.PARSE_ERROR_NAME, PRAGMA_CODE}
    known |= {PRAGMA_NAME, *(r.CODE for r in rule_table.RULES), *(r.NAME for r in rule_table.RULES)}
    out = []
    for line, word in suppressions.named:
        if pragmas.normalise(word) in known:
            continue
        import difflib

        close = difflib.get_close_matches(pragmas.normalise(word), sorted(known), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        out.append(
            Finding(
                display,
                line,
                line,
                1,
                PRAGMA_CODE,
                PRAGMA_NAME,
                setting.severity,
                f"layerguard pragma names {word!r}, which no rule has{hint}: it ignores nothing",
                PRAGMA_HELP,
            )
        )
    return out
