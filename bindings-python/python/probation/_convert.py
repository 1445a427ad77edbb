"""The strict converter from core's serialised results to the generated classes of ``_types``, and the base of
their enums. Hand-written: it is Python's own machinery and names no core type."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar, Union

from ._probation import InternalError


class _Enum(enum.Enum):
    """An enum whose repr is ``Class.MEMBER``."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


T = TypeVar("T")

_RULES: dict[str, Any] = {}
_CONVERTERS: dict[Any, Callable[[Any], Any]] = {}


def _identity(value: Any) -> Any:
    return value


def _rule(cls: type[T]) -> Callable[[Any], T]:
    """Rules repeat in every result: one instance per rule (a custom policy's rule of the same id but other text
    gets its own)."""

    def conv(value: Any) -> T:
        rule = _RULES.get(value["id"])
        if rule is None or rule.text != value["text"] or rule.source != value["source"]:
            rule = _build(cls, value)
            _RULES[value["id"]] = rule
        return typing.cast(T, rule)

    return conv


def _date(value: Any) -> datetime.date:
    # The native module already gives `datetime.date` for ISO dates; a string is converted here.
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _rule_class() -> type:
    from ._types import Rule  # not at the top: _types imports this module

    return Rule


def _converter(tp: Any) -> Callable[[Any], Any]:
    """A function converting core's serialised value to ``tp`` (compiled once per type)."""
    conv = _CONVERTERS.get(tp)
    if conv is not None:
        return conv
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        ic = _converter(inner)

        def conv(v: Any) -> Any:
            return None if v is None else ic(v)

    elif tp is _rule_class():
        conv = _rule(tp)
    elif tp is datetime.date:
        conv = _date
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        conv = tp
    elif isinstance(tp, type) and dataclasses.is_dataclass(tp):
        cls = tp

        def conv(v: Any) -> Any:
            return _build(cls, v)

    elif origin is tuple:
        item = _converter(typing.get_args(tp)[0])

        def conv(v: Any) -> Any:
            return tuple(map(item, v))

    elif origin is list:
        item = _converter(typing.get_args(tp)[0])

        def conv(v: Any) -> Any:
            return list(map(item, v))

    elif origin is dict:
        kt, vt = (_converter(a) for a in typing.get_args(tp))

        def conv(v: Any) -> Any:
            return {kt(k): vt(x) for k, x in v.items()}

    else:
        conv = _identity
    _CONVERTERS[tp] = conv
    return conv


_FIELDS: dict[type, dict[str, Callable[[Any], Any]]] = {}


def _build(cls: type[T], data: dict[str, Any]) -> T:
    """Builds ``cls`` from core's serialised form, strictly: a key the class does not declare is an error."""
    fields = _FIELDS.get(cls)
    if fields is None:
        hints = typing.get_type_hints(cls)
        fields = _FIELDS[cls] = {f.name: _converter(hints[f.name]) for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    try:
        return cls(**{k: fields[k](v) for k, v in data.items()})
    except KeyError:
        unknown = sorted(set(data) - set(fields))
        raise InternalError(f"{cls.__name__}: fields from core that the binding does not know: {unknown}") from None
