"""What a well-known external base image (or package) holds, known without the registry.

The layer model and LG002 ask this module, never a table of their own, when no layer of the
build is seen to write a path: a recursive chown there copies up the files of a tree every image
of that repository fills (`chown -R app /usr/local/lib/python3.12` on `python`), a COPY over a
file every image of it holds replaces that file (nginx's `default.conf`), a removal of docs hides
the base's own (but Alpine, BusyBox and distroless images ship none), and a COPY over the main
config file of a package an install named replaces it (`PACKAGE_FILES`). The ENV and WORKDIR a
well-known image's Dockerfile set are handed to its children. Only what holds in every tag of a
repository (every release of a distribution family) belongs here; `check --registry` measures
the rest.
"""

from __future__ import annotations

import fnmatch
import functools
import itertools
import re
from collections.abc import Mapping

from layerguard.records import NamedTuple
from layerguard.reference import ImageRef

# Trees every distribution image fills with files.
DISTRIBUTION_TREES = (
    *("/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/share", "/lib"),
)
# Paths whose whole tree a recursive change reaches in any distribution image.
DISTRIBUTION_ROOTS = ("/", "/usr", "/lib", "/lib64", "/bin", "/sbin")
# Docs and man pages: heavy in Debian, Ubuntu, Fedora and their kin.
DOC_TREES = ("/usr/share/doc", "/usr/share/man", "/usr/share/info", "/usr/share/locale")
# debconf's database: every Debian and Ubuntu image holds its templates (hundreds of kB).
DEBCONF = "/var/cache/debconf"
# Images that ship no docs or man pages.
_DOCLESS = ("alpine", "busybox", "scratch", "distroless", "chainguard", "wolfi", "chiseled")
# Images of distributions other than Debian's family (no debconf).
_NOT_DEBIAN = (
    *("fedora", "rhel", "ubi", "centos", "rocky", "alma", "amazonlinux", "opensuse", "suse"),
    *("oraclelinux", "photon", "archlinux", "clearlinux", "mariner", "azurelinux", "s2i"),
)
# Tags that name a distribution outside Debian's family.
_OTHER_FAMILY_TAGS = (
    *("ubi", "corretto", "amazonlinux", "rockylinux", "rhel", "centos", "oracle", "alma"),
    *("fedora", "windows", "nanoserver", "servercore", "photon", "mariner", "azurelinux"),
    *("opensuse", "sles", "leap"),
)
# A name or tag of Red Hat's family, whose manager is yum's or dnf's (`maven:3.9-amazoncorretto-17`,
# `eclipse-temurin:21-jre-ubi9-minimal`, `balenalib/raspberrypi3-fedora:38`)
_RED_HAT_NAMED = re.compile(
    r"(?:^|[-_/:.])(?:ubi\d*|amazoncorretto|corretto|amazonlinux\d*|rockylinux|rocky|almalinux"
    r"|alma|centos\d*|rhel\d*|el(?:[6-9]|1\d)|fedora|oraclelinux|ol\d)(?![A-Za-z])"
)
# Images cut down to a few packages.
_MINIMAL = ("slim", "minimal", "micro")
# Ubuntu's own images, minimized since 18.04 (/etc/dpkg/dpkg.cfg.d/excludes, which `unminimize`
# undoes), leave out every man page and all of /usr/share/doc but its copyright files and Debian
# changelogs, of what later installs bring too, as Debian's slim images do; but they keep the
# info pages (grep's, sed's) and the translations other than programs' messages (the excludes
# name `*/LC_MESSAGES/*.mo`: coreutils' LC_TIME ones and locale.alias stay), trees of weight.
_MINIMIZED_KEPT = ("/usr/share/info", "/usr/share/locale")
# .NET's images on Microsoft's registry
_DOTNET = frozenset(
    f"mcr.microsoft.com/dotnet/{old}{name}"
    for old in ("", "core/")  # (its names before 2020: `dotnet/core/sdk:3.1`)
    for name in ("runtime-deps", "runtime", "aspnet", "sdk")
)
# Repositories whose images are built FROM a slim Debian image whatever their tags say, each with
# the tags that are not: miniconda3's before 4.10.3 (FROM debian:latest); .NET's runtime-deps
# FROM Debian's slim tags (since 2.1: 1.x and 2.0 FROM the full ones) and the others FROM it,
# but the SDK's 3.1 and older FROM buildpack-deps' scm tags (and the Ubuntu tags, which
# `_ubuntu_minimized` knows, FROM Ubuntu's). Docker Hub's microsoft/dotnet names the image in
# its tags (`2.2-runtime`, `2.2-sdk`).
_SLIM_BASED: Mapping[str, re.Pattern[str] | None] = {
    "continuumio/miniconda3": re.compile(r"(?:[0-3]|4\.(?:\d|10\.[0-2]))(?:[.-]|$)"),
    **dict.fromkeys(_DOTNET, None),
    **{n: re.compile(r"[1-3]\.") for n in _DOTNET if n.endswith("/sdk")},
    # (untagged, `latest`, it is the SDK: on buildpack-deps, full)
    "microsoft/dotnet": re.compile(r"1\.|2\.0|.*sdk|latest$|$"),
}
# What .NET's runtime-deps image installs over Debian's slim one (runtime and aspnet are built
# FROM it), and what its SDK adds (dotnet-docker's Dockerfiles, 6.0 to 9.0)
_DOTNET_RUNTIME = frozenset(
    {"ca-certificates", "libc6", "libgcc-s1", "libgcc1", "libicu67", "libicu72", "libssl1.1"}
    | {"libssl3", "libstdc++6", "tzdata", "zlib1g"}
)
_DOTNET_SDK = frozenset({"curl", "git", "wget", "libatomic1"})
# Jupyter's Docker Hub tags pushed once the Python start scripts were in (17 to 20 October 2023,
# the last pushes there): `latest` and their dates
_LAST_DOCKER_HUB_JUPYTER = re.compile(r"latest$|2023-10-(?:1[7-9]|2\d)$")
# A tag that is not a commit's bare hash (Jupyter's docker-stacks tag each build by its commit too)
_NOT_A_COMMIT = re.compile(r"(?![\da-f]{12}$).")
# Ubuntu's releases whose images are minimized (18.04 on), as tags name them
_MINIMIZED_RELEASE = (
    r"(?:bionic|cosmic|disco|eoan|focal|groovy|hirsute|impish|jammy|kinetic|lunar|mantic|noble"
    r"|oracular|plucky|questing|resolute|(?:1[89]|[2-9]\d)\.(?:04|10))"
)
# (ubuntu's own tags: `22.04`, `jammy-20240212`, and its newest releases' names)
_MINIMIZED_UBUNTU = re.compile(rf"(?:latest|rolling|devel|{_MINIMIZED_RELEASE})(?:[-._]|$)")
# Images built FROM a minimized Ubuntu, by the tags that are: Playwright's (all, bionic to noble;
# its UBI tags are of another family), SQL Server's 2022 and later, Jupyter's docker-stacks
# (Ubuntu's since 2018: not a commit's bare tag, which may be older and Debian's), and .NET's
# 10.0 and later unless the tag names a Debian release, or any of its tags naming Ubuntu's.
_UBUNTU_BASED: Mapping[str, re.Pattern[str]] = {
    "mcr.microsoft.com/playwright*": re.compile(""),
    "mcr.microsoft.com/mssql/server": re.compile(r"latest|20(?:2[2-9]|[3-9]\d)-"),
    "*jupyter/*-notebook": _NOT_A_COMMIT,
    **dict.fromkeys(
        _DOTNET,
        re.compile(
            r"(?:latest|[1-9]\d\.)(?!.*(?:slim|bookworm|trixie))"
            rf"|.*[-_]{_MINIMIZED_RELEASE}(?:[-_.]|$)"
        ),
    ),
    "microsoft/dotnet": re.compile(rf".*[-_]{_MINIMIZED_RELEASE}(?:[-_.]|$)"),
}

# Keys below are shell patterns over an image's name: `python` for docker.io/library/python,
# `owner/name` for other Docker Hub images, `registry/path` elsewhere.
_DEVCONTAINERS = "mcr.microsoft.com/*devcontainers/"
_SYSTEMUSER = "jupyter*/systemuser"

# The python image's own site: its pip, setuptools and wheel.
PYTHON_TREE = "/usr/local/lib/python3*"
# Red Hat's s2i images: the old `*-s2i-*` names, and UBI's and sclorg's Python images (their
# virtual environment in /opt/app-root)
# Software Collections' nginx images, on the same s2i base (`registry.redhat.io/rhel8/nginx-116`)
_SCL_NGINX = (
    *(f"*ubi{v}/nginx-1*" for v in (8, 9, 10)),
    *(f"*rhel{v}/nginx-1*" for v in (8, 9, 10)),
    "*sclorg/nginx-1*",
)
_SCL_NGINX_ENV = (
    ("NGINX_CONF_PATH", "/etc/nginx/nginx.conf"),
    ("NGINX_CONFIGURATION_PATH", "/opt/app-root/etc/nginx.d"),
    ("NGINX_DEFAULT_CONF_PATH", "/opt/app-root/etc/nginx.default.d"),
)
# (CentOS 7's keep theirs in the collection's /etc/opt/rh/rh-nginxNNN)
_SCL_NGINX_OLD = ("centos/nginx-1*-centos7", "*rhscl/nginx-1*-rhel7")
_S2I = (
    "*s2i-*",
    "openshift/base-*",  # (the OpenShift 3 base images the s2i images were first built on)
    *(f"*/ubi{v}/python-3*" for v in (8, 9, 10)),
    "*sclorg/python-3*",
    *_SCL_NGINX,
    *_SCL_NGINX_OLD,
)
# docker-selenium's images (and seleniarm's, their ARM builds), run as seluser
_SELENIUM = ("selenium/*", "seleniarm/*")
# Operator SDK's image for Ansible operators: its base keeps pip's cache off, and its own
# Dockerfile runs as 1001 with HOME=/opt/ansible (that user's), tini at /tini
_ANSIBLE_OPERATOR = "quay.io/operator-framework/ansible-operator"
# Binder's old base image, on Debian 8 with Anaconda in its user's home (main's)
_BINDER_BASE = "andrewosh/binder-base"
_ACTIONS_RUNNER = "ghcr.io/actions/actions-runner"
_KALI = frozenset(
    {"kalilinux/kali-rolling", "kalilinux/kali-last-release", "kalilinux/kali-bleeding-edge"}
)
# (Paul Schoenfelder's Erlang and Elixir images on Alpine: Elixir's built on Erlang's)
_BITWALKER = "bitwalker/alpine-e*"
# SageMath's images (Docker Hub's and its GitLab registry's), run as sage in /home/sage
_SAGE = ("sagemath/sagemath*", "registry.gitlab.com/sagemath/sage/sagemath*")
# its tags from before its Base set HOME=/home/seluser (3.14.0-europium, September 2018)
_OLD_SELENIUM = re.compile(r"2\.|3\.(?:\d|1[0-3])\.|3\.14\.0-(?:arsenic|beryllium|curium|dubnium)")
# linuxserver's desktop bases (selkies, kasmvnc, rdesktop)
_LSIO_DESKTOP = tuple(
    f"{r}linuxserver/baseimage-{n}"
    for r in ("ghcr.io/", "lscr.io/", "")
    for n in ("selkies", "kasmvnc", "rdesktop")
)
# OWASP ZAP's images (the old names, 2023's, and the zaproxy organisation's), run as zap
_ZAP = (
    *("owasp/zap2docker-*", "softwaresecurityproject/zap-*", "zaproxy/zap-*"),
    "ghcr.io/zaproxy/zaproxy",
)
# Jenkins' agent images under their old names (Debian's, to 11)
_OLD_AGENT_NAMES = frozenset(
    f"{owner}/{name}"
    for owner in ("jenkins", "jenkinsci")
    for name in ("slave", "jnlp-slave", "ssh-slave")
)
# (php's 5.4 and older, last built before its apache tags wrote docker-php.conf in 2016)
_PHP_5_4 = re.compile(r"5\.[0-4](?:[.-]|$)")
# The official images built on php's: their Alpine tags add www-data as php's do
_PHP_IMAGES = frozenset(
    {"php", "wordpress", "drupal", "nextcloud", "joomla", "matomo", "phpmyadmin", "mediawiki"}
    | {"yourls", "friendica", "backdrop", "monica", "phpmyadmin/phpmyadmin"}
    # (PrestaShop's own, of php's Apache tags unless they say fpm)
    | {"prestashop/prestashop"}
    # (FrankenPHP's, built FROM php's zts tags: neither Apache nor FPM)
    | {"dunglas/frankenphp"}
)
# Frappe's images (frappe_docker's): ERPNext's and the bench's, run as frappe in its bench
_FRAPPE_PRODUCTION = ("frappe/erpnext", "frappe/frappe-worker", "frappe/erpnext-worker")
_FRAPPE = (*_FRAPPE_PRODUCTION, "frappe/bench")
# Red Hat's JBoss EAP images for OpenShift (6.4, 7.x; 7.3 on named by their JDK and RHEL)
_EAP = ("*/eap6*-openshift*", "*/eap7*-openshift*", "*/eap-xp*-openshift*")
# (Debian's bind9 configuration, named.conf and what it includes, and its default zones)
_BIND9 = (
    *(f"/etc/bind/named.conf{n}" for n in ("", ".options", ".local", ".default-zones")),
    *(f"/etc/bind/db.{n}" for n in ("local", "127", "0", "255", "empty")),
    "/etc/bind/zones.rfc1918",
)
# The runtime an official or vendor image installs.
_RUNTIME_TREES: Mapping[str, tuple[str, ...]] = {
    "python": (PYTHON_TREE, "/usr/local/bin"),
    # (and its tarball's share/: doc/node's debugger scripts, the man page, a systemtap tapset)
    "node": (
        *("/usr/local/lib/node_modules", "/usr/local/bin", "/usr/local/include/node"),
        *("/usr/local/share/doc/node", "/usr/local/share/man/man1", "/usr/local/share/systemtap"),
    ),
    "ruby": ("/usr/local/lib/ruby", "/usr/local/bin"),
    # (built from source into /usr/local: the core library in lib/perl5, perl and its tools)
    "perl": ("/usr/local/lib/perl5", "/usr/local/bin"),
    "php": ("/usr/local/lib/php", "/usr/local/bin", "/usr/local/etc/php"),
    # (Lagoon's images: the official ones' runtimes on its commons image, whose fix-permissions
    # changes every file it reaches, each time)
    **dict.fromkeys(
        ("uselagoon/php-*", "amazeeio/php"),
        ("/usr/local/lib/php", "/usr/local/bin", "/usr/local/etc/php"),
    ),
    **dict.fromkeys(("uselagoon/node-*", "amazeeio/node"), ("/usr/local/lib/node_modules",)),
    **dict.fromkeys(("uselagoon/python-*", "amazeeio/python"), (PYTHON_TREE,)),
    **dict.fromkeys(("uselagoon/nginx*", "amazeeio/nginx*"), ("/etc/nginx",)),
    "golang": ("/usr/local/go",),
    # (Nix's own images: the store, with nix and the tools its default profile holds)
    **dict.fromkeys(
        ("nixos/nix", "nixos/nix-flakes", "nixpkgs/nix*"), ("/nix/store", "/nix/var/nix/db")
    ),
    "emscripten/emsdk": ("/emsdk",),  # (the SDK: its LLVM, Node.js, Python and cache)
    # (Bitnami's Spark: its distribution, jars and examples too)
    "bitnami/spark": ("/opt/bitnami/spark",),
    # (Apache's own Spark images, Docker Hub's official one too: the distribution, SPARK_HOME)
    **dict.fromkeys(("apache/spark", "spark"), ("/opt/spark",)),
    # (Cirrus Labs' Flutter images: the SDK, on their Android SDK image's)
    **dict.fromkeys(
        ("cirrusci/flutter", "ghcr.io/cirruslabs/flutter"),
        ("/sdks/flutter", "/opt/android-sdk-linux"),
    ),
    **dict.fromkeys(
        ("cirrusci/android-sdk", "ghcr.io/cirruslabs/android-sdk"), ("/opt/android-sdk-linux",)
    ),
    # (Kong's images, the Docker library's and Kong's own: its rocks and Lua modules)
    **dict.fromkeys(
        ("kong", "kong/kong", "kong/kong-gateway"),
        ("/usr/local/share/lua", "/usr/local/lib/lua", "/usr/local/lib/luarocks"),
    ),
    "rust": ("/usr/local/cargo", "/usr/local/rustup"),
    # (opam's roots, with the compiler switches the images built: OCaml's own and Coq's)
    **dict.fromkeys(("ocaml/opam", "ocaml/opam2"), ("/home/opam/.opam",)),
    "coqorg/coq": ("/home/coq/.opam",),
    # (GHC in /opt/ghc, and stack's binary, which the image puts in /usr/local/bin)
    "haskell": ("/opt/ghc", "/usr/local/bin"),
    "jekyll/*": ("/usr/gem",),  # (envygeeks' images: Jekyll and its gems in their GEM_HOME)
    # (the Dev Containers Ruby images: RVM's Ruby and its gems)
    _DEVCONTAINERS + "ruby": ("/usr/local/rvm",),
    "eclipse-temurin": ("/opt/java/openjdk",),
    **dict.fromkeys(("wiremock/wiremock", "rodolpheche/wiremock"), ("/var/wiremock/lib",)),
    # (docker-selenium's: the Selenium server's jar and its configuration)
    **dict.fromkeys(_SELENIUM, ("/opt/selenium",)),
    # (Drupal's composer project: core, vendor, the site's files)
    "drupal": ("/opt/drupal",),
    # (Debian's MariaDB configuration: my.cnf, mariadb.cnf, conf.d/*.cnf)
    "mariadb": ("/etc/mysql",),
    # (its Python packages, installed with pip --user by the airflow user)
    "apache/airflow": ("/home/airflow/.local",),
    "nvidia/cuda": ("/usr/local/cuda-*", "/usr/local/cuda"),  # (and its link to the version)
    # (the framework images that pip-install as root into Debian's or Ubuntu's Python: its
    # local dist-packages is filled, where a plain distribution keeps it empty)
    **dict.fromkeys(
        ("tensorflow/tensorflow", "nvcr.io/nvidia/*"),
        tuple(f"/usr/local/lib/python3.{v}/dist-packages" for v in range(6, 15)),
    ),
    "tomcat": ("/usr/local/tomcat",),
    "tomee": ("/usr/local/tomee",),
    # (GitHub's Actions runner: the runner and its externals, Node.js among them, in its user's
    # home, its WORKDIR)
    _ACTIONS_RUNNER: ("/home/runner",),
    # (NVIDIA's Triton: the server, its backends and their libraries)
    "nvcr.io/nvidia/tritonserver": ("/opt/tritonserver",),
    # (Roundcube's: the release tarball unpacked, which its entrypoint copies into the web root)
    "roundcube/roundcubemail": ("/usr/src/roundcubemail",),
    # (WordPress's: the release unpacked, which its entrypoint copies into the web root)
    "wordpress": ("/usr/src/wordpress",),
    # (Collabora Online's CODE: the office suite, its own LibreOffice build, in a directory named
    # for its version before 21.11; the server in /opt/cool, /opt/lool before)
    "collabora/code": ("/opt/collaboraoffice*", "/opt/cool", "/opt/lool"),
    # (ONLYOFFICE Docs: the server, its editors' web apps and the fonts it renders with)
    "onlyoffice/documentserver*": ("/var/www/onlyoffice/documentserver",),
    # (the applications in the WORKDIRs of these images: MediaWiki's, phpMyAdmin's and
    # Adminer's sources, Ghost's install, Flink's distribution, Jetty's and its base's start.d)
    **dict.fromkeys(
        ("mediawiki", "phpmyadmin", "phpmyadmin/phpmyadmin", "adminer"), ("/var/www/html",)
    ),
    # (PrestaShop's release, kept in /tmp/data-ps: its start script copies it into the web root,
    # which the image leaves empty)
    "prestashop/prestashop": ("/tmp/data-ps",),
    "ghost": ("/var/lib/ghost",),
    **dict.fromkeys(("flink", "apache/flink"), ("/opt/flink",)),
    "jetty": ("/usr/local/jetty", "/var/lib/jetty"),
    "apache/nifi": ("/opt/nifi/nifi-current",),
    # (Buildkite's puppeteer image installs puppeteer with npm in /)
    "buildkite/puppeteer": ("/node_modules",),
    # (JBoss EAP's OpenShift images: the whole EAP server in JBOSS_HOME)
    **dict.fromkeys(_EAP, ("/opt/eap",)),
    # (CM2Network's SteamCMD images: steamcmd.sh and its 32-bit runtime, in the steam user's home)
    "cm2network/steamcmd": ("/home/steam/steamcmd",),
    # (Kasm's workspace images: the default profile the user's home starts from, its desktop
    # and configuration)
    "kasmweb/*": ("/home/kasm-default-profile",),
    # (Keycloak's Quarkus images, 17 on: bin, conf and some 200 MB of lib)
    "*keycloak/keycloak": ("/opt/keycloak",),
    # (and JBoss's images of Keycloak before 17 and of WildFly: the whole server)
    "jboss/keycloak": ("/opt/jboss/keycloak",),
    **dict.fromkeys(("jboss/wildfly", "quay.io/wildfly/wildfly"), ("/opt/jboss/wildfly",)),
    # (built from source into /usr/local on Alpine; Debian's packages' under /usr)
    "postgres": (
        *("/usr/local/lib/postgresql", "/usr/local/share/postgresql"),
        *("/usr/lib/postgresql", "/usr/share/postgresql"),
    ),
    "continuumio/*conda3": ("/opt/conda",),
    "pytorch/pytorch": ("/opt/conda",),  # (PyTorch's images are conda's, on PATH)
    "condaforge/mini*": ("/opt/conda",),
    "*jupyter/*-notebook": ("/opt/conda",),
    "*jupyter/*spark-notebook": ("/usr/local/spark",),
    **dict.fromkeys(_S2I, ("/opt/app-root",)),
    # (Mastodon's: the application, its bundle, node_modules and compiled assets)
    **dict.fromkeys(("tootsuite/mastodon", "ghcr.io/mastodon/mastodon"), ("/opt/mastodon",)),
    # Oryx's build images (GitHub Codespaces' base): each platform's versions under /opt.
    "mcr.microsoft.com/oryx/build": (
        *("/opt/ruby", "/opt/python", "/opt/nodejs", "/opt/php", "/opt/dotnet", "/opt/oryx"),
    ),
    # Dev Containers images: the `vscode` user's home (oh-my-zsh) and each language's install.
    f"{_DEVCONTAINERS}*": ("/home/vscode",),
    f"{_DEVCONTAINERS}ruby": ("/usr/local/rvm",),
    # (rust's installs rustup and cargo where the official rust image does)
    f"{_DEVCONTAINERS}rust": ("/usr/local/cargo", "/usr/local/rustup"),
    # (python's and the Node ones are built on the official python and node images)
    f"{_DEVCONTAINERS}python": (
        *("/usr/local/python", "/usr/local/py-utils", PYTHON_TREE, "/usr/local/bin"),
    ),
    f"{_DEVCONTAINERS}*-node": (
        *("/usr/local/share/nvm", "/usr/local/lib/node_modules", "/usr/local/bin"),
    ),
}

# Collabora's CODE before 21.11, which named its server loolwsd (4.x, 6.x, 21.02, 21.06)
_OLD_CODE = re.compile(r"^(?:\d\.|21\.0\d)")
# The cleanup scripts of these images, which take the caches a RUN left: minidocks' `clean`,
# and the purge_cache.sh of legendu-net's dclong images (apt's, pip's, npm's, ~/.cache)
_CLEANERS = {"minidocks/*": "clean", "dclong/*": "purge_cache.sh"}
# What such a script takes of the caches (and what lies in ~/.cache), where not all:
# legendu-net's purge_cache.sh cleans apt's, pip's, conda's, npm's and Go's, not n's versions
CLEANER_FAMILIES = {
    "purge_cache.sh": frozenset({"apt", "apt-archives", "pip", "conda", "npm", "go"}),
}
# linuxserver's nginx base of Alpine 3.15 and older
_OLD_LSIO_NGINX = re.compile(r"^3\.(?:[0-9]|1[0-5])(?:[.-]|$)")
# Files every image of these repositories holds, which Dockerfiles commonly replace.
_ENTRYPOINT = "/usr/local/bin/docker-entrypoint.sh"
_ENTRYPOINT_SH = "/docker-entrypoint.sh"
_NGINX_IMAGE = (
    "/docker-entrypoint.sh",
    "/etc/nginx/nginx.conf",
    "/etc/nginx/conf.d/default.conf",
    *("/etc/nginx/mime.types", "/etc/nginx/fastcgi_params", "/etc/nginx/uwsgi_params"),
    "/etc/nginx/scgi_params",
    "/usr/share/nginx/html/index.html",
    "/usr/share/nginx/html/50x.html",
    "/etc/logrotate.d/nginx",  # (of nginx.org's packages, which the image installs)
)
_TOMCAT_CONF = (
    *("server.xml", "context.xml", "web.xml", "tomcat-users.xml", "logging.properties"),
    *("catalina.properties", "catalina.policy"),
)
_TOMCAT_APPS = ("manager", "host-manager")
# (the jars every Tomcat from 7 to 11 keeps in lib/)
_TOMCAT_JARS = (
    *("catalina", "catalina-ha", "catalina-tribes", "jasper", "jasper-el", "servlet-api"),
    *("el-api", "jsp-api", "annotations-api", "tomcat-api", "tomcat-util", "tomcat-coyote"),
)
# The extensions MediaWiki's releases bundle from 1.31 on (Interwiki to 1.43)
_MEDIAWIKI_EXTENSIONS = (
    *("Cite", "CiteThisPage", "ConfirmEdit", "Gadgets", "ImageMap", "InputBox", "Interwiki"),
    *("Nuke", "ParserFunctions", "PdfHandler", "Poem", "SpamBlacklist", "SyntaxHighlight_GeSHi"),
    *("TitleBlacklist", "WikiEditor"),
)
_ELASTIC = "docker.elastic.co/"
_BEATS = ("filebeat", "metricbeat", "heartbeat", "auditbeat", "packetbeat", "journalbeat")
_ELASTIC_CONF = ("elasticsearch.yml", "jvm.options", "log4j2.properties")
_WILDFLY_PROFILES = ("", "-ha", "-full", "-full-ha")
# The jboss-dockerfiles images: jboss/base adds the jboss user, home /opt/jboss, and works there
# as it; base-jdk and wildfly are built on it (not keycloak's images since 5.x: ubi8-minimal)
_JBOSS = ("jboss/base", "jboss/base-jdk", "jboss/wildfly")


def _glassfish_domain(glassfish: str) -> tuple[str, ...]:
    """GlassFish's default domain's configuration, below the install's `glassfish` directory."""
    names = ("domain.xml", "logging.properties", "keyfile", "admin-keyfile")
    return tuple(f"{glassfish}/domains/domain1/config/{n}" for n in names)


_WILDFLY = "/opt/jboss/wildfly"


def _wildfly_bin(home: str) -> tuple[str, ...]:
    """The start scripts, CLI and settings a WildFly server at `home` keeps in bin/."""
    scripts = tuple(f"{home}/bin/{n}.sh" for n in ("standalone", "domain", "jboss-cli", "add-user"))
    return (*scripts, f"{home}/bin/standalone.conf")


# Debian's R configuration in /etc/R (R_HOME/etc holds a link to each: a COPY there replaces
# the link, not the file)
_DEBIAN_R_ETC = tuple(
    f"/etc/R/{name}"
    for name in ("Rprofile.site", "Renviron", "Renviron.site", "Makeconf", "repositories")
)
# Red Hat's and sclorg's builder images of each language (not s2i-core or s2i-base, which are
# their bases): their scripts in /usr/libexec/s2i, which an image's own `.s2i/bin` replaces.
_S2I_BUILDERS = tuple(
    f"{where}{language}-*"
    for language in ("nodejs", "python", "ruby", "php", "perl", "dotnet", "httpd", "nginx")
    for where in ("centos/", "*ubi8/", "*ubi9/", "*ubi10/", "*rhscl/", "*sclorg/")
)
S2I_SCRIPTS = tuple(f"/usr/libexec/s2i/{name}" for name in ("assemble", "run", "usage"))
_S2I_CORE = (
    "/opt/app-root/etc/scl_enable",
    *(f"/usr/bin/{n}" for n in ("container-entrypoint", "cgroup-limits", "fix-permissions")),
    *("/usr/bin/rpm-file-permissions", "/usr/bin/base-usage"),
)
# rocker-versioned2's images (not r-base, r-ubuntu, r-devel or r-rspm, which have no scripts)
_ROCKER_VERSIONED = frozenset(
    f"rocker/{n}"
    for n in (
        *("r-ver", "rstudio", "tidyverse", "verse", "geospatial", "shiny", "shiny-verse"),
        *("binder", "cuda", "ml", "ml-verse", "pandoc"),
    )
)
_HADOOP_CONF = ("core-site.xml", "hdfs-site.xml", "yarn-site.xml", "hadoop-env.sh")
_HADOOP = tuple(f"etc/hadoop/{n}" for n in (*_HADOOP_CONF, "log4j.properties"))
_ARCH_REGISTRY = ("registry.archlinux.org/archlinux/archlinux-docker",)
_SOLR = ("solr", "*/solr")
# httpd's conf/extra, which its httpd.conf includes on request
_HTTPD_EXTRA = (
    *("httpd-ssl", "httpd-vhosts", "httpd-default", "httpd-mpm", "httpd-info", "httpd-userdir"),
    *("httpd-autoindex", "httpd-dav", "httpd-languages", "httpd-manual", "proxy-html"),
    "httpd-multilang-errordoc",
)
_LIBERTY = ("websphere-liberty", "*/websphere-liberty", "open-liberty", "*/open-liberty")
# (Debian's apache2: the configuration snippets it ships, security.conf among them)
_APACHE2_CONF = tuple(
    f"/etc/apache2/conf-available/{n}.conf"
    for n in (
        *("security", "charset", "localized-error-pages", "other-vhosts-access-log"),
        "serve-cgi-bin",
    )
) + tuple(
    # (and its modules' configuration)
    f"/etc/apache2/mods-available/{n}.conf"
    for n in (
        *("status", "mpm_event", "mpm_prefork", "mpm_worker", "dir", "mime", "alias"),
        *("autoindex", "deflate", "negotiation", "reqtimeout", "setenvif", "ssl", "info"),
    )
)
_FILES: Mapping[str, tuple[str, ...]] = {
    # (Matomo's entrypoint, which copies the release into the web root at start)
    "matomo": ("/entrypoint.sh",),
    # (Collabora Online's configuration, which images replace; loolwsd's before 21.11)
    "collabora/code": ("/etc/coolwsd/coolwsd.xml",),
    # (Bitnami's minimal Debian: its apt wrapper, which Bitnami's own images copy again)
    "bitnami/minideb": ("/usr/sbin/install_packages",),
    # (Kasm's workspace images: the desktop's default wallpaper, which images replace)
    "kasmweb/*": ("/usr/share/extra/backgrounds/bg_default.png",),
    _ANSIBLE_OPERATOR: ("/tini", "/etc/ansible/ansible.cfg", "/etc/ansible/hosts"),
    # (linuxserver's nginx base: the samples its init copies into /config, which its
    # applications' `COPY root/ /` write again with their own site)
    **dict.fromkeys(
        (f"{r}linuxserver/baseimage-alpine-nginx" for r in ("ghcr.io/", "lscr.io/", "")),
        tuple(f"/defaults/nginx/{n}.conf.sample" for n in ("nginx", "site-confs/default", "ssl")),
    ),
    # (and its name on Docker Hub before 2021, whose tags, Alpine 3.8 to 3.12, kept them under
    # the old names)
    "lsiobase/nginx": ("/defaults/default", "/defaults/nginx.conf"),
    # (FrankenPHP's phpinfo page, Caddy's configuration and its own binary, which images built
    # on it copy again from a newer build; /etc/frankenphp/Caddyfile is a hard link to the
    # Caddyfile on its Debian tags)
    "dunglas/frankenphp": (
        *("/app/public/index.php", "/etc/caddy/Caddyfile", "/usr/local/bin/frankenphp"),
    ),
    # (Bun's entry script, which its ENTRYPOINT runs; not in its distroless tags: below)
    "oven/bun": ("/usr/local/bin/docker-entrypoint.sh",),
    # (linuxserver's Selkies desktop base: the openbox defaults its init copies into /config)
    **dict.fromkeys(
        (f"{r}linuxserver/baseimage-selkies" for r in ("ghcr.io/", "lscr.io/", "")),
        ("/defaults/autostart", "/defaults/menu.xml"),
    ),
    # (code-server's image: fixuid, which its entry point runs, and that script)
    "codercom/code-server": (
        *("/usr/local/bin/fixuid", "/etc/fixuid/config.yml", "/usr/bin/entrypoint.sh"),
    ),
    "denoland/deno": (_ENTRYPOINT,),  # (its _entry.sh, which its ENTRYPOINT runs)
    "percona/percona-distribution-postgresql": ("/entrypoint.sh",),  # (its ENTRYPOINT)
    # (sclorg's s2i-core, and the images built on it: the scripts its core/root holds, its
    # ENTRYPOINT's container-entrypoint among them, which their own root/ copies again)
    **dict.fromkeys(("*s2i-core*", "*s2i-base*"), _S2I_CORE),
    **dict.fromkeys(_S2I_BUILDERS, (*S2I_SCRIPTS, *_S2I_CORE)),
    "nginx": _NGINX_IMAGE,
    "php": (
        "/usr/local/bin/docker-php-entrypoint",
        # (its helpers for extensions, which a builder stage's copies write again)
        *(f"/usr/local/bin/docker-php-{n}" for n in ("source", "ext-configure", "ext-enable")),
        "/usr/local/bin/docker-php-ext-install",
        "/usr/local/etc/php/php.ini-production",
        "/usr/local/etc/php/php.ini-development",
        "/usr/local/etc/php-fpm.conf",
        "/usr/local/etc/php-fpm.d/www.conf",
        "/usr/local/etc/php-fpm.d/docker.conf",
        "/usr/local/etc/php-fpm.d/zz-docker.conf",
        # (its apache tags install Debian's apache2: its configuration, as below)
        "/etc/apache2/sites-available/000-default.conf",
        "/etc/apache2/sites-available/default-ssl.conf",
        *_APACHE2_CONF,
        # (and the PHP handler its Dockerfile writes and enables, since 5.5's last builds)
        "/etc/apache2/conf-available/docker-php.conf",
        "/etc/apache2/apache2.conf",
        "/etc/apache2/ports.conf",
        "/etc/apache2/envvars",  # (which its Dockerfile edits in place)
    ),
    "httpd": (
        *("/usr/local/apache2/conf/httpd.conf", "/usr/local/apache2/htdocs/index.html"),
        *(f"/usr/local/apache2/conf/extra/{n}.conf" for n in _HTTPD_EXTRA),
    ),
    # (Kong's images, the Docker library's and Kong's own)
    **dict.fromkeys(
        ("kong", "kong/kong", "kong/kong-gateway"),
        (
            "/docker-entrypoint.sh",
            # (its Lua, installed as a rock: the templates of the nginx configuration it renders)
            *(f"/usr/local/share/lua/5.1/kong/templates/{n}.lua" for n in ("nginx_kong", "nginx")),
            "/usr/local/share/lua/5.1/kong/templates/kong_defaults.lua",
            # (its command, and OpenResty's nginx, which images give capabilities to bind ports)
            *("/usr/local/bin/kong", "/usr/local/openresty/nginx/sbin/nginx"),
        ),
    ),
    # (Metabase's image: the application jar and the script its ENTRYPOINT runs)
    "metabase/metabase*": ("/app/metabase.jar", "/app/run_metabase.sh"),
    # (R's configuration: the r-base image's from Debian's r-base-core, which its Dockerfile
    # appends to; rocker's, which its install script writes, below its R_HOME)
    # (and rocker's images of the distribution's R, Ubuntu's and Debian's r-base from apt)
    **dict.fromkeys(("r-base", "rocker/r-base", "rocker/r-ubuntu", "rocker/r-apt"), _DEBIAN_R_ETC),
    # (Shiny Server's configuration, from its .deb, in rocker's Shiny images: a pattern, as
    # their names are keys of rocker-versioned2's R configuration below)
    "rocker/shiny*": ("/etc/shiny-server/shiny-server.conf",),
    **dict.fromkeys(
        _ROCKER_VERSIONED,
        tuple(f"/usr/local/lib/R/etc/{n}" for n in ("Rprofile.site", "Renviron.site", "Renviron")),
    ),
    # (Big Data Europe's Hadoop images, built on its hadoop-base: the entry script it ADDs)
    "bde2020/hadoop-*": ("/entrypoint.sh",),
    # (their Dockerfiles' `COPY docker-entrypoint.sh /`, or to /usr/local/bin)
    **dict.fromkeys(("flink", "apache/flink", "zookeeper", "storm"), ("/docker-entrypoint.sh",)),
    "memcached": (_ENTRYPOINT,),
    # resin's and balena's 32-bit ARM images carry QEMU's user-mode emulator, by which they
    # build on x86 (`cross-build-start`); images built on them copy it in again
    **dict.fromkeys(
        (
            *(f"resin/{n}-*" for n in ("rpi", "armv7hf", "armhf", "raspberrypi", "raspberry-pi")),
            *(f"balenalib/{n}*" for n in ("rpi", "armv7hf", "raspberrypi", "raspberry-pi")),
        ),
        ("/usr/bin/qemu-arm-static",),
    ),
    **{
        name: (_ENTRYPOINT,)
        for name in ("postgres", "mysql", "mariadb", "redis", "mongo", "rabbitmq", "node")
    },
    "wordpress": (
        *(_ENTRYPOINT, "/usr/src/wordpress/wp-config-docker.php"),
        # (the release's own: the placeholder pages of wp-content and its bundled Akismet)
        *(f"/usr/src/wordpress/wp-content/{d}index.php" for d in ("", "plugins/", "themes/")),
        "/usr/src/wordpress/wp-content/plugins/akismet/akismet.php",
    ),
    # (MediaWiki's release tarball in its WORKDIR: the extensions and skins it bundles, each with
    # its manifest, which a copy of one of them over the bundled one writes again, and its
    # schema)
    "mediawiki": (
        *(f"/var/www/html/{d}/README" for d in ("extensions", "skins")),
        *(f"/var/www/html/extensions/{n}/extension.json" for n in _MEDIAWIKI_EXTENSIONS),
        *(f"/var/www/html/skins/{n}/skin.json" for n in ("MonoBook", "Timeless", "Vector")),
        "/var/www/html/maintenance/tables-generated.sql",  # (the schema, since 1.35)
    ),
    # (its Dockerfile's gemrc: `install: --no-document`)
    "ruby": ("/usr/local/etc/gemrc",),
    # Jupyter's docker-stacks: their start scripts and fix-permissions (since 2017), and (the
    # quay.io images, all since 2023) the server configuration in /etc/jupyter
    "*jupyter/*-notebook": (
        *(f"/usr/local/bin/{n}.sh" for n in ("start", "start-notebook", "start-singleuser")),
        "/usr/local/bin/fix-permissions",
    ),
    "quay.io/jupyter/*-notebook": ("/etc/jupyter/jupyter_server_config.py",),
    # (RHEL's nginx package, its configuration kept)
    **dict.fromkeys(_SCL_NGINX, ("/etc/nginx/nginx.conf",)),
    f"{_DEVCONTAINERS}*": ("/usr/local/etc/vscode-dev-containers/meta.env",),
    # (javascript-node is built FROM node, typescript-node FROM javascript-node)
    f"{_DEVCONTAINERS}*-node": (_ENTRYPOINT,),
    # Solr's: the Jetty configuration and the default Solr home's solr.xml (5 on)
    **dict.fromkeys(
        _SOLR,
        (
            *(f"/opt/solr/server/etc/{n}" for n in ("jetty.xml", "webdefault.xml")),
            "/opt/solr/server/solr/solr.xml",
        ),
    ),
    # Liberty's images: /config is the default server's directory, with its server.xml
    # (/config is a link to the default server's directory below wlp/usr/servers)
    **dict.fromkeys(
        _LIBERTY[:2], ("/config/server.xml", "/opt/ibm/wlp/usr/servers/defaultServer/server.xml")
    ),
    **dict.fromkeys(
        _LIBERTY[2:], ("/config/server.xml", "/opt/ol/wlp/usr/servers/defaultServer/server.xml")
    ),
    # Servers whose images ship the default configuration a Dockerfile most often replaces.
    "tomcat": (
        *(f"/usr/local/tomcat/conf/{name}" for name in _TOMCAT_CONF),
        # (the distribution's own top files, in the WORKDIR a `COPY . .` writes into)
        *(f"/usr/local/tomcat/{n}" for n in ("README.md", "RUNNING.txt", "RELEASE-NOTES")),
        *(f"/usr/local/tomcat/{n}" for n in ("LICENSE", "NOTICE", "BUILDING.txt")),
        # (and its scripts, which a `chmod +x bin/*.sh` copies up)
        *(f"/usr/local/tomcat/bin/{n}.sh" for n in ("catalina", "startup", "shutdown", "version")),
        *(f"/usr/local/tomcat/bin/{n}.sh" for n in ("setclasspath", "configtest", "digest")),
        # (and the server's own jars, which a `chown -R` of lib/ copies up)
        *(f"/usr/local/tomcat/lib/{n}.jar" for n in _TOMCAT_JARS),
        # (since 2019 the image keeps the default web applications out of webapps/)
        *(f"/usr/local/tomcat/webapps.dist/{a}/META-INF/context.xml" for a in _TOMCAT_APPS),
    ),
    "tomee": (
        *(f"/usr/local/tomee/conf/{n}" for n in (*_TOMCAT_CONF, "tomee.xml", "system.properties")),
        *(f"/usr/local/tomee/webapps/{a}/META-INF/context.xml" for a in _TOMCAT_APPS),
    ),
    "apache/hive": (
        *("/opt/hive/conf/hive-site.xml", "/entrypoint.sh"),
        *(f"/opt/hadoop/{f}" for f in (*_HADOOP, "etc/hadoop/mapred-site.xml")),
        "/opt/hadoop/etc/hadoop/workers",
    ),
    # (pacman's configuration and the mirror list of pacman-mirrorlist)
    **dict.fromkeys(
        ("archlinux", "archlinux/archlinux", "archlinux/base", *_ARCH_REGISTRY),
        ("/etc/pacman.conf", "/etc/pacman.d/mirrorlist"),
    ),
    # (Cassandra's in CASSANDRA_CONF; Neo4j's in its home's conf/; Oracle's MySQL images keep
    # the RPM's /etc/my.cnf)
    "cassandra": (
        *(f"/etc/cassandra/{n}" for n in ("cassandra.yaml", "cassandra-env.sh", "logback.xml")),
        "/etc/cassandra/cassandra-rackdc.properties",
        _ENTRYPOINT,
    ),
    "neo4j": ("/var/lib/neo4j/conf/neo4j.conf",),
    # (puckel's Airflow image: its airflow.cfg in the Airflow user's home, and the entrypoint)
    "puckel/docker-airflow": ("/usr/local/airflow/airflow.cfg", "/entrypoint.sh"),
    "ghost": ("/var/lib/ghost/config.production.json",),
    **dict.fromkeys(
        ("mysql/mysql-server", "container-registry.oracle.com/mysql/community-server"),
        ("/etc/my.cnf",),
    ),
    "nginxinc/nginx-unprivileged": _NGINX_IMAGE,
    # (nginx built with Brotli by the official image's Dockerfile, on Alpine: its files)
    "fholzer/nginx-brotli": _NGINX_IMAGE,
    "openresty/openresty": (
        *(f"/usr/local/openresty/nginx/conf/{n}" for n in ("nginx.conf", "mime.types")),
        "/etc/nginx/conf.d/default.conf",
    ),
    # (The library's old tags keep elasticsearch.yml alone, and Kibana and Logstash elsewhere.)
    "elasticsearch": ("/usr/share/elasticsearch/config/elasticsearch.yml",),
    # (OpenSearch's, laid out as Elasticsearch's, and its Dashboards')
    "opensearchproject/opensearch": tuple(
        f"/usr/share/opensearch/config/{n}"
        for n in ("opensearch.yml", "jvm.options", "log4j2.properties")
    ),
    "opensearchproject/opensearch-dashboards": (
        "/usr/share/opensearch-dashboards/config/opensearch_dashboards.yml",
    ),
    # (and their -oss images, of the Apache-licensed builds: `logstash/logstash-oss:6.8.13`)
    _ELASTIC + "elasticsearch/elasticsearch*": tuple(
        f"/usr/share/elasticsearch/config/{n}" for n in _ELASTIC_CONF
    ),
    _ELASTIC + "kibana/kibana*": ("/usr/share/kibana/config/kibana.yml",),
    _ELASTIC + "logstash/logstash*": (
        *(f"/usr/share/logstash/config/{n}" for n in ("logstash.yml", "pipelines.yml")),
        "/usr/share/logstash/pipeline/logstash.conf",
    ),
    # (the Beats' images: each its default configuration in its home, which is its WORKDIR)
    **{
        key: (f"/usr/share/{beat}/{beat}.yml",)
        for beat in _BEATS
        for key in (f"{_ELASTIC}beats/{beat}*", f"elastic/{beat}")
    },
    "grafana/grafana*": (
        *("/etc/grafana/grafana.ini", "/etc/grafana/ldap.toml"),
        # (its home, the release's tree: the defaults and the sample beside them)
        *(f"/usr/share/grafana/conf/{n}" for n in ("defaults.ini", "sample.ini", "ldap.toml")),
    ),
    "prom/prometheus": ("/etc/prometheus/prometheus.yml",),
    # (the official Sentry image, to 9.1: its configuration, which its -onbuild images and
    # their users' COPY replace)
    "sentry": ("/etc/sentry/sentry.conf.py", "/etc/sentry/config.yml"),
    # (Tryton's image: its configuration, uWSGI's, and the sao web client it unpacks)
    "tryton/tryton": (
        *("/etc/trytond.conf", "/etc/uwsgi.conf", "/entrypoint.sh"),
        "/var/lib/trytond/www/index.html",
    ),
    # (Pterodactyl's game-server images, and Parker's: each copies its start script there)
    **dict.fromkeys(
        ("*pterodactyl/yolks", "*parkervcp/yolks", "*ptero-eggs/yolks", "*pelican-eggs/yolks"),
        ("/entrypoint.sh",),
    ),
    # (its Dockerfile writes the start script with echo: it runs tensorflow_model_server)
    "tensorflow/serving": ("/usr/bin/tf_serving_entrypoint.sh",),
    "telegraf": ("/etc/telegraf/telegraf.conf", "/entrypoint.sh"),
    # (and its start script, the ENTRYPOINT of every tag since v1.0)
    "fluent/fluentd": ("/fluentd/etc/fluent.conf", "/bin/entrypoint.sh"),
    **dict.fromkeys(
        ("fluent/fluent-bit", "cr.fluentbit.io/fluent/fluent-bit"),
        tuple(f"/fluent-bit/etc/{n}" for n in ("fluent-bit.conf", "parsers.conf", "plugins.conf")),
    ),
    # (its default configuration: vector.toml to 0.32, vector.yaml since)
    "timberio/vector": ("/etc/vector/vector.yaml",),
    # (Superset's image holds its source tree in /app, installed there with `pip install -e .`)
    "apache/superset": ("/app/superset/config.py",),
    # (Prefect's: its start script in its WORKDIR; its 2.x tags also the requirements files
    # they were installed from, which `_PREFECT_2` adds)
    "prefecthq/prefect": ("/opt/prefect/entrypoint.sh",),
    "eclipse-mosquitto": ("/mosquitto/config/mosquitto.conf",),
    # (FRRouting's image: its package's daemons list and configuration)
    "frrouting/frr": ("/etc/frr/daemons", "/etc/frr/frr.conf", "/etc/frr/vtysh.conf"),
    "caddy": ("/etc/caddy/Caddyfile", "/usr/share/caddy/index.html", "/usr/bin/caddy"),
    # (NiFi's image: the release's conf/ in NIFI_HOME)
    "apache/nifi": tuple(
        f"/opt/nifi/nifi-current/conf/{n}"
        for n in (
            *("nifi.properties", "bootstrap.conf", "zookeeper.properties", "logback.xml"),
            *("authorizers.xml", "login-identity-providers.xml", "state-management.xml"),
        )
    ),
    "varnish": ("/etc/varnish/default.vcl",),
    **dict.fromkeys(("grafana/k6", "loadimpact/k6"), ("/usr/bin/k6",)),
    # (the Etherpad image's settings, its settings.json.docker copied in under that name)
    "etherpad/etherpad": ("/opt/etherpad-lite/settings.json",),
    # (Node-RED's image copies its package.json and its entry script where it runs, a flows.json
    # of `[]` to /data, and the script its HEALTHCHECK runs to /)
    "nodered/node-red": (
        *("/usr/src/node-red/package.json", "/usr/src/node-red/entrypoint.sh"),
        *("/data/flows.json", "/healthcheck.js"),
    ),
    "buildkite/puppeteer": ("/package.json", "/package-lock.json"),
    # (Envoy's images: the release's binary, its sample configuration and the start script
    # its ENTRYPOINT runs; its distroless tags have no start script)
    **dict.fromkeys(
        ("envoyproxy/envoy", "envoyproxy/envoy-dev", "envoyproxy/envoy-alpine"),
        ("/usr/local/bin/envoy", "/etc/envoy/envoy.yaml", _ENTRYPOINT_SH),
    ),
    "envoyproxy/envoy-distroless": ("/usr/local/bin/envoy", "/etc/envoy/envoy.yaml"),
    # (Dex's images: its binary, the entry program its ENTRYPOINT runs, and a sample
    # configuration its CMD names)
    **dict.fromkeys(
        ("dexidp/dex", "ghcr.io/dexidp/dex", "quay.io/dexidp/dex"),
        ("/usr/local/bin/dex", "/usr/local/bin/docker-entrypoint", "/etc/dex/config.docker.yaml"),
    ),
    # (ISC's BIND image installs their Ubuntu package, laid out as Debian's)
    **dict.fromkeys(("internetsystemsconsortium/bind9", "ubuntu/bind9"), _BIND9),
    # (odoo.conf since 10.0, wait-for-psql.py since 13.0: not in every tag.)
    "odoo": ("/entrypoint.sh",),
    "redmine": ("/docker-entrypoint.sh", "/usr/src/redmine/config.ru", "/usr/src/redmine/Gemfile"),
    "sonarqube": ("/opt/sonarqube/conf/sonar.properties",),
    **{
        name: ("/usr/share/jenkins/jenkins.war", "/usr/local/bin/jenkins.sh")
        for name in ("jenkins/jenkins", "jenkinsci/jenkins", "jenkins")  # (the old names)
    },
    "docker": (_ENTRYPOINT, "/usr/local/bin/modprobe"),  # (and dind's, below)
    "pytorch/torchserve": (
        "/usr/local/bin/dockerd-entrypoint.sh",
        "/home/model-server/config.properties",
    ),
    # tiangolo's images ship their start scripts and a sample app in /app. (Only what every tag
    # holds: start-reload.sh and uwsgi-nginx-flask's prestart.sh came later.)
    "tiangolo/uvicorn-gunicorn*": ("/start.sh", "/gunicorn_conf.py", "/app/main.py"),
    # (and the sample app its uwsgi.ini serves, which a project's main.py replaces)
    "tiangolo/uwsgi-nginx-flask": ("/entrypoint.sh", "/app/main.py", "/app/uwsgi.ini"),
    # (the uWSGI configuration uwsgi-nginx copies in, under the Flask images too)
    "tiangolo/uwsgi-nginx*": ("/etc/uwsgi/uwsgi.ini",),
    # (and uwsgi-nginx's own entry script and the sample app its uwsgi.ini serves)
    "tiangolo/uwsgi-nginx": ("/entrypoint.sh", "/app/main.py", "/app/uwsgi.ini"),
    # (trafex's PHP-FPM and nginx image: its sample pages in the document root)
    "trafex/php-nginx": ("/var/www/html/index.php", "/var/www/html/test.html"),
    # (docker-selenium's images, hub, nodes and standalone, start by their Base's script)
    "selenium/*": ("/opt/bin/entry_point.sh",),
    # ROS's images (library and OSRF's) start through their entrypoint script
    **dict.fromkeys(("ros", "osrf/ros"), ("/ros_entrypoint.sh",)),
    # IPFS's daemon and the start script its entrypoint is (go-ipfs, then kubo)
    # (and the su-exec and tini its Dockerfile copies from its builder)
    **dict.fromkeys(
        ("ipfs/go-ipfs", "ipfs/kubo"),
        (*("/usr/local/bin/ipfs", "/usr/local/bin/start_ipfs"), "/sbin/su-exec", "/sbin/tini"),
    ),
    # GlassFish's (the library's, deprecated) and Payara's images: the default domain's config
    "glassfish": _glassfish_domain("/usr/local/glassfish4/glassfish"),
    **dict.fromkeys(
        ("payara/server-full", "payara/server-web"),
        _glassfish_domain("/opt/payara/appserver/glassfish"),
    ),
    # WildFly's (and the legacy Keycloak on it) standalone server configurations
    # (and, since WildFly 19, its MicroProfile and load balancer profiles)
    **dict.fromkeys(
        ("jboss/wildfly", "quay.io/wildfly/wildfly"),
        (
            *(
                f"{_WILDFLY}/standalone/configuration/standalone{n}.xml"
                for n in (*_WILDFLY_PROFILES, "-microprofile", "-microprofile-ha", "-load-balancer")
            ),
            # (the note every release keeps in the deployment scanner's directory)
            f"{_WILDFLY}/standalone/deployments/README.txt",
            # (and the start scripts and CLI of bin/, which images chmod again)
            *_wildfly_bin(_WILDFLY),
        ),
    ),
    # (Keycloak's Quarkus distribution: its configuration file and cache configuration)
    "*keycloak/keycloak": ("/opt/keycloak/conf/keycloak.conf", "/opt/keycloak/conf/cache-ispn.xml"),
    "jboss/keycloak": (
        *(f"/opt/jboss/keycloak/standalone/configuration/standalone{n}.xml" for n in ("", "-ha")),
        *_wildfly_bin("/opt/jboss/keycloak"),  # (a WildFly server, below its own name)
    ),
    # (Apache James's server images, laid out by Jib: the sample configuration in /root/conf)
    "apache/james": tuple(
        f"/root/conf/{n}.xml"
        for n in (
            *("imapserver", "smtpserver", "pop3server", "lmtpserver", "mailetcontainer"),
            *("domainlist", "dnsservice", "usersrepository", "recipientrewritetable"),
        )
    ),
    # (EAP's OpenShift profile, which the image's launch scripts configure, and EAP's own)
    **dict.fromkeys(
        _EAP,
        (
            *(f"/opt/eap/standalone/configuration/standalone{n}.xml" for n in ("-openshift", "")),
            "/opt/eap/bin/standalone.conf",
        ),
    ),
    # Confluent Platform's component images: their start scripts and the log4j template
    # their configure script renders
    **dict.fromkeys(
        (
            f"confluentinc/cp-{n}"
            for n in (
                *("kafka", "enterprise-kafka", "server", "zookeeper", "schema-registry"),
                "kafka-rest",
                *("kafka-connect", "kafka-connect-base", "server-connect", "server-connect-base"),
            )
        ),
        tuple(
            f"/etc/confluent/docker/{n}"
            for n in ("run", "configure", "launch", "log4j.properties.template")
        ),
    ),
}

# Jupyter's quay.io images, pushed since October 2023 (but for a few older commits' tags copied
# from Docker Hub): the Python start scripts beside the shell ones (October 2023), the health
# check (February 2023) and the server configuration `jupyter server --generate-config` wrote
# in jovyan's home (July 2023)
_JUPYTER_QUAY = (
    *(f"/usr/local/bin/{n}.py" for n in ("start-notebook", "start-singleuser")),
    "/etc/jupyter/docker_healthcheck.py",
    "/home/jovyan/.jupyter/jupyter_server_config.py",
)

# Java 8's trees keep them elsewhere (jre/lib/security in the JDK); later ones here.
_JAVA_8 = re.compile(r"8(?![0-9])")
# A tag of a Java 8 image built on eclipse-temurin (`9-jdk8-temurin`, `3-eclipse-temurin-8`)
_TAGGED_JAVA_8 = re.compile(r"(?:java|jdk|jre|temurin-)8(?!\d)")
# Flink's tags from before its images were built on eclipse-temurin (1.15): on openjdk's
_OLD_FLINK_JAVA = re.compile(r"1\.(?:\d|1[0-4])(?:[.-]|$)|(?:.*-)?scala_2\.11")


def _on_temurin(name: str, tag: str) -> bool:
    """Every image of `name` with this tag is built FROM eclipse-temurin: Flink's since 1.15,
    Gradle's JDK tags (not GraalVM's or Corretto's), and the tags of Maven, Tomcat and Jetty
    that name it."""
    if name in ("flink", "apache/flink"):
        return not _OLD_FLINK_JAVA.match(tag)
    if name == "gradle":
        return "jdk" in tag and not any(v in tag for v in ("graal", "corretto"))
    return name in ("maven", "tomcat", "jetty") and "temurin" in tag


_JAVA_SECURITY = ("lib/security/cacerts", "conf/security/java.security")

# Files every image of a distribution family holds, which Dockerfiles replace: the shells'
# start-up files. Keyed by the images known to be of the family (an unknown one may be of any).
# The user database every distribution image holds (and its shadow files, which nothing reads).
USER_DATABASE = ("/etc/passwd", "/etc/group")
_DEBIAN_FILES = (
    *USER_DATABASE,
    *("/etc/bash.bashrc", "/etc/profile", "/root/.bashrc", "/root/.profile"),
    "/etc/login.defs",  # (of login, or since Debian 13 of login.defs: every image has it)
    "/etc/fstab",  # (`# UNCONFIGURED FSTAB`, which the image's build wrote)
    "/etc/nsswitch.conf",
    "/etc/shells",  # (debianutils')
    "/etc/gai.conf",  # (libc-bin's getaddrinfo preferences, commented out: every image has it)
    *("/etc/skel/.bashrc", "/etc/skel/.profile", "/etc/skel/.bash_logout"),
    "/etc/security/limits.conf",  # (libpam-modules', essential: every image has it)
    # (libpam-runtime's, required: the common-* its postinst writes with pam-auth-update)
    *(f"/etc/pam.d/common-{n}" for n in ("auth", "account", "password", "session")),
    "/etc/pam.d/common-session-noninteractive",
    "/etc/pam.d/other",
    *("/etc/issue", "/etc/issue.net"),  # (base-files' login banners)
)
_DEBIAN_IMAGES = (
    *("debian", "ubuntu", "buildpack-deps", "python", "node", "ruby", "php", "golang", "rust"),
    *("perl", "httpd", "nginx", "postgres", "redis", "wordpress", "eclipse-temurin", "tomcat"),
    *("maven", "gradle", "mariadb", "mongo", "nvidia/cuda", "pytorch/pytorch", "jenkins/jenkins"),
    *("jenkins/agent", "jenkins/inbound-agent", "codercom/code-server", "drupal"),
    *sorted(_OLD_AGENT_NAMES),
    "nvidia/cudagl",
    "ros",
    "odoo",  # (on Debian to 15.0, on Ubuntu since 16.0)
    "java",  # (the deprecated official image, before openjdk: Debian 8's, or Alpine's by tag)
    f"{_DEVCONTAINERS}*",
    "*jupyter/*-notebook",  # (Jupyter's docker-stacks, on Ubuntu; jovyan's home from /etc/skel)
    *sorted(_ROCKER_VERSIONED),  # (on Ubuntu; rstudio's home from /etc/skel)
    # (resin's and balena's images of a board, by the distribution their name gives)
    *(f"{o}/*-{d}*" for o in ("resin", "balenalib") for d in ("debian", "raspbian", "ubuntu")),
)
# The packages both official debian and ubuntu images hold (Debian's Priority: required set
# and what the images add), libraries aside: a purge that names none of them removes nothing
# there. (debian holds tzdata, ubuntu procps: each is added below. Not adduser, which ubuntu
# 24.04 and Debian 13 left out.)
_DEBIAN_PACKAGES = frozenset(
    {"apt", "base-files", "base-passwd", "bash", "bsdutils", "coreutils", "dash", "debconf",
     "debian-archive-keyring", "debianutils", "diffutils", "dpkg", "e2fsprogs", "findutils",
     "gpgv", "grep", "gzip", "hostname", "init-system-helpers", "login", "logsave", "mawk",
     "mount", "ncurses-base", "ncurses-bin", "passwd", "perl-base", "sed",
     "sensible-utils", "sysvinit-utils", "tar", "usr-is-merged",
     "util-linux", "util-linux-extra", "zlib1g", "gcc-12-base",
     "gcc-14-base", "netbase", "readline-common"}
)  # fmt: skip
_UBUNTU_PACKAGES = _DEBIAN_PACKAGES | {"procps", "ubuntu-keyring"}
# (Adoptium's Ubuntu images add these to run Java: curl and wget among them, which a RUN of an
# image built on them uses before installing anything)
_TEMURIN_PACKAGES = _UBUNTU_PACKAGES | {
    *("curl", "wget", "tzdata", "locales", "ca-certificates", "fontconfig", "p11-kit"),
    "binutils",
    # (and what those pull in that is no library: ca-certificates' openssl)
    *("openssl", "fontconfig-config", "fonts-dejavu-core", "p11-kit-modules", "binutils-common"),
    "binutils-x86-64-linux-gnu",
}
# What buildpack-deps installs (its curl, scm and full variants, with what those bring), under
# the language images of Debian's family that are not slim: python, node, ruby, golang, ...
_BUILDPACK_CURL = _DEBIAN_PACKAGES | frozenset(
    {"ca-certificates", "curl", "wget", "netbase", "gnupg", "gnupg2", "gpg", "gpg-agent",
     "gpgconf", "gpgsm", "dirmngr", "gnupg-utils", "pinentry-curses", "sq"}
)  # fmt: skip
_BUILDPACK_SCM = _BUILDPACK_CURL | frozenset(
    {"git", "git-man", "mercurial", "mercurial-common", "openssh-client", "subversion", "bzr",
     "procps"}
)  # fmt: skip
# What gcc and libc6-dev bring with them: the kernel's headers, and the compilers of the
# release's own version (Debian 10's gcc-8 to 13's gcc-14)
_COMPILER_DEPENDENCIES = (
    "linux-libc-dev",
    *(f"{p}-{n}" for p in ("gcc", "cpp", "g++") for n in (8, 10, 12, 14)),
)
_BUILDPACK_PACKAGES = _BUILDPACK_SCM | frozenset(
    {"autoconf", "automake", "bzip2", "default-libmysqlclient-dev", "dpkg-dev", "file", "g++",
     "gcc", "cpp", "binutils", "imagemagick", "imagemagick-6-common", "imagemagick-6.q16",
     "imagemagick-7-common", "imagemagick-7.q16", "libtool", "make", "patch", "perl",
     "unzip", "xz-utils", "zlib1g-dev", "pkg-config", "pkgconf", "python3", "python3-minimal",
     "tzdata", "libc6-dev", "libc-dev", *_COMPILER_DEPENDENCIES,
     # (and the development libraries its Dockerfile installs by name)
     "libbz2-dev", "libcurl4-openssl-dev", "libdb-dev", "libevent-dev", "libffi-dev",
     "libgdbm-dev", "libglib2.0-dev", "libgmp-dev", "libjpeg-dev", "libkrb5-dev", "liblzma-dev",
     "libmagickcore-dev", "libmagickwand-dev", "libmaxminddb-dev", "libncurses5-dev",
     "libncursesw5-dev", "libncurses-dev", "libpng-dev", "libpq-dev", "libreadline-dev",
     "libsqlite3-dev", "libssl-dev", "libwebp-dev", "libxml2-dev", "libxslt1-dev",
     "libyaml-dev"}
)  # fmt: skip
_BUILDPACK_IMAGES = frozenset(
    {"buildpack-deps", "python", "node", "ruby", "golang", "rust", "perl", "gcc", "pypy"}
)
# The official images built on Debian's own (not Ubuntu's) in each of their tags of Debian's
# family, whose base-files ships /etc/motd (the notice of the programs' licences): a regular
# file since Debian 8, a link to /var/run/motd before
_ON_DEBIAN = _BUILDPACK_IMAGES | {
    *("debian", "php", "wordpress", "drupal", "nginx", "httpd", "postgres", "redis"),
}
_MOTD_LINK = re.compile(r"(?:.*[-_])?(?:wheezy|squeeze|lenny|etch)(?:[-_.]|$)")
_DEBIAN_BEFORE_8 = re.compile(r"[4-7](?:[.-]|$)")
# The php image: Debian's slim image, the ca-certificates, curl and xz-utils it runs with,
# phpize's build tools (PHPIZE_DEPS, kept for docker-php-ext-install) and Apache in `-apache`.
_PHP_PACKAGES = _DEBIAN_PACKAGES | frozenset(
    {"ca-certificates", "curl", "xz-utils", "autoconf", "dpkg-dev", "file", "g++", "gcc",
     "cpp", "binutils", "libc-dev", "libc6-dev", *_COMPILER_DEPENDENCIES, "make", "re2c",
     "pkg-config", "pkgconf",
     "perl", "patch", "bzip2", "apache2", "apache2-bin", "apache2-data", "apache2-utils",
     # (the libraries PHP itself links, which its Dockerfile marks as installed by hand)
     "libargon2-1", "libcurl4", "libcurl4t64", "libonig5", "libsqlite3-0", "libsodium23",
     "libxml2", "libssl3", "libssl3t64", "libreadline8", "libreadline8t64"}
)  # fmt: skip
# The nginx image: nginx.org's nginx and its modules, with the curl, ca-certificates and
# gettext-base (envsubst) its Dockerfiles keep, over Debian's slim image or Alpine.
_NGINX_OWN = frozenset({"nginx", "nginx-module-*", "curl", "ca-certificates"})
# (and what those pull in: ca-certificates' openssl, curl's publicsuffix, nginx's adduser)
_NGINX_PACKAGES = (
    _DEBIAN_PACKAGES
    | _NGINX_OWN
    | {"gettext-base", "libcurl4", "libcurl4t64"}
    | {"openssl", "publicsuffix", "adduser", "lsb-base", "debian-archive-keyring"}
)
# (Alpine's own packages beside them; the alpine-slim tags add neither curl nor the CA bundle)
_NGINX_ALPINE_PACKAGES = _NGINX_OWN | {
    *("tzdata", "libcurl", "alpine-baselayout", "alpine-baselayout-data", "alpine-keys"),
    *("apk-tools", "busybox", "busybox-binsh", "musl", "musl-utils", "ca-certificates-bundle"),
    *("libcrypto3", "libssl3", "ssl_client", "scanelf", "zlib", "pcre2", "brotli-libs"),
}
# nginx's tags last built before its images kept curl (April 2020: 1.16, 1.17.9 and older),
# whose build purged the ca-certificates it fetched the keys with: neither they nor what they
# pull in are there
_NGINX_BEFORE_CURL = re.compile(r"1\.(?:\d|1[0-7])(?:[.-]|$)")
_NGINX_CURL = frozenset(
    {"curl", "libcurl", "libcurl4", "libcurl4t64", "publicsuffix", "ca-certificates", "openssl"}
)
# Meltano's tags of v2.4.0 to v4.1, whose image turned pip's cache off
_MELTANO_NO_PIP_CACHE = re.compile(r"v(?:2\.(?:[4-9]|\d\d)|3\.\d+|4\.[01])(?:[.-]|$)")
# What the perl image's slim tags keep of what built them (their `savedPackages` since June 2022,
# to which some releases add curl; zlib1g-dev brings libc6-dev); the tags built before, of Perl
# 5.32 and older or of Debian 10 and older, kept make and netbase alone
_PERL_SLIM_KEPT = frozenset(
    {"ca-certificates", "make", "netbase", "zlib1g-dev", "libssl-dev", "libc6-dev", "libc-dev"}
)
_PERL_SLIM_KEPT_BEFORE = frozenset({"make", "netbase"})
_OLD_PERL_SLIM = re.compile(r":5\.(?:[0-2]\d|3[0-2])(?!\d)|stretch|buster|jessie")
# What Jupyter's docker-stacks install with apt over Ubuntu (base, minimal, scipy, r, pyspark:
# their Python, R and Node.js come from conda, never apt), with what those bring.
_JUPYTER_PACKAGES = _UBUNTU_PACKAGES | frozenset(
    {"bzip2", "ca-certificates", "locales", "sudo", "tini", "wget", "fonts-liberation",
     "pandoc", "run-one", "git", "nano-tiny", "tzdata", "unzip", "vim-tiny", "openssh-client",
     "less", "xclip", "netcat", "netcat-openbsd", "inkscape", "lmodern", "libsm6",
     "libxext-dev", "libxrender1", "texlive-xetex", "texlive-fonts-recommended",
     "texlive-plain-generic", "build-essential", "gcc", "g++", "cpp", "make", "dpkg-dev",
     "binutils", "cm-super", "dvipng", "ffmpeg", "fonts-dejavu", "gfortran", "unixodbc",
     "unixodbc-dev", "r-cran-rodbc", "openjdk-17-jre-headless", "ca-certificates-java",
     "curl", "file", "patch", "perl", "xz-utils"}
)  # fmt: skip
# The packages the images of Red Hat's family hold (CentOS, Rocky, Alma, Oracle Linux,
# Fedora; not the minimal ones), libraries aside: yum or dnf and what they run on.
_RHEL_PACKAGES = frozenset(
    {"bash", "coreutils", "coreutils-single", "filesystem", "setup", "glibc", "glibc-common",
     "glibc-minimal-langpack", "glibc-langpack-en", "basesystem", "yum", "dnf", "dnf-data",
     "python3-dnf", "rpm", "rpm-build-libs", "rpm-libs", "python3-rpm", "python3",
     "python3-libs", "platform-python", "sed", "grep", "gawk", "findutils", "tar",
     "gzip", "xz", "bzip2", "cpio", "diffutils", "less", "vim-minimal", "shadow-utils",
     "passwd", "util-linux", "procps-ng", "hostname", "iproute", "iputils", "systemd",
     "systemd-libs", "dbus", "ca-certificates", "openssl", "curl", "gnupg2", "gpgme",
     "tzdata", "rootfiles", "centos-release", "centos-stream-release", "rocky-release",
     "almalinux-release", "oraclelinux-release", "fedora-release", "redhat-release",
     "bind-license", "pam", "chkconfig", "kmod", "acl", "crypto-policies", "sqlite", "lua",
     "info", "krb5-libs", "openldap", "nss", "p11-kit", "p11-kit-trust",
     "cracklib", "cracklib-dicts", "audit-libs", "pcre", "pcre2", "zlib", "ncurses",
     "ncurses-base", "readline", "gdbm", "expat", "elfutils-libs", "file-libs"}
)  # fmt: skip
# Yum's own tools and the Python 2 it ran on: in the images of 7 and before only (dnf's
# images have neither: `yum install yum-utils ... && yum remove yum-utils` on rockylinux:9).
_EL7_PACKAGES = frozenset(
    {"yum-utils", "yum-plugin-fastestmirror", "yum-plugin-ovl", "rpm-python", "python",
     "python-libs"}
)  # fmt: skip
# What OpenShift 3's CentOS 7 base for s2i builders installed over CentOS's (sti-base's
# INSTALL_PKGS, and gcc, which gcc-c++ needs)
_OPENSHIFT_BASE_PACKAGES = frozenset(
    {"autoconf", "automake", "bsdtar", "epel-release", "findutils", "gcc", "gcc-c++", "gdb",
     "gettext", "git", "libcurl-devel", "libxml2-devel", "libxslt-devel", "lsof", "make",
     "mariadb-devel", "mariadb-libs", "openssl-devel", "patch", "postgresql-devel", "procps-ng",
     "scl-utils", "sqlite-devel", "tar", "unzip", "wget", "which", "yum-utils", "zlib-devel"}
)  # fmt: skip
_OPENSHIFT_BASES = ("openshift/base-centos7", "centos/s2i-base-centos7")
# The distributions' own images, each of one family whatever its tag or digest.
_DISTRIBUTION_MANAGER = {
    **dict.fromkeys(("debian", "ubuntu"), "apt"),
    "alpine": "apk",
    **dict.fromkeys(("fedora", "centos", "rockylinux", "almalinux", "oraclelinux"), "yum"),
}
# (Not the minimal images: UBI minimal and micro leave out rootfiles.)
# (root's dotfiles, of the rootfiles package)
_ROOTFILES = ("/root/.bashrc", "/root/.bash_profile", "/root/.cshrc", "/root/.tcshrc")
_RHEL_FILES = (
    *USER_DATABASE,
    *("/etc/bashrc", "/etc/profile", *_ROOTFILES, "/etc/skel/.bashrc", "/etc/skel/.bash_profile"),
)
# Amazon Linux's images, under their other names, and Corretto's, built on them
_AMAZON_LINUX = frozenset(
    {"amazonlinux", "public.ecr.aws/amazonlinux/amazonlinux", "amazoncorretto"}
)
# CentOS 7 and older: yum's own configuration, the base repositories' file, and glibc's
# nsswitch.conf as a file (later releases' authselect may make it a link).
_OLD_CENTOS = re.compile(r"^(?:centos)?[5-7](?:[.-]|$)")
_OLD_CENTOS_FILES = ("/etc/yum.conf", "/etc/yum.repos.d/CentOS-Base.repo", "/etc/nsswitch.conf")
_CENTOS_7 = re.compile(r"^(?:centos)?7(?:[.-]|$)")
_CENTOS_7_FILES = (
    "/etc/security/limits.d/20-nproc.conf",  # (pam's; 90-nproc.conf on 6)
    # (systemd's control program, which docker-systemctl-replacement's systemctl.py replaces)
    "/usr/bin/systemctl",
)
# Distroless images hold a CA bundle and the resolver's configuration beside their users.
_DISTROLESS_FILES = ("/etc/ssl/certs/ca-certificates.crt", "/etc/nsswitch.conf")
# glibc's libraries, files of their own since glibc 2.34 (links to libc-2.31.so and the like
# before), by both names merged /usr gives them: what a final stage copies from its build
# stage beside a program (`COPY --from=builder /lib/x86_64-linux-gnu/libc.so.6 ...`); and
# libgcc's, a file in every release
_LIB_TREES = ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu")
GLIBC_FILES = tuple(
    f"{tree}/{name}"
    for tree in _LIB_TREES
    for name in (
        *("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1"),
        *("libresolv.so.2", "libutil.so.1", "ld-linux-x86-64.so.2"),
        *("libnss_dns.so.2", "libnss_files.so.2"),
    )
)
LIBGCC_FILES = tuple(f"{tree}/libgcc_s.so.1" for tree in _LIB_TREES)
# The libraries every Debian or Ubuntu image holds beside the C library, for dpkg and apt
# (zlib1g, liblzma5, libselinux1; liblz4-1 and libstdc++6 in /usr/lib), on either architecture;
# where /lib is /usr/lib (Debian 12, Ubuntu 22.04 and later) in both trees
_ARCHES = ("x86_64", "aarch64")
# (by their files, not the links named for their ABI: `libz.so.1` is a link to libz.so.1.2.13)
_DPKG_LIBRARIES = ("libz.so.1.*", "liblzma.so.5.*", "libselinux.so.1")
_APT_LIBRARIES = ("liblz4.so.1.*", "libstdc++.so.6.*")
# (and, in the releases named before Debian 13, whose apt verified with gpgv and whose util-linux
# linked libsystemd: libgcrypt20, libgpg-error0, libsystemd0)
_GPGV_LIBRARIES = ("libgcrypt.so.20.*", "libgpg-error.so.0.*", "libsystemd.so.0.*")


def debian_libraries(merged: bool, gpgv: bool) -> tuple[str, ...]:
    """The shared libraries every Debian-family image of a release holds (`merged`: /lib is
    /usr/lib; `gpgv`: a release named before Debian 13)."""
    roots = ("/lib", "/usr/lib")
    own = (*_DPKG_LIBRARIES, *(_GPGV_LIBRARIES if gpgv else ()))
    return tuple(
        f"{root}/{arch}-linux-gnu/{name}"
        for arch in _ARCHES
        for root in roots
        for name in (*own, *_APT_LIBRARIES)
        if merged or (root == "/lib") == (name in own)
    )


DEBIAN_LIBRARY_FILES = frozenset(debian_libraries(True, True))
C_LIBRARY_FILES = frozenset((*GLIBC_FILES, *LIBGCC_FILES, *DEBIAN_LIBRARY_FILES))

# Debian's and Ubuntu's releases by their names and numbers
_DEBIAN_NAMES = ("wheezy", "jessie", "stretch", "buster", "bullseye", "bookworm", "trixie")
_UBUNTU_NAMES = ("trusty", "xenial", "bionic", "focal", "jammy", "noble")
_RELEASES = {
    **{n: n for n in (*_DEBIAN_NAMES, *_UBUNTU_NAMES)},
    **{str(number): n for number, n in enumerate(_DEBIAN_NAMES, 7)},
    **{f"{year}.04": n for year, n in zip(range(14, 26, 2), _UBUNTU_NAMES, strict=True)},
}
_RELEASE_WORD = re.compile(r"(?<![\w.])(\d\d\.\d\d|\d{1,2}|[a-z]+)(?![\w])")


def debian_release(image: ImageRef | None) -> str:
    """The Debian or Ubuntu release `image`'s tag names (`stretch-slim`, `22.04`, `3.12-slim-
    bookworm`; a number for debian's and ubuntu's own), '' when it names none."""
    if image is None:
        return ""
    tag = image.tag or ""
    own = _name(image) in ("debian", "ubuntu")
    for word in _RELEASE_WORD.findall(tag):
        release = _RELEASES.get(word)
        if release and (own or not word[:1].isdigit()):
            return release
    return ""


# What `useradd -m` copies from /etc/skel into a new home, by family.
DEBIAN_SKEL = (".bashrc", ".profile", ".bash_logout")
RHEL_SKEL = (".bashrc", ".bash_profile", ".bash_logout")
# What /etc/skel holds on any distribution, the shells' own files among them (zsh's, ksh's,
# csh's, mksh's on Alpine, an old Fedora's .mozilla and .emacs).
SKEL_NAMES = frozenset(
    {*DEBIAN_SKEL, *RHEL_SKEL, ".zshrc", ".kshrc", ".cshrc", ".tcshrc", ".mkshrc", ".emacs"}
    | {".mozilla", ".bashrc.d"}
)
# Red Hat's UBI images by their names (`registry.access.redhat.com/ubi9/ubi-minimal`,
# `registry.access.redhat.com/ubi8`, the older `ubi8-minimal`, Docker Hub's `redhat/ubi9`)
_UBI = re.compile(
    r"(?:registry\.access\.redhat\.com/|registry\.redhat\.io/|redhat/)"
    r"ubi\d+(?:-minimal|-init)?(?:/ubi(?:-minimal|-init)?)?$"
)
# The tags of the Home Assistant community add-ons' base image that turn pip's cache off in
# its ENV: 12.2.0 (June 2022) and later
_HASSIO_PIP = re.compile(r"v?(?:12\.(?:[2-9]|\d{2,})|1[3-9]|[2-9]\d)(?:\.|$)")
_RHEL_IMAGES = (
    *("centos", "rockylinux", "rockylinux/rockylinux", "almalinux", "fedora", "oraclelinux"),
    *("amazonlinux", "quay.io/centos/centos", "registry.access.redhat.com/ubi*"),
    *("registry.redhat.io/ubi*", "redhat/ubi*"),
    "centos/systemd",
    "registry.access.redhat.com/rhel*",
    "jboss/*",  # (JBoss's images: CentOS 7's, UBI 8's from Keycloak 7 and WildFly 20 on)
    "quay.io/wildfly/*",  # (and WildFly's own since 2022: UBI's)
)

# Ubuntu 24.04 and later ship a user `ubuntu` with a home made from /etc/skel (its dotfiles);
# images built on them keep it (nvidia/cuda's `-ubuntu24.04`, eclipse-temurin's `-noble`).
_UBUNTU_USER = re.compile(r"(?:ubuntu:?|-)(?:2[4-9]\.(?:04|10)|noble|oracular|plucky|questing)\b")

# Where a tag's name of a Debian or Ubuntu release starts: at the tag's start, after a separator,
# or run into the family's name (linuxserver's `debianbookworm`, `ubuntunoble`)
_RELEASE_START = r"(?:^|[-_]|(?<=debian)|(?<=ubuntu))"
# Arch's images (not archlinux/base, whose last build was of 2020)
_ARCH_IMAGES = frozenset({"archlinux", "archlinux/archlinux", *_ARCH_REGISTRY})
# Arch's tags dated before its Python became externally managed (`base-20230301.0.131813`,
# and the older `20200705`)
_ARCH_BEFORE_PEP_668 = re.compile(
    r"(?:^|-)(?:20(?:1\d|2[0-2])\d{4}|20230[1-3]\d\d|202304(?:0\d|1[0-4]))"
)

# Releases whose own python-pip predates pip 6, the first to keep a cache (Ubuntu 14.04 has
# 1.5.4, Debian 8 1.5.6), by the tag of the distribution's image or of one built on it
# (`nvidia/cuda:8.0-devel-ubuntu14.04`, or with dashes after its name: `ubuntu-14-04`; a date
# such as `2023-12-04` is no release).
# (ROS Indigo and Jade are built on Ubuntu 14.04.)
# Tags naming a release whose Python is externally managed, and Debian's and Ubuntu's own tags
# of one
_MANAGED_PYTHON = re.compile(
    r"bookworm|trixie|forky|lunar|mantic|noble|oracular|plucky|questing"
    # (a release by its number in another image's tag: nvidia/cuda's `12.6.0-runtime-ubuntu24.04`)
    r"|ubuntu-?2[3-9]\.(?:04|10)|debian-?1[2-9](?![\d.])"
)
_NEW_DEBIAN = re.compile(r"(?:1[2-9])(?:[.-]|$)")
_NEW_UBUNTU = re.compile(r"(?:2[3-9])\.(?:04|10)(?:[.-]|$)")
# The tags of releases still in the making (`testing-slim`, `rolling`), always after those.
# (Not a dated one, `sid-20220125`. `latest` or no tag is today's release, which a build pulls
# now, whatever release an older Dockerfile meant: the labelled sets split evenly on it; so are
# Debian's `stable` and `oldstable`, 13 and 12 now.)
_DEBIAN_NOW = re.compile(
    r"(?:testing|unstable|sid|experimental|(?:old)?stable)(?:-backports)?(?:-slim)?$"
)
_UBUNTU_NOW = re.compile(r"(?:rolling|devel)$")
_OLD_PIP = re.compile(
    _RELEASE_START + r"(?:ubuntu)?(?:1[24]\.04|precise|trusty|wheezy|jessie|indigo|jade)\b"
    r"|ubuntu[-_]?1[24]-04\b"
)
_OLD_DEBIAN = re.compile(r"^[78](?:[.-]|$)")
# Ubuntu's short-lived releases around 14.04, whose python-pip predates pip 6 too (1.1 to
# 1.5.6, 12.10 to 15.10), by name, or by number where the image is Ubuntu's
# (`ubuntu:14.10`; not `postgres:14.10`, of Debian 12)
_OLD_PIP_INTERIM = re.compile(_RELEASE_START + r"(?:quantal|raring|saucy|utopic|vivid|wily)\b")
_OLD_PIP_UBUNTU = re.compile(r"1[2-5]\.(?:04|10)(?:[.-]|$)")
# Ubuntu releases before 18.04, whose add-apt-repository does not update the index by itself;
# nor does Debian's before 12 (software-properties 0.96.20, of Ubuntu 16.04's line, or older).
# (A release's number alone, `17.10`, is Ubuntu's only on ubuntu's own image or after its name:
# `mariadb:10.10` is of Ubuntu 22.04.)
_BEFORE_BIONIC = re.compile(
    r"(?:(?<=ubuntu)|ubuntu[-_]?)(?:1[0-7]\.(?:04|10)|1[0-7]-(?:04|10))\b"
    r"|" + _RELEASE_START + r"(?:precise|trusty|xenial|utopic|vivid|wily|yakkety|zesty|artful"
    r"|wheezy|jessie|stretch|buster|bullseye"
    r"|indigo|jade|kinetic|lunar)\b"  # (ROS's distributions of Ubuntu 14.04 to 17.04)
)
_OLD_PYTORCH = re.compile(r"(?:0\.\d|1\.[0-4])(?:[._-]|$)|nightly-")
_OLD_UBUNTU_NUMBER = re.compile(r"1[0-7]\.(?:04|10)(?:[.-]|$)")
_ODOO_CONF = re.compile(r"(?:1\d|[2-9]\d)(?:[.-]|$)")  # (odoo 10.0 and later)
_DEBIAN_RELEASE = re.compile(
    rf"(?:{_RELEASE_START}|(?<=\.))"  # (or after a dot)
    r"(?:wheezy|jessie|stretch|buster|bullseye|bookworm|trixie|precise|trusty|xenial"
    r"|bionic|focal"
    r"|jammy|noble|ubuntu[-_]?[12]\d[.-](?:04|10))(?:$|[-_.])"
)
# (not where the tag names Debian's family too: `maven:3.9-amazoncorretto-25-debian-trixie`)
_DEBIAN_NAMED = re.compile(r"debian|ubuntu|" + _DEBIAN_RELEASE.pattern)


# Images whose yum is dnf's (RHEL 8 and later, its rebuilds, Fedora, Amazon Linux 2023), by name
# or tag (`nvidia/cuda:12.2.0-devel-ubi8`, `opensciencegrid/software-base:3.5-el8-release`): its
# cache is /var/cache/dnf, which `rm -rf /var/cache/yum` leaves
_DNF_YUM = re.compile(
    r"(?:^|[-_/:.])(?:fedora|rockylinux|rocky|almalinux|alma|ubi(?:[89]|1\d)|centos(?:[89]|stream)"
    r"|rhel(?:[89]|1\d)|el(?:[89]|1\d)|amazonlinux:?2023|al2023)(?![A-Za-z])"
)
# CentOS's own image of 8 and later (`latest` was 8's), Oracle Linux's of 8 and later
_DNF_CENTOS = re.compile(r"^(?:latest|(?:centos)?[89]|stream\d*)?(?:[.-]|$)")
_DNF_ORACLE = re.compile(r"^(?:[89]|1\d)(?:[.-]|$)")


# Fedora's images, and those of its releases whose dnf is dnf5: 41 and later, and the newest
_FEDORA = frozenset({"fedora", "registry.fedoraproject.org/fedora", "quay.io/fedora/fedora"})
_DNF5_FEDORA = re.compile(r"(?:latest|rawhide|4[1-9]|[5-9]\d)?(?:[.-]|$)")


def _yum_is_dnf(name: str, tag: str, tagged: str) -> bool:
    """`yum` on the image is dnf's, by the image's name and tag."""
    if name in ("centos", "quay.io/centos/centos"):
        return bool(_DNF_CENTOS.match(tag))
    if name == "oraclelinux":
        return bool(_DNF_ORACLE.match(tag))
    if name == "amazonlinux":
        return tag in ("", "latest") or tag.startswith("2023")
    return bool(_DNF_YUM.search(tagged))


def _of_red_hat(tagged: str) -> bool:
    """An image's name or tag (`tagged`) names a distribution of Red Hat's family, and none of
    Debian's."""
    return bool(_RED_HAT_NAMED.search(tagged)) and not _DEBIAN_NAMED.search(tagged)


# The openjdk image's Debian tags (deprecated since 2022): its slim ones, and the default
# ones of Java 11 and older (12 on were Oracle Linux's).
_DEBIAN_OPENJDK = re.compile(r"slim|^(?:[6-9]|1[01])(?:u\d+)?(?:[.-]|$)")
_OLD_NGINX = re.compile(r"^1\.(?:\d|1[0-5])(?:[.-]|$)")
_BEFORE_BOOKWORM = re.compile(r"^(?:[7-9]|1[01])(?:[.-]|$)")
_OLD_PERCONA = re.compile(r"^5\.[56](?:[.-]|$)")
_ELASTIC_X_PACK_PLUGIN = re.compile(r"^(?:5\.|6\.[0-2](?:[.-]|$))")
# .NET's images before 8.0 where the tag names no other release are Debian's (11's for 6.0
# and 7.0, 10's before); Ubuntu's tags name theirs (`6.0-jammy`)
_OLD_DOTNET_HUB = re.compile(
    r"^[1-3]\.\d+(?:\.\d+)*-(?:sdk|runtime|aspnetcore-runtime|runtime-deps)$"
)
_DOTNET_BEFORE_8 = re.compile(r"^[1-7]\.\d+(?:\.\d+)*(?:-(?:bullseye|buster|stretch)(?:-slim)?)?$")
_OPENJDK_BEFORE_21 = re.compile(r"^(?:[6-9]|1\d|20)(?:[.u-]|$)")


def _releases_before(ubuntu: str, names: str) -> re.Pattern[str]:
    """Tags that name an Ubuntu release by a number whose first part `ubuntu` matches (`1[0-6]`:
    `16.04`, `ubuntu16-04`), or a release by one of `names` (`xenial|stretch`)."""
    numbered = rf"(?:ubuntu)?(?:{ubuntu}\.(?:04|10)|ubuntu[-_]?{ubuntu}-(?:04|10)"
    return re.compile(rf"{_RELEASE_START}{numbered}|{names})(?![A-Za-z0-9])")


# The releases whose golang package is older than Go 1.10: Debian 9 (1.7) and older, Ubuntu 16.04
# (1.6) and older, Fedora 26 (1.8) and older
_BEFORE_GO_1_10 = _releases_before(
    "1[0-6]", "precise|trusty|xenial|utopic|vivid|wily|wheezy|jessie|stretch"
)
# Ubuntu's releases before 19.10, whose sudo keeps the caller's HOME (Ubuntu's own patch)
_SUDO_KEEPS_HOME = _releases_before(
    "1[0-8]",
    r"(?:ubuntu)?19\.04|ubuntu[-_]?19-04|precise|trusty|xenial|bionic|cosmic|disco"
    # (and ROS's distributions of those releases: ros:melodic is Ubuntu 18.04's)
    r"|indigo|jade|kinetic|lunar|melodic|ardent|bouncy|crystal|dashing|eloquent",
)
_OLD_DEBIAN_NUMBER = re.compile(r"^[7-9](?:[.-]|$)")
# The releases a tag names before Debian 13: Debian's by name or number, any Ubuntu's
_BEFORE_TRIXIE = _releases_before(
    r"\d\d",
    "wheezy|jessie|stretch|buster|bullseye|bookworm|debian[-_]?(?:[7-9]|1[0-2])"
    "|precise|trusty|xenial|bionic|focal|jammy|noble",
)
_OLD_FEDORA = re.compile(r"^(?:1\d|2[0-6])(?:[.-]|$)")
# Alpine's releases before 3.8, whose go package is older than Go 1.10 (3.7's is 1.9)
_OLD_ALPINE_GO = re.compile(r"^3\.[0-7](?:\.\d+)?$")

# nginx's releases before 1.12, whose Debian images are Debian 8's (or 7's)
_JESSIE_NGINX = re.compile(r"1\.(?:[0-9]|1[01])(?:[.-]|$)")
_JESSIE_ODOO = re.compile(r"(?:[89]|10)(?:\.0)?(?:[.-]|$)")
_NOBLE_ODOO = re.compile(r"(?:1[89]|[2-9]\d)(?:\.0)?(?:[.-]|$)|latest$")
# CUDA 6.5 and 7.x, whose images without a distribution in the tag are Ubuntu 14.04's; and the
# releases before 10.1, whose such images are 16.04's or older.
_TRUSTY_CUDA = re.compile(r"^(?:6\.5|7(?:\.\d)?)(?:[.-]|$)(?!.*(?:ubuntu|centos|ubi))")
_OLD_AGENT = re.compile(r"^[34]\.\d+(?:[.-]|$)")
_OLD_JENKINS = re.compile(r"^2\.[1-3]\d\d(?:[.-]|$)")
_OLD_CUDA = re.compile(r"^(?:[6-9]|10\.0)(?:[.-]|$)(?!.*ubuntu)")

# The link to /etc/crontabs Alpine's baselayout makes: a recursive chown or chmod above it
# (`chown -R nginx /var`) passes the link, not the table behind it
ALPINE_CRON_LINK = "/var/spool/cron/crontabs"
# Alpine's own: busybox crond's root table (the periodic jobs) and apk's repositories.
# Official images built on Alpine in every Linux tag
_ALPINE_BASED = frozenset({"docker", "bash"})
_ALPINE_FILES = (
    # (root's table also by the link /var/spool/cron/crontabs, which points to /etc/crontabs)
    *("/etc/crontabs/root", f"{ALPINE_CRON_LINK}/root"),
    *("/etc/apk/repositories", "/etc/profile", *USER_DATABASE),
    "/etc/motd",  # (alpine-baselayout's welcome)
    "/etc/ssl/openssl.cnf",  # (libcrypto's, which apk-tools needs: libcrypto1.1, then 3)
    "/lib/ld-musl-x86_64.so.1",  # (musl's loader and C library, a file of its own on amd64)
)
# Alpine's own image holds the CA bundle (ca-certificates-bundle) since 3.14 (`alpine`, `3.19`,
# and `3`, the newest 3.x).
_ALPINE_CERTS = re.compile(r"^(latest|edge|3|3\.(1[4-9]|[2-9]\d)(\.\d+)?)?$")
_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"
_CERTIFIED = frozenset({"python", "golang", "php", "ruby"})
# The icons jlesage's GUI base generated for noVNC: since its v4, and in the older tags
JLESAGE_ICONS = ("/opt/noVNC/app/images/icons", "/opt/novnc/images/icons")
# jlesage's GUI base since its v4, whose noVNC lies in /opt/noVNC (`ubuntu-22.04-v4`,
# `alpine-3.19-v4.5.3`)
_JLESAGE_V4 = re.compile(r"-v4(?:\.|$)")
# Another image's tag naming an Alpine of 3.14 or later (`node:20-alpine3.19`)
_NEW_ALPINE_TAG = re.compile(r"alpine-?3\.(?:1[4-9]|[2-9]\d)\b")
# nginx's own Alpine tags (and its unprivileged images') of nginx 1.22 and later, on Alpine 3.15
# and later (`1.23.3-alpine-perl`, `mainline-alpine`, `1-alpine`, `alpine`: today's)
_NGINX_NEW_ALPINE = re.compile(
    r"^(?:(?:1\.(?:2[2-9]|[3-9]\d)(?:\.\d+)*|1|[2-9](?:\.\d+)*)-|mainline-|stable-)?alpine"
)
_NGINX_IMAGES = frozenset({"nginx", "nginxinc/nginx-unprivileged"})
# nginx's tags without its dynamic modules: the slim ones, and those before 1.11
_NGINX_WITHOUT_MODULES = re.compile(r"slim|^1\.(?:[0-9]|10)(?:[.-]|$)")
# The official language images' Alpine tags of versions whose images are all of Alpine 3.14 or
# later (released after it; or, by the minor version alone, whose last images were: PHP 7.4 and
# 8.0, Node.js 14, Python 3.7 to 3.9, Ruby 2.7 and 3.0), or of none, today's: `8.3-fpm-alpine`,
# `fpm-alpine`, `20-alpine`; not a patch release pinned before it (`7.4.5-fpm-alpine`, Alpine
# 3.11); WordPress's by the PHP they name
_NEW_ALPINE_LANGUAGE = {
    name: re.compile(rf"^(?:(?:{versions})-)?{variant}alpine(?!-?3\.(?:\d|1[0-3])(?!\d))")
    for name, versions, variant in (
        (
            "php",
            r"7\.4|8\.0|8(?:\.[1-9]\d*(?:\.\d+)*)?|9(?:\.\d+)*",
            r"(?:(?:fpm|cli|zts|apache)-)?",
        ),
        ("node", r"14|1[6-9](?:\.\d+)*|[2-9]\d(?:\.\d+)*|lts|current", ""),
        ("python", r"3|3\.[7-9]|3\.1\d(?:\.\d+)*", ""),
        ("ruby", r"2\.7|3|3\.0|3\.[1-9](?:\.\d+)*", ""),
        ("wordpress", r"(?:[\d.]+-)?php8\.[1-9]", r"(?:fpm|cli)-"),
    )
}
# Alpine's own tags of 3.19 and later (and `3`, the newest 3.x), and another image's tag that
# names one (`node:22-alpine3.20`)
# (and edge's snapshots since 2024, dated: `alpine:20240329`)
_MANAGED_ALPINE = re.compile(
    r"^(?:(?:edge|3\.(?:19|[2-9]\d))(?:[.-]|$)|3$|20(?:2[4-9]|[3-9]\d)\d{4}$)"
)
_MANAGED_ALPINE_TAG = re.compile(r"alpine-?3\.(?:19|[2-9]\d)\b")
# Before Debian 12 and Ubuntu 24.04, apt's sources were a sources.list with content.
_SOURCES_CODENAME = (
    _RELEASE_START + r"(?:bullseye|buster|stretch|jessie|wheezy|squeeze"
    r"|precise|quantal|raring|saucy|trusty|utopic|vivid|wily|xenial|yakkety|zesty|artful|bionic"
    r"|cosmic|disco|eoan"
    r"|focal|groovy|hirsute|impish|jammy|kinetic|lunar|mantic"
    # (`nvidia/cuda:12.2.0-devel-ubuntu22.04`)
    r"|ubuntu[-_]?(?:1[2-9]|2[0-3])[.-](?:04|10))(?![A-Za-z0-9])"
)
_SOURCES_RELEASE = re.compile(_SOURCES_CODENAME)
# Language images' versions whose last builds are on a Debian before 12 (one that keeps its
# sources in sources.list), by the version their tag starts with: golang's 1.18 and older, whose
# last were on bullseye (1.19's on bookworm); openjdk's JDKs and JREs of 11 and older, on
# buildpack-deps' bullseye tags when the image was deprecated in 2022 (its slim tags of 20 and
# older were on bullseye's slim image, but tests hold them to the release their tag names)
_BEFORE_DEB822 = {
    "php": re.compile(r"(?:5|7|8\.0)(?:[.-]|$)"),
    "python": re.compile(r"(?:2|3\.[0-6])(?:[.-]|$)"),
    "node": re.compile(r"(?:[4-9]|1[0-4])(?:[.-]|$)"),
    "ruby": re.compile(r"(?:1|2)(?:[.-]|$)"),
    "golang": re.compile(r"1\.(?:\d|1[0-8])(?:[.-]|rc|beta|$)"),
    "openjdk": re.compile(r"(?:[6-9]|1[01])(?:u\d+)?(?:[.-]|$)(?!.*slim)"),
    # (PyTorch's images, every tag built on Ubuntu 22.04 or an older release)
    "pytorch/pytorch": re.compile(r""),
    **dict.fromkeys(_DOTNET, _DOTNET_BEFORE_8),  # (on Debian 9 to 11: `sdk:2.2.300`)
    "odoo": re.compile(r"(?:[89]|1[0-7])(?:\.0)?(?:[.-]|$)"),  # (to 17.0, on Ubuntu 22.04)
}
# Node's LTS lines by their codenames, whose tags (`fermium`, `gallium-slim`) are the images of
# the version's number
_NODE_CODENAMES = {
    **{"argon": "4", "boron": "6", "carbon": "8", "dubnium": "10", "erbium": "12"},
    **{"fermium": "14", "gallium": "16", "hydrogen": "18", "iron": "20", "jod": "22"},
    "krypton": "24",
}
_NODE_CODENAME = re.compile(rf"(?:{'|'.join(_NODE_CODENAMES)})(?=-|$)")
_SOURCES_LIST = re.compile(_SOURCES_CODENAME + r"|^(?:[6-9]|1[01])(?:[.-]|$)")
# Debian 8 and Ubuntu 14.04 and their elders, whose initscripts ship /etc/rc.local with content
# (by name, in any image's tag; by number, in debian's and ubuntu's own)
_RC_LOCAL_RELEASE = re.compile(
    _RELEASE_START
    + r"(?:squeeze|wheezy|jessie|precise|trusty|ubuntu[-_]?1[24][.-]04)(?![A-Za-z0-9])"
)
_RC_LOCAL_NUMBER = re.compile(r"(?:[678]|1[24]\.04)(?:[.-]|$)")
# (and Ubuntu's by number, 12.04 to 23.10: not Debian's, whose `12.10` is a point release of 12)
_SOURCES_UBUNTU = re.compile(r"^(?:1[2-9]|2[0-3])\.(?:04|10)(?:[.-]|$)")
# Since Debian 12 and Ubuntu 24.04, apt's sources are deb822 files in sources.list.d: the
# releases by name or number, and the tags that are the newest release (`debian:stable-slim`,
# `ubuntu:latest`)
# (a release name ends at any other character than a letter or digit: `3.14-slim-trixie_0`)
_DEB822_DEBIAN_NAME = _RELEASE_START + r"(?:bookworm|trixie)(?![A-Za-z0-9])"
_DEB822_UBUNTU_NAME = re.compile(
    _RELEASE_START
    + r"(?:noble|oracular|plucky|questing|ubuntu[-_]?2[4-9][.-](?:04|10))(?![A-Za-z0-9])"
)
_DEB822_RELEASE = re.compile(_DEB822_DEBIAN_NAME + "|" + _DEB822_UBUNTU_NAME.pattern)
_DEB822_DEBIAN = re.compile(_DEB822_DEBIAN_NAME + r"|^(?:1[23]|stable|latest)?(?:[.-]|$)")
_DEB822_UBUNTU = re.compile(
    _DEB822_UBUNTU_NAME.pattern + r"|^(?:2[4-9]\.(?:04|10)|latest|rolling|devel)?(?:[.-]|$)"
)
# The tags of Debian 12 and Ubuntu 22.04 or later (glibc 2.34 or later), by name or number
_GLIBC_RELEASE = re.compile(
    _RELEASE_START + r"(?:bookworm|trixie|forky|jammy|kinetic|lunar|mantic|noble|oracular"
    r"|plucky|questing|ubuntu[-_]?2[2-9][.-](?:04|10)|debian1[2-9])(?![A-Za-z0-9])"
)
_GLIBC_UBUNTU = re.compile(r"^(?:2[2-9]\.(?:04|10)|latest|rolling|devel)?(?:[.-]|$)")

# Files (or trees) of weight every image of these repositories holds: removing one hides its
# bytes.
_HEAVY_FILES: Mapping[str, tuple[str, ...]] = {
    # (OpenSearch's and its Dashboards' images ship their bundled plugins: security, alerting,
    # k-NN and more, tens of MB)
    "opensearchproject/opensearch": tuple(
        f"/usr/share/opensearch/{d}" for d in ("plugins", "jdk", "modules", "lib")
    ),
    "opensearchproject/opensearch-dashboards": tuple(
        f"/usr/share/opensearch-dashboards/{d}" for d in ("plugins", "node", "node_modules")
    ),
    # (Elastic's images: each ships its own runtime, a JDK or Node.js, and its modules and
    # libraries, hundreds of MB, in its home)
    **dict.fromkeys(
        ("elasticsearch", _ELASTIC + "elasticsearch/elasticsearch*"),
        tuple(f"/usr/share/elasticsearch/{d}" for d in ("jdk", "modules", "lib")),
    ),
    **dict.fromkeys(
        ("logstash", _ELASTIC + "logstash/logstash*"),
        tuple(f"/usr/share/logstash/{d}" for d in ("jdk", "vendor", "logstash-core")),
    ),
    **dict.fromkeys(
        ("kibana", _ELASTIC + "kibana/kibana*"),
        tuple(f"/usr/share/kibana/{d}" for d in ("node", "node_modules")),
    ),
    # (JetBrains' TeamCity agent, not its minimal one: the .NET SDK its template installs)
    "jetbrains/teamcity-agent": ("/usr/share/dotnet",),
    # (Bitnami's Spark: the distribution's jars and examples, hundreds of MB)
    "bitnami/spark": ("/opt/bitnami/spark/jars", "/opt/bitnami/spark/examples"),
    # The source docker-php-source unpacks (about 12 MB), in php and the images built on it;
    # PHP's headers (about 5 MB) and its two sample php.ini files (about 70 KB each).
    **{
        name: (
            "/usr/src/php.tar.xz",
            "/usr/local/include/php",
            *(f"/usr/local/etc/php/php.ini-{v}" for v in ("development", "production")),
        )
        for name in sorted(_PHP_IMAGES | {"composer"})
    },
    "node": ("/usr/local/lib/node_modules/npm",),  # (npm itself, about 10 MB)
    # (opam's compiler switches, each hundreds of MB with what the image built in it)
    **dict.fromkeys(("ocaml/opam", "ocaml/opam2"), ("/home/opam/.opam",)),
    "coqorg/coq": ("/home/coq/.opam",),
    # (stack's binary, tens of MB; not GHC's tree, whose share/ the image removed already)
    "haskell": ("/usr/local/bin/stack",),
    **dict.fromkeys(_SOLR, ("/opt/solr/server/solr/configsets",)),
    "metabase/metabase*": ("/app/metabase.jar",),  # (the application, hundreds of MB)
    # (PrestaShop's release, over 100 MB, which its start script copies into the web root)
    "prestashop/prestashop": ("/tmp/data-ps",),
    "*keycloak/keycloak": ("/opt/keycloak/lib",),
    # (WireMock's standalone jar, about 15 MB, in its images of today's name and the former)
    **dict.fromkeys(("wiremock/wiremock", "rodolpheche/wiremock"), ("/var/wiremock/lib",)),
    # (the Selenium server's jar, about 30 MB, in every image of docker-selenium's)
    **dict.fromkeys(_SELENIUM, ("/opt/selenium",)),
    # The default web applications (docs, examples, manager: about 5 MB), out of webapps/
    # since 2020 (8.5.51, 9.0.31), where `_FILES` knows their context.xml.
    "tomcat": ("/usr/local/tomcat/webapps.dist",),
    # (TomEE's keep theirs in webapps/: ROOT, docs, manager, host-manager)
    "tomee": tuple(f"/usr/local/tomee/webapps/{a}" for a in ("ROOT", "docs", *_TOMCAT_APPS)),
    "buildkite/puppeteer": ("/node_modules",),  # (puppeteer with its Chromium)
    # (Triton's backends: each framework's runtime and libraries, hundreds of MB)
    "nvcr.io/nvidia/tritonserver": ("/opt/tritonserver/backends",),
    # (Ghost since 1.0: what ghost-cli installed, the release with its node_modules)
    "ghost": ("/var/lib/ghost/versions",),
    # (the office suite, hundreds of MB: its fonts, dictionaries, autocorrect lists, extensions)
    "collabora/code": ("/opt/collaboraoffice*",),
    # (ONLYOFFICE Docs' server, editors and core fonts, and the DejaVu fonts its Dockerfile
    # installs with fonts-dejavu)
    "onlyoffice/documentserver*": (
        "/var/www/onlyoffice/documentserver",
        "/usr/share/fonts/truetype/dejavu",
    ),
}

# The python image's tags that name its minor version (`3.10-alpine`, `3.12.4-slim`)
_PYTHON_MINOR = re.compile(r"3\.(\d+)(?:[.-]|$)")
# Prefect 2's tags (`2.14.3-python3.11`, `2-python3.10`), whose Dockerfile copied the
# requirements into /opt/prefect and pip-installed them (3's installs its sdist with uv)
_PREFECT_2 = re.compile(r"2(?:[.-]|$)")
_PREFECT_1 = re.compile(r"[01](?:[.-]|$)")
_PREFECT_2_FILES = tuple(
    f"/opt/prefect/{n}" for n in ("requirements.txt", "requirements-client.txt")
)

# Vector's tags from before its default configuration became vector.yaml (0.33)
_OLD_VECTOR = re.compile(r"0\.(?:\d|[12]\d|3[0-2])(?!\d)")

# Directories inside an image's trees that it ships empty: a recursive change of one copies
# up nothing of the base. (Tomcat's webapps/ since the default applications moved to
# webapps.dist; its logs/ and work/ fill only when the server runs, and temp/ holds an empty
# safeToDelete.tmp.)
_EMPTY_DIRS = {
    "tomcat": tuple(f"/usr/local/tomcat/{d}" for d in ("webapps", "logs", "work", "temp")),
    "tomee": tuple(f"/usr/local/tomee/{d}" for d in ("logs", "work", "temp")),
    # (Ghost's content, re-made empty for its volume; Jetty's base's webapps; Flink's log)
    # (and its current/, a link to versions/X: a recursive change of it changes the link alone)
    "ghost": ("/var/lib/ghost/content", "/var/lib/ghost/current"),
    "jetty": ("/var/lib/jetty/webapps",),
    # (php's, every variant's, made for the web server's files)
    "php": ("/var/www/html",),
    **dict.fromkeys(("flink", "apache/flink"), ("/opt/flink/log",)),
    # (Spark's images make SPARK_HOME's work-dir empty, their WORKDIR)
    **dict.fromkeys(("spark", "apache/spark"), ("/opt/spark/work-dir",)),
    # (Keycloak's Quarkus distribution keeps its own themes in a jar in lib/: themes/ holds a
    # README alone, and the themes a build adds)
    "*keycloak/keycloak": ("/opt/keycloak/themes",),
    # (conda's installers leave envs/ empty: the base environment is the prefix itself)
    **dict.fromkeys(
        ("continuumio/*conda3", "condaforge/mini*", "*jupyter/*-notebook"), ("/opt/conda/envs",)
    ),
    # (opam's images clean its download cache after the switches they build)
    **dict.fromkeys(("ocaml/opam", "ocaml/opam2"), ("/home/opam/.opam/download-cache",)),
    "coqorg/coq": ("/home/coq/.opam/download-cache",),
}

# RabbitMQ's tags from before its image enabled rabbitmq_prometheus offline (3.8): their
# enabled_plugins is the management tags' alone
_OLD_RABBITMQ = re.compile(r"3\.[0-7](?:[.-]|$)")
# Ghost's 0.x tags (`0.11`, `0`, `0-alpine`)
_GHOST_0 = re.compile(r"0(?:[.-]|$)")
# Flink's tags from before config.yaml replaced flink-conf.yaml (1.19; Scala 2.11's, 1.14 and
# before, are named by Scala alone: `scala_2.11-java8`)
_OLD_FLINK = re.compile(r"1\.(?:\d|1[0-8])(?:[.-]|$)|(?:.*-)?scala_2\.11")
# The configuration every Flink ships beside its flink-conf.yaml or config.yaml
_FLINK_COMMON = (
    *("log4j.properties", "log4j-cli.properties", "log4j-console.properties", "masters"),
    *("zoo.cfg", "logback.xml", "logback-console.xml"),
)
# and since 1.11 (slaves renamed workers; log4j-yarn-session.properties, log4j-session)
_FLINK_CONF = (*_FLINK_COMMON, "log4j-session.properties", "workers")
# Flink's tags of 1.10 and before, which ship slaves
_FLINK_1_10 = re.compile(r"1\.(?:\d|10)(?:[.-]|$)")
# mysql's tags of 8 and later, and their names (on Oracle Linux unless a tag says debian)
_ORACLE_MYSQL = re.compile(r"(?:[89]|\d\d)(?:[.-]|$)|latest$|lts|innovation|.*oracle")
# Drupal's tags from before its image became a composer project in /opt/drupal (8.8)
_OLD_DRUPAL = re.compile(r"(?:[1-7]|8\.[0-7])(?:[.-]|$)")
# Tomcat tags from before the default applications moved to webapps.dist (8.5.51, 9.0.31).
_OLD_TOMCAT = re.compile(
    r"(?:[56]|7\.0\.(?:\d|[1-9]\d)(?!\d)|8\.0|8\.5\.(?:[0-4]?\d|50)(?!\d)"
    r"|9\.0\.(?:[0-2]?\d|30)(?!\d)"
    r"|.*-j(?:re|dk)7\b"  # (Java 7's tags were gone before the move: `7-jre7`, `8.0-jre7`)
    r"|.*alpine)"  # (and the Alpine ones, `9-alpine`, `8.5-jre8-alpine`: last built in 2019)
)

# Gems of Ruby itself (default gems), which `gem uninstall` cannot remove: bundler among them
# since Ruby 2.6; the ruby image installed its own bundler beside it until its 3.x tags.
_DEFAULT_GEMS = frozenset(
    {"bundler", "json", "psych", "openssl", "stringio", "strscan", "date", "io-console"}
    | {"fileutils", "etc", "zlib", "uri", "time", "digest", "erb"}
)
OLD_GO = re.compile(r"1\.[0-9](?:[.-]|rc|beta|$)")  # (golang:1.5, 1.9.2-alpine: before 1.10)
# (golang:1.11.1-alpine3.7: before Go 1.13 a build inside GOPATH/src is in GOPATH mode)
GOPATH_GO = re.compile(r"1\.1[0-2](?:[.-]|rc|beta|$)")
# (Go 1.13 to 1.15, whose GO111MODULE=auto is module mode only with a go.mod in the directory or
# above it; 1.16 made modules the default)
AUTO_GO = re.compile(r"1\.1[3-5](?:[.-]|rc|beta|$)")
# (Go before 1.18, whose `go get` builds what it fetched and installs it; 1.18's only adds it
# to go.mod)
BUILDING_GET_GO = re.compile(r"1\.(?:[0-9]|1[0-7])(?:[.-]|rc|beta|$)")
_OLD_RUBY = re.compile(r"[12]\.")

# The PATH of an image whose Dockerfile sets none (Docker's default for Linux)
_DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# The ENV and WORKDIR an image's Dockerfile set, which its children's RUNs use
# (`fix-permissions "${CONDA_DIR}"` on a Jupyter image, `chown -R 1001:0 ${APP_ROOT}` on s2i).
_ALPINE_PHPIZE = "autoconf dpkg-dev dpkg file g++ gcc libc-dev make pkgconf re2c"
_ENV: Mapping[str, tuple[tuple[str, str], ...]] = {
    "golang": (("GOPATH", "/go"),),
    # (MIT Open Learning's Python base: uv's cache where its apps mount a cache for `uv sync`)
    "mitodl/ol-python-base": (("UV_CACHE_DIR", "/opt/uv-cache"),),
    # (its global npmrc keeps npm's cache in the data volume: `npm config set cache /data/.npm`)
    "nodered/node-red": (("npm_config_cache", "/data/.npm"),),
    "espressif/idf": (("IDF_PATH", "/opt/esp/idf"), ("IDF_TOOLS_PATH", "/opt/esp")),
    "spack/*": (("SPACK_ROOT", "/opt/spack"),),
    # (pandoc's LaTeX images: TeX Live in /opt/texlive/texdir, its bin/default first on PATH,
    # where a bare tlmgr is found)
    **dict.fromkeys(
        ("pandoc/latex", "pandoc/extra", "pandoc/ubuntu-latex"),
        (("PATH", "/opt/texlive/texdir/bin/default:" + _DEFAULT_PATH),),
    ),
    "eclipse-temurin": (("JAVA_HOME", "/opt/java/openjdk"),),
    # (AWS Lambda's base images: the function's code, `COPY app.py ${LAMBDA_TASK_ROOT}`)
    **dict.fromkeys(
        ("public.ecr.aws/lambda/*", "amazon/aws-lambda-*"),
        (("LAMBDA_TASK_ROOT", "/var/task"), ("LAMBDA_RUNTIME_DIR", "/var/runtime")),
    ),
    _DEVCONTAINERS + "ruby": (("GEM_HOME", "/usr/local/rvm/gems/default"),),
    # (and phpize's build tools, which the Debian tags keep installed: `apt-get purge
    # $PHPIZE_DEPS` removes the base's; the Alpine tags name Alpine's, `_ALPINE_PHPIZE`)
    **dict.fromkeys(
        _PHP_IMAGES,
        (
            ("PHP_INI_DIR", "/usr/local/etc/php"),
            ("PHPIZE_DEPS", "autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c"),
        ),
    ),
    "tomcat": (("CATALINA_HOME", "/usr/local/tomcat"),),
    "httpd": (("HTTPD_PREFIX", "/usr/local/apache2"),),
    "jetty": (("JETTY_HOME", "/usr/local/jetty"), ("JETTY_BASE", "/var/lib/jetty")),
    **dict.fromkeys(("flink", "apache/flink"), (("FLINK_HOME", "/opt/flink"),)),
    **dict.fromkeys(("spark", "apache/spark"), (("SPARK_HOME", "/opt/spark"),)),
    "neo4j": (("NEO4J_HOME", "/var/lib/neo4j"),),
    "cassandra": (("CASSANDRA_CONF", "/etc/cassandra"),),
    "apache/hive": (("HIVE_HOME", "/opt/hive"), ("HADOOP_HOME", "/opt/hadoop")),
    "sonarqube": (("SONARQUBE_HOME", "/opt/sonarqube"),),
    "ghost": (("GHOST_INSTALL", "/var/lib/ghost"), ("GHOST_CONTENT", "/var/lib/ghost/content")),
    **{
        name: (("JENKINS_HOME", "/var/jenkins_home"),)
        for name in ("jenkins/jenkins", "jenkinsci/jenkins", "jenkins")
    },
    **dict.fromkeys(
        ("rust", f"{_DEVCONTAINERS}rust"),
        (("CARGO_HOME", "/usr/local/cargo"), ("RUSTUP_HOME", "/usr/local/rustup")),
    ),
    "composer": (("COMPOSER_HOME", "/tmp"),),
    "ruby": (("GEM_HOME", "/usr/local/bundle"), ("BUNDLE_APP_CONFIG", "/usr/local/bundle")),
    "jekyll/*": (("GEM_HOME", "/usr/gem"), ("BUNDLE_APP_CONFIG", "/usr/local/bundle")),
    "condaforge/mini*": (("CONDA_DIR", "/opt/conda"),),
    "*jupyter/*-notebook": (
        *(("CONDA_DIR", "/opt/conda"), ("NB_USER", "jovyan"), ("NB_UID", "1000")),
        *(("NB_GID", "100"), ("HOME", "/home/jovyan"), ("XDG_CACHE_HOME", "/home/jovyan/.cache/")),
    ),
    "*jupyter/*spark-notebook": (("SPARK_HOME", "/usr/local/spark"),),
    # (DockerSpawner's systemuser image: Jupyter's singleuser one, run as root, with jovyan's
    # home kept after `userdel jovyan`)
    _SYSTEMUSER: (("CONDA_DIR", "/opt/conda"), ("HOME", "/home/jovyan")),
    f"{_DEVCONTAINERS}*-node": (("NVM_DIR", "/usr/local/share/nvm"),),
    # (the OCaml images run as their user opam, whose ~/.opam holds opam's root)
    "ocaml/opam": (("HOME", "/home/opam"),),
    # (Gitpod's workspace images set their user gitpod's home for every user: root's pip there
    # finds a cache directory it does not own)
    "gitpod/workspace-*": (("HOME", "/home/gitpod"),),
    # (every OSS-Fuzz project's Dockerfile builds on these: `COPY build.sh $SRC/`)
    "gcr.io/oss-fuzz-base/*": (("SRC", "/src"), ("OUT", "/out"), ("WORK", "/work")),
    **{
        key: (
            *(("APP_ROOT", "/opt/app-root"), ("HOME", "/opt/app-root/src")),
            ("STI_SCRIPTS_PATH", "/usr/libexec/s2i"),
            # (sclorg's Python images turn pip's cache off: s2i-python-container's Dockerfiles)
            # (sclorg's nginx images: where its configuration lies, which Dockerfiles name)
            *(_SCL_NGINX_ENV if key in _SCL_NGINX else ()),
            *((("PIP_NO_CACHE_DIR", "off"),) if "python" in key else ()),
        )
        for key in _S2I
    },
    # (the s2i images built on sclorg's Python ones name the version: Thoth's `s2i-thoth-ubi8-py38`)
    "*s2i-*-py3*": (("PIP_NO_CACHE_DIR", "off"),),
    # (the same images by the short name podman resolves, `FROM ubi8/python-39`, and RHEL's)
    **dict.fromkeys(
        (*(f"ubi{v}/python-3*" for v in (8, 9, 10)), "*/rhel8/python-3*", "*/rhel9/python-3*"),
        (("PIP_NO_CACHE_DIR", "off"),),
    ),
    **dict.fromkeys(("jboss/wildfly", "quay.io/wildfly/wildfly"), (("JBOSS_HOME", _WILDFLY),)),
    "jboss/keycloak": (("JBOSS_HOME", "/opt/jboss/keycloak"),),
    **dict.fromkeys(_EAP, (("JBOSS_HOME", "/opt/eap"),)),
    "cm2network/steamcmd": (
        *(("USER", "steam"), ("HOMEDIR", "/home/steam"), ("STEAMCMDDIR", "/home/steam/steamcmd")),
    ),
    "apache/nifi": (("NIFI_BASE_DIR", "/opt/nifi"), ("NIFI_HOME", "/opt/nifi/nifi-current")),
    # (linuxserver's desktop bases: HOME is the user's volume, root's RUNs' too)
    **dict.fromkeys(_LSIO_DESKTOP, (("HOME", "/config"),)),
    # (ZAP's images keep its user's home, also for root after `USER root`)
    **dict.fromkeys(_ZAP, (("HOME", "/home/zap/"),)),
    # (and docker-selenium's their seluser's: pip run by root after `USER root` finds its cache
    # there another user's and turns it off)
    **dict.fromkeys(_SELENIUM, (("HOME", "/home/seluser"),)),
    **dict.fromkeys(_SAGE, (("HOME", "/home/sage"),)),
    _ANSIBLE_OPERATOR: (("PIP_NO_CACHE_DIR", "1"), ("HOME", "/opt/ansible")),
    # (the official Sentry image turns pip's cache off, as sclorg's do)
    "sentry": (("PIP_NO_CACHE_DIR", "off"), ("SENTRY_CONF", "/etc/sentry")),
    _BINDER_BASE: (("HOME", "/home/main"),),
    _BITWALKER: (("HOME", "/opt/app/"),),
    # (Gitpod's OpenVSCode Server image: its user's home is the workspace)
    "gitpod/openvscode-server": (("HOME", "/home/workspace"),),
}
# The users an image's own Dockerfile added, by name and uid, and their homes: a RUN as
# `USER 1000` on node runs with HOME=/home/node, where npm puts its cache.
_HOMES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "node": (("node", "/home/node"), ("1000", "/home/node")),
    "codercom/code-server": (("coder", "/home/coder"), ("1000", "/home/coder")),
    "gitpod/openvscode-server": (
        ("openvscode-server", "/home/workspace"),
        ("1000", "/home/workspace"),
    ),
    f"{_DEVCONTAINERS}*": (("vscode", "/home/vscode"), ("1000", "/home/vscode")),
    "*jupyter/*-notebook": (("jovyan", "/home/jovyan"), ("1000", "/home/jovyan")),
    **dict.fromkeys(_SAGE, (("sage", "/home/sage"),)),
    _ANSIBLE_OPERATOR: (("ansible", "/opt/ansible"), ("1001", "/opt/ansible")),
    _BINDER_BASE: (("main", "/home/main"),),
    # (rocker's images with RStudio Server add its user, rstudio, uid 1000, with a home)
    **dict.fromkeys(
        (
            f"rocker/{n}"
            for n in ("rstudio", "tidyverse", "verse", "geospatial", "ml", "ml-verse", "binder")
        ),
        (("rstudio", "/home/rstudio"), ("1000", "/home/rstudio")),
    ),
    "apache/airflow": (("airflow", "/home/airflow"), ("50000", "/home/airflow")),
    # (Phusion Passenger's images add the application's user, app, uid 9999)
    "phusion/passenger-*": (("app", "/home/app"), ("9999", "/home/app")),
    **dict.fromkeys(
        ("jenkins/agent", "jenkins/inbound-agent"),
        (("jenkins", "/home/jenkins"), ("1000", "/home/jenkins")),
    ),
    **dict.fromkeys(_ZAP, (("zap", "/home/zap"), ("1000", "/home/zap"))),
    **dict.fromkeys(_EAP, (("jboss", "/home/jboss"), ("185", "/home/jboss"))),
    "cm2network/steamcmd": (("steam", "/home/steam"), ("1000", "/home/steam")),
    _ACTIONS_RUNNER: (("runner", "/home/runner"), ("1001", "/home/runner")),
    **dict.fromkeys(_JBOSS, (("jboss", "/opt/jboss"), ("1000", "/opt/jboss"))),
    **dict.fromkeys(_FRAPPE, (("frappe", "/home/frappe"), ("1000", "/home/frappe"))),
    **dict.fromkeys(_SELENIUM, (("seluser", "/home/seluser"), ("1200", "/home/seluser"))),
}
# The USER an image's own Dockerfile ends with, which its children's RUNs run as until a USER
# line of theirs (code-server's runs as coder: its extensions land in /home/coder).
_USER: Mapping[str, str] = {
    "codercom/code-server": "coder",
    "gitpod/openvscode-server": "openvscode-server",
    "apache/airflow": "airflow",
    **dict.fromkeys(("jenkins/agent", "jenkins/inbound-agent"), "jenkins"),
    **dict.fromkeys(_ZAP, "zap"),
    **dict.fromkeys(_EAP, "185"),  # (jboss, whose home is /home/jboss)
    "cm2network/steamcmd": "steam",  # (not its `root` tags)
    _ACTIONS_RUNNER: "runner",
    **dict.fromkeys(_JBOSS, "jboss"),
    **dict.fromkeys(_FRAPPE, "frappe"),
    **dict.fromkeys(_SELENIUM, "seluser"),
    **dict.fromkeys(_SAGE, "sage"),
    _ANSIBLE_OPERATOR: "1001",
    _BINDER_BASE: "main",
    # (linuxserver's desktop bases run as root with HOME=/config: root's yarn 1 still caches in
    # /usr/local/share, whatever HOME says)
    **dict.fromkeys(_LSIO_DESKTOP, "root"),
    _SYSTEMUSER: "root",
}
# The trees an image's own Dockerfile ran fix-permissions over (Jupyter's, s2i's): a child's
# fix-permissions there changes nothing the base wrote.
_FIXED: Mapping[str, tuple[str, ...]] = {
    "*jupyter/*-notebook": ("/opt/conda", "/home/jovyan"),
    **dict.fromkeys(_S2I, ("/opt/app-root",)),
}
_WORKDIR: Mapping[str, str] = {
    "*jupyter/*-notebook": "/home/jovyan",
    # (AWS Lambda's: LAMBDA_TASK_ROOT, where a function's code goes)
    **dict.fromkeys(("public.ecr.aws/lambda/*", "amazon/aws-lambda-*"), "/var/task"),
    **dict.fromkeys(_SAGE, "/home/sage"),
    _ANSIBLE_OPERATOR: "/opt/ansible",
    _BINDER_BASE: "/home/main",
    **dict.fromkeys(_S2I, "/opt/app-root/src"),
    "pytorch/torchserve": "/home/model-server",
    "nodered/node-red": "/usr/src/node-red",
    "glassfish": "/usr/local/glassfish4",
    **dict.fromkeys(_JBOSS, "/opt/jboss"),
    **dict.fromkeys(_FRAPPE_PRODUCTION, "/home/frappe/frappe-bench"),
    "frappe/bench": "/home/frappe",  # (the bench's own image: benches are made below it)
    # (Jenkins' agent images work in the agent user's home)
    **dict.fromkeys(
        ("jenkins/agent", "jenkins/inbound-agent", "jenkins/ssh-agent", *_OLD_AGENT_NAMES),
        "/home/jenkins",
    ),
    "tiangolo/uvicorn-gunicorn*": "/app",
    "mambaorg/micromamba": "/tmp",
    **dict.fromkeys(_ZAP, "/zap"),
    "tiangolo/uwsgi-nginx*": "/app",
    "redmine": "/usr/src/redmine",
    "codercom/code-server": "/home/coder",
    _ACTIONS_RUNNER: "/home/runner",
    _BITWALKER: "/opt/app",  # (its `WORKDIR ${HOME}`)
    "gitpod/workspace-*": "/home/gitpod",  # (workspace-base's `WORKDIR $HOME`)
    "wordpress": "/var/www/html",
    "nextcloud": "/var/www/html",
    "joomla": "/var/www/html",
    "composer": "/app",
    "tomcat": "/usr/local/tomcat",
    "grafana/grafana*": "/usr/share/grafana",
    "prom/prometheus": "/prometheus",
    "gcr.io/oss-fuzz-base/base-builder*": "/src",
    "apache/airflow": "/opt/airflow",
    "apache/superset": "/app",
    "dunglas/frankenphp": "/app",
    "rclone/rclone": "/data",
    "apache/hive": "/opt/hive",
    # (official images' own WORKDIRs: `COPY redis.conf .` on redis lands in /data)
    "redis": "/data",
    "golang": "/go",
    "httpd": "/usr/local/apache2",
    "ghost": "/var/lib/ghost",
    "caddy": "/srv",
    "sonarqube": "/opt/sonarqube",
    "jetty": "/var/lib/jetty",
    **dict.fromkeys(("flink", "apache/flink"), "/opt/flink"),
    "neo4j": "/var/lib/neo4j",
    "tomee": "/usr/local/tomee",
    **dict.fromkeys(
        ("mediawiki", "phpmyadmin", "phpmyadmin/phpmyadmin", "matomo", "adminer"), "/var/www/html"
    ),
    "prestashop/prestashop": "/var/www/html",
    "jekyll/*": "/srv/jekyll",
    # (NVIDIA's NGC framework images work in /workspace)
    **dict.fromkeys(("nvcr.io/nvidia/pytorch", "nvcr.io/nvidia/tensorflow"), "/workspace"),
    "prefecthq/prefect": "/opt/prefect",
    # (OpenSearch's and its Dashboards', laid out as Elasticsearch's and Kibana's)
    **{
        f"opensearchproject/{n}": f"/usr/share/{n}" for n in ("opensearch", "opensearch-dashboards")
    },
    **{
        key: f"/usr/share/{name}"
        for name in ("elasticsearch", "kibana", "logstash")
        for key in (
            name,
            f"docker.elastic.co/{name}/{name}",
            f"docker.elastic.co/{name}/{name}-oss",
        )
    },
    **{
        key: f"/usr/share/{beat}"
        for beat in _BEATS
        for key in (f"{_ELASTIC}beats/{beat}*", f"elastic/{beat}")
    },
}


# The main configuration files a package installs, by package manager: a COPY to one of these
# paths after the install replaces it. Only paths that hold on every release of the
# distribution family; where they differ (redis on RHEL 7 and 9), nothing.
_NGINX_APT = (
    *("/etc/nginx/nginx.conf", "/etc/nginx/sites-available/default"),
    *(
        *("/etc/nginx/fastcgi_params", "/etc/nginx/fastcgi.conf", "/etc/nginx/proxy_params"),
        *("/etc/nginx/mime.types", "/etc/nginx/snippets/fastcgi-php.conf"),
        *("/etc/nginx/uwsgi_params", "/etc/nginx/scgi_params"),
        *("/var/www/html/index.nginx-debian.html", "/etc/logrotate.d/nginx"),
        "/usr/share/nginx/html/index.html",  # (nginx-common's, which the postinst copies)
    ),
)
# What Debian's and Ubuntu's nginx ship that nginx.org's package does not
DEBIAN_NGINX_ONLY = (
    *("/etc/nginx/sites-available", "/etc/nginx/sites-enabled", "/etc/nginx/snippets"),
    *("/etc/nginx/proxy_params", "/var/www"),
)
_PHP_VERSIONS = ("7.0", "7.1", "7.2", "7.3", "7.4", "8.0", "8.1", "8.2", "8.3", "8.4", "8.5")
_PHP_COMMON_INIS = (
    *("calendar", "ctype", "exif", "fileinfo", "ffi", "ftp", "gettext", "iconv", "pdo", "phar"),
    *("posix", "shmop", "sockets", "sysvmsg", "sysvsem", "sysvshm", "tokenizer"),
)
# The ini files of the extensions each PHP extension package of Debian's family loads, by the
# package's name after its version (php8.2-mysql: mysqlnd, mysqli, pdo_mysql)
_PHP_EXTENSION_INIS = {
    **{
        n: (n,)
        for n in (
            *("opcache", "mbstring", "curl", "gd", "intl", "zip", "bcmath", "soap", "ldap"),
            *("imap", "readline", "bz2", "gmp", "tidy", "apcu", "redis", "memcached", "imagick"),
            *("mongodb", "igbinary", "msgpack", "amqp", "yaml", "ssh2", "uuid", "zmq"),
        )
    },
    "mysql": ("mysqlnd", "mysqli", "pdo_mysql"),
    "pgsql": ("pgsql", "pdo_pgsql"),
    "sqlite3": ("sqlite3", "pdo_sqlite"),
    "xml": ("dom", "simplexml", "xml", "xmlreader", "xmlwriter", "xsl"),
    "common": _PHP_COMMON_INIS,
}
# Debian's PHP SAPI packages (phpX.Y-cli, -fpm, ...), which depend on phpX.Y-common, -opcache and
# -readline: those packages' ini files come with them
_PHP_SAPI = re.compile(r"php(\d\.\d)-(?:cli|fpm|cgi|phpdbg)")
_PHP_SAPI_INIS = (*_PHP_COMMON_INIS, "opcache", "readline")
# LiteSpeed's PHP builds (`lsphp74`, `lsphp81-common`), each under its own prefix
_LSPHP = re.compile(r"lsphp(\d)(\d)(?:-common)?")
_MY_CNF = ("/etc/my.cnf",)
_PG_CLUSTER_CONF = (
    *("postgresql.conf", "pg_hba.conf", "pg_ident.conf", "pg_ctl.conf", "start.conf"),
    "environment",
)
_DEBIAN_CNF = "/etc/mysql/debian.cnf"
_MYSQL_COMMON = "/etc/mysql/my.cnf"
_NGINX = ("nginx-core", "nginx-extras")


def _spamassassin(etc: str) -> tuple[str, ...]:
    """SpamAssassin's site configuration in `etc`, and the plugin loaders beside it."""
    return tuple(f"{etc}/{n}" for n in ("local.cf", "init.pre", "v310.pre", "v312.pre", "v320.pre"))


# (Dovecot 2's configuration, the same on every distribution)
_DOVECOT = (
    "/etc/dovecot/dovecot.conf",
    *(f"/etc/dovecot/conf.d/10-{n}.conf" for n in ("auth", "logging", "mail", "master", "ssl")),
)
# (the rest of what Debian's postinst copies into conf.d from /usr/share/dovecot)
_DOVECOT_DEBIAN_CONF = (
    *("10-director", "10-tcpwrapper", "15-lda", "15-mailboxes", "90-acl", "90-plugin"),
    "90-quota",
)
_DOVECOT_AUTH = ("checkpassword", "deny", "dict", "master", "passwdfile", "sql", "static", "system")
# (Debian's postinst copies the .ext files beside dovecot.conf from /usr/share/dovecot)
_DOVECOT_CORE = (
    *_DOVECOT,
    *(f"/etc/dovecot/dovecot-{n}.conf.ext" for n in ("sql", "dict-auth", "dict-sql")),
    *(f"/etc/dovecot/conf.d/{n}.conf" for n in _DOVECOT_DEBIAN_CONF),
    *(f"/etc/dovecot/conf.d/auth-{n}.conf.ext" for n in _DOVECOT_AUTH),
    "/etc/init.d/dovecot",
)
_CLICKHOUSE = ("/etc/clickhouse-server/config.xml", "/etc/clickhouse-server/users.xml")
_PUPPETSERVER = (
    *(f"/etc/puppetlabs/puppetserver/{n}.xml" for n in ("logback", "request-logging")),
    *(f"/etc/puppetlabs/puppetserver/conf.d/{n}.conf" for n in ("puppetserver", "webserver")),
)
_PUPPET_AGENT = ("puppet.conf", "hiera.yaml")  # (Puppet's own packages, Puppet 4 on)
_PUPPETDB = (
    *(f"/etc/puppetlabs/puppetdb/{n}.xml" for n in ("logback", "request-logging")),
    *(f"/etc/puppetlabs/puppetdb/conf.d/{n}" for n in ("auth.conf", "config.ini", "jetty.ini")),
    "/etc/puppetlabs/puppetdb/conf.d/database.ini",
)


def _freeradius(root: str) -> tuple[str, ...]:
    """FreeRADIUS 3's main configuration files, below `root`."""
    return tuple(
        f"{root}/{n}"
        for n in (
            *("radiusd.conf", "clients.conf", "mods-available/eap", "mods-available/sql"),
            *("sites-available/default", "sites-available/inner-tunnel"),
            *("proxy.conf", "mods-available/ldap"),
        )
    )


def _elastic(name: str, *files: str) -> tuple[str, ...]:
    """An Elastic product's files in /etc, its jvm.options among them."""
    return tuple(f"/etc/{name}/{f}" for f in dict.fromkeys((*files, "jvm.options")))


_EXTERNALLY_MANAGED = "/usr/lib/python3.1[1-9]/EXTERNALLY-MANAGED"
_MANAGERS = ("apt", "apk", "yum")
# The filters fail2ban ships that Dockerfiles replace
_FAIL2BAN_FILTERS = (
    *("sshd", "asterisk", "freeswitch", "nginx-http-auth", "apache-auth", "postfix"),
    *("dovecot", "recidive", "nginx-limit-req", "apache-badbots"),
)
_HTCONDOR = ("condor", "htcondor")
_APACHE2 = (
    *("/etc/apache2/apache2.conf", "/etc/apache2/ports.conf"),
    *(
        "/etc/apache2/sites-available/000-default.conf",
        "/etc/apache2/sites-available/default-ssl.conf",
    ),
    *_APACHE2_CONF,
    *("/var/www/html/index.html", "/etc/apache2/envvars", "/etc/logrotate.d/apache2"),
)
_APACHE2_2 = (
    *("/etc/apache2/apache2.conf", "/etc/apache2/ports.conf", "/etc/apache2/envvars"),
    *("/etc/apache2/sites-available/default", "/etc/apache2/sites-available/default-ssl"),
    *("/var/www/index.html", "/etc/logrotate.d/apache2"),
    # (its snippets in conf.d, named without .conf; its modules' configuration, but for the
    # MPMs, which were packages of their own)
    *(
        f"/etc/apache2/conf.d/{n}"
        for n in ("security", "charset", "localized-error-pages", "other-vhosts-access-log")
    ),
    *(f for f in _APACHE2_CONF if "/mods-available/" in f and "/mpm_" not in f),
)
_OPENBOX = tuple(f"/etc/xdg/openbox/{n}" for n in ("rc.xml", "menu.xml", "autostart"))
_LXDE_COMMON = (
    "/etc/xdg/pcmanfm/LXDE/pcmanfm.conf",
    *(f"/etc/xdg/lxsession/LXDE/{n}" for n in ("autostart", "desktop.conf")),
)
_LXTERMINAL = ("/usr/share/lxterminal/lxterminal.conf",)
_SHIBBOLETH_CONF = (
    *("shibboleth2.xml", "attribute-map.xml", "attribute-policy.xml", "protocols.xml"),
    *("security-policy.xml", "shibd.logger", "native.logger"),
)
_POSTFIX_TABLES = (
    *("access", "canonical", "generic", "header_checks", "relocated", "transport", "virtual"),
)
_ASTERISK_CONF = tuple(
    f"/etc/asterisk/{n}.conf"
    for n in (
        *("asterisk", "pjsip", "extensions", "rtp", "sip", "modules", "logger"),
        *("manager", "voicemail", "features", "indications", "musiconhold"),
    )
)
_IAX = "/etc/asterisk/iax.conf"
_XRDP = ("/etc/xrdp/xrdp.ini", "/etc/xrdp/sesman.ini", "/etc/xrdp/startwm.sh")
_NOVNC_ICONS = (16, 24, 32, 48, 60, 64, 72, 76, 96, 120, 144, 152, 192)
_PROFTPD_CONFS = ("proftpd", "modules", "sql", "ldap", "tls", "virtuals", "sftp", "geoip", "snmp")
_SCL_REPOS = ("/etc/yum.repos.d/CentOS-SCLo-scl.repo", "/etc/yum.repos.d/CentOS-SCLo-scl-rh.repo")
_OPENLITESPEED = tuple(
    f"/usr/local/lsws/{n}"
    for n in (
        *("conf/httpd_config.conf", "conf/mime.properties", "admin/conf/admin_config.conf"),
        "conf/vhosts/Example/vhconf.conf",
    )
)
PACKAGE_FILES: Mapping[tuple[str, str], tuple[str, ...]] = {
    # (and the server's binary, which every one of them but nginx-common brings)
    **{
        ("apt", name): (*_NGINX_APT, *(("/usr/sbin/nginx",) if name != "nginx-common" else ()))
        for name in (*("nginx", "nginx-full", "nginx-light", "nginx-common"), *_NGINX)
    },
    ("apt", "apache2"): _APACHE2,
    ("apt", "supervisor"): ("/etc/supervisor/supervisord.conf", "/etc/init.d/supervisor"),
    ("apt", "ejabberd"): ("/etc/ejabberd/ejabberd.yml",),  # (since 14.07: Ubuntu 14.10, Debian 8)
    ("apt", "ejabberd (2.1)"): ("/etc/ejabberd/ejabberd.cfg",),
    # (OpenLiteSpeed's server and admin configuration and its Example virtual host)
    **dict.fromkeys((("apt", "openlitespeed"), ("yum", "openlitespeed")), _OPENLITESPEED),
    # (the id its postinst's `dbus-uuidgen --ensure` writes, small but a file of its layer)
    ("apt", "dbus"): ("/var/lib/dbus/machine-id",),
    ("apt", "rsyslog"): ("/etc/rsyslog.conf", "/etc/logrotate.d/rsyslog"),
    ("apt", "libpam-cap"): ("/etc/security/capability.conf",),  # (its sample, a conffile)
    # (the bundle the package's own trigger writes from the certificates it brings)
    **{(m, "ca-certificates"): (_BUNDLE,) for m in ("apt", "apk")},
    # (squid3: a name for squid since Ubuntu 16.04 and Debian 9, whose /etc/squid it has; before,
    # its own /etc/squid3, which is not there now)
    ("apt", "squid3"): ("/etc/squid/squid.conf",),
    ("apt", "squid3 (before 16.04)"): ("/etc/squid3/squid.conf",),
    ("apt", "plexmediaserver"): ("/etc/default/plexmediaserver",),
    **{
        (m, "kamailio"): ("/etc/kamailio/kamailio.cfg", "/etc/kamailio/kamctlrc") for m in _MANAGERS
    },
    **{
        (m, name): ("/etc/prosody/prosody.cfg.lua",)
        for m, name in (
            *(("apt", "prosody"), ("apk", "prosody"), ("apt", "jitsi-meet-prosody")),
            ("apt", "prosody-trunk"),  # (prosody.im's nightly builds)
        )
    },
    ("apt", "php5-fpm"): (
        *("/etc/php5/fpm/php-fpm.conf", "/etc/php5/fpm/pool.d/www.conf"),
        *("/etc/php5/fpm/php.ini", "/etc/php5/cli/php.ini"),
    ),
    ("apk", "nrpe"): ("/etc/nrpe.cfg",),
    ("apt", "nagios-nrpe-server"): ("/etc/nagios/nrpe.cfg",),
    # (FUSE's, which s3fs brings)
    **{(m, n): ("/etc/fuse.conf",) for m in ("apt", "apk") for n in ("fuse", "fuse3", "s3fs")},
    ("apk", "php7-xdebug"): ("/etc/php7/conf.d/xdebug.ini",),
    # LXDE's parts: openbox's configuration, lxde-common's session and file manager settings,
    # lxterminal's defaults; the lxde and lxde-core metapackages bring them
    ("apt", "openbox"): _OPENBOX,
    ("apt", "lxde-common"): _LXDE_COMMON,
    ("apt", "lxterminal"): _LXTERMINAL,
    ("apt", "lxde-core"): (*_OPENBOX, *_LXDE_COMMON),
    ("apt", "lxde"): (*_OPENBOX, *_LXDE_COMMON, *_LXTERMINAL),
    **{
        ("apt", name): ("/etc/apache2/mods-available/dav_svn.conf",)
        for name in ("libapache2-svn", "libapache2-mod-svn")
    },
    # Kerberos: krb5-config's postinst writes /etc/krb5.conf (the KDCs depend on it), and
    # krb5-kdc's its kdc.conf; Red Hat's krb5-libs ships /etc/krb5.conf, krb5-server the KDC's.
    **{
        ("apt", name): ("/etc/krb5.conf",)
        for name in ("krb5-config", "krb5-user", "krb5-admin-server", "heimdal-kdc")
    },
    ("apt", "krb5-kdc"): ("/etc/krb5.conf", "/etc/krb5kdc/kdc.conf"),
    # (Kannel's SMS gateway: its configuration and the init script's defaults)
    ("apt", "kannel"): ("/etc/kannel/kannel.conf", "/etc/default/kannel"),
    **{("yum", name): ("/etc/krb5.conf",) for name in ("krb5-libs", "krb5-workstation")},
    ("yum", "krb5-server"): (
        *("/etc/krb5.conf", "/var/kerberos/krb5kdc/kdc.conf"),
        "/var/kerberos/krb5kdc/kadm5.acl",
    ),
    ("apk", "openldap"): ("/etc/openldap/slapd.conf", "/etc/openldap/slapd.ldif"),
    ("apt", "salt-minion"): ("/etc/salt/minion",),
    ("apt", "mariadb-server"): ("/etc/mysql/mariadb.conf.d/50-server.cnf", _DEBIAN_CNF),
    # (the server's maintenance login, which its install writes)
    **{("apt", n): (_DEBIAN_CNF,) for n in ("mysql-server", "default-mysql-server")},
    # (/etc/mysql/my.cnf is a file of the servers of Ubuntu 14.04 and Debian 8 and older, which
    # name their version; since, a link to the alternative's file, a link a COPY replaces)
    **{
        ("apt", n): (_DEBIAN_CNF, _MYSQL_COMMON)
        for n in (
            "mysql-server-5.5",
            "mysql-server-5.6",
            "mariadb-server-5.5",
            "mariadb-server-10.0",
        )
    },
    ("apt", "mysql-common (before 16.04)"): (_MYSQL_COMMON,),
    # (PHP 5's Apache module depends on Apache's prefork MPM, which brings apache2; so do the
    # php5 metapackage and phpMyAdmin, unless the same install names another server: `_served`)
    ("apt", "libapache2-mod-php5"): (*_APACHE2, "/etc/php5/apache2/php.ini"),
    ("apt", "apache2 (2.2)"): _APACHE2_2,
    ("apt", "libapache2-mod-php5 (apache 2.2)"): (*_APACHE2_2, "/etc/php5/apache2/php.ini"),
    ("apt", "libapache2-mod-jk"): (
        *("/etc/apache2/mods-available/jk.conf", "/etc/apache2/mods-available/jk.load"),
        "/etc/libapache2-mod-jk/workers.properties",
    ),
    ("apt", "phpmyadmin"): ("/etc/phpmyadmin/config.inc.php",),
    ("apt", "php5-cli"): ("/etc/php5/cli/php.ini",),
    ("apt", "varnish"): ("/etc/varnish/default.vcl",),
    ("apk", "varnish"): ("/etc/varnish/default.vcl",),
    # (squid 3 and older kept /etc/squid3 on some releases: only `squid` itself)
    **{(m, "squid"): ("/etc/squid/squid.conf",) for m in ("apt", "apk", "yum")},
    # IPsec and L2TP servers: the daemons' main files, and ppp's secrets
    # (strongSwan's own settings too: libstrongswan's /etc/strongswan.conf)
    **{
        (m, name): ("/etc/ipsec.conf", "/etc/ipsec.secrets")
        + (("/etc/strongswan.conf",) if name.startswith("strongswan") else ())
        for m, name in (
            *(("apt", "strongswan"), ("apt", "strongswan-starter"), ("apt", "openswan")),
            *(("apt", "libreswan"), ("apk", "strongswan"), ("yum", "libreswan")),
            ("apk", "libreswan"),
        )
    },
    # (OpenRC's global settings)
    **{(m, "openrc"): ("/etc/rc.conf",) for m in ("apk", "apt")},
    # (Easy-RSA 3's program and its OpenSSL configuration, Debian's package; Alpine's the latter)
    ("apt", "easy-rsa"): ("/usr/share/easy-rsa/easyrsa", "/usr/share/easy-rsa/openssl-easyrsa.cnf"),
    ("apk", "easy-rsa"): ("/usr/share/easy-rsa/openssl-easyrsa.cnf",),
    **{(m, "xl2tpd"): ("/etc/xl2tpd/xl2tpd.conf",) for m in ("apt", "apk", "yum")},
    ("apt", "ppp"): ("/etc/ppp/chap-secrets", "/etc/ppp/pap-secrets", "/etc/ppp/options"),
    ("apt", "pgbouncer"): ("/etc/pgbouncer/pgbouncer.ini", "/etc/pgbouncer/userlist.txt"),
    ("apt", "couchdb"): ("/opt/couchdb/etc/vm.args", "/opt/couchdb/etc/local.ini"),
    ("apt", "runit"): ("/etc/runit/1", "/etc/runit/2", "/etc/runit/3"),
    ("apt", "anacron"): ("/etc/anacrontab", "/etc/cron.d/anacron"),
    ("apt", "dovecot-core"): _DOVECOT_CORE,
    **{(m, "dovecot"): _DOVECOT for m in ("apk", "yum")},
    # (and each protocol's package its own, which its postinst copies likewise, beside the
    # core's it depends on)
    **{
        ("apt", f"dovecot-{n}"): (*_DOVECOT_CORE, *(f"/etc/dovecot/{c}" for c in conf))
        for n, conf in (
            *(("imapd", ("conf.d/20-imap.conf",)), ("pop3d", ("conf.d/20-pop3.conf",))),
            *(
                ("lmtpd", ("conf.d/20-lmtp.conf",)),
                ("managesieved", ("conf.d/20-managesieve.conf",)),
            ),
            ("sieve", ("conf.d/90-sieve.conf", "conf.d/90-sieve-extprograms.conf")),
            # (the LDAP passdb and userdb: their settings beside dovecot.conf)
            ("ldap", ("dovecot-ldap.conf.ext", "conf.d/auth-ldap.conf.ext")),
        )
    },
    **{
        ("apt", f"php{v}-fpm"): (
            f"/etc/php/{v}/fpm/php-fpm.conf",
            f"/etc/php/{v}/fpm/pool.d/www.conf",
            f"/etc/php/{v}/fpm/php.ini",
            f"/etc/php/{v}/cli/php.ini",  # (it depends on php{v}-cli, as Apache's module does)
            f"/etc/logrotate.d/php{v}-fpm",
        )
        for v in _PHP_VERSIONS
    },
    **{
        ("apk", f"php{v.replace('.', '')}"): (f"/etc/php{v.replace('.', '')}/php.ini",)
        for v in _PHP_VERSIONS
        if v >= "8"
    },
    # (Alpine's php7 up to 3.15 and php8 of 3.13 to 3.15, named by the major version alone)
    **{("apk", f"php{m}"): (f"/etc/php{m}/php.ini",) for m in (7, 8)},
    **{
        ("apk", f"php{m}-fpm"): (f"/etc/php{m}/php-fpm.conf", f"/etc/php{m}/php-fpm.d/www.conf")
        for m in (7, 8)
    },
    **{
        ("apk", f"php{v.replace('.', '')}-fpm"): (
            f"/etc/php{v.replace('.', '')}/php-fpm.conf",
            f"/etc/php{v.replace('.', '')}/php-fpm.d/www.conf",
        )
        for v in _PHP_VERSIONS
        if v >= "8"
    },
    # (and by the names without a version, which the release's default PHP provides, `apk add
    # php-fpm` on 3.20: its files lie in the directory of that version, which the Dockerfile
    # names when it writes there)
    ("apk", "php"): tuple(f"/etc/php{v.replace('.', '')}/php.ini" for v in _PHP_VERSIONS[5:]),
    # (on Alpine before 3.14 it is PHP 7's, in /etc/php7)
    ("apk", "php (alpine<3.14)"): ("/etc/php7/php.ini",),
    ("apk", "php-fpm"): tuple(
        f"/etc/php{v.replace('.', '')}/{n}"
        for v in _PHP_VERSIONS[5:]
        for n in ("php-fpm.conf", "php-fpm.d/www.conf")
    ),
    # (Alpine's and RHEL's postfix keep the sample lookup tables in /etc/postfix too; Debian's
    # keep them in /usr/share/postfix)
    **{
        (m, "postfix"): tuple(
            f"/etc/postfix/{n}" for n in ("main.cf", "master.cf", *_POSTFIX_TABLES)
        )
        for m in ("apk", "yum")
    },
    # (EPEL's opendkim: its tables in /etc/opendkim, empty of keys but there)
    ("yum", "opendkim"): (
        "/etc/opendkim.conf",
        *(f"/etc/opendkim/{n}" for n in ("KeyTable", "SigningTable", "TrustedHosts")),
    ),
    # (Debian's redis, which pulls in redis-server, whose conffile it is)
    **dict.fromkeys((("apt", "redis-server"), ("apt", "redis")), ("/etc/redis/redis.conf",)),
    # (wget's global startup file, in Debian's package; Fedora's wget is wget2's, without it)
    ("apt", "wget"): ("/etc/wgetrc",),
    # (Alpine's readline, which bash pulls in: its inputrc)
    **{("apk", n): ("/etc/inputrc",) for n in ("readline", "readline-dev", "bash")},
    # (Debian's readline-common, which libreadline-dev pulls in)
    **{("apt", n): ("/etc/inputrc",) for n in ("readline-common", "libreadline-dev")},
    # (and the aliases its postinst writes when there are none)
    ("apt", "postfix"): ("/etc/postfix/main.cf", "/etc/postfix/master.cf", "/etc/aliases"),
    # (clamd.conf and freshclam.conf, which their postinst scripts generate)
    ("apt", "clamav-daemon"): ("/etc/clamav/clamd.conf",),
    ("apt", "clamav-freshclam"): ("/etc/clamav/freshclam.conf",),
    ("apt", "pure-ftpd-common"): ("/etc/default/pure-ftpd-common",),
    ("apt", "awstats"): ("/etc/cron.d/awstats", "/etc/awstats/awstats.conf"),
    ("apt", "chasquid"): ("/etc/chasquid/chasquid.conf",),
    ("apt", "opensips"): ("/etc/opensips/opensips.cfg",),
    # (monit's control file: Debian's in /etc/monit, Alpine's and EPEL's in /etc)
    ("apt", "monit"): ("/etc/monit/monitrc",),
    **{(m, "monit"): ("/etc/monitrc",) for m in ("apk", "yum")},
    # (the Shibboleth SP's configuration: Debian's common package, the project's own RPM)
    **{
        key: tuple(f"/etc/shibboleth/{n}" for n in _SHIBBOLETH_CONF)
        for key in (
            ("apt", "shibboleth-sp-common"),
            ("apt", "shibboleth-sp2-common"),
            ("yum", "shibboleth"),
        )
    },
    # (Debian's exim4-config: what its debconf questions wrote, and the template)
    ("apt", "exim4-config"): (
        "/etc/exim4/update-exim4.conf.conf",
        "/etc/exim4/exim4.conf.template",
        "/etc/exim4/passwd.client",
    ),
    ("apt", "vsftpd"): ("/etc/vsftpd.conf",),
    # (ProFTPD's, in proftpd-core since Debian 12, in proftpd-basic before; the latter now a
    # transitional package that brings it: what dpkg ships, and the .conf files its postinst
    # writes from templates)
    **dict.fromkeys(
        (("apt", n) for n in ("proftpd-basic", "proftpd-core")),
        (
            *(f"/etc/proftpd/{n}.conf" for n in _PROFTPD_CONFS),
            *("/etc/proftpd/blacklist.dat", "/etc/proftpd/dhparams.pem", "/etc/ftpusers"),
            *("/etc/default/proftpd", "/etc/pam.d/proftpd"),
        ),
    ),
    ("yum", "proftpd"): ("/etc/proftpd.conf",),
    ("apt", "haproxy"): ("/etc/haproxy/haproxy.cfg",),
    ("apt", "squid"): ("/etc/squid/squid.conf",),
    # (and the host keys its postinst generates: `rm -f /etc/ssh/ssh_host_*` in a later RUN)
    ("apt", "openssh-server"): (
        "/etc/ssh/sshd_config",
        *(
            f"/etc/ssh/ssh_host_{k}_key{p}"
            for k in ("rsa", "ecdsa", "ed25519")
            for p in ("", ".pub")
        ),
    ),
    ("apt", "gitweb"): ("/etc/gitweb.conf",),
    ("apt", "cgit"): ("/etc/cgitrc", "/usr/lib/cgit/filters/syntax-highlighting.sh"),
    ("apt", "rsyslog (ubuntu)"): ("/etc/rsyslog.d/50-default.conf",),  # (not Debian's)
    # (Ubuntu's MySQL 5.7 and 8.0 server configuration; Debian's mysql-server is MariaDB's)
    ("apt", "mysql-server (ubuntu)"): ("/etc/mysql/mysql.conf.d/mysqld.cnf",),
    # (Blackfire's agent, from its own repository: its configuration)
    ("apt", "blackfire-agent"): ("/etc/blackfire/agent",),
    **{
        ("apt", name): ("/etc/syslog-ng/syslog-ng.conf",)
        for name in ("syslog-ng", "syslog-ng-core")
    },
    ("apt", "cron"): ("/etc/crontab",),
    ("apt", "certbot"): ("/etc/cron.d/certbot", "/etc/letsencrypt/cli.ini"),
    ("apt", "scanbd"): ("/etc/scanbd/scanbd.conf",),
    ("apt", "libapache2-mod-security2"): ("/etc/modsecurity/modsecurity.conf-recommended",),
    # (mod_wsgi's module configuration, for Python 2 and 3)
    **{
        ("apt", name): tuple(f"/etc/apache2/mods-available/wsgi.{n}" for n in ("conf", "load"))
        for name in ("libapache2-mod-wsgi", "libapache2-mod-wsgi-py3")
    },
    # (noVNC's web client, whose icons and page images replace to brand it)
    ("apt", "novnc"): (
        "/usr/share/novnc/vnc.html",
        *(f"/usr/share/novnc/app/images/icons/novnc-{n}x{n}.png" for n in _NOVNC_ICONS),
        *(f"/usr/share/novnc/app/images/icons/novnc-icon{s}.svg" for s in ("", "-sm")),
    ),
    # (zsh's system-wide start-up files: Debian's zsh-common, Alpine's zsh)
    ("apt", "zsh"): ("/etc/zsh/zshrc", "/etc/zsh/zshenv", "/etc/zsh/zprofile", "/etc/zsh/zlogin"),
    ("apk", "zsh"): ("/etc/zsh/zshrc", "/etc/zsh/zprofile"),
    # Zabbix's own packages, the same in its apt and yum repositories
    **{
        (manager, f"zabbix-{part}"): (f"/etc/zabbix/zabbix_{conf}.conf",)
        for manager in ("apt", "yum")
        for part, conf in (
            *(("agent", "agentd"), ("agent2", "agent2"), ("java-gateway", "java_gateway")),
            *((f"server-{db}", "server") for db in ("mysql", "pgsql")),
            *((f"proxy-{db}", "proxy") for db in ("mysql", "pgsql", "sqlite3")),
        )
    },
    ("yum", "zabbix-web"): ("/etc/httpd/conf.d/zabbix.conf",),
    # Debian's and Ubuntu's Java packages pull in ca-certificates-java, which builds Java's
    # trust store from the system's certificates
    **{
        ("apt", name): ("/etc/ssl/certs/java/cacerts",)
        for name in (
            "ca-certificates-java",
            *(f"default-{k}" for k in ("jdk", "jre", "jdk-headless", "jre-headless")),
            *(
                f"openjdk-{v}-{k}"
                for v in (8, 11, 17, 21, 25)
                for k in ("jdk", "jre", "jdk-headless", "jre-headless")
            ),
        )
    },
    **{
        (manager, "ssmtp"): ("/etc/ssmtp/ssmtp.conf", "/etc/ssmtp/revaliases")
        for manager in ("apt", "apk")
    },
    ("apt", "opendkim"): ("/etc/opendkim.conf", "/etc/default/opendkim"),
    ("apt", "opendmarc"): ("/etc/opendmarc.conf", "/etc/default/opendmarc"),
    ("apt", "postgrey"): ("/etc/default/postgrey",),
    ("apt", "libpulse0"): ("/etc/pulse/client.conf",),
    ("apt", "pulseaudio"): (
        *("/etc/pulse/daemon.conf", "/etc/pulse/default.pa", "/etc/pulse/system.pa"),
        "/etc/pulse/client.conf",  # (of libpulse0, which it depends on)
    ),
    # (ImageMagick 6 up to Debian 12 and Ubuntu 24.04, 7 since Debian 13)
    **{
        ("apt", n): ("/etc/ImageMagick-6/policy.xml", "/etc/ImageMagick-7/policy.xml")
        for n in ("imagemagick", "imagemagick-6-common", "imagemagick-7-common")
    },
    ("apt", "sudo"): ("/etc/sudoers",),
    # (Caddy's configuration, and its program, which one built with xcaddy replaces: Alpine's
    # in /usr/sbin)
    ("apk", "caddy"): ("/etc/caddy/Caddyfile", "/usr/sbin/caddy"),
    **{(m, "caddy"): ("/etc/caddy/Caddyfile", "/usr/bin/caddy") for m in ("apt", "yum")},
    # (the main configuration these daemons' and tools' packages install)
    **{(m, "suricata"): ("/etc/suricata/suricata.yaml",) for m in ("apt", "apk", "yum")},
    ("yum", "openssh-clients"): ("/etc/ssh/ssh_config",),
    # (Redis's, EL7's and EL8's: EL9's redis 6 moved it into /etc/redis, not known here by
    # release; ClamAV's scanning daemon's, Fedora's and EPEL's)
    ("yum", "redis"): ("/etc/redis.conf",),
    ("yum", "clamd"): ("/etc/clamd.d/scan.conf",),
    # (the LDAP clients' defaults, in openldap itself, which openldap-clients needs)
    **dict.fromkeys(
        (("yum", "openldap"), ("yum", "openldap-clients")), ("/etc/openldap/ldap.conf",)
    ),
    ("yum", "lighttpd"): ("/etc/lighttpd/lighttpd.conf", "/etc/lighttpd/modules.conf"),
    # (Snapcast's server and its configuration, Debian's and Alpine's)
    **dict.fromkeys((("apt", "snapserver"), ("apk", "snapcast-server")), ("/etc/snapserver.conf",)),
    # (libsensors' chip configuration, which lm_sensors and lm-sensors bring)
    **dict.fromkeys(
        (("yum", "lm_sensors"), ("yum", "lm_sensors-libs"), ("apt", "lm-sensors")),
        ("/etc/sensors3.conf",),
    ),
    ("apt", "proxychains"): ("/etc/proxychains.conf",),
    ("apt", "proxychains4"): ("/etc/proxychains4.conf",),
    ("yum", "rsync-daemon"): ("/etc/rsyncd.conf",),
    # (and Debian's its SysV init script)
    **{
        (m, "frr"): ("/etc/frr/daemons", "/etc/frr/frr.conf", "/etc/frr/vtysh.conf", *init)
        for m, init in (("apt", ("/etc/init.d/frr",)), ("yum", ()))
    },
    ("apt", "cri-tools"): ("/etc/crictl.yaml",),
    ("yum", "syslog-ng"): ("/etc/syslog-ng/syslog-ng.conf",),
    ("yum", "heketi"): ("/etc/heketi/heketi.json",),
    ("apt", "gdb"): ("/etc/gdb/gdbinit",),
    ("apt", "locales"): ("/etc/locale.gen",),
    # (R's base packages and its INSTALL script, below R_HOME: /usr/lib/R, /usr/lib64/R on EL;
    # and Debian's configuration)
    **{
        (m, name): (f"{home}/library/base", f"{home}/library/stats", f"{home}/bin/INSTALL", *etc)
        for m, names, home, etc in (
            ("apk", ("R",), "/usr/lib/R", ()),
            ("apt", ("r-base", "r-base-core", "r-base-dev"), "/usr/lib/R", _DEBIAN_R_ETC),
            ("yum", ("R", "R-core", "R-devel"), "/usr/lib64/R", ()),
        )
        for name in names
    },
    # (what their maintainer scripts make on install, with debconf's defaults: slapd's
    # configuration database and its MDB data; unattended-upgrades' periodic settings)
    ("apt", "slapd"): ("/etc/ldap/slapd.d/cn=config.ldif", "/var/lib/ldap/data.mdb"),
    ("apt", "unattended-upgrades"): (
        "/etc/apt/apt.conf.d/50unattended-upgrades",
        "/etc/apt/apt.conf.d/20auto-upgrades",
    ),
    ("apt", "postfix-policyd-spf-python"): ("/etc/postfix-policyd-spf-python/policyd-spf.conf",),
    # (PEP 668's marker, which Python 3.11 and later of Debian, Ubuntu and Alpine ship: a path
    # naming such a version is there; `python3.*` on an older release is not)
    **{
        (m, name): (_EXTERNALLY_MANAGED,)
        for m, names in (
            ("apk", ("py3-pip", "python3-dev")),
            ("apt", ("python3", "python3-pip", "python3-venv", "python3-dev", "python3-full")),
        )
        for name in names
    },
    # (Alpine's python3 keeps the standard library's ensurepip, its bundled wheels with it;
    # Debian's moves it to python3-venv and python3-pip-whl)
    ("apk", "python3"): (_EXTERNALLY_MANAGED, "/usr/lib/python3.*/ensurepip"),
    **{(manager, "maven"): ("/etc/maven/settings.xml",) for manager in ("apt", "yum")},
    **{(m, "dnsmasq"): ("/etc/dnsmasq.conf",) for m in ("apt", "yum")},
    # (and its placeholder page in the document root)
    ("apt", "lighttpd"): ("/etc/lighttpd/lighttpd.conf", "/var/www/html/index.lighttpd.html"),
    ("apt", "memcached"): ("/etc/memcached.conf",),
    ("apt", "i2pd"): tuple(
        f"/etc/i2pd/{n}" for n in ("i2pd.conf", "tunnels.conf", "subscriptions.txt")
    ),
    # (samba-common's postinst writes it, which smbclient depends on)
    **{("apt", n): ("/etc/samba/smb.conf",) for n in ("samba", "samba-common", "smbclient")},
    ("apt", "tor"): ("/etc/tor/torrc",),
    ("apt", "privoxy"): ("/etc/privoxy/config",),
    # (Debian's icecast2 in its own directory; Alpine's icecast at /etc/icecast.xml)
    ("apt", "icecast2"): ("/etc/icecast2/icecast.xml",),
    ("apk", "icecast"): ("/etc/icecast.xml",),
    **{
        (m, "snapserver" if m == "apt" else "snapcast-server"): ("/etc/snapserver.conf",)
        for m in ("apt", "apk")
    },
    # (and libpulse's client.conf, which pulseaudio depends on)
    **{
        (m, "pulseaudio"): tuple(
            f"/etc/pulse/{n}" for n in ("daemon.conf", "default.pa", "system.pa", "client.conf")
        )
        for m in ("apt", "apk")
    },
    ("apk", "nginx"): (
        *("/etc/nginx/nginx.conf", "/etc/nginx/http.d/default.conf"),
        *("/etc/nginx/fastcgi_params", "/etc/nginx/fastcgi.conf", "/etc/nginx/mime.types"),
        *("/etc/nginx/uwsgi_params", "/etc/nginx/scgi_params"),
        "/etc/logrotate.d/nginx",
        *("/var/lib/nginx/html/index.html", "/var/lib/nginx/html/50x.html"),
    ),
    # (before Alpine 3.14 its server block was conf.d's, as nginx.org's)
    ("apk", "nginx (alpine<3.14)"): ("/etc/nginx/conf.d/default.conf",),
    ("apk", "supervisor"): ("/etc/supervisord.conf",),
    # (Alpine's samba packages' configuration, in samba-common, which samba pulls in)
    **{("apk", n): ("/etc/samba/smb.conf",) for n in ("samba", "samba-common", "samba-server")},
    # (xvfb-run: Debian's in xvfb, Alpine's a package of its own)
    ("apt", "xvfb"): ("/usr/bin/xvfb-run",),
    ("apk", "xvfb-run"): ("/usr/bin/xvfb-run",),
    ("apk", "vsftpd"): ("/etc/vsftpd/vsftpd.conf",),
    ("apk", "haproxy"): ("/etc/haproxy/haproxy.cfg",),
    # (Asterisk's sample configuration, which Alpine packages apart)
    ("apk", "asterisk-sample-config"): _ASTERISK_CONF,
    # (and Debian's asterisk-config, which asterisk depends on)
    **dict.fromkeys((("apt", "asterisk"), ("apt", "asterisk-config")), (*_ASTERISK_CONF, _IAX)),
    ("apk", "openssh"): ("/etc/ssh/sshd_config",),
    ("apk", "openssh-server"): ("/etc/ssh/sshd_config",),
    ("apk", "rsyslog"): ("/etc/rsyslog.conf",),
    ("apk", "syslog-ng"): ("/etc/syslog-ng/syslog-ng.conf",),
    ("apk", "sudo"): ("/etc/sudoers",),
    ("apk", "dnsmasq"): ("/etc/dnsmasq.conf",),
    # (Alpine's ClamAV, split as Debian's: freshclam's and clamd's configuration)
    ("apk", "freshclam"): ("/etc/clamav/freshclam.conf",),
    ("apk", "clamav-daemon"): ("/etc/clamav/clamd.conf",),
    ("apk", "stunnel"): ("/etc/stunnel/stunnel.conf",),
    ("apk", "lighttpd"): ("/etc/lighttpd/lighttpd.conf",),
    ("apk", "samba"): ("/etc/samba/smb.conf",),
    ("yum", "httpd"): (
        "/etc/httpd/conf/httpd.conf",
        *(f"/etc/httpd/conf.modules.d/00-{n}.conf" for n in ("base", "mpm", "proxy")),
        "/etc/httpd/conf.d/welcome.conf",
        "/etc/logrotate.d/httpd",
    ),
    ("yum", "mod_ssl"): ("/etc/httpd/conf.d/ssl.conf",),
    # (Koji's hub and web front end, each with its Apache configuration; mock's defaults)
    ("yum", "koji-hub"): ("/etc/koji-hub/hub.conf", "/etc/httpd/conf.d/kojihub.conf"),
    ("yum", "koji-web"): ("/etc/kojiweb/web.conf", "/etc/httpd/conf.d/kojiweb.conf"),
    ("yum", "mock"): ("/etc/mock/site-defaults.cfg",),
    # (OpenResty's own packages, in its prefix)
    **{
        (m, "openresty"): tuple(
            f"/usr/local/openresty/nginx/conf/{n}" for n in ("nginx.conf", "mime.types")
        )
        for m in ("yum", "apt", "apk")
    },
    # RHEL's PHP (and Remi's, which keeps its paths): php-common holds php.ini, which the
    # others depend on
    **{("yum", n): ("/etc/php.ini",) for n in ("php-common", "php-cli")},
    # (its Apache module needs httpd, which the install brings: Apache's configuration too)
    ("yum", "php"): ("/etc/php.ini", "/etc/httpd/conf.d/php.conf", "/etc/httpd/conf/httpd.conf"),
    ("yum", "php-fpm"): ("/etc/php-fpm.conf", "/etc/php-fpm.d/www.conf", "/etc/php.ini"),
    ("yum", "php-opcache"): ("/etc/php.d/10-opcache.ini",),
    # (Webtatic's and IUS's builds of PHP for EL 6 and 7 keep the same paths: php56w, php72u)
    **{
        ("yum", f"php{v}{s}{part}"): files
        for v in ("54", "55", "56", "70", "71", "72", "73", "74")
        for s in ("w", "u")
        for part, files in (
            ("-common", ("/etc/php.ini",)),
            ("-cli", ("/etc/php.ini",)),
            ("-fpm", ("/etc/php-fpm.conf", "/etc/php-fpm.d/www.conf", "/etc/php.ini")),
        )
    },
    # (Webtatic's php56w is Apache's module, as RHEL's php)
    **{
        ("yum", f"php{v}w"): (
            "/etc/php.ini",
            "/etc/httpd/conf.d/php.conf",
            "/etc/httpd/conf/httpd.conf",
        )
        for v in ("54", "55", "56", "70", "71", "72")
    },
    ("yum", "uwsgi"): ("/etc/uwsgi.ini",),
    **{
        ("yum", name): _MY_CNF
        for name in ("mariadb-server", "mysql-server", "mysql-community-server")
    },
    ("yum", "mysql-community-server-minimal"): _MY_CNF,
    # (MariaDB's own repository names its packages in capitals; each requires MariaDB-common,
    # which holds /etc/my.cnf)
    **{("yum", f"MariaDB-{n}"): _MY_CNF for n in ("server", "client", "common", "shared")},
    ("yum", "nginx"): ("/etc/nginx/nginx.conf",),
    # (NGINX Plus, from its own repository, laid out as nginx.org's packages are)
    **dict.fromkeys(
        (("yum", "nginx-plus"), ("apt", "nginx-plus")),
        tuple(
            f"/etc/nginx/{n}"
            for n in (
                *("nginx.conf", "mime.types", "fastcgi_params", "scgi_params", "uwsgi_params"),
                "conf.d/default.conf",
            )
        ),
    ),
    # (suPHP's Apache module and its own configuration)
    ("yum", "mod_suphp"): ("/etc/suphp.conf", "/etc/httpd/conf.d/suphp.conf"),
    ("yum", "supervisor"): ("/etc/supervisord.conf",),
    ("pacman", "supervisor"): ("/etc/supervisord.conf",),  # (Arch's, as Red Hat's)
    ("yum", "xrdp"): _XRDP,
    ("yum", "vsftpd"): ("/etc/vsftpd/vsftpd.conf",),
    ("yum", "haproxy"): ("/etc/haproxy/haproxy.cfg",),
    ("yum", "openssh-server"): ("/etc/ssh/sshd_config",),
    ("yum", "rsyslog"): ("/etc/rsyslog.conf", "/etc/logrotate.d/syslog"),
    ("yum", "sudo"): ("/etc/sudoers",),
    ("yum", "rootfiles"): _ROOTFILES,  # (root's dotfiles, which Amazon Linux's images lack)
    ("yum", "samba"): ("/etc/samba/smb.conf",),
    # Servers whose vendors' packages (Debian's, or the vendor's own repository) install
    # the same configuration file on every release.
    **{
        (manager, name): files
        for manager in ("apt", "yum")
        for name, files in (
            ("mongodb-org-server", ("/etc/mongod.conf",)),
            ("grafana", ("/etc/grafana/grafana.ini", "/etc/grafana/ldap.toml")),
            # (and the init script their postinst installs where PID 1 is not systemd, as in a
            # build)
            ("influxdb", ("/etc/influxdb/influxdb.conf", "/etc/init.d/influxdb")),
            ("telegraf", ("/etc/telegraf/telegraf.conf", "/etc/init.d/telegraf")),
            ("kapacitor", ("/etc/kapacitor/kapacitor.conf", "/etc/init.d/kapacitor")),
            ("clickhouse-server", _CLICKHOUSE),
            ("elasticsearch", _elastic("elasticsearch", "elasticsearch.yml", "log4j2.properties")),
            ("logstash", _elastic("logstash", "logstash.yml", "pipelines.yml", "jvm.options")),
            ("kibana", ("/etc/kibana/kibana.yml",)),
            ("filebeat", ("/etc/filebeat/filebeat.yml",)),
            ("metricbeat", ("/etc/metricbeat/metricbeat.yml",)),
            ("fluent-bit", ("/etc/fluent-bit/fluent-bit.conf", "/etc/fluent-bit/parsers.conf")),
            ("neo4j", ("/etc/neo4j/neo4j.conf",)),
            ("puppetserver", _PUPPETSERVER),
            ("puppetdb", _PUPPETDB),
            ("puppet-agent", tuple(f"/etc/puppetlabs/puppet/{n}" for n in _PUPPET_AGENT)),
            ("rstudio-connect", ("/etc/rstudio-connect/rstudio-connect.gcfg",)),
            (
                "rstudio-server",
                # (and its PAM helper, which rocker-style images replace with a script)
                (
                    "/etc/rstudio/rserver.conf",
                    "/etc/rstudio/rsession.conf",
                    "/usr/lib/rstudio-server/bin/pam-helper",
                ),
            ),
            ("zabbix-agent", ("/etc/zabbix/zabbix_agentd.conf",)),
            ("salt-master", ("/etc/salt/master",)),
            ("salt-minion", ("/etc/salt/minion",)),
            # (Puppet before the puppet-agent packages, and Debian's since)
            ("puppet", ("/etc/puppet/puppet.conf",)),
        )
    },
    ("apt", "puppetserver"): (*_PUPPETSERVER, "/etc/default/puppetserver"),
    ("yum", "puppetserver"): (*_PUPPETSERVER, "/etc/sysconfig/puppetserver"),
    ("apt", "odoo"): ("/etc/odoo/odoo.conf",),
    # FreeRADIUS 3: /etc/raddb on RHEL and SUSE, /etc/freeradius/3.0 on Debian and Ubuntu
    ("yum", "freeradius-server"): _freeradius("/etc/raddb"),
    ("yum", "freeradius"): _freeradius("/etc/raddb"),
    ("apk", "freeradius"): _freeradius("/etc/raddb"),  # (Alpine's, as RHEL's)
    ("apt", "freeradius"): _freeradius("/etc/freeradius/3.0"),
    # Debian's postgresql creates its main cluster on install, configuration in /etc (each
    # file pg_createcluster writes there) and initdb's files in the data directory
    # (postgresql.auto.conf since 9.4)
    **{
        ("apt", f"postgresql-{v}"): tuple(
            f"{at}/{v}/main/{n}"
            for at, names in (
                ("/etc/postgresql", _PG_CLUSTER_CONF),
                ("/var/lib/postgresql", ("postgresql.auto.conf", "PG_VERSION")),
            )
            for n in names
        )
        for v in (*("9.4", "9.5", "9.6"), *map(str, range(10, 19)))
    },
    ("apt", "roundcube-core"): ("/etc/roundcube/config.inc.php",),
    ("apk", "exim"): ("/etc/exim/exim.conf",),
    # (Debian's sympa: the main configuration its postinst writes from debconf's answers)
    ("apt", "sympa"): ("/etc/sympa/sympa/sympa.conf",),
    **{(m, "pgbouncer"): ("/etc/pgbouncer/pgbouncer.ini",) for m in ("yum", "apk")},
    ("apt", "inetutils-syslogd"): ("/etc/syslog.conf",),
    # (the NFS server's sample exports: Alpine's package, Debian's postinst)
    **{(m, n): ("/etc/exports",) for m, n in (("apk", "nfs-utils"), ("apt", "nfs-kernel-server"))},
    **{
        (m, name): ("/etc/avahi/avahi-daemon.conf",)
        for m, name in (("apk", "avahi"), ("apt", "avahi-daemon"), ("yum", "avahi"))
    },
    **{
        ("apt", f"php{v}-xdebug"): (f"/etc/php/{v}/mods-available/xdebug.ini",)
        for v in _PHP_VERSIONS
    },
    # (each of Debian's and Ubuntu's PHP extension packages, and ondrej's PPA's, ships the ini
    # file that loads it: php8.1-opcache's mods-available/opcache.ini)
    **{
        ("apt", f"php{v}-{package}"): tuple(f"/etc/php/{v}/mods-available/{n}.ini" for n in inis)
        for v in _PHP_VERSIONS
        for package, inis in _PHP_EXTENSION_INIS.items()
    },
    # (and PHP 5's, of Debian 8 and Ubuntu 14.04, before the versioned /etc/php/N)
    **{("apt", f"php5-{n}"): (f"/etc/php5/mods-available/{n}.ini",) for n in ("xdebug", "xhprof")},
    # (Red Hat's unixODBC: its driver list, with PostgreSQL's and MySQL's examples; and what
    # requires it: its headers, Microsoft's ODBC drivers)
    **dict.fromkeys(
        (("yum", n) for n in ("unixODBC", "unixODBC-devel", "msodbcsql17", "msodbcsql18")),
        ("/etc/odbcinst.ini",),
    ),
    ("apt", "mosquitto"): ("/etc/mosquitto/mosquitto.conf",),
    ("apk", "mosquitto"): ("/etc/mosquitto/mosquitto.conf",),
    # (Debian's amavisd-new: its configuration in pieces, each a conffile; those every release
    # ships, not 40-policy_banks or the localization's, which Debian 12 left out or renamed)
    ("apt", "amavisd-new"): tuple(
        f"/etc/amavis/conf.d/{n}"
        for n in (
            *("01-debian", "05-domain_id", "05-node_id", "15-av_scanners"),
            *("15-content_filter_mode", "20-debian_defaults", "25-amavis_helpers", "50-user"),
        )
    ),
    # (SpamAssassin's site configuration; not its daemon's defaults, which Debian 12 moved to
    # the spamd package's /etc/default/spamd)
    # (and its plugin loaders, which every release since 3.2 ships beside it)
    ("apt", "spamassassin"): _spamassassin("/etc/spamassassin"),
    ("apt", "apt-fast"): ("/etc/apt-fast.conf",),
    ("apt", "rrdcached"): ("/etc/default/rrdcached",),
    ("apt", "bitlbee-common"): ("/etc/bitlbee/bitlbee.conf", "/etc/bitlbee/motd.txt"),
    # (the DAAP music server, under its old name and its new)
    ("apt", "forked-daapd"): ("/etc/forked-daapd.conf",),
    ("apt", "owntone-server"): ("/etc/owntone.conf",),
    # (Alpine's SmokePing: its configuration and its slaves' secrets)
    ("apk", "smokeping"): ("/etc/smokeping/config", "/etc/smokeping/smokeping_secrets"),
    ("yum", "spamassassin"): _spamassassin("/etc/mail/spamassassin"),
    # (amavisd-new, which EPEL 8 and later name amavis)
    **dict.fromkeys((("yum", "amavisd-new"), ("yum", "amavis")), ("/etc/amavisd/amavisd.conf",)),
    ("yum", "sqlgrey"): ("/etc/sqlgrey/sqlgrey.conf",),
    ("yum", "bind"): (
        *("/etc/named.conf", "/etc/named.rfc1912.zones"),
        *(f"/var/named/named.{n}" for n in ("ca", "empty", "localhost", "loopback")),
    ),
    # (Debian's Dante SOCKS server)
    ("apt", "dante-server"): ("/etc/danted.conf",),
    # (Mopidy's, Snort's and ArangoDB's own configuration, the last of 2's and 3's packages)
    ("apt", "mopidy"): ("/etc/mopidy/mopidy.conf",),
    ("apt", "snort"): ("/etc/snort/snort.conf",),
    ("apt", "arangodb"): ("/etc/arangodb/arangod.conf",),
    ("apt", "arangodb3"): ("/etc/arangodb3/arangod.conf",),
    # (an ODBC driver's package registers it in unixODBC's odbcinst.ini when installed)
    **{
        ("apt", name): ("/etc/odbcinst.ini",)
        for name in (
            *("libmyodbc", "odbc-postgresql", "odbc-mariadb", "tdsodbc", "libsqliteodbc"),
            *("mysql-connector-odbc", "msodbcsql17", "msodbcsql18"),
        )
    },
    # (Debian's SmokePing: its configuration in pieces, and its CGI)
    ("apt", "smokeping"): (
        "/etc/smokeping/config",
        *(f"/etc/smokeping/config.d/{n}" for n in ("General", "Probes", "Targets", "Alerts")),
        *(f"/etc/smokeping/config.d/{n}" for n in ("Database", "Presentation", "pathnames")),
        "/etc/smokeping/smokeping_secrets",
        "/usr/lib/cgi-bin/smokeping.cgi",
    ),
    # (Debian's Cacti: the database settings its postinst writes, through dbconfig-common, and
    # spine's configuration)
    ("apt", "cacti"): ("/etc/cacti/debian.php", "/etc/dbconfig-common/cacti.conf"),
    ("apt", "cacti-spine"): ("/etc/cacti/spine.conf",),
    # (Debian's and Ubuntu's Prometheus and its Alertmanager, configured in /etc/prometheus)
    ("apt", "prometheus"): ("/etc/prometheus/prometheus.yml",),
    ("apt", "prometheus-alertmanager"): ("/etc/prometheus/alertmanager.yml",),
    # (Debian's coturn: the TURN server's configuration and its init defaults)
    ("apt", "coturn"): ("/etc/turnserver.conf", "/etc/default/coturn"),
    # fail2ban's configuration, with a filter for each service it knows (the telephony
    # servers' and the usual daemons'), which projects replace with their own
    **{
        (m, "fail2ban"): (
            *("/etc/fail2ban/jail.conf", "/etc/fail2ban/fail2ban.conf"),
            *(f"/etc/fail2ban/filter.d/{n}.conf" for n in _FAIL2BAN_FILTERS),
            # (Debian's enables the sshd jail in a file of its own)
            *(("/etc/fail2ban/jail.d/defaults-debian.conf",) if m == "apt" else ()),
        )
        for m in _MANAGERS
    },
    # HTCondor's packages (Debian's and the project's own repositories, and its RPMs)
    # (Debian's keeps a condor_config.local beside it)
    **{
        ("apt", n): ("/etc/condor/condor_config", "/etc/condor/condor_config.local")
        for n in _HTCONDOR
    },
    **{("yum", n): ("/etc/condor/condor_config",) for n in _HTCONDOR},
    # (Debian's and Ubuntu's munge makes the cluster's key when it is installed)
    ("apt", "munge"): ("/etc/munge/munge.key",),
    ("apt", "barman"): ("/etc/barman.conf",),
    ("apt", "cups-tea4cups"): ("/etc/cups/tea4cups.conf",),
    **{(m, "logrotate"): ("/etc/logrotate.conf",) for m in ("apt", "apk", "yum")},
    # (CentOS's release packages of repositories, whose .repo files builds edit or remove)
    ("yum", "centos-release-scl"): _SCL_REPOS,
    ("yum", "centos-release-scl-rh"): _SCL_REPOS[1:],
    ("yum", "epel-release"): ("/etc/yum.repos.d/epel.repo", "/etc/yum.repos.d/epel-testing.repo"),
    ("apt", "network-manager"): ("/etc/NetworkManager/NetworkManager.conf",),
    ("apt", "xrdp"): _XRDP,
    **{(m, "cups"): ("/etc/cups/cupsd.conf", "/etc/cups/cups-files.conf") for m in _MANAGERS},
    **{(m, "nano"): ("/etc/nanorc",) for m in _MANAGERS},  # (its system-wide settings)
    # (SANE's backends list and its net backend's hosts, of libsane-common, libsane before it,
    # which sane-utils pulls in)
    **{
        ("apt", name): ("/etc/sane.d/dll.conf", "/etc/sane.d/net.conf")
        for name in ("sane", "sane-utils", "libsane-common", "libsane", "libsane1")
    },
    ("apt", "cups-daemon"): ("/etc/cups/cupsd.conf", "/etc/cups/cups-files.conf"),
    # (Ansible's packages: the PPA's and EPEL's)
    **{
        (m, n): ("/etc/ansible/ansible.cfg", "/etc/ansible/hosts")
        for m, n in (("apt", "ansible"), ("yum", "ansible"), ("yum", "ansible-core"))
    },
    ("apt", "snmpd"): ("/etc/snmp/snmpd.conf",),
    ("apt", "renderd"): ("/etc/renderd.conf",),  # (mod_tile's rendering daemon)
    ("apt", "collectd"): ("/etc/collectd/collectd.conf",),
    **{(m, "unbound"): ("/etc/unbound/unbound.conf",) for m in _MANAGERS},
    # (Pritunl's own .deb and .rpm: its configuration, which names the MongoDB to use)
    **{(m, "pritunl"): ("/etc/pritunl.conf",) for m in ("apt", "yum")},
    ("apt", "pdns-server"): ("/etc/powerdns/pdns.conf",),
    **{(m, "pdns"): ("/etc/pdns/pdns.conf",) for m in ("apk", "yum")},  # (Alpine's, EPEL's)
    # (its postinst writes the default configuration; RStudio's .deb and .rpm alike)
    **{(m, "shiny-server"): ("/etc/shiny-server/shiny-server.conf",) for m in ("apt", "yum")},
    ("apt", "bind9"): _BIND9,
    ("apt", "krb5-config"): ("/etc/krb5.conf",),
    ("apt", "openssh-client"): ("/etc/ssh/ssh_config",),
    ("apk", "openssh-client"): ("/etc/ssh/ssh_config",),
    # (and its defaults file; the postinst puts the default ROOT application in webapps)
    **{
        ("apt", f"tomcat{v}"): (
            *(f"/etc/tomcat{v}/{n}" for n in _TOMCAT_CONF),
            f"/etc/default/tomcat{v}",
            *(
                f"/var/lib/tomcat{v}/webapps/ROOT/{n}"
                for n in ("index.html", "META-INF/context.xml")
            ),
        )
        for v in (6, 7, 8, 9, 10)
    },
    # (and Alpine's default site, its document root's index.html)
    ("apk", "apache2"): ("/etc/apache2/httpd.conf", "/var/www/localhost/htdocs/index.html"),
    ("apk", "redis"): ("/etc/redis.conf",),
    ("apk", "mariadb-common"): _MY_CNF,
    **{("apt", f"php{v}-cli"): (f"/etc/php/{v}/cli/php.ini",) for v in _PHP_VERSIONS},
    **{
        ("apt", f"libapache2-mod-php{v}"): (
            f"/etc/php/{v}/apache2/php.ini",
            f"/etc/php/{v}/cli/php.ini",
        )
        for v in _PHP_VERSIONS
    },
}
# Files below the top directory of every release of a well-known distribution archive
# (apache-tomcat-9.0.74.tar.gz holds apache-tomcat-9.0.74/conf/server.xml), by the archive's
# or its top directory's name: a COPY there after the RUN that unpacked it replaces one.
# JMeter's release's launch scripts and settings, in bin/
_JMETER_BIN = tuple(
    f"bin/{n}"
    for n in (
        *("jmeter", "jmeter.sh", "jmeter.bat", "jmeter-server", "jmeter-server.bat"),
        *("jmeter.properties", "user.properties", "system.properties", "upgrade.properties"),
        *("saveservice.properties", "reportgenerator.properties", "hc.parameters"),
    )
)
_DISTRIBUTIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(r"(apache-)?tomcat-\d"),
        (
            *(f"conf/{n}" for n in _TOMCAT_CONF),
            *(f"webapps/{app}/META-INF/context.xml" for app in _TOMCAT_APPS),
            *(f"webapps/{app}/WEB-INF/web.xml" for app in _TOMCAT_APPS),
        ),
    ),
    # (Hadoop 2 ships mapred-site.xml only as its .template; 3 ships both)
    # (and its list of worker hosts: workers since 3, slaves before)
    (re.compile(r"hadoop-[3-9]"), (*_HADOOP, "etc/hadoop/mapred-site.xml", "etc/hadoop/workers")),
    (re.compile(r"hadoop-\d"), (*_HADOOP, "etc/hadoop/slaves")),
    # (Druid's: its common properties, below conf/druid since the incubator's releases, in
    # cluster/ since 0.17)
    (
        re.compile(r"apache-druid-\d"),
        tuple(f"conf/druid/{d}_common/common.runtime.properties" for d in ("", "cluster/")),
    ),
    (
        re.compile(r"hbase-\d"),
        tuple(f"conf/{n}" for n in ("hbase-site.xml", "hbase-env.sh", "regionservers")),
    ),
    (
        re.compile(r"kafka_\d"),
        (
            *(
                f"config/{n}.properties"
                for n in (
                    *("server", "log4j", "zookeeper", "producer", "consumer"),
                    *("connect-standalone", "connect-distributed"),
                )
            ),
            *(
                f"bin/{n}.sh"
                for n in (
                    *("kafka-server-start", "kafka-server-stop", "kafka-run-class"),
                    *("zookeeper-server-start", "kafka-topics", "kafka-producer-perf-test"),
                    "kafka-consumer-perf-test",
                )
            ),
        ),
    ),
    (re.compile(r"apache-maven-\d"), ("conf/settings.xml",)),
    # (Jetty's: the distribution of 9 with its start.ini, jetty-home since 10 without)
    (
        re.compile(r"jetty-distribution-\d"),
        ("start.ini", *(f"etc/{n}.xml" for n in ("jetty", "webdefault", "jetty-http"))),
    ),
    (re.compile(r"jetty-home-\d"), tuple(f"etc/{n}.xml" for n in ("jetty", "webdefault"))),
    # (Mattermost's release tarballs, whose top is mattermost/)
    (re.compile(r"mattermost-(?:team-|enterprise-)?\d"), ("config/config.json",)),
    (
        re.compile(r"apache-storm-\d"),
        ("conf/storm.yaml", "logback/cluster.xml", "logback/worker.xml"),
    ),
    (re.compile(r"sonar-scanner-(cli-)?\d"), ("conf/sonar-scanner.properties",)),
    # (ActiveMQ's log4j.properties until 5.17's log4j2.properties)
    (
        re.compile(r"apache-activemq-\d"),
        tuple(
            f"conf/{n}"
            for n in (
                *("activemq.xml", "jetty.xml", "users.properties", "jetty-realm.properties"),
                *("credentials.properties", "log4j.properties", "log4j2.properties"),
            )
        ),
    ),
    (re.compile(r"elasticsearch-(?:oss-)?\d"), tuple(f"config/{n}" for n in _ELASTIC_CONF)),
    (re.compile(r"kibana-(?:oss-)?\d"), ("config/kibana.yml", "bin/kibana")),
    (
        re.compile(r"logstash-(?:oss-)?\d"),
        tuple(f"config/{n}" for n in ("logstash.yml", "pipelines.yml", "jvm.options")),
    ),
    # (Hive's standalone metastore, hive-standalone-metastore-X-bin.tar.gz, whose top is
    # apache-hive-metastore-X-bin)
    (
        re.compile(r"(?:apache-hive-metastore|hive-standalone-metastore)-\d"),
        ("conf/metastore-site.xml", "conf/metastore-log4j2.properties"),
    ),
    (re.compile(r"apache-hive-\d"), ("conf/ivysettings.xml", "conf/parquet-logging.properties")),
    # (Flink's: flink-conf.yaml until 1.19's config.yaml, slaves until 1.11's workers)
    (
        re.compile(r"flink-(?:0\.|1\.(?:\d|10)(?!\d))"),
        tuple(f"conf/{n}" for n in ("flink-conf.yaml", "log4j.properties", "masters", "slaves")),
    ),
    (
        re.compile(r"flink-1\.1[1-8](?!\d)"),
        tuple(f"conf/{n}" for n in ("flink-conf.yaml", *_FLINK_CONF)),
    ),
    (
        re.compile(r"flink-(?:1\.(?:19|[2-9]\d)|[2-9]\.)"),
        tuple(f"conf/{n}" for n in ("config.yaml", *_FLINK_CONF)),
    ),
    (
        # (log4j2.xml since 3.2, before which JMeter logged through log4j's settings)
        re.compile(r"apache-jmeter-(?:[4-9]|\d\d|3\.[2-9])"),
        (*_JMETER_BIN, "bin/log4j2.xml"),
    ),
    (re.compile(r"apache-jmeter-\d"), _JMETER_BIN),
    (re.compile(r"apache-cassandra-\d"), ("conf/cassandra.yaml", "conf/cassandra-env.sh")),
    (re.compile(r"(apache-)?nifi-\d"), ("conf/nifi.properties", "conf/bootstrap.conf")),
    (
        re.compile(r"wildfly-\d"),
        (
            *(f"standalone/configuration/standalone{n}.xml" for n in _WILDFLY_PROFILES),
            *("standalone/configuration/logging.properties", "bin/standalone.conf"),
            *("domain/configuration/domain.xml", "domain/configuration/host.xml"),
        ),
    ),
    (
        re.compile(r"wildfly-core-\d"),
        (
            *("standalone/configuration/standalone.xml", "bin/standalone.conf"),
            "standalone/configuration/logging.properties",
        ),
    ),
    # (JBoss AS 4 to 6: jboss-4.2.3.GA/, and jboss-6.0.0.Final/ of
    # jboss-as-distribution-6.0.0.Final.zip; 7 as WildFly's)
    (re.compile(r"jboss-(?:as-distribution-)?[4-6]\."), ("bin/run.conf", "bin/run.sh")),
    (
        re.compile(r"jboss-as-7\."),
        (
            *("standalone/configuration/standalone.xml", "bin/standalone.conf"),
            "standalone/configuration/logging.properties",
        ),
    ),
    (re.compile(r"crate-\d"), ("config/crate.yml", "config/log4j2.properties")),
    # (GlassFish's zip holds glassfish5/glassfish/domains/..., Payara's payara5/glassfish/...)
    (re.compile(r"(glassfish|payara)-\d"), _glassfish_domain("glassfish")),
    (re.compile(r"prometheus-\d"), ("prometheus.yml",)),
    # (Grafana's release tarball: its defaults, the sample to copy and the LDAP settings)
    (
        re.compile(r"grafana(?:-enterprise)?-v?\d"),
        tuple(f"conf/{n}" for n in ("defaults.ini", "sample.ini", "ldap.toml")),
    ),
    (re.compile(r"alertmanager-\d"), ("alertmanager.yml",)),
    # (Ghidra's release zip, ghidra_11.0_PUBLIC_20231222.zip, holds ghidra_11.0_PUBLIC/)
    (re.compile(r"ghidra_\d"), ("server/server.conf", "support/launch.properties", "ghidraRun")),
)
# Archives whose files lie at their top, in no directory of their own: Metamod:Source's and
# SourceMod's, unpacked into a game's mod directory (`tf/`), where their files land.
_TOPLESS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"mmsource-\d"), ("addons/metamod.vdf", "addons/metamod/metaplugins.ini")),
    # (a web application's archive: its deployment descriptor)
    (re.compile(r".+\.war$"), ("WEB-INF/web.xml",)),
    (
        re.compile(r"sourcemod-\d"),
        tuple(
            f"addons/sourcemod/configs/{n}"
            for n in (
                *("admins_simple.ini", "admins.cfg", "admin_groups.cfg", "core.cfg"),
                *("admin_overrides.cfg", "databases.cfg"),
            )
        ),
    ),
)
_MEMBERS = frozenset(member for _, members in _DISTRIBUTIONS + _TOPLESS for member in members)


@functools.lru_cache(maxsize=4096)
def distribution_member(path: str) -> bool:
    """`path` is where a well-known distribution archive's file lands once unpacked
    (`/opt/hadoop/etc/hadoop/core-site.xml`), by its path below the archive's top."""
    return any(path.endswith("/" + member) for member in _MEMBERS)


def distribution_files(*names: str) -> tuple[str, ...]:
    """The files a well-known distribution archive holds below its top directory, for the
    first of `names` (an archive's file name, the name in its address, its top directory's)
    that is one's."""
    for name in names:
        if _SOURCES.search(name):
            return ()  # (a source tarball: its tree is laid out for a build, not a release)
        # (`elasticsearch-${ELASTIC_VERSION}.tar.gz`: a version the build passes)
        name = _VERSION_VARIABLE.sub("0", name)
        for pattern, files in _DISTRIBUTIONS + _TOPLESS:
            if pattern.match(name):
                return files
    return ()


def topless(*names: str) -> bool:
    """The first of `names` that is a well-known distribution archive's has its files at its
    top, in no directory of their own (`_TOPLESS`)."""
    return any(p.match(_VERSION_VARIABLE.sub("0", n)) for n in names for p, _ in _TOPLESS)


_VERSION_VARIABLE = re.compile(r"(?<=-)\$\{?\w*VERSION\w*\}?", re.IGNORECASE)


# Source trees whose `make install` writes configuration a COPY may replace: nginx's (and its
# forks'), by the tree's name, with the prefix its configure script takes by default and where
# nginx's own tree lies below it (OpenResty's /usr/local/openresty/nginx).
_SOURCE_TREES = (
    # (a release's tree, `nginx-1.25.3`, GitHub's `nginx-release-1.25.3` or, of a tag named
    # for the project, `tengine-tengine-2.1.2`, or `nginx-*`; and the QUIC branch's clone,
    # `nginx-quic`)
    (
        re.compile(r"(nginx|tengine|freenginx)(?:-(?:release-|\1-)?[\d*].*|-quic)?"),
        "/usr/local/nginx",
        "",
    ),
    (re.compile(r"openresty(?:-[\d*].*)?"), "/usr/local/openresty", "nginx"),
)
# The configure options of the paths make install writes to.
_PATH_OPTIONS = frozenset(
    {"prefix", "sysconfdir", "datadir", "conf-path", "sbin-path", "with-conf-file"}
)
# Autoconf builds whose `make install` writes a configuration file into --sysconfdir (PREFIX/etc
# unless told): (tree, default prefix, the file --with-conf-file names, the others).
_SYSCONF_TREES = (
    # (a release's tree, `unbound-1.19.0`, or GitHub's `unbound-release-1.19.0`)
    (re.compile(r"unbound(?:-(?:release-)?[\d*].*)?"), "/usr/local", "unbound/unbound.conf", ()),
    # (OpenLDAP's make install writes its sysconfdir's openldap/: slapd.conf, ldap.conf)
    (
        re.compile(r"openldap(?:-(?:OPENLDAP_REL_ENG_)?[\d*].*)?"),
        "/usr/local",
        "openldap/slapd.conf",
        ("openldap/ldap.conf",),
    ),
    # (shairport-sync's installs its configuration unless one is there, with the sample)
    (
        re.compile(r"shairport-sync(?:-[\d*].*)?"),
        "/usr/local",
        "shairport-sync.conf",
        ("shairport-sync.conf.sample",),
    ),
    # (the FTP servers': Pure-FTPd's since 1.0.47, ProFTPD's sample as proftpd.conf)
    (re.compile(r"pure-ftpd(?:-[\d*].*)?"), "/usr/local", "pure-ftpd.conf", ()),
    (re.compile(r"proftpd(?:-v?[\d*].*)?"), "/usr/local", "proftpd.conf", ()),
    (
        re.compile(r"squid(?:-[\d*].*)?"),
        "/usr/local/squid",
        "squid.conf",
        ("squid.conf.default", "squid.conf.documented", "mime.conf", "cachemgr.conf"),
    ),
)
# Builds whose `make install` writes configuration below the prefix, not in a sysconfdir of
# its own: (tree, default prefix, the files, relative to the prefix). Zeek's (Bro's before 3.0)
# site policy and ZeekControl's configuration.
_PREFIXED_TREES = (
    (
        re.compile(r"zeek(?:-[\d*].*)?"),
        "/usr/local/zeek",
        ("share/zeek/site/local.zeek", "etc/node.cfg", "etc/networks.cfg", "etc/zeekctl.cfg"),
    ),
    (
        re.compile(r"bro(?:-[\d*].*)?"),
        "/usr/local/bro",
        ("share/bro/site/local.bro", "etc/node.cfg", "etc/networks.cfg", "etc/broctl.cfg"),
    ),
)
# What nginx's auto/install copies into the configuration directory (that of --conf-path), and
# the files it also keeps a `.default` copy of.
_NGINX_DEFAULTS = (
    *("nginx.conf", "mime.types", "fastcgi_params", "fastcgi.conf", "scgi_params"),
    "uwsgi_params",
)
_NGINX_CONF_FILES = (
    *("nginx.conf", "mime.types", "fastcgi_params", "fastcgi.conf", "scgi_params"),
    *("uwsgi_params", "koi-utf", "koi-win", "win-utf"),
)


def source_install_files(tree: str, options: tuple[str, ...]) -> tuple[str, ...]:
    """The files `make install` in the source tree named `tree` writes, by the options its
    configure script was given (`--prefix`, `--conf-path`, `--sbin-path`: a relative one is
    below the prefix); none for a tree not known here or an option the build computes."""
    given = dict(o[2:].split("=", 1) for o in options if o.startswith("--") and "=" in o)
    # (and `--prefix /opt/unbound`, which autoconf's configure takes too)
    given.update(
        (o[2:], v)
        for o, v in itertools.pairwise(options)
        if o[2:] in _PATH_OPTIONS and v[:1] == "/"
    )
    if _HTTPD_TREE.fullmatch(tree):
        return _httpd_install_files(given)
    autoconf = next((t for t in _SYSCONF_TREES if t[0].fullmatch(tree)), None)
    if autoconf is not None:
        _, prefix, conf, files = autoconf
        prefix = given.get("prefix", prefix).rstrip("/")
        etc = given.get("sysconfdir", f"{prefix}/etc").rstrip("/")
        named = (given.get("with-conf-file", f"{etc}/{conf}"), *(f"{etc}/{n}" for n in files))
        return () if any("$" in p or not p.startswith("/") for p in named) else named
    prefixed = next((t for t in _PREFIXED_TREES if t[0].fullmatch(tree)), None)
    if prefixed is not None:
        prefix = given.get("prefix", prefixed[1]).rstrip("/")
        return (
            ()
            if "$" in prefix or not prefix.startswith("/")
            else tuple(f"{prefix}/{f}" for f in prefixed[2])
        )
    layout = next((t for t in _SOURCE_TREES if t[0].fullmatch(tree)), None)
    if layout is None:
        return ()
    prefix = given.get("prefix", layout[1]).rstrip("/")
    nginx = f"{prefix}/{layout[2]}" if layout[2] else prefix
    conf = given.get("conf-path", "conf/nginx.conf")
    sbin = given.get("sbin-path", "sbin/nginx")
    paths = [p if p.startswith("/") else f"{nginx}/{p}" for p in (conf, sbin)]
    if any("$" in p or "`" in p for p in (prefix, *paths)) or not prefix.startswith("/"):
        return ()
    directory = paths[0].rsplit("/", 1)[0]
    named = (paths[0], *(f"{directory}/{n}" for n in _NGINX_CONF_FILES[1:]))
    # (and a `.default` copy of each file of conf/ it may replace: `nginx.conf.default`)
    named += tuple(f"{directory}/{n}.default" for n in _NGINX_DEFAULTS)
    return (*named, paths[1], f"{nginx}/html/index.html", f"{nginx}/html/50x.html")


# Apache httpd's source tree (`httpd-2.4.58`, or renamed `httpd`), whose `make install` writes
# its configuration into conf/ below the prefix (or --sysconfdir), beside htdocs/ and bin/.
_HTTPD_TREE = re.compile(r"httpd(?:-[\d*].*)?")
_HTTPD_CONF_FILES = (
    *("httpd.conf", "mime.types", "magic"),
    *(
        f"extra/httpd-{n}.conf"
        for n in ("ssl", "vhosts", "default", "mpm", "info", "userdir", "autoindex", "dav")
    ),
)


def _httpd_install_files(given: Mapping[str, str]) -> tuple[str, ...]:
    """What httpd's `make install` writes, by its configure's options; none for a layout the
    options pick (`--enable-layout=Debian`) or a path the build computes."""
    if "enable-layout" in given:
        return ()
    prefix = given.get("prefix", "/usr/local/apache2").rstrip("/")
    conf = given.get("sysconfdir", f"{prefix}/conf").rstrip("/")
    if any("$" in p or "`" in p or not p.startswith("/") for p in (prefix, conf)):
        return ()
    data = given.get("datadir", prefix).rstrip("/")  # (htdocs/ lies in --datadir)
    if "$" in data or not data.startswith("/"):
        return ()
    return (
        *(f"{conf}/{n}" for n in _HTTPD_CONF_FILES),
        *(f"{data}/htdocs/index.html", f"{prefix}/bin/apachectl"),
    )


_SOURCES = re.compile(r"[-_.](src|source|sources)([-_.]|$)", re.IGNORECASE)


# The PHP each Debian and Ubuntu release packages, which its unversioned packages install
# (`apt-get install php-fpm` on ubuntu:20.04 is php7.4-fpm), by the release's names in a tag.
_RELEASE_PHP = (
    (re.compile(r"(?:^|[-_])(?:stretch|9|xenial|16\.04)(?:[.-]|$)"), "7.0"),
    (re.compile(r"(?:^|[-_])(?:artful|17\.10)(?:[.-]|$)"), "7.1"),
    (re.compile(r"(?:^|[-_])(?:cosmic|18\.10|disco|19\.04)(?:[.-]|$)"), "7.2"),
    (re.compile(r"(?:^|[-_])(?:eoan|19\.10)(?:[.-]|$)"), "7.3"),
    (re.compile(r"(?:^|[-_])(?:groovy|20\.10|hirsute|21\.04)(?:[.-]|$)"), "7.4"),
    (re.compile(r"(?:^|[-_])(?:impish|21\.10)(?:[.-]|$)"), "8.0"),
    (re.compile(r"(?:^|[-_])(?:buster|10)(?:[.-]|$)"), "7.3"),
    (re.compile(r"(?:^|[-_])(?:bullseye|11|focal|20\.04)(?:[.-]|$)"), "7.4"),
    (re.compile(r"(?:^|[-_])(?:bookworm|12)(?:[.-]|$)"), "8.2"),
    (re.compile(r"(?:^|[-_])(?:trixie|13)(?:[.-]|$)"), "8.4"),
    (re.compile(r"(?:^|[-_])(?:bionic|18\.04)(?:[.-]|$)"), "7.2"),
    (re.compile(r"(?:^|[-_])(?:jammy|22\.04|kinetic|22\.10|lunar|23\.04)(?:[.-]|$)"), "8.1"),
    (re.compile(r"(?:^|[-_])(?:mantic|23\.10)(?:[.-]|$)"), "8.2"),
    (re.compile(r"(?:^|[-_])(?:noble|24\.04|oracular|24\.10)(?:[.-]|$)"), "8.3"),
    (re.compile(r"(?:^|[-_])(?:plucky|25\.04|questing|25\.10)(?:[.-]|$)"), "8.4"),
)
# Unversioned packages that install the release's own versioned one.
_PHP_UNVERSIONED = {
    "php-fpm": "php{}-fpm", "php-cli": "php{}-cli", "libapache2-mod-php": "libapache2-mod-php{}",
    "php-xdebug": "php{}-xdebug",
}  # fmt: skip


# The PostgreSQL server the unversioned `postgresql` package installs, by the release's names
_RELEASE_POSTGRESQL = tuple(
    (re.compile(rf"(?:^|[-_])(?:{names})(?:[.-]|$)"), version)
    for names, version in (
        *(("stretch|9", "9.6"), ("buster|10", "11"), ("bullseye|11", "13")),
        *(("bookworm|12", "15"), ("trixie|13", "17"), (r"xenial|16\.04", "9.5")),
        *((r"bionic|18\.04", "10"), (r"focal|20\.04", "12"), (r"jammy|22\.04", "14")),
        (r"noble|24\.04", "16"),
    )
)


def release_postgresql(image: ImageRef | None) -> str:
    """The PostgreSQL version a debian or ubuntu image's release installs for `postgresql`
    ('' when its tag does not say): its server, which creates the main cluster."""
    return _of_release(image, _RELEASE_POSTGRESQL)


def release_php(image: ImageRef | None) -> str:
    """The PHP version a debian or ubuntu image's release packages ('' when not shown)."""
    return _of_release(image, _RELEASE_PHP)


def _of_release(image: ImageRef | None, table: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    """What `table` gives for the release a debian or ubuntu image's tag names ('' if none)."""
    if image is None or _name(image) not in ("debian", "ubuntu") or not image.tag:
        return ""
    return next((v for pattern, v in table if pattern.search(image.tag)), "")


def old_release(image: ImageRef | None) -> bool:
    """`image` is of Ubuntu 14.04, Debian 8 or an older release (by its tag), whatever else it
    holds: the python image's own pip does not change which packages apt installs."""
    if image is None:
        return False
    held = known(image)
    return held.old_pip or (held.manager == "apt" and bool(_OLD_PIP.search(image.tag or "")))


def release_names(image: ImageRef | None) -> Mapping[str, str]:
    """The packages `image`'s release installs under a name of the model's, where what they hold
    differs from today's: noVNC 0.4 before Debian 10 and Ubuntu 20.04 (no app/ tree), Apache 2.2
    before Debian 8 and Ubuntu 13.10 (its site `default`), ejabberd 2.1 before Debian 8 and
    Ubuntu 14.10 (ejabberd.cfg), and Debian's own puppet-agent since Debian 12 and Ubuntu 23.04
    (in /etc/puppet, not Puppet's /etc/puppetlabs)."""
    if image is None:
        return {}
    held = known(image)
    if held.manager != "apt":
        return {}
    tag, debian = image.tag or "", _name(image) == "debian"
    ubuntu = _name(image).split("/")[-1] == "ubuntu"
    names: dict[str, str] = {}
    old_debian = debian and bool(_DEBIAN_BEFORE_8.match(tag))
    if _APACHE_2_2.named(tag, ubuntu) or old_debian:
        names |= _APACHE_2_2_NAMES
    if _EJABBERD_2.named(tag, ubuntu) or old_debian:
        names["ejabberd"] = "ejabberd (2.1)"
    if _BEFORE_NOVNC_1.search(tag) or (debian and _OLD_DEBIAN_NUMBER.match(tag)):
        return names | {"novnc": "novnc (0.4)"}
    if names:
        return names
    return {"puppet-agent": "puppet-agent (debian)"} if held.managed_python else {}


class _Releases(NamedTuple):
    """Releases a tag names: by name, or by Ubuntu's number after its name (`ubuntu12.04`), or
    by that number alone on Ubuntu's own image (`ubuntu:12.04`; not `node:12.10`, of Debian)."""

    by_name: re.Pattern[str]
    by_number: re.Pattern[str]

    def named(self, tag: str, ubuntu: bool) -> bool:
        return bool(self.by_name.search(tag) or (ubuntu and self.by_number.match(tag)))


def _releases(names: str, numbers: str) -> _Releases:
    """`_Releases` of these `names` and of Ubuntu's `numbers` (a pattern of `12.04`'s form)."""
    spelled = numbers.replace(r"\.", "[.-]")  # (`ubuntu12-04` as well as `ubuntu12.04`)
    return _Releases(
        re.compile(_RELEASE_START + rf"(?:{names})\b|ubuntu[-_]?(?:{spelled})\b"),
        re.compile(rf"(?:{numbers})(?:[.-]|$)"),
    )


# The releases whose apache2 is Apache 2.2: Debian 7 and Ubuntu 13.04, and older
_APACHE_2_2 = _releases(
    "lucid|precise|quantal|raring|squeeze|wheezy", r"1(?:[0-2]\.(?:04|10)|3\.04)"
)
# and whose ejabberd is 2.1, with ejabberd.cfg: Debian 7 and Ubuntu 14.04, and older
_EJABBERD_2 = _releases(
    "lucid|precise|quantal|raring|saucy|trusty|squeeze|wheezy", r"1(?:[0-3]\.(?:04|10)|4\.04)"
)
_DEBIAN_BEFORE_8 = re.compile(r"^[4-7](?:[.-]|$)")
# (Apache 2.2's site is `default`, its page /var/www/index.html)
_APACHE_2_2_NAMES = {
    "apache2": "apache2 (2.2)",
    "libapache2-mod-php5": "libapache2-mod-php5 (apache 2.2)",
}


# The releases whose novnc package is noVNC 0.4: Debian 9 and Ubuntu 18.04, and older
_BEFORE_NOVNC_1 = _releases_before("1[0-8]", "precise|trusty|xenial|bionic|wheezy|jessie|stretch")


def of_old_release(packages: tuple[str, ...]) -> tuple[str, ...]:
    """`packages` and what Ubuntu 14.04's and Debian 8's (and older) releases install for them
    where that differs since (`mysql-server` is mysql-server-5.5 there, whose my.cnf is a file;
    squid3 is its own package, with /etc/squid3)."""
    return (*packages, *(_OLD_RELEASE_NAMES[p] for p in packages if p in _OLD_RELEASE_NAMES))


_OLD_RELEASE_NAMES = {
    "mysql-server": "mysql-server-5.5",
    # (the client brings mysql-common, whose my.cnf was a file then too)
    "mysql-client": "mysql-common (before 16.04)",
    "mariadb-server": "mariadb-server-10.0",
    "squid3": "squid3 (before 16.04)",  # (a name of the model's: the old package's files)
}


def versioned(packages: tuple[str, ...], php: str) -> tuple[str, ...]:
    """`packages` with the unversioned PHP ones named as the release installs them; `php`
    itself brings Apache's module, the first of the servers it needs, unless the same install
    names another (php-fpm, php-cgi)."""
    if not php:
        return packages
    named = tuple(_PHP_UNVERSIONED[p].format(php) if p in _PHP_UNVERSIONED else p for p in packages)
    servers = {f"php{php}-fpm", f"php{php}-cgi", "php-cgi"}
    if "php" in named and not servers & set(named):
        named += (f"libapache2-mod-php{php}",)
    return named


# Packages whose install brings another whose files are listed above.
_BRINGS: Mapping[tuple[str, str], str] = {
    # (ProFTPD's modules depend on its core)
    **dict.fromkeys(
        (("apt", f"proftpd-mod-{m}") for m in ("mysql", "pgsql", "sqlite", "ldap", "crypto")),
        "proftpd-core",
    ),
    ("apt", "libapache2-mod-shib"): "shibboleth-sp-common",
    ("apt", "libapache2-mod-shib2"): "shibboleth-sp2-common",
    ("apt", "shibboleth-sp-utils"): "shibboleth-sp-common",
    ("apt", "shibboleth-sp2-utils"): "shibboleth-sp2-common",
    **dict.fromkeys(
        (("apt", n) for n in ("exim4", "exim4-base", "exim4-daemon-light", "exim4-daemon-heavy")),
        "exim4-config",
    ),
    **{("apt", f"dovecot-{n}"): "dovecot-core" for n in ("imapd", "pop3d", "lmtpd", "sieve")},
    # (Postfix's lookup table plugins depend on postfix)
    **{
        ("apt", f"postfix-{n}"): "postfix"
        for n in ("mysql", "pgsql", "ldap", "pcre", "lmdb", "sqlite", "cdb")
    },
    ("apt", "mongodb-org"): "mongodb-org-server",
    # (BitlBee's servers, and its headers' package, depend on its configuration's)
    **dict.fromkeys(
        (("apt", n) for n in ("bitlbee", "bitlbee-libpurple", "bitlbee-dev")), "bitlbee-common"
    ),
    ("yum", "mongodb-org"): "mongodb-org-server",
    ("apk", "mariadb"): "mariadb-common",
    ("yum", "bind-chroot"): "bind",  # (BIND's chroot layout depends on BIND)
    ("apt", "krb5-user"): "krb5-config",
    ("apt", "roundcube"): "roundcube-core",
    ("apt", "pulseaudio-utils"): "libpulse0",
    ("apt", "pdfsandwich"): "imagemagick",
    # (Alpine's PHP module for Apache, and Apache's own modules, depend on apache2)
    **{("apk", f"php{v}-apache2"): "apache2" for v in ("", "7", "8", "81", "82", "83", "84", "85")},
    **{("apk", f"apache2-{m}"): "apache2" for m in ("ssl", "proxy", "ldap", "http2", "brotli")},
}
# An extension of PostgreSQL.org's apt packages depends on its server: `postgresql-15-postgis-3`
# brings `postgresql-15`, and with it the main cluster.
_POSTGRESQL_EXTENSION = re.compile(r"(postgresql-\d+(?:\.\d+)?)-[a-z].*")
# An rpm named with its version: `mysql-community-server-minimal-8.0.27`, `nginx-1.24.0-1.el9`,
# `mod_ssl-1:2.4.63` (not `java-1.8.0-openjdk`, a name)
RPM_VERSION = re.compile(r"-(?:\d+:)?\d[^-]*(-\d[^-]*)?$")
# What follows an RPM's version in its name: its architecture (`httpd.x86_64`) or release
RPM_ARCH = re.compile(r"\.(x86_64|aarch64|noarch|i686|ppc64le|s390x|el\d+[\w.]*)$")


# Packages whose install fills a data directory in /var/lib, where packages otherwise keep
# little: Debian's postgresql creates its main cluster, its MariaDB and MySQL servers their
# system databases (RHEL's and Alpine's leave that to the first start, or to the user).
_DATA_TREES: Mapping[tuple[str, str], str] = {
    **{("apt", n): "/var/lib/postgresql" for n in ("postgresql", "postgresql-contrib")},
    **{("apt", f"postgresql-{v}"): "/var/lib/postgresql" for v in range(9, 19)},
    **{
        ("apt", n): "/var/lib/mysql"
        for n in ("mariadb-server", "mysql-server", "default-mysql-server")
    },
    # (the versioned names of Debian's and Ubuntu's older releases: `mysql-server-5.6`)
    **{("apt", f"mysql-server-{v}"): "/var/lib/mysql" for v in ("5.5", "5.6", "5.7", "8.0")},
    **{("apt", f"mariadb-server-10.{v}"): "/var/lib/mysql" for v in range(12)},
}


def package_data(family: str, packages: tuple[str, ...]) -> tuple[str, ...]:
    """The data directories the install of `packages` fills (`_DATA_TREES`)."""
    return tuple(
        d for n in packages if (d := _DATA_TREES.get((family, _brought(family, n)))) is not None
    )


def _brought(family: str, name: str) -> str:
    """The package whose files and data the install of `name` brings: one `_BRINGS` names, the
    server an extension depends on (`postgresql-15-postgis-3`: `postgresql-15`), or itself."""
    found = _POSTGRESQL_EXTENSION.fullmatch(name) if family == "apt" else None
    return found.group(1) if found else _BRINGS.get((family, name), name)


@functools.lru_cache(maxsize=1024)  # (the model asks per entry and per removal)
def package_files(
    family: str,
    packages: tuple[str, ...],
    before: frozenset[str] = frozenset(),
    ubuntu: bool = False,
    old_alpine: bool = False,
    recommends: bool = True,
) -> tuple[str, ...]:
    """The configuration files `PACKAGE_FILES` knows the named packages (and those their
    install brings) to install; `before`, the packages earlier installs of the stage named;
    `ubuntu`, the image is Ubuntu's, whose packages add files of their own; `old_alpine`, it is
    an Alpine before 3.14, whose packages kept some in other places; `recommends`, apt installs
    the recommended packages too (not told `--no-install-recommends`)."""
    found: list[str] = []
    for name in packages:
        if ubuntu and family == "apt":
            found.extend(PACKAGE_FILES.get((family, f"{name} (ubuntu)"), ()))
        if old_alpine and family == "apk":
            found.extend(PACKAGE_FILES.get((family, f"{name} (alpine<3.14)"), ()))
        if family == "apt" and _OLD_RELEASE_NAMES.get(name) in packages:
            continue  # (the old release's package stands for it: its files, not today's)
        if family == "yum" and (family, name) not in PACKAGE_FILES:
            # (`shibboleth-3.4.1`, `httpd.x86_64`: a version or an architecture named)
            name = RPM_VERSION.sub("", RPM_ARCH.sub("", name))
        if (family, name) not in PACKAGE_FILES:
            name = _brought(family, name)
        newer = _NEWER_ALPINE_FILES if old_alpine and family == "apk" else frozenset()
        found.extend(f for f in PACKAGE_FILES.get((family, name), ()) if f not in newer)
        if family == "apt" and (sapi := _PHP_SAPI.fullmatch(name)):
            found.extend(f"/etc/php/{sapi[1]}/mods-available/{n}.ini" for n in _PHP_SAPI_INIS)
        if family in ("apt", "yum") and (lsphp := _LSPHP.fullmatch(name)):
            # (its php.ini: Debian's layout under the prefix from apt, one file from yum)
            etc = f"/usr/local/lsws/lsphp{lsphp[1]}{lsphp[2]}/etc"
            found.append(
                f"{etc}/php/{lsphp[1]}.{lsphp[2]}/litespeed/php.ini"
                if family == "apt"
                else f"{etc}/php.ini"
            )
        if family == "apt" and (server := _PGDG_SERVER.fullmatch(name)):
            # (a PostgreSQL server's sample configuration, which the official image's
            # Dockerfile diverts: `dpkg-divert --add --rename --divert ... postgresql.conf.sample`)
            found.append(f"/usr/share/postgresql/{server.group(1)}/postgresql.conf.sample")
        if family == "apt" and (
            name in _NEEDS_CERTIFICATES
            or _OPENJDK_PACKAGE.fullmatch(name)
            or (recommends and name in _RECOMMENDS_CERTIFICATES)
        ):
            found.append(_BUNDLE)  # (ca-certificates comes along: its trigger writes the bundle)
        if (
            family == "apt"
            and name in _APACHE_FIRST
            and (recommends or name not in _APACHE_RECOMMENDED)
            and _takes_apache(name, {*packages, *before})
        ):
            found.extend(PACKAGE_FILES[("apt", _APACHE_FIRST[name])])
    return tuple(found)


# Debian's (and PGDG's) PostgreSQL servers by major version, a pin after it or none
# (`postgresql-15`, `postgresql-9.6=9.6.24-1.pgdg90+1`)
_PGDG_SERVER = re.compile(r"postgresql-(\d+(?:\.\d+)?)(?:=\S*)?")


# Debian's packages that depend on ca-certificates, and those that recommend it (curl through
# libcurl4), which apt installs unless told --no-install-recommends
_NEEDS_CERTIFICATES = frozenset(
    {"python3-pip", "python3-certifi", "python3-requests", "ca-certificates-java"}
    | {"default-jre", "default-jre-headless", "default-jdk", "default-jdk-headless"}
)
_RECOMMENDS_CERTIFICATES = frozenset({"wget", "curl", "git"})
# (Debian's and Ubuntu's OpenJDK, through ca-certificates-java)
_OPENJDK_PACKAGE = re.compile(r"openjdk-\d+-(?:jre|jdk)(?:-headless)?")


def _takes_apache(name: str, named: set[str]) -> bool:
    """apt takes Apache for `name` (php5, phpmyadmin) beside the packages `named`."""
    handled = bool(_HANDLERS[name] & named)
    return (
        not handled if name in ("php5", "phpldapadmin") else not (handled and _WEB_SERVERS & named)
    )


# Packages that depend on one of several web servers or PHP handlers, of which apt takes the
# first, Apache's, unless the same install names another (`php5 php5-fpm`, `phpmyadmin nginx`).
_APACHE_FIRST = {"php5": "libapache2-mod-php5", "phpmyadmin": "apache2", "phpldapadmin": "apache2"}
# (those that take apache2 itself as a recommended package, through libapache2-mod-php: none
# with --no-install-recommends, where apache2-bin stands for httpd)
_APACHE_RECOMMENDED = frozenset({"phpmyadmin", "phpldapadmin"})
# (php5's alternatives are PHP handlers alone: a web server beside it does not stand for one;
# phpMyAdmin takes Apache's module unless a handler is there, and Apache unless a server is)
_HANDLERS = {
    "php5": frozenset({"php5-fpm", "php5-cgi", "libapache2-mod-php5filter"}),
    "phpmyadmin": frozenset(
        {"php-fpm", "php-cgi", "php5-fpm", "php5-cgi", *(f"php{v}-fpm" for v in _PHP_VERSIONS)}
    ),
}
_WEB_SERVERS = frozenset({"nginx", "nginx-full", "nginx-light", "nginx-core", "lighttpd"})
# (phpLDAPadmin takes Apache unless the install names a versioned PHP handler, `php8.2-fpm`,
# which apt takes for php8.2's alternative before resolving the rest; `php-fpm` does not do)
_HANDLERS["phpldapadmin"] = frozenset(
    h for v in _PHP_VERSIONS for h in (f"php{v}-fpm", f"php{v}-cgi")
)


def of_ubuntu(image: ImageRef | None) -> bool:
    """`image` is Ubuntu's (or Canonical's image of a server), or names Ubuntu or one of its
    releases in its tag (`swift:5.0.2-xenial`, `nvidia/cuda:12.2.0-runtime-ubuntu22.04`)."""
    if image is None:
        return False
    name = _name(image)
    canonical = name == "ubuntu" or name.startswith("ubuntu/")
    built = any(_is(name, key) for key in _ON_UBUNTU)
    return canonical or built or bool(_UBUNTU_TAG.search(image.tag or ""))


_UBUNTU_TAG = re.compile(r"ubuntu|\b(?:trusty|xenial|bionic|focal|jammy|noble)\b")


# Files Alpine's packages brought only in later releases: zsh's zshrc (5.8 and before shipped
# its zprofile alone), nginx's servers in http.d (conf.d before 3.14)
_NEWER_ALPINE_FILES = frozenset({"/etc/zsh/zshrc", "/etc/nginx/http.d/default.conf"})


def of_old_alpine(image: ImageRef | None) -> bool:
    """`image` is an Alpine before 3.14, by its tag (`alpine:3.12`, `python:3.7.9-alpine3.12`)."""
    if image is None or not image.tag:
        return False
    if _name(image) == "alpine":
        return bool(_OLD_ALPINE.match(image.tag))
    return bool(_OLD_ALPINE_TAG.search(image.tag))


# (and edge's snapshots of those days, dated: `alpine:20200917`)
_OLD_ALPINE = re.compile(r"(?:3\.(?:\d|1[0-3])(?:\.\d+)?|20(?:1\d|20)\d{4}|20210[1-5]\d\d)$")
_OLD_ALPINE_TAG = re.compile(r"alpine-?3\.(?:\d|1[0-3])(?![\d])")
# Repositories whose every image is built on Ubuntu's (Gitpod's workspace images, Phusion's)
_ON_UBUNTU = ("gitpod/workspace-*", "phusion/baseimage", "phusion/passenger-*", "ros", "osrf/ros")


@functools.lru_cache(maxsize=256)  # (asked per copy and per removal)
def _beyond_the_distribution(trees: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in trees if t not in DISTRIBUTION_TREES)


# The node image's global packages, as its Dockerfile installs them (corepack not in all)
_NODE_GLOBAL_PACKAGES = frozenset({"npm", "corepack"})


class Known(NamedTuple):
    """What every image of a repository holds: trees filled with files, single files, whether
    it ships docs, whether it is a minimal image (slim, Alpine, UBI minimal: few packages beyond
    what it runs), and the ENV and WORKDIR its own Dockerfile set ('' when not known)."""

    trees: tuple[str, ...]
    files: tuple[str, ...]
    docs: bool
    minimal: bool = False
    env: tuple[tuple[str, str], ...] = ()
    workdir: str = ""
    debian: bool = False  # of Debian's family: debconf's database is there
    fixed: tuple[str, ...] = ()  # trees its own Dockerfile ran fix-permissions over
    homes: tuple[tuple[str, str], ...] = ()  # (user name or uid, home) of the users it added
    weighty: tuple[str, ...] = ()  # files or trees of weight (php's source tarball, node's npm)
    packages: frozenset[str] | None = None  # the packages it holds, when that is known
    manager: str = ""  # its distribution's package manager family, when that is known
    old_pip: bool = False  # its distribution's own pip predates pip's cache (pip 6)
    user: str = ""  # the USER its own Dockerfile ends with ('' for root or not known)
    default_gems: frozenset[str] = frozenset()  # gems of its Ruby that no uninstall removes
    # add-apt-repository updates the index there only when told to (`-u`): Ubuntu before 18.04
    quiet_repositories: bool = False
    old_go: bool = False  # its Go predates Go's caches (1.10's build cache, 1.11's modules)
    empty: tuple[str, ...] = ()  # directories inside its trees that it ships empty
    gopath_go: bool = False  # its Go (1.10 to 1.12) builds inside GOPATH/src in GOPATH mode
    auto_go: bool = False  # its Go (1.13 to 1.15) is in module mode only beside a go.mod
    new_go: bool = False  # its Go (1.18 or later) only edits go.mod with `go get`
    # dpkg's path-excludes keep docs out of it and of what later installs bring there: Debian's
    # slim images and those built on them, Ubuntu's minimized ones (`_MINIMIZED_KEPT`)
    slim: bool = False
    # Alpine 3.14 or later, whose nginx keeps its servers in /etc/nginx/http.d (conf.d empty)
    new_alpine: bool = False
    # its distribution's Python is externally managed (PEP 668: Debian 12, Ubuntu 23.04 on)
    managed_python: bool = False
    # its distribution's own Go package predates Go's caches: Debian 9, Ubuntu 16.04, Fedora 26
    # and older
    old_distribution_go: bool = False
    # its sudo keeps the caller's HOME (Ubuntu before 19.10): `sudo pip` by a user runs as root
    # with the user's home, where pip's owner check turns its cache off
    sudo_keeps_home: bool = False
    # trees its own Dockerfile emptied when it was done, what they held of its base hidden
    emptied: tuple[str, ...] = ()
    # the command of its own that empties every cache a RUN filled, pip's too (minidocks'
    # `clean`, which removes what its images' CLEAN variable lists)
    cleaner: str = ""
    # what the python image's pip installed beside itself: nothing since Python 3.12
    python_site: frozenset[str] = frozenset({"pip", "setuptools", "wheel"})
    # what node's global tree holds: npm, and corepack from Node.js 14.19 and 16.9 to 24
    node_globals: frozenset[str] = _NODE_GLOBAL_PACKAGES
    # git working trees its own Dockerfile cloned: a pull or checkout there writes other
    # versions of their files over the base's
    clones: tuple[str, ...] = ()
    yum_is_dnf: bool = False  # its yum is dnf's, which keeps its cache in /var/cache/dnf
    dnf5: bool = False  # its dnf is dnf5 (Fedora 41 and later), with /var/cache/libdnf5
    # its tag names no release but today's (`latest`, none, `stable`): what a file's own
    # sources.list installs from may be another's
    release_now: bool = False
    # a distribution's own image (debian, ubuntu, alpine, centos, ...), whose ENV sets none of
    # the variables a language's or an application's image does
    distribution: bool = False
    # its own Dockerfile installed its distribution's pip, which a `pip` runs (Odoo's)
    system_pip: bool = False

    @property
    def runtime(self) -> tuple[str, ...]:
        """The trees this repository's images fill beyond the distribution's own."""
        return _beyond_the_distribution(self.trees)

    @property
    def heavy(self) -> tuple[str, ...]:
        """Trees whose removal hides the base image's bytes: docs, debconf's database, and
        files of weight."""
        if not self.docs:
            return self.weighty
        # (a slim image keeps the copyright files of /usr/share/doc alone: dpkg leaves out every
        # man page, info page and translation, of what later installs bring too; what Ubuntu's
        # minimized ones keep of those is among the files of weight)
        docs = DOC_TREES[:1] if self.debian and self.slim else DOC_TREES
        debconf = (DEBCONF,) if self.debian and not in_tree(DEBCONF, self.emptied) else ()
        return (*docs, *debconf, *self.weighty)


def a_distribution(image: ImageRef | None) -> bool:
    """`image` is a distribution's own (debian, ubuntu, alpine, fedora, ...), whose archive's
    packages put nothing in /opt (Debian's policy, the FHS's add-on directory)."""
    return image is not None and _name(image) in _DISTRIBUTION_MANAGER


def family_files(manager: str) -> tuple[str, ...]:
    """The files every image of the distribution family whose package manager is `manager`
    holds (`apt`, `yum`; a minimal RHEL image's `microdnf`: its users only)."""
    return {"apt": _DEBIAN_FILES, "yum": _RHEL_FILES, "microdnf": USER_DATABASE}.get(manager, ())


# What a base image not known here holds, shown by the variable its Dockerfile set that a
# Dockerfile names (`${JAVA_HOME}/jre/lib/security/`): a JDK's security files (in jre/ up to
# Java 8, whose JCE policy jars a copy replaces; in conf/ since 9), a Tomcat's configuration,
# WildFly's server profiles, PHP's php.ini files.
VARIABLE_FILES: Mapping[str, tuple[str, ...]] = {
    "JAVA_HOME": (
        *(f"jre/lib/security/{n}" for n in ("local_policy.jar", "US_export_policy.jar")),
        *("jre/lib/security/java.security", "jre/lib/security/cacerts"),
        "conf/security/java.security",
    ),
    **dict.fromkeys(("CATALINA_HOME", "CATALINA_BASE"), tuple(f"conf/{n}" for n in _TOMCAT_CONF)),
    "JBOSS_HOME": tuple(f"standalone/configuration/standalone{n}.xml" for n in _WILDFLY_PROFILES),
    # (and PHP's configuration directory: the php image's two recommended php.ini files)
    "PHP_INI_DIR": ("php.ini-production", "php.ini-development"),
}


def variable_file(path: str, roots: Mapping[str, str]) -> bool:
    """`path` is a file the directory a variable names holds (`/$JAVA_HOME/jre/lib/security/
    local_policy.jar`, the variable the base's; or below `roots`, name -> the value this
    file's ENV gave it)."""
    return any(
        root
        and path.startswith(root.rstrip("/") + "/")
        and path[len(root.rstrip("/")) + 1 :] in files
        for name, files in VARIABLE_FILES.items()
        for root in (f"/${name}", roots.get(name, ""))
    )


# Canonical's images of a server install Ubuntu's package of it, its configuration kept.
_CANONICAL_PACKAGED = {
    "ubuntu/apache2": "apache2",
    "ubuntu/nginx": "nginx",
    "ubuntu/squid": "squid",
}

# docker-mailserver's image (tvial's until 2021): Debian's Postfix and Dovecot, configured, and
# the script that starts them
_MAILSERVER = frozenset(
    {"tvial/docker-mailserver", "mailserver/docker-mailserver"}
    | {"ghcr.io/docker-mailserver/docker-mailserver"}
)


def ends_as_root(image: ImageRef | None) -> bool:
    """`image` is an official one whose Dockerfile ends as root and sets no HOME (python, node,
    ubuntu): an ENV HOME of a child's with no USER is root's home there."""
    if image is None:
        return False
    name = _name(image)
    held = known(image)
    return (
        "/" not in name
        and name not in _OFFICIAL_USERS
        and not held.user
        and "HOME" not in dict(held.env)
    )


# Official images whose Dockerfiles end as another user (`USER sonarqube`, `USER 1000`)
_OFFICIAL_USERS = frozenset(
    {"sonarqube", "solr", "elasticsearch", "kibana", "logstash", "jetty", "odoo", "groovy"}
    | {"kong", "haproxy", "memcached", "rocket.chat", "open-liberty", "websphere-liberty"}
    | {"teamspeak", "jenkins", "varnish", "zookeeper", "storm", "bonita", "mongo-express"}
    | {"irssi", "eggdrop", "spark", "liquibase", "emqx", "percona", "satosa", "neo4j"}
)


def homeless(image: ImageRef | None, uid: str) -> bool:
    """`USER uid` on `image` runs as a user with no passwd entry, whose HOME is /: the
    distributions' own images add no user with an id from 1000 (Ubuntu 24.04 and later add
    `ubuntu`, 1000)."""
    if image is None or not uid.isdigit() or not 1000 <= int(uid) < 65534:
        return False
    name, tag = _name(image), image.tag or "latest"
    if name not in _DISTRIBUTION_MANAGER:
        return False
    newer = tag in ("latest", "rolling", "devel") or _UBUNTU_USER.search(f"ubuntu:{tag}")
    return not (name == "ubuntu" and uid == "1000" and newer)


@functools.lru_cache(maxsize=256)  # rules ask per COPY; the images are few
def known(image: ImageRef | None) -> Known:
    """What `image` is known to hold; an unknown image holds the distribution's trees."""
    if image is None:
        return Known(DISTRIBUTION_TREES, (), True)
    name = _name(image)
    trees = tuple(t for key, found in _RUNTIME_TREES.items() if _is(name, key) for t in found)
    files = tuple(f for key, found in _FILES.items() if _is(name, key) for f in found)
    env = tuple(pair for key, found in _ENV.items() if _is(name, key) for pair in found)
    workdir = next((w for key, w in _WORKDIR.items() if _is(name, key)), "")
    if name == "php" and any(v in (image.tag or "") for v in ("apache", "fpm")):
        workdir = "/var/www/html"  # (the web server variants'; the CLI ones set none)
    if name.endswith("linuxserver/baseimage-alpine-nginx") and _OLD_LSIO_NGINX.match(
        image.tag or ""
    ):
        # (its tags before Alpine 3.16 kept the samples under other names, in /defaults)
        files = tuple(f for f in files if not f.startswith("/defaults/nginx/"))
        files += ("/defaults/default", "/defaults/nginx.conf")
    if name == "mediawiki":
        files = _mediawiki_files(files, image.tag or "")
    if name == "collabora/code" and _OLD_CODE.match(image.tag or ""):
        files = tuple(f.replace("cool", "lool") for f in files)
    if "64" in name or name.startswith(("balenalib/raspberrypi5", "balenalib/raspberrypicm4")):
        # (balena's 64-bit ARM images carry qemu-aarch64-static instead)
        files = tuple(f for f in files if f != "/usr/bin/qemu-arm-static")
    if name == "oven/bun" and "distroless" in (image.tag or ""):
        files = tuple(f for f in files if f != "/usr/local/bin/docker-entrypoint.sh")
    if name == _ANSIBLE_OPERATOR and (image.tag or "").startswith("v0."):
        env = tuple(p for p in env if p[0] != "PIP_NO_CACHE_DIR")  # (its base's from v1.0)
    if _is(name, "selenium/*") and _OLD_SELENIUM.match(image.tag or ""):
        env = tuple(p for p in env if p[0] != "HOME")  # (its Base set HOME from 3.14, 2018)
    if name == "caddy" and "builder" in (image.tag or ""):
        env += (("GOPATH", "/go"),)  # (its builder tags are golang's, with xcaddy added)
    if name in _PHP_IMAGES and "alpine" in (image.tag or ""):
        # (Alpine's names for phpize's build tools, which those tags do not keep installed)
        env = (*(p for p in env if p[0] != "PHPIZE_DEPS"), ("PHPIZE_DEPS", _ALPINE_PHPIZE))
    if name == "meltano/meltano" and _MELTANO_NO_PIP_CACHE.match(image.tag or ""):
        env += (("PIP_NO_CACHE_DIR", "1"),)  # (from v2.4.0 until v4.2.0 dropped it)
    if name == "postgres":
        # (its own Dockerfile moves the sample configuration up, where initdb reads it)
        share = "/usr/local/share" if "alpine" in (image.tag or "") else "/usr/share"
        files += (f"{share}/postgresql/postgresql.conf.sample",)
    if name == "freeradius/freeradius-server":
        # (its own build's configuration, in /etc/freeradius; its Alpine tags' in /etc/raddb)
        files += _freeradius("/etc/raddb" if "alpine" in (image.tag or "") else "/etc/freeradius")
    if name == "dunglas/frankenphp" and "builder" in (image.tag or ""):
        workdir = "/go/src/app"  # (its builder tags, for xcaddy: Go's source tree)
    if name == "drupal" and _OLD_DRUPAL.match(image.tag or ""):
        # (7's and 8's before 8.8 in the docroot; since, a composer project in /opt/drupal)
        workdir, trees = "/var/www/html", tuple(t for t in trees if t != "/opt/drupal")
        trees += ("/var/www/html",)
    elif name == "drupal":
        workdir = "/opt/drupal"
        files += ("/opt/drupal/composer.json", "/opt/drupal/composer.lock")
    if name == "ghost" and _GHOST_0.match(image.tag or ""):
        # (Ghost 0.x: its source in /usr/src/ghost, /var/lib/ghost the content volume)
        workdir, files = "/usr/src/ghost", ()
        trees = (*(t for t in trees if t != "/var/lib/ghost"), "/usr/src/ghost")
    if name in ("flink", "apache/flink"):
        tag = image.tag or ""
        # (the Scala 2.11 tags, 1.14 and before, may be either side of 1.11: what both hold)
        numbered = re.match(r"\d", tag)  # (`1.14.6-scala_2.11-java11` says its version)
        conf: tuple[str, ...] = (
            _FLINK_COMMON if "scala_2.11" in tag and not numbered else _FLINK_CONF
        )
        conf = (*_FLINK_COMMON, "slaves") if _FLINK_1_10.match(tag) else conf
        files += tuple(f"/opt/flink/conf/{n}" for n in conf)
        old = _OLD_FLINK.match(image.tag or "")
        files += (f"/opt/flink/conf/{'flink-conf' if old else 'config'}.yaml",)  # (1.19)
    if _on_temurin(name, image.tag or ""):
        # (built FROM eclipse-temurin: its JDK or JRE in /opt/java/openjdk, which a `COPY
        # --from=eclipse-temurin:21 $JAVA_HOME $JAVA_HOME` writes again)
        trees += ("/opt/java/openjdk",)
        env += (("JAVA_HOME", "/opt/java/openjdk"),)
        if not _TAGGED_JAVA_8.search(image.tag or ""):
            files += tuple(f"/opt/java/openjdk/{f}" for f in _JAVA_SECURITY)
        elif name in ("flink", "apache/flink") or "jre" in (image.tag or ""):
            # (a Java 8 JRE, as Flink's java8 tags hold: its trust store in lib/security)
            files += ("/opt/java/openjdk/lib/security/cacerts",)
    if (
        name == "mysql"
        and _ORACLE_MYSQL.match(image.tag or "")
        and "debian" not in (image.tag or "")
    ):
        files += ("/etc/my.cnf",)  # (8's and later tags, on Oracle Linux: the RPM's my.cnf)
    if name in ("percona", "percona/percona-server"):
        # (Percona Server's images, the library's and Percona's own: the entrypoint at /, and the
        # library's 5.5 and 5.6 Debian tags the my.cnf their Dockerfile edits; 5.7's moved to
        # Percona's RPMs, /etc/my.cnf)
        files += ("/docker-entrypoint.sh",)
        debian = (
            name == "percona"  # (the library's; Percona's own are of its RPMs)
            and _OLD_PERCONA.match(image.tag or "")
            and "centos" not in (image.tag or "")
        )
        files += ("/etc/mysql/my.cnf",) if debian else ()
    if name == "rabbitmq" and (
        "management" in (image.tag or "") or not _OLD_RABBITMQ.match(image.tag or "")
    ):
        files += ("/etc/rabbitmq/enabled_plugins",)  # (`rabbitmq-plugins enable --offline`)
    if name == "node" and _NODE_WITH_YARN.match(_node_version(image.tag or "")):
        trees += ("/opt/yarn-v*",)  # (its yarn 1, unpacked there with its own package.json)
    if name == "node" and _before_node_entrypoint(_node_version(image.tag or "")):
        files = tuple(f for f in files if f != _ENTRYPOINT)
    if name == "denoland/deno" and any(v in (image.tag or "") for v in ("distroless", "bin")):
        files = tuple(f for f in files if f != _ENTRYPOINT)  # (no shell: no entry script)
    if name in _PHP_IMAGES and name != "php":
        # (built FROM php's tag of the same variant: its files and its runtime's trees)
        files += _FILES["php"]
        trees += tuple(t for t in _RUNTIME_TREES["php"] if t not in trees)
    if name in _PHP_IMAGES and "fpm" not in (image.tag or ""):
        files = tuple(f for f in files if not f.startswith("/usr/local/etc/php-fpm"))
    if _is(name, "ghcr.io/hassio-addons/base*") and _HASSIO_PIP.match(image.tag or ""):
        env += (("PIP_NO_CACHE_DIR", "1"),)  # (Home Assistant add-ons' base, since 12.2.0)
    if _is(name, "quay.io/jupyter/*-notebook") and _NOT_A_COMMIT.match(image.tag or ""):
        files += _JUPYTER_QUAY
    elif _is(name, "*jupyter/*-notebook") and _LAST_DOCKER_HUB_JUPYTER.match(image.tag or "latest"):
        files += _JUPYTER_QUAY  # (Docker Hub's last pushes, October 2023, hold them too)
    if name == "php" and _PHP_5_4.match(image.tag or ""):
        files = tuple(f for f in files if not f.endswith("/docker-php.conf"))
    if name in _PHP_IMAGES and (
        "apache" not in (image.tag or "")
        # (the others' tags are apache's unless they say fpm or cli: `wordpress:6`)
        if name == "php"
        else name == "dunglas/frankenphp" or any(v in (image.tag or "") for v in ("fpm", "cli"))
    ):
        files = tuple(f for f in files if not f.startswith("/etc/apache2/"))  # (fpm, cli, zts)
    elif name in _PHP_IMAGES:
        # (the Apache variants' Dockerfile names its configuration directory:
        # `COPY 000-default.conf "$APACHE_CONFDIR/sites-available/"`)
        env += (("APACHE_CONFDIR", "/etc/apache2"), ("APACHE_ENVVARS", "/etc/apache2/envvars"))
    fixed = tuple(t for key, found in _FIXED.items() if _is(name, key) for t in found)
    homes = tuple(h for key, found in _HOMES.items() if _is(name, key) for h in found)
    if name in _PHP_IMAGES and "alpine" in (image.tag or ""):
        # (its Alpine tags add www-data with adduser, whose home is /home/www-data: not Debian's
        # /var/www, which `COPY --from=build /var/www` would carry)
        homes += (("www-data", "/home/www-data"), ("82", "/home/www-data"))
    weighty = tuple(f for key, found in _HEAVY_FILES.items() if _is(name, key) for f in found)
    if name == "ghost" and _GHOST_0.match(image.tag or ""):
        weighty = ()  # (Ghost 0.x's /var/lib/ghost is its content volume alone)
    if name == "prestashop/prestashop" and "nightly" in (image.tag or ""):
        # (its nightly tags fetch the release when the container starts: nothing at build)
        weighty = ()
        trees = tuple(t for t in trees if t != "/tmp/data-ps")
    if name == "wordpress" and (image.tag or "").startswith("cli"):
        # (its cli tags are WP-CLI's image: no release in /usr/src/wordpress)
        trees = tuple(t for t in trees if t != "/usr/src/wordpress")
        files = tuple(f for f in files if not f.startswith("/usr/src/wordpress/"))
    elif name == "wordpress":
        # (WordPress's bundled themes and plugins, several MB, in the release it keeps)
        weighty += tuple(f"/usr/src/wordpress/wp-content/{d}" for d in ("themes", "plugins"))
    old_alpine = _OLD_NGINX.match(image.tag or "") and "alpine" in (image.tag or "")
    if name.startswith("envoyproxy/") and "distroless" in (image.tag or ""):
        files = tuple(f for f in files if f != _ENTRYPOINT_SH)
    if name in _NGINX_IMAGES and not _NGINX_WITHOUT_MODULES.search(image.tag or ""):
        # (its dynamic modules, xslt, geoip, image-filter and njs, since 1.11; not its slim tags)
        weighty += ("/usr/lib/nginx/modules",)
    if name in ("nginx", "nginxinc/nginx-unprivileged") and old_alpine:
        # (its Alpine tags before 1.16 built nginx from source, with no logrotate file; 1.16.1
        # and 1.17.3 on install nginx.org's packages)
        files = tuple(f for f in files if f != "/etc/logrotate.d/nginx")
    if name in ("nginx", "nginxinc/nginx-unprivileged") and _NGINX_BEFORE_CURL.match(
        image.tag or ""
    ):
        # (the entry script and its docker-entrypoint.d came with 1.19 and 1.18, in May 2020)
        files = tuple(f for f in files if f != "/docker-entrypoint.sh")
    empty = tuple(d for key, found in _EMPTY_DIRS.items() if _is(name, key) for d in found)
    if name in ("elasticsearch", _ELASTIC + "elasticsearch/elasticsearch"):
        # (Elasticsearch's images ship plugins/ empty since 6.3, whose X-Pack is a module; 5.x
        # and 6.0-6.2 had X-Pack installed there)
        if _ELASTIC_X_PACK_PLUGIN.match(image.tag or ""):
            weighty += ("/usr/share/elasticsearch/plugins",)
        else:
            empty += ("/usr/share/elasticsearch/plugins",)
    if name == "tomcat" and _OLD_TOMCAT.match(image.tag or ""):
        # (before 2020 the default applications were still in webapps/)
        weighty = tuple(w.replace("/webapps.dist", "/webapps") for w in weighty)
        files = tuple(f.replace("/webapps.dist/", "/webapps/") for f in files)
        empty = tuple(d for d in empty if not d.endswith("/webapps"))
    if name == "fluent/fluentd" and (image.tag or "").startswith(("v0.", "v0-")):
        files = tuple(f for f in files if f != "/bin/entrypoint.sh")  # (v0.12's had none)
    if name == "tensorflow/serving" and "devel" in (image.tag or ""):
        # (its -devel tags build the server and keep a shell: no start script)
        files = tuple(f for f in files if f != "/usr/bin/tf_serving_entrypoint.sh")
    if name == "prefecthq/prefect" and _PREFECT_2.match(image.tag or ""):
        files += _PREFECT_2_FILES
    if name == "prefecthq/prefect" and _PREFECT_1.match(image.tag or ""):
        # (Prefect 0.x and 1.x: no /opt/prefect, its start script on PATH)
        files, workdir = (), ""
    if name == "timberio/vector" and _OLD_VECTOR.match(image.tag or ""):
        files = tuple(f.replace("vector.yaml", "vector.toml") for f in files)
    if name == "python" and (minor := _PYTHON_MINOR.match(image.tag or "")):
        # (pip, about 12 MB, in the site-packages of the version the tag names; pip installs
        # beside it)
        weighty += (f"/usr/local/lib/python3.{minor.group(1)}/site-packages/pip",)
    if name in ("ros", "osrf/ros") and "ros-core" not in (image.tag or ""):
        # (ros-base, and the images built on it, ran `rosdep update`: its index cache)
        weighty += ("/root/.ros/rosdep",)
    if name in ("rocker/shiny", "rocker/shiny-verse") and (image.tag or "").startswith("3."):
        files += ("/usr/bin/shiny-server.sh",)  # (rocker-versioned's, R 3: its start script)
    if name in _ROCKER_VERSIONED and not (image.tag or "").startswith("3."):
        # (rocker-versioned2's images, R 4 on, keep the scripts that built them: dozens)
        trees += ("/rocker_scripts",)
        weighty += ("/rocker_scripts",)
    if name == "docker" and not any(v in (image.tag or "") for v in ("cli", "windows")):
        # (the daemon's, in the dind tags: `dind`, and a bare version or `latest`, which are)
        files += ("/usr/local/bin/dockerd-entrypoint.sh",)
    tagged = f"{image.repository}:{image.tag or ''}"
    if name in _ALPINE_BASED and "windows" not in (image.tag or ""):
        tagged += "-alpine"  # (docker:dind, docker:27-cli: Alpine's, whatever the tag says)
    docs = not any(d in tagged for d in _DOCLESS)
    minimized = _ubuntu_minimized(name, image.tag or "")
    full = _SLIM_BASED.get(name)
    slim_based = (
        name in _SLIM_BASED and not minimized and not (full and full.match(image.tag or ""))
    )
    minimal = not docs or any(m in tagged for m in _MINIMAL) or slim_based
    if minimized:
        weighty += _MINIMIZED_KEPT
    # (A Debian-based repository's tags of other distributions: `maven:3.9-amazoncorretto-21`,
    # `eclipse-temurin:21-jre-ubi9-minimal`, `nvidia/cuda:12.2.0-devel-ubi8`; not Red Hat's
    # own images' tags of their family: `centos:centos7`.)
    rhel = any(_is(name, key) for key in _RHEL_IMAGES)
    other = not rhel and any(t in (image.tag or "").lower() for t in _OTHER_FAMILY_TAGS)
    debian = docs and not other and not any(d in name for d in _NOT_DEBIAN)
    if _UBUNTU_USER.search(tagged):
        trees += ("/home/ubuntu",)
        files += tuple(f"/home/ubuntu/{n}" for n in DEBIAN_SKEL)
    if "alpine" in tagged and not any(d in tagged for d in _DOCLESS[1:]):
        files += _ALPINE_FILES
        # (Alpine's own base holds ca-certificates-bundle since 3.14, and so does every image
        # whose tag names such an Alpine: `golang:1.26-alpine3.23`)
        if (name == "alpine" and _ALPINE_CERTS.match(image.tag or "")) or _NEW_ALPINE_TAG.search(
            image.tag or ""
        ):
            files += (_BUNDLE,)
    if (name in ("debian", "ubuntu") and _SOURCES_LIST.search(image.tag or "")) or (
        name == "ubuntu" and _SOURCES_UBUNTU.search(image.tag or "")
    ):
        files += ("/etc/apt/sources.list",)
    elif name == "debian" and _DEB822_DEBIAN.search(image.tag or ""):
        files += ("/etc/apt/sources.list.d/debian.sources",)
    elif name == "ubuntu" and _DEB822_UBUNTU.search(image.tag or ""):
        files += ("/etc/apt/sources.list.d/ubuntu.sources",)
    if name in _CANONICAL_PACKAGED:
        files += PACKAGE_FILES[("apt", _CANONICAL_PACKAGED[name])]
    if name in _MAILSERVER:
        files += ("/usr/local/bin/start-mailserver.sh", *PACKAGE_FILES[("apt", "postfix")])
        files += PACKAGE_FILES[("apt", "dovecot-core")]
    if name == "odoo" and (_ODOO_CONF.match(image.tag or "") or image.tag in (None, "latest")):
        files += ("/etc/odoo/odoo.conf",)  # (8.0 and 9.0 kept openerp-server.conf)
    if name == "jlesage/baseimage-gui" and _JLESAGE_V4.search(image.tag or ""):
        # (its noVNC page, which an app's icon step rewrites and a final stage copies again
        # from a build stage that ran it)
        files += ("/opt/noVNC/index.html",)
    if name == "jlesage/baseimage-gui":
        # (the icons it generated for noVNC, which install_app_icon.sh deletes: v4's, or the
        # older tags'; and before v4, openbox's configuration its rootfs gave)
        weighty += JLESAGE_ICONS[:1] if _JLESAGE_V4.search(image.tag or "") else JLESAGE_ICONS[1:]
        files += () if _JLESAGE_V4.search(image.tag or "") else ("/etc/xdg/openbox/rc.xml",)
    if name == "eclipse-temurin" and not _JAVA_8.match(image.tag or ""):
        # (the JDK's trust store and security policy, which Dockerfiles replace: since Java 9
        # in lib/security and conf/security of the JDK or JRE itself)
        files += tuple(f"/opt/java/openjdk/{f}" for f in _JAVA_SECURITY)
    # (a repository not named here is of Debian's family where its tag names the release it is
    # built on: `openjdk:14-jdk-buster`, `mcr.microsoft.com/dotnet/sdk:8.0-jammy`)
    # (phusion/baseimage's old tags are its own versions: the Ubuntu release by them)
    tag = _phusion_release(image.tag or "") if name == "phusion/baseimage" else image.tag or ""
    if name == "node":
        tag = _node_version(tag)
    of_debian = debian and (
        any(_is(name, key) for key in _DEBIAN_IMAGES)
        or bool(_DEBIAN_RELEASE.search(tag))
        or (name == "openjdk" and bool(_DEBIAN_OPENJDK.search(tag)))
        or (name in _DOTNET and bool(_DOTNET_BEFORE_8.match(tag)))
    )
    # (`openjdk:11-jdk-slim-bullseye`: Debian 11's; `php:5.6-fpm`, whose last builds are on
    # Debian 9)
    before = _BEFORE_DEB822.get(name)
    release = _SOURCES_RELEASE.search(tag) or (before is not None and before.match(tag))
    if (of_debian or name in ("debian", "ubuntu")) and (
        _RC_LOCAL_RELEASE.search(tag)
        or (name in ("debian", "ubuntu") and _RC_LOCAL_NUMBER.match(tag))
    ):
        files += ("/etc/rc.local",)  # (initscripts' conffile, with content, before systemd)
    if of_debian and name not in ("debian", "ubuntu") and release:
        files += ("/etc/apt/sources.list",)
    elif of_debian and name not in ("debian", "ubuntu") and _DEB822_RELEASE.search(tag):
        # (built on Debian 12 or later, or Ubuntu 24.04 or later, by the release its tag names:
        # `python:3.12-slim-bookworm`, `eclipse-temurin:21-jdk-noble`)
        noble = _DEB822_UBUNTU_NAME.search(tag)
        files += (f"/etc/apt/sources.list.d/{'ubuntu' if noble else 'debian'}.sources",)
    if of_debian and (
        _GLIBC_RELEASE.search(tag)
        or (name == "debian" and (_DEB822_DEBIAN.search(tag) or _DEBIAN_NOW.match(tag)))
        or (name == "ubuntu" and _GLIBC_UBUNTU.search(tag))
    ):
        files += GLIBC_FILES
    if of_debian:
        files += LIBGCC_FILES
        merged = bool(_GLIBC_RELEASE.search(tag)) or (
            name == "ubuntu" and bool(_GLIBC_UBUNTU.search(tag))
        )
        files += debian_libraries(merged, bool(_BEFORE_TRIXIE.search(tag)))
        if of_ubuntu(image):
            files += ("/etc/environment",)  # (Ubuntu's PATH line; Debian's is empty)
        # (and the dotfiles of the users the image's own Dockerfile added: node, vscode)
        skel = dict.fromkeys(f"{home}/{n}" for _, home in homes for n in DEBIAN_SKEL)
        files += _DEBIAN_FILES + tuple(skel)
    elif rhel:
        files += _RHEL_FILES if not minimal else USER_DATABASE
        if _UBI.match(name) and "micro" not in name:
            # (Red Hat's UBI: its repositories' file, and dnf's configuration since 8, which
            # microdnf reads on the minimal ones: `tsflags=nodocs`)
            files += ("/etc/yum.repos.d/ubi.repo",)
            files += ("/etc/dnf/dnf.conf",) if "ubi7" not in name else ()
        if name == "centos" and _OLD_CENTOS.match(image.tag or ""):
            files += _OLD_CENTOS_FILES
            if _CENTOS_7.match(image.tag or ""):
                files += _CENTOS_7_FILES
        elif name == "centos/systemd":  # (CentOS's own image of systemd, FROM centos:7)
            files += _OLD_CENTOS_FILES + _CENTOS_7_FILES
    elif _of_red_hat(tagged):
        files += _RHEL_FILES if not minimal else USER_DATABASE  # (`nvidia/cuda:12.4-centos7`)
    else:
        if _is(name, "gcr.io/distroless/*"):
            files += _DISTROLESS_FILES
            if "static" not in name:
                if _GLIBC_RELEASE.search(f"{name}:{image.tag or ''}"):
                    files += GLIBC_FILES  # (base's and those built on it: cc, java, python3)
                if not _is(name, "gcr.io/distroless/base*"):
                    files += LIBGCC_FILES  # (cc's, and those built on it; base holds libc alone)
        # (any other image of Linux holds its users too, whatever else it holds: distroless's
        # root and nonroot, an s2i builder's)
        files += tuple(f for f in USER_DATABASE if f not in files)
    if name in _AMAZON_LINUX:
        # (Amazon Linux's images leave out rootfiles: root's shell shows `bash-5.2#`)
        files = tuple(f for f in files if f not in _ROOTFILES)
    old_debian = _MOTD_LINK.match(tag) or (name == "debian" and _DEBIAN_BEFORE_8.match(tag))
    if of_debian and name in _ON_DEBIAN and not of_ubuntu(image) and not old_debian:
        files += ("/etc/motd",)
    packages = (
        _DEBIAN_PACKAGES | {"tzdata"} if name == "debian"
        else _UBUNTU_PACKAGES if name == "ubuntu"
        else _TEMURIN_PACKAGES if name == "eclipse-temurin" and debian
        else _cuda_packages(image.tag or "") if name in ("nvidia/cuda", "nvidia/cudagl") and debian
        else _PHP_PACKAGES if name == "php" and debian
        else _DEBIAN_PACKAGES
        | (_PERL_SLIM_KEPT_BEFORE if _OLD_PERL_SLIM.search(tagged) else _PERL_SLIM_KEPT)
        if name == "perl" and debian and "slim" in tagged
        else _nginx_packages(_NGINX_PACKAGES, image.tag or "") if name == "nginx" and debian
        else _nginx_packages(_NGINX_ALPINE_PACKAGES, image.tag or "")
        if name == "nginx" and "alpine" in tagged and "alpine-slim" not in tagged
        else _JUPYTER_PACKAGES if _is(name, "*jupyter/*-notebook")
        else _DEBIAN_PACKAGES | _DOTNET_RUNTIME | (_DOTNET_SDK if name.endswith("/sdk") else set())
        if name in _DOTNET and debian
        else _buildpack_packages(name, image.tag or "")
        if name in _BUILDPACK_IMAGES and debian and not minimal
        # (openjdk's Debian JDKs on buildpack-deps' scm variant, its JREs on the curl one)
        else (_BUILDPACK_CURL if "jre" in (image.tag or "") else _BUILDPACK_SCM)
        if (
            (name == "openjdk" and bool(_DEBIAN_OPENJDK.search(image.tag or "latest")))
            or name == "java"
        )
        and debian and not minimal
        else _RHEL_PACKAGES | _EL7_PACKAGES | _OPENSHIFT_BASE_PACKAGES
        if name in _OPENSHIFT_BASES
        else _RHEL_PACKAGES | _EL7_PACKAGES
        if name in ("centos", "oraclelinux") and _OLD_CENTOS.match(image.tag or "")
        and not minimal
        else _RHEL_PACKAGES
        if _DISTRIBUTION_MANAGER.get(name) == "yum" and not minimal and not other
        else None
    )  # fmt: skip
    # (`if which apt-get; then ...; else apk add ...; fi` on ubuntu: only apt runs there)
    manager = (
        _DISTRIBUTION_MANAGER.get(name, "")
        if image.tag is None  # (a digest: which variant, not shown, but of a distribution's own)
        else "apk" if "alpine" in tagged
        else "apt" if of_debian
        else "yum" if rhel or _of_red_hat(tagged)
        else ""
    )  # fmt: skip
    certified = packages and "ca-certificates" in packages
    # (the official language images whose own Dockerfile installs it, slim and Alpine tags too)
    certified = certified or (name in _CERTIFIED and (debian or "alpine" in tagged))
    if certified and manager in ("apt", "apk") and _BUNDLE not in files:
        # (the bundle its trigger wrote: `COPY --from=build /etc/ssl/certs` from golang's
        # Debian tags carries it; Red Hat's family keeps its own in /etc/pki, which
        # /etc/ssl/certs links to)
        files += (_BUNDLE,)
    # (Debian 12 and Ubuntu 23.04 on mark their Python externally managed, PEP 668: their pip
    # installs nothing into it, nor fetches)
    # (a tag of today's Debian or Ubuntu, whatever release a file's day meant: `stable`,
    # `latest`, none; not a digest alone, `ubuntu@sha256:...`, one image of a release not shown)
    release_now = (
        (name == "debian" and bool(_DEBIAN_NOW.match(tag)))
        or (name == "ubuntu" and bool(_UBUNTU_NOW.match(tag)))
        or (name in ("debian", "ubuntu") and image.tag == "latest")
        or (name in _KALI and image.tag is not None)  # (Kali's rolling release, on testing)
        or (name == "alpine" and image.tag in (None, "latest", "3", "edge"))
    )
    managed_python = (
        (
            manager == "apt"
            and PYTHON_TREE not in trees
            and bool(
                release_now
                or _MANAGED_PYTHON.search(tag)
                or (name == "debian" and _NEW_DEBIAN.match(tag))
                or (name == "ubuntu" and _NEW_UBUNTU.match(tag))
            )
        )
        or (name in _KALI and release_now)  # (since Kali 2023.1, on Debian's testing)
        # (Odoo's since 18.0, on Ubuntu 24.04)
        or (name == "odoo" and bool(_NOBLE_ODOO.match(image.tag or "latest")))
        or (
            # (and Arch's, since python 3.11.3-2 of April 2023: every tag but the dated ones before)
            name in _ARCH_IMAGES and not _ARCH_BEFORE_PEP_668.search(tag)
        )
        or (
            # (and Alpine's python3 package since 3.19, by the release a tag names)
            manager == "apk"
            and PYTHON_TREE not in trees
            and bool(
                (name == "alpine" and (_MANAGED_ALPINE.match(tag) or image.tag == "latest"))
                or _MANAGED_ALPINE_TAG.search(tag)
            )
        )
    )
    old_pip = (
        manager == "apt"
        and PYTHON_TREE not in trees  # (the python image's own pip, not Debian's, runs there)
        and bool(
            _OLD_PIP.search(tag)
            or _OLD_PIP_INTERIM.search(tag)
            or (name.split("/")[-1].startswith("ubuntu") and _OLD_PIP_UBUNTU.match(tag))
            or (name == "debian" and _OLD_DEBIAN.match(tag))
            # (the deprecated java image's Debian tags, every one of them Debian 8's)
            or name == "java"
            # (CUDA 6.5 and 7.x images without a distribution in the tag are Ubuntu 14.04's)
            or (name in ("nvidia/cuda", "nvidia/cudagl") and _TRUSTY_CUDA.match(tag))
            # (nginx's Debian images before 1.12 are Debian 8's, or 7's)
            or (name == "nginx" and _JESSIE_NGINX.match(tag))
            # (Odoo's 8.0 to 10.0, on Debian 8 to the last)
            or (name == "odoo" and _JESSIE_ODOO.match(tag))
        )
    )
    user = next((u for key, u in _USER.items() if _is(name, key)), "")
    if name == "cm2network/steamcmd" and "root" in tag:
        user = ""
    ruby = name == "ruby" and image.tag is not None and not _OLD_RUBY.match(tag)
    quiet = manager == "apt" and bool(
        _BEFORE_BIONIC.search(tag)
        or (name.split("/")[-1].startswith("ubuntu") and _OLD_UBUNTU_NUMBER.match(tag))
        or (name == "debian" and _BEFORE_BOOKWORM.match(tag))
        # (NVIDIA's CUDA images before 10.1 are of Ubuntu 16.04 where the tag names none)
        or (name in ("nvidia/cuda", "nvidia/cudagl") and _OLD_CUDA.match(tag) and not other)
        # (PyTorch's images of 1.4 and older, and its old nightly-devel tags, are of CUDA's
        # Ubuntu 16.04 images; 1.5's moved to 18.04)
        or (name == "pytorch/pytorch" and _OLD_PYTORCH.match(tag))
        # (Jenkins' agent images of remoting 3.x and 4.x are Debian 9 to 11's, and so is every
        # tag of their old names)
        or (name in ("jenkins/agent", "jenkins/inbound-agent") and _OLD_AGENT.match(tag))
        or name in _OLD_AGENT_NAMES
        # (resin's images, renamed balenalib's in 2018, are of Debian 9 and older)
        or name.startswith("resin/")
        # (Jenkins' controller images before 2.400, Debian 9 to 11's, and every tag of its
        # old names)
        or (name == "jenkins/jenkins" and bool(_OLD_JENKINS.match(tag)))
        or name in ("jenkinsci/jenkins", "jenkins")
        # (the openjdk images of Debian, deprecated in 2022, are of Debian 11 and older until
        # Java 21's, which came to bookworm)
        or (name == "openjdk" and bool(_OPENJDK_BEFORE_21.match(tag)) and "bookworm" not in tag)
    )
    # (and .NET's images before 8.0, Debian 11's and older where the tag names no other
    # release, though their family is not known here; so too Docker Hub's old microsoft/dotnet,
    # whose tags name the image after the version, `2.2-sdk`)
    quiet = quiet or bool(name in _DOTNET and _DOTNET_BEFORE_8.match(tag))
    quiet = quiet or bool(name == "microsoft/dotnet" and _OLD_DOTNET_HUB.match(tag))
    if manager == "apt":
        # (Debian's passwd gives uid 33, www-data, and 65534, nobody, their homes: `USER 33`
        # runs with HOME=/var/www)
        homes += tuple(
            u for u in (("33", "/var/www"), ("65534", "/nonexistent")) if u[0] not in dict(homes)
        )
    elif manager == "apk":
        # (and Alpine's gives nobody /, root's: `USER nobody` runs with HOME=/)
        homes += tuple(u for u in (("nobody", "/"), ("65534", "/")) if u[0] not in dict(homes))
    return Known(
        DISTRIBUTION_TREES + trees, files, docs, minimal, env, workdir, debian, fixed, homes,
        weighty, packages, manager, old_pip, user, _DEFAULT_GEMS if ruby else frozenset(),
        quiet, name == "golang" and bool(OLD_GO.match(tag)), empty,
        name == "golang" and bool(GOPATH_GO.match(tag)),
        name == "golang" and bool(AUTO_GO.match(tag)),
        new_go=name == "golang" and not BUILDING_GET_GO.match(tag),
        slim="slim" in tag or slim_based or minimized,
        managed_python=managed_python,
        release_now=release_now,
        system_pip=name == "odoo",
        distribution=name in _DISTRIBUTION_MANAGER,
        new_alpine=(name == "alpine" and bool(_ALPINE_CERTS.match(image.tag or "")))
        or bool(_NEW_ALPINE_TAG.search(image.tag or ""))
        or (name in _NGINX_IMAGES and bool(_NGINX_NEW_ALPINE.match(image.tag or "")))
        or (
            name in _NEW_ALPINE_LANGUAGE
            and bool(_NEW_ALPINE_LANGUAGE[name].match(_node_version(image.tag or "")))
        ),
        old_distribution_go=(manager == "apt" and bool(_BEFORE_GO_1_10.search(tag)))
        or (name == "debian" and bool(_OLD_DEBIAN_NUMBER.match(tag)))
        or (name == "fedora" and bool(_OLD_FEDORA.match(tag)))
        or (name == "alpine" and bool(_OLD_ALPINE_GO.match(tag))),
        sudo_keeps_home=(
            manager == "apt" and of_ubuntu(image) and bool(_SUDO_KEEPS_HOME.search(tag))
        ),
        emptied=tuple(t for key, found in _EMPTIED.items() if _is(name, key) for t in found),
        cleaner=next((c for key, c in _CLEANERS.items() if _is(name, key)), ""),
        clones=next((c for key, c in _CLONES.items() if _is(name, key)), ()),
        yum_is_dnf=manager == "yum" and _yum_is_dnf(name, image.tag or "", tagged),
        dnf5=name in _FEDORA and bool(_DNF5_FEDORA.match(image.tag or "")),
        python_site=frozenset({"pip"})
        if name == "python" and _PYTHON_3_12_ON.match(tag) and not _EARLY_3_12.match(tag)
        else frozenset({"pip", "setuptools", "wheel"}),
        node_globals=_node_globals(_node_version(image.tag or "latest"))
        if name == "node"
        else _NODE_GLOBAL_PACKAGES,
    )  # fmt: skip


def _node_globals(tag: str) -> frozenset[str]:
    """npm, and corepack where the node image of `tag` bundles it: Node.js 14.19 on and 16.9
    to 24 (25 left it out), and the LTS tags; not `latest` or `current`, 25 and later."""
    if tag.startswith("lts"):
        return _NODE_GLOBAL_PACKAGES
    found = re.match(r"(\d+)(?:\.(\d+))?", tag)
    if found is None:
        return frozenset({"npm"})
    version = (int(found.group(1)), int(found.group(2) or 99))
    bundled = (14, 19) <= version < (15, 0) or (16, 9) <= version < (25, 0)
    return _NODE_GLOBAL_PACKAGES if bundled else frozenset({"npm"})


# The python image's tags of Python 3.12 and later, which install no setuptools or wheel (since
# August 2024: not the tags of 3.12's releases and candidates before 3.12.5, which were not
# built again)
_PYTHON_3_12_ON = re.compile(r"3\.(?:1[2-9]|[2-9]\d)(?!\d)")
_EARLY_3_12 = re.compile(r"3\.12(?:\.[0-4](?!\d)|\.0?(?:a|b|rc)|-?rc)")


# Images that ship git clones: the OCaml images' opam-repository (which `opam update` reads from
# the clone, brought up to date by a pull), ESP-IDF's own checkout. (Not emsdk's: since 2.0.2 its
# image copies the SDK in without .git.)
_CLONES: Mapping[str, tuple[str, ...]] = {
    **dict.fromkeys(("ocaml/opam", "ocaml/opam2"), ("/home/opam/opam-repository",)),
    "espressif/idf": ("/opt/esp/idf",),
}


# Images whose own Dockerfile ends by emptying trees of their base: Home Assistant add-ons'
# Debian and Ubuntu bases (`rm -fr /tmp/* /var/{cache,log}/* /var/lib/apt/lists/*`), so that
# an add-on's own `rm -fr /var/cache/*` hides nothing of theirs.
_EMPTIED = {
    key: ("/var/cache",)
    for key in (
        *("ghcr.io/hassio-addons/debian-base*", "ghcr.io/hassio-addons/ubuntu-base*"),
        *("hassioaddons/debian-base*", "hassioaddons/ubuntu-base*"),
    )
}


def _ubuntu_minimized(name: str, tag: str) -> bool:
    """`name`'s images of `tag` are Ubuntu's minimized ones, or built FROM one."""
    if "alpine" in tag:
        return False  # (`mcr.microsoft.com/dotnet/sdk:10.0-alpine`)
    if name == "ubuntu":
        return bool(_MINIMIZED_UBUNTU.match(tag))
    return any(_is(name, key) and tags.match(tag) for key, tags in _UBUNTU_BASED.items())


# The first version of each node line built with its entry script (May 2019: 8.16.0, 10.15.3,
# 11.15.0, 12.3.1); the lines that ended before had none.
_NODE_ENTRYPOINT = {8: (16, 0), 10: (15, 3), 11: (15, 0), 12: (3, 1)}
_NODE_TAG = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?=[-_]|$)")


def _before_node_entrypoint(tag: str) -> bool:
    """A node tag whose image predates docker-entrypoint.sh: `8.11.4`, `6`, `9-alpine`; not
    `8`, `10.15` (whose last build, 10.15.3, has it) or any later line."""
    found = _NODE_TAG.match(tag)
    if not found:
        return False
    major = int(found.group(1))
    if major >= 13 or major not in _NODE_ENTRYPOINT:
        return major < 13
    minor, patch = (int(g) if g else 999 for g in found.group(2, 3))
    return (minor, patch) < _NODE_ENTRYPOINT[major]


# The node tags of Node.js 8 to 25, whose images install yarn 1 in /opt/yarn-v$YARN_VERSION
# (the earliest put a single yarn.js in /usr/local/bin; 26 and later install none)
_NODE_WITH_YARN = re.compile(r"(?:[89]|1\d|2[0-5])(?:[.-]|$)")


def _node_version(tag: str) -> str:
    """A node tag with the codename of an LTS line it starts with as the line's number
    (`fermium-slim`: `14-slim`)."""
    found = _NODE_CODENAME.match(tag)
    return _NODE_CODENAMES[found.group()] + tag[found.end() :] if found else tag


def _mediawiki_files(files: tuple[str, ...], tag: str) -> tuple[str, ...]:
    """MediaWiki's files by the release its tag names (the newest for `latest`, `stable`):
    maintenance/tables-generated.sql from 1.35 to 1.43 (1.44 moved the schema to sql/), the
    Interwiki extension to 1.43 (1.44 took it into core)."""
    found = re.match(r"1\.(\d+)(?:[.-]|$)", tag)
    minor = int(found.group(1)) if found else 1000
    gone = set()
    if not 35 <= minor <= 43:
        gone.add("/var/www/html/maintenance/tables-generated.sql")
    if minor >= 44:
        gone.add("/var/www/html/extensions/Interwiki/extension.json")
    return tuple(f for f in files if f not in gone)


def _phusion_release(tag: str) -> str:
    """The Ubuntu release phusion/baseimage's tag is built on: its versions 0.9.0 to 0.9.8 on
    12.04, to 0.9.18 on 14.04, to 0.10.x on 16.04, 0.11 on 18.04; the later tags name it
    (`jammy-1.0.1`, `18.04-1.0.0`)."""
    old = _PHUSION_VERSION.match(tag)
    if old is None:
        return tag
    minor, patch = int(old.group(1)), int(old.group(2) or 0)
    if minor == 9:
        return "precise" if patch <= 8 else "trusty" if patch <= 18 else "xenial"
    return "xenial" if minor == 10 else "bionic"


_PHUSION_VERSION = re.compile(r"0\.(9|1[01])(?:\.(\d+))?(?:$|[.-])")


def _buildpack_packages(name: str, tag: str) -> frozenset[str]:
    """What a buildpack-deps variant holds (`buster-curl`, `bookworm-scm`, the full one), or a
    language image built on the full one."""
    if name == "buildpack-deps" and tag.endswith("curl"):
        return _BUILDPACK_CURL
    if name == "buildpack-deps" and tag.endswith("scm"):
        return _BUILDPACK_SCM
    return _BUILDPACK_PACKAGES


def _nginx_packages(packages: frozenset[str], tag: str) -> frozenset[str]:
    """The packages an nginx image of `tag` holds of `packages` (its family's)."""
    return packages - _NGINX_CURL if _NGINX_BEFORE_CURL.match(tag) else packages


def _cuda_packages(tag: str) -> frozenset[str]:
    """The packages an Ubuntu image of NVIDIA's CUDA holds: Ubuntu's, what its Dockerfiles
    install (the keyring's gnupg2 and curl, then the CUDA libraries, `cuda-*` by pattern, and
    for `-devel` a toolchain), with what those pull in."""
    # (not curl, which the same RUN purges once the keyring is in)
    own = {"gnupg2", "gnupg", "gpg", "gpg-agent", "gpgconf", "dirmngr", "gnupg-utils", "gpgsm",
           "pinentry-curses", "ca-certificates", "openssl", "cuda-*"}  # fmt: skip
    if "devel" in tag:
        own |= {"build-essential", "gcc", "g++", "cpp", "make", "binutils", "dpkg-dev", "patch"}
    elif re.search(r"(?:^|-)base(?:-|$)", tag):
        # (the base flavour's CUDA is the runtime library alone, and from 10.0 the forward
        # compatibility package: not the compiler or the development headers, `cuda-core-9-0`,
        # `cuda-cudart-dev-9-0`)
        own = (own - {"cuda-*"}) | {"cuda-cudart-[0-9]*", "cuda-compat-*", "cuda-toolkit-*config*"}
    return _UBUNTU_PACKAGES | own


# Directories of official images a COPY without a trailing slash lands inside (`COPY keyfile
# /data` on mongo: /data/keyfile), besides the trees they fill with files.
_DIRECTORIES: Mapping[str, tuple[str, ...]] = {
    "mongo": ("/data/db", "/data/configdb", "/docker-entrypoint-initdb.d"),
    "postgres": ("/var/lib/postgresql/data", "/docker-entrypoint-initdb.d"),
    **{
        name: ("/var/lib/mysql", "/docker-entrypoint-initdb.d", "/etc/mysql/conf.d")
        for name in ("mysql", "mariadb")
    },
    "redis": ("/data",),
    "nginx": ("/etc/nginx/conf.d", "/usr/share/nginx/html", "/docker-entrypoint.d"),
    "httpd": ("/usr/local/apache2/htdocs", "/usr/local/apache2/conf"),
    **{
        name: ("/vault/config", "/vault/logs", "/vault/file")
        for name in ("vault", "hashicorp/vault")
    },
    "eclipse-mosquitto": ("/mosquitto/config", "/mosquitto/data", "/mosquitto/log"),
}


def sets_no_home(image: ImageRef) -> bool:
    """`image`'s own ENV leaves HOME unset (a distribution's image, an official language
    image): `$HOME` in an ENV or WORKDIR expands to nothing at build time."""
    return _name(image) in _NO_HOME


# (not the images that give their user a home by ENV: Jupyter's, s2i's)
_NO_HOME = frozenset(
    {*_DISTRIBUTION_MANAGER, "amazonlinux", "archlinux", "buildpack-deps", "gcc", "perl"}
    | {"python", "node", "golang", "ruby", "php", "rust", "openjdk", "eclipse-temurin"}
    | {"amazoncorretto", "maven", "gradle"}
)


def for_development(image: ImageRef | None) -> bool:
    """`image` is a Dev Containers image: a developer builds in what is made from it, with the
    dependencies its build tools keep (a `lein deps` run to warm ~/.m2 is for those builds)."""
    return image is not None and _is(_name(image), _DEVCONTAINERS + "*")


def directories(image: ImageRef | None) -> tuple[str, ...]:
    """The directories every image of `image`'s repository holds, as far as known here: the
    trees it fills, and its data and configuration directories."""
    if image is None:
        return ()
    name = _name(image)
    return (
        *known(image).trees,
        *(d for key, found in _DIRECTORIES.items() if _is(name, key) for d in found),
    )


def _name(image: ImageRef) -> str:
    repository = image.repository
    # (an Artifactory remote repository of Docker Hub, addressed by its subdomain,
    # SERVER-REPOSITORY.jfrog.io, names images as Docker Hub does: `psono-docker.jfrog.io/nginx`)
    if image.registry != "docker.io" and not _DOCKER_HUB_PROXY.fullmatch(image.registry):
        # (the official images through a mirror keep their `library/` path:
        # `public.ecr.aws/docker/library/python`, `mirror.gcr.io/library/ubuntu`)
        repository = repository.removeprefix("docker/")
        if image.registry == "public.ecr.aws" and repository.startswith(("ubuntu/", "lts/")):
            # (Canonical's images on Amazon's mirror: `public.ecr.aws/ubuntu/nginx`, its LTS
            # ones `public.ecr.aws/lts/ubuntu`; the distribution itself is `ubuntu`)
            name = "ubuntu/" + repository.partition("/")[2]
            return "ubuntu" if name == "ubuntu/ubuntu" else name
        if not repository.startswith("library/"):
            named = f"{image.registry}/{image.repository}"
            return _DISTRIBUTION_MIRRORS.get(named, named)
    name = repository.removeprefix("library/")
    # (the official images built for one architecture: `i386/ubuntu`, `arm64v8/python`)
    owner, _, rest = name.partition("/")
    name = rest if owner in _ARCHITECTURES and rest else name
    return _BUILT_ALIKE.get(name, name)


_DOCKER_HUB_PROXY = re.compile(r"[a-z0-9]+-[a-z0-9-]+\.jfrog\.io")
# Distributions' (and vendors') own registries of the images Docker Hub has too, by the same
# tags
_DISTRIBUTION_MIRRORS = {
    # (NGINX's unprivileged image on GitHub's, Amazon's and Quay's registries, and its official
    # image on Amazon's)
    **dict.fromkeys(
        (
            "ghcr.io/nginxinc/nginx-unprivileged",
            "public.ecr.aws/nginx/nginx-unprivileged",
            "quay.io/nginx/nginx-unprivileged",
        ),
        "nginxinc/nginx-unprivileged",
    ),
    "public.ecr.aws/nginx/nginx": "nginx",
    "quay.io/fedora/fedora": "fedora",
    "registry.fedoraproject.org/fedora": "fedora",
    "quay.io/rockylinux/rockylinux": "rockylinux",
    "quay.io/almalinuxorg/almalinux": "almalinux",
    "ghcr.io/rust-lang/rust": "rust",  # (rust-lang's nightly image, as rustlang/rust)
    # (rocker-versioned2's images on GitHub's registry: `ghcr.io/rocker-org/shiny:4.4.1`)
    **{"ghcr.io/rocker-org/" + n.partition("/")[2]: n for n in sorted(_ROCKER_VERSIONED)},
}
# Repositories of Docker Hub built from an official image's own Dockerfiles, by its tags
# (rust-lang's nightly toolchain: `rustlang/rust:nightly-slim` is rust's slim image)
_BUILT_ALIKE = {"rustlang/rust": "rust"}
_ARCHITECTURES = frozenset(
    {"amd64", "arm32v5", "arm32v6", "arm32v7", "arm64v8", "i386", "mips64le", "ppc64le"}
    | {"riscv64", "s390x", "windows-amd64"}
)


def _is(name: str, key: str) -> bool:
    # fnmatch compiles a regex per pattern (about 50 us each, at every start): a key's literal
    # parts must all be in the name before it is asked.
    if "*" not in key:
        return name == key
    return all(part in name for part in key.split("*")) and fnmatch.fnmatchcase(name, key)


def in_tree(path: str, trees: tuple[str, ...]) -> bool:
    """`path` is one of `trees` or lies below one (`*` ends a prefix)."""
    return any(
        path.startswith(tree[:-1])
        if tree.endswith("*")
        else path == tree or path.startswith(tree + "/")
        for tree in trees
    )
