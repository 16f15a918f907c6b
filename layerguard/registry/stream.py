"""A blob as a file object that verifies its size and digest as it is read, in constant memory,
and resumes after a failed read: from the byte it stopped at with `Range` where the registry
allows it (HTTP 206), else from the start, discarding what was already read."""

from __future__ import annotations

import io
import re

import requests
import urllib3.exceptions

from layerguard.hashing import ThreadedHash
from layerguard.registry.budget import Watch
from layerguard.registry.model import Descriptor, RegistryError, hasher
from layerguard.registry.transport import BLOB_RATE, Transport, describe_exception

_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")
_READ_ERRORS = (urllib3.exceptions.HTTPError, requests.RequestException, OSError)


class VerifiedStream(io.RawIOBase):
    """Reads a blob; raises RegistryError at the first byte beyond the declared size, when the
    retries of a failed read run out, and at the end if the size or digest differ from the
    descriptor. Every byte handed out is hashed, so the digest covers the blob across resumes."""

    def __init__(
        self,
        transport: Transport,
        registry: str,
        path: str,
        repository: str,
        descriptor: Descriptor,
    ) -> None:
        super().__init__()
        self._transport = transport
        self._registry = registry
        self._path = path
        self._repository = repository
        self._digest = descriptor.digest
        self._size = descriptor.size
        # On a second thread past the first MiB, beside the reads and what consumes them.
        self._hash = ThreadedHash(hasher(descriptor.digest), name="blob-digest")
        self._what = f"blob {descriptor.digest}"
        self._count = 0
        self._skip = 0  # bytes of a restarted (HTTP 200) response already handed out before
        self._failures = 0
        self._verified = False
        self._deadline = transport.deadline(transport.timeout + self._size / BLOB_RATE)
        self._response: requests.Response | None = None
        self._watch: Watch | None = None
        self.resumed = 0  # requests that continued with Range (for tests and benchmarks)
        self._open()

    def _error(self, problem: str) -> RegistryError:
        return RegistryError(f"{self._registry}: {self._what}: {problem}")

    def _open(self) -> None:
        response, watch = self._transport.stream(
            self._registry,
            self._path,
            repository=self._repository,
            what=self._what,
            size=self._size,
            offset=self._count,
            deadline=self._deadline,
        )
        self._response, self._watch = response, watch
        length = response.headers.get("Content-Length")
        encoded = response.headers.get("Content-Encoding", "identity") != "identity"
        start = 0
        if response.status_code == 206:
            match = _CONTENT_RANGE.fullmatch(response.headers.get("Content-Range", "").strip())
            start = int(match.group(1)) if match else -1
            if start != self._count:
                self._close_response()
                raise self._error(
                    f"asked for the bytes from {self._count} on, the registry sent another range"
                )
            self.resumed += 1
        self._skip = self._count - start
        expected = self._size - start
        if length and length.isdigit() and not encoded and int(length) != expected:
            self._close_response()
            raise self._error(f"the registry sends {length} bytes, the manifest says {expected}")

    def _close_response(self) -> None:
        if self._response is not None:
            self._response.close()
        if self._watch is not None:
            self._watch.finish()
        self._response = self._watch = None

    def _retry(self, problem: str) -> None:
        """Give up on this response after `problem`; wait and reopen, or raise when out of time
        or attempts."""
        self._close_response()
        self._failures += 1
        self._transport.wait_or_give_up(
            self._registry,
            self._what,
            f"{problem} after {self._count} of {self._size} bytes",
            None,
            self._failures,
            self._deadline,
        )
        self._open()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        while not self._verified:
            response, watch = self._response, self._watch
            assert response is not None and watch is not None
            # Ask for one byte more than is left, to notice a blob longer than its descriptor.
            want = min(len(buffer), self._skip or self._size - self._count + 1)
            try:
                data = response.raw.read1(want, decode_content=True)
            except _READ_ERRORS as exc:
                timeout = self._transport.timeout
                self._retry(watch.problem if watch.expired else describe_exception(exc, timeout))
                continue
            if watch.expired:
                self._retry(watch.problem)
                continue
            if not data:
                if self._skip or self._count < self._size:
                    self._retry("response cut short")
                    continue
                self._verify()
                return 0
            watch.progress(len(data))
            if self._skip:
                self._skip -= len(data)  # `want` kept the read within the part to skip
                continue
            self._count += len(data)
            if self._count > self._size:
                raise self._error(f"more bytes than the {self._size} the manifest says; refused")
            self._hash.update(data)
            buffer[: len(data)] = data
            return len(data)
        return 0

    def _verify(self) -> None:
        actual = f"{self._hash.name}:{self._hash.hexdigest()}"
        self._close_response()
        if actual != self._digest:
            raise self._error("content does not match its digest; refused")
        self._verified = True

    def finish(self) -> None:
        """Read whatever the consumer left unread, so the digest is always checked."""
        buffer = bytearray(256 * 1024)
        while self.readinto(buffer):
            pass

    def close(self) -> None:
        self._close_response()
        self._hash.close()
        super().close()
