"""Report formats: one module each, chosen from this name -> function table.

A formatter turns a Report into text; it never prints and never decides the exit code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from layerguard.formatters import json_format, text
from layerguard.linter import Report


@dataclass(frozen=True)
class Style:
    color: bool = False
    quiet: bool = False


Formatter = Callable[[Report, Style], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
}
