"""What every rule sees (Context) and declares (Option)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from layerguard.effects import CopyWrite, RunEffects, path_overlaps
from layerguard.model import Instruction, Model
from layerguard.reference import ImageRef


@dataclass(frozen=True)
class Option:
    """A rule option: its default, and a parser that raises ValueError naming what it expects."""

    default: Any
    parse: Callable[[Any], Any]
    doc: str


def non_negative_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("expected a whole number >= 0")
    return value


@dataclass(frozen=True)
class Step:
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


@dataclass(frozen=True)
class Link:
    """One image in a FROM chain, with the checked Dockerfile that builds it (None if external)."""

    image: ImageRef
    file: str | None


@dataclass(frozen=True)
class Context:
    model: Model
    image: ImageRef | None
    context_dir: Path | None
    steps: tuple[Step, ...]
    chain: tuple[Link, ...]

    def own_steps(self) -> Iterator[tuple[int, Step]]:
        for index, step in enumerate(self.steps):
            if not step.inherited:
                yield index, step

    def writer(self, path: str, before: int, exact_only: bool = False) -> Step | None:
        """The latest step before index `before` that wrote `path` (or a path over or under it)."""
        for step in reversed(self.steps[:before]):
            if any(path_overlaps(path, w.path) for w in step.copies if w.exact or not exact_only):
                return step
            if (
                step.run
                and not exact_only
                and any(path_overlaps(path, w) for w in step.run.tracked)
            ):
                return step
        return None
