r"""Package cache kept in layer: a RUN leaves a package manager's cache or index in its layer.

## What it does
Reports a `RUN` of a shipped stage whose layer keeps what a package manager downloaded only to
install: the command writes it and nothing in the same `RUN` removes it again.
- `apt-get update` (or `apt update`, `add-apt-repository`) without removing
  `/var/lib/apt/lists` (`rm -rf /var/lib/apt/lists/*` or `apt-get dist-clean`). `apt-get install`
  alone writes no index (Debian and Ubuntu images delete the downloaded `.deb`s themselves), nor
  does `dpkg -i`;
- `apk add`/`apk update` without `--no-cache` (or removing `/var/cache/apk`);
- `yum`/`dnf`/`microdnf`/`tdnf`/`zypper install` without a clean (`clean all` in any spelling,
  `zypper clean -a`, or removing `/var/cache/yum`, `/var/cache/dnf`); `pacman -S` without
  `pacman -Scc`;
- `pip install` (and `get-pip.py`) without `--no-cache-dir` or `PIP_NO_CACHE_DIR`; `uv` without
  `--no-cache` or `UV_NO_CACHE`; `poetry install` without `--no-cache`;
- `npm install`/`npm ci` without `npm cache clean --force`; `yarn` without `yarn cache clean`;
  `pnpm install` without `pnpm store prune`;
- `conda`/`mamba`/`micromamba install` or `create` without `clean -afy` (`--all`);
- `gem install` leaving `.gem` files; `composer install` without `composer clear-cache`;
- `cargo build`/`install` and `go build`/`install`/`mod download` leaving their module caches;

unless a `--mount=type=cache` or `--mount=type=tmpfs` covers the cache directory, or removing the
directory does (wherever `PIP_CACHE_DIR`, `YARN_CACHE_FOLDER`, `GOPATH` and the like put it).
The message names the package manager and its own fix.

## Why is this bad?
Package indexes and downloaded archives are only needed while installing. Left in the layer they
ship with every pull: the apt lists of a Debian image are 20-40 MB, a pip cache often as large as
the installed packages. Removing them in a later `RUN` does not help (see LG003).

## Example
```dockerfile
RUN apt-get update
RUN apt-get install -y nginx
```

## Use instead
```dockerfile
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx \
 && rm -rf /var/lib/apt/lists/*
```
or `RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt ...`.

With `check --registry` and the built image, `measured: {"paths": N, "bytes": B}` is what the
instruction's layer wrote in package caches.

## Options
- `min-bytes` (default 1MB): with `check --registry`, a cache measured smaller than this drops
  to `info`.

## References
- https://docs.docker.com/build/building/best-practices/#apt-get
- https://docs.docker.com/build/cache/optimize/#use-cache-mounts
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.dockerfile.effects import CACHE, MANAGERS
from layerguard.findings import Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import MIN_BYTES, Context, weigh

if TYPE_CHECKING:
    from typing import Any

CODE = "LG005"
NAME = "package-cache-kept"
SEVERITY = Severity.WARNING
SUMMARY = "A RUN leaves a package manager's cache or index in its layer."
HELP = "Clean the cache in the same RUN (rm -rf /var/lib/apt/lists/*, --no-cache, --no-cache-dir)."
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for index, layer in ctx.own_layers():
        left: list[str] = []
        for entry in layer.entries:
            if entry.role == CACHE and entry.family not in left:
                left.append(entry.family)
        if not left:
            continue
        what = " and ".join(MANAGERS[f].what for f in left)
        fix = "; ".join(MANAGERS[f].fix for f in left)
        step = layer.step
        yield weigh(
            ctx,
            index,
            "cache",
            Problem(
                step.instr.line,
                step.instr.end_line,
                f"leaves {what} in the layer: use {fix}",
                help=f"Use {fix}, or RUN --mount=type=cache for the cache directory.",
            ),
        )
