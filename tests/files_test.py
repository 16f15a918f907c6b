from __future__ import annotations

import os
from pathlib import Path

import pytest

from layerguard.files import replace_atomically


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
