"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding.

Syntax: https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from layerguard.findings import Severity
from layerguard.formatters.text import summary
from layerguard.records import TYPE_CHECKING

if TYPE_CHECKING:
    from layerguard.formatters import Style
    from layerguard.linter import Report

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, style: Style) -> str:
    lines = []
    for f in report.findings:
        props = [f"file={_prop(f.file)}", f"line={f.line}", f"endLine={f.end_line}"]
        if f.column > 1:
            props.append(f"col={f.column}")
        props.append(f"title={_prop(f'{f.rule} {f.name}')}")
        body = _data(f"{f.message}\n{f.help}")
        lines.append(f"::{_COMMANDS[f.severity]} {','.join(props)}::{body}")
    if not style.quiet:
        lines.append(summary(report))
    return "".join(line + "\n" for line in lines)


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
