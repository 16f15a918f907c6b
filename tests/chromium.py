"""A real browser for the HTML report tests: Debian's `chromium`, headless, one run a page.

`render()` loads a copy of the page with a probe script appended (the report itself has none),
which writes what the browser laid out into the DOM: the page's scroll width and the box of every
element the tests look at (`data-box="left top width height"`, CSS pixels). Chromium then dumps
that DOM and takes a screenshot in the same run. `Png` decodes the screenshot with zlib alone.
"""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from realparts import require_program

REMEDY = "run `bash .ci/run` as root, or apt-get install chromium"
PROBE = """<script>
for (const el of document.querySelectorAll(
    '.column, .layer, .layer > rect, .label, .size, .name, .base, .badge-text')) {
  const r = el.getBoundingClientRect();
  el.setAttribute('data-box', [r.left, r.top, r.width, r.height].map(Math.round).join(' '));
}
document.body.setAttribute('data-scroll-width', document.documentElement.scrollWidth);
// The size toggle: which charts show before and after a reader picks "compressed".
const shown = () => [...document.querySelectorAll('svg.stacks')]
  .filter(svg => getComputedStyle(svg).display !== 'none').map(svg => svg.dataset.mode).join(' ');
document.body.setAttribute('data-shown', shown());
const compressed = document.getElementById('size-c');
if (compressed) {
  compressed.checked = true;
  document.body.setAttribute('data-shown-after-toggle', shown());
  document.getElementById('size-u').checked = true;
}
document.body.setAttribute('data-viewport-width', window.innerWidth);
document.body.setAttribute('data-scroll-height', document.documentElement.scrollHeight);
</script>
"""
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


@dataclass(frozen=True)
class Png:
    width: int
    height: int
    channels: int
    rows: list[bytes]

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        start = x * self.channels
        r, g, b = self.rows[y][start : start + 3]
        return r, g, b

    def colours(self) -> set[tuple[int, int, int]]:
        return {self.pixel(x, y) for y in range(0, self.height, 7) for x in range(0, self.width, 7)}


def read_png(path: Path) -> Png:
    """8-bit RGB or RGBA, not interlaced: what chromium writes."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, chunks = 8, []
    width = height = depth = kind = interlace = 0
    while pos < len(data):
        size, name = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + size]
        pos += 12 + size
        if name == b"IHDR":
            width, height, depth, kind, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif name == b"IDAT":
            chunks.append(body)
    assert depth == 8 and kind in (2, 6) and not interlace, (depth, kind, interlace)
    channels = 3 if kind == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind_of_filter = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(kind_of_filter, line, prev, channels)
        rows.append(bytes(line))
        prev = line
    return Png(width, height, channels, rows)


def _unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> None:
    """PNG scanline filters: https://www.w3.org/TR/png/#9Filter-types"""
    if kind == 1:
        for i in range(bpp, len(line)):
            line[i] = (line[i] + line[i - bpp]) & 255
    elif kind == 2:
        line[:] = bytes((a + b) & 255 for a, b in zip(line, prev, strict=True))
    elif kind == 3:
        for i in range(len(line)):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + (left + prev[i]) // 2) & 255
    elif kind == 4:
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255


@dataclass(frozen=True)
class Rendered:
    dom: str
    png: Png
    pages: int | None  # printed to PDF, when asked


def _chromium(*args: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    program = require_program("chromium", REMEDY)
    return subprocess.run(
        [program, *FLAGS, f"--user-data-dir={workdir / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def render(
    page: Path, workdir: Path, width: int = 1400, height: int = 1000, *, pdf: bool = False
) -> Rendered:
    """Load `page` (plus the probe) in headless chromium: the DOM after layout and a screenshot;
    with `pdf`, also print it (a second run) and count the pages."""
    workdir.mkdir(parents=True, exist_ok=True)
    probed = workdir / f"{page.stem}.probed.html"
    text = page.read_text(encoding="utf-8")
    probed.write_text(text.replace("</body>", PROBE + "</body>", 1), encoding="utf-8")
    shot = workdir / f"{page.stem}.png"
    result = _chromium(
        f"--window-size={width},{height}",
        f"--screenshot={shot}",
        "--dump-dom",
        probed.as_uri(),
        workdir=workdir,
    )
    assert result.returncode == 0 and "data-scroll-width" in result.stdout, result.stderr[-2000:]
    pages = None
    if pdf:
        printout = workdir / f"{page.stem}.pdf"
        printed = _chromium(
            "--no-pdf-header-footer", f"--print-to-pdf={printout}", page.as_uri(), workdir=workdir
        )
        assert printed.returncode == 0 and printout.exists(), printed.stderr[-2000:]
        pages = len(re.findall(rb"/Type\s*/Page\b", printout.read_bytes()))
    return Rendered(result.stdout, read_png(shot), pages)


@dataclass
class Node:
    """An element of the dumped DOM: enough of a tree to select by tag and class."""

    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # text directly inside

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        """All text inside, SVG <title>s included, as the accessibility tree reads it."""
        return "".join(self.parts) + "".join(child.text for child in self.children)

    def own_text(self) -> str:
        """Text inside, leaving out <title> hover texts."""
        return "".join(self.parts) + "".join(
            c.own_text() for c in self.children if c.tag != "title"
        )

    def all(self, tag: str = "", cls: str = "") -> list[Node]:
        out = []
        for child in self.children:
            if (not tag or child.tag == tag) and (not cls or cls in child.classes):
                out.append(child)
            out.extend(child.all(tag, cls))
        return out

    def title(self) -> str:
        """The element's own <title> child: its hover text."""
        return next((c.text for c in self.children if c.tag == "title"), "")

    @property
    def box(self) -> tuple[int, int, int, int]:
        """left, top, width, height as the browser laid the element out (the probe's data-box)."""
        left, top, width, height = (int(v) for v in self.attrs["data-box"].split())
        return left, top, width, height


VOID = {"meta", "input", "br", "img", "link", "hr", "col", "source", "wbr"}


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts.append(data)


def parse(dom: str) -> Node:
    builder = _Builder()
    builder.feed(dom)
    builder.close()
    return builder.root


def screenshot(page: Path, out: Path, workdir: Path, width: int, height: int) -> None:
    """A picture of `page` for the README: the browser's screenshot with its colours cut to a
    palette of 256, which keeps a flat-coloured page a quarter of the size."""
    shot = workdir / "full.png"
    result = _chromium(
        f"--window-size={width},{height}", f"--screenshot={shot}", page.as_uri(), workdir=workdir
    )
    assert result.returncode == 0, result.stderr[-2000:]
    write_indexed_png(read_png(shot), out)


def write_indexed_png(png: Png, path: Path) -> None:
    """The 256 commonest colours; every other pixel takes the nearest of them."""
    step = png.channels
    counts: Counter[bytes] = Counter()
    for row in png.rows:
        counts.update(row[i : i + 3] for i in range(0, len(row), step))
    palette = [colour for colour, _ in counts.most_common(256)]
    index = {colour: number for number, colour in enumerate(palette)}

    def nearest(colour: bytes) -> int:
        found = index.get(colour)
        if found is None:
            found = min(
                range(len(palette)),
                key=lambda n: sum((a - b) ** 2 for a, b in zip(palette[n], colour, strict=True)),
            )
            index[colour] = found
        return found

    raw = b"".join(
        b"\0" + bytes(nearest(row[i : i + 3]) for i in range(0, len(row), step)) for row in png.rows
    )

    def chunk(name: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + name + body + struct.pack(">I", zlib.crc32(name + body))
        )

    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", png.width, png.height, 8, 3, 0, 0, 0))
        + chunk(b"PLTE", b"".join(palette))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
