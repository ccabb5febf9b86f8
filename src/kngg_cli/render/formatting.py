"""How values read in a document: text without XML-hostile characters, dates and numbers in the
document's language ("17 maart 2025", "16,5"; "17 March 2025", "16.5"), durations and counts in
words with the right singular or plural, lists joined with "en"/"and".
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

from kngg_cli.durations import single_unit
from kngg_cli.render import labels

# characters that XML 1.0 (and so Word) refuses; a folded YAML scalar can carry one (pitfalls.md)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
AND = {"nl": "en", "en": "and"}


def clean(value: Any) -> str:
    """Text from the region files, without characters XML cannot carry."""
    return _CONTROL.sub("", str(value)) if value is not None else ""


def long_date(value: date | None, lang: str) -> str:
    """14 maart 2025 / 14 March 2025."""
    if value is None:
        return ""
    months = labels.MONTHS.get(lang, labels.MONTHS["nl"])
    return f"{value.day} {months[value.month - 1]} {value.year}"


def duration_words(value: str | None, lang: str) -> str:
    """P6W → 'elke 6 weken'; anything unusual is shown as written."""
    if not value:
        return ""
    single = single_unit(value)
    if single is None:
        return value
    amount, unit = single
    if amount == 1:
        return labels.EVERY_ONE[lang][unit]
    singular, plural = labels.DURATION_UNITS[lang][unit]
    return f"{labels.EVERY[lang]} {amount} {plural if amount != 1 else singular}"


def number(value: float | None, lang: str) -> str:
    """16.5 → '16,5' in Dutch, '16.5' in English; whole numbers without decimals."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def count(amount: int, singular: str, plural: str) -> str:
    """'1 overleg', '3 overleggen': the number with the right form of the noun."""
    return f"{amount} {singular if amount == 1 else plural}"


def join(items: Sequence[str], lang: str) -> str:
    """'A, B en C' / 'A, B and C'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {AND.get(lang, 'en')} {items[-1]}"


def wrap(text: str, width: int, lines: int = 2) -> list[str]:
    """At most `lines` lines of at most `width` characters, words whole; the rest cut with '…'."""
    wrapped = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    if len(wrapped) > lines:
        rest = " ".join(wrapped[lines - 1 :])
        wrapped = [*wrapped[: lines - 1], rest[: width - 1] + "…"]
    return wrapped or [""]


def days_between(start: date, end: date) -> int:
    return (end - start).days


def period_words(days: int, lang: str) -> str:
    """About how long: '3 weken', '5 maanden', '1 jaar en 2 maanden'."""
    units = labels.DURATION_UNITS.get(lang, labels.DURATION_UNITS["nl"])
    if days < 14:
        return count(days, *units["D"])
    if days < 61:
        return count(round(days / 7), *units["W"])
    months = round(days / 30.44)
    if months < 12:
        return count(months, *units["M"])
    years, rest = divmod(months, 12)
    text = count(years, *units["Y"])
    return f"{text} {AND.get(lang, 'en')} {count(rest, *units['M'])}" if rest else text
