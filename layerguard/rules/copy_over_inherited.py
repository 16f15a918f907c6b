"""Copy over inherited content: a COPY/ADD writes paths that an earlier layer already wrote.

## What it does
Reports a `COPY` or `ADD` of a shipped stage that writes a path an earlier layer of the same image
already wrote: an earlier instruction in the shipped stages, or an instruction of a checked
Dockerfile up the FROM chain. With the build context present (the Dockerfile's directory unless
the config names another), the paths are known file by file (`COPY src .` writes `/test.txt` when
`src/test.txt` exists), read as BuildKit reads them: the ignore file (`<Dockerfile>.dockerignore`
beside the Dockerfile, else the context's `.dockerignore`), `--exclude` and `--parents`. Without
the context, the same sources copied to the same place count.

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

The old copies are measured (`measured: {"paths": N, "bytes": B}`) when their size is known: from
the build context (a `COPY requirements.txt .` then `COPY . .` re-copies a few bytes, reported as
`info`), or with `check --registry` from the external base image's files.

## Options
- `min-bytes` (default 1MB): a measured finding under this many bytes drops to `info`.

## References
- https://docs.docker.com/get-started/docker-concepts/building-images/understanding-image-layers/
- https://github.com/wagoodman/dive (wasted space: files duplicated across layers)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.findings import Problem, Severity, human
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import MIN_BYTES, Context, listing

if TYPE_CHECKING:
    from typing import Any

    from layerguard.dockerfile.filesystem import Step

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
        hits: dict[str, str] = {}  # path -> where its old copy came from
        sizes: dict[str, int | None] = {}  # path -> bytes of the old copy, when known
        for write in step.copies:
            found = _earlier_write(ctx, index, write.path, write.exact, step)
            if found is not None:
                earlier, size = found
                hits.setdefault(write.path, earlier.where)
                sizes.setdefault(write.path, size)
            elif ctx.base is not None and write.exact and write.path in ctx.base.files:
                hits[write.path] = f"the base image {ctx.base.reference.familiar}"
                sizes[write.path] = ctx.base.files[write.path][0]
        if not hits:
            continue
        paths = sorted(hits)
        origins = sorted(set(hits.values()))
        known = [size for size in sizes.values() if size is not None]
        measured = None
        shown = listing(paths)
        if len(known) == len(sizes):
            measured = {"paths": len(paths), "bytes": sum(known)}
            shown += f" ({human(sum(known))})"
        yield Problem(
            step.instr.line,
            step.instr.end_line,
            f"writes {shown} again (already written by {', '.join(origins[:3])}); "
            f"the old copies stay in the lower layer",
            measured=measured,
        )


def _earlier_write(
    ctx: Context, index: int, path: str, exact: bool, step: Step
) -> tuple[Step, int | None] | None:
    """The latest earlier step that wrote `path`, and the size of what it wrote if known."""
    for earlier in reversed(ctx.steps[:index]):
        for write in earlier.copies:
            if write.path != path:
                continue
            if exact and write.exact:
                return earlier, write.size
            if not exact and not write.exact and _same_sources(earlier, step):
                return earlier, None
        if earlier.run and path in earlier.run.files:
            return earlier, None
    return None


def _same_sources(a: Step, b: Step) -> bool:
    return (a.instr.node.args, a.instr.flag("from")) == (b.instr.node.args, b.instr.flag("from"))
