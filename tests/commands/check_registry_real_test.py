"""`layerguard check --registry --image REF` as a user runs it, on images buildah built and a real
registry serves; every measured figure is checked against tests/rawregistry.py, which reads the
registry's raw answers and walks the layer tars itself.

Measured LG004 (the base's bytes a chown copies up), LG101 (the built image's compressed size) and
LG104 (its layer count), each just over and just at its threshold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import rawregistry
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
        env={"PATH": str(BIN), "HOME": str(cwd), "XDG_CACHE_HOME": str(cwd / ".cache")},
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
    assert lg004["measured"] == {"paths": len(copied), "bytes": sum(copied.values())}
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
    assert found["LG004"]["measured"] == {"paths": len(copied), "bytes": sum(copied.values())}


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
