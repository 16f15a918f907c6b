"""`python -m layerguard.formatters FORMAT [REPORT.json]`: render a `--format json` report again.

Used by the GitHub Action to write annotations, the job summary and SARIF from one analysis (one
set of registry requests), with paths made relative to the workspace.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from layerguard.errors import EXIT_CLEAN, EXIT_ERROR, LayerguardError
from layerguard.formatters import FORMATTERS, Style, relative_to, write_output
from layerguard.formatters.json_format import load


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m layerguard.formatters")
    parser.add_argument("format", choices=sorted(FORMATTERS))
    parser.add_argument("report", nargs="?", default="-", help="a JSON report (default: stdin)")
    parser.add_argument("--relative-to", metavar="DIR", help="show paths relative to DIR")
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    args = parser.parse_intermixed_args(argv)
    try:
        if args.report == "-":
            text = sys.stdin.read()
        else:
            try:
                text = Path(args.report).read_text(encoding="utf-8")
            except OSError as exc:
                raise LayerguardError(f"{args.report}: {exc.strerror or exc}") from None
        report = load(text)
        if args.relative_to:
            report = relative_to(report, Path(args.relative_to))
        style = Style(quiet=args.quiet, root=args.relative_to)
        rendered = FORMATTERS[args.format](report, style)
        if args.output:
            write_output(args.output, rendered)
        else:
            sys.stdout.write(rendered)
    except LayerguardError as exc:
        print(f"layerguard: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_CLEAN


if __name__ == "__main__":
    raise SystemExit(main())
