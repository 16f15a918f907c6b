from __future__ import annotations

import pytest

from layerguard.findings import Finding, Severity
from layerguard.linter import Report

CHAIN = Finding(
    "Dockerfile",
    1,
    1,
    1,
    "LG001",
    "self-chained-base",
    Severity.ERROR,
    "image is built on app:0.0.2 <- app:0.0.1, every layer ships again",
    "Build every version FROM a base image.",
    {"chain": ["app:0.0.2", "app:0.0.1"], "inherited_layers": 3, "inherited_bytes": 123456789},
)
DELETE = Finding(
    "Dockerfile",
    3,
    4,
    1,
    "LG003",
    "delete-in-later-layer",
    Severity.WARNING,
    "removes /usr/share/doc: 100% still ships",
    "Remove the files in the RUN that creates them.",
)
CACHE = Finding(
    "sub/api.Dockerfile",
    2,
    2,
    5,
    "LG005",
    "package-cache-kept",
    Severity.INFO,
    'leaves "apt" lists | <kept>',
    "Clean the cache in the same RUN.",
)


@pytest.fixture
def report() -> Report:
    """Three findings (error, warning, info) in two files, with the characters formats escape."""
    return Report(2, (CHAIN, DELETE, CACHE))


@pytest.fixture
def clean() -> Report:
    return Report(1, ())
