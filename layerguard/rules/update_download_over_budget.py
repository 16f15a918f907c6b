"""Update download over budget: users of the previous version download too much to update.

## What it does
With `check --registry`, compares the image the Dockerfile builds with its previous version (the
config's `previous:` for that image, or else the highest tag of the repository that sorts before
its tag, semver-aware) and reports when the layers the previous version lacks, what a host that
has it cached must download, exceed `budgets.max-update-download`. Skipped, with a notice, when
there is no previous version.

## Why is this bad?
Rebuilding from a changed early layer (a base bump, a `COPY . .` before dependency installation)
makes every layer above it new: a one-line change then costs every server the whole image again.

## Example
```yaml
budgets:
  max-update-download: 50MB
```

## Use instead
Order instructions from least to most often changing: install dependencies before copying the
application source, and keep the base image stable between releases.

## Options
Set through `budgets.max-update-download` (a size).

## References
- https://docs.docker.com/build/cache/#order-your-layers
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.findings import Problem, Severity, human
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import Context, Option, budget_line, size

if TYPE_CHECKING:
    from typing import Any

CODE = "LG103"
NAME = "update-download-over-budget"
SEVERITY = Severity.ERROR
SUMMARY = "Updating from the previous version downloads more than budgets.max-update-download."
HELP = "Put rarely changing layers first so that an update only ships the changed top layers."
OPTIONS = {"max-update-download": Option(None, size, "budget in bytes (budgets: key)")}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    budget = options["max-update-download"]
    built = ctx.built
    if budget is None or built is None or built.update_download is None:
        return
    if built.update_download <= budget:
        return
    previous = built.previous.familiar if built.previous else "the previous version"
    layers = "; ".join(
        f"{human(int(x['size']))} {str(x['instruction'])[:50]}" for x in built.new_layers[:3]
    )
    line = budget_line(ctx)
    yield Problem(
        line,
        line,
        f"updating from {previous} to {built.reference.familiar} downloads "
        f"{human(built.update_download)}, over the {human(budget)} budget; new layers: {layers}",
        measured={
            "update_download": built.update_download,
            "previous": previous,
            "budget": budget,
        },
    )
