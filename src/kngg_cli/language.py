"""Which language messages and documents are in: one rule for every command and the engine."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing, re and pathlib are imported only where needed: `kngg --help` reads this
if TYPE_CHECKING:
    from pathlib import Path

LANGUAGES = ("nl", "en")


def choose_language(lang: str | None, region_language: str | None = None) -> str:
    """--lang (lang), else KNGG_LANG, else the region's `language:`, else Dutch."""
    for candidate in (lang, os.environ.get("KNGG_LANG"), region_language):
        if candidate is not None and candidate in LANGUAGES:
            return candidate
    return "nl"


def region_language(path: Path) -> str | None:
    """The `language:` of the one region at path, read cheaply from region.yaml (None if unknown).

    For the messages of a command that stops before the region is loaded (an editing refusal)."""
    import re

    from kngg_cli.loading.files import REGION_FILE, find_region_roots
    from kngg_cli.texts import KnggError

    try:
        roots = find_region_roots(path)
        text = (roots[0] / REGION_FILE).read_text(encoding="utf-8-sig") if len(roots) == 1 else ""
    except (OSError, UnicodeDecodeError, KnggError):
        return None
    found = re.search(r"^language:[ \t]*[\"']?(nl|en)\b", text, re.MULTILINE)
    return found.group(1) if found else None
