"""`layerguard check --registry` against the seed images in a real registry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import requests

ACCEPT = "application/vnd.oci.image.manifest.v1+json"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "layerguard", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(cwd / ".cache")},
        timeout=300,
        check=False,
    )


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (root / name).write_bytes(content)
        else:
            (root / name).write_text(content)


def layer_sizes(ref: str) -> list[int]:
    host, rest = ref.split("/", 1)
    repo, tag = rest.rsplit(":", 1)
    response = requests.get(
        f"http://{host}/v2/{repo}/manifests/{tag}", headers={"Accept": ACCEPT}, timeout=30
    )
    return [layer["size"] for layer in response.json()["layers"]]


def found(result: subprocess.CompletedProcess[str], rule: str) -> list[dict[str, Any]]:
    assert result.returncode in (0, 1), result.stderr
    return [v for v in json.loads(result.stdout)["violations"] if v["rule"] == rule]


def test_chain_through_the_registry(seeds: Any, tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/app.py": "print(1)\n",
            "Dockerfile": f"FROM {seeds.chained[3]}\nCOPY src .\n",
        },
    )
    image = seeds.chained[3].replace("0.0.4", "0.0.5")
    result = run(tmp_path, "check", "--registry", "--image", image, "--format", "json")
    (lg001,) = found(result, "LG001")
    measured = lg001["measured"]
    assert [ref.rsplit(":", 1)[1] for ref in measured["chain"]] == [
        "0.0.4",
        "0.0.3",
        "0.0.2",
        "0.0.1",
    ]
    sizes = layer_sizes(seeds.chained[3])
    assert measured["inherited_layers"] == 4 == len(sizes) - len(layer_sizes(seeds.base))
    assert measured["inherited_bytes"] == sum(sizes[1:])
    assert lg001["severity"] == "error" and lg001["line"] == 1


def test_delete_and_copy_measured(seeds: Any, tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "rm/Dockerfile": f"FROM {seeds.chained[2]}\nRUN rm -rf /packages\n",
            "cp/src/test.txt": "new",
            "cp/Dockerfile": f"FROM {seeds.chained[1]}\nCOPY src .\n",
        },
    )
    result = run(
        tmp_path, "check", "--registry", "--format", "json", "rm/Dockerfile", "cp/Dockerfile"
    )
    (lg003,) = found(result, "LG003")
    assert lg003["measured"] == {"paths": 3, "bytes": seeds.packages_size}
    assert lg003["severity"] == "warning"
    (lg002,) = found(result, "LG002")
    assert lg002["measured"] == {"paths": 1, "bytes": seeds.test_sizes[1]}
    assert lg002["severity"] == "info"  # 600 kB: under the 1MB min-bytes


def test_budgets_on_built_images(seeds: Any, tmp_path: Path) -> None:
    chained_v4, based_v4 = seeds.chained[3], seeds.based[3]
    write(
        tmp_path,
        {
            "chained/Dockerfile.v4": f"FROM {seeds.chained[2]}\nRUN rm -rf test.txt\n",
            "based/Dockerfile.v4": f"FROM {seeds.base}\nCOPY src .\n",
            "based/src/x": "x",
            ".layerguard.yaml": (
                "budgets:\n  max-wasted-bytes: 1MB\n  max-update-download: 1kB\n"
                f"images:\n  chained/Dockerfile.v4: {chained_v4}\n"
                f"  based/Dockerfile.v4: {based_v4}\n"
            ),
        },
    )
    result = run(tmp_path, "check", "--registry", "--format", "json")
    lg102 = found(result, "LG102")
    assert [(v["file"], v["measured"]["wasted_bytes"]) for v in lg102] == [
        ("chained/Dockerfile.v4", sum(seeds.test_sizes))
    ]
    lg103 = found(result, "LG103")
    assert [v["file"] for v in lg103] == ["based/Dockerfile.v4"]
    assert lg103[0]["measured"]["previous"].endswith("svc:0.0.3")
    assert result.returncode == 1


def test_unreachable_registry(tmp_path: Path) -> None:
    write(tmp_path, {"Dockerfile": "FROM 127.0.0.1:9/app:1\nRUN rm -rf /usr/share/doc\n"})
    hard = run(tmp_path, "check", "--registry", "--timeout", "2")
    assert hard.returncode == 2
    assert hard.stderr.count("\n") == 1 and "127.0.0.1:9" in hard.stderr
    soft = run(tmp_path, "check", "--registry=optional", "--timeout", "2", "--format", "json")
    assert soft.returncode == 1
    assert [v["rule"] for v in json.loads(soft.stdout)["violations"]] == ["LG003"]
    assert "not measured" in soft.stderr and "127.0.0.1:9" in soft.stderr


def test_images_command_shows_where_mappings_come_from(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".layerguard.yaml": "images:\n  Dockerfile: team/app:1\n",
            "compose.yaml": "services:\n  web:\n    build: web\n    image: team/web:2\n",
            "docker-bake.hcl": 'target "api" {\n  context = "api"\n  tags = ["team/api:3"]\n}\n',
            ".github/workflows/ci.yml": (
                "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n"
                "        with:\n          file: tool/Dockerfile\n          tags: team/tool:4\n"
            ),
        },
    )
    result = run(tmp_path, "images")
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows == [
        ["DOCKERFILE", "IMAGE", "SOURCE"],
        ["Dockerfile", "team/app:1", ".layerguard.yaml:2"],
        ["web/Dockerfile", "team/web:2", "compose.yaml:2"],
        ["api/Dockerfile", "team/api:3", "docker-bake.hcl:1"],
        ["tool/Dockerfile", "team/tool:4", ".github/workflows/ci.yml:4"],
    ]
