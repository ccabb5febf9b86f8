"""Editing discipline: change a region file in place, only where it must change.

Every editing command goes through this module:

1. `EditableFile.read` reads the bytes, remembers them (to notice a change on disk later), decodes
   UTF-8 (a BOM is remembered) and parses with the loader; a file with a syntax error, a duplicate
   key or anything else the loader refuses is refused with its finding (S001/S002/S009).
2. A `TextEditor` computes the change as small patches in the *original text*, at the positions
   the loader recorded for every key and value: replace one scalar, add a key after the last line
   of a mapping, append an item to a sequence, remove one entry. Nothing else is touched, so
   comments, blank lines, key order, flow style, quoting, indentation, line endings (CRLF stays
   CRLF) and a BOM stay exactly as they were. New lines copy the layout of their neighbours.
3. `TextEditor.new_text` applies the patches; `verify` parses the result again and proves that it
   holds exactly the intended data (every other document unchanged).
4. `EditableFile.write` writes atomically (temporary file in the same folder, fsync, rename, the
   file's mode kept) and, right before the rename, refuses when the file changed on disk since it
   was read.

ruamel's round-trip dumper is deliberately not used to write: it re-flows comments and spacing
(see pitfalls.md). Scalars are written by `render_scalar` and every result is re-parsed.
"""

from __future__ import annotations

import codecs
import copy
import difflib
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kngg_cli.findings import Span
from kngg_cli.loading.positions import NodePath, NodePosition, PositionIndex
from kngg_cli.loading.yamlnodes import LoadIssue, ParsedDocument, parse_yaml, resolve_plain
from kngg_cli.texts import KnggError, Text

# -- problems ----------------------------------------------------------------------------------


class EditProblem(KnggError):
    """An editing command stops; nothing is written. `key` names the text `edit.<key>` of
    catalog/texts.yaml; `details` are lines printed before it (findings, for example); a
    `suggestion` param (a did-you-mean value or None) reads "; bedoel je '…'?" or nothing."""

    exit_code = 1

    def __init__(self, key: str, details: list[str] | None = None, **params: Any) -> None:
        if "suggestion" in params:
            found = params["suggestion"]
            params["suggestion"] = Text("edit.suggestion", suggestion=found) if found else ""
        super().__init__(f"edit.{key}", details=details, **params)


class Refusal(EditProblem):
    """Refused for the region's content (exit 1): a syntax error, an unknown id, a gate not met …"""

    exit_code = 1


class CannotEdit(EditProblem):
    """The command could not run (exit 2): the file changed on disk, cannot be written, …"""

    exit_code = 2


class SyntaxRefusal(Refusal):
    def __init__(self, path: Path, display: str, issue: LoadIssue) -> None:
        self.issue = issue
        super().__init__("syntax", path=display, finding=describe_issue(display, issue))
        self.file = path

    def message(self, lang: str = "nl") -> str:
        self.params["finding"] = describe_issue(self.params["path"], self.issue, lang)
        return super().message(lang)


def describe_issue(display: str, issue: LoadIssue, lang: str = "nl") -> str:
    """`region.yaml:3:7: error S001 …` — a loader issue as one line, in the catalogue's words."""
    from kngg_cli.catalog import catalogue, render_message
    from kngg_cli.loading.syntax import syntax_params

    params = issue.params
    if issue.code == "S001":  # the Dutch wording of libyaml's problem, as `kngg check` gives it
        params = syntax_params(params)
    text, _hint = render_message(catalogue()[issue.code], issue.message_key, params, lang)
    return f"{display}:{issue.span.line}:{issue.span.column}: error {issue.code} {text}"


# -- lines -------------------------------------------------------------------------------------

# the line breaks the YAML parser counts (libyaml and ruamel alike)
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


@dataclass
class EditableFile:
    """A file as read for editing: its exact bytes, its text and what the loader made of it."""

    path: Path
    display: str
    raw: bytes
    text: str
    bom: bool
    documents: list[ParsedDocument]
    line_starts: list[int] = field(default_factory=list)
    line_ends: list[int] = field(default_factory=list)
    breaks: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path, display: str | None = None) -> EditableFile:
        path = path.resolve()
        shown = display or path.name
        raw = path.read_bytes()
        bom = raw.startswith(codecs.BOM_UTF8)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Refusal("not_utf8", path=shown) from None
        if "\x00" in text:
            raise Refusal("not_utf8", path=shown)
        result = parse_yaml(text)
        if result.issues:
            raise SyntaxRefusal(path, shown, result.issues[0])
        source = cls(path, shown, raw, text, bom, result.documents)
        source._index_lines()
        return source

    def _index_lines(self) -> None:
        starts, ends, breaks = [0], [], []
        for match in _BREAK.finditer(self.text):
            ends.append(match.start())
            breaks.append(match.group())
            starts.append(match.end())
        ends.append(len(self.text))
        breaks.append("")
        self.line_starts, self.line_ends, self.breaks = starts, ends, breaks

    # positions --------------------------------------------------------------------------------
    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def offset(self, line: int, column: int) -> int:
        if line > len(self.line_starts):  # the parser's end of a file without a final line break
            return len(self.text)
        return min(self.line_starts[line - 1] + column - 1, len(self.text))

    def line(self, number: int) -> str:
        """Line `number` (1-based) without its line break."""
        return self.text[self.line_starts[number - 1] : self.line_ends[number - 1]]

    @property
    def newline(self) -> str:
        """The file's usual line break ('\\n' for a file without any)."""
        found = [b for b in self.breaks if b]
        if not found:
            return "\n"
        return max(set(found), key=found.count)

    # writing ----------------------------------------------------------------------------------
    def encode(self, text: str) -> bytes:
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")

    def unchanged_on_disk(self) -> bool:
        try:
            current = self.path.read_bytes()
        except OSError:
            return False
        return hashlib.sha256(current).digest() == hashlib.sha256(self.raw).digest()

    def write(self, text: str) -> None:
        """Replace the file atomically, keeping its mode; refuse if it changed since it was read."""
        from kngg_cli.atomic import ReadOnlyFile, write_atomic

        def check_unchanged() -> None:
            if not self.unchanged_on_disk():
                raise CannotEdit("changed_on_disk", path=self.display)

        try:
            write_atomic(self.path, self.encode(text), keep_mode=True, before_replace=check_unchanged)
        except ReadOnlyFile:
            raise CannotEdit("read_only", path=self.display) from None
        except OSError as error:
            raise CannotEdit("cannot_write", path=self.display, problem=os_problem(error)) from None

    def diff(self, text: str) -> str:
        """A unified diff from the file as read to `text` (line breaks shown as in the file)."""
        before = _diff_lines(self.text)
        after = _diff_lines(text)
        return "".join(
            difflib.unified_diff(before, after, fromfile=f"a/{self.display}", tofile=f"b/{self.display}")
        )


def os_problem(error: OSError) -> str:
    """What went wrong, as the system words it: 'No space left on device' (not '[Errno 28] …')."""
    return error.strerror or str(error)


def _diff_lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.splitlines()]
    if text and not text.endswith(("\n", "\r")):
        lines[-1] = lines[-1].rstrip("\n") + "\n\\ No newline at end of file\n"
    return lines


# -- scalars -----------------------------------------------------------------------------------

_PLAIN_FIRST_FORBIDDEN = set("-?:,[]{}#&*!|>'\"%@` \t")
_FLOW_FORBIDDEN = set(",[]{}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def render_scalar(value: Any, *, flow: bool = False, quote: str | None = None) -> str:
    """The YAML text of one scalar: plain when that reads back as the same value, else quoted.

    `quote` (' or ") keeps the quoting style of the value being replaced.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        text = value.isoformat()
        return _quoted(text, quote) if quote else text
    text = str(value)
    if quote is None and _plain_ok(text, flow):
        return text
    return _quoted(text, quote or '"')


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in _PLAIN_FIRST_FORBIDDEN or _CONTROL.search(text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if flow and any(c in _FLOW_FORBIDDEN for c in text):
        return False
    return isinstance(resolve_plain(text), str)  # not a number, date, boolean or null


def _quoted(text: str, quote: str) -> str:
    if quote == "'" and not _CONTROL.search(text):
        return "'" + text.replace("'", "''") + "'"
    out = json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


# -- the editor --------------------------------------------------------------------------------


@dataclass(order=True)
class _Patch:
    start: int
    order: int
    end: int
    text: str


_PROPERTIES = re.compile(r"^(?:[&!][^\s]*\s+)*")


class TextEditor:
    """Collects patches for one document of a file; `new_text()` applies them."""

    def __init__(self, source: EditableFile, document: int = 0) -> None:
        self.source = source
        self.document = document
        parsed = source.documents[document]
        self.positions: PositionIndex = parsed.positions
        self.data: Any = parsed.data
        self.expected: Any = copy.deepcopy(parsed.data)
        self._patches: list[_Patch] = []

    # -- reading the original ----------------------------------------------------------------
    def value(self, path: NodePath) -> Any:
        node = self.data
        for part in path:
            node = node[part]
        return node

    def position(self, path: NodePath) -> NodePosition:
        found = self.positions.get(tuple(path))
        if found is None:
            raise self._layout(Text("edit.detail_no_position", path=_dotted(path)))
        return found

    def _head(self, span: Span) -> tuple[int, str]:
        """Offset and first character of a node after its anchor and tag."""
        start = self.source.offset(span.line, span.column)
        text = self.source.text[start : self.source.offset(span.end_line, span.end_column)]
        skipped = _PROPERTIES.match(text)
        skip = skipped.end() if skipped else 0
        return start + skip, text[skip : skip + 1]

    def is_flow(self, path: NodePath) -> bool:
        """The collection at path is written in flow style (`{…}`, `[…]`)."""
        return self._head(self.position(path).value)[1] in ("{", "[")

    def in_flow(self, path: NodePath) -> bool:
        """Some collection holding path (or path itself) is written in flow style."""
        return any(self.is_flow(path[:n]) for n in range(len(path) + 1) if path[:n] in self.positions)

    def _exact_end(self, path: NodePath, value: Any) -> bool:
        """The node's recorded end is where its text ends (scalars, aliases, flow collections)."""
        if not isinstance(value, dict | list):
            return True
        return self._head(self.position(path).value)[1] in ("{", "[", "*")

    def _subtree(self, path: NodePath, value: Any) -> Iterator[tuple[NodePath, Any]]:
        """The node at path and, below a block collection, every node inside it (all of them have
        positions; a flow collection or an alias ends where its text ends, so its inside is skipped)."""
        yield path, value
        if not self._exact_end(path, value):
            children = value.items() if isinstance(value, dict) else enumerate(value)
            for key, child in children:
                yield from self._subtree((*path, key), child)

    def last_line(self, path: NodePath) -> int:
        """The last line that holds text of the node at path (comments after it excluded)."""
        last = 0
        for sub, value in self._subtree(tuple(path), self.value(path)):
            found = self.positions.get(sub)
            if found is None:
                continue
            if found.key is not None:
                last = max(last, found.key.end_line)
            if self._exact_end(sub, value):
                last = max(last, self._value_last_line(found.value))
        if last == 0:
            raise self._layout(Text("edit.detail_no_lines", path=_dotted(path)))
        return last

    def _value_last_line(self, span: Span) -> int:
        """The last line of a scalar's text. A block scalar (`|`, `>`) ends, for the parser, where the
        next line starts, after any blank lines; those belong to it only with keep chomping (`|+`)."""
        if not _block_scalar(span):
            return span.end_line
        last = span.end_line - 1
        header = self.source.line(span.line)[span.column - 1 :]
        if "+" not in header.split("#")[0]:
            while not self.source.line(last).strip():  # the header line (`|`, `>`) stops it
                last -= 1
        return last

    def _end_offset(self, path: NodePath) -> int:
        """Where the text of an entry (key and value) ends, for flow collections."""
        found = self.position(path)
        end = self.source.offset(found.value.end_line, found.value.end_column)
        if found.key is not None:
            end = max(end, self.source.offset(found.key.end_line, found.key.end_column))
        return end

    # -- patches -----------------------------------------------------------------------------
    def _patch(self, start: int, end: int, text: str) -> None:
        self._patches.append(_Patch(start, len(self._patches), end, text))

    def _insert_lines_after(self, line: int, lines: list[str]) -> None:
        source = self.source
        newline = source.breaks[line - 1] or source.newline
        if source.breaks[line - 1]:
            at = source.line_starts[line]
            self._patch(at, at, "".join(x + newline for x in lines))
        else:  # the last line of a file without a final line break: keep it without one
            end = source.line_ends[line - 1]
            self._patch(end, end, "".join(newline + x for x in lines))

    def _layout(self, detail: Text) -> CannotEdit:
        return CannotEdit("layout", path=self.source.display, detail=detail)

    # -- operations --------------------------------------------------------------------------
    def set_scalar(self, path: NodePath, value: Any) -> None:
        """Replace the scalar at path with value, keeping its quoting style and a comment's column."""
        path = tuple(path)
        current = self.value(path)
        found = self.position(path)
        span = found.value
        start = self.source.offset(span.line, span.column)
        end = self.source.offset(span.end_line, span.end_column)
        old = self.source.text[start:end]
        if isinstance(current, dict | list) and not old.startswith("*"):
            raise self._layout(Text("edit.detail_not_scalar", path=_dotted(path)))
        flow = self.in_flow(path[:-1])
        quote = old[0] if old[:1] in ("'", '"') else None  # a number, a boolean or null stays plain
        text = render_scalar(value, flow=flow, quote=quote)
        if start == end and self.source.text[start - 1 : start] == ":":
            text = " " + text  # `signed:` with nothing after it
        if _block_scalar(span):  # up to its last line
            end = self.source.line_ends[self._value_last_line(span) - 1]
        elif span.line == span.end_line:
            rest = self.source.text[end : self.source.line_ends[span.line - 1]]
            gap = re.match(r"( +)#", rest)
            if gap:  # a comment after the value keeps its column when there is room
                width = len(gap.group(1))
                delta = len(text) - (end - start)
                text += " " * max(min(width, 2), width - delta)
                end += width
        self._patch(start, end, text)
        _assign(self.expected, path, value)

    def add_key(self, mapping: NodePath, key: str, value: Any) -> None:
        """Add `key: value` as the last entry of the mapping at path (block or flow style).

        A value may be a scalar or a list of mappings of scalars (a new `completed:` list)."""
        mapping = tuple(mapping)
        current = self.value(mapping)
        if not isinstance(current, dict) or key in current:
            raise self._layout(Text("edit.detail_cannot_add", path=_dotted((*mapping, key))))
        if self.is_flow(mapping):
            entry = f"{key}: {self._flow_value(value)}"
            self._insert_in_flow(mapping, list(current), entry)
        else:
            first = self.position((*mapping, next(iter(current))))
            if first.key is None:
                raise self._layout(Text("edit.detail_no_key_in", path=_dotted(mapping)))
            indent = " " * (first.key.column - 1)
            if isinstance(value, list):
                dash, item = self._sequence_style()
                lines = [f"{indent}{key}:"]
                for entry_value in value:
                    lines += self._block_item(indent + " " * dash, item, entry_value)
            else:
                lines = [f"{indent}{key}: {render_scalar(value)}"]
            self._insert_lines_after(self.last_line(mapping), lines)
        _assign(self.expected, (*mapping, key), copy.deepcopy(value))

    def set_key(self, mapping: NodePath, key: str, value: Any) -> None:
        """Set `key` of the mapping to a scalar: replace its value, or add the key when absent."""
        if key in self.value(mapping):
            self.set_scalar((*mapping, key), value)
        else:
            self.add_key(mapping, key, value)

    def append_item(self, sequence: NodePath, item: dict[str, Any]) -> None:
        """Append a mapping of scalars to the sequence at path, in the style of its last item."""
        sequence = tuple(sequence)
        current = self.value(sequence)
        if not isinstance(current, list):
            raise self._layout(Text("edit.detail_not_list", path=_dotted(sequence)))
        if self.is_flow(sequence):
            self._insert_in_flow(sequence, list(range(len(current))), self._flow_value(item))
        else:
            last_path = (*sequence, len(current) - 1)
            last = self.position(last_path)
            line = self.source.line(last.value.line)
            before = line[: last.value.column - 1].rstrip()
            if not before.endswith("-"):  # `- - x` (a list in a list) is fine: the inner dash counts
                raise self._layout(Text("edit.detail_layout_of", path=_dotted(sequence)))
            dash_column = len(before) - 1
            item_offset = last.value.column - 1 - dash_column
            indent = " " * dash_column
            if isinstance(current[-1], dict) and not self.is_flow(last_path):
                lines = self._block_item(indent, item_offset, item)
            else:
                lines = [f"{indent}-{' ' * (item_offset - 1)}{self._flow_value(item)}"]
            self._insert_lines_after(self.last_line(sequence), lines)
        target = self.expected
        for part in sequence:
            target = target[part]
        target.append(copy.deepcopy(item))

    def fill_list(self, path: NodePath, items: list[Any]) -> None:
        """Give a key without a value (`completed:` or `completed: null`) a list of mappings:
        block items on the lines under the key, or a flow list inside a flow collection."""
        path = tuple(path)
        if self.value(path) is not None:
            raise self._layout(Text("edit.detail_has_value", path=_dotted(path)))
        found = self.position(path)
        span = found.value
        text = self.source.text
        start = self.source.offset(span.line, span.column)
        end = self.source.offset(span.end_line, span.end_column)
        if self.in_flow(path[:-1]) or found.key is None:
            value = self._flow_value(items)
            if start == end and text[start - 1 : start] == ":":
                value = " " + value
            self._patch(start, end, value)
        else:
            if start != end:  # drop `null` / `~` and the spaces before it; a comment after it stays
                while text[start - 1] == " ":  # the key and its `:` come first
                    start -= 1
                self._patch(start, end, "")
            dash, item = self._sequence_style()
            indent = " " * (found.key.column - 1 + dash)
            lines = [line for entry in items for line in self._block_item(indent, item, entry)]
            self._insert_lines_after(span.end_line, lines)
        _assign(self.expected, path, copy.deepcopy(items))

    def remove_key(self, mapping: NodePath, key: str) -> None:
        """Remove one entry of a mapping: its whole lines (block style) or its text (flow style)."""
        mapping = tuple(mapping)
        current = self.value(mapping)
        keys = list(current)
        if key not in current or len(keys) < 2:
            raise self._layout(Text("edit.detail_cannot_remove", path=_dotted((*mapping, key))))
        path = (*mapping, key)
        found = self.position(path)
        if found.key is None:
            raise self._layout(Text("edit.detail_no_key_for", path=_dotted(path)))
        source = self.source
        if self.is_flow(mapping):
            index = keys.index(key)
            key_start = source.offset(found.key.line, found.key.column)
            if index > 0:
                start, end = self._end_offset((*mapping, keys[index - 1])), self._end_offset(path)
            else:
                following = self.position((*mapping, keys[1])).key
                assert following is not None
                start, end = key_start, source.offset(following.line, following.column)
            self._patch(start, end, "")
        else:
            if source.line(found.key.line)[: found.key.column - 1].strip():
                raise self._layout(Text("edit.detail_not_own_line", path=_dotted(path)))
            last = self.last_line(path)
            if last < source.line_count:
                start, end = source.line_starts[found.key.line - 1], source.line_starts[last]
            else:  # the last line of a file without a final line break: the break before it goes
                start, end = source.line_ends[found.key.line - 2], len(source.text)
            self._patch(start, end, "")
        target = self.expected
        for part in mapping:
            target = target[part]
        del target[key]

    # -- layout helpers ----------------------------------------------------------------------
    def _insert_in_flow(self, collection: NodePath, children: list[Any], entry: str) -> None:
        if children:
            at = self._end_offset((*collection, children[-1]))
            self._patch(at, at, f", {entry}")
        else:
            at, _char = self._head(self.position(collection).value)
            self._patch(at + 1, at + 1, entry)

    def _flow_value(self, value: Any) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k}: {self._flow_value(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self._flow_value(v) for v in value) + "]"
        return render_scalar(value, flow=True)

    def _block_item(self, dash_indent: str, item_offset: int, item: Any) -> list[str]:
        if not isinstance(item, dict):
            return [f"{dash_indent}-{' ' * (item_offset - 1)}{render_scalar(item)}"]
        lines = []
        for number, (key, value) in enumerate(item.items()):
            text = f"{key}: {render_scalar(value)}"
            if number == 0:
                lines.append(f"{dash_indent}-{' ' * (item_offset - 1)}{text}")
            else:
                lines.append(f"{dash_indent}{' ' * item_offset}{text}")
        return lines

    def _sequence_style(self) -> tuple[int, int]:
        """How this document indents block sequences: (dash past its key, item past its dash).

        Read from the first block sequence under a mapping key; `(2, 2)` when there is none."""
        for path, value in self._subtree((), self.data):
            if not (isinstance(value, list) and value and path and isinstance(path[-1], str)):
                continue
            found, first = self.positions.get(path), self.positions.get((*path, 0))
            if found is None or first is None or found.key is None or self.is_flow(path):
                continue
            line = self.source.line(first.value.line)
            before = line[: first.value.column - 1].rstrip()
            if before.endswith("-") and not before[:-1].strip():
                dash = len(before) - 1
                return max(0, dash - (found.key.column - 1)), first.value.column - 1 - dash
        return 2, 2

    # -- result ------------------------------------------------------------------------------
    @property
    def changed(self) -> bool:
        return bool(self._patches)

    def new_text(self) -> str:
        text = self.source.text
        out: list[str] = []
        cursor = 0
        for patch in sorted(self._patches):
            if patch.start < cursor:
                raise self._layout(Text("edit.detail_overlap"))
            out.append(text[cursor : patch.start])
            out.append(patch.text)
            cursor = patch.end
        out.append(text[cursor:])
        return "".join(out)

    def verify(self, text: str) -> None:
        """Parse the new text and prove it holds exactly the intended data."""
        result = parse_yaml(text)
        before = [d.data for d in self.source.documents]
        intended = [*before[: self.document], self.expected, *before[self.document + 1 :]]
        if result.issues or [d.data for d in result.documents] != intended:
            raise CannotEdit("unintended", path=self.source.display)


def _block_scalar(span: Span) -> bool:
    """A block scalar (`|`, `>`) ends, for the parser, at the first column of a later line."""
    return span.end_column == 1 and span.end_line > span.line


def _assign(data: Any, path: NodePath, value: Any) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _dotted(path: NodePath) -> str:
    return ".".join(str(p) for p in path) or "(document)"
