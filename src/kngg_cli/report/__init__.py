"""Stage 4: reporters. One module per output format, each reading the same CheckResult."""

from __future__ import annotations

import importlib
import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: a cache hit imports this module
if TYPE_CHECKING:
    from collections.abc import Callable

    from kngg_cli.engine import CheckResult
    from kngg_cli.findings import Finding

    Reporter = Callable[[CheckResult, "ReportContext"], str]

# format name -> module with a `report(result, context) -> str` function. This table is the one list
# of output formats: `kngg check --format` offers its names and lists them in its help, in this order.
# A module is imported only when its format is chosen (start-up time); a test imports every one.
REPORTERS = {
    "text": "kngg_cli.report.text",
    "json": "kngg_cli.report.json_report",
    "github": "kngg_cli.report.github",
    "sarif": "kngg_cli.report.sarif",
    "junit": "kngg_cli.report.junit",
    "gitlab": "kngg_cli.report.gitlab",
}


class ReportContext:
    """What a reporter may know beyond the findings: where paths are relative to, colours, language."""

    def __init__(self, cwd: str, color: bool = False, lang: str = "nl", version: str = "") -> None:
        self.cwd = cwd
        self.color = color
        self.lang = lang
        self.version = version

    def display_path(self, path: object) -> str:
        import os

        text = str(path)
        try:
            relative = os.path.relpath(text, self.cwd)
        except ValueError:
            return text.replace(os.sep, "/")
        if relative.startswith(".." + os.sep + ".." + os.sep + ".."):
            return text.replace(os.sep, "/")
        return relative.replace(os.sep, "/")


class Fingerprints:
    """Stable sha256 fingerprints for the CI formats (SARIF, GitLab). A key seen again is numbered
    by its occurrence, so identical findings still get different fingerprints."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, ...], int] = {}

    def __call__(self, *key: str) -> str:
        import hashlib

        occurrence = self._seen.get(key, 0)
        self._seen[key] = occurrence + 1
        return hashlib.sha256("\x1f".join((*key, str(occurrence))).encode("utf-8")).hexdigest()


# control characters (C0 but tab, DEL, C1), the line separators that are no \n (NEL, LS, PS) and
# the bidirectional overrides that reorder what a terminal shows ("Trojan Source")
_INVISIBLE = "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
_INVISIBLE_BUT_BREAKS = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\e"}


def visible(text: str, keep_breaks: bool = False) -> str:
    """A value from a region file as one line of plain text for a terminal or a CI log: a line
    break, ESC, BEL and every other control character shown as an escape (`\\n`, `\\e`, `\\x07`,
    `\\u2028`), so that a key or value cannot start a workflow command (`::warning`, `::add-mask::`)
    or send a terminal sequence (window title, clipboard). With keep_breaks, CR and LF stay (the
    github format encodes them as %0D and %0A itself). (The patterns are compiled on first use, by
    re's cache: a cached `kngg check` imports this module but reports nothing.)"""
    return re.sub(_INVISIBLE_BUT_BREAKS if keep_breaks else _INVISIBLE, _escape_invisible, text)


def _escape_invisible(match: re.Match[str]) -> str:
    character = match.group(0)
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def message_with_hint(finding: Finding, lang: str) -> str:
    """The finding's message, and its hint on a second line ("tip: …", "hint: …")."""
    from kngg_cli.texts import text

    if not finding.hint:
        return finding.message
    return f"{finding.message}\n{text('label.hint', lang)}: {finding.hint}"


def get_reporter(name: str) -> Reporter:
    module = importlib.import_module(REPORTERS[name])
    reporter: Reporter = module.report
    return reporter
