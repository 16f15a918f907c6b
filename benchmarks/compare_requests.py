"""Requests and wall time of `compare` on four chained images, cold and warm.

Starts Debian's docker-registry on 127.0.0.1, builds app:0.0.1..0.0.4 (each FROM the previous)
with buildah and pushes them, then runs compare (plain and --deep) with an empty cache and again
with the cache filled, by tag and by digest. Needs root, docker-registry, buildah, busybox-static.

    python benchmarks/compare_requests.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from realregistry import Buildah, start_registry

from layerguard.image.deep import Indexer
from layerguard.image.layers import IndexCache
from layerguard.image.measure import compare
from layerguard.reference import parse_reference
from layerguard.registry import Client


def build(work: Path, host: str) -> list[str]:
    buildah = Buildah(work / "buildah")
    base = buildah.base()
    refs = []
    for n in range(1, 5):
        rng = random.Random(n)
        files: dict[str, bytes | str] = {"src/test.txt": rng.randbytes(200_000 * n)}
        if n == 1:
            files.update({f"src/packages/p{i}.bin": rng.randbytes(2_000_000) for i in range(5)})
        parent = base if n == 1 else f"localhost/app:0.0.{n - 1}"
        step = "RUN rm -rf test.txt" if n == 4 else "COPY src ."
        buildah.build(f"localhost/app:0.0.{n}", f"FROM {parent}\n{step}\n", files)
        digest = buildah.push(f"localhost/app:0.0.{n}", f"{host}/app:0.0.{n}")
        refs.append(f"{host}/app@{digest}")
    return refs


def measure(refs: list[str], cache: Path, deep: bool) -> tuple[int, float]:
    start = time.perf_counter()
    with Client(cache_dir=cache / "registry") as client:
        images = [client.image(parse_reference(r)) for r in refs]
        indexer = Indexer(client, IndexCache(cache / "layers")) if deep else None
        compare(images, indexer)
        return client.requests_made, time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        registry = start_registry(work / "registry", work / "storage")
        try:
            by_digest = build(work, registry.host)
            by_tag = [f"{registry.host}/app:0.0.{n}" for n in range(1, 5)]
            print("| run | refs | requests | wall time |")
            print("| --- | --- | --- | --- |")
            for deep in (False, True):
                for label, refs in (("digest", by_digest), ("tag", by_tag)):
                    cache = work / f"cache-{deep}-{label}"
                    for state in ("cold", "warm"):
                        requests, seconds = measure(refs, cache, deep)
                        name = f"compare{' --deep' if deep else ''}, {state}"
                        print(f"| {name} | {label} | {requests} | {seconds * 1000:.0f} ms |")
        finally:
            registry.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
