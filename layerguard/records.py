"""`NamedTuple` for the modules a `check` imports, without importing typing.

pre-commit starts a fresh `layerguard check` on every commit, and class creation is a large part
of its start-up: typing.NamedTuple imports typing (about 5 ms) and checks every field annotation,
and collections.namedtuple compiles a `__new__` from source for every class (about 0.1 ms each,
over 30 classes). Here each record gets the same class (a tuple subclass with the same fields,
`_make`, `_replace`, `_asdict`, repr and pickling), with `__new__` compiled once per number of
fields and renamed. mypy and ruff read the TYPE_CHECKING branch (mypy treats any name
`TYPE_CHECKING` as true), so records keep their field types; modules import `TYPE_CHECKING`
from here to keep typing-only imports out of a run.
"""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import _tuplegetter  # the C field getter namedtuple uses

    _tuple_new = tuple.__new__
    _NEW_CODE = {}  # number of fields -> code of `__new__(_cls, _0, _1, ...)`

    def _new(fields, defaults):
        code = _NEW_CODE.get(len(fields))
        if code is None:
            args = "".join(f"_{i}, " for i in range(len(fields)))
            namespace = {}
            exec(f"def __new__(_cls, {args}): return _tuple_new(_cls, ({args}))", {}, namespace)
            code = _NEW_CODE[len(fields)] = namespace["__new__"].__code__
        code = code.replace(co_varnames=("_cls", *fields))
        return type(_new)(code, {"_tuple_new": _tuple_new}, "__new__", defaults or None)

    @classmethod
    def _make(cls, iterable):
        result = _tuple_new(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
        return result

    def _replace(self, /, **changes):
        result = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return result

    def _asdict(self):
        return dict(zip(self._fields, self, strict=True))

    def __repr__(self):
        shown = ", ".join(
            f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True)
        )
        return f"{type(self).__name__}({shown})"

    def __getnewargs__(self):
        return tuple(self)

    class _RecordType(type):
        def __new__(cls, name, bases, namespace):
            if not bases:
                return super().__new__(cls, name, bases, namespace)
            fields = tuple(namespace.get("__annotations__", {}))
            defaults = []
            for field in fields:
                if field in namespace:
                    defaults.append(namespace[field])
                elif defaults:
                    raise TypeError(f"{name}: field {field} without a default follows defaults")
            members = {
                "__slots__": (),
                "__new__": _new(fields, tuple(defaults)),
                "_fields": fields,
                "_field_defaults": dict(
                    zip(fields[len(fields) - len(defaults) :], defaults, strict=True)
                ),
                "__match_args__": fields,
                "_make": _make,
                "_replace": _replace,
                "_asdict": _asdict,
                "__repr__": __repr__,
                "__getnewargs__": __getnewargs__,
            }
            members.update((k, v) for k, v in namespace.items() if k not in fields)
            for i, field in enumerate(fields):
                members[field] = _tuplegetter(i, f"Alias for field number {i}")
            return type(name, (tuple,), members)

    class NamedTuple(metaclass=_RecordType):
        pass
