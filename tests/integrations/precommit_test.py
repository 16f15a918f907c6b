"""The pre-commit hooks with the real framework: `pre-commit try-repo` on a committed copy of
this working tree, so uncommitted work is what gets installed and run.

try-repo uses a throwaway store, so each run builds the hook's virtualenv (pip install of the copy
and its dependencies from the package index): about 10 s a run here.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from identify.identify import tags_from_filename
from integration_env import BIN, ROOT, environ
from realparts import require_path

from layerguard.project.discover import PATTERNS, is_dockerfile

BAD = "FROM debian:12\nWORKDIR /app\nRUN rm -rf /usr/share/doc\n"
CLEAN = "FROM debian:12\nWORKDIR /app\nRUN echo hi > /app/x\n"
MANIFEST = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
HOOKS = {hook["id"]: hook for hook in MANIFEST}


def git(cwd: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def checkout(
    working_copy: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, str]]:
    require_path(BIN / "pre-commit", "the pre-commit framework", "pip install -e '.[dev]'")
    return working_copy, environ(PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")))


def try_repo(
    checkout: tuple[Path, dict[str, str]], tmp_path: Path, files: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    copy, env = checkout
    repo = tmp_path / "user-repo"
    repo.mkdir()
    git(repo, env, "init", "-q")
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    git(repo, env, "add", "-A")
    return subprocess.run(
        [str(BIN / "pre-commit"), "try-repo", str(copy), *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_hook_fails_on_lg003_and_prints_it(
    checkout: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    result = try_repo(
        checkout, tmp_path, {"Dockerfile": BAD}, "layerguard", "--files", "Dockerfile"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "layerguard" in result.stdout and "Failed" in result.stdout
    assert "Dockerfile:3 LG003 warning: removes /usr/share/doc" in result.stdout


def test_hook_passes_on_a_clean_dockerfile(
    checkout: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    result = try_repo(
        checkout, tmp_path, {"Dockerfile": CLEAN}, "layerguard", "--files", "Dockerfile"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^layerguard\.+Passed$", result.stdout, re.M), result.stdout


def test_hook_checks_the_names_check_discovers(
    checkout: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    names = [
        "ci/Containerfile.ci",
        "api.Dockerfile",
        "Dockerfile.dev",
        "dockerfile",  # neither identify nor discover
        "x.Containerfile",  # identify tags it; discover does not
        "a.Dockerfile.b",  # same
        "README.md",
    ]
    result = try_repo(checkout, tmp_path, dict.fromkeys(names, BAD), "layerguard", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    checked = sorted(set(re.findall(r"^(\S+):3 LG003", result.stdout, re.M)))
    assert checked == ["Dockerfile.dev", "api.Dockerfile", "ci/Containerfile.ci"]
    assert "3 problems (3 warnings) in 3 files" in result.stdout  # one run: require_serial


def test_registry_hook_runs_only_on_push_or_by_hand(
    checkout: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    hook = HOOKS["layerguard-registry"]
    assert hook["entry"] == "layerguard check --registry=optional"
    assert hook["stages"] == ["pre-push", "manual"]
    result = try_repo(
        checkout, tmp_path, {"Dockerfile": BAD}, "layerguard-registry", "--files", "Dockerfile"
    )
    assert "No hook with id `layerguard-registry` in stage `pre-commit`" in result.stdout


def test_hook_gives_the_findings_check_gives_on_the_same_tree(
    checkout: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    # Issue 13.2: the build context (COPY static/ then COPY . .) and the FROM chain through
    # Dockerfiles that are not among the files passed.
    files = {
        "static/bundle.js": "x" * 3_000_000,
        "Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY static/ /app/static/\nCOPY . .\n",
        ".layerguard.yaml": "images:\n  Dockerfile.v1: team/app:1\n  Dockerfile.v2: team/app:2\n",
        "Dockerfile.v1": "FROM debian:12-slim\nCOPY static/bundle.js /\n",
        "Dockerfile.v2": "FROM team/app:1\nRUN rm -rf /bundle.js\n",
    }
    result = try_repo(
        checkout, tmp_path, files, "layerguard", "--files", "Dockerfile", "Dockerfile.v2"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    found = re.findall(r"^(\S+:\d+ LG\d+) .*$", result.stdout, re.M)
    assert found == ["Dockerfile:4 LG002", "Dockerfile.v2:1 LG001", "Dockerfile.v2:2 LG003"]
    assert "added by Dockerfile.v1:2" in result.stdout


def test_registry_hook_offline_is_a_notice_not_a_blocked_push(
    checkout: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    # Issue 13.3: 127.0.0.1:9 refuses connections, as every registry does on a train.
    files = {"Dockerfile": "FROM 127.0.0.1:9/base:1\nRUN echo hi > /x\n"}
    args = ("layerguard-registry", "--hook-stage", "manual", "--files", "Dockerfile", "-v")
    result = try_repo(checkout, tmp_path, files, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^layerguard \(registry\)\.+Passed$", result.stdout, re.M), result.stdout
    assert "not measured: 127.0.0.1:9" in result.stdout


def test_manifest_is_valid_and_matches_discovery() -> None:
    validate = subprocess.run(
        [str(BIN / "pre-commit"), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    hook = HOOKS["layerguard"]
    assert (hook["entry"], hook["language"]) == ("layerguard check", "python")
    assert hook["pass_filenames"] is True and hook["require_serial"] is True
    assert HOOKS["layerguard-registry"]["files"] == hook["files"]
    files = re.compile(hook["files"])
    names = [
        *PATTERNS,
        "Dockerfile.dev",
        "Dockerfile.",
        "api.Dockerfile",
        ".Dockerfile",
        "Containerfile.ci",
        "dockerfile",
        "Dockerfile-dev",
        "api.dockerfile",
        "x.Containerfile",
        "a.Dockerfile.b",
        "Containerfiles",
        "MyDockerfile",
        "README.md",
    ]
    for name in names:
        for path in (name, f"sub/dir/{name}"):
            assert bool(files.search(path)) == is_dockerfile(name), path
    assert not files.search("Dockerfile/README.md")
    # What the comment in .pre-commit-hooks.yaml says: identify's tag covers more names.
    assert "dockerfile" in tags_from_filename("x.Containerfile")
    assert not is_dockerfile("x.Containerfile")


def test_fix_hook_repairs_the_file_and_fails_the_commit(
    checkout: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    hook = HOOKS["layerguard-fix"]
    assert (hook["entry"], hook["files"]) == (
        "layerguard check --fix",
        HOOKS["layerguard"]["files"],
    )
    cached = "FROM debian:12\n# tools\nRUN apt-get update \\\n    && apt-get install -y curl\n"
    result = try_repo(
        checkout, tmp_path, {"Dockerfile": cached}, "layerguard-fix", "--files", "Dockerfile"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^layerguard \(fix\)\.+Failed$", result.stdout, re.M), result.stdout
    assert "files were modified by this hook" in result.stdout
    assert (tmp_path / "user-repo" / "Dockerfile").read_text() == (
        "FROM debian:12\n# tools\nRUN apt-get update \\\n    && apt-get install -y curl \\\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
    )
