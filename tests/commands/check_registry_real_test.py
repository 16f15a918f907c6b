"""`layerguard check --registry --image REF` as a user runs it, on images buildah built and a real
registry serves; every measured figure is checked against tests/rawregistry.py, which reads the
registry's raw answers and walks the layer tars itself.

Measured LG004 (the base's bytes a chown copies up), LG101 (the built image's compressed size) and
LG104 (its layer count), each just over and just at its threshold.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import rawregistry
import requests
from rawregistry import Release

BIN = Path(sys.executable).parent


def check(cwd: Path, config: str, *args: str) -> tuple[int, dict[str, dict[str, Any]], str]:
    """The console script with --format json: (exit code, findings by rule, stderr)."""
    (cwd / ".layerguard.yaml").write_text(config)
    result = subprocess.run(
        [str(BIN / "layerguard"), "check", "--registry", "--format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(cwd), "XDG_CACHE_HOME": str(cwd / ".cache")},
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    violations = json.loads(result.stdout)["violations"]
    by_rule = {v["rule"]: v for v in violations}
    assert len(by_rule) == len(violations), violations
    return result.returncode, by_rule, result.stderr


def test_measured_copy_up_size_and_layers(release: Release, tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(release.dockerfile)
    copied = rawregistry.under(rawregistry.visible_files(release.base), "/srv/app")
    assert sorted(copied) == ["/srv/app/data/blob.bin", "/srv/app/lib.bin"]  # old.bin whited out
    sizes = rawregistry.layer_sizes(release.app)
    compressed = sum(sizes)
    assert len(sizes) == 4 and compressed > 2 * sum(copied.values())  # the chown copied them up

    over = f"budgets:\n  max-compressed-size: {compressed - 1}\n  max-layers: {len(sizes) - 1}\n"
    code, found, stderr = check(tmp_path, over, "--image", release.app)
    assert (code, stderr) == (1, "")
    assert sorted(found) == ["LG004", "LG101", "LG104"]
    lg004 = found["LG004"]
    # Measured in the built image's top layer, the chown's (sizes as the base held them).
    top = len(sizes) - 1
    assert lg004["measured"] == {"paths": len(copied), "bytes": sum(copied.values()), "layer": top}
    assert (lg004["line"], lg004["severity"]) == (2, "warning")  # 1.2 MB: over min-bytes
    assert "the base image" in lg004["message"] and "2 files" in lg004["message"]
    lg101 = found["LG101"]
    assert lg101["measured"] == {"compressed_size": compressed, "budget": compressed - 1}
    assert (lg101["line"], lg101["severity"]) == (1, "error")
    assert lg101["message"].startswith(f"{release.app} is ")
    assert "; 1.2MB chown -R 1000:1000 /srv/app; " in lg101["message"]  # among the largest
    assert found["LG104"]["measured"] == {"layer_count": len(sizes), "budget": len(sizes) - 1}

    at = (
        f"budgets:\n  max-compressed-size: {compressed}\n  max-layers: {len(sizes)}\n"
        f"rules:\n  LG004:\n    min-bytes: {sum(copied.values()) + 1}\n"
    )
    code, found, stderr = check(tmp_path, at, "--image", release.app)
    assert (code, sorted(found), stderr) == (0, ["LG004"], "")
    assert found["LG004"]["severity"] == "info"  # one byte under min-bytes
    assert found["LG004"]["measured"] == {
        "paths": len(copied),
        "bytes": sum(copied.values()),
        "layer": len(sizes) - 1,
    }


def test_budgets_follow_the_images_mapping_without_image_flag(
    release: Release, tmp_path: Path
) -> None:
    """The mapping in .layerguard.yaml names the built image, as CI configures it once."""
    (tmp_path / "docker" / "Dockerfile").parent.mkdir()
    (tmp_path / "docker" / "Dockerfile").write_text(release.dockerfile)
    sizes = rawregistry.layer_sizes(release.app)
    config = f"images:\n  docker/Dockerfile: {release.app}\nbudgets:\n  max-layers: 1\n"
    code, found, _ = check(tmp_path, config)
    assert code == 1
    assert found["LG104"]["measured"] == {"layer_count": len(sizes), "budget": 1}
    assert found["LG104"]["file"] == "docker/Dockerfile"


class ShortBlobs:
    """In front of a registry: the `layers` blobs come back cut to half their length, without a
    Content-Length (HTTP/1.0, the body ends when the connection closes), so only counting the
    bytes read against the manifest's size can tell."""

    def __init__(self, upstream: str, layers: set[str]) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k: v for k, v in self.headers.items() if k.lower() == "accept"}
                answer = requests.request(
                    self.command, f"http://{upstream}{self.path}", headers=headers, timeout=30
                )
                body = answer.content
                short = self.path.rsplit("/", 1)[-1] in layers
                self.send_response(answer.status_code)
                for key in ("Content-Type", "Docker-Content-Digest", "Content-Length"):
                    if key in answer.headers and not (short and key == "Content-Length"):
                        self.send_header(key, answer.headers[key])
                self.end_headers()
                body = body[: len(body) // 2] if short else body
                if self.command == "GET":
                    self.wfile.write(body)

            do_HEAD = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_layer_cut_short_is_refused(release: Release, registry: Any, tmp_path: Path) -> None:
    layers = {layer["digest"] for layer in rawregistry.manifest(release.base)["layers"]}
    proxy = ShortBlobs(registry.host, layers)
    try:
        (tmp_path / "Dockerfile").write_text(release.dockerfile.replace(registry.host, proxy.host))
        result = subprocess.run(
            [str(BIN / "layerguard"), "check", "--registry", "Dockerfile"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "c")},
            timeout=300,
            check=False,
        )
    finally:
        proxy.close()
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"layerguard: {proxy.host}: ")
    # Every retry (resumed with Range) is cut short too: refused after the attempts run out.
    assert re.search(
        r": response cut short after (\d+) of (\d+) bytes \(after \d+ attempts\)$", line
    ), line
    shown, declared = map(int, re.findall(r"(\d+) of (\d+)", line)[0])
    assert declared in rawregistry.layer_sizes(release.base) and shown == declared // 2
