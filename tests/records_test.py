"""layerguard's NamedTuple behaves as typing's for the records the package declares."""

from __future__ import annotations

import typing

import pytest

from layerguard.records import NamedTuple


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)


class Twin(typing.NamedTuple):
    """A point."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


def test_fields_defaults_and_methods_as_typing_makes_them() -> None:
    assert Point._fields == Twin._fields == ("x", "y", "tags")
    assert Point._field_defaults == Twin._field_defaults == {"y": 0, "tags": ()}
    assert Point(1) == (1, 0, ()) == Twin(1)
    assert Point(1, 2).moved(3) == Point(4, 2)
    assert repr(Point(1)) == "Point(x=1, y=0, tags=())"
    assert Point.__doc__ == "A point."
    assert Point.__module__ == __name__
    assert typing.get_type_hints(Point) == typing.get_type_hints(Twin)
    assert hash(Point(1)) == hash((1, 0, ()))
    with pytest.raises(AttributeError):
        Point(1).x = 2  # type: ignore[misc]


def test_field_without_default_after_defaults_is_refused() -> None:
    with pytest.raises(TypeError, match="field y without a default"):

        class Bad(NamedTuple):
            x: int = 0
            y: int  # type: ignore[misc]
