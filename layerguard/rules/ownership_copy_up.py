"""Ownership or mode copy-up: a RUN changes owner, mode or times of files an earlier layer wrote.

## What it does
Reports a `RUN` of a shipped stage that changes the owner, mode, ACL, capabilities or times of
regular files an earlier layer wrote: `chown`, `chgrp`, `chmod`, `setfacl`, `setcap`, `touch`,
`find ... -exec chmod`, `fix-permissions`. A recursive change reaches every file below the path;
a non-recursive one only the files it names (`chmod +x /entrypoint.sh`). Not reported: directory
entries only (`chown app /app`, `WORKDIR /app` then `chown`, `chown -R` over a tree that only
`mkdir` made), files the same `RUN` created or removes again before it ends, and base-image trees
that nothing shows to hold files (without the registry only the system trees such as `/usr/lib`
count).

## Why is this bad?
Metadata lives in the layer with the file. To change the owner or mode of a file from a lower
layer, the new layer stores a full copy of it: `chown -R app /srv` doubles every byte under
`/srv`. The image ships both copies.

## Example
```dockerfile
COPY app/ /srv/app/
RUN chown -R www-data:www-data /srv/app
```

## Use instead
Set ownership and mode when the files are written:
```dockerfile
COPY --chown=www-data:www-data --chmod=755 app/ /srv/app/
```
or change them in the same `RUN` that creates them.

Files the build context lists carry their size (`estimated`). With `check --registry`,
`measured: {"paths": N, "bytes": B}` is what the instruction's layer of the built image copied
up (the lower versions it replaced), or else the base image's files under those paths.

## Options
- `min-bytes` (default 1MB): a measured or estimated finding under this many bytes drops to
  `info`.

## References
- https://docs.docker.com/reference/dockerfile/#copy---chown---chmod
- https://github.com/moby/moby/issues/5505 (chown doubles the image size)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.dockerfile.effects import CHOWN, TOUCH
from layerguard.findings import Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import MIN_BYTES, Context, Origins, listing, weigh

if TYPE_CHECKING:
    from typing import Any

CODE = "LG004"
NAME = "ownership-copy-up"
SEVERITY = Severity.WARNING
SUMMARY = "A RUN chown/chmod/chgrp/touch copies files from an earlier layer into a new one."
HELP = "Use COPY --chown/--chmod, or change ownership in the RUN that creates the files."
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for index, layer in ctx.own_layers():
        touched: list[str] = []
        tools: list[str] = []
        origins = Origins(ctx)
        for change in layer.changes:
            if change.kind not in (CHOWN, TOUCH):
                continue
            touched.extend(p for p in change.paths if p not in touched)
            if change.tool not in tools:
                tools.append(change.tool)
            for hit in change.hits:
                origins.add(hit)
        if not touched:
            continue
        where = origins.where("written")
        step = layer.step
        yield weigh(
            ctx,
            index,
            "replaced",
            Problem(
                step.instr.line,
                step.instr.end_line,
                f"{'/'.join(tools)} of {listing(touched)}{where} copies every touched file into a "
                "new layer",
                measured=origins.measured(),
                estimated=origins.estimated(),
            ),
        )
