from __future__ import annotations

from collections.abc import Callable
from typing import Any

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


def test_chain_found_through_the_registry(lint_files: Lint, registry_facts: Any) -> None:
    fake_measurer, base_facts = registry_facts
    chain = [
        ("reg.io/team/mid:1", 4),
        ("reg.io/team/app:2", 3),
        ("reg.io/team/app:1", 2),
        ("reg.io/team/os:9", 1),
    ]
    base = base_facts("reg.io/team/mid:1", {}, chain, [100, 20, 30, 40])
    found = lint_files(
        {"Dockerfile": "FROM reg.io/team/mid:1\nCOPY . /srv\n"},
        images={"Dockerfile": "reg.io/team/app:3"},
        code="LG001",
        measurer=fake_measurer({"reg.io/team/mid:1": base}),
    )
    assert len(found) == 1
    assert found[0].measured == {
        "chain": ["reg.io/team/mid:1", "reg.io/team/app:2", "reg.io/team/app:1"],
        "inherited_layers": 3,
        "inherited_bytes": 90,
    }
    assert "reg.io/team/app:3 <- reg.io/team/mid:1 <- reg.io/team/app:2 <- reg.io/team/app:1" in (
        found[0].message
    )
