from __future__ import annotations

from layerguard.formatters import Style, github
from layerguard.linter import Report


def test_github_workflow_commands(report: Report) -> None:
    assert github.render(report, Style()) == (
        "::error file=Dockerfile,line=1,endLine=1,title=LG001 self-chained-base::"
        "image is built on app:0.0.2 <- app:0.0.1, every layer ships again"
        "%0ABuild every version FROM a base image.\n"
        "::warning file=Dockerfile,line=3,endLine=4,title=LG003 delete-in-later-layer::"
        "removes /usr/share/doc: 100%25 still ships%0ARemove the files in the RUN that creates"
        " them.\n"
        "::notice file=sub/api.Dockerfile,line=2,endLine=2,col=5,title=LG005 package-cache-kept::"
        'leaves "apt" lists | <kept>%0AClean the cache in the same RUN.\n'
        "3 problems (1 error, 1 warning, 1 info) in 2 files\n"
    )


def test_github_escapes_properties(report: Report) -> None:
    odd = Report(1, (report.findings[0]._replace(file="a,b:c%.Dockerfile", help=""),))
    line = github.render(odd, Style(quiet=True))
    assert line.startswith("::error file=a%2Cb%3Ac%25.Dockerfile,line=1,")
    assert line.count("\n") == 1


def test_github_clean(clean: Report) -> None:
    assert github.render(clean, Style()) == "no problems in 1 file\n"
    assert github.render(clean, Style(quiet=True)) == ""
