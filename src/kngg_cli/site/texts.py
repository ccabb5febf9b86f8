"""The words of the site's pages: the `site.*` texts of catalog/texts.yaml, as one table per language.

The templates fill the placeholders themselves (`s.signed_of.format(…)`), so the table holds the
texts as written, placeholders and all.
"""

from __future__ import annotations

from functools import cache


@cache
def prefixed_texts(prefix: str, lang: str) -> dict[str, str]:
    """Every text whose key starts with `prefix`, by the rest of its key, in `lang` (else Dutch)."""
    from kngg_cli.texts import catalogue

    return {
        key[len(prefix) :]: entry.get(lang) or entry["nl"]
        for key, entry in catalogue().items()
        if key.startswith(prefix)
    }


def site_text(lang: str) -> dict[str, str]:
    return prefixed_texts("site.", lang)
