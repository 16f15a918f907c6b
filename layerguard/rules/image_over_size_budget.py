"""Image over size budget: the built image is larger than `budgets.max-compressed-size`.

## What it does
With `check --registry`, measures the image the Dockerfile builds (when it exists in the
registry: CI after push, or the last release) and reports when the sum of its compressed layers,
what a pull with nothing cached downloads, exceeds `budgets.max-compressed-size`. The message
names the largest layers and the instructions that made them.

## Why is this bad?
Every byte is paid on every uncached pull: autoscaling nodes, CI runners and developer laptops.
A budget makes growth a reviewed decision instead of a slow drift.

## Example
```yaml
# .layerguard.yaml
budgets:
  max-compressed-size: 500MB
```

## Use instead
Look at the largest layers named in the message; move build tools to a build stage, clean
package caches in the same `RUN` (LG005), and start from a smaller base.

## Options
Set through `budgets.max-compressed-size` (SI or IEC units: `500MB`, `450MiB`); off when unset.

## References
- https://docs.docker.com/build/building/best-practices/#use-multi-stage-builds
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.findings import Problem, Severity, human
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import Context, Option, budget_line, size

if TYPE_CHECKING:
    from typing import Any

CODE = "LG101"
NAME = "image-over-size-budget"
SEVERITY = Severity.ERROR
SUMMARY = "The built image's compressed size is over budgets.max-compressed-size."
HELP = "Shrink the largest layers (build stages, cache cleaning) or raise the budget on purpose."
OPTIONS = {"max-compressed-size": Option(None, size, "budget in bytes (budgets: key)")}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    budget = options["max-compressed-size"]
    built = ctx.built
    if budget is None or built is None or built.compressed_size <= budget:
        return
    largest = sorted(built.new_layers, key=lambda layer: -int(layer["size"]))[:3]
    shown = "; ".join(f"{human(int(x['size']))} {str(x['instruction'])[:50]}" for x in largest)
    line = budget_line(ctx)
    yield Problem(
        line,
        line,
        f"{built.reference.familiar} is {human(built.compressed_size)} compressed, over the "
        f"{human(budget)} budget; largest layers: {shown}",
        measured={"compressed_size": built.compressed_size, "budget": budget},
    )
