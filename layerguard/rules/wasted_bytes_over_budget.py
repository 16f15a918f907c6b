"""Wasted bytes over budget: the built image ships more dead bytes than the budget allows.

## What it does
With `check --registry`, reads every layer of the image the Dockerfile builds and adds up the
bytes of file versions that are not visible in the final filesystem (overwritten by a later
layer or deleted by a whiteout; the surviving copy is not counted). Reports when the total exceeds
`budgets.max-wasted-bytes` or `budgets.max-wasted-percent` of the uncompressed size, naming the
largest wasted paths and the instructions that added them.

## Why is this bad?
Wasted bytes are downloaded, decompressed and stored by every pull, yet no process in the
container can ever read them.

## Example
```yaml
budgets:
  max-wasted-bytes: 20MB
  max-wasted-percent: 10
```

## Use instead
Fix the instructions named in the message: delete in the `RUN` that creates (LG003), set
ownership when copying (LG004), do not copy files twice (LG002), and do not chain versions (LG001).

## Options
Set through `budgets.max-wasted-bytes` (a size) and `budgets.max-wasted-percent` (0-100).

## References
- https://github.com/wagoodman/dive#ci-integration
- https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.findings import Problem, Severity, human
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import Context, Option, budget_line, percent, size

if TYPE_CHECKING:
    from typing import Any

CODE = "LG102"
NAME = "wasted-bytes-over-budget"
SEVERITY = Severity.ERROR
SUMMARY = "The built image ships more wasted (hidden) bytes than the budget allows."
HELP = "Fix the instructions that add the largest wasted paths (see LG001-LG004)."
OPTIONS = {
    "max-wasted-bytes": Option(None, size, "budget in bytes (budgets: key)"),
    "max-wasted-percent": Option(None, percent, "budget in percent (budgets: key)"),
}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    built = ctx.built
    if built is None:
        return
    limit_bytes = options["max-wasted-bytes"]
    limit_percent = options["max-wasted-percent"]
    percent_wasted = (
        100 * built.wasted_bytes / built.uncompressed_size if built.uncompressed_size else 0
    )
    over = []
    if limit_bytes is not None and built.wasted_bytes > limit_bytes:
        over.append(f"the {human(limit_bytes)} budget")
    if limit_percent is not None and percent_wasted > limit_percent:
        over.append(f"the {limit_percent:g}% budget")
    if not over:
        return
    top = "; ".join(
        f"{w['path']} {human(int(w['bytes']))} ({w['reason']}, {str(w['instruction'])[:40]})"
        for w in built.wasted[:3]
    )
    line = budget_line(ctx)
    yield Problem(
        line,
        line,
        f"{built.reference.familiar} wastes {human(built.wasted_bytes)} "
        f"({percent_wasted:.1f}% of {human(built.uncompressed_size)}), over {' and '.join(over)}; "
        f"largest: {top}",
        measured={
            "wasted_bytes": built.wasted_bytes,
            "uncompressed_size": built.uncompressed_size,
            "budget": limit_bytes,
            "budget_percent": limit_percent,
            "wasted": list(built.wasted[:10]),
        },
    )
