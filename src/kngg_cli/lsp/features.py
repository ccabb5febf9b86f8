"""What the language server says about a region: diagnostics, completion, hover and quick fixes.

Plain functions from kngg's findings and documents to lsprotocol types; `server.py` wires them to
the editor's requests.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp

from kngg_cli.findings import Finding, Severity, Span
from kngg_cli.lsp.regions import OpenRegion
from kngg_cli.texts import text

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_GEMEENTE_CODE = re.compile(r"^GM\d{4}$")


# -- positions -------------------------------------------------------------------------------------
def _utf16(line: str, column: int) -> int:
    """LSP counts UTF-16 code units; kngg counts characters."""
    prefix = line[:column]
    if prefix.isascii():
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


def _from_utf16(line: str, units: int) -> int:
    count = 0
    for index, character in enumerate(line):
        if count >= units:
            return index
        count += 2 if ord(character) > 0xFFFF else 1
    return len(line)


def to_range(span: Span, lines: list[str]) -> lsp.Range:
    def position(line: int, column: int) -> lsp.Position:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return lsp.Position(max(line - 1, 0), _utf16(text, max(column - 1, 0)))

    start = position(span.line, span.column)
    end = position(span.end_line, span.end_column)
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return lsp.Range(start, end)


def to_offset_column(lines: list[str], position: lsp.Position) -> tuple[str, int]:
    """The line at position and the character index the position stands on."""
    text = lines[position.line] if position.line < len(lines) else ""
    return text, _from_utf16(text, position.character)


# -- diagnostics -----------------------------------------------------------------------------------
def diagnostic(finding: Finding, lines: list[str], lang: str) -> lsp.Diagnostic:
    message = finding.message
    if finding.hint:
        message += f"\n{text('label.hint', lang)}: {finding.hint}"
    data = {"suggestions": list(finding.suggestions)} if finding.suggestions else None
    return lsp.Diagnostic(
        range=to_range(finding.location.span, lines),
        message=message,
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        source="kngg",
        data=data,
    )


# -- quick fixes -----------------------------------------------------------------------------------
def quick_fixes(
    uri: str, lines: list[str], diagnostics: list[lsp.Diagnostic], lang: str
) -> list[lsp.CodeAction]:
    """A did-you-mean suggestion of a diagnostic, as an edit of the text the diagnostic points at."""
    actions = []
    for diag in diagnostics:
        if diag.source != "kngg" or not isinstance(diag.data, dict):
            continue
        suggestions = [str(s) for s in diag.data.get("suggestions") or []]
        written = _text_in(lines, diag.range)
        if not suggestions or written is None:
            continue
        replacement = _pick(written, suggestions)
        quote = written[0] if len(written) > 1 and written[0] in "\"'" and written[-1] == written[0] else ""
        new_text = f"{quote}{replacement}{quote}"
        title = text("lsp.replace_with", lang, suggestion=replacement)
        edit = lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(diag.range, new_text)]})
        actions.append(
            lsp.CodeAction(
                title=title,
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diag],
                edit=edit,
                is_preferred=True,
            )
        )
    return actions


def _pick(written: str, suggestions: list[str]) -> str:
    """A code for a code, a name for a name (R005 suggests both)."""
    bare = written.strip("\"'")
    for suggestion in suggestions:
        if bool(_GEMEENTE_CODE.match(suggestion)) == bool(_GEMEENTE_CODE.match(bare)):
            return suggestion
    return suggestions[0]


def _text_in(lines: list[str], where: lsp.Range) -> str | None:
    if where.start.line != where.end.line or where.start.line >= len(lines):
        return None
    line = lines[where.start.line]
    start = _from_utf16(line, where.start.character)
    end = _from_utf16(line, where.end.character)
    return line[start:end] if end > start else None


# -- the word under the cursor -----------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z0-9_.\-]+")


def word_at(lines: list[str], position: lsp.Position) -> tuple[str, lsp.Range] | None:
    text, index = to_offset_column(lines, position)
    for match in _WORD.finditer(text):
        if match.start() <= index <= match.end():
            start = lsp.Position(position.line, _utf16(text, match.start()))
            end = lsp.Position(position.line, _utf16(text, match.end()))
            return match.group(), lsp.Range(start, end)
    return None


# -- hover -----------------------------------------------------------------------------------------
def hover(
    region: OpenRegion, path: Path, lines: list[str], position: lsp.Position, lang: str
) -> lsp.Hover | None:
    parts: list[str] = []
    for finding in region.published.get(path, []):
        if _covers(to_range(finding.location.span, lines), position):
            parts.append(_explanation(finding.code, lang))
    found = word_at(lines, position)
    where = None
    if found is not None:
        word, where = found
        described = _describe(region, word, lang)
        if described:
            parts.insert(0, described)
    if not parts:
        return None
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, "\n\n---\n\n".join(parts)), where)


def _covers(where: lsp.Range, position: lsp.Position) -> bool:
    start, end = (where.start.line, where.start.character), (where.end.line, where.end.character)
    return start <= (position.line, position.character) <= end


@cache
def _explanation(code: str, lang: str) -> str:
    from kngg_cli.explain import explain_text

    try:
        return explain_text(code, lang)
    except (KeyError, ValueError):
        return code


def _describe(region: OpenRegion, word: str, lang: str) -> str | None:
    """A gemeente code's name, or the document an id names (its kind, file and first lines)."""
    if _GEMEENTE_CODE.match(word):
        from kngg_cli.catalog.reference import gemeenten

        gemeente = gemeenten().get(word)
        if gemeente is None:
            return None
        return f"**{word}**: {gemeente.name} ({gemeente.province})"
    view = region.result.view if region.result is not None else None
    if view is None:
        return None
    for kind, documents in view.ids.items():
        document = documents.get(word)
        if document is None:
            continue
        start = document.positions.value_span(()).line
        end = document.positions.value_span(()).end_line
        lines = document.source.lines[start - 1 : min(end, start + 14)]
        where = f"{document.source.relative}:{start}"
        name = document.data.get("name") if isinstance(document.data, dict) else None
        title = f"**{kind}** `{word}`" + (f": {name}" if isinstance(name, str) else "")
        return f"{title} ({where})\n\n```yaml\n" + "\n".join(lines) + "\n```"
    return None


# -- completion ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Context:
    key: str | None
    kind: str | None
    prefix: str


_KEY_LINE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):\s*[\"']?([^\"'#]*)$")
_ITEM_LINE = re.compile(r"^(\s*)-\s+[\"']?([^\"'#:]*)$")
_FLOW_ITEM = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):\s*\[(?:[^\]]*,)?\s*[\"']?([^\"',\]]*)$")
_KIND_LINE = re.compile(r"^kind:\s*[\"']?([A-Za-z]+)")

# keys whose values name documents of a kind (format.md's references)
ID_KEYS: dict[str, tuple[str, ...]] = {
    "organisation": ("Organisation",),
    "organisations": ("Organisation",),
    "owner": ("Organisation", "Person"),
    "chair": ("Person",),
    "person": ("Person",),
    "people": ("Person",),
    "gemeente_contact": ("Person",),
    "reports_to": ("Body",),
    "agreed_by": ("Body",),
    "body": ("Body",),
    "bodies": ("Body",),
    "agreement": ("Agreement",),
    "agreements": ("Agreement",),
}
GEMEENTE_KEYS = frozenset({"code", "gemeente", "gemeenten", "on_behalf_of"})


def completion_context(lines: list[str], position: lsp.Position) -> _Context:
    text, index = to_offset_column(lines, position)
    before = text[:index]
    kind = next((m.group(1) for m in map(_KIND_LINE.match, lines) if m), None)
    for pattern in (_FLOW_ITEM, _KEY_LINE):
        match = pattern.match(before)
        if match:
            return _Context(match.group(1), kind, match.group(2).strip())
    match = _ITEM_LINE.match(before)
    if match:
        return _Context(_parent_key(lines, position.line, len(match.group(1))), kind, match.group(2).strip())
    return _Context(None, kind, "")


def _parent_key(lines: list[str], line: int, indent: int) -> str | None:
    """The key a list item stands under: the nearest line above with less (or equal, for YAML's
    unindented lists) indentation that ends in `key:`."""
    for number in range(line - 1, -1, -1):
        text = lines[number]
        stripped = text.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(text) - len(stripped)
        match = re.match(r"^(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):\s*(?:#.*)?$", stripped)
        if match and depth <= indent:
            return match.group(1)
        if depth < indent:
            return None
    return None


def completion(
    region: OpenRegion, path: Path, lines: list[str], position: lsp.Position
) -> list[lsp.CompletionItem]:
    context = completion_context(lines, position)
    if context.key is None:
        return []
    if context.key == "kind":
        from kngg_cli.model import KIND_MODELS

        return [_item(name, None, lsp.CompletionItemKind.Class) for name in KIND_MODELS]
    if context.key in ID_KEYS:
        return _id_items(region, ID_KEYS[context.key])
    if context.key in GEMEENTE_KEYS and not (context.key == "code" and path.name != "region.yaml"):
        return _gemeente_items(region, everywhere=path.name == "region.yaml")
    choices = field_choices(context.kind).get(context.key, []) if context.kind else []
    return [_item(value, None, lsp.CompletionItemKind.EnumMember) for value in choices]


def _item(
    label: str, detail: str | None, kind: lsp.CompletionItemKind, filter_text: str | None = None
) -> lsp.CompletionItem:
    return lsp.CompletionItem(
        label=label, detail=detail, kind=kind, filter_text=filter_text, insert_text=label
    )


def _id_items(region: OpenRegion, kinds: tuple[str, ...]) -> list[lsp.CompletionItem]:
    view = region.result.view if region.result is not None else None
    if view is None:
        return []
    items = []
    for kind in kinds:
        for identifier, document in sorted(view.ids.get(kind, {}).items()):
            name = document.data.get("name") if isinstance(document.data, dict) else None
            detail = f"{kind}: {name}" if isinstance(name, str) else kind
            items.append(_item(identifier, detail, lsp.CompletionItemKind.Reference))
    return items


def _gemeente_items(region: OpenRegion, everywhere: bool) -> list[lsp.CompletionItem]:
    """The region's gemeenten; in region.yaml (where they are chosen) every gemeente of the CBS list."""
    from kngg_cli.catalog.reference import gemeenten

    known = gemeenten()
    view = region.result.view if region.result is not None else None
    codes = list(known) if everywhere or view is None or not view.gemeente_codes else view.gemeente_codes
    items = []
    for code in codes:
        gemeente = known.get(code)
        name = gemeente.name if gemeente is not None else ""
        items.append(_item(code, name, lsp.CompletionItemKind.Value, f"{code} {name}"))
    return items


@cache
def field_choices(kind: str) -> dict[str, list[str]]:
    """The fixed values each key of a kind takes (types, roles, levels …), read from the models."""
    from kngg_cli.model import KIND_MODELS

    model = KIND_MODELS.get(kind)
    choices: dict[str, list[str]] = {}
    if model is not None:
        _collect(model, choices, set())
    choices.pop("kind", None)
    return choices


def _collect(model: Any, choices: dict[str, list[str]], seen: set[Any]) -> None:
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        key = info.alias or name
        for value in _literals(info.annotation, model, choices, seen):
            if value not in choices.setdefault(key, []):
                choices[key].append(value)


def _literals(annotation: Any, model: Any, choices: dict[str, list[str]], seen: set[Any]) -> list[str]:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        _collect(annotation, choices, seen)
        return []
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation) if isinstance(a, str)]
    found: list[str] = []
    for argument in typing.get_args(annotation):
        found.extend(_literals(argument, model, choices, seen))
    return found
