"""Blob streams: the digest is computed beside the reads and checked; no thread outlives a read."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import BinaryIO

import pytest
from recorded import recorded_session

from layerguard.hashing import HASH_INLINE
from layerguard.reference import parse_reference
from layerguard.registry import Client, Descriptor, RegistryError

BASE = "http://localhost:5000/v2/app"
BLOB = bytes(range(256)) * (5 * HASH_INLINE // 256)
REF = parse_reference("localhost:5000/app:1")


def ours() -> list[threading.Thread]:
    """The threads hashing a blob's digest (the transport's watch thread lives on)."""
    return [t for t in threading.enumerate() if t.name == "layerguard-blob-digest"]


def served(digest: str, tmp_path: Path) -> Client:
    session, adapter = recorded_session()
    adapter.add("GET", f"{BASE}/blobs/{digest}", body=BLOB)
    return Client(cache_dir=tmp_path, session=session, retries=0)


def read(stream: BinaryIO, limit: int | None = None) -> int:
    """Read in 64 KiB steps, as index_layer does; the most hashing threads seen meanwhile."""
    seen = got = 0
    while (limit is None or got < limit) and (chunk := stream.read(65536)):
        got += len(chunk)
        seen = max(seen, len(ours()))
    return seen


def blob(digest: str) -> Descriptor:
    return Descriptor("application/octet-stream", digest, len(BLOB))


def test_a_big_blob_is_hashed_on_a_thread_and_verified(tmp_path: Path) -> None:
    digest = "sha256:" + hashlib.sha256(BLOB).hexdigest()
    with served(digest, tmp_path) as client, client.open_blob(REF, blob(digest)) as stream:
        assert read(stream) == 1
    assert ours() == []


def test_a_wrong_digest_is_refused_and_no_thread_is_left(tmp_path: Path) -> None:
    wrong = "sha256:" + "3" * 64
    with (
        served(wrong, tmp_path) as client,
        pytest.raises(RegistryError, match="does not match"),
        client.open_blob(REF, blob(wrong)) as stream,
    ):
        read(stream, 3 * HASH_INLINE)  # the rest is read, and checked, on leaving the block
    assert ours() == []


def test_a_reader_that_fails_midway_leaves_no_thread(tmp_path: Path) -> None:
    digest = "sha256:" + hashlib.sha256(BLOB).hexdigest()
    with (
        served(digest, tmp_path) as client,
        pytest.raises(ValueError, match="consumer"),
        client.open_blob(REF, blob(digest)) as stream,
    ):
        assert read(stream, 3 * HASH_INLINE) == 1
        raise ValueError("the consumer gave up")
    assert ours() == []
