"""Which language messages and documents are in: one rule for every command and the engine."""

from __future__ import annotations

import os

LANGUAGES = ("nl", "en")


def choose_language(lang: str | None, region_language: str | None = None) -> str:
    """--lang (lang), else KNGG_LANG, else the region's `language:`, else Dutch."""
    for candidate in (lang, os.environ.get("KNGG_LANG"), region_language):
        if candidate is not None and candidate in LANGUAGES:
            return candidate
    return "nl"
