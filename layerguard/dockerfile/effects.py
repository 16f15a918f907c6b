"""What each instruction does to the filesystem: the paths it writes, removes and re-owns.

Shared by the rules that compare an instruction with the layers below it (LG002-LG004), so the
knowledge of what `curl -o`, `tar -C`, `apt-get install` or `COPY src .` writes lives in one place.
Paths are absolute; a path stands for itself and everything below it.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import posixpath
from collections.abc import Iterable, Iterator, Mapping

from layerguard.dockerfile.model import Instruction, expand, resolve
from layerguard.dockerfile.shell import Command, Redirect, split_commands
from layerguard.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from layerguard.dockerfile.ignorefile import Ignored

SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh", "busybox"})

# What package managers write: their own state and caches (precise enough to name as the origin
# of a later deletion), and the system trees that installed packages land in (only good enough to
# say that a removal in the same RUN cleans up its own files).
_STATE: Mapping[str, tuple[str, ...]] = {
    "apt": ("/var/cache/apt", "/var/lib/dpkg", "/var/lib/apt/extended_states", "/var/log/apt"),
    "apk": ("/var/cache/apk", "/lib/apk/db", "/etc/apk/world"),
    "yum": ("/var/cache/yum", "/var/cache/dnf", "/var/lib/rpm", "/var/lib/dnf", "/var/lib/yum"),
    "pip": ("/root/.cache/pip",),
    "npm": ("/root/.npm", "/usr/local/share/.cache/yarn"),
    "gem": ("/root/.gem", "/root/.bundle"),
    "pecl": ("/tmp/pear", "/root/.pearrc"),
    "make": (),
}
_INDEX: Mapping[str, tuple[str, ...]] = {
    "apt": ("/var/lib/apt/lists",),
    "apk": ("/var/cache/apk",),
    "yum": ("/var/cache/yum", "/var/cache/dnf"),
}
_TREES: Mapping[str, tuple[str, ...]] = {
    "apt": ("/usr", "/etc", "/opt", "/var/log", "/lib"),
    "apk": ("/usr", "/etc", "/opt", "/lib", "/bin", "/sbin"),
    "yum": ("/usr", "/etc", "/opt", "/var/log", "/lib"),
    "pip": ("/usr/local/lib", "/usr/lib/python3", "/usr/local/bin", "/opt"),
    "npm": ("/usr/local/lib/node_modules", "/usr/local/bin"),
    "gem": ("/usr/local/bundle", "/var/lib/gems", "/usr/local/lib/ruby", "/usr/local/bin"),
    "pecl": ("/usr/local/lib/php", "/usr/local/etc/php"),
    "make": ("/usr/local",),
}
# Programs whose writes are modelled here, or that write nothing a later removal could mean.
_MODELLED = frozenset(
    {
        "set",
        "echo",
        "printf",
        "cd",
        "pushd",
        "popd",
        "export",
        "true",
        "false",
        "test",
        "[",
        "[[",
        ":",
        "exit",
        "unset",
        "local",
        "readonly",
        "shift",
        "rm",
        "rmdir",
        "unlink",
        "shred",
        "mkdir",
        "touch",
        "cp",
        "mv",
        "ln",
        "install",
        "chmod",
        "chown",
        "chgrp",
        "setfacl",
        "curl",
        "wget",
        "tar",
        "bsdtar",
        "unzip",
        "ls",
        "cat",
        "grep",
        "egrep",
        "sed",
        "awk",
        "find",
        "which",
        "type",
        "id",
        "whoami",
        "sleep",
        "sha256sum",
        "sha512sum",
        "sha1sum",
        "md5sum",
        "uname",
        "sort",
        "head",
        "tail",
        "wc",
        "tr",
        "cut",
        "useradd",
        "groupadd",
        "adduser",
        "addgroup",
        "usermod",
        "git",
        "apt-get",
        "apt",
        "aptitude",
        "apk",
        "yum",
        "dnf",
        "microdnf",
        "tdnf",
        "zypper",
        "pip",
        "pip3",
        "pip2",
        "npm",
        "yarn",
        "pnpm",
        "gem",
        "bundle",
        "dpkg",
        "rpm",
        "apt-mark",
        "ldconfig",
    }
)
_TREES_ALL = frozenset(p for paths in _TREES.values() for p in paths)
_BROAD = _TREES_ALL | frozenset(p for paths in (*_STATE.values(), *_INDEX.values()) for p in paths)
# Build tools write into the directory they run in.
_BUILDERS = frozenset(
    {"make", "cmake", "ninja", "go", "cargo", "mvn", "gradle", "./configure", "configure", "dotnet"}
)
_APT = frozenset({"apt-get", "apt", "aptitude"})
_YUM = frozenset({"yum", "dnf", "microdnf", "tdnf", "zypper"})
_PIP = frozenset({"pip", "pip3", "pip2"})


def path_overlaps(a: str, b: str) -> bool:
    """True when one path equals, contains or lies inside the other (globs allowed in either)."""
    if a == b or a == "/" or b == "/":
        return True
    if _is_glob(a) or _is_glob(b):
        return _glob_overlaps(a, b)
    return a.startswith(b.rstrip("/") + "/") or b.startswith(a.rstrip("/") + "/")


def _glob_overlaps(a: str, b: str) -> bool:
    pa, pb = a.strip("/").split("/"), b.strip("/").split("/")
    return all(_component_matches(x, y) for x, y in zip(pa, pb, strict=False))


def _component_matches(x: str, y: str) -> bool:
    # fnmatch compiles a regex per pattern: only components that hold a glob need one.
    return (
        x == y
        or (_is_glob(y) and fnmatch.fnmatchcase(x, y))
        or (_is_glob(x) and fnmatch.fnmatchcase(y, x))
    )


def _is_glob(text: str) -> bool:
    return "*" in text or "?" in text or "[" in text


class Action(NamedTuple):
    """One command's effect on paths: `kind` is 'remove', 'chown', 'touch' or 'package-remove'.

    `foreign` are the paths (or for 'package-remove', the tool) that no earlier command of the
    same RUN created; `unknown_before` is True when an earlier command of the same RUN ran a
    program whose writes are not modelled, so it may have created them.
    """

    kind: str
    tool: str
    paths: tuple[str, ...]
    command: str
    foreign: tuple[str, ...] = ()
    unknown_before: bool = False


class RunEffects(NamedTuple):
    """A RUN's commands; the files it named (`files`) and the paths precise enough to name as
    the origin of a later change (`tracked`); what it removed or re-owned (`actions`); the
    directories it only created (`dirs`, by mkdir or useradd: the origin of the directory, not of
    what a later layer puts in it)."""

    commands: tuple[Command, ...]
    files: tuple[str, ...]
    tracked: tuple[str, ...]
    actions: tuple[Action, ...]
    dirs: tuple[str, ...] = ()


def run_scripts(instr: Instruction) -> list[str]:
    """The shell scripts a RUN executes: its command line and any heredoc fed to a shell."""
    node = instr.node
    if node.json_form:
        argv = list(node.args)
        if len(argv) >= 3 and posixpath.basename(argv[0]) in SHELLS and argv[1] == "-c":
            return [argv[2]]
        return [" ".join(_quote(a) for a in argv)] if argv else []
    line = node.args[0] if node.args else ""
    scripts = []
    words = line.split()
    heredoc_names = {f"<<{h.name}" for h in node.heredocs} | {f"<<-{h.name}" for h in node.heredocs}
    only_heredocs = bool(words) and all(_is_heredoc_word(w, heredoc_names) for w in words)
    runs_shell = bool(words) and posixpath.basename(words[0]) in SHELLS
    for doc in node.heredocs:
        body = doc.content
        first = body.split("\n", 1)[0]
        if first.startswith("#!") and not any(s in first for s in SHELLS):
            continue
        if only_heredocs or runs_shell:
            scripts.append(body)
    if not only_heredocs:
        scripts.insert(0, line)
    return scripts


def _is_heredoc_word(word: str, names: set[str]) -> bool:
    return word.lstrip("0123456789").replace("'", "").replace('"', "") in names


def _quote(word: str) -> str:
    return (
        "'" + word.replace("'", "'\\''") + "'"
        if not word or any(c in word for c in " \t'\"$\\;&|<>()")
        else word
    )


def run_effects(instr: Instruction) -> RunEffects:
    """Split a RUN into commands and work out what each writes, removes and re-owns.

    Repositories hold many Dockerfiles with the same RUN (one per variant or version), so the
    result is kept per script, directory and the variables the script can see.
    """
    scripts = run_scripts(instr)
    text = "\n".join(scripts)
    seen = tuple(sorted((k, v) for k, v in instr.env.items() if k in text))
    key = (text, instr.workdir, seen)
    found = _RUN_CACHE.get(key)
    if found is None:
        found = _RUN_CACHE[key] = _run_effects(scripts, instr)
    return found


_RUN_CACHE: dict[tuple[str, str, tuple[tuple[str, str], ...]], RunEffects] = {}


def _run_effects(scripts: list[str], instr: Instruction) -> RunEffects:
    commands: list[Command] = []
    for script in scripts:
        commands.extend(split_commands(script, instr.workdir, instr.env))
    writes: list[str] = []
    files: list[str] = []
    tracked: list[str] = []
    dirs: list[str] = []
    actions: list[Action] = []
    installs: set[str] = set()
    unknown = False
    for command in commands:
        for action in _actions(command):
            if action.kind == "package-remove":
                foreign: tuple[str, ...] = () if action.tool in installs else (action.tool,)
            else:
                foreign = tuple(
                    p for p in action.paths if not any(path_overlaps(p, w) for w in writes)
                )
            actions.append(action._replace(foreign=foreign, unknown_before=unknown))
            if action.kind == "remove":
                # What this RUN wrote and removed again never reaches its layer.
                tracked = [w for w in tracked if not _removed(action.paths, w)]
                files = [w for w in files if not _removed(action.paths, w)]
                dirs = [w for w in dirs if not _removed(action.paths, w)]
        tool = tool_and_args(command)[0]
        if tool not in _MODELLED:
            unknown = True
            # An unmodelled program may fill the directories made so far: they hold content.
            tracked.extend(dirs)
            dirs = []
        written = _writes(command, installs)
        writes.extend(written)
        files.extend(_named_files(command, written))
        if tool in ("mkdir", "useradd", "adduser"):
            dirs.extend(written)
        elif tool == "apk" and apk_without_cache(command.words):
            # It may touch /var/cache/apk, but leaves nothing there for a later layer to delete.
            tracked.extend(w for w in _tracked(written) if w != "/var/cache/apk")
        else:
            tracked.extend(_tracked(written))
    return RunEffects(tuple(commands), tuple(files), tuple(tracked), tuple(actions), tuple(dirs))


def _removed(removals: tuple[str, ...], written: str) -> bool:
    """True when removing `removals` leaves nothing of `written`: the path itself, a directory
    above it, a glob matching it or a parent, or `dir/*` when `written` is the directory."""
    for removal in removals:
        if removal == written or written.startswith(removal.rstrip("/") + "/"):
            return True
        if removal.endswith("/*") and removal[:-2] == written.rstrip("/"):
            return True
        if _is_glob(removal):
            wanted, parts = removal.strip("/").split("/"), written.strip("/").split("/")
            if len(parts) >= len(wanted) and all(
                _shell_glob(p, w) for p, w in zip(parts, wanted, strict=False)
            ):
                return True
    return False


def apk_without_cache(words: tuple[str, ...]) -> bool:
    """`apk add --no-cache` keeps no cache; `--no-network` installs from what is there and
    fetches nothing to keep."""
    return "--no-cache" in words or "--no-network" in words


def _shell_glob(name: str, pattern: str) -> bool:
    """fnmatch as the shell globs a name: a leading `.` must be matched by a `.`."""
    if name.startswith(".") and not pattern.startswith("."):
        return False
    return fnmatch.fnmatchcase(name, pattern)


def _named_files(command: Command, written: list[str]) -> list[str]:
    """Of what a command wrote, the files it named: redirect, download and copy targets."""
    tool, _ = tool_and_args(command)
    if tool in ("curl", "wget", "cp", "mv", "ln", "touch", "install") or command.redirects:
        return [w for w in written if w not in _BROAD]
    return []


def _writes_file(redirect: Redirect) -> bool:
    """`> f`, `>> f`, `2> f`, `&> f`; not `2>&1`, `>&2` or `>&-`, which name descriptors."""
    if ">" not in redirect.op:
        return False
    return not (redirect.op.endswith("&") and (redirect.target.isdigit() or redirect.target == "-"))


def _extracts(words: tuple[str, ...]) -> bool:
    """`tar xzf`, `tar -xzf`, `tar --extract`, `tar -C dir -x ...`."""
    first = words[1] if len(words) > 1 else ""
    if not first.startswith("--") and "x" in first.lstrip("-"):
        return True
    return any(w in ("-x", "--extract", "--get") for w in words)


def _tracked(written: list[str]) -> list[str]:
    """Of what a command wrote, what is precise enough to name as the origin of a later change."""
    return [w for w in written if w not in _TREES_ALL]


def _operands(words: tuple[str, ...], with_value: frozenset[str] = frozenset()) -> list[str]:
    """Non-option words after the command name; `with_value` options consume the next word."""
    out: list[str] = []
    skip = False
    ended = False
    for word in words[1:]:
        if skip:
            skip = False
        elif ended or not word.startswith("-") or word == "-":
            out.append(word)
        elif word == "--":
            ended = True
        elif word in with_value:
            skip = True
    return out


def _option_value(words: tuple[str, ...], short: str, long: str = "") -> str | None:
    """The value of `-o VALUE`, `-oVALUE`, `-fsSLo VALUE`, `--output VALUE` or `--output=VALUE`."""
    letter = short[1:]
    for i, word in enumerate(words[1:], 1):
        following = words[i + 1] if i + 1 < len(words) else None
        if long and word == long:
            return following
        if long and word.startswith(long + "="):
            return word.split("=", 1)[1]
        if word.startswith("-") and not word.startswith("--") and letter in word[1:]:
            rest = word[word.index(letter, 1) + 1 :]
            return rest or following
    return None


def _path(word: str, command: Command) -> str | None:
    if not word or word.startswith("$(") or word.startswith("`"):
        return None
    if word.startswith("~"):
        word = "/root" + word[1:]
    if word.startswith("$") and not word.startswith("$HOME"):
        return None
    word = word.replace("$HOME", "/root")
    if not word.startswith("/") and command.cwd is None:
        return None
    return resolve(word, command.cwd or "/")


def _paths(words: Iterable[str], command: Command) -> tuple[str, ...]:
    return tuple(p for p in (_path(w, command) for w in words) if p is not None)


@functools.lru_cache(maxsize=4096)
def tool_and_args(command: Command) -> tuple[str, tuple[str, ...]]:
    """The program and its argv, looking through sudo/env/python -m/busybox."""
    words = command.words
    while words:
        name = posixpath.basename(words[0])
        if name in ("sudo", "env", "nice", "nohup", "time", "exec", "command", "busybox"):
            words = tuple(w for w in words[1:] if "=" not in w or w.startswith("-"))
            while words and words[0].startswith("-"):
                words = words[1:]
            continue
        if name.startswith("python") and len(words) > 2 and words[1] == "-m":
            return words[2], words[2:]
        return name, words
    return "", ()


def _actions(command: Command) -> Iterator[Action]:
    tool, words = tool_and_args(command)
    text = " ".join(words)
    if tool in ("rm", "rmdir", "unlink", "shred"):
        yield Action("remove", tool, _paths(_operands(words), command), text)
    elif tool == "find" and ("-delete" in words or _find_execs_rm(words)):
        roots = []
        for word in words[1:]:
            if word.startswith("-") or word in ("(", "!"):
                break
            roots.append(word)
        yield Action("remove", "find", _paths(roots or ["."], command), text)
    elif tool in ("chown", "chmod", "chgrp"):
        operands = _operands(words, frozenset({"--reference"}))
        if tool == "chmod":
            operands = [w for w in words[1:] if not _is_chmod_option(w)]
        if not any(w.startswith("--reference") for w in words):
            operands = operands[1:]
        yield Action("chown", tool, _paths(operands, command), text)
    elif tool == "setfacl":
        operands = _operands(words, frozenset({"-m", "-x", "-M", "-X", "--modify", "--remove"}))
        yield Action("chown", tool, _paths(operands, command), text)
    elif tool == "touch":
        operands = _operands(words, frozenset({"-r", "-d", "-t", "--reference", "--date"}))
        yield Action("touch", tool, _paths(operands, command), text)
    else:
        manager = _package_removal(tool, words)
        if manager:
            yield Action("package-remove", manager, (), text)


def _is_chmod_option(word: str) -> bool:
    return (word.startswith("-") and not any(c in word[1:] for c in "rwxXstugo=+-")) or word in (
        "-R",
        "-v",
        "-f",
        "-c",
        "--recursive",
        "--verbose",
        "--silent",
        "--quiet",
        "--changes",
    )


def _find_execs_rm(words: tuple[str, ...]) -> bool:
    for i, word in enumerate(words[:-1]):
        if word in ("-exec", "-execdir") and posixpath.basename(words[i + 1]) in ("rm", "rmdir"):
            return True
    return False


def _subcommand(words: tuple[str, ...]) -> str:
    for word in words[1:]:
        if not word.startswith("-"):
            return word
    return ""


def _package_removal(tool: str, words: tuple[str, ...]) -> str | None:
    sub = _subcommand(words)
    if tool in _APT and sub in ("purge", "remove", "autoremove"):
        return "apt"
    if tool == "dpkg" and any(w in ("-r", "-P", "--purge", "--remove") for w in words):
        return "apt"
    if tool == "apk" and sub == "del":
        return "apk"
    if tool in _YUM and sub in ("remove", "erase", "autoremove"):
        return "yum"
    if tool == "rpm" and any(w.startswith("-e") for w in words[1:2]):
        return "yum"
    if tool in _PIP and sub == "uninstall":
        return "pip"
    if tool in ("npm", "yarn") and sub in ("uninstall", "remove", "prune", "rm"):
        return "npm"
    if tool == "gem" and sub == "uninstall":
        return "gem"
    return None


def updates_index(command: Command) -> str | None:
    """The package manager family whose index a command downloads (`apt-get update`), if any."""
    tool, words = tool_and_args(command)
    sub = _subcommand(words)
    if (tool in _APT and sub == "update") or (tool == "apk" and sub == "update"):
        return "apk" if tool == "apk" else "apt"
    if tool in _YUM and sub in ("makecache", "update", "upgrade", "install"):
        return "yum"
    if tool == "apk" and sub == "add" and not apk_without_cache(words):
        return "apk"
    return None


def package_install(command: Command) -> str | None:
    """The package manager family a command installs with ('apt', 'apk', ...), if any."""
    tool, words = tool_and_args(command)
    sub = _subcommand(words)
    if tool in _APT and sub in ("install", "update", "upgrade", "dist-upgrade", "build-dep"):
        return "apt"
    if tool in ("pecl", "pear") and sub == "install":
        return "pecl"
    if tool == "dpkg" and "-i" in words:
        return "apt"
    if tool == "apk" and sub in ("add", "update", "upgrade"):
        return "apk"
    if tool in _YUM and sub in ("install", "update", "upgrade", "groupinstall", "makecache"):
        return "yum"
    if tool in _PIP and sub == "install":
        return "pip"
    if tool in ("npm", "yarn", "pnpm") and sub in ("install", "ci", "i", "add", ""):
        return "npm"
    if tool in ("gem", "bundle") and sub == "install":
        return "gem"
    if tool == "make" and "install" in words[1:]:
        return "make"
    return None


def _writes(command: Command, installs: set[str]) -> list[str]:
    tool, words = tool_and_args(command)
    out = [
        t
        for t in (_path(r.target, command) for r in command.redirects if _writes_file(r))
        if t and not t.startswith("/dev/")
    ]
    manager = package_install(command)
    if manager:
        installs.add(manager)
        out.extend(_STATE[manager] + _TREES[manager])
    index = updates_index(command)
    if index:
        out.extend(_INDEX[index])
    operands = _operands(words)
    if tool in ("mkdir", "touch", "mktemp", "install"):
        out.extend(_paths(operands, command))
    elif tool in ("cp", "mv", "ln", "rsync") and operands:
        out.extend(_paths(operands[-1:], command))
    elif tool == "curl":
        target = _option_value(words, "-o", "--output")
        if target:
            out.extend(_paths([target], command))
        elif any(
            w in ("-O", "--remote-name")
            or (w.startswith("-") and not w.startswith("--") and "O" in w)
            for w in words[1:]
        ):
            urls = [w for w in words if "://" in w]
            out.extend(_paths([posixpath.basename(u.split("?")[0]) for u in urls], command))
    elif tool == "wget":
        target = _option_value(words, "-O", "--output-document")
        prefix = _option_value(words, "-P", "--directory-prefix")
        if target and target != "-":
            out.extend(_paths([target], command))
        elif not target:
            urls = [w for w in words if "://" in w]
            base = prefix or "."
            out.extend(
                _paths(
                    [posixpath.join(base, posixpath.basename(u.split("?")[0])) for u in urls],
                    command,
                )
            )
    elif tool in ("tar", "bsdtar") and _extracts(words):
        out.extend(_paths([_option_value(words, "-C", "--directory") or "."], command))
    elif tool == "unzip":
        out.extend(_paths([_option_value(words, "-d") or "."], command))
    elif tool == "git" and len(operands) >= 2 and operands[0] == "clone":
        dest = (
            operands[2]
            if len(operands) > 2
            else posixpath.basename(operands[1]).removesuffix(".git")
        )
        out.extend(_paths([dest], command))
    elif tool in ("useradd", "adduser") and operands:
        home = _option_value(words, "-d", "--home-dir") or _option_value(words, "-h", "--home")
        out.extend(_paths([home or f"/home/{operands[-1]}"], command))
    elif tool in _BUILDERS and command.cwd:
        out.append(command.cwd)
    return out


class CopyWrite(NamedTuple):
    """A path a COPY/ADD writes. `exact` when known file by file; `size` when the build context
    (or a heredoc) shows its bytes."""

    path: str
    exact: bool
    size: int | None = None


def copy_sources(instr: Instruction) -> tuple[list[str], str]:
    """The sources (ARG/ENV expanded) and the raw destination of a COPY/ADD."""
    args = [expand(a, instr.env) for a in instr.node.args]
    if len(args) < 2:
        return [], args[0] if args else ""
    return args[:-1], args[-1]


def copy_writes(
    instr: Instruction, context: str | None, dockerfile: str | None = None
) -> list[CopyWrite]:
    """Paths written by a COPY/ADD. With the build context, every file; without, the targets.
    `dockerfile` (its path) finds a Dockerfile-specific ignore file."""
    sources, dest_raw = copy_sources(instr)
    if not sources:
        return []
    dest = resolve(dest_raw, instr.workdir)
    dest_is_dir = dest_raw.endswith("/") or dest_raw in (".", "./") or len(sources) > 1
    heredocs = {h.name for h in instr.node.heredocs}
    from_stage = instr.flag("from")
    from layerguard.dockerfile.ignorefile import ignore_file

    excludes = [expand(e, instr.env) for e in instr.flags.get("exclude", ())]
    if excludes:
        from layerguard.dockerfile.ignorefile import excluder

        excluded = excluder(excludes)
    parents = (instr.flag("parents") or "false").lower() == "true"
    out: list[CopyWrite] = []
    for source in sources:
        name = source.lstrip("<-").strip("'\"") if source.startswith("<<") else None
        if name is not None and name in heredocs:
            content = next(h.content for h in instr.node.heredocs if h.name == name)
            target = dest if not dest_is_dir else posixpath.join(dest, name)
            out.append(CopyWrite(target, True, len(content.encode())))
            continue
        if "://" in source or source.startswith("git@"):
            base = posixpath.basename(source.split("?")[0].rstrip("/"))
            out.append(CopyWrite(posixpath.join(dest, base) if dest_is_dir else dest, True))
            continue
        if context is not None and from_stage is None:
            files = list(_context_files(context, source, ignore_file(context, dockerfile)))
            if excludes:
                left = [
                    f
                    for f in files
                    if not excluded.matches(_parents_path(source, f[3]) if parents else f[0])
                ]
                if files and not left:
                    continue  # everything excluded: nothing copied
                files = left
            if not files and any(c in source for c in "*?["):
                continue  # a wildcard that matches nothing copies nothing
            if files and parents:
                for _, _, size, from_root in files:
                    out.append(
                        CopyWrite(resolve(_parents_path(source, from_root), dest), True, size)
                    )
                continue
            if files:
                under = dest.rstrip("/") + "/"
                for rel, is_tree_member, size, _ in files:
                    if is_tree_member:  # names read from disk: nothing for resolve to fold
                        out.append(CopyWrite(under + rel, True, size))
                    elif dest_is_dir or len(files) > 1:
                        out.append(CopyWrite(resolve(rel, dest), True, size))
                    else:
                        out.append(CopyWrite(dest, True, size))
                continue
        out.append(CopyWrite(dest, False))
    return out


def _parents_path(source: str, from_root: str) -> str:
    """Where `COPY --parents` puts a file (dockerfile 1.20 made the flag stable), and what its
    excludes match: its path from the context root, or from a `/./` in the source."""
    pivot, dot, _ = source.partition("/./")
    return posixpath.relpath(from_root, posixpath.normpath(pivot.lstrip("/"))) if dot else from_root


# Past this many files a context listing stops being worth its cost (a huge `COPY . .`): the
# COPY is then treated as writing its destination without knowing the files.
MAX_CONTEXT_FILES = 20_000


@functools.lru_cache(maxsize=256)
def _context_files(
    context: str, source: str, ignore: str | None = None
) -> tuple[tuple[str, bool, int, str], ...]:
    """(path relative to the destination, whether it came from inside a copied directory, size,
    path relative to the context root).

    Follows the ignore file `ignore`; empty when the source is missing, escapes the context or
    is too big. Kept per ignore file rather than per Dockerfile: Dockerfiles that share a
    context share the walk.
    """
    root = os.path.realpath(context)
    pattern = posixpath.normpath(source.lstrip("/")) or "."
    if pattern.startswith(".."):
        return ()
    from layerguard.dockerfile.ignorefile import read_ignore_file

    ignored = read_ignore_file(ignore)
    if any(c in pattern for c in "*?["):
        from pathlib import Path

        try:
            matches = sorted(str(p) for p in Path(root).glob(pattern))
        except ValueError:  # `a**.txt`: BuildKit's matcher takes it, pathlib's glob does not
            return ()
    else:
        candidate = os.path.join(root, pattern)
        matches = [candidate] if os.path.lexists(candidate) else []
    out: list[tuple[str, bool, int, str]] = []
    for match in matches:
        real = os.path.realpath(match)
        if real != root and not real.startswith(root + os.sep):
            continue
        rel_match = os.path.relpath(match, root)
        if os.path.isdir(match):
            prefix = "" if rel_match == "." else rel_match + "/"
            if not _tree_files(match, "", prefix, ignored, out):
                return ()
        elif not ignored.matches(rel_match):
            out.append((os.path.basename(match), False, _size(match), rel_match))
    return tuple(out)


def _tree_files(
    directory: str,
    rel: str,
    prefix: str,
    ignored: Ignored,
    out: list[tuple[str, bool, int, str]],
) -> bool:
    """Append the files under `directory` (sorted, a directory's files before its
    subdirectories, as os.walk lists them) that the ignore file keeps; False past
    MAX_CONTEXT_FILES. `rel` is `directory` relative to the copied source, `prefix` the source
    relative to the context root. Directories the ignore file drops are not entered unless a
    `!` line could bring something below them back, as BuildKit does."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        return True
    subdirs = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            if entry.name != ".git" and not entry.is_symlink():  # os.walk does not follow links
                subdirs.append(entry)
            continue
        path = rel + entry.name
        if ignored.matches(prefix + path):
            continue
        try:
            size = entry.stat().st_size
        except OSError:
            size = 0
        out.append((path, True, size, prefix + path))
        if len(out) > MAX_CONTEXT_FILES:
            return False
    for entry in subdirs:
        path = rel + entry.name
        if ignored.prunes(prefix + path):
            continue
        if not _tree_files(entry.path, path + "/", prefix, ignored, out):
            return False
    return True


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
