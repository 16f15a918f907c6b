"""Copy over inherited content: a COPY/ADD writes paths that an earlier layer already wrote.

## What it does
Reports a `COPY` or `ADD` of a shipped stage that writes a path an earlier layer of the same image
already wrote: an earlier instruction in the shipped stages, or an instruction of a checked
Dockerfile up the FROM chain. With the build context present (the Dockerfile's directory unless the
config, a compose or CI file names another; or, when it lacks a source a COPY names, the one
directory above it in the repository that holds them all; a file the repository's .gitignore leaves
out of a clone is the user's, not lacking), the paths are known file by file (`COPY src .` writes
`/test.txt` when `src/test.txt` exists), read as BuildKit reads them: the ignore file
(`<Dockerfile>.dockerignore` beside the Dockerfile, else the context's `.dockerignore`), `--exclude`
and `--parents`. Without the context, the same sources copied to the same place count, as do one
file copied twice to one path (`COPY a.jar app.jar`, `COPY b.jar app.jar`), a file copied after a
tree that held it, or by a wildcard after it was named (`COPY scripts/run.sh /opt/`, then `COPY
scripts/*.sh /opt/`) or a file named after a wildcard matched it (`COPY *.py ./`, then `COPY
train.py ./`), what a stage copied from the context coming back with `COPY --from` (to where it was,
or elsewhere and then copied from the context again: `COPY --from=build /app/public
/var/www/html/public`, then `COPY public/vendor/ /var/www/html/public/vendor/`; or files a stage
copied by name, `COPY package* ./`, back over a copy of the context's directory, or under one: `COPY
--from=builder /usr/src/app/requirements.txt .`, then `COPY . .`), a tree copied back
from a stage whose base image holds the same files there (`COPY --from=builder /root .` on two
Ubuntu images, less what the stage removed), one directory copied from two stages grown from a
common stage that wrote it (not /opt, where the common stage is a distribution's image that
installed from its archive alone), files a RUN is seen to write (`cp .env.example .env`, `jupyter
notebook --generate-config`, `paster make-config`, `trac-admin ENV initenv`, `initdb`, Oh My Zsh's
installer), a project manifest (`requirements.txt`, `Gemfile`, `package.json`) or build file
(`Makefile`, `CMakeLists.txt`) copied to the root of a repository a `git clone` wrote, and files a
well-known base image or an installed package ships (nginx's `default.conf`, tomcat's
`conf/server.xml`, prometheus's `prometheus.yml`, an s2i builder image's `assemble` and `run`, which
a copy of the image's own `s2i/bin` replaces, the official images' `docker-entrypoint.sh`, the C
library a final stage copies from its build stage, by name or by a wildcard over its directory
(`lib*`) (musl's loader on Alpine; glibc's `libc.so.6` and its kin, files since glibc 2.34, on
Debian 12, Ubuntu 22.04 and later and distroless; libgcc's `libgcc_s.so.1` on every Debian and
Ubuntu), where a RUN moved or copied such a file's directory (`mv webapps.dist webapps` on tomcat),
the certificate bundle of a stage's whole `/etc/ssl/certs`, `/etc/nginx/nginx.conf` after `apt-get
install nginx` (or `nginx=1.22*`; `/etc/influxdb/influxdb.conf` after `dpkg -i
influxdb_1.8.0_amd64.deb`; `/etc/php/7.4/fpm/php.ini` after `apt-get install php-fpm` on
ubuntu:20.04, whose PHP is 7.4), `conf/server.xml` of a Tomcat tarball a RUN (or ADD) unpacked (and
Hadoop's, Kafka's, Maven's, ... own configuration), the `conf/nginx.conf` of nginx (or OpenResty)
built from source, where its `./configure` placed it (`--prefix`, `--conf-path`; not a `make install
DESTDIR=...`), and Apache httpd's `conf/httpd.conf` (`--prefix`, `--sysconfdir`), also in what a
later stage copies out of the builder, the shells' start-up files of Debian, Ubuntu and RHEL-family
images: `/etc/bash.bashrc`, `/etc/bashrc`, `/root/.bashrc`, and `/etc/fstab`; of a base not known
here too, when its RUNs install with that family's package manager alone), a program copied into
/usr/bin over the one a distribution package named for it installed there (`apt-get install
chasquid`, then `COPY --from=build /go/bin/chasquid /usr/bin/`), a directory copied into
`site-packages` under the name of a package a pip, uv or conda install put there, its own directory
(named for it, or the whole project: `mamba install leafmap`, then `COPY leafmap
/opt/conda/lib/python3.13/site-packages/leafmap`; not `COPY data/ .../site-packages/jieba`), and a
whole root filesystem copied onto `/` over a base image (`COPY --from=build / /` of a stage that
installed packages, a distribution image's own, `COPY --from=python:3.6-slim / /`, a `dnf
--installroot` tree), and what the variables a base not known here set show it holds: a JDK's JCE
policy jars in `${JAVA_HOME}/jre/lib/security/`, a Tomcat's `conf/server.xml` where `CATALINA_BASE`
(or this file's ENV of it, when no RUN installs there) points, WildFly's profiles in `JBOSS_HOME`. A
COPY through a link an earlier RUN made (`ln -s /opt/hadoop-3.3.6 /opt/hadoop`) lands on the link's
target. Such package or distribution configuration counts too under a wildcard that matches two or
more of its files, or a directory named for configuration (`conf`, `config`, `etc`) or for the
package (`COPY nginx /etc/nginx/` after `apt-get install nginx`; where the package's main file is
the one known, that alone: `COPY mosquitto /etc/mosquitto`), copied into its own directory: `COPY
config/*.xml $HADOOP_HOME/etc/hadoop/` over the tarball's site files, `COPY conf/extra/*.conf
/usr/local/apache2/conf/extra/` over the httpd image's own (not into a standard directory such as
/etc, which all packages share). A file a RUN removed or moved away by name after an earlier layer
wrote it counts too when a COPY writes it again (`RUN rm conf/tomcat-users.xml`, then `COPY
tomcat-users.xml conf/`): the whiteout hides the old copy, which still ships.

## Why is this bad?
A layer cannot change the layers below it. The new copy shadows the old one, which keeps shipping
in full: the image grows by the size of both copies, and every pull downloads the dead one.

## Example
```dockerfile
FROM registry.example.com/team/app:0.0.1   # its build already copied src/ to /
COPY src .
```

## Use instead
Copy each file once, in the layer that owns it: build each version from a base image that does
not hold the application, or copy the changing files only in the last stage.
```dockerfile
FROM registry.example.com/team/runtime:1.4
COPY src .
```

The old copies are weighed when their size is known: `estimated: {"paths": N, "bytes": B}` from
the build context (a `COPY requirements.txt .` then `COPY . .` re-copies a few bytes, reported as
`info`), or `measured` with `check --registry`: the lower versions the instruction's layer of
the built image replaced, or else the external base image's files.

## Fix
None (report only): which copy to keep (the parent's or this one) is a decision about both
images, not a rewrite of one line.

## Options
- `min-bytes` (default 1MB): a measured or estimated finding under this many bytes drops to
  `info`.

## References
- https://docs.docker.com/get-started/docker-concepts/building-images/understanding-image-layers/
- https://github.com/wagoodman/dive (wasted space: files duplicated across layers)
"""

from __future__ import annotations

import fnmatch
import functools
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from layerguard.dockerfile.bases import (
    C_LIBRARY_FILES,
    DEBIAN_LIBRARY_FILES,
    DEBIAN_NGINX_ONLY,
    DEBIAN_SKEL,
    DISTRIBUTION_TREES,
    RHEL_SKEL,
    S2I_SCRIPTS,
    USER_DATABASE,
    a_distribution,
    debian_release,
    distribution_files,
    distribution_member,
    family_files,
    in_tree,
    known,
    of_old_alpine,
    of_ubuntu,
    package_files,
    variable_file,
)
from layerguard.dockerfile.effects import (
    BIN_DIRS,
    CACHE,
    DIR,
    EITHER,
    EMPTY,
    EXEC,
    EXTRACTORS,
    FILE,
    INSTALL,
    MANAGERS,
    PURGE,
    REMOVE,
    STANDARD_DIRS,
    TREE,
    WRITE,
    Op,
    a_file_family,
    archive_stem,
    copy_writes,
    covers,
    inside,
    is_glob,
    is_remote,
    links_made,
    python_install_trees,
    removed_by,
    run_effects,
    source_installs,
)
from layerguard.dockerfile.filesystem import BASE, DISTRIBUTION_MANAGERS, HOME, LINKED_PROGRAMS
from layerguard.dockerfile.model import resolve
from layerguard.findings import Problem, Severity, human
from layerguard.records import TYPE_CHECKING
from layerguard.reference import parse_reference
from layerguard.rules.base import MIN_BYTES, Context, listing, weigh

if TYPE_CHECKING:
    from typing import Any

    from layerguard.dockerfile.effects import CopyWrite
    from layerguard.dockerfile.filesystem import Entry, Layer, Step
    from layerguard.dockerfile.ignorefile import Ignored
    from layerguard.dockerfile.model import Instruction, Model, Stage
    from layerguard.reference import ImageRef


CODE = "LG002"
NAME = "copy-over-inherited-content"
SEVERITY = Severity.WARNING
SUMMARY = "A COPY/ADD writes paths an earlier layer of the same image already wrote."
HELP = "Copy each file once; build versions from a base image that does not already hold them."
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    # What each step wrote, file by file, for the exact (listed) writes: a `COPY . .` of a big
    # context compares thousands of paths, so by lookup rather than by scan.
    listed = [
        {(p := _placed(ctx, i, c)).path: p for c in s.copies if c.exact and c.size != 0}
        for i, s in enumerate(ctx.steps)
    ]
    unlisted = [[c for c in s.copies if not c.exact and c.size != 0] for s in ctx.steps]
    model = ctx.model
    shipped = model.stages[model.shipped[0]].base_image if model.shipped else None
    stages = _Stages(model)
    # What each RUN leaves that a COPY may write again: package config files, the dotfiles of
    # the homes `useradd -m` made, clones.
    skels = [_skel_files(layer, shipped) for layer in ctx.layers] or [frozenset()] * len(ctx.steps)
    image = known(shipped)  # (of no image: no files, no manager)
    held, manager = image.files, image.manager
    ubuntu, old_alpine = of_ubuntu(shipped), of_old_alpine(shipped)
    left: list[tuple[frozenset[str], frozenset[str]]] = []
    removed: set[str] = set()  # what the RUNs so far removed or moved away
    named: set[str] = set()  # the packages the RUNs so far installed
    # the Python packages installed before each step, by name: (where, the trees it wrote)
    pythons: list[dict[str, tuple[str, tuple[str, ...]]]] = []
    python_named: dict[str, tuple[str, tuple[str, ...]]] = {}
    # (nginx's conf/ after its make install)
    built = source_installs((s.run, s.instr.env) for s in ctx.steps)
    nginx_org = False  # (a step so far named nginx.org's repository)
    no_recommends = False  # (a step so far told apt not to install recommended packages)
    for step, skel, installed in zip(ctx.steps, skels, built, strict=True):
        pythons.append(dict(python_named) if step.copies and python_named else {})
        python_named.update((n, (step.where, trees)) for n, trees in _python_named(step))
        nginx_org = nginx_org or _NGINX_ORG in step.instr.node.original
        if step.run is None:
            left.append((frozenset(), frozenset()))
            continue
        configs, clones = _left(
            step.run.ops,
            skel,
            held,
            frozenset(removed),
            frozenset(named),
            ubuntu,
            manager,
            old_alpine,
            no_recommends,
        )
        # (`echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends`)
        no_recommends = no_recommends or bool(_RECOMMENDS_OFF.search(step.instr.node.original))
        installs = [
            at
            for at, op in enumerate(step.run.ops)
            if op.role == INSTALL and op.family in ("apt", "yum") and "nginx" in op.packages
        ]
        if nginx_org and installs:
            # (nginx.org's nginx package ships conf.d/default.conf; Debian's leaves it empty;
            # not when the RUN moves it away after, `mv .../default.conf .../default.conf.bak`;
            # and none of Debian's sites-available/default, snippets or /var/www)
            configs = frozenset(c for c in configs if not in_tree(c, DEBIAN_NGINX_ONLY))
            after = step.run.ops[installs[-1] :]
            # (an rm or mv of it or its directory; not a find, whose name filters the model
            # may not keep: `find /etc/nginx/conf.d ! -name default.conf -delete`)
            if not any(
                op.kind == REMOVE
                and op.tool in ("rm", "mv")
                and any(covers(p, _NGINX_ORG_SITE) for p in op.paths)
                for op in after
            ):
                configs |= {_NGINX_ORG_SITE}
        left.append((configs | frozenset(installed), clones))
        named.update(p for op in step.run.ops if op.role == INSTALL for p in op.packages)
        removed.update(p for op in step.run.ops if op.kind == REMOVE for p in op.paths)
    links = _links(ctx)
    hidden = _whited_out(ctx)
    family = _family_shown(ctx)  # (what a base not known here holds, once per file)
    pnpm = _pnpm_links(ctx.text)
    # (what each RUN named, where later moves took it by each COPY: once for all the files a
    # `COPY . .` of a big context writes)
    moved: dict[tuple[int, int], tuple[str, ...]] = {}
    for index, step in ctx.own_steps():
        if step.instr.keyword not in ("copy", "add"):
            continue
        hits: dict[str, str] = {}  # path -> where its old copy came from
        sizes: dict[str, int | None] = {}  # path -> bytes of the old copy, when known
        for write in step.copies:
            found = list(
                _old_copies(
                    ctx, index, write, listed, unlisted, shipped, stages, left, family, pnpm, moved
                )
            )
            if not found and links and (linked := _through_a_link(links, index, write)):
                # (`RUN ln -s /opt/hadoop-3.3.6 /opt/hadoop`, then a COPY into /opt/hadoop:
                # what any layer before it wrote at the target, the link's own RUN included)
                _, real = linked
                found = list(
                    _old_copies(
                        ctx,
                        index,
                        real,
                        listed,
                        unlisted,
                        shipped,
                        stages,
                        left,
                        family,
                        pnpm,
                        moved,
                    )
                )
            if not found and not write.tree:
                found = _under_a_whiteout(ctx, hidden, index, write)
            if not found and (package := _over_a_python_package(write, pythons[index])):
                found = [(write.path, pythons[index][package][0], None)]
            for path, where, size in found:
                hits.setdefault(path, where)
                sizes.setdefault(path, size)
        for path, where in _lacking_files_held(ctx, index, listed[index], unlisted):
            # (`COPY .env .env`, .env gitignored, then `COPY . .`: the user's tree holds it)
            hits.setdefault(path, where)
            sizes.setdefault(path, None)
        if not hits:
            continue
        paths = sorted(hits)
        origins = sorted(set(hits.values()))
        weights = [size for size in sizes.values() if size is not None]
        figures = None
        shown = listing(paths)
        if len(weights) == len(sizes):
            figures = {"paths": len(paths), "bytes": sum(weights)}
            shown += f" ({human(sum(weights))})"
        # Sizes come from the registry's listing of the base, or else from the build context.
        from_registry = ctx.base is not None and all(w.startswith("the base") for w in origins)
        yield weigh(
            ctx,
            index,
            "replaced",
            f"writes {shown} again (already written by {', '.join(origins[:3])}); "
            f"the old copies stay in the lower layer",
            measured=figures if from_registry else None,
            estimated=None if from_registry else figures,
        )


def _whited_out(ctx: Context) -> dict[str, list[tuple[int, int, str]]]:
    """The files a RUN removed by name (or moved away) that an earlier layer wrote with content:
    path -> (the removal's step, the writer's step, or BASE with the base image's name)."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    base = ctx.outside.familiar if ctx.outside else "the base image"
    for index, layer in enumerate(ctx.layers):
        for change in layer.changes:
            if change.kind != REMOVE:
                continue
            for hit in change.hits:
                if hit.path in change.paths and not is_glob(hit.path) and hit.entry.weighs:
                    found.setdefault(hit.path, []).append((index, hit.entry.layer, base))
    return found


def _under_a_whiteout(
    ctx: Context, hidden: dict[str, list[tuple[int, int, str]]], index: int, write: CopyWrite
) -> list[tuple[str, str, int | None]]:
    """(path, where) of the file `write` puts back where an earlier RUN removed it (`RUN rm
    tomcat/conf/tomcat-users.xml`, then `COPY tomcat-users.xml tomcat/conf/`): the copy the
    whiteout hides still ships under the new one."""
    # (a file, not a directory removed and copied anew, `rm -rf webapps/ROOT`, then `COPY ROOT
    # webapps/ROOT`: the removal's LG003 counts those bytes; a name that may be a directory
    # counts only as the file it takes inside)
    within = posixpath.join(write.path, posixpath.basename(write.source))
    for path in (within,) if write.either else (write.path, within):
        for at, layer, base in hidden.get(path, ()):
            if at < index:
                where = ctx.steps[layer].where if layer != BASE else base
                return [(path, f"{where}, removed at line {ctx.steps[at].instr.line}", None)]
    return []


def _old_copies(
    ctx: Context,
    index: int,
    write: CopyWrite,
    listed: list[dict[str, CopyWrite]],
    unlisted: list[list[CopyWrite]],
    shipped: ImageRef | None,
    stages: _Stages,
    left: list[tuple[frozenset[str], frozenset[str]]],
    family: tuple[str, ...] = (),
    pnpm: bool = False,
    moved: dict[tuple[int, int], tuple[str, ...]] | None = None,
) -> Iterator[tuple[str, str, int | None]]:
    """(path, where, bytes if known) of what earlier layers wrote where `write` lands (`family`:
    the files of the distribution family the RUNs show, for a base not known here). An empty
    file costs its header only: not counted."""
    # A file of the context the checkout lacks (the repository ignores it: the user makes it
    # before the build): a directory copied earlier from the context holds it too.
    lacking = not (write.exact or write.origin or write.tree or write.either) and bool(write.source)
    # (`ADD nginx.conf /etc/nginx`: where a package made /etc/nginx a directory, the file lands
    # inside it, on the package's own; so in a distribution's `conf`)
    within = posixpath.join(write.path, posixpath.basename(write.source))
    write = _placed(ctx, index, write)

    # (PHP in the image: a copied public/ is a PHP application's, with index.php)
    php = any(s.run is not None and _PHP.search(s.instr.node.original) for s in ctx.steps[:index])
    # (and a PHP application's image: on php's own or a vendor's, `serversideup/php`)
    php_app = php or (shipped is not None and bool(_PHP_IMAGE.search(shipped.name)))
    if (where := _back_from_an_ancestor(ctx, index, write)) is not None:
        yield write.path, where, None
        return
    if (home := _homes_twice(ctx, index, write)) is not None:
        yield home
        return
    for position in range(index - 1, -1, -1):
        earlier = ctx.steps[position]
        # (A file a stage's output is known to hold, `.next/standalone`'s package.json, lands
        # on the same path as a listed one: it is written again too.)
        named = write.exact or not (write.tree or write.either)
        # (and a plain name copied onto a file an earlier layer wrote: a directory there would
        # fail the build, so it is a file, `COPY proxy_params /etc/nginx/proxy_params`)
        on_a_file = write.either and write.path in listed[position]
        found = listed[position].get(write.path) if named or on_a_file else None
        if found is not None and not _into_a_base_directory(found, write):
            yield found.path, earlier.where, found.size
            return
        if lacking and any(_holds(t, write) for t in _context_trees(listed[position])):
            yield write.path, earlier.where, None
            return
        traced = (o for o in unlisted[position] if _traced_again(o, write))
        if (write.tree or write.either) and write.origin and (found := next(traced, None)):
            yield found.path, earlier.where, found.size
            return
        back = _copied_back(stages, write, earlier.instr)
        if back and (found := next((o for o in listed[position].values() if back(o)), None)):
            yield found.path, earlier.where, found.size
            return
        for old in unlisted[position]:
            if old == write and write.source and "$" not in write.path + write.source:
                # (the same sources copied to the same place again, a pattern's or a tree's
                # whose listing is not known: each file it matches, twice; not where a variable
                # not known decides, which may differ each time)
                yield write.path, earlier.where, old.size
                return
            if (again := stages.context_file_ahead(old, write)) is not None:
                # (the context's file a stage copied by name, then the context's directory)
                yield again, earlier.where, None
                return
            if old.origin and not write.origin and (context := stages.from_context(old, php_app)):
                # (the builder's copy of the context's directory, then that directory's own
                # files copied to the same place: `COPY public/vendor/ .../public/vendor/`)
                old = context
            # (and the other way round: `COPY . /var/www/html`, then `COPY --from=assets
            # /app/public /var/www/html/public` of a stage that copied the context's public/)
            taken = stages.from_context(write, php_app) if write.origin and not old.origin else None
            if _pruned_halves(old, write):
                # (`turbo prune --docker`: out/full/ holds out/json/'s package.json files again)
                yield posixpath.join(write.into, "package.json"), earlier.where, None
                return
            if _matched_again(write, old):
                # (the other way round: `COPY *.py ./`, then `COPY train.py ./`)
                yield write.path, earlier.where, None
                return
            if (again := stages.context_file_back(write, old)) is None:
                again = stages.whole_context_back(write, old)
            if again is not None:
                # (`COPY ./ ./` in /app, then `COPY --from=builder /app ./` of a builder that
                # copied `package*` there from the context: those files, written again)
                yield again, earlier.where, None
                return
            if (
                _same_source_file(old, write, pnpm)
                or _matched_again(old, write)
                or _one_file(old, write)
                or write.path in _unpacked_distribution(old)
                or _kin_stages(stages, old, write)
                or (back and back(old))
                or (
                    taken is not None
                    # (not a wildcard by extension alone, which may match nothing: `*.lock`)
                    and (a_file_family(old.source) or not is_glob(old.source))
                    and _same_source_file(old, taken, pnpm)
                )
            ):
                # (a file copied into a tree copied before: that file is what is written again)
                inner = write.path.startswith(old.path.rstrip("/") + "/")
                yield (write.path if inner else old.path), earlier.where, old.size
                return
        configs, clones = left[position]
        # (the files it named where they are now: a later RUN's mv took them along, `mv
        # ~/hadoop-3.3.4/* ~/hadoop_home/`)
        files = moved.get((position, index)) if moved is not None else None
        if files is None:
            files = _moved_since(ctx, position, index, earlier.run.files) if earlier.run else ()
            if moved is not None:
                moved[(position, index)] = files
        if earlier.run and _grown_from(stages, write, earlier.instr, ctx.layers[position], configs):
            yield write.into.rstrip("/") or "/", earlier.where, None
            return
        if earlier.run and (
            write.path in files
            # (`write.either` counts: a source named like a directory, `COPY sudoers
            # /etc/sudoers`, lands on the file there or fails)
            or (not write.tree and write.path in configs)
            or _onto_a_clone(write, clones)
        ):
            yield write.path, earlier.where, None
            return
        if (
            earlier.run
            and not (write.tree or write.either)
            and (
                within in configs
                or within in files
                # (into the clone's own directory: `ADD files/Makefile /build/ozcp`)
                or (write.path in clones and _onto_a_clone(write._replace(path=within), clones))
            )
        ):
            yield within, earlier.where, None
            return
        if (
            earlier.run
            and (filled := _into_configs(write, configs, files))
            and not _cleared_for(ctx, position, write.into)
        ):
            yield filled, earlier.where, None
            return
        if earlier.run and (member := _certain_member(write, (*configs, *files), php)):
            yield member, earlier.where, None
            return
        if earlier.run and _venv_twice(stages, write, earlier.run.ops, shipped):
            yield write.into.rstrip("/"), earlier.where, None
            return
        if earlier.run and _a_packaged_program(write, earlier.run.ops):
            # (`apt-get install chasquid`, then `COPY --from=build /go/bin/chasquid /usr/bin/`)
            yield write.path, earlier.where, None
            return
        if earlier.run and (held := _stage_base_file(ctx.model, write, configs)):
            yield held, earlier.where, None
            return
        if earlier.run and (head := _family_head(write)) in earlier.run.files:
            # (`yarn add puppeteer`, then `COPY package*.json ./`: the project's package.json)
            yield head, earlier.where, None
            return
    base = ctx.base
    if base is not None:
        if write.exact and write.path in base.files:
            yield write.path, f"the base image {base.reference.familiar}", base.files[write.path][0]
        return
    if shipped is not None:
        held_files = list(_known_base_content(ctx.model, shipped, write, family))
        if not held_files and _shown_by_variable(ctx, index, write, shipped):
            held_files = [(write.path, f"the base image {shipped.familiar}", None)]
        yield from held_files
    elif (
        # (a base the build passes in, `FROM $BASE_IMAGE` with no default, under the stage it
        # copies from as under this one: `COPY --from=build / /` writes all of its files, and
        # `COPY --from=build /usr /usr` all of a system tree's, which every base fills)
        write.origin
        and write.into.rstrip("/") in ("", *_SYSTEM_TREES)
        and (write.into.rstrip("/") or "/") == "/" + write.source.strip("/.")
        and (passed := _same_passed_base(ctx.model, write.origin)) is not None
    ):
        yield write.into.rstrip("/") or "/", f"the base image {passed}", None


def _shown_by_variable(ctx: Context, index: int, write: CopyWrite, shipped: ImageRef) -> bool:
    """`write` lands on a file of what a variable names in a base not known here: the base's
    own variable (`${JAVA_HOME}/jre/lib/security/`), or one this file's ENV set to a standard
    install directory (`CATALINA_HOME=/usr/local/tomcat`) that no RUN before names."""
    if write.tree or write.either or is_glob(write.path):
        return False
    if not write.path.startswith("/$") and not any(inside(write.path, r) for r in _INSTALL_ROOTS):
        return False  # (most writes: what follows reads the steps before, per write)
    held = known(shipped)
    if held.manager or not set(held.files) <= set(USER_DATABASE):
        return False  # (a known base sets its variables, or leaves them unset)
    texts = [s.instr.node.original for s in ctx.steps[:index] if s.run is not None]
    roots = {
        name: value
        for name, value in ctx.steps[index].instr.env.items()
        if value.rstrip("/") in _INSTALL_ROOTS
        and not any(value.rstrip("/") in t or f"${name}" in t or f"${{{name}}}" in t for t in texts)
    }
    return variable_file(write.path, roots)


# The directories images install Tomcat and WildFly into, which an ENV of theirs names.
_INSTALL_ROOTS = frozenset(
    {"/usr/local/tomcat", "/opt/tomcat", "/opt/jboss/wildfly", "/opt/wildfly"}
)


# Names of directories that hold configuration, copied into a distribution's own.
_CONFIG_DIRS = frozenset({"conf", "config", "configs", "configuration", "etc"})


def _into_configs(write: CopyWrite, configs: Iterable[str], files: Iterable[str]) -> str | None:
    """One of `files` (the configuration a RUN left: a package's, an unpacked distribution's)
    that a wildcard or a configuration directory copied into their directory writes again:
    `COPY config/*.xml /opt/hadoop/etc/hadoop/`, or `COPY conf/ $HADOOP_CONF_DIR`, over the
    tarball's core-site.xml and hdfs-site.xml. Only where the copy matches two or more of them
    (it brings files of their kind, to replace them), or a directory named as theirs holds the
    main one, in a directory of their own (not all of /etc, which every package shares, but for
    a wildcard that starts with the name of a package's own file there: `COPY
    configs/rsyslog*.conf /etc/` over rsyslog's rsyslog.conf)."""
    into = write.into.rstrip("/")
    pattern = posixpath.basename(write.source.rstrip("/"))
    if into in STANDARD_DIRS:
        return _named_by_the_wildcard(write, pattern, configs)
    main = posixpath.basename(into) + "."
    # (and the main one a RUN rewrote, whatever first wrote it: `sed -i ... nginx.conf` over
    # the build's copy, which `COPY nginx /etc/nginx/` brings again)
    rewritten = (
        {f for f in files if f.startswith(f"{into}/{main}") and "/" not in f[len(into) + 1 :]}
        if pattern + "." == main
        else set()
    )
    there = sorted(
        {f for f in configs if not posixpath.basename(f).startswith(".")}  # (not the skel's)
        | {f for f in files if distribution_member(f)}
        | rewritten
    )
    below = [f for f in there if f.startswith(into + "/")]
    there = [f for f in there if posixpath.dirname(f) == into]
    if _SITES.fullmatch(into) and (write.tree or write.either or pattern.startswith("*")):
        # (a web server's directory of sites, `sites-available/`: the project's `*.conf`, or a
        # directory of them, are its own sites, named as it chose, not the package's
        # 000-default.conf)
        return None
    if is_glob(pattern) and pattern.startswith("db."):
        return None  # (`db.*`: BIND's zone files, named for their zones, beside its db.local)
    if is_glob(pattern) and write.path in (into, f"{into}/{pattern}"):
        if _SITES.fullmatch(into) and pattern.startswith("*"):
            # (a web server's directory of sites, `sites-available/`: the project's `*.conf`
            # are its own sites, named as it chose, not the package's 000-default.conf; a
            # split configuration's `conf.d/10-*.conf` is the package's own files again)
            return None
        there = [f for f in there if fnmatch.fnmatchcase(posixpath.basename(f), pattern)]
    elif not (
        (write.tree or write.either)
        and write.path == into
        # (or one named as the package's own: `COPY nginx /etc/nginx/`)
        and (pattern in _CONFIG_DIRS or pattern == posixpath.basename(into))
    ):
        return None
    else:
        there = below  # (a directory's copy lands its subdirectories too: dovecot's conf.d/)
    # (or the one main file, where the directory is named as its own: `COPY mosquitto
    # /etc/mosquitto` over mosquitto.conf, the configuration it brings again)
    alone = pattern == posixpath.basename(into) and [
        f for f in there if posixpath.basename(f).startswith(main)
    ]
    if len(there) < 2 and not alone:
        return None
    if (
        pattern == posixpath.basename(into)
        and pattern not in _CONFIG_DIRS
        and not alone
        and not set(there) & set(configs)
        # (into the configuration directory itself it brings them: `COPY hadoop/
        # $HADOOP_HOME/etc/hadoop/` over core-site.xml)
        and not any(posixpath.dirname(f) == into for f in there)
    ):
        # (a directory named for a program whose release tarball left no main file of its
        # name: what it overlays there is not known, `COPY hive/ /opt/hive/` over Hive's
        # conf/ivysettings.xml; a package's configuration it does bring, `COPY ./etc/cups/
        # /etc/cups/` over cupsd.conf)
        return None
    # (named by the main one: nginx's nginx.conf before its fastcgi.conf; a file right in the
    # directory before one of its subdirectories', httpd's conf/httpd.conf before conf/extra's)
    direct = [f for f in there if posixpath.dirname(f) == into] or there
    return next((f for f in direct if posixpath.basename(f).startswith(main)), direct[0])


# A web server's directories of sites (Debian's apache2 and nginx), and Apache's of snippets,
# which a project fills with its own (`COPY configs/*.conf /etc/apache2/conf-available/`)
_SITES = re.compile(
    r"/etc/(?:apache2|nginx)/sites-(?:available|enabled)|/etc/apache2/conf-(?:available|enabled)"
)


# Directories a site is built into, whose index.html is the site's own page.
_SITE_OUTPUTS = frozenset({"dist", "build", "public", "out", "_site", "site", "html", "www"})
# A RUN that installs or builds PHP (`apt-get install php8.1`, `apk add php82-apache2`)
_PHP = re.compile(r"\b(?:install|add)\b[^&;|\n]*(?<![\w./-])(?:libapache2-mod-)?php")
# An image of PHP's, by its name (`php:8.3-fpm`, `serversideup/php`, `bitnami/php-fpm`)
_PHP_IMAGE = re.compile(r"(?:^|/)php(?:-fpm)?$")
# What lies below a site's output that holds no page: its assets, or no site at all
_NOT_PAGES = frozenset(
    {"static", "_static", "assets", "images", "img", "css", "js", "fonts", "media", "icons"}
    | {"styles", "libs", "lib", "scripts", "bin", "config", "conf", "cgi-bin", "vendor", "src"}
    | {"content", "docker"}
)


def _cleared_for(ctx: Context, start: int, into: str) -> bool:
    """The RUN at step `start`, which left a well-known distribution's files, removed two or more of
    them by name right in the directory `into` (`rm -rf etc/hadoop/core-site.xml
    etc/hadoop/hdfs-site.xml`), or in a link's name for it: the defaults a copy of
    configuration there replaces, which are the files it brings, not the others left there.
    (Not a package's state removed, sympa's /etc/sympa/cookie; nor files a later RUN removed,
    which shipped, and which the copy writes again.)"""
    into = into.rstrip("/")
    names = {into} | {
        link + into[len(target) :]
        for _, link, target in _links(ctx)
        if into == target or inside(into, target)
    }
    run = ctx.steps[start].run
    named = {
        path
        for op in (run.ops if run is not None else ())
        if op.kind == REMOVE
        for path in op.paths
        if posixpath.dirname(path) in names and distribution_member(path)
    }
    return len(named) >= 2


def _named_by_the_wildcard(write: CopyWrite, pattern: str, configs: Iterable[str]) -> str | None:
    """The package's file right in a standard directory (/etc) that a wildcard copied there
    matches and begins with the name of (`rsyslog*.conf`: rsyslog.conf), a word of four letters
    or more before the wildcard; None for another copy."""
    into = write.into.rstrip("/")
    stem = re.split(r"[*?\[]", pattern, maxsplit=1)[0]
    if not is_glob(pattern) or write.path != f"{into}/{pattern}" or len(stem.rstrip("._-")) < 4:
        return None
    return next(
        (
            f
            for f in sorted(configs)
            if posixpath.dirname(f) == into
            and posixpath.basename(f).startswith(stem)
            and fnmatch.fnmatchcase(posixpath.basename(f), pattern)
        ),
        None,
    )


def _certain_member(write: CopyWrite, files: Iterable[str], php: bool) -> str:
    """The file of `files` (what an earlier RUN wrote) that a directory of contents not known
    holds by what it is: a built site its index.html, over a package's default page (`COPY
    dist/ /var/www/html/` after apache2's install), and a Rust crate's src/ the main.rs or
    lib.rs a stub gave `cargo build` before the sources came (`COPY src ./src`)."""
    if write.exact or not (write.tree or write.either or is_glob(write.source)):
        return ""
    top = _fixed_part(write.path.rstrip("/"))
    name = posixpath.basename(write.source.rstrip("/"))
    named = set(files)
    # (the output directory, or one of pages below it: `dist/my-app/browser` of Angular,
    # `dist/apps/web` of Nx, `build/web` of Flutter, or a wildcard there that matches
    # index.html, `dist/*`; not its assets or other files, `build/static`, `dist/*.css`,
    # `build/docker/nginx/conf`; a PHP application's public/ holds index.php)
    site = _SITE_OUTPUTS - ({"public"} if php else set())
    parts = write.source.strip("/").split("/")
    at = max((i for i, part in enumerate(parts) if part in site), default=-1)
    below = parts[at + 1 :]
    output = (
        at >= 0
        and not _NOT_PAGES & set(below)
        and (not below or not is_glob(below[-1]) or fnmatch.fnmatchcase("index.html", below[-1]))
    )
    if output and f"{top}/index.html" in named:
        return f"{top}/index.html"
    if name == "src" and posixpath.basename(top) == "src" and not write.origin:
        return next((f"{top}/{n}" for n in ("main.rs", "lib.rs") if f"{top}/{n}" in named), "")
    return ""


def _family_head(write: CopyWrite) -> str:
    """Where the file a copied file family is named for lands (`COPY package*.json ./`: the
    project's package.json; `requirements*.txt`, requirements.txt); '' for another copy."""
    inside = posixpath.join(write.into, posixpath.basename(write.source))
    if write.origin or not a_file_family(write.source) or write.path != inside:
        return ""
    name = posixpath.basename(write.source)
    # (one `*` alone; not a dotfile's family, `.env*`: the context most often holds only
    # `.env.example`)
    if name.count("*") != 1 or "?" in name or "[" in name or name.startswith("."):
        return ""
    return posixpath.join(write.into, name.replace("*", ""))


def _links(ctx: Context) -> list[tuple[int, str, str]]:
    """The symbolic links the RUNs made, latest first: (step, link, target) of each
    `ln -s TARGET LINK` whose target is a plain path."""
    found = [
        (position, *made)
        for position, step in enumerate(ctx.steps)
        for op in (step.run.ops if step.run else ())
        for made in links_made(op)
    ]
    return found[::-1]


def _through_a_link(
    links: list[tuple[int, str, str]], index: int, write: CopyWrite
) -> tuple[int, CopyWrite] | None:
    """The path `write` really lands on when an earlier RUN made a symbolic link above it
    (`ln -s /opt/apache-tomcat-9.0.21 /opt/tomcat`), with the step that made the link: what
    came before it was written at the link's target."""
    for position, link, target in links:
        if position < index and write.path.startswith(link + "/"):
            rest = write.path[len(link) :]
            into = target + write.into[len(link) :] if write.into.startswith(link) else write.into
            return position, write._replace(path=target + rest, into=into)
    return None


_NGINX_ORG = "nginx.org/packages"
# apt told to install no recommended packages: by its configuration (a RUN's `-o`, or a file
# an earlier RUN wrote), or by its option
_RECOMMENDS_OFF = re.compile(r"Install-Recommends[\"'\s=]+(?:false|0|no)\b", re.IGNORECASE)
_NO_RECOMMENDS = re.compile(f"--no-install-recommends|{_RECOMMENDS_OFF.pattern}", re.IGNORECASE)
_NGINX_ORG_SITE = "/etc/nginx/conf.d/default.conf"


def _left(
    ops: tuple[Op, ...],
    skel: frozenset[str],
    held: Iterable[str] = (),
    removed: frozenset[str] = frozenset(),
    before: frozenset[str] = frozenset(),
    ubuntu: bool = False,
    manager: str = "",
    old_alpine: bool = False,
    no_recommends: bool = False,
) -> tuple[frozenset[str], frozenset[str]]:
    """What a RUN leaves that a later COPY may write again: the main config files of packages
    it installed (`/etc/nginx/nginx.conf` after `apt-get install nginx`), files of the base
    image (`held`) it copied or moved as a tree, and the repositories it cloned with a working
    tree, less what it removed or purged again; and `skel`, the dotfiles of the homes it made.
    `removed`: what the RUNs before it removed or moved away; `before`, the packages they
    installed; `ubuntu`, the image is Ubuntu's; `manager`, its distribution's package manager
    (another's install is a branch that never runs there); `old_alpine`, an Alpine before 3.14;
    `no_recommends`, an earlier RUN told apt to install no recommended packages."""
    configs: set[str] = set()
    clones: set[str] = set()
    gone = set(removed)
    dirs: set[str] = set()  # the directories it made
    groups: dict[str, set[str]] = {}  # `apk add --virtual .deps x y`: .deps -> x, y
    named: set[str] = set()  # what installs named outside a group
    for op in ops:
        if manager and op.family in DISTRIBUTION_MANAGERS and op.family != manager:
            continue
        if op.kind == WRITE and op.role == INSTALL:
            recommends = not (no_recommends or _NO_RECOMMENDS.search(op.command))
            configs.update(
                package_files(op.family, op.packages, before, ubuntu, old_alpine, recommends)
            )
            group = _apk_group(op)
            if group:
                groups.setdefault(group, set()).update(p for p in op.packages if p != group)
            else:
                named.update(op.packages)
        elif op.kind == WRITE and op.sources and held and op.role != HOME:
            # (`mv webapps.dist webapps` on tomcat: its manager's context.xml is there now)
            target = op.paths[0] if op.paths else ""
            absent = any(covers(g, target) for g in gone) and target not in dirs
            configs.update(_carried(op, held, absent, target in dirs))
        elif op.kind == WRITE and op.entry == DIR:
            dirs.update(op.paths)
        elif op.kind == WRITE and op.tool == "git" and not _NO_CHECKOUT & set(op.command.split()):
            clones.update(op.paths)
        elif op.kind == REMOVE:
            gone.update(op.paths)
            dirs = {d for d in dirs if not any(covers(p, d) for p in op.paths)}
            configs = {c for c in configs if not any(covers(p, c) for p in op.paths)}
            clones = {c for c in clones if not any(covers(p, c) for p in op.paths)}
        elif op.kind == PURGE and configs:
            # (`apk del .deps` removes the group's packages nothing else installed keeps: not
            # one named outside it, nor a part of one, openssh-client of openssh)
            members = {p for g in op.packages for p in groups.get(g, ())}
            purged = {*op.packages, *(m for m in members if not _stays(m, named))}
            kept = set(package_files(op.family, tuple(named - purged), before, ubuntu, old_alpine))
            configs -= (
                set(package_files(op.family, tuple(purged), ubuntu=ubuntu, old_alpine=old_alpine))
                - kept
            )
    return frozenset(configs) | skel, frozenset(clones)


def _apk_group(op: Op) -> str:
    """The virtual package `apk add --virtual NAME ...` (or `-t NAME`) makes, '' if none."""
    if op.family != "apk":
        return ""
    found = re.search(r"(?:--virtual(?:=|\s+)|-t\s+)(\S+)", op.command)
    return found.group(1) if found else ""


def _stays(package: str, named: set[str]) -> bool:
    """`package` stays after its group's removal: named outside the group, or a part of a
    package that was (`openssh-client` of `openssh`, `readline` of `readline-dev`)."""
    return package in named or any(
        package.startswith(n + "-") or n.startswith(package + "-") for n in named
    )


def _carried(op: Op, held: Iterable[str], absent: bool, made: bool) -> Iterator[str]:
    """Where the cp or mv `op` puts the files of `held` it copies or moves as a tree: below
    its target, by their paths below `dir` for a source `dir/*` (its contents), or below the
    source itself, inside a target that is a directory (`cp -r conf /etc/app/`, or one the
    RUN made), or renamed to a target known to be absent (removed or moved away before: `rm
    -rf webapps && mv webapps.dist webapps`; tomcat's own webapps/ is there, empty, and takes
    webapps.dist inside)."""
    (first,) = op.paths[:1] or ("",)
    into = op.command.endswith("/") or made
    # (each source already put inside, by its name, where the target is a directory: `cp -r
    # conf .` writes ./conf)
    placed = op.entry == EITHER and len(op.paths) == len(op.sources)
    for at, source in enumerate(op.sources):
        top = source.removesuffix("/*")
        target = op.paths[at] if placed else first
        if not target or is_glob(top):
            continue
        # (a source named like a file was already put inside: target is its path)
        inside = into and top == source and op.entry not in (FILE, EITHER)
        if top == source and not (inside or absent or op.entry in (FILE, EITHER)):
            continue  # (whether the target is a directory, and takes it inside, is not known)
        under = posixpath.join(target, posixpath.basename(top)) if inside else target
        for path in held:
            if path.startswith(top + "/"):
                yield under + path[len(top) :]


# The manifests at the root of every project of their ecosystem (and the build files: a copy
# of a Makefile to a clone's top replaces the one its build reads); not Pipenv's, which few
# projects keep: a Pipfile copied into a clone is the copier's own (a server around a
# research repository)
_MANIFESTS = frozenset(
    {"requirements.txt", "pyproject.toml", "setup.py", "poetry.lock",
     "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "Gemfile",
     "Gemfile.lock", "go.mod", "go.sum", "pom.xml", "build.gradle", "composer.json",
     "composer.lock", "Cargo.toml", "Cargo.lock", "mix.exs", "mix.lock", "Makefile",
     "CMakeLists.txt"}
)  # fmt: skip


def _onto_a_clone(write: CopyWrite, clones: frozenset[str]) -> bool:
    """`write` puts a project manifest at the root of a repository a `git clone` wrote
    (`git clone .../ultralytics /usr/src/ultralytics`, then `COPY requirements.txt .` there):
    the clone holds one already."""
    return (
        bool(clones)
        and not write.tree
        and posixpath.basename(write.path) in _MANIFESTS
        and posixpath.dirname(write.path) in clones
    )


_NO_CHECKOUT = frozenset({"--bare", "--mirror", "--no-checkout", "-n"})  # no working tree


def _same_source_file(old: CopyWrite, new: CopyWrite, pnpm: bool = False) -> bool:
    """`new` copies the source file that `old` copied, to the same place: `COPY package.json .`
    then `COPY . .` (the second holds the first when both read the same context or stage)."""
    if old.origin != new.origin or not old.source or not new.source:
        return False
    if old.source == new.source:
        # (The same wildcard twice may match nothing: `COPY --from=b ${DIR:-/none?} $DIR/`; not
        # a family of the context's files a name starts, `COPY package*.json ./`.)
        named = not old.origin and a_file_family(old.source)
        return old.path == new.path and (named or not is_glob(old.source))
    # (A tree copied to / says nothing of the directories below it: `COPY root/ /` copies a
    # symlink root/opt/wheels as a link, which `COPY root/opt/wheels /opt/wheels` follows.)
    # (A stage's or image's whole root is another matter: a link there, merged /usr's /lib ->
    # usr/lib, came with what it points to, where a later copy through it lands: `COPY
    # --from=b / /`, then `COPY --from=b /opt/oracle /opt/oracle` writes /opt/oracle again.)
    whole_root = bool(old.origin) and old.source == "."
    # (a family of files a name starts, `requirements*.txt`, holds no directory: not a link)
    spread = new.tree or (new.either and not a_file_family(new.source))
    rooted = old.into.rstrip("/") == "" and spread and not whole_root
    # (Nor a copied node_modules of the packages below it: `COPY --from=b /app/node_modules
    # ./node_modules` copies a workspace package, `@scope/web`, as the link it is there, which
    # `COPY --from=b /app/node_modules/@scope/web ./node_modules/@scope/web` follows. A name
    # with a dot, `.prisma`, is no package: a directory, written twice.)
    parts = new.source.split("/")
    below = parts[parts.index("node_modules") + 1 :] if "node_modules" in parts[:-1] else []
    # (Nor is a public vendor's scope, `@prisma`, whose packages come from the registry: none
    # is a workspace's link.)
    linked = (
        (new.tree or new.either)
        and bool(below)
        and not below[0].startswith(".")
        and (pnpm or below[0] not in _VENDOR_SCOPES)  # (pnpm links every package there)
    )
    if (old.tree or old.either) and not rooted and not linked and _holds(old, new):
        # `COPY . /app` then `COPY package.json /app/` (or `COPY --from=b /app/.git_sha
        # /app/.git_sha` after `COPY --from=b /app /app`): what the first copied is written
        # again (it is there: the second COPY would fail otherwise).
        return True
    return (new.tree or new.either) and _holds(new, old)


def _python_named(step: Step) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The packages the pip, uv and conda installs of `step` named, as their import names
    are commonly spelled (lower case, `_` for `-`), with the trees each install wrote
    (`python_install_trees`)."""
    for op in step.run.ops if step.run is not None else ():
        if op.role != INSTALL or op.family not in ("pip", "uv", "conda") or op.tool == "pipx":
            continue  # (pipx's venvs are its own)
        trees = python_install_trees(op)
        for package in op.packages:
            # (`conda-forge::leafmap`: the channel's name before the package's; a direct
            # reference's address after it, `leafmap @ git+https://...`)
            bare = _REQUIREMENT_END.split(package.rpartition("::")[2])[0]
            yield _import_name(bare), trees


def _import_name(name: str) -> str:
    """A distribution's or a directory's name as its package is imported (`Flask-Login`:
    flask_login)."""
    return re.sub(r"[-.]", "_", name.lower())


_REQUIREMENT_END = re.compile(r"[<>=!~\[@;\s]")


def _over_a_python_package(
    write: CopyWrite, named: Mapping[str, tuple[str, tuple[str, ...]]]
) -> str:
    """The package an earlier install named whose modules a COPY of a directory into
    site-packages writes again (`COPY leafmap /opt/conda/lib/python3.13/site-packages/leafmap`
    after `mamba install leafmap`); '' otherwise."""
    if not named or "-packages" not in write.path:  # (site-packages, dist-packages)
        return ""
    parts = write.path.rstrip("/").split("/")
    at = next((i for i, p in enumerate(parts) if p in ("site-packages", "dist-packages")), None)
    # (the package's directory, copied whole, or a file below it the build context lists)
    if at is None or at + 1 >= len(parts):
        return ""
    if at + 2 == len(parts) and not (write.tree or write.either):
        return ""
    name = parts[at + 1]
    # (a directory copied onto the package's or one of its subpackages': one of its own
    # modules, by its name, or the whole project; not one of data laid into it, `COPY data/
    # .../site-packages/jieba`, `COPY extra/ .../jieba/analyse/`, whose files are not shown to
    # be the package's)
    copied = _import_name(posixpath.basename(write.source.rstrip("/")))
    spread = write.tree or write.either
    if spread and not write.file and write.source != "." and copied != parts[-1].lower():
        return ""
    site = "/".join(parts[: at + 1])
    # (where that install wrote: not a `--user` or `--target` one, or another environment's)
    trees = named[name.lower()][1] if name.lower() in named else ()
    return name if any(covers(t, site) for t in trees) else ""


def _pnpm_links(text: str) -> bool:
    """The file runs a pnpm install with pnpm's own linker, whose node_modules entries (a
    vendor's scope's too) are links, read from its instructions (no comment, continuation lines
    joined, exec form's words); not with the hoisted linker, which leaves real packages."""
    if "pnpm" not in text:
        return False
    text = re.sub(r"\\\n|^\s*#.*$", " ", text, flags=re.MULTILINE)
    return bool(_PNPM_INSTALL.search(text)) and not _PNPM_HOISTED.search(text)


# (`pnpm --filter api install`, `pnpm -C apps/api install`, `pnpm recursive install`)
_PNPM_INSTALL = re.compile(r"\bpnpm\b[^\n;&|]*?[\s\",](?:install|i|add)\b")
# (not `shamefully-hoist`, which keeps pnpm's own linker: the root's entries are still links)
_PNPM_HOISTED = re.compile(r"node[-_]linker[= ]+hoisted|nodeLinker: *hoisted", re.IGNORECASE)
# npm scopes of public vendors, which Dockerfiles copy out of a builder's node_modules beside it
# (Prisma's generated client, Next.js's and SWC's native builds, sharp's libvips): registry
# packages, never a workspace of the project
_VENDOR_SCOPES = frozenset({"@prisma", "@next", "@swc", "@img", "@nestjs", "@types", "@babel"})


def _pruned_halves(old: CopyWrite, new: CopyWrite) -> bool:
    """The two halves of `turbo prune --docker`'s output copied to one place from one stage:
    out/json/ (each workspace's package.json), then out/full/ (the workspaces whole, their
    package.json files again), as Turborepo's own Dockerfile does."""
    json = old.source.rstrip("/")
    return (
        bool(old.origin)
        and old.origin == new.origin
        and old.into.rstrip("/") == new.into.rstrip("/")
        and posixpath.basename(json) == "json"  # (below `out/`, or `--out-dir`'s)
        and new.source.rstrip("/") == posixpath.join(posixpath.dirname(json), "full")
    )


def _matched_again(old: CopyWrite, new: CopyWrite) -> bool:
    """`new` copies a wildcard of the directory `old` named a file of, into the directory `old`
    put it in: `COPY scripts/install.sh /opt/`, then `COPY scripts/*.sh /opt/` (the file is
    there, or the first COPY would fail, and the wildcard matches it). A source that may be a
    directory too (`COPY bin/fail /usr/bin/`, then `COPY bin/* /usr/bin/`): a directory the
    wildcard matches is copied as the first COPY copied it, its contents into the destination."""
    if old.origin != new.origin or old.tree or not old.source:
        return False
    folder, pattern = posixpath.split(new.source)
    if not is_glob(pattern) or is_glob(folder) or is_glob(old.source):
        return False
    name = posixpath.basename(old.source)
    return (
        posixpath.dirname(old.source) == folder
        and fnmatch.fnmatchcase(name, pattern)
        and old.path == posixpath.join(new.into, name)
        # (the directory's contents land where the wildcard puts them only when both COPYs
        # name that directory as their destination)
        and (not old.either or old.into.rstrip("/") == new.into.rstrip("/"))
    )


def _skel_files(layer: Layer, shipped: ImageRef | None) -> frozenset[str]:
    """The dotfiles `useradd -m` copied from /etc/skel into the homes `layer` made, on images
    known to be of a family whose skel holds them."""
    homes = [e.path for e in layer.entries if e.role == HOME]
    if not homes or shipped is None:
        return frozenset()
    held = known(shipped)
    names = RHEL_SKEL if "/etc/bashrc" in held.files else DEBIAN_SKEL if held.debian else ()
    return frozenset(f"{home.rstrip('/')}/{name}" for home in homes for name in names)


def _grown_from(
    stages: _Stages, write: CopyWrite, run: Instruction, layer: Layer, left: frozenset[str]
) -> bool:
    """A tree copied back to where it was from a stage grown from one this image holds, whose
    `run` left files there (`COPY --from=build /usr/local/bundle /usr/local/bundle` after the
    shared base stage's `gem update --system`; `/usr/lib/python3.7` after its `apk add
    python3`): those files are written again. A home `useradd -m` made holds only the dotfiles
    it is known to leave (`left`): none from Alpine's empty /etc/skel."""
    if not write.origin or not (write.tree or write.either) or is_glob(write.source):
        return False
    into = write.into.rstrip("/")
    if into != "/" + write.source.strip("/") or not into:
        return False
    home = stages.model.holding(run)
    if home is None or home.index not in stages.lineage(write.origin):
        return False
    # (a distribution package's trees only where it is known to have put files below the tree,
    # its configuration, or where they are a runtime's: the trees an install may reach, /opt
    # among them, say nothing of what it put there)
    if any(e.role == HOME and covers(into, e.path) for e in layer.entries) and any(
        covers(into, f) for f in left
    ):
        return True
    return any(
        (
            e.kind != DIR
            and e.content != EMPTY
            and e.role != HOME
            and covers(into, e.path)
            and (
                not _distributed(e)
                or any(inside(f, into) for f in package_files(e.family, e.packages))
            )
            # (nor /opt after a Python package manager's install, which lands there only
            # with a Python there: `pip install pexpect` on ubuntu writes to /usr/local)
            and not (
                e.role == INSTALL
                and e.path == "/opt"
                and e.family in _PYTHON_MANAGERS
                and not _python_in_opt(run, stages.model.lineage(home)[-1].base_image)
            )
        )
        or (
            _distributed(e)
            and inside(into, e.path)
            and not into.startswith("/usr/local/")  # (no distribution package lands there)
            and _a_runtime_of(into, e.packages)
        )
        for e in layer.entries
    )


def _python_in_opt(run: Instruction, root: ImageRef | None) -> bool:
    """A Python lies under /opt: a conda or a virtual environment there on the PATH `run`
    sees, or one the image the stages stand on holds (PyTorch's /opt/conda)."""
    return any(
        _PYTHON_TREE.search(d)
        for d in (*run.env.get("PATH", "").split(":"), *known(root).trees)
        if d.startswith("/opt/")
    )


_PYTHON_MANAGERS = frozenset({"pip", "uv", "poetry", "pdm"})
# A Python's own tree, by its name: a conda, a virtual environment, an s2i image's app-root
_PYTHON_TREE = re.compile(r"conda|mamba|miniforge|python|venv|virtualenv|pyenv|app-root")


def _distributed(entry: Entry) -> bool:
    """`entry` is what a distribution's package manager installed."""
    return entry.role == INSTALL and entry.family in ("apt", "apk", "yum")


def _a_runtime_of(tree: str, packages: tuple[str, ...]) -> bool:
    """`tree` is a language runtime's library directory one of `packages` installs, by its name
    and version (`/usr/lib/python3.7` after `apk add python3` or `apt-get install python3.7`,
    its site-packages after `py3-pip`, `/usr/lib/ruby/gems/3.2.0` after `ruby`, Debian's
    `/usr/lib/x86_64-linux-gnu/perl5/5.36`, `/usr/lib/node_modules` after `nodejs`); not a
    directory below those, which the builder's own installs may have made."""
    parts = tree.strip("/").split("/")
    if len(parts) < 3 or parts[0] != "usr" or parts[1] not in ("lib", "lib64", "share"):
        return False
    rest = parts[2:]
    if _MULTIARCH.fullmatch("/usr/lib/" + rest[0]):
        rest = rest[1:]
    if rest == ["node_modules"]:
        return any(p in ("nodejs", "nodejs-current", "npm") for p in packages)
    match = _VERSIONED.fullmatch(rest[0]) if rest else None
    if match is None or match[1] not in _RUNTIMES:
        return False
    tail = rest[1:]
    if not all(_VERSION.fullmatch(p) or p in _RUNTIME_DIRS for p in tail):
        return False
    if any(p.endswith("-packages") for p in tail) and not any(
        p.startswith(("py3-", "python3-")) for p in packages
    ):
        return False  # (python3 alone leaves its site-packages empty)
    name, version = match[1], match[2] or ""
    wanted = {name, name + version, name + version.split(".", 1)[0]} if version else {name}
    return any(p in wanted or any(p.startswith(w + "-") for w in wanted) for p in packages)


_VERSION = re.compile(r"\d+(?:\.\d+)*")
_RUNTIME_DIRS = frozenset({"gems", "site-packages", "dist-packages"})
_VERSIONED = re.compile(r"([a-z]+)(\d+(?:\.\d+)*)?")
_RUNTIMES = frozenset({"python", "perl", "ruby", "php", "lua", "node"})


def _copied_back(
    stages: _Stages, write: CopyWrite, instr: Instruction
) -> Callable[[CopyWrite], bool] | None:
    """When `write` copies a tree back to where it was from a stage `instr` belongs to (or one
    grown from it), which this image is built on (`FROM publish`, then `COPY --from=publish
    /app /app`): a test of what `instr` wrote for lying in that tree, written again."""
    if not write.origin or not (write.tree or write.either) or is_glob(write.source):
        return None
    into = write.into.rstrip("/")
    if not into or into != "/" + write.source.strip("/"):
        return None
    home = stages.model.holding(instr)
    lineage = stages.lineage(write.origin)
    if home is None or home.index not in lineage:
        return None
    # (what a RUN of those stages removed is not in the tree copied back: `rm -rf /app/*`)
    removed = stages.removed(write.origin)
    return lambda old: (
        old.size != 0 and covers(into, old.path) and not any(covers(r, old.path) for r in removed)
    )


class _Stages:
    """The file's stages as `COPY --from` names them, each looked up once per check (a file of
    200 stages copies from each)."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self._lineages: dict[str, frozenset[int]] = {}
        self._fills: dict[tuple[int, str], bool] = {}
        self._removed: dict[str, list[str]] = {}
        self._contexts: dict[tuple[CopyWrite, bool], CopyWrite | None] = {}
        self._files: dict[str, list[tuple[str, str]]] = {}
        self._landed: dict[CopyWrite, dict[str, str]] = {}

    def lineage(self, origin: str) -> frozenset[int]:
        """The stage `origin` names and those it is built FROM; empty for an image."""
        if origin not in self._lineages:
            stage = self.model.stage_of(origin)
            found = self.model.lineage(stage) if stage is not None else ()
            self._lineages[origin] = frozenset(s.index for s in found)
        return self._lineages[origin]

    def removed(self, origin: str) -> list[str]:
        """What the RUNs of the stage `origin` names, and of those it is built FROM, remove by
        name: a tree a `COPY --from` takes from it lacks that."""
        if origin not in self._removed:
            lineage = self.lineage(origin)
            self._removed[origin] = removed_by(s for s in self.model.stages if s.index in lineage)
        return self._removed[origin]

    def from_context(self, write: CopyWrite, php: bool = False) -> CopyWrite | None:
        """`write`, a tree a `COPY --from` takes from a stage, as the copy of the build
        context's directory that stage copied there (`COPY public/ public/` in /app, then
        `COPY --from=builder /app/public /var/www/html/public`: the context's public/); None
        when the stage did not copy it there from the context, or removed from it since. In a
        PHP application's image (`php`), a PHP project's public/ below the whole context the
        stage copied too (Laravel's, which holds index.php; elsewhere a directory below it may
        be all the stage's build made, Hugo's public/, tsc's lib/)."""
        if not write.origin or not (write.tree or write.either) or is_glob(write.source):
            return None
        if (write, php) not in self._contexts:  # (asked for each COPY after it: once is enough)
            self._contexts[write, php] = self._from_context(write, php)
        return self._contexts[write, php]

    def _from_context(self, write: CopyWrite, php: bool) -> CopyWrite | None:
        at = "/" + write.source.strip("/")
        lineage = self.lineage(write.origin)
        removed = self.removed(write.origin)
        if any(covers(r, at) for r in removed):
            return None
        # (a removal below it takes some of a directory's files: not of the whole context's,
        # most of which stay, `npm ci` taking node_modules)
        part = any(covers(at, r) for r in removed)
        for stage in self.model.stages:
            if stage.index not in lineage:
                continue
            for instr in stage.instructions:
                if instr.keyword != "copy" or instr.flag("from"):
                    continue
                for old in copy_writes(instr, None):
                    if (
                        (old.tree or old.either)
                        and old.source not in ("", ".")
                        and old.path.rstrip("/") == at
                        and not part
                    ):
                        return write._replace(origin="", source=old.source, excludes=())
                    whole = old.source in ("", ".") and not old.excludes
                    if whole and at == old.path.rstrip("/"):
                        # (the whole context, and what the stage made beside it: `COPY . /app`
                        # in the builder, then `COPY --from=builder /app /app`)
                        return write._replace(origin="", source=".", excludes=())
                    if whole and php and not part and at == old.path.rstrip("/") + "/public":
                        # (the stage copied the whole PHP project: `COPY . /app`, then `COPY
                        # --from=builder /app/public ...` takes the context's public/)
                        return write._replace(origin="", source="public", excludes=())
        return None

    def context_file_back(self, write: CopyWrite, old: CopyWrite) -> str | None:
        """Where `write`, a tree a `COPY --from` takes from a stage, puts a file that stage
        copied from the build context by name or wildcard (`COPY package* ./` in /app) which
        `old`, an earlier copy of a context directory, wrote at that same path; None when
        there is none."""
        if not write.origin or not (write.tree or write.either) or is_glob(write.source):
            return None
        if old.origin or not (old.tree or old.either) or is_glob(old.source):
            return None
        from layerguard.dockerfile.ignorefile import excluder

        # (`COPY --exclude=package* . .`: not the files either copy leaves out)
        left_out = excluder(old.excludes), excluder(write.excludes)
        at = "/" + write.source.strip("/")
        for path, source in self._context_files(write.origin):
            if not inside(path, at):
                continue
            below = path[len(at.rstrip("/")) + 1 :]
            if (held := _within(source, old.source)) is None:
                continue
            landed = f"{write.into.rstrip('/')}/{below}"
            excluded = left_out[0].matches(held) or left_out[1].matches(below)
            if landed == f"{old.into.rstrip('/')}/{held}" and not excluded:
                return landed
        return None

    def whole_context_back(self, write: CopyWrite, old: CopyWrite) -> str | None:
        """Where `write`, a tree a `COPY --from` takes from a stage, puts the context's file or
        directory that `old`, an earlier copy of it by name, wrote at that same path: the stage
        copied the whole context there (`COPY . /app/` in the builder, `COPY requirements
        ./requirements` in /app, then `COPY --from=builder /app/ /app/`); None when it did not."""
        if not write.origin or not (write.tree or write.either) or is_glob(write.source):
            return None
        if old.origin or old.source in ("", ".") or is_glob(old.source) or is_remote(old.source):
            return None
        from layerguard.dockerfile.ignorefile import excluder

        at = "/" + write.source.strip("/")
        landed = f"{write.into.rstrip('/')}/{old.source.strip('/')}"
        if landed != old.path.rstrip("/"):
            return None
        removed = self.removed(write.origin)
        lineage = self.lineage(write.origin)
        for stage in self.model.stages:
            if stage.index not in lineage:
                continue
            for instr in stage.instructions:
                if instr.keyword not in ("copy", "add") or instr.flag("from"):
                    continue
                for w in copy_writes(instr, None):
                    inner = f"{w.path.rstrip('/')}/{old.source.strip('/')}"
                    if (
                        w.source in ("", ".")
                        and not w.origin
                        and w.path.rstrip("/") == at.rstrip("/")
                        and not excluder(w.excludes).matches(old.source.strip("/"))
                        and not any(covers(r, inner) for r in removed)
                    ):
                        return landed
        return None

    def context_file_ahead(self, old: CopyWrite, write: CopyWrite) -> str | None:
        """Where `write`, a later copy of a context directory, puts a file that `old`, an
        earlier `COPY --from` of a stage, wrote at that same path, having taken it from the
        build context by name (`COPY ./requirements.txt .` in the builder, `COPY --from=builder
        /usr/src/app/requirements.txt .`, then `COPY . .`); None when there is none."""
        if not old.origin or is_glob(old.source) or write.origin or is_glob(write.source):
            return None
        landings = self._landings(old)
        if not landings:
            return None
        if write.exact or not (write.tree or write.either):
            # (one file: the context's own, copied again to the same place)
            source = landings.get(write.path)
            return (
                write.path
                if source is not None and source == (write.file or write.source)
                else None
            )
        from layerguard.dockerfile.ignorefile import excluder

        for landed, source in landings.items():
            if (held := _within(source, write.source)) is None:
                continue
            kept = not excluder(write.excludes).matches(held)
            if kept and f"{write.into.rstrip('/')}/{held}" == landed:
                return landed
        return None

    def _landings(self, old: CopyWrite) -> dict[str, str]:
        """Where `old`, a `COPY --from` of a stage, puts the files that stage took from the
        context by name: path -> the context's file. Once per copy (each COPY after it asks)."""
        if old not in self._landed:
            from layerguard.dockerfile.ignorefile import excluder

            at = "/" + old.source.strip("/")
            spread = old.tree or old.either
            found: dict[str, str] = {}
            for path, source in self._context_files(old.origin):
                if path == at and not old.tree:
                    found[old.path] = source
                elif not old.tree and a_file_family(source) and fnmatch.fnmatchcase(at, path):
                    # (a file of a family it copied, `COPY package*.json ./`: that name's)
                    found[old.path] = posixpath.join(
                        posixpath.dirname(source), posixpath.basename(at)
                    )
                elif spread and inside(path, at):
                    below = path[len(at.rstrip("/")) + 1 :]
                    if not excluder(old.excludes).matches(below):
                        found[f"{old.into.rstrip('/')}/{below}"] = source
            self._landed[old] = found
        return self._landed[old]

    def _context_files(self, origin: str) -> list[tuple[str, str]]:
        """(path, context source) of what the stage `origin` (or one it is built FROM) copied
        from the context by name or wildcard, less what its RUNs removed since."""
        if origin not in self._files:
            lineage = self.lineage(origin)
            removed = self.removed(origin)
            self._files[origin] = [
                (w.path, w.source)
                for stage in self.model.stages
                if stage.index in lineage
                for instr in stage.instructions
                if instr.keyword in ("copy", "add") and not instr.flag("from")
                for w in copy_writes(instr, None)
                if not w.origin
                and w.source not in ("", ".")
                and not is_remote(w.source)
                and not any(covers(r, w.path) for r in removed)
            ]
        return self._files[origin]

    def brought(self, origin: str, other: str, path: str) -> bool:
        """The stage `origin` (or one it is built FROM) copied `path` from the stage `other`
        names to the same place, and `other` writes files there."""
        source = self.model.stage_of(other)
        if source is None or any(covers(r, path) or inside(r, path) for r in self.removed(origin)):
            return False  # (nor where a RUN of the stage removed from it since)
        for stage in self.model.stages:
            if stage.index not in self.lineage(origin):
                continue
            for instr in stage.instructions:
                named = instr.flag("from") if instr.keyword in ("copy", "add") else None
                if not named or self.model.stage_of(named) is not source:
                    continue
                for write in copy_writes(instr, None):
                    here = "/" + write.source.strip("/")
                    if here == path and write.path.rstrip("/") == path:
                        return self.fills(source.index, path)
        return False

    def fills(self, index: int, path: str) -> bool:
        """Stage `index` (or a stage it is built FROM) writes files at or below `path`; what it
        copies from another stage counts where that stage does (an empty /build does not)."""
        if (index, path) not in self._fills:
            self._fills[index, path] = False  # (a cycle through --from ends here)
            chain = self.model.lineage(self.model.stages[index])
            # (two builds on a stage of a distribution's image that installed from its archive
            # alone, compilers and tools: their /opt holds each build's files, no package's)
            archive_only = (
                covers("/opt", path)
                and a_distribution(chain[-1].base_image)
                and not any(_ADDS_SOURCES.search(i.node.original) for s in chain
                            for i in s.instructions if i.keyword == "run")
            )  # fmt: skip
            self._fills[index, path] = any(
                self._writes(i, path, archive_only) for stage in chain for i in stage.instructions
            )
        return self._fills[index, path]

    def _writes(self, instr: Instruction, path: str, archive_only: bool = False) -> bool:
        origin = instr.flag("from") if instr.keyword in ("copy", "add") else None
        stage = self.model.stage_of(origin) if origin else None
        if stage is None:
            return _fills(instr, path, archive_only)
        for write in copy_writes(instr, None):
            if covers(path, write.path) or covers(write.path, path):
                below = path[len(write.into.rstrip("/")) :] if covers(write.into, path) else ""
                if self.fills(stage.index, "/" + write.source.strip("/") + below):
                    return True
        return False


def _vendors(op: Op) -> bool:
    """The packages an install named may be a vendor's (`ros-humble-ros-base`), or are not
    known (a variable's, none named)."""
    return not op.packages or any("$" in p or _VENDOR_PACKAGE.match(p) for p in op.packages)


# Vendors' packages, which install below /opt, by name
_VENDOR_PACKAGE = re.compile(
    r"ros-|google-|microsoft-|powershell|msodbcsql|mssql-|intel-|rocm|hip-|puppet|td-agent|"
    r"datadog-|newrelic|splunk|teamviewer|zoom|brave-|opera|sublime-|slack|code$|cuda"
)


# What adds a package source beyond the distribution's archive, or installs a vendor's package
# file or script: its packages may land in /opt (ROS's, ROCm's, Puppet's, td-agent's, Red Hat's
# software collections and toolsets, in /opt/rh).
_ADDS_SOURCES = re.compile(
    r"add-apt-repository|apt-add-repository|sources\.list|yum\.repos\.d|config-manager|copr"
    r"|zypper\s+(?:ar|addrepo)|apk/repositories|\.deb\b|\.rpm\b|(?<!lsb)(?<!\bos)-release\b"
    r"|\|\s*(?:sudo(?:\s+-\S+)*\s+)?(?:\S*/)?(?:ba|z)?sh\b|\$\(\s*(?:curl|wget)\b"
    r"|\.(?:sh|run|bin|bundle)\b"
    r"|devtoolset|gcc-toolset|llvm-toolset|go-toolset|rust-toolset|\brh-|--enablerepo"
)


def _within(source: str, tree: str) -> str | None:
    """Where the context's file `source` lies below `tree`, a directory of the context a COPY
    names (`src/app.py` below `src`: `app.py`; all of the context below `.`); None outside it."""
    if tree in ("", "."):
        return source
    prefix = tree.rstrip("/") + "/"
    return source[len(prefix) :] if source.startswith(prefix) else None


def _lacking_files_held(
    ctx: Context,
    index: int,
    listed: Mapping[str, CopyWrite],
    unlisted: list[list[CopyWrite]],
) -> Iterator[tuple[str, str]]:
    """(path, where) of each file an earlier COPY took from the context that the checkout
    lacks (the repository ignores it), which a directory this step copies from the context
    would hold at the same path."""
    trees = _context_trees(listed)
    if not trees:
        return
    for position in range(index):
        for old in unlisted[position]:
            lacking = not (old.exact or old.origin or old.tree or old.either) and old.source
            if lacking and any(_holds(t, old) for t in trees):
                yield old.path, ctx.steps[position].where


def _context_trees(listed: Mapping[str, CopyWrite]) -> list[CopyWrite]:
    """One listed file of each directory a step copied from the context (its source, where it
    went and its --exclude, for `_holds`)."""
    found = {(c.source, c.into, c.excludes): c for c in listed.values() if c.file and not c.origin}
    return list(found.values())


def _kin_stages(stages: _Stages, old: CopyWrite, new: CopyWrite) -> bool:
    """Both copy one directory to one place from two stages of the file grown from a common
    stage (or one from the other: `COPY --from=conda-installs /opt/conda /opt/conda`, then
    `--from=build`) that writes files there: the trees share those, written twice. One may
    copy a directory the other's holds, to the same place in it (`--from=builder
    /app/packages/i18n/ ./packages/i18n/`, then `--from=post-builder /app/packages
    ./packages`, post-builder grown from builder)."""
    if not (old.origin and new.origin) or old.origin == new.origin:
        return False
    if is_glob(old.source) or is_glob(new.source) or "." in (old.source, new.source):
        return False
    if not (old.tree or old.either) or not (new.tree or new.either):
        return False
    low, high = "/" + old.source.strip("/"), "/" + new.source.strip("/")
    if low == high:
        if old.path != new.path:
            return False
    elif inside(low, high):  # (the later copy's tree holds the earlier one's)
        if old.path.rstrip("/") != new.into.rstrip("/") + low[len(high) :]:
            return False
    elif inside(high, low):
        if new.path.rstrip("/") != old.into.rstrip("/") + high[len(low) :]:
            return False
        low = high
    else:
        return False
    lineages = stages.lineage(old.origin), stages.lineage(new.origin)
    if low != high and any(
        each and other and max(each) in other for each, other in (lineages, lineages[::-1])
    ):
        # (one stage is grown from the other: what the other's copy took, the tree of the one
        # grown from it still holds, unless a RUN between removed it)
        removed = stages.removed(old.origin) + stages.removed(new.origin)
        return not any(covers(r, low) for r in removed)
    shared = lineages[0] & lineages[1]
    # (Only a common stage that writes files there: moby's tool stages share a base but each
    # builds its own /build; a WORKDIR or a mkdir makes entries, not files.)
    if any(stages.fills(index, low) for index in sorted(shared)):
        return True
    if _twins(stages, old.origin, new.origin, low):
        return True
    # (or one copied the directory from the other to the same place: `COPY --from=builder1
    # /usr/lib/cgi-bin/ /usr/lib/cgi-bin/` in builder2, whose copy holds builder1's files)
    if stages.brought(new.origin, old.origin, low) or stages.brought(old.origin, new.origin, low):
        return True
    # (or it is Prisma's client in node_modules, which @prisma/client's postinstall fills in
    # every install and prisma generate again, with the same files, in two stages that took
    # node_modules from one: `COPY --from=production-deps /app/node_modules /app/node_modules`,
    # then `COPY --from=build /app/node_modules/.prisma ...`; not any package, which a prune of
    # the development dependencies may have taken from one of them)
    if _PRISMA_CLIENT.search(low) is None:
        return False
    modules = low[: low.rindex("/node_modules/") + len("/node_modules")]
    # (both took node_modules from one stage whose install filled it: @prisma/client's files
    # whatever its scripts, the generated .prisma where they ran, not `npm ci --ignore-scripts`,
    # or where either stage ran prisma generate itself)
    package = low.endswith("@prisma/client")
    made = package or _generates_prisma(stages, old.origin)
    return any(
        stages.brought(old.origin, str(s.index), modules)
        and stages.brought(new.origin, str(s.index), modules)
        and (made or _generates_prisma(stages, str(s.index), scripts=True))
        for s in stages.model.stages
    )


def _twins(stages: _Stages, one: str, other: str, path: str) -> bool:
    """Two stages of one image (or grown from one stage) that copy the same files in and fill
    `path` by the same program's install there (`composer install --no-dev`, and `composer
    install` for the development stage; `npm ci --omit=dev` and `npm ci`): the trees share what
    both install."""
    first, second = stages.model.stage_of(one), stages.model.stage_of(other)
    if first is None or second is None or first.base_stage != second.base_stage:
        return False  # (both of one image, or both grown from one stage: `FROM base AS deps`)
    if first.base_stage is None and first.base_image != second.base_image:
        return False

    def copied(stage: Stage) -> list[str]:
        return [i.node.original for i in stage.instructions if i.keyword in ("copy", "add")]

    def installs(stage: Stage) -> set[str]:
        # (the package managers whose installs fill the path, in the project the copies gave)
        return {
            op.family or op.tool
            for i in stage.instructions
            if i.keyword == "run"
            for op in run_effects(i).ops
            if op.kind == WRITE
            and (op.family or op.tool) in MANAGERS
            and any(covers(path, p) for p in op.paths)
        }

    both = installs(first) & installs(second)
    return bool(both) and bool(copied(first)) and copied(first) == copied(second)


def _venv_twice(
    stages: _Stages, write: CopyWrite, ops: Sequence[Op], shipped: ImageRef | None
) -> bool:
    """`write` copies a virtual environment that a stage of the same image made at the same
    path over the one an earlier RUN here made (`python -m venv /opt/ansible` in both, then
    `COPY --from=builder /opt/ansible /opt/ansible`): the two hold the same pyvenv.cfg,
    activate scripts and the pip ensurepip put in, which are written again."""
    into = write.into.rstrip("/")
    if (
        not write.origin
        or not (write.tree or write.either)
        or into != "/" + write.source.strip("/")
    ):
        return False

    def makes(some: Sequence[Op]) -> str:
        """The program that made a venv at the path (venv, virtualenv, uv), or ''."""
        return next(
            (
                op.tool
                for op in some
                if op.kind == WRITE
                and op.tool in ("venv", "virtualenv", "uv")
                and op.role != CACHE
                and into in op.paths
            ),
            "",
        )

    origin = stages.model.stage_of(write.origin)
    maker = makes(ops)
    if origin is None or shipped is None or not maker:
        return False
    lineage = stages.lineage(write.origin)
    # (of one image, or of one Python's tags: python:3.12 and python:3.12-slim make the same)
    theirs = stages.model.stages[min(lineage)].base_image
    if theirs is None or theirs.name != shipped.name:
        return False
    if _python_minor(theirs.tag) != _python_minor(shipped.tag):
        return False
    return any(
        makes(run_effects(i).ops) == maker
        for stage in stages.model.stages
        if stage.index in lineage
        for i in stage.instructions
        if i.keyword == "run"
    )


def _python_minor(tag: str | None) -> str:
    """The Python a tag names, to its minor version (`3.12.1-slim`: `3.12`); the tag else."""
    found = re.match(r"\d+\.\d+", tag or "")
    return found[0] if found else (tag or "").split("-")[0]


def _generates_prisma(stages: _Stages, origin: str, scripts: bool = False) -> bool:
    """A RUN of the stage `origin` (or one it is built FROM) runs prisma generate, or, with
    `scripts`, an install that runs the packages' scripts (@prisma/client's postinstall)."""
    texts = [
        i.node.original
        for stage in stages.model.stages
        if stage.index in stages.lineage(origin)
        for i in stage.instructions
        if i.keyword == "run"
    ]
    if any("prisma generate" in t for t in texts):
        return True
    return scripts and not any("ignore-scripts" in t for t in texts)


# Prisma's generated client in node_modules, and its package
_PRISMA_CLIENT = re.compile(r"/node_modules/(?:\.prisma(?:/client)?|@prisma/client)$")


def _fills(instr: Instruction, path: str, archive_only: bool = False) -> bool:
    """`instr` writes file bytes at or below `path` (a conda installer's `-p /opt/conda`, a
    `COPY . /app`), not directory entries alone; so does a program not known here that is told
    the path (`bash buildDep -i /dtOO-install -o cgns`: where it installs). With
    `archive_only`, its package installs are of the distribution's archive alone, which puts
    nothing in /opt."""
    if instr.keyword == "run":
        return any(
            (
                op.kind == WRITE
                and op.entry != DIR
                and op.content != EMPTY
                and any(
                    covers(path, p)
                    and (p != "/opt" or op.role != INSTALL or not archive_only or _vendors(op))
                    for p in op.paths
                )
            )
            or (op.kind == EXEC and any(covers(path, w) for w in op.command.split()[1:]))
            for op in run_effects(instr).ops
        )
    if instr.keyword in ("copy", "add"):
        return any(covers(path, w.path) for w in copy_writes(instr, None))
    return False


def _traced_again(old: CopyWrite, write: CopyWrite) -> bool:
    """`old` is a package Next.js' standalone output traced into its own node_modules, and
    `write` copies a stage's whole node_modules over that one (`COPY --from=builder
    /app/.next/standalone ./`, then `COPY --from=deps /app/node_modules ./node_modules`)."""
    _, traced, rel = old.source.partition(".next/standalone/node_modules/")
    return (
        bool(traced)
        and bool(write.origin)  # (the builder's, or a deps stage's: `COPY --from=deps ...`)
        and posixpath.basename(write.source.rstrip("/")) == "node_modules"
        and old.path == posixpath.join(write.path, rel)
    )


def _untouched(model: Model, write: CopyWrite) -> bool:
    """The stage `write` copies from (with those it is built FROM) ran nothing and wrote
    nothing at, above or below the path it copies: what is there is its base image's."""
    stage = model.stage_of(write.origin)
    path = write.into.rstrip("/")
    for each in model.lineage(stage) if stage is not None and path else ():
        for step in each.instructions:
            if step.keyword == "run":
                return False
            if step.keyword in ("copy", "add") or (
                step.keyword == "workdir" and inside(step.workdir, path)
            ):
                return False
    return stage is not None and bool(path)


def _made_in(model: Model, origin: str, path: str) -> bool:
    """The stage `origin` names (or one it is built FROM) made the directory `path` itself,
    with a WORKDIR, a `mkdir` (`/usr/share/elasticsearch` in a builder) or a command that
    writes it whole (`cp -r .../Nunito/ /usr/share/fonts/nunito`), not an install: not the
    base's."""
    stage = model.stage_of(origin)
    for each in model.lineage(stage) if stage is not None else ():
        for step in each.instructions:
            if step.keyword == "workdir" and step.workdir == path:
                return True
            if step.keyword == "run" and any(
                op.kind == WRITE
                and path in op.paths
                and (op.entry == DIR or op.role not in (INSTALL, CACHE))
                # (`unzip flatc.zip -d /usr/local/bin/` unpacks into python's, not a new one)
                and not (op.tool in EXTRACTORS and op.entry == TREE)
                for op in run_effects(step).ops
            ):
                return True
    return False


def _installed_by_name(model: Model, origin: str, path: str) -> bool:
    """The stage `origin` names (or one it is built FROM) installed the package whose
    directory `path` is, by name, into a tree above it: `npm install -g room-assistant@1.0`
    writes /usr/local/lib/node_modules/room-assistant, not the base's."""
    stage = model.stage_of(origin)
    name = posixpath.basename(path.rstrip("/"))
    if name in _BUNDLED:
        return False  # (`npm install -g npm@10`: a newer copy of what the base holds there)
    for each in model.lineage(stage) if stage is not None and name else ():
        for step in each.instructions:
            if (
                step.keyword == "run"
                and name in step.node.original
                and any(
                    op.kind == WRITE
                    and op.role == INSTALL
                    and any(p == path.rstrip("/") or inside(path, p) for p in op.paths)
                    and name in {_PACKAGE_VERSION.sub("", w) for w in op.command.split()[1:]}
                    for op in run_effects(step).ops
                )
            ):
                return True
    return False


# The packages language images bundle in the trees they fill: node's npm and corepack, python's
# pip, setuptools and wheel
_BUNDLED = frozenset({"npm", "corepack", "pip", "setuptools", "wheel"})
# A package's version after its name: `room-assistant@1.2`, `flask==3.0`, `@scope/x@^2`
_PACKAGE_VERSION = re.compile(r"(?<=.)(?:@|[=<>~!]=?).*$|^@[^/]+/")


# Directories a runtime's tree keeps its own files in, below which an extension goes
_RUNTIME_CONTAINERS = frozenset(
    {"bitcode", "plugins", "gems", "extension", "extensions", "lib", "lib64", "bin", "sbin"}
    | {"share", "include", "tool", "tools", "pkg", "site-packages", "dist-packages", "modules"}
    | {"ext", "contrib", "src", "doc", "docs", "man", "locale", "conf", "etc", "specifications"}
)


def _built_below(model: Model, origin: str, path: str, runtime: tuple[str, ...]) -> bool:
    """`path` lies deep in a runtime tree, three names or more below its top, where a build the
    stage `origin` installed may have put it: an extension's files (`make install` of a
    PostgreSQL extension writes /usr/lib/postgresql/16/lib/bitcode/roaringbitmap)."""
    top = next((t for t in runtime if inside(path, t) and path.rstrip("/") != t), None)
    if top is None or path.rstrip("/").count("/") - top.count("/") < 3:
        return False
    name = posixpath.basename(path.rstrip("/"))
    if name in _RUNTIME_CONTAINERS or name in top or name.startswith("linux_"):
        # (a directory the runtime keeps its own things in, `bitcode`, `plugins`, `gems`, or
        # the runtime's own, `bitcode/postgres`: the base's, whatever a build added to it)
        return False
    stage = model.stage_of(origin)
    return any(
        op.role == INSTALL and op.family == "make"
        for each in (model.lineage(stage) if stage is not None else ())
        for step in each.instructions
        if step.keyword == "run"
        for op in run_effects(step).ops
    )


def _holds(tree: CopyWrite, file: CopyWrite) -> bool:
    """The copied tree `tree` holds the source of `file`, at the path `file` writes."""
    if tree.source == ".":
        rel = file.source
    elif file.source.startswith(tree.source + "/"):
        rel = file.source[len(tree.source) + 1 :]
    else:
        return False
    if tree.excludes and _excluder(tree.excludes).matches(rel):
        return False  # `COPY --exclude=requirements.txt . .` leaves it out
    return file.path == tree.into.rstrip("/") + "/" + rel


@functools.lru_cache(maxsize=64)  # (built once per COPY's patterns, not per file it holds)
def _excluder(patterns: tuple[str, ...]) -> Ignored:
    from layerguard.dockerfile.ignorefile import excluder

    return excluder(patterns)


def _unpacked_distribution(write: CopyWrite) -> frozenset[str]:
    """The files of a well-known distribution a local tar ADD unpacked holds (`ADD
    apache-tomcat-9.0.13.tar.gz /opt/`: /opt/apache-tomcat-9.0.13/conf/server.xml)."""
    top = archive_stem(write.source) if write.unpacked else ""
    files = distribution_files(posixpath.basename(write.source)) if top else ()
    return frozenset(posixpath.join(write.path, top, f) for f in files)


def _placed(ctx: Context, index: int, write: CopyWrite) -> CopyWrite:
    """`write` where the model put it: a listed file copied without a slash into a directory
    known there lands inside it (`ADD sender /etc/postfix` after `apk add postfix` writes
    /etc/postfix/sender)."""
    # (one file to a destination without a slash: a directory's files lie below it)
    one = write.exact and write.source and write.path == write.into.rstrip("/")
    if not (one and index < len(ctx.layers)):
        return write
    within = posixpath.join(write.path, posixpath.basename(write.source))
    if within != write.path and any(e.path == within for e in ctx.layers[index].entries):
        return write._replace(path=within)
    return write


def _into_a_base_directory(old: CopyWrite, new: CopyWrite) -> bool:
    """Two files of other names and of another kind than the destination copied to one path
    without a slash (`COPY vault-server-tls.hcl /vault`, then `COPY policy-file.hcl /vault`):
    a directory the base image holds, which takes each inside, not one file written twice."""
    return (
        bool(old.source and new.source)
        and posixpath.basename(old.source) != posixpath.basename(new.source)
        and all(
            w.path == w.into.rstrip("/") and _extension(w.source) not in ("", _extension(w.path))
            for w in (old, new)
        )
    )


def _one_file(old: CopyWrite, new: CopyWrite) -> bool:
    """Both write one file at the same path (`COPY a.jar app.jar`, `COPY b.jar app.jar`): a
    destination named with its sources' extension is that file, not a directory to copy into
    (`COPY x.sh /docker-entrypoint.d` lands inside the directory an earlier RUN made)."""
    return (
        old.path == new.path
        # (`COPY --from=a /tmp/*.deb /tmp/`, then `--from=b`: whatever each glob matched)
        and not any(
            w.tree or (w.either and not _a_program(w)) or w.unpacked or is_glob(w.path)
            for w in (old, new)
        )
        and all(
            _extension(w.source) == _extension(w.path) != "" or _a_program(w) for w in (old, new)
        )
    )


def _a_packaged_program(write: CopyWrite, ops: Sequence[Op]) -> bool:
    """`write` lands in /usr/bin on the program a distribution package named for it
    installed there (`apt-get install chasquid` puts /usr/bin/chasquid), and the RUN did not
    remove the package again; not a name Debian's alternatives or a runtime's package make a
    link (`python3`, `java`, `clang`), nor a daemon's, which lives in sbin (`haproxy`); and
    Alpine's, but for those it puts in /bin or /sbin (`bash`, `tini`)."""
    if not write.path.startswith("/usr/bin/") or write.tree or write.path.count("/") != 3:
        return False
    name = posixpath.basename(write.path)
    if name in _LINKED_PROGRAMS or name in _DAEMONS:
        return False
    installed = False
    group = ""  # (the apk virtual package it came in, `--virtual .fetch curl`)
    for op in ops:
        # (Alpine's too, but for what it puts in /bin or /sbin)
        alpine = op.family == "apk" and name not in _ALPINE_ROOT_PROGRAMS
        if op.family in ("apt", "yum") or alpine:
            if op.role == INSTALL and name in op.packages:
                installed = True
                group = op.packages[-1] if op.packages[-1].startswith(".") else ""
            elif op.kind == PURGE and (name in op.packages or (group and group in op.packages)):
                installed = False
    return installed


# (programs whose package of that name makes the program a link, as the filesystem model
# knows them, or puts it elsewhere)
_LINKED_PROGRAMS = LINKED_PROGRAMS | frozenset(
    {"python2", "node", "nodejs", "perl", "golang", "maven", "busybox", "yarnpkg", "corepack"}
    | {"lld", "pip", "pip3"}
)
# (servers and tools whose package puts their program in /usr/sbin)
_DAEMONS = frozenset(
    {"haproxy", "nginx", "apache2", "httpd", "squid", "dnsmasq", "named", "bind9", "sshd"}
    | {"openssh-server", "postfix", "dovecot", "exim4", "cron", "rsyslog", "mysqld", "unbound"}
    | {"lighttpd", "vsftpd", "proftpd", "nsd", "chrony", "ntp", "privoxy", "varnish", "gosu"}
)
# (Alpine's packages whose program is in /bin or /sbin)
_ALPINE_ROOT_PROGRAMS = frozenset(
    {"bash", "tini", "su-exec", "iptables", "ip6tables", "iproute2", "openrc", "busybox"}
)


def _a_program(write: CopyWrite) -> bool:
    """`write` copies to a name right in a bin directory, without a slash: a program, one file
    (`ADD composer.sh /usr/bin/composer`, `COPY bin/app /usr/local/bin/app`)."""
    return posixpath.dirname(write.path) in BIN_DIRS and write.path == write.into.rstrip("/")


def _extension(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[1]


def _removed_in(model: Model, write: CopyWrite) -> list[str]:
    """What the stage a `COPY --from` takes from (and those it is built FROM) removed by name."""
    stage = model.stage_of(write.origin)
    return removed_by(model.lineage(stage)) if stage is not None else []


def _patterns_meet_or_cover(removal: str, tree: str) -> bool:
    """`removal` (a path or pattern) takes `tree` (a path or pattern) whole: it covers it, or
    the two name the same entries at one depth (`/opt/yarn-*` and `/opt/yarn-v*`; not
    `/opt/yarn-*/share`, a part)."""
    same_depth = removal.rstrip("/").count("/") == tree.rstrip("/").count("/")
    return covers(removal, tree) or (
        same_depth and (fnmatch.fnmatchcase(tree, removal) or fnmatch.fnmatchcase(removal, tree))
    )


def _known_base_content(
    model: Model, shipped: ImageRef, write: CopyWrite, family: tuple[str, ...] = ()
) -> Iterator[tuple[str, str, int | None]]:
    """Without the registry: a `COPY --from` of a path onto the same place in the same image
    it came from (a system tree of the stage's base image, or any file of the base image
    itself), or a file every image of an official repository holds (nginx's default.conf),
    or of the distribution family the RUNs show (`family`) for a base not known here."""
    where = f"the base image {shipped.familiar}"
    if write.origin and _a_root_filesystem(model, write):
        yield "/", where, None  # (its /etc/passwd, /bin/sh, libc: the base's own paths)
        return
    if write.origin and not is_glob(write.source):
        stage_base, is_stage = _origin_base(model, write.origin)
        same_image = stage_base is not None and stage_base.name == shipped.name
        if same_image and write.into.rstrip("/") == "" and write.source.strip("/.") == "":
            # (`COPY --from=base / /` of a stage grown from this very image: all its files)
            yield "/", where, None
            return
        if same_image and write.path == "/" + write.source and not is_stage:
            yield write.path, where, None  # `COPY --from=ubuntu:22.04 /etc/x /etc/x` on ubuntu
            return
        # (A name without an extension in a bin directory is a program, not a tree.)
        tree = write.tree or (write.either and posixpath.dirname(write.into) not in BIN_DIRS)
        # A tree copied back to where it was (`COPY --from=builder /usr/local/lib
        # /usr/local/lib` on python), holding one the base image fills, not a new directory.
        back = write.into.rstrip("/") == "/" + write.source
        image = known(shipped)
        removed = _removed_in(model, write) if same_image and tree and back else []
        if (
            same_image
            and tree
            and back
            and _holds_filled_tree(write.into, image.trees, bool(image.manager))
            # (not a directory the image ships empty: jetty's base's webapps, Ghost's content)
            and not in_tree(write.into.rstrip("/") or "/", image.empty)
            # (the builder's own directory; not the base's runtime a WORKDIR names, nor one
            # holding a runtime tree below it, which a WORKDIR there did not empty: node's
            # /opt/yarn-v1.22.22 in a builder that worked in /opt)
            and (
                _names_a_tree(write.into, image.runtime)
                or any(
                    t.startswith(write.into.rstrip("/") + "/")
                    # (not one the builder removed: `rm -rf /opt/yarn-*` before its WORKDIR)
                    and not any(_patterns_meet_or_cover(r, t) for r in removed)
                    for t in image.runtime
                )
                or (
                    _its_site_packages(write.into, shipped)
                    and _its_site_packages(write.into, stage_base)
                )
                or not (
                    _made_in(model, write.origin, write.into)
                    or _built_below(model, write.origin, write.into, image.runtime)
                    or _installed_by_name(model, write.origin, write.into)
                )
            )
        ):
            yield write.into, where, None  # a builder's /usr/local/lib/python3.12 on python
            return
        if is_stage and stage_base == shipped and back and _untouched(model, write):
            # (`FROM baserow/baserow:1.29.3 AS base`, this stage FROM the same image, then
            # `COPY --from=base --chown=app /baserow /baserow`: a stage that wrote nothing
            # there found the path in the image, so the base holds it, written again whole)
            yield write.into, where, None
            return
        if (
            tree
            and back
            and write.into.rstrip("/") in _SYSTEM_TREES
            and image.manager
            and _managers_of(model, write.origin) == {image.manager}
        ):
            # (a system tree copied back from a stage of the same distribution family, its
            # base not known here: `COPY --from=minifier /usr /usr` of a Debian runner onto
            # node:24-trixie-slim writes its libc, bash and coreutils again)
            yield write.into, where, None
            return
        if tree and back and stage_base is not None and write.into.rstrip("/"):
            # (a tree copied back to where it was from a stage whose base holds the same
            # known files there: `COPY --from=builder /root .` into /root, both bases
            # Ubuntu's with /root/.bashrc; `COPY --from=build /etc/nginx /etc/nginx`)
            theirs = set(known(stage_base).files)
            below = write.into.rstrip("/") + "/"
            lineage = model.lineage(stage) if (stage := model.stage_of(write.origin)) else ()
            # (less what the stage's RUNs removed or moved away and did not write again: `rm -rf
            # /etc/nginx/conf.d/*`)
            left = _left_in(lineage)
            same = sorted(f for f in image.files if f.startswith(below) and f in theirs and left(f))
            if same:
                yield same[0], where, None
                return
    held = known(shipped)
    if write.origin and is_glob(write.source):
        # (`COPY --from=builder /usr/local/bin/docker-php-ext-* /usr/local/bin/` of a builder
        # grown from this very image: the files of it the wildcard matches, back in place)
        # (or the C library's files a Debian or Ubuntu builder holds as every such image does,
        # back in place on a base that holds them: `COPY --from=build-env
        # /lib/x86_64-linux-gnu/lib* /lib/x86_64-linux-gnu/` on distroless's cc)
        stage_base, _ = _origin_base(model, write.origin)
        at = "/" + write.source.strip("/")
        # (the multiarch triplet from an ARG the build passes, `/lib/${lib_target}-linux-gnu/`:
        # whichever architecture it names)
        at, back_in = (
            re.sub(r"/\$\{?\w+\}?-linux-gnu(?=/|$)", "/*-linux-gnu", p)
            for p in (at, write.into.rstrip("/"))
        )
        itself = stage_base is not None and stage_base.name == shipped.name
        libc = stage_base is not None and known(stage_base).debian
        # (the libraries beside the C library are the same files only from the same release:
        # another's land beside the base's under their own versions' names)
        release = debian_release(stage_base)
        one_release = stage_base == shipped or (
            bool(release) and release == debian_release(shipped)
        )
        if (
            (itself or libc)
            and back_in == posixpath.dirname(at)
            and (
                matched := min(
                    (
                        f
                        for f in held.files
                        if fnmatch.fnmatchcase(f, at)
                        and (itself or f in C_LIBRARY_FILES)
                        and (one_release or f not in DEBIAN_LIBRARY_FILES)
                    ),
                    default="",
                )
            )
        ):
            yield matched, where, None
            return
    top = write.path.rstrip("/")
    for path in (*held.files, *(family if not held.manager else ())):
        if not path.startswith(_fixed_part(top)):
            continue  # (each case below lies at or below the path written)
        # A site copied into the web root replaces its index.html (so does each entry of one
        # copied by a wildcard, `COPY --from=build /app/dist/* /usr/share/nginx/html/`: a
        # directory's contents land in the destination, as the whole tree's do).
        site = (write.tree or write.either) and path in (f"{top}/index.html", _every_entry(top))
        # `COPY meta.env /usr/local/etc/vscode-dev-containers`: a directory there takes it in.
        into = posixpath.dirname(path) == write.path and posixpath.basename(
            write.source
        ) == posixpath.basename(path)
        # An image's own s2i scripts (`COPY ./s2i/bin/ /usr/libexec/s2i`) replace the
        # builder's: s2i runs `assemble` and `run` by those names.
        scripts = (
            (write.tree or write.either)
            and write.source.rstrip("/").endswith("s2i/bin")
            and path in S2I_SCRIPTS[:2]
            and posixpath.dirname(path) == top
        )
        # Bitnami's overlay of its images' build helpers (`COPY prebuildfs /`) holds minideb's
        # install_packages again, as every one of its repositories lays it out.
        bitnami = (
            (write.tree or write.either)
            and posixpath.basename(write.source.rstrip("/")) == "prebuildfs"
            and write.into.rstrip("/") == ""
            and path == "/usr/sbin/install_packages"
        )
        # A stage's whole certificates directory (`COPY --from=wget /etc/ssl/certs
        # /etc/ssl/certs`) holds the bundle under the name every Debian, Ubuntu and Alpine
        # image gives it, whatever the stage's image; not Red Hat's family's, whose
        # /etc/ssl/certs links to /etc/pki/tls/certs and its ca-bundle.crt.
        certs = (
            bool(write.origin)
            and (write.tree or write.either)
            and "/" + write.source.strip("/") == _CERTS_DIR == top
            and path == _CERTS_DIR + "/ca-certificates.crt"
            and _stage_family(model, write.origin) != "yum"
        )
        if write.path == path or site or into or scripts or bitnami or certs:
            yield path, where, None
            return
    if (
        not write.origin
        # (by a wildcard, or a directory named for configuration: not `COPY webapps/
        # .../webapps/`, a project's applications over tomcat's own)
        and (
            is_glob(posixpath.basename(write.source.rstrip("/")))
            or posixpath.basename(write.source.rstrip("/")) in _CONFIG_DIRS
        )
        # (not a directory of pools or sites a project names as it chooses, nor one every
        # program under /usr/local shares)
        and not write.into.rstrip("/").endswith(("/php-fpm.d", "/usr/local/etc"))
        # (nor a directory of shared libraries, whose names a project's own libraries do not
        # share with the C library's: `COPY libraries/* /lib/x86_64-linux-gnu/`)
        and not (
            _MULTIARCH.fullmatch(write.into.rstrip("/"))
            and not _C_LIBRARY_SOURCE.search(write.source)  # (not `COPY glibc-2.35/* ...`)
        )
        and (filled := _into_configs(write, [f for f in held.files if not _a_template(f)], ()))
    ):
        # (`COPY conf/extra/*.conf /usr/local/apache2/conf/extra/` on httpd: its own
        # configuration files of that kind, replaced, as a package's are)
        yield filled, where, None


def _homes_twice(ctx: Context, index: int, write: CopyWrite) -> tuple[str, str, int | None] | None:
    """(path, where, size) of a dotfile `/etc/skel` gave a home that useradd -m made here
    before, which `write` writes again: a `COPY --from` of the same home from a stage whose
    useradd -m made it too (`COPY --from=builder /cowrie /cowrie`, both stages `useradd -d
    /cowrie -m cowrie`). None otherwise."""
    origin = ctx.model.stage_of(write.origin) if write.origin else None
    into = write.into.rstrip("/")
    if origin is None or not (write.tree or write.either) or into != "/" + write.source.strip("/"):
        return None
    made = next(
        (
            position
            for position in range(min(index, len(ctx.layers)) - 1, -1, -1)
            for e in ctx.layers[position].entries
            if e.role == HOME and e.path == into and e.weighs
        ),
        None,
    )
    if made is None:
        return None
    run = ctx.steps[made].run
    if run is None or not any(_skeleton_home(op, into) for op in run.ops):
        return None
    dotfile = f"{into}/{DEBIAN_SKEL[0]}"
    # (the other stage's useradd -m made it from /etc/skel, and nothing of it went since)
    theirs = [
        op
        for s in reversed(ctx.model.lineage(origin))
        for i in s.instructions
        if i.keyword == "run"
        for op in run_effects(i).ops
    ]
    start = next((at for at, op in enumerate(theirs) if _skeleton_home(op, into)), None)
    if start is None or any(
        op.kind == REMOVE and any(covers(p, dotfile) for p in op.paths) for op in theirs[start:]
    ):
        return None
    return dotfile, ctx.steps[made].where, None


def _skeleton_home(op: Op, home: str) -> bool:
    """`op` is a useradd -m (adduser) that fills `home` from /etc/skel, not a skeleton of its
    own (`-k /etc/emptyskel`)."""
    return op.role == HOME and home in op.paths and op.sources in ((), ("/etc/skel",))


def _back_from_an_ancestor(ctx: Context, index: int, write: CopyWrite) -> str | None:
    """Where the stage this one is built FROM (or one below it) holds what `write`, a `COPY
    --from` of that stage, copies onto the very path it copies from (`COPY --from=tdarr-base
    /usr/local/bin/dovi_tool /usr/local/bin/dovi_tool` in a stage FROM tdarr-base): this stage
    holds it already, so it is written again. None for another stage or another path."""
    origin = ctx.model.stage_of(write.origin) if write.origin else None
    stage = ctx.model.holding(ctx.steps[index].instr)
    if origin is None or stage is None or origin not in ctx.model.lineage(stage)[1:]:
        return None
    source = "/" + write.source.strip("/")
    if source == "/" or is_glob(posixpath.dirname(source)):
        return None
    # (`COPY --from=base /usr/local/bin/* /usr/local/bin/`: what it matches, back in place)
    glob = is_glob(source)
    landed = write.into.rstrip("/") if glob or write.tree or write.either else write.path
    if landed != (posixpath.dirname(source) if glob else source):
        return None
    # (the last step of that stage's lineage before this one that wrote bytes there, not
    # directories or empty files alone; or the image it stands on, where it holds files there)
    lineage = ctx.model.lineage(origin)
    ancestry = {id(i.node) for s in lineage for i in s.instructions}
    made = next(
        (
            step
            for position, step in reversed(list(enumerate(ctx.steps[:index])))
            if id(step.instr.node) in ancestry
            and position < len(ctx.layers)
            and any(
                e.weighs
                and (
                    covers(e.path, landed)
                    or (
                        inside(e.path, landed) and (not glob or fnmatch.fnmatchcase(e.path, source))
                    )
                )
                for e in ctx.layers[position].entries
            )
        ),
        None,
    )
    if made is not None:
        return made.where
    base = lineage[-1].base_image
    if base is None or not any(covers(landed, f) for f in (*known(base).files, *known(base).trees)):
        return None
    return f"the base image {base.familiar}"


def _moved_since(
    ctx: Context, position: int, index: int, files: tuple[str, ...]
) -> tuple[str, ...]:
    """`files` (what the RUN at `position` named and kept, and where they lie below a link made
    by then), and where a later RUN's mv took them by step `index` (a file moved away still
    ships at its old path below the whiteout). A directory's contents (`mv src/* dest/`) land
    in dest; a directory moved into one that is there (made before, the WORKDIR, a standard
    one) lands inside it by its name, else takes the new name."""
    made: set[str] = set(STANDARD_DIRS)
    held = (*known(ctx.outside).files, *known(ctx.outside).trees)
    moved = list(files)
    for at, step in enumerate(ctx.steps[:index]):
        made.add(step.instr.workdir)
        for op in step.run.ops if step.run is not None else ():
            if op.kind == WRITE and op.entry == DIR:
                made.update(op.paths)
            for at_link, target in links_made(op) if at <= position else ():
                # (and what it wrote below a link an earlier RUN, or it, made lies in the
                # link's target: `ln -s /opt/cfg /etc/myapp`, `curl -o /etc/myapp/big.dat`;
                # not where that was a directory already, in which the link lands)
                if at_link in made or any(f.startswith(at_link + "/") for f in held):
                    continue
                moved.extend(
                    target + f[len(at_link) :] for f in moved if f.startswith(at_link + "/")
                )
            if at <= position or not (
                op.kind == WRITE and op.tool == "mv" and len(op.sources) == 1 and op.paths
            ):
                continue
            source, dest = op.sources[0], op.paths[0].rstrip("/") or "/"
            top = source.removesuffix("/*")
            below = dest
            if top == source and dest in made:
                below = posixpath.join(dest, posixpath.basename(top))
            moved.extend([below + f[len(top) :] for f in moved if f.startswith(top + "/")])
    return tuple(dict.fromkeys(moved))


def _a_template(path: str) -> bool:
    """A configuration template an image ships beside where the real file goes
    (php.ini-production, nginx.conf.default): a project's file lands beside it."""
    return bool(_TEMPLATE.search(posixpath.basename(path)))


_TEMPLATE = re.compile(r"-(?:development|production)$|\.(?:sample|dist|example|default|template)$")


def _left_in(lineage: Sequence[Stage]) -> Callable[[str], bool]:
    """A test of a path for still being there at the end of `lineage` (a stage and those it is
    built FROM, nearest first): not removed by a RUN of theirs, or written again after."""
    events: list[tuple[bool, str]] = []  # (a removal, the path), in build order
    for stage in reversed(lineage):
        for instr in stage.instructions:
            if instr.keyword == "run":
                for op in run_effects(instr).ops:
                    if op.kind == REMOVE and op.tool != "find":
                        events.extend((True, p) for p in op.paths)
                    elif op.kind == WRITE and op.entry != DIR and op.content != EMPTY:
                        events.extend((False, p) for p in op.paths)
            elif instr.keyword in ("copy", "add"):
                events.extend((False, w.path) for w in copy_writes(instr, None))

    def left(path: str) -> bool:
        # (`covers` globs as the shell does: within one name, and not over a leading dot)
        there = True
        for removal, at in events:
            if covers(at, path):
                there = not removal
        return there

    return left


def _every_entry(top: str) -> str:
    """The index.html a wildcard that matches it writes (`.../html/*`, `.../html/*.html`)."""
    name = posixpath.basename(top)
    matches = is_glob(name) and fnmatch.fnmatchcase("index.html", name)
    return posixpath.dirname(top) + "/index.html" if matches else ""


def _fixed_part(top: str) -> str:
    """`top` without a last name that is a wildcard."""
    return posixpath.dirname(top) if is_glob(posixpath.basename(top)) else top


@functools.cache
def _family_of(managers: frozenset[str]) -> tuple[str, ...]:
    shown = managers & {"apt", "yum", "microdnf", "apk", "pacman"}
    return family_files(next(iter(shown))) if len(shown) == 1 else ()


def _family_shown(ctx: Context) -> tuple[str, ...]:
    """The files every image of the distribution family holds whose package manager the
    shipped stages' RUNs alone use (`apt-get install` on a base not known here: Debian's or
    Ubuntu's `/root/.bashrc`); none when they use two, or none."""
    managers = {
        "microdnf" if op.tool == "microdnf" else op.family
        for step in ctx.steps
        if step.run is not None
        for op in step.run.ops
        if op.role == INSTALL
    }
    return _family_of(frozenset(managers))


def _holds_filled_tree(path: str, trees: tuple[str, ...], distribution: bool = False) -> bool:
    """`path` is or holds a tree the image fills, or lies in one of its runtime's (python's
    `/usr/local/lib/python3.12`): not any directory below a distribution's `/usr/lib`
    (`/usr/lib/nginx/modules`, which a builder's own nginx made)."""
    top = path.rstrip("/")
    runtime = tuple(t for t in trees if t not in DISTRIBUTION_TREES)
    return (
        _holds_filled(path, runtime)
        or any(t == top or t.startswith(top + "/") for t in DISTRIBUTION_TREES)
        or bool(_MULTIARCH.fullmatch(top))  # (Debian's /usr/lib/x86_64-linux-gnu)
        # (a Python's packages, which hold its own pip at least: a builder of the same
        # application image installed into them, `COPY --from=builder
        # /usr/local/lib/python3.6/site-packages/.`; not a distribution's, which has no Python
        # until a RUN installs one, nor Debian's Python's local dist-packages, which it ships
        # empty for pip)
        or (
            not distribution
            and bool(_SITE_PACKAGES.fullmatch(top))
            and not (top.startswith("/usr/local/") and top.endswith("/dist-packages"))
        )
    )


_MULTIARCH = re.compile(r"/(usr/)?lib/\w+-linux-gnu\w*")
# A source named for the C library (`glibc-2.35/`, `libc6/`)
_CERTS_DIR = "/etc/ssl/certs"
_C_LIBRARY_SOURCE = re.compile(r"(?:^|/)(?:glibc|libc6?)(?:[-_.\d]|/|$)")
_SITE_PACKAGES = re.compile(r"/usr(?:/local)?/lib/python3(?:\.\d+)?/(?:site|dist)-packages")


def _its_site_packages(path: str, image: ImageRef | None) -> bool:
    """`path` is the site-packages of the Python `image` holds, by its tag's version
    (`/usr/local/lib/python3.12/site-packages` on python:3.12-slim)."""
    found = _SITE_PACKAGES.fullmatch(path.rstrip("/"))
    version = re.search(r"python(3\.\d+)", path)
    tag = image.tag or "" if image is not None else ""
    return bool(found and version and tag.startswith(version.group(1)))


def _names_a_tree(path: str, trees: tuple[str, ...]) -> bool:
    """`path` is one of `trees` itself (`/usr/local/lib/python3.12` of python's
    `/usr/local/lib/python3*`), not a directory below one."""
    top = path.rstrip("/")
    return any(fnmatch.fnmatchcase(top, t) and top.count("/") == t.count("/") for t in trees)


def _holds_filled(path: str, trees: tuple[str, ...]) -> bool:
    """`path` is or lies in one of `trees`, or holds one (`/usr/local/lib` holds python's
    `/usr/local/lib/python3*`)."""
    below = path.rstrip("/") + "/"
    return in_tree(path, trees) or any(t.startswith(below) for t in trees)


def _a_root_filesystem(model: Model, write: CopyWrite) -> bool:
    """`write` puts a whole root filesystem at /: the root of a stage that installed packages
    of a distribution or of a distribution's image (`COPY --from=build / /`; not another
    image's, which may hold a few programs alone: `COPY --from=tonistiigi/xx / /`), or a tree
    a stage's package manager installed a system into (`dnf --installroot /mnt/rootfs install
    bash`, `debootstrap bookworm /rootfs`)."""
    if write.into.rstrip("/") or not (write.tree or write.either):
        return False
    source = posixpath.normpath("/" + write.source.strip("/"))
    stage = model.stage_of(write.origin)
    if stage is None:
        # (an image's own root, of a distribution: `COPY --from=python:3.6-slim / /`)
        return source == "/" and bool(known(parse_reference(write.origin)).manager)
    runs = [i for s in model.lineage(stage) for i in s.instructions if i.keyword == "run"]
    if source == "/":
        # (or the root of a distribution's image: `FROM jrottenberg/ffmpeg:3.3-alpine`, then
        # `COPY --from=0 / /` onto node:16-alpine)
        base = model.lineage(stage)[-1].base_image
        return bool(base is not None and known(base).manager) or any(
            op.role == INSTALL and op.family in ("apt", "apk", "yum", "pacman")
            for instr in runs
            for op in run_effects(instr).ops
        )
    for instr in runs:
        for command in run_effects(instr).commands:
            words = command.words
            root = next(
                (words[i + 1] for i, w in enumerate(words[:-1]) if w == "--installroot"), None
            ) or next((w.split("=", 1)[1] for w in words if w.startswith("--installroot=")), None)
            if root is None and words[:1] == ("debootstrap",):
                root = next((w for w in words[1:] if w.startswith("/")), None)
            if root and resolve(root, instr.workdir).rstrip("/") == source.rstrip("/"):
                return True
    return False


# A distribution's system trees: what any image of it holds there (its libc, its shell)
# (not /lib64, /bin or /sbin: links, or a loader's link alone, on merged-/usr bases)
_SYSTEM_TREES = frozenset({"/usr", "/lib", "/usr/lib", "/usr/bin"})


def _managers_of(model: Model, origin: str) -> set[str]:
    """The distributions' package managers the RUNs of stage `origin` (and those it grows
    from) use, or its base is known to have: `apt` for a runner that runs `apt-get update`."""
    stage = model.stage_of(origin)
    if stage is None:
        return set()
    lineage = model.lineage(stage)
    manager = known(lineage[-1].base_image).manager  # (known(None) has none)
    found = {manager} if manager else set()
    for each in lineage:
        for instr in each.instructions:
            if instr.keyword == "run":
                found.update(
                    op.family for op in run_effects(instr).ops if op.family in ("apt", "apk", "yum")
                )
    return found


def _same_passed_base(model: Model, origin: str) -> str | None:
    """The FROM word (`$BASE_IMAGE`) that both the stage `origin` and the shipped stage grow
    from, a variable the build passes in; None when they differ or it is not one."""
    stage = model.stage_of(origin)
    if stage is None or not model.shipped:
        return None
    roots = (model.lineage(stage)[-1], model.lineage(model.stages[model.shipped[0]])[-1])
    # (`$BASE_IMAGE` and `${BASE_IMAGE}` are one variable)
    words = {
        re.sub(r"\$\{(\w+)\}", r"$\1", r.from_node.args[0]) if r.from_node.args else ""
        for r in roots
    }
    word = words.pop() if len(words) == 1 else ""
    # (one the build must pass: not one whose ARG gives a default, `ARG BASE_IMAGE=scratch`)
    passed = all(r.base_stage is None and not r.base_text.strip() for r in roots)
    return word if "$" in word and passed else None


def _stage_base_file(model: Model, write: CopyWrite, configs: Iterable[str]) -> str | None:
    """One of `configs` (a package's configuration a RUN wrote) that a directory copied back
    to its own place from a stage holds, by what that stage's base is known to hold: `COPY
    --from=gobuild /etc/ssl/certs /etc/ssl/certs` of golang's Debian tags, after an install of
    ca-certificates wrote the bundle."""
    into = write.into.rstrip("/")
    tree = (write.tree or write.either) and not is_glob(write.source)
    stage_base = _origin_base(model, write.origin)[0] if write.origin else None
    if not tree or into != "/" + write.source or stage_base is None:
        return None
    held = known(stage_base).files
    return next((f for f in sorted(configs) if f.startswith(into + "/") and f in held), None)


def _stage_family(model: Model, origin: str) -> str:
    """The package manager of the image a `--from` value stands on ('' where not known)."""
    image, _ = _origin_base(model, origin)
    return (known(image).manager or "") if image is not None else ""


def _origin_base(model: Model, origin: str) -> tuple[ImageRef | None, bool]:
    """The external image a `--from` value stands on (a stage's root base, or the image it
    names), and whether it named a stage."""
    stage = model.stage_of(origin)
    if stage is not None:
        return model.lineage(stage)[-1].base_image, True
    try:
        return parse_reference(origin), False
    except ValueError:
        return None, False
