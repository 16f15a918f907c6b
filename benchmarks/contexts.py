"""Lay out the repositories of a held-out set at their labelled commits, for
`benchmarks/accuracy.py --contexts`.

    python benchmarks/contexts.py --set holdout9=FILES --mirrors DIR --out CONTEXTS

A held-out set's sources TSV (tests/accuracy/<set>-sources.tsv) names each file's repository,
path and commit. For every row whose repository DIR holds as a git directory
(`DIR/<owner>+<name>/repo`, as the tool library's `fetch` leaves it) with that commit, the
commit's whole tree is written to `CONTEXTS/<owner>+<name>@<commit>/` (once for the files of one
commit), and the set's own copy of the Dockerfile (the bytes that were labelled) is written over
the one at its path. Users run
`layerguard check` inside their repository, where COPY sources and the scripts a RUN calls are
there to read; the labelled sets alone hold only the Dockerfiles.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "accuracy"


def sources(name: str) -> list[dict[str, str]]:
    with (LABELS / f"{name}-sources.tsv").open(newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def tree(contexts: Path, row: dict[str, str]) -> Path:
    """Where a sources row's repository is laid out."""
    return contexts / f"{row['repo'].replace('/', '+')}@{row['commit']}"


_LEFT_OUT = b"(this file's content was not in the repository's snapshot)\n"


def lay_out(git_dir: Path, commit: str, target: Path) -> int:
    """Write `commit`'s tree under `target` (a fresh directory); links stay links, submodules
    are empty directories. Returns how many blobs the git directory lacks (a snapshot may omit
    its largest files): those files hold a line that says so."""
    git = ["git", "-C", str(git_dir)]
    listing = subprocess.run(
        [*git, "ls-tree", "-r", "-z", "--full-tree", commit],
        capture_output=True,
        check=True,
        timeout=600,
    ).stdout
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    lacking = 0
    with subprocess.Popen(
        [*git, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as batch:
        assert batch.stdin is not None and batch.stdout is not None
        for entry in filter(None, listing.split(b"\0")):
            meta, _, raw_path = entry.partition(b"\t")
            mode, kind, sha = meta.split()
            path = partial / raw_path.decode("utf-8", "surrogateescape")
            if not path.resolve().is_relative_to(partial.resolve()):
                continue  # a path git should never hold
            path.parent.mkdir(parents=True, exist_ok=True)
            if kind == b"commit":
                path.mkdir(exist_ok=True)
                continue
            batch.stdin.write(sha + b"\n")
            batch.stdin.flush()
            header = batch.stdout.readline().split()
            if header[-1] == b"missing":
                # (a user's checkout has the file: its name and its having content decide
                # what a COPY of it is, its size only how much a finding weighs)
                lacking += 1
                path.write_bytes(_LEFT_OUT)
                continue
            data = batch.stdout.read(int(header[2]))
            batch.stdout.readline()
            if mode == b"120000":
                path.symlink_to(data.decode("utf-8", "surrogateescape"))
            else:
                path.write_bytes(data)
                if mode == b"100755":
                    path.chmod(0o755)
        batch.stdin.close()
    # (a checkout has its .git: where layerguard finds the repository's root, and what a COPY
    # of the root brings unless .dockerignore leaves it out; its HEAD alone here)
    (partial / ".git").mkdir(exist_ok=True)
    (partial / ".git" / "HEAD").write_text(f"{commit}\n")
    partial.rename(target)
    return lacking


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--set", required=True, action="append", help="holdout=FILES, holdout2..14=FILES"
    )
    parser.add_argument("--mirrors", required=True, type=Path, help="<owner>+<name>/repo dirs")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    for given in args.set:
        name, _, files = given.partition("=")
        if not files or not (LABELS / f"{name}-sources.tsv").is_file():
            parser.error(f"--set: expected a held-out set as NAME=FILES, got {given!r}")
        laid = missing = 0
        for row in sources(name):
            target = tree(args.out, row)
            git_dir = args.mirrors / row["repo"].replace("/", "+") / "repo"
            known = subprocess.run(
                ["git", "-C", str(git_dir), "cat-file", "-e", row["commit"] + "^{commit}"],
                capture_output=True,
            )
            if not git_dir.is_dir() or known.returncode != 0:
                missing += 1
                continue
            if not target.is_dir():
                try:
                    lacking = lay_out(git_dir, row["commit"], target)
                except (subprocess.SubprocessError, OSError) as exc:
                    print(f"{name} {row['file']}: {exc}", file=sys.stderr)
                    missing += 1
                    continue
                if lacking:
                    print(
                        f"{name} {row['file']}: {lacking} files not in the snapshot: placeholders"
                    )
            labelled = Path(files) / row["file"]
            dockerfile = target / row["path"]
            dockerfile.parent.mkdir(parents=True, exist_ok=True)
            dockerfile.write_bytes(labelled.read_bytes())
            laid += 1
        print(f"{name}: {laid} laid out, {missing} without their repository or commit")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
