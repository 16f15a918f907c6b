"""hooks/pre-push as `layerguard install-hooks` installs it, run by a real `git push` in a real
repository, calling the real console script, which measures against a real registry."""

from __future__ import annotations

import subprocess
from pathlib import Path

import rawregistry
from integration_env import BIN, environ
from rawregistry import Release

from layerguard.findings import human


def git(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_push_is_refused_with_measured_findings_then_allowed(
    release: Release, tmp_path: Path, git_program: str
) -> None:
    env = environ(XDG_CACHE_HOME=str(tmp_path / "cache"))
    remote, repo = tmp_path / "remote.git", tmp_path / "repo"
    assert git(tmp_path, env, "init", "-q", "--bare", str(remote)).returncode == 0
    assert git(tmp_path, env, "init", "-q", "-b", "main", str(repo)).returncode == 0
    git(repo, env, "remote", "add", "origin", str(remote))
    installed = subprocess.run(
        [str(BIN / "layerguard"), "install-hooks", "pre-push"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    sizes = rawregistry.layer_sizes(release.app)
    (repo / "Dockerfile").write_text(release.dockerfile)
    mapping = f"images:\n  Dockerfile: {release.app}\n"
    (repo / ".layerguard.yaml").write_text(
        f"{mapping}budgets:\n  max-layers: {len(sizes) - 1}\n"
        f"  max-compressed-size: {sum(sizes) - 1}\n"
    )
    git(repo, env, "add", "-A")
    assert git(repo, env, "commit", "-q", "-m", "app").returncode == 0

    refused = git(repo, env, "push", "origin", "main")
    assert refused.returncode != 0
    copied = rawregistry.under(rawregistry.visible_files(release.base), "/srv/app")
    lines = refused.stdout.splitlines()  # the hook's output: git passes it through
    (lg004,) = [line for line in lines if line.startswith("Dockerfile:2 LG004 warning: ")]
    assert f"{len(copied)} files" in lg004 and "chown of /srv/app" in lg004
    (lg104,) = [line for line in lines if line.startswith("Dockerfile:1 LG104 error: ")]
    assert lg104.endswith(f"has {len(sizes)} layers, over the budget of {len(sizes) - 1}")
    (lg101,) = [line for line in lines if line.startswith("Dockerfile:1 LG101 error: ")]
    assert f"{release.app} is " in lg101 and "chown -R 1000:1000 /srv/app" in lg101
    weight = f"{human(sum(copied.values()))} reclaimable in {len(copied)} files"
    assert lines[-1] == f"3 problems (2 errors, 1 warning) in 1 file; {weight}"
    assert "failed to push some refs" in refused.stderr
    assert git(repo, env, "ls-remote", "origin").stdout == ""  # nothing reached the remote

    (repo / ".layerguard.yaml").write_text(
        f"{mapping}budgets:\n  max-layers: {len(sizes)}\n  max-compressed-size: {sum(sizes)}\n"
        "rules:\n  LG004: off\n"
    )
    git(repo, env, "commit", "-q", "-am", "budget raised on purpose")
    allowed = git(repo, env, "push", "origin", "main")
    assert allowed.returncode == 0, allowed.stderr
    assert allowed.stdout == "no problems in 1 file\n"
    head = git(repo, env, "rev-parse", "HEAD").stdout.strip()
    assert git(repo, env, "ls-remote", "origin", "main").stdout.split() == [head, "refs/heads/main"]
