"""Which checked Dockerfile builds which image, and the FROM graph across files and versions.

A Dockerfile whose shipped stage is built FROM an image that another checked Dockerfile builds
inherits that file's layers: its WORKDIR and ENV, and every write its shipped stages made.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from collections.abc import Callable, Mapping

from layerguard.dockerfile.bases import (
    directories,
    ends_as_root,
    homeless,
    known,
    of_old_release,
    old_release,
    package_files,
    release_names,
    release_php,
    release_postgresql,
    versioned,
)
from layerguard.dockerfile.effects import (
    CACHE,
    CHOWN,
    CONFIGURED,
    DEFAULT_HOME,
    DIR,
    EMPTY,
    EXACT,
    EXEC,
    INSTALL,
    REMOVE,
    RUN_PARTS_NAME,
    STANDARD_DIRS,
    TOUCH,
    TREE,
    UNPACK,
    WRITE,
    CopyWrite,
    Op,
    RunEffects,
    a_file_family,
    apt_script,
    conda_installer,
    copy_sources,
    copy_writes,
    covers,
    inside,
    is_archive,
    is_glob,
    is_remote,
    names_a_file,
    normalized_source,
    on_the_way,
    path_overlaps,
    run_effects,
    run_scripts,
    shown_heredoc,
    shown_scripts,
    source_installs,
)
from layerguard.dockerfile.filesystem import HOME, Step
from layerguard.dockerfile.ignorefile import excluder, git_ignored
from layerguard.dockerfile.model import (
    Inherited,
    Instruction,
    Model,
    Stage,
    build,
    expand,
    resolve,
)
from layerguard.dockerfile.parser import ParsedFile
from layerguard.dockerfile.shell import Command, resolve_path, split_commands
from layerguard.records import NamedTuple
from layerguard.reference import ImageRef
from layerguard.rules.base import Link


class Source(NamedTuple):
    """A checked Dockerfile: its path as the user gave it, what it builds, its build context."""

    display: str
    parsed: ParsedFile
    image: ImageRef | None
    context: str | None
    declared: bool = False  # the context was declared (config, compose or CI file)


class Graph:
    """Models, layer steps and FROM chains for a set of checked files, each computed once."""

    def __init__(
        self, sources: Mapping[str, Source], build_args: Mapping[str, str], target: str | None
    ) -> None:
        self._sources = sources
        self._build_args = build_args
        self._target = target
        self._builders = {str(s.image): key for key, s in sources.items() if s.image is not None}
        self._models: dict[str, Model] = {}
        self._steps: dict[str, tuple[Step, ...]] = {}
        self._started: dict[str, tuple[str, ...]] = {}  # (the start scripts' texts, by key)
        self._busy: set[str] = set()

    def builder(self, image: ImageRef) -> str | None:
        """The key of the checked file that builds `image`, if any."""
        return self._builders.get(str(image))

    def model(self, key: str) -> Model:
        """Raises ValueError when the configured target stage does not exist."""
        if key not in self._models:
            self._busy.add(key)
            try:
                source = self._sources[key]
                self._models[key] = build(
                    source.display, source.parsed, self._build_args, self._target, self._inherited
                )
            finally:
                self._busy.discard(key)
        return self._models[key]

    def _base(self, key: str) -> ImageRef | None:
        """The image the file's shipped stages are built FROM (None for scratch or no stage)."""
        model = self.model(key)
        return model.stages[model.shipped[0]].base_image if model.shipped else None

    def _parent(self, key: str) -> str | None:
        base = self._base(key)
        parent = self.builder(base) if base is not None else None
        return parent if parent is not None and parent != key and parent not in self._busy else None

    def _inherited(self, image: ImageRef) -> Inherited | None:
        parent = self.builder(image)
        if parent is None or parent in self._busy:
            return None
        model = self.model(parent)
        return Inherited(model.final_workdir, model.final_env) if model.stages else None

    def chain(self, key: str) -> tuple[Link, ...]:
        """The images below this file's shipped stages, nearest first, through checked files."""
        links: list[Link] = []
        seen = {key}
        current: str | None = key
        while current is not None:
            base = self._base(current)
            if base is None:
                break
            builder = self.builder(base)
            links.append(Link(base, self._sources[builder].display if builder else None))
            if builder is None or builder in seen:
                break
            seen.add(builder)
            current = builder
        return tuple(links)

    def start_texts(self, key: str) -> tuple[str, ...]:
        """The text of each script of the build context the image's own start command runs
        (`CMD ["./start.sh"]`, `CMD foreman start -f Procfile.dev`), and of those they name."""
        self.steps(key)
        return self._started.get(key, ())

    def steps(self, key: str) -> tuple[Step, ...]:
        """Every layer-making instruction of the shipped stages, inherited ones first."""
        if key in self._steps:
            return self._steps[key]
        self._steps[key] = ()  # a cycle through images ends here
        parent = self._parent(key)
        inherited = (
            tuple(Step(s.file, s.image, s.instr, True, s.run, s.copies) for s in self.steps(parent))
            if parent is not None
            else ()
        )
        source = self._sources[key]
        own: list[Step] = []
        copied: dict[str, str] = {}  # image path -> the build context's file it holds
        carried: dict[str, str] = {}  # (and those a COPY --from brought from a stage's copy)
        stage_files: dict[int, tuple[tuple[CopyWrite, int], ...]] = {}  # (by stage, with order)
        model = self.model(key)
        context = _real_context(model, source.context, source.declared)
        homes: dict[str, str] = {}  # user name or uid -> home, as the steps so far showed
        added: set[str] = set()  # the homes of the users the steps so far added
        dirs: set[str] = set()  # directories the steps so far made
        whole: set[str] = set()  # where the steps so far copied the whole build context
        renamed: dict[str, str] = {}  # image path -> its name where it came from (COPY, address)
        root_image = None  # the external image the shipped stages start from
        # (a user added, or /etc/passwd or a dot directory of / written: `USER 1000` may be
        # that user, or have a home it can write)
        users = False
        php = ""  # the PHP the base image's release packages, when a Debian or Ubuntu tag shows it
        old = False  # the base is of Ubuntu 14.04 or Debian 8, or older
        names: Mapping[str, str] = {}  # what its release's packages stand for (`release_names`)
        manager = ""  # the base's distribution's package manager
        texts: dict[str, str] = {}  # image path -> a script's text the Dockerfile shows
        run_texts: dict[int, list[str]] | None = None  # (`_run_texts`, when a copy asks)
        run_words: dict[int, list[str]] | None = None  # (and as the shell resolves them)
        for stage in model.shipped_stages():
            if stage.base_stage is None:
                root_image = stage.base_image
                homes = dict(known(stage.base_image).homes)
                dirs = set(directories(stage.base_image))
                php = release_php(stage.base_image)
                postgresql = release_postgresql(stage.base_image)
                old = old_release(stage.base_image)
                names = release_names(stage.base_image)
                manager = known(stage.base_image).manager
            for instr in stage.instructions:
                dirs.add(instr.workdir)
                if instr.keyword == "run":
                    files = _scripts(instr, copied, context)
                    # (and one an earlier RUN wrote from text shown here, by its name: `echo
                    # '#!/bin/sh\\napt-get clean...' > /cleanapt`, then `... && /cleanapt`)
                    said = instr.node.original
                    for _ in range(3):  # (and one such a script runs: `apt-finish` in another)
                        found = {
                            p: t
                            for p, t in texts.items()
                            if p not in files and posixpath.basename(p) in said
                        }
                        files.update(found)
                        said = "\n".join(found.values())
                    runs_as = instr.user.split(":", 1)[0]
                    named = {p: n for p, n in renamed.items() if posixpath.basename(p) in
                             instr.node.original or p.startswith(CONFIGURED)}  # fmt: skip
                    home = homes.get(runs_as, "")
                    if not home and not users and homeless(root_image, runs_as):
                        home = "/"  # (no such user: Docker gives it HOME=/)
                    # (an ENV HOME a step made another user's, a home useradd made or a chown
                    # gave, where root made no directory on the way to the cache since: `mkdir
                    # -p $HOME/.cache`)
                    given = instr.env.get("HOME", "")
                    others = given in added and not any(on_the_way(d, given) for d in dirs)
                    if (
                        not runs_as
                        and others
                        and root_image is not None
                        and not known(root_image).user
                    ) or (
                        not runs_as
                        and "HOME" in instr.env
                        and not instr.env["HOME"].startswith("/home/")
                        and instr.env["HOME"] not in homes.values()
                        and ends_as_root(root_image)
                    ):
                        # (an ENV HOME of a user this file added, and no USER: the base's user,
                        # root, runs it in that user's home; so too in a directory of no user's
                        # on an official image that ends as root, `ENV HOME=/config` on node,
                        # where root's yarn 1 caches in /usr/local/share)
                        home = "/root"
                    passed = homes
                    if "HOME=" in instr.node.original and not runs_as:
                        # (a HOME given on a command line, `HOME=/app pip install`: another
                        # user's home to pip's owner check where a step made it that user's)
                        passed = {u: h for u, h in homes.items() if h in added or
                                  h.startswith("/home/")}  # fmt: skip
                    if others and given not in homes.values():
                        # (one a chown gave a user, no user's home: another user's all the same
                        # to pip's owner check, which reads the directory's owner)
                        passed = {**passed, "": given}
                    run = run_effects(instr, files, home, passed, named)
                    # (what else this RUN wrote over such a script is not shown: `curl -o`)
                    texts = {
                        p: t
                        for p, t in texts.items()
                        if not any(
                            o.kind == WRITE and o.tool not in _SHOWN_WRITERS and covers(q, p)
                            for o in run.ops
                            for q in o.paths
                        )
                    }
                    # (dash on Debian's family, and where the base is not known: a script
                    # written with `\n` in it works there, as its author saw it do)
                    dash = (
                        manager in ("apt", "") and posixpath.basename(instr.shell or "sh") == "sh"
                    )
                    texts = shown_scripts(instr, run.commands, texts, dash)
                    if any(r in instr.node.original for r in _PHP_REPOSITORIES):
                        php = ""  # (Ondřej Surý's packages are of another PHP than the release's)
                    if php:
                        run = _php_versioned(run, php)
                    if old:
                        run = _renamed(run, of_old_release)
                    if names:
                        run = _renamed(run, functools.partial(_named_as, names))
                    if postgresql:
                        run = _renamed(run, functools.partial(_with_server, postgresql))
                    run = _helped_by(run, manager, instr.node.original)
                    # (`curl -o /tmp/kafka.tgz .../kafka_2.13-3.3.1.tgz`, unpacked by a later RUN)
                    renamed.update(run.fetched)
                    users = (
                        users
                        or bool(run.users)
                        or any(
                            p == "/etc/passwd" or p.lstrip("/").startswith(".")
                            for op in run.ops
                            if op.kind == WRITE
                            for p in op.paths
                        )
                    )
                    # (a home it made, filled from /etc/skel or on Red Hat's family by
                    # default: not one a WORKDIR or a write made before, which stays root's
                    # unless busybox's adduser chowns it, nor none, `useradd app` without -m)
                    made = {
                        p for op in run.ops if op.role == DEFAULT_HOME for p in op.paths
                    } if manager == "yum" else set()  # fmt: skip
                    added.update(
                        u.home
                        for u in run.users
                        if (u.skel or u.home in made)
                        and (
                            (u.claims and manager in ("apk", ""))
                            or not any(covers(u.home, d) for d in dirs)
                        )
                        and not _root_s(u.home, run.ops)
                    )
                    # (and one a chown gave a user, `chown -R app:app /app`; less one it gave
                    # back to root, `chown -R root:root /app`, or that is gone, `usermod -m`)
                    before = set(added)
                    for op in run.ops:
                        if op.kind == WRITE and op.tool == "usermod" and op.sources:
                            # (a home `usermod -m` moved is the user's where it went)
                            added.update(op.paths if op.sources[0] in before else ())
                        if op.kind == REMOVE:
                            added.difference_update(
                                {h for h in added for p in op.paths if inside(h, p) or h == p}
                            )
                        if op.kind == CHOWN and (owner := dict(op.sets).get("user")):
                            if owner in ("root", "0"):
                                added.difference_update(op.paths)
                            elif "$" not in owner:
                                added.update(p for p in op.paths if not is_glob(p))
                    for user in run.users:
                        homes[user.name] = user.home
                        if user.uid:
                            homes[user.uid] = user.home
                    own.append(Step(source.display, source.image, instr, False, run, ()))
                    # (and the homes it made: `adduser --home $HOME modin`, then `COPY
                    # census.py "${HOME}"` lands inside)
                    dirs.update(p for op in run.ops if op.kind == WRITE and op.entry == DIR
                                for p in op.paths)  # fmt: skip
                    dirs.update(user.home for user in run.users if user.home)
                elif instr.keyword in ("copy", "add"):
                    # (and one a later RUN names the file in, or goes into: `COPY fonts.zip
                    # /usr/local/share/fonts`, then `unzip /usr/local/share/fonts/fonts.zip`)
                    if run_texts is None:
                        run_texts = _run_texts(model)
                    later = "\n".join(run_texts[id(instr)])

                    def resolved(at: int = id(instr)) -> str:
                        nonlocal run_words
                        if run_words is None:
                            run_words = _run_texts(model, resolved=True)
                        return "\n".join(run_words[at])

                    writes = _into_directories(
                        tuple(copy_writes(instr, context, key)), dirs, later, whole, resolved
                    )
                    # (a script shown before, written over by a copy: `COPY finish-apt ...`)
                    texts = {
                        p: t for p, t in texts.items() if not any(covers(w.path, p) for w in writes)
                    }
                    if (
                        len(instr.node.heredocs) == 1
                        and len(writes) == 1
                        and not instr.flag("from")
                    ):
                        # (or one a heredoc gave: `COPY <<EOF /usr/local/bin/finish`)
                        texts = shown_heredoc(writes[0].path, instr.node.heredocs[0].content, texts)
                    theirs = _through_stage(model, instr, writes, context, key, stage_files)
                    writes = tuple(
                        w._replace(size=0)
                        if _only_directories(model, instr, w)
                        else w._replace(cleared=_cleared_in_stage(model, instr, w))
                        for w in writes
                    )
                    shown = {w.path for w in theirs}
                    writes = (*(w for w in writes if not (w.either and w.path in shown)), *theirs)
                    dirs.update(w.path if w.tree else w.into for w in writes
                                if w.tree or w.path != w.into)  # fmt: skip
                    whole.update(w.path for w in writes
                                 if w.tree and w.source == "." and not w.origin)  # fmt: skip
                    # (and the directory each file it is known to write lies in, whether its
                    # source is a file or a directory: `COPY --from=builder /usr/local/nginx
                    # ...` holds conf/nginx.conf, so `COPY nginx.conf /usr/local/nginx/conf`
                    # lands inside conf/)
                    dirs.update(posixpath.dirname(w.path) for w in writes
                                if not (w.tree or is_glob(w.path)))  # fmt: skip
                    copied.update((w.path, w.file) for w in writes if w.file and not w.origin)
                    carried.update((w.path, w.file) for w in writes if w.file and w.origin)
                    renamed.update((w.path, n) for w in writes if (n := _saved_as(w)))
                    own.append(Step(source.display, source.image, instr, False, None, writes))
        self._steps[key] = inherited + tuple(own)
        self._started[key] = _named_texts(model.start_command, {**carried, **copied}, context)
        return self._steps[key]


def _saved_as(write: CopyWrite) -> str | None:
    """The name a COPY's or ADD's file is known by where the image names it otherwise: a conda
    installer copied under another name, a download by its address (`ADD
    https://install.python-poetry.org poetry.sh`, which `cat poetry.sh | python3 -` runs; its
    `//` made one by the path's normalizing), and a vendor's apt setup script by the address
    that names it, as a RUN's download of it is (`ADD https://deb.nodesource.com/setup_22.x
    /tmp/`)."""
    remote = write.source.startswith(("http:/", "https:/"))
    if remote and (vendor := apt_script(write.source)):
        return vendor
    name = posixpath.basename(write.source.rstrip("/"))
    if name != posixpath.basename(write.path) and (conda_installer(name) or remote):
        return name
    return None


_PHP_REPOSITORIES = ("ondrej/php", "sury.org/php")


def _php_versioned(run: RunEffects, php: str) -> RunEffects:
    """`run` with the unversioned PHP packages its installs name (`php-fpm`) named as the base
    image's release installs them (`php7.4-fpm` on ubuntu:20.04), whose files are known."""
    return _renamed(run, lambda packages: versioned(packages, php))


# A RUN that installs with balenalib's `install_packages` and runs no apt of its own
_HELPED = re.compile(r"^(?!.*\bapt(?:-get)?\s).*\binstall_packages\s", re.DOTALL)


def _helped_by(run: RunEffects, manager: str, text: str) -> RunEffects:
    """`run` (of RUN `text`) on a base whose package manager is `manager`: on an Alpine or Red
    Hat base of balenalib's, `install_packages` runs that family's manager and keeps no cache,
    so the apt install the model read it as is that manager's, and apt's index and cleanup are
    not there."""
    if manager not in ("apk", "yum") or not _HELPED.search(text):
        return run
    ops = tuple(
        op._replace(family=manager) if op.role == INSTALL else op
        for op in run.ops
        if op.family != "apt" or op.role == INSTALL
    )
    return run._replace(ops=ops)


def _with_server(version: str, packages: tuple[str, ...]) -> tuple[str, ...]:
    """`packages` and, where they name the unversioned `postgresql`, the release's server it
    installs (`postgresql-15` on Debian 12), whose main cluster's files are known."""
    return (*packages, f"postgresql-{version}") if "postgresql" in packages else packages


def _named_as(names: Mapping[str, str], packages: tuple[str, ...]) -> tuple[str, ...]:
    """`packages` as `names` names them."""
    return tuple(names.get(p, p) for p in packages)


def _renamed(run: RunEffects, name: Callable[[tuple[str, ...]], tuple[str, ...]]) -> RunEffects:
    """`run` with the packages its installs name as `name` names them."""
    ops = tuple(op._replace(packages=name(op.packages)) if op.packages else op for op in run.ops)
    return run._replace(ops=ops) if ops != run.ops else run


def _into_directories(
    writes: tuple[CopyWrite, ...],
    dirs: set[str],
    later: str = "",
    whole: set[str] | None = None,
    resolved: Callable[[], str] | None = None,
) -> tuple[CopyWrite, ...]:
    """A file copied to a path an earlier step made a directory lands inside it
    (`COPY ./backend /app`, then `COPY run.sh /app`: /app/run.sh), as BuildKit copies it; so
    does one copied to a directory's parent that `mkdir -p` made (`RUN mkdir -p
    /etc/nginx/http.d`, then `COPY nginx.conf /etc/nginx`), one a later RUN of the stage
    (`later`, their text) names inside the path, which shows a directory was there, and one
    copied to its own directory's place where the whole context was copied before (`whole`:
    `COPY . /mediasoup`, then `COPY server/package.json ./server`)."""
    return tuple(
        # (a wildcard's matches land inside by their names: `COPY public/*.html
        # /usr/share/nginx/html`, where the image holds that directory)
        w._replace(
            path=posixpath.join(w.path, posixpath.basename(w.source)),
            either=is_glob(posixpath.basename(w.source)),
        )
        if w.path == w.into
        and not (w.tree or w.either)
        and w.source
        and (
            w.path in dirs
            or any(d.startswith(w.path.rstrip("/") + "/") for d in dirs)
            or _context_directory(w, whole or set())
            or _shown_a_directory(w, later, resolved)
        )
        else w
        for w in writes
    )


# (how `_resolved` marks a command that moves, removes or makes the paths it names)
_MADE = "# made "


def _shown_a_directory(
    write: CopyWrite, later: str, resolved: Callable[[], str] | None = None
) -> bool:
    """A later RUN names the copied file inside the destination or goes into it, in its text
    or, where that text names the file or the destination, as its shell resolves the words;
    not where a command moves, removes or makes the destination first (`mv build build.zip &&
    mkdir build && cd build`: the copy was a file, and the directory is the RUN's own)."""
    words = resolved() if resolved is not None and _mentioned(write, later) else ""
    for line in words.splitlines():
        if line.startswith(_MADE) and write.path.rstrip("/") in line.split()[2:]:
            return False
        if _named_inside(write, line):
            return True
    return _named_inside(write, later)


def _mentioned(write: CopyWrite, later: str) -> bool:
    """The later RUNs' text holds the copied file's name or the destination's last part."""
    return any(
        name and name in later
        for name in (posixpath.basename(write.source), posixpath.basename(write.path))
    )


def _context_directory(write: CopyWrite, whole: set[str]) -> bool:
    """`write` goes to a directory of the build context where a step copied the whole context:
    the directory its own source lies in (`server` for `server/package.json`)."""
    if write.origin or not whole:
        return False
    above = posixpath.dirname(write.source.strip("/"))
    while above:
        if any(write.path == posixpath.join(root, above) for root in whole):
            return True
        above = posixpath.dirname(above)
    return False


def _named_inside(write: CopyWrite, later: str) -> bool:
    """A later RUN names the copied file inside the destination, as a word of its own
    (`/usr/local/share/fonts/fonts.zip`, not `/usr/local/share/fonts/fonts.zip.sha256`), or
    goes into the destination or below it (`cd /usr/local/share/fonts && unzip fonts.zip`, a
    later WORKDIR there), which only a directory allows."""
    name = posixpath.basename(write.source)
    if not later or not name or is_glob(name):
        return False
    inside = re.escape(write.path.rstrip("/") + "/" + name)
    into = re.escape(write.path.rstrip("/"))
    return (
        re.search(rf"(?<![\w./-]){inside}(?![\w.-])", later) is not None
        or re.search(
            rf"(?<![\w./-])(?:cd|pushd)\s+[\"']?{into}(?:/[^\s;&|)\"']*)?[\"']?(?=$|[\s;&|)])",
            later,
            re.M,
        )
        is not None
    )


def _run_texts(model: Model, resolved: bool = False) -> dict[int, list[str]]:
    """For each instruction of the shipped stages (by id), the scripts of the RUNs after it
    there, their heredocs too, with the variables the Dockerfile sets expanded, and each later
    WORKDIR as a cd into it: what the steps after it say of a path. With `resolved`, what
    their commands name instead, as the shell resolves it: a relative `cd models` from the
    WORKDIR, the shell's own `D=/opt/jdbc` and `$D/driver.zip`, root's `$HOME/nltk`."""
    out: dict[int, list[str]] = {}
    after: list[str] = []
    for instr in reversed([i for s in model.shipped_stages() for i in s.instructions]):
        out[id(instr)] = after
        if instr.keyword == "run" and resolved:
            root = instr.user in ("", "root", "0")
            env = {"HOME": "/root", **instr.env} if root else instr.env
            lines = [
                line
                for script in run_scripts(instr)
                for command in split_commands(script, instr.workdir, env)
                for line in _resolved(command, instr.workdir)
            ]
            after = [*lines, *after]
        elif instr.keyword == "run":
            after = [*(expand(script, instr.env) for script in run_scripts(instr)), *after]
        elif instr.keyword == "workdir":
            after = [f"cd {instr.workdir}", *after]  # (the directory it goes into, as cd)
    return out


def _resolved(command: Command, workdir: str) -> list[str]:
    """A command's words as absolute paths, with the directory it runs in as a cd into it."""
    paths = (resolve_path(w, command.cwd) for w in command.words[1:] if w[:1] not in ("-", "$"))
    line = " ".join(p for p in paths if p)
    if line and posixpath.basename(command.words[0]) in ("mv", "rm", "mkdir", "ln"):
        line = _MADE + line
    entered = [f"cd {command.cwd}"] if command.cwd and command.cwd != workdir else []
    return [*entered, line] if line else entered


def _real_context(model: Model, context: str | None, declared: bool = False) -> str | None:
    """`context`, unless a COPY or ADD names a source file it lacks: a build there would fail,
    so the Dockerfile is built from another directory (a compose file's `context: ..`), and
    what this one holds says nothing of what is copied. What a build step makes first (`dist/`,
    `target/app.jar`, `build/version.txt`), and what the repository's .gitignore leaves out of
    a clone (`.env`, a data file), may be missing from the real context.

    A context nobody declared that lacks a source gives way to the one directory above it, in
    its repository, that holds every source (`docker build -f docker/Dockerfile .`); outside a
    repository, or when two such directories would do, the context is not known."""
    if context is None:
        return None
    named = [
        normalized_source(source)
        for stage in model.needed()  # (a stage the target never builds copies nothing)
        for instr in stage.instructions
        if instr.keyword in ("copy", "add") and instr.flag("from") is None
        for source in copy_sources(instr)[0]
        if not (source.startswith("<<") or is_remote(source) or is_glob(source))
        and "$" not in source
        and not _generated(source)
    ]
    here = os.path.abspath(context)
    own_name = os.path.basename(here)
    # (not where a directory of that name is inside it, a package named as its project,
    # `myapp/myapp/`, or where it is the repository's top)
    inside_too = os.path.isdir(os.path.join(here, own_name))
    if not declared and not inside_too and not os.path.exists(os.path.join(here, ".git")):
        # (only what the directory above holds: not a file the RUN makes, `echo $V >
        # myapp/_version.py`, which no directory holds)
        above_it = os.path.dirname(here)
        named += [
            n
            for n in _below_its_own_directory(model, own_name)
            if os.path.lexists(os.path.join(above_it, n))
        ]
    above = []  # the directories above `context`, up to its repository's root
    while not os.path.exists(os.path.join(here, ".git")):
        if os.path.dirname(here) == here:
            here = ""  # (no repository: nothing above the Dockerfile is read)
            break
        here = os.path.dirname(here)
        above.append(here)

    def holds(directory: str) -> bool:
        # (a file the repository ignores, `.env` or a data file, is the user's own: a clone
        # lacks it wherever the build runs)
        return all(
            os.path.lexists(os.path.join(directory, n)) or _ignored(here, directory, n)
            for n in named
        )

    if holds(context):
        return context
    if declared or not named or not here:
        return None
    holding = [d for d in above[:_LEVELS] if holds(d)]
    if holding:
        return holding[0] if len(holding) == 1 else None
    # (a build script that copies a file in from above first, `cp ../../requirements.txt ./`:
    # the one directory that holds every other source, and whose missing files lie loose in a
    # directory above it, is the context)
    candidates = [context, *above[:_LEVELS]]
    filled = [
        d
        for i, d in enumerate(candidates)
        if (missing := [n for n in named if not os.path.lexists(os.path.join(d, n))])
        and len(missing) <= _BROUGHT_IN
        and len(missing) < len(named)
        and all(
            "/" not in n and any(os.path.isfile(os.path.join(a, n)) for a in above[i:])
            for n in missing
        )
    ]
    return filled[0] if len(filled) == 1 else None


# A word of a RUN, ENTRYPOINT or CMD that names a path: what a quote, `=` or shell operator
# starts
_PATH_WORD = re.compile(r"""(?:^|[\s"'=;&|(])(\.?/?[\w./-]+)""")


def _below_its_own_directory(model: Model, directory: str) -> list[str]:
    """The files of a whole-context copy that RUN, ENTRYPOINT or CMD name inside a directory of
    the Dockerfile's own directory's name: `COPY . /taiga-protected` by docker/Dockerfile,
    then `chmod +x docker/entrypoint.sh` there. Only a build from the directory above holds
    them (`docker build -f docker/Dockerfile .`)."""
    if not directory or directory in (".", "/"):
        return []
    copied = {
        resolve(instr.node.args[-1], instr.workdir).rstrip("/") or "/"
        for stage in model.needed()
        for instr in stage.instructions
        if instr.keyword in ("copy", "add")
        and instr.flag("from") is None
        and len(instr.node.args) == 2
        and instr.node.args[0] in (".", "./")
    }
    found = []
    for stage in model.needed():
        for instr in stage.instructions:
            if instr.keyword not in ("run", "entrypoint", "cmd"):
                continue
            for word in _PATH_WORD.findall(" ".join(instr.node.args)):
                path = resolve(word, instr.workdir)
                for top in copied:
                    below = path.removeprefix(top.rstrip("/") + "/")
                    if below != path and below.startswith(directory + "/") and names_a_file(below):
                        found.append(below)
    return found


def _ignored(repository: str, directory: str, name: str) -> bool:
    rel = os.path.relpath(os.path.join(directory, name), repository) if repository else ".."
    return not rel.startswith("..") and git_ignored(repository, rel)


_LEVELS = 3  # how far above its Dockerfile a build context is looked for
_BROUGHT_IN = 2  # how many loose files a build script may copy into a context first


# Where builds put what they make, and what they make: a Dockerfile copies these after a build
# step that a checkout without it has not run.
_OUTPUT_DIRS = frozenset(
    {"dist", "build", "target", "out", "output", "bin", "obj", "publish", "release", "artifacts",
     ".next", "node_modules", "vendor", "_build", ".build", "wheels", "wheelhouse", "public",
     "generated", "gen", "tmp"}
)  # fmt: skip
_BUILT = (".jar", ".war", ".ear", ".whl", ".deb", ".rpm", ".apk", ".exe", ".dll", ".so", ".zip")


def _generated(source: str) -> bool:
    """`source` is what a build step makes: below an output directory, or a built artifact."""
    parts = posixpath.normpath(source.strip("/")).split("/")
    return parts[0] in _OUTPUT_DIRS or is_archive(parts[-1]) or parts[-1].endswith(_BUILT)


_MAKE = re.compile(r"(?:^|[\s;&|(/])make(?:\s|$)")  # (`RUN make` alone too)
_RUN_PARTS = re.compile(r"\brun-parts\s+(?:-[-\w=]*\s+)*([^\s;&|)]+)")
# A script read into the model: bigger ones are not shell scripts a RUN runs.
MAX_SCRIPT_BYTES = 256 * 1024


# The commands whose writes `shown_scripts` reads (`echo ... > /x`, `cat <<EOF > /x`)
_SHOWN_WRITERS = frozenset({"echo", "printf", "cat", "tee"})


def _scripts(instr: Instruction, copied: Mapping[str, str], context: str | None) -> dict[str, str]:
    """The text of each script an earlier COPY brought from the build context that `instr`
    names (by its file name: the model looks at what the RUN runs), every script of a
    directory it gives `run-parts`, and the scripts those name in turn (a library sourced)."""
    if context is None:
        return {}
    said = "\n".join((instr.node.original, *(h.content for h in instr.node.heredocs)))
    bound = _bound(instr, said, context)
    if not copied and not bound:
        return {}
    out: dict[str, str] = {}
    makefiles: tuple[str, ...] = ()
    if _MAKE.search(said):  # (a RUN that runs make reads its Makefile)
        from layerguard.dockerfile.makefile import MAKEFILE_NAMES as makefiles
    available = {**copied, **bound}
    # (`run-parts --exit-on-error /tmp/build/scripts`: every script of the directory, by name)
    parted = {
        resolve(m[1], instr.workdir)
        for m in _RUN_PARTS.finditer(said)
        if "$" not in m[1] and "--test" not in m[0] and "--list" not in m[0]
    }
    said += "".join(
        "\n" + posixpath.basename(p)
        for p in available
        if posixpath.dirname(p) in parted and RUN_PARTS_NAME.fullmatch(posixpath.basename(p))
    )
    # (then what those scripts name: `. lib.sh` in /common.sh, whose functions it calls; by
    # whole names, as a command line spells them: a big context holds thousands of files,
    # which a scan of every script's text for each would take minutes over)
    for _ in range(3):
        names = set(_NAME.findall(said))
        found = {
            path: text
            for path, file in available.items()
            if path not in out
            and ((name := posixpath.basename(path)) in names or name in makefiles)
            and (text := _text(os.path.join(context, file))) is not None
        }
        if not found:
            break
        out.update(found)
        said = "\n".join(found.values())
        makefiles = ()
    return out


def _named_texts(said: str, copied: Mapping[str, str], context: str | None) -> tuple[str, ...]:
    """The text of each file an earlier COPY brought from the build context that `said` names
    by its file name (a whole name: not `start` in `bin/start-prod`), and of those these name in
    turn, less comments and what they only print; foreman's Procfile where `foreman start`
    names none."""
    out: dict[str, str] = {}
    if context is None:
        return ()
    if _FOREMAN.search(said) and " -f" not in said:
        said += " Procfile"
    for _ in range(3) if said else ():
        names = set(_NAME.findall(said))
        found = {
            path: _commands_only(text)
            for path, file in copied.items()
            if path not in out
            and posixpath.basename(path) in names
            and (text := _text(os.path.join(context, file))) is not None
        }
        if not found:
            break
        out.update(found)
        said = "\n".join(found.values())
    return tuple(out.values())


_FOREMAN = re.compile(r"\bforeman\W+start\b")
_NAME = re.compile(r"[\w.-]+")  # (a file's name as a command line spells it)
# A line that only prints or comments (`echo "run 'mvn package' first"`, `# built by mvn`)
_SAID_ONLY = re.compile(r"\s*(?:#|echo\b|printf\b|>&2 echo\b)")


def _commands_only(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not _SAID_ONLY.match(line))


def _text(where: str) -> str | None:
    """A file of the build context, when it may be a script (not too big, no NUL byte)."""
    try:
        if os.path.getsize(where) > MAX_SCRIPT_BYTES:
            return None
        with open(where, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return None if b"\0" in data else data.decode("utf-8", "replace")


def _bound(instr: Instruction, said: str, context: str) -> dict[str, str]:
    """The build context's files a `--mount=type=bind` (with no `from`) puts where the RUN
    reads them: image path -> file relative to the context (`source=install.sh,
    target=/tmp/install.sh`, or a file the RUN names below a directory mounted)."""
    out: dict[str, str] = {}
    for mount in instr.mounts():
        if mount.get("type") != "bind" or "from" in mount or "$" in "".join(mount.values()):
            continue
        source = posixpath.normpath(mount.get("source", mount.get("src", ".")).lstrip("/"))
        target = resolve(mount.get("target", ""), instr.workdir)
        if source.startswith(".."):
            continue
        if os.path.isfile(os.path.join(context, source)):
            out[target] = source
            continue
        below = target.rstrip("/") + "/"
        for word in re.findall(r"[^\s'\"<>|;&()=]+", said):
            # (`./install.sh` in the WORKDIR the mount covers)
            where = word if word.startswith("/") else resolve(word, instr.workdir)
            if where.startswith(below):
                out[where] = posixpath.normpath(posixpath.join(source, where[len(below) :]))
    return out


def _left_by_runs(stage: Stage) -> list[CopyWrite]:
    """The files the stage's RUNs are seen to write and no later RUN of it removes; and the
    trees they fill in directories of their own (an archive unpacked with `-C /opt/app`, a
    clone), which a `COPY --from` of a directory holding them brings whole."""
    left: list[CopyWrite] = []
    steps = [step for step in stage.instructions if step.keyword == "run"]
    runs = [run_effects(step) for step in steps]
    # (of the base's own package manager: another's install is a branch never run there, and
    # balenalib's install_packages runs apk or dnf on its Alpine and Fedora tags)
    manager = known(stage.base_image).manager if stage.base_image is not None else ""
    runs = [
        _helped_by(run, manager, step.node.original) for run, step in zip(runs, steps, strict=True)
    ]
    built = source_installs(zip(runs, (step.env for step in steps), strict=True))
    # (not a name a RUN of the stage made a directory: `mkdir -p out && go build -o out`)
    made = {
        p for run in runs for op in run.ops if op.kind == WRITE and op.entry in (DIR, TREE)
        for p in op.paths
    }  # fmt: skip
    nginx_org = any("nginx.org/packages" in step.node.original for step in steps)
    for run, installed in zip(runs, built, strict=True):
        gone = [p for op in run.ops if op.kind == REMOVE for p in op.paths]
        left = [w for w in left if not any(covers(p, w.path) for p in gone)]
        left.extend(CopyWrite(p, True) for p in (*run.files, *installed) if p not in made)
        # (and the configuration files the packages it installed are known to hold: `COPY
        # --from=conf /etc/nginx /etc/nginx` brings nginx-common's nginx.conf)
        configs = {
            p for at, op in enumerate(run.ops)
            if op.role == INSTALL and op.family in ("apt", "apk", "yum")
            and (not manager or op.family == manager)
            # (not nginx.org's nginx, whose files are not Debian's: no snippets/)
            for p in package_files(op.family, op.packages if not nginx_org else tuple(
                n for n in op.packages if not n.startswith("nginx")
            ))
            if not any(
                covers(g, p) for later in run.ops[at + 1 :] if later.kind == REMOVE
                for g in later.paths
            )
        }  # fmt: skip
        left.extend(CopyWrite(p, True) for p in sorted(configs) if p not in made)
        left.extend(
            CopyWrite(p, False, tree=True)
            for at, op in enumerate(run.ops)
            if op.kind == WRITE and op.entry == TREE and op.content not in (EMPTY, EXACT)
            and op.role not in (INSTALL, CACHE)
            for p in op.paths
            if _a_tree_of_its_own(p)
            # (not what the RUN removes again after it)
            and not any(
                covers(g, p) for later in run.ops[at + 1 :] if later.kind == REMOVE
                for g in later.paths
            )
        )  # fmt: skip
    return left


def _a_tree_of_its_own(path: str) -> bool:
    """`path` is a directory a command fills for itself, not a shared one (`/opt`, `/usr/local`,
    a home) whose other files the stage's base holds."""
    return (
        path.startswith("/")
        and path not in STANDARD_DIRS
        and not is_glob(path)
        and "$" not in path
        and not path.startswith(("/tmp/", "/var/tmp/", "/root/", "/home/"))
        and path.count("/") >= 2
    )


def _a_file_family(write: CopyWrite) -> bool:
    """A wildcard of the context's files a name starts (`COPY package*.json ./`): files, which
    a later copy of the tree they went into brings again."""
    return (
        write.either
        and not write.origin
        and a_file_family(write.source)
        and names_a_file(posixpath.basename(write.source))
    )


def _a_stage_s_tree(
    model: Model, instr: Instruction, write: CopyWrite
) -> tuple[tuple[Stage, ...], str] | None:
    """The lineage of the stage a `COPY --from=STAGE` of a directory (or a name that may be
    one) copies from, nearest first, and the directory there; None for another copy, or a
    source the Dockerfile does not spell out (a wildcard, a variable)."""
    origin = (instr.flag("from") or "").lower()
    found = model.stage_of(origin) if origin else None
    source = write.source.strip("/")
    if found is None or not (write.tree or write.either) or is_glob(source) or "$" in source:
        return None
    return model.lineage(found), "/" + source


def _only_directories(model: Model, instr: Instruction, write: CopyWrite) -> bool:
    """`write` is a `COPY --from=STAGE` of a directory that STAGE only made, with `mkdir` or
    WORKDIR (`RUN mkdir -p /data/db`, then `COPY --from=build /data /data`): entries, no file
    bytes, as the same mkdir in the shipped stage would leave. Not where the stage's base holds
    the directory, or anything of the stage writes inside it, copies over it or runs a program
    the model does not read there, unless a removal of the directory itself came after that
    (`rm -rf /tmp && mkdir -p /tmp`)."""
    copied = _a_stage_s_tree(model, instr, write)
    if copied is None or write.size is not None:
        return False
    lineage, top = copied
    if top == "/":
        return False
    # (what was there before the last removal of the directory itself does not count)
    spoiled = top in STANDARD_DIRS or any(
        covers(top, d) or covers(d, top) for d in directories(lineage[-1].base_image)
    )

    def near(path: str) -> bool:
        return covers(top, path) or covers(path, top)

    made = False
    for step in (i for stage in lineage for i in stage.instructions):
        made = made or covers(top, step.workdir)
        if step.keyword in ("copy", "add"):
            if any(near(w.into or w.path) for w in copy_writes(step, None, "")):
                spoiled = True
        elif step.keyword == "run":
            # (or a variable naming it: `mkdir -p $DATA && initdb -D $DATA`)
            named = [f"${k}" for k, v in step.env.items() if near(v)]
            marks = (top, *named, *(n.replace("$", "${") for n in named))
            runs_there = covers(top, step.workdir)
            mentioned = any(m in step.node.original for m in marks)
            for op in run_effects(step).ops:
                if op.kind == REMOVE and any(covers(p, top) and not is_glob(p) for p in op.paths):
                    made = spoiled = False
                elif op.kind == WRITE and op.entry == DIR and all(map(near, op.paths)):
                    made = made or any(covers(top, p) for p in op.paths)
                elif op.kind == WRITE and op.content == EMPTY and all(map(near, op.paths)):
                    continue  # (`touch` of new files, `ln -s`: entries, no bytes)
                elif op.kind in (CHOWN, TOUCH):
                    continue
                elif (
                    op.role == INSTALL
                    and op.family in ("apt", "apk", "yum")
                    and not any(covers(top, p) for p in op.paths)
                ):
                    continue  # (a distribution's packages, whose trees only hold the directory)
                elif (
                    any(map(near, op.paths))
                    or any(m in op.command for m in marks)
                    # (`cd /data && ./build.sh`: a program that may write where it runs)
                    or ((runs_there or mentioned) and op.kind == EXEC)
                ):
                    spoiled = True
    return made and not spoiled


def _cleared_in_stage(model: Model, instr: Instruction, write: CopyWrite) -> tuple[str, ...]:
    """What the RUNs of the stage a `COPY --from` of a tree takes from removed below that tree
    and nothing of the stage wrote there again, at the copy's destination (the stage's `rm -rf
    /usr/local/bundle/cache` after its `bundle install`: a later `rm` of it in the shipped
    stage takes nothing the copy brought), as a tree's `cleared` notes it."""
    copied = _a_stage_s_tree(model, instr, write)
    if copied is None:
        return ()
    lineage, top = copied
    dest = (write.into or write.path).rstrip("/")

    def there(path: str) -> str:  # (a path at or below the tree, at the destination)
        return dest + path[len(top.rstrip("/")) :]

    took: list[str] = []

    def wrote(path: str) -> list[str]:  # (what `took` keeps after a write at `path`)
        if not path_overlaps(path, top):
            return took
        if covers(path, top):
            return []  # (the whole tree written again: `bundle install` after the clean)
        return [t for t in took if not path_overlaps(there(path), _taken(t))]

    for step in (i for stage in reversed(lineage) for i in stage.instructions):
        if step.keyword in ("copy", "add"):
            for w in copy_writes(step, None, ""):
                took = wrote(w.into or w.path)
        for op in run_effects(step).ops if step.keyword == "run" else ():
            if op.kind == REMOVE and not (op.blind or op.when or op.unless):
                if op.tool == "find" and op.only:
                    roots = [r for r in op.paths if path_overlaps(r, top) and not is_glob(r)]
                    took += [
                        f"{there(r) if covers(top, r) else dest}/**/{n}"
                        for r in roots
                        for n in op.only
                    ]
                elif op.tool != "find":
                    took += [there(p) for p in op.paths if inside(p, top)]
            elif op.kind in (WRITE, UNPACK):
                for path in op.paths:
                    took = wrote(path)
            elif op.kind == EXEC and (covers(top, step.workdir) or top in op.command):
                # (a program run in the tree, or from it, may write there: `/opt/venv/bin/python
                # -c "import flask"` writes __pycache__ again)
                took = []
    return tuple(took)


def _taken(cleared: str) -> str:
    """The path a `cleared` note names (`root/**/name`: the root; `dir/*`: the directory)."""
    return cleared.partition("/**/")[0].removesuffix("/*") or "/"


def _removals(stage: Stage) -> list[tuple[int, str]]:
    """(instruction, path) of each path the RUNs of `stage` remove by name (`rm
    /app/data.txt`, `mv a b`'s a; not what a `find -name` picks out)."""
    return [
        (position, path)
        for position, step in enumerate(stage.instructions)
        if step.keyword == "run"
        for op in run_effects(step).ops
        if op.kind == REMOVE and op.tool != "find"
        for path in op.paths
    ]


def _through_stage(
    model: Model,
    instr: Instruction,
    writes: tuple[CopyWrite, ...],
    context: str | None,
    key: str,
    listed: dict[int, tuple[tuple[CopyWrite, int], ...]],
) -> tuple[CopyWrite, ...]:
    """The files a `COPY --from=STAGE` brings that STAGE (or a stage it is built FROM) copied
    from the build context, named as in the context: `COPY --from=deps /opt/app /opt/app` after
    the deps stage's `COPY Gemfile* /opt/app/` writes /opt/app/Gemfile again; and the files its
    RUNs are seen to leave (a distribution's conf/server.xml, `echo ... > /app/config.json`)."""
    origin = (instr.flag("from") or "").lower()
    if not origin or not writes:
        return ()
    found = model.stage_of(origin)
    lineage = model.lineage(found) if found is not None else ()
    theirs: list[CopyWrite] = []
    # (what a RUN of those stages removed after the write is not there to bring: `RUN rm
    # /app/data.txt`; not a removal an earlier stage made before, `rm -rf $INSTALL_DIR` in the
    # base, then the builder's `COPY x $INSTALL_DIR/`)
    nearer: list[str] = []  # (what the stages built on this one removed)
    for stage in lineage:
        if stage.index not in listed:  # (several COPY --from the same stage list it once)
            # (each write with its instruction; what its RUNs left, which they already took
            # their own removals from, after them all)
            listed[stage.index] = tuple(
                (w, order)
                for order, step in enumerate(stage.instructions)
                if step.keyword in ("copy", "add") and not step.flag("from")
                for w in copy_writes(step, context, key)
                if not (w.tree or w.either) or _a_file_family(w)
            ) + tuple((w, len(stage.instructions)) for w in _left_by_runs(stage))
        own = _removals(stage)
        theirs += [
            w
            for w, order in listed[stage.index]
            if not any(covers(r, w.path) for r in nearer)
            and not any(covers(r, w.path) for position, r in own if position > order)
        ]
        nearer += [r for _, r in own]
    out = []
    for write in writes:
        top = "/" + write.source.strip("/") if write.source != "." else "/"
        for file in theirs:
            if file.path == top and not write.tree and not (write.either and file.tree):
                # (a plain name, a file or a directory: the stage shows it a file, `go build -o
                # waf-server`, which a later `chown waf /app/waf-server` copies up)
                out.append(
                    file._replace(
                        path=write.path, into=write.into, source=write.source, origin=write.origin
                    )
                )
            elif file.path.startswith(top.rstrip("/") + "/") and (write.tree or write.either):
                rel = file.path[len(top.rstrip("/")) + 1 :]
                if write.excludes and excluder(write.excludes).matches(rel):
                    continue  # (`COPY --from=builder --exclude=package.json /usr/src/app .`)
                out.append(file._replace(path=write.into.rstrip("/") + "/" + rel, into=write.into))
    return tuple(out)


def _root_s(home: str, ops: tuple[Op, ...]) -> bool:
    """A RUN that added a user with `home` left in it what root wrote where pip's owner check
    looks: the home itself before useradd made it (`mkdir -p /home/app && useradd -m -d
    /home/app app` keeps it root's), or the way to ~/.cache after."""
    homes = (HOME, DEFAULT_HOME)
    made = next((i for i, o in enumerate(ops) if o.role in homes and home in o.paths), len(ops))
    return any(
        o.kind == WRITE
        and o.role not in homes
        and (covers(home, p) if i < made else on_the_way(p, home))
        for i, o in enumerate(ops)
        for p in o.paths
    )
