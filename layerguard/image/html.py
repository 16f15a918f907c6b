"""`--format html` for `inspect` and `compare`: one self-contained page that draws the report.

Every figure comes from the records `--format json` prints (`Row.as_json()` extended by
`report.inspect_record`): this module lays them out and measures nothing. Each image is a column
of layers on one byte scale, bottom first; a layer shared between images has the same colour and
digest label in every column, and a band joins it across neighbouring columns. The bytes a later
layer hides are shaded inside the layer that still holds them, one pattern per reason. No network,
no script: inline SVG and CSS only (the size toggle is two radio buttons and a CSS rule).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from layerguard.findings import human
from layerguard.reference import ImageRef, parse_reference

if TYPE_CHECKING:
    from layerguard.image.layers import LayerIndex
    from layerguard.image.measure import Row
    from layerguard.registry import Image

TOP_PATHS = 12  # paths listed per layer; the rest are summed in one line
TITLE_PATHS = 4  # paths named in a shaded part's hover text

# Light fills, so dark text stays readable on them; a layer's colour is its digest's.
PALETTE = (
    "#9ecae1",
    "#fdd0a2",
    "#a1d99b",
    "#dadaeb",
    "#fcbba1",
    "#c7e9c0",
    "#fde0ef",
    "#d9f0a3",
    "#c6dbef",
    "#fee391",
    "#bcbddc",
    "#ccebc5",
)
UNIQUE_FILL = "#eceff3"
# Reasons known today and those issue 11 adds; any other reason string gets the next style.
REASONS = {
    "deleted": ("#c0392b", "removed by a later layer; the bytes still ship in this one"),
    "overwritten": ("#7d3c98", "replaced by a later layer; the old copy still ships"),
    "cache": ("#d35400", "package-manager or build cache left in the layer"),
    "archive": ("#6e4b2a", "an archive kept after it was extracted"),
}
OTHER_REASON_COLOURS = ("#117a65", "#2e4053", "#b7950b", "#943126")
# Hatch styles, so the reasons differ without colour too: (line angle, second angle or None).
HATCHES = ((45, None), (-45, None), (0, 90), (45, -45), (0, None), (90, None))

CHART_WIDTH = 1300
GAP = 64  # between columns: room for the bands joining shared layers
HEAD = 50  # column header: name, then layer count and size
FOOT = 64  # under the stack: the base, then the chained-base badge


def records(
    images: Sequence[Image],
    rows: Sequence[Row],
    indexes: Callable[[Image], Sequence[LayerIndex]] | None,
) -> list[dict[str, Any]]:
    """The records the page is drawn from: `inspect --format json`'s record for each image, with
    every wasted path (JSON keeps the top ten; the page sums what it does not list).

    `indexes` must be the indexer `compare` used: it remembers each layer, so nothing is read twice.
    """
    from layerguard.image.report import inspect_record

    out = []
    for image, row in zip(images, rows, strict=True):
        record = inspect_record(image, row, indexes(image) if indexes else None)
        if row.analysis is not None:
            # Every item: hidden versions, and the caches and archives reclaim adds to them.
            record["wasted"] = row.as_json(
                top=len(row.analysis.wasted) + len(row.analysis.visible)
            )["wasted"]
        out.append(record)
    return out


@dataclass
class _Layer:
    number: int  # 0-based, as the JSON counts
    digest: str
    size: int
    uncompressed: int | None
    instruction: str
    repeat_of: int | None = None  # the same blob earlier in this image: drawn thin, 0 bytes
    wasted: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)

    def reclaimable(self) -> int:
        return sum(int(w["bytes"]) for items in self.wasted.values() for w in items)

    def height_bytes(self, mode: str) -> int:
        if self.repeat_of is not None:
            return 0
        return self.size if mode == "c" else (self.uncompressed or 0)


@dataclass
class _Column:
    record: Mapping[str, Any]
    ref: ImageRef | None
    label: str
    layers: list[_Layer]
    chained_on: str | None = None  # LG001: the earlier version of itself it is built on
    inherited: tuple[int, int] | None = None  # (layers, bytes) carried from that version


def render(data: Sequence[Mapping[str, Any]], command: str = "compare") -> str:
    """The page for `data`: `inspect`/`compare` JSON records, oldest first."""
    if not data:
        raise ValueError("no images to draw")
    deep = all(r.get("uncompressed_size") is not None for r in data)
    columns = _columns(data)
    shared = _shared_digests(columns)
    reasons = _reasons(columns)
    charts = "".join(
        _chart(columns, shared, reasons, mode, deep) for mode in (("u", "c") if deep else ("c",))
    )
    registry = _common_registry(columns)
    title = f"layerguard {command}: " + ", ".join(c.label for c in columns)
    return "".join(
        [
            "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n",
            '<meta name=viewport content="width=device-width, initial-scale=1">\n',
            f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            f"<svg class=defs width=0 height=0 aria-hidden=true>{_patterns(reasons)}</svg>\n",
            "<main>\n<header>\n",
            f"<h1>layerguard {_e(command)}: {len(columns)} image"
            f"{'s' if len(columns) != 1 else ''}</h1>\n",
            f"<p class=sub>{_intro(columns, registry, deep)}</p>\n</header>\n",
            _callouts(columns),
            f"<figure class=chart>\n{_controls(deep)}{charts}",
            _legend(columns, shared, reasons, deep),
            "</figure>\n",
            _figures(columns, deep),
            _details(columns, deep),
            "<footer>Drawn by layerguard from the registry's manifests"
            + (" and layer contents" if deep else "")
            + "; the same figures as <code>--format json</code>.</footer>\n",
            "</main>\n</body>\n</html>\n",
        ]
    )


# ---------------------------------------------------------------------------------------------
# From records to columns


def _columns(data: Sequence[Mapping[str, Any]]) -> list[_Column]:
    refs = [_parse(str(r.get("reference", ""))) for r in data]
    registries = {ref.registry for ref in refs if ref is not None}
    columns = []
    for record, ref in zip(data, refs, strict=True):
        label = str(record.get("reference", "?"))
        if ref is not None:
            label = ref.familiar
            if len(registries) == 1 and ref.registry != "docker.io":
                label = label.removeprefix(ref.registry + "/")
        columns.append(_Column(record, ref, label, _layers(record)))
    _find_chains(columns)
    return columns


def _parse(text: str) -> ImageRef | None:
    try:
        return parse_reference(text)
    except ValueError:
        return None


def _layers(record: Mapping[str, Any]) -> list[_Layer]:
    instructions = {
        step["layer"]: _short(str(step.get("created_by") or ""))
        for step in record.get("history") or ()
        if step.get("layer") is not None
    }
    layers: list[_Layer] = []
    first: dict[str, int] = {}
    for number, item in enumerate(record.get("layers") or ()):
        digest = str(item["digest"])
        layers.append(
            _Layer(
                number,
                digest,
                int(item["size"]),
                item.get("uncompressed_size"),
                instructions.get(number, ""),
                first.get(digest),
            )
        )
        first.setdefault(digest, number)
    for entry in record.get("wasted") or ():
        number = int(entry["layer"])
        if 0 <= number < len(layers):
            layers[number].wasted.setdefault(str(entry["reason"]), []).append(entry)
    for layer in layers:
        for items in layer.wasted.values():
            items.sort(key=lambda w: (-int(w["bytes"]), str(w["path"])))
    return layers


def _short(text: str) -> str:
    from layerguard.image.measure import short_instruction

    return " ".join(short_instruction(text).split())


_HEX = re.compile(r"\b([0-9a-f]{8})[0-9a-f]{12,}\b")


def _brief(instruction: str) -> str:
    """For a label: `COPY dir:c851dd0b7d31767c... in /` keeps the first hex digits only."""
    return _HEX.sub(r"\1…", instruction)


def _find_chains(columns: list[_Column]) -> None:
    """LG001 on what the registry recorded: an image built on an earlier version of its own
    repository, named by its base annotation or found among the compared images as the longest
    one whose layers start this one's."""
    for column in columns:
        digests = [layer.digest for layer in column.layers]
        parent: _Column | None = None
        for other in columns:
            theirs = [layer.digest for layer in other.layers]
            if (
                other is not column
                and len(theirs) < len(digests)
                and digests[: len(theirs)] == theirs
                and (parent is None or len(theirs) > len(parent.layers))
            ):
                parent = other
        base = column.record.get("base") or {}
        base_ref = _parse(str(base.get("name") or ""))
        same_repo = column.ref is not None and (
            (base_ref is not None and _same_repository(base_ref, column.ref))
            or (
                parent is not None and parent.ref is not None and parent.ref.name == column.ref.name
            )
        )
        if not same_repo:
            continue
        column.chained_on = (
            parent.label
            if parent is not None
            else f"{base_ref.repository}:{base_ref.tag or base_ref.digest}"
            if base_ref
            else "?"
        )
        if parent is not None:
            carried = {layer.digest: layer.size for layer in parent.layers}
            column.inherited = (len(parent.layers), sum(carried.values()))


def _same_repository(base: ImageRef, image: ImageRef) -> bool:
    # Builders record the base by the name it had where it was built: buildah's
    # `localhost/app:0.0.3` is the same repository as the pushed `reg.example.com/app:0.0.3`.
    return base.name == image.name or (
        base.registry == "localhost" and base.repository == image.repository
    )


@dataclass(frozen=True)
class _Shared:
    colour: str
    holders: tuple[str, ...]  # the labels of the images that hold the layer


def _shared_digests(columns: Sequence[_Column]) -> dict[str, _Shared]:
    """The layers more than one image holds: colours given first seen, first coloured."""
    holders: dict[str, list[str]] = {}
    for column in columns:
        for digest in dict.fromkeys(layer.digest for layer in column.layers):
            holders.setdefault(digest, []).append(column.label)
    out: dict[str, _Shared] = {}
    for digest, labels in holders.items():
        if len(labels) > 1:
            out[digest] = _Shared(PALETTE[len(out) % len(PALETTE)], tuple(labels))
    return out


def _reasons(columns: Sequence[_Column]) -> dict[str, int]:
    """Reason -> style number, known reasons first, for the reasons these images hold."""
    present = {r for c in columns for layer in c.layers for r in layer.wasted}
    ordered = [r for r in REASONS if r in present] + sorted(present - set(REASONS))
    return {reason: number for number, reason in enumerate(ordered)}


def _reason_colour(reason: str, number: int) -> str:
    if reason in REASONS:
        return REASONS[reason][0]
    return OTHER_REASON_COLOURS[number % len(OTHER_REASON_COLOURS)]


def _common_registry(columns: Sequence[_Column]) -> str | None:
    registries = {c.ref.registry for c in columns if c.ref is not None}
    return registries.pop() if len(registries) == 1 else None


# ---------------------------------------------------------------------------------------------
# The chart


def _chart(
    columns: Sequence[_Column],
    shared: Mapping[str, _Shared],
    reasons: Mapping[str, int],
    mode: str,
    deep: bool,
) -> str:
    count = len(columns)
    width = min(250.0, (CHART_WIDTH - (count - 1) * GAP) / count)
    left = (CHART_WIDTH - count * width - (count - 1) * GAP) / 2
    most = max(len(c.layers) for c in columns)
    min_height = 18.0 if most <= 24 else 5.0
    stack = max(480.0, most * (min_height + 2))
    scale = _scale(
        [[lay.height_bytes(mode) for lay in c.layers] for c in columns], stack, min_height
    )
    height = HEAD + stack + FOOT
    kind = "uncompressed" if mode == "u" else "compressed"
    hidden = " hidden-by-default" if deep and mode == "c" else ""
    desc = "; ".join(
        f"{c.label}: {len(c.layers)} layers, "
        f"{human(_total(c, mode))} {kind}"
        + (f", {human(_reclaimable(c.record))} reclaimable" if deep else "")
        + (f", built on {c.chained_on} (LG001)" if c.chained_on else "")
        for c in columns
    )
    out = [
        f'<svg class="stacks mode-{mode}{hidden}" data-mode={kind} role=img '
        f'viewBox="0 0 {CHART_WIDTH} {height:.0f}" aria-labelledby="t-{mode} d-{mode}">\n'
        f"<title id=t-{mode}>Layers of each image, heights proportional to {kind} bytes</title>\n"
        f"<desc id=d-{mode}>{_e(desc)}</desc>\n",
    ]
    boxes: list[dict[str, tuple[float, float]]] = []
    base_y = HEAD + stack
    for number, column in enumerate(columns):
        x = left + number * (width + GAP)
        y = base_y
        placed: dict[str, tuple[float, float]] = {}
        for layer in column.layers:
            h = max(min_height, layer.height_bytes(mode) * scale)
            y -= h
            placed.setdefault(layer.digest, (y, h))
        boxes.append(placed)
    for number in range(count - 1):  # bands first, so the blocks draw over their ends
        x1 = left + number * (width + GAP) + width
        x2 = x1 + GAP
        for digest, (y1, h1) in boxes[number].items():
            if digest in boxes[number + 1] and digest in shared:
                y2, h2 = boxes[number + 1][digest]
                out.append(
                    f'<polygon class=band points="{x1:.1f},{y1:.1f} {x2:.1f},{y2:.1f} '
                    f'{x2:.1f},{y2 + h2:.1f} {x1:.1f},{y1 + h1:.1f}" '
                    f'fill="{shared[digest].colour}" />\n'
                )
    for number, column in enumerate(columns):
        x = left + number * (width + GAP)
        out.append(_column(column, x, width, base_y, scale, min_height, mode, shared, reasons))
    out.append("</svg>\n")
    return "".join(out)


def _scale(columns: Sequence[Sequence[int]], room: float, min_height: float) -> float:
    """Pixels a byte, the largest that fits every stack in `room` with each block at least
    `min_height` tall: one scale for all columns, so the same layer has the same height."""

    def tallest(scale: float) -> float:
        return max(sum(max(min_height, b * scale) for b in col) for col in columns)

    most = max((sum(col) for col in columns), default=0)
    if most == 0:
        return 0.0
    low, high = 0.0, room / most
    if tallest(high) <= room:
        return high
    for _ in range(50):
        middle = (low + high) / 2
        low, high = (middle, high) if tallest(middle) <= room else (low, middle)
    return low


def _column(
    column: _Column,
    x: float,
    width: float,
    base_y: float,
    scale: float,
    min_height: float,
    mode: str,
    shared: Mapping[str, _Shared],
    reasons: Mapping[str, int],
) -> str:
    record = column.record
    kind = "uncompressed" if mode == "u" else "compressed"
    chained = " chained" if column.chained_on else ""
    centre = x + width / 2
    out = [
        f'<g class="column{chained}" data-image="{_e(str(record.get("reference", "")))}" '
        f'data-layers="{len(column.layers)}">\n'
        f'<text class=name x="{centre:.1f}" y=18 text-anchor=middle>'
        f"{_e(_fit(column.label, width, 7.6))}<title>{_e(str(record.get('reference')))}</title>"
        "</text>\n"
        f'<text class=total x="{centre:.1f}" y=36 text-anchor=middle>'
        f"{len(column.layers)} layers · {_e(human(_total(column, mode)))} {kind}</text>\n",
    ]
    y = base_y
    for layer in column.layers:
        h = max(min_height, layer.height_bytes(mode) * scale)
        y -= h
        out.append(_block(column, layer, x, y, width, h, mode, shared, reasons))
    if column.chained_on:
        top = y
        out.append(
            f'<rect class=chain-outline x="{x - 3:.1f}" y="{top - 3:.1f}" width="{width + 6:.1f}" '
            f'height="{base_y - top + 6:.1f}" rx=4 />\n'
        )
    base = record.get("base") or {}
    base_name = str(base.get("name") or "") or (
        f"base {str(base.get('digest'))[7:19]}" if base.get("digest") else "base not recorded"
    )
    out.append(
        f'<line class=ground x1="{x - 8:.1f}" x2="{x + width + 8:.1f}" '
        f'y1="{base_y + 1:.1f}" y2="{base_y + 1:.1f}" />\n'
        f'<text class=base x="{centre:.1f}" y="{base_y + 18:.1f}" text-anchor=middle>'
        f"FROM {_e(_fit(base_name, width - 44, 7.0))}<title>{_e(base_name)}</title></text>\n"
    )
    if column.chained_on:
        badge = f"LG001 built on {column.chained_on}"
        out.append(
            f'<rect class=badge x="{x:.1f}" y="{base_y + 28:.1f}" width="{width:.1f}" height=22 '
            f"rx=11 />\n"
            f'<text class=badge-text x="{centre:.1f}" y="{base_y + 43:.1f}" text-anchor=middle>'
            f"{_e(_fit(badge, width - 16, 7.2))}<title>{_e(_chain_sentence(column))}</title>"
            "</text>\n"
        )
    out.append("</g>\n")
    return "".join(out)


def _block(
    column: _Column,
    layer: _Layer,
    x: float,
    y: float,
    width: float,
    h: float,
    mode: str,
    shared: Mapping[str, _Shared],
    reasons: Mapping[str, int],
) -> str:
    fill = shared[layer.digest].colour if layer.digest in shared else UNIQUE_FILL
    short = layer.digest.removeprefix("sha256:")[:12]
    reclaimable = layer.reclaimable()
    classes = "layer shared" if layer.digest in shared else "layer"
    out = [
        f'<g class="{classes}" data-digest="{_e(layer.digest)}" data-layer={layer.number} '
        f"data-size={layer.size if layer.repeat_of is None else 0} "
        f'data-uncompressed-size="{_int_or_empty(layer.uncompressed, layer)}" '
        f"data-reclaimable={reclaimable}>\n"
        f"<title>{_e(_layer_title(column, layer, shared))}</title>\n"
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" fill="{fill}" />\n'
    ]
    whole = layer.uncompressed or 0
    if reclaimable and whole and layer.repeat_of is None:
        top = y
        for reason, items in sorted(layer.wasted.items(), key=lambda kv: reasons[kv[0]]):
            part = sum(int(w["bytes"]) for w in items)
            ph = min(h * part / whole, y + h - top)
            if ph <= 0:
                continue
            out.append(
                f'<rect class=waste data-reason="{_e(reason)}" data-bytes={part} '
                f'x="{x:.1f}" y="{top:.1f}" width="{width:.1f}" height="{max(ph, 1.5):.1f}" '
                f'fill="url(#hatch-{reasons[reason]})"><title>'
                f"{_e(_waste_title(layer, reason, items, whole))}</title></rect>\n"
            )
            top += ph
    if h >= 15:
        size = human(layer.height_bytes(mode)) if layer.repeat_of is None else "0B"
        room = width - 24 - 8.0 * len(size)
        text = f"#{layer.number + 1} " + (
            f"same blob as #{layer.repeat_of + 1}"
            if layer.repeat_of is not None
            else _brief(layer.instruction) or "(no history)"
        )
        line = y + min(h / 2 + 4.5, 16.0)
        out.append(
            f'<text class=label x="{x + 7:.1f}" y="{line:.1f}">{_e(_fit(text, room, 6.9))}</text>\n'
            f'<text class=size x="{x + width - 7:.1f}" y="{line:.1f}" text-anchor=end>'
            f"{_e(size)}</text>\n"
        )
        if h >= 34:
            chip = short
            if layer.digest in shared:
                chip += f" · in {len(shared[layer.digest].holders)} images"
            out.append(
                f'<text class=digest x="{x + 7:.1f}" y="{line + 15:.1f}">'
                f"{_e(_fit(chip, width - 14, 6.4))}</text>\n"
            )
    out.append("</g>\n")
    return "".join(out)


def _layer_title(column: _Column, layer: _Layer, shared: Mapping[str, _Shared]) -> str:
    parts = [
        f"{column.label}, layer {layer.number + 1} of {len(column.layers)}: "
        f"{layer.instruction or '(no history)'}"
    ]
    if layer.repeat_of is not None:
        parts.append(f"the same blob as layer {layer.repeat_of + 1}: no extra bytes")
    else:
        parts.append(f"{human(layer.size)} compressed ({layer.size:,} bytes)")
        if layer.uncompressed is not None:
            parts.append(f"{human(layer.uncompressed)} uncompressed ({layer.uncompressed:,} bytes)")
    parts.append(layer.digest)
    if layer.digest in shared:
        others = [h for h in shared[layer.digest].holders if h != column.label]
        parts.append("shared: also in " + ", ".join(others))
    reclaimable = layer.reclaimable()
    if reclaimable:
        by_reason = ", ".join(
            f"{reason} {human(sum(int(w['bytes']) for w in items))}"
            for reason, items in layer.wasted.items()
        )
        parts.append(f"reclaimable {human(reclaimable)} ({reclaimable:,} bytes): {by_reason}")
    return "\n".join(parts)


def _waste_title(layer: _Layer, reason: str, items: Sequence[Mapping[str, Any]], whole: int) -> str:
    part = sum(int(w["bytes"]) for w in items)
    lines = [
        f"{reason}: {len(items)} path{'s' if len(items) != 1 else ''}, {human(part)} "
        f"({part:,} bytes, {100 * part / whole:.0f}% of layer {layer.number + 1})"
    ]
    lines += [f"{human(int(w['bytes']))}  {w['path']}" for w in items[:TITLE_PATHS]]
    if len(items) > TITLE_PATHS:
        lines.append(f"and {len(items) - TITLE_PATHS:,} more")
    return "\n".join(lines)


def _patterns(reasons: Mapping[str, int]) -> str:
    out = ["<defs>\n"]
    for reason, number in reasons.items():
        colour = _reason_colour(reason, number)
        first, second = HATCHES[number % len(HATCHES)]
        lines = f'<line x1=4 y1=0 x2=4 y2=8 stroke="{colour}" stroke-width=2.2 />'
        if second is not None:
            lines += (
                f'<line x1=4 y1=0 x2=4 y2=8 stroke="{colour}" stroke-width=2.2 '
                f'transform="rotate({second - first} 4 4)" />'
            )
        out.append(
            f'<pattern id=hatch-{number} data-reason="{_e(reason)}" width=8 height=8 '
            f'patternUnits=userSpaceOnUse patternTransform="rotate({first})">'
            f'<rect width=8 height=8 fill="{colour}" fill-opacity=0.22 />{lines}</pattern>\n'
        )
    out.append("</defs>\n")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Text around the chart


def _controls(deep: bool) -> str:
    if not deep:
        return ""
    return (
        "<div class=controls role=group aria-label='Layer heights'>Layer heights: "
        "<input type=radio name=size id=size-u checked>"
        "<label for=size-u>uncompressed (on disk, where wasted bytes are measured)</label> "
        "<input type=radio name=size id=size-c>"
        "<label for=size-c>compressed (what a pull downloads)</label></div>\n"
    )


def _intro(columns: Sequence[_Column], registry: str | None, deep: bool) -> str:
    where = f" from {_e(registry)}" if registry else ""
    if len(columns) == 1:
        text = f"The image{where} drawn as its stack of read-only layers, the first at the bottom."
    else:
        text = (
            f"Images{where}, oldest first, each drawn as its stack of read-only layers, the "
            "first at the bottom. A layer held by more than one image has the same colour and "
            "digest in every column that holds it."
        )
    if deep:
        text += (
            " Hatched: bytes a later layer hides that every pull still downloads. Hover a layer "
            "for its figures, or open the lists below."
        )
    return text


def _chain_sentence(column: _Column) -> str:
    text = f"{column.label} is built on {column.chained_on}, an earlier version of itself"
    if column.inherited:
        layers, size = column.inherited
        text += f", and carries its {layers} layers ({human(size)}) into every pull"
    return text + "."


def _callouts(columns: Sequence[_Column]) -> str:
    chained = [c for c in columns if c.chained_on]
    if not chained:
        return ""
    items = "".join(f"<li>{_e(_chain_sentence(c))}</li>\n" for c in chained)
    return (
        "<section class=callout aria-label='Chained images'>\n"
        "<h2><span class=code>LG001</span> self-chained-base: "
        f"{len(chained)} image{'s are' if len(chained) != 1 else ' is'} built on an earlier "
        "version of itself</h2>\n"
        f"<ul>\n{items}</ul>\n"
        "<p>Layers are never replaced, only stacked: build every version from a base image "
        "(OS and runtime) instead.</p>\n</section>\n"
    )


def _legend(
    columns: Sequence[_Column],
    shared: Mapping[str, _Shared],
    reasons: Mapping[str, int],
    deep: bool,
) -> str:
    items = []
    if shared:
        swatches = "".join(
            f'<span class=swatch style="background:{colour}"></span>'
            for colour in list(dict.fromkeys(s.colour for s in shared.values()))[:4]
        )
        items.append(
            f"<li>{swatches} <span>a layer held by several images (same colour and digest in "
            "each; a band joins it across columns)</span></li>"
        )
    items.append(
        f'<li><span class=swatch style="background:{UNIQUE_FILL}"></span> '
        "<span>a layer only this image holds</span></li>"
    )
    for reason, number in reasons.items():
        meaning = REASONS.get(reason, ("", "reclaimable bytes"))[1]
        items.append(
            "<li><svg class=swatch width=22 height=14 aria-hidden=true>"
            f'<rect width=22 height=14 fill="url(#hatch-{number})" /></svg> '
            f"<span><b>{_e(reason)}</b>: {_e(meaning)}</span></li>"
        )
    if deep and not reasons:
        items.append("<li><span>no reclaimable bytes: no layer hides a file of another</span></li>")
    if any(c.chained_on for c in columns):
        items.append(
            "<li><span class='swatch chain'></span> <span><b>LG001</b>: built on an earlier "
            "version of itself (outlined in red)</span></li>"
        )
    note = (
        "Heights are proportional to bytes on one scale for all columns; a layer of a few "
        "bytes is drawn at a minimum height so it can be labelled."
    )
    caption = f"<figcaption>\n<ul class=legend>{''.join(items)}</ul>\n<p class=note>{note}</p>\n"
    return caption + "</figcaption>\n"


def _figures(columns: Sequence[_Column], deep: bool) -> str:
    keys = [
        ("compressed_size", "Size (compressed)"),
        ("download_uncached", "Pull, nothing cached"),
        ("download_cached", "Pull, earlier images cached"),
        ("registry_new_bytes", "New to the registry"),
    ]
    if deep:
        keys += [("uncompressed_size", "Uncompressed"), ("_reclaimable", "Reclaimable")]

    def value(record: Mapping[str, Any], key: str) -> int:
        return _reclaimable(record) if key == "_reclaimable" else int(record.get(key) or 0)

    most_bytes = max(value(c.record, k) for c in columns for k, _ in keys) or 1
    most_layers = max(int(c.record.get("layer_count") or 0) for c in columns) or 1
    head = "".join(f"<th scope=col>{_e(name)}</th>" for _, name in keys)
    body = []
    for column in columns:
        record = column.record
        layers = int(record.get("layer_count") or 0)
        cells = [
            f"<th scope=row>{_e(column.label)}"
            + (" <span class=code>LG001</span>" if column.chained_on else "")
            + "</th>",
            _bar_cell("layer_count", layers, str(layers), layers / most_layers),
        ]
        for key, _ in keys:
            amount = value(record, key)
            cells.append(
                _bar_cell(key.lstrip("_"), amount, human(amount), amount / most_bytes, True)
            )
        body.append(
            f'<tr data-image="{_e(str(record.get("reference", "")))}">{"".join(cells)}</tr>\n'
        )
    return (
        "<section class=figures>\n<h2>What each image costs</h2>\n"
        "<table>\n<thead><tr><th scope=col>Image</th><th scope=col>Layers</th>"
        f"{head}</tr></thead>\n<tbody>\n{''.join(body)}</tbody>\n</table>\n"
        "<p class=note>Pull, earlier images cached: the layers a machine that already pulled "
        "every image to the left still downloads. New to the registry: the blobs (layers and "
        "config) no earlier image pushed.</p>\n</section>\n"
    )


def _bar_cell(key: str, amount: int, text: str, fraction: float, exact: bool = False) -> str:
    title = f' title="{amount:,} bytes"' if exact else ""
    return (
        f'<td class=bar-cell data-key="{key}" data-value={amount}{title}>'
        f'<span class=bar style="width:{100 * fraction:.1f}%"></span>'
        f"<span class=num>{_e(text)}</span></td>"
    )


def _details(columns: Sequence[_Column], deep: bool) -> str:
    out = ["<section class=details>\n<h2>Layers and reclaimable paths</h2>\n"]
    for column in columns:
        reclaim = _reclaimable(column.record)
        summary = f"{column.label}: {len(column.layers)} layers" + (
            f", {human(reclaim)} reclaimable" if deep else ""
        )
        rows = []
        for layer in reversed(column.layers):
            rows.append(
                f"<tr><td>{layer.number + 1}</td><td><code>{_e(layer.digest[7:19])}</code></td>"
                f"<td class=instr>{_e(layer.instruction)}</td>"
                f"<td class=n>{_e(human(layer.size))}</td>"
                + (f"<td class=n>{_e(human(layer.uncompressed))}</td>" if deep else "")
                + (f"<td class=n>{_e(human(layer.reclaimable()))}</td>" if deep else "")
                + "</tr>\n"
            )
            if layer.wasted:
                rows.append(
                    f"<tr class=paths><td></td><td colspan={5 if deep else 3}>"
                    f"{_paths(layer)}</td></tr>\n"
                )
        head = "<th>#</th><th>Digest</th><th>Instruction</th><th>Compressed</th>" + (
            "<th>Uncompressed</th><th>Reclaimable</th>" if deep else ""
        )
        out.append(
            f"<details><summary>{_e(summary)}</summary>\n<table class=layers>\n"
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{''.join(rows)}</tbody></table>\n"
            "</details>\n"
        )
    out.append("</section>\n")
    return "".join(out)


def _paths(layer: _Layer) -> str:
    """The layer's largest reclaimable paths, the rest summed: a layer of 10,000 deleted files
    stays a short list."""
    entries = sorted(
        (w for items in layer.wasted.values() for w in items),
        key=lambda w: (-int(w["bytes"]), str(w["path"])),
    )
    shown = entries[:TOP_PATHS]
    items = [
        f"<li><span class=n data-bytes={int(w['bytes'])}>{_e(human(int(w['bytes'])))}</span> "
        f"<code>{_e(str(w['path']))}</code> "
        f"<span class=reason>{_e(str(w['reason']))}</span></li>"
        for w in shown
    ]
    rest = entries[TOP_PATHS:]
    if rest:
        total = sum(int(w["bytes"]) for w in rest)
        items.append(
            f"<li class=rest>and {len(rest):,} more paths, {_e(human(total))} "
            f"({total:,} bytes)</li>"
        )
    return f"<ul class=paths>{''.join(items)}</ul>"


# ---------------------------------------------------------------------------------------------
# Small helpers


def _total(column: _Column, mode: str) -> int:
    return sum(layer.height_bytes(mode) for layer in column.layers)


def _reclaimable(record: Mapping[str, Any]) -> int:
    value = record.get("reclaimable_bytes")
    if value is None:
        value = record.get("wasted_bytes")
    return int(value or 0)


def _int_or_empty(value: int | None, layer: _Layer) -> str:
    if layer.repeat_of is not None:
        return "0"
    return "" if value is None else str(value)


def _fit(text: str, room: float, char_width: float) -> str:
    """`text` cut with an ellipsis to about `room` pixels (SVG text does not wrap or clip)."""
    most = max(int(room / char_width), 4)
    return text if len(text) <= most else text[: most - 1] + "…"


def _e(text: str) -> str:
    # Paths read from layers may hold bytes that are not UTF-8 (kept as surrogates): show them.
    return html.escape(text.encode("utf-8", "backslashreplace").decode("utf-8"), quote=True)


CSS = """
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6573; --rule: #d5dae1; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
  color: var(--ink); background: #fff; }
main { max-width: 1340px; margin: 0 auto; padding: 16px 20px 28px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 18px 0 8px; }
.sub { color: var(--muted); margin: 0 0 10px; max-width: 1100px; }
.controls { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
.controls label { margin: 0 14px 0 3px; }
svg.stacks.hidden-by-default { display: none; }
svg.defs { position: absolute; }
body:has(#size-c:checked) svg.stacks.mode-c { display: block; }
body:has(#size-c:checked) svg.stacks.mode-u { display: none; }
.callout { border: 2px solid #c0392b; border-radius: 8px; background: #fdf1ef;
  padding: 4px 16px 8px; margin: 8px 0 12px; }
.callout h2 { margin: 8px 0 4px; color: #922b21; }
.callout ul { margin: 4px 0; padding-left: 20px; }
.callout p { margin: 4px 0; color: var(--muted); }
.code { font: 600 12px ui-monospace, "DejaVu Sans Mono", monospace; background: #c0392b;
  color: #fff; padding: 1px 6px; border-radius: 9px; }
figure.chart { margin: 0; break-inside: avoid; }
svg.stacks { width: 100%; height: auto; display: block; font-family: system-ui, "DejaVu Sans",
  sans-serif; }
svg .name { font-size: 14px; font-weight: 700; fill: var(--ink); }
svg .total { font-size: 12px; fill: var(--muted); }
svg .layer rect { stroke: #fff; stroke-width: 1.5; }
svg .layer rect.waste { stroke: none; }
svg .layer:hover > rect:first-of-type { stroke: var(--ink); }
svg .label, svg .size, svg .digest { paint-order: stroke; stroke: rgba(255,255,255,.85);
  stroke-width: 3px; stroke-linejoin: round; pointer-events: none; }
svg .label { font-size: 12px; fill: var(--ink); }
svg .size { font-size: 12px; font-weight: 600; fill: var(--ink); }
svg .digest { font: 10.5px ui-monospace, "DejaVu Sans Mono", monospace; fill: #3d4652; }
svg .band { opacity: .45; }
svg .ground { stroke: var(--ink); stroke-width: 2; }
svg .base { font-size: 12px; fill: var(--ink); }
svg .chain-outline { fill: none; stroke: #c0392b; stroke-width: 2.5; stroke-dasharray: 6 3; }
svg .badge { fill: #c0392b; }
svg .badge-text { font-size: 12px; font-weight: 600; fill: #fff; }
figcaption { margin: 6px 0 0; }
.legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 4px 22px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 18px; height: 14px; border: 1px solid #9aa3ad;
  vertical-align: middle; }
.legend .swatch + .swatch { margin-left: -4px; }
svg.swatch { border: 1px solid #9aa3ad; }
.swatch.chain { border: 2.5px dashed #c0392b; background: #fff; }
.note { color: var(--muted); font-size: 12.5px; margin: 4px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); }
thead th { font-size: 12.5px; color: var(--muted); font-weight: 600; }
.figures td.bar-cell { position: relative; min-width: 110px; }
.figures .bar { display: block; height: 8px; background: #5b7fa6; border-radius: 2px;
  margin-bottom: 2px; min-width: 1px; }
.figures .num { font-variant-numeric: tabular-nums; }
.details details { margin: 6px 0; }
.details summary { cursor: pointer; font-weight: 600; }
.layers td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.layers td.instr { font: 12px ui-monospace, "DejaVu Sans Mono", monospace;
  overflow-wrap: anywhere; }
ul.paths { list-style: none; margin: 0; padding: 0; font-size: 12.5px; }
ul.paths .n { display: inline-block; min-width: 64px; text-align: right;
  font-variant-numeric: tabular-nums; }
ul.paths code { overflow-wrap: anywhere; }
.reason { color: var(--muted); }
footer { margin-top: 20px; color: var(--muted); font-size: 12px; }
@media print {
  @page { size: landscape; margin: 8mm; }
  body { font-size: 11px; }
  .controls, .details, .sub, .note, footer { display: none; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 16px; }
  h2 { font-size: 13px; margin: 6px 0 4px; }
  .callout { padding: 2px 10px 4px; margin: 4px 0 6px; }
  .callout li, .callout p { line-height: 1.3; }
  svg.stacks { max-height: 92mm; }
  th, td { padding: 1px 6px; }
  .figures .bar { height: 5px; }
  .figures, .callout, figure.chart { break-inside: avoid; }
}
"""
