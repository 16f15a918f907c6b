from __future__ import annotations

import xml.etree.ElementTree as ET

from layerguard.formatters import Style, junit
from layerguard.linter import Report


def test_junit(report: Report) -> None:
    assert junit.render(report, Style()) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="layerguard" tests="3" failures="3" errors="0">\n'
        '  <testsuite name="layerguard check" tests="3" failures="3" errors="0" skipped="0">\n'
        '    <testcase classname="Dockerfile" name="LG001 self-chained-base at line 1"'
        ' file="Dockerfile" line="1">\n'
        '      <failure type="error" message="image is built on app:0.0.2 &lt;- app:0.0.1,'
        ' every layer ships again">Dockerfile:1 LG001 error: image is built on app:0.0.2'
        " &lt;- app:0.0.1, every layer ships again\n"
        "Build every version FROM a base image.</failure>\n"
        "    </testcase>\n"
        '    <testcase classname="Dockerfile" name="LG003 delete-in-later-layer at line 3"'
        ' file="Dockerfile" line="3">\n'
        '      <failure type="warning" message="removes /usr/share/doc: 100% still ships">'
        "Dockerfile:3 LG003 warning: removes /usr/share/doc: 100% still ships\n"
        "Remove the files in the RUN that creates them.</failure>\n"
        "    </testcase>\n"
        '    <testcase classname="sub/api.Dockerfile" name="LG005 package-cache-kept at line 2"'
        ' file="sub/api.Dockerfile" line="2">\n'
        '      <failure type="info" message="leaves &quot;apt&quot; lists | &lt;kept&gt;">'
        'sub/api.Dockerfile:2 LG005 info: leaves "apt" lists | &lt;kept&gt;\n'
        "Clean the cache in the same RUN.</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_junit_parses_back(report: Report) -> None:
    root = ET.fromstring(junit.render(report, Style()).encode())
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [
        "LG001 self-chained-base at line 1",
        "LG003 delete-in-later-layer at line 3",
        "LG005 package-cache-kept at line 2",
    ]
    assert all(c.find("failure") is not None for c in cases)


def test_junit_clean_run_is_one_passing_case(clean: Report) -> None:
    assert junit.render(clean, Style()) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="layerguard" tests="1" failures="0" errors="0">\n'
        '  <testsuite name="layerguard check" tests="1" failures="0" errors="0" skipped="0">\n'
        '    <testcase classname="layerguard" name="layerguard check" />\n'
        "  </testsuite>\n"
        "</testsuites>\n"
    )
