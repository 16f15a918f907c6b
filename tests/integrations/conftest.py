from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from integration_env import ROOT, environ
from realparts import require_program


@pytest.fixture(scope="session")
def git_program() -> str:
    """git, which every integration test drives."""
    return require_program("git", "apt-get install git")


@pytest.fixture(scope="session")
def working_copy(tmp_path_factory: pytest.TempPathFactory, git_program: str) -> Path:
    """This working tree (tracked and untracked files, minus ignored ones) committed to a fresh
    git repository, so the hooks and the Action install what is being tested, not HEAD."""
    copy = tmp_path_factory.mktemp("checkout") / "layerguard"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    env = environ()
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "working tree"]):
        subprocess.run(["git", *args], cwd=copy, env=env, check=True, capture_output=True)
    return copy
