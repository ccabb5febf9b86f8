"""A region document: its raw data and positions from the loader, and its validated model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kngg_cli.findings import Location, Span
from kngg_cli.loading.files import SourceFile
from kngg_cli.loading.positions import NodePath, PositionIndex
from kngg_cli.loading.region import LoadedRegion
from kngg_cli.model.validate import ModelIssue, validate_document


@dataclass(slots=True)
class Document:
    source: SourceFile
    index: int  # position within its file, 0-based
    data: Any
    positions: PositionIndex
    kind: str | None = None
    model: Any = None  # the validated model, or None when the document has S-issues
    issues: list[ModelIssue] = field(default_factory=list)
    _walked: dict[bool, list[tuple[NodePath, Any]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def id(self) -> str | None:
        value = self.data.get("id") if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else None

    @property
    def raw_kind(self) -> str | None:
        value = self.data.get("kind") if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else None

    def nodes(self, extensions: bool = True) -> Iterator[tuple[NodePath, Any]]:
        """Every mapping value and list item below the root with its path, depth first.

        With extensions=False, `x-…` keys and everything under them are left out. The document is
        walked once; the rules that read every value (privacy, references) share the walk."""
        if not self._walked:
            everything: list[tuple[NodePath, Any]] = []
            own: list[tuple[NodePath, Any]] = []
            _walk(self.data, (), everything, own, False)
            self._walked[True], self._walked[False] = everything, own
        return iter(self._walked[extensions])

    def kind_location(self) -> Location:
        """The `kind:` line: where a finding about the document as a whole points."""
        if isinstance(self.data, dict) and "kind" in self.data:
            return Location(self.source.path, self.positions.key_span(("kind",)))
        return Location(self.source.path, _first_line(self.positions.value_span(())))

    def value_at(self, path: NodePath) -> Location:
        """The value at path, or where the nearest existing ancestor stands."""
        found, position = self.positions.nearest(path)
        if found == tuple(path):
            return Location(self.source.path, position.value)
        return self._container_location(found)

    def key_at(self, path: NodePath) -> Location:
        found, position = self.positions.nearest(path)
        if found == tuple(path) and position.key is not None:
            return Location(self.source.path, position.key)
        return self.value_at(path)

    def entry_at(self, path: NodePath) -> Location:
        """Where a coordinator would add something to the mapping at path: its key, or its first line."""
        found, _ = self.positions.nearest(path)
        return self._container_location(found)

    def _container_location(self, path: NodePath) -> Location:
        if not path:
            return self.kind_location()
        position = self.positions.get(path)
        assert position is not None
        if position.key is not None:
            return Location(self.source.path, position.key)
        return Location(self.source.path, _first_line(position.value))


def _walk(
    data: Any,
    path: NodePath,
    everything: list[tuple[NodePath, Any]],
    own: list[tuple[NodePath, Any]],
    in_extension: bool,
) -> None:
    """Fill `everything` with every node and `own` with those outside `x-…` keys, in one pass."""
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for key, value in items:
        child = (*path, key)
        extension = in_extension or (isinstance(key, str) and key.startswith("x-"))
        everything.append((child, value))
        if not extension:
            own.append((child, value))
        if isinstance(value, dict | list):
            _walk(value, child, everything, own, extension)


def _first_line(span: Span) -> Span:
    if span.end_line == span.line:
        return span
    return Span(span.line, span.column, span.line, span.column + 1)


def build_documents(loaded: LoadedRegion) -> list[Document]:
    return [document for source in loaded.files for document in documents_of(source)]


def documents_of(source: SourceFile) -> list[Document]:
    """The validated documents of one file (the language server rebuilds only the file that changed)."""
    documents: list[Document] = []
    for index, parsed in enumerate(source.documents):
        validated = validate_document(parsed.data)
        documents.append(
            Document(
                source,
                index,
                parsed.data,
                parsed.positions,
                validated.kind,
                validated.model,
                validated.issues,
            )
        )
    return documents
