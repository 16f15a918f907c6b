"""What the registry client returns, and the pure parts of reading manifests: media types, digests,
platforms, choosing an index entry. No I/O here.

Specs: https://github.com/opencontainers/image-spec (manifest.md, image-index.md, descriptor.md)
and https://distribution.github.io/distribution/spec/manifest-v2-2/ (Docker schema 2).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from layerguard.errors import LayerguardError
from layerguard.reference import ImageRef

OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json"
DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
INDEX_TYPES = (OCI_INDEX, DOCKER_LIST)
MANIFEST_TYPES = (OCI_MANIFEST, DOCKER_MANIFEST)
MANIFEST_ACCEPT = ", ".join((*INDEX_TYPES, *MANIFEST_TYPES))
DEFAULT_PLATFORM = "linux/amd64"

# The image spec recommends 4 MiB as the largest manifest a client needs to accept; configs of
# real images are far smaller. Anything above is refused rather than read into memory.
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_CONFIG_BYTES = 8 * 1024 * 1024

_DIGEST = re.compile(r"(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})")
_EMPTY: Mapping[str, str] = MappingProxyType({})


class RegistryError(LayerguardError):
    """A registry could not be reached or gave something unusable. One line, never a credential."""


@dataclass(frozen=True)
class Descriptor:
    """A content descriptor: what a manifest says about a blob or a child manifest."""

    media_type: str
    digest: str
    size: int
    platform: str | None = None
    annotations: Mapping[str, str] = field(default_factory=lambda: _EMPTY)


@dataclass(frozen=True)
class Image:
    """One platform's image: its manifest, its config and its layers, all digest-verified."""

    reference: ImageRef
    digest: str
    platform: str
    media_type: str
    manifest: Mapping[str, Any]
    config: Mapping[str, Any]
    config_descriptor: Descriptor
    layers: tuple[Descriptor, ...]
    annotations: Mapping[str, str]


def check_digest(digest: str) -> str:
    """Return `digest` if it is a sha256/sha512 digest this client can verify, else raise."""
    if not _DIGEST.fullmatch(digest):
        raise RegistryError(f"unsupported or malformed digest {digest[:80]!r}")
    return digest


def hasher(digest: str) -> hashlib._Hash:
    """A fresh hash object for the algorithm of `digest`."""
    return hashlib.new(check_digest(digest).split(":", 1)[0])


def compute_digest(data: bytes, algorithm: str = "sha256") -> str:
    return f"{algorithm}:{hashlib.new(algorithm, data).hexdigest()}"


def matches(data: bytes, digest: str) -> bool:
    h = hasher(digest)
    h.update(data)
    return f"{h.name}:{h.hexdigest()}" == digest


def parse_platform(text: str) -> tuple[str, str, str | None]:
    """`os/arch[/variant]` -> (os, arch, variant); raise RegistryError on anything else."""
    parts = text.strip().lower().split("/")
    if len(parts) not in (2, 3) or not all(parts):
        raise RegistryError(f"invalid platform {text!r}: expected os/arch[/variant]")
    return parts[0], parts[1], parts[2] if len(parts) == 3 else None


def format_platform(value: Mapping[str, Any]) -> str:
    """The `os/arch[/variant]` form of a descriptor's platform or an image config."""
    text = f"{value.get('os', '')}/{value.get('architecture', '')}"
    if value.get("variant"):
        text += f"/{value['variant']}"
    return text


# Variants a platform without one implies (containerd's platforms.Normalize does the same).
_DEFAULT_VARIANT = {"arm64": "v8", "arm": "v7"}


def platform_matches(wanted: str, have: Mapping[str, Any]) -> bool:
    os_, arch, variant = parse_platform(wanted)
    if have.get("os") != os_ or have.get("architecture") != arch:
        return False
    if variant is None:
        return True
    return (have.get("variant") or _DEFAULT_VARIANT.get(arch)) == variant


def _is_attestation(entry: Mapping[str, Any]) -> bool:
    # BuildKit stores provenance/SBOM as index entries with platform unknown/unknown.
    platform = entry.get("platform") or {}
    annotations = entry.get("annotations") or {}
    return (
        platform.get("os") == "unknown"
        or annotations.get("vnd.docker.reference.type") == "attestation-manifest"
    )


# Real manifests and configs nest 5 levels at most; json itself gives up near 1000 levels, and
# anything deeper than the interpreter's stack would raise RecursionError when walked later.
MAX_DEPTH = 64


def parse_json(data: bytes, what: str) -> dict[str, Any]:
    """A JSON object, nested at most MAX_DEPTH levels; RegistryError for anything else."""
    try:
        value = json.loads(data)
        deep = _deeper_than(value, MAX_DEPTH)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{what} is not valid JSON ({exc.__class__.__name__})") from None
    except RecursionError:
        deep = True  # deeper than json can go: refused below, without the traceback
    if deep:
        raise RegistryError(f"{what}: JSON nested deeper than {MAX_DEPTH} levels; refused")
    if not isinstance(value, dict):
        raise RegistryError(f"{what} is not a JSON object")
    return value


def _deeper_than(value: object, limit: int) -> bool:
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


def media_type_of(manifest: Mapping[str, Any], content_type: str | None = None) -> str:
    """The manifest's media type: its `mediaType` field, else the header, else its shape."""
    if manifest.get("schemaVersion") == 1:
        raise RegistryError("Docker schema 1 manifests are not supported (deprecated since 2017)")
    declared = manifest.get("mediaType")
    if isinstance(declared, str) and declared:
        return declared
    if content_type:
        base = content_type.split(";", 1)[0].strip()
        if base in (*INDEX_TYPES, *MANIFEST_TYPES):
            return base
    # mediaType is optional in OCI manifests and indexes.
    return OCI_INDEX if "manifests" in manifest else OCI_MANIFEST


def descriptor(value: Any, what: str) -> Descriptor:
    """Validate one descriptor from a manifest."""
    if not isinstance(value, Mapping):
        raise RegistryError(f"{what}: descriptor is not an object")
    media_type, digest, size = value.get("mediaType"), value.get("digest"), value.get("size")
    if not isinstance(media_type, str) or not isinstance(digest, str):
        raise RegistryError(f"{what}: descriptor lacks mediaType or digest")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise RegistryError(f"{what}: descriptor has an invalid size")
    platform = value.get("platform")
    annotations = value.get("annotations") or {}
    return Descriptor(
        media_type=media_type,
        digest=check_digest(digest),
        size=size,
        platform=format_platform(platform) if isinstance(platform, Mapping) else None,
        annotations=MappingProxyType(
            {str(k): str(v) for k, v in annotations.items()}
            if isinstance(annotations, Mapping)
            else {}
        ),
    )


def select_platform(
    index: Mapping[str, Any], platform: str
) -> tuple[Descriptor, Mapping[str, Any]]:
    """The index entry for `platform` (and its raw entry), skipping attestation entries."""
    entries = index.get("manifests")
    if not isinstance(entries, list):
        raise RegistryError("image index has no manifests list")
    parse_platform(platform)
    available = []
    for number, entry in enumerate(entries):
        if not isinstance(entry, Mapping) or _is_attestation(entry):
            continue
        have = entry.get("platform") or {}
        if not isinstance(have, Mapping):
            continue
        available.append(format_platform(have))
        if platform_matches(platform, have):
            found = descriptor(entry, f"index entry {number}")
            if found.media_type in INDEX_TYPES:
                raise RegistryError("nested image indexes are not supported")
            return found, entry
    listed = ", ".join(available) or "none"
    raise RegistryError(f"no {platform} image in the index (platforms: {listed})")


def layers_of(manifest: Mapping[str, Any]) -> tuple[Descriptor, tuple[Descriptor, ...]]:
    """The config descriptor and layer descriptors of an image manifest."""
    config = descriptor(manifest.get("config"), "manifest config")
    layers = manifest.get("layers")
    if not isinstance(layers, list):
        raise RegistryError("image manifest has no layers list")
    return config, tuple(descriptor(layer, f"layer {n}") for n, layer in enumerate(layers))


def string_map(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        return {}
    return {str(k): str(v) for k, v in value.items()}
