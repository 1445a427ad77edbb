"""Turns results of the Python API back into the JSON form core serialises, for the shared vectors."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from typing import Any


def to_json_form(obj: Any) -> Any:
    """dataclasses → dicts (by field name), enums → values, dates → ISO strings, tuples → lists."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_json_form(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return to_json_form(obj.value)
    if isinstance(obj, datetime.date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(to_json_form(k)): to_json_form(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_json_form(v) for v in obj]
    return obj


def subset(expected: Any, actual: Any, at: str, diffs: list[str]) -> None:
    """Same semantics as the Rust runner: object keys recursively, arrays element-wise with equal length,
    numbers within 1e-9."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for k, ev in expected.items():
            if k in actual:
                subset(ev, actual[k], f"{at}.{k}", diffs)
            else:
                diffs.append(f"{at}.{k}: missing in actual")
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            diffs.append(f"{at}: expected {len(expected)} items, got {len(actual)}: {actual!r}")
            return
        for i, (ev, av) in enumerate(zip(expected, actual)):
            subset(ev, av, f"{at}[{i}]", diffs)
    elif (
        isinstance(expected, (int, float))
        and not isinstance(expected, bool)
        and isinstance(actual, (int, float))
        and not isinstance(actual, bool)
    ):
        if abs(expected - actual) > 1e-9:
            diffs.append(f"{at}: expected {expected}, got {actual}")
    elif expected != actual or type(expected) is not type(actual):
        diffs.append(f"{at}: expected {expected!r}, got {actual!r}")
