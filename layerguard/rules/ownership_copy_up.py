"""Ownership or mode copy-up: a RUN changes owner, mode or times of files an earlier layer wrote.

## What it does
Reports a `RUN` of a shipped stage that changes the owner, mode, ACL, capabilities or times of
regular files an earlier layer wrote: `chown`, `chgrp`, `chmod`, `setfacl`, `setcap`, `touch`, `find
... -exec chmod`, `fix-permissions`, and `usermod -u`, which re-owns the files of the user's home
(Ubuntu 24.04's `ubuntu` has its dotfiles there); and `ln` without `-s`, a hard link, which changes
the link count of the file it links, so overlayfs copies it up (not a link it links as it is, `ln
/usr/bin/python3 /usr/bin/python` of Debian's python3 link). Below `/var/lib`, where packages keep
little, what an install is known to fill counts: Debian's postgresql and MariaDB/MySQL servers
create their databases there. A recursive change reaches every file below the path; a non-recursive
one only the files it names (`chmod +x /entrypoint.sh`, `setcap ... /usr/bin/x`, any change of a
program in a bin directory, which the build needs there, also one a build's `make install` put
below a prefix of its own: `chmod 4755 /opt/pbs/sbin/pbs_iff`). Not reported: directory entries only
(`chown app /app`, `chmod 1777 /srv/dir/`, `WORKDIR /app` then `chown`, `chown -R` over a tree that
only `mkdir` or `useradd` made, `find -type d -exec chmod`; an octal mode without the owner's `x`,
`chmod 600 f`, names a file), files the same `RUN` created, edited in place first (`sed -i ... f &&
chmod +x f`, `dos2unix`, `perl -pi`: the edit is what copies them) or removes again before it ends,
what `fix-permissions` (Jupyter, s2i) already made group-writable, and base-image trees that nothing
shows to hold files: without the registry, the system trees (`/usr/lib`) and the runtime trees of
well-known images (python's `/usr/local/lib/python3.x`, `/opt/conda`, Dev Containers'
`/home/vscode`) count.

A `chown` or `chmod` that only sets what the files have already (`COPY --chown=app:app . /app`,
then `RUN chown -R app:app /app`; `COPY` without `--chown` gives root's; `useradd -m app` gives
the home's dotfiles `app:app`) is reported too, and the message says so: the kernel copies each
file up all the same, Docker's overlay2 storage driver ships those copies, and BuildKit's own
differ (the containerd image store, `buildx` builders) leaves unchanged files out. Either way the
files gain nothing. Directories may still change (one `WORKDIR` or `mkdir` made is root's): where
one must, `chown` it alone, without `-R`.

## Why is this bad?
Metadata lives in the layer with the file. To change the owner or mode of a file from a lower
layer, the new layer stores a full copy of it: `chown -R app /srv` doubles every byte under
`/srv`. The image ships both copies.

## Example
```dockerfile
COPY app/ /srv/app/
RUN chown -R www-data:www-data /srv/app
```

## Use instead
Set ownership and mode when the files are written:
```dockerfile
COPY --chown=www-data:www-data --chmod=755 app/ /srv/app/
```
or change them in the same `RUN` that creates them.

Files the build context lists carry their size (`estimated`). With `check --registry`,
`measured: {"paths": N, "bytes": B}` is what the instruction's layer of the built image copied
up (the lower versions it replaced), or else the base image's files under those paths.

## Fix
Safe (`check --fix`): `COPY x /app/` then `RUN chown -R app:app /app` becomes
`COPY --chown=app:app x /app/` (`chmod -R 755` becomes `--chmod=755`), and the `RUN` goes, when
the `RUN` is nothing but that one chown (with both user and group: `--chown=app` would also set
the group) or chmod (an octal mode: `COPY --chmod` takes no other), and what it changed is
exactly what that `COPY` wrote: its destination or its one file, nothing an earlier step put
there, nothing a step between wrote or ran over. When an earlier `RUN` or `COPY` made the
destination directory, `COPY --chown` leaves that directory's owner, so a non-recursive
`RUN chown app:app /app` of the directory alone stays (its layer holds one directory entry).

Report only: a destination that `WORKDIR` made or whose parent the `COPY` would create (builders
disagree on who owns those: BuildKit makes the `WORKDIR` directory as root before the `COPY`,
buildah makes it during the `COPY` with the `--chown` owner), a directory the base image may
hold files in (a standard one such as `/opt`, anything in `/etc`, a tree the image is known to
fill: the `RUN` re-owned those files too), a user or group a step between may add (`useradd`
in any form, an install of a package named like it (nginx, redis-server for redis), a copied
`/etc/passwd`: the `COPY` would run before it exists and fail), a `WORKDIR` made inside the
directory, variables in the command, several `COPY`s or commands.

Unsafe (`--unsafe-fixes`): `chmod +x FILE` of one copied file becomes `COPY --chmod=755`; the
same for a file the build context holds as 644, not for one it holds as 600 or 664.

## Options
- `min-bytes` (default 1MB): a measured or estimated finding under this many bytes drops to
  `info`.

## References
- https://docs.docker.com/reference/dockerfile/#copy---chown---chmod
- https://github.com/moby/moby/issues/5505 (chown doubles the image size)
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping

from layerguard.dockerfile.bases import in_tree, known
from layerguard.dockerfile.effects import (
    CHOWN,
    EXEC,
    INSTALL,
    STANDARD_DIRS,
    TOUCH,
    commands_run,
    covers,
    inside,
    path_overlaps,
    tool_and_args,
)
from layerguard.dockerfile.filesystem import Layer, Step
from layerguard.findings import Edit, Fix, Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import MIN_BYTES, Context, Origins, listing, weigh

if TYPE_CHECKING:
    from typing import Any

CODE = "LG004"
NAME = "ownership-copy-up"
SEVERITY = Severity.WARNING
SUMMARY = "A RUN chown/chmod/chgrp/touch copies files from an earlier layer into a new one."
HELP = "Use COPY --chown/--chmod, or change ownership in the RUN that creates the files."
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    for index, layer in ctx.own_layers():
        touched: list[str] = []
        tools: list[str] = []
        same: set[str] = set()
        origins = Origins(ctx)
        for change in layer.changes:
            if change.kind not in (CHOWN, TOUCH):
                continue
            touched.extend(p for p in change.paths if p not in touched)
            if change.tool not in tools:
                tools.append(change.tool)
            same.add(change.same)
            for hit in change.hits:
                origins.add(hit)
        if not touched:
            continue
        where = origins.where("written")
        what = f"{'/'.join(tools)} of {listing(touched)}{where}"
        if "" not in same:
            # (the owner or mode COPY --chown/--chmod or useradd gave: only the copy is left)
            what += (
                f" only sets what its files have already ({', '.join(sorted(same))}), yet"
                " overlay2 storage"
            )
        problem = weigh(
            ctx,
            index,
            "replaced",
            f"{what} copies every touched file into a new layer",
            measured=origins.measured(),
            estimated=origins.estimated(),
        )
        yield problem._replace(fix=_fix(ctx, index, layer)) if ctx.text else problem


_RECURSIVE = frozenset({"-R", "--recursive"})


def _fix(ctx: Context, index: int, layer: Layer) -> Fix | None:
    """`COPY --chown=`/`--chmod=` instead of a RUN that is one chown/chmod of exactly what one
    COPY wrote; None unless the filesystem is provably the same afterwards."""
    step = layer.step
    node = step.instr.node
    if step.run is None or len(step.run.commands) != 1 or node.json_form or node.heredocs:
        return None
    command = step.run.commands[0]
    words = command.words
    if step.instr.flags or command.assignments or command.redirects or "$" in node.original:
        return None
    if len(words) < 3 or words[0] not in ("chown", "chmod"):
        return None
    tool, spec = words[0], words[-2]
    if not set(words[1:-2]) <= _RECURSIVE:
        return None
    user, colon, group = spec.partition(":")
    # `chown app` keeps the group where `--chown=app` sets it to the user's id: only both match.
    if tool == "chown":
        valid = bool(user and colon and group)
    else:  # COPY --chmod takes octal modes only
        valid = len(spec) in (3, 4) and all(c in "01234567" for c in spec)
    # `chmod +x FILE` becomes --chmod=755: the same for a file the context holds as 644, not for
    # one it holds as 600 or 664, whose other bits +x kept. So it is an unsafe fix.
    executable = tool == "chmod" and spec in ("+x", "a+x", "ugo+x")
    if not valid and not executable:
        return None
    changes = [c for c in layer.changes if c.kind in (CHOWN, TOUCH)]
    if len(changes) != 1 or len(changes[0].paths) != 1:
        return None
    hits = changes[0].hits
    origins = {h.entry.layer for h in hits}
    if len(origins) != 1 or not all(h.whole and h.entry.copied for h in hits):
        return None
    (source,) = origins
    copy = ctx.steps[source] if source >= 0 else None
    if copy is None or copy.inherited or copy.instr.keyword != "copy" or copy.instr.node.heredocs:
        return None
    if copy.instr.flag(tool) is not None or not copy.copies or command.cwd is None:
        return None
    path = changes[0].paths[0]
    into = copy.copies[0].into.rstrip("/") or "/"
    single = len(copy.copies) == 1 and copy.copies[0].path == path and not copy.copies[0].tree
    if path != into and not single:
        return None
    if executable and not single:
        return None
    if not single and not set(words[1:-2]) & _RECURSIVE:
        return None
    earlier = [e.path for lay in ctx.layers[:source] for e in lay.entries]
    workdirs = [s.instr.workdir for s in ctx.steps[: source + 1]]
    if any(inside(p, path) for p in earlier):
        return None  # a chown -R reached those too; COPY --chown would not
    if any(w == path or inside(w, path) or inside(path, w) for w in workdirs if w != "/"):
        # A directory only WORKDIR made: BuildKit makes it before the COPY, owned by root;
        # buildah makes it during the COPY, owned as --chown says (measured: see
        # tests/commands/check_fix_real_test.py). The fixed image would depend on the builder.
        return None
    parent = posixpath.dirname(path)
    if parent not in STANDARD_DIRS and parent not in earlier:
        return None  # COPY would create it, with an owner builders do not agree on
    if not single and _base_may_hold(ctx, path):
        return None  # the RUN re-owned the base image's files there too; COPY --chown would not
    if any(inside(s.instr.workdir, path) for s in ctx.steps[source + 1 : index + 1]):
        return None  # a WORKDIR made inside: root's, where the RUN would have re-owned it
    for between in ctx.layers[source + 1 : index]:
        run = between.step.run
        if tool == "chown" and _may_add_accounts(between.step, {user, group}):
            return None  # the user or group may not exist yet where the COPY runs
        if any(path_overlaps(p, path) for w in between.step.copies for p in (w.path,)):
            return None
        if run is not None and any(
            op.kind == EXEC or any(path_overlaps(p, path) for p in op.paths) for op in run.ops
        ):
            return None
    from layerguard.dockerfile import fix as fixing

    flag = f"--{tool}={'755' if executable else spec}"
    copy_lines = fixing.instruction_lines(ctx.text, copy.instr.node)
    new_copy = fixing.add_run_flag(copy_lines, flag)
    node_after = fixing.reparse(new_copy, ctx.model.parsed.escape)
    old_node = copy.instr.node
    if node_after is None or (node_after.args, node_after.flags) != (
        old_node.args,
        (flag, *old_node.flags),
    ):
        return None
    keyword = fixing.instruction_lines(ctx.text, node)[0].split()[0]
    # A directory that existed before the COPY keeps its owner under COPY --chown; the RUN
    # changed it: keep that change, of the directory entry alone (no file is copied up).
    kept = f"{keyword} {tool} {spec} {path}" if not single and path in earlier else None
    unsafe = " (mode 0755 whatever the file's mode in the build context)" if executable else ""
    return Fix(
        f"COPY {flag} at line {copy.instr.line} instead of the RUN{unsafe}"
        + ("" if kept is None else f", and {tool} of the directory {path} alone"),
        not executable,
        (
            Edit(copy.instr.line, copy.instr.end_line, new_copy),
            Edit(node.start_line, node.end_line, kept),
        ),
    )


def _may_add_accounts(step: Step, names: set[str]) -> bool:
    """`step` adds (or may add) users or groups: `useradd` and its kin, also in a script or
    `sh -c`; an install of a package named like one of `names` (nginx adds nginx, redis-server
    redis, postgresql postgres) or of packages it does not name; a COPY of /etc/passwd."""
    if step.run is None:
        return any(covers(w.path, "/etc/passwd") or covers(w.path, "/etc/group")
                   for w in step.copies)  # fmt: skip
    installed = [p.lower() for op in step.run.ops if op.role == INSTALL for p in op.packages]
    if any("$" in p or p.startswith(n) or n.startswith(p) for p in installed for n in names):
        return True
    if any(name in step.instr.node.original for name in _ACCOUNTS):
        return True
    return any(tool_and_args(c)[0] in _ACCOUNTS for c in commands_run(step.instr, step.run))


_ACCOUNTS = frozenset({"useradd", "adduser", "groupadd", "addgroup", "usermod", "groupmod"})


def _base_may_hold(ctx: Context, path: str) -> bool:
    """`path` is a directory the base image has or may have files in: a standard directory,
    one of /etc, or a tree or file the image is known to hold (`/etc/nginx` on nginx)."""
    held = known(ctx.outside)  # (not ctx.image: the image this file builds)
    return (
        path in STANDARD_DIRS
        or path.startswith("/etc/")
        or in_tree(path, held.trees)
        or any(f.startswith(path.rstrip("/") + "/") for f in held.files)
    )
