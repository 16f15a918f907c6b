"""What every rule sees (Context) and declares (Option)."""

from __future__ import annotations

import bisect
import fnmatch
from collections.abc import Callable, Iterator, Mapping, Sequence

from layerguard.dockerfile.effects import CopyWrite, RunEffects, path_overlaps
from layerguard.dockerfile.model import Instruction, Model
from layerguard.findings import human
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
MIN_BYTES = Option(1_000_000, size, "measured bytes under which the finding drops to info")


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


class Step(NamedTuple):
    """A layer-making instruction of a shipped stage, here or in a checked file up the chain."""

    file: str
    image: ImageRef | None
    instr: Instruction
    inherited: bool
    run: RunEffects | None
    copies: tuple[CopyWrite, ...]

    @property
    def where(self) -> str:
        text = f"{self.file}:{self.instr.line}"
        return f"{text} ({self.image.familiar})" if self.inherited and self.image else text


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

    def own_steps(self) -> Iterator[tuple[int, Step]]:
        for index, step in enumerate(self.steps):
            if not step.inherited:
                yield index, step

    def writer(self, path: str, before: int, exact_only: bool = False) -> Step | None:
        """The latest step before index `before` that wrote `path` (or a path over or under it).
        A step that only made the directory (mkdir) counts when no earlier step wrote there."""
        made = None
        for step in reversed(self.steps[:before]):
            if any(path_overlaps(path, w.path) for w in step.copies if w.exact or not exact_only):
                return step
            if step.run and not exact_only:
                if any(path_overlaps(path, w) for w in step.run.tracked):
                    return step
                if made is None and path.rstrip("/") in step.run.dirs:
                    made = step
        return made


def budget_line(ctx: Context) -> int:
    """Budget findings point at the FROM of the stage that ships: the image they measure."""
    return ctx.model.stages[ctx.model.target].from_node.start_line


def listing(items: list[str], most: int = 3) -> str:
    """`a, b, c and 4 more`."""
    more = f" and {len(items) - most} more" if len(items) > most else ""
    return ", ".join(items[:most]) + more


class Origins:
    """Where the paths a finding names came from: earlier steps (named) or the base image
    (measured through the registry). Its figures are `measured` only when every path is."""

    __slots__ = ("_base", "_bytes", "_files", "_steps", "_unmeasured")

    def __init__(self, base: BaseFacts | None) -> None:
        self._base = base
        self._steps: list[str] = []
        self._files = 0
        self._bytes = 0
        self._unmeasured = False

    def add(self, writer: Step | None, files: int = 0, size: int = 0) -> None:
        if writer is None:
            self._files += files
            self._bytes += size
            return
        self._unmeasured = True
        if writer.where not in self._steps:
            self._steps.append(writer.where)

    def unmeasured(self) -> None:
        """Something the registry cannot size (removed packages): no `measured` figures."""
        self._unmeasured = True

    def named(self) -> list[str]:
        names = list(self._steps)
        if self._base is not None and self._files:
            names.append(
                f"the base image {self._base.reference.familiar}: "
                f"{self._files} files, {human(self._bytes)}"
            )
        return names

    def measured(self) -> dict[str, int] | None:
        if self._base is None or self._unmeasured:
            return None
        return {"paths": self._files, "bytes": self._bytes}
