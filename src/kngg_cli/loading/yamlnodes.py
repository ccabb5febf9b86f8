"""Turn YAML text into plain Python data and a position index, in one pass over libyaml's events.

Walking the event stream ourselves (instead of ruamel's constructors) lets the loader refuse
hostile input *before* anything builds or walks a large tree: nesting is bounded as it grows,
alias expansion is counted as it is used, and duplicate keys are seen where they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kngg_cli.findings import Span
from kngg_cli.loading.positions import NodePath, PositionIndex

MAX_DEPTH = 100
MAX_ALIAS_EXPANSION = 100_000
# aliases may not make a file's tree larger than the file size limit (S009, rules.md): counted in
# characters of text as the tree is built, so a few aliases to one huge string are caught too
MAX_EXPANDED_CHARS = 5_000_000


@dataclass(slots=True)
class ParsedDocument:
    data: Any
    positions: PositionIndex
    start: Span


@dataclass(slots=True)
class LoadIssue:
    """A problem the loader met: S001 syntax, S002 duplicate key, S009 hostile input."""

    code: str
    message_key: str
    span: Span
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ParseResult:
    documents: list[ParsedDocument]
    issues: list[LoadIssue]
    fatal: bool = False  # the file could not be read to its end


class _Abort(Exception):
    def __init__(self, issue: LoadIssue) -> None:
        self.issue = issue


_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATETIME = re.compile(
    r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?$"
)


_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema, plus ISO dates (as format.md promises YAML dates)."""
    if text in _NULL_WORDS:
        return None
    first = text[0]
    if first in "tTfF" and text in _BOOL:
        return _BOOL[text]
    if first.isdigit() or first in "-+.":
        return _resolve_number_or_date(text)
    if text.startswith("0o") and _INT_OCT.match(text):
        return int(text[2:], 8)
    return text


# Python refuses to turn more than 4300 digits into an int (a denial-of-service guard); such a
# "number" is never a meaningful value in a region: it stays text, and the schema says so
MAX_INT_DIGITS = 4000


def _resolve_number_or_date(text: str) -> Any:
    if len(text) > MAX_INT_DIGITS and (_INT.match(text) or _INT_OCT.match(text) or _INT_HEX.match(text)):
        return text
    if _INT.match(text):
        return int(text)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    if _DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text  # an impossible date stays text; the schema reports it
    if _DATETIME.match(text):
        try:
            return datetime.fromisoformat(text.replace("t", "T").replace("z", "Z"))
        except ValueError:
            return text
    return text


def _span(event: Any) -> Span:
    start, end = event.start_mark, event.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


# While building, a span is a plain tuple (line, column, end line, end column): the position
# index keeps tuples and makes Spans only for the few positions that someone asks for.
_Raw = tuple[int, int, int, int]


def _raw(event: Any) -> _Raw:
    start, end = event.start_mark, event.end_mark
    return (start.line + 1, start.column + 1, end.line + 1, end.column + 1)


_STR_TAGS = {"tag:yaml.org,2002:str", "!!str"}


def _scalar_value(event: Any) -> Any:
    tag = event.tag
    if tag is None and not event.style:
        return resolve_plain(event.value)
    if tag in _STR_TAGS:
        return event.value
    if event.style not in (None, ""):
        return event.value
    if tag is not None and tag != "!":
        return resolve_plain(event.value) if tag.startswith("tag:yaml.org,2002:") else event.value
    return resolve_plain(event.value)


class _Frame:
    __slots__ = ("anchor", "container", "is_dict", "key", "key_span", "path", "size", "start", "weight")

    def __init__(self, container: Any, path: NodePath, start: _Raw, anchor: str | None) -> None:
        self.anchor = anchor
        self.container = container
        self.is_dict = isinstance(container, dict)
        self.path = path
        self.start = start
        self.key: Any = _NO_KEY
        self.key_span: _Raw | None = None
        self.weight = 1
        self.size = 0


_NO_KEY = object()
_SKIP = object()  # a value under a duplicate or complex key: parsed, then dropped


class _Builder:
    """Consumes events for one file; returns its documents and issues.

    This is the loader's inner loop (every key, value and bracket of every file passes here):
    events are told apart by their class, spans stay tuples, and the common case (a plain
    scalar in a mapping or list that is kept) takes the shortest path."""

    def __init__(self) -> None:
        self.documents: list[ParsedDocument] = []
        self.issues: list[LoadIssue] = []
        self._stack: list[_Frame] = []
        self._anchors: dict[str, tuple[Any, int, int]] = {}
        self._positions = PositionIndex()
        self._root: Any = None
        self._doc_start = Span(1, 1, 1, 1)
        self._expanded = 0
        self._expanded_size = 0

    def feed(self, event: Any) -> None:
        handler = _HANDLERS.get(type(event)) or _handler(type(event))
        handler(self, event)

    def _mapping(self, event: Any) -> None:
        self._open({}, event)

    def _sequence(self, event: Any) -> None:
        self._open([], event)

    def _document(self, event: Any) -> None:
        self._positions = PositionIndex()
        self._anchors = {}
        self._root = None
        self._doc_start = _span(event)

    def _ignore(self, event: Any) -> None:
        pass  # the stream's start and end

    def _scalar(self, event: Any) -> None:
        text = event.value
        value = resolve_plain(text) if event.tag is None and not event.style else _scalar_value(event)
        start, end = event.start_mark, event.end_mark
        span = (start.line + 1, start.column + 1, end.line + 1, end.column + 1)
        written = not event.style and start.line == end.line  # a plain scalar on one line reads as written
        stack = self._stack
        if stack and not event.anchor:
            parent = stack[-1]
            if parent.is_dict:
                if parent.key is _NO_KEY:  # a key
                    parent.size += len(text)
                    self._set_key(parent, value, span)
                    if not written:
                        self._rewritten_key(parent)
                    return
                if parent.key is not _SKIP:  # the value of the key just read, in a kept mapping
                    parent.weight += 1
                    parent.size += len(text)
                    path = (*parent.path, parent.key)
                    parent.container[parent.key] = value
                    self._positions.add_raw(path, span, parent.key_span)
                    if not written:
                        self._positions.rewritten.append((path, False))
                    parent.key = _NO_KEY
                    return
        self._add(value, span, 1, event.anchor, len(text), written)

    # -- documents -------------------------------------------------------------------------
    def _end_document(self, event: Any = None) -> None:
        if self._root is not None:
            self.documents.append(ParsedDocument(self._root, self._positions, self._doc_start))

    # -- collections -----------------------------------------------------------------------
    def _open(self, container: Any, event: Any) -> None:
        if len(self._stack) >= MAX_DEPTH:
            raise _Abort(LoadIssue("S009", "too_deep", _span(event), {"limit": MAX_DEPTH}))
        span = _raw(event)
        if self._stack and self._stack[-1].is_dict and self._stack[-1].key is _NO_KEY:
            self._complex_key(span)
        path = self._child_path()
        frame = _Frame(container if path is not None else _SKIP, path or (), span, event.anchor)
        self._stack.append(frame)

    def _close(self, event: Any) -> None:
        frame = self._stack.pop()
        end = event.end_mark
        span = (frame.start[0], frame.start[1], end.line + 1, end.column + 1)
        container = None if frame.container is _SKIP else frame.container
        self._place(
            container,
            span,
            frame.weight,
            frame.anchor,
            frame.path if container is not None else None,
            frame.size,
        )

    def _alias(self, event: Any) -> None:
        span = _raw(event)
        if event.anchor not in self._anchors:
            raise _Abort(LoadIssue("S001", "unknown_alias", Span(*span), {"alias": event.anchor}))
        value, weight, size = self._anchors[event.anchor]
        self._expanded += weight
        self._expanded_size += size
        if self._expanded > MAX_ALIAS_EXPANSION:
            raise _Abort(LoadIssue("S009", "alias_bomb", Span(*span), {"limit": MAX_ALIAS_EXPANSION}))
        if self._expanded_size > MAX_EXPANDED_CHARS:
            raise _Abort(
                LoadIssue("S009", "alias_bytes", Span(*span), {"limit_mb": MAX_EXPANDED_CHARS // 1_000_000})
            )
        self._add(value, span, weight, None, size)

    # -- placing values --------------------------------------------------------------------
    def _child_path(self) -> NodePath | None:
        """The path the next value gets, or None when it sits under a key that is dropped."""
        if not self._stack:
            return ()
        parent = self._stack[-1]
        if parent.container is _SKIP:
            return None
        if not parent.is_dict:
            return (*parent.path, len(parent.container))
        if parent.key is _NO_KEY or parent.key is _SKIP:
            return None
        return (*parent.path, parent.key)

    def _add(
        self, value: Any, span: _Raw, weight: int, anchor: str | None, size: int, written: bool = True
    ) -> None:
        """A scalar or an alias, as a mapping's key or placed as a value (the common scalar takes
        the shorter way in _scalar)."""
        stack = self._stack
        if stack:
            parent = stack[-1]
            if parent.is_dict and parent.key is _NO_KEY:
                parent.size += size
                self._set_key(parent, value, span)
                if not written:
                    self._rewritten_key(parent)
                return
        path = self._child_path()
        self._place(value, span, weight, anchor, path, size)
        if not written and path:
            self._positions.rewritten.append((path, False))

    def _place(
        self, value: Any, span: _Raw, weight: int, anchor: str | None, path: NodePath | None, size: int
    ) -> None:
        if anchor:
            self._anchors[anchor] = (value, weight, size)
        if not self._stack:
            self._root = value
            self._positions.add_raw((), span)
            return
        parent = self._stack[-1]
        parent.weight += weight
        parent.size += size
        if path is None or parent.container is _SKIP:
            if parent.is_dict:
                parent.key = _NO_KEY
            return
        if not parent.is_dict:
            parent.container.append(value)
            self._positions.add_raw(path, span)
        else:
            parent.container[parent.key] = value
            self._positions.add_raw(path, span, parent.key_span)
            parent.key = _NO_KEY

    def _rewritten_key(self, parent: _Frame) -> None:
        key: Any = parent.key
        if key is not _SKIP and parent.container is not _SKIP:
            self._positions.rewritten.append(((*parent.path, key), True))

    def _set_key(self, parent: _Frame, value: Any, span: _Raw) -> None:
        key = value if isinstance(value, str) else _key_text(value)
        if parent.container is not _SKIP and key in parent.container:
            self.issues.append(LoadIssue("S002", "default", Span(*span), {"key": key}))
            parent.key = _SKIP
        else:
            parent.key = key
        parent.key_span = span

    def _complex_key(self, span: _Raw) -> None:
        raise _Abort(LoadIssue("S004", "complex_key", Span(*span)))


# event class -> the builder's method for it, filled as the classes are met (the C parser's event
# classes are ruamel's; looking them up by name keeps ruamel out of this module's imports)
_HANDLERS: dict[type, Any] = {}
_BY_NAME = {
    "ScalarEvent": _Builder._scalar,
    "MappingStartEvent": _Builder._mapping,
    "SequenceStartEvent": _Builder._sequence,
    "MappingEndEvent": _Builder._close,
    "SequenceEndEvent": _Builder._close,
    "AliasEvent": _Builder._alias,
    "DocumentStartEvent": _Builder._document,
    "DocumentEndEvent": _Builder._end_document,
}


def _handler(event_class: type) -> Any:
    handler = _BY_NAME.get(event_class.__name__, _Builder._ignore)
    _HANDLERS[event_class] = handler
    return handler


def _key_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def parse_yaml(text: str) -> ParseResult:
    """Parse every document of a file; never raises for bad input."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    builder = _Builder()
    try:
        parser_class = _c_parser()
        if parser_class is None:
            for event in _events(text):
                builder.feed(event)
        else:
            _feed_all(parser_class(text), builder)
    except _Abort as abort:
        builder.issues.append(abort.issue)
        return ParseResult(builder.documents, builder.issues, fatal=True)
    except MarkedYAMLError as error:
        builder.issues.append(_syntax_issue(error, text))
        return ParseResult(builder.documents, builder.issues, fatal=True)
    except (YAMLError, ValueError, RecursionError) as error:  # pragma: no cover - libyaml edge cases
        builder.issues.append(LoadIssue("S001", "default", Span(1, 1, 1, 2), {"problem": str(error)}))
        return ParseResult(builder.documents, builder.issues, fatal=True)
    return ParseResult(builder.documents, builder.issues)


def _events(text: str) -> Any:
    """libyaml's events through ruamel.yaml.clib's CParser; ruamel's pure parser when it is missing.

    The CParser is used directly: `YAML(typ="safe").parse` builds a loader class and scans the
    plug-in folders on every call, which cost more than the parsing itself for small files.
    """
    parser_class = _c_parser()
    if parser_class is None:
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=True).parse(text)
    return _drain(parser_class(text))


def _feed_all(parser: Any, builder: _Builder) -> None:
    """libyaml's events straight into the builder (no generator between them: the inner loop)."""
    handlers, more, get = _HANDLERS, parser.check_event, parser.get_event
    try:
        while more():
            event = get()
            (handlers.get(type(event)) or _handler(type(event)))(builder, event)
    finally:
        parser.dispose()


def _drain(parser: Any) -> Any:
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


_C_PARSER: list[Any] = []


def _c_parser() -> Any:
    if not _C_PARSER:
        try:
            from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
        except ImportError:  # no ruamel.yaml.clib: fall back to the pure-Python parser
            CParser = None
        _C_PARSER.append(CParser)
    return _C_PARSER[0]


def _syntax_issue(error: Any, text: str) -> LoadIssue:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    lines = text.splitlines()
    if lines and line > len(lines):  # "unexpected end of stream": point at the end of the last line
        line, column = len(lines), len(lines[-1]) + 1
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    opened = _quote_opened(error, text)
    if opened is not None:
        return _quote_issue(lines, opened, line)
    if mark is not None and 0 <= mark.line < len(lines):
        issue = _reserved_start(lines[mark.line], mark.column, line, problem)
        if issue is None:
            issue = _text_after_quote(lines[mark.line], mark.column, line)
        if issue is not None:
            return issue
    return LoadIssue("S001", "default", Span.point(line, column), {"problem": problem, "context": context})


def _quote_opened(error: Any, text: str) -> tuple[int, int] | None:
    """Where a quote opened that was not closed on its line, when that is what made the parser stop.

    libyaml reads on from an unclosed quote until the next quote character, perhaps many lines on
    (in a comment), and stops there or at the end of the file; the cause is where the quote opened.
    Returns 0-based (line, column) of the opening quote, or None."""
    context = (error.context or "").strip()
    if context.startswith("while scanning a quoted scalar") and error.context_mark is not None:
        return error.context_mark.line, error.context_mark.column
    stop = error.problem_mark
    if stop is None:
        return None
    from ruamel.yaml import YAML

    opened: tuple[int, int] | None = None
    try:
        for token in YAML(typ="safe", pure=True).scan(text):
            start, end = token.start_mark, token.end_mark
            if (start.line, start.column) >= (stop.line, stop.column):
                break
            quoted = type(token).__name__ == "ScalarToken" and token.style in ("'", '"')
            if quoted and end.line > start.line and stop.line - end.line <= 1:
                opened = (start.line, start.column)
    except Exception:  # the scanner stops at the same mistake; what it read up to there is enough
        pass
    return opened


def _quote_issue(lines: list[str], opened: tuple[int, int], stop_line: int) -> LoadIssue:
    line, column = opened
    text = lines[line] if line < len(lines) else ""
    value = text[column:].rstrip()
    key = text[:column].rstrip()
    bare = value[1:] if value.startswith('"') else value  # an apostrophe stays: "'t Zandt"
    bare = bare.replace('"', '\\"')
    params = {"quote": value[:1] or '"', "stop_line": stop_line, "example": f'{key} "{bare}"'.strip()}
    message_key = (
        "apostrophe_start" if value.startswith("'") and not value.endswith("'") else "unclosed_quote"
    )
    return LoadIssue(
        "S001", message_key, Span(line + 1, column + 1, line + 1, column + 1 + max(1, len(value))), params
    )


_QUOTED_THEN_TEXT = re.compile(
    r"""^(\s*(?:-\s+)?[^\s:#'"][^:#]*:\s+)(["'])(.*?)\2[ \t]+([^#\s][^#]*?)\s*(?:#.*)?$"""
)


def _text_after_quote(text: str, column: int, line: int) -> LoadIssue | None:
    """`name: "Gemeente" Almere`: a quoted value with more text after it on the line."""
    found = _QUOTED_THEN_TEXT.match(text)
    if found is None or column < len(found.group(1)) + len(found.group(3)) + 2:
        return None
    whole = f"{found.group(3)} {found.group(4)}".replace('"', '\\"')  # the quotes around all of it
    example = f'{found.group(1).strip()} "{whole}"'
    start = len(found.group(1)) + 1
    end = start + len(found.group(3)) + 3 + len(found.group(4))
    return LoadIssue("S001", "text_after_quote", Span(line, start, line, end), {"example": example})


def _reserved_start(text: str, column: int, line: int, problem: str) -> LoadIssue | None:
    """A value that starts with `@` or a backtick (YAML reserves them): quote the whole value."""
    if not problem.startswith("found character that cannot start any token"):
        return None
    char = text[column : column + 1]
    if char not in ("@", "`", "%"):
        return None
    value = text[column:].split(" #")[0].rstrip()
    example = f'{text[:column].rstrip()} "{value}"'.strip()
    span = Span(line, column + 1, line, column + 1 + max(1, len(value)))
    return LoadIssue("S001", "reserved_start", span, {"char": char, "example": example})
