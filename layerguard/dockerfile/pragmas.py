"""`# layerguard ignore=LG003` (for the next instruction) and `# layerguard global ignore=LG005`.

A reason may follow after ` -- `. Comment lines inside an instruction (heredoc bodies, continued
lines) are not pragmas: only lines between instructions count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

from layerguard.records import NamedTuple

# A pragma naming a code or name that no rule has is itself a finding, reported by the engine.
UNKNOWN_CODE = "LG099"
UNKNOWN_NAME = "unknown-code-in-pragma"
UNKNOWN_SUMMARY = "A `# layerguard ignore=` pragma names a code or rule name that does not exist."
UNKNOWN_HELP = (
    "Name a code or rule name from `layerguard rules` (or `all`); a misspelt code ignores nothing."
)

UNKNOWN_DOC = """
## What it does
Reports a `# layerguard ignore=...` or `# layerguard global ignore=...` pragma that names a code
or rule name no rule has, such as `LG0005` or `delete-in-later-layr`.

## Why it matters
A misspelt code ignores nothing: the finding it was meant to silence comes back, or worse, the
pragma looks like a reviewed exception while nothing is excepted.

## Example
```dockerfile
# layerguard ignore=LG0005 -- the index is needed at run time
RUN apt-get update
```

## Use instead
```dockerfile
# layerguard ignore=LG005 -- the index is needed at run time
RUN apt-get update
```

## Options
None; `--severity LG099=error` or `--ignore LG099` as for any rule.
"""


# Compiled on first use, and only tried on lines naming layerguard: most files hold no pragma.
_PRAGMA = (
    r"^\s*#\s*layerguard\s+(?P<scope>global\s+)?ignore\s*=\s*(?P<codes>[A-Za-z0-9_,\s-]+?)"
    r"\s*(?:--.*)?$"
)


class Suppressions(NamedTuple):
    global_codes: frozenset[str] = frozenset()
    by_line: Mapping[int, frozenset[str]] = MappingProxyType({})
    # Every code or name a pragma names, as written, with the pragma's line: the engine reports
    # the ones no rule has (`ignore=LG0005` would otherwise silently ignore nothing).
    named: tuple[tuple[int, str], ...] = ()

    def suppresses(self, code: str, name: str, line: int) -> bool:
        codes = self.global_codes | self.by_line.get(line, frozenset())
        return code in codes or name in codes or "all" in codes


def collect(lines: Sequence[str], spans: Iterable[tuple[int, int]]) -> Suppressions:
    """Pragmas in `lines` (the file's text) for instructions spanning 1-based `spans`."""
    spans = sorted(spans)
    inside: set[int] = set()
    for start, end in spans:
        inside.update(range(start, end + 1))
    global_codes: set[str] = set()
    named: list[tuple[int, str]] = []
    for number, text in enumerate(lines, 1):
        match = _pragma(text)
        if match and number not in inside:
            named.extend(
                (number, word.strip()) for word in match["codes"].split(",") if word.strip()
            )
            if match["scope"]:
                global_codes.update(_codes(match["codes"]))
    by_line: dict[int, frozenset[str]] = {}
    for start, _ in spans:
        codes: set[str] = set()
        number = start - 1
        while number >= 1 and number not in inside and lines[number - 1].lstrip().startswith("#"):
            match = _pragma(lines[number - 1])
            if match and not match["scope"]:
                codes.update(_codes(match["codes"]))
            number -= 1
        if codes:
            by_line[start] = frozenset(codes)
    return Suppressions(frozenset(global_codes), by_line, tuple(named))


def normalise(word: str) -> str:
    """How a pragma's word is compared: codes upper case (`lg003`), names lower case."""
    word = word.strip()
    return word.upper() if word[:2].upper() == "LG" else word.lower()


def _codes(text: str) -> set[str]:
    return {normalise(c) for c in text.split(",") if c.strip()}


def _pragma(line: str) -> re.Match[str] | None:
    return re.match(_PRAGMA, line) if "layerguard" in line else None
