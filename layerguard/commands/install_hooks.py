"""`layerguard install-hooks`: put the plain git hooks of `hooks/` into a repository.

The hook texts live here, since `hooks/` is not part of the installed package; a test keeps them
equal to the files in `hooks/`. An existing hook that is not layerguard's is never overwritten:
without `--chain` this refuses; with it the old hook becomes `NAME.pre-layerguard` and runs first.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from layerguard.errors import EXIT_CLEAN, LayerguardError, UsageError

MARKER = "# layerguard-hook:"
CHAINED_SUFFIX = ".pre-layerguard"

PRE_COMMIT = r"""#!/bin/sh
# layerguard-hook: pre-commit. Checks the staged Dockerfiles with their real build context and
# config, giving the findings `layerguard check` gives on the tree the commit will hold. Offline:
# registry measurement is off unless asked for (LAYERGUARD_REGISTRY, or `git config
# layerguard.pre-commit.registry`: off, optional or on). Install with `layerguard install-hooks`, or
# `git config core.hooksPath hooks` in a checkout of layerguard. Skip once: git commit --no-verify.

# A hook that was here before `layerguard install-hooks --chain` runs first.
if [ -x "$0.pre-layerguard" ]; then
    "$0.pre-layerguard" "$@" || exit $?
fi

layerguard=${LAYERGUARD:-layerguard}
if ! command -v "$layerguard" >/dev/null 2>&1; then
    echo "layerguard pre-commit hook: '$layerguard' is not installed or not on PATH." >&2
    echo "  Install it (https://github.com/layerguard/layerguard#install)," >&2
    echo "  set LAYERGUARD=/path/to/layerguard, or skip this check once with:" >&2
    echo "  git commit --no-verify" >&2
    exit 1
fi
registry=${LAYERGUARD_REGISTRY:-$(git config --get layerguard.pre-commit.registry)}

top=$(git rev-parse --show-toplevel) || exit 1
cd "$top" || exit 1
staged=$(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACMR) || exit 1

# The same names `layerguard check` discovers (layerguard/project/discover.py PATTERNS).
set --
newline='
'
old_ifs=$IFS
IFS=$newline
set -f
for path in $staged; do
    case "${path##*/}" in
        Dockerfile | Dockerfile.* | *.Dockerfile | Containerfile | Containerfile.*) ;;
        *) continue ;;
    esac
    set -- "$@" "$path"
done
set +f
IFS=$old_ifs
[ "$#" -eq 0 ] && exit 0

# Usually the staged Dockerfiles, configs and ignore files are what the working tree holds: check
# the tree itself, with its config, its build contexts and the Dockerfiles that FROM chains run
# through, exactly as `layerguard check` does.
if git diff --quiet -- "$@" ':(glob)**/.layerguard.yaml' ':(glob)**/.layerguard.yml' \
    ':(glob)**/.dockerignore' ':(glob)**/*.dockerignore'; then
    exec "$layerguard" check --format text --registry="${registry:-off}" -- "$@"
fi

# Part of a change is staged: check a snapshot of the index, the tree the commit will hold.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/layerguard-hook.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
# LFS files stay pointers: a commit hook must not download them.
GIT_LFS_SKIP_SMUDGE=1 git checkout-index --all --prefix="$tmp/tree/" || exit 1
cd "$tmp/tree" || exit 1
"$layerguard" check --format text --registry="${registry:-off}" -- "$@"
"""

PRE_PUSH = r"""#!/bin/sh
# layerguard-hook: pre-push. Checks the repository's Dockerfiles with `layerguard check
# --registry=optional` before anything is pushed: measured against the images in the registry,
# and a registry that cannot be reached (offline, no credentials) is a notice, not a blocked
# push. Strict or static instead: LAYERGUARD_REGISTRY=on|off, or `git config
# layerguard.pre-push.registry on|off`. Install with `layerguard install-hooks`, or
# `git config core.hooksPath hooks` in a checkout of layerguard. Skip once: git push --no-verify.

# A hook that was here before `layerguard install-hooks --chain` runs first, with the same stdin
# (the refs being pushed).
if [ -x "$0.pre-layerguard" ]; then
    refs=$(mktemp "${TMPDIR:-/tmp}/layerguard-refs.XXXXXX") || exit 1
    cat >"$refs"
    "$0.pre-layerguard" "$@" <"$refs"
    status=$?
    rm -f "$refs"
    [ "$status" -eq 0 ] || exit "$status"
fi

layerguard=${LAYERGUARD:-layerguard}
if ! command -v "$layerguard" >/dev/null 2>&1; then
    echo "layerguard pre-push hook: '$layerguard' is not installed or not on PATH." >&2
    echo "  Install it (https://github.com/layerguard/layerguard#install)," >&2
    echo "  set LAYERGUARD=/path/to/layerguard, or skip this check once with:" >&2
    echo "  git push --no-verify" >&2
    exit 1
fi
registry=${LAYERGUARD_REGISTRY:-$(git config --get layerguard.pre-push.registry)}

cd "$(git rev-parse --show-toplevel)" || exit 1
# Nothing to check in a repository without Dockerfiles (the names `layerguard check` discovers).
names='(^|/)((Dockerfile|Containerfile)(\.[^/]*)?|[^/]*\.Dockerfile)$'
git ls-files --cached --others --exclude-standard | grep -Eq "$names" || exit 0
# A layerguard older than `check --registry` runs the static check.
if "$layerguard" check --help 2>/dev/null | grep -q -e '--registry'; then
    exec "$layerguard" check --format text --registry="${registry:-optional}"
fi
exec "$layerguard" check --format text
"""

SCRIPTS = {"pre-commit": PRE_COMMIT, "pre-push": PRE_PUSH}
# What `install-hooks` says each hook will do, and how to change it.
WHAT = {
    "pre-commit": "checks the staged Dockerfiles, offline (skip once: git commit --no-verify)",
    "pre-push": "checks with --registry=optional: an unreachable registry is a notice; strict: "
    "git config layerguard.pre-push.registry on (skip once: git push --no-verify)",
}


def hooks_dir(cwd: Path | None = None) -> Path:
    """The repository's hooks directory (honours core.hooksPath)."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--git-path", "hooks"],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except OSError as exc:
        raise LayerguardError(f"install-hooks: cannot run git: {exc.strerror or exc}") from None
    if result.returncode != 0:
        raise LayerguardError("install-hooks: not inside a git repository")
    return (cwd or Path.cwd()) / result.stdout.strip()


def install(names: Sequence[str], chain: bool = False, cwd: Path | None = None) -> int:
    """Install the named hooks (default: all). Refuses, before writing anything, to replace a
    hook that is not layerguard's unless `chain`."""
    for name in names:
        if name not in SCRIPTS:
            raise UsageError(f"install-hooks: no hook {name!r} (choose from {', '.join(SCRIPTS)})")
    directory = hooks_dir(cwd)
    plan: list[tuple[str, Path, bool]] = []
    for name in dict.fromkeys(names or SCRIPTS):
        target = directory / name
        foreign = target.exists() and MARKER not in target.read_text(errors="replace")
        if foreign and not chain:
            raise LayerguardError(
                f"install-hooks: {target} exists and is not layerguard's; rerun with --chain "
                f"to keep it (as {name}{CHAINED_SUFFIX}, run first), or call `layerguard check` "
                "from it yourself"
            )
        if foreign and target.with_name(name + CHAINED_SUFFIX).exists():
            raise LayerguardError(
                f"install-hooks: {target} is not layerguard's and {name}{CHAINED_SUFFIX} "
                "already exists; merge them by hand"
            )
        plan.append((name, target, foreign))
    directory.mkdir(parents=True, exist_ok=True)
    for name, target, foreign in plan:
        note = ""
        if foreign:
            os.replace(target, target.with_name(name + CHAINED_SUFFIX))
            note = f" (the previous hook runs first, as {name}{CHAINED_SUFFIX})"
        target.write_text(SCRIPTS[name])
        target.chmod(0o755)
        print(f"installed {target}{note}\n  {name}: {WHAT[name]}")
    return EXIT_CLEAN
