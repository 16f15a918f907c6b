from __future__ import annotations

from pathlib import Path

import pytest

from layerguard.errors import ConfigError
from layerguard.project.sources import discover


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def table(root: Path) -> list[tuple[str, str, str, int]]:
    return [
        (str(s.dockerfile.relative_to(root)), s.image.familiar, s.origin.name, s.line)
        for s in discover(root)
        if s.image is not None
    ]


def test_compose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAG", "1.4")
    write(
        tmp_path,
        {
            "compose.yaml": (
                "services:\n"
                "  web:\n    build: ./web\n    image: team/web:${TAG}\n"
                "  api:\n    build:\n      context: api\n      dockerfile: api.Dockerfile\n"
                "    image: registry.example.com/team/api:2\n"
                "  db:\n    image: postgres:16\n"
                "  worker:\n    build: .\n"
            )
        },
    )
    assert table(tmp_path) == [
        ("web/Dockerfile", "team/web:1.4", "compose.yaml", 2),
        ("api/api.Dockerfile", "registry.example.com/team/api:2", "compose.yaml", 5),
    ]


def test_bake_hcl_with_variables_and_inheritance(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "docker-bake.hcl": (
                '# bake\nvariable "TAG" {\n  default = "0.0.3"\n}\n'
                'group "default" { targets = ["app"] }\n'
                'target "common" {\n  context = "."\n}\n'
                'target "app" {\n  inherits = ["common"]\n  dockerfile = "docker/app.Dockerfile"\n'
                '  tags = ["team/app:${TAG}", "team/app:latest"]\n'
                '  args = { A = "1" }\n  platforms = ["linux/amd64", "linux/arm64"]\n}\n'
                'target "skip" {\n  tags = [notequal("", TAG) ? "x" : "y"]\n}\n'
            )
        },
    )
    assert table(tmp_path) == [("docker/app.Dockerfile", "team/app:0.0.3", "docker-bake.hcl", 9)]


def test_bake_json(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"docker-bake.json": ('{"target": {"app": {"context": "svc", "tags": ["team/svc:1"]}}}')},
    )
    assert table(tmp_path) == [("svc/Dockerfile", "team/svc:1", "docker-bake.json", 1)]


def test_workflow_action_and_run_lines(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".github/workflows/ci.yml": (
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                "      - uses: actions/checkout@v4\n"
                "      - uses: docker/build-push-action@v6\n        with:\n          context: .\n"
                "          file: docker/Dockerfile.prod\n          tags: |\n"
                "            ghcr.io/org/app:${{ github.sha }}\n            ghcr.io/org/app:edge\n"
                "      - run: |\n          echo building\n"
                "          docker build -t team/tool:2 -f tools/Dockerfile tools\n"
            )
        },
    )
    assert table(tmp_path) == [
        ("docker/Dockerfile.prod", "ghcr.io/org/app:edge", "ci.yml", 7),
        ("tools/Dockerfile", "team/tool:2", "ci.yml", 15),
    ]


def test_makefile(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "Makefile": (
                "IMAGE ?= team/app\n\nbuild:\n"
                "\t@docker build --pull -t team/app:1 -f Dockerfile.v1 .\n"
                "\tdocker build -t $(IMAGE):2 .\n"
            )
        },
    )
    assert table(tmp_path) == [("Dockerfile.v1", "team/app:1", "Makefile", 4)]


def test_broken_compose_is_a_one_line_error(tmp_path: Path) -> None:
    write(tmp_path, {"compose.yaml": "services: [\n"})
    with pytest.raises(ConfigError, match=r"compose\.yaml:2"):
        discover(tmp_path)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("compose.yaml", "services:\n  a:\n    build: {dockerfile: 5}\n    image: t/a:1\n"),
        ("compose.yaml", "services:\n  a:\n    build: {context: [x]}\n    image: t/a:1\n"),
        ("compose.yaml", "services:\n  a:\n    build: .\n    command: !reset null\n"),
        # (a date no Python date holds, in a workflow the discovery reads)
        (".github/workflows/w.yml", "on:\n  schedule:\n    - since: 0000-00-00\njobs: {}\n"),
        (
            ".github/workflows/w.yml",
            "jobs:\n  j:\n    steps:\n      - uses: docker/build-push-action@v6\n        with: x\n",
        ),
        ("docker-bake.json", '{"variable": {"A": "x"}, "target": {"a": "x", "b": {"tags": 3}}}'),
    ],
)
def test_odd_shapes_are_skipped_not_crashed(tmp_path: Path, name: str, text: str) -> None:
    write(tmp_path, {name: text})
    assert table(tmp_path) == []


def test_bake_that_is_not_an_object(tmp_path: Path) -> None:
    write(tmp_path, {"docker-bake.json": "[1]"})
    with pytest.raises(ConfigError, match=r"docker-bake\.json"):
        discover(tmp_path)


def test_a_build_without_an_image_name_keeps_its_context(tmp_path: Path) -> None:
    """A compose service without `image:`, `docker build -f` without `-t` and
    build-push-action without `tags:` name no image, but their context is still the one the
    build reads (red team 3)."""
    write(
        tmp_path,
        {
            "compose.yaml": "services:\n  backend:\n    build:\n      context: .\n"
            "      dockerfile: backend/Dockerfile\n",
            "Makefile": "build:\n\tdocker build -f tools/Dockerfile tools/ctx\n",
            ".github/workflows/ci.yml": "jobs:\n  b:\n    steps:\n"
            "      - uses: docker/build-push-action@v6\n"
            "        with:\n          context: web\n          file: web/app.Dockerfile\n",
        },
    )
    found = {str(s.dockerfile.relative_to(tmp_path)): s for s in discover(tmp_path)}
    assert {k: (s.image, s.context) for k, s in found.items()} == {
        "backend/Dockerfile": (None, tmp_path),
        "tools/Dockerfile": (None, tmp_path / "tools" / "ctx"),
        "web/app.Dockerfile": (None, tmp_path / "web"),
    }
