"""Byte sizes as people write them: `500MB`, `1.5 GiB`, `20kB`, `1048576`."""

from __future__ import annotations

import re

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgtp]?i?b?)\s*", re.IGNORECASE)
_FACTORS = {
    "": 1, "b": 1,
    "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3, "gb": 1000**3,
    "t": 1000**4, "tb": 1000**4, "p": 1000**5, "pb": 1000**5,
    "ki": 1024, "kib": 1024, "mi": 1024**2, "mib": 1024**2, "gi": 1024**3, "gib": 1024**3,
    "ti": 1024**4, "tib": 1024**4, "pi": 1024**5, "pib": 1024**5,
}  # fmt: skip


def parse_size(value: object) -> int:
    """Bytes from an int or a string with an SI (kB, MB) or IEC (KiB, MiB) unit."""
    if isinstance(value, bool):
        raise ValueError("expected a size like 50MB")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("expected a size >= 0")
        return value
    if isinstance(value, str):
        match = _SIZE.fullmatch(value)
        if match:
            factor = _FACTORS.get(match.group(2).lower())
            if factor is not None:
                return int(float(match.group(1)) * factor)
    raise ValueError(f"expected a size like 50MB or 20MiB, got {value!r}")
