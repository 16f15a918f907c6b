from __future__ import annotations

from layerguard.formatters import Style, text
from layerguard.linter import Report


def test_text(report: Report) -> None:
    assert text.render(report, Style()) == (
        "Dockerfile:1 LG001 error: image is built on app:0.0.2 <- app:0.0.1, every layer ships"
        " again\n"
        "Dockerfile:3 LG003 warning: removes /usr/share/doc: 100% still ships\n"
        'sub/api.Dockerfile:2 LG005 info: leaves "apt" lists | <kept>\n'
        "3 problems (1 error, 1 warning, 1 info) in 2 files\n"
    )


def test_text_quiet_and_clean(report: Report, clean: Report) -> None:
    assert text.render(report, Style(quiet=True)).count("\n") == 3
    assert text.render(clean, Style()) == "no problems in 1 file\n"
    assert text.render(clean, Style(quiet=True)) == ""


def test_text_color(report: Report) -> None:
    first = text.render(report, Style(color=True)).splitlines()[0]
    assert first == (
        "\033[1mDockerfile:1\033[0m \033[2mLG001\033[0m \033[31merror\033[0m: "
        "image is built on app:0.0.2 <- app:0.0.1, every layer ships again"
    )
