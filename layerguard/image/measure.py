"""What images cost, from their manifests and (with --deep) their layers' file indexes.

Pure functions over registry records: fetching lives in `layerguard.registry`, tar reading in
`layerguard.image.layers`; this module only adds up bytes the way the registry reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from layerguard.image.layers import Analysis, LayerIndex, analyze
from layerguard.registry import Descriptor, Image

BASE_NAME = "org.opencontainers.image.base.name"
BASE_DIGEST = "org.opencontainers.image.base.digest"


@dataclass(frozen=True)
class HistoryStep:
    """One `docker history` row: an instruction, and the layer it made (None if it made none)."""

    created_by: str
    created: str | None
    layer: int | None
    descriptor: Descriptor | None


def history(image: Image) -> tuple[HistoryStep, ...]:
    """The config's history matched to the manifest's layers, as `docker history` pairs them.

    Images without history (or with a history that does not fit the layers) get one step a layer.
    """
    entries = image.config.get("history") or []
    made = [e for e in entries if isinstance(e, Mapping) and not e.get("empty_layer")]
    if not entries or len(made) != len(image.layers):
        return tuple(HistoryStep("", None, i, d) for i, d in enumerate(image.layers))
    steps = []
    index = 0
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        text = str(entry.get("created_by") or entry.get("comment") or "")
        created = entry.get("created")
        if entry.get("empty_layer"):
            steps.append(HistoryStep(text, created, None, None))
        else:
            steps.append(HistoryStep(text, created, index, image.layers[index]))
            index += 1
    return tuple(steps)


def layer_history(image: Image) -> list[str]:
    """The command that made each layer, bottom first ('' where the history does not say)."""
    texts = [""] * len(image.layers)
    for step in history(image):
        if step.layer is not None:
            texts[step.layer] = short_instruction(step.created_by)
    return texts


def instruction_of(image: Image, layer: int) -> str:
    """The history instruction that made `layer`, shortened the way docker history shows it."""
    for step in history(image):
        if step.layer == layer:
            return short_instruction(step.created_by)
    return ""


def short_instruction(text: str) -> str:
    text = text.strip()
    for prefix in ("/bin/sh -c #(nop) ", "/bin/sh -c ", "|"):
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
            if prefix == "|":  # buildkit writes `|N ARG=.. /bin/sh -c cmd` for RUN with build args
                text = text.split("/bin/sh -c ", 1)[-1]
    return text


def base_image(image: Image) -> tuple[str | None, str | None]:
    """The base name and digest an image records (manifest annotations, then config labels)."""
    labels = (image.config.get("config") or {}).get("Labels") or {}
    name = image.annotations.get(BASE_NAME) or labels.get(BASE_NAME)
    digest = image.annotations.get(BASE_DIGEST) or labels.get(BASE_DIGEST)
    return name, digest


def unique_layers(image: Image) -> list[Descriptor]:
    seen: set[str] = set()
    out = []
    for layer in image.layers:
        if layer.digest not in seen:
            seen.add(layer.digest)
            out.append(layer)
    return out


@dataclass(frozen=True)
class Row:
    """One image of a compare table; the deep figures are None without --deep."""

    image: Image
    layer_count: int
    compressed_size: int
    download_uncached: int
    download_cached: int
    registry_new_bytes: int
    analysis: Analysis | None = None
    uncompressed_size: int | None = None

    def as_json(self, top: int = 10) -> dict[str, Any]:
        out: dict[str, Any] = {
            "reference": str(self.image.reference),
            "digest": self.image.digest,
            "platform": self.image.platform,
            "layer_count": self.layer_count,
            "compressed_size": self.compressed_size,
            "download_uncached": self.download_uncached,
            "download_cached": self.download_cached,
            "registry_new_bytes": self.registry_new_bytes,
        }
        if self.analysis is not None:
            from layerguard.image.reclaim import reclaimable

            found = reclaimable(self.analysis, layer_history(self.image))
            out["uncompressed_size"] = self.uncompressed_size
            out["wasted_bytes"] = self.analysis.wasted_bytes
            out["reclaimable_bytes"] = found.total
            out["wasted"] = [
                {
                    "path": w.path,
                    "bytes": w.bytes,
                    "layer": w.layer,
                    "reason": w.reason,
                    "instruction": instruction_of(self.image, w.layer),
                }
                for w in found.items[:top]
            ]
        return out


def compare(
    images: Sequence[Image], indexes: Callable[[Image], Sequence[LayerIndex]] | None = None
) -> list[Row]:
    """Rows for images given oldest first: what each costs with the earlier ones cached."""
    rows = []
    seen_layers: set[str] = set()
    seen_blobs: set[str] = set()
    for image in images:
        layers = unique_layers(image)
        compressed = sum(d.size for d in layers)
        cached = sum(d.size for d in layers if d.digest not in seen_layers)
        blobs = [*layers, image.config_descriptor]
        new = sum(
            d.size for d in {b.digest: b for b in blobs}.values() if d.digest not in seen_blobs
        )
        analysis = None
        uncompressed = None
        if indexes is not None:
            layer_indexes = list(indexes(image))
            analysis = analyze(layer_indexes)
            uncompressed = sum({i.digest: i.uncompressed_size for i in layer_indexes}.values())
        rows.append(
            Row(
                image,
                len(image.layers),
                compressed,
                compressed,
                cached,
                new,
                analysis,
                uncompressed,
            )
        )
        seen_layers.update(d.digest for d in layers)
        seen_blobs.update(b.digest for b in blobs)
    return rows
