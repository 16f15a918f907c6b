"""Self-chained base: a shipped stage is built FROM an earlier version of the same image.

## What it does
Reports the `FROM` of a shipped stage when it names the repository of the image the Dockerfile
builds (any tag or digest, after normalisation and ARG expansion), directly or through a chain of
other checked Dockerfiles (`app:0.0.3 <- app:0.0.2 <- app:0.0.1`).

## Why is this bad?
Layers are never replaced, only stacked. Each version built on the previous one carries every
earlier layer along: the layer count grows by one or more per release (2, 3, 4, 5 ...), the image
only grows in the registry and on disk, an uncached pull gets slower with every release, and a
file replaced in a new version still ships in full in every older layer. The small download of a
cached update hides all of this until someone pulls on a fresh machine.

## Example
```dockerfile
# builds registry.example.com/team/app:0.0.3
FROM registry.example.com/team/app:0.0.2
COPY src .
```

## Use instead
Keep a base image (OS plus runtime) apart from the service image, and build every version of the
service from the base:
```dockerfile
FROM registry.example.com/team/runtime:1.4
COPY src .
```

## Fix
None (report only): the repair is to build from the chain's base, which the finding names, and
only the owner of the release process can say which image that is.

## Options
- `max-chain-depth` (default 0): how many earlier versions of the same image a build may stack on.
  Some teams rebuild from the base every K versions on purpose; set K-1 to allow that.

## References
- https://docs.docker.com/build/building/best-practices/#create-reusable-stages
- https://docs.docker.com/get-started/docker-concepts/building-images/understanding-image-layers/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.findings import Problem, Severity, human
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import Context, Option, non_negative_int

if TYPE_CHECKING:
    from typing import Any

CODE = "LG001"
NAME = "self-chained-base"
SEVERITY = Severity.ERROR
SUMMARY = "A shipped stage is built FROM an earlier version of the image it builds."
HELP = (
    "Build every version FROM a separate base image (OS + runtime), not from the previous version."
)
OPTIONS = {
    "max-chain-depth": Option(0, non_negative_int, "earlier versions a build may stack on"),
}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    if ctx.image is None or not ctx.model.shipped:
        return
    repository = ctx.image.name
    measured = ctx.base.inherited_from(repository) if ctx.base else None
    same = [i for i, link in enumerate(ctx.chain) if link.image.name == repository]
    static = [link.image for link in ctx.chain[: same[-1] + 1]] if same else []
    refs = measured[0] if measured is not None and len(measured[0]) > len(static) else static
    depth = sum(1 for ref in refs if ref.name == repository)
    if depth == 0 or depth <= options["max-chain-depth"]:
        return
    chain = [ctx.image.familiar, *(ref.familiar for ref in refs)]
    versions = "an earlier version" if depth == 1 else f"{depth} earlier versions"
    message = f"image is built on {versions} of itself: {' <- '.join(chain)}"
    facts = None
    if measured is not None:
        _, layers, size = measured
        message += f"; it carries {layers} inherited layers ({human(size)}) into every pull"
        facts = {"chain": chain[1:], "inherited_layers": layers, "inherited_bytes": size}
    else:
        message += "; every earlier layer ships again in each new version"
    root = ctx.model.stages[ctx.model.shipped[0]].from_node
    yield Problem(root.start_line, root.end_line, message, measured=facts)
