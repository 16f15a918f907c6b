"""A hash computed on a second thread while the caller reads, decompresses and parses.

hashlib releases the GIL for buffers over 2 KiB, and so do zlib, libzstd and socket reads: on two
cores a blob's digest and a layer's diff_id are computed beside the work that produces their
bytes instead of after it (benchmarks/RESULTS.md, "Deep analysis under issue 14"). The queue is
bounded, so a fixed number of chunks is in flight whatever the size; the first HASH_INLINE bytes
are hashed inline, so small blobs (configs, tiny layers) start no thread. close() ends the thread
and waits for it: callers call it on every path out (hexdigest() does too). The thread is not a
daemon, so nothing is left running.
"""

from __future__ import annotations

import queue
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import hashlib

HASH_QUEUE = 2  # chunks waiting for the hashing thread (each a read or a decompressed chunk)
# Bytes hashed on the caller's thread before the hashing thread starts: starting and joining a
# thread took 0.3 ms or more here, more than indexing a layer of a few files does in all.
HASH_INLINE = 1024 * 1024


class ThreadedHash:
    """`hash_object` fed through update(), on a thread named `layerguard-<name>` past the first
    HASH_INLINE bytes; `alone` hashes everything inline (also when no thread can start)."""

    def __init__(self, hash_object: hashlib._Hash, *, alone: bool = False, name: str = "hash"):
        self.sha = hash_object
        self.queue: queue.Queue[bytes | None] = queue.Queue(HASH_QUEUE)
        self.failure: BaseException | None = None
        self.inline = 0
        self.thread: threading.Thread | None = None
        self.alone = alone
        self.thread_name = f"layerguard-{name}"

    @property
    def name(self) -> str:
        """The algorithm's name (`sha256`), as hashlib gives it."""
        return self.sha.name

    def _run(self) -> None:
        get, update = self.queue.get, self.sha.update
        while (chunk := get()) is not None:
            if self.failure is None:
                try:
                    update(chunk)
                except BaseException as e:  # raised by hexdigest(), on the caller's thread;
                    self.failure = e  # the queue is still drained, so update() never blocks

    def update(self, chunk: bytes) -> None:
        if self.thread is None and self.inline >= HASH_INLINE and not self.alone:
            thread = threading.Thread(target=self._run, name=self.thread_name)
            try:
                thread.start()
                self.thread = thread
            except RuntimeError:  # "can't start new thread" (a pids limit): hash inline
                self.alone = True
        if self.thread is not None:
            self.queue.put(chunk)
        else:
            self.inline += len(chunk)
            self.sha.update(chunk)

    def close(self) -> None:
        if self.thread is not None and self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()

    def hexdigest(self) -> str:
        self.close()
        if self.failure is not None:
            raise self.failure
        return self.sha.hexdigest()
