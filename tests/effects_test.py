from __future__ import annotations

from pathlib import Path

import pytest

from layerguard.effects import copy_writes, path_overlaps, run_effects
from layerguard.model import Instruction, build
from layerguard.parser import parse


def instruction(text: str, index: int = -1) -> Instruction:
    return build("Dockerfile", parse("FROM debian\n" + text)).stages[0].instructions[index]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("/a", "/a", True),
        ("/a/b", "/a", True),
        ("/a", "/a/b", True),
        ("/ab", "/a", False),
        ("/var/lib/apt/lists/*", "/var/lib/apt/lists", True),
        ("/tmp/*.tgz", "/tmp/go.tgz", True),
        ("/tmp/*", "/var/x", False),
    ],
)
def test_path_overlaps(a: str, b: str, expected: bool) -> None:
    assert path_overlaps(a, b) is expected


def test_run_knows_what_it_created() -> None:
    effects = run_effects(instruction(
        "RUN cd /tmp && curl -fsSLo go.tgz https://x/go.tgz && tar -C /usr/local -xzf go.tgz"
        " && rm go.tgz /etc/motd"
    ))  # fmt: skip
    (remove,) = [a for a in effects.actions if a.kind == "remove"]
    assert remove.paths == ("/tmp/go.tgz", "/etc/motd")
    assert remove.foreign == ("/etc/motd",)
    assert "/tmp/go.tgz" in effects.files


def test_unmodelled_program_makes_later_removals_uncertain() -> None:
    effects = run_effects(instruction("RUN ./install.sh && rm -rf /opt/x"))
    assert effects.actions[0].unknown_before


def test_redirect_to_descriptor_is_not_a_file() -> None:
    effects = run_effects(instruction("RUN echo hi >&2 && echo x 2>&1 > /etc/x.conf"))
    assert effects.files == ("/etc/x.conf",)


def test_exec_form_shell_c() -> None:
    effects = run_effects(instruction('RUN ["/bin/sh", "-c", "rm -rf /usr/share/doc"]'))
    assert effects.actions[0].paths == ("/usr/share/doc",)


def test_heredoc_body_is_the_script() -> None:
    effects = run_effects(instruction("RUN <<EOF\nset -e\nrm -rf /srv/cache\nEOF"))
    assert [a.paths for a in effects.actions] == [("/srv/cache",)]


def test_python_heredoc_is_not_shell() -> None:
    effects = run_effects(instruction("RUN python3 <<EOF\nimport os\nos.system('rm -rf /x')\nEOF"))
    assert effects.actions == ()


def test_package_removal_after_own_install() -> None:
    effects = run_effects(instruction("RUN apk add --virtual .b gcc && make && apk del .b"))
    assert effects.actions[0].kind == "package-remove" and effects.actions[0].foreign == ()


def test_copy_writes_from_context(tmp_path: Path) -> None:
    (tmp_path / "src" / "sub").mkdir(parents=True)
    (tmp_path / "src" / "a.txt").write_text("a")
    (tmp_path / "src" / "sub" / "b.txt").write_text("b")
    (tmp_path / "one.conf").write_text("c")
    copy = instruction("WORKDIR /app\nCOPY src .")
    assert sorted(w.path for w in copy_writes(copy, tmp_path)) == ["/app/a.txt", "/app/sub/b.txt"]
    single = instruction("COPY one.conf /etc/app.conf")
    assert [(w.path, w.exact) for w in copy_writes(single, tmp_path)] == [("/etc/app.conf", True)]
    into = instruction("COPY one.conf *.txt /etc/")
    assert [w.path for w in copy_writes(into, tmp_path)] == ["/etc/one.conf"]
    missing = instruction("COPY nothere /x")
    assert [(w.path, w.exact) for w in copy_writes(missing, tmp_path)] == [("/x", False)]


def test_copy_never_reads_outside_the_context(tmp_path: Path) -> None:
    (tmp_path / "ctx").mkdir()
    (tmp_path / "secret").write_text("s")
    escape = instruction("COPY ../secret /x")
    assert all(not w.exact for w in copy_writes(escape, tmp_path / "ctx"))


def test_copy_follows_dockerignore(tmp_path: Path) -> None:
    (tmp_path / "src" / "node_modules" / "x").mkdir(parents=True)
    (tmp_path / "src" / "node_modules" / "x" / "big.js").write_text("x")
    (tmp_path / "src" / "app.js").write_text("a")
    (tmp_path / "src" / "keep.log").write_text("k")
    (tmp_path / "src" / "drop.log").write_text("d")
    (tmp_path / ".dockerignore").write_text("# deps\n**/node_modules\n*/*.log\n!src/keep.log\n")
    copy = instruction("COPY src /app/")
    assert sorted(w.path for w in copy_writes(copy, tmp_path)) == ["/app/app.js", "/app/keep.log"]


def test_pattern_pathlib_rejects_is_not_exact(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a1.txt").write_text("a")
    copy = instruction("COPY src/a**.txt /x/")
    assert all(not w.exact for w in copy_writes(copy, tmp_path))
