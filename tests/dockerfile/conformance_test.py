"""The parser against BuildKit's own parser test data and our probes (../shared)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from realparts import SHARED

from layerguard.dockerfile.parser import Node, ParseError, dump, parse

_CONFORMANCE = SHARED / "conformance"


def _dirs(folder: str, prefix: str = "") -> list[str]:
    root = _CONFORMANCE / folder
    if not root.is_dir():
        return []  # an empty parameter set: skipped, and failed under CI=true (tests/conftest.py)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.name.startswith(prefix))


_BUILDKIT = _dirs("buildkit-parser")
_WITH_RESULT = [d for d in _BUILDKIT if (_CONFORMANCE / "buildkit-parser" / d / "result").exists()]


def _spans(nodes: tuple[Node, ...]) -> list[tuple[str, int, int]]:
    return [(n.keyword, n.start_line, n.end_line) for n in nodes]


@pytest.mark.parametrize("case", _WITH_RESULT)
def test_dump_matches_buildkit(shared: Path, case: str) -> None:
    folder = shared / "conformance" / "buildkit-parser" / case
    expected = (folder / "result").read_text(encoding="utf-8").splitlines()
    parsed = parse((folder / "Dockerfile").read_bytes())
    assert [dump(n) for n in parsed.nodes] == expected


def test_all_buildkit_result_cases_are_collected(shared: Path) -> None:
    # Every parametrized list below is pinned, so none can shrink (or vanish) unnoticed.
    assert len(_WITH_RESULT) == 33
    assert len(_dirs("buildkit-parser", "negative__")) == 4
    assert len(_dirs("buildkit-parser", "heredoc-parser__")) == 2
    assert len(_dirs("buildkit-parser", "heredoc-integ__")) == 14
    assert len(_dirs("probes")) == 23


@pytest.mark.parametrize("case", [d for d in _BUILDKIT if d.startswith("negative__")])
def test_negative_rejected(shared: Path, case: str) -> None:
    data = (shared / "conformance" / "buildkit-parser" / case / "Dockerfile").read_bytes()
    with pytest.raises(ParseError):
        parse(data)


def test_line_information(shared: Path) -> None:
    # BuildKit parser_test.go TestParseIncludesLineNumbers / TestLineInformation
    data = (
        shared / "conformance" / "buildkit-parser" / "testfile-line" / "Dockerfile"
    ).read_bytes()
    assert _spans(parse(data).nodes) == [("from", 5, 5), ("env", 11, 12), ("run", 17, 31)]


@pytest.mark.parametrize("case", _dirs("buildkit-parser", "heredoc-parser__"))
def test_heredoc_parser(shared: Path, case: str) -> None:
    folder = shared / "conformance" / "buildkit-parser" / case
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["instructions"]
    parsed = parse((folder / "Dockerfile").read_bytes())
    got = [
        {
            "cmd": n.keyword,
            "heredocs": [
                {
                    "name": h.name,
                    "content": h.content,
                    "expand": h.expand,
                    "chomp": h.chomp,
                    "fd": h.fd,
                }
                for h in n.heredocs
            ],
        }
        for n in parsed.nodes
    ]
    assert got == expected


@pytest.mark.parametrize("case", _dirs("buildkit-parser", "heredoc-integ__"))
def test_heredoc_bodies_are_never_instructions(shared: Path, case: str) -> None:
    data = (shared / "conformance" / "buildkit-parser" / case / "Dockerfile").read_bytes()
    nodes = parse(data).nodes
    assert any(n.heredocs for n in nodes)
    bodies = [range(h.start_line, h.end_line + 1) for n in nodes for h in n.heredocs]
    for node in nodes:
        assert not any(node.start_line in body for body in bodies), dump(node)
    for before, after in itertools.pairwise(nodes):
        assert before.end_line < after.start_line


@pytest.mark.parametrize("case", _dirs("probes"))
def test_probe(shared: Path, case: str) -> None:
    folder = shared / "conformance" / "probes" / case
    data = (folder / "Dockerfile").read_bytes()
    if case == "non-utf8-byte":
        with pytest.raises(ParseError) as excinfo:
            parse(data)
        assert excinfo.value.line == 2
        return
    parsed = parse(data)
    expected = folder / "expected.json"
    if expected.exists():
        instructions = json.loads(expected.read_text(encoding="utf-8"))["instructions"]
        assert [n.keyword for n in parsed.nodes] == [i["cmd"] for i in instructions]


@pytest.mark.parametrize(
    ("case", "spans"),
    [
        ("crlf", [("from", 1, 1), ("run", 2, 3), ("cmd", 4, 4)]),
        ("bom", [("from", 1, 1), ("run", 2, 2)]),
        ("heredoc-followed-by-comment", [("from", 1, 1), ("run", 2, 4), ("cmd", 6, 6)]),
        ("heredoc-after-continuation", [("from", 1, 1), ("run", 2, 5)]),
        ("comment-then-empty-in-continuation", [("from", 1, 1), ("run", 2, 5), ("run", 6, 6)]),
        ("check-directive-before-escape", [("from", 3, 3), ("run", 4, 5), ("run", 6, 6)]),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_probe_spans(shared: Path, case: str, spans: list[tuple[str, int, int]]) -> None:
    data = (shared / "conformance" / "probes" / case / "Dockerfile").read_bytes()
    assert _spans(parse(data).nodes) == spans


def test_corpus_parses(shared: Path) -> None:
    files = sorted((shared / "corpus" / "dockerfiles").iterdir())
    assert len(files) == 737
    failures = []
    for path in files:
        try:
            parse(path.read_bytes())
        except ParseError as exc:
            failures.append(f"{path.name}: {exc}")
    assert failures == []
