"""Dates written as text: the one place that reads one, for the command-line options (--today,
--date, --since), KNGG_TODAY, the editor's `today` setting and the dates in the region files.

A date is what Python's `date.fromisoformat` reads (`2025-03-14`); the model narrows that to the
`YYYY-MM-DD` form (format.md) before it asks here.
"""

from __future__ import annotations

from datetime import date

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a foundation module)
if TYPE_CHECKING:
    from typing import Any


def date_from_text(text: Any) -> date | None:
    """The date an ISO-8601 text names, or None when `text` is not one (or not text at all)."""
    if not isinstance(text, str):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
