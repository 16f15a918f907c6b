"""The README's first command, verbatim, in a fresh clone: it installs layerguard into a new
virtualenv and checks examples/, and prints what the README shows.

The comparison is of file, line, code and severity, the exit code and the summary line, not of the
messages' wording, so rewording a rule does not break it; `layerguard check` in examples/ prints
the text to paste into the README when it changes.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from integration_env import BIN, ROOT, environ

README = (ROOT / "README.md").read_text()
FINDING = re.compile(r"^(\S+:\d+ LG\d{3}(?: \[\*\])? (?:error|warning|info)): ", re.M)


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def blocks(text: str, language: str = "") -> list[str]:
    """The fenced code blocks of `text` whose info string is `language`."""
    found = re.findall(r"^```(\w*)\n(.*?)^```$", text, re.M | re.S)
    return [body for info, body in found if info == language]


def test_first_command_works_in_a_fresh_clone_and_prints_what_the_readme_shows(
    working_copy: Path, tmp_path: Path
) -> None:
    install_and_run = section("Install and run")
    command = blocks(install_and_run, "sh")[0]
    shown = next(b for b in blocks(install_and_run) if b.startswith("$ layerguard check\n"))
    clone = tmp_path / "layerguard"
    subprocess.run(
        ["git", "clone", "-q", str(working_copy), str(clone)],
        check=True,
        env=environ(),
        timeout=120,
    )
    env = environ()
    # Only what the command installs may answer to `layerguard`, not this test's virtualenv.
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != str(BIN))
    env.pop("VIRTUAL_ENV", None)
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=clone,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-3000:]
    assert (clone / ".venv" / "bin" / "layerguard").exists()
    printed = result.stdout[result.stdout.index("Dockerfile") :]  # after pip's own lines
    assert FINDING.findall(printed) == FINDING.findall(shown)
    assert len(FINDING.findall(shown)) >= 6
    assert {code for code in re.findall(r" (LG\d{3}) ", shown)} >= {
        "LG001", "LG002", "LG003", "LG004", "LG005",
    }  # fmt: skip
    assert printed.splitlines()[-1] == shown.splitlines()[-1]


def test_the_test_command_is_what_ci_runs() -> None:
    [setup, command] = blocks(section("Run the tests"), "sh")[0].splitlines()
    assert setup == "python3 -m venv .venv && . .venv/bin/activate"
    assert command == "pip install -e '.[dev]' && python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 -m venv .venv" in ci and "-e '.[dev]'" in ci and "python -m pytest" in ci
