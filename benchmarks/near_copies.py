"""Held-out files that are copies of a development file or of an earlier held-out file.

    python benchmarks/near_copies.py --set holdout2=DIR --set holdout3=DIR ... > copies.tsv

A held-out file must be one nobody tuned on, counted once. Repository names do not show a copy:
the same Dockerfile lives in forks, mirrors and monorepos under other names. Two files are
copies when their non-blank, non-comment lines, as sets, have a Jaccard similarity of 0.9 or
more. Each held-out file (in set order, then by name) is compared with the two development sets
(../shared/accuracy and the corpus) and with every held-out file before it; the copies are
written as tests/accuracy/copies.tsv, which benchmarks/accuracy.py leaves out of its counts.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEVELOPMENT = {
    "accuracy": SHARED / "accuracy" / "files",
    "corpus": SHARED / "corpus" / "dockerfiles",
}
THRESHOLD = 0.9
MIN_LINES = 5  # below this, unrelated short files look alike


def lines(path: Path) -> frozenset[str]:
    text = path.read_text(errors="replace")
    stripped = (line.strip() for line in text.splitlines())
    return frozenset(line for line in stripped if line and not line.startswith("#"))


def set_order(name: str) -> int:
    number = name.removeprefix("holdout")
    return int(number) if number.isdigit() else 1  # `holdout` is the first set


def copies(
    development: dict[str, Path], held_out: dict[str, Path]
) -> list[tuple[str, str, str, float]]:
    """(set, file, the earlier file it copies as `set/file`, similarity) for each copy."""
    files: list[tuple[str, str, frozenset[str]]] = []
    for name, folder in development.items():
        files += [(name, p.name, lines(p)) for p in sorted(folder.iterdir()) if p.is_file()]
    first_held_out = len(files)
    for name in sorted(held_out, key=set_order):
        folder = held_out[name]
        files += [(name, p.name, lines(p)) for p in sorted(folder.iterdir()) if p.is_file()]
    by_line: defaultdict[str, list[int]] = defaultdict(list)
    found = []
    for i, (name, file, content) in enumerate(files):
        if i >= first_held_out and len(content) >= MIN_LINES:
            shared = Counter(j for line in content for j in by_line.get(line, ()))
            best, similar = 0.0, -1
            for j, common in shared.items():
                similarity = common / (len(content) + len(files[j][2]) - common)
                if similarity > best:
                    best, similar = similarity, j
            if best >= THRESHOLD:
                found.append((name, file, f"{files[similar][0]}/{files[similar][1]}", best))
        for line in content:
            by_line[line].append(i)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", action="append", default=[], help="holdoutN=DIR, repeated")
    args = parser.parse_args(argv)
    held_out = {}
    for value in args.set:
        name, _, folder = value.partition("=")
        if not name.startswith("holdout") or not folder:
            parser.error(f"--set: expected holdoutN=DIR, got {value!r}")
        held_out[name] = Path(folder)
    for folder in (*DEVELOPMENT.values(), *held_out.values()):
        if not folder.is_dir():
            print(f"{folder} is missing", file=sys.stderr)
            return 2
    print("set\tfile\tcopy_of\tsimilarity")
    for name, file, of, similarity in copies(DEVELOPMENT, held_out):
        print(f"{name}\t{file}\t{of}\t{similarity:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
