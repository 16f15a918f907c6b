from __future__ import annotations

import builtins
import gzip
import hashlib
import io
import os
import random
import tarfile
import threading
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from layerguard.image.layers import (
    Analysis,
    Entry,
    IndexCache,
    LayerError,
    LayerIndex,
    Waste,
    analyze,
    index_layer,
)

GZIP = "application/vnd.oci.image.layer.v1.tar+gzip"
ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd"
TAR = "application/vnd.oci.image.layer.v1.tar"
DIGEST = "sha256:" + "ab" * 32

# --- building layers ---------------------------------------------------------------------------


def make_tar(members: list[tuple[Any, ...]], fmt: int = tarfile.GNU_FORMAT) -> bytes:
    """members: (name, "file", data) | (name, "dir") | (name, "symlink"|"hardlink", target)."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as tar:
        for name, kind, *rest in members:
            info = tarfile.TarInfo(name)
            data = b""
            if kind == "file":
                data = rest[0]
                info.size = len(data)
            elif kind == "dir":
                info.type = tarfile.DIRTYPE
            elif kind == "symlink":
                info.type, info.linkname = tarfile.SYMTYPE, rest[0]
            elif kind == "hardlink":
                info.type, info.linkname = tarfile.LNKTYPE, rest[0]
            elif kind == "fifo":
                info.type = tarfile.FIFOTYPE
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def compress(raw: bytes, how: str) -> bytes:
    if how == "gzip":
        return gzip.compress(raw, 6)
    if how == "zstd":
        return zstandard.ZstdCompressor().compress(raw)
    return raw


def index(blob: bytes, media_type: str = GZIP, **kw: Any) -> LayerIndex:
    return index_layer(io.BytesIO(blob), DIGEST, media_type, **kw)


def entries(raw: bytes, how: str = "gzip") -> list[tuple[str, str, int, str]]:
    return [(e.path, e.kind, e.size, e.target) for e in index(compress(raw, how)).entries]


def header(
    name: bytes,
    size: int = 0,
    flag: bytes = b"0",
    *,
    link: bytes = b"",
    size_field: bytes | None = None,
    prefix: bytes = b"",
    magic: bytes = b"ustar\x0000",
) -> bytes:
    """A hand-made tar header, for what tarfile will not write."""
    b = bytearray(512)
    b[0 : len(name)] = name
    b[100:108] = b"0000644\x00"
    b[108:116] = b[116:124] = b"0000000\x00"
    b[124:136] = size_field if size_field is not None else b"%011o\x00" % size
    b[136:148] = b"00000000000\x00"
    b[156:157] = flag
    b[157 : 157 + len(link)] = link
    b[257:265] = magic
    b[345 : 345 + len(prefix)] = prefix
    b[148:156] = b" " * 8
    b[148:156] = b"%06o\x00 " % sum(b)
    return bytes(b)


def pad(data: bytes) -> bytes:
    return data + bytes(-len(data) % 512)


def member(name: bytes, data: bytes = b"", flag: bytes = b"0", **kw: Any) -> bytes:
    return header(name, len(data), flag, **kw) + pad(data)


def pax_records(records: dict[str, bytes]) -> bytes:
    out = b""
    for key, value in records.items():
        body = b" " + key.encode() + b"=" + value + b"\n"
        n = len(body) + 1
        while len(str(n)) + len(body) != n:
            n += 1
        out += str(n).encode() + body
    return out


END = bytes(1024)


def base256(value: int) -> bytes:
    return b"\x80" + value.to_bytes(11, "big")


# --- index_layer: formats ----------------------------------------------------------------------

BASIC = [
    ("usr", "dir"),
    ("usr/bin", "dir"),
    ("usr/bin/tool", "file", b"x" * 1500),
    ("usr/bin/alias", "symlink", "tool"),
    ("usr/bin/same", "hardlink", "usr/bin/tool"),
    ("etc/empty", "file", b""),
    ("dev-fifo", "fifo"),
]
BASIC_ENTRIES = [
    ("/usr", "dir", 0, ""),
    ("/usr/bin", "dir", 0, ""),
    ("/usr/bin/tool", "file", 1500, ""),
    ("/usr/bin/alias", "symlink", 0, "tool"),
    ("/usr/bin/same", "hardlink", 0, "/usr/bin/tool"),
    ("/etc/empty", "file", 0, ""),
    ("/dev-fifo", "other", 0, ""),
]


@pytest.mark.parametrize("how,media_type", [("plain", TAR), ("gzip", GZIP), ("zstd", ZSTD)])
@pytest.mark.parametrize(
    "fmt",
    [tarfile.GNU_FORMAT, tarfile.PAX_FORMAT, tarfile.USTAR_FORMAT],
    ids=["gnu", "pax", "ustar"],
)
def test_sizes_and_diff_id(how: str, media_type: str, fmt: int) -> None:
    raw = make_tar(BASIC, fmt)
    blob = compress(raw, how)
    got = index(blob, media_type)
    assert got.digest == DIGEST
    assert got.compressed_size == len(blob)
    assert got.uncompressed_size == len(raw)  # tarfile pads to a 10 kB record: counted too
    assert got.diff_id == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert [(e.path, e.kind, e.size, e.target) for e in got.entries] == BASIC_ENTRIES


@pytest.mark.parametrize("how", ["plain", "gzip", "zstd"])
def test_media_type_is_only_a_hint(how: str) -> None:
    raw = make_tar(BASIC)
    assert index(compress(raw, how), TAR).entries == index(compress(raw, how), ZSTD).entries


@pytest.mark.parametrize("how", ["plain", "gzip", "zstd"])
def test_short_reads(how: str) -> None:
    raw = make_tar(BASIC)
    blob = compress(raw, how)

    class Dribble(io.RawIOBase):
        def __init__(self) -> None:
            self.data, self.pos = blob, 0

        def read(self, size: int = -1) -> bytes:
            n = random.Random(self.pos).randint(1, 7)
            out = self.data[self.pos : self.pos + n]
            self.pos += len(out)
            return out

    got = index_layer(Dribble(), DIGEST, GZIP)  # type: ignore[arg-type]
    assert got == index(blob)
    assert got.compressed_size == len(blob)


def test_empty_blob_is_an_empty_layer() -> None:
    got = index(b"", TAR)
    assert got.entries == () and got.uncompressed_size == 0
    assert got.diff_id == "sha256:" + hashlib.sha256(b"").hexdigest()


def test_concatenated_gzip_members() -> None:
    raw = make_tar(BASIC)
    blob = gzip.compress(raw[:700]) + gzip.compress(raw[700:])
    got = index(blob)
    assert got.diff_id == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert [(e.path, e.kind, e.size, e.target) for e in got.entries] == BASIC_ENTRIES


def test_gzip_members_split_across_reads() -> None:
    raw = make_tar(BASIC)
    first = gzip.compress(raw[:700])
    blob = first + gzip.compress(raw[700:])

    class TwoReads(io.RawIOBase):
        def __init__(self) -> None:
            self.parts = [blob[: len(first) + 1], blob[len(first) + 1 :]]

        def read(self, size: int = -1) -> bytes:
            return self.parts.pop(0) if self.parts else b""

    got = index_layer(TwoReads(), DIGEST, GZIP)  # type: ignore[arg-type]
    assert got.uncompressed_size == len(raw)


def test_zstd_frames_checksums_and_skippable_frames() -> None:
    raw = make_tar(BASIC)
    skippable = b"\x5a\x2a\x4d\x18" + (5).to_bytes(4, "little") + b"hello"
    blob = (
        skippable
        + zstandard.ZstdCompressor(write_checksum=True).compress(raw[:1000])
        + skippable
        + zstandard.ZstdCompressor(write_content_size=False, level=19).compress(raw[1000:])
    )
    got = index(blob, ZSTD)
    assert got.diff_id == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert got.compressed_size == len(blob)
    assert [(e.path, e.kind, e.size, e.target) for e in got.entries] == BASIC_ENTRIES


def test_zstd_checksum_mismatch() -> None:
    blob = bytearray(zstandard.ZstdCompressor(write_checksum=True).compress(make_tar(BASIC)))
    blob[-1] ^= 0xFF
    with pytest.raises(LayerError, match="corrupt zstd"):
        index(bytes(blob), ZSTD)


def test_gnu_long_names_and_links() -> None:
    long_dir = "/".join(["d" * 60] * 4)
    raw = make_tar(
        [(f"{long_dir}/file", "file", b"abc"), (f"{long_dir}/link", "symlink", "t" * 150)]
    )
    assert b"././@LongLink" in raw
    assert entries(raw) == [
        (f"/{long_dir}/file", "file", 3, ""),
        (f"/{long_dir}/link", "symlink", 0, "t" * 150),
    ]


def test_pax_long_names_and_utf8() -> None:
    name = "ünï/" + "p" * 200
    raw = make_tar([(name, "file", b"abcd"), ("h", "hardlink", name)], tarfile.PAX_FORMAT)
    assert entries(raw) == [(f"/{name}", "file", 4, ""), ("/h", "hardlink", 0, f"/{name}")]


def test_pax_overrides_path_size_and_linkpath() -> None:
    data = b"z" * 700
    raw = (
        member(b"PaxHeaders/x", pax_records({"path": b"real/name", "size": b"700"}), b"x")
        + header(b"short", 0)  # the ustar size says 0: the PAX size wins
        + pad(data)
        + member(b"PaxHeaders/y", pax_records({"linkpath": b"../far/target"}), b"x")
        + header(b"hl", 0, b"1", link=b"near")
        + END
    )
    assert entries(raw, "plain") == [
        ("/real/name", "file", 700, ""),
        ("/hl", "hardlink", 0, "/far/target"),
    ]


def test_pax_global_header_is_not_applied() -> None:
    # As containerd: Go's reader returns a 'g' header on its own, it does not merge it.
    raw = member(b"g", pax_records({"path": b"everything"}), b"g") + member(b"a", b"1") + END
    assert entries(raw, "plain") == [("/a", "file", 1, "")]


def test_gnu_long_name_wins_over_pax_path() -> None:
    raw = (
        member(b"././@LongLink", b"from-gnu\x00", b"L")
        + member(b"PaxHeaders", pax_records({"path": b"from-pax"}), b"x")
        + member(b"ustar-name", b"q")
        + END
    )
    assert entries(raw, "plain") == [("/from-gnu", "file", 1, "")]


def test_ustar_prefix() -> None:
    raw = member(b"name", b"12", prefix=b"some/prefix") + END
    assert entries(raw, "plain") == [("/some/prefix/name", "file", 2, "")]


def test_gnu_magic_has_no_prefix() -> None:
    raw = member(b"name", b"12", prefix=b"atime-junk", magic=b"ustar  \x00") + END
    assert entries(raw, "plain") == [("/name", "file", 2, "")]


def test_base256_size() -> None:
    data = b"q" * 1000
    raw = header(b"big", size_field=base256(1000)) + pad(data) + member(b"next") + END
    assert entries(raw, "plain") == [("/big", "file", 1000, ""), ("/next", "file", 0, "")]


def test_legacy_trailing_slash_directory() -> None:
    raw = header(b"olddir/", 0, b"\x00", magic=bytes(8)) + END
    assert entries(raw, "plain") == [("/olddir", "dir", 0, "")]


def test_header_only_types_carry_no_data() -> None:
    # Go skips no data for links, devices, dirs and fifos, whatever their size field says.
    raw = header(b"d", 512, b"5") + member(b"f", b"1") + END
    assert entries(raw, "plain") == [("/d", "dir", 0, ""), ("/f", "file", 1, "")]


def test_data_after_the_end_blocks_is_hashed() -> None:
    raw = member(b"a", b"1") + END + b"trailing junk"
    got = index(raw, TAR)
    assert got.uncompressed_size == len(raw)
    assert got.diff_id == "sha256:" + hashlib.sha256(raw).hexdigest()


def test_whiteouts_and_opaque_dirs() -> None:
    raw = make_tar(
        [
            ("etc/.wh.passwd", "file", b""),
            ("var/cache/.wh..wh..opq", "file", b""),
            (".wh.top", "file", b""),
            (".wh..wh..opq", "file", b""),
            ("x/.wh..wh.plnk", "dir"),
        ]
    )
    assert entries(raw) == [
        ("/etc/passwd", "whiteout", 0, ""),
        ("/var/cache", "opaque", 0, ""),
        ("/top", "whiteout", 0, ""),
        ("/", "opaque", 0, ""),
        ("/x/.wh..wh.plnk", "other", 0, ""),
    ]


@pytest.mark.parametrize(
    "name,path",
    [
        ("../../etc/passwd", "/etc/passwd"),
        ("/abs/file", "/abs/file"),
        ("./x", "/x"),
        ("a/../../../b", "/b"),
        ("a//b/./c/", "/a/b/c"),
        ("//double", "/double"),
        (".bashrc", "/.bashrc"),
        ("..hidden", "/..hidden"),
        ("../.wh.passwd", "/passwd"),
    ],
)
def test_names_never_escape_the_root(name: str, path: str) -> None:
    kind = "whiteout" if ".wh." in name else "file"
    assert entries(make_tar([(name, "file", b"1")])) == [
        (path, kind, 0 if ".wh." in name else 1, "")
    ]


def test_entries_at_the_root_are_skipped() -> None:
    raw = make_tar([(".", "dir"), ("./", "dir"), ("..", "dir"), ("/", "dir"), ("a", "dir")])
    assert entries(raw) == [("/a", "dir", 0, "")]


def test_link_targets() -> None:
    raw = make_tar([("l1", "symlink", "../../etc/shadow"), ("l2", "hardlink", "../../etc/shadow")])
    # A symlink's target is kept as written (it resolves at run time); a hard link's is a path in
    # the image.
    assert entries(raw) == [
        ("/l1", "symlink", 0, "../../etc/shadow"),
        ("/l2", "hardlink", 0, "/etc/shadow"),
    ]


def test_deeply_nested_directories() -> None:
    parts = [f"d{i}" for i in range(600)]  # a path of 2,890 bytes: under PATH_MAX
    members: list[tuple[Any, ...]] = [("/".join(parts[: i + 1]), "dir") for i in range(0, 600, 20)]
    members.append(("/".join(parts) + "/leaf", "file", b"x"))
    got = entries(make_tar(members, tarfile.PAX_FORMAT))
    assert len(got) == 31 and got[-1] == ("/" + "/".join(parts) + "/leaf", "file", 1, "")


def test_non_utf8_names_round_trip() -> None:
    raw = member(b"caf\xe9", b"1") + END
    (entry,) = index(raw, TAR).entries
    assert entry.path.encode("utf-8", "surrogateescape") == b"/caf\xe9"


def test_never_opens_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    blobs = [compress(make_tar(BASIC), how) for how in ("plain", "gzip", "zstd")]

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("index_layer opened a file")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(os, "open", refuse)
    for blob in blobs:
        assert len(index(blob).entries) == len(BASIC)


def zeros_layer(size: int, how: str, files: int = 1) -> Iterator[bytes]:
    """A gzip/zstd layer of `files` files of `size` zero bytes each, made without holding it."""
    chunk = bytes(1 << 20)
    if how == "gzip":
        comp: Any = zlib.compressobj(1, zlib.DEFLATED, 31)
    else:
        comp = zstandard.ZstdCompressor(level=1).compressobj()
    for i in range(files):
        info = tarfile.TarInfo(f"zeros{i}")
        info.size = size
        yield comp.compress(info.tobuf(tarfile.GNU_FORMAT))
        left = size
        while left:
            n = min(left, len(chunk))
            yield comp.compress(chunk[:n])
            left -= n
        yield comp.compress(bytes(-size % 512))
    yield comp.compress(END)
    yield comp.flush()


@pytest.mark.parametrize("how", ["gzip", "zstd"])
def test_memory_stays_bounded(how: str) -> None:
    size = 96 << 20
    blob = b"".join(zeros_layer(size, how))
    assert len(blob) < size // 50
    tracemalloc.start()
    try:
        got = index(blob)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert got.entries == (Entry("/zeros0", "file", size),)
    assert got.uncompressed_size == size + 512 + 1024
    assert peak < 8 << 20


# --- index_layer: hostile input ----------------------------------------------------------------


@pytest.mark.parametrize("how", ["gzip", "zstd"])
def test_decompression_bomb_is_bounded(how: str) -> None:
    # A 256 MiB stream from a blob of about a megabyte, in files each under the limit.
    blob = b"".join(zeros_layer(4 << 20, how, files=64))
    assert len(blob) < 2 << 20
    with pytest.raises(LayerError, match="more than 16777216 bytes"):
        index(blob, max_uncompressed=16 << 20)


def test_header_claiming_a_huge_size_with_truncated_data() -> None:
    raw = header(b"huge", size_field=base256(1 << 35)) + b"only a little data"
    with pytest.raises(LayerError, match="truncated"):
        index(gzip.compress(raw))


def test_header_claiming_more_than_the_limit() -> None:
    raw = header(b"huge", size_field=base256(1 << 62)) + END
    with pytest.raises(LayerError, match="more than the limit"):
        index(raw, TAR)


def test_negative_size() -> None:
    with pytest.raises(LayerError, match="negative"):
        index(header(b"neg", size_field=b"\xff" * 12) + END, TAR)


@pytest.mark.parametrize("cut", [10, 100, 0.5, -4])
def test_truncated_gzip(cut: float) -> None:
    blob = gzip.compress(make_tar(BASIC))
    at = int(len(blob) * cut) if isinstance(cut, float) else cut
    with pytest.raises(LayerError, match="gzip"):
        index(blob[:at])


def test_truncated_zstd() -> None:
    blob = compress(make_tar(BASIC), "zstd")
    with pytest.raises(LayerError):
        index(blob[: len(blob) // 2])


def test_truncated_tar_inside_a_header() -> None:
    with pytest.raises(LayerError, match="inside a header"):
        index(make_tar(BASIC)[:700], TAR)


def test_truncated_inside_a_long_name() -> None:
    with pytest.raises(LayerError, match="inside a header"):
        index(member(b"././@LongLink", b"n" * 600, b"L")[:1000], TAR)


def test_long_name_without_its_entry() -> None:
    with pytest.raises(LayerError):
        index(member(b"././@LongLink", b"n\x00", b"L"), TAR)


def test_oversized_meta_header() -> None:
    with pytest.raises(LayerError, match="meta header"):
        index(header(b"././@LongLink", 1 << 30, b"L") + END, TAR)


@pytest.mark.parametrize(
    "records",
    [b"garbage", b"5 a=b\n", b"99 a=b\n", b"6 ab\n\n", b"8 =abc\n", b"-1 a=b\n"],
)
def test_bad_pax_records(records: bytes) -> None:
    with pytest.raises(LayerError, match="PAX"):
        index(member(b"p", records, b"x") + member(b"a") + END, TAR)


def test_bad_pax_size() -> None:
    raw = member(b"p", pax_records({"size": b"-3"}), b"x") + member(b"a") + END
    with pytest.raises(LayerError, match="PAX header: size"):
        index(raw, TAR)


def test_bad_checksum() -> None:
    raw = bytearray(make_tar(BASIC))
    raw[0] ^= 1
    with pytest.raises(LayerError, match="checksum"):
        index(bytes(raw), TAR)


def test_bad_octal_field() -> None:
    with pytest.raises(LayerError, match="size field"):
        index(header(b"a", size_field=b"0o17\x00" + bytes(7)) + END, TAR)


def test_signed_checksum_is_accepted() -> None:
    block = bytearray(header(b"caf\xe9\xff"))
    block[148:156] = b" " * 8
    signed = sum(b - 256 if b > 127 else b for b in block)
    block[148:156] = b"%06o\x00 " % signed
    assert [e.path for e in index(bytes(block) + END, TAR).entries] == ["/caf\udce9\udcff"]


def test_trailing_garbage_after_gzip() -> None:
    with pytest.raises(LayerError, match="trailing data"):
        index(gzip.compress(make_tar(BASIC)) + b"PK\x03\x04")


def test_trailing_garbage_after_zstd() -> None:
    with pytest.raises(LayerError):
        index(compress(make_tar(BASIC), "zstd") + b"junk")


@pytest.mark.parametrize("magic", [b"BZh91AY&SY", b"\xfd7zXZ\x00\x00"])
def test_unsupported_compression(magic: bytes) -> None:
    with pytest.raises(LayerError, match="not supported"):
        index(magic + bytes(100))


def test_too_many_entries() -> None:
    raw = make_tar([(f"f{i}", "file", b"") for i in range(11)])
    assert len(index(raw, TAR, max_entries=11).entries) == 11
    with pytest.raises(LayerError, match="more than 10 entries"):
        index(raw, TAR, max_entries=10)


def test_random_bytes() -> None:
    rng = random.Random(1)
    for n in (1, 7, 511, 512, 4096):
        with pytest.raises(LayerError):
            index(rng.randbytes(n), TAR)


def _index_or_refuse(blob: bytes) -> None:
    try:
        got = index(blob, max_uncompressed=1 << 22)
    except LayerError as error:
        assert "\n" not in str(error)
        return
    assert got.compressed_size == len(blob)
    for e in got.entries:
        assert e.path.startswith("/") and "/../" not in e.path + "/" and "//" not in e.path
        assert e.kind in {"file", "dir", "symlink", "hardlink", "whiteout", "opaque", "other"}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_index_or_refuse(blob: bytes) -> None:
    _index_or_refuse(blob)


VALID = make_tar([*BASIC, ("x" * 120, "file", b"long"), ("p/.wh.q", "file", b"")])


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["plain", "gzip", "zstd"]),
    st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), max_size=8),
    st.integers(0, len(VALID)),
)
def test_mutated_layers_index_or_refuse(how: str, flips: list[tuple[int, int]], cut: int) -> None:
    raw = bytearray(VALID)
    for at, value in flips:
        raw[at] = value
    blob = compress(bytes(raw), how)
    _index_or_refuse(blob)
    _index_or_refuse(blob[:cut])


# --- index_layer: the thread that hashes the diff_id -------------------------------------------

HASHER = "layerguard-diff-id"


def hashers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == HASHER]


def big_tar(files: int = 6, size: int = 1 << 20) -> bytes:
    """Several MiB of tar (more chunks than the hashing thread's queue holds), compressible."""
    rng = random.Random(files)
    data = [b"".join(rng.randbytes(64) * 16 for _ in range(size // 1024)) for _ in range(files)]
    return make_tar([(f"f{i}", "file", d) for i, d in enumerate(data)])


class Watched(io.RawIOBase):
    """A blob read in small pieces that notes the most hashing threads alive at any read, and
    raises `fail` once `fail_at` bytes are read."""

    def __init__(self, blob: bytes, fail_at: int = -1, fail: Exception | None = None) -> None:
        self.blob, self.pos = blob, 0
        self.fail_at, self.fail = fail_at, fail
        self.most_hashers = 0

    def read(self, size: int = -1) -> bytes:
        self.most_hashers = max(self.most_hashers, len(hashers()))
        if self.fail is not None and self.pos >= self.fail_at:
            raise self.fail
        out = self.blob[self.pos : self.pos + min(size, 64 * 1024)]
        self.pos += len(out)
        return out


def index_watched(stream: Watched, threads: int = 1, **kw: Any) -> LayerIndex:
    """index_layer on `stream`; checks that it hashed on `threads` threads (0 or 1) while the
    stream was read, and left no thread behind."""
    before = set(threading.enumerate())
    try:
        return index_layer(stream, DIGEST, ZSTD, **kw)  # type: ignore[arg-type]
    finally:
        assert stream.most_hashers == threads
        assert hashers() == []
        assert set(threading.enumerate()) <= before


@pytest.mark.parametrize(("how", "threads"), [("plain", 1), ("gzip", 0), ("zstd", 1)])
def test_diff_id_hashed_on_a_thread_in_order(how: str, threads: int) -> None:
    """zstd and plain layers hash on a second thread; gzip, six times slower to decompress
    than the hash, hashes inline (a thread costs it on a busy machine)."""
    raw = big_tar()
    got = index_watched(Watched(compress(raw, how)), threads=threads)
    assert got.diff_id == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert got.uncompressed_size == len(raw)
    assert [e.path for e in got.entries] == [f"/f{i}" for i in range(6)]


@pytest.mark.parametrize("how", ["plain", "gzip", "zstd"])
def test_small_layer_hashed_without_a_thread(how: str) -> None:
    raw = make_tar(BASIC)
    got = index_watched(Watched(compress(raw, how)), threads=0)
    assert got.diff_id == "sha256:" + hashlib.sha256(raw).hexdigest()


def test_no_thread_to_be_had_hashes_inline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", refuse)
    raw = big_tar()
    got = index_watched(Watched(compress(raw, "zstd")), threads=0)
    assert got.diff_id == "sha256:" + hashlib.sha256(raw).hexdigest()


def flipped(blob: bytes, at: int, n: int = 64) -> bytes:
    return blob[:at] + bytes(b ^ 0x5A for b in blob[at : at + n]) + blob[at + n :]


ZSTD_CHECKED = zstandard.ZstdCompressor(write_checksum=True).compress(big_tar())
GZIP_BIG = compress(big_tar(), "gzip")


@pytest.mark.parametrize(
    "blob,limit,error",
    [
        (flipped(ZSTD_CHECKED, len(ZSTD_CHECKED) // 2), 1 << 30, "corrupt zstd stream: "),
        (flipped(GZIP_BIG, len(GZIP_BIG) - 8, 4), 1 << 30, "corrupt gzip stream: "),  # its CRC
        (ZSTD_CHECKED[:-1000], 1 << 30, "truncated zstd stream"),
        (GZIP_BIG[:-1000], 1 << 30, "truncated gzip stream"),
        (big_tar()[:-20000], 1 << 30, "truncated tar stream: entry 'f5' claims 1048576 bytes"),
        (ZSTD_CHECKED, 3 << 20, "layer decompresses to more than 3145728 bytes"),
    ],
    ids=["zstd-corrupt", "gzip-bad-crc", "zstd-cut", "gzip-cut", "tar-cut", "over-the-limit"],
)
def test_bad_layer_mid_stream_one_line_no_thread_left(blob: bytes, limit: int, error: str) -> None:
    with pytest.raises(LayerError) as caught:
        index_watched(
            Watched(blob), threads=0 if blob[:2] == b"\x1f\x8b" else 1, max_uncompressed=limit
        )
    assert str(caught.value).startswith(error)
    assert "\n" not in str(caught.value)


def test_read_error_mid_stream_propagates_and_no_thread_left() -> None:
    failure = OSError("connection reset after 786432 bytes")
    stream = Watched(ZSTD_CHECKED, fail_at=len(ZSTD_CHECKED) // 2, fail=failure)
    with pytest.raises(OSError) as caught:
        index_watched(stream)
    assert caught.value is failure


def test_hashing_failure_reaches_the_caller_and_no_thread_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = hashlib.sha256

    class Failing:
        def __init__(self) -> None:
            self.sha, self.calls = real(), 0

        def update(self, data: bytes) -> None:
            self.calls += 1
            if self.calls == 3:
                raise MemoryError("no memory for the diff_id")
            self.sha.update(data)

    monkeypatch.setattr(hashlib, "sha256", Failing)
    with pytest.raises(MemoryError, match="no memory for the diff_id"):
        index_watched(Watched(ZSTD_CHECKED))


# --- analyze -----------------------------------------------------------------------------------


def layer(*items: tuple[Any, ...]) -> LayerIndex:
    """items: (path, "file", size) | (path, kind) | (path, "hardlink"|"symlink", target)."""
    es = []
    for path, kind, *rest in items:
        if kind == "file":
            es.append(Entry(path, kind, rest[0]))
        elif kind in ("hardlink", "symlink"):
            es.append(Entry(path, kind, 0, rest[0]))
        else:
            es.append(Entry(path, kind, 0))
    return LayerIndex("sha256:x", 0, 100, "sha256:y", tuple(es))


def wasted(result: Analysis) -> list[tuple[str, int, int, str, int]]:
    return [(w.path, w.bytes, w.layer, w.reason, w.by_layer) for w in result.wasted]


def test_seed_scenario() -> None:
    packages = [(f"/packages/p{i}", "file", 10_000 + i) for i in range(5)]
    result = analyze(
        [
            layer(("/bin/sh", "file", 500)),
            layer(("/test.txt", "file", 1000), ("/packages", "dir"), *packages),
            layer(("/test.txt", "file", 2000), ("/packages", "whiteout")),
            layer(("/test.txt", "file", 3000)),
            layer(("/test.txt", "whiteout")),
        ]
    )
    package_bytes = sum(p[2] for p in packages)
    assert result.wasted_bytes == 1000 + 2000 + 3000 + package_bytes
    assert result.uncompressed_size == 500
    assert dict(result.visible) == {"/bin/sh": (500, 0)}
    assert wasted(result)[:4] == [
        ("/packages/p4", 10_004, 1, "deleted", 2),
        ("/packages/p3", 10_003, 1, "deleted", 2),
        ("/packages/p2", 10_002, 1, "deleted", 2),
        ("/packages/p1", 10_001, 1, "deleted", 2),
    ]
    assert wasted(result)[-3:] == [
        ("/test.txt", 3000, 3, "deleted", 4),
        ("/test.txt", 2000, 2, "overwritten", 3),
        ("/test.txt", 1000, 1, "overwritten", 2),
    ]


def test_surviving_copy_is_not_wasted() -> None:
    result = analyze(
        [layer(("/a", "file", 10)), layer(("/a", "file", 20)), layer(("/a", "file", 30))]
    )
    assert result.wasted_bytes == 30
    assert dict(result.visible) == {"/a": (30, 2)}


def test_replaced_within_one_layer() -> None:
    result = analyze([layer(("/a", "file", 10), ("/a", "file", 20))])
    assert wasted(result) == [("/a", 10, 0, "overwritten", 0)]


def test_whiteout_hides_only_lower_layers() -> None:
    # In the same layer, the file survives its whiteout whatever their order in the tar.
    result = analyze(
        [
            layer(("/a", "file", 10), ("/b", "file", 5)),
            layer(("/a", "file", 20), ("/a", "whiteout"), ("/b", "whiteout"), ("/b", "file", 7)),
        ]
    )
    assert dict(result.visible) == {"/a": (20, 1), "/b": (7, 1)}
    assert wasted(result) == [("/a", 10, 0, "deleted", 1), ("/b", 5, 0, "deleted", 1)]


def test_whiteout_of_a_directory_removes_everything_below() -> None:
    result = analyze(
        [
            layer(("/d/x", "file", 1), ("/d/e/f/g", "file", 2), ("/dd", "file", 4)),
            layer(("/d", "whiteout")),
        ]
    )
    assert result.wasted_bytes == 3
    assert dict(result.visible) == {"/dd": (4, 0)}


def test_whiteout_of_nothing() -> None:
    assert analyze([layer(("/a", "file", 1)), layer(("/nope", "whiteout"))]).wasted_bytes == 0


def test_opaque_directory() -> None:
    result = analyze(
        [
            layer(("/d/old", "file", 100), ("/d/sub/old", "file", 50), ("/other", "file", 1)),
            layer(("/d/new", "file", 7), ("/d", "opaque"), ("/d/sub/new", "file", 3)),
        ]
    )
    assert dict(result.visible) == {"/other": (1, 0), "/d/new": (7, 1), "/d/sub/new": (3, 1)}
    assert result.wasted_bytes == 150


def test_opaque_root() -> None:
    result = analyze([layer(("/a", "file", 9)), layer(("/", "opaque"), ("/b", "file", 1))])
    assert dict(result.visible) == {"/b": (1, 1)}
    assert result.wasted_bytes == 9


def test_directory_replaces_file() -> None:
    result = analyze([layer(("/a", "file", 10)), layer(("/a", "dir"), ("/a/b", "file", 1))])
    assert wasted(result) == [("/a", 10, 0, "overwritten", 1)]
    assert dict(result.visible) == {"/a/b": (1, 1)}


def test_file_replaces_directory() -> None:
    result = analyze(
        [layer(("/d", "dir"), ("/d/x", "file", 5), ("/d/y/z", "file", 6)), layer(("/d", "file", 1))]
    )
    assert wasted(result) == [("/d/y/z", 6, 0, "deleted", 1), ("/d/x", 5, 0, "deleted", 1)]
    assert dict(result.visible) == {"/d": (1, 1)}


def test_symlink_replaces_directory() -> None:
    result = analyze([layer(("/d/x", "file", 5)), layer(("/d", "symlink", "/elsewhere"))])
    assert result.wasted_bytes == 5


def test_file_below_a_file_replaces_it() -> None:
    result = analyze([layer(("/a", "file", 10)), layer(("/a/b", "file", 1))])
    assert wasted(result) == [("/a", 10, 0, "overwritten", 1)]


def test_directory_over_directory_keeps_children() -> None:
    result = analyze([layer(("/d", "dir"), ("/d/x", "file", 5)), layer(("/d", "dir"))])
    assert result.wasted_bytes == 0 and dict(result.visible) == {"/d/x": (5, 0)}


def test_hardlinks_do_not_double_count() -> None:
    result = analyze(
        [
            layer(("/a", "file", 100), ("/b", "hardlink", "/a")),
            layer(("/a", "file", 1), ("/b", "file", 2)),
        ]
    )
    assert wasted(result) == [("/a", 100, 0, "overwritten", 1)]


def test_hardlink_keeps_bytes_alive() -> None:
    layers = [
        layer(("/a", "file", 100), ("/b", "hardlink", "/a"), ("/c", "hardlink", "/a")),
        layer(("/a", "whiteout")),
    ]
    result = analyze(layers)
    assert result.wasted_bytes == 0
    assert dict(result.visible) == {"/b": (100, 0), "/c": (0, 0)}
    result = analyze([*layers, layer(("/b", "whiteout"), ("/c", "whiteout"))])
    assert wasted(result) == [("/a", 100, 0, "deleted", 2)]


def test_hardlink_paths_show_no_bytes() -> None:
    result = analyze([layer(("/a", "file", 100)), layer(("/b", "hardlink", "/a"))])
    assert dict(result.visible) == {"/a": (100, 0), "/b": (0, 1)}


def test_hardlink_to_itself_or_nothing() -> None:
    result = analyze(
        [layer(("/a", "file", 100)), layer(("/a", "hardlink", "/a"), ("/x", "hardlink", "/nope"))]
    )
    assert result.wasted_bytes == 0 and dict(result.visible) == {"/a": (100, 0)}


def test_zero_byte_files_are_not_listed() -> None:
    result = analyze([layer(("/a", "file", 0)), layer(("/a", "whiteout"))])
    assert result.wasted == () and result.wasted_bytes == 0


def test_wasted_is_sorted_by_bytes_then_path() -> None:
    result = analyze(
        [layer(("/b", "file", 5), ("/a", "file", 5), ("/c", "file", 9)), layer(("/", "opaque"))]
    )
    assert [(w.path, w.bytes) for w in result.wasted] == [("/c", 9), ("/a", 5), ("/b", 5)]
    assert isinstance(result.wasted[0], Waste)


def test_from_real_tars() -> None:
    one = index(
        gzip.compress(
            make_tar([("app", "dir"), ("app/big", "file", b"b" * 5000), ("keep", "file", b"k")])
        )
    )
    two = index(gzip.compress(make_tar([("app/.wh.big", "file", b"")])))
    result = analyze([one, two])
    assert result.wasted_bytes == 5000
    assert result.uncompressed_size == one.uncompressed_size + two.uncompressed_size


PATHS = ["/", "/a", "/a/b", "/a/b/c", "/a/d", "/e"]
KIND = st.sampled_from(["file", "dir", "symlink", "whiteout", "opaque", "other", "hardlink"])


@st.composite
def layer_stacks(draw: st.DrawFn, links: bool) -> list[LayerIndex]:
    stack = []
    for _ in range(draw(st.integers(1, 5))):
        items: list[tuple[Any, ...]] = []
        for _ in range(draw(st.integers(0, 8))):
            kind = draw(KIND if links else KIND.filter(lambda k: k != "hardlink"))
            path = draw(st.sampled_from(PATHS if kind == "opaque" else PATHS[1:]))
            if kind == "file":
                items.append((path, kind, draw(st.integers(0, 100))))
            elif kind in ("hardlink", "symlink"):
                items.append((path, kind, draw(st.sampled_from(PATHS[1:]))))
            else:
                items.append((path, kind))
        stack.append(layer(*items))
    return stack


def naive(layers: list[LayerIndex]) -> tuple[int, dict[str, tuple[int, int]]]:
    """The OCI rules applied the slow, obvious way (no hard links)."""
    state: dict[str, tuple[str, int, int]] = {}
    total = 0

    def remove(path: str, keep_self: bool) -> None:
        for p in list(state):
            if (p == path and not keep_self) or p.startswith(path.rstrip("/") + "/"):
                del state[p]

    for n, index_ in enumerate(layers):
        for e in index_.entries:
            if e.kind in ("whiteout", "opaque"):
                remove(e.path, keep_self=e.kind == "opaque")
        for e in index_.entries:
            if e.kind in ("whiteout", "opaque"):
                continue
            parts = e.path.split("/")[1:]
            for i in range(1, len(parts)):
                ancestor = "/" + "/".join(parts[:i])
                if state.get(ancestor, ("dir",))[0] != "dir":
                    del state[ancestor]
                state.setdefault(ancestor, ("dir", 0, n))
            if e.kind == "dir" and state.get(e.path, ("",))[0] == "dir":
                continue
            remove(e.path, keep_self=False)
            state[e.path] = (e.kind, e.size, n)
            total += e.size
    visible = {p: (size, n) for p, (kind, size, n) in state.items() if kind == "file"}
    return total - sum(size for size, _ in visible.values()), visible


@settings(max_examples=400, deadline=None)
@given(layer_stacks(links=False))
def test_analyze_matches_the_naive_rules(layers: list[LayerIndex]) -> None:
    result = analyze(layers)
    expected_wasted, expected_visible = naive(layers)
    assert result.wasted_bytes == expected_wasted
    assert dict(result.visible) == expected_visible


@settings(max_examples=400, deadline=None)
@given(layer_stacks(links=True))
def test_every_byte_is_visible_or_wasted_once(layers: list[LayerIndex]) -> None:
    result = analyze(layers)
    total = sum(e.size for index_ in layers for e in index_.entries if e.kind == "file")
    assert sum(size for size, _ in result.visible.values()) + result.wasted_bytes == total
    assert result.wasted_bytes == sum(w.bytes for w in result.wasted)
    assert all(w.layer <= w.by_layer for w in result.wasted)


# --- IndexCache --------------------------------------------------------------------------------


def sample_index() -> LayerIndex:
    return LayerIndex(
        digest=DIGEST,
        compressed_size=123,
        uncompressed_size=4567,
        diff_id="sha256:" + "cd" * 32,
        entries=(
            Entry("/a", "file", 10),
            Entry("/d", "dir", 0),
            Entry("/l", "symlink", 0, "../x"),
            Entry("/h", "hardlink", 0, "/a"),
            Entry("/w", "whiteout", 0),
            Entry("/d", "opaque", 0),
            Entry("/caf\udce9 ünï", "other", 0),
        ),
    )


def test_cache_round_trip(tmp_path: Path) -> None:
    cache = IndexCache(tmp_path / "layers")
    assert cache.get(DIGEST) is None
    cache.put(sample_index())
    assert IndexCache(tmp_path / "layers").get(DIGEST) == sample_index()
    assert [p.name for p in (tmp_path / "layers").iterdir()] == ["sha256-" + "ab" * 32 + ".json.gz"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not gzip at all",
        gzip.compress(b"{not json"),
        gzip.compress(b"[1, 2, 3]"),
        gzip.compress(b'{"v": 1}'),
        gzip.compress(b'{"v": 99, "digest": "sha256:' + b"ab" * 32 + b'"}'),
    ],
    ids=["empty", "garbage", "bad-json", "list", "missing-keys", "other-version"],
)
def test_corrupt_cache_file_is_a_miss_and_is_rewritten(tmp_path: Path, content: bytes) -> None:
    cache = IndexCache(tmp_path)
    cache.put(sample_index())
    (file,) = tmp_path.iterdir()
    file.write_bytes(content)
    assert cache.get(DIGEST) is None
    cache.put(sample_index())
    assert cache.get(DIGEST) == sample_index()


def test_truncated_and_mistyped_cache_files(tmp_path: Path) -> None:
    cache = IndexCache(tmp_path)
    cache.put(sample_index())
    (file,) = tmp_path.iterdir()
    good = file.read_bytes()
    file.write_bytes(good[: len(good) // 2])
    assert cache.get(DIGEST) is None
    doc = (
        b'{"v":1,"digest":"%s","compressed_size":1,"uncompressed_size":2,"diff_id":"x",'
        b'"entries":[["/a",%s,1,""]]}'
    )
    for kind in (b"-1", b"7", b"true", b'"file"'):
        file.write_bytes(gzip.compress(doc % (DIGEST.encode(), kind)))
        assert cache.get(DIGEST) is None
    file.write_bytes(gzip.compress(doc % (b"sha256:" + b"00" * 32, b"0")))
    assert cache.get(DIGEST) is None  # a file under another digest's name


def test_cache_refuses_unsafe_digests(tmp_path: Path) -> None:
    cache = IndexCache(tmp_path / "c")
    evil = LayerIndex("sha256:../../../etc/passwd", 0, 0, "sha256:", ())
    cache.put(evil)
    assert cache.get(evil.digest) is None
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").iterdir())


def test_cache_leaves_no_temp_files(tmp_path: Path) -> None:
    cache = IndexCache(tmp_path)
    for _ in range(3):
        cache.put(sample_index())
    assert len(list(tmp_path.iterdir())) == 1


# --- index_layer: names, meta headers and sparse files (issue 14) ------------------------------


def long_names_layer(entries: int, name_bytes: int) -> Iterator[bytes]:
    """A gzip layer of `entries` empty files whose PAX paths are `name_bytes` long."""
    comp = zlib.compressobj(6, zlib.DEFLATED, 31)
    for i in range(entries):
        path = b"%09d/" % i + b"n" * (name_bytes - 10)
        records = pax_records({"path": path})
        yield comp.compress(member(b"PaxHeaders/x", records, b"x") + member(b"x"))
    yield comp.compress(END)
    yield comp.flush()


def test_ten_thousand_names_of_50_kb_are_refused_in_bounded_memory() -> None:
    # The layer: 1.4 MB of gzip, 500 MB of names; 1.51 GB of RSS before the fix.
    blob = b"".join(long_names_layer(10_000, 50_000))
    assert len(blob) < 2 << 20
    tracemalloc.start()
    try:
        with pytest.raises(LayerError) as caught:
            index(blob)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(caught.value) == (
        "tar entry name of 50000 bytes, longer than PATH_MAX (4096); refused"
    )
    assert peak < 8 << 20


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        (member(b"././@LongLink", b"d/" * 2048 + b"\x00", b"L") + member(b"x"), "name"),
        (member(b"PaxHeaders/x", pax_records({"linkpath": b"t" * 4096}), b"x"), "link target"),
    ],
    ids=["gnu-long-name", "pax-linkpath"],
)
def test_names_and_targets_past_path_max_are_refused(raw: bytes, what: str) -> None:
    raw += member(b"link", flag=b"2") + END
    with pytest.raises(LayerError, match=f"tar entry {what} of 4096 bytes, longer than PATH_MAX"):
        index(raw, TAR)


def test_names_up_to_path_max_are_indexed() -> None:
    name = b"d/" * 2047 + b"f"  # 4,095 bytes: the longest path Linux takes
    raw = member(b"././@LongLink", name + b"\x00", b"L") + member(b"x", b"x")
    (entry,) = index(raw + END, TAR).entries
    assert entry == Entry("/" + name.decode(), "file", 1)


def test_the_names_of_one_layer_have_a_budget() -> None:
    blob = b"".join(long_names_layer(300, 4000))
    assert len(index(blob, max_name_bytes=1_200_000).entries) == 300
    with pytest.raises(LayerError, match="names and link targets hold more than 1000000 bytes"):
        index(blob, max_name_bytes=1_000_000)


def test_pax_headers_for_one_entry_have_a_budget() -> None:
    # Each header is under the 1 MiB limit; together they would pile up without one.
    raw = b"".join(
        member(b"PaxHeaders/x", pax_records({f"LG.k{i}": b"v" * 600_000}), b"x") for i in range(2)
    )
    with pytest.raises(LayerError, match="tar meta headers of more than 1048576 bytes"):
        index(raw + member(b"x") + END, TAR)


def gnu_tar(tmp_path: Path, options: list[str], files: dict[str, list[tuple[int, bytes]]]) -> bytes:
    """A tar made by GNU tar with `options`, of sparse files: name -> [(offset, data)] in 1 MiB."""
    import subprocess

    root = tmp_path / "src"
    root.mkdir(exist_ok=True)
    for name, pieces in files.items():
        with (root / name).open("wb") as f:
            f.truncate(1 << 20)
            for offset, data in pieces:
                f.seek(offset)
                f.write(data)
    out = tmp_path / "layer.tar"
    subprocess.run(
        ["tar", "--sparse", *options, "-cf", str(out), "-C", str(root), *files],
        check=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    return out.read_bytes()


SPARSE_FORMATS = {
    "gnu": ["--format=gnu"],
    "pax-1.0": ["--format=pax", "--sparse-version=1.0"],
    "pax-0.1": ["--format=pax", "--sparse-version=0.1"],
    "pax-0.0": ["--format=pax", "--sparse-version=0.0"],
}


@pytest.mark.parametrize("fmt", SPARSE_FORMATS)
def test_sparse_file_deleted_later_is_wasted_in_every_format(tmp_path: Path, fmt: str) -> None:
    raw = gnu_tar(tmp_path, SPARSE_FORMATS[fmt], {"big": [(409600, b"x" * 4096)], "after": []})
    first = index(raw, TAR)
    assert [(e.path, e.kind) for e in first.entries] == [("/big", "file"), ("/after", "file")]
    later = index(make_tar([(".wh.big", "file", b"")]), TAR)
    analysis = analyze([first, later])
    assert [(w.path, w.bytes, w.reason) for w in analysis.wasted] == [("/big", 4096, "deleted")]


@pytest.mark.parametrize("fmt", SPARSE_FORMATS)
def test_sparse_file_with_many_holes(tmp_path: Path, fmt: str) -> None:
    # 40 pieces: more than an old GNU header holds (4), so extension headers follow it.
    pieces = [(i * 20480, b"y" * 4096) for i in range(40)]
    raw = gnu_tar(tmp_path, SPARSE_FORMATS[fmt], {"holes": pieces, "next": [(0, b"z" * 4096)]})
    entries = index(raw, TAR).entries
    assert [(e.path, e.size) for e in entries] == [("/holes", 40 * 4096), ("/next", 4096)]


@pytest.mark.parametrize(
    "sparse_map",
    [b"x\n", b"2\n0\n512\n", b"1\n" + b"1" * 600 + b"\n0\n"],
    ids=["bad-count", "map-longer-than-entry", "number-too-long"],
)
def test_bad_pax_sparse_map_is_an_error(sparse_map: bytes) -> None:
    records = pax_records(
        {"GNU.sparse.major": b"1", "GNU.sparse.minor": b"0", "GNU.sparse.name": b"f"}
    )
    raw = member(b"PaxHeaders/f", records, b"x") + member(b"GNUSparseFile.1/f", pad(sparse_map))
    with pytest.raises(LayerError, match="sparse map"):
        index(raw + END, TAR)
