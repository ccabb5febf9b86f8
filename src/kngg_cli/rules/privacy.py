"""P rules: privacy. Every way a number or address can be written must be caught, so each rule
reads the region three ways (see `_texts`):

1. the raw text, line by line: values, keys and comments alike, pointing at the exact columns;
2. the decoded values and keys, as the YAML parser gives them: escapes (`"11122\\u0032333"`,
   `"\\x31…"`, an escaped line break) and folded scalars are undone there, and a multi-line value
   is also read with its line folds joined (`111222` / `333` over two lines);
3. the file names (relative to the region root).

Each text is normalised first: Unicode digits (full-width, Arabic-Indic …) become ASCII digits and
invisible separators (NBSP, zero-width characters, soft hyphens) are removed. A finding is reported
once per line: the raw text first (exact columns), then a decoded value at its own location.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kngg_cli.findings import FILE_START, Location, Problem, Span
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule

# -- normalising --------------------------------------------------------------------------------

# no-break and narrow spaces, zero-width space/joiners, word joiner, BOM, soft hyphen, figure and
# thin spaces: invisible or space-like characters someone may put between the digits of a number
_INVISIBLE = frozenset("\u00a0\u202f\u2007\u2009\u200a\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")


@dataclass(frozen=True, slots=True)
class Normalised:
    """A text with Unicode digits made ASCII and invisible separators removed; `origin[i]` is the
    index in the original text of character i (and one past the end), to point at the original."""

    text: str
    origin: tuple[int, ...] | None  # None: the same as the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    if text.isascii():
        return Normalised(text, None)
    characters: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(text):
        if character in _INVISIBLE:
            continue
        if not character.isascii() and character.isdecimal():
            character = str(unicodedata.decimal(character))
        characters.append(character)
        origin.append(index)
    origin.append(len(text))
    return Normalised("".join(characters), tuple(origin))


# -- where the texts are ----------------------------------------------------------------------

Finder = Callable[[str], Iterator[tuple[int, int, dict[str, Any]]]]


@dataclass(slots=True)
class _Texts:
    """What the three rules read, normalised once per region (shared through view.extra)."""

    files: list[tuple[Path, str, list[str]]]  # path, whole normalised text, its normalised lines
    # the lines whose normalised text differs from the original (the others map 1:1)
    lines: dict[tuple[Path, int], Normalised]
    decoded: list[tuple[Any, tuple[Any, ...], bool, list[str]]]  # document, path, is value, texts
    names: list[tuple[Path, str]]

    def span(self, path: Path, number: int, start: int, end: int) -> tuple[int, int]:
        changed = self.lines.get((path, number))
        return (start, end) if changed is None else changed.span(start, end)


def _texts(view: RegionView) -> _Texts:
    found = view.extra.get("privacy_texts")
    if isinstance(found, _Texts):
        return found
    lines_of = {source.path: source.lines for source in view.files}
    texts = _Texts([], {}, [], [])
    for source in view.files:
        normal_lines = source.lines
        if not all(line.isascii() for line in source.lines):
            normal = [normalise(line) for line in source.lines]
            normal_lines = [n.text for n in normal]
            texts.lines.update(
                ((source.path, number), n) for number, n in enumerate(normal, start=1) if n.origin is not None
            )
        texts.files.append((source.path, "\n".join(normal_lines), normal_lines))
        texts.names.append((source.path, normalise(source.relative).text))
    wholes = {path: whole for path, whole, _lines in texts.files}
    for document in view.documents:
        whole = wholes.get(document.source.path, "")
        # only what the parser decoded can read otherwise than the file is written (the loader
        # lists those keys and values); the rest is in the raw text, scanned already
        for path, is_key in document.positions.rewritten:
            found = _decoded(document, path, is_key, lines_of)
            decoded = [t for t in found if t not in whole]
            if decoded:
                texts.decoded.append((document, path, not is_key, decoded))
    view.extra["privacy_texts"] = texts
    return texts


def _decoded(
    document: Any, path: tuple[Any, ...], is_key: bool, lines_of: dict[Path, list[str]]
) -> list[str]:
    """A decoded key or value, normalised; a value written over several lines also with its line
    folds joined (`111222` / `333`)."""
    if is_key:
        return [_normal(path[-1])] if isinstance(path[-1], str) else []
    value: Any = document.data
    try:
        for part in path:
            value = value[part]
    except (KeyError, IndexError, TypeError):
        return []
    if not isinstance(value, str):
        return []
    found = [_normal(value)]
    if _SPLIT_DIGITS.search(value):
        found.append(normalise(_joined_folds(document, path, lines_of)).text)
    return found


def _normal(text: str) -> str:
    return text if text.isascii() else normalise(text).text  # ASCII is its own normal form


def _scan(view: RegionView, finder: Finder) -> Iterator[Problem]:
    """Problems for every hit of finder in the raw text, the decoded values and the file names."""
    texts = _texts(view)
    seen: set[tuple[Path, int]] = set()
    for path, whole, lines in texts.files:
        if next(finder(whole), None) is None:
            continue  # one search of the whole file first: almost every file has no hit at all
        for number, line in enumerate(lines, start=1):
            for start, end, params in finder(line):
                first, last = texts.span(path, number, start, end)
                seen.add((path, number))
                yield _problem(view, Location(path, Span(number, first + 1, number, last + 1)), params)
    for document, node, is_value, decoded in texts.decoded:
        hits = [hit for text in decoded for hit in finder(text)]
        if not hits:  # almost always: the cheap test first, the location only for a hit
            continue
        location = document.value_at(node) if is_value else document.key_at(node)
        lines_spanned = range(location.span.line, max(location.span.end_line, location.span.line) + 1)
        if any((location.path, line) in seen for line in lines_spanned):
            continue  # the raw text said it already, at the exact columns
        seen.update((location.path, line) for line in lines_spanned)
        yield _problem(view, location, hits[0][2])
    for path, name in texts.names:
        hits = list(finder(name))
        if hits:
            yield _problem(view, Location(path, FILE_START), hits[0][2])


_SPLIT_DIGITS = re.compile(r"[0-9]\s+[0-9]")  # also over a line break: a literal block (`|`)
_FOLD = re.compile(r"(?<=[0-9])[ \t]*\\?\n[ \t]*\\?(?=[0-9])")


def _joined_folds(document: Any, path: tuple[Any, ...], lines_of: dict[Path, list[str]]) -> str:
    """A value written over several lines, as raw text with the line folds between digits joined
    (`111222` / `333` on two lines is one number); empty for a value on one line."""
    span = document.value_at(path).span
    if span.end_line <= span.line:
        return ""
    lines = lines_of[document.source.path][span.line - 1 : span.end_line]
    if lines[0][span.column - 1 : span.column] in ("|", ">"):
        lines = lines[1:]  # a block scalar's header (`|2`, `>-`) holds no digit of the value
    return _FOLD.sub("", "\n".join(lines))


def _problem(view: RegionView, location: Location, params: dict[str, Any]) -> Problem:
    code = params.pop("_code")
    key = params.pop("_key", "default")
    document = view.document_at(location.path, location.span.line) if location.span.line else None
    subject = document.id if document is not None else None
    return Problem(code, location, key, params, subject)


# -- P001 bsn ---------------------------------------------------------------------------------------


def passes_elfproef(digits: str) -> bool:
    """The BSN eleven-test: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


# nine digits not touching other digits: together, or in the groupings people write
# (1234.56.782, 123 456 782, 123.456.782, 123-456-782), a grouping not continued by another group
# (It starts with the first digit and looks behind only then: a pattern that starts with a
# character class lets the regex engine skip to the next digit, seven times faster on a region.)
_NINE_DIGITS = re.compile(
    r"[0-9](?<![0-9]{2})"
    r"(?:[0-9]{8}(?![0-9])"
    r"|(?<![0-9][ .\-][0-9])(?:[0-9]{3}\.[0-9]{2}\.[0-9]{3}|[0-9]{2}([ .\-])[0-9]{3}\1[0-9]{3})"
    r"(?![0-9]|[ .\-][0-9]))"
)
# right after the word: nine digits in any grouping of spaces, dots or dashes, elfproef or not
_AFTER_WORD = re.compile(
    r"\b(?:bsn|burgerservicenummer)(?:[\s\-]?nummer)?\b[ \t]*[:=]?[ \t]*"
    r"([0-9](?:[ .\-]?[0-9]){8})(?![0-9]|[ .\-][0-9])",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"[0-9]")


def may_contain(text: str, words: tuple[str, ...], lower: str | None = None) -> bool:
    """A cheap test before a case-insensitive regex that needs one of `words` (lower case, ASCII):
    False only when none of them can match. For ASCII text, `lower()` folds case exactly as
    re.IGNORECASE does; other text keeps the regex (which also matches, say, the Kelvin sign K).
    `lower` is text.lower() when the caller has it already."""
    if not text.isascii():
        return True
    folded = text.lower() if lower is None else lower
    return any(word in folded for word in words)


_BSN_WORDS = ("bsn", "burgerservicenummer")


def find_bsn(text: str) -> Iterator[tuple[int, int, dict[str, Any]]]:
    if _DIGIT.search(text) is None:
        return
    found: list[tuple[int, int]] = []
    if may_contain(text, _BSN_WORDS):
        found.extend(match.span(1) for match in _AFTER_WORD.finditer(text))
    for match in _NINE_DIGITS.finditer(text):
        digits = re.sub(r"[ .\-]", "", match.group())
        if passes_elfproef(digits) and not any(s <= match.start() < e for s, e in found):
            found.append(match.span())
    for start, end in sorted(found):
        yield start, end, {"_code": "P001"}


@rule("P001")
def bsn(view: RegionView) -> Iterator[Problem]:
    yield from _scan(view, find_bsn)


# -- P002 private-contact ---------------------------------------------------------------------------

PRIVATE_MAIL_DOMAINS = (
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.nl",
    "outlook.com",
    "outlook.nl",
    "live.com",
    "live.nl",
    "msn.com",
    "ziggo.nl",
    "kpnmail.nl",
    "kpnplanet.nl",
    "planet.nl",
    "home.nl",
    "hetnet.nl",
    "casema.nl",
    "upcmail.nl",
    "chello.nl",
    "xs4all.nl",
    "zeelandnet.nl",
    "quicknet.nl",
    "tele2.nl",
    "online.nl",
    "telfort.nl",
    "yahoo.com",
    "yahoo.nl",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "gmx.com",
    "gmx.net",
    "gmx.de",
    "proton.me",
    "protonmail.com",
    "pm.me",
    "tutanota.com",
    "mail.com",
)


# Providers known by name whatever the country domain (hotmail.be, yahoo.co.uk, gmail.nl).
PRIVATE_MAIL_NAMES = (
    "gmail",
    "googlemail",
    "hotmail",
    "live",
    "ziggo",
    "kpnmail",
    "yahoo",
    "icloud",
    "gmx",
    "protonmail",
    "proton",
)


def private_provider(email: str) -> str | None:
    domain = email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""
    for provider in PRIVATE_MAIL_DOMAINS:
        if domain == provider or domain.endswith("." + provider):
            return provider
    labels = domain.split(".")
    if len(labels) >= 3 and labels[-2] in ("co", "com"):
        labels = labels[:-1]  # hotmail.co.uk, yahoo.com.au
    return domain if len(labels) >= 2 and labels[-2] in PRIVATE_MAIL_NAMES else None


_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}")


def find_private_mail(text: str) -> Iterator[tuple[int, int, dict[str, Any]]]:
    if "@" not in text:
        return
    for match in _EMAIL.finditer(text):
        provider = private_provider(match.group())
        if provider:
            yield match.start(), match.end(), {"_code": "P002", "email": match.group(), "provider": provider}


@rule("P002")
def private_contact(view: RegionView) -> Iterator[Problem]:
    """Anywhere: `email:` and every other value, `x-` fields, keys and comments (rules.md 1.1)."""
    yield from _scan(view, find_private_mail)


# -- P003 child-data -------------------------------------------------------------------------------

CHILD_DATA_KEYS = frozenset(
    {
        "bsn",
        "burgerservicenummer",
        "geboortedatum",
        "birthdate",
        "dateofbirth",
        "dob",
        "bmi",
        "gewicht",
        "weight",
        "clientnummer",
        "cliëntnummer",
        "dossiernummer",
    }
)
_CAMEL = re.compile(r"(?<=[a-zà-ÿ0-9])(?=[A-Z])")
_KEY_PARTS = re.compile(r"[-_.\s]+")


def key_words(key: str) -> list[str]:
    """`x-geboorte-datum`, `x-client_nummer`, `x-weightKg`, `X-BMI` → lower-case words."""
    return [w for w in _KEY_PARTS.split(_CAMEL.sub("_", key).lower()) if w]


@functools.lru_cache(maxsize=4096)  # a region repeats its keys (id, name, ...) thousands of times
def is_child_data_key(key: str) -> bool:
    """A key named like child data: one of its words, or words written together, is such a name."""
    words = key_words(key)
    if words[:1] == ["x"]:
        words = words[1:]
    for first in range(len(words)):
        for last in range(first + 1, min(len(words), first + 3) + 1):
            if "".join(words[first:last]) in CHILD_DATA_KEYS:
                return True
    return False


_DATE = (
    r"(?:[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"|[0-9]{1,2}\s+(?:jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?\s+[0-9]{4})"
)
# (message key, the words one of which the pattern needs (see may_contain), the pattern)
CHILD_DATA_PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "bmi",
        ("bmi",),
        re.compile(
            r"\bBMI(?:[\s\-]?(?:score|waarde|value))?\b\s*(?:van|is|of|=|:)?\s*[0-9]{1,2}(?:[.,][0-9]+)?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weight",
        ("kg", "kilo"),
        re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:[.,][0-9]+)?\s?(?:kg|kilo(?:gram)?s?)\b", re.IGNORECASE),
    ),
    (
        "birthdate",
        ("geb", "birth", "dob", "born"),
        re.compile(
            r"(?:\bgeb(?:\.|\b)\s*(?:datum\b)?|\bgeboren\s+(?:op\s+)?|\bgeboortedatum\b|\bdate of birth\b"
            r"|\bbirth ?date\b|\bDOB\b|\bborn(?:\s+on)?\b)\s*[:=]?\s*" + _DATE,
            re.IGNORECASE,
        ),
    ),
)


def find_child_data(text: str) -> Iterator[tuple[int, int, dict[str, Any]]]:
    if _DIGIT.search(text) is None:
        return
    lower = text.lower()
    for message_key, words, pattern in CHILD_DATA_PATTERNS:
        if not may_contain(text, words, lower):
            continue
        for match in pattern.finditer(text):
            yield match.start(), match.end(), {"_code": "P003", "_key": message_key, "text": match.group()}


@rule("P003")
def child_data(view: RegionView) -> Iterator[Problem]:
    reported: set[tuple[Path, int]] = set()  # a line with a child-data key: one finding, at the key
    for document in view.documents:
        for path, _ in document.nodes():
            key = path[-1]
            if not isinstance(key, str) or not is_child_data_key(key):
                continue
            if any(isinstance(p, str) and p[:2].lower() == "x-" for p in path):
                location = document.key_at(path)
                reported.add((location.path, location.span.line))
                yield Problem("P003", location, "field", {"field": key}, document.id)
    for problem in _scan(view, find_child_data):
        if (problem.location.path, problem.location.span.line) not in reported:
            yield problem
