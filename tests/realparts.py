"""The one way a test says that a real part it needs is missing.

Real parts: ../shared (the corpus, conformance cases, schemas), root, and the programs the real
tests run (docker-registry, buildah, busybox, git, dash, pre-commit...). Without CI a missing part
skips the test with the reason and the remedy; under `CI=true` it fails the test with the same
words, so a green CI run never checks less than a local one. The hook in tests/conftest.py turns
any other skip into a failure under CI as well.

`LAYERGUARD_TEST_SHARED` points the tests at another ../shared (e.g. a missing one, to see the
failure for yourself).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

SHARED = Path(
    os.environ.get("LAYERGUARD_TEST_SHARED")
    or Path(__file__).resolve().parent.parent.parent / "shared"
)
INSTALL = "run `bash .ci/run` as root, or apt-get install docker-registry buildah busybox-static"


def in_ci() -> bool:
    """CI systems set CI=true (GitHub Actions, GitLab CI, and this repository's own CI)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing(part: str, remedy: str) -> NoReturn:
    """Skip (or, under CI=true, fail) the running test: `part` is missing; `remedy` says how to
    get it."""
    message = f"{part} is missing: {remedy}"
    if in_ci():
        pytest.fail(f"CI=true and {message} (CI must run every test, not skip it)", pytrace=False)
    pytest.skip(message)


def require_root() -> None:
    if os.geteuid() != 0:
        missing("root", "the real registry and buildah tests run as root (sudo, or a container)")


def require_tools(*tools: str, remedy: str = INSTALL) -> None:
    """Root and every tool on PATH, or `missing()`."""
    require_root()
    absent = [tool for tool in tools if shutil.which(tool) is None]
    if absent:
        missing(f"{', '.join(absent)} (not on PATH)", remedy)


def require_program(name: str, remedy: str) -> str:
    """The path of program `name` (no root needed), or `missing()`."""
    found = shutil.which(name)
    if found is None:
        missing(f"{name} (not on PATH)", remedy)
    return found


def require_path(path: Path | str, part: str, remedy: str) -> Path:
    if not os.path.exists(path):
        missing(part, remedy)
    return Path(path)


def require_shared() -> Path:
    """../shared beside the repository (the corpus, conformance cases and schemas)."""
    return require_path(
        SHARED, f"{SHARED} (../shared)", "check the repository out beside ../shared"
    )
