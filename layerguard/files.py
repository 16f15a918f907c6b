"""Writing files: atomic replacement of regular files, and `--output` targets of any kind.

A reader (an upload step, a concurrent run sharing the cache) sees the old file or the new one,
never half of one. Only regular files are replaced: a device, a pipe or a symlink given as an
output is written through, never swapped for a file.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from pathlib import Path

# /dev/stdout is a symlink to /proc/self/fd/1; hadolint-action's default output file is
# /dev/stdout. These name a descriptor this process already holds: write to it, never reopen
# it (reopening with O_TRUNC would empty a `>> log` the shell gave us).
_OWN_DESCRIPTOR = re.compile(
    r"/dev/(?:(?P<name>stdout|stderr)|fd/(?P<fd>\d+))|/proc/self/fd/(?P<pfd>\d+)"
)


def replace_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path`; raises OSError, leaving no temp file behind."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(path: str, data: bytes) -> None:
    """Write a report to `path` as a user means it: `-` is standard output; a regular file (or a
    new path) is replaced atomically, keeping its mode and any symlink that leads to it; a
    character device, a pipe or a socket is written straight to. Raises OSError."""
    fd = _own_descriptor(path)
    if fd is not None:
        _write_all(fd, data)
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        out = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            _write_all(out, data)
        finally:
            os.close(out)
        return
    if st is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    else:
        mode = stat.S_IMODE(st.st_mode)
    # Through a symlink (a dangling one too), the file it names is replaced, not the link.
    replace_atomically(Path(os.path.realpath(path)), data, mode)


def _own_descriptor(path: str) -> int | None:
    if path == "-":
        return 1
    match = _OWN_DESCRIPTOR.fullmatch(os.path.normpath(path))
    if match is None:
        return None
    if match["name"]:
        return 1 if match["name"] == "stdout" else 2
    return int(match["fd"] or match["pfd"])


def _write_all(fd: int, data: bytes) -> None:
    if fd in (1, 2):
        (sys.stdout if fd == 1 else sys.stderr).flush()  # what was printed comes first
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
