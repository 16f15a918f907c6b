"""Too many layers: the built image has more layers than `budgets.max-layers`.

## What it does
With `check --registry`, counts the layers of the image the Dockerfile builds and reports when
there are more than `budgets.max-layers`. Version chaining (LG001) is the usual cause: every
release adds its layers on top of all earlier ones.

## Why is this bad?
Each layer is a separate download, decompression and overlay mount; long stacks slow pulls and
container start, and storage drivers cap the depth (overlay2 at 128 layers).

## Example
```yaml
budgets:
  max-layers: 40
```

## Use instead
Build each version from a base image (not from the previous version), and join related `RUN`
instructions.

## Options
Set through `budgets.max-layers` (a whole number).

## References
- https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.findings import Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import Context, Option, budget_line, non_negative_int

if TYPE_CHECKING:
    from typing import Any

CODE = "LG104"
NAME = "too-many-layers"
SEVERITY = Severity.ERROR
SUMMARY = "The built image has more layers than budgets.max-layers."
HELP = "Build versions from a base image instead of the previous version; join RUN instructions."
OPTIONS = {"max-layers": Option(None, non_negative_int, "budget (budgets: key)")}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    budget = options["max-layers"]
    built = ctx.built
    if budget is None or built is None or built.layer_count <= budget:
        return
    line = budget_line(ctx)
    yield Problem(
        line,
        line,
        f"{built.reference.familiar} has {built.layer_count} layers, over the budget of {budget}",
        measured={"layer_count": built.layer_count, "budget": budget},
    )
