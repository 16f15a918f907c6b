from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from layerguard.project.discover import discover, is_dockerfile


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dockerfile", True),
        ("Dockerfile.prod", True),
        ("api.Dockerfile", True),
        ("Containerfile", True),
        ("Containerfile.ci", True),
        ("dockerfile", False),
        ("Dockerfile-old", False),
        ("README.md", False),
    ],
)
def test_names(name: str, expected: bool) -> None:
    assert is_dockerfile(name) is expected


def test_git_ignored_files_are_skipped(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for name in ["Dockerfile", "build/Dockerfile", "app/Containerfile", "vendor/x/Dockerfile"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("FROM alpine\n")
    (tmp_path / ".gitignore").write_text("build/\n")
    assert discover(tmp_path, exclude=["vendor/*"], base=tmp_path) == [
        f"{tmp_path}/Dockerfile",
        f"{tmp_path}/app/Containerfile",
    ]


def test_without_git_walks_and_skips_dot_git(tmp_path: Path) -> None:
    for name in ["Dockerfile", ".git/Dockerfile", "node_modules/x/Dockerfile", "a/b.Dockerfile"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("FROM alpine\n")
    assert discover(tmp_path) == [f"{tmp_path}/Dockerfile", f"{tmp_path}/a/b.Dockerfile"]
