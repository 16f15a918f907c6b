"""`FILE:LINE CODE severity: message`, each finding followed by a `help:` line saying how to
fix it (as ruff and rustc do) and where the rule is explained, then a summary. Quiet prints the
finding lines only."""

from __future__ import annotations

from layerguard.findings import Severity, human
from layerguard.records import TYPE_CHECKING

if TYPE_CHECKING:
    from layerguard.formatters import Style
    from layerguard.linter import Report

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render(report: Report, style: Style) -> str:
    lines = []
    for f in report.findings:
        severity = str(f.severity)
        # `[*]`: `check --fix` repairs it, as ruff marks what its --fix repairs.
        mark = " [*]" if f.fix is not None and f.fix.safe else ""
        if style.color:
            lines.append(
                f"{_BOLD}{f.file}:{f.line}{_RESET} {_DIM}{f.rule}{_RESET}{mark} "
                f"{_COLORS[f.severity]}{severity}{_RESET}: {f.message}"
            )
        else:
            lines.append(f"{f.file}:{f.line} {f.rule}{mark} {severity}: {f.message}")
        if not style.quiet and f.help:
            lines.append(help_line(f.help, f.rule, style.color))
    if not style.quiet:
        lines.append(summary(report))
        fixable = fixable_line(report)
        if fixable:
            lines.append(fixable)
    return "".join(line + "\n" for line in lines)


def help_line(text: str, code: str, color: bool = False) -> str:
    """`  help: Remove the files in the RUN that creates them. See `layerguard explain LG003`.`"""
    label = f"{_BOLD}help{_RESET}" if color else "help"
    text = text.rstrip()
    joined = f"{text} See" if text.endswith((".", "!", "?")) else f"{text}; see"
    return f"  {label}: {joined} `layerguard explain {code}`."


def summary(report: Report) -> str:
    """`3 problems (1 error, 2 warnings) in 2 files`, or `no problems in 2 files`."""
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if not report.findings:
        return f"no problems in {files}"
    counts = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        n = sum(1 for f in report.findings if f.severity is severity)
        if n:
            counts.append(f"{n} {severity}{'s' if n != 1 else ''}")
    total = len(report.findings)
    line = f"{total} problem{'s' if total != 1 else ''} ({', '.join(counts)}) in {files}"
    weighed = reclaimable(report)
    if weighed is not None:
        paths, size = weighed
        line += f"; {human(size)} reclaimable in {paths} file{'s' if paths != 1 else ''}"
    return line


def fixable_line(report: Report) -> str:
    """`[*] 2 fixable with --fix (1 more with --unsafe-fixes).`, or '' when nothing is."""
    safe = sum(1 for f in report.findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in report.findings if f.fix is not None and not f.fix.safe)
    if not safe and not unsafe:
        return ""
    if not safe:
        return f"{unsafe} fixable with --fix --unsafe-fixes."
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"[*] {safe} fixable with --fix{more}."


def reclaimable(report: Report) -> tuple[int, int] | None:
    """(files, bytes) the findings weigh, measured or else estimated; None when none does."""
    paths = size = 0
    for f in report.findings:
        figures = f.measured if f.measured is not None else f.estimated
        if figures and isinstance(figures.get("bytes"), int) and "paths" in figures:
            paths += figures["paths"]
            size += figures["bytes"]
    return (paths, size) if size else None
