from __future__ import annotations

from collections.abc import Callable

from layerguard.findings import Finding

Lint = Callable[..., list[Finding]]


def test_copy_over_parent_files_known_from_context(lint_files: Lint) -> None:
    files = {
        "src/test.txt": "x",
        "src/other.txt": "y",
        "Dockerfile.v1": "FROM centos\nCOPY src .\n",
        "Dockerfile.v2": "FROM app:1\nCOPY src .\n",
    }
    found = lint_files(
        files, images={"Dockerfile.v1": "app:1", "Dockerfile.v2": "app:2"}, code="LG002"
    )
    assert [(f.file, f.line) for f in found] == [("Dockerfile.v2", 2)]
    assert "/other.txt, /test.txt" in found[0].message and "Dockerfile.v1:2" in found[0].message


def test_within_one_file(lint_files: Lint) -> None:
    files = {
        "conf/app.conf": "a",
        "Dockerfile": "FROM debian\nWORKDIR /etc\nCOPY conf/app.conf app.conf\n"
        "RUN echo hi\nCOPY conf/app.conf /etc/app.conf\n",
    }
    assert [f.line for f in lint_files(files, code="LG002")] == [5]


def test_run_written_file_then_copied(lint_files: Lint) -> None:
    files = {
        "Dockerfile": "FROM debian\nRUN echo x > /etc/motd\nCOPY motd /etc/motd\n",
        "motd": "m",
    }
    assert [f.line for f in lint_files(files, code="LG002")] == [3]


def test_different_files_are_fine(lint_files: Lint) -> None:
    files = {
        "a/x.txt": "x",
        "b/y.txt": "y",
        "Dockerfile": "FROM debian\nCOPY a /srv/\nCOPY b /srv/\n",
    }
    assert lint_files(files, code="LG002") == []


def test_without_context_same_copy_twice(lint_files: Lint) -> None:
    text = "FROM debian\nCOPY --from=build /out /app\nCOPY --from=build /out /app\n"
    assert [f.line for f in lint_files({"Dockerfile": text}, code="LG002")] == [3]
