"""Ownership or mode copy-up: a RUN changes owner, mode or times of files an earlier layer wrote.

## What it does
Reports a `RUN` of a shipped stage that runs `chown`, `chmod`, `chgrp` or `setfacl` (recursive or
on single files) over paths it did not create itself, or `touch` over files an earlier layer is
known to have written. Changing the owner of a directory the same `RUN` created is fine.

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

With `check --registry`, the base image's files under those paths are measured
(`measured: {"paths": N, "bytes": B}`: the bytes copied up).

## Options
- `min-bytes` (default 1MB): a measured finding under this many bytes drops to `info`.

## References
- https://docs.docker.com/reference/dockerfile/#copy---chown---chmod
- https://github.com/moby/moby/issues/5505 (chown doubles the image size)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.findings import Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import MIN_BYTES, Context, Origins, listing

if TYPE_CHECKING:
    from typing import Any

CODE = "LG004"
NAME = "ownership-copy-up"
SEVERITY = Severity.WARNING
SUMMARY = "A RUN chown/chmod/chgrp/touch copies files from an earlier layer into a new one."
HELP = "Use COPY --chown/--chmod, or change ownership in the RUN that creates the files."
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for index, step in ctx.own_steps():
        if step.run is None:
            continue
        touched: list[str] = []
        tools: list[str] = []
        origins = Origins(ctx.base)
        for action in step.run.actions:
            if action.kind not in ("chown", "touch"):
                continue
            for path in action.foreign:
                writer = ctx.writer(path, index)
                files, size = ctx.base.under(path) if ctx.base else (0, 0)
                if writer is None and (
                    action.kind == "touch" or action.unknown_before or (ctx.base and not files)
                ):
                    continue
                if path not in touched:
                    touched.append(path)
                    origins.add(writer, files, size)
                if action.tool not in tools:
                    tools.append(action.tool)
        if not touched:
            continue
        named = origins.named()
        where = f" (written by {'; '.join(named)})" if named else ""
        yield Problem(
            step.instr.line,
            step.instr.end_line,
            f"{'/'.join(tools)} of {listing(touched)}{where} copies every touched file into a "
            "new layer",
            measured=origins.measured(),
        )
