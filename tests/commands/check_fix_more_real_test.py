"""Issue 12, the LG003 and LG006 fixes proved on real builds, one pattern at a time: buildah builds
the Dockerfile before and after `check --fix`, both images go to the loopback registry, and an
independent walk of the layer tars the registry serves shows that the final filesystems are the
same (paths, contents, modes, owners, symlinks), that the fixed image is smaller by the bytes
`check --registry` measured for the finding, and that the fixed file has none of those findings.

(The fixed file is built first: buildah 1.28 fails to mount `from=` a stage whose layers come
from its cache, "couldn't find ... on host to bind mount", and the stage is the same in both.)

One difference is allowed, and only where a fix put a bind mount: buildah before 1.41 leaves the
mount's target behind as an empty file or directory (containers/buildah#4242, fixed by #6233);
BuildKit removes it (moby/buildkit executor/stubs.go). The test checks that nothing else differs.
`benchmarks/fix_savings.py` builds the same CASES and writes the figures to RESULTS.md.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from check_fix_real_test import _file_bytes, _filesystem, _layer_tars, _layguard


def _noise(size: int, seed: str) -> bytes:
    """Bytes that do not compress, the same in every run."""
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def _tar() -> bytes:
    """A gzipped tar as `tar -czf` run as root makes one: root's entries, a directory of mode
    750, an executable, a private file and a symlink."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data, mode in (
            ("pkg/", None, 0o750),
            ("pkg/bin.sh", b"#!/bin/sh\necho pkg\n", 0o755),
            ("pkg/data", _noise(400_000, "tar"), 0o600),
        ):
            info = tarfile.TarInfo(name)
            info.mode, info.mtime, info.uname, info.gname = mode, 1_700_000_000, "root", "root"
            if data is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("pkg/run")
        link.type, link.linkname, link.mtime = tarfile.SYMTYPE, "bin.sh", 1_700_000_000
        tar.addfile(link)
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(
            zipfile.ZipInfo("app/app.jar", (2023, 11, 14, 22, 13, 20)), _noise(300_000, "zip")
        )
    return buffer.getvalue()


FILES: dict[str, bytes | str] = {
    "data.bin": _noise(250_000, "data"),
    "src/a.txt": "a" * 1000,
    "src/b.txt": _noise(200_000, "src"),
    "pkg.tar.gz": _tar(),
    "app.zip": _zip(),
}
# busybox has the applets; the names the Dockerfiles use are links made here, as an image has them.
TOOLS = (
    "RUN busybox mkdir -p /tmp /opt"
    " && busybox ln -s /bin/busybox /bin/tar && busybox ln -s /bin/busybox /bin/unzip"
    " && busybox ln -s /bin/busybox /bin/sha256sum\n"
)


class Case(NamedTuple):
    """A Dockerfile, what `check --fix` makes of it, and the finding (line, rule) whose
    measured bytes the fix saves; `also` lists findings the same fix resolves."""

    name: str
    before: str
    after: str
    finding: tuple[int, str]
    also: tuple[tuple[int, str], ...] = ()


HEAD = "FROM localhost/base:1\n" + TOOLS
CASES = [
    Case(
        "copy-file-bind-mount",
        HEAD + "COPY data.bin /tmp/data.bin\n"
        "RUN head -c 1000 /tmp/data.bin > /opt/head.bin && rm /tmp/data.bin\n",
        HEAD + "RUN --mount=type=bind,source=data.bin,target=/tmp/data.bin "
        "head -c 1000 /tmp/data.bin > /opt/head.bin\n",
        (4, "LG003"),
    ),
    Case(
        "copy-directory-bind-mount",
        HEAD + "COPY src/ /src/\nRUN cd /src && cat a.txt b.txt > /opt/merged.txt && rm -rf /src\n",
        HEAD + "RUN --mount=type=bind,source=src,target=/src cd /src "
        "&& cat a.txt b.txt > /opt/merged.txt\n",
        (4, "LG003"),
    ),
    Case(
        "copy-from-stage-bind-mount",
        "FROM localhost/base:1 AS build\n"
        "RUN busybox mkdir -p /out && head -c 200000 /dev/zero > /out/blob\n"
        + HEAD
        + "COPY --from=build /out /tmp/out\n"
        "RUN head -c 10 /tmp/out/blob > /opt/b10 && rm -rf /tmp/out\n",
        "FROM localhost/base:1 AS build\n"
        "RUN busybox mkdir -p /out && head -c 200000 /dev/zero > /out/blob\n"
        + HEAD
        + "RUN --mount=type=bind,from=build,source=/out,target=/tmp/out "
        "head -c 10 /tmp/out/blob > /opt/b10\n",
        (6, "LG003"),
    ),
    Case(
        "removal-moved-into-the-creating-run",
        HEAD + "RUN head -c 1500000 /dev/zero > /tmp/big.bin && sha256sum /tmp/big.bin > /opt/sum\n"
        "ENV STAGE=2\n"
        "RUN echo done > /opt/done.txt && rm -f /tmp/big.bin\n",
        HEAD + "RUN head -c 1500000 /dev/zero > /tmp/big.bin && sha256sum /tmp/big.bin > /opt/sum "
        "&& rm -f /tmp/big.bin\n"
        "ENV STAGE=2\n"
        "RUN echo done > /opt/done.txt\n",
        (5, "LG003"),
    ),
    Case(
        "tar-to-add",
        HEAD
        + "COPY pkg.tar.gz /tmp/\nRUN tar -xzf /tmp/pkg.tar.gz -C /opt && rm /tmp/pkg.tar.gz\n",
        HEAD + "ADD pkg.tar.gz /opt/\n",
        (3, "LG006"),
        ((4, "LG003"),),
    ),
    Case(
        "zip-bind-mount",
        HEAD + "COPY app.zip /tmp/app.zip\n"
        "RUN unzip -q /tmp/app.zip -d /opt/z && rm /tmp/app.zip\n",
        HEAD + "RUN --mount=type=bind,source=app.zip,target=/tmp/app.zip "
        "unzip -q /tmp/app.zip -d /opt/z\n",
        (3, "LG006"),
        ((4, "LG003"),),
    ),
]


def mount_targets(dockerfile: str) -> set[str]:
    """Where the fixed file bind-mounts something."""
    return set(re.findall(r"--mount=type=bind,[^ ]*target=([^, ]+)", dockerfile))


def write_context(directory: Path, dockerfile: str) -> None:
    for name, content in FILES.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_bytes(content.encode() if isinstance(content, str) else content)
    (directory / "Dockerfile").write_text(dockerfile)


def stub_differences(
    old: dict[str, tuple[Any, ...]], new: dict[str, tuple[Any, ...]], targets: set[str]
) -> tuple[set[str], set[str], dict[str, Any]]:
    """(paths only the old image has, paths only the new one has that are not empty mount
    stubs, paths whose entry differs)."""
    extra = {
        p
        for p in set(new) - set(old)
        if not (
            p in targets and new[p][0] in ("0", "5") and new[p][4] == 0 and new[p][2:4] == (0, 0)
        )
    }
    changed = {p: (old[p], new[p]) for p in set(old) & set(new) if old[p] != new[p]}
    return set(old) - set(new), extra, changed


@pytest.fixture(scope="module")
def built(registry: Any, buildah_images: Any) -> dict[str, tuple[str, str, str]]:
    """Case name -> (the base in the registry, the image before the fix, the image after)."""
    base = f"{registry.host}/fixmore/base:1"
    buildah_images.push(buildah_images.base(), base)
    out = {}
    for case in CASES:
        refs = []
        for when, dockerfile in (("after", case.after), ("before", case.before)):
            local = f"localhost/fixmore/{case.name}-{when}:1"
            buildah_images.build(local, dockerfile, FILES)
            ref = f"{registry.host}/fixmore/{case.name}-{when}:1"
            buildah_images.push(local, ref)
            refs.append(ref)
        out[case.name] = (base, refs[1], refs[0])
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fix_keeps_the_filesystem_and_saves_what_was_measured(
    case: Case, built: dict[str, tuple[str, str, str]], tmp_path: Path
) -> None:
    base, before, after = built[case.name]
    write_context(tmp_path, case.before)
    fixing = _layguard(tmp_path, "--fix", "Dockerfile")
    assert (tmp_path / "Dockerfile").read_text() == case.after, fixing.stderr
    assert fixing.stderr == "layerguard: fixed 1 problem in 1 file\n"
    assert fixing.returncode == 0, fixing.stdout

    measuring = tmp_path / "measured"
    measuring.mkdir()
    write_context(measuring, case.before.replace("localhost/base:1", base))
    result = _layguard(measuring, "--registry", "--image", before, "--format", "json", "Dockerfile")
    found = {(v["line"], v["rule"]): v for v in json.loads(result.stdout)["violations"]}
    assert sorted(found) == sorted([case.finding, *case.also]), result.stderr
    measured = found[case.finding]["measured"]["bytes"]
    assert measured > 100_000

    old, new = _layer_tars(before), _layer_tars(after)
    old_fs, new_fs = _filesystem(old), _filesystem(new)
    gone, extra, changed = stub_differences(old_fs, new_fs, mount_targets(case.after))
    assert (gone, extra, changed) == (set(), set(), {})

    assert _file_bytes(old) - _file_bytes(new) == measured
    saved = sum(len(t) for t in old) - sum(len(t) for t in new)
    assert measured <= saved <= measured + 10240 * (len(old) + 1), (saved, measured)

    again = _layguard(tmp_path, "--format", "json", "Dockerfile")
    assert json.loads(again.stdout)["violations"] == []
    remeasuring = tmp_path / "remeasured"
    remeasuring.mkdir()
    write_context(remeasuring, case.after.replace("localhost/base:1", base))
    remeasured = _layguard(
        remeasuring, "--registry", "--image", after, "--format", "json", "Dockerfile"
    )
    assert json.loads(remeasured.stdout)["violations"] == []


UNFIXABLE = (
    HEAD
    + "COPY data.bin /tmp/data.bin\nRUN cat /tmp/data.bin > /opt/copy.bin\nRUN rm /tmp/data.bin\n"
)


def test_fix_with_registry_asks_it_once_and_keeps_what_it_measured(
    built: dict[str, tuple[str, str, str]],
    buildah_images: Any,
    registry: Any,
    fault_proxy: Any,
    tmp_path: Path,
) -> None:
    """`check --fix --registry`: the files it fixed are checked again as they are now, the others
    keep the figures the registry gave, and the registry is not asked a second time."""
    _, before, _ = built["copy-file-bind-mount"]
    buildah_images.build("localhost/fixmore/unfixable:1", UNFIXABLE, FILES)
    buildah_images.push("localhost/fixmore/unfixable:1", f"{registry.host}/fixmore/unfixable:1")
    proxied = before.replace(registry.host, fault_proxy.host)
    base = f"{fault_proxy.host}/fixmore/base:1"
    trees = {}
    for run in ("plain", "fix"):
        root = tmp_path / run
        for name, text in (("fixable", CASES[0].before), ("other", UNFIXABLE)):
            (root / name).mkdir(parents=True)
            write_context(root / name, text.replace("localhost/base:1", base))
        (root / ".layerguard.yaml").write_text(
            f"images:\n  fixable/Dockerfile: {proxied}\n"
            f"  other/Dockerfile: {fault_proxy.host}/fixmore/unfixable:1\n"
        )
        trees[run] = root
    args = ("--registry", "--format", "json", "fixable/Dockerfile", "other/Dockerfile")

    plain = _layguard(trees["plain"], *args)
    asked = len(fault_proxy.log)
    found = {(v["file"], v["line"], v["rule"]): v for v in json.loads(plain.stdout)["violations"]}
    assert sorted(found) == [("fixable/Dockerfile", 4, "LG003"), ("other/Dockerfile", 5, "LG003")]
    assert found["other/Dockerfile", 5, "LG003"]["measured"]["bytes"] == 250_000
    assert asked > 0

    fault_proxy.log.clear()
    fixing = _layguard(trees["fix"], "--fix", *args)
    assert fixing.stderr == "layerguard: fixed 1 problem in 1 file\n"
    assert len(fault_proxy.log) == asked
    after = json.loads(fixing.stdout)["violations"]
    assert [(v["file"], v["line"], v["rule"]) for v in after] == [("other/Dockerfile", 5, "LG003")]
    assert after[0]["measured"] == found["other/Dockerfile", 5, "LG003"]["measured"]
    assert (trees["fix"] / "fixable/Dockerfile").read_text() == CASES[0].after.replace(
        "localhost/base:1", base
    )
