"""An on-disk store for small content addressed by digest (manifests, image configs).

Content under a digest never changes, so entries never expire. Every read is verified again (a
truncated or edited file is dropped, not trusted) and every write is atomic (temp file + rename),
so concurrent runs and crashes leave either nothing or a whole entry.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from layerguard.files import replace_atomically
from layerguard.registry.model import check_digest, matches


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """$XDG_CACHE_HOME/layerguard, else ~/.cache/layerguard."""
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "layerguard"


class DigestCache:
    """Bytes by digest under `root/registry/blobs/<algorithm>/<hex>`."""

    def __init__(self, root: Path) -> None:
        self.root = root / "registry" / "blobs"

    def _path(self, digest: str) -> Path:
        algorithm, hex_ = check_digest(digest).split(":", 1)
        return self.root / algorithm / hex_

    def get(self, digest: str) -> bytes | None:
        path = self._path(digest)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if not matches(data, digest):
            path.unlink(missing_ok=True)
            return None
        return data

    def put(self, digest: str, data: bytes) -> None:
        """Store verified `data`; a cache that cannot be written only costs a later request."""
        path = self._path(digest)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(path, data)
        except OSError:
            pass
