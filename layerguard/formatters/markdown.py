"""A Markdown table of the findings, for a GitHub job summary or a merge-request comment."""

from __future__ import annotations

from collections.abc import Mapping

from layerguard.formatters.text import summary
from layerguard.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from layerguard.formatters import Style
    from layerguard.linter import Report


def render(report: Report, style: Style) -> str:
    lines = ["### layerguard", ""]
    if report.findings:
        measured = any(f.measured for f in report.findings)
        header = ["severity", "where", "rule", "message"] + (["measured"] if measured else [])
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + " --- |" * len(header))
        for f in report.findings:
            cells = [
                str(f.severity),
                f"`{f.file}:{f.line}`",
                f"{f.rule} {f.name}",
                _cell(f.message),
            ]
            if measured:
                cells.append(_cell(_figures(f.measured or {})))
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines.append(summary(report))
    return "".join(line + "\n" for line in lines)


def _cell(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\n", " ")
    )


def _figures(measured: Mapping[str, Any]) -> str:
    parts = []
    for key, value in measured.items():
        if isinstance(value, int) and not isinstance(value, bool) and "bytes" in key:
            shown = f"{human_size(value)} ({value:,} bytes)" if value >= 1000 else f"{value} B"
        elif isinstance(value, (list, tuple)):
            shown = " <- ".join(str(v) for v in value)
        else:
            shown = str(value)
        parts.append(f"{key.replace('_', ' ')}: {shown}")
    return ", ".join(parts)


def human_size(n: int) -> str:
    """SI units, as registries and `docker images` show sizes: 1234567 -> '1.2 MB'."""
    size = float(n)
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if size < 1000 or unit == "TB":
            return f"{n} B" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")
