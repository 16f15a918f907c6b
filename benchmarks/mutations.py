"""The mutation check: plant one-line bugs in critical behaviour and see whether the tests catch
them.

Each mutant replaces one exact text (found exactly once) in one file of a temporary copy of the
repository - never the working tree - and runs the tests named for it there, with CI=true so a
missing registry or ../shared fails rather than skips. A failing run means the mutant was caught.
Before any mutant, the same tests run on the unmutated copy and must pass.

    python benchmarks/mutations.py                 # every mutant
    python benchmarks/mutations.py --list          # names, files and tests
    python benchmarks/mutations.py sarif- exit-    # the mutants whose names start so

Needs what the real tests need (root, docker-registry, buildah, busybox, ../shared); about five
minutes for the whole list on a 2-core machine. Exit code 1 when a mutant survives.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


class Mutant(NamedTuple):
    name: str
    path: str  # relative to the repository
    old: str  # must occur exactly once in the file
    new: str
    tests: tuple[str, ...]  # pytest arguments, relative to the repository


LAYERS = ("tests/image/layers_test.py", "tests/commands/check_registry_real_test.py")
REGISTRY = ("tests/registry", "tests/commands/check_registry_real_test.py")
CONFIG = ("tests/project/config_test.py", "tests/commands/cli_test.py")
EXIT = (
    "tests/commands/cli_exit_codes_test.py",
    "tests/commands/cli_test.py",
    "tests/formatters/cli_output_test.py",
)
SARIF = ("tests/formatters",)

MUTANTS: tuple[Mutant, ...] = (
    # Whiteouts and opaque directories (layerguard/image/layers.py)
    Mutant(
        "whiteout-ignored",
        "layerguard/image/layers.py",
        'fs.drop(e.path, "deleted", layer)',
        "pass",
        LAYERS,
    ),
    Mutant(
        "whiteout-names-the-marker",
        "layerguard/image/layers.py",
        'return Entry(path[: slash + 1] + base[len(WHITEOUT_PREFIX) :], "whiteout", 0)',
        'return Entry(path, "whiteout", 0)',
        LAYERS,
    ),
    Mutant(
        "opaque-ignored",
        "layerguard/image/layers.py",
        "fs.clear(e.path, layer)",
        "pass",
        LAYERS,
    ),
    Mutant(
        "opaque-clears-the-parent",
        "layerguard/image/layers.py",
        'return Entry(parent, "opaque", 0)',
        'return Entry(parent[: parent.rfind("/")] or "/", "opaque", 0)',
        LAYERS,
    ),
    # Digest verification (layerguard/registry)
    Mutant(
        "blob-digest-unchecked",
        "layerguard/registry/stream.py",
        "if actual != self._digest:",
        "if False:",
        REGISTRY,
    ),
    Mutant(
        "blob-size-unchecked",  # a blob cut short taken for whole
        "layerguard/registry/stream.py",
        "if self._skip or self._count < self._size:",
        "if self._skip:",
        REGISTRY,
    ),
    Mutant(
        "manifest-digest-unchecked",
        "layerguard/registry/client.py",
        "if expected and not matches(data, check_digest(expected)):",
        "if False:",
        REGISTRY,
    ),
    Mutant(
        "digest-compare-always-true",
        "layerguard/registry/model.py",
        'return f"{h.name}:{h.hexdigest()}" == digest',
        "return True",
        REGISTRY,
    ),
    Mutant(
        "cache-entry-unverified",
        "layerguard/registry/cache.py",
        "if not matches(data, digest):",
        "if False:",
        REGISTRY,
    ),
    # Credential forwarding (layerguard/registry/transport.py, auth.py)
    Mutant(
        "auth-kept-across-hosts",
        "layerguard/registry/transport.py",
        "if _origin(url) != origin:",
        "if False:",
        REGISTRY,
    ),
    Mutant(
        "origin-ignores-host",
        "layerguard/registry/transport.py",
        "return parts.scheme, parts.netloc.lower()",
        'return parts.scheme, ""',
        REGISTRY,
    ),
    Mutant(
        "registry-host-filter-ignored",
        "layerguard/registry/auth.py",
        "if hosts and registry not in hosts:",
        "if False:",
        REGISTRY,
    ),
    # Config validation (layerguard/project/config.py)
    Mutant(
        "config-unknown-key-accepted",
        "layerguard/project/config.py",
        'raise _fail(path, node, key, "unknown key")',
        "pass",
        CONFIG,
    ),
    Mutant(
        "config-unknown-option-accepted",
        "layerguard/project/config.py",
        'raise _fail(path, item, f"{key}.{name}", f"unknown option (known: {known})")',
        "pass",
        CONFIG,
    ),
    Mutant(
        "config-fail-on-unchecked",
        "layerguard/project/config.py",
        "if fail_on not in FAIL_ON:",
        "if False:",
        CONFIG,
    ),
    Mutant(
        "config-duplicate-key-accepted",
        "layerguard/project/config.py",
        "if str(key) in out:",
        "if False:",
        CONFIG,
    ),
    Mutant(
        "config-budget-unchecked",
        "layerguard/project/config.py",
        '    if code is None:\n        raise _fail(path, node, key, f"unknown budget',
        '    if False:\n        raise _fail(path, node, key, f"unknown budget',
        CONFIG,
    ),
    # Exit codes (layerguard/commands/cli.py)
    Mutant(
        "exit-threshold-exclusive",
        "layerguard/commands/cli.py",
        "any(f.severity >= threshold for f in report.findings)",
        "any(f.severity > threshold for f in report.findings)",
        EXIT,
    ),
    Mutant(
        "exit-fail-on-never-ignored",
        "layerguard/commands/cli.py",
        'if fail_on == "never":',
        'if fail_on == "nothing":',
        EXIT,
    ),
    Mutant(
        "exit-config-overrides-command-line",
        "layerguard/commands/cli.py",
        'fail_on = args.fail_on or cfg.fail_on or "warning"',
        'fail_on = cfg.fail_on or args.fail_on or "warning"',
        EXIT,
    ),
    Mutant(
        "exit-error-is-findings",
        "layerguard/commands/cli.py",
        "        return EXIT_ERROR\n    except BrokenPipeError:",
        "        return EXIT_FINDINGS\n    except BrokenPipeError:",
        EXIT,
    ),
    Mutant(
        "exit-unwritable-output-is-clean",
        "layerguard/commands/cli.py",
        "        code = EXIT_ERROR\n",
        "        pass\n",
        EXIT,
    ),
    # SARIF indices (layerguard/formatters/sarif.py)
    Mutant(
        "sarif-index-from-one",
        "layerguard/formatters/sarif.py",
        'index = {rule["id"]: i for i, rule in enumerate(rules)}',
        'index = {rule["id"]: i for i, rule in enumerate(rules, 1)}',
        SARIF,
    ),
    Mutant(
        "sarif-extra-rule-index-off-by-one",
        "layerguard/formatters/sarif.py",
        "index[f.rule] = len(rules)",
        "index[f.rule] = len(rules) - 1",
        SARIF,
    ),
    Mutant(
        "sarif-index-constant",
        "layerguard/formatters/sarif.py",
        '"ruleIndex": index[f.rule],',
        '"ruleIndex": 0,',
        SARIF,
    ),
)

# The same-RUN vs earlier-layer split, which the rules ask of the filesystem model
# (layerguard/dockerfile/filesystem.py): what a RUN made itself is never an earlier layer's.
MODEL = "layerguard/dockerfile/filesystem.py"
RULES = ("tests/rules", "tests/dockerfile/filesystem_test.py")
RULE_SPLIT_MUTANTS: tuple[Mutant, ...] = (
    Mutant(
        "split-names-every-path",  # LG003/LG004 list paths that reached nothing earlier
        MODEL,
        "                if reached:\n                    hits.extend(reached)\n"
        "                    named.extend(_named(path, op, reached))",
        "                named.append(path)\n                if reached:\n"
        "                    hits.extend(reached)",
        RULES,
    ),
    Mutant(
        "split-own-removal-forgotten",  # a cache removed in its own RUN still left (LG005)
        MODEL,
        "own = _cleared(_kept(own, op.paths), op.paths)",
        "own = _cleared(own, op.paths)",
        RULES,
    ),
    Mutant(
        "split-inside-own-tree",  # a path inside a tree this RUN made taken for earlier bytes
        MODEL,
        "if (made_here or blind or touches or unsure) and not git:",
        "if (touches or unsure) and not git:",
        RULES,
    ),
    Mutant(
        "split-base-after-own-write",  # base classes reached though this RUN wrote there
        MODEL,
        "    if (made_here or op.blind) and not (certain or runtime or held_moved):",
        "    if False:",
        RULES,
    ),
    Mutant(
        "split-purge-own-install",  # removing the packages this RUN installed (LG003)
        MODEL,
        "if op.blind or any(e.role == INSTALL and e.family == op.family for e in own):",
        "if op.blind:",
        RULES,
    ),
    Mutant(
        "split-copy-up-removed-in-run",  # chmod then rm in one RUN taken for a copy-up (LG004)
        MODEL,
        "changes = [_without_removed(c, op.paths) for c in changes]",
        "changes = list(changes)",
        RULES,
    ),
)

# The safety checks of fixes that move work between instructions (layerguard/dockerfile/fix.py):
# a fix must never be offered when another instruction may read what it moves.
FIX = "layerguard/dockerfile/fix.py"
FIX_TESTS = ("tests/dockerfile/fix_test.py", "tests/rules")
FIX_MUTANTS: tuple[Mutant, ...] = (
    Mutant(
        "fix-mentions-names-ignored",  # a RUN between that reads the copied file by name
        FIX,
        "            if any(name in token for name in names):\n                return True",
        "            if False:\n                return True",
        FIX_TESTS,
    ),
    Mutant(
        "fix-mentions-variables-ignored",  # a word with a variable or glob may name the path
        FIX,
        'if token in ("/", "/.", "~") or "$" in token or any(c in token for c in "*?["):',
        'if token in ("/", "/.", "~"):',
        FIX_TESTS,
    ),
    Mutant(
        "fix-between-crosses-stages",  # a COPY and a RUN in different stages taken as one
        FIX,
        "if any(first < stage.from_node.start_line < last for stage in model.stages):\n"
        "        return None",
        "if False:\n        return None",
        FIX_TESTS,
    ),
)
ALL = MUTANTS + RULE_SPLIT_MUTANTS + FIX_MUTANTS


def copy_repository(target: Path) -> None:
    """Tracked and untracked files, minus ignored ones: the working tree as it is now."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def environment(copy: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS")}
    env.update(
        PYTHONPATH=str(copy),  # the copy's package, before the editable install of the tree
        PYTHONDONTWRITEBYTECODE="1",  # every run compiles the (mutated) source it sees
        LAYERGUARD_TEST_SHARED=str(SHARED),
        CI="true",  # a missing real part fails the baseline instead of skipping tests
    )
    return env


def run_tests(copy: Path, tests: tuple[str, ...]) -> tuple[bool, str, float]:
    """(passed, the first failure's node id, seconds)."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-rfE", "-p", "no:cacheprovider", *tests],
        cwd=copy,
        env=environment(copy),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    failed = re.search(r"^(?:FAILED|ERROR) (\S+)", result.stdout, re.M)
    lines = result.stdout.strip().splitlines() or result.stderr.strip().splitlines() or [""]
    first = failed.group(1) if failed else lines[-1]
    return result.returncode == 0, first, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("prefixes", nargs="*", help="run the mutants whose names start so")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    args = parser.parse_args(argv)
    chosen = [m for m in ALL if not args.prefixes or m.name.startswith(tuple(args.prefixes))]
    if args.list or not chosen:
        for m in ALL:
            print(f"{m.name:38} {m.path:34} {' '.join(m.tests)}")
        return 0 if chosen else 2
    with tempfile.TemporaryDirectory(prefix="layerguard-mutations-") as tmp:
        copy = Path(tmp) / "layerguard"
        copy_repository(copy)
        where = subprocess.run(
            [sys.executable, "-c", "import layerguard; print(layerguard.__file__)"],
            cwd=tmp,
            env=environment(copy),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not where.startswith(str(copy)):
            print(f"mutations: the copy's package is not the one imported ({where})")
            return 2
        suites = sorted({t for m in chosen for t in m.tests})
        passed, first, seconds = run_tests(copy, tuple(suites))
        print(f"baseline (unmutated): {'pass' if passed else 'FAIL ' + first} in {seconds:.0f} s")
        if not passed:
            return 2
        survived = 0
        for m in chosen:
            path = copy / m.path
            original = path.read_text()
            if original.count(m.old) != 1:
                print(f"{m.name:38} STALE: the text to replace occurs {original.count(m.old)}x")
                survived += 1
                continue
            path.write_text(original.replace(m.old, m.new))
            try:
                passed, first, seconds = run_tests(copy, m.tests)
            finally:
                path.write_text(original)
            survived += passed
            verdict = "SURVIVED" if passed else f"caught by {first}"
            print(f"{m.name:38} {verdict} ({seconds:.0f} s)", flush=True)
        print(f"{len(chosen) - survived} of {len(chosen)} mutants caught")
        return 1 if survived else 0


if __name__ == "__main__":
    raise SystemExit(main())
