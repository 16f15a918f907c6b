from __future__ import annotations

import json
import types
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from layerguard import __version__
from layerguard import rules as rule_table
from layerguard.findings import Severity
from layerguard.formatters import Style, sarif
from layerguard.linter import Report

FAKE_RULE = types.ModuleType(
    "fake_rule",
    "Fake rule: a one-line title.\n\n## What it does\nReports what it\nreports.\n\n"
    "## Why is this bad?\nBytes.\n",
)
FAKE_RULE.CODE = "LG003"  # type: ignore[attr-defined]
FAKE_RULE.NAME = "delete-in-later-layer"  # type: ignore[attr-defined]
FAKE_RULE.SEVERITY = Severity.WARNING  # type: ignore[attr-defined]
FAKE_RULE.SUMMARY = "A RUN removes files."  # type: ignore[attr-defined]
FAKE_RULE.HELP = "Remove them where they are made."  # type: ignore[attr-defined]


def location(uri: str, start: int, end: int, column: int) -> list[dict[str, Any]]:
    region = {"startLine": start, "endLine": end, "startColumn": column}
    return [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}]


def test_sarif_exact(report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rule_table, "RULES", (FAKE_RULE,))
    document = json.loads(sarif.render(report, Style()))
    rules_url = "https://github.com/layerguard/layerguard/blob/main/docs/rules.md"
    assert document == {
        "$schema": sarif.SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "layerguard",
                        "version": __version__,
                        "informationUri": "https://github.com/layerguard/layerguard",
                        "rules": [
                            {
                                "id": "LG000",
                                "name": "parse-error",
                                "shortDescription": {"text": "The file is not a valid Dockerfile."},
                                "fullDescription": {
                                    "text": "The file is not a valid Dockerfile "
                                    "(BuildKit would reject it)."
                                },
                                "help": {"text": rule_table.PARSE_ERROR_HELP},
                                "helpUri": rules_url,
                                "defaultConfiguration": {"level": "error"},
                            },
                            {
                                "id": "LG003",
                                "name": "delete-in-later-layer",
                                "shortDescription": {"text": "A RUN removes files."},
                                "fullDescription": {"text": "Reports what it reports."},
                                "help": {
                                    "text": "Remove them where they are made.",
                                    "markdown": FAKE_RULE.__doc__.strip(),  # type: ignore[union-attr]
                                },
                                "helpUri": f"{rules_url}#lg003-delete-in-later-layer",
                                "defaultConfiguration": {"level": "warning"},
                            },
                            # not in the (patched) table: described from the finding
                            {
                                "id": "LG001",
                                "name": "self-chained-base",
                                "shortDescription": {
                                    "text": "Build every version FROM a base image."
                                },
                            },
                            {
                                "id": "LG005",
                                "name": "package-cache-kept",
                                "shortDescription": {"text": "Clean the cache in the same RUN."},
                            },
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": "LG001",
                        "ruleIndex": 2,
                        "level": "error",
                        "message": {
                            "text": "image is built on app:0.0.2 <- app:0.0.1, every layer ships "
                            "again\nBuild every version FROM a base image."
                        },
                        "locations": location("Dockerfile", 1, 1, 1),
                        "properties": {
                            "measured": {
                                "chain": ["app:0.0.2", "app:0.0.1"],
                                "inherited_layers": 3,
                                "inherited_bytes": 123456789,
                            }
                        },
                    },
                    {
                        "ruleId": "LG003",
                        "ruleIndex": 1,
                        "level": "warning",
                        "message": {
                            "text": "removes /usr/share/doc: 100% still ships\n"
                            "Remove the files in the RUN that creates them."
                        },
                        "locations": location("Dockerfile", 3, 4, 1),
                    },
                    {
                        "ruleId": "LG005",
                        "ruleIndex": 3,
                        "level": "note",
                        "message": {
                            "text": 'leaves "apt" lists | <kept>\nClean the cache in the same RUN.'
                        },
                        "locations": location("sub/api.Dockerfile", 2, 2, 5),
                    },
                ],
            }
        ],
    }


def validate(text: str, shared: Path) -> dict[str, Any]:
    schema = json.loads((shared / "schemas" / "sarif-2.1.0.json").read_text())
    document: dict[str, Any] = json.loads(text)
    validator = jsonschema.validators.validator_for(schema)(
        schema, format_checker=jsonschema.FormatChecker()
    )
    validator.validate(document)
    return document


def test_sarif_is_valid_against_the_schema(report: Report, clean: Report, shared: Path) -> None:
    document = validate(sarif.render(report, Style()), shared)
    driver = document["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == ["LG000"] + [r.CODE for r in rule_table.RULES]
    results = document["runs"][0]["results"]
    assert len(results) == 3
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert validate(sarif.render(clean, Style()), shared)["runs"][0]["results"] == []


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("Dockerfile", "Dockerfile"),
        ("./docker/api.Dockerfile", "docker/api.Dockerfile"),
        ("my app/Dockerfile", "my%20app/Dockerfile"),
        ("/srv/repo/Dockerfile", "file:///srv/repo/Dockerfile"),
    ],
)
def test_sarif_uris(path: str, uri: str) -> None:
    assert sarif._uri(path) == uri
