"""Exit codes as CI reads them: 1 when a finding is at or above the threshold, else 0; the
command line's --fail-on wins over the config's fail-on, which wins over the default (warning)."""

from __future__ import annotations

from pathlib import Path

import pytest

from layerguard.commands.cli import main

DOCKERFILE = "FROM debian:12\nWORKDIR /app\nRUN rm -rf /usr/share/doc\n"  # one LG003


# (severity given to LG003, the config's fail-on, --fail-on, exit code)
CASES = [
    ("warning", None, None, 1),
    ("info", None, None, 0),
    ("error", None, None, 1),
    ("warning", "error", None, 0),
    ("warning", "error", "warning", 1),
    ("warning", "never", "info", 1),
    ("error", "info", "never", 0),
    ("info", "info", None, 1),
    ("info", None, "info", 1),
    ("warning", "info", "error", 0),
]


@pytest.mark.parametrize(("severity", "config", "flag", "code"), CASES)
def test_threshold_and_its_precedence(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    severity: str,
    config: str | None,
    flag: str | None,
    code: int,
) -> None:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    settings = f"rules:\n  LG003: {{severity: {severity}}}\n"
    if config is not None:
        settings += f"fail-on: {config}\n"
    (tmp_path / ".layerguard.yaml").write_text(settings)
    monkeypatch.chdir(tmp_path)
    argv = ["check", "--format", "json", "Dockerfile"]
    if flag is not None:
        argv += ["--fail-on", flag]
    assert main(argv) == code
    assert f'"severity": "{severity}"' in capsys.readouterr().out  # the finding was reported
