"""Archive extracted in later layer: a COPY/ADD puts an archive in a layer that a later RUN unpacks.

## What it does
Reports a `COPY` of a shipped stage (or an `ADD` of a URL or of a zip: `ADD` unpacks only local
tar archives) that writes an archive or package file (`.tar.gz`, `.tgz`, `.tar.xz`, `.zip`,
`.jar`, `.deb`, `.rpm`, `.whl`, `.apk`, ...) when a later `RUN` extracts or installs that file
(`tar -x`, `bsdtar`, `unzip`, `jar xf`, `7z x`, `gunzip`, `dpkg -i`, `rpm -i`, `pip install`,
`apk add`, `apt-get install ./x.deb`, ...), also through a loop (`for f in /u01/*.zip`).

## Why is this bad?
The archive stays in the layer that copied it, and its unpacked contents land in the next one:
the image carries the bytes twice (once compressed, once not). Deleting the archive afterwards only
adds a whiteout (see LG003).

## Example
```dockerfile
COPY node-v20.tar.xz /tmp/
RUN tar -xJf /tmp/node-v20.tar.xz -C /usr/local && rm /tmp/node-v20.tar.xz
```

## Use instead
Let `ADD` unpack a local tar archive, bind-mount the archive for the one `RUN` that needs it, or
download, unpack and delete in one `RUN`:
```dockerfile
ADD node-v20.tar.xz /usr/local/
RUN --mount=type=bind,source=app.deb,target=/tmp/app.deb dpkg -i /tmp/app.deb
```

The archive's size is `estimated` from the build context, or with `check --registry` and the
built image `measured` from the archive files the COPY's layer holds.

## Options
- `min-bytes` (default 1MB): a finding whose archive the build context shows to be smaller
  drops to `info`.

## References
- https://docs.docker.com/reference/dockerfile/#adding-local-tar-archives
- https://docs.docker.com/reference/dockerfile/#run---mounttypebind
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.dockerfile.effects import EXACT, FILE
from layerguard.findings import Problem, Severity, human
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import MIN_BYTES, Context, weigh

if TYPE_CHECKING:
    from typing import Any

CODE = "LG006"
NAME = "archive-extracted-in-later-layer"
SEVERITY = Severity.WARNING
SUMMARY = "A COPY/ADD adds an archive that a later RUN unpacks; both copies ship."
HELP = "Use ADD for local tars, RUN --mount=type=bind for the archive, or fetch+unpack in one RUN."
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for index, layer in ctx.own_layers():
        if layer.step.instr.keyword not in ("copy", "add"):
            continue
        for later in ctx.layers[index + 1 :]:
            hit = next((h for h in later.unpacked if h.entry.layer == index), None)
            if hit is not None:
                # The archive the COPY wrote, or the file inside a copied tree the RUN named.
                shown = hit.entry.path if hit.entry.kind == FILE else hit.path
                size = hit.entry.size if hit.entry.content == EXACT else None
                if size is not None:
                    shown += f" ({human(size)} from the build context)"
                yield weigh(
                    ctx,
                    index,
                    "archives",
                    f"adds {shown}, which {later.step.where} unpacks: the archive ships "
                    f"in this layer beside its unpacked copy",
                    estimated=None if size is None else {"paths": 1, "bytes": size},
                )
                break
