"""action.yml run the way a runner runs a composite action: each `run:` step in bash with its
`env:` (inputs substituted), GITHUB_ACTION_PATH, GITHUB_WORKSPACE, RUNNER_TEMP,
GITHUB_STEP_SUMMARY and a GITHUB_OUTPUT file per step; then the action's outputs."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from integration_env import BIN, ROOT, environ

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
# The `run:` steps; `uses:` steps (the pip cache) are the runner's business, not run here.
STEPS: list[dict[str, Any]] = [step for step in ACTION["runs"]["steps"] if "run" in step]
BAD = "FROM debian:12\nWORKDIR /app\nRUN rm -rf /usr/share/doc\n"
CLEAN = "FROM debian:12\nWORKDIR /app\nRUN echo hi > /app/x\n"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str
    summary: str
    outputs: dict[str, str]


def substitute(text: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> str:
    def value(match: re.Match[str]) -> str:
        scope, _, name = match.group(1).partition(".")
        if scope == "inputs":
            default = ACTION["inputs"][name].get("default", "")
            return inputs.get(name, default)
        step, _, output = name.partition(".outputs.")
        return steps.get(step, {}).get(output, "")

    return EXPRESSION.sub(value, text)


def run_action(
    action_path: Path, workspace: Path, runner_temp: Path, inputs: dict[str, str], first: int = 0
) -> Run:
    """Run the steps from index `first` (the install step once per session is enough)."""
    summary = runner_temp.parent / f"summary-{len(list(runner_temp.parent.iterdir()))}.md"
    summary.write_text("")
    outputs: dict[str, dict[str, str]] = {}
    stdout = stderr = ""
    status = 0
    for index, step in enumerate(STEPS[first:], start=first):
        output_file = runner_temp / f"output-{index}"
        output_file.write_text("")
        env = environ(
            GITHUB_ACTIONS="true",
            GITHUB_ACTION_PATH=str(action_path),
            GITHUB_WORKSPACE=str(workspace),
            GITHUB_STEP_SUMMARY=str(summary),
            GITHUB_OUTPUT=str(output_file),
            RUNNER_TEMP=str(runner_temp),
        )
        for key, text in step.get("env", {}).items():
            env[key] = substitute(str(text), inputs, outputs)
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        stdout += result.stdout
        stderr += result.stderr
        lines = output_file.read_text().splitlines()
        outputs[step.get("id", f"step{index}")] = dict(line.split("=", 1) for line in lines)
        status = result.returncode
        if status:
            break
    action_outputs = {
        name: substitute(spec["value"], inputs, outputs) for name, spec in ACTION["outputs"].items()
    }
    return Run(status, stdout, stderr, summary.read_text(), action_outputs)


@pytest.fixture(scope="session")
def installed(working_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """RUNNER_TEMP after the install step ran (pip install of the action's checkout)."""
    runner_temp = tmp_path_factory.mktemp("runner") / "temp"
    runner_temp.mkdir()
    workspace = tmp_path_factory.mktemp("empty-workspace")
    result = run_action(working_copy, workspace, runner_temp, {}, first=0)
    # the check step ran too, in an empty workspace: nothing to check is an error
    assert "layerguard 0." in result.stdout, result.stderr
    assert result.status == 2 and "no Dockerfiles found" in result.stderr
    return working_copy, runner_temp


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "docker").mkdir()
    (tmp_path / "docker" / "Dockerfile").write_text(BAD)
    (tmp_path / "docker" / "api.Dockerfile").write_text(CLEAN)
    return tmp_path


def check(installed: tuple[Path, Path], workspace: Path, **inputs: str) -> Run:
    action_path, runner_temp = installed
    return run_action(action_path, workspace, runner_temp, inputs, first=1)


def test_annotations_summary_outputs_and_sarif(
    installed: tuple[Path, Path], workspace: Path, shared: Path
) -> None:
    run = check(
        installed, workspace, **{"working-directory": "docker", "sarif-file": "out/lg.sarif"}
    )
    assert run.status == 1, run.stderr
    assert run.stdout.splitlines() == [
        "::warning file=docker/Dockerfile,line=3,endLine=3,title=LG003 delete-in-later-layer::"
        "removes /usr/share/doc (added by the base image): a whiteout hides the files but "
        "their bytes still ship%0ARemove the files in the RUN that creates them, or never add "
        "them (build stage + COPY --from).",
        "1 problem (1 warning) in 2 files",
    ]
    assert "| warning | `docker/Dockerfile:3` | LG003 delete-in-later-layer | removes " in (
        run.summary
    )
    assert run.summary.startswith("### layerguard\n\n| severity | where | rule | message |\n")
    assert run.summary.endswith("\n1 problem (1 warning) in 2 files\n")
    sarif_path = workspace / "out" / "lg.sarif"
    assert run.outputs == {
        "violations": "1",
        "errors": "0",
        "sarif-file": str(sarif_path),
        "html-file": "",
    }
    document = json.loads(sarif_path.read_text())
    jsonschema.validate(document, json.loads((shared / "schemas/sarif-2.1.0.json").read_text()))
    [result] = document["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docker/Dockerfile"
    assert location["region"]["startLine"] == 3


def test_html_file_is_written_from_the_one_analysis(
    installed: tuple[Path, Path], workspace: Path
) -> None:
    run = check(installed, workspace, **{"working-directory": "docker", "html-file": "out/lg.html"})
    assert run.status == 1, run.stderr
    page_path = workspace / "out" / "lg.html"
    assert run.outputs["html-file"] == str(page_path)
    page = page_path.read_text()
    assert page.startswith("<!DOCTYPE html>") and "data-rule=LG003 data-line=3" in page


def test_clean_paths_pass_and_inputs_reach_check(
    installed: tuple[Path, Path], workspace: Path
) -> None:
    run = check(installed, workspace, paths="docker/api.Dockerfile", format="text")
    assert run.status == 0, run.stderr
    assert run.stdout == "no problems in 1 file\n"
    assert run.outputs == {"violations": "0", "errors": "0", "sarif-file": "", "html-file": ""}
    assert run.summary == "### layerguard\n\nno problems in 1 file\n"

    never = check(installed, workspace, **{"fail-on": "never"})
    assert never.status == 0 and never.outputs["violations"] == "1"
    (workspace / "strict.yaml").write_text("rules:\n  LG003: {severity: error}\n")
    strict = check(installed, workspace, config="strict.yaml", paths="docker/Dockerfile\n")
    assert strict.status == 1
    assert strict.stdout.startswith("::error file=docker/Dockerfile,line=3,")
    assert strict.outputs["errors"] == "1"


def test_inputs_are_data_not_shell(installed: tuple[Path, Path], workspace: Path) -> None:
    marker = workspace / "pwned"
    run = check(installed, workspace, paths=f"docker/Dockerfile;touch {marker}", config="$(id)")
    assert run.status == 2
    assert not marker.exists()
    assert "$(id): config file not found" in run.stderr


def test_registry_needs_a_layerguard_that_has_it(
    installed: tuple[Path, Path], workspace: Path, tmp_path: Path
) -> None:
    bad = check(installed, workspace, registry="sometimes")
    assert bad.status == 2
    assert "registry: expected off, on, optional, true or false, got 'sometimes'" in bad.stdout
    # A `version` older than --registry: a venv whose layerguard does not offer it.
    runner_temp = tmp_path / "runner-temp"
    old = runner_temp / "layerguard-venv" / "bin" / "layerguard"
    old.parent.mkdir(parents=True)
    old.write_text(
        "#!/bin/sh\n"
        'case "$*" in --version) echo "layerguard 0.0.9" ;; *--help*) echo "usage: check" ;;\n'
        '*) echo "ran $*"; exit 0 ;; esac\n'
    )
    old.chmod(0o755)
    for inputs in ({"registry": "on"}, {"registry": "optional"}, {"platform": "linux/arm64"}):
        run = run_action(installed[0], workspace, runner_temp, inputs, first=1)
        assert run.status == 2
        assert "::error title=layerguard::layerguard 0.0.9 has no --" in run.stdout
        assert "ran" not in run.stdout

    old.write_text(
        "#!/bin/sh\n"
        'case "$*" in *--help*) echo "[--registry [{on,off,optional}]] [--platform P]" ;;\n'
        '*) echo "ran $*"; exit 1 ;; esac\n'
    )
    run = run_action(
        installed[0], workspace, runner_temp, {"registry": "optional", "platform": "linux/arm64"}, 1
    )
    assert "ran check --registry=optional --platform linux/arm64 --format json --output " in (
        run.stdout
    )
    assert run.status == 1  # no report written: the step fails with the command's status
    # Issue 13.10: true/false as the config's `registry:` key takes them.
    for word, expected in (("true", "ran check --registry --format"), ("TRUE", "--registry ")):
        run = run_action(installed[0], workspace, runner_temp, {"registry": word}, 1)
        assert expected in run.stdout
    run = run_action(installed[0], workspace, runner_temp, {"registry": "false"}, 1)
    assert "ran check --format json" in run.stdout


def test_rule_selection_inputs(installed: tuple[Path, Path], workspace: Path) -> None:
    # Issue 13.9: --ignore and --severity as Action inputs.
    ignored = check(installed, workspace, ignore="LG005, delete-in-later-layer")
    assert ignored.status == 0, ignored.stderr
    assert ignored.outputs["violations"] == "0"
    raised = check(installed, workspace, severity="LG003=error\nLG005=info")
    assert raised.status == 1
    assert raised.stdout.startswith("::error file=docker/Dockerfile,line=3,")
    assert raised.outputs["errors"] == "1"
    unknown = check(installed, workspace, ignore="LG0003")
    assert unknown.status == 2
    assert "::error title=layerguard::layerguard: --ignore: no rule 'LG0003'" in unknown.stdout


def test_exit_2_annotation_carries_the_error(installed: tuple[Path, Path], workspace: Path) -> None:
    # Issue 13.10: the annotation said "see the message above", which annotations do not show.
    run = check(installed, workspace, config="missing.yaml")
    assert run.status == 2
    assert run.stdout.splitlines()[-1] == (
        "::error title=layerguard::layerguard: missing.yaml: config file not found"
    )
    assert "missing.yaml: config file not found" in run.stderr  # and in the log as printed


def test_an_input_echoed_in_an_annotation_is_escaped(
    installed: tuple[Path, Path], workspace: Path
) -> None:
    run = check(installed, workspace, registry="x%0A\n::warning::injected")
    assert run.status == 2
    assert run.stdout.splitlines() == [
        "::error title=layerguard::registry: expected off, on, optional, true or false, got "
        "'x%250A%0A::warning::injected'"
    ]


def test_action_yml_is_valid_and_keeps_expressions_out_of_scripts() -> None:
    validate = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-actions",
            str(ROOT / "action.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {
        "paths",
        "config",
        "fail-on",
        "registry",
        "platform",
        "format",
        "sarif-file",
        "version",
        "working-directory",
        "ignore",
        "severity",
        "cache",
        "fix-diff",
        "html-file",
    }
    used = set()
    [cache] = [step for step in ACTION["runs"]["steps"] if "uses" in step]
    assert cache["uses"].startswith("actions/cache@") and cache["if"] == "inputs.cache == 'true'"
    assert cache["with"]["path"] == "~/.cache/layerguard-pip"
    assert 'export PIP_CACHE_DIR="$HOME/.cache/layerguard-pip"' in STEPS[0]["run"]
    for step in STEPS:
        assert "${{" not in step["run"], step.get("name")
        assert set(step) <= {"name", "id", "shell", "env", "run"}, step.get("name")
        for text in step.get("env", {}).values():
            used.update(re.findall(r"\$\{\{ inputs\.([\w-]+) \}\}", str(text)))
    assert used == set(ACTION["inputs"])
    install = STEPS[0]["run"]
    assert '"$RUNNER_TEMP/layerguard-venv"' in install and '"$GITHUB_ACTION_PATH"' in install


def test_fix_diff_goes_to_the_job_summary_and_changes_nothing(
    installed: tuple[Path, Path], workspace: Path
) -> None:
    cached = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"
    (workspace / "docker" / "Dockerfile").write_text(cached)
    run = check(installed, workspace, **{"working-directory": "docker", "fix-diff": "true"})
    assert run.status == 1, run.stderr
    assert run.summary.endswith(
        "\n#### Fixes: `layerguard check --fix` would change\n\n````diff\n"
        "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM debian:12\n"
        "-RUN apt-get update && apt-get install -y curl\n"
        "+RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n````\n"
    )
    assert (workspace / "docker" / "Dockerfile").read_text() == cached
    plain = check(installed, workspace, **{"working-directory": "docker"})
    assert plain.status == 1 and "Fixes" not in plain.summary
    bad = check(installed, workspace, **{"fix-diff": "yes"})
    assert bad.status == 2
    assert "fix-diff: expected true or false, got 'yes'" in bad.stdout
