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
FROM debian:12
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
        "FROM debian:12\n"
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
