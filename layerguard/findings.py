"""Severity, the Problem a rule yields, and the Finding the engine makes of it."""

from __future__ import annotations

import enum
from collections.abc import Mapping

from layerguard.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that `a >= b` means a is at least as serious as b."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"expected one of error, warning, info; got {text!r}") from None


class Edit(NamedTuple):
    """Lines `line`..`end_line` of a file (1-based, inclusive) replaced by `text` (the new lines
    joined by newlines, without the last one); None deletes the lines."""

    line: int
    end_line: int
    text: str | None


class Fix(NamedTuple):
    """How to repair a problem in the Dockerfile text: line-span edits that never overlap.
    `safe` fixes keep the image's final filesystem as it was but for the waste they remove;
    unsafe ones (`--unsafe-fixes`) change something a build may rely on."""

    description: str
    safe: bool
    edits: tuple[Edit, ...]

    @property
    def span(self) -> tuple[int, int]:
        """The first and last line the edits touch."""
        return min(e.line for e in self.edits), max(e.end_line for e in self.edits)


class Problem(NamedTuple):
    """What a rule reports: where and why. The engine adds code and severity.

    `help` is how to fix this problem when it is more specific than the rule's HELP (yarn's
    cache is not npm's, apk's fix is not apt's); None means the rule's HELP.
    `measured` holds figures the registry gave; `estimated` what the build context shows
    before anything is built (`{"paths": N, "bytes": B}`); `fix` how to repair it, when the
    rule knows a rewrite that provably keeps the image's meaning."""

    line: int
    end_line: int
    message: str
    column: int = 1
    measured: Mapping[str, Any] | None = None
    help: str | None = None
    estimated: Mapping[str, Any] | None = None
    fix: Fix | None = None


class Finding(NamedTuple):
    """A problem stamped by the engine with its file, rule and severity."""

    file: str
    line: int
    end_line: int
    column: int
    rule: str
    name: str
    severity: Severity
    message: str
    help: str
    measured: Mapping[str, Any] | None = None
    estimated: Mapping[str, Any] | None = None
    fix: Fix | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


_UNITS = ("B", "kB", "MB", "GB", "TB", "PB")


def human(size: int | None) -> str:
    """Sizes the way Docker prints them: SI units, three significant digits (`77.8MB`)."""
    if size is None:
        return "-"
    value = float(size)
    unit = 0
    while value >= 1000 and unit < len(_UNITS) - 1:
        value /= 1000
        unit += 1
    return f"{value:.3g}{_UNITS[unit]}" if unit else f"{size}B"
