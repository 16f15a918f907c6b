from __future__ import annotations

import pytest
from timing import assert_linear

from layerguard.dockerfile.parser import (
    Heredoc,
    Node,
    ParseError,
    check_instructions,
    dump,
    parse,
    screen,
)


def _only(text: str) -> Node:
    """The last instruction of text (earlier ones set the scene)."""
    return parse(text).nodes[-1]


# (id, text, [(keyword, start_line, end_line), ...])
SPANS = [
    ("single", "FROM alpine\n", [("from", 1, 1)]),
    ("no-trailing-newline", "FROM alpine\nCMD", [("from", 1, 1), ("cmd", 2, 2)]),
    (
        "blank-and-comment-lines",
        "\n# c\nFROM alpine\n\n  # indented comment\nRUN x\n",
        [("from", 3, 3), ("run", 6, 6)],
    ),
    (
        "continuation",
        "FROM a\nRUN a \\\n  b \\\n  c\nCMD x\n",
        [("from", 1, 1), ("run", 2, 4), ("cmd", 5, 5)],
    ),
    (
        "continuation-skips-empty-and-comment-lines",
        "FROM a\nRUN a \\\n\n# c\n   \n  b\nCMD x\n",
        [("from", 1, 1), ("run", 2, 6), ("cmd", 7, 7)],
    ),
    ("continuation-at-eof", "FROM a\nRUN a \\\n", [("from", 1, 1), ("run", 2, 2)]),
    (
        "continuation-at-eof-after-blank",
        "FROM a\nRUN a \\\n\n\n",
        [("from", 1, 1), ("run", 2, 4)],
    ),
    (
        "crlf",
        "FROM a\r\nRUN a \\\r\n b\r\nCMD x\r\n",
        [("from", 1, 1), ("run", 2, 3), ("cmd", 4, 4)],
    ),
    ("bom", "\ufeffFROM a\nRUN b\n", [("from", 1, 1), ("run", 2, 2)]),
    (
        "heredoc-span-includes-terminator",
        "FROM a\nRUN <<EOF\nFROM b\nEOF\nCMD x\n",
        [("from", 1, 1), ("run", 2, 4), ("cmd", 5, 5)],
    ),
    (
        "two-heredocs",
        "FROM a\nCOPY <<A <<B /d\na\nA\nb\nB\nCMD x\n",
        [("from", 1, 1), ("copy", 2, 6), ("cmd", 7, 7)],
    ),
    (
        "heredoc-then-comment",
        "FROM a\nRUN <<EOF\nx\nEOF\n# c\nCMD x\n",
        [("from", 1, 1), ("run", 2, 4), ("cmd", 6, 6)],
    ),
]


@pytest.mark.parametrize(("text", "spans"), [c[1:] for c in SPANS], ids=[c[0] for c in SPANS])
def test_spans(text: str, spans: list[tuple[str, int, int]]) -> None:
    assert [(n.keyword, n.start_line, n.end_line) for n in parse(text).nodes] == spans


# (id, instruction, expected dump)
DUMPS = [
    ("lowercase-keyword", "Run echo hi", '(run "echo hi")'),
    ("leading-whitespace", "   \tRUN echo hi", '(run "echo hi")'),
    ("tab-separator", "RUN\techo\thi", '(run "echo\\thi")'),
    ("unknown-instruction-kept", "FOO bar", '(foo "")'),
    ("json-form", 'CMD ["a", "b"]', '(cmd "a" "b")'),
    ("empty-json", "CMD []", "(cmd)"),
    ("not-json-single-quotes", "CMD ['a']", "(cmd \"['a']\")"),
    ("copy-shell-form", "COPY a b /c/", '(copy "a" "b" "/c/")'),
    ("copy-json-form", 'COPY ["a b", "/c"]', '(copy "a b" "/c")'),
    (
        "flags",
        "COPY --from=build --chown=1:1 a /b",
        '(copy ["--from=build" "--chown=1:1"] "a" "/b")',
    ),
    ("flag-terminator", "COPY --x=1 -- --y /b", '(copy ["--x=1"] "--y" "/b")'),
    ("flag-with-quotes", 'RUN --mount="type=cache" x', '(run ["--mount=type=cache"] "x")'),
    ("single-dash-is-no-flag", "RUN -x --y", '(run "-x --y")'),
    ("env-legacy", "ENV A b c", '(env "A" "b c" "")'),
    ("env-pairs", 'ENV A=1 B="2 3"', '(env "A" "1" "=" "B" "\\"2 3\\"" "=")'),
    ("env-escaped-space", "ENV A=x\\ y", '(env "A" "x\\\\ y" "=")'),
    ("label", 'LABEL a.b="c d"', '(label "a.b" "\\"c d\\"" "=")'),
    ("arg-forms", 'ARG A B=1 C="x y"', '(arg "A" "B=1" "C=\\"x y\\"")'),
    ("from-as", "FROM alpine:3 AS build", '(from "alpine:3" "AS" "build")'),
    ("expose", "EXPOSE 80 443/tcp", '(expose "80" "443/tcp")'),
    ("user", "USER app:app", '(user "app:app")'),
    ("healthcheck-none", "HEALTHCHECK NONE", '(healthcheck "NONE")'),
    (
        "healthcheck-json",
        'HEALTHCHECK --interval=5s CMD ["curl", "-f"]',
        '(healthcheck ["--interval=5s"] "CMD" "curl" "-f")',
    ),
    ("onbuild", "ONBUILD RUN make", '(onbuild (run "make"))'),
    ("onbuild-flags", "ONBUILD COPY --chown=1 a b", '(onbuild (copy ["--chown=1"] "a" "b"))'),
    ("onbuild-empty", "ONBUILD", "(onbuild)"),
    ("non-ascii-kept", 'CMD ["♥"]', '(cmd "♥")'),
    ("nul-escape", 'CMD ["\\u0000"]', '(cmd "\\x00")'),
    ("c1-control", 'CMD ["\\u0085"]', '(cmd "\\u0085")'),
]


@pytest.mark.parametrize(("line", "expected"), [c[1:] for c in DUMPS], ids=[c[0] for c in DUMPS])
def test_dump(line: str, expected: str) -> None:
    assert dump(_only(line)) == expected


def test_flags_and_json_attributes() -> None:
    node = _only('COPY --from=build ["a", "b"]')
    assert node.flags == ("--from=build",)
    assert node.args == ("a", "b")
    assert node.json_form
    assert not _only("RUN echo").json_form


def test_flags_are_scanned_bytewise_like_buildkit() -> None:
    # split_command.go reads bytes as runes, so a non-ASCII flag value comes out as Latin-1.
    node = _only("COPY --chown=é a /b")
    assert node.flags == ("--chown=\u00c3\u00a9",)
    assert node.args == ("a", "/b")
    assert _only("COPY é /b").args == ("é", "/b")


def test_onbuild_child() -> None:
    node = _only('FROM a\nONBUILD RUN ["x"]')
    assert node.keyword == "onbuild"
    assert node.args == ()
    assert node.child is not None
    assert (node.child.keyword, node.child.args, node.child.json_form) == ("run", ("x",), True)
    assert node.child.original == 'RUN ["x"]'


def test_original_joins_continuations() -> None:
    node = _only("RUN a \\\n  # comment\n  b")
    assert node.original == "RUN a   b"
    assert node.args == ("a   b",)


# (id, text, expected heredocs of the last instruction)
HEREDOCS = [
    (
        "basic",
        "RUN <<EOF\necho hi\nEOF\n",
        [Heredoc("EOF", "echo hi\n", True, False, 0, 2, 3)],
    ),
    (
        "body-looks-like-instructions-and-comments",
        "COPY <<EOF /x\nFROM y\n# not a comment\n\nEOF\n",
        [Heredoc("EOF", "FROM y\n# not a comment\n\n", True, False, 0, 2, 5)],
    ),
    (
        "chomp-matches-tabbed-terminator-keeps-body-tabs",
        "RUN <<-EOF\n\techo\n\tEOF\n",
        [Heredoc("EOF", "\techo\n", True, True, 0, 2, 3)],
    ),
    (
        "quoted-delimiter-no-expand",
        "RUN <<'EOF'\n$x\nEOF\n",
        [Heredoc("EOF", "$x\n", False, False, 0, 2, 3)],
    ),
    (
        "double-quoted-delimiter",
        'RUN <<"EOF"\n$x\nEOF\n',
        [Heredoc("EOF", "$x\n", False, False, 0, 2, 3)],
    ),
    (
        "fd",
        "RUN 3<<IN cat /dev/fd/3\nx\nIN\n",
        [Heredoc("IN", "x\n", True, False, 3, 2, 3)],
    ),
    (
        "several-in-order",
        "RUN <<A 4<<B cmd\na\nA\nb\nB\n",
        [Heredoc("A", "a\n", True, False, 0, 2, 3), Heredoc("B", "b\n", True, False, 4, 4, 5)],
    ),
    (
        "empty-body",
        "RUN <<EOF\nEOF\n",
        [Heredoc("EOF", "", True, False, 0, 2, 2)],
    ),
    (
        "after-continuation",
        "RUN --mount=type=cache,target=/c \\\n  <<EOF\nx\nEOF\n",
        [Heredoc("EOF", "x\n", True, False, 0, 3, 4)],
    ),
    (
        "crlf-body-kept-raw",
        "RUN <<EOF\r\nx\r\nEOF\r\n",
        [Heredoc("EOF", "x\r\n", True, False, 0, 2, 3)],
    ),
    (
        "onbuild",
        "ONBUILD RUN <<EOF\nx\nEOF\n",
        [Heredoc("EOF", "x\n", True, False, 0, 2, 3)],
    ),
    (
        "space-after-operator",
        "RUN <<  EOF\nx\nEOF\n",
        [Heredoc("EOF", "x\n", True, False, 0, 2, 3)],
    ),
]


@pytest.mark.parametrize(
    ("text", "heredocs"), [c[1:] for c in HEREDOCS], ids=[c[0] for c in HEREDOCS]
)
def test_heredocs(text: str, heredocs: list[Heredoc]) -> None:
    assert list(_only(text).heredocs) == heredocs


# (id, text): instructions where `<<` is not a heredoc
NOT_HEREDOCS = [
    ("json-form", 'RUN ["cat", "<<EOF"]\n'),
    ("quoted-word", 'RUN "<<EOF"\n'),
    ("not-run-copy-add", "USER <<EOF\n"),
    ("no-delimiter", "RUN echo <<\n"),
    ("here-string", "RUN cat <<<word\n"),
    ("unterminated-quote-on-line", "RUN echo 'x <<EOF\n"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_HEREDOCS], ids=[c[0] for c in NOT_HEREDOCS])
def test_not_heredocs(text: str) -> None:
    assert _only(text).heredocs == ()


def test_unknown_instruction_after_non_heredoc() -> None:
    # USER cannot hold a heredoc, so its "terminator" is an (unknown) instruction of its own.
    assert [n.keyword for n in parse("USER <<EOF\nEOF\n").nodes] == ["user", "eof"]


# (id, text, escape, directives)
DIRECTIVES = [
    ("none", "FROM a\n", "\\", {}),
    ("escape-backtick", "# escape=`\nFROM a\n", "`", {"escape": "`"}),
    ("case-and-spaces", "#  ESCAPE = `  \nFROM a\n", "`", {"escape": "`"}),
    (
        "syntax-then-escape",
        "# syntax=docker/dockerfile:1\n# escape=`\nFROM a\n",
        "`",
        {"syntax": "docker/dockerfile:1", "escape": "`"},
    ),
    ("check", "# check=skip=all\nFROM a\n", "\\", {"check": "skip=all"}),
    ("unknown-directive-ends-parsing", "# foo=bar\n# escape=`\nFROM a\n", "\\", {}),
    ("comment-ends-parsing", "# hello\n# escape=`\nFROM a\n", "\\", {}),
    ("blank-line-ends-parsing", "\n# escape=`\nFROM a\n", "\\", {}),
    ("after-instruction-is-comment", "FROM a\n# escape=`\nRUN b\n", "\\", {}),
    ("bom-before-directive", "\ufeff# escape=`\nFROM a\n", "`", {"escape": "`"}),
]


@pytest.mark.parametrize(
    ("text", "escape", "directives"),
    [c[1:] for c in DIRECTIVES],
    ids=[c[0] for c in DIRECTIVES],
)
def test_directives(text: str, escape: str, directives: dict[str, str]) -> None:
    parsed = parse(text)
    assert parsed.escape == escape
    assert dict(parsed.directives) == directives


# (id, text, expected args of the last instruction)
ESCAPES = [
    ("backtick-continuation", "# escape=`\nFROM a\nRUN a `\n  b", ("a   b",)),
    ("backslash-is-literal-with-backtick", "# escape=`\nFROM a\nRUN dir c:\\", ("dir c:\\",)),
    ("escaped-escape-is-no-continuation", "FROM a\nRUN a\\\\\nCMD b", ("b",)),
    ("lone-escape-line-continues", "FROM a\nRUN a \\\n\\\n b", ("a  b",)),
    ("trailing-blanks-after-escape", "FROM a\nRUN a \\  \n b", ("a  b",)),
]


@pytest.mark.parametrize(("text", "args"), [c[1:] for c in ESCAPES], ids=[c[0] for c in ESCAPES])
def test_escape_and_continuation(text: str, args: tuple[str, ...]) -> None:
    assert _only(text).args == args


# (id, input, line, part of the message)
ERRORS: list[tuple[str, bytes | str, int, str]] = [
    ("empty", "", 1, "no instructions"),
    ("only-comments", "# a\n\n# b\n", 3, "no instructions"),
    ("env-without-value", "FROM a\n\nENV PATH\n", 3, "ENV must have two arguments"),
    ("label-without-value", "FROM a\nLABEL x\n", 2, "LABEL must have two arguments"),
    ("env-pair-missing-equals", "FROM a\nENV A=1 B\n", 2, 'can\'t find = in "B"'),
    ("nested-json", 'FROM a\nCMD ["a", ["b"]]\n', 2, "arrays must be comprised of strings"),
    ("number-in-json", "FROM a\nCOPY [1, 2]\n", 2, "arrays must be comprised of strings"),
    ("error-line-is-instruction-start", "FROM a\nENV \\\n  PATH\n", 2, "ENV must have two"),
    ("unterminated-heredoc", "FROM a\nRUN <<EOF\nx\n", 2, "unterminated heredoc"),
    ("duplicate-directive", "# escape=`\n# escape=\\\nFROM a\n", 2, "only one escape"),
    ("bad-escape-token", "# escape=x\nFROM a\n", 1, "invalid escape token"),
    ("non-utf8", b"FROM a\nLABEL x=caf\xe9\n", 2, "UTF-8"),
    ("non-utf8-later-line", b"FROM a\n\nRUN \xff\n", 3, "UTF-8"),
    ("nul-byte", b"FROM a\nRUN x\x00\n", 2, "NUL"),
    ("lone-surrogate-in-str", "FROM a\nRUN \ud800\n", 2, "Unicode"),
    ("line-over-64k", "FROM a\n\nRUN " + "x" * 65532 + "\n", 3, "longer than"),
]


@pytest.mark.parametrize(
    ("data", "line", "message"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS]
)
def test_errors(data: bytes | str, line: int, message: str) -> None:
    with pytest.raises(ParseError) as excinfo:
        parse(data)
    assert excinfo.value.line == line
    assert message in excinfo.value.message
    assert str(excinfo.value) == f"line {line}: {excinfo.value.message}"


# Things BuildKit accepts that a stricter parser might not: (id, text, dump of the last
# instruction). None of them is JSON form; the `-is-shell-form` ones keep the text as one argument.
OK = [
    ("unknown-instruction", "FROM a\nFOO bar\n", '(foo "")'),
    ("bare-instruction", "FROM a\nHEALTHCHECK\nCMD\n", "(cmd)"),
    ("env-empty", "FROM a\nENV\n", "(env)"),
    ("arg-before-from", "ARG V=1\nFROM a:$V\n", '(from "a:$V")'),
    ("invalid-json-is-shell-form", 'FROM a\nCMD ["unterminated\n', '(cmd "[\\"unterminated")'),
    ("json-nan-is-shell-form", "FROM a\nCMD [NaN]\n", '(cmd "[NaN]")'),
    ("json-float64-overflow-is-shell-form", "FROM a\nCMD [1e400]\n", '(cmd "[1e400]")'),
    ("line-of-64k-minus-newline", "FROM a\nRUN " + "x" * 65531 + "\n", f'(run "{"x" * 65531}")'),
]


@pytest.mark.parametrize(("text", "last"), [c[1:] for c in OK], ids=[c[0] for c in OK])
def test_accepted(text: str, last: str) -> None:
    node = parse(text).nodes[-1]
    assert dump(node) == last
    assert not node.json_form


def test_bytes_and_str_agree() -> None:
    text = "FROM a\nRUN echo ♥ \\\n  && true\n"
    assert parse(text) == parse(text.encode())


def test_parse_time_is_linear() -> None:
    chunk = "RUN apt-get install -y \\\n  curl \\\n  git\nENV A=1 B=2\n"
    small, big = "FROM a\n" + chunk * 200, "FROM a\n" + chunk * 2000
    assert len(parse(big).nodes) == 4001
    assert_linear(parse, small, big, 10)  # speed itself: benchmarks/check_speed.py


# What BuildKit's instruction step (instructions.Parse) rejects after its parser accepted it.
REJECTED = [
    ("unknown-instruction", "FROM a\nFOO bar\n", 2, "unknown instruction: FOO"),
    ("misspelt", "FORM a\n", 1, "unknown instruction: FORM (did you mean FROM?)"),
    ("passwd", "root:x:0:0:root:/root:/bin/sh\n", 1, "unknown instruction: root:x:0:0:"),
    ("run-before-from", "RUN echo hi\n", 1, "RUN before the first FROM"),
    ("env-after-arg-before-from", "ARG A=1\nENV B=2\nFROM a\n", 2, "ENV before the first"),
    ("only-args", "# x\nARG A=1\n", 2, "no FROM"),
    # (named where the last instruction starts, not where its continuation ends)
    ("only-args-continued", "ARG \\\n   ", 1, "no FROM"),
    ("from-two-words", "FROM a b\n", 1, "FROM requires either one or three arguments"),
    ("from-bare", "FROM a\nFROM\n", 2, "FROM requires either one or three arguments"),
    ("stage-name", "FROM a AS 1st\n", 1, "invalid name for build stage: '1st'"),
    ("copy-no-destination", "FROM a\nCOPY x\n", 2, "COPY requires at least two arguments"),
    ("add-bare", "FROM a\nADD\n", 2, "none were provided"),
    ("first-error-wins", "FROM a\nCOPY x\nFOO\n", 2, "COPY requires"),
    ("mount-bare-field", "FROM a\nRUN --mount=foo true\n", 2, "invalid field 'foo' must be"),
    ("mount-type", "FROM a\nRUN --mount=type=nfs,target=/x true\n", 2, 'mount type "nfs"'),
    # (a flag that takes a value takes it after `=` only)
    ("from-flag-bare", "FROM a\nCOPY --from build /b .\n", 2, "missing a value on flag: from"),
    ("chown-flag-bare", "FROM a\nADD --chown app x /x\n", 2, "missing a value on flag: chown"),
    ("platform-bare", "FROM --platform a\n", 1, "missing a value on flag: platform"),
]


@pytest.mark.parametrize(
    ("text", "line", "message"), [c[1:] for c in REJECTED], ids=[c[0] for c in REJECTED]
)
def test_instructions_buildkit_rejects(text: str, line: int, message: str) -> None:
    parsed = parse(text)  # the parser step accepts it, as BuildKit's does
    with pytest.raises(ParseError) as excinfo:
        check_instructions(parsed)
    assert excinfo.value.line == line
    assert message in excinfo.value.message


def test_screen_leaves_out_what_buildkit_refuses_and_keeps_the_rest() -> None:
    rejected: list[ParseError] = []
    parsed = parse("RUN early\nFROM a AS Bad/Name\nENV PATH\nRUM x\nRUN y\nCOPY z\n", rejected)
    kept, errors = screen(parsed)
    assert [(n.keyword, n.start_line) for n in kept.nodes] == [("from", 2), ("run", 5)]
    assert [e.line for e in rejected] == [3]  # ENV's own line: the parser's step
    assert [e.line for e in errors] == [1, 2, 4, 6]  # the instruction step's, in file order
    with pytest.raises(ParseError) as excinfo:  # the rest would fall into the wrong stage
        screen(parse("FROM a\nRUM x\nFROM b c\nRUN y\n"))
    assert (excinfo.value.line, excinfo.value.message) == (2, "unknown instruction: RUM")
    with pytest.raises(ParseError, match="RUN before the first FROM"):
        screen(parse("RUN echo hi\n"))


INSTRUCTIONS_OK = [
    ("arg-before-from", "ARG V=1\nFROM a:$V\n"),
    ("lowercase-and-stage", "from --platform=$BUILDPLATFORM a as build-1.x\nrun true\n"),
    ("stage-name-case-folded", "FROM a AS Build\n"),
    ("copy-heredoc", "FROM a\nCOPY <<EOF /x\nhi\nEOF\n"),
    ("copy-json", 'FROM a\nCOPY ["a b", "/c"]\n'),
    ("flags", "FROM a\nCOPY --link --from=a --chown=1:1 x /x\nRUN --network=none true\n"),
    ("onbuild", "FROM a\nONBUILD RUN x\n"),
    ("mounts", "FROM a\nRUN --mount=type=secret,id=x,required --mount=type=cache,target=/c,ro,"
     "sharing=locked --mount=type=$T,target=/d --mount=target=/e true\n"),
    ("every-instruction", "FROM a\n" + "".join(f"{k.upper()} x y\n" for k in (
        "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "healthcheck", "label",
        "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
    ))),
]  # fmt: skip


@pytest.mark.parametrize(
    "text", [c[1] for c in INSTRUCTIONS_OK], ids=[c[0] for c in INSTRUCTIONS_OK]
)
def test_instructions_buildkit_accepts(text: str) -> None:
    check_instructions(parse(text))
