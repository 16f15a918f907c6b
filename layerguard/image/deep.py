"""Deep analysis: each layer blob streamed once, ever, into a file index cached by digest."""

from __future__ import annotations

import contextlib
import sys
from typing import TextIO

from layerguard.image.layers import IndexCache, LayerError, LayerIndex, index_layer
from layerguard.registry import Client, Image, RegistryError
from layerguard.registry.cache import default_cache_dir


class Indexer:
    """Indexes an image's layers, reading each blob only when no cached index exists."""

    def __init__(self, client: Client, cache: IndexCache, progress: TextIO | None = None) -> None:
        self._client = client
        self._cache = cache
        self._progress = progress
        self._memo: dict[str, LayerIndex] = {}

    @classmethod
    def for_cli(cls, client: Client) -> Indexer:
        """With a progress line on stderr when it is a terminal."""
        cache = IndexCache(default_cache_dir() / "layers")
        return cls(client, cache, sys.stderr if sys.stderr.isatty() else None)

    def __call__(self, image: Image) -> list[LayerIndex]:
        out = []
        total = len(image.layers)
        for number, layer in enumerate(image.layers, 1):
            index = self._memo.get(layer.digest) or self._cache.get(layer.digest)
            if index is None:
                self._show(f"[{number}/{total}] reading {layer.digest[:19]} ({layer.size:,} B)")
                try:
                    with self._client.open_blob(image.reference, layer) as stream:
                        index = index_layer(stream, layer.digest, layer.media_type)
                except LayerError as exc:
                    raise RegistryError(
                        f"{image.reference.registry}: {image.reference}: layer {layer.digest}: "
                        f"{exc}"
                    ) from None
                # An unwritable cache only costs reading the layer again next time.
                with contextlib.suppress(OSError):
                    self._cache.put(index)
            self._memo[layer.digest] = index
            out.append(index)
        self._show("")
        return out

    def _show(self, text: str) -> None:
        if self._progress is not None:
            self._progress.write("\r\033[K" + text)
            self._progress.flush()
