from __future__ import annotations

import hashlib
import json

from layerguard.formatters import Style, gitlab
from layerguard.linter import Report


def test_gitlab_code_quality(report: Report) -> None:
    assert json.loads(gitlab.render(report, Style())) == [
        {
            "description": "LG001 self-chained-base: image is built on app:0.0.2 <- app:0.0.1, "
            "every layer ships again",
            "check_name": "LG001",
            "fingerprint": "1fd5b3d9c1e30d5bfbe85e8525f1b713b7ccd25335823f5d8b2d76f33fa8ac37",
            "severity": "critical",
            "location": {"path": "Dockerfile", "lines": {"begin": 1, "end": 1}},
        },
        {
            "description": "LG003 delete-in-later-layer: removes /usr/share/doc: 100% still ships",
            "check_name": "LG003",
            "fingerprint": "7d6d7b842a06763f24da038294a25860867eb1895607e76f4235caf4973ec1e3",
            "severity": "major",
            "location": {"path": "Dockerfile", "lines": {"begin": 3, "end": 4}},
        },
        {
            "description": 'LG005 package-cache-kept: leaves "apt" lists | <kept>',
            "check_name": "LG005",
            "fingerprint": "31c49c9df30e9219622d253c7025c4e45db272288a5197758a7f1593b88533db",
            "severity": "info",
            "location": {"path": "sub/api.Dockerfile", "lines": {"begin": 2, "end": 2}},
        },
    ]
    assert gitlab.render(report, Style()).startswith('[\n  {\n    "description": "LG001 ')


def test_gitlab_fingerprint_recipe(report: Report) -> None:
    first = report.findings[0]
    recipe = f"Dockerfile\0LG001\0{first.message}\x001".encode()
    assert json.loads(gitlab.render(report, Style()))[0]["fingerprint"] == (
        hashlib.sha256(recipe).hexdigest()
    )


def test_gitlab_fingerprints_survive_moves_and_stay_unique(report: Report) -> None:
    delete = report.findings[1]
    before = json.loads(gitlab.render(Report(1, (delete,)), Style()))
    moved = json.loads(gitlab.render(Report(1, (delete._replace(line=9, end_line=9),)), Style()))
    assert before[0]["fingerprint"] == moved[0]["fingerprint"]
    twice = json.loads(
        gitlab.render(Report(1, (delete, delete._replace(line=7, end_line=7))), Style())
    )
    assert twice[0]["fingerprint"] != twice[1]["fingerprint"]
    dotted = json.loads(gitlab.render(Report(1, (delete._replace(file="./Dockerfile"),)), Style()))
    assert dotted[0]["location"]["path"] == "Dockerfile"
    assert dotted[0]["fingerprint"] == before[0]["fingerprint"]


def test_gitlab_clean(clean: Report) -> None:
    assert gitlab.render(clean, Style()) == "[]\n"
