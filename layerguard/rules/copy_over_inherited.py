"""Copy over inherited content: a COPY/ADD writes paths that an earlier layer already wrote.

## What it does
Reports a `COPY` or `ADD` of a shipped stage that writes a path an earlier layer of the same image
already wrote: an earlier instruction in the shipped stages, or an instruction of a checked
Dockerfile up the FROM chain. With the build context present (the Dockerfile's directory unless
the config names another), the paths are known file by file (`COPY src .` writes `/test.txt` when
`src/test.txt` exists); without it, the same sources copied to the same place count.

## Why is this bad?
A layer cannot change the layers below it. The new copy shadows the old one, which keeps shipping
in full: the image grows by the size of both copies, and every pull downloads the dead one.

## Example
```dockerfile
FROM registry.example.com/team/app:0.0.1   # its build already copied src/ to /
COPY src .
```

## Use instead
Copy each file once, in the layer that owns it: build each version from a base image that does
not hold the application, or copy the changing files only in the last stage.
```dockerfile
FROM registry.example.com/team/runtime:1.4
COPY src .
```

With `check --registry`, files of the external base image count too: a `COPY` over a path the
base holds is measured (`measured: {"paths": N, "bytes": B}`, B the size of the base's copies).

## Options
- `min-bytes` (default 1MB): a measured finding under this many bytes drops to `info`.

## References
- https://docs.docker.com/get-started/docker-concepts/building-images/understanding-image-layers/
- https://github.com/wagoodman/dive (wasted space: files duplicated across layers)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from layerguard.findings import Problem, Severity, human
from layerguard.rules.base import MIN_BYTES, Context, Step, listing

CODE = "LG002"
NAME = "copy-over-inherited-content"
SEVERITY = Severity.WARNING
SUMMARY = "A COPY/ADD writes paths an earlier layer of the same image already wrote."
HELP = "Copy each file once; build versions from a base image that does not already hold them."
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for index, step in ctx.own_steps():
        if step.instr.keyword not in ("copy", "add"):
            continue
        hits: dict[str, Step] = {}
        in_base: dict[str, int] = {}
        for write in step.copies:
            earlier = _earlier_writer(ctx, index, write.path, write.exact, step)
            if earlier is not None:
                hits.setdefault(write.path, earlier)
            elif ctx.base is not None and write.exact and write.path in ctx.base.files:
                in_base[write.path] = ctx.base.files[write.path][0]
        if not hits and not in_base:
            continue
        paths = sorted([*hits, *in_base])
        shown = listing(paths)
        origins = sorted({hits[p].where for p in hits})
        if in_base and ctx.base is not None:
            origins.append(f"the base image {ctx.base.reference.familiar}")
        measured = None
        if in_base and not hits:
            size = sum(in_base.values())
            measured = {"paths": len(in_base), "bytes": size}
            shown += f" ({human(size)})"
        yield Problem(
            step.instr.line,
            step.instr.end_line,
            f"writes {shown} again (already written by {', '.join(origins[:3])}); "
            f"the old copies stay in the lower layer",
            measured=measured,
        )


def _earlier_writer(ctx: Context, index: int, path: str, exact: bool, step: Step) -> Step | None:
    for earlier in reversed(ctx.steps[:index]):
        for write in earlier.copies:
            if write.path != path:
                continue
            if exact and write.exact:
                return earlier
            if not exact and not write.exact and _same_sources(earlier, step):
                return earlier
        if earlier.run and path in earlier.run.files:
            return earlier
    return None


def _same_sources(a: Step, b: Step) -> bool:
    return (a.instr.node.args, a.instr.flag("from")) == (b.instr.node.args, b.instr.flag("from"))
