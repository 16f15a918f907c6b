"""The client against recorded registry responses: Docker Hub's hosts and token flow, redirects
to blob storage, pagination and malformed answers, without a network."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from recorded import RecordedAdapter, recorded_session

from layerguard.reference import parse_reference
from layerguard.registry import Client, Descriptor, RegistryError
from layerguard.registry.model import DOCKER_LIST, DOCKER_MANIFEST

HUB = "https://registry-1.docker.io"
REALM = "https://auth.docker.io/token"
CHALLENGE = f'Bearer realm="{REALM}",service="registry.docker.io"'


def _blob(value: Any) -> tuple[bytes, str]:
    data = value if isinstance(value, bytes) else json.dumps(value).encode()
    return data, f"sha256:{hashlib.sha256(data).hexdigest()}"


CONFIG, CONFIG_DIGEST = _blob({"os": "linux", "architecture": "amd64", "rootfs": {}})
LAYER, LAYER_DIGEST = _blob(b"layer bytes" * 100)
MANIFEST, MANIFEST_DIGEST = _blob(
    {
        "schemaVersion": 2,
        "mediaType": DOCKER_MANIFEST,
        "config": {
            "mediaType": "application/vnd.docker.container.image.v1+json",
            "size": len(CONFIG),
            "digest": CONFIG_DIGEST,
        },
        "layers": [
            {
                "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                "size": len(LAYER),
                "digest": LAYER_DIGEST,
            }
        ],
    }
)
ARM, ARM_DIGEST = _blob({"schemaVersion": 2, "mediaType": DOCKER_MANIFEST, "layers": []})
LIST, LIST_DIGEST = _blob(
    {
        "schemaVersion": 2,
        "mediaType": DOCKER_LIST,
        "manifests": [
            {
                "mediaType": DOCKER_MANIFEST,
                "size": len(ARM),
                "digest": ARM_DIGEST,
                "platform": {"architecture": "arm64", "os": "linux", "variant": "v8"},
            },
            {
                "mediaType": DOCKER_MANIFEST,
                "size": len(MANIFEST),
                "digest": MANIFEST_DIGEST,
                "platform": {"architecture": "amd64", "os": "linux"},
            },
        ],
    }
)


def _client(tmp_path: Path, **options: Any) -> tuple[Client, RecordedAdapter]:
    session, adapter = recorded_session()
    settings: dict[str, Any] = {"retries": 1, "backoff": 0.0, **options}
    return Client(cache_dir=tmp_path / "cache", session=session, **settings), adapter


def _hub(adapter: RecordedAdapter, redirect_blobs: bool = True) -> None:
    path = f"{HUB}/v2/library/busybox"
    adapter.add("HEAD", f"{path}/manifests/latest", 401, {"WWW-Authenticate": CHALLENGE})
    adapter.add("HEAD", f"{path}/manifests/latest", headers={"Docker-Content-Digest": LIST_DIGEST})
    token_url = f"{REALM}?service=registry.docker.io&scope=repository%3Alibrary%2Fbusybox%3Apull"
    adapter.add("GET", token_url, body={"token": "hub-token-1", "expires_in": 300})
    adapter.add("GET", f"{path}/manifests/{LIST_DIGEST}", body=LIST)
    adapter.add("GET", f"{path}/manifests/{MANIFEST_DIGEST}", body=MANIFEST)
    for data, digest in ((CONFIG, CONFIG_DIGEST), (LAYER, LAYER_DIGEST)):
        if redirect_blobs:
            cdn = f"https://production.cloudflare.docker.com/blobs/{digest}?sig=abc"
            adapter.add("GET", f"{path}/blobs/{digest}", 307, {"Location": cdn})
            adapter.add("GET", cdn, body=data)
        else:
            adapter.add("GET", f"{path}/blobs/{digest}", body=data)


def test_docker_hub_anonymous_token_and_cdn_redirect(tmp_path: Path) -> None:
    client, adapter = _client(tmp_path)
    _hub(adapter)
    ref = parse_reference("busybox")
    image = client.image(ref)
    assert image.digest == MANIFEST_DIGEST
    assert image.media_type == DOCKER_MANIFEST
    with client.open_blob(ref, image.layers[0]) as stream:
        assert stream.read() == LAYER
    by_host: dict[str, list[str | None]] = {}
    for sent in adapter.sent:
        host = sent.url.split("/")[2]
        by_host.setdefault(host, []).append(sent.headers.get("Authorization"))
    assert all(url.startswith("https://") for url in (s.url for s in adapter.sent))
    # Anonymous token request; the token only ever goes to the registry, never to the CDN.
    assert by_host["auth.docker.io"] == [None]
    assert by_host["registry-1.docker.io"][0] is None
    assert set(by_host["registry-1.docker.io"][1:]) == {"Bearer hub-token-1"}
    assert by_host["production.cloudflare.docker.com"] == [None, None]
    assert client.requests_made == len(adapter.sent) == 9


def test_http_redirect_away_from_loopback_is_refused(tmp_path: Path) -> None:
    client, adapter = _client(tmp_path)
    url = "https://registry.example.com/v2/app/blobs/" + LAYER_DIGEST
    adapter.add("GET", url, 302, {"Location": "http://cdn.example.com/blob"})
    ref = parse_reference("registry.example.com/app:1")
    with (
        pytest.raises(RegistryError, match=r"refusing to follow http://cdn\.example\.com"),
        client.open_blob(ref, Descriptor("x", LAYER_DIGEST, len(LAYER))),
    ):
        pass


def test_tags_follow_link_pagination(tmp_path: Path) -> None:
    client, adapter = _client(tmp_path)
    base = "http://localhost:5000/v2/team/app/tags/list"
    adapter.add(
        "GET",
        base,
        headers={"Link": '</v2/team/app/tags/list?last=b>; rel="next"'},
        body={"name": "team/app", "tags": ["a", "b"]},
    )
    adapter.add("GET", f"{base}?last=b", body={"name": "team/app", "tags": ["c"]})
    assert client.tags(parse_reference("localhost:5000/team/app")) == ["a", "b", "c"]


def test_tags_link_to_another_host_is_refused(tmp_path: Path) -> None:
    client, adapter = _client(tmp_path)
    base = "http://localhost:5000/v2/app/tags/list"
    link = '<http://elsewhere.example/v2/app/tags/list?last=b>; rel="next"'
    adapter.add("GET", base, headers={"Link": link}, body={"tags": ["a"]})
    with pytest.raises(RegistryError, match="another host"):
        client.tags(parse_reference("localhost:5000/app"))


def test_schema1_is_refused(tmp_path: Path) -> None:
    client, adapter = _client(tmp_path)
    body, digest = _blob({"schemaVersion": 1, "name": "app", "fsLayers": []})
    adapter.add("GET", f"http://127.0.0.1:5000/v2/app/manifests/{digest}", body=body)
    with pytest.raises(RegistryError, match="schema 1 manifests are not supported"):
        client.image(parse_reference(f"127.0.0.1:5000/app@{digest}"))


def test_manifest_not_matching_the_header_digest_is_refused(tmp_path: Path) -> None:
    client, adapter = _client(tmp_path)
    url = "http://127.0.0.1:5000/v2/app/manifests/1"
    adapter.add("HEAD", url, headers={})  # no Docker-Content-Digest: GET by tag
    adapter.add("GET", url, headers={"Docker-Content-Digest": LIST_DIGEST}, body=MANIFEST)
    with pytest.raises(RegistryError, match=r"manifest 1: content does not match its digest"):
        client.image(parse_reference("127.0.0.1:5000/app:1"))


def test_tag_without_digest_header_is_hashed(tmp_path: Path) -> None:
    client, adapter = _client(tmp_path)
    base = "http://127.0.0.1:5000/v2/app"
    adapter.add("HEAD", f"{base}/manifests/1", headers={})
    adapter.add("GET", f"{base}/manifests/1", body=MANIFEST)
    adapter.add("GET", f"{base}/blobs/{CONFIG_DIGEST}", body=CONFIG)
    assert client.image(parse_reference("127.0.0.1:5000/app:1")).digest == MANIFEST_DIGEST


@pytest.mark.parametrize(
    ("body", "headers", "problem"),
    [
        (LAYER + b"x", {"Content-Length": str(len(LAYER) + 1)}, "sends 1101 bytes"),
        (LAYER + b"x", {"Content-Length": "0", "Content-Encoding": "br"}, "more bytes than"),
        (LAYER[:-1] + b"y", {}, "content does not match its digest"),
    ],
)
def test_blob_checks(tmp_path: Path, body: bytes, headers: dict[str, str], problem: str) -> None:
    client, adapter = _client(tmp_path)
    adapter.add("GET", f"http://localhost:5000/v2/app/blobs/{LAYER_DIGEST}", 200, headers, body)
    ref = parse_reference("localhost:5000/app:1")
    with (
        pytest.raises(RegistryError, match=problem),
        client.open_blob(ref, Descriptor("x", LAYER_DIGEST, len(LAYER))) as stream,
    ):
        stream.read(10)


def test_registry_token_from_env_is_sent_as_bearer(tmp_path: Path) -> None:
    env = {"LAYERGUARD_REGISTRY_TOKEN": "direct-token", "HOME": str(tmp_path)}
    client, adapter = _client(tmp_path, env=env)
    url = f"https://ghcr.io/v2/o/app/blobs/{LAYER_DIGEST}"
    adapter.add("GET", url, 401, {"WWW-Authenticate": 'Bearer realm="https://ghcr.io/token"'})
    adapter.add("GET", url, body=LAYER)
    ref = parse_reference("ghcr.io/o/app:1")
    with client.open_blob(ref, Descriptor("x", LAYER_DIGEST, len(LAYER))) as stream:
        assert stream.read() == LAYER
    assert [s.headers.get("Authorization") for s in adapter.sent] == [None, "Bearer direct-token"]


def test_token_server_down_is_one_line(tmp_path: Path) -> None:
    client, adapter = _client(tmp_path, env={"HOME": str(tmp_path)})
    url = f"{HUB}/v2/library/busybox/manifests/latest"
    adapter.add("HEAD", url, 401, {"WWW-Authenticate": CHALLENGE})
    token_url = f"{REALM}?service=registry.docker.io&scope=repository%3Alibrary%2Fbusybox%3Apull"
    adapter.add("GET", token_url, 503, {}, b"")
    with pytest.raises(RegistryError) as caught:
        client.image(parse_reference("busybox"))
    assert str(caught.value) == "docker.io: token from auth.docker.io: HTTP 503 (after 2 attempts)"


def test_client_repr_holds_no_secret(tmp_path: Path) -> None:
    from layerguard.registry.auth import Credentials

    creds = Credentials("env", "user", "pass-word-1", "idtok-2", "regtok-3")
    for text in (repr(creds), str(creds)):
        assert "pass-word-1" not in text and "idtok-2" not in text and "regtok-3" not in text


@pytest.mark.parametrize(
    ("method", "headers", "what"),
    [
        ("GET", {"Location": "http://[bad/blob"}, f"blob {LAYER_DIGEST}"),
        ("GET", {"WWW-Authenticate": 'Bearer realm="https://[bad/token"'}, "token request"),
    ],
    ids=["redirect", "realm"],
)
def test_a_url_that_is_not_one_is_one_line(
    tmp_path: Path, method: str, headers: dict[str, str], what: str
) -> None:
    client, adapter = _client(tmp_path)
    status = 307 if "Location" in headers else 401
    url = f"https://registry.example.com/v2/app/blobs/{LAYER_DIGEST}"
    adapter.add(method, url, status, headers)
    ref = parse_reference("registry.example.com/app:1")
    with (
        pytest.raises(RegistryError) as caught,
        client.open_blob(ref, Descriptor("x", LAYER_DIGEST, 1)),
    ):
        pass
    assert str(caught.value) == (
        f"registry.example.com: {what}: the registry points to an invalid URL"
    )


def test_a_tag_page_link_that_is_not_a_url_is_one_line(tmp_path: Path) -> None:
    client, adapter = _client(tmp_path)
    base = "http://localhost:5000/v2/team/app/tags/list"
    adapter.add("GET", base, headers={"Link": '<http://[bad>; rel="next"'}, body={"tags": ["a"]})
    with pytest.raises(RegistryError) as caught:
        client.tags(parse_reference("localhost:5000/team/app"))
    assert str(caught.value) == (
        "localhost:5000: tags of team/app: the registry points to an invalid URL"
    )
