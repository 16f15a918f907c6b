"""The one module that turns Dockerfile text into instructions.

A Python reimplementation of BuildKit's Dockerfile parser
(https://github.com/moby/buildkit/tree/master/frontend/dockerfile/parser: parser.go,
line_parsers.go, split_command.go, directives.go), matched against BuildKit's own test data.
Where BuildKit has quirks (byte-wise flag scanning, an empty value for unknown instructions, heredoc
names found with its shell lexer) they are kept on purpose: a linter must see what the builder sees.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from layerguard.records import NamedTuple

__all__ = ["Heredoc", "Node", "ParseError", "ParsedFile", "dump", "parse", "screen"]


class ParseError(Exception):
    """The text is not a Dockerfile BuildKit would accept."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


class Heredoc(NamedTuple):
    """A here-document of RUN/COPY/ADD (or ONBUILD of one), as BuildKit reads it.

    content keeps its line endings and, even for `<<-`, its leading tabs (BuildKit chomps
    later); body lines are start_line..end_line-1, end_line is the terminator.
    """

    name: str
    content: str
    expand: bool
    chomp: bool
    fd: int
    start_line: int
    end_line: int


class Node(NamedTuple):
    """One instruction, shaped like BuildKit's parser.Node.

    args is BuildKit's Next chain: e.g. ENV gives (name, value, "=" or "") triples, HEALTHCHECK
    (type, *command), an unknown instruction ("",). ONBUILD has no args but a child; its
    heredocs sit on the ONBUILD node itself. end_line includes heredoc bodies and terminators.
    """

    keyword: str
    args: tuple[str, ...]
    flags: tuple[str, ...]
    json_form: bool
    heredocs: tuple[Heredoc, ...]
    original: str
    start_line: int
    end_line: int
    child: Node | None = None


class ParsedFile(NamedTuple):
    """A parsed Dockerfile: its instructions, escape token and parser directives."""

    nodes: tuple[Node, ...]
    escape: str
    directives: Mapping[str, str]


# Go's unicode.IsSpace; Python's own notion also includes \x1c-\x1f.
GO_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The same test applied to single bytes, for the code BuildKit runs byte by byte.
_BYTE_SPACE = "\t\n\v\f\r \x85\xa0"
_SPACE_RUN = f"[{GO_SPACE}]+"  # compiled on first use, as the other rare patterns
_WHITESPACE = re.compile(r"[\t\v\f\r ]+")  # reWhitespace / tokenWhitespace
_DIRECTIVE = r"([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*\Z"
_VALID_DIRECTIVES = frozenset({"syntax", "escape", "check"})
_HEREDOC_WORD = r"([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)\Z"  # compiled on first use
_HEREDOC_KEYWORDS = frozenset({"add", "copy", "run"})
_NOT_STRING_ARRAY = "when using JSON array syntax, arrays must be comprised of strings only"
_SURROGATE = "[\ud800-\udfff]"
_MAX_LINE = 64 * 1024  # bufio.MaxScanTokenSize, newline included


def parse(data: bytes | str, rejected: list[ParseError] | None = None) -> ParsedFile:
    """Parse Dockerfile text the way BuildKit does; raise ParseError where BuildKit would fail.

    Bytes must be UTF-8 (BuildKit itself passes other bytes through, but a linter cannot read
    them reliably); NUL bytes are refused as binary input. Given `rejected`, an instruction
    whose own line BuildKit refuses (`ENV NAME` without a value) is left out and its error
    appended there instead; what breaks the reading of the lines after it still raises.
    """
    text = _decode(data)
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    if len(text) >= _MAX_LINE:
        _check_line_lengths(lines)
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]

    escape = "\\"
    directives: dict[str, str] = {}
    looking_for_directives = True
    nodes: list[Node] = []
    count = len(lines)
    i = 0
    while i < count:
        token = lines[i].rstrip("\r").lstrip(GO_SPACE)
        i += 1
        if looking_for_directives:
            found = _directive(token)
            if found is None:
                looking_for_directives = False
            else:
                key, value = found
                if key in directives:
                    raise ParseError(i, f"only one {key} parser directive can be used")
                if key == "escape":
                    if value not in ("\\", "`"):
                        raise ParseError(
                            i, f"invalid escape token {value!r} does not match ` or \\"
                        )
                    escape = value
                directives[key] = value
        if token.startswith("#"):
            continue
        start = i
        token, more = _trim_continuation(token, escape)
        if not more and not token:
            continue
        parts = [token]
        while more and i < count:
            raw = lines[i].rstrip("\r")
            i += 1
            stripped = raw.lstrip(GO_SPACE)
            if not stripped or stripped.startswith("#"):
                continue
            token, more = _trim_continuation(raw, escape)
            parts.append(token)
        line = "".join(parts)
        try:
            node = _node_from_line(line, escape, start, i)
        except _LineError as exc:
            if rejected is None:
                raise ParseError(start, exc.message) from None
            rejected.append(ParseError(start, exc.message))
            continue

        heredocs: list[Heredoc] = []
        if "<<" in line and _can_contain_heredoc(node):
            for name, expand, chomp, fd in _heredocs_from_line(line, start):
                body_start = i + 1
                content: list[str] = []
                while i < count:
                    raw = lines[i]
                    i += 1
                    candidate = raw.rstrip("\r")
                    if chomp:
                        candidate = candidate.lstrip("\t")
                    if candidate == name:
                        break
                    content.append(raw + "\n")
                else:
                    raise ParseError(start, f"unterminated heredoc {name!r}")
                heredocs.append(Heredoc(name, "".join(content), expand, chomp, fd, body_start, i))
        if heredocs:
            node = node._replace(heredocs=tuple(heredocs), end_line=i)
        nodes.append(node)

    if not nodes:
        raise ParseError(max(count, 1), "file with no instructions")
    return ParsedFile(tuple(nodes), escape, MappingProxyType(directives))


def _decode(data: bytes | str) -> str:
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise ParseError(line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x})") from None
    else:
        text = data
        bad = None if text.isascii() else re.search(_SURROGATE, text)
        if bad is not None:
            raise ParseError(text.count("\n", 0, bad.start()) + 1, "not valid Unicode text")
    nul = text.find("\x00")
    if nul >= 0:
        raise ParseError(text.count("\n", 0, nul) + 1, "NUL byte: binary file, not a Dockerfile")
    return text


def _check_line_lengths(lines: list[str]) -> None:
    # BuildKit reads lines with a bufio.Scanner, which fails on a line over 64 KiB.
    for number, line in enumerate(lines, 1):
        if len(line) >= _MAX_LINE // 4 and len(line.encode("utf-8", "surrogatepass")) >= _MAX_LINE:
            raise ParseError(number, f"line longer than the {_MAX_LINE - 1} bytes BuildKit allows")


def _directive(token: str) -> tuple[str, str] | None:
    """A recognised `# key=value` parser directive, or None (which ends directive parsing)."""
    if not token.startswith("#"):
        return None
    match = re.match(_DIRECTIVE, token[1:].lstrip(GO_SPACE))
    if match is None:
        return None
    key = match[1].lower()
    if key not in _VALID_DIRECTIVES:
        return None
    return key, match[2]


def _trim_continuation(line: str, escape: str) -> tuple[str, bool]:
    """Strip a trailing line-continuation token; the bool says whether the instruction goes on.

    BuildKit's lineContinuationRegex: the escape token, then only blanks, unless itself escaped.
    """
    body = line.rstrip(" \t")
    if not body.endswith(escape) or body[:-1].endswith(escape):
        return line, False
    return body[:-1], True


# ---------------------------------------------------------------------------------------------
# Instructions: split_command.go and line_parsers.go


class _LineError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _node_from_line(line: str, escape: str, start: int, end: int) -> Node:
    keyword, flags, rest = _split_command(line)
    child: Node | None = None
    json_form = False
    if keyword in ("add", "copy", "volume"):
        args, json_form = _maybe_json_to_list(rest)
    elif keyword in ("cmd", "entrypoint", "run", "shell"):
        args, json_form = _maybe_json(rest)
    elif keyword in ("env", "label"):
        args = _name_val(rest, keyword.upper(), escape)
    elif keyword == "arg":
        args = tuple(_words(rest, escape))
    elif keyword in ("expose", "from"):
        args = _whitespace_delimited(rest)
    elif keyword in ("maintainer", "stopsignal", "user", "workdir"):
        args = (rest,) if rest else ()
    elif keyword == "healthcheck":
        args, json_form = _health_config(rest)
    elif keyword == "onbuild":
        args = ()
        if rest:
            child = _node_from_line(rest, escape, start, end)
    else:
        # BuildKit keeps unknown instructions, with one empty value (parseIgnore).
        args = ("",)
    return Node(keyword, args, flags, json_form, (), line, start, end, child)


def _split_command(line: str) -> tuple[str, tuple[str, ...], str]:
    parts = _WHITESPACE.split(line.strip(GO_SPACE), maxsplit=1)
    keyword = parts[0].lower()
    if len(parts) < 2:
        return keyword, (), ""
    rest, flags = _extract_flags(parts[1])
    return keyword, flags, rest.strip(GO_SPACE)


def _extract_flags(line: str) -> tuple[str, tuple[str, ...]]:
    """Leading `--flag[=value]` words; a lone `--` ends them.

    BuildKit scans this byte by byte, so non-ASCII bytes become one (Latin-1) character each in
    flag values; working on the Latin-1 view of the UTF-8 bytes keeps that behaviour.
    """
    ascii_only = line.isascii()
    text = line if ascii_only else line.encode("utf-8").decode("latin-1")

    def remainder(pos: int) -> str:
        tail = text[pos:]
        return tail if ascii_only else tail.encode("latin-1").decode("utf-8", "replace")

    words: list[str] = []
    word: list[str] = []
    in_word = in_quote = blank_ok = False
    quote = ""
    length = len(text)
    pos = 0
    while pos <= length:
        ch = text[pos] if pos < length else ""
        if not in_word and not in_quote:
            if pos == length:
                break
            if ch in _BYTE_SPACE:
                pos += 1
                continue
            if ch != "-" or pos + 1 == length or text[pos + 1] != "-":
                return remainder(pos), tuple(words)
            in_word = True
        if pos == length:
            current = "".join(word)
            if current != "--" and (blank_ok or current):
                words.append(current)
            break
        if in_word:
            if ch in _BYTE_SPACE:
                in_word = False
                current = "".join(word)
                if current == "--":
                    return remainder(pos), tuple(words)
                if blank_ok or current:
                    words.append(current)
                word = []
                blank_ok = False
            elif ch in "'\"":
                quote = ch
                blank_ok = True
                in_word, in_quote = False, True
            elif ch == "\\":
                if pos + 1 < length:
                    pos += 1
                    word.append(text[pos])
            else:
                word.append(ch)
        elif ch == quote:
            in_word, in_quote = True, False
        elif ch == "\\":
            if pos + 1 == length:
                in_word, in_quote = True, False
            else:
                pos += 1
                word.append(text[pos])
        else:
            word.append(ch)
        pos += 1
    return "", tuple(words)


def _words(rest: str, escape: str) -> list[str]:
    """parseWords: split on whitespace, keeping quotes and escapes in the words."""
    if "'" not in rest and '"' not in rest and escape not in rest:
        if not any(c in rest for c in "\x1c\x1d\x1e\x1f"):
            return rest.split()  # Python's whitespace is Go's plus \x1c-\x1f
        return [w for w in re.split(_SPACE_RUN, rest) if w]
    words: list[str] = []
    buf: list[str] = []
    in_word = in_quote = blank_ok = False
    quote = ""
    length = len(rest)
    pos = 0
    while pos < length:
        ch = rest[pos]
        if not in_word and not in_quote:
            if ch in GO_SPACE:
                pos += 1
                continue
            in_word = True
        if in_word:
            if ch in GO_SPACE:
                in_word = False
                if blank_ok or buf:
                    words.append("".join(buf))
                buf = []
                blank_ok = False
                pos += 1
                continue
            if ch in "'\"":
                quote = ch
                blank_ok = True
                in_word, in_quote = False, True
            if ch == escape:
                if pos + 1 == length:
                    pos += 1
                    continue
                buf.append(ch)
                pos += 1
                ch = rest[pos]
            buf.append(ch)
            pos += 1
            continue
        if ch == quote:
            in_word, in_quote = True, False
        if ch == escape and quote != "'":
            if pos + 1 == length:
                in_word, in_quote = True, False
                pos += 1
                continue
            pos += 1
            buf.append(ch)
            ch = rest[pos]
        buf.append(ch)
        pos += 1
    if (in_word or in_quote) and (blank_ok or buf):
        words.append("".join(buf))
    return words


def _name_val(rest: str, key: str, escape: str) -> tuple[str, ...]:
    """ENV/LABEL: `name=value ...` triples, or the legacy `name value` form."""
    words = _words(rest, escape)
    if not words:
        return ()
    if "=" not in words[0]:
        parts = _WHITESPACE.split(rest, maxsplit=1)
        if len(parts) < 2:
            raise _LineError(f"{key} must have two arguments")
        return parts[0], parts[1], ""
    args: list[str] = []
    for word in words:
        name, sep, value = word.partition("=")
        if not sep:
            raise _LineError(
                f"Syntax error - can't find = in {_go_quote(word)}. Must be of the form: name=value"
            )
        args += (name, value, "=")
    return tuple(args)


def _whitespace_delimited(rest: str) -> tuple[str, ...]:
    return tuple(_WHITESPACE.split(rest)) if rest else ()


def _json_array(rest: str) -> tuple[str, ...] | None:
    """The strings of a JSON array, or None when rest is not a JSON array at all."""
    rest = rest.lstrip(GO_SPACE)
    if not rest.startswith("["):
        return None
    import json  # here, as only the exec form needs it

    try:
        value = json.loads(
            rest, parse_constant=_reject_constant, parse_float=_go_number, parse_int=_go_number
        )
    except (ValueError, RecursionError):
        return None
    if not isinstance(value, list):
        return None
    if not all(isinstance(item, str) for item in value):
        raise _LineError(_NOT_STRING_ARRAY)
    # Go's decoder turns lone surrogate escapes into U+FFFD.
    return tuple(item if item.isascii() else re.sub(_SURROGATE, "\ufffd", item) for item in value)


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _go_number(text: str) -> float:
    # Go decodes JSON numbers into float64 and fails (so: shell form) when one overflows.
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text} overflows float64")
    return value


def _maybe_json(rest: str) -> tuple[tuple[str, ...], bool]:
    if not rest:
        return (), False
    array = _json_array(rest)
    if array is not None:
        return array, True
    return (rest,), False


def _maybe_json_to_list(rest: str) -> tuple[tuple[str, ...], bool]:
    array = _json_array(rest)
    if array is not None:
        return array, True
    return _whitespace_delimited(rest), False


def _health_config(rest: str) -> tuple[tuple[str, ...], bool]:
    """HEALTHCHECK: a type word (CMD, NONE, ...) then a maybe-JSON command."""
    sep = 0
    while sep < len(rest) and rest[sep] not in GO_SPACE:
        sep += 1
    if sep == 0:
        return (), False
    nxt = sep
    while nxt < len(rest) and rest[nxt] in GO_SPACE:
        nxt += 1
    command, json_form = _maybe_json(rest[nxt:])
    return (rest[:sep], *command), json_form


# ---------------------------------------------------------------------------------------------
# Heredocs: parser.go heredocsFromLine / heredocFromMatch, on top of shell/lex.go


def _can_contain_heredoc(node: Node) -> bool:
    if node.keyword == "onbuild" and node.child is not None:
        node = node.child
    return node.keyword in _HEREDOC_KEYWORDS and not node.json_form


def _heredocs_from_line(line: str, start: int) -> list[tuple[str, bool, bool, int]]:
    """(name, expand, chomp, fd) of each heredoc word in an instruction line, in order."""
    try:
        words = _ShellWords(line, raw_quotes=True, raw_escapes=True).split()
    except _LexError:
        return []  # BuildKit ignores lexing errors here: no heredocs
    found = []
    for word in words:
        match = re.match(_HEREDOC_WORD, word)
        if match is None or not match[3]:
            continue
        rest = match[3]
        try:
            plain = _ShellWords(rest, raw_quotes=False, raw_escapes=False).split()
            if len(plain) != 1:
                continue
            raw = _ShellWords(rest, raw_quotes=True, raw_escapes=False).split()
        except _LexError as exc:
            raise ParseError(start, f"heredoc {rest!r}: {exc}") from None
        if len(raw) != 1:
            raise ParseError(start, f"inconsistent lexing of heredoc {rest!r}")
        # A quoted delimiter (any part of it) turns expansion off, as in sh.
        expand = _quotes(plain[0]) == _quotes(raw[0])
        found.append((plain[0], expand, match[2] == "-", int(match[1] or 0)))
    return found


def _quotes(word: str) -> int:
    return word.count("'") + word.count('"')


class _LexError(Exception):
    pass


class _ShellWords:
    """The part of BuildKit's shell.Lex that heredoc detection uses: word splitting with an
    empty environment and SkipUnsetEnv, so `$VAR`/`${VAR...}` stay as written.
    """

    def __init__(self, text: str, *, raw_quotes: bool, raw_escapes: bool) -> None:
        self.text = text
        self.pos = 0
        self.raw_quotes = raw_quotes
        self.raw_escapes = raw_escapes

    def split(self) -> list[str]:
        return self._until("", self.raw_escapes)[1]

    def _peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def _next(self) -> str:
        ch = self._peek()
        if ch:
            self.pos += 1
        return ch

    def _until(self, stop: str, raw_escapes: bool) -> tuple[str, list[str]]:
        saved, self.raw_escapes = self.raw_escapes, raw_escapes
        try:
            result: list[str] = []
            words = _Words()
            while self.pos < len(self.text):
                ch = self.text[self.pos]
                if stop and ch == stop:
                    self.pos += 1
                    return "".join(result), words.done()
                if ch == "$":
                    part = self._dollar()
                    result.append(part)
                    words.add_string(part)
                    continue
                if ch in "'\"<":
                    if ch == "'":
                        part = self._single_quote()
                    elif ch == '"':
                        part = self._double_quote()
                    else:
                        part = self._angle()
                    result.append(part)
                    words.add_raw(part)
                    continue
                self.pos += 1
                if ch == "\\":
                    if self.raw_escapes:
                        words.add_raw(ch)
                        result.append(ch)
                    ch = self._next()
                    if not ch:
                        break
                    words.add_raw(ch)
                else:
                    words.add_char(ch)
                result.append(ch)
            if stop:
                raise _LexError(f"unexpected end of statement while looking for matching {stop}")
            return "".join(result), words.done()
        finally:
            self.raw_escapes = saved

    def _single_quote(self) -> str:
        self.pos += 1
        out = ["'"] if self.raw_quotes else []
        while True:
            ch = self._next()
            if not ch:
                raise _LexError(
                    "unexpected end of statement while looking for matching single-quote"
                )
            if ch == "'":
                if self.raw_quotes:
                    out.append(ch)
                return "".join(out)
            out.append(ch)

    def _double_quote(self) -> str:
        self.pos += 1
        out = ['"'] if self.raw_quotes else []
        while True:
            ch = self._peek()
            if not ch:
                raise _LexError(
                    "unexpected end of statement while looking for matching double-quote"
                )
            if ch == '"':
                self.pos += 1
                if self.raw_quotes:
                    out.append(ch)
                return "".join(out)
            if ch == "$":
                out.append(self._dollar())
                continue
            self.pos += 1
            if ch == "\\":
                if self.raw_escapes:
                    out.append(ch)
                following = self._peek()
                if not following:
                    continue
                if following in '"$\\':
                    ch = self._next()
            out.append(ch)

    def _angle(self) -> str:
        # `<<` swallows the blanks after it, so `<<  EOF` stays one word.
        self.pos += 1
        if self._peek() != "<":
            return "<"
        self.pos += 1
        begin = self.pos
        while self._peek() and self._peek() in GO_SPACE:
            self.pos += 1
        return "<<" + self.text[begin : self.pos]

    def _dollar(self) -> str:
        self.pos += 1
        if self._peek() != "{":
            return "$" + self._name()
        self.pos += 1
        ch = self._peek()
        if not ch:
            raise _LexError("syntax error: missing '}'")
        if ch in "{}:":
            raise _LexError("syntax error: bad substitution")
        name = self._name()
        ch = self._next()
        modifier = ch
        if ch == "}":
            return "${" + name + "}"
        if ch == "/":
            if self._peek() == "/":
                self.pos += 1  # `${a//x/y}` is rebuilt as `${a/x/y}`, as BuildKit does
            pattern = self._until("/", True)[0]
            replacement = self._until("}", True)[0]
            return "${" + name + "/" + pattern + "/" + replacement + "}"
        if ch == ":":
            ch = self._next()
            modifier += ch
        elif not ch or ch not in "+-?#%":
            raise _LexError(f"unsupported modifier ({ch}) in substitution")
        word = self._until("}", ch in ("#", "%"))[0]
        return "${" + name + modifier + word + "}"

    def _name(self) -> str:
        begin = self.pos
        text = self.text
        if begin < len(text):
            first = text[begin]
            if first.isdecimal():
                while self.pos < len(text) and text[self.pos].isdecimal():
                    self.pos += 1
                return text[begin : self.pos]
            if first in "@*#?-$!0":
                self.pos += 1
                return first
        while self.pos < len(text):
            ch = text[self.pos]
            if not (ch.isalpha() or ch.isdecimal() or ch == "_"):
                break
            self.pos += 1
        return text[begin : self.pos]


class _Words:
    def __init__(self) -> None:
        self.word = ""
        self.words: list[str] = []
        self.in_word = False

    def add_char(self, ch: str) -> None:
        if ch in GO_SPACE:
            if self.in_word and self.word:
                self.words.append(self.word)
                self.word = ""
                self.in_word = False
        else:
            self.add_raw(ch)

    def add_string(self, text: str) -> None:
        for ch in text:
            self.add_char(ch)

    def add_raw(self, text: str) -> None:
        self.word += text
        self.in_word = True

    def done(self) -> list[str]:
        if self.word:
            self.words.append(self.word)
            self.word = ""
            self.in_word = False
        return self.words


# ---------------------------------------------------------------------------------------------
# Node.Dump()


def dump(node: Node) -> str:
    """BuildKit's `(keyword ["--flag"] "arg" ...)` s-expression for one instruction."""
    return "(" + _dump(node) + ")"


def _dump(node: Node) -> str:
    out = node.keyword
    if node.flags:
        out += " [" + " ".join(_go_quote(flag) for flag in node.flags) + "]"
    if node.child is not None:
        out += " (" + _dump(node.child) + ")"
    for arg in node.args:
        out += " " + _go_quote(arg)
    return out.strip(GO_SPACE)


_GO_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}


def _go_quote(text: str) -> str:
    """Go's strconv.Quote: printable runes as-is, the rest escaped."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    out = ['"']
    for ch in text:
        escaped = _GO_ESCAPES.get(ch)
        if escaped is not None:
            out.append(escaped)
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) < 0x80:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


# BuildKit's instructions.ParseInstruction knows these; anything else is `unknown instruction`.
INSTRUCTIONS = frozenset(
    {
        "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck",
        "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume",
        "workdir",
    }
)  # fmt: skip
_STAGE_NAME = r"[a-z][a-z0-9-_.]*\Z"  # validStageName


def check_instructions(parsed: ParsedFile) -> None:
    """Raise ParseError where BuildKit's instruction step (instructions.Parse, after the parser
    this module mirrors) rejects the file: an unknown instruction (`FOO bar`, or /etc/passwd),
    an instruction other than ARG before the first FROM, no FROM at all, a FROM or COPY/ADD
    with the wrong number of arguments. Errors come in BuildKit's order: by instruction."""
    _, errors = screen(parsed)
    if errors:
        raise errors[0]


def screen(parsed: ParsedFile) -> tuple[ParsedFile, tuple[ParseError, ...]]:
    """The file without the instructions BuildKit's instruction step rejects, and their errors
    in BuildKit's order, so that the rest can still be checked (a typo `RUM` hides nothing
    else). Raise ParseError where nothing sound is left to check: a FROM without one or three
    arguments (which stage would the rest fall into?), or no FROM at all."""
    staged = False
    kept: list[Node] = []
    errors: list[ParseError] = []
    for node in parsed.nodes:
        try:
            _check_instruction(node, staged)
        except ParseError as exc:
            if node.keyword == "from" and len(node.args) != 3:
                raise (errors[0] if errors else exc) from None
            errors.append(exc)
            if node.keyword != "from":  # a bad stage name leaves the stage itself plain
                continue
        staged = staged or node.keyword == "from"
        kept.append(node)
    if not staged:
        raise (
            errors[0]
            if errors
            else ParseError(parsed.nodes[-1].start_line, "no FROM: the file has no stage to build")
        )
    return parsed._replace(nodes=tuple(kept)), tuple(errors)


def _check_instruction(node: Node, staged: bool) -> None:
    keyword, line = node.keyword, node.start_line
    if keyword not in INSTRUCTIONS:
        raise ParseError(line, _unknown_instruction(node))
    for flag in node.flags:
        # (BuildKit's BFlags: a string flag takes its value after `=` only: `--from build`)
        name, eq, _ = flag[2:].partition("=")
        if not eq and name.lower() in _VALUED_FLAGS.get(keyword, ()):
            raise ParseError(line, f"missing a value on flag: {name}")
    if keyword == "from":
        _check_from(node)
    elif not staged and keyword != "arg":
        raise ParseError(
            line, f"{keyword.upper()} before the first FROM: no build stage in current context"
        )
    elif keyword == "run":
        _check_mounts(node)
    elif keyword in ("copy", "add") and len(node.args) < 2:
        raise ParseError(
            line,
            f"{keyword.upper()} requires at least two arguments, but only "
            f"{'one was' if node.args else 'none were'} provided: no destination",
        )


# The flags BuildKit's instructions take a value on (string or repeated string flags).
_VALUED_FLAGS: dict[str, frozenset[str]] = {
    "from": frozenset({"platform"}),
    "run": frozenset({"mount", "network", "security"}),
    "copy": frozenset({"from", "chown", "chmod", "exclude"}),
    "add": frozenset({"chown", "chmod", "checksum", "exclude"}),
    "healthcheck": frozenset({"interval", "timeout", "start-period", "start-interval", "retries"}),
}
_MOUNT_TYPES = frozenset({"bind", "cache", "tmpfs", "secret", "ssh"})
_MOUNT_WORDS = frozenset({"readonly", "ro", "readwrite", "rw", "required"})


def _check_mounts(node: Node) -> None:
    """`RUN --mount=...` as BuildKit's runmount parser takes it: key=value fields but for
    `ro`, `rw` and `required`, and a type it knows."""
    mounts = [f.partition("=")[2] for f in node.flags if f.lstrip("-").lower().startswith("mount=")]
    if not mounts:
        return
    import csv  # (BuildKit reads a spec as one CSV record: a quoted value may hold a comma)

    for spec in mounts:
        for field in next(csv.reader([spec]), []):
            key, eq, value = field.partition("=")
            key = key.strip().lower()
            if field and not eq and key not in _MOUNT_WORDS:
                raise ParseError(
                    node.start_line, f"invalid field '{field}' must be a key=value pair"
                )
            if key == "type" and "$" not in value and value.strip().lower() not in _MOUNT_TYPES:
                raise ParseError(node.start_line, f'unsupported mount type "{value}"')


def _unknown_instruction(node: Node) -> str:
    word = node.original.strip(GO_SPACE).split(None, 1)[0] if node.original.strip() else "?"
    if not word.isprintable():  # a binary file: show its bytes, never control characters
        word = repr(word)[1:-1]
    import difflib

    close = difflib.get_close_matches(node.keyword, sorted(INSTRUCTIONS), n=1, cutoff=0.75)
    hint = f" (did you mean {close[0].upper()}?)" if close else ""
    return f"unknown instruction: {word}{hint}"


def _check_from(node: Node) -> None:
    args = node.args
    if len(args) == 3 and args[1].lower() == "as":
        if not re.match(_STAGE_NAME, args[2].lower()):
            raise ParseError(
                node.start_line,
                f"invalid name for build stage: {args[2]!r}, name can't start with a number "
                "or contain symbols",
            )
    elif len(args) != 1:
        raise ParseError(node.start_line, "FROM requires either one or three arguments")
