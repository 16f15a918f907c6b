from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

OK = [
    pytest.param("FROM debian\nADD node.tar.xz /usr/local/\n", id="add-unpacks-local-tar"),
    pytest.param(
        "FROM debian\nRUN --mount=type=bind,source=a.deb,target=/tmp/a.deb dpkg -i /tmp/a.deb\n",
        id="bind-mount",
    ),
    pytest.param(
        "FROM debian\nCOPY app.jar /app/\nRUN java -jar /app/app.jar --version\n",
        id="jar-is-used-not-unpacked",
    ),
    pytest.param("FROM debian\nCOPY a.tgz /tmp/\nRUN tar -xzf /tmp/b.tgz\n", id="other-archive"),
    pytest.param(
        "FROM debian\nCOPY app.jar /app/\n"
        "RUN unzip -p /app/app.jar META-INF/MANIFEST.MF | grep Main-Class && unzip -l /app/app.jar"
        " && unzip -qt /app/app.jar\n",
        id="unzip-reads-to-stdout-lists-tests",
    ),
    pytest.param(
        "FROM debian\nCOPY a.tgz a.deb /tmp/\nRUN tar -xzOf /tmp/a.tgz conf > /etc/a.conf"
        " && tar -xzf /tmp/a.tgz --to-stdout x | wc -c"
        " && dpkg -c /tmp/a.deb && dpkg -I /tmp/a.deb\n",
        id="tar-to-stdout-dpkg-lists",
    ),
    pytest.param(
        "FROM debian AS b\nCOPY a.tgz /tmp/\nRUN tar -xzf /tmp/a.tgz -C /out\n"
        "FROM scratch\nCOPY --from=b /out /\n",
        id="build-stage-only",
    ),
]

FLAGS = [
    pytest.param(
        "FROM debian\nCOPY node.tar.xz /tmp/\nRUN tar -xJf /tmp/node.tar.xz -C /usr/local\n",
        [2],
        id="copy-then-tar",
    ),
    pytest.param(
        "FROM debian\nWORKDIR /tmp\nCOPY pkgs/*.deb ./\nRUN dpkg -i /tmp/*.deb\n",
        [3],
        id="deb-glob-unlisted",
    ),
    pytest.param(
        "FROM python\nCOPY dist/app-1.0-py3-none-any.whl /wheels/\n"
        "RUN pip install --no-cache-dir /wheels/app-1.0-py3-none-any.whl\n",
        [2],
        id="wheel",
    ),
    pytest.param(
        "FROM debian\nADD https://x.org/tool.zip /opt/tool.zip\nRUN cd /opt && unzip tool.zip\n",
        [2],
        id="add-remote-then-unzip",
    ),
]


@pytest.mark.parametrize("dockerfile", OK)
def test_ok(lines_of: Callable[[str, str], list[int]], dockerfile: str) -> None:
    assert lines_of(dockerfile, "LG006") == []


@pytest.mark.parametrize(("dockerfile", "lines"), FLAGS)
def test_flags(
    lines_of: Callable[[str, str], list[int]], dockerfile: str, lines: list[int]
) -> None:
    assert lines_of(dockerfile, "LG006") == lines


def test_glob_copy_listed_from_the_context(lint_files: Any) -> None:
    dockerfile = "FROM debian\nWORKDIR /tmp\nCOPY pkgs/*.deb ./\nRUN dpkg -i /tmp/*.deb\n"
    listed = lint_files({"Dockerfile": dockerfile, "pkgs/a.deb": "x"}, code="LG006")
    assert [(f.line, f.message.split(",")[0], f.estimated) for f in listed] == [
        (3, "adds /tmp/a.deb (1B from the build context)", {"paths": 1, "bytes": 1})
    ]


def test_glob_matching_nothing_in_the_context_copies_nothing(lint_files: Any) -> None:
    # BuildKit copies nothing for a wildcard that matches nothing: nothing is unpacked later.
    dockerfile = (
        "FROM debian\nWORKDIR /tmp\nCOPY pkgs/a.txt pkgs/*.tgz* ./\nRUN tar -xzf /tmp/*.tgz\n"
    )
    assert lint_files({"Dockerfile": dockerfile, "pkgs/a.txt": "x"}, code="LG006") == []
    # But packages (`*.deb`) are made or fetched before the build, not kept in the checkout:
    # the one `dpkg -i` installs is copied, whatever the checkout holds.
    dockerfile = "FROM debian\nWORKDIR /tmp\nCOPY pkgs/*.deb ./\nRUN dpkg -i /tmp/*.deb\n"
    found = lint_files({"Dockerfile": dockerfile, "pkgs/a.txt": "x"}, code="LG006")
    assert [f.line for f in found] == [3]
