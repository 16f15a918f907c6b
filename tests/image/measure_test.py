"""Compare arithmetic on hand-made manifests: what a user reads off the table."""

from __future__ import annotations

from typing import Any

from layerguard.image.measure import base_image, compare, history, short_instruction
from layerguard.reference import parse_reference
from layerguard.registry import Descriptor, Image

LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"


def d(name: str, size: int) -> Descriptor:
    return Descriptor(LAYER, "sha256:" + name * 64, size)


def image(
    tag: str,
    layers: list[Descriptor],
    config: dict[str, Any] | None = None,
    annotations: dict[str, str] | None = None,
) -> Image:
    cfg = Descriptor("application/vnd.oci.image.config.v1+json", "sha256:" + tag[-1] * 64, 500)
    return Image(
        parse_reference(f"127.0.0.1:5000/app:{tag}"),
        "sha256:" + "f" * 64,
        "linux/amd64",
        "application/vnd.oci.image.manifest.v1+json",
        {},
        config or {},
        cfg,
        tuple(layers),
        annotations or {},
    )


def test_chained_versions_cost_little_cached_and_grow_uncached() -> None:
    base, src, v2, v3 = d("a", 1_000_000), d("b", 5_000_000), d("c", 2000), d("d", 3000)
    rows = compare(
        [
            image("0.0.1", [base, src]),
            image("0.0.2", [base, src, v2]),
            image("0.0.3", [base, src, v2, v3]),
        ]
    )
    assert [r.layer_count for r in rows] == [2, 3, 4]
    assert [r.compressed_size for r in rows] == [6_000_000, 6_002_000, 6_005_000]
    assert [r.download_uncached for r in rows] == [6_000_000, 6_002_000, 6_005_000]
    assert [r.download_cached for r in rows] == [6_000_000, 2000, 3000]
    assert [r.registry_new_bytes for r in rows] == [6_000_500, 2500, 3500]


def test_a_layer_repeated_in_one_image_counts_once() -> None:
    empty = d("e", 32)
    (row,) = compare([image("1", [d("a", 100), empty, empty])])
    assert row.layer_count == 3 and row.compressed_size == 132


def test_history_pairs_instructions_with_layers() -> None:
    config = {
        "history": [
            {
                "created_by": "/bin/sh -c #(nop) ADD file:abc in /",
                "created": "2026-01-01T00:00:00Z",
            },
            {"created_by": '/bin/sh -c #(nop)  CMD ["sh"]', "empty_layer": True},
            {"created_by": "/bin/sh -c rm -rf test.txt"},
        ]
    }
    steps = history(image("1", [d("a", 10), d("b", 20)], config))
    assert [(s.layer, short_instruction(s.created_by)) for s in steps] == [
        (0, "ADD file:abc in /"),
        (None, 'CMD ["sh"]'),
        (1, "rm -rf test.txt"),
    ]


def test_base_from_annotations_or_labels() -> None:
    annotated = image("1", [], annotations={"org.opencontainers.image.base.name": "base:1"})
    assert base_image(annotated) == ("base:1", None)
    labels = {"config": {"Labels": {"org.opencontainers.image.base.digest": "sha256:x"}}}
    assert base_image(image("1", [], labels)) == (None, "sha256:x")
