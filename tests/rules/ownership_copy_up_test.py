from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

OK = [
    pytest.param("FROM debian\nCOPY --chown=www-data:www-data app/ /srv/app/\n", id="copy-chown"),
    pytest.param("FROM debian\nRUN mkdir -p /data && chown app:app /data\n", id="own-mkdir"),
    pytest.param("FROM debian\nRUN useradd -m app && chown -R app /home/app\n", id="own-home"),
    pytest.param(
        "FROM debian\nRUN curl -o /usr/local/bin/tool https://x/tool && chmod +x "
        "/usr/local/bin/tool\n",
        id="chmod-own-download",
    ),
    pytest.param("FROM debian\nRUN touch /var/log/app.log\n", id="touch-new-file"),
    pytest.param(
        "FROM debian AS b\nCOPY x /x\nRUN chmod -R 777 /x\nFROM scratch\nCOPY --from=b /x /x\n",
        id="build-stage-only",
    ),
]

FLAGS = [
    pytest.param(
        "FROM debian\nCOPY app/ /srv/app/\nRUN chown -R www-data:www-data /srv/app\n",
        [3],
        id="chown-copied",
    ),
    pytest.param(
        "FROM debian\nCOPY entrypoint.sh /\nRUN chmod +x /entrypoint.sh\n", [3], id="chmod-copied"
    ),
    pytest.param("FROM debian\nRUN chmod -R g+rwX /usr/share\n", [2], id="chmod-base-content"),
    pytest.param(
        "FROM debian\nCOPY a.conf /etc/a.conf\nRUN touch /etc/a.conf\n", [3], id="touch-copied"
    ),
    pytest.param(
        "FROM debian\nCOPY opt/ /opt/\nRUN chgrp -R 0 /opt && setfacl -R -m u:app:rwx /usr/lib\n",
        [3],
        id="chgrp-setfacl",
    ),
]


@pytest.mark.parametrize("dockerfile", OK)
def test_ok(lines_of: Callable[[str, str], list[int]], dockerfile: str) -> None:
    assert lines_of(dockerfile, "LG004") == []


@pytest.mark.parametrize(("dockerfile", "lines"), FLAGS)
def test_flags(
    lines_of: Callable[[str, str], list[int]], dockerfile: str, lines: list[int]
) -> None:
    assert lines_of(dockerfile, "LG004") == lines


def test_measured_copy_up_of_base_files(lint_files: Any, registry_facts: Any) -> None:
    fake_measurer, base_facts = registry_facts
    base = base_facts("debian:12", {"/srv/a": 700_000, "/srv/b": 600_000, "/etc/x": 10})
    text = "FROM debian:12\nRUN chown -R app /srv\nRUN chmod 600 /etc/x\nRUN chmod -R 700 /nope\n"
    found = lint_files(
        {"Dockerfile": text}, code="LG004", measurer=fake_measurer({"debian:12": base})
    )
    assert [(f.line, f.severity.name, f.measured) for f in found] == [
        (2, "WARNING", {"paths": 2, "bytes": 1_300_000}),
        (3, "INFO", {"paths": 1, "bytes": 10}),
    ]
