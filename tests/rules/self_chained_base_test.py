from __future__ import annotations

from collections.abc import Callable

from layerguard.findings import Finding

Lint = Callable[..., list[Finding]]


def test_direct_self_chain(lint_files: Lint) -> None:
    found = lint_files(
        {"Dockerfile": "FROM team/app:1\nCOPY . /app\n"},
        images={"Dockerfile": "team/app:2"},
        code="LG001",
    )
    assert [(f.line, f.severity.name) for f in found] == [(1, "ERROR")]
    assert "team/app:2 <- team/app:1" in found[0].message


def test_same_repository_after_normalisation(lint_files: Lint) -> None:
    found = lint_files(
        {"Dockerfile": "FROM docker.io/library/app@sha256:" + "a" * 64 + "\n"},
        images={"Dockerfile": "app:2"},
        code="LG001",
    )
    assert [f.line for f in found] == [1]


def test_chain_through_other_checked_file(lint_files: Lint) -> None:
    files = {
        "a/Dockerfile": "FROM team/app:1\nRUN true\n",
        "b/Dockerfile": "FROM team/mid:1\nCOPY . /srv\n",
    }
    images = {"a/Dockerfile": "team/mid:1", "b/Dockerfile": "team/app:2"}
    found = lint_files(files, images=images, code="LG001")
    assert [(f.file, f.line) for f in found] == [("b/Dockerfile", 1)]
    assert "team/app:2 <- team/mid:1 <- team/app:1" in found[0].message


def test_other_repository_or_no_image_is_fine(lint_files: Lint) -> None:
    assert (
        lint_files(
            {"Dockerfile": "FROM team/base:1\n"}, images={"Dockerfile": "team/app:2"}, code="LG001"
        )
        == []
    )
    assert lint_files({"Dockerfile": "FROM team/app:1\n"}, code="LG001") == []


def test_only_shipped_stage_counts(lint_files: Lint) -> None:
    text = "FROM team/app:1 AS old\nRUN true\nFROM team/base:1\nCOPY --from=old /x /x\n"
    assert lint_files({"Dockerfile": text}, images={"Dockerfile": "team/app:2"}, code="LG001") == []
    text = "FROM team/app:1 AS old\nFROM old\nRUN true\n"
    found = lint_files({"Dockerfile": text}, images={"Dockerfile": "team/app:2"}, code="LG001")
    assert [f.line for f in found] == [1]
