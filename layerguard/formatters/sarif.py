"""SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`) and other viewers.

Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html. Every rule is described
(with its documentation as help), each result points at its instruction's lines, and what the
registry measured rides along in `properties.measured`.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from urllib.parse import quote

from layerguard import __version__
from layerguard.findings import Severity
from layerguard.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from layerguard.formatters import Style
    from layerguard.linter import Report

PROJECT_URL = "https://github.com/layerguard/layerguard"
RULES_URL = f"{PROJECT_URL}/blob/main/docs/rules.md"
SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, style: Style) -> str:
    rules = _descriptors()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for f in report.findings:
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
                        "artifactLocation": {"uri": _uri(f.file)},
                        "region": {
                            "startLine": f.line,
                            "endLine": f.end_line,
                            "startColumn": f.column,
                        },
                    }
                }
            ],
        }
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
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _descriptors() -> list[dict[str, Any]]:
    from layerguard import rules as rule_table

    rules: list[dict[str, Any]] = [
        {
            "id": rule_table.PARSE_ERROR_CODE,
            "name": rule_table.PARSE_ERROR_NAME,
            "shortDescription": {"text": "The file is not a valid Dockerfile."},
            "fullDescription": {
                "text": "The file is not a valid Dockerfile (BuildKit would reject it)."
            },
            "help": {"text": rule_table.PARSE_ERROR_HELP},
            "helpUri": RULES_URL,
            "defaultConfiguration": {"level": "error"},
        }
    ]
    for rule in rule_table.RULES:
        doc = (rule.__doc__ or "").strip()
        rules.append(
            {
                "id": rule.CODE,
                "name": rule.NAME,
                "shortDescription": {"text": rule.SUMMARY},
                "fullDescription": {"text": _section(doc, "What it does") or rule.SUMMARY},
                "help": {"text": rule.HELP, "markdown": doc},
                "helpUri": f"{RULES_URL}#{rule.CODE.lower()}-{rule.NAME}",
                "defaultConfiguration": {"level": _LEVELS[rule_table.severity_of(rule)]},
            }
        )
    return rules


def _section(doc: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    return " ".join(match.group(1).split()) if match else ""


def _uri(path: str) -> str:
    """A URI reference: relative paths stay relative (to the repository root, as code scanning
    reads them), absolute ones become file: URIs."""
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return "file://" + quote(str(posix))
    return quote(str(posix))
