"""The options of a check, apart from the engine: the CLI reads them before it knows whether the
result cache already holds the answer, and must not import the engine (and Pydantic) for that."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CheckOptions:
    today: date
    lang: str | None = None  # None: KNGG_LANG, then the region's `language`, then nl
    target: str | None = None  # a step number, "next" or "fase-2"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
