"""Fixtures for the registry client tests: isolation from the machine's credentials and caches,
and sample images pushed to the real registry once a session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from realregistry import Buildah, RunningRegistry, upload_image, upload_manifest
from registry_samples import APP_DOCKERFILE, APP_FILES, OCI_TAR, PLAIN_LAYER, SampleImages

from layerguard.registry import Client
from layerguard.registry.model import OCI_INDEX, OCI_MANIFEST

ENV_VARS = (
    "LAYERGUARD_REGISTRY_USER",
    "LAYERGUARD_REGISTRY_PASSWORD",
    "LAYERGUARD_REGISTRY_TOKEN",
    "LAYERGUARD_REGISTRY_HOST",
    "REGISTRY_AUTH_FILE",
    "DOCKER_CONFIG",
)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No credentials, config or cache from the machine leak into a test."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("DOCKER_CONFIG", str(home / ".docker"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return home


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    with Client(cache_dir=tmp_path / "client-cache", timeout=5, retries=2, backoff=0.05) as made:
        yield made


@pytest.fixture(scope="session")
def sample_images(registry: RunningRegistry, buildah_images: Buildah) -> SampleImages:
    """app (OCI gzip, Docker v2s2, zstd), an arm64 image and an index of both (buildah); an
    image with a plain tar layer and an index with an attestation entry (through the API)."""
    app = buildah_images.build("localhost/app:1", APP_DOCKERFILE, APP_FILES)
    arm = buildah_images.scratch_image(
        "localhost/armonly:1", {"arm.txt": "arm64\n"}, platform="linux/arm64/v8"
    )
    host = registry.host
    digests = {
        "app:oci": buildah_images.push(app, f"{host}/app:oci"),
        "app:v2s2": buildah_images.push(app, f"{host}/app:v2s2", options=("--format", "v2s2")),
        "app:zstd": buildah_images.push(
            app, f"{host}/appzstd:1", options=("--compression-format", "zstd")
        ),
        "armonly:1": buildah_images.push(arm, f"{host}/armonly:1"),
    }
    digests["multi:1"] = buildah_images.push_index(
        "localhost/multi:1", [app, arm], f"{host}/multi:1"
    )
    plain = upload_image(registry.url, "appplain", "1", [(PLAIN_LAYER, OCI_TAR)])
    digests["appplain:1"] = plain
    platform_entry = {"mediaType": OCI_MANIFEST, "digest": plain, "size": _size(registry, plain)}
    digests["appplain:index"] = upload_manifest(
        registry.url,
        "appplain",
        "index",
        {
            "schemaVersion": 2,
            "mediaType": OCI_INDEX,
            "manifests": [
                {
                    **platform_entry,
                    "platform": {"os": "unknown", "architecture": "unknown"},
                    "annotations": {"vnd.docker.reference.type": "attestation-manifest"},
                },
                {
                    **platform_entry,
                    "platform": {"os": "linux", "architecture": "amd64"},
                    "annotations": {"org.example.entry": "yes"},
                },
            ],
        },
    )
    return SampleImages(host, digests)


def _size(registry: RunningRegistry, digest: str) -> int:
    response = requests.head(
        f"{registry.url}/v2/appplain/manifests/{digest}",
        headers={"Accept": OCI_MANIFEST},
        timeout=10,
    )
    return int(response.headers["Content-Length"])
