from __future__ import annotations

from collections.abc import Callable

import pytest

OK = [
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y curl"
        " && rm -rf /var/lib/apt/lists/*\n",
        id="apt-cleaned",
    ),
    pytest.param(
        "FROM debian\nRUN --mount=type=cache,target=/var/lib/apt \\\n"
        "    --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y x\n",
        id="apt-cache-mount",
    ),
    pytest.param("FROM alpine\nRUN apk add --no-cache curl\n", id="apk-no-cache"),
    pytest.param(
        "FROM alpine\nRUN apk add --no-cache --virtual .build gcc && make"
        " && apk add --no-network --virtual .run libgcc && apk del --no-network .build\n",
        id="apk-no-network-installs-from-what-is-there",
    ),
    pytest.param("FROM python\nRUN pip install --no-cache-dir flask\n", id="pip-no-cache-dir"),
    pytest.param("FROM python\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n", id="pip-env"),
    pytest.param(
        "FROM python\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
        id="pip-cache-mount",
    ),
    pytest.param("FROM centos\nRUN yum install -y httpd && yum clean all\n", id="yum-clean"),
    pytest.param("FROM node\nRUN npm ci && npm cache clean --force\n", id="npm-clean"),
    pytest.param(
        "FROM debian AS b\nRUN apt-get update\nFROM scratch\nCOPY --from=b /x /x\n",
        id="build-stage-only",
    ),
]

FLAGS = [
    pytest.param(
        "FROM ubuntu\nRUN apt-get update\nRUN apt-get install -y nginx\n", [2], id="apt-split"
    ),
    pytest.param("FROM alpine\nRUN apk update && apk add curl\n", [2], id="apk"),
    pytest.param("FROM python\nRUN python3 -m pip install -r requirements.txt\n", [2], id="pip-m"),
    pytest.param("FROM fedora\nRUN dnf install -y gcc\n", [2], id="dnf"),
    pytest.param("FROM node\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n", [4], id="npm"),
    pytest.param(
        "FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n", [2], id="heredoc"
    ),
]


@pytest.mark.parametrize("dockerfile", OK)
def test_ok(lines_of: Callable[[str, str], list[int]], dockerfile: str) -> None:
    assert lines_of(dockerfile, "LG005") == []


@pytest.mark.parametrize(("dockerfile", "lines"), FLAGS)
def test_flags(
    lines_of: Callable[[str, str], list[int]], dockerfile: str, lines: list[int]
) -> None:
    assert lines_of(dockerfile, "LG005") == lines
