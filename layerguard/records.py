"""`NamedTuple` for the modules a `check` imports, without importing typing.

pre-commit starts a fresh `layerguard check` on every commit. typing.NamedTuple costs such a run
about 5 ms to import typing and as much again to check every field annotation of every record;
the same class comes straight from collections.namedtuple. mypy and ruff read the TYPE_CHECKING
branch (mypy treats any name `TYPE_CHECKING` as true), so records keep their field types, and
modules import `TYPE_CHECKING` from here to keep typing-only imports out of a run.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # As typing.NamedTuple: `class Point(NamedTuple): x: int; y: int = 0` with methods and
    # docstring kept, field types left as the (postponed) annotation strings.
    _KEPT = frozenset({"__module__", "__qualname__", "__annotations__", "__doc__"})

    class _RecordType(type):
        def __new__(cls, name, bases, namespace):
            if not bases:
                return super().__new__(cls, name, bases, namespace)
            annotations = namespace.get("__annotations__", {})
            defaults = []
            for field in annotations:
                if field in namespace:
                    defaults.append(namespace[field])
                elif defaults:
                    raise TypeError(f"{name}: field {field} without a default follows defaults")
            record = namedtuple(
                name, annotations, defaults=defaults, module=namespace["__module__"]
            )
            record.__annotations__ = annotations
            record.__qualname__ = namespace.get("__qualname__", name)
            if namespace.get("__doc__"):
                record.__doc__ = namespace["__doc__"]
            for key, value in namespace.items():
                if key not in _KEPT and key not in annotations:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_RecordType):
        pass
