"""What a well-known external base image holds, known without asking the registry.

The layer model and LG002 ask this module, never a table of their own, when no layer of the
build wrote a path: a recursive chown there copies up the files of a tree every image of that
repository fills (`chown -R app /usr/local/lib/python3.12` on `python`), a COPY over a file
every image of it holds replaces that file (nginx's `default.conf`), and a removal of docs hides
the base's own (but Alpine, BusyBox and distroless images ship none). Only what holds in every
tag of a repository belongs here; `check --registry` measures the rest.
"""

from __future__ import annotations

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
# Images that ship no docs or man pages.
_DOCLESS = ("alpine", "busybox", "scratch", "distroless", "chainguard", "wolfi")
# Images cut down to a few packages.
_MINIMAL = ("slim", "minimal", "micro")

# The runtime an official or vendor image installs, by repository (the last part of its
# name for official images, `owner/name` otherwise); `*` ends a prefix.
_RUNTIME_TREES: Mapping[str, tuple[str, ...]] = {
    "python": ("/usr/local/lib/python3*", "/usr/local/bin"),
    "node": ("/usr/local/lib/node_modules", "/usr/local/bin", "/usr/local/include/node"),
    "ruby": ("/usr/local/lib/ruby", "/usr/local/bin"),
    "php": ("/usr/local/lib/php", "/usr/local/bin", "/usr/local/etc/php"),
    "golang": ("/usr/local/go",),
    "kong": ("/usr/local/share/lua", "/usr/local/lib/lua", "/usr/local/lib/luarocks"),
    "rust": ("/usr/local/cargo", "/usr/local/rustup"),
    "eclipse-temurin": ("/opt/java/openjdk",),
    "continuumio/miniconda3": ("/opt/conda",),
    "continuumio/anaconda3": ("/opt/conda",),
    "condaforge/miniforge3": ("/opt/conda",),
    # Dev Containers images: the `vscode` user's home (oh-my-zsh) and each language's install.
    "devcontainers/*": ("/home/vscode",),
    "devcontainers/ruby": ("/usr/local/rvm",),
    "devcontainers/python": ("/usr/local/python", "/usr/local/py-utils"),
    "devcontainers/javascript-node": ("/usr/local/share/nvm",),
    "devcontainers/typescript-node": ("/usr/local/share/nvm",),
}

# Files every image of these repositories holds, which Dockerfiles commonly replace.
_FILES: Mapping[str, tuple[str, ...]] = {
    "nginx": (
        "/etc/nginx/nginx.conf",
        "/etc/nginx/conf.d/default.conf",
        "/usr/share/nginx/html/index.html",
        "/usr/share/nginx/html/50x.html",
    ),
    "php": (
        "/usr/local/etc/php-fpm.conf",
        "/usr/local/etc/php-fpm.d/www.conf",
        "/usr/local/etc/php-fpm.d/docker.conf",
        "/etc/apache2/sites-available/000-default.conf",
        "/etc/apache2/apache2.conf",
    ),
    "httpd": ("/usr/local/apache2/conf/httpd.conf", "/usr/local/apache2/htdocs/index.html"),
    "devcontainers/*": ("/usr/local/etc/vscode-dev-containers/meta.env",),
}


class Known(NamedTuple):
    """What every image of a repository holds: trees filled with files, single files, whether
    it ships docs, and whether it is a minimal image (slim, Alpine, UBI minimal: few packages
    beyond what it runs)."""

    trees: tuple[str, ...]
    files: tuple[str, ...]
    docs: bool
    minimal: bool = False


def known(image: ImageRef | None) -> Known:
    """What `image` is known to hold; an unknown image holds the distribution's trees."""
    if image is None:
        return Known(DISTRIBUTION_TREES, (), True)
    keys = _keys(image)
    trees = tuple(t for k in keys for t in _RUNTIME_TREES.get(k, ()))
    files = tuple(f for k in keys for f in _FILES.get(k, ()))
    name = f"{image.repository}:{image.tag or ''}"
    docs = not any(d in name for d in _DOCLESS)
    minimal = not docs or any(m in name for m in _MINIMAL)
    return Known(DISTRIBUTION_TREES + trees, files, docs, minimal)


def _keys(image: ImageRef) -> tuple[str, ...]:
    """The table keys `image` answers to: `python` for docker.io/library/python,
    `devcontainers/ruby` and `devcontainers/*` for mcr.microsoft.com/[vscode/]devcontainers/ruby,
    `owner/name` for other Docker Hub images."""
    repository = image.repository
    if image.registry == "mcr.microsoft.com":
        repository = repository.removeprefix("vscode/")
        if repository.startswith("devcontainers/"):
            return (repository, "devcontainers/*")
        return ()
    if image.registry != "docker.io":
        return ()
    return (repository.removeprefix("library/"),)


def in_tree(path: str, trees: tuple[str, ...]) -> bool:
    """`path` is one of `trees` or lies below one (`*` ends a prefix)."""
    return any(
        path.startswith(tree[:-1])
        if tree.endswith("*")
        else path == tree or path.startswith(tree + "/")
        for tree in trees
    )
