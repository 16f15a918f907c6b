r"""Delete in later layer: a RUN removes files that an earlier layer added.

## What it does
Reports a `RUN` of a shipped stage that removes file bytes an earlier layer added: `rm`,
`unlink`, `find ... -delete` or `-exec rm`, `mv` (the old path is hidden), a package removal
(`apt-get purge/remove/autoremove`, `dpkg -r`, `apk del`, `yum/dnf remove`, `rpm -e`,
`pip uninstall`, `npm uninstall`, `conda remove`, ...) or a cache clean in a later `RUN`
(`yum clean all`, `npm cache clean`). Any removal of a path an earlier instruction is seen to
write counts, whatever else the same `RUN` does there (`make -C /opt/vendor install && rm -rf
/opt/vendor`). Not reported: what the same `RUN` created before removing it (download, extract,
install, then clean up), and paths of the base image that nothing shows to hold bytes (a `.list`
file, `/etc/motd`): without the registry only docs and man pages (`/usr/share/doc`, ...) count.
The message names the instruction that added the files, when a checked Dockerfile shows it.

## Why is this bad?
A deletion in a later layer is a whiteout: a new layer of about 100 bytes that hides the file.
The deleted bytes still ship in the layer that added them; the image does not get one byte
smaller, and `ls` in the container no longer shows what every pull still downloads.

## Example
```dockerfile
FROM registry.example.com/team/app:0.0.3
RUN rm -rf test.txt
```
```dockerfile
RUN curl -fsSLo /tmp/go.tgz https://go.dev/dl/go1.22.linux-amd64.tar.gz
RUN tar -C /usr/local -xzf /tmp/go.tgz && rm /tmp/go.tgz
```

## Use instead
Do not add the files in the first place (remove them from the build context, or from the base),
or download, use and delete in one `RUN`:
```dockerfile
RUN curl -fsSLo /tmp/go.tgz https://go.dev/dl/go1.22.linux-amd64.tar.gz \
 && tar -C /usr/local -xzf /tmp/go.tgz && rm /tmp/go.tgz
```
For files only a build needs, use a build stage and `COPY --from` the result.

Files the build context lists carry their size (`estimated: {"paths": N, "bytes": B}`: "removes
/tmp/big.bin (5MB from the build context, ...)"). With `check --registry` and the image the file
builds in the registry, `measured: {"paths": N, "bytes": B}` is what this instruction's layer of
that image hides (its whiteouts over lower layers' files); with only the base image, its files
under the removed paths, and a removal of a path the base does not hold and no earlier layer
wrote is not reported.

## Options
- `min-bytes` (default 1MB): a measured or estimated finding under this many bytes drops to
  `info`.

## References
- https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers
- https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.dockerfile.effects import PURGE, REMOVE
from layerguard.findings import Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import MIN_BYTES, Context, Origins, listing, weigh

if TYPE_CHECKING:
    from typing import Any

CODE = "LG003"
NAME = "delete-in-later-layer"
SEVERITY = Severity.WARNING
SUMMARY = "A RUN removes files an earlier layer added; their bytes still ship."
HELP = (
    "Remove the files in the RUN that creates them, or never add them (build stage + COPY --from)."
)
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for index, layer in ctx.own_layers():
        removed: list[str] = []
        origins = Origins(ctx)
        for change in layer.changes:
            if change.kind == PURGE:
                removed.append(f"packages ({change.command})")
            elif change.kind == REMOVE:
                removed.extend(p for p in change.paths if p not in removed)
            else:
                continue
            for hit in change.hits:
                origins.add(hit)
        if not removed:
            continue
        where = origins.where("added")
        yield weigh(
            ctx,
            index,
            "hidden",
            f"removes {listing(removed)}{where}: a whiteout hides the files but their bytes "
            "still ship",
            measured=origins.measured(),
            estimated=origins.estimated(),
        )
