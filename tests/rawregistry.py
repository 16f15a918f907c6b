"""The figures end-to-end tests check, computed apart from layerguard: raw registry answers
(`requests`) and the standard library's tar reader, with the OCI whiteout rules written out here.
https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts
"""

from __future__ import annotations

import io
import posixpath
import tarfile
from dataclasses import dataclass
from typing import Any

import requests


@dataclass(frozen=True)
class Release:
    """base: busybox + /srv/app (three files, one then removed: a whiteout above it);
    app: FROM base + RUN chown -R over /srv/app, as built and pushed by CI."""

    base: str
    app: str
    dockerfile: str  # what the repository holds: FROM the base in the registry


MANIFEST_TYPES = ", ".join(
    (
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    )
)


def _split(ref: str) -> tuple[str, str, str]:
    host, rest = ref.split("/", 1)
    repository, tag = rest.rsplit(":", 1)
    return host, repository, tag


def manifest(ref: str) -> dict[str, Any]:
    """The image manifest `host/repo:tag` names, as the registry answers it."""
    host, repository, tag = _split(ref)
    response = requests.get(
        f"http://{host}/v2/{repository}/manifests/{tag}",
        headers={"Accept": MANIFEST_TYPES},
        timeout=30,
    )
    response.raise_for_status()
    document: dict[str, Any] = response.json()
    return document


def layer_sizes(ref: str) -> list[int]:
    """Compressed layer sizes, bottom first: what a pull with nothing cached downloads."""
    return [int(layer["size"]) for layer in manifest(ref)["layers"]]


def visible_files(ref: str) -> dict[str, int]:
    """Regular files of the image's final filesystem and their sizes, from its layer blobs."""
    host, repository, _ = _split(ref)
    files: dict[str, int] = {}
    for layer in manifest(ref)["layers"]:
        blob = requests.get(
            f"http://{host}/v2/{repository}/blobs/{layer['digest']}", timeout=60
        ).content
        with tarfile.open(fileobj=io.BytesIO(blob), mode="r:*") as tar:
            members = [(posixpath.normpath("/" + m.name), m) for m in tar.getmembers()]
        # A layer's whiteouts hide only lower layers, wherever they sit in its tar.
        for path, _ in members:
            parent, name = posixpath.split(path)
            if name == ".wh..wh..opq":
                files = {p: s for p, s in files.items() if not p.startswith(parent + "/")}
            elif name.startswith(".wh."):
                gone = posixpath.join(parent, name[len(".wh.") :])
                files = {
                    p: s for p, s in files.items() if p != gone and not p.startswith(gone + "/")
                }
        for path, member in members:
            if posixpath.basename(path).startswith(".wh."):
                continue
            if member.isfile():
                files[path] = member.size
            else:
                files.pop(path, None)  # a directory, link or device replaces a file there
    return files


def under(files: dict[str, int], root: str) -> dict[str, int]:
    return {p: s for p, s in files.items() if p == root or p.startswith(root.rstrip("/") + "/")}
