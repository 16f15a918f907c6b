"""LG005's fixes: the cleanup in the same RUN (safe), or a cache mount (unsafe)."""

from __future__ import annotations

import pytest

from layerguard.dockerfile import fix
from tests.rules.conftest import Lint

SAFE = [
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian\nRUN apt-get update && apt-get install -y curl"
        " && rm -rf /var/lib/apt/lists/*\n",
        id="apt",
    ),
    pytest.param(
        "FROM alpine\nRUN apk update \\\n && apk add curl\n",
        "FROM alpine\nRUN apk update \\\n && apk add curl \\\n && rm -rf /var/cache/apk/*\n",
        id="apk",
    ),
    pytest.param(
        "FROM python\nRUN pip3 install -r req.txt && python -m pip install x\n",
        "FROM python\nRUN pip3 install --no-cache-dir -r req.txt"
        " && python -m pip install --no-cache-dir x\n",
        id="pip-each-install",
    ),
    pytest.param(
        "FROM fedora\nRUN microdnf install -y git\n",
        "FROM fedora\nRUN microdnf install -y git && microdnf clean all\n",
        id="microdnf",
    ),
    pytest.param(
        "FROM node\nRUN npm ci && yarn install\n",
        "FROM node\nRUN npm ci && yarn install && npm cache clean --force && yarn cache clean\n",
        id="npm-and-yarn",
    ),
    pytest.param(
        "FROM conda\nRUN /opt/conda/bin/conda install -y numpy\n",
        "FROM conda\nRUN /opt/conda/bin/conda install -y numpy"
        " && /opt/conda/bin/conda clean -afy\n",
        id="conda-as-called",
    ),
    pytest.param(
        "FROM rust\nRUN cargo install ripgrep\n",
        "FROM rust\nRUN cargo install ripgrep && rm -rf /usr/local/cargo/registry\n",
        id="cargo-rm",
    ),
    pytest.param(
        "FROM golang\nRUN go mod download && go build -o /app ./...\n",
        "FROM golang\nRUN go mod download && go build -o /app ./... && go clean -modcache -cache\n",
        id="go-cleans-its-read-only-cache",
    ),
    pytest.param(
        "FROM python\nUSER app\nRUN pip install --user x\n",
        "FROM python\nUSER app\nRUN pip install --no-cache-dir --user x\n",
        id="pip-as-another-user",
    ),
]

UNSAFE = [
    pytest.param(
        "FROM debian\nRUN <<EOT\napt-get update\napt-get install -y x\nEOT\n",
        "FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists <<EOT\n"
        "apt-get update\napt-get install -y x\nEOT\n",
        id="heredoc",
    ),
]

UNSAFE.append(
    pytest.param(
        "FROM debian\nRUN apt-get update\nRUN apt-get install -y nginx\n",
        "FROM debian\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get install -y nginx\n",
        id="a-later-install-needs-the-index",
    )
)
SAFE.append(
    pytest.param(
        "FROM debian\nRUN apt-get update && apt-get install -y a\n"
        "RUN apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian\nRUN apt-get update && apt-get install -y a && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*\n",
        id="a-later-install-updates-first",
    )
)
UNSAFE.append(
    pytest.param(
        # `&& rm ...` after the comment would be part of it: no safe fix.
        "FROM debian\nRUN apt-get update # index\n",
        "FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update # index\n",
        id="shell-comment-at-the-end",
    )
)


def _fixes(lint_files: Lint, dockerfile: str) -> list[fix.Fix]:
    found = lint_files({"Dockerfile": dockerfile}, code="LG005", context=False)
    assert found, "the rule must fire on the example"
    return [f.fix for f in found if f.fix is not None]


@pytest.mark.parametrize(("dockerfile", "fixed"), SAFE)
def test_safe_fix(lint_files: Lint, dockerfile: str, fixed: str) -> None:
    fixes = _fixes(lint_files, dockerfile)
    assert [f.safe for f in fixes] == [True]
    assert fix.apply(dockerfile, fixes).text == fixed
    assert lint_files({"Dockerfile": fixed}, code="LG005", context=False) == []


@pytest.mark.parametrize(("dockerfile", "fixed"), UNSAFE)
def test_unsafe_fix(lint_files: Lint, dockerfile: str, fixed: str) -> None:
    fixes = _fixes(lint_files, dockerfile)
    assert [f.safe for f in fixes] == [False]
    assert fix.apply(dockerfile, fixes).text == fixed
    assert lint_files({"Dockerfile": fixed}, code="LG005", context=False) == []
