"""Releasable: one version, written once, named by the changelog; `.ci/run` builds and checks
the distribution (sdist and wheel, twine check, the wheel's console script in a fresh venv)."""

from __future__ import annotations

import re
import subprocess

from integration_env import BIN, ROOT

from layerguard import __version__


def test_the_version_is_written_once_and_the_changelog_names_it() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text()  # tomllib is 3.11+; we support 3.10
    project = pyproject[pyproject.index("\n[project]\n") :].split("\n[", 2)[1]
    assert not re.search(r"^version\s*=", project, re.M)
    assert re.search(r'^dynamic = \["version"\]', project, re.M)
    assert 'version = {attr = "layerguard.__version__"}' in pyproject
    init = (ROOT / "layerguard" / "__init__.py").read_text()
    assert re.findall(r"\d+\.\d+\.\d+", init) == [__version__]
    changelog = (ROOT / "CHANGELOG.md").read_text()
    versions = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, re.M)
    assert versions and versions[0] == __version__


def test_the_installed_console_script_reports_the_version() -> None:
    result = subprocess.run(
        [str(BIN / "layerguard"), "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout == f"layerguard {__version__}\n"


def test_ci_builds_checks_and_runs_the_wheel() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    block = ci[ci.index("# The distribution") :]
    for step in ("python -m build", "twine check --strict dist/*", "layerguard-*.whl"):
        assert step in block
    assert '"$wheel_venv/bin/layerguard" --version' in block
