"""hooks/pre-commit, hooks/pre-push and `layerguard install-hooks`, in temp git repositories."""

from __future__ import annotations

import re
import stat
import subprocess
from pathlib import Path

import pytest
from integration_env import BIN, ROOT, environ
from realparts import require_program

from layerguard.commands import install_hooks as hooks
from layerguard.errors import LayerguardError
from layerguard.project.discover import PATTERNS

BAD = "FROM debian:12\nWORKDIR /app\nRUN rm -rf /usr/share/doc\n"
CLEAN = "FROM debian:12\nWORKDIR /app\nRUN echo hi > /app/x\n"


def git(
    repo: Path, *args: str, command: str = "git", **kwargs: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [command, *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=environ(),
        timeout=60,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def repo(tmp_path: Path, git_program: str) -> Path:
    path = tmp_path / "repo"
    path.mkdir()
    assert git(path, "init", "-q").returncode == 0
    return path


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)


def run_hook(
    repo: Path, name: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "hooks" / name)],
        cwd=repo,
        input=stdin,
        capture_output=True,
        text=True,
        env=environ(**env),
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("name", ["pre-commit", "pre-push"])
def test_hooks_are_posix_executable_and_what_install_hooks_writes(name: str) -> None:
    path = ROOT / "hooks" / name
    assert path.stat().st_mode & stat.S_IXUSR
    text = path.read_text()
    assert text.startswith("#!/bin/sh\n")
    assert text == hooks.SCRIPTS[name], f"install_hooks.py and hooks/{name} differ"


@pytest.mark.parametrize("name", ["pre-commit", "pre-push"])
def test_hooks_parse_in_a_strict_posix_shell(name: str) -> None:
    dash = require_program("dash", "apt-get install dash (Debian's /bin/sh)")
    assert subprocess.run([dash, "-n", str(ROOT / "hooks" / name)], check=False).returncode == 0


def test_pre_commit_hook_matches_the_names_check_discovers() -> None:
    match = re.search(r"^\s+(Dockerfile \|.*)\) ;;$", hooks.PRE_COMMIT, re.M)
    assert match is not None
    assert tuple(p.strip() for p in match.group(1).split("|")) == PATTERNS


def test_pre_commit_checks_the_staged_content_not_the_working_tree(repo: Path) -> None:
    write(repo, {"Dockerfile": BAD, "README.md": "x\n"})
    git(repo, "add", ".")
    (repo / "Dockerfile").write_text(CLEAN)  # fixed, but not staged
    result = run_hook(repo, "pre-commit")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("Dockerfile:3 LG003 warning: ")

    git(repo, "add", ".")
    (repo / "Dockerfile").write_text(BAD)  # broken again, but the staged content is clean
    result = run_hook(repo, "pre-commit")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "no problems in 1 file\n"


def test_pre_commit_runs_from_git_commit_with_the_usual_names(repo: Path) -> None:
    assert hooks.install(["pre-commit"], cwd=repo) == 0
    names = ["docker/api.Dockerfile", "ci/Containerfile.ci", "Dockerfile.dev", "dockerfile"]
    write(repo, {name: BAD for name in names})
    git(repo, "add", ".")
    commit = git(repo, "commit", "-q", "-m", "bad")
    assert commit.returncode == 1
    output = [  # git shows a hook's stdout on stderr
        line for line in commit.stderr.splitlines() if not line.startswith("  help: ")
    ]
    assert sorted(line.split(" ")[0] for line in output[:-1]) == [
        "Dockerfile.dev:3",
        "ci/Containerfile.ci:3",
        "docker/api.Dockerfile:3",
    ]
    assert output[-1] == "3 problems (3 warnings) in 3 files"
    assert git(repo, "rev-parse", "HEAD").returncode != 0  # nothing was committed


def test_pre_commit_uses_the_staged_config_and_skips_commits_without_dockerfiles(
    repo: Path,
) -> None:
    write(repo, {"README.md": "x\n"})
    git(repo, "add", ".")
    result = run_hook(repo, "pre-commit")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    write(repo, {"Dockerfile": BAD, ".layerguard.yaml": "rules:\n  LG003: off\n"})
    git(repo, "add", ".")
    assert run_hook(repo, "pre-commit").returncode == 0
    (repo / ".layerguard.yaml").write_text("rules:\n  LG003: {severity: error}\n")
    assert run_hook(repo, "pre-commit").returncode == 0  # unstaged config change is not used


def test_hooks_say_clearly_when_layerguard_is_missing(repo: Path) -> None:
    write(repo, {"Dockerfile": BAD})
    git(repo, "add", ".")
    for name in ("pre-commit", "pre-push"):
        result = run_hook(repo, name, LAYERGUARD="layerguard-not-installed")
        assert result.returncode == 1
        assert "'layerguard-not-installed' is not installed or not on PATH" in result.stderr
        assert "--no-verify" in result.stderr


def fake_layerguard(tmp_path: Path, help_text: str) -> tuple[Path, Path]:
    log = tmp_path / "calls"
    fake = tmp_path / "fake-layerguard"
    fake.write_text(
        f'#!/bin/sh\necho "$*" >>"{log}"\ncase "$*" in *--help*) echo "{help_text}" ;; esac\n'
    )
    fake.chmod(0o755)
    return fake, log


@pytest.mark.parametrize(
    ("help_text", "expected"),
    [
        (
            "usage: layerguard check [--registry[=optional]]",
            "check --format text --registry=optional",
        ),
        ("usage: layerguard check [--format FORMAT]", "check --format text"),
    ],
)
def test_pre_push_passes_registry_only_when_check_has_it(
    repo: Path, tmp_path: Path, help_text: str, expected: str
) -> None:
    (repo / "Dockerfile").write_text("FROM scratch\n")
    fake, log = fake_layerguard(tmp_path, help_text)
    result = run_hook(repo, "pre-push", LAYERGUARD=str(fake))
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == ["check --help", expected]


def test_pre_push_registry_mode_from_the_environment_or_git_config(
    repo: Path, tmp_path: Path
) -> None:
    (repo / "Dockerfile").write_text("FROM scratch\n")
    fake, log = fake_layerguard(tmp_path, "--registry")
    git(repo, "config", "layerguard.pre-push.registry", "on")
    git(repo, "config", "layerguard.pre-commit.registry", "optional")  # not the pre-push hook's
    assert run_hook(repo, "pre-push", LAYERGUARD=str(fake)).returncode == 0
    assert (
        run_hook(repo, "pre-push", LAYERGUARD=str(fake), LAYERGUARD_REGISTRY="off").returncode == 0
    )
    calls = [line for line in log.read_text().splitlines() if "--help" not in line]
    assert calls == ["check --format text --registry=on", "check --format text --registry=off"]


def test_pre_push_passes_a_repository_without_dockerfiles(repo: Path, tmp_path: Path) -> None:
    fake, log = fake_layerguard(tmp_path, "--registry")
    result = run_hook(repo, "pre-push", LAYERGUARD=str(fake))
    assert result.returncode == 0, result.stderr
    assert not log.exists()


def test_install_hooks_installs_updates_and_honours_hooks_path(repo: Path) -> None:
    result = subprocess.run(
        [str(BIN / "layerguard"), "install-hooks"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=environ(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in ("pre-commit", "pre-push"):
        installed = repo / ".git" / "hooks" / name
        assert installed.read_text() == hooks.SCRIPTS[name]
        assert installed.stat().st_mode & stat.S_IXUSR
        assert f"installed {installed}" in result.stdout
    assert "an unreachable registry is a notice; strict: git config layerguard.pre-push" in (
        result.stdout
    )
    assert hooks.install([], cwd=repo) == 0  # layerguard's own hooks are simply updated
    git(repo, "config", "core.hooksPath", ".githooks")
    assert hooks.install(["pre-push"], cwd=repo) == 0
    assert (repo / ".githooks" / "pre-push").read_text() == hooks.PRE_PUSH


def test_install_hooks_refuses_to_clobber_and_chains_on_request(repo: Path, tmp_path: Path) -> None:
    mine = repo / ".git" / "hooks" / "pre-push"
    mine.parent.mkdir(parents=True, exist_ok=True)
    seen = tmp_path / "seen"
    mine.write_text(f'#!/bin/sh\necho "mine $1" >"{seen}"\ncat >>"{seen}"\nexit 0\n')
    mine.chmod(0o755)
    refused = subprocess.run(
        [str(BIN / "layerguard"), "install-hooks"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=environ(),
        check=False,
    )
    assert refused.returncode == 2
    assert "exists and is not layerguard's; rerun with --chain" in refused.stderr
    assert "echo" in mine.read_text()
    assert not (repo / ".git" / "hooks" / "pre-commit").exists()  # refused before writing any

    assert hooks.install([], chain=True, cwd=repo) == 0
    assert (repo / ".git" / "hooks" / "pre-push.pre-layerguard").read_text().count("mine") == 1
    assert mine.read_text() == hooks.PRE_PUSH
    (repo / "Dockerfile").write_text("FROM scratch\n")
    fake, log = fake_layerguard(tmp_path, "no registry here")
    result = subprocess.run(
        [str(mine), "origin", "url"],
        cwd=repo,
        input="refs/heads/main 1 refs/heads/main 2\n",
        capture_output=True,
        text=True,
        env=environ(LAYERGUARD=str(fake)),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert seen.read_text() == "mine origin\nrefs/heads/main 1 refs/heads/main 2\n"
    assert log.read_text().splitlines()[-1] == "check --format text"

    (repo / ".git" / "hooks" / "pre-push").write_text("#!/bin/sh\nexit 0\n")
    with pytest.raises(LayerguardError, match=r"pre-push\.pre-layerguard already exists"):
        hooks.install(["pre-push"], chain=True, cwd=repo)


def test_install_hooks_errors(tmp_path: Path) -> None:
    from layerguard.commands.cli import main

    outside = tmp_path / "not-a-repo"
    outside.mkdir()
    with pytest.raises(LayerguardError, match="not inside a git repository"):
        hooks.install([], cwd=outside)
    assert main(["install-hooks", "post-merge"]) == 2


# Issue 13.2: with `COPY static/ /app/static/` then `COPY . .`, `layerguard check` reported LG002
# and exit 1 while the hook, which copied only the staged Dockerfiles into a temp directory,
# printed "no problems" and let the commit through.
WEB_APP = (
    "FROM python:3.12-slim\nWORKDIR /app\nCOPY static/ /app/static/\nCOPY . .\n"
    'CMD ["python", "app.py"]\n'
)


def check_in(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return git(repo, "check", *args, command=str(BIN / "layerguard"))


def test_pre_commit_blocks_what_check_fails_with_the_real_build_context(repo: Path) -> None:
    (repo / "static").mkdir()
    (repo / "static" / "bundle.js").write_bytes(b"x" * 3_000_000)
    write(repo, {"app.py": "print('hi')\n", "Dockerfile": WEB_APP})
    assert hooks.install(["pre-commit"], cwd=repo) == 0
    git(repo, "add", ".")
    check = check_in(repo)
    assert check.returncode == 1
    assert check.stdout.startswith("Dockerfile:4 LG002 warning: writes /app/static/bundle.js")

    commit = git(repo, "commit", "-q", "-m", "web app")
    assert commit.returncode == 1
    assert commit.stderr == check.stdout  # git shows a hook's stdout on stderr
    assert git(repo, "rev-parse", "HEAD").returncode != 0  # nothing was committed


def test_pre_commit_partly_staged_checks_the_index_with_its_context(repo: Path) -> None:
    (repo / "static").mkdir()
    (repo / "static" / "bundle.js").write_bytes(b"x" * 3_000_000)
    write(repo, {"app.py": "print('hi')\n", "Dockerfile": WEB_APP})
    git(repo, "add", ".")
    (repo / "Dockerfile").write_text(CLEAN)  # the fix is not staged: the commit holds WEB_APP
    result = run_hook(repo, "pre-commit")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("Dockerfile:4 LG002 warning: writes /app/static/bundle.js")


CHAIN = {
    ".layerguard.yaml": "images:\n"
    + "".join(f"  Dockerfile.v{n}: team/app:0.0.{n}\n" for n in range(1, 5)),
    "Dockerfile.v1": "FROM debian:12-slim\nCOPY test.txt /\n",
    "Dockerfile.v2": "FROM team/app:0.0.1\nCOPY test.txt /\n",
    "Dockerfile.v3": "FROM team/app:0.0.2\nRUN echo v3 > /v3\n",
    "Dockerfile.v4": "FROM team/app:0.0.3\nRUN rm -rf /test.txt\n",
}


def test_pre_commit_follows_from_chains_through_committed_dockerfiles(repo: Path) -> None:
    write(repo, {**CHAIN, "test.txt": "x" * 2_000_000})
    del_v4 = {name: text for name, text in CHAIN.items() if name != "Dockerfile.v4"}
    git(repo, "add", *del_v4, "test.txt")
    assert git(repo, "commit", "-q", "--no-verify", "-m", "v1-v3").returncode == 0
    assert hooks.install(["pre-commit"], cwd=repo) == 0
    git(repo, "add", "Dockerfile.v4")
    whole = check_in(repo)
    [v4_lg003] = [line for line in whole.stdout.splitlines() if line.startswith("Dockerfile.v4:2")]
    assert "LG003" in v4_lg003 and "added by Dockerfile.v" in v4_lg003

    commit = git(repo, "commit", "-q", "-m", "v4")
    assert commit.returncode == 1
    lines = whole.stdout.splitlines()
    v4_lines = [  # each finding with its help line
        line
        for i, line in enumerate(lines)
        if line.startswith("Dockerfile.v4:") or lines[i - 1].startswith("Dockerfile.v4:")
    ]
    assert commit.stderr.splitlines()[:-1] == v4_lines


def test_pre_push_offline_registry_is_a_notice_unless_strict(repo: Path) -> None:
    # 127.0.0.1:9 refuses connections: what a laptop on a train meets.
    write(repo, {"Dockerfile": "FROM 127.0.0.1:9/base:1\nRUN echo hi > /x\n"})
    git(repo, "add", ".")
    result = run_hook(repo, "pre-push")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "no problems in 1 file\n"
    assert "not measured: 127.0.0.1:9" in result.stderr

    strict = run_hook(repo, "pre-push", LAYERGUARD_REGISTRY="on")
    assert strict.returncode == 2
    assert "127.0.0.1:9" in strict.stderr and "connection refused" in strict.stderr
