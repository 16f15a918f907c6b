"""What each layer holds, path by path: the one model the layer rules ask.

Every layer-making instruction of the shipped stages (here and in checked Dockerfiles up the FROM
chain) is replayed in order. Each write leaves an `Entry`: its path; its kind (a regular FILE, a
DIR entry only, or a TREE with contents); what is known of its bytes (EXACT from the build
context, HEAVY for classes known to weigh such as downloads, extractions and package caches,
EMPTY for entries only, or UNKNOWN); and the step that wrote it. A removal hides entries, a
chown/chmod/touch copies them up, an extractor reads an archive: each records the earlier entries
it reaches as `Hit`s.

Rules then ask a `Layer` one question: which earlier file bytes does this instruction hide, copy
up, leave behind as a cache, or unpack beside its archive? Only bytes count: a directory that
`mkdir` made, a non-recursive chown of a directory, or what the same RUN created before changing
it reaches nothing. The external base image counts only where something shows it holds bytes:
the registry's listing of it (`check --registry`), what `bases` knows every image of its
repository holds (docs for removals, system and runtime trees for a recursive chown), or a
program the command must find there (`setcap`, `chmod +x`).
"""

from __future__ import annotations

import fnmatch
import functools
import itertools
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence

from layerguard.dockerfile.bases import (
    ALPINE_CRON_LINK,
    AUTO_GO,
    BUILDING_GET_GO,
    CLEANER_FAMILIES,
    DEBCONF,
    DEBIAN_NGINX_ONLY,
    DEBIAN_SKEL,
    DISTRIBUTION_ROOTS,
    DOC_TREES,
    GOPATH_GO,
    OLD_GO,
    PYTHON_TREE,
    RHEL_SKEL,
    RPM_VERSION,
    SKEL_NAMES,
    USER_DATABASE,
    Known,
    ends_as_root,
    in_tree,
    known,
    package_data,
    package_files,
    variable_file,
)
from layerguard.dockerfile.effects import (
    ARCHIVE,
    AUTOREMOVES,
    BIN_DIRS,
    CACHE,
    CHOWN,
    CLEANUP,
    CONFIGURED,
    CRON_DIRS,
    DEFAULT_HOME,
    DIR,
    DNF5_CACHE,
    DNF_CACHE,
    EDITED,
    EITHER,
    EMPTY,
    ENGINE_PLUGIN,
    EXACT,
    EXEC,
    EXTRACTORS,
    FILE,
    GO_BUILDS,
    HEAVY,
    INSTALL,
    INTERPRETERS,
    MAKE_DISTCLEANS,
    MAKE_PROJECT,
    MANAGERS,
    OCTAL_MODE,
    OPAM_PIN_VERBS,
    OTHER_SUBMODULES,
    PULLED,
    PURGE,
    REMOVE,
    SERVICE_DIRS,
    SETUID_PROGRAMS,
    SHALLOW,
    SHELLS,
    STANDARD_DIRS,
    SUBMODULES,
    TEXLIVE_GUESSED,
    TOUCH,
    TREE,
    UNKNOWN,
    UNPACK,
    VENDOR_YUM,
    WRITE,
    YUM_CACHE,
    CopyWrite,
    LockedInstall,
    Op,
    RunEffects,
    a_file_family,
    archive_stem,
    cargo_choices,
    cargo_path,
    cargo_scope,
    covers,
    exports,
    find_roots,
    go_build_cache,
    home_path,
    in_a_bin_dir,
    inside,
    is_archive,
    is_glob,
    links_made,
    locked_install,
    mix_only,
    names_a_file,
    names_an_installer,
    npx_package,
    opam_compiler_given,
    path_overlaps,
    pip_conf_written,
    pip_no_cache_setting,
    program_tree,
    requirement_files,
    shell_glob,
    source_installs,
    stack_scope,
    subcommand,
    switches_user,
    tlmgr_network,
    tool_and_args,
    wget_there,
    yarn_cwd,
    yum_caches,
)
from layerguard.dockerfile.model import Instruction, process_word, unset
from layerguard.dockerfile.shell import forced, resolve_path
from layerguard.records import TYPE_CHECKING, NamedTuple
from layerguard.reference import ImageRef

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Protocol

    from layerguard.dockerfile.shell import Command

    class BaseListing(Protocol):
        """What the registry showed of the external base image (`rules.base.BaseFacts`): its
        files (path -> (size, layer)) and the files at or below a path (count, bytes)."""

        @property
        def files(self) -> Mapping[str, tuple[int, int]]: ...

        def under(self, path: str) -> tuple[int, int]: ...


BASE = -1  # the layer index of what the external base image holds
HOME = "home"  # a home directory useradd filled from /etc/skel: a few dotfiles
_CACHES = tuple(home_path(c) for m in MANAGERS.values() for c in m.caches)
_DEFAULT_TREES = frozenset(home_path(t) for m in MANAGERS.values() for t in m.trees)
# Where packages keep configuration and state, not payload: small files or empty directories
# (/etc/mysql, /var/lib/nginx), which a later change does not make heavy.
_INSTALL_STATE = ("/var/lib", "/var/cache")
DISTRIBUTION_MANAGERS = frozenset({"apt", "apk", "yum", "pacman"})
# Trees that are full wherever they exist, whatever the base: a chown -R there copies files.
_FILLED = ("/opt/conda",)
# Trees an install of these managers always writes files in: dpkg, apt and dnf log every
# install in /var/log (dpkg.log, apt/term.log, dnf.log); conda installs into its prefix.
_INSTALLED = {
    "apt": ("/var/log", DEBCONF),
    "yum": ("/var/log",),
    "conda": ("/opt/conda",),
}
_LOGS = ("dpkg.log", "alternatives.log", "apt", "dnf.log", "dnf.rpm.log", "yum.log")


class Step(NamedTuple):
    """A layer-making instruction of a shipped stage, here or in a checked file up the chain."""

    file: str
    image: ImageRef | None
    instr: Instruction
    inherited: bool
    run: RunEffects | None
    copies: tuple[CopyWrite, ...]

    @property
    def where(self) -> str:
        text = f"{self.file}:{self.instr.line}"
        return f"{text} ({self.image.familiar})" if self.inherited and self.image else text


class Entry(NamedTuple):
    """What one write left at `path`; `layer` indexes the step that wrote it (BASE: the base)."""

    path: str
    kind: str  # FILE, DIR or TREE
    content: str  # EXACT, HEAVY, EMPTY or UNKNOWN
    size: int | None
    layer: int
    role: str = ""  # CACHE, ARCHIVE, INSTALL or ''
    family: str = ""  # the package manager of a cache or an install
    copied: bool = False  # written by a COPY or ADD (files from the context or a stage)
    packages: tuple[str, ...] = ()  # for an install: the package names it was given
    fixed: bool = False  # fix-permissions (Jupyter, s2i) already made it group-writable
    fixed_below: tuple[str, ...] = ()  # or what lies below these paths of it
    fresh: bool = False  # a directory made where nothing was (`mkdir` without -p)
    unpacked: bool = False  # the directory an archive was unpacked into: its top entries below
    cleared: tuple[str, ...] = ()  # for a tree: what later removals took below it (or of an
    # install's known files), and the directories inside a move emptied into it (`mv app/* .`)
    # an install whose RUN then purged packages it does not name (`apt-get purge -y
    # "${BUILD_PACKAGES[@]}"` of a list not known): which of its names remain is not known
    purged: bool = False
    # The owner and mode its files are known to have ("user", "group", "mode"): what a COPY's
    # --chown and --chmod gave them, or useradd the dotfiles of a home it filled.
    attrs: tuple[tuple[str, str], ...] = ()
    staged: bool = False  # written by a COPY --from (a stage's or an image's files)
    lean: bool = False  # an npm install that left the development dependencies out
    # an earlier layer's archive a mv brought here: what a later RUN that unpacks it unpacks
    # (of a checkout, the clone whose submodules it holds, checked out for another version)
    carried: tuple[Entry, ...] = ()
    # of an install's packages, those a removal left behind that nothing needs now (make after
    # `apt-get purge gcc` took build-essential): what an `apt-get autoremove` takes
    left: tuple[str, ...] = ()
    # of a cp's write, the trees it copied from, which it did not make (`cp -r /opt/docs/* /`)
    read: tuple[str, ...] = ()

    @property
    def weighs(self) -> bool:
        """True when the entry holds (or may hold) file bytes."""
        if self.kind == DIR or self.content == EMPTY:
            return False
        return self.content != EXACT or bool(self.size)


class Hit(NamedTuple):
    """An earlier entry an instruction reaches through `path`: all of it (`whole`), or a part
    inside a tree. `files` counts the base image's files when the registry listed them."""

    entry: Entry
    path: str
    whole: bool
    files: int = 0


class Change(NamedTuple):
    """An instruction's REMOVE, CHOWN, TOUCH or PURGE that reaches earlier bytes."""

    kind: str
    tool: str
    command: str
    paths: tuple[str, ...]  # the paths it named that reach earlier bytes
    hits: tuple[Hit, ...]
    # For a chown or chmod that sets only what every file it reached has already: what that is
    # (`owner app:app`). BuildKit's differ leaves such files out of the layer; overlay2's copies
    # them all the same.
    same: str = ""


class Layer(NamedTuple):
    """What one step leaves (`entries`), the earlier bytes it hides or copies up (`changes`),
    and the earlier archives it unpacks (`unpacked`)."""

    step: Step
    entries: tuple[Entry, ...]
    changes: tuple[Change, ...]
    unpacked: tuple[Hit, ...]


def layers(
    steps: Sequence[Step], base: BaseListing | None = None, image: ImageRef | None = None
) -> tuple[Layer, ...]:
    """Replay `steps` in order; `base` is the registry's listing of the external base image,
    `image` its name (Alpine, BusyBox and distroless images ship no docs to remove)."""
    live: list[Entry] = []
    out: list[Layer] = []
    ran: set[int] = set()  # the layers whose RUN ran a program the model does not read
    scripted: set[int] = set()  # and those whose RUN ran a script the build brought
    # the directories such a program ran in, but a shell reading a download from its pipe
    # (`curl -fsSL https://deb.nodesource.com/setup_18.x | bash -`): it may write there
    ran_in: set[str] = set()
    held = known(image)
    if base is None and _lists_shown(steps, image):
        # (a vendor's base an apt-get install by name worked on before any update: it holds
        # the package lists, which a later removal hides)
        live.append(Entry(_APT_LISTS.rstrip("/"), TREE, HEAVY, None, BASE, CACHE, "apt"))
    found_lists = _lists_found(steps) if base is None else frozenset()
    # (the clones the base ships: a pull there rewrites their files)
    live.extend(Entry(c, TREE, HEAVY, None, BASE, "", "git") for c in held.clones)
    gone: set[str] = set()  # what base-image classes (docs) an earlier layer already removed
    orphans = False  # an earlier layer removed packages and left what they pulled in
    workdir = "/"
    # (nginx.org's packages, which the build's apt sources may name, ship conf.d/default.conf:
    # "named" where they do, and no Debian nginx of another name is installed, nginx-extras;
    # "maybe" where a sources list is copied in or a script may add one)
    named = any(
        "nginx.org/packages" in text
        for s in steps
        for text in (s.instr.node.original, *s.instr.env.values())
    )
    flavoured = any(_DEBIAN_NGINX_FLAVOURS.search(s.instr.node.original) for s in steps)
    nginx_org = (
        "named"
        if named and not flavoured
        else "maybe"
        if named
        or any(
            # (a sources list copied in, or a script that may add one: not known to be Debian's;
            # before the first RUN that installs nginx, as one copied after it added nothing to it)
            w.path.startswith("/etc/apt/") or posixpath.basename(w.path).endswith(".sh")
            for s in itertools.takewhile(
                lambda s: s.run is None or not _NGINX_INSTALLED.search(s.instr.node.original), steps
            )
            for w in s.copies
        )
        else ""
    )
    cacheless = (
        _cacheless_pip(steps, held) | _sudo_pip(steps, held) | _satisfied_installs(steps, held)
        | _configured_off(steps)
        | _built_again(steps) | _resolved_before(steps) | _maven_built_before(steps, held.user)
        | _locked_again(steps)
        | _projectless_npm(steps, held) | _npx_installed(steps, held) | _fetched_before(steps)
        | _old_packaged_go(steps, held)
        | _plugin_rocks(steps, held) | _go_modules_there(steps) | _homes_not_theirs(steps, held)
    )  # fmt: skip
    links: dict[str, str] = {}  # link -> target, of the symbolic links earlier RUNs made
    removed_at: dict[str, int] = {}  # each path an earlier removal named -> its last step
    proven: set[str] = set()  # the directories a removal of a file below showed to be there
    programs = _run_as_programs(steps)
    # The destinations of directories copied from a listed build context, and their layers:
    # all of them, and those no RUN has run over since
    copied_dirs: list[tuple[str, int]] = []
    listed: list[tuple[str, int]] = []
    # (what `make install` in a well-known source tree wrote: nginx's conf/nginx.conf, httpd's)
    built = source_installs((s.run, s.instr.env) for s in steps)
    earlier = ""  # the text of the instructions so far
    # the paths programs the model does not read were given by name, and their layers
    argued: dict[str, int] = {}
    executed: set[str] = set()  # the files earlier RUNs ran or sourced: they were there
    # the variables (ARG and ENV) each step sees, by name
    declared = tuple(frozenset(s.instr.env) for s in steps)
    # (the user each step writes as: the base's last USER, root for an official image that
    # sets none)
    writers = tuple(_writer(s, held.user or ("root" if ends_as_root(image) else "")) for s in steps)
    for index, step in enumerate(steps):
        if index:
            earlier += steps[index - 1].instr.node.original + "\n"
        if step.instr.workdir != workdir and step.instr.workdir not in STANDARD_DIRS:
            # WORKDIR made the directory if it was missing: the build's, as `mkdir -p` is
            live.append(Entry(step.instr.workdir, DIR, EMPTY, None, index))
        workdir = step.instr.workdir
        if step.run is not None:
            no_cache = frozenset(c for i, c in cacheless if i == index) | _installed_again(
                steps, index, live
            )
            layer, live = _run(
                index, step, live, base, held, frozenset(gone), orphans, no_cache, links,
                removed_at, nginx_org, tuple(listed), tuple(copied_dirs),
                earlier, frozenset(ran), frozenset(scripted), frozenset(ran_in), dict(argued),
                declared, frozenset(executed), writers,
            )  # fmt: skip
            if index in found_lists and not any(
                op.kind == REMOVE and any(p.startswith(_APT_LISTS.rstrip("/")) for p in op.paths)
                for op in step.run.ops
            ):
                live.append(Entry(_APT_LISTS.rstrip("/"), TREE, HEAVY, None, index, "", "apt"))
            ran_in.update(d for op in step.run.ops for d in _ran_in(op))
            executed.update(step.run.ran)
            if held.packages:
                # (the base's packages it removed are not there for a later removal: `apt-get
                # purge $PHPIZE_DEPS` on php, then `apt-get purge autoconf build-essential`)
                held = held._replace(packages=held.packages - _purged_names(step.run.ops, held))
            # (not below a mount, where the program's output stays out of the layer, nor a
            # link, whose removal takes the link alone)
            mounted = [m.get("target", "") for m in step.instr.mounts() if m.get("target")]
            for path in (p for op in step.run.ops for p in _argued(op)):
                if path not in links and not any(covers(m, path) for m in mounted):
                    argued.setdefault(path, index)  # (the first to be given it made it)
            if any(op.kind == EXEC for op in step.run.ops):
                ran.add(index)
            if _ran_a_script(step.run):
                scripted.add(index)
            # (a RUN that may have written a file under a name the model does not know, a
            # download, a build, a program run, ends what a directory's copy vouches for)
            if not _plain(step, None, held, None):
                listed = []
            if built[index]:
                installed = (Entry(f, FILE, UNKNOWN, None, index) for f in built[index])
                layer = layer._replace(entries=(*layer.entries, *installed))
            removed_at.update(
                (p, index) for op in step.run.ops if op.kind == REMOVE for p in op.paths
            )
            proven.update(_proven_directories(step.run.ops))
            gone_here: list[str] = []  # (what this RUN removed so far)
            for op in step.run.ops:
                if op.kind == REMOVE:
                    _forget_links(links, op)
                    gone_here.extend(op.paths)
                elif op.kind == WRITE and op.entry == FILE and _replaces_links(op):
                    _forget_replaced(links, op, live, held)
                    continue
                for at, target in links_made(op):
                    before = [p for p, i in removed_at.items() if i < index] + gone_here
                    if _lands_inside(at, target, live, held, before):
                        # (a link made into a directory that is there lands inside it: `ln -s
                        # .../sites-available/app.conf /etc/nginx/sites-enabled`, which nginx's
                        # install filled)
                        at = posixpath.join(at, posixpath.basename(target))
                    links[at] = target
            purges = [c for c in layer.changes if c.kind == PURGE]
            if purges:
                orphans = not _autoremoves(purges[-1])
            elif any(_autoremoves(op) for op in step.run.ops if op.kind == PURGE):
                orphans = False
            elif any(
                op.tool == "install-php-extensions" and op.role == INSTALL for op in step.run.ops
            ):
                # (it purges the build packages it installed, not what they pulled in)
                orphans = True
            gone.update(
                h.path.removesuffix("/*")
                for c in layer.changes
                if c.kind == REMOVE
                for h in c.hits
                if h.entry.layer == BASE
            )
            # (and a removal of a whole class not reported, as in a RUN that installed too:
            # what the base held there is hidden from then on)
            gone.update(
                p.removesuffix("/*")
                for op in step.run.ops
                if op.kind == REMOVE and op.only is None
                for p in op.paths
                if any(covers(p.removesuffix("/*"), t) for t in (*held.heavy, *held.runtime))
            )
        else:
            # (a directory's copy, not a wildcard's: `COPY requirements*.txt ./` brings no
            # archive)
            dirs = list(
                dict.fromkeys(
                    (w.into, index)
                    for w in step.copies
                    if w.exact
                    and not w.origin
                    and w.file
                    and w.file != w.source
                    and not is_glob(w.source)
                )
            )
            copied_dirs.extend(dirs)
            listed.extend(dirs)
            entries = tuple(
                # (`ADD install-nginx /tmp/install-nginx`, then `RUN /tmp/install-nginx`: a file,
                # so not a directory whose contents spread over /tmp)
                e._replace(kind=FILE) if e.kind == EITHER and e.path in programs else e
                for e in _spread_taken_back(
                    list(_copy_entries(index, step, live, held, removed_at, proven)), programs
                )
            )
            if links:
                # (a COPY below a link an earlier RUN made lands in its target, as a RUN's
                # writes there do)
                entries = tuple(
                    # (and a tree copied onto the link itself: `COPY site/ /var/www/` where
                    # /var/www links to /srv/www fills the target)
                    e._replace(path=_through_links((e.path,), links, e.kind == TREE)[0])
                    for e in entries
                )
            layer = Layer(step, entries, (), ())
        # A file written again at the same path shadows the older one: a later change reaches
        # only the version on top (the hidden one is LG002's waste, already counted there).
        # (Not a glob: `COPY --from=a /tmp/*.deb /tmp/`, then `--from=b`, are other files.)
        rewritten = {e.path for e in layer.entries if e.kind == FILE and not is_glob(e.path)}
        if rewritten:
            live = [e for e in live if e.path not in rewritten or e.kind not in (FILE, EITHER)]
        live = [*live, *layer.entries]
        out.append(layer)
    return tuple(out)


# An editor's in-place switch, alone or bundled (`-i`, `-i.bak`, perl's `-pi`, `--in-place`)
_IN_PLACE = re.compile(r"-[a-zA-Z]*i\S*|--in-place\S*")


# A path in a home: the home, and the dot-directory below it and what lies in that
_IN_A_HOME = re.compile(r"(/(?:root|home/[^/]+|var/www|var/lib/[^/]+))(/\.[^/]+(?:/.*)?)")


def _moves_nothing_known(op: Op, occupied: set[str], held: Known, unread: bool) -> bool:
    """`op`, a mv, takes dot-directories of homes (`/root/.cache`) that no write is known to
    have made: not one this RUN or an earlier layer wrote (`occupied`, as the mv found them),
    nor what the known base holds, and no program the model does not read ran before."""
    if op.blind or unread or not held.manager:
        return False
    return all(
        _IN_A_HOME.fullmatch(s)
        and not is_glob(s)
        and s not in occupied
        and not any(covers(s, k) or covers(k, s) for k in (*held.trees, *held.files))
        for s in op.sources
    )


def _cache_of_another_home(entry: Entry, removed: Sequence[str], user: str) -> bool:
    """`entry` is a cache this RUN wrote, as `user`, in the home the model took for that user's,
    and the RUN removes the same cache in /home/USER (`composer install && rm -rf
    /home/www-data/.composer/cache` as www-data, whom Debian gives /var/www): the image made
    the user so, and that removal is the cleanup. (Not another user's: root's pip cache stays
    where a RUN removes /home/neuro/.cache.)"""
    if user in ("", "root", "0") or "$" in user or user.partition(":")[0].isdigit():
        return False
    if entry.role != CACHE or not (mine := _IN_A_HOME.fullmatch(entry.path)):
        return False
    home = f"/home/{user.partition(':')[0]}"
    for path in removed:
        theirs = _IN_A_HOME.fullmatch(path.rstrip("/"))
        if theirs and theirs[1] == home != mine[1] and covers(theirs[2], mine[2]):
            return True
    return False


def _named_as_a_project(project: str, step: Step, earlier: str) -> bool:
    """The Dockerfile shows a project may be where `project` (a package.json) lies: a bind
    mount gives the RUN files, or an instruction before names that directory (`WORKDIR
    /home/node`, `ADD https://github.com/x/y.git /home/node/`, `cp -a src/. /home/node/`)."""
    if any(m.get("type") == "bind" for m in step.instr.mounts()):
        return True
    directory = posixpath.dirname(project)
    # (this RUN's own text too: `cp -a /root/app/. /root/ && cd /root && npm install`)
    text = earlier + "\n" + step.instr.node.original
    # (the directory itself, not one below it: `npm config set prefix /home/node/.npm-global`)
    named = rf"{re.escape(directory)}/?(?![\w.-]|/[\w.])"
    return directory != "/" and re.search(named, text) is not None


def _project_script(op: Op) -> bool:
    """`op` is what a Node manager's run of the project's own script wrote in the project (`npm
    run pack:prepare`, `yarn run build`), which may make a package file there."""
    # (its options first too: `npm --silent run build`)
    return (
        posixpath.basename(op.tool) in ("npm", "yarn", "pnpm", "bun")
        and subcommand(tuple(op.command.split())) in ("run", "run-script", "pack")
        and op.entry == TREE
        and op.content == UNKNOWN
        and not op.role
    )


def _lists_shown(steps: Sequence[Step], image: ImageRef | None) -> bool:
    """An `apt-get install` of packages by name runs before any `apt-get update` on a vendor's
    image (one of a namespace, not Docker's library, whose images all remove their lists): it
    found the package lists there, or it would have failed."""
    if image is None or "/" not in image.repository.removeprefix("library/"):
        return False
    for step in steps:
        apt = [
            "update" in c.words[1:]
            for c in (step.run.commands if step.run is not None else ())
            if c.words and posixpath.basename(c.words[0]) in ("apt-get", "apt")
        ]
        if apt and apt[0]:
            # (an update before the RUN's first other apt command, also one into a cache mount
            # that leaves no op of its own: `RUN --mount=type=cache,target=/var/lib/apt apt-get
            # update && apt-get install ...`)
            return False
        script = False
        for op in step.run.ops if step.run is not None else ():
            script = script or _a_script(op)
            if op.family != "apt":
                continue
            if op.role == CACHE and op.kind == WRITE and _APT_LISTS.rstrip("/") in op.paths:
                return False
            if _an_apt_install_by_name(op):
                # (not after a script, which may have updated them: a vendor's that adds its
                # repository, `wget -qO- .../add-debian-repo.sh | bash`, see `_lists_found`;
                # not one allowed to fail, `apt-get install x || true`; one of packages images
                # hold already, which apt finds installed without lists, proves nothing)
                if script or not [p for p in op.packages if p not in _COMMONLY_HELD]:
                    continue
                guarded = re.search(
                    r"\bapt(?:-get)?\s+(?:-\S+\s+)*install\b[^;&|]*\|\|", step.instr.node.original
                )
                return not guarded and all(
                    "/" not in p and "$" not in p and not is_archive(p) for p in op.packages
                )
    return False


def _lists_found(steps: Sequence[Step]) -> frozenset[int]:
    """The RUNs whose `apt-get install` of packages by name, with no update before it, ran
    after a script (`curl -fsSL .../add-repo.sh | bash && apt-get install -y x`): it found
    package lists, the base's or those the script fetched, which that layer then holds unless
    it removed them; a later RUN's removal hides them either way."""
    found: set[int] = set()
    for index, step in enumerate(steps):
        script = False
        for op in step.run.ops if step.run is not None else ():
            if _a_script(op):
                script = True
            elif op.family == "apt" and op.role == CACHE and op.kind == WRITE:
                break  # (an update of its own first)
            elif script and _an_apt_install_by_name(op):
                found.add(index)
                break
    return frozenset(found)


def _a_script(op: Op) -> bool:
    """`op` runs a shell script (`curl ... | bash`, `sh setup.sh`), which may run anything."""
    return op.kind == EXEC and posixpath.basename(op.tool) in SHELLS


def _an_apt_install_by_name(op: Op) -> bool:
    return op.role == INSTALL and op.tool in ("apt-get", "apt") and bool(op.packages)


# Packages images often hold already, which an install finds there with no package lists
_COMMONLY_HELD = frozenset(
    {"ca-certificates", "tzdata", "apt-transport-https", "bash", "coreutils", "libc6"}
    | {"netbase", "sed", "grep", "debian-archive-keyring"}
)


def _argued(op: Op) -> tuple[str, ...]:
    """The directories a program the model does not read was given by name, as plain words
    (`python scripts/download.py config.yml assets`: /app/assets); not its options, nor the
    script an interpreter runs, nor a file's name (`validate /etc/app/config.yml` reads it)."""
    if op.kind != EXEC or op.role:
        return ()
    words = op.command.split()[1:]
    if posixpath.basename(op.tool) in INTERPRETERS | SHELLS | {"Rscript"}:
        words = words[next((i for i, w in enumerate(words) if not w.startswith("-")), 0) + 1 :]
    where = op.paths[0] if op.paths else "/"
    return tuple(
        posixpath.normpath(posixpath.join(where, w))
        for w in words
        if _PLAIN_NAME.fullmatch(w)
        and w not in (".", "..")
        and not w.startswith("-")
        and not names_a_file(w)
    )


_PLAIN_NAME = re.compile(r"[\w./-]+")


# Where installers and builds put what they make: a tree copied there may be theirs too
_INSTALLED_TREES = ("/etc", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/var/lib", "/var/cache")


def _beyond_the_unread(path: str, entry: Entry, op: Op) -> bool:
    """`path` lies in an application's tree the build context gave, where none of the programs
    the model does not read that ran before `op` in its RUN ran or was pointed: the copy's
    file, whatever they made elsewhere (`COPY ./filerun /filerun`, then `cd /tmp/vips &&
    ./configure && make install && chmod +x /filerun/entrypoint.sh`)."""
    return (
        entry.copied
        and not entry.staged
        and bool(op.unread_at)
        and entry.path not in STANDARD_DIRS
        and not any(covers(t, entry.path) for t in _INSTALLED_TREES)
        and not any(covers(d, path) or inside(d, entry.path) for d in op.unread_at)
    )


def _a_dependency_s(path: str, entry: Entry, held: Known) -> bool:
    """`path` is a file of a package the install pulled in, which the base holds already, so
    the install left it as it was: PEP 668's marker is python3's (its libpython's), which
    python3-pip brings, on buildpack-deps and the images built on it."""
    owner = next((p for f, p in _DEPENDENCY_FILES if fnmatch.fnmatchcase(path, f)), "")
    if not owner and is_glob(path):
        owner = next((p for f, p in _DEPENDENCY_FILES if fnmatch.fnmatchcase(f, path)), "")
    return bool(owner) and owner in (held.packages or ()) and owner not in entry.packages


# Files a distribution package ships that the packages named for them pull in, by the package
# that holds them
_DEPENDENCY_FILES = (("/usr/lib/python3.1[1-9]/EXTERNALLY-MANAGED", "python3"),)


def _unread_tree(entry: Entry) -> bool:
    """`entry` is a directory a program the model does not read ran in, which it may have
    written anything in."""
    return entry.kind == TREE and entry.content == UNKNOWN and not entry.role and not entry.copied


def _ran_in(op: Op) -> tuple[str, ...]:
    """The directory a program the model does not read ran in, which it may write to (not a
    shell reading a download from its pipe, `curl -fsSL .../setup_18.x | bash -`), or a tree a
    project's own scripts filled with what is not known (`npm run build`)."""
    if op.kind == WRITE and op.entry == TREE and op.content == UNKNOWN and not op.role:
        return () if op.tool in _COPIERS else op.paths
    if op.kind != EXEC:
        return ()
    words = op.command.split()
    if posixpath.basename(op.tool) in SHELLS and all(w.startswith("-") for w in words[1:]):
        return ()
    # (and the tree of a program run by its path, which writes there: `cd bin &&
    # ./startup.sh`, `/opt/tomcat/bin/catalina.sh start` write /opt/tomcat/logs)
    # (a shell run by its path runs its script: `/bin/sh /srv/init.sh`)
    if words and posixpath.basename(words[0]) in SHELLS:
        words = [w for w in words[1:] if not w.startswith("-")] or words
    program = words[0] if words and "/" in words[0] else ""
    if program and op.paths and "$" not in program:
        return (*op.paths, program_tree(posixpath.normpath(posixpath.join(op.paths[0], program))))
    return op.paths


# What writes only what was there before, under another name
_COPIERS = frozenset({"mv", "cp", "rsync", "ln", "install", "mkdir"})


def _replaces_links(op: Op) -> bool:
    """`op` writes a new file in place of a link it is given, not through it: an editor in
    place (`sed -i` without --follow-symlinks, `perl -pi`), `install`, `mv`."""
    words = op.command.split()
    if op.tool in ("sed", "perl") and not any(_IN_PLACE.fullmatch(w) for w in words):
        return False  # (its output redirected through the link: `sed ... tpl > LINK`)
    if op.tool == "sed":
        return "--follow-symlinks" not in words
    if op.tool == "cp":
        return "--remove-destination" in words
    return op.tool in ("perl", "install", "mv", "ruby", "rsync")


def _dereferences(op: Op) -> bool:
    """A chown or chgrp that changes the file a link it is given points to: without -R (whose
    default is -P) or -h, or with -R told to follow it (`-L`, `-H`)."""
    words = op.command.split()[1:]
    short = "".join(w[1:] for w in words if w[:1] == "-" and w[1:2] != "-")
    if op.tool not in ("chown", "chgrp"):
        return False
    if op.recursive:
        return bool(set(short) & {"L", "H"})
    return "h" not in short and "--no-dereference" not in words


def _forget_replaced(links: dict[str, str], op: Op, entries: list[Entry], held: Known) -> None:
    """`links` less those `op` replaced with a file of its own (`sed -i LINK`: the target keeps
    its bytes); not a link to a directory, which `install f LINK` writes into."""
    for path in [p for p in op.paths if p in links]:
        if not _links_a_directory(links[path], entries, held):
            del links[path]


def _lands_inside(
    at: str, target: str, live: list[Entry], held: Known, removed: Sequence[str] = ()
) -> bool:
    """`ln -s TARGET AT` makes its link inside AT: a directory is there, or AT is named as a
    directory of snippets and TARGET as a file (`ln -s /opt/db/schema.sql
    /docker-entrypoint-initdb.d`; not `ln -s /opt/app/conf /etc/app/conf.d`, the link itself).
    Once an earlier removal took AT itself (not only what it held: `rm -f conf.d/*`), only
    what was written there since says a directory is there."""
    if posixpath.basename(at) == posixpath.basename(target):
        return False
    if any(r == at or at.startswith(r.rstrip("/") + "/") for r in removed):
        return _written_as_directory(at, live)
    snippet = _SNIPPET.search(target)
    return _a_directory_there(at, live, held) or (at.endswith(".d") and bool(snippet))


# The kinds of file a directory of snippets (conf.d, initdb.d, profile.d) holds, by extension
_SNIPPET = re.compile(
    r"\.(?:conf|cnf|cfg|ini|sql|sh|ya?ml|json|xml|list|properties|py|js|rules|repo|service|vcl)"
    r"(?:\.(?:gz|xz|bz2))?$"
)


def _links_a_directory(path: str, entries: list[Entry], held: Known) -> bool:
    """A link's target `path` is a directory: written as one (`COPY config/
    /opt/app/config/`), or holding what was written, installed or shipped below it."""
    return _written_as_directory(path, entries) or _a_directory_there(path, entries, held)


def _written_as_directory(path: str, entries: list[Entry]) -> bool:
    """A write made `path` a directory, or wrote below it."""
    below = path.rstrip("/") + "/"
    return any(e.path.startswith(below) or (e.path == path and e.kind in (DIR, TREE))
               for e in entries)  # fmt: skip


def _a_directory_there(path: str, live: list[Entry], held: Known) -> bool:
    """Something an earlier write, an install's known files or the base image put below `path`
    is there: it is a directory."""
    below = path.rstrip("/") + "/"
    # (Debian's -enabled directories beside the -available ones a package fills: nginx's
    # sites-enabled, apache2's mods-enabled)
    available = below.replace("-enabled/", "-available/") if path.endswith("-enabled") else ""
    return (
        path in held.trees
        or any(f.startswith(below) for f in held.files)
        or any(e.path.startswith(below) for e in live)
        or any(
            f.startswith(below) or (available and f.startswith(available))
            for e in live
            if e.role == INSTALL and e.packages
            for f in package_files(e.family, e.packages)
        )
    )


def _installed_again(steps: Sequence[Step], index: int, live: list[Entry]) -> frozenset[str]:
    """The yum/dnf installs in step `index` of packages the last earlier yum install installed,
    whose metadata an earlier layer left in the cache: yum finds them there, installs nothing
    and fetches nothing (`RUN yum install -y wget` twice, the first without a clean). Not when
    a step since may have added or enabled a repository (an epel-release rpm, a COPY to
    yum.repos.d, config-manager, `--enablerepo`), whose metadata yum fetches first, nor a
    reinstall, which fetches the packages again."""
    run = steps[index].run
    if run is None or not any(e.role == CACHE and e.family == "yum" and e.weighs for e in live):
        return frozenset()
    last = next((e for e in reversed(live) if e.role == INSTALL and e.family == "yum"), None)
    if last is None or last.layer == BASE:
        return frozenset()
    since = (s.instr.node.original for s in steps[last.layer : index + 1])
    if any(_NEW_REPOSITORY.search(text) for text in since):
        return frozenset()
    return frozenset(
        op.command
        for op in run.ops
        if op.role == INSTALL
        and op.family == "yum"
        and op.packages
        and set(op.packages) <= set(last.packages)
        and "$" not in op.packages
    )


# What may add or enable a yum repository, or fetch packages again
_NEW_REPOSITORY = re.compile(
    r"yum\.repos\.d|config-manager|--enablerepo|--disablerepo|--repofrompath|-release\b"
    r"|\.rpm\b|epel|copr|\bmodule\b|reinstall|makecache"
)


def _inited_already(op: Op, held: Known) -> bool:
    """An `opam init` not given a compiler, on a base whose opam root is set up with its switch
    (ocaml/opam's): it redoes the shell's setup and creates no switch."""
    words = tuple(op.command.split())
    return (
        subcommand(words) == "init"
        and not opam_compiler_given(words)
        and any(t.endswith("/.opam") for t in held.trees)
    )


def _reads_the_index(op: Op, live: list[Entry], own: list[Entry]) -> bool:
    """An `apk upgrade` (or `apk fix`) not told to refresh the index, where an earlier layer of
    the build left one in apk's cache: apk reads it there, fresh, and fetches nothing (no
    repository it names but those: `-X` adds one, whose index it would fetch)."""
    words = tuple(op.command.split())
    if op.family != "apk" or not words or subcommand(words) not in ("upgrade", "fix"):
        return False
    # (told to refresh it, `-U`, `-Uq`, `--update-cache`, `--update`, or given a repository)
    options = {w.partition("=")[0] for w in words if w.startswith("-")}
    if options & {"--update-cache", "--update", "-X", "--repository"} or any(
        w[:2] != "--" and "U" in w for w in options
    ):
        return False
    index = max(
        (
            e.layer
            for e in live
            if e.role == CACHE and e.family == "apk" and e.layer != BASE and e.weighs
        ),
        default=None,
    )
    # (nor after a repository was added since, whose index is not there: apk fetches it)
    return index is not None and not any(
        e.layer > index and covers(_APK_REPOSITORIES, e.path) for e in [*live, *own]
    )


_APK_REPOSITORIES = "/etc/apk/repositories"


def _names_repositories(command: str) -> bool:
    """`yum repolist` without -v: on dnf it names the repositories and reads no metadata."""
    words = command.split()
    return "repolist" in words and not {"-v", "--verbose"} & set(words)


def _nvm_keeps_nothing(earlier: str, step: Step) -> bool:
    """The nvm the build installed, by the install script's address so far (`.../creationix/nvm/
    v0.25.4/install.sh`), is one before v0.32.0, which kept no download cache."""
    text = earlier + step.instr.node.original
    # (a version an ENV or ARG gives, `.../nvm/${NVM_VERSION}/install.sh`)
    for name in _NVM_VERSION_VARIABLE.findall(text):
        text += f"/nvm/{step.instr.env.get(name, '')}/install.sh"
    versions = [tuple(map(int, v)) for v in _NVM_VERSION.findall(text)]
    return bool(versions) and max(versions) < (0, 32, 0)


_NVM_VERSION = re.compile(r"(?:nvm-sh|creationix)?/nvm/v?(\d+)\.(\d+)\.(\d+)/install\.sh")
_NVM_VERSION_VARIABLE = re.compile(r"/nvm/\$\{?(\w+)\}?/install\.sh")


def _old_go(env: Mapping[str, str], earlier: str, base_old: bool) -> bool:
    """The Go the build runs predates Go's caches: by the release archive it fetched last
    (`.../golang/go1.8.3.linux-amd64.tar.gz`, its version given by a variable too), which
    stands in for the base image's (`base_old`), or by the version its variables give
    (`GO_VERSION=1.8.5`, the golang image's `GOLANG_VERSION`), or the Software Collection on
    PATH (go-toolset-7 is Go 1.8)."""
    if "/go-toolset-7/" in env.get("PATH", ""):
        return True
    fetched = [
        _VARIABLE.sub(lambda m: env.get(m[1], m[0]), v) for v in _GO_RELEASE.findall(earlier)
    ]
    if fetched:
        return bool(OLD_GO.match(fetched[-1]))
    return base_old or any(
        OLD_GO.match(env.get(name, "")) for name in ("GOLANG_VERSION", "GO_VERSION")
    )


_GO_RELEASE = re.compile(r"/go(\d+\.\d+(?:\.\d+)?|\$\{?\w+\}?)\.linux-\w+\.tar\.gz")


def _old_packaged_go(steps: Sequence[Step], held: Known) -> set[tuple[int, str]]:
    """(step, command) of each Go command after a distribution package installed a Go that
    predates Go's caches: one named for its version (openSUSE's `go1.7`, Debian's
    `golang-1.8-go`), or the release's own `golang` where that is older than Go 1.10 (Debian
    9's, Fedora 21's): it keeps neither a build cache nor modules."""
    found: set[tuple[int, str]] = set()
    old = False
    for index, step in enumerate(steps):
        for op in step.run.ops if step.run is not None else ():
            if op.role == INSTALL and op.family in DISTRIBUTION_MANAGERS:
                packages = set(op.packages)
                old = old or any(_OLD_GO_PACKAGE.fullmatch(p) for p in packages)
                old = old or (
                    held.old_distribution_go
                    and bool(_DISTRIBUTION_GO & packages)
                    # (not from another release's repository: `apk add --repository
                    # .../edge/community go`, `apt-get install -t stretch-backports golang`)
                    and not _OTHER_REPOSITORY.search(op.command)
                )
            elif old and op.role == CACHE and op.family == "go":
                found.add((index, op.command))
    return found


# A Go package named for a version before 1.10, and the distributions' names of their own Go
_OLD_GO_PACKAGE = re.compile(r"go1\.[0-9]|golang-?1\.[0-9](?:-go)?")
_DISTRIBUTION_GO = frozenset({"golang", "golang-go", "go"})
_OTHER_REPOSITORY = re.compile(
    r"(?:^|\s)(?:--repository|-X|-t|--target-release|--default-release)\b"
)


# (the go commands that fetch: `go get`, and the builds)
_GO_COMMANDS = GO_BUILDS | {"get"}


def _go_subcommand(op: Op) -> str:
    """The go command `op` comes of: `build` of `go build -o app .`."""
    return (op.command.split()[1:2] or [""])[0]


def _under_a_cache_mount(path: str, step: Step) -> bool:
    """`path` lies in a cache mount of the RUN (`--mount=type=cache,target=/root/.cache/go-build`),
    whose writes never reach the layer."""
    return any(
        m.get("type") == "cache" and covers(m.get("target", "").rstrip("/") or "/", path)
        for m in step.instr.mounts()
        if m.get("target")
    )


def _gopath_mode(op: Op, held: Known, step: Step, live: list[Entry]) -> bool:
    """`go get` (`-d`: download only) or a build in GOPATH mode: told so (`GO111MODULE=off`), or
    a Go before 1.13 (the image's tag or GOLANG_VERSION) run inside GOPATH/src, as the golang
    image's own example did (`WORKDIR /go/src/app`, `go get -d -v ./...`), or a Go before 1.16
    run where no layer can have put a go.mod in the directory or above it (`COPY main.go .`
    alone): the sources land in GOPATH/src for the build to read, and no module cache is kept."""
    instr = step.instr
    if _go_subcommand(op) not in _GO_COMMANDS:
        return False
    # (the RUN's own `GO111MODULE=on go get -d`, `export GO111MODULE=off && ...`, decides)
    told = _GO111MODULE.findall(instr.node.original) or [instr.env.get("GO111MODULE", "")]
    if "on" in told:
        return False
    if "off" in told:
        return True
    env = instr.env
    version = env.get("GOLANG_VERSION") or env.get("GO_VERSION", "")
    old = held.gopath_go or bool(GOPATH_GO.match(version))
    gopath = env.get("GOPATH", "/go").rstrip("/")
    if old and (instr.workdir == gopath + "/src" or instr.workdir.startswith(gopath + "/src/")):
        return True
    # (and outside it with no go.mod, where a Go before 1.13 is in GOPATH mode as well)
    auto = old or (bool(AUTO_GO.match(version)) if version else held.auto_go)
    cwd = _run_in(op, step)
    if not auto or cwd is None:
        return False
    return not _a_go_mod_above(cwd, _written_by_then(op, step, live))


def _building_get(op: Op, held: Known, step: Step, live: list[Entry]) -> bool:
    """`go get` (not `-d`) in module mode builds what it fetched, filling the build cache
    beside the module cache, on a Go before 1.18 (the variables' version, the golang image's
    tag); 1.18's only edits go.mod. On a Go not known it is an older one where no layer can
    have put a go.mod in the directory or above it: 1.18's refuses to run there."""
    words = op.command.split()
    if words[1:2] != ["get"] or "-d" in words:
        return False
    env = step.instr.env
    version = env.get("GOLANG_VERSION") or env.get("GO_VERSION", "")
    if version or held.new_go:
        return bool(BUILDING_GET_GO.match(version))
    if held.gopath_go or held.auto_go:
        return True
    cwd = _run_in(op, step)
    return cwd is not None and not _a_go_mod_above(cwd, _written_by_then(op, step, live))


def _written_by_then(op: Op, step: Step, live: list[Entry]) -> list[tuple[str, str]]:
    """(path, kind) of what the layers before `step`, and the RUN before `op`, wrote."""
    earlier = [(e.path, e.kind) for e in live if e.layer != BASE]
    return [*earlier, *_written_before(op, step)]


def _run_in(op: Op, step: Step) -> str | None:
    """The directory `op`'s command runs in (a `cd` before it moves it), None when not known."""
    assert step.run is not None
    for command in step.run.commands:
        _, words = tool_and_args(command)
        if op.command in (" ".join(words), " ".join(command.words)):
            return command.cwd
    return None


def _written_before(op: Op, step: Step) -> list[tuple[str, str]]:
    """(path, kind) of what the RUN wrote before `op` (a `go mod init`'s build directory, a
    clone), `go get` commands aside; a program not modelled may have written
    anything: /."""
    assert step.run is not None
    found: list[tuple[str, str]] = []
    for earlier in step.run.ops:
        if earlier.command == op.command:
            break
        words = earlier.command.split()
        if earlier.tool == "go" and words[1:2] == ["get"]:
            continue  # (a `go get` makes no go.mod: where there is none, it is in GOPATH mode)
        if earlier.kind == EXEC:
            found.append(("/", TREE))
        elif earlier.kind == WRITE and earlier.role not in (CACHE, INSTALL):
            found.extend((p, earlier.entry) for p in earlier.paths)
    return found


def _a_go_mod_above(workdir: str, written: list[tuple[str, str]]) -> bool:
    """Of what was `written` (path, kind), something may be a go.mod in `workdir` or a
    directory above it: a go.mod by name or wildcard, or a tree whose files are not all known
    (`COPY . .`, a clone) at or above one."""
    dirs = [workdir.rstrip("/") or "/"]
    while dirs[-1] != "/":
        dirs.append(posixpath.dirname(dirs[-1]))
    mods = {posixpath.join(d, "go.mod") for d in dirs}
    return any(
        path in mods
        or ((kind in (TREE, EITHER) or is_glob(path)) and any(covers(path, m) for m in mods))
        for path, kind in written
    )


_GIT_FETCH = re.compile(r"\bgit\b[^\n;&|]*\b(?:fetch|pull)\b")
_GO111MODULE = re.compile(r"\bGO111MODULE=[\"']?(on|off)\b")


def _run_as_programs(steps: Sequence[Step]) -> frozenset[str]:
    """The paths the RUNs run as programs (`/tmp/install-nginx`, `./setup.sh` in /opt): each
    is a file, whatever its name."""
    found: set[str] = set()
    for step in steps:
        for command in step.run.commands if step.run is not None else ():
            words = command.words
            # (and the script a shell runs, `bash setup`: not its options, `sh -c '...'`)
            shell = bool(words) and posixpath.basename(words[0]) in SHELLS - {"busybox"}
            if shell and len(words) > 1 and not words[1].startswith("-") and "$" not in words[1]:
                script = words[1]
                if script.startswith("/") or command.cwd:
                    found.add(posixpath.normpath(posixpath.join(command.cwd or "/", script)))
                continue
            first = words[0] if words else ""
            if first.startswith("/") and "$" not in first:
                found.add(posixpath.normpath(first))
            elif first.startswith("./") and command.cwd and "$" not in first:
                found.add(posixpath.normpath(posixpath.join(command.cwd, first)))
    return frozenset(found)


_APT_LISTS = "/var/lib/apt/lists/"
_APT_SOURCES = ("/etc/apt/sources.list", "/etc/apt/sources.list.d/")
# What apt names an index file (`rm /var/lib/apt/lists/*_*` takes them all).
_APT_LIST_FILE = "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4"


def _all_lists(path: str) -> bool:
    """`path` is a wildcard in apt's lists directory that takes its index files."""
    name = path.removeprefix(_APT_LISTS)
    return "/" not in name and is_glob(name) and fnmatch.fnmatchcase(_APT_LIST_FILE, name)


def _forget_links(links: dict[str, str], removal: Op) -> None:
    """`links` less those `removal` takes: a link removed, or replaced by a directory (`rm
    /opt/mytool && mkdir -p /opt/mytool/data`), stands for nothing now."""
    for link in [k for k in links if any(covers(p, k) for p in removal.paths)]:
        del links[link]


def _through_links(
    paths: tuple[str, ...], links: dict[str, str], follows: bool = False
) -> tuple[str, ...]:
    """`paths` as they lie below the links an earlier RUN made (`ln -s /usr/local/apache-tomcat-
    8.5.16 /usr/local/tomcat`, then `rm -rf /usr/local/tomcat/webapps/docs`); a link itself is
    the link, which `rm` or `chown -R` change alone, unless the command `follows` the links it
    is given (`chmod -R 755 /usr/local/instantclient`: the tree the link points to)."""
    out = []
    for path in paths:
        if follows and path in links:
            out.append(links[path])
            continue
        link = next((k for k in links if path.startswith(k + "/")), None)
        out.append(links[link] + path[len(link) :] if link is not None else path)
    return tuple(out)


_OLD_PIPS = frozenset({"python-pip", "python3-pip"})
# (and virtualenvwrapper, which depends on the distribution's virtualenv: its mkvirtualenv)
_OLD_VIRTUALENVS = frozenset(
    {"python-virtualenv", "python3-virtualenv", "virtualenv", "virtualenvwrapper"}
)


def _cacheless_pip(steps: Sequence[Step], held: Known) -> set[tuple[int, str]]:
    """(step, command) of each pip command that runs the distribution's own pip where it
    predates pip's cache (`apt-get install python-pip` on Ubuntu 14.04), until a command
    upgrades it (`pip install --upgrade pip`, which the old pip still runs) or get-pip.py
    installs another."""
    found: set[tuple[int, str]] = set()
    jessie = (held.release_now and held.manager == "apt" and _of_jessie(steps)) or (
        # (an image not known, whose release the file's own apt sources name: `deb
        # http://apt.postgresql.org/pub/repos/apt/ trusty-pgdg main`)
        held.manager in ("", "apt")
        and (held.manager == "" or held.release_now)
        and _names_an_old_release(steps)
    )
    if held.managed_python and not jessie:
        return _managed_pip(steps, held.release_now, held.system_pip)
    if not (held.old_pip or jessie):
        return found
    old = held.system_pip  # the distribution's own pip runs
    bundled = False  # its virtualenv's environments run the pip it bundles, as old (1.5)
    for index, step in enumerate(steps):
        venv = _another_python(step)
        for op in step.run.ops if step.run is not None else ():
            # (the pip a program path names, a venv's or the system's; `--target` or `--prefix`
            # runs the old one too)
            mine = venv or _run_from_a_venv(op) or op.tool in _OWN_ENVIRONMENTS
            # (a new pip put first, the venv's or the system's: `easy_install -U pip`,
            # get-pip.py, `pip install --upgrade pip`)
            upgraded = (
                op.tool.startswith("easy_install")
                and any(_PIP_REQUIREMENT.fullmatch(w.strip("'\"")) for w in op.command.split()[1:])
            ) or (
                op.family == "pip"
                and op.kind == WRITE
                and op.role == INSTALL
                and ("pip" in op.packages or op.tool == "get-pip.py")
            )
            if op.family == "apt" and op.kind == WRITE and op.role == INSTALL:
                old = old or any(p in _OLD_PIPS for p in op.packages)
                bundled = bundled or any(p in _OLD_VIRTUALENVS for p in op.packages)
            elif op.family == "pip" and op.kind == WRITE and op.role in (INSTALL, CACHE):
                if ((old and not mine) or (bundled and mine)) and op.tool != "get-pip.py":
                    found.add((index, op.command))  # (get-pip.py's own pip is new, caching)
                if op.role == INSTALL and any(
                    re.split(r"[<>=!~\[]", p)[0] == "virtualenv" for p in op.packages
                ):
                    bundled = False  # (pip's own virtualenv, whose environments get a new pip)
            if upgraded and mine:
                bundled = False
            elif upgraded:
                old = False
    return found


def _plugin_rocks(steps: Sequence[Step], held: Known) -> set[tuple[int, str]]:
    """(step, command) of each `luarocks make` (of the rockspec where it runs, no package
    named) on an image whose own build installed its rocks (Kong's): a plugin's dependencies
    are the image's own rocks, so nothing is fetched."""
    if _KONG_ROCKS not in held.trees:
        return set()
    return {
        (index, op.command)
        for index, step in enumerate(steps)
        for op in (step.run.ops if step.run is not None else ())
        if op.family == "luarocks" and op.tool == "luarocks" and _makes_a_rock(op.command)
    }


_KONG_ROCKS = "/usr/local/lib/luarocks"


def _makes_a_rock(command: str) -> bool:
    """`luarocks make`, of the rockspec in the directory or one named by a path."""
    words = command.split()
    return "make" in words[:3] and not any(
        "/" not in w and not w.endswith(".rockspec") and not w.startswith("-") and "=" not in w
        for w in words[words.index("make") + 1 :]
    )


def _sudo_pip(steps: Sequence[Step], held: Known) -> set[tuple[int, str]]:
    """(step, command) of each `sudo pip` a user other than root runs where sudo keeps the
    caller's HOME (Ubuntu before 19.10): pip, run as root, finds its cache in a home root does
    not own and turns it off."""
    found: set[tuple[int, str]] = set()
    if not held.sudo_keeps_home:
        return found
    # (the homes known to be there, owned by their users: useradd -m's, adduser's, the base's;
    # where none is, pip's check reaches a directory root owns, /home, and keeps the cache)
    homes = {home for _, home in held.homes}
    for index, step in enumerate(steps):
        ops = step.run.ops if step.run is not None else ()
        if (step.instr.user or held.user).split(":", 1)[0] not in ("", "root", "0"):
            found.update(
                (index, op.command)
                for op in ops
                if op.family == "pip"
                and op.role == CACHE
                and op.by_sudo
                and any(inside(p, h) for p in op.paths for h in homes)
            )
        homes.update(p for op in ops if op.kind == WRITE and op.role == HOME for p in op.paths)
    return found


# The distributions' packages of their Python's pip (Debian's and Ubuntu's, Arch's, Alpine's)
_SYSTEM_PIPS = frozenset({"python3-pip", "pip", "python-pip", "py3-pip", "py-pip"})


def _managed_pip(
    steps: Sequence[Step], dated: bool = False, system: bool = False
) -> set[tuple[int, str]]:
    """(step, command) of each pip command that runs the distribution's own pip where its
    Python is externally managed (PEP 668: Debian 12, Ubuntu 23.04, Alpine 3.19 on), after its
    package manager installed it: it refuses before it fetches anything (`pip3 install
    webdrivermanager || true`), unless told to break the system's packages, to install
    elsewhere, or run from a venv; `system`: the base image installed that pip itself."""
    found: set[tuple[int, str]] = set()
    # (the first step that adds a repository, of any kind, and PostgreSQL's: an install before
    # it has none to bring an older release's packages from; PostgreSQL's brings no Python)
    added_at = pgdg_at = len(steps)
    if dated:
        texts = [s.instr.node.original for s in steps]
        added_at = next((i for i, t in enumerate(texts) if _other_repository(t)), len(steps))
        pgdg_at = next((i for i, t in enumerate(texts) if _postgresql_repository(t)), len(steps))
    if dated and any(
        op.role == INSTALL
        and (
            (
                op.family == "apt"
                and _of_an_older_release(op.packages, index >= added_at, index >= pgdg_at)
            )
            or (op.family == "apk" and bool(_ALPINE_PYTHON_2.intersection(op.packages)))
        )
        for index, step in enumerate(steps)
        for op in (step.run.ops if step.run is not None else ())
    ):
        # (a tag of today's release, where an install names a package only an older release
        # has: Python 2's pip, gone since Debian 11 and Ubuntu 20.04, or Alpine's Python 2,
        # gone since 3.16, dates the file before PEP 668, for the pips before that install too)
        return found
    for index, step in enumerate(steps):
        env = step.instr.env
        if "PIP_BREAK_SYSTEM_PACKAGES" in env or "VIRTUAL_ENV" in env:
            return found
        if dated and any(c.path == _SOURCES_LIST for c in step.copies):
            # (a tag of today's release, `debian:stable`, with apt's sources the file's own:
            # the release installed from is the file's day's, not the tag's; a tag naming one
            # keeps its deb822 sources beside it)
            return found
        # (a RUN that puts another Python first runs that one's pip: `. venv/bin/activate`,
        # `pyenv global 3.6.15`, `conda activate`; and so does an ENV PATH that puts a venv's
        # or pyenv's bin first)
        other = _another_python(step)
        if step.run is not None and _BREAKS_SYSTEM_PACKAGES.search(step.instr.node.original):
            # (`pip config set global.break-system-packages true`, or the setting written into
            # pip.conf: the pips after it install, and the one it was given to)
            return found
        for op in step.run.ops if step.run is not None else ():
            if op.kind == REMOVE and any("EXTERNALLY-MANAGED" in p for p in op.paths):
                return found  # (`rm /usr/lib/python3.*/EXTERNALLY-MANAGED`)
            if op.kind != WRITE or op.role not in (INSTALL, CACHE):
                continue
            if op.family in ("apt", "pacman", "apk") and op.role == INSTALL:
                system = system or any(p in _SYSTEM_PIPS for p in op.packages)
            elif (
                op.family == "pip"
                and system
                and not other
                and _the_system_pip(op)
                and not _pip_fetches_only(op.command)
            ):
                found.add((index, op.command))
    return found


def _pip_fetches_only(command: str) -> bool:
    """`pip wheel`, `pip download`: pip asks PEP 668 of installs and uninstalls only, so these
    fetch into its cache on an externally managed Python too."""
    words = tuple(command.split())
    at = next((i for i, w in enumerate(words) if _PIP_WORD.fullmatch(posixpath.basename(w))), -1)
    return at >= 0 and subcommand(words[at:]) in ("wheel", "download")


_PIP_WORD = re.compile(r"pip[23]?(?:\.\d+)?")


_SOURCES_LIST = "/etc/apt/sources.list"
_BEFORE_PEP_668 = frozenset({"python-pip"})
# Alpine's Python 2 and its pip, by their names of 3.15 and before (not `py-pip`, which
# py3-pip provides today)
# (and its headers' name before 3.12, python-dev, which no later release has)
_ALPINE_PYTHON_2 = frozenset({"python2", "python2-dev", "py2-pip", "python-dev"})
# The CPythons of the releases before today's, 3.5 to 3.10 (`python3.8`, `python3.10-venv`),
# which neither Debian 13 nor Ubuntu since 24.04 packages (not 3.11, Debian 12's and Ubuntu
# 23.04's, both externally managed): only a repository the file adds (deadsnakes' PPA, a line
# written into apt's sources; not a mirror's `sed` of them) brings them to today's
_OLDER_PYTHON = re.compile(r"(?:lib)?python3\.(?:[5-9]|10)(?:-[a-z]+)*")
# The PostgreSQL of a release before PEP 668 (`postgresql-14`, Ubuntu 22.04's; 13, Debian
# 11's): today's releases package 16 (Ubuntu 24.04) and 17 (Debian 13), and only PostgreSQL's
# own repository, which the file would add, brings older ones to them
_OLDER_POSTGRESQL = re.compile(
    r"postgresql(?:-server-dev|-client|-contrib|-plpython3)?-(?:9\.\d|1[0-4])"
)
# JDKs of Debian 8 and Ubuntu 14.04 and before, whose python-pip (1.5) predates pip's cache
_JESSIE_JDK = re.compile(r"openjdk-[67]-(?:jre|jdk)(?:-headless)?")
_ADDS_A_REPOSITORY = re.compile(
    r"add-apt-repository|deadsnakes|ppa:|>>?\s*/etc/apt/sources\.list|/etc/apt/sources\.list\.d/"
    r"|apt\.postgresql\.org"  # (PostgreSQL's, by its script: `.../pgdg/apt.postgresql.org.sh`)
)


def _of_an_older_release(packages: tuple[str, ...], added: bool, postgresql: bool = False) -> bool:
    """The apt install of `packages`, on a tag of today's release, names a package only an
    older release has: Python 2's pip, a JDK of Debian 8's day, a CPython before 3.11 (unless
    the file adds a repository other than PostgreSQL's, `added`, which may bring it), a
    PostgreSQL before 15 (unless it adds one, `postgresql`)."""
    if _BEFORE_PEP_668.intersection(packages) or any(_JESSIE_JDK.fullmatch(p) for p in packages):
        return True  # (no repository brings those to a release of PEP 668's day either)
    return (not added and any(_OLDER_PYTHON.fullmatch(p) for p in packages)) or (
        not postgresql and any(_OLDER_POSTGRESQL.fullmatch(p) for p in packages)
    )


def _other_repository(text: str) -> bool:
    """`text` adds an apt repository other than PostgreSQL's alone (which brings no Python)."""
    return _ADDS_A_REPOSITORY.search(_PGDG.sub("", text)) is not None


def _postgresql_repository(text: str) -> bool:
    """`text` adds a repository that may bring PostgreSQL: its own, or sources written in (not
    a PPA, deadsnakes' and the like, of a project's own packages)."""
    return _PGDG.search(text) is not None or (
        _ADDS_A_REPOSITORY.search(_PPA_ADDED.sub("", text)) is not None
    )


_PPA_ADDED = re.compile(r"(?:add-apt-repository|apt-add-repository)(?:\s+-\S+)*\s+[\"']?ppa:\S+")
# PostgreSQL's repository, by its script or a sources line naming it
_PGDG = re.compile(
    r"\S*apt\.postgresql\.org\S*(?:[^&;|\n]*?>>?\s*/etc/apt/sources\.list(?:\.d/\S*)?)?"
)


def _adds_a_repository(steps: Sequence[Step]) -> bool:
    """A RUN of the file adds an apt repository, which may bring an older release's packages
    to today's (deadsnakes' Pythons, openjdk-r's JDKs)."""
    return any(_ADDS_A_REPOSITORY.search(step.instr.node.original) for step in steps)


def _names_an_old_release(steps: Sequence[Step]) -> bool:
    """A RUN writes an apt source for Debian 8, Ubuntu 14.04 or an older release: the image it
    runs on is of that release (a line appended to fetch an old release's library onto a newer
    one is not told apart: a cache is left unsaid rather than said wrongly)."""
    return any(
        _OLD_RELEASE_SOURCE.search(s.instr.node.original) for s in steps if s.run is not None
    )


# (`deb [arch=amd64] URL trusty-pgdg main`, `deb URL jessie-backports main`: a suite of the
# distribution's own or one a repository names for each release; not one a third party keeps
# for every release, Mono's `wheezy main` or a PPA's `trusty main` copied onto Debian)
_OLD_RELEASE_SOURCE = re.compile(
    r"\bdeb\s+(?:\[[^\]]*\]\s+)?(?:\S*(?:debian\.org|debian\.net|ubuntu\.com)\S*\s+"
    r"(?:lucid|precise|trusty|squeeze|wheezy|jessie)(?:[-/]\S*)?"
    r"|\S+\s+(?:lucid|precise|trusty|squeeze|wheezy|jessie)[-/](?:pgdg|backports|updates|security))\s"
)


def _of_jessie(steps: Sequence[Step]) -> bool:
    """An apt install names a JDK only Debian 8, Ubuntu 14.04 and their elders packaged: on a
    tag of today's release, the file was written for one of those, whose pip has no cache
    (unless it adds a repository, openjdk-r's PPA, that brings one to a later release)."""
    return not _adds_a_repository(steps) and any(
        op.family == "apt"
        and op.role == INSTALL
        and any(_JESSIE_JDK.fullmatch(p) for p in op.packages)
        for step in steps
        for op in (step.run.ops if step.run is not None else ())
    )


_BREAKS_SYSTEM_PACKAGES = re.compile(
    r"(?:pip[\d.]*\s+config\s+set\s+\S*break-system-packages|break-system-packages\s*=)"
)


def _another_python(step: Step) -> bool:
    """`step` runs another Python than the distribution's first: a command of it activates a
    venv or a conda environment or selects pyenv's (not a line it writes into a file), or its
    PATH puts such a bin directory first."""
    first = step.instr.env.get("PATH", "").split(":", 1)[0]
    if _ANOTHER_BIN.search(first):
        return True
    for command in step.run.commands if step.run is not None else ():
        words = command.words
        if not words:
            continue
        if words[0] in (".", "source") and len(words) > 1 and words[1].endswith("bin/activate"):
            return True
        if words[0] in ("workon", "mkvirtualenv") or _WRAPPED_ENV.search(" ".join(words[1:])):
            # (virtualenvwrapper's, also in a shell's script: the environment it makes or
            # names is active for what follows)
            return True
        selects = words[0] in ("pyenv", "conda", "mamba", "micromamba") and len(words) > 1
        if selects and words[1] in ("activate", "global", "shell", "local"):
            return True
    return False


# virtualenvwrapper's commands that activate an environment, where a shell's script runs them
_WRAPPED_ENV = re.compile(r"(?:^|&&|;|\|\|)\s*(?:workon|mkvirtualenv)\s")
# A bin directory of a venv, a conda environment or pyenv, first on PATH
_ANOTHER_BIN = re.compile(r"(?:^|/)(?:\.?venv[^/]*|env|conda|miniconda\d*|pyenv|shims)(?:/|$)")


_OWN_ENVIRONMENTS = frozenset({"pipenv", "install-poetry.py", "pipx"})
# pip named as a requirement, with a version or none (`pip`, `pip==9.0.3`, `pip<21`)
_PIP_REQUIREMENT = re.compile(r"pip(?:[<>=!~].*)?")


def _run_from_a_venv(op: Op) -> bool:
    """`op` runs a program a path names outside the system's bin directories (`/venv/bin/python
    get-pip.py`, `/env/bin/easy_install -U pip`): a virtual environment's."""
    program = (op.command.split() or [""])[0]
    return (
        "/" in program
        and not program.endswith(".py")  # (`python /tmp/get-pip.py`: the script, not the Python)
        and not program.startswith(("/usr/bin/", "/bin/", "/usr/local/bin/"))
    )


def _the_system_pip(op: Op) -> bool:
    """`op` runs the system's pip on its own Python: not a venv's, not told to install
    elsewhere or to break the system's packages."""
    words = op.command.split()
    program = words[0] if words else ""
    if "/" in program and not program.startswith(("/usr/bin/", "/bin/")):
        return False  # (`/opt/venv/bin/pip install`)
    if op.tool in _OWN_ENVIRONMENTS:
        return False  # (which install into a virtual environment of their own)
    told = {"--break-system-packages", "--target", "-t", "--prefix", "--root"}
    return not any(w.split("=", 1)[0] in told for w in words)


def _writer(step: Step, held_user: str) -> str:
    """The user whose files a step writes: root for a COPY (but what its --chown names, which
    its entries note), the user a RUN runs as ('' when not known, or when it may switch)."""
    if step.run is None:
        # (an ADD's local tar keeps the owners the archive gives its files)
        return "" if any(c.unpacked for c in step.copies) else "root"
    return "" if switches_user(step.instr.node.original) else _runs_as(step, held_user)


# The commands only a file's owner (or root) may run on it
_OWNERS_ONLY = frozenset({"chmod", "chown", "chgrp", "setfacl"})
# A RUN that lets a command fail (`chmod -R a-w /app 2>/dev/null || true`)
_MAY_FAIL = re.compile(r"\|\|\s*(?:true|:|exit\s+0)(?![\w-])")


def _root_owned(entry: Entry, writers: tuple[str, ...]) -> bool:
    """`entry`'s files are known to be root's: written as root, and not given to another
    since (a COPY's --chown, a chown)."""
    user = dict(entry.attrs).get("user")
    if user is not None:
        return user in ("root", "0")
    # (not a COPY --from's, whose files may keep the owners they had in the stage)
    return not entry.staged and 0 <= entry.layer < len(writers) and writers[entry.layer] == "root"


def _runs_as(step: Step, held_user: str) -> str:
    """The user a step runs as, its own USER or the image's: `root` for root by name or uid,
    '' where neither says."""
    user = step.instr.user or held_user
    return "root" if user.split(":")[0] in ("root", "0") else user


def _maven_built_before(steps: Sequence[Step], held_user: str = "") -> set[tuple[int, str]]:
    """(step, command) of each Maven build of a project an earlier RUN built in the same
    directory with the same goals or more and the same options, in a RUN that kept its
    repository (no cache mount, no removal of ~/.m2, no other repository) and ran nothing
    else, nothing copied into the project since and no RUN that does more between (`mvn verify
    clean --fail-never` on the pom alone, then `mvn verify`), as the same user with the same
    HOME and MAVEN_OPTS: every plugin and dependency is in ~/.m2 already, and nothing more is
    fetched."""
    found: set[tuple[int, str]] = set()
    # (project, who ran it) -> the (goals, options) of its builds
    built: dict[
        tuple[str, tuple[str | None, ...]], list[tuple[frozenset[str], frozenset[str]]]
    ] = {}
    for index, step in enumerate(steps):
        for write in step.copies:
            built = {k: r for k, r in built.items() if not covers(write.into, k[0])
                     and not (write.path == k[0] or inside(write.path, k[0]))}  # fmt: skip
        if step.run is None:
            continue
        # (`MAVEN_OPTS=... mvn ...`: settings of its own, among its options)
        maven = [
            (command.cwd, " ".join(command.words), goals, options | _assigned(command))
            for command in step.run.commands
            for tool, words in (tool_and_args(command),)
            if tool in ("mvn", "mvnw") and command.cwd is not None
            for goals, options in (_maven_words(words[1:]),)
        ]
        if len(maven) != len(step.run.commands):
            built = {}  # (a RUN that does more may change the project: `git checkout v2`)
            continue
        # (as the same user, with the same Maven settings: another's ~/.m2 is empty)
        env = step.instr.env
        user = _runs_as(step, held_user)
        who = (
            user,
            (env.get("HOME") or "").rstrip("/"),
            *(env.get(v) for v in ("MAVEN_OPTS", "MAVEN_CONFIG", "MAVEN_ARGS")),
        )
        for cwd, text, goals, options in maven:
            if any(goals <= gs and options == os for gs, os in built.get((cwd, who), ())):
                found.add((index, text))
        original = step.instr.node.original
        if not any(k in original for k in ("type=cache", ".m2", "maven.repo.local")):
            for cwd, _, goals, options in maven:
                built.setdefault((cwd, who), []).append((goals, options))
    return found


def _assigned(command: Command) -> frozenset[str]:
    """The variables a command sets for itself, as `NAME=value` words."""
    return frozenset(f"{k}={v}" for k, v in command.assignments)


# Maven's options that take a value in the next word.
_MAVEN_VALUED = frozenset(
    {"-f", "--file", "-s", "--settings", "-gs", "--global-settings", "-P", "-pl", "-rf", "-T"}
    | {"--activate-profiles", "--projects", "--resume-from", "--threads", "-t", "-l", "-b"}
)
# Options that change nothing of what Maven fetches.
_MAVEN_QUIET = frozenset({"-B", "--batch-mode", "-q", "--quiet", "-e", "-X", "-fn", "--fail-never"})


def _maven_words(words: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(goals, options) of a Maven command line."""
    goals, options = [], []
    at = 0
    while at < len(words):
        word = words[at]
        if word in _MAVEN_VALUED and at + 1 < len(words):
            options.append(f"{word} {words[at + 1]}")
            at += 1
        elif word.startswith("-"):
            options.append(word)
        else:
            goals.append(word)
        at += 1
    return frozenset(goals), frozenset(options) - _MAVEN_QUIET


def _built_below(entry: Entry, paths: tuple[str, ...]) -> bool:
    """`entry` is what a build wrote at or below one of `paths`."""
    return entry.family in _BUILT and any(covers(p, entry.path) for p in paths)


def _matches(path: str, pattern: str) -> bool:
    """`pattern`, a wildcard, takes every name `path` may be (`/b/*.tgz` takes `/b/app-*.tgz`)."""
    return is_glob(pattern) and fnmatch.fnmatchcase(path, pattern)


def _built_again(steps: Sequence[Step]) -> set[tuple[int, str]]:
    """(step, command) of each `go install` or `go build` of packages only, all of which an
    earlier RUN's `go get` fetched and built (GOPATH mode: `RUN go get X`, `RUN go install X`):
    it finds everything done, and no cache grows."""
    found: set[tuple[int, str]] = set()
    got: set[str] = set()
    for index, step in enumerate(steps):
        if step.run is None:
            continue
        fetched: set[str] = set()
        for op in step.run.ops:
            words = op.command.split()
            if op.tool != "go" or len(words) < 3:
                continue
            names = {w for w in words[2:] if not w.startswith("-")}
            if words[1] in ("install", "build") and names and names <= got:
                found.add((index, op.command))
            elif words[1] == "get" and "-d" not in words and not any("@" in n for n in names):
                fetched |= names  # (`go get -d` only downloads: it builds nothing)
        got |= fetched
    return found


def _go_modules_there(steps: Sequence[Step]) -> set[tuple[int, str]]:
    """(step, `_modules_there` of the command) of each go build, run, test, vet or install in
    the module (its directory, or a package directory below) whose `go mod download` an earlier
    RUN ran into that module cache (`RUN go mod download`, `COPY . .`, `RUN go build`): it finds
    every module there and fetches none; its build cache is new all the same. Not `go get`, nor
    `go install x@v`, which fetch a module of their own; not a module below (`tools/` where a COPY
    put its own go.mod), another cache (GOMODCACHE set since), nor after a removal reached into
    the cache."""
    found: set[tuple[int, str]] = set()
    downloaded: dict[str, str] = {}  # module directory -> its module cache
    modules: set[str] = set()  # the directories a COPY put a go.mod in
    for index, step in enumerate(steps):
        modules.update(
            posixpath.dirname(w.path) for w in step.copies if posixpath.basename(w.path) == "go.mod"
        )
        fetched: dict[str, str] = {}
        for op in step.run.ops if step.run is not None else ():
            if op.kind == REMOVE:
                downloaded = {
                    d: c
                    for d, c in downloaded.items()
                    if not any(path_overlaps(p, c) for p in op.paths)
                }
            if op.family != "go" or op.role != CACHE or len(op.paths) != 1:
                continue
            words = op.command.split()[1:]
            at = _run_in(op, step) or step.instr.workdir
            (cache,) = op.paths
            if words[:2] == ["mod", "download"] and all(w.startswith("-") for w in words[2:]):
                fetched[at] = cache  # (`go mod download -x`: all the module needs)
            elif (
                _go_subcommand(op) in GO_BUILDS
                and any(c == cache and _in_module(at, d, modules) for d, c in downloaded.items())
                and not any(_A_MODULE_VERSION.fullmatch(w) for w in words)
            ):
                found.add((index, _modules_there(op)))
        downloaded |= fetched
    return found


# A module at a version, which `go install` fetches of its own (`golang.org/x/tools/gopls@v0.15`)
_A_MODULE_VERSION = re.compile(r"[^-=@\s][^=@\s]*/[^=@\s]*@[^=@\s]+")


def _in_module(at: str, module: str, modules: set[str]) -> bool:
    """`at` is in the Go module at `module`: there, or below with no go.mod of its own between
    (`cmd/api`, not `tools/` where a COPY put another go.mod)."""
    return at == module or (
        inside(at, module)
        and not any(m != module and covers(m, at) and inside(m, module) for m in modules)
    )


def _modules_there(op: Op) -> str:
    """The mark of a go command's write to its module cache among the commands with nothing to
    fetch: that write alone goes, the build cache's stays."""
    return f"modules there: {op.paths[0]} {op.command}"


def _resolved_before(steps: Sequence[Step]) -> set[tuple[int, str]]:
    """(step, command) of each Leiningen, Cargo, Gleam, rebar3 or spago build after a RUN whose
    `lein deps`, `cargo fetch`, gleam, rebar3 or spago command fetched the project's
    dependencies: it finds them there and fetches nothing
    (`lein deps`, `COPY . .`, then `lein uberjar`, as the clojure image's own example does;
    `cargo fetch`, then `cargo test --no-run`). Not `cargo install`, which fetches a crate of
    its own."""
    found: set[tuple[int, str]] = set()
    # (tool, directory, manifest): the projects an earlier RUN fetched everything for
    resolved: set[tuple[str, str, str]] = set()
    copied: list[CopyWrite] = []
    stubs = False  # (a RUN made crates with `cargo new` or `cargo init`, a workspace's stubs)
    for index, step in enumerate(steps):
        if step.run is None:
            # (a copy that may bring other manifests, or a lock, takes back what a build
            # fetched for: `COPY . .` after a stub workspace's build; not `COPY src src`)
            gone = {
                r
                for r in resolved
                if r[0].startswith("cargo+") and _new_manifests(step, r[1], copied, stubs)
            }
            resolved -= gone
            copied.extend(step.copies)
            continue
        fetched: set[tuple[str, str, str]] = set()
        stubs = stubs or any(
            c.words[:2] in (("cargo", "new"), ("cargo", "init")) for c in step.run.commands
        )
        for op in step.run.ops:
            if op.kind == REMOVE:
                # (the cache or the project removed since: `rm -rf $CARGO_HOME/registry`,
                # `rm -rf /build/*` before another project is copied there)
                gone = {
                    (tool, at, manifest) for tool, at, manifest in (*resolved, *fetched)
                    if any(_FETCHED_INTO[tool] in r or covers(r, at) for r in op.paths)
                }  # fmt: skip
                resolved, fetched = resolved - gone, fetched - gone
            if op.tool == "stack" and op.role == CACHE:
                # (a stack build fetches what the project's own packages need, its suites'
                # too when it builds them; a later build that needs no more finds it all)
                scope = stack_scope(op.command)
                at = _run_in(op, step) or step.instr.workdir
                if scope is None:
                    continue
                if ("stack" + scope, at, "") in resolved or ("stack+test", at, "") in resolved:
                    found.add((index, op.command))
                else:
                    fetched.add(("stack" + scope, at, ""))
                continue
            if op.tool == "cargo" and _CARGO_CHANGES & set(op.command.split()[1:3]):
                # (`cargo update`, `cargo add serde`: other crates, which the builds fetch)
                at = _run_in(op, step) or step.instr.workdir
                resolved = {r for r in resolved if not (r[0].startswith("cargo+") and r[1] == at)}
                fetched = {r for r in fetched if not (r[0].startswith("cargo+") and r[1] == at)}
            if (
                op.tool == "cargo"
                and op.role == CACHE
                and (scope := _cargo_scope(op, step, copied))
            ):
                # (a build fetches what the project's crates need for it, a test run its
                # dev-dependencies too: the dummy build of `COPY Cargo.toml Cargo.lock ./`,
                # then `COPY src src` and the real build, which finds them all; the same
                # project, options, user and CARGO_HOME)
                where = _run_in(op, step) or step.instr.workdir
                installed = cargo_path(op.command)
                at = where if installed is None else resolve_path(installed, where) or where
                manifest = " ".join(w for w in op.command.split() if w.endswith("Cargo.toml"))
                home = step.instr.env.get("CARGO_HOME", "") + " " + step.instr.user
                key = " ".join((manifest, home, *cargo_choices(op.command)))
                covering = ("cargo+test",) + (("cargo+build",) if scope == "+build" else ())
                # (or `cargo fetch` of it before: everything its lock names)
                if ("cargo", at, manifest) in resolved or any(
                    (tool, at, key) in resolved for tool in covering
                ):
                    found.add((index, op.command))
                else:
                    fetched.add(("cargo" + scope, at, key))
                continue
            if op.tool not in _FETCHES_ALL:
                continue
            words = op.command.split()[1:]
            # (the project: `cargo fetch --manifest-path xtask/Cargo.toml` fetches xtask's;
            # the Clojure CLI's, for the aliases it names, `-A:build:prod` as `-X:build:prod`)
            manifest = next((w for w in words if w.endswith("Cargo.toml")), "") or ":".join(
                sorted({a for w in words if _CLOJURE_ALIASES.match(w) for a in w.split(":")[1:]})
            )
            tool = "clojure" if op.tool == "clj" else op.tool
            project = (tool, _run_in(op, step) or step.instr.workdir, manifest)
            if tool == "clojure" and project not in resolved:
                # (fewer aliases than an earlier RUN fetched for: `clojure -P -M:test:dev`,
                # then `clojure -M:test`)
                given = set(manifest.split(":")) - {""}
                project = next(
                    (
                        r for r in resolved
                        if r[:2] == project[:2] and given <= set(r[2].split(":")) - {""}
                    ),
                    project,
                )  # fmt: skip
            if {"update", "generate-lockfile"} & set(words):
                # (`cargo update -p tokio`: other versions, which the build fetches)
                resolved.discard(project)
                fetched.discard(project)
            elif op.role != CACHE:
                continue
            elif _FETCHES_ALL[op.tool] in words or (
                op.tool in _BUILDS_FETCH_ALL and project not in resolved
            ):
                # (`lein with-profile prod deps`, `lein -U deps`; any of gleam's or rebar3's
                # builds fetches all the project names)
                fetched.add(project)
            elif project in resolved and "install" not in words and words[:1] != ["add"]:
                found.add((index, op.command))
        resolved |= fetched
    return found


def _cargo_scope(op: Op, step: Step, copied: Sequence[CopyWrite]) -> str:
    """What a cargo command fetches of the project it builds (`cargo_scope`); `cargo install
    --path .` resolves the project again, ignoring its lock unless `--locked`: like a build
    only where none was copied beside it."""
    scope = cargo_scope(op.command) or ""
    if scope != "+install":
        return scope
    if "--locked" in op.command.split():
        return "+build"
    path = cargo_path(op.command) or "."
    lock = posixpath.join(
        resolve_path(path, _run_in(op, step) or step.instr.workdir) or path, "Cargo.lock"
    )
    return "" if any(covers(w.path, lock) for w in copied) else "+build"


def _new_manifests(step: Step, at: str, copied: Sequence[CopyWrite], stubs: bool) -> bool:
    """A COPY `step` may write a manifest or lock of the project at `at` other than those an
    earlier copy brought from the same files: one by another source (`COPY Cargo.docker.toml
    Cargo.toml`), or a tree copied onto the project that may hold more (`COPY . .`); not
    its sources alone (`COPY src src`)."""
    for write in step.copies:
        if not (write.path == at or inside(write.path, at)):
            continue
        name = posixpath.basename(write.path)
        if name in ("Cargo.toml", "Cargo.lock"):
            if not any(
                c.path == write.path and (c.file or c.source) == (write.file or write.source)
                for c in copied
            ):
                return True
        elif (write.tree or write.either or not write.exact) and name not in _CARGO_SOURCES:
            # (the whole context onto the project, after its manifest and lock: the same
            # files again, unless the build made stub crates the context's members replace)
            ahead = {c.path for c in copied if c.source in ("Cargo.toml", "Cargo.lock")}
            again = {posixpath.join(at, "Cargo.toml"), posixpath.join(at, "Cargo.lock")}
            if write.source == "." and write.path == at and again <= ahead and not stubs:
                continue
            return True
    return False


_CARGO_CHANGES = frozenset({"update", "generate-lockfile", "add", "remove", "rm", "upgrade"})
# What a project keeps beside its manifest that brings no crates of its own
_CARGO_SOURCES = frozenset({"src", "benches", "examples", "tests", "static", "assets", "templates"})


# The command of a build tool that fetches all a project depends on
_FETCHES_ALL = {
    **{"lein": "deps", "cargo": "fetch", "gleam": "deps", "rebar3": "get-deps"},
    **{"spago": "install", "clojure": "-P", "clj": "-P"},
}
# (and the tools any build of which fetches all of it)
_BUILDS_FETCH_ALL = frozenset({"gleam", "rebar3", "spago", "clojure", "clj"})
# The Clojure CLI's options that name aliases (`-M:dev`, `-X:build:prod`, `-T:build`)
_CLOJURE_ALIASES = re.compile(r"-[AMXT]:\S+")
# Where their fetches land for the project's builds (a removal naming it takes them): Gleam's
# in the project's build/packages, rebar3's in its _build, spago's in its .spago, whatever
# their caches keep
_FETCHED_INTO = {
    **{"lein": ".m2", "cargo": "registry", "gleam": "build/packages", "rebar3": "_build"},
    **{"spago": ".spago", "clojure": ".m2"},
    **{"stack": ".stack", "stack+test": ".stack"},
    **{"cargo+build": "registry", "cargo+test": "registry"},
}


def _locked_again(steps: Sequence[Step]) -> set[tuple[int, str]]:
    """(step, command) of each install of a project's locked dependencies (`poetry install`,
    `yarn`, `pnpm install`, `npm install`, `pipenv install`, `uv sync`) that an earlier RUN ran
    in the same directory, as the same user with the same settings, from the same manifest and
    lock copied from the same files of the context, with the same options but those that fetch
    less: it finds every dependency installed and fetches nothing (`COPY pyproject.toml
    poetry.lock ./`, `RUN poetry install --no-root`, `COPY . .`, `RUN poetry install`). Not
    where a removal since took the installed packages or their environment, a prune or an
    uninstall took some, or a `poetry config` may have moved them, nor after a change of the
    project's dependencies (`yarn add x`). Yarn installs again when its flags changed
    (`--production` after a full install): only a cache it kept since saves it fetching all
    again."""
    found: set[tuple[int, str]] = set()
    copied: list[CopyWrite] = []
    # (tool, manifest and lock, where they were copied from, user and settings) -> each
    # install so far, with its cache and when it ran (the op's number)
    done: dict[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], list[_Ran]] = {}
    removed: list[tuple[int, str]] = []  # (op's number, path) of each removal so far
    at = 0
    configured = 0  # how many `poetry config` commands ran so far
    for index, step in enumerate(steps):
        if step.run is None:
            copied.extend(step.copies)
            continue
        env = step.instr.env
        settings = sorted(
            f"{k}={v}" for k, v in env.items()
            if k in _INSTALL_SETTINGS or k.startswith(_INSTALL_SETTING_PREFIXES)
        )  # fmt: skip
        installs: dict[str, tuple[LockedInstall, int]] = {}
        for command in step.run.commands:
            if command.words[:2] == ("poetry", "config"):
                configured += 1  # (`poetry config virtualenvs.create false`: elsewhere now)
            install = locked_install(command)
            if install is not None:
                installs[install.text] = (install, configured)
        for op in step.run.ops:
            at += 1
            if op.kind == REMOVE:
                removed.extend((at, r) for r in op.paths)
                # (the packages or their project taken: `rm -rf node_modules`, a venv)
                done = {
                    key: runs for key, runs in done.items()
                    if not any(_takes_the_install(r, key[1][0], key[3]) for r in op.paths)
                }  # fmt: skip
            if op.kind == PURGE and op.family in (*_LOCKED_FAMILIES, "pip"):
                done.clear()  # (`npm prune --production`, `pip uninstall x`: some taken)
            install, config = installs.pop(op.command, (None, 0))  # (one op counts it)
            if install is None or not all(install.files):
                if op.packages and op.family in _LOCKED_FAMILIES:
                    done.clear()  # (`yarn add x`, `poetry add x`: the lock changes)
                continue
            sources = tuple(_copied_from(f, copied, last=True) for f in install.files)
            manifest = install.files[0]
            if not all(sources) or any(
                # (a workspace's member's manifest: a tree copied since may bring others)
                w.path != manifest
                and posixpath.basename(w.path) == posixpath.basename(manifest)
                and inside(w.path, posixpath.dirname(manifest))
                for w in copied
            ):
                continue
            who = (step.instr.user.split(":")[0], f"config={config}", *settings)
            runs = done.setdefault((install.tool, install.files, sources, who), [])
            if any(_installed_by(install, ran, removed) for ran in runs):
                found.add((index, op.command))
            cache = next(
                (o.paths[0] for o in step.run.ops
                 if o.command == op.command and o.role == CACHE and o.paths),
                "",
            )  # fmt: skip
            runs.append((install, cache, at))
    return found


# An install, the cache it filled, and the number of its op
_Ran = tuple[LockedInstall, str, int]


def _installed_by(install: LockedInstall, ran: _Ran, removed: list[tuple[int, str]]) -> bool:
    """The earlier install `ran` left all that `install` installs, and nothing since took its
    cache where `install` would fetch it again (one under a cache mount left none)."""
    earlier, cache, at = ran
    if not (
        install.options == earlier.options
        and install.adds <= earlier.adds
        and earlier.narrowing <= install.narrowing
    ):
        return False
    return (
        not install.refetches
        or install.flags == earlier.flags
        or (bool(cache) and not any(when > at and covers(path, cache) for when, path in removed))
    )


def _takes_the_install(removal: str, manifest: str, who: tuple[str, ...]) -> bool:
    """A removal of `removal` may take what a locked install of `manifest`'s project put
    in place: the project, its node_modules or .venv, or the virtual environment it used
    (VIRTUAL_ENV's, UV_PROJECT_ENVIRONMENT's, or poetry's and pipenv's in the user's cache and
    data directories)."""
    project = posixpath.dirname(manifest)
    settings = dict(w.split("=", 1) for w in who[1:])
    places = [project, f"{project}/node_modules", f"{project}/.venv"]
    places += [settings[k] for k in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT") if k in settings]
    home = settings.get("HOME") or ("/root" if who[0] in ("", "root", "0") else "")
    in_place = settings.get("POETRY_VIRTUALENVS_IN_PROJECT", "").lower() in ("true", "1")
    created = settings.get("POETRY_VIRTUALENVS_CREATE", "").lower() not in ("false", "0")
    if "VIRTUAL_ENV" not in settings and created and not in_place:
        cache = settings.get("POETRY_CACHE_DIR") or (home and f"{home}/.cache/pypoetry")
        places += [f"{cache}/virtualenvs"] if cache else []
        places += [f"{home}/.local/share/virtualenvs"] if home else []
    return "virtualenvs" in removal or any(covers(removal, p) for p in places if p)


# The settings a locked install reads from the environment: where it installs, and what
_INSTALL_SETTINGS = frozenset({"HOME", "VIRTUAL_ENV", "NODE_ENV", "PATH"})
_INSTALL_SETTING_PREFIXES = ("POETRY_", "PIPENV_", "UV_", "YARN_", "NPM_CONFIG_", "npm_config_")
_LOCKED_FAMILIES = frozenset({"poetry", "yarn", "pnpm", "npm", "pipenv", "uv"})


def _configured_off(steps: Sequence[Step]) -> set[tuple[int, str]]:
    """(step, command) of each pip command of a RUN after one that ran `pip config set
    global.no-cache-dir ...` or wrote that setting into the site's pip.conf (/etc/pip.conf):
    pip's configuration file keeps it for the later RUNs (within the RUN, the model reads it
    as the variable); one written into a venv's pip.conf, for that venv's pip alone. (Not a
    user's ~/.pip/pip.conf, which a later USER's pip does not read.)"""
    found: set[tuple[int, str]] = set()
    off = False
    venvs: set[str] = set()  # the venvs whose pip.conf turns the cache off
    for index, step in enumerate(steps):
        if step.run is None:
            continue
        for op in step.run.ops:
            # (a command whose only word is blank: `\ ` before `;`, a program named " ")
            program = next(iter(op.command.split()), "")
            if op.family == "pip" and (off or any(program.startswith(v + "/bin/") for v in venvs)):
                found.add((index, op.command))
        for command in step.run.commands:
            written = pip_conf_written(command)
            if written is None:
                off = off or pip_no_cache_setting(command) is not None
            elif written[0].startswith("/etc/"):
                off = True
            elif not _USER_PIP_CONF.search(written[0]):
                venvs.add(posixpath.dirname(written[0]))
    return found


_USER_PIP_CONF = re.compile(r"/\.(?:pip|config/pip)/pip\.conf$")


# A Ruby version rvm installs, as given (`3.2.9`, `ruby-3.2.9`, `2.7`): not a name a later
# release may stand for (`ruby-head`, `latest`)
_RUBY_VERSION = re.compile(r"\d+\.\d+(?:\.\d+)?(?:-p\d+)?")


def _satisfied_installs(steps: Sequence[Step], held: Known) -> set[tuple[int, str]]:
    """(step, command) of each `pip install -r F` (or uv's, a `bundle install`, a `mix
    deps.get`) that repeats an earlier layer's install of the same requirements files, copied
    again from the same source (`COPY requirements.txt .` and an install, then `COPY . .` and the
    same install), and each install of what an earlier one installed (pip's packages by name,
    nvm's Node.js version, rvm's Ruby): everything is already there, so nothing is fetched into the
    cache."""
    found: set[tuple[int, str]] = set()
    installed: dict[str, str] = {}  # requirements file -> the source it was copied from
    copied: list[CopyWrite] = []  # the COPY writes so far, latest last
    present = {"pip"}  # what a pip that runs finds installed (get-pip.py adds these two)
    # RUNs of pip installs by name, the same word for word as an earlier one's, by the same user
    # with the same PATH (the same pip): run again, they find every package there (`RUN pip3
    # install fvcore torch` twice); a removal of packages since may have taken some
    ran: set[tuple[str, str, str]] = set()
    # (the directories where a cabal install fetched a project's dependencies: `cabal v2-install
    # lib:cryptol` there after `exe:cryptol` finds them all)
    cabal: set[str] = set()
    # (the Node.js versions nvm installed, by where: `nvm install 16.20.0` after nvm's install
    # script installed NODE_VERSION=16.20.0 says it is installed and fetches nothing)
    nodes: set[tuple[str, str]] = set()
    installed_rubies: set[tuple[str, str]] = set()  # (and the Rubies rvm installed, by where)
    # (user, PATH, the pip run) -> what pip installed by name
    by_name: dict[tuple[str, str, str], set[str]] = {}
    # (PEP 668's, by step)
    refused = (
        _managed_pip(steps, held.release_now, held.system_pip) if held.managed_python else set()
    )
    scopes: dict[str, str] = {}  # the file an install read first -> the part it fetched
    bundled: set[frozenset[str]] = set()  # the installs that read requirement files so far
    bundle_paths: dict[str, str] = {}  # Gemfile -> where Bundler last installed its gems
    hexed: set[tuple[tuple[str, ...], str, str]] = set()  # (mix's sources, scope, user)
    # (the installs of requirement files by their sources, the same command and who ran it)
    reinstalled: set[tuple[frozenset[str], tuple[str, ...], str, str, str]] = set()
    # (opam's packages pinned to a repository or directory, `*` for a directory's whole lot,
    # and those whose dependencies an `opam install --deps-only` installed)
    pinned: set[str] = set()
    readied: set[str] = set()
    # (the projects `dotnet restore` or a build restored, by where and what it was told,
    # since the last COPY, which may have changed them: a `dotnet publish` of one finds all
    # its packages there)
    restored: set[tuple[str, str, tuple[str, str]]] = set()
    for index, step in enumerate(steps):
        if step.run is None:
            copied.extend(step.copies)
            restored.clear()
            continue
        pinned |= {p for c in step.run.commands for p in _opam_pins(c.words)}
        where = (step.instr.node.original, step.instr.user, step.instr.env.get("PATH", ""))
        # (an earlier layer's: the same RUN's install script fetched it into this layer's cache,
        # `curl .../install.sh | bash && nvm install $NODE_VERSION`)
        nodes_before = set(nodes)
        rubies_before = set(installed_rubies)
        for op in step.run.ops:
            if op.family == "nvm" and op.role == INSTALL and op.packages:
                versions = {(op.paths[0], v.removeprefix("v")) for v in op.packages}
                if (
                    all(_NODE_VERSION.fullmatch(v) for _, v in versions)
                    and versions <= nodes_before
                ):
                    found.add((index, op.command))
                nodes |= versions
            if op.family == "rvm" and op.role == INSTALL and op.packages:
                # (and rvm's Rubies: `rvm install 3.2.9` says it is installed, fetching nothing)
                rubies = {(op.paths[0], p.removeprefix("ruby-")) for p in op.packages}
                forced = "reinstall" in op.command.split() or "--force" in op.command
                if not forced and all(_RUBY_VERSION.fullmatch(v) for _, v in rubies):
                    if rubies <= rubies_before:
                        found.add((index, op.command))
                    installed_rubies |= rubies
            if op.family == "cabal" and op.role == CACHE and "install" in op.command:
                if step.instr.workdir in cabal and _local_components(op.command):
                    found.add((index, op.command))
                cabal.add(step.instr.workdir)
            if op.family == "pip" and op.role == INSTALL and op.packages:
                _pip_satisfied(op, index, step, found, ran, present, by_name, refused)
            if op.family == "opam" and op.role == INSTALL and op.packages:
                # (a directory or an opam file given is pinned there by the install itself:
                # `opam install . --deps-only`, then `opam install .`; `./app.opam` is app)
                names = {_opam_name(p) for p in op.packages}
                local = {_opam_name(p) for p in op.packages if _opam_local(p)}
                if any(w in ("--deps-only", "--deps") for w in op.command.split()):
                    readied |= names
                elif names <= readied and ("*" in pinned or names <= pinned | local):
                    # (what it fetches is the pinned sources, which opam keeps in the switch,
                    # not in its download cache)
                    found.add((index, op.command))
            if op.kind == PURGE:
                ran.clear()
                by_name.clear()
                reinstalled.clear()
        restoring = {o.command for o in step.run.ops if o.family == "nuget" and o.role == CACHE}
        # (the same user, who finds the same packages folder)
        owner = (step.instr.user, step.instr.env.get("NUGET_PACKAGES", ""))
        for command in step.run.commands if restoring or restored else ():
            text = " ".join(command.words)
            if _NUGET_RESET.search(text):
                restored.clear()  # (the packages taken, or a project given another)
            project = _dotnet_project(command.words) if text in restoring else None
            if project is None or command.cwd is None:
                continue
            if (command.cwd, project, owner) in restored:
                found.add((index, text))
            restored.add((command.cwd, project, owner))
        pips = [o for o in step.run.ops if o.family == "pip" and o.role == INSTALL]
        if pips and all(
            # (by name from the index: not `pip install -e .` nor `-r requirements.txt`, whose
            # project or file a COPY between may have changed)
            o.packages
            and all(_PACKAGE_NAME.fullmatch(p) for p in o.packages)
            and not {"-e", "--editable", "-r", "--requirement"} & set(o.command.split())
            and "$" not in o.command
            for o in pips
        ):
            ran.add(where)
        if any(op.tool == "get-pip.py" for op in step.run.ops):
            present |= {"setuptools", "wheel"}
        done: dict[str, str] = {}
        # (Hex's cache removed in this RUN, or a cache mount's, leaves no packages to find)
        hex_kept_out = "/.hex" in step.instr.node.original and (
            "--mount" in step.instr.node.original
            or any(op.kind == REMOVE and any("/.hex" in p for p in op.paths) for op in step.run.ops)
        )
        if hex_kept_out:
            hexed.clear()
        for command in step.run.commands:
            text, files = requirement_files(command)
            gemfile = step.instr.env.get("BUNDLE_GEMFILE", "")
            assigned = "BUNDLE_GEMFILE" in dict(command.assignments)
            told = assigned or "--gemfile" in text
            if files and text.startswith("bundle") and gemfile and not told:
                # (the Gemfile an ENV names, where the command names none itself)
                gemfile_at = posixpath.join(step.instr.workdir or "/", gemfile)
                files = [gemfile_at, f"{gemfile_at}.lock"] if "$" not in gemfile else []
            if not files:
                continue
            # (`--with` may add a group an earlier `--without` left out: only the same install
            # again finds all there)
            words = frozenset(text.split())  # (the same options in any order)
            widened = "--with" in {w.split("=", 1)[0] for w in words} and words not in bundled
            bundled.add(words)
            sources = {f: _copied_from(f, copied) for f in files}
            # (mix's `--only prod` fetches that environment's alone: a later plain deps.get
            # fetches the others)
            scope = mix_only(text) if text.startswith("mix") else ""
            before = scopes.get(files[0])
            wider = before is not None and before not in ("", scope)
            # (an update fetches what is newer whatever an earlier install left; Bundler's
            # installs into another path, `--deployment`'s vendor/bundle, fetch all again)
            updates = text.startswith("bundle update")
            path_told = _bundle_path(text, step) if text.startswith("bundle") else None
            into = bundle_paths.get(files[0], "") if path_told is None else path_told
            moved = bundle_paths.get(files[0], into) != into
            bundle_paths[files[0]] = into
            if all(installed.get(f, "") == sources[f] != "" for f in files) and not (
                wider or widened or updates or moved
            ):
                found.add((index, text))
            # (mix's fetches are Hex's cache's, the user's: the same mix.lock copied to another
            # directory, `COPY mix.* /tmp/app/` and `COPY . /app`, finds every package there)
            user = _runs_as(step, held.user) or "root"  # (USER root, or none on a root image)
            fetched = (tuple(sources[f] for f in files), scope, user)
            if text.startswith("mix") and "" not in fetched[0]:
                # (what a plain deps.get fetched holds what `--only prod` fetches)
                if fetched in hexed or (fetched[0], "", user) in hexed:
                    found.add((index, text))
                if not hex_kept_out:
                    hexed.add(fetched)
            # (and pip's and Bundler's installs put the packages where the same program finds
            # them from any directory: the same files copied again elsewhere, installed by the
            # same command, user and PATH, find all there; Bundler's only in the system's gems)
            system_gems = not text.startswith("bundle") or (into == "" and not moved)
            if not text.startswith("mix") and "" not in fetched[0] and system_gems:
                named = {posixpath.basename(f) for f in files}
                again = (
                    frozenset(w for w in words if posixpath.basename(w) not in named),
                    fetched[0],
                    user,
                    step.instr.env.get("PATH", ""),
                    step.instr.env.get("VIRTUAL_ENV", ""),
                )
                if again in reinstalled and not (wider or widened or updates):
                    found.add((index, text))
                reinstalled.add(again)
            scopes[files[0]] = "" if before == "" else scope
            done.update(sources)
        installed.update(done)
    return found


def _bundle_path(text: str, step: Step) -> str | None:
    """Where a `bundle install` is told to put its gems: its `--path` or `--deployment`
    (vendor/bundle), a `bundle config` of the path or deployment in its RUN, or BUNDLE_PATH or
    BUNDLE_DEPLOYMENT in the environment; None when told nothing (Bundler remembers the path
    an earlier install was told, in the application's configuration)."""
    words = text.split()
    given = next((w.partition("=")[2] for w in words if w.startswith("--path=")), "")
    given = given or next((b for a, b in itertools.pairwise(words) if a == "--path"), "")
    if given or "--deployment" in words:
        return (given or "vendor/bundle").rstrip("/")
    # (a `bundle config` of the RUN as it sets them for the commands after it, else the
    # environment's)
    settings = dict(step.instr.env)
    for command in step.run.commands if step.run is not None else ():
        settings.update(exports(command))
    deployed = settings.get("BUNDLE_DEPLOYMENT", "") not in ("", "false", "0")
    return settings.get("BUNDLE_PATH", "").rstrip("/") or ("vendor/bundle" if deployed else None)


def _dotnet_project(words: tuple[str, ...]) -> str | None:
    """The project a `dotnet` command that restores names ('' for the directory's own), or
    None for another command or one told more than that (a runtime, a source, a variable),
    which may restore other packages."""
    if words[:1] != ("dotnet",) or len(words) < 2 or "$" in " ".join(words):
        return None
    # (and a property, which may name a runtime: `-p:RuntimeIdentifier=linux-musl-x64`)
    if any(
        w.split("=")[0] in ("-r", "--runtime", "-s", "--source", "-a", "--arch")
        or w.lower().startswith(("-p:", "/p:", "-property:", "/property:", "--property"))
        for w in words[2:]
    ):
        return None
    operands = [
        w
        for before, w in itertools.pairwise(words[1:])
        if not w.startswith("-") and before not in _DOTNET_VALUES
    ]
    return operands[0] if len(operands) == 1 else None if operands else ""


# What takes the packages a restore fetched, or changes what the project needs: a removal of
# NuGet's folders, `dotnet nuget locals ... --clear`, `dotnet add package`
_NUGET_RESET = re.compile(r"\.nuget|\bnuget\s+locals\b|\bdotnet\s+add\b|NuGet")
# The options of dotnet's builds whose value is the next word
_DOTNET_VALUES = frozenset(
    {"-c", "--configuration", "-o", "--output", "-f", "--framework", "-v", "--verbosity"}
)


def _opam_name(package: str) -> str:
    """The package an opam install's operand names: an opam file's stem (`./app.opam`: app),
    a directory as given (`.`), a name less its version (`dune.3.16.0`, `dune>=3`)."""
    if package.endswith(".opam"):
        return posixpath.basename(package)[: -len(".opam")]
    if _opam_local(package):
        return package.rstrip("/") or "/"
    return re.split(r"[.<>=!]", package, maxsplit=1)[0] if package[:1].isalpha() else package


def _opam_local(package: str) -> bool:
    """An opam install's operand is a directory or a file of the build's, not a package."""
    return package.startswith((".", "/")) or package.endswith(".opam")


def _opam_pins(words: tuple[str, ...]) -> tuple[str, ...]:
    """The packages `opam pin` pins to a repository or a directory: the name it is given
    (`opam pin add -n easycrypt https://...`), or `*` for all a directory holds (`opam pin add
    ./src -n`); () for another command, or a pin to a version."""
    if words[:1] != ("opam",) or subcommand(words) != "pin":
        return ()
    rest = [w for w in words[words.index("pin") + 1 :] if not w.startswith("-")]
    rest = rest[1:] if rest[:1] == ["add"] else rest
    if not rest or rest[0] in OPAM_PIN_VERBS:
        return ()
    target = rest[-1]
    if len(rest) == 1:
        return ("*",) if "/" in target or target == "." else ()
    sources = "/" in target or target == "." or target.startswith("git+")
    return (rest[0],) if sources else ()


def _pip_satisfied(
    op: Op,
    index: int,
    step: Step,
    found: set[tuple[int, str]],
    ran: set[tuple[str, str, str]],
    present: set[str],
    by_name: dict[tuple[str, str, str], set[str]],
    refused: set[tuple[int, str]],
) -> None:
    """Adds to `found` a pip install by names of step `index` that finds them all there, and to
    `by_name` what it installs where a later one finds it."""
    # (`pip install pip setuptools wheel` after get-pip.py: all there, nothing fetched)
    # (not `pip install pip==20.0.2`: a version the installed pip may not be)
    words = op.command.split()
    plain = not _UPGRADES & set(words) and not any(_PINNED.match(w) for w in words)
    where = (step.instr.node.original, step.instr.user, step.instr.env.get("PATH", ""))
    if plain and (set(op.packages) <= present or where in ran):
        found.add((index, op.command))
    if _another_python(step):
        return
    # (and one by names an earlier layer's install gave, by the same user with the same PATH
    # and pip: `pip install 'cellpose[gui]'`, then `pip install cellpose`)
    python = (step.instr.user, step.instr.env.get("PATH", ""), words[0])
    named = _pip_names(op)
    if named and plain and named <= by_name.get(python, set()):
        found.add((index, op.command))
    # (not where it put them apart, `--target /opt/deps`, nor without what they need)
    apart = {"-t", "--target", "--prefix", "--root", "--no-deps"} & {
        w.split("=", 1)[0] for w in words
    }
    if named and not apart and (index, op.command) not in refused:
        by_name.setdefault(python, set()).update(named)


def _projectless_npm(steps: Sequence[Step], held: Known) -> set[tuple[int, str]]:
    """(step, command) of each `npm install` (or bare `yarn`) that names no package, run in / of
    a public base (one whose distribution is known) where nothing before it put a package.json
    or a tree (a Dockerfile that copied package.json to /app and forgot its WORKDIR), or in a
    directory an earlier RUN made empty that nothing wrote into since (`mkdir javascript`, then
    `yarn --cwd ./javascript`): npm and yarn find no project there and fetch nothing."""
    found: set[tuple[int, str]] = set()
    if not held.manager:
        return found  # (an image of one's own may hold a project at / or above a directory)
    found = _in_empty_directories(steps, held)
    for index, step in enumerate(steps):
        if any(w.path in ("/", "/package.json") or w.into == "/" for w in step.copies):
            return found
        if step.run is None:
            continue
        if any(
            c.words[:1] in (("npm",), ("yarn",), ("pnpm",))
            and (c.words[1:2] == ("init",) or c.words[1:3] == ("pkg", "set"))
            for c in step.run.commands
            if c.cwd == "/"
        ):
            return found  # (`npm init -y && npm pkg set dependencies.x=1` in /: a project there)
        named = {o.command for o in step.run.ops if o.role == INSTALL and o.packages}
        for op in step.run.ops:
            if (op.kind == EXEC and op.paths in ((), ("/",))) or (
                op.kind == WRITE and {"/", "/package.json"} & set(op.paths)
            ):
                return found  # (a program run there, or a write there, may have made one)
            if _project_install(op, named) and _run_in(op, step) == "/":
                found.add((index, op.command))
    return found


def _npx_installed(steps: Sequence[Step], held: Known) -> set[tuple[int, str]]:
    """(step, `_cache_write` mark) of each plain `npx PKG` (`npx_package`) that may find PKG
    installed and fetch nothing: after any install of node packages (a project's, a global one,
    an earlier npx's), a write into a node_modules, a COPY that may carry one (a directory, an
    archive ADD unpacks: `COPY web/ ./`, then `npx next build`), or on a base not known to be a
    public one. With none of these, npx fetches PKG into npm's cache (`FROM node:20`, `RUN npx
    playwright install-deps`)."""
    found: set[tuple[int, str]] = set()
    seen = not held.manager  # (an image of one's own may hold a project or global packages)
    for index, step in enumerate(steps):
        if any(
            w.tree or w.either or w.unpacked or "node_modules" in w.source.split("/")
            for w in step.copies
        ):
            seen = True  # (a directory or an archive may carry the project's node_modules)
        for op in step.run.ops if step.run is not None else ():
            words = tuple(op.command.split())
            plain = op.role == CACHE and op.family in ("npm", "bun") and bool(npx_package(words))
            if plain and seen:
                found.add((index, _cache_write(op)))
            if (op.family in _NODE_MANAGERS and op.role in (CACHE, INSTALL)) or any(
                "node_modules" in p.split("/") for p in op.paths
            ):
                seen = True
    return found


def _owned(
    roots: tuple[tuple[str, str], ...], op: Op, path: str, live: Sequence[Entry]
) -> tuple[tuple[str, str], ...]:
    """The owner a RUN as root gives what `op` writes at `path`: root's, for a file it makes;
    not for one an earlier layer wrote, whose owner an edit, an append or a copy onto it keeps
    (`sed -i`, `>>` as root on a file a COPY gave www-data), nor for an install's or a move's."""
    kept = op.sources and (op.tool != "cp" or _CP_PRESERVES.search(op.command) is not None)
    edited = op.entry in (FILE, EITHER) and any(
        e.path == path and e.kind in (FILE, EITHER) for e in live
    )
    if not roots or op.role == INSTALL or kept or edited:
        return ()
    return roots


# cp's options that keep the source's owner (`-a`, `-p`, `--preserve`, `--archive`)
_CP_PRESERVES = re.compile(r"\s(?:-[A-Za-z]*[ap][A-Za-z]*|--preserve\S*|--archive)(?=\s|$)")


def _cache_write(op: Op) -> str:
    """The mark of one cache write of a command among the commands with nothing to fetch: that
    write alone goes (an npx's to npm's cache, not the apt lists of its `playwright install
    --with-deps`; a Gradle wrapper's distribution, not the build's caches)."""
    return f"cache write: {' '.join(op.paths)} {op.command}"


def _fetched_before(steps: Sequence[Step]) -> set[tuple[int, str]]:
    """(step, `_cache_write` mark) of each Gradle wrapper's fetch of its distribution where an
    earlier layer's wrapper left it in the same place (`RUN ./gradlew --version`, then `RUN
    ./gradlew build`): it finds it and fetches nothing; not after a removal took it. Likewise
    tlmgr's copy of the repository's database, which a later tlmgr of the same build finds as
    the repository has it, and reads instead (and none where the tree is only guessed and a
    distribution's TeX Live is installed, whose tlmgr runs in user mode); and Snakemake's
    environments, which a later run in the same directory finds made."""
    found: set[tuple[int, str]] = set()
    there: set[str] = set()  # the wrapper distributions and databases earlier layers left
    local = False  # (tlmgr told to use a repository on disk, of which it keeps no copy)
    snakes: set[str] = set()  # (where Snakemake made its rules' environments)
    packaged = False  # (a distribution's TeX Live package installed: its tlmgr is user-mode)
    for index, step in enumerate(steps):
        fetched: set[str] = set()
        packaged = packaged or any(
            o.role == INSTALL
            and o.family in DISTRIBUTION_MANAGERS
            and any(p.startswith("texlive") for p in o.packages)
            for o in (step.run.ops if step.run is not None else ())
        )
        # (a RUN that names the copy removes it, however it finds it: `rm -f $(kpsewhich
        # -var-value TEXMFROOT)/tlpkg/texlive.tlpdb.main.*`, `find ... -delete`)
        named = "texlive.tlpdb" in step.instr.node.original
        for op in step.run.ops if step.run is not None else ():
            if op.tool == "tlmgr" and (option := _TLMGR_REPOSITORY.search(op.command)):
                local = not tlmgr_network(option[1])
            if op.kind == REMOVE:
                there = {d for d in there if not any(path_overlaps(p, d) for p in op.paths)}
                fetched = {d for d in fetched if not any(path_overlaps(p, d) for p in op.paths)}
            if op.role != CACHE or not op.paths:
                continue
            if op.tool == "snakemake":
                # (a later run in the same directory finds the environments there, made)
                at = _run_in(op, step) or step.instr.workdir
                if at in snakes:
                    found.add((index, _cache_write(op)))
                snakes.add(at)
                continue
            guessed = op.family == "tlmgr" and op.paths[0].startswith(TEXLIVE_GUESSED + "/")
            if op.family == "tlmgr" and (local or named or (guessed and packaged)):
                # (nor a tree guessed on a distribution's image, whose own tlmgr runs in user
                # mode alone: `apt-get install texlive`, then `tlmgr install x` keeps nothing)
                found.add((index, _cache_write(op)))
            elif op.family == "tlmgr" or (
                op.tool == "gradlew" and op.paths[0].endswith(_WRAPPER_DISTS)
            ):
                # (a tree guessed meets the one an earlier tlmgr's path named:
                # /usr/local/texlive/2024/bin/x86_64-linux/tlmgr, then `tlmgr install`)
                if op.paths[0] in there or any(
                    fnmatch.fnmatchcase(t, op.paths[0]) for t in there if guessed
                ):
                    found.add((index, _cache_write(op)))
                else:
                    fetched.add(op.paths[0])
        there |= fetched
    return found


_WRAPPER_DISTS = "/wrapper/dists"
# `tlmgr option repository LOCATION`: where the later tlmgr commands read the packages
_TLMGR_REPOSITORY = re.compile(r"\boption\s+(?:repository|location)\s+(\S+)")


def _homes_not_theirs(steps: Sequence[Step], held: Known) -> set[tuple[int, str]]:
    """(step, `_cache_write` mark) of each cache write into the home of a RUN's user that the
    user cannot write: Debian's www-data (/var/www, root's in every image of Debian's family
    until a step gives it) and nobody (/nonexistent). composer, pip and npm carry on without
    their caches (`USER www-data`, then `RUN composer install` on php:8.2-apache); not after a
    chown of the home or of the cache (or a chmod that lets others write), a COPY --chown onto
    either, or a WORKDIR there of the file's own, which BuildKit makes as the USER."""
    found: set[tuple[int, str]] = set()
    if held.manager != "apt":
        return found  # (Alpine's www-data lives in /home/www-data, which adduser made its own)
    given: set[str] = set()  # the paths an earlier change of owner or mode gave
    trees: set[str] = set()  # (and the trees a recursive one gave)
    for index, step in enumerate(steps):
        user = step.instr.user.partition(":")[0]
        home = _ROOTLESS_HOMES.get(user, "")
        workdir = step.instr.workdir
        if home and workdir != held.workdir and (workdir == home or inside(workdir, home)):
            given.add(home)
        if step.run is None:
            if step.instr.flag("chown") is not None:
                given.update(w.path.rstrip("/") for w in step.copies)
            continue
        theirs = not home or step.run.home not in ("", home) or "HOME" in step.instr.env
        for op in step.run.ops:
            if op.kind == CHOWN and (op.tool != "chmod" or _OTHERS_WRITE.search(op.command)):
                (trees if op.recursive else given).update(p.rstrip("/") or "/" for p in op.paths)
            if theirs or op.role != CACHE or not op.paths:
                continue
            if home in given or any(covers(t, home) for t in trees):
                continue
            if any(covers(g, p) for g in (*given, *trees) for p in op.paths):
                continue  # (`chown -R 33:33 /var/www/.npm`: that cache is the user's)
            if all(inside(p, home) for p in op.paths):
                found.add((index, _cache_write(op)))
    return found


# A chmod that lets others write: `777`, `o+w`, `a+rwx`, `ugo+w` (not `755`)
_OTHERS_WRITE = re.compile(
    r"\s(?:[0-7]?[0-7]{2}[2367]|[ugo]*[oa][ugo]*[+=][rwxXst]*w[rwxXst]*)(?=\s)"
)


# The users whose home in Debian's passwd is a directory they do not own, by name and uid
_ROOTLESS_HOMES = {
    **dict.fromkeys(("www-data", "33"), "/var/www"),
    **dict.fromkeys(("nobody", "65534"), "/nonexistent"),
}


# The package managers whose installs may put a package npx runs
_NODE_MANAGERS = frozenset({"npm", "yarn", "pnpm", "bun", "volta"})


def _project_install(op: Op, named: set[str]) -> bool:
    """`op` is npm's install of the project where it runs, or yarn's (bare, or `yarn
    install`), naming no package and no other prefix."""
    if op.role != CACHE or op.family not in ("npm", "yarn"):
        return False
    words = op.command.split()
    npm = words[:1] == ["npm"] and words[1:2] in (["install"], ["i"])
    # (yarn's options and their values, `--cwd ./web`, and no command: an install)
    yarn = words[:1] == ["yarn"] and subcommand(tuple(words)) in ("", "install")
    return (
        ((npm and op.family == "npm") or (yarn and op.family == "yarn"))
        and op.command not in named
        and not any("prefix" in w or w in ("-C", "-g", "--global", "-w") for w in words)
    )


def _project_dir(op: Op, step: Step) -> str | None:
    """Where a project install runs: yarn's `--cwd DIR` (`--cwd=DIR`) from where it runs."""
    told = yarn_cwd(op.command)
    cwd = _run_in(op, step)
    return posixpath.normpath(posixpath.join(cwd or "/", told)) if told else cwd


def _ancestors(path: str) -> list[str]:
    """The directories above `path`, / aside."""
    out = []
    while (path := posixpath.dirname(path)) not in ("/", ""):
        out.append(path)
    return out


def _in_empty_directories(steps: Sequence[Step], held: Known) -> set[tuple[int, str]]:
    """(step, command) of each project install (`_project_install`) run in a directory an
    earlier RUN's mkdir, or a WORKDIR, made where no layer wrote, nothing wrote into since but
    files by name that are no project's manifest (`WORKDIR /code`, `COPY requirements.txt .`,
    then `yarn install`), nor into a directory above it (npm climbs to the nearest
    package.json), and the RUN mounts nothing in (`--mount=type=bind,source=package.json`); on
    a public base, which holds no project there."""
    found: set[tuple[int, str]] = set()
    if not any(
        o.role == CACHE and o.family in ("npm", "yarn")
        for s in steps
        for o in (s.run.ops if s.run else ())
    ):
        return found  # (no install of a project here to find none)
    written: list[str] = []  # what the layers so far wrote
    empty: set[str] = set()  # the directories made empty, untouched since
    workdirs: set[str] = set()  # the WORKDIRs seen so far
    for index, step in enumerate(steps):
        workdir = step.instr.workdir.rstrip("/")
        if (
            workdir
            and workdir not in workdirs
            and workdir != held.workdir.rstrip("/")
            and not in_tree(workdir, held.runtime)
            and not any(path_overlaps(workdir, w) for w in written)
            and "$" not in workdir
        ):
            empty.add(workdir)  # (WORKDIR made it, where nothing was)
        workdirs.add(workdir)
        for w in step.copies:
            # (files copied in by name hold no project unless one is its manifest: `COPY
            # Gemfile Gemfile.lock /var/app/` leaves yarn nothing to install there)
            single = not (w.tree or w.either or w.unpacked)
            if "$" in w.path:
                empty = set()  # (`ADD . ${WORKDIR}`: where it lands is not known here)
            elif not single or not _no_project_in(w.path, empty):
                empty = {d for d in empty if not path_overlaps(w.path, d)}
            written.append(w.path)
        if step.run is None:
            continue
        named = {o.command for o in step.run.ops if o.role == INSTALL and o.packages}
        mounted = any(m.get("type", "bind") == "bind" for m in step.instr.mounts())
        command, before = "", empty
        for op in step.run.ops:
            if op.command != command:
                # (as the command found them: not its own node_modules written first)
                command, before = op.command, set(empty)
            if _project_install(op, named) and not mounted:
                where = _project_dir(op, step)
                # (a tree written at a directory above, or a project's files there)
                above = where is not None and any(
                    w in (a, f"{a}/package.json", f"{a}/node_modules")
                    for a in _ancestors(where)
                    for w in written
                )
                if where in before and not above:
                    found.add((index, op.command))
            if op.kind == WRITE and op.tool == "mkdir" and op.entry == DIR:
                empty |= {p for p in op.paths if not any(path_overlaps(p, w) for w in written)}
            elif op.kind == EXEC and not op.paths:
                empty = set()  # (a program run where the model does not say may write anywhere)
            elif (
                op.kind == WRITE
                and op.entry in (FILE, EITHER)
                and all(_no_project_in(p, empty) for p in op.paths)
            ):
                pass  # (`bundle install` writing Gemfile.lock there)
            elif op.kind == WRITE and op.role == INSTALL and op.family in DISTRIBUTION_MANAGERS:
                # (a distribution's packages land in its trees, none in a project's directory
                # below them: `apt-get install nodejs` fills /usr, not /usr/src/app)
                empty = {d for d in empty if not any(inside(p, d) or p == d for p in op.paths)}
            elif op.kind in (WRITE, EXEC):
                empty = {d for d in empty if not any(path_overlaps(p, d) for p in op.paths)}
            distribution = op.role == INSTALL and op.family in DISTRIBUTION_MANAGERS
            if op.kind == WRITE and op.tool != "mkdir" and op.role != HOME and not distribution:
                # (a home useradd made holds the skeleton's dotfiles, a made directory nothing;
                # a distribution's packages its trees, no project's files)
                written.extend(op.paths)
    return found


def _no_project_in(path: str, empty: set[str]) -> bool:
    """`path`, a file written by name right in one of the `empty` directories, is no project's
    manifest there (not package.json, nor node_modules, nor a wildcard that may name them:
    `cp /src/package*.json /app/`)."""
    name = posixpath.basename(path)
    return posixpath.dirname(path) in empty and not any(
        fnmatch.fnmatchcase(m, name) for m in ("package.json", "node_modules")
    )


def _pip_names(op: Op) -> frozenset[str] | None:
    """The distributions a pip install names, without versions, and each with each extra it
    names (`cellpose[gui]`, `Flask==3.0`: cellpose, cellpose[gui], flask); None when it
    installs anything else (a path, an address, a requirements file, an editable project, a
    name a variable holds)."""
    if not op.packages or "$" in op.command:
        return None
    if {"-e", "--editable", "-r", "--requirement", "-c", "--constraint"} & set(op.command.split()):
        return None
    names = set()
    for package in op.packages:
        name = _DISTRIBUTION.match(package)
        if name is None or "/" in package or "://" in package:
            return None
        distribution = name.group(0).lower().replace("_", "-").replace(".", "-")
        # (the extras as the command gave them: the install's packages are names alone)
        given = re.search(rf"(?<![\w.-]){re.escape(name.group(0))}\[([^]]*)\]", op.command)
        extras = given.group(1) if given else ""
        names.add(distribution)
        names.update(f"{distribution}[{e.strip().lower()}]" for e in extras.split(",") if e)
    return frozenset(names)


_DISTRIBUTION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(?=$|\[|[<>=!~;@ ])")


def _local_components(command: str) -> bool:
    """A cabal install of the project's own components only (`exe:cryptol`, `lib:cryptol`)."""
    words = command.split()
    at = next((i for i, w in enumerate(words) if w.endswith("install")), len(words))
    targets = [w for w in words[at + 1 :] if not w.startswith("-")]
    return bool(targets) and all(t.split(":", 1)[0] in _COMPONENTS for t in targets)


_NODE_VERSION = re.compile(r"\d+\.\d+\.\d+")
_COMPONENTS = frozenset({"exe", "lib", "test", "bench", "flib", "all"})
# What makes pip fetch what is installed already.
_UPGRADES = frozenset({"-U", "--upgrade", "--force-reinstall", "-I", "--ignore-installed"})
_PINNED = re.compile(r"[\w.-]+(?:\[[^]]*\])?\s*[<>=!~]")
_PACKAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _copied_from(path: str, copied: Sequence[CopyWrite], last: bool = False) -> str:
    """The build context's file the latest COPY that wrote `path` took it from ('' when no
    COPY of the context did, or it is not known); with `last`, '' too where a COPY from a
    stage or an image wrote it since, and a tree copied since is taken to hold no other file
    there than one copied before (`COPY poetry.lock ./`, then `COPY src ./`)."""
    for at in range(len(copied) - 1, -1, -1):
        write = copied[at]
        if write.origin and last and (write.path == path or _copied_into(path, write)):
            return ""
        if write.origin:
            continue
        if write.path == path and not write.tree:
            return write.file or write.source
        if _matches(path, write.path) and not write.tree:
            # (`COPY poetry.lock* ./`: the file of that name, if the context holds it)
            return posixpath.join(posixpath.dirname(write.source), posixpath.basename(path))
        if _copied_into(path, write):
            rel = posixpath.relpath(path, write.into)
            source = posixpath.normpath(posixpath.join(write.source, rel))
            # (a file named beside a directory the same COPY took, `COPY mix.* _build /app/`:
            # the named one, not one the directory may hold)
            named = write.source != "." and _named_beside(path, copied, at)
            return ((last or named) and _copied_from(path, copied[:at], last)) or source
    return ""


def _named_beside(path: str, copied: Sequence[CopyWrite], at: int) -> bool:
    """The COPY of the tree `copied[at]` also named `path`'s file, a source before it."""
    for write in reversed(copied[:at]):
        if write.into != copied[at].into:
            return False
        if (
            not write.tree
            and not write.origin
            and (write.path == path or _matches(path, write.path))
        ):
            return True
    return False


def _copied_into(path: str, write: CopyWrite) -> bool:
    return bool(write.tree and write.into and inside(path, write.into))


def _copy_entries(
    index: int,
    step: Step,
    live: list[Entry],
    held: Known,
    removed: Mapping[str, int],
    proven: set[str] | frozenset[str] = frozenset(),
) -> list[Entry]:
    # A destination an earlier instruction made a directory (`RUN mkdir -p /opt/x`, then
    # `COPY app.tgz /opt/x`), or one the base image holds (tomcat's webapps), receives the file
    # inside it, as BuildKit does.
    made = {e.path for e in live if e.kind in (DIR, TREE)}
    bases = {*held.trees, *held.empty, *(h for _, h in held.homes), held.workdir} - {""}
    # (and where it keeps a file: varnish's /etc/varnish, of default.vcl)
    bases |= {posixpath.dirname(f) for f in held.files if not is_glob(posixpath.dirname(f))}
    # (and one a removal of a file below showed to be there: `RUN rm
    # $SPARK_HOME/jars/guava-14.0.1.jar`, then `ADD https://.../guava-23.0.jar $SPARK_HOME/jars`)
    bases |= proven
    # (not one an earlier RUN removed: `rm -rf .../webapps`, then `COPY ROOT.war .../webapps`
    # writes the file `webapps`)
    made |= {d for d in bases if not any(covers(r, d) for r in removed if not is_glob(r))}
    if any(
        not (w.tree or w.either) and w.source and (not w.exact or w.path == w.into)
        for w in step.copies
    ):
        # (the directories files known there lie in, for a file copied without a slash: `apk
        # add postfix`, then `ADD sender /etc/postfix`, which BuildKit puts in /etc/postfix
        # beside the package's main.cf; not worked out for a directory's files, often many)
        made |= {posixpath.dirname(e.path) for e in live if e.kind == FILE and not is_glob(e.path)}
        made |= {
            posixpath.dirname(f)
            for e in live
            if e.role == INSTALL and e.packages
            for f in package_files(e.family, e.packages)
        }
    # (and one an earlier COPY wrote, file or directory, that a wildcard's files go into:
    # `COPY flir/spinnaker /spinnaker`, then `COPY flir/*.whl /spinnaker`; a file there would
    # take one file alone, its name the wildcard does not promise)
    either = {e.path for e in live if e.kind == EITHER}
    out = []
    attrs = _copied_attrs(step.instr)
    for write in step.copies:
        kind = TREE if write.tree else EITHER if write.either else FILE
        path = write.path
        globbed = is_glob(posixpath.basename(write.source or ""))
        if (
            kind == FILE
            # (one file the listing shows, to a destination without a slash: `ADD sender
            # /etc/postfix`; not a directory's files, whose paths are below it)
            and (not write.exact or write.path == write.into)
            and write.source
            and (
                path in made
                or (globbed and path in either)
                or (
                    _a_runtime_subdir(path, held)
                    and not any(covers(r, path) for r in removed if not is_glob(r))
                )
            )
        ):
            path = posixpath.join(path, posixpath.basename(write.source))
        content = EXACT if write.size is not None else UNKNOWN
        # (ADD of a local tar unpacks it, as a RUN's tar -x would: `ADD s6-overlay.tar.gz /`)
        unpacked = write.tree and write.unpacked
        if unpacked:
            content = HEAVY
        role = ARCHIVE if write.archive else ""
        out.append(
            Entry(
                path, kind, content, write.size, index, role, "", not unpacked,
                unpacked=unpacked, attrs=() if unpacked else attrs, staged=bool(write.origin),
                cleared=write.cleared,
            )
        )  # fmt: skip
        stem = archive_stem(write.source) if unpacked else ""
        if stem and not is_glob(stem) and "$" not in stem:
            # (its top, as a RUN's tar -x has: `ADD minidemo.tar.gz /root` holds
            # /root/minidemo, which a later `rm -rf /root/minidemo` removes)
            out.append(Entry(posixpath.join(path, stem), EITHER, HEAVY, None, index))
    return out


# The directories a runtime the base image holds keeps right below its top (Tomcat's bin and
# conf, a server's plugins)
_RUNTIME_SUBDIRS = frozenset(
    {"bin", "sbin", "lib", "libexec", "conf", "config", "etc", "plugins", "modules", "webapps"}
)


def _proven_directories(ops: Sequence[Op]) -> set[str]:
    """The directories, and those above them, of the files an `rm` without `-f` removed: the
    build fails unless they are there (`rm /opt/spark/jars/guava-14.0.1.jar`)."""
    found: set[str] = set()
    for op in ops:
        if op.kind != REMOVE or op.tool != "rm" or _told_to_ignore(op.command):
            continue
        for path in op.paths:
            parent = posixpath.dirname(path)
            while parent not in ("", "/") and not is_glob(parent):
                found.add(parent)
                parent = posixpath.dirname(parent)
    return found


def _a_runtime_subdir(path: str, held: Known) -> bool:
    """`path` is such a directory of one of the base image's runtime trees (`COPY setenv.sh
    /usr/local/tomcat/bin` on tomcat lands inside bin/)."""
    top, name = posixpath.split(path.rstrip("/"))
    return name in _RUNTIME_SUBDIRS and top in held.runtime


def _copied_attrs(instr: Instruction) -> tuple[tuple[str, str], ...]:
    """The owner and mode a COPY gives its files: root's unless --chown says (a user alone gets
    the group of the uid's number, as BuildKit does), the mode --chmod gives in octal. From a
    stage or an image, without --chown, BuildKit keeps the owners they had there: not known."""
    attrs: list[tuple[str, str]] = []
    chown = instr.flag("chown")
    if chown is None and instr.flag("from") is None:
        attrs += [("user", "0"), ("group", "0")]
    elif chown is not None and not unset(chown, instr.env):
        user, colon, group = process_word(chown, instr.env).partition(":")
        group = group if colon else user if user.isdigit() else ""
        attrs += [("user", user), *((("group", group),) if group else ())]
    chmod = instr.flag("chmod")
    if chmod is not None and OCTAL_MODE.fullmatch(chmod):
        attrs.append(("mode", chmod))
    return tuple(attrs)


# The bits chmod's symbolic modes name, for the users they name (s and t: setuid, setgid and
# the sticky bit).
_WHO = {"u": 0o4700, "g": 0o2070, "o": 0o1007}
_PERMS = {"r": 0o444, "w": 0o222, "x": 0o111, "s": 0o6000, "t": 0o1000}
_SYMBOLIC = re.compile(r"([ugoa]*)((?:[-+=][rwxXst]*)+)")


def _moded(mode: int, spec: str) -> int | None:
    """The mode of a regular file of `mode` after `chmod spec`; None when it depends on what is
    not known here (the umask: `chmod +w`)."""
    if OCTAL_MODE.fullmatch(spec):
        return int(spec, 8)
    for clause in spec.split(","):
        match = _SYMBOLIC.fullmatch(clause)
        if match is None:
            return None
        who = 0
        for letter in match[1].replace("a", "ugo") or "ugo":
            who |= _WHO[letter]
        for action in re.findall(r"[-+=][rwxXst]*", match[2]):
            if not match[1] and action[0] != "-" and "w" in action:
                return None  # (without a who, the umask decides what + and = give)
            bits = 0
            for letter in action[1:]:
                # (X: execute where some user has it already, as for a regular file)
                bits |= _PERMS["x"] if letter == "X" and mode & 0o111 else _PERMS.get(letter, 0)
            if action[0] == "=":
                mode &= ~(who & 0o777)
            mode = mode & ~(bits & who) if action[0] == "-" else mode | (bits & who)
    return mode


def _same_id(a: str, b: str) -> bool:
    return a == b or {a, b} == {"root", "0"}


def _root_s(entry: Entry) -> bool:
    """Its files are known to be root's (a COPY without --chown)."""
    return _same_id(dict(entry.attrs).get("user", ""), "root")


def _known_uid(user: str, held: Known) -> str:
    """The uid the base image gave `user`, where it is known (`rstudio` 1000 on rocker's)."""
    homes = dict(held.homes)
    home = homes.get(user)
    return next((k for k, h in held.homes if k.isdigit() and h == home), "") if home else ""


def _same_uid(entry: Entry, op: Op) -> bool:
    """A usermod's new uid leaves `entry` as it was: what a package installed (root's), or the
    home a useradd made with that uid (or with none shown, where the new uid is 1000, the one
    useradd gives the first user)."""
    if entry.role == INSTALL:
        return True
    if entry.role != HOME:
        return False
    given = dict(entry.attrs).get("uid", "")
    return given == op.uid if given else op.uid == "1000"


def _unchanged(entry: Entry, op: Op) -> bool:
    """`op` sets only what `entry`'s files have already (`COPY --chown=app . /app`, then `chown
    -R app /app`): BuildKit's differ finds the same owner, mode, size and time, and leaves them
    out of the layer."""
    if not op.sets:
        return False
    had = dict(entry.attrs)
    for key, value in op.sets:
        old = had.get(key)
        if old is None or not value:
            return False
        if key == "mode":
            if _moded(int(old, 8), value) != int(old, 8):
                return False
        elif not _same_id(old, value):
            return False
    return True


def _already(op: Op, hits: Sequence[Hit]) -> str:
    """What `op` sets, when every file it reached has it already (`owner app:app`); ''."""
    if op.kind != CHOWN or not all(h.entry.layer != BASE and _unchanged(h.entry, op) for h in hits):
        return ""
    sets = dict(op.sets)
    if "mode" in sets:
        return f"mode {sets['mode']}"
    owner = ":".join(sets[k] for k in ("user", "group") if k in sets)
    return f"owner {owner}" if "user" in sets else f"group {owner}"


def _after(entry: Entry, op: Op, paths: Sequence[str]) -> Entry:
    """`entry` after the chown, chgrp or chmod `op` over `paths`: what it sets, where it covers
    all of the entry; where it changes a part, or sets what is not known, nothing of it known."""
    if not entry.attrs:
        return entry
    whole = [p for p in paths if covers(p, entry.path) and (op.recursive or p == entry.path)]
    part = [p for p in paths if inside(p, entry.path) or (is_glob(p) and covers(entry.path, p))]
    if not whole and not part:
        return entry
    keys = {k for k, _ in op.sets} if op.sets else {"user", "group", "mode"}
    attrs = {k: v for k, v in entry.attrs if k not in keys}
    if whole and op.only is None and not part:
        for key, value in op.sets:
            old = dict(entry.attrs).get(key)
            if key == "mode":
                new = _moded(int(old, 8), value) if old is not None else None
                if new is None and OCTAL_MODE.fullmatch(value):
                    new = int(value, 8)
                value = f"{new:o}" if new is not None else ""
            if value:
                attrs[key] = value
    return entry._replace(attrs=tuple(attrs.items()))


def _repository_at(path: str, entries: Sequence[Entry]) -> str:
    """The clone a git command run at `path` works in: the one there, or the nearest above it
    (`WORKDIR /tbb/build` in a clone of /tbb); `path` when none is known."""
    clones = [
        e.path
        for e in entries
        if e.family == "git" and e.kind == TREE and (e.path == path or inside(path, e.path))
    ]
    return max(clones, key=len, default=path)


def _last_git(path: str, entries: Sequence[Entry]) -> Entry | None:
    """git's last write of the repository at or above `path`."""
    repository = _repository_at(path, entries)
    return next((e for e in reversed(entries) if e.family == "git" and e.path == repository), None)


def _submodules_after(op: Op, before: Entry) -> tuple[Op, tuple[Entry, ...]]:
    """A git command's write over the repository `before` held, with what it leaves of the
    submodules, and the earlier write whose submodules it still holds: an update checks them out
    for the version there; a checkout or pull of another version leaves them as they were,
    for another (`git clone --recursive`, then `git checkout v4.2.2`)."""
    if op.packages[:1] == (SUBMODULES,):
        return op._replace(packages=(*before.packages[:1], SUBMODULES)), ()
    marks = {SUBMODULES, OTHER_SUBMODULES} & set(before.packages)
    if not marks:
        return op, ()
    words = op.command.split()
    if "--" in words:
        # (`git checkout v2 -- CMakeLists.txt`: that file alone; the version there stays)
        return op._replace(packages=(*before.packages[:1], *marks)), before.carried
    moved_too = any(w.startswith("--recurse-sub") or w == "submodule.recurse=true" for w in words)
    if moved_too or (SUBMODULES in marks and op.packages[:1] == before.packages[:1]):
        # (`git checkout --recurse-submodules v2` moves them with it, as git -c
        # submodule.recurse=true does: that is its own change)
        return op._replace(packages=(*op.packages, SUBMODULES)), ()
    return op._replace(packages=(*op.packages, OTHER_SUBMODULES)), before.carried or (before,)


def _submodules_moved(op: Op, path: str, live: list[Entry], own: list[Entry]) -> list[Hit]:
    """What `git submodule update` rewrites of earlier layers: the submodules a recursive clone
    (or an earlier update) checked out at the commits another version records, when a checkout
    has moved the repository since (`git clone --recursive`, `git checkout v4.2.2`, then the
    update), or whatever they were with `--remote`. Not the first checkout of submodules a
    plain clone lacked, which only adds files."""
    repository = path if any(e.path == path for e in live) else _repository_at(path, live)
    last = [e for e in (*live, *own) if e.family == "git" and e.path == repository][-1:]
    this_run = {e.layer for e in own}
    return [
        Hit(origin, repository, True)
        for e in last
        if OTHER_SUBMODULES in e.packages or (PULLED in op.packages and SUBMODULES in e.packages)
        for origin in e.carried[:1] or (e,)
        if origin.layer not in this_run
    ]


def _pulled_since(op: Op, clone: Entry, step: Step, declared: tuple[frozenset[str], ...]) -> bool:
    """A pull of the branch there (or of the one it names, from the repository it was cloned
    from) right after a clone this build made of that branch: nothing new since. Not in the
    clones the base ships, made long before, nor where a variable was declared between the two
    (`ARG LAST_SHA`), whose new value rebuilds the pull over a cached clone."""
    return (
        clone.packages[:1] != (PULLED,)
        and op.packages[1:] in ((), clone.packages[:1])
        and clone.layer != BASE
        and frozenset(step.instr.env) <= declared[clone.layer]
    )


def _run(
    index: int,
    step: Step,
    live: list[Entry],
    base: BaseListing | None,
    held: Known,
    gone: frozenset[str] = frozenset(),
    orphans: bool = False,
    no_cache: frozenset[str] = frozenset(),
    links: dict[str, str] | None = None,
    removed_at: Mapping[str, int] | None = None,
    nginx_org: str = "",
    listed: tuple[tuple[str, int], ...] = (),
    copied_dirs: tuple[tuple[str, int], ...] = (),
    earlier: str = "",
    ran: frozenset[int] = frozenset(),
    scripted: frozenset[int] = frozenset(),
    programs_ran_in: frozenset[str] = frozenset(),
    argued: Mapping[str, int] | None = None,
    declared: tuple[frozenset[str], ...] = (),
    executed: frozenset[str] = frozenset(),
    writers: tuple[str, ...] = (),
) -> tuple[Layer, list[Entry]]:
    """`earlier`: the text of the instructions before this one; `ran`: the layers whose RUN ran
    a program the model does not read (a service, which writes its logs); `scripted`: those
    whose RUN ran a script the build brought (which may have downloaded anything);
    `programs_ran_in`: the directories the steps before ran such a program in; `argued`: the
    paths such a program was given by name, and the layers of those RUNs; `executed`: the files
    the RUNs before ran or sourced; `writers`: the user each step wrote its files as ('' where
    not known)."""
    assert step.run is not None
    ran_in = set(programs_ran_in)  # (and this RUN's, as it goes)
    ran_here: set[str] = set()  # (this RUN's alone)
    packed: set[str] = set()  # the projects whose scripts this RUN ran, so far
    own: list[Entry] = []
    changes: list[Change] = []
    unpacked: list[Hit] = []
    live = _files_shown(step.run.ops, live)
    # (a user other than root, named, runs every command: no sudo, su or the like)
    refused = (
        index < len(writers)
        and writers[index] not in ("root", "")
        and _MAY_FAIL.search(step.instr.node.original) is not None
    )
    taken = set(removed_at or ())  # every path an earlier removal named
    # The archives earlier layers wrote that this RUN's mv took away (old path -> entries), and
    # where it put them (new path -> old path)
    taken_away: dict[str, list[Entry]] = {}
    moved: dict[str, str] = {}
    written: set[str] = set()  # the paths this RUN's mv took that a layer is known to have written
    links = dict(links or {})  # (and those this RUN makes, as it goes)
    gone_now: set[str] = set()  # (what this RUN removed and did not make again)
    sweeping = False  # (a find of this RUN took names from all of a tree it made)
    # the homes usermod -m moved that held only what useradd put there (/etc/skel's dotfiles)
    skel_homes: set[str] = set()
    shown: list[str] = []  # the files of copied trees a change of this RUN copied up
    occupied: set[str] = set()  # the paths this RUN's mv took where a write had left something
    files: dict[str, Entry] = {}  # the file each path this RUN's mv took held, where one did
    checked: dict[str, Entry] = {}  # a repository a git command rewrote -> its entry before
    wrote: set[str] = set()  # every path this RUN's writes named, so far
    # what it writes is root's: it runs as root and switches to no other user (`su app -c`)
    roots = (
        (("user", "0"), ("group", "0"))
        if (
            step.instr.user in ("root", "0")
            or (not step.instr.user and held.manager and not held.user)
        )
        and not switches_user(step.instr.node.original)
        else ()
    )
    for op in step.run.ops:
        if op.kind == WRITE:
            wrote.update(op.paths)
        if op.kind == REMOVE and op.tool == "rm" and op.paths and set(op.paths) <= executed:
            # (`RUN /tmp/setup.sh`, then `RUN rm /tmp/setup.sh`: it was there, a file)
            op = op._replace(file_hint=True)
        if sweeping and op.kind == WRITE:
            own = _unswept(own, op.paths)
        if links and op.kind in (REMOVE, CHOWN, TOUCH):
            # (chmod follows a link it is given, also with -R; chown -R and chown -h do not)
            follows = op.kind == CHOWN and (op.tool == "chmod" or _dereferences(op))
            op = op._replace(paths=_through_links(op.paths, links, follows))
        elif links and op.kind == WRITE and op.entry == FILE and any(p in links for p in op.paths):
            if _replaces_links(op):
                _forget_replaced(links, op, [*live, *own], held)
            elif op.tool in ("dos2unix", "unix2dos") and not set(op.command.split()) & {
                "-F",
                "--follow-symlink",
            }:
                # (which pass over links unless told to follow them)
                op = op._replace(paths=tuple(p for p in op.paths if p not in links))
            else:
                # (a file written through a link is its target's new version: `>>`, `tee`,
                # `cp`, `sed -i --follow-symlinks`)
                op = op._replace(paths=_through_links(op.paths, links, True))
        elif links and op.kind in (WRITE, UNPACK):
            # (and what is written or unpacked below a link lies in its target: `cd
            # /usr/share/okconfig/client && curl -o ncpa.zip ...` after `ln -s
            # /opt/okconfig/usr/share/okconfig /usr/share/`, which its `rm ncpa.zip` removes)
            op = op._replace(paths=_through_links(op.paths, links))
        if op.kind == WRITE and op.tool == "zip" and _an_archive_there(op, live, own):
            continue  # (zip adds to an archive that is there, in place: it stays that one)
        if op.kind == REMOVE:
            _forget_links(links, op)
            gone_now.update(op.paths)
        elif op.kind == WRITE and op.entry in (DIR, TREE):
            gone_now.difference_update(op.paths)
        ran_there = _ran_in(op)
        ran_in.update(ran_there)
        if ran_there and _a_build(op) and not _OUTPUT_OPTION.search(op.command):
            ran_here.update(ran_there)  # (not a build told to put its output elsewhere)
        if op.kind == WRITE and _project_script(op):
            packed.update(op.paths)
        for at, target in links_made(op):
            # (a link to a directory, `ln -s /usr/local/instantclient_12_2 /usr/local/
            # instantclient`, or to a file, which chmod follows: `ln -s /opt/app/run.sh
            # /usr/local/bin/run && chmod +x /usr/local/bin/run`; one made into a directory
            # that is there lands inside it: `ln -s /etc/nginx/sites-available/app.conf
            # /etc/nginx/conf.d`)
            gone_before = [p for p, i in (removed_at or {}).items() if i < index]
            if _lands_inside(at, target, [*live, *own], held, [*gone_before, *gone_now]):
                at = posixpath.join(at, posixpath.basename(target))
            links[at] = target
        if op.kind == REMOVE and any(p.startswith(_APT_LISTS) for p in op.paths):
            op = op._replace(
                paths=tuple(_APT_LISTS + "*" if _all_lists(p) else p for p in op.paths)
            )
        if op.family == VENDOR_YUM:
            if held.manager != "yum":
                continue  # (a vendor's script that installs with yum only where the base has it)
            op = op._replace(tool="yum", family="yum")
        if held.manager and op.family in DISTRIBUTION_MANAGERS and op.family != held.manager:
            continue  # another distribution's manager: a branch that never runs on this base
        if op.role == CACHE and op.command in no_cache:
            continue  # (a pip older than its cache, an install or a build with nothing to fetch)
        if op.role == CACHE and op.family == "go" and op.paths and _modules_there(op) in no_cache:
            continue  # (a go build whose modules an earlier `go mod download` fetched)
        if op.role == CACHE and _cache_write(op) in no_cache:
            continue  # (an npx whose package an install may have put there, a wrapper's Gradle)
        if (
            op.role == CACHE
            and op.kind == WRITE
            and op.tool in ("yum", "dnf", "dnf5")
            and yum_caches(op)
        ):
            # (`yum` on Rocky Linux 9 is dnf, with dnf's cache, and dnf is dnf5 on Fedora 41 and
            # later, with its own, as dnf5 by its name is; one a cache mount took is gone)
            dnf = held.yum_is_dnf or op.tool == "dnf"
            dnf5 = held.dnf5 or op.tool == "dnf5"
            wanted = DNF5_CACHE if dnf5 else DNF_CACHE if dnf else YUM_CACHE
            if wanted not in op.paths:
                continue
            # (and what reads the metadata alone, `dnf module enable`, reads it there)
            op = op._replace(paths=(wanted,), unless=wanted if op.unless else None)
        if op.role == CACHE and op.kind == WRITE and op.family == "composer" and len(op.paths) > 1:
            # (composer's cache is ~/.composer/cache, or ~/.cache/composer where it finds the
            # XDG layout: the RUN that removes one shows which, else the first)
            removed = [r for o in step.run.ops if o.kind == REMOVE for r in o.paths]
            cleared = [p for p in op.paths if any(covers(r, p) for r in removed)]
            op = op._replace(paths=tuple(cleared or op.paths)[:1])
        if op.family == "opam" and op.kind == WRITE and _inited_already(op, held):
            continue  # (`opam init` where the base's root has its switch: it makes none)
        if op.role == CACHE and op.kind == WRITE and _reads_the_index(op, live, own):
            continue  # (`apk upgrade` after an earlier layer's `apk update`: it reads that index)
        if op.role == CACHE and held.yum_is_dnf and _names_repositories(op.command):
            continue  # (dnf's repolist, Rocky's yum's, reads no metadata unless told -v)
        if op.role == CACHE and op.family == "nvm" and _nvm_keeps_nothing(earlier, step):
            continue  # (nvm before v0.32.0 removes each tarball once it has unpacked it)
        if op.role == CACHE and op.family == "go" and _old_go(step.instr.env, earlier, held.old_go):
            continue  # (Go before 1.10 keeps no cache: `go get` fills GOPATH's sources)
        if op.role == CACHE and op.family == "go" and _go_subcommand(op) in _GO_COMMANDS:
            gets = _go_subcommand(op) == "get"
            home = step.run.home or step.instr.env.get("HOME") or "/root"
            cache = go_build_cache(step.instr.env, home)
            # (none where a cache mount takes the build cache)
            kept_cache = () if _under_a_cache_mount(cache, step) else (cache,)
            if _gopath_mode(op, held, step, live):
                if gets and "-d" in op.command.split():
                    continue  # (`go get -d` in GOPATH mode fetches sources into GOPATH)
                # (no module cache: one that builds, `go get -u github.com/x/tool`, keeps the
                # build cache alone; a build keeps it apart)
                no_modules = [p for p in op.paths if not p.endswith("/pkg/mod")]
                op = op._replace(
                    paths=tuple(dict.fromkeys((*no_modules, *(kept_cache if gets else ()))))
                )
                if not op.paths:
                    continue
            elif gets and _building_get(op, held, step, live):
                op = op._replace(paths=tuple(dict.fromkeys((*op.paths, *kept_cache))))
        if (
            op.tool == "go"
            and op.kind == WRITE
            and op.role != CACHE
            and _go_subcommand(op) == "get"
            and not (_gopath_mode(op, held, step, live) or _building_get(op, held, step, live))
        ):
            continue  # (`go get` installs a command only where it builds: not on Go 1.18 on)
        if op.tool == "add-apt-repository" and held.quiet_repositories and not _told_to(op):
            continue  # (Ubuntu 16.04's updates the index with -u only)
        if op.when is not None and not any(e.path == op.when for e in (*live, *own)):
            continue  # (what the op needs is not there: it does nothing)
        if (
            op.project is not None
            and not op.blind
            and bool(held.manager)  # (a base not known here may keep its project there)
            and not any(covers(e.path, op.project) for e in (*live, *own) if e.kind != DIR)
            and not any(covers(d, op.project) for d in ran_in)  # (`./gen.sh` may make one)
            and not _named_as_a_project(op.project, step, earlier)
        ):
            continue  # (no project there: `npm install` in a home fetches nothing)
        if op.unless is not None and any(
            e.path == op.unless or inside(e.path, op.unless) for e in (*live, *own)
        ):
            continue  # (what the op needs missing is there: it does nothing)
        if op.redone is not None and _redone(op.redone, live, copied_dirs):
            continue  # (an earlier layer did it: done again, it fetches nothing)
        if (
            op.tool == "git"
            and op.packages
            and op.packages[0] != SUBMODULES
            and op.paths
            and "clone" not in op.command.split()  # (a clone inside another is no checkout)
            # (the version the repository is at: its last write's, a checkout of another since
            # the clone rewrote it)
            and (last := _last_git(op.paths[0], (*live, *own))) is not None
            and (
                _pulled_since(op, last, step, declared)
                if op.packages[0] == PULLED
                else last.packages[:1] == op.packages
                or (
                    SHALLOW in last.packages
                    and not _GIT_FETCH.search(earlier + step.instr.node.original)
                )
            )
        ):
            # (a checkout of the version there, `git checkout master` after a clone; in a
            # shallow clone, any version a build that works checks out: `git clone --depth 1`,
            # then `git reset --hard $COMMIT`, has only the tip's commit, unless a fetch or a
            # pull since brought others)
            continue
        if op.kind == WRITE and op.tool == "wget" and (there_too := wget_there(op.command)):
            # (wget never writes over a file that is there: the new download is NAME.1, or with
            # -nc or -c none, and the one an earlier layer wrote stays what a later `tar x`
            # unpacks; a name not known, `wget $URL`, is no name that is there)
            there = {e.path for e in (*live, *own) if e.kind == FILE and not is_glob(e.path)}
            paths = tuple(f"{p}.1" if p in there else p for p in op.paths)
            if there_too == "keeps":
                paths = tuple(p for p in op.paths if p not in there)
            if not paths:
                continue
            op = op._replace(paths=paths)
        if op.kind == WRITE and op.role == DEFAULT_HOME:
            # (`useradd app` makes and fills /home/app on Red Hat's family, CREATE_HOME yes)
            rhel = held.manager == "yum"
            op = op._replace(role=HOME) if rhel else op._replace(role="", sets=())
        if op.kind == WRITE and op.role == HOME:
            # useradd -m copies /etc/skel only into a home it creates, never into one that is
            # already there (`mkdir -p $JENKINS_HOME && useradd -d $JENKINS_HOME -m jenkins`).
            # (or below it: `mkdir -p /karavan/code`, then `useradd -m -d /karavan karavan`)
            there = {e.path for e in (*live, *own) if e.kind in (DIR, TREE)}
            there |= {p for p in op.paths for e in (*live, *own) if inside(e.path, p)}
            # (Alpine's base holds no /etc/skel: busybox's adduser, or shadow's useradd, makes
            # an empty home there, unless a layer filled the skeleton it is given; so does
            # busybox's adduser on an image not known here, which is Alpine's or busybox's: on
            # Red Hat's family adduser is useradd)
            skeleton = op.sources[0] if op.sources else "/etc/skel"
            busybox = op.family == "busybox" and not held.manager
            bare = (held.manager == "apk" or busybox) and not any(
                e.path == skeleton or inside(e.path, skeleton)
                for e in (*live, *own)
                if e.kind != DIR
            )
            own.extend(
                Entry(p, DIR, EMPTY, None, index)
                if p in there or bare
                else Entry(p, TREE, UNKNOWN, None, index, HOME, attrs=op.sets)
                for p in op.paths
            )
        elif op.kind == WRITE:
            if op.entry == FILE and op.content != EMPTY:
                # A file this RUN writes again after changing it (`chmod +x /run.sh && sed -i
                # ... /run.sh`) is in the layer whole anyway: the change copied up nothing more.
                changes = [_without_rewritten(c, op.paths, live, held) for c in changes]
                changes = [c for c in changes if c.hits]
            if op.role == EDITED and op.tool == "find":
                # (and the files a find selected again: `find DIR -type f -exec chmod +x {} \;
                # && find DIR -type f -exec sed -i 's/\r$//' {} \;` rewrites each it changed)
                changes = [
                    c for c in changes
                    if not (c.kind == CHOWN and _selects_again(op.command, c.command))
                ]  # fmt: skip
            # (and `git clone URL dir`, which fails unless dir is absent or empty)
            fresh = (op.tool == "mkdir" and not op.recursive) or (
                op.tool == "git" and "clone" in op.command.split()
            )
            if fresh:
                # (`apt-get install nginx && mkdir /var/www`: it succeeded, so nothing the RUN
                # wrote before it was there, the files a package is known to ship included)
                own = _cleared(own, op.paths)
            into = op.tool in EXTRACTORS and op.entry == TREE
            paths = op.paths
            if op.tool == "cp" and op.entry == FILE:
                # (`cp /build/app /app` where /app is a directory, the WORKDIR, a home or one
                # a mkdir made: the file lands inside it under its name, which is the
                # destination's own here, and the directory stays one)
                there = {e.path for e in (*live, *own) if e.kind in (DIR, TREE)}
                there |= {step.instr.workdir, *held.trees}
                paths = tuple(
                    posixpath.join(p, posixpath.basename(p)) if p in there else p for p in paths
                )
            if (
                op.tool == "mv"
                and len(paths) == len(op.sources) == 1
                and not is_glob(op.sources[0])
                and any(e.path == paths[0] and e.kind == DIR for e in (*live, *own))
            ):
                # (`mkdir -p /opt/mqm/mqft && mv /tmp/$REDIST /opt/mqm/mqft`: into a directory
                # a mkdir or WORKDIR made, it lands inside under its own name)
                paths = (posixpath.join(paths[0], posixpath.basename(op.sources[0].rstrip("/"))),)
            if op.tool in ("mv", "cp") and len(paths) == len(op.sources) == 1:
                moved[paths[0]] = op.sources[0]
            if op.tool == "cp" and len(op.sources) == 1:
                # (`cp /tmp/app.tgz /opt/ && tar -xzf /opt/app.tgz`: the copy's archive, which
                # stays where the COPY put it)
                (old,) = op.sources
                taken_away.update(_taken_from(old, live, own))
            if (
                op.tool == "mv"
                and op.sources
                and held.manager  # (busybox's image holds hard links: the binary's bytes)
                and all(s in _SHELL_LINKS and s not in written for s in op.sources)
            ):
                op = op._replace(content=EMPTY)  # (`mv /bin/sh /bin/sh_tmp`: a link moved)
            elif (
                op.tool == "mv"
                and op.sources
                and _moves_nothing_known(op, occupied, held, bool(ran or scripted))
            ):
                # (`mv /root/.cache /home/app/.cache || true` where nothing made one: the base
                # is known, and no layer wrote there)
                op = op._replace(content=EMPTY)
            elif op.tool == "mv" and len(op.sources) == 1 and op.sources[0] in files:
                # (`mv cs-x86_64-pc-linux cs`: the file a download left, a file still)
                op = op._replace(entry=FILE, content=files[op.sources[0]].content)
            # (createcluster.conf edited first, `create_main_cluster = false`: Debian's
            # postgresql makes no main cluster, its files known to ship are not there)
            # (so too on the postgres image, whose own build turned it off first)
            none = op.role == INSTALL and (
                any(e.path == _CREATECLUSTER for e in (*live, *own))
                or _POSTGRES_IMAGE in held.trees
            )
            if op.tool == "usermod" and op.sources and all(s in skel_homes for s in op.sources):
                # (`usermod -m -d /var/www app` after useradd: the dotfiles go where it says)
                op = op._replace(role=HOME)
            # (the repository's entry before a git command rewrote it)
            prior = (
                next((checked[p] for p in paths if p in checked), None)
                if op.tool == "git"
                else None
            )
            if op.family == "git" and not op.packages and _GIT_KEEPS_BRANCH.search(op.command):
                # (`git pull` updates the branch checked out: a later `git checkout` of it is
                # no other version)
                op = op._replace(packages=prior.packages[:1] if prior else ())
            # (`mv /tmp/jdk.tar.gz /opt/java` in one RUN, `tar xzf` of it in a later one: the
            # archive the COPY brought, written again here)
            carried: tuple[Entry, ...] = ()
            if op.family == "git" and prior is not None:
                op, carried = _submodules_after(op, prior)
            elif op.tool == "mv" and len(paths) == len(op.sources) == 1:
                carried = tuple(taken_away.get(op.sources[0]) or ())
            elif op.tool == "cp" and len(paths) == len(op.sources) == 1:
                # (and a cp's, of an archive a COPY named: it stays where it was, and ships
                # beside what the later RUN unpacks from the copy; not a file of a copied tree,
                # which a build since may have made again, `rm -Rf _build && mix release`)
                carried = tuple(e for e in taken_away.get(op.sources[0], ()) if e.role == ARCHIVE)
            elif op.tool == "cat" and op.sources:
                # (an archive joined from the pieces a COPY brought, `cat /config/1.tar.gz.part*
                # > /config/1.tar.gz`: what a later RUN that unpacks it unpacks)
                carried = tuple(
                    e
                    for e in live
                    if e.copied
                    and any(
                        _same_file(s, e.path) if e.kind in (FILE, EITHER) else inside(s, e.path)
                        for s in op.sources
                    )
                )
            own.extend(Entry(p, op.entry, op.content, None, index, op.role, op.family,
                             packages=op.packages, fresh=fresh, unpacked=into,
                             cleared=_NO_CLUSTER if none else _emptied_into(op, p),
                             lean=op.lean, carried=carried,
                             attrs=_owned(roots, op, p, live),
                             read=_read_from(op))
                       for p in paths)  # fmt: skip
        elif op.kind == EXEC:
            ran |= {index}  # (a service it starts writes its logs: `service postgresql start`)
            if op.role == CLEANUP:
                # A cleanup script not read takes the distribution's package index and cache
                # that this RUN wrote, as such scripts do (webdevops' docker-image-cleanup,
                # `purge_cache.sh`); a language's cache it may leave (pip's). Nothing an earlier
                # layer wrote is sure to go.
                own = [
                    e for e in own if not (e.role == CACHE and e.family in DISTRIBUTION_MANAGERS)
                ]
            if held.cleaner and posixpath.basename(op.tool) == held.cleaner:
                # (the base's own, which takes all, or the managers' it names)
                takes = CLEANER_FAMILIES.get(held.cleaner)
                own = [
                    e
                    for e in own
                    if e.role != CACHE
                    or not (takes is None or e.family in takes or "/.cache/" in e.path + "/")
                ]
            # A program we do not model may fill the directory it runs in, made by this RUN.
            own = [
                e._replace(kind=TREE, content=UNKNOWN)
                if e.kind == DIR and any(p == e.path or inside(p, e.path) for p in op.paths)
                else e
                for e in own
            ]
        elif op.kind in (REMOVE, CHOWN, TOUCH):
            if op.tool == "git" and op.kind == REMOVE:
                # (the clone or checkout there, before the command rewrites the tree: the
                # version a pull keeps, and the submodules a checkout leaves as they were)
                for p in op.paths:
                    clones = [e for e in (*live, *own) if e.family == "git" and e.path == p]
                    if clones:
                        checked[p] = clones[-1]
            if op.tool == "mv" and op.kind == REMOVE:
                # (what a write is known to have left there, before the mv takes it)
                occupied.update(
                    p
                    for p in op.paths
                    if any(covers(p, e.path) or covers(e.path, p) for e in (*live, *own))
                )
                for p in op.paths:
                    last = next((e for e in reversed((*live, *own)) if e.path == p), None)
                    if last is not None and last.kind == FILE:
                        files[p] = last
            if op.tool == "usermod" and op.kind == REMOVE:
                below = [e for e in (*live, *own) if covers(op.paths[0], e.path)]
                if any(e.role == HOME for e in below) and all(
                    e.role == HOME or not e.weighs for e in below
                ):
                    skel_homes.add(op.paths[0])
            # fix-permissions changes only what is not group-writable yet: never a file twice.
            fixing = op.tool == "fix-permissions" and _jupyter_or_s2i(held, step.instr.env, earlier)
            seen = [e for e in live if not e.fixed] if fixing else live
            hits: list[Hit] = []
            named: list[str] = []
            for path in op.paths:
                mine = own
                if fixing:
                    seen = [
                        e
                        for e in live
                        if not e.fixed and not any(covers(f, path) for f in e.fixed_below)
                    ]
                if op.kind == CHOWN and path in USER_DATABASE and _users_added(step, own):
                    # (the user database after this RUN installed a package whose scripts add
                    # its users: `yum localinstall influxdb.rpm && chmod 664 /etc/passwd`)
                    continue
                if op.kind == REMOVE and _cleared_for_a_build(path, op, step, seen):
                    continue
                if op.kind == CHOWN and _laravel_dir(path, step, earlier):
                    # (Laravel's storage/ and bootstrap/cache/ are in every project, .gitignore
                    # files in them: `mkdir -p storage/framework/views && chmod -R a+rw storage`
                    # makes what a copy of the project may lack, below what it holds)
                    mine = [e for e in own if not (e.kind == DIR and covers(path, e.path))]
                reached = _reach(
                    path, op, seen, mine, base, held, gone, frozenset(taken), nginx_org, ran,
                    frozenset(ran_in),
                )  # fmt: skip
                if op.kind == REMOVE and posixpath.dirname(path) in BIN_DIRS:
                    # (what an install or a copy put right in a bin directory are programs,
                    # files: not a directory this RUN wrote files below, `tar xz
                    # linux-amd64/helm` there, unless a layer is known to have written it)
                    made_below = any(inside(w, path) for w in wrote)
                    reached = [h for h in reached if h.whole or not made_below]
                if op.kind == REMOVE and any(inside(w, path) for w in wrote):
                    # (nor, in a tree a program the model does not read may have written in, a
                    # directory this RUN wrote below first: `unzip -d op op.zip && mv op/op
                    # /usr/local/bin && rm -r op` where a piped installer ran before)
                    reached = [h for h in reached if h.whole or not _unread_tree(h.entry)]
                if op.kind == REMOVE and not reached:
                    # (`unzip app-*.zip && rm app-*.zip` in a copied tree: what the unzip
                    # read is the copy's archive, whatever else it unpacked there)
                    # (the copy as it is now: an earlier removal of this RUN may have noted
                    # what it took from the tree, `rm -rf app-*/` first; and by a wildcard
                    # that names the archive, `rm -f *.tar.gz`)
                    now = {(e.path, e.layer): e for e in seen}
                    reached = [
                        h._replace(entry=now[(h.entry.path, h.entry.layer)])
                        for h in unpacked
                        if (
                            h.path == path
                            # (not one a variable names, which the wildcard may miss: the
                            # default build's empty ARG leaves `.tar.gz`)
                            or (is_glob(path) and "$" not in h.path and covers(path, h.path))
                        )
                        and (h.entry.path, h.entry.layer) in now
                        and not _removed_since(path, now[(h.entry.path, h.entry.layer)])
                    ]
                if op.kind == REMOVE and not reached and op.tool == "rm" and path not in taken:
                    # (`python download.py assets` in an earlier RUN, then `rm -rf assets`:
                    # what the program wrote under the name it was given)
                    given = (argued or {}).get(path)
                    if given is not None and given < index:
                        reached = [Hit(Entry(path, TREE, UNKNOWN, None, given), path, True)]
                if reached:
                    hits.extend(reached)
                    named.extend(_named(path, op, reached))
            if op.kind == CHOWN and op.tool in _OWNERS_ONLY and hits and refused:
                # (run as another user than root, it may change only that user's files: of
                # root's, a COPY's or a root RUN's, none, `USER node`, then `chmod -R a-w
                # /app/dist || true`: the permission check comes before any copy-up; where the
                # RUN does not let it fail, the build that works shows the files are the user's)
                hits = [h for h in hits if not _root_owned(h.entry, writers)]
            if op.kind == REMOVE and op.content == EMPTY:
                # (a link replaced by another: only a file a layer wrote by that very name)
                hits = [
                    h for h in hits if h.entry.path == h.path and h.entry.kind in (FILE, EITHER)
                ]
            if op.tool == "find" and op.sets:
                # (`find /app ! -group app -exec chgrp app {} +` passes over what has it)
                hits = [h for h in hits if h.entry.layer == BASE or not _unchanged(h.entry, op)]
            if fixing:
                live, own = _fixed(live, op), _fixed(own, op)
            if op.kind == CHOWN:
                live = [_after(e, op, op.paths) for e in live]
                own = [_after(e, op, op.paths) for e in own]
                if op.tool != "fix-permissions" and _unfixes(op, held):
                    live, own = _unfixed(live, op), _unfixed(own, op)
            if op.kind == REMOVE:
                taken.update(op.paths)
            if op.kind == REMOVE and op.only is not None:
                kept = [e for e in own if not _selected(e, op)]
                own = _swept(kept, op)
                sweeping = sweeping or own is not kept
                live = _swept([e for e in live if not _selected(e, op)], op)
            elif op.kind == REMOVE and op.tool == "make":
                # (`make clean` takes what a build there wrote, not the sources an earlier layer
                # unpacked, which a later `rm -rf` of the tree still hides)
                own = [e for e in own if not _built_below(e, op.paths)]
                live = [e for e in live if not _built_below(e, op.paths)]
            elif op.kind == REMOVE:
                if op.tool == "mv":  # (what a layer wrote there, moved: not the base's link)
                    written.update(
                        p for p in op.paths if any(e.path == p and e.weighs for e in (*live, *own))
                    )
                if op.tool == "mv" and len(op.paths) == 1:
                    (old,) = op.paths
                    taken_away.update(_taken_from(old, live, own))
                own = _unnamed_taken(own, op.paths)
                own = _cleared(_kept(own, op.paths), op.paths)
                if not held.manager:  # (a base not known: the user's home is a guess)
                    user = step.instr.user
                    own = [e for e in own if not _cache_of_another_home(e, op.paths, user)]
                if op.tool == "git":
                    # (a checkout or a submodule update rewrites what git tracks, the clones'
                    # entries, each noting what it took below it: a tree a COPY gave there stays
                    # whole for a later removal, `ADD . /src/app`, then `git submodule update
                    # --init && ... && rm -rf /src`)
                    # (the files it leaves as they were stay the clone's, which a chown after
                    # it copies up: `git -C app apply fix.patch && chown -R app app`)
                    kept = [e for e in live if e.family == "git"]
                    clones_left = dict(zip(map(id, kept), _cleared(kept, op.paths), strict=True))
                    live = [
                        clones_left[id(e)] if e.family == "git" else e
                        for e in live
                        if e.family != "git" or id(e) in clones_left
                    ]
                else:
                    live = _cleared(_kept(live, op.paths), op.paths)
                # A file copied up and removed in the same RUN never reaches the layer.
                changes = [_without_removed(c, op.paths) for c in changes]
                changes = [c for c in changes if c.hits]
            if op.kind == CHOWN and hits:
                hits = _not_edited_before(hits, own, live, held)
            if hits:
                same = _already(op, hits)
                changes.append(
                    Change(op.kind, op.tool, op.command, tuple(named), tuple(hits), same)
                )
            if op.kind == CHOWN and not fixing:
                # The files every image of the base holds that it copied up are in this layer
                # now too: a later removal hides that copy as well (`chown -R nginx
                # /etc/nginx/conf.d`, then `rm -f /etc/nginx/conf.d/default.conf`).
                # (not one a removal took before: `rm .../default.conf && chown -R nginx ...`)
                before = (*taken, *(removed_at or {}))
                own.extend(
                    Entry(f, FILE, UNKNOWN, None, index)
                    for h in hits
                    if h.entry.layer == BASE
                    for f in held.files
                    if covers(h.path, f)
                    and not any(e.path == f for e in own)
                    and not any(covers(r, f) for r in before)
                )
                # (and so is a file it named in a copied tree not listed, which it showed to be
                # there, chmod -f too: `chmod +x /opt/emu/create.sh` after `COPY . /opt/emu`,
                # then a later RUN's `rm -f /opt/emu/create.sh`; it joins the layer at the end,
                # where this RUN's own removal of it has not hidden the copy)
                shown.extend(
                    h.path
                    for h in hits
                    if not h.whole
                    and h.entry.copied
                    and not is_glob(h.path)
                    and _a_file(h.path, op)
                )
        elif op.kind == PURGE:
            # `apt-get autoremove` removes what earlier purges orphaned: alone, in a RUN after
            # none that removed packages, it is a no-op; so is `apt-get remove --autoremove`
            # naming no package, unless `apt-mark auto` first made packages removable. (Nor
            # do names a variable of another RUN's shell held: `$buildDeps` is empty here.)
            stale = _set_by_another_run(op, step, earlier)
            alone = (
                _autoremoves(op)
                and (not op.packages or stale)
                and not any(c.kind == PURGE for c in changes)
                and not orphans
                and "apt-mark auto" not in step.instr.node.original
            )
            none = stale and not _autoremoves(op)
            hit = None if alone or none else _purged(op, live, own, held)
            if hit is not None:
                changes.append(Change(PURGE, op.tool, op.command, (), (hit,)))
            if not op.packages and _autoremoves(op):
                live, own = _autoremoved(live, op), _autoremoved(own, op)
            if op.packages and "$" not in op.packages:
                # What it removed is no install's any more (`apk del .phpize-deps`: a later
                # `apk add --virtual .phpize-deps` makes a new one).
                live, own = _without_packages(live, op), _without_packages(own, op)
            elif op.packages or (_autoremoves(op) and "apt-mark auto" in step.instr.node.original):
                # (and the official images' recipe: `apt-mark auto '.*'`, `apt-mark manual` of
                # what the program needs, `apt-get purge --auto-remove`, which takes what this
                # RUN installed but what apt-mark manual names: a later RUN that installs them
                # again installs its own)
                manual = set() if op.packages else _marked_manual(step.instr.node.original)
                own = [
                    e._replace(purged=True)
                    if e.role == INSTALL and e.family == op.family and not set(e.packages) & manual
                    else e
                    for e in own
                ]

        elif op.kind == UNPACK:
            # An archive a COPY wrote, by its name or as a file inside a copied tree (not one
            # this RUN downloaded there: `wget x.tar.bz2 && tar -xjf x.tar.bz2` in a copied dir).
            for path in op.paths:
                # (a pattern names what it matches: `mv /tmp/*-Redist.tar.gz /var/mqm/ && tar
                # -zxvf /var/mqm/*.tar.gz`)
                old = (
                    moved.get(path)
                    or next(
                        (
                            s
                            for d, s in moved.items()
                            if (is_glob(path) or is_glob(d)) and _same_file(path, d)
                        ),
                        "",
                    )
                    or next((s + path[len(d) :] for d, s in moved.items() if inside(path, d)), "")
                )
                # (what a pattern took, by the name unpacked: `cp /tmp/*.tar.gz /opt/ && tar -xzf
                # /opt/app.tar.gz` reads the COPY's app.tar.gz, not its other archives)
                took = [
                    e
                    for e in taken_away.get(old, ())
                    if not (is_glob(old) and not is_glob(path) and e.kind == FILE)
                    or posixpath.basename(e.path) == posixpath.basename(path)
                ]
                if took:
                    # (`mv /tmp/app.tgz /opt/ && tar -xzf /opt/app.tgz`: the archive an earlier
                    # layer wrote, which the mv took away from under its old name)
                    unpacked.extend(Hit(e, old, True) for e in took)
                    continue
                # (or one it made by a pattern: `npm pack` wrote *.tgz, `tar -xf app-*.tgz`; or
                # one it downloaded that a pattern written for it matches, its stem spelled out:
                # `wget .../rclone-v1.57.0-linux-amd64.zip && unzip rclone-*-linux-amd64.zip`
                # where a COPY filled the directory; not a bare `*.zip`, which takes whatever
                # else lies there too)
                stem = not posixpath.basename(path).startswith(("*", "?", "["))
                joined = [c for o in own if o.carried and o.path == path for c in o.carried]
                if joined:
                    # (an archive this RUN joined from pieces a COPY brought: those pieces)
                    unpacked.extend(Hit(c, c.path, True) for c in joined)
                    continue
                if any(
                    o.path == path or _matches(path, o.path) or (stem and _matches(o.path, path))
                    for o in own
                ):
                    continue
                # (or one its project's scripts made there: `npm run pack:prepare && npm install
                # --global redocly-cli.tgz`)
                if posixpath.dirname(path) in packed and not any(
                    e.copied and (e.path == path or (is_glob(e.path) and _same_file(path, e.path)))
                    for e in live
                ):
                    continue
                # (or what a build this RUN ran in its project made in an output directory:
                # `./gradlew buildDeb && dpkg -i build/distributions/*.deb` after `COPY . .`)
                if _a_build_output(path, ran_here) and not any(
                    e.copied and (e.path == path or _matches(e.path, path)) for e in live
                ):
                    continue
                # A file a later layer wrote at that path (`wget x.deb` in a copied directory;
                # `gdown ID`, `curl -LOJ URL` there, under a name the server gives) is the one
                # unpacked, not what the copy may have held there.
                at_name = [e.layer for e in live if e.kind == FILE and e.path == path]
                unnamed = [
                    e.layer
                    for e in live
                    if e.kind == FILE and e.path.endswith("/*") and _matches(path, e.path)
                ]
                # (a file copied by that name is the one, whatever may have come since)
                newest = -1 if is_glob(path) else max(at_name or unnamed, default=-1)
                holders = [e for e in live if e.layer >= newest and _holds_archive(e, path)]
                if removed_at:
                    # (`COPY src src`, `RUN rm -rf src/dist`, a build fills dist/ again: what is
                    # unpacked there is not what the copy brought)
                    holders = [
                        e for e in holders
                        if not any(i > e.layer and covers(r, path) for r, i in removed_at.items())
                    ]  # fmt: skip
                if in_tree(path, held.runtime):
                    # (`unzip catalina.jar` in tomcat's lib: the base image's, not what a tree
                    # copied onto /usr may hold, which says nothing of any directory below it)
                    holders = [e for e in holders if not _vague_copy(e)]
                if op.program:
                    # (an installer run: a file copied by that name, no tree's; but one named
                    # for installing, inside a tree the build context gave, is its installer
                    # media: `ADD quartus-install /tmp/quartus-install`, then
                    # `./quartus-install/components/QuartusSetup-13.1.4.182.run`)
                    holders = [
                        e for e in holders
                        if (e.path == path and e.kind != TREE)
                        or (e.copied and not e.staged and names_an_installer(path))
                        # (or a wildcard's a name starts that names it: `COPY sennet* /home`,
                        # then `/home/sennet-wise_3310-1.3.00.0354.run`; not `setup/*`)
                        or (
                            e.copied
                            and a_file_family(e.path)
                            and fnmatch.fnmatchcase(path, e.path)
                        )
                    ]  # fmt: skip
                built_here = [
                    o.path
                    for o in own
                    if o.kind == TREE and o.content != EMPTY and inside(path, o.path)
                ]
                if built_here:
                    # (a tree this RUN filled first, below a copied one, is the likelier
                    # source: `cmake --build build/debian --target package && dpkg -i
                    # build/debian/zpc-amd64.deb` after `COPY . .`; not a build in the copied
                    # tree itself, `make && tar -xzf deps/lib.tar.gz`)
                    holders = [
                        e for e in holders
                        if e.kind != TREE or not any(inside(b, e.path) for b in built_here)
                    ]  # fmt: skip
                # (or a script an earlier RUN ran after the copy: `COPY root /`, `RUN
                # /download-deconz.sh`, then `dpkg -i /deconz.deb`; not a program of the
                # system's, `java -version`, `a2enmod rewrite`)
                ran_since = {r for r in scripted if r < index}
                vouched = holders
                if (op.blind or ran_since) and not is_glob(path) and "$" not in path:
                    # (`equivs-build control && dpkg -i libcuda1-dummy_11.8_all.deb`: a program
                    # run first may have made that file; only a copy of it by name is known to
                    # be it, where a wildcard, `./wheels/*.whl`, or a name the build decides,
                    # `/tmp/dokku-$(dpkg --print-architecture).deb`, reads what a copy brought)
                    holders = [
                        e for e in holders
                        if e.path == path or e.role == ARCHIVE
                        or (not op.blind and not any(r > e.layer for r in ran_since))
                    ]  # fmt: skip
                # An archive a COPY named outranks the trees it may also lie in.
                by_name = [e for e in holders if e.role == ARCHIVE and _same_file(path, e.path)]
                # What a later RUN built where a copied tree lies (`COPY . .`, then `make
                # wheels` fills dist/) is the likelier source of an archive than the copy; not
                # a package manager's install, whose trees (/usr, /opt) hold no such file,
                # unless a package it names is that archive's (`apt-get install
                # linux-source-6.1`: /usr/src/linux-source-6.1.tar.xz)
                built = max(
                    (
                        e.layer
                        for e in live
                        if e.kind == TREE
                        and not e.copied
                        and (e.role != INSTALL or _names_the_archive(e.packages, path))
                        and e.content != EMPTY
                        and (e.path == path or inside(path, e.path))
                    ),
                    default=-1,
                )
                trees = [e for e in holders if e.layer >= built]
                if (
                    not (by_name or trees or holders)
                    and newest < 0
                    and _plain(step, op, held, path)
                ):
                    trees = _brought_unlisted(path, op, listed, built, removed_at or {})
                    live.extend(trees)  # (the copy's file: a removal after it hides it)
                after = [r for r in ran_since if any(r > e.layer for e in vouched)]
                if after and not op.blind and not (by_name or trees or holders):
                    # (the file that script wrote, there before this RUN: a removal of it hides
                    # that layer's bytes, `dpkg -i /deconz.deb && rm -f /deconz.deb`)
                    live.append(Entry(path, FILE, HEAVY, None, max(after), ARCHIVE))
                # (an archive an earlier RUN moved here, the newest write at that path: the
                # one the COPY brought)
                moved_here = [
                    c for e in live if e.carried and e.layer >= newest for c in _carried_to(e, path)
                ]
                unpacked.extend(Hit(e, path, True) for e in moved_here or by_name or trees)
    own.extend(
        Entry(p, FILE, UNKNOWN, None, index)
        for p in dict.fromkeys(shown)
        if not any(covers(t, p) for t in gone_now) and not any(e.path == p for e in own)
    )
    return Layer(step, tuple(own), tuple(changes), tuple(unpacked)), live


def _an_archive_there(op: Op, live: list[Entry], own: list[Entry]) -> bool:
    """The archive `zip` writes (`zip base.zip extra.conf`) is one an earlier layer or this RUN
    wrote there already, by its name: zip adds to it."""
    return any(e.kind in (FILE, EITHER) and _same_file(op.paths[0], e.path) for e in (*live, *own))


def _cleared_for_a_build(path: str, op: Op, step: Step, live: list[Entry]) -> bool:
    """`path` is a build directory (`build`, `_build`, `cmake-build-*`) the RUN removes and
    then writes again (`rm -rf build && meson setup build`, `&& mkdir build`) in a tree only a
    release archive or a clone gave, which hold no build's output: the rm makes sure the build
    starts clean. Not in a copied tree, where the build context may hold the host's, nor where
    an earlier RUN's build wrote."""
    name = posixpath.basename(path.rstrip("/"))
    if op.tool != "rm" or (name not in ("build", "_build") and not name.startswith("cmake-build")):
        return False
    ops = step.run.ops if step.run is not None else ()
    later = ops[ops.index(op) + 1 :] if op in ops else ()
    if not any(o.kind == WRITE and covers(path, p) for o in later for p in o.paths):
        return False
    if any(e.kind != DIR and covers(path, e.path) for e in live):
        return False  # (what an earlier build or a copy wrote there: `mkdir build && make`)
    trees = [
        e
        for e in live
        if e.kind in (TREE, EITHER) and e.role != INSTALL and inside(path, e.path)
        and e.path not in STANDARD_DIRS
    ]  # fmt: skip
    # (an archive's top directory is one, as what it unpacked: the same layer's below it)
    return bool(trees) and all(
        (e.unpacked or e.family == "git" or _unpacked_with(e, live)) and not e.copied for e in trees
    )


def _names_the_archive(packages: Sequence[str], path: str) -> bool:
    """One of an install's `packages` is the archive at `path` by its name (linux-source-6.1's
    linux-source-6.1.tar.xz)."""
    name = posixpath.basename(path)
    return any(len(p) > 2 and name.startswith(p) for p in packages)


def _unpacked_with(entry: Entry, live: list[Entry]) -> bool:
    """`entry` lies in what an archive its layer unpacked (the archive's top directory)."""
    return any(u.unpacked and u.layer == entry.layer and covers(u.path, entry.path) for u in live)


def _a_build_output(path: str, ran: set[str]) -> bool:
    """`path` lies in a build's output directory (`build/`, `target/`, `dist/`, `out/`) of a
    project a build of this RUN ran in (`ran`): the build made it."""
    parts = path.strip("/").split("/")
    for at, name in enumerate(parts[:-1]):
        project = "/" + "/".join(parts[:at])
        if name in _BUILD_OUTPUTS and any(r != "/" and covers(r, project) for r in ran):
            return True
    return False


_BUILD_OUTPUTS = frozenset({"build", "target", "dist", "out"})
_BUILT = ("build", CONFIGURED)  # (the families of what builds and configure scripts wrote)
# (the builds whose output there the model does not write itself, as it does Maven's target/)
_OUTPUT_BUILDERS = frozenset(
    {"gradle", "gradlew", "sbt", "npm", "yarn", "pnpm", "make", "cargo", "ant", "pyproject-build"}
)


def _a_build(op: Op) -> bool:
    """`op` runs a build whose output directory the model does not write itself; Python's
    only as setuptools' (`python setup.py bdist_wheel`), not any script."""
    tool = posixpath.basename(op.tool)
    if tool in ("python", "python3"):
        return "setup.py" in op.command.split()
    return tool in _OUTPUT_BUILDERS


_OUTPUT_OPTION = re.compile(
    r"(?:^|\s)(?:--out-?dir|--output-dir|--dist-dir|--target-dir|--wheel-dir|-o)(?:[=\s]|$)"
)


def _plain(step: Step, op: Op | None, held: Known, path: str | None) -> bool:
    """Nothing but what writes no file of a name the model does not know ran in this RUN
    before `op` (all of it when `op` is None): `cd`, `mkdir`, package installs and their
    indexes, users, links, the unpacking of named package files elsewhere; so what `op`
    unpacks at `path` is not something the RUN fetched or built under a name the model does
    not predict (`curl -JLO`, `cmake --build --target package`, `pip download`), nor a file a
    mount covers, nor one the base image is known to hold (php's source tarball)."""
    assert step.run is not None
    if path is not None:
        for mount in step.instr.mounts():
            target = mount.get("target") or mount.get("dst") or mount.get("destination") or ""
            if not target:
                continue  # (a secret's or ssh's default, below /run)
            # (a relative target is below the WORKDIR; one through a variable, anywhere)
            where = posixpath.join(step.instr.workdir or "/", target.strip("'\""))
            if "$" in target or covers(posixpath.normpath(where), path):
                return False
        if path in held.files or in_tree(path, (*held.runtime, *held.weighty)):
            return False
    for before in step.run.ops:
        if before is op:
            return True
        if _DOWNLOAD_ONLY.intersection(before.command.split()):
            return False  # (`apt-get install --download-only`: packages kept, not installed)
        if before.kind in (UNPACK, REMOVE, CHOWN, TOUCH, PURGE):
            continue
        if before.role == INSTALL and path and any(covers(p, path) for p in before.paths):
            return False  # (an install into the directory: `conda install -p /app/env sdk`)
        if before.kind == WRITE and (
            before.tool in ("mkdir", "ln", "useradd", "adduser", "groupadd", "addgroup")
            or before.role in (INSTALL, CACHE, HOME, DEFAULT_HOME)
            # (not what an unpacking made where the archive lies: a .deb out of a zip)
            or (
                before.tool in EXTRACTORS
                and not (path and any(covers(p, path) for p in before.paths))
            )
        ):
            continue
        return False
    return True


# An install told to keep the package files it fetched instead (`apt-get download`, `dnf
# download`, `apk fetch` are writes of their own: effects' `_packages_saved`)
_DOWNLOAD_ONLY = frozenset({"--download-only", "--downloadonly"})


def _brought_unlisted(
    path: str,
    op: Op,
    listed: tuple[tuple[str, int], ...],
    built: int,
    removed_at: Mapping[str, int],
) -> list[Entry]:
    """The archive `path` a directory copied from the build context brought though the checkout
    lacks it (`COPY . test-env`, then `tar xvf sdk/tarantool-sdk.tar.gz` there, the SDK a file
    the user puts there before the build): nothing else wrote it, so the build reads it from
    the copy or fails. Not a name a program run first may have made, nor a wildcard's."""
    if op.blind or op.program or is_glob(path) or "$" in path or not is_archive(path):
        return []
    for into, at in reversed(listed):
        if into not in STANDARD_DIRS and into != "/" and inside(path, into):
            if at < built or any(i > at and covers(r, path) for r, i in removed_at.items()):
                return []
            return [Entry(path, FILE, UNKNOWN, None, at, ARCHIVE, copied=True)]
    return []


def _rebuilt(entry: Entry, path: str, live: list[Entry]) -> bool:
    """`entry` is what this RUN's `pip install .` built in the project, where an earlier RUN's
    build (`python setup.py build_ext --inplace`) already wrote: the build/ an rm takes after
    it is that earlier layer's too. (Not a clone or an unpacked sdist, which hold no build/.)"""
    return entry.family == "pip-build" and any(
        e.kind == TREE
        and not (e.copied or e.role or e.unpacked or is_glob(e.path))
        and e.family not in ("pip-build", "git")  # (what pip may have built is a guess too)
        and e.layer != BASE
        and covers(e.path, path)
        for e in live
    )


def _vague_copy(entry: Entry) -> bool:
    """`entry` is a tree copied onto / or a standard directory (`COPY --from=b /out/usr/ /usr/`),
    whose listing is not known: it says nothing of any one directory below it."""
    return entry.kind == TREE and entry.copied and entry.path in STANDARD_DIRS


def _archives_at(path: str, live: list[Entry], own: list[Entry]) -> list[Entry]:
    """The earlier layers' entries that may be the archive at `path`, or lie in the directory
    `path` (the COPY's `/tmp/in/bundle.tar.gz` when `/tmp/in` moves), where this RUN (`own`)
    did not write one itself: what a mv or cp of it takes along."""
    mine = [o for o in own if o.path == path or _matches(path, o.path)]
    if mine:
        # (unless it moved the COPY's there first: `mv /tmp/x.tgz /opt/ && mv /opt/x.tgz /srv/`)
        return [c for o in mine for c in o.carried]
    # (and what an earlier mv carried here: an archive moved twice is the COPY's still)
    return [
        c
        for e in live
        for c in (e.carried if e.carried and _carried_to(e, path) else (e,))
        if c is not e or _holds_archive(e, path) or (e.role == ARCHIVE and inside(e.path, path))
    ]


def _taken_from(path: str, live: list[Entry], own: list[Entry]) -> dict[str, list[Entry]]:
    """The archives a mv or cp of `path` takes along (`_archives_at`), under `path` and each
    below a directory it takes by its own name (`cp -r /tmp/pkgs /opt/ && dpkg -i
    /opt/pkgs/agent.deb`, `mv /tmp/in /opt/in && tar -xzf /opt/in/bundle.tar.gz`)."""
    archives = _archives_at(path, live, own)
    return {path: archives, **{e.path: [e] for e in archives if e.path != path}}


def _carried_to(entry: Entry, path: str) -> tuple[Entry, ...]:
    """The archives an earlier mv or cp carried to `entry` that lie at `path`: all it carried,
    or, where it carried a directory, the one at the same place below it (`mv /tmp/in /opt/in`,
    then `tar -xzf /opt/in/bundle.tar.gz`)."""
    if entry.family == "git":
        return ()  # (a checkout carries the clone whose submodules it holds, no archive)
    if _same_file(path, entry.path) or _matches(entry.path, path):
        return entry.carried
    if entry.kind == FILE or not inside(path, entry.path):
        return ()
    tail = path[len(entry.path.rstrip("/")) :]
    return tuple(c for c in entry.carried if fnmatch.fnmatchcase(c.path, "*" + tail))


def _holds_archive(entry: Entry, path: str) -> bool:
    """`entry` may be the archive a RUN unpacks at `path`: an archive a COPY wrote there, or a
    file inside a tree a COPY wrote."""
    if entry.role == ARCHIVE and _same_file(path, entry.path):
        return True
    if not entry.copied:
        return False
    if entry.kind in (FILE, EITHER) and entry.path == path:
        return True  # (`COPY ./tmp/$package_name .`: what `apt-get install ./$package_name` reads)
    if entry.kind in (TREE, EITHER) and entry.path != "/" and inside(path, entry.path):
        return True
    if entry.kind in (TREE, EITHER) and entry.path == "/" and posixpath.dirname(path) == "/":
        # (`COPY release-bin .` with no WORKDIR, then `unzip app-*.zip`: an archive right in /
        # is the copy's, where no image keeps one; what it spread below, /etc or /opt, may
        # be the base's)
        return True
    # (`COPY instantclient/* /tmp/`, then `unzip /tmp/instantclient-*.zip`)
    return entry.kind == EITHER and is_glob(entry.path) and _same_file(path, entry.path)


def _set_by_another_run(op: Op, step: Step, earlier: str) -> bool:
    """`op` names its packages only by variables an earlier RUN's shell set, which are not set
    in this one (`apt-get purge -y --auto-remove $buildDeps` in a RUN of its own): none."""
    if set(op.packages) != {"$"}:
        return False
    names = [m.group(1) for m in _VARIABLE.finditer(op.command)]
    text = step.instr.node.original
    # (not where the RUN reads in a file that may set it, `. /etc/build-deps`, but the release's)
    sourced = re.findall(r"(?:^\s*RUN\b|^|[;&|(])\s*(?:\.|source)\s+([^\s;&|]+)", text)
    if any(f.strip("\"'") not in _RELEASE_FILES for f in sourced):
        return False
    return bool(names) and all(
        n not in step.instr.env
        and not re.search(rf"\b{n}=", text)
        # (an earlier RUN's own value, not one that grows the base's: `X="$X libssl-dev"`,
        # where the base image's ENV sets X)
        and re.search(rf"\b{n}=", earlier) is not None
        and re.search(rf"\b{n}=[\"']?\$\{{?{n}\b", earlier) is None
        for n in names
    )


_RELEASE_FILES = frozenset({"/etc/os-release", "/etc/lsb-release", "/usr/lib/os-release"})


_VARIABLE = re.compile(r"\$\{?([A-Za-z_]\w*)\}?")


def _autoremoves(change: Change | Op) -> bool:
    """A removal that takes what the packages it removes pulled in along with them."""
    return bool(AUTOREMOVES & set(change.command.split()))


def _files_shown(ops: tuple[Op, ...], live: list[Entry]) -> list[Entry]:
    """`live` less what a command shows a copy was not: `COPY initctl_faker .` may have been a
    directory spread over `.` or the file `./initctl_faker`; `chmod +x initctl_faker` says the
    file, so the tree at `.` it might have been holds nothing."""
    named = {p for op in ops if op.kind == CHOWN and op.file_hint for p in op.paths}
    return _spread_taken_back(live, named) if named else live


def _spread_taken_back(entries: list[Entry], files: Iterable[str]) -> list[Entry]:
    """`entries` less the tree a copy of one name not known to be a file or a directory may
    have spread where it landed, where `files` shows the name is a file (a chmod of it, a RUN
    that runs it)."""
    named = set(files)
    # (Only a COPY of that one source: a tree beside it may be another source's.)
    landed = {(e.layer, posixpath.dirname(e.path)) for e in entries
              if e.kind == EITHER and e.copied and e.path in named
              and sum(1 for o in entries if o.layer == e.layer) == 2}  # fmt: skip
    if not landed:
        return entries
    return [e for e in entries if not (e.kind == TREE and e.copied and (e.layer, e.path) in landed)]


def _reach(
    path: str,
    op: Op,
    live: list[Entry],
    own: list[Entry],
    base: BaseListing | None,
    held: Known,
    gone: frozenset[str] = frozenset(),
    taken: frozenset[str] = frozenset(),
    nginx_org: str = "",
    ran: frozenset[int] = frozenset(),
    ran_in: frozenset[str] = frozenset(),
) -> list[Hit]:
    """The earlier entries whose bytes `op` hides or copies up through `path` (`gone`: the base
    classes an earlier layer already removed, which hold nothing of the base any more; `taken`:
    every path a removal before named; `nginx_org`: the build adds nginx.org's repository ("named"
    where its sources say so, "maybe" where a copied list or a script may);
    `ran_in`: where programs the model does not read ran, or a project's scripts wrote)."""
    if op.only is not None:
        return _found(path, op, live, own, held)
    if op.but:
        # (the files of the names it leaves: `find build -type f ! -name Makefile.inc -delete`)
        live = [
            e for e in live
            if not (e.kind == FILE and any(fnmatch.fnmatchcase(posixpath.basename(e.path), n)
                                           for n in op.but))
        ]  # fmt: skip
    if op.tool == "usermod" and op.uid and _known_uid(op.owner, held) == op.uid:
        return []  # (the uid the image's user has already: usermod changes nothing)
    if op.kind == CHOWN and op.tool == "ln" and _a_link(path, op):
        return []  # (a hard link to a link links the link: `ln /usr/bin/python3 ...` copies none)
    if op.kind == REMOVE and op.tool == "ln":
        # (`ln -sf x /etc/ssh/sshd_config`: a file there gives way; a directory there would take
        # the link inside it, so only a file a layer is known to have written, or a package's)
        live = [
            e for e in live if (e.path == path and e.kind == FILE) or e.role in (INSTALL, EDITED)
        ] + [
            # (a dotfile /etc/skel gave a home: `ln -sTf /app/bashrc /home/cms/.bashrc`)
            e._replace(path=path, kind=FILE)
            for e in live
            if e.role == HOME and _a_dotfile_of(path, e.path, held.manager)
        ]
    if op.kind == REMOVE and _UNTRACKED.intersection(path.split("/")):
        # (a repository does not hold what its builds make: `git clone .../relay` then `rm -rf
        # node_modules/` there removes none of the clone's files; not one cloned into one)
        live = [
            e
            for e in live
            if not (
                e.family == "git"
                and inside(path, e.path)
                and _UNTRACKED.intersection(path[len(e.path) :].split("/"))
            )
        ]
    if op.kind == REMOVE and op.tool == "locale-gen":
        # (`locale-gen --purge`: the archive an earlier locale-gen wrote, not what an install
        # may have put beside it)
        live = [e for e in live if e.path == path]
    if op.kind == REMOVE and op.tool == "make":
        # (`make distclean`: what a build there wrote, not the sources beside it; `make
        # clean` not what the configure script wrote, only a build's objects)
        cleaned = _BUILT if MAKE_DISTCLEANS & set(op.command.split()) else ("build",)
        live = [e for e in live if e.path == path and e.family in cleaned]
    if op.kind == REMOVE and op.tool == "git" and op.packages[:1] == (SUBMODULES,):
        return _submodules_moved(op, path, live, own)
    if op.kind == REMOVE and op.tool == "git":
        # A checkout rewrites the repository there: the clone, or a copied tree that holds it,
        # whole at that path, or the files of one a COPY from the build context listed with
        # its .git; not what lies below a directory above it. (Run in a directory of the
        # repository, `cd /opt/bar/src && git checkout v2`, or a WORKDIR made there: the
        # clone above it.)
        if any(e.path == path and e.family == "git" for e in own):
            return []  # (this RUN's own clone: `git clone ... csources && git checkout <sha>`)
        here = any(e.path == path and (e.family == "git" or e.copied) for e in live)
        path = path if here else _repository_at(path, live)
        git_dir = path.rstrip("/") + "/.git"
        listed = any(e.copied and covers(git_dir, e.path) for e in live)
        live = [
            e
            for e in live
            if (
                (e.path == path and (e.family == "git" or e.copied))
                or (listed and e.copied and inside(e.path, path))
            )
            and not (op.packages and e.packages == op.packages)  # (the same version again)
        ]
        if not live:
            return []  # (not a tree of the base's that is no clone: emsdk's SDK, a runtime)
    if op.kind == REMOVE and op.family and op.tool != "rm":
        # (a package manager emptying its cache, `composer clear-cache` with HOME the WORKDIR:
        # a copy of the build context holds no such cache inside it, only one copied there,
        # `COPY .npm /root/.npm`)
        live = [e for e in live if not _context_above_cache(e, path)]
    if (
        (op.kind == REMOVE or op.tool in ("chown", "chgrp"))
        and path in _BASE_LINKS
        and not re.search(rf"{re.escape(path)}/(?:\s|$)", op.command)  # (`/usr/local/cuda/`)
    ):
        # (a link the base holds, `/usr/local/cuda` to its version's tree: rm and chown -R
        # take the link alone, unless a layer wrote that name itself)
        live = [e for e in live if e.path == path and e.layer != BASE]
        if not live:
            return []
    if op.tool == "rm" and _VARIABLE.fullmatch(posixpath.basename(path)):
        # (a name a variable not known here gives, `rm $TARBALL`: only the file a layer wrote by
        # that same name, a download of `.../$TARBALL`; not any a tree there may hold, which a
        # mv of it moves, `mv /home/${NODE_VER} /home/node` after an unpack in /home)
        live = [e for e in live if e.path == path]
    if op.kind == REMOVE and _a_known_link(path):
        # (an install, an unpacked tree or a virtual environment holds these as symbolic
        # links: only a layer that wrote the name itself, a COPY of the file, wrote bytes)
        live = [e for e in live if e.path == path]
    if op.kind in (CHOWN, TOUCH) and any(
        (e.path == path and e.kind == FILE) or (e.role == EDITED and covers(e.path, path))
        for e in own
    ):
        # (this RUN wrote the file again first: `useradd x && chmod g+w /etc/passwd`, `find
        # /etc/s6 -type f -exec sed -i ... {} + && chmod +x /etc/s6/run`)
        return []
    recursive = op.kind == REMOVE or op.recursive
    if (
        op.kind == CHOWN
        and not recursive
        and not is_glob(path)
        and _shown_a_directory(path, live, own)
    ):
        # A directory: a change of it alone copies up its entry, no file's bytes (`COPY
        # configs/pflogsumm/ /usr/local/bin/pflogsumm/`, then `chown bin
        # /usr/local/bin/pflogsumm`, whatever an archive unpacked at / held).
        return []
    # `mv` moves what it names: a whiteout hides the old path and the files land again at the
    # new one. Only a file or tree a layer is known to have written there is certain to weigh.
    moves = op.tool in ("mv", "usermod")  # (`usermod -m -d /home/dev ubuntu` moves its home)
    # What this RUN made at or above the path before this command, or a directory below it
    # (`mkdir -p` makes the parents too): it may be what the command means, so only a whole
    # earlier entry is certain to be reached. (A link or file made inside says nothing.)
    # (A distribution package lands in /opt only under its vendor's name: `apt-get install
    # postgresql-client` makes nothing in /opt/pentaho.)
    made = [
        e
        for e in own
        if (
            (
                covers(e.path, path)
                and not _not_in_opt(path, e)
                and not _a_package(path, e)
                and not _not_installed(path, e, held.packages)
                and not _unpacked_here(path, e, live)
                and not _sources_below(path, e)
                and not any(covers(r, path) for r in e.read)
            )
            # (not a plugin a search engine's installer put in its plugins/, which was there:
            # `opensearch-plugin install analysis-icu && chown -R opensearch
            # /usr/share/opensearch/plugins` on the image that ships its own plugins)
            or (inside(e.path, path) and e.kind != FILE and e.family != ENGINE_PLUGIN)
            # (`curl -O .../x.deb && dpkg -i x.deb && rm *.deb`: the glob names what it
            # fetched; `git clone .../pngquant && ... && rm -fr /tmp/pngq*`: what it cloned)
            or (is_glob(path) and fnmatch.fnmatchcase(e.path, path))
            # (`unzip bowtie2-2.3.4.3-linux-x86_64.zip && mv bowtie2*/bowtie2* .`: inside it)
            or (e.kind != FILE and _glob_inside(path, e.path))
        )
        and not _rebuilt(e, path, live)
        # (an edit in place makes nothing: the file was there, `patch f < x && mv f f.env`)
        and not (e.role == EDITED and op.kind == REMOVE)
    ]
    if path in held.files:
        # (an install into the tree does not make a file every image of the base holds:
        # `pecl install x` then `mv php.ini-production php.ini` moves the base's)
        made = [e for e in made if e.role != INSTALL]
    made_here = bool(made)
    rewritten = frozenset(e.path for e in own if e.kind == FILE)
    if nginx_org == "named":
        rewritten |= _DEBIAN_NGINX_FILES  # (files no install of nginx.org's package wrote)
    # (`mkdir /home/app/.config`, no -p, succeeded: nothing an earlier layer wrote was there)
    fresh = [e for e in live if e.fresh and covers(e.path, path)]
    # (the file an earlier RUN wrote empty by name, `touch /app/storage/db.sqlite`, last: a
    # chown of it reaches that empty file, not a tree copied around it before)
    emptied = max(
        (e.layer for e in live if e.path == path and e.kind == FILE and e.content == EMPTY),
        default=-2,
    )
    hits = []
    for entry in live:
        if op.kind in (CHOWN, TOUCH) and not op.recursive and entry.layer < emptied:
            continue
        if entry.role == INSTALL and _a_package(path, entry):
            continue  # (an install leaves no .deb or .whl in the trees it fills)
        if (
            entry.role == INSTALL
            and held.slim
            and held.debian
            and in_tree(path, DOC_TREES[1:])
            and not in_tree(path, held.weighty)  # (Ubuntu's minimized images keep info pages)
        ):
            continue  # (dpkg on Debian's slim images leaves out man, info and locale pages)
        if fresh and any(f.layer > entry.layer and covers(entry.path, f.path) for f in fresh):
            continue
        if op.tool == "usermod" and op.kind == CHOWN and _same_uid(entry, op):
            # (A user a useradd here made with the uid `usermod --uid` gives again: an unchanged
            # uid re-owns nothing. A new uid re-owns only the user's own files: not what
            # packages put in its home, which are root's: nginx's /var/www.)
            continue
        if op.owner and _root_s(entry) and not _same_id(op.owner, "root"):
            continue  # (nor what a COPY gave root: `COPY settings.php /var/www/html/...`)
        weighty = entry.role == INSTALL and in_tree(path, held.weighty)
        if weighty and posixpath.basename(path.rstrip("/")) not in entry.packages:
            continue  # (the base's own npm, not what `npm install -g pm2` put beside it)
        if (
            entry.role == INSTALL
            and entry.family == "make"
            and posixpath.basename(path.rstrip("/")) == "node_modules"
            and not any(p.startswith(MAKE_PROJECT + "node") for p in entry.packages)
        ):
            continue  # (a make install of git or cmake writes no node_modules; Node.js's does)
        if (
            entry.role == INSTALL
            and _the_base_s(path, entry, held)
            # (but a mv of the base's marker writes it again, whoever wrote it: small, but real)
            and not (moves and _a_dependency_s(path, entry, held))
        ):
            continue  # (`apk add moreutils` on nginx writes no /usr/share/nginx/html/*)
        if (
            entry.role == INSTALL
            and entry.family == "make"
            and (
                (
                    op.kind == CHOWN
                    and not recursive
                    and _a_file(path, op)
                    and inside(path, entry.path)
                )
                # (and a mv of the prefix itself, `mv /opt/bash /opt/bash-5.2`, or by a wildcard
                # that must match, `mv /opt/bash/share/man/man1/*.1 ...`)
                or (moves and op.kind == REMOVE and inside(path, entry.path))
                or (
                    moves
                    and op.kind == REMOVE
                    and not is_glob(path)
                    and path not in STANDARD_DIRS
                    and inside(entry.path, path)
                )
            )
            and (not entry.path.startswith(_SHARED_PREFIXES) or _a_private_prefix(entry.path))
            and not made_here
        ):
            # (a program a build installed below a prefix of its own, its mode set by name:
            # `make install` with `--prefix=/opt/pbs`, then `chmod 4755 /opt/pbs/sbin/pbs_iff`;
            # the chmod fails unless it is there, and nothing else put it there; so does a mv
            # of what it installed, `mv /opt/lib/libmodsecurity.so.3.0.3 /opt/lib/...so.3`)
            hits.append(Hit(entry._replace(content=HEAVY), path, False))
            continue
        if entry.role == INSTALL:
            # Packages land all over these trees: a path inside one may be theirs.
            # (A file of its own in /etc, `chmod 644 /etc/percona-server.cnf`, is one too.)
            # (and one moved by its name, which mv fails without: `mv /etc/davical/config.php
            # /etc/davical/config_dflt.php` after `apt-get install davical`)
            moved_file = moves and op.kind == REMOVE and names_a_file(path) and not is_glob(path)
            # (or in /opt, below a vendor's directory named for the package: `chmod 4755
            # /opt/Signal/chrome-sandbox` after `apt-get install signal-desktop`)
            vendors = path.startswith("/opt/") and _names_a_package(path, entry.packages)
            own_file = (
                (op.kind == CHOWN or moved_file)
                and (path.startswith("/etc/") or vendors)
                and _a_file(path, op)
            )
            # (a link to another build of a program, made over the one a distribution package
            # installed, never a directory: `ln -sf /usr/local/bin/Xwayland /usr/bin/Xwayland`
            # after `apt-get install xwayland`; not a name a link adds, `ln -s /usr/bin/batcat
            # /usr/bin/bat`; the package's program is known by its name below)
            same_named = (
                [
                    w
                    for w in op.command.split()[1:]
                    if not w.startswith("-")
                    and posixpath.basename(w) == posixpath.basename(path)
                    and w != path
                ]
                if op.tool == "ln"
                else []
            )
            linked = (
                op.tool == "ln"
                and posixpath.dirname(path) in BIN_DIRS
                and entry.family in DISTRIBUTION_MANAGERS
                # (packages it names: those a substitution lists, `apt-get install $(apt-cache
                # depends firefox | awk ...)`, are firefox's dependencies, not firefox)
                and any("$" not in p for p in entry.packages)
                and (
                    # (not the package's own program, linked under another bin directory:
                    # `ln -sf /usr/sbin/haproxy /usr/bin/haproxy` adds a name; and a package
                    # named for the program: `xwayland`, not `curl` for /usr/bin/node)
                    (
                        any(posixpath.dirname(w) not in _PACKAGE_BIN_DIRS for w in same_named)
                        and _names_the_program(posixpath.basename(path), entry.packages)
                    )
                    # (or the program of the package named for it, made a link to another:
                    # `ln -sf /usr/bin/php /usr/bin/php8` after `apk add php8`; not one the
                    # package itself holds as a link, Debian's /usr/bin/python3, nor a link
                    # between the program's names in two bin directories, which may add one)
                    or (
                        not same_named
                        and posixpath.basename(path) in entry.packages
                        and posixpath.dirname(path) in _PACKAGE_BIN_DIRS
                        and "/usr/bin/" + posixpath.basename(path) not in _APT_LINKS
                        and not (entry.family == "apt" and path in _DEBIAN_LINKS)
                    )
                )
            )
            if (
                (
                    (recursive or own_file)
                    # (nor a file the package is known to ship, named: it was there before
                    # whatever ran first, `rm -f index.lighttpd.html` after a download)
                    and not (
                        made_here
                        or (op.blind and not (linked or path in _shipped(entry)))
                        or (moves and not own_file)
                    )
                    and _installed_under(
                        path, entry, rewritten, nginx_org, _quiet(entry, ran), held
                    )
                    # (not a directory named for a package it installed, whatever a later
                    # layer made below it: `mkdir /usr/share/tomcat7/temp`, then `chown -Rh
                    # xnat /usr/share/tomcat*` after `apt-get install tomcat7`)
                    and not (
                        _made_after(path, entry, live)
                        and not (
                            _names_a_package(path.rstrip("/") + "/*", entry.packages)
                            and not path.startswith("/opt/")  # (no distribution's there)
                        )
                    )
                    and not _an_application_dir(path, entry, live)
                    and not _anothers_share(path, entry, live)
                    and not _alpines_nginx_pages(path, entry, held, nginx_org)
                    and not _removed_since(path, entry)
                )
                or (
                    # (a file of them a change names alone: `chmod 755 /var/log/*`, as the
                    # install left them)
                    (
                        recursive
                        or (
                            _always_written(path, entry, files=True)
                            and _logs_as_left(entry, live, own)
                        )
                    )
                    # (a move of the whole tree writes the logs again under the new name:
                    # `mv /var/log /data/var/log`)
                    and (not moves or covers(path, entry.path))
                    and _always_written(path, entry)
                    # (`truncate -s 0 /var/log/*log` after the install left its logs empty;
                    # `rm /var/log/dpkg.log` after it took the log from its layer)
                    and not _emptied_since(path, entry, live)
                    and not _removed_since(path, entry)
                )
                or (
                    # A file the package is known to ship, its mode or owner changed by name
                    # (`chmod u+w /etc/sudoers` after `yum install sudo`): copied up
                    op.kind == CHOWN
                    and not (recursive or moves)
                    and _ships(path, entry, False, rewritten)
                    and not _removed_since(path, entry)
                )
                or (
                    # A program a package named for it put in a bin directory, moved aside in a
                    # later RUN (`mv /usr/bin/aria2c /usr/bin/x` after `apk add aria2`): its
                    # bytes land again under the new name (not a link, `python3`, `gcc`)
                    moves
                    and op.kind == REMOVE
                    and not (made_here or op.blind or is_glob(path))
                    and posixpath.dirname(path) in _PACKAGE_BIN_DIRS
                    and "/usr/bin/" + posixpath.basename(path) not in _APT_LINKS
                    and not (entry.family == "apt" and path in _DEBIAN_LINKS)
                    and not any("$" in n for n in entry.packages)
                    and _installed_under(
                        path, entry, rewritten, nginx_org, _quiet(entry, ran), held
                    )
                    and not _removed_since(path, entry)
                )
                or (
                    # A tree an install was told to fill (`ENV NPM_CONFIG_PREFIX=...`, uv's
                    # project environment), at or below the path: what it installed is there
                    # (`chown -R node /home/node`, `chown -R app /app/.venv`).
                    recursive
                    and not (moves or made_here or op.blind)
                    and covers(path, entry.path)
                    and _a_prefix_tree(entry)
                )
                or (
                    # The environment or root a conda or cargo install was told to fill is its
                    # own (`conda create -p /opt/env`, then `chown -R app /opt/env`).
                    recursive
                    and not moves
                    and entry.family in ("conda", "cargo")
                    and covers(path, entry.path)
                    and not (made_here or op.blind)
                )
                or (
                    # A file the package is known to ship is there whatever this RUN made or ran
                    # first (`mkdir -p /var/www/html && chown -R www-data /var/www/html` after
                    # `apt-get install apache2`: its index.html); so is the directory named for
                    # it (`julia -e 'Pkg.add(...)' && chmod -R +rx /usr/share/julia`). A mv
                    # of such a file writes it again (`mv .../EXTERNALLY-MANAGED ...`).
                    recursive
                    and (not moves or _ships(path, entry, True, rewritten))
                    # (not one this RUN wrote again first: `mv /index.html /var/www/html/`)
                    and (_ships(path, entry, True, rewritten) or _package_dir(path, entry))
                    and not _removed_since(path, entry)
                )
                or (
                    # One package's directory in the library a language manager filled, moved
                    # (`mv site-packages/tensorflow site-packages/tensorflow-CPU-cached` after
                    # `pip install tensorflow-cpu`): a package there holds its files, never
                    # an empty directory, and they land again under the new name
                    moves
                    and op.kind == REMOVE
                    and not (made_here or op.blind)
                    and _a_library_package(path, entry)
                    and not _removed_since(path, entry)
                )
                or (
                    # The data directory the install filled, moved whole (`mv /var/lib/mysql
                    # /data` after `apt-get install mariadb-server`): its system databases
                    # are written again under the new name
                    moves
                    and op.kind == REMOVE
                    and not (made_here or op.blind or is_glob(path))
                    and _data_moved(path, entry, live)
                )
                or (
                    # That data directory re-owned whole, whatever this RUN made below it first
                    # (`mkdir -p /var/lib/postgresql/data && chown -R postgres
                    # /var/lib/postgresql` after `apt-get install postgresql`: its cluster)
                    recursive
                    and op.kind == CHOWN
                    and not (moves or op.blind)
                    and _data_moved(path, entry, live)
                    and not any(path_overlaps(t.removesuffix("/*"), path) for t in taken)
                )
            ):
                hits.append(Hit(entry._replace(content=HEAVY), path, False))
            continue
        if not entry.weighs:
            continue
        # (what a build may have made, `*.egg-info`, is named by a pattern that takes it,
        # `rm -rf *.egg-info` or `/tmp/*`, not by one that only may meet it: `/tmp/terraform_*`)
        guessed = entry.family == "pip-build" and is_glob(path) and is_glob(entry.path)
        if guessed and not fnmatch.fnmatchcase(entry.path, path):
            continue
        if (
            covers(path, entry.path)
            or (is_glob(entry.path) and _same_file(path, entry.path))
            or _named_top(path, entry, live)
        ):
            if (
                entry.path == "/*"
                and entry.kind == FILE
                and not covers(path, entry.path)
                and not names_a_file(path)
            ):
                # (a download to / of a name not known, `wget -O "$2"` run there: a file, not
                # any directory of the root, `cmake/`)
                continue
            if (
                op.blind
                and entry.kind == FILE
                and posixpath.basename(entry.path) == "*"
                and not (entry.copied or covers(path, entry.path) or names_a_file(path))
            ):
                # (nor what a command removes unasked, `npm ci`'s node_modules, a download of a
                # name not shown: `curl -O $URL && ./install.sh` in the project's directory)
                continue
            # (both names unknown: `wget $URL`, then `wget -q $URL && ... && rm app.tgz`)
            unknown = posixpath.basename(entry.path) == "*" and not entry.copied
            if is_glob(entry.path) and (
                any(
                    e.path == path or (unknown and is_glob(e.path) and _same_file(path, e.path))
                    for e in own
                )
                or (
                    # (a name the wildcard may have matched, right inside its directory, where
                    # this RUN made a directory: not the copy's destination itself, a path
                    # above it, or a wildcard over its entries)
                    entry.copied
                    and not is_glob(path)
                    and posixpath.dirname(path) == posixpath.dirname(entry.path)
                    and any(e.kind == DIR and covers(path, e.path) for e in own)
                )
            ):
                # (`sed -i ... /etc/yum.repos.d/*.repo` in an earlier layer, then this RUN's `tee
                # /etc/yum.repos.d/mono.repo` and its rm: the file is this RUN's, not one the
                # wildcard matched; nor one a download of a name not shown may have saved,
                # `wget -q $URL && tar -xzf a.tgz && rm a.tgz`; nor what a copy of names not
                # shown may have put where this RUN made a directory, `COPY installers/* .` then
                # `mkdir -p .vscode-server/extensions && chown -R dark .vscode-server`)
                continue
            children = path == entry.path.rstrip("/") + "/*" and entry.kind != FILE
            if children and entry.role == HOME:
                continue  # (the shell's `*` skips dotfiles: all a home from /etc/skel holds)
            if not recursive and not _same_file(path, entry.path) and not children:
                continue
            if entry.kind == TREE and not recursive and not children:
                continue  # a non-recursive change of a directory copies up its entry only
            # (a mode or owner set on one path a COPY wrote, named without an extension: most
            # often the copied script or program, `COPY init /init` then `chmod 770 /init`; not
            # a name directories have, `COPY tools /opt/tools`, whose mode may be the directory's)
            moded = entry.copied and not entry.staged and op.tool in ("chmod", "chown", "chgrp")
            moded = moded and bool(op.sets) and not _a_directory(path, entry, op, live, held)
            # (`COPY scripts scripts`, then `chmod +x scripts`: a directory's name, which +x
            # gives its search bit, not a program's)
            named_dir = (
                posixpath.basename(path.rstrip("/")) in _DIRECTORY_NAMES_NOT_PROGRAMS
                and posixpath.dirname(path) not in BIN_DIRS
                and not names_a_file(path)
            )
            filed = _a_file(path, op) and not (named_dir and op.tool == "chmod")
            if entry.kind == EITHER and not recursive and not (filed or moded):
                continue
            hits.append(Hit(entry, path, True))
        elif inside(path, entry.path) and entry.kind in (TREE, EITHER):
            if _removed_since(path, entry) or _PLACEHOLDER.fullmatch(posixpath.basename(path)):
                continue
            if _S6_DOWN.fullmatch(path):
                continue  # (s6's `down` marker, which keeps a service from starting, is empty)
            # (unless the RUN ran it first, so it was there: `ADD root/ /`, then
            # `/tmp/get_s6-overlay.sh && rm /tmp/get_s6-overlay.sh`)
            if _left_out_of_checkouts(path, entry) and not (op.kind == REMOVE and op.file_hint):
                continue
            if (
                entry.unpacked
                and path.rstrip("/") in (held.workdir, *held.empty)
                and posixpath.dirname(path.rstrip("/")) == entry.path.rstrip("/")
            ):
                # (the base's own directory beside what an archive unpacked, which it ships
                # empty: `unzip webtrees.zip -d /var/www/` on php, then `rm -rf /var/www/html`)
                continue
            if (
                op.kind == CHOWN
                and op.recursive
                and not entry.copied
                and posixpath.basename(path.rstrip("/")) in _SHIPPED_EMPTY
                # (unless a program ran there since: `catalina.sh start` wrote logs, `rake
                # assets:precompile` tmp/cache)
                and not any(covers(d, path) for d in ran_in)
            ):
                # (a directory for what the program will write, below a tree an archive, a
                # clone or a build filled, ships empty or with an empty placeholder: `chown -R
                # app apache-tomcat-9.0.1/logs`, `chgrp -R www-data brat/work`)
                continue
            # An archive's top directory, right below where it was unpacked, is what a later
            # `mv keycloak-25.0.4 keycloak` renames: it holds the archive's files.
            # (a file it names is there, or mv fails: `mv conf/log4j2.properties.template ...`)
            unsure = (
                moves
                and not entry.copied
                and entry.family != "git"  # (a clone holds files only: git keeps no directory)
                # (nor a build's, which makes no empty directories: `mv build/atools
                # /usr/local/bin`; but a mkdir's there may be one)
                and (
                    entry.family not in _BUILT
                    or any(e.path == path and e.kind == DIR for e in (*live, *own))
                )
                and not _a_top(path, entry, live)
                and not names_a_file(path)
                # (a name right inside a tree's bin/ is a program, `mv
                # /opt/tritonserver/bin/tritonserver /opt/tritonserver/bin/fastdeployserver`)
                and not in_a_bin_dir(path)
            )
            # (touch makes a file as often as it touches one: not a dotfile /etc/skel gave a
            # home, `touch /home/flux/.bashrc` after `useradd -m flux`)
            touches = op.kind == TOUCH and not (
                entry.role == HOME and _a_dotfile_of(path, entry.path, held.manager)
            )
            # (a clone's .git is there whatever this RUN ran first: `python setup.py install
            # && rm -rf .git`, or `.git*` with its .gitignore)
            git = (
                entry.family == "git"
                and posixpath.dirname(path) == entry.path.rstrip("/")
                and fnmatch.fnmatchcase(".git", posixpath.basename(path))
            )
            blind = op.blind and not _beyond_the_unread(path, entry, op)
            if (made_here or blind or touches or unsure) and not git:
                # (what an extraction left below its top may be empty directories, where a
                # copied tree holds the files the build context or stage had there, and mv
                # fails unless one is)
                continue
            # Below a tree whose listing is unknown, only a path that names a file is known to
            # be there: a tree written at / or a standard directory (`COPY rootfs/ /`, `COPY
            # etc/ /etc/`) or a home made from /etc/skel says nothing of any directory below it.
            top = moves and not entry.copied  # (an archive's top or a file it held, as above)
            # (so too a tree a recursive change names below where a RUN unpacked: `tar -xJf
            # factorio_headless.tar.xz` in /opt, then `chown -R factorio /opt/factorio`)
            top = top or (
                recursive
                and op.kind == CHOWN
                and (entry.path != "/" or not _the_bases_dir(path, held))
                and posixpath.dirname(path.rstrip("/")) == (entry.path.rstrip("/") or "/")
                and _a_top(path, entry, live)
                and not any(inside(e.path, path) for e in live)  # (`mkdir -p /opt/app/logs`)
            )
            vague = not (recursive and top) and (
                not recursive or entry.path in STANDARD_DIRS or entry.role == HOME
            )
            # (a drop-in directory a recursive change names, `chmod -R 644 /etc/mysql/conf.d`
            # after `ADD files /`, is one the author knows to hold files, as a file's name says)
            named = path.removesuffix("/*")
            drop_in = recursive and named.endswith(".d") and posixpath.basename(named) != ".d"
            # (a mv fails unless what it names is there: below a tree the build context gave a
            # directory images keep empty, `COPY defaults/ /root/` then `mv /root/zoneminder
            # /etc/init.d/`, it moves what the copy wrote; not a dotfile the base may hold)
            moved = (
                moves
                and op.kind == REMOVE
                and entry.copied
                and not entry.staged
                and entry.path in _KEPT_EMPTY
                and not posixpath.basename(path).startswith(".")
                # (nor one a later mkdir or WORKDIR may have made, empty)
                and not any(
                    e.kind == DIR and e.layer > entry.layer and covers(path, e.path) for e in live
                )
            )
            if vague and not (_a_file(path, op) or drop_in or moved or _read_here(path, own, held)):
                continue
            # (`rm -f x` says x may be missing: a name below a tree not listed, copied, or
            # unpacked at /, where the archive's paths may be any)
            unlisted = entry.copied or (entry.unpacked and entry.path == "/")
            forced = _forced(op.command) and not op.file_hint  # (not a script this RUN ran)
            if unlisted and op.kind == REMOVE and op.tool == "rm" and forced:
                continue
            if entry.role == HOME and not _a_dotfile_of(path, entry.path, held.manager):
                continue  # (useradd -m fills a home with /etc/skel's dotfiles alone)
            hits.append(Hit(entry, path, False))
    if any(h.whole for h in hits):
        # A layer known to have written the path itself outranks trees it may lie in.
        return [h for h in hits if h.whole]
    if hits and not recursive and _last_is_a_directory(path, live):
        return []  # (`mkdir -p /opt/rf/drivers` in a RUN that unpacked at /: a directory)
    # What this RUN installed or ran adds docs beside the base image's, which stay.
    # (`rm -rf /var/cache` reaches debconf's database as `rm -rf /usr/share/doc/*` the docs.)
    heavy = held.heavy
    whole = path.removesuffix("/*")
    docs = (
        op.kind == REMOVE
        and (
            in_tree(path, heavy)
            or any(t.startswith(whole.rstrip("/") + "/") for t in heavy)
            # (`rm /usr/src/php.tar.xz*`: a glob that names a heavy file)
            or (is_glob(path) and any(fnmatch.fnmatchcase(t, path) for t in heavy))
            # (a system tree every distribution image fills, removed whole: `rm -rf /usr/bin
            # /usr/sbin` to leave the application alone; not /bin, a link where /usr is merged)
            or (bool(held.manager) and whole.rstrip("/") in _SYSTEM_TREES)
            # (dpkg's database removed whole: every package's file lists and checksums; not a
            # file inside it, `rm /var/lib/dpkg/lock*`, some of which are empty)
            or (held.manager == "apt" and whole.rstrip("/") == DPKG_DATABASE)
            # (dpkg's backup of its status file, by name: `rm /var/lib/dpkg/*-old`)
            or (held.manager == "apt" and _names_a_backup(whole, DPKG_DATABASE))
            # (rpm's database, whole or its package store, on Red Hat's family: `rm
            # /var/lib/rpm/rpmdb.sqlite` on UBI minimal)
            or (held.manager in ("yum", "microdnf") and whole.rstrip("/") in _RPM_DATABASE)
            # (apk's, on Alpine: `rm -rf /lib/apk/db/*` to strip a final image)
            or (held.manager == "apk" and whole.rstrip("/") in ("/lib/apk/db", "/lib/apk"))
            # (an application tree the base image fills, removed whole: `rm -rf *` in drupal's
            # /opt/drupal, its composer project; not a directory it ships empty, nor one of
            # configuration or state, mariadb's /etc/mysql, Jetty's base in /var/lib/jetty)
            or (
                whole.rstrip("/") in held.runtime
                and not in_tree(whole, held.empty)
                and not whole.startswith(("/etc/", "/var/"))
                and not _a_skeleton(whole, held)
            )
        )
        and not any(covers(g, whole) for g in gone)
        and not in_tree(whole, held.empty)  # (nor a directory the base ships empty)
        # (not an application's archive below such a tree, which its images do not hold: `rm
        # -fr webapps/app-1.0.war`, `rm -f webapps/*.war` on an old tomcat, whose webapps/
        # holds the default applications unpacked; a library's jar or a man page's .gz is)
        and not (_DEPLOYED.fullmatch(posixpath.basename(whole)) and whole not in heavy)
    )
    # A whole class (or a tree holding one), not a path inside it, is certain to hold the base's.
    # (So is debconf's backup of its database, by name: `rm /var/cache/debconf/*-old`.)
    whole_class = whole in heavy or not in_tree(whole, heavy) or _names_a_backup(whole, DEBCONF)
    # (So is one below a tree this RUN wrote above it, which adds and takes nothing away: s6's
    # overlay unpacked at /, `tar -C / -Jxpf -`, then `rm -fr /var/cache/*`.)
    certain = (
        docs
        and whole_class
        and all(
            # (a cache the RUN's installs filled there too: the Oracle Java installer's in
            # /var/cache, beside debconf's database; or what it wrote below the class, which
            # takes none of the base's away: `cd /var/cache && apt-get download libtool`)
            e.role in (INSTALL, CACHE)
            or (e.kind != FILE and inside(whole.rstrip("/"), e.path))
            or inside(e.path, whole.rstrip("/"))
            for e in made
        )
    )
    # A runtime tree of the base itself (`chown -R 1001:0 /opt/app-root` on s2i) holds the
    # base's files whatever this RUN made there (`python3.12 -m venv /opt/app-root`).
    # So does a wildcard over such a tree's entries (`chown -R app /opt/ruby/*/lib` on Oryx's
    # images: every Ruby the base installed, whatever a script beside it added).
    over = path.split("*", 1)[0].rstrip("/") if "*" in path else None
    runtime = (
        op.kind == CHOWN
        and recursive
        and op.tool != "fix-permissions"
        and any(t in (path, over) or t.startswith(path.rstrip("/") + "/") for t in held.runtime)
    )
    if hits:
        return hits
    if (
        op.kind == CHOWN
        and held.manager
        and posixpath.basename(path) == "*"
        and posixpath.dirname(path) in _PACKAGE_BIN_DIRS
    ):
        # (`chmod a+x /usr/bin/*` on ubuntu, whatever this RUN installed first: every
        # program a distribution image holds there)
        return [Hit(Entry(posixpath.dirname(path), TREE, HEAVY, None, BASE), path, False)]
    if op.kind == CHOWN and recursive and op.tool != "fix-permissions":
        # A file every image of the base holds is there whatever this RUN made or ran first,
        # unless a removal took it (`chown -R wodby /usr/local/etc/php-fpm.d` on php).
        held_files = [
            f
            for f in held.files
            if covers(path, f)
            and not any(covers(t, f) for t in (*taken, *gone))
            and not any(e.path == f for e in live)
            and not (inside(f, ALPINE_CRON_LINK) and not covers(ALPINE_CRON_LINK, path))
        ]
        if held_files:
            return [Hit(Entry(path, TREE, HEAVY, None, BASE), path, True)]
    if op.kind == CHOWN and is_glob(posixpath.basename(path)) and not op.blind:
        # (`chown jboss /opt/jboss/wildfly/standalone/deployments/*`: the files there that
        # every image of the base holds, less what was taken since, whatever else this RUN
        # made there: `echo x > /home/node/.npmrc && chown node /home/node/.*`)
        held_files = [
            f
            for f in held.files
            if posixpath.dirname(f) == posixpath.dirname(path)  # (no -R: the entries there)
            and shell_glob(posixpath.basename(f), posixpath.basename(path))  # (`*` skips .bashrc)
            and not any(covers(t, f) for t in taken)
            and not any(e.path == f for e in (*live, *own))
        ]
        if held_files:
            return [Hit(Entry(f, FILE, HEAVY, None, BASE), f, True) for f in held_files]
    # (a file every image of the base holds, moved after a program not modelled ran: its
    # bytes are the base's whatever that program did, `install-php-extensions xdebug && mv
    # php.ini-production php.ini`)
    held_moved = moves and op.blind and not made_here and path in held.files
    if (made_here or op.blind) and not (certain or runtime or held_moved):
        return hits
    if base is not None:
        if recursive:
            files, size = base.under(path)
        else:
            known = base.files.get(path)
            files, size = (1, known[0]) if known else (0, 0)
        return [Hit(Entry(path, TREE, EXACT, size, BASE), path, True, files)] if files else []
    # (fix-permissions, of Jupyter and s2i images, changes only what is not yet group-writable:
    # their base images ran it over their own trees, not over all they hold: Spark's.)
    filled = (
        op.kind == CHOWN
        and recursive
        and (op.tool != "fix-permissions" or not in_tree(path, held.fixed))
        and _filled(path, held)
        and not _made_by_build(path, held, live)
        # (not one an earlier layer removed: `rm -rf /home/ubuntu`, then `mkdir -p
        # /home/ubuntu && chown -R ubuntu /home/ubuntu`)
        and not any(covers(g, path) for g in gone)
    )
    if docs or filled:
        return [Hit(Entry(path, TREE, HEAVY, None, BASE), path, True)]
    if (
        path in held.files
        and (
            moves
            or op.kind == CHOWN
            or (op.kind == TOUCH and not any(covers(t, path) for t in taken))
        )
        and not any(e.path == path for e in live)
    ):
        # A file every image of the base holds, moved (`mv php.ini-production php.ini` on php,
        # `mv /etc/apt/sources.list /etc/apt/sources.list.bak` on Ubuntu's: its bytes are
        # written again) or copied up (a touch too: `touch /etc/crontabs/root` on Alpine's);
        # not removed, which frees a config file's few
        return [Hit(Entry(path, FILE, HEAVY, None, BASE), path, True)]
    if (
        op.kind == CHOWN
        and is_glob(path)
        and any(_same_file(path, f) for f in held.files)
        and not any(_same_file(path, e.path) for e in live)
        and not any(covers(g, path) for g in gone)
    ):
        # (and a pattern that takes such files: `chmod a+x /usr/local/tomcat/bin/*.sh`)
        return [Hit(Entry(path, FILE, HEAVY, None, BASE), path, True)]
    # (a file the move names, or a tree of weight: not a directory the base ships empty, tomcat's
    # webapps/ or logs/)
    in_runtime = (
        in_tree(path, held.runtime)
        and not op.blind
        and not is_glob(path)
        and not in_tree(path, held.empty)
        and (names_a_file(path) or in_tree(path, held.weighty))
    )
    # (a variable's file only where the base is not known here: a known one sets the variable
    # or, a distribution's own or a runtime's, leaves it unset: `FROM ubuntu:22.04`, where
    # `$PHP_INI_DIR/php.ini-production` is /php.ini-production)
    unknown_base = not held.distribution and not held.runtime
    by_variable = unknown_base and variable_file(path, {})
    if moves and (by_variable or in_runtime) and not any(e.path == path for e in live):
        # (one a base not known here holds, shown by the variable its Dockerfile set: `mv
        # "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"` on an image built on php's;
        # or one the move names inside a tree the base fills, there or the move fails: `mv
        # /usr/src/roundcubemail/composer.json-dist composer.json` on roundcube's)
        return [Hit(Entry(path, FILE, HEAVY, None, BASE), path, True)]
    if (
        moves
        and any(covers(path, f) and not f.startswith(_APT_SOURCES) for f in held.files)
        and not any(e.path == path for e in live)
    ):
        # (a directory holding such files, moved: `usermod -m -d /home/dev ubuntu` on 24.04)
        return [Hit(Entry(path, TREE, HEAVY, None, BASE), path, True)]
    program = (op.kind == CHOWN and _a_program(path, op)) or (moves and _a_bin_file(path, held))
    # (not a directory a copy listed files below: `COPY configs/pflogsumm /usr/local/bin/pflogsumm`
    # of a directory of the build context)
    if program and not any(e.path == path or inside(e.path, path) for e in live):
        # `setcap ... /usr/bin/gdb`, `chmod +x /docker-entrypoint.sh`, `mv /usr/bin/who
        # /usr/bin/who.orig`: the build fails unless the program is there; an install that
        # named it wrote it, or else the base image did.
        # (Not when this RUN installed packages first: `apt-get install iputils-ping && chmod
        # 4755 /bin/ping` changes what it installed.)
        installs = [e for e in own if e.role == INSTALL and e.family in DISTRIBUTION_MANAGERS]
        name = posixpath.basename(path)
        every = name in _BASE_PROGRAMS and (name not in _SCHEDULERS or held.manager != "apk")
        # (nor the program of a package of its name the base holds, which they leave; not
        # after a build this RUN installed, which may put it there: `./configure
        # --sbin-path=/usr/sbin/nginx && make install`)
        every = every or (
            all(_the_bases_program(name, held.packages, e.packages) for e in installs)
            and not any(e.role == INSTALL and e.family == "make" for e in own)
        )
        if installs and posixpath.dirname(path) in _PACKAGE_BIN_DIRS and not every:
            return []
        by = next(
            (e for e in reversed(live) if e.role == INSTALL and _provides(name, e.packages)), None
        )
        origin = by._replace(content=HEAVY) if by else Entry(path, FILE, HEAVY, None, BASE)
        return [Hit(origin, path, True)]
    if (
        op.kind == REMOVE
        and op.tool == "rm"
        and not _told_to_ignore(op.command)
        and _VERSIONED_ARTIFACT.fullmatch(posixpath.basename(path))
        and not any(e.path == path for e in live)
    ):
        # A library of one version, removed by name where the build fails unless it is there
        # (`rm $SPARK_HOME/jars/guava-14.0.1.jar`): the base image's file, and a jar holds bytes.
        return [Hit(Entry(path, FILE, HEAVY, None, BASE), path, True)]
    if (
        op.kind == REMOVE
        and op.tool == "rm"
        and _NAMED_JARS.fullmatch(posixpath.basename(path))
        and posixpath.basename(posixpath.dirname(path)) in _JAR_DIRS
        and in_tree(path, held.runtime)
        and not in_tree(posixpath.dirname(path), held.empty)
        and not any(covers(path, e.path) for e in live)
    ):
        # (and a family of them a name starts, in the library directory of the runtime tree a
        # well-known image holds: `rm -fr $FLINK_HOME/lib/flink-table*jar` on apache/flink,
        # whose lib/ holds them; not where a layer of this file put such jars)
        return [Hit(Entry(path, FILE, HEAVY, None, BASE), path, True)]
    return []


def _a_link(path: str, op: Op) -> bool:
    """`path`, which `op`, a hard link's `ln`, links, is a symbolic link it links as it is (not
    told `-L`, to follow it): Debian's alternatives and compatibility names, the shell, the
    python images' python3 and python."""
    words = op.command.split()
    if "-L" in words or "--logical" in words:
        return False
    return path in _APT_LINKS or path in _DEBIAN_LINKS or path in _KNOWN_LINKS


# (/bin/sh is dash's or busybox's link; the python images link python3 to python3.x)
_KNOWN_LINKS = frozenset(
    {"/bin/sh", "/usr/bin/sh", "/usr/local/bin/python3", "/usr/local/bin/python"}
    | {"/usr/local/bin/pydoc3", "/usr/local/bin/idle3", "/usr/local/bin/python3-config"}
)


def _provides(program: str, packages: tuple[str, ...]) -> bool:
    """One of `packages` is the program's by its name, or ends with the program's name less
    its version (`pip3` of `python3-pip`)."""
    stem = program.rstrip("0123456789.")
    return program in packages or any(stem and p.endswith("-" + stem) for p in packages)


# A Java or Python library's file of one version: `guava-14.0.1.jar`, `x-1.2-py3-none-any.whl`
# (not a web application's archive, which the author's earlier builds may have left or not)
_VERSIONED_ARTIFACT = re.compile(r"[\w.+-]+?-v?\d+(?:\.\d+)+[\w.+-]*\.(?:jar|whl)")
# Jars by a name's start (`flink-table*jar`, `log4j-*.jar`), not any jar (`*.jar`)
_NAMED_JARS = re.compile(r"[\w.+-]+\*[\w.+*-]*\.?jar")
# The directories a distribution keeps its own jars in (Spark's jars/, Flink's and Tomcat's
# lib/, Flink's opt/): not those its users fill (Flink's usrlib/, Keycloak's providers/)
_JAR_DIRS = frozenset({"lib", "jars", "libs", "opt"})


def _told_to_ignore(command: str) -> bool:
    """`rm -f` or `rm -rf`: a missing file is no error."""
    return forced(command.split()[1:])


def _rm_flags(command: str) -> tuple[list[str], str]:
    """An rm's words after its name, and the letters of its short options run together."""
    words = command.split()[1:]
    return words, "".join(w[1:] for w in words if w.startswith("-") and not w.startswith("--"))


# A shared library's development or soname link (`libPocoFoundation.so`, `libtinfo.so.6`)
# in a library directory: a package or prefix installs it as a link to the versioned file.
_LIBRARY_LINK = re.compile(r"lib[^/*?\[]*\.so(?:\.\d+)?")
_LIBRARY_DIRS = re.compile(r".*/lib(?:32|64)?(?:/\w+-linux-gnu\w*)?")


# A virtual environment's interpreters (venv, virtualenv, uv): links to the Python that made it.
_ENVIRONMENT_PYTHON = re.compile(r".*/\.?venv/bin/python(?:3(?:\.\d+)?)?")
_PACKAGED_CACERTS = re.compile(r".*/jvm/java-[^/]*openjdk[^/]*/(?:jre/)?lib/security/cacerts")


# An application deployed as an archive (a web or enterprise application), or a pattern of one.
_DEPLOYED = re.compile(r".*\.(?:war|ear)\*?")


# Standard directories an image keeps empty but for dotfiles (a home's): what lies below one, a
# copy from the build context wrote
_KEPT_EMPTY = frozenset({"/root", "/srv", "/opt", "/home", "/tmp", "/var/tmp", "/mnt", "/media"})


def _a_known_link(path: str) -> bool:
    """`path` names what installs make as a symbolic link: a library's link, not its versioned
    file, in a system's or a prefix's lib directory (not a Python package's own
    `torch/lib/libtorch.so`, a real file), or a virtual environment's `bin/python3`, or the
    trust store of a distribution's OpenJDK package (a link to /etc/ssl/certs/java/cacerts, or
    /etc/pki/java/cacerts: not a tarball's `jdk-17.0.2`, nor Temurin's /opt/java/openjdk)."""
    parent, name = posixpath.split(path)
    return bool(_ENVIRONMENT_PYTHON.fullmatch(path) or _PACKAGED_CACERTS.fullmatch(path)) or (
        bool(_LIBRARY_LINK.fullmatch(name))
        and bool(_LIBRARY_DIRS.fullmatch(parent))
        and not any(p in parent for p in ("-packages/", "node_modules/"))
    )


def _the_base_s(path: str, entry: Entry, held: Known) -> bool:
    """`path` names files every image of the base holds, of a program the install `entry` does
    not name: the base's, not what the install wrote (nginx's default pages, or python3's
    marker where the base holds python3)."""
    if entry.family not in DISTRIBUTION_MANAGERS or "$" in "".join(entry.packages):
        return False
    if _a_dependency_s(path, entry, held):
        return True
    if is_glob(path):
        files = [f for f in held.files if f == path or fnmatch.fnmatchcase(f, path)]
    else:
        # (or the directory holding them, `rm -rf /usr/share/nginx/html` after `apt-get install
        # git` on nginx's image)
        files = (
            [path]
            if path in held.files
            else list(_by_directory(held.files).get(path.rstrip("/"), ()))
        )
    return bool(files) and not any(_names_a_package(f, entry.packages) for f in files)


@functools.lru_cache(maxsize=256)  # (asked per entry and path; the bases are few)
def _by_directory(files: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`files` by the directory each lies right in."""
    found: dict[str, list[str]] = {}
    for f in files:
        found.setdefault(posixpath.dirname(f), []).append(f)
    return {d: tuple(fs) for d, fs in found.items()}


def _glob_inside(path: str, tree: str) -> bool:
    """The wildcard `path` names what lies below `tree` (`/software/bowtie2*/bowtie2*` below
    `/software/bowtie2-2.3.4.3-linux-x86_64`)."""
    parent = posixpath.dirname(path)
    while is_glob(parent) and parent != "/":
        if fnmatch.fnmatchcase(tree, parent):
            return True
        parent = posixpath.dirname(parent)
    return False


def _redone(vendor: str, live: list[Entry], copied_dirs: tuple[tuple[str, int], ...] = ()) -> bool:
    """An earlier layer filled the project's `vendor` directory, and no later COPY named
    another composer.json or composer.lock for the project (whose packages an install then
    fetches)."""
    filled = [e.layer for e in live if e.path == vendor]
    project = posixpath.dirname(vendor)
    manifests = (f"{project}/composer.json", f"{project}/composer.lock")
    # (not a tree copied over it, `COPY . .`, which most often brings the same lock again,
    # whether the build context lists its files or not)
    trees = {i for into, i in copied_dirs if project == into or inside(project, into)}
    return bool(filled) and not any(
        e.copied and e.layer > max(filled) and e.layer not in trees and e.path in manifests
        for e in live
    )


def _shown_a_directory(path: str, live: list[Entry], own: list[Entry]) -> bool:
    """A layer showed `path` to be a directory: it wrote one there, or something below it, and
    no file there."""
    entries = (*live, *own)
    there = [e for e in entries if e.path == path]
    below = any(inside(e.path, path) for e in entries)
    return (below or any(e.kind in (TREE, DIR) for e in there)) and all(
        e.kind in (TREE, DIR) for e in there
    )


def _the_bases_dir(path: str, held: Known) -> bool:
    """`path`, a directory right in /, may be the base image's, not what an archive unpacked at
    / brought (`tar -xzf ascent.tar.gz` at /, then `chmod -R a+rwX /ascent`): a system's
    (/lib64, /boot) or one the base is known to fill or work in."""
    path = path.rstrip("/")
    filled = {*held.trees, *held.empty, *held.runtime, *(h for _, h in held.homes), held.workdir}
    return path in _SYSTEM_TOPS or any(covers(path, d) or covers(d, path) for d in filled if d)


# The directories right in / of every Linux image that STANDARD_DIRS does not name
_SYSTEM_TOPS = frozenset(
    {"/lib", "/lib32", "/lib64", "/libx32", "/boot", "/dev", "/proc", "/sys", "/snap", "/nix"}
)


def _a_library_package(path: str, entry: Entry) -> bool:
    """`path` is one package's directory in the library a language manager's install filled
    (`mv site-packages/tensorflow site-packages/tensorflow-CPU-cached` after pip installed
    tensorflow-cpu; node_modules/@prisma/client, a scoped package's; `tensorflow*`, what a
    name starts): a package there holds its files, never an empty directory. Not a dot-name
    (`node_modules/.bin`, links), nor pnpm's node_modules, whose packages are links too."""
    libraries = _LIBRARIES_OF.get(entry.family)
    parent, name = posixpath.split(path)
    if posixpath.basename(parent).startswith("@"):  # (a scope's: `@prisma/client`)
        parent = posixpath.dirname(parent)
    return (
        entry.role == INSTALL
        and libraries is not None
        and covers(entry.path, path)
        and posixpath.basename(parent) in libraries
        and not name.startswith((".", "*", "?", "["))
    )


# The directories a language manager installs each package into, one directory a package
_LIBRARIES_OF = {
    **dict.fromkeys(("pip", "uv", "poetry", "conda"), ("site-packages", "dist-packages")),
    **dict.fromkeys(("npm", "yarn"), ("node_modules",)),
}


def _named_top(path: str, entry: Entry, live: list[Entry]) -> bool:
    """`path` is the top directory of the archive unpacked as `entry` (the top its name gave),
    named as the archive is less the platform its name adds: `tar xf
    gcc-arm-none-eabi-10-2020-q4-major-x86_64-linux.tar.bz2`, then `rm -rf
    gcc-arm-none-eabi-10-2020-q4-major`."""
    if entry.kind != EITHER or entry.role or entry.copied or is_glob(path):
        return False
    parent, top, name = posixpath.dirname(entry.path), posixpath.basename(entry.path), ""
    if posixpath.dirname(path) == parent:
        name = posixpath.basename(path)
    return (
        bool(name)
        and top.startswith(name)
        and _PLATFORM_SUFFIX.fullmatch(top[len(name) :]) is not None
        and any(e.unpacked and e.layer == entry.layer and e.path == parent for e in live)
        # (and a later copy read from it, which fails unless it is there: `cp -r
        # gcc-arm-none-eabi-10-2020-q4-major/* /usr/local`; the top may keep the platform,
        # node_exporter-1.7.0.linux-amd64)
        and any(covers(path, r) for e in live if e.layer > entry.layer for r in e.read)
    )


# What an archive's name adds to its top directory's: the platform it was built for
_PLATFORM_SUFFIX = re.compile(
    r"(?:[-_.](?:linux|x86[_-]64|x64|amd64|aarch64|arm64|armhf|armv7l?|i[36]86|gnu|musl"
    r"|static|portable|bin))+",
    re.IGNORECASE,
)


def _a_top(path: str, entry: Entry, live: list[Entry]) -> bool:
    """`path` is an entry of the archive unpacked into `entry`, which a `mv` naming it shows is
    there: below it (`mv rasp-*/rasp /opt/`), not a standard directory, and nothing else known
    to be there (`WORKDIR /app`, then `tar -xzf`). A directory for what the program will write
    (`data`, `logs`) is often shipped empty."""
    top = entry.path.rstrip("/") or "/"
    below = path[len(entry.path.rstrip("/")) + 1 :].split("/")
    return (
        entry.unpacked
        and inside(path, entry.path)
        and path not in STANDARD_DIRS
        # (in a user's directory a mkdir of an earlier layer made, below where it was
        # unpacked: the user's, not the archive's, `tar -xzf` at / then `mv
        # $HOME/lib/sratoolkit* ...`; a rootfs archive fills /opt, not a home)
        and not any(
            e.kind == DIR
            and e.layer < entry.layer
            and e.path == posixpath.dirname(path) != top
            and e.path.startswith(("/home/", "/root/"))
            for e in live
        )
        and not _STATE_DIRS & set(below)
        and not any(e.path == path for e in live)
    )


# The trees below /usr that every distribution image fills, whatever its packages.
_SYSTEM_TREES = frozenset({"/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/libexec"})
# dpkg's database: its status and every package's file lists and checksums (megabytes).
DPKG_DATABASE = "/var/lib/dpkg"
# The backups debconf and dpkg keep of their databases, which every image of Debian's family
# holds: the previous templates (hundreds of KB), configuration and package status.
_BACKUPS = {
    DEBCONF: ("templates.dat-old", "config.dat-old"),
    DPKG_DATABASE: ("status-old",),
}


def _names_a_backup(path: str, database: str) -> bool:
    """`path` names a backup of `database` (`/var/cache/debconf/*-old`)."""
    return posixpath.dirname(path) == database and any(
        fnmatch.fnmatchcase(b, posixpath.basename(path)) for b in _BACKUPS[database]
    )


# rpm's database, and the files of it that hold every package's headers (megabytes): sqlite
# since RHEL 9, Berkeley DB's Packages before
_RPM_DATABASE = frozenset({"/var/lib/rpm", "/var/lib/rpm/rpmdb.sqlite", "/var/lib/rpm/Packages"})
# Where distribution packages put programs (never /usr/local).
_PACKAGE_BIN_DIRS = frozenset({"/bin", "/sbin", "/usr/bin", "/usr/sbin"})
# util-linux's and coreutils' scheduling tools (`setcap cap_sys_nice+ep /usr/bin/chrt`): every
# Debian, Ubuntu and RHEL image's, not Alpine's (util-linux-misc brings them there)
_SCHEDULERS = frozenset({"chrt", "renice", "taskset", "ionice", "nice", "setpriv", "nsenter"})
# Programs every distribution image holds, which setuid hardening changes (`chmod u-s /bin/su`
# after an install in the same RUN changes the base's).
_BASE_PROGRAMS = frozenset(
    {"su", "passwd", "mount", "umount", "chsh", "chfn", "newgrp", "gpasswd", "chage", "expiry"}
    | {"unix_chkpwd", "busybox", "sg", "wall"}
    | _SCHEDULERS
)


def _not_installed(path: str, entry: Entry, held_packages: frozenset[str] | None = None) -> bool:
    """`path` is not what the distribution packages `entry` installed: below /usr/local, where
    a distribution's own never install (a vendor's `kong.rpm` does, under its name), a program
    every image of the distribution holds (`/bin/su`), or the program of a package of its name
    the base holds, which an install of others leaves (`apk add libcap && setcap ...
    /usr/sbin/nginx` on nginx's image)."""
    if entry.role != INSTALL or entry.family not in DISTRIBUTION_MANAGERS:
        return False
    if path.startswith("/usr/local/"):
        return not _names_a_program(path, entry.packages)
    if posixpath.dirname(path) not in _PACKAGE_BIN_DIRS:
        return False
    name = posixpath.basename(path)
    return name in _BASE_PROGRAMS or _the_bases_program(name, held_packages, entry.packages)


def _the_bases_program(
    name: str, held_packages: frozenset[str] | None, installed: tuple[str, ...]
) -> bool:
    """The program `name` is of the package of its name the base holds, which an install of
    `installed`, not naming it, leaves as it was."""
    return name in (held_packages or ()) and name not in installed


def _read_here(path: str, own: list[Entry], held: Known) -> bool:
    """`path` covers a tree a cp of this RUN copied from, which cp fails unless it is there
    (`COPY rootfs/ /`, then `cp -r /opt/with-docs/* / && rm -rf /opt/with-docs`); not one the
    base holds there too (`cp -r /etc/skel/. /home/app/`), which says nothing of a copy."""
    return any(covers(path, r) for e in own for r in e.read) and not (
        any(covers(path, f) for f in held.files) or in_tree(path, held.trees)
    )


def _read_from(op: Op) -> tuple[str, ...]:
    """The trees a cp copied from (the directory above a wildcard: `/opt/with-docs` of `cp -r
    /opt/with-docs/* /`), which were there before it and which its copy does not make."""
    if op.tool != "cp":
        return ()
    trees = (s.split("*", 1)[0].rsplit("/", 1)[0] if is_glob(s) else s for s in op.sources)
    return tuple(t for t in trees if t.strip("/") and t not in STANDARD_DIRS)


def _sources_below(path: str, entry: Entry) -> bool:
    """`path` names a project's sources or tests right inside the tree a program this RUN ran
    may have written in, `entry` (`npm test && rm -rf test` after `COPY . .`): no build makes
    such a directory, so it is what the project's copy holds."""
    return (
        entry.kind == TREE
        and entry.content == UNKNOWN
        and not (entry.role or entry.copied or entry.unpacked)
        and entry.family in ("", *_BUILT)
        and posixpath.dirname(path.rstrip("/")) == entry.path.rstrip("/")
        and posixpath.basename(path.rstrip("/")) in _SOURCE_DIRS
    )


_SOURCE_DIRS = frozenset(
    {"src", "test", "tests", "spec", "__tests__", "examples", ".git", ".github"}
)


def _unpacked_here(path: str, entry: Entry, live: list[Entry]) -> bool:
    """`path` is a directory right below where an earlier layer unpacked an archive, and the
    distribution packages `entry` installed name it not (`ADD appdynamics.tar /usr/share`,
    then `apt-get install -y tomcat7 && chown -R tomcat7 /usr/share/appdynamics`): the
    archive's, not the install's."""
    if entry.role != INSTALL or entry.family not in DISTRIBUTION_MANAGERS:
        return False
    parent, _, name = path.rstrip("/").rpartition("/")
    return (
        not is_glob(name)
        and not _names_a_package(path, entry.packages)
        and name.lower() not in (p.lower() for p in entry.packages)
        and any(e.unpacked and e.path == parent and e.layer < entry.layer for e in live)
    )


_STATE_DIRS = frozenset(
    {"data", "logs", "log", "tmp", "temp", "run", "work", "cache", "var", "plugins"}
)
# Of those, the ones a release ships empty (Tomcat's logs/, temp/ and work/)
_SHIPPED_EMPTY = frozenset({"logs", "log", "tmp", "temp", "work"})
# A project's directories for what it writes when it runs, which repositories ignore but for
# a placeholder (Rails' log/ and tmp/, with their .keep)
_RUNTIME_DIRS = _SHIPPED_EMPTY - {"temp", "work"}


def _left_out_of_checkouts(path: str, entry: Entry) -> bool:
    """`path` is in a log or tmp directory right below where a COPY put the build context
    (`COPY . .`, then `rm -rf log/* tmp/*`): a checkout holds nothing there but a placeholder."""
    if not entry.copied or entry.staged or entry.kind == FILE:
        return False
    rel = posixpath.relpath(path, entry.path)
    return rel.split("/", 1)[0] in _RUNTIME_DIRS


# The empty files that keep a directory in a repository or an archive (`.gitkeep`, Omeka's
# `errors.log.empty`): a tree's file by one of these names holds no bytes.
_PLACEHOLDER = re.compile(r"\.(?:gitkeep|keep)|.*\.empty")
# s6's marker that a service starts down, in a service directory of s6-overlay or s6-rc
_S6_DOWN = re.compile(rf"/etc/{SERVICE_DIRS}/[^/]+/down")


def _named(path: str, op: Op, hits: list[Hit]) -> list[str]:
    """How a message names what `op` reached through `path`: the path, or for a find the
    files it selected and `/app/**/.git` for what it selects in a tree of unknown listing."""
    if op.only is None:
        return [path]
    if op.only == SETUID_PROGRAMS:  # (the programs every Debian or RHEL image has setuid)
        return [f"/usr/bin/{n}" for n in SETUID_PROGRAMS[:6]]
    files = {h.path for h in hits if h.whole}
    some = [posixpath.join(path, "**", n) for n in op.only] or [path]
    return [*sorted(files), *(some if len(files) < len(hits) else [])]


def _found(path: str, op: Op, live: list[Entry], own: list[Entry], held: Known) -> list[Hit]:
    """What `find PATH -name X -delete` (or `-exec chmod`) reaches: the files it selects among
    those an earlier layer is known to have written, or some of a tree whose listing is unknown.
    Nothing of the base image: a name or an age says nothing of what it holds. A find that
    selects the setuid programs reaches the base's, which every image of Debian's or RHEL's
    family holds (su, passwd, mount), and what installs put there; no copied tree keeps them."""
    if op.only == SETUID_PROGRAMS:
        if not covers(path, "/usr/bin"):
            return []
        by = next((e for e in reversed(live) if e.role == INSTALL and "sudo" in e.packages), None)
        if by is not None:
            return [Hit(by._replace(content=HEAVY), path, False)]
        # (a base not known here is of those families when the stage installs by their
        # managers, and by no other: `apt-get install` on apache/superset, not in the branch
        # of an `if` whose other installs by apk)
        installs = {e.family for e in live if e.role == INSTALL}
        shown = installs & {"apt", "yum"} and not installs & {"apk", "pacman"}
        if held.manager in ("apt", "yum") or shown:
            return [Hit(Entry("/usr/bin", TREE, HEAVY, None, BASE), path, False)]
        return []
    if op.blind or any(covers(e.path, path) for e in own):
        return []
    # (a release archive holds no repository's metadata: GitHub's tarballs and `git archive`
    # leave .git out; unless a clone was moved there)
    vcs = set(op.only or ("",)) <= _VCS_DIRS and not any(e.family == "git" for e in live)
    hits = []
    for entry in live:
        if entry.role == INSTALL or not entry.weighs:
            continue
        if vcs and _unpacked_with(entry, live):
            continue  # (what an archive unpacked, its top directory too)
        if entry.kind == FILE and _selected(entry, op, path):
            hits.append(Hit(entry, entry.path, True))
        elif (
            entry.kind != FILE
            and (covers(path, entry.path) or inside(path, entry.path))
            and not _swept_before(entry, op, live)
        ):
            hits.append(Hit(entry, path, False))
    return hits


def _swept(entries: list[Entry], op: Op) -> list[Entry]:
    """`entries`, each tree at or below a root of `op`'s find noting the names it took from
    all of it (`python -m venv /opt/venv && find / -name __pycache__ -exec rm -rf {} +`: a
    later find of __pycache__ takes nothing of that tree again); not a find that leaves some
    paths out (`-not -path`)."""
    words = op.command.split()
    if not op.only or set(words) & _FIND_EXCLUSIONS or "-maxdepth" in words:
        return entries
    if "-mindepth" in words and words[words.index("-mindepth") + 1 :][:1] not in (["0"], ["1"]):
        return entries  # (`-mindepth 1` leaves out the root alone)
    out = entries
    for at, e in enumerate(entries):
        # (from at or above the tree, or inside it: `find /usr/local/bundle/gems -name '*.c'
        # -delete` after `bundle install` filled /usr/local/bundle)
        roots = [
            r for r in op.paths if e.kind in (TREE, EITHER) and path_overlaps(r, e.path)
        ]  # fmt: skip
        if roots:
            took = tuple(f"{r.rstrip('/')}/**/{n}" for r in roots for n in op.only)
            out = out if out is not entries else list(entries)
            out[at] = e._replace(cleared=e.cleared + took)
    return out


def _unswept(entries: list[Entry], written: tuple[str, ...]) -> list[Entry]:
    """`entries`, the trees a write reached inside no longer noting what a find took from them
    (`find / -name __pycache__ -exec rm -rf {} + && /opt/venv/bin/pip install flask`: pip
    compiled new ones)."""
    out = entries
    for at, e in enumerate(entries):
        swept = [c for c in e.cleared if "/**/" in c and "/" not in c.rpartition("/**/")[2]]
        if swept and any(path_overlaps(e.path, w) for w in written):
            out = out if out is not entries else list(entries)
            out[at] = e._replace(cleared=tuple(c for c in e.cleared if c not in swept))
    return out


def _swept_before(entry: Entry, op: Op, live: list[Entry]) -> bool:
    """An earlier find from at or above the tree took every name `op`'s find selects, and what
    a later layer wrote there (`pip install` into the venv, or its trees: /opt) was not left
    unswept."""
    names = op.only or ()
    if not names or not _marked(entry, names, op.paths):
        return False
    return not any(
        e.layer > entry.layer and not _marked(e, names, op.paths) and _may_hold(e, entry, names)
        for e in live
    )


# The managers whose installs write Python's compiled files wherever their interpreter's
# environment is (a venv's pip among them)
_PYTHON_MANAGERS = frozenset({"pip", "uv", "poetry", "pipenv", "conda", "pdm"})


def _may_hold(later: Entry, tree: Entry, names: tuple[str, ...]) -> bool:
    """A later write may have put files of `names` in `tree`: a tree of content inside it, a
    file of such a name, or a Python manager's install where its trees meet (`/opt/venv/bin/pip
    install` writes into the venv); not a directory made, a link, another file, nor another
    manager's install (apt's /opt)."""
    if later.role == INSTALL:
        return later.family in _PYTHON_MANAGERS and path_overlaps(later.path, tree.path)
    if not (later.path == tree.path or inside(later.path, tree.path)):
        return False
    if later.kind in (TREE, EITHER) and later.content != EMPTY:
        return True
    name = posixpath.basename(later.path)
    return any(fnmatch.fnmatchcase(name, n) for n in names)


def _marked(entry: Entry, names: tuple[str, ...], roots: tuple[str, ...] = ()) -> bool:
    """A find from at or above `entry` took each of `names` from all of it, or from all that
    lies below `roots` (a later find's)."""

    def took(c: str, n: str) -> bool:
        root = c[: -len("/**/" + n)] or "/"
        return covers(root, entry.path) or (bool(roots) and all(covers(root, r) for r in roots))

    return all(any(c.endswith("/**/" + n) and took(c, n) for c in entry.cleared) for n in names)


def _selected(entry: Entry, op: Op, root: str | None = None) -> bool:
    """A file entry that `op`'s find selects: below one of its roots, with a name it matches
    (a find that selects by age or size is never known to select a given file); or a cache of
    one kind of file, all of whose files it selects."""
    if not op.only:
        return False
    if entry.role == CACHE and entry.family in _CACHE_FILES:
        # (a cache of one kind of file, gem's .gem files: `find $GEM_HOME/cache -name '*.gem'
        # -delete` empties it; not one that leaves some out, `-not -path '*/cache/*'`)
        if set(op.command.split()) & _FIND_EXCLUSIONS:
            return False
        name = _CACHE_FILES[entry.family]
        return any(covers(top, entry.path) for top in ((root,) if root else op.paths)) and any(
            fnmatch.fnmatchcase(name, pattern) for pattern in op.only
        )
    if entry.kind != FILE:
        return False
    for top in (root,) if root else op.paths:
        if entry.path != top and covers(top, entry.path):
            below = entry.path[len(top.rstrip("/")) + 1 :].split("/")
            if any(fnmatch.fnmatchcase(part, name) for part in below for name in op.only):
                return True
    return False


# Version control's metadata directories
_VCS_DIRS = frozenset({".git", ".svn", ".hg", ".bzr", "CVS"})
# The one kind of file a cache holds, by its manager: a name such a file has, for a find's
# name patterns to match
_CACHE_FILES = {"gem": "rails-7.1.0.gem"}
_FIND_EXCLUSIONS = frozenset({"-not", "!", "-prune", "\\!"})


# A script by its name's extension
_SCRIPT_NAME = re.compile(r"\.(?:sh|bash|py|pl|rb)$")
# The words of a script's name that say it fetches or builds files (`download-deconz.sh`,
# `setup.py`, `update-geoip.sh`), and those that say it only checks or cleans (`check_deps.py`,
# `uninstall.sh`)
_FETCHING = frozenset(
    {"download", "dl", "fetch", "get", "install", "setup", "build", "bootstrap", "prepare"}
    | {"pull", "deps", "dependencies", "update", "package", "sync", "vendor", "compile", "make"}
)
_CHECKING = frozenset(
    {"check", "verify", "test", "tests", "lint", "uninstall", "clean", "cleanup", "version"}
    | {"health", "healthcheck", "env", "print", "show", "list"}
)


def _ran_a_script(run: RunEffects) -> bool:
    """The RUN ran a script the build brought whose name says it fetches or builds
    (`/download-deconz.sh`, `bash ./fetch-deps.sh`, `python setup.py bdist_wheel`), which may
    have written any file; not a program of the system's (`java -version`, `a2enmod`), nor a
    script that checks, cleans or prints (`bash -n entrypoint.sh`, `healthcheck.sh`)."""
    for op in run.ops:
        if op.kind != EXEC or op.role == CLEANUP:
            continue
        words = op.command.split()
        interpreted = posixpath.basename(op.tool) in (*SHELLS, *INTERPRETERS)
        at = next((i for i, w in enumerate(words[1:], 1) if not w.startswith("-")), len(words))
        if interpreted and "-n" in words[1:at]:
            continue  # (a shell's syntax check runs nothing; not the script's own -n)
        script = (words[at] if at < len(words) else "") if interpreted else op.tool
        name = posixpath.basename(script).lower()
        parts = set(re.split(r"[-_.]", name))
        if _SCRIPT_NAME.search(name) and parts & _FETCHING and not parts & _CHECKING:
            return True
    return False


def _fixed(entries: list[Entry], op: Op) -> list[Entry]:
    """`entries` after fix-permissions over `op.paths`: those below them are fixed, and in a
    tree above one (`curl ... | tar xz` in /opt, `fix-permissions /opt/IHaskell`) what lies
    below it."""
    fixed = []
    for e in entries:
        if any(covers(p, e.path) for p in op.paths):
            e = e._replace(fixed=True)
        elif e.kind == TREE and (below := tuple(p for p in op.paths if inside(p, e.path))):
            e = e._replace(fixed_below=e.fixed_below + below)
        fixed.append(e)
    return fixed


def _unfixes(op: Op, held: Known) -> bool:
    """A chown, chgrp or chmod that undoes what fix-permissions set: another group than the
    one it gives (Jupyter's users, s2i's root; either where the image is not known), or a mode
    without the group's write (`chown -R root:root`, `chmod -R 755`)."""
    s2i = any(t.startswith("/opt/app-root") for t in held.fixed)
    jupyter = bool(held.fixed) and not s2i
    kept = (() if s2i else ("users", "100")) + (() if jupyter else ("root", "0"))
    for key, value in op.sets:
        # (`chown -R jovyan: DIR` gives the user's login group, jovyan's users: not known as
        # another)
        if key == "group" and value and value not in kept:
            return True
        # (from what it gives a file, group read and write)
        if key == "mode" and (mode := _moded(0o664, value)) is not None and not mode & 0o020:
            return True
    return False


def _unfixed(entries: list[Entry], op: Op) -> list[Entry]:
    """`entries` after `op` undid fix-permissions' work over its paths."""
    changed = []
    for e in entries:
        # (not a tree's by its top's own entry alone: `chown root /opt/kernel`)
        alone = e.kind != TREE
        if any(covers(p, e.path) and (op.recursive or (p == e.path and alone)) for p in op.paths):
            e = e._replace(fixed=False, fixed_below=())
        elif e.fixed_below and op.recursive:
            kept = tuple(f for f in e.fixed_below if not any(covers(p, f) for p in op.paths))
            e = e._replace(fixed_below=kept)
        changed.append(e)
    return changed


def _unnamed_taken(own: list[Entry], removals: tuple[str, ...]) -> list[Entry]:
    """`own` less a download of a name the RUN does not show (`wget $CMAKE_URL`) that a
    wildcard in its directory removes after it (`rm -rf cmake-*.sh`): what it names is what
    was fetched there."""
    globs = {posixpath.dirname(r) for r in removals if is_glob(posixpath.basename(r))}
    if not globs:
        return own
    return [
        e
        for e in own
        if not (posixpath.basename(e.path) == "*" and posixpath.dirname(e.path) in globs)
    ]


def _kept(entries: list[Entry], removals: tuple[str, ...]) -> list[Entry]:
    """The entries a removal of `removals` leaves (the corpus removes often: kept cheap)."""
    if not removals or not entries:
        return entries
    # `dir/*` removes what `dir` was written as and what lies below it but dotfiles, as the
    # shell globs; other wildcards take the slow road.
    stars = {r[:-2] for r in removals if r.endswith("/*") and not is_glob(r[:-2])}
    plain = [r for r in removals if r[:-2] not in stars or not r.endswith("/*")]
    if "/" in plain or any(is_glob(r) for r in plain):
        return [e for e in entries if not any(covers(r, e.path) for r in removals)]
    exact = set(plain) | stars
    below = tuple(r.rstrip("/") + "/" for r in plain)
    return [
        e
        for e in entries
        # (a directory made where nothing was stays so: `git clone URL d && mv d/* data/`
        # leaves d, and its .git, this RUN's own)
        if (e.path not in exact or (e.fresh and e.path not in plain))
        and not e.path.startswith(below)
        and not _under_star(e.path, stars)
    ]


def _under_star(path: str, stars: set[str]) -> bool:
    """`path` lies below one of `stars` and `star/*` reaches it (no leading dot on the way)."""
    head, _, name = path.rpartition("/")
    while head:
        if head in stars and not name.startswith("."):
            return True
        head, _, name = head.rpartition("/")
    return "" in stars and not name.startswith(".")


def _jupyter_or_s2i(held: Known, env: Mapping[str, str], earlier: str = "") -> bool:
    """The fix-permissions that runs may be Jupyter's or s2i's, which change only what is not
    group-writable yet: the base is one of theirs, or not known (`FROM $BASE_CONTAINER`, a
    distribution's), or the build is Jupyter's (its NB_GID), or copied Jupyter's script in from
    its context (`COPY fix-permissions /usr/local/bin/`, on nvidia/cuda). On another runtime's
    image it is a script of the build's own (Lagoon's, from its commons image), which changes
    every file each time."""
    return (
        bool(held.fixed)
        or not held.runtime
        or "NB_GID" in env
        or _COPIES_FIX_PERMISSIONS.search(earlier) is not None
    )


# (from the build context: not Lagoon's, `COPY --from=lagoon/commons /bin/fix-permissions`)
_COPIES_FIX_PERMISSIONS = re.compile(
    r"(?im)^\s*(?:COPY|ADD)\b(?![^\n]*--from)[^\n]*[\s/]fix-permissions(?=[\s\"]|$)"
)


def _without_removed(change: Change, removed: tuple[str, ...]) -> Change:
    return _without_hits(change, lambda h: any(_took(r, h, removed) for r in removed))


# An apt install that names nginx (or one of its packages)
_NGINX_INSTALLED = re.compile(r"\binstall\b[^;&|\n]*\bnginx")
# npm's prune of the devDependencies (`--production`, npm 7's `--omit=dev`)
_PRUNES_DEV = re.compile(r"--production\b|--omit[= ]dev\b")
# What repositories leave out of their commits (their .gitignore): what installs and runs make.
_UNTRACKED = frozenset({"node_modules", "__pycache__"})


def _without_rewritten(
    change: Change, written: tuple[str, ...], live: Sequence[Entry], held: Known
) -> Change:
    """`change` less a chown's or touch's hits on the very files `written` names (not on trees
    around them): the file is in the layer whole anyway. Not a removal's: `rm f && mv f.new f`
    is the GUIDE's any removal, the old bytes ship below the new."""
    # (a glob names each file it matches: `chmod +x /opt/*.sh && dos2unix /opt/*.sh` rewrites
    # the /opt/update.sh a COPY wrote)
    globs = [w for w in written if is_glob(w)]

    def named(path: str) -> bool:
        return path in written or any(_globbed(path, g) for g in globs)

    # (and a file of a tree changed by name: `chmod u+w /etc/sudoers && echo ... >>
    # /etc/sudoers` after an install, `chmod +x $HADOOP_HOME/sbin/start-dfs.sh && sed -i ...
    # $HADOOP_HOME/sbin/*-dfs.sh` in an unpacked release; not what a chmod -R changed, whose
    # paths are directories an editor's glob does not rewrite, unless known files)
    if _RECURSIVE.search(change.command):
        # (`chown -R app /etc/ssh/sshd_config && sed -i ... /etc/ssh/sshd_config`: a file
        # named as written, which no editor could be given as a directory)
        return _without_hits(
            change,
            lambda h: (
                (h.entry.kind == FILE and named(h.entry.path) and named(h.path))
                or h.path in written
            ),
        )
    # (a file a wildcard changed, written again by its name or another wildcard: `chmod +x
    # scripts/* && sed -i ... scripts/*.sh` where the build context holds only .sh files; not
    # where the wildcard reaches what another layer holds there too, `chmod +x
    # /usr/local/bin/*` on node, `/usr/local/tomcat/bin/*` on tomcat)
    return _without_hits(
        change, lambda h: (h.entry.kind in (FILE, EITHER) and named(h.entry.path)
        and (named(h.path) or (is_glob(h.path) and _globbed(h.entry.path, h.path)
                               and _only_its_layer(h, live, held))))
        or (not h.whole and named(h.path)),
    )  # fmt: skip


def _not_edited_before(
    hits: list[Hit], own: list[Entry], live: list[Entry], held: Known
) -> list[Hit]:
    """`hits` less the files an edit in place earlier in the RUN rewrote by a wildcard (`sed -i
    ... /scripts/*.sh && chmod 755 /scripts/*`): they are in the layer whole already; not where
    the change reaches what another layer holds there too."""
    edited = [e.path for e in own if e.role == EDITED and is_glob(e.path)]
    if not edited:
        return hits
    return [
        h
        for h in hits
        if not (
            h.entry.kind in (FILE, EITHER)
            and h.entry.layer != BASE
            and any(_globbed(h.entry.path, g) for g in edited)
            and _only_its_layer(h, live, held)
        )
    ]


def _only_its_layer(hit: Hit, live: Sequence[Entry], held: Known) -> bool:
    """The directory `hit`'s wildcard names holds what the layer of its file wrote alone: not a
    directory every system has or a program directory, nor one below a tree another layer
    filled (the base's /usr/local/tomcat, an earlier RUN's unpacked release; not a home, whose
    dotfiles lie at its top)."""
    where = posixpath.dirname(hit.path)
    if where in STANDARD_DIRS or where in BIN_DIRS:
        return False
    if any(covers(t, where) for t in held.runtime):
        return False
    return not any(
        e.layer != hit.entry.layer
        and e.kind in (TREE, EITHER)
        and e.content != EMPTY
        and e.role != HOME
        and covers(e.path, where)
        and not _not_in_opt(where, e)  # (an apk add's /opt: nothing below /opt/app of its own)
        for e in live
    )


def _find_selection(command: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """What a `find` command selects: its starting points (without a trailing slash) and its
    tests before the action (`-exec`, `-execdir`); None for any other command."""
    words = command.split()
    if not words or posixpath.basename(words[0]) != "find":
        return None
    actions = [i for i, w in enumerate(words) if w in ("-exec", "-execdir")]
    if not actions:
        return None
    roots = find_roots(tuple(words))
    tests = tuple(w for w in words[1 : actions[0]] if w not in roots and w not in _FIND_FLAGS)
    return tuple(r.rstrip("/") or "/" for r in roots), tests


# find's options before its starting points (`find -L DIR`), no test of the files
_FIND_FLAGS = frozenset({"-H", "-L", "-P"})


def _selects_again(edit: str, change: str) -> bool:
    """The find `edit`, which rewrites files in place, selects every file the find `change`
    changed: the same command doing both (`-exec chmod +x {} ; -exec sed -i ... {} ;`), the
    same selection, or every file below the same starting points (`-type f` alone)."""
    if edit == change:
        return True
    edits, changes = _find_selection(edit), _find_selection(change)
    if edits is None or changes is None or edits[0] != changes[0]:
        return False
    return edits[1] == changes[1] or edits[1] in ((), ("-type", "f"))


# A chown's or chmod's recursive option (`-R`, `-fR`, `--recursive`)
_RECURSIVE = re.compile(r"(?:^|\s)(?:-[a-zA-Z]*R[a-zA-Z]*|--recursive)(?=\s|$)")


def _globbed(path: str, pattern: str) -> bool:
    """The shell's pattern `pattern` names `path`: name by name, a `*` never crossing a `/`
    nor matching a leading `.`."""
    names, patterns = path.split("/"), pattern.split("/")
    return len(names) == len(patterns) and all(
        shell_glob(n, p) for n, p in zip(names, patterns, strict=True)
    )


def _without_hits(
    change: Change, gone: Callable[[Hit], bool], kinds: tuple[str, ...] = (CHOWN, TOUCH)
) -> Change:
    """A chown's or touch's (or `kinds`') `change` less the hits `gone` says this RUN took
    back."""
    if change.kind not in kinds:
        return change
    kept = tuple(h for h in change.hits if not gone(h))
    if len(kept) == len(change.hits):
        return change
    paths = tuple(p for p in change.paths if any(h.path == p for h in kept))
    return change._replace(hits=kept, paths=paths)


_A_HOME = re.compile(r"/root|/home/[^/*?]+")


def _took(removal: str, hit: Hit, removed: tuple[str, ...] = ()) -> bool:
    """`removal` takes what `hit` reached: its path, the whole entry it reached below it
    (`chown -R oracle /u01` and then `rm /u01/install.file`), or the file a glob named (`chmod
    +x *` and then `rm install.sh`)."""
    if removal.endswith("/*") and inside(hit.entry.path, hit.path):
        # (`chmod -R 0777 /home/jovyan && rm -rf /home/jovyan/*`: the glob takes no hidden
        # name, and ~/.cache/pip, copied up, stays)
        return covers(removal, hit.entry.path)
    home = hit.path.rstrip("/")
    if removal == home + "/*" and _A_HOME.fullmatch(home):
        # (nor a home's own dotfiles, what a home mostly holds, unless a pattern of dot names
        # beside it takes them: `rm -rf ~/* ~/.[!.]*`)
        return any(r.startswith(home + "/.") and is_glob(r) for r in removed)
    if covers(removal, hit.path):
        return True
    if covers(hit.path, hit.entry.path) and covers(removal, hit.entry.path):
        return True
    return is_glob(hit.path) and hit.entry.kind == FILE and covers(removal, hit.entry.path)


def _purged(op: Op, live: list[Entry], own: list[Entry], held: Known) -> Hit | None:
    """Packages removed by `op`: installed by an earlier layer, or by the base image; only
    within the trees it names when it names some (`npm rm -g` under NPM_CONFIG_PREFIX, `npm
    prune` in its project's node_modules)."""
    if op.paths:
        live = [
            e
            for e in live
            if not (e.role == INSTALL and e.family == op.family)
            or any(e.path == p or inside(e.path, p) or inside(p, e.path) for p in op.paths)
        ]
    hit = _purged_anywhere(op, live, own, held)
    if hit is not None and op.paths:
        path = hit.entry.path
        # (a project a base image not known filled: `npm prune --omit=dev` on browserless/base;
        # not node's own npm, outside a prefix NPM_CONFIG_PREFIX moved, nor anything on node)
        project = all(p.endswith("/node_modules") for p in op.paths)
        if hit.entry.layer == BASE and project and not held.manager:
            return hit
        if not any(path == p or inside(path, p) or inside(p, path) for p in op.paths):
            hit = None
    if (
        hit is None
        and op.family == "npm"
        and op.paths
        and _PRUNES_DEV.search(op.command)
        and not any(e.role == INSTALL and e.family == "npm" for e in own)
    ):
        # (`COPY --from=builder /opt/app .`, then `npm prune --production`: a builder's
        # project is pruned because its install took the devDependencies, which came along)
        copied = (
            e
            for e in live
            if e.staged and e.kind != FILE and e.weighs and any(covers(e.path, p) for p in op.paths)
        )
        if (found := next(copied, None)) is not None:
            return Hit(found, op.paths[0], False)
    return hit


# yum's and dnf's commands of package groups
_GROUPS = frozenset({"group", "groups", "groupremove", "grouperase"})


def _akin(one: str, other: str) -> bool:
    """Two package names share a word of their own (`python3.10-dev` and `python3-dev`,
    `openjdk-11-jre-headless` and `default-jre-headless`): one may depend on the other."""
    return bool(_name_words(one) & _name_words(other))


def _name_words(name: str) -> set[str]:
    """The words of a package's name that may say what it is (`python3`, `jre`, `headless`)."""
    return {w for w in re.split(r"[-.+]", name) if len(w) > 2 and not w.isdigit()} - _COMMON_WORDS


# Words many packages' names share, which say nothing of a dependency between them
_COMMON_WORDS = frozenset({"dev", "doc", "common", "data", "bin", "utils", "tools", "core", "all"})


def _held_packages(names: set[str], packages: frozenset[str]) -> bool:
    """One of `names` is among the base's `packages`, by name or by a pattern (`cuda-*`)."""
    patterns = [p for p in packages if "*" in p]
    return bool(names & packages) or any(fnmatch.fnmatchcase(n, p) for n in names for p in patterns)


# The node image's global tree (npm, and corepack from Node.js 14.19 and 16.9 to 24: yarn 1 its
# Dockerfile unpacks in /opt, linked from /usr/local/bin, where `npm uninstall -g yarn` does not
# look)
_NODE_GLOBALS = "/usr/local/lib/node_modules"


def _an_install_of(entry: Entry, op: Op) -> bool:
    """`entry` is an install of the manager whose removal `op` is, or of conda into the
    environment whose own pip removes it (`/opt/conda/bin/pip uninstall -y torchmetrics`: the
    package conda put in that environment's site-packages)."""
    if entry.family == op.family:
        return True
    program = op.command.split()[0] if op.command else ""
    return (
        op.family == "pip"
        and entry.family == "conda"
        and posixpath.dirname(program) == entry.path.rstrip("/") + "/bin"
    )


def _purged_anywhere(op: Op, live: list[Entry], own: list[Entry], held: Known) -> Hit | None:
    names = _real(op.packages)
    listed = held.packages is not None and op.family in DISTRIBUTION_MANAGERS
    if op.blind or any(e.role == INSTALL and e.family == op.family for e in own):
        # This RUN installed packages of that manager, or ran programs we do not model: it
        # may remove its own. Not one an earlier layer installed by that name, which adding
        # again did not touch (`apk add git` at line 5, then `apk add git build-base && ... &&
        # apk del git build-base`).
        if not names or "$" in names:
            return None
        earlier = next(
            (e for e in reversed(live)
             if e.role == INSTALL and _an_install_of(e, op)
             and names & _real(e.packages, e.family)
             and not e.purged),
            None,
        )  # fmt: skip
        if earlier is not None:
            return Hit(earlier._replace(content=HEAVY), "packages", True)
        # (nor one every image of the base holds, `apt-get purge gnupg` on nvidia/cuda, whose
        # keyring needed it: an install of it here only kept or upgraded the base's files,
        # `apt-get install wget && ... && apt-get remove wget` on python:3)
        mine = {p for e in own if e.role == INSTALL and e.family == op.family for p in e.packages}
        ours = listed and not any("$" in p for p in mine)
        if ours and _held_packages(names, held.packages or frozenset()):
            return Hit(Entry("packages", TREE, HEAVY, None, BASE), "packages", True)
        if (
            op.family == "npm"
            and _NODE_GLOBALS in held.trees
            and held.node_globals & names - mine
            and not any("$" in p for p in mine)
        ):
            # (node's own npm or corepack, which an install of other packages here did not
            # bring: `npm install -g matterbridge && npm uninstall -g corepack`)
            return Hit(Entry("packages", TREE, HEAVY, None, BASE), "packages", True)
        return None
    # `apk del curl` removes what `apk add curl` installed; `apt-get autoremove`, or an install
    # of packages from a variable or a file, may be what any purge removes.
    anything = not names or "$" in names
    for entry in reversed(live):
        if (
            entry.role == INSTALL
            and _an_install_of(entry, op)
            and (
                anything
                or "$" in entry.packages
                or names & _real(entry.packages, entry.family)
                # (a group's member: `yum remove git` after `yum groupinstall "Development Tools"`)
                or any(names & _PULLS_IN.get(p, frozenset()) for p in entry.packages)
                # (a project's install from its manifest, whose packages the removal names: `npm
                # install`, then `npm r bcrypt` to build it again)
                or (
                    not entry.packages
                    and entry.path.endswith("/node_modules")
                    and entry.path in op.paths
                )
            )
            # (a prune of the development dependencies, after an install that left them out)
            and not (anything and entry.lean)
        ):
            return Hit(entry._replace(content=HEAVY), "packages", True)
    if op.family == "yum" and _GROUPS & set(op.command.split()):
        return None  # (a group only an install of it here put there: no image installs groups)
    if not anything and listed and _held_packages(names, held.packages or frozenset()):
        return Hit(Entry("packages", TREE, HEAVY, None, BASE), "packages", True)  # slim too
    if not anything and op.family in DISTRIBUTION_MANAGERS and held.minimal:
        return None  # a slim or Alpine base holds few packages: not those, most likely
    installed = [p for e in live if e.role == INSTALL and e.family == op.family for p in e.packages]
    if (
        not anything
        and listed
        # (an earlier install may have pulled it in: `build-essential` brings gcc; one of
        # packages a variable or a file named may be anything)
        and not any("$" in p or _brings(p, names) for p in installed)
        # (a library alone may have come with what an earlier install pulled in; one named
        # beside a program no image or install holds, nor akin to one installed, is that
        # program's: `apt-get remove nodejs libnode72 nodejs-doc` on ubuntu after `apt-get
        # install git make curl`; not `python3.10-dev` after `python3-dev`, which pulled it in)
        and not all(n.startswith("lib") for n in names)
        and not (
            any(n.startswith("lib") for n in names)
            and any(_akin(n, p) for n in names if not n.startswith("lib") for p in installed)
        )
    ):
        return None  # (`apt autoremove exim4` on debian: no image of it holds exim4)
    if not anything and op.family == "gem" and names <= held.default_gems:
        return None  # (`gem uninstall bundler` on ruby:3.4 finds Ruby's own, which stays)
    # (pipx removes what it installed in its own venvs: the dev containers' linters)
    python = op.family in ("pip", "uv") and op.tool != "pipx" and PYTHON_TREE in held.trees
    if not anything and python and not names & held.python_site:
        return None  # the python image's pip holds only these three (pip alone since 3.12)
    # (and the node image's global tree only npm and corepack, where no layer installed
    # others there)
    node = op.family == "npm" and _NODE_GLOBALS in held.trees
    installed_npm = any(
        e.role == INSTALL and e.family == "npm" and covers(_NODE_GLOBALS, e.path)
        for e in (*live, *own)
    )
    if not anything and node and not installed_npm and not names & held.node_globals:
        return None
    # (`pip uninstall -y pillow` on ubuntu or nvidia/cuda, whose packages are known: such an
    # image holds no package pip installed, and pip does not remove apt's; unless an earlier
    # layer ran pip or conda, whose installs bring what they depend on)
    pythons = ("pip", "uv", "conda", "pipx")
    plain = held.packages is not None and not any(
        t == PYTHON_TREE or "conda" in t for t in held.trees
    )
    if (
        not anything
        and op.family in ("pip", "uv")
        and plain
        and not any(e.role == INSTALL and e.family in pythons for e in (*live, *own))
    ):
        return None
    if op.family == "npm" and names & _NODE_OWN:
        # (npm and corepack come with a distribution's nodejs, NodeSource's too: the layer
        # that installed it holds them)
        nodejs = next(
            (e for e in reversed(live) if e.role == INSTALL and _NODE_PACKAGES & set(e.packages)),
            None,
        )
        if nodejs is not None:
            return Hit(nodejs._replace(content=HEAVY), "packages", True)
    return Hit(Entry("packages", TREE, HEAVY, None, BASE), "packages", True)


_NODE_OWN = frozenset({"npm", "corepack"})
_NODE_PACKAGES = frozenset({"nodejs", "npm"})


# What installs of these pull in that a later removal names (Debian's and Ubuntu's
# dependencies, recommends included), besides the libraries any install may bring.
_DEVELOPMENT_TOOLS = frozenset(
    {"autoconf", "automake", "binutils", "bison", "flex", "gcc", "gcc-c++", "gettext", "libtool"}
    | {"make", "patch", "pkgconfig", "redhat-rpm-config", "rpm-build", "byacc", "ctags", "git"}
    | {"diffstat", "doxygen", "elfutils", "gcc-gfortran", "indent", "intltool", "patchutils"}
    | {"subversion", "swig", "systemtap"}
    # (EL8's and EL9's group besides)
    | {"gdb", "strace", "valgrind", "ltrace", "glibc-devel", "pkgconf", "pkgconf-pkg-config"}
)
_PULLS_IN: Mapping[str, frozenset[str]] = {
    "build-essential": frozenset({"gcc", "g++", "make", "dpkg-dev", "cpp"}),
    "g++": frozenset({"gcc", "cpp"}),
    "gcc": frozenset({"cpp"}),
    "dpkg-dev": frozenset({"make", "patch", "binutils"}),
    # (yum's and dnf's group of build tools, by the one name effects' `_yum_group` gives it)
    "development-tools": _DEVELOPMENT_TOOLS,
    "default-jdk": frozenset({"openjdk-17-jdk", "default-jre", "openjdk-17-jre"}),
    # (add-apt-repository's, in Python, with D-Bus and PackageKit, whose polkit is Ubuntu's
    # policykit-1)
    "software-properties-common": frozenset(
        {"python3", "python3-software-properties", "python3-gi", "python3-dbus", "python3-apt"}
        | {"python3-blinker", "dbus", "gpg", "lsb-release", "iso-codes", "packagekit"}
        | {"policykit-1", "distro-info-data", "ca-certificates"}
    ),
}


# Virtual packages one package alone provides, which apt installs or removes by that name
# (`apt-get install libz-dev`, then `apt-get purge zlib1g-dev`)
_PROVIDED_BY: Mapping[str, str] = {"libz-dev": "zlib1g-dev"}


def _real(packages: tuple[str, ...], family: str = "") -> set[str]:
    """`packages` named as the packages that provide them; of rpm's managers, those named with
    a version by their names too (`cmake-3.30.5`, which `dnf remove cmake` removes)."""
    return {_PROVIDED_BY.get(p, p) for p in packages} | {
        p[: version.start()]
        for p in packages
        # (yum's family, dnf, microdnf, zypper and rpm among them: apt's names hold versions of
        # their own, `dotnet-sdk-8.0`, `gcc-4.8`)
        if family == "yum" and (version := RPM_VERSION.search(p)) and "." in version[0]
    }


# The parts a package is split into that its install brings (`php8.2` brings `php8.2-common`).
_PARTS = ("common", "core", "data", "bin", "base", "minimal", "client", "utils")


def _brings(installed: str, removed: set[str]) -> bool:
    """An install of `installed` may have put one of `removed` there: itself (or what a
    removed wildcard matches), a part of it (`php8.2` brings `php8.2-common`), a known
    dependency, or anything when it is a wildcard. (A package file's install names `$` too:
    `_package_names`.)"""
    if is_glob(installed):
        return True
    stem = installed.split("=", 1)[0].split(":", 1)[0]
    stem = _PROVIDED_BY.get(stem, stem)
    removed = _real(tuple(removed))
    parts = {stem, *(f"{stem}-{part}" for part in _PARTS)}
    if any(fnmatch.fnmatchcase(stem, n) if is_glob(n) else n in parts for n in removed):
        return True
    return bool(_PULLS_IN.get(stem, frozenset()) & removed)


def _purged_names(ops: Sequence[Op], held: Known) -> set[str]:
    """The packages of the base's manager that `ops` removed by name, and of apt's what needs
    one of them (build-essential goes with gcc)."""
    gone = {
        p
        for op in ops
        if op.kind == PURGE and op.family == held.manager
        for p in op.packages
        if "$" not in p
    }
    return gone | _needing(gone) if held.manager == "apt" else gone


def _needing(gone: set[str]) -> set[str]:
    """The packages apt removes with `gone` because they depend on one of them."""
    return {p for p, needs in _PULLS_IN.items() if needs & gone}


def _without_packages(entries: list[Entry], op: Op) -> list[Entry]:
    """`entries`, their installs of `op`'s manager less the packages `op` removed: all that an
    apk virtual package (`apk add --virtual .build-deps curl binutils`) held, removed by its
    name; and of apt's, the packages that need one removed (build-essential goes with gcc),
    whose own dependencies stay unless the removal takes those too (`--auto-remove`)."""
    gone = set(op.packages)
    needing = _needing(gone) if op.family == "apt" else set()
    auto = _autoremoves(op)
    out = []
    for e in entries:
        if e.role != INSTALL or e.family != op.family or not (gone | needing) & set(e.packages):
            out.append(e)
            continue
        kept = [
            p for p in e.packages if p not in gone and p not in needing and not _virtual(e, gone)
        ]
        behind = [] if auto else [m for p in e.packages if p in needing for m in _PULLS_IN[p]]
        # (`apt-get purge gcc` after an install of build-essential leaves make and g++, for an
        # autoremove to take; not what needs a package removed, dpkg-dev with make)
        behind = [m for m in behind if m not in gone and not _PULLS_IN.get(m, frozenset()) & gone]
        out.append(
            e._replace(
                packages=tuple(dict.fromkeys((*kept, *sorted(behind)))),
                left=tuple(dict.fromkeys((*e.left, *sorted(behind)))),
            )
        )
    return out


def _autoremoved(entries: list[Entry], op: Op) -> list[Entry]:
    """`entries`, less the packages earlier removals left behind of the installs of `op`'s
    manager, which `op`, an autoremove, takes (`apt-get purge gcc && apt-get autoremove`)."""
    return [
        e._replace(packages=tuple(p for p in e.packages if p not in e.left), left=())
        if e.left and e.role == INSTALL and e.family == op.family
        else e
        for e in entries
    ]


def _virtual(entry: Entry, gone: set[str]) -> bool:
    """`entry`'s install was of an apk virtual package that `gone` names: its name, by custom
    begun with a dot, comes last."""
    return (
        entry.family == "apk"
        and entry.packages[-1:] != ()
        and (entry.packages[-1].startswith(".") and entry.packages[-1] in gone)
    )


def _last_is_a_directory(path: str, live: list[Entry]) -> bool:
    """The last layer that wrote `path` itself made a directory there."""
    at = [e for e in live if e.path.rstrip("/") == path.rstrip("/")]
    return bool(at) and max(at, key=lambda e: e.layer).kind == DIR


_LINK_DIRS = ("-enabled/", ".wants/", ".requires/", "/runsvdir/", "/etc/alternatives/")
_LINK_DIRS_AT_END = tuple(m.rstrip("/") for m in _LINK_DIRS)


def _quiet(entry: Entry, ran: frozenset[int]) -> bool:
    """No program the model does not read ran since `entry`'s layer: a service installed then
    has written no log of its own."""
    return not any(i >= entry.layer for i in ran)


def _installed_under(
    path: str,
    entry: Entry,
    besides: frozenset[str] = frozenset(),
    nginx_org: str = "",
    quiet: bool = False,
    held: Known | None = None,
) -> bool:
    """`path` lies inside a tree an install wrote, and not where a package manager keeps its
    cache or index (those are CACHE entries of their own, kept or removed precisely), nor
    where packages keep configuration and state. `besides`: shipped files written again since;
    `held`: what the base holds (Alpine 3.14 or later; the application directory it works in
    under /usr/share, Elasticsearch's, Grafana's, which no distribution package of another name
    writes into)."""
    new_alpine = held is not None and held.new_alpine
    app = _shared_app(held) if held is not None else ""
    if in_tree(path, DEBIAN_NGINX_ONLY) and (
        (nginx_org == "named" and entry.family == "apt")
        or (entry.family in ("apk", "yum") and path.startswith("/etc/nginx/"))
    ):
        # (nginx.org's package keeps its servers in conf.d and its pages in /usr/share/nginx:
        # none of Debian's sites-available, snippets or /var/www; nor do Alpine's and Red
        # Hat's nginx have sites-available)
        return False
    shipped = [f for f in _shipped(entry) if f not in besides]
    if path in shipped or (is_glob(path) and any(fnmatch.fnmatchcase(f, path) for f in shipped)):
        return True  # a file the package is known to ship (`index.nginx-debian.html`)
    if any(f.startswith(path.rstrip("/") + "/") for f in shipped):
        return True  # (`chown -R nobody /var/lib/nginx`: Alpine's nginx keeps its html there)
    if posixpath.basename(path) == "EXTERNALLY-MANAGED":
        return False  # (PEP 668's marker is where a Python of 3.11 or later ships it, above)
    local = entry.family in DISTRIBUTION_MANAGERS and path.startswith("/usr/local/")
    if any(m in path for m in _LINK_DIRS) or path.rstrip("/").endswith(_LINK_DIRS_AT_END):
        # Debian's sites-, conf- and mods-enabled, systemd's unit.wants, runit's runsvdir and
        # the alternatives hold symlinks, not bytes (`rm -f
        # /lib/systemd/system/multi-user.target.wants/*` on centos)
        return False
    if entry.family == "apt" and (path in _APT_LINKS or path in _DEBIAN_LINKS):
        return False  # (`rm /usr/bin/gcc` before `ln -s gcc-12`: a link to gcc-13)
    if (
        entry.family == "apt"
        and covers("/etc/nginx/conf.d", path.rstrip("/"))
        and not nginx_org
        and not any("passenger" in p for p in entry.packages)
    ):
        # (Debian's and Ubuntu's nginx leave conf.d empty, nginx.org's has its default.conf,
        # Passenger's module its mod-http-passenger.conf: `chown -R www-data /etc/nginx/conf.d`
        # re-owns a directory)
        return False
    if new_alpine and entry.family == "apk" and inside(path, "/etc/nginx/conf.d"):
        return False  # (Alpine's nginx keeps its servers in http.d, since 3.14: conf.d is empty)
    if entry.family == "apt" and covers("/etc/supervisor/conf.d", path.rstrip("/")):
        # (and their supervisor its conf.d: `rm -rf /etc/supervisor/conf.d/*.ini`, or the
        # directory itself, to link another there)
        return False
    if posixpath.basename(path) in _MULTICALL_LINKS:
        return False  # (iptables and its kin are links to one xtables-*-multi, in every family)
    if entry.family in DISTRIBUTION_MANAGERS and posixpath.dirname(path) in _KEYRING_DIRS:
        # (a repository's signing key: a keyring package's, or the one a vendor's release
        # package adds; not `rm -f /usr/share/keyrings/mysql-apt-config.gpg` after an install
        # of others)
        return _a_keyring_of(path, entry.packages)
    if _PHP_CONF_D.fullmatch(path) and entry.family == "apt":
        return False  # (Debian's conf.d holds phpenmod's links to mods-available: no bytes)
    if path.startswith(("/etc/", "/var/log/")) and not _names_a_package(path, entry.packages):
        return False  # configuration there is as likely the base image's own
    if (
        quiet
        and entry.path == "/var/log"
        and path.startswith("/var/log/")
        and not any(fnmatch.fnmatchcase(log, path.split("/")[3]) for log in _LOGS)
    ):
        # (what an install writes in /var/log is its manager's logs; a package's own are made
        # empty, or by its service when a later program starts it: `rm
        # /var/log/nginx/access.log` after `apt-get install nginx-module-geoip`)
        return False
    if (
        entry.family == "apk"
        and any(covers(d, path) for d in DOC_TREES[:3])
        and not any(p.endswith("-doc") or p in _APK_DOCS for p in entry.packages)
    ):
        return False  # (Alpine's packages leave docs and man pages to their -doc subpackages)
    if (
        entry.family == "apk"
        and covers("/usr/include", path)
        and entry.packages
        and not any(_APK_HEADERS.search(p) for p in entry.packages)
    ):
        # (and headers to their -dev subpackages, which only a toolchain's pulls in: `rm -rf
        # /usr/include` after `apk add bash unrar` takes nothing; apk brings no recommends)
        return False
    distribution = entry.family in DISTRIBUTION_MANAGERS
    if distribution and "/node_modules" in path and not _names_node(entry.packages):
        return False  # (npm's global tree: distribution packages keep node's modules elsewhere)
    if distribution and posixpath.dirname(path) in ("/", "/usr") and names_a_file(path):
        return False  # (no package puts a file at / or in /usr itself: a build's install did)
    if (
        entry.family == "make"
        and posixpath.dirname(path) == posixpath.dirname(entry.path.rstrip("/"))
        and names_a_file(path)
    ):
        return True  # (a build's install into PREFIX writes its own files there too)
    program = posixpath.dirname(path) in BIN_DIRS
    if distribution and program and not _names_a_program(path, entry.packages):
        return False  # (`rm /usr/bin/passwd` after `apt-get install ca-certificates`)
    if _not_in_opt(path, entry):
        return False
    if distribution and app and inside(path, app) and not _names_a_package(path, entry.packages):
        return False  # (`rm config/esnode*` on OpenSearch after `yum install nc`: the base's)
    if entry.family == "conda" and covers(entry.path + "/envs", path):
        return False  # (an install into conda's root never writes its named environments)
    if any(path_overlaps(path, d) for d in package_data(entry.family, entry.packages)):
        return True  # (`chown -R postgres /var/lib/postgresql` after `apt-get install postgresql`)
    if path == entry.path and entry.family in _OWN_TREES and path not in STANDARD_DIRS:
        return True  # (a language manager's own tree, whole: `chown -R app /var/lib/gems`)
    return (
        inside(path, entry.path)
        and not local  # (distribution packages never install under /usr/local)
        and not any(path_overlaps(path, cache) for cache in _CACHES)
        # (unless the install's own tree lies there: gem's /var/lib/gems on Debian's Ruby)
        and not any(
            (path == top or inside(path, top)) and not inside(entry.path, top)
            for top in _INSTALL_STATE
        )
    )


# Managers whose install trees are their own, filled by their installs alone (gem's
# /var/lib/gems and /usr/local/bundle), unlike the system trees distribution packages share
_OWN_TREES = frozenset({"gem"})


def _told_to(op: Op) -> bool:
    """add-apt-repository is told to update the index (`-u`, `--update`, `-yu`)."""
    return any(
        w == "--update" or (w[:1] == "-" and w[1:2] != "-" and "u" in w[1:])
        for w in op.command.split()
    )


def _a_prefix_tree(entry: Entry) -> bool:
    """`entry` is a tree an install filled where it was told to, not one of the system trees
    its manager fills by default (`/usr`, `/usr/local/lib`), which hold what others put there."""
    return entry.path not in STANDARD_DIRS and entry.path not in _DEFAULT_TREES


def _names_node(packages: tuple[str, ...]) -> bool:
    """An install that may bring node's own modules (nodesource's nodejs ships npm in
    /usr/lib/node_modules), or names packages not known."""
    return any("node" in p or "npm" in p or "$" in p for p in packages) or not packages


def _a_package(path: str, entry: Entry) -> bool:
    """`path` names package files (`/opt/ct/*.whl`), which an install reads, never leaves in
    the trees it writes; nor does a distribution's package fill a gem directory's cache of
    downloaded .gem files (`/usr/lib/ruby/gems/*/cache/*` after `apt-get install ruby-dev`)."""
    if entry.role != INSTALL:
        return False
    # (not Alpine's, where a root `gem install` keeps its .gem files there)
    cache = entry.family in ("apt", "yum") and bool(_GEM_DIR_CACHE.search(path))
    return cache or posixpath.basename(path).endswith(_PACKAGE_FILES)


_BASE_LINKS = frozenset({"/usr/local/cuda"})
_GIT_KEEPS_BRANCH = re.compile(r"\bgit\b.*\b(?:pull|merge|rebase)\b")
_GEM_DIR_CACHE = re.compile(r"/gems/[^/]+/cache(?:/|$)")


# Alpine's packages that hold headers, or pull in those that do (build-base, g++'s libstdc++-dev),
# or may: a library's, a header-only one's (nlohmann-json), Python's and what pulls it in (its
# pyconfig.h), a name through a variable
_APK_HEADERS = re.compile(
    r"-dev$|-headers$|^(?:build-base|alpine-sdk|g\+\+|c\+\+)$|\$|^lib|^python|^py3-|json|-static$"
    r"|sdk"
)
_PACKAGE_FILES = (".whl", ".deb", ".rpm", ".apk", ".gem", ".tar.gz", ".tgz", ".tar.xz", ".zip")


def _not_in_opt(path: str, entry: Entry) -> bool:
    """`path` is in /opt or /usr/src, where the distribution packages `entry` installed land
    only under a vendor's name (`/opt/google/chrome`): not theirs (`rm -rf /usr/src/app`)."""
    if path.startswith("/usr/src/") and any(_SOURCE_PACKAGES.match(p) for p in entry.packages):
        return False  # (kernel headers, googletest, dkms modules: packages of sources)
    if entry.role == INSTALL and entry.family in _OPT_PYTHON_MANAGERS and path.startswith("/opt/"):
        # (pip fills /opt only through an environment there, `/opt/venv/lib/python3.12/...`:
        # not `/opt/healthchecks/hc/local_settings.py` after `pip install /wheels/*`)
        return _PYTHON_ENVIRONMENT.search(path) is None
    return (
        entry.role == INSTALL
        and entry.family in DISTRIBUTION_MANAGERS
        and path.startswith(("/opt/", "/usr/src/"))
        and not _names_a_package(path, entry.packages)
    )


def _shared_app(held: Known) -> str:
    """The base's working directory when it is an application's own under /usr/share
    (`/usr/share/opensearch`), or ''."""
    workdir = held.workdir.rstrip("/")
    return workdir if workdir.count("/") == 3 and workdir.startswith("/usr/share/") else ""


def _alpines_nginx_pages(path: str, entry: Entry, held: Known, nginx_org: str) -> bool:
    """`path` lies in /usr/share/nginx/html, which Alpine's own nginx does not have (its pages
    are in /var/lib/nginx/html); nginx.org's, which nginx's image holds, does, as does one
    installed from nginx.org's repository, which the build names (`apk add nginx@nginx`)."""
    return (
        entry.family == "apk"
        and covers("/usr/share/nginx/html", path.rstrip("/"))
        and nginx_org != "named"
        and not any(f.startswith("/usr/share/nginx/html/") for f in held.files)
    )


def _anothers_share(path: str, entry: Entry, live: list[Entry]) -> bool:
    """`path` lies in a data directory under /usr/share named for a package another install of
    the build named (`/usr/share/nginx` after `apk add nginx`), which an install of packages
    not named for it does not write (`apk add libpng-dev`)."""
    parts = path.split("/")
    if (
        entry.family not in DISTRIBUTION_MANAGERS
        or len(parts) < 4
        or parts[1:3] != ["usr", "share"]
        or is_glob(parts[3])
        or not entry.packages
        or "$" in "".join(entry.packages)
    ):
        return False
    inner = f"/usr/share/{parts[3]}/-"
    return not _names_a_package(inner, entry.packages) and any(
        e.role == INSTALL
        and e.family in DISTRIBUTION_MANAGERS
        and e.packages != entry.packages
        and _names_a_package(inner, e.packages)
        for e in live
    )


def _an_application_dir(path: str, entry: Entry, live: list[Entry]) -> bool:
    """`path` lies in a directory of /usr outside its own hierarchy (bin, lib, share...) that
    the Dockerfile itself made or copied into, before or after the install: an application's
    (`WORKDIR /usr/app`, then `apt-get upgrade` and `rm -rf yarn.lock`; `COPY run.sh
    /usr/app/`), where distribution packages put nothing. Not one a package made (PGDG's
    /usr/pgsql-15, /usr/glibc-compat)."""
    parts = path.split("/")
    if entry.family not in DISTRIBUTION_MANAGERS or len(parts) < 3 or parts[1] != "usr":
        return False
    top = "/usr/" + parts[2]
    return parts[2] not in _USR_HIERARCHY and any(
        e.layer != BASE and e.role != INSTALL and covers(top, e.path) for e in live
    )


# The Filesystem Hierarchy Standard's /usr, with the 32-bit and x32 library directories and
# the old X11R6 and doc trees
_USR_HIERARCHY = frozenset(
    {"bin", "sbin", "lib", "lib32", "lib64", "libx32", "libexec", "include", "share", "src"}
    | {"games", "local", "X11R6", "doc", "man", "tmp", "etc"}
)

# (the managers that fill /opt only through an environment there: conda's own tree is /opt's)
_OPT_PYTHON_MANAGERS = frozenset({"pip", "uv", "poetry"})
_PYTHON_ENVIRONMENT = re.compile(
    r"^/opt/[^/]*(?:env|conda|forge|python|py)[^/]*(?:/|$)|/(?:lib|bin|include|share)(?:/|$)"
    r"|site-packages"
)


_SOURCE_PACKAGES = re.compile(
    r"linux-(headers|source|kbuild)|kernel-(devel|headers|source)|googletest|libgtest-dev"
    r"|libgmock-dev|.*-(dkms|source)$"
)


_KEYRING_DIRS = frozenset({"/usr/share/keyrings", "/etc/apt/keyrings", "/etc/apt/trusted.gpg.d"})


def _a_keyring_of(path: str, packages: tuple[str, ...]) -> bool:
    """The key at `path` may be one the packages installed: one named for a package, or for
    the vendor of a keyring or release package (`debian-archive-keyring.gpg` of
    `debian-archive-keyring`, `percona-keyring.gpg` of `percona-release`)."""
    names = [n.lower() for n in packages]
    stem = posixpath.basename(path).split(".", 1)[0].lower()
    if is_glob(stem):  # (`rm -rf /usr/share/keyrings/*`: a keyring package's keys, if any)
        return any("$" in n or _KEYRING_SUFFIX.search(n) for n in names)
    words = re.split(r"[-_.]", stem)
    for name in names:
        vendor = re.split(r"[-_.]", _KEYRING_SUFFIX.sub("", name))
        # (by whole words, and a keyring or release package's by its vendor's alone:
        # `githubcli-archive-keyring` is no key of git's, `docker.gpg` none of docker.io's)
        keyring = _KEYRING_SUFFIX.search(name) is not None
        if (
            "$" in name
            or words == re.split(r"[-_.]", name)
            or (keyring and words[: len(vendor)] == vendor)
        ):
            return True
    return False


_KEYRING_SUFFIX = re.compile(r"-(?:archive-)?(?:keyring|release)$")


# The ini files in a SAPI's conf.d of Debian's and Ubuntu's PHP (links phpenmod made)
_PHP_CONF_D = re.compile(r"/etc/php/[^/]+/[^/]+/conf\.d/[^/]+\.ini")


# A package file a distribution's manager installs (`dpkg -i x.deb`, `yum localinstall x.rpm`)
_PACKAGE_FILE = re.compile(r"\.(?:deb|rpm)\b|\blocalinstall\b")
# Packages whose install scripts add a system user: servers that run as their own
_ADDS_A_USER = re.compile(
    r"postgresql(?:\d*-server|-\d+)?|mysql-server.*|mariadb(?:-server)?|redis(?:-server)?"
    r"|memcached|mongodb(?:-org(?:-server)?|-server)?|rabbitmq-server|squid|bind9?|named"
    r"|postfix|dovecot.*|openssh-server|tor|haproxy|unbound|chrony|avahi-daemon|clamav.*"
    r"|varnish|zabbix-.*|nagios.*|munin|prosody.*|influxdb.*|grafana.*|elasticsearch|kibana"
    r"|logstash|jenkins|tomcat\d*|nginx|httpd|apache2|icinga2.*|dbus|polkitd|policykit-1"
    r"|systemd|software-properties-common|packagekit"
)


def _users_added(step: Step, own: list[Entry]) -> bool:
    """This RUN installed, so far, a vendor's package file or a server package whose scripts add
    its user (Debian's postgresql, Alpine's nginx): the user database is its own copy now."""
    installs = [e for e in own if e.role == INSTALL and e.family in DISTRIBUTION_MANAGERS]
    return bool(installs) and (
        bool(_PACKAGE_FILE.search(step.instr.node.original))
        or any(
            _ADDS_A_USER.fullmatch(p) and not (e.family == "apt" and p in ("nginx", "apache2"))
            for e in installs
            for p in e.packages
        )  # (Debian's nginx and apache2 run as the www-data every image holds)
    )


_CRON_TABLES = frozenset(
    f"cron.{p}" for p in ("d", "hourly", "daily", "weekly", "monthly", "yearly")
)


def _cron_tables(name: str) -> bool:
    """`name` is one of cron's directories of tables, or a pattern that takes only those
    (`cron.*`: cron.allow and cron.deny are files, below which there is nothing)."""
    if not is_glob(name):
        return name in _CRON_TABLES
    return name.startswith("cron") and bool(fnmatch.filter(_CRON_TABLES, name))


def _names_a_package(path: str, packages: tuple[str, ...]) -> bool:
    """A directory of `path` is named for one of the packages (`/etc/nginx/...` after
    `apk add nginx`, `/etc/php/8.1/...` after `apt-get install php8.1-cli`, `/etc/cron.*/x`
    after `apt-get install cron`: cron.daily and its kin)."""
    parts = path.strip("/").lower().split("/")
    if parts[0] == "opt" and len(parts) == 2 and parts[1] in (n.lower() for n in packages):
        return True  # (`dpkg -i homebridge_1.1.6.deb` makes /opt/homebridge)
    tables = len(parts) == 3 and parts[0] == "etc" and _cron_tables(parts[1])
    if tables and parts[2][:1] in "*?[":
        return False  # (cron's own files there are its .placeholder dotfiles, which `*` skips)
    # (In /etc a package's own directory or file is named for it; in /opt only a vendor's
    # directory above what it installs is: `python3` puts nothing in /opt/python.)
    for part in parts[1:] if parts[0] == "etc" else parts[1:-1]:
        if is_glob(part):  # `cron.*`: the name before its suffix
            part = part.split("*", 1)[0].split("?", 1)[0].split("[", 1)[0].rstrip(".-_")
        # `/etc/nginx` itself, `/etc/percona-server.cnf` and `.conf.d` after
        # `yum install Percona-Server-server-57`: the name before a config suffix
        part = _CONFIG_SUFFIX.sub("", part)
        if part in _SHARED_CONFIG:
            continue  # `/etc/apt` is no more apt-transport-https's than `/etc/ssl` is ssl-cert's
        for name in packages:
            name = name.lower()
            # (`php8.1-cli`, and `php${PHP_VERSION}-cli`: a version the build passes)
            if name == part or (
                name.startswith(part)
                and name[len(part) : len(part) + 1] in "-.0123456789$"
                and len(part) > 2
            ):
                return True
    return False


def _package_dir(path: str, entry: Entry) -> bool:
    """`path` is the data directory a distribution package keeps under its own name
    (`/usr/share/julia` after `apt-get install julia`)."""
    if entry.family not in DISTRIBUTION_MANAGERS or not inside(path, entry.path):
        return False
    top, _, name = path.rstrip("/").rpartition("/")
    return top in _PACKAGE_DATA and name.lower() in (p.lower() for p in entry.packages)


_PACKAGE_DATA = frozenset({"/usr/share", "/usr/lib", "/usr/libexec"})


def _names_a_program(path: str, packages: tuple[str, ...]) -> bool:
    """A program in a bin directory is one of the packages' (`/usr/sbin/nginx` after
    `apt-get install nginx-light`, `/usr/bin/python3.11` after `python3`), or may be (a
    wildcard, a package from a variable)."""
    program = posixpath.basename(path).lower()
    if is_glob(program):
        # (one a package's name may match, or one of packages not known: not `*.sh`)
        return any("$" in n or fnmatch.fnmatchcase(n.lower(), program) for n in packages)
    return any(
        name == "$" or name == program or name.startswith(program + "-") or program.startswith(name)
        for name in (n.lower() for n in packages)
    )


# Commands Debian's packages install as links (to a versioned program, or through
# /etc/alternatives), which a Dockerfile removes to point elsewhere: no bytes.
_APT_LINKS = frozenset(
    f"/usr/bin/{name}"
    for name in (
        *("gcc", "g++", "cpp", "cc", "c++", "gcov", "gcc-ar", "gcc-nm", "gcc-ranlib", "ld"),
        *("python3", "python", "pydoc3", "java", "javac", "jar", "keytool", "awk", "editor"),
        *("vi", "view", "pager", "clang", "clang++", "lldb", "llvm-config", "x-www-browser"),
        *("npm", "npx"),  # (links into /usr/share/nodejs)
        # (the compatibility names: python2 to python2.7, nodejs to node, on every family)
        *("python2", "nodejs"),
        # (MPI's alternatives, Open MPI's or MPICH's: mpirun and its compiler wrappers)
        *("mpirun", "mpiexec", "mpicc", "mpicxx", "mpic++", "mpif77", "mpif90", "mpifort"),
    )
) | {"/usr/lib/jvm/default-java"}  # (java-common's link to the default JDK)
# And Debian's alone: its alternatives' and versioned languages' commands (vim's, Ruby's, Go's,
# PHP's, Lua's, Tcl's, netcat's, Maven's and Gradle's), real programs elsewhere (Fedora's php)
_DEBIAN_LINKS = frozenset(
    f"/usr/bin/{name}"
    for name in (
        *("vim", "ex", "rvim", "vimdiff", "ruby", "irb", "erb", "gem", "go", "gofmt", "php"),
        *("phar", "lua", "luac", "tclsh", "wish", "nc", "netcat", "mvn", "gradle", "yarn"),
    )
)
# The programs Debian's packages put in /usr/bin as links, by name (to the program the
# alternatives or a versioned package hold)
LINKED_PROGRAMS = frozenset(
    posixpath.basename(p) for p in _APT_LINKS | _DEBIAN_LINKS if p.startswith("/usr/bin/")
)
_MULTICALL_LINKS = frozenset(
    f"{name}{suffix}"
    for name in ("iptables", "ip6tables", "arptables", "ebtables")
    for suffix in (
        *("", "-save", "-restore", "-legacy", "-nft", "-translate", "-restore-translate"),
        *("-legacy-save", "-legacy-restore", "-nft-save", "-nft-restore"),
    )
)
# Directories of /etc that the system and many packages share, never one package's own.
_SHARED_CONFIG = frozenset({"apt", "apk", "yum", "dnf", "ssl", "pki", "security", "systemd"})
_CONFIG_SUFFIX = re.compile(r"\.(cnf|conf|cfg|ini)(\.d)?$|\.d$")


def _same_file(path: str, written: str) -> bool:
    """`path` names `written` itself: equal, or a glob matching it at the same depth."""
    return path == written or (
        path.count("/") == written.count("/") and path_overlaps(path, written)
    )


# The trees many installs share, where a build's prefix is not its own
_SHARED_PREFIXES = ("/usr/", "/bin", "/sbin", "/lib", "/etc/", "/var/")


def _a_private_prefix(path: str) -> bool:
    """`path` lies below a prefix of a build's own in /usr/local (`/usr/local/modsecurity/lib`),
    not in one of the trees every install there shares (`/usr/local/lib`)."""
    parts = path.split("/")
    return path.startswith("/usr/local/") and len(parts) > 4 and parts[3] not in _LOCAL_TREES


_LOCAL_TREES = frozenset(
    {"bin", "sbin", "lib", "lib64", "libexec", "include", "share", "etc", "man", "src", "games"}
)


def _a_file(path: str, op: Op) -> bool:
    """`path` names a file: the command says so (chmod +x, setcap), or the name does, or the
    directory: a name in a bin directory is a program (`/greenlit/bin/greenlit-init`), also one
    a chown or chmod names alone (`chown root:staff /opt/node/bin/node`)."""
    if path in STANDARD_DIRS:
        return False
    return (
        op.file_hint
        or names_a_file(path)
        or posixpath.dirname(path) in BIN_DIRS
        or ((op.program or (op.kind == CHOWN and not op.recursive)) and in_a_bin_dir(path))
    )


# The dot directories whose `config` is a file: kubectl's, ssh's, the AWS CLI's, git's, Docker's
_DOT_DIRS_WITH_CONFIG = frozenset({".kube", ".ssh", ".aws", ".git", ".docker"})


def _a_directory(path: str, entry: Entry, op: Op, live: list[Entry], held: Known) -> bool:
    """`path`, which a COPY wrote from a source named without an extension, is (or may well be)
    a directory: by its name, by what is known to lie below it (an earlier `mkdir`, the base
    image's files: nginx's /etc/nginx), or by the mode set (sticky or setgid: `chmod 1777`)."""
    parent = posixpath.dirname(path)
    # (not by its name right in a directory of programs or of scripts read one by one: `ADD
    # ./etc/init.d/nginx /etc/init.d/nginx` is the init script; a conf.d or an entrypoint's
    # .d may hold a directory, `COPY ssl /etc/nginx/conf.d/ssl`)
    # (nor a tool's configuration file in its dot directory: `COPY kubeconfig /root/.kube/config`)
    named = not (
        parent in BIN_DIRS
        or parent in _SCRIPT_DIRS
        or posixpath.basename(parent) in _DOT_DIRS_WITH_CONFIG
    )
    if (named and posixpath.basename(path) in _DIRECTORY_NAMES) or path in held.trees:
        return True
    name = posixpath.basename(path.rstrip("/"))
    if parent == "/etc" and "." not in name and name not in _ETC_FILES:
        return True  # (a program's configuration directory: `COPY direwolf /etc/direwolf`)
    below = path.rstrip("/") + "/"
    if any(f.startswith(below) for f in held.files) or any(
        e.layer < entry.layer
        and ((e.path == path and e.kind in (DIR, TREE)) or e.path.startswith(below))
        for e in live
    ):
        return True
    mode = dict(op.sets).get("mode", "")
    if mode.isdigit():
        return len(mode) == 4 and mode[0] not in "04"
    return "t" in mode or ("s" in mode and "g" in mode.split("+")[0])


# The files right in /etc named without an extension (any other name there is a program's
# directory)
_ETC_FILES = frozenset(
    {"hosts", "hostname", "passwd", "group", "shadow", "gshadow", "subuid", "subgid", "sudoers"}
    | {"crontab", "environment", "profile", "bashrc", "inputrc", "timezone", "localtime"}
    | {"fstab", "issue", "motd", "shells", "protocols", "services", "networks", "mailname"}
    | {"aliases", "exports", "ethers", "machine-id", "papersize", "printcap", "securetty"}
    | {"adjtime", "mtab", "os-release", "lsb-release", "debian_version", "alpine-release"}
    | {"redhat-release", "centos-release", "system-release", "zshrc", "vimrc", "wgetrc"}
    | {"magic", "nanorc", "screenrc", "inittab", "netconfig", "rpc"}
    | {"zshenv", "zprofile", "zlogin", "zlogout", "msmtprc", "gitconfig", "npmrc", "gemrc"}
    | {"anacrontab", "mailcap", "crypttab", "ethertypes", "hostid", "mke2fs", "yarnrc"}
)
# Directories of files read or run one by one, which hold no directories
_SCRIPT_DIRS = CRON_DIRS | {
    *("/etc/init.d", "/etc/logrotate.d", "/etc/cron.d", "/etc/profile.d", "/etc/sudoers.d")
}
# Names a project gives its directories more often than its files (`COPY tools /opt/tools`).
_DIRECTORY_NAMES = frozenset(
    {"tools", "scripts", "bin", "sbin", "lib", "libs", "config", "configs", "conf", "etc", "src"}
    | {"source", "data", "static", "assets", "templates", "files", "app", "apps", "plugins"}
    | {"modules", "vendor", "docs", "web", "public", "www", "html", "resources", "dist", "build"}
    | {"certs", "keys", "ssl", "themes", "locale", "migrations", "tests", "test", "logs", "home"}
    | {"wp-content", "storage", "uploads", "models", "fonts", "secrets", "backend", "frontend"}
    | {"workspace", "venv", "nginx", "cache", "tmp", "var", "log", "output", "input", "shared"}
    | {"media", "images", "img", "css", "js", "include", "share", "opt", "srv", "db", "backup"}
    | {"backups", "examples", "samples", "notebooks", "packages", "deps", "extensions", "addons"}
    | {"site", "sites", "content", "translations", "views", "components", "server", "client"}
    | {"patches", "profiles", "roles", "playbooks", "charts", "manifests", "deploy", "docker"}
    | {"project", "projects", "code", "work", "target", "out", "repo", "volumes", "mnt", "srcs"}
    | {"webapps", "deployments", "lib64", "libexec"}
    # (and the dot directories of a home: `COPY keys /home/app/.ssh`, then `chmod 700 .ssh`)
    | {".ssh", ".config", ".local", ".kube", ".aws", ".docker", ".gnupg", ".m2", ".gradle"}
)
# (of them, those that are no program's name too)
_DIRECTORY_NAMES_NOT_PROGRAMS = _DIRECTORY_NAMES - {"bin", "sbin"}


def _a_bin_file(path: str, held: Known) -> bool:
    """`path` names one file in a bin directory (not a wildcard), not a link: the shell, the
    programs Debian's alternatives point to, Alpine's busybox applets."""
    if posixpath.dirname(path) not in BIN_DIRS or is_glob(path) or path in _BIN_LINKS:
        return False
    return not (held.manager == "apk" and not path.startswith("/usr/local/"))


# The shell every distribution image holds as a link (to dash, bash or busybox)
_SHELL_LINKS = frozenset({"/bin/sh", "/usr/bin/sh"})
# Programs distribution images hold as links: a move of one moves no bytes.
_BIN_LINKS = _APT_LINKS | {"/bin/sh", "/usr/bin/sh", "/usr/bin/php", "/usr/bin/yum"}
# (Open MPI built from source: mpirun and mpiexec are links to orterun or prterun)
_BIN_LINKS |= {f"/usr/local/bin/{n}" for n in ("mpirun", "mpiexec")}


def _a_program(path: str, op: Op) -> bool:
    """`op` changes a file that must be there: a program in a bin directory (`chmod u+s
    /usr/sbin/cron`, `chown app /usr/local/bin/x`), one it gives capabilities to (setcap) or
    makes executable by a file's name (`chmod +x /docker-entrypoint.sh`)."""
    if op.recursive or is_glob(path):
        return False
    if posixpath.dirname(path) in BIN_DIRS:
        return True
    return op.program and (op.tool == "setcap" or names_a_file(path))


# Debian's and Ubuntu's nginx by other names than nginx.org's package
_DEBIAN_NGINX_FLAVOURS = re.compile(r"\bnginx-(?:extras|full|light|core|common)\b")
# The files of Debian's nginx that nginx.org's package does not ship
_DEBIAN_NGINX_FILES = frozenset(
    f for f in package_files("apt", ("nginx",)) if in_tree(f, DEBIAN_NGINX_ONLY)
)


def _shipped(entry: Entry) -> tuple[str, ...]:
    """The files `package_files` knows the install of `entry` to ship, less what removals since
    took."""
    return _shipped_of(entry.family, entry.packages, entry.cleared)


@functools.lru_cache(maxsize=1024)
def _shipped_of(
    family: str, packages: tuple[str, ...], cleared: tuple[str, ...]
) -> tuple[str, ...]:
    # (asked for every path each change names: once per install is enough)
    shipped = package_files(family, packages)
    if not cleared:
        return shipped
    return tuple(f for f in shipped if not any(covers(c, f) for c in cleared))


def _ships(
    path: str, entry: Entry, below: bool = False, besides: frozenset[str] = frozenset()
) -> bool:
    """`path` is (or, `below`, holds) a file the install of `entry` is known to ship, other
    than those of `besides`; a file known by a pattern (`/usr/lib/python3.1[1-9]/EXTERNALLY-
    MANAGED`) matches it."""
    return any(
        (covers(path, f) if below else path == f)
        or (is_glob(f) and fnmatch.fnmatchcase(path, f))
        # (a wildcard that names it or a directory above it: `mv /etc/cups/* /srv/cups/` moves
        # cupsd.conf, `mv /etc/apache2/*-available /srv/` the sites' configuration)
        or (is_glob(path) and (fnmatch.fnmatchcase(f, path) or fnmatch.fnmatchcase(f, f"{path}/*")))
        for f in _shipped(entry)
        if f not in besides
    )


def _cleared(entries: list[Entry], removed: tuple[str, ...]) -> list[Entry]:
    """`entries`, each tree noting the removals that took paths below it (`conda clean -a`
    took pkgs/ from the installer's /opt/conda: a later `rm -rf /opt/conda/pkgs` hides
    nothing of it again), each install those that took files it is known to ship."""
    out = entries
    plain = [r for r in removed if not is_glob(r)]
    globbed = [r for r in removed if is_glob(r)]
    for at, e in enumerate(entries):
        if e.kind not in (TREE, EITHER):
            continue
        top = e.path.rstrip("/") + "/"  # (`inside` without a glob, for speed: removals are many)
        took = tuple(r for r in plain if r.startswith(top) and r != top) + tuple(
            r for r in globbed if inside(r, e.path)
        )
        if e.role == INSTALL and e.packages:
            shipped = package_files(e.family, e.packages)
            took += tuple(
                r for r in removed if r not in took and any(covers(r, f) for f in shipped)
            )
        if took:
            out = out if out is not entries else list(entries)
            out[at] = e._replace(cleared=e.cleared + took)
    return out


def _context_above_cache(entry: Entry, path: str) -> bool:
    """`entry` is a copy of the build context's directory that holds the cache at `path`
    below one of its dot-directories (`COPY . .` in /app, the cache /app/.composer/cache)."""
    if not (entry.copied and not entry.staged and entry.kind != FILE and inside(path, entry.path)):
        return False
    return posixpath.relpath(path, entry.path).startswith(".")


# The directories of Laravel's skeleton that hold a .gitignore
_LARAVEL_DIRS = re.compile(
    r"/storage(?:/app(?:/public|/private)?|/framework(?:/(?:cache(?:/data)?|sessions|testing|views))?"
    r"|/logs)?$"
)


def _laravel_dir(path: str, step: Step, earlier: str) -> bool:
    """`path` is a Laravel project's storage/ or bootstrap/cache/, in a Dockerfile that shows
    the project is one (it names artisan or bootstrap/cache, here or before)."""
    text = step.instr.node.original + "\n" + earlier
    # (each of storage/'s directories holds a .gitignore: storage/logs, storage/framework/views)
    laravel = _LARAVEL_DIRS.search(path.rstrip("/"))
    return bool(laravel or path.rstrip("/").endswith("/bootstrap/cache")) and any(
        w in text for w in ("bootstrap/cache", "artisan")
    )


def _data_moved(path: str, entry: Entry, live: Sequence[Entry]) -> bool:
    """`path` holds the whole of a data directory `entry`'s install filled (`/var/lib/mysql`
    after `apt-get install mariadb-server`), in `entry`'s tree, with nothing removed from it
    since (the official images' `rm -rf /var/lib/mysql && mkdir -p /var/lib/mysql`), and, for
    PostgreSQL, no layer's edit of createcluster.conf (`create_main_cluster = false`)."""
    # (before the install, or in its RUN: an edit in a later RUN comes after the cluster)
    configured = any(e.path == _CREATECLUSTER and e.layer <= entry.layer for e in live)
    return any(
        covers(path, d)
        and inside(d, entry.path)
        and not any(path_overlaps(took.removesuffix("/*"), d) for took in entry.cleared)
        and not (configured and d == "/var/lib/postgresql")
        for d in package_data(entry.family, entry.packages)
    )


_CREATECLUSTER = "/etc/postgresql-common/createcluster.conf"
_NO_CLUSTER = ("/var/lib/postgresql/*", "/etc/postgresql/*")
# (of the known bases, a tree the postgres images alone fill)
_POSTGRES_IMAGE = "/usr/lib/postgresql"
# Alpine's packages of docs themselves (and a package a variable names, which may be one)
_APK_DOCS = frozenset({"docs", "man-pages", "mandoc", "man-db", "$"})


def _emptied_into(op: Op, path: str) -> tuple[str, ...]:
    """The directories inside `path` that a move of their children into it emptied (`mv
    app-1.2/* .` in /opt/app): what it wrote there holds their files, not them."""
    if op.tool != "mv":
        return ()
    return tuple(s[:-2] for s in op.sources if s.endswith("/*") and inside(s[:-2], path))


def _removed_since(path: str, entry: Entry) -> bool:
    """A removal since `entry`'s layer (or in it) took `path` from the tree (`dir/*` takes
    what is below `dir` but its dotfiles: a clone's `.git` stays)."""
    stars = {took[:-2] for took in entry.cleared if took.endswith("/*")}
    # (and a directory inside the tree whose every file went, `mv pkg/* ~/.OpenMRS`, as `dir/*`
    # takes an entry written at `dir` itself)
    return (
        path.rstrip("/") in stars
        or _under_star(path, stars)
        or any(covers(took, path) for took in entry.cleared if not took.endswith("/*"))
    )


def _always_written(path: str, entry: Entry, files: bool = False) -> bool:
    """`path` reaches what every install of `entry`'s manager writes (its prefix, its logs:
    `chmod -R /var/log`, `truncate -s 0 /var/log/*log`), whatever else wrote there since
    (`files`: a log file itself, by its name or a wildcard, not the tree or apt's directory)."""
    tree = next((t for t in _INSTALLED.get(entry.family, ()) if t == entry.path), None)
    if tree is None:
        return False
    if covers(path, tree) and not files:
        return True
    name = posixpath.basename(path)
    logs = _LOGS[:2] + _LOGS[3:] if files else _LOGS
    return posixpath.dirname(path) == tree and any(fnmatch.fnmatchcase(n, name) for n in logs)


def _logs_as_left(entry: Entry, live: list[Entry], own: list[Entry]) -> bool:
    """The logs of `entry`'s install are as it left them: nothing since emptied, wrote or
    removed any (`truncate -s 0 /var/log/*log`), and this RUN installed nothing that appended to
    them before the change."""

    def a_log(path: str) -> bool:
        name = posixpath.basename(path)
        return posixpath.dirname(path) == entry.path.rstrip("/") and any(
            fnmatch.fnmatchcase(n, name) or fnmatch.fnmatchcase(name, n) for n in _LOGS
        )

    return (
        not any(a_log(c) or covers(c, entry.path) for c in entry.cleared)
        and not any(a_log(e.path) and e.layer >= entry.layer for e in live)
        and not any(o.role == INSTALL and o.path == entry.path for o in own)
    )


def _emptied_since(path: str, entry: Entry, live: list[Entry]) -> bool:
    """A layer since `entry`'s (or it) left `path` empty (`truncate -s 0 /var/log/*log`; not
    a `mkdir -p /var/log`, which leaves what is there)."""
    return any(
        e.path == path
        and e.content == EMPTY
        and e.layer >= entry.layer
        and (e.kind != DIR or e.fresh)
        for e in live
    )


def _made_after(path: str, entry: Entry, live: list[Entry]) -> bool:
    """A later layer made a directory at or below `path` (`mkdir -p /usr/share/jenkins/ref`
    after the install), or above it (`mkdir -p /opt/bsim`, then `rm -f /opt/bsim/repo`): the
    path is the build's own, not where the packages landed."""
    return any(
        e.kind == DIR
        and e.layer > entry.layer
        and (covers(path, e.path) or (covers(e.path, path) and e.path not in STANDARD_DIRS))
        for e in live
    )


def _made_by_build(path: str, held: Known, live: list[Entry]) -> bool:
    """`path` lies inside a filled tree but is no tree of its own, and a layer of the build
    made a directory at or below it (`mkdir -p /usr/share/jenkins/ref/init.groovy.d`): the
    build made the path, not the base image."""
    if path in DISTRIBUTION_ROOTS or path in _FILLED or path in held.trees:
        return False
    if any(t.startswith(path.rstrip("/") + "/") for t in held.runtime):
        return False  # (above a runtime tree: `WORKDIR /home/steam` leaves steamcmd/ there)
    return any(e.kind == DIR and covers(path, e.path) for e in live)


def _names_the_program(program: str, packages: tuple[str, ...]) -> bool:
    """One of `packages` is named for `program` (`xwayland` for Xwayland, `nodejs` for node)."""
    named = {p.lower().split("=")[0] for p in packages}
    return program.lower() in named or (program == "node" and "nodejs" in named)


def _marked_manual(text: str) -> set[str]:
    """The packages a RUN's `apt-mark manual` names (not through a variable)."""
    return {
        w
        for found in re.finditer(r"apt-mark\s+manual\s+([^;&|]*)", text)
        for w in found[1].replace("\\\n", " ").split()
        if not w.startswith(("$", "-", ">", "/"))
    }


def _a_skeleton(tree: str, held: Known) -> bool:
    """`tree` is a home of the base's that holds only the dotfiles /etc/skel gave it (Ubuntu
    24.04's /home/ubuntu): configuration, not bytes a removal frees."""
    inside_files = [f for f in held.files if inside(f, tree)]
    return bool(inside_files) and all(posixpath.basename(f) in SKEL_NAMES for f in inside_files)


def _filled(path: str, held: Known) -> bool:
    """A recursive change of `path` reaches files the base image holds there: in one of its
    trees, or above a runtime tree (`chown -R app /usr/local` on nvidia/cuda); not in a
    directory the image ships empty (`chown -R app /usr/local/tomcat/webapps` on tomcat:9)."""
    if any(covers(d, path) for d in held.empty):
        return False
    return (
        path in DISTRIBUTION_ROOTS
        or path in _FILLED
        or in_tree(path, held.trees)
        or any(t.startswith(path.rstrip("/") + "/") for t in held.runtime)
        # (debconf's database, which every image of Debian's family holds: `chgrp -R 0
        # /var/cache` on nginx)
        or (held.debian and covers(path, DEBCONF))
    )


__all__ = [
    "BASE",
    "CACHE",
    "DIR",
    "EMPTY",
    "EXACT",
    "FILE",
    "HEAVY",
    "HOME",
    "TREE",
    "UNKNOWN",
    "Change",
    "Entry",
    "Hit",
    "Layer",
    "Step",
    "layers",
]


def _forced(command: str) -> bool:
    """`rm -f` of files, not `rm -rf` of trees (which nearly everyone writes)."""
    words, flags = _rm_flags(command)
    recursive = "r" in flags or "R" in flags or "--recursive" in words
    return _told_to_ignore(command) and not recursive


def _a_dotfile_of(path: str, home: str, manager: str = "") -> bool:
    """`path` is one of the dotfiles /etc/skel gives a home (`.bashrc`), not a directory a
    program makes there later (`~/.local`, `~/.cache`); those of the base's family when its
    package manager says it (`.bash_profile` is Red Hat's, which `touch` makes on Debian)."""
    names = _SKEL_OF.get(manager, SKEL_NAMES)
    return posixpath.dirname(path) == home.rstrip("/") and posixpath.basename(path) in names


# (what /etc/skel holds on Debian's family and on Red Hat's)
_SKEL_OF = {"apt": frozenset(DEBIAN_SKEL), "yum": frozenset(RHEL_SKEL)}
