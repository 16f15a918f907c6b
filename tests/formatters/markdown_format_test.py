from __future__ import annotations

import pytest

from layerguard.formatters import Style, markdown
from layerguard.linter import Report


def test_markdown_table_with_measured_figures(report: Report) -> None:
    assert markdown.render(report, Style()) == (
        "### layerguard\n"
        "\n"
        "| severity | where | rule | message | measured |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| error | `Dockerfile:1` | LG001 self-chained-base | image is built on app:0.0.2 &lt;- "
        "app:0.0.1, every layer ships again | chain: app:0.0.2 &lt;- app:0.0.1, inherited "
        "layers: 3, inherited bytes: 123.5 MB (123,456,789 bytes) |\n"
        "| warning | `Dockerfile:3` | LG003 delete-in-later-layer | removes /usr/share/doc: 100% "
        "still ships |  |\n"
        '| info | `sub/api.Dockerfile:2` | LG005 package-cache-kept | leaves "apt" lists \\| '
        "&lt;kept&gt; |  |\n"
        "\n"
        "3 problems (1 error, 1 warning, 1 info) in 2 files\n"
    )


def test_markdown_without_measured_and_clean(report: Report, clean: Report) -> None:
    static = Report(1, report.findings[1:2])
    assert markdown.render(static, Style()) == (
        "### layerguard\n"
        "\n"
        "| severity | where | rule | message |\n"
        "| --- | --- | --- | --- |\n"
        "| warning | `Dockerfile:3` | LG003 delete-in-later-layer | removes /usr/share/doc: 100% "
        "still ships |\n"
        "\n"
        "1 problem (1 warning) in 1 file\n"
    )
    assert markdown.render(clean, Style()) == "### layerguard\n\nno problems in 1 file\n"


@pytest.mark.parametrize(
    ("size", "shown"),
    [(0, "0 B"), (999, "999 B"), (1000, "1.0 kB"), (123456789, "123.5 MB"), (5 * 10**12, "5.0 TB")],
)
def test_human_size(size: int, shown: str) -> None:
    assert markdown.human_size(size) == shown
