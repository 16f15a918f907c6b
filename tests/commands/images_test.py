"""`layerguard compare` and `inspect` against a real registry holding real buildah images.

Every figure is checked against what the registry API itself reports, fetched here with plain
requests and decompressed with the standard library: no layerguard code in the expectation.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
import requests

ACCEPT = (
    "application/vnd.oci.image.manifest.v1+json, "
    "application/vnd.docker.distribution.manifest.v2+json"
)


def layerguard(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "layerguard", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
        check=False,
    )


def manifest(ref: str) -> dict[str, Any]:
    host, rest = ref.split("/", 1)
    repo, tag = rest.rsplit(":", 1)
    response = requests.get(
        f"http://{host}/v2/{repo}/manifests/{tag}", headers={"Accept": ACCEPT}, timeout=30
    )
    response.raise_for_status()
    return response.json()  # type: ignore[no-any-return]


def blob(ref: str, digest: str) -> bytes:
    host, rest = ref.split("/", 1)
    repo = rest.rsplit(":", 1)[0]
    response = requests.get(f"http://{host}/v2/{repo}/blobs/{digest}", timeout=60)
    response.raise_for_status()
    return response.content


def registry_figures(refs: list[str]) -> list[dict[str, int]]:
    """The compare columns computed from raw registry answers."""
    out = []
    seen_layers: set[str] = set()
    seen_blobs: set[str] = set()
    for ref in refs:
        m = manifest(ref)
        layers = {d["digest"]: d["size"] for d in m["layers"]}
        blobs = {**layers, m["config"]["digest"]: m["config"]["size"]}
        tars = [gzip.decompress(blob(ref, digest)) for digest in layers]
        out.append(
            {
                "layer_count": len(m["layers"]),
                "compressed_size": sum(layers.values()),
                "download_uncached": sum(layers.values()),
                "download_cached": sum(s for d, s in layers.items() if d not in seen_layers),
                "registry_new_bytes": sum(s for d, s in blobs.items() if d not in seen_blobs),
                "uncompressed_size": sum(len(t) for t in tars),
                "wasted_bytes": wasted(tars),
            }
        )
        seen_layers.update(layers)
        seen_blobs.update(blobs)
    return out


def wasted(tars: list[bytes]) -> int:
    """Bytes of regular-file versions hidden in the final filesystem (simple overlay replay)."""
    versions: dict[str, list[int]] = {}
    for data in tars:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            for member in tar.getmembers():
                path = "/" + member.name.removeprefix("./").lstrip("/")
                directory, _, base = path.rpartition("/")
                if base.startswith(".wh."):
                    gone = f"{directory}/{base[4:]}"
                    for key in [k for k in versions if k == gone or k.startswith(gone + "/")]:
                        versions[key].append(-1)
                elif member.isfile():
                    versions.setdefault(path, []).append(member.size)
    total = 0
    for sizes in versions.values():
        hidden = sizes if sizes[-1] == -1 else sizes[:-1]
        total += sum(s for s in hidden if s > 0)
    return total


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_compare_reproduces_the_seed_tables(seeds: Any, cache: Path) -> None:
    chained = layerguard("compare", "--deep", "--format", "json", *seeds.chained, cache=cache)
    assert chained.returncode == 0, chained.stderr
    based = layerguard("compare", "--deep", "--format", "json", *seeds.based, cache=cache)
    assert based.returncode == 0, based.stderr
    rows = json.loads(chained.stdout)["images"]
    base_rows = json.loads(based.stdout)["images"]
    assert [r["layer_count"] for r in rows] == [2, 3, 4, 5]
    assert [r["layer_count"] for r in base_rows] == [2, 2, 2, 2]

    sizes = seeds.test_sizes
    # random bytes do not compress: a layer is its files plus about 1% of tar and gzip framing
    for row, size in zip(rows[1:3], sizes[1:3], strict=True):  # about the size of test.txt
        assert size < row["download_cached"] < size * 1.01
    assert rows[3]["download_cached"] < 1000  # the whiteout layer: about 100 bytes
    for row, size in zip(base_rows[1:3], sizes[1:3], strict=True):  # packages/ every time
        assert (
            seeds.packages_size + size
            < row["download_cached"]
            < (seeds.packages_size + size) * 1.01
        )
    assert seeds.packages_size < base_rows[3]["download_cached"] < seeds.packages_size * 1.01
    assert rows[3]["compressed_size"] >= rows[2]["compressed_size"]
    assert rows[3]["wasted_bytes"] == sum(sizes)
    assert {w["path"] for w in rows[3]["wasted"]} == {"/test.txt"}
    assert sorted(w["bytes"] for w in rows[3]["wasted"]) == sorted(sizes)

    keys = [
        "layer_count",
        "compressed_size",
        "download_uncached",
        "download_cached",
        "registry_new_bytes",
        "uncompressed_size",
        "wasted_bytes",
    ]
    assert [{k: r[k] for k in keys} for r in rows] == registry_figures(seeds.chained)
    assert [{k: r[k] for k in keys} for r in base_rows] == registry_figures(seeds.based)


def test_compare_text_table(seeds: Any, cache: Path) -> None:
    result = layerguard("compare", *seeds.chained, cache=cache)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["IMAGE", "LAYERS", "SIZE"]
    assert [line.split()[1] for line in lines[1:5]] == ["2", "3", "4", "5"]
    assert lines[1].split()[0].endswith("/app:0.0.1")


def test_inspect_history_and_base(seeds: Any, cache: Path) -> None:
    result = layerguard("inspect", "--deep", "--format", "json", seeds.chained[3], cache=cache)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    m = manifest(seeds.chained[3])
    assert [layer["digest"] for layer in record["layers"]] == [d["digest"] for d in m["layers"]]
    made = [step for step in record["history"] if not step["empty_layer"]]
    assert len(made) == 5
    assert "rm -rf test.txt" in made[-1]["created_by"]
    assert made[-1]["virtual_size"] == sum(d["size"] for d in m["layers"])
    assert record["base"]["name"].endswith("app:0.0.3")
    text = layerguard("inspect", seeds.chained[3], cache=cache)
    assert text.returncode == 0 and "rm -rf test.txt" in text.stdout


def test_second_deep_run_reads_no_layer(seeds: Any, cache: Path) -> None:
    first = layerguard("compare", "--deep", *seeds.chained, cache=cache)
    assert first.returncode == 0
    layers = cache / "layerguard" / "layers"
    stamp = {p: p.stat().st_mtime_ns for p in layers.rglob("*") if p.is_file()}
    assert stamp
    second = layerguard("compare", "--deep", *seeds.chained, cache=cache)
    assert second.returncode == 0 and second.stdout == first.stdout
    assert {p: p.stat().st_mtime_ns for p in layers.rglob("*") if p.is_file()} == stamp


def test_missing_image_is_one_line_exit_2(seeds: Any, cache: Path) -> None:
    result = layerguard("inspect", f"{seeds.host}/nope:1", cache=cache)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and seeds.host in result.stderr


def test_unreadable_layer_is_one_line_exit_2(registry: Any, cache: Path, tmp_path: Path) -> None:
    from realregistry import upload_image

    garbage = b"\x1f\x8b" + bytes(range(256)) * 4  # gzip magic, then nonsense
    upload_image(
        registry.url, "hostile/bad", "1", [(garbage, "application/vnd.oci.image.layer.v1.tar+gzip")]
    )
    ref = f"{registry.host}/hostile/bad:1"
    result = layerguard("compare", "--deep", ref, cache=cache)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "hostile/bad:1" in result.stderr
    assert "Traceback" not in result.stderr
    (tmp_path / "Dockerfile").write_text(f"FROM {ref}\nRUN rm -rf /usr/share/doc\n")
    soft = subprocess.run(
        [sys.executable, "-m", "layerguard", "check", "--registry=optional", "Dockerfile"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
    )
    assert soft.returncode == 1 and "LG003" in soft.stdout and "not measured" in soft.stderr


def test_unwritable_cache_still_works(seeds: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    result = layerguard("compare", "--deep", seeds.chained[0], cache=blocker)
    assert result.returncode == 0, result.stderr
