from __future__ import annotations

import pytest

from layerguard.reference import parse_reference

DIGEST = "sha256:" + "a" * 64


@pytest.mark.parametrize(
    ("text", "full", "familiar"),
    [
        ("centos", "docker.io/library/centos:latest", "centos:latest"),
        ("centos:7", "docker.io/library/centos:7", "centos:7"),
        ("index.docker.io/library/ubuntu", "docker.io/library/ubuntu:latest", "ubuntu:latest"),
        ("team/app:0.0.1", "docker.io/team/app:0.0.1", "team/app:0.0.1"),
        ("localhost:5000/app:1", "localhost:5000/app:1", "localhost:5000/app:1"),
        ("localhost/app", "localhost/app:latest", "localhost/app:latest"),
        ("ghcr.io/org/tool", "ghcr.io/org/tool:latest", "ghcr.io/org/tool:latest"),
        (
            f"127.0.0.1:5000/a/b@{DIGEST}",
            f"127.0.0.1:5000/a/b@{DIGEST}",
            f"127.0.0.1:5000/a/b@{DIGEST}",
        ),
        (f"app:1@{DIGEST}", f"docker.io/library/app:1@{DIGEST}", f"app:1@{DIGEST}"),
    ],
)
def test_normalised_like_docker(text: str, full: str, familiar: str) -> None:
    ref = parse_reference(text)
    assert str(ref) == full
    assert ref.familiar == familiar


def test_name_ignores_tag_and_digest() -> None:
    assert parse_reference("app:1").name == parse_reference(f"docker.io/library/app@{DIGEST}").name


@pytest.mark.parametrize("text", ["", "a:b:c", "app@sha256:zz", "App", "app:-bad", "a//b"])
def test_invalid(text: str) -> None:
    with pytest.raises(ValueError):
        parse_reference(text)
