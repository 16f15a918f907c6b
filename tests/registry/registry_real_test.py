"""The client against a real registry (docker-registry) holding images built by buildah."""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile
from pathlib import Path

import pytest
import requests
from registry_samples import SampleImages

from layerguard.registry import Client, RegistryError
from layerguard.registry.model import DOCKER_MANIFEST, OCI_MANIFEST


def test_oci_manifest(client: Client, sample_images: SampleImages) -> None:
    image = client.image(sample_images.ref("app:oci"))
    assert image.digest == sample_images.digests["app:oci"]
    assert image.media_type == OCI_MANIFEST
    assert image.platform == "linux/amd64"
    # base layer + COPY + COPY + RUN
    assert len(image.layers) == 4
    assert all(layer.media_type.endswith("tar+gzip") for layer in image.layers)
    assert len(image.config["rootfs"]["diff_ids"]) == 4
    assert image.annotations["org.opencontainers.image.base.name"] == "localhost/base:1"
    assert image.config_descriptor.media_type == "application/vnd.oci.image.config.v1+json"
    assert any("COPY" in step.get("created_by", "") for step in image.config["history"])


def test_docker_schema2_manifest(client: Client, sample_images: SampleImages) -> None:
    image = client.image(sample_images.ref("app:v2s2"))
    assert image.media_type == DOCKER_MANIFEST
    assert image.config_descriptor.media_type == "application/vnd.docker.container.image.v1+json"
    assert all(layer.media_type.endswith("diff.tar.gzip") for layer in image.layers)
    oci = client.image(sample_images.ref("app:oci"))
    assert [layer.digest for layer in image.layers] == [layer.digest for layer in oci.layers]


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("appzstd:1", "application/vnd.oci.image.layer.v1.tar+zstd"),
        ("appplain:1", "application/vnd.oci.image.layer.v1.tar"),
    ],
)
def test_layer_compressions(
    client: Client, sample_images: SampleImages, name: str, media_type: str
) -> None:
    image = client.image(sample_images.ref(name))
    assert {layer.media_type for layer in image.layers} == {media_type}
    with client.open_blob(sample_images.ref(name), image.layers[-1]) as stream:
        assert len(stream.read()) == image.layers[-1].size


def test_index_skips_attestations(client: Client, sample_images: SampleImages) -> None:
    image = client.image(sample_images.ref("appplain:index"))
    assert image.digest == sample_images.digests["appplain:1"]
    assert image.annotations["org.example.entry"] == "yes"
    with pytest.raises(RegistryError, match=r"\(platforms: linux/amd64\)$"):
        client.image(sample_images.ref("appplain:index"), platform="linux/arm64")


def test_index_picks_the_platform(client: Client, sample_images: SampleImages) -> None:
    ref = sample_images.ref("multi:1")
    amd64 = client.image(ref)
    assert amd64.platform == "linux/amd64"
    assert amd64.digest == sample_images.digests["app:oci"]
    for platform in ("linux/arm64", "linux/arm64/v8"):
        arm = client.image(ref, platform=platform)
        assert arm.digest == sample_images.digests["armonly:1"]
        assert arm.platform == "linux/arm64/v8"
    with pytest.raises(RegistryError, match=r"no linux/s390x image .*linux/amd64, linux/arm64/v8"):
        client.image(ref, platform="linux/s390x")


def test_single_manifest_for_another_platform_is_refused(
    client: Client, sample_images: SampleImages
) -> None:
    assert client.image(sample_images.ref("armonly:1")).platform == "linux/arm64/v8"
    with pytest.raises(RegistryError, match="is for linux/arm64/v8, not linux/amd64"):
        client.image(sample_images.ref("armonly:1"), platform="linux/amd64")


def test_missing_tag_and_repository(client: Client, sample_images: SampleImages) -> None:
    with pytest.raises(RegistryError) as caught:
        client.image(sample_images.ref("app:nope"))
    message = str(caught.value)
    assert message.startswith(f"{sample_images.host}: manifest app:nope: HTTP 404")
    assert "\n" not in message
    assert caught.value.exit_code == 2


def test_blob_stream_is_verified_and_streamed(client: Client, sample_images: SampleImages) -> None:
    ref = sample_images.ref("app:oci")
    image = client.image(ref)
    for layer in image.layers:
        url = f"http://{sample_images.host}/v2/app/blobs/{layer.digest}"
        expected = requests.get(url, timeout=10).content
        with client.open_blob(ref, layer) as stream:
            chunks = []
            while chunk := stream.read(1000):
                chunks.append(chunk)
        data = b"".join(chunks)
        assert data == expected
        assert f"sha256:{hashlib.sha256(data).hexdigest()}" == layer.digest
    # A consumer that stops early still gets the digest checked on leaving the block.
    copy_layer = image.layers[2]
    with (
        client.open_blob(ref, copy_layer) as stream,
        gzip.open(stream) as raw,
        tarfile.open(fileobj=raw, mode="r|") as tar,
    ):
        names = [member.name for member in tar]
    assert "data.bin" in names


def test_blob_size(client: Client, sample_images: SampleImages) -> None:
    ref = sample_images.ref("app:oci")
    layer = client.image(ref).layers[0]
    assert client.blob_size(ref, layer.digest) == layer.size
    assert client.blob_size(ref, "sha256:" + "0" * 64) is None


def test_tags(client: Client, sample_images: SampleImages) -> None:
    ref = sample_images.ref("app:oci")
    assert client.tags(ref) == ["oci", "v2s2"]
    # distribution 2.8 ignores n=; Link pagination is covered by the recorded-response tests.
    assert client.tags(ref, page_size=1) == ["oci", "v2s2"]


def test_second_run_on_a_digest_makes_no_request(
    tmp_path: Path, sample_images: SampleImages
) -> None:
    digest = sample_images.digests["multi:1"]
    ref = sample_images.ref(f"multi@{digest}")
    with Client(cache_dir=tmp_path / "c") as first:
        image = first.image(ref)
        # index, manifest, config
        assert first.requests_made == 3
    with Client(cache_dir=tmp_path / "c") as second:
        assert second.image(ref) == image
        assert second.requests_made == 0
        # A tag costs one HEAD, and no GET once its digest is cached.
        assert second.image(sample_images.ref("multi:1")).digest == image.digest
        assert second.requests_made == 1
    cached = list((tmp_path / "c" / "registry" / "blobs" / "sha256").iterdir())
    assert len(cached) == 3
    assert not [path for path in cached if path.name.startswith(".tmp")]


def test_corrupt_cache_entry_is_refetched(tmp_path: Path, sample_images: SampleImages) -> None:
    ref = sample_images.ref(f"app@{sample_images.digests['app:oci']}")
    with Client(cache_dir=tmp_path) as first:
        first.image(ref)
    entry = tmp_path / "registry" / "blobs" / "sha256" / ref.digest.split(":")[1]  # type: ignore[union-attr]
    entry.write_bytes(b"{}")
    with Client(cache_dir=tmp_path) as second:
        assert second.image(ref).digest == ref.digest
        assert second.requests_made == 1


def test_gzip_layer_decompresses(client: Client, sample_images: SampleImages) -> None:
    ref = sample_images.ref("app:oci")
    layer = client.image(ref).layers[2]
    with client.open_blob(ref, layer) as stream:
        payload = gzip.decompress(stream.read())
    with tarfile.open(fileobj=io.BytesIO(payload)) as tar:
        member = tar.getmember("data.bin")
        assert member.size == 256 * 512
