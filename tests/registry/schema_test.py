"""Whatever JSON a registry serves as an index, a manifest or a config, the client gives a usable
image or one RegistryError line, and nothing downstream (history, labels, reports) trips on it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from recorded import recorded_session

from layerguard.image.measure import base_image, compare, history
from layerguard.image.report import inspect_record, inspect_text
from layerguard.reference import parse_reference
from layerguard.registry import Client, RegistryError
from layerguard.registry.model import OCI_INDEX, OCI_MANIFEST

BASE = "http://localhost:5000/v2/app"
LAYER_DIGEST = "sha256:" + "1" * 64

CONFIG: dict[str, Any] = {
    "architecture": "amd64",
    "os": "linux",
    "config": {"Labels": {"org.opencontainers.image.base.name": "busybox"}, "Env": ["A=1"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + "2" * 64]},
    "history": [{"created_by": "/bin/sh -c echo", "created": "2024-01-01T00:00:00Z"}],
}


def _digest(data: bytes) -> str:
    return f"sha256:{hashlib.sha256(data).hexdigest()}"


def _manifest(config: bytes) -> dict[str, Any]:
    return {
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": {
            "mediaType": "application/vnd.oci.image.config.v1+json",
            "digest": _digest(config),
            "size": len(config),
        },
        "layers": [
            {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": LAYER_DIGEST}
            | {"size": 10, "annotations": {"a": "b"}}
        ],
        "annotations": {"org.opencontainers.image.base.digest": "sha256:" + "3" * 64},
    }


def _index(manifest: bytes) -> dict[str, Any]:
    entry = {"mediaType": OCI_MANIFEST, "digest": _digest(manifest), "size": len(manifest)}
    return {
        "schemaVersion": 2,
        "mediaType": OCI_INDEX,
        "manifests": [{**entry, "platform": {"os": "linux", "architecture": "amd64"}}],
    }


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out += _paths(child, (*prefix, i))
    return out


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[path[0]] = _replace(document[path[0]], path[1:], value)  # type: ignore[index]
    return copy


@st.composite
def _mutated(draw: st.DrawFn, document: Any) -> Any:
    path = draw(st.sampled_from(_paths(document)))
    return _replace(document, path, draw(JSON))


# tmp_path is shared by the examples: each one takes a fresh cache directory inside it.
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(which=st.sampled_from(["index", "manifest", "config"]), data=st.data())
def test_any_json_is_an_image_or_one_line(which: str, data: st.DataObject, tmp_path: Path) -> None:
    config: Any = CONFIG
    if which == "config":
        config = data.draw(_mutated(CONFIG))
    config_bytes = json.dumps(config).encode()
    manifest: Any = _manifest(config_bytes)
    if which == "manifest":
        manifest = data.draw(_mutated(manifest))
    manifest_bytes = json.dumps(manifest).encode()
    index: Any = _index(manifest_bytes)
    if which == "index":
        index = data.draw(_mutated(index))
    index_bytes = json.dumps(index).encode()

    session, adapter = recorded_session()
    top = _digest(index_bytes)
    adapter.add("HEAD", f"{BASE}/manifests/1", headers={"Docker-Content-Digest": top})
    adapter.add("GET", f"{BASE}/manifests/{top}", body=index_bytes)
    adapter.add("GET", f"{BASE}/manifests/{_digest(manifest_bytes)}", body=manifest_bytes)
    adapter.add("GET", f"{BASE}/blobs/{_digest(config_bytes)}", body=config_bytes)
    cache = tmp_path / data.draw(st.uuids()).hex
    with Client(cache_dir=cache, session=session, retries=0) as client:
        try:
            image = client.image(parse_reference("localhost:5000/app:1"))
        except RegistryError as exc:
            assert "\n" not in str(exc)
            return
        except AssertionError as exc:  # a request the recorded registry cannot answer
            assert "unexpected request" in str(exc)
            return
    steps = history(image)
    assert len([s for s in steps if s.layer is not None]) == len(image.layers)
    base_image(image)
    (row,) = compare([image])
    inspect_text(image, row, None)
    json.dumps(inspect_record(image, row, None))


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (
            {"schemaVersion": "2", "layers": []},
            "field schemaVersion: expected a number, got a string",
        ),
        ({"schemaVersion": 2, "layers": []}, "field config: expected an object, got null"),
        (
            {"schemaVersion": 2, "config": _manifest(b"{}")["config"], "layers": {}},
            "field layers: expected a list, got an object",
        ),
        (
            {
                "schemaVersion": 2,
                "config": _manifest(b"{}")["config"] | {"digest": "md5:abc"},
                "layers": [],
            },
            "field config.digest: expected a sha256 or sha512 digest, got a string",
        ),
        (
            # (a key with a newline or a dot is quoted: the message stays one line, unambiguous)
            {
                "schemaVersion": 2,
                "config": _manifest(b"{}")["config"] | {"annotations": {"a\nb.c": 1}},
                "layers": [],
            },
            'field config.annotations."a\\nb.c": expected a string, got a number',
        ),
    ],
)
def test_manifest_fields_named(document: dict[str, Any], problem: str, tmp_path: Path) -> None:
    session, adapter = recorded_session()
    body = json.dumps(document).encode()
    adapter.add("HEAD", f"{BASE}/manifests/1", headers={"Docker-Content-Digest": _digest(body)})
    adapter.add("GET", f"{BASE}/manifests/{_digest(body)}", body=body)
    with (
        Client(cache_dir=tmp_path, session=session, retries=0) as client,
        pytest.raises(RegistryError) as caught,
    ):
        client.image(parse_reference("localhost:5000/app:1"))
    assert str(caught.value) == (
        f"localhost:5000: localhost:5000/app:1: manifest {_digest(body)}: {problem}"
    )
