"""P rules: privacy. Scans the text itself (values, keys and comments alike), so nothing escapes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kngg_cli.findings import Location, Problem, Span
from kngg_cli.loading.files import SourceFile
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule

_NINE_DIGITS = re.compile(r"(?<![0-9])(?:[0-9]{9}|[0-9]{4}\.[0-9]{2}\.[0-9]{3})(?![0-9])")


def passes_elfproef(digits: str) -> bool:
    """The BSN eleven-test: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def _matches(source: SourceFile, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    # One search of the whole text first: almost every file has no match at all. (A match within a
    # line is a match in the text, so this never skips a file that has one.)
    if not source.text or pattern.search(source.text) is None:
        return
    for number, line in enumerate(source.lines, start=1):
        for match in pattern.finditer(line):
            yield number, match


def _span(line: int, match: re.Match[str]) -> Span:
    return Span(line, match.start() + 1, line, match.end() + 1)


@rule("P001")
def bsn(view: RegionView) -> Iterator[Problem]:
    for source in view.files:
        for line, match in _matches(source, _NINE_DIGITS):
            if passes_elfproef(match.group().replace(".", "")):
                yield Problem(
                    "P001", Location(source.path, _span(line, match)), subject=_subject(view, source, line)
                )


def _subject(view: RegionView, source: SourceFile, line: int) -> str | None:
    document = view.document_at(source.path, line)
    return document.id if document is not None else None


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
    "tutanota.com",
    "mail.com",
)


# Providers known by name whatever the country domain (hotmail.be, yahoo.co.uk, gmail.nl).
PRIVATE_MAIL_NAMES = ("gmail", "googlemail", "hotmail", "live", "ziggo", "kpnmail", "yahoo", "icloud", "gmx")


def private_provider(email: str) -> str | None:
    domain = email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""
    for provider in PRIVATE_MAIL_DOMAINS:
        if domain == provider or domain.endswith("." + provider):
            return provider
    labels = domain.split(".")
    if len(labels) >= 3 and labels[-2] in ("co", "com"):
        labels = labels[:-1]  # hotmail.co.uk, yahoo.com.au
    return domain if len(labels) >= 2 and labels[-2] in PRIVATE_MAIL_NAMES else None


@rule("P002")
def private_contact(view: RegionView) -> Iterator[Problem]:
    for document in view.documents:
        for path, value in document.nodes():
            key = path[-1] if path else None
            if isinstance(key, str) and key.lower().endswith("email") and isinstance(value, str):
                provider = private_provider(value)
                if provider:
                    params = {"email": value, "provider": provider}
                    yield Problem("P002", document.value_at(path), "default", params, document.id)


CHILD_DATA_KEYS = (
    "bsn",
    "geboortedatum",
    "birthdate",
    "birth_date",
    "bmi",
    "gewicht",
    "weight",
    "clientnummer",
    "dossiernummer",
)
_DATE = (
    r"(?:[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"|[0-9]{1,2}\s+(?:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?\s+[0-9]{4})"
)
CHILD_DATA_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bmi", re.compile(r"\bBMI\b\s*(?:van|is|=|:)?\s*[0-9]{1,2}(?:[.,][0-9]+)?\b", re.IGNORECASE)),
    ("weight", re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:[.,][0-9]+)?\s?(?:kg|kilo)\b", re.IGNORECASE)),
    ("birthdate", re.compile(r"\bgeb\.\s*" + _DATE, re.IGNORECASE)),
    ("birthdate", re.compile(r"\bgeboren\s+(?:op\s+)?" + _DATE, re.IGNORECASE)),
    (
        "birthdate",
        re.compile(r"\b(?:geboortedatum|date of birth|birth ?date)\b\s*[:=]?\s*" + _DATE, re.IGNORECASE),
    ),
)


def _is_child_data_key(key: str) -> bool:
    if key[:2].lower() != "x-":
        return False
    name = key[2:].lower().replace("-", "_")
    return any(word in name.split("_") or name == word for word in CHILD_DATA_KEYS)


@rule("P003")
def child_data(view: RegionView) -> Iterator[Problem]:
    reported: set[tuple[Path, int]] = set()  # a line with a child-data key: one finding, at the key
    for document in view.documents:
        for path, _ in document.nodes():
            key = path[-1]
            if isinstance(key, str) and _is_child_data_key(key):
                location = document.key_at(path)
                reported.add((location.path, location.span.line))
                yield Problem("P003", location, "field", {"field": key}, document.id)
    for source in view.files:
        for message_key, pattern in CHILD_DATA_PATTERNS:
            for line, match in _matches(source, pattern):
                if (source.path, line) in reported:
                    continue
                yield Problem(
                    "P003",
                    Location(source.path, _span(line, match)),
                    message_key,
                    {"text": match.group()},
                    _subject(view, source, line),
                )
