from __future__ import annotations

from pathlib import Path

import pytest

from layerguard import linter
from layerguard.errors import LayerguardError
from layerguard.linter import Settings, lint
from layerguard.project.config import default_rules
from layerguard.reference import parse_reference

SETTINGS = Settings(default_rules(), {}, {}, {}, None)


def test_parallel_run_equals_serial_run(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = shared / "corpus" / "dockerfiles"
    monkeypatch.chdir(corpus)
    paths = sorted(p.name for p in corpus.iterdir())
    parallel = lint(paths, SETTINGS)
    monkeypatch.setattr(linter, "PARALLEL_MIN_FILES", 10**9)
    serial = lint(paths, SETTINGS)
    assert parallel == serial and len(parallel.findings) > 100


def test_parallel_run_reports_unreadable_file(tmp_path: Path) -> None:
    paths = []
    for n in range(linter.PARALLEL_MIN_FILES):
        path = tmp_path / f"{n}.Dockerfile"
        path.write_text("FROM debian\nRUN rm -rf /usr/share/doc\n")
        paths.append(str(path))
    paths.append(str(tmp_path / "missing.Dockerfile"))
    with pytest.raises(LayerguardError, match=r"missing\.Dockerfile: cannot read"):
        lint(paths, SETTINGS)
    assert len(lint(paths[:-1], SETTINGS).findings) == linter.PARALLEL_MIN_FILES


def test_one_checked_file_follows_its_chain_through_declared_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Dockerfile.v1").write_text("FROM debian:12-slim\nCOPY test.txt /\n")
    (tmp_path / "Dockerfile.v2").write_text("FROM team/app:1\nRUN rm -rf /test.txt\n")
    (tmp_path / "test.txt").write_text("x")
    images = {
        (tmp_path / name).resolve(): parse_reference(ref)
        for name, ref in (("Dockerfile.v1", "team/app:1"), ("Dockerfile.v2", "team/app:2"))
    }
    settings = SETTINGS._replace(images=images)
    whole = lint(["Dockerfile.v1", "Dockerfile.v2"], settings)
    alone = lint(["Dockerfile.v2"], settings)
    assert alone.files == 1
    assert alone.findings == tuple(f for f in whole.findings if f.file == "Dockerfile.v2")
    assert [(f.rule, f.line) for f in alone.findings] == [("LG001", 1), ("LG003", 2)]
    assert "Dockerfile.v1:2" in alone.findings[1].message


def test_a_declared_file_that_does_not_parse_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken").write_text("FROM debian\nRUN <<EOF\n")  # unterminated heredoc
    (tmp_path / "Dockerfile").write_text("FROM debian\nRUN echo hi > /x\n")
    images = {(tmp_path / "broken").resolve(): parse_reference("team/broken:1")}
    assert lint(["Dockerfile"], SETTINGS._replace(images=images)).findings == ()


def test_a_pragma_naming_no_rule_is_a_finding_not_silence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 13.9: `# layerguard ignore=LG0005` ignored nothing and said nothing.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Dockerfile").write_text(
        "FROM debian\n"
        "# layerguard ignore=LG0005 -- typo\n"
        "RUN apt-get update\n"
        "# layerguard ignore=LG003, package-cache-kept, all\n"
        "RUN rm -rf /usr/share/doc && apt-get update\n"
    )
    found = [(f.line, f.rule, str(f.severity)) for f in lint(["Dockerfile"], SETTINGS).findings]
    assert found == [(2, "LG099", "warning"), (3, "LG005", "warning")]
    [pragma] = [f for f in lint(["Dockerfile"], SETTINGS).findings if f.rule == "LG099"]
    assert "'LG0005'" in pragma.message and "did you mean LG005?" in pragma.message
    off = SETTINGS._replace(
        rules={**SETTINGS.rules, "LG099": SETTINGS.rules["LG005"]._replace(enabled=False)}
    )
    assert [f.rule for f in lint(["Dockerfile"], off).findings] == ["LG005"]


def test_a_makefile_reads_the_environment_of_each_file_checked_in_one_run(tmp_path: Path) -> None:
    """Two projects with the same `RUN make deps` and Makefile, one with `ENV CI=true`, checked
    in one process: the Makefile's `ifndef CI` takes each file's own environment (a reviewer
    found the second getting the first's result)."""
    makefile = (
        "ifndef CI\nFLAGS =\nelse\nFLAGS = --no-cache-dir\nendif\n"
        "deps:\n\tpip install $(FLAGS) -r r.txt\n"
    )
    found = []
    for name, env in (("kept", ""), ("ci", "ENV CI=true\n")):
        project = tmp_path / name
        project.mkdir()
        (project / "Makefile").write_text(makefile)
        (project / "r.txt").write_text("flask\n")
        dockerfile = project / "Dockerfile"
        dockerfile.write_text(
            f"FROM python:3.12-slim\n{env}WORKDIR /app\nCOPY Makefile r.txt ./\nRUN make deps\n"
        )
        settings = Settings(
            rules=default_rules(),
            images={},
            contexts={dockerfile: project},
            build_args={},
            target=None,
        )
        found.append([f.rule for f in lint([str(dockerfile)], settings, None).findings])
    assert found == [["LG005"], []]


def test_earlier_configuration_is_each_file_s_own_in_one_run(tmp_path: Path) -> None:
    """Two files with the same `RUN bundle install`, one after `bundle config set deployment
    true`, checked in one process: each gets its own result, not the first's (deployment mode
    keeps the .gem files in the project, which the next stage copies)."""
    found = []
    for name, config in (("plain", ""), ("deployed", "RUN bundle config set deployment true\n")):
        dockerfile = tmp_path / name / "Dockerfile"
        dockerfile.parent.mkdir()
        dockerfile.write_text(
            f"FROM ruby:3.2 AS build\nWORKDIR /app\n{config}RUN bundle install\n"
            "FROM ruby:3.2-slim\nCOPY --from=build /app /app\n"
        )
        settings = Settings(
            rules=default_rules(),
            images={},
            contexts={dockerfile: tmp_path / "none"},
            build_args={},
            target=None,
        )
        found.append([f.rule for f in lint([str(dockerfile)], settings, None).findings])
    assert found == [[], ["LG005"]]
