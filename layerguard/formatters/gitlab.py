"""GitLab Code Quality JSON (`artifacts:reports:codequality`), a subset of Code Climate's format.

The fingerprint hashes the file, rule, message and the occurrence among equal ones, not the line:
GitLab compares fingerprints between the merge request and its target branch, and a finding that
only moved down a line must not show up as fixed-and-new.
Spec: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
"""

from __future__ import annotations

import json

from layerguard.findings import Severity
from layerguard.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from layerguard.formatters import Style
    from layerguard.linter import Report

_SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def render(report: Report, style: Style) -> str:
    from layerguard.formatters import fingerprints

    issues: list[dict[str, Any]] = []
    for f, fingerprint in zip(report.findings, fingerprints(report), strict=True):
        path = f.file.removeprefix("./")
        issues.append(
            {
                "description": f"{f.rule} {f.name}: {f.message}",
                "check_name": f.rule,
                "fingerprint": fingerprint,
                "severity": _SEVERITIES[f.severity],
                "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
