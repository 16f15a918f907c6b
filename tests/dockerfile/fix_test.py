from __future__ import annotations

from pathlib import Path

import pytest

from layerguard.dockerfile import fix
from layerguard.dockerfile.parser import parse
from layerguard.findings import Edit, Fix
from layerguard.linter import Settings, lint
from layerguard.project.config import default_rules


def _lint(path: Path) -> list[tuple[int, str, Fix | None]]:
    settings = Settings(default_rules(), {}, {}, {}, None)
    return [(f.line, f.rule, f.fix) for f in lint([str(path)], settings).findings]


def _fix_file(path: Path, unsafe: bool = False) -> fix.Applied:
    text = path.read_text()
    fixes = [f for _, _, f in _lint(path) if f is not None and (f.safe or unsafe)]
    applied = fix.apply(text, fixes)
    path.write_text(applied.text)
    return applied


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(["RUN a && b"], "RUN a && b && c", id="one-line"),
        pytest.param(["RUN a;"], "RUN a && c", id="trailing-semicolon"),
        pytest.param(
            ["RUN a \\", "    && b"], "RUN a \\\n    && b \\\n    && c", id="leading-ampersands"
        ),
        pytest.param(
            ["RUN a && \\", "  b"], "RUN a && \\\n  b && \\\n  c", id="trailing-ampersands"
        ),
        pytest.param(
            ["RUN a && \\", "  # note", "  b"],
            "RUN a && \\\n  # note\n  b && \\\n  c",
            id="comment-inside-continuation",
        ),
        pytest.param(
            ["RUN pip install \\", "\tflask"],
            "RUN pip install \\\n\tflask \\\n\t&& c",
            id="one-command-continued",
        ),
    ],
)
def test_append_command_keeps_the_continuation_style(lines: list[str], expected: str) -> None:
    assert fix.append_command(lines, "c") == expected


def test_append_command_with_backtick_escape() -> None:
    assert fix.append_command(["RUN a `", "  && b"], "c", "`") == "RUN a `\n  && b `\n  && c"


def test_apply_keeps_everything_outside_the_span() -> None:
    text = (
        "# syntax=docker/dockerfile:1\r\n"
        "FROM debian:12\r\n"
        "  # indented comment\r\n"
        "RUN a \\\r\n"
        "    && b\r\n"
        "COPY <<EOF /x\r\n"
        "  keep\tme\r\n"
        "EOF\r\n"
        "RUN c\r\n"
    )
    edit = Edit(9, 9, "RUN c && d")
    applied = fix.apply(text, [Fix("d", True, (edit,))])
    assert applied.dropped == ()
    assert applied.text == text.replace("RUN c\r\n", "RUN c && d\r\n")


def test_a_fix_that_would_not_parse_is_dropped() -> None:
    text = "FROM debian:12\nRUN a\n"
    broken = Fix("b", True, (Edit(1, 1, "FROM debian:12 AS bad name"),))
    applied = fix.apply(text, [broken])
    assert applied.text == text
    assert applied.applied == ()
    ((dropped, why),) = applied.dropped
    assert dropped is broken
    assert why.startswith("the fixed file would not parse")


def test_a_fix_that_swallows_the_next_instruction_is_dropped() -> None:
    text = "FROM debian:12\nRUN a\nRUN b\n"
    dangling = Fix("b", True, (Edit(2, 2, "RUN a \\"),))
    applied = fix.apply(text, [dangling])
    assert applied.text == text
    assert [why for _, why in applied.dropped] == [
        "the fix would change the meaning of other instructions"
    ]


def test_a_fix_that_cuts_an_instruction_in_two_is_dropped() -> None:
    text = "FROM debian:12\nRUN a \\\n  && b\n"
    half = Fix("b", True, (Edit(3, 3, "  && c"),))
    applied = fix.apply(text, [half])
    assert applied.text == text
    assert [why for _, why in applied.dropped] == ["the fix edits part of an instruction"]


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    text = "FROM debian:12\nCOPY a /a/\nRUN b\nRUN chown -R x:x /a\n"
    first = Fix("1", True, (Edit(2, 2, "COPY --chown=x:x a /a/"), Edit(4, 4, None)))
    second = Fix("2", True, (Edit(3, 3, "RUN b && c"),))
    applied = fix.apply(text, [second, first])
    assert applied.applied == (first,)
    assert applied.waiting == (second,)
    assert applied.text == "FROM debian:12\nCOPY --chown=x:x a /a/\nRUN b\n"


def test_diff_is_a_unified_diff() -> None:
    assert fix.diff("Dockerfile", "FROM a\nRUN b\n", "FROM a\nRUN b && c\n") == (
        "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM a\n-RUN b\n+RUN b && c\n"
    )


FIXABLE = """\
# syntax=docker/dockerfile:1
FROM registry.example.com/team/toolbox:12
RUN useradd app
# the index, then curl
RUN apt-get update \\
    && apt-get install -y curl
COPY app/ /app/
RUN chown -R app:app /app
RUN pip install flask  \\
      requests
RUN apk add curl; \\
    apk add git
"""


def test_fixed_file_parses_and_a_second_pass_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text(FIXABLE)
    before = _lint(path)
    assert [(line, rule) for line, rule, f in before if f is not None] == [
        (5, "LG005"),
        (8, "LG004"),
        (9, "LG005"),
        (11, "LG005"),
    ]
    first = _fix_file(path)
    assert first.dropped == ()
    assert len(first.applied) == 4
    assert path.read_text() == (
        "# syntax=docker/dockerfile:1\n"
        "FROM registry.example.com/team/toolbox:12\n"
        "RUN useradd app\n"
        "# the index, then curl\n"
        "RUN apt-get update \\\n"
        "    && apt-get install -y curl \\\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
        "COPY --chown=app:app app/ /app/\n"
        "RUN pip install --no-cache-dir flask  \\\n"
        "      requests\n"
        "RUN apk add curl; \\\n"
        "    apk add git \\\n"
        "    && rm -rf /var/cache/apk/*\n"
    )
    parse(path.read_text())
    assert [rule for _, rule, _ in _lint(path)] == []
    second = _fix_file(path)
    assert second.applied == ()
    assert path.read_text() == first.text


def test_unsafe_fixes_only_where_asked(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    original = 'FROM debian:12\nRUN ["sh", "-c", "apt-get update && apt-get install -y x"]\n'
    path.write_text(original)
    ((_, rule, found),) = _lint(path)
    assert rule == "LG005" and found is not None and not found.safe
    assert _fix_file(path).applied == ()
    assert path.read_text() == original
    _fix_file(path, unsafe=True)
    assert path.read_text() == (
        "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists "
        '["sh", "-c", "apt-get update && apt-get install -y x"]\n'
    )
    assert _lint(path) == []


def _fixed(tmp_path: Path, dockerfile: str, unsafe: bool = False) -> str:
    """The Dockerfile after every pass of fixes, with a build context holding x.sh, src/ and
    app.tar.gz beside it."""
    (tmp_path / "x.sh").write_text("#!/bin/sh\necho hi\n")
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "a.txt").write_text("a" * 100)
    (tmp_path / "src" / "b.txt").write_text("b" * 100)
    path = tmp_path / "Dockerfile"
    path.write_text(dockerfile)
    for _ in range(fix.MAX_PASSES):
        if not _fix_file(path, unsafe).applied:
            break
    return path.read_text()


LG003_FIXED = [
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/x.sh\nRUN sh /tmp/x.sh && rm /tmp/x.sh\n",
        "FROM debian:12\nRUN --mount=type=bind,source=x.sh,target=/tmp/x.sh sh /tmp/x.sh\n",
        id="copy-file-run-remove",
    ),
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/\n"
        "RUN sh /tmp/x.sh \\\n && rm -f /tmp/x.sh \\\n && echo ok\n",
        "FROM debian:12\n"
        "RUN --mount=type=bind,source=x.sh,target=/tmp/x.sh sh /tmp/x.sh \\\n && echo ok\n",
        id="copy-into-directory-rm-in-the-middle",
    ),
    pytest.param(
        "FROM debian:12\nCOPY src/ /src/\n"
        "RUN cd /src && cat a.txt > /o && rm -rf /src /var/tmp/x\n",
        "FROM debian:12\n"
        "RUN --mount=type=bind,source=src,target=/src cd /src && cat a.txt > /o && rm -rf "
        "/var/tmp/x\n",
        id="copy-directory-rm-keeps-other-operands",
    ),
    pytest.param(
        "FROM debian:12\nCOPY src /src\nRUN make -C /src install && rm -rf /src\n",
        "FROM debian:12\nRUN --mount=type=bind,source=src,target=/src,rw make -C /src install\n",
        id="build-in-the-directory-needs-rw",
    ),
    pytest.param(
        "FROM debian:12 AS build\nRUN mkdir /out && echo x > /out/tool\n"
        "FROM debian:12\nCOPY --from=build /out/tool /tmp/tool\n"
        "RUN cat /tmp/tool > /etc/tool.conf && rm /tmp/tool\n",
        "FROM debian:12 AS build\nRUN mkdir /out && echo x > /out/tool\n"
        "FROM debian:12\n"
        "RUN --mount=type=bind,from=build,source=/out/tool,target=/tmp/tool "
        "cat /tmp/tool > /etc/tool.conf\n",
        id="copy-from-stage",
    ),
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/x.sh\nRUN rm /tmp/x.sh\n",
        "FROM debian:12\n",
        id="copy-then-only-removed",
    ),
    pytest.param(
        "FROM debian:12\n"
        "RUN curl -fsSLo /tmp/big.bin https://example.com/big.bin && sha256sum /tmp/big.bin\n"
        "ENV A=1\n"
        "RUN echo done && rm -f /tmp/big.bin\n",
        "FROM debian:12\n"
        "RUN curl -fsSLo /tmp/big.bin https://example.com/big.bin && sha256sum /tmp/big.bin "
        "&& rm -f /tmp/big.bin\n"
        "ENV A=1\n"
        "RUN echo done\n",
        id="removal-moved-into-the-creating-run",
    ),
    pytest.param(
        "FROM debian:12\n"
        "RUN curl -fsSLo /tmp/big.bin https://example.com/big.bin \\\n"
        "    && sha256sum /tmp/big.bin\n"
        "RUN rm /tmp/big.bin\n",
        "FROM debian:12\n"
        "RUN curl -fsSLo /tmp/big.bin https://example.com/big.bin \\\n"
        "    && sha256sum /tmp/big.bin \\\n"
        "    && rm /tmp/big.bin\n",
        id="removal-moved-and-the-run-dropped",
    ),
]


@pytest.mark.parametrize(("before", "after"), LG003_FIXED)
def test_lg003_fixes(tmp_path: Path, before: str, after: str) -> None:
    assert _fixed(tmp_path, before) == after
    assert [rule for _, rule, _ in _lint(tmp_path / "Dockerfile")] == []


LG003_NOT_FIXED = [
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/x.sh\nRUN cat /tmp/x.sh\nRUN rm /tmp/x.sh\n",
        id="a-run-between-reads-it",
    ),
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/x.sh\nWORKDIR /tmp\nRUN sh x.sh && rm x.sh\n",
        id="workdir-between-names-the-parent",
    ),
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/x.sh\nRUN ls /var/*\nRUN sh /tmp/x.sh && rm /tmp/x.sh\n",
        id="a-glob-between",
    ),
    pytest.param(
        "FROM debian:12\nCOPY --chown=1:1 x.sh /tmp/x.sh\nRUN sh /tmp/x.sh && rm /tmp/x.sh\n",
        id="chown-the-mount-cannot-express",
    ),
    pytest.param(
        "FROM debian:12\nCOPY --chmod=755 x.sh /tmp/x.sh\nRUN /tmp/x.sh && rm /tmp/x.sh\n",
        id="chmod-the-mount-cannot-express",
    ),
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/x.sh\nRUN sed -i s/hi/ho/ /tmp/x.sh && rm /tmp/x.sh\n",
        id="writes-the-file-before-removing-it",
    ),
    pytest.param(
        "FROM debian:12\nCOPY src/ /src/\nRUN mv /src /app && rm -rf /src\n",
        id="moves-what-it-copied",
    ),
    pytest.param(
        "FROM debian:12\nCOPY src/ /src/\nRUN cp -a /src/a.txt /a && rm -rf /src\n",
        id="copies-with-owners",
    ),
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/x.sh\nRUN sh /tmp/x.sh && rm -rf /tmp/*\n",
        id="removal-by-glob",
    ),
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/x.sh\nRUN sh /tmp/x.sh || rm /tmp/x.sh\n",
        id="removal-after-or",
    ),
    pytest.param(
        "FROM debian:12\nCOPY x.sh /tmp/x.sh\nRUN rm /tmp/x.sh && cat /tmp/x.sh 2>/dev/null\n",
        id="named-after-the-removal",
    ),
    pytest.param(
        "FROM debian:12\nCOPY x.sh /opt/tools/x.sh\nRUN sh /opt/tools/x.sh && rm /opt/tools/x.sh\n",
        id="the-copy-made-the-parent",
    ),
    pytest.param(
        "FROM debian:12\nCOPY src/ /opt/\nRUN ls /opt && rm -rf /opt\n",
        id="a-directory-that-was-there",
    ),
    pytest.param(
        "FROM debian:12 AS one\nCOPY x.sh /tmp/x.sh\nFROM one\nRUN sh /tmp/x.sh && rm /tmp/x.sh\n",
        id="another-stage",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -fsSLo /tmp/go.tgz https://go.dev/go.tgz\n"
        "RUN tar -C /usr/local -xzf /tmp/go.tgz && rm /tmp/go.tgz\n",
        id="the-later-run-uses-it-first",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -fsSLo /tmp/a.bin https://example.com/a.bin\n"
        "RUN cp /tmp/a.bin /a && rm /tmp/a.bin\n",
        id="the-later-run-copies-it-first",
    ),
    pytest.param(
        "FROM debian:12\nRUN curl -fsSLo /tmp/a/b.bin https://example.com/b.bin\n"
        "RUN echo x > /tmp/y\nRUN rm -rf /tmp/*\n",
        id="glob-moved-over-a-run",
    ),
]


@pytest.mark.parametrize("before", LG003_NOT_FIXED)
def test_lg003_report_only(tmp_path: Path, before: str) -> None:
    (tmp_path / "x.sh").write_text("#!/bin/sh\necho hi\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("a")
    path = tmp_path / "Dockerfile"
    path.write_text(before)
    found = _lint(path)
    assert "LG003" in [rule for _, rule, _ in found]
    assert [f for _, rule, f in found if rule == "LG003" and f is not None] == []


def test_lg003_unsafe_when_the_later_run_runs_a_script(tmp_path: Path) -> None:
    before = (
        "FROM debian:12\nRUN curl -fsSLo /tmp/a.bin https://example.com/a.bin\n"
        "RUN ./install.sh && rm /tmp/a.bin\n"
    )
    assert _fixed(tmp_path, before) == before
    fixes = [f for _, rule, f in _lint(tmp_path / "Dockerfile") if rule == "LG003"]
    assert [f.safe for f in fixes if f is not None] == [False]
    assert "might read the files" in fixes[0].description  # type: ignore[union-attr]
    assert _fixed(tmp_path, before, unsafe=True) == (
        "FROM debian:12\nRUN curl -fsSLo /tmp/a.bin https://example.com/a.bin && rm /tmp/a.bin\n"
        "RUN ./install.sh\n"
    )


def _archives(tmp_path: Path) -> None:
    """root.tar.gz (entries root's), user.tar.gz (entries of a named user 1000), app.zip."""
    import io
    import tarfile

    for name, uid, uname in (("root.tar.gz", 0, "root"), ("user.tar.gz", 1000, "builder")):
        with tarfile.open(tmp_path / name, "w:gz") as tar:
            info = tarfile.TarInfo("pkg/data")
            info.size, info.uid, info.gid, info.uname, info.gname = 5, uid, uid, uname, uname
            tar.addfile(info, io.BytesIO(b"12345"))
    (tmp_path / "app.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)


LG006_FIXED = [
    pytest.param(
        "FROM debian:12\nCOPY root.tar.gz /tmp/\n"
        "RUN tar -xzf /tmp/root.tar.gz -C /opt && rm /tmp/root.tar.gz\n",
        "FROM debian:12\nADD root.tar.gz /opt/\n",
        True,
        id="tar-to-add",
    ),
    pytest.param(
        "FROM debian:12\nCOPY root.tar.gz /tmp/r.tgz\n"
        "RUN mkdir -p /opt/app \\\n && tar xzf /tmp/r.tgz --directory=/opt/app \\\n"
        " && rm -f /tmp/r.tgz \\\n && ls /opt/app\n",
        "FROM debian:12\nADD root.tar.gz /opt/app/\nRUN mkdir -p /opt/app \\\n && ls /opt/app\n",
        True,
        id="tar-to-add-keeps-the-rest",
    ),
    pytest.param(
        "FROM debian:12\nCOPY app.zip /tmp/app.zip\n"
        "RUN unzip /tmp/app.zip -d /opt/z && rm /tmp/app.zip\n",
        "FROM debian:12\n"
        "RUN --mount=type=bind,source=app.zip,target=/tmp/app.zip unzip /tmp/app.zip -d /opt/z\n",
        True,
        id="zip-to-bind-mount",
    ),
    pytest.param(
        "FROM debian:12\nCOPY user.tar.gz /tmp/\nRUN tar -xzf /tmp/user.tar.gz -C /opt\n",
        "FROM debian:12\nADD user.tar.gz /opt/\n",
        False,
        id="tar-kept-and-owned-by-a-named-user-unsafe",
    ),
    pytest.param(
        "FROM debian:12\nCOPY app.zip /tmp/keep.zip\nRUN unzip /tmp/keep.zip -d /opt/k\n",
        "FROM debian:12\n"
        "RUN --mount=type=bind,source=app.zip,target=/tmp/keep.zip unzip /tmp/keep.zip -d /opt/k\n",
        False,
        id="zip-kept-unsafe",
    ),
    pytest.param(
        "FROM debian:12\nCOPY root.tar.gz /tmp/\n"
        "RUN tar -xzf /tmp/root.tar.gz -C /opt --strip-components=1 && rm /tmp/root.tar.gz\n",
        "FROM debian:12\nRUN --mount=type=bind,source=root.tar.gz,target=/tmp/root.tar.gz "
        "tar -xzf /tmp/root.tar.gz -C /opt --strip-components=1\n",
        True,
        id="tar-option-add-has-not-bind-mount",
    ),
    pytest.param(
        "FROM debian:12\nCOPY root.tar.gz /tmp/\n"
        "RUN tar -xzf /tmp/root.tar.gz -C /opt && sha256sum /tmp/root.tar.gz > /sum "
        "&& rm /tmp/root.tar.gz\n",
        "FROM debian:12\nRUN --mount=type=bind,source=root.tar.gz,target=/tmp/root.tar.gz "
        "tar -xzf /tmp/root.tar.gz -C /opt && sha256sum /tmp/root.tar.gz > /sum\n",
        True,
        id="read-again-in-the-run-bind-mount",
    ),
]


@pytest.mark.parametrize(("before", "after", "safe"), LG006_FIXED)
def test_lg006_fixes(tmp_path: Path, before: str, after: str, safe: bool) -> None:
    _archives(tmp_path)
    (tmp_path / "Dockerfile").write_text(before)
    fixes = [f for _, rule, f in _lint(tmp_path / "Dockerfile") if rule == "LG006"]
    assert [f.safe for f in fixes if f is not None] == [safe]
    assert _fixed(tmp_path, before) == (after if safe else before)
    assert _fixed(tmp_path, before, unsafe=True) == after
    assert [rule for _, rule, _ in _lint(tmp_path / "Dockerfile")] == []


LG006_NOT_FIXED = [
    pytest.param(
        "FROM debian:12\nCOPY root.tar.gz /tmp/\nRUN ls /tmp\n"
        "RUN tar -xzf /tmp/root.tar.gz -C /opt && rm /tmp/root.tar.gz\n",
        id="a-run-between-names-the-archive-directory",
    ),
    pytest.param(
        "FROM debian:12\nCOPY --chown=1:1 root.tar.gz /tmp/\n"
        "RUN tar -xzf /tmp/root.tar.gz -C /opt && rm /tmp/root.tar.gz\n",
        id="copy-flags",
    ),
]


@pytest.mark.parametrize("before", LG006_NOT_FIXED)
def test_lg006_report_only(tmp_path: Path, before: str) -> None:
    _archives(tmp_path)
    path = tmp_path / "Dockerfile"
    path.write_text(before)
    found = _lint(path)
    assert "LG006" in [rule for _, rule, _ in found]
    assert [f for _, rule, f in found if rule in ("LG006", "LG003") and f is not None] == []


def test_lg003_no_removal_moved_past_a_step_running_in_the_directory(tmp_path: Path) -> None:
    before = (
        "FROM debian:12\nWORKDIR /build/out\n"
        "RUN curl -fsSLo /build/out/a.bin https://example.com/a\n"
        "RUN du -s > /size.txt\nRUN rm -rf /build/out\n"
    )
    (tmp_path / "Dockerfile").write_text(before)
    assert "LG003" in [rule for _, rule, _ in _lint(tmp_path / "Dockerfile")]
    assert _fixed(tmp_path, before, unsafe=True) == before


def test_lg006_add_over_a_step_between_is_unsafe(tmp_path: Path) -> None:
    _archives(tmp_path)
    before = (
        "FROM debian:12\nCOPY root.tar.gz /tmp/\nRUN echo x > /etc/motd\n"
        "RUN tar -xzf /tmp/root.tar.gz -C /opt && rm /tmp/root.tar.gz\n"
    )
    (tmp_path / "Dockerfile").write_text(before)
    fixes = [f for _, rule, f in _lint(tmp_path / "Dockerfile") if rule == "LG006"]
    assert [(f.safe, "steps between" in f.description) for f in fixes if f] == [(False, True)]


@pytest.mark.parametrize(
    ("lines", "words", "operand", "expected"),
    [
        pytest.param(["RUN a && rm x"], ("rm", "x"), "x", "RUN a", id="last"),
        pytest.param(["RUN rm -f x && a"], ("rm", "-f", "x"), "x", "RUN a", id="first"),
        pytest.param(["RUN a; rm x; b"], ("rm", "x"), "x", "RUN a; b", id="semicolons"),
        pytest.param(
            ["RUN rm -rf x y"], ("rm", "-rf", "x", "y"), "x", "RUN rm -rf y", id="operand"
        ),
        pytest.param(["RUN rm -rf x y"], ("rm", "-rf", "x", "y"), None, "", id="whole-command"),
        pytest.param(["RUN a \\", " && rm 'x'"], ("rm", "x"), "x", "RUN a", id="quoted"),
        pytest.param(["RUN a || rm x"], ("rm", "x"), "x", None, id="after-or"),
        pytest.param(["RUN a | rm x"], ("rm", "x"), "x", None, id="in-a-pipe"),
        pytest.param(["RUN if a; then rm x; fi"], ("rm", "x"), "x", None, id="inside-if"),
        pytest.param(["RUN rm x && rm x"], ("rm", "x"), "x", None, id="twice"),
        pytest.param(["RUN a \\", "# note", " && rm x"], ("rm", "x"), "x", None, id="comment"),
    ],
)
def test_drop_command(
    lines: list[str], words: tuple[str, ...], operand: str | None, expected: str | None
) -> None:
    assert fix.drop_command(lines, words, operand) == expected


@pytest.mark.parametrize(
    ("words", "workdir", "expected"),
    [
        (["RUN", "echo", "hi"], "/", False),
        (["RUN", "cat", "/tmp/x.sh"], "/", True),
        (["WORKDIR", "/tmp"], "/", True),
        (["RUN", "cat", "x.sh"], "/app", True),
        (["ENV", "PATH=$PATH:/opt/bin"], "/", True),
        (["RUN", "ls", "/var/*"], "/", True),
        (["RUN", "find", "/", "-name", "a"], "/", True),
        (["RUN", "tar", "-czf", "/b.tgz", "."], "/tmp", True),
        (["RUN", "tar", "-czf", "/b.tgz", "."], "/app", False),
        (["COPY", "app/", "/app/"], "/", False),
    ],
)
def test_mentions_is_coarse(words: list[str], workdir: str, expected: bool) -> None:
    assert fix.mentions(words, "/tmp/x.sh", workdir) is expected


@pytest.mark.parametrize(
    ("script", "use"),
    [
        ("cat /src/a", "read"),
        ("sh /tmp/x.sh", "read"),
        ("tar -xzf /tmp/a.tgz -C /opt", "read"),
        ("tar -czf /a.tgz /src", "keep"),
        ("cp /src/a /b", "read"),
        ("cp -a /src/a /b", "keep"),
        ("cp -rp /src /b", "keep"),
        ("mv /src/a /b", "keep"),
        ("ln /src/a /b", "keep"),
        ("ln -sf /src/a /b", "read"),
        ("sed -i s/a/b/ /src/a", "write"),
        ("make -C /src", "write"),
    ],
)
def test_use_of(script: str, use: str) -> None:
    from layerguard.dockerfile.shell import split_commands

    (command,) = split_commands(script)
    assert fix.use_of(command) == use
