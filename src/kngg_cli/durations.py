"""ISO-8601 durations (`P6W`, `P3M`, `P1Y2M`, `PT36H`) as days, for the rules that compare them.

Durations compare by days (rules.md): a month counts as 30.44 days and a year as 365.25, so
`P26W` (182 days) is within six months (182.64 days).
"""

from __future__ import annotations

import re

DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = 30.44
_DAYS = {"Y": DAYS_PER_YEAR, "M": DAYS_PER_MONTH, "W": 7.0, "D": 1.0}
_TIME = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}
_DURATION = re.compile(
    r"^P(?P<date>(?:[0-9]+(?:\.[0-9]+)?[YMWD])*)(?:T(?P<time>(?:[0-9]+(?:\.[0-9]+)?[HMS])+))?$"
)
_PART = re.compile(r"([0-9]+(?:\.[0-9]+)?)([YMWDHS])")


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
