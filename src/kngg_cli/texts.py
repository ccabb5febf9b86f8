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

import os

# typing, re, json and functools are left out on purpose: `kngg --help` reads this module and
# the catalogue, and each of those imports costs more than reading the whole file
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

LANGUAGES = ("nl", "en")
Catalogue = dict[str, dict[str, str]]

_KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r"}


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
        if line.endswith(":") and set(line[:-1]) <= _KEY_CHARACTERS and line[0] not in "._":
            key = line[:-1]
            if key in entries:
                raise TextCatalogueError(f"texts.yaml:{number}: key {key} appears twice")
            entries[key] = {}
        elif (
            key is not None
            and line[:6] in ("  nl: ", "  en: ")
            and len(line) > 7
            and line[6] == line[-1] == '"'
        ):
            entries[key][line[2:4]] = _unquote(line[7:-1], number)
        else:
            raise TextCatalogueError(f'texts.yaml:{number}: expected `key:` or `  nl: "…"`: {line!r}')
    return entries


def _unquote(body: str, number: int) -> str:
    """The text of a double-quoted string (JSON escapes), without its quotes."""
    if "\\" not in body and '"' not in body:
        return body  # most texts: nothing to decode
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == '"':
            raise TextCatalogueError(f'texts.yaml:{number}: a " inside a text must be written \\"')
        if char != "\\":
            out.append(char)
            index += 1
            continue
        escape = body[index + 1 : index + 2]
        if escape == "u" and len(body) >= index + 6:
            out.append(chr(int(body[index + 2 : index + 6], 16)))
            index += 6
        elif escape in _ESCAPES:
            out.append(_ESCAPES[escape])
            index += 2
        else:
            raise TextCatalogueError(f"texts.yaml:{number}: unknown escape \\{escape}")
    return "".join(out)


_CATALOGUE: Catalogue = {}


def catalogue() -> Catalogue:
    """The texts, read once (beside this module; importing kngg_cli.catalog or importlib.resources
    would cost `kngg --help` more than reading the file does)."""
    if not _CATALOGUE:
        path = os.path.join(os.path.dirname(__file__), "catalog", "texts.yaml")
        with open(path, encoding="utf-8") as file:
            _CATALOGUE.update(parse_catalogue(file.read()))
    return _CATALOGUE


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
