"""ISO-8601 durations (`P6W`, `P3M`, `P1Y2M`, `PT36H`): the one home of their grammar.

`DURATION_PATTERN` is what the format accepts (the model validates with it). Readers then take a
duration as days (`duration_days`, for the rules that compare them) or as whole calendar parts
(`calendar_parts`, for calendars and documents that step by calendar months).

Durations compare by days (rules.md): a month counts as 30.44 days and a year as 365.25, so
`P26W` (182 days) is within six months (182.64 days).
"""

from __future__ import annotations

import re
from typing import NamedTuple

DURATION_PATTERN = r"^P(?:(?:[0-9]+[YMWD])+(?:T(?:[0-9]+[HMS])+)?|T(?:[0-9]+[HMS])+)$"

DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = 30.44
_DAYS = {"Y": DAYS_PER_YEAR, "M": DAYS_PER_MONTH, "W": 7.0, "D": 1.0}
_TIME = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}
_DURATION = re.compile(
    r"^P(?P<date>(?:[0-9]+(?:\.[0-9]+)?[YMWD])*)(?:T(?P<time>(?:[0-9]+(?:\.[0-9]+)?[HMS])+))?$"
)
_PART = re.compile(r"([0-9]+(?:\.[0-9]+)?)([YMWDHS])")
_CALENDAR = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_UNITS = "YMWD"


class CalendarParts(NamedTuple):
    years: int
    months: int
    weeks: int
    days: int


def calendar_parts(text: str) -> CalendarParts | None:
    """`P1Y2M` → (1, 2, 0, 0): a duration of whole years, months, weeks and days (in that order,
    no time part), or None when it is not one (`P`, `PT36H`, `P1.5M`). Case and spaces around do
    not matter."""
    match = _CALENDAR.match(text.strip().upper())
    if match is None or not any(match.groups()):
        return None
    return CalendarParts(*(int(part or 0) for part in match.groups()))


def single_unit(text: str) -> tuple[int, str] | None:
    """`P6W` → (6, 'W'): a duration of one calendar unit exactly as written (upper case, no
    spaces), or None."""
    match = _CALENDAR.match(text)
    parts = [(int(n), unit) for n, unit in zip(match.groups(), _UNITS, strict=True) if n] if match else []
    return parts[0] if len(parts) == 1 else None


def duration_days(text: str) -> float | None:
    """The length of an ISO-8601 duration in days, or None when the text is not one."""
    match = _DURATION.match(text.strip().upper()) if isinstance(text, str) else None
    if match is None or text.strip().upper() in ("P", "PT"):
        return None
    days = sum(float(n) * _DAYS[unit] for n, unit in _PART.findall(match.group("date") or ""))
    days += sum(float(n) * _TIME[unit] for n, unit in _PART.findall(match.group("time") or ""))
    return days


def months(count: float) -> float:
    """`count` months in days."""
    return count * DAYS_PER_MONTH
