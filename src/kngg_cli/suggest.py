"""Did-you-mean: one home for the suggestions every message, rule and command makes."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

# What coordinators call a value, for the value the format uses (the Leidraad's abbreviations and
# everyday words); a suggestion only, never accepted in place of the value.
ALIASES: dict[str, str] = {
    "czv": "centrale_zorgverlener",
    "zorgverlener": "centrale_zorgverlener",
    "rc": "regionale_coordinator",
    "coordinator": "regionale_coordinator",
    "lpl": "lokale_projectleider",
    "projectleider": "lokale_projectleider",
    "wethouder": "bestuurder",
    "pl_czv": "projectleider_implementatie_czv",
    "sok": "samenwerkingsovereenkomst",
    "intentie": "intentieverklaring",
    "huisarts": "huisartsen",
    "verzekeraar": "zorgverzekeraar",
    "sportservice": "sportbedrijf",
    "school": "onderwijs",
}


def _plain(text: str) -> str:
    """'Regionale Coördinator' → 'regionale_coordinator': how a value is written in the format."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def closest(written: str, choices: Iterable[object], cutoff: float = 0.6) -> str | None:
    """The choice most like what was written, or None when nothing is close enough."""
    options = [str(c) for c in choices]
    plain = _plain(written)
    for candidate in (plain, ALIASES.get(plain)):
        if candidate and candidate != written and candidate in options:
            return candidate
    match = difflib.get_close_matches(written, options, n=1, cutoff=cutoff)
    return match[0] if match else None


def did_you_mean(written: str, choices: Iterable[object]) -> dict[str, Any]:
    """Message parameters: {"suggestion": …} when a choice is close, else nothing."""
    found = closest(written, choices)
    return {"suggestion": found} if found else {}
