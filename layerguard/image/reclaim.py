"""Reclaimable bytes of a built image, beyond the hidden versions `layers.analyze` finds.

An image ships bytes nobody needs in three ways the registry can show without a Dockerfile:
versions of files a later layer hid (`deleted`, `overwritten`: `Analysis.wasted`), package
manager caches and indexes the final filesystem still holds (`cache`: /var/lib/apt/lists,
~/.cache/pip, ...), and archives a later layer unpacked beside them (`archive`: the history of a
later layer names the archive with an extractor). The same per-layer figures let `check
--registry` weigh each finding by the layer its instruction made.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from layerguard.dockerfile.effects import MANAGERS, is_archive
from layerguard.image.layers import Analysis, LayerIndex, Waste

# Package caches by where they lie: absolute, or below a home directory (/root, /home/USER).
_ABSOLUTE = tuple(sorted({c for m in MANAGERS.values() for c in m.caches if c.startswith("/")}))
_HOME = tuple(sorted({c[2:] for m in MANAGERS.values() for c in m.caches if c.startswith("~/")}))
_HOMES = re.compile(r"^(/root|/home/[^/]+)/(.+)$")
# Programs that unpack or install an archive they are given.
_EXTRACTORS = re.compile(
    r"\b(tar|bsdtar|unzip|jar|7z|7za|gunzip|unxz|bunzip2|unzstd|dpkg|rpm|apk|pip3?|yum|dnf|apt-get|apt)\b"
)


def cache_path(path: str) -> bool:
    """True when `path` lies in a package manager's download cache or index."""
    for cache in _ABSOLUTE:
        if path.startswith(cache + "/"):
            return True
    home = _HOMES.match(path)
    return home is not None and any(home.group(2).startswith(rel + "/") for rel in _HOME)


def unpacked_later(path: str, layer: int, history: Sequence[str]) -> bool:
    """True when a layer above `layer` was made by a command naming this archive's file name
    with an extractor (`RUN tar -xzf /tmp/app.tgz -C /opt`)."""
    name = posixpath.basename(path)
    return any(name in text and _EXTRACTORS.search(text) for text in history[layer + 1 :] if text)


@dataclass(frozen=True)
class Reclaimable:
    """Every reclaimable item of an image, largest first, and their sum."""

    items: tuple[Waste, ...]
    total: int


def reclaimable(analysis: Analysis, history: Sequence[str]) -> Reclaimable:
    """Hidden versions, plus visible caches and unpacked archives. `history[i]` is the command
    that made layer i ('' when unknown)."""
    found: list[Waste] = list(analysis.wasted)
    for path, (size, layer) in analysis.visible.items():
        if not size:
            continue
        if cache_path(path) and all(cache_path(p) for p in analysis.linked.get(path, ())):
            # (a cache file linked into what was installed frees nothing when removed)
            found.append(Waste(path, size, layer, "cache", layer))
        elif is_archive(path) and unpacked_later(path, layer, history):
            found.append(Waste(path, size, layer, "archive", layer))
    found.sort(key=lambda w: (-w.bytes, w.path, w.layer))
    return Reclaimable(tuple(found), sum(w.bytes for w in found))


@dataclass(frozen=True)
class LayerFigures:
    """What one layer of a built image costs, by the kind of finding that names it:
    `hidden` (deleted below by it: LG003), `replaced` (overwritten or copied up by it: LG002,
    LG004), `cache` (files it wrote in package caches: LG005), `archives` (archive files it
    wrote: LG006); each (paths, bytes)."""

    hidden: tuple[int, int]
    replaced: tuple[int, int]
    cache: tuple[int, int]
    archives: tuple[int, int]


def layer_figures(indexes: Sequence[LayerIndex], analysis: Analysis) -> tuple[LayerFigures, ...]:
    """Per layer, bottom first."""
    hidden = _by_layer(w for w in analysis.wasted if w.reason == "deleted")
    replaced = _by_layer(w for w in analysis.wasted if w.reason == "overwritten")
    out = []
    for layer, index in enumerate(indexes):
        files = [e for e in index.entries if e.kind == "file" and e.size]
        # (uv and pnpm link what they install to their caches: that data is no cache's alone)
        links = [e for e in index.entries if e.kind == "hardlink"]
        installed = {e.target for e in links if not cache_path(e.path)}
        caches = [e.size for e in files if cache_path(e.path) and e.path not in installed]
        archives = [e.size for e in files if is_archive(e.path)]
        out.append(
            LayerFigures(
                hidden.get(layer, (0, 0)),
                replaced.get(layer, (0, 0)),
                (len(caches), sum(caches)),
                (len(archives), sum(archives)),
            )
        )
    return tuple(out)


def _by_layer(wastes: Iterable[Waste]) -> Mapping[int, tuple[int, int]]:
    totals: dict[int, tuple[int, int]] = {}
    for w in wastes:
        count, size = totals.get(w.by_layer, (0, 0))
        totals[w.by_layer] = (count + 1, size + w.bytes)
    return totals
