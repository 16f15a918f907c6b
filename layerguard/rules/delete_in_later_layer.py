r"""Delete in later layer: a RUN removes files that an earlier layer added.

## What it does
Reports a `RUN` of a shipped stage that removes file bytes an earlier layer added: `rm`,
`unlink`, `find ... -delete` or `-exec rm`, `mv` (the old path is hidden), a package removal
(`apt-get purge/remove/autoremove`, `dpkg -r`, `apk del`, `yum/dnf remove`, `rpm -e`,
`pip uninstall`, `npm uninstall`, `conda remove`, ...) or a cache clean in a later `RUN`
(`yum clean all`, `npm cache clean`). Any removal of a path an earlier instruction is seen to
write counts, whatever else the same `RUN` does there (`make -C /opt/vendor install && rm -rf
/opt/vendor`). Not reported: what the same `RUN` created before removing it (download, extract,
install, then clean up), and paths of the base image that nothing shows to hold bytes (a `.list`
file, `/etc/motd`): without the registry only docs and man pages (`/usr/share/doc`, ...) count.
The message names the instruction that added the files, when a checked Dockerfile shows it.

## Why is this bad?
A deletion in a later layer is a whiteout: a new layer of about 100 bytes that hides the file.
The deleted bytes still ship in the layer that added them; the image does not get one byte
smaller, and `ls` in the container no longer shows what every pull still downloads.

## Example
```dockerfile
FROM registry.example.com/team/app:0.0.3
RUN rm -rf test.txt
```
```dockerfile
RUN curl -fsSLo /tmp/go.tgz https://go.dev/dl/go1.22.linux-amd64.tar.gz
RUN tar -C /usr/local -xzf /tmp/go.tgz && rm /tmp/go.tgz
```

## Use instead
Do not add the files in the first place (remove them from the build context, or from the base),
or download, use and delete in one `RUN`:
```dockerfile
RUN curl -fsSLo /tmp/go.tgz https://go.dev/dl/go1.22.linux-amd64.tar.gz \
 && tar -C /usr/local -xzf /tmp/go.tgz && rm /tmp/go.tgz
```
For files only a build needs, use a build stage and `COPY --from` the result.

Files the build context lists carry their size (`estimated: {"paths": N, "bytes": B}`: "removes
/tmp/big.bin (5MB from the build context, ...)"). With `check --registry` and the image the file
builds in the registry, `measured: {"paths": N, "bytes": B}` is what this instruction's layer of
that image hides (its whiteouts over lower layers' files); with only the base image, its files
under the removed paths, and a removal of a path the base does not hold and no earlier layer
wrote is not reported.

## Options
- `min-bytes` (default 1MB): a measured or estimated finding under this many bytes drops to
  `info`.

## References
- https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers
- https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts
"""

from __future__ import annotations

import os
import posixpath
import re
import shlex
from collections.abc import Iterator, Mapping

from layerguard.dockerfile.effects import (
    CHOWN,
    EITHER,
    EXEC,
    FILE,
    PURGE,
    REMOVE,
    STANDARD_DIRS,
    TOUCH,
    TREE,
    WRITE,
    copy_sources,
    covers,
    inside,
    is_glob,
    normalized_source,
    path_overlaps,
)
from layerguard.dockerfile.filesystem import Change, Layer
from layerguard.dockerfile.model import resolve
from layerguard.dockerfile.shell import resolve_path
from layerguard.findings import Edit, Fix, Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import MIN_BYTES, Context, Origins, listing, weigh

if TYPE_CHECKING:
    from typing import Any

    from layerguard.dockerfile.filesystem import Step
    from layerguard.dockerfile.shell import Command

CODE = "LG003"
NAME = "delete-in-later-layer"
SEVERITY = Severity.WARNING
SUMMARY = "A RUN removes files an earlier layer added; their bytes still ship."
HELP = (
    "Remove the files in the RUN that creates them, or never add them (build stage + COPY --from)."
)
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for index, layer in ctx.own_layers():
        removed: list[str] = []
        origins = Origins(ctx)
        for change in layer.changes:
            if change.kind == PURGE:
                removed.append(f"packages ({change.command})")
            elif change.kind == REMOVE:
                removed.extend(p for p in change.paths if p not in removed)
            else:
                continue
            for hit in change.hits:
                origins.add(hit)
        if not removed:
            continue
        where = origins.where("added")
        problem = weigh(
            ctx,
            index,
            "hidden",
            f"removes {listing(removed)}{where}: a whiteout hides the files but their bytes "
            "still ship",
            measured=origins.measured(),
            estimated=origins.estimated(),
        )
        yield problem._replace(fix=_fix(ctx, index, layer)) if ctx.text else problem


def _fix(ctx: Context, index: int, layer: Layer) -> Fix | None:
    """A bind mount instead of a COPY whose files this RUN alone uses and removes, or the
    removal moved into the RUN that created the files; None unless provably the same image."""
    changes = [c for c in layer.changes if c.kind in (REMOVE, PURGE)]
    sources = {h.entry.layer for c in changes for h in c.hits}
    if len(changes) != 1 or changes[0].kind != REMOVE or len(sources) != 1:
        return None
    (source,) = sources
    origin = ctx.steps[source] if source >= 0 else None
    step = layer.step
    if origin is None or origin.inherited or origin.file != step.file or step.run is None:
        return None
    if step.instr.node.json_form or step.instr.node.heredocs:
        return None
    rm = _rm_command(step, changes[0])
    if rm is None:
        return None
    if origin.instr.keyword == "copy":
        return _mount(ctx, source, index, changes[0], rm)
    if origin.run is not None:
        return _moved(ctx, origin, step, changes[0], rm)
    return None


def _rm_command(step: Step, change: Change) -> Command | None:
    """The one `rm` command of the RUN that made `change`."""
    assert step.run is not None
    found = [
        c
        for c in step.run.commands
        if c.words[0] == "rm" and " ".join(c.words) == change.command and not c.redirects
    ]
    return found[0] if len(found) == 1 else None


def _removed(rm: Command) -> list[tuple[str, str | None]]:
    """Each operand of `rm` with the absolute path it names (None when not known)."""
    operands = [w for w in rm.words[1:] if not w.startswith("-")]
    return [(w, resolve_path(w, rm.cwd) if not w.startswith("~") else None) for w in operands]


def _mount(ctx: Context, source: int, index: int, change: Change, rm: Command) -> Fix | None:
    """`RUN --mount=type=bind,source=x,target=/x` for `COPY x /x` whose files only this RUN
    reads before it removes them (see the rule's Fix section for what must hold)."""
    from layerguard.dockerfile import fix as fixing

    copy, step = ctx.steps[source], ctx.steps[index]
    node = copy.instr.node
    if node.json_form or node.heredocs or len(node.args) != 2 or "$" in node.original:
        return None
    stage = copy.instr.flag("from")
    if set(copy.instr.flags) - {"from"} or (stage is not None and not _plain_name(stage)):
        return None  # --chown, --chmod, --link, --parents, --exclude: a mount has no such thing
    if len(change.paths) != 1:
        return None
    path = change.paths[0]
    named = [w for w, p in _removed(rm) if p == path]
    if len(named) != 1:
        return None
    entries = ctx.layers[source].entries
    if not entries or not all(covers(path, e.path) for e in entries):
        return None  # the RUN keeps some of what the COPY wrote
    (src,), dest_raw = copy_sources(copy.instr)
    dest = resolve(dest_raw, copy.instr.workdir)
    target = _target(src, dest, path, entries)
    if target is None or any(c in src + target for c in ",=\"' ") or is_glob(src):
        return None
    earlier = [e.path for lay in ctx.layers[:source] for e in lay.entries]
    if any(path_overlaps(p, target) for p in earlier if p != "/"):
        return None  # the RUN removed an earlier version too: without the rm it would stay
    workdirs = [i.workdir for s in ctx.model.stages for i in s.instructions]
    if target in STANDARD_DIRS or any(w == target or inside(w, target) for w in workdirs):
        return None  # the directory was there before: a mount over it would hide its contents
    parent = posixpath.dirname(target)
    if parent not in STANDARD_DIRS and not any(p == parent or inside(p, parent) for p in earlier):
        return None  # the COPY made the parent, which then stays; a mount's may not
    directory = target == dest and not (len(entries) == 1 and entries[0].path == target)
    if directory and stage is None and _ignore_file(ctx.model.path):
        return None  # builders differ on whether a bind mount of the context honours it
    between = fixing.between(ctx.model, copy.instr.end_line, step.instr.line)
    if between is None or any(
        fixing.mentions(fixing.instruction_words(i), target, i.workdir) for i in between
    ):
        return None
    writes = _writes_before(step, rm, target, directory)
    if writes is None or (writes and not directory):
        return None  # (buildah mounts a file bind-mounted rw empty: containers/buildah#6631)
    if any(m.get("target", "") and path_overlaps(m["target"], target) for m in step.instr.mounts()):
        return None
    origin = f"from={stage}," if stage is not None else ""
    flag = f"--mount=type=bind,{origin}source={src.rstrip('/') or '/'},target={target}" + (
        ",rw" if writes else ""
    )
    escape = ctx.model.parsed.escape
    lines = fixing.instruction_lines(ctx.text, step.instr.node)
    left = fixing.drop_removal(lines, rm.words, named[0], escape)
    if left is None:
        return None
    expected = _without(step, rm, named[0])
    if left:
        new = fixing.add_run_flag(left.split("\n"), flag)
        if fixing.rewritten_words(step, new, escape) != expected:
            return None
    elif expected:
        return None
    why = (
        "the files are read by this RUN alone and removed by it; no instruction between names them"
    )
    opaque = any(_opaque(i) for i in between)
    unsafe = ", though a RUN between runs programs that might read them" if opaque else ""
    what = f"RUN {flag}" if left else "nothing (the RUN only removed what the COPY wrote)"
    return Fix(
        f"{what} instead of the COPY at line {copy.instr.line} and the rm: {why}{unsafe}",
        not opaque,
        (
            Edit(copy.instr.line, copy.instr.end_line, None),
            Edit(step.instr.line, step.instr.end_line, new if left else None),
        ),
    )


_SAFE = re.compile(r"[\w/.*?\[\]+@%-]+")  # a glob the shell must still expand: unquoted


def _plain_name(stage: str) -> bool:
    """A stage name or image reference: not an index (`--from=0`), no variable."""
    return not stage.isdigit() and "$" not in stage and "," not in stage


def _target(src: str, dest: str, path: str, entries: tuple[Any, ...]) -> str | None:
    """Where the mount goes: the one file the COPY wrote (at `path`), or the directory `dest`
    that it filled with a directory's contents; None when the Dockerfile leaves it open."""
    if len(entries) == 1 and entries[0].path == path:
        entry = entries[0]
        if entry.kind == FILE or (entry.kind == EITHER and path == dest):
            return path  # `COPY x /tmp/x`, `COPY x /tmp/`, or a file-or-directory at dest
        return None
    if path != dest or not all(inside(e.path, path) or e.kind == TREE for e in entries):
        return None
    one_file = posixpath.join(dest, posixpath.basename(src.rstrip("/")))
    directory = src.endswith("/") or normalized_source(src) == "." or len(entries) > 1
    if directory or entries[0].kind == TREE or entries[0].path != one_file:
        return dest
    return None


def _ignore_file(dockerfile: str) -> bool:
    folder = os.path.dirname(dockerfile) or "."
    return os.path.exists(os.path.join(folder, ".dockerignore")) or os.path.exists(
        dockerfile + ".dockerignore"
    )


def _writes_before(step: Step, rm: Command, target: str, directory: bool) -> bool | None:
    """Whether the RUN may write under `target` before `rm`; None when a command would tell a
    mount from a copy (it moves, hard-links or keeps owners), or names the path after the rm."""
    from layerguard.dockerfile import fix as fixing

    assert step.run is not None
    commands = step.run.commands
    at = commands.index(rm)
    for later in commands[at + 1 :]:
        if fixing.mentions(later.words, target, later.cwd):
            return None
    writes = False
    for command in commands[:at]:
        cwd_in = command.cwd is not None and (command.cwd == target or inside(command.cwd, target))
        if not (cwd_in or fixing.mentions(command.words, target, command.cwd)):
            continue
        use = fixing.use_of(command)
        if use == "keep":
            return None
        # A script run from or in a directory may write there (build output next to sources).
        writes = writes or use == "write" or (directory and fixing.runs_programs(command))
    for op in step.run.ops:
        if op.command == " ".join(rm.words):
            break
        if op.kind in (WRITE, REMOVE, CHOWN, TOUCH, EXEC) and any(
            p == target or inside(p, target) for p in op.paths
        ):
            writes = True
    return writes


def _without(step: Step, rm: Command, operand: str | None) -> list[tuple[str, ...]]:
    """The RUN's commands without `rm`, or with `rm` without `operand`."""
    assert step.run is not None
    out = []
    for command in step.run.commands:
        if command is not rm:
            out.append(command.words)
        elif operand is not None and sum(1 for w in rm.words[1:] if not w.startswith("-")) > 1:
            words = list(rm.words)
            words.remove(operand)
            out.append(tuple(words))
    return out


def _opaque(instr: Any) -> bool:
    """A RUN that runs programs whose reads are not known (a script, a Makefile)."""
    from layerguard.dockerfile import fix as fixing
    from layerguard.dockerfile.effects import run_effects

    return instr.keyword == "run" and any(
        fixing.runs_programs(c) for c in run_effects(instr).commands
    )


def _moved(ctx: Context, origin: Step, step: Step, change: Change, rm: Command) -> Fix | None:
    """The `rm` of a later RUN moved to the end of the RUN that created what it removes."""
    from layerguard.dockerfile import fix as fixing

    onode = origin.instr.node
    if onode.json_form or onode.heredocs:
        return None
    removed = _removed(rm)
    paths = [p for _, p in removed if p is not None]
    if not paths or len(paths) != len(removed) or sorted(set(paths)) != sorted(change.paths):
        return None  # rm also removes what no earlier layer is seen to write
    between = fixing.between(ctx.model, origin.instr.end_line, step.instr.line)
    if between is None:
        return None
    for path in paths:
        if any(fixing.mentions(fixing.instruction_words(i), path, i.workdir) for i in between):
            return None
        if is_glob(path) and any(i.keyword in ("run", "copy", "add") for i in between):
            return None  # a glob moved earlier might miss what a step between leaves there
    assert step.run is not None
    commands = step.run.commands
    at = commands.index(rm)
    before = commands[:at]
    for command in before:
        if any(fixing.mentions(command.words, p, command.cwd) for p in paths):
            return None  # this RUN uses the files before it removes them
    opaque = any(fixing.runs_programs(c) for c in before) or any(_opaque(i) for i in between)
    options = [w for w in rm.words[1:] if w.startswith("-") and w != "--"]
    quoted = [p if is_glob(p) and _SAFE.fullmatch(p) else shlex.quote(p) for p in paths]
    text = " ".join(["rm", *options, *quoted])
    escape = ctx.model.parsed.escape
    origin_lines = fixing.instruction_lines(ctx.text, onode)
    appended = fixing.append_command(origin_lines, text, escape)
    assert origin.run is not None
    expected = [c.words for c in origin.run.commands] + [("rm", *options, *(p for p in paths))]
    if fixing.rewritten_words(origin, appended, escape) != expected:
        return None
    left = fixing.drop_removal(
        fixing.instruction_lines(ctx.text, step.instr.node), rm.words, None, escape
    )
    if left is None:
        return None
    if left and fixing.rewritten_words(step, left, escape) != _without(step, rm, None):
        return None
    unsafe = (
        " (this RUN, or one between, runs programs that might read the files first)"
        if opaque
        else ""
    )
    return Fix(
        f"{text} at the end of the RUN at line {origin.instr.line}, which creates the files"
        + ("" if left else ", instead of this RUN")
        + f": no instruction between names them{unsafe}",
        not opaque,
        (
            Edit(onode.start_line, onode.end_line, appended),
            Edit(step.instr.line, step.instr.end_line, left or None),
        ),
    )
