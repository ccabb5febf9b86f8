"""What the gate rules share: finding the kerngroep, the coordinator, the agreements, and where to point."""

from __future__ import annotations

from typing import Any

from kngg_cli.findings import Location
from kngg_cli.loading.positions import NodePath
from kngg_cli.model.agreement import Agreement
from kngg_cli.model.body import GOVERNING_BODY_TYPES, BodyType
from kngg_cli.model.document import Document
from kngg_cli.regionview import RegionView, RoleRef

SOK = "samenwerkingsovereenkomst"
EPSILON = 1e-9  # durations are floats of days: P3M is exactly three months


def point(document: Document, path: NodePath) -> Location:
    """The value at path when it is written out; its key when the value is empty; else the nearest entry."""
    position = document.positions.get(tuple(path))
    if position is None:
        return document.entry_at(path)
    span = position.value
    if position.key is not None and span.line == span.end_line and span.end_column <= span.column:
        return document.key_at(path)
    return document.value_at(path)


def key_or_kind(document: Document, key: str) -> Location:
    """The `key:` of a top-level field when the document has it, else its `kind:` line."""
    if (key,) in document.positions:
        return document.key_at((key,))
    return document.kind_location()


def role_entry(ref: RoleRef) -> Location:
    """A role's `- role:` entry in the person's file."""
    return ref.document.entry_at(ref.path)


def sok_documents(view: RegionView) -> list[tuple[Document, Agreement]]:
    """The samenwerkingsovereenkomsten, in file order."""
    found = [(d, a) for d, a in view.agreements() if a.type == SOK]
    return sorted(found, key=lambda item: (item[0].source.relative, item[0].index))


def bodies_of_type(view: RegionView, *types: BodyType) -> list[Document]:
    found = [d for d in view.valid("Body") if d.model.type in types]
    return sorted(found, key=lambda d: (d.source.relative, d.index))


def governing_body(view: RegionView) -> Document | None:
    """The region's governing body (G606, G701, G703, G801, G903), or None when it has none.

    rules.md: the kerngroep, else the regiegroep, else the stuurgroep (GOVERNING_BODY_TYPES)."""
    for body_type in GOVERNING_BODY_TYPES:
        found = bodies_of_type(view, body_type)
        if found:
            return found[0]
    return None


def body_params(body: Document) -> dict[str, Any]:
    return {"body": body.model.id, "name": body.model.name, "type": body.model.type}


def filled(text: Any) -> bool:
    return isinstance(text, str) and bool(text.strip())


def organisation_label(view: RegionView, organisation_id: str) -> str:
    organisation = view.organisations.get(organisation_id)
    return organisation.name if organisation is not None else organisation_id


def gemeente_label(view: RegionView, code: str) -> str:
    name = view.gemeente_names.get(code)
    return f"{name} ({code})" if name else code


# How a message names a role: in words, never as the identifier in the file (rules.md 1.1).
ROLE_WORDS: dict[str, tuple[str, str]] = {
    "regionale_coordinator": ("regionale coördinator", "regional coordinator"),
    "kwartiermaker": ("kwartiermaker", "kwartiermaker"),
    "lokale_projectleider": ("lokale projectleider", "local project lead (lokale projectleider)"),
    "centrale_zorgverlener": ("centrale zorgverlener (CZV)", "central care provider (CZV)"),
    "contactpersoon": ("contactpersoon", "contact person"),
}


def role_params(ref: RoleRef) -> dict[str, Any]:
    """Who holds a role and the role in words (nl and en), for the messages about it."""
    nl, en = ROLE_WORDS.get(ref.role.role, (ref.role.role, ref.role.role))
    return {
        "person": ref.person.name,
        "id": ref.person.id,
        "role": ref.role.role,
        "role_nl": nl,
        "role_en": en,
    }
