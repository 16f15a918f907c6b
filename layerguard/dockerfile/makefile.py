"""What `make TARGET` runs: the recipes of a Makefile the build context put in the image.

`COPY Makefile environment.yml ./` then `RUN make conda-update` runs the target's recipe, which
the layer model reads as shell like a script a RUN runs (its installs, caches and removals).
Only what a Makefile plainly says is read: rules `target: prerequisites` with tab-indented
recipe lines (continued with `\\`), the prerequisites that are targets of the file first,
`NAME = value` (also `:=`, `::=`, `?=`, `+=`) and command-line `NAME=value` for `$(NAME)` and
`${NAME}`, `$$` for `$`, and the `@`, `-` and `+` prefixes; the environment's variables under
the Makefile's, target-specific variables, what it exports (and what make's command line sets)
for the recipes' shells, `.ONESHELL`. A conditional (`ifeq`) that only sets variables, outside
a recipe, leaves them unknown (`ifeq ($(UNAME_S),Darwin)` / `LDFLAGS += ...` / `endif`). Any
other conditional, an `include`, a `define` or a pattern rule makes the recipes it could change
unknown: such a Makefile is not read.
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
_ELSE_END = re.compile(r"^\s*(?:else|endif)\b")
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
            inner, at = _conditional(lines, at)
            if inner is None or (current is not None and any(i[:1] == "\t" for i in inner)):
                return None  # (inside a recipe, its lines would be the recipe's)
            for name in inner:
                if name.strip() not in given:
                    variables.pop(name.strip(), None)  # (set one way or another: unknown)
            current = None
            continue
        if line.startswith("\t"):
            if current is not None:
                current.append(line[1:])
            continue
        stripped = line.split("#", 1)[0].rstrip()
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


def _conditional(lines: list[str], at: int) -> tuple[list[str] | None, int]:
    """The names of the variables a conditional starting before `lines[at]` sets (with the
    tab that starts a line, if any), and where it ends; None for the names when it does more
    than set variables (a rule, a recipe line, an export, a directive)."""
    names: list[str] = []
    depth = 1
    while at < len(lines):
        line = lines[at]
        at += 1
        stripped = line.split("#", 1)[0].strip()
        if _IF.match(line):
            depth += 1
        elif re.match(r"endif\b", stripped):
            depth -= 1
            if depth == 0:
                return names, at
        elif _ELSE_END.match(line) or not stripped:
            continue
        elif (assign := _ASSIGN.match(stripped)) and not stripped.startswith("export"):
            names.append(("\t" if line[:1] == "\t" else "") + assign[1])
        else:
            return None, at
    return None, at


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
