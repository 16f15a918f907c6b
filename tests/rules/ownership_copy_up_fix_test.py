"""LG004's fix: COPY --chown/--chmod instead of a RUN that changes only what that COPY wrote."""

from __future__ import annotations

import pytest

from layerguard.dockerfile import fix
from tests.rules.conftest import Lint

FIXED = [
    pytest.param(
        "FROM debian\nCOPY app/ /app/\nRUN chown -R app:app /app\n",
        "FROM debian\nCOPY --chown=app:app app/ /app/\n",
        id="chown-dropped",
    ),
    pytest.param(
        "FROM debian\nCOPY run.sh /usr/local/bin/\nRUN chmod 0755 /usr/local/bin/run.sh\n",
        "FROM debian\nCOPY --chmod=0755 run.sh /usr/local/bin/\n",
        id="chmod-of-the-file",
    ),
    pytest.param(
        "FROM debian\nCOPY --from=build /out/ /srv/app/\nUSER app\n"
        "RUN chmod --recursive 750 /srv/app\n",
        "FROM debian\nCOPY --chmod=750 --from=build /out/ /srv/app/\nUSER app\n",
        id="from-stage-with-instructions-between",
    ),
    pytest.param(
        "FROM debian\nRUN mkdir -p /srv/www\nCOPY . /srv/www/\nRUN chown -R 1000:1000 /srv/www\n",
        "FROM debian\nRUN mkdir -p /srv/www\nCOPY --chown=1000:1000 . /srv/www/\n"
        "RUN chown 1000:1000 /srv/www\n",
        id="an-earlier-directory-keeps-its-chown",
    ),
]

REPORT_ONLY = [
    pytest.param(
        "FROM debian\nWORKDIR /app\nCOPY . .\nRUN chown -R 1000:1000 /app\n",
        id="workdir-made-the-directory",
    ),
    pytest.param("FROM debian\nCOPY app/ /app/\nRUN chown -R app /app\n", id="user-without-group"),
    pytest.param("FROM debian\nCOPY app/ /app/\nRUN chmod -R u+x /app\n", id="symbolic-mode"),
    pytest.param(
        "FROM debian\nCOPY app/ /app/\nRUN chown -R app:app /app && ls\n", id="more-commands"
    ),
    pytest.param(
        "FROM debian\nCOPY a/ /app/\nCOPY b/ /app/\nRUN chown -R app:app /app\n",
        id="two-copies",
    ),
    pytest.param(
        "FROM debian\nCOPY app/ /app/\nRUN mkdir /app/logs\nRUN chown -R app:app /app\n",
        id="a-run-between-writes-there",
    ),
    pytest.param(
        "FROM debian\nRUN mkdir -p /app/data\nCOPY app/ /app/\nRUN chown -R app:app /app\n",
        id="an-earlier-directory-inside",
    ),
    pytest.param(
        "FROM debian\nCOPY app/ /srv/new/app/\nRUN chown -R app:app /srv/new/app\n",
        id="copy-creates-the-parent",
    ),
    pytest.param(
        "FROM debian\nCOPY app/ /app/\nRUN chown -R app:app /app/bin\n", id="part-of-the-copy"
    ),
    pytest.param(
        "FROM debian\nCOPY --chown=a:a app/ /app/\nRUN chown -R app:app /app\n",
        id="copy-has-the-flag",
    ),
    pytest.param(
        "FROM python:3.12-slim\nCOPY app/ /app/\nRUN groupadd -r app && useradd -r -g app app\n"
        "RUN chown -R app:app /app\n",
        id="the-user-is-added-after-the-copy",
    ),
    pytest.param(
        "FROM nginx:1.25\nCOPY conf/ /etc/nginx/\nRUN chown -R nginx:nginx /etc/nginx\n",
        id="the-base-image-has-files-there",
    ),
    pytest.param(
        "FROM python:3.12\nCOPY . /opt/\nRUN chown -R nobody:nogroup /opt\n",
        id="a-standard-directory-of-the-base",
    ),
    pytest.param(
        "FROM rust:1.77\nCOPY cargo/ /usr/local/cargo/\nRUN chown -R 1000:1000 /usr/local/cargo\n",
        id="a-tree-the-base-image-fills",
    ),
    # (red team 4) users that packages, `sh -c` or a copied passwd add; a WORKDIR made inside
    pytest.param(
        "FROM alpine\nCOPY html/ /srv/www/\nRUN apk add --no-cache nginx\n"
        "RUN chown -R nginx:nginx /srv/www\n",
        id="a-package-adds-the-user",
    ),
    pytest.param(
        "FROM debian\nCOPY app/ /app/\nRUN sh -c 'useradd -r app'\nRUN chown -R app:app /app\n",
        id="useradd-in-sh-c",
    ),
    pytest.param(
        "FROM debian\nCOPY app/ /app/\nCOPY passwd group /etc/\nRUN chown -R app:app /app\n",
        id="a-copied-passwd",
    ),
    pytest.param(
        "FROM debian\nCOPY app/ /app/\nWORKDIR /app/data\nRUN chown -R 1000:1000 /app\n",
        id="a-workdir-made-inside",
    ),
]


@pytest.mark.parametrize(("dockerfile", "fixed"), FIXED)
def test_fix(lint_files: Lint, dockerfile: str, fixed: str) -> None:
    found = lint_files({"Dockerfile": dockerfile}, code="LG004", context=False)
    fixes = [f.fix for f in found if f.fix is not None]
    assert [f.safe for f in fixes] == [True]
    assert fix.apply(dockerfile, fixes).text == fixed
    assert lint_files({"Dockerfile": fixed}, code="LG004", context=False) == []


def test_chmod_plus_x_is_an_unsafe_fix(lint_files: Lint) -> None:
    dockerfile = "FROM debian\nCOPY install.sh /tmp/\nRUN chmod +x /tmp/install.sh\n"
    (found,) = lint_files({"Dockerfile": dockerfile}, code="LG004", context=False)
    assert found.fix is not None and not found.fix.safe
    assert "mode 0755 whatever the file's mode" in found.fix.description
    fixed = fix.apply(dockerfile, [found.fix]).text
    assert fixed == "FROM debian\nCOPY --chmod=755 install.sh /tmp/\n"
    assert lint_files({"Dockerfile": fixed}, code="LG004", context=False) == []


@pytest.mark.parametrize("dockerfile", REPORT_ONLY)
def test_report_only(lint_files: Lint, dockerfile: str) -> None:
    found = lint_files({"Dockerfile": dockerfile}, code="LG004", context=False)
    assert [f.fix for f in found] == [None] * len(found)
    assert found
