"""Deep-analysis throughput against `gzip -dc`, and peak RSS on a 1 GB layer.

    python benchmarks/layers_throughput.py [--compressed-mb 200] [--rss-gb 1] [--runs 3]

Generates a gzip layer of about --compressed-mb (files of mixed, partly compressible content,
gzip level 6 as Docker and BuildKit write), times `gzip -dc > /dev/null` and `index_layer` on the
same file (best of --runs, page cache warm), then indexes a layer of --rss-gb GB uncompressed in a
fresh process, piped in as it is generated (never held in memory or on disk), and reads its peak
RSS. Prints
a markdown table row for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from layerguard.image.layers import index_layer

WORDS = [
    "".join(
        random.Random(i).choices("abcdefghijklmnopqrstuvwxyz_/.", k=random.Random(i).randint(2, 12))
    )
    for i in range(4000)
]


def _blocks(seed: int) -> list[bytes]:
    """1 MiB blocks: text-like (compresses about 3x) and random (like already compressed data)."""
    rng = random.Random(seed)
    text = [" ".join(rng.choices(WORDS, k=180_000)).encode()[: 1 << 20] for _ in range(12)]
    noise = [rng.randbytes(1 << 20) for _ in range(4)]
    return text + noise


def layer_tar(total: int, seed: int = 0) -> Iterator[bytes]:
    """An uncompressed tar stream of about `total` bytes, produced piece by piece."""
    rng = random.Random(seed)
    blocks = _blocks(seed)
    written = 0
    n = 0
    while written < total:
        size = min(int(rng.lognormvariate(9.5, 2.0)), 64 << 20, total - written)
        info = tarfile.TarInfo(f"usr/lib/pkg{n // 50}/file{n}.so")
        info.size = size
        header = info.tobuf(tarfile.PAX_FORMAT)
        yield header
        left = size
        while left:
            block = blocks[rng.randrange(len(blocks))]
            start = rng.randrange(len(block) // 2)
            piece = block[start : start + min(left, len(block) - start)]
            yield piece
            left -= len(piece)
        yield bytes(-size % 512)
        written += len(header) + size + (-size % 512)
        n += 1
    yield bytes(1024)


def gzipped(chunks: Iterator[bytes], level: int = 6) -> Iterator[bytes]:
    comp = zlib.compressobj(level, zlib.DEFLATED, 31)
    for chunk in chunks:
        if out := comp.compress(chunk):
            yield out
    yield comp.flush()


def best(runs: int, fn: object) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return min(times)


def rss_child() -> None:
    index = index_layer(sys.stdin.buffer, "sha256:x", "")
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{index.uncompressed_size} {len(index.entries)} {peak_kib}")


def peak_rss(gigabytes: float) -> tuple[int, int, int]:
    """Index a generated layer piped into a fresh process: (uncompressed, entries, peak KiB)."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--rss-child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert child.stdin and child.stdout
    for chunk in gzipped(layer_tar(int(gigabytes * 1e9)), 1):
        child.stdin.write(chunk)
    child.stdin.close()
    size, entries, peak_kib = map(int, child.stdout.read().split())
    if child.wait():
        raise SystemExit("the indexing process failed")
    return size, entries, peak_kib


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compressed-mb", type=float, default=200)
    parser.add_argument("--rss-gb", type=float, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child()
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        blob = Path(tmp) / "layer.tar.gz"
        target = int(args.compressed_mb * 1e6)
        print(f"generating a gzip layer of about {args.compressed_mb:g} MB ...", file=sys.stderr)
        with blob.open("wb") as f:
            for chunk in gzipped(layer_tar(int(target * 1.7))):
                f.write(chunk)
        compressed = blob.stat().st_size

        def gzip_dc() -> None:
            with blob.open("rb") as f:
                subprocess.run(["gzip", "-dc"], stdin=f, stdout=subprocess.DEVNULL, check=True)

        result = {}

        def ours() -> None:
            with blob.open("rb") as f:
                result["index"] = index_layer(f, "sha256:x", "")

        ours()  # warm the page cache and the imports
        t_gzip = best(args.runs, gzip_dc)
        t_ours = best(args.runs, ours)
        index = result["index"]

    print(f"indexing a {args.rss_gb:g} GB layer in a fresh process ...", file=sys.stderr)
    big_size, big_entries, peak_kib = peak_rss(args.rss_gb)

    mb = index.uncompressed_size / 1e6
    print(
        "| date | layer (compressed / uncompressed, entries) | gzip -dc | layerguard index_layer "
        "| ratio | peak RSS, layer of (uncompressed, entries) |"
    )
    print("|---|---|---|---|---|---|")
    print(
        f"| {date.today()} | {compressed / 1e6:.0f} MB / {mb:.0f} MB, {len(index.entries)} "
        f"| {t_gzip:.2f} s ({mb / t_gzip:.0f} MB/s) | {t_ours:.2f} s ({mb / t_ours:.0f} MB/s) "
        f"| {t_gzip / t_ours:.2f} | {peak_kib / 1024:.0f} MiB ({big_size / 1e9:.2f} GB, "
        f"{big_entries}) |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
