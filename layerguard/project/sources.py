"""Which image each Dockerfile builds, read from where users already declare it.

docker-compose / compose files (`build` + `image`), docker-bake.hcl / .json targets (`dockerfile`,
`context`, `tags`), GitHub workflow steps using docker/build-push-action (`file`, `context`, `tags`)
and `docker build -t NAME -f FILE CONTEXT` command lines in workflow `run:` blocks and Makefiles.
Each mapping remembers the file and line it came from (`layerguard images` shows them).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from layerguard.dockerfile.model import expand
from layerguard.dockerfile.shell import split_commands
from layerguard.errors import ConfigError
from layerguard.project.config import BAKE_FILES, COMPOSE_FILES, MAKEFILES, Node, read_yaml
from layerguard.reference import ImageRef, parse_reference


class ImageSource(NamedTuple):
    """`dockerfile` builds `image` with `context`, as declared at `origin`:`line`."""

    dockerfile: Path
    image: ImageRef | None  # None when the file names none (no tag, an unset variable)
    context: Path
    origin: Path
    line: int


def discover(root: Path, skipped: list[str] | None = None) -> list[ImageSource]:
    """Every mapping declared in the usual files directly under `root` (and its workflows).

    A file that cannot be read raises ConfigError; with `skipped` given, its one-line error is
    appended there instead and the other files are still read (`check` lints Dockerfiles, and a
    broken workflow beside them must not stop that)."""
    readers: list[tuple[Callable[[Path], Iterable[ImageSource]], Path]] = [
        *((from_compose, root / name) for name in COMPOSE_FILES),
        *((from_bake, root / name) for name in BAKE_FILES),
    ]
    workflows = root / ".github" / "workflows"
    if workflows.is_dir():
        readers += [
            (lambda path: from_workflow(path, root), path)
            for path in sorted([*workflows.glob("*.yml"), *workflows.glob("*.yaml")])
        ]
    readers += [(from_makefile, root / name) for name in MAKEFILES]
    found: list[ImageSource] = []
    for read, path in readers:
        if not path.is_file():
            continue
        try:
            found.extend(read(path))
        except ConfigError as exc:
            if skipped is None:
                raise
            skipped.append(str(exc))
    return found


def _ref(text: Any) -> ImageRef | None:
    if not isinstance(text, str) or "$" in text or not text.strip():
        return None
    try:
        return parse_reference(text.strip())
    except ValueError:
        return None


def _source(
    dockerfile: Any, context: Any, image: Any, origin: Path, line: int, base: Path
) -> ImageSource | None:
    """The mapping, or None when the context or Dockerfile is missing, not text, or holds a
    variable; without an image name that can be read the context still counts."""
    ref = _ref(image)
    if not isinstance(context, str) or "$" in context:
        return None
    if dockerfile is not None and (not isinstance(dockerfile, str) or "$" in dockerfile):
        return None
    ctx = (base / context).resolve()
    file = (ctx / (dockerfile or "Dockerfile")).resolve()
    return ImageSource(file, ref, ctx, origin, line)


def _named_first(tags: Iterable[Any]) -> list[Any]:
    """The tags that name an image first, then one that names none: a build without a tag (or
    with one of unset variables) still has its context."""
    tags = list(tags)
    return [*(t for t in tags if _ref(t) is not None), None]


def _value(node: Node | None) -> Any:
    return None if node is None else node.value


def from_compose(path: Path) -> Iterator[ImageSource]:
    tree = read_yaml(path, "compose file")
    node = tree.value.get("services") if tree and isinstance(tree.value, dict) else None
    if node is None or not isinstance(node.value, dict):
        return
    for name, service in node.value.items():
        if not isinstance(service.value, dict) or "build" not in service.value:
            continue
        build = service.value["build"]
        image = _value(service.value.get("image"))
        if isinstance(image, str):
            image = expand(image, os.environ) if "$" in image else image
        if isinstance(build.value, str):
            context, dockerfile = build.value, None
        elif isinstance(build.value, dict):
            context = _value(build.value.get("context")) or "."
            dockerfile = _value(build.value.get("dockerfile"))
        else:
            continue
        found = _source(dockerfile, context, image, path, node.key_lines[name], path.parent)
        if found:
            yield found


def from_workflow(path: Path, root: Path) -> Iterator[ImageSource]:
    tree = read_yaml(path, "workflow")
    jobs = _value(tree.value.get("jobs")) if tree and isinstance(tree.value, dict) else None
    if not isinstance(jobs, dict):
        return
    for job in jobs.values():
        steps = _value(job.value.get("steps")) if isinstance(job.value, dict) else None
        for step in steps if isinstance(steps, list) else []:
            if not isinstance(step.value, dict):
                continue
            uses = str(_value(step.value.get("uses")) or "")
            if uses.startswith("docker/build-push-action"):
                inputs = _value(step.value.get("with"))
                if not isinstance(inputs, dict):
                    inputs = {}
                context = _value(inputs.get("context")) or "."
                file = _value(inputs.get("file"))
                tags = _value(inputs.get("tags"))
                for tag in _named_first(_tags(tags)):
                    found = _source(None, context, tag, path, step.line, root)
                    if found and isinstance(file, str) and file:
                        found = ImageSource((root / str(file)).resolve(), found.image,
                                            found.context, path, step.line)  # fmt: skip
                    if found:
                        yield found
                        break
            run = step.value.get("run")
            if run is not None and isinstance(run.value, str):
                yield from _build_commands(run.value, path, run.line, root)


def _tags(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(_value(v)) for v in value]
    if isinstance(value, str):
        return [t.strip() for t in re.split(r"[,\n]", value) if t.strip()]
    return []


def from_makefile(path: Path) -> Iterator[ImageSource]:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, 1):
        if line.startswith("\t") and re.search(r"\b(docker|podman|buildah)\b", line):
            command = line.lstrip("\t").lstrip("@-+")
            yield from _build_commands(command, path, number, path.parent)


_BUILD_VALUE_FLAGS = frozenset({
    "-t", "--tag", "-f", "--file", "--build-arg", "--target", "--platform", "--label", "--network",
    "--secret", "--ssh", "--cache-from", "--cache-to", "--output", "-o", "--progress", "--iidfile",
    "--add-host", "--build-context", "--shm-size", "--ulimit", "--memory", "-m",
})  # fmt: skip


def _build_commands(script: str, origin: Path, line: int, base: Path) -> Iterator[ImageSource]:
    for command in split_commands(script, None, {}):
        words = list(command.words)
        if words[:2] in (["docker", "build"], ["podman", "build"], ["buildah", "bud"]):
            args = words[2:]
        elif words[:3] == ["docker", "buildx", "build"]:
            args = words[3:]
        else:
            continue
        tags: list[str] = []
        file = None
        operands: list[str] = []
        i = 0
        while i < len(args):
            word = args[i]
            name, eq, inline = word.partition("=")
            if word.startswith("-") and name in _BUILD_VALUE_FLAGS:
                value = inline if eq else (args[i + 1] if i + 1 < len(args) else "")
                i += 1 if eq else 2
                if name in ("-t", "--tag"):
                    tags.append(value)
                elif name in ("-f", "--file"):
                    file = value
                continue
            if not word.startswith("-"):
                operands.append(word)
            i += 1
        context = operands[-1] if operands else "."
        for tag in _named_first(tags):
            found = _source(None, context, tag, origin, line + command.line, base)
            if found is None:
                continue
            if file:
                if "$" in file:
                    continue
                found = ImageSource((base / file).resolve(), found.image, found.context,
                                    origin, found.line)  # fmt: skip
            yield found
            break


def from_bake(path: Path) -> Iterator[ImageSource]:
    try:
        if path.suffix == ".json":
            document = json.loads(path.read_text(encoding="utf-8"))
            lines: dict[str, int] = {}
        else:
            document, lines = _parse_hcl(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read bake file: {exc}") from None
    if not isinstance(document, dict):
        raise ConfigError(f"{path}: a bake file holds an object of variables and targets")
    declared = document.get("variable")
    variables = {
        name: str(os.environ.get(name, spec.get("default", "") if isinstance(spec, dict) else ""))
        for name, spec in (declared.items() if isinstance(declared, dict) else ())
    }
    targets: Mapping[str, Any] = document.get("target") or {}
    if not isinstance(targets, dict):
        return

    def resolved(name: str, depth: int = 0) -> dict[str, Any]:
        target = targets.get(name)
        if not isinstance(target, dict):
            return {}
        merged: dict[str, Any] = {}
        inherits = target.get("inherits")
        if depth < 10 and isinstance(inherits, list):
            for parent in inherits:
                merged.update(resolved(str(parent), depth + 1))
        merged.update(target)
        return merged

    for name in targets:
        target = resolved(name)
        context = _interpolate(target.get("context", "."), variables)
        dockerfile = _interpolate(target.get("dockerfile", "Dockerfile"), variables)
        tags = target.get("tags")
        listed = [_interpolate(t, variables) for t in tags] if isinstance(tags, list) else []
        for tag in _named_first(listed):
            found = _source(dockerfile, context or ".", tag, path,
                            lines.get(name, 1), path.parent)  # fmt: skip
            if found:
                yield found
                break


def _interpolate(value: Any, variables: Mapping[str, str]) -> str:
    if not isinstance(value, str):
        return "$unknown"
    return re.sub(
        r"\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}",
        lambda m: variables.get(m.group(1), "$" + m.group(1)),
        value,
    )


_HCL_TOKEN = re.compile(
    r"""(?P<space>[ \t\r]+|\n)|(?P<comment>\#[^\n]*|//[^\n]*|/\*.*?\*/)
    |(?P<string>"(?:[^"\\]|\\.)*")|(?P<number>-?\d+(?:\.\d+)?)
    |(?P<ident>[A-Za-z_][A-Za-z0-9_.-]*)|(?P<punct>[{}\[\]=,():])""",
    re.S | re.X,
)


def _parse_hcl(text: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The subset of HCL that bake files use: blocks, attributes, strings, lists, objects.

    Anything else (function calls, conditionals) becomes a '$unknown' marker, never an error.
    Returns {"target": {name: attrs}, "variable": {...}} and the line of each target block.
    """
    tokens: list[tuple[str, str, int]] = []
    line = 1
    pos = 0
    while pos < len(text):
        match = _HCL_TOKEN.match(text, pos)
        if match is None:
            tokens.append(("other", text[pos], line))
            pos += 1
            continue
        kind = match.lastgroup or ""
        value = match.group()
        if kind not in ("space", "comment"):
            tokens.append((kind, value, line))
        line += value.count("\n")
        pos = match.end()
    index = 0

    def peek() -> tuple[str, str, int]:
        return tokens[index] if index < len(tokens) else ("eof", "", line)

    def take() -> tuple[str, str, int]:
        nonlocal index
        token = peek()
        index += 1
        return token

    def expression() -> Any:
        kind, value, _ = take()
        if kind == "string":
            return json.loads(value) if "\\" in value else value[1:-1]
        if kind == "number":
            return float(value)
        if kind == "ident" and value in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[value]
        if value == "[":
            items = []
            while peek()[1] not in ("]", ""):
                items.append(expression())
                if peek()[1] not in (",", "]", ""):
                    items[-1] = "$unknown"  # an operator follows: skip to the next element
                    depth = 0
                    while peek()[0] != "eof" and not (depth == 0 and peek()[1] in (",", "]")):
                        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(
                            take()[1], 0
                        )
                if peek()[1] == ",":
                    take()
            take()
            return items
        if value == "{":
            obj: dict[str, Any] = {}
            while peek()[1] not in ("}", ""):
                key = take()[1].strip('"')
                take()  # = or :
                obj[key] = expression()
                if peek()[1] == ",":
                    take()
            take()
            return obj
        if kind == "ident" and peek()[1] == "(":
            depth = 0
            while peek()[0] != "eof":
                token = take()[1]
                depth += {"(": 1, ")": -1}.get(token, 0)
                if depth == 0:
                    break
        return "$unknown"

    def body(until: str) -> tuple[dict[str, Any], dict[str, list[tuple[list[str], Any, int]]]]:
        attrs: dict[str, Any] = {}
        blocks: dict[str, list[tuple[list[str], Any, int]]] = {}
        while peek()[0] != "eof" and peek()[1] != until:
            kind, name, at = take()
            if kind != "ident":
                continue
            if peek()[1] == "=":
                take()
                attrs[name] = expression()
                if peek()[2] == at and peek()[1] not in ("}", ""):
                    attrs[name] = "$unknown"  # an operator follows: not a plain value
                    while peek()[2] == at and peek()[1] not in ("}", ""):
                        take()
                continue
            labels = []
            while peek()[0] in ("string", "ident"):
                labels.append(take()[1].strip('"'))
            if peek()[1] == "{":
                take()
                inner, _ = body("}")
                take()
                blocks.setdefault(name, []).append((labels, inner, at))
        return attrs, blocks

    _, blocks = body("")
    document: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for kind in ("target", "variable", "group"):
        document[kind] = {}
        for labels, attrs, at in blocks.get(kind, []):
            if labels:
                document[kind][labels[0]] = attrs
                if kind == "target":
                    lines[labels[0]] = at
    return document, lines
