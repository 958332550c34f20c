"""Small value classes made without the cost of a dataclass.

A dataclass writes the source of its methods and compiles it as its module is
imported: about 0.3 ms a class, 0.6 ms a frozen one, and a check imports over
forty of them, so they were a sixth of what invitecheck's own start-up cost.
The classes that were frozen dataclasses and are not copied with
``dataclasses.replace`` are written as plain classes instead: their fields in
``__slots__``, their own ``__init__``, and from :class:`Fields` the ``==``, hash
and repr the dataclass gave them, worked out from ``__slots__``. Unlike a frozen
dataclass, a field can be set after ``__init__``; nothing in invitecheck does.
"""

from __future__ import annotations


class Fields:
    """Equal when of the same class with equal fields, hashed by the fields, shown as Name(field=value, …)."""

    __slots__ = ()

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self.__slots__])

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__qualname__}({shown})"
