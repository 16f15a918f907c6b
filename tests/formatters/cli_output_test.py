"""`check --format/--output` as a user runs it, and the re-rendering entry the Action uses."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from layerguard.findings import Finding, Severity
from layerguard.formatters import relative_to
from layerguard.linter import Report

LG003_ON_LINE_3 = "FROM debian:12\nWORKDIR /app\nRUN rm -rf /usr/share/doc\n"
CLEAN = "FROM debian:12\nWORKDIR /app\nRUN echo hi > /app/x\n"


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**environ, **env},
        timeout=60,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "Dockerfile").write_text(LG003_ON_LINE_3)
    return tmp_path


def test_acceptance_lg003_on_line_3_in_every_format(repo: Path, shared: Path) -> None:
    sarif = run(repo, "layerguard", "check", "Dockerfile", "--format", "sarif")
    assert sarif.returncode == 1, sarif.stderr
    schema = json.loads((shared / "schemas" / "sarif-2.1.0.json").read_text())
    document = json.loads(sarif.stdout)
    jsonschema.validate(document, schema)
    [result] = document["runs"][0]["results"]
    assert result["ruleId"] == "LG003"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "Dockerfile"
    assert location["region"]["startLine"] == 3

    github = run(repo, "layerguard", "check", "Dockerfile", "--format", "github")
    assert github.returncode == 1
    assert github.stdout.startswith("::warning file=Dockerfile,line=3,")
    assert "title=LG003 delete-in-later-layer::" in github.stdout.splitlines()[0]

    gitlab = run(repo, "layerguard", "check", "Dockerfile", "--format", "gitlab")
    [issue] = json.loads(gitlab.stdout)
    assert (issue["check_name"], issue["location"]["lines"]["begin"]) == ("LG003", 3)

    checkstyle = run(repo, "layerguard", "check", "Dockerfile", "--format", "checkstyle")
    error = ET.fromstring(checkstyle.stdout.encode()).find("file/error")
    assert error is not None and (error.get("line"), error.get("source")) == (
        "3",
        "layerguard.LG003",
    )
    junit = run(repo, "layerguard", "check", "Dockerfile", "--format", "junit")
    assert ET.fromstring(junit.stdout.encode()).get("failures") == "1"
    for result_ in (gitlab, checkstyle, junit):
        assert result_.returncode == 1


@pytest.mark.parametrize("fmt", ["sarif", "github", "checkstyle", "gitlab", "junit", "markdown"])
def test_formats_never_change_the_exit_code(repo: Path, fmt: str) -> None:
    assert run(repo, "layerguard", "check", "--format", fmt).returncode == 1
    assert run(repo, "layerguard", "check", "--format", fmt, "--fail-on", "error").returncode == 0
    (repo / "Dockerfile").write_text(CLEAN)
    assert run(repo, "layerguard", "check", "--format", fmt).returncode == 0


def test_auto_picks_github_on_github_actions(repo: Path) -> None:
    on_actions = run(repo, "layerguard", "check", GITHUB_ACTIONS="true")
    assert on_actions.stdout.startswith("::warning file=Dockerfile,line=3,")
    explicit = run(repo, "layerguard", "check", "--format", "auto", GITHUB_ACTIONS="true")
    assert explicit.stdout == on_actions.stdout
    for env in ({}, {"GITHUB_ACTIONS": "false"}):
        assert run(repo, "layerguard", "check", **env).stdout.startswith("Dockerfile:3 LG003 ")
    forced = run(repo, "layerguard", "check", "--format", "text", GITHUB_ACTIONS="true")
    assert forced.stdout.startswith("Dockerfile:3 LG003 ")


def test_unknown_format_is_a_usage_error(repo: Path) -> None:
    result = run(repo, "layerguard", "check", "--format", "yaml")
    assert result.returncode == 2
    assert "--format: expected one of auto, text, json, sarif" in result.stderr


def test_output_writes_the_report_and_keeps_the_exit_code(repo: Path) -> None:
    result = run(repo, "layerguard", "check", "--format", "sarif", "--output", "out.sarif")
    assert result.returncode == 1 and result.stdout == "", result.stderr
    document = json.loads((repo / "out.sarif").read_text())
    assert document["runs"][0]["results"][0]["ruleId"] == "LG003"
    never = run(repo, "layerguard", "check", "-o", "out.sarif", "--fail-on", "never")
    assert never.returncode == 0
    assert (repo / "out.sarif").read_text().startswith("Dockerfile:3 LG003 warning: ")
    assert sorted(p.name for p in repo.iterdir()) == ["Dockerfile", "out.sarif"]  # no temp left


def test_output_replaces_atomically_keeping_the_mode(repo: Path) -> None:
    target = repo / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    inode = target.stat().st_ino
    assert run(repo, "layerguard", "check", "--format", "json", "-o", "report.json").returncode
    assert json.loads(target.read_text())["summary"]["warnings"] == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.stat().st_ino != inode  # a new file renamed over the old one


def test_output_into_a_missing_directory_is_one_line_exit_2(repo: Path) -> None:
    result = run(repo, "layerguard", "check", "--output", "nope/report.txt")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nope/report.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_rerender_a_json_report_relative_to_a_root(repo: Path) -> None:
    sub = repo / "docker"
    sub.mkdir()
    (repo / "Dockerfile").rename(sub / "Dockerfile")
    assert run(sub, "layerguard", "check", "--format", "json", "-o", "../r.json").returncode == 1
    github = run(sub, "layerguard.formatters", "github", "--relative-to", "..", "../r.json")
    assert github.returncode == 0, github.stderr
    assert github.stdout.startswith("::warning file=docker/Dockerfile,line=3,")
    piped = subprocess.run(
        [sys.executable, "-m", "layerguard.formatters", "gitlab", "--quiet"],
        input=(repo / "r.json").read_text(),
        capture_output=True,
        text=True,
        cwd=sub,
        check=True,
    )
    assert json.loads(piped.stdout)[0]["location"]["path"] == "Dockerfile"
    out = run(repo, "layerguard.formatters", "sarif", "r.json", "--output", "r.sarif")
    assert out.returncode == 0 and out.stdout == ""
    assert json.loads((repo / "r.sarif").read_text())["version"] == "2.1.0"
    bad = run(repo, "layerguard.formatters", "text", "missing.json")
    assert bad.returncode == 2 and bad.stderr.startswith("layerguard: missing.json")


def test_relative_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    finding = Finding("a/Dockerfile", 1, 1, 1, "LG003", "n", Severity.WARNING, "m", "h")
    outside = Finding("/elsewhere/Dockerfile", 1, 1, 1, "LG003", "n", Severity.WARNING, "m", "h")
    moved = relative_to(Report(2, (finding, outside)), tmp_path.parent)
    assert [f.file for f in moved.findings] == [
        f"{tmp_path.name}/a/Dockerfile",
        "/elsewhere/Dockerfile",
    ]


# The complaint (issue 13): `-o /dev/stdout` run as root replaced the system's /dev/stdout link
# with a file, `-o FIFO` turned the pipe into a file, and `-o -` wrote a file named `-`.


@pytest.fixture
def dev_stdout_guard() -> Iterator[None]:
    """Runs as root where a regression would replace the machine's /dev/stdout: put it back."""
    before = os.readlink("/dev/stdout")
    yield
    if not os.path.islink("/dev/stdout"):
        os.unlink("/dev/stdout")
        os.symlink(before, "/dev/stdout")
        pytest.fail("--output /dev/stdout replaced the /dev/stdout link (restored)")


def test_output_dev_stdout_prints_the_report_and_keeps_the_link(
    repo: Path, dev_stdout_guard: None
) -> None:
    result = run(repo, "layerguard", "check", "-o", "/dev/stdout", "--format", "json", "Dockerfile")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["violations"][0]["rule"] == "LG003"
    assert os.path.islink("/dev/stdout")


def test_output_dev_stdout_into_an_appended_log_appends(
    repo: Path, tmp_path: Path, dev_stdout_guard: None
) -> None:
    log = tmp_path / "build.log"
    log.write_text("earlier step\n")
    with log.open("a") as handle:
        subprocess.run(
            [sys.executable, "-m", "layerguard", "check", "-o", "/dev/stdout", "Dockerfile"],
            cwd=repo,
            stdout=handle,
            timeout=60,
            check=False,
        )
    assert log.read_text().startswith("earlier step\nDockerfile:3 LG003 warning: ")
    assert os.path.islink("/dev/stdout")


def test_output_through_a_link_to_a_descriptor_keeps_the_link(repo: Path) -> None:
    (repo / "out").symlink_to("/proc/self/fd/1")  # what /dev/stdout is on Linux
    result = run(repo, "layerguard", "check", "-o", "out", "Dockerfile")
    assert result.stdout.startswith("Dockerfile:3 LG003 warning: "), result.stderr
    assert (repo / "out").is_symlink()


def test_output_dash_is_standard_output(repo: Path) -> None:
    result = run(repo, "layerguard", "check", "-o", "-", "--format", "json", "Dockerfile")
    assert result.returncode == 1
    assert json.loads(result.stdout)["summary"]["warnings"] == 1
    assert not (repo / "-").exists()


def test_output_fifo_feeds_its_reader_and_stays_a_fifo(repo: Path) -> None:
    fifo = repo / "report.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    result = run(repo, "layerguard", "check", "-o", "report.fifo", "Dockerfile")
    received, _ = reader.communicate(timeout=60)
    assert result.returncode == 1, result.stderr
    assert received.startswith("Dockerfile:3 LG003 warning: ")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_character_device_is_written_not_replaced(repo: Path) -> None:
    # As root a regression would replace the machine's /dev/null: use a null device of our own.
    device = "/dev/null"
    if os.geteuid() == 0:
        device = str(repo / "null")
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = run(repo, "layerguard", "check", "-o", device, "Dockerfile")
    assert result.returncode == 1 and result.stdout == "", result.stderr
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_output_through_a_symlink_replaces_the_file_it_names(repo: Path) -> None:
    (repo / "reports").mkdir()
    (repo / "reports" / "lg.txt").write_text("old")
    (repo / "latest.txt").symlink_to("reports/lg.txt")
    assert run(repo, "layerguard", "check", "-o", "latest.txt", "Dockerfile").returncode == 1
    assert (repo / "latest.txt").is_symlink()
    assert (repo / "reports" / "lg.txt").read_text().startswith("Dockerfile:3 LG003")


def test_output_to_a_directory_is_one_line_exit_2(repo: Path) -> None:
    (repo / "out").mkdir()
    result = run(repo, "layerguard", "check", "-o", "out", "Dockerfile")
    assert result.returncode == 2
    assert result.stderr == "layerguard: --output out: cannot write: Is a directory\n"


def test_html_without_the_registry_is_the_findings_table(repo: Path) -> None:
    result = run(repo, "layerguard", "check", "--format", "html")
    assert result.returncode == 1, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("data-rule=LG003") == 1 and "<svg" not in page
