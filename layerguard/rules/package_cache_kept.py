r"""Package cache kept in layer: a RUN leaves a package manager's cache or index in its layer.

## What it does
Reports a `RUN` of a shipped stage whose layer keeps what a package manager downloaded only to
install: the command writes it and nothing in the same `RUN` removes it again. It reports a `RUN`
of a stage that is not shipped as well when the cache it leaves lies in a tree a `COPY --from` of a
shipped stage copies, and no later `RUN` of that stage removed it (`conda install` in the builder,
then `COPY --from=builder /opt/conda /opt/conda`: its `pkgs/` ship by the copy).
- `apt-get update` (or `apt update`, Ubuntu's `unminimize`, `add-apt-repository`,
  `apt-add-repository`: before Ubuntu 18.04 and Debian 12 only with `-u`) without removing
  `/var/lib/apt/lists` (`rm -rf /var/lib/apt/lists/*` or apt 3's `apt-get distclean`).
  `apt-get install` alone writes no index (Debian and Ubuntu images delete the downloaded
  `.deb`s themselves), nor does `dpkg -i`; but after a `RUN` removed
  `/etc/apt/apt.conf.d/docker-clean`, as BuildKit's cache-mount recipe does, an `apt-get` or
  `aptitude` install without a cache mount keeps its `.deb`s in `/var/cache/apt/archives` (the
  `apt` program only where also told `Binary::apt::APT::Keep-Downloaded-Packages "true"`; none
  told `APT::Keep-Downloaded-Packages "false"`) unless `apt-get clean` or `distclean` runs, or
  the `.deb`s are removed, in the same `RUN`;
- `apk add`/`apk update` without `--no-cache` (or removing `/var/cache/apk`), and `apk upgrade`
  where no earlier layer left the index, a repository was added since, or told `-U`;
- `yum`/`dnf`/`microdnf`/`tdnf`/`zypper install` (and `update`, `distro-sync`, run directly or
  through a Software Collection, `scl enable COLLECTION '...'`, as every manager here; `groups
  install`, `yum-builddep`, and a `dnf module enable` where no earlier layer left the metadata)
  without a clean (`clean all` in any spelling, `zypper clean -a`, or removing `/var/cache/yum`,
  `/var/cache/dnf`: yum's is dnf's where yum is dnf, RHEL 8 and later, Fedora, Amazon Linux 2023;
  dnf5's, Fedora 41's and later, is `/var/cache/libdnf5`; microdnf keeps `/var/cache/yum`);
  `pacman -S` without `yes | pacman -Scc` (`-Scc` asks, No by default, and `--noconfirm` takes
  the default: the cache stays; `-Sc` keeps the installed versions' packages), and `pacman
  -Sy` without removing the sync databases `/var/lib/pacman/sync/*`;
  Void's `xbps-install` without removing `/var/cache/xbps/*`, which keeps every package it
  downloaded (`xbps-remove -O` only those of versions the index no longer has), and its `-S`,
  which leaves the repositories' index in `/var/db/xbps` (no fix is offered: its package
  database lies there too); Clear Linux's `swupd bundle-add` (and `update`, `repair`) without
  `swupd clean`, which keeps the manifests and packs it fetched in `/var/lib/swupd`; Gentoo's
  `emerge PACKAGE` without emptying `/var/cache/distfiles` (`eclean-dist`), and `emerge --sync`
  or `emerge-webrsync` without removing the repository tree `/var/db/repos/gentoo`;
- `pip install` (and `get-pip.py`, `pip3.11`, any interpreter's `-m pip`, `pipenv install` or
  `sync`, also where PEP 668 refuses the system's pip, for pipenv installs into a virtual
  environment of its own, and `pipx install`, `inject` or `upgrade`, whose pip keeps its cache
  unless `--pip-args=--no-cache-dir`, and `pipx runpip VENV install`) without `--no-cache-dir`,
  `PIP_NO_CACHE_DIR` or an earlier `pip config set global.no-cache-dir` (which any value sets,
  `false` too), or that setting echoed into the site's pip.conf (`/etc/pip.conf`; a user's for
  the RUN's own pips, a venv's for its pip alone; not a commented line) (not `--no-deps`
  installs of wheel files, or of checkouts built `--no-build-isolation`, which fetch nothing: a
  build in isolation fetches its build requirements first; nor `python -m spacy download`, whose
  pip runs with `--no-cache-dir` through spaCy 3); `uv` (`uv pip install`, `sync`, `add`, `tool
  install`, `venv --seed`, and `build`, `lock`, `pip compile`, which fetch what they resolve)
  without `--no-cache` or `UV_NO_CACHE`; `poetry install` without
  `--no-cache`;
- `npm install`/`npm ci` (and their aliases: `npm clean-install`, `npm i`) without `npm cache clean
  --force`, and what fills npm's cache otherwise: `npm cache add`, `npm pack`, an `npx` (or `npm
  exec`) told to fetch (`--yes`, `--package`, `playwright@latest`), or one of a package that
  nothing in a public base's image installed (`FROM node:20`, `RUN npx playwright install-deps`:
  with no terminal npx assumes `--yes`; not after any install of node packages, nor after a COPY
  that may carry node_modules, as a project's own `npx prisma generate`); `yarn` (and Yarn
  2+'s `workspaces focus`, and JupyterLab's `jupyter labextension install`, JupyterLab 1 to
  3's `labextension link` and `jupyter lab build`, which run its jlpm)
  without `yarn cache clean` (or removing its folder's `v6/`, which `$(yarn cache dir)` names),
  and `labextension install --no-build`, which fetches by `npm pack`
  into npm's cache; `pnpm install` (and `pnpm dlx`, `pnpx`, `pnpm create`, which fetch what
  they run) without `pnpm store prune`; `bun install` (`add`, `update`)
  without `bun pm cache rm`, which keeps `~/.bun/install/cache` (its `--no-cache` ignores the
  manifest cache alone);
- `conda`/`mamba`/`micromamba install` or `create` without `clean -afy` (`--all`), and a
  Miniconda or Miniforge installer (`bash Miniforge3.sh -b -p /opt/conda`, also when saved or
  copied as `install.sh`), which keeps `pkgs/`; `pixi install` (`add`, `update`, `global
  install`) without `pixi clean cache`, which keeps rattler's cache (`~/.cache/rattler/cache`);
  `luarocks install` (`build`, `make`; not `make` of a plugin on Kong's image, whose rocks it
  needs are the image's), which keeps the luarocks.org manifest and the rocks it fetched in
  `~/.cache/luarocks`; `bazel build` (`test`, `run`, `fetch`, `sync`, a query; bazelisk's too),
  which keeps every archive it downloaded in its repository cache in `~/.cache/bazel` (or
  `--output_user_root`'s), beside the output base that holds the build's outputs (no autofix: a
  cleanup must take the repository cache alone); OpenResty's `opm get`, which keeps each
  package's tarball in
  `~/.opm/cache`; Nim's `nimble update` (or `install`), which keeps the package list in
  `~/.nimble/packages_official.json`; Crystal's `shards install`, which keeps a git mirror of
  each dependency in `~/.cache/shards`, and a Crystal build (`crystal build`, `shards build`),
  which keeps the compiler's cache in `~/.cache/crystal`; `suricata-update`, which keeps each
  ruleset it fetched in `/var/lib/suricata/update/cache`; TinkerPop's `gremlin-server.sh
  install` (or Groovy's `grape install`), which keeps each jar Grape resolved in
  `~/.groovy/grapes`; a Gleam build (`gleam build`, `run`,
  `test`, `export`; not a later one of the same project, which finds them there) and a rebar3
  build (`rebar3 compile`, `as prod release`), which keep the Hex packages they fetched in
  `~/.cache/gleam` and `~/.cache/rebar3`; PureScript's `spago install` (or a first `spago
  build`, `bundle-app`), which keeps the package set's packages in `~/.cache/spago`; `helm repo
  add` or `repo update` (and `dependency update` or `build` without `--skip-refresh`), which keep
  each chart repository's index in `~/.cache/helm/repository` (not `helm pull`, which writes
  where it is told);
- `gem install` and `bundle install` leaving `.gem` files (in `$GEM_HOME/cache`, or
  `$BUNDLE_PATH/ruby/*/cache`); `composer install` (and Pantheon's `terminus self:plugin:install`,
  which runs composer) without `composer clear-cache`;
- vendor install scripts piped to a shell that run `apt-get update` (NodeSource, get.docker.com,
  InstallAzureCLIDeb), and, with the build context present, shell scripts a `COPY` brought
  from it (run by path, or by name from a bin directory on the PATH: `install-packages curl`),
  and the recipe `make TARGET` runs from a Makefile it brought (`make conda-update`);
- `cargo build`/`install` (also `cargo +TOOLCHAIN ...`, maturin's and wasm-pack's builds, which
  run it, and cargo's plugins that build: `cargo chef cook`, `cargo pgrx install`) and `go
  build`/`install`/`test`/`run`/`vet`/`mod download` leaving their module caches
  (cargo's: the crates and their sources, `registry/cache` and `registry/src`; not where the
  image's own start command builds with cargo or Go, `CMD cargo run --release`, `ENTRYPOINT go
  run .`; not a `go install`
  of packages an earlier RUN's `go get` fetched and built, which finds all done, nor a Go before
  1.10, which keeps no cache: `golang:1.9`, `GO_VERSION=1.8.5`, go-toolset-7); `dotnet restore`
  (and `build`, `publish`, `test`, `run`, `pack` without `--no-restore`; `dotnet tool install`)
  leaving NuGet's packages (`~/.nuget/packages`) without `dotnet nuget locals all --clear`;
  `mvn`/`./mvnw` leaving the Maven local repository (`~/.m2/repository`, or `-Dmaven.repo.local`;
  not `mvn install` or `mvn install:install-file`, which put what they built or were given there
  for the builds after them; Leiningen's `lein deps` or `lein uberjar` fill it too, as does the
  Clojure CLI, `clojure -P` or `clj -M:build`, and a later RUN's lein build, or the CLI's of no
  more aliases, finds what an earlier one fetched) and `gradle`/`./gradlew` leaving
  `~/.gradle/caches` (or `GRADLE_USER_HOME`'s; a wrapper, `./gradlew --version` too, leaves the
  Gradle it fetched, zip and all, in `~/.gradle/wrapper/dists`, where an earlier layer's wrapper
  did not leave it) and `sbt` leaving its Coursier cache
  (`~/.cache/coursier`; Ivy's `~/.ivy2/cache` before sbt 1.3), unless the image's own `CMD` or
  `ENTRYPOINT` (or a script of the build context it runs, or a Procfile it names; or, where the
  Dockerfile sets none, the clojure image's own REPL) runs Maven,
  Gradle, sbt, Leiningen, the Clojure CLI or Bazel, which reads them (or `dotnet test`, `run`,
  `watch`, `build` or `ef`, which read NuGet's packages, or `spago test`, `run`, `build`, `repl`
  or `bundle`, which read spago's) as root, or as a user who can read root's home (not `USER
  1001` after `RUN lein deps`), or the image is a Dev Containers image, where a developer's
  builds read them; `pecl install` without `pecl
  clear-cache` (or removing `/tmp/pear`);
  `nvm install`, which keeps each Node.js tarball it fetched in `$NVM_DIR/.cache` (the directory of
  the `nvm.sh` it sourced, when no `NVM_DIR` is set), without `nvm cache clear`; `n lts` (or any
  version), which keeps a copy of each Node.js in `/usr/local/n/versions`, without `--cleanup`;
  `volta install` (`fetch`), which keeps each tool's tarball in `$VOLTA_HOME/tools/inventory`;
  Go's `dep ensure` (`init`), which keeps a clone of each dependency in `$GOPATH/pkg/dep/sources`;
  `sdk install` (SDKMAN, `$SDKMAN_DIR/tmp`) without `sdk flush`, and `rvm install`
  (`rvm_path/archives`: a user's rvm is in `~/.rvm`) without `rvm cleanup all`; `kerl build`
  (Erlang/OTP's source tarball and build tree, `~/.kerl/archives` and `~/.kerl/builds`) without
  `kerl cleanup` (of all, or of that build); `opam install`, `opam switch create` or an `opam
  init` that creates its first switch (not `--bare`, nor on a base whose root has one)
  (`~/.opam/download-cache`) without `opam clean` (`opam clean -a` cleans it too), Elixir's `mix
  deps.get` and an archive or escript installed from Hex (`mix archive.install hex phx_new`)
  (Hex's `~/.hex/packages`, or `HEX_HOME`'s) without removing it
  (unless the image's own start command fetches with mix, `mix setup` or `mix deps.get`, or it is a
  Dev Containers image),
  `cabal update`/`install` and cabal 3's `build`, `run` or `test` (`~/.cabal/packages`)
  without removing it, Haskell's `stack build`, `install`, `test` or `setup` (`~/.stack/pantry`, or
  `STACK_ROOT`'s, `--stack-root`'s: the Hackage index and package tarballs) without removing it
  (not a `stack build` of a project whose dependencies an earlier RUN's build fetched, nor where
  the image's own start command builds with stack or cabal: `CMD stack run`),
  winetricks verbs that install (`dotnet472`, `vcrun2019`, fonts; not settings such as `win10`;
  `~/.cache/winetricks`, or `W_CACHE`'s) without removing it, Mono's `nuget restore`/`install`
  (NuGet's caches; not with `-DirectDownload`) without `nuget locals all -clear`, luet's `install`
  (`/var/cache/luet/packages`) without `luet cleanup`, `ruby-install` (`/usr/local/src`, or a user's
  `~/src`) without `--cleanup`, `spack install` (its root's `var/spack/cache`) without `spack clean
  --downloads`, Roswell's `ros install` (`~/.roswell/archives`, or Quicklisp's archives for a
  system) without removing them, ESP-IDF's `install.sh` and `idf_tools.py install`
  (`~/.espressif/dist`, or `IDF_TOOLS_PATH`'s) without removing it, `brew install`
  (`~/.cache/Homebrew`) without `brew cleanup --prune=all`, `bower install` (`~/.cache/bower`)
  without `bower cache clean`; CPAN.pm's `cpan MODULE` (`~/.cpan/sources` and `~/.cpan/build`)
  and `cpanm` (and cpanm's script piped to perl: `curl -L https://cpanmin.us | perl -
  App::cpanminus`; `~/.cpanm`, or `PERL_CPANM_HOME`: each
  module's source, unpacked; also `carton install`, which runs it) without removing it; Bugzilla's
  `install-module.pl` (CPAN.pm with its home in `~/.cpan`), `cpm install` (`~/.perl-cpm`, or
  `--home`'s) and `perlbrew install` (its root's `dists` and `build`) without `perlbrew clean`;
  `makepkg -s` (its dependencies, by pacman) and `amazon-linux-extras install` (by yum), as their
  managers; littler's `install2.r`, `install.r` and `installGithub.r` (rocker's and r-base's images:
  under littler R's tempdir is `/tmp`, so each package source stays in `/tmp/downloaded_packages`)
  without removing it; pak's installs (`R -e 'pak::pkg_install("x")'`, `pak::pak`), which keep
  what they fetch in `~/.cache/R/pkgcache`, without `pak::cache_clean()`; renv's restores and
  installs (`R -e 'renv::restore()'`), which keep each package source in
  `~/.cache/R/renv/source`, without removing it; `arduino-cli core install`
  and `lib install` (not a library from `--git-url` or `--zip-path`), which keep every archive in
  `~/.arduino15/staging`, without `arduino-cli cache clean`; Frappe's `bench init`,
  `bench get-app` and `bench setup requirements`, which pip-install the apps, and stoQ's `stoq
  install` of a plugin, as pip; code-server's
  `install.sh` piped to a shell, which keeps the package it installed in `~/.cache/code-server`,
  `code-server --install-extension` (and `code`'s, `codium`'s, OpenVSCode Server's) of an
  extension from the marketplace, whose downloader keeps the VSIX (the last 20) in the user data
  directory's `CachedExtensionVSIXs` (`--user-data-dir`'s, a server's `--server-data-dir`'s
  `data/`, `XDG_DATA_HOME`'s for code-server, or `--extensions-download-dir`; not the desktop
  `code` run as root without a data directory, which refuses to run), calibre's
  `linux-installer.sh`, which keeps its tarball in `/tmp/calibre-installer-cache`, and
  WebUpd8's Oracle Java installer packages (`apt-get install oracle-java8-installer`), which keep
  the JDK tarball in `/var/cache/oracle-jdk8-installer`, without removing it;

unless a `--mount=type=cache` or `--mount=type=tmpfs` covers the cache directory, or removing the
directory does (wherever `PIP_CACHE_DIR`, `YARN_CACHE_FOLDER`, `GOPATH`, an option such as
`--cache-dir` or `--cache-folder`, or the base image's ENV (rust's `CARGO_HOME`) put it, in the home
of the `USER` (as `useradd -d` or the base image gave it: `USER 1000` on node is `/home/node`) or
the `ENV HOME` the `RUN` sees), or the pip that runs is the distribution's own where it predates pip
6, the first with a cache (`python-pip` of Ubuntu 14.04 or Debian 8, until a `pip install --upgrade
pip`; on a tag of today's release, where the file installs a JDK of their day, `openjdk-7-jre`), or
refuses to install into an externally managed Python before it fetches anything (PEP 668:
Debian 12 and Ubuntu 23.04 on, their testing and rolling tags, Alpine 3.19 on, Arch since April
2023; not on a tag of today's release where the file installs what only an older release packaged,
Python 2's pip or a CPython before 3.12 from no repository of its own; unless
`--break-system-packages`, `--target`, `--prefix` or `--root`, `PIP_BREAK_SYSTEM_PACKAGES`, pip's
configuration set to break them, or a venv), or the install repeats one an earlier RUN made from the
same lock copied from the same file (`poetry install` after `poetry install --no-root`, `yarn`, `npm
install`, `pnpm install`, `pipenv install`, `uv sync`, asking for no more, with nothing since
removing what it installed), or a project install that finds no project (`npm install`, a bare
`yarn`, in / of a known base before anything was put there, or in a directory an earlier RUN made
empty that nothing filled since, with no project above it, which npm would climb to, and none a
bind mount brings), or a script the RUN runs and the build context does not show is
named for a cleanup (`cleanup.sh`, `purge_cache.sh`, `docker-image-cleanup`): such scripts remove
the distribution's index and cache (apt, apk, yum, pacman), not a language's. A quoted wildcard
removes nothing (`rm -rf "/var/lib/apt/lists/*"` names a file called `*`). The message names the
package manager and its own fix.

## Why is this bad?
Package indexes and downloaded archives are only needed while installing. Left in the layer they
ship with every pull: the apt lists of a Debian image are 20-40 MB, a pip cache often as large as
the installed packages. Removing them in a later `RUN` does not help (see LG003). uv (on Linux)
and pnpm hard-link what they install to their cache's copy, which one layer stores once: such a
cache costs its index and metadata (measured: uv 2.8 MB beside the 61 MB of requests and numpy
it installed, pnpm 4.2 MB beside 9.8 MB of express and lodash), a full copy when
`UV_LINK_MODE=copy` (or `--package-import-method copy`) makes them copy; `check --registry`
weighs only the cache's own bytes.

## Example
```dockerfile
RUN apt-get update
RUN apt-get install -y nginx
```

## Use instead
```dockerfile
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx \
 && rm -rf /var/lib/apt/lists/*
```
or `RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt ...`.

With `check --registry` and the built image, `measured: {"paths": N, "bytes": B}` is what the
instruction's layer wrote in package caches.

## Fix
Safe (`check --fix`), for a shell-form `RUN` without heredocs: the cleanup goes at the end of the
same `RUN`'s command, in the continuation style it already uses (` \` and the next line's
indentation, `&&` leading or trailing), one per package manager and chosen so that it cannot
fail the `RUN`: `rm -rf /var/lib/apt/lists/*`, `rm -rf /var/cache/apk/*`, `--no-cache-dir` added
to each `pip install`, `yum`/`dnf`/`microdnf clean all` (`zypper clean -a`), `npm cache clean
--force`, `yarn cache clean`, `conda clean -afy`, `composer clear-cache`, `go clean -modcache
-cache` (as the `RUN` calls the tool; npm's, yarn's and composer's only where the program is on
`PATH` when the `RUN` ends, not `php composer.phar` or an npm the `RUN` removed), otherwise `rm
-rf` of the cache directory (what is in pacman's directories), each after the RUN's own `sudo`
when it ran the manager through one (`sudo apt-get` as `USER dev`: `sudo rm -rf ...`; none is
offered as a `USER` other than root when a script ran it through sudo), and no `--no-cache-dir`
where the first pip predates it (Ubuntu 14.04's). It is offered
only when the rewritten `RUN`, worked out again, leaves exactly what the original left but the
cache: the image's files are the same, less the cache. Nothing is appended after `exit` or
`exec`, which never return.

Unsafe (`--unsafe-fixes`):
- removing a cache a later `RUN` (of this stage or one built on it, a script, `sh -c` or
  `xargs` it runs included, and no cache mount of its own over that cache) still needs: apt's
  index for an `apt-get install`/`download`/`source` without its own `apt-get update`, apk's for
  an `apk add` without `--no-cache` or `--update`, the modules `go mod download` fetched for a
  later `go build`, the crates of `cargo fetch`, or a package cache an `--offline` install
  reads. That `RUN` would fail, or fetch everything again;
- where no cleanup can be appended (a heredoc or exec-form `RUN`, a shell comment at the end), a
  cache mount, `RUN --mount=type=cache,target=/var/lib/apt/lists ...`: the cache is then not in
  the image at all, so a later `RUN` (or a child image) that relies on it fails or fetches it
  again, and the build needs BuildKit (or buildah).

## Options
- `min-bytes` (default 1MB): with `check --registry`, a cache measured smaller than this drops
  to `info`.

## References
- https://docs.docker.com/build/building/best-practices/#apt-get
- https://docs.docker.com/build/cache/optimize/#use-cache-mounts
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping

from layerguard.dockerfile.bases import for_development, known
from layerguard.dockerfile.effects import (
    CACHE,
    JVM_QUESTIONS,
    MANAGERS,
    REMOVE,
    SBT_QUESTIONS,
    commands_run,
    copy_sources,
    copy_writes,
    covers,
    package_command,
    run_effects,
    subcommand,
    tool_and_args,
)
from layerguard.dockerfile.filesystem import Entry, Layer, Step, layers
from layerguard.dockerfile.model import resolve
from layerguard.findings import Edit, Fix, Problem, Severity
from layerguard.records import TYPE_CHECKING
from layerguard.rules.base import MIN_BYTES, Context, weigh

if TYPE_CHECKING:
    from typing import Any

    from layerguard.dockerfile.model import Instruction, Model, Stage
    from layerguard.reference import ImageRef

CODE = "LG005"
NAME = "package-cache-kept"
SEVERITY = Severity.WARNING
SUMMARY = "A RUN leaves a package manager's cache or index in its layer."
HELP = "Clean the cache in the same RUN (rm -rf /var/lib/apt/lists/*, --no-cache, --no-cache-dir)."
OPTIONS = {"min-bytes": MIN_BYTES}


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    yield from _own(ctx)
    yield from _carried(ctx)


def _own(ctx: Context) -> Iterator[Problem]:
    reads = _read_by_the_image(ctx)
    for index, layer in ctx.own_layers():
        left: list[str] = []
        for entry in layer.entries:
            if entry.role == CACHE and entry.family not in left:
                if entry.family in reads and not _out_of_reach(ctx, entry.path):
                    continue
                left.append(entry.family)
        if not left:
            continue
        what, fix = _advice(left, _tool(layer.step, "yum") if "yum" in left else "")
        assert layer.step.run is not None
        if left == ["pip"] and all(
            op.tool in ("install-poetry.py", "pipenv")
            for op in layer.step.run.ops
            if op.family == "pip" and op.role == CACHE
        ):
            # (Poetry's installer and pipenv run a venv's pip: no pip command line to add a
            # flag to)
            fix = _A_VENVS_PIP
        problem = weigh(
            ctx,
            index,
            "cache",
            f"leaves {what} in the layer: use {fix}",
            help=f"Use {fix}, or RUN --mount=type=cache for the cache directory.",
        )
        yield problem._replace(fix=_fix(ctx, layer, left)) if ctx.text else problem


def _read_by_the_image(ctx: Context) -> frozenset[str]:
    """The build tools' caches the image itself reads: it builds (or runs) with them when it
    starts (`CMD mvn spring-boot:run`), or a developer builds in it (a Dev Containers image)."""
    if for_development(ctx.outside):
        return frozenset(_STARTS) - {"nuget", "cargo", "go"}
    # (an ENTRYPOINT's program and its CMD's arguments, read as one command line:
    # `ENTRYPOINT ["spago"]` with `CMD ["run"]`; and the build context's scripts it runs,
    # `CMD ["./entrypoint.sh"]` whose last line is `dotnet run`)
    start = "\n".join((_KEYWORDS.sub(" ", ctx.model.start_command), *ctx.start_texts))
    read = {f for f, started in _STARTS.items() if started.search(start)}
    if not ctx.model.start_command and _inherits_a_repl(ctx.outside):
        read.add("maven")  # (the clojure image's own start: `lein repl`, or the CLI's REPL)
    return frozenset(read)


def _inherits_a_repl(image: ImageRef | None) -> bool:
    """`image` is the clojure image, whose own start command is a REPL that resolves the
    project's dependencies from Maven's local repository (`lein repl`, or `clj` through its
    entrypoint)."""
    return image is not None and image.repository.removeprefix("library/") == "clojure"


def _out_of_reach(ctx: Context, cache: str) -> bool:
    """The image starts as a user other than root, who cannot read root's home, where `cache`
    lies (`RUN lein deps` as root, then `USER 1001` and `CMD lein run`: it fetches again);
    not where a RUN opened /root to others, nor on the build tools' images that link root's
    caches into their user's home (gradle's /root/.gradle, sbt's /root/.cache)."""
    stage = ctx.model.stages[ctx.model.target]
    user = stage.instructions[-1].user if stage.instructions else ""
    if not cache.startswith("/root/") or user.partition(":")[0] in ("", "root", "0"):
        return False
    linked = ctx.outside is not None and ctx.outside.repository.removeprefix("library/") in (
        _LINKED_ROOT_CACHES
    )
    opened = any(
        step.run is not None and _OPENS_ROOT.search(step.instr.node.original) for step in ctx.steps
    )
    return not (linked or opened)


# The build tools' images whose root's caches are links into their user's home
_LINKED_ROOT_CACHES = frozenset({"gradle", "sbtscala/scala-sbt", "hseeberger/scala-sbt"})
# A change of /root's mode, or of one of its trees', for others to read (`chmod 755 /root`)
_OPENS_ROOT = re.compile(r"\bchmod\b[^;&|\n]*\s/root(?:/|\s|$)")


def _advice(families: list[str], yum: str = "") -> tuple[str, str]:
    """What the message calls the caches `families` left, and how to leave none; `yum` is the
    program of that family the RUN called, when known (zypper keeps its cache elsewhere)."""
    zypper = posixpath.basename(yum) == "zypper"
    return (
        " and ".join(_ZYPPER[0] if f == "yum" and zypper else MANAGERS[f].what for f in families),
        "; ".join(_ZYPPER[1] if f == "yum" and zypper else MANAGERS[f].fix for f in families),
    )


_A_VENVS_PIP = "PIP_NO_CACHE_DIR=1 for the command (or rm -rf ~/.cache/pip in the same RUN)"
_ZYPPER = ("the zypper cache (/var/cache/zypp)", "zypper clean -a in the same RUN")


def _carried(ctx: Context) -> Iterator[Problem]:
    """The caches a RUN of a stage that is not shipped leaves inside a tree a `COPY --from` of
    a shipped stage copies (`conda install` in the builder, then `COPY --from=builder /opt/conda
    /opt/conda`): they ship by the copy."""
    model = ctx.model
    told: set[int] = set()  # the RUNs reported
    reads = _read_by_the_image(ctx)
    for _, step in ctx.own_steps():
        origin = step.instr.flag("from") if step.instr.keyword in ("copy", "add") else None
        stage = model.stage_of(origin) if origin else None
        if stage is None or stage.index in model.shipped:
            continue
        # (a source through a variable the base image's ENV sets, `$BUNDLE_PATH/`, is a
        # directory not known here: not the stage's root)
        sources = [resolve(s, "/") for s in copy_sources(step.instr, known_only=True)[0]]
        found: dict[int, tuple[Instruction, list[str]]] = {}  # by id: not hashable
        for instr, entry in _caches_held(model, stage, sources):
            if (
                id(instr) not in told
                and entry.family not in reads
                and any(covers(s, entry.path) for s in sources)
            ):
                found.setdefault(id(instr), (instr, []))[1].append(entry.family)
        for instr, families in found.values():
            told.add(id(instr))
            what, fix = _advice(list(dict.fromkeys(families)))
            yield Problem(
                instr.line,
                instr.end_line,
                f"leaves {what} in a stage that is not shipped, and the COPY --from at line "
                f"{step.instr.line} carries it into the image: use {fix}",
                help=f"Use {fix}, or copy only what the image needs from that stage.",
            )


def _caches_held(model: Model, stage: Stage, sources: list[str]) -> list[tuple[Instruction, Entry]]:
    """The caches `stage` holds at its end that RUNs of stages not shipped left, when one may
    lie below `sources` (else nothing: the replay is not worth it)."""
    lineage = list(reversed(model.lineage(stage)))
    base = lineage[0].base_image
    homes = dict(known(base).homes) if base is not None else {}
    steps: list[Step] = []
    maybe = False
    for each in lineage:
        for instr in each.instructions:
            if instr.keyword == "run":
                run = run_effects(instr, {}, homes.get(instr.user.split(":", 1)[0], ""), homes)
                homes.update((u.name, u.home) for u in run.users)
                maybe = maybe or any(
                    op.role == CACHE and covers(s, p) for op in run.ops for p in op.paths
                    for s in sources
                )  # fmt: skip
                steps.append(Step("", None, instr, False, run, ()))
            elif instr.keyword in ("copy", "add"):
                steps.append(Step("", None, instr, False, None, tuple(copy_writes(instr, None))))
    if not maybe:
        return []
    replayed = layers(steps, None, base)
    gone = {
        (h.entry.layer, h.entry.path)
        for layer in replayed
        for change in layer.changes
        if change.kind == REMOVE
        for h in change.hits
    }
    # (a shipped stage's RUNs are reported as its own)
    apart = {id(i) for s in lineage if s.index not in model.shipped for i in s.instructions}
    return [
        (layer.step.instr, entry)
        for index, layer in enumerate(replayed)
        if layer.step.run is not None and id(layer.step.instr) in apart
        for entry in layer.entries
        if entry.role == CACHE and (index, entry.path) not in gone
    ]


def _whole(path: str) -> str:
    """The directory a cleanup removes for `path`: cargo's registry, index and all, for the
    crates and sources it holds; yarn's cache folder for the versioned directory in it."""
    if path.endswith(("/registry/cache", "/registry/src", "/.cache/yarn/v6")):
        return posixpath.dirname(path)
    return path


# The instructions' own keywords in the start command as written
_KEYWORDS = re.compile(r"^\s*(?:ENTRYPOINT|CMD)\b|\s(?:ENTRYPOINT|CMD)\b", re.IGNORECASE)
# Build tools whose caches the image's own start command reads (`CMD mvn spring-boot:run`).
_STARTS = {
    # (as a program's name: not `lein-demo-0.1.0-standalone.jar`)
    # (and the Clojure CLI as a program's name: not `clojure.main` that `java -cp app.jar
    # clojure.main` names, a script of its, `migrate.clj`, nor a directory, `/usr/src/clj/`)
    "maven": re.compile(
        r"\b(?:mvnw?|lein)(?![\w.-])|(?:(?<![\w./-])|(?<=/bin/))(?:clojure|clj)(?![\w./-])"
    ),
    "gradle": re.compile(r"\bgradlew?(?![\w.-])"),
    "sbt": re.compile(r"\bsbt(?![\w.-])"),
    # (`CMD mix setup`, a Phoenix project's alias that runs deps.get, or deps.get itself; not
    # `mix phx.server` or `mix run`, which fetch nothing, nor a release's `/opt/mix/bin`)
    "hex": re.compile(
        r"(?<![\w./-])mix(?![\w./-])\W+(?:do\W+)?(?:setup|deps\.get|deps\.update)(?![\w.-])"
    ),
    # (`ENTRYPOINT ["dotnet", "test", ...]`: it builds against NuGet's packages, as `dotnet
    # ef` builds the project it migrates; not `dotnet app.dll`, which runs what was built)
    "nuget": re.compile(r"\bdotnet\W+(?:test|run|watch|build|ef)(?![\w./-])"),
    # (`CMD spago test`: PureScript's spago builds against the package set it fetched)
    "spago": re.compile(r"\bspago\W+(?:test|run|build|repl|bundle\S*)(?![\w./-])"),
    # (`CMD stack run`, `cabal run`: Haskell's builds against the index and the packages they
    # fetched; not `stack exec app`, which runs what was built)
    "stack": re.compile(r"\bstack\W+(?:run|build|test|ghci|repl|install)(?![\w./-])"),
    "cabal": re.compile(r"\bcabal\W+(?:(?:v2-|new-)?(?:run|build|test|repl|install))(?![\w./-])"),
    # (`ENTRYPOINT ["bazel"]` with `CMD ["test", "//..."]`: its builds read what it fetched)
    "bazel": re.compile(r"\bbazel(?:isk)?\W+(?:build|test|run|coverage|fetch)(?![\w./-])"),
    # (`CMD cargo run --release`: it builds against the crates' sources in the registry; not
    # `cargo` as part of a name, `/usr/local/cargo/bin/app`)
    # (and with a toolchain named first: `cargo +nightly run`)
    "cargo": re.compile(
        r"(?<![\w./-])cargo(?:\s+\+[\w.-]+)?\W+(?:run|build|test|watch|check|bench)(?![\w./-])"
    ),
    # (`ENTRYPOINT go run .`, `/usr/local/go/bin/go test`: it builds against the modules and
    # the build cache, as do the tools that run it, air, delve's `dlv debug`, gotestsum and
    # golangci-lint; not `go` as part of a path, `/usr/local/go/bin/app`, nor an option's value,
    # `./app --lang go --test`)
    "go": re.compile(
        r"(?:(?<![\w./-])|(?<=/bin/))(?:go[\s\"',\[\]]+(?:run|build|test|vet|generate)"
        r"|dlv[\s\"',\[\]]+(?:debug|test)|golangci-lint[\s\"',\[\]]+run|gotestsum|air)"
        r"(?![\w./-])"
    ),
}


# The cleanup each family gets at the end of the RUN, chosen so that it cannot fail the RUN:
# `rm -rf` of the cache, or the manager's own clean (which ran a moment before). `{tool}` is
# the program as the RUN calls it, `{cache}` the cache directory the model found.
_CLEANUPS = {
    "apt": "rm -rf /var/lib/apt/lists/*",
    "apt-archives": "apt-get clean",
    "apk": "rm -rf /var/cache/apk/*",
    "yum": "{tool} clean all",
    "npm": "npm cache clean --force",
    "yarn": "yarn cache clean",
    "conda": "{tool} clean -afy",
    "composer": "composer clear-cache",
    # The module cache is read-only: only root's rm -rf gets through it, go's own clean always.
    "go": "{tool} clean -modcache -cache",
}
# pip keeps no cache at all with --no-cache-dir, added to each `pip install` the RUN runs.
_PIP_INSTALL = r"(?<![\w.-])(?:pip[0-9.]*|-m +pip) +install(?=\s|$)"


def _go_clean_works(ctx: Context, step: Step) -> bool:
    """`go clean -modcache -cache` runs at the RUN's end: a Go of 1.11 or later (which gave it
    -modcache), known by the golang image's tag or the version the variables give (not a
    distribution's package: Ubuntu 18.04's is 1.10; not a tag an ARG leaves open), in a
    directory known and not removed (`cd tool && ... && rm -rf ../tool` leaves go none)."""
    env = step.instr.env
    version = (env.get("GOLANG_VERSION") or env.get("GO_VERSION", "")).removeprefix("go")
    outside = ctx.outside
    tag = outside.tag or "" if outside is not None else ""
    golang = outside is not None and outside.repository.rsplit("/", 1)[-1] == "golang"
    # (`FROM golang:${GO_VERSION}-alpine`: the tag the build passes, not known)
    open_tag = any(
        st.base_image == outside and "$" in (st.from_node.args or [""])[0]
        for st in ctx.model.stages
    )
    if version:
        recent = bool(_GO_RECENT.match(version))
    else:
        recent = golang and not open_tag and bool(_GO_RECENT.match(tag) or _GO_NAMED_TAG.match(tag))
    assert step.run is not None
    last = step.run.commands[-1].cwd if step.run.commands else step.instr.workdir
    gone = last is None or any(
        op.kind == REMOVE and any(covers(p, last) for p in op.paths) for op in step.run.ops
    )
    return recent and not gone


# Go versions from 1.11 on (`1.11`, `1.22.3`, `1.21-alpine`); the golang image's tags that name
# no version (`latest`, `alpine`, `bookworm`): its newest
_GO_RECENT = re.compile(r"1\.(?:1[1-9]|[2-9]\d)(?:[.-]|rc|beta|$)")
_GO_NAMED_TAG = re.compile(r"[a-z][a-z0-9.-]*$")


def _fix(ctx: Context, layer: Layer, families: list[str]) -> Fix | None:
    """The cleanup in the same RUN when the rewritten RUN provably leaves everything it left
    but the caches; otherwise a cache mount (unsafe: see the docstring); None when neither can
    be shown to work."""
    from layerguard.dockerfile import fix as fixing

    if _UNFIXABLE & set(families):
        return None
    step = layer.step
    node = step.instr.node
    escape = ctx.model.parsed.escape
    lines = fixing.instruction_lines(ctx.text, node)
    caches = [e for e in layer.entries if e.role == CACHE and e.family in families]
    assert step.run is not None
    last = step.run.commands[-1].words[:1] if step.run.commands else ()
    ends = last in (("exit",), ("exec",))
    if not node.json_form and not node.heredocs:
        text = "\n".join(lines)
        done: list[str] = []
        for family in families:
            # (pacman's directories stay, only what is in them goes: it expects them there.)
            inside = "/*" if family in ("pacman", "portage", "swupd") else ""
            own = (_whole(e.path) for e in caches if e.family == family)
            paths = " ".join(dict.fromkeys(_quoted(p) + inside for p in own))
            # (as the RUN ran the manager: `sudo apt-get` under a USER that is not root needs
            # `sudo rm`, which would fail without it)
            sudo = _prefix(step, family)
            options = [f"{sudo}rm -rf {paths}"]
            if not sudo and family in _SYSTEM and _user(step) not in ("", "root", "0"):
                options = []  # (`sudo install-packages x` as USER dev: a plain rm would fail)
            elif family == "pip" and not known(ctx.outside).old_pip:
                options.insert(0, "")  # (pip before 6 has no --no-cache-dir)
            elif family == "go" and not _go_clean_works(ctx, step):
                pass  # (`go clean -modcache` came with Go 1.11: rm alone works on any Go)
            elif family in _CLEANUPS and _runs_at_the_end(step, family):
                tool = _tool(step, family)
                cleanup = "zypper clean -a" if tool.endswith("zypper") else _CLEANUPS[family]
                options.insert(0, sudo + cleanup.format(tool=tool))
            for option in options:
                if option and ends:
                    continue  # a command appended after `exit` or `exec` never runs
                if option:
                    candidate = fixing.append_command(text.split("\n"), option, escape)
                else:
                    found = fixing.insert_after(text.split("\n"), _PIP_INSTALL, "--no-cache-dir")
                    if found is None:
                        continue
                    candidate = found
                keep = families[len(done) + 1 :]
                if _leaves_only(step, candidate, escape, keep, ctx.outside):
                    text = candidate
                    done.append(option or "pip install --no-cache-dir")
                    break
            else:
                break
        else:
            # Some caches are more than caches: a later `apt-get install` without its own update
            # needs the index, `go build` the modules `go mod download` fetched, an `--offline`
            # install the packages. Removing them there fails that RUN or undoes its layer.
            needed = _needed_later(ctx, step, families, [e.path for e in caches])
            note = f" (unsafe: {needed})" if needed else ""
            return Fix(
                f"clean up in the same RUN: {'; '.join(done)}{note}",
                not needed,
                (Edit(node.start_line, node.end_line, text),),
            )
    candidate = "\n".join(lines)
    for entry in caches:
        owner = "" if entry.family in _SYSTEM else _mount_owner(step, entry.path)
        if owner is None:
            return None  # (a user whose ids are not known could not write to a root mount)
        mount = f"--mount=type=cache,target={entry.path}{owner}"
        candidate = fixing.add_run_flag(candidate.split("\n"), mount)
    if not _leaves_only(step, candidate, escape, [], ctx.outside):
        return None
    return Fix(
        "keep the cache in a BuildKit cache mount (it is then not in the image: a later RUN "
        "that expects it must fetch it again)",
        False,
        (Edit(node.start_line, node.end_line, candidate),),
    )


def _mount_owner(step: Step, path: str) -> str | None:
    """The `,uid=,gid=` a cache mount at `path` needs for the RUN's user to write there
    (BuildKit makes it root's): '' for root, None when that user's ids are not known. (A
    system manager's cache is root's whoever runs the RUN: only sudo writes there.)"""
    user = step.instr.user.strip()
    env = step.instr.env
    in_a_home = path.startswith("/home/") or (
        bool(env.get("HOME")) and env["HOME"] != "/root" and path.startswith(env["HOME"] + "/")
    )
    if user in ("", "root", "0", "root:root", "0:0") and not in_a_home:
        return ""
    uid, _, gid = user.partition(":")
    if uid.isdigit() and (not gid or gid.isdigit()):
        return f",uid={uid},gid={gid or uid}"
    known = _UIDS.get(uid or posixpath.basename(env.get("HOME", "")))
    if "NB_UID" in env and "NB_GID" in env:  # (Jupyter's images say their user's ids)
        known = (env["NB_UID"], env["NB_GID"])
    return f",uid={known[0]},gid={known[1]}" if known else None


# The ids of the users well-known images add (node's node, Jupyter's jovyan, ...).
_UIDS = {
    "node": ("1000", "1000"), "jovyan": ("1000", "100"), "vscode": ("1000", "1000"),
    "coder": ("1000", "1000"), "ubuntu": ("1000", "1000"),
}  # fmt: skip


def _leaves_only(
    step: Step, text: str, escape: str, keep: list[str], image: ImageRef | None = None
) -> bool:
    """The RUN rewritten as `text` leaves what `step` leaves but its caches, except those of the
    `keep` families (cleaned by a later edit), on the base `image` (whose Go may build in GOPATH
    mode, with no module cache)."""
    from layerguard.dockerfile import fix as fixing

    new = fixing.rewritten_step(step, text, escape)
    if new is None:
        return False

    def written(s: Step) -> set[tuple[str, ...]]:
        (layer,) = layers((s,), None, image)
        return {(e.path, e.kind, e.content, e.role, e.family) for e in layer.entries}

    gone = {entry for entry in written(step) if entry[3] == CACHE and entry[4] not in keep}
    return written(new) == written(step) - gone


def _needed_later(ctx: Context, step: Step, families: list[str], paths: list[str]) -> str:
    """Why a later RUN of the stage of `step`, or of a stage built FROM it, may need the cache
    (at `paths`) of one of `families` that a cleanup would remove ('' when none does)."""
    shown = {s.instr.node: s.run for s in ctx.steps if s.run is not None}
    model = ctx.model
    after = step.instr.node.end_line
    home = model.holding(step.instr)
    for stage in model.stages:
        if home is not None and home not in model.lineage(stage):
            continue  # (a stage not built on this one never sees its layer)
        for instr in stage.instructions:
            if instr.keyword != "run" or instr.line <= after:
                continue
            mounted = [
                resolve(m.get("target", "/"), instr.workdir)
                for m in instr.mounts()
                if m.get("type") == "cache"
            ]
            if any(covers(m, p) for m in mounted for p in paths):
                continue  # its own cache mount hides the layer's cache from it
            effects = shown.get(instr.node) or run_effects(instr)
            fetched: set[str] = set()
            for command in commands_run(instr, effects):
                tool, words = tool_and_args(command)
                family, reads = _reads_cache(tool, words)
                if family == "portage" and _PORTAGE_TREE not in paths:
                    reads = False  # (an emerge fetches the sources it needs again)
                if family in families and reads and family not in fetched:
                    return _NEEDS.get(family, f"a later RUN reads the {family} cache")
                if family and package_command(tool, words)[2]:
                    fetched.add(family)
    return ""


_PORTAGE_TREE = "/var/db/repos/gentoo"
_NEEDS = {
    "apt": "a later RUN installs with apt without updating the index first",
    "portage": "a later RUN emerges packages from the repository tree this one fetched",
    "apk": "a later RUN adds packages with apk without --no-cache or --update",
    "pacman": "a later RUN installs with pacman -S without refreshing the databases (-Sy)",
    "go": "a later RUN builds with the modules this one downloaded",
    "cargo": "a later RUN builds with the crates this one fetched",
    **{
        f: "a later RUN builds with the dependencies this one fetched"
        for f in ("maven", "gradle", "sbt")
    },
    **{f: f"a later RUN installs --offline from the {f} cache" for f in ("npm", "yarn", "pnpm")},
    **{f: f"a later RUN installs --offline from the {f} cache" for f in ("uv", "conda")},
}
_OFFLINE = frozenset({"--offline", "--prefer-offline"})


def _reads_cache(tool: str, words: tuple[str, ...]) -> tuple[str | None, bool]:
    """(the family of a command, whether it reads that family's cache from an earlier layer)."""
    family = package_command(tool, words)[0]
    sub = subcommand(words)
    if family == "apt":
        reads = tool in ("apt-get", "apt", "aptitude") and sub in (
            *("install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "download"),
            *("source", "satisfy", "reinstall"),
        )
    elif family == "apk":
        reads = sub in ("add", "upgrade", "fix") and not (
            set(words) & {"--no-cache", "--update", "-U", "--update-cache"}
        )
    elif family == "portage":  # (`emerge x` resolves it in the tree `--sync` fetched)
        reads = package_command(tool, words)[1]
    elif family in ("maven", "gradle", "sbt"):
        # (any build resolves its plugins and dependencies there first; offline, only there;
        # sbt's -v is verbose, its version -V)
        questions = SBT_QUESTIONS if tool == "sbt" else JVM_QUESTIONS
        reads = len(words) > 1 and not set(words) & questions
    elif family in ("go", "cargo"):
        reads = sub in ("build", "install", "test", "run", "vet", "generate", "doc", "bench")
    elif family == "pacman":
        # `pacman -S x` (`--sync`) installs from the sync databases `-Sy` fetched, and `-U`
        # (`--upgrade`) resolves a package's dependencies there; AUR helpers read them too.
        refresh = any(w in ("--refresh", "-y") or (w.startswith("-S") and "y" in w) for w in words)
        uses = any(w.startswith(("-S", "-U")) or w in ("--sync", "--upgrade") for w in words)
        cleans = any(w.startswith("-Sc") for w in words)
        reads = uses and not refresh and not cleans
    else:
        reads = bool(set(words) & _OFFLINE)
    return family, reads


# Managers whose own clean is a program that must be there when the RUN ends (a conda
# installer's conda is not on PATH: only a conda the RUN itself called is).
_ON_PATH = frozenset({"npm", "yarn", "composer", "conda"})


def _runs_at_the_end(step: Step, family: str) -> bool:
    """The manager's own clean can run after the RUN's last command: it was called by the name
    on PATH (not `php composer.phar`), and nothing after removes or uninstalls it (`npm
    uninstall -g npm`, `rm -rf /usr/local/lib/node_modules/npm`)."""
    if family not in _ON_PATH:
        return True
    assert step.run is not None
    written, words = _called(step, family)
    if "corepack" in written[: len(written) - len(words)]:
        return False  # (`corepack yarn install`: a `yarn` on PATH may be another, or none)
    tool = _tool(step, family)
    if tool != family and not (tool.startswith("/") and "{tool}" in _CLEANUPS[family]):
        return False  # (`php composer.phar`; but `/opt/conda/bin/conda clean` is that conda)
    last = max(
        (
            i
            for i, c in enumerate(step.run.commands)
            if package_command(*tool_and_args(c))[0] == family
        ),
        default=-1,
    )
    if last < 0:
        return False  # (it ran in a script or `sh -c`: whether it is on PATH is not shown)
    return not any(
        any(family in w for w in c.words[1:])
        and (
            c.words[0] in ("rm", "unlink") or {"uninstall", "remove", "del", "purge"} & set(c.words)
        )
        for c in step.run.commands[last + 1 :]
    )


# Managers whose cache shares its directory with what they made: xbps keeps its package
# database in /var/db/xbps beside the repositories' index, and Bazel the output base, which
# holds the build's outputs, beside its repository cache; neither a removal of the directory
# nor a cache mount over it may take them.
_UNFIXABLE = frozenset({"xbps", "bazel"})
# Managers whose caches only root may remove.
_SYSTEM = frozenset({"apt", "apk", "yum", "pacman"})


def _user(step: Step) -> str:
    return step.instr.user.split(":", 1)[0]


def _called(step: Step, family: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of the RUN's first command of `family`, and those of its program on (what
    sudo, env and their kin leave): `(("sudo", "apt-get", ...), ("apt-get", ...))`."""
    assert step.run is not None
    for command in step.run.commands:
        tool, words = tool_and_args(command)
        if package_command(tool, words)[0] == family and words:
            return command.words, words
    return (), ()


def _prefix(step: Step, family: str) -> str:
    """What the RUN wrote before the program of `family` (`sudo `, `sudo -E `), if anything."""
    written, words = _called(step, family)
    before = written[: len(written) - len(words)]
    sudo = [w for w in before if "=" not in w]  # (not `DEBIAN_FRONTEND=...`)
    return " ".join(sudo) + " " if any("sudo" in w.lower() for w in sudo) else ""


def _tool(step: Step, family: str) -> str:
    """The program the RUN called for `family` (`dnf`, `microdnf`, `mamba`), as written."""
    words = _called(step, family)[1]
    return words[0] if words else family


def _quoted(path: str) -> str:
    symbol = _SYMBOL.match(path)
    if symbol:
        # (`/$HOME/.npm`: a directory the model knows by the variable's name, which the RUN's
        # shell has; quoted, `'/$HOME/.npm'` would name no directory at all)
        return f'"${{{symbol[1]}}}"' + (_quoted(symbol[2]) if symbol[2] else "")
    safe = all(c.isalnum() or c in "/._-~*" for c in path)
    return path if safe else "'" + path.replace("'", "'\\''") + "'"


_SYMBOL = re.compile(r"/\$([A-Za-z_][A-Za-z0-9_]*)(/.*)?$")
