r"""Delete in later layer: a RUN removes files that an earlier layer added.

## What it does
Reports a `RUN` of a shipped stage that removes file bytes an earlier layer added: `rm`, `unlink`,
`find ... -delete` or `-exec rm`, `mv` (the old path is hidden; below an archive an earlier `RUN`
unpacked, its top directory, `mv keycloak-25.0.4 keycloak`; a program of a bin directory, which the
base image holds when no layer wrote it, `mv /usr/bin/who /usr/bin/who.orig`, but not a link such
as `/bin/sh`), a `dpkg-divert --rename` of a file a package is known to ship (the official postgres
image's `postgresql.conf.sample`), an `ln -sf` over a file (`ln -sf /config/sshd_config
/etc/ssh/sshd_config` after the package wrote it), a package removal (`apt-get
purge/remove/autoremove`, `dpkg -r`, `apk del`, `yum/dnf remove`, `rpm -e`, `pacman -R`,
`pip`/`pipx uninstall`, `npm uninstall`, ...) or a cache clean in a later `RUN` (`yum clean all`,
`npm cache clean`). Any removal of a path an earlier
instruction is seen to write counts, whatever else the same `RUN` does there (`make -C /opt/vendor
install && rm -rf /opt/vendor`); so does `truncate -s 0` of what it wrote, and a shell script the
`RUN` runs (by path, or by name from a bin directory) that a `COPY` brought from the build context,
or the recipe `make TARGET` runs from a Makefile it brought, and php's `docker-php-ext-install`
deleting the source that `docker-php-ext-configure` unpacked in an earlier `RUN` (configure and
install in one `RUN` leave nothing), and jlesage's GUI base's `install_app_icon.sh` deleting the
icons the base generated for noVNC. A `git checkout`, `switch`, `reset --hard`, `pull`, `merge`,
`rebase`, `cherry-pick`, `apply` or `am` in a repository an earlier `RUN` cloned (or a `COPY`
wrote) whole, or the base image did (the OCaml images' opam-repository, ESP-IDF's checkout), writes
other versions of the files it changes, whose old ones stay in that layer (`git clone
.../flutter.git`, then `RUN git checkout 3.29.0`). So does a `make clean` (or `distclean`,
`mrproper`, ...) where an earlier `RUN` built: what that build made stays in its layer. A plain `git
pull` of the branch right after this build's own clone brings nothing new and is not reported,
unless an `ARG` declared between them rebuilds the pull over a cached clone. A path
below a symbolic link an earlier `RUN` made is its target's (`ln -s /usr/local/apache-tomcat-8.5.16
/usr/local/tomcat`, then `rm -rf /usr/local/tomcat/webapps/docs`). Not reported: what the same
`RUN` created before removing it (download, extract, install, then clean up), branches the `ARG`
defaults rule out, a `pip uninstall` without `-y` or `PIP_YES` (it asks, and a build with no
terminal to answer that succeeds removed nothing), an `rm -f` of a name below a tree copied without
its listing (`-f` says it may be missing: a gitignored config), a path below a home `useradd -m`
filled that is not one of its dotfiles, and paths of the base image that nothing shows to hold
bytes (a `.list` file, `/etc/motd`): without the registry only docs and man pages
(`/usr/share/doc`, ..., none on Alpine), debconf's database on Debian-family images, php's source
tarball (`/usr/src/php.tar.xz`) and node's npm count. A package removal counts when it names a
package an earlier install named, or one the base image holds: of the images whose packages are
known (debian, ubuntu, NVIDIA's CUDA, php, the language images on buildpack-deps, CentOS and its
kin), only those; of another, any unless it is a minimal one. `apt-get autoremove` alone does not.
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

## Fix
Safe (`check --fix`), two rewrites, each only where it provably leaves the same final image:

- A file or directory a `COPY` (from the context or `--from=stage`) writes only for the next
  `RUN` that uses and removes it: `COPY x.sh /tmp/x.sh` + `RUN sh /tmp/x.sh && rm /tmp/x.sh`
  becomes `RUN --mount=type=bind,source=x.sh,target=/tmp/x.sh sh /tmp/x.sh` (`from=stage,` with
  `--from`), the `COPY` and the `rm` of that path dropped. It holds when: the `RUN` removes
  exactly what the `COPY` wrote (an `rm` of that path, at the top level of an `&&` or `;` list);
  nothing between the two instructions names the path, a parent of it or their names, a
  variable or a glob, in any stage (a `FROM` between: no fix); the `COPY` has no `--chown`,
  `--chmod`, `--link`, `--parents` or `--exclude` (a mount has none of them); the path was not
  there before the `COPY` and its parent was (a standard directory or one an earlier step made);
  no command of the `RUN` moves it, hard-links it or copies it with its owners (`mv`, `ln`,
  `cp -a`, `rsync`, `tar -c`: the mount shows the build context's owners where `COPY` gave
  root's), and nothing after the `rm` names it. A bind mount is read-only: where the `RUN`
  writes into a copied directory (`make -C /src`, a script run there) the mount gets `,rw`,
  whose writes the `RUN` sees and the image does not, as with the removed copy; a file it
  writes is not fixed. A directory from the build context is not mounted when a
  `.dockerignore` is beside the Dockerfile (builders differ on whether a mount honours it).
- A removal in a later `RUN` of what an earlier `RUN` of the same stage created: the `rm`
  moves to the end of the creating `RUN` (`&& rm -f /tmp/big.bin`) and leaves the later one
  (which goes when nothing else remains), when no instruction between names the path (as
  above; `ENV`, `ARG` or `WORKDIR` between are fine when they do not) or runs in it, and
  no command of the later `RUN` before the `rm` does. A glob moves only when no `RUN`, `COPY`
  or `ADD` is between.

Unsafe (`--unsafe-fixes`): either rewrite when a `RUN` between, or the later `RUN` before its
`rm`, runs a script, an interpreter or a build tool (`./install.sh`, `make`, `python x.py`)
that might read the files without naming them.

Builders: BuildKit removes a bind mount's target after the `RUN`; buildah before 1.41 leaves it
as an empty file or directory (containers/buildah#4242).

## Options
- `min-bytes` (default 1MB): a measured or estimated finding under this many bytes drops to
  `info`.

## References
- https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers
- https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from layerguard.dockerfile.effects import (
    PURGE,
    REMOVE,
    inside,
    is_glob,
)
from layerguard.dockerfile.filesystem import Change, Layer
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
        rewritten: list[str] = []  # (the working trees a git checkout wrote other versions in)
        origins = Origins(ctx)
        for change in layer.changes:
            if change.kind == PURGE:
                removed.append(f"packages ({change.command})")
            elif change.kind == REMOVE:
                into = rewritten if change.tool == "git" else removed
                named = (f"the build in {p}" if change.tool == "make" else p for p in change.paths)
                into.extend(p for p in named if p not in into)
            else:
                continue
            for hit in change.hits:
                origins.add(hit)
        if not (removed or rewritten):
            continue
        where = origins.where("added")
        what = " and ".join(
            ([f"removes {listing(removed)}"] if removed else [])
            + (
                [f"checks out other versions of the files in {listing(rewritten)}"]
                if rewritten
                else []
            )
        )
        why = (
            "a whiteout hides the files but their bytes still ship"
            if not rewritten
            else "the old versions of the files it changes still ship"
            if not removed
            else "their old bytes still ship"
        )
        problem = weigh(
            ctx,
            index,
            "hidden",
            f"{what}{where}: {why}",
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
        from layerguard.dockerfile import fix as fixing

        if len(changes[0].paths) != 1:
            return None
        return fixing.bind_mount(
            ctx.text, ctx.model, ctx.steps, ctx.layers, source, index, rm, changes[0].paths[0]
        )
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


_SAFE = re.compile(r"[\w/.*?\[\]+@%-]+")  # a glob the shell must still expand: unquoted


def _moved(ctx: Context, origin: Step, step: Step, change: Change, rm: Command) -> Fix | None:
    """The `rm` of a later RUN moved to the end of the RUN that created what it removes."""
    from layerguard.dockerfile import fix as fixing

    onode = origin.instr.node
    if onode.json_form or onode.heredocs:
        return None
    removed = fixing.removed_paths(rm)
    paths = [p for _, p in removed if p is not None]
    if not paths or len(paths) != len(removed) or sorted(set(paths)) != sorted(change.paths):
        return None  # rm also removes what no earlier layer is seen to write
    between = fixing.between(ctx.model, origin.instr.end_line, step.instr.line)
    if between is None:
        return None
    for path in paths:
        if any(fixing.mentions(fixing.instruction_words(i), path, i.workdir) for i in between):
            return None
        if any(i.workdir == path or inside(i.workdir, path) for i in between):
            return None  # it runs in the directory: a relative name may reach it
        if is_glob(path) and any(i.keyword in ("run", "copy", "add") for i in between):
            return None  # a glob moved earlier might miss what a step between leaves there
    assert step.run is not None
    commands = step.run.commands
    at = commands.index(rm)
    before = commands[:at]
    for command in before:
        if any(
            fixing.mentions(command.words, p, command.cwd)
            or (command.cwd is not None and (command.cwd == p or inside(command.cwd, p)))
            for p in paths
        ):
            return None  # this RUN uses the files before it removes them
    opaque = any(fixing.runs_programs(c) for c in before) or any(fixing.opaque(i) for i in between)
    options = [w for w in rm.words[1:] if w.startswith("-") and w != "--"]
    import shlex  # only a fix quotes paths: a plain check never imports it

    quoted = [p if is_glob(p) and _SAFE.fullmatch(p) else shlex.quote(p) for p in paths]
    text = " ".join(["rm", *options, *quoted])
    escape = ctx.model.parsed.escape
    origin_lines = fixing.instruction_lines(ctx.text, onode)
    appended = fixing.append_command(origin_lines, text, escape)
    assert origin.run is not None
    expected = [c.words for c in origin.run.commands] + [("rm", *options, *(p for p in paths))]
    if fixing.rewritten_words(origin, appended, escape) != expected:
        return None
    left = fixing.drop_command(
        fixing.instruction_lines(ctx.text, step.instr.node), rm.words, None, escape
    )
    if left is None:
        return None
    if left and fixing.rewritten_words(step, left, escape) != fixing.without(step, rm, None):
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
