"""JUnit XML, for CI test-report views (GitLab `artifacts:reports:junit`, Jenkins, Azure).

One failing test case per finding; a clean run is one passing case, since an empty suite reads as
"no tests ran" in most viewers.
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

    tests = str(max(len(report.findings), 1))
    failures = str(len(report.findings))
    counts = {"tests": tests, "failures": failures, "errors": "0"}
    root = ET.Element("testsuites", {"name": "layerguard", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "layerguard check", **counts, "skipped": "0"})
    for f in report.findings:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f.file,
            name=f"{f.rule} {f.name} at line {f.line}",
            file=f.file,
            line=str(f.line),
        )
        failure = ET.SubElement(case, "failure", type=str(f.severity), message=f.message)
        failure.text = f"{f.file}:{f.line} {f.rule} {f.severity}: {f.message}\n{f.help}"
    if not report.findings:
        ET.SubElement(suite, "testcase", classname="layerguard", name="layerguard check")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
