"""Checkstyle XML, read by Jenkins (warnings-ng), reviewdog, SonarQube and most CI dashboards.

One <file> per file with findings, one <error> per finding; source is the rule code.
"""

from __future__ import annotations

from layerguard.records import TYPE_CHECKING

if TYPE_CHECKING:
    from layerguard.formatters import Style
    from layerguard.linter import Report


def render(report: Report, style: Style) -> str:
    import xml.etree.ElementTree as ET

    from layerguard.formatters import xml_report

    report = xml_report(report)

    root = ET.Element("checkstyle", version="4.3")
    files: dict[str, ET.Element] = {}
    for f in report.findings:
        if f.file not in files:
            files[f.file] = ET.SubElement(root, "file", name=f.file)
        ET.SubElement(
            files[f.file],
            "error",
            line=str(f.line),
            column=str(f.column),
            severity=str(f.severity),
            message=f"{f.message} ({f.name})",
            source=f"layerguard.{f.rule}",
        )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
