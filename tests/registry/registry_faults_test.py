"""Registry faults, injected by a proxy in front of the real registry, and hostile answers it
serves itself: each ends with a correct retry or one clear line (exit 2), never with wrong
content or a traceback. Retries are asserted on the proxy's request log, waits on the waits the
client asked for, and time limits by which limit stopped the request, never by a wall clock."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from realregistry import Fault, FaultProxy, RunningRegistry, upload_image
from registry_samples import SampleImages

from layerguard.commands.cli import main
from layerguard.reference import ImageRef, parse_reference
from layerguard.registry import Client, Descriptor, Image, RegistryError
from layerguard.registry.model import MAX_MANIFEST_BYTES, OCI_INDEX, OCI_MANIFEST

GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
MakeClient = Callable[..., Client]


@pytest.fixture
def waits() -> list[float]:
    """The waits (backoff, Retry-After) the clients of a test asked for, in order."""
    return []


@pytest.fixture
def make_client(tmp_path: Path, waits: list[float]) -> Iterator[MakeClient]:
    made: list[Client] = []

    def factory(**options: Any) -> Client:
        settings = {"timeout": 2.0, "retries": 2, "backoff": 0.05, **options}
        client = Client(cache_dir=tmp_path / f"cache{len(made)}", **settings)
        sleep = client._transport.sleep

        def recorded(seconds: float) -> None:
            waits.append(seconds)
            sleep(seconds)

        client._transport.sleep = recorded
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


def _one_line(error: pytest.ExceptionInfo[RegistryError], host: str) -> str:
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(f"{host}: ")
    assert error.value.exit_code == 2
    return message


def _random_layer(size: int, seed: int) -> bytes:
    """A gzip layer of one file of `size` incompressible bytes (the blob is about as large)."""
    data = hashlib.shake_256(seed.to_bytes(4, "big")).digest(size)
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("data.bin")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return gzip.compress(out.getvalue(), 1, mtime=0)


@pytest.fixture(scope="session")
def big_image(registry: RunningRegistry) -> str:
    """`big:1`, a one-layer image whose layer blob is about 4.6 MB, as in the issue."""
    layer = _random_layer(4_600_000, 1)
    diff_id = "sha256:" + hashlib.sha256(gzip.decompress(layer)).hexdigest()
    config = {"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers"}}
    config["rootfs"]["diff_ids"] = [diff_id]  # type: ignore[index]
    upload_image(registry.url, "big", "1", [(layer, GZIP_LAYER)], config=config)
    return "big:1"


def _first_layer(
    client: Client, sample_images: SampleImages, proxy: FaultProxy
) -> tuple[ImageRef, Descriptor]:
    ref = sample_images.ref("app:oci", proxy.host)
    return ref, client.image(ref).layers[0]


def _read_layer(client: Client, ref_text: str) -> tuple[Image, bytes]:
    ref = parse_reference(ref_text)
    image = client.image(ref)
    with client.open_blob(ref, image.layers[0]) as stream:
        data = stream.read()
    return image, data


# --- retries, resumed where the registry allows --------------------------------------------------


def test_5xx_then_success_is_retried(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: MakeClient
) -> None:
    fault_proxy.faults.append(Fault("status", path="/manifests/", times=2, status=503))
    client = make_client()
    image = client.image(sample_images.ref("app:oci", fault_proxy.host))
    assert image.digest == sample_images.digests["app:oci"]
    sent = fault_proxy.sent("/manifests/")
    assert [(e.method, e.fault) for e in sent] == [
        ("HEAD", "status"),
        ("HEAD", "status"),
        ("HEAD", ""),
        ("GET", ""),
    ]
    assert client.requests_made == 5  # and the config


def test_5xx_forever_gives_up_after_the_attempts(
    fault_proxy: FaultProxy,
    sample_images: SampleImages,
    make_client: MakeClient,
    waits: list[float],
) -> None:
    fault_proxy.faults.append(Fault("status", times=99, status=500))
    digest = sample_images.digests["app:oci"]
    with pytest.raises(RegistryError) as caught:
        make_client().image(sample_images.ref(f"app@{digest}", fault_proxy.host))
    assert _one_line(caught, fault_proxy.host) == (
        f"{fault_proxy.host}: manifest app@{digest}: HTTP 500 UNAVAILABLE (injected) "
        "(after 3 attempts)"
    )
    assert fault_proxy.requests_to("/manifests/") == 3
    assert waits == [0.05, 0.1]  # exponential backoff between them


@pytest.mark.parametrize(
    ("retry_after", "options", "wait"),
    [("1", {}, 1.0), ("3600", {"max_retry_after": 0.2, "timeout": 5}, 0.2)],
    ids=["honoured", "capped"],
)
def test_429_retry_after(
    fault_proxy: FaultProxy,
    sample_images: SampleImages,
    make_client: MakeClient,
    waits: list[float],
    retry_after: str,
    options: dict[str, float],
    wait: float,
) -> None:
    fault_proxy.faults.append(Fault("status", status=429, headers={"Retry-After": retry_after}))
    image = make_client(**options).image(sample_images.ref("app:oci", fault_proxy.host))
    assert image.digest == sample_images.digests["app:oci"]
    assert waits[0] == wait  # (a dropped kept-alive socket may add a short backoff after it)
    assert [e.fault for e in fault_proxy.sent("/v2/app/manifests/")][:2] == ["status", ""]


@pytest.mark.parametrize(
    ("fault", "notes"),
    [
        (Fault("status", status=429, headers={"Retry-After": "6"}), ["HTTP 429; retrying in 6s"]),
        (Fault("status", status=503), []),  # a backoff of 0.05 s is not worth a line
    ],
    ids=["long-wait", "short-wait"],
)
def test_a_long_wait_before_a_retry_is_announced(
    fault_proxy: FaultProxy,
    sample_images: SampleImages,
    make_client: MakeClient,
    fault: Fault,
    notes: list[str],
) -> None:
    fault_proxy.faults.append(fault)
    client = make_client(timeout=5)
    waits: list[float] = []
    client._transport.sleep = waits.append  # the wait is asked for, not waited out
    told: list[str] = []
    client.on_retry(told.append)
    client.image(sample_images.ref("app:oci", fault_proxy.host))
    # The fault's retry waited what it was asked (a loaded machine can add a second, short
    # backoff when a kept-alive socket drops: what matters is which waits are announced).
    assert waits and (waits[0] == 6 if notes else waits[0] < 1)
    assert told == [f"{fault_proxy.host}: manifest app:oci: {note}" for note in notes]


def test_429_retry_after_beyond_the_time_limit_gives_up_at_once(
    fault_proxy: FaultProxy,
    sample_images: SampleImages,
    make_client: MakeClient,
    waits: list[float],
) -> None:
    fault_proxy.faults.append(Fault("status", status=429, headers={"Retry-After": "100"}, times=99))
    with pytest.raises(RegistryError) as caught:
        make_client(timeout=0.5, max_retry_after=30).image(
            sample_images.ref("app:oci", fault_proxy.host)
        )
    message = _one_line(caught, fault_proxy.host)
    assert re.fullmatch(
        rf"{fault_proxy.host}: manifest app:oci: HTTP 429; the registry "
        r"asks to wait 100s, more than the [\d.]+s left of the time limit",
        message,
    )
    assert waits == []
    assert fault_proxy.requests_to("/manifests/") == 1


def test_connection_reset_before_the_headers_is_retried(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: MakeClient
) -> None:
    fault_proxy.faults.append(Fault("reset", path="/blobs/"))
    image = make_client().image(sample_images.ref("app:oci", fault_proxy.host))
    assert image.config["rootfs"]["type"] == "layers"
    assert [e.fault for e in fault_proxy.sent("/blobs/")] == ["reset", ""]


def test_connection_reset_forever(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: MakeClient
) -> None:
    fault_proxy.faults.append(Fault("reset", times=99))
    with pytest.raises(RegistryError) as caught:
        make_client().image(sample_images.ref("app:oci", fault_proxy.host))
    message = _one_line(caught, fault_proxy.host)
    assert message.endswith("(after 3 attempts)")
    assert "connection reset" in message or "closed without a response" in message
    assert fault_proxy.requests_to("/manifests/") == 3


def test_reset_in_the_middle_of_a_layer_resumes_with_range(
    fault_proxy: FaultProxy, big_image: str, make_client: MakeClient
) -> None:
    client = make_client()
    ref = f"{fault_proxy.host}/{big_image}"
    layer = client.image(parse_reference(ref)).layers[0]
    fault_proxy.faults.append(Fault("reset", path=layer.digest, after=786432))
    _, data = _read_layer(client, ref)
    assert f"sha256:{hashlib.sha256(data).hexdigest()}" == layer.digest
    first, second = fault_proxy.sent(layer.digest)
    assert (first.range, first.fault, second.fault) == (None, "reset", "")
    assert second.range is not None
    offset = int(re.fullmatch(r"bytes=(\d+)-", second.range).group(1))  # type: ignore[union-attr]
    assert 0 < offset <= 786432  # what had arrived before the reset, not the whole blob again


@pytest.mark.parametrize(
    ("faults", "log"),
    [
        ([Fault("truncate", after=2097152)], [(None, "truncate"), ("bytes=2097152-", "")]),
        # A registry without Range answers 200 with the whole blob: read again, skipping.
        (
            [Fault("truncate", after=1000000), Fault("norange")],
            [(None, "truncate"), ("bytes=1000000-", "norange")],
        ),
    ],
    ids=["resumed", "restarted"],
)
def test_layer_cut_short_is_read_on(
    fault_proxy: FaultProxy,
    big_image: str,
    make_client: MakeClient,
    faults: list[Fault],
    log: list[tuple[str | None, str]],
) -> None:
    client = make_client()
    ref = f"{fault_proxy.host}/{big_image}"
    layer = client.image(parse_reference(ref)).layers[0]
    for fault in faults:
        fault.path = layer.digest
        fault_proxy.faults.append(fault)
    _, data = _read_layer(client, ref)
    assert f"sha256:{hashlib.sha256(data).hexdigest()}" == layer.digest
    assert [(e.range, e.fault) for e in fault_proxy.sent(layer.digest)] == log


def test_config_cut_short_is_retried(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: MakeClient
) -> None:
    client = make_client()
    ref = sample_images.ref("app:oci", fault_proxy.host)
    config = client.image(ref).config_descriptor
    fault_proxy.reset(fault_proxy.upstream)
    fault_proxy.faults.append(Fault("truncate", path=config.digest))
    image = make_client().image(ref)
    assert image.config_descriptor == config
    assert [(e.range, e.fault) for e in fault_proxy.sent(config.digest)] == [
        (None, "truncate"),
        (f"bytes={config.size // 2}-", ""),
    ]


def test_truncated_manifest_is_retried(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: MakeClient
) -> None:
    fault_proxy.faults.append(Fault("truncate", path="/manifests/sha256", method="GET"))
    image = make_client().image(sample_images.ref("app:oci", fault_proxy.host))
    assert image.digest == sample_images.digests["app:oci"]
    assert [e.fault for e in fault_proxy.sent("/manifests/sha256")] == ["truncate", ""]


def test_blob_cut_short_every_time_gives_up(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: MakeClient
) -> None:
    client = make_client()
    ref, layer = _first_layer(client, sample_images, fault_proxy)
    fault_proxy.faults.append(Fault("truncate", path=layer.digest, times=99))
    with pytest.raises(RegistryError) as caught, client.open_blob(ref, layer) as stream:
        while stream.read(65536):
            pass
    message = _one_line(caught, fault_proxy.host)
    assert message.startswith(f"{fault_proxy.host}: blob {layer.digest}: response cut short")
    assert message.endswith(f"of {layer.size} bytes (after 3 attempts)")
    assert fault_proxy.requests_to(layer.digest) == 3


# --- time limits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "delay"),
    # "slow": nothing for 1.5 s. "dribble": a byte every 0.05 s, which never trips the read
    # timeout, while the whole answer would take about 15 s; the request budget stops both.
    [("slow", 1.5), ("dribble", 0.05)],
)
def test_a_slow_response_is_stopped_by_the_request_budget(
    fault_proxy: FaultProxy,
    sample_images: SampleImages,
    make_client: MakeClient,
    kind: str,
    delay: float,
) -> None:
    fault_proxy.faults.append(Fault(kind, delay=delay, times=99))
    with pytest.raises(RegistryError) as caught:
        make_client(timeout=0.3, retries=1).image(sample_images.ref("app:oci", fault_proxy.host))
    assert _one_line(caught, fault_proxy.host) == (
        f"{fault_proxy.host}: manifest app:oci: no complete response within 0.3s (after 2 attempts)"
    )
    assert [e.fault for e in fault_proxy.sent("/manifests/")] == [kind, kind]


def test_slow_once_is_retried(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: MakeClient
) -> None:
    fault_proxy.faults.append(Fault("slow", delay=1.0, path="/manifests/sha256"))
    image = make_client(timeout=0.3).image(sample_images.ref("app:oci", fault_proxy.host))
    assert image.digest == sample_images.digests["app:oci"]
    assert [e.fault for e in fault_proxy.sent("/manifests/sha256")] == ["slow", ""]


def test_a_layer_dribbling_in_is_stopped_by_the_lowest_speed(
    fault_proxy: FaultProxy, big_image: str, make_client: MakeClient
) -> None:
    client = make_client(timeout=0.5, retries=1)
    ref = f"{fault_proxy.host}/{big_image}"
    layer = client.image(parse_reference(ref)).layers[0]
    fault_proxy.faults.append(Fault("dribble", path=layer.digest, delay=0.01, times=99))
    with pytest.raises(RegistryError) as caught:
        _read_layer(client, ref)
    assert _one_line(caught, fault_proxy.host) == (
        f"{fault_proxy.host}: blob {layer.digest}: slower than 1 KiB/s for 0.5s (after 2 attempts)"
    )
    assert fault_proxy.requests_to(layer.digest) == 2


def test_the_cli_gives_one_line_for_a_dribbling_registry(
    fault_proxy: FaultProxy, sample_images: SampleImages, capsys: pytest.CaptureFixture[str]
) -> None:
    fault_proxy.faults.append(Fault("dribble", delay=0.05, times=99))
    ref = f"{fault_proxy.host}/app:oci"
    assert main(["inspect", "--timeout", "0.3", ref]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    # 4 attempts of 0.3 s were allowed; with the backoff between them only 2 fit.
    assert err == (
        f"layerguard: {fault_proxy.host}: manifest app:oci: no complete response within 0.3s "
        "(time limit reached after 2 attempts)\n"
    )
    assert fault_proxy.requests_to("/manifests/") == 2


# --- content that is not what it claims ----------------------------------------------------------


@pytest.mark.parametrize("target", ["manifest", "config", "layer"])
def test_content_not_matching_its_digest_is_refused(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: MakeClient, target: str
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
    assert client.cache.get(digest) is None  # nothing wrong was cached


def test_oversized_manifest_is_refused(fault_proxy: FaultProxy, make_client: MakeClient) -> None:
    body = json.dumps({"schemaVersion": 2, "padding": "x" * MAX_MANIFEST_BYTES}).encode()
    fault_proxy.faults.append(Fault("serve", path="/manifests/", body=body, times=99))
    with pytest.raises(RegistryError) as caught:
        make_client().image(parse_reference(f"{fault_proxy.host}/huge:1"))
    assert _one_line(caught, fault_proxy.host).endswith(
        f"manifest huge@{_blob(body)[1]['digest']}: response larger than {MAX_MANIFEST_BYTES} bytes"
    )
    assert fault_proxy.requests_to("/manifests/sha256:") == 1  # not retried: it would not shrink


def test_blob_longer_than_its_descriptor_is_refused(
    fault_proxy: FaultProxy, sample_images: SampleImages, make_client: MakeClient
) -> None:
    client = make_client()
    ref, layer = _first_layer(client, sample_images, fault_proxy)
    fault_proxy.faults.append(
        Fault("serve", path=layer.digest, body=b"x" * (layer.size + 10), times=99)
    )
    with pytest.raises(RegistryError) as caught, client.open_blob(ref, layer) as stream:
        stream.read()
    assert _one_line(caught, fault_proxy.host) == (
        f"{fault_proxy.host}: blob {layer.digest}: the registry sends {layer.size + 10} bytes, "
        f"the manifest says {layer.size}"
    )


def test_redirect_to_another_host_drops_credentials(
    fault_proxy: FaultProxy,
    basic_registry: RunningRegistry,
    sample_images: SampleImages,
    make_client: MakeClient,
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
    assert any(e.had_auth for e in fault_proxy.sent("/blobs/"))


# --- hostile manifests, indexes and configs ------------------------------------------------------


def _blob(value: Any) -> tuple[bytes, dict[str, Any]]:
    data = value if isinstance(value, bytes) else json.dumps(value).encode()
    return data, {"digest": f"sha256:{hashlib.sha256(data).hexdigest()}", "size": len(data)}


def _serve(proxy: FaultProxy, repository: str, top: bytes, media_type: str, **blobs: bytes) -> str:
    """Answer for `repository` with `top` as its manifest and `blobs` by digest; its ref."""
    for data in blobs.values():
        _, descriptor = _blob(data)
        proxy.faults.append(Fault("serve", path=descriptor["digest"], body=data, times=99))
    proxy.faults.append(
        Fault(
            "serve",
            path=f"/v2/{repository}/manifests/",
            body=top,
            headers={"Content-Type": media_type},
            times=99,
        )
    )
    return f"{proxy.host}/{repository}:1"


def _image_manifest(config: bytes) -> bytes:
    _, descriptor = _blob(config)
    return json.dumps(
        {
            "schemaVersion": 2,
            "mediaType": OCI_MANIFEST,
            "config": {"mediaType": OCI_CONFIG, **descriptor},
            "layers": [],
        }
    ).encode()


GOOD_CONFIG = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {}}).encode()
DEEP = b'{"a":' * 100_000 + b"1" + b"}" * 100_000  # deeper than json itself goes
NESTED = b'{"a":' * 100 + b"1" + b"}" * 100  # within json's reach, past the client's limit


def _index(**entry: Any) -> bytes:
    _, descriptor = _blob(_image_manifest(GOOD_CONFIG))
    item = {"mediaType": OCI_MANIFEST, **descriptor, **entry}
    return json.dumps({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": [item]}).encode()


HOSTILE = {
    "deep manifest": (DEEP, "JSON nested deeper than 64 levels; refused"),
    "nested manifest": (NESTED, "JSON nested deeper than 64 levels; refused"),
    "platform a string": (
        _index(platform="linux/amd64"),
        "field manifests[0].platform: expected an object, got a string",
    ),
    "annotations a string": (
        _index(platform={"os": "linux", "architecture": "amd64"}, annotations="x"),
        "field manifests[0].annotations: expected an object, got a string",
    ),
    "layer size a string": (
        json.dumps(
            {
                "schemaVersion": 2,
                "config": {"mediaType": OCI_CONFIG, **_blob(GOOD_CONFIG)[1]},
                "layers": [{"mediaType": GZIP_LAYER, "digest": "sha256:" + "0" * 64, "size": "1"}],
            }
        ).encode(),
        "field layers[0].size: expected a whole number of bytes, got a string",
    ),
}
HOSTILE_CONFIGS = {
    "config a string": (
        json.dumps({"os": "linux", "architecture": "amd64", "config": "x"}).encode(),
        "field config: expected an object, got a string",
    ),
    "labels a list": (
        json.dumps({"os": "linux", "config": {"Labels": ["a"]}}).encode(),
        "field config.Labels: expected an object, got a list",
    ),
    "history of strings": (
        json.dumps({"os": "linux", "history": ["RUN x"]}).encode(),
        "field history[0]: expected an object, got a string",
    ),
    "deep config": (NESTED, "JSON nested deeper than 64 levels; refused"),
}


def _hostile_ref(proxy: FaultProxy, case: str) -> tuple[str, str]:
    if case in HOSTILE:
        top, problem = HOSTILE[case]
        media_type = OCI_INDEX if b"manifests" in top else OCI_MANIFEST
        return _serve(proxy, "hostile", top, media_type), problem
    config, problem = HOSTILE_CONFIGS[case]
    return _serve(proxy, "hostile", _image_manifest(config), OCI_MANIFEST, config=config), problem


@pytest.mark.parametrize("case", [*HOSTILE, *HOSTILE_CONFIGS])
def test_hostile_json_is_one_line_naming_the_ref_and_field(
    fault_proxy: FaultProxy, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ref, problem = _hostile_ref(fault_proxy, case)
    assert main(["inspect", ref]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"layerguard: {fault_proxy.host}: {ref}: ")
    assert err.endswith(f": {problem}\n")


@pytest.mark.parametrize("case", ["platform a string", "config a string", "deep manifest"])
def test_hostile_json_under_optional_registry_is_a_notice(
    fault_proxy: FaultProxy, case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref, problem = _hostile_ref(fault_proxy, case)
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(f"FROM {ref}\nRUN rm -rf /usr/share/doc\n")
    assert main(["check", "--registry=optional", "--format", "json", str(dockerfile)]) == 1
    out, err = capsys.readouterr()
    assert [v["rule"] for v in json.loads(out)["violations"]] == ["LG003"]
    assert err.startswith(f"layerguard: not measured: {fault_proxy.host}: {ref}: ")
    assert err.endswith(f": {problem}\n") and err.count("\n") == 1


def test_optional_registry_answering_500_is_a_notice_not_a_missing_image(
    fault_proxy: FaultProxy,
    sample_images: SampleImages,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fault_proxy.faults.append(Fault("status", status=500, times=999))
    built = f"{fault_proxy.host}/app:oci"
    (tmp_path / "Dockerfile").write_text(f"FROM {fault_proxy.host}/appplain:1\nCOPY x /x\n")
    (tmp_path / "x").write_text("x")
    (tmp_path / ".layerguard.yaml").write_text(
        f"budgets:\n  max-wasted-bytes: 1MB\nimages:\n  Dockerfile: {built}\n"
    )
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        code = main(["check", "--registry=optional", "--timeout", "0.5", "Dockerfile"])
    finally:
        os.chdir(cwd)
    out, err = capsys.readouterr()
    assert code == 0, out
    notices = err.splitlines()
    assert notices and all(line.startswith("layerguard: not measured: ") for line in notices)
    assert any("app:oci" in line and "HTTP 500" in line for line in notices)
    assert "is not in the registry" not in err
