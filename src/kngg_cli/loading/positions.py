"""Where every key and value of a document stands, computed once by the loader."""

from __future__ import annotations

from dataclasses import dataclass

from kngg_cli.findings import Span

PathPart = str | int
NodePath = tuple[PathPart, ...]


@dataclass(slots=True)
class NodePosition:
    value: Span
    key: Span | None = None  # None for sequence items and the document root


RawSpan = tuple[int, int, int, int]  # line, column, end line, end column


class PositionIndex:
    """Maps a node path such as ("parties", 0, "signed") to its key and value spans.

    The loader records every node of every file, and rules ask for a few: positions are kept as
    tuples and become Spans when asked for."""

    __slots__ = ("_nodes", "rewritten")

    def __init__(self) -> None:
        self._nodes: dict[NodePath, tuple[RawSpan, RawSpan | None] | NodePosition] = {}
        # the keys (True) and values (False) whose text the parser decoded: quoted, block and
        # multi-line scalars, which read otherwise than they are written (the privacy rules read
        # these as decoded; every other key and value reads exactly as the file has it)
        self.rewritten: list[tuple[NodePath, bool]] = []

    def add(self, path: NodePath, value: Span, key: Span | None = None) -> None:
        self._nodes[path] = NodePosition(value, key)

    def add_raw(self, path: NodePath, value: RawSpan, key: RawSpan | None = None) -> None:
        self._nodes[path] = (value, key)

    def get(self, path: NodePath) -> NodePosition | None:
        found = self._nodes.get(path)
        if found is None or isinstance(found, NodePosition):
            return found
        value, key = found
        position = NodePosition(Span(*value), Span(*key) if key is not None else None)
        self._nodes[path] = position
        return position

    def __contains__(self, path: NodePath) -> bool:
        return path in self._nodes

    def nearest(self, path: NodePath) -> tuple[NodePath, NodePosition]:
        """The node at path, or its nearest ancestor that exists (the document root at worst)."""
        probe = tuple(path)
        while probe and probe not in self._nodes:
            probe = probe[:-1]
        position = self.get(probe)
        assert position is not None  # the root is always there
        return probe, position

    def value_span(self, path: NodePath) -> Span:
        return self.nearest(path)[1].value

    def key_span(self, path: NodePath) -> Span:
        """The key of a mapping entry; for a list item or the root, the start of the value."""
        position = self.nearest(path)[1]
        return position.key or _first_line(position.value)


def _first_line(span: Span) -> Span:
    if span.end_line == span.line:
        return span
    return Span(span.line, span.column, span.line, span.column + 1)
