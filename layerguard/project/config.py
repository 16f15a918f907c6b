"""`.layerguard.yaml`: found from the current directory upwards, validated loudly.

Every unknown key and bad value is a ConfigError naming the file, line and key; nothing falls back
to a default silently (a CI guard that quietly ignores its policy is worse than none).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from types import MappingProxyType

from layerguard import rules as rule_table
from layerguard.dockerfile import pragmas
from layerguard.errors import ConfigError
from layerguard.findings import Severity
from layerguard.records import TYPE_CHECKING, NamedTuple
from layerguard.reference import ImageRef, parse_reference

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

CONFIG_NAMES = (".layerguard.yaml", ".layerguard.yml")
# Where users already declare which image a Dockerfile builds (read by project/sources.py), named
# here so that `check` imports sources only when one of them exists.
COMPOSE_FILES = ("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml")
BAKE_FILES = ("docker-bake.hcl", "docker-bake.json", "docker-bake.override.hcl")
MAKEFILES = ("Makefile", "makefile", "GNUmakefile")
DECLARING_FILES = (*COMPOSE_FILES, *BAKE_FILES, *MAKEFILES, ".github/workflows")
FAIL_ON = ("error", "warning", "info", "never")
REGISTRY_MODES = ("on", "off", "optional")
# budget -> the rule whose option it sets
BUDGETS = {
    "max-compressed-size": "LG101",
    "max-wasted-bytes": "LG102",
    "max-wasted-percent": "LG102",
    "max-update-download": "LG103",
    "max-layers": "LG104",
}


_EMPTY: Mapping[Any, Any] = MappingProxyType({})


class RuleSetting(NamedTuple):
    enabled: bool
    severity: Severity
    options: Mapping[str, Any]


class Config(NamedTuple):
    """The validated file; `path` is None when no file was found."""

    path: Path | None = None
    images: Mapping[Path, ImageRef] = _EMPTY
    contexts: Mapping[Path, Path] = _EMPTY
    build_args: Mapping[str, str] = _EMPTY
    target: str | None = None
    fail_on: str | None = None
    rules: Mapping[str, RuleSetting] = _EMPTY
    exclude: tuple[str, ...] = ()
    registry: str | None = None
    platform: str | None = None
    previous: Mapping[str, ImageRef] = _EMPTY
    image_lines: Mapping[Path, int] = _EMPTY

    @property
    def root(self) -> str:
        """Where paths in the config are relative to: its directory, else the current one."""
        return (os.path.dirname(self.path) or ".") if self.path else os.getcwd()


def find(start: str) -> str | None:
    """The config in `start` or its parents, stopping at the repository root."""
    directory = os.path.realpath(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(directory)
        if os.path.exists(os.path.join(directory, ".git")) or parent == directory:
            return None
        directory = parent


def load_config(given: str | None) -> Config:
    """The config named on the command line, or the one found upwards, or the defaults."""
    if given and not os.path.isfile(given):
        raise ConfigError(f"{given}: config file not found")
    found = given or find(os.getcwd())
    if not found:
        return Config(rules=default_rules())
    from pathlib import Path  # with a config to read, YAML costs far more than pathlib

    return load(Path(found))


def default_rules() -> dict[str, RuleSetting]:
    rules = {
        rule.CODE: RuleSetting(
            True,
            rule_table.severity_of(rule),
            MappingProxyType({k: o.default for k, o in rule_table.options_of(rule).items()}),
        )
        for rule in rule_table.RULES
    }
    # The engine's finding for a pragma naming no rule: configured like a rule without options.
    rules[pragmas.UNKNOWN_CODE] = RuleSetting(True, Severity.WARNING, MappingProxyType({}))
    return rules


def _lookup(name: str) -> Any:
    """A rule module by code or name, or the pragma finding's stand-in (code, no options)."""
    if name.upper() == pragmas.UNKNOWN_CODE or name.lower() == pragmas.UNKNOWN_NAME:
        from types import SimpleNamespace

        return SimpleNamespace(CODE=pragmas.UNKNOWN_CODE, OPTIONS={})
    return rule_table.lookup(name)


class Node:
    """A YAML value with the line it starts on, so errors can point at it."""

    def __init__(self, value: Any, line: int, key_lines: dict[str, int] | None = None) -> None:
        self.value = value
        self.line = line
        self.key_lines = key_lines or {}


def read_yaml(path: Path, what: str = "config") -> Node | None:
    """Parse a YAML file into Nodes (None when empty); ConfigError names file and line."""
    import yaml  # only when a YAML file is read: keeps `layerguard check` start-up fast

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read {what}: {exc}") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{where}: invalid YAML: {problem}") from None
    return None if root is None else _convert(root, path, yaml)


def load(path: Path) -> Config:
    """Read and validate `path`; raise ConfigError on any problem."""
    tree = read_yaml(path)
    if tree is None:
        return Config(path=path, rules=MappingProxyType(default_rules()))
    return _validate(tree, path)


def _convert(node: Any, path: Path, yaml: Any, within: frozenset[int] = frozenset()) -> Node:
    line = node.start_mark.line + 1
    if id(node) in within:  # an alias inside its own anchor: `a: &x [*x]`
        raise ConfigError(f"{path}:{line}: a YAML alias refers to itself")
    within = within | {id(node)}
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ConfigError(f"{path}:{key_node.start_mark.line + 1}: keys must be plain text")
            key = key_node.value
            if str(key) in out:
                raise ConfigError(f"{path}:{key_node.start_mark.line + 1}: duplicate key {key!r}")
            out[str(key)] = _convert(value_node, path, yaml, within)
            key_lines[str(key)] = key_node.start_mark.line + 1
        return Node(out, line, key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, path, yaml, within) for item in node.value], line)
    try:
        return Node(yaml.SafeLoader("").construct_object(node), line)
    except (yaml.YAMLError, ValueError):
        # A tag of another tool (compose's `!reset`, `!override`), or a value its type cannot
        # hold (a date of year 0, `0000-00-00`): keep the text as written.
        return Node(node.value, line)


def _fail(path: Path, node: Node, key: str, problem: str) -> ConfigError:
    return ConfigError(f"invalid config {path}:{node.line}: {key}: {problem}")


def _mapping(path: Path, node: Node, key: str) -> dict[str, Node]:
    if node.value is None:  # `key:` with every entry commented out
        return {}
    if not isinstance(node.value, dict):
        raise _fail(path, node, key, "expected a mapping")
    return node.value


def _string(path: Path, node: Node, key: str) -> str:
    if not isinstance(node.value, (str, int, float)) or isinstance(node.value, bool):
        raise _fail(path, node, key, "expected a string")
    return str(node.value)


def _validate(tree: Node, path: Path) -> Config:
    top = _mapping(path, tree, "config")
    base = path.parent
    images: dict[Path, ImageRef] = {}
    image_lines: dict[Path, int] = {}
    contexts: dict[Path, Path] = {}
    build_args: dict[str, str] = {}
    target = None
    fail_on = None
    exclude: list[str] = []
    registry = None
    platform = None
    budgets: dict[str, Any] = {}
    previous: dict[str, ImageRef] = {}
    rules = default_rules()
    for key, node in top.items():
        if key == "images":
            for file, ref in _mapping(path, node, key).items():
                image_lines[(base / file).resolve()] = node.key_lines.get(file, node.line)
                try:
                    images[(base / file).resolve()] = parse_reference(_string(path, ref, key))
                except ValueError as exc:
                    raise _fail(path, ref, f"images.{file}", str(exc)) from None
        elif key == "contexts":
            for file, directory in _mapping(path, node, key).items():
                contexts[(base / file).resolve()] = (
                    base / _string(path, directory, f"contexts.{file}")
                ).resolve()
        elif key == "build-args":
            for name, value in _mapping(path, node, key).items():
                build_args[name] = _string(path, value, f"build-args.{name}")
        elif key == "target":
            target = _string(path, node, key)
        elif key == "fail-on":
            fail_on = _string(path, node, key)
            if fail_on not in FAIL_ON:
                raise _fail(path, node, key, f"expected one of {', '.join(FAIL_ON)}")
        elif key == "exclude":
            if not isinstance(node.value, list):
                raise _fail(path, node, key, "expected a list of path patterns")
            exclude.extend(_string(path, item, key) for item in node.value)
        elif key == "registry":
            mode = node.value
            if isinstance(mode, bool):
                mode = "on" if mode else "off"
            if not isinstance(mode, str) or mode not in REGISTRY_MODES:
                raise _fail(path, node, key, "expected true, false or optional")
            registry = mode
        elif key == "platform":
            platform = _string(path, node, key)
            if not re.fullmatch(r"[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?", platform):
                raise _fail(path, node, key, "expected os/arch[/variant] like linux/amd64")
        elif key == "budgets":
            for name, item in _mapping(path, node, key).items():
                budgets[name] = _budget(path, item, f"budgets.{name}", name)
        elif key == "previous":
            for image, ref in _mapping(path, node, key).items():
                try:
                    previous[str(parse_reference(image))] = parse_reference(
                        _string(path, ref, f"previous.{image}")
                    )
                except ValueError as exc:
                    raise _fail(path, ref, f"previous.{image}", str(exc)) from None
        elif key == "rules":
            for name, setting in _mapping(path, node, key).items():
                rule = _lookup(name)
                if rule is None:
                    raise _fail(path, setting, f"rules.{name}", "no such rule")
                rules[rule.CODE] = _rule_setting(path, setting, f"rules.{name}", rule, rules)
        else:
            raise _fail(path, node, key, "unknown key")
    for name, value in budgets.items():
        code = BUDGETS[name]
        current = rules[code]
        rules[code] = RuleSetting(
            current.enabled, current.severity, MappingProxyType({**current.options, name: value})
        )
    return Config(
        path,
        MappingProxyType(images),
        MappingProxyType(contexts),
        MappingProxyType(build_args),
        target,
        fail_on,
        MappingProxyType(rules),
        tuple(exclude),
        registry,
        platform,
        MappingProxyType(previous),
        MappingProxyType(image_lines),
    )


def _rule_setting(
    path: Path, node: Node, key: str, rule: Any, current: Mapping[str, RuleSetting]
) -> RuleSetting:
    default = current[rule.CODE]
    value = node.value
    if value is False or value == "off" or value == "disable":
        return RuleSetting(False, default.severity, default.options)
    if value is True or value == "on" or value == "enable":
        return RuleSetting(True, default.severity, default.options)
    if isinstance(value, str):
        return RuleSetting(True, _severity(path, node, key, value), default.options)
    settings = _mapping(path, node, key)
    severity = default.severity
    enabled = True
    options = dict(default.options)
    declared = rule_table.options_of(rule)
    for name, item in settings.items():
        if name == "severity":
            if not isinstance(item.value, str):  # `severity: off` reads as false in YAML
                raise _fail(
                    path,
                    item,
                    f"{key}.severity",
                    "expected error, warning or info "
                    "(turn a rule off with `enabled: false` or `RULE: off`)",
                )
            severity = _severity(path, item, f"{key}.severity", item.value)
        elif name == "enabled":
            if not isinstance(item.value, bool):
                raise _fail(path, item, f"{key}.enabled", "expected true or false")
            enabled = item.value
        elif name in declared:
            try:
                options[name] = declared[name].parse(item.value)
            except ValueError as exc:
                raise _fail(path, item, f"{key}.{name}", str(exc)) from None
        else:
            known = ", ".join(["severity", "enabled", *declared]) or "none"
            raise _fail(path, item, f"{key}.{name}", f"unknown option (known: {known})")
    return RuleSetting(enabled, severity, MappingProxyType(options))


def _budget(path: Path, node: Node, key: str, name: str) -> Any:
    code = BUDGETS.get(name)
    if code is None:
        raise _fail(path, node, key, f"unknown budget (known: {', '.join(BUDGETS)})")
    option = rule_table.options_of(rule_table.by_code()[code])[name]
    try:
        return option.parse(node.value)
    except ValueError as exc:
        raise _fail(path, node, key, str(exc)) from None


def _severity(path: Path, node: Node, key: str, text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as exc:
        raise _fail(path, node, key, f"{exc} (or off)") from None
