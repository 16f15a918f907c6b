from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from layerguard.findings import Finding

Lint = Callable[..., list[Finding]]

OK = [
    pytest.param(
        "FROM debian\nRUN curl -o /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz -C /opt"
        " && rm /tmp/a.tgz\n",
        id="download-extract-rm",
    ),
    pytest.param(
        "FROM debian\nRUN cd /tmp && wget https://x/y/pkg.tar.gz && tar xf pkg.tar.gz"
        " && rm pkg.tar.gz\n",
        id="wget-into-cwd",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y gcc && make"
        " && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\n",
        id="purge-own-install",
    ),
    pytest.param(
        "FROM debian\nRUN mkdir -p /src && cd /src && echo hi > x && cd / && rm -rf /src\n",
        id="mkdir-then-rm",
    ),
    pytest.param(
        "FROM debian\nRUN ./build.sh && rm -rf /tmp/build\n", id="unknown-tool-may-create"
    ),
    pytest.param(
        "FROM debian AS build\nRUN rm -rf /usr/share/doc\nFROM scratch\nCOPY --from=build / /\n",
        id="build-stage-only",
    ),
    pytest.param(
        "FROM debian\nRUN <<EOF\ncurl -o /x.tgz https://x/x.tgz\ntar xf /x.tgz\nrm /x.tgz\nEOF\n",
        id="heredoc-own",
    ),
    pytest.param('FROM debian\nRUN ["echo", "rm -rf /usr"]\n', id="exec-form-no-shell"),
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y curl"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN ./install-node.sh && rm -rf /var/lib/apt/lists/*\n",
        id="earlier-run-cleaned-its-own-lists",
    ),
    pytest.param(
        "FROM debian\nRUN curl -o /tmp/a.sh https://x/a.sh && sh /tmp/a.sh && rm -f /tmp/*.sh\n"
        "RUN ./more.sh && rm -rf /tmp/a.sh\n",
        id="earlier-run-removed-its-download-by-glob",
    ),
    pytest.param(
        "FROM debian\nRUN mkdir -p /var/www/html && chmod 1777 /var/www/html\n"
        "RUN apt-get install -y apache2 && . /etc/apache2/envvars && rm -rvf /var/www/html/*\n",
        id="mkdir-made-an-empty-directory-only",
    ),
]

FLAGS = [
    pytest.param("FROM debian\nRUN rm -rf /usr/share/doc\n", [2], id="plain-rm"),
    pytest.param(
        "FROM debian\nCOPY app.tgz /tmp/\nRUN tar xzf /tmp/app.tgz -C /opt \\\n"
        " && rm /tmp/app.tgz\n",
        [3],
        id="rm-copied-archive",
    ),
    pytest.param(
        "FROM debian\nRUN curl -o /a.tgz https://x/a.tgz\nRUN rm /a.tgz\n",
        [3],
        id="download-then-rm-later",
    ),
    pytest.param("FROM alpine\nRUN apk add curl\nRUN apk del curl\n", [3], id="apk-del"),
    pytest.param("FROM debian\nRUN apt-get purge -y tzdata\n", [2], id="purge-from-a-full-base"),
    pytest.param(
        "FROM debian\nCOPY app/ /srv/\nRUN find /srv -name '*.pyc' -delete\n", [3], id="find-delete"
    ),
    pytest.param("FROM python\nRUN pip uninstall -y setuptools\n", [2], id="pip-uninstall"),
    pytest.param(
        "FROM debian\nWORKDIR /app\nCOPY src/ .\nRUN rm -rf tests\n", [4], id="workdir-rel"
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update\n"
        "RUN apt-get install -y x && rm -rf /var/lib/apt/lists/*\n",
        [3],
        id="lists-from-earlier-run",
    ),
    pytest.param(
        "FROM debian AS base\nCOPY big /big\nFROM base\nRUN rm -rf /big\n",
        [4],
        id="through-stage-alias",
    ),
]


@pytest.mark.parametrize("dockerfile", OK)
def test_ok(lines_of: Callable[[str, str], list[int]], dockerfile: str) -> None:
    assert lines_of(dockerfile, "LG003") == []


@pytest.mark.parametrize(("dockerfile", "lines"), FLAGS)
def test_flags(
    lines_of: Callable[[str, str], list[int]], dockerfile: str, lines: list[int]
) -> None:
    assert lines_of(dockerfile, "LG003") == lines


def test_message_names_origin(lint_files: Lint) -> None:
    found = lint_files(
        {"Dockerfile": "FROM debian\nCOPY big.bin /opt/\nRUN rm /opt/big.bin\n"}, code="LG003"
    )
    assert len(found) == 1
    assert "/opt/big.bin" in found[0].message and "Dockerfile:2" in found[0].message


def test_pragma_suppresses(lines_of: Callable[[str, str], list[int]]) -> None:
    text = "FROM debian\n# layerguard ignore=LG003 -- docs are tiny\nRUN rm -rf /usr/share/doc\n"
    assert lines_of(text, "LG003") == []
    text = (
        "# layerguard global ignore=delete-in-later-layer\nFROM debian\nRUN rm -rf /usr/share/doc\n"
    )
    assert lines_of(text, "LG003") == []
    text = "FROM debian\n# layerguard ignore=LG004\nRUN rm -rf /usr/share/doc\n"
    assert lines_of(text, "LG003") == [3]


def test_measured_bytes_from_the_base_image(lint_files: Lint, registry_facts: Any) -> None:
    FakeMeasurer, base_facts = registry_facts
    base = base_facts(
        "registry.example.com/app:0.0.3",
        {"/packages/a.bin": 3_000_000, "/packages/b.bin": 1_000_000, "/x": 5},
    )
    measurer = FakeMeasurer({"registry.example.com/app:0.0.3": base})
    text = (
        "FROM registry.example.com/app:0.0.3\nRUN rm -rf /packages\nRUN rm -f /x\n"
        "RUN rm -rf /not-there\n"
    )
    found = lint_files({"Dockerfile": text}, code="LG003", measurer=measurer)
    assert [(f.line, f.severity.name, f.measured) for f in found] == [
        (2, "WARNING", {"paths": 2, "bytes": 4_000_000}),
        (3, "INFO", {"paths": 1, "bytes": 5}),
    ]
    assert "4MB" in found[0].message


@pytest.mark.parametrize(
    ("dockerfile", "origin"),
    [
        pytest.param(
            "FROM debian\nRUN mkdir -p /opt/app && cd /opt/app && ./build.sh\n"
            "RUN rm -rf /opt/app/build\n",
            "Dockerfile:2",
            id="a-program-filled-the-made-directory",
        ),
        pytest.param(
            "FROM debian\nCOPY big.bin /x/big\nRUN mkdir -p /x\nRUN rm -rf /x\n",
            "Dockerfile:2",
            id="content-writer-before-a-no-op-mkdir",
        ),
        pytest.param(
            "FROM debian\nRUN curl -o /opt/.secret https://x/s && rm -rf /opt/*\n"
            "RUN rm -f /opt/.secret\n",
            "Dockerfile:2",
            id="shell-globs-skip-dotfiles",
        ),
    ],
)
def test_origin_of_what_a_later_run_removes(lint_files: Lint, dockerfile: str, origin: str) -> None:
    (found,) = lint_files({"Dockerfile": dockerfile}, code="LG003")
    assert origin in found.message


def test_apk_without_cache_leaves_nothing_to_delete(lint_files: Lint, registry_facts: Any) -> None:
    FakeMeasurer, base_facts = registry_facts
    measurer = FakeMeasurer({"registry.example.com/alpine:3": base_facts(
        "registry.example.com/alpine:3", {"/bin/sh": 100})})  # fmt: skip
    for flag in ("--no-cache", "--no-network"):
        text = (
            f"FROM registry.example.com/alpine:3\nRUN apk add {flag} curl\n"
            "RUN rm -rf /var/cache/apk/*\n"
        )
        assert lint_files({"Dockerfile": text}, code="LG003", measurer=measurer) == []
