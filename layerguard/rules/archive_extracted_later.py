"""Archive extracted in later layer: a COPY/ADD puts an archive in a layer that a later RUN unpacks.

## What it does
Reports a `COPY` (or an `ADD` of a URL, which Docker does not unpack) of a shipped stage that
writes an archive or package file (`.tar.gz`, `.tgz`, `.tar.xz`, `.zip`, `.deb`, `.rpm`, `.whl`,
`.apk`, ...) when a later `RUN` extracts or installs it (`tar -x`, `unzip`, `dpkg -i`, `rpm -i`,
`pip install`, `apk add`, `gunzip`, ...).

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

## Options
None.

## References
- https://docs.docker.com/reference/dockerfile/#adding-local-tar-archives
- https://docs.docker.com/reference/dockerfile/#run---mounttypebind
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping

from layerguard.dockerfile.effects import copy_sources, path_overlaps, tool_and_args
from layerguard.dockerfile.model import resolve
from layerguard.dockerfile.shell import resolve_path
from layerguard.findings import Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import Context, Step

if TYPE_CHECKING:
    from typing import Any

CODE = "LG006"
NAME = "archive-extracted-in-later-layer"
SEVERITY = Severity.WARNING
SUMMARY = "A COPY/ADD adds an archive that a later RUN unpacks; both copies ship."
HELP = "Use ADD for local tars, RUN --mount=type=bind for the archive, or fetch+unpack in one RUN."
OPTIONS: Mapping[str, Any] = {}

_ARCHIVES = (
    ".tar",
    ".tar.gz",
    ".tgz",
    ".tar.xz",
    ".txz",
    ".tar.bz2",
    ".tbz2",
    ".tar.zst",
    ".zip",
    ".deb",
    ".rpm",
    ".whl",
    ".apk",
    ".gz",
    ".xz",
    ".bz2",
    ".7z",
)
_UNPACKERS = frozenset(
    {
        "tar",
        "bsdtar",
        "unzip",
        "dpkg",
        "rpm",
        "pip",
        "pip3",
        "apk",
        "gunzip",
        "unxz",
        "bunzip2",
        "xz",
        "gzip",
        "7z",
        "yum",
        "dnf",
        "apt-get",
        "apt",
        "zstd",
        "unzstd",
    }
)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for index, step in ctx.own_steps():
        archives = _archives(step)
        if not archives:
            continue
        for later in ctx.steps[index + 1 :]:
            hit = _unpacks(later, archives)
            if hit:
                yield Problem(
                    step.instr.line,
                    step.instr.end_line,
                    f"adds {hit}, which {later.where} unpacks: the archive ships in this layer "
                    f"beside its unpacked copy",
                )
                break


def _archives(step: Step) -> list[str]:
    keyword = step.instr.keyword
    if keyword not in ("copy", "add"):
        return []
    sources, dest_raw = copy_sources(step.instr)
    dest = resolve(dest_raw, step.instr.workdir) if dest_raw else ""
    into_dir = dest_raw.endswith("/") or dest_raw in (".", "./") or len(sources) > 1
    out = []
    for source in sources:
        remote = "://" in source
        if keyword == "add" and not remote:
            continue  # ADD unpacks local tar archives itself
        name = posixpath.basename(source.split("?")[0].rstrip("/"))
        if name.lower().endswith(_ARCHIVES):
            out.append(posixpath.join(dest, name) if into_dir else dest)
    return out


def _unpacks(step: Step, archives: list[str]) -> str | None:
    if step.run is None:
        return None
    for command in step.run.commands:
        tool, words = tool_and_args(command)
        if tool not in _UNPACKERS:
            continue
        for word in words[1:]:
            path = resolve_path(word, command.cwd)
            if path is None or word.startswith("-"):
                continue
            for archive in archives:
                if path_overlaps(path, archive) and path.count("/") == archive.count("/"):
                    return archive
    return None
