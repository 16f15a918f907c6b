"""Deep reads: progress on stderr (a terminal, a CI log, --quiet), and diff_ids checked against
the image config, against a real registry."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import pty
import select
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from realregistry import RunningRegistry, upload_image

from layerguard.commands.cli import main
from layerguard.image.deep import Progress

GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_log_gets_a_line_every_ten_seconds_of_reading() -> None:
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, tty=False, clock=clock)
    progress.start("reading layer 1/2 sha256:0123456789ab", 10_000_000)
    for step in range(1, 12):  # a read every 3 s, 1 MB each
        clock.now += 3
        progress.update(step * 1_000_000)
    progress.finish()
    assert out.getvalue().splitlines() == [
        "layerguard: reading layer 1/2 sha256:0123456789ab: 4.0 MB of 10.0 MB (40%)",
        "layerguard: reading layer 1/2 sha256:0123456789ab: 8.0 MB of 10.0 MB (80%)",
    ]


def test_the_interval_runs_across_layers_and_short_work_prints_nothing() -> None:
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, tty=False, clock=clock)
    for layer in range(1, 4):  # three layers of 4 s each: a line once 10 s have passed
        progress.start(f"reading layer {layer}/3 sha256:x", 100)
        clock.now += 4
        progress.update(100)
    assert out.getvalue() == "layerguard: reading layer 3/3 sha256:x: 0.0 MB of 0.0 MB (100%)\n"
    quiet = io.StringIO()
    short = Progress(quiet, tty=False, clock=clock)
    short.start("reading layer 1/1 sha256:x", 100)
    clock.now += 9.9
    short.update(100)
    short.finish()
    assert quiet.getvalue() == ""


def test_a_terminal_gets_one_line_redrawn_then_cleared() -> None:
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, tty=True, clock=clock)
    progress.start("reading layer 1/1 sha256:x", 2_000_000)
    clock.now += 0.05
    progress.update(500_000)  # too soon to redraw
    clock.now += 0.1
    progress.update(1_000_000)
    progress.finish()
    assert out.getvalue() == (
        "\r\033[Kreading layer 1/1 sha256:x: 0.0 MB of 2.0 MB (0%)"
        "\r\033[Kreading layer 1/1 sha256:x: 1.0 MB of 2.0 MB (50%)"
        "\r\033[K"
    )


def test_a_note_takes_a_line_of_its_own_and_counts_as_a_line() -> None:
    clock, out = Clock(), io.StringIO()
    progress = Progress(out, tty=False, clock=clock)
    progress.start("reading layer 1/1 sha256:x", 100)
    clock.now += 8
    progress.note("r: blob x: HTTP 429; retrying in 30s")
    clock.now += 4  # 12 s of work, but only 4 since the note
    progress.update(50)
    assert out.getvalue() == "layerguard: r: blob x: HTTP 429; retrying in 30s\n"
    terminal = io.StringIO()
    drawn = Progress(terminal, tty=True, clock=clock)
    drawn.start("reading layer 1/1 sha256:x", 100)
    drawn.note("retrying")
    assert terminal.getvalue() == (
        "\r\033[Kreading layer 1/1 sha256:x: 0.0 MB of 0.0 MB (0%)\r\033[Klayerguard: retrying\n"
    )


def _layer(seed: int) -> tuple[bytes, str]:
    data = hashlib.shake_256(seed.to_bytes(4, "big")).digest(300_000)
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("data.bin")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    raw = out.getvalue()
    return gzip.compress(raw, mtime=0), "sha256:" + hashlib.sha256(raw).hexdigest()


def _push(registry: RunningRegistry, repository: str, diff_id: str | None = None) -> str:
    blob, actual = _layer(len(repository))
    config = {
        "architecture": "amd64",
        "os": "linux",
        "rootfs": {"type": "layers", "diff_ids": [diff_id or actual]},
    }
    upload_image(registry.url, repository, "1", [(blob, GZIP_LAYER)], config=config)
    return f"{registry.host}/{repository}:1"


def _inspect_on_a_terminal(ref: str, tmp_path: Path, *options: str) -> tuple[str, str]:
    """`inspect --deep` with stderr on a pseudo-terminal and stdout on a pipe."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "layerguard", "inspect", "--deep", "--format=json", *options, ref],
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        seen += chunk
    stdout, _ = process.communicate(timeout=60)
    os.close(leader)
    assert process.returncode == 0, seen
    return stdout.decode(), seen.decode()


def test_progress_on_a_terminal_shows_bytes_and_percentage_on_stderr(
    registry: RunningRegistry, tmp_path: Path
) -> None:
    ref = _push(registry, "progress")
    stdout, terminal = _inspect_on_a_terminal(ref, tmp_path)
    assert "\r\x1b[Kreading layer 1/1 sha256:" in terminal
    assert " MB (0%)" in terminal
    assert terminal.endswith("\r\x1b[K")  # the line is cleared once the layers are read
    assert json.loads(stdout)["reference"] == ref  # the report on stdout is untouched


def test_quiet_silences_the_progress(registry: RunningRegistry, tmp_path: Path) -> None:
    ref = _push(registry, "quietprogress")
    stdout, terminal = _inspect_on_a_terminal(ref, tmp_path, "--quiet")
    assert terminal == ""
    assert json.loads(stdout)["reference"] == ref


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.mark.usefixtures("own_cache")
def test_a_diff_id_that_does_not_match_is_a_warning_naming_the_layer(
    registry: RunningRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = "sha256:" + "e" * 64
    ref = _push(registry, "wrongdiffid", diff_id=wrong)
    blob, actual = _layer(len("wrongdiffid"))
    assert main(["inspect", "--deep", ref]) == 0
    out, err = capsys.readouterr()
    assert err == (
        f"layerguard: warning: {ref}: layer 0 sha256:{hashlib.sha256(blob).hexdigest()}: its "
        f"uncompressed content is {actual}, the image config says {wrong} (rootfs.diff_ids[0])\n"
    )
    assert out  # the report is still given: the blob digest vouches for the bytes
    # The check holds for an index read from the cache too.
    assert main(["inspect", "--deep", ref]) == 0
    assert capsys.readouterr().err == err


@pytest.mark.usefixtures("own_cache")
def test_matching_diff_ids_give_no_warning(
    registry: RunningRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = _push(registry, "rightdiffid")
    assert main(["compare", "--deep", ref, ref]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out
