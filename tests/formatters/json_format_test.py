from __future__ import annotations

import json

import pytest

from layerguard.errors import LayerguardError
from layerguard.formatters import FORMATTERS, Style, json_format
from layerguard.linter import Report


def test_json_contract(report: Report) -> None:
    document = json.loads(json_format.render(report, Style()))
    assert document["version"] == 1
    assert document["summary"] == {"files": 2, "errors": 1, "warnings": 1, "infos": 1}
    assert document["violations"][1] == {
        "rule": "LG003",
        "name": "delete-in-later-layer",
        "severity": "warning",
        "file": "Dockerfile",
        "line": 3,
        "end_line": 4,
        "column": 1,
        "message": "removes /usr/share/doc: 100% still ships",
        "help": "Remove the files in the RUN that creates them.",
    }
    assert document["violations"][0]["measured"]["inherited_bytes"] == 123456789


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_every_format_renders_the_same_from_a_json_report(report: Report, name: str) -> None:
    again = json_format.load(json_format.render(report, Style()))
    assert again == report
    assert FORMATTERS[name](again, Style()) == FORMATTERS[name](report, Style())


@pytest.mark.parametrize(
    "text", ["", "[]", '{"version": 2}', '{"version": 1, "violations": [{}], "summary": {}}']
)
def test_load_rejects_what_is_not_a_report(text: str) -> None:
    with pytest.raises(LayerguardError, match="not a layerguard JSON report"):
        json_format.load(text)
