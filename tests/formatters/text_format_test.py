from __future__ import annotations

from pathlib import Path

import pytest

from layerguard.formatters import Style, text
from layerguard.linter import Report


def test_text(report: Report) -> None:
    assert text.render(report, Style()) == (
        "Dockerfile:1 LG001 error: image is built on app:0.0.2 <- app:0.0.1, every layer ships"
        " again\n"
        "  help: Build every version FROM a base image. See `layerguard explain LG001`.\n"
        "Dockerfile:3 LG003 warning: removes /usr/share/doc: 100% still ships\n"
        "  help: Remove the files in the RUN that creates them. See `layerguard explain LG003`.\n"
        'sub/api.Dockerfile:2 LG005 info: leaves "apt" lists | <kept>\n'
        "  help: Clean the cache in the same RUN. See `layerguard explain LG005`.\n"
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


def test_help_line_reads_as_one_sentence_either_way() -> None:
    assert text.help_line("Use COPY --chown", "LG004") == (
        "  help: Use COPY --chown; see `layerguard explain LG004`."
    )
    assert text.help_line("Use COPY --chown.", "LG004", color=True) == (
        "  \033[1mhelp\033[0m: Use COPY --chown. See `layerguard explain LG004`."
    )


def test_a_problem_s_own_help_replaces_the_rule_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What LG005 uses to give yarn's fix rather than npm's: Problem.help, else the rule's HELP.
    from layerguard import linter
    from layerguard.findings import Problem
    from layerguard.project.config import default_rules

    class Rule:
        CODE, NAME, HELP = "LG005", "package-cache-kept", "the rule's help"

        @staticmethod
        def check(ctx: object, options: object) -> list[Problem]:
            return [Problem(2, 2, "kept", help="yarn cache clean"), Problem(3, 3, "kept")]

    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM node\nRUN yarn install\nRUN npm ci\n")
    settings = linter.Settings(default_rules(), {}, {}, {}, None)
    monkeypatch.setattr(linter.rule_table, "RULES", (Rule,))
    report = linter.lint([str(dockerfile)], settings)
    assert [f.help for f in report.findings] == ["yarn cache clean", "the rule's help"]
    assert "  help: yarn cache clean; see `layerguard explain LG005`." in text.render(
        report, Style()
    )
