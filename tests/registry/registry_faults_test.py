"""Registry faults, injected by a proxy in front of the real registry: each ends in bounded time
with a correct retry or one clear line, never with wrong content."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from realregistry import Fault, FaultProxy, RunningRegistry
from registry_samples import SampleImages

from layerguard.registry import Client, RegistryError


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[type[Client]]:
    made: list[Client] = []

    def factory(**options: float) -> Client:
        settings = {"timeout": 2.0, "retries": 2, "backoff": 0.05, **options}
        client = Client(cache_dir=tmp_path / f"cache{len(made)}", **settings)  # type: ignore[arg-type]
        made.append(client)
        return client

    yield factory  # type: ignore[misc]
    for client in made:
        client.close()


def _one_line(error: pytest.ExceptionInfo[RegistryError], host: str) -> str:
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(f"{host}: ")
    assert error.value.exit_code == 2
    return message


def test_5xx_then_success_is_retried(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    fault_proxy.faults.append(Fault("status", path="/manifests/", times=2, status=503))
    client = make_client()
    image = client.image(sample_images.ref("app:oci", fault_proxy.host))
    assert image.digest == sample_images.digests["app:oci"]
    # HEAD 503, HEAD 503, HEAD, GET manifest, GET config
    assert fault_proxy.requests_to("/manifests/") == 4
    assert client.requests_made == 5


def test_5xx_forever_gives_up(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    fault_proxy.faults.append(Fault("status", times=99, status=500))
    digest = sample_images.digests["app:oci"]
    started = time.monotonic()
    with pytest.raises(RegistryError) as caught:
        make_client().image(sample_images.ref(f"app@{digest}", fault_proxy.host))
    assert time.monotonic() - started < 2
    assert _one_line(caught, fault_proxy.host) == (
        f"{fault_proxy.host}: manifest app@{digest}: HTTP 500 UNAVAILABLE (injected) "
        "(after 3 attempts)"
    )


def test_429_honours_retry_after(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    fault_proxy.faults.append(Fault("status", status=429, headers={"Retry-After": "1"}))
    started = time.monotonic()
    image = make_client().image(sample_images.ref("app:oci", fault_proxy.host))
    elapsed = time.monotonic() - started
    assert image.digest == sample_images.digests["app:oci"]
    assert 1.0 <= elapsed < 4


def test_429_retry_after_is_capped(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    fault_proxy.faults.append(Fault("status", status=429, headers={"Retry-After": "3600"}))
    started = time.monotonic()
    make_client(max_retry_after=0.2).image(sample_images.ref("app:oci", fault_proxy.host))
    assert time.monotonic() - started < 2


def test_connection_reset_is_retried(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    fault_proxy.faults.append(Fault("reset", path="/blobs/"))
    image = make_client().image(sample_images.ref("app:oci", fault_proxy.host))
    assert image.config["rootfs"]["type"] == "layers"
    assert fault_proxy.requests_to("/blobs/") == 2


def test_connection_reset_forever(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    fault_proxy.faults.append(Fault("reset", times=99))
    with pytest.raises(RegistryError) as caught:
        make_client().image(sample_images.ref("app:oci", fault_proxy.host))
    message = _one_line(caught, fault_proxy.host)
    assert message.endswith("(after 3 attempts)")
    assert "connection reset" in message or "closed without a response" in message


def test_truncated_manifest_is_retried(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    fault_proxy.faults.append(Fault("truncate", path="/manifests/sha256", method="GET"))
    image = make_client().image(sample_images.ref("app:oci", fault_proxy.host))
    assert image.digest == sample_images.digests["app:oci"]
    assert fault_proxy.requests_to("/manifests/sha256") == 2


def test_truncated_blob_is_refused(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    client = make_client()
    ref = sample_images.ref("app:oci", fault_proxy.host)
    layer = client.image(ref).layers[0]
    fault_proxy.faults.append(Fault("truncate", path=layer.digest, times=99))
    with pytest.raises(RegistryError) as caught, client.open_blob(ref, layer) as stream:
        while stream.read(65536):
            pass
    message = _one_line(caught, fault_proxy.host)
    assert f"blob {layer.digest}: " in message
    assert f"of {layer.size} bytes" in message


def test_slow_response_times_out(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    fault_proxy.faults.append(Fault("slow", delay=1.5, times=99))
    started = time.monotonic()
    with pytest.raises(RegistryError) as caught:
        make_client(timeout=0.3, retries=1).image(sample_images.ref("app:oci", fault_proxy.host))
    assert time.monotonic() - started < 1.5
    assert _one_line(caught, fault_proxy.host) == (
        f"{fault_proxy.host}: manifest app:oci: no complete response within 0.3s (after 2 attempts)"
    )


def test_slow_once_is_retried(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client]
) -> None:
    fault_proxy.faults.append(Fault("slow", delay=1.0, path="/manifests/sha256"))
    image = make_client(timeout=0.3).image(sample_images.ref("app:oci", fault_proxy.host))
    assert image.digest == sample_images.digests["app:oci"]


@pytest.mark.parametrize("target", ["manifest", "config", "layer"])
def test_content_not_matching_its_digest_is_refused(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: type[Client], target: str
) -> None:
    ref = sample_images.ref("app:oci", fault_proxy.host)
    clean = make_client().image(ref)
    digest = {
        "manifest": clean.digest,
        "config": clean.config_descriptor.digest,
        "layer": clean.layers[1].digest,
    }[target]
    fault_proxy.faults.append(Fault("corrupt", path=digest, times=99))
    client = make_client()
    with pytest.raises(RegistryError, match="does not match its digest") as caught:
        image = client.image(ref)
        with client.open_blob(ref, image.layers[1]) as stream:
            stream.read()
    _one_line(caught, fault_proxy.host)
    # Nothing wrong was cached.
    cached = client.cache.get(digest)
    assert cached is None


def test_redirect_to_another_host_drops_credentials(
    fault_proxy: FaultProxy,
    basic_registry: RunningRegistry,
    sample_images: SampleImages,
    make_client: type[Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fault_proxy.reset(basic_registry.host)
    fault_proxy.faults.append(Fault("redirect", path="/blobs/", times=99))
    monkeypatch.setenv("LAYERGUARD_REGISTRY_USER", basic_registry.username)
    monkeypatch.setenv("LAYERGUARD_REGISTRY_PASSWORD", basic_registry.password)
    client = make_client()
    ref = sample_images.ref("app:oci", fault_proxy.host)
    image = client.image(ref)
    with client.open_blob(ref, image.layers[0]) as stream:
        assert len(stream.read()) == image.layers[0].size
    assert [method for method, _, _ in fault_proxy.capture_log] == ["GET", "GET"]
    assert all(auth is None for _, _, auth in fault_proxy.capture_log)
    # ...while the registry itself did get them.
    assert any(had_auth for _, path, had_auth, _, _ in fault_proxy.log if "/blobs/" in path)
