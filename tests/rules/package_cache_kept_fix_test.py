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
        "FROM node\nWORKDIR /app\nRUN npm ci && yarn install\n",
        "FROM node\nWORKDIR /app\n"
        "RUN npm ci && yarn install && npm cache clean --force && yarn cache clean\n",
        id="npm-and-yarn",
    ),
    pytest.param(  # (the yarn on PATH may be another than corepack's, or none: rm its cache)
        "FROM node:20\nWORKDIR /app\nCOPY package.json .\nRUN corepack yarn install\n",
        "FROM node:20\nWORKDIR /app\nCOPY package.json .\n"
        "RUN corepack yarn install && rm -rf /usr/local/share/.cache/yarn\n",
        id="corepack-yarn",
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
        "ARG BASE\nFROM ${BASE}\nUSER ${NB_UID}\nRUN npx --yes cowsay@1 hi\n",
        "ARG BASE\nFROM ${BASE}\nUSER ${NB_UID}\n"
        'RUN npx --yes cowsay@1 hi && rm -rf "${HOME}"/.npm/_cacache\n',
        id="a-home-known-by-its-variable-is-the-shell-s",  # (red team 13: not '/$HOME/...')
    ),
    pytest.param(
        "FROM python\nUSER app\nRUN pip install --user x\n",
        "FROM python\nUSER app\nRUN pip install --no-cache-dir --user x\n",
        id="pip-as-another-user",
    ),
    pytest.param(
        "FROM ubuntu:22.04\nUSER dev\nRUN sudo apt-get update && sudo apt-get install -y curl\n",
        "FROM ubuntu:22.04\nUSER dev\nRUN sudo apt-get update && sudo apt-get install -y curl"
        " && sudo rm -rf /var/lib/apt/lists/*\n",
        id="apt-through-sudo-as-another-user",  # (a plain rm fails there: Permission denied)
    ),
    pytest.param(
        "FROM ubuntu:14.04\nRUN apt-get update && apt-get install -y python-pip"
        " && rm -rf /var/lib/apt/lists/*\nRUN pip install --upgrade pip && pip install flask\n",
        "FROM ubuntu:14.04\nRUN apt-get update && apt-get install -y python-pip"
        " && rm -rf /var/lib/apt/lists/*\n"
        "RUN pip install --upgrade pip && pip install flask && rm -rf /root/.cache/pip\n",
        id="pip-where-the-first-pip-has-no-no-cache-dir",  # (pip 1.5.4 rejects the option)
    ),
    pytest.param(
        "FROM archlinux\nRUN pacman -Syu --noconfirm git && yes | pacman -Scc\n",
        "FROM archlinux\nRUN pacman -Syu --noconfirm git && yes | pacman -Scc"
        " && rm -rf /var/lib/pacman/sync/*\n",
        id="pacman-sync-databases-scc-leaves",  # (held out 11)
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
        # BuildKit makes a cache mount root's: the user the RUN runs as needs its ids there
        # (Jupyter's say them: NB_UID, NB_GID; red team 10)
        "FROM jupyter/base-notebook:lab-3.6.3\nRUN <<EOF\npip install plotly\nEOF\n",
        "FROM jupyter/base-notebook:lab-3.6.3\n"
        "RUN --mount=type=cache,target=/home/jovyan/.cache/pip,uid=1000,gid=100 <<EOF\n"
        "pip install plotly\nEOF\n",
        id="a-cache-mount-for-the-image-s-user",
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


# A later RUN that needs what the cleanup removes (red team 3): the fix of the first RUN
# breaks it (no index, `--offline`) or undoes its layer (`go build` downloads again).
NEEDED_LATER = [
    pytest.param("FROM alpine:3.19\nRUN apk update\nRUN apk add curl jq\n", id="apk-add"),
    pytest.param(
        "FROM debian\nRUN apt-get update\nRUN eatmydata apt-get install -y curl\n",
        id="apt-under-eatmydata",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update\nRUN timeout 300 apt-get install -y curl\n",
        id="apt-under-timeout",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update\nRUN apt-get download curl\n", id="apt-get-download"
    ),
    pytest.param(
        "FROM golang:1.22\nWORKDIR /app\nCOPY go.mod go.sum ./\nRUN go mod download\n"
        "COPY . .\nRUN go build -o /app/server .\n",
        id="go-build-after-go-mod-download",
    ),
    pytest.param(
        "FROM rust:1.77\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nRUN cargo fetch\n"
        "COPY . .\nRUN cargo build --release --offline\n",
        id="cargo-build-after-cargo-fetch",
    ),
    pytest.param(
        "FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install\n"
        "RUN yarn install --production --offline\n",
        id="yarn-offline",
    ),
    # (red team 4)
    pytest.param(
        "FROM debian\nRUN apt-get update\n"
        "RUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n",
        id="a-cache-mount-elsewhere",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update\nRUN apt-get -t bookworm-backports install -y curl\n",
        id="an-option-with-a-value-before-the-subcommand",
    ),
    pytest.param(
        "FROM debian\nRUN apt-get update\nRUN sh -c 'apt-get install -y curl'\n",
        id="an-install-in-sh-c",
    ),
    pytest.param(
        "FROM archlinux\nRUN pacman -Sy --noconfirm git\nRUN pacman -S --noconfirm make\n",
        id="pacman-s-without-a-refresh",
    ),
    # (red team 5)
    pytest.param(
        "FROM archlinux\nRUN pacman -Syu --noconfirm git\n"
        "RUN pacman -U --noconfirm https://x.example/python-3.11.8-1-x86_64.pkg.tar.zst\n",
        id="pacman-u-resolves-dependencies-from-the-databases",
    ),
    pytest.param(
        "FROM archlinux\nRUN pacman -Syu --noconfirm git\n"
        "RUN pacman --sync --noconfirm --needed python\n",
        id="pacman-long-sync",
    ),
    pytest.param(
        "FROM archlinux\nRUN pacman -Syu --noconfirm git\nRUN yay -S --noconfirm python-foo\n",
        id="an-aur-helper",
    ),
]


@pytest.mark.parametrize("dockerfile", NEEDED_LATER)
def test_a_cache_a_later_run_needs_is_an_unsafe_fix(lint_files: Lint, dockerfile: str) -> None:
    first = lint_files({"Dockerfile": dockerfile}, code="LG005", context=False)[0]
    assert first.fix is not None and not first.fix.safe
    assert "(unsafe: a later RUN" in first.fix.description


def test_a_later_run_that_fetches_its_own_keeps_the_fix_safe(lint_files: Lint) -> None:
    dockerfile = "FROM alpine:3.19\nRUN apk update\nRUN apk add --no-cache curl\n"
    (found,) = lint_files({"Dockerfile": dockerfile}, code="LG005", context=False)
    assert found.fix is not None and found.fix.safe


def test_a_script_from_the_context_that_installs_later_needs_the_index(lint_files: Lint) -> None:
    files = {
        "scripts/install-tools.sh": "#!/bin/sh\nset -e\napt-get install -y jq unzip\n",
        "Dockerfile": "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl\n"
        "COPY scripts/install-tools.sh /usr/local/bin/install-tools.sh\n"
        "RUN /usr/local/bin/install-tools.sh\n",
    }
    first = lint_files(files, code="LG005")[0]
    assert first.line == 2 and first.fix is not None and not first.fix.safe


def test_the_go_fix_removes_the_build_cache_too(lint_files: Lint) -> None:
    dockerfile = "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\n"
    (found,) = _fixes(lint_files, dockerfile)
    fixed = fix.apply(dockerfile, [found]).text
    # (go's own cleanup, now that `go clean` is known to build nothing where it runs)
    assert fixed.endswith("RUN go build -o /app/server . && go clean -modcache -cache\n")
    assert lint_files({"Dockerfile": fixed}, code="LG005", context=False) == []


def test_no_cleanup_after_a_command_that_never_returns(lint_files: Lint) -> None:
    dockerfile = "FROM debian\nRUN apt-get update && apt-get install -y curl && exit 0\n"
    fixes = _fixes(lint_files, dockerfile)
    assert all("rm -rf" not in (e.text or "") for f in fixes for e in f.edits)


def test_a_stage_not_built_on_this_one_never_needs_its_cache(lint_files: Lint) -> None:
    dockerfile = (
        "FROM debian AS app\nRUN apt-get update\n"
        "FROM debian AS other\nRUN apt-get install -y curl\nFROM app\n"
    )
    (found,) = lint_files({"Dockerfile": dockerfile}, code="LG005", context=False)
    assert found.fix is not None and found.fix.safe


@pytest.mark.parametrize(
    ("dockerfile", "cleanup"),
    [
        pytest.param(
            "FROM php:8.2-cli\nRUN curl -sS https://getcomposer.org/installer | php"
            " && php composer.phar install\n",
            " && rm -rf /root/.composer/cache\n",
            id="composer-not-on-path",
        ),
        pytest.param(
            "FROM node:20\nWORKDIR /app\nRUN npm ci && rm -rf /usr/local/lib/node_modules/npm\n",
            " && rm -rf /root/.npm/_cacache\n",
            id="npm-removed-before-the-end",
        ),
        pytest.param(
            "FROM node:20\nWORKDIR /app\nCOPY install.sh /\nRUN /install.sh\n",
            " && rm -rf /root/.npm/_cacache\n",
            id="npm-in-a-script",
        ),
        pytest.param(
            "FROM debian\nRUN curl -so /tmp/miniforge.sh https://x/Miniforge3.sh"
            " && bash /tmp/miniforge.sh -b -p /opt/conda && rm /tmp/miniforge.sh\n",
            " && rm -rf /opt/conda/pkgs\n",
            id="conda-of-an-installer-not-on-path",
        ),
        pytest.param(
            "FROM debian\nRUN curl -so /tmp/Miniforge3.sh https://x/Miniforge3.sh"
            " && bash /tmp/Miniforge3.sh -b && rm /tmp/Miniforge3.sh\n",
            " && rm -rf /root/miniforge3/pkgs\n",
            id="miniforge-s-own-default-prefix",
        ),
        pytest.param(
            "FROM debian\nENV HOME=/build\nRUN . /usr/local/rvm/scripts/rvm && rvm install 3.2.2\n",
            " && rm -rf /usr/local/rvm/archives\n",
            id="rvm-where-its-script-says",  # (not /build/.rvm: the script sourced placed it)
        ),
    ],
)
def test_a_manager_not_on_path_at_the_end_is_cleaned_by_rm(
    lint_files: Lint, dockerfile: str, cleanup: str
) -> None:
    """`composer clear-cache` fails where composer is only composer.phar, and `npm cache clean`
    once the RUN removed npm, `conda clean` where only an installer put conda (not on PATH): the
    cleanup removes the cache directory instead (red team 6)."""
    (found,) = lint_files({"Dockerfile": dockerfile, "install.sh": "npm ci\n"}, code="LG005")
    assert found.fix is not None and found.fix.safe
    assert fix.apply(dockerfile, [found.fix]).text.endswith(cleanup)


def test_no_safe_cleanup_where_only_sudo_could_remove_the_cache(lint_files: Lint) -> None:
    """As `USER dev`, a script run through sudo fills apt's lists: a plain `rm -rf` appended to
    the RUN would fail it (red team 8), so only the cache mount (unsafe) is offered."""
    files = {
        "install-packages": '#!/bin/bash\napt-get update\napt-get install -y "$@"\n',
        "Dockerfile": "FROM ubuntu:22.04\nCOPY install-packages /usr/bin/\nUSER dev\n"
        "RUN sudo install-packages curl\n",
    }
    (found,) = lint_files(files, code="LG005")
    assert found.fix is not None and not found.fix.safe
    assert "--mount=type=cache" in (found.fix.edits[0].text or "")


def test_no_cache_mount_for_a_user_whose_ids_are_not_known(lint_files: Lint) -> None:
    """`USER app` of a `useradd` without `-u`: a root-owned mount would fail its writes."""
    dockerfile = "FROM debian:12\nRUN useradd -m app\nUSER app\nRUN <<EOF\npip install x\nEOF\n"
    (found,) = lint_files({"Dockerfile": dockerfile}, code="LG005", context=False)
    assert found.fix is None


@pytest.mark.parametrize(
    "dockerfile",
    [
        # (a Go before 1.11, which has no -modcache: by its image's tag, its variables, a
        # distribution's package, or a tag the build passes)
        "FROM golang:1.10\nWORKDIR /go/src/app\nCOPY . .\nRUN go build -o /app .\n",
        "FROM ubuntu:22.04\nENV GOLANG_VERSION go1.10.3\nCOPY . .\nRUN go build -o /app .\n",
        "FROM ubuntu:18.04\nRUN apt-get install -y golang-go\nCOPY . .\nRUN go build -o /app .\n",
        "ARG GO_VERSION\nFROM golang:${GO_VERSION}-alpine\nCOPY . .\nRUN go build -o /app .\n",
        # (a RUN that removed the directory it ends in: go needs one)
        "FROM golang:1.21\nRUN git clone https://x/tool.git && cd tool && go build -o /t ."
        " && rm -rf ../tool\n",
    ],
)
def test_the_go_fix_is_rm_where_go_clean_may_not_run(lint_files: Lint, dockerfile: str) -> None:
    (found,) = [f for f in _fixes(lint_files, dockerfile) if f.safe]
    fixed = fix.apply(dockerfile, [found]).text
    assert "go clean" not in fixed and "rm -rf" in fixed.splitlines()[-1]


def test_no_fix_for_the_index_beside_xbps_package_database(lint_files: Lint) -> None:
    """xbps keeps its package database in /var/db/xbps beside the index: neither removing the
    directory nor a cache mount over it would leave the installed packages recorded."""
    dockerfile = "FROM ghcr.io/void-linux/void-glibc\nRUN xbps-install -Syu git\n"
    (found,) = lint_files({"Dockerfile": dockerfile}, code="LG005", context=False)
    assert found.fix is None
