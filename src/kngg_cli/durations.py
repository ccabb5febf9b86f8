"""ISO-8601 durations (`P6W`, `P3M`, `P1Y2M`, `PT36H`): the one home of their grammar.

One grammar: `P`, then whole numbers of years, months, weeks and days in that order, each at most
once, then optionally `T` and hours, minutes and seconds in that order; at least one part, and a
`T` only with a part after it. Upper case, no spaces, no fractions. `DURATION_PATTERN` is that
grammar as the model validates it (an S004 for anything else), and `duration_parts` reads the same
grammar, so every reader agrees with what the format accepted: a text the model refused is None
to every reader here, never read differently. (The readers only ever see validated values; there
is no looser reading to keep.) From the parts: `duration_days` for the rules that compare
durations, `calendar_parts` for calendars and documents that step by calendar months, and
`single_unit` for the words of a one-unit rhythm.

Durations compare by days (rules.md): a month counts as 30.44 days and a year as 365.25, so
`P26W` (182 days) is within six months (182.64 days).
"""

from __future__ import annotations

import re
from typing import NamedTuple

DATE_UNITS = "YMWD"
TIME_UNITS = "HMS"


def _ordered(units: str) -> str:
    """One or more of `<number><unit>` in the order of `units`, each unit at most once (without
    lookahead: the model's pattern also runs in pydantic-core's regex engine)."""
    choices = [
        f"[0-9]+{first}" + "".join(f"(?:[0-9]+{unit})?" for unit in units[index + 1 :])
        for index, first in enumerate(units)
    ]
    return "(?:" + "|".join(choices) + ")"


DURATION_PATTERN = rf"^P(?:{_ordered(DATE_UNITS)}(?:T{_ordered(TIME_UNITS)})?|T{_ordered(TIME_UNITS)})$"
_DURATION = re.compile(DURATION_PATTERN)
_PART = re.compile(r"([0-9]+)([A-Z])")

DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = 30.44
_DAYS = {"Y": DAYS_PER_YEAR, "M": DAYS_PER_MONTH, "W": 7.0, "D": 1.0}
_TIME_DAYS = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}


class DurationParts(NamedTuple):
    """A duration as written, part by part: only the parts written, by unit letter."""

    date: dict[str, int]  # Y, M, W, D
    time: dict[str, int]  # H, M, S


class CalendarParts(NamedTuple):
    years: int
    months: int
    weeks: int
    days: int


def duration_parts(text: object) -> DurationParts | None:
    """`P1Y2MT3H` → ({Y: 1, M: 2}, {H: 3}): the parts of a duration in the format's grammar, or
    None when the text is not one (`P`, `PT`, `p6w`, `P1.5M`, `P2W1M`, ` P6W`)."""
    if not isinstance(text, str) or _DURATION.fullmatch(text) is None:
        return None
    date_text, _, time_text = text[1:].partition("T")
    date = {unit: int(number) for number, unit in _PART.findall(date_text)}
    time = {unit: int(number) for number, unit in _PART.findall(time_text)}
    return DurationParts(date, time)


def calendar_parts(text: str) -> CalendarParts | None:
    """`P1Y2M` → (1, 2, 0, 0): a duration of whole years, months, weeks and days only (no time
    part), or None when it is not one (`PT36H`, `P1DT1H`, or not a duration)."""
    parts = duration_parts(text)
    if parts is None or parts.time:
        return None
    return CalendarParts(*(parts.date.get(unit, 0) for unit in DATE_UNITS))


def single_unit(text: str) -> tuple[int, str] | None:
    """`P6W` → (6, 'W'): a duration of exactly one calendar unit, or None."""
    parts = duration_parts(text)
    if parts is None or parts.time or len(parts.date) != 1:
        return None
    ((unit, number),) = parts.date.items()
    return number, unit


def duration_days(text: str) -> float | None:
    """The length of a duration in days, or None when the text is not one."""
    parts = duration_parts(text)
    if parts is None:
        return None
    days = sum(number * _DAYS[unit] for unit, number in parts.date.items())
    return days + sum(number * _TIME_DAYS[unit] for unit, number in parts.time.items())


def months(count: float) -> float:
    """`count` months in days."""
    return count * DAYS_PER_MONTH
