"""Pure parts of the registry client: challenges, credential lookup, platforms, retries, cache."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from layerguard.registry import RegistryError
from layerguard.registry.auth import find_credentials, parse_challenges
from layerguard.registry.cache import DigestCache, default_cache_dir
from layerguard.registry.model import (
    OCI_INDEX,
    OCI_MANIFEST,
    compute_digest,
    media_type_of,
    select_platform,
)
from layerguard.registry.transport import is_loopback, retry_after


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",'
            'scope="repository:library/busybox:pull"',
            [
                (
                    "bearer",
                    {
                        "realm": "https://auth.docker.io/token",
                        "service": "registry.docker.io",
                        "scope": "repository:library/busybox:pull",
                    },
                )
            ],
        ),
        ('Basic realm="Registry Realm"', [("basic", {"realm": "Registry Realm"})]),
        (
            'Basic realm="a, b", Bearer realm="https://x/t",error="invalid_token"',
            [
                ("basic", {"realm": "a, b"}),
                ("bearer", {"realm": "https://x/t", "error": "invalid_token"}),
            ],
        ),
        (
            "Bearer realm=https://x/t, service=reg",
            [("bearer", {"realm": "https://x/t", "service": "reg"})],
        ),
        ('Bearer realm="q\\"uote"', [("bearer", {"realm": 'q"uote'})]),
        ("", []),
    ],
)
def test_parse_challenges(header: str, expected: list[tuple[str, dict[str, str]]]) -> None:
    assert [(c.scheme, dict(c.params)) for c in parse_challenges(header)] == expected


def _auth(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def test_credentials_precedence_and_keys(tmp_path: Path) -> None:
    docker = tmp_path / "docker"
    docker.mkdir()
    (docker / "config.json").write_text(
        json.dumps(
            {
                "auths": {
                    "https://index.docker.io/v1/": {"auth": _auth("hub", "p1")},
                    "http://localhost:5000": {"username": "loc", "password": "p2"},
                    "quay.io": {"identitytoken": "refresh"},
                }
            }
        )
    )
    env = {"DOCKER_CONFIG": str(docker), "HOME": str(tmp_path)}
    hub = find_credentials("docker.io", "library/busybox", env)
    assert hub is not None and (hub.username, hub.password) == ("hub", "p1")
    local = find_credentials("localhost:5000", "app", env)
    assert local is not None and local.username == "loc"
    quay = find_credentials("quay.io", "org/app", env)
    assert quay is not None and quay.identity_token == "refresh"
    assert find_credentials("ghcr.io", "o/app", env) is None
    # podman's file comes before Docker's; the environment before both.
    podman = tmp_path / "auth.json"
    podman.write_text(json.dumps({"auths": {"docker.io": {"auth": _auth("pod", "p3")}}}))
    env["REGISTRY_AUTH_FILE"] = str(podman)
    assert find_credentials("docker.io", "library/busybox", env).username == "pod"  # type: ignore[union-attr]
    env["LAYERGUARD_REGISTRY_USER"] = "envuser"
    assert find_credentials("docker.io", "library/busybox", env).username == "envuser"  # type: ignore[union-attr]


def test_bad_auth_entry_is_named_without_its_content(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"auths": {"x.io": {"auth": "!!secret!!"}}}))
    with pytest.raises(RegistryError, match="not valid base64") as caught:
        find_credentials("x.io", "app", {"DOCKER_CONFIG": str(tmp_path), "HOME": str(tmp_path)})
    assert "secret" not in str(caught.value)


def _entry(platform: dict[str, str], n: int, annotations: dict[str, str] | None = None) -> dict:
    entry = {
        "mediaType": OCI_MANIFEST,
        "digest": compute_digest(str(n).encode()),
        "size": n,
        "platform": platform,
    }
    if annotations:
        entry["annotations"] = annotations
    return entry


INDEX = {
    "mediaType": OCI_INDEX,
    "manifests": [
        _entry({"os": "unknown", "architecture": "unknown"}, 1),
        _entry({"os": "linux", "architecture": "arm", "variant": "v6"}, 2),
        _entry({"os": "linux", "architecture": "arm", "variant": "v7"}, 3),
        _entry({"os": "linux", "architecture": "arm64", "variant": "v8"}, 4),
        _entry({"os": "linux", "architecture": "amd64"}, 5, {"k": "v"}),
        _entry(
            {"os": "linux", "architecture": "amd64"},
            6,
            {"vnd.docker.reference.type": "attestation-manifest"},
        ),
    ],
}


@pytest.mark.parametrize(
    ("platform", "size"),
    [
        ("linux/amd64", 5),
        ("linux/arm/v7", 3),
        ("linux/arm/v6", 2),
        ("linux/arm64", 4),
        ("linux/arm64/v8", 4),
        ("LINUX/AMD64", 5),
    ],
)
def test_select_platform(platform: str, size: int) -> None:
    chosen, _ = select_platform(INDEX, platform)
    assert chosen.size == size


def test_select_platform_lists_what_there_is() -> None:
    with pytest.raises(RegistryError) as caught:
        select_platform(INDEX, "windows/amd64")
    assert str(caught.value) == (
        "no windows/amd64 image in the index "
        "(platforms: linux/arm/v6, linux/arm/v7, linux/arm64/v8, linux/amd64)"
    )
    with pytest.raises(RegistryError, match="invalid platform"):
        select_platform(INDEX, "amd64")


def test_media_type_of() -> None:
    assert media_type_of({"manifests": []}) == OCI_INDEX
    assert media_type_of({"layers": []}) == OCI_MANIFEST
    assert media_type_of({}, f"{OCI_INDEX}; charset=utf-8") == OCI_INDEX
    with pytest.raises(RegistryError, match="schema 1"):
        media_type_of({"schemaVersion": 1})


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("localhost:5000", True),
        ("127.0.0.1:5000", True),
        ("127.9.9.9", True),
        ("[::1]:5000", True),
        ("::1", True),
        ("10.0.0.1:5000", False),
        ("registry.local:5000", False),
        ("localhost.example.com", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_retry_after() -> None:
    assert retry_after("2", 30) == 2
    assert retry_after("120", 30) == 30
    assert retry_after(None, 30) is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 30) == 0
    assert retry_after("soon", 30) is None


def test_cache_round_trip_and_corruption(tmp_path: Path) -> None:
    cache = DigestCache(tmp_path)
    data = b'{"a": 1}'
    digest = compute_digest(data)
    assert cache.get(digest) is None
    cache.put(digest, data)
    assert cache.get(digest) == data
    path = tmp_path / "registry" / "blobs" / "sha256" / digest.split(":")[1]
    path.write_bytes(b"tampered")
    assert cache.get(digest) is None
    assert not path.exists()


def test_unwritable_cache_only_costs_requests(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = DigestCache(blocker)
    cache.put(compute_digest(b"x"), b"x")
    assert cache.get(compute_digest(b"x")) is None


def test_default_cache_dir(tmp_path: Path) -> None:
    assert default_cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "layerguard"
