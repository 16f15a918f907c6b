"""Report formats: one module each, chosen from this name -> function table.

A formatter turns a Report into text; it never prints and never decides the exit code.
Each module is imported on first use and imports what it needs beyond json inside render(), so
`layerguard check` loads only the format it prints and starts fast.
"""

from __future__ import annotations

from collections.abc import Callable

from layerguard.errors import LayerguardError
from layerguard.linter import Report
from layerguard.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path


class Style(NamedTuple):
    color: bool = False
    quiet: bool = False
    # The directory report paths are relative to (SARIF's %SRCROOT%); None is the working directory.
    root: str | None = None


Formatter = Callable[[Report, Style], str]


def _lazy(module: str) -> Formatter:
    """The render() of layerguard/formatters/<module>.py, imported when first called."""

    def render(report: Report, style: Style) -> str:
        # __import__ rather than importlib.import_module: importlib loads warnings, 1 ms a run.
        loaded: Formatter = __import__(f"{__name__}.{module}", fromlist=["render"]).render
        return loaded(report, style)

    return render


FORMATTERS: dict[str, Formatter] = {
    "text": _lazy("text"),
    "json": _lazy("json_format"),
    "sarif": _lazy("sarif"),
    "github": _lazy("github"),
    "checkstyle": _lazy("checkstyle"),
    "gitlab": _lazy("gitlab"),
    "junit": _lazy("junit"),
    "markdown": _lazy("markdown"),
    "html": _lazy("html"),
}


def xml_report(report: Report) -> Report:
    """The report with the characters XML 1.0 cannot hold (C0 controls but tab, CR and LF;
    lone surrogates) replaced by U+FFFD, so checkstyle and JUnit stay well-formed whatever a
    path or message holds."""
    import re

    invalid = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

    def clean(text: str) -> str:
        return invalid.sub("\ufffd", text)

    findings = tuple(
        f._replace(file=clean(f.file), message=clean(f.message), help=clean(f.help))
        for f in report.findings
    )
    return report._replace(findings=findings)


def fingerprints(report: Report) -> list[str]:
    """One stable id per finding: a hash of its file, rule, message and its occurrence among
    equal ones, not its line, so a finding that only moved is the same finding (GitLab's
    fingerprint, SARIF's partialFingerprints)."""
    import hashlib

    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in report.findings:
        key = (f.file.removeprefix("./"), f.rule, f.message)
        seen[key] = seen.get(key, 0) + 1
        out.append(hashlib.sha256("\0".join([*key, str(seen[key])]).encode()).hexdigest())
    return out


def relative_to(report: Report, root: Path) -> Report:
    """The report with each finding's file relative to `root` (absolute when outside it), as
    annotations and code scanning want paths relative to the repository, not to the cwd."""
    from pathlib import Path

    root = root.resolve()
    findings = []
    for f in report.findings:
        path = Path(f.file).resolve()
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        findings.append(f._replace(file=shown))
    return report._replace(findings=tuple(findings))


def write_output(path: str, content: str) -> None:
    """Write a report to `--output PATH` (see layerguard.files.write_output): `-` is standard
    output, regular files are replaced atomically, devices and pipes are written straight to."""
    from layerguard.files import write_output as write

    try:
        write(path, content.encode("utf-8"))
    except OSError as exc:
        raise LayerguardError(f"--output {path}: cannot write: {exc.strerror or exc}") from None
