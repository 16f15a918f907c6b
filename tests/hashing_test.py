"""The threaded hash: the same digest as hashlib, no thread for small inputs, none left after."""

from __future__ import annotations

import hashlib
import threading

import pytest

from layerguard.hashing import HASH_INLINE, ThreadedHash


def ours() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("layerguard-")]


@pytest.mark.parametrize("size", [0, 1000, HASH_INLINE, 5 * HASH_INLINE + 17])
@pytest.mark.parametrize("algorithm", ["sha256", "sha512"])
def test_same_digest_as_hashlib(size: int, algorithm: str) -> None:
    data = bytes(range(256)) * (size // 256 + 1)
    data = data[:size]
    threaded = ThreadedHash(hashlib.new(algorithm))
    seen = 0
    for start in range(0, len(data), 65536):
        threaded.update(data[start : start + 65536])
        seen = max(seen, len(ours()))
    assert threaded.hexdigest() == hashlib.new(algorithm, data).hexdigest()
    assert threaded.name == algorithm
    assert seen == (1 if size > HASH_INLINE else 0)  # small inputs start no thread
    assert ours() == []


def test_alone_never_starts_a_thread() -> None:
    threaded = ThreadedHash(hashlib.sha256(), alone=True)
    for _ in range(40):
        threaded.update(b"x" * 65536)
        assert ours() == []
    assert threaded.hexdigest() == hashlib.sha256(b"x" * 65536 * 40).hexdigest()


def test_close_without_a_digest_leaves_no_thread() -> None:
    threaded = ThreadedHash(hashlib.sha256(), name="abandoned")
    for _ in range(40):
        threaded.update(b"y" * 65536)
    assert [t.name for t in ours()] == ["layerguard-abandoned"]
    threaded.close()
    threaded.close()  # twice is harmless
    assert ours() == []
