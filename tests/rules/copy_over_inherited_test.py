from __future__ import annotations

from collections.abc import Callable
from typing import Any

from layerguard.findings import Finding

Lint = Callable[..., list[Finding]]


def test_copy_over_parent_files_known_from_context(lint_files: Lint) -> None:
    files = {
        "src/test.txt": "x",
        "src/other.txt": "y",
        "Dockerfile.v1": "FROM centos\nCOPY src .\n",
        "Dockerfile.v2": "FROM app:1\nCOPY src .\n",
    }
    found = lint_files(
        files, images={"Dockerfile.v1": "app:1", "Dockerfile.v2": "app:2"}, code="LG002"
    )
    assert [(f.file, f.line) for f in found] == [("Dockerfile.v2", 2)]
    assert "/other.txt, /test.txt" in found[0].message and "Dockerfile.v1:2" in found[0].message


def test_within_one_file(lint_files: Lint) -> None:
    files = {
        "conf/app.conf": "a",
        "Dockerfile": "FROM debian\nWORKDIR /etc\nCOPY conf/app.conf app.conf\n"
        "RUN echo hi\nCOPY conf/app.conf /etc/app.conf\n",
    }
    assert [f.line for f in lint_files(files, code="LG002")] == [5]


def test_run_written_file_then_copied(lint_files: Lint) -> None:
    files = {
        "Dockerfile": "FROM debian\nRUN echo x > /etc/motd\nCOPY motd /etc/motd\n",
        "motd": "m",
    }
    assert [f.line for f in lint_files(files, code="LG002")] == [3]


def test_different_files_are_fine(lint_files: Lint) -> None:
    files = {
        "a/x.txt": "x",
        "b/y.txt": "y",
        "Dockerfile": "FROM debian\nCOPY a /srv/\nCOPY b /srv/\n",
    }
    assert lint_files(files, code="LG002") == []


def test_without_context_same_copy_twice(lint_files: Lint) -> None:
    text = "FROM debian\nCOPY --from=build /out /app\nCOPY --from=build /out /app\n"
    assert [f.line for f in lint_files({"Dockerfile": text}, code="LG002")] == [3]


def test_measured_copy_over_base_image_files(lint_files: Lint, registry_facts: Any) -> None:
    fake_measurer, base_facts = registry_facts
    base = base_facts("reg.example.com/app:0.0.2", {"/test.txt": 2_000_000, "/other": 1})
    files = {
        "src/test.txt": "new",
        "src/new.txt": "n",
        "Dockerfile": "FROM reg.example.com/app:0.0.2\nCOPY src .\n",
    }
    found = lint_files(
        files, code="LG002", measurer=fake_measurer({"reg.example.com/app:0.0.2": base})
    )
    assert [(f.line, f.severity.name, f.measured) for f in found] == [
        (2, "WARNING", {"paths": 1, "bytes": 2_000_000})
    ]
    assert "/test.txt (2MB)" in found[0].message and "app:0.0.2" in found[0].message


def test_small_recopy_from_context_is_estimated_and_info(lint_files: Lint) -> None:
    files = {
        "requirements.txt": "flask==3.0\n",
        "app.py": "print(1)\n",
        "Dockerfile": "FROM python\nWORKDIR /app\nCOPY requirements.txt .\n"
        "RUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n",
    }
    found = lint_files(files, code="LG002")
    assert [(f.line, f.severity.name, f.measured, f.estimated) for f in found] == [
        (5, "INFO", None, {"paths": 1, "bytes": 11})
    ]


def test_files_of_other_names_copied_into_a_directory_the_base_holds(lint_files: Lint) -> None:
    files = {"a.hcl": "x" * 50, "b.hcl": "y" * 50, "a.jar": "j", "b.jar": "k"}
    into = "FROM hashicorp/vault:1.15\nCOPY a.hcl /vault\nCOPY b.hcl /vault\n"
    assert lint_files({**files, "Dockerfile": into}, code="LG002") == []
    # (one name twice, or two files of the destination's own kind: one file written twice)
    again = "FROM hashicorp/vault:1.15\nCOPY a.hcl /vault\nCOPY a.hcl /vault\n"
    assert [f.line for f in lint_files({**files, "Dockerfile": again}, code="LG002")] == [3]
    jar = "FROM eclipse-temurin:21\nCOPY a.jar /app.jar\nCOPY b.jar /app.jar\n"
    assert [f.line for f in lint_files({**files, "Dockerfile": jar}, code="LG002")] == [3]


def test_a_script_that_cds_home_unpacks_where_the_copy_lands(lint_files: Lint) -> None:
    # (a script's shell has the RUN's HOME: `cd` alone goes there, and the archive fetched
    # there is the one unpacked into /opt/hadoop)
    script = (
        "#!/bin/sh\ncd\nwget https://example.org/hadoop-3.1.3.tar.gz\nmkdir /opt/hadoop\n"
        "tar -zxf hadoop-3.1.3.tar.gz -C /opt/hadoop --strip-components 1\n"
    )
    files = {
        "install-hadoop.sh": script,
        "config/core-site.xml": "<configuration/>\n",
        "Dockerfile": "FROM centos:7\nADD install-hadoop.sh /\nRUN ./install-hadoop.sh\n"
        "COPY config/* /opt/hadoop/etc/hadoop/\n",
    }
    assert [f.line for f in lint_files(files, code="LG002")] == [4]


def test_a_package_directory_copied_over_its_install_file_by_file(lint_files: Lint) -> None:
    # (with the build context, the copy's files are known one by one: those below the
    # package's directory are written again; not a file of another name beside it)
    files = {
        "leafmap/__init__.py": "x = 1\n",
        "leafmap/common.py": "y = 2\n",
        "extra.pth": "/opt/extra\n",
        "Dockerfile": "FROM quay.io/jupyter/base-notebook:latest\n"
        "RUN mamba install -n base -c conda-forge -y leafmap && mamba clean --all --yes\n"
        "COPY leafmap /opt/conda/lib/python3.13/site-packages/leafmap\n"
        "COPY extra.pth /opt/conda/lib/python3.13/site-packages/\n",
    }
    assert [f.line for f in lint_files(files, code="LG002")] == [3]
