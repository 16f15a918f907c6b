"""`layerguard check --fix / --diff / --unsafe-fixes`, as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

APT = "FROM debian:12\n# the index\nRUN apt-get update \\\n    && apt-get install -y curl\n"
APT_FIXED = (
    "FROM debian:12\n# the index\nRUN apt-get update \\\n    && apt-get install -y curl \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n"
)
HEREDOC = "FROM debian:12\nRUN <<EOT\napt-get update\nEOT\n"
HEREDOC_FIXED = "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists <<EOT\n"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "layerguard", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_text_output_marks_what_fix_repairs(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(APT)
    (tmp_path / "heredoc.Dockerfile").write_text(HEREDOC)
    result = run(tmp_path, "Dockerfile", "heredoc.Dockerfile")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Dockerfile:3 LG005 [*] warning: leaves the apt package index")
    assert lines[2].startswith("heredoc.Dockerfile:2 LG005 warning: leaves the apt package index")
    assert lines[-1] == "[*] 1 fixable with --fix (1 more with --unsafe-fixes)."
    quiet = run(tmp_path, "-q", "Dockerfile").stdout
    assert quiet.startswith("Dockerfile:3 LG005 [*] warning:") and "fixable" not in quiet


def test_fix_rewrites_in_place_and_reports_what_is_left(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(APT)
    (tmp_path / "heredoc.Dockerfile").write_text(HEREDOC)
    os.chmod(tmp_path / "Dockerfile", 0o640)
    result = run(tmp_path, "--fix", "Dockerfile", "heredoc.Dockerfile")
    assert (tmp_path / "Dockerfile").read_text() == APT_FIXED
    assert (tmp_path / "Dockerfile").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "heredoc.Dockerfile").read_text() == HEREDOC
    assert result.stderr == "layerguard: fixed 1 problem in 1 file\n"
    assert result.returncode == 1  # the heredoc's finding is left
    assert result.stdout.splitlines()[0].startswith("heredoc.Dockerfile:2 LG005 warning:")
    assert result.stdout.splitlines()[-1] == "1 fixable with --fix --unsafe-fixes."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Dockerfile", "heredoc.Dockerfile"]
    again = run(tmp_path, "--fix", "Dockerfile")
    assert again.returncode == 0 and again.stderr == ""
    assert (tmp_path / "Dockerfile").read_text() == APT_FIXED


def test_unsafe_fixes(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(HEREDOC)
    result = run(tmp_path, "--fix", "--unsafe-fixes", "Dockerfile")
    assert result.returncode == 0, result.stdout
    assert (tmp_path / "Dockerfile").read_text().startswith(HEREDOC_FIXED)
    assert result.stdout == "no problems in 1 file\n"


def test_diff_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(APT)
    result = run(tmp_path, "--diff", "Dockerfile")
    assert result.returncode == 1
    assert result.stdout == (
        "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,4 +1,5 @@\n FROM debian:12\n # the index\n"
        " RUN apt-get update \\\n-    && apt-get install -y curl\n"
        "+    && apt-get install -y curl \\\n+    && rm -rf /var/lib/apt/lists/*\n"
    )
    assert (tmp_path / "Dockerfile").read_text() == APT
    (tmp_path / "Dockerfile").write_text(APT_FIXED)
    clean = run(tmp_path, "--diff", "Dockerfile")
    assert (clean.returncode, clean.stdout) == (0, "")


def test_fix_of_a_chain_of_overlapping_fixes_takes_two_passes(tmp_path: Path) -> None:
    # The LG004 fix spans lines 2-4, over the LG005 fix of line 3: one waits for a second pass.
    text = (
        "FROM debian:12\nCOPY app/ /app/\nRUN apt-get update && apt-get install -y x\n"
        "RUN chown -R app:app /app\n"
    )
    (tmp_path / "Dockerfile").write_text(text)
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "main.py").write_text("print()\n")
    result = run(tmp_path, "--fix", "Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == "layerguard: fixed 2 problems in 1 file\n"
    assert (tmp_path / "Dockerfile").read_text() == (
        "FROM debian:12\nCOPY --chown=app:app app/ /app/\n"
        "RUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n"
    )


def test_standard_input_cannot_be_fixed(tmp_path: Path) -> None:
    result = run(tmp_path, "--fix", "-")
    assert result.returncode == 2
    assert (
        result.stderr == "layerguard: --fix and --diff read the files they fix: pass paths, not -\n"
    )


def test_plain_check_does_not_load_the_fix_module(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM debian:12\nRUN rm -rf /tmp/x\n")
    code = (
        "from layerguard.commands.cli import main; main(['check', '-q', 'Dockerfile']); "
        "import sys; print('layerguard.dockerfile.fix' in sys.modules, "
        "'difflib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
