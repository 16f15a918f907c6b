"""The explicit table of rules, in code order. A new rule is one module and one line here."""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType

from layerguard.findings import Severity
from layerguard.rules import (
    archive_extracted_later,
    copy_over_inherited,
    delete_in_later_layer,
    image_over_size_budget,
    ownership_copy_up,
    package_cache_kept,
    self_chained_base,
    too_many_layers,
    update_download_over_budget,
    wasted_bytes_over_budget,
)
from layerguard.rules.base import Option

RULES: tuple[ModuleType, ...] = (
    self_chained_base,
    copy_over_inherited,
    delete_in_later_layer,
    ownership_copy_up,
    package_cache_kept,
    archive_extracted_later,
    image_over_size_budget,
    wasted_bytes_over_budget,
    update_download_over_budget,
    too_many_layers,
)

# LG000 is not a rule module: the engine reports files the parser rejects.
PARSE_ERROR_CODE = "LG000"
PARSE_ERROR_NAME = "parse-error"
PARSE_ERROR_HELP = "Fix the Dockerfile so that `docker build` (BuildKit) accepts it."


def by_code() -> dict[str, ModuleType]:
    return {rule.CODE: rule for rule in RULES}


def lookup(key: str) -> ModuleType | None:
    """A rule by code (`LG003`, any case) or name (`delete-in-later-layer`)."""
    for rule in RULES:
        if key.upper() == rule.CODE or key.lower() == rule.NAME:
            return rule
    return None


def options_of(rule: ModuleType) -> Mapping[str, Option]:
    options: Mapping[str, Option] = rule.OPTIONS
    return options


def severity_of(rule: ModuleType) -> Severity:
    severity: Severity = rule.SEVERITY
    return severity
