"""`--format html`: one self-contained page. With `check --registry` and the images the files
build, their layers drawn as `compare --format html` draws them, the findings listed beside the
layers they concern; otherwise the findings alone."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from typing import Any

from layerguard.findings import Finding, human
from layerguard.formatters import Style
from layerguard.formatters.text import summary
from layerguard.linter import Report

_PAGE = """<!DOCTYPE html>
<html lang=en>
<head><meta charset=utf-8><title>layerguard check</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1f24}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #d0d7de;vertical-align:top}.error{color:#b42318}.warning{color:#9a6700}
.info{color:#57606a}td.bytes{text-align:right;white-space:nowrap}</style>
</head>
<body><main><h1>layerguard check</h1>
"""


def render(report: Report, style: Style) -> str:
    section = _findings(report)
    if not report.images:
        return _PAGE + section + "</main></body></html>\n"
    from layerguard.image import html as drawn

    page = drawn.render(report.images, "check")
    if len(report.images) == 1:
        page = _mark_layers(page, report.findings)
    return page.replace("<footer>", section + "<footer>", 1)


def _mark_layers(page: str, findings: tuple[Finding, ...]) -> str:
    """Each drawn layer a finding was measured in names it (`data-findings`), so a reader of
    the chart, or a script, sees which instruction costs what; the table gives the layer too."""
    by_layer: dict[int, list[str]] = {}
    for f in findings:
        layer = (f.measured or {}).get("layer")
        if isinstance(layer, int):
            by_layer.setdefault(layer, []).append(f"{f.rule} at line {f.line}")
    for layer, names in by_layer.items():
        text = html.escape(", ".join(names), quote=True)
        page = page.replace(f"data-layer={layer} ", f'data-layer={layer} data-findings="{text}" ')
        # Beside the block, readable without hovering: the codes, to the right of the column.
        codes = html.escape(" ".join(sorted({name.split()[0] for name in names})))
        block = re.compile(
            rf'(<g [^>]*data-layer={layer} data-findings="[^"]*"[^>]*>\n<title>[^<]*</title>\n'
            r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*>\n)'
        )
        page = block.sub(functools.partial(_marker, codes=codes), page)
    return page


def _marker(block: re.Match[str], codes: str) -> str:
    """The block as drawn, then its findings' codes just right of it."""
    x = float(block.group(2)) + float(block.group(4)) + 8
    y = float(block.group(3)) + 14
    mark = f'<text class=finding x="{x:.1f}" y="{y:.1f}" fill="#b42318">&#9664; {codes}</text>'
    return f"{block.group(1)}{mark}\n"


def _findings(report: Report) -> str:
    rows = "".join(_row(f) for f in report.findings)
    table = (
        "<table class=findings><thead><tr><th>where</th><th>rule</th><th>severity</th>"
        "<th>finding</th><th>bytes</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table>\n"
        if rows
        else ""
    )
    return (
        f"<section class=findings aria-label=Findings><h2>Findings</h2>\n"
        f"<p>{html.escape(summary(report))}</p>\n{table}</section>\n"
    )


def _row(f: Finding) -> str:
    figures: Mapping[str, Any] | None = f.measured if f.measured is not None else f.estimated
    size = figures.get("bytes") if figures else None
    kind = "measured" if f.measured is not None else "estimated"
    weight = f"{human(size)} ({kind})" if isinstance(size, int) else ""
    layer = (f.measured or {}).get("layer")
    if isinstance(layer, int):
        weight += f", layer #{layer + 1}"
    return (
        f"<tr class={f.severity} data-rule={f.rule} data-line={f.line}>"
        f"<td>{html.escape(f.file)}:{f.line}</td><td>{f.rule}</td>"
        f"<td class={f.severity}>{f.severity}</td><td>{html.escape(f.message)}</td>"
        f"<td class=bytes>{weight}</td></tr>\n"
    )
