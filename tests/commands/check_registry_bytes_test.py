"""Issue 11: every static finding on a built image carries the bytes that image's own layers
show, checked against an independent walk of the layer tars the registry serves.

The image is built by buildah from a busybox base and pushed to the loopback registry. Package
managers do not run on busybox, so the RUNs that stand for `apt-get update` and `pip install`
define shell functions of those names that write what the real ones leave (an index under
/var/lib/apt/lists, a wheel in ~/.cache/pip): what layerguard reads is the Dockerfile's text
and the layers' bytes, both real.
"""

from __future__ import annotations

import io
import json
import os
import posixpath
import re
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
import requests

BIN = Path(sys.executable).parent

FILES: dict[str, bytes | str] = {
    "big.bin": b"b" * 5_000_000,
    "app/data.bin": b"d" * 3_000_000,
    "app/run.sh": "#!/bin/sh\necho hi\n",
}
APT_GET = (
    "#!/bin/sh\\nmkdir -p /var/lib/apt/lists\\n"
    "dd if=/dev/zero of=/var/lib/apt/lists/main_Packages bs=1000 count=2000 2>/dev/null\\n"
)
PIP = (
    "#!/bin/sh\\nmkdir -p /root/.cache/pip\\n"
    "dd if=/dev/zero of=/root/.cache/pip/flask.whl bs=1000 count=1500 2>/dev/null\\n"
)
DOCKERFILE = f"""FROM localhost/base:1
RUN mkdir -p /usr/local/bin && busybox printf '{APT_GET}' > /usr/local/bin/apt-get && busybox printf '{PIP}' > /usr/local/bin/pip && busybox chmod +x /usr/local/bin/apt-get /usr/local/bin/pip
COPY big.bin /tmp/big.bin
COPY app/ /app/
RUN rm /tmp/big.bin
RUN busybox chown -R 1000 /app
RUN apt-get update
RUN rm -rf /var/lib/apt/lists/*
RUN pip install flask
COPY bundle.tar /opt/
RUN cd /opt && busybox tar -xf bundle.tar
"""  # noqa: E501  (a RUN line is a RUN line)


def _bundle() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        payload = b"p" * 400_000
        info = tarfile.TarInfo("payload.bin")
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def built(registry: Any, buildah_images: Any) -> tuple[str, str]:
    """(the base as the registry holds it, the image built on it)."""
    files = {**FILES, "bundle.tar": _bundle()}
    base = f"{registry.host}/bytes/base:1"
    buildah_images.push(buildah_images.base(), base)
    buildah_images.build("localhost/bytes/app:1", DOCKERFILE, files)
    ref = f"{registry.host}/bytes/app:1"
    buildah_images.push("localhost/bytes/app:1", ref)
    return base, ref


def _layers(ref: str) -> list[list[tarfile.TarInfo]]:
    """Each layer's tar members, bottom first, from the registry's raw answers."""
    host, rest = ref.split("/", 1)
    repository, tag = rest.rsplit(":", 1)
    accept = ", ".join(
        (
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
        )
    )
    manifest = requests.get(
        f"http://{host}/v2/{repository}/manifests/{tag}", headers={"Accept": accept}, timeout=30
    ).json()
    out = []
    for layer in manifest["layers"]:
        blob = requests.get(f"http://{host}/v2/{repository}/blobs/{layer['digest']}", timeout=60)
        with tarfile.open(fileobj=io.BytesIO(blob.content), mode="r:*") as tar:
            out.append(tar.getmembers())
    return out


def _path(member: tarfile.TarInfo) -> str:
    return posixpath.normpath("/" + member.name)


def _visible(layers: list[list[tarfile.TarInfo]]) -> dict[str, int]:
    """Regular files and sizes after applying `layers` (whiteouts hide lower layers only)."""
    files: dict[str, int] = {}
    for members in layers:
        for member in members:
            parent, name = posixpath.split(_path(member))
            if name.startswith(".wh."):
                gone = posixpath.join(parent, name[4:])
                files = {
                    p: s for p, s in files.items() if p != gone and not p.startswith(gone + "/")
                }
        for member in members:
            path = _path(member)
            if not posixpath.basename(path).startswith(".wh."):
                if member.isfile():
                    files[path] = member.size
                else:
                    files.pop(path, None)
    return files


def _figures(layers: list[list[tarfile.TarInfo]], index: int) -> dict[str, dict[str, int]]:
    """What layer `index` hides, replaces, caches and holds as archives, walked here."""
    below = _visible(layers[:index])
    members = layers[index]
    hidden = {}
    for member in members:
        parent, name = posixpath.split(_path(member))
        if name.startswith(".wh."):
            gone = posixpath.join(parent, name[4:])
            hidden.update({p: s for p, s in below.items() if p == gone or p.startswith(gone + "/")})
    files = {_path(m): m.size for m in members if m.isfile() and m.size}
    replaced = {p: below[p] for p in files if below.get(p)}
    cache = {
        p: s for p, s in files.items() if p.startswith(("/var/lib/apt/lists/", "/root/.cache/pip/"))
    }
    archives = {p: s for p, s in files.items() if p.endswith(".tar")}

    def figure(found: dict[str, int]) -> dict[str, int]:
        return {"paths": len(found), "bytes": sum(found.values())}

    return {
        "hidden": figure(hidden),
        "replaced": figure(replaced),
        "cache": figure(cache),
        "archives": figure(archives),
    }


def test_each_finding_carries_the_bytes_its_layer_holds(
    built: tuple[str, str], tmp_path: Path
) -> None:
    base, image = built
    for name, content in {**FILES, "bundle.tar": _bundle()}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        data = content.encode() if isinstance(content, str) else content
        (tmp_path / name).write_bytes(data)
    (tmp_path / "Dockerfile").write_text(DOCKERFILE.replace("localhost/base:1", base))
    result = subprocess.run(
        [str(BIN / "layerguard"), "check", "--registry", "--image", image, "--format", "json",
         "Dockerfile"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / ".cache")},
        timeout=300,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    found = {(v["line"], v["rule"]): v for v in json.loads(result.stdout)["violations"]}
    layers = _layers(image)
    top = len(layers) - 1  # the 10 layer-making instructions (lines 2-11) made the top 10 layers
    layer_of = {line: top - (11 - line) for line in range(2, 12)}
    expected = {
        (5, "LG003"): ("hidden", {"paths": 1, "bytes": 5_000_000}),
        (6, "LG004"): ("replaced", {"paths": 2, "bytes": 3_000_000 + len(FILES["app/run.sh"])}),
        (7, "LG005"): ("cache", {"paths": 1, "bytes": 2_000_000}),
        (8, "LG003"): ("hidden", {"paths": 1, "bytes": 2_000_000}),
        (9, "LG005"): ("cache", {"paths": 1, "bytes": 1_500_000}),
        (10, "LG006"): ("archives", {"paths": 1, "bytes": len(_bundle())}),
    }
    assert sorted(k for k in found if k[1] != "LG001") == sorted(expected)
    for (line, rule), (kind, figure) in expected.items():
        walked = _figures(layers, layer_of[line])[kind]
        assert walked == figure, (line, rule, walked)  # the test's own walk agrees with the build
        measured = found[(line, rule)]["measured"]
        assert measured == {**figure, "layer": layer_of[line]}, (line, rule)
    # The static estimate of the same finding, from the build context, agrees where it exists.
    assert found[(5, "LG003")]["estimated"] == {"paths": 1, "bytes": 5_000_000}


def test_compare_deep_reclaims_caches_and_unpacked_archives(built: tuple[str, str]) -> None:
    _, image = built
    result = subprocess.run(
        [str(BIN / "layerguard"), "compare", "--deep", "--format", "json", image],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)["images"]
    layers = _layers(image)
    figures = [_figures(layers, i) for i in range(len(layers))]
    hidden = sum(f["hidden"]["bytes"] + f["replaced"]["bytes"] for f in figures)
    visible = _visible(layers)
    caches = {p: s for p, s in visible.items() if p.startswith("/root/.cache/pip/")}
    assert caches == {"/root/.cache/pip/flask.whl": 1_500_000}
    archive = visible["/opt/bundle.tar"]
    assert record["wasted_bytes"] == hidden == 5_000_000 + 3_000_018 + 2_000_000
    assert record["reclaimable_bytes"] == hidden + 1_500_000 + archive
    reasons = {(w["path"], w["reason"], w["bytes"]) for w in record["wasted"]}
    assert ("/root/.cache/pip/flask.whl", "cache", 1_500_000) in reasons
    assert ("/opt/bundle.tar", "archive", archive) in reasons
    assert ("/tmp/big.bin", "deleted", 5_000_000) in reasons
    assert {w["reason"] for w in record["wasted"]} == {"deleted", "overwritten", "cache", "archive"}


def test_check_draws_the_built_image_beside_its_findings(
    built: tuple[str, str], tmp_path: Path
) -> None:
    """Issue 15: `check --registry --format html` draws the built image's layers, as compare
    does, with the findings and their measured bytes on the same page; a real browser loads it."""
    import chromium

    base, image = built
    (tmp_path / "Dockerfile").write_text(DOCKERFILE.replace("localhost/base:1", base))
    page = tmp_path / "report.html"
    result = subprocess.run(
        [str(BIN / "layerguard"), "check", "--registry", "--image", image, "--format", "html",
         "--output", str(page), "Dockerfile"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / ".cache")},
        timeout=300,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    rendered = chromium.render(page, tmp_path / "browser")
    dom = rendered.dom
    # One column (in each of the two charts, uncompressed and compressed): the built image.
    assert set(re.findall(r'data-image="([^"]+)"', dom)) == {image}
    assert set(re.findall(r'data-layers="(\d+)"', dom)) == {str(len(_layers(image)))}
    rows = re.findall(r"<tr class=\"?(\w+)\"? data-rule=\"?(LG\d+)\"? data-line=\"?(\d+)", dom)
    assert sorted((rule, int(line)) for _, rule, line in rows) == sorted(
        [("LG003", 5), ("LG004", 6), ("LG005", 7), ("LG003", 8), ("LG005", 9), ("LG006", 10)]
    )
    assert "4.77MB (measured)" not in dom and "5MB (measured), layer #" in dom  # LG003, line 5
    marked = re.findall(r'data-layer="?(\d+)"? data-findings="([^"]+)"', dom)
    assert "LG006 at line 10" in dict(marked).get(str(len(_layers(image)) - 2), ""), marked
    # Readable without hovering: the codes beside their blocks, once per chart (two charts).
    beside = re.findall(r"\u25c0 (LG\d+(?: LG\d+)*)</text>", dom)
    assert sorted(beside) == sorted(["LG003", "LG004", "LG005", "LG003", "LG005", "LG006"] * 2)
    assert rendered.png.width == 1400


def test_the_json_report_carries_the_images_the_summary_charts(
    built: tuple[str, str], tmp_path: Path
) -> None:
    """As the Action runs it: one JSON analysis, the job summary rendered from it, with a bar
    of each built image's reclaimable share, the same figures as compare --deep."""
    base, image = built
    (tmp_path / "Dockerfile").write_text(DOCKERFILE.replace("localhost/base:1", base))
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / ".cache")}
    report = tmp_path / "report.json"
    subprocess.run(
        [str(BIN / "layerguard"), "check", "--registry", "--image", image, "--format", "json",
         "--output", str(report), "Dockerfile"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    (record,) = json.loads(report.read_text())["images"]
    compared = subprocess.run(
        [str(BIN / "layerguard"), "compare", "--deep", "--format", "json", image],
        env=env, capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    (row,) = json.loads(compared.stdout)["images"]
    assert record["reclaimable_bytes"] == row["reclaimable_bytes"]
    summary = subprocess.run(
        [sys.executable, "-m", "layerguard.formatters", "markdown", str(report)],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    share = row["reclaimable_bytes"] / row["uncompressed_size"]
    (chart,) = [line for line in summary.splitlines() if line.startswith("| `app:1` |")]
    assert f"({share:.0%})" in chart and "█" * round(share * 20) in chart


# uv (on Linux) and pnpm link each file they install to the copy in their cache: in one layer
# the data is stored once, so the cache costs its own metadata, not a second copy of the
# packages. /root sorts before /usr in the layer tar, so the cache's path carries the bytes.
UV = (
    "#!/bin/sh\\nbusybox mkdir -p /root/.cache/uv/archive-v0/x /root/.cache/uv/simple-v16 "
    "/usr/lib/python3/site-packages\\n"
    "busybox dd if=/dev/zero of=/root/.cache/uv/archive-v0/x/numpy.so bs=1000 count=2000 "
    "2>/dev/null\\n"
    "busybox ln /root/.cache/uv/archive-v0/x/numpy.so /usr/lib/python3/site-packages/numpy.so\\n"
    "busybox dd if=/dev/zero of=/root/.cache/uv/simple-v16/numpy.rkyv bs=1000 count=100 "
    "2>/dev/null\\n"
)
LINKED = f"""FROM localhost/base:1
RUN busybox mkdir -p /usr/local/bin && busybox printf '{UV}' > /usr/local/bin/uv && busybox chmod +x /usr/local/bin/uv
RUN uv pip install --system numpy
"""  # noqa: E501


def test_a_cache_linked_into_what_it_installed_weighs_its_own_bytes(
    registry: Any, buildah_images: Any, tmp_path: Path
) -> None:
    base = f"{registry.host}/bytes/base:1"
    buildah_images.push(buildah_images.base(), base)
    buildah_images.build("localhost/bytes/linked:1", LINKED)
    image = f"{registry.host}/bytes/linked:1"
    buildah_images.push("localhost/bytes/linked:1", image)
    members = _layers(image)[-1]
    links = [m for m in members if m.islnk()]
    assert [_path(m) for m in links] == ["/usr/lib/python3/site-packages/numpy.so"]  # one copy
    (tmp_path / "Dockerfile").write_text(LINKED.replace("localhost/base:1", base))
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / ".cache")}
    check = subprocess.run(
        [str(BIN / "layerguard"), "check", "--registry", "--image", image, "--format", "json",
         "Dockerfile"],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    found = {(v["line"], v["rule"]): v for v in json.loads(check.stdout)["violations"]}
    assert found[(3, "LG005")]["measured"]["bytes"] == 100_000, check.stderr  # the index alone
    compare = subprocess.run(
        [str(BIN / "layerguard"), "compare", "--deep", "--format", "json", image],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    (record,) = json.loads(compare.stdout)["images"]
    cached = {w["path"]: w["bytes"] for w in record["wasted"] if w["reason"] == "cache"}
    assert cached == {"/root/.cache/uv/simple-v16/numpy.rkyv": 100_000}
