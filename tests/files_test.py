from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from layerguard.files import replace_atomically, write_output


def test_replaces_whole_file_with_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old")
    replace_atomically(target, b"new", 0o640)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["report.sarif"]


def test_failure_leaves_no_temp_file(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(OSError):
        replace_atomically(tmp_path / "dir", b"x")  # os.replace cannot put a file over a dir
    assert os.listdir(tmp_path) == ["dir"]


def test_write_output_new_path_and_regular_file_are_replaced(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    write_output(str(target), b"one")
    assert target.read_bytes() == b"one"
    target.chmod(0o600)
    write_output(str(target), b"two")
    assert target.read_bytes() == b"two" and target.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["new.txt"]


def test_write_output_fifo_is_written_to(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(str(fifo), b"report\n")
    reader.join(timeout=30)
    assert received == [b"report\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_write_output_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to("target.txt")
    write_output(str(tmp_path / "link"), b"x")
    assert (tmp_path / "link").is_symlink() and (tmp_path / "target.txt").read_bytes() == b"x"


def test_write_output_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_output(str(tmp_path), b"x")
