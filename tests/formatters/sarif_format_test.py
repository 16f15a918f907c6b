from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from layerguard import __version__, linter
from layerguard import rules as rule_table
from layerguard.findings import Severity
from layerguard.formatters import Style, fingerprints, sarif
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
    where = {"uri": uri, "uriBaseId": "%SRCROOT%"}
    return [{"physicalLocation": {"artifactLocation": where, "region": region}}]


def what_it_does(doc: str) -> str:
    return " ".join(doc.split("## What it does")[1].split("##")[0].split())


def descriptor(
    code: str, name: str, summary: str, full: str, fix: str, doc: str, level: str
) -> dict[str, Any]:
    rules_url = "https://github.com/layerguard/layerguard/blob/main/docs/rules.md"
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {
            "text": f"{fix} See `layerguard explain {code}`.",
            "markdown": f"**How to fix:** {fix}\n\n{doc.strip()}",
        },
        "helpUri": f"{rules_url}#{code.lower()}-{name}",
        "defaultConfiguration": {"level": level},
    }


def test_sarif_exact(report: Report, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(rule_table, "RULES", (FAKE_RULE,))
    document = json.loads(sarif.render(report, Style(root=str(tmp_path))))
    prints = [{"layerguard/v1": fingerprint} for fingerprint in fingerprints(report)]
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
                            descriptor(
                                "LG000",
                                "parse-error",
                                "The file is not a valid Dockerfile (BuildKit would reject it).",
                                what_it_does(linter.PARSE_ERROR_DOC),
                                rule_table.PARSE_ERROR_HELP,
                                linter.PARSE_ERROR_DOC,
                                "error",
                            ),
                            descriptor(
                                "LG099",
                                "unknown-code-in-pragma",
                                linter.PRAGMA_SUMMARY,
                                what_it_does(linter.PRAGMA_DOC),
                                linter.PRAGMA_HELP,
                                linter.PRAGMA_DOC,
                                "warning",
                            ),
                            descriptor(
                                "LG003",
                                "delete-in-later-layer",
                                "A RUN removes files.",
                                "Reports what it reports.",
                                "Remove them where they are made.",
                                FAKE_RULE.__doc__ or "",
                                "warning",
                            ),
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
                "originalUriBaseIds": {"%SRCROOT%": {"uri": f"file://{tmp_path}/"}},
                "results": [
                    {
                        "ruleId": "LG001",
                        "ruleIndex": 3,
                        "level": "error",
                        "message": {
                            "text": "image is built on app:0.0.2 <- app:0.0.1, every layer ships "
                            "again\nBuild every version FROM a base image."
                        },
                        "locations": location("Dockerfile", 1, 1, 1),
                        "partialFingerprints": prints[0],
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
                        "ruleIndex": 2,
                        "level": "warning",
                        "message": {
                            "text": "removes /usr/share/doc: 100% still ships\n"
                            "Remove the files in the RUN that creates them."
                        },
                        "locations": location("Dockerfile", 3, 4, 1),
                        "partialFingerprints": prints[1],
                    },
                    {
                        "ruleId": "LG005",
                        "ruleIndex": 4,
                        "level": "note",
                        "message": {
                            "text": 'leaves "apt" lists | <kept>\nClean the cache in the same RUN.'
                        },
                        "locations": location("sub/api.Dockerfile", 2, 2, 5),
                        "partialFingerprints": prints[2],
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
    assert [r["id"] for r in driver["rules"]] == ["LG000", "LG099"] + [
        r.CODE for r in rule_table.RULES
    ]
    results = document["runs"][0]["results"]
    assert len(results) == 3
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert validate(sarif.render(clean, Style()), shared)["runs"][0]["results"] == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("Dockerfile", {"uri": "Dockerfile", "uriBaseId": "%SRCROOT%"}),
        ("./docker/api.Dockerfile", {"uri": "docker/api.Dockerfile", "uriBaseId": "%SRCROOT%"}),
        ("my app/Dockerfile", {"uri": "my%20app/Dockerfile", "uriBaseId": "%SRCROOT%"}),
        ("/srv/repo/docker/Dockerfile", {"uri": "docker/Dockerfile", "uriBaseId": "%SRCROOT%"}),
        ("/srv/other/Dockerfile", {"uri": "file:///srv/other/Dockerfile"}),
        ("../other/Dockerfile", {"uri": "file:///srv/other/Dockerfile"}),
    ],
)
def test_sarif_locations_are_relative_to_the_root(path: str, expected: dict[str, str]) -> None:
    # Issue 13.12: an absolute path given on the command line still gives a relative URI.
    assert sarif._location(path, "/srv/repo") == expected


def test_fingerprints_survive_a_line_move(report: Report) -> None:
    moved = report._replace(findings=tuple(f._replace(line=f.line + 5) for f in report.findings))
    before = json.loads(sarif.render(report, Style()))["runs"][0]["results"]
    after = json.loads(sarif.render(moved, Style()))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert len({r["partialFingerprints"]["layerguard/v1"] for r in before}) == 3


def test_sarif_from_absolute_paths_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "docker").mkdir()
    dockerfile = tmp_path / "docker" / "Dockerfile"
    dockerfile.write_text("FROM debian\nRUN rm -rf /usr/share/doc\n")
    result = subprocess.run(
        [sys.executable, "-m", "layerguard", "check", "--format", "sarif", str(dockerfile)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    run = json.loads(result.stdout)["runs"][0]
    where = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": "docker/Dockerfile", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == f"file://{tmp_path}/"
