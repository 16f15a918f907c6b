"""Image references, normalised the way Docker does (`centos` = `docker.io/library/centos:latest`).

Pure string handling: the registry client builds on it, but it does no I/O.
See https://github.com/distribution/reference (normalize.go) for the rules followed.
"""

from __future__ import annotations

import re

from layerguard.records import NamedTuple

DOCKER_HUB = "docker.io"
_HUB_ALIASES = {"docker.io", "index.docker.io", "registry-1.docker.io"}
_COMPONENT = re.compile(r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*")
_TAG = re.compile(r"[\w][\w.-]{0,127}")
# Compiled on first use: few references carry a digest.
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}"


class ImageRef(NamedTuple):
    """A normalised image reference. `tag` is "latest" when neither tag nor digest was given."""

    registry: str
    repository: str
    tag: str | None
    digest: str | None

    @property
    def name(self) -> str:
        """The repository with its registry: what "same image, other version" compares."""
        return f"{self.registry}/{self.repository}"

    def __str__(self) -> str:
        text = self.name
        if self.tag:
            text += f":{self.tag}"
        if self.digest:
            text += f"@{self.digest}"
        return text

    @property
    def familiar(self) -> str:
        """The short form Docker prints: `centos:latest`, `team/app:1`, `ghcr.io/a/b:2`."""
        name = self.repository
        if self.registry == DOCKER_HUB:
            name = name.removeprefix("library/")
        else:
            name = f"{self.registry}/{name}"
        if self.tag:
            name += f":{self.tag}"
        if self.digest:
            name += f"@{self.digest}"
        return name


def parse_reference(text: str) -> ImageRef:
    """Parse and normalise `text`; raise ValueError naming what is wrong."""
    ref = text.strip()
    if not ref:
        raise ValueError("empty image reference")
    digest = None
    if "@" in ref:
        ref, digest = ref.split("@", 1)
        if not re.fullmatch(_DIGEST, digest):
            raise ValueError(f"invalid digest in image reference {text!r}")
    tag = None
    last = ref.rsplit("/", 1)[-1]
    if ":" in last:
        ref, tag = ref.rsplit(":", 1)
        if not _TAG.fullmatch(tag):
            raise ValueError(f"invalid tag in image reference {text!r}")
    first, sep, rest = ref.partition("/")
    if sep and ("." in first or ":" in first or first == "localhost" or first != first.lower()):
        registry, path = first, rest
    else:
        registry, path = DOCKER_HUB, ref
    if registry in _HUB_ALIASES:
        registry = DOCKER_HUB
        if "/" not in path:
            path = f"library/{path}"
    if not path or not all(_COMPONENT.fullmatch(part) for part in path.split("/")):
        raise ValueError(f"invalid repository name in image reference {text!r}")
    if tag is None and digest is None:
        tag = "latest"
    return ImageRef(registry, path, tag, digest)
