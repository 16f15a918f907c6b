"""What every rule sees (Context) and declares (Option)."""

from __future__ import annotations

import bisect
import fnmatch
from collections.abc import Callable, Iterator, Mapping, Sequence

from layerguard.dockerfile.filesystem import BASE, EXACT, Hit, Layer, Step
from layerguard.dockerfile.model import Model
from layerguard.findings import Problem, human
from layerguard.records import TYPE_CHECKING, NamedTuple
from layerguard.reference import ImageRef

if TYPE_CHECKING:
    from typing import Any


class Option(NamedTuple):
    """A rule option: its default, and a parser that raises ValueError naming what it expects."""

    default: Any
    parse: Callable[[Any], Any]
    doc: str


def non_negative_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("expected a whole number >= 0")
    return value


def size(value: Any) -> int:
    from layerguard.units import parse_size

    return parse_size(value)


def percent(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ValueError("expected a percentage from 0 to 100")
    return float(value)


# Measured findings under this many bytes drop to info (rules LG002-LG004 declare `min-bytes`).
MIN_BYTES = Option(
    1_000_000, size, "measured or estimated bytes under which the finding drops to info"
)


class BaseFacts:
    """What the registry showed of a file's external base image (`check --registry`).

    `files` is the base's final filesystem: path -> (size, index of the layer that holds it).
    `chain` lists the base and the images it was built from, newest first, as far as known.
    A plain class, not a NamedTuple like the other records, as it keeps the sorted paths that
    `under()` searches, sorted once on first use.
    """

    __slots__ = ("_sorted", "chain", "chain_layers", "files", "layer_sizes", "reference")

    def __init__(
        self,
        reference: ImageRef,
        files: Mapping[str, tuple[int, int]],
        chain: tuple[ImageRef, ...] = (),
        chain_layers: tuple[int, ...] = (),  # layer count of each chain image
        layer_sizes: tuple[int, ...] = (),  # compressed size of each of the base's layers
    ) -> None:
        self.reference = reference
        self.files = files
        self.chain = chain
        self.chain_layers = chain_layers
        self.layer_sizes = layer_sizes
        self._sorted: list[str] | None = None

    def under(self, path: str) -> tuple[int, int]:
        """(files, bytes) of the base at or below `path` (which may hold glob characters)."""
        if self._sorted is None:
            self._sorted = sorted(self.files)
        paths = self._sorted
        if any(c in path for c in "*?["):
            hits = [p for p in paths if _glob_under(p, path)]
        else:
            root = path.rstrip("/") or "/"
            prefix = "/" if root == "/" else root + "/"
            start = bisect.bisect_left(paths, prefix)
            hits = [root] if root in self.files else []
            for candidate in paths[start:]:
                if not candidate.startswith(prefix):
                    break
                hits.append(candidate)
        return len(hits), sum(self.files[p][0] for p in hits)

    def inherited_from(self, repository: str) -> tuple[list[ImageRef], int, int] | None:
        """For an image of `repository` built on this base: the chain down to the last image of
        that repository, and the layers (count, compressed bytes) carried above the first image of
        another repository. None when the chain holds no image of `repository`."""
        same = [i for i, ref in enumerate(self.chain) if ref.name == repository]
        if not same:
            return None
        last = same[-1]
        below = self.chain_layers[last + 1] if last + 1 < len(self.chain_layers) else 0
        carried = self.layer_sizes[below:]
        return list(self.chain[: last + 1]), len(carried), sum(carried)


def _glob_under(candidate: str, pattern: str) -> bool:
    parts = candidate.split("/")
    depth = pattern.count("/")
    return len(parts) > depth and fnmatch.fnmatchcase("/".join(parts[: depth + 1]), pattern)


class BuiltFacts(NamedTuple):
    """What the registry showed of the image this file builds, for the budget rules."""

    reference: ImageRef
    layer_count: int
    compressed_size: int
    uncompressed_size: int
    wasted_bytes: int
    wasted: Sequence[Mapping[str, Any]]
    previous: ImageRef | None
    update_download: int | None
    new_layers: Sequence[Mapping[str, Any]]


class BuiltLayers(NamedTuple):
    """The image a file builds, as the registry holds it, layer by layer (`check --registry`):
    `history[i]` is the command that made layer i ('' where unknown), `figures[i]` what that
    layer costs by kind: `hidden` (what it deleted below it), `replaced` (what it overwrote or
    copied up), `cache` (files it wrote in package caches), `archives` (archive files it
    wrote); each (paths, bytes)."""

    reference: ImageRef
    history: tuple[str, ...]
    figures: tuple[Mapping[str, tuple[int, int]], ...]

    def measure(
        self, steps: Sequence[Step], index: int, kind: str
    ) -> tuple[dict[str, int] | None, str]:
        """The figures of the layer `steps[index]` made, or None and why it cannot be told.

        The file's own steps made the top layers of the image, one each, in order; layers made
        by WORKDIR (some builders record one) are passed over. The history must agree with the
        instruction of every step it is matched to, or nothing is measured: a wrong layer's bytes
        would be worse than none."""
        own = [i for i, step in enumerate(steps) if not step.inherited]
        layer = len(self.history) - 1
        found: dict[int, int] = {}
        for position in reversed(own):
            keyword = steps[position].instr.keyword
            while layer >= 0 and _made_by(self.history[layer]) == "workdir":
                layer -= 1
            if layer < 0 or _made_by(self.history[layer]) not in ("", keyword):
                image = self.reference.familiar
                return None, f"not measured: the history of {image} does not match this file"
            found[position] = layer
            layer -= 1
        count, size = self.figures[found[index]][kind]
        return {"paths": count, "bytes": size, "layer": found[index]}, ""


def _made_by(text: str) -> str:
    """The instruction a history entry records: `copy`, `add`, `workdir`, `run` ('' unknown)."""
    if not text:
        return ""
    word = text.split(maxsplit=1)[0].lower()
    return word if word in ("copy", "add", "workdir", "run") else "run"


class Link(NamedTuple):
    """One image in a FROM chain, with the checked Dockerfile that builds it (None if external)."""

    image: ImageRef
    file: str | None


class Context(NamedTuple):
    model: Model
    image: ImageRef | None
    steps: tuple[Step, ...]
    chain: tuple[Link, ...]
    base: BaseFacts | None = None
    built: BuiltFacts | None = None
    layers: tuple[Layer, ...] = ()  # the filesystem model: what each step leaves and changes
    built_layers: BuiltLayers | None = None  # the built image's layers, with --registry
    text: str = ""  # the file as read (for fixes: rules rewrite its lines)
    outside: ImageRef | None = None  # the external image the chain stands on
    start_texts: tuple[str, ...] = ()  # the build context's scripts the start command runs

    def measured(self, index: int, kind: str) -> tuple[dict[str, int] | None, str]:
        """What the built image shows the layer of step `index` costs (see BuiltLayers)."""
        if self.built_layers is None:
            return None, ""
        return self.built_layers.measure(self.steps, index, kind)

    def own_steps(self) -> Iterator[tuple[int, Step]]:
        for index, step in enumerate(self.steps):
            if not step.inherited:
                yield index, step

    def own_layers(self) -> Iterator[tuple[int, Layer]]:
        for index, layer in enumerate(self.layers):
            if not layer.step.inherited:
                yield index, layer


def weigh(ctx: Context, index: int, kind: str, message: str, **fields: Any) -> Problem:
    """The Problem of step `index`'s instruction, with the bytes the built image shows for its
    layer (kind as in BuiltLayers) as `measured`, or with why they cannot be told."""
    instr = ctx.steps[index].instr
    figures, why = ctx.measured(index, kind)
    if figures is not None:
        fields["measured"] = figures
    elif why:
        message = f"{message} ({why})"
    return Problem(instr.line, instr.end_line, message, **fields)


def budget_line(ctx: Context) -> int:
    """Budget findings point at the FROM of the stage that ships: the image they measure."""
    return ctx.model.stages[ctx.model.target].from_node.start_line


def as_written(path: str) -> str:
    """A path below a directory the base image's ENV names (`/$ORACLE_BASE/jenkins`, see
    model.py) as the Dockerfile says it."""
    return path[1:] if path.startswith("/$") else path


def listing(items: list[str], most: int = 3) -> str:
    """`a, b, c and 4 more`, each path `as_written`."""
    more = f" and {len(items) - most} more" if len(items) > most else ""
    return ", ".join(as_written(i) for i in items[:most]) + more


class Origins:
    """Where the bytes a finding names came from: earlier steps (named), or the base image
    (measured through the registry, or a class of paths known to weigh). Its figures are
    `measured` only when the registry sized every hit."""

    __slots__ = (
        "_base",
        "_bytes",
        "_context_bytes",
        "_context_files",
        "_files",
        "_from",
        "_named",
        "_seen",
        "_static_base",
        "_steps",
        "_unestimated",
        "_unmeasured",
    )

    def __init__(self, ctx: Context) -> None:
        self._base = ctx.base
        self._steps = ctx.steps
        self._named: list[str] = []  # the earlier steps that wrote the files
        self._files = 0
        self._bytes = 0
        self._static_base = False
        self._unmeasured = False
        self._context_files = 0
        self._context_bytes = 0
        self._unestimated = False
        self._from: set[str] = set()  # where the estimated bytes were read: context, heredoc
        self._seen: set[tuple[int, str]] = set()  # a file two commands reach weighs once

    def add(self, hit: Hit) -> None:
        layer = hit.entry.layer
        key = (layer, hit.entry.path if layer != BASE else hit.path)
        if key in self._seen:
            return  # (`chown -R app /app && chmod -R 755 /app` copies each file up once)
        self._seen.add(key)
        if layer != BASE:
            self._unmeasured = True
            where = self._steps[layer].where
            if where not in self._named:
                self._named.append(where)
            if hit.entry.content == EXACT and hit.entry.size is not None:
                self._context_files += 1
                self._context_bytes += hit.entry.size
                heredoc = bool(self._steps[layer].instr.node.heredocs)
                self._from.add("the Dockerfile" if heredoc else "the build context")
            else:
                self._unestimated = True
            return
        self._unestimated = True
        if hit.files:
            self._files += hit.files
            self._bytes += hit.entry.size or 0
        else:
            self._static_base = True
            self._unmeasured = True

    def named(self) -> list[str]:
        names = list(self._named)
        if self._base is not None and self._files:
            names.append(
                f"the base image {self._base.reference.familiar}: "
                f"{self._files} files, {human(self._bytes)}"
            )
        elif self._static_base:
            names.append("the base image")
        return names

    def measured(self) -> dict[str, int] | None:
        if self._base is None or self._unmeasured:
            return None
        return {"paths": self._files, "bytes": self._bytes}

    def estimated(self) -> dict[str, int] | None:
        """What the build context shows of the files, when it shows every one of them."""
        if self._unestimated or not self._context_files:
            return None
        return {"paths": self._context_files, "bytes": self._context_bytes}

    def where(self, verb: str) -> str:
        """` (5MB from the build context, added by Dockerfile:2)` for the message; a heredoc's
        bytes are `from the Dockerfile`."""
        named = self.named()
        estimate = self.estimated()
        sources = " and ".join(sorted(self._from))
        parts = [f"{human(estimate['bytes'])} from {sources}"] if estimate else []
        if named:
            parts.append(f"{verb} by {'; '.join(named)}")
        return f" ({', '.join(parts)})" if parts else ""
