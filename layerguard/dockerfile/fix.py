"""Fixes: rewriting a Dockerfile's lines, and proving the rewrite changes nothing else.

A rule that knows a repair attaches a `findings.Fix` to its problem: line-span edits of the file
as read. Rules build them with the helpers here (`instruction_lines`, `append_command`,
`drop_command`, `add_run_flag`, `rewritten_step`), imported only when a rule has a problem to
fix, so a clean one-file check never loads this module. A rewrite is checked by parsing it again
and comparing the commands the model reads in it with those expected (`rewritten_words`).

Moving work between instructions needs proof that nothing in between can tell: `between` lists
the instructions between two lines, `mentions` is the deliberately coarse test of whether any of
their words may reach a path, `use_of` and `runs_programs` say how a command uses what it names.
`bind_mount` builds the one rewrite two rules share (LG003, LG006): a `COPY` whose files one
`RUN` alone reads becomes a bind mount on that `RUN`.

`apply` writes fixes into the text. Everything outside an edited span stays byte for byte
(comments, continuation lines, indentation, heredocs, line endings). A fix is dropped, and
reported, when the result no longer parses as BuildKit would read it, or when any instruction
outside its span means something else afterwards (a continuation left dangling would swallow
the next instruction). Fixes whose spans overlap one already taken wait for the next pass:
`layerguard check --fix` lints again and repeats until nothing is left to fix.
"""

from __future__ import annotations

import itertools
import os
import posixpath
import re
from collections.abc import Iterable, Sequence

from layerguard.dockerfile.effects import (
    CHOWN,
    DIR,
    EITHER,
    EXEC,
    FILE,
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
    run_effects,
    tool_and_args,
)
from layerguard.dockerfile.model import resolve
from layerguard.dockerfile.parser import Node, ParsedFile, ParseError, check_instructions, parse
from layerguard.findings import Edit, Fix
from layerguard.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from layerguard.dockerfile.filesystem import Entry, Layer, Step
    from layerguard.dockerfile.model import Instruction, Model
    from layerguard.dockerfile.shell import Command

# Passes of lint-then-fix before `check --fix` stops (ruff stops at 100; our fixes never feed
# each other more than twice: an overlapping fix waits one pass).
MAX_PASSES = 10


def instruction_lines(text: str, node: Node) -> list[str]:
    """The lines of `text` the instruction `node` spans, without their line endings."""
    lines = text.split("\n")
    return [line.removesuffix("\r") for line in lines[node.start_line - 1 : node.end_line]]


def append_command(lines: Sequence[str], command: str, escape: str = "\\") -> str:
    """The instruction's lines with `&& command` run at the end of its shell command, in the
    continuation style the instruction already uses:

        RUN a \\            RUN a && \\         RUN a && b
         && b \\               b && \\             -> RUN a && b && command
         && command           command
    """
    last = lines[-1].rstrip()
    while last.endswith(";") and not last.endswith(escape + ";"):
        last = last[:-1].rstrip()  # `a;` then `&& command` would not parse
    if len(lines) == 1:
        return f"{last} && {command}"
    indent = last[: len(last) - len(last.lstrip())]
    previous = next(
        (line.rstrip() for line in reversed(lines[:-1]) if line.rstrip().endswith(escape)), ""
    )
    trailing = previous[: -len(escape)].rstrip().endswith("&&") if previous else False
    if trailing and not last.lstrip().startswith("&&"):
        new = [f"{last} && {escape}", f"{indent}{command}"]
    else:
        new = [f"{last} {escape}", f"{indent}&& {command}"]
    return "\n".join([*lines[:-1], *new])


def add_run_flag(lines: Sequence[str], flag: str) -> str:
    """The instruction's lines with `flag` (`--mount=type=cache,target=/x`) after its keyword."""
    first = lines[0]
    match = re.match(r"(\s*\S+)", first)
    assert match is not None
    at = match.end()
    return "\n".join([f"{first[:at]} {flag}{first[at:]}", *lines[1:]])


def insert_after(lines: Sequence[str], pattern: str, words: str) -> str | None:
    """The lines with ` words` inserted after every match of the regular expression `pattern`;
    None when nothing matches."""
    compiled = re.compile(pattern)
    found = False
    out = []
    for line in lines:
        new = compiled.sub(lambda m: f"{m.group(0)} {words}", line)
        found = found or new != line
        out.append(new)
    return "\n".join(out) if found else None


def reparse(text: str, escape: str) -> Node | None:
    """The one instruction `text` holds, as the parser reads it in a file with this escape
    character; None when it does not parse or holds anything else."""
    directive = "# escape=`\n" if escape == "`" else ""
    try:
        parsed = parse(f"{directive}FROM scratch\n{text}\n")
    except ParseError:
        return None
    if len(parsed.nodes) != 2:
        return None
    return parsed.nodes[1]


def rewritten_step(step: Step, text: str, escape: str) -> Step | None:
    """The RUN `step` as it would be with its lines replaced by `text` (what it writes and
    removes worked out again), or None when `text` is not one RUN."""
    from layerguard.dockerfile.effects import run_effects
    from layerguard.dockerfile.model import parse_flags

    node = reparse(text, escape)
    if node is None or node.keyword != "run" or step.run is None:
        return None
    node = node._replace(start_line=step.instr.line, end_line=step.instr.line)
    instr = step.instr._replace(node=node, flags=parse_flags(node.flags))
    run = run_effects(instr, dict(step.run.scripts), step.run.home, dict(step.run.homes))
    return step._replace(instr=instr, run=run)


def drop_command(
    lines: Sequence[str], words: Sequence[str], operand: str | None, escape: str = "\\"
) -> str | None:
    """The instruction's lines without the command `words` (an `rm`, a `tar -x`), or without
    only its word `operand` when it names other paths too. '' when the command was all the
    instruction ran; None when the command is not found once, at the top level of an `&&` or
    `;` list. With `operand` None the whole command goes, whatever it names:

        RUN a && rm x && b -> RUN a && b        RUN a \\\\n && rm x -> RUN a
        RUN rm -f x y      -> RUN rm -f y       RUN rm x           -> ''

    The caller parses the result again and checks it runs the commands it expects."""
    text = "\n".join(lines)
    esc = re.escape(escape)
    sep = rf"(?:[ \t]|{esc}\n)+"
    gap = rf"(?:[ \t]|{esc}\n)*"
    command = sep.join(_word(w) for w in words)
    found = list(re.finditer(rf"(?<![^\s;&]){command}(?=[\s;&]|\Z)", text))
    if len(found) != 1 or not words:
        return None
    match = found[0]
    before, after = text[: match.start()], text[match.end() :]
    if operand is not None and sum(1 for w in words[1:] if not w.startswith("-")) > 1:
        span = text[match.start() : match.end()]
        inner = list(re.finditer(rf"{sep}{_word(operand)}(?={sep}|\Z)", span))
        if len(inner) != 1:
            return None
        return before + span[: inner[0].start()] + span[inner[0].end() :] + after
    first = re.fullmatch(rf"\s*\S+(?:{sep}--\S+)*{sep}", before)
    joined = re.search(rf"{gap}(?:&&|;){gap}\Z", before)
    follows = re.match(rf"{gap}(?:&&|;){gap}", after)
    if follows and (first or joined):
        return before + after[follows.end() :]  # `a && rm x && b`, `RUN rm x && b`
    if not after.strip():
        if first:
            return ""
        kept = before[: joined.start()].rstrip(" \t") if joined else ""
        if kept and not kept.endswith(("\n", escape)):
            return kept  # (a comment line between the two would be left dangling: None)
    return None


def _word(word: str) -> str:
    quoted = re.escape(word)
    return rf"(?:{quoted}|'{quoted}'|\"{quoted}\")"


# Characters that end a word for `mentions`: blanks, shell operators, quotes, and the `=`, `:`
# and `,` of assignments, PATH-like lists and mount options.
_SPLIT = re.compile(r"[\s=:,;'\"()`|&<>{}]+")


def mentions(words: Iterable[str], path: str, workdir: str | None = None) -> bool:
    """True when a word could name `path` or anything at or above it: it contains the path, a
    parent directory of it (but /), or the name of either; it is `/`, holds a variable or a
    glob; or it is `.`/`..` where the directory `workdir` is at, above or below the path.
    Deliberately coarse: a fix that moves the path must find no word that may reach it."""
    names = [path]
    parent = posixpath.dirname(path)
    while parent not in ("/", ""):
        names.append(parent)
        parent = posixpath.dirname(parent)
    names += [posixpath.basename(n) for n in names]
    for word in words:
        for token in _SPLIT.split(word):
            if not token:
                continue
            if token in ("/", "/.", "~") or "$" in token or any(c in token for c in "*?["):
                return True
            if any(name in token for name in names):
                return True
            if token.strip("./") == "" and workdir is not None:
                if workdir == "/" or workdir == path or workdir.startswith(path + "/"):
                    return True
                if path.startswith(workdir.rstrip("/") + "/"):
                    return True
    return False


def instruction_words(instr: Instruction) -> list[str]:
    """Every word of the instruction as written, heredoc bodies included (for `mentions`)."""
    node = instr.node
    return [*node.original.split(), *(h.content for h in node.heredocs)]


def between(model: Model, first: int, last: int) -> list[Instruction] | None:
    """The instructions of every stage that lie after line `first` and before line `last`;
    None when a FROM lies between (the two lines are in different stages)."""
    if any(first < stage.from_node.start_line < last for stage in model.stages):
        return None
    return [
        instr
        for stage in model.stages
        for instr in stage.instructions
        if first < instr.line and instr.end_line < last
    ]


# Programs that only read the paths they are given (scripts run by a shell read their file), and
# commands that name a path without touching it: a read-only bind mount serves them as the COPY
# did.
_READERS = frozenset(
    {
        *("sh", "bash", "ash", "dash", "ksh", "zsh", ".", "source", "cd", "echo", "printf", "test"),
        *("[", "[[", "ls", "cat", "head", "tail", "grep", "wc", "cmp", "diff", "sha256sum"),
        *("sha512sum", "sha1sum", "md5sum", "cp", "install", "tar", "unzip", "python", "python3"),
        *("node", "java", "dpkg", "rpm", "pip", "pip3", "apk", "apt-get", "true", "file"),
    }
)
# Ways of reading that keep the files' owners (the mount shows the build context's, where COPY
# gave root), move them (a read-only mount refuses) or hard-link them (across a mount: EXDEV).
_OWNER_FLAGS = ("-a", "-p", "--archive", "--preserve", "--no-dereference")


def use_of(command: Command) -> str:
    """How a command uses the paths it names: `read` when it only reads them (a read-only bind
    mount serves it), `keep` when it would see the difference between a mount and a copy (it
    moves, hard-links or copies with owners: mv, ln, rsync, cpio, cp -a, tar -c), else `write`
    (it may write there: a program whose writes are not known)."""
    tool, words = tool_and_args(command)
    if tool in ("mv", "rsync", "cpio") or (tool == "ln" and not _has_letter(words, "s")):
        return "keep"
    if tool == "ln":
        return "read"
    if tool == "cp" and (
        any(w.startswith(_OWNER_FLAGS) for w in words[1:]) or _has_letter(words, "ap")
    ):
        return "keep"
    if tool == "tar" and not _has_letter(words, "xt") and "--extract" not in words:
        return "keep"
    if tool == "install" and "-d" in words:
        return "write"
    return "read" if tool in _READERS else "write"


# Programs that run other code: a script, a Makefile, a class. What that code reads is not known.
_RUNNERS = frozenset(
    {"sh", "bash", "ash", "dash", "ksh", "zsh", ".", "source", "python", "python3", "node", "java"}
)


# Programs that write, but only the paths they name.
_NAMED_WRITERS = frozenset(
    {
        *("mkdir", "rm", "rmdir", "chmod", "chown", "chgrp", "ln", "touch", "mv", "tee", "sed"),
        *("curl", "wget", "gzip", "gunzip", "xz", "unxz", "bzip2", "bunzip2", "useradd"),
        *("groupadd", "adduser", "addgroup", "usermod", "export", "set", "unset", "exit"),
    }
)


def runs_programs(command: Command) -> bool:
    """The command runs code whose reads and writes are not known: a shell script, an
    interpreter, a build tool, or a program the model does not know."""
    tool = tool_and_args(command)[0]
    if tool in _RUNNERS:
        return True
    return use_of(command) == "write" and tool not in _NAMED_WRITERS


def _has_letter(words: Sequence[str], letters: str) -> bool:
    """A short option cluster (`-sf`, `-xzf`, `xzf` as tar's first word) holds one of `letters`."""
    for i, word in enumerate(words[1:], 1):
        bundled = word.startswith("-") and not word.startswith("--")
        first_tar = i == 1 and words[0] == "tar" and word.isalpha()
        if (bundled or first_tar) and any(c in word for c in letters):
            return True
    return False


def rewritten_words(step: Step, text: str, escape: str) -> list[tuple[str, ...]] | None:
    """The commands (their words) the RUN `step` would run with its lines replaced by `text`."""
    new = rewritten_step(step, text, escape)
    if new is None or new.run is None:
        return None
    return [c.words for c in new.run.commands]


def bind_mount(
    text: str,
    model: Model,
    steps: Sequence[Step],
    layers: Sequence[Layer],
    source: int,
    index: int,
    rm: Command | None,
    path: str,
) -> Fix | None:
    """`RUN --mount=type=bind,source=x,target=/x` on the RUN `steps[index]` instead of the
    `COPY x /x` at `steps[source]`, whose files only that RUN reads (LG003, LG006). With `rm`,
    the command of that RUN that removes `path`, the removal goes too and the final image is
    the same; without, the image no longer holds what the COPY wrote: an unsafe fix.
    None unless the mount provably serves the RUN as the COPY did (docs/rules.md, LG003)."""
    copy, step = steps[source], steps[index]
    if step.run is None or step.instr.node.json_form or step.instr.node.heredocs:
        return None
    node = copy.instr.node
    if node.json_form or node.heredocs or len(node.args) != 2 or "$" in node.original:
        return None
    stage = copy.instr.flag("from")
    if set(copy.instr.flags) - {"from"} or (stage is not None and not _plain_name(stage)):
        return None  # --chown, --chmod, --link, --parents, --exclude: a mount has no such thing
    named = [w for w, p in removed_paths(rm) if p == path] if rm is not None else [None]
    if len(named) != 1:
        return None
    entries = layers[source].entries
    if not entries or not all(covers(path, e.path) for e in entries):
        return None  # the RUN keeps some of what the COPY wrote
    (src,), dest_raw = copy_sources(copy.instr)
    dest = resolve(dest_raw, copy.instr.workdir)
    target = _target(src, dest, path, entries)
    if target is None or any(c in src + target for c in ",=\"' ") or is_glob(src):
        return None
    older = [e for lay in layers[:source] for e in lay.entries]
    if any(
        e.path == target or inside(e.path, target) or (e.kind != DIR and inside(target, e.path))
        for e in older
    ):
        return None  # the RUN removed an earlier version too: without the rm it would stay
    earlier = [e.path for e in older]
    workdirs = [i.workdir for s in model.stages for i in s.instructions]
    if target in STANDARD_DIRS or any(w == target or inside(w, target) for w in workdirs):
        return None  # the directory was there before: a mount over it would hide its contents
    parent = posixpath.dirname(target)
    if parent not in STANDARD_DIRS and not any(p == parent or inside(p, parent) for p in earlier):
        return None  # the COPY made the parent, which then stays; a mount's may not
    directory = target == dest and not (len(entries) == 1 and entries[0].path == target)
    if directory and stage is None and _ignore_file(model.path):
        return None  # builders differ on whether a bind mount of the context honours it
    others = between(model, copy.instr.end_line, step.instr.line)
    if others is None or any(mentions(instruction_words(i), target, i.workdir) for i in others):
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
    escape = model.parsed.escape
    lines = instruction_lines(text, step.instr.node)
    left = drop_command(lines, rm.words, named[0], escape) if rm is not None else "\n".join(lines)
    if left is None:
        return None
    expected = without(step, rm, named[0])
    if left:
        new = add_run_flag(left.split("\n"), flag)
        if rewritten_words(step, new, escape) != expected:
            return None
    elif expected:
        return None
    why = (
        "the files are read by this RUN alone and removed by it; no instruction between names them"
    )
    opaque_between = any(opaque(i) for i in others)
    unsafe = ", though a RUN between runs programs that might read them" if opaque_between else ""
    if rm is None:
        why = "the image no longer holds them: unsafe if anything after this RUN reads them"
    what = f"RUN {flag}" if left else "nothing (the RUN only removed what the COPY wrote)"
    return Fix(
        f"{what} instead of the COPY at line {copy.instr.line}"
        + (" and the rm" if rm is not None else "")
        + f": {why}{unsafe}",
        not opaque_between and rm is not None,
        (
            Edit(copy.instr.line, copy.instr.end_line, None),
            Edit(step.instr.line, step.instr.end_line, new if left else None),
        ),
    )


def _plain_name(stage: str) -> bool:
    """A stage name or image reference: not an index (`--from=0`), no variable."""
    return not stage.isdigit() and "$" not in stage and "," not in stage


def _target(src: str, dest: str, path: str, entries: Sequence[Entry]) -> str | None:
    """Where the mount goes: the one file the COPY wrote (at `path`), or the directory `dest`
    that it filled with a directory's contents; None when the Dockerfile leaves it open."""
    if len(entries) == 1 and entries[0].path == path:
        entry = entries[0]
        if entry.kind == FILE or (entry.kind == EITHER and path == dest):
            return path  # `COPY x /tmp/x`, `COPY x /tmp/`, or a file-or-directory at dest
        return None
    # (a file-or-directory at dest with files listed inside it is the directory)
    if path != dest or not all(
        inside(e.path, path) or e.kind == TREE or (e.kind == EITHER and e.path == path)
        for e in entries
    ):
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


def _writes_before(step: Step, rm: Command | None, target: str, directory: bool) -> bool | None:
    """Whether the RUN may write under `target` before `rm`; None when a command would tell a
    mount from a copy (it moves, hard-links or keeps owners), or names the path after the rm."""
    assert step.run is not None
    commands = step.run.commands
    at = commands.index(rm) if rm is not None else len(commands)
    for later in commands[at + 1 :]:
        inside_it = later.cwd is not None and (later.cwd == target or inside(later.cwd, target))
        if inside_it or mentions(later.words, target, later.cwd):
            return None  # it would find the mount where the copy was gone
    writes = False
    for command in commands[:at]:
        cwd_in = command.cwd is not None and (command.cwd == target or inside(command.cwd, target))
        if not (cwd_in or mentions(command.words, target, command.cwd)):
            continue
        use = use_of(command)
        if use == "keep":
            return None
        # A script run from or in a directory may write there (build output next to sources).
        writes = writes or use == "write" or (directory and runs_programs(command))
    for op in step.run.ops:
        if rm is not None and op.command == " ".join(rm.words):
            break
        if op.kind in (WRITE, REMOVE, CHOWN, TOUCH, EXEC) and any(
            p == target or inside(p, target) for p in op.paths
        ):
            writes = True
    return writes


def without(step: Step, rm: Command | None, operand: str | None) -> list[tuple[str, ...]]:
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


def opaque(instr: Instruction) -> bool:
    """A RUN that runs programs whose reads are not known (a script, a Makefile)."""
    return instr.keyword == "run" and any(runs_programs(c) for c in run_effects(instr).commands)


def removed_paths(rm: Command) -> list[tuple[str, str | None]]:
    """Each operand of the `rm` command with the absolute path it names (None when unknown)."""
    from layerguard.dockerfile.shell import resolve_path

    operands = [w for w in rm.words[1:] if not w.startswith("-")]
    return [(w, resolve_path(w, rm.cwd) if not w.startswith("~") else None) for w in operands]


class Applied(NamedTuple):
    """What `apply` made of some fixes: the new text, the fixes written into it, the fixes
    dropped (with why), and those left for another pass because they overlap a taken one."""

    text: str
    applied: tuple[Fix, ...]
    dropped: tuple[tuple[Fix, str], ...]
    waiting: tuple[Fix, ...]


def apply(text: str, fixes: Sequence[Fix]) -> Applied:
    """Write `fixes` into `text` (the file as read), each checked on its own: see the module's
    docstring. The text must parse."""
    taken: list[Fix] = []
    waiting: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: f.span):
        if not fix.edits or _overlaps(fix, taken) or _edits_overlap(fix):
            waiting.append(fix)
        else:
            taken.append(fix)
    applied: list[Fix] = []
    dropped: list[tuple[Fix, str]] = []
    current = text
    # Bottom up: a fix lower in the file never moves the lines of one above it.
    for fix in sorted(taken, key=lambda f: f.span, reverse=True):
        candidate = _write(current, fix.edits)
        why = _changes_meaning(current, candidate, fix.edits)
        if why:
            dropped.append((fix, why))
        else:
            current = candidate
            applied.append(fix)
    applied.reverse()
    return Applied(current, tuple(applied), tuple(dropped), tuple(waiting))


def _overlaps(fix: Fix, taken: list[Fix]) -> bool:
    first, last = fix.span
    return any(first <= other[1] and other[0] <= last for other in (t.span for t in taken))


def _edits_overlap(fix: Fix) -> bool:
    edits = sorted(fix.edits)
    return any(a.end_line >= b.line for a, b in itertools.pairwise(edits))


def _write(text: str, edits: Sequence[Edit]) -> str:
    lines = text.split("\n")
    for edit in sorted(edits, reverse=True):
        ending = "\r" if lines[edit.line - 1].endswith("\r") else ""
        new = [] if edit.text is None else [line + ending for line in edit.text.split("\n")]
        lines[edit.line - 1 : edit.end_line] = new
    return "\n".join(lines)


def _changes_meaning(old: str, new: str, edits: Sequence[Edit]) -> str:
    """Why the rewrite `new` of `old` is refused, or '' when it parses and every instruction
    outside the edited spans reads as it did."""
    try:
        after = parse(new)
        check_instructions(after)
    except ParseError as exc:
        return f"the fixed file would not parse (line {exc.line}: {exc.message})"
    before = parse(old)
    if (before.escape, dict(before.directives)) != (after.escape, dict(after.directives)):
        return "the fix would change the file's parser directives"
    old_spans = [(e.line, e.end_line) for e in edits]
    new_spans = []
    shift = 0
    for edit in sorted(edits):
        count = 0 if edit.text is None else edit.text.count("\n") + 1
        start = edit.line + shift
        new_spans.append((start, start + count - 1))
        shift += count - (edit.end_line - edit.line + 1)
    if _straddles(before, old_spans):
        return "the fix edits part of an instruction"
    if _outside(before, old_spans) != _outside(after, new_spans):
        return "the fix would change the meaning of other instructions"
    return ""


def _straddles(parsed: ParsedFile, spans: list[tuple[int, int]]) -> bool:
    return any(
        (n.start_line < first <= n.end_line) or (n.start_line <= last < n.end_line)
        for n in parsed.nodes
        for first, last in spans
    )


def _outside(parsed: ParsedFile, spans: list[tuple[int, int]]) -> list[tuple[object, ...]]:
    """What each instruction outside the spans means: its parse, heredoc bodies included."""
    from layerguard.dockerfile.parser import dump

    return [
        (dump(n), tuple((h.name, h.content, h.expand, h.chomp, h.fd) for h in n.heredocs))
        for n in parsed.nodes
        if not any(first <= n.end_line and n.start_line <= last for first, last in spans)
    ]


def diff(path: str, old: str, new: str) -> str:
    """A unified diff of the file before and after its fixes, as `git diff` shows one."""
    import difflib

    return "".join(
        difflib.unified_diff(
            _lines(old),
            _lines(new),
            f"a/{path.lstrip('/')}",
            f"b/{path.lstrip('/')}",
        )
    )


def _lines(text: str) -> list[str]:
    """Lines with their endings, split at newlines only (as the parser counts them)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


__all__ = [
    "MAX_PASSES",
    "Applied",
    "add_run_flag",
    "append_command",
    "apply",
    "between",
    "bind_mount",
    "diff",
    "drop_command",
    "insert_after",
    "instruction_lines",
    "instruction_words",
    "mentions",
    "opaque",
    "removed_paths",
    "reparse",
    "rewritten_step",
    "rewritten_words",
    "runs_programs",
    "use_of",
    "without",
]
