"""What `make TARGET` runs: the recipes of a Makefile the build context put in the image.

`COPY Makefile environment.yml ./` then `RUN make conda-update` runs the target's recipe, which
the layer model reads as shell like a script a RUN runs (its installs, caches and removals).
Only what a Makefile plainly says is read: rules `target: prerequisites` with tab-indented
recipe lines (continued with `\\`), the prerequisites that are targets of the file first,
`NAME = value` (also `:=`, `::=`, `?=`, `+=`) and command-line `NAME=value` for `$(NAME)` and
`${NAME}`, `$$` for `$`, and the `@`, `-` and `+` prefixes; the environment's variables under
the Makefile's, target-specific variables, what it exports (and what make's command line sets)
for the recipes' shells, `.ONESHELL`. A conditional (`ifeq`, `ifneq`, `ifdef`, `ifndef`, with
`else`) is read as the build takes it, where its test is known: the variables then, and
`$(shell uname ...)` Linux's (`ifeq ($(UNAME_S),Darwin)`). A conditional whose test is not
known, an `include`, a `define` or a pattern rule makes the recipes it could change unknown:
such a Makefile is not read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from layerguard.records import NamedTuple

# Names GNU make looks for, in its order.
MAKEFILE_NAMES = ("GNUmakefile", "makefile", "Makefile")
_RULE = re.compile(r"^([^\s:=#][^:=#]*?)\s*::?(?![=])\s*([^=]*)$")
_ASSIGN = re.compile(
    r"^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(::?=|\?=|\+=|=)\s*(.*)$"
)
_SCOPED = re.compile(
    r"^([^\s:=#][^:=#]*?)\s*:\s*(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*"
    r"(::?=|\?=|\+=|=)\s*(.*)$"
)
_REF = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)|\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}")
_UNREAD = re.compile(r"^\s*(?:-?include|sinclude|define)\b")
_IF = re.compile(r"^\s*(?:ifeq|ifneq|ifdef|ifndef)\b")
_MAX_DEPTH = 20
_DEFAULT_GOAL = re.compile(r"^\.DEFAULT_GOAL\s*(?::|::)?=\s*(\S+)\s*$")


class Recipe(NamedTuple):
    """What `make TARGETS` runs: its shell lines (each its own shell, unless `.ONESHELL`), and
    the variables the Makefile exports to them."""

    lines: list[str]
    exported: dict[str, str]


def recipe(
    text: str,
    targets: tuple[str, ...],
    given: Mapping[str, str],
    environment: Mapping[str, str] | None = None,
) -> Recipe | None:
    """What `make TARGETS` runs from this Makefile, or None when the file is not plainly read
    or lacks a target. `given` holds `NAME=value` of make's command line (they win over the
    Makefile's); `environment`, the variables the shell has (the Makefile's win over them)."""
    lines = _logical_lines(text)
    if any(_UNREAD.match(line) for line in lines):
        return None
    rules: dict[str, tuple[list[str], list[str]]] = {}
    variables: dict[str, str] = dict(environment or {})
    variables.update(given)
    variables.setdefault("MAKECMDGOALS", " ".join(targets))  # (the goals make was given)
    # (what make's command line sets reaches the recipes' environment, as the environment does)
    exported: set[str] = set(given)
    export_all = False
    targeted: dict[str, dict[str, str]] = {}  # target -> its own variables
    current: list[str] | None = None
    at = 0
    while at < len(lines):
        line = lines[at]
        at += 1
        if _IF.match(line):
            # (the branch the build takes stands in the conditional's place, read in turn)
            branch, end = _branch(lines, at - 1, variables)
            if branch is None:
                return None
            lines[at - 1 : end] = branch
            at -= 1
            continue
        if line.startswith("\t") and current is not None:
            current.append(line[1:])
            continue
        stripped = line.split("#", 1)[0].strip()  # (leading spaces: make syntax still)
        if not stripped:
            continue  # (a blank or comment line among a recipe's lines does not end it)
        current = None
        if stripped == "export":
            export_all = True  # (a bare `export`: every variable goes to the recipes)
            continue
        if stripped.startswith("export ") and "=" not in stripped:
            exported.update(stripped.split()[1:])
            continue
        scoped = _SCOPED.match(stripped)
        if scoped:
            # (`install: PIP_FLAGS = --no-cache-dir`: for that target and its prerequisites)
            for target in _expand(scoped[1], variables, 1).split():
                own = targeted.setdefault(target, {})
                name, op, value = scoped[2], scoped[3], scoped[4]
                own[name] = f"{own.get(name, '')} {value}".strip() if op == "+=" else value
            continue
        assign = _ASSIGN.match(stripped)
        if assign:
            name, op, value = assign.groups()
            if stripped.startswith("export "):
                exported.add(name)
            if name in given or (op == "?=" and name in variables):
                continue
            value = _expand(value, variables, 1) if op.startswith(":") else value
            variables[name] = f"{variables.get(name, '')} {value}".strip() if op == "+=" else value
            continue
        rule = _RULE.match(stripped)
        if rule is None:
            continue
        # (make expands a rule's targets where it reads them: `$(VENV)/bin/activate:`)
        names = _expand(rule[1], variables, 1).split()
        prerequisites, _, inline = rule[2].partition(";")
        if any("%" in n for n in names):
            return None  # (a pattern rule: which recipe runs depends on the files)
        # (a target's prerequisites may be given on one line and its recipe on another; the
        # targets of one line share its recipe)
        body = next((rules[n][1] for n in names if n in rules and rules[n][1]), [])
        for name in names:
            before = rules[name][0] if name in rules else []
            before.extend(prerequisites.split())
            rules[name] = (before, body)
        current = body
        if inline.strip():
            current.append(inline.strip())
    # (no target: the first rule's, or the one `.DEFAULT_GOAL := build` names)
    goal = next((g[1] for line in lines if (g := _DEFAULT_GOAL.match(line))), None)
    wanted = targets or ((goal,) if goal else tuple(n for n in rules if not n.startswith("."))[:1])
    if not wanted or not all(t in rules for t in wanted):
        return None
    out: list[str] = []
    done: set[str] = set()

    def run(target: str, depth: int, scope: Mapping[str, str]) -> None:
        if target in done or target not in rules or depth > _MAX_DEPTH:
            return
        done.add(target)
        scope = {**scope, **targeted.get(target, {})}
        prerequisites, body = rules[target]
        for each in prerequisites:
            run(_expand(each, scope), depth + 1, scope)
        shell = [_expand(line.lstrip("@-+ \t"), scope) for line in body]
        if ".ONESHELL" in rules:
            out.append("\n".join(shell))  # (the whole recipe in one shell)
        else:
            out.extend(shell)

    for target in wanted:
        run(target, 0, variables)
    if export_all:
        exported.update(n for n in variables if n not in (environment or {}))
    values = {n: _expand(variables[n], variables) for n in sorted(exported) if n in variables}
    return Recipe([line for line in out if line.strip()], values)


def _branch(
    lines: list[str], at: int, variables: Mapping[str, str]
) -> tuple[list[str] | None, int]:
    """The lines of the branch a conditional starting at `lines[at]` takes, and where the
    conditional ends; None for the branch when its test is not known (a variable it names,
    a function other than `$(shell uname ...)`)."""
    taken: list[str] | None = None
    decided = _test(lines[at], variables)
    if decided is None:
        return None, at
    current: list[str] | None = [] if decided else None
    depth = 0
    at += 1
    while at < len(lines):
        line = lines[at]
        stripped = line.split("#", 1)[0].strip()
        at += 1
        if depth == 0 and re.match(r"endif\b", stripped):
            return (current if current is not None else taken or []), at
        if depth == 0 and re.match(r"else\b", stripped):
            if current is not None:
                taken, current = current, None
                continue  # (a branch was taken: the rest is skipped, up to endif)
            if taken is not None:
                continue
            rest = stripped[4:].strip()  # (`else ifeq (...)`)
            decided = _test(rest, variables) if rest else True
            if decided is None:
                return None, at
            current = [] if decided else None
            continue
        if _IF.match(line):
            depth += 1
        elif re.match(r"endif\b", stripped):
            depth -= 1
        if current is not None:
            current.append(line)
    return None, at


_UNAME = {"-s": "Linux", "": "Linux", "-m": "x86_64", "-p": "unknown", "-o": "GNU/Linux"}
_SHELL_UNAME = re.compile(r"\$\(shell\s+uname\s*(-[smpo])?\s*\)")


def _test(line: str, variables: Mapping[str, str]) -> bool | None:
    """Whether a conditional's test holds in the build (`ifeq ($(OS),Linux)`, `ifdef CI`;
    `uname` is Linux's); None when it depends on what is not known."""
    # (a comment may follow the test: `ifeq ($(UNAME_S),Darwin)  # macOS needs ...`)
    parts = re.match(r"(ifeq|ifneq|ifdef|ifndef)\s*(.*)$", line.split("#", 1)[0].strip())
    if parts is None:
        return None
    word, rest = parts[1], parts[2].strip()
    if word in ("ifdef", "ifndef"):
        name = _expand(rest, variables, 1)
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", name):
            return None
        return bool(variables.get(name, "").strip()) == (word == "ifdef")
    if word not in ("ifeq", "ifneq"):
        return None
    pair = _arguments(rest)
    if pair is None:
        return None
    values = []
    for part in pair:
        value = _SHELL_UNAME.sub(lambda m: _UNAME[m[1] or ""], _expand(part, variables, 1))
        value = _REF.sub("", value)  # (a variable nothing set is empty: `ifeq ($(DEV),1)`)
        if "$" in value:
            return None
        values.append(value.strip())
    return (values[0] == values[1]) == (word == "ifeq")


def _arguments(text: str) -> tuple[str, str] | None:
    """The two arguments of `ifeq (a,b)`, `ifeq "a" "b"` or `ifeq 'a' 'b'`."""
    if text.startswith("(") and text.endswith(")"):
        depth = 0
        for i, c in enumerate(text[1:-1], 1):
            depth += c == "("
            depth -= c == ")"
            if c == "," and depth == 0:
                return text[1:i], text[i + 1 : -1]
        return None
    quoted = re.fullmatch(r"""(["'])(.*?)\1\s+(["'])(.*?)\3""", text)
    return (quoted[2], quoted[4]) if quoted else None


def _logical_lines(text: str) -> list[str]:
    """Lines with `\\`-newline continuations joined (a recipe's keep their shell meaning)."""
    out: list[str] = []
    pending = ""
    for raw in text.replace("\r\n", "\n").split("\n"):
        if pending and raw.startswith("\t"):
            raw = raw[1:]  # (a recipe's continued line loses its tab, as make passes it)
        if raw.endswith("\\"):
            pending += raw[:-1] + " "
            continue
        out.append(pending + raw)
        pending = ""
    if pending:
        out.append(pending)
    return out


def _expand(text: str, variables: Mapping[str, str], depth: int = 0) -> str:
    """`$(NAME)` and `${NAME}` of the Makefile's variables (an unknown one stays as written, for
    the shell to find unknown), then `$$` as `$`."""
    if depth < 10 and "$" in text:
        text = _REF.sub(
            lambda m: (
                _expand(variables[m[1] or m[2]], variables, depth + 1)
                if (m[1] or m[2]) in variables
                else m[0]
            ),
            text,
        )
    return text.replace("$$", "$") if depth == 0 else text
