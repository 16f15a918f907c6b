"""SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`) and other viewers.

Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html. Every rule is described
(its fix as help, with its documentation as markdown), each result points at its instruction's
lines by a URI relative to %SRCROOT% (the working directory, or --relative-to), carries a
fingerprint that survives line moves, and what the registry measured rides along in
`properties.measured`.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import PurePosixPath
from urllib.parse import quote

from layerguard import __version__
from layerguard.findings import Severity
from layerguard.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from layerguard.findings import Fix
    from layerguard.formatters import Style
    from layerguard.linter import Report

PROJECT_URL = "https://github.com/layerguard/layerguard"
RULES_URL = f"{PROJECT_URL}/blob/main/docs/rules.md"
SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT = "layerguard/v1"


def render(report: Report, style: Style) -> str:
    from layerguard.formatters import fingerprints

    root = os.path.abspath(style.root or os.getcwd())
    rules = _descriptors()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    locations = [_location(f.file, root) for f in report.findings]
    # Fingerprinted by the path as located (relative), so that a checkout elsewhere matches.
    located = report._replace(
        findings=tuple(
            f._replace(file=where["uri"])
            for f, where in zip(report.findings, locations, strict=True)
        )
    )
    for f, where, fingerprint in zip(
        report.findings, locations, fingerprints(located), strict=True
    ):
        if f.rule not in index:  # a code outside the rule table: describe it from the finding
            index[f.rule] = len(rules)
            rules.append(
                {"id": f.rule, "name": f.name, "shortDescription": {"text": f.help or f.name}}
            )
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVELS[f.severity],
            "message": {"text": f"{f.message}\n{f.help}" if f.help else f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": where,
                        "region": {
                            "startLine": f.line,
                            "endLine": f.end_line,
                            "startColumn": f.column,
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT: fingerprint},
        }
        if f.fix is not None:
            result["fixes"] = [_fix(f.fix, where)]
        figures = (("measured", f.measured), ("estimated", f.estimated))
        properties = {key: dict(value) for key, value in figures if value is not None}
        if properties:
            result["properties"] = properties
        results.append(result)
    driver = {
        "name": "layerguard",
        "version": __version__,
        "informationUri": PROJECT_URL,
        "rules": rules,
    }
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {SRCROOT: {"uri": _file_uri(root, directory=True)}},
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _fix(fix: Fix, where: dict[str, str]) -> dict[str, Any]:
    """A SARIF fix: each edit replaces whole lines. A deletion takes the lines with their
    newline (up to column 1 of the next line); a replacement keeps the last newline."""
    replacements: list[dict[str, Any]] = []
    for edit in fix.edits:
        if edit.text is None:
            region = {"startLine": edit.line, "startColumn": 1}
            region.update(endLine=edit.end_line + 1, endColumn=1)
            replacements.append({"deletedRegion": region})
        else:
            replacements.append(
                {
                    "deletedRegion": {"startLine": edit.line, "endLine": edit.end_line},
                    "insertedContent": {"text": edit.text},
                }
            )
    applies = "safe: `layerguard check --fix`" if fix.safe else "unsafe: --unsafe-fixes"
    return {
        "description": {"text": f"{fix.description} ({applies})"},
        "artifactChanges": [{"artifactLocation": where, "replacements": replacements}],
        "properties": {"safe": fix.safe},
    }


def _descriptors() -> list[dict[str, Any]]:
    from layerguard import linter
    from layerguard import rules as rule_table

    rules = [
        _descriptor(
            rule_table.PARSE_ERROR_CODE,
            rule_table.PARSE_ERROR_NAME,
            "The file is not a valid Dockerfile (BuildKit would reject it).",
            rule_table.PARSE_ERROR_HELP,
            linter.PARSE_ERROR_DOC,
            Severity.ERROR,
        ),
        _descriptor(
            linter.PRAGMA_CODE,
            linter.PRAGMA_NAME,
            linter.PRAGMA_SUMMARY,
            linter.PRAGMA_HELP,
            linter.PRAGMA_DOC,
            Severity.WARNING,
        ),
    ]
    for rule in rule_table.RULES:
        rules.append(
            _descriptor(
                rule.CODE,
                rule.NAME,
                rule.SUMMARY,
                rule.HELP,
                rule.__doc__ or "",
                rule_table.severity_of(rule),
            )
        )
    return rules


def _descriptor(
    code: str, name: str, summary: str, fix: str, doc: str, severity: Severity
) -> dict[str, Any]:
    """A reportingDescriptor: help is the fix (what a code-scanning alert shows first), then in
    markdown the rule's whole documentation."""
    doc = doc.strip()
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _section(doc, "What it does") or summary},
        "help": {
            "text": f"{fix} See `layerguard explain {code}`.",
            "markdown": f"**How to fix:** {fix}\n\n{doc}",
        },
        "helpUri": f"{RULES_URL}#{code.lower()}-{name}",
        "defaultConfiguration": {"level": _LEVELS[severity]},
    }


def _section(doc: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    return " ".join(match.group(1).split()) if match else ""


def _location(path: str, root: str) -> dict[str, str]:
    """An artifactLocation: relative to %SRCROOT% (how code scanning matches files to the
    repository), even when the path was given absolute; a file outside the root keeps its
    absolute file: URI."""
    absolute = os.path.join(root, path)
    relative = os.path.relpath(absolute, root)
    if relative == ".." or relative.startswith(".." + os.sep):
        return {"uri": _file_uri(os.path.normpath(absolute))}
    return {
        "uri": quote(PurePosixPath(relative.replace(os.sep, "/")).as_posix()),
        "uriBaseId": SRCROOT,
    }


def _file_uri(path: str, directory: bool = False) -> str:
    posix = path.replace(os.sep, "/")
    if directory and not posix.endswith("/"):
        posix += "/"
    return "file://" + quote(posix if posix.startswith("/") else "/" + posix)
