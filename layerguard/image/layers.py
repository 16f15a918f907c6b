"""Streaming analysis of image layer blobs: a file index per layer, then the bytes a stack hides.

`index_layer` reads a blob once (gzip, zstd or plain tar, told apart by magic bytes), hashes the
decompressed stream (the layer's diff_id, on a second thread past the first MiB) and walks the tar
headers itself, skipping file data without copying it, so memory stays bounded whatever the
layer's size. Nothing is written to disk.
`analyze` applies indexes in order with the OCI whiteout rules and reports the bytes of file
versions that the final filesystem no longer shows.
`IndexCache` keeps indexes on disk by blob digest.

Tar reading follows Go's archive/tar (what containerd and Docker extract with), not Python's
tarfile.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import re
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import IO, Protocol, cast

from layerguard.files import replace_atomically
from layerguard.hashing import ThreadedHash

IN_CHUNK = 256 * 1024  # compressed bytes per read
OUT_CHUNK = 1024 * 1024  # most decompressed bytes held at once
MAX_META = 1024 * 1024  # largest GNU long name or PAX header we read (Go: maxSpecialFileSize)
# Linux's PATH_MAX counts the terminating NUL: no path this long can be extracted, and a layer
# that names one is refused rather than indexed (its names would cost memory, not disk).
PATH_MAX = 4096
# Bytes of names and link targets one layer's index may hold in all (about 2 million paths of
# 128 bytes); with PATH_MAX this bounds the memory of an index whatever the layer holds.
MAX_NAME_BYTES = 256 * 1024 * 1024

KINDS = ("file", "dir", "symlink", "hardlink", "whiteout", "opaque", "other")

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
UNSUPPORTED_MAGIC = {b"BZh": "bzip2", b"\xfd7zXZ\x00": "xz"}

WHITEOUT_PREFIX = ".wh."
OPAQUE_MARKER = ".wh..wh..opq"
META_PREFIX = ".wh..wh."

BLOCK = 512
ZERO_BLOCK = bytes(BLOCK)
HIGH_BYTES = bytes(range(128, 256))
OCTAL = re.compile(rb"[0-7]*")
# Typeflags whose size field announces no data in the archive (Go: isHeaderOnlyType).
HEADER_ONLY = frozenset(b"123456")
REGULAR = frozenset(b"07\x00S")


class Readable(Protocol):
    """What index_layer reads a blob from: a binary stream (a file, a verified blob stream)."""

    def read(self, size: int = -1, /) -> bytes: ...


class LayerError(ValueError):
    """A blob that is not a readable layer, or one past a limit; the message is one line."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One tar entry. `path` is absolute and normalised; it never escapes "/"."""

    path: str
    kind: str
    size: int
    target: str = ""


@dataclass(frozen=True)
class LayerIndex:
    digest: str
    compressed_size: int
    uncompressed_size: int
    diff_id: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Waste:
    """A regular file's bytes that the final filesystem does not show."""

    path: str
    bytes: int
    layer: int
    reason: str
    by_layer: int


@dataclass(frozen=True)
class Analysis:
    uncompressed_size: int
    wasted_bytes: int
    wasted: tuple[Waste, ...]
    visible: Mapping[str, tuple[int, int]] = field(hash=False)
    # The path that shows a hard-linked file's bytes -> the other paths of the same data.
    linked: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)


# ---------------------------------------------------------------------------------------------
# Reading a blob


class _Source:
    """Counts the compressed bytes read, and gives back the bytes read to sniff the format."""

    def __init__(self, stream: Readable, head: bytes) -> None:
        self.stream = stream
        self.head = head
        self.count = len(head)

    def read(self, size: int = -1) -> bytes:
        if self.head:
            cut = len(self.head) if size < 0 else size
            data, self.head = self.head[:cut], self.head[cut:]
            return data
        data = self.stream.read(size)
        if not data:
            return b""
        self.count += len(data)
        return data


def _sniff(stream: Readable) -> bytes:
    head = b""
    while len(head) < 8:
        data = stream.read(IN_CHUNK)
        if not data:
            break
        head += data
    return head


def _gunzip(source: _Source) -> Iterator[bytes]:
    # A blob may hold several gzip members back to back (Go's gzip.Reader reads them all).
    data = source.read(IN_CHUNK)
    while True:
        if not data.startswith(GZIP_MAGIC):
            raise LayerError("trailing data after the gzip stream")
        d = zlib.decompressobj(31)
        while not d.eof:
            try:
                out = d.decompress(data, OUT_CHUNK)
            except zlib.error as e:
                raise LayerError(f"corrupt gzip stream: {e}") from None
            data = d.unconsumed_tail
            if out:
                yield out
                if len(out) == OUT_CHUNK:
                    continue  # the inflater may hold more output for the same input
            if not data and not d.eof:
                data = source.read(IN_CHUNK)
                if not data:
                    raise LayerError("truncated gzip stream")
        data = d.unused_data
        while len(data) < len(GZIP_MAGIC) and (more := source.read(IN_CHUNK)):
            data += more
        if not data:
            return


ZSTD_TRUNCATED = "truncated zstd stream"
ZSTD_IN_CHUNK = 1024 * 1024  # zstd decompresses far faster than gzip: larger reads pay


class _ZstdFrames:
    """The compressed bytes, passed on as they are read while their frame and block headers
    (RFC 8878) are followed, so that a stream ending inside a frame is told from one ending
    between frames (zstandard's stream_reader takes both as a clean end) and data after the last
    frame is refused. Only headers are looked at: block bodies are skipped by their length."""

    def __init__(self, source: _Source) -> None:
        self.source = source
        self.state = "magic"
        self.want = 4  # header bytes needed in this state
        self.head = b""
        self.skip = 0  # bytes of block bodies (or skippable frames) still to pass
        self.checksum = False

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        pos, end = 0, len(data)
        while pos < end:
            if self.skip:
                step = min(self.skip, end - pos)
                self.skip -= step
                pos += step
                continue
            step = min(self.want - len(self.head), end - pos)
            self.head += data[pos : pos + step]
            pos += step
            if len(self.head) == self.want:
                head, self.head = self.head, b""
                self._header(head)
        return data

    def _header(self, head: bytes) -> None:
        state = self.state
        if state == "magic":
            if head[0] & 0xF0 == 0x50 and head[1:] == b"\x2a\x4d\x18":
                self.state, self.want = "skippable", 4
            elif head == ZSTD_MAGIC:
                self.state, self.want = "descriptor", 1
            else:
                raise LayerError("trailing data after the zstd stream")
        elif state == "skippable":
            self.skip = int.from_bytes(head, "little")
            self.state, self.want = "magic", 4
        elif state == "descriptor":
            fhd = head[0]
            single_segment = fhd >> 5 & 1
            fcs_size = (1 if single_segment else 0, 2, 4, 8)[fhd >> 6]
            self.checksum = bool(fhd & 4)
            # window descriptor, dictionary id and frame content size: skipped, not needed
            self.skip = (0 if single_segment else 1) + (0, 1, 2, 4)[fhd & 3] + fcs_size
            self.state, self.want = "block", 3
        else:  # a block header
            value = int.from_bytes(head, "little")
            size = 1 if value >> 1 & 3 == 1 else value >> 3  # an RLE block holds one byte
            if value & 1:  # the last block, then the content checksum if the frame has one
                self.skip = size + (4 if self.checksum else 0)
                self.state, self.want = "magic", 4
            else:
                self.skip = size

    def finish(self) -> None:
        if self.state != "magic" or self.head or self.skip:
            raise LayerError(ZSTD_TRUNCATED)


def _unzstd(source: _Source) -> Iterator[bytes]:
    # zstandard's stream_reader bounds its output per read (a block regenerates at most
    # 128 KiB; a frame's window is capped at 128 MiB by libzstd's default), and does the work
    # in C with large reads; _ZstdFrames sees the stream's end and trailing data.
    import zstandard  # only zstd layers pay for the import

    frames = _ZstdFrames(source)
    reader = zstandard.ZstdDecompressor().stream_reader(
        cast("IO[bytes]", frames),  # it only calls read()
        read_size=ZSTD_IN_CHUNK,
        read_across_frames=True,
    )
    while True:
        try:
            out = reader.read(OUT_CHUNK)
        except zstandard.ZstdError as e:
            raise LayerError(f"corrupt zstd stream: {e}") from None
        if not out:
            break
        yield out
    frames.finish()


def _plain(source: _Source) -> Iterator[bytes]:
    while out := source.read(OUT_CHUNK):
        yield out


def _decompressed(source: _Source, head: bytes, media_type: str) -> Iterator[bytes]:
    # The media type is only a hint: registries and tools mislabel blobs, magic bytes do not lie.
    if head.startswith(GZIP_MAGIC):
        return _gunzip(source)
    if head.startswith(ZSTD_MAGIC) or (
        len(head) >= 4 and head[0] & 0xF0 == 0x50 and head[1:4] == b"\x2a\x4d\x18"
    ):
        return _unzstd(source)
    for magic, name in UNSUPPORTED_MAGIC.items():
        if head.startswith(magic):
            raise LayerError(f"{name} layers are not supported (media type {media_type or '?'})")
    return _plain(source)


class _Limited:
    """The decompressed chunks, hashed and counted, refused past max_uncompressed."""

    def __init__(self, chunks: Iterator[bytes], limit: int, hash_update: Callable[[bytes], None]):
        self.chunks = chunks
        self.limit = limit
        self.size = 0
        self.hash_update = hash_update

    def __iter__(self) -> Iterator[bytes]:
        hash_update = self.hash_update
        size, limit = self.size, self.limit
        for chunk in self.chunks:
            size += len(chunk)
            if size > limit:
                raise LayerError(f"layer decompresses to more than {limit} bytes")
            hash_update(chunk)
            self.size = size
            yield chunk


class _Tape:
    """Exact reads and skips over a chunk iterator, copying only what read() returns."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.buf = b""
        self.pos = 0
        self.base = 0  # stream offset of buf[0]

    @property
    def offset(self) -> int:
        return self.base + self.pos

    def read(self, n: int) -> bytes:
        pos, end = self.pos, self.pos + n
        if end <= len(self.buf):
            self.pos = end
            return self.buf[pos:end]
        parts = [self.buf[pos:]]
        got = len(parts[0])
        self.base += len(self.buf)
        self.buf, self.pos = b"", 0
        for chunk in self.chunks:
            take = n - got
            parts.append(chunk[:take])
            if take <= len(chunk):
                self.buf, self.pos = chunk, take
                break
            got += len(chunk)
            self.base += len(chunk)
        return b"".join(parts)

    def skip(self, n: int) -> bool:
        """Skip n bytes; False if the stream ends first."""
        end = self.pos + n
        if end <= len(self.buf):
            self.pos = end
            return True
        n = end - len(self.buf)
        self.base += len(self.buf)
        self.buf, self.pos = b"", 0
        for chunk in self.chunks:
            if n <= len(chunk):
                self.buf, self.pos = chunk, n
                return True
            n -= len(chunk)
            self.base += len(chunk)
        return False

    def drain(self) -> None:
        for _ in self.chunks:
            pass


def index_layer(
    stream: Readable,
    digest: str,
    media_type: str,
    *,
    max_entries: int = 2_000_000,
    max_uncompressed: int = 64 * 2**30,
    max_name_bytes: int = MAX_NAME_BYTES,
) -> LayerIndex:
    """Read a layer blob once and index its tar entries; LayerError if it is not a valid layer.

    `stream` is read to its end; I/O errors from it propagate unchanged. Names that are not UTF-8
    are decoded with surrogateescape, so they round-trip to the original bytes.
    """
    head = _sniff(stream)
    source = _Source(stream, head)
    chunks = _decompressed(source, head, media_type)
    # gzip decompresses at a sixth of sha256's speed: a second thread gains it little when a
    # core is free and costs it when none is (measured, benchmarks/RESULTS.md), so it hashes
    # inline; zstd and plain tars, whose reads cost about what the hash does, use the thread.
    sha = ThreadedHash(hashlib.sha256(), alone=head.startswith(GZIP_MAGIC), name="diff-id")
    try:
        limited = _Limited(chunks, max_uncompressed, sha.update)
        tape = _Tape(iter(limited))
        entries = _walk(tape, max_entries, max_uncompressed, max_name_bytes)
        tape.drain()  # the diff_id covers the whole stream, padding after the end blocks included
        diff_id = "sha256:" + sha.hexdigest()
    finally:
        sha.close()
    return LayerIndex(
        digest=digest,
        compressed_size=source.count,
        uncompressed_size=limited.size,
        diff_id=diff_id,
        entries=tuple(entries),
    )


# ---------------------------------------------------------------------------------------------
# Tar headers (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html, GNU tar's
# tar.h for 'L'/'K'; behaviour as Go's archive/tar/reader.go)


def _cstr(field: bytes) -> bytes:
    nul = field.find(0)
    return field if nul < 0 else field[:nul]


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _number(field: bytes, what: str) -> int:
    if field and field[0] & 0x80:  # GNU base-256: a sign bit after the marker bit
        value = int.from_bytes(bytes([field[0] & 0x7F]) + field[1:], "big")
        if field[0] & 0x40:
            value -= 1 << (len(field) * 8 - 1)
        return value
    digits = field.strip(b" \x00")
    if not OCTAL.fullmatch(digits):
        raise LayerError(f"invalid tar header: {what} field {field!r} is not a number")
    return int(digits, 8) if digits else 0


def _checksum_ok(block: bytes) -> bool:
    expected = _number(block[148:156], "checksum")
    unsigned = sum(block) - sum(block[148:156]) + 8 * 32
    if expected == unsigned:
        return True
    high = len(block) - len(block.translate(None, HIGH_BYTES))
    high_in_field = 8 - len(block[148:156].translate(None, HIGH_BYTES))
    return expected == unsigned - 256 * (high - high_in_field)


def _pax(data: bytes) -> dict[str, bytes]:
    records: dict[str, bytes] = {}
    pos = 0
    while pos < len(data):
        space = data.find(b" ", pos, pos + 20)
        if space < 0 or not data[pos:space].isdigit():
            raise LayerError("invalid PAX header: bad record length")
        end = pos + int(data[pos:space])
        if end <= space or end > len(data) or data[end - 1] != 0x0A:
            raise LayerError("invalid PAX header: bad record length")
        key, eq, value = data[space + 1 : end - 1].partition(b"=")
        if not eq or not key:
            raise LayerError("invalid PAX header: record without a key")
        records[_text(key)] = value
        pos = end
    return records


def _pax_size(value: bytes) -> int:
    if not value.isdigit() or len(value) > 19:
        raise LayerError(f"invalid PAX header: size {value!r}")
    return int(value)


def _normalise(name: str) -> str:
    # Lexical, clamped at the root as containerd does (filepath.Join("/", name)); "//" stripped
    # first because POSIX lets normpath keep a leading double slash.
    return posixpath.normpath("/" + name.lstrip("/"))


def _walk(tape: _Tape, max_entries: int, max_uncompressed: int, max_name_bytes: int) -> list[Entry]:
    entries: list[Entry] = []
    append = entries.append
    long_name: bytes | None = None
    long_link: bytes | None = None
    pax: dict[str, bytes] = {}
    pax_bytes = 0
    name_bytes = 0
    while True:
        block = tape.read(BLOCK)
        if len(block) < BLOCK:
            if block or long_name is not None or long_link is not None or pax:
                raise LayerError("truncated tar stream: the stream ends inside a header")
            return entries  # Go's reader also takes a clean end between entries as the end
        if block == ZERO_BLOCK:
            return entries
        if not _checksum_ok(block):
            raise LayerError(f"invalid tar header at byte {tape.offset - BLOCK}: bad checksum")
        flag = block[156]
        size = _number(block[124:136], "size")
        if size < 0:
            raise LayerError("invalid tar header: negative size")

        if flag in b"LKxg":  # meta headers: their data describes the next entry
            if size > MAX_META or (flag == 0x78 and pax_bytes + size > MAX_META):
                raise LayerError(f"tar meta headers of more than {MAX_META} bytes for one entry")
            data = tape.read(size)
            if len(data) < size or not tape.skip(-size % BLOCK):
                raise LayerError("truncated tar stream: the stream ends inside a header")
            if flag == 0x4C:  # 'L'
                long_name = _cstr(data)
            elif flag == 0x4B:  # 'K'
                long_link = _cstr(data)
            elif flag == 0x78:  # 'x'
                pax.update(_pax(data))
                pax_bytes += size
            else:
                # 'g': validated, then ignored, as containerd does (Go returns it as an entry of
                # its own instead of merging it into the next headers).
                _pax(data)
            continue

        name = _cstr(block[0:100])
        link = _cstr(block[157:257])
        if block[257:263] == b"ustar\x00":
            prefix = _cstr(block[345:500])
            if prefix:
                name = prefix + b"/" + name
        sparse_1x0 = False
        if pax:
            if "path" in pax:
                name = pax["path"]
            if "linkpath" in pax:
                link = pax["linkpath"]
            if "size" in pax:
                size = _pax_size(pax["size"])
            sparse_1x0 = _pax_sparse(pax)
            if "GNU.sparse.name" in pax:  # PAX sparse files (Go: readGNUSparsePAXHeaders)
                name = pax["GNU.sparse.name"]
            pax, pax_bytes = {}, 0
        if long_name is not None:
            name, long_name = long_name, None
        if long_link is not None:
            link, long_link = long_link, None
        if len(name) >= PATH_MAX or len(link) >= PATH_MAX:
            what = "name" if len(name) >= PATH_MAX else "link target"
            raise LayerError(
                f"tar entry {what} of {max(len(name), len(link))} bytes, longer than PATH_MAX "
                f"({PATH_MAX}); refused"
            )
        name_bytes += len(name) + len(link)
        if name_bytes > max_name_bytes:
            raise LayerError(f"layer names and link targets hold more than {max_name_bytes} bytes")
        if flag == 0x53 and block[482]:  # old GNU sparse: extension blocks before the data
            _skip_sparse_extensions(tape)

        data_size = 0 if flag in HEADER_ONLY else size
        if data_size > max_uncompressed:
            raise LayerError(
                f"tar entry claims {data_size} bytes, more than the limit of {max_uncompressed}"
            )
        skipped = 0
        if sparse_1x0 and flag in REGULAR:
            # The data starts with the sparse map; what follows it is the stored data, which is
            # what an old GNU sparse entry's size counts too.
            skipped = _sparse_map_1x0(tape, data_size)
            size = data_size - skipped
        left = data_size - skipped
        if left and not tape.skip(left + (-data_size % BLOCK)):
            raise LayerError(
                f"truncated tar stream: entry {_text(name)!r} claims {data_size} bytes"
            )

        entry = _entry(_text(name), flag, size, link)
        if entry is not None:
            if len(entries) >= max_entries:
                raise LayerError(f"layer has more than {max_entries} entries")
            append(entry)


def _pax_sparse(pax: Mapping[str, bytes]) -> bool:
    """Whether PAX records announce a GNU sparse file of format 1.0 (map in the data)."""
    major, minor = pax.get("GNU.sparse.major"), pax.get("GNU.sparse.minor")
    return major == b"1" and minor == b"0"


def _skip_sparse_extensions(tape: _Tape) -> None:
    # GNU tar's old sparse format: 21 more map entries per block while byte 504 is set.
    for _ in range(MAX_META // BLOCK):
        extension = tape.read(BLOCK)
        if len(extension) < BLOCK:
            raise LayerError("truncated tar stream: the stream ends inside a sparse header")
        if not extension[504]:
            return
    raise LayerError(f"GNU sparse map of more than {MAX_META} bytes")


def _sparse_map_1x0(tape: _Tape, data_size: int) -> int:
    """Read the map of a PAX 1.0 sparse file (decimal lines: count, then offset and length
    pairs, padded to a block); returns its size in bytes."""
    head = b""
    lines = 0
    while True:
        if len(head) + BLOCK > min(data_size, MAX_META):
            raise LayerError("invalid GNU sparse map: larger than the entry or 1 MiB")
        block = tape.read(BLOCK)
        if len(block) < BLOCK:
            raise LayerError("truncated tar stream: the stream ends inside a sparse map")
        head += block
        lines += block.count(b"\n")
        if not lines:
            continue
        count = head[: head.index(b"\n")]
        if not count.isdigit() or len(count) > 19:
            raise LayerError("invalid GNU sparse map: bad entry count")
        if lines >= 1 + 2 * int(count):
            numbers = head.split(b"\n")[1 : 1 + 2 * int(count)]
            if not all(n.isdigit() and len(n) <= 19 for n in numbers):
                raise LayerError("invalid GNU sparse map: bad offset or length")
            return len(head)


def _entry(name: str, flag: int, size: int, link: bytes) -> Entry | None:
    if flag == 0 and name.endswith("/"):
        flag = 0x35  # legacy archives mark directories with a trailing slash
    path = _normalise(name)
    slash = path.rfind("/")
    base = path[slash + 1 :]
    if base.startswith(WHITEOUT_PREFIX):
        # https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts
        parent = path[:slash] or "/"
        if base == OPAQUE_MARKER:
            return Entry(parent, "opaque", 0)
        if not base.startswith(META_PREFIX) and len(base) > len(WHITEOUT_PREFIX):
            return Entry(path[: slash + 1] + base[len(WHITEOUT_PREFIX) :], "whiteout", 0)
        return Entry(path, "other", 0)
    if path == "/":
        return None  # containerd skips entries that resolve to the root
    if flag in REGULAR:
        return Entry(path, "file", size)
    if flag == 0x35:
        return Entry(path, "dir", 0)
    if flag == 0x32:
        return Entry(path, "symlink", 0, _text(link))
    if flag == 0x31:
        return Entry(path, "hardlink", 0, _normalise(_text(link)))
    return Entry(path, "other", 0)


# ---------------------------------------------------------------------------------------------
# Applying layers

_DIR = -1
_NOBYTES = -2  # symlinks, devices, hard links to nothing


class _Filesystem:
    """Paths -> _DIR, _NOBYTES or an inode number; inodes carry the bytes and a reference count.

    `children` holds the paths directly below each directory that has any, so that removing a
    directory visits only what is below it; a key there is always an existing directory.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, int] = {"/": _DIR}
        self.children: dict[str, set[str]] = {}
        self.ino_path: list[str] = []
        self.ino_size: list[int] = []
        self.ino_layer: list[int] = []
        self.ino_refs: list[int] = []
        self.link_layer: dict[str, int] = {}
        self.lost: list[tuple[int, str, int]] = []  # (inode, reason, by_layer)

    def _release(self, code: int, reason: str, layer: int) -> None:
        if code >= 0:
            self.ino_refs[code] -= 1
            if not self.ino_refs[code]:
                self.lost.append((code, reason, layer))

    def _drop_below(self, path: str, layer: int) -> None:
        nodes, children, refs, lost = self.nodes, self.children, self.ino_refs, self.lost
        stack = list(children.pop(path, ()))
        while stack:
            p = stack.pop()
            code = nodes.pop(p)
            if code >= 0:
                refs[code] -= 1
                if not refs[code]:
                    lost.append((code, "deleted", layer))
            kids = children.pop(p, None)
            if kids:
                stack.extend(kids)

    def drop(self, path: str, reason: str, layer: int) -> None:
        """Remove path and everything below it."""
        if path == "/":
            self._drop_below(path, layer)
            return
        code = self.nodes.pop(path, None)
        if code is None:
            return
        self.children[path[: path.rfind("/")] or "/"].discard(path)
        self._release(code, reason, layer)
        self._drop_below(path, layer)

    def clear(self, path: str, layer: int) -> None:
        """Remove everything below path (an opaque directory)."""
        if self.nodes.get(path) == _DIR:
            self._drop_below(path, layer)

    def add(self, path: str, code: int, layer: int) -> None:
        """Put code at path; a code >= 0 brings its own reference."""
        nodes = self.nodes
        old = nodes.get(path)
        if old is None:
            kids = self.children.get(path[: path.rfind("/")] or "/")
            if kids is None:
                self._attach(path, layer)
            else:
                kids.add(path)
        elif old == _DIR and code == _DIR:
            return
        elif path == "/":
            self._release(code, "overwritten", layer)
            return
        else:
            self.drop(path, "overwritten", layer)
            self.children[path[: path.rfind("/")] or "/"].add(path)
        nodes[path] = code

    def _attach(self, path: str, layer: int) -> None:
        # Parents that do not exist yet are made (containerd's MkdirAll); a parent that is not
        # a directory is replaced by one.
        nodes, children = self.nodes, self.children
        child = path
        while True:
            parent = child[: child.rfind("/")] or "/"
            kids = children.get(parent)
            if kids is not None:
                kids.add(child)
                return
            children[parent] = {child}
            code = nodes.get(parent)
            if code is None:
                nodes[parent] = _DIR
                child = parent
                continue
            if code != _DIR:
                nodes[parent] = _DIR
                self._release(code, "overwritten", layer)
            return

    def wasted(self) -> list[Waste]:
        size = self.ino_size
        found = [
            Waste(self.ino_path[code], size[code], self.ino_layer[code], reason, by_layer)
            for code, reason, by_layer in self.lost
            if size[code]
        ]
        found.sort(key=lambda w: (-w.bytes, w.path, w.layer))
        return found

    def visible(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        orphans: dict[int, list[str]] = {}
        for path, code in self.nodes.items():
            if code < 0:
                continue
            if self.ino_path[code] == path:
                out[path] = (self.ino_size[code], self.ino_layer[code])
            else:
                out[path] = (0, self.link_layer.get(path, self.ino_layer[code]))
                if self.nodes.get(self.ino_path[code]) != code:
                    orphans.setdefault(code, []).append(path)
        # An inode whose first path is gone but a hard link survives: its bytes go to one link.
        for code, paths in orphans.items():
            out[min(paths)] = (self.ino_size[code], self.ino_layer[code])
        return out

    def linked(self, visible: Mapping[str, tuple[int, int]]) -> dict[str, tuple[str, ...]]:
        """For each visible path that shows the bytes of data other paths hold too, those paths
        (`uv` and `pnpm` link what they install to their caches: one copy in the layer)."""
        paths: dict[int, list[str]] = {}
        for path, code in self.nodes.items():
            if code >= 0 and self.ino_refs[code] > 1:
                paths.setdefault(code, []).append(path)
        out = {}
        for group in paths.values():
            if len(group) > 1:
                shown = next(p for p in group if visible[p][0] or p == group[-1])
                out[shown] = tuple(p for p in group if p != shown)
        return out


def analyze(layers: Sequence[LayerIndex]) -> Analysis:
    """Apply layers bottom first with OCI semantics and find the bytes the result does not show.

    A regular file's bytes are wasted when no path of the final filesystem shows them: replaced at
    its path ("overwritten") or removed by a whiteout, an opaque directory or a replaced parent
    ("deleted"). Each hidden version counts once; the surviving one does not (dive#684); files of
    0 bytes are not listed. `visible` maps each regular file and hard link of the result to
    (bytes, layer); a hard link shows 0 bytes, unless every other path of its data is gone.
    Paths are taken lexically: symlinked parent directories are not followed.
    """
    fs = _Filesystem()
    add, nodes, refs = fs.add, fs.nodes, fs.ino_refs
    new_path, new_size, new_layer = fs.ino_path.append, fs.ino_size.append, fs.ino_layer.append
    for layer, index in enumerate(layers):
        # Whiteouts and opaque markers hide only lower layers, whatever their order in the tar.
        # https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts
        for e in index.entries:
            if e.kind == "whiteout":
                fs.drop(e.path, "deleted", layer)
            elif e.kind == "opaque":
                fs.clear(e.path, layer)
        for e in index.entries:
            kind = e.kind
            if kind == "file":
                code = len(refs)
                new_path(e.path)
                new_size(e.size)
                new_layer(layer)
                refs.append(1)
                add(e.path, code, layer)
            elif kind == "dir":
                add(e.path, _DIR, layer)
            elif kind == "hardlink":
                code = nodes.get(e.target, _NOBYTES)
                if code >= 0:
                    refs[code] += 1
                else:
                    code = _NOBYTES
                add(e.path, code, layer)
                fs.link_layer[e.path] = layer
            elif kind != "whiteout" and kind != "opaque":
                add(e.path, _NOBYTES, layer)
    wasted = fs.wasted()
    visible = fs.visible()
    return Analysis(
        uncompressed_size=sum(index.uncompressed_size for index in layers),
        wasted_bytes=sum(w.bytes for w in wasted),
        wasted=tuple(wasted),
        visible=MappingProxyType(visible),
        linked=MappingProxyType(fs.linked(visible)),
    )


# ---------------------------------------------------------------------------------------------
# The on-disk cache

_CACHE_VERSION = 1
_SAFE_DIGEST = re.compile(r"[a-z0-9]+:[a-zA-Z0-9_-]{16,256}")


def _whole(value: object) -> int:
    if type(value) is not int or value < 0:
        raise ValueError("not a size")
    return value


def _cached_entry(path: object, kind: object, size: object, target: object) -> Entry:
    if type(path) is not str or type(target) is not str or type(kind) is not int or kind < 0:
        raise ValueError("not an entry")
    return Entry(path, KINDS[kind], _whole(size), target)


class IndexCache:
    """Layer indexes by blob digest, one gzip'd JSON file each; a bad file reads as a miss."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _file(self, digest: str) -> Path | None:
        if not _SAFE_DIGEST.fullmatch(digest):
            return None
        return self.directory / (digest.replace(":", "-") + ".json.gz")

    def get(self, digest: str) -> LayerIndex | None:
        path = self._file(digest)
        if path is None:
            return None
        try:
            with gzip.open(path, "rb") as f:
                doc = json.loads(f.read())
            if doc["v"] != _CACHE_VERSION or doc["digest"] != digest:
                return None
            entries = tuple(_cached_entry(*row) for row in doc["entries"])
            index = LayerIndex(
                digest=digest,
                compressed_size=_whole(doc["compressed_size"]),
                uncompressed_size=_whole(doc["uncompressed_size"]),
                diff_id=str(doc["diff_id"]),
                entries=entries,
            )
        except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError):
            return None  # json, gzip and zlib errors are ValueError or OSError
        return index

    def put(self, index: LayerIndex) -> None:
        path = self._file(index.digest)
        if path is None:
            return
        kind_code = {k: i for i, k in enumerate(KINDS)}
        doc = {
            "v": _CACHE_VERSION,
            "digest": index.digest,
            "compressed_size": index.compressed_size,
            "uncompressed_size": index.uncompressed_size,
            "diff_id": index.diff_id,
            "entries": [[e.path, kind_code[e.kind], e.size, e.target] for e in index.entries],
        }
        data = gzip.compress(json.dumps(doc, separators=(",", ":")).encode(), 6, mtime=0)
        self.directory.mkdir(parents=True, exist_ok=True)
        replace_atomically(path, data)
