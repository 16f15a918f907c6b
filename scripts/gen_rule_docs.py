"""Write docs/rules.md from the rule docstrings (run with --check in CI to catch drift)."""

from __future__ import annotations

import sys
from pathlib import Path

from layerguard import rules as rule_table
from layerguard.dockerfile import pragmas

OUT = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def render() -> str:
    parts = [
        "# Rules\n",
        "Generated from the rule docstrings by `python scripts/gen_rule_docs.py`; "
        "`layerguard explain CODE` prints the same text.\n",
        "| code | name | default severity | summary |",
        "| --- | --- | --- | --- |",
        f"| {rule_table.PARSE_ERROR_CODE} | {rule_table.PARSE_ERROR_NAME} | error | "
        "The file is not a valid Dockerfile (BuildKit would reject it). |",
        f"| [{pragmas.UNKNOWN_CODE}](#{pragmas.UNKNOWN_CODE.lower()}-{pragmas.UNKNOWN_NAME}) | "
        f"{pragmas.UNKNOWN_NAME} | warning | {pragmas.UNKNOWN_SUMMARY} |",
    ]
    for rule in rule_table.RULES:
        parts.append(
            f"| [{rule.CODE}](#{rule.CODE.lower()}-{rule.NAME}) | {rule.NAME} | "
            f"{rule.SEVERITY} | {rule.SUMMARY} |"
        )
    for rule in rule_table.RULES:
        doc = (rule.__doc__ or "").strip()
        title, _, body = doc.partition("\n")
        body = body.replace("\n## ", "\n### ")
        parts.append(
            f"\n## {rule.CODE} {rule.NAME}\n\n{title}\n\nDefault severity: "
            f"**{rule.SEVERITY}**.\n{body}"
        )
    unknown = pragmas.UNKNOWN_DOC.strip().replace("## ", "### ")
    parts.append(
        f"\n## {pragmas.UNKNOWN_CODE} {pragmas.UNKNOWN_NAME}\n\n{pragmas.UNKNOWN_SUMMARY}\n\n"
        f"Default severity: **warning** (the engine reports it, not a rule module).\n\n{unknown}"
    )
    return "\n".join(parts).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUT.is_file() or OUT.read_text() != text:
            print(f"{OUT} is out of date: run python scripts/gen_rule_docs.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
