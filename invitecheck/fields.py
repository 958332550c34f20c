"""Small value classes made without the cost of a dataclass.

A dataclass writes the source of its methods and compiles it as its module is
imported: about 0.3 ms a class, 0.6 ms a frozen one, and a check imports over
forty of them, so they were a sixth of what invitecheck's own start-up cost.
The classes that were frozen dataclasses and are not copied with
``dataclasses.replace`` are written as plain classes instead: their fields in
``__slots__``, their own ``__init__``, and from :class:`Fields` the ``==``, hash
and repr the dataclass gave them, worked out from ``__slots__``. Unlike a frozen
dataclass, a field can be set after ``__init__``; nothing in invitecheck does.
The frozen ones that are copied (the rule, the configuration) are Fields too, copied
with :func:`replace`; a few that change as they are used are :class:`Record`, with a
``__dict__`` and no hash, as a plain dataclass has.
"""

from __future__ import annotations


class Fields:
    """Equal when of the same class with equal fields, hashed by the fields, shown as Name(field=value, …)."""

    __slots__ = ()
    _hidden: tuple[str, ...] = ()  # fields left out of the repr (a dataclass's repr=False)

    def _names(self) -> tuple[str, ...]:
        return self.__slots__

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self._names()])

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names() if name not in self._hidden)
        return f"{type(self).__qualname__}({shown})"


class Record(Fields):
    """A value that may change, as a plain (not frozen) dataclass is: equal when of the same class
    with equal fields (named in ``_fields``), never hashed, shown as Name(field=value, …). It has no
    ``__slots__`` of its own, so its attributes live in a __dict__ and code may set others, as with a
    dataclass."""

    _fields: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # as a dataclass with == and no frozen

    def _names(self) -> tuple[str, ...]:
        return self._fields


def replace(value, **changes):
    """A copy of a Fields or Record value with some fields changed, as dataclasses.replace makes one."""
    names = value._names()
    unknown = set(changes).difference(names)
    if unknown:
        raise TypeError(f"{type(value).__qualname__} has no field {sorted(unknown)[0]!r}")
    return type(value)(**{name: changes[name] if name in changes else getattr(value, name) for name in names})
