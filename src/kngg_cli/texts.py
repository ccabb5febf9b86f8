"""Every text a person reads, in Dutch and English: one catalogue (catalog/texts.yaml) and one error.

Rule messages live in catalog/rules/*.yaml (they belong to their rules); everything else that kngg
prints or writes for a person — command messages, errors, summaries, table headers, --help texts,
the command-line library's own phrases — has a key in catalog/texts.yaml:

    text("edit.written", "en", path="region.yaml")      -> "region.yaml updated."
    counted("count.error", 2, "nl")                      -> "2 fouten"
    raise KnggError("cli.bad_lang", value="de")          -> one line on stderr, exit 2

The file is read without a YAML library (a strict subset: `key:` lines with `nl:`/`en:` lines of
double-quoted strings below them), so that even `kngg --help` can use it without slowing down;
a test proves that the full YAML parser reads the file the same way.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("nl", "en")
Catalogue = dict[str, dict[str, str]]

_KEY = re.compile(r"([a-z0-9_]+(?:\.[a-z0-9_]+)*):[ \t]*(?:#.*)?")
_VALUE = re.compile(r"[ ]{2}(nl|en):[ \t]+(\"(?:[^\"\\]|\\.)*\")[ \t]*(?:#.*)?")


class TextCatalogueError(RuntimeError):
    """The packaged catalog/texts.yaml does not follow its format (a bug, found by the tests)."""


def parse_catalogue(source: str) -> Catalogue:
    """The entries of texts.yaml: key -> {"nl": …, "en": …}."""
    entries: Catalogue = {}
    key: str | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if found := _KEY.fullmatch(line):
            key = found.group(1)
            if key in entries:
                raise TextCatalogueError(f"texts.yaml:{number}: key {key} appears twice")
            entries[key] = {}
        elif (found := _VALUE.fullmatch(line)) and key is not None:
            entries[key][found.group(1)] = json.loads(found.group(2))
        else:
            raise TextCatalogueError(f'texts.yaml:{number}: expected `key:` or `  nl: "…"`: {line!r}')
    return entries


@cache
def catalogue() -> Catalogue:
    source = resources.files("kngg_cli.catalog").joinpath("texts.yaml").read_text(encoding="utf-8")
    return parse_catalogue(source)


def has_text(key: str) -> bool:
    return key in catalogue()


def text(key: str, lang: str = "nl", /, **params: Any) -> str:
    """The text `key` in `lang` (Dutch when lang is unknown) with its {placeholders} filled in.

    A param that is a `Text` is worded in the same language; a list reads as 'a, b, c'."""
    entry = catalogue()[key]
    template = entry.get(lang) or entry["nl"]
    return template.format_map({name: _worded(value, lang) for name, value in params.items()})


def counted(key: str, count: int, lang: str = "nl", /, **params: Any) -> str:
    """`key.one` for one, `key.other` otherwise ("1 fout", "2 fouten"); {count} is the number."""
    return Text.counted(key, count, **params)(lang)


class Text:
    """A text whose language is not known yet: worded by `text()` or `KnggError.message()`."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    @classmethod
    def counted(cls, key: str, count: int, /, **params: Any) -> Text:
        """`key.one` for one, `key.other` otherwise, with {count}."""
        return cls(f"{key}.{'one' if count == 1 else 'other'}", count=count, **params)

    def __call__(self, lang: str = "nl") -> str:
        return text(self.key, lang, **self.params)

    def __repr__(self) -> str:
        return f"Text({self.key!r}, **{self.params!r})"


def _worded(value: Any, lang: str) -> Any:
    if isinstance(value, Text):
        return value(lang)
    if isinstance(value, list | tuple):
        return ", ".join(str(_worded(item, lang)) for item in value)
    return value


class KnggError(Exception):
    """A command cannot do what was asked: a text key, its params and the exit code.

    The CLI prints `message(lang)` as one line on stderr (after `details`, lines such as findings
    that say why) and exits with `exit_code`: 2 when the command could not run (a bad option, a
    missing path), 1 when it refuses because of the region's content."""

    exit_code = 2

    def __init__(
        self, key: str, /, *, exit_code: int | None = None, details: list[str] | None = None, **params: Any
    ) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.details = details or []
        if exit_code is not None:
            self.exit_code = exit_code

    def message(self, lang: str = "nl") -> str:
        return text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("nl")
