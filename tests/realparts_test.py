"""Under CI=true a missing real part fails the run; without CI it skips with the reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from realparts import require_tools

ROOT = Path(__file__).resolve().parent.parent
TESTS = [
    "tests/dockerfile/conformance_test.py::test_line_information",  # ../shared, by the fixture
    "tests/dockerfile/conformance_test.py::test_probe",  # an empty parameter set: a plain skip
    "tests/commands/check_registry_real_test.py::test_measured_copy_up_size_and_layers",
]


def pytest_without_parts(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    """Run TESTS with ../shared hidden and nothing on PATH (so no docker-registry)."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update(LAYERGUARD_TEST_SHARED=str(tmp_path / "no-shared"), PATH=str(tmp_path))
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfEs", "-p", "no:cacheprovider", *TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_ci_fails_where_a_local_run_skips(tmp_path: Path) -> None:
    result = pytest_without_parts(tmp_path, "true")
    assert result.returncode == 1, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("ERROR ")]
    assert len(failed) == 3, result.stdout
    shared, probe, registry = failed
    assert f"CI=true and {tmp_path / 'no-shared'} (../shared) is missing" in shared
    assert "CI=true and the test skipped (Skipped: got empty parameter set" in probe
    assert "CI=true and docker-registry (not on PATH) is missing: run `bash .ci/run`" in registry


def test_a_local_run_skips_with_the_reason(tmp_path: Path) -> None:
    result = pytest_without_parts(tmp_path, None)
    assert result.returncode == 0, result.stdout + result.stderr
    skipped = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED ")]
    assert len(skipped) == 3, result.stdout
    assert "(../shared) is missing: check the repository out beside ../shared" in skipped[0]
    assert "got empty parameter set" in skipped[1]
    assert "docker-registry (not on PATH) is missing" in skipped[2]


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), (None, pytest.skip.Exception)]
)
def test_not_root_is_a_missing_part(
    monkeypatch: pytest.MonkeyPatch, ci: str | None, outcome: type[BaseException]
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match=r"root is missing: the real registry and buildah tests"):
        require_tools("docker-registry")
