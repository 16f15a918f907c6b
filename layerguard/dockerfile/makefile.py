"""What `make TARGET` runs: the recipes of a Makefile the build context put in the image.

`COPY Makefile environment.yml ./` then `RUN make conda-update` runs the target's recipe, which
the layer model reads as shell like a script a RUN runs (its installs, caches and removals).
Only what a Makefile plainly says is read: rules `target: prerequisites` with tab-indented
recipe lines (continued with `\\`), the prerequisites that are targets of the file first,
`NAME = value` (also `:=`, `::=`, `?=`, `+=`) and command-line `NAME=value` for `$(NAME)` and
`${NAME}`, `$$` for `$`, and the `@`, `-` and `+` prefixes. A conditional (`ifeq`), an `include`
or a pattern rule makes the recipes it could change unknown: such a Makefile is not read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Names GNU make looks for, in its order.
MAKEFILE_NAMES = ("GNUmakefile", "makefile", "Makefile")
_RULE = re.compile(r"^([^\s:=#][^:=#]*?)\s*::?(?![=])\s*([^=]*)$")
_ASSIGN = re.compile(
    r"^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(::?=|\?=|\+=|=)\s*(.*)$"
)
_REF = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)|\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}")
_UNREAD = re.compile(r"^\s*(?:ifeq|ifneq|ifdef|ifndef|-?include|sinclude|define)\b")
_MAX_DEPTH = 20


def recipe(text: str, targets: tuple[str, ...], given: Mapping[str, str]) -> list[str] | None:
    """The shell lines `make TARGETS` runs from this Makefile (each line its own shell), or None
    when the file is not plainly read or lacks a target."""
    lines = _logical_lines(text)
    if any(_UNREAD.match(line) for line in lines):
        return None
    rules: dict[str, tuple[list[str], list[str]]] = {}
    variables: dict[str, str] = {}
    current: list[str] | None = None
    for line in lines:
        if line.startswith("\t"):
            if current is not None:
                current.append(line[1:])
            continue
        current = None
        stripped = line.split("#", 1)[0].rstrip()
        if not stripped:
            continue
        assign = _ASSIGN.match(stripped)
        if assign:
            name, op, value = assign.groups()
            if op == "?=" and name in variables:
                continue
            variables[name] = f"{variables.get(name, '')} {value}".strip() if op == "+=" else value
            continue
        rule = _RULE.match(stripped)
        if rule is None:
            continue
        names, prerequisites = rule[1].split(), rule[2].split(";", 1)[0].split()
        if any("%" in n for n in names):
            return None  # (a pattern rule: which recipe runs depends on the files)
        body: list[str] = []
        for name in names:
            rules.setdefault(name, (prerequisites, body))
        current = body
    variables.update(given)
    wanted = targets or tuple(n for n in rules if not n.startswith("."))[:1]
    if not wanted or not all(t in rules for t in wanted):
        return None
    out: list[str] = []
    done: set[str] = set()

    def run(target: str, depth: int) -> None:
        if target in done or target not in rules or depth > _MAX_DEPTH:
            return
        done.add(target)
        prerequisites, body = rules[target]
        for each in prerequisites:
            run(_expand(each, variables), depth + 1)
        out.extend(_expand(line.lstrip("@-+ \t"), variables) for line in body)

    for target in wanted:
        run(target, 0)
    return [line for line in out if line.strip()]


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
