"""A blob as a file object that verifies its size and digest as it is read, in constant memory."""

from __future__ import annotations

import io

import requests
import urllib3.exceptions

from layerguard.registry.model import Descriptor, RegistryError, hasher
from layerguard.registry.transport import describe_exception


class VerifiedStream(io.RawIOBase):
    """Reads a streamed response body; raises RegistryError at the first byte beyond the declared
    size, on a network error, and at the end if the size or digest differ from the descriptor."""

    def __init__(
        self, response: requests.Response, descriptor: Descriptor, what: str, timeout: float
    ) -> None:
        super().__init__()
        self._response = response
        self._digest = descriptor.digest
        self._size = descriptor.size
        self._hash = hasher(descriptor.digest)
        self._what = what
        self._timeout = timeout
        self._count = 0
        self._verified = False
        length = response.headers.get("Content-Length")
        encoded = response.headers.get("Content-Encoding", "identity") != "identity"
        if length and length.isdigit() and not encoded and int(length) != self._size:
            raise RegistryError(
                f"{what}: the registry sends {length} bytes, the manifest says {self._size}"
            )

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if self._verified:
            return 0
        # Ask for one byte more than is left, to notice a blob longer than its descriptor.
        want = min(len(buffer), self._size - self._count + 1)
        try:
            data = self._response.raw.read(want, decode_content=True)
        except (urllib3.exceptions.HTTPError, requests.RequestException, OSError) as exc:
            problem = describe_exception(exc, self._timeout)
            raise RegistryError(
                f"{self._what}: {problem} after {self._count} of {self._size} bytes"
            ) from None
        if not data:
            self._verify()
            return 0
        self._count += len(data)
        if self._count > self._size:
            raise RegistryError(
                f"{self._what}: more bytes than the {self._size} the manifest says; refused"
            )
        self._hash.update(data)
        buffer[: len(data)] = data
        return len(data)

    def _verify(self) -> None:
        if self._count != self._size:
            raise RegistryError(
                f"{self._what}: cut short, {self._count} of {self._size} bytes; refused"
            )
        actual = f"{self._hash.name}:{self._hash.hexdigest()}"
        if actual != self._digest:
            raise RegistryError(f"{self._what}: content does not match its digest; refused")
        self._verified = True

    def finish(self) -> None:
        """Read whatever the consumer left unread, so the digest is always checked."""
        buffer = bytearray(64 * 1024)
        while self.readinto(buffer):
            pass
