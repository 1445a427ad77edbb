"""``read_cases_table``: ``read_cases`` collected in one call (the reading itself is the native ``read_cases``)."""

from __future__ import annotations

import datetime
import os
from typing import Any

from ._probation import read_cases


def read_cases_table(source: str | os.PathLike[str] | bytes, on: datetime.date, **options: Any) -> tuple[Any, Any]:
    """``read_cases(source, on, **options)`` read to the end: ``(table, errors)``, two ``pyarrow.Table``s — the
    input columns of every line that gave a row, and ``line``, ``kind``, ``path``, ``message`` of every line that
    did not."""
    reader = read_cases(source, on, **options)
    return reader.read_all(), reader.errors()
