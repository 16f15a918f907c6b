"""What a build leaves out of its context: ignore files and `COPY --exclude`, read as BuildKit does.

Patterns follow moby/patternmatcher (its behaviour, read for reference): `**` spans any number of
directories (`**/` none too), `*` and `?` stay within a name, `[...]` is a class, `\\` escapes the
next character, and a pattern also matches everything below a directory it matches. The last
matching line wins; `!` re-includes.

BuildKit matches with Go's regexp, which runs in linear time. Python's backtracking regexes do
not: `**/**/**/**/**/**/x` took 1.6 s per path. Patterns with at most two wildcards (nearly all:
`**/node_modules`, `**/*.pyc`) still run as compiled regexes; the rest go through a matcher that
walks pattern and path together, linear in the path.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterable

# First found wins: BuildKit's `<Dockerfile>.dockerignore` beside the Dockerfile, then the
# context's `.dockerignore` (or buildah's `.containerignore`).
IGNORE_FILES = (".dockerignore", ".containerignore")

Matcher = Callable[[str], bool]

_LITERAL, _STAR, _ONE, _CLASS, _DIRS, _ALL = range(6)
_MAX_REGEX_WILDCARDS = 2


class Ignored:
    """What an ignore file leaves out of the context: the last matching line wins."""

    __slots__ = ("_reincludes", "_rules")

    def __init__(self, rules: list[tuple[bool, Matcher]]) -> None:
        self._rules = rules
        self._reincludes = any(negate for negate, _ in rules)

    def matches(self, rel: str) -> bool:
        """Whether the path (relative to the context) is left out."""
        result = False
        for negate, rule in self._rules:
            if result == negate and rule(rel):
                result = not negate
        return result

    def prunes(self, directory: str) -> bool:
        """Whether nothing below the directory can be in the context: it is left out and no `!`
        line could bring anything back, so a walk need not enter it (BuildKit does the same)."""
        return not self._reincludes and self.matches(directory)


def ignore_file(context: str, dockerfile: str | None) -> Ignored:
    """The ignore file the build reads: `#` in column 1 starts a comment, patterns are trimmed
    and cleaned, a leading `/` is the context root. An unreadable file leaves nothing out."""
    candidates = [f"{dockerfile}.dockerignore"] if dockerfile else []
    candidates += [os.path.join(context, name) for name in IGNORE_FILES]
    for candidate in candidates:
        try:
            with open(candidate, encoding="utf-8-sig") as handle:
                lines = handle.read().splitlines()
            break
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError):
            return Ignored([])
    else:
        return Ignored([])
    rules: list[tuple[bool, Matcher]] = []
    for line in lines:
        text = line.strip()
        if line.startswith("#") or not text:
            continue
        negate = text.startswith("!")
        rule = compile_pattern(text[1:].strip() if negate else text)
        if rule is not None:
            rules.append((negate, rule))
    return Ignored(rules)


def excluder(patterns: Iterable[str]) -> Matcher:
    """`COPY --exclude=PATTERN ...`: whether a path relative to what a source copies is left out."""
    rules = [rule for rule in map(compile_pattern, patterns) if rule is not None]
    return (lambda rel: any(rule(rel) for rule in rules)) if rules else _nothing


def compile_pattern(text: str) -> Matcher | None:
    """A matcher for one cleaned pattern, or None for one BuildKit would reject (an unclosed
    class) or that names nothing."""
    if not text:
        return None
    text = posixpath.normpath(text)  # as Go's filepath.Clean, but for a leading `//`
    if len(text) > 1 and text.startswith("/"):
        text = text.lstrip("/") or "/"
    tokens = _tokens(text)
    if tokens is None:
        return None
    if sum(kind in (_STAR, _DIRS, _ALL) for kind, _ in tokens) <= _MAX_REGEX_WILDCARDS:
        regex = _regex(tokens)
        return lambda path: regex.fullmatch(path) is not None
    return lambda path: _walk(tokens, path)


def _nothing(_: str) -> bool:
    return False


def _tokens(text: str) -> list[tuple[int, object]] | None:
    tokens: list[tuple[int, object]] = []
    i = 0
    while i < len(text):
        c = text[i]
        i += 1
        if c == "*" and text.startswith("*", i):
            i += 2 if text.startswith("/", i + 1) else 1
            token = (_ALL, None) if i >= len(text) else (_DIRS, None)
            if not (tokens and tokens[-1] == token == (_DIRS, None)):  # `**/**/` is `**/`
                tokens.append(token)
        elif c == "*":
            tokens.append((_STAR, None))
        elif c == "?":
            tokens.append((_ONE, None))
        elif c == "\\" and i < len(text):
            tokens.append((_LITERAL, text[i]))
            i += 1
        elif c == "[":
            end = _class_end(text, i)
            if end < 0 or not _valid_class(text[i - 1 : end + 1]):
                return None
            tokens.append((_CLASS, text[i - 1 : end + 1]))
            i = end + 1
        else:
            tokens.append((_LITERAL, c))
    return tokens


def _class_end(text: str, start: int) -> int:
    """The index of the `]` closing a class opened just before `start`, or -1."""
    i = start + (1 if text.startswith("^", start) else 0)
    i += 1 if text.startswith("]", i) else 0  # a leading `]` is a member
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text[i] == "]":
            return i
        else:
            i += 1
    return -1


def _valid_class(source: str) -> bool:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Python warns of nested sets, as in `[[]`; Go has none
        try:
            re.compile(source)
        except re.error:
            return False
    return True


def _regex(tokens: list[tuple[int, object]]) -> re.Pattern[str]:
    parts = []
    for kind, value in tokens:
        if kind == _LITERAL:
            parts.append(re.escape(str(value)))
        elif kind == _STAR:
            parts.append("[^/]*")
        elif kind == _ONE:
            parts.append("[^/]")
        elif kind == _CLASS:
            parts.append(str(value))
        elif kind == _DIRS:
            parts.append("(?:[^/]*/)*")
        else:
            parts.append(".*")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return re.compile("".join(parts) + "(?:/.*)?", re.DOTALL)


def _walk(tokens: list[tuple[int, object]], path: str) -> bool:
    """The pattern matches `path` or a directory above it, found by keeping the set of pattern
    positions each prefix of the path can reach (a negative position -p-1 is inside the `**/`
    at p): linear in the path, whatever the pattern."""
    end = len(tokens)
    states = _closure(tokens, {0})
    for ch in path:
        if ch == "/" and end in states:
            return True  # the directory so far matches
        reached: set[int] = set()
        for state in states:
            if state < 0:
                reached.add(state)
                if ch == "/":
                    reached.add(-state)
                continue
            if state == end:
                continue
            kind, value = tokens[state]
            if kind == _LITERAL:
                if ch == value:
                    reached.add(state + 1)
            elif kind == _STAR:
                if ch != "/":
                    reached.add(state)
            elif kind == _ONE:
                if ch != "/":
                    reached.add(state + 1)
            elif kind == _CLASS:
                if re.fullmatch(str(value), ch, re.DOTALL) is not None:
                    reached.add(state + 1)
            elif kind == _ALL:
                reached.add(state)
        states = _closure(tokens, reached)
        if not states:
            return False
    return end in states


def _closure(tokens: list[tuple[int, object]], states: set[int]) -> set[int]:
    """`states` with what each reaches without consuming a character."""
    out = set(states)
    stack = list(states)
    while stack:
        state = stack.pop()
        if state < 0 or state >= len(tokens):
            continue
        kind = tokens[state][0]
        if kind in (_STAR, _ALL, _DIRS):
            for nxt in (state + 1, -state - 1) if kind == _DIRS else (state + 1,):
                if nxt not in out:
                    out.add(nxt)
                    stack.append(nxt)
    return out
