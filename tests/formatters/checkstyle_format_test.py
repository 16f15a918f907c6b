from __future__ import annotations

import xml.etree.ElementTree as ET

from layerguard.formatters import Style, checkstyle
from layerguard.linter import Report


def test_checkstyle(report: Report) -> None:
    assert checkstyle.render(report, Style()) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<checkstyle version="4.3">\n'
        '  <file name="Dockerfile">\n'
        '    <error line="1" column="1" severity="error" message="image is built on app:0.0.2'
        ' &lt;- app:0.0.1, every layer ships again (self-chained-base)"'
        ' source="layerguard.LG001" />\n'
        '    <error line="3" column="1" severity="warning" message="removes /usr/share/doc:'
        ' 100% still ships (delete-in-later-layer)" source="layerguard.LG003" />\n'
        "  </file>\n"
        '  <file name="sub/api.Dockerfile">\n'
        '    <error line="2" column="5" severity="info" message="leaves &quot;apt&quot; lists |'
        ' &lt;kept&gt; (package-cache-kept)" source="layerguard.LG005" />\n'
        "  </file>\n"
        "</checkstyle>\n"
    )


def test_checkstyle_parses_back(report: Report, clean: Report) -> None:
    root = ET.fromstring(checkstyle.render(report, Style()).encode())
    errors = [(f.get("name"), e.get("line"), e.get("source")) for f in root for e in f]
    assert errors == [
        ("Dockerfile", "1", "layerguard.LG001"),
        ("Dockerfile", "3", "layerguard.LG003"),
        ("sub/api.Dockerfile", "2", "layerguard.LG005"),
    ]
    cache = root.find("file/error[@source='layerguard.LG005']")
    assert cache is not None
    assert cache.get("message") == 'leaves "apt" lists | <kept> (package-cache-kept)'
    assert checkstyle.render(clean, Style()) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3" />\n'
    )


def test_xml_formats_stay_well_formed_with_control_characters(report: Report) -> None:
    from layerguard.formatters import junit

    odd = report._replace(
        findings=tuple(f._replace(message=f.message + "\x01\x1b[31m") for f in report.findings)
    )
    for module in (checkstyle, junit):
        root = ET.fromstring(module.render(odd, Style()))
        assert "\ufffd" in ET.tostring(root, "unicode")
