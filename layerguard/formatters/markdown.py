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
    lines.extend(_images(report.images))
    return "".join(line + "\n" for line in lines)


def _images(records: Any) -> list[str]:
    """A compact chart of the built images (check --registry): a bar of what each pull
    downloads and of the part a fix would reclaim, a row an image."""
    if not records:
        return []
    lines = [
        "",
        "| image | layers | uncompressed | reclaimable |  |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for record in records:
        size = record.get("uncompressed_size") or 0
        waste = record.get("reclaimable_bytes", record.get("wasted_bytes")) or 0
        share = waste / size if size else 0.0
        bar = "█" * round(share * 20) + "░" * (20 - round(share * 20))
        name = str(record.get("reference", "")).rsplit("/", 1)[-1]
        lines.append(
            f"| `{_cell(name)}` | {len(record.get('layers') or ())} | {human_size(size)} "
            f"| {human_size(waste)} ({share:.0%}) | `{bar}` |"
        )
    return lines


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
