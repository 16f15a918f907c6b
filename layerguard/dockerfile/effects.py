"""What each instruction does to the filesystem, command by command.

The knowledge of what `curl -o`, `tar -C`, `apt-get update`, `chown -R` or `COPY src .` writes,
removes, re-owns or unpacks lives here, as a list of operations (`Op`) per RUN and of writes
(`CopyWrite`) per COPY/ADD. `filesystem.py` replays them layer by layer. Paths are absolute; a
path stands for itself and everything below it.
"""

from __future__ import annotations

import fnmatch
import functools
import itertools
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from layerguard.dockerfile.bases import (
    DEBCONF,
    JLESAGE_ICONS,
    RPM_ARCH,
    RPM_VERSION,
    USER_DATABASE,
    distribution_files,
    source_install_files,
    topless,
)
from layerguard.dockerfile.model import (
    APT_KEEP_SETTING,
    APT_KEEPS,
    BUNDLER_FALSE,
    CONFIG_CACHE_KEYS,
    POETRY_VENV_KEYS,
    Instruction,
    expand,
    from_the_base,
    process_word,
    resolve,
    unquote,
    unset,
)
from layerguard.dockerfile.shell import (
    ENV_VALUE_OPTIONS,
    YARN_ASKED,
    Command,
    Redirect,
    go_path,
    resolve_path,
    split_commands,
)
from layerguard.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from layerguard.dockerfile.ignorefile import Ignored
    from layerguard.dockerfile.makefile import Recipe
    from layerguard.dockerfile.model import Stage
    from layerguard.dockerfile.parser import Node

SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh", "busybox"})

# Operation kinds.
WRITE = "write"
REMOVE = "remove"
CHOWN = "chown"  # chown, chmod, chgrp, setfacl: metadata, so the file is copied up whole
TOUCH = "touch"
PURGE = "purge"  # a package manager removing packages
CLEANUP = "cleanup"  # an EXEC's role: a program not modelled that says it cleans up
UNPACK = "unpack"  # an archive or package file read to extract or install it
EXEC = "exec"  # a program whose writes are not modelled

# What a write leaves at its path.
FILE = "file"
DIR = "dir"  # a directory entry only (mkdir, useradd's home): no file bytes
TREE = "tree"  # a directory with contents
EITHER = "either"  # a file, or a directory with contents: the Dockerfile does not say

# What is known of the bytes written.
EXACT = "exact"  # the size is known (build context, heredoc)
HEAVY = "heavy"  # a class known to weigh: downloads, extractions, clones, package caches
EMPTY = "empty"  # nothing but entries: mkdir, touch of a new file, a symlink
UNKNOWN = "unknown"

# Roles of a write that rules ask about.
CACHE = "cache"  # a package manager's download cache or index
ARCHIVE = "archive"  # an archive or package file, to be unpacked later
INSTALL = "install"  # the system trees packages land in: too broad to name as an origin
EDITED = "edited"  # every file of a tree an editor rewrote in place (`find -exec sed -i`)
# A home useradd makes without -m where the distribution's login.defs says CREATE_HOME yes
# (Red Hat's family): filled from /etc/skel there, left alone elsewhere.
DEFAULT_HOME = "default-home"


_LITTLER = frozenset(
    {"install.r", "install2.r", "installGithub.r", "installBioc.r", "installDeps.r"}
)


class Manager(NamedTuple):
    """A package manager: where its download cache or index lands (`~` is the build user's
    home), what the message calls it, and how to leave nothing behind."""

    caches: tuple[str, ...]
    what: str
    fix: str
    trees: tuple[str, ...] = ()


# (yarn 1 run as root; another user's is ~; its files all lie in the folder's versioned
# directory, which `rm -rf $(yarn cache dir)/*` empties)
_YARN_ROOT_CACHE = "/usr/local/share/.cache/yarn/v6"
# Caches root keeps outside its home, and where another user keeps them in theirs.
_ROOT_CACHES = {
    (_YARN_ROOT_CACHE,): "/.cache/yarn/v6",
    ("/usr/local/rvm/archives",): "/.rvm/archives",
    ("/usr/local/src",): "/src",  # (ruby-install's)
}
APT_ARCHIVES = "/var/cache/apt/archives"
YUM_CACHE, DNF_CACHE = "/var/cache/yum", "/var/cache/dnf"
DNF5_CACHE = "/var/cache/libdnf5"  # (dnf5's, Fedora 41's and later: dnf there, and yum)
# (the places of yum's and dnf's caches, of which the base decides one)
_YUM_CACHES = frozenset({YUM_CACHE, DNF_CACHE, DNF5_CACHE})
MANAGERS: Mapping[str, Manager] = {
    "apt": Manager(
        ("/var/lib/apt/lists",),
        "the apt package index (/var/lib/apt/lists)",
        "rm -rf /var/lib/apt/lists/* in the same RUN",
        ("/usr", "/etc", "/opt", "/var/log", "/lib", "/var/lib", DEBCONF),
    ),
    # (the packages apt downloads, which Debian's and Ubuntu's images delete after each install
    # through /etc/apt/apt.conf.d/docker-clean, unless a RUN removed that file: `APT_KEEPS`)
    "apt-archives": Manager(
        (APT_ARCHIVES,),
        "the packages apt downloaded (/var/cache/apt/archives: docker-clean was removed)",
        "apt-get clean in the same RUN",
    ),
    # (WebUpd8's Oracle Java installer packages, `oracle-java8-installer`: the JDK tarball they
    # download stays in their cache directory, which apt-get clean does not empty)
    "oracle-java": Manager(
        ("/var/cache/oracle-jdk8-installer",),
        "the JDK tarball the Oracle Java installer package downloaded"
        " (/var/cache/oracle-jdk*-installer)",
        "rm -rf /var/cache/oracle-jdk*-installer in the same RUN",
    ),
    "apk": Manager(
        ("/var/cache/apk",),
        "the apk cache (/var/cache/apk)",
        "apk add --no-cache",
        ("/usr", "/etc", "/opt", "/lib", "/bin", "/sbin", "/lib/apk/db", "/etc/apk/world"),
    ),
    "yum": Manager(
        (YUM_CACHE, DNF_CACHE, DNF5_CACHE, "/var/cache/zypp", "/var/cache/tdnf"),
        "the yum/dnf cache (/var/cache/yum, /var/cache/dnf, dnf5's /var/cache/libdnf5)",
        "yum/dnf clean all in the same RUN",
        ("/usr", "/etc", "/opt", "/var/log", "/lib", "/var/lib"),
    ),
    "pip": Manager(
        ("~/.cache/pip",),
        "the pip cache (~/.cache/pip)",
        "pip install --no-cache-dir",
        ("/usr/local/lib", "/usr/lib/python3", "/usr/local/bin", "/opt"),
    ),
    "uv": Manager(
        ("~/.cache/uv",),
        "the uv cache (~/.cache/uv)",
        "uv --no-cache (or UV_NO_CACHE=1), or RUN --mount=type=cache,target=/root/.cache/uv",
        ("/usr/local/lib", "/usr/local/bin", "/opt"),
    ),
    "poetry": Manager(
        ("~/.cache/pypoetry",),
        "the poetry cache (~/.cache/pypoetry)",
        "poetry install --no-cache, or rm -rf ~/.cache/pypoetry in the same RUN",
        ("/usr/local/lib", "/usr/local/bin", "/opt"),
    ),
    "pdm": Manager(
        ("~/.cache/pdm",),
        "the pdm cache (~/.cache/pdm)",
        "pdm cache clear in the same RUN, or RUN --mount=type=cache,target=/root/.cache/pdm",
        ("/usr/local/lib", "/usr/local/bin", "/opt"),
    ),
    "npm": Manager(
        ("~/.npm/_cacache",),  # (what it downloaded: `rm -rf ~/.npm/_cacache` empties it)
        "the npm cache (~/.npm)",
        "npm cache clean --force in the same RUN",
        ("/usr/local/lib/node_modules", "/usr/local/bin"),
    ),
    "yarn": Manager(
        (_YARN_ROOT_CACHE, "~/.cache/yarn/v6"),
        "the yarn cache (/usr/local/share/.cache/yarn)",
        "yarn cache clean (jlpm cache clean after a JupyterLab build) in the same RUN",
        ("/usr/local/lib/node_modules", "/usr/local/bin", "/usr/local/share/.config/yarn"),
    ),
    "pnpm": Manager(
        ("~/.local/share/pnpm/store", "~/.cache/pnpm"),
        "the pnpm store (~/.local/share/pnpm/store)",
        "pnpm store prune in the same RUN, or RUN --mount=type=cache for the store",
        ("/usr/local/lib/node_modules", "/usr/local/bin"),
    ),
    # (Bun's global cache of every package it fetched; `bun add -g` installs to ~/.bun)
    "bun": Manager(
        ("~/.bun/install/cache",),
        "bun's package cache (~/.bun/install/cache)",
        "rm -rf ~/.bun/install/cache (or bun pm cache rm) in the same RUN",
    ),
    # (Helm's: each chart repository's index, tens of MB for the big ones, and the charts it
    # pulled)
    "helm": Manager(
        ("~/.cache/helm/repository",),
        "Helm's repository cache (~/.cache/helm/repository: each repository's index and the "
        "charts it fetched)",
        "rm -rf ~/.cache/helm/repository in the same RUN",
    ),
    # (Bazel's output user root: the repository cache of the archives it downloaded, beside
    # each workspace's output base, which holds the outputs bazel-bin shows)
    "bazel": Manager(
        ("~/.cache/bazel/_bazel_root/cache/repos",),
        "Bazel's repository cache (~/.cache/bazel/_bazel_*/cache/repos: every archive it"
        " downloaded)",
        "rm -rf ~/.cache/bazel/_bazel_*/cache/repos in the same RUN (the outputs stay)",
    ),
    # (OpenResty's package manager: `opm get` keeps each package's tarball there)
    "opm": Manager(
        ("~/.opm/cache",),
        "opm's downloads (~/.opm/cache: the tarball of each OpenResty package it fetched)",
        "rm -rf ~/.opm/cache in the same RUN",
    ),
    "luarocks": Manager(
        ("~/.cache/luarocks",),
        "LuaRocks' cache (~/.cache/luarocks: the luarocks.org manifest and the rocks it fetched)",
        "rm -rf ~/.cache/luarocks in the same RUN",
    ),
    "pixi": Manager(
        ("~/.cache/rattler/cache",),
        "pixi's package cache (~/.cache/rattler/cache)",
        "pixi clean cache --yes (or rm -rf ~/.cache/rattler/cache) in the same RUN",
    ),
    "conda": Manager(
        ("/opt/conda/pkgs",),
        "the conda package cache (pkgs/)",
        "conda clean -afy (mamba/micromamba clean --all --yes) in the same RUN",
        ("/opt/conda",),
    ),
    "gem": Manager(
        ("/usr/local/bundle/cache", "~/.gem"),
        "the gem cache (.gem files in GEM_HOME/cache)",
        "rm -rf $GEM_HOME/cache in the same RUN",
        ("/usr/local/bundle", "/var/lib/gems", "/usr/local/lib/ruby", "/usr/local/bin"),
    ),
    "composer": Manager(
        ("~/.composer/cache", "~/.cache/composer"),
        "the composer cache (~/.composer/cache)",
        "composer clear-cache in the same RUN (or COMPOSER_CACHE_DIR=/dev/null)",
        ("/usr/local/bin",),
    ),
    "cargo": Manager(
        # (the crates it downloaded and their unpacked sources; the sparse index beside them,
        # cargo's since 1.70, holds a few entries per crate)
        ("~/.cargo/registry/cache", "~/.cargo/registry/src", "~/.cargo/git"),
        "the cargo registry cache (~/.cargo/registry)",
        "build in a stage that is not shipped, or rm -rf $CARGO_HOME/registry in the same RUN",
        ("~/.cargo/bin",),
    ),
    "go": Manager(
        ("/root/go/pkg/mod", "~/.cache/go-build"),
        "the Go module and build caches (GOPATH/pkg/mod, ~/.cache/go-build)",
        "build in a stage that is not shipped, or go clean -modcache -cache in the same RUN",
        (),
    ),
    "dep": Manager(
        ("/root/go/pkg/dep/sources",),
        "dep's source cache (GOPATH/pkg/dep/sources: a clone of every dependency)",
        "build in a stage that is not shipped, or rm -rf $GOPATH/pkg/dep in the same RUN",
        (),
    ),
    "maven": Manager(
        ("~/.m2/repository",),
        "the Maven local repository (~/.m2/repository: every plugin and dependency it fetched)",
        "build in a stage that is not shipped, or rm -rf ~/.m2/repository in the same RUN",
        (),
    ),
    "sbt": Manager(
        ("~/.cache/coursier", "~/.ivy2/cache"),
        "sbt's dependency cache (~/.cache/coursier; ~/.ivy2/cache before sbt 1.3)",
        "build in a stage that is not shipped, or rm -rf ~/.cache/coursier ~/.ivy2/cache in the "
        "same RUN",
        (),
    ),
    "gradle": Manager(
        ("~/.gradle/caches",),
        "Gradle's caches (~/.gradle/caches: every plugin and dependency it fetched; and a"
        " wrapper's distribution in ~/.gradle/wrapper/dists)",
        "build in a stage that is not shipped, or rm -rf ~/.gradle/caches (and"
        " ~/.gradle/wrapper/dists after a wrapper) in the same RUN",
        (),
    ),
    "pacman": Manager(
        ("/var/cache/pacman/pkg", "/var/lib/pacman/sync"),
        "the pacman cache (/var/cache/pacman/pkg) or its sync databases",
        "yes | pacman -Scc (--noconfirm answers its question No) (and, after -Sy, rm -rf "
        "/var/lib/pacman/sync/*) in the same RUN",
        ("/usr", "/etc", "/opt", "/var/lib/pacman/local"),
    ),
    # (Void's: it keeps every package it downloaded, `xbps-remove -O` only those of versions
    # no longer in the index; `-S` fetches each repository's index into /var/db/xbps)
    "xbps": Manager(
        ("/var/cache/xbps", "/var/db/xbps/https*"),
        "the xbps cache (/var/cache/xbps) or its repositories' index",
        "rm -rf /var/cache/xbps/* (and, after -S, the index: rm -rf /var/db/xbps/https*) in the "
        "same RUN",
        ("/usr", "/etc", "/opt"),
    ),
    # (Clear Linux's: the manifests and packs it fetched stay in its state directory)
    "swupd": Manager(
        ("/var/lib/swupd",),
        "swupd's state (/var/lib/swupd)",
        "swupd clean in the same RUN",
        ("/usr",),
    ),
    # (TeX Live's: each command that reads a network repository's package database keeps a
    # copy of it, several MB, in the TeX tree's tlpkg/, the tree tlmgr's path or PATH shows)
    "tlmgr": Manager(
        (),
        "tlmgr's copy of the repository's package database (tlpkg/texlive.tlpdb.main.*)",
        "rm -f $(kpsewhich -var-value TEXMFROOT)/tlpkg/texlive.tlpdb.main.* in the same RUN",
    ),
    "portage": Manager(
        ("/var/cache/distfiles", "/var/db/repos/gentoo"),
        "Portage's downloads (/var/cache/distfiles) or its repository tree",
        "rm -rf /var/cache/distfiles/* (and, after emerge --sync or emerge-webrsync, rm -rf "
        "/var/db/repos/gentoo) in the same RUN",
        ("/usr", "/etc", "/opt", "/var/db/pkg"),
    ),
    "pecl": Manager(
        ("/tmp/pear",),
        "the pecl download and build cache (/tmp/pear)",
        "rm -rf /tmp/pear in the same RUN",
        ("/usr/local/lib/php", "/usr/local/etc/php"),
    ),
    "cabal": Manager(
        ("~/.cabal/packages",),
        "the cabal package index and downloads (~/.cabal/packages)",
        "rm -rf ~/.cabal/packages in the same RUN",
        ("~/.cabal",),
    ),
    # (Haskell's stack: pantry keeps the Hackage index and each package's tarball)
    "stack": Manager(
        ("~/.stack/pantry", "~/.stack/indices"),
        "stack's package index and downloads (~/.stack/pantry; ~/.stack/indices before 2.0)",
        "build in a stage that is not shipped, or rm -rf ~/.stack/pantry in the same RUN",
        ("~/.stack",),
    ),
    "spack": Manager(
        ("/opt/spack/var/spack/cache",),
        "Spack's source cache (var/spack/cache in its root: each tarball it fetched)",
        "spack clean --downloads (or -a) in the same RUN",
        ("/opt/spack/opt",),
    ),
    # (Wine's helper keeps each installer it downloads for a verb, `dotnet472`, `corefonts`)
    "winetricks": Manager(
        ("~/.cache/winetricks",),
        "winetricks' download cache (~/.cache/winetricks: each installer a verb fetched)",
        "rm -rf ~/.cache/winetricks in the same RUN",
        (),
    ),
    "luet": Manager(
        ("/var/cache/luet/packages",),
        "luet's package cache (/var/cache/luet/packages)",
        "luet cleanup in the same RUN",
        ("/usr", "/etc", "/opt", "/var/lib", "/lib", "/bin", "/sbin"),
    ),
    "ruby-install": Manager(
        ("/usr/local/src",),
        "ruby-install's downloaded tarball and build tree (/usr/local/src, ~/src for a user)",
        "ruby-install --cleanup",
        ("/opt/rubies",),
    ),
    "nvm": Manager(
        ("~/.nvm/.cache",),
        "the nvm download cache ($NVM_DIR/.cache: each Node.js tarball it installed)",
        "nvm cache clear in the same RUN",
        ("~/.nvm/versions",),
    ),
    "volta": Manager(
        ("~/.volta/tools/inventory",),
        "Volta's download of each tool it installed ($VOLTA_HOME/tools/inventory)",
        "rm -rf $VOLTA_HOME/tools/inventory in the same RUN",
        ("~/.volta/tools/image", "~/.volta/bin"),
    ),
    "n": Manager(
        ("/usr/local/n/versions",),
        "n's copy of each Node.js it installed ($N_PREFIX/n/versions, /usr/local/n/versions by "
        "default)",
        "n --cleanup, or rm -rf of n/versions under N_PREFIX (/usr/local by default) in the same "
        "RUN",
        ("/usr/local/bin", "/usr/local/lib/node_modules", "/usr/local/include"),
    ),
    "sdkman": Manager(
        ("~/.sdkman/tmp",),  # (archives/ before SDKMAN 5.15, 2022: get.sdkman.io gives today's)
        "SDKMAN's download of each candidate it installed ($SDKMAN_DIR/tmp)",
        "sdk flush tmp in the same RUN",
        ("~/.sdkman/candidates",),
    ),
    "rvm": Manager(
        ("/usr/local/rvm/archives",),
        "rvm's downloads of its own release and each Ruby it installed (rvm_path/archives)",
        "rvm cleanup all in the same RUN",
        ("/usr/local/rvm/rubies", "/usr/local/rvm/gems"),
    ),
    # (kerl's: `KERL_AUTOCLEAN` cleans only a build that failed)
    "kerl": Manager(
        ("~/.kerl/archives", "~/.kerl/builds"),
        "kerl's download of each Erlang/OTP source and its build tree (~/.kerl/archives,"
        " ~/.kerl/builds)",
        "kerl cleanup all in the same RUN",
    ),
    "hex": Manager(
        ("~/.hex/packages",),
        "Hex's package cache (~/.hex/packages: each package tarball mix deps.get fetched)",
        "rm -rf ~/.hex/packages in the same RUN",
        (),
    ),
    # (Gleam's and rebar3's own caches of the Hex packages they fetch to build)
    "gleam": Manager(
        ("~/.cache/gleam",),
        "Gleam's package cache (~/.cache/gleam: each Hex package it fetched)",
        "rm -rf ~/.cache/gleam in the same RUN",
    ),
    # (PureScript's spago: the package set's packages, fetched once for every project)
    "spago": Manager(
        ("~/.cache/spago",),
        "spago's package cache (~/.cache/spago: each package of the set it fetched)",
        "rm -rf ~/.cache/spago in the same RUN",
    ),
    # (Groovy's Grape: each jar it resolved, which TinkerPop's `gremlin-server.sh install`
    # copies into the server's ext/ besides)
    "grape": Manager(
        ("~/.groovy/grapes",),
        "Groovy Grape's cache (~/.groovy/grapes: each jar it resolved)",
        "rm -rf ~/.groovy/grapes in the same RUN",
    ),
    # (Suricata's rule manager: each ruleset's tarball and the sources' index it fetched)
    "suricata-update": Manager(
        ("/var/lib/suricata/update/cache",),
        "suricata-update's downloads (/var/lib/suricata/update/cache: each ruleset it fetched)",
        "rm -rf /var/lib/suricata/update/cache in the same RUN",
    ),
    # (Nim's nimble: the package list it downloads, as apt's lists; Crystal's shards: a git
    # mirror of each dependency; the Crystal compiler's own cache of what it built)
    "nimble": Manager(
        ("~/.nimble/packages_official.json",),
        "nimble's package list (~/.nimble/packages_official.json)",
        "rm -f ~/.nimble/packages_*.json in the same RUN",
    ),
    "shards": Manager(
        ("~/.cache/shards",),
        "shards' cache (~/.cache/shards: a git mirror of each dependency it fetched)",
        "rm -rf ~/.cache/shards in the same RUN",
    ),
    "crystal": Manager(
        ("~/.cache/crystal",),
        "the Crystal compiler's cache (~/.cache/crystal: what it built)",
        "build in a stage that is not shipped, or rm -rf ~/.cache/crystal in the same RUN",
    ),
    "rebar3": Manager(
        ("~/.cache/rebar3",),
        "rebar3's cache (~/.cache/rebar3: the Hex registry and each package it fetched)",
        "rm -rf ~/.cache/rebar3 in the same RUN",
    ),
    "opam": Manager(
        ("~/.opam/download-cache",),
        "opam's download cache (~/.opam/download-cache)",
        "opam clean in the same RUN",
        ("~/.opam",),
    ),
    # (ESP-IDF's install.sh, idf_tools.py install: the toolchains' archives stay in dist/)
    "espidf": Manager(
        ("~/.espressif/dist",),
        "ESP-IDF's downloaded tool archives (~/.espressif/dist)",
        "rm -rf ~/.espressif/dist (IDF_TOOLS_PATH's dist) in the same RUN",
        ("~/.espressif/tools",),
    ),
    "roswell": Manager(
        ("~/.roswell/archives", "~/.roswell/lisp/quicklisp/dists/quicklisp/archives"),
        "Roswell's downloads (~/.roswell/archives, and Quicklisp's archives beside them)",
        "rm -rf ~/.roswell/archives ~/.roswell/lisp/quicklisp/dists/quicklisp/archives in the "
        "same RUN",
        ("~/.roswell",),
    ),
    "brew": Manager(
        ("~/.cache/Homebrew",),
        "Homebrew's downloads (~/.cache/Homebrew)",
        "brew cleanup --prune=all in the same RUN",
        ("/home/linuxbrew/.linuxbrew",),
    ),
    "bower": Manager(
        ("~/.cache/bower",),
        "bower's package cache (~/.cache/bower)",
        "bower cache clean in the same RUN",
        (),
    ),
    "nuget": Manager(
        ("~/.nuget/packages", "~/.local/share/NuGet"),
        "NuGet's package caches (~/.nuget/packages, ~/.local/share/NuGet)",
        "build in a stage that is not shipped, or dotnet nuget locals all --clear (Mono's nuget: "
        "nuget locals all -clear) in the same RUN",
        (),
    ),
    # littler's install scripts (rocker's and r-base's images) run R with /tmp as its tempdir:
    # each package source they download stays in /tmp/downloaded_packages.
    "littler": Manager(
        ("/tmp/downloaded_packages",),
        "the R package sources littler downloaded (/tmp/downloaded_packages)",
        "rm -rf /tmp/downloaded_packages in the same RUN",
        ("/usr/local/lib/R/site-library", "/usr/lib/R/site-library"),
    ),
    # (pak, R's package installer: it keeps what it downloads, and the repositories' metadata,
    # in tools::R_user_dir("pkgcache", "cache"))
    "pak": Manager(
        ("~/.cache/R/pkgcache",),
        "pak's package cache (~/.cache/R/pkgcache)",
        "pak::cache_clean() in the same RUN",
        ("/usr/local/lib/R/site-library", "/usr/lib/R/site-library"),
    ),
    # (renv keeps each package source it downloads in its root's source/, the root being
    # tools::R_user_dir("renv", "cache"); the installed packages it links the project's library
    # to lie beside it, in cache/, and are no waste: removing them breaks the library)
    "renv": Manager(
        ("~/.cache/R/renv/source",),
        "renv's downloads (~/.cache/R/renv/source: each package source it fetched)",
        "rm -rf ~/.cache/R/renv/source in the same RUN (not the root's cache/, which the "
        "project's library links to)",
    ),
    "cpan": Manager(
        ("~/.cpan/sources", "~/.cpan/build"),
        "CPAN.pm's downloads and build trees (~/.cpan/sources, ~/.cpan/build)",
        "rm -rf ~/.cpan/sources ~/.cpan/build in the same RUN",
        (),
    ),
    # (arduino-cli keeps each core, tool and library archive it fetched in its downloads
    # directory, the data directory's staging/)
    "arduino-cli": Manager(
        ("~/.arduino15/staging",),
        "arduino-cli's downloads (~/.arduino15/staging: every core and library archive)",
        "arduino-cli cache clean in the same RUN",
        ("~/.arduino15/packages", "~/Arduino/libraries"),
    ),
    "cpm": Manager(
        ("~/.perl-cpm",),
        "cpm's cache and build directories (~/.perl-cpm: each module's tarball and build)",
        "rm -rf ~/.perl-cpm in the same RUN",
        ("/usr/local/lib/perl5", "/usr/local/share/perl5", "/usr/local/bin"),
    ),
    "perlbrew": Manager(
        ("~/perl5/perlbrew/dists", "~/perl5/perlbrew/build"),
        "perlbrew's downloaded tarballs and build trees (dists/ and build/ in PERLBREW_ROOT)",
        "perlbrew clean in the same RUN",
        (),
    ),
    # (Bugzilla's install-module.pl runs CPAN.pm with its home in ~/.cpan, CPAN's own, where it
    # can write there: root's in a build)
    "bugzilla": Manager(
        ("~/.cpan/source", "~/.cpan/build"),
        "CPAN.pm's downloads and build trees (~/.cpan/source, ~/.cpan/build, as Bugzilla's "
        "install-module.pl sets them)",
        "rm -rf ~/.cpan in the same RUN",
        (),
    ),
    # (VS Code's extension downloader keeps the last 20 VSIX files it fetched, each the
    # extension's whole package, in the user data directory)
    "vscode": Manager(
        ("~/.local/share/code-server/CachedExtensionVSIXs",),
        "the extension downloads VS Code keeps (CachedExtensionVSIXs in its user data directory)",
        "rm -rf ~/.local/share/code-server/CachedExtensionVSIXs (code's: ~/.config/Code/"
        "CachedExtensionVSIXs) in the same RUN",
    ),
    # (code-server's install.sh keeps the package it downloaded, about 100 MB, to install it
    # again: `${XDG_CACHE_HOME:-~/.cache}/code-server`)
    "code-server": Manager(
        ("~/.cache/code-server",),
        "code-server's download cache (~/.cache/code-server: the package it installed)",
        "rm -rf ~/.cache/code-server in the same RUN",
        ("/usr/lib/code-server", "/usr/bin"),
    ),
    # (calibre's linux-installer.sh keeps the tarball it installed, about 150 MB, to install it
    # again)
    "calibre": Manager(
        ("/tmp/calibre-installer-cache",),
        "calibre's installer cache (/tmp/calibre-installer-cache: the tarball it installed)",
        "rm -rf /tmp/calibre-installer-cache in the same RUN",
        ("/opt/calibre", "/usr/bin"),
    ),
    "cpanm": Manager(
        ("~/.cpanm/work",),  # (beside it, a build.log and a link to the latest build)
        "cpanm's work directory (~/.cpanm: each module's source, unpacked, and its build)",
        "rm -rf ~/.cpanm in the same RUN",
        ("/usr/local/lib/perl5", "/usr/local/share/perl5", "/usr/local/bin"),
    ),
    # (`make install` with the GNU prefix /usr/local fills its standard directories, never an
    # application tree a base image keeps there, such as /usr/local/tomcat.)
    "make": Manager(
        (),
        "",
        "",
        tuple(
            f"/usr/local/{d}"
            for d in ("bin", "sbin", "lib", "lib64", "libexec", "include", "share", "etc", "man")
        ),
    ),
}
# (Maven is told its repository by a property, `-Dmaven.repo.local=/x`, on its command line or in
# MAVEN_OPTS; the model keeps it under this name with the variables.)
_MAVEN_REPO = "maven.repo.local"
# Environment variables that move a manager's cache, and values under which the path lies; of
# two set, the later one says where it is (PIP_CACHE_DIR over XDG_CACHE_HOME).
# (not a variable: where `--setopt=cachedir=DIR` put dnf's cache, for this command alone)
_DNF_CACHEDIR = "--setopt=cachedir"
# (nor one of suricata-update's own: the name the model keeps its `--data-dir` under)
_SURICATA_DATA = "suricata-update --data-dir"
# (swupd's state directory as `-S`/`--statedir` gives it: no variable of its own)
_SWUPD_STATEDIR = " swupd statedir"
_BAZEL_ROOT = "--output_user_root"  # (Bazel's startup option, where its cache lies instead)
_CACHE_VARS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "swupd": ((_SWUPD_STATEDIR, ""),),
    "yum": ((_DNF_CACHEDIR, ""),),
    "pip": (("XDG_CACHE_HOME", "/pip"), ("PIP_CACHE_DIR", "")),
    "espidf": (("IDF_TOOLS_PATH", "/dist"),),
    "uv": (("XDG_CACHE_HOME", "/uv"), ("UV_CACHE_DIR", "")),
    "poetry": (("XDG_CACHE_HOME", "/pypoetry"), ("POETRY_CACHE_DIR", "")),
    "pdm": (("XDG_CACHE_HOME", "/pdm"), ("PDM_CACHE_DIR", "")),
    "npm": (("npm_config_cache", "/_cacache"), ("NPM_CONFIG_CACHE", "/_cacache")),
    # (yarn 1 takes XDG_CACHE_HOME before its root's /usr/local/share)
    "yarn": (("XDG_CACHE_HOME", "/yarn/v6"), ("YARN_CACHE_FOLDER", "/v6")),
    "pnpm": (("PNPM_STORE_DIR", ""), ("PNPM_HOME", "/store")),
    "bun": (("BUN_INSTALL", "/install/cache"), ("BUN_INSTALL_CACHE_DIR", "")),
    "conda": (("CONDA_DIR", "/pkgs"), ("MAMBA_ROOT_PREFIX", "/pkgs"), ("CONDA_PKGS_DIRS", "")),
    "luarocks": (("XDG_CACHE_HOME", "/luarocks"),),
    "bazel": ((_BAZEL_ROOT, "/cache/repos"),),
    "gleam": (("XDG_CACHE_HOME", "/gleam"),),
    "spago": (("XDG_CACHE_HOME", "/spago"),),
    "rebar3": (("XDG_CACHE_HOME", "/rebar3"), ("REBAR_CACHE_DIR", "")),
    "helm": (
        ("XDG_CACHE_HOME", "/helm/repository"),
        ("HELM_CACHE_HOME", "/repository"),
        ("HELM_REPOSITORY_CACHE", ""),
    ),
    "pixi": (
        ("XDG_CACHE_HOME", "/rattler/cache"),
        *(("RATTLER_CACHE_DIR", ""), ("PIXI_CACHE_DIR", "")),
    ),
    "gem": (("GEM_HOME", "/cache"), ("BUNDLE_PATH", "/ruby/*/cache")),
    "composer": (("COMPOSER_HOME", "/cache"), ("COMPOSER_CACHE_DIR", "")),
    "cargo": (("CARGO_HOME", "/registry/cache"),),
    # (GOMODCACHE, set, moves the modules from GOPATH/pkg/mod: it wins)
    "go": (("GOCACHE", ""), ("GOPATH", "/pkg/mod"), ("GOMODCACHE", "")),
    "dep": (("GOPATH", "/pkg/dep/sources"), ("DEPCACHEDIR", "/sources")),
    "nvm": (("NVM_DIR", "/.cache"),),
    "volta": (("VOLTA_HOME", "/tools/inventory"),),
    "n": (("N_PREFIX", "/n/versions"), ("N_CACHE_PREFIX", "/n/versions")),
    "sdkman": (("SDKMAN_DIR", "/tmp"),),
    "rvm": (("rvm_path", "/archives"),),
    "kerl": (("KERL_BASE_DIR", "/archives"), ("KERL_DOWNLOAD_DIR", "")),
    "opam": (("OPAMROOT", "/download-cache"),),
    "hex": (("HEX_HOME", "/packages"),),
    "stack": (("STACK_ROOT", "/pantry"),),
    "winetricks": (("XDG_CACHE_HOME", "/winetricks"), ("W_CACHE", "")),
    "arduino-cli": (
        ("ARDUINO_DIRECTORIES_DATA", "/staging"),
        ("ARDUINO_DIRECTORIES_DOWNLOADS", ""),
    ),
    # (pkgcache's: R_PKG_CACHE_DIR, else tools::R_user_dir's, R_USER_CACHE_DIR's or XDG's)
    "pak": (
        ("XDG_CACHE_HOME", "/R/pkgcache"),
        ("R_USER_CACHE_DIR", "/R/pkgcache"),
        ("R_PKG_CACHE_DIR", ""),
    ),
    "renv": (
        ("XDG_CACHE_HOME", "/R/renv/source"),
        ("R_USER_CACHE_DIR", "/R/renv/source"),
        ("RENV_PATHS_ROOT", "/source"),
        ("RENV_PATHS_SOURCE", ""),
    ),
    "cpm": (("PERL_CPM_HOME", ""),),
    "perlbrew": (("PERLBREW_ROOT", "/dists"),),
    "sbt": (("COURSIER_CACHE", ""),),
    "brew": (("XDG_CACHE_HOME", "/Homebrew"), ("HOMEBREW_CACHE", "")),
    "bower": (("XDG_CACHE_HOME", "/bower"),),
    "cpanm": (("PERL_CPANM_HOME", "/work"),),
    "nuget": (("NUGET_PACKAGES", ""),),
    "gradle": (("GRADLE_USER_HOME", "/caches"),),
    "maven": ((_MAVEN_REPO, ""),),
    "suricata-update": ((_SURICATA_DATA, "/update/cache"),),
}
# Command-line options that move a manager's cache, and the variable each stands for.
_CACHE_OPTIONS = {
    "pip": ("--cache-dir", "PIP_CACHE_DIR"),
    "swupd": ("--statedir", _SWUPD_STATEDIR),
    "uv": ("--cache-dir", "UV_CACHE_DIR"),
    "npm": ("--cache", "npm_config_cache"),
    "yarn": ("--cache-folder", "YARN_CACHE_FOLDER"),
    "pnpm": ("--store-dir", "PNPM_STORE_DIR"),
    "bun": ("--cache-dir", "BUN_INSTALL_CACHE_DIR"),
    "gem": ("--install-dir", "GEM_HOME"),  # (`gem install -i /opt/gems`: its cache/ there)
    "gradle": ("--gradle-user-home", "GRADLE_USER_HOME"),
    "bazel": (_BAZEL_ROOT, _BAZEL_ROOT),
    "stack": ("--stack-root", "STACK_ROOT"),
    "cpm": ("--home", "PERL_CPM_HOME"),
    # (its data directory, `-D /data/suricata`: the cache is update/cache below it)
    "suricata-update": ("--data-dir", _SURICATA_DATA),
}
_LOCALE_ARCHIVE = "/usr/lib/locale/locale-archive"
# Maven's phases (and goals) that write the project's target/
_MAVEN_BUILDS = frozenset({"compile", "test", "package", "verify", "install", "deploy", "war"})
_LEIN_BUILDS = frozenset({"uberjar", "jar", "uberwar", "war", "compile", "javac", "install"})
# The npm packages whose CLI is Playwright's
_PLAYWRIGHT_PACKAGES = frozenset({"playwright", "playwright-core", "@playwright/test"})
# Their short spellings.
_CACHE_SHORT = {"gem": "-i", "gradle": "-g", "suricata-update": "-D", "swupd": "-S"}
_TOOL_CACHE = {
    "dnf": DNF_CACHE,
    "dnf5": DNF5_CACHE,
    "zypper": "/var/cache/zypp",
    "tdnf": "/var/cache/tdnf",
}
# Environment variables that switch a manager's cache off.
_NO_CACHE_VARS: Mapping[str, tuple[str, ...]] = {
    "pip": ("PIP_NO_CACHE_DIR",),
    "uv": ("UV_NO_CACHE",),
    "poetry": ("POETRY_NO_CACHE",),
    "cargo": ("CARGO_NET_OFFLINE",),  # (offline, it fetches nothing into its registry)
}
_NO_CACHE_PATHS = ("/dev/null", "/dev/shm", "/tmp/.nocache")

# Base images' helpers that install with the distribution's manager and remove its index
# after (gitpod's workspace images' `install-packages`, bitnami/minideb's and balenalib's
# `install_packages`, phusion/baseimage's `install_clean`, Kubernetes' debian-base's
# `clean-install`).
_CLEAN_INSTALLS = frozenset({"install-packages", "install_packages", "install_clean"}) | {
    "clean-install"
}
# What those of one distribution run (and `install_packages`, Debian's on bitnami/minideb and
# on most of balenalib's tags; on their Alpine and Fedora tags it runs apk or dnf, which the RUN
# does not show, and the model drops an apt install on such a base as a branch never run)
_APT_HELPERS = {
    "install-packages": "apt-get update && apt-get install -yq --no-install-recommends {}"
    " && rm -rf /var/lib/apt/lists/*",
    "install_packages": "apt-get update && apt-get install -y --no-install-recommends {}"
    " && rm -rf /var/lib/apt/lists /var/cache/apt/archives",
    "install_clean": "apt-get update -qq && apt-get install -y --no-install-recommends {}"
    " && apt-get clean && rm -rf /var/lib/apt/lists/*",
    # (it empties /var/log, /tmp and debconf's cache too: mostly what its install wrote)
    "clean-install": "apt-get update && apt-get install -y --no-install-recommends {}"
    " && apt-get clean -y && rm -rf /var/lib/apt/lists/*",
}
# A Debian package as apt's helpers are given it (`curl`, `libssl1.1`, `g++`, `nginx=1.18*`)
_DEBIAN_PACKAGE = re.compile(r"[a-z0-9][a-z0-9+.-]+(?::[a-z0-9-]+)?(?:=\S+)?")
# The names of cleanup scripts (`cleanup.sh`, `purge_cache.sh`, `clean-layer.sh`, `docker-clean`).
_CLEANUP_NAME = re.compile(r"(?:^|[-_.])(?:clean|cleanup|purge)(?:[-_.]|$)")
# The settings the official maven image keeps for builds of images (`mvn -s ... go-offline`).
_MAVEN_DOCKER_SETTINGS = "/ref/settings-docker.xml"  # (in MAVEN_HOME, /usr/share/maven)
# OTRS's (and its fork Znuny's) script that re-owns its installation.
_SET_PERMISSIONS = re.compile(r"(?:otrs|znuny)\.SetPermissions\.pl")
# patch's options that take a value, and its flags that take none (`-bNf` is `-b -N -f`).
_PATCH_VALUES = frozenset(
    {"-p", "-i", "--input", "-o", "-d", "-z", "--suffix", "-B", "--prefix", "-V", "-D", "-F"}
    | {"-r", "--reject-file", "-Y", "--basename-prefix", "-g", "--get", "--version-control"}
)
_PATCH_FLAGS = "bcefElnNRstuUZT"
# 7-Zip's programs: p7zip's, and 7-Zip's own for Linux (7zz, its static build 7zzs).
_SEVEN_ZIP = ("7z", "7za", "7zr", "7zz", "7zzs")
# RARLAB's unrar and Debian's packages of it (unrar-free, unrar-nonfree's own name); The
# Unarchiver's unar
_UNRAR = ("unrar", "unrar-free", "unrar-nonfree")
_UNAR_VALUES = frozenset({"-o", "-output-directory", "-p", "-password", "-e", "-encoding"})
# Programs whose writes are modelled here, or that write nothing a later removal could mean.
_MODELLED = frozenset(
    {
        *("set", "echo", "printf", "cd", "pushd", "popd", "export", "true", "false", "test"),
        *("[", "[[", ":", "exit", "unset", "local", "readonly", "shift", "source", "."),
        *("rm", "rmdir", "unlink", "shred", "mkdir", "touch", "cp", "mv", "ln", "install"),
        *("truncate", "mktemp", "compileall", "openssl"),
        *("chmod", "chown", "chgrp", "setfacl", "curl", "wget", "gdown", "tar", "bsdtar", "unzip"),
        *("jar", *_SEVEN_ZIP, *_UNRAR, "unar", "gunzip", "gzip", "xz", "bzip2", "lzma"),
        *("unxz", "bunzip2"),
        "rsync",
        *("zstd", "unzstd"),
        *("dos2unix", "unix2dos"),  # rewrite files in place, as sed -i does
        *("ls", "cat", "grep", "egrep", "sed", "awk", "find", "which", "type", "id", "whoami"),
        "visudo",  # (`visudo -c` checks the sudoers files; it edits them alone)
        *("sleep", "sha256sum", "sha512sum", "sha1sum", "md5sum", "uname", "sort", "head"),
        *("tail", "wc", "tr", "cut", "tee", "dd", "xargs", "gpg", "gpgconf", "command", "hash"),
        *("useradd", "groupadd", "adduser", "addgroup", "usermod", "groupmod", "git"),
        *("apt-get", "apt", "aptitude", "apk", "yum", "dnf", "dnf5", "microdnf", "tdnf", "zypper"),
        *("pip", "pip3", "pip2", "uv", "poetry", "npm", "yarn", "pnpm", "gem", "bundle", "jlpm"),
        *("bun", "bunx", "pdm"),
        *("conda", "mamba", "micromamba", "composer", "dpkg", "dpkg-deb", "rpm", "apt-mark"),
        "ldconfig",
        *("update-ca-certificates", "locale-gen", "update-locale", "dirname", "basename"),
        "update-alternatives",  # (links in /etc/alternatives and its small state files)
        "realpath",
        *("pacman", "yay", "paru", "add-apt-repository", "cargo", "pecl", "pear", "cabal"),
        *("xbps-install", "xbps-remove", "swupd"),
        *("luet", "ruby-install", "spack", "winetricks", "nuget", "stack"),
        *("cpm", "perlbrew", "install-module.pl", "makepkg", "amazon-linux-extras", "paccache"),
        "arduino-cli",
        *("nvm", "n", "sdk", "rvm", "opam", "brew", "bower", "cpanm", "dotnet", "pipenv"),
        *("volta", "dep", "kerl", "snakemake"),
        *("emerge", "emerge-webrsync", "eclean", "eclean-dist", "ros", "cpan"),
        *("yum-builddep", "unminimize", "initdb"),
        *sorted(_LITTLER),
        "setcap",
        *("fix-permissions", "gcc", "cc", "g++", "c++", "clang", "clang++", "venv", "virtualenv"),
        *("elasticsearch-plugin", "opensearch-plugin", "kibana-plugin", "composer.phar"),
        "opensearch-dashboards-plugin",
        "ipykernel",
        *("docker-php-source", "docker-php-ext-configure", "docker-php-ext-install"),
        "docker-php-ext-enable",
        "install_app_icon.sh",
        "install-from-bindep",
        "pg_dropcluster",
        "pg_createcluster",
        # (what these write is the user database, or nothing)
        *("chpasswd", "passwd", "chsh", "chage", "gpasswd", "getent", "readlink", "stat"),
        *("printenv", "pwd", "seq", "nproc", "date"),
        # (what these write is what their output's redirection says, or nothing)
        *("jq", "tac", "lsb_release", "sync", "read", "yes", "file", "ldd", "diff", "cmp"),
        *("du", "df", "hostname", "arch", "dpkg-architecture", "dpkg-query", "expr", "tput"),
        *("locale", "groups", "uniq", "rev", "nl", "od", "hexdump", "base64", "cksum", "b2sum"),
        "apt-key",  # (its keyring in /etc/apt, nothing a later step names)
        # (and these their own small files: host keys in /etc/ssh or the key file -f names; the
        # locale archive in /usr/lib/locale)
        *("ssh-keygen", "localedef"),
    }
)
# Programs that rewrite the user database.
_USER_TOOLS = frozenset(
    {"useradd", "groupadd", "adduser", "addgroup", "usermod", "groupmod", "userdel", "groupdel"}
    | {"chpasswd", "passwd", "chsh", "chage", "gpasswd", "deluser", "delgroup"}
)
# Build tools write into the directory they run in.
_BUILDERS = frozenset(
    {
        "make",
        "cmake",
        "ninja",
        "go",
        "cargo",
        "mvn",
        "gradle",
        "sbt",
        "rake",  # (`rake build` packs pkg/NAME-VERSION.gem; `rake assets:precompile`)
        "./configure",
        "configure",
        "dotnet",
    }
)
# rake's options that list or describe tasks, running none
_RAKE_QUESTIONS = frozenset(
    {"-T", "--tasks", "-P", "--prereqs", "-D", "--describe", "-W", "--where"}
)
# A project's wrapper of a build tool builds as the tool does (`./gradlew assemble` fills build/)
_WRAPPED_BUILDERS = {"gradlew": "gradle", "mvnw": "mvn"}
_PHP = re.compile(r"php[\d.]*")  # (php, php8.2, php83; not phpize or php-fpm)
_PHP_COPY = re.compile(r"\bcopy\(\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]([^'\"]+)['\"]")
_PHP_UNLINK = re.compile(r"\bunlink\(\s*['\"]([^'\"]+)['\"]")
# What PHP code does where a file's hash is wrong, which a build that succeeds never runs: the
# else of `if (hash_file(...) === '...') {...} else {...}`, the body of `if (hash_file(...) !==
# '...') {...}` (a block one level of braces deep)
_PHP_BLOCK = r"\{(?:[^{}]|\{[^{}]*\})*\}"
_PHP_CALLS = r"(?:[^(){}]|\((?:[^()]|\([^()]*\))*\))*"  # (`trim(file_get_contents(...))`)
_PHP_BAD_HASH = re.compile(
    rf"(\bif\s*\(\s*hash_file\([^()]*\)\s*===?{_PHP_CALLS}\)\s*{_PHP_BLOCK})\s*else\s*{_PHP_BLOCK}"
    rf"|(\bif\s*\(\s*hash_file\([^()]*\)\s*!==?{_PHP_CALLS}\))\s*{_PHP_BLOCK}"
)
PHP_SOURCE = "/usr/src/php"
_PHP_MARK = "/.docker-delete-me"
_APT = frozenset({"apt-get", "apt", "aptitude"})
_YUM = frozenset({"yum", "dnf", "dnf5", "microdnf", "tdnf", "zypper"})
_PIP = frozenset({"pip", "pip3", "pip2"})
_CONDA = frozenset({"conda", "mamba", "micromamba"})
_NODE = frozenset({"npm", "yarn", "pnpm"})

ARCHIVE_SUFFIXES = (
    *(".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tbz", ".tar.zst"),
    *(".zip", ".jar", ".war", ".ear", ".deb", ".rpm", ".whl", ".apk", ".gz", ".xz", ".bz2"),
    # (a LuaRocks rock is a zip, a Ruby gem a tar)
    *(".7z", ".zst", ".tar.lz", ".tar.lzma", ".sar", ".rock", ".gem", ".rar", ".vsix"),
)
# Archives ADD unpacks itself when they come from the build context (not zips, not URLs).
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tbz")


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES) and not path.endswith("/")


def a_file_family(source: str) -> bool:
    """A wildcard a name starts (`package*.json`, `requirements*.txt`): files of the context
    that are there, unlike one by extension alone (`*.lock`), which may match nothing."""
    name = posixpath.basename(source)
    return is_glob(name) and not name.startswith(("*", "?", "["))


# gpg's commands that add keys to a keyring
_GPG_ADDS_KEYS = ("--import", "--recv-key", "--receive-key", "--fetch-key")


def names_a_file(path: str) -> bool:
    """A name with an extension (`entrypoint.sh`, `*.jar`, `.env.example`) names a file;
    `5.1` or `python3.12` is a version, more often a directory. So does a file ssh reads
    (`~/.ssh/config`, `authorized_keys`), and a shared library's versioned name
    (`libfdk-aac.so.1`)."""
    name = posixpath.basename(path)
    if name in _SSH_FILES and posixpath.basename(posixpath.dirname(path)) == ".ssh":
        return True
    if _SERVICE_FILE.search(path) or _DEFAULTS_FILE.match(path):
        return True
    if name in _FILE_NAMES or _LIBRARY.search(name):
        return True
    stem, dot, suffix = name.rpartition(".")
    if suffix == "d" and stem:
        return False  # (`conf.d`, `sources.list.d`: a directory of drop-in files)
    # (a version's tail is no extension: `spinnaker-3.1.0.79-amd64`, `node-v18.0.0-linux-x64`;
    # `php.ini-production` names a file)
    version = suffix.isdigit() or (suffix[:1].isdigit() and "-" in suffix)
    return (bool(dot and stem.strip(".") and suffix) and not version) or is_archive(name)


# The extensions a directory's name hardly ever has (not `chart.js`, `acme.sh`, `shop.ear`)
_DATA_EXTENSION = re.compile(
    r"json|lock|txt|toml|ya?ml|xml|ini|conf|cfg|properties|pem|crt|cer|key|sql|py|rb|php|md"
    r"|deb|rpm|whl|gem|zip|tgz|gz|bz2|xz|zst"
)


def _recursive_copy(words: tuple[str, ...]) -> bool:
    """cp is told to copy directories: `-r`, `-R`, `-a` (alone or among other letters)."""
    return any(
        w in ("--recursive", "--archive")
        or (w[:1] == "-" and w[1:2] != "-" and set(w[1:]) & set("rRa"))
        for w in words[1:]
    )


# A brace expansion (`{git,registry}`, `{1..3}`), which bash does and dash and ash do not.
_BRACE_LIST = re.compile(r"\{[^{}/]*(?:,|\.\.)[^{}/]*\}")
# A file's extension, not the tail of a version (`-linux-x64` of node-v18.0.0-linux-x64,
# `Final` of wildfly-26.1.3.Final)
_EXTENSION = re.compile(
    r"jar|war|ear|so|sh|py|pl|rb|php|phar|js|lua|sql|conf|cfg|ini|json|ya?ml|xml|toml|txt"
    r"|properties|pem|crt|cer|key|jks|p12|deb|rpm|whl|apk|gem|zip|tgz|gz|bz2|xz|zst|bin|run"
)
_SSH_FILES = frozenset({"config", "authorized_keys", "known_hosts", "id_rsa", "id_ed25519"})
# Where s6 and runit keep their services' directories, below /etc
SERVICE_DIRS = r"(?:services\.d|service|sv|s6-overlay/s6-rc\.d|s6-rc\.d|s6/[^/]+)"
# The scripts and settings of an s6 or runit service, in its directory (`/etc/services.d/app/run`,
# `/etc/s6-overlay/s6-rc.d/app/type`, `/etc/sv/app/log/run`): files, whatever their names say
_SERVICE_FILE = re.compile(
    rf"/etc/(?:{SERVICE_DIRS}|runit/[^/]+)/[^/]+/(?:log/)?(?:run|finish|up|down|type|check)$"
)
# (Debian's /etc/default holds a service's settings, one shell file each: not grub.d)
_DEFAULTS_FILE = re.compile(r"/etc/default/[^/*?\[]+(?<!\.d)$")
# The start-up and settings files programs read from a home: files, whatever their names say.
_FILE_NAMES = frozenset(
    {".bashrc", ".bash_profile", ".bash_logout", ".bash_aliases", ".profile", ".zshrc", ".vimrc"}
    | {".gitconfig", ".npmrc", ".yarnrc", ".pypirc", ".netrc", ".condarc", ".gemrc", ".curlrc"}
    | {".wgetrc", ".inputrc", ".env"}
    # (and the files projects name without an extension: manifests, build and run files)
    | {"Pipfile", "Gemfile", "Makefile", "GNUmakefile", "Dockerfile", "Containerfile", "Procfile"}
    | {"Rakefile", "Jenkinsfile", "Vagrantfile", "Brewfile", "Podfile", "Caddyfile", "Snakefile"}
    | {"Justfile", "justfile", "LICENSE", "COPYING", "NOTICE", "README", "CODEOWNERS", "cpanfile"}
    | {"VERSION", "CHANGELOG", "AUTHORS", "Berksfile", "Puppetfile", "Earthfile", "Tiltfile"}
    | {"Guardfile", "Capfile", "SConstruct", "SConscript", "BUILD", "WORKSPACE"}
    | {"Taskfile", "Dangerfile", "Fastfile", "Appfile", "Thorfile", "Steepfile", "Mintfile"}
    # (checksum lists, which a RUN checks a download against: `sha512sum --check SHA512SUMS`)
    | {"SHA1SUMS", "SHA256SUMS", "SHA512SUMS", "MD5SUMS", "CHECKSUMS"}
)


def path_overlaps(a: str, b: str) -> bool:
    """True when one path equals, contains or lies inside the other (globs allowed in either)."""
    if a == b or a == "/" or b == "/":
        return True
    if is_glob(a) or is_glob(b):
        return _glob_overlaps(a, b)
    return a.startswith(b.rstrip("/") + "/") or b.startswith(a.rstrip("/") + "/")


def _glob_overlaps(a: str, b: str) -> bool:
    pa, pb = a.strip("/").split("/"), b.strip("/").split("/")
    return all(_component_matches(x, y) for x, y in zip(pa, pb, strict=False))


def _component_matches(x: str, y: str) -> bool:
    # fnmatch compiles a regex per pattern: only components that hold a glob need one.
    if x == y:
        return True
    if is_glob(x) and is_glob(y):
        return _patterns_meet(x, y)
    return (is_glob(y) and fnmatch.fnmatchcase(x, y)) or (is_glob(x) and fnmatch.fnmatchcase(y, x))


@functools.lru_cache(maxsize=4096)
def _patterns_meet(x: str, y: str) -> bool:
    """Some name matches both shell patterns (`*manylinux1_x86_64*.whl`, `*-manylinux*.whl`);
    a bracket expression counts as any one character."""
    a, b = re.sub(r"\[[^]]*\]", "?", x), re.sub(r"\[[^]]*\]", "?", y)

    @functools.cache
    def meet(i: int, j: int) -> bool:
        if i == len(a) and j == len(b):
            return True
        if i < len(a) and a[i] == "*":
            return meet(i + 1, j) or (j < len(b) and meet(i, j + 1))
        if j < len(b) and b[j] == "*":
            return meet(i, j + 1) or (i < len(a) and meet(i + 1, j))
        if i < len(a) and j < len(b) and (a[i] == b[j] or "?" in (a[i], b[j])):
            return meet(i + 1, j + 1)
        return False

    return meet(0, 0)


def is_glob(text: str) -> bool:
    return "*" in text or "?" in text or "[" in text


def covers(removal: str, written: str) -> bool:
    """True when removing (or re-owning, recursively) `removal` reaches all of `written`: the
    path itself, a directory above it, a glob matching it or a parent, or `dir/*` when `written`
    is the directory."""
    if removal == written or written.startswith(removal.rstrip("/") + "/") or removal == "/":
        return True
    if removal.endswith("/*") and removal[:-2] == written.rstrip("/"):
        return True
    if is_glob(removal):
        wanted, parts = removal.strip("/").split("/"), written.strip("/").split("/")
        if len(parts) >= len(wanted) and all(
            shell_glob(p, w) for p, w in zip(parts, wanted, strict=False)
        ):
            return True
    return False


def inside(path: str, tree: str) -> bool:
    """True when `path` lies strictly below `tree` (globs allowed in `path`)."""
    if tree == "/":
        return path != "/"
    if not is_glob(path):
        return path.startswith(tree.rstrip("/") + "/")
    parts, top = path.strip("/").split("/"), tree.strip("/").split("/")
    return len(parts) > len(top) and all(
        _component_matches(p, t) for p, t in zip(parts, top, strict=False)
    )


class Op(NamedTuple):
    """One thing a RUN does to the filesystem, in the order it happens.

    For WRITE: `entry` (FILE, DIR or TREE), `content` (EXACT, HEAVY, EMPTY or UNKNOWN) and `role`
    (CACHE, ARCHIVE, INSTALL or ''). For CHOWN: `recursive`. For PURGE and caches: `family`, the
    package manager. `blind` is True when a program whose writes are not modelled ran earlier in
    the same RUN, so it may have made what this operation touches.
    """

    kind: str
    tool: str
    paths: tuple[str, ...]
    command: str
    entry: str = TREE
    content: str = UNKNOWN
    role: str = ""
    family: str = ""
    recursive: bool = True
    blind: bool = False
    file_hint: bool = False  # the command shows its paths are files (chmod +x, chmod 600)
    program: bool = False  # it needs a program at its paths (chmod +x, setcap, an installer)
    packages: tuple[str, ...] = ()  # for an install: the package names it was given
    # `find ROOT -name '*.pyc' -delete`: only what matches below the paths, by these names
    # (shell patterns; none when the filter is not by name: -mtime, -size, -newer, ...)
    only: tuple[str, ...] | None = None
    # A find that selects all but some names (`! -name Makefile.inc -delete`): the names of the
    # files it leaves
    but: tuple[str, ...] = ()
    # It happens only where an earlier write left this path (docker-php-ext-install deletes the
    # source only when a marker says it or docker-php-ext-configure unpacked it).
    when: str | None = None
    # It happens only where no earlier write left this path or anything below it
    # (docker-php-ext-configure marks the source for deletion only when it unpacked it).
    unless: str | None = None
    # Likewise, but only what an earlier layer left counts: `composer install` over the vendor
    # directory an earlier RUN's install filled finds every package there and fetches nothing.
    redone: str | None = None
    sources: tuple[str, ...] = ()  # for a cp or mv: what it copies or moves
    # For a chown, chgrp or chmod: what it sets ("user", "group" or "mode", and the value: a
    # name, a number, or chmod's mode as given); none when that is not known (a variable). For
    # useradd's home: the owner of what it put there.
    sets: tuple[tuple[str, str], ...] = ()
    owner: str = ""  # for a usermod's new uid: the user whose files it re-owns
    uid: str = ""  # and that uid
    # It happens only where an earlier write may have left this file, in a tree or by its name
    # (`npm install` run in / or a home, where no image keeps a package.json, fetches nothing
    # unless a COPY or RUN put one there)
    project: str | None = None
    # Run by a user's plain `sudo`: as root, with the user's HOME where the distribution's sudo
    # keeps it (Ubuntu before 19.10), so pip's owner check turns its cache off there
    by_sudo: bool = False
    # An npm install that left the development dependencies out (`npm ci --omit=dev`,
    # NODE_ENV=production): a later `npm prune --production` finds nothing to remove
    lean: bool = False
    # For an op made blind by the programs the model does not read that ran before it in its
    # RUN: where they ran or were pointed ("/" for anywhere); none when that is not known
    unread_at: tuple[str, ...] = ()


class RunEffects(NamedTuple):
    """A RUN's commands, what they do in order (`ops`), and the files it named and kept (`files`:
    redirect, download and copy targets, for LG002)."""

    commands: tuple[Command, ...]
    ops: tuple[Op, ...]
    files: tuple[str, ...] = ()
    scripts: tuple[tuple[str, str], ...] = ()  # (image path, text) of the scripts it read
    users: tuple[NewUser, ...] = ()  # the users it adds (useradd, adduser)
    home: str = ""  # the home of the user it runs as, when an earlier step said ('' if not)
    homes: tuple[tuple[str, str], ...] = ()  # the users' homes it was told, for `~name`
    # (image path, the name in its address) of each file it downloaded under another name, or
    # the address of a vendor's install script it saved (`deb.nodesource.com/setup`)
    fetched: tuple[tuple[str, str], ...] = ()
    ran: tuple[str, ...] = ()  # the files not written here it ran or sourced, by their paths


_ABSOLUTE_IN_A_WORD = re.compile(r"(?:^|[=:,])(/[^\s:;,'\"=]*)")


def _pointed_at(command: Command) -> set[str]:
    """Where a program the model does not read may write: the directory it ran in, its own
    tree when run by its path, and every path its words name ("/" for one not known: no
    working directory, a variable not expanded)."""
    cwd = command.cwd or "/"
    at = {cwd}
    for i, word in enumerate(command.words):
        if "$" in word or "`" in word:
            return {"/"}
        named = [m.group(1) for m in _ABSOLUTE_IN_A_WORD.finditer(word)]
        if not named and "/" in word and not word.startswith("-"):
            named = [word]  # (relative to where it ran: `../app/config.ini`)
        for n in named:
            where = resolve_path(n, cwd) or "/"
            at.add((program_tree(where) if i == 0 else where) or "/")
    return at


def program_tree(program: str) -> str:
    """The tree a program run by its path writes to: its directory, or the one above a bin
    directory (`/opt/tomcat/bin/catalina.sh` writes /opt/tomcat's logs)."""
    where = posixpath.dirname(program)
    return posixpath.dirname(where) if posixpath.basename(where) in ("bin", "sbin") else where


def run_scripts(instr: Instruction) -> list[str]:
    """The shell scripts a RUN executes: its command line and any heredoc fed to a shell."""
    node = instr.node
    if node.json_form:
        argv = _exec_argv(node)
        if at := _shell_script(argv):
            return [argv[at]]
        return [" ".join(_quote(a) for a in argv)] if argv else []
    line = node.args[0] if node.args else ""
    scripts = []
    # (a heredoc's word may hold blanks after its `<<`, as BuildKit reads it: `RUN << EOF`)
    words = _HEREDOC_BLANKS.sub(r"\1", line).split()
    heredoc_names = {f"<<{h.name}" for h in node.heredocs} | {f"<<-{h.name}" for h in node.heredocs}
    only_heredocs = bool(words) and all(_is_heredoc_word(w, heredoc_names) for w in words)
    # (the heredoc may come first, as the shell's input: `RUN <<EOF bash -ex`)
    program = next((w for w in words if not _is_heredoc_word(w, heredoc_names)), "")
    runs_shell = posixpath.basename(program) in SHELLS
    r_at = next(
        (
            i
            for i, w in enumerate(words)
            if posixpath.basename(w) in ("R", "Rscript")
            and (
                all(_is_heredoc_word(v, heredoc_names) for v in words[:i])
                or words[i - 1] in ("&&", ";", "||")
                or words[i - 1].endswith(";")
            )
        ),
        None,
    )
    if r_at is not None and node.heredocs and not only_heredocs:
        # (`RUN Rscript - <<EOF`: R reads its code from the heredoc, as `-e` would hand it,
        # right after R's name: `Rscript - <<EOF && rm -rf /tmp/*` runs the rm after)
        before, after = (
            [w for w in part if not _is_heredoc_word(w, heredoc_names)]
            for part in (words[:r_at], words[r_at + 1 :])
        )
        if after[:1] == ["-"]:
            after = after[1:]  # (Rscript's `-`: its code from standard input)
        code = [f"-e {_quote(doc.content)}" for doc in node.heredocs]
        return [" ".join([*before, words[r_at], *code, *after])]
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


def shown_scripts(
    instr: Instruction,
    commands: Iterable[Command],
    texts: Mapping[str, str],
    dash: bool = False,
) -> dict[str, str]:
    """`texts` (image path -> the text of a script the Dockerfile shows) after a RUN: what it
    writes from shown text, for a later RUN that runs it to be read, a heredoc written to a file
    (`cat <<EOF > /usr/local/bin/x`, `tee /x <<EOF`), `echo '#!/bin/sh\\napt-get clean\\n...' >
    /cleanapt` (`>>` adds to it) and a `printf` of such text; less what it writes otherwise
    (`curl -o /cleanapt`). `dash`: /bin/sh is dash, whose echo reads escapes without `-e` (bash's,
    busybox's and /bin/echo leave `\\n` as it is: one line, a comment)."""
    docs = {h.name: h.content for h in instr.node.heredocs}
    out = dict(texts)
    for command in commands:
        tool = posixpath.basename(command.words[0])
        into = [
            (r.target, r.op == ">>") for r in command.redirects if r.op in (">", ">|", "1>", ">>")
        ]
        if tool == "tee":
            into += [
                (t, "-a" in command.words) for w in command.words[1:] if not w.startswith("-")
                if (t := resolve_path(w, command.cwd)) is not None
            ]  # fmt: skip
        fed = [
            docs[r.target] for r in command.redirects if r.op in ("<<", "<<-") and r.target in docs
        ]
        text: str | None = None
        if tool in ("cat", "tee") and len(fed) == 1 and len(command.words) == 1 + (tool == "tee"):
            text = fed[0]
        elif tool == "echo" and len(command.words) > 1 and not fed:
            said = command.words[1:]
            told = said[0] in ("-e", "-ne", "-en")
            said = tuple(itertools.dropwhile(lambda w: w in ("-e", "-n", "-ne", "-en"), said))
            escapes = told or (dash and command.words[0] == "echo")
            text = " ".join(said)
            text = (_unescaped(text) if escapes else text) + "\n"
        elif tool == "printf" and len(command.words) == 2 and "%" not in command.words[1]:
            text = _unescaped(command.words[1])
        for path, appends in into:
            if text is None or "$" in path or not path.startswith("/"):
                out.pop(path, None)  # (what it writes there is not shown)
            elif appends and path in out:
                out[path] += text
            elif not appends and not _wrapper(path, text):
                out[path] = text
            else:
                out.pop(path, None)  # (a wrapper, or an append to what is not shown)
    return out


def shown_heredoc(path: str, text: str, texts: Mapping[str, str]) -> dict[str, str]:
    """`texts` after a `COPY <<EOF` wrote `text` at `path` (not a wrapper's: `_wrapper`)."""
    out = dict(texts)
    if not _wrapper(path, text):
        out[path] = text
    return out


def _wrapper(path: str, text: str) -> bool:
    """The script at `path` hands its arguments on to another program (`exec pip3 "$@"`), or
    stands in for a command the model reads by that command's name (`/usr/local/bin/pip`
    running `pip3 "$@"`): read in place of the command, it would lose them."""
    named = posixpath.basename(path) in MANAGERS or posixpath.basename(path) in _WRAPPED
    return bool(_EXECS_WITH_ARGUMENTS.search(text) or (named and _ARGUMENTS.search(text)))


_ARGUMENTS = re.compile(r"\$(?:@|\*|\{@\})")
_EXECS_WITH_ARGUMENTS = re.compile(rf"\bexec\s[^\n]*{_ARGUMENTS.pattern}")
# Commands the model reads whose names wrappers take (beside the managers' own)
_WRAPPED = frozenset(
    {"apt-get", "apt", "pip", "pip3", "python", "python3", "curl", "wget", "git", "sudo"}
)


def _unescaped(text: str) -> str:
    """`text` with the escapes echo (dash's) and printf read as characters: `\\n`, `\\t`."""
    return re.sub(r"\\([nt\\])", lambda m: {"n": "\n", "t": "\t", "\\": "\\"}[m[1]], text)


_HEREDOC_BLANKS = re.compile(r"(<<-?)[\t ]+")


def _is_heredoc_word(word: str, names: set[str]) -> bool:
    return word.lstrip("0123456789").replace("'", "").replace('"', "") in names


def _exec_argv(node: Node) -> list[str]:
    """An exec-form RUN's argv (`["/busybox/busybox", "sh", "-c", "..."]`: busybox's shell)."""
    argv = list(node.args)
    if len(argv) >= 2 and posixpath.basename(argv[0]) == "busybox" and argv[1] in SHELLS:
        return argv[1:]
    return argv


def _shell_script(argv: list[str]) -> int:
    """Where the script is in an exec-form RUN that hands one to a shell (`["sh", "-c",
    "..."]`, `["bash", "-lc", ...]`, `["sh", "-e", "-c", ...]`); 0 when it hands none."""
    if not argv or posixpath.basename(argv[0]) not in SHELLS:
        return 0
    at, options = 1, []
    while at < len(argv) and argv[at][:1] in ("-", "+") and argv[at] != "--":
        options.append(argv[at])
        # (`-o pipefail`, `-exo pipefail`: the option's value is the next word)
        takes_value = not argv[at].startswith("--") and argv[at][-1] in "oO"
        at += 2 if takes_value else 1
    takes = any(not o.startswith("--") and "c" in o for o in options)
    return at if takes and at < len(argv) else 0


def _quote(word: str) -> str:
    return (
        "'" + word.replace("'", "'\\''") + "'"
        if not word or any(c in word for c in " \t'\"$\\;&|<>()")
        else word
    )


def run_effects(
    instr: Instruction,
    files: Mapping[str, str] | None = None,
    home: str = "",
    homes: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
) -> RunEffects:
    """Split a RUN into commands and work out what each writes, removes, re-owns and unpacks.

    `files` holds the text of shell scripts an earlier COPY put in the image (image path ->
    text): a command that runs one is read as the script's commands (`/scripts/cleanup.sh`,
    `sh install.sh`, `. ./env.sh`).

    Repositories hold many Dockerfiles with the same RUN (one per variant or version), so the
    result is kept per script, directory, mounts and the variables the script can see.
    `home` is the home of the RUN's user when an earlier step showed it (`useradd -d /opt/app
    app`, the base image's `node` user for `USER 1000`); `homes`, the home of each user the
    steps before showed, for `~name` (one not shown is not known); `names`, the name a file an
    earlier COPY or ADD put in the image had before (`COPY Miniconda3-latest-Linux-x86_64.sh
    /tmp/install.sh`), where that says what it is.
    """
    scripts = run_scripts(instr)
    text = "\n".join(scripts)
    if "assemble" in text:
        # s2i's assemble, the builder image's or an override in /tmp/scripts that calls it,
        # where the build does not show it: it moves the sources the build put in /tmp/src into
        # the application directory, the working directory (its fix-permissions is left out:
        # where that directory is not known, `./` would be read as /)
        files = {**dict.fromkeys(_S2I_ASSEMBLERS, _S2I_ASSEMBLE), **(files or {})}
    if "rocker_scripts/install_" in text:
        # rocker-versioned2's own scripts, which its images keep in /rocker_scripts: each
        # installs with apt (updating only where no lists are there) and ends by removing the
        # lists and install2.r's downloads
        files = {**_rocker_scripts(text), **(files or {})}
    rooted = any(n in text for n in ("conda", "mamba", "spack", "-plugin", "jupyter"))
    # (and what the scripts it reads name: a Makefile's `ifdef CI`)
    read = "\n".join(files.values()) if files else ""
    seen = tuple(
        sorted(
            (k, v)
            for k, v in instr.env.items()
            if k in text
            or k in _ENV_READ
            # (PATH says which conda, spack, jupyter or search engine's plugin installer a
            # bare name runs, and which script)
            or ((rooted or files) and k == "PATH")
            # (and where a bare jupyter's application lies)
            or (rooted and k in ("CONDA_DIR", "JUPYTERLAB_DIR"))
            or (read and k in read)
        )
    )
    given = tuple(sorted(files.items())) if files else ()
    # (the homes matter to `~name`, to a command run as another user, `su ai -c ...`, and to
    # a user's new uid, which re-owns its home: `usermod -u 10500 oracle`)
    users = "~" in text or _SWITCH.search(text) or "usermod" in text
    # (and where the RUN's HOME is a user's, whose owner pip's check reads: `useradd
    # --home-dir /app app`, `ENV HOME=/app`, `HOME=/app pip install ...`)
    users = users or (
        bool(homes) and ("HOME=" in text or instr.env.get("HOME") in (homes or {}).values())
    )
    named = tuple(sorted(homes.items())) if homes and users else ()
    renamed = tuple(sorted(names.items())) if names else ()
    key = (
        *(text, instr.workdir, seen, instr.flags.get("mount", ()), instr.user, given, home),
        instr.shell,  # (bash expands `{a,b}`, /bin/sh may not)
        *(named, renamed),
    )
    found = _RUN_CACHE.get(key)
    if found is None:
        found = _RUN_CACHE[key] = _run_effects(
            scripts, instr, files or {}, home, dict(named), dict(renamed)
        )
    return found


def _rocker_scripts(text: str) -> dict[str, str]:
    """What rocker-versioned2's install scripts that `text` names do, by their paths."""
    return {
        f"/rocker_scripts/{name}": _ROCKER_SCRIPTS.get(name, "") + _ROCKER_CLEANUP
        for name in _ROCKER_SCRIPT.findall(text)
    }


_ROCKER_SCRIPT = re.compile(r"rocker_scripts/(install_\w+\.sh)")
_ROCKER_SCRIPTS = {
    "install_shiny_server.sh": (
        # (its apt_install updates the index only where no lists are there)
        'if [ "$(find /var/lib/apt/lists/* | wc -l)" = "0" ]; then apt-get update; fi\n'
        "apt-get install -y --no-install-recommends sudo gdebi-core libcurl4-gnutls-dev"
        " libcairo2-dev libxt-dev xtail wget\nwget --no-verbose https://download3.rstudio.org/"
        "ubuntu-18.04/x86_64/shiny-server-1.5.22.1017-amd64.deb -O ss-latest.deb\n"
        "gdebi -n ss-latest.deb\nrm ss-latest.deb\n"
    ),
}
_ROCKER_CLEANUP = "rm -rf /var/lib/apt/lists/*\nrm -rf /tmp/downloaded_packages\n"
_S2I_ASSEMBLERS = ("/usr/libexec/s2i/assemble", "/tmp/scripts/assemble")
_S2I_ASSEMBLE = "mv /tmp/src/* ./\n"
_RUN_CACHE: dict[tuple[object, ...], RunEffects] = {}
_SWITCH = re.compile(r"(?<![\w.-])(?:su|sudo|runuser|gosu|su-exec|setuser)(?![\w.-])")


def switches_user(text: str) -> bool:
    """The RUN's text may run a command as another user (`su app -c`, `sudo -u`, gosu)."""
    return _SWITCH.search(text) is not None


_ENV_READ = frozenset(
    {name for names in _CACHE_VARS.values() for name, _ in names}
    | {name for names in _NO_CACHE_VARS.values() for name in names}
    | {"PIP_FIND_LINKS", "UV_FIND_LINKS", "PIP_YES"}
    # (and what else the model reads of the environment, whether the RUN names it or not:
    # HOME, where every cache in ~ lands)
    | {"HOME", "USER", "CONDA_PREFIX", "GOFLAGS", "GOPROXY", "IPE_KEEP_SYSPKG_CACHE"}
    | {"IPE_DONT_ENABLE", "BUNDLE_DEPLOYMENT", "UV_PROJECT_ENVIRONMENT"}
    | {"KEEP_ZSHRC", "MAVEN_OPTS", "NPM_CONFIG_PREFIX", "PGDATA", "RUSTUP_HOME", "SBT_VERSION"}
    | {"SPACK_ROOT", "DESTDIR", "NPM_CONFIG_PACKAGE_LOCK", "npm_config_package_lock"}
    | {"POETRY_VIRTUALENVS_CREATE", "POETRY_VIRTUALENVS_IN_PROJECT", "POETRY_VIRTUALENVS_PATH"}
    | {"VIRTUAL_ENV", "NODE_ENV", "npm_config_production", APT_KEEPS, APT_KEEP_SETTING}
    | {"PYENV_ROOT"}
)


def _run_effects(
    scripts: list[str],
    instr: Instruction,
    texts: Mapping[str, str],
    home: str = "",
    homes: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
) -> RunEffects:
    commands: list[Command] = []
    user_home = _home(instr, home)
    # (the shell has HOME, as the user's: `cd $HOME && curl -O ...` works there)
    env = instr.env if "HOME" in instr.env else {**instr.env, "HOME": user_home}
    symbols = _base_symbols("\n".join(scripts), instr)
    if symbols:
        env = {**symbols, **env}
    # (`SHELL ["/bin/bash", "-c"]`, `RUN ["bash", "-c", "..."]`: bash expands `{a,b}`)
    argv = _exec_argv(instr.node) if instr.node.json_form else []
    braces = (posixpath.basename(argv[0]) if argv else instr.shell) in _BRACE_SHELLS
    for script in scripts:
        commands.extend(split_commands(script, instr.workdir, env, braces=braces))
    mounted = tuple(
        resolve(
            expand(m.get("target", m.get("dst", m.get("destination", ""))), instr.env) or "/",
            instr.workdir,
        )
        for m in instr.mounts()
        if m.get("type") in ("cache", "tmpfs")
    )
    ops: list[Op] = []
    files: list[str] = []
    blind = False
    unread_at: set[str] = set()  # where the programs that made it blind ran or were pointed
    service_state: set[str] = set()  # where the services this RUN started keep their state
    ran: set[str] = set()  # the scripts not written here that this RUN ran, by their paths
    generated = False  # an interpreter ran, which may have written the scripts run after it
    users: list[NewUser] = []
    exported: dict[str, str] = {}  # what `export X=1` and `pip config set` set for later commands
    home_exported_as = user_home  # (the home of the user whose shell exported HOME)
    # (`commands` stays what the RUN says; what it does includes the scripts it runs.)
    known_homes = {**_SYSTEM_HOMES, "root": "/root", **(homes or {})}
    tilde = any("~" in t for t in (*scripts, *texts.values()))
    # (An ENV HOME with no USER says the base image's user more often than root: jupyter's;
    # not where the steps showed that user to be root, `home` "/root": the ENV names the home
    # of a user this file added.)
    named_user = instr.user.split(":", 1)[0]
    # (and not where it switches to another user, `su app -c "pip install --user x"`)
    switches = any(
        c.words and posixpath.basename(c.words[0]) in (*_SWITCHERS, "sudo", "su", "runuser")
        for c in commands
    )
    as_root = named_user in ("root", "0") or (
        not named_user and ("HOME" not in instr.env or (home == "/root" and not switches))
    )
    saved = dict(names or {})  # image path -> the name the file was fetched or copied under
    fetched: dict[str, str] = {}
    # vendor install scripts saved, which run apt update (known by their address in a later RUN)
    vendor_scripts = {p for p, n in saved.items() if apt_script(n)}
    before: Command | None = None  # (the command before, which may pipe to this one)
    # (the commands a shell runs what they print: `curl -fsSL URL | bash -`, or substituted,
    # `bash -c "$(curl -fsSL URL)"`, `bash <(curl -fsSL URL)`, which the shell comes before; not
    # `curl -fsSL URL && apt-get install -y nodejs`, which only prints the script)
    fed = {
        (c.line, c.words)
        for at, (p, c) in enumerate(zip([None, *commands], commands, strict=False))
        if _FETCHERS & {posixpath.basename(w) for w in c.words}
        and (_shell_after(commands[at + 1 :]) or (p is not None and _substituted_into(c, p)))
    }
    listed = {(c.line, c.words) for c in commands}
    # build directory -> the prefix its configure was given (here, or in an earlier RUN)
    prefixes: dict[str | None, str] = {
        d.removeprefix(CONFIGURED): p for d, p in saved.items() if d.startswith(CONFIGURED)
    }
    unknown_here = False  # (this RUN configured a build for a prefix it does not show)
    phpized: set[str | None] = set()  # (the directories phpize made a PHP extension's build)
    for command, runs_as in _run_as(commands, texts, instr, user_home, known_homes):
        spelled = (*command.words, *(r.target for r in command.redirects))
        if tilde and any(w.startswith("~") and w[1:2] not in ("", "/") for w in spelled):
            command = _tilde_users(command, known_homes)
        now = {**instr.env, **exported} if exported else instr.env  # (what this command sees)
        # (a HOME given to the command itself, or exported before it, is where its caches land,
        # `HOME=/tmp npm install`; not the JVM's, whose home is the account's; not where su,
        # sudo or gosu switched users, which set the user's own)
        switched = posixpath.basename(command.words[0]) in (*_SWITCHERS, "sudo", "su", "runuser")
        exported_home = (
            exported.get("HOME", "") if runs_as == home_exported_as and not switched else ""
        )
        given_home = dict(command.assignments).get("HOME", "") or exported_home
        home_given = given_home.startswith("/") and "$" not in given_home
        if any(
            "configure" in w or "cmake" in w or "meson" in w or w.endswith(("/config", "Configure"))
            for w in command.words[:2]
        ) and ((prefix := _configured_prefix(command)) is not None):
            # (cmake's in the build directory it is told, `-B build`: where `cmake --install
            # build` and a make there install)
            # (not `-DCMAKE_BUILD_TYPE=...`, whose letters hold a B: cmake's options join no
            # clusters)
            build = (
                next(
                    (
                        w[2:] or n
                        for w, n in itertools.pairwise((*command.words, ""))
                        if w.startswith("-B")
                    ),
                    None,
                )
                if "cmake" in command.words[0]
                else _meson_build_dir(command.words)
                if posixpath.basename(command.words[0]) in ("meson", "muon")
                else None
            )
            where = resolve_path(build, command.cwd) if build else command.cwd
            prefixes[where] = prefix
            unknown_here = unknown_here or prefix == UNKNOWN_PREFIX
            if where:
                fetched[CONFIGURED + where] = prefix  # (for a make install in a later RUN)
        # (a command of a script the RUN runs, `sh -c 'curl ... | bash -'`, as it says)
        feeds = (command.line, command.words) in fed or (command.line, command.words) not in listed
        if posixpath.basename(command.words[0]) == "phpize":
            phpized.add(command.cwd)
        for found in _ops(command, now, saved, before, known_homes, feeds):
            if found.family == "make" and found.role == INSTALL and command.cwd in phpized:
                # (a PHP extension's: the module into PHP's extension directory, and its
                # headers, whichever PHP's prefix is; nothing of the GNU prefix's etc or bin)
                found = found._replace(paths=_PHP_EXTENSION_TREES)
            elif found.family == "make" and found.role == INSTALL:
                found = _installed_under_prefix(found, command, prefixes, unknown_here)
            home_of = (
                posixpath.normpath(given_home)
                if home_given and found.family not in _JVM_HOMES
                else runs_as
            )
            # (a cache a variable placed, `. /usr/local/rvm/scripts/rvm`, stays where it says)
            placed = found.role == CACHE and any(
                n in instr.env or n in exported for n, _ in _CACHE_VARS.get(found.family, ())
            )
            root = (as_root and runs_as == user_home) or placed
            if found.kind == REMOVE and any(p.startswith(YARN_ASKED) for p in found.paths):
                # (`rm -rf $(yarn cache dir)/*`: yarn 1 answers with the cache of the user the
                # shell runs as, root's outside its home whatever HOME says)
                asked = (
                    _YARN_ROOT_CACHE
                    if root or home_of == "/root"
                    else home_of.rstrip("/") + _ROOT_CACHES[(_YARN_ROOT_CACHE,)]
                )
                found = found._replace(
                    paths=tuple(
                        asked + p[len(YARN_ASKED) :] if p.startswith(YARN_ASKED) else p
                        for p in found.paths
                    )
                )
            # (or where a variable placed it in that home, as XDG_CACHE_HOME on Jupyter's; not in
            # another directory, which root may own: a WORKDIR /home/app of no user app)
            placed_in = [g for g in _given(found, now) if covers(home_of, g)]
            if (
                found.family == "pip"
                and found.role == CACHE
                and root
                and (placed_in or not placed)
                and _a_users_home(home_of, homes or {})
                and (named_user in ("root", "0") or (as_root and (home_given or home == "/root")))
                # (not where root made the way to the cache first, `mkdir -p ~/.cache`: the
                # nearest directory there is root's, and pip keeps its cache; Jupyter's images,
                # whose XDG_CACHE_HOME is the user's ~/.cache, make it the user's, and a cache
                # root writes inside it leaves it so)
                and not any(
                    o.kind == WRITE and on_the_way(p, home_of, _cache_home(instr.env, home_of))
                    for o in ops
                    for p in o.paths
                )
            ):
                # pip run by root finds its cache in a home another user owns and turns it off
                # (its owner check: `USER root` on a Jupyter image keeps HOME=/home/jovyan)
                continue
            if (
                found.family == "vscode"
                and found.tool in _VSCODE_DESKTOP
                and home_of == "/root"
                and "--user-data-dir" not in found.command
            ):
                continue  # (VS Code's desktop CLI run as root refuses to, without a data dir)
            op = (
                _rehome(found, home_of, root, _given(found, now), command.cwd)
                if home_of != "/root"
                else found
            )
            if op.role == CACHE and op.family == "pip" and not as_root and _plain_sudo(command):
                op = op._replace(by_sudo=True)
            if op.kind == WRITE and op.role == CACHE and len(op.paths) > 1 and yum_caches(op):
                # (yum's, one or the other as the base says: the one a mount keeps is gone)
                op = op._replace(
                    paths=tuple(p for p in op.paths if not any(covers(m, p) for m in mounted))
                )
                if not op.paths:
                    continue
            if (
                op.kind == WRITE
                and op.role == CACHE
                and any(
                    covers(m, p) or (op.family == "apk" and m == _APK_CACHE_DIR)
                    for m in mounted
                    for p in op.paths
                )
            ):
                continue  # a cache mount keeps it out of the layer
            if op.kind == WRITE and mounted and op.paths:
                # (so it does whatever lands below it: `--mount=type=cache,target=/app/frontend/
                # node_modules ... yarn install` leaves node_modules in the mount alone)
                outside = tuple(p for p in op.paths if not any(covers(m, p) for m in mounted))
                if not outside:
                    continue
                op = op._replace(paths=outside)
            if op.kind == REMOVE and op.family == "conda":
                # `conda clean` empties the pkgs/ of the conda on PATH, which a conda installer
                # earlier in this RUN may have put anywhere (`-p ~/miniconda`).
                own = [p for o in ops if o.role == CACHE and o.family == "conda" for p in o.paths]
                op = op._replace(paths=tuple(dict.fromkeys((*op.paths, *own))))
            if op.kind == REMOVE and "$" in "".join(op.paths):
                # (`rm -rf $GEM_HOME/cache` where GEM_HOME's value is not known: the cache
                # of this RUN's install, wherever the variable puts it)
                named = [
                    c
                    for o in ops
                    if o.role == CACHE
                    # (not a user's own gem directory, which GEM_HOME does not name)
                    and "--user-install" not in o.command.split()
                    for name, suffix in _CACHE_VARS.get(o.family, ())
                    if any(
                        p.endswith((f"${name}{suffix}", f"${{{name}}}{suffix}")) for p in op.paths
                    )
                    for c in o.paths
                ]
                op = op._replace(paths=(*op.paths, *named)) if named else op
            gem_home = env.get("GEM_HOME", "").rstrip("/")
            if op.kind == REMOVE and any(_gem_cache(p, gem_home) for p in op.paths):
                # `bundle config set path vendor` may have moved the gem dir in an earlier RUN:
                # removing a gem dir's cache/ after an install here is that install's cleanup.
                # (Not `gem install`'s under a GEM_HOME the ENV shows: the ruby image's
                # /usr/local/bundle/cache stays after `rm /usr/lib/ruby/gems/*/cache/*.gem`.)
                placed = "GEM_HOME" in env
                caches = [o for o in ops if o.role == CACHE and o.family == "gem"]
                # (nor bundle's under a BUNDLE_PATH this RUN sees: `ENV BUNDLE_PATH=vendor/bundle`,
                # then `bundle install && rm -rf /usr/local/bundle/cache` leaves its own)
                bundled = "BUNDLE_PATH" in now or "BUNDLE_PATH" in dict(command.assignments)
                stays = {
                    c
                    for o in caches
                    if (placed and o.tool == "gem" and "--user-install" not in o.command)
                    or (o.tool == "bundle" and (bundled or _bundle_path_given(o.command)))
                    # (a user's own gem directory, which no gem dir's cache/ names: `gem install
                    # --user-install x && rm -rf $(gem env gemdir)/cache`)
                    or (
                        "--user-install" in o.command.split()
                        and not any(_IN_HOME.match(p) for p in op.paths)
                    )
                    for c in o.paths
                    if not any(
                        inside(p, c) or covers(p, c) or path_overlaps(p, c) for p in op.paths
                    )
                }
                # (bundle's, where it is that GEM_HOME too, stays with gem's: `gem install
                # bundler; bundle install; rm -rf vendor/bundle/ruby/*/cache`)
                gems = [c for o in caches for c in o.paths if c not in stays]
                # (not when it names a user's own gem directory and the install's cache lies
                # elsewhere: `sudo gem install x && rm -rf /home/fluent/.gem/ruby/*/cache`)
                removed = [p for p in op.paths if _gem_cache(p, gem_home)]
                owned = {"/".join(p.split("/")[:3]) + "/" for p in removed if _IN_HOME.match(p)}
                if owned and all(_IN_HOME.match(p) for p in removed):
                    # (and of that home, the gem directory it names: ~/.gem, not RubyGems 3.2's
                    # ~/.local/share/gem)
                    gems = [c for c in gems if any(covers(c, p) or inside(p, c) for p in removed)]
                op = op._replace(paths=(*op.paths, *gems))
            if op.kind in (REMOVE, CHOWN) and any(_BRACE_LIST.search(p) for p in op.paths):
                # (`rm -rf ~/.cargo/{git,registry}`: /bin/sh reads one name no layer wrote, bash
                # two; neither is known to be there)
                op = op._replace(paths=tuple(p for p in op.paths if not _BRACE_LIST.search(p)))
            if op.kind in (REMOVE, CHOWN) and any(_WHITEOUT.match(p) for p in op.paths):
                # (`rm -rf .../site-packages/.wh*`: whiteouts are marks in a layer's archive, never
                # files a RUN sees; the name matches nothing)
                op = op._replace(paths=tuple(p for p in op.paths if not _WHITEOUT.match(p)))
            if op.kind in (REMOVE, CHOWN) and command.each:
                # (`rm -rf /opt/$name` where name is each archive's less its suffix: not the
                # archives the wildcard it stands for takes there; `/opt/$name.tar.gz` is each
                # of them, `/srv/$name` each tree an earlier loop unpacked)
                each = [
                    (resolve_path(w, command.cwd), resolve_path(source, command.cwd) or source)
                    for w, source in command.each
                ]
                remaining = tuple(
                    p for p in op.paths if not any(p == w != s and covers(p, s) for w, s in each)
                )
                op = op._replace(paths=remaining)
                if not op.paths:
                    continue
            if op.kind == REMOVE and command.guarded:
                # (`if [[ -x /usr/local/bin/aws ]]; then mv /usr/local/bin/aws ...`: the author
                # does not know what is there either; only a layer known to have written the
                # path itself counts. Not for a change of mode or owner, which finds what is
                # there, tested or allowed to fail: `COPY scripts/ scripts/`, then `chmod +x
                # scripts/*.sh || true`, or `[ -d /etc/cont-init.d ] && chmod -R 755 ...`)
                op = op._replace(blind=True)
            if (
                op.kind == WRITE
                and op.tool == "mv"
                and op.entry == FILE
                and ops
                and ops[-1].kind == REMOVE
                and ops[-1].tool == "mv"
                and any(
                    o.kind == WRITE and o.entry in (DIR, TREE) and src in o.paths
                    for o in ops
                    for src in ops[-1].paths
                )
            ):
                # (a directory this RUN made, moved: `mkdir lib.new && mv lib.new lib` lands it
                # inside lib when lib is there)
                op = op._replace(entry=TREE)
            if op.kind == REMOVE and op.role == EDITED:
                # (the backup an edit keeps, `sed -ir ... f` after `sed -ri ... f`, of a file
                # this RUN wrote: its own bytes again, nothing an earlier layer held)
                kept = tuple(
                    p for p in op.paths
                    if not any(o.kind == WRITE and o.tool in _EDITORS and p in o.paths for o in ops)
                )  # fmt: skip
                if not kept:
                    continue
                op = op._replace(paths=kept)
            if op.kind == REMOVE and any(covers(m, p) for m in mounted for p in op.paths):
                # (`--mount=type=cache,target=/opt/conda/pkgs ... conda clean -afy`: what it
                # empties there is the mount's, never the layers' below it)
                kept = tuple(p for p in op.paths if not any(covers(m, p) for m in mounted))
                if not kept:
                    continue
                op = op._replace(paths=kept)
            # (`bash /scripts/setup.sh && rm /scripts/setup.sh`: the script was there before
            # it ran, whatever it did; an earlier layer wrote it)
            # (and a file: `rm -f` of it takes what was there, not a name that may be missing)
            ran_only = op.kind == REMOVE and bool(op.paths) and set(op.paths) <= ran
            op = op._replace(file_hint=True) if ran_only else op
            # (and so a directory holding such a script: `bash /etc/s6/a/run && rm -rf
            # /etc/s6/a` takes the script at least, whatever the script made beside it)
            ran_inside = (
                op.kind == REMOVE
                and bool(op.paths)
                and all(any(covers(p, r) for r in ran) for p in op.paths)
            )
            # (a service or a database client run before writes its state and logs alone:
            # `service apache2 restart && rm /var/www/html/index.html` removes the base's page)
            unsure = blind or any(covers(d, p) for d in service_state for p in op.paths)
            if unsure and not ran_inside:
                at = () if op.blind else tuple(sorted(unread_at | service_state))
                op = op._replace(blind=True, unread_at=at)
            if ran_inside and not ran_only and any(is_glob(p) for p in op.paths):
                # (and by a wildcard, first the scripts it ran that match, which were there:
                # `ADD root/ /`, then `/tmp/get_s6-overlay.sh && rm -rf /tmp/*`)
                taken = tuple(r for r in sorted(ran) if any(covers(p, r) for p in op.paths))
                ops.append(op._replace(paths=taken, file_hint=True))
            ops.append(op)
            if op.kind == WRITE and op.tool in ("curl", "wget") and len(op.paths) == 1:
                # (`curl -o /tmp/install.sh .../Miniconda3-latest-Linux-x86_64.sh`)
                spoken = _SUBSTITUTION.sub("$_", op.command).split()
                url = _url_name([w for w in spoken if "://" in w])
                saved.update({op.paths[0]: url} if url else {})
                if top := _github_top(op.command):
                    # (a GitHub archive holds one directory, REPO-REF: the top a tar of the
                    # file unpacks, here or in a later RUN)
                    saved[_GITHUB_SAVED + op.paths[0]] = fetched[_GITHUB_SAVED + op.paths[0]] = top
                if url and url != posixpath.basename(op.paths[0]):
                    fetched[op.paths[0]] = url
                if zsh := _OH_MY_ZSH.search(op.command):
                    saved[op.paths[0]] = fetched[op.paths[0]] = zsh.group()
                vendor = apt_script(op.command)
                if vendor is not None:
                    # (run below, `./nodejs-install.sh`, or by a later RUN, which knows it so)
                    vendor_scripts.add(op.paths[0])
                    fetched[op.paths[0]] = vendor
            if op.kind == WRITE and op.entry == FILE and op.content != EMPTY:
                files.extend(op.paths)
            elif op.kind == REMOVE:
                files = [f for f in files if not any(covers(p, f) for p in op.paths)]
        tool, words = tool_and_args(command)
        if (
            vendor_scripts
            and (script_at := _path(_script_word(tool, words), command) or "") in vendor_scripts
            and "--dry-run" not in words
            # (not into a cache mount: `--mount=type=cache,target=/var/lib/apt/lists`)
            and not any(covers(m, "/var/lib/apt/lists") for m in mounted)
        ):
            label = fetched.get(script_at) or saved.get(script_at, "")
            ops.extend(
                _vendor_script_caches(tool, apt_script(label) or "", " ".join(command.words))
            )
        given = exports(command)
        for name, _ in _SOURCED_HOMES.values():
            if name in given and (name in instr.env or name in exported):
                del given[name]  # (it is set: the script keeps it)
        exported.update(given)
        if "HOME" in given:
            home_exported_as = runs_as  # (`su app -c 'export HOME=/tmp && ...'`: its own)
        if tool in ("useradd", "adduser") and (user := _new_user(tool, words)) is not None:
            users.append(user)
            known_homes[user.name] = user.home
        elif tool == "usermod" and (user := _new_home(words)) is not None:
            # (`usermod -m -d /srv/app app`: the home the RUNs after it run in, as passwd says)
            users.append(user)
            known_homes[user.name] = user.home
        # (`env`, `sudo` or `time` with no program to run: they print, or do nothing)
        modelled = (
            tool in _MODELLED
            or (tool == "svn" and (_svn_checkout(words) or _svn_rewrites(words)) is not None)
            or (tool in ("patch", "crudini") and bool(_edited_in_place(tool, words)))
            or bool(_SET_PERMISSIONS.fullmatch(_script_of(tool, words)[0]))
            or _r_installs_only(tool, words)
            or _composer_installer(tool, words)
            or _mix_builds(tool, words)
            or _mix_local(tool, words)
        )
        if tool and not modelled and tool not in _BUILDERS and not _reconfigured(words):
            cwd = (command.cwd,) if command.cwd else ()
            # (a script not read whose name says it cleans: `/scripts/sys/purge_cache.sh`)
            name = posixpath.basename(tool).lower()
            # (not one that installs first: `apt-install-and-clear` may clean the archives only)
            role = (
                CLEANUP
                if (_CLEANUP_NAME.search(name) and "install" not in name) or name in _CLEAN_INSTALLS
                else ""
            )
            ops.append(Op(EXEC, tool, cwd, " ".join(command.words), role=role, blind=blind))
            if (state := _SERVICES.get(posixpath.basename(tool))) is not None:
                service_state.update(state)
            else:
                blind = True
                unread_at.update(_pointed_at(command))
            ran_word = (
                next((w for w in words[1:] if not w.startswith("-")), "")
                if posixpath.basename(tool) in INTERPRETERS
                else _script_word(tool, words)
            )
            executed = _path(ran_word, command)
            # (not one this RUN wrote first, a download run, nor one an interpreter it ran
            # before may have written: `python tools/codegen.py --out gen/ && python
            # gen/bootstrap.py`; scripts run one after another are each there: `init.sh &&
            # clean.sh`)
            written = any(executed in o.paths for o in ops if o.kind == WRITE)
            if executed and not written and not generated:
                ran.add(executed)
            generated = generated or posixpath.basename(tool).startswith(_INTERPRETER_NAMES)
        elif tool in (".", "source") and len(words) > 1:
            # (a file the shell reads, `. /tmp/env.sh`, was there, as a script it runs is)
            sourced = _path(words[1], command)
            if sourced and not any(sourced in o.paths for o in ops if o.kind == WRITE):
                ran.add(sourced)
        before = command
    files.extend(_distributions(ops, _piped_in_order(commands), names or {}, instr.workdir))
    ops = _edited_by_name(ops) if any(o.kind == _NAME_EDITS for o in ops) else ops
    ops = _ivy_sbt(ops) if any(o.family == "sbt" and o.role == CACHE for o in ops) else ops
    ops = _links_replaced(ops) if any(o.tool == "ln" for o in ops) else ops
    ops = _tops_found(ops) if any(_SPELLED_TOP.search(p) for o in ops for p in o.paths) else ops
    ops = _directories_made_anew(
        _extractions_taken_back(
            _installers_used_up(_archives_consumed(_caches_emptied_by_name(ops)))
        )
    )
    if any(_installs_built(c) for c in commands):
        # (the local repository an `mvn install` keeps for later builds keeps what the RUN's
        # other Maven runs fetched too, `mvn clean install && cp target/*.war ... && mvn
        # clean`: no cache left behind, but the repository's bytes, which a later removal takes)
        ops = [o._replace(role="") if o.role == CACHE and o.family == "maven" else o for o in ops]
    if user_home == "/" and "HOME" not in instr.env and instr.user.split(":", 1)[0] != "root":
        # (`USER 1000` with no such user: HOME is /, which it cannot write; pip disables its
        # cache, and no other cache of the home is made, unless an earlier step made the
        # cache's directory there, `mkdir /.composer && chown nobody /.composer`)
        homeless = [o for o in ops if o.role == CACHE and all(_in_root_home(p) for p in o.paths)]
        ops = [
            o._replace(when=_root_home_dir(o.paths[0])) if o in homeless else o
            for o in ops
            if o not in homeless or (o.family != "pip" and o.paths)
        ]
    if instr.node.json_form and not _shell_script(_exec_argv(instr.node)):
        # (`RUN ["rm", "-rf", "/var/lib/apt/lists/*"]`: no shell expands the wildcard, and no
        # file has that name: it removes nothing)
        ops = [o._replace(paths=tuple(p for p in o.paths if not is_glob(p))) for o in ops]
        ops = [o for o in ops if o.paths or o.kind not in (REMOVE, CHOWN, TOUCH)]
    return RunEffects(
        tuple(commands), tuple(ops), tuple(files), tuple(sorted(texts.items())), tuple(users), home,
        tuple(sorted((homes or {}).items())), tuple(sorted(fetched.items())), tuple(sorted(ran)),
    )  # fmt: skip


def _installs_built(command: Command) -> bool:
    """Maven's or Leiningen's install of what it built (`mvn clean install`, `mvn
    install:install-file`): the local repository is kept for the builds after it."""
    tool, words = tool_and_args(command)
    tool = posixpath.basename(tool)
    return (tool.startswith("mvn") or tool == "lein") and _installs(words)


def _installs(words: Sequence[str]) -> bool:
    """A Maven goal (or Leiningen task) is `install`, not an option's value (`-P install`)."""
    goals = _operands(tuple(words), _MAVEN_VALUES)
    return any(w == "install" or w.startswith("install:") for w in goals)


# Maven's options whose value is the next word (`-P docker`, `-pl module`, `-f x/pom.xml`)
_MAVEN_VALUES = frozenset(
    {"-P", "--activate-profiles", "-pl", "--projects", "-f", "--file", "-s", "--settings"}
    | {"-gs", "--global-settings", "-t", "--toolchains", "-rf", "--resume-from", "-T"}
    | {"--threads", "-l", "--log-file", "-D", "--define", "-b", "--builder"}
)


def _root_home_dir(path: str) -> str:
    """The dot directory right below / that `path` lies in (`/.composer` of
    `/.composer/cache`), '' for none."""
    return "/" + path.lstrip("/").split("/", 1)[0] if _in_root_home(path) else ""


def _in_root_home(path: str) -> bool:
    """`path` is in a home that is / (`//.cache/pip`): a dot directory right below /."""
    return path.lstrip("/").startswith(".")


def _base_symbols(text: str, instr: Instruction) -> dict[str, str]:
    """The directories a RUN names by a variable the Dockerfile does not set: one only the base
    image's ENV sets (`chown -R tomcat "${CATALINA_HOME}"` on a vendor's tomcat) or an ARG
    without a default. Each stands for itself by its name as `from_the_base` has it for a COPY
    (`/$CATALINA_HOME`): what the COPY wrote there and what the RUN changes there meet. Only a
    name like a directory's (`*_HOME`, `*_DIR`, ...), or one each use of which starts a path,
    that no ENV or assignment in the RUN sets, in a RUN that sources no script (which may set
    it)."""
    if "$" not in text or _SOURCES_A_SCRIPT.search(text):
        return {}
    uses = _uses(text)
    named = {n for n in _DIRECTORY_VARIABLE.findall(text) if ".." not in uses.get(n, ())}
    named = named - set(instr.env) | {
        # (or any name each use of which starts a path, one a path below it or `cd`'s: `chmod
        # -R +x $RESOURCES_PATH/scripts`; not an address, `wget $WEBLOGIC_URL/wls.jar`)
        name
        for name, after in uses.items()
        if None not in after
        and ".." not in after
        and name not in instr.env
        and name not in _SHELL_VARIABLES
        and not _NOT_A_DIRECTORY.search(name)
        and ("/" in after or re.search(rf"\bcd\s+[\"']?\${{?{name}\b", text))
        and not any(_FETCHER.search(part) for part in _segments_using(name, text))
    }
    return {
        name: "/$" + name
        for name in sorted(named)
        # (set by the RUN: `X=1`, `for X in`, `export X`; not a use, `export PATH=${X}/bin`)
        if not re.search(
            rf"\b{name}=|\b(?:read|for|export|local|declare)\b[^;&|\n]*?(?<![\w${{]){name}\b",
            text,
        )
    }


_DIRECTORY_VARIABLE = re.compile(
    r"\$\{?([A-Z][A-Z0-9_]*_(?:HOME|BASE|DIR|ROOT|PREFIX|SCRIPTS|FOLDER))\b"
)
_SOURCES_A_SCRIPT = re.compile(r"(?:^|[\s;&|(])(?:source|\.)\s+\S")
# A use of an upper-case variable: `$NAME`, `${NAME}`, `${NAME:-x}`.
_VARIABLE_USE = re.compile(r"\$(\{)?([A-Z][A-Z0-9_]*)\b(\})?")


def _uses(text: str) -> dict[str, list[str | None]]:
    """Each variable's uses: what follows one that starts a path as a word of its own (`/`, a
    blank, a quote, the end), `..` for one a path climbs above (`$X/..`), None for any other
    (`app-$V.zip`, `${X:-/opt}`)."""
    out: dict[str, list[str | None]] = {}
    for use in _VARIABLE_USE.finditer(text):
        start, end = use.span()
        after = text[end : end + 1]
        root = (
            (start == 0 or text[start - 1] in " \t\n\"'=")
            and (use[1] is None) == (use[3] is None)
            and after in ("", *"/ \t\n\"';&|)")
        )
        if text[end : end + 3] == "/..":
            after = ".."  # (`cd $APP_HOME/..`: a place above it, not known)
        out.setdefault(use[2], []).append(after if root or after == ".." else None)
    return out


# What the shell or the runtime sets, never the base image's ENV alone.
_SHELL_VARIABLES = frozenset(
    {"HOME", "PWD", "OLDPWD", "USER", "LOGNAME", "SHELL", "HOSTNAME", "PATH", "IFS", "UID"}
    | {"EUID", "PPID", "RANDOM", "LINENO", "SECONDS", "OSTYPE", "HOSTTYPE", "MACHTYPE", "TERM"}
)


_NOT_A_DIRECTORY = re.compile(r"URL|URI|HOST|MIRROR|REGISTRY|SERVER|VERSION|TAG|REPO")
# Commands whose operands are addresses (`curl -O ${BASE}/g/gcc.deb`).
_FETCHER = re.compile(r"\b(?:curl|wget|git|aria2c|axel|svn)\b")


def _segments_using(name: str, text: str) -> list[str]:
    """The pieces of `text` between command separators that use `name`."""
    return [p for p in re.split(r"[;&|\n]", text) if re.search(rf"\${{?{name}\b", p)]


def _archives_consumed(ops: list[Op]) -> list[Op]:
    """A program we do not read, then `rm` of archives: the program used them (`./unzip_plugins.sh
    && rm /tmp/*.zip`, `/tmp/install-sqlcl.sh && rm /tmp/sqlcl-*.zip`), as a command that
    unpacks them by name would."""
    out: list[Op] = []
    ran = False
    for op in ops:
        if op.kind == EXEC and op.role != CLEANUP:
            ran = True
        elif op.kind == UNPACK:
            ran = False  # (what unpacked them is shown: `unzip x.zip && rm x.zip`)
        if ran and op.kind == REMOVE and op.tool == "rm":
            archives = tuple(p for p in op.paths if is_archive(p) and "$" not in p)
            if archives:
                out.append(Op(UNPACK, op.tool, archives, op.command, blind=True))
        out.append(op)
    return out


_INSTALLER_NAME = re.compile(
    r"install|setup|^(?:jdk|jre|j2sdk|j2re)[-_.\d]|(?:jdk|jre|sdk)(?:[-_]?\d|[-_]linux|[-_]r\d)",
    re.IGNORECASE,
)
# An installer's unattended mode (InstallAnywhere's `-i silent`, `--mode unattended`, and
# install4j's answers file, `-q -varfile response.varfile`: Atlassian's installers)
_UNATTENDED_RUN = re.compile(
    r"\s(?:-i\s+silent|--?silent|--mode[\s=]+unattended|-varfile\s+\S+)(?:\s|$)",
    re.IGNORECASE,
)


def names_an_installer(path: str) -> bool:
    """`path` names a self-extracting installer (`QuartusSetup-13.1.4.182.run`, `jdk-6u45-linux
    -x64.bin`)."""
    name = posixpath.basename(path)
    # (NVIDIA's runfiles: `cuda_12.2.0_535.54.03_linux.run`, `NVIDIA-Linux-x86_64-535.run`)
    nvidia = name.endswith(".run") and name.startswith(("cuda_", "NVIDIA-Linux-"))
    return nvidia or (name.endswith((".bin", ".run")) and bool(_INSTALLER_NAME.search(name)))


def python_install_trees(op: Op) -> tuple[str, ...]:
    """The trees a pip, uv or conda install `op` wrote its packages in: a virtual
    environment's pip its environment alone, `pip install --target DIR` that directory (none
    where it is relative), else the op's own trees."""
    words = tuple(op.command.split())
    target = _option_value(words, "-t", "--target") if op.family in ("pip", "uv") else None
    if target:
        return (target,) if target.startswith("/") else ()
    venv = posixpath.dirname(posixpath.dirname(words[0])) if "/bin/" in words[0] else ""
    return (venv,) if venv and not venv.startswith("/usr") else op.paths


def _caches_emptied_by_name(ops: list[Op]) -> list[Op]:
    """`ops`, a removal of the packages apt downloaded by name (`rm -f
    /var/cache/apt/archives/*.deb`, what docker-clean itself runs) emptying those archives, and
    one of apk's indexes by name (`rm -r /var/cache/apk/APKINDEX.*`) emptying its cache, which
    holds nothing else where no cache directory is set up for packages."""
    out = []
    # (`ln -s /var/cache/apk /etc/apk/cache`: apk keeps each package it fetched there too)
    apk_keeps = any(o.kind == WRITE and _APK_CACHE_LINK in o.paths for o in ops)
    for op in ops:
        out.append(op)
        if op.kind != REMOVE:
            continue
        if any(
            posixpath.dirname(p) == APT_ARCHIVES
            and fnmatch.fnmatchcase("x.deb", posixpath.basename(p))
            for p in op.paths
        ):
            out.append(Op(REMOVE, op.tool, (APT_ARCHIVES,), op.command, family="apt-archives"))
        if not apk_keeps and any(
            posixpath.dirname(p) == _APK_CACHE
            and fnmatch.fnmatchcase("APKINDEX.0a1b2c3d.tar.gz", posixpath.basename(p))
            for p in op.paths
        ):
            out.append(Op(REMOVE, op.tool, (_APK_CACHE,), op.command))
    return out


_APK_CACHE = "/var/cache/apk"
_APK_CACHE_LINK = "/etc/apk/cache"


def _installers_used_up(ops: list[Op]) -> list[Op]:
    """`ops` less the runs of a `.bin` the RUN keeps: a self-extracting installer is run and
    removed (`./jdk-6u45-linux-x64.bin && rm jdk-6u45-linux-x64.bin`), or named for what it is
    (`agent64_install.bin`, `setup.bin`); a program that stays (Nuitka's `app.bin`, a Go binary)
    unpacks nothing."""
    kept = []
    for at, op in enumerate(ops):
        if op.kind == UNPACK and op.program and op.paths and op.paths[0].endswith(".bin"):
            named = _INSTALLER_NAME.search(posixpath.basename(op.paths[0]))
            # (not one asked its version: `nrf-sdk-linux.bin --version`, a program kept)
            asked = set(op.command.split()[1:]) <= _QUESTIONS and len(op.command.split()) > 1
            if (named and not asked) or _UNATTENDED_RUN.search(op.command):
                kept.append(op)
                continue
            later = ops[at + 1 :]
            if not any(o.kind == REMOVE and covers(p, op.paths[0]) for o in later for p in o.paths):
                continue
        kept.append(op)
    return kept


def _directories_made_anew(ops: list[Op]) -> list[Op]:
    """`rm -rf build && mkdir build`: the author makes sure of an empty directory, whether one
    was there or not; only a layer known to have written the path itself counts."""
    made = [(at, p) for at, o in enumerate(ops) if o.tool == "mkdir" for p in o.paths]
    return [
        op._replace(blind=True)
        if op.kind == REMOVE
        and op.tool == "rm"
        and op.paths
        and all(any(p.rstrip("/") == m and later > at for later, m in made) for p in op.paths)
        else op
        for at, op in enumerate(ops)
    ]


def _extractions_taken_back(ops: list[Op]) -> list[Op]:
    """`ops` less an extraction's tree where the RUN removes again the entry named for the
    archive (`tar -xzvf docker.tgz && mv docker/docker /usr/bin && rm -rf docker/`): that entry
    is what it held, not anything else in the directory it was unpacked in. Unpacked at / under
    a name that says nothing (`wget -O - .../download | tar -xzf -`), the directory below / the
    RUN removes after it (`rm -rf /boost_1_60_0`) is what it held: a release's sources, never /
    itself."""
    tops: dict[tuple[str, str, str], set[str]] = {}  # (one for the file, one for its address)
    for op in ops:
        if op.kind == WRITE and op.entry == EITHER and op.tool in _UNPACKERS and len(op.paths) == 1:
            key = (op.tool, op.command, posixpath.dirname(op.paths[0]))
            tops.setdefault(key, set()).add(op.paths[0])
    kept = []
    for at, op in enumerate(ops):
        top = tops.get((op.tool, op.command, op.paths[0] if op.paths else ""), set())
        unpacked = op.kind == WRITE and op.entry == TREE and op.tool in _UNPACKERS
        if unpacked and (top or op.paths == ("/",)):
            later = [p for o in ops[at + 1 :] if o.kind == REMOVE for p in o.paths]
            # (`tar -xjf sambamba_v0.6.6_linux.tar.bz2 && mv sambamba_v0.6.6 sambamba && rm -rf
            # sambamba_*`: a name the RUN moves out of the directory is what the archive held
            # there, beside or instead of the top named for it)
            moved = any(
                o.tool == "mv"
                and posixpath.dirname(p.rstrip("/")) == (op.paths[0].rstrip("/") or "/")
                and not _names_a_top(p, top)
                for o in ops[at + 1 :] if o.kind == REMOVE for p in o.paths
            )  # fmt: skip
            if not moved and any(_names_a_top(p, top) for p in later):
                # (itself: not a directory above, which takes the tree too; and what else the
                # RUN removes beside it, a file the archive held at its top: `tar xzf
                # fsloader.tar.gz && mv fsloader-linux-amd64 /usr/local/bin/fsloader && rm -rf
                # LICENSE fsloader.tar.gz`)
                beside = [
                    p.rstrip("/")
                    for p in later
                    if _held_beside(p, op.paths[0]) and not _names_a_top(p, top)
                ]
                if beside:
                    kept.append(op._replace(paths=tuple(dict.fromkeys(beside)), entry=EITHER))
                continue
            # (not where the extraction strips the top, `tar -xzf swift.tar.gz
            # --strip-components=1` at /: what it held lands in /usr, beside nothing of it)
            stripped = "--strip" in op.command
            if (
                op.paths == ("/",)
                and not (moved or stripped)
                and any(_a_top_at_the_root(p) for p in later)
            ):
                continue
        if op.kind == WRITE and op.entry == EITHER and op.tool in _UNPACKERS and op.paths:
            # The top is one entry under one of two names (the file's, the address's): the
            # one the RUN removes is it, the other a guess that goes with it (`curl -o
            # sccache.tar.gz .../sccache-v0.8.1-...-musl.tar.gz`, `rm -rf sccache-v0.8.1-...`).
            others = tops.get((op.tool, op.command, posixpath.dirname(op.paths[0])), set())
            later = [p for o in ops[at + 1 :] if o.kind == REMOVE for p in o.paths]
            # (not the one a wildcard names with them: `rm -fr hugo*` after `tar xvfz
            # hugo.tar.gz` takes hugo/, which is the RUN's own)
            if any(_names_a_top(p, others - {op.paths[0]}) for p in later) and not any(
                _names_a_top(p, {op.paths[0]}) for p in later
            ):
                continue
        kept.append(op)
    return kept


def _held_beside(removal: str, into: str) -> bool:
    """`removal` names a release's document right in `into`, where an archive was unpacked:
    what a program's archive holds beside it (LICENSE, README.md); only in / or a scratch
    directory, where no earlier release's tree keeps its own (`/opt/keycloak/LICENSE.txt`)."""
    into = into.rstrip("/") or "/"
    removal = removal.rstrip("/")
    return (
        posixpath.dirname(removal) == into
        and (into in ("/", "/tmp", "/var/tmp") or into.startswith("/tmp/"))
        and bool(_RELEASE_DOCUMENT.fullmatch(posixpath.basename(removal)))
    )


_RELEASE_DOCUMENT = re.compile(
    r"(?i)(?:licen[cs]e|readme|changelog|changes|notice|copying|authors|credits)(?:[.-]\w+)?"
)


def _a_top_at_the_root(removal: str) -> bool:
    """`removal` names a directory right below / that no system keeps there (`/boost_1_60_0`)."""
    removal = removal.rstrip("/")
    return (
        posixpath.dirname(removal) == "/"
        and removal not in _FHS
        and not is_glob(removal)
        and not is_archive(removal)  # (the archive itself, `rm /keycloak.tar.gz`)
        # (nor its signature or checksum, downloaded beside it: `rm /swift.tar.gz.sig`)
        and not removal.endswith(_DETACHED)
    )


_DETACHED = (
    *(".sig", ".asc", ".sign", ".minisig", ".sha256", ".sha256sum", ".sha512", ".sha512sum"),
    *(".sha1", ".md5"),
)


# The directories right below / that the Filesystem Hierarchy Standard names.
_FHS = frozenset(
    {"/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/media", "/mnt"}
    | {"/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var"}
)


def _names_a_top(removal: str, tops: set[str]) -> bool:
    """`removal` is one of `tops`, or a wildcard for it (`rm -rf /tmp/patchelf-*`)."""
    removal = removal.rstrip("/")
    return removal in tops or (
        is_glob(posixpath.basename(removal))
        and any(
            posixpath.dirname(t) == posixpath.dirname(removal)
            and fnmatch.fnmatchcase(posixpath.basename(t), posixpath.basename(removal))
            for t in tops
        )
    )


_UNPACKERS = frozenset({"tar", "bsdtar", "unzip"})
# Interpreters given a script to run (`node scripts/prepare.js`)
INTERPRETERS = frozenset({"node", "python", "python3", "perl", "ruby", "php"})
# Scripts a shell may be given that run a known program (`sh mvnw -B package`, `bash
# ./bin/installdependencies.sh`): read as that program run directly.
_WRAPPED_SCRIPTS = frozenset({"mvnw", "gradlew", "installdependencies.sh"})


def _piped_in_order(commands: list[Command]) -> dict[str, list[str]]:
    """`_piped_archives` for each tar in turn: two alike `| tar -xz` in one RUN unpack two
    archives (Metamod:Source's, then SourceMod's)."""
    found: dict[str, list[str]] = {}
    for before, command in itertools.pairwise(commands):
        for text, name in _piped_archives([before, command]).items():
            found.setdefault(text, []).append(name)
    return found


def _piped_archives(commands: list[Command]) -> dict[str, str]:
    """The name of what each `tar` reading standard input unpacks, when a download piped it
    there (`curl -fsSL .../kafka_2.13-3.6.1.tgz | tar -xz -C /opt`): tar's command -> name."""
    found = {}
    for before, command in itertools.pairwise(commands):
        tool, words = tool_and_args(command)
        if tool not in ("tar", "bsdtar") or _tar_archive(words) not in (None, "-"):
            continue
        source, fetched = tool_and_args(before)
        # (or a release's path whose host a variable the RUN set gave: `curl
        # "${mirror}kafka/3.3.1/kafka_2.13-3.3.1.tgz" | tar -xzf - -C /opt`)
        urls = [
            w
            for w in fetched[1:]
            if "://" in w or ("/" in w and is_archive(w) and not w.startswith(("-", "/", ".")))
        ]
        if source in ("curl", "wget") and urls and _to_stdout(source, fetched):
            found[" ".join(words)] = _url_name(urls) or ""
    return found


_METASTORE = "hive-standalone-metastore-"
_JBOSS_DISTRIBUTION = "jboss-as-distribution-"


def _distributions(
    ops: list[Op],
    piped: Mapping[str, list[str]] | None = None,
    saved: Mapping[str, str] | None = None,
    workdir: str = "",
) -> list[str]:
    """The files a well-known distribution archive this RUN unpacked holds (tomcat's
    conf/server.xml), where they are when it ends: below the directory it was unpacked into
    (`--strip-components`), or the archive's top directory, as a later `mv` or `ln -s` of
    the RUN renamed or linked it (`mv /opt/hadoop-3.3.6 $HADOOP_HOME`); less what it removed.
    `saved` holds the names in their addresses of archives an earlier RUN downloaded."""
    fetched = dict(saved or {})  # archive -> the name in the address it was downloaded from
    read = ""  # the archive the last unpacking command read (`gunzip -c x.tar.gz | tar x`)
    roots: dict[str, tuple[str, ...]] = {}  # top directory -> the files below it
    into: dict[str, tuple[str, ...]] = {}  # directory unpacked into -> the files, top unknown
    pending: tuple[str, ...] | None = None  # the files of a tree a `mv` is moving
    moving = ""  # and its name
    placed: dict[str, int] = {}  # top directory -> when it got there
    links: dict[str, str] = {}  # link -> the top directory it points to
    taken: dict[str, int] = {}  # tar's command -> how many of the piped ones came already
    for at, op in enumerate(ops):
        if op.kind == WRITE and op.role == ARCHIVE:
            urls = [w for w in op.command.split() if "://" in w]
            fetched.update((p, _url_name(urls) or "") for p in op.paths)
        elif op.kind == UNPACK and op.paths:
            read = op.paths[0]
            if is_glob(read):
                # (`wget .../apache-tomcat-9.0.37.tar.gz && tar zxf apache-tomcat-*.tar.gz`)
                matched = [a for a in fetched if fnmatch.fnmatchcase(a, read)]
                read = matched[0] if len(matched) == 1 else read
        elif op.kind == WRITE and op.tool in EXTRACTORS and op.entry == TREE and op.paths:
            names = (posixpath.basename(read), fetched.get(read, ""))
            if piped and op.command in piped:
                # (what the download piped into it; the next of alike ones, in turn)
                taken[op.command] = taken.get(op.command, -1) + 1
                order = piped[op.command]
                names = (order[min(taken[op.command], len(order) - 1)], "")
            words = tuple(op.command.split())
            files = distribution_files(*names)
            if files and op.tool in ("tar", "bsdtar"):
                # (`tar --exclude='*/webapps/*'`: what it leaves out is not there)
                files = _tar_left_out(words, files)
            if not files:
                continue
            if op.tool in ("tar", "bsdtar") and _tar_members(words):
                continue  # (`tar -xzf kafka.tgz kafka_2.13-3.3.1/libs`: those alone)
            if _some_members(op.tool, words):
                continue  # (`unzip app.war 'WEB-INF/lib/*'`, `-x WEB-INF/web.xml`)
            strip = _option_value(_tar_spelled_out(words), "", "--strip-components")
            if topless(*names):
                # (its files land where it was unpacked, beside another's: SourceMod's beside
                # Metamod:Source's)
                roots[op.paths[0]] = (*roots.get(op.paths[0], ()), *files)
                continue
            if strip is not None:
                if strip == "1":  # (the top directory's files land where it was unpacked)
                    roots[op.paths[0]] = files
                continue
            into[op.paths[0]] = files
            # (its top directory is named for it: by the file, or by the address when the file
            # was saved as hadoop.tar.gz)
            stems = [
                next((n[: -len(x)] for x in ARCHIVE_SUFFIXES if n.endswith(x)), "") for n in names
            ]
            # (apache-maven-3.9.6-bin.tar.gz and elasticsearch-8.1.0-linux-x86_64.tar.gz hold
            # apache-maven-3.9.6/ and elasticsearch-8.1.0/)
            stem = next((s for s in stems if s and distribution_files(s)), "")
            # (SonarScanner's sonar-scanner-cli-4.8.0-linux.zip holds sonar-scanner-4.8.0-linux/)
            tops: tuple[str, ...] = (_PLATFORM.sub("", stem), stem.replace("-cli-", "-", 1))
            if stem.endswith("-bin"):
                # (apache-cassandra-2.0.11-bin.tar.gz holds apache-cassandra-2.0.11/; Hive's
                # and ZooKeeper's keep -bin)
                tops = (stem,) if _KEEPS_BIN.match(stem) else (_PLATFORM.sub("", stem),)
            if _FLINK_TOP.match(stem):
                tops = (_FLINK_TOP.sub(r"\1", stem),)  # (Flink's drops all after its version)
            if _MAJOR_TOP.match(stem):
                # (GlassFish's glassfish-5.1.0.zip holds glassfish5/, Payara's payara5/)
                tops = (_MAJOR_TOP.sub(r"\1\2", stem),)
            if stem.startswith(_METASTORE):
                # (Hive's standalone metastore-X-bin.tar.gz holds apache-hive-metastore-X-bin/)
                tops = ("apache-hive-metastore-" + stem.removeprefix(_METASTORE),)
            if stem.startswith("mattermost-"):
                tops = ("mattermost",)  # (Mattermost's release tarballs hold mattermost/)
            if stem.startswith(_JBOSS_DISTRIBUTION):
                # (jboss-as-distribution-6.0.0.Final.zip holds jboss-6.0.0.Final/)
                tops = ("jboss-" + stem.removeprefix(_JBOSS_DISTRIBUTION),)
            for top in dict.fromkeys(tops):
                if top:
                    roots[posixpath.join(op.paths[0], top)] = files
        elif op.tool == "mv" and op.kind == REMOVE:
            # (`mv apache-tomcat-9.0.37/* /opt/tomcat/` moves what is below the top directory)
            paths = [p.removesuffix("/*") if p.removesuffix("/*") in roots else p for p in op.paths]
            moved = (p for p in paths if p in roots or posixpath.dirname(p) in into)
            first = next(moved, None)
            pending = None
            if first is not None:
                pending = roots.pop(first, None) or into[posixpath.dirname(first)]
                # (by its name, unless what it held is moving: `mv apache-tomcat-9.0.37/* x/`)
                held_only = first + "/*" in op.paths
                moving = "" if held_only else posixpath.basename(first)
        elif op.tool == "mv" and op.kind == WRITE and pending is not None:
            dest = op.paths[0]
            if moving and dest in STANDARD_DIRS:
                # (`mv kafka_2.11-1.0.0 /opt`: into a directory that is there, by its name)
                dest = posixpath.join(dest, moving)
            roots[dest], pending = pending, None
            placed[dest] = at
        elif op.tool == "cp" and op.kind == WRITE and op.paths and len(op.sources) == 1:
            # (a copy of what it holds, `cp -R apache-tomcat-9.0.14/* /opt/tomcat/`, or of it:
            # by its name into a directory there, one this RUN made or a standard one; as mv,
            # to a new name otherwise)
            (source,) = op.sources
            top, dest = source.removesuffix("/*").removesuffix("/."), op.paths[0]
            # (the WORKDIR, or a directory above it, is there too)
            there = (
                dest.rstrip("/") in STANDARD_DIRS
                or (bool(workdir) and covers(dest, workdir))
                or any(o.kind == WRITE and o.entry == DIR and dest in o.paths for o in ops[:at])
            )
            if top in roots:
                if top == source and there:
                    dest = posixpath.join(dest, posixpath.basename(top))
                roots[dest] = roots[top]
                placed[dest] = at
        elif made := [m for m in links_made(op) if m[1] in roots]:
            for link, target in made:
                roots[link] = roots[target]  # (`ln -s hadoop-2.7.1 hadoop` in /usr/local)
                links[link] = target
        elif op.kind == REMOVE:
            for path in op.paths:
                roots = {r: f for r, f in roots.items() if not covers(path, r)}
    # (less what a removal after it reached, through a link too: not `mv /opt/kafka*
    # /opt/kafka`'s own source)
    gone = [(at, p) for at, op in enumerate(ops) if op.kind == REMOVE for p in op.paths]
    gone += [
        (at, target + p[len(link) :])
        for at, p in gone
        for link, target in links.items()
        if p.startswith(link + "/")
    ]
    return [
        path
        for root, files in roots.items()
        for path in (posixpath.join(root, f) for f in files)
        if not any(at > placed.get(root, -1) and covers(p, path) for at, p in gone)
    ]


def source_installs(
    runs: Iterable[tuple[RunEffects | None, Mapping[str, str]]],
) -> list[tuple[str, ...]]:
    """The files each of `runs` (a stage's steps in order, None for one not a RUN, each with
    its environment) wrote with `make install` in a well-known source tree (nginx's
    conf/nginx.conf below its prefix), as the `./configure` that RUN or an earlier one ran in
    that tree placed them; less what the RUN removed."""
    configured: dict[str, tuple[str, ...]] = {}  # source tree -> its configure's words
    found: list[tuple[str, ...]] = []
    for run, env in runs:
        written: list[str] = []
        exported = "DESTDIR" in env  # (make takes DESTDIR from the environment too)
        for command in run.commands if run is not None else ():
            tool, words = tool_and_args(command)
            if tool == "eval" and len(words) > 1:  # (`eval ./configure ${OPTIONS}`)
                tool, words = posixpath.basename(words[1]), words[1:]
            if tool == "export" and any(w.startswith("DESTDIR=") for w in words):
                exported = True
            if command.cwd is None:
                continue
            if tool == "configure":
                configured[command.cwd] = words
            elif tool == "make" and _MAKE_INSTALLS & set(_operands(words, _MAKE_VALUES)):
                tree = resolve_path(_option_value(words, "-C", "--directory") or ".", command.cwd)
                # (`make install DESTDIR=/tmp/pkg`: the files land below that root instead)
                staged = (
                    exported
                    or any(w.startswith("DESTDIR=") for w in words)
                    or any(n == "DESTDIR" for n, _ in command.assignments)
                )
                if tree is not None and not staged:
                    name = posixpath.basename(tree)
                    written.extend(source_install_files(name, configured.get(tree, ())))
        gone = [p for op in run.ops if op.kind == REMOVE for p in op.paths] if run else []
        found.append(tuple(f for f in written if not any(covers(g, f) for g in gone)))
    return found


def removed_by(stages: Iterable[Stage]) -> list[str]:
    """The paths the RUNs of `stages` remove by name (`rm /app/data.txt`, `mv a b`'s a; not
    what a `find -name` picks out): what a tree a later `COPY --from` takes from them lacks."""
    return [
        path
        for stage in stages
        for step in stage.instructions
        if step.keyword == "run"
        for op in run_effects(step).ops
        if op.kind == REMOVE and op.tool != "find"
        for path in op.paths
    ]


# The suffix of a file's new version written beside it (`f.tmp`, `f.new`), not of a directory's
# copy (tomcat's webapps.dist)
_TEMPORARY = re.compile(r"\.(?:tmp|temp|new|part)\d*")


def links_made(op: Op) -> tuple[tuple[str, str], ...]:
    """(link, target) of each symbolic link `ln -s TARGET LINK` (or `ln -s -t DIR TARGET...`)
    made, the target resolved against the link's directory; none for any other operation or a
    target not a plain path."""
    if op.tool != "ln" or op.kind != WRITE or not op.paths:
        return ()
    words = op.command.split()
    operands = [w for w in words[1:] if not w.startswith("-")]
    if into := _option_value(tuple(words), "-t", "--target-directory"):
        # (`ln -s -t /usr/local/bin /opt/tool/bin/tool /opt/tool/bin/toolctl`: the directory
        # given first, a link inside it for each target)
        targets = [o for o in operands if o != into]
        if len(targets) != len(op.paths):
            return ()
        pairs = [(link, target, True) for link, target in zip(op.paths, targets, strict=True)]
    elif len(operands) == 1:
        # (`ln -s /opt/drivers/geckodriver`: in the working directory, by the target's name)
        pairs = [(op.paths[0], operands[0], False)]
    elif len(operands) == 2:
        pairs = [(op.paths[0], operands[0], operands[1].endswith("/"))]
    elif len(operands) > 2 and len(op.paths) == len(operands) - 1:
        # (`ln -s /opt/app/bin/a.sh /opt/app/bin/b.sh /usr/local/bin/`: one inside the
        # directory for each)
        pairs = [(link, target, True) for link, target in zip(op.paths, operands[:-1], strict=True)]
    else:
        return ()
    made = []
    for link, target, slash in pairs:
        link = link.rstrip("/")
        if not link:
            continue
        inside = slash or link in STANDARD_DIRS or link in BIN_DIRS
        if inside and posixpath.basename(link) != posixpath.basename(target.rstrip("/")):
            # (`ln -s /usr/share/easy-rsa/easyrsa /usr/local/bin`: the link is made inside; the
            # write already names it so when the directory is given with its slash)
            link = posixpath.join(link, posixpath.basename(target.rstrip("/")))
        target = posixpath.normpath(posixpath.join(posixpath.dirname(link), target))
        if "$" not in target and not is_glob(target):
            made.append((link, target))
    return tuple(made)


EXTRACTORS = frozenset({"tar", "bsdtar", "unzip", "jar", *_SEVEN_ZIP, *_UNRAR, "unar"})
_KEEPS_BIN = re.compile(r"apache-(?:hive|zookeeper)-")
_FLINK_TOP = re.compile(r"^(flink-[\d.]+)-bin.*")
_MAJOR_TOP = re.compile(r"^(glassfish|payara)-(\d+)\b.*")
_PLATFORM = re.compile(r"-(bin|(linux|darwin|windows)(-(x86_64|amd64|aarch64|arm64))?)$")


# The scripts a shell sources to define a version manager, the variable each sets (unless it is
# set) and how many levels above the script it points.
_SOURCED_HOMES = {
    "nvm.sh": ("NVM_DIR", 1),
    "sdkman-init.sh": ("SDKMAN_DIR", 2),
    "rvm": ("rvm_path", 2),
    "setup-env.sh": ("SPACK_ROOT", 3),  # (Spack's: `. /spack/share/spack/setup-env.sh`)
}


# ssh-keygen's options that read, print or convert keys, making none
_SSH_KEYGEN_READS = frozenset(
    {"-l", "-y", "-R", "-F", "-e", "-i", "-s", "-L", "-D", "-Y", "-H", "-k", "-Q", "-B"}
)


def _ssh_keys(words: tuple[str, ...]) -> list[str]:
    """The key files an `ssh-keygen` makes: the host keys for `-A`, the file `-f` names and its
    `.pub` (or the user's default key, by `-t`'s type)."""
    if "-A" in words:
        return [
            f"/etc/ssh/ssh_host_{kind}_key{end}"
            for kind in ("rsa", "ecdsa", "ed25519")
            for end in ("", ".pub")
        ]
    if _SSH_KEYGEN_READS & set(words):
        return []
    key = _option_value(words, "-f", "") or f"~/.ssh/id_{_option_value(words, '-t', '') or 'rsa'}"
    return [key, key + ".pub"]


def _composer_installer(tool: str, words: Sequence[str]) -> bool:
    """`words` run composer's installer, which writes composer.phar (or where it is told) and
    nothing else."""
    return (
        bool(_PHP.fullmatch(tool))
        and (
            (len(words) > 1 and words[1].endswith("composer-setup.php"))
            # (`curl .../installer | php`, `| php -- --install-dir=...`: from standard input)
            or len(words) == 1
            or (words[1] == "--" and all(w.startswith("--") for w in words[2:]))
        )
    )


def _reconfigured(words: tuple[str, ...]) -> bool:
    """`dpkg-reconfigure locales` or `tzdata`, whose scripts write only what the model knows
    (any other package's may write anything its maintainer scripts do)."""
    if posixpath.basename(words[0]) != "dpkg-reconfigure":
        return False
    named = {
        w for i, w in enumerate(words[1:], 1) if not w.startswith("-") and words[i - 1] != "-f"
    }
    return bool(named) and named <= {"locales", "tzdata"}


def exports(command: Command) -> dict[str, str]:
    """The variables a command sets for the commands after it: `export PIP_NO_CACHE_DIR=1`;
    `pip config set global.no-cache-dir true` (or that setting echoed into pip.conf) as pip
    reads it, the same as the variable; a version manager's home by the script sourced (`.
    /usr/local/share/nvm/nvm.sh`)."""
    tool, words = tool_and_args(command)
    sourced = _SOURCED_HOMES.get(posixpath.basename(words[1])) if len(words) > 1 else None
    if tool in ("source", ".") and sourced and words[1].startswith("/"):
        # (nvm.sh takes the directory it is in for NVM_DIR when none is set; SDKMAN's and
        # rvm's scripts, the one above theirs)
        name, up = sourced
        return {name: functools.reduce(lambda p, _: posixpath.dirname(p), range(up), words[1])}
    if tool in ("source", ".") and len(words) > 1 and words[1].endswith(_CONDA_SH):
        # (`source /opt/miniforge3/etc/profile.d/conda.sh && conda activate && conda clean
        # -afy`: the conda of that tree, as the script sets it)
        return {"CONDA_EXE": words[1].removesuffix(_CONDA_SH) + "/bin/conda"}
    activates = (
        tool in ("source", ".") and len(words) > 1 and posixpath.basename(words[1]) == "activate"
    ) or (tool in ("conda", "mamba", "micromamba") and words[1:2] == ("activate",))
    if activates and len(words) > 2 and not words[-1].startswith("-"):
        # (`source activate py37 && mamba install ...`: the installs go to that environment)
        return {"CONDA_PREFIX": words[-1] if "/" in words[-1] else _CONDA_ENVS + words[-1]}
    if tool in ("export", "declare", "typeset") and (tool == "export" or "-x" in words):
        pairs = (w.partition("=") for w in words[1:] if "=" in w and not w.startswith("-"))
        return {name: value for name, _, value in pairs}
    if tool in ("bundle", "bundler") and words[1:2] == ("config",):
        # (`bundle config set --local path vendor/bundle`, bundler 1's `bundle config path x`:
        # where the installs after it put the gems, and their .gem files)
        rest = [w for w in words[2:] if not w.startswith("-")]
        rest = rest[1:] if rest[:1] == ["set"] else rest
        if len(rest) == 2 and rest[0] == "path":
            return {"BUNDLE_PATH": rest[1]}
        if len(rest) >= 2 and rest[0] == "deployment":
            # (bundler 1 joins the words after the name: `bundle config deployment without
            # development test` sets it to that phrase, which it reads as true)
            return {"BUNDLE_DEPLOYMENT": " ".join(rest[1:])}
    if tool == "pdm" and words[1:2] == ("config",):
        # (`pdm config cache_dir /tmp/pdm`: the cache of the installs after it, as the variable)
        rest = [w for w in words[2:] if not w.startswith("-")]
        if len(rest) == 2 and rest[0] == "cache_dir":
            return {"PDM_CACHE_DIR": rest[1]}
    if tool == "poetry" and words[1:2] == ("config",):
        # (`poetry config virtualenvs.create false`: for the installs after it, as the variable)
        rest = [w for w in words[2:] if not w.startswith("-")]
        if len(rest) == 2 and rest[0] in POETRY_VENV_KEYS:
            return {POETRY_VENV_KEYS[rest[0]][0]: rest[1]}
    moved = CONFIG_CACHE_KEYS.get(tool)
    if moved and words[1:3] == ("config", "set"):
        # (`npm config set cache /tmp/.npm --global`, `npm config set cache=/x`, `yarn config set
        # cache-folder /x`: the npmrc or yarnrc moves the cache of the installs after it)
        rest = [w for w in words[3:] if not w.startswith("-")]
        key, _, given = rest[0].partition("=") if rest else ("", "", "")
        given = given or (rest[1] if len(rest) > 1 and "=" not in rest[0] else "")
        if key == moved[0] and given.startswith("/"):
            return {moved[1]: given}
    value = pip_no_cache_setting(command)
    return {"PIP_NO_CACHE_DIR": value} if value is not None else {}


def pip_no_cache_setting(command: Command) -> str | None:
    """The value `pip config [--site|--global|--user] set global.no-cache-dir VALUE` writes
    into pip's configuration, or a pip.conf written whole with one holds (`echo -e
    "[global]\nno-cache-dir = true" > /etc/pip.conf`); any value turns the cache off
    (pypa/pip#5735). None otherwise."""
    tool, words = tool_and_args(command)
    if tool in _PIP and words[1:2] == ("config",):
        rest = [w for w in words[2:] if not w.startswith("-")]
        if len(rest) > 2 and rest[0] == "set" and rest[1].split(".", 1)[-1] == "no-cache-dir":
            return rest[2]
        return None
    written = pip_conf_written(command)
    return written[1] if written and _PIP_CONF.search(written[0]) else None


def pip_conf_written(command: Command) -> tuple[str, str] | None:
    """(file, value) where `command` echoes (or printf's) a pip.conf with a no-cache-dir
    setting into a file of that name; None otherwise."""
    if not command.redirects:
        return None
    tool, words = tool_and_args(command)
    if tool not in ("echo", "printf"):
        return None
    setting = _PIP_CONF_NO_CACHE.search(" ".join(words[1:]))
    files = [
        r.target
        for r in command.redirects
        if _writes_file(r) and posixpath.basename(r.target) == "pip.conf"
    ]
    return (files[0], setting.group(1)) if setting and files else None


# The configuration files every pip reads on Linux: the site-wide ones and a user's (not
# pip.ini, Windows' name, nor a pip.conf elsewhere, which only a venv there reads)
_PIP_CONF = re.compile(r"^(?:/etc|/etc/xdg/pip|.*/\.pip|.*/\.config/pip)/pip\.conf$")
# (a line of pip.conf's text as echo or printf is given it, its lines joined by `\n`; not one
# a `#` comments out)
_PIP_CONF_NO_CACHE = re.compile(r"(?:^|\\n)[ \t]*no[-_]cache[-_]dir[ \t]*=[ \t]*(\w+)")


def commands_run(instr: Instruction, effects: RunEffects) -> Iterator[Command]:
    """The commands a RUN runs as the model reads them: those of the scripts it read
    (`effects.scripts`), of `sh -c` and of `xargs` included."""
    home = _home(instr, effects.home)
    return (c for c, _ in _run_as(effects.commands, dict(effects.scripts), instr, home))


def _fetches_deps_alone(words: tuple[str, ...]) -> bool:
    """`mix deps.get` (`--only prod`), or `mix do deps.get, compile`: what it fetches is what
    mix.lock pins (compile fetches nothing more)."""
    tasks = {w.rstrip(",") for w in _operands(words, frozenset({"--only"}))} - {"do", "+"}
    return "deps.get" in tasks and tasks <= {"deps.get", "compile", "deps.compile"}


def stack_scope(command: str) -> str | None:
    """What a stack command builds, for what it fetches: '' the project's packages, '+test'
    with their test or benchmark suites; None for no build of the project's own (`stack
    setup`, `stack build --only-snapshot`, the snapshot's packages alone; `stack install
    hlint`, a package of its own)."""
    words = tuple(command.split())
    operands = _operands(words, _STACK_VALUES)
    sub = operands[0] if operands else ""
    if sub not in _STACK_BUILDS or "--only-snapshot" in words or operands[1:]:
        return None
    suites = sub in ("test", "bench") or bool({"--test", "--bench"} & set(words))
    return "+test" if suites else ""


# stack's commands that build the project's own packages
_STACK_BUILDS = frozenset({"build", "test", "bench", "install"})


def cargo_scope(command: str) -> str | None:
    """What a cargo command builds of its project, for what it fetches: '+build', the crates
    its build needs; '+test', its dev-dependencies too (a test run, or a build of the tests,
    benches or examples); '+install', an install of the project at its `--path`; None for
    `cargo fetch`, read elsewhere, and an install of a crate of its own."""
    words = tuple(command.split())
    sub = subcommand(words)
    if sub in ("test", "t", "bench", "nextest") or _CARGO_TEST_TARGETS & set(words):
        return "+test"
    if sub in ("build", "b", "check", "c", "clippy", "run", "r", "doc", "rustc"):
        return "+build"
    return "+install" if sub == "install" and cargo_path(command) is not None else None


def cargo_path(command: str) -> str | None:
    """The project a `cargo install --path DIR` installs; None when it names none."""
    return _option_value(tuple(command.split()), "", "--path")


def cargo_choices(command: str) -> list[str]:
    """The options of a cargo command that change which crates it needs: the features, the
    packages and the target (`--features tls`, `-F tls`, `--no-default-features`, `-p api`,
    `--workspace`, `--target x86_64-unknown-linux-musl`)."""
    words = command.split()
    out = []
    for at, word in enumerate(words):
        name, equals, value = word.partition("=")
        name = _CARGO_SPELLED.get(name, name)
        if name in _CARGO_CHOOSING:
            given = value if equals else (words[at + 1] if at + 1 < len(words) else "")
            out.append(f"{name} {given}")
        elif name in _CARGO_SWITCHES:
            out.append(name)
    return sorted(out)


_CARGO_CHOOSING = frozenset({"--features", "--target", "--package", "--manifest-path"})
_CARGO_SPELLED = {"-F": "--features", "-p": "--package"}
_CARGO_SWITCHES = frozenset({"--no-default-features", "--all-features", "--workspace", "--all"})
_CARGO_TEST_TARGETS = frozenset(
    {"--all-targets", "--tests", "--benches", "--examples", "--example", "--test", "--bench"}
)


def yarn_cwd(command: str) -> str | None:
    """The directory yarn's `--cwd DIR` (`--cwd=DIR`) tells it to work in; None when not told."""
    return _option_value(tuple(command.split()), "", "--cwd")


def mix_only(command: str) -> str:
    """The environment a `mix deps.get --only prod` fetches for alone; '' for all of them."""
    return _option_value(tuple(command.split()), "", "--only") or ""


def wget_there(command: str) -> str:
    """What a wget does with a download of a name that is there: "numbers" it (saves NAME.1,
    its default), "keeps" it (-nc skips the download, -c finds it complete), or '' where it
    writes over it (-O, -N, -r, -m)."""
    # (a long option by its name alone: `--output-document=app.tgz`)
    words = tuple(w.split("=", 1)[0] if w.startswith("--") else w for w in command.split())
    replacing = (("O", "--output-document"), ("N", "--timestamping"), ("r", "--recursive"))
    if any(_flagged(words, *o) for o in (*replacing, ("m", "--mirror"))):
        return ""
    keeps = _flagged(words, "c", "--continue") or "--no-clobber" in words  # (-nc: `c` too)
    return "keeps" if keeps else "numbers"


def _bundle_path_given(command: str) -> bool:
    """A bundle install told where to install (`--path=/fluentd/vendor/bundle`, or
    `--deployment`'s vendor/bundle): its cache is there, whatever gem directory a removal
    names."""
    words = tuple(command.split())
    return bool(_option_value(words, "", "--path")) or "--deployment" in words


def _plain_sudo(command: Command) -> bool:
    """`command` is a `sudo` that keeps the caller's environment's HOME where the distribution
    lets it: not told to set the target's (-H, -i) or to run as another user (-u)."""
    words = command.words
    if not words or words[0] != "sudo":
        return False
    for word in itertools.takewhile(lambda w: w.startswith("-"), words[1:]):
        if word.startswith("--"):
            if word.split("=", 1)[0] in ("--set-home", "--login", "--user"):
                return False
        elif set(word[1:]) & set("Hiu"):
            return False
    return True


_FETCHERS = frozenset({"curl", "wget"})  # (what prints a script a shell may read)


def _a_shell(command: Command) -> bool:
    """`command` runs a shell that reads its script from stdin (`bash -`, `sudo -E bash`)."""
    tool, words = tool_and_args(command)
    if tool not in SHELLS:
        return False
    for word in words[1:]:
        if word in ("-s", "-", "--", "/dev/stdin"):
            return True  # (what follows is the script's arguments)
        if not word.startswith("-") or word in ("-c", "--command"):
            return False  # (a script file, or a script given as a word)
    return True


def _shell_after(commands: Sequence[Command]) -> bool:
    """A shell reading its script from stdin follows, after filters that pass what they read
    on (`curl URL | sed 's/sleep 20//' | bash -`, `| tee setup.log | sh`)."""
    for command in commands:
        if _a_shell(command):
            return True
        tool, words = tool_and_args(command)
        filters = tool in ("tee", "tr", "dos2unix", "grep", "cat", "awk") or (
            tool == "sed" and not any(w.startswith(("-i", "--in-place")) for w in words)
        )
        if not filters:
            return False
    return False


def _substituted_into(command: Command, shell: Command) -> bool:
    """`command` is substituted into the shell's script: `bash -c "$(curl -fsSL URL)"`, or
    `bash <(curl -fsSL URL)` and `. <(curl -fsSL URL)`, where the shell's words hold nothing
    else."""
    tool, words = tool_and_args(shell)
    if tool in (".", "source"):
        return len(words) == 1
    if tool not in SHELLS:
        return False
    if all(w.startswith("-") for w in words[1:]):
        return True
    return any(f"$({' '.join(command.words)}" in w for w in words[1:])


def _run_as(
    commands: Iterable[Command],
    texts: Mapping[str, str],
    instr: Instruction,
    home: str,
    homes: Mapping[str, str] | None = None,
) -> Iterator[tuple[Command, str]]:
    """Each command a RUN runs, with the home of the user it runs as: scripts of `texts`
    read in, `su -c`/`sh -c` scripts split, `xargs PROGRAM` as the program."""
    # (a script's shell has HOME as the RUN's: `cd` alone in it goes there)
    env = instr.env if "HOME" in instr.env else {**instr.env, "HOME": home}
    # (and a Go image's make, whose Makefile may not be seen)
    commands = tuple(commands)
    seen = (
        texts
        or _runs_make(commands)
        or any(_helped(c) for c in commands)
        or any(_INSTALLERS_INLINED.search(w) for c in commands for w in c.words)
    )
    run = _inlined(commands, texts, instr, env, homes) if seen else commands
    return _through_xargs(_as_run(run, instr.env, home, texts=texts, instr=instr, homes=homes))


# nvm's install script, by its address
_NVM_INSTALLER = re.compile(r"(?:nvm-sh|creationix)/nvm/[^/\s]+/install\.sh")
# (one before v0.31.4, whose install script installs no Node.js)
_OLD_NVM_INSTALLER = re.compile(r"/nvm/v0\.(?:[12]?\d|3[01]\.[0-3])(?:\.\d+)?/install\.sh")
# n-install, mklement0's installer of n (`curl -L https://bit.ly/n-install | bash -s -- -y`)
_N_INSTALLER = re.compile(r"(?:bit\.ly|git\.io)/n-install$|/n-install/[^\s]*/n-install$")
# rvm's installer, which installs a Ruby too when told (`curl -sSL https://get.rvm.io | bash -s
# stable --ruby`)
_RVM_INSTALLER = re.compile(r"get\.rvm\.io|rvm/rvm/[^\s]*/rvm-installer")
_RVM_RUBY = re.compile(r"--(?:ruby|rails|ruby=(\S+))$")
# mlocati's install-php-extensions, by its address
_IPE_INSTALLER = re.compile(r"/install-php-extensions$")
_INSTALLERS_INLINED = re.compile(
    f"{_NVM_INSTALLER.pattern}|{_N_INSTALLER.pattern}|{_RVM_INSTALLER.pattern}"
    f"|{_IPE_INSTALLER.pattern}"
)


def _n_install_versions(args: tuple[str, ...]) -> list[str] | None:
    """The Node.js versions n-install, read from standard input by a shell (`bash -s -- -y
    lts`), installs: those given, the LTS one when none; None for a test (`-t`) or none (`-`)."""
    given = list(args[args.index("--") + 1 :] if "--" in args else ())
    if "-t" in given:
        return None
    # (not `-a`'s architecture: `-a arm64`)
    versions = [w for i, w in enumerate(given) if w[:1] != "-" and given[i - 1 : i] != ["-a"]]
    if versions == [] and "-" in given:
        return None
    return versions or ["lts"]


def _tops_found(ops: list[Op]) -> list[Op]:
    """`ops`, the top an archive of a bare name may hold under another spelling (`_top_entry`)
    named as a later command of the RUN names it by the name's stem, moving, copying, linking
    or removing it (`unzip /tmp/phpmyadmin.zip -d /tmp && mv /tmp/phpMyAdmin-*-all-languages
    /var/www/html/pma`, `ln -s /opt/solr-8.11.2 /opt/solr`): that is the top it held; none where
    the RUN makes a directory of that stem, `mkdir -p /opt/solrdata`."""
    out = []
    for at, op in enumerate(ops):
        spelled = [p for p in op.paths if _SPELLED_TOP.search(p)]
        if op.kind == WRITE and spelled:
            later = [o for o in ops[at + 1 :] if o.command != op.command]
            named = [
                p for o in later if o.kind == REMOVE or o.sources for p in (*o.paths, *o.sources)
            ]
            made = [p for o in later if o.kind == WRITE and o.entry == DIR for p in o.paths]
            # (a directory of that stem the RUN makes, `mkdir -p /opt/solrdata`, leaves which
            # is the top unknown: no guess)
            tops = {
                p: [] if _spelled_as(p, made) else _spelled_as(p, named) or [p] for p in spelled
            }
            paths = (q for p in op.paths for q in tops.get(p, [p]))
            op = op._replace(paths=tuple(dict.fromkeys(paths)))
            if not op.paths:
                continue
        out.append(op)
    return out


def _spelled_as(spelled: str, paths: list[str]) -> list[str]:
    """Of `paths`, those in the directory of `spelled`, a top `_top_entry` spells out, that its
    pattern takes: its own names (not the archive itself nor a file beside it, `rm
    /swift.tar.gz.asc`)."""
    return [
        n
        for n in paths
        if posixpath.dirname(n) == posixpath.dirname(spelled)
        and fnmatch.fnmatchcase(posixpath.basename(n), posixpath.basename(spelled))
    ]


def _links_replaced(ops: list[Op]) -> list[Op]:
    """`ops`, with the paths named without an extension that a plain `rm` (no -r: not a
    directory, or it fails) removed and a later `ln -s` of the RUN makes again set apart, in a
    removal of what holds no bytes (content EMPTY) but for a file an earlier layer wrote by that
    very name: the link one version's install left, pointed at another (`rm
    /usr/libexec/postgresql && ln -s /usr/libexec/postgresql16 /usr/libexec/postgresql`); not a
    downloaded `docker-compose` a link to the plugin replaces."""
    out = []
    for at, op in enumerate(ops):
        words = tuple(op.command.split())
        if (
            op.kind != REMOVE
            or op.tool != "rm"
            or any(_flagged(words, r, "--recursive") for r in "rR")
        ):
            out.append(op)
            continue
        linked = {
            made[0]
            for o in ops[at + 1 :]
            for made in links_made(o)
            if _flagged(tuple(o.command.split()), "s", "--symbolic")
        }
        # (not a file by its name, a configuration the link moves elsewhere: `rm -f
        # /etc/ssmtp/ssmtp.conf && ln -s /run/ssmtp.conf /etc/ssmtp/ssmtp.conf`)
        relinked = tuple(p for p in op.paths if p in linked and not names_a_file(p))
        if not relinked:
            out.append(op)
            continue
        kept = tuple(p for p in op.paths if p not in relinked)
        if kept:
            out.append(op._replace(paths=kept))
        out.append(op._replace(paths=relinked, content=EMPTY))
    return out


def _ivy_sbt(ops: list[Op]) -> list[Op]:
    """`ops`, with sbt's cache where the RUN cleans it after: an sbt of before 1.3 resolves
    with Ivy, and a RUN that removes ~/.ivy2 after a build with the project's own launcher
    (`./sbt dist && rm -fr /root/.ivy2`, a project of sbt 0.13's days) says its sbt is one;
    its Coursier cache is not there. Not an sbt installed on the PATH, as often newer."""
    out = list(ops)
    for at, op in enumerate(ops):
        if not (
            op.family == "sbt" and op.role == CACHE and "/" in next(iter(op.command.split()), "")
        ):
            continue
        homes = [
            p.removesuffix("/.cache/coursier") for p in op.paths if p.endswith("/.cache/coursier")
        ]
        ivy = [f"{h}/.ivy2/cache" for h in homes]
        later = [p for o in ops[at + 1 :] if o.kind == REMOVE for p in o.paths]
        if ivy and all(any(covers(r, i) for r in later) for i in ivy):
            out[at] = op._replace(paths=tuple(ivy))
    return out


def _helped(command: Command) -> bool:
    """`command` runs a base image's apt install helper (`install_clean curl`)."""
    return tool_and_args(command)[0] in _APT_HELPERS


def _inlined(
    commands: Iterable[Command],
    texts: Mapping[str, str],
    instr: Instruction,
    env: Mapping[str, str],
    homes: Mapping[str, str] | None = None,
    depth: int = 0,
) -> Iterator[Command]:
    """`commands`, each that runs a script of `texts` replaced by the script's commands (run in
    the same directory, with the HOME of the user it runs as; and so a script that script runs,
    two deep: `sh install.sh` running `sh jdk.sh`)."""
    configured: set[str | None] = set()  # (where a configure or cmake ran: a C Makefile)
    fetched_nvm = False  # (the command before fetched nvm's install script)
    saved_nvm = False  # (and one before it did)
    fetched_n = False  # (the command before fetched n-install)
    fetched_rvm = False  # (the command before fetched rvm's installer)
    fetched_ipe = False  # (the command before fetched mlocati's install-php-extensions)
    for command in commands:
        tool, args = tool_and_args(command)
        # (`command -v cmake`, `which meson`: a question, no configure)
        first = "" if command.words[0] in ("command", "which", "type") else posixpath.basename(tool)
        # (`./configure`, `sudo ./configure`, `sh -x ./configure`; not `git config`)
        script = next((a for a in args[1:] if not a.startswith("-")), "")
        shell = first in (*SHELLS, "perl")
        if first in _CONFIGURES or (shell and posixpath.basename(script) in _CONFIGURES):
            configured.add(command.cwd)
        if command.words[0] == "export":
            # (`export HOME=/opt && bash install.sh`: the script's environment has it)
            given = dict(w.split("=", 1) for w in command.words[1:] if "=" in w)
            env = {**env, **{k: v for k, v in given.items() if k.isidentifier()}}
        # (piped to a shell, or saved and run by a later command: `curl -fsSLO .../install.sh
        # && chmod +x install.sh && ./install.sh`)
        script = (
            command.words[1]
            if posixpath.basename(tool) in SHELLS and len(command.words) > 1
            else tool
        )
        nvm = (fetched_nvm and posixpath.basename(tool) in SHELLS) or (
            saved_nvm and posixpath.basename(script) == "install.sh"
        )
        shell = posixpath.basename(tool) in SHELLS
        n_install = fetched_n and shell
        rvm_install = fetched_rvm and shell
        # (piped in, `| sh -s gd`, or saved and run, `sh /tmp/install-php-extensions gd`)
        ipe = fetched_ipe and shell and "-s" in args
        saved_ipe = shell and len(args) > 1 and _IPE_INSTALLER.search("/" + args[1]) is not None
        fetched_rvm = any(_RVM_INSTALLER.search(w) for w in command.words)
        fetched_ipe = any(_IPE_INSTALLER.search(w) for w in command.words)
        fetched_nvm = any(
            _NVM_INSTALLER.search(w) and not _OLD_NVM_INSTALLER.search(w) for w in command.words
        )
        fetched_n = any(_N_INSTALLER.search(w) for w in command.words)
        saved_nvm = saved_nvm or fetched_nvm
        if nvm and (version := env.get("NODE_VERSION", "")) and "$" not in version:
            # (nvm's install script installs the Node.js NODE_VERSION names, as `nvm install`
            # does, keeping its tarball: `curl .../nvm-sh/nvm/v0.40.1/install.sh | bash`)
            yield command
            yield from split_commands(f"nvm install {_single_quoted(version)}", command.cwd, env)
            continue
        rubies = [m for w in args if (m := _RVM_RUBY.match(w))] if rvm_install else []
        if rvm_install:
            # (rvm's installer keeps the release it fetched in rvm's archives, as `rvm get`
            # does; told `--ruby`, it installs that Ruby too as `rvm install` does, keeping its
            # tarball there)
            yield command
            yield from split_commands("rvm get stable", command.cwd, env)
            if rubies:
                ruby = rubies[-1][1] or "ruby"
                yield from split_commands(f"rvm install {_single_quoted(ruby)}", command.cwd, env)
            continue
        if ipe or saved_ipe:
            # (its README's direct download, `curl -sSLf .../install-php-extensions -o - | sh
            # -s gd xdebug`: the installer run with the words after `-s`, and the variables the
            # shell is given, `IPE_KEEP_SYSPKG_CACHE=1 sh -s gd`)
            words_given = args[args.index("-s") + 1 :] if ipe else args[2:]
            told = [f"{k}={_single_quoted(v)}" for k, v in command.assignments]
            run = [*told, "install-php-extensions", *map(_single_quoted, words_given)]
            yield from split_commands(" ".join(run), command.cwd, env)
            continue
        if n_install and (versions := _n_install_versions(args)) is not None:
            # (n-install puts n in N_PREFIX, ~/n unless set, and installs the Node.js versions it
            # is given, the LTS one when none: n keeps each in its versions directory)
            yield command
            prefix = env.get("N_PREFIX") or posixpath.join(env.get("HOME") or "/root", "n")
            wanted = " ".join(_single_quoted(v) for v in versions)
            yield from split_commands(f"N_PREFIX={prefix} n {wanted}", command.cwd, env)
            continue
        helper = _APT_HELPERS.get(tool)
        # (unless the build brought its own, which is read: gitpod's `COPY install-packages
        # /usr/bin/`)
        if (
            helper is not None
            and len(args) > 1
            # (Debian's package names, lower case, and apt's options: not a project's own
            # script of that name, `install_packages --repo=https://mrc-ide.github.io/drat
            # DiagrammeR` of R's)
            and all(
                _DEBIAN_PACKAGE.fullmatch(w) or "$" in w or w.startswith("-") or before == "-o"
                for before, w in itertools.pairwise(args)
            )
            and not _on_path(command, texts, env)
        ):
            # (a base image's helper that installs with apt and removes its lists after:
            # `install_clean snapserver` on phusion's, what it runs)
            packages = " ".join(_single_quoted(w) for w in args[1:])
            yield from split_commands(helper.format(packages), command.cwd, env)
            continue
        if (made := _make_recipe(command, texts, instr)) is not None:
            # (`make conda-update`: the target's recipe, each line a shell of its own)
            yield command
            directory, found = made
            # (what the Makefile exports, and make's own environment, every line's shell has)
            shared = {**dict(command.assignments), **found.exported}
            if shared:
                pairs = " ".join(f"{k}={_single_quoted(v)}" for k, v in shared.items())
                yield from split_commands(f"export {pairs}", directory, env)
            for line in found.lines:
                yield from split_commands(line, directory, env)
            continue
        if command.cwd not in configured and _go_make(command, texts, env, instr.workdir):
            # (a Go image's `make install` of a Makefile not seen, in the project the WORKDIR
            # holds: its recipes build with go, as the image is there for)
            yield command
            yield from split_commands("go build ./...", command.cwd, env)
            continue
        parts = _run_parts(command, texts)
        if parts:
            # (`run-parts --exit-on-error /tmp/build/scripts`: each script there, by name)
            for part in parts:
                yield from split_commands(_with_sourced(texts[part], texts, command.cwd),
                                          command.cwd, {**env, "0": part})  # fmt: skip
            continue
        path = _script_run(command) or _on_path(command, texts, env) or ""
        text = texts.get(path)
        direct = posixpath.basename(command.words[0]) not in (*SHELLS, ".", "source")
        if text is not None and direct and text.startswith("#!") and not _SHELL_LINE.match(text):
            text = None  # (run as a program, a Ruby binstub or a Python script is no shell)
        if posixpath.basename(path) in _JVM_BUILDS:
            text = None  # (the Maven or Gradle wrapper the context holds: Maven or Gradle runs)
        if posixpath.basename(path) == "install-from-bindep":
            text = None  # (ansible-builder's, which the model knows: its own copy in _build/)
        if text is None:
            yield command
            continue
        runner = posixpath.basename(command.words[0])
        # (dash and BusyBox's ash let a `return` outside a function succeed: a script they run
        # takes itself for sourced; sh is one of them, or bash on Red Hat's family: not known)
        shebang = text.split("\n", 1)[0] if text.startswith("#!") else ""
        if runner in (".", "source", "dash", "ash"):
            text = _sourced_as(text, True)
        elif runner == "bash" or (runner not in SHELLS and "bash" in shebang):
            text = _sourced_as(text, False)
        positional = _positional(command, path)
        if "getopts" in text and positional:
            text = _options_given(text, positional)
        if '"$@"' in text and positional:
            text = _arguments_given(text, positional)
        inner = split_commands(
            _with_sourced(text, texts, command.cwd),
            command.cwd,
            {**_script_env(command, env), **positional},
        )
        if depth < 1:
            inner = tuple(_inlined(inner, texts, instr, env, homes, depth + 1))
        yield from inner


def _script_env(command: Command, env: Mapping[str, str]) -> Mapping[str, str]:
    """The environment a script `command` runs has: the RUN's, with what the command sets
    before it (`HOME=/opt bash install.sh`). Run as another user (`sudo -u app bash
    install.sh`), its HOME is that user's, which the commands read in here do not carry: not
    known, unless it is the RUN user's own (`sudo bash x.sh` run as root)."""
    found = {**env, **dict(command.assignments)}
    user, _ = _switch(command.words)
    if user is None and posixpath.basename(command.words[0]) in ("sudo", "su"):
        user = "root"
    if user is not None:
        # (sudo and su set the HOME of the user they run as, whatever was set before: kept
        # where it is the RUN user's, `sudo bash x.sh` run as root)
        target = "/root" if user in ("root", "0") else f"/home/{user}"
        if env.get("HOME") == target:
            found["HOME"] = target
        else:
            found.pop("HOME", None)
    return found


# `. lib.sh`, `source "/opt/lib.sh"` on a line of its own, or first on it before `;` or `&&`
# (`source /opt/build.sh; GetGcc`: what follows calls the functions it defined)
_SOURCE_LINE = re.compile(
    r"^[ \t]*(?:\.|source)[ \t]+(['\"]?)([^\s;&|'\"$`]+)\1[ \t]*(?:$|;[ \t]*|&&[ \t]*)", re.M
)
# A script's test of whether it was sourced, `(return 0 2>/dev/null) && SOURCED=true`: a return
# outside a function succeeds only in a sourced script
_SOURCED_TEST = re.compile(
    r"\(\s*return(?:\s+0)?\s+2>\s*/dev/null\s*\)"
    r"(?:\s*&&\s*(?P<name>\w+)=(?P<yes>\S+)\s*\|\|\s*(?P=name)=(?P<no>\S+))?"
)


def _sourced_as(text: str, sourced: bool) -> str:
    """`text` with its test of whether it was sourced answered (`SOURCED="true"` where it was)."""

    def answer(found: re.Match[str]) -> str:
        if found["name"]:
            return f"{found['name']}={found['yes'] if sourced else found['no']}"
        return "true" if sourced else "false"

    return _SOURCED_TEST.sub(answer, text) if "return" in text else text


def _with_sourced(text: str, texts: Mapping[str, str], cwd: str | None, depth: int = 0) -> str:
    """`text` with each script of `texts` it sources put in place of the line, as the shell
    reads it: the functions a library defines (`. lib.sh`, then `install_packages curl`) are
    the caller's."""
    if depth > 1 or ("source" not in text and ". " not in text):
        return text

    def include(match: re.Match[str]) -> str:
        path = resolve_path(match[2], cwd)
        inner = texts.get(path) if path else None
        if inner is None:
            return match[0]
        return _with_sourced(_sourced_as(inner, True), texts, cwd, depth + 1) + "\n"

    return _SOURCE_LINE.sub(include, text)


# The names Debian's run-parts runs (`00-apt-update`; not `setup.sh`, nor `README.md`)
RUN_PARTS_NAME = re.compile(r"[A-Za-z0-9_-]+")


def _run_parts(command: Command, texts: Mapping[str, str]) -> list[str]:
    """The scripts of `texts` that `run-parts DIR` runs, in its order (none for `--test`)."""
    if posixpath.basename(command.words[0]) != "run-parts" or any(
        w in ("--test", "--list") for w in command.words
    ):
        return []
    operands = [w for w in command.words[1:] if not w.startswith("-")]
    where = resolve_path(operands[-1], command.cwd) if operands else None
    return sorted(
        p
        for p in texts
        if posixpath.dirname(p) == where and RUN_PARTS_NAME.fullmatch(posixpath.basename(p))
    )


def _arguments(positional: Mapping[str, str]) -> list[str]:
    """The words a script was given, `$1` on, as the shell splits them (an empty expansion
    gives none)."""
    return [positional[str(i)] for i in range(1, 10) if positional.get(str(i))]


def _options_given(text: str, positional: Mapping[str, str]) -> str:
    """`text` with its `while getopts` loop replaced by the variables the options the script
    was given set (`sh install.sh -s 3 -v 4.2`, a loop `s) STEP="$OPTARG" ;;`: `STEP='3'`), so
    a `case ${STEP} in` after it takes its one branch; `text` as it is where the loop or the
    options read otherwise."""
    loop = _GETOPTS_LOOP.search(text)
    if loop is None:
        return text
    takes = {m[1]: m[2] == ":" for m in re.finditer(r"(\w)(:?)", loop[1])}
    valued = {m[1]: m[2] for m in _OPTARG_ARM.finditer(loop[3])}
    flags = {m[1]: (m[2], m[3]) for m in _FLAG_ARM.finditer(loop[3])}
    given = _arguments(positional)
    bound: list[str] = []
    while given and given[0].startswith("-") and len(given[0]) >= 2 and given[0] != "--":
        word = given.pop(0)
        letter, rest = word[1], word[2:]
        if letter not in takes:
            return text
        if takes[letter]:
            value = rest or (given.pop(0) if given else "")
            if letter not in valued:
                return text
            bound.append(f"{valued[letter]}={_single_quoted(value)}")
        elif rest or letter not in flags:
            return text
        else:
            bound.append(f"{flags[letter][0]}={flags[letter][1]}")
    return text[: loop.start()] + "\n".join(bound) + text[loop.end() :]


def _arguments_given(text: str, positional: Mapping[str, str]) -> str:
    """`text` with its `for arg in "$@"; do case $arg in ... esac; done` loop replaced by the
    arms of the arguments the script was given, in their order (`./ps-empire -f setup`: `-f)
    FORCE="-f"`, and no `install)`, whose INSTALL=1 a later `if` reads; `provision.sh python`:
    `python) install_python`), where each arm is a word (or words joined by `|`) that reads no
    more of the arguments; `text` as it is where the loop reads otherwise."""
    loop = _ARGUMENTS_LOOP.search(text)
    if loop is None:
        return text
    arms: dict[str, str] = {}
    for arm in _CASE_ARM.finditer(loop[3]):
        if arm[1] != "*" and is_glob(arm[1]):
            return text  # (`--path=*)`: an argument's arm by a pattern, not read here)
        for word in arm[1].split("|"):
            arms[word.strip().strip("\"'")] = arm[2]
    bound: list[str] = []
    for word in _arguments(positional):
        body = arms.get(word)
        if body is None and "*" in arms:
            continue  # (the catch-all's: what it keeps of the word is not read here)
        if body is None or _ARM_MOVES.search(body) or "$" + loop[1] in body:
            return text  # (a word no arm takes, or an arm that reads on: the loop as it is)
        bound.append(body)  # (its assignments, and what it calls: `python) install_python`)
    return text[: loop.start()] + "\n".join(bound) + text[loop.end() :]


# `for arg in "$@"; do case $arg in ... esac; done`, and an arm of it (`install) INSTALL=1 ;;`)
_ARGUMENTS_LOOP = re.compile(
    r"for\s+(\w+)\s+in\s+\"\$@\"\s*;?\s*do\s+(?:(?!\bdone\b|\bcase\b).)*?"
    r"case\s+\"?\$\{?\1\}?\"?\s+in\b(\s)(.*?)\besac\s*;?\s*done\b",
    re.DOTALL,
)
_CASE_ARM = re.compile(r"(?m)^\s*\(?([^\s()*][^\s()]*|\*)\)\s*(.*?);;", re.DOTALL)
# (what makes an arm read more of the arguments, or leave the loop)
_ARM_MOVES = re.compile(r"\b(?:shift|break|continue|exit|return)\b|\$\{?[@*#1-9]")


# A `while getopts OPTSTRING VAR; do ... done` loop, and its arms: one that keeps the option's
# value (`s) STEP="$OPTARG"`), one that sets a flag (`y) YES=1`)
_GETOPTS_LOOP = re.compile(
    r"while\s+getopts\s+[\"']?:?([\w:]+)[\"']?\s+\w+\s*;?\s*do\b(\s)(.*?)\bdone\b", re.DOTALL
)
_OPTARG_ARM = re.compile(r"(?m)^\s*(\w)\)\s*(\w+)=[\"']?\$\{?OPTARG\}?[\"']?")
_FLAG_ARM = re.compile(r"(?m)^\s*(\w)\)\s*(\w+)=([\w.-]+)\s*(?:;;|$)")


def _positional(command: Command, path: str) -> dict[str, str]:
    """`$0` and `$1`... of a script `command` runs (`bash /tmp/build.sh x`: `$0` is the script's
    path, `$1` x); none for one sourced or read from standard input, which has its caller's."""
    words = tool_and_args(command)[1] or command.words
    if words[0] in (".", "source"):
        return {}
    at = next((i for i, w in enumerate(words) if resolve_path(w, command.cwd) == path), None)
    if at is None:
        return {}
    given = list(words[at + 1 :])[:9]
    # (a script run with two arguments has an empty `$3`: `[ -z "$3" ]` holds)
    return {"0": path, **{str(i): given[i - 1] if i <= len(given) else "" for i in range(1, 10)}}


def _make_recipe(
    command: Command, texts: Mapping[str, str], instr: Instruction
) -> tuple[str, Recipe] | None:
    """Where `make` runs and what the targets it names run, from a Makefile of `texts` (`-C
    DIR`, `-f FILE`, `NAME=value` read as make does, the environment's variables under the
    Makefile's; a plain `make`, its first target's: a Go project's `go install`); None for one
    run as another user (`sudo -u app make`: its recipe would be read as root's), or a Makefile
    not read."""
    tool, words = tool_and_args(command)
    if tool != "make" or command.cwd is None:
        return None
    from layerguard.dockerfile.makefile import recipe  # (few RUNs run make)

    if command.words[0] in ("su", *_SWITCHERS, "runuser", "setpriv", "chroot") or (
        command.words[0] == "sudo" and any(w.startswith(("-u", "--user")) for w in command.words)
    ):
        return None
    directory, path = _makefile(words, command.cwd, texts)
    if directory is None:
        return None
    # (`-j "$(nproc)"`: a word the shell computes is -j's, not a target)
    operands = [w for w in _operands(words, _MAKE_VALUES) if "$" not in w and "`" not in w]
    targets = tuple(w for w in operands if "=" not in w and not w.isdigit())
    given = dict(w.split("=", 1) for w in operands if "=" in w)
    if path is None:
        return None
    environment = {**instr.env, "HOME": _home(instr), **dict(command.assignments)}
    found = recipe(texts[path], targets, given, environment)
    return (directory, found) if found is not None else None


def _runs_make(commands: Iterable[Command]) -> bool:
    """A command runs make, by any path or in a script of its own (`sh -c "make build"`)."""
    return any("make" in w for c in commands for w in c.words)


# What writes a Makefile for a C or C++ build (`./configure && make`, `cmake .. && make`).
_CONFIGURES = frozenset(
    {"configure", "config", "Configure", "cmake", "autogen.sh", "autoreconf", "meson", "qmake"}
    | {"bootstrap", "bootstrap.sh", "Makefile.PL"}
)
# ESP-IDF's tree: a clone of esp-idf, or IDF_PATH in Espressif's image (/opt/esp/idf)
_ESP_IDF = re.compile(
    r"(?:^|/)(?:esp-idf(?:-(?:release-)?v?[\d.]+(?:-\w+)?)?|esp/idf)/install\.sh$"
    r"|^/opt/idf/install\.sh$"
)
# make's targets that build nothing (`make clean`, `make help`)
_NO_BUILD_TARGETS = frozenset(
    {"clean", "distclean", "help", "doc", "docs", "fmt", "format", "lint", "uninstall", "version"}
)


def _makefile(
    words: tuple[str, ...], cwd: str, texts: Mapping[str, str]
) -> tuple[str | None, str | None]:
    """(the directory make runs in, `-C DIR`; the Makefile of `texts` it reads there, `-f
    FILE` or make's own names, or None)."""
    from layerguard.dockerfile.makefile import MAKEFILE_NAMES  # (few RUNs run make)

    directory = resolve_path(_option_value(words, "-C", "--directory") or ".", cwd)
    named = _option_value(words, "-f", "--file")
    if directory is None:
        return None, None
    candidates = [named] if named else list(MAKEFILE_NAMES)
    path = next(
        (p for c in candidates if (p := resolve_path(c, directory)) is not None and p in texts),
        None,
    )
    return directory, path


def _go_make(
    command: Command, texts: Mapping[str, str], env: Mapping[str, str], workdir: str
) -> bool:
    """`make` that builds a Go project: the project the image's WORKDIR holds (not a library
    cloned or unpacked elsewhere, `cd /tmp/zstd && make`), where Go's toolchain image set
    GOPATH, of a Makefile the build context does not show or the model does not plainly read
    (its conditionals test what a program prints), with a target that builds."""
    tool, words = tool_and_args(command)
    if tool != "make" or command.cwd is None or not {"GOPATH", "GOLANG_VERSION"} & set(env):
        return False
    if _QUESTIONS & set(words):
        return False
    directory, _ = _makefile(words, command.cwd, texts)
    # (not a directory below it, nor GOPATH's src: a library an earlier RUN cloned there is as
    # likely)
    if directory != workdir:
        return False
    operands = [w for w in _operands(words, _MAKE_VALUES) if "=" not in w and not w.isdigit()]
    # (`make clean all`: one target that builds is enough; a target of another tool's module,
    # `make bash/lint readme/deps` of cloudposse's build-harness, builds no Go: `go/build`
    # does)
    # (nor a C library's file, which cc builds: `make clean libzstd.a` in gozstd; a `.so` may
    # be a Go plugin)
    return not operands or any(
        t not in _NO_BUILD_TARGETS
        and ("/" not in t or t.split("/", 1)[0] in ("go", "golang"))
        and not _C_ARTIFACT.search(t)
        for t in operands
    )


_C_ARTIFACT = re.compile(r"(?:^lib[\w.+-]*\.(?:a|la)|\.o)$")


_COMPILERS = frozenset({"gcc", "cc", "g++", "c++", "clang", "clang++"})


def _compiled(words: Sequence[str]) -> str:
    """The file a compiler writes: `-o su-exec`, or joined to its option, `-o/usr/local/bin/
    su-exec`. (A compiler's options are no clusters of letters: `-DHOME="/data/riot"`,
    `-fno-omit-frame-pointer` hold an o of their own.)"""
    if "-o" in words[:-1]:
        return words[words.index("-o") + 1]
    return next((w[2:] for w in words[1:] if w.startswith("-o") and len(w) > 2), "")


def _single_quoted(value: str) -> str:
    """`value` as one shell word (shlex.quote, without its import at every start)."""
    return "'" + value.replace("'", "'\\''") + "'"


# winetricks' verbs that install from a download: runtimes, DLLs, fonts.
_WINETRICKS_DOWNLOADS = re.compile(
    r"(?:dotnet|vcrun|vb\drun|corefonts|allfonts|cjkfonts|d3dx|d3dcompiler|msxml|mfc\d|dxvk|xact"
    r"|physx|gdiplus|gecko|mono|ie\d|wmp|quartz|xna|directx|powershell|riched|faudio|vkd3d"
    r"|xinput|msls31|arial|tahoma|times|courier|verdana|georgia|trebuchet|webdings|comicsans"
    r"|impact|andale|consolas|lucida|calibri|cambria|meiryo|msgothic|msmincho)"
)
_RUBY_SUFFIXED = re.compile(r"(gem|bundle)(?:\.ruby\d+(?:\.\d+)*|\d+(?:\.\d+)+|(?<=bundle)r)")
_MAKE_VALUES = frozenset({"-C", "-f", "--directory", "--file", "-I", "-o", "-W"})
_NINJA_VALUES = frozenset({"-C", "-f", "-j", "-k", "-l", "-d", "-t", "-w"})
_CMAKE_INSTALLS = frozenset({"install", "install/strip"})
_SHELL_LINE = re.compile(r"#!\s*\S*/(?:env\s+(?:-\S+\s+)*)?(?:ba|da|a|k|z)?sh\b")


# Interpreters whose programs write files the model does not see (code generators, fetchers)
_INTERPRETER_NAMES = ("python", "pypy", "perl", "ruby", "node", "php", "java", "deno", "bun")
# The shell's builtins: a script of the same name on the PATH never runs in their place
_SHELL_BUILTINS = frozenset(
    {"test", "[", "echo", "printf", "cd", "pwd", "true", "false", "read", "set", "export"}
    | {"source", ".", "eval", "exec", "exit", "kill", "type", "command", "wait", "shift"}
)


def _on_path(
    command: Command, texts: Mapping[str, str], env: Mapping[str, str] | None = None
) -> str | None:
    """The script of `texts` that `command` runs by its bare name from a bin directory on the
    PATH (`COPY install-packages /usr/bin/`, then `RUN install-packages curl`, also through
    `sudo`), or from a directory the ENV put on it (`ENV PATH="/tools:${PATH}"`)."""
    words = tool_and_args(command)[1] or command.words
    name = words[0]
    if "/" in name or name in _SHELL_BUILTINS:
        return None
    # (only the directories put before the base's PATH: one appended after it, `ENV
    # PATH=$PATH:/tools`, loses to the system's own `install`)
    ahead = (env or {}).get("PATH", "").split(":")
    ahead = ahead[: next((i for i, d in enumerate(ahead) if "$" in d), len(ahead))]
    listed = {d.rstrip("/") for d in ahead if d.startswith("/")}
    end = "/" + name  # (by the name's end first: a big context's scripts are many)
    return next(
        (
            p
            for p in texts
            if p.endswith(end)
            and (posixpath.dirname(p) in BIN_DIRS or posixpath.dirname(p) in listed)
        ),
        None,
    )


def _script_run(command: Command) -> str | None:
    """The image path of the script `command` runs: `/scripts/x.sh`, `./x.sh`, `sh x.sh`,
    `bash -e x.sh`, `bash < x.sh`, `. ./x.sh`, `source x.sh`."""
    words = command.words
    if words[0] == "sudo":
        words = tool_and_args(command)[1] or words  # (`sudo bash < x.sh`)
    name = posixpath.basename(words[0])
    if name in SHELLS or words[0] in (".", "source"):
        if "-c" in words:
            return None
        rest = _shell_operands(words)
        if not rest:
            # (`bash < /tmp/setup/deps.sh`, `sh -s < x.sh`: the script on standard input)
            fed = [r.target for r in command.redirects if r.op == "<"]
            if not fed or name not in SHELLS:
                return None
            return resolve_path(fed[-1], command.cwd)
        script = rest[0]
    elif "/" in words[0]:
        script = words[0]
    else:
        return None
    return resolve_path(script, command.cwd)


def _home(instr: Instruction, known: str = "") -> str:
    """The home a RUN sees: an ENV HOME (Jupyter images set one) whatever the user, else the
    USER's: `known` when an earlier step showed it, else `USER app` -> /home/app (a numeric id
    or none says root's, as far as we know; `USER ${NB_UID}` of a base not known, `$HOME` by
    its name)."""
    if instr.env.get("HOME"):
        return instr.env["HOME"]
    if known:
        return known
    name = instr.user.split(":", 1)[0]
    if "$" in name:
        return "/$HOME"  # (a user the build or base names: its home, as a COPY to ${HOME} has it)
    if name in _SYSTEM_HOMES:
        return _SYSTEM_HOMES[name]
    if name and name != "root" and not name.isdigit():
        return f"/home/{name}"
    return "/root"


_UID_1000 = frozenset({"ubuntu", "node", "vscode", "jovyan", "codespace"})
_USERMOD_VALUES = frozenset(
    {"-u", "--uid", "-g", "--gid", "-G", "--groups", "-d", "--home", "-s", "--shell", "-c"}
    | {"--comment", "-l", "--login", "-e", "--expiredate", "-f", "--inactive", "-p"}
    | {"--password", "-R", "--root", "-P", "--prefix"}
)
# Users whose home Debian and Alpine set elsewhere than /home.
# (and postgres', which Debian's and Alpine's packages and the postgres image make)
_SYSTEM_HOMES = {
    "www-data": "/var/www",
    "nobody": "/nonexistent",
    "postgres": "/var/lib/postgresql",
}
# Where apk keeps its index and packages when the directory is there (Alpine's setup-apkcache
# makes it a link to /var/cache/apk): a cache mount there takes both.
_APK_CACHE_DIR = "/etc/apk/cache"
_BRACED = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_NAME = re.compile(r"[a-z_][a-z0-9_.-]*")  # a user's name, as useradd takes it


def _tilde_users(command: Command, homes: Mapping[str, str]) -> Command:
    """`command` with `~name` replaced by the home of user `name`, where a step showed it, in
    its words and its redirections' targets (`echo ... >> ~app/.bashrc`)."""

    def home_of(word: str) -> str:
        name, slash, rest = word[1:].partition("/")
        if word.startswith("~") and _NAME.fullmatch(name) and name in homes:
            return homes[name].rstrip("/") + slash + rest if slash else homes[name]
        return word

    redirects = tuple(r._replace(target=home_of(r.target)) for r in command.redirects)
    return command._replace(words=tuple(map(home_of, command.words)), redirects=redirects)


def _moved_home(
    words: tuple[str, ...],
    name: str,
    command: Command,
    text: str,
    homes: Mapping[str, str] | None = None,
) -> Iterator[Op]:
    """`usermod -m -d /home/dev ubuntu` moves the user's home (where `homes` says it is), as
    `mv /home/ubuntu /home/dev` would: what it held is written again under the new name."""
    new = _option_value(words, "-d", "--home")
    moves = any(w in ("-m", "--move-home") for w in words)
    if not (moves and new and name) or "$" in name:
        return
    old = (homes or {}).get(name) or _user_home(name)
    yield Op(REMOVE, "usermod", _paths([old], command), text)
    yield Op(WRITE, "usermod", _paths([new], command), text, TREE, UNKNOWN, sources=(old,))


def _user_home(name: str) -> str:
    """The home useradd gives user `name` when not told one."""
    return _SYSTEM_HOMES.get(name) or ("/root" if name == "root" else f"/home/{name}")


_IN_HOME = re.compile(r"/home/[^/*?$]+/")
# A name of an overlay whiteout (`.wh.name`, `.wh..wh..opq`), or a pattern of them (`.wh*`)
_WHITEOUT = re.compile(r"(?:.*/)?\.wh(?:\.|\*|$)[^/]*$")


def _gem_cache(path: str, gem_home: str = "") -> bool:
    """`/app/vendor/ruby/*/cache`, `$GEM_HOME/cache/*.gem`: where rubygems keeps .gem files (a
    cache/ in a gem directory, not /var/cache)."""
    parts = path.rstrip("/").split("/")
    if "cache" not in parts[-2:] or not (parts[-1] == "cache" or parts[-1].endswith(("*", ".gem"))):
        return False
    above = parts[: parts.index("cache", len(parts) - 2)]
    # (Jekyll's images keep their gems in /usr/gem, their GEM_HOME)
    jekyll = gem_home == "/usr/gem" and path.startswith("/usr/gem/")
    return jekyll or any(
        p in ("ruby", "gems", "bundle", ".gem") or p.startswith("gems") for p in above
    )


def _as_run(
    commands: Iterable[Command],
    env: Mapping[str, str],
    home: str = "/root",
    depth: int = 0,
    texts: Mapping[str, str] | None = None,
    instr: Instruction | None = None,
    homes: Mapping[str, str] | None = None,
) -> Iterator[tuple[Command, str]]:
    """Each command with the home directory of the user it runs as, looking into the scripts
    of `sh -c`, `su USER -c` and `sudo -u USER`, where caches land in that user's home (and
    into the scripts of `texts` they run: `bash -c "install-packages curl"`); a user's home as
    `homes` knows it (`adduser -h /code ai`), else /home/USER."""
    for command in commands:
        user, script = _switch(command.words)
        where = (
            home
            if user is None
            else "/root"
            if user in ("root", "0")
            else (homes or {}).get(user, f"/home/{user}")
        )
        if script is not None and depth < 3:
            # (`bash -c 'rm -f /usr/local/bin/{docker-entrypoint.sh,yarn*}'`: two names)
            bash = posixpath.basename(command.words[0]) in _BRACE_SHELLS
            known = {**env, **dict(command.assignments)}
            # (`bash -c "source /opt/build.sh; GetGcc"`: the functions the script defines)
            script = _with_sourced(script, texts, command.cwd) if texts else script
            inner = split_commands(script, command.cwd, known, braces=bash)
            if instr is not None and (texts or _runs_make(inner)):
                inner = tuple(_inlined(inner, texts or {}, instr, {**env, "HOME": where}, homes))
            yield from _as_run(inner, env, where, depth + 1, texts, instr, homes)
        else:
            yield command, where


_RUST_HOMES = (("RUSTUP_HOME", "~/.rustup"), ("CARGO_HOME", "~/.cargo"))


# sdkmanager's commands that only print
_SDK_ASKS = frozenset({"--list", "--list_installed", "--version", "--help", "-h"})


def _adds_to_rust(tool: str, words: tuple[str, ...]) -> bool:
    """`rustup toolchain install nightly`, `rustup component add clippy`, `rustup target add
    wasm32-unknown-unknown`, `rustup default stable`: what it fetches lands in RUSTUP_HOME."""
    if tool != "rustup":
        return False
    sub = subcommand(words)
    second = subcommand(words[1:]) if sub in ("toolchain", "component", "target") else ""
    return sub in ("install", "update", "default") or second in ("install", "add")


# Vendors' setup scripts run by name that update apt's lists and leave them: the Azure
# Pipelines agent's and the GitHub Actions runner's (what .NET needs), and PostgreSQL's PGDG
# repository script from postgresql-common (it adds the repository and updates).
_APT_SETUP_SCRIPTS = frozenset({"installdependencies.sh", "apt.postgresql.org.sh"})
# Install scripts, fetched and piped to a shell, that run apt-get update and leave the lists.
_APT_SCRIPTS = (
    "deb.nodesource.com/setup",
    "deb.nodesource.com/nsolid_setup_deb.sh",  # (N|Solid's, from the same repository)
    # (and NodeSource's scripts from their repository: `.../nodesource/distributions/master/
    # scripts/deb/setup_20.x`)
    "nodesource/distributions/",
    "get.docker.com",
    "test.docker.com",  # (the same script, for the test channel)
    "aka.ms/InstallAzureCLIDeb",
    "apt.llvm.org/llvm.sh",  # (it adds LLVM's repository, updates and installs clang)
    "tailscale.com/install.sh",
    "apt.kitware.com/kitware-archive.sh",
    # (Rapid7's Metasploit installer, saved as msfinstall: it adds the omnibus repository)
    "metasploit-framework-wrappers/msfupdate.erb",
    # (Cloudsmith's and packagecloud's repository setup scripts for apt; packagecloud's
    # script.gem.sh, script.python.sh and script.rpm.sh touch no apt lists)
    ".deb.sh",
    # (MariaDB's repository setup, which ends with apt-get update on Debian and Ubuntu)
    "mariadb_repo_setup",
    # (Treasure Data's td-agent installers, and Fluentd's fluent-package ones after them:
    # they add the repository, update and install)
    *(
        f"{h}/sh/install-{d}"
        for h in ("treasuredata.com", "fluentd.cdn.cncf.io")
        for d in ("ubuntu", "debian")
    ),
)


_APT_SCRIPT = re.compile(
    "|".join(re.escape(s) for s in _APT_SCRIPTS)
    # (get.docker.com's script from its repository, at a branch or commit; not its
    # rootless-install.sh, which installs no package, nor get.docker.com/rootless)
    + r"|/docker/docker-install/[^/\s]+/install\.sh"
)


# Of those, the ones that install with yum or dnf on Red Hat's family (`yum install
# docker-ce`), whose metadata stays in yum's cache: Docker's (Tailscale's enables its service
# with systemctl there, which no build runs)
_YUM_TOO = ("get.docker.com", "test.docker.com", "/docker/docker-install/")
# The family of what such a script leaves in yum's cache: yum's own, where the base is known to
# be of Red Hat's family, and nothing elsewhere
VENDOR_YUM = "vendor-yum"


def _vendor_script_caches(tool: str, vendor: str, text: str) -> Iterator[Op]:
    """What a vendor's install script (`vendor`, of `_APT_SCRIPTS`) run by `tool` keeps: apt's
    lists, or on Red Hat's family yum's cache where the script installs there too."""
    yield Op(WRITE, tool, ("/var/lib/apt/lists",), text, TREE, HEAVY, CACHE, "apt")
    if any(s in vendor for s in _YUM_TOO):
        yield Op(WRITE, tool, tuple(sorted(_YUM_CACHES)), text, TREE, HEAVY, CACHE, VENDOR_YUM)


def apt_script(text: str) -> str | None:
    """The vendor's install script (of `_APT_SCRIPTS`) that `text` names, if any."""
    found = _APT_SCRIPT.search(text)
    if found is None or "get.docker.com/rootless" in text:
        return None
    return found.group()


def _to_stdout(tool: str, words: tuple[str, ...]) -> bool:
    """curl or wget writes what it fetches to standard output (into a pipe)."""
    if tool == "wget":
        return _option_value(words, "-O", "--output-document") == "-"  # (`-qO-`, `-O -`)
    return _option_value(words, "-o", "--output") in (None, "-") and not _remote_names(words)


def _remote_names(words: tuple[str, ...]) -> list[str]:
    """curl's options that save what it fetches under the address's own name (`-O`, `-fsSLO`,
    `--remote-name`, `--remote-name-all`)."""
    return [
        w
        for w in words[1:]
        if w in ("-O", "--remote-name", "--remote-name-all")
        or (w.startswith("-") and not w.startswith("--") and "O" in w)
    ]


def _header_named(words: tuple[str, ...]) -> bool:
    """curl saves under the name the server's Content-Disposition gives (`-OJ`, `-LOJ`,
    `--remote-header-name`), which the Dockerfile does not show."""
    return any(
        w == "--remote-header-name"
        or (w.startswith("-") and "J" in w and set(w[1:]) <= _CURL_FLAGS)
        for w in words[1:]
    )


# curl's one-letter options that take no value, which a cluster joins (`-fsSLOJ`; not `-uJoe:pw`)
_CURL_FLAGS = frozenset("fsSLOJkvnIilgGqRZVMNBjap0123456#")


# A removal that takes what the packages it removes pulled in along with them.
AUTOREMOVES = frozenset({"autoremove", "--auto-remove", "--autoremove"})
_SHORT_YES = re.compile(r"-[a-zA-Z]*y[a-zA-Z]*")
# Debian's and Ubuntu's Essential packages of every release since 9 (`Essential: yes`; not
# login, hostname or sysvinit-utils, which some releases made optional)
_ESSENTIAL = frozenset(
    {"base-files", "base-passwd", "bash", "bsdutils", "coreutils", "dash", "debianutils"}
    | {"diffutils", "dpkg", "findutils", "grep", "gzip", "libc-bin", "ncurses-base"}
    | {"ncurses-bin", "perl-base", "sed", "tar", "util-linux"}
)
_PACKAGE_TOOLS = frozenset({*_APT, "apk", *_YUM, "dpkg", "rpm", *_PIP, "npm", "pnpm", "gem"})
# (GNU's -i, -l and -e take their value attached or not at all: `xargs -i pip install {}`)
_XARGS_VALUES = frozenset({"-I", "-n", "-L", "-P", "-d", "-E", "-s", "-a"})


def _through_xargs(pairs: Iterable[tuple[Command, str]]) -> Iterator[tuple[Command, str]]:
    """`find ROOT ... | xargs rm -rf` read as `find ROOT ... -exec rm -rf {} +`, and any other
    `xargs PROGRAM ...` as the program it runs (its arguments come from the pipe)."""
    previous: Command | None = None
    for command, home in pairs:
        words = command.words
        if posixpath.basename(words[0]) == "xargs":
            rest = list(words[1:])
            marker = ""  # what xargs replaces with each name it reads (-I)
            while rest and rest[0].startswith("-"):
                flag = rest.pop(0)
                if flag in _XARGS_VALUES and rest:
                    value = rest.pop(0)
                    marker = value if flag == "-I" else marker
                elif flag.startswith("--replace"):
                    marker = flag.partition("=")[2] or "{}"
                elif flag.startswith(("-I", "-i")):
                    marker = flag[2:] or "{}"
            listed = _listed(previous)
            if (
                rest
                # (and an in-place editor: `find . -type f -print0 | xargs -0 dos2unix`)
                and posixpath.basename(rest[0]) in ("rm", "chown", "chmod", "chgrp", *_EDITORS)
                and previous is not None
                and tool_and_args(previous)[0] == "find"
            ):
                words = (*previous.words, "-exec", *rest, "{}", "+")
            elif rest and listed:
                # (the names an `ls` printed: `ls ./*.whl | xargs -I{} pip install {}`, also in a
                # script it runs, `xargs -I{} sh -c 'pip install {} && rm -f {}'`)
                named = " ".join(listed)
                if marker and any(w == marker for w in rest):
                    words = tuple(x for w in rest for x in (listed if w == marker else (w,)))
                elif marker and any(marker in w for w in rest):
                    words = tuple(w.replace(marker, named) for w in rest)
                else:
                    words = (*rest, *listed)
            elif rest:
                # (a package manager gets its package names from the pipe: `dpkg -l | awk ... |
                # xargs apt-get purge -y`, some packages, which ones not known; a download its
                # addresses, `jq -r '.assets[].browser_download_url' | xargs -L1 wget`)
                piped = posixpath.basename(rest[0]) in (*_PACKAGE_TOOLS, "wget", "curl")
                words = (*rest, "$XARGS") if piped else tuple(rest)
            command = command._replace(words=words)
        previous = command
        yield command, home
        if words[0].endswith("find") and (runs := _find_runs(words)):
            # (`find install/ -name '*.whl' -exec pip3 install {}[all] \;`: pip runs)
            yield command._replace(words=runs), home


def _listed(command: Command | None) -> tuple[str, ...]:
    """The paths an `ls` prints (`ls ./*.whl`; a bare `ls`, what the working directory holds),
    as they would be named on xargs' command line; () for any other command, or an `ls` of a
    directory's contents by its name."""
    if command is None or tool_and_args(command)[0] != "ls":
        return ()
    names = tuple(w for w in command.words[1:] if not w.startswith("-"))
    if not names:
        return ("./*",)  # (`ls | xargs dpkg -i`: what the working directory holds)
    return names if all(is_glob(n) or names_a_file(n) for n in names) else ()


def _find_runs(words: tuple[str, ...]) -> tuple[str, ...]:
    """The package manager a find runs on what it selects, as its own command; () for none
    (the programs that change files, `-exec rm`, are the find's own ops)."""
    if posixpath.basename(words[0]) != "find":
        return ()
    for at, word in enumerate(words):
        if word in ("-exec", "-execdir") and at + 1 < len(words):
            end = next((j for j in range(at + 1, len(words)) if words[j] in (";", "+")), None)
            program = words[at + 1 : end]
            if program and package_command(posixpath.basename(program[0]), program)[0]:
                return program
            if (moved := _found_moved(words, program)) is not None:
                return moved
    return ()


def _found_moved(words: tuple[str, ...], program: tuple[str, ...]) -> tuple[str, ...] | None:
    """`find /tmp -name upscan -exec mv {} /usr/local/bin/upscan \\;`: the mv of the file the
    find selects by its plain name, or by a pattern right in its root (`find /tmp -maxdepth 1
    -name 'Inkscape*.AppImage' -exec mv {} /usr/local/bin/inkscape \\;`), to one destination;
    None for any other."""
    if len(program) < 3 or posixpath.basename(program[0]) not in ("mv", "cp", "install"):
        return None
    if program.count("{}") != 1 or "{}" in program[-1] or "$" in program[-1]:
        return None
    at = next((i for i, w in enumerate(words[:-1]) if w in ("-name", "-iname")), None)
    if at is not None and words[at - 1] in ("!", "-not"):
        return None  # (`! -iname '*.md'`: every other file, which no name says)
    name = words[at + 1] if at is not None else ""
    if at is not None and words[at] == "-iname" and is_glob(name):
        # (matched in any case: `-iname '*.appimage'` finds Tool.AppImage)
        name = "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in name)
    roots = find_roots(words)
    depth = next((words[i + 1] for i, w in enumerate(words[:-1]) if w == "-maxdepth"), "")
    if not name or (is_glob(name) and depth != "1") or "/" in name or len(roots) != 1:
        return None
    return tuple(posixpath.join(roots[0], name) if w == "{}" else w for w in program)


# The commands that run the rest of their words as the user named first (phusion's baseimage
# has setuser: `/sbin/setuser app bash -l -c "bundle install"`)
_SWITCHERS = ("gosu", "su-exec", "setuser")
# The options of the user-switching commands that take a value (not a user's name).
_SWITCH_VALUES = {
    "sudo": frozenset({"-g", "--group", "-C", "-p", "-r", "-t", "-U", "-D", "-h", "--host"}),
    **dict.fromkeys(
        ("su", "runuser"),
        frozenset({"-s", "--shell", "-g", "-G", "--group", "--supp-group", "-w"}),
    ),
}


# sudo's short options bundled, the last taking a value (`-Hu oncall`, `-Eu app`)
_SUDO_BUNDLE = re.compile(r"-[A-Za-z]+[ugUCDh]")


def _switch(words: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(the user a command switches to, the script it runs with `-c`), either may be None."""
    user = None
    rest = list(words)
    while rest:
        name = posixpath.basename(rest[0])
        if name in ("su", "sudo", "runuser", *_SWITCHERS):
            rest = rest[1:]
            valued = _SWITCH_VALUES.get(name, frozenset())
            rest = [
                x for w in rest for x in (("-c", w[10:]) if w.startswith("--command=") else (w,))
            ]
            rest = ["-c" if w == "--command" else w for w in rest]
            while rest and rest[0].startswith("-") and rest[0] not in ("-c", "--"):
                flag = rest.pop(0)
                if name == "sudo" and _SUDO_BUNDLE.fullmatch(flag):
                    flag = "-" + flag[-1]  # (`sudo -Hu oncall`: -H, then -u's value)
                if flag in ("-u", "--user") and rest:
                    user = rest.pop(0)
                elif flag.startswith("--user="):
                    user = flag[7:]
                elif flag in valued and rest:
                    rest.pop(0)  # (`su -s /bin/bash app`: the shell, not the user)
            if rest and rest[0] == "--":
                rest = rest[1:]
            positional = ("su", "runuser", *_SWITCHERS)
            if name in positional and user is None and rest and not rest[0].startswith("-"):
                user = rest.pop(0)
            # (options may follow the user: `su app -s /bin/bash -c "..."`)
            while (
                name in ("su", "runuser") and rest and rest[0].startswith("-") and rest[0] != "-c"
            ):
                flag = rest.pop(0)
                if flag in valued and rest:
                    rest.pop(0)
            if name in ("su", "runuser") and len(rest) >= 2 and rest[0] == "-c":
                # (`su -c "..." app`, `su -c "..." - app`: the user after the command)
                after = rest[2:]
                while user is None and after:
                    word = after.pop(0)
                    if word in valued and after:
                        after.pop(0)
                    elif not word.startswith("-"):
                        user = word
                return user, rest[1]
            continue
        # (`bash -c`, and with other options before it: `bash -ec`, `sh -e -c`, `bash --login
        # -c`, `bash -o pipefail -c`)
        if name in SHELLS and len(rest) >= 3 and (at := _shell_script(rest)):
            return user, rest[at]
        if name == "eval" and len(rest) >= 2:
            # (`eval apt-get clean '&&' rm -rf ...`, as a variable's value expands to: the
            # shell joins the words and runs them as its script)
            return user, " ".join(rest[1:])
        if name in _POWERSHELLS and (at := _powershell_command(rest)):
            # (`pwsh -Command "dotnet tool install --global x"`: PowerShell runs the words
            # after -Command as one command line, which for a program's call reads as sh's)
            return user, " ".join(rest[at:])
        if name == "scl" and rest[1:2] == ["enable"] and len(rest) >= 4:
            # (Software Collections: `scl enable rh-ruby23 'gem install x'`, the command one
            # word after the collections, or its words after `--`)
            if "--" in rest:
                return user, " ".join(_quote(w) for w in rest[rest.index("--") + 1 :])
            return user, rest[-1]
        if name in _CONDA and subcommand(tuple(rest)) == "run":
            # (`conda run -n env bash -c "Rscript x.R && rm -f x.R"`: the env's shell)
            rest = list(_conda_run_command(tuple(rest)))
            continue
        break
    return user, None


# pg_createcluster's options that take a value
_CREATECLUSTER_VALUES = frozenset(
    {"-u", "--user", "-g", "--group", "-d", "--datadir", "-s", "--socketdir", "-l", "--logfile"}
    | {"-p", "--port", "--locale", "--lc-collate", "--lc-ctype", "--lc-messages"}
    | {"--lc-monetary", "--lc-numeric", "--lc-time", "-e", "--encoding", "--start-conf"}
    | {"-o", "--pgoption", "--createclusterconf", "--environment"}
)


_PHP_EXTENSION_VERSION = re.compile(r"-(?:[\d^~]|stable|beta|alpha|devel|snapshot).*$")
# mlocati's installer: the extensions it enables after the others (`xx-php-ext-` ini files),
# and the names it takes for others
_IPE_LATE = frozenset({"apcu_bc", "event", "http", "memcached", "oci8", "pdo_oci", "pq"})
_IPE_ALIASES = {"pecl_http": "http"}
# The extensions the official php images build in (mlocati's installer enables none of them)
_PHP_BUILT_IN = frozenset(
    {"ctype", "curl", "dom", "fileinfo", "filter", "ftp", "hash", "iconv", "json", "libxml"}
    | {"mbstring", "mysqlnd", "openssl", "pcre", "pdo", "pdo_sqlite", "phar", "posix"}
    | {"readline", "reflection", "session", "simplexml", "sodium", "spl", "sqlite3"}
    | {"standard", "tokenizer", "xml", "xmlreader", "xmlwriter", "zlib"}
)


def _php_ini_files(
    tool: str, words: tuple[str, ...], env: Mapping[str, str], text: str
) -> Iterator[Op]:
    """The ini file docker-php-ext-install, docker-php-ext-enable and install-php-extensions
    write for each extension they enable: `$PHP_INI_DIR/conf.d/docker-php-ext-xdebug.ini` (or
    `--ini-name`'s)."""
    conf = posixpath.join(env.get("PHP_INI_DIR", "/usr/local/etc/php"), "conf.d")
    given = _option_value(words, "", "--ini-name")
    names = [w for w in _operands(words, frozenset({"-j", "--jobs", "--ini-name"})) if "$" not in w]
    if tool == "install-php-extensions":
        # (mlocati's installer enables each through docker-php-ext-enable: `xdebug-^3.2@beta`
        # is xdebug's; `@composer` is a program, `vendor/ext` a source: no ini known; with
        # IPE_DONT_ENABLE none is enabled, and those that must load after others get an
        # `xx-php-ext-` ini)
        if "IPE_DONT_ENABLE" in env or "IPE_DONT_ENABLE" in text:
            return
        names = [
            _PHP_EXTENSION_VERSION.sub("", n.split("@", 1)[0])
            for n in names
            if not n.startswith("@") and "/" not in n
        ]
        names = [_IPE_ALIASES.get(n.lower(), n.lower()) for n in names]
        names = [n for n in names if n not in _PHP_BUILT_IN]  # (it skips those)
    if "$" in conf or not names:
        return
    late = _IPE_LATE if tool == "install-php-extensions" else frozenset()
    files = (
        [given] if given else [f"{'xx' if n in late else 'docker'}-php-ext-{n}.ini" for n in names]
    )
    yield Op(WRITE, tool, tuple(posixpath.join(conf, f) for f in files), text, FILE, UNKNOWN)


def _removed_items(words: tuple[str, ...]) -> tuple[str, ...]:
    """The paths PowerShell's `Remove-Item -Recurse -Force /root/.nuget/packages` removes;
    none with `-WhatIf` or when a filter narrows them (`-Include`, `-Exclude`, `-Filter`)."""
    paths: list[str] = []
    rest = list(words[1:])
    while rest:
        word = rest.pop(0)
        option = word.lower().split(":", 1)[0]
        if option in ("-whatif", "-wi", "-include", "-exclude", "-filter"):
            return ()  # (it removes nothing, or not all it names)
        if option in ("-erroraction", "-ea", "-warningaction", "-wa") and ":" not in word:
            rest = rest[1:]  # (`-ErrorAction SilentlyContinue`: its value)
            continue
        if word.startswith("-"):  # (-Recurse, -Force, -Path, -Confirm:$false, -Verbose, ...)
            continue
        word = word.replace("$env:HOME", "/root").replace("${env:HOME}", "/root")
        paths.extend(p for p in word.split(",") if p)
    return tuple(paths)


_POWERSHELLS = frozenset({"pwsh", "powershell", "pwsh-preview"})
# (PowerShell's options that take a value, by the names and abbreviations seen, case aside)
_POWERSHELL_VALUES = frozenset({"-executionpolicy", "-ep", "-inputformat", "-outputformat"})


def _powershell_command(argv: list[str]) -> int:
    """Where the command line starts in a PowerShell call given one with `-Command` (`-c`);
    0 when it is given none (a script file, or no command)."""
    at = 1
    while at < len(argv) and argv[at].startswith("-"):
        option = argv[at].lower()
        if option in ("-c", "-command", "-co", "-com"):
            return at + 1 if at + 1 < len(argv) else 0
        if option in ("-f", "-file"):
            return 0
        at += 2 if option in _POWERSHELL_VALUES else 1
    return 0


def _rehome(
    op: Op, home: str, root: bool = False, given: tuple[str, ...] = (), cwd: str | None = None
) -> Op:
    """`op` as a user whose home is `home` runs it (`root`: root, with another HOME): the
    caches in the home land in theirs; yarn 1's and rvm's, run by root, stay where root's are,
    and so does a cache a variable put below /root (`ENV UV_CACHE_DIR=/root/.cache/uv`), and
    a path named from the directory it runs in, /root itself (`WORKDIR /root`, then `rm
    texlive.profile` with HOME=/home/docker), unless the command names the home."""
    home = home.rstrip("/")  # (HOME=/: its caches are /.cache/pip, not //.cache/pip)
    if (
        cwd
        and (cwd == "/root" or cwd.startswith("/root/"))
        and op.role not in (CACHE, INSTALL)  # (a manager's own paths follow HOME)
        and not _NAMES_HOME.search(op.command)
    ):
        given = (*given, cwd)
    if op.role == CACHE and not root and op.paths in _ROOT_CACHES:
        return op._replace(paths=(home + _ROOT_CACHES[op.paths],))
    cleaning = op.kind == REMOVE and not root and any((p,) in _ROOT_CACHES for p in op.paths)
    if cleaning:
        # (and a cleaning run as another user cleans theirs: `su -c 'yarn cache clean' app`)
        mine = (home + _ROOT_CACHES[(p,)] if (p,) in _ROOT_CACHES else p for p in op.paths)
        op = op._replace(paths=tuple(mine))

    def homed(found: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(
            (home + p[5:] or "/")
            if (p == "/root" or p.startswith("/root/"))
            and not any(p == g or inside(p, g) for g in given)
            and not _spelled_at_root(p, op.command)
            else p
            for p in found
        )

    # (and what a mv or cp took them from: `mv ~/hadoop-3.3.4/* ~/hadoop_home/`)
    paths, sources = homed(op.paths), homed(op.sources)
    if cleaning:
        paths = tuple(dict.fromkeys(paths))  # (root's and the home's, now the one)
    return (
        op._replace(paths=paths, sources=sources)
        if (paths, sources) != (op.paths, op.sources)
        else op
    )


_NAMES_HOME = re.compile(r"~|\$HOME\b|\$\{HOME\}")


def _spelled_at_root(path: str, command: str) -> bool:
    """The command spells `path` below /root itself, not through the home (`~/`, `$HOME/`):
    `rm -fr /root` or `npm ci --cache /root/.npm-cache` with HOME=/app is root's, where `rm -rf
    ~/.cache /root/.cache` names HOME's cache (both read alike)."""
    while path.startswith("/root"):
        # (or a directory above it: npm's `--cache /root/.npm-cache` holds its _cacache)
        rest = re.escape(path[5:])
        if re.search(rf"(?<![\w./~$}}-])/root{rest}/?(?![\w.-]|/[\w.])", command):
            return not re.search(rf"(?:~|\$HOME|\$\{{HOME\}}){rest}/?(?![\w.-]|/[\w.])", command)
        path = posixpath.dirname(path)
    return False


def on_the_way(path: str, home: str, made: bool = False) -> bool:
    """`path`, made by root, lies on the way from `home` to pip's cache there (`~/.cache`,
    `~/.cache/huggingface`: `mkdir -p` made ~/.cache root's), so pip finds it root's; where
    the image `made` ~/.cache the user's, only ~/.cache itself."""
    cache = f"{home.rstrip('/')}/.cache"
    if made:
        # (~/.cache itself, or pip's own there: `mkdir -p ~/.cache/pip` makes it root's)
        return path.rstrip("/") == cache or covers(f"{cache}/pip", path)
    return inside(path, home) and covers(cache, path)


def _cache_home(env: Mapping[str, str], home: str) -> bool:
    """The image is Jupyter's (its NB_USER), whose ENV puts XDG_CACHE_HOME at `home`'s ~/.cache
    and whose Dockerfile makes that directory the user's."""
    return "NB_USER" in env and (
        env.get("XDG_CACHE_HOME", "").rstrip("/") == f"{home.rstrip('/')}/.cache"
    )


def _a_users_home(home: str, homes: Mapping[str, str]) -> bool:
    """`home` is the home of a user other than root (`/home/jovyan`, `/var/jenkins_home`)."""
    return home != "/root" and (home.startswith("/home/") or home in homes.values())


def _given(op: Op, env: Mapping[str, str]) -> tuple[str, ...]:
    """The directories the environment gives `op`'s cache (`UV_CACHE_DIR=/root/.cache/uv`)."""
    if op.role != CACHE:
        return ()
    values = (env.get(name, "") for name, _ in _CACHE_VARS.get(op.family, ()))
    return tuple(posixpath.normpath(v) for v in values if v.startswith("/"))


def apk_without_cache(words: tuple[str, ...]) -> bool:
    """`apk add --no-cache` keeps no cache; `--no-network` installs from what is there and
    fetches nothing to keep."""
    return "--no-cache" in words or "--no-network" in words


def shell_glob(name: str, pattern: str) -> bool:
    """fnmatch as the shell globs a name: a leading `.` must be matched by a `.`."""
    if name.startswith(".") and not pattern.startswith("."):
        return False
    return fnmatch.fnmatchcase(name, pattern)


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
    return any(
        w in ("--extract", "--get")
        or (w.startswith("-") and not w.startswith("--") and "x" in w and w[1:].isalpha())
        for w in words[1:]
    )


def _reads_only(tool: str, words: tuple[str, ...]) -> bool:
    """An archive command that lists, tests or writes to stdout: `unzip -l`, `unzip -p`,
    `tar -xOf`, `tar --to-stdout`."""
    short = [w[1:] for w in words[1:] if w.startswith("-") and not w.startswith("--")]
    if tool == "unzip":
        return any(set(w) & set("pltvZc") for w in short if w.isalpha())
    first = words[1] if len(words) > 1 and not words[1].startswith("-") else ""
    return "--to-stdout" in words or any("O" in w for w in (*short, first) if w.isalpha())


_BUNDLED_D = re.compile(r"-[a-zA-Z]+d")


def _dpkg_extracts(words: tuple[str, ...]) -> bool:
    return any(w in ("-x", "-X", "--extract", "--vextract") for w in words)


def _creates(words: tuple[str, ...]) -> bool:
    """`tar cf x.tar dir`, `tar -czf x.tgz dir`, `tar --create -f x.tar dir`."""
    first = words[1] if len(words) > 1 else ""
    if not first.startswith("--") and "c" in first.lstrip("-") and first.lstrip("-").isalpha():
        return True
    return "--create" in words


# jar's bundled options that create, with a dash (`jar -cvf x.jar`, `-cf0`)
_JAR_CREATE = re.compile(r"-[a-zA-Z0-9]*c[a-zA-Z0-9]*")
# zip's options that take a value (`-b /tmp`, `-n .jpg:.png`, `-P secret`)
_ZIP_VALUES = frozenset({"-b", "-n", "-t", "-tt", "-P", "-s", "-sp", "-O", "-Z", "-ll", "-lf"})


def _zipped_into(tool: str, words: tuple[str, ...]) -> str | None:
    """The archive `zip` (its first operand, `.zip` added to a name without a suffix) or `jar
    c...f` writes; None for any other command, for zip's own stdout or an update in place
    (`zip -d x.zip member`, `-u`, `-f`)."""
    if tool == "jar":
        letters = words[1] if len(words) > 2 else ""
        if letters.isalpha() and "c" in letters and "f" in letters:
            # (the bundled letters' values follow in their order: `jar cmf MANIFEST app.jar`)
            at = 2 + [c for c in letters if c in "fme"].index("f")
            archive = words[at] if at < len(words) else None
        elif {"-c", "--create"} & set(words) or _JAR_CREATE.fullmatch(letters):
            archive = _option_value(words, "-f", "--file")  # (`jar --create --file x.jar`)
        else:
            return None
        return None if archive in (None, "-") else archive
    if tool != "zip" or set(words) & {"-d", "--delete", "-u", "--update", "-f", "--freshen"}:
        return None
    operands = _operands(words, _ZIP_VALUES)
    # (`find . -name '*.class' | zip x.zip -@`: the names come from its input)
    if len(operands) < 2 - ("-@" in words) or operands[0] == "-" or is_glob(operands[0]):
        return None
    name = operands[0]
    return name if "." in posixpath.basename(name) else name + ".zip"


def _diverted(words: tuple[str, ...]) -> tuple[str, str] | None:
    """The file `dpkg-divert --rename --add FILE` moves and where to (`--divert`, else
    FILE.distrib), as `mv` would; None where it renames nothing (no `--rename`, `--remove`,
    `--list`)."""
    told = set(words[1:])
    if "--rename" not in told or told & {"--remove", "--list", "--listpackage", "--truename"}:
        return None
    files = _operands(words, _DIVERT_VALUES)
    if len(files) != 1:
        return None
    return files[0], _option_value(words, "", "--divert") or files[0] + ".distrib"


_DIVERT_VALUES = frozenset({"--divert", "--package", "--admindir", "--instdir", "--root"})


def _tar_archive(words: tuple[str, ...]) -> str | None:
    """The archive `tar` reads: `-f FILE`, `--file=FILE`, or the word bundled `xzf` takes."""
    return _option_value(_tar_spelled_out(words), "-f", "--file")


def _tar_spelled_out(words: tuple[str, ...]) -> tuple[str, ...]:
    """tar's words with its options written out: the old style's bundled letters each as its
    own option, those that take a value with the next word in turn (`tar xzfC app.tgz /opt` is
    `-x -z -f app.tgz -C /opt`), and its long options in full (tar takes a prefix: `--dir /opt`,
    `--strip 1`)."""
    first = words[1] if len(words) > 1 else ""
    if _TAR_LETTERS.fullmatch(first):
        rest = list(words[2:])
        bundled: list[str] = []
        for letter in first:
            bundled.append("-" + letter)
            if letter in _TAR_LETTER_VALUES and rest:
                bundled.append(rest.pop(0))
        words = (words[0], *bundled, *rest)
    out = []
    for word in words:
        name, eq, value = word.partition("=")
        if word.startswith("--") and len(name) > 4 and name not in _TAR_VALUES:
            full = [o for o in _TAR_VALUES if o.startswith(name)]
            word = full[0] + eq + value if len(full) == 1 else word
        out.append(word)
    return tuple(out)


# tar's short options that take a value (`-C DIR`, `-f FILE`, `-T LIST`, `-X PATTERNS`)
_TAR_LETTER_VALUES = frozenset("bCfFgHKLNTVX")


def _tar_left_out(words: tuple[str, ...], members: tuple[str, ...]) -> tuple[str, ...]:
    """`members` (paths below the archive's top) less what `--exclude` patterns leave out, as
    tar matches them: against the whole name or any part of it after a `/`, `*` across `/`."""
    spelled = _tar_spelled_out(words)
    patterns = [
        w.split("=", 1)[1].strip("'\"") if w.startswith("--exclude=") else spelled[i + 1]
        for i, w in enumerate(spelled)
        if w.startswith("--exclude=") or (w == "--exclude" and i + 1 < len(spelled))
    ]

    def out(member: str) -> bool:
        name = "top/" + member  # (the archive's top directory, whatever its name)
        tails = [name[i + 1 :] for i, c in enumerate(name) if c == "/"]
        return any(fnmatch.fnmatchcase(t, p) for p in patterns for t in (name, *tails))

    return tuple(m for m in members if not out(m)) if patterns else members


def _some_members(tool: str, words: tuple[str, ...]) -> bool:
    """unzip or jar told to extract some members alone, or to leave some out."""
    if tool == "unzip":
        return "-x" in words or len(_operands(words, frozenset({"-d", "-x", "-P"}))) > 1
    return tool == "jar" and len(words) > 3 and "f" in words[1]


def _tar_members(words: tuple[str, ...]) -> list[str]:
    """The members a `tar -x` names, to extract those alone (`tar -xzf k.tgz -C /opt
    kafka_2.13-3.3.1/libs`): its operands less the archive and the options' values."""
    archive = _tar_archive(words)
    out: list[str] = []
    skip = False
    # (tar takes a long option by a prefix of it: `--strip 1`)
    for word in _tar_spelled_out(words)[1:]:
        if skip:
            skip = False
        elif word.startswith("--"):
            skip = "=" not in word and word in _TAR_VALUES
        elif word.startswith("-") and len(word) > 1:
            # (a cluster whose last letter takes the next word)
            skip = word[-1] in _TAR_LETTER_VALUES
        elif word != archive:
            out.append(word)
    return out


def _tar_landed(words: tuple[str, ...], into: str) -> list[str]:
    """Where the members a `tar -x` names land below `into`, each less the leading directories
    `--strip-components` takes (`tar -xzf node.tgz -C /usr/local --strip-components=1
    node-v20/bin`: /usr/local/bin); none when it names none, or by a wildcard."""
    members = _tar_members(words)
    spelled = _tar_spelled_out(words)
    if (
        not members
        or {"--wildcards", "--transform", "--xform"} & set(spelled)
        or any(w.startswith(("--transform=", "--xform=")) for w in spelled)
        or any(is_glob(m) or "$" in m for m in members)
    ):
        return []  # (names a wildcard or a rewrite picks: not known)
    strip = _option_value(spelled, "", "--strip-components") or "0"
    if not strip.isdigit():
        return []
    landed = []
    for member in members:
        # (GNU tar counts a leading `.` among the components it strips: `./app/bin`)
        parts = [p for p in member.split("/") if p][int(strip) :]
        parts = [p for p in parts if p != "."]
        if not parts:
            return []  # (the top directory itself, stripped: all it holds lands in `into`)
        landed.append(posixpath.join(into, *parts))
    return landed


# tar's old style: its first word a bundle of option letters, one of them a mode (`xzf`)
_TAR_LETTERS = re.compile(r"[A-Za-z]*[xtcrud][A-Za-z]*")
_TAR_VALUES = frozenset(
    {"--file", "--directory", "--files-from", "--exclude-from", "--exclude", "--strip-components"}
    | {"--owner", "--group", "--mode", "--transform", "--use-compress-program"}
)


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


_SHORT_BUNDLE = re.compile(r"[A-Za-z0-9#:]+")


def _option_value(words: tuple[str, ...], short: str, long: str = "") -> str | None:
    """The value of `-o VALUE`, `-oVALUE`, `-fsSLo VALUE`, `--output VALUE` or `--output=VALUE`."""
    return next(_option_values(words, short, long), None)


def _option_values(words: tuple[str, ...], short: str, long: str = "") -> Iterator[str]:
    """Each value an option is given, in order (`pip install -f /a -f /b`)."""
    letter = short[1:]
    for i, word in enumerate(words[1:], 1):
        following = words[i + 1] if i + 1 < len(words) else None
        if long and word == long:
            value = following
        elif long and word.startswith(long + "="):
            value = word.split("=", 1)[1]
        elif (
            letter
            and word.startswith("-")
            and not word.startswith("--")
            and (at := word.find(letter, 1)) > 0
            # (after short options bundled before it, letters all, or curl's `-#`: not in
            # `-ldflags=-X main.version=1`)
            and (at == 1 or _SHORT_BUNDLE.fullmatch(word[1:at]) is not None)
        ):
            value = word[at + 1 :] or following
        else:
            continue
        if value is not None:
            yield value


def _path(word: str, command: Command) -> str | None:
    if not word or word.startswith("$(") or word.startswith("`"):
        return None
    if word.startswith("~"):
        if word[1:2] not in ("", "/"):
            return None  # (`~app` of a user whose home no step showed)
        word = "/root" + word[1:]
    if word.startswith("$") and not word.startswith("$HOME") and not _NAMED_BY_VARIABLE.match(word):
        return None
    if "${" in word:  # (`./${package_name}` is `./$package_name`, as a COPY names it)
        word = _BRACED.sub(r"$\1", word)
    word = word.replace("$HOME", "/root").replace("${HOME}", "/root")
    if not word.startswith("/") and command.cwd is None:
        return None
    return resolve(word, command.cwd or "/")


# A file name a variable starts, in the directory the command runs in: `${BRANCH}.zip`,
# `$NAME-1.2.tar.gz` (a literal suffix with an extension, no directory; a variable that holds a
# path, `$DIR/x`, says nothing of where it lies)
_NAMED_BY_VARIABLE = re.compile(r"\$(?:\{\w+\}|\w+)[^/$\s]*\.[A-Za-z0-9]+$")


def _a_variable(word: str) -> bool:
    """`word` is one variable's value alone: `$ZIP`, `${ZIP}`."""
    return bool(re.fullmatch(r"\$(?:\{\w+\}|\w+)", word))


def _named_paths(words: Sequence[str], command: Command) -> tuple[str, ...]:
    """`_paths`, and a word that is a variable not known here alone as a name where the command
    runs: the file a download there was named by (`curl -o $PKG ...`, `wget .../${TARBALL}`),
    which a removal by it takes (`rm ${TARBALL}`), whatever its value."""
    named = [_BRACED.sub(r"$\1", w) for w in words if _a_variable(w)] if command.cwd else []
    return _paths(words, command) + tuple(resolve(n, command.cwd or "/") for n in named)


def _paths(words: Iterable[str], command: Command) -> tuple[str, ...]:
    return tuple(p for p in (_path(w, command) for w in words) if p is not None)


def home_path(path: str) -> str:
    """`~/x` as the model writes it: the build user's home is /root."""
    return "/root" + path[1:] if path.startswith("~") else path


# The managers that run on the JVM, whose home is the account's, whatever HOME says
_JVM_HOMES = frozenset({"maven", "gradle", "sbt"})
# Services started, database clients and Debian's Apache configurers, which write only their
# state, logs and links, in these directories
_SERVICE_STATE = ("/var/lib", "/var/log", "/run", "/var/run", "/tmp", "/var/tmp", "/var/spool")
_SERVICES: Mapping[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("service", "mysql", "mysqladmin", "psql", "pg_ctl", "pg_ctlcluster"), _SERVICE_STATE
    ),
    **dict.fromkeys(
        (f"a2{v}{k}" for v in ("en", "dis") for k in ("site", "mod", "conf")),
        ("/etc/apache2", *_SERVICE_STATE),
    ),
}
# The shells that expand a brace list (dash and BusyBox's ash do not)
_BRACE_SHELLS = frozenset({"bash", "zsh", "ksh"})
# Options of the interpreter before its `-m`: letters that take no value, bundled (`-uB`), or
# -W and -X with theirs, attached or next.
_PYTHON_OPTION = re.compile(r"-[bBdEiIOPqsSuvx]+|-[WX].*")
# A program named by where the PATH finds it: `$(which python3)`, `` `command -v pip` ``.
_WHICH = re.compile(r"(?:\$\(|`)\s*(?:which|command -v|type -[pP])\s+([\w.+-]+)\s*[)`]")
_SUDO_VARIABLE = re.compile(r"\$\{?\w*sudo\w*\}?", re.IGNORECASE)


def _php_script(words: tuple[str, ...]) -> int:
    """Where the script php runs stands among its words, past php's own options (`-d
    memory_limit=-1`, `-n`); 0 when there is none."""
    at = 1
    while at < len(words) and words[at].startswith("-"):
        at += 2 if words[at] in ("-d", "-c", "-z") else 1
    return at if at < len(words) else 0


# Managers that are shell scripts, which a Dockerfile may fetch and run through a shell
_SCRIPT_MANAGERS = frozenset({"n"})


@functools.lru_cache(maxsize=4096)
def tool_and_args(command: Command) -> tuple[str, tuple[str, ...]]:
    """The program and its argv, looking through sudo/env/python -m/busybox."""
    words = command.words
    while words:
        name = posixpath.basename(words[0])
        if name == "timeout" and len(words) > 2:  # `timeout -k 5 300 apt-get ...`
            rest = list(words[1:])
            while rest and rest[0].startswith("-"):
                rest = rest[2:] if rest[0] in ("-k", "-s") else rest[1:]
            words = tuple(rest[1:])
            continue
        if name in (
            *("sudo", "env", "nice", "nohup", "time", "exec", "command", "busybox", "eatmydata"),
            "apt-dpkg-wrap",  # (Jitsi's base images': it runs apt with their dpkg settings)
        ):
            # (its options and the variables it sets, up to the command: not the command's own
            # words, `env X=1 apt-get install clickhouse-server=20.9.4.76`)
            words = words[1:]
            while words and (words[0].startswith("-") or _ASSIGNMENT.match(words[0])):
                takes_value = (
                    name == "sudo"
                    and (
                        words[0] in ("-u", "-g", "-U", "-C", "-D", "-h")
                        or bool(_SUDO_BUNDLE.fullmatch(words[0]))
                    )
                ) or (name == "env" and words[0] in ENV_VALUE_OPTIONS)
                words = words[2:] if takes_value else words[1:]
            continue
        if name in SHELLS and words[1:2] and posixpath.basename(words[1]) in _SCRIPT_MANAGERS:
            words = words[1:]  # (a manager that is a shell script, run by a shell: `bash n 14`)
            continue
        if name in ("gmake", "bmake"):
            return "make", ("make", *words[1:])  # (GNU make by its BSD name; BSD's own make)
        if name == "yarnpkg":
            return "yarn", ("yarn", *words[1:])  # (Debian's yarn 1, by its package's name)
        if name in ("yaourt", "pikaur", "trizen", "pacaur"):
            # (AUR helpers that take pacman's own options, as yay does: `yaourt -Sy nginx`)
            return "yay", ("yay", *words[1:])
        if name == "apk.static":
            words = ("apk", *words[1:])  # (apk-tools' static build, which bootstraps apk)
            continue
        if name == "xcaddy" and words[1:2] == ("build",):
            # (Caddy's builder: go get and go build in a module it makes, Go's caches filled)
            return "go", ("go", "build")
        if name in ("tarantoolctl", "tt") and words[1:2] == ("rocks",):
            # (Tarantool's: `tarantoolctl rocks install http` runs its LuaRocks, whose cache
            # keeps what it fetched; `cartridge build` and `tt build` make the rockspec there)
            return "luarocks", ("luarocks", *words[2:])
        if name in ("cartridge", "tt") and words[1:2] == ("build",):
            return "luarocks", ("luarocks", "make")
        if name.startswith("retry") and "--" in words[1:]:
            # (`retry.sh --attempts 5 --delay 10 -- yum install -y gcc`: the command after `--`)
            words = words[words.index("--", 1) + 1 :]
            continue
        if found := _WHICH.fullmatch(words[0]):
            words = (found[1], *words[1:])  # (`$(which python3.11) get-pip.py`)
            continue
        if _SUDO_VARIABLE.fullmatch(words[0]) and len(words) > 1:
            words = words[1:]  # (`$SUDO apt-get update`: sudo, or nothing when root)
            continue
        if name.lower() in ("remove-item", "ri") and (removed := _removed_items(words)):
            return "rm", ("rm", "-rf", *removed)  # (PowerShell's, under `pwsh -Command`)
        if name == "corepack" and words[1:2] in (("pnpm",), ("yarn",), ("npm",), ("pnpx",)):
            words = words[1:]  # (`corepack pnpm install`: the manager at its pinned version)
            continue
        if name in (*_SWITCHERS, "chroot") and len(words) > 2:
            words = words[2:]
            continue
        # (an interpreter a variable names, when it runs pip: `"$python_exe" -m pip install`)
        python = name.lower().startswith(_PYTHONS) or (
            name.startswith("$") and words[1:3] in (("-m", "pip"), ("-m", "pip3"))
        )
        if python and len(words) > 2 and _PYTHON_OPTION.fullmatch(words[1]):
            # (`python3 -u -m pip`, `python -W ignore -m pip`: the interpreter's own options)
            words = (words[0], *words[3 if words[1] in ("-W", "-X") else 2 :])
            continue
        if python and len(words) > 2 and words[1] == "-m" and words[2] == "build":
            return "pyproject-build", ("pyproject-build", *words[3:])  # (PyPA's build)
        if python and words[1:4] == ("-m", "piptools", "sync"):
            words = ("pip-sync", *words[4:])  # (pip-tools' module: pip-sync itself)
            continue
        if python and len(words) > 2 and words[1] == "-m":
            # (also an application's own, `PythonSlicer -m pip`; the module of a Python a path
            # names is that Python's, `/opt/venv/bin/python -m pip`: the venv's own pip)
            where = posixpath.dirname(words[0]) if "/" in words[0] else ""
            return words[2], (posixpath.join(where, words[2]) if where else words[2], *words[3:])
        if python and len(words) > 1 and words[1].startswith("-m") and len(words[1]) > 2:
            return words[1][2:], (words[1][2:], *words[2:])  # (`python3 -mpip install x`)
        if python and len(words) > 1 and words[1].endswith(("get-pip.py", "install-poetry.py")):
            return posixpath.basename(words[1]), words[1:]
        if python and len(words) > 1 and posixpath.basename(words[1]) == "get_pip.py":
            return "get-pip.py", words[1:]  # (saved under another name: `curl -o get_pip.py`)
        if name.startswith("perl") and (at := _saved_cpanm(words)):
            return "cpanm", ("cpanm", *words[at + 1 :])  # (`perl cpanm App::cpanminus`)
        if name.startswith("perl") and (code := _cpan_code(words)):
            return "cpan", ("cpan", code)  # (`perl -MCPAN -e 'install JSON'`)
        if name.startswith("pip") and name[3:].replace(".", "").isdigit() and len(name) > 4:
            return "pip", words  # pip2.7, pip3.11
        if name in ("ckan-pip", "ckan-pip3"):
            return "pip", ("pip", *words[1:])  # (CKAN's images' link to its virtualenv's pip)
        if (
            name.startswith("php")
            and (at := _php_script(words))
            and words[at].endswith("composer.phar")
        ):
            return "composer", words[at:]  # (`php -d memory_limit=-1 composer.phar install`)
        if len(words) > 2 and _GEM_VERSION.fullmatch(words[1]):
            words = (words[0], *words[2:])  # (`bundle _2.1.4_ install`: RubyGems' version pick)
            continue
        if name == "pip-sync" and not {"--dry-run", "-n"} & set(words):
            # (pip-tools': it installs what the requirements files pin, with pip and the options
            # `--pip-args` gives it, and removes what they do not name from site-packages alone)
            given = _option_value(words, "", "--pip-args") or ""
            files = [w for w in words[1:] if not w.startswith("-") and w != given]
            pinned = (a for f in files or ["requirements.txt"] for a in ("-r", f))
            return "pip", ("pip", "install", *given.split(), *pinned)
        if name in ("fluent-gem", "td-agent-gem"):  # (Fluentd's gem, for its own Ruby)
            return "gem", ("gem", *words[1:])
        if (ruby := _RUBY_SUFFIXED.fullmatch(name)) is not None:
            # (openSUSE's `gem.ruby3.1`, Debian's old `gem2.1`, and `bundler`, bundle's alias)
            return ruby[1], (ruby[1], *words[1:])
        wrapped = _shell_operands(words)[:1] if name in SHELLS else []
        if wrapped and posixpath.basename(wrapped[0]) in _WRAPPED_SCRIPTS:
            return posixpath.basename(wrapped[0]), tuple(words[words.index(wrapped[0]) :])
        if name == "mono" and words[1:2] and words[1].lower().endswith("nuget.exe"):
            return "nuget", words[1:]  # (`mono /usr/local/bin/nuget.exe restore x.sln`)
        if name == "xvfb-run" and len(words) > 1:  # (a program run on a virtual screen)
            rest = list(words[1:])
            while rest and rest[0].startswith("-"):
                takes = rest[0] in ("-s", "-n", "-e", "-f", "-p", "-w", "--server-args")
                rest = rest[2:] if takes else rest[1:]
            words = tuple(rest)
            continue
        if name.startswith("perl") and len(words) > 1 and words[1].endswith("install-module.pl"):
            return "install-module.pl", words[1:]  # (`perl install-module.pl --all`)
        if name == "sage" and words[1:2] in (("-pip",), ("--pip",)):
            return "pip", ("pip", *words[2:])  # (SageMath's own Python's pip)
        if name == "sage" and words[1:2] in (("-python",), ("--python",)):
            words = ("python3", *words[2:])  # (`sage -python -m pip install x`)
            continue
        if name == "apt-add-repository":  # (software-properties' other name for it)
            return "add-apt-repository", words
        if name == "conda-env":  # (conda's old command for environments: `conda env`'s)
            return "conda", ("conda", "env", *words[1:])
        if name == "composer.phar":  # `./composer.phar install`: run as a program
            return "composer", words
        if name == "node" and len(words) > 1 and words[1].endswith("npm-cli.js"):
            return "npm", words[1:]
        if name == "rvm" and "do" in words[2:-1]:
            words = words[words.index("do", 2) + 1 :]  # (`rvm 2.7 do gem install bundler`)
            continue
        if name == "rvm-exec" and len(words) > 2:
            words = words[2:]  # (`rvm-exec 2.7 bundle install`)
            continue
        if (name, words[1:2]) in _RUNS_A_COMMAND and len(words) > 2:
            words = words[2:]  # (`bundle exec bin/yarn install` runs yarn)
            continue
        if name == "opam" and subcommand(words) == "exec" and "--" in words[2:-1]:
            words = words[words.index("--", 2) + 1 :]  # (`opam exec -- opam install x`)
            continue
        if name in _CONDA and subcommand(words) == "run":
            # (`conda run -n py3 --no-capture-output pip install x` runs pip in that env)
            words = _conda_run_command(words)
            continue
        return name, words
    return "", ()


def _conda_run_command(words: tuple[str, ...]) -> tuple[str, ...]:
    """The command `conda [options] run [options] COMMAND...` runs (its subcommand is `run`)."""
    # (`micromamba -r /env -n sd run pip install x`: the root prefix and env come first)
    words = words[1:]
    while words and words[0] != "run":
        words = words[2:] if words[0] in _CONDA_RUN_VALUES else words[1:]
    words = words[1:]
    while words and words[0].startswith("-"):
        words = words[2:] if words[0] in _CONDA_RUN_VALUES else words[1:]
    return words


_GEM_VERSION = re.compile(r"_\d[\w.]*_")
_CONDA_RUN_VALUES = frozenset({"-n", "--name", "-p", "--prefix", "--cwd", "-r", "--root-prefix"})
# Commands that run the command after them in a project's environment.
_RUNS_A_COMMAND = frozenset(
    {("bundle", ("exec",)), ("poetry", ("run",)), ("pipenv", ("run",)), ("pyenv", ("exec",)),
     ("uv", ("run",)), ("pdm", ("run",)), ("hatch", ("run",)), ("pixi", ("run",)),
     ("rbenv", ("exec",)), ("nodenv", ("exec",)), ("goenv", ("exec",)), ("jenv", ("exec",))}
)  # fmt: skip


def subcommand(words: tuple[str, ...]) -> str:
    """The first operand: `install` in `apt-get -t bookworm-backports -y install x`."""
    program = posixpath.basename(words[0]) if words else ""
    # (`pip3.8`, `pip3.12`: pip under its version's name)
    takes = _VALUE_OPTIONS.get(_PIP_VERSIONED.sub("pip", program), frozenset())
    skip = False
    for at, word in enumerate(words[1:], 1):
        if skip:
            skip = False
        elif word in takes:
            skip = True  # (its value is the next word)
        elif (
            _AN_OPTION_MAYBE.fullmatch(word)
            and words[at + 1 : at + 2]
            and (not words[at + 1].startswith(("-", "$")))
        ):
            continue  # (`apt-get "${QUIET}" install x`: a variable's options, then the command)
        elif not word.startswith("-"):
            return word
    return ""


_PIP_VERSIONED = re.compile(r"^pip[23](?:\.\d+)?$")
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_AN_OPTION_MAYBE = re.compile(r"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?")


# Options of the Node managers that take a value before the subcommand (`yarn --cwd /app build`).
_PROJECT_VALUES = frozenset(
    {"--cwd", "-C", "--dir", "--prefix", "--filter", "-F", "--workspace", "-w", "--cache"}
    # (and the Node managers' options whose value is the next word: `yarn --network-timeout
    # 600000` installs, it runs no script named 600000)
    | {"--network-timeout", "--network-concurrency", "--child-concurrency", "--mutex"}
    | {"--cache-folder", "--modules-folder", "--global-folder", "--link-folder", "--registry"}
    | {"--preferred-cache-folder", "--use-yarnrc", "--proxy", "--https-proxy", "--loglevel"}
    | {"--userconfig", "--store-dir", "--virtual-store-dir", "--reporter", "--fetch-retries"}
    | {"--fetch-retry-maxtimeout", "--fetch-retry-mintimeout", "--fetch-timeout"}
)
# Options that take their value as the next word before the subcommand.
_APT_VALUES = frozenset({"-t", "-o", "-c", "--target-release", "--option", "--config-file"})
_PIP_VALUES = frozenset(
    {"-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url",
     "-f", "--find-links", "--cache-dir", "--python", "-p", "--group", "--no-group", "--extra",
     "--package", "--with", "--trusted-host", "--platform", "--python-version",
     # (pip's general options: `pip3.8 --cert /etc/pki/tls/cert.pem install wheel`)
     "--cert", "--client-cert", "--proxy", "--timeout", "--retries", "--exists-action", "--log",
     "--log-file", "--keyring-provider", "--progress-bar", "--upgrade-strategy", "--only-binary",
     "--no-binary",
     # (uv's global options: `uv --directory /app sync`)
     "--directory", "--project", "--config-file"}
)  # fmt: skip
# (`mamba create --name py37 -c conda-forge python=3.7`: an environment and a channel)
_CONDA_VALUES = frozenset(
    {"-n", "--name", "-p", "--prefix", "-c", "--channel", "--file", "--solver", "--platform"}
    | {"-r", "--root-prefix"}
)
_VALUE_OPTIONS = {
    **dict.fromkeys(("apt-get", "apt", "aptitude"), _APT_VALUES),
    "suricata-update": frozenset(
        {"-D", "--data-dir", "-c", "--config", "--suricata", "--suricata-conf", "-o", "--output"}
        | {"--url", "--local", "--user-agent", "--suricata-version", "--test-command"}
        | {"--reload-command", "--ignore", "--enable-conf", "--disable-conf", "--modify-conf"}
        | {"--drop-conf", "--sid-msg-map", "--sid-msg-map-2", "--threshold-in"}
    ),
    **dict.fromkeys(
        ("yum", "dnf", "dnf5", "microdnf", "tdnf"),
        frozenset({"-c", "--config", "--installroot", "--releasever", "-x", "--exclude"})
        # (`dnf --enablerepo crb install ...`: a repository, not the command)
        | {"--enablerepo", "--disablerepo", "--repo", "--repoid", "--setopt", "--repofrompath"}
        | {"--enableplugin", "--disableplugin", "-d", "--debuglevel", "-e", "--errorlevel"}
        | {"--forcearch", "--downloaddir", "--destdir", "-R", "--randomwait"},
    ),
    # (zypper's global options before its command: `zypper --plus-repo URL install x`)
    "zypper": frozenset(
        {"-p", "--plus-repo", "-R", "--root", "-c", "--config", "-D", "--reposd-dir", "-C"}
        | {"--cache-dir", "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir", "--userdata"}
        | {"--plus-content"}
    ),
    # (`apk --no-cache --virtual .build-deps add ...`: apk finds its command first, then reads
    # the command's options wherever they stand)
    "apk": frozenset(
        {"-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "-t", "--virtual"}
    ),
    "stack": frozenset({"--resolver", "--stack-yaml", "--stack-root", "--work-dir", "--arch"}),
    "bundle": frozenset({"--jobs", "-j", "--retry", "--without", "--with", "--gemfile", "--path"}),
    **dict.fromkeys(("npm", "yarn"), _PROJECT_VALUES),  # `npm -C backend ci`
    # (pnpm's `-w` is --workspace-root and its `--workspace` a switch: `pnpm -w install` installs)
    "pnpm": _PROJECT_VALUES - {"-w", "--workspace"},
    "composer": frozenset({"-d", "--working-dir"}),  # (`composer -d /app require x`)
    # (`uv sync --no-group dev`, `pip install -i URL torch`: values, not packages)
    **dict.fromkeys(("pip", "pip3", "pip2", "uv"), _PIP_VALUES),
    **dict.fromkeys(("conda", "mamba", "micromamba"), _CONDA_VALUES),
    # (`wget -P ./vendor $URL`, `--header "Host: x"`: values, not addresses)
    "wget": frozenset(
        {"-O", "-o", "-a", "-P", "-e", "-i", "-B", "-t", "-T", "-w", "-Q", "-U", "-l", "-D", "-A"}
        | {"-R", "-X", "-I", "--header", "--output-document", "--directory-prefix", "--user"}
        | {"--password", "--ca-certificate", "--certificate", "--private-key", "--input-file"}
        | {"--user-agent", "--tries", "--timeout", "--wait", "--output-file", "--append-output"}
        | {"--save-cookies", "--load-cookies"}
    ),
}
# stack's options that take a value, its build options' too (`--flag pkg:server`, `--local-bin-path
# /opt/bin`), which stand after its command
_STACK_VALUES = _VALUE_OPTIONS["stack"] | {
    *("--flag", "--local-bin-path", "--ghc-options", "--snapshot", "--compiler", "--ta"),
    "--test-arguments",
}


# An address without its scheme: a host name, then a path (`www.crates.io/api/v1/...`).
_HOST_PATH = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::\d+)?/[^\s$`]*$")
_CODE_SERVER_EXTENSIONS = "/root/.local/share/code-server/extensions"
# The user data directories of VS Code's command lines, by program: where its extension
# downloader keeps the VSIX files it fetched (CachedExtensionVSIXs, the last 20 of them)
_VSCODE_DATA = {
    "code-server": "/root/.local/share/code-server",
    "code": "/root/.config/Code",
    "code-insiders": "/root/.config/Code - Insiders",
    "codium": "/root/.config/VSCodium",
    "openvscode-server": "/root/.openvscode-server/data",
}


# VS Code's desktop command lines (not its servers)
_VSCODE_DESKTOP = frozenset({"code", "code-insiders", "codium"})
# (and the variable that moves their data: code-server's XDG_DATA_HOME, the desktop CLI's
# XDG_CONFIG_HOME)
_VSCODE_XDG = {"code-server": "XDG_DATA_HOME", **dict.fromkeys(_VSCODE_DESKTOP, "XDG_CONFIG_HOME")}


def _steamcmd_ops(tool: str, words: tuple[str, ...], command: Command, text: str) -> Iterator[Op]:
    """SteamCMD updates itself where it runs from at every start (Valve's steamcmd.sh beside
    itself; the distributions' `steamcmd` wrapper in the user's Steam root, which Debian's
    keeps in ~/.steam and others in ~/.local/share/Steam), and an app it installs or validates
    (`+app_update 740`) lands in `+force_install_dir`'s directory. Nothing for another
    command, or one that only asks for help."""
    if posixpath.basename(words[0]) in SHELLS:
        # (Valve's script run by a shell: `bash /home/steam/steamcmd/steamcmd.sh +quit`)
        shelled = _shell_operands(words)[:1]
        if not shelled or posixpath.basename(shelled[0]) != "steamcmd.sh":
            return
        tool, words = "steamcmd.sh", words[words.index(shelled[0]) :]
    if tool not in ("steamcmd", "steamcmd.sh") or {"+help", "-h", "--help"} & set(words):
        return
    if tool == "steamcmd.sh":
        own = _paths((posixpath.dirname(words[0]) or ".",), command)
    else:
        own = (home_path("~/.steam"), home_path("~/.local/share/Steam"))
    yield Op(WRITE, tool, own, text, TREE, UNKNOWN)
    if "+app_update" in words and "+force_install_dir" in words[:-1]:
        into = _paths((words[words.index("+force_install_dir") + 1],), command)
        yield Op(WRITE, tool, into, text, TREE, HEAVY)


def _extensions_named(words: tuple[str, ...]) -> list[str]:
    """What `--install-extension` is given, each time: a marketplace id, a .vsix file, or ''
    where the name comes from a pipe (`xargs -n 1 code-server --install-extension`)."""
    return [
        w.partition("=")[2]
        if w.startswith("--install-extension=")
        else (words[at + 1] if at + 1 < len(words) else "")
        for at, w in enumerate(words)
        if w == "--install-extension" or w.startswith("--install-extension=")
    ]


def _vsix_cache(
    tool: str, words: tuple[str, ...], command: Command, env: Mapping[str, str]
) -> str | None:
    """Where `code-server --install-extension ms-python.python` (or `code`'s, `codium`'s,
    OpenVSCode Server's) keeps the VSIX it downloaded from the marketplace: its user data
    directory's CachedExtensionVSIXs (`--extensions-download-dir`'s where given); None for an
    install from .vsix files alone, which downloads nothing, or another command."""
    if tool not in _VSCODE_DATA:
        return None
    named = _extensions_named(words)
    if not any(not n.lower().endswith(".vsix") and "/" not in n for n in named):
        return None
    if download := _option_value(words, "", "--extensions-download-dir"):
        return _path(download, command)
    # (VS Code's own server, by its path: `~/.vscode-server/bin/<commit>/bin/code-server`)
    data = "/root/.vscode-server/data" if ".vscode-server/" in words[0] else _VSCODE_DATA[tool]
    xdg = env.get(_VSCODE_XDG.get(tool, ""), "")
    if xdg.startswith("/"):
        data = posixpath.join(xdg, posixpath.basename(data))
    if given := _option_value(words, "", "--user-data-dir"):
        data = _path(given, command) or ""
    elif given := _option_value(words, "", "--server-data-dir"):
        # (a server keeps its user data in data/ there, as in ~/.vscode-server/data)
        data = posixpath.join(_path(given, command) or "", "data")
    return posixpath.join(data, "CachedExtensionVSIXs") if data.startswith("/") else None


_IBM_INSTALLERS = frozenset({"installc", "imcl", "userinstc"})


def _ibm_installs(tool: str, words: tuple[str, ...]) -> list[str]:
    """Where IBM Installation Manager's `installc` or `imcl install` puts what it installs."""
    lowered = tuple(w.lower() for w in words)

    def given(*names: str) -> str | None:
        at = next((i for i, w in enumerate(lowered) if w in names), None)
        return words[at + 1] if at is not None and at + 1 < len(words) else None

    into = given("-installationdirectory", "-id")
    if tool in ("installc", "userinstc"):
        return [into or "/opt/IBM/InstallationManager"]
    if "install" not in lowered or into is None:
        return []
    return [into, given("-sharedresourcesdirectory", "-srd") or "/opt/IBM/IMShared"]


def _saved_cpanm(words: tuple[str, ...]) -> int:
    """Where in perl's command line the cpanm script it runs is (0 for none): a file by
    cpanm's name (`perl -Ilib /tmp/cpanm -n Mojolicious`, `cpanminus.pl`), or the index.html
    wget saved cpanmin.us as (`perl index.html App::cpanminus`); not code perl is given
    (`perl -pi -e's/a/b/' index.html`)."""
    at = 1
    while at < len(words) and words[at].startswith("-") and words[at] != "-":
        if words[at] == "--":
            at += 1  # (the script follows)
            break
        # (`-e`, `-pie`, `-e's/a/b/'`: code on the command line, no script of its own; not the
        # value of an option that takes one, `-mlib=extlib`, `-Ilib`)
        if any(c in "eE" for c in re.split(r"[IMmxCdD]", words[at][1:], maxsplit=1)[0]):
            return 0
        at += 2 if words[at] in ("-I", "-M", "-m") else 1
    script = posixpath.basename(words[at]) if at < len(words) else ""
    return at if script.startswith(("cpanm", "index.html")) else 0


def _cpan_code(words: tuple[str, ...]) -> str:
    """The code perl runs with CPAN.pm loaded when it installs (`perl -MCPAN -e 'install X'`,
    `-le`, `-e 'CPAN::Shell->install("X")'`, `force install`, `use CPAN; ...`), or ''; not
    code that only sets CPAN's configuration (`CPAN::Shell->o("conf", "make", ...)`)."""
    pairs = list(itertools.pairwise(words))
    code = "\n".join(
        [b for a, b in pairs if _PERL_CODE.fullmatch(a)]
        + [m.group(1) for w in words[1:] if (m := _PERL_ATTACHED.fullmatch(w))]
    )
    loaded = "-MCPAN" in words or ("-M", "CPAN") in pairs or _USES_CPAN.search(code)
    return code if loaded and _CPAN_INSTALLS.search(code) else ""


# perl's switches that end with code on the command line: -e, -E, and bundles (`-le`, `-wE`)
_PERL_CODE = re.compile(r"-[a-zA-Z]*[eE]")
_PERL_ATTACHED = re.compile(r"-[a-zA-Z]*[eE](.+)", re.DOTALL)  # (`-e'install JSON'`)
_USES_CPAN = re.compile(r"\buse\s+CPAN\s*;")
# CPAN.pm's shell commands that install (`install X`, `force install X`, `notest install X`,
# run alone or as CPAN::Shell's methods); not its configuration's values
_CPAN_INSTALLS = re.compile(
    r"(?:^|[;\n])\s*(?:(?:force|notest)\s+)?(?:install|make|test|get)\b"
    r"|(?:->|::)\s*(?:install|make|test|get|force|notest|rematein)\b"
)


# Installers piped to their interpreter: the interpreter, the name the download (or `cat`)
# ends with, and the program it is.
_PIPED_INSTALLERS = (
    *(("python", "get-pip.py", "get-pip.py"), ("pypy", "get-pip.py", "get-pip.py")),
    ("perl", "cpanmin.us", "cpanm"),
    ("perl", "/cpm", "cpm"),  # (`curl -fsSL .../skaji/cpm/main/cpm | perl - install -g`)
    # (Poetry's installer makes a venv and runs its pip, whose cache it leaves on)
    *(("python", "install.python-poetry.org", "install-poetry.py"),),
    *((sh, "code-server.dev/install.sh", "code-server-install.sh") for sh in ("sh", "bash")),
    *(
        (sh, "calibre-ebook.com/linux-installer.sh", "calibre-installer.sh")
        for sh in ("sh", "bash")
    ),
    # (its older installer, from its site or its repository's setup/)
    ("python", "calibre-ebook.com/linux-installer.py", "calibre-installer.sh"),
    ("python", "calibre/master/setup/linux-installer.py", "calibre-installer.sh"),
)
# Python interpreters by name (`python3.11`, PyPy's `pypy3`)
_PYTHONS = ("python", "pypy")


def _piped_installer(
    tool: str, words: tuple[str, ...], piped_from: Command, names: Mapping[str, str]
) -> str | None:
    """The installer a download (or `cat`) pipes into this interpreter reading standard input;
    a file `cat` reads by the address it was fetched from (`ADD https://install.python-poetry.org
    poetry.sh`, then `cat poetry.sh | python3 -`)."""
    source, source_words = tool_and_args(piped_from)
    fetched = source == "cat" or (source in ("curl", "wget") and _to_stdout(source, source_words))
    if not fetched or not _reads_stdin(words):
        return None
    said = list(source_words[1:])
    if source == "cat":
        said += [names.get(_path(w, piped_from) or "", "") for w in source_words[1:]]
    for interpreter, name, installer in _PIPED_INSTALLERS:
        if tool.startswith(interpreter) and any(w.rstrip("/").endswith(name) for w in said):
            return installer
    return None


# Code that runs what standard input holds (`exec(sys.stdin.read())`)
_EXECS_STDIN = re.compile(r"\bexec\(\s*sys\.stdin\.read\(\)\s*\)")


def _reads_stdin(words: tuple[str, ...]) -> bool:
    """A python (or perl) command line that runs what standard input holds (`python3`, `python3
    - -q`, `perl - App::cpanminus`), not a script or `-c` (`-e`) code."""
    # (the interpreter's own options, before what it runs: `python3 - --version 1.8.4` passes
    # `--version` to the installer)
    own = list(itertools.takewhile(lambda w: w.startswith("-") and w not in ("-", "--"), words[1:]))
    code = words[len(own) + 1] if own[-1:] == ["-c"] and len(words) > len(own) + 1 else ""
    if _EXECS_STDIN.search(code):
        return True  # (calibre's: `python -c "import sys; ...; exec(sys.stdin.read()); main()"`)
    if any(w in ("-c", "-m", "-e", "-E", "-V", "--version", "-h", "--help") for w in own):
        return False
    # (before `--`: a shell's `sh -s -- --version 4.20.0` hands the rest to the script)
    mine = words[1 : words.index("--")] if "--" in words else words[1:]
    operands = [w for w in mine if w == "-" or not w.startswith("-")]
    return not operands or operands[0] in ("-", "/dev/stdin")


def _config_generated(tool: str, words: tuple[str, ...]) -> str:
    """The configuration file a web application's generator writes from its template: the one
    Paste's `paster make-config APP FILE` and CKAN's `ckan generate config FILE` name, the
    `conf/trac.ini` of the environment `trac-admin ENV initenv` makes; '' otherwise."""
    if tool not in ("paster", "ckan", "trac-admin"):
        return ""
    operands = _operands(words, frozenset({"-c", "--config"}))
    if tool == "paster" and operands[:1] == ["make-config"] and len(operands) == 3:
        return operands[2]
    if tool == "ckan" and operands[:2] == ["generate", "config"] and len(operands) == 3:
        return operands[2]
    if tool == "trac-admin" and operands[1:2] == ["initenv"]:
        return posixpath.join(operands[0], "conf", "trac.ini")
    return ""


_JUPYTER_APPS = {"jupyter-notebook": "notebook", "jupyter-lab": "lab", "jupyter-server": "server"}


def _jupyter_config(tool: str, words: tuple[str, ...]) -> str | None:
    """The application whose configuration file `jupyter notebook --generate-config` (or
    lab's, server's) writes."""
    if "--generate-config" not in words:
        return None
    app = _JUPYTER_APPS.get(tool) or (words[1] if tool == "jupyter" and len(words) > 1 else "")
    return app if app in ("notebook", "lab", "server") else None


# What initdb writes in a new cluster's directory besides its databases.
_CLUSTER_FILES = ("postgresql.conf", "pg_hba.conf", "pg_ident.conf")
_SETUP_SCRIPT = re.compile(r"postgresql[\d.-]*-setup")


def _cluster_made(tool: str, words: tuple[str, ...], env: Mapping[str, str]) -> str | None:
    """The data directory a command initialises a PostgreSQL cluster in: `initdb -D DIR`, `pg_ctl
    init`, `postgresql-setup --initdb` (PGDATA when not told one)."""
    told = _option_value(words, "-D", "--pgdata")
    if tool == "initdb" or (tool == "pg_ctl" and subcommand(words) in ("init", "initdb")):
        data = told or env.get("PGDATA")
    elif _SETUP_SCRIPT.fullmatch(tool) and ("initdb" in words or "--initdb" in words):
        data = env.get("PGDATA")
    else:
        return None
    return data if data and data.startswith("/") and "$" not in data else None


_SYMFONY_INSTALLER = "get.symfony.com/cli/installer"
# pyenv's installer, by its short address and its script's
_PYENV_INSTALLER = re.compile(
    r"pyenv\.run|pyenv/pyenv-installer/(?:master|HEAD|main)/bin/pyenv-installer"
)
# Oh My Zsh's installer, at its addresses old and new
_OH_MY_ZSH = re.compile(
    r"(?:ohmyzsh|oh-my-zsh)/(?:master|HEAD)/tools/install\.sh|install\.ohmyz\.sh"
)


def _ops(
    command: Command,
    env: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    piped_from: Command | None = None,
    user_homes: Mapping[str, str] | None = None,
    feeds: bool = True,
) -> Iterator[Op]:
    """What `command` does; `piped_from` is the command before it, which may pipe to it;
    `user_homes`, the homes of the users the build added; `feeds`, a shell follows it, which
    may run what it prints."""
    tool, words = tool_and_args(command)
    text = " ".join(words)
    for redirect in command.redirects:
        if _writes_file(redirect):
            target = _path(redirect.target, command)
            if target and not target.startswith("/dev/"):
                # (`cat app.tar.gz.part* > app.tar.gz`: the pieces it joins into an archive)
                joined = tool == "cat" and is_archive(target)
                pieces = _paths([w for w in words[1:] if w[:1] != "-"], command) if joined else ()
                yield Op(WRITE, tool, (target,), text, FILE, UNKNOWN, sources=pieces)
    if not tool:
        return
    if tool.lower() in ("remove-item", "ri") and piped_from is not None:
        # (PowerShell: `Get-ChildItem /root/.nuget/packages | Remove-Item -Recurse -Force`)
        listed, listing = tool_and_args(piped_from)
        if listed.lower() in ("get-childitem", "gci", "dir", "ls"):
            items = [w.rstrip("/") + "/*" for w in listing[1:] if not w.startswith("-")]
            yield Op(REMOVE, "rm", _paths(items, command), text)
            return
    if tool == "npm" and subcommand(words) in ("init", "pkg"):
        # (`npm init -y`, `npm pkg set dependencies.x=1`: the package.json it writes there)
        yield Op(WRITE, tool, _paths(["package.json"], command), text, FILE, UNKNOWN)
    if tool in ("curl", "wget") and (jar := _cookie_jar(tool, words)):
        # (the cookies one download keeps for the next, `wget --save-cookies /tmp/c.txt`: a
        # file of this RUN's own, which its later `rm` takes back)
        yield Op(WRITE, tool, _paths([jar], command), text, FILE, UNKNOWN)
    if (
        tool == "cpanm"
        and not _operands(words)
        and (piped_from is not None or any(r.op == "<" for r in command.redirects))
    ):
        # (cpanm given no module reads their names from its input: `dzil listdeps --missing |
        # cpanm`, `cpanm < modules.txt`; not a self-upgrade or a question)
        words = (*words, "$MODULES")
    # (a package file saved under another name is the package its address names: `wget
    # .../shiny-server-1.5.20-amd64.deb -O ss-latest.deb && gdebi -n ss-latest.deb`)
    for op in _package_ops(tool, words, command, env, text):
        if op.kind == REMOVE and op.family == "pacman" and _unanswered(words, piped_from):
            continue  # (`pacman -Scc` asks, No by default: a build's stdin answers nothing)
        if op.role == INSTALL and names and (saved_as := _saved_packages(words, command, names)):
            op = op._replace(packages=tuple(dict.fromkeys((*op.packages, *saved_as))))
        yield op
    # (`curl ... > get-pip.py` saves it: a later `python get-pip.py` is the run, and reads its
    # own options)
    saved = any(_writes_file(r) and r.op in (">", ">>", "1>", "&>") for r in command.redirects)
    piped = tool in ("curl", "wget") and _to_stdout(tool, words) and not saved
    if (app := _jupyter_config(tool, words)) is not None:
        # (`jupyter notebook --generate-config`: the user's ~/.jupyter/jupyter_notebook_config.py)
        yield Op(WRITE, tool, (f"/root/.jupyter/jupyter_{app}_config.py",), text, FILE, UNKNOWN)
    if (data := _cluster_made(tool, words, {**env, **dict(command.assignments)})) is not None:
        # (`initdb -D $PGDATA`: a database cluster, its configuration files with it)
        yield Op(WRITE, tool, _paths([data], command), text, TREE, HEAVY)
        made = [posixpath.join(data, n) for n in _CLUSTER_FILES]
        yield Op(WRITE, tool, _paths(made, command), text, FILE, UNKNOWN)
    script, script_args = _script_of(tool, words)
    if script in _APT_SETUP_SCRIPTS and not {"-h", "--help"} & set(script_args):
        # (vendors' scripts that run apt-get update, then their installs, on Debian and
        # Ubuntu; the lists stay)
        yield Op(WRITE, tool, ("/var/lib/apt/lists",), text, TREE, HEAVY, CACHE, "apt")
    elif script == "install_prereq" and "install" in script_args[:1]:
        # (Asterisk's contrib/scripts/install_prereq: `aptitude update`, then its packages)
        yield Op(WRITE, tool, ("/var/lib/apt/lists",), text, TREE, HEAVY, CACHE, "apt")
    if tool == "unminimize":
        # Ubuntu's own: apt-get update, then the reinstall of what the minimal image left out
        # (the packages' man pages and docs among it)
        yield Op(WRITE, tool, ("/var/lib/apt/lists",), text, TREE, HEAVY, CACHE, "apt")
        yield Op(WRITE, tool, ("/usr/share/man", "/usr/share/doc"), text, TREE, HEAVY)
    if piped and feeds and (installer := next(filter(None, map(apt_script, words)), None)):
        # A vendor's install script, piped to a shell, adds its repository and runs apt update.
        # (Saved, `curl -sL .../setup_16.x -o nodesource_setup.sh`, it has not run yet.)
        yield from _vendor_script_caches(tool, installer, text)
    if (piped and any(_OH_MY_ZSH.search(w) for w in words)) or (
        # (or saved first and run by its name: `curl -O .../tools/install.sh && ./install.sh`)
        names
        and (ran := _path(_script_word(tool, words), command))
        and _OH_MY_ZSH.search(names.get(ran, ""))
    ):
        # Oh My Zsh's installer, fetched to be run: its clone, and a ~/.zshrc from its template
        # (the user's own is renamed .zshrc.pre-oh-my-zsh)
        yield Op(WRITE, tool, ("/root/.oh-my-zsh",), text, TREE, UNKNOWN)
        if env.get("KEEP_ZSHRC") != "yes":
            yield Op(WRITE, tool, ("/root/.zshrc",), text, FILE, UNKNOWN)
    if (
        tool in SHELLS
        and piped_from is not None
        and any(_SYMFONY_INSTALLER in w for w in piped_from.words)
    ):
        # (the Symfony CLI's installer puts the binary in ~/.symfony5/bin, for a `mv` to move,
        # or where `bash -s -- --install-dir=/usr/local/bin` says)
        told = next((w.partition("=")[2] for w in words if w.startswith("--install-dir=")), "")
        into = _path(told, command) if told else "/root/.symfony5/bin"
        if into:
            yield Op(WRITE, tool, (posixpath.join(into, "symfony"),), text, FILE, HEAVY)
    if piped and any(_PYENV_INSTALLER.search(w) for w in words):
        # (pyenv's installer, `curl https://pyenv.run | bash`: its clone of pyenv and of its
        # plugins, in PYENV_ROOT or ~/.pyenv)
        root = env.get("PYENV_ROOT") or home_path("~/.pyenv")
        if root.startswith("/") and "$" not in root:
            yield Op(WRITE, tool, (posixpath.normpath(root),), text, TREE, HEAVY)
    rustup = piped and any("sh.rustup.rs" in w for w in words)
    if rustup or tool in ("rustup-init", "rustup-init.sh") or _adds_to_rust(tool, words):
        # rustup's installer, and rustup adding a toolchain, component or target: the
        # toolchains in RUSTUP_HOME, the proxies (cargo, rustc) in CARGO_HOME
        rust = tuple(env.get(n) or home_path(d) for n, d in _RUST_HOMES)
        yield Op(WRITE, tool, tuple(h for h in rust if h.startswith("/")), text, TREE, HEAVY)
    if posixpath.basename(tool) == "sdkmanager" and not _SDK_ASKS & set(words):
        # (Android's SDK manager: the packages it installs, or the licenses it accepts, in
        # --sdk_root's tree, or ANDROID_SDK_ROOT's, ANDROID_HOME's)
        root = _option_value(words, "", "--sdk_root") or (
            env.get("ANDROID_SDK_ROOT") or env.get("ANDROID_HOME") or ""
        )
        installs = bool({"--install", "--update"} & set(words)) or bool(_operands(words))
        installs = installs or any(w.startswith("--package_file") for w in words)
        if root.startswith("/") and "$" not in root and (installs or "--licenses" in words):
            filled = root if installs else posixpath.join(root, "licenses")
            yield Op(
                WRITE, tool, _paths([filled], command), text, TREE, HEAVY if installs else UNKNOWN
            )
    if tool == "rustup" and subcommand(words) == "self" and "uninstall" in words:
        # (rustup removes itself whole: the toolchains, and cargo's home with its caches)
        rust = tuple(env.get(n) or home_path(d) for n, d in _RUST_HOMES)
        yield Op(REMOVE, tool, tuple(h for h in rust if h.startswith("/")), text)
    # (`npx -y playwright-core install-deps`, `npx @playwright/test@1.44 install --with-deps`)
    # (or by its path: `node_modules/.bin/playwright install --with-deps chromium`)
    runs_playwright = (
        any(w[:1] + w[1:].split("@", 1)[0] in _PLAYWRIGHT_PACKAGES for w in words[:4])
        or posixpath.basename(words[0]) in _PLAYWRIGHT_PACKAGES
    )
    if posixpath.basename(tool) in ("mvn", "mvnw") and _MAVEN_BUILDS & {
        w.split(":")[-1] for w in words[1:] if not w.startswith("-")
    }:
        # (the project's build output, target/: a war or jar it packages is this RUN's, not
        # one a COPY of the project brought; `-f sub/pom.xml` builds sub/target)
        pom = _option_value(words, "-f", "--file")
        project = posixpath.dirname(pom) if pom and pom.endswith(".xml") else pom or ""
        yield Op(WRITE, tool, _paths([posixpath.join(project, "target")], command), text, TREE)
    if tool == "lein" and _LEIN_BUILDS & set(words[1:]):
        # (Leiningen's build output, the project's target/: `lein uberjar`, `lein ring
        # uberwar`, `lein with-profile prod uberjar`)
        yield Op(WRITE, tool, _paths(["target"], command), text, TREE)
    if tool == "stack" and stack_scope(" ".join(words)) is not None:
        # (stack's build of the project's own packages, in its .stack-work: `stack build`,
        # `stack install`)
        yield Op(WRITE, tool, _paths([".stack-work"], command), text, TREE)
    if tool in ("locale-gen", "localedef") and "--help" not in words:
        # (the compiled locales, one archive of megabytes; `--purge` takes the earlier ones
        # first, a removal of what an earlier locale-gen wrote)
        if tool == "locale-gen" and "--purge" in words:
            yield Op(REMOVE, tool, (_LOCALE_ARCHIVE,), text)
        yield Op(WRITE, tool, (_LOCALE_ARCHIVE,), text, FILE, HEAVY)
    deps = "--with-deps" in words or "install-deps" in words
    if runs_playwright and deps and "--dry-run" not in words:
        # (`npx playwright install --with-deps`: it runs apt-get update and install itself)
        yield Op(WRITE, tool, ("/var/lib/apt/lists",), text, TREE, HEAVY, CACHE, "apt")
    if tool == "install-php-extensions":
        if any(w[:1] not in ("@", "-") for w in words[1:]):
            # (the system libraries the extensions need, by names it does not show, and what
            # they pulled in: its purge of its build packages leaves those for an autoremove)
            trees = MANAGERS["apt"].trees
            yield Op(WRITE, tool, trees, text, TREE, UNKNOWN, INSTALL, "apt", packages=("$",))
        # (mlocati's installer cleans apt's index and pear's cache when it is done; told to
        # keep them, it leaves the lists its own apt-get update fetched)
        if "IPE_KEEP_SYSPKG_CACHE" in env or "IPE_KEEP_SYSPKG_CACHE" in dict(command.assignments):
            yield Op(WRITE, tool, ("/var/lib/apt/lists",), text, TREE, HEAVY, CACHE, "apt")
        else:
            yield Op(REMOVE, tool, ("/var/lib/apt/lists/*", "/tmp/pear"), text)
    if tool in _IBM_INSTALLERS and (installs_to := _ibm_installs(tool, words)):
        # IBM Installation Manager: `./installc -acceptLicense` installs the manager itself,
        # `imcl install OFFERING -installationDirectory /opt/IBM/WebSphere/AppServer` a
        # product, with its shared resources beside (a response file says where: not read)
        yield Op(WRITE, tool, _paths(installs_to, command), text, TREE, HEAVY)
    if tool == "code-server" and any(w.startswith("--install-extension") for w in words):
        # (each extension unpacked into the user's extensions directory)
        data = _option_value(words, "", "--user-data-dir")
        into = _option_value(words, "", "--extensions-dir") or (
            posixpath.join(data, "extensions") if data else _CODE_SERVER_EXTENSIONS
        )
        if (target := _path(into, command)) is not None:
            yield Op(WRITE, tool, (target,), text, TREE, HEAVY)
    if tool == "suricata-update" and subcommand(words) == "update-sources":
        # (the sources' index it fetched, which its later commands read: no cache, but bytes)
        data = _option_value(words, "-D", "--data-dir") or "/var/lib/suricata"
        index = _paths((posixpath.join(data, "update/cache/index.yaml"),), command)
        yield Op(WRITE, tool, index, text, FILE, UNKNOWN)
    yield from _steamcmd_ops(tool, words, command, text)
    if (vsixs := _vsix_cache(tool, words, command, env)) is not None:
        yield Op(WRITE, tool, (vsixs,), text, TREE, HEAVY, CACHE, "vscode")
    if tool in _VSCODE_DATA and (
        files := [n for n in _extensions_named(words) if n.lower().endswith(".vsix")]
    ):
        # (a VSIX is a zip the install unpacks into the extensions directory)
        yield Op(UNPACK, tool, _paths(files, command), text)
    installer = _piped_installer(tool, words, piped_from, names or {}) if piped_from else None
    if piped_from is not None and installer:
        # `curl .../get-pip.py | python3 - --no-cache-dir`, `curl -L https://cpanmin.us | perl
        # - App::cpanminus`: what follows `-` is the installer's own command line
        # (a shell's `sh -s -- --dry-run`: what follows `--`)
        stdin = next((w for w in words if w in ("-", "/dev/stdin", "--")), None)
        given = words[words.index(stdin) + 1 :] if stdin else ()
        yield from _package_ops(installer, (installer, *given), command, env, text)
    operands = _operands(words)
    if built := _go_installed(tool, words, operands, {**env, **dict(command.assignments)}):
        # (`go install github.com/x/y/cmd/y@latest`: the binary, in GOBIN or GOPATH's bin/)
        yield Op(WRITE, tool, _paths(built, command), text, FILE, HEAVY)
    carrier = _self_extracting(tool, words)
    if carrier is not None:
        # (`java -jar fmw_12.1.3.0.0_wls.jar -silent ...`, `./jdk-6u45-linux-x64.bin`: an
        # installer that unpacks what it carries)
        yield Op(UNPACK, tool, _paths([carrier], command), text, program=True)
        if _CMAKE_INSTALLER.fullmatch(posixpath.basename(carrier)):
            # (CMake's unpacks the release into --prefix, or where it runs: `sh
            # cmake-3.15.4-Linux-x86_64.sh --prefix=/opt/cmake`)
            into = next((w[9:] for w in words if w.startswith("--prefix=")), ".")
            yield Op(WRITE, tool, _paths([into], command), text, TREE, HEAVY)
    installer = _conda_installer(tool, words, command, names or {})
    if installer is not None:
        # Miniforge's, Miniconda's or Anaconda's installer: a whole conda tree at -p, with the
        # packages it unpacked kept in pkgs/ until a `conda clean`. It is a shell script with
        # the packages appended: it unpacks itself.
        yield Op(UNPACK, tool, _paths([_script_word(tool, words)], command), text)
        trees = _paths([installer], command)
        yield Op(WRITE, tool, trees, text, TREE, HEAVY)
        pkgs = tuple(posixpath.join(p, "pkgs") for p in trees)
        yield Op(WRITE, tool, pkgs, text, TREE, HEAVY, CACHE, "conda")
    if tool in _USER_TOOLS and "--help" not in words:
        # (they rewrite the user database: `useradd app && chmod g+w /etc/passwd` changes what
        # the RUN wrote, not the base image's file; a useradd that makes no group and joins
        # none leaves /etc/group alone: `useradd -N`, `useradd -g users`)
        added = _new_user(tool, words) if tool == "useradd" else None
        database = USER_DATABASE if added is None or added.rewrites_groups else USER_DATABASE[:1]
        yield Op(WRITE, tool, database, text, FILE, UNKNOWN)
    venv = _venv(tool, words)
    if venv is not None:  # a virtual environment: its python, pip and their files
        yield Op(WRITE, tool, _paths([venv], command), text, TREE, HEAVY)
    if tool in ("rm", "unlink", "shred"):
        # (`rm -rf "/var/lib/apt/lists/*"`: no file has that name; it removes nothing)
        files = [o for o in operands if o not in command.literal]
        if tool == "rm" and _empty_directories_only(words):
            # (`rm -df /lib/modules`: a directory only if empty, or the build fails)
            files = [f for f in files if names_a_file(f) or is_glob(f)]
        # (a variable alone where it runs: the file a download there was named by it, `wget
        # .../${BITCOIN_TARBALL}`, then `rm ${BITCOIN_TARBALL}`, whatever its value)
        yield Op(REMOVE, tool, _named_paths(files, command), text)
    elif tool == "find" and _links_only(words) and not _find_execs(words, ("chown", "chmod")):
        pass  # (`find /usr -type l -exec test ! -e {} \; -delete`: broken links, no bytes)
    elif tool == "find" and ("-delete" in words or _find_execs(words, ("rm",))):
        only = _find_filter(words, ("rm",))
        yield Op(
            REMOVE, "find", _paths(find_roots(words), command), text, only=only,
            but=_find_leaves(words, ("rm",)) if only is None else (),
        )  # fmt: skip
    elif tool == "find" and _find_execs(words, _EDITORS) and _find_edits(words):
        # (`find /etc/s6 -type f -exec sed -i 's/\r$//' {} +`: every file below is rewritten,
        # in this layer whole; a chmod of one of them after it copies up nothing more)
        yield Op(WRITE, "find", _paths(find_roots(words), command), text, TREE, UNKNOWN, EDITED)
    elif tool == "find" and _find_execs(words, _EDITORS) and (by_name := _edits_by_name(words)):
        # (`find . -name '*.sh' -exec dos2unix {} +`: the files of those names below are
        # rewritten; what a chmod of one of them after it sets lands with them)
        yield Op(_NAME_EDITS, "find", _paths(find_roots(words), command), text, only=by_name)
    elif tool == "find" and _find_execs(words, ("chown", "chmod", "chgrp")):
        if _directories_only(words) or _selects_little(words):
            return  # `find /app -type d -exec chmod 755 {} +`: directory entries, no bytes
        only = _find_filter(words, ("chown", "chmod", "chgrp"))
        if _selects_setuid(words):
            # (`find / -perm /6000 -type f -exec chmod a-s {} +`: the setuid programs alone)
            only = SETUID_PROGRAMS
        yield Op(
            CHOWN, "find", _paths(find_roots(words), command), text, only=only,
            sets=_found_without(words), recursive=not _roots_only(words),
        )  # fmt: skip
        if _edits_after(words):
            # (`find DIR -type f -exec chmod +x {} \; -exec sed -i ... {} \;`: each file it
            # changed is then rewritten in place, in this layer whole)
            yield Op(WRITE, "find", _paths(find_roots(words), command), text, TREE, UNKNOWN, EDITED)
    elif tool == "find" and _find_execs(words, ("touch",)):
        # (`find /var/lib/mysql -type f -exec touch {} \;`, the old cure for MySQL on overlayfs:
        # each file it selects gets new times, so it is copied up whole, as a chown copies it)
        if not all(_of_one_type(tests, "d") for tests, _ in _acting(words, ("touch",))):
            only = _find_filter(words, ("touch",))
            yield Op(
                CHOWN, "find", _paths(find_roots(words), command), text,
                recursive=not _roots_only(words), only=only,
            )  # fmt: skip
    elif tool in ("chown", "chmod", "chgrp"):
        if tool == "chmod":
            rest = [w for w in words[1:] if not _is_chmod_option(w)]
            if "--reference" in rest[:-1]:  # (`--reference RFILE`: the mode's source)
                at = rest.index("--reference")
                rest = rest[:at] + rest[at + 2 :]
            rest = [w for w in rest if not w.startswith("--reference=")]
        else:
            rest = _operands(words, frozenset({"--reference", "--from"}))
        if not any(w.startswith("--reference") for w in words):
            rest = rest[1:]
        program = tool == "chmod" and bool(words[1:]) and _adds_execute(words)
        recursive = _recursive(words)
        # `chmod 600 /root/.vnc/passwd`: a mode without the owner's x bit is a file's (such a
        # directory could not be entered).
        # (A number with x bits for one named path, `chmod 700 /opt/apache-tomcat-9.0.68`, is
        # as often a directory's: `+x`, `-R`, or a glob, `chmod 755 scripts/*`, says programs.)
        numbered = not recursive and not any(is_glob(w) for w in rest)
        numbered = numbered and bool(OCTAL_MODE.fullmatch(_chmod_mode(words)))
        program_hint = program and not numbered
        named = any(_PROGRAM.search(w) or in_a_bin_dir(w) for w in rest)
        if numbered and not named:
            program = False  # (`chmod 755 /var/www/example.com`: a directory, as likely)
        hint = program_hint or (tool == "chmod" and not recursive and _file_mode(words))
        if not recursive:  # `chmod 1777 /srv/http.d/`: the slash says a directory, an entry only
            rest = [w for w in rest if not w.endswith("/")]
        yield Op(
            CHOWN, tool, _paths(rest, command), text,
            recursive=recursive, file_hint=hint, program=program, sets=_sets(tool, words),
        )  # fmt: skip
    elif tool == "fix-permissions":  # jupyter and s2i images: chgrp -R and chmod -R g+rwX
        yield Op(CHOWN, tool, _paths(operands, command), text, recursive=True)
    elif posixpath.basename(tool) == "set_user_permission.sh":
        # (Kasm's images' script: chgrp -R 0 and chmod -R a+rw of each directory it is given)
        yield Op(CHOWN, tool, _paths(operands, command), text, recursive=True)
    elif tool in _COMPILERS and (compiled := _compiled(words)):
        yield Op(WRITE, tool, _paths([compiled], command), text, FILE, HEAVY)
    elif _SET_PERMISSIONS.fullmatch(script):
        # (OTRS's and Znuny's bin/otrs.SetPermissions.pl: chown and chmod of every file of the
        # installation it lies in, two directories up)
        spelled = next(w for w in command.words if _SET_PERMISSIONS.search(w))
        home = posixpath.normpath(posixpath.join(spelled, "../.."))
        yield Op(CHOWN, tool, _paths([home], command), text)
    elif tool == "setcap":
        # (`setcap CAPS FILE...`, or `setcap -r FILE...`, which removes them: no caps named;
        # `-n ROOTID` takes a value)
        operands = _operands(words, frozenset({"-n"}))
        rest = operands if "-r" in words else operands[1:]
        rest = [] if "-v" in words else rest  # (`-v` only verifies what is set)
        yield Op(
            CHOWN, tool, _paths(rest, command), text, recursive=False, file_hint=True, program=True
        )
    elif tool == "setfacl":
        rest = _operands(words, frozenset({"-m", "-x", "-M", "-X", "--modify", "--remove"}))
        yield Op(CHOWN, tool, _paths(rest, command), text, recursive=_recursive(words))
    elif tool == "truncate" and _option_value(words, "-s", "--size") == "0":
        # The old bytes stay in the layer that wrote them; this one holds an empty file.
        emptied = _paths(
            _operands(words, frozenset({"-s", "--size", "-r", "--reference"})), command
        )
        yield Op(REMOVE, tool, emptied, text)
        yield Op(WRITE, tool, emptied, text, FILE, EMPTY)
    elif tool in ("gpg", "gpg2") and _ARMOR.intersection(words):
        # `gpg --dearmor key.asc` writes key.asc.gpg beside it (`--enarmor`: key.gpg.asc), or
        # what -o names; from standard input without -o, to standard output
        armored = _option_value(words, "-o", "--output") or ""
        keys = _operands(words, frozenset({"-o", "--output", "--homedir", "-r", "--recipient"}))
        if not armored and keys:
            dearmor = any(w in ("--dearmor", "--dearmour") for w in words)
            armored = keys[-1] + (".gpg" if dearmor else ".asc")
        if armored and armored != "-":
            yield Op(WRITE, tool, _paths([armored], command), text, FILE, UNKNOWN)
    elif tool in ("gpg", "gpg2") and (output := _option_value(words, "-o", "--output")):
        # (`gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc`: node's images)
        if output != "-":
            yield Op(WRITE, tool, _paths([output], command), text, FILE, UNKNOWN)
    elif tool in ("gpg", "gpg2") and (keyring := _option_value(words, "", "--keyring")):
        # (`gpg --no-default-keyring --keyring /etc/apt/trusted.gpg.d/koha.gpg --import`: the
        # keys land in that keyring, which it makes where none was; `gnupg-ring:` names its
        # format)
        keyring = keyring.removeprefix("gnupg-ring:").removeprefix("gnupg-kbx:")
        # (`--recv-key`: gpg takes a long option's unambiguous prefix)
        adds = any(w.startswith(_GPG_ADDS_KEYS) for w in words)
        if adds and "/" in keyring:
            yield Op(WRITE, tool, _paths([keyring], command), text, FILE, UNKNOWN)
    elif (edited := _edited_in_place(tool, words)) is not None:
        # `sed -i`, `perl -pi -e`, dos2unix write each file anew: this layer holds it whole,
        # and a chmod after it in the same RUN copies nothing more up.
        if suffix := _backup_suffix(tool, words):
            # (`sed -i.bak x f` renames f to f.bak first, as `mv f f.bak` does: the old bytes
            # are written again under the new name)
            kept = _paths(edited, command)
            yield Op(REMOVE, "mv", kept, text, role=EDITED)
            yield Op(WRITE, "mv", tuple(k + suffix for k in kept), text, FILE, UNKNOWN)
        # (an edit: the file was there before it, whoever wrote it)
        yield Op(WRITE, tool, _paths(edited, command), text, FILE, UNKNOWN, EDITED)
    elif tool == "compileall":
        # (`python -m compileall -q /opt/venv/lib`: the .pyc files of the trees it names, in
        # their __pycache__ directories)
        rest = _operands(words, frozenset({"-d", "-s", "-p", "-x", "-i", "-j", "-r", "-e"}))
        caches = tuple(p.rstrip("/") + "/**/__pycache__" for p in _paths(rest, command))
        yield Op(WRITE, tool, caches, text, TREE, UNKNOWN)
    elif tool == "touch":
        rest = _operands(words, frozenset({"-r", "-d", "-t", "--reference", "--date"}))
        paths = _paths(rest, command)
        yield Op(TOUCH, tool, paths, text, recursive=False)
        yield Op(WRITE, tool, paths, text, FILE, EMPTY)
    elif tool in ("mkdir", "mktemp"):
        # (without -p, mkdir fails where the path is: it made a directory where nothing was)
        parents = tool == "mktemp" or any(
            w in ("-p", "--parents") or (w[:1] == "-" and w[1:2] != "-" and "p" in w)
            for w in words[1:]
        )
        paths = _paths(_operands(words, frozenset({"-m"})), command)
        yield Op(WRITE, tool, paths, text, DIR, EMPTY, recursive=parents)
    elif tool == "install":
        rest, directory, target = _install_operands(words)
        if directory:
            yield Op(WRITE, tool, _paths(rest, command), text, DIR, EMPTY)
        elif rest:
            sources, into = (rest, target) if target else (rest[:-1], rest[-1])
            dests = [into]
            if sources and (
                target
                or into.endswith("/")
                or into in STANDARD_DIRS
                or into in BIN_DIRS
                or len(sources) > 1
            ):
                # (`install -m 755 tini /usr/local/bin/`: each file lands inside, by its name)
                dests = [posixpath.join(into, posixpath.basename(s.rstrip("/"))) for s in sources]
            yield Op(WRITE, tool, _paths(dests, command), text, FILE, UNKNOWN)
    elif tool == "tee":
        yield Op(WRITE, tool, _paths(operands, command), text, FILE, UNKNOWN)
    elif tool == "dotnet" and words[1:3] == ("dev-certs", "https"):
        # (`dotnet dev-certs https -ep /certs/cert.pem -p x`: the certificate it exports)
        at = next((i for i, w in enumerate(words) if w in ("-ep", "--export-path")), 0)
        if at and at + 1 < len(words):
            yield Op(WRITE, tool, _paths([words[at + 1]], command), text, FILE, UNKNOWN)
    elif tool == "openssl":
        # (`openssl req -x509 -newkey rsa:4096 -keyout key.pem -out cert.pem`, `openssl
        # dhparam -out dhparam.pem 2048`: the key, certificate or parameters it writes)
        # (its options are single-dash words, `-outform` another one)
        written = [v for o, v in itertools.pairwise(words) if o in ("-out", "-keyout")]
        if subcommand(words) == "req" and "-keyout" not in words and "-key" not in words:
            # (a new key without -keyout goes to privkey.pem: `openssl req -x509 -nodes -new
            # -out cert.pem`)
            written += ["privkey.pem"] if {"-new", "-newkey", "-x509"} & set(words) else []
        if written:
            yield Op(WRITE, tool, _paths(written, command), text, FILE, UNKNOWN)
    elif _reconfigured(words):
        # (the compiled locales again; tzdata's zone, `/etc/timezone` and the link beside it)
        packages = {w for w in words[1:] if not w.startswith("-")}
        if "locales" in packages:
            yield Op(WRITE, tool, (_LOCALE_ARCHIVE,), text, FILE, HEAVY)
        if "tzdata" in packages:
            yield Op(WRITE, tool, ("/etc/timezone",), text, FILE, UNKNOWN)
    elif tool == "update-locale":
        yield Op(WRITE, tool, ("/etc/default/locale",), text, FILE, UNKNOWN)  # (its one file)
    elif tool == "ipykernel" and subcommand(words) == "install":
        # (`python -m ipykernel install --user --name env`: the kernelspec, kernel.json and its
        # logos, in the user's, a prefix's or the system's kernels directory)
        if kernels := _kernels_dir(words, command.words[0], {**env, **dict(command.assignments)}):
            spec = posixpath.join(kernels, _option_value(words, "", "--name") or "python3")
            yield Op(WRITE, tool, _paths([spec], command), text, TREE, UNKNOWN)
    elif tool == "dd":
        # (`curl -fsSL .../keyring.gpg | dd of=/usr/share/keyrings/x.gpg`: the file it writes)
        written = [w[3:] for w in words[1:] if w.startswith("of=") and len(w) > 3]
        yield Op(WRITE, tool, _paths(written, command), text, FILE, UNKNOWN)
    elif generated := _config_generated(tool, words):
        # (Paste's `paster make-config ckan /etc/ckan/default/production.ini`, CKAN's `ckan
        # generate config /etc/ckan/ckan.ini`, `trac-admin /srv/trac initenv`: the
        # application's configuration, from its template)
        yield Op(WRITE, tool, _paths([generated], command), text, FILE, UNKNOWN)
    elif tool == "ssh-keygen" and (keys := _ssh_keys(words)):
        # (`ssh-keygen -A`: the host keys in /etc/ssh; `-f FILE`: the key and FILE.pub)
        yield Op(WRITE, tool, _paths(keys, command), text, FILE, UNKNOWN)
    elif tool == "ln":
        # (`ln -sf -t /usr/local/bin /opt/a/bin/tool`: the directory first, as the last
        # operand ending in a slash is)
        into = _option_value(words, "-t", "--target-directory")
        if into:
            operands = [*(o for o in operands if o != into), into.rstrip("/") + "/"]
        elif len(operands) == 1:
            # (a target alone: the link lands in the working directory, by the target's name,
            # `ln -s /usr/bin/chromedriver`)
            operands = [*operands, "./"]
        link = _paths(operands[-1:], command)
        forced = any(w == "--force" or (w[:1] == "-" and w[1:2] != "-" and "f" in w) for w in words)
        # (into a directory, `ln -sf /data/config.json .`, `ln -sf x /etc/app/`, the link lands
        # inside it, where it replaces what is there by its target's name: below)
        inside_a_dir = bool(operands) and (
            operands[-1].endswith("/")
            or operands[-1] in (".", "..")
            or any(p in STANDARD_DIRS or p in BIN_DIRS or p in _LIBRARY_DIRS for p in link)
        )
        if forced and len(operands) >= 2 and link and not inside_a_dir:
            # (`ln -sf /etc/services-config/ssh/sshd_config /etc/ssh/sshd_config`: the file
            # there gives way to the link, and stays in its layer; only a layer known to have
            # written that path counts)
            yield Op(REMOVE, tool, link, text, blind=True)
        if inside_a_dir and len(operands) >= 2 and link:
            # (`ln -s /home/app/.config/x /home/app/`: each link lands inside, by its target's
            # name; the directory itself is not made)
            targets = [posixpath.basename(t.rstrip("/")) for t in operands[:-1]]
            link = tuple(posixpath.join(link[0], t) for t in targets if t not in ("", ".", ".."))
            if forced and (literal := tuple(p for p in link if not is_glob(p))):
                # (`ln -nfs /usr/local/bin/wkhtmltopdf /usr/bin/` after the package's own
                # /usr/bin/wkhtmltopdf: as above, only a layer known to have written it counts;
                # not what a wildcard's names may be, `ln -sf /opt/app/bin/* /usr/bin`)
                yield Op(REMOVE, tool, literal, text, blind=True)
        symbolic = any(
            w == "--symbolic" or (w[:1] == "-" and w[1:2] != "-" and "s" in w) for w in words
        )
        linked = operands[:-1]
        if not symbolic and linked:
            # (a hard link, `ln /cromwell/cromwell-68.jar /cromwell/cromwell.jar`: the file's
            # link count changes, and overlayfs copies a lower layer's file up to change it)
            yield Op(CHOWN, tool, _paths(linked, command), text, recursive=False, file_hint=True)
        yield Op(WRITE, tool, link, text, FILE, EMPTY)
    elif _PHP.fullmatch(tool) and "-r" in words[:-1]:
        # composer's own recipe: `php -r "copy('https://getcomposer.org/installer',
        # 'composer-setup.php');"`, later `php -r "unlink('composer-setup.php');"`
        code = words[words.index("-r") + 1]
        fetched = [m[2] for m in _PHP_COPY.finditer(code) if "://" in m[1]]
        if fetched:
            yield Op(WRITE, tool, _paths(fetched, command), text, FILE, HEAVY)
        if "hash_file(" in code:
            # (composer's recipe unlinks the installer only where its hash is wrong, and then
            # the build fails at the installer's run: in a build that succeeds it stays)
            code = _PHP_BAD_HASH.sub(lambda m: m[1] or m[2], code)
        if gone := [m[1] for m in _PHP_UNLINK.finditer(code)]:
            yield Op(REMOVE, tool, _paths(gone, command), text)
    elif _composer_installer(tool, words):
        # composer's installer writes composer.phar, or --install-dir/--filename
        into = _option_value(words, "", "--install-dir") or "."
        phar = _option_value(words, "", "--filename") or "composer.phar"
        yield Op(WRITE, tool, _paths([posixpath.join(into, phar)], command), text, FILE, HEAVY)
    elif tool == "update-ca-certificates":
        # (it writes the bundle anew from the certificates there: Debian's and Alpine's)
        yield Op(WRITE, tool, ("/etc/ssl/certs/ca-certificates.crt",), text, FILE, HEAVY)
    elif tool in ("docker-php-source", "docker-php-ext-configure"):
        # The php image's helpers: `docker-php-source extract`, and docker-php-ext-configure
        # when the source is not there yet, unpack php.tar.xz into /usr/src/php (about 80 MB)
        if tool == "docker-php-ext-configure":  # (it marks what it unpacked for deletion)
            mark = PHP_SOURCE + _PHP_MARK
            yield Op(WRITE, tool, (mark,), text, FILE, EMPTY, unless=PHP_SOURCE)
        if tool == "docker-php-ext-configure" or operands[:1] == ["extract"]:
            yield Op(WRITE, tool, (PHP_SOURCE,), text, TREE, HEAVY)
        elif operands[:1] == ["delete"]:
            yield Op(REMOVE, tool, (PHP_SOURCE,), text, blind=True)
    elif tool == "docker-php-ext-install":
        # It deletes the source it unpacked itself, or one docker-php-ext-configure unpacked and
        # marked: in a later RUN, a removal of an earlier layer's. One `docker-php-source
        # extract` unpacked stays. (Only of a source a layer unpacked, not of what an install
        # may have put below /usr.)
        yield Op(REMOVE, tool, (PHP_SOURCE,), text, blind=True, when=PHP_SOURCE + _PHP_MARK)
        yield from _php_ini_files(tool, words, env, text)
    elif tool in ("docker-php-ext-enable", "install-php-extensions"):
        yield from _php_ini_files(tool, words, env, text)
    elif tool == "install_app_icon.sh":
        # (jlesage's GUI base's helper: it deletes the icons the base generated for noVNC, in
        # /opt/noVNC since its v4, and makes the app's own; elsewhere the paths are not there)
        yield Op(REMOVE, tool, JLESAGE_ICONS, text)
    elif tool == "update-alternatives" and "--install" in words[:-3]:
        # (`--install LINK NAME PATH PRIORITY` records NAME's choices in a small file of dpkg's
        # alternatives database)
        group = words[words.index("--install") + 2]
        yield Op(WRITE, tool, (f"/var/lib/dpkg/alternatives/{group}",), text, FILE, UNKNOWN)
    elif tool == "dpkg-divert" and (diverted := _diverted(words)) is not None:
        # (as a mv where the file is there: a rename of a file a package is known to ship
        # writes its bytes again. Blind: unlike mv, `--rename` moves nothing where nothing is,
        # so a path no layer is known to hold, `/sbin/initctl`, says nothing of the base.)
        moved = _paths(list(diverted), command)
        if len(moved) == 2:
            yield Op(REMOVE, tool, moved[:1], text, blind=True)
            yield Op(WRITE, tool, moved[1:], text, FILE, UNKNOWN, sources=moved[:1])
    elif tool == "pg_createcluster" and len(made := _operands(words, _CREATECLUSTER_VALUES)) >= 2:
        # (Debian's PostgreSQL: a cluster's data and its configuration in /etc)
        major, main = made[-2:]
        data, conf = f"/var/lib/postgresql/{major}/{main}", f"/etc/postgresql/{major}/{main}"
        yield Op(WRITE, tool, (data,), text, TREE, HEAVY)
        configs = tuple(f"{conf}/{n}" for n in ("postgresql.conf", "pg_hba.conf", "pg_ident.conf"))
        yield Op(WRITE, tool, configs, text, FILE, UNKNOWN)
    elif tool == "pg_dropcluster" and len(cluster := [o for o in operands if o != "--stop"]) == 2:
        # (Debian's PostgreSQL: `pg_dropcluster --stop 14 main` deletes the cluster's data and
        # configuration)
        major, main = cluster
        yield Op(
            REMOVE,
            tool,
            (f"/var/lib/postgresql/{major}/{main}", f"/etc/postgresql/{major}/{main}"),
            text,
        )
    elif tool in ("cp", "mv", "rsync") and len(operands) >= 2:
        target = _option_value(words, "-t", "--target-directory") if tool != "rsync" else None
        if target:  # (`mv -t /tmp/ a.deb b.deb`: the directory first)
            operands = [o for o in operands if o != target] + [target.rstrip("/") + "/"]
        (into,) = _paths(operands[-1:], command) or ("",)
        moved = _paths(operands[:-1], command)
        if (
            into
            and moved
            and (all(posixpath.dirname(p) == into for p in moved) or moved == (into,))
        ):
            # (`mv apache-tomcat-9.0.64/* apache-tomcat-9.0.64`: each entry onto itself, and
            # `mv $HOME/jboss-as-7.1.1.Final $JBOSS_HOME`, one path: mv and cp refuse; nothing
            # moves)
            return
        if tool == "mv":  # the old path is gone from this layer on: a whiteout over it
            # (a wildcard that ends in a slash takes directories only: `unzip -q payara.zip &&
            # mv payara*/ appserver` leaves payara.zip where it was)
            gone = [o + "*" if o.endswith("/") and is_glob(o) else o for o in operands[:-1]]
            if removed := _paths(gone, command):
                yield Op(REMOVE, tool, removed, text)
        syncs = tool == "rsync" and any(w.startswith("--delete") for w in words)
        # (not what an --exclude or a filter protects: `--exclude node_modules`)
        protects = any(w.startswith(("--exclude", "--filter", "--include", "-f")) for w in words)
        if syncs and into and not protects:
            # (`rsync -a --delete site/ /usr/share/nginx/html/`: what was there gives way; a
            # source without its slash is synced as a directory of its name there)
            synced = [
                into.rstrip("/") + ("" if o.endswith("/") else "/" + posixpath.basename(o))
                for o in operands[:-1]
            ]
            # (blind: what it deletes there is what the source lacks, not known here)
            yield Op(REMOVE, tool, tuple(f"{t}/*" for t in synced), text, blind=True)
        dest = _paths(operands[-1:], command)
        archives = all(is_archive(o) for o in operands[:-1])
        one_file = len(operands) == 2 and (
            (names_a_file(operands[0]) and (names_a_file(operands[1]) or _dotfile(operands[1])))
            # (`mv composer.phar /usr/local/bin/composer`, `mv /tmp/helm /usr/local/bin/helm`:
            # a program there)
            or (not operands[1].endswith("/") and posixpath.dirname(operands[1]) in BIN_DIRS)
            # (`tr -d '\015' <f >f.tmp && mv f.tmp f`: a file's new version put in its place)
            or (
                _TEMPORARY.fullmatch(operands[0].removeprefix(operands[1]))
                and not operands[1].endswith("/")
                and not is_glob(operands[0])
            )
            # (`cp source/run_autograder /autograder/run_autograder`: cp without -r copies a
            # file, here under its own name)
            or (
                tool == "cp"
                and not _recursive_copy(words)
                and not is_glob(operands[0])
                and posixpath.basename(operands[0]) == posixpath.basename(operands[1])
            )
        )
        # (a cp that does not recurse copies one file, to that name or into a directory
        # there: `cp /opt/exe/gfzrnx_lx64 /opt/exe/gfzrnx`; it refuses a directory)
        one_of_either = tool == "cp" and len(operands) == 2 and not _recursive_copy(words)
        kind = FILE if one_file else EITHER if one_of_either and not is_glob(operands[0]) else TREE
        sources = operands[:-1]
        # (two or more sources: the target is a directory, or cp and mv refuse; the files
        # land by their names, when the names are files', not `example.com`'s, and no
        # --parents keeps their directories)
        files_into = (
            len(sources) > 1
            and tool != "rsync"
            and "--parents" not in words
            # (not a recursive copy, whose sources are as often directories: `cp -r
            # node_modules/chart.js node_modules/video.js vendor/`, exploded .ear and .war)
            and not (tool == "cp" and _recursive_copy(words))
            and all(
                _DATA_EXTENSION.fullmatch(s.rpartition(".")[2])
                or posixpath.basename(s) in _FILE_NAMES
                for s in sources
            )
        )
        # (`mv /root/mitsuba /usr/local/.`: the directory, as with a slash; but a directory
        # moved by its slashed name to a slashed one, `mv -f vhosts/Example/ vhosts/site/`, is
        # renamed where the target is not there, which the layer model knows)
        renamed = (
            tool == "mv"
            and len(operands) == 2
            and operands[0].endswith("/")
            and not is_glob(operands[0])
            and operands[-1].endswith("/")
            and operands[-1] not in ("./", "/")
        )
        a_directory = not renamed and (
            operands[-1] in (".", "./") or operands[-1].endswith(("/", "/."))
        )
        into_dir = (
            a_directory
            or files_into
            or (
                # (`cp /root/mysql-connector.jar $HOME/lib`: a name without an extension is a
                # directory the file lands in, far more often than the file's new name; not
                # `mv node-v18.0.0-linux-x64 /opt/node`, a directory named for its version)
                len(sources) == 1
                and not one_file
                and not names_a_file(operands[-1])
                and _EXTENSION.fullmatch(sources[0].rpartition(".")[2]) is not None
            )
        )
        if tool == "cp" and "--parents" in words and not any(is_glob(s) for s in sources):
            # (`cp --parents conf/app.yml /etc/myapp/` writes /etc/myapp/conf/app.yml: each
            # source keeps its path below the target)
            inside_dest = [posixpath.join(operands[-1], s.lstrip("/")) for s in sources]
            every_file = all(names_a_file(s) for s in sources)
            dest, kind = _paths(inside_dest, command), FILE if every_file else TREE
        elif into_dir and all(names_a_file(s) and not is_glob(s) for s in sources):
            # (`mv /opt/overlay.tar.gz /opt/wildfly/`: the files land inside, by their names)
            inside_dest = [posixpath.join(operands[-1], posixpath.basename(s)) for s in sources]
            dest, kind = _paths(inside_dest, command), FILE
        elif all(_named_glob(s) for s in sources) and (
            a_directory
            or len(sources) > 1
            or all(d in STANDARD_DIRS or _A_HOME.fullmatch(d) for d in dest)
        ):
            # (`cp -a /user/.z* $HOME`: what matches lands inside, as COPY's wildcards do; not
            # all of the home. `cp -r build/* /` writes all it holds: a tree, as before.)
            inside_dest = [posixpath.join(operands[-1], posixpath.basename(s)) for s in sources]
            dest, kind = _paths(inside_dest, command), EITHER
        elif (
            tool != "rsync"
            and a_directory
            and all(
                not is_glob(posixpath.basename(s.rstrip("/")))
                and posixpath.basename(s.rstrip("/")) not in ("", ".", "..")
                for s in sources
            )
        ):
            # (`cp -r /tmp/rucio/tools .`: each lands inside, as ./tools; so does a name below a
            # wildcard, `mv sccache-*/sccache .`)
            inside_dest = [
                posixpath.join(operands[-1], posixpath.basename(s.rstrip("/"))) for s in sources
            ]
            dest, kind = _paths(inside_dest, command), EITHER
        yield Op(
            WRITE, tool, dest, text, kind, UNKNOWN, ARCHIVE if archives else "",
            # (`cp -a conf/. /etc/app` copies what is below conf/, as `conf/*` does, and so
            # does `rsync -a conf/ /etc/app`)
            sources=_paths((_contents(o, tool) for o in sources), command),
        )  # fmt: skip
    elif tool == "curl":
        target = _option_value(words, "-o", "--output")
        remote = _remote_names(words)
        # (`${base_url}/pool/g/gcc-8_${arch}.deb`: an address from a variable is one too)
        urls = [w for w in words[1:] if "://" in w or (w.startswith("$") and "/" in w)]
        if target is None and remote:
            # (one -O per URL, or --remote-name-all: each URL's file, named as it is)
            every = "--remote-name-all" in remote or len(remote) >= len(urls) > 1
            fetched = [_url_name([u]) for u in (urls if every else urls[:1])]
            into = _option_value(words, "", "--output-dir") or ""  # (curl 7.73)
            targets = [posixpath.join(into, n) for n in fetched if n]
            if _header_named(words):
                targets = [posixpath.join(into, "*")]  # (`-J`: the server names the file)
            elif not targets and any(
                w.startswith("$") for w in _operands(words, _VALUE_OPTIONS.get("curl", frozenset()))
            ):
                targets = [posixpath.join(into, "*")]  # (`curl -LO $URL`, as wget's below)
            if targets:
                yield _download(tool, _named_paths(targets, command), text)
        elif target and target != "-":
            yield _download(tool, _named_paths([target], command), text)
    elif tool == "wget":
        target = _option_value(words, "-O", "--output-document")
        prefix = _option_value(words, "-P", "--directory-prefix")
        urls = [w for w in words if "://" in w]
        # (wget keeps the query in the name; after a redirect, --trust-server-names, the
        # address's, without its query, is the likeliest)
        query = not {"--content-disposition", "--trust-server-names"} & set(words)
        # (`--content-disposition` saves under the name the server's header gives: not known)
        server_named = "--content-disposition" in words
        recursive = any(_flagged(words, *o) for o in (("r", "--recursive"), ("m", "--mirror")))
        if recursive and not target and urls:
            # (`wget --mirror https://cdn.proj.org/`: the site's tree, in a directory named for
            # its host unless -nH or -nd; its files' names are the site's)
            flat = {"-nd", "--no-directories"} & set(words)
            hostless = {"-nH", "--no-host-directories"} & set(words)
            netloc, _, address = urls[0].split("://", 1)[1].split("?")[0].partition("/")
            host = "" if flat or hostless else netloc.rpartition("@")[2]  # (`ftp://u:p@host/`)
            if hostless and not flat:
                # (`-nH`: the address's directories, after the ones --cut-dirs drops, hold it)
                cut = _option_value(words, "", "--cut-dirs") or "0"
                dirs = [d for d in address.split("/")[:-1] if d][int(cut) if cut.isdigit() else 0 :]
                host = dirs[0] if dirs and "$" not in dirs[0] else ""
            tree = posixpath.join(prefix or ".", host) if host else prefix or "."
            yield Op(WRITE, tool, _paths([tree], command), text, TREE, HEAVY)
            return
        if not target and len(urls) > 1:
            # (`wget URL1 URL2 URL3`: each under its own name; the first is yielded below)
            for url in urls[1:]:
                if name := _url_name([url], query):
                    yield _download(
                        tool, _paths([posixpath.join(prefix or ".", name)], command), text
                    )
        if not target:
            name = "*" if server_named else _url_name(urls, query)
            if name is None:  # (every operand is an address: `wget www.crates.io/.../download`)
                hosts = [w for w in _operands(words, _VALUE_OPTIONS["wget"]) if _HOST_PATH.match(w)]
                name = _url_name([f"http://{w}" for w in hosts], query)
            if name is None and any(w.startswith("$") for w in _operands(words)):
                name = "*"  # `wget $URL`: a file of a name the Dockerfile does not show
            target = posixpath.join(prefix or ".", name) if name else None
        if target and target != "-":
            yield _download(tool, _paths([target], command), text)
    elif tool == "gdown":
        # (a Google Drive file, by its id or address, under the name Drive gives it unless -O
        # names one; `--folder`, a folder's tree)
        target = _option_value(words, "-O", "--output")
        if "--folder" in words:
            yield Op(WRITE, tool, _paths([target or "."], command), text, TREE, HEAVY)
        elif target != "-":
            yield _download(tool, _named_paths([target or "*"], command), text)
    elif tool in ("tar", "bsdtar", "unzip") and _reads_only(tool, words):
        pass  # `unzip -p x.jar META-INF/MANIFEST.MF`, `tar -xOf`: to stdout, nothing unpacked
    elif tool in ("tar", "bsdtar") and _extracts(words):
        archive = _tar_archive(words)
        if archive in (None, "-"):
            # (`tar -xz < /tmp/spark.tgz`: what its standard input reads)
            archive = next((r.target for r in command.redirects if r.op == "<"), archive)
        if archive and archive != "-":
            yield Op(UNPACK, tool, _paths([archive], command), text)
        into = _option_value(_tar_spelled_out(words), "-C", "--directory") or "."
        github = _saved_github(archive, command, names)
        if archive in (None, "-") and piped_from is not None:
            # (`wget -qO- .../openmpi-1.10.3.tar.gz | tar -xzf -`: the archive the download is)
            archive = _piped_archives([piped_from, command]).get(" ".join(words)) or archive
            github = _github_top(" ".join(piped_from.words))
        # (the whole directory too, even for a GitHub archive's one top: what a build in the
        # RUN writes beside it, the model does not always follow; but only the members it
        # names, when it names them: `tar -xvj bin/micromamba` in / writes /bin/micromamba)
        landed = _tar_landed(words, into)
        if landed:
            # (a program or a file by its name, `linux-amd64/helm` into /usr/local/bin; else a
            # file or a directory, `node-v20/bin`)
            filed = [p for p in landed if names_a_file(p) or posixpath.dirname(p) in BIN_DIRS]
            others = [p for p in landed if p not in filed]
            if filed:
                yield Op(WRITE, tool, _paths(filed, command), text, FILE, HEAVY)
            if others:
                yield Op(WRITE, tool, _paths(others, command), text, EITHER, HEAVY)
        else:
            yield Op(WRITE, tool, _paths([into], command), text, TREE, HEAVY)
        if not any(w.startswith("--strip") for w in words):
            yield from _top_entry(tool, archive, into, command, text, names, github)
            if (stem := archive_stem(github)) and "$" not in stem:
                # (and the repository's dotfiles there, .gitignore, .github/, which a `mv
                # top/*` leaves behind)
                dotfiles = posixpath.join(into, stem, ".*")
                yield Op(WRITE, tool, _paths([dotfiles], command), text, TREE, UNKNOWN)
    elif tool in ("tar", "bsdtar") and _creates(words):
        archive = _tar_archive(words)
        if archive and archive != "-":
            yield Op(WRITE, tool, _paths([archive], command), text, FILE, HEAVY, ARCHIVE)
    elif (archive := _zipped_into(tool, words)) is not None:
        # (`zip -r ../app.war ./*`, `jar cf app.jar -C classes .`: the archive it writes holds
        # what it packed, as `tar -c`'s)
        yield Op(WRITE, tool, _paths([archive], command), text, FILE, HEAVY, ARCHIVE)
    elif tool == "unzip":
        # (`unzip -qd /apps x.zip`, `-oqd`: the bundled options end with -d, whose value follows)
        words = tuple(
            p for w in words for p in ((w[:-1], "-d") if _BUNDLED_D.fullmatch(w) else (w,))
        )
        archive_words = _operands(words, frozenset({"-d", "-x", "-P"}))
        zips = archive_words[:1]
        if zips and not is_archive(zips[0]) and not is_glob(zips[0]) and not _a_variable(zips[0]):
            # (unzip tries the name, then the name and .zip; not a variable's value, a path
            # that says nothing of where it lies: `unzip $CHROME_ZIP -d /opt` is no
            # `$CHROME_ZIP.zip` in the working directory)
            zips.append(zips[0] + ".zip")
        yield Op(UNPACK, tool, _paths(zips, command), text)
        into = _option_value(words, "-d") or "."
        yield Op(WRITE, tool, _paths([into], command), text, TREE, HEAVY)
        yield from _top_entry(
            tool, archive_words[0] if archive_words else None, into, command, text, names
        )
    elif tool in ("dpkg", "dpkg-deb") and (_dpkg_extracts(words) or "-R" in words):
        # (`dpkg-deb -x x.deb /tmp/x`: the package's files, below the directory it names; the
        # archive itself is the install's UNPACK)
        operands = _operands(words)
        if len(operands) >= 2 and operands[-1] != "-":
            yield Op(WRITE, tool, _paths(operands[-1:], command), text, TREE, HEAVY)
    elif tool == "dpkg-deb" and {"-b", "--build"} & set(words):
        # (`dpkg-deb --build pkg`: pkg.deb beside it, or where the second operand says)
        operands = _operands(words)
        built = operands[1:2] or ([operands[0].rstrip("/") + ".deb"] if operands else [])
        yield Op(WRITE, tool, _paths(built, command), text, FILE, HEAVY, ARCHIVE)
    elif tool == "jar" and len(words) > 2 and "x" in words[1]:
        yield Op(UNPACK, tool, _paths(words[2:3] if "f" in words[1] else (), command), text)
        yield Op(WRITE, tool, _paths(["."], command), text, TREE, HEAVY)
    elif tool in _SEVEN_ZIP and subcommand(words) in ("x", "e"):
        rest = [w for w in words[2:] if not w.startswith("-")]
        yield Op(UNPACK, tool, _paths(rest[:1], command), text)
        into = next((w[2:] for w in words if w.startswith("-o")), ".")
        yield Op(WRITE, tool, _paths([into], command), text, TREE, HEAVY)
    elif tool in _UNRAR and subcommand(words) in ("x", "e"):
        # (`unrar x mystic.rar [files...] [/opt/dest/]`: the destination is the last operand,
        # ending in a slash; else where it runs)
        rest = [w for w in words[2:] if not w.startswith("-")]
        yield Op(UNPACK, tool, _paths(rest[:1], command), text)
        into = rest[-1] if len(rest) > 1 and rest[-1].endswith("/") else "."
        yield Op(WRITE, tool, _paths([into], command), text, TREE, HEAVY)
    elif tool == "unar":
        # (`unar -q -o /opt media.rar`: any archive, into -o's directory, else where it runs)
        yield Op(UNPACK, tool, _paths(_operands(words, _UNAR_VALUES)[:1], command), text)
        into = _option_value(words, "-o", "-output-directory") or "."
        yield Op(WRITE, tool, _paths([into], command), text, TREE, HEAVY)
    elif tool.lower().startswith("sapcar") and any(re.fullmatch(r"-x\w*", w) for w in words[1:]):
        # (SAP's archiver, by any of its download names: `SAPCAR -xvf SWPM.SAR [-R dir]`,
        # `./SAPCAR_1300-80000935.EXE -R /sap -xvf x.SAR`; its archive after -f or a cluster
        # ending in f, not `-manifest`'s f)
        at = next((i for i, w in enumerate(words) if re.fullmatch(r"-x?\w*f", w)), -1)
        archive = words[at + 1] if 0 <= at < len(words) - 1 else None
        yield Op(UNPACK, tool, _paths([archive] if archive else [], command), text)
        into = words[words.index("-R") + 1] if "-R" in words[:-1] else "."
        yield Op(WRITE, tool, _paths([into], command), text, TREE, HEAVY)
    elif tool in ("gzip", "xz", "bzip2", "lzma") and not any(
        _letter_flag(words, letter, long) for letter, long in _KEPT_OR_READ
    ):
        # `bzip2 -9 x.tar` writes x.tar.bz2 and removes x.tar (zstd keeps its input).
        packed = _paths(operands, command)
        suffix = {"gzip": ".gz", "xz": ".xz", "bzip2": ".bz2", "lzma": ".lzma"}[tool]
        yield Op(REMOVE, tool, packed, text)
        yield Op(WRITE, tool, tuple(p + suffix for p in packed), text, FILE, HEAVY)
    elif tool in ("gunzip", "unxz", "bunzip2", "unzstd") or (
        tool in ("gzip", "xz", "bzip2", "zstd") and _letter_flag(words, "d", "--decompress")
    ):
        packed = _paths(operands, command)
        yield Op(UNPACK, tool, packed, text)
        yield Op(WRITE, tool, tuple(p.rsplit(".", 1)[0] for p in packed), text, FILE, HEAVY)
        # (zstd keeps its input unless told `--rm`)
        zstd = tool in ("zstd", "unzstd")
        keeps = "--rm" not in words if zstd else _letter_flag(words, "k", "--keep")
        if not (keeps or _letter_flag(words, "c", "--stdout")):
            yield Op(REMOVE, tool, packed, text)  # it replaces the archive with what it held
    elif tool == "install-from-bindep" and not operands[1:]:
        # (ansible-builder's: what `assemble` built into /output/wheels, pip installs)
        yield Op(UNPACK, tool, ("/output/wheels/*.whl",), text)
    elif tool in ("R", "Rscript") and (sources := _r_source_packages(tool, words)):
        # (`R CMD INSTALL x.tar.gz`, `install.packages("/src/x.tar.gz", repos = NULL)`)
        yield Op(UNPACK, tool, _paths(sources, command), text)
    elif tool in _PLUGIN_INSTALLERS and subcommand(words) == "install":
        named = tool in _PLUGIN_INSTALLERS_BY_NAME
        # `opensearch-plugin install file:///x.zip` (or `file:/x.zip`): it unpacks the zip
        # into its plugins; a name alone is fetched
        local = [
            _file_uri_path(w)
            for w in _operands(words)[1:]
            if w.startswith("file:") or ("://" not in w and (named or is_archive(w)))
        ]
        if local:
            yield Op(UNPACK, tool, _paths(local, command), text)
        # (what it installs lands in plugins/NAME of its home, `analysis-icu` by its name, a
        # zip by its stem less the version, `logtrail-0.1.31.zip`; the home its path names,
        # `/usr/share/opensearch/bin/opensearch-plugin`, or its image's; never all of plugins/,
        # which may hold the image's own)
        if tool in _PLUGIN_HOMES and (plugins := _plugin_dirs(tool, words, env)):
            yield Op(WRITE, tool, plugins, text, TREE, HEAVY, family=ENGINE_PLUGIN)
    elif tool in _PLUGIN_HOMES and subcommand(words) == "remove":
        # (`opensearch-plugin remove opensearch-security`: the plugin's directory, which an
        # earlier install or the image put there)
        yield Op(REMOVE, tool, _plugin_dirs(tool, words, env), text)
    elif tool == "jupyter" and (lab := _lab_rebuilt(words, env)):
        # (JupyterLab's build empties its application directory's static/ and writes the
        # bundle anew: what an earlier layer's build or install left there stays in that layer)
        yield Op(REMOVE, tool, (lab + "/static",), text)
        yield Op(WRITE, tool, (lab + "/static",), text, TREE, HEAVY)
    elif (
        tool == "ghost"
        and subcommand(words) in ("install", "update")
        and (archive := _option_value(words, "", "--archive"))
    ):
        # (Ghost-CLI's `ghost install --archive /tmp/ghost-5.37.0.tgz`: it unpacks the release
        # into versions/, and the tarball stays where it lies)
        yield Op(UNPACK, tool, _paths([archive], command), text)
    elif _old_plugin_install(tool, words):
        # (Elasticsearch 1's `plugin --install NAME --url file:///x.zip`, Kibana 4's `kibana
        # plugin --install NAME -u file:///x.tar.gz`: the URL's file)
        url = _option_value(words, "-u", "--url") or ""
        if url.startswith("file:"):
            yield Op(UNPACK, tool, _paths([_file_uri_path(url)], command), text)
    elif tool == "git" and (cloned := _git_clone(words)) is not None:
        # (with the version it checks out, when told: `git clone -b v1.2.3 URL`)
        branch = _option_value(words, "-b", "--branch")
        version: tuple[str, ...] = (_git_version(branch or _DEFAULT_BRANCH),)
        if _shallow(words):
            version += (SHALLOW,)
        # (`--recurse-submodule`, `--recurse`: git takes a long option's unambiguous prefix)
        if any(w.startswith("--recurs") for w in words):
            version += (SUBMODULES,)  # (the submodules checked out at the commits it records)
        yield Op(
            WRITE, tool, _paths([cloned], command), text, TREE, HEAVY, "", "git", packages=version
        )
    elif tool == "svn" and (working_copy := _svn_checkout(words)) is not None:
        # (`svn co URL dir`: the working copy; `svn export URL dir`, the tree or file exported)
        kind = EITHER if "export" in words else TREE
        yield Op(WRITE, tool, _paths([working_copy], command), text, kind, HEAVY, "", "svn")
    elif tool == "svn" and (updated := _svn_rewrites(words)) is not None:
        # (`svn update -r 4521`, `svn switch ^/branches/stable` in a working copy an earlier
        # RUN checked out: each file that differs is written again, as git's checkout)
        copy = _paths([updated], command)
        yield Op(REMOVE, tool, copy, text, blind=True)
        yield Op(WRITE, tool, copy, text, TREE, HEAVY, "", "svn")
    elif tool == "git" and (rewrite := _git_rewrites(words)) is not None:
        # (`git checkout tags/n2.6.1` in a repository an earlier RUN cloned: each file that
        # differs is written again; the old version stays in the clone's layer. Only a
        # repository a layer wrote there whole counts: `blind`. The version it checks out
        # goes with it, which a checkout of the same one again changes nothing of.)
        worktree, checked_out = rewrite
        repository = _paths([worktree], command)
        yield Op(REMOVE, tool, repository, text, blind=True, packages=checked_out)
        yield Op(WRITE, tool, repository, text, TREE, HEAVY, "", "git", packages=checked_out)
    elif tool == "git" and (updated_in := _git_submodule_update(words)) is not None:
        # (`git submodule update --init --recursive` after `git checkout v4.2.2` in a clone an
        # earlier RUN made with its submodules: each submodule moves to the commit the new
        # version records, and its files that differ are written again. Whether any moved is
        # the model's to say, from the versions the clone's entries carry.)
        worktree, to_tips = updated_in
        repository = _paths([worktree], command)
        marks = (SUBMODULES, *((PULLED,) if to_tips else ()))
        yield Op(REMOVE, tool, repository, text, blind=True, packages=marks)
        yield Op(WRITE, tool, repository, text, TREE, HEAVY, "", "git", packages=marks)
    elif tool in ("useradd", "adduser") and (user := _new_user(tool, words)) is not None:
        homes = _paths([user.home], command)
        owner = (("user", user.name), *((("group", user.group),) if user.group else ()))
        owner += (("uid", user.uid),) if user.uid else ()  # (which a usermod -u may repeat)
        if user.skel:  # /etc/skel's dotfiles, the user's own (`sources`: the skeleton)
            yield Op(
                WRITE,
                tool,
                homes,
                text,
                TREE,
                UNKNOWN,
                "home",
                # (busybox's adduser: of an image whose skeleton is empty, Alpine's or busybox's)
                family="busybox" if user.claims else "",
                sets=owner,
                sources=(user.skeleton,),
            )
        elif (
            _user_tool(tool, words) == "useradd"
            and not user.bare
            and not {"-M", "--no-create-home", "-r", "--system"} & set(words)
        ):
            yield Op(WRITE, tool, homes, text, DIR, EMPTY, DEFAULT_HOME, sets=owner)
        else:
            yield Op(WRITE, tool, homes, text, DIR, EMPTY)
    elif tool == "usermod":
        name = (_operands(words, _USERMOD_VALUES) or [""])[-1]
        yield from _moved_home(words, name, command, text, user_homes)
        # A new uid re-owns the files in the user's home: an implicit `chown -R`.
        # (the uid the images give their users: `usermod -u 1000 ubuntu` changes nothing)
        uid = _option_value(words, "-u", "--uid")
        if uid and name and "$" not in name and not (uid == "1000" and name in _UID_1000):
            home = (
                _option_value(words, "-d", "--home")
                or (user_homes or {}).get(name)
                or _user_home(name)
            )
            yield Op(CHOWN, tool, _paths([home], command), text, owner=name, uid=uid)
    elif tool == "gem" and subcommand(words) == "build":
        # (`gem build kamal.gemspec` writes NAME-VERSION.gem where it runs, or -o's name: the
        # name the gemspec gives, which its file's name need not be, `glue.gemspec` building
        # owasp-glue-0.9.gem)
        gem = _option_value(words, "-o", "--output") or "*.gem"
        yield Op(WRITE, tool, _paths([gem], command), text, FILE, HEAVY)
    elif tool == "go" and subcommand(words) == "build" and _option_value(words, "-o"):
        # (`-o out/` or an existing directory, `-o /go/bin`: the programs land inside it)
        go_output = _option_value(words, "-o") or ""
        lands_inside = go_output.endswith("/") or posixpath.normpath(go_output) in _PROGRAM_DIRS
        go_entry = TREE if lands_inside else FILE
        yield Op(WRITE, tool, _paths([go_output], command), text, go_entry, HEAVY)
    elif (fetched_packages := _packages_saved(tool, words)) is not None:
        # (`apt-get download tool`, `dnf download --destdir /rpms tool`, `apk fetch -o /apks x`:
        # package files by names the repository decides, where it runs or where it is told)
        yield Op(WRITE, tool, _paths([fetched_packages], command), text, FILE, HEAVY)
    elif tool in _PIP and subcommand(words) in ("wheel", "download"):
        # `pip wheel -w wheelhouse .`, `pip download -d /pkgs x`: the files land there
        out = _option_value(words, "-w", "--wheel-dir") or _option_value(words, "-d", "--dest")
        yield Op(WRITE, tool, _paths([out or "."], command), text, TREE, HEAVY)
    elif tool in _PIP and subcommand(words) == "install" and (projects := _local_projects(words)):
        # (`pip install .` builds the project where it lies, since pip 21.3: setuptools' build/
        # and *.egg-info there, which `rm -rf build dist *.egg-info` after it takes again)
        outputs = ("build", "dist", "*.egg-info", "src/*.egg-info")
        made = [posixpath.join(p, n) for p in projects for n in outputs]
        yield Op(WRITE, tool, _paths(made, command), text, TREE, UNKNOWN, "", "pip-build")
    elif tool == "cargo" and subcommand(words) in ("new", "init") and command.cwd:
        # (`cargo new --bin app`, `cargo init`: a crate whose src/main.rs, or lib.rs, holds a
        # stub that a later COPY of the project's src/ writes again)
        operands = _operands(words, _CARGO_NEW_VALUES)[1:]
        crate = operands[0] if operands else "."
        source = "src/lib.rs" if "--lib" in words else "src/main.rs"
        stub = [posixpath.join(crate, n) for n in (source, "Cargo.toml")]
        yield Op(WRITE, tool, _paths(stub, command), text, FILE, UNKNOWN)
    elif _mix_local(tool, words):
        # (`mix local.hex --force`, `mix local.rebar`: Hex's archive and rebar in Mix's home)
        yield Op(WRITE, tool, _paths(["~/.mix"], command), text, TREE, UNKNOWN)
    elif tool == "ros2" and words[1:3] == ("pkg", "create") and command.cwd:
        # (`ros2 pkg create --build-type ament_cmake --node-name hello hello`: a package whose
        # manifest, build file and node hold templates that a later COPY writes again)
        yield Op(WRITE, tool, _paths(_ros2_package(words), command), text, FILE, UNKNOWN)
    elif tool in _NODE and subcommand(words) == "pack" and command.cwd:
        # (`npm pack` writes NAME-VERSION.tgz into the project, which a `tar -x` of `app-*.tgz`
        # after it reads)
        into = _option_value(words, "--pack-destination") or _node_project(tool, words) or "."
        yield Op(WRITE, tool, _paths([f"{into.rstrip('/')}/*.tgz"], command), text, FILE, UNKNOWN)
    elif (
        (
            _WRAPPED_BUILDERS.get(posixpath.basename(tool), tool) in _BUILDERS
            or _runs_scripts(tool, words)
            or _packs_a_project(tool, words)
            or _mix_builds(tool, words)
        )
        and command.cwd
        and not _fetched_build(tool, words)
        # (`gradle --version`, `go version`, `cmake -h`, `rake -T`: a question, no build)
        and not (len(words) > 1 and set(words[1:]) <= _QUESTIONS)
        and not (tool == "rake" and _RAKE_QUESTIONS & set(words))
        # (`go clean -cache -modcache`, `go env GOPATH`: nothing is built where they run)
        and not (tool == "go" and _go_builds_nothing_here(words))
    ):
        tool = _WRAPPED_BUILDERS.get(posixpath.basename(tool), tool)
        where = _build_dir(tool, words)
        if tool in _NODE:
            where = _node_project(tool, words)
        # (not run at /, where what it writes is a project's few files, not all of the root:
        # `make -f /tmp/Makefile install` from the default WORKDIR)
        build_dir = tuple(p for p in _paths([where or "."], command) if p != "/")
        if tool == "make" and set(_operands(words, _MAKE_VALUES)) & _MAKE_CLEANS:
            # (`make distclean` in a later RUN: what the earlier builds there made, whose
            # bytes stay in their layers; only a build a layer made there counts: `blind`)
            yield Op(REMOVE, tool, build_dir, text, blind=True)
        else:
            # (a build `make clean` undoes, make's or `cmake --build`'s; not `go mod download`
            # or `go install`, which write in GOPATH. What a configure step wrote, autoconf's
            # or cmake's, its Makefiles and cache, only `make distclean` undoes; nginx's own
            # configure is undone by its Makefile's clean, which removes Makefile and objs/.)
            here = posixpath.basename((command.cwd or "").rstrip("/"))
            nginx = here.startswith(("nginx", "openresty", "tengine")) or "auto/configure" in text
            configures = tool in ("./configure", "configure") or (
                tool == "cmake" and "--build" not in words
            )
            undone = (
                CONFIGURED if configures and not nginx
                else "build" if tool in _CLEANED_BUILDS
                else ""
            )  # fmt: skip
            if _mix_builds(tool, words):
                # (Mix's builds write the project's _build/, its deps/ and the digested assets
                # in priv/static, not its sources: `mix assets.deploy && mix compile && chmod
                # u+x /app/entry.sh` reaches the COPY's script)
                build_dir = tuple(posixpath.join(d, n) for d in build_dir for n in _MIX_BUILT)
            if tool == "composer":
                # (a project's Composer scripts are its framework's: Symfony's auto-scripts
                # clear var/cache and install public/bundles, Laravel's discover packages into
                # bootstrap/cache; none writes the commands in bin/ a COPY put there)
                build_dir = tuple(
                    posixpath.join(d, n) for d in build_dir for n in _COMPOSER_SCRIPT_DIRS
                )
            yield Op(WRITE, tool, build_dir, text, TREE, UNKNOWN, "", undone)
            if (
                _packs_a_project(tool, words)
                and where is None
                and not {"-o", "--outdir", "-d", "--dist-dir", "--out-dir"} & set(words)
                and not (
                    tool == "pyproject-build"
                    and any(not w.startswith("-") and w != "." for w in words[1:])
                )
            ):
                # (its wheels and sdists: what `cd dist && pip install *.whl` after it installs,
                # not what a copy of the project may hold there)
                dist = tuple(posixpath.join(d, "dist") for d in build_dir)
                yield Op(WRITE, tool, dist, text, TREE, UNKNOWN, "", undone)
            elif tool == "pyproject-build" and where is None:
                # (`python -m build /src/ext`: the project named, its dist/ or --outdir's)
                source = next((w for w in words[1:] if not w.startswith("-")), ".")
                outdir = _option_value(words, "-o", "--outdir")
                sdists = outdir or posixpath.join(source, "dist")
                yield Op(WRITE, tool, _paths([sdists], command), text, TREE, UNKNOWN)


def _kernels_dir(words: tuple[str, ...], interpreter: str, env: Mapping[str, str]) -> str | None:
    """Where `ipykernel install` puts the kernelspec: Jupyter's data directory's kernels with
    `--user` (~/.local/share/jupyter, or where JUPYTER_DATA_DIR or XDG_DATA_HOME moves it),
    below `--prefix`, below the interpreter's own prefix with `--sys-prefix`
    (`/opt/conda/envs/x/bin/python`), else /usr/local/share/jupyter/kernels; not known for an
    interpreter found on PATH with `--sys-prefix`, nor for a variable's directory not set here."""
    if "--user" in words:
        data = env.get("JUPYTER_DATA_DIR") or (
            env["XDG_DATA_HOME"].rstrip("/") + "/jupyter" if env.get("XDG_DATA_HOME") else None
        )
        if data is not None:
            return None if "$" in data else data.rstrip("/") + "/kernels"
        return "~/.local/share/jupyter/kernels"
    if prefix := _option_value(words, "", "--prefix"):
        return prefix.rstrip("/") + "/share/jupyter/kernels"
    if "--sys-prefix" in words:
        bin_dir = posixpath.dirname(interpreter)
        if not interpreter.startswith("/") or posixpath.basename(bin_dir) != "bin":
            return None
        return posixpath.dirname(bin_dir) + "/share/jupyter/kernels"
    return "/usr/local/share/jupyter/kernels"


def _go_builds_nothing_here(words: tuple[str, ...]) -> bool:
    """`go clean`, `go vet`, `go mod download` and the like write nothing where they run (not
    `go run`: a build script's, `go run build.go`, writes its binaries there)."""
    sub = subcommand(words)
    if sub == "mod":
        return subcommand(words[words.index("mod") :]) in _GO_MOD_NO_BUILD
    return sub in _GO_NO_BUILD


_GO_NO_BUILD = frozenset(
    {"clean", "env", "version", "list", "doc", "help", "vet", "telemetry", "bug"}
)
_GO_MOD_NO_BUILD = frozenset({"download", "verify", "why", "graph"})
_CLEANED_BUILDS = frozenset({"make", "cmake", "ninja", "./configure", "configure"})
# make's targets that remove what a build made
_MAKE_CLEANS = frozenset({"clean", "distclean", "mrproper", "realclean", "maintainer-clean"})
# and those that remove what a configure script wrote too
MAKE_DISTCLEANS = _MAKE_CLEANS - {"clean"}
CONFIGURED = "configured"  # (the family of what a configure script wrote)
MAKE_PROJECT = "project:"  # (a make install's packages: the directory it ran in, so marked)


# The options that tell a build tool where to build, matched as whole words: gradle's and go's
# other options are long words after one dash (`-Dorg.gradle.parallel=true`), not clusters.
_BUILD_DIR_OPTIONS: Mapping[str, tuple[str, ...]] = {
    **{"go": ("-C",), "gradle": ("-p", "--project-dir"), "mvn": ("-f", "--file")},
    **{"cmake": ("--build", "-B"), "cargo": ("--manifest-path",)},
}


_ARMOR = frozenset({"--dearmor", "--dearmour", "--enarmor", "--enarmour"})


# A compressor's options that decompress, keep the input, write to stdout or only read it.
_KEPT_OR_READ = (
    ("d", "--decompress"),
    ("k", "--keep"),
    ("c", "--stdout"),
    ("t", "--test"),
    ("l", "--list"),
)


def _letter_flag(words: tuple[str, ...], letter: str, long: str) -> bool:
    """Whether a compressor's option is given, alone or among other one-letter options
    (`gzip -vnd`: its short options take no value)."""
    return long in words or any(
        w.startswith("-") and not w.startswith("--") and letter in w[1:] for w in words
    )


def _script_of(tool: str, words: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The name of the program a command runs and its arguments: a script run by a shell or
    perl (`bash contrib/scripts/install_prereq install`, `perl bin/otrs.SetPermissions.pl`) is
    the script."""
    name = posixpath.basename(tool)
    if name in SHELLS or name.startswith("perl"):
        at = next((i for i, w in enumerate(words[1:], 1) if not w.startswith("-")), 0)
        # (not one only checked or given code to run: `perl -c x.pl`, `bash -c '...'`)
        if at and not {"-c", "-e", "-E", "-n"} & set(words[1:at]):
            return posixpath.basename(words[at]), words[at + 1 :]
    return name, words[1:]


def _backup_suffix(tool: str, words: tuple[str, ...]) -> str:
    """The suffix of the backup `sed -i.bak` (`-ri.orig`, `--in-place=.bak`) or `patch -b`
    (`--backup`, `-z .old`) keeps of each file it edits; '' for none (a suffix with a `*`
    names the backup otherwise: not read)."""
    if tool == "patch":
        backup = any(
            w in ("-b", "--backup")
            or (w[:1] == "-" and "b" in w and set(w[1:]) <= set(_PATCH_FLAGS))
            for w in words[1:]
        )
        return (_option_value(words, "-z", "--suffix") or ".orig") if backup else ""
    if tool == "perl":
        # (`perl -pi.orig -e ...`, `-i.bak -pe`: a suffix spelled as one, a dot's or a tilde's;
        # not `-pie`, whose `e` a hurried author meant as -e)
        for word in words[1:]:
            if word[:1] == "-" and "i" in word[1:] and not word.startswith("--"):
                before, _, suffix = word[1:].partition("i")
                if set(before) <= set("pnla0123456789") and suffix[:1] in (".", "~"):
                    return suffix if "*" not in suffix and "/" not in suffix else ""
        return ""
    if tool != "sed":
        return ""
    for word in words[1:]:
        if word.startswith("--in-place="):
            suffix = word.partition("=")[2]
        elif word[:1] == "-" and word[1:2] != "-" and "i" in word:
            suffix = word[word.index("i") + 1 :]
            if not set(word[1 : word.index("i")]) <= set("nrEsuz"):
                continue
        else:
            continue
        return suffix if suffix and "*" not in suffix and "/" not in suffix else ""
    return ""


def _edited_in_place(tool: str, words: tuple[str, ...]) -> list[str] | None:
    """The files an in-place editor rewrites (`sed -i 's/a/b/' f`, `sed -ri.bak -e x f g`,
    `perl -pi -e x f`, `dos2unix f`), or None when the command edits nothing in place."""
    if tool in ("dos2unix", "unix2dos"):
        new_file = any(w in ("-n", "--newfile") for w in words)
        return None if new_file else _operands(words)
    if tool == "crudini":
        # (`crudini --set /etc/php.ini PHP memory_limit 512M`: its ini file, written anew)
        edits = {"--set", "--del", "--merge"} & set(words)
        return _operands(words)[:1] if edits else None
    if tool == "patch":
        # (`patch -b /etc/sudoers fix.patch`: the file it names; with none named, the patch
        # names them, and it is not read; `-o` writes another file, `-d` patches elsewhere)
        if "--dry-run" in words or any(
            _option_value(words, *o) for o in (("-o", "--output"), ("-d", "--directory"))
        ):
            return None
        return _operands(words, _PATCH_VALUES)[:1] or None
    if tool == "sed":
        # (`-i` with letters of flags before it; after it, the letters are its backup suffix)
        in_place = any(
            w == "--in-place"
            or w.startswith("--in-place=")
            or (
                w[:1] == "-"
                and w[1:2] != "-"
                and "i" in w
                and set(w[1 : w.index("i")]) <= set("nrEsuz")
            )
            for w in words[1:]
        )
        if not in_place:
            return None
        scripts = {"-e", "--expression", "-f", "--file"}
        operands = _operands(words, frozenset({*scripts, "-l", "--line-length"}))
        named = any(w in scripts or w.startswith(("--expression=", "--file=")) for w in words)
        return operands if named else operands[1:]
    if tool == "perl":
        options = [w for w in words[1:] if w[:1] == "-" and w[1:2] != "-"]
        if not any("i" in w[1:].split("e")[0] for w in options):
            return None
        files: list[str] = []
        skip = named = False
        for word in words[1:]:
            if skip:
                skip = False
            elif word[:1] == "-" and word != "-":
                if word.endswith(("e", "E")):  # (`-e CODE`, `-pe CODE`: the code comes next)
                    skip = named = True
            else:
                files.append(word)
        return files if named else files[1:]
    return None


def _build_dir(tool: str, words: tuple[str, ...]) -> str | None:
    """The directory a build tool is told to build in, when not the one it runs in: `make -C
    dir`, `ninja -C dir`, `go -C dir`, `gradle -p dir`, `mvn -f dir/pom.xml`, `cmake --build
    dir` or `-B dir`, `cargo --manifest-path dir/Cargo.toml`."""
    if tool in ("make", "ninja"):
        return _option_value(words, "-C", "--directory")
    for i, word in enumerate(words[:-1]):
        if word in _BUILD_DIR_OPTIONS.get(tool, ()):
            value = words[i + 1]
            if tool in ("mvn", "cargo") and names_a_file(value):
                return posixpath.dirname(value) or "."  # (the project file's directory)
            return value
    return None


def _go_installed(
    tool: str, words: tuple[str, ...], operands: list[str], env: Mapping[str, str]
) -> list[str]:
    """Where `go install PKG@VERSION` (or `go install ./cmd/server`) puts each binary: GOBIN,
    or the first GOPATH's bin/, by the package path's last element (`nuclei/v2/cmd/nuclei@latest`
    is nuclei; a module's major version, `.../v2@latest`, is not). A cross build (GOOS or GOARCH
    other than linux/amd64's) or a pattern (`...`) is not read. So too `go get PKG` without -d,
    which built and installed a command before Go 1.18 (`go get -u golang.org/x/lint/golint`)."""
    cross = env.get("GOOS", "linux") != "linux" or env.get("GOARCH", "amd64") != "amd64"
    gets = operands[:1] == ["get"] and "-d" not in words
    if tool != "go" or not (operands[:1] == ["install"] or gets) or cross:
        return []
    into = env.get("GOBIN") or go_path(env) + "/bin"
    found = []
    for package in operands[1:]:
        path, at, _ = package.partition("@")
        parts = path.rstrip("/").split("/")
        # (a package of the module here, `./cmd/server`, by its directory's name; not `.`)
        local = path.startswith("./") and len(parts) > 1
        # (what `go get` names is a package's path, its host first: `golang.org/x/lint/golint`)
        named = gets and "." in parts[0] and len(parts) > 1
        if (
            not (at or local or named)
            or "..." in path
            or "$" in path
            or path.startswith(("/", "../"))
        ):
            continue
        if len(parts) > 2 and re.fullmatch(r"v(?:[2-9]|[1-9]\d+)", parts[-1]):
            parts.pop()
        found.append(f"{into.rstrip('/')}/{parts[-1]}")
    return found


def _fetched_build(tool: str, words: tuple[str, ...]) -> bool:
    """A build of what the command fetches, done elsewhere: `cargo install xargo` (not
    `--path .`), `go install golang.org/x/tools/gopls@latest`; the directory it runs in is
    left alone."""
    if tool == "cargo" and subcommand(words) == "install":
        return not any(w == "--path" or w.startswith("--path=") for w in words)
    operands = _operands(words)
    if tool == "go" and operands[:1] == ["get"] and "-d" in words:
        return True  # (`go get -d` downloads into GOPATH or the module cache, and builds nothing)
    return tool == "go" and operands[:1] in (["install"], ["get"]) and "@" in " ".join(operands)


# cargo new's and init's options that take a value
_CARGO_NEW_VALUES = frozenset({"--name", "--vcs", "--edition", "--registry"})


# Subcommands of these managers that manage packages; any other runs the project's scripts.
_MANAGING = {
    "yarn": frozenset(
        {"", "install", "add", "remove", "upgrade", "cache", "config", "global", "workspaces",
         "set", "plugin", "dlx", "info", "why", "list", "audit", "policies", "import", "init"}
    ),
    "pnpm": frozenset(
        {"install", "i", "add", "remove", "rm", "update", "up", "store", "config", "fetch",
         "prune", "import", "setup", "env", "audit", "list", "ls", "why", "deploy", "link"}
    ),
}  # fmt: skip
_SCRIPT_RUNS = {
    "npm": frozenset({"run", "run-script", "exec", "x", "start", "test", "restart", "rebuild"}),
    "bundle": frozenset({"exec"}),
    "poetry": frozenset({"run", "build"}),
    "uv": frozenset({"run"}),
    "composer": frozenset({"run-script", "run", "exec"}),
}


def _packages_saved(tool: str, words: tuple[str, ...]) -> str | None:
    """The package files a package manager saves instead of installing, as a pattern: `*.deb`
    where `apt-get download` runs (`apt-get source`: the upstream tarball), `--destdir`'s
    `*.rpm` of `dnf download` (`--downloaddir`'s of `--downloadonly`), `-o`'s `*.apk` of `apk
    fetch`."""
    sub = subcommand(words)
    if tool in _APT and sub in ("download", "source"):
        return "*.deb" if sub == "download" else "*.orig.tar.*"  # (source: its tarball)
    if tool in _YUM and sub == "download":
        return posixpath.join(_option_value(words, "", "--destdir") or ".", "*.rpm")
    if (
        tool in _YUM
        and "--downloadonly" in words
        and (into := _option_value(words, "", "--downloaddir"))
    ):
        return posixpath.join(into, "*.rpm")  # (`yum install --downloadonly --downloaddir=/opt x`)
    if tool == "apk" and sub == "fetch":
        return posixpath.join(_option_value(words, "-o", "--output") or ".", "*.apk")
    return None


def _local_projects(words: tuple[str, ...]) -> list[str]:
    """The project directories `pip install` names (`.`, `-e ./lib[dev]`, `/src/app`): not a
    package, an archive or a wheel."""
    operands = _operands(words, _PIP_VALUES)
    # (an editable project is a directory whatever its spelling: `-e src/pkg`, `--editable=.`)
    editable = {words[i + 1] for i, w in enumerate(words[:-1]) if w in ("-e", "--editable")}
    editable |= {w.partition("=")[2] for w in words if w.startswith("--editable=")}
    given = operands[operands.index("install") + 1 :] if "install" in operands else []
    found = []
    for word in dict.fromkeys([*given, *editable]):
        path = word.split("[", 1)[0].strip("'\"")
        local = path == "." or path.startswith(("./", "../", "/")) or word in editable
        if (
            local
            and path
            and "://" not in path
            and not (
                is_archive(path) or is_glob(path) or "$" in path or path.endswith((".whl", ".txt"))
            )
        ):
            found.append(path)
    return found


# setup.py's commands that build the project in its directory (build/, dist/, *.egg-info).
_SETUP_BUILDS = frozenset(
    {"build", "build_ext", "bdist_wheel", "sdist", "bdist_egg", "bdist", "egg_info", "develop"}
)


# install(1)'s long options that take the next word as their value, and its short ones
_INSTALL_VALUES = frozenset(
    {"--mode", "--owner", "--group", "--target-directory", "--suffix", "--strip-program"}
)
_INSTALL_LETTERS = "mogtS"


def _install_operands(words: tuple[str, ...]) -> tuple[list[str], bool, str | None]:
    """install(1)'s operands, read as getopt does (`-Dm 755`, `-dm0755`, `--mode 0644`: the
    mode is no source; nor is the `t` of an owner given attached, `-gstaff`), whether it makes
    directories (`-d` alone or among other letters), and the directory `-t` names."""
    operands: list[str] = []
    directory = False
    target: str | None = None
    takes = ""  # the option whose value the next word is
    ended = False
    for word in words[1:]:
        if takes:
            target = word if takes in ("t", "--target-directory") else target
            takes = ""
        elif ended or not word.startswith("-") or word == "-":
            operands.append(word)
        elif word == "--":
            ended = True
        elif word.startswith("--"):
            name, equals, value = word.partition("=")
            directory = directory or name == "--directory"
            target = value if name == "--target-directory" and equals else target
            takes = name if name in _INSTALL_VALUES and not equals else ""
        else:
            for at, letter in enumerate(word[1:], 1):
                if letter in _INSTALL_LETTERS:
                    value = word[at + 1 :]  # (its value: the rest of the word, or the next)
                    target = value if letter == "t" and value else target
                    takes = letter if not value else ""
                    break
                directory = directory or letter == "d"
    return operands, directory, target


def _packs_a_project(tool: str, words: tuple[str, ...]) -> bool:
    """A Python project built where it lies: `python setup.py sdist bdist_wheel`, `python -m
    build` (both fill dist/)."""
    if tool == "pyproject-build":  # (PyPA's build, run as `python -m build`)
        return True
    if tool in ("poetry", "uv", "hatch", "pdm", "flit") and subcommand(words) == "build":
        return True  # (their builds fill dist/ too)
    return (
        tool.lower().startswith(_PYTHONS)
        and posixpath.basename(words[1] if len(words) > 1 else "") == "setup.py"
        and bool(_SETUP_BUILDS & set(words[2:]))
    )


# Mix's tasks that build the project (Phoenix's assets.deploy alias among them), and where they
# write in it
_MIX_BUILDS = frozenset(
    {"compile", "deps.compile", "assets.deploy", "assets.build", "phx.digest", "release"}
    | {"esbuild", "tailwind", "escript.build", "sentry.package_source_code", "deps.get"}
)
_MIX_BUILT = ("_build", "deps", "priv/static")


def _mix_tasks(words: tuple[str, ...]) -> list[list[str]]:
    """The tasks a `mix` command runs, each as its operands (`mix do local.rebar --force,
    archive.install hex phx_new`: `local.rebar`, then `archive.install hex phx_new`), split on
    `,` or Elixir 1.14's `+`."""
    tasks = re.split(r"\s*[,+]\s*", " ".join(words[1:]))
    operands = ([w for w in t.split() if not w.startswith("-") and w != "do"] for t in tasks)
    return [o for o in operands if o]


def _mix_builds(tool: str, words: tuple[str, ...]) -> bool:
    """`mix compile`, `mix release`, `mix do deps.get, compile`: Mix fetches and builds the
    project, and runs only such tasks (no `mix phx.new`, `mix run`, whose writes are not
    known)."""
    tasks = _mix_tasks(words) if tool == "mix" else []
    return bool(tasks) and all(t[0] in _MIX_BUILDS for t in tasks)


def _mix_local(tool: str, words: tuple[str, ...]) -> bool:
    """`mix local.hex`, `mix local.rebar` (or both, `mix do local.hex --force, local.rebar
    --force`): they install into Mix's home alone."""
    tasks = _mix_tasks(words) if tool == "mix" else []
    return bool(tasks) and all(t[0] in ("local.hex", "local.rebar") for t in tasks)


# Where a PHP framework's Composer scripts write in its project: Symfony's var/ and the bundles'
# assets in public/bundles, Laravel's bootstrap/cache, storage/ and published assets in
# public/vendor
_COMPOSER_SCRIPT_DIRS = ("var", "public/bundles", "public/vendor", "bootstrap/cache", "storage")


def _runs_scripts(tool: str, words: tuple[str, ...]) -> bool:
    """A package manager that runs the project's own scripts (`npm run build`, `yarn build`,
    `bundle exec rake assets:precompile`): they write into the project like a build tool."""
    operands = _operands(words, _PROJECT_VALUES)
    sub = operands[0] if operands else ""
    if tool in _MANAGING:
        return sub not in _MANAGING[tool]
    return sub in _SCRIPT_RUNS.get(tool, ())


# A package file R's code installs by path: `install.packages("/src/x.tar.gz", repos=NULL)`.
_R_INSTALLS = re.compile(
    r"(?:install\.packages|install_local)\(\s*(?:pkgs\s*=\s*)?['\"]([^'\"]+\.(?:tar\.gz|tgz|zip))['\"]"
)


def _r_source_packages(tool: str, words: tuple[str, ...]) -> list[str]:
    """The package files an R command installs: `R CMD INSTALL` names them, R code (`Rscript
    -e`, `R -e`) hands them to install.packages."""
    if tool == "R" and words[1:3] == ("CMD", "INSTALL"):
        return [w for w in words[3:] if not w.startswith("-") and is_archive(w)]
    code = [words[i + 1] for i, w in enumerate(words[:-1]) if w in ("-e", "--expr")]
    return [m for c in code for m in _R_INSTALLS.findall(c)]


# Search engines' plugin installers, which unpack a plugin zip given by path or file: URL:
# Elastic's and OpenSearch's own, Logstash's (an offline pack), and Elasticsearch 1 and 2's
# `bin/plugin`, whose name is too common to take an operand for a path unless it is an archive.
_PLUGIN_INSTALLERS_BY_NAME = frozenset(
    {"elasticsearch-plugin", "opensearch-plugin", "kibana-plugin", "opensearch-dashboards-plugin"}
)
# (and Confluent's: `confluent-hub install --no-prompt /tmp/connector.zip` unpacks it into its
# components directory)
_PLUGIN_INSTALLERS = _PLUGIN_INSTALLERS_BY_NAME | {"logstash-plugin", "plugin", "confluent-hub"}
# What makes JupyterLab 1 to 3 rebuild its application: `jupyter lab build`, and a labextension
# change unless told not to (`--no-build`)
_LAB_BUILDS = frozenset({"install", "uninstall", "link", "unlink", "update"})


def _lab_rebuilt(words: tuple[str, ...], env: Mapping[str, str]) -> str:
    """The application directory `jupyter lab build` (or a labextension change that builds)
    rebuilds: `--app-dir`, JUPYTERLAB_DIR, or share/jupyter/lab of the environment whose
    jupyter runs (a conda's, a venv's, by the first bin directory on PATH that is not the
    system's; else CONDA_DIR's, or /usr/local's); '' for any other jupyter command."""
    sub, action = (*words[1:3], "", "")[:2]
    builds = (sub == "lab" and action == "build") or (
        sub == "labextension" and action in _LAB_BUILDS and "--no-build" not in words
    )
    if not builds:
        return ""
    told = _option_value(words, "", "--app-dir") or env.get("JUPYTERLAB_DIR", "")
    if told:
        return posixpath.normpath(told) if told.startswith("/") and "$" not in told else ""
    bin_dir = posixpath.dirname(words[0])
    prefix = posixpath.dirname(bin_dir) if bin_dir.endswith("/bin") else ""
    if not bin_dir:
        prefix = _home_on_path(env, lambda h: h + "/bin" not in BIN_DIRS)
    # (or the conda the image names, as Jupyter's docker-stacks do: CONDA_DIR)
    prefix = prefix or env.get("CONDA_DIR", "") or "/usr/local"
    return "" if "$" in prefix or not prefix.startswith("/") else prefix + "/share/jupyter/lab"


# The family of the plugins they install (a directory each, below plugins/ of their home)
ENGINE_PLUGIN = "engine-plugin"
# The homes of those by name in their own images
_PLUGIN_HOMES = {
    f"{name}-plugin": f"/usr/share/{name}"
    for name in ("elasticsearch", "opensearch", "kibana", "opensearch-dashboards")
}
_PLUGIN_VERSION = re.compile(r"[-_]v?\d[\w.+-]*$")


def _plugin_dirs(tool: str, words: tuple[str, ...], env: Mapping[str, str]) -> tuple[str, ...]:
    """The directories of plugins/ that `elasticsearch-plugin install ...` (or its kin) fills:
    in the home its own path names, or the first on PATH that is its engine's, or its image's."""
    bin_dir = posixpath.dirname(words[0])
    engine = tool.removesuffix("-plugin")
    home = posixpath.dirname(bin_dir) if bin_dir.endswith("/bin") else ""
    home = home or _home_on_path(env, lambda h: posixpath.basename(h).startswith(engine))
    home = home or _PLUGIN_HOMES[tool]
    names = []
    for word in _operands(words)[1:]:
        if "://" in word or word.startswith("file:") or "/" in word or is_archive(word):
            word = _PLUGIN_VERSION.sub("", archive_stem(word) or "")
        if word and "$" not in word and ":" not in word:
            names.append(posixpath.join(home, "plugins", word))
    return tuple(names) if home.startswith("/") else ()


def _old_plugin_install(tool: str, words: tuple[str, ...]) -> bool:
    """Elasticsearch 1's and Kibana 4's installers: `plugin --install NAME` (or `-i`), `kibana
    plugin --install NAME`."""
    told = "--install" in words or "-i" in words
    return told and (tool == "plugin" or (tool == "kibana" and words[1:2] == ("plugin",)))


def _file_uri_path(word: str) -> str:
    """The path a `file:` URL names (`file:///x.zip` and `file:/x.zip` both name /x.zip)."""
    if not word.startswith("file:"):
        return word
    path = word.removeprefix("file:")
    return "/" + path.lstrip("/") if path.startswith("/") else path


# Options of git (before its subcommand) and of git clone that take a value.
_GIT_VALUES = frozenset(
    {"-C", "-c", "--git-dir", "--work-tree", "--namespace", "-b", "--branch", "--depth", "-o",
     "--origin", "--config", "--reference", "--reference-if-able", "--separate-git-dir", "-j",
     "--jobs", "--template", "-u", "--upload-pack", "--shallow-since", "--shallow-exclude",
     "--filter", "--server-option", "--bundle-uri"}
)  # fmt: skip


def _git_clone(words: tuple[str, ...]) -> str | None:
    """Where `git clone [options] URL [DIR]` (`--depth 1`, `-b main` included) puts the
    repository: DIR, or the URL's last name."""
    operands = _operands(words, _GIT_VALUES)
    if len(operands) < 2 or operands[0] != "clone":
        return None
    if len(operands) > 2:
        where = operands[2]
    else:
        where = posixpath.basename(operands[1].rstrip("/")).removesuffix(".git")
    # (`git -C /opt clone URL`: git runs in /opt, where a relative destination lands)
    at = _option_value(words[: words.index("clone")], "-C") if "clone" in words else None
    return posixpath.join(at, where) if at else where


# svn's options that take a value (`-r 1234`, `--username ci`, `--depth infinity`)
_SVN_VALUES = frozenset(
    {"-r", "--revision", "--username", "--password", "--depth", "--set-depth", "--config-dir"}
    | {"--config-option", "--native-eol", "--password-from-stdin", "--trust-server-cert-failures"}
)


def _svn_checkout(words: tuple[str, ...]) -> str | None:
    """Where `svn checkout|co|export URL [DIR]` puts the tree: DIR, or the URL's last name."""
    operands = _operands(words, _SVN_VALUES)
    if len(operands) < 2 or operands[0] not in ("checkout", "co", "export"):
        return None
    if len(operands) > 2:
        return operands[2]
    return posixpath.basename(operands[1].rstrip("/")) or None


def _svn_rewrites(words: tuple[str, ...]) -> str | None:
    """The working copy `svn update` to another revision (`-r`) or `svn switch` writes other
    versions of files into (`switch URL [PATH]`, `update [PATH]`, `.` unless named); None for
    another command (a plain update right after the checkout brings nothing new)."""
    operands = _operands(words, _SVN_VALUES)
    sub = operands[0] if operands else ""
    told = any(w in ("-r", "--revision") or w.startswith(("-r", "--revision=")) for w in words)
    if sub in ("switch", "sw"):
        return (operands[2:3] or ["."])[0]
    return (operands[1:2] or ["."])[0] if sub in ("update", "up") and told else None


def _git_rewrites(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """The working tree a git command writes other versions of its files into (`git checkout
    v2.0`, `git reset --hard origin/main`, `git pull`, `git apply fix.patch`): `-C`'s, or
    `.`, with the version it checks out (none for a pull, a merge or a patch); None for one
    that changes no file (`git checkout -b new`, `git apply --check`)."""
    operands = _operands(words, _GIT_VALUES)
    sub = operands[0] if operands else ""
    rest = words[words.index(sub) + 1 :] if sub in words else ()
    given = [w for w in rest if not w.startswith("-")]
    new = sub in ("checkout", "switch") and any(w in _GIT_NEW_BRANCH for w in rest)
    if sub in ("checkout", "switch"):
        # (`-b new` with no start point, or `--` and paths alone: nothing else is checked out;
        # `git checkout .` restores the files of the version there from .git: no other one)
        restores = given[:1] in (["."], ["./"]) or "--" in rest[:1]
        changes = len(given) > (1 if new else 0) and not restores
    elif sub == "reset":
        changes = "--hard" in rest and bool(given)
    elif sub in ("apply", "am"):
        changes = bool(given) and not {"--check", "--stat", "--numstat", "--summary"} & set(rest)
    else:
        changes = sub in ("pull", "merge", "rebase", "cherry-pick")
    if not changes:
        return None
    # (`git -C /opt/x checkout v2`, or `git --work-tree=/opt/x --git-dir=/opt/x/.git checkout
    # v2`: that tree)
    before = words[: words.index(sub)] if sub in words else ()
    at = _option_value(before, "-C") or _option_value(before, "", "--work-tree")
    # (the version named: the start point after a new branch's name, `-b build v2`)
    named = given[-1:] if new else given[:1]
    version = tuple(_git_version(v) for v in named) if sub in _GIT_CHECKOUTS else ()
    pulled = operands[1:]  # (not the values of its options: `git pull --depth 1 origin main`)
    if sub == "pull" and (not pulled or (len(pulled) == 2 and pulled[0] == "origin")):
        # (`git pull`, `git pull origin main`: the branch there, or the one it names, of the
        # repository it was cloned from, as it is now; right after a clone by the same build,
        # the version that clone checked out. Not another remote's: `git pull upstream main`)
        version = (PULLED, *(_git_version(b) for b in pulled[1:]))
    if version in (("HEAD",), ("@",)):
        return None  # (`git reset --hard HEAD`, `git checkout HEAD -- x`: the version there)
    return at or ".", version


def _git_submodule_update(words: tuple[str, ...]) -> tuple[str, bool] | None:
    """The working tree whose submodules `git submodule update` checks out (`-C`'s, or `.`), and
    whether `--remote` takes each to its remote branch's tip rather than the commit the
    superproject records; None for another command."""
    operands = _operands(words, _GIT_VALUES)
    if operands[:2] != ["submodule", "update"]:
        return None
    before = words[: words.index("submodule")]
    at = _option_value(before, "-C") or _option_value(before, "", "--work-tree")
    return at or ".", "--remote" in words


_GIT_NEW_BRANCH = frozenset({"-b", "-B", "-c", "-C", "--orphan"})
_GIT_CHECKOUTS = frozenset({"checkout", "switch", "reset"})


def _git_version(ref: str) -> str:
    """A version as a checkout names it, whatever the prefix: `tags/v1` and `refs/tags/v1` are
    `v1`; master and main (and origin's) are the default branch a clone checks out."""
    version = ref.removeprefix("refs/").removeprefix("tags/").removeprefix("heads/")
    version = version.removeprefix("remotes/").removeprefix("origin/")
    return _DEFAULT_BRANCH if version in ("master", "main") else version


# What a clone not told a branch checks out: its default, master or main as a rule (a
# checkout of either right after changes no file).
_DEFAULT_BRANCH = "(the default branch)"
PULLED = "(pulled)"  # (a pull's mark, before the branch it names, if it names one)
SHALLOW = "(shallow)"  # (a clone's mark, after its version, when it fetched that alone)
# (a clone's mark, after its version, when it checked out its submodules too; a submodule
# update's, which the model gives the version it finds there)
SUBMODULES = "(submodules)"
# (a checkout's or pull's mark, when the submodules it holds are those of another version)
OTHER_SUBMODULES = "(submodules of another version)"


def _shallow(words: tuple[str, ...]) -> bool:
    """`git clone --depth 1` of one branch: the clone holds that branch's tip commit alone
    (`--depth` implies --single-branch); not a deeper one, nor `--shallow-since`, which keep
    more commits, nor `--shallow-submodules`, which makes the submodules shallow."""
    return "--no-single-branch" not in words and _option_value(words, "", "--depth") == "1"


# Options of useradd (shadow-utils) and adduser (Debian's and BusyBox's) that take a value.
_USER_VALUES = frozenset("bcdefgGhkKpPRsuZ")
_USER_LONG_VALUES = frozenset(
    {"--base-dir", "--comment", "--home-dir", "--home", "--expiredate", "--inactive", "--gid",
     "--groups", "--skel", "--key", "--password", "--shell", "--uid", "--root", "--prefix",
     "--selinux-user", "--gecos", "--ingroup", "--firstuid", "--lastuid", "--conf"}
)  # fmt: skip


class NewUser(NamedTuple):
    """A user `useradd` or `adduser` adds: its name, uid ('' when not given), home, and whether
    useradd fills the home from /etc/skel."""

    name: str
    uid: str
    home: str
    skel: bool
    group: str = ""  # its primary group's name, when the command shows it
    bare: bool = False  # its skeleton is none (`-k /dev/null`): no dotfiles, whatever else says
    skeleton: str = "/etc/skel"  # the directory the home is filled from (`-k /opt/skel`)
    # it writes /etc/group: not a useradd that makes no group of the user's name (`-N`, `-g
    # users`, `-g0`) and joins none (`-G wheel`, `-mG audio`)
    rewrites_groups: bool = True
    # the home is the user's even where it was there before: busybox's adduser chowns it
    claims: bool = False


def _new_home(words: tuple[str, ...]) -> NewUser | None:
    """The user a `usermod -d NEWHOME NAME` gives a new home, with that home."""
    home = _option_value(words, "-d", "--home")
    operands = _operands(words, _USERMOD_VALUES)
    if not home or "$" in home or len(operands) != 1 or "$" in operands[0]:
        return None
    return NewUser(operands[0], "", posixpath.normpath(home), False)


_USERMOD_VALUES = frozenset(
    {"-d", "--home", "-u", "--uid", "-g", "--gid", "-G", "--groups", "-s", "--shell", "-l"}
    | {"--login", "-c", "--comment", "-e", "--expiredate", "-f", "--inactive", "-p"}
    | {"--password", "-R", "--root", "-P", "--prefix"}
)


def _user_tool(tool: str, words: tuple[str, ...]) -> str:
    """useradd for an adduser given an option busybox's lacks: Red Hat's adduser is a link to
    useradd (`adduser -m -u 1001 app`, `adduser -d /data app`); else `tool`."""
    if tool != "adduser":
        return tool
    letters = {c for w in words[1:] if w[:1] == "-" and w[1:].isalpha() for c in w[1:]}
    return "useradd" if letters - set(_BUSYBOX_ADDUSER) else tool


_BUSYBOX_ADDUSER = "hgsGSDHuk"  # (busybox adduser's options: -h DIR, -g GECOS, -s, -G, -k ...)


def _new_user(tool: str, words: tuple[str, ...]) -> NewUser | None:
    """The user of `useradd -ms /bin/bash app`, `useradd app --create-home --uid 1000`,
    `adduser -D -h /x app`: the home given with -d/--home/-h, else NAME in useradd's -b
    directory or /home."""
    tool = _user_tool(tool, words)
    name: str | None = None
    home: str | None = None
    based = "/home"  # (useradd's -b: the directory the home is made in, `-b /u01`)
    uid = ""
    group = ""
    skel = False
    skeleton = "/etc/skel"
    alone = joins = False  # (useradd told to make no group of the user's name; to join some)
    homeless = False  # (busybox's adduser told to make no home: `adduser -SDH app`)
    rest = list(words[1:])
    while rest:
        word = rest.pop(0)
        if word.startswith("--"):
            option, eq, value = word.partition("=")
            skel = skel or option == "--create-home"
            alone = alone or option in ("--no-user-group", "--gid")
            joins = joins or option == "--groups"
            if option in _USER_LONG_VALUES:
                value = value if eq else (rest.pop(0) if rest else "")
                if option in ("--home-dir", "--home"):
                    home = value
                elif option == "--base-dir" and tool == "useradd":
                    based = value
                elif option == "--uid":
                    uid = value
                elif option in ("--gid", "--ingroup"):
                    group = value
                elif option == "--skel":
                    skeleton = value
        elif word.startswith("-") and len(word) > 1:
            for i, letter in enumerate(word[1:], 1):
                skel = skel or letter == "m"
                homeless = homeless or letter == "H"
                alone = alone or letter in "Ng"
                joins = joins or letter == "G"
                if letter in _USER_VALUES:
                    value = word[i + 1 :] or (rest.pop(0) if rest else "")
                    if letter == "d" or (letter == "h" and tool == "adduser"):
                        home = value
                    elif letter == "b" and tool == "useradd":
                        based = value
                    elif letter == "u":
                        uid = value
                    elif letter == "g" or (letter == "G" and tool == "adduser"):
                        group = value
                    elif letter == "k":  # (useradd's and busybox adduser's)
                        skeleton = value
                    break
        elif name is None:
            name = word
    if name is None:
        return None
    debian = tool == "adduser" and all(w.startswith("--") for w in words[1:] if w[:1] == "-")
    # (Debian's adduser makes the home from /etc/skel unless told not to or making a system
    # user; busybox's makes and fills it unless -H, a system user's (-S) too)
    made = not ({"--system", "--no-create-home"} & set(words) or (homeless and not debian))
    skel = skel if tool == "useradd" else made
    bare = skeleton in ("/dev/null", "")  # (`useradd -m -k /dev/null lfs`: no dotfiles)
    skel = skel and not bare
    # Without a group given, shadow's useradd and Debian's adduser make one of the user's name
    # (USERGROUPS_ENAB, USERGROUPS); busybox's adduser, or a system user, may not.
    if not group and "-N" not in words and "--no-user-group" not in words:
        group = name if tool == "useradd" or (debian and "--system" not in words) else ""
    if group.isdigit() or "$" in group:
        group = ""  # (a gid: not the name a chown gives)
    if home and posixpath.normpath(home) in STANDARD_DIRS:
        # (`useradd -m -d /opt app`: a home that is there already gets nothing from /etc/skel)
        skel = False
    rewrites = tool != "useradd" or not alone or joins
    claims = tool == "adduser" and not debian and made
    home = home or posixpath.join(based, name)
    return NewUser(name, uid, home, skel, group, bare, skeleton, rewrites, claims)


_UV_VALUES = frozenset(
    {"--prompt", "-p", "--python", "--cache-dir", "--index-url", "--extra-index-url", "-i",
     "--directory", "--project", "--config-file", "--index", "--default-index", "--link-mode"}
)  # fmt: skip


def _venv(tool: str, words: tuple[str, ...]) -> str | None:
    """Where `python -m venv DIR` (read as `venv DIR`), `virtualenv DIR` or `uv venv [DIR]`
    makes the environment."""
    if tool in ("venv", "virtualenv"):
        rest = _operands(words, frozenset({"--prompt", "-p", "--python"}))
        return rest[-1] if rest else None
    if tool == "uv" and subcommand(words) == "venv":
        rest = _operands(words, _UV_VALUES)[1:]
        return rest[-1] if rest else ".venv"
    return None


_CONDA_INSTALLERS = ("miniconda", "miniforge", "mambaforge", "anaconda")
# What unattended installers packed in a jar are told (Oracle's OUI and WebLogic's, rundeck's).
# (and AEM's quickstart jar, told to unpack itself; Forge's installer, told to lay out a server)
_UNATTENDED = frozenset(
    {"-silent", "--silent", "-mode=silent", "-responseFile", "--installonly", "-unpack"}
    | {"--installServer"}
)


def _script_word(tool: str, words: tuple[str, ...]) -> str:
    """The file a command runs: `x.sh` of `bash x.sh ...` (and `bash -x x.sh`), or the
    program itself."""
    if tool in SHELLS:
        return next(iter(_shell_operands(words)), "") if "-c" not in words else ""
    return words[0] if words else ""


def _shell_operands(words: Sequence[str]) -> list[str]:
    """A shell's words after its options: the script and its arguments (`bash -o pipefail
    x.sh`: -o's value is no script)."""
    return [
        w
        for at, w in enumerate(words[1:], 1)
        if not w.startswith(("-", "+")) and words[at - 1] not in ("-o", "+o", "-O", "+O")
    ]


def _self_extracting(tool: str, words: tuple[str, ...]) -> str | None:
    """The installer a command runs that unpacks what it carries: a jar run unattended,
    get-pip.py, or a self-extracting `.bin` or `.run` (a JDK, NVIDIA's runfiles) run as a
    program (a `.bin` only when the RUN removes it after: `_installers_used_up`)."""
    if tool == "java" and "-jar" in words[:-1] and _UNATTENDED & set(words):
        return words[words.index("-jar") + 1]
    if tool == "get-pip.py" and words:
        return words[0]  # (it carries the pip it installs, a zip written into the script)
    script = _script_word(tool, words)
    if script.endswith((".bin", ".run")) and (tool in SHELLS or "/" in script):
        return script
    if _CARRIERS.fullmatch(posixpath.basename(script)) and (tool in SHELLS or "/" in script):
        # (CMake's own `.sh` installers carry the release they unpack, s6-overlay's v2
        # installers the overlay)
        return script
    return None


_CMAKE_INSTALLER = re.compile(r"cmake-[\d.]+(?:-rc\d+)?-[Ll]inux-\w+\.sh")
_CARRIERS = re.compile(rf"{_CMAKE_INSTALLER.pattern}|s6-overlay-\w+-installer")


def conda_installer(name: str) -> bool:
    """`name` is that of a conda installer script (Miniconda3-latest-Linux-x86_64.sh)."""
    lower = name.lower()
    return lower.endswith(".sh") and any(n in lower for n in _CONDA_INSTALLERS)


# Where each installs without -p (constructor's default: ~/ and the installer's name)
_CONDA_PREFIXES = {
    "miniconda": "miniconda3",
    "miniforge": "miniforge3",
    "mambaforge": "mambaforge",
    "anaconda": "anaconda3",
}


def _ros2_package(words: tuple[str, ...]) -> list[str]:
    """The files `ros2 pkg create` writes: package.xml and, by its build type, CMakeLists.txt
    with the node's src/NODE.cpp, or setup.py, setup.cfg and the module's NODE.py."""
    names, skip, listing = [], False, False
    for word in words[3:]:
        if skip:
            skip = False
        elif word.startswith("-"):
            skip, listing = word in _ROS2_CREATE_VALUES, word == "--dependencies"
        elif not listing:
            names.append(word)
    if len(names) != 1:
        return []
    name = names[0]
    top = posixpath.join(_option_value(words, "", "--destination-directory") or ".", name)
    node = _option_value(words, "", "--node-name")
    python = _option_value(words, "", "--build-type") == "ament_python"
    if python:
        # (and an empty __init__.py, which nothing writes again at a cost)
        made = ["setup.py", "setup.cfg", *([f"{name}/{node}.py"] * bool(node))]
    else:
        made = ["CMakeLists.txt", *([f"src/{node}.cpp"] * bool(node))]
    return [posixpath.join(top, n) for n in ("package.xml", *made)]


# `ros2 pkg create`'s options that take a value (its --dependencies take every word up to
# the next option)
_ROS2_CREATE_VALUES = frozenset(
    {"--package-format", "--description", "--license", "--destination-directory"}
    | {"--build-type", "--maintainer-email", "--maintainer-name", "--node-name", "--library-name"}
)


def _conda_installer(
    tool: str, words: tuple[str, ...], command: Command, names: Mapping[str, str]
) -> str | None:
    """The prefix a conda installer script installs into (`bash Miniforge3.sh -b -p /opt/conda`,
    `./Miniconda3-latest-Linux-x86_64.sh -b -p $CONDA_DIR`; by default `~/` and its name:
    miniconda3, miniforge3, mambaforge, anaconda3). Run in batch mode (`-b`), as a build must:
    a project's own `install-miniconda.sh` takes no such option. A script saved under another
    name (`/tmp/install.sh`) is known by the name `names` says it had."""
    script = _script_word(tool, words)
    name = posixpath.basename(script)
    where = _path(script, command) or ""
    if names and is_glob(where):
        # (`wget .../Miniconda3-py310_23.5.2-0-Linux-x86_64.sh && bash Miniconda3-* -b`)
        where = next((p for p in names if fnmatch.fnmatchcase(p, where)), where)
        name = posixpath.basename(where)
    if names and not conda_installer(name):
        name = posixpath.basename(names.get(where, ""))
    if not conda_installer(name):
        return None
    found = next(n for n in _CONDA_INSTALLERS if n in name.lower())
    prefix = _CONDA_PREFIXES[found]
    if re.search(r"conda2", name, re.IGNORECASE):
        prefix = prefix.replace("3", "2")  # (Miniconda2's and Anaconda2's own: ~/miniconda2)
    batch = any(w.startswith("-") and not w.startswith("--") and "b" in w for w in words[1:])
    released = (name, posixpath.basename((names or {}).get(where, "")))
    if not batch and not any(_RELEASED_INSTALLER.match(n) for n in released):
        return None  # (not in batch mode)
    return _option_value(words, "-p") or "~/" + prefix


# A conda installer by the name its project releases it under: run without -b it reads its
# answers from what the build pipes in (`(echo; echo yes) | sh Miniconda3-py38_4.9.2-Linux-
# x86_64.sh`), as a build gets no terminal, and installs where it asks by default
_RELEASED_INSTALLER = re.compile(r"(?:Mini(?:conda|forge)|Mambaforge|Anaconda)\d*-.*Linux-")


def _contents(source: str, tool: str) -> str:
    """A cp, mv or rsync source as the files it names: `conf/.` (and rsync's `conf/`) is
    what is below conf/, as `conf/*`."""
    if source.endswith("/.") or (tool == "rsync" and source.endswith("/") and source != "/"):
        return source.rstrip(".").rstrip("/") + "/*"
    return source


def _top_entry(
    tool: str,
    archive: str | None,
    into: str,
    command: Command,
    text: str,
    names: Mapping[str, str] | None = None,
    also: str = "",
) -> Iterator[Op]:
    """What an archive holds at its top is named for it (apache-tomcat-9.0.74.tar.gz holds
    apache-tomcat-9.0.74/, terraform.zip holds terraform): an entry there, a tree or a file,
    that a later `mv apache-tomcat-9.0.74/* /opt/tomcat` or `chmod +x terraform` reaches.
    Saved under another name (`wget .../apache-tomcat-8.0.23.tar.gz -O /tmp/catalina.tar.gz`),
    it is named for the release it was fetched as, as likely as for the file; `also` is one
    more name it may hold (a GitHub archive's `REPO-TAG`)."""
    path = _path(archive or "", command)
    fetched_as = (names or {}).get(path, "") if path else ""
    for name in dict.fromkeys((archive or "", fetched_as, also)):
        stem = archive_stem(name)
        if stem and not is_glob(stem) and "$" not in stem:
            # (WordPress's releases, wordpress-6.4.2.tar.gz, hold wordpress/; a `-bin` release
            # its name without it, apache-maven-3.9.6/, but Hive's and ZooKeeper's)
            stem = _UNVERSIONED_TOP.sub(r"\1", stem)
            tops = [stem]
            if stem.endswith("-bin") and not _KEEPS_BIN.match(stem):
                tops.append(stem.removesuffix("-bin"))
            if _BARE_NAME.fullmatch(stem) and name == archive:
                # (a download saved under the bare project name holds the release's own top,
                # spelled and numbered its way: phpbb.zip of phpBB-3.3.8.zip holds phpBB3/, and
                # solr.tgz of $SOLR_URL solr-8.11.2/. Not the archive itself beside it; where
                # the address named a release, not that release's top, `tool-3.1` of
                # tool-3.1.tar.gz, its own entry; the first letter as it is, for a pattern
                # another removal's, `rm -rf /opt/geckodriver*`, meets not.)
                after = "[!.-]" if fetched_as and archive_stem(fetched_as) != stem else "[!.]"
                spelled = "".join(f"[{c}{c.upper()}]" for c in stem[1:])
                tops.append(f"{stem[0]}{spelled}{after}*")
            for top in tops:
                yield Op(
                    WRITE, tool, _paths([posixpath.join(into, top)], command), text, EITHER, HEAVY
                )


_UNVERSIONED_TOP = re.compile(r"^(wordpress)-\d.*")
_BARE_NAME = re.compile(r"[a-z]{4,}")
# (the top `_top_entry` spells out for a bare name: `p[hH][pP][bB][bB][!.-]*`)
_SPELLED_TOP = re.compile(r"/[a-z](?:\[[a-z][A-Z]\])+\[!\.-?\]\*$")


# GitHub's archive of a tag or branch holds REPO-REF/, less a leading `v` of a version
# (`.../opencv/archive/3.1.0.tar.gz` holds opencv-3.1.0/, `.../archive/v0.2.18.tar.gz` of
# OpenBLAS OpenBLAS-0.2.18/).
_GITHUB_ARCHIVE = re.compile(
    r"github\.com/[^/\s]+/([^/\s]+)/archive/(?:refs/(?:tags|heads)/)?(?:v(?=\d))?([^/\s]+?)"
    r"(\.tar\.gz|\.tgz|\.zip|\.tar\.bz2)(?=[\s\"']|$)"
)


# (keys of what a RUN hands the RUNs after it: where a configure set the prefix)
CONFIGURED = "configured:"
_GITHUB_SAVED = "github:"  # (a key of the names a RUN saved files under: the GitHub archive's top)


def _saved_github(archive: str | None, command: Command, names: Mapping[str, str] | None) -> str:
    """The archive name whose top a file saved from a GitHub archive address holds ('' for
    another file)."""
    path = _path(archive or "", command) if archive and archive != "-" else None
    return (names or {}).get(_GITHUB_SAVED + path, "") if path else ""


def _github_top(text: str) -> str:
    """The archive name (`opencv-3.1.0.tar.gz`) whose top directory a GitHub archive address in
    `text` holds; '' for none."""
    found = _GITHUB_ARCHIVE.search(text)
    return f"{found[1]}-{found[2]}{found[3]}" if found else ""


def archive_stem(path: str) -> str:
    """An archive's name less its suffix (`apache-tomcat-9.0.74` of
    `/tmp/apache-tomcat-9.0.74.tar.gz`): the top directory it holds. '' for no archive."""
    name = posixpath.basename(path)
    lower = name.lower()
    suffix = next((s for s in ARCHIVE_SUFFIXES if lower.endswith(s)), "")
    return name[: len(name) - len(suffix)] if suffix else ""


_A_HOME = re.compile(r"/home/[^/]+")


def _named_glob(path: str) -> bool:
    """A wildcard in the last name only, with some of that name spelled out (`dir/*.conf`)."""
    name = posixpath.basename(path)
    return is_glob(name) and name.strip("*") != "" and not is_glob(posixpath.dirname(path))


_LIBRARY = re.compile(r".\.so(\.\d+)+$")
# Names of programs and scripts a numeric chmod makes executable (`chmod 755 /entrypoint.sh`).
_PROGRAM = re.compile(r"\.(sh|bash|py|pl|rb|js|php|bin|run|jar|exe|AppImage|so(\.\d+)*)$")
# Dot-names that are directories; any other (`.env`, `.npmrc`) names a file.
_DOT_DIRS = frozenset(
    {".ssh", ".config", ".cache", ".local", ".npm", ".m2", ".gradle", ".git", ".vscode", ".docker"}
)


def _dotfile(path: str) -> bool:
    """`cp .env.example .env`: a dot-name with no extension, not a well-known directory."""
    name = posixpath.basename(path)
    return name.startswith(".") and name.count(".") == 1 and len(name) > 1 and name not in _DOT_DIRS


def _cookie_jar(tool: str, words: tuple[str, ...]) -> str | None:
    """The file `wget --save-cookies FILE` or `curl -c FILE` writes its cookies to."""
    if tool == "wget":
        return _option_value(words, "", "--save-cookies")
    jar = _option_value(words, "-c", "--cookie-jar")
    return None if jar == "-" else jar


def _download(tool: str, paths: tuple[str, ...], text: str) -> Op:
    archive = all(is_archive(p) for p in paths)
    return Op(WRITE, tool, paths, text, FILE, HEAVY, ARCHIVE if archive else "")


def _url_name(urls: list[str], query: bool = False) -> str | None:
    """The file name an address's last part gives; with its query (`?dl=0`) for wget, which
    keeps it in the name where curl's -O drops it, and saves an address of no file name
    (`https://cpanmin.us`, `https://host/dir/`) as index.html."""
    if query and urls and _NO_FILE_NAME.match(urls[0]):
        return "index.html" + urls[0].partition("?")[1] + urls[0].partition("?")[2]
    names = [posixpath.basename(u if query else u.split("?")[0].rstrip("/")) for u in urls]
    return names[0] if names and names[0] else None


# A command's output in a word, one name whatever its slashes and spaces (`.../Miniforge3-
# Linux-$(cat /root/linux_arch).sh`)
_SUBSTITUTION = re.compile(r"\$\([^()]*\)|`[^`]*`")


# An address whose path is empty or ends in `/` (before any query)
_NO_FILE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+(?:/(?:[^?#]*/)?)?(?:\?[^#]*)?$")


def _adds_execute(words: tuple[str, ...]) -> bool:
    """chmod's mode gives execute permission: `+x`, `a+x`, `u=rwx`, `755`, `0775`. Not one
    for the group or others alone (`g+x`, `o+rx`): the search bit of a directory, as often."""
    mode = _chmod_mode(words)
    if OCTAL_MODE.fullmatch(mode):
        return any(int(d) & 1 for d in mode[-3:])
    return any(
        "x" in clause[at:] and (not who or "u" in who or "a" in who)
        for clause in mode.split(",")
        if (at := next((i for i, c in enumerate(clause) if c in "+="), -1)) >= 0
        for who in (clause[:at],)
    )


def _file_mode(words: tuple[str, ...]) -> bool:
    """chmod's mode is an octal one without the owner's execute bit (`600`, `0644`, `400`), or
    one with the set-user-ID bit (`4755`), which means nothing on a directory."""
    mode = _chmod_mode(words)
    if re.fullmatch(r"u\+[rwx]*s[rwx]*", mode):
        return True  # (`chmod u+s`: the set-user-ID bit, symbolically)
    if not OCTAL_MODE.fullmatch(mode) or len(mode) < 3:
        return False
    return not int(mode[-3]) & 1 or (len(mode) >= 4 and bool(int(mode[-4]) & 4))


def _sets(tool: str, words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """What `chown app:app`, `chgrp staff` or `chmod 755` sets; none when the command does not
    say (`--reference`, a variable). `chown app:` gives the user's login group: a group whose
    name is not known ('')."""
    if any(w.startswith("--reference") for w in words):
        return ()
    if tool == "chmod":
        mode = _chmod_mode(words)
        return (("mode", mode),) if mode and "$" not in mode else ()
    spec = (_operands(words, frozenset({"--from"})) or [""])[0]
    if not spec or "$" in spec:
        return ()
    if tool == "chgrp":
        return (("group", spec),)
    user, colon, group = spec.partition(":")
    if not colon and "." in spec:  # (the old spelling, `chown odoo.odoo`)
        user, colon, group = spec.partition(".")
    out = (("user", user),) if user else ()
    return (*out, ("group", group if group or not user else "")) if colon else out


def _chmod_mode(words: tuple[str, ...]) -> str:
    modes = [w for w in words[1:] if not _is_chmod_option(w)]
    return modes[0] if modes else ""


# An octal mode, `755` or `0644`: what chmod and COPY --chmod take as a number.
OCTAL_MODE = re.compile(r"[0-7]{1,4}")


def _recursive(words: tuple[str, ...]) -> bool:
    return any(
        w == "--recursive" or (w.startswith("-") and not w.startswith("--") and "R" in w)
        for w in words[1:]
    )


def find_roots(words: tuple[str, ...]) -> list[str]:
    """Where find starts: the paths after its own options (`find -L "$p"`: $p, not `.`)."""
    roots = []
    rest = list(words[1:])
    while rest and (rest[0] in ("-H", "-L", "-P") or re.fullmatch(r"-O\d", rest[0])):
        rest.pop(0)
    if rest[:1] == ["-D"]:
        rest = rest[2:]  # (`-D debugopts`)
    for word in rest:
        if word.startswith("-") or word in ("(", "!"):
            break
        roots.append(word)
    return roots or ["."]


# find tests that select some entries below its roots; -type, -mindepth, -maxdepth, -xdev and
# -prune of a name still leave every file of a tree's kind in reach.
_FIND_NAMES = frozenset({"-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename"})
_FIND_SELECT = frozenset(
    {"-regex", "-iregex", "-newer", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin",
     "-size", "-user", "-group", "-nouser", "-nogroup", "-perm", "-empty", "-links", "-samefile",
     "-inum", "-lname", "-ilname", "-not", "!", "-o", "-or"}
)  # fmt: skip


def _regex_extensions(regex: str, tests: list[str]) -> list[str]:
    r"""The extensions a find's regular expression selects names by, and by nothing else: in
    an extended syntax (`-regextype egrep`, `.*\.(o|gem)$`), or in find's default, Emacs's,
    where a group is `\(o\|gem\)` and a bare `(` is itself."""
    at = tests.index("-regextype") if "-regextype" in tests else -1
    kind = tests[at + 1] if 0 <= at < len(tests) - 1 else "emacs"
    one = _ONE_EXTENSION.fullmatch(regex)
    if one:
        return [one[1]]
    if kind in _EXTENDED_REGEX and (group := _EXTENDED_GROUP.fullmatch(regex)):
        return group[1].split("|")
    if kind in ("emacs", "findutils-default") and (group := _EMACS_GROUP.fullmatch(regex)):
        return group[1].split("\\|")
    return []


_EXTENDED_REGEX = frozenset({"egrep", "posix-extended", "posix-egrep", "posix-awk", "awk"})
_ONE_EXTENSION = re.compile(r"\.\*\\\.(\w+)\$?")
_EXTENDED_GROUP = re.compile(r"\.\*\\\.\(([\w|]+)\)\$?")
_EMACS_GROUP = re.compile(r"\.\*\\\.\\\(((?:\w+\\\|)*\w+)\\\)\$?")


def _find_filter(words: tuple[str, ...], programs: tuple[str, ...]) -> tuple[str, ...] | None:
    """The name patterns a find selects what it runs `programs` on (or deletes, for `rm`) by
    (`-name '*.pyc'`), () when it selects otherwise (`-mtime +1`), None when it reaches
    everything below its roots (`-type f`, or all but a name: `-not -name lock`). Only the `-o`
    alternatives that act count: `-type f -print -o -name '*.pyc' -delete` deletes .pyc files."""
    found: list[str] = []
    for tests, _ in _acting(words, programs):
        selected = _selected_by(tests)
        if selected is None:
            return None
        if not selected:
            return ()
        found.extend(selected)
    return tuple(found) if found else None


_FIND_OWNERS = frozenset({"-user", "-group", "-uid", "-gid"})


def _names_joined(tests: list[str]) -> int:
    """How many of `tests` are name tests joined by `-o` (`-name a -or -name b`), 0 if none."""
    count = 0
    while count + 1 < len(tests) and tests[count] in _FIND_NAMES:
        count += 2
        if count + 2 < len(tests) and tests[count] in ("-o", "-or"):
            count += 1
        else:
            break
    return count if count and tests[count - 1] not in ("-o", "-or") else 0


def _selected_by(tests: list[str]) -> tuple[str, ...] | None:
    """What one alternative's tests select: names, () for other tests, None for everything."""
    kept: list[str] = []
    rest = list(tests)
    while rest:
        word = rest.pop(0)
        if word in ("-not", "!") and (count := _names_joined(rest)):
            # All but a name, or a few (`-not \( -name bd_build -or -name cleanup.sh \)`: the
            # group's parentheses are gone, and an `-or` here was inside them): as good as
            # everything for bytes
            del rest[:count]
        elif word in ("-not", "!") and len(rest) >= 2 and rest[0] in _FIND_OWNERS:
            # (`find /plone -not -user plone -exec chown plone {} +`: all but what the user
            # owns already, and the build writes as root; not `! -user root`)
            if rest[1] in ("root", "0"):
                return ()
            del rest[:2]
        elif word in _FIND_NAMES and (count := _names_joined([word, *rest])) > 2:
            # (any of a group of names: `\( -name run -o -name finish \)`, its parentheses gone)
            group, rest = [word, *rest[: count - 1]], rest[count - 1 :]
            kept.extend(w for w in group if w not in ("-o", "-or"))
        elif (
            word in ("-regex", "-iregex") and rest and (found := _regex_extensions(rest[0], tests))
        ):
            # (`-regextype egrep -regex '.*\.(o|a|gem|log)$'`: names by their extensions)
            del rest[:1]
            kept.extend(w for e in found for w in ("-name", f"*.{e}"))
        elif word in ("-regex", "-iregex") and rest and (ending := _regex_ending(rest[0])):
            # (`-regex '.*-$'`: the names that end so, `passwd-`)
            del rest[:1]
            kept.extend(("-name", f"*{ending}"))
        else:
            kept.append(word)
    names = [kept[i + 1] for i, w in enumerate(kept[:-1]) if w in _FIND_NAMES]
    if any(w in _FIND_SELECT for w in kept):
        return ()
    return tuple(names) if names else None


def _find_leaves(words: tuple[str, ...], programs: tuple[str, ...]) -> tuple[str, ...]:
    r"""The names a find that runs `programs` on all else leaves alone (`find build -type f !
    \( -name libquip.a -o -name Makefile.inc \) -delete`): of its one acting alternative, the
    names its `-not` or `!` tests give; none otherwise, nor where a recursive program may take
    a directory with such files inside."""
    acting = _acting(words, programs)
    if len(acting) != 1:
        return ()
    tests, _ = acting[0]
    removes_trees = any(
        # (rm's `-r`, `-R`, `-rf`: the letters cp's recursive flags are read by)
        posixpath.basename(words[at + 1]) == "rm" and _recursive_copy(words[at + 1 : end])
        for at, word in enumerate(words[:-1])
        if word in ("-exec", "-execdir")
        for end in (next((j for j in range(at, len(words)) if words[j] in (";", "+")), len(words)),)
    )
    if removes_trees and not _of_one_type(tests, "f"):
        return ()  # (`! -name app.conf -exec rm -rf {} +`: a directory it takes goes whole)
    left: list[str] = []
    for at, word in enumerate(tests):
        if word in ("-not", "!") and (count := _names_joined(tests[at + 1 :])):
            group = tests[at + 1 : at + 1 + count]
            left.extend(group[i + 1] for i, w in enumerate(group[:-1]) if w == "-name")
    return tuple(left)


def _regex_ending(pattern: str) -> str:
    r"""The literal end a find's regex asks a path to have (`.*-$`: `-`, `.*\.pyc$`: `.pyc`),
    or '' for any other regex."""
    if not (pattern.startswith(".*") and pattern.endswith("$")):
        return ""
    literal = pattern[2:-1].replace("\\.", ".")
    return literal if literal and not set(literal) & set("[](){}|*+?^\\$/") else ""


def _acting(words: tuple[str, ...], programs: tuple[str, ...]) -> list[tuple[list[str], bool]]:
    """The tests of each top-level `-o` alternative of a find that runs one of `programs` on
    what it selects (`-delete` counts as `rm`), and whether that program recurses (`-R`)."""
    out: list[tuple[list[str], bool]] = []
    tests: list[str] = []
    acts = recursive = False
    depth = 0
    i, count = 1, len(words)
    while i < count and not words[i].startswith("-") and words[i] not in ("(", "!"):
        i += 1  # the roots
    while i <= count:
        word = words[i] if i < count else "-o"
        i += 1
        if word in ("-exec", "-execdir", "-ok", "-okdir"):
            end = next((j for j in range(i, count) if words[j] in (";", "+")), count)
            command = words[i:end]
            if command and posixpath.basename(command[0]) in programs:
                # (`{}/settings.php`: a file inside each entry it selects, not the entry)
                inside = any("{}" in w and w != "{}" for w in command)
                acts, recursive = True, recursive or _recursive(command) or inside
            i = end + 1
        elif word == "-delete":
            acts = acts or "rm" in programs
        elif word in ("(", ")"):
            depth += 1 if word == "(" else -1
        elif word in ("-o", "-or") and depth <= 0:
            if acts:
                out.append((tests, recursive))
            tests, acts, recursive = [], False, False
        elif word not in ("-print", "-print0", "-prune", "-quit", "-a", "-and"):
            tests.append(word)
    return out


def _roots_only(words: tuple[str, ...]) -> bool:
    """The find selects its roots alone, not what lies below them (`-maxdepth 0`, or `-prune`
    with no other branch): a change there is of the directories' own entries."""
    depth = next((words[i + 1] for i, w in enumerate(words[:-1]) if w == "-maxdepth"), "")
    return depth == "0" or ("-prune" in words and not {"-o", "-or"} & set(words))


def _directories_only(words: tuple[str, ...]) -> bool:
    """What the find changes is directories alone: each alternative that runs chown or chmod
    selects `-type d`, whatever else narrows it (`-xdev`, `-perm +0002`), and does not recurse
    into them (`-type d -exec chmod 755 {} +`)."""
    acting = _acting(words, ("chown", "chmod", "chgrp"))
    return bool(acting) and all(
        _of_one_type(tests, "d") and not recursive for tests, recursive in acting
    )


def _links_only(words: tuple[str, ...]) -> bool:
    """What the find deletes is symbolic links alone: each alternative that deletes selects
    `-type l` (`-xtype l`), which hold no bytes."""
    acting = _acting(words, ("rm",))
    return bool(acting) and all(_of_one_type(tests, "l") for tests, _ in acting)


def _of_one_type(tests: list[str], kind: str) -> bool:
    """`tests` select entries of one `-type` (`-xtype`), not turned over, with no other type
    beside it: `( -type f -o -type l )`, its parentheses gone, takes files too."""
    return (
        any(
            w in ("-type", "-xtype") and tests[i + 1 : i + 2] == [kind]
            and not (i > 0 and tests[i - 1] in ("!", "-not"))
            for i, w in enumerate(tests)
        )
        and not any(w in ("-o", "-or") for w in tests)
        and sum(w in ("-type", "-xtype") for w in tests) == 1
    )  # fmt: skip


def _selects_little(words: tuple[str, ...]) -> bool:
    """Each alternative that runs chown or chmod selects only what is empty or writable by
    group or others (`find /etc -perm -o+w -exec chmod o-w {} +`): files a build rarely leaves,
    and no bytes in an empty one. (`-perm -4000` selects the base image's setuid programs.)"""
    acting = _acting(words, ("chown", "chmod", "chgrp"))
    return bool(acting) and all(_rare(tests) for tests, _ in acting)


# The setuid and setgid programs of distribution images (and of packages often installed): what
# a find that selects by those bits reaches.
SETUID_PROGRAMS = (
    *("su", "passwd", "mount", "umount", "chsh", "chfn", "newgrp", "gpasswd", "chage"),
    *("expiry", "unix_chkpwd", "pam_extrausers_chkpwd", "wall", "sudo", "ssh-agent", "ping"),
)


def _selects_setuid(words: tuple[str, ...]) -> bool:
    """Each alternative that runs chown or chmod selects by the setuid or setgid bit
    (`-perm /6000`, `-perm -4000`, `-perm /u+s`)."""
    acting = _acting(words, ("chown", "chmod", "chgrp"))
    return bool(acting) and all(
        any(
            w == "-perm" and i + 1 < len(tests) and _special_bits(tests[i + 1])
            and not (i > 0 and tests[i - 1] in ("!", "-not"))
            for i, w in enumerate(tests)
        )
        for tests, _ in acting
    )  # fmt: skip


def _octal(mode: str) -> int | None:
    """A -perm mode's bits when it is given in octal digits (`6000`), else None (`u+s`)."""
    return int(mode, 8) if mode and set(mode) <= set("01234567") else None


def _special_bits(mode: str) -> bool:
    """A -perm mode that asks for the setuid or setgid bit and nothing else: among others
    (`-4000`, `/6000`, `+6000`), not as the whole mode (`-perm 6000` selects files whose mode
    is exactly 6000, which no program has)."""
    if not mode.startswith(("-", "/", "+")):
        return False
    mode = mode.lstrip("-/+")
    if (bits := _octal(mode)) is not None:
        return bool(bits) and not bits & ~0o6000
    return all(part.endswith(("+s", "=s")) for part in mode.split(","))


def _rare(tests: list[str]) -> bool:
    for i, word in enumerate(tests):
        negated = i > 0 and tests[i - 1] in ("!", "-not")
        if negated:
            continue
        if word == "-empty":
            return True
        if word == "-perm" and i + 1 < len(tests) and _write_bits_only(tests[i + 1]):
            return True
        if word == "-perm" and i + 1 < len(tests) and _no_permission_bits(tests[i + 1]):
            return True
    return False


def _no_permission_bits(mode: str) -> bool:
    """An exact -perm mode with no read, write or execute bit (`-perm 6000`): the files whose
    mode is exactly that, which no build leaves."""
    bits = _octal(mode)
    return bits is not None and bits > 0 and not bits & 0o777


def _write_bits_only(mode: str) -> bool:
    """A -perm mode that asks for the group's or others' write bit and nothing more (`/022`,
    `-o+w`, and busybox's and old GNU find's `+0002`)."""
    mode = mode.lstrip("-/+")
    if (bits := _octal(mode)) is not None:
        return bool(bits) and not bits & ~0o022
    who, _, what = mode.partition("+")
    return bool(who) and set(who) <= set("go") and what == "w"


_EDITORS = ("sed", "perl", "dos2unix", "unix2dos")
# The mark a find that edits files by name leaves among a RUN's ops, until they are read
_NAME_EDITS = "name-edits"
# A find's tests that leave some files below its roots out
_FIND_NARROWING = frozenset(
    {"-not", "!", "\\!", "-path", "-ipath", "-wholename", "-maxdepth", "-mindepth", "-prune"}
    | {"-regex", "-iregex", "-name", "-iname", "-newer", "-mtime", "-mmin", "-size", "-perm"}
    | {"-user", "-group", "-links", "-empty", "-o", "-or"}
)


def _edits_by_name(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name patterns a find that runs an in-place editor on the files of those names below
    its roots selects by (`-name '*.sh'`); () for another find."""
    named = _find_filter(words, _EDITORS)
    if not named or set(words) & (_FIND_NARROWING - {"-name", "-iname", "-o", "-or"}):
        return ()
    at = next((i for i, w in enumerate(words) if w in ("-exec", "-execdir")), len(words))
    run = words[at + 1 :]
    name = posixpath.basename(run[0]) if run else ""
    return named if name in _EDITORS and _edited_in_place(name, run) is not None else ()


def _edited_by_name(ops: list[Op]) -> list[Op]:
    """`ops` less the name-edit marks of finds, and less what a chmod or chown after one names
    among the files it rewrote (`find . -name '*.sh' | xargs dos2unix && chmod +x *.sh`)."""
    marks: list[Op] = []
    out: list[Op] = []
    for op in ops:
        if op.kind == _NAME_EDITS:
            marks.append(op)
            # (and a find's chmod before it of files of those names below the same roots: `find
            # /opt/s -name '*.sh' -exec chmod +x {} \; && find /opt/s -name '*.sh' -exec sed -i`)
            out = [
                o
                for o in out
                if not (
                    o.kind == CHOWN
                    and o.tool == "find"
                    and o.only
                    and set(o.only) <= set(op.only or ())
                    and {p.rstrip("/") for p in o.paths} == {p.rstrip("/") for p in op.paths}
                )
            ]
            continue
        if op.kind == CHOWN and marks and not op.recursive:
            kept = tuple(
                p
                for p in op.paths
                if not any(
                    covers(root, p)
                    and any(fnmatch.fnmatchcase(posixpath.basename(p), n) for n in m.only or ())
                    for m in marks
                    for root in m.paths
                )
            )
            if not kept:
                continue
            op = op._replace(paths=kept)
        out.append(op)
    return out


def _find_edits(words: tuple[str, ...]) -> bool:
    """A find that runs an in-place editor on every file below its roots (no name test, no
    exclusion, depth limit or other test: `-not -path '*/node_modules/*'`, `-maxdepth 1`,
    `-exec grep -q x {} \\;` before it)."""
    if _find_filter(words, _EDITORS) is not None:
        return False
    for i, word in enumerate(words[:-1]):
        if word in _FIND_NARROWING or (
            word in ("-exec", "-execdir")
            and i + 1 < len(words)
            and posixpath.basename(words[i + 1]) not in _EDITORS
        ):
            return False
        if word in ("-exec", "-execdir"):
            end = next((j for j in range(i + 1, len(words)) if words[j] in (";", "+")), len(words))
            run = words[i + 1 : end]
            name = posixpath.basename(run[0]) if run else ""
            if name in _EDITORS and _edited_in_place(name, run) is not None:
                return True
    return False


def _edits_after(words: tuple[str, ...]) -> bool:
    """A find whose later `-exec` runs an in-place editor on each file an earlier `-exec`
    changed the owner or mode of."""
    changed = False
    for i, word in enumerate(words[:-1]):
        if word not in ("-exec", "-execdir"):
            continue
        end = next((j for j in range(i + 1, len(words)) if words[j] in (";", "+")), len(words))
        run = words[i + 1 : end]
        name = posixpath.basename(run[0]) if run else ""
        if name in ("chown", "chmod", "chgrp"):
            changed = True
        elif changed and name in _EDITORS and _edited_in_place(name, run) is not None:
            return True
    return False


def _found_without(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """What a find's chown or chgrp sets where the find selects only what lacks it (`find /app
    ! -group app -exec chgrp app {} +`): the files that have it are not touched. None else."""
    at = next((i for i, w in enumerate(words[:-1]) if w in ("-exec", "-execdir")), None)
    if at is None or posixpath.basename(words[at + 1]) not in ("chown", "chgrp"):
        return ()
    end = next((i for i, w in enumerate(words[at:], at) if w in (";", "+")), len(words))
    program = words[at + 1 : end]
    sets = dict(_sets(posixpath.basename(program[0]), program))
    if sets.get("group") == "" and "user" in sets:
        # (`chown www-data: {}`: the user's login group, which what the user wrote has)
        del sets["group"]
    for i, word in enumerate(words[: at - 2]):
        if word in ("!", "-not") and words[i + 1] in ("-group", "-user"):
            key = words[i + 1][1:]
            if sets.get(key) == words[i + 2] and len(sets) == 1:
                return ((key, words[i + 2]),)
    return ()


def _find_execs(words: tuple[str, ...], programs: tuple[str, ...]) -> bool:
    for i, word in enumerate(words[:-1]):
        if word in ("-exec", "-execdir") and posixpath.basename(words[i + 1]) in programs:
            return True
    return False


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


# A pip requirement's extras: `/code/[all]`, `./packages/markitdown[all]`, `x.whl[gpu]`.
_EXTRAS = re.compile(r"\[[\w.,-]+\]$")
# A path put out by echo, `$(echo /tmp/app*.whl)`: the path itself.
_ECHOED = re.compile(r"^\$\(echo\s+([^\s()$`]+)\)")


def _unanswered(words: tuple[str, ...], piped_from: Command | None) -> bool:
    """pacman's cache clean that removes nothing of what was installed: `-Sc` keeps the
    packages of installed versions, and `-Scc` asks, No by default, so it removes only when an
    answer is piped in (`yes | pacman -Scc`); `--noconfirm` takes each default, No, and reads
    no answer."""
    cleans = [w for w in words if re.fullmatch(r"-[A-Za-z]*S[A-Za-z]*", w) and "c" in w]
    if not cleans:
        return False  # (paccache's, `paccache -rk0`, asks nothing)
    answered = piped_from is not None and tool_and_args(piped_from)[0] in ("yes", "echo", "printf")
    return not (any(w.count("c") >= 2 for w in cleans) and answered and "--noconfirm" not in words)


def _package_ops(
    tool: str, words: tuple[str, ...], command: Command, env: Mapping[str, str], text: str
) -> Iterator[Op]:
    """What a package manager command installs, caches, cleans, removes and unpacks."""
    family, installs, caches = package_command(tool, words)
    shell = tool in SHELLS and len(words) > 1 and posixpath.basename(words[1]) == "install.sh"
    if family is None and (shell or (tool == "install.sh" and "/" in words[0])):
        # (`cd /opt/esp-idf && ./install.sh esp32`, `bash install.sh`: ESP-IDF's, by the
        # directory it runs in)
        spelled = words[1:] if shell else words
        script = resolve_path(spelled[0], command.cwd) or ""
        family, installs, caches = package_command("install.sh", (script, *spelled[1:]))
    if family is None:
        return
    manager = MANAGERS[family]
    operands = _operands(words)
    if family in ("pip", "uv"):  # (a project's directory or a wheel, with its extras)
        # (`$(echo /tmp/app*.whl)[extra]`: the wildcard echo prints, for the extras to follow)
        operands = [_EXTRAS.sub("", _ECHOED.sub(r"\1", w)) for w in operands]
        # (a wheel by its `file:` URL, `file:./pkg/x.whl` or `x @ file:///wheels/x.whl`: the file)
        operands = [_file_uri_path(w.rpartition(" @ ")[2].strip()) for w in operands]
        # (not the requirements files it reads, by a wildcard too: `ls /tmp/requirements*.txt |
        # xargs -I{} pip install -r {}`)
        read = {*_option_values(words, "-r", "--requirement")}
        read |= {*_option_values(words, "-c", "--constraint")}
        operands = [w for w in operands if w not in read]
    # Package files named by path: `dpkg -i x.deb`, `pip install /opt/wheels/pip-*`.
    local = [
        w
        for w in operands
        if "://" not in w
        and (
            is_archive(w)
            or (w.startswith(("/", "./", "../")) and is_glob(posixpath.basename(w)))
            # (a directory's files by a wildcard, relative too: `uv pip install wheels/*`)
            or (family in ("pip", "uv") and "/" in w and is_glob(posixpath.basename(w)))
            # (`apt-get install ./$package_name`: apt and yum read a path as a package file)
            or (family in ("apt", "yum") and installs and w.startswith(("./", "../", "/")))
        )
        # (not a rock whose dependencies alone luarocks installs: `--only-deps`)
        and not (family == "luarocks" and "--only-deps" in words)
    ]
    links: list[str] = []
    if family in ("pip", "uv"):
        # (also `ENV PIP_FIND_LINKS=/wheels`, as pip reads its options from the environment)
        given = env.get("UV_FIND_LINKS" if family == "uv" else "PIP_FIND_LINKS")
        links = list(_option_values(words, "-f", "--find-links")) or ([given] if given else [])
    if family == "apk":
        # (a local repository, `apk add --repository /packages x`: the packages there, built in
        # another stage, which apk unpacks; not one on the web)
        links = [w for w in _option_values(words, "-X", "--repository") if w.startswith("/")]
    for link in links if installs else ():
        if "://" not in link and "$" not in link:
            # (`pip install --no-index --find-links=/wheels -r requirements.txt`: the wheels
            # there, in each directory it names)
            local.append(posixpath.join(link, "*"))
    # (nor a spec file or source package that `yum-builddep` or `dnf builddep` reads for the
    # build dependencies it installs)
    builddep = tool == "yum-builddep" or (family == "yum" and subcommand(words) == "builddep")
    if family == "cargo" and not any(w.startswith("--extract-to") for w in words):
        # (`cargo nextest archive --archive-file t.tar.zst` writes the archive; a run of it
        # unpacks into a temporary directory, unless told where: `--extract-to /app/x`)
        local = []
    if family == "helm" or tool == "snakemake":
        # (`helm template x.tgz`, `helm lint`, `helm package`: it reads charts only; Snakemake's
        # operands are the files it makes, `snakemake results/x.tar.gz`)
        local = []
    if local and (installs or tool != "dpkg" or _dpkg_extracts(words)) and not builddep:
        # (not `dpkg -c x.deb` or `dpkg -I x.deb`, which only read it)
        yield Op(UNPACK, tool, _paths(local, command), text)
    variables = {**env, **dict(command.assignments)}
    prefix = _npm_prefix(words, variables) if family == "npm" else None
    if installs:
        named = _package_names(tool, words)
        project = _project_dir(family, words)
        # (`npm ci` in a project writes its node_modules, not the global trees `-g` fills)
        trees = tuple(home_path(t) for t in manager.trees)
        if project is not None and family in ("npm", "yarn", "pnpm"):
            trees = _paths([project], command)
        elif prefix is not None:
            trees = (f"{prefix}/lib/node_modules", f"{prefix}/bin")  # (and the links to them)
        registry = [m[1] for n in named if (m := _REGISTRY_NAME.fullmatch(n))]
        if family == "npm" and project is None and named and len(registry) == len(named):
            # (a global install of packages from the registry writes each its own directory:
            # `npm i -g tar@7` is node_modules/tar, not npm's bundled node_modules/npm/...;
            # under node's own prefix, /usr/local, or /usr where node was built or packaged
            # there, Alpine's)
            libs = (trees[0],) if prefix is not None else (trees[0], "/usr/lib/node_modules")
            trees = (*(posixpath.join(lib, n) for lib in libs for n in registry), *trees[1:])
        if family == "composer" and subcommand(words) == "global":
            trees = _paths([project or ""], command)  # (its bin links too: vendor/bin)
            named = _package_names(tool, words[words.index("global") :])  # (after require)
        if family == "conda" and (prefix := _conda_prefix(tool, words, command, env)):
            trees = (prefix,)
        if family == "cargo" and (root := _option_value(words, "", "--root")):
            trees = _paths([posixpath.join(root, "bin")], command)  # (`--root /usr/local`)
        if (venv := _uv_project_environment(words, variables)) is not None:
            trees = _paths([venv], command)
        if family == "make":
            trees = _made_into(words, variables, command, trees)
            # (and the project it installs, by its directory's name: `node-v20.11.0`)
            if command.cwd:
                named = (*named, MAKE_PROJECT + posixpath.basename(command.cwd.rstrip("/")))
        if family == "pip" and "--user" in words:
            trees = (home_path("~/.local"),)  # (the user's site-packages and its bin/)
        elif family == "pip" and (conda := _conda_python(words, variables)):
            # (the Jupyter images' pip is conda's: its site-packages, its bin/)
            trees = (f"{conda}/lib", f"{conda}/bin")
        if family == "cpm" and not {"-g", "--global"} & set(words):
            # (cpm installs into the project's local/ unless told -g: `-L extlib` elsewhere)
            contained = _option_value(words, "-L", "--local-lib-contained") or "local"
            trees = _paths([contained], command)
        if tool == "dpkg":  # (no apt, no dpkg-preconfigure: debconf's databases are not saved)
            trees = tuple(t for t in trees if t != DEBCONF)
        if family == "gem" and (gem_home := _gem_home(tool, words, variables)):
            # (where GEM_HOME, `--install-dir` or bundler's path puts them: not Debian's
            # /var/lib/gems)
            trees = (*_paths([gem_home], command), "/usr/local/bin")
        if project and family == "npm" and subcommand(words) in _NPM_CLEAN_INSTALLS:
            # npm ci deletes node_modules before it installs: what an earlier layer installed
            # there (only a whole one: a copied project's rarely holds node_modules)
            yield Op(REMOVE, tool, _paths([project], command), text, blind=True)
        lean = family == "npm" and _without_dev(words, variables)
        yield Op(
            WRITE, tool, trees, text, TREE, UNKNOWN, INSTALL, family, packages=named, lean=lean
        )
        if project:
            yield Op(WRITE, tool, _paths([project], command), text, TREE, UNKNOWN)
        if project and _saves_packages(family, words):
            # `npm install express`, `yarn add x`, `pnpm add x`: package.json is written, and the
            # lock file, in the project it works in (`npm install --prefix /opt/tools x`)
            root = _node_project(family, words)
            saved = ["package.json", *([_NODE_LOCKS[family]] if family in _NODE_LOCKS else [])]
            if _no_lock_file(words, {**env, **dict(command.assignments)}):
                saved = saved[:1]
            yield Op(
                WRITE, tool, _paths([posixpath.join(root, n) for n in saved], command), text,
                FILE, UNKNOWN,
            )  # fmt: skip
        if project and family == "composer" and "COMPOSER" not in variables:
            # (composer writes its lock file where none was, and `update`/`require` always)
            lock = posixpath.join(posixpath.dirname(project), "composer.lock")
            yield Op(WRITE, tool, _paths([lock], command), text, FILE, UNKNOWN)
        if family == "composer" and subcommand(words) == "create-project":
            # (`composer create-project akeneo/pim-community-standard /var/www/html`: the whole
            # project, or a directory named for the package)
            project_args = _operands(words)[1:3]
            made = (
                project_args[1] if len(project_args) > 1
                else posixpath.basename(project_args[0]) if project_args else ""
            )  # fmt: skip
            if made and "$" not in made:
                yield Op(WRITE, tool, _paths([made], command), text, TREE, HEAVY)
                if "--no-install" not in words:
                    # (with its dependencies installed: a later `composer install` there
                    # finds them all and fetches nothing)
                    installed = posixpath.join(made, "vendor")
                    yield Op(WRITE, tool, _paths([installed], command), text, TREE, HEAVY)
        if tool == "bundle" and subcommand(words) == "install":
            # It may write the lock of what it resolved (redmine's, then `chmod -R ugo=rwX
            # Gemfile.lock` in the same RUN), or leave one there (or above, by the Gemfile it
            # found) alone: made here, but no bytes a later layer is sure to hide.
            yield Op(WRITE, tool, _paths(["Gemfile.lock"], command), text, EITHER, EMPTY)
    if family == "composer" and _edits_composer_json(words, variables):
        # (`require` and `remove` write the project's composer.json, which `require` makes
        # where none was; with `--no-update` that alone)
        project = _project_dir(family, words) or "vendor"
        json = posixpath.join(posixpath.dirname(project), "composer.json")
        yield Op(WRITE, tool, _paths([json], command), text, FILE, UNKNOWN)
    option = _CACHE_OPTIONS.get(family)
    if tool == "bundle" and _option_value(words, "", "--path"):
        option = ("--path", "BUNDLE_PATH")  # (`bundle install --path=gems`: bundler's own)
    given = _option_value(words, _CACHE_SHORT.get(family, ""), option[0]) if option else None
    if option and given:
        # (`pip install --cache-dir /tmp/pc ... && rm -rf /tmp/pc`: the cache is where it says.)
        variables[option[1]] = _path(given, command) or given
    if family == "yum" and (cachedir := _dnf_cachedir(words)):
        # (`microdnf install --setopt=cachedir=/root/.cache/microdnf` under a cache mount)
        variables[_DNF_CACHEDIR] = _path(cachedir, command) or cachedir
    elif family == "yum" and (root := _option_value(words, "", "--installroot")):
        # (`dnf install --installroot /mnt/rootfs ...`: its cache lies in the root it fills, which
        # a clean without `--installroot` leaves)
        inside = YUM_CACHE if tool == "yum" else DNF_CACHE
        variables[_DNF_CACHEDIR] = (_path(root, command) or root).rstrip("/") + inside
    if family == "maven":
        told = (*words, *variables.get("MAVEN_OPTS", "").split())
        said = [w.partition("=")[2] for w in told if w.startswith("-D" + _MAVEN_REPO + "=")]
        if said:
            variables[_MAVEN_REPO] = _path(said[-1], command) or said[-1]
        elif (_option_value(words, "-s", "--settings") or "").endswith(_MAVEN_DOCKER_SETTINGS):
            # (the maven image's own settings for builds of images: its ref/repository, which
            # the image's entrypoint copies into ~/.m2 when a container starts)
            variables[_MAVEN_REPO] = "/usr/share/maven/ref/repository"
        elif any(w in ("-s", "--settings") or w.startswith("--settings=") for w in words):
            variables[_MAVEN_REPO] = "settings"  # (its own settings may move it: not known)
    if tool == "bundle" and _deployed(words, variables) and "BUNDLE_PATH" not in variables:
        variables["BUNDLE_PATH"] = "vendor/bundle"  # (deployment mode's, in the project)
    if family == "gem" and (bundle_path := variables.pop("BUNDLE_PATH", "")) and tool == "bundle":
        # (bundler's own, `ENV BUNDLE_PATH=vendor/bundle`: below the project it installs,
        # where it runs; `gem install` keeps its .gem files in GEM_HOME)
        variables["BUNDLE_PATH"] = _path(bundle_path, command) or bundle_path
    where = cache_paths(family, variables, tool)
    if tool == "gem" and "--user-install" in words:
        # (the user's own gem directory, whatever GEM_HOME says: ~/.gem, or since RubyGems 3.2
        # ~/.local/share/gem where ~/.gem is not there)
        where = (home_path("~/.gem"), home_path("~/.local/share/gem"))
    root = _conda_tree(tool, words, variables) if tool in ("conda", "mamba") else None
    if root and "CONDA_PKGS_DIRS" not in variables:
        # `/opt/miniconda/bin/conda`: the cache of that conda (not another's at /opt/conda)
        where = (root + "/pkgs", *(w for w in where if w != "/opt/conda/pkgs"))
    # (`export COMPOSER_HOME="$(mktemp -d)"` ... `rm -rf "$COMPOSER_HOME"`: a cache put where
    # the Dockerfile does not say is not shown to stay)
    elsewhere = any(
        (value := variables.get(name)) and not value.startswith("/")
        for name, _ in _CACHE_VARS.get(family, ())
    )
    if family == "portage" and (tool == "emerge-webrsync" or "--sync" in words):
        where = where[1:]  # (the tree alone: nothing lands in distfiles)
    if family == "roswell" and not _LISP_IMPLEMENTATION.fullmatch((_operands(words) or [""])[-1]):
        where = where[1:]  # (a system, `ros install qlot`: Quicklisp's archives)
    if family == "sbt" and _OLD_SBT.match(variables.get("SBT_VERSION", "")):
        where = where[1:]
    if family == "sbt" and (
        sbt_homes := [w.split("=", 1)[1] for w in words if w.startswith(_SBT_HOMES)]
    ):
        # (`sbt -Dsbt.coursier.home=/tmp/cs -Dsbt.ivy.home=/tmp/ivy assembly`: there)
        where = tuple(posixpath.normpath(t) for t in sbt_homes if t.startswith("/")) or where
    if family == "ruby-install":
        # (`--src-dir /tmp/src`; else the source of the one Ruby it builds, `ruby-3.2.2`, and
        # its tarball beside it in /usr/local/src)
        src_dir = _option_value(words, "-s", "--src-dir")
        ruby = _operands(words, frozenset({"-s", "--src-dir", "-i", "--install-dir", "-r"}))
        if src_dir:
            where = (posixpath.normpath(src_dir),)
        elif len(ruby) >= 2 and not ruby[1].startswith("-"):
            where = (f"{where[0]}/{ruby[0]}-{ruby[1]}*",)
    if family == "bazel" and (repos := _option_value(words, "", "--repository_cache")) is not None:
        # (`--repository_cache=/tmp/rc` keeps the archives there; an empty one keeps none)
        where = (_path(repos, command) or repos,) if repos else ()
        caches = caches and bool(where)
    if family == "tlmgr":
        root = _texlive_root(words, variables)
        where = (f"{root}/tlpkg/texlive.tlpdb.main.*",) if root else ()
        caches = caches and bool(where)
    if family == "spack":
        # (the spack called by its path, `/usr/local/src/spack/bin/spack`, or SPACK_ROOT's, as
        # the image or its setup-env.sh sets it; elsewhere, a root not known)
        head, leaf = posixpath.split(posixpath.dirname(words[0]))
        root = head if leaf == "bin" and head.startswith("/") else variables.get("SPACK_ROOT", "")
        # (or the clone whose bin/ the image put on PATH: `ENV PATH=$PATH:/spack/bin`)
        root = root or _home_on_path(variables, lambda h: posixpath.basename(h) == "spack")
        where = (posixpath.join(root, "var/spack/cache"),) if root.startswith("/") else ()
        caches = caches and bool(where)
    if family == "poetry" and where:
        # (its metadata in cache/, the packages it downloaded in artifacts/; virtualenvs/ beside
        # them is the environment, no cache: `rm -r ~/.cache/pypoetry/cache
        # ~/.cache/pypoetry/artifacts` empties it)
        if installs and _poetry_venvs_there(variables):
            venvs = posixpath.join(where[0], "virtualenvs")
            yield Op(WRITE, tool, (venvs,), text, TREE, UNKNOWN)
        where = tuple(posixpath.join(where[0], n) for n in ("artifacts", "cache"))
    if caches and not elsewhere and not _cache_off(family, words, variables):
        vendor = _project_dir(family, words) if _composer_command(words) == "install" else None
        redone = _path(vendor, command) if family == "composer" and vendor else None
        # (what only reads the metadata fetches it where no earlier command left it)
        reads = family == "yum" and not installs and subcommand(words) == "module"
        if not (family == "go" and _fetches_no_module(words, variables)):
            # (yum's cache is dnf's where the base's yum is dnf: both places here, of which the
            # model keeps the base's)
            cached = where[:1]
            if tool in ("yum", "dnf") and where[0] in (YUM_CACHE, DNF_CACHE):
                # (yum's is dnf's where the base's yum is dnf, and dnf5's on Fedora 41 on)
                cached = tuple(
                    p for p in where if p in _YUM_CACHES and (tool, p) != ("dnf", YUM_CACHE)
                )
            if family == "composer" and where[:2] == _COMPOSER_CACHES:
                cached = where[:2]  # (of which the RUN's removal shows one, else the first)
            yield Op(
                WRITE, tool, cached, text, TREE, HEAVY, CACHE, family, redone=redone,
                unless=where[0] if reads else None, project=_bare_project(family, words, command),
            )  # fmt: skip
        if family == "pacman" and any(_PACMAN_REFRESH.fullmatch(w) for w in words):
            # `-Sy` downloads the sync databases (about 8 MB), which `-Scc` leaves
            yield Op(WRITE, tool, where[1:], text, TREE, HEAVY, CACHE, family)
        if family == "xbps" and _flagged(words, "S", "--sync"):
            yield Op(WRITE, tool, where[1:], text, TREE, HEAVY, CACHE, family)
        if tool == "gem" and "--user-install" in words:  # (and RubyGems 3.2's own directory)
            yield Op(WRITE, tool, where[1:], text, TREE, HEAVY, CACHE, family)
        if family in ("cpan", "bugzilla", "poetry"):  # (each module's build tree beside its
            # tarball; poetry's metadata beside its packages)
            yield Op(WRITE, tool, where[1:], text, TREE, HEAVY, CACHE, family)
        if family == "cargo" and where[0].endswith("/registry/cache"):
            sources = posixpath.join(posixpath.dirname(where[0]), "src")
            yield Op(WRITE, tool, (sources,), text, TREE, HEAVY, CACHE, family)
            # (and its git/ beside registry/, for the crates it takes from git: what a removal
            # of both then takes is this RUN's, not the rustup install's before it)
            checkouts = posixpath.join(posixpath.dirname(posixpath.dirname(where[0])), "git")
            yield Op(WRITE, tool, (checkouts,), text, DIR, EMPTY)
        if family == "go" and subcommand(words) in GO_BUILDS:
            # a build fills the build cache too (GOCACHE), beside the modules it downloads
            built = go_build_cache(variables)
            if built.startswith("/") and built != where[0]:
                yield Op(WRITE, tool, (built,), text, TREE, HEAVY, CACHE, family)
    if tool == "gradlew" and not elsewhere and where and where[0].endswith("/caches"):
        # (the wrapper fetches the Gradle it names first, whatever it is asked, `./gradlew
        # --version` too: its zip stays in wrapper/dists beside the unpacked distribution)
        dists = where[0].removesuffix("caches") + "wrapper/dists"
        yield Op(WRITE, tool, (dists,), text, TREE, HEAVY, CACHE, family)
    if family == "apt" and installs:
        for name in _package_names(tool, words):
            if (java := _ORACLE_JAVA_INSTALLER.fullmatch(name)) is not None:
                cache = f"/var/cache/oracle-jdk{java[1]}-installer"
                yield Op(WRITE, tool, (cache,), text, TREE, HEAVY, CACHE, "oracle-java")
    if family == "apt" and installs and _keeps_debs(tool, words, variables):
        # (what it downloaded stays in the archives, docker-clean being gone)
        yield Op(WRITE, tool, (APT_ARCHIVES,), text, TREE, HEAVY, CACHE, "apt-archives")
    if family == "apt" and subcommand(words) in ("clean", "distclean", "dist-clean"):
        yield Op(REMOVE, tool, (APT_ARCHIVES,), text, family="apt-archives")
    if family == "poetry" and subcommand(words) == "cache" and "clear" in words and where:
        # (`poetry cache clear --all pypi`: that repository's cache alone, not the artifacts)
        cleared = [w for w in words[words.index("clear") + 1 :] if not w.startswith("-")]
        yield Op(
            REMOVE,
            tool,
            tuple(f"{where[1]}/repositories/{n}" for n in cleared),
            text,
            family=family,
        )
    if _cleans(family, tool, words):
        # (pacman's -Scc keeps the sync databases, eclean the repository tree)
        kept = family in ("pacman", "portage")
        removed = where[:1] if kept else where
        if family == "go":  # (`-modcache` empties the modules alone, `-cache` the build cache)
            built = go_build_cache(variables)
            removed = tuple(
                p for p, f in ((where[0], "-modcache"), (built, "-cache")) if f in words
            )
        # (Spack's cache lies in the clone of its repository, which holds none: only a cache an
        # install is known to have filled counts)
        yield Op(REMOVE, tool, removed, text, family=family, blind=family == "spack")
    # (`pip uninstall x` without -y asks first: with no terminal to answer it fails the build
    # where x is there, and removes nothing where it is not)
    asks = tool in _PIP and not ({"-y", "--yes"} & set(words) or env.get("PIP_YES"))
    if _removes_packages(family, tool, words) and not asks:
        # (`npm rm -g x` under NPM_CONFIG_PREFIX: what it removes is in that prefix alone;
        # `npm prune --production` in a project, in that project's node_modules alone)
        within: tuple[str, ...] = ()
        if prefix is not None:
            within = (f"{prefix}/lib/node_modules", f"{prefix}/bin")
        modules = _project_dir(family, words) if family in ("npm", "yarn", "pnpm") else None
        if modules is not None and (tree := _path(modules, command)) is not None:
            within = (tree,)
        names = _package_names(tool, words)
        # (apt removes no Essential package unless told twice: `apt-get purge -y libxml2 tar
        # || true` stops before it removes anything, libxml2 too; told by the option, its -o
        # setting, or before apt 1.1 by --force-yes)
        # (without -y it asks, and a phrase piped in may answer: `yes 'Yes, do as I say!' |`)
        permitted = "--force-yes" in words or any("allow-remove-essential" in w for w in words)
        assumed = any(w in ("--yes", "--assume-yes") or _SHORT_YES.fullmatch(w) for w in words)
        essential = _ESSENTIAL.intersection(names)
        if tool in ("apt-get", "apt") and essential and assumed and not permitted:
            return
        if tool == "npm" and subcommand(words) == "prune" and not _without_dev(words, variables):
            return  # (a plain prune removes what no manifest names: nothing an install wrote)
        if names or family not in ("apt", "apk", "yum") or AUTOREMOVES & set(words):
            # (a distribution's removal names what it removes: `apk --no-cache del` alone
            # removes nothing, `yum remove` alone fails)
            yield Op(PURGE, tool, within, text, family=family, packages=names)


_ORACLE_JAVA_INSTALLER = re.compile(r"oracle-java(\d+)-installer(?:=.*)?")


def _keeps_debs(tool: str, words: tuple[str, ...], variables: Mapping[str, str]) -> bool:
    """An apt install keeps the packages it downloads: docker-clean, which deletes them after
    every install, was removed by an earlier RUN, and apt keeps them itself (apt-get and
    aptitude do unless told `APT::Keep-Downloaded-Packages "false"`; the `apt` program only
    when told `Binary::apt::APT::Keep-Downloaded-Packages "true"`); not a dpkg -i, which
    downloads nothing."""
    if not variables.get(APT_KEEPS) or tool in ("dpkg", "gdebi") or _keeps_none(words):
        return False
    setting = variables.get(APT_KEEP_SETTING, "")
    if tool == "apt":
        return setting.endswith("true")
    return setting != "all:false"


def _keeps_none(words: tuple[str, ...]) -> bool:
    """apt told on its command line not to keep what it downloads (`-o
    Binary::apt::APT::Keep-Downloaded-Packages=false`), or to download nothing (`--print-uris`,
    `-s`)."""
    return any(_KEEP_NONE.search(w) for w in words) or bool(
        {"-s", "--simulate", "--dry-run", "--print-uris", "--no-download"} & set(words)
    )


_KEEP_NONE = re.compile(r"Keep-Downloaded-Packages=(?:false|0|no)", re.IGNORECASE)


def _without_dev(words: tuple[str, ...], variables: Mapping[str, str]) -> bool:
    """An npm command told to leave the development dependencies out: `--omit=dev`,
    `--production`, `--only=prod`, or NODE_ENV=production (npm_config_production too)."""
    told = any(
        w in ("--production", "--omit=dev", "--only=prod", "--only=production") for w in words
    ) or any(a == "--omit" and b == "dev" for a, b in itertools.pairwise(words))
    # (unless the command takes them back: `--include=dev`, `--production=false`)
    kept = any(w in ("--include=dev", "--production=false") for w in words)
    production = variables.get("NODE_ENV") == "production"
    return not kept and (told or production or variables.get("npm_config_production") == "true")


# npm's install commands and their aliases (npm's lib/commands: `npm clean-install` is `npm ci`).
_NPM_CLEAN_INSTALLS = frozenset(
    {"ci", "clean-install", "ic", "install-clean", "isntall-clean", "install-ci-test", "cit"}
)
_NPM_INSTALLS = frozenset(
    {"install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal"}
    | {"isntall", "add", "update", "up", "upgrade", "install-test", "it"}
)
_JVM_BUILDS = {
    **{"mvn": "maven", "mvnw": "maven", "gradle": "gradle", "gradlew": "gradle"},
    "sbt": "sbt",
    "lein": "maven",  # (Leiningen resolves through Maven's local repository, ~/.m2/repository)
    # (and so does the Clojure CLI: `clojure -P`, `clj -M:dev ...`)
    **dict.fromkeys(("clojure", "clj"), "maven"),
}
# cargo's subcommands that fetch the crates the project needs (`b`, `t`, ...: their aliases)
_CARGO_FETCHING = frozenset(
    {"build", "install", "fetch", "deb", "test", "run", "check", "bench", "clippy", "doc"}
    | {"rustc", "vendor", "b", "r", "t", "c", "zigbuild"}
)
_CARGO_PLUGIN_BUILDS = frozenset(
    {("chef", "cook"), ("nextest", "run"), ("nextest", "r"), ("nextest", "list")}
    | {("nextest", "archive"), ("leptos", "build"), ("leptos", "serve"), ("leptos", "watch")}
    | {("leptos", "test"), ("leptos", "end-to-end")}
    # (pgrx's, and its older name pgx's: the PostgreSQL extension, built by cargo)
    | {
        (pg, sub)
        for pg in ("pgrx", "pgx")
        for sub in ("install", "package", "test", "run", "schema")
    }
)


def _lein_task(words: tuple[str, ...]) -> str:
    """The task Leiningen runs, past `with-profile PROFILES` (`lein with-profile prod clean`)."""
    rest = words
    while subcommand(rest) == "with-profile":
        at = rest.index("with-profile")
        rest = (rest[0], *rest[at + 2 :])
    return subcommand(rest)


_LEIN_OWN = frozenset({"version", "help", "self-install", "upgrade", "downgrade", "clean"})
_SBT_HOMES = ("-Dsbt.coursier.home=", "-Dsbt.ivy.home=", "-Dcoursier.cache=")
# sbt before 1.3 resolves with Ivy (~/.ivy2/cache), later ones with Coursier
_OLD_SBT = re.compile(r"0\.|1\.[0-2](?:\.|$)")
# What asks Maven or Gradle a question only (`mvn -v`): no build, nothing read or fetched.
JVM_QUESTIONS = frozenset({"-v", "-version", "--version", "-h", "--help"})
_QUESTIONS = JVM_QUESTIONS | {"-V", "version", "help", "--info"}
_JVM_ASKS = JVM_QUESTIONS | {"-o", "--offline"}  # (an offline build fetches nothing either)
# sbt's (its -v is verbose, its version -V)
SBT_QUESTIONS = JVM_QUESTIONS - {"-v"} | {"-V"}
_CONDA_TREE = re.compile(r"conda|forge|mamba", re.IGNORECASE)
_CONDA_SH = "/etc/profile.d/conda.sh"
# n's commands that install nothing: any other operand names a version
_N_COMMANDS = frozenset(
    {"prune", "rm", "-", "ls", "list", "ls-remote", "lsr", "run", "use", "as", "exec", "which"}
    | {"bin", "doctor", "uninstall", "download", "help"}
)


def _conda_prefix(
    tool: str, words: tuple[str, ...], command: Command, env: Mapping[str, str]
) -> str | None:
    """The environment a conda install writes: `-p PATH`, `-n NAME` below its root's envs/,
    or the one `conda activate NAME` made active (CONDA_PREFIX); None for the root's own."""
    variables = {**env, **dict(command.assignments)}
    prefix = _option_value(words, "-p", "--prefix")
    if prefix:
        return _path(prefix, command)
    name = _option_value(words, "-n", "--name")
    active = variables.get("CONDA_PREFIX", "")
    if not name and active.startswith(_CONDA_ENVS):
        name = active.removeprefix(_CONDA_ENVS)
    elif not name and active.startswith("/"):
        return active
    # (`conda env create -f environment.yml`: an environment the file names, below envs/)
    creates = "create" in words[1:3] and any(w in ("-f", "--file") for w in words)
    if (not name and not creates) or name == "base" or "$" in (name or "") or "/" in (name or ""):
        return None
    root = _conda_tree(tool, words, variables)
    return f"{root or MANAGERS['conda'].trees[0]}/envs" + (f"/{name}" if name else "")


# What `conda activate NAME` leaves in CONDA_PREFIX for the commands after it, where the root
# is not known yet (the conda that installs says it).
_CONDA_ENVS = "envs/"


# pip's options that install elsewhere than its interpreter's tree
_PIP_ELSEWHERE = (("-t", "--target"), ("", "--prefix"), ("", "--root"))


def _conda_python(words: tuple[str, ...], variables: Mapping[str, str]) -> str | None:
    """The conda tree (CONDA_DIR) whose pip a bare `pip` is, where PATH puts it first or the
    image sets no PATH of its own (the Jupyter images); not a pip called by its path."""
    conda = variables.get("CONDA_DIR", "").rstrip("/")
    if not conda.startswith("/") or "/" in words[0] or "VIRTUAL_ENV" in variables:
        return None
    if any((_option_value(words, short, long) or "/") != "/" for short, long in _PIP_ELSEWHERE):
        return None  # (`pip install --target /tmp/libs`: not into conda's tree)
    path = variables.get("PATH", "")
    return conda if not path or path.split(":")[0] == f"{conda}/bin" else None


def _conda_tree(tool: str, words: tuple[str, ...], variables: Mapping[str, str]) -> str | None:
    """The conda tree a conda command runs from: the one it is called by the path of
    (`/opt/miniconda/bin/conda`), the one a sourced conda.sh set up (CONDA_EXE), else the first
    on PATH (`ENV PATH=/opt/miniconda3/bin:$PATH`)."""
    root = None
    if tool in ("conda", "mamba"):
        root = _conda_root(words[0])
        if root is None and "CONDA_EXE" in variables:
            root = _conda_root(variables["CONDA_EXE"])
    if root is None:
        on_path = (_conda_root(d + "/conda") for d in variables.get("PATH", "").split(":"))
        root = next((r for r in on_path if r and _CONDA_TREE.search(r)), None)
    return root


def _conda_root(program: str) -> str | None:
    """The conda tree a conda called by its path belongs to (`/opt/conda/bin/conda`,
    `$HOME/miniconda/condabin/conda`); none for a system directory's."""
    folder, _ = posixpath.split(program)
    root, leaf = posixpath.split(folder)
    if not program.startswith("/") or leaf not in ("bin", "condabin"):
        return None
    # (an environment's bin, `ENV PATH=/opt/conda/envs/app/bin:$PATH`: the conda found is the
    # installation's, whose pkgs/ every environment shares)
    root = root.split("/envs/", 1)[0]
    return root if root not in ("", "/", "/usr", "/usr/local") else None


_PACMAN_REFRESH = re.compile(r"-S[a-z]*y[a-z]*|--refresh")
# The options that make a removal a simulation, by manager
_DRY_RUNS = {
    **dict.fromkeys(
        ("apt-get", "apt"),
        frozenset({"-s", "--simulate", "--dry-run", "--just-print", "--no-act", "--recon"}),
    ),
    "zypper": frozenset({"-D", "--dry-run"}),
}
# xbps's options that take a value (`-R URL`, `-r ROOTDIR`, `-C CONFDIR`, `-c CACHEDIR`)
_XBPS_VALUES = frozenset(
    {"-R", "--repository", "-r", "--rootdir", "-C", "--config", "-c", "--cachedir"}
)
# go's commands that build, fetching the modules they need first
GO_BUILDS = frozenset({"build", "install", "test", "run", "vet"})
_MODULE_INSTALLS = frozenset({"install", "update", "upgrade", "switch-to"})
_DOTNET_RESTORES = frozenset({"restore", "build", "publish", "test", "run", "pack"})


def _package_names(tool: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The packages a command names (`apk add --virtual .deps gcc` names `.deps` and `gcc`);
    a name from a variable or a file is kept as `$` (some package, which one is not known)."""
    names = []
    operands = _operands(words, _VALUE_OPTIONS.get(tool, frozenset()))
    # (after the subcommand: `apt-get install x`, `apt-get "$QUIET" install x`; dpkg and rpm
    # take options, `dpkg -i x.deb`)
    sub = subcommand(words)
    after = operands.index(sub) + 1 if sub in operands else 1
    if tool == "uv" and sub in ("pip", "tool"):
        after += 1  # (`uv pip install x`: its own command, then the packages)
    group = tool in _YUM and sub.startswith("group")
    if group and sub in ("group", "groups"):
        after += 1  # (`yum group install "Development Tools"`: the group's own command first)
    if tool in _YUM and sub == "module":
        # (`dnf module install php:remi-7.4`: the stream's default profile's packages)
        return tuple(p for word in operands[after + 1 :] for p in _module_packages(word))
    # (pacman's operation is an option, `-S`, `-Syu`: every operand is a package)
    every = tool in ("dpkg", "rpm", "gdebi", "pacman", "yay", "paru")
    deletes = subcommand(words) == "del"
    for word in operands if every else operands[after:]:
        if word.startswith(("$", "`")) or "$(" in word:
            names.append("$")
        elif tool in _YUM and word.startswith("@") and ":" in word:
            names.extend(_module_packages(word[1:]))  # (`dnf install @php:7.4`: a module)
        elif group or (tool in _YUM and word.startswith("@")):
            names.append(_yum_group(word))
        elif tool == "apk" and deletes and word.startswith("/") and not word.endswith(".apk"):
            names.append(word)  # (a virtual package named like a path: `--virtual /tmp/.deps`)
        elif tool == "opam" and word.startswith(("/", "./", "../")):
            names.append(word)  # (a project's directory or opam file, pinned by the install)
        elif not word.startswith(("/", "./", "../", "-")) and not is_archive(word):
            names.append(_unpinned(tool, word))
        elif word.endswith((".deb", ".rpm")) and (named := _package_of(word)):
            # (`dpkg -i influxdb_1.8.0_amd64.deb` installs influxdb; what it depends on, and
            # apt or yum pull in with it, no name says)
            names.extend((named, "$") if tool in (*_APT, *_YUM) else (named,))
    given = _option_value(words, "-t", "--virtual") if tool == "apk" else None
    if tool in _PIP and any(
        w in ("-r", "--requirement", "-e", "--editable", ".") or w.startswith("-r") for w in words
    ):
        names.append("$")  # (`pip install -r requirements.txt`, `pip install .`: which, unknown)
    return tuple(names) + ((given,) if given else ())


def _yum_group(name: str) -> str:
    """A yum or dnf group as one name: `@development`, `"Development Tools"` and
    `development-tools` are one group (yum matches names and ids without case)."""
    group = name.lstrip("@").lower().replace(" ", "-")
    return _GROUP_IDS.get(group, group)


_GROUP_IDS = {"development": "development-tools"}


def _module_packages(spec: str) -> tuple[str, ...]:
    """The packages a module's profile installs (`php:7.4`, `php:remi-8.1/minimal`): its
    default one when none is named; the module's name where `_MODULE_PROFILES` knows none."""
    name, _, rest = spec.partition(":")
    name, _, profile = name.partition("/")
    profile = profile or rest.partition("/")[2]
    return _MODULE_PROFILES.get((name, profile), (name,))


_PHP_COMMON = ("php-cli", "php-common", "php-fpm", "php-json", "php-mbstring", "php-xml")
# The packages of modules' profiles (RHEL 8's and Remi's streams; '' is the default profile)
# where they are not the module's name alone.
_MODULE_PROFILES = {
    **dict.fromkeys((("php", ""), ("php", "common"), ("php", "devel")), _PHP_COMMON),
    ("php", "minimal"): ("php-cli", "php-common"),
    **dict.fromkeys((("mariadb", ""), ("mariadb", "server")), ("mariadb-server",)),
    **dict.fromkeys((("mysql", ""), ("mysql", "server")), ("mysql-server",)),
    **dict.fromkeys((("postgresql", ""), ("postgresql", "server")), ("postgresql-server",)),
    **dict.fromkeys((("httpd", ""), ("httpd", "common")), ("httpd", "mod_ssl", "mod_http2")),
}


# What follows a package's name when a version, release or architecture is pinned:
# `couchdb=3.3.3~bullseye`, `nginx/bookworm-backports`, `libc6:amd64`, `py3-pip~=23`,
# `requests==2.31`, `numpy>=1.26`, `torch[cuda]`.
_PIN = re.compile(r"[=<>~!\[;]")
_APT_PIN = re.compile(r"[=/:]")


def _unpinned(tool: str, word: str) -> str:
    """The name a package manager installs a pinned package under."""
    if tool in _APT:
        word = _APT_PIN.split(word, 1)[0]
    elif tool == "apk":  # (`zsh@testing`: a tagged repository's)
        word = word.split("@", 1)[0] or word
    return _PIN.split(word, 1)[0] or word


_DASHED_DEB = re.compile(r"-v?\d[\w.+~]*(?:-[\w.+~]+)*$")
_DEB_ARCH = re.compile(
    r"[-_.](?:amd64|arm64|aarch64|armhf|armel|i386|i686|x86_64|ppc64el|s390x|all)$"
)


def _saved_packages(
    words: tuple[str, ...], command: Command, names: Mapping[str, str]
) -> tuple[str, ...]:
    """The packages of the package files a command names by the names they were fetched under
    (`wget .../shiny-server-1.5.20-amd64.deb -O ss.deb`, then `gdebi -n ss.deb`)."""
    files = (names.get(_path(w, command) or "", "") for w in words[1:])
    return tuple(p for n in files if n.endswith((".deb", ".rpm")) and (p := _package_of(n)))


def _package_of(path: str) -> str | None:
    """The package a .deb or .rpm file holds, by the names their tools give such files
    (`name_version_arch.deb`, `name-version-release.arch.rpm`); None when a wildcard or a
    variable stands for it."""
    name = posixpath.basename(path)
    if name.endswith(".deb"):
        # (its architecture last, whatever joins it: `filebeat-amd64.deb`, `x_1.0_amd64.deb`)
        stem = _DEB_ARCH.sub("", name.removesuffix(".deb"))
        # (a vendor's `shiny-server-1.5.19.995-amd64.deb`: the name before the version)
        name = stem.split("_", 1)[0] if "_" in stem else _DASHED_DEB.sub("", stem)
    else:
        name = RPM_VERSION.sub("", RPM_ARCH.sub("", name.removesuffix(".rpm")))
    # (a vendor's `rstudio-server-*-amd64.deb`, `shiny-server-$VERSION-amd64.deb`: the
    # wildcard or the variable stands for the version)
    for stand_in in ("-*", "-$"):
        fixed, dash, rest = name.partition(stand_in)
        if dash and len(fixed) > 2 and not is_glob(fixed) and "$" not in fixed and "_" not in rest:
            name = fixed
    return name if name and not is_glob(name) and "$" not in name else None


def _no_lock_file(words: tuple[str, ...], variables: Mapping[str, str]) -> bool:
    """The Node install writes no lock file: `--no-package-lock`, `--package-lock=false`,
    yarn's `--no-lockfile`, or `NPM_CONFIG_PACKAGE_LOCK=false`."""
    off = {"--no-package-lock", "--package-lock=false", "--no-lockfile", "--frozen-lockfile"}
    told = variables.get("NPM_CONFIG_PACKAGE_LOCK", variables.get("npm_config_package_lock", ""))
    return bool(off & set(words)) or told.lower() == "false"


def _poetry_venvs_there(variables: Mapping[str, str]) -> bool:
    """poetry makes its environments in its cache directory's virtualenvs/: unless told to make
    none, to make it in the project, or to put them elsewhere."""
    return not (
        variables.get("POETRY_VIRTUALENVS_CREATE", "").lower() in ("false", "0")
        or variables.get("POETRY_VIRTUALENVS_IN_PROJECT", "").lower() in ("true", "1")
        or variables.get("POETRY_VIRTUALENVS_PATH")
        or variables.get("VIRTUAL_ENV")  # (an environment active: poetry installs into it)
    )


def _bare_project(family: str, words: tuple[str, ...], command: Command) -> str | None:
    """The package.json an `npm install`, `ci` or `update` naming no package reads, when it runs
    in a home, where images keep none; None for any other command or directory."""
    if family != "npm" or subcommand(words) not in (_NPM_INSTALLS | _NPM_CLEAN_INSTALLS):
        return None
    if len(_operands(words, _VALUE_OPTIONS.get(family, frozenset()))) > 1:
        return None  # (it names packages: `npm install express`)
    if any(w in ("-g", "--global", "-C") or w.startswith("--prefix") for w in words):
        return None
    cwd = command.cwd or ""
    if cwd != "/root" and not _A_HOME.fullmatch(cwd.rstrip("/")):
        return None
    return posixpath.join(cwd, "package.json")


# The lock file each Node manager writes beside package.json when it saves a package.
_NODE_LOCKS = {"npm": "package-lock.json", "yarn": "yarn.lock", "pnpm": "pnpm-lock.yaml"}


def _saves_packages(family: str, words: tuple[str, ...]) -> bool:
    """A Node install that names packages and saves them to the project's package.json."""
    sub = subcommand(words)
    named = len(_operands(words, _VALUE_OPTIONS.get(family, frozenset()))) > 1
    adds = sub == "add" or (family == "npm" and sub in ("install", "i") and named)
    return adds and "--no-save" not in words


def _gem_home(tool: str, words: Sequence[str], variables: Mapping[str, str]) -> str:
    """Where `gem install` puts gems when told (`--install-dir`/`-i`, or GEM_HOME), and `bundle
    install` (`--path`, `bundle config set path`, BUNDLE_PATH, deployment mode's vendor/bundle)."""
    if tool == "bundle":
        told = _option_value(tuple(words), "", "--path") or variables.get("BUNDLE_PATH", "")
        deployed = _deployed(words, variables)
        home = told or ("vendor/bundle" if deployed else variables.get("GEM_HOME", ""))
    else:
        home = _option_value(tuple(words), "-i", "--install-dir") or variables.get("GEM_HOME", "")
    return "" if "$" in home else home


def _deployed(words: Sequence[str], variables: Mapping[str, str]) -> bool:
    """bundler installs in deployment mode: into vendor/bundle unless a path is given. Bundler
    reads a setting as true unless it is empty or says false (`false`, `no`, `0`, ...)."""
    told = variables.get("BUNDLE_DEPLOYMENT", "")
    return "--deployment" in words or bool(
        told and "$" not in told and not _BUNDLER_FALSE.fullmatch(told)
    )


_BUNDLER_FALSE = re.compile(BUNDLER_FALSE, re.IGNORECASE)


def _configured_prefix(command: Command) -> str | None:
    """The install prefix a `./configure --prefix=/opt/x` or `cmake -DCMAKE_INSTALL_PREFIX=/opt/x`
    gives the build in its directory (None for another command, or a prefix not a plain path)."""
    tool, words = tool_and_args(command)
    name = posixpath.basename(tool)
    if name in SHELLS and len(words) > 1:
        name, words = posixpath.basename(words[1]), words[1:]
    if name in ("configure", "config", "Configure"):  # (and OpenSSL's: `./config --prefix=`)
        given = _option_value(words, "", "--prefix")
        prefix = given or _own_prefix(command.cwd) or "/usr/local"
    elif name == "cmake" and {"--build", "--install"} & set(words):
        return None  # (a build or an install of what was configured: no configure)
    elif name == "cmake":
        given = next(
            (w.partition("=")[2] for w in words if w.startswith("-DCMAKE_INSTALL_PREFIX")), None
        )
        prefix = given or "/usr/local"
    elif name in ("meson", "muon") and _meson_build_dir(words) is not None:
        given = _option_value(words, "", "--prefix") or next(
            (w.partition("=")[2] for w in words if w.startswith("-Dprefix=")), None
        )
        prefix = given or "/usr/local"
    else:
        return None
    if (given is not None and "$" in given) or (
        given is None and any(_OPTIONS_VARIABLE.fullmatch(w) for w in words[1:])
    ):
        # (`-DCMAKE_INSTALL_PREFIX=$z3_installdir`, a script's own variable, or options a
        # variable holds, `cmake ../llvm $cmake_flags`: the install lands where they say)
        return UNKNOWN_PREFIX
    return _plain_prefix(prefix)


def _meson_build_dir(words: tuple[str, ...]) -> str | None:
    """The build directory a meson setup makes (`meson setup build --prefix=/usr`, or the old
    `meson build`); None for another of its commands."""
    operands = _operands(words, frozenset({"--prefix", "-C", "--buildtype", "--libdir"}))
    if operands[:1] == ["setup"]:
        operands = operands[1:]
    elif operands[:1] and operands[0] in _MESON_COMMANDS:
        return None
    return operands[0] if operands else None


_MESON_COMMANDS = frozenset(
    {"configure", "dist", "init", "install", "introspect", "test", "wrap", "subprojects"}
    | {"rewrite", "compile", "devenv", "env2mfile", "format", "help", "reprotest"}
)
UNKNOWN_PREFIX = "?"  # a prefix given as a variable the script sets
# A variable named for the options it holds (`$cmake_flags`, `${CONFIGURE_OPTS}`): not a source
# directory's (`"$SRC"`) or a command's output (`$(nproc)`)
_OPTIONS_VARIABLE = re.compile(r"\$\{?\w*(?:flag|opt|arg|param)\w*\}?", re.IGNORECASE)


def _own_prefix(cwd: str | None) -> str | None:
    """The prefix a project's configure installs into when given none, where it is not GNU's
    /usr/local: FreeSWITCH's /usr/local/freeswitch, Apache httpd's /usr/local/apache2, Squid's
    /usr/local/squid, by the name of the source directory it runs in."""
    name = posixpath.basename((cwd or "").rstrip("/")).lower()
    return next((p for key, p in _OWN_PREFIXES if name.startswith(key)), None)


_OWN_PREFIXES = (
    ("freeswitch", "/usr/local/freeswitch"),
    ("httpd-", "/usr/local/apache2"),
    ("squid-", "/usr/local/squid"),
)


def _plain_prefix(prefix: str) -> str | None:
    """An install prefix as a plain absolute path (None for a variable's, or a relative one)."""
    return (prefix.rstrip("/") or "/") if prefix.startswith("/") and "$" not in prefix else None


def _under_prefix(trees: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    """GNU's standard trees below /usr/local, below `prefix` instead."""
    root = prefix.rstrip("/")
    return tuple(root + t.removeprefix(_GNU_PREFIX) if inside(t, _GNU_PREFIX) else t for t in trees)


_GNU_PREFIX = "/usr/local"


_PHP_EXTENSION_TREES = (
    "/usr/local/lib/php",
    "/usr/local/include/php",
    "/usr/lib/php",
    "/usr/include/php",
)


def _installed_under_prefix(
    op: Op, command: Command, prefixes: Mapping[str | None, str], unknown_here: bool = False
) -> Op:
    """`make install`'s trees below the prefix the configure before it in that directory gave
    (`./configure --prefix=/opt/app && make && make install` fills /opt/app), unless the make
    names its own (`PREFIX=`, `DESTDIR=`)."""
    tool, words = tool_and_args(command)
    told = any(w.split("=", 1)[0] in _MAKE_PREFIXES for w in words if "=" in w)
    if tool == "cmake":  # (`cmake --install build [--prefix /opt/x]`, `--build build -t install`)
        built = _option_value(words, "", "--install") or _option_value(words, "", "--build")
        where = resolve_path(built or ".", command.cwd)
        prefix = _plain_prefix(_option_value(words, "", "--prefix") or prefixes.get(where) or "")
    else:
        where = resolve_path(_option_value(words, "-C", "--directory") or ".", command.cwd)
        # (or, configured in an earlier RUN, the project's own: FreeSWITCH's)
        prefix = prefixes.get(where) or _own_prefix(where)
    if prefix is None and "$" in (where or "$") and unknown_here:
        # (`make -C $llvm_builddir install`: a build directory a variable names, where this
        # RUN configured one for a prefix not shown)
        prefix = UNKNOWN_PREFIX
    if told or prefix is None:
        return op
    if prefix == UNKNOWN_PREFIX:
        return op._replace(paths=())
    return op._replace(paths=_under_prefix(op.paths, prefix))


_MAKE_PREFIXES = frozenset({"PREFIX", "prefix", "DESTDIR", "INSTALL_TOP"})
# make's install goals: stripped, CPython's beside another Python (`make altinstall`), and
# OpenSSL's of its programs and libraries alone (`make install_sw`)
_MAKE_INSTALLS = frozenset({"install", "install-strip", "altinstall", "install_sw"})


def _made_into(
    words: Sequence[str], variables: Mapping[str, str], command: Command, trees: tuple[str, ...]
) -> tuple[str, ...]:
    """Where `make install` puts the standard trees: below DESTDIR (`make DESTDIR=/tmp/pkg
    install`, or from the environment), and below another prefix (`make PREFIX=/opt/x
    install`); as if the prefix were GNU's where either is not a plain path."""
    given = dict(w.split("=", 1) for w in words[1:] if "=" in w and not w.startswith("-"))
    destdir = given.get("DESTDIR", variables.get("DESTDIR", ""))
    # (Lua's Makefile names its prefix INSTALL_TOP)
    named = given.get("PREFIX", given.get("prefix", given.get("INSTALL_TOP", _GNU_PREFIX)))
    prefix = _plain_prefix(named)
    if "$" in destdir or prefix is None:
        return trees
    trees = _under_prefix(trees, prefix)
    if destdir:
        return _paths([destdir.rstrip("/") + t for t in trees], command)
    return trees


def _uv_project_environment(words: tuple[str, ...], env: Mapping[str, str]) -> str | None:
    """Where `uv sync` (or `uv add`) installs: the project's environment, `.venv` in the
    project unless UV_PROJECT_ENVIRONMENT moves it; None for another command, or `--active`
    (the VIRTUAL_ENV's)."""
    if words[:1] != ("uv",) or subcommand(words) not in ("sync", "add") or "--active" in words:
        return None
    project = _option_value(words, "", "--directory") or _option_value(words, "", "--project")
    venv = env.get("UV_PROJECT_ENVIRONMENT") or ".venv"
    return None if "$" in venv else posixpath.join(project or ".", venv)


def _node_project(family: str, words: tuple[str, ...]) -> str:
    """The project a Node manager works in: `npm -C backend ci`, `npm --prefix ui run build`,
    `yarn --cwd web`, `pnpm --dir api`; else the current directory."""
    base = _option_value(words, "-C", "--prefix" if family == "npm" else "--dir")
    base = base or (_option_value(words, "", "--cwd") if family == "yarn" else None)
    return base or "."


def _global(words: tuple[str, ...]) -> bool:
    """A Node manager's command on the global packages: `-g`, `--global`, `yarn global`, and
    npm 8's `--location=global`."""
    return any(w in ("-g", "--global", "global", "--location=global") for w in words) or any(
        a == "--location" and b == "global" for a, b in itertools.pairwise(words)
    )


def _npm_prefix(words: tuple[str, ...], env: Mapping[str, str]) -> str | None:
    """The prefix a global npm command (`-g`) works in, when an option or the environment
    moves it from node's own (`ENV NPM_CONFIG_PREFIX=/home/node/.npm-global`)."""
    if not _global(words):
        return None
    given = _option_value(words, "", "--prefix") or next(
        (env[n] for n in ("NPM_CONFIG_PREFIX", "npm_config_prefix") if env.get(n)), None
    )
    return posixpath.normpath(given) if given and given.startswith("/") else None


def _project_dir(family: str, words: tuple[str, ...]) -> str | None:
    """Where an install into the project puts its packages (node_modules, vendor, pip -t)."""
    if family in ("npm", "yarn", "pnpm") and not _global(words):
        return posixpath.join(_node_project(family, words), "node_modules")
    if family == "composer" and subcommand(words) == "global":
        return home_path("~/.composer/vendor")  # (`composer global require`: COMPOSER_HOME's)
    if family == "composer" and subcommand(words) != "create-project":  # (that one: below)
        base = _option_value(words, "-d", "--working-dir") or "."
        return posixpath.join(base, "vendor")
    if family == "pip":
        return _option_value(words, "-t", "--target") or _option_value(words, "", "--prefix")
    return None


def _dnf_cachedir(words: tuple[str, ...]) -> str:
    """The cache directory dnf, yum or microdnf is told to use (`--setopt=cachedir=DIR`,
    `--setopt cachedir=DIR`), else ""."""
    for i, word in enumerate(words):
        value = words[i + 1] if word == "--setopt" and i + 1 < len(words) else word
        if word == "--setopt" or word.startswith("--setopt="):
            setting = value.removeprefix("--setopt=")
            if setting.startswith("cachedir="):
                return setting.removeprefix("cachedir=")
    return ""


def yum_caches(op: Op) -> bool:
    """`op` writes yum's or dnf's cache in one of the places the base decides among (those a
    cache mount kept out aside)."""
    return bool(op.paths) and set(op.paths) <= _YUM_CACHES


# (composer's cache: ~/.composer/cache, or ~/.cache/composer where composer finds the XDG
# layout, an XDG_ variable or /etc/xdg)
_COMPOSER_CACHES = tuple(home_path(p) for p in MANAGERS["composer"].caches)


def cache_paths(family: str, env: Mapping[str, str], tool: str = "") -> tuple[str, ...]:
    """Where `family` keeps its cache under these variables, the place `tool` uses first."""
    paths = [home_path(p) for p in MANAGERS[family].caches]
    own = _TOOL_CACHE.get(tool)
    if own in paths:
        paths.insert(0, paths.pop(paths.index(own)))
    # (each inserted first: the last variable set is the one that wins)
    for name, suffix in _CACHE_VARS.get(family, ()):
        value = env.get(name)
        if name == "BUNDLE_PATH" and tool != "bundle":
            continue  # (bundler's own: `gem install` keeps its .gem files in GEM_HOME)
        if value and value.startswith("/"):
            # (`GOPATH=/`: /pkg/mod, not //pkg/mod; of a list, `/go:/src/vendor`, the first)
            root = "/" + posixpath.normpath(value.split(":")[0]).lstrip("/")
            if root == "/" and not suffix:
                continue  # (`GOCACHE=//`: not a cache of the whole filesystem)
            paths.insert(0, posixpath.join(root, suffix.lstrip("/")) if suffix else root)
    return tuple(paths)


# A package of npm's registry as an install names it, with its version or tag: its name
_REGISTRY_NAME = re.compile(r"((?:@[\w.-]+/)?[\w.-]+)(?:@[^/\s:]+)?")


def _npx_own(words: tuple[str, ...]) -> list[str]:
    """An `npx`'s (or `npm exec`'s) own options and the package or command after them; not the
    command's own (`npx tsc -p .`)."""
    own: list[str] = []
    rest = words[2:] if words[0] in ("npm", "bun") else words[1:]
    for at, word in enumerate(rest):
        if word == "--":
            return own + list(rest[at + 1 : at + 2])
        own.append(word)
        if not word.startswith("-"):
            break  # (the package or command: what follows is its own)
    return own


def _fetches(words: tuple[str, ...]) -> bool:
    """An `npx` (or `npm exec`) that fetches the package into npm's cache: told to (`--yes`,
    `--package`) or given a version (`playwright@latest`); not one a project installed, nor
    with `--no-install`."""
    own = _npx_own(words)
    if any(w in ("--no-install", "--no") for w in own):
        return False
    return any(
        w in ("-y", "--yes", "-p") or w.startswith("--package") or "@" in w.lstrip("@") for w in own
    )


def npx_package(words: tuple[str, ...]) -> str:
    """The package a plain `npx` (or `npm exec`) runs (`npx playwright install-deps`): one a
    project's or a global install holds, or else one npx fetches into npm's cache, asking no
    one (with no terminal, as in a build, it assumes `--yes`). '' when its own options decide
    (`_fetches`, `--no-install`), for `-c`, and for the tools node ships with (npm, corepack,
    yarn)."""
    if words[:1] not in (("npx",), ("bunx",)) and words[:2] not in (
        ("npm", "exec"),
        ("npm", "x"),
        ("bun", "x"),
    ):
        return ""
    own = _npx_own(words)
    if not own or own[-1].startswith("-") or _fetches(words):
        return ""
    if any(w in ("--no-install", "--no", "-c", "--call") for w in own[:-1]):
        return ""
    package = own[-1]
    if package in ("npm", "npx", "corepack", "yarn", "yarnpkg"):
        return ""
    if package.startswith((".", "/", "$")):
        return ""  # (a path, or a variable: not a package name npx could fetch)
    return package


# Gleam's and rebar3's commands that build, and so fetch what the project depends on
_GLEAM_BUILDS = frozenset({"build", "run", "test", "export", "deps", "add", "check", "docs"})
_REBAR3_BUILDS = frozenset(
    {"compile", "release", "tar", "get-deps", "upgrade", "eunit", "ct", "escriptize", "as", "do"}
)


# Terminus 3's commands that install plugins (`self:plugin:add` is `install`'s alias)
_TERMINUS_PLUGIN_INSTALLS = frozenset(
    {"self:plugin:install", "self:plugin:add", "self:plugin:update"}
)


# The Lisps Roswell installs from their own archives (`ros install sbcl-bin`, `ccl-bin/1.12`).
_LISP_IMPLEMENTATION = re.compile(r"(?:sbcl|ccl|clisp|ecl|abcl|cmu|allegro|mkcl)(?:-bin)?(?:/.*)?")


# pak's functions that install, or fetch what they resolve
_PAK_INSTALLS = re.compile(r"\bpak::(?:pkg_install|pak|local_install(?:_deps)?|lockfile_install)\(")


def _pak_installs(code: str) -> bool:
    """The R `code` installs with pak: `pak::pkg_install(...)`, or pak's functions by their
    names once it attached pak (`library(pak); pkg_install(c("shiny"))`)."""
    if _PAK_INSTALLS.search(code):
        return True
    attached = re.search(r"\b(?:library|require)\(\s*[\"']?pak[\"']?\s*\)", code)
    return attached is not None and _PAK_BARE.search(code) is not None


def opam_compiler_given(words: Sequence[str]) -> bool:
    """An opam command is given the compiler of the switch it makes (`-c 5.1.0`,
    `--compiler=ocaml-base-compiler.5.4.0`)."""
    return any(w in ("-c", "--compiler") or w.startswith("--compiler=") for w in words)


# renv's functions that download packages (a restore from the lockfile, an install, an init
# that installs what the project uses)
_RENV_INSTALLS = re.compile(r"\brenv::(restore|install|init|hydrate|update)\(")


def _renv_fetches(code: str) -> bool:
    """The R `code` calls one of renv's functions that download packages; not a bare init
    (`renv::init(bare = TRUE)`), which makes an empty library and installs nothing."""
    return any(
        not (m.group(1) == "init" and _RENV_BARE.match(code, m.end()))
        for m in _RENV_INSTALLS.finditer(code)
    )


_RENV_BARE = re.compile(r"[^)]*\bbare\s*=\s*(?:TRUE|T)\b")
_PAK_BARE = re.compile(r"(?<![\w.:])(?:pkg_install|pak|local_install(?:_deps)?)\(")


def _r_installs_only(tool: str, words: tuple[str, ...]) -> bool:
    """The R code an `R -e`/`Rscript -e` command runs only installs packages into R's library
    (`remotes::install_github(...)`, `install.packages(...)`): it writes nowhere else, not in
    the directory it runs in."""
    if tool == "R" and words[1:3] == ("CMD", "INSTALL"):
        # (package archives, installed into R's library; not a source directory, built there)
        given = [w for w in words[3:] if not w.startswith("-")]
        return bool(given) and all(is_archive(w) for w in given)
    if tool not in ("R", "Rscript") or not (code := _r_code(words)):
        return False
    statements = [s for s in re.split(r"[;\n]", code) if s.strip()]
    return bool(statements) and all(_R_INSTALLER_CALL.match(s) for s in statements)


# (an install, bare or by its package's name, a package attached, an option set; a statement
# `if (!requireNamespace(...))` guards)
_R_INSTALLER_CALL = re.compile(
    r"\s*(?:if\s*\(\s*!\s*requireNamespace\([^)]*\)\s*\)\s*)?"
    r"(?:(?:remotes|devtools)::install_\w+|BiocManager::install|pak::(?:pkg_install|pak)"
    r"|install_(?:github|gitlab|version|cran|bioc|url|local|deps)|install\.packages|library"
    r"|require|requireNamespace|options)\s*\("
)


def _r_code(words: tuple[str, ...]) -> str:
    """The R code an `R -e`/`Rscript -e` command runs."""
    return "\n".join(words[i + 1] for i, w in enumerate(words[:-1]) if w in ("-e", "--expr"))


def _queries_only(option: str) -> bool:
    """pacman's `-S` that searches or shows what the sync databases hold (`-Ss`, `-Si`, `-Sl`,
    `-Sg`, `-Sp`) and neither refreshes them (`y`) nor upgrades (`u`): it fetches nothing."""
    letters = set(option[2:])
    return bool(letters & set("silgp")) and not letters & set("yuw")


def _tlmgr_reads_the_repository(words: tuple[str, ...]) -> bool:
    """A tlmgr action that loads a network repository's package database (`install`,
    `update`, a listing of what it offers), which it keeps a copy of; not in user mode, whose
    tree is the user's, nor one that reads the installed packages alone, a local repository or
    a package file (`install --file`)."""
    operands = _operands(words, _TLMGR_VALUES)
    action = operands[0] if operands else ""
    if {"--usermode", "--only-installed", "--file"} & set(words):
        return False
    given = _option_value(words, "", "--repository") or _option_value(words, "", "-repository")
    if given is not None and not tlmgr_network(given):
        return False
    return (
        action in ("install", "update", "info", "list", "candidates")
        or (action == "search" and "--global" in words)
        or (action == "platform" and operands[1:2] in (["add"], ["list"]))
    )


# tlmgr's global options that take a value (`tlmgr --repository URL install x`)
_TLMGR_VALUES = frozenset({"--repository", "-repository", "--location", "--pin-file"})


def tlmgr_network(location: str) -> bool:
    """A tlmgr repository location on the network (or CTAN's alias), of which it keeps a copy."""
    return _NETWORK.match(location.strip("\"'")) is not None


_NETWORK = re.compile(r"(?:https?|ftp)://|ctan$")


def _texlive_root(words: tuple[str, ...], variables: Mapping[str, str]) -> str:
    """The TeX Live tree tlmgr manages: that of the tlmgr called by its path
    (`/usr/local/texlive/2024/bin/x86_64-linux/tlmgr`), or of the first TeX Live bin directory
    on PATH; where neither says (a base's PATH, not known here), install-tl's default tree of
    its year, since a distribution's tlmgr runs in user mode alone."""
    candidates = [posixpath.dirname(words[0]), *variables.get("PATH", "").split(":")]
    for directory in candidates:
        found = _TEXLIVE_BIN.fullmatch(directory.rstrip("/"))
        if found and "$" not in directory:
            return found[1]
    return TEXLIVE_GUESSED


# The tree tlmgr is taken to manage where nothing shows it: install-tl's default, of its year
TEXLIVE_GUESSED = "/usr/local/texlive/*"
# A TeX Live tree's bin directory for one platform (`/usr/local/texlive/2024/bin/x86_64-linux`,
# `/opt/texlive/texdir/bin/default`, `~/.TinyTeX/bin/x86_64-linux`)
_TEXLIVE_BIN = re.compile(r"(/\S*?(?:tex|TeX)\S*?)/bin/[\w.-]+")


_BAZEL_FETCHES = frozenset(
    {"build", "test", "run", "fetch", "sync", "coverage", "query", "cquery", "aquery"}
)


def package_command(tool: str, words: tuple[str, ...]) -> tuple[str | None, bool, bool]:
    """(package manager family, installs packages, writes its download cache or index)."""
    sub = subcommand(words)
    if tool in _APT:
        installs = sub in ("install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep")
        if any(w in ("-d", "--download-only") for w in words):
            return "apt", False, False  # (the .debs are fetched, not installed)
        return "apt", installs, sub == "update"
    if tool == "gdebi":
        # (`gdebi -n x.deb`: the package file and what it depends on, through apt, whose
        # downloads the images' apt configuration cleans)
        return "apt", not any(w in ("-h", "--help", "--version") for w in words), False
    if tool == "apt-file":  # (`apt-file update` fetches the Contents indexes into the lists)
        return "apt", False, sub == "update"
    if (tool == "install.sh" and _ESP_IDF.search(words[0])) or (
        tool == "idf_tools.py" and sub == "install"
    ):
        asks = any(w in ("-h", "--help") for w in words[1:])
        return "espidf", not asks, not asks
    if tool == "code-server-install.sh":  # (`curl -fsSL https://code-server.dev/install.sh | sh`)
        installs = "--dry-run" not in words
        return "code-server", installs, installs
    if tool == "calibre-installer.sh":  # (`wget -nv -O- .../linux-installer.sh | sh /dev/stdin`)
        return "calibre", True, True
    if tool == "add-apt-repository":  # updates the index unless told not to, or removing
        quiet = _flagged(words, "n", "--no-update") or _flagged(words, "r", "--remove")
        return "apt", False, not quiet
    if tool == "paccache":  # (pacman-contrib's: it removes cached packages, never installs)
        return "pacman", False, False
    if tool == "makepkg":  # (`-s` installs the build's dependencies with pacman -S)
        syncs = _flagged(words, "s", "--syncdeps")
        return "pacman", syncs or _flagged(words, "i", "--install"), syncs
    if tool == "amazon-linux-extras":  # (`install nginx1.12`: its topic's packages, by yum)
        return "yum", sub == "install", sub == "install"
    if tool in ("pacman", "yay", "paru"):  # (the AUR helpers run pacman's own -S)
        syncs = any(
            (w.startswith("-S") and not w.startswith(("-Sc", "-Scc")) and not _queries_only(w))
            or w == "--sync"
            for w in words
        )
        upgrades = any(w.startswith("-U") or w == "--upgrade" for w in words)
        return "pacman", syncs or upgrades, syncs
    if tool == "xbps-install":
        # (`-S` alone syncs the index; packages, or `-u` with it, are downloaded and installed)
        installs = bool(_operands(words, _XBPS_VALUES)) or _flagged(words, "u", "--update")
        return "xbps", installs, installs or _flagged(words, "S", "--sync")
    if tool == "xbps-remove":
        return "xbps", False, False
    if tool == "swupd":  # (its bundles, and the update of the whole OS, by what it fetched)
        installs = sub in ("bundle-add", "update", "repair", "os-install")
        return "swupd", installs, installs
    if tool == "tlmgr":
        return "tlmgr", False, _tlmgr_reads_the_repository(words)
    if tool == "dpkg":
        return "apt", "-i" in words or "--install" in words, False
    if tool == "dpkg-deb" and (_dpkg_extracts(words) or {"-R", "--raw-extract"} & set(words)):
        return "apt", False, False  # (`dpkg-deb -x x.deb /opt`: unpacked, not installed)
    if tool == "alien" and any(w in ("-i", "--install") for w in words):
        return "apt", True, False  # (the .rpm made a .deb and installed)
    if tool == "apk":
        fetches = sub in ("add", "update", "upgrade", "fix")
        return "apk", sub in ("add", "upgrade", "fix"), fetches and not apk_without_cache(words)
    if tool == "yum-builddep":  # (yum-utils': it installs a package's build dependencies)
        return "yum", True, True
    if tool in _YUM:
        if sub in ("group", "groups") and sub in words:
            # (`dnf group install "Development Tools"`; not `dnf group remove ...`, which
            # fetches nothing; `group list` and `group info` read the metadata)
            inner = subcommand(words[words.index(sub) :])
            sub = {
                "install": "groupinstall",
                "update": "groupupdate",
                "upgrade": "groupupdate",
            }.get(inner, "groupremove" if inner in ("remove", "erase") else "list")
        installs = sub in (
            *("install", "update", "upgrade", "groupinstall", "reinstall", "in", "swap"),
            *("localinstall", "builddep", "groupupdate", "groupupgrade"),
            *("update-minimal", "upgrade-minimal", "install-n", "install-na", "install-nevra"),
        ) or (sub == "module" and bool(_MODULE_INSTALLS & set(words)))
        # (`dnf module enable nginx:1.22` installs nothing; it reads the repositories' metadata)
        fetches = installs or sub in (
            "makecache",
            "distro-sync",
            "distribution-synchronization",
            "dist-upgrade",
            "module",
        )
        # (and what reads the repositories' metadata: `dnf check-update`, `yum info`, `yum
        # updateinfo`, yum 3's `repolist`, which counts each repository's packages, not dnf's,
        # which names them unless told `-v`; not `yum list installed`, which reads the rpm
        # database, nor one told to use the cache, `-C`)
        reads = sub in (
            *("check-update", "list", "info", "search", "provides", "whatprovides"),
            *("repoinfo", "updateinfo"),
        ) or (
            sub == "repolist"
            and (posixpath.basename(tool) == "yum" or bool({"-v", "--verbose"} & set(words)))
        )
        local = bool({"installed", "--installed", "-C", "--cacheonly"} & set(words))
        fetches = fetches or (reads and not local and posixpath.basename(tool) != "zypper")
        if posixpath.basename(tool) == "zypper":
            # (zypper's own short names; `ref` fetches every repository's metadata)
            installs = installs or sub in ("up", "dup", "patch")
            fetches = fetches or installs or sub in ("ref", "refresh")
        if "--downloadonly" in words:
            return "yum", False, True
        return "yum", installs, fetches
    if tool == "rpm":
        first = words[1] if len(words) > 1 else ""
        return (
            "yum",
            first.startswith("-") and not first.startswith("--") and ("i" in first or "U" in first),
            False,
        )
    if tool in _PIP or tool.endswith("get-pip.py"):
        asks = any(w in ("-h", "--help", "-V", "--version") for w in words[1:])
        installs = (sub == "install" or tool.endswith("get-pip.py")) and not asks
        # (`pip wheel .` and `pip download` fetch, and build, through the same cache)
        return "pip", installs, installs or (sub in ("wheel", "download") and not asks)
    if tool == "install-poetry.py":  # (poetry into a venv of its own, by pip: pip's cache)
        return "pip", False, not any(w in ("--uninstall", "--path") for w in words)
    if tool == "pipenv":  # (it installs through pip, whose cache it leaves on)
        installs = sub in ("install", "sync")
        # (unless pip is told otherwise: `--extra-pip-args="--no-cache-dir"`)
        return "pip", installs, installs and not any("--no-cache-dir" in w for w in words)
    if tool == "pyproject-build" and not any(
        w in ("--no-isolation", "--installer") or (w[:1] == "-" and w[1:2] != "-" and "n" in w)
        for w in words[1:]
    ):
        # (`python -m build`: pip installs the build requirements into an isolated
        # environment, with its cache on; not with -n, `-nw` too, or another installer)
        return "pip", False, True
    if tool == "venv" and "--upgrade-deps" in words:
        # (`python -m venv --upgrade-deps /venv` runs the new environment's pip to upgrade pip
        # and setuptools, with pip's cache on)
        return "pip", False, True
    if tool == "pipx":
        # its own venvs, filled by `python -m pip --no-input install`: pip's cache, unless
        # --pip-args or PIP_NO_CACHE_DIR turn it off
        fetches = sub in ("install", "inject", "upgrade", "upgrade-all", "reinstall", "install-all")
        if sub == "runpip":  # (`pipx runpip VENV install x`: that venv's pip, as it is told)
            pip_words = _operands(words)[2:]
            installs = pip_words[:1] == ["install"] and "--no-cache-dir" not in pip_words
            return "pip", installs, installs
        return "pip", sub == "install", fetches
    if tool == "bench" and sub in ("init", "get-app", "setup"):
        # (Frappe's bench: `bench init` and `bench get-app` pip-install the apps into its env,
        # `bench setup requirements` their requirements, all with pip's cache on)
        fetches = sub != "setup" or "requirements" in words
        return "pip", fetches, fetches
    if tool in ("mim", "stoq"):
        # (OpenMMLab's installer, `mim install mmcv`, runs pip, options and all; stoQ's plugin
        # manager, `stoq install --github stoq:hash`, pip-installs the plugin and its
        # requirements)
        return "pip", sub == "install", sub == "install"
    if tool == "uv":
        second = subcommand(words[1:]) if sub in ("pip", "tool") else ""
        installs = sub in ("sync", "add") or second in ("install", "sync")
        # (`uv venv --seed` installs pip and setuptools through its cache; `uv build` fetches
        # the build backend, `uv lock` and `uv pip compile` the metadata they resolve)
        resolves = sub in ("build", "lock") or second == "compile"
        return "uv", installs, installs or resolves or (sub == "venv" and "--seed" in words)
    if tool == "poetry":  # (`poetry lock` resolves by fetching what it locks, into the cache)
        installs = sub in ("install", "add", "update")
        # (`poetry install --only-root`: the project alone, from its own directory)
        fetches = installs and "--only-root" not in words
        return "poetry", installs, fetches or (sub == "lock" and "--check" not in words)
    if tool == "pdm":  # (its wheels and HTTP caches; `pdm lock` resolves through them)
        installs = sub in ("install", "sync", "add", "update")
        return "pdm", installs, installs or (sub == "lock" and "--check" not in words)
    if tool == "npm":
        installs = sub in _NPM_INSTALLS or sub in _NPM_CLEAN_INSTALLS
        # (`npm cache add react vite`: it fills the cache on purpose, `npm pack` on the way)
        # (`npm pack` of a registry package, not of the project: `npm pack`, `npm pack ./x`)
        packs = sub == "pack" and any(not w.startswith((".", "/", "-")) for w in words[2:])
        fills = packs or (sub == "cache" and "add" in words)
        if (
            installs
            and _global(words)
            and sub not in ("update", "up", "upgrade")  # (`npm update -g`: every global one)
            and all(
                w.startswith((".", "/")) and not is_archive(w)
                for w in _operands(words, _PROJECT_VALUES)[1:]
            )
        ):
            # (`npm i -g` or `npm install -g .` in a project: a link to it, whose dependencies
            # are what its own node_modules holds; nothing is fetched. Not a tarball's install,
            # which npm caches.)
            return "npm", installs, fills
        fetches = sub in ("exec", "x") and (_fetches(words) or bool(npx_package(words)))
        return "npm", installs, installs or fills or fetches
    if tool == "npx":
        # (a plain one fetches unless the package is installed: `_npx_installed` in the model)
        return "npm", False, _fetches(words) or bool(npx_package(words))
    if tool == "jupyter":
        # (JupyterLab builds what `labextension install` adds with its own yarn, jlpm, whose
        # cache stays; with `--no-build` the build waits, but each extension is fetched by
        # `npm pack`, into npm's cache)
        adds = sub == "labextension" and "install" in words
        if adds and "--no-build" in words:
            return "npm", False, True
        # (JupyterLab 1 to 3's `labextension link .` builds too, unless told not to)
        links = sub == "labextension" and "link" in words and "--no-build" not in words
        return "yarn", False, adds or links or (sub == "lab" and "build" in words)
    if tool == "helm":
        # (`helm repo add` and `repo update` fetch the repositories' indexes into its cache, and
        # so does `dependency update` or `build` unless told not to refresh them; `pull` writes
        # the chart where it is told, and reads the index already there)
        refreshes = sub in ("dependency", "dep") and bool({"update", "up", "build"} & set(words))
        fetches = (sub == "repo" and bool({"add", "update", "up"} & set(words))) or (
            refreshes and "--skip-refresh" not in words
        )
        return "helm", False, fetches
    if tool in ("bazel", "bazelisk"):
        # (what builds, tests, runs or queries a target fetches the external repositories it
        # needs first, into the repository cache and the output base; bazelisk runs Bazel)
        return "bazel", False, sub in _BAZEL_FETCHES
    if tool == "opm":
        # (`opm get` fetches into its cache, and `opm upgrade` does too; `opm get` of nothing,
        # a question, `list`, `info`, `search`, fetches no package)
        fetches = sub in ("get", "upgrade", "update")
        return "opm", fetches, fetches
    if tool == "luarocks" or tool.startswith("luarocks-"):
        # (`luarocks install x`, `build`, `make`: the manifest and each rock it fetched stay in
        # its cache; `luarocks-5.1`, Debian's and Alpine's versioned names)
        fetches = sub in ("install", "build", "make")
        # (not the install of a rock file alone, built with its sources, whose dependencies
        # the images that do so have: `luarocks install /tmp/plugin-1.0-1.all.rock`)
        rocks = (
            [w for w in words[words.index(sub) + 1 :] if not w.startswith("-")] if fetches else []
        )
        # (not with --only-deps, which fetches what the rock needs and installs it not)
        if (
            sub == "install"
            and rocks[:1]
            and rocks[0].endswith(".rock")
            and "--only-deps" not in words
        ):
            fetches = False
        return "luarocks", fetches, fetches
    if tool == "pixi":
        # (an install, add, update or global install solves and fetches the packages into
        # rattler's cache, where pixi links them from)
        installs = sub in ("install", "add", "update", "upgrade") or (
            sub == "global" and "install" in words
        )
        return "pixi", installs, installs
    if tool == "ghost":
        # (Ghost-CLI's install and update run yarn install of Ghost's production dependencies
        # in the version they unpack: yarn's cache stays, as the official image's own `yarn
        # cache clean` after them shows)
        return "yarn", False, sub in ("install", "update")
    if tool == "invenio":
        # (Invenio's `webpack buildall` and `webpack install` run npm install in the
        # instance's assets directory: npm's cache stays)
        return "npm", False, sub == "webpack" and bool({"buildall", "install"} & set(words))
    if tool in ("yarn", "jlpm"):
        asks = any(w in ("-v", "--version", "-h", "--help") for w in words)
        installs = (
            # (`yarn upgrade`, Yarn 2's `yarn up`: they fetch the new versions and install)
            (sub in ("", "install", "add", "upgrade", "up") and not asks)
            or (sub == "global" and ("add" in words or "upgrade" in words))
            or (sub == "workspaces" and "focus" in words)  # Yarn 2+: install for a workspace
        )
        return "yarn", installs, installs
    if tool == "pnpm":
        installs = sub in ("install", "i", "add", "fetch")
        # (`pnpm dlx turbo prune`: it fetches the package into pnpm's store and cache, never
        # the project's; pnpx is its other name, and `pnpm create vite` runs create-vite so)
        return "pnpm", installs, installs or sub in ("dlx", "create")
    if tool == "pnpx":
        return "pnpm", False, True
    if tool == "bun":  # (not `bun run`, `bun build`: what the project has, nothing fetched)
        installs = sub in ("install", "i", "add", "a", "update") and not {"-h", "--help"} & set(
            words
        )
        # (`bun x`, bunx, as npx: a plain one fetches unless the project holds the package)
        runs = sub == "x" and (_fetches(words) or bool(npx_package(words)))
        return "bun", installs, installs or runs
    if tool == "bunx":
        return "bun", False, _fetches(words) or bool(npx_package(words))
    if tool in _CONDA:
        installs = sub in ("install", "create", "update") or (
            sub == "env" and ("create" in words or "update" in words)
        )
        return "conda", installs, installs
    if tool == "gem":  # (`gem i` is install)
        return "gem", sub in ("install", "i", "update"), sub in ("install", "i", "update")
    if tool == "bundle":  # it keeps each .gem it downloads in <gem dir>/cache, as gem does
        # (a bare `bundle` is `bundle install`: Bundler's, not a project's `./scripts/bundle`)
        asks = any(w in ("-v", "--version", "-h", "--help") for w in words)
        bundler = "/" not in words[0] or in_a_bin_dir(words[0])
        # (`bundle update` resolves the Gemfile again and installs what it resolved)
        installs = sub in ("install", "update") or (sub == "" and bundler and not asks)
        return (
            "gem",
            installs,
            installs and not any(w in ("--local", "--prefer-local") for w in words),
        )
    if tool == "terminus" and sub in _TERMINUS_PLUGIN_INSTALLS:
        # (Pantheon's Terminus 3 installs a plugin with composer require in its plugins
        # directory: composer's cache keeps the plugin and what it requires)
        return "composer", True, True
    if tool == "composer":
        sub = _composer_command(words)
        # (`composer require --no-update` only edits composer.json: nothing is fetched)
        installs = sub in ("install", "require", "update", "create-project") and not (
            sub == "require" and "--no-update" in words
        )
        return "composer", installs, installs and "--no-cache" not in words
    if tool == "cargo":
        if sub.startswith("+"):  # (rustup's toolchain first: `cargo +stable install wasm-pack`)
            sub = subcommand(words[:1] + words[2:]) if words[1:2] == (sub,) else ""
        # (cargo-deb's `cargo deb` and cargo-rpm's `cargo rpm build` run a release build; test,
        # run, check and the like build too, fetching the crates into the registry)
        builds = sub in _CARGO_FETCHING or (sub == "rpm" and "build" in words)
        # (cargo-chef's `cook`, cargo-nextest's `run` and `list`, cargo-leptos' `build` build
        # the project's crates too)
        then = subcommand(words[words.index(sub) :]) if sub in words else ""
        # (not nextest's run or list of an archive's tests: built elsewhere, nothing fetched)
        archived = any(w.startswith("--archive-file") for w in words) and then != "archive"
        builds = builds or ((sub, then) in _CARGO_PLUGIN_BUILDS and not archived)
        # (`--offline` and `--frozen` fetch nothing; `-h` asks; not what follows `--`, which is
        # the program's own: `cargo run -- --help`)
        own = words[: words.index("--")] if "--" in words else words
        builds = builds and not {"--offline", "--frozen", "-h", "--help"} & set(own)
        return "cargo", sub == "install", builds
    if tool == "cargo-leptos":  # (called by its own name: `cargo-leptos build --release`)
        builds = ("leptos", sub) in _CARGO_PLUGIN_BUILDS and not {"-h", "--help"} & set(words)
        return "cargo", False, builds and "--offline" not in words
    if tool in ("maturin", "wasm-pack"):  # (they run `cargo build`, fetching through its cache)
        return "cargo", False, sub in ("build", "develop", "publish", "test")
    if tool == "go":  # (`go test`, `go run` and `go vet` build too, fetching what they need)
        return (
            "go",
            sub == "install",
            sub in GO_BUILDS
            or sub == "get"
            # (`go mod tidy` and `go mod vendor` fetch the modules they resolve, as download does)
            or (sub == "mod" and bool({"download", "tidy", "vendor"} & set(words))),
        )
    if tool in ("flutter", "cordova", "ionic") and {"build", "compile"} & set(words):
        # (an Android build runs the project's Gradle wrapper: `flutter build apk`, `flutter
        # build appbundle`, `cordova build android`, `ionic cordova build android`; not the
        # web or iOS builds, nor `ionic build`, the web framework's)
        at = next(i for i, w in enumerate(words) if w in ("build", "compile"))
        target = next((w for w in words[at + 1 :] if not w.startswith("-")), "")
        android = target in ("apk", "appbundle", "aab", "aar", "android")
        return "gradle", False, android and (tool != "ionic" or "cordova" in words)
    if tool in _JVM_BUILDS:
        # (`mvn -v`, `gradle --version`, an offline build: nothing is fetched; `./mvnw -v`
        # fetches Maven itself, not the repository. `mvn install` puts what it built in the
        # local repository, for the builds that come after: there it is what the RUN makes;
        # so does `mvn install:install-file -Dfile=ojdbc8.jar ...`, the install plugin's goal.)
        installs_built = _installs(words)
        # (sbt's -v is verbose, its version -V: `sbt -v -sbt-create about` boots and fetches)
        questions = SBT_QUESTIONS if tool == "sbt" else _JVM_ASKS
        asks = any(w in questions for w in words) or (
            (tool.startswith("mvn") or tool == "lein") and installs_built
        )
        if tool == "lein" and _lein_task(words) in _LEIN_OWN:
            # (`lein self-install`: Leiningen's own jar, in ~/.lein, not ~/.m2; `lein clean`
            # loads no dependency)
            asks = True
        return _JVM_BUILDS[tool], False, len(words) > 1 and not asks
    if tool == "dotnet":
        # (a build, test, run or publish restores the project's packages first, unless told
        # not to; a tool is fetched as a package too)
        second = subcommand(words[1:]) if sub in ("tool", "add") else ""
        restores = sub in _DOTNET_RESTORES and "--no-restore" not in words
        tools = sub == "tool" and second in ("install", "update", "restore")
        return "nuget", tools, restores or tools or (sub == "add" and second == "package")
    if tool in ("pecl", "pear"):
        # (an upgrade downloads and builds the newer release as an install does)
        fetches = sub in ("install", "upgrade", "upgrade-all")
        # (pear's packages are PHP files, built nowhere: one from a local tarball or
        # package.xml, `pear install CAS-1.6.1.tgz`, fetches nothing; pecl builds it in /tmp/pear)
        files = _operands(words)[1:]
        local = bool(files) and all(
            w.endswith((".tgz", ".tar", ".tar.gz", ".tar.bz2", ".xml")) and "://" not in w
            for w in files
        )
        return "pecl", fetches, fetches and not (tool == "pear" and local)
    if tool == "stack":  # (a build, its tests or an install fetch the packages first)
        fetches = sub in ("build", "install", "test", "bench", "setup", "haddock", "update")
        return "stack", sub == "install", fetches
    if tool == "cabal":
        # (`cabal v2-install`, `new-update`: the same commands under their versioned names)
        v1 = sub.startswith("v1-")
        sub = sub.removeprefix("v1-").removeprefix("v2-").removeprefix("new-")
        # (cabal 3's builds fetch the project's dependencies first; v1's use what is there)
        builds = sub in ("build", "run", "test", "bench", "haddock") and not v1
        return "cabal", sub == "install", sub in ("update", "install") or builds
    if tool in _LITTLER:
        asks = any(w in ("-h", "--help", "--usage") for w in words)
        return "littler", not asks, not asks
    if tool in ("R", "Rscript") and _pak_installs(_r_code(words)):
        return "pak", True, True  # (`R -e 'pak::pkg_install("plumber")'`)
    if tool in ("R", "Rscript", "r") and _renv_fetches(_r_code(words)):
        return "renv", False, True  # (`R -e 'renv::restore()'`: into the project's library)
    if tool == "make":  # (`make install-strip` installs as `make install` does, stripped)
        return "make", bool(_MAKE_INSTALLS & set(words[1:])), False
    if tool == "cmake" and "--install" in words:  # (cmake 3.15's install of a build directory)
        return "make", True, False
    if (
        tool == "cmake"
        and "--build" in words
        and _option_value(words, "-t", "--target") in _CMAKE_INSTALLS
    ):
        return "make", True, False  # (`cmake --build build --target install`: its install rule)
    if tool in ("ninja", "samu") and "install" in _operands(words, _NINJA_VALUES):
        return "make", True, False
    if tool in ("meson", "muon") and sub == "install":
        return "make", True, False
    if tool == "nvm":  # (a shell function nvm.sh defines; it keeps each tarball it fetched)
        return "nvm", sub == "install", sub == "install"
    if tool == "dep":  # (golang/dep clones each dependency into its cache, then vendor/)
        return "dep", False, sub in ("ensure", "init")
    if tool == "volta":  # (it keeps each tool's tarball beside the unpacked image)
        return "volta", sub in ("install", "fetch"), sub in ("install", "fetch")
    if tool == "cpan":  # (CPAN.pm: `cpan Log::Log4perl`, `cpan -i X`; not `cpan -l`, `-a`)
        told = not {"-l", "-a", "-D", "-h", "-v", "-V", "-O", "-J", "-P"} & set(words)
        given = told and len(_operands(words)) > 0
        return "cpan", given, given
    if tool == "carton":  # (its install runs cpanm for every module of the cpanfile)
        return "cpanm", sub == "install", sub == "install"
    if tool == "dzil" and sub == "install":
        # (Dist::Zilla installs the distribution it built with `cpanm .`, or the command it
        # is given: `--install-command "cpanm --notest ."`; not `make install`)
        command = (_option_value(words, "", "--install-command") or "cpanm").split()
        runs = posixpath.basename(command[0]) == "cpanm" if command else False
        return ("cpanm", True, True) if runs else (None, False, False)
    if tool == "install-module.pl":  # (Bugzilla's: CPAN.pm, `--all` or modules by name)
        given = bool(_operands(words)) or bool({"--all", "-all"} & set(words))
        return "bugzilla", given, given
    if tool == "spago":  # (an install or a build fetches the packages spago.dhall names)
        # (not told to skip its global cache: `--global-cache skip`, legacy spago's)
        skips = "--global-cache=skip" in words or (
            "--global-cache" in words
            and words[words.index("--global-cache") + 1 :][:1] == ("skip",)
        )
        fetches = sub in ("install", "build", "bundle-app", "bundle-module", "run") and not skips
        return "spago", False, fetches
    if tool in ("grape", "gremlin-server.sh", "gremlin-server") and (
        sub in ("install", "resolve") or words[1:2] == ("-i",)
    ):
        # (`bin/gremlin-server.sh install org.apache.tinkerpop gremlin-python 3.4.0`, `-i`
        # before TinkerPop 3.3: through Grape; `grape list` fetches nothing; nor into the
        # default cache with `-Dgrape.root=/tmp/grapes`, which the RUN names itself)
        return "grape", False, not any(w.startswith("-Dgrape.root=") for w in words)
    if tool == "suricata-update":
        # (its default command updates the rules; listing does not, and `update-sources` fetches
        # only the sources' index, which its later commands read as its own data)
        quiet = bool({"--offline", "-V", "--version", "-h", "--help"} & set(words))
        fetches = sub in ("", "update") and not quiet
        return "suricata-update", False, fetches
    if tool == "nimble":  # (`nimble update`, and an install that finds no list, fetch it)
        fetches = sub in ("update", "refresh", "install", "build", "develop")
        return "nimble", sub in ("install", "develop"), fetches
    if tool == "shards":  # (`shards install`, `update`; `shards build` runs the compiler)
        if sub == "build":
            return "crystal", False, True
        return "shards", sub in ("install", "update"), sub in ("install", "update")
    if tool == "crystal":  # (`crystal build`, `run`, `spec`: the compiler's cache)
        return "crystal", False, sub in ("build", "run", "spec")
    if tool == "gleam":  # (a build fetches the Hex packages manifest.toml names, first)
        return "gleam", False, sub in _GLEAM_BUILDS
    if tool == "rebar3":  # (`rebar3 as prod release`, `./rebar3 compile`: deps from Hex)
        return "rebar3", False, sub in _REBAR3_BUILDS
    if tool == "mix":  # (`mix deps.get`, `mix do deps.get, compile`: Hex keeps each tarball)
        fetches = any(w.rstrip(",") in ("deps.get", "deps.update") for w in words[1:])
        # (and an archive or escript installed from Hex, `mix archive.install hex phx_new`,
        # fetched as a dependency is; not from a path, a URL, git or GitHub)
        # (also one task of `mix do`: `mix do local.rebar --force, archive.install hex phx_new`)
        from_hex = any(
            operands[0] in ("archive.install", "escript.install")
            and operands[1:2] == ["hex"]
            and len(operands) > 2
            for operands in _mix_tasks(words)
        )
        return "hex", False, fetches or from_hex
    if tool == "arduino-cli" and sub == "cache":  # (`arduino-cli cache clean`)
        return "arduino-cli", False, False
    if tool == "arduino-cli" and sub in ("core", "lib"):
        # (`arduino-cli core install esp32:esp32`, `lib install WiFiNINA`: fetched into its
        # downloads; not a library from a local zip or a git URL)
        second = subcommand(words[words.index(sub) :])
        local = any(w.startswith(("--zip-path", "--git-url")) for w in words)
        installs = second in ("install", "upgrade") and not local
        return "arduino-cli", installs, installs
    if tool == "cpm":  # (`cpm install -g X`: its tarballs and builds stay in ~/.perl-cpm)
        return "cpm", sub == "install", sub == "install"
    if tool == "perlbrew":  # (`perlbrew install perl-5.36.0`; `perlbrew clean` removes them)
        fetches = sub in ("install", "install-multiple", "download")
        return "perlbrew", sub in ("install", "install-multiple"), fetches
    if tool == "cpanm":  # (it keeps each module's unpacked source and build under ~/.cpanm)
        asks = any(w in ("--info", "--look", "-V", "--version", "-h", "--help") for w in words)
        given = len(_operands(words)) > 0 or "--self-upgrade" in words  # (App::cpanminus)
        return "cpanm", given and not asks, given and not asks
    if tool in ("opam", "brew", "bower"):
        # (`opam install` keeps the sources it fetched; `opam init` checks out the repository,
        # opam's working state)
        installs = sub in ("install", "upgrade", "reinstall")
        if tool == "opam":
            # (a new switch is a compiler installed from source: `opam switch create 4.14.0`;
            # `opam pin add` installs the package pinned and what it depends on, unless told
            # not to act, `-n`)
            pins = False
            if sub == "pin" and sub in words:
                rest = [w for w in words[words.index(sub) + 1 :] if not w.startswith("-")]
                adds = rest[:1] == ["add"] or (bool(rest) and rest[0] not in OPAM_PIN_VERBS)
                pins = adds and not _flagged(words, "n", "--no-action")
            # (and `opam init`, which creates its first switch, with the compiler it is given
            # or the default one; not with `--bare`, which only fetches the index)
            compiler = sub == "init" and (
                opam_compiler_given(words) or not {"--bare", "--show-opamrc"} & set(words)
            )
            installs = installs or (sub == "switch" and "create" in words) or pins or compiler
            installs = installs and not _OPAM_PRETENDS & set(words)
        return tool, installs, installs
    if tool in ("emerge", "emerge-webrsync"):
        # (`emerge --sync` and emerge-webrsync fetch the repository tree, Portage's index;
        # an emerge of packages keeps their sources, a binary package's too, in distfiles)
        asks = bool({"-p", "--pretend", "-s", "--search", "--info", "-h", "--help"} & set(words))
        told = not {"-c", "--depclean", "-C", "--unmerge", "--sync"} & set(words)
        installs = tool == "emerge" and bool(_operands(words)) and told and not asks
        syncs = tool == "emerge-webrsync" or "--sync" in words
        return "portage", installs, installs or syncs
    if tool in ("eclean", "eclean-dist"):
        return "portage", False, False
    if tool == "ros":  # (Roswell: a Lisp's archive, or a system's through Quicklisp)
        return "roswell", sub == "install", sub == "install"
    if tool == "spack":  # (`spack install openmpi`: each source tarball stays in its cache)
        return "spack", sub == "install", sub in ("install", "fetch")
    if tool == "winetricks":  # (a verb that installs downloads; a setting, `win10`, does not)
        verbs = [w for w in _operands(words) if _WINETRICKS_DOWNLOADS.match(w)]
        told = not {"-V", "--version", "-h", "--help"} & set(words)
        return "winetricks", False, bool(verbs) and told
    if tool in ("nuget", "nuget.exe"):  # (Mono's NuGet client: NuGet's caches, as dotnet's)
        direct = any(w.lower() == "-directdownload" for w in words)  # (it fills no cache)
        return "nuget", sub == "install", sub in ("restore", "install") and not direct
    if tool == "luet":  # (Kairos' and cOS' package manager)
        return "luet", sub in ("install", "upgrade"), sub in ("install", "upgrade")
    if tool == "ruby-install":  # (its --cleanup removes the tarball and the build tree)
        given = bool(_operands(words)) and not {"-V", "--version", "-h", "--help"} & set(words)
        return "ruby-install", given, given and not {"-c", "--cleanup"} & set(words)
    if tool in ("sdk", "rvm"):
        # (`sdk install java 17.0.9-tem /opt/jdk` installs a local copy: nothing is fetched)
        local = tool == "sdk" and len(_operands(words)) > 3
        fetches = sub == "install" and not local
        # (`rvm get stable` keeps rvm's own release tarball in archives/, as its installer does)
        gets = tool == "rvm" and sub == "get"
        return ("sdkman" if tool == "sdk" else "rvm"), fetches, fetches or gets
    if tool == "snakemake":  # (its rules' environments, made by conda or mamba)
        conda = "--use-conda" in words or any(
            w in ("--sdm", "--software-deployment-method") and words[at + 1 : at + 2] == ("conda",)
            for at, w in enumerate(words)
        )
        # (in the project's .snakemake/conda: nothing installed in the system)
        return "conda", False, conda and not {"-n", "--dry-run", "--dryrun"} & set(words)
    if tool == "kerl":  # (`build` fetches and builds a release, `install` copies a build out)
        builds = sub in ("build", "build-install")
        return "kerl", builds or sub == "install", builds
    if tool == "n":  # (`n lts`, `n 20.11.1`, `n install stable`: a version, or a word for one)
        installs = bool(sub) and sub not in _N_COMMANDS
        fetches = installs or sub == "download"
        return "n", installs, fetches and "--cleanup" not in words
    return None, False, False


def _cache_off(family: str, words: tuple[str, ...], env: Mapping[str, str]) -> bool:
    if family == "pip" and ("--no-cache-dir" in words or "--no-cache" in words):
        return True  # pip takes unambiguous prefixes of its long options
    if family == "pip" and any(w.startswith("--pip-args=") and "--no-cache" in w for w in words):
        return True  # (pipx's `--pip-args=--no-cache-dir`)
    if family == "pip" and "--no-deps" in words and _nothing_downloaded(words):
        return True  # a checkout or a local file, and no dependencies: nothing is fetched
    if family == "uv" and any(w in ("--no-cache", "--no-cache-dir", "-n") for w in words):
        return True  # (uv takes pip's spelling as an alias)
    if family == "poetry" and "--no-cache" in words:
        return True
    if family == "pip" and "--no-index" in words:
        # local wheels and --find-links only: nothing is fetched, unless a link is a page on
        # the web (`-f https://data.pyg.org/whl/torch-1.11.0+cu113.html`), whose wheels pip
        # downloads through its cache (the variable's links are split on whitespace)
        links = [
            *_option_values(words, "-f", "--find-links"),
            *env.get("PIP_FIND_LINKS", "").split(),
        ]
        if not any(re.match(r"https?://", link) for link in links):
            return True
    if family in ("npm", "pnpm", "yarn") and "--offline" in words:
        return True  # (what the cache or store already holds only: nothing is fetched into it)
    if family == "npm" and any(w.startswith("--cache=/tmp") for w in words):
        return False
    for name in _NO_CACHE_VARS.get(family, ()):
        value = env.get(name, "").lower()
        # pip reads any set value as "off", even "false" (pypa/pip#5735).
        if value and (family == "pip" or value not in ("0", "false", "no", "off")):
            return True
    return any(
        env.get(name, "").startswith(_NO_CACHE_PATHS) for name, _ in _CACHE_VARS.get(family, ())
    )


def _nothing_downloaded(words: tuple[str, ...]) -> bool:
    """Every requirement `pip install --no-deps` names is a wheel file (`./dist/x.whl`), or a
    local path or VCS URL built without isolation: none goes through pip's HTTP cache. (A
    build in isolation, `pip install --no-deps .`, first fetches its build requirements,
    setuptools and the like, from the index; pip keeps the wheel it builds from a checkout
    only when the URL pins a commit, `@<40 hex digits>`.)"""
    wanted = _operands(words, frozenset({"-c", "--constraint", "-i", "--index-url"}))[1:]
    local = ("/", "./", "../", "file:")
    built_here = "--no-build-isolation" in words
    return (
        bool(wanted)
        and not any(w in ("-r", "--requirement") or w.startswith("-r") for w in words)
        and all(
            (w.startswith(local) and w.endswith(".whl"))
            or (built_here and (w == "." or w.startswith(local)))
            or (built_here and w.startswith(("git+", "hg+", "svn+", "bzr+")) and not _pinned(w))
            for w in wanted
        )
    )


def requirement_files(command: Command) -> tuple[str, list[str]]:
    """The command text its ops carry (`pip install -r x` of `python -m pip install -r x`) and
    the requirements files a `pip install` (or `uv pip install`) reads when it names nothing
    else and upgrades nothing, a `bundle install` (or a `bundle update`) its Gemfile and lock,
    or `mix deps.get` mix.exs and mix.lock; no files otherwise."""
    tool, words = tool_and_args(command)
    text = " ".join(words)
    if posixpath.basename(command.words[0]) == "sudo":
        return text, []
    if tool == "mix" and _fetches_deps_alone(words):
        # (mix fetches what mix.lock pins into deps/: again, it finds them all there)
        read = [resolve_path(f, command.cwd) for f in ("mix.exs", "mix.lock")]
        return text, [f for f in read if f is not None] if all(read) else []
    if tool == "bundle" and (
        subcommand(words) == "update"
        or (
            subcommand(words) == "install"
            and not _operands(_without_groups(words), _VALUE_OPTIONS["bundle"])[1:]
        )
    ):
        # (Bundler's install reads the Gemfile and its lock, in the directory or by --gemfile;
        # `bundle update`, of the gems it names or all, installs the whole bundle it locks)
        given = dict(command.assignments).get("BUNDLE_GEMFILE")  # (`BUNDLE_GEMFILE=x bundle`)
        gemfile = _option_value(words, "", "--gemfile") or given or "Gemfile"
        read = [resolve_path(f, command.cwd) for f in (gemfile, f"{gemfile}.lock")]
        return text, [f for f in read if f is not None] if all(read) else []
    pip = words[1:] if tool == "uv" and words[1:2] == ("pip",) else words
    if (tool not in _PIP and pip is words) or subcommand(pip) != "install":
        return text, []
    if _REINSTALLS & set(pip):
        return text, []
    files = list(_option_values(pip, "-r", "--requirement"))
    if _operands(pip, _PIP_VALUED)[1:]:
        return text, []  # (a package named beside the files)
    resolved = [resolve_path(f, command.cwd) for f in files]
    return text, [f for f in resolved if f is not None] if all(resolved) else []


class LockedInstall(NamedTuple):
    """An install of a project's locked dependencies (`poetry install`, `yarn`) where it runs."""

    text: str  # the command text its ops carry
    tool: str
    files: tuple[str, ...]  # the manifest and lock it reads, absolute
    # Its options, `--opt=value` for one with a value: those that may change what it fetches
    # or where it installs, those that add a part of the project (`--extras=worker`), and
    # those that leave one out (`--production`, `--without=dev`)
    options: frozenset[str]
    adds: frozenset[str]
    narrowing: frozenset[str]
    flags: frozenset[str]  # every option as given, but those yarn's integrity check ignores
    # It installs again when its flags change (yarn's integrity check), fetching what its cache
    # no longer holds
    refetches: bool


def locked_install(command: Command) -> LockedInstall | None:
    """The install of a project's locked dependencies that `command` is: `poetry install`,
    `yarn` or `yarn install`, `pnpm install` or `npm install` naming no package, `pipenv
    install` naming none or `pipenv sync`, `uv sync`. None for anything else, for one pointed
    at another directory, and for `npm ci`, which removes node_modules and installs all again.
    Options that change nothing of what it fetches (`--no-root`, `--ignore-scripts`) are left
    out."""
    tool, words = tool_and_args(command)
    known = _LOCKED.get(tool)
    if known is None or command.cwd is None:
        return None
    options: set[str] = set()
    flags: set[str] = set()
    operands: list[str] = []
    at = 1
    while at < len(words):
        word = words[at]
        name, _, value = word.partition("=")
        name = _LOCKED_SPELLINGS.get(name, name)
        if name in known.valued and not value and at + 1 < len(words):
            value = words[at + 1]
            at += 1
        at += 1
        if not word.startswith(("-", "$")):
            operands.append(word)
            continue
        flags.add(f"{name}={value}" if value else name)
        if name in _ELSEWHERE and name not in known.narrowing:
            return None  # (`yarn --cwd web`, `poetry -C sub install`: another project)
        elif name not in known.neutral:
            # (and a variable's words, `$POETRY_ARGS`, as an option of their own)
            options.add(f"{name}={value}" if value else name)
    if not operands and "" in known.subcommands:
        operands = [""]
    if len(operands) != 1 or operands[0] not in known.subcommands:
        return None  # (`yarn add x`, `npm install x`: a package of its own)
    # (its own settings, `NODE_ENV=production npm install`, as options of their own)
    options |= {f"{k}={v}" for k, v in command.assignments}
    adds = {o for o in options if o.split("=", 1)[0] in known.adds}
    # (poetry's `--only deploy` takes a group a default install may have left out, an optional
    # one, as `--with` does: its main group is never optional)
    adds |= {
        o for o in options if tool == "poetry" and o.startswith("--only=") and o != "--only=main"
    }
    narrowing = {o for o in options if {o, o.split("=", 1)[0]} & known.narrowing}
    return LockedInstall(
        " ".join(words),
        tool,
        tuple(resolve_path(f, command.cwd) or "" for f in known.files),
        frozenset(options - adds - narrowing),
        frozenset(adds),
        frozenset(narrowing),
        frozenset(flags - _YARN_UNCHECKED),
        tool == "yarn",
    )


class _Locked(NamedTuple):
    files: tuple[str, str]  # the manifest and the lock
    subcommands: frozenset[str]  # those that install them ('' for the tool alone)
    valued: frozenset[str]  # the options that take a value
    neutral: frozenset[str]  # those that change nothing of what it fetches
    adds: frozenset[str]  # those that add a part of the project
    narrowing: frozenset[str]  # those that leave a part out


_LOCKED = {
    "poetry": _Locked(
        ("pyproject.toml", "poetry.lock"),
        frozenset({"install"}),
        frozenset({"--extras", "--with", "--without", "--only"}),
        frozenset({"--no-root", "--no-interaction", "--no-ansi", "--ansi", "--quiet", "-v"})
        | {"-vv", "-vvv", "--verbose", "--compile", "--no-directory", "--no-plugins"}
        | {"--no-cache", "--sync"},
        frozenset({"--extras", "--with", "--all-extras", "--all-groups"}),
        frozenset({"--no-dev", "--without", "--only", "--only-root"}),
    ),
    "yarn": _Locked(
        ("package.json", "yarn.lock"),
        frozenset({"", "install"}),
        frozenset({"--network-timeout", "--mutex", "--cache-folder"}),
        frozenset({"--frozen-lockfile", "--immutable", "--pure-lockfile", "--ignore-scripts"})
        | {"--non-interactive", "--silent", "-s", "--no-progress", "--prefer-offline"}
        | {"--offline", "--ignore-engines", "--check-files", "--network-timeout", "--mutex"}
        | {"--cache-folder", "--inline-builds"},
        frozenset(),
        frozenset({"--production", "--prod", "--ignore-optional", "NODE_ENV=production"}),
    ),
    "pnpm": _Locked(
        ("package.json", "pnpm-lock.yaml"),
        frozenset({"install", "i"}),
        frozenset({"--reporter", "--store-dir"}),
        frozenset({"--frozen-lockfile", "--prefer-offline", "--offline", "--ignore-scripts"})
        | {"--silent", "--reporter", "--store-dir"},
        frozenset(),
        frozenset({"--prod", "-P", "--production", "NODE_ENV=production"}),
    ),
    "npm": _Locked(
        ("package.json", "package-lock.json"),
        frozenset({"install", "i"}),
        frozenset({"--loglevel", "--cache", "--registry"}),
        frozenset({"--ignore-scripts", "--no-audit", "--no-fund", "--silent", "--quiet", "-q"})
        | {"--no-progress", "--prefer-offline", "--offline", "--loglevel", "--cache"},
        frozenset(),
        frozenset({"--production", "--omit=dev", "--only=prod", "--only=production"})
        | {"--omit=optional", "--no-optional", "NODE_ENV=production"},
    ),
    "pipenv": _Locked(
        ("Pipfile", "Pipfile.lock"),
        frozenset({"install", "sync"}),
        frozenset({"--categories"}),
        frozenset({"--deploy", "--ignore-pipfile", "--verbose", "-v", "--quiet", "-q"}),
        frozenset({"--dev", "--categories"}),
        frozenset(),
    ),
    "uv": _Locked(
        ("pyproject.toml", "uv.lock"),
        frozenset({"sync"}),
        frozenset({"--extra", "--group", "--only-group", "--no-group", "--link-mode"})
        | {"--python", "-p", "--package"},
        frozenset({"--frozen", "--locked", "--compile-bytecode", "--quiet", "-q"})
        | {"--no-progress", "--offline", "--no-cache", "--link-mode"},
        frozenset({"--extra", "--group", "--all-extras", "--all-groups", "--dev"}),
        # (and the project left out: built later, its build backend is fetched)
        frozenset({"--no-dev", "--only-group", "--no-group", "--no-default-groups"})
        | {"--no-install-project", "--no-install-workspace"},
    ),
}
# Yarn's options its integrity check does not compare (a change of these installs nothing)
_YARN_UNCHECKED = frozenset(
    {"--frozen-lockfile", "--pure-lockfile", "--non-interactive", "--silent", "-s"}
    | {"--no-progress", "--prefer-offline", "--offline", "--network-timeout", "--mutex"}
)
# Options that move the project elsewhere
_ELSEWHERE = frozenset(
    {"-C", "--directory", "-P", "--project", "--cwd", "--prefix", "--modules-folder", "--dir"}
)
_LOCKED_SPELLINGS = {"-E": "--extras", "-D": "--dev", "-d": "--dev", "-n": "--no-interaction"}


def _without_groups(words: tuple[str, ...]) -> tuple[str, ...]:
    """Bundler's words less `--without` and `--with` and the groups they list, every word up to
    the next option (`--without=sqlite mysql`, `--without development test`)."""
    kept: list[str] = []
    listing = False
    for word in words:
        if word.startswith("-"):
            listing = word.split("=", 1)[0] in ("--without", "--with")
            if listing:
                continue  # (the option itself, with what it lists)
        elif listing:
            continue
        kept.append(word)
    return tuple(kept)


_REINSTALLS = frozenset({"-U", "--upgrade", "--force-reinstall", "-I", "--ignore-installed"})
# pip's (and uv's) options that take a value as the next word
_PIP_VALUED = frozenset(
    {"-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url"}
    | {"-f", "--find-links", "-t", "--target", "--prefix", "--root", "--python", "-p"}
    | {"--cache-dir", "--trusted-host"}
)


def _pinned(url: str) -> bool:
    commit = url.split("#", 1)[0].rpartition("@")[2]
    return len(commit) == 40 and all(c in "0123456789abcdef" for c in commit)


def _edits_composer_json(words: tuple[str, ...], variables: Mapping[str, str]) -> bool:
    """`composer require` or `remove` of the project (not `global`'s, a dry run's, or one
    whose COMPOSER variable names another file)."""
    return (
        _composer_command(words) in ("require", "remove")
        and subcommand(words) != "global"
        and "--dry-run" not in words
        and "COMPOSER" not in variables
    )


def _composer_command(words: tuple[str, ...]) -> str:
    """composer's command, also under `global` (`composer global clear-cache`) and under
    composer-bin-plugin's namespaces (`composer global bin phpstan require phpstan/phpstan`)."""
    sub = subcommand(words)
    if sub == "global":
        words = words[words.index("global") :]
        sub = subcommand(words)
    if sub == "bin" and len(words) > words.index("bin") + 2:
        sub = subcommand(words[words.index("bin") + 1 :])
    return _COMPOSER_ALIASES.get(sub, sub)


# composer's aliases of its commands, and the shortenings its console takes (`composer req`)
_COMPOSER_ALIASES = {
    **{"i": "install", "u": "update", "upgrade": "update", "r": "require", "req": "require"},
    **{"rm": "remove", "uninstall": "remove"},
}


def _fetches_no_module(words: tuple[str, ...], variables: Mapping[str, str]) -> bool:
    """A go command that fetches no module: one that builds the standard library Go ships
    (`go install -a -installsuffix cgo std`), a vendored build (`-mod=vendor`, also from
    GOFLAGS) or one told not to download (GOPROXY=off); it fills the build cache alone."""
    flags = (*words, *variables.get("GOFLAGS", "").split())
    if _option_value(flags, "", "-mod") == "vendor" or variables.get("GOPROXY") == "off":
        return True
    packages = _operands(words, _GO_VALUE_OPTIONS)[1:]
    return bool(packages) and set(packages) <= {"std", "cmd"}


# The go build flags that take a value as the next word (`go help build`).
_GO_VALUE_OPTIONS = frozenset(
    f"-{name}"
    for name in (
        *("C", "o", "p", "asmflags", "buildmode", "buildvcs", "compiler", "gccgoflags"),
        *("gcflags", "installsuffix", "ldflags", "mod", "modfile", "overlay", "pgo", "pkgdir"),
        *("tags", "toolexec", "exec", "covermode", "coverpkg", "run", "bench", "count", "timeout"),
    )
)


def go_build_cache(variables: Mapping[str, str], home: str = "") -> str:
    """Where go keeps its build cache: GOCACHE, or go-build in XDG_CACHE_HOME (Go's user cache
    directory), or .cache/go-build in `home` (the user's, `~`, when not given)."""
    xdg = variables.get("XDG_CACHE_HOME", "")
    if variables.get("GOCACHE"):
        return variables["GOCACHE"]
    if xdg.startswith("/") and "$" not in xdg:
        return xdg.rstrip("/") + "/go-build"
    return home.rstrip("/") + "/.cache/go-build" if home else home_path("~/.cache/go-build")


def _cleans(family: str, tool: str, words: tuple[str, ...]) -> bool:
    """A command that empties the family's cache: `apt-get dist-clean`, `yum clean all`, ..."""
    sub = subcommand(words)
    if family == "arduino-cli":  # (`arduino-cli cache clean`: its downloads directory)
        return sub == "cache" and "clean" in words
    if family == "pak":  # (`R -e 'pak::pkg_install("x"); pak::cache_clean()'`)
        return re.search(r"(?<![\w.])(?:pak::)?cache_clean\(", _r_code(words)) is not None
    if family == "apt":  # (apt 3's, which Debian 13 has; `dist-clean` is its other name)
        return sub in ("distclean", "dist-clean")
    if family == "yum":
        # (`clean packages` alone keeps the repositories' metadata, which is what stays: dnf and
        # yum drop each package after installing it unless keepcache is set)
        return sub in ("clean", "cc") and any(
            w in ("all", "-a", "--all", "metadata") for w in words
        )
    if family == "apk":
        return False  # `apk cache clean` prunes packages and keeps the APKINDEX files
    if family == "pecl":
        # (It empties PEAR's cache; what stays of the build is small, as nextcloud measured.)
        return sub == "clear-cache"
    if family in ("pip", "uv"):
        # (`uv clean` is uv's other name for `uv cache clean`; `pipenv --clear` removes its own
        # cache and pip's)
        return (
            (sub == "cache" and any(w in ("purge", "clean", "prune") for w in words))
            or (tool == "uv" and sub == "clean")
            # (a bare `pipenv --clear`; on `install` or `sync` it clears the resolver's
            # caches before it fetches)
            or (
                tool == "pipenv"
                and "--clear" in words
                and all(w.startswith("-") for w in words[1:])
            )
        )
    if family == "pdm":
        return sub == "cache" and "clear" in words
    if family == "poetry":
        # (`poetry cache clear --all pypi` empties that repository's cache alone: the artifacts
        # it downloaded stay in the cache's artifacts/)
        return False
    if family in ("npm", "yarn"):
        return sub == "cache" and any(w in ("clean", "clear") for w in words)
    if family == "pnpm":
        return sub == "store" and "prune" in words
    if family == "pixi":
        return sub == "clean" and "cache" in words
    if family == "bun":  # (`bun pm cache rm`)
        return sub == "pm" and "cache" in words and "rm" in words
    if family == "conda":
        # (`-a`, `-afy`, `-ya`: short options run together. The tarballs, the packages
        # unpacked beside them and the channels' index are the cache: `-tipsy`; `-t` alone
        # leaves the unpacked packages, `-p` alone the tarballs, `-tp` the index; and
        # `--force-pkgs-dirs`, `-f`, removes the package directories whole.)
        if sub != "clean":
            return False
        letters = {c for w in words if w[:1] == "-" and w[1:].isalpha() for c in w[1:]}
        letters |= {w[2] for w in words if w in ("--all", "--packages", "--tarballs")}
        letters |= {"i"} if "--index-cache" in words else set()
        return (
            bool({"a", "f"} & letters) or {"p", "t", "i"} <= letters or "--force-pkgs-dirs" in words
        )
    if family == "composer":
        return _composer_command(words) in ("clear-cache", "clearcache", "cc")
    if family == "go":
        return sub == "clean" and ("-modcache" in words or "-cache" in words)
    if family == "swupd":
        return sub == "clean"
    if family == "pacman":  # (`paccache -rk0` keeps no version of any package)
        if tool == "paccache":
            return _option_value(words, "-k", "--keep") == "0" and _flagged(words, "r", "--remove")
        return any(w.startswith("-Sc") for w in words)
    if family == "nvm":
        return (sub == "cache" and "clear" in words) or sub == "clear-cache"
    if family == "sdkman":  # (`sdk flush`, `sdk flush tmp`; archives/ before 5.15)
        return sub == "flush" and not {"version", "metadata"} & set(words)
    if family == "rvm":
        return sub == "cleanup" and any(w in ("all", "archives") for w in words)
    if family == "kerl":  # (`kerl cleanup all`, or of the build named: its tree and archive)
        return sub == "cleanup" and len(_operands(words)) > 1
    if family == "opam":  # (with no kind named, it cleans the download cache among others)
        kinds = [w for w in words[2:] if w in _OPAM_CLEANS or _OPAM_SHORT.fullmatch(w)]
        return sub == "clean" and (
            not kinds
            or any(w == "--download-cache" or (w[1:2] != "-" and "c" in w[1:]) for w in kinds)
        )
    if family == "brew":  # (plain `brew cleanup` keeps what is less than 120 days old)
        return sub == "cleanup" and any(w in ("-s", "--prune=all") for w in words)
    if family == "bower":
        return sub == "cache" and "clean" in words
    if family == "luet":
        return sub == "cleanup"
    if family == "spack":
        return sub == "clean" and any(
            w in ("-a", "--all", "-d", "--downloads") or (w[:1] == "-" and set(w[1:]) & set("ad"))
            for w in words[2:]
        )
    if family == "portage":  # (gentoolkit's: `eclean distfiles`, `eclean-dist`)
        return tool == "eclean-dist" or (tool == "eclean" and sub in ("distfiles", "dist"))
    if family == "perlbrew":
        return sub == "clean"
    if family == "nuget":  # (`dotnet nuget locals all --clear`, Mono's `nuget locals all -clear`)
        return (
            (sub == "nuget" or (tool in ("nuget", "nuget.exe") and sub == "locals"))
            and "locals" in words
            and any(w in ("all", "global-packages") for w in words)
            and any(w.lower() in ("-c", "--clear", "-clear") for w in words)
        )
    return False


# opam pin's subcommands other than add (`opam pin NAME URL` is `opam pin add`)
OPAM_PIN_VERBS = frozenset({"add", "list", "remove", "edit", "scan", "export", "unpin"})
# What `opam clean` is told to clean; `-a` (all switches) and `-y` only say where and how.
_OPAM_CLEANS = frozenset(
    {"--download-cache", "--repo-cache", "--switch-cleanup", "--logs", "--untracked"}
    | {"--unused-repositories"}
)
_OPAM_SHORT = re.compile(r"-[ayq]*[crs][acrsyq]*")
# opam's options that perform nothing: `--fake` records the actions as done, a dry run shows them
_OPAM_PRETENDS = frozenset({"--fake", "--dry-run", "--show-actions", "--show"})


def _removes_packages(family: str, tool: str, words: tuple[str, ...]) -> bool:
    sub = subcommand(words)
    if _DRY_RUNS.get(posixpath.basename(tool), frozenset()) & set(words):
        return False  # (a simulation: `apt-get remove -s make`, `zypper rm --dry-run make`)
    if tool in _APT:
        return sub in ("purge", "remove", "autoremove")
    if tool == "dpkg":
        return any(w in ("-r", "-P", "--purge", "--remove") for w in words)
    if tool == "apk":
        return sub == "del"
    if tool in _YUM:
        if sub in ("group", "groups"):  # (`yum group remove "Development Tools"`)
            sub = subcommand(words[words.index(sub) :])
        # (and zypper's short name for remove)
        rm = ("rm",) if posixpath.basename(tool) == "zypper" else ()
        return sub in ("remove", "erase", "autoremove", "groupremove", "grouperase", *rm)
    if tool == "rpm":
        # (`--justdb` takes the package out of the database alone, `--test` only tries)
        erases = any(w.startswith("-e") or w == "--erase" for w in words[1:2])
        return erases and not {"--justdb", "--test"} & set(words)
    if tool in _PIP:
        return sub == "uninstall"
    if tool == "uv":  # (`uv pip uninstall x`; `uv remove x` edits a project, then syncs it)
        return sub == "pip" and subcommand(words[1:]) == "uninstall"
    if tool == "pipx":
        return sub in ("uninstall", "uninstall-all")
    if tool in _NODE:
        # (not yarn's prune: Yarn 1's prints that `yarn install` prunes already, later ones
        # have none)
        # (and npm's aliases of uninstall, `npm r bcrypt`, and pnpm's)
        aliases = {"npm": ("r", "un", "unlink"), "pnpm": ("un", "uni")}.get(tool, ())
        return sub in ("uninstall", "remove", "rm", *aliases) or (sub == "prune" and tool != "yarn")
    if tool == "gem":
        return sub == "uninstall"
    if tool in _CONDA:
        return sub in ("remove", "uninstall")
    if tool in ("pacman", "yay", "paru"):  # (`-R`, `-Rns`, `-Rcns`: with what it alone needed)
        return any(w.startswith("-R") or w == "--remove" for w in words[1:])
    if tool == "swupd":
        return sub == "bundle-remove"
    if tool == "xbps-remove":  # (its packages, not `-O` alone, which cleans the cache)
        return bool(_operands(words, _XBPS_VALUES))
    return False


class CopyWrite(NamedTuple):
    """A path a COPY/ADD writes. `exact` when known file by file; `size` when the build context
    (or a heredoc) shows its bytes."""

    path: str
    exact: bool
    size: int | None = None
    tree: bool = False  # a directory's contents, not one file
    archive: bool = False  # an archive or package file, kept as it is
    unpacked: bool = False  # a local tar that ADD unpacked: its members, not the archive
    either: bool = False  # a file or a directory, the Dockerfile does not say which
    source: str = ""  # the source it came from, normalized (`.` for the whole context)
    origin: str = ""  # the --from stage or image; '' for the build context
    into: str = ""  # the destination as resolved
    file: str = ""  # the build context's file it copies (relative to the context), when listed
    excludes: tuple[str, ...] = ()  # its --exclude patterns (ARG/ENV expanded)
    # of a tree a COPY --from takes from a stage: what the stage's RUNs removed below it last
    # (as Entry.cleared: `dir/*`, `root/**/name` for a find by name), at the destination
    cleared: tuple[str, ...] = ()


def copy_sources(instr: Instruction, known_only: bool = False) -> tuple[list[str], str]:
    """The sources (ARG/ENV expanded) and the raw destination of a COPY/ADD. An ARG the build
    passes stays the word a RUN sees (`COPY ./tmp/$package_name .`, then `apt-get install
    ./$package_name`: the one file). `known_only` leaves out a source through a variable the
    stage does not hold (`$BUNDLE_PATH/`, which the base image's ENV sets): what it names is not
    known here."""
    env = instr.env
    if instr.given:
        env = {**env, **{n: "$" + n for n in instr.given}}
    raw = instr.node.args
    if len(raw) < 2:
        return [], process_word(raw[0], env) if raw else ""
    kept = [a for a in raw[:-1] if not (known_only and unset(a, env))]
    # (`ADD a.txt $EXTRA /opt/` with EXTRA empty: the lexer drops the empty word; it names no
    # source, not the whole context)
    return [w for w in (process_word(a, env) for a in kept) if w], process_word(raw[-1], env)


def copy_writes(
    instr: Instruction, context: str | None, dockerfile: str | None = None
) -> list[CopyWrite]:
    """Paths written by a COPY/ADD. With the build context, every file; without, the targets.
    `dockerfile` (its path) finds a Dockerfile-specific ignore file."""
    sources, dest_raw = copy_sources(instr)
    passed = {**instr.env, **dict.fromkeys(instr.given, "")} if instr.given else instr.env
    if not sources:
        return []
    if unset(instr.node.args[-1], passed):
        # (`COPY s2i/bin/ $STI_SCRIPTS_PATH` with the variable from the base image's ENV: it
        # lands where that says, not in the WORKDIR an empty expansion would give; known by
        # its name when it starts the destination, `$ORACLE_HOME/lib/`)
        symbolic = from_the_base(unquote(instr.node.args[-1]), passed, set(instr.given), {})
        if symbolic is None:
            return []
        dest_raw = symbolic + ("/" if instr.node.args[-1].endswith("/") else "")
    dest = resolve(dest_raw, instr.workdir)
    # The WORKDIR exists as a directory: `COPY requirements.txt /app` there lands inside it.
    dest_is_dir = (
        dest_raw.endswith(("/", "/."))  # (`COPY mon.zip /root/nltk_data/.`: into it)
        or dest_raw in (".", "./")
        or len(sources) > 1
        or dest == resolve(instr.workdir, "/")
        or dest in STANDARD_DIRS
        or dest in CRON_DIRS
        # (`COPY yarn.list /etc/apt/sources.list.d`, `COPY init.sql /docker-entrypoint-initdb.d`:
        # a `.d` is a directory of such files)
        or (dest.endswith(".d") and len(posixpath.basename(dest)) > 2)
    )
    heredocs = {h.name for h in instr.node.heredocs}
    from_stage = instr.flag("from")
    adds = instr.keyword == "add"
    from layerguard.dockerfile.ignorefile import ignore_file

    excludes = [expand(e, instr.env) for e in instr.flags.get("exclude", ())]
    if excludes:
        from layerguard.dockerfile.ignorefile import excluder

        excluded = excluder(excludes)
    parents = (instr.flag("parents") or "false").lower() == "true"
    unpack = (instr.flag("unpack") or "").lower()  # (ADD's: a URL's tar too, or no local one)
    # A COPY is written to copy something: when every source is a wildcard that matches
    # nothing in the checkout (`COPY *.list *.key /etc/apt/sources.list.d/`), a script
    # puts the files there before `docker build`.
    made_first = (
        context is not None
        and from_stage is None
        and not heredocs
        and all(
            is_glob(s)
            and not is_remote(s)
            and _context_files(context, s, ignore_file(context, dockerfile), parents) == ()
            for s in sources
        )
    )
    out: list[CopyWrite] = []
    marks: list[tuple[int, str]] = []
    for source in sources:
        marks.append((len(out), source))
        name = source.lstrip("<-").strip("'\"") if source.startswith("<<") else None
        if name is not None and name in heredocs:
            content = next(h.content for h in instr.node.heredocs if h.name == name)
            target = dest if not dest_is_dir else posixpath.join(dest, name)
            out.append(CopyWrite(target, True, len(content.encode())))
            continue
        if is_remote(source):
            base = posixpath.basename(source.split("?")[0].rstrip("/"))
            if adds and unpack == "true" and base.lower().endswith(TAR_SUFFIXES):
                # (`ADD --unpack=true https://.../uv-x86_64-unknown-linux-gnu.tar.gz /root`)
                out.append(CopyWrite(dest, False, tree=True, unpacked=True))
                continue
            into = dest_is_dir or dest in STANDARD_DIRS
            target = posixpath.join(dest, base) if into else dest
            out.append(CopyWrite(target, True, archive=is_archive(base)))
            continue
        if (
            adds
            and from_stage is None
            and unpack != "false"  # (`ADD --unpack=false x.tar.gz /opt/`: the archive as is)
            and source.lower().endswith(TAR_SUFFIXES)
        ):
            out.append(CopyWrite(dest, False, tree=True, unpacked=True))
            continue  # ADD unpacks a local tar archive: its members land under dest
        if context is not None and from_stage is None:
            listed = _context_files(context, source, ignore_file(context, dockerfile), parents)
            if listed is None:
                out.extend(_unlisted(source, dest, dest_is_dir, False))
                continue
            files = list(listed)
            if excludes:
                left = [
                    f
                    for f in files
                    if not excluded.matches(_parents_path(source, f[3]) if parents else f[0])
                ]
                if files and not left:
                    continue  # everything excluded: nothing copied
                files = left
            if (
                not files
                and is_glob(source)
                and not made_first
                and not _made_before_the_build(context, source)
            ):
                continue  # BuildKit copies nothing for a wildcard that matches nothing
            if not files and not is_glob(source) and _left_out(context, source, dockerfile):
                continue  # (the ignore file leaves it out: BuildKit fails, copying nothing)
            if files and parents:
                for _, _, size, from_root in files:
                    out.append(
                        CopyWrite(resolve(_parents_path(source, from_root), dest), True, size)
                    )
                continue
            if files and dest_is_dir and is_glob(source):
                out.extend(
                    CopyWrite(posixpath.join(dest, "*" + suffix), False, archive=True)
                    for suffix in _user_archives(context, source)
                )  # (beside what the checkout lists)
            if files:
                under = dest.rstrip("/") + "/"
                norm, origin = normalized_source(source), from_stage or ""
                for rel, is_tree_member, size, from_root in files:
                    if is_tree_member:  # names read from disk: nothing for resolve to fold
                        # (Positional and stamped here: a big context lists thousands.)
                        archive = "." in rel[-9:] and is_archive(rel)
                        out.append(CopyWrite(under + rel, True, size, False, archive, False,
                                             False, norm, origin, dest, from_root))  # fmt: skip
                    else:
                        path = resolve(rel, dest) if dest_is_dir or len(files) > 1 else dest
                        out.append(
                            CopyWrite(path, True, size, archive=is_archive(rel), file=from_root)
                        )
                continue
        pivot = source.partition("/./")[2]
        kept = normalized_source(pivot or source) if parents else ""
        if parents and (pivot or "/" in kept):
            # (`COPY --parents src/*/package.xml .`: each file keeps its directories, from the
            # root or from a `/./` in the source; a directory's contents, `services/api/`, land
            # below its own path, unless a wildcard names the directories)
            whole = source.endswith("/") and not is_glob(posixpath.basename(kept))
            kept_in = resolve(kept if whole else posixpath.dirname(kept), dest)
            out.extend(_unlisted(source, kept_in, True, from_stage is not None))
            continue
        out.extend(_unlisted(source, dest, dest_is_dir, from_stage is not None))
    ends = [start for start, _ in marks[1:]] + [len(out)]
    for (start, source), end in zip(marks, ends, strict=True):
        norm, origin = normalized_source(source), from_stage or ""
        out[start:end] = [
            w if w.source else
            CopyWrite(w.path, w.exact, w.size, w.tree, w.archive, w.unpacked, w.either,
                      norm, origin, dest, w.file)
            for w in out[start:end]
        ]  # fmt: skip
    if excludes:
        out = [w._replace(excludes=tuple(excludes)) for w in out]
    for write in [w for w in out if w.tree and not w.exact]:
        # What a build's output is known to hold (Next.js' standalone server: its package.json;
        # of a monorepo's app, `apps/web/.next/standalone`, below the app's own path in it)
        app = _WORKSPACE_APP.search(write.source)
        for name in _BUILD_OUTPUTS.get("/".join(write.source.split("/")[-2:]), ()):
            # (the app's own files below its path; the traced node_modules, hoisted, at the
            # standalone tree's root)
            name = posixpath.join(app[1], name) if app and "node_modules" not in name else name
            out.append(write._replace(
                path=posixpath.join(write.path, name), tree=False,
                source=posixpath.join(write.source, name),
            ))  # fmt: skip
    return out


# A monorepo's app (`apps/web`, `packages/site`) whose build output traces from the repository's
# root: Next.js' standalone tree holds it at that path.
_WORKSPACE_APP = re.compile(r"(?:^|/)((?:apps|packages)/[^/]+)/\.next/standalone/?$")
# Files a build tool's output directory always holds, by its last two names.
_BUILD_OUTPUTS: Mapping[str, tuple[str, ...]] = {
    ".next/standalone": ("package.json", "server.js", "node_modules/next/package.json")
}


def is_remote(source: str) -> bool:
    """A COPY/ADD source fetched from elsewhere (a URL, a git address), not the context."""
    return "://" in source or source.startswith("git@")


def normalized_source(source: str) -> str:
    """A COPY source as a path from the context root (or the stage's root): `.` for all. As
    BuildKit joins it to `/`, a `..` above the root is the root (`../vendor` is `vendor`)."""
    return posixpath.normpath("/" + source).lstrip("/") or "."


# Directories every distribution image has: a COPY or ADD to one lands inside it, a COPY into one
# makes no directory of its own, and a path naming one is never a file.
STANDARD_DIRS = frozenset(
    {"/", "/tmp", "/var/tmp", "/opt", "/srv", "/home", "/root", "/run", "/etc", "/mnt", "/media"}
    | {"/usr", "/usr/local", "/usr/local/bin", "/usr/local/lib", "/usr/bin", "/bin", "/usr/share"}
    | {"/usr/local/sbin", "/usr/sbin", "/sbin"}
    | {"/var", "/var/log", "/var/lib", "/var/cache", "/var/run"}
)
# cron's directories of scripts run by period: Alpine's (busybox crond's /etc/periodic, every
# image's) and Debian's and RHEL's cron packages'
CRON_DIRS = frozenset(
    {f"/etc/periodic/{p}" for p in ("15min", "hourly", "daily", "weekly", "monthly")}
    | {f"/etc/cron.{p}" for p in ("hourly", "daily", "weekly", "monthly")}
)
# Where libraries and headers live: directories in every image (`ln -sf $p/lib/vg /usr/lib`
# puts the link inside)
_LIBRARY_DIRS = frozenset(
    {"/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/include", "/usr/local/include"}
    | {"/usr/local/share", "/usr/local/lib64", "/usr/share/java", "/usr/lib/jvm"}
)
# Where programs live: a name there without an extension is a program, not a tree.
BIN_DIRS = frozenset(
    {"/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"}
)


def _flagged(words: tuple[str, ...], letter: str, long: str) -> bool:
    """The command is given the short option `letter`, alone or among others (`-si`), or the
    long one."""
    return any(w == long or (w[:1] == "-" and w[1:2] != "-" and letter in w[1:]) for w in words[1:])


def _empty_directories_only(words: tuple[str, ...]) -> bool:
    """`rm -d` without `-r`: it removes a directory only when it is empty."""
    options = [w for w in words[1:] if w.startswith("-") and w != "-"]
    letters = "".join(w[1:] for w in options if not w.startswith("--"))
    recursive = "r" in letters or "R" in letters or "--recursive" in options
    return not recursive and ("d" in letters or "--dir" in options)


def _home_on_path(env: Mapping[str, str], accept: Callable[[str], bool]) -> str:
    """The directory above the first bin directory on PATH that `accept` takes (`/spack` of
    `/spack/bin`), or ''."""
    for entry in env.get("PATH", "").split(":"):
        entry = entry.rstrip("/")
        if entry.endswith("/bin") and accept(posixpath.dirname(entry)):
            return posixpath.dirname(entry)
    return ""


def in_a_bin_dir(path: str) -> bool:
    """`path` is one name in a bin directory, a system one or an application's own
    (`/greenlit/bin/greenlit-init`): a program."""
    parent = posixpath.dirname(path)
    return parent in BIN_DIRS or (
        posixpath.basename(parent) in ("bin", "sbin") and not is_glob(path)
    )


_BUILD_BIN_DIRS = frozenset({"/go/bin", "/root/go/bin", "/usr/local/cargo/bin", "/root/.cargo/bin"})
_PROGRAM_DIRS = BIN_DIRS | _BUILD_BIN_DIRS
_GO_PLATFORM = re.compile(r"[a-z]+_[a-z0-9]+$")
# cargo's profile directories (`target/release`, `target/x86_64-unknown-linux-musl/debug`),
# where the binaries it built lie beside the directories it keeps
_CARGO_PROFILE = re.compile(r"(?:^|/)target/(?:[^/]+/)?(?:release|debug)$")
_CARGO_KEPT = frozenset({"build", "deps", "examples", "incremental", ".fingerprint", "bundle"})


def _unlisted(source: str, dest: str, dest_is_dir: bool, staged: bool) -> list[CopyWrite]:
    """What a COPY writes when the build context does not list the source: a file named like
    one (`installer.zip`, `entrypoint.sh`), or a name in a `staged` image's bin directory (a
    program), lands as that file; `.`, `src/` or a wildcard is a
    directory whose contents land in dest; a plain name (`files`, `jenkins-agent`) may be
    either: a directory's contents in dest, or a file at dest (or dest/name)."""
    name = posixpath.basename(source.rstrip("/"))
    # (`COPY --from=builder /usr/local/etc/php/conf.d ...`: a drop-in directory, not a file)
    # (`COPY --from=echidna /usr/local/bin/echidna ...`: what an image's bin directory holds
    # is a program, a file; not so a context's `bin/`, whatever it holds)
    # (and Go's and cargo's bin directories, `/go/bin/app`: not a cross-compile's
    # `/go/bin/linux_arm64`, a directory)
    parent = posixpath.dirname(source.rstrip("/"))
    program = (
        staged
        and (
            parent in BIN_DIRS
            or (parent in _BUILD_BIN_DIRS and not _GO_PLATFORM.match(name))
            or (bool(_CARGO_PROFILE.search(parent)) and name not in _CARGO_KEPT)
        )
        and not is_glob(name)
    )
    file_like = not source.endswith(("/", ".d")) and (
        is_archive(name) or program or (not is_glob(name) and names_a_file(name))
    )
    target = posixpath.join(dest, name) if dest_is_dir else dest
    if file_like or (is_glob(name) and names_a_file(name) and not dest_is_dir):
        # (`COPY build/libs/*.jar app.jar`: BuildKit takes one match, written as app.jar.)
        return [CopyWrite(target, False, archive=is_archive(name))]
    if is_glob(name) and not source.endswith("/"):
        # (what it matches lands in dest's directory; into a dest not known to be one, it is
        # the one file matched, or one directory's contents: `COPY --from=d
        # /tmp/supercronic-linux-* /usr/local/bin/supercronic`)
        return [CopyWrite(target, False, either=True)]
    unnamed = name in ("", ".")
    # (and a well-known dot-directory: `COPY .git .` lands the repository's HEAD, objects/...)
    if (
        source.endswith("/")
        or is_glob(name)
        or unnamed
        or _a_standard_dir(source, staged)
        or (name in _DOT_DIRS and name != ".config")  # (a kernel's or busybox's .config)
    ):
        return [CopyWrite(dest, False, tree=True)]  # (`COPY --from=b /srv /srv`: a directory)
    either = CopyWrite(target, False, either=True)
    return [CopyWrite(dest, False, tree=True), either] if dest_is_dir else [either]


def _left_out(context: str, source: str, dockerfile: str | None) -> bool:
    """The context's ignore file leaves `source` (a file the checkout lacks) out of the build."""
    from layerguard.dockerfile.ignorefile import ignore_file, read_ignore_file

    return read_ignore_file(ignore_file(context, dockerfile)).matches(normalized_source(source))


def _made_before_the_build(context: str, source: str) -> bool:
    """A COPY wildcard that matches nothing in the context as checked out names what a build
    step makes before `docker build` (gitignored): an archive or package (`*.tar`, `*.deb`,
    `*.whl`), or anything in a directory the checkout lacks (`dist/*`). Otherwise it is an
    optional file (`yarn.lock*`), which BuildKit copies nothing of."""
    parts = normalized_source(source).split("/")
    if is_archive(parts[-1]):
        return True
    fixed = list(itertools.takewhile(lambda part: not is_glob(part), parts[:-1]))
    return not os.path.isdir(os.path.join(context, *fixed))


@functools.lru_cache(maxsize=256)
def _user_archives(context: str, source: str) -> tuple[str, ...]:
    """The kinds of archive (`.zip`) a wildcard takes from a directory where the repository's
    .gitignore keeps them out of a clone (`COPY software/* /u01/software/` beside
    `software/put_software_here.txt`, with `*.zip` ignored): the user's own tree holds them
    there, and so does the copy."""
    from layerguard.dockerfile.ignorefile import git_ignored

    directory, _, name = normalized_source(source).rpartition("/")
    if is_glob(directory):
        return ()
    root = repository = os.path.abspath(context)
    while not os.path.exists(os.path.join(repository, ".git")):
        if os.path.dirname(repository) == repository:
            return ()
        repository = os.path.dirname(repository)
    where = os.path.relpath(os.path.join(root, directory), repository)
    return tuple(
        suffix
        for suffix in _ARCHIVE_SUFFIXES
        if fnmatch.fnmatchcase("x" + suffix, name) and git_ignored(repository, f"{where}/x{suffix}")
    )


_ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".rpm", ".deb", ".jar", ".7z")


def _a_standard_dir(source: str, staged: bool) -> bool:
    """`source` names a directory every distribution has (`/srv`, `/opt`); a build context's
    `run` is as often a file (runit's service script, a start script: `ADD run /run.sh`)."""
    path = "/" + posixpath.normpath(source.strip("/"))
    return path in STANDARD_DIRS and (staged or path != "/run")


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
    context: str, source: str, ignore: str | None = None, parents: bool = False
) -> tuple[tuple[str, bool, int, str], ...] | None:
    """(path relative to the destination, whether it came from inside a copied directory, size,
    path relative to the context root).

    Follows the ignore file `ignore`; empty when the source is missing or escapes the context,
    None when the listing cannot be known (too big, a pattern pathlib cannot read). Kept per
    ignore file rather than per Dockerfile: Dockerfiles that share a context share the walk.
    A wildcard matches as BuildKit's copy matches it, Go's filepath.Match over the path from its
    first wildcard on: `*`, and `**` alike, within one name (`COPY **/bin/* /usr/bin/` takes
    `vnc/bin/start.sh`, not `bin/fail`); `--parents` copies take `**` across directories.
    """
    root = os.path.realpath(context)
    pattern = normalized_source(source)
    if not parents:
        pattern = re.sub(r"\*{2,}", "*", pattern)
    from layerguard.dockerfile.ignorefile import read_ignore_file

    ignored = read_ignore_file(ignore)
    if any(c in pattern for c in "*?["):
        from pathlib import Path

        try:
            matches = sorted(str(p) for p in Path(root).glob(pattern))
        except ValueError:  # `a**.txt`: BuildKit's matcher takes it, pathlib's glob does not
            return None
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
                return None
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
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_dir:
            # (.git too: BuildKit sends it unless the ignore file names it)
            subdirs.append(entry)
            continue
        path = rel + entry.name
        if ignored.matches(prefix + path):
            continue
        try:
            # A link inside a copied directory is copied as a link, an entry without file
            # bytes: not its target's (which may lie outside the context).
            size = 0 if entry.is_symlink() else entry.stat().st_size
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
