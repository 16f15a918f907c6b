"""The command as a user runs it: `layerguard check` on files in a temp directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from realparts import require_path

from layerguard.commands.cli import _parser, _quick_check, _split_registry_mode, main


def run(
    tmp: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "layerguard", *args],
        cwd=tmp,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


def write(tmp: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def violations(result: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str]]:
    return [(v["file"], v["line"], v["rule"]) for v in json.loads(result.stdout)["violations"]]


CHAINED = {
    "src/test.txt": "x" * 1000,
    "src/app.py": "print('hi')\n",
    "Dockerfile.v1": "FROM centos:latest\nCOPY src .\n",
    "Dockerfile.v2": "FROM yanione2/docker-layer-linked:0.0.1\nCOPY src .\n",
    "Dockerfile.v3": "FROM yanione2/docker-layer-linked:0.0.2\nCOPY src .\n",
    "Dockerfile.v4": "FROM yanione2/docker-layer-linked:0.0.3\nRUN rm -rf test.txt\n",
    ".layerguard.yaml": "images:\n"
    + "".join(f"  Dockerfile.v{n}: yanione2/docker-layer-linked:0.0.{n}\n" for n in range(1, 5)),
}


def test_chained_versions_are_reported(tmp_path: Path) -> None:
    write(tmp_path, CHAINED)
    result = run(tmp_path, "check", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert violations(result) == [
        ("Dockerfile.v2", 1, "LG001"),
        ("Dockerfile.v2", 2, "LG002"),
        ("Dockerfile.v3", 1, "LG001"),
        ("Dockerfile.v3", 2, "LG002"),
        ("Dockerfile.v4", 1, "LG001"),
        ("Dockerfile.v4", 2, "LG003"),
    ]
    by_key = {(v["file"], v["rule"]): v for v in json.loads(result.stdout)["violations"]}
    assert (
        "docker-layer-linked:0.0.3 <- yanione2/docker-layer-linked:0.0.2 <- "
        in (by_key[("Dockerfile.v3", "LG001")]["message"])
    )
    assert by_key[("Dockerfile.v3", "LG001")]["severity"] == "error"
    assert "/test.txt" in by_key[("Dockerfile.v2", "LG002")]["message"]
    lg003 = by_key[("Dockerfile.v4", "LG003")]["message"]
    assert "/test.txt" in lg003 and "Dockerfile.v3:2" in lg003


def test_base_strategy_is_clean_of_chaining(tmp_path: Path) -> None:
    files = {k: v for k, v in CHAINED.items() if not k.startswith("Dockerfile")}
    for n in range(1, 5):
        files[f"Dockerfile.v{n}"] = "FROM centos\nCOPY src .\n"
    write(tmp_path, files)
    result = run(tmp_path, "check", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert violations(result) == []


def test_apt_in_separate_layers_and_chown(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "Dockerfile": (
                "FROM ubuntu:14.04\n"
                "RUN apt-get update\n"
                "RUN apt-get install -y nginx\n"
                'RUN echo "daemon off;" >> /etc/nginx/nginx.conf\n'
                "RUN chown -R www-data:www-data /usr/share/nginx\n"
            )
        },
    )
    result = run(tmp_path, "check", "Dockerfile", "--format", "json")
    found = violations(result)
    assert ("Dockerfile", 2, "LG005") in found
    assert ("Dockerfile", 5, "LG004") in found
    assert result.returncode == 1


@pytest.mark.parametrize(
    "dockerfile",
    [
        pytest.param(
            "FROM debian\nRUN apt-get update && apt-get install -y curl \\\n"
            " && rm -rf /var/lib/apt/lists/*\n",
            id="apt-cleaned-in-same-run",
        ),
        pytest.param(
            "FROM debian\nRUN curl -fsSLo /tmp/go.tgz https://go.dev/go.tgz \\\n"
            " && tar -C /usr/local -xzf /tmp/go.tgz && rm /tmp/go.tgz\n",
            id="download-extract-rm",
        ),
        pytest.param("FROM debian\nCOPY --chown=app:app src /srv\n", id="copy-chown"),
        pytest.param(
            "FROM debian AS build\nRUN rm -rf /usr/share/doc && chown -R 1:1 /srv\n"
            "RUN apt-get update\n"
            "FROM scratch\nCOPY --from=build /srv /srv\n",
            id="waste-in-build-stage-only",
        ),
    ],
)
def test_negatives_stay_silent(tmp_path: Path, dockerfile: str) -> None:
    write(tmp_path, {"Dockerfile": dockerfile})
    result = run(tmp_path, "check", "Dockerfile", "--format", "json")
    assert violations(result) == [], result.stdout
    assert result.returncode == 0


def test_text_output_and_exit_codes(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": "FROM alpine\nRUN apk add curl\n"})
    result = run(tmp_path, "check", "Dockerfile", env={"NO_COLOR": "1"})
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("Dockerfile:2 LG005 [*] warning: ")
    assert "\033[" not in result.stdout
    assert run(tmp_path, "check", "Dockerfile", "--fail-on", "error").returncode == 0
    assert run(tmp_path, "check", "Dockerfile", "--fail-on", "never").returncode == 0
    assert run(tmp_path, "check", "Dockerfile", "--fail-on", "info").returncode == 1


def test_discovery_finds_the_usual_names(tmp_path: Path) -> None:
    body = "FROM alpine\nRUN apk add curl\n"
    names = [
        "Dockerfile",
        "Dockerfile.dev",
        "api.Dockerfile",
        "Containerfile",
        "sub/Containerfile.ci",
    ]
    write(tmp_path, {n: body for n in [*names, "README.md", ".git/Dockerfile", "dockerfile.txt"]})
    result = run(tmp_path, "check", "--format", "json")
    assert sorted({f for f, _, _ in violations(result)}) == sorted(names)


def test_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = run(tmp_path, "check", "nope/Dockerfile")
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "nope/Dockerfile" in missing.stderr
    write(tmp_path, {"Dockerfile": "FROM alpine\n", "bad.yaml": "rules:\n  LG003: loud\n"})
    bad = run(tmp_path, "check", "Dockerfile", "--config", "bad.yaml")
    assert bad.returncode == 2 and "bad.yaml:2" in bad.stderr and "rules.LG003" in bad.stderr
    assert "Traceback" not in bad.stderr
    usage = run(tmp_path, "check", "--fail-on", "sometimes")
    assert usage.returncode == 2 and usage.stderr.count("\n") == 1


def test_parse_error_is_lg000(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": "FROM busybox\n\nENV PATH\n"})
    result = run(tmp_path, "check", "Dockerfile", "--format", "json")
    assert result.returncode == 1
    assert violations(result) == [("Dockerfile", 3, "LG000")]
    (tmp_path / "Dockerfile").write_bytes(b'FROM alpine\nLABEL x="caf\xe9"\n')
    assert violations(run(tmp_path, "check", "Dockerfile", "--format", "json")) == [
        ("Dockerfile", 2, "LG000")
    ]


def test_files_buildkit_rejects_are_lg000_and_fail(tmp_path: Path) -> None:
    # Issue 13.4: each of these passed with exit 0.
    write(tmp_path, {"unknown": "FROM debian:12\nFOO bar\n", "no-from": "RUN echo hi\n"})
    result = run(tmp_path, "check", "unknown", "no-from", "/etc/passwd")
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stdout.splitlines() if not line.startswith("  help: ")]
    assert lines[0].startswith("/etc/passwd:1 LG000 error: unknown instruction: root:x:0:0:")
    assert lines[1:] == [
        "no-from:1 LG000 error: RUN before the first FROM: no build stage in current context",
        "unknown:2 LG000 error: unknown instruction: FOO",
        "3 problems (3 errors) in 3 files",
    ]


def test_a_refused_line_hides_nothing_else_and_nothing_is_fixed(tmp_path: Path) -> None:
    # A typo BuildKit stops at (`RUM`) used to be the file's only finding: fixing it revealed
    # the next problem only on the next run.
    text = (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y curl\n"
        "RUM echo typo\n"
        "COPY app.tar.gz /tmp/\n"
        "RUN rm /tmp/app.tar.gz\n"
    )
    write(tmp_path, {"Dockerfile": text, "app.tar.gz": "x" * 4000})
    result = run(tmp_path, "check", "Dockerfile", "--format", "json")
    assert result.returncode == 1
    assert violations(result) == [
        ("Dockerfile", 2, "LG005"),
        ("Dockerfile", 3, "LG000"),
        ("Dockerfile", 5, "LG003"),
    ]
    fixed = run(tmp_path, "check", "Dockerfile", "--fix")
    assert fixed.returncode == 1 and (tmp_path / "Dockerfile").read_text() == text
    assert "[*]" not in fixed.stdout
    write(tmp_path, {"Dockerfile": "FROM debian:12 AS\nRUN apt-get update\n"})
    assert violations(run(tmp_path, "check", "Dockerfile", "--format", "json")) == [
        ("Dockerfile", 1, "LG000")
    ]
    # (the parser's refusal comes first, as in BuildKit, even when a FROM then stops the check)
    write(tmp_path, {"Dockerfile": "FROM \nLABEL rm\n"})
    assert violations(run(tmp_path, "check", "Dockerfile", "--format", "json")) == [
        ("Dockerfile", 2, "LG000")
    ]


def test_ignore_and_severity_select_rules(tmp_path: Path) -> None:
    # Issue 13.9: what a hadolint user reaches for (`--ignore DL3008`), for layerguard's codes.
    write(tmp_path, {"Dockerfile": "FROM debian\nRUN apt-get update\nRUN rm -rf /usr/share/doc\n"})

    def codes(*args: str) -> tuple[int, list[tuple[str, str]]]:
        result = run(tmp_path, "check", "Dockerfile", "--format", "json", *args)
        assert result.returncode in (0, 1), result.stderr
        found = json.loads(result.stdout)["violations"]
        return result.returncode, [(v["rule"], v["severity"]) for v in found]

    assert codes() == (1, [("LG005", "warning"), ("LG003", "warning")])
    assert codes("--ignore", "LG005") == (1, [("LG003", "warning")])
    assert codes("--ignore", "lg005,delete-in-later-layer") == (0, [])
    assert codes("--ignore=LG005", "--ignore", "LG003") == (0, [])
    assert codes("--severity", "LG005=info", "--severity", "LG003=info") == (
        0,
        [("LG005", "info"), ("LG003", "info")],
    )
    assert codes("--severity=LG003=error", "--severity", "package-cache-kept=off") == (
        1,
        [("LG003", "error")],
    )
    write(tmp_path, {".layerguard.yaml": "rules:\n  LG003: off\n"})
    assert codes("--severity", "LG003=warning") == (1, [("LG005", "warning"), ("LG003", "warning")])


def test_the_pragma_finding_is_configured_like_a_rule(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": "FROM debian\n# layerguard ignore=LG0003\nRUN echo hi > /x\n"})
    assert violations(run(tmp_path, "check", "--format", "json")) == [("Dockerfile", 2, "LG099")]
    write(tmp_path, {".layerguard.yaml": "rules:\n  unknown-code-in-pragma: error\n"})
    result = run(tmp_path, "check", "--format", "json")
    assert [v["severity"] for v in json.loads(result.stdout)["violations"]] == ["error"]
    write(tmp_path, {".layerguard.yaml": "rules:\n  LG099: off\n"})
    assert violations(run(tmp_path, "check", "--format", "json")) == []
    write(tmp_path, {".layerguard.yaml": "rules:\n  LG099: {max: 1}\n"})
    bad = run(tmp_path, "check")
    assert bad.returncode == 2 and "rules.LG099.max: unknown option" in bad.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ignore", "LG0005"], "--ignore: no rule 'LG0005' (see `layerguard rules`)"),
        (["--ignore", "LG000"], "--ignore: LG000 (a file BuildKit rejects) is always an error"),
        (["--severity", "LG005"], "--severity: expected CODE=LEVEL"),
        (["--severity", "LG005=fatal"], "expected error, warning, info or off after '='"),
        (["--registry", "on"], "--registry takes its mode after '=': --registry=on"),
        (["--registry", "optional"], "--registry=optional"),
    ],
)
def test_rule_and_registry_options_errors(tmp_path: Path, args: list[str], message: str) -> None:
    write(tmp_path, {"Dockerfile": "FROM debian\n"})
    result = run(tmp_path, "check", *args, "Dockerfile")
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_registry_with_a_space_still_checks_a_file_of_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"on": "FROM debian\nRUN rm -rf /usr/share/doc\n"})
    result = run(tmp_path, "check", "--registry=off", "on", "--format", "json")
    assert violations(result) == [("on", 2, "LG003")]
    monkeypatch.chdir(tmp_path)
    assert _split_registry_mode(["check", "--registry", "on"]) == ["check", "--registry", "on"]


def test_registry_true_and_false_as_in_the_config() -> None:
    assert _split_registry_mode(["check", "--registry=true", "--registry=FALSE"]) == [
        "check",
        "--registry-mode=on",
        "--registry-mode=off",
    ]


def test_rules_and_explain_know_the_engine_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed[:3] == ["LG000", "LG099", "LG001"]
    for code in ("LG000", "lg099", "unknown-code-in-pragma"):
        assert main(["explain", code]) == 0
        assert "## What it does" in capsys.readouterr().out


def test_standard_input_as_a_path(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": "FROM debian\nRUN echo hi > /x\n"})
    result = subprocess.run(
        [sys.executable, "-m", "layerguard", "check", "-", "Dockerfile", "--format", "json"],
        input="FROM debian\nRUN rm -rf /usr/share/doc\n",
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert violations(result) == [("-", 2, "LG003")]
    assert json.loads(result.stdout)["summary"]["files"] == 2


@pytest.mark.parametrize(
    ("args", "env", "colored"),
    [
        ([], {}, False),  # not a terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "0"}, False),
        (["--no-color"], {"FORCE_COLOR": "1"}, False),
        (["-o", "-"], {"FORCE_COLOR": "true"}, True),
        (["-o", "report.txt"], {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colours(tmp_path: Path, args: list[str], env: dict[str, str], colored: bool) -> None:
    write(tmp_path, {"Dockerfile": "FROM debian\nRUN rm -rf /usr/share/doc\n"})
    result = run(tmp_path, "check", "Dockerfile", *args, env={"FORCE_COLOR": "", **env})
    assert result.returncode == 1
    printed = result.stdout or (tmp_path / "report.txt").read_text()
    assert ("\033[" in printed) is colored


@pytest.mark.parametrize("registry", [[], ["--registry"], ["--registry=optional"]])
def test_platform_is_checked_with_or_without_the_registry(
    tmp_path: Path, registry: list[str]
) -> None:
    write(tmp_path, {"Dockerfile": "FROM debian\n"})
    result = run(tmp_path, "check", *registry, "--platform", "linux", "Dockerfile")
    assert result.returncode == 2
    assert "--platform: expected OS/ARCH[/VARIANT]" in result.stderr and "'linux'" in result.stderr


def test_image_flag_and_build_args(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": "ARG VERSION=0.0.1\nFROM team/app:${VERSION}\nCOPY . /app\n"})
    result = run(tmp_path, "check", "Dockerfile", "--image", "team/app:0.0.2", "--format", "json")
    assert violations(result) == [("Dockerfile", 2, "LG001")]
    other = run(
        tmp_path,
        "check",
        "Dockerfile",
        "--image",
        "team/app:0.0.2",
        "--build-arg",
        "VERSION=9",
        "--format",
        "json",
    )
    assert violations(other) == [("Dockerfile", 2, "LG001")]
    base = run(tmp_path, "check", "Dockerfile", "--image", "team/other:1", "--format", "json")
    assert violations(base) == []


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    from layerguard import rules as rule_table

    assert main(["rules"]) == 0
    listed = [line.split()[:3] for line in capsys.readouterr().out.splitlines()]
    assert listed[0] == ["LG000", "parse-error", "error"]
    assert listed[1] == ["LG099", "unknown-code-in-pragma", "warning"]
    assert listed[2:] == [[r.CODE, r.NAME, str(r.SEVERITY)] for r in rule_table.RULES]
    assert len(listed) > 10
    assert main(["explain", "LG003"]) == 0
    by_code = capsys.readouterr()
    assert by_code.out.startswith("LG003 delete-in-later-layer (default severity: warning)\n\n")
    assert "## Why is this bad?" in by_code.out and by_code.err == ""
    assert main(["explain", "delete-in-later-layer"]) == 0
    assert capsys.readouterr().out == by_code.out
    assert main(["explain", "LG999"]) == 2
    missing = capsys.readouterr()
    assert missing.out == ""
    assert missing.err == "layerguard: explain: no rule 'LG999' (see `layerguard rules`)\n"


def test_registry_flag_does_not_swallow_paths(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": "FROM scratch\nCOPY a /a\n", "a": "a"})
    off = run(tmp_path, "check", "--registry=off", "Dockerfile", "--format", "json")
    assert off.returncode == 0 and violations(off) == []
    # pre-commit appends file names after the entry `layerguard check --registry`
    scratch = run(tmp_path, "check", "--registry", "Dockerfile", "--format", "json")
    assert scratch.returncode == 0 and violations(scratch) == []
    bad = run(tmp_path, "check", "--registry", "Dockerfile", "--timeout", "0")
    assert bad.returncode == 2 and "--timeout" in bad.stderr
    wrong = run(tmp_path, "check", "--registry=sometimes", "Dockerfile")
    assert wrong.returncode == 2 and "--registry: invalid choice" in wrong.stderr


def test_same_file_twice_and_empty_directory(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": "FROM alpine\nRUN apk add curl\n", "empty/README": "x"})
    twice = run(tmp_path, "check", "Dockerfile", "./Dockerfile", "--format", "json")
    assert json.loads(twice.stdout)["summary"]["files"] == 1
    assert violations(twice) == [("Dockerfile", 2, "LG005")]
    empty = run(tmp_path, "check", "empty")
    assert empty.returncode == 2 and "no Dockerfiles found under empty" in empty.stderr


def test_exclude_is_relative_to_the_config(tmp_path: Path) -> None:
    body = "FROM alpine\nRUN apk add curl\n"
    write(
        tmp_path,
        {
            "repo/.layerguard.yaml": "exclude: ['vendor/*']\n",
            "repo/Dockerfile": body,
            "repo/vendor/x/Dockerfile": body,
            "repo/sub/keep.txt": "x",
        },
    )
    for cwd, target in ((tmp_path / "repo", "."), (tmp_path / "repo" / "sub", "..")):
        result = run(cwd, "check", target, "--format", "json")
        assert [Path(f).name for f, _, _ in violations(result)] == ["Dockerfile"], cwd
        assert len(violations(result)) == 1


# Words a `check` command line is made of, odd ones included: each goes one way or the other.
WORDS = (
    "Dockerfile", "sub/Containerfile", "a b", "-", "--", "", "-q", "--quiet", "--quiet=1", "-o",
    "out.txt", "-oout.txt", "-o=out", "--output=o.json", "--format", "json", "--format=sarif",
    "--form", "--fail-on", "error", "nope", "--fail-on=never", "--build-arg", "A=1",
    "--build-arg=B=2", "--registry", "--registry=optional", "--registry=bad", "--platform",
    "linux/arm64", "--insecure", "--timeout", "5", "--timeout=0", "-1", "--help", "-h", "--image",
    "app:1", "--target", "build", "--config", "c.yaml", "--version", "-qo", "--registry-mode",
    "--output=--", "--build-arg=--", "--format=", "--target=-", "--ignore", "LG005",
    "--ignore=LG003,LG004", "--severity", "LG005=info", "--severity=LG003=off", "--ign",
    "--no-color", "linux", "--platform=linux", "--fix", "--diff", "--unsafe-fixes", "--unsafe",
    "--fix=1",
)  # fmt: skip


@given(st.lists(st.sampled_from(WORDS), max_size=8))
def test_quick_check_reads_what_argparse_reads(words: list[str]) -> None:
    argv = _split_registry_mode(["check", *words])
    quick = _quick_check(argv)
    if quick is not None:
        assert vars(quick) == vars(_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "Dockerfile", "api/Dockerfile"],
        ["check", "-q", "--format", "github", "Dockerfile"],
        ["check", "--registry", "--fail-on=error", "--timeout", "5", "Dockerfile"],
        ["check", "--registry=optional", "--build-arg", "A=1", "--build-arg=B=2", "Dockerfile"],
        ["check", "Dockerfile", "--output", "report.sarif", "--format=sarif"],
        ["check", "--format", "text", "--registry=off", "--", "Dockerfile", "-x.Dockerfile"],
    ],
)
def test_usual_check_lines_skip_argparse(argv: list[str]) -> None:
    quick = _quick_check(_split_registry_mode(argv))
    assert quick is not None
    assert vars(quick) == vars(_parser().parse_args(_split_registry_mode(argv)))


def test_unusual_check_lines_go_to_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--timeout", "0", "Dockerfile"]) == 2
    assert "--timeout: expected seconds between 0 and 3600" in capsys.readouterr().err
    assert main(["check", "Dockerfile", "-q", "Containerfile"]) == 2
    assert "unrecognized arguments: Containerfile" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--build-arg K=V" in capsys.readouterr().out


def test_one_file_check_imports_only_what_it_needs(tmp_path: Path) -> None:
    """pre-commit starts `layerguard check` on every commit: what it does not need, it must not
    import (the registry stack, YAML, argparse, typing, pathlib, unused formatters)."""
    write(tmp_path, {"Dockerfile": "FROM debian:12\nRUN rm -rf /tmp/x\n"})

    def modules(code: str) -> set[str]:
        code += "; import sys; print(' '.join(sorted(sys.modules)))"
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
        )
        return set(result.stdout.split())

    # An editable install's import hook loads pathlib at start-up: count only what check adds.
    loaded = modules(
        "from layerguard.commands.cli import main; main(['check', '-q', 'Dockerfile'])"
    )
    loaded -= modules("pass")
    assert "layerguard.formatters.text" in loaded
    heavy = {"requests", "yaml", "argparse", "typing", "pathlib", "json", "subprocess"}
    heavy |= {"tarfile", "shlex"}  # (what fixes need, imported when a fix is built)
    assert not loaded & heavy
    lazy = ("layerguard.registry", "layerguard.image", "layerguard.project.sources")
    assert not {m for m in loaded if m.startswith(lazy)}


def test_report_to_a_closed_or_full_stdout(tmp_path: Path) -> None:
    removals = "".join(f"RUN rm -rf /app/f{i}\n" for i in range(600))
    write(tmp_path, {"Dockerfile": "FROM debian:12\nCOPY app/ /app/\n" + removals, "f1": ""})
    command = [sys.executable, "-m", "layerguard", "check", "--format", "json", "."]
    # A reader that stops early (`| head -c 10`) while the 250 kB report is being written: no
    # traceback, the exit code stands.
    with subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.read(10) == b'{\n  "versi'
        proc.stdout.close()
        assert proc.wait(timeout=60) == 1
        assert proc.stderr.read() == b""


def test_report_to_a_full_stdout(tmp_path: Path) -> None:
    full_device = require_path("/dev/full", "/dev/full", "run the tests on Linux")
    write(tmp_path, {"Dockerfile": "FROM debian:12\nCOPY . /app\nRUN rm -rf /app/f1\n", "f1": ""})
    command = [sys.executable, "-m", "layerguard", "check", "--format", "json", "."]
    with full_device.open("w") as full:
        result = subprocess.run(
            command, cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert result.returncode == 2
    assert result.stderr == "layerguard: cannot write the report: No space left on device\n"


def test_output_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    require_path("/dev/full", "/dev/full", "run the tests on Linux")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "layerguard", "rules"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "layerguard: cannot write the output: No space left on device\n"


def test_empty_path_is_named_in_the_error(tmp_path: Path) -> None:
    result = run(tmp_path, "check", "")
    assert (result.returncode, result.stderr) == (2, "layerguard: '': no such file or directory\n")


def test_a_compose_build_without_an_image_name_reads_its_context(tmp_path: Path) -> None:
    """`context: ..` of a compose service without `image:`: the files COPY . brings come from
    the parent directory, and the RUN that removes some is reported (red team 3)."""
    write(
        tmp_path,
        {
            "backend/docker-compose.yml": "services:\n  backend:\n    build:\n"
            "      context: ..\n      dockerfile: backend/Dockerfile\n",
            "backend/Dockerfile": "FROM python:3.12-slim\nWORKDIR /srv\nCOPY . /srv/\n"
            "RUN rm -rf /srv/shared/tests\n",
            "shared/tests/data.bin": "x" * 2000,
        },
    )
    result = run(tmp_path / "backend", "check", "--format", "json", "Dockerfile")
    found = json.loads(result.stdout)["violations"]
    assert [(v["line"], v["rule"]) for v in found] == [(4, "LG003")]
    assert found[0]["estimated"] == {"paths": 1, "bytes": 2000}


def test_a_broken_workflow_beside_the_dockerfile_is_a_notice_not_an_error(tmp_path: Path) -> None:
    """A workflow GitHub would reject (a duplicate key) must not stop `check` from linting the
    Dockerfile, and the compose file beside it, which makes the repository root the context,
    is still read (a held-out repository's CI files did stop it)."""
    write(
        tmp_path,
        {
            ".github/workflows/ci.yml": "env:\n  TOKEN: a\n  TOKEN: b\n",
            "compose.yaml": "services:\n  app:\n    build:\n      context: .\n"
            "      dockerfile: app/Dockerfile\n",
            "app/Dockerfile": "FROM python:3.12-slim\nCOPY . /srv/\nRUN rm -rf /srv/data\n",
            "data/big.bin": "x" * 2_000_000,
        },
    )
    result = run(tmp_path, "check", "--format", "json", "app/Dockerfile")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("layerguard: notice: ")
    assert result.stderr.endswith(
        ".github/workflows/ci.yml:3: duplicate key 'TOKEN' (what it declares is skipped)\n"
    )
    found = json.loads(result.stdout)["violations"]
    assert [(v["line"], v["rule"], v["estimated"]) for v in found] == [
        (3, "LG003", {"paths": 1, "bytes": 2_000_000})
    ]
