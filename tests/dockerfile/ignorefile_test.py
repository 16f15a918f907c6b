"""Ignore files and patterns as BuildKit reads them; the regex route and the linear walk agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layerguard.dockerfile.ignorefile import (
    Ignored,
    _regex,
    _tokens,
    _walk,
    compile_pattern,
    excluder,
    git_ignored,
    ignore_file,
    read_ignore_file,
)

PIECES = ["a", "b", ".", "/", "*", "**", "**/", "?", "[ab]", "[^a]", "\\*", "\\["]


@settings(max_examples=500)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=7).map("".join),
    st.lists(st.sampled_from(["a", "b", "/", ".", "*", "["]), max_size=12).map("".join),
)
def test_regex_and_walk_agree(pattern: str, path: str) -> None:
    tokens = _tokens(pattern)
    if tokens is None:
        return
    assert (_regex(tokens).fullmatch(path) is not None) == _walk(tokens, path)


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("**/" * 12 + "x", "a/" * 40 + "y", False),
        ("**/" * 12 + "x", "a/" * 40 + "x", True),
        ("*a" * 8 + "b", "a" * 200, False),
        ("**/a/" * 6 + "x", "a/" * 60 + "y", False),
        ("**/a/" * 6 + "x", "a/" * 60 + "x", True),
    ],
)
def test_wildcard_heavy_patterns_stay_linear(pattern: str, path: str, expected: bool) -> None:
    # Python's backtracking regex took 1.6 s for the first of these (8 `**/`) on one path.
    matcher = compile_pattern(pattern)
    assert matcher is not None and matcher(path) is expected


@pytest.mark.parametrize(
    ("pattern", "matches", "misses"),
    [
        ("**/node_modules", ["node_modules", "a/node_modules/x.js"], ["node_modulesx"]),
        ("a/**/b", ["a/b", "a/x/y/b/f"], ["a/c", "ab"]),
        ("a**b", ["ab", "ax/b"], ["axb"]),
        ("*.[oa]", ["x.o", "y.a"], ["z.c", "d/x.o"]),
        ("\\*.txt", ["*.txt"], ["a.txt"]),
        ("./dist/", ["dist", "dist/a"], ["src/dist"]),
        ("/build", ["build/o"], ["src/build"]),
        ("foo/**", ["foo/a", "foo/a/b"], ["foo"]),
        ("**.log", ["x.log", "src/x.log", "logs.log/a"], ["x.logs", "log"]),
        ("**/foo", ["foo", "a/foo", "a/foo/b"], ["afoo", "foo.x"]),
    ],
)
def test_patterns_match_as_buildkit(pattern: str, matches: list[str], misses: list[str]) -> None:
    matcher = compile_pattern(pattern)
    assert matcher is not None
    assert [path for path in matches + misses if matcher(path)] == matches


def test_invalid_and_empty_patterns_name_nothing() -> None:
    assert compile_pattern("[") is None
    assert compile_pattern("a[b") is None
    assert compile_pattern("") is None
    assert not excluder(["[", ""]).matches("anything")


def test_excludes_take_the_last_match_and_bang() -> None:
    excluded = excluder(["*.py", "!a.py"])
    assert excluded.matches("b.py") and not excluded.matches("a.py")


def ignored(context: Path, dockerfile: str) -> Ignored:
    return read_ignore_file(ignore_file(str(context), str(context / dockerfile)))


def test_ignore_file_is_read_as_buildkit_reads_it(tmp_path: Path) -> None:
    # Not UTF-8, a lone CR inside a line, a \x1c Go's TrimSpace keeps, CRLF line ends.
    (tmp_path / ".dockerignore").write_bytes(
        b"# G\xe9n\xe9r\xe9\r\nbig.bin\r\na\rb.txt\n\x1cc.txt\n"
    )
    read = ignored(tmp_path, "Dockerfile")
    assert read.matches("big.bin")
    assert not read.matches("b.txt") and read.matches("a\rb.txt")
    assert not read.matches("c.txt")


def test_which_ignore_file(tmp_path: Path) -> None:
    (tmp_path / ".containerignore").write_text("from-containerignore\n")
    assert not ignored(tmp_path, "Dockerfile").matches("from-containerignore")
    (tmp_path / ".dockerignore").write_text("from-dockerignore\n")
    assert ignored(tmp_path, "Containerfile").matches("from-containerignore")
    (tmp_path / "api.Dockerfile.dockerignore").write_text("own\n")
    own = ignored(tmp_path, "api.Dockerfile")
    assert own.matches("own") and not own.matches("from-dockerignore")


def test_git_ignored_reads_gitignore_files_as_git_does(tmp_path: Path) -> None:
    """A name matches at any depth, a path with a slash from its file's directory, a nested
    .gitignore adds its own, and `!` brings a path back."""
    (tmp_path / ".gitignore").write_text("# data\n*.grid\n/secrets/\nbuild/out\n!keep.grid\n")
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / ".gitignore").write_text(".env\n/dist\n")
    ignored = ["a/b/tides.grid", "secrets/key.pem", "build/out/app.jar", "web/.env",
               "web/x/.env", "web/dist/app.js"]  # fmt: skip
    kept = ["keep.grid", "a/secrets/key.pem", "a/build/out", ".env", "web/x/dist/app.js", "x.py"]
    assert [p for p in ignored if not git_ignored(str(tmp_path), p)] == []
    assert [p for p in kept if git_ignored(str(tmp_path), p)] == []
    assert not git_ignored(str(tmp_path / "nowhere"), "a.grid")
