"""The package's rooms and floors (CONTRIBUTING.md, "Where things are"): an import may go down the
floors or stay in its room, never up, and no chain of imports comes back to where it started."""

from __future__ import annotations

import ast
from pathlib import Path

import layerguard

PACKAGE = Path(layerguard.__file__).parent

# Lowest first. Ground-floor modules are the shared vocabulary every room may use.
FLOORS = [
    {"layerguard", "records", "errors", "units", "reference", "files", "findings", "hashing"},
    {"registry"},
    {"dockerfile"},
    {"rules"},
    {"image"},
    {"project"},
    {"linter"},
    {"formatters"},
    {"commands"},
    {"__main__"},
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str) -> set[str]:
    """Every layerguard module `path` imports, lazily or not, type-only imports included."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if m.split(".")[0] == "layerguard"}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {
        name: {m for m in _imports(path, name) if m in paths and m != name}
        for name, path in paths.items()
    }


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _floor(module: str) -> int:
    room = _room(module)
    for level, rooms in enumerate(FLOORS):
        if room in rooms:
            return level
    raise AssertionError(f"{module}: room {room!r} is on no floor; add it to FLOORS")


def test_at_most_ten_modules_on_the_ground_floor() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 10, top


def test_imports_never_go_up_a_floor() -> None:
    graph = _graph()
    # 60 modules and 199 imports today: an empty graph would pass the checks below vacuously
    assert len(graph) > 40 and sum(len(targets) for targets in graph.values()) > 100
    upward = [
        f"{module} imports {target}"
        for module, targets in graph.items()
        for target in targets
        if _room(module) != _room(target) and _floor(target) > _floor(module)
    ]
    assert upward == []


def test_no_import_cycle_between_modules() -> None:
    edges = _graph()
    cycles = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_checker_sees_a_planted_upward_import(tmp_path: Path) -> None:
    planted = tmp_path / "layerguard" / "dockerfile" / "x.py"
    planted.parent.mkdir(parents=True)
    planted.write_text("from layerguard.commands.cli import main\nfrom . import parser\n")
    found = _imports(planted, "layerguard.dockerfile.x")
    assert "layerguard.commands.cli" in found and "layerguard.dockerfile.parser" in found
    assert _floor("layerguard.commands.cli") > _floor("layerguard.dockerfile.x")
