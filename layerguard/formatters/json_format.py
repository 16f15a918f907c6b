"""The stable JSON contract: {"version": 1, "violations": [...], "summary": {...}}."""

from __future__ import annotations

import json

from layerguard.errors import LayerguardError
from layerguard.findings import Severity
from layerguard.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from layerguard.formatters import Style
    from layerguard.linter import Report


def render(report: Report, style: Style) -> str:
    violations = []
    for f in report.findings:
        item: dict[str, Any] = {
            "rule": f.rule,
            "name": f.name,
            "severity": str(f.severity),
            "file": f.file,
            "line": f.line,
            "end_line": f.end_line,
            "column": f.column,
            "message": f.message,
            "help": f.help,
        }
        if f.measured is not None:
            item["measured"] = dict(f.measured)
        if f.estimated is not None:
            item["estimated"] = dict(f.estimated)
        if f.fix is not None:
            item["fix"] = {
                "description": f.fix.description,
                "safe": f.fix.safe,
                "edits": [
                    {"line": e.line, "end_line": e.end_line, "text": e.text} for e in f.fix.edits
                ],
            }
        violations.append(item)
    summary = {"files": report.files}
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        summary[f"{severity}s"] = sum(1 for f in report.findings if f.severity is severity)
    document: dict[str, Any] = {"version": 1, "violations": violations, "summary": summary}
    if report.images:  # with --registry: the built images, as `inspect --format json` has them
        document["images"] = [dict(record) for record in report.images]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load(text: str) -> Report:
    """The Report a `--format json` document describes, so other formats can be rendered from one
    analysis (the GitHub Action checks once and writes annotations, summary and SARIF from it)."""
    from layerguard.findings import Edit, Finding, Fix
    from layerguard.linter import Report

    def fix(v: dict[str, Any]) -> Fix | None:
        given = v.get("fix")
        if given is None:
            return None
        edits = tuple(Edit(e["line"], e["end_line"], e["text"]) for e in given["edits"])
        return Fix(given["description"], bool(given["safe"]), edits)

    try:
        document = json.loads(text)
        if document.get("version") != 1:
            raise ValueError(f"unsupported version {document.get('version')!r}")
        findings = tuple(
            Finding(
                file=v["file"],
                line=v["line"],
                end_line=v["end_line"],
                column=v["column"],
                rule=v["rule"],
                name=v["name"],
                severity=Severity.parse(v["severity"]),
                message=v["message"],
                help=v["help"],
                measured=v.get("measured"),
                estimated=v.get("estimated"),
                fix=fix(v),
            )
            for v in document["violations"]
        )
        images = document.get("images") or ()
        return Report(document["summary"]["files"], findings, tuple(images))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LayerguardError(f"not a layerguard JSON report: {exc}") from None
