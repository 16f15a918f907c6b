"""Authentication against real registries: htpasswd basic auth and the bearer token flow,
with credentials from the environment, config.json, credential helpers and podman's auth.json."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

import pytest
from realregistry import RunningRegistry
from registry_samples import SampleImages

from layerguard.registry import Client, RegistryError


def _client(tmp_path: Path) -> Client:
    return Client(cache_dir=tmp_path / "cache", timeout=5, retries=1, backoff=0.05)


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))


def _helper(bin_dir: Path, name: str, answers: dict[str, dict[str, str]]) -> Path:
    """A `docker-credential-NAME` script answering `get` from `answers`, logging each query."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    log = bin_dir / f"{name}.log"
    script = bin_dir / f"docker-credential-{name}"
    script.write_text(
        f"""#!/usr/bin/env python3
import json, sys
answers = {json.dumps(answers)!r}
server = sys.stdin.read().strip()
with open({str(log)!r}, "a") as out:
    out.write(sys.argv[1] + " " + server + "\\n")
if server in json.loads(answers):
    print(json.dumps(json.loads(answers)[server]))
else:
    print("credentials not found in native keychain")
    sys.exit(1)
"""
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


def _assert_clean(error: RegistryError, *secrets: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert error.exit_code == 2
    for secret in secrets:
        assert secret not in message
        assert secret not in repr(error)


def test_basic_without_credentials(
    tmp_path: Path, basic_registry: RunningRegistry, sample_images: SampleImages
) -> None:
    with pytest.raises(RegistryError, match="requires authentication and no credentials") as e:
        _client(tmp_path).image(sample_images.ref("app:oci", basic_registry.host))
    assert str(e.value).startswith(f"{basic_registry.host}: manifest app:oci: HTTP 401")


def test_basic_with_env_credentials(
    tmp_path: Path,
    basic_registry: RunningRegistry,
    sample_images: SampleImages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LAYERGUARD_REGISTRY_USER", basic_registry.username)
    monkeypatch.setenv("LAYERGUARD_REGISTRY_PASSWORD", basic_registry.password)
    client = _client(tmp_path)
    image = client.image(sample_images.ref("app:oci", basic_registry.host))
    assert image.digest == sample_images.digests["app:oci"]
    # HEAD 401 + HEAD, then GET manifest and config with Basic sent up front.
    assert client.requests_made == 4
    ref = sample_images.ref("app:oci", basic_registry.host)
    with client.open_blob(ref, image.layers[1]) as stream:
        assert len(stream.read()) == image.layers[1].size


def test_basic_with_wrong_password(
    tmp_path: Path,
    basic_registry: RunningRegistry,
    sample_images: SampleImages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LAYERGUARD_REGISTRY_USER", basic_registry.username)
    monkeypatch.setenv("LAYERGUARD_REGISTRY_PASSWORD", "wrong-password-xyz")
    with pytest.raises(RegistryError) as caught:
        _client(tmp_path).image(sample_images.ref("app:oci", basic_registry.host))
    assert str(caught.value) == (
        f"{basic_registry.host}: manifest app:oci: HTTP 401, the registry rejected the "
        "credentials from LAYERGUARD_REGISTRY_USER/_PASSWORD"
    )
    _assert_clean(caught.value, "wrong-password-xyz")


def test_env_credentials_scoped_to_other_hosts_are_not_used(
    tmp_path: Path,
    basic_registry: RunningRegistry,
    sample_images: SampleImages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LAYERGUARD_REGISTRY_USER", basic_registry.username)
    monkeypatch.setenv("LAYERGUARD_REGISTRY_PASSWORD", basic_registry.password)
    monkeypatch.setenv("LAYERGUARD_REGISTRY_HOST", "ghcr.io")
    with pytest.raises(RegistryError, match="no credentials"):
        _client(tmp_path).image(sample_images.ref("app:oci", basic_registry.host))


@pytest.mark.parametrize("form", ["auth", "fields"])
def test_docker_config_auths(
    tmp_path: Path,
    isolated_env: Path,
    basic_registry: RunningRegistry,
    sample_images: SampleImages,
    form: str,
) -> None:
    user, password = basic_registry.username, basic_registry.password
    entry = (
        {"auth": base64.b64encode(f"{user}:{password}".encode()).decode()}
        if form == "auth"
        else {"username": user, "password": password}
    )
    _write_json(isolated_env / ".docker" / "config.json", {"auths": {basic_registry.url: entry}})
    image = _client(tmp_path).image(sample_images.ref("app:v2s2", basic_registry.host))
    assert image.digest == sample_images.digests["app:v2s2"]


def test_docker_config_wrong_credentials_name_the_file(
    tmp_path: Path, isolated_env: Path, basic_registry: RunningRegistry, sample_images: SampleImages
) -> None:
    config = isolated_env / ".docker" / "config.json"
    auth = base64.b64encode(b"alice:not-it-123").decode()
    _write_json(config, {"auths": {basic_registry.host: {"auth": auth}}})
    with pytest.raises(RegistryError, match=f"rejected the credentials from {config}$") as caught:
        _client(tmp_path).image(sample_images.ref("app:oci", basic_registry.host))
    _assert_clean(caught.value, "not-it-123", auth)


@pytest.mark.parametrize("key", ["credHelpers", "credsStore"])
def test_credential_helper(
    tmp_path: Path,
    isolated_env: Path,
    basic_registry: RunningRegistry,
    sample_images: SampleImages,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
) -> None:
    bin_dir = tmp_path / "bin"
    answer = {
        "ServerURL": basic_registry.host,
        "Username": basic_registry.username,
        "Secret": basic_registry.password,
    }
    log = _helper(bin_dir, "test", {basic_registry.host: answer})
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    value: object = {basic_registry.host: "test"} if key == "credHelpers" else "test"
    _write_json(isolated_env / ".docker" / "config.json", {key: value})
    image = _client(tmp_path).image(sample_images.ref("app:oci", basic_registry.host))
    assert image.digest == sample_images.digests["app:oci"]
    assert log.read_text() == f"get {basic_registry.host}\n"


def test_missing_credential_helper(
    tmp_path: Path, isolated_env: Path, basic_registry: RunningRegistry, sample_images: SampleImages
) -> None:
    _write_json(isolated_env / ".docker" / "config.json", {"credsStore": "absent-helper"})
    with pytest.raises(RegistryError, match="docker-credential-absent-helper is configured but"):
        _client(tmp_path).image(sample_images.ref("app:oci", basic_registry.host))


@pytest.mark.parametrize("where", ["REGISTRY_AUTH_FILE", "XDG_RUNTIME_DIR"])
def test_podman_auth_json(
    tmp_path: Path,
    basic_registry: RunningRegistry,
    sample_images: SampleImages,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    user, password = basic_registry.username, basic_registry.password
    auth = base64.b64encode(f"{user}:{password}".encode()).decode()
    if where == "REGISTRY_AUTH_FILE":
        path = tmp_path / "elsewhere" / "auth.json"
        monkeypatch.setenv("REGISTRY_AUTH_FILE", str(path))
    else:
        path = Path(os.environ["XDG_RUNTIME_DIR"]) / "containers" / "auth.json"
    # podman allows a key per repository; the most specific one wins.
    _write_json(path, {"auths": {f"{basic_registry.host}/app": {"auth": auth}}})
    image = _client(tmp_path).image(sample_images.ref("app:oci", basic_registry.host))
    assert image.digest == sample_images.digests["app:oci"]


def test_token_flow(
    tmp_path: Path,
    token_registry: RunningRegistry,
    sample_images: SampleImages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = token_registry.token_server
    assert server is not None
    server.requests.clear()
    monkeypatch.setenv("LAYERGUARD_REGISTRY_USER", token_registry.username)
    monkeypatch.setenv("LAYERGUARD_REGISTRY_PASSWORD", token_registry.password)
    client = _client(tmp_path)
    ref = sample_images.ref("multi:1", token_registry.host)
    assert client.image(ref).digest == sample_images.digests["app:oci"]
    assert client.image(ref, platform="linux/arm64").digest == sample_images.digests["armonly:1"]
    with client.open_blob(ref, client.image(ref).layers[0]) as stream:
        stream.read()
    # One token for the repository, reused for every later request.
    assert len(server.requests) == 1
    query = server.requests[0]["query"]
    assert query == {"service": [server.service], "scope": ["repository:multi:pull"]}
    other = sample_images.ref("app:oci", token_registry.host)
    assert client.image(other).digest == sample_images.digests["app:oci"]
    assert [r["query"]["scope"] for r in server.requests[1:]] == [["repository:app:pull"]]


def test_token_flow_access_token_field(
    tmp_path: Path,
    token_registry: RunningRegistry,
    sample_images: SampleImages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = token_registry.token_server
    assert server is not None
    monkeypatch.setattr(server, "field", "access_token")
    monkeypatch.setenv("LAYERGUARD_REGISTRY_USER", token_registry.username)
    monkeypatch.setenv("LAYERGUARD_REGISTRY_PASSWORD", token_registry.password)
    image = _client(tmp_path).image(sample_images.ref("app:v2s2", token_registry.host))
    assert image.digest == sample_images.digests["app:v2s2"]


@pytest.mark.parametrize("password", [None, "bad-token-pass"])
def test_token_flow_refused(
    tmp_path: Path,
    token_registry: RunningRegistry,
    sample_images: SampleImages,
    monkeypatch: pytest.MonkeyPatch,
    password: str | None,
) -> None:
    if password:
        monkeypatch.setenv("LAYERGUARD_REGISTRY_USER", token_registry.username)
        monkeypatch.setenv("LAYERGUARD_REGISTRY_PASSWORD", password)
    with pytest.raises(RegistryError) as caught:
        _client(tmp_path).image(sample_images.ref("app:oci", token_registry.host))
    server = token_registry.token_server
    assert server is not None
    token_host = server.realm.split("/")[2]
    if password:
        assert str(caught.value) == (
            f"{token_registry.host}: manifest app:oci: the token server {token_host} rejected "
            "the credentials from LAYERGUARD_REGISTRY_USER/_PASSWORD (HTTP 401)"
        )
        _assert_clean(caught.value, password)
    else:
        assert "no credentials were found" in str(caught.value)
