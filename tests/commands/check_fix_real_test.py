"""Issue 12: `check --fix` proved on real builds. The same Dockerfile is built by buildah before
and after its fixes, both images are pushed to the loopback registry, and an independent walk of
the layer tars the registry serves shows that the final filesystems are identical (paths,
contents, modes, owners, symlinks) but for the caches the fixes remove, and that the fixed image
is smaller by the bytes `check --registry` measured for the findings it fixed.

Package managers do not run on busybox, so the first RUN writes scripts named apt-get, pip and
apk that do what the real ones leave behind (an index, a wheel cache, an APKINDEX), and pip
honours --no-cache-dir as the real one does.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import posixpath
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
import requests

BIN = Path(sys.executable).parent

FILES: dict[str, bytes | str] = {
    "app/data.bin": b"d" * 300_000,
    "app/lib/util.sh": "#!/bin/sh\necho util\n",
    "run.sh": "#!/bin/sh\necho run\n",
}
APT_GET = (
    "#!/bin/sh\\nmkdir -p /var/lib/apt/lists\\n"
    "dd if=/dev/zero of=/var/lib/apt/lists/main_Packages bs=1000 count=2000 2>/dev/null\\n"
)
PIP = (
    "#!/bin/sh\\nmkdir -p /usr/local/lib/py\\necho flask > /usr/local/lib/py/flask.py\\n"
    "case $* in *--no-cache-dir*) exit 0;; esac\\n"
    "mkdir -p /root/.cache/pip\\n"
    "dd if=/dev/zero of=/root/.cache/pip/flask.whl bs=1000 count=1500 2>/dev/null\\n"
)
APK = (
    "#!/bin/sh\\nmkdir -p /var/cache/apk /etc/apk\\necho curl >> /etc/apk/world\\n"
    "dd if=/dev/zero of=/var/cache/apk/APKINDEX.tar.gz bs=1000 count=700 2>/dev/null\\n"
)
TOOLS = (
    "RUN busybox mkdir -p /usr/local/bin"
    " && busybox ln -s /bin/busybox /bin/chown && busybox ln -s /bin/busybox /bin/chmod"
    f" && busybox printf '{APT_GET}' > /usr/local/bin/apt-get"
    f" && busybox printf '{PIP}' > /usr/local/bin/pip"
    f" && busybox printf '{APK}' > /usr/local/bin/apk"
    " && busybox chmod 755 /usr/local/bin/apt-get /usr/local/bin/pip /usr/local/bin/apk\n"
)
DOCKERFILE = (
    "FROM localhost/base:1\n" + TOOLS + "COPY app/ /app/\n"
    "# owned by the app user\n"
    "RUN chown -R 1000:1000 /app\n"
    "COPY run.sh /usr/local/bin/\n"
    "RUN chmod 755 /usr/local/bin/run.sh\n"
    "RUN apt-get update \\\n"
    "    && echo installed > /installed.txt\n"
    "RUN pip install flask\n"
    "RUN apk add curl\n"
    "RUN mkdir -p /srv/www\n"
    "COPY run.sh /srv/www/\n"
    "RUN chown -R 1000:1000 /srv/www\n"
)
FIXED = (
    "FROM localhost/base:1\n" + TOOLS + "COPY --chown=1000:1000 app/ /app/\n"
    "# owned by the app user\n"
    "COPY --chmod=755 run.sh /usr/local/bin/\n"
    "RUN apt-get update \\\n"
    "    && echo installed > /installed.txt \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n"
    "RUN pip install --no-cache-dir flask\n"
    "RUN apk add curl && rm -rf /var/cache/apk/*\n"
    "RUN mkdir -p /srv/www\n"
    "COPY --chown=1000:1000 run.sh /srv/www/\n"
    "RUN chown 1000:1000 /srv/www\n"  # an earlier layer made it: COPY --chown leaves its owner
)
# What the fixes take out of the image: the caches, and the directories only they made.
CACHES = ("/var/lib/apt/lists/", "/root/.cache", "/var/cache/apk/")
FIXED_FINDINGS = [
    *((5, "LG004"), (7, "LG004"), (8, "LG005"), (10, "LG005"), (11, "LG005"), (14, "LG004"))
]


def _write(directory: Path, dockerfile: str) -> None:
    for name, content in FILES.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_bytes(content.encode() if isinstance(content, str) else content)
    (directory / "Dockerfile").write_text(dockerfile)


def _layguard(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "layerguard"), "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(cwd), "XDG_CACHE_HOME": str(cwd / ".cache")},
        timeout=300,
        check=False,
    )


def _layer_tars(ref: str) -> list[bytes]:
    """Each layer of `ref` as an uncompressed tar, bottom first, from the registry's answers."""
    host, rest = ref.split("/", 1)
    repository, tag = rest.rsplit(":", 1)
    accept = (
        "application/vnd.oci.image.manifest.v1+json, "
        "application/vnd.docker.distribution.manifest.v2+json"
    )
    manifest = requests.get(
        f"http://{host}/v2/{repository}/manifests/{tag}", headers={"Accept": accept}, timeout=30
    ).json()
    out = []
    for layer in manifest["layers"]:
        blob = requests.get(f"http://{host}/v2/{repository}/blobs/{layer['digest']}", timeout=60)
        data = blob.content
        out.append(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    return out


def _filesystem(tars: list[bytes]) -> dict[str, tuple[Any, ...]]:
    """The final filesystem: path -> (type, mode, uid, gid, size, sha256, link target), layers
    applied in order with their whiteouts and opaque markers."""
    state: dict[str, tuple[Any, ...]] = {}
    for data in tars:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
            members = [(m, tar.extractfile(m) if m.isfile() else None) for m in tar]
            entries = []
            for member, handle in members:
                path = posixpath.normpath("/" + member.name)
                parent, name = posixpath.split(path)
                if name == ".wh..wh..opq":
                    state = {p: v for p, v in state.items() if not p.startswith(parent + "/")}
                elif name.startswith(".wh."):
                    gone = posixpath.join(parent, name[4:])
                    state = {
                        p: v for p, v in state.items() if p != gone and not p.startswith(gone + "/")
                    }
                else:
                    digest = hashlib.sha256(handle.read()).hexdigest() if handle else ""
                    kind = member.type.decode()
                    link = member.linkname if member.issym() or member.islnk() else ""
                    entries.append((path, (kind, member.mode, member.uid, member.gid,
                                           member.size, digest, link)))  # fmt: skip
            state.update(entries)
    return state


def _file_bytes(tars: list[bytes]) -> int:
    total = 0
    for data in tars:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
            total += sum(m.size for m in tar if m.isfile())
    return total


@pytest.fixture(scope="module")
def images(registry: Any, buildah_images: Any) -> tuple[str, str, str]:
    """(the base in the registry, the image before the fixes, the image after)."""
    base = f"{registry.host}/fix/base:1"
    buildah_images.push(buildah_images.base(), base)
    out = []
    for name, dockerfile in (("before", DOCKERFILE), ("after", FIXED)):
        buildah_images.build(f"localhost/fix/{name}:1", dockerfile, FILES)
        ref = f"{registry.host}/fix/{name}:1"
        buildah_images.push(f"localhost/fix/{name}:1", ref)
        out.append(ref)
    return base, out[0], out[1]


def test_fixed_image_is_the_same_but_smaller_by_what_was_measured(
    images: tuple[str, str, str], tmp_path: Path
) -> None:
    base, before, after = images
    # What check --fix writes is the Dockerfile built as the "after" image.
    _write(tmp_path, DOCKERFILE)
    fixing = _layguard(tmp_path, "--fix", "Dockerfile")
    assert fixing.stderr == "layerguard: fixed 6 problems in 1 file\n"
    assert (tmp_path / "Dockerfile").read_text() == FIXED
    assert fixing.returncode == 0, fixing.stdout

    # What the findings measured on the image built before the fixes.
    measured_dir = tmp_path / "measured"
    measured_dir.mkdir()
    _write(measured_dir, DOCKERFILE.replace("localhost/base:1", base))
    result = _layguard(
        measured_dir, "--registry", "--image", before, "--format", "json", "Dockerfile"
    )
    assert result.returncode == 1, result.stderr
    found = {(v["line"], v["rule"]): v for v in json.loads(result.stdout)["violations"]}
    assert sorted(k for k in found if k[1] in ("LG004", "LG005")) == FIXED_FINDINGS
    measured = sum(found[key]["measured"]["bytes"] for key in FIXED_FINDINGS)
    # The copied-up app tree and run.sh, the apt index, the pip wheel, the APKINDEX.
    copied_up = sum(len(c) for c in FILES.values()) + len(FILES["run.sh"])
    assert measured == copied_up + 2_000_000 + 1_500_000 + 700_000

    old, new = _layer_tars(before), _layer_tars(after)
    old_fs, new_fs = _filesystem(old), _filesystem(new)
    removed = set(old_fs) - set(new_fs)
    assert set(new_fs) - set(old_fs) == set()
    assert removed == {
        "/var/lib/apt/lists/main_Packages",
        "/root",  # the busybox base has no /root: the pip cache made it
        "/root/.cache",
        "/root/.cache/pip",
        "/root/.cache/pip/flask.whl",
        "/var/cache/apk/APKINDEX.tar.gz",
    }
    assert all(p.startswith(CACHES) or p == "/root" for p in removed)
    changed = {p: (old_fs[p], new_fs[p]) for p in new_fs if old_fs[p] != new_fs[p]}
    assert changed == {}
    assert new_fs["/app/data.bin"][2:4] == (1000, 1000)
    assert new_fs["/app"][2:4] == (1000, 1000)
    assert new_fs["/usr/local/bin/run.sh"][1] & 0o7777 == 0o755
    assert new_fs["/srv/www"][2:4] == new_fs["/srv/www/run.sh"][2:4] == (1000, 1000)

    # Smaller by exactly the file bytes measured, and by about as much in the layer tars.
    assert _file_bytes(old) - _file_bytes(new) == measured
    saved = sum(len(t) for t in old) - sum(len(t) for t in new)
    slack = 1536 * len(removed) + 10240 * (len(old) - len(new) + len(FIXED_FINDINGS))
    assert measured <= saved <= measured + slack, (saved, measured)

    # The fixed file reports none of the fixed findings, statically or measured.
    again = _layguard(tmp_path, "--format", "json", "Dockerfile")
    assert json.loads(again.stdout)["violations"] == []
    fixed_dir = tmp_path / "fixed-measured"
    fixed_dir.mkdir()
    _write(fixed_dir, FIXED.replace("localhost/base:1", base))
    remeasured = _layguard(
        fixed_dir, "--registry", "--image", after, "--format", "json", "Dockerfile"
    )
    assert [v["rule"] for v in json.loads(remeasured.stdout)["violations"]] == []
