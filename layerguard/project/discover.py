"""Finding Dockerfiles under a directory: the usual names, minus what git ignores."""

from __future__ import annotations

import fnmatch
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

# The same names pre-commit's `identify` tags as `dockerfile`, so the hook and `check` agree.
PATTERNS = ("Dockerfile", "Dockerfile.*", "*.Dockerfile", "Containerfile", "Containerfile.*")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


def is_dockerfile(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in PATTERNS)


def discover(root: Path, exclude: Iterable[str] = (), base: Path | None = None) -> list[str]:
    """Dockerfiles under `root` (relative to it when `root` is '.'), sorted, git-ignored skipped.

    `exclude` patterns match paths relative to `base` (the config file's directory), so the same
    config excludes the same files from wherever layerguard runs.
    """
    exclude = tuple(exclude)
    anchor = os.path.realpath(base if base is not None else Path.cwd())
    found = _from_git(root)
    if found is None:
        found = _walk(root)
    return sorted(
        p
        for p in found
        if is_dockerfile(os.path.basename(p))
        and not any(
            fnmatch.fnmatch(os.path.relpath(os.path.realpath(p), anchor), pattern)
            for pattern in exclude
        )
    )


def _from_git(root: Path) -> list[str] | None:
    try:
        result = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    names = result.stdout.decode("utf-8", "surrogateescape").split("\0")
    prefix = "" if str(root) == "." else str(root).rstrip("/") + "/"
    return [prefix + name for name in names if name and (root / name).is_file()]


def _walk(root: Path) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS]
        for name in filenames:
            path = os.path.join(dirpath, name)
            out.append(os.path.normpath(path) if str(root) == "." else path)
    return out
