from __future__ import annotations

from pathlib import Path

import pytest

from layerguard.errors import ConfigError
from layerguard.findings import Severity
from layerguard.project.config import find, load


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".layerguard.yaml"
    path.write_text(text)
    return path


def test_full_config(tmp_path: Path) -> None:
    cfg = load(write(tmp_path, (
        "images:\n  Dockerfile.v2: registry.example.com/team/app:0.0.2\n"
        "contexts:\n  docker/Dockerfile: .\n"
        "build-args: {VERSION: 1.2}\n"
        "target: runtime\nfail-on: error\nexclude: ['vendor/*']\n"
        "rules:\n  LG005: {severity: info}\n  ownership-copy-up: off\n"
        "  LG001: {max-chain-depth: 2}\n  LG003: error\n"
    )))  # fmt: skip
    assert str(cfg.images[(tmp_path / "Dockerfile.v2").resolve()]) == (
        "registry.example.com/team/app:0.0.2"
    )
    assert cfg.contexts[(tmp_path / "docker/Dockerfile").resolve()] == tmp_path.resolve()
    assert cfg.build_args == {"VERSION": "1.2"}
    assert (cfg.target, cfg.fail_on, cfg.exclude) == ("runtime", "error", ("vendor/*",))
    assert cfg.rules["LG005"].severity is Severity.INFO
    assert not cfg.rules["LG004"].enabled
    assert cfg.rules["LG001"].options["max-chain-depth"] == 2
    assert cfg.rules["LG003"].severity is Severity.ERROR


def test_registry_settings(tmp_path: Path) -> None:
    cfg = load(write(tmp_path, (
        "registry: optional\nplatform: linux/arm64/v8\n"
        "budgets:\n  max-compressed-size: 500MB\n  max-wasted-bytes: 20MiB\n"
        "  max-wasted-percent: 10\n  max-update-download: 50MB\n  max-layers: 40\n"
        "previous:\n  team/app:0.0.4: team/app:0.0.2\n"
    )))  # fmt: skip
    assert (cfg.registry, cfg.platform) == ("optional", "linux/arm64/v8")
    budgets = {
        name: value
        for s in cfg.rules.values()
        for name, value in s.options.items()
        if name.startswith("max-") and name != "max-chain-depth"
    }
    assert budgets == {
        "max-compressed-size": 500_000_000, "max-wasted-bytes": 20 * 1024**2,
        "max-wasted-percent": 10, "max-update-download": 50_000_000, "max-layers": 40,
    }  # fmt: skip
    assert str(cfg.previous["docker.io/team/app:0.0.4"]) == "docker.io/team/app:0.0.2"
    assert load(write(tmp_path, "registry: true\n")).registry == "on"


def test_empty_file_is_defaults(tmp_path: Path) -> None:
    assert load(write(tmp_path, "")).rules["LG003"].severity is Severity.WARNING


@pytest.mark.parametrize(
    ("text", "where", "names"),
    [
        ("colour: red\n", ":1", "colour: unknown key"),
        ("fail-on: sometimes\n", ":1", "fail-on"),
        ("images: [a]\n", ":1", "images: expected a mapping"),
        ("images:\n  Dockerfile: 'Not A Ref::'\n", ":2", "images.Dockerfile"),
        ("rules:\n  LG999: off\n", ":2", "rules.LG999: no such rule"),
        ("rules:\n  LG003: loud\n", ":2", "rules.LG003"),
        ("rules:\n  LG001: {max-chain-depth: -1}\n", ":2", "rules.LG001.max-chain-depth"),
        ("rules:\n  LG001: {max-chain-depth: two}\n", ":2", "rules.LG001.max-chain-depth"),
        ("rules:\n  LG001: {depth: 1}\n", ":2", "rules.LG001.depth: unknown option"),
        ("rules:\n  LG002: {enabled: maybe}\n", ":2", "rules.LG002.enabled"),
        ("rules:\n  LG002: {severity: off}\n", ":2", "rules.LG002.severity: expected error"),
        ("exclude: vendor\n", ":1", "exclude"),
        ("target: [a]\n", ":1", "target: expected a string"),
        ("rules: {\n", ":2", "invalid YAML"),
        ("fail-on: error\nfail-on: info\n", ":2", "duplicate key"),
        ("- a\n- b\n", ":1", "config: expected a mapping"),
        ("registry: sometimes\n", ":1", "registry: expected true, false or optional"),
        ("registry: [a]\n", ":1", "registry: expected true, false or optional"),
        ("exclude: &x [*x]\n", ":1", "refers to itself"),
        ("platform: amd64\n", ":1", "platform: expected os/arch"),
        ("budgets:\n  max-size: 1MB\n", ":2", "budgets.max-size: unknown budget"),
        ("budgets:\n  max-wasted-bytes: 20 parsecs\n", ":2", "budgets.max-wasted-bytes"),
        ("budgets:\n  max-wasted-percent: 150\n", ":2", "budgets.max-wasted-percent"),
        ("budgets:\n  max-layers: 4.5\n", ":2", "budgets.max-layers: expected a whole"),
        ("budgets:\n  max-layers: many\n", ":2", "budgets.max-layers"),
        ("previous:\n  app:2: 'not a ref::'\n", ":2", "previous.app:2"),
    ],
)
def test_invalid_config_names_key_and_line(
    tmp_path: Path, text: str, where: str, names: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load(path)
    message = str(err.value)
    assert f"{path}{where}" in message and names in message
    assert "\n" not in message


def test_unreadable_config(tmp_path: Path) -> None:
    path = tmp_path / ".layerguard.yaml"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ConfigError, match="cannot read"):
        load(path)


def test_find_stops_at_repository_root(tmp_path: Path) -> None:
    write(tmp_path, "")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    assert find(str(repo / "sub")) is None
    write(repo, "")
    assert find(str(repo / "sub")) == str((repo / ".layerguard.yaml").resolve())
