"""SARIF results carry their fixes (artifactChanges with replacements) and still validate."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from layerguard.dockerfile import fix
from layerguard.formatters import Style, sarif
from layerguard.linter import Settings, lint
from layerguard.project.config import default_rules
from tests.formatters.sarif_format_test import validate

TEXT = (
    "FROM registry.example.com/team/toolbox:12\n"
    "COPY app/ /app/\n"
    "# own it\n"
    "RUN chown -R app:app /app\n"
    "RUN apt-get update \\\n"
    "  && apt-get install -y curl\n"
    "RUN <<EOT\n"
    "apk add git\n"
    "EOT\n"
)


def _apply_sarif(text: str, replacements: list[dict[str, Any]]) -> str:
    """Apply SARIF replacements as a viewer would: regions by line and column (1-based)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(line: int, column: int | None, end: bool) -> int:
        if column is None:  # a region without columns: to the end of the line, newline kept
            return offsets[line] - 1 if end else offsets[line - 1]
        return offsets[line - 1] + column - 1

    out = text
    spans = []
    for r in replacements:
        region = r["deletedRegion"]
        start = offset(region["startLine"], region.get("startColumn"), False)
        stop = offset(region["endLine"], region.get("endColumn"), True)
        spans.append((start, stop, r.get("insertedContent", {}).get("text", "")))
    for start, stop, new in sorted(spans, reverse=True):
        out = out[:start] + new + out[stop:]
    return out


def test_sarif_fixes_validate_and_do_what_fix_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: Path
) -> None:
    (tmp_path / "Dockerfile").write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    report = lint(["Dockerfile"], Settings(default_rules(), {}, {}, {}, None))
    document = validate(sarif.render(report, Style(root=os.getcwd())), shared)
    results = document["runs"][0]["results"]
    assert [(r["ruleId"], len(r.get("fixes", []))) for r in results] == [
        ("LG004", 1),
        ("LG005", 1),
        ("LG005", 1),
    ]
    lg004, lg005, heredoc = (r["fixes"][0] for r in results)
    assert lg004 == {
        "description": {
            "text": "COPY --chown=app:app at line 2 instead of the RUN "
            "(safe: `layerguard check --fix`)"
        },
        "artifactChanges": [
            {
                "artifactLocation": {"uri": "Dockerfile", "uriBaseId": "%SRCROOT%"},
                "replacements": [
                    {
                        "deletedRegion": {"startLine": 2, "endLine": 2},
                        "insertedContent": {"text": "COPY --chown=app:app app/ /app/"},
                    },
                    {
                        "deletedRegion": {
                            "startLine": 4,
                            "startColumn": 1,
                            "endLine": 5,
                            "endColumn": 1,
                        }
                    },
                ],
            }
        ],
        "properties": {"safe": True},
    }
    assert heredoc["properties"] == {"safe": False}
    for finding, result in zip(report.findings, results, strict=True):
        assert finding.fix is not None
        replacements = result["fixes"][0]["artifactChanges"][0]["replacements"]
        assert _apply_sarif(TEXT, replacements) == fix.apply(TEXT, [finding.fix]).text
    assert _apply_sarif(TEXT, lg005["artifactChanges"][0]["replacements"]) != TEXT


MOVES = (
    "FROM debian:12\n"
    "COPY big.bin /tmp/big.bin\n"
    "RUN sha256sum /tmp/big.bin && rm /tmp/big.bin\n"
    "COPY app.tgz /tmp/\n"
    "RUN tar -xzf /tmp/app.tgz -C /opt && rm /tmp/app.tgz\n"
)


def test_sarif_fixes_that_move_work_validate_and_do_what_fix_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: Path
) -> None:
    """LG003's bind mount and LG006's ADD drop a COPY and rewrite a RUN: several replacements
    in one fix, applied by a viewer as `check --fix` applies them."""
    import io
    import tarfile

    (tmp_path / "Dockerfile").write_text(MOVES)
    (tmp_path / "big.bin").write_bytes(os.urandom(4096))
    with tarfile.open(tmp_path / "app.tgz", "w:gz") as tar:  # root-owned entries, as ADD gives
        data = b"hi\n"
        member = tarfile.TarInfo("app/a.txt")
        member.size = len(data)
        tar.addfile(member, io.BytesIO(data))
    monkeypatch.chdir(tmp_path)
    report = lint(["Dockerfile"], Settings(default_rules(), {}, {}, {}, None))
    document = validate(sarif.render(report, Style(root=os.getcwd())), shared)
    results = document["runs"][0]["results"]
    fixed = [r for r in results if r.get("fixes")]
    assert {r["ruleId"] for r in fixed} >= {"LG003", "LG006"}
    for finding in report.findings:
        if finding.fix is None:
            continue
        (result,) = (
            r for r in results if r["ruleId"] == finding.rule and
            r["locations"][0]["physicalLocation"]["region"]["startLine"] == finding.line
        )  # fmt: skip
        replacements = result["fixes"][0]["artifactChanges"][0]["replacements"]
        assert _apply_sarif(MOVES, replacements) == fix.apply(MOVES, [finding.fix]).text
