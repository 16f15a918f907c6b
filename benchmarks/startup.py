"""Start-up of `layerguard check` on one small Dockerfile, as pre-commit runs it.

Times each given layerguard console script (e.g. installs of two commits, with compiled .pyc:
`python3 -m venv /tmp/a && /tmp/a/bin/pip install .`) interleaved with `python3 -c pass` and
hadolint, so machine noise hits all alike; prints markdown rows of median wall and CPU time, then
the modules that cost most to import (median of `-X importtime` over the runs) for the last one.

    python benchmarks/startup.py /tmp/before/bin/layerguard /tmp/after/bin/layerguard --rounds 30
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import time
from collections import defaultdict
from pathlib import Path

SINGLE = (
    "FROM debian:12\n"
    "RUN apt-get update && apt-get install -y curl \\\n"
    " && rm -rf /var/lib/apt/lists/*\n"
    "COPY . /app\n"
)


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def import_times(python: str, cwd: Path, rounds: int) -> dict[str, tuple[float, float]]:
    """Module -> median (self, cumulative) import milliseconds of a check."""
    code = (
        "import sys; from layerguard.commands.cli import main; "
        "sys.exit(main(['check', '-q', 'Dockerfile']))"
    )
    own: defaultdict[str, list[int]] = defaultdict(list)
    total: defaultdict[str, list[int]] = defaultdict(list)
    for _ in range(rounds):
        err = subprocess.run([python, "-X", "importtime", "-c", code], cwd=cwd,
                             capture_output=True, text=True, check=False).stderr  # fmt: skip
        for line in err.splitlines():
            if line.startswith("import time:") and "self [us]" not in line:
                us, cumulative, name = line.removeprefix("import time:").split("|")
                own[name.strip()].append(int(us))
                total[name.strip()].append(int(cumulative))
    return {k: (statistics.median(own[k]) / 1000, statistics.median(total[k]) / 1000) for k in own}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("layerguard", nargs="+", help="console scripts to compare")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    cwd = Path("/tmp/layerguard-bench-single")
    cwd.mkdir(exist_ok=True)
    (cwd / "Dockerfile").write_text(SINGLE)
    python = str(Path(args.layerguard[-1]).parent / "python3")
    commands = {"python3 -c pass": [python, "-c", "pass"]}
    hadolint = shutil.which("hadolint")
    if hadolint:
        commands["hadolint Dockerfile"] = [hadolint, "Dockerfile"]
    for script in args.layerguard:
        commands[f"{script} check -q Dockerfile"] = [script, "check", "-q", "Dockerfile"]
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, command in commands.items():
            runs[name].append(timed(command, cwd))
    print("| command | median wall | min wall | median CPU |")
    print("| --- | --- | --- | --- |")
    for name, times in runs.items():
        walls, cpus = [w * 1000 for w, _ in times], [c * 1000 for _, c in times]
        print(f"| `{name}` | {statistics.median(walls):.1f} ms | {min(walls):.1f} ms | "
              f"{statistics.median(cpus):.1f} ms |")  # fmt: skip
    modules = import_times(python, cwd, args.rounds)
    print(f"\nimports of {args.layerguard[-1]}: {len(modules)} modules, "
          f"{sum(own for own, _ in modules.values()):.1f} ms in all\n")  # fmt: skip
    print("| module | self | cumulative |\n| --- | --- | --- |")
    for name, (own, cumulative) in sorted(modules.items(), key=lambda m: -m[1][1])[:15]:
        print(f"| {name} | {own:.1f} ms | {cumulative:.1f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
