"""Did-you-mean: one home for the suggestions every message, rule and command makes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def closest(written: str, choices: Iterable[object], cutoff: float = 0.6) -> str | None:
    """The choice most like what was written, or None when nothing is close enough."""
    match = difflib.get_close_matches(written, [str(c) for c in choices], n=1, cutoff=cutoff)
    return match[0] if match else None


def did_you_mean(written: str, choices: Iterable[object]) -> dict[str, Any]:
    """Message parameters: {"suggestion": …} when a choice is close, else nothing."""
    found = closest(written, choices)
    return {"suggestion": found} if found else {}
