"""Split the shell script of a RUN into simple commands, with the directory each one runs in.

A pragmatic POSIX sh lexer, not a shell: it removes quotes, expands the variables it knows, follows
`cd`, skips heredoc bodies and the headers of `for`/`case`, and looks inside `$(...)` and backticks.
It never raises and runs in linear time: whatever it cannot make sense of it keeps as literal text.
Grammar: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html
"""

from __future__ import annotations

import bisect
import itertools
import operator
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from fnmatch import fnmatchcase

from layerguard.records import NamedTuple


class Redirect(NamedTuple):
    """A redirection as written (`op` keeps its fd digits: "2>", "&>", "<<").

    `target` is the word after quote removal, made absolute when it is a relative path and the
    directory is known; for a heredoc it is the delimiter, for `>&2` the descriptor.
    """

    op: str
    target: str


class Command(NamedTuple):
    """One simple command: argv after quote removal and expansion of the variables known.

    `words` never holds the leading `VAR=value` assignments (they are in `assignments`) and is
    never empty. `cwd` is None when the directory is unknown; `line` is 0-based in the script.
    """

    words: tuple[str, ...]
    assignments: tuple[tuple[str, str], ...]
    redirects: tuple[Redirect, ...]
    cwd: str | None
    line: int
    # The words whose wildcards were all quoted (`rm -rf "/var/lib/apt/lists/*"`): the shell
    # expands none of them, so they name a file by that very name.
    literal: tuple[str, ...] = ()
    # The paths whose presence a test decides whether it runs (`if [[ -x /usr/local/bin/aws ]];
    # then mv ...`, `[ -f x ] && rm x`): the author did not know they are there.
    guarded: tuple[str, ...] = ()
    # The words a variable naming each of several files without their suffix is part of, with
    # the wildcard it takes them from (`rm -rf /opt/$name` in a loop over /opt/*.tar.gz)
    each: tuple[tuple[str, str], ...] = ()


def resolve_path(path: str, cwd: str | None) -> str | None:
    """`path` made absolute against `cwd` and normalized; None when relative and cwd unknown.

    Glob characters are kept as they are: '/a/b/../*.tgz' -> '/a/*.tgz'.
    """
    if not path.startswith("/"):
        if cwd is None or not cwd.startswith("/"):
            return None
        path = f"{cwd}/{path}"
    out: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if out:
                out.pop()
        elif segment and segment != ".":
            out.append(segment)
    return "/" + "/".join(out)


def split_commands(
    script: str, cwd: str | None = "/", env: Mapping[str, str] | None = None, braces: bool = False
) -> tuple[Command, ...]:
    """The simple commands of a shell script, in the order they run.

    Commands inside `$(...)` and backticks follow the command that contains them. `env` holds the
    variables known before the script starts (ARG and ENV); assignments in the script add to it.
    With `braces` (bash runs it, not /bin/sh), `{a,b}` in a word is expanded.
    """
    text = script.replace("\r\n", "\n")
    lexer = _Lexer(text)
    tokens = lexer.tokens("")
    newlines = []
    at = text.find("\n")
    while at >= 0:
        newlines.append(at)
        at = text.find("\n", at + 1)
    out: list[Command] = []
    start = resolve_path(cwd, "/") if cwd is not None else None
    parser = _Parser(newlines, start, dict(env or {}), out)
    parser.braces = braces
    parser.feed(_called(tokens))
    return tuple(out)


_BRACE_LIST = re.compile(r"\{[^{}]*,[^{}]*\}")


def _brace_expanded(text: str) -> list[str]:
    """bash's brace expansion of a word's text: `/usr/local/{LICENSE,README.md}` -> two."""
    found = _BRACE_LIST.search(text)
    if found is None:
        return [text]
    head, tail = text[: found.start()], text[found.end() :]
    return [w for alt in found.group()[1:-1].split(",") for w in _brace_expanded(head + alt + tail)]


# --- functions ------------------------------------------------------------------------------------

# What may stand before a command's first word (a case arm's `)` too: `1) step_one ;;`).
_COMMAND_START = frozenset({";", "\n", "&", "&&", "||", "|", "|&", "(", ")", ";;", ";&", ";;&"})
_OPENERS = frozenset({"then", "do", "else", "elif", "{", "!", "if", "while", "until"})
_EXIT_SIGNALS = frozenset({"EXIT", "0", "SIGEXIT"})


def _called(
    tokens: list[_Token], depth: int = 0, known: Mapping[str, list[_Token]] | None = None
) -> list[_Token]:
    """`tokens` with each function's body where the function is called, not where it is
    defined (`cleanup() { rm -rf /var/lib/apt/lists/*; }` ... `cleanup`), and the body of a
    `trap cleanup EXIT` handler at the end, where the shell runs it."""
    bodies: dict[str, list[_Token]] = dict(known or {})
    kept: list[_Token] = []
    i = 0
    while i < len(tokens):
        found = _definition(tokens, i) if _starts_command(tokens, i) else None
        if found is None:
            kept.append(tokens[i])
            i += 1
            continue
        name, body, i = found
        bodies[name] = body
    if not bodies and not any(isinstance(t, _Word) and t.keyword == "trap" for t in kept):
        return tokens
    out: list[_Token] = []
    handlers: list[_Token] = []
    i = 0
    while i < len(kept):
        token = kept[i]
        if not isinstance(token, _Word) or token.keyword is None or not _starts_command(kept, i):
            out.append(token)
            i += 1
            continue
        called = token.keyword
        end = i + 1
        while end < len(kept) and not isinstance(kept[end], _Op):
            end += 1
        args = [_literal(t) for t in kept[i + 1 : end] if isinstance(t, _Word)]
        if called in bodies and depth < 3:
            out.extend(_group(_called(bodies[called], depth + 1, bodies), token.pos))
            i = end
        elif called == "trap" and args and args[0] is not None and set(args[1:]) & _EXIT_SIGNALS:
            # `trap cleanup EXIT`, `trap 'rm -rf /var/lib/apt/lists/*' EXIT`: run at the end
            # (the last one set; `trap - EXIT` unsets it)
            body = bodies.get(args[0]) or _Lexer(args[0]).tokens("")
            handlers = (
                [] if args[0] in ("-", "") else _group(_called(body, depth + 1, bodies), token.pos)
            )
            i = end
        else:
            out.append(token)
            i += 1
    if handlers:
        out.extend([_OPS["\n"], *handlers])
    return out


def _literal(word: _Word) -> str | None:
    """The text of a word without expansions (`'clean'`, `clean`), else None."""
    if all(isinstance(p, _Lit) for p in word.parts):
        return "".join(p.text for p in word.parts if isinstance(p, _Lit))
    return None


def _starts_command(tokens: list[_Token], i: int) -> bool:
    if i == 0:
        return True
    before = tokens[i - 1]
    if isinstance(before, _Op):
        return before.op in _COMMAND_START
    return isinstance(before, _Word) and before.keyword in _OPENERS


def _definition(tokens: list[_Token], i: int) -> tuple[str, list[_Token], int] | None:
    """(name, body, index after it) of `name() { ...; }` or `function name { ...; }` at `i`."""
    at = i
    word = tokens[at]
    if isinstance(word, _Word) and word.keyword == "function":
        at += 1
        word = tokens[at] if at < len(tokens) else word
        if not isinstance(word, _Word) or not word.keyword:
            return None
        at += 1
        if at + 1 < len(tokens) and _is_op(tokens[at], "(") and _is_op(tokens[at + 1], ")"):
            at += 2
    elif (
        isinstance(word, _Word)
        and word.keyword
        and _NAME.fullmatch(word.keyword)
        and at + 2 < len(tokens)
        and _is_op(tokens[at + 1], "(")
        and _is_op(tokens[at + 2], ")")
    ):
        at += 3
    else:
        return None
    name = word.keyword
    assert name is not None
    while at < len(tokens) and _is_op(tokens[at], "\n"):
        at += 1
    opening = tokens[at] if at < len(tokens) else None
    if not (isinstance(opening, _Word) and opening.keyword == "{"):
        return None  # a body in ( ... ) or of another shape: left as it is
    nested, j = 0, at
    while j < len(tokens):
        token = tokens[j]
        if (
            isinstance(token, _Word)
            and token.keyword in ("{", "}")
            and (j == at or _starts_command(tokens, j))
        ):
            nested += 1 if token.keyword == "{" else -1
            if nested == 0:
                return name, tokens[at + 1 : j], j + 1
        j += 1
    return None


def _group(body: list[_Token], pos: int) -> list[_Token]:
    """The body as `{ BODY ; }`, so that `cleanup && x` keeps its shape."""
    return [_Word([_Lit("{", False)], pos), *body, _OPS[";"], _Word([_Lit("}", False)], pos)]


# --- lexer ---------------------------------------------------------------------------------------

# Most words are plain text followed by a blank or operator: read those in one match.
_FAST = re.compile(
    r"[ \t\r\f\v]*(?:([^ \t\r\f\v\n;&|<>()'\"\\$`#][^ \t\r\f\v\n;&|<>()'\"\\$`]*)"
    r"(?=[ \t\r\f\v\n;&|)]|\Z)|(;;&|;;|;&|;|&&|&(?!>)|\|\||\|&|\|))?"
)
_RUN = re.compile(r"[^ \t\r\f\v\n;&|<>()'\"\\$`]+")
_DQ_RUN = re.compile(r'[^"\\$`]+')
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PARAM = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-]")
_ASSIGN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\+?=")
# Patterns for less common text (redirections, ${x%y}, $'...', $((...)), [[ ]]) stay strings:
# re compiles and caches them on first use, so start-up pays only for what the scripts hold.
_BLANKS = r"[ \t\r\f\v]+"
_BRACE_RUN = r"[^}'\"\\$`]+"
_OPERATOR_RUN = r"[;&|<>()]+"
_PARENS = r"[()]"
_PARAM_OP = r":?[-=+?]|##?|%%?|//?|/[#%]|:|\^\^?|,,?"
_DIGITS = r"[0-9]+"
_ANSI_RUN = r"[^'\\]*"
_OCTAL = r"[0-7]+"
_HEX = r"[0-9A-Fa-f]+"
_HEX_WIDTH = {"x": 2, "u": 4, "U": 8}
_SPECIAL = frozenset("0123456789@*#?$!-")
_BLANK = frozenset(" \t\r\f\v")
_REDIRECTS = frozenset(("<<<", "<<-", "&>>", "<<", ">>", "<&", ">&", "<>", ">|", "&>", "<", ">"))
_ANSI = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "e": "\x1b",
    "E": "\x1b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "?": "?",
}
# Deeper nesting of $( ${ and backticks than any real script is read as literal text, so that
# junk like '$($($(...' cannot exhaust the Python stack.
_MAX_DEPTH = 40


class _Lit(NamedTuple):
    text: str
    quoted: bool


class _Var(NamedTuple):
    """`$name`, `${name<op><arg>}`; op "raw" marks text that never expands ($1, $((1+2)))."""

    name: str
    op: str
    arg: list[_Part] | None
    raw: str
    quoted: bool


class _Sub(NamedTuple):
    raw: str
    tokens: list[_Token]
    quoted: bool


_Part = _Lit | _Var | _Sub


class _Word:
    """A word as parts; `keyword` is its text when plain unquoted text (a reserved word can be)."""

    __slots__ = ("keyword", "parts", "pos")

    def __init__(self, parts: list[_Part], pos: int, keyword: str | None = None) -> None:
        self.parts = parts
        self.pos = pos
        if keyword is None and len(parts) == 1:
            part = parts[0]
            if isinstance(part, _Lit) and not part.quoted:
                keyword = part.text
        self.keyword = keyword

    @property
    def literal(self) -> str:
        return "".join(p.text if isinstance(p, _Lit) else p.raw for p in self.parts)

    @property
    def quoted_glob(self) -> bool:
        """Its wildcards are all in quotes, and nothing unquoted may expand to one."""
        quoted = False
        for part in self.parts:
            wild = isinstance(part, _Lit) and any(c in part.text for c in "*?[")
            if not part.quoted and (wild or not isinstance(part, _Lit)):
                return False
            quoted = quoted or wild
        return quoted


def _loop_end(tokens: list[_Token], i: int) -> int | None:
    """The index of the `done` that ends the loop whose body starts at `i`; None when the body
    leaves it early (`break`, `continue`) or its end is not plain."""
    depth = 0
    for at in range(i, len(tokens)):
        token = tokens[at]
        if not isinstance(token, _Word) or token.keyword is None:
            continue
        before = tokens[at - 1]
        # (a reserved word where a command starts: after a separator, an operator, or a word
        # that opens a clause, `then for f in ...`, `&& while ...`)
        after_separator = (
            at == i
            or (isinstance(before, _Op) and before.op in (";", "\n", "&", "&&", "||", "|", "("))
            or (isinstance(before, _Word) and before.keyword in _CLAUSE_WORDS)
        )
        if token.keyword in ("break", "continue"):
            return None
        if not after_separator:
            continue
        if token.keyword in ("for", "while", "until", "select"):
            depth += 1
        elif token.keyword == "done":
            if depth == 0:
                return at
            depth -= 1
    return None


_CLAUSE_WORDS = frozenset({"then", "do", "else", "{", "!"})


def _one_name(value: str) -> bool:
    """`value` is one plain word, not a wildcard: a loop over such words can be run in turn."""
    return len(value.split()) == 1 and not any(c in value for c in "*?[")


_UNROLLED = 32  # (the most words a loop is run for in turn; longer lists are rare)


class _Op(NamedTuple):
    op: str


_OPS = {op: _Op(op) for op in (";;&", ";;", ";&", "&&", "||", "|&", ";", "&", "|", "(", ")", "\n")}


class _Redir(NamedTuple):
    op: str
    target: _Word | None
    delimiter: str | None
    pos: int


_Token = _Word | _Op | _Redir


class _Lexer:
    """Turns text into words, operators and redirections; `$(...)` nests its own tokens."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.n = len(src)
        self.pos = 0
        self.depth = 0
        self.backticks = 0
        self.heredocs: list[tuple[str, bool]] = []

    def tokens(self, term: str) -> list[_Token]:
        """Tokens up to `term` (")" or "`", consumed) or the end of the text."""
        src, n = self.src, self.n
        out: list[_Token] = []
        parens = 0
        in_test = False
        while self.pos < n:
            fast = _FAST.match(src, self.pos)
            if fast is None:  # the pattern matches the empty string: never None
                break
            plain, op = fast.group(1, 2)
            if plain is not None:
                out.append(_Word([_Lit(plain, False)], fast.start(1), plain))
                self.pos = fast.end()
                if plain == "[[" or plain == "]]":
                    in_test = plain == "[["
                continue
            if op is not None and not in_test:
                out.append(_OPS[op])
                self.pos = fast.end()
                continue
            pos = self.pos = fast.start(2) if op else fast.end()
            if pos >= n:
                break
            c = src[pos]
            if c in _BLANK:
                self.pos = re.compile(_BLANKS).match(src, pos).end()  # type: ignore[union-attr]
            elif c == "\n":
                out.append(_OPS["\n"])
                self.pos = pos + 1
                if self.heredocs:
                    self._heredoc_bodies()
            elif c == "\\" and src.startswith("\n", pos + 1):
                self.pos = pos + 2
            elif c == "#":
                end = src.find("\n", pos)
                if term == "`":  # bash reads a backquoted script up to its closing quote first
                    quote = src.find("`", pos)
                    end = quote if 0 <= quote < end or end < 0 else end
                self.pos = n if end < 0 else end
            elif c == "`" and self.backticks:
                if term == "`":
                    self.pos = pos + 1
                return out  # an enclosing backtick ends here, whatever is open inside it
            elif c == ")" and term == ")" and not parens:
                self.pos = pos + 1
                return out
            elif in_test and c in ";&|<>()":
                # Inside [[ ]], && < ( are operands of the test, not shell operators.
                end = re.compile(_OPERATOR_RUN).match(src, pos).end()  # type: ignore[union-attr]
                out.append(_Word([_Lit(src[pos:end], True)], pos))
                self.pos = end
            elif c in "<>" or (c == "&" and src.startswith(">", pos + 1)):
                self._redirect(out, "", pos)
            elif c == "(" and src.startswith("((", pos):
                self.pos = self._match_paren(pos)  # (( arithmetic )) runs no command
            elif c == "(":
                out.append(_OPS["("])
                self.pos = pos + 1
                parens += 1
            elif c == ")":
                out.append(_OPS[")"])
                self.pos = pos + 1
                parens -= 1
            else:
                word = self._word()
                fd = word.keyword
                if (
                    fd is not None
                    and src.startswith(("<", ">"), self.pos)
                    and re.fullmatch(_DIGITS, fd)
                ):
                    self._redirect(out, fd, pos)
                    continue
                out.append(word)
                keyword = word.keyword
                if keyword == "[[":
                    in_test = True
                elif keyword == "]]":
                    in_test = False
        return out

    def _redirect(self, out: list[_Token], fd: str, start: int) -> None:
        src, pos = self.src, self.pos
        op = src[pos : pos + 3]
        while op not in _REDIRECTS and len(op) > 1:
            op = op[:-1]
        self.pos = pos + len(op)
        blanks = re.compile(_BLANKS).match(src, self.pos)
        if blanks:
            self.pos = blanks.end()
        target = None
        following = src[self.pos : self.pos + 1]
        if following and following not in ";&|<>()\n" and not (following == "`" and self.backticks):
            target = self._word()
        delimiter = None
        if op in ("<<", "<<-") and target is not None:
            delimiter = target.literal
            self.heredocs.append((delimiter, op == "<<-"))
        out.append(_Redir(fd + op, target, delimiter, start))

    def _heredoc_bodies(self) -> None:
        """Skip the bodies of the heredocs opened on the line that just ended."""
        src, n = self.src, self.n
        for delimiter, strip_tabs in self.heredocs:
            while self.pos < n:
                end = src.find("\n", self.pos)
                if end < 0:
                    end = n
                line = src[self.pos : end]
                self.pos = min(end + 1, n)
                if (line.lstrip("\t") if strip_tabs else line) == delimiter:
                    break
        self.heredocs.clear()

    def _match_paren(self, pos: int) -> int:
        """The position just after the parenthesis that closes the one at `pos`."""
        depth = 0
        for m in re.compile(_PARENS).finditer(self.src, pos):
            depth += 1 if m.group() == "(" else -1
            if depth == 0:
                return m.end()
        return self.n

    def _word(self) -> _Word:
        src, n = self.src, self.n
        start = self.pos
        parts: list[_Part] = []
        while self.pos < n:
            pos = self.pos
            run = _RUN.match(src, pos)
            if run:
                parts.append(_Lit(run.group(), False))
                self.pos = run.end()
                continue
            c = src[pos]
            if c == "'":
                self._single_quote(parts)
            elif c == '"':
                self._double_quote(parts)
            elif c == "\\":
                self._escape(parts)
            elif c == "$":
                self._dollar(parts, False)
            elif c == "`":
                if self.backticks:
                    break
                self._backtick(parts, False)
            elif c == "(" and len(parts) == 1 and _is_array_start(parts[0]):
                end = self._match_paren(pos)
                parts.append(_Lit(src[pos:end], True))
                self.pos = end
            else:
                break
        if self.pos == start:  # cannot happen with the callers' checks; never loop forever
            parts.append(_Lit(src[start], False))
            self.pos = start + 1
        return _Word(parts, start)

    def _single_quote(self, parts: list[_Part]) -> None:
        end = self.src.find("'", self.pos + 1)
        if end < 0:
            end = self.n
        parts.append(_Lit(self.src[self.pos + 1 : end], True))
        self.pos = min(end + 1, self.n)

    def _double_quote(self, parts: list[_Part]) -> None:
        src, n = self.src, self.n
        self.pos += 1
        parts.append(_Lit("", True))
        while self.pos < n:
            pos = self.pos
            run = _DQ_RUN.match(src, pos)
            if run:
                parts.append(_Lit(run.group(), True))
                self.pos = run.end()
                continue
            c = src[pos]
            if c == '"':
                self.pos = pos + 1
                return
            if c == "\\":
                following = src[pos + 1 : pos + 2]
                if following == "\n":
                    self.pos = pos + 2
                elif following and following in '$`"\\':
                    parts.append(_Lit(following, True))
                    self.pos = pos + 2
                else:
                    parts.append(_Lit("\\", True))
                    self.pos = pos + 1
            elif c == "$":
                self._dollar(parts, True)
            elif self.backticks:
                return
            else:
                self._backtick(parts, True)

    def _escape(self, parts: list[_Part]) -> None:
        following = self.src[self.pos + 1 : self.pos + 2]
        if following == "\n":
            self.pos += 2
        elif following:
            parts.append(_Lit(following, True))
            self.pos += 2
        else:
            parts.append(_Lit("\\", False))
            self.pos += 1

    def _dollar(self, parts: list[_Part], quoted: bool) -> None:
        src, pos = self.src, self.pos
        after = pos + 1
        following = src[after : after + 1]
        if following in ("(", "{") and self.depth < _MAX_DEPTH:
            self.depth += 1
            if following == "{":
                self._brace(parts, quoted)
            elif src.startswith("((", after):
                self.pos = self._match_paren(after)
                parts.append(_Var("", "raw", None, src[pos : self.pos], quoted))
            else:
                self.pos = after + 1
                tokens = self.tokens(")")
                parts.append(_Sub(src[pos : self.pos], tokens, quoted))
            self.depth -= 1
            return
        if following == "'" and not quoted:
            self._ansi_c(parts)
            return
        if following == '"' and not quoted:
            self.pos = after  # $"..." is a translatable string: read it as "..."
            return
        name = _NAME.match(src, after)
        if name:
            parts.append(_Var(name.group(), "", None, src[pos : name.end()], quoted))
            self.pos = name.end()
        elif following.isdigit():
            # (`$0`, `$1`: what a script was run as and with, when the caller says; else kept)
            parts.append(_Var(following, "", None, src[pos : after + 1], quoted))
            self.pos = after + 1
        elif following and following in _SPECIAL:
            parts.append(_Var("", "raw", None, src[pos : after + 1], quoted))
            self.pos = after + 1
        else:
            parts.append(_Lit("$", quoted))
            self.pos = after

    def _brace(self, parts: list[_Part], quoted: bool) -> None:
        """`${...}` with self.pos on the `$`."""
        src, n = self.src, self.n
        start = self.pos
        inner = start + 2
        length = _NAME.match(src, inner + 1) if src.startswith("#", inner) else None
        if length and src.startswith("}", length.end()):
            self.pos = length.end() + 1
            parts.append(_Var(length.group(), "len", None, src[start : self.pos], quoted))
            return
        param = _PARAM.match(src, inner)
        name = param.group() if param else ""
        pos = param.end() if param else inner
        if param and src.startswith(("[@]}", "[*]}"), pos):
            self.pos = pos + 4  # (`"${PKGS[@]}"`: every element of an array)
            parts.append(_Var(name, "all", None, src[start : self.pos], quoted))
            return
        if pos < n and src[pos] == "}":
            self.pos = pos + 1
            parts.append(_Var(name, "" if param else "raw", None, src[start : self.pos], quoted))
            return
        op_match = re.compile(_PARAM_OP).match(src, pos)
        op = op_match.group() if op_match and param else "raw"
        self.pos = op_match.end() if op_match else pos
        arg = self._brace_operand()
        parts.append(_Var(name, op, arg, src[start : self.pos], quoted))

    def _brace_operand(self) -> list[_Part]:
        src, n = self.src, self.n
        parts: list[_Part] = []
        while self.pos < n:
            pos = self.pos
            run = re.compile(_BRACE_RUN).match(src, pos)
            if run:
                parts.append(_Lit(run.group(), False))
                self.pos = run.end()
                continue
            c = src[pos]
            if c == "}":
                self.pos = pos + 1
                break
            if c == "'":
                self._single_quote(parts)
            elif c == '"':
                self._double_quote(parts)
            elif c == "\\":
                self._escape(parts)
            elif c == "$":
                self._dollar(parts, False)
            elif self.backticks:
                break
            else:
                self._backtick(parts, False)
        return parts

    def _ansi_c(self, parts: list[_Part]) -> None:
        """`$'...'` with its backslash escapes."""
        src, n = self.src, self.n
        pos = self.pos + 2
        out: list[str] = []
        while pos < n:
            c = src[pos]
            if c == "'":
                pos += 1
                break
            if c != "\\" or pos + 1 >= n:
                end = re.compile(_ANSI_RUN).match(src, pos + 1).end()  # type: ignore[union-attr]
                out.append(src[pos:end])
                pos = end
                continue
            e = src[pos + 1]
            if e in _ANSI:
                out.append(_ANSI[e])
                pos += 2
            elif e in "xuU0123456789":
                base, width, skip = (8, 3, 1) if e.isdigit() else (16, _HEX_WIDTH[e], 2)
                digits = re.compile(_OCTAL if base == 8 else _HEX).match(
                    src, pos + skip, pos + skip + width
                )
                text = digits.group() if digits else ""
                out.append(chr(min(int(text, base), 0x10FFFF)) if text else "\\" + e)
                pos += skip + len(text) if text else 2
            else:
                out.append("\\" + e)
                pos += 2
        self.pos = pos
        parts.append(_Lit("".join(out), True))

    def _backtick(self, parts: list[_Part], quoted: bool) -> None:
        start = self.pos
        self.pos += 1
        if self.depth >= _MAX_DEPTH:
            parts.append(_Lit("`", quoted))
            return
        self.depth += 1
        self.backticks += 1
        tokens = self.tokens("`")
        self.backticks -= 1
        self.depth -= 1
        parts.append(_Sub(self.src[start : self.pos], tokens, quoted))


# The no-op command `:` with its notes and nothing after them (`` `: install the tools` ``)
_NOTE = re.compile(r":(?:[ \t][^;&|\n`$()]*)?")


def _silent(sub: _Sub) -> bool:
    """A substitution that prints nothing: a comment alone, or `:` with its notes."""
    inner = sub.raw.removeprefix("$(").removesuffix(")").strip("`").strip()
    return not sub.tokens or bool(_NOTE.fullmatch(inner))


def _is_array_start(part: _Part) -> bool:
    return isinstance(part, _Lit) and not part.quoted and bool(_ASSIGN.fullmatch(part.text))


# --- parser --------------------------------------------------------------------------------------

# Reserved words that open or continue a clause without being a command themselves.
_SKIPPED = frozenset({"then", "do", "!", "{", "}", "time"})
# A substitution that lists the files one pattern names: `$(ls /tmp/*.whl)`, `` `ls -1 *.deb` ``.
_LISTED = re.compile(
    r"(?:\$\(|`)\s*ls(?:\s+-[1dtrSvXUaA]+)*(?:\s+--)?\s+([^\s;|&()<>$`'\"]+)\s*[)`]"
)


# `$(find /install -name '*.zip' | head -1)`, `$(find /opt -maxdepth 1 -type f -name 'app-*.jar')`:
# what a find of a directory prints by one name pattern (and the type of file), the first of it
_FOUND = re.compile(
    r"(?:\$\(|`)\s*find\s+(/[^\s;|&()<>$`'\"]*)(?:\s+-(?:maxdepth|mindepth)\s+\d+|\s+-type\s+f)*"
    r"\s+-name\s+['\"]?([^\s'\"/;|&()<>$`]+)['\"]?(?:\s+-type\s+f)?"
    r"(?:\s*\|\s*head(?:\s+-n)?\s+-?1)?\s*[)`]"
)


def _listed(raw: str) -> str | None:
    """The paths `$(ls PATTERN)` prints, as the pattern names them: a wildcard's matches, a
    file's name (`ls /tmp/app.whl`), or what `ls -d` names; not a directory's (`ls /x` prints
    the names inside /x, not its path). And what a find of a directory by a name's wildcard
    prints, as a wildcard there (`$(find /install -name '*.zip' | head -1)`: /install/*.zip)."""
    if (by_find := _FOUND.fullmatch(raw)) is not None and any(c in by_find[2] for c in "*?["):
        return posixpath.join(by_find[1], by_find[2])
    found = _LISTED.fullmatch(raw)
    if found is None:
        return None
    pattern = found[1]
    named = any(c in pattern for c in "*?[") or "." in posixpath.basename(pattern)
    return pattern if named or " -d" in raw else None


# `$(go env GOMODCACHE)`: where go keeps a cache, which a cleanup removes by asking go.
_GO_ENV = re.compile(r"(?:\$\(|`)\s*go\s+env\s+(GOPATH|GOMODCACHE|GOCACHE)\s*[)`]")


def go_path(env: Mapping[str, str]) -> str:
    """The first directory of GOPATH, or go's default, `~/go`."""
    return (env.get("GOPATH") or "~/go").split(":")[0]


# What `$(yarn cache dir)` stands for where no variable moved the cache: yarn 1's cache of the
# user who asks
YARN_ASKED = "/(yarn cache dir)"
# `$(pip cache dir)`, `$(npm config get cache)`, `$(uv cache dir)`, `$(yarn cache dir)`,
# `$(bazel info repository_cache)`: a manager asked where its cache is, by a cleanup that
# removes it; the variables that move it, or its place in the home.
_CACHE_ASKED = re.compile(
    r"(?:\$\(|`)\s*(?:(?:\S*/)?(?:python[\d.]*\s+-m\s+)?(?:\S*/)?(pip)[\d.]*\s+cache\s+dir"
    r"|(npm)\s+(?:config\s+)?get\s+cache|(?:\S*/)?(uv|yarn)\s+cache\s+dir"
    r"|(?:\S*/)?(bazel)(?:isk)?\s+info\s+repository_cache)"
    r"(?:\s+2>\s*/dev/null)?\s*[)`]"
)
_CACHE_PLACES: Mapping[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "pip": ("~/.cache/pip", (("PIP_CACHE_DIR", ""), ("XDG_CACHE_HOME", "/pip"))),
    "npm": ("~/.npm", (("npm_config_cache", ""), ("NPM_CONFIG_CACHE", ""))),
    "uv": ("~/.cache/uv", (("UV_CACHE_DIR", ""), ("XDG_CACHE_HOME", "/uv"))),
    "bazel": ("~/.cache/bazel/_bazel_root/cache/repos", ()),
    # (yarn 1's: every cache's files in its folder's v6/; where it is, without a variable,
    # depends on the user the shell runs as, which the RUN's effects know)
    "yarn": (YARN_ASKED, (("YARN_CACHE_FOLDER", "/v6"), ("XDG_CACHE_HOME", "/yarn/v6"))),
}


def _cache_asked(raw: str, env: Mapping[str, str]) -> str | None:
    """Where `$(pip cache dir)` and its like say the manager's cache is."""
    found = _CACHE_ASKED.fullmatch(raw)
    if found is None:
        return None
    default, moved = _CACHE_PLACES[found[1] or found[2] or found[3] or found[4]]
    for name, under in moved:
        if env.get(name):
            return env[name] + under
    return default


# What the build's machine says of itself: the default build's, linux/amd64 (TARGETARCH's
# default too): `case "$(uname -m)" in armv7l) ...` takes no armv7 branch
_MACHINE = {
    **dict.fromkeys(("uname -m", "arch", "uname --machine"), "x86_64"),
    **dict.fromkeys(("uname", "uname -s", "uname --kernel-name"), "Linux"),
    "dpkg --print-architecture": "amd64",
}


def forced(words: Sequence[str]) -> bool:
    """An rm told `-f` (or `-rf`, `--force`), its words after its name: what it names may be
    missing without a failure."""
    return any(
        w == "--force" or (w.startswith("-") and not w.startswith("--") and "f" in w)
        for w in itertools.takewhile(lambda w: w != "--", words)
    )


def _path_part(inner: str, env: Mapping[str, str]) -> str | None:
    """What `$(basename "$URL")` or `$(dirname $FILE)` prints, where the variables it names are
    known (`tar -xzf "/tmp/$(basename $SERVER_URL)"`); basename's suffix taken off; a name that
    is a wildcard, as the pattern (`$(basename app-*.zip)`)."""
    words = _path_words(inner)
    if len(words) not in (2, 3) or words[0] not in ("basename", "dirname"):
        return None
    if len(words) == 3 and words[0] == "dirname":
        return None
    path = _expanded(words[1], env)
    if path is None:
        return None
    # (a wildcard in the name alone, for basename: the one file it matches, named by the pattern
    # as `$(ls PATTERN)` is, `$(basename infino-opensearch-plugin-*.zip)`; and with the suffix
    # the pattern ends with taken off, `$(basename ${i} '.tar.gz')` of a loop over the archives)
    suffix = words[2].strip("'\"") if len(words) == 3 else ""
    name_pattern = words[0] == "basename" and (
        len(words) == 2
        or (not any(c in suffix for c in "*?[") and path.endswith(suffix) and path != suffix)
    )
    if any(c in posixpath.dirname(path) for c in "*?[") or (
        any(c in posixpath.basename(path) for c in "*?[") and not name_pattern
    ):
        return None
    if words[0] == "dirname":
        return posixpath.dirname(path.rstrip("/")) or "."
    name = posixpath.basename(path.rstrip("/"))
    return name.removesuffix(suffix) if suffix and name != suffix else name


def _path_words(inner: str) -> list[str]:
    """basename's or dirname's words, the suffix last (`basename -s .tar.gz "$f"` as
    `basename "$f" .tar.gz`)."""
    words = [w for w in inner.split() if w != "--"]  # (`basename -- "$URL"`)
    if words[:1] == ["basename"] and len(words) == 4 and words[1] in ("-s", "--suffix"):
        return ["basename", words[3], words[2]]
    if words[:1] == ["basename"] and len(words) == 3 and words[1].startswith("--suffix="):
        return ["basename", words[2], words[1].partition("=")[2]]
    return words


def _expanded(word: str, env: Mapping[str, str]) -> str | None:
    """`word` with the variables it names, unquoted; None when one is not known."""
    unknown = False

    def known(found: re.Match[str]) -> str:
        nonlocal unknown
        value = env.get(found[1] or found[2])
        unknown = unknown or value is None or "$" in value
        return value or ""

    path = _NAMED_VARIABLE.sub(known, word.strip("'\""))
    return None if unknown or not path or any(c in path for c in "`$(){}") else path


def _each_source(raw: str, env: Mapping[str, str]) -> str | None:
    """The wildcard a `$(basename PATH SUFFIX)` takes each name from, less that suffix (`for i
    in /opt/*.tar.gz; do n=$(basename $i .tar.gz)`: /opt/*.tar.gz); None for another."""
    if not (raw.startswith("$(") and raw.endswith(")")):
        return None
    words = _path_words(raw[2:-1])
    if len(words) != 3 or words[0] != "basename" or (path := _expanded(words[1], env)) is None:
        return None
    suffix = words[2].strip("'\"")
    glob = any(c in posixpath.basename(path) for c in "*?[")
    return path if glob and suffix and path.endswith(suffix) else None


_NAMED_VARIABLE = re.compile(r"\$\{(\w+)\}|\$(\w+)")


def _go_env(raw: str, env: Mapping[str, str]) -> str | None:
    """What `$(go env NAME)` prints for go's cache places: the variable, or go's default under
    the home (`~/go`, `~/go/pkg/mod`, `~/.cache/go-build`)."""
    found = _GO_ENV.fullmatch(raw)
    if found is None:
        return None
    name = found[1]
    gopath = go_path(env)
    defaults = {"GOPATH": gopath, "GOMODCACHE": gopath + "/pkg/mod", "GOCACHE": "~/.cache/go-build"}
    return env.get(name) or defaults[name]


# `$(gem environment gemdir)`: where gem installs, which a cleanup of its cache asks gem.
_GEM_ENV = re.compile(r"(?:\$\(|`)\s*gem\s+env(?:ironment)?\s+(?:gemdir|gemhome|home)\s*[)`]")


def _gem_dir(raw: str, env: Mapping[str, str]) -> str | None:
    """What `$(gem environment gemdir)` prints: GEM_HOME, or the directory it names by the
    variable's name where its value is not known (the gem directory of the Ruby that runs)."""
    if _GEM_ENV.fullmatch(raw) is None:
        return None
    return env.get("GEM_HOME") or "/$GEM_HOME"


# A directory the base image's ENV names, standing for itself by the variable's name
# (`/$CATALINA_HOME`): its value is not known, so no test of it is.
_SYMBOLIC = re.compile(r"/\$[A-Za-z_][A-Za-z0-9_]*(?=/|$)")
# The redirections that write their target.
_OUT = frozenset({">", ">>", ">|", "1>", "1>>", "&>", "&>>"})
_DECLARE = frozenset({"export", "declare", "typeset", "local", "readonly"})
_TESTS = frozenset({"[", "test", "[["})
_CONSTANTS = (["true"], ["false"], [":"])  # commands whose status is known
_SEPARATORS = frozenset({";", "\n", "&"})


def _last_and_list(tokens: list[_Token], i: int) -> bool:
    """Nothing but `&&` joins what follows `tokens[i]` to the script's end: a test there
    (`test -f /usr/local/mpi/bin/mpic++ && cd .. && rm -r openmpi-4.1.6`) fails the RUN, and
    the build, unless it holds, so what follows it runs."""
    rest = tokens[i:]
    while rest and isinstance(rest[-1], _Op) and rest[-1].op == "\n":
        rest = rest[:-1]
    return not any(isinstance(t, _Op) and t.op != "&&" for t in rest) and not any(
        isinstance(t, _Word) and t.keyword in _COMPOUND_WORDS for t in rest
    )


def _ends(tokens: list[_Token], i: int) -> bool:
    """Only newlines follow `tokens[i - 1]`: it ends the script."""
    return all(isinstance(t, _Op) and t.op == "\n" for t in tokens[i:])


# (what a compound command opens: its body is no plain and-list)
_COMPOUND_WORDS = frozenset({"if", "while", "until", "for", "case", "{", "!"})
_CASE_ENDS = frozenset({";;", ";&", ";;&"})


class _Block:
    """An if/case/loop: what was known on entry, and what any branch changed."""

    __slots__ = (
        *("changed", "cond", "cwd", "dead", "env", "kind", "moved", "pattern", "patterns"),
        *("subject", "taken", "until", "guards"),
    )

    def __init__(self, kind: str, env: dict[str, str], cwd: str | None) -> None:
        self.kind = kind
        self.env = env
        self.cwd = cwd
        self.changed: set[str] = set()
        self.moved = False
        self.pattern = False
        # An if's condition while it is read (test results, `&&`, `||`, `!`), whether the
        # branch being read never runs, and whether an earlier branch surely ran.
        self.cond: list[bool | str | None] | None = None
        self.guards: list[str] = []  # the paths its conditions test for
        self.dead = False
        self.taken = False
        # A case's word when known, and the patterns of the branch being read.
        self.subject: str | None = None
        self.patterns: list[_Word] = []
        self.until = False  # an until loop: its body runs while the condition fails


def _test(fields: list[str], pattern: str | None = None) -> bool | None:
    """What `[ A = B ]`, `test -z A`, `[[ A != B ]]` gives with its words all known; None for
    what depends on the filesystem. `pattern` is the right side of `[[ A == B ]]` as fnmatch
    reads it (`*"-preview"*`: its quoted parts literal)."""
    args = fields[1:]
    close = {"[": "]", "[[": "]]"}.get(fields[0])
    if close is not None:
        if fields[0] == "[" and (not args or args[-1] != close):
            return False  # (`[ "$X" != "1000"]`: `[` fails, "missing ]")
        if not args or args[-1] != close:
            return None
        args = args[:-1]
    joined = any(a in ("-o", "(", ")") for a in args) or (len(args) > 3 and "-a" in args[1:])
    if fields[0] != "[[" and joined:
        # (`test \( "$A" = x -a "$B" = true \)`: POSIX's -a, -o and parentheses)
        return _compound(args)
    negate = False
    while args and args[0] == "!":
        negate, args = not negate, args[1:]
    result: bool | None = None
    if len(args) == 3 and args[1] in ("=", "==", "!="):
        if fields[0] == "[[" and pattern is not None:
            result = fnmatchcase(args[0], pattern) != (args[1] == "!=")
        elif fields[0] == "[[" and any(c in args[2] for c in "*?["):
            return None
        else:
            result = (args[0] == args[2]) != (args[1] == "!=")
    elif len(args) == 3 and args[1] == "=~" and fields[0] == "[[":
        # (bash's regular expression match; one of plain characters matches where it is found,
        # `[[ "$IMAGE_NAME" =~ "dx" ]]`)
        if not re.fullmatch(r"[\w/-]+", args[2]):
            return None
        result = args[2] in args[0]
    elif len(args) == 3 and args[1] in _NUMERIC and all(_integer(a) for a in args[::2]):
        result = _NUMERIC[args[1]](int(args[0]), int(args[2]))
    elif len(args) == 2 and args[0] in ("-z", "-n"):
        result = (args[1] == "") == (args[0] == "-z")
    elif len(args) == 1:
        result = args[0] != ""
    return None if result is None else result != negate


_NUMERIC: dict[str, Callable[[int, int], bool]] = {
    "-eq": operator.eq,
    "-ne": operator.ne,
    "-lt": operator.lt,
    "-le": operator.le,
    "-gt": operator.gt,
    "-ge": operator.ge,
}


def _integer(text: str) -> bool:
    return text.lstrip("-").isdigit()


def _outcome(cond: list[bool | str | None]) -> bool | None:
    """An if's condition, `&&` and `||` left to right as the shell runs them, in three values."""
    value: bool | None = None
    pending: str | None = None
    negate = False
    for item in cond:
        if item in ("&&", "||"):
            pending = str(item)
        elif item == "!":
            negate = not negate
        else:
            result = None if item is None else bool(item) != negate
            negate = False
            value = _joined(value, result, pending == "||") if pending else result
    return value


def _joined(value: bool | None, result: bool | None, absorbs: bool) -> bool | None:
    """Three-valued `and` (False absorbs) or `or` (True absorbs): None where it depends on what
    is not known."""
    if absorbs in (value, result):
        return absorbs
    return None if None in (value, result) else not absorbs


_UNARY = frozenset({"-z", "-n", "-e", "-f", "-d", "-x", "-r", "-w", "-s", "-L", "-h", "-b", "-c"})
_BINARY = frozenset({"=", "==", "!=", *_NUMERIC, "-nt", "-ot", "-ef"})


def _compound(args: list[str]) -> bool | None:
    """A `test` of primaries joined by `-a` and `-o` (and grouped by `(` `)`), in three
    values: None where a primary depends on the filesystem or the words do not parse."""
    at = 0

    def primary() -> bool | None:
        nonlocal at
        if at < len(args) and args[at] == "!":
            at += 1
            inner = primary()
            return None if inner is None else not inner
        if at < len(args) and args[at] == "(":
            at += 1
            inner = either()
            if at >= len(args) or args[at] != ")":
                raise ValueError
            at += 1
            return inner
        if at + 2 < len(args) and args[at + 1] in _BINARY:
            words, at = args[at : at + 3], at + 3
        elif at + 1 < len(args) and args[at] in _UNARY:
            words, at = args[at : at + 2], at + 2
        elif at < len(args):
            words, at = args[at : at + 1], at + 1
        else:
            raise ValueError
        return _test(["test", *words])

    def joined(operand: Callable[[], bool | None], word: str, absorbs: bool) -> bool | None:
        nonlocal at
        value = operand()
        while at < len(args) and args[at] == word:
            at += 1
            value = _joined(value, operand(), absorbs)
        return value

    def both() -> bool | None:  # (-a binds tighter than -o)
        return joined(primary, "-a", False)

    def either() -> bool | None:
        return joined(both, "-o", True)

    try:
        value = either()
    except ValueError:
        return None
    return value if at == len(args) else None


# test's operators that ask whether a path is there (and of what kind).
_FILE_TESTS = frozenset({"-e", "-f", "-d", "-x", "-r", "-w", "-s", "-L", "-h", "-a"})


def _tested(fields: list[str], cwd: str | None) -> list[str]:
    """The paths a `[`, `[[` or `test` command asks about with a file test."""
    return [
        path
        for test, word in itertools.pairwise(fields[1:])
        if test in _FILE_TESTS and (path := resolve_path(word, cwd)) is not None
    ]


class _Parser:
    """Groups tokens into commands and follows the state they change: cwd, variables."""

    def __init__(
        self, newlines: list[int], cwd: str | None, env: dict[str, str], out: list[Command]
    ) -> None:
        self.newlines = newlines
        self.cwd = cwd
        self.env = env
        self.out = out
        self.braces = False  # (bash's brace expansion: `{a,b}` is two words)
        self.dirs: list[str | None] = []
        # (`cd libwebsockets-*`: a directory not known, this many levels below a known one,
        # which `cd ..` comes back to)
        self.below: tuple[str, int] | None = None
        self.blocks: list[_Block] = []
        self.subshells: list[tuple[str | None, dict[str, str], list[str | None], int]] = []
        self.words: list[_Word] = []
        self.assigns: list[_Word] = []
        self.redirs: list[_Redir] = []
        # After `||` (or `&&` after a test) what runs may not: its assignments and cd are guesses.
        self.conditional = False
        # The commands run when a `||` made what follows conditional: `|| true` after them
        # makes it unconditional again.
        self.allowed: int | None = None
        self.last_was_test = False
        self.tested: list[str] = []  # the paths the last test asked about
        self.guards: list[str] = []  # those of the tests the commands since `&&` depend on
        # The variables that name each of several files by a wildcard without their suffix
        # (`name=$(basename $i .tar.gz)` in a loop over /opt/*.tar.gz): `/opt/$name.tar.gz` is
        # each archive, `rm -rf /opt/$name` not every file in /opt.
        self.each: dict[str, str] = {}
        # `[ "$A" = x ] && cmd` with A known: the outcome of the last test, and the operator
        # after which commands are skipped (`&&` after a false test, `||` after a true one).
        self.last_test: bool | None = None
        self.negated = False  # `! cmd && x`: cmd's status is turned over
        # (the command after an `||` whose left side's status is not known: `false` there
        # fails the list only when that side failed, `(make || (cat log && false)) && rm x`)
        self.after_unknown_or = False
        self.or_operands: list[bool] = []  # (that, where each open subshell began)
        self.skipping: str | None = None
        # (what was skipping where each open subshell began: `true || ( ... )` skips it whole)
        self.skipped_at: list[str | None] = []
        # (and whether what ran there was conditional, which its own `||` does not change for
        # the list after it: `( id -u x || useradd x ) && cd /tmp && tar xf a.tgz`)
        # (with the `before_or` and `list_began` of the list it opened in, below)
        self.conditional_at: list[
            tuple[bool, list[str], tuple[bool, list[str]] | None, tuple[bool, list[str]]]
        ] = []
        # What was conditional where the and-or list began (and where each open subshell's
        # did), and while a `||` is the last operator, that state again: a subshell after it is
        # the `||`'s other side, and the list after the subshell runs whichever side did
        # (`getent passwd x || ( groupadd x; useradd x ) && cd /opt`, `a || b || ( c; d ) &&
        # cd`, `[ -n "$X" ] && e || ( f ) && cd` run the cd either way)
        self.before_or: tuple[bool, list[str]] | None = None
        self.list_began: tuple[bool, list[str]] = (False, [])
        self.listed = len(out)  # where the list since the last separator began in `out`
        # (an `exit 0` the script surely reaches, not in a branch, subshell or after `||`:
        # nothing after it runs, `... && exit 0 && npm cache clean`)
        self.exited = False
        self.piped = False  # (the command being read follows a `|`)

    def feed(self, tokens: list[_Token]) -> None:
        i, count = 0, len(tokens)
        while i < count:
            token = tokens[i]
            i += 1
            block = self.blocks[-1] if self.blocks else None
            if block is not None and block.pattern:
                if isinstance(token, _Op) and token.op == ")":
                    block.pattern = False
                    self._decide(block)
                elif isinstance(token, _Word) and token.keyword == "esac":
                    self._close("case")
                elif isinstance(token, _Word):
                    block.patterns.append(token)
                continue
            if isinstance(token, _Op):
                i = self._operator(token.op, tokens, i)
            elif isinstance(token, _Redir):
                self.redirs.append(token)
            elif self.words or self.assigns or self.redirs:
                if not self.words and _split_assignment(token):
                    self.assigns.append(token)
                else:
                    self.words.append(token)
            else:
                i = self._first_word(token, tokens, i)
        self._finish()

    def _operator(self, op: str, tokens: list[_Token], i: int) -> int:
        if op == "(":
            following = tokens[i] if i < len(tokens) else None
            if len(self.words) == 1 and isinstance(following, _Op) and following.op == ")":
                self.words = []  # name() { ...; } defines a function, runs nothing
                return i + 1
            self._finish()
            self.subshells.append((self.cwd, dict(self.env), list(self.dirs), len(self.blocks)))
            self.skipped_at.append(self.skipping)
            self.or_operands.append(self.after_unknown_or)
            self.after_unknown_or = False
            state = (self.conditional, list(self.guards))
            self.conditional_at.append((*state, self.before_or, self.list_began))
            self.before_or, self.list_began = None, state
            return i
        emitted = len(self.out)
        self._finish()
        if op in ("|", "|&"):
            # (a pipeline's commands run in subshells: an `exit` there ends its own alone)
            self.exited = False
        self.piped = op in ("|", "|&")
        if op == "&" and not (self.blocks or self.subshells) and _ends(tokens, i):
            # (`RUN go run ./worker/main.go &`: the shell exits at once, and the build ends
            # the RUN's container with what it left running, before it wrote anything)
            del self.out[self.listed :]
        if op in _SEPARATORS and not (self.blocks or self.subshells):
            self.listed = len(self.out)  # (a compound's own lists are the compound's)
        if (
            op == "||"
            and len(self.out) > emitted
            and not self.last_was_test
            # (not a find's: what fails there is a -delete or -exec it ran, `find /venv -name
            # __pycache__ -exec rm -rf {} + || true`, not the search of its root)
            and self.out[emitted].words[:1] != ("find",)
            # (nor a forced rm's, which a missing path never fails: `rm -rf obj bin || true`)
            and not (self.out[emitted].words[:1] == ("rm",) and forced(self.out[emitted].words[1:]))
        ):
            # (`mv /etc/yum/protected.d/systemd.conf{,.bak} || true`: as a test before it, a
            # failure allowed says the author did not know the paths are there)
            command = self.out[emitted]
            named = tuple(w for w in command.words[1:] if not w.startswith("-"))
            self.out[emitted] = command._replace(guarded=command.guarded + named)
        if op == ")":
            if self.subshells:
                self.cwd, self.env, self.dirs, depth = self.subshells.pop()
                del self.blocks[depth:]
            if self.or_operands and self.or_operands.pop() and self.last_test is False:
                self.last_test = None  # (the whole subshell was that `||`'s right side)
            if self.conditional_at:
                # (what ran in it as a whole was conditional only where the list it began in
                # was and it ended so: a `;` inside settles it, `[ -f x ] && ( a; b ) && cd`)
                conditional, guards, before_or, self.list_began = self.conditional_at.pop()
                inside = (self.conditional, self.guards)
                settled = (conditional and inside[0], [*guards, *inside[1]] if inside[0] else [])
                self.conditional, self.guards = before_or or settled
        elif op in _CASE_ENDS and self.blocks and self.blocks[-1].kind == "case":
            self._branch(self.blocks[-1])
            self.blocks[-1].pattern = True
            if op != ";;":  # a fall-through (`;&`, `;;&`): what runs next is not decided here
                self.blocks[-1].subject, self.blocks[-1].taken = None, False
        known = self.last_test if self.last_was_test else None
        # (`./b2 install || true && cd .. && rm -rf boost_1_73_0`: the list before `|| true`
        # ran, as a build that passes runs it, and what follows it runs whatever it gave)
        allowed = self.allowed
        self.allowed = None
        self.after_unknown_or = self.after_unknown_or or (op == "||" and known is None)
        if op == "||" and known is not False and not self.conditional:
            self.allowed = len(self.out)
        if op == "&&" and known is True and allowed is not None and len(self.out) == allowed + 1:
            self.conditional = False
        elif (op == "||" and known is not False) or (
            op == "&&"
            and self.last_was_test
            and known is not True
            and not (not self.blocks and not self.subshells and _last_and_list(tokens, i))
        ):
            self.conditional = True
            if op == "&&":
                self.guards.extend(self.tested)
        elif op in _SEPARATORS or op in _CASE_ENDS:
            self.conditional = False
            self.guards = []
        if op in _SEPARATORS or op in _CASE_ENDS:
            self.list_began = (self.conditional, list(self.guards))
        self.before_or = self.list_began if op == "||" else None
        reading = self._reading()
        if reading is not None and op in ("&&", "||"):
            reading.append(op)
        if op in ("&&", "||"):
            outcome = self.last_test if self.last_was_test else None
            if self.skipping is None and outcome is (op == "||"):
                self.skipping = op  # `false && x`, `true || x`: x never runs
            elif self.skipping is not None and op != self.skipping:
                self.skipping = None
        elif op == ")" and self.skipped_at:
            # (a subshell skipped whole, whatever its own lists did: `[ "$T" != raspi ] || (
            # ( [ ... ] || echo ... ) && apt-get update )`)
            self.skipping = self.skipped_at.pop()
        elif op in _SEPARATORS or op in _CASE_ENDS or op in ("(", ")", "|"):
            self.skipping = None
        return i

    def _first_word(self, word: _Word, tokens: list[_Token], i: int) -> int:
        """Handle a word at the start of a command: a reserved word, assignment or the name."""
        keyword = word.keyword
        if keyword == "do" and self.blocks and self.blocks[-1].cond is not None:
            # `while false; do`, `until true; do`: a body the condition never lets run
            block = self.blocks[-1]
            truth = _outcome(block.cond or [])
            block.cond = None
            block.dead = truth is block.until  # (while runs on true, until on false)
            return i
        if keyword == "then" and self.blocks and self.blocks[-1].cond is not None:
            block = self.blocks[-1]
            truth = _outcome(block.cond or [])
            block.cond = None
            block.dead = block.taken or truth is False
            block.taken = block.taken or truth is True
            return i
        if keyword == "!":
            # (the status turned over is the test's own, which a condition being read takes and
            # the `&&` after it goes by: `if ! [ -z "$P" ] && [ "$P" = true ]`; a group's is
            # its last list's, which the condition turns over as a whole: `if ! ( a && b )`)
            following = tokens[i] if i < len(tokens) else None
            grouped = (isinstance(following, _Op) and following.op == "(") or (
                isinstance(following, _Word) and following.keyword == "{"
            )
            if grouped and (reading := self._reading()) is not None:
                reading.append("!")
                return i
            self.negated = not self.negated
            return i
        if keyword in _SKIPPED:
            return i
        if keyword in ("if", "while", "until"):
            self._open(keyword if keyword == "if" else "loop")
            self.blocks[-1].cond = []
            self.blocks[-1].until = keyword == "until"
        elif keyword in ("elif", "else"):
            if any(b.kind == "if" for b in self.blocks):
                self._close_to("if", keep=True)
                block = self.blocks[-1]
                block.dead = block.taken
                if keyword == "elif":
                    block.cond = []
        elif keyword in ("fi", "done", "esac"):
            self._close({"fi": "if", "done": "loop", "esac": "case"}[keyword])
        elif keyword in ("for", "select"):
            return self._for(tokens, i)
        elif keyword == "case":
            return self._case(tokens, i)
        elif keyword == "function":
            if i < len(tokens) and isinstance(tokens[i], _Word):
                i += 1
            if i + 1 < len(tokens) and _is_op(tokens[i], "(") and _is_op(tokens[i + 1], ")"):
                i += 2
        elif _split_assignment(word):
            self.assigns.append(word)
        else:
            self.words.append(word)
        return i

    def _for(self, tokens: list[_Token], i: int) -> int:
        """Skip `for NAME in WORDS; do`, running any $(...) in the words. With one plain word
        (`for f in /opt/*.zip`) the body sees NAME as that word, a glob standing for each file."""
        self._open("loop")
        count = len(tokens)
        head = tokens[i] if i < count else None
        name = None
        if isinstance(head, _Word) and head.keyword is not None:
            i += 1
            name = head.keyword
            self.env.pop(name, None)
        separated = True  # `for x do` is valid too
        items: list[_Word] = []
        while i < count:
            token = tokens[i]
            i += 1
            if isinstance(token, _Op):
                separated = token.op in ("\n", ";")
                continue
            if isinstance(token, _Word):
                if separated and token.keyword == "do":
                    break
                separated = False
                if token.keyword != "in" or items or name is None:
                    items.append(token)
                self._run_substitutions([token])
        unquoted = all(not part.quoted for item in items for part in item.parts)
        if name is not None and items and unquoted:
            values = [self._value_of(item) for item in items]
            if all(known for _, known in values) and not "".join(v for v, _ in values).split():
                # (`for p in ${PLUGINS}` with PLUGINS empty by default: the body never runs)
                self.blocks[-1].dead = True
            end = _loop_end(tokens, i) if 2 <= len(items) <= _UNROLLED else None
            if end is not None and all(known and _one_name(v) for v, known in values):
                # (`for dir in /tmp/dist /runner; do mkdir -p $dir; done`: the body runs once for
                # each word, in turn)
                body = [*tokens[i:end], _OPS[";"]]
                self.blocks.pop()
                for value, _ in values:
                    self.env[name] = value
                    self.feed(body)
                return end + 1
        if name is not None and len(items) == 1:
            # (quoted too, `for p in "/tmp/plugins/*.zip"`: `$p` unquoted is each file; and one
            # quoted word of several, `for f in "/a.sh /b.sh"`, runs once, `$f` unquoted split)
            item = items[0]
            end = _loop_end(tokens, i)
            body = tokens[i:end] if end is not None else tokens[i:]
            plain = all(isinstance(p, _Lit) for p in item.parts)
            if plain and len(item.literal.split()) > 1:
                # (not where the body quotes it, `"$f"`: one path with the spaces in it)
                plain = not any(
                    isinstance(t, _Word)
                    and any(isinstance(p, _Var) and p.name == name and p.quoted for p in t.parts)
                    for t in body
                )
            word = item.keyword or (item.literal if plain else None)
            if word is not None and end is not None and not set("*?[") & set(word):
                # (one word that names no wildcard: the body runs once, and the variable keeps
                # that value after `done`, `for r in "a b"; do ...; done && rm $r`)
                self.blocks.pop()
                self.env[name] = word
                self.feed([*body, _OPS[";"]])
                return end + 1
            if word is not None:
                self.env[name] = word
            else:
                listed = self._loop_listing(item)
                if listed is not None:
                    self.env[name] = listed
        return i

    def _loop_listing(self, item: _Word) -> str | None:
        """The pattern a loop's `$(ls *.deb)` lists, each file in turn as a glob in the words do
        (`for f in $(ls *.deb); do dpkg -i "$f"; done`), its errors discarded or its lines
        sorted alike. (Not a directory's listing, `$(ls /tmp/debs)`: names, which the body may
        turn into other files' names as well, `envsubst < $f > $(basename $f .templ)`.)"""
        if len(item.parts) != 1 or not isinstance(item.parts[0], _Sub) or item.parts[0].quoted:
            return None
        tokens = [t for t in item.parts[0].tokens if not (isinstance(t, _Op) and t.op == "\n")]
        pipe = next((n for n, t in enumerate(tokens) if isinstance(t, _Op)), len(tokens))
        ops = [t.op for t in tokens[pipe : pipe + 1] if isinstance(t, _Op)]
        after = [t.keyword for t in tokens[pipe + 1 :] if isinstance(t, _Word)]
        if ops and (ops != ["|"] or after[:1] != ["sort"] or len(after) < len(tokens) - pipe - 1):
            return None
        words: list[_Word] = []
        for token in tokens[:pipe]:
            if isinstance(token, _Word):
                words.append(token)
            elif not (isinstance(token, _Redir) and token.op == "2>"):
                return None
        texts = [self._value_of(w) for w in words]
        if not texts or texts[0] != ("ls", True) or not all(known for _, known in texts):
            return None
        listed = _listed(f"$({' '.join(t for t, _ in texts)})")
        return listed if listed and set("*?[") & set(listed) else None

    def _case(self, tokens: list[_Token], i: int) -> int:
        """Skip `case WORD in`; the patterns are skipped by feed() until their `)`."""
        self._open("case")
        words: list[_Word] = []
        count = len(tokens)
        while i < count:
            token = tokens[i]
            i += 1
            if isinstance(token, _Word):
                if words and token.keyword == "in":
                    break
                words.append(token)
        self._run_substitutions(words)
        block = self.blocks[-1]
        block.pattern = True
        if len(words) == 1:
            subject, exact = self._value_of(words[0])
            block.subject = subject if exact else None
        return i

    def _decide(self, block: _Block) -> None:
        """Whether the case branch whose patterns were just read runs: its word is known and
        matches one (or none) of them, and no earlier branch surely ran."""
        patterns = [self._pattern_of(w) for w in block.patterns]
        block.patterns = []
        match: bool | None = None
        if block.subject is not None:
            subject = block.subject
            if any(exact and fnmatchcase(subject, p) for p, exact in patterns):
                match = True
            elif all(exact for _, exact in patterns):
                match = False
        block.dead = block.taken or match is False
        block.taken = block.taken or match is True

    def _pattern_of(self, word: _Word) -> tuple[str, bool]:
        """A case pattern as fnmatch reads it (quoted parts literal, `"*"` is a star), and
        whether all of it is known."""
        if word.keyword is not None:
            return word.keyword, True
        out: list[str] = []
        exact = True
        for part in word.parts:
            text, known = self._join([part], [])
            exact = exact and known
            quoted = isinstance(part, _Lit) and part.quoted
            out.append("".join(f"[{c}]" if c in "*?[" else c for c in text) if quoted else text)
        return "".join(out), exact

    def _value_of(self, word: _Word) -> tuple[str, bool]:
        """A word's text without field splitting, and whether all of it is known."""
        return (word.keyword, True) if word.keyword is not None else self._join(word.parts, [])

    def _open(self, kind: str) -> None:
        self.blocks.append(_Block(kind, dict(self.env), self.cwd))

    def _reading(self) -> list[bool | str | None] | None:
        """The condition of the innermost if, while it is being read."""
        return self.blocks[-1].cond if self.blocks else None

    def _dead(self) -> bool:
        """The command being read never runs: a branch whose condition is known false, or
        the rest of `false && ...`, or a subshell that list skips whole."""
        return (
            self.exited
            or self.skipping is not None
            or any(b.dead for b in self.blocks)
            or any(s is not None for s in self.skipped_at)
        )

    def _branch(self, block: _Block) -> None:
        """Start another branch of `block` from the state it was entered with."""
        env = self.env
        block.changed.update(
            k for k in env.keys() | block.env.keys() if env.get(k) != block.env.get(k)
        )
        block.moved = block.moved or self.cwd != block.cwd
        self.env = dict(block.env)
        self.cwd = block.cwd

    def _close(self, kind: str) -> None:
        if any(b.kind == kind for b in self.blocks):
            self._close_to(kind, keep=False)

    def _close_to(self, kind: str, keep: bool) -> None:
        """Close blocks down to the innermost `kind`; with keep, open its next branch instead.

        Whatever some branch changed is unknown afterwards: it depends on which branch ran.
        """
        while self.blocks:
            block = self.blocks[-1]
            self._branch(block)
            if block.kind == kind and keep:
                return
            self.blocks.pop()
            for name in block.changed:
                self.env.pop(name, None)
            if block.moved:
                self.cwd = None
            if block.kind == kind:
                return

    def _finish(self) -> None:
        """Emit the command collected so far and apply what it changes."""
        words, assigns, redirs = self.words, self.assigns, self.redirs
        if not (words or assigns or redirs):
            return
        self.words, self.assigns, self.redirs = [], [], []
        if self._dead():
            self.last_was_test = self.negated = False
            return
        subs: list[list[_Token]] = []
        pairs: list[tuple[str, str, bool]] = []
        for word in assigns:
            name, append, value_parts = _split_assignment(word) or ("", False, [])
            value, exact = self._join(value_parts, subs)
            pairs.append((name, value, append))
            subs_of = (_each_source(p.raw, self.env) for p in value_parts if isinstance(p, _Sub))
            if (source := next(filter(None, subs_of), None)) is not None:
                self.each[name] = source
            else:
                self.each.pop(name, None)
            if not words:
                self._assign(name, value if exact else None, append)
        fields: list[str] = []
        literal: list[str] = []
        each: list[tuple[str, str]] = []  # (the words a variable of `self.each` is part of)
        first: int | None = None
        declares = False
        for word in words:
            split = _split_assignment(word) if declares else None
            if split is not None:
                name, append, value_parts = split
                value, exact = self._join(value_parts, subs)
                fields.append(f"{name}{'+=' if append else '='}{value}")
                self._assign(name, value if exact else None, append)
            elif word.keyword is not None:
                if first is None:
                    first = word.pos
                    declares = word.keyword in _DECLARE
                fields.extend(
                    _brace_expanded(word.keyword)
                    if self.braces and "{" in word.keyword
                    else (word.keyword,)
                )
            else:
                expanded = self._fields(word.parts, subs)
                named = [p.name for p in word.parts if isinstance(p, _Var) and p.name in self.each]
                each.extend((field, self.each[named[0]]) for field in expanded if named)
                if self.braces and any(
                    isinstance(p, _Lit) and not p.quoted and _BRACE_LIST.search(p.text)
                    for p in word.parts
                ):
                    expanded = [w for f in expanded for w in _brace_expanded(f)]
                if expanded and first is None:
                    first = word.pos
                    declares = expanded[0] in _DECLARE
                fields.extend(expanded)
                if word.quoted_glob:
                    literal.extend(expanded)
        redirects: tuple[Redirect, ...] = ()
        if redirs:
            converted = (self._redirect(r, subs) for r in redirs)
            redirects = tuple(r for r in converted if r is not None)
        self.last_was_test = bool(fields) and (fields[0] in _TESTS or fields in _CONSTANTS)
        self.last_test = None
        if (
            self.last_was_test
            and all(self._join(w.parts, [])[1] for w in words if w.keyword is None)
            and not any(_SYMBOLIC.search(f) for f in fields)
        ):
            # (`if $JUPYTER; then` with ARG JUPYTER=false runs `false`.)
            pattern = None
            if fields[0] == "[[" and len(words) == 5 and words[2].keyword in ("=", "==", "!="):
                pattern = self._pattern_of(words[3])[0]
            self.last_test = _test(fields, pattern) if fields[0] in _TESTS else fields != ["false"]
        elif self.last_was_test and fields[0] == "[" and fields[-1] != "]":
            # (`[ "$TARGETPLATFORM" != "linux/arm/v7"]`: `[` fails, "missing ]", whatever
            # the variable holds; not when the last word is unknown, `[ -n $X ]`'s `$X ]`)
            self.last_test = False if self._join(words[-1].parts, [])[1] else None
        if self.negated and self.last_test is not None:
            self.last_test = not self.last_test
        self.negated = False
        if self.after_unknown_or and self.last_test is False:
            self.last_test = None
        self.after_unknown_or = False
        self.tested = _tested(fields, self.cwd) if self.last_was_test else []
        reading = self._reading()
        if reading is not None:
            reading.append(self.last_test if self.last_was_test else None)
            self.blocks[-1].guards.extend(self.tested)
        if fields and first is not None:
            line = bisect.bisect_left(self.newlines, first)
            assignments = tuple((name, value) for name, value, _ in pairs)
            assignments += _env_assignments(fields)
            guarded = [p for b in self.blocks if b.cond is None for p in b.guards]
            guarded += self.guards if self.conditional else []
            self.out.append(
                Command(
                    tuple(fields),
                    assignments,
                    redirects,
                    self.cwd,
                    line,
                    tuple(literal),
                    tuple(guarded),
                    tuple(each),
                )
            )
            self._effects(fields)
            if fields[0] == "exit" and fields[1:] in ([], ["0"]):
                self.exited = not (self.blocks or self.subshells or self.conditional or self.piped)
        elif not fields and not assigns and (written := [r for r in redirects if r.op in _OUT]):
            # (`{ echo '#!/bin/sh'; ...; } > /usr/local/bin/x`: the group's output, as `> x`
            # alone, writes the file)
            line = bisect.bisect_left(self.newlines, redirs[0].pos)
            self.out.append(Command((":",), (), tuple(written), self.cwd, line, (), ()))
        self._run_substitutions_tokens(subs)

    def _run_substitutions(self, words: list[_Word]) -> None:
        subs: list[list[_Token]] = []
        for word in words:
            self._fields(word.parts, subs)
        self._run_substitutions_tokens(subs)

    def _run_substitutions_tokens(self, subs: list[list[_Token]]) -> None:
        for tokens in subs:
            _Parser(self.newlines, self.cwd, dict(self.env), self.out).feed(tokens)

    def _assign(self, name: str, value: str | None, append: bool) -> None:
        """Record `name=value`; None (or a guess) leaves the name unknown. An array, `name=(a
        b)`, keeps its elements under `name[@]` (which block state follows as it follows any
        variable), and `$name` is not known: after a branch changed the array, its first
        element would say it is still there."""
        key = name + _ELEMENTS
        array = value is not None and value.startswith("(") and value.endswith(")")
        if (
            value is None
            or self.conditional
            or (append and (key if array else name) not in self.env)
        ):
            self.env.pop(name, None)
            self.env.pop(key, None)
        elif array:
            items = _array_items(value[1:-1])
            if append:
                items = [*filter(None, self.env.get(key, "").split("\n")), *items]
            self.env[key] = "\n".join(items)
            self.env.pop(name, None)
        else:
            self.env.pop(key, None)
            self.env[name] = self.env[name] + value if append else value

    def _effects(self, words: list[str]) -> None:
        """What a command changes in the shell itself: directory, variables."""
        name, args = words[0], words[1:]
        if name in ("cd", "pushd"):
            while args and args[0].startswith("-") and args[0] != "-":
                option = args.pop(0)
                if option == "--":
                    break
            target = args[0] if args else None
            if name == "pushd":
                self.dirs.append(self.cwd)
            below, self.below = self.below, None
            self.cwd = self._chdir(target, below)
        elif name == "popd":
            self.cwd = self.dirs.pop() if self.dirs else None
        elif name in ("unset", "read", "readarray", "mapfile", "getopts"):
            for arg in args:
                self.env.pop(arg, None)

    def _chdir(self, target: str | None, below: tuple[str, int] | None = None) -> str | None:
        home = self.env.get("HOME", "")
        if (target is None or target == "~" or target.startswith("~/")) and home.startswith("/"):
            target = home + (target or "~")[1:]  # (`cd` alone, `cd ~`: the home)
        if target is None or self.conditional or target in ("", "-"):
            return None
        if self.cwd is None and below is not None and set(target.split("/")) <= {"..", ""}:
            # (`cd libwebsockets-* && make install && cd ..`: back where the archive was)
            known, depth = below
            up = target.split("/").count("..")
            if up < depth:
                self.below = (known, depth - up)
                return None
            return resolve_path("/".join([".."] * (up - depth)) or ".", known)
        if (
            self.cwd is None
            and below is not None
            and not target.startswith(("/", "~", "+", "-"))
            and not any(c in target for c in "$`*?[")
            and ".." not in target.split("/")
        ):
            # (`cd build` in it: one level further down)
            self.below = (
                below[0],
                below[1] + len([p for p in target.split("/") if p not in ("", ".")]),
            )
            return None
        symbolic = _SYMBOLIC.match(target)  # (the base image's `$APP_HOME`, by its name)
        rest = target[symbolic.end() :] if symbolic else target
        if target.startswith(("~", "+", "-")) or any(c in rest for c in "$`*?["):
            parent, _, name = target.rstrip("/").rpartition("/")
            if (
                self.cwd is not None
                and not target.startswith(("~", "+", "-"))
                and not any(c in parent for c in "$`*?[")
                and not any(c in name for c in "$`")
                and (above := resolve_path(parent or ".", self.cwd)) is not None
            ):
                self.below = (above, 1)
            return None
        if symbolic and ".." in rest.split("/"):
            return None  # (above that directory: a place not known)
        return resolve_path(target, self.cwd)

    def _redirect(self, redir: _Redir, subs: list[list[_Token]]) -> Redirect | None:
        op = redir.op
        if redir.delimiter is not None:
            return Redirect(op, redir.delimiter)
        if redir.target is None:
            return None
        target, _ = self._join(redir.target.parts, subs)
        if op.endswith("<<<") or (op.endswith("&") and (target == "-" or target.isdecimal())):
            return Redirect(op, target)
        if not target.startswith(("$", "~", "`")):
            target = resolve_path(target, self.cwd) or target
        return Redirect(op, target)

    # --- expansion ---

    def _join(self, parts: list[_Part], subs: list[list[_Token]]) -> tuple[str, bool]:
        """The text of parts without field splitting, and whether every part was known."""
        out: list[str] = []
        exact = True
        for part in parts:
            if isinstance(part, _Lit):
                out.append(part.text)
            elif isinstance(part, _Var):
                known = self._value(part, subs)
                if known is None:
                    out.append(part.raw)
                    exact = False
                else:
                    out.append(known[0])
                    exact = exact and known[1]
            elif (listed := self._printed(part.raw)) is not None:
                # (`WHEEL=$(ls /tmp/*.whl)`: the files the pattern names, by their paths)
                out.append(listed)
            else:
                out.append(part.raw)
                subs.append(part.tokens)
                exact = False
        return "".join(out), exact

    def _fields(self, parts: list[_Part], subs: list[list[_Token]]) -> list[str]:
        """The words a word expands to: known unquoted variables split on blanks."""
        if len(parts) == 1:
            only = parts[0]
            if isinstance(only, _Lit) and only.text:
                return [only.text]
        fields: list[str] = []
        current: list[str] = []
        started = False
        for part in parts:
            if isinstance(part, _Lit):
                current.append(part.text)
                started = started or part.quoted or bool(part.text)
                continue
            if isinstance(part, _Sub) and not part.quoted and _silent(part):
                continue  # (`` `# Install prerequisites` apt update``: a comment prints nothing)
            if isinstance(part, _Sub):
                listed = self._printed(part.raw)
                # (`pip install $(ls *.whl)`: the files the pattern names, by their paths; it
                # runs nothing that writes)
                current.append(part.raw if listed is None else listed)
                if listed is None:
                    subs.append(part.tokens)
                started = True
                continue
            known = self._value(part, subs)
            if known is None:
                current.append(part.raw)
                started = True
            elif (part.quoted and part.op != "all") or not known[1]:
                # (`"${PKGS[@]}"` is a word for each element, quoted or not)
                current.append(known[0])
                started = True
            else:
                value = known[0]
                pieces = value.split()
                if started and value[:1].isspace():
                    fields.append("".join(current))
                    current, started = [], False
                for k, piece in enumerate(pieces):
                    if k:
                        fields.append("".join(current))
                        current = []
                    current.append(piece)
                    started = True
                if pieces and value[-1:].isspace():
                    fields.append("".join(current))
                    current, started = [], False
        if started:
            fields.append("".join(current))
        return fields

    def _printed(self, raw: str) -> str | None:
        """What a substitution known here prints: `$(ls *.whl)`, `$(go env GOCACHE)`."""
        inner = raw.removeprefix("$(").removesuffix(")").strip("`")
        return (
            _listed(raw)
            or _go_env(raw, self.env)
            or _gem_dir(raw, self.env)
            or _cache_asked(raw, self.env)
            or _MACHINE.get(" ".join(inner.split()))
            or _path_part(inner, self.env)
            # (the directory the shell is in: `SRC="$(pwd)/spectral-linux-x64"`)
            or (self.cwd if " ".join(inner.split()) in ("pwd", "pwd -P", "pwd -L") else None)
        )

    def _value(self, var: _Var, subs: list[list[_Token]]) -> tuple[str, bool] | None:
        """The text of a parameter expansion and whether it is fully known; None keeps it as
        written. A default or alternative word may itself hold unknown parts."""
        op = var.op
        if op == "raw":
            return None
        if op == "all":  # (a variable that is no array is its one element)
            items = self.env.get(var.name + _ELEMENTS)
            value = self.env.get(var.name) if items is None else " ".join(items.split("\n"))
            return None if value is None else (value, True)
        value = self.env.get(var.name)
        if value is None and var.name == "PWD":
            value = self.cwd  # (the shell's own: the directory it is in, `rm -rf "$PWD"`)
        if op in ("", ":?", "?"):
            return None if value is None else (value, True)
        if op == "len":
            return None if value is None else (str(len(value)), True)
        arg = var.arg or []
        if op in (":-", "-", ":=", "="):
            if value is not None and (value or op in ("-", "=")):
                return value, True
            default, exact = self._join(arg, subs)
            if op in (":=", "=") and exact:
                self.env[var.name] = default
            return default, exact
        if op in (":+", "+"):
            if value is None:
                return None
            return self._join(arg, subs) if value or op == "+" else ("", True)
        if op in ("#", "##", "%", "%%") and value is not None and len(value) <= 256:
            pattern, exact = self._join(arg, subs)
            return (_remove_affix(value, op, pattern), True) if exact else None
        return None


# Where an array's elements are kept among the variables, one per line.
_ELEMENTS = "[@]"


def _array_items(text: str) -> list[str]:
    """The elements of an array's `( ... )`, its comments left out."""
    items: list[str] = []
    for line in text.split("\n"):
        for word in line.split():
            if word.startswith("#"):
                break
            items.append(word)
    return items


def _remove_affix(value: str, op: str, pattern: str) -> str:
    """`${v#p}` `${v##p}` `${v%p}` `${v%%p}`: drop the shortest/longest matching prefix/suffix."""
    size = len(value)
    if op in ("#", "##"):
        for i in range(size + 1) if op == "#" else range(size, -1, -1):
            if fnmatchcase(value[:i], pattern):
                return value[i:]
    else:
        for i in range(size, -1, -1) if op == "%" else range(size + 1):
            if fnmatchcase(value[i:], pattern):
                return value[:i]
    return value


def _split_assignment(word: _Word) -> tuple[str, bool, list[_Part]] | None:
    """`NAME=value` / `NAME+=value` as (name, append, value parts); None for other words."""
    first = word.parts[0] if word.parts else None
    if not isinstance(first, _Lit) or first.quoted or "=" not in first.text:
        return None
    match = _ASSIGN.match(first.text)
    if not match:
        return None
    head = match.group()
    append = head.endswith("+=")
    rest = first.text[match.end() :]
    value: list[_Part] = [_Lit(rest, False)] if rest else []
    return head[: -2 if append else -1], append, value + word.parts[1:]


def _is_op(token: _Token, op: str) -> bool:
    return isinstance(token, _Op) and token.op == op


_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", re.DOTALL)


def _env_assignments(fields: list[str]) -> tuple[tuple[str, str], ...]:
    """The variables `env NAME=value ... command` sets for the command it runs, as assignments
    before it would (`env CARGO_HOME=/opt/cargo cargo install x` keeps its cache there)."""
    if not fields or posixpath.basename(fields[0]) != "env":
        return ()
    out = []
    rest = iter(fields[1:])
    for field in rest:
        match = _ASSIGNMENT.fullmatch(field)
        if match is not None:
            out.append((match[1], match[2]))
        elif field in ENV_VALUE_OPTIONS:
            next(rest, None)  # (`env -u NAME` unsets a name)
        elif not field.startswith("-"):
            break
    return tuple(out)


# The options of env that take a value in the next word.
ENV_VALUE_OPTIONS = frozenset({"-u", "--unset", "-C", "--chdir", "-S", "--split-string"})
