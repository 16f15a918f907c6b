r"""Package cache kept in layer: a RUN leaves a package manager's cache or index in its layer.

## What it does
Reports a `RUN` of a shipped stage that
- runs `apt-get update` or `apt-get install` (or `apt`) without removing `/var/lib/apt/lists` in
  the same `RUN` (`rm -rf /var/lib/apt/lists/*` or `apt-get dist-clean`);
- runs `apk add` or `apk update` without `--no-cache` (or removing `/var/cache/apk`;
  `apk add --no-network` fetches nothing);
- runs `pip install` without `--no-cache-dir` (or `PIP_NO_CACHE_DIR`, `pip cache purge`, removing
  `~/.cache/pip`);
- runs `yum`/`dnf`/`microdnf`/`zypper install` without `clean all` (or removing `/var/cache/yum`,
  `/var/cache/dnf`);
- runs `npm install`/`npm ci` or `yarn install` without cleaning the cache (`npm cache clean
  --force`, `yarn cache clean`, removing `~/.npm`);
unless a `--mount=type=cache` or `--mount=type=tmpfs` covers the cache directory.

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

## Options
None.

## References
- https://docs.docker.com/build/building/best-practices/#apt-get
- https://docs.docker.com/build/cache/optimize/#use-cache-mounts
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from layerguard.dockerfile.effects import apk_without_cache, package_install, path_overlaps
from layerguard.dockerfile.shell import Command
from layerguard.findings import Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import Context, Step

if TYPE_CHECKING:
    from typing import Any

CODE = "LG005"
NAME = "package-cache-kept"
SEVERITY = Severity.WARNING
SUMMARY = "A RUN leaves a package manager's cache or index in its layer."
HELP = "Clean the cache in the same RUN (rm -rf /var/lib/apt/lists/*, --no-cache, --no-cache-dir)."
OPTIONS: Mapping[str, Any] = {}

# family -> (cache directories, what the message calls it, the fix)
_CACHES: Mapping[str, tuple[tuple[str, ...], str, str]] = {
    "apt": (
        ("/var/lib/apt/lists", "/var/lib/apt"),
        "the apt package index (/var/lib/apt/lists)",
        "rm -rf /var/lib/apt/lists/* in the same RUN",
    ),
    "apk": (("/var/cache/apk",), "the apk cache (/var/cache/apk)", "apk add --no-cache"),
    "pip": (
        ("/root/.cache/pip", "/root/.cache"),
        "the pip cache (/root/.cache/pip)",
        "pip install --no-cache-dir",
    ),
    "yum": (
        ("/var/cache/yum", "/var/cache/dnf", "/var/cache/zypp"),
        "the yum/dnf cache (/var/cache/yum, /var/cache/dnf)",
        "yum/dnf clean all in the same RUN",
    ),
    "npm": (
        ("/root/.npm", "/usr/local/share/.cache/yarn", "/root/.cache/yarn"),
        "the npm/yarn cache (~/.npm)",
        "npm cache clean --force in the same RUN",
    ),
}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for _, step in ctx.own_steps():
        if step.run is None:
            continue
        left = [family for family in _families(step) if not _cleaned(step, family)]
        if not left:
            continue
        what = " and ".join(_CACHES[f][1] for f in left)
        fix = "; ".join(_CACHES[f][2] for f in left)
        yield Problem(
            step.instr.line, step.instr.end_line, f"leaves {what} in the layer: use {fix}"
        )


def _families(step: Step) -> list[str]:
    assert step.run is not None
    found: list[str] = []
    for command in step.run.commands:
        family = package_install(command)
        if family is None or family not in _CACHES or family in found:
            continue
        if _keeps_cache(family, command, step):
            found.append(family)
    return found


def _keeps_cache(family: str, command: Command, step: Step) -> bool:
    words = command.words
    if family == "apk":
        return not apk_without_cache(words)
    if family == "pip":
        env = {**step.instr.env, **dict(command.assignments)}
        off = env.get("PIP_NO_CACHE_DIR", "").lower() in ("1", "true", "yes", "on", "off", "0")
        return "--no-cache-dir" not in words and not off
    if family == "npm":
        return any(w in ("install", "ci", "i", "add") for w in words[1:3]) or len(words) == 1
    return True


def _cleaned(step: Step, family: str) -> bool:
    assert step.run is not None
    caches = _CACHES[family][0]
    for mount in step.instr.mounts():
        if mount.get("type") in ("cache", "tmpfs") and any(
            path_overlaps(mount.get("target", ""), cache) for cache in caches
        ):
            return True
    for action in step.run.actions:
        if action.kind == "remove" and any(
            path != "/" and path_overlaps(path, caches[0]) for path in action.paths
        ):
            return True
    for command in step.run.commands:
        text = " ".join(command.words)
        if family == "apt" and " dist-clean" in text:
            return True
        if family == "yum" and " clean all" in text:
            return True
        if family == "npm" and ("cache clean" in text or "cache clear" in text):
            return True
        if family == "pip" and "cache purge" in text:
            return True
        if family == "apk" and "cache clean" in text:
            return True
    return False
