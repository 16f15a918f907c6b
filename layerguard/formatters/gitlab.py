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
    import hashlib

    issues: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for f in report.findings:
        path = f.file.removeprefix("./")
        key = (path, f.rule, f.message)
        seen[key] = seen.get(key, 0) + 1
        fingerprint = hashlib.sha256("\0".join([*key, str(seen[key])]).encode()).hexdigest()
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
