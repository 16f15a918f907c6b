"""Deep analysis: each layer blob streamed once, ever, into a file index cached by digest; its
diff_id checked against the image config; progress shown on stderr while it runs."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from typing import TextIO

from layerguard.image.layers import IndexCache, LayerError, LayerIndex, Readable, index_layer
from layerguard.registry import Client, Descriptor, Image, RegistryError
from layerguard.registry.cache import default_cache_dir

REDRAW = 0.1  # seconds between redraws of the progress line on a terminal
INTERVAL = 10.0  # seconds between progress lines in a log (no terminal)


def _mb(count: int) -> str:
    return f"{count / 1e6:,.1f} MB"


class Progress:
    """Where reading the layers stands. On a terminal: one line, redrawn, with bytes and a
    percentage. Elsewhere (a CI log): a plain line after every INTERVAL seconds of reading, so
    a job log never sits silent during long work and short work prints nothing."""

    def __init__(
        self,
        stream: TextIO,
        *,
        tty: bool,
        clock: Callable[[], float] = time.monotonic,
        interval: float = INTERVAL,
    ) -> None:
        self._stream = stream
        self._tty = tty
        self._clock = clock
        self._interval = interval
        self._last: float | None = None
        self._label = ""
        self._total = 0
        self._shown = False

    def start(self, label: str, total: int) -> None:
        self._label, self._total = label, total
        if self._last is None or self._tty:
            self._last = self._clock()
        if self._tty:
            self._draw(0)

    def update(self, done: int) -> None:
        now = self._clock()
        assert self._last is not None
        if now - self._last >= (REDRAW if self._tty else self._interval):
            self._last = now
            self._draw(done)

    def note(self, text: str) -> None:
        """A line of its own (a retry, its wait), above the redrawn line on a terminal."""
        self._stream.write(
            ("\r\033[K" if self._tty and self._shown else "") + f"layerguard: {text}\n"
        )
        self._stream.flush()
        self._shown = False
        self._last = self._clock()  # a line was just written: the log is not silent

    def finish(self) -> None:
        if self._tty and self._shown:
            self._stream.write("\r\033[K")
            self._stream.flush()
            self._shown = False

    def _draw(self, done: int) -> None:
        percent = 100 * done // self._total if self._total else 100
        text = f"{self._label}: {_mb(done)} of {_mb(self._total)} ({percent}%)"
        if self._tty:
            self._stream.write("\r\033[K" + text)
        else:
            self._stream.write(f"layerguard: {text}\n")
        self._stream.flush()
        self._shown = True


class _Counted:
    """The blob stream, telling Progress how far it has been read."""

    def __init__(self, stream: Readable, progress: Progress) -> None:
        self._stream = stream
        self._progress = progress
        self._count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._count += len(data)
        self._progress.update(self._count)
        return data


def _warn_on_stderr(text: str) -> None:
    print(f"layerguard: warning: {text}", file=sys.stderr)


class Indexer:
    """Indexes an image's layers, reading each blob only when no cached index exists.

    `warn` gets one line per layer whose diff_id differs from the image config's (skopeo wrote
    such zstd:chunked images): the blob digest still vouches for the bytes, so it is a warning.
    """

    def __init__(
        self,
        client: Client,
        cache: IndexCache,
        progress: Progress | None = None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self._client = client
        self._cache = cache
        self._progress = progress
        self.warnings: list[str] = []
        self._warn = warn or self.warnings.append
        self._memo: dict[str, LayerIndex] = {}
        self._checked: set[str] = set()

    @classmethod
    def for_cli(cls, client: Client, *, quiet: bool = False) -> Indexer:
        """Progress on stderr unless `quiet`; diff_id warnings on stderr."""
        cache = IndexCache(default_cache_dir() / "layers")
        progress = None if quiet else Progress(sys.stderr, tty=sys.stderr.isatty())
        if progress is not None:
            client.on_retry(progress.note)
        return cls(client, cache, progress, _warn_on_stderr)

    def __call__(self, image: Image) -> list[LayerIndex]:
        out = []
        total = len(image.layers)
        try:
            for number, layer in enumerate(image.layers, 1):
                index = self._memo.get(layer.digest) or self._cache.get(layer.digest)
                if index is None:
                    index = self._read(image, layer, f"layer {number}/{total}")
                    # An unwritable cache only costs reading the layer again next time.
                    with contextlib.suppress(OSError):
                        self._cache.put(index)
                self._memo[layer.digest] = index
                out.append(index)
        finally:
            if self._progress is not None:
                self._progress.finish()
        self._check_diff_ids(image, out)
        return out

    def _read(self, image: Image, layer: Descriptor, label: str) -> LayerIndex:
        ref = image.reference
        try:
            with self._client.open_blob(ref, layer) as stream:
                source: Readable = stream
                if self._progress is not None:
                    self._progress.start(f"reading {label} {layer.digest[:19]}", layer.size)
                    source = _Counted(stream, self._progress)
                return index_layer(source, layer.digest, layer.media_type)
        except LayerError as exc:
            raise RegistryError(f"{ref.registry}: {ref}: layer {layer.digest}: {exc}") from None

    def _check_diff_ids(self, image: Image, indexes: list[LayerIndex]) -> None:
        if image.digest in self._checked:
            return
        self._checked.add(image.digest)
        rootfs = image.config.get("rootfs") or {}
        expected = list(rootfs.get("diff_ids") or ())
        ref = image.reference
        if len(expected) != len(indexes):
            self._warn(
                f"{ref}: the image config lists {len(expected)} diff_ids for "
                f"{len(indexes)} layers; layer contents not checked against them"
            )
            return
        for number, (index, diff_id) in enumerate(zip(indexes, expected, strict=True)):
            if index.diff_id != diff_id:
                self._warn(
                    f"{ref}: layer {number} {index.digest}: its uncompressed content is "
                    f"{index.diff_id}, the image config says {diff_id} (rootfs.diff_ids[{number}])"
                )
