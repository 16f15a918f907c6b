"""Generated Dockerfiles: no exception escapes, findings point at real lines, reports parse."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layerguard.dockerfile.parser import ParseError, parse
from layerguard.formatters import FORMATTERS, Style
from layerguard.linter import Settings, lint
from layerguard.project.config import default_rules

WORDS = [
    "rm",
    "-rf",
    "/tmp/x",
    "apt-get",
    "install",
    "-y",
    "curl",
    "&&",
    "||",
    ";",
    "chown",
    "-R",
    "a:b",
    "/srv",
    "cd",
    "..",
    "$HOME",
    "'q q'",
    '"d $x"',
    "\\",
    "|",
    "(",
    ")",
    "`id`",
    "$(pwd)",
    "tar",
    "xzf",
    "a.tgz",
    "<<EOF",
    "apk",
    "add",
    "pip",
    "#",
    "*.deb",
]
KEYWORDS = [
    "FROM",
    "RUN",
    "COPY",
    "ADD",
    "WORKDIR",
    "ENV",
    "ARG",
    "USER",
    "CMD",
    "ONBUILD",
    "from",
    "Run",
    "LABEL",
    "HEALTHCHECK",
    "EXPOSE",
    "SHELL",
    "BOGUS",
]

line = st.one_of(
    st.builds(
        lambda k, ws: f"{k} {' '.join(ws)}",
        st.sampled_from(KEYWORDS),
        st.lists(st.sampled_from(WORDS), max_size=8),
    ),
    st.sampled_from(
        [
            "",
            "   ",
            "# comment",
            "# layerguard ignore=LG003",
            "\\",
            "EOF",
            "  \t",
            "# escape=`",
            "FROM scratch AS b",
            "COPY --from=b /x /y",
            "RUN <<-EOT",
            "\tEOT",
            "FROM base:1",
            "COPY <<EOF /etc/x",
            'RUN ["a", "b"]',
        ]
    ),
    st.text(max_size=30),
)
dockerfile = st.lists(line, max_size=25).map("\n".join).map(lambda t: t.encode("utf-8", "replace"))
raw = st.one_of(dockerfile, st.binary(max_size=300), dockerfile.map(lambda b: b + b"\xff\xfe"))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=raw)
def test_any_input_lints_without_exceptions(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(data)
    report = lint([str(path)], Settings(default_rules(), {}, {}, {}, None))
    # (a line BuildKit refuses is left out and named; the rest is still checked)
    rejected: list[ParseError] = []
    try:
        starts = {n.start_line for n in parse(data, rejected).nodes}
    except ParseError as exc:
        starts = {exc.line}
    starts |= {e.line for e in rejected}
    lines = max(1, data.count(b"\n") + 1)
    for finding in report.findings:
        assert finding.line in starts and 1 <= finding.line <= lines
        assert finding.line <= finding.end_line
    for name in ("json", "sarif", "gitlab"):
        json.loads(FORMATTERS[name](report, Style()))
    for name in ("checkstyle", "junit"):
        ElementTree.fromstring(FORMATTERS[name](report, Style()))
    assert len(FORMATTERS["github"](report, Style()).splitlines()) >= len(report.findings)
