"""What a build leaves out of its context: ignore files and `COPY --exclude`, read as BuildKit does.

Patterns follow moby/patternmatcher (its behaviour, read for reference): `**` spans any number of
directories (`**/` none too), `*` and `?` stay within a name, `[...]` is a class, `\\` escapes the
next character, a pattern that starts with `**` and has no other wildcard matches by suffix
(`**.log` is any name ending in `.log`), and a pattern also matches everything below a directory
it matches. The last matching line wins; `!` brings a path back.

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

from layerguard.dockerfile.parser import GO_SPACE

Matcher = Callable[[str], bool]

_LITERAL, _STAR, _ONE, _CLASS, _DIRS, _ALL = range(6)
_WILDCARDS = (_STAR, _DIRS, _ALL)
_MAX_REGEX_WILDCARDS = 2


class Ignored:
    """What a list of patterns leaves out: the last matching pattern wins, `!` brings back."""

    __slots__ = ("_reincludes", "_rules")

    def __init__(self, lines: Iterable[str]) -> None:
        self._rules: list[tuple[bool, Matcher]] = []
        for line in lines:
            negate = line.startswith("!")
            rule = compile_pattern(line[1:].strip(GO_SPACE) if negate else line)
            if rule is not None:
                self._rules.append((negate, rule))
        self._reincludes = any(negate for negate, _ in self._rules)

    def matches(self, rel: str) -> bool:
        """Whether the path (relative to the context or the copied source) is left out."""
        result = False
        for negate, rule in self._rules:
            if result == negate and rule(rel):
                result = not negate
        return result

    def prunes(self, directory: str) -> bool:
        """Whether nothing below the directory can be kept: it is left out and no `!` line could
        bring anything back, so a walk need not enter it (BuildKit does the same)."""
        return not self._reincludes and self.matches(directory)


def ignore_file(context: str, dockerfile: str | None) -> str | None:
    """The ignore file a build of `dockerfile` with this context reads, if any: BuildKit's
    `<Dockerfile>.dockerignore` beside the Dockerfile, then the context's `.dockerignore`; for a
    Containerfile (podman, buildah) the context's `.containerignore` comes first."""
    names = [".dockerignore"]
    if dockerfile and os.path.basename(dockerfile).startswith("Containerfile"):
        names.insert(0, ".containerignore")
    candidates = [f"{dockerfile}.dockerignore"] if dockerfile else []
    candidates += [os.path.join(context, name) for name in names]
    return next((c for c in candidates if os.path.isfile(c)), None)


def read_ignore_file(path: str | None) -> Ignored:
    """Its patterns, read as dockerignore.ReadAll does: lines split at `\n`, `#` in column 1
    starts a comment, patterns trimmed and cleaned, bytes that are not UTF-8 kept as they are.
    No file, or an unreadable one, leaves nothing out."""
    try:
        with open(path or "", "rb") as handle:
            data = handle.read()
    except OSError:
        return Ignored(())
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")
    lines = (line.removesuffix("\r") for line in text.split("\n"))
    return Ignored(line.strip(GO_SPACE) for line in lines if not line.startswith("#"))


def excluder(patterns: Iterable[str]) -> Ignored:
    """`COPY --exclude=PATTERN ...`, matched against paths relative to what is copied; as in an
    ignore file, the last match wins and `!` brings a path back."""
    return Ignored(pattern.strip(GO_SPACE) for pattern in patterns)


def compile_pattern(text: str) -> Matcher | None:
    """A matcher for one pattern (cleaned here), or None for one BuildKit would reject (an
    unclosed class) or that names nothing."""
    if not text:
        return None
    text = posixpath.normpath(text)  # as Go's filepath.Clean, but for a leading `//`
    if len(text) > 1 and text.startswith("/"):
        text = text.lstrip("/") or "/"
    tokens = _tokens(text)
    if tokens is None:
        return None
    if text.startswith("**") and len(text) > 2 and not any(c in text[2:] for c in "*?[]\\"):
        return _suffix(text[2:])
    if sum(kind in _WILDCARDS for kind, _ in tokens) <= _MAX_REGEX_WILDCARDS:
        regex = _regex(tokens)
        return lambda path: regex.fullmatch(path) is not None
    return lambda path: _walk(tokens, path)


def _suffix(suffix: str) -> Matcher:
    """patternmatcher's suffix match: the path or a directory above it ends with `suffix`
    (`**/foo` also matches `foo` itself)."""
    bare = suffix[1:] if suffix.startswith("/") else None

    def matches(path: str) -> bool:
        end = len(path)
        while end > 0:
            candidate = path[:end]
            if candidate.endswith(suffix) or candidate == bare:
                return True
            end = path.rfind("/", 0, end)
        return False

    return matches


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
            compiled = _compile(text[i - 1 : end + 1]) if end >= 0 else None
            if compiled is None:
                return None
            tokens.append((_CLASS, compiled))
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


def _compile(source: str) -> re.Pattern[str] | None:
    import warnings  # only when an ignore file or --exclude has patterns

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Python warns of nested sets, as in `[[]`; Go has none
        try:
            return re.compile(source)
        except re.error:
            return None


def _regex(tokens: list[tuple[int, object]]) -> re.Pattern[str]:
    # As Go's regexp: `.` does not match a newline, a class and `[^/]` do.
    parts = []
    for kind, value in tokens:
        if kind == _LITERAL:
            parts.append(re.escape(str(value)))
        elif kind == _STAR:
            parts.append("[^/]*")
        elif kind == _ONE:
            parts.append("[^/]")
        elif kind == _CLASS:
            parts.append(value.pattern)  # type: ignore[attr-defined]
        elif kind == _DIRS:
            parts.append("(?:[^/\\n]*/)*")
        else:
            parts.append(".*")
    compiled = _compile("".join(parts) + "(?:/[\\s\\S]*)?")
    assert compiled is not None  # every part is valid on its own
    return compiled


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
                if ch != "\n":
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
                if value.fullmatch(ch) is not None:  # type: ignore[attr-defined]
                    reached.add(state + 1)
            elif kind == _ALL and ch != "\n":
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
        if kind in _WILDCARDS:
            for nxt in (state + 1, -state - 1) if kind == _DIRS else (state + 1,):
                if nxt not in out:
                    out.add(nxt)
                    stack.append(nxt)
    return out


def git_ignored(repository: str, rel: str) -> bool:
    """Whether the repository's .gitignore files (its root's and those of the directories down
    to `rel`) leave `rel` out of a checkout: a file the user's own tree holds and a clone lacks.

    Read as git reads them, close enough for a yes: a pattern without a slash matches a name at
    any depth below its file's directory, one with a slash is anchored there, the last match
    wins and `!` brings a path back; a trailing `/` (directories only) is dropped, as a missing
    path's kind is not known."""
    lines: list[str] = []
    parts = rel.strip("/").split("/")
    for depth in range(len(parts)):
        base = "/".join(parts[:depth])
        lines.extend(_gitignore_lines(os.path.join(repository, base, ".gitignore"), base))
    return bool(lines) and Ignored(lines).matches(rel.strip("/"))


def _gitignore_lines(path: str, base: str) -> list[str]:
    """A .gitignore's patterns as ignore-file lines relative to the repository's root."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            text = handle.read()
    except OSError:
        return []
    out: list[str] = []
    prefix = base + "/" if base else ""
    for line in text.splitlines():
        line = line.rstrip(" \t")  # (git keeps an escaped trailing space; no one writes one)
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = line[1:] if negate else line
        pattern = pattern.removeprefix("\\").rstrip("/")
        if not pattern:
            continue
        anchored = "/" in pattern
        pattern = prefix + (pattern.lstrip("/") if anchored else "**/" + pattern)
        out.append(("!" if negate else "") + pattern)
    return out
