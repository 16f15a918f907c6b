"""A finding's fix rides along in the JSON report, so the Action's SARIF (rendered from the JSON)
carries it too."""

from __future__ import annotations

import json

from layerguard.findings import Edit, Finding, Fix, Severity
from layerguard.formatters import Style, json_format, sarif
from layerguard.linter import Report

FIX = Fix("COPY --chown=a:a at line 2 instead of the RUN", True, (
    Edit(2, 2, "COPY --chown=a:a x /app/"), Edit(3, 3, None)
))  # fmt: skip
FINDING = Finding(
    "Dockerfile", 3, 3, 1, "LG004", "ownership-copy-up", Severity.WARNING, "chown", "help", fix=FIX
)


def test_fix_round_trips_through_json() -> None:
    report = Report(1, (FINDING, FINDING._replace(line=5, fix=None)))
    text = json_format.render(report, Style())
    (first, second) = json.loads(text)["violations"]
    assert first["fix"] == {
        "description": "COPY --chown=a:a at line 2 instead of the RUN",
        "safe": True,
        "edits": [
            {"line": 2, "end_line": 2, "text": "COPY --chown=a:a x /app/"},
            {"line": 3, "end_line": 3, "text": None},
        ],
    }
    assert "fix" not in second
    loaded = json_format.load(text)
    assert loaded == report
    assert sarif.render(loaded, Style(root=".")) == sarif.render(report, Style(root="."))
