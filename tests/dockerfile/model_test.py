from __future__ import annotations

import pytest

from layerguard.dockerfile.model import Inherited, build, expand, process_word, resolve
from layerguard.dockerfile.parser import parse
from layerguard.reference import ImageRef


def model(text: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return build("Dockerfile", parse(text), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "env", "expected"),
    [
        ("$A/x", {"A": "/opt"}, "/opt/x"),
        ("${A}x", {"A": "a"}, "ax"),
        ("${B:-def}", {}, "def"),
        ("${B:-def}", {"B": ""}, "def"),
        ("${B-def}", {"B": ""}, ""),
        ("${A:+alt}", {"A": "1"}, "alt"),
        ("${A:+alt}", {}, ""),
        ("$UNKNOWN", {}, ""),
        ("no vars", {}, "no vars"),
    ],
)
def test_expand(text: str, env: dict[str, str], expected: str) -> None:
    assert expand(text, env) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ('"${D}"/"b".txt', "/opt/app/b.txt"),  # (quotes inside a word, as BuildKit's lexer)
        ('"/etc/app/"', "/etc/app/"),
        ("'$D'/x", "$D/x"),  # (single quotes keep the name)
        (r'"a\"b"', 'a"b'),
        (r"my\ file.txt", "my file.txt"),
        ('"${U}:${G}"', "1000:100"),
        ("$D/plain", "/opt/app/plain"),
    ],
)
def test_process_word(word: str, expected: str) -> None:
    assert process_word(word, {"D": "/opt/app", "U": "1000", "G": "100"}) == expected


def test_resolve() -> None:
    assert resolve("a/../b", "/app") == "/app/b"
    assert resolve("/x/./y/", "/app") == "/x/y"
    assert resolve(".", "/") == "/"


def test_stages_targets_and_shipped() -> None:
    m = model(
        "ARG BASE=debian:12\n"
        "FROM ${BASE} AS base\nWORKDIR /app\n"
        "FROM golang AS build\nRUN go build\n"
        "FROM base AS final\nCOPY --from=build /out /usr/bin/\n"
    )
    assert [s.name for s in m.stages] == ["base", "build", "final"]
    assert m.stages[0].base_image == ImageRef("docker.io", "library/debian", "12", None)
    assert m.stages[2].base_stage == 0 and m.stages[2].base_image is None
    assert m.shipped == (0, 2)
    assert m.stages[2].instructions[0].workdir == "/app"
    assert model("FROM a AS x\nFROM b AS y\n", target="x").shipped == (0,)
    with pytest.raises(ValueError, match="nope"):
        model("FROM a\n", target="nope")


def test_build_args_override_defaults() -> None:
    text = "ARG V=1\nFROM team/app:$V\n"
    assert model(text).stages[0].base_image.tag == "1"  # type: ignore[union-attr]
    assert model(text, build_args={"V": "2"}).stages[0].base_image.tag == "2"  # type: ignore[union-attr]


def test_a_quoted_base_name_is_read_as_buildkit_reads_a_word() -> None:
    # (held out 150) `FROM "$STAGE_PREFIX"stage-init` with an empty prefix names the stage
    m = model('ARG P=\'\'\nFROM alpine AS init\nFROM "$P"init AS next\nFROM "python:3.12"\n')
    assert m.stages[1].base_stage == 0
    assert m.stages[2].base_image == ImageRef("docker.io", "library/python", "3.12", None)


def test_workdir_env_and_arg_tracking() -> None:
    m = model("FROM debian\nENV ROOT=/srv\nWORKDIR $ROOT\nWORKDIR app\nARG MODE=prod\nRUN echo\n")
    run = m.stages[0].instructions[-1]
    assert run.workdir == "/srv/app"
    assert run.env == {"ROOT": "/srv", "MODE": "prod"}


def test_unresolvable_base_is_recorded_not_raised() -> None:
    stage = model("FROM Bad:Name:x\n").stages[0]
    assert stage.base_image is None and stage.base_error


def test_inherited_state_from_checked_parent() -> None:
    def parent(ref: ImageRef) -> Inherited | None:
        return Inherited("/opt/app", {"X": "1"}) if ref.repository == "team/base" else None

    m = model("FROM team/base:1\nRUN true\n", inherited=parent)
    assert m.stages[0].instructions[0].workdir == "/opt/app"


def test_mounts_and_flags() -> None:
    m = model(
        "FROM debian\nRUN --mount=type=cache,target=/root/.cache --mount=type=tmpfs,dst=/t x\n"
    )
    mounts = m.stages[0].instructions[0].mounts()
    assert [(mt["type"], mt["target"]) for mt in mounts] == [
        ("cache", "/root/.cache"),
        ("tmpfs", "/t"),
    ]
