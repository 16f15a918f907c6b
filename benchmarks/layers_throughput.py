"""Deep-analysis throughput against `gzip -dc` and `zstd -dc`, and peak RSS.

    python benchmarks/layers_throughput.py [--compressed-mb 200] [--rss-gb 1] [--runs 3]
                                           [--random-mb 300] [--against REV]

Generates a gzip layer of about --compressed-mb (files of mixed, partly compressible content,
gzip level 6 as Docker and BuildKit write), times `gzip -dc > /dev/null` and `index_layer` on the
same file (best of --runs, page cache warm); does the same for that tar as zstd (level 3, as
buildah and BuildKit write) against `zstd -dc`, and for a zstd layer of --random-mb of random
bytes (the case where decompression costs least and hashing the diff_id most). Then indexes a
layer of --rss-gb GB uncompressed in a fresh process, piped in as it is generated (never held in
memory or on disk), and reads its peak RSS; and the same for a hostile layer of 10,000 entries
with 50 KB names. Prints markdown table rows for benchmarks/RESULTS.md.

With --against REV it compares index_layer as it was at git revision REV with the working tree's
instead, on the same layers, runs alternated (see compare()); no RSS.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import random
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, cast

from layerguard.image.layers import LayerError, LayerIndex, index_layer

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
    try:
        index = index_layer(sys.stdin.buffer, "sha256:x", "")
        size, entries = index.uncompressed_size, len(index.entries)
    except LayerError:
        size = entries = -1  # refused, as a hostile layer should be
    print(f"{size} {entries} {_peak_kib()}")


def _peak_kib() -> int:
    # VmHWM belongs to this process's memory alone; ru_maxrss also keeps the peak of the parent
    # that spawned it (Linux carries it across execve), which here holds hundreds of MB.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_rss(chunks: Iterator[bytes]) -> tuple[int, int, int]:
    """Index a generated layer piped into a fresh process: (uncompressed, entries, peak KiB)."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--rss-child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert child.stdin and child.stdout
    try:
        for chunk in chunks:
            child.stdin.write(chunk)
        child.stdin.close()
    except BrokenPipeError:
        pass  # the child refused the layer and stopped reading
    size, entries, peak_kib = map(int, child.stdout.read().split())
    if child.wait():
        raise SystemExit("the indexing process failed")
    return size, entries, peak_kib


def long_names(entries: int = 10_000, name_bytes: int = 50_000) -> Iterator[bytes]:
    """The hostile layer of issue 14: 10,000 empty files with PAX paths of 50 KB (gzip)."""
    for i in range(entries):
        info = tarfile.TarInfo(f"{i:09d}/" + "n" * (name_bytes - 10))
        yield info.tobuf(tarfile.PAX_FORMAT)
    yield bytes(1024)


def time_pair(blob: Path, tool: list[str], runs: int) -> tuple[float, float, float, int]:
    """Best times of `tool < blob > /dev/null`, of `tool < blob | openssl dgst -sha256` (what
    checking a diff_id takes in a shell) and of index_layer on blob; uncompressed bytes."""

    def external() -> None:
        with blob.open("rb") as f:
            subprocess.run(tool, stdin=f, stdout=subprocess.DEVNULL, check=True)

    def hashed() -> None:
        command = f"{' '.join(tool)} < '{blob}' | openssl dgst -sha256 > /dev/null"
        subprocess.run(["sh", "-c", command], check=True)

    result = {}

    def ours() -> None:
        with blob.open("rb") as f:
            result["index"] = index_layer(f, "sha256:x", "")

    ours()  # warm the page cache and the imports
    t_tool, t_hashed, t_ours = best(runs, external), best(runs, hashed), best(runs, ours)
    return t_tool, t_hashed, t_ours, result["index"].uncompressed_size


def sha256_time(tar: Path, runs: int) -> float:
    """hashlib's sha256 over the uncompressed tar: the floor the diff_id puts under any reader."""
    data = tar.read_bytes()
    return best(runs, lambda: hashlib.sha256(data).digest())


def row(name: str, blob: Path, tool: str, t_tool: float, t_ours: float, size: int) -> str:
    mb = size / 1e6
    return (
        f"| {name} | {blob.stat().st_size / 1e6:.0f} MB / {mb:.0f} MB | {tool} {t_tool:.2f} s "
        f"({mb / t_tool:.0f} MB/s) | {t_ours:.2f} s ({mb / t_ours:.0f} MB/s) "
        f"| {t_ours / t_tool:.2f} |"
    )


def make_layers(tmp: Path, args: argparse.Namespace) -> list[tuple[str, Path, list[str], Path]]:
    """The three layers measured: (name, blob, the tool that decompresses it, its tar)."""
    tar = tmp / "layer.tar"
    print(f"generating a gzip layer of about {args.compressed_mb:g} MB ...", file=sys.stderr)
    with tar.open("wb") as f:
        for chunk in layer_tar(int(args.compressed_mb * 1e6 * 1.7)):
            f.write(chunk)
    gz = tmp / "layer.tar.gz"
    with tar.open("rb") as f, gz.open("wb") as out:
        subprocess.run(["gzip", "-6", "-n", "-c"], stdin=f, stdout=out, check=True)
    zst = tmp / "layer.tar.zst"
    subprocess.run(["zstd", "-q", "-3", "-f", str(tar), "-o", str(zst)], check=True)
    rand_tar = tmp / "random.tar"
    with rand_tar.open("wb") as f:
        info = tarfile.TarInfo("random.bin")
        info.size = int(args.random_mb * 1e6)
        f.write(info.tobuf(tarfile.PAX_FORMAT))
        left = info.size
        while left:
            n = min(left, 1 << 24)
            f.write(os.urandom(n))
            left -= n
        f.write(bytes(-info.size % 512) + bytes(1024))
    rand_zst = tmp / "random.tar.zst"
    subprocess.run(["zstd", "-q", "-3", "-f", str(rand_tar), "-o", str(rand_zst)], check=True)

    return [
        ("gzip, mixed", gz, ["gzip", "-dc"], tar),
        ("zstd, mixed", zst, ["zstd", "-dc"], tar),
        ("zstd, random", rand_zst, ["zstd", "-dc"], rand_tar),
    ]


def load_before(rev: str, tmp: Path) -> Callable[..., LayerIndex]:
    """index_layer as layerguard/image/layers.py was at git revision `rev`."""
    root = Path(__file__).resolve().parent.parent
    text = subprocess.run(
        ["git", "-C", str(root), "show", f"{rev}:layerguard/image/layers.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = tmp / "layers_before.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location("layers_before", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return cast("Callable[..., LayerIndex]", module.index_layer)


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


class Digested:
    """A blob read as the registry client reads it: each byte also hashed for the blob digest
    (VerifiedStream.readinto), on the reading thread as before `layerguard.hashing`, or through
    a ThreadedHash as since (`threaded`), which the registry client closes after the read."""

    def __init__(self, stream: BinaryIO, threaded: bool = False) -> None:
        self.stream = stream
        self.sha: Any = hashlib.sha256()
        if threaded:
            from layerguard.hashing import ThreadedHash

            self.sha = ThreadedHash(self.sha, name="blob-digest")

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.sha.update(data)
        return data

    def close(self) -> None:
        if hasattr(self.sha, "close"):
            self.sha.hexdigest()


def compare(rev: str, args: argparse.Namespace) -> None:
    """index_layer before (at `rev`) and after (the working tree) and the tool on the same blobs,
    runs alternated (tool, before, after, tool, ...) so that load from other processes falls on
    all three alike: best and median wall time of --runs each, the least CPU time (all threads),
    and the 1-minute load average at each run. The zstd layers are read a second time through
    Digested, as a registry blob is."""
    with tempfile.TemporaryDirectory() as tmp:
        before = load_before(rev, Path(tmp))
        layers = make_layers(Path(tmp), args)
        cases = [(*layer, False) for layer in layers]
        cases += [(f"{name}, blob digest too", *rest, True) for name, *rest in layers[1:]]
        print(f"{date.today()}, {args.runs} runs alternated, best of each\n")
        print(
            "| layer | tool | before | after | before / tool | after / tool "
            "| median before / after | CPU before / after | sha256 alone | load |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        for name, blob, tool, plain, digested in cases:

            def external(blob: Path = blob, tool: list[str] = tool) -> None:
                with blob.open("rb") as f:
                    subprocess.run(tool, stdin=f, stdout=subprocess.DEVNULL, check=True)

            def reader(
                index: Callable[..., LayerIndex],
                blob: Path = blob,
                digested: bool = digested,
                threaded: bool = False,
            ) -> Callable[[], None]:
                def run() -> None:
                    with blob.open("rb") as f:
                        if not digested:
                            index(f, "sha256:x", "")
                            return
                        stream = Digested(f, threaded)
                        index(stream, "sha256:x", "")
                        stream.close()

                return run

            old, new = reader(before), reader(index_layer, threaded=True)
            old()  # warm the page cache and the imports
            new()
            runs: dict[str, list[tuple[float, float]]] = {"tool": [], "before": [], "after": []}
            loads = []
            for _ in range(args.runs):
                loads.append(load())
                for key, fn in (("tool", external), ("before", old), ("after", new)):
                    wall, cpu = time.perf_counter(), time.process_time()
                    fn()
                    runs[key].append((time.perf_counter() - wall, time.process_time() - cpu))
            t_tool, t_old, t_new = (min(w for w, _ in runs[k]) for k in ("tool", "before", "after"))
            m_old, m_new = (statistics.median(w for w, _ in runs[k]) for k in ("before", "after"))
            c_old, c_new = (min(c for _, c in runs[k]) for k in ("before", "after"))
            floor = sha256_time(plain, args.runs)
            print(
                f"| {name} | {tool[0]} -dc {t_tool:.3f} s | {t_old:.3f} s | {t_new:.3f} s "
                f"| {t_old / t_tool:.2f} | {t_new / t_tool:.2f} | {m_old:.3f} / {m_new:.3f} s "
                f"| {c_old:.3f} / {c_new:.3f} s | {floor:.3f} s | {min(loads)}-{max(loads)} |"
            )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compressed-mb", type=float, default=200)
    parser.add_argument("--random-mb", type=float, default=300)
    parser.add_argument("--rss-gb", type=float, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--against",
        metavar="REV",
        help="compare index_layer with its version at git revision REV (runs alternated)",
    )
    parser.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child()
        return 0

    if args.against:
        compare(args.against, args)
        return 0

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, blob, tool, plain in make_layers(Path(tmp), args):
            t_tool, t_hashed, t_ours, size = time_pair(blob, tool, args.runs)
            floor = sha256_time(plain, args.runs)
            rows.append(row(name, blob, tool[0] + " -dc", t_tool, t_ours, size))
            rows[-1] += f" {t_hashed:.2f} s | {t_ours / t_hashed:.2f} | {floor:.2f} s |"

    print(f"indexing a {args.rss_gb:g} GB layer in a fresh process ...", file=sys.stderr)
    print(f"indexing a {args.rss_gb:g} GB layer in a fresh process ...", file=sys.stderr)
    big_size, big_entries, peak_kib = peak_rss(gzipped(layer_tar(int(args.rss_gb * 1e9)), 1))
    print("indexing 10,000 entries with 50 KB names in a fresh process ...", file=sys.stderr)
    _, _, hostile_kib = peak_rss(gzipped(long_names(), 6))

    print(f"{date.today()}\n")
    print(
        "| layer | compressed / uncompressed | tool | index_layer | ratio "
        "| tool \\| openssl dgst -sha256 | ratio | sha256 alone |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print()
    print("| peak RSS | layer |")
    print("|---|---|")
    big = f"{big_size / 1e9:.2f} GB uncompressed, {big_entries} entries"
    print(f"| {peak_kib / 1024:.0f} MiB | {big} |")
    print(f"| {hostile_kib / 1024:.0f} MiB | 10,000 entries with 50 KB names (refused) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
