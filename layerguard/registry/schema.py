"""Validation of what a registry sends, before anything reads it: JSON nesting, and the types and
counts of the manifest, index and image config fields this client uses.

A registry, or whoever pushed to it, may send anything; one line naming the field is the answer,
never a traceback further on. Fields this client never reads are left alone (extensions are
allowed). Shapes: https://github.com/opencontainers/image-spec (manifest.md, image-index.md,
config.md, descriptor.md) and Docker's schema 2 (which the same checks cover).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NoReturn

from layerguard.registry.model import RegistryError, check_digest

# Entries of a list this client walks (layers, index entries, history, diff_ids).
MAX_ITEMS = 10_000


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


class _Fields:
    def __init__(self, what: str) -> None:
        self.what = what

    def fail(self, field: str, expected: str, value: object) -> NoReturn:
        raise RegistryError(f"{self.what}: field {field}: expected {expected}, got {_kind(value)}")

    def mapping(self, value: object, field: str, *, optional: bool = True) -> Mapping[str, Any]:
        if value is None and optional:
            return {}
        if not isinstance(value, Mapping):
            self.fail(field, "an object", value)
        return value

    def items(self, value: object, field: str, *, optional: bool = True) -> list[Any]:
        if value is None and optional:
            return []
        if not isinstance(value, list):
            self.fail(field, "a list", value)
        if len(value) > MAX_ITEMS:
            raise RegistryError(f"{self.what}: field {field}: more than {MAX_ITEMS} entries")
        return value

    def string(self, value: object, field: str, *, optional: bool = True) -> None:
        if not (isinstance(value, str) or (value is None and optional)):
            self.fail(field, "a string", value)

    def strings(self, value: object, field: str) -> None:
        """An optional object of strings (annotations, labels)."""
        for key, item in self.mapping(value, field).items():
            # A key is the registry's text: quoted, so a newline in it stays on the one line.
            name = key if key.isprintable() and "." not in key else json.dumps(key)
            self.string(item, f"{field}.{name}", optional=False)

    def descriptor(self, value: object, field: str) -> None:
        item = self.mapping(value, field, optional=False)
        self.string(item.get("mediaType"), f"{field}.mediaType", optional=False)
        digest = item.get("digest")
        self.string(digest, f"{field}.digest", optional=False)
        try:
            check_digest(str(digest))
        except RegistryError:
            self.fail(f"{field}.digest", "a sha256 or sha512 digest", digest)
        size = item.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            self.fail(f"{field}.size", "a whole number of bytes", size)
        platform = self.mapping(item.get("platform"), f"{field}.platform")
        for key in ("os", "architecture", "variant", "os.version"):
            self.string(platform.get(key), f"{field}.platform.{key}")
        self.strings(item.get("annotations"), f"{field}.annotations")


def _common(fields: _Fields, document: Mapping[str, Any]) -> None:
    version = document.get("schemaVersion")
    if version == 1:
        raise RegistryError(
            f"{fields.what}: Docker schema 1 manifests are not supported (deprecated since 2017)"
        )
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        fields.fail("schemaVersion", "a number", version)
    fields.string(document.get("mediaType"), "mediaType")
    fields.strings(document.get("annotations"), "annotations")


def check_manifest(manifest: Mapping[str, Any], what: str) -> None:
    """An image manifest: its config and layer descriptors."""
    fields = _Fields(what)
    _common(fields, manifest)
    fields.descriptor(manifest.get("config"), "config")
    layers = fields.items(manifest.get("layers"), "layers", optional=False)
    for number, layer in enumerate(layers):
        fields.descriptor(layer, f"layers[{number}]")


def check_index(index: Mapping[str, Any], what: str) -> None:
    """An image index or Docker manifest list: its entries' descriptors and platforms."""
    fields = _Fields(what)
    _common(fields, index)
    entries = fields.items(index.get("manifests"), "manifests", optional=False)
    for number, entry in enumerate(entries):
        fields.descriptor(entry, f"manifests[{number}]")


def check_config(config: Mapping[str, Any], what: str) -> None:
    """An image config: the fields inspect, compare and the registry facts read."""
    fields = _Fields(what)
    for key in ("architecture", "os", "variant", "created"):
        fields.string(config.get(key), key)
    runtime = fields.mapping(config.get("config"), "config")
    fields.strings(runtime.get("Labels"), "config.Labels")
    rootfs = fields.mapping(config.get("rootfs"), "rootfs")
    fields.string(rootfs.get("type"), "rootfs.type")
    for number, diff_id in enumerate(fields.items(rootfs.get("diff_ids"), "rootfs.diff_ids")):
        fields.string(diff_id, f"rootfs.diff_ids[{number}]", optional=False)
    for number, step in enumerate(fields.items(config.get("history"), "history")):
        entry = fields.mapping(step, f"history[{number}]", optional=False)
        for key in ("created", "created_by", "comment", "author"):
            fields.string(entry.get(key), f"history[{number}].{key}")
        empty = entry.get("empty_layer")
        if empty is not None and not isinstance(empty, bool):
            fields.fail(f"history[{number}].empty_layer", "true or false", empty)
