"""Text tables and JSON for `layerguard inspect` and `layerguard compare`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from layerguard.findings import human
from layerguard.image.layers import LayerIndex
from layerguard.image.measure import Row, base_image, history, short_instruction
from layerguard.registry import Image


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            str(c).rjust(widths[i]) if i in right else str(c).ljust(widths[i])
            for i, c in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def compare_text(rows: Sequence[Row], deep: bool) -> str:
    header = ["IMAGE", "LAYERS", "SIZE", "PULL (UNCACHED)", "PULL (CACHED)", "REGISTRY +"]
    if deep:
        header += ["UNCOMPRESSED", "WASTED", "RECLAIMABLE"]
    body = []
    for row in rows:
        cells = [
            row.image.reference.familiar,
            str(row.layer_count),
            human(row.compressed_size),
            human(row.download_uncached),
            human(row.download_cached),
            human(row.registry_new_bytes),
        ]
        if deep:
            record = row.as_json(top=0) if row.analysis else {}
            cells += [
                human(row.uncompressed_size),
                human(record.get("wasted_bytes")),
                human(record.get("reclaimable_bytes")),
            ]
        body.append(cells)
    out = table(header, body, set(range(1, len(header))))
    if deep:
        for row in rows:
            items = row.as_json(top=5)["wasted"] if row.analysis else []
            if items:
                out += f"\nreclaimable in {row.image.reference.familiar}:\n"
                for item in items:
                    out += (
                        f"  {human(item['bytes']):>8}  {item['path']}  ({item['reason']}, "
                        f"layer {item['layer']}: {item['instruction'][:60]})\n"
                    )
    return out


def compare_json(rows: Sequence[Row]) -> str:
    return json.dumps({"images": [r.as_json() for r in rows]}, indent=2) + "\n"


def inspect_record(image: Image, row: Row, indexes: Sequence[LayerIndex] | None) -> dict[str, Any]:
    sizes = {i.digest: i.uncompressed_size for i in indexes or ()}
    record = row.as_json()
    base_name, base_digest = base_image(image)
    record["base"] = (
        {"name": base_name, "digest": base_digest} if base_name or base_digest else None
    )
    record["layers"] = [
        {
            "digest": d.digest,
            "media_type": d.media_type,
            "size": d.size,
            "uncompressed_size": sizes.get(d.digest),
        }
        for d in image.layers
    ]
    steps = []
    virtual = 0
    virtual_uncompressed = 0
    for step in history(image):
        if step.descriptor is not None:
            virtual += step.descriptor.size
            virtual_uncompressed += sizes.get(step.descriptor.digest, 0)
        steps.append(
            {
                "created_by": step.created_by,
                "created": step.created,
                "empty_layer": step.descriptor is None,
                "layer": step.layer,
                "digest": step.descriptor.digest if step.descriptor else None,
                "size": step.descriptor.size if step.descriptor else 0,
                "uncompressed_size": sizes.get(step.descriptor.digest) if step.descriptor else 0,
                "virtual_size": virtual,
                "virtual_uncompressed_size": virtual_uncompressed if indexes is not None else None,
            }
        )
    record["history"] = steps
    return record


def inspect_text(image: Image, row: Row, indexes: Sequence[LayerIndex] | None) -> str:
    record = inspect_record(image, row, indexes)
    deep = indexes is not None
    header = ["#", "LAYER", "SIZE", *(["UNCOMPRESSED"] if deep else []), "VIRTUAL", "CREATED BY"]
    body = []
    for number, step in enumerate(record["history"]):
        digest = step["digest"][7:19] if step["digest"] else "<none>"
        cells = [str(number), digest, human(step["size"])]
        if deep:
            cells.append(human(step["uncompressed_size"]))
        virtual = step["virtual_uncompressed_size"] if deep else step["virtual_size"]
        cells += [human(virtual), short_instruction(step["created_by"])[:70]]
        body.append(cells)
    out = f"{image.reference}  {image.platform}  {image.digest}\n"
    base = record["base"]
    if base:
        out += f"base: {base['name'] or '?'} {base['digest'] or ''}".rstrip() + "\n"
    out += (
        f"{row.layer_count} layers, {human(row.compressed_size)} compressed"
        + (f", {human(row.uncompressed_size)} uncompressed" if deep else "")
        + (f", {human(row.analysis.wasted_bytes)} wasted" if row.analysis else "")
        + "\n\n"
    )
    out += table(header, body, {0, 2, 3, 4} if deep else {0, 2, 3})
    return out
