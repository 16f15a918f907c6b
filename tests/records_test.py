"""layerguard's NamedTuple behaves as typing's for the records the package declares."""

from __future__ import annotations

import copy
import pickle
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

    LIMIT = 10

    @property
    def far(self) -> bool:
        return abs(self.x) > self.LIMIT


class Twin(typing.NamedTuple):
    """A point."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


class One(NamedTuple):
    only: str


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
    assert Point(11).far and not Point(1).far
    assert Point(y=2, x=1) == (1, 2, ())
    assert Point._make([1, 2, ("a",)]) == Point(1, 2, ("a",))
    assert Point(1)._asdict() == Twin(1)._asdict() == {"x": 1, "y": 0, "tags": ()}
    assert Point.__match_args__ == ("x", "y", "tags")
    assert One("a") == ("a",) and One(only="b").only == "b"
    assert Point.__slots__ == ()


@pytest.mark.parametrize("value", [Point(1, 2, ("a",)), One("a")])
def test_copies_and_pickles_to_equal_records(value: tuple[object, ...]) -> None:
    for again in (copy.copy(value), copy.deepcopy(value), pickle.loads(pickle.dumps(value))):
        assert again == value and type(again) is type(value)


def test_wrong_arguments_fail_as_for_typing() -> None:
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, (), 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point._make([1])
    with pytest.raises(ValueError, match="unexpected field names: \\['z'\\]"):
        Point(1)._replace(z=2)  # type: ignore[call-arg]


def test_field_without_default_after_defaults_is_refused() -> None:
    with pytest.raises(TypeError, match="field y without a default"):

        class Bad(NamedTuple):
            x: int = 0
            y: int  # type: ignore[misc]
