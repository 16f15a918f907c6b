"""How many findings `check --fix` repairs on the corpus, and that every fixed file still parses.

    python benchmarks/fix_corpus.py [--unsafe-fixes] [DIR]

Each Dockerfile of DIR (default ../shared/corpus/dockerfiles) is copied alone into a temporary
directory and checked alone, as `layerguard check FILE` sees it (no build context). Then the fixes
are applied pass by pass as `check --fix` does (`--unsafe-fixes` takes those too), and the fixed
text is checked: it must parse as BuildKit reads it (parser and instruction checks), a second
round of fixes must change nothing, and no finding of a fixed kind may be left where its fix was
applied. Prints a table per rule and the failures, if any (exit 1 then).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from layerguard.dockerfile import fix
from layerguard.dockerfile.parser import ParseError, check_instructions, parse
from layerguard.findings import Finding
from layerguard.linter import Settings, lint
from layerguard.project.config import default_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dockerfiles"


def _findings(path: Path, text: str | None = None) -> list[Finding]:
    settings = Settings(default_rules(), {}, {}, {}, None)
    texts = {str(path): text.encode()} if text is not None else None
    return list(lint([str(path)], settings, texts=texts).findings)


def _fix(path: Path, text: str, unsafe: bool) -> tuple[str, int, int]:
    """(the text after every pass, fixes applied, fixes dropped)."""
    applied = dropped = 0
    findings = _findings(path, text)
    for _ in range(fix.MAX_PASSES):
        fixes = [f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)]
        if not fixes:
            break
        result = fix.apply(text, fixes)
        dropped += len(result.dropped)
        if not result.applied:
            break
        applied += len(result.applied)
        text = result.text
        findings = _findings(path, text)
    return text, applied, dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--unsafe-fixes", action="store_true")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder} is missing: ../shared is needed", file=sys.stderr)
        return 2
    files = sorted(p for p in args.folder.iterdir() if p.is_file())
    total: Counter[str] = Counter()
    safe: Counter[str] = Counter()
    unsafe: Counter[str] = Counter()
    applied = dropped = fixed_files = 0
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in files:
            path = Path(tmp) / source.name / "Dockerfile"
            path.parent.mkdir()
            shutil.copyfile(source, path)
            try:
                text = path.read_bytes().decode()
            except UnicodeDecodeError:
                continue
            findings = _findings(path)
            for f in findings:
                total[f.rule] += 1
                if f.fix is not None:
                    (safe if f.fix.safe else unsafe)[f.rule] += 1
            new, count, lost = _fix(path, text, args.unsafe_fixes)
            applied += count
            dropped += lost
            if new == text:
                continue
            fixed_files += 1
            try:
                check_instructions(parse(new))
            except ParseError as exc:
                failures.append(f"{source.name}: the fixed file does not parse: {exc}")
                continue
            again, more, _ = _fix(path, new, args.unsafe_fixes)
            if more or again != new:
                failures.append(f"{source.name}: a second round of fixes changed the file")
            left = [f for f in _findings(path, new) if f.fix is not None and f.fix.safe]
            if left and not args.unsafe_fixes:
                failures.append(f"{source.name}: fixable findings left: {left}")
    print(f"{len(files)} files, {fixed_files} changed by the fixes; {applied} fixes applied, "
          f"{dropped} dropped\n")  # fmt: skip
    print("| rule | findings | safe fix | unsafe fix | report only |")
    print("|---|---|---|---|---|")
    for rule in sorted(total):
        only = total[rule] - safe[rule] - unsafe[rule]
        print(f"| {rule} | {total[rule]} | {safe[rule]} | {unsafe[rule]} | {only} |")
    all_findings = sum(total.values())
    print(f"| all | {all_findings} | {sum(safe.values())} | {sum(unsafe.values())} | "
          f"{all_findings - sum(safe.values()) - sum(unsafe.values())} |")  # fmt: skip
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
