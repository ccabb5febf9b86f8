"""The region facade: one region's documents, validated, with lookups and positions.

What every rule reads, and what every stage after the engine (status, render, edit) reads too.
It sits above the model and below the rules, so that no later stage needs to reach into rules/.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from kngg_cli.findings import Location
from kngg_cli.loading.files import REGION_FILE, SourceFile
from kngg_cli.model import LOCAL_ROLES
from kngg_cli.model.agreement import Agreement
from kngg_cli.model.body import Body
from kngg_cli.model.document import Document
from kngg_cli.model.organisation import Organisation
from kngg_cli.model.person import Person, Role, RoleName
from kngg_cli.model.region import Region

KWARTIERMAKER_LAST_STEP = 5  # G502


@dataclass(frozen=True, slots=True)
class RoleRef:
    """One role of one person, with where it stands."""

    document: Document
    person: Person
    index: int
    role: Role

    @property
    def path(self) -> tuple[str | int, ...]:
        return ("roles", self.index)


@dataclass
class RegionView:
    root: Path
    files: list[SourceFile]
    documents: list[Document]
    today: date
    unreadable: bool = False  # a file could not be read: cross-document rules would mislead
    extra: dict[str, Any] = field(default_factory=dict)

    # -- the region document -------------------------------------------------------------
    @cached_property
    def region_document(self) -> Document | None:
        for document in self.documents:
            if document.source.relative == REGION_FILE and document.raw_kind == "Region":
                return document
        return None

    @property
    def region(self) -> Region | None:
        document = self.region_document
        return document.model if document is not None else None

    @property
    def region_id(self) -> str:
        document = self.region_document
        return (document.id if document is not None else None) or self.root.name

    def region_location(self) -> Location:
        document = self.region_document
        if document is not None:
            return document.kind_location()
        return Location(self.root / REGION_FILE)

    def gemeente_entry(self, code: str) -> Location:
        """A gemeente's `- code:` entry in region.yaml: where anything missing for it is reported."""
        document = self.region_document
        region = self.region
        if document is None or region is None:
            return self.region_location()
        for index, entry in enumerate(region.gemeenten):
            if entry.code == code:
                return document.key_at(("gemeenten", index, "code"))
        return self.region_location()

    @cached_property
    def gemeente_codes(self) -> list[str]:
        region = self.region
        return [g.code for g in region.gemeenten] if region is not None else []

    @cached_property
    def gemeente_names(self) -> dict[str, str]:
        region = self.region
        return {g.code: g.name for g in region.gemeenten} if region is not None else {}

    def document_at(self, path: Path, line: int) -> Document | None:
        """The document of a file that a line belongs to: the last one starting at or before it."""
        found = None
        for document in self.documents:
            if document.source.path == path and document.positions.value_span(()).line <= line:
                found = document
        return found

    # -- documents by kind ---------------------------------------------------------------
    def valid(self, kind: str) -> list[Document]:
        return self._valid_by_kind.get(kind, [])

    @cached_property
    def _valid_by_kind(self) -> dict[str, list[Document]]:
        by_kind: dict[str, list[Document]] = {}
        for document in self.documents:
            if document.model is not None and document.kind is not None:
                by_kind.setdefault(document.kind, []).append(document)
        return by_kind

    @cached_property
    def ids(self) -> dict[str, dict[str, Document]]:
        """Every id per kind as written, valid or not, so one broken document does not cascade."""
        ids: dict[str, dict[str, Document]] = {}
        for document in self.documents:
            kind, identifier = document.raw_kind, document.id
            if kind is not None and identifier is not None:
                ids.setdefault(kind, {}).setdefault(identifier, document)
        return ids

    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        return {d.model.id: d.model for d in self.valid("Organisation")}

    @cached_property
    def people(self) -> dict[str, Person]:
        return {d.model.id: d.model for d in self.valid("Person")}

    @cached_property
    def bodies(self) -> dict[str, Body]:
        return {d.model.id: d.model for d in self.valid("Body")}

    def agreements(self) -> Iterator[tuple[Document, Agreement]]:
        for document in self.valid("Agreement"):
            yield document, document.model

    def gemeente_organisation(self, code: str) -> Organisation | None:
        for organisation in self.organisations.values():
            if organisation.type == "gemeente" and organisation.gemeente == code:
                return organisation
        return None

    # -- roles ---------------------------------------------------------------------------
    def roles(self, *names: RoleName, active_only: bool = True) -> list[RoleRef]:
        found = []
        for document in self.valid("Person"):
            person: Person = document.model
            for index, role in enumerate(person.roles):
                if names and role.role not in names:
                    continue
                if active_only and not is_active(role, self.today):
                    continue
                found.append(RoleRef(document, person, index, role))
        return found

    def coordinator_roles(self) -> list[RoleRef]:
        """The active regionale coördinator roles; the kwartiermaker's only up to step 5 (rules.md,
        G502: the kwartiermaker guides the first steps, from step 6 on only an RC counts)."""
        return self.roles("regionale_coordinator") or (
            self.roles("kwartiermaker") if self.kwartiermaker_counts else []
        )

    @property
    def kwartiermaker_counts(self) -> bool:
        region = self.region
        if region is None or region.progress.phase != 1:
            return False
        return region.progress.step is not None and region.progress.step <= KWARTIERMAKER_LAST_STEP

    def role_gemeenten(self, person: Person, role: Role) -> set[str]:
        """The scope of a role (format.md): its own `gemeenten:`; for a regional role the whole
        region; a local role never silently covers the whole region (empty: R011 asks)."""
        if role.gemeenten is not None:
            return set(role.gemeenten)
        if role.role not in LOCAL_ROLES:
            return set(self.gemeente_codes)
        organisation = self.organisations.get(person.organisation)
        if organisation is not None and organisation.type == "gemeente" and organisation.gemeente:
            return {organisation.gemeente}
        if organisation is not None and organisation.gemeenten is not None:
            return set(organisation.gemeenten)
        if len(self.gemeente_codes) == 1:
            return set(self.gemeente_codes)
        return set()

    # -- gemeenten whose code is unknown (R005) -----------------------------------------------
    @cached_property
    def unknown_gemeenten(self) -> dict[str, str | None]:
        """Codes in `gemeenten:` that are not in the CBS list, with the code R005 suggests.

        While R005 reports a code as an error, the rules about that gemeente stay quiet (one cause,
        one finding). A region that lowered or ignored R005 uses a newer code on purpose (a merger):
        then the code is a gemeente like any other and nothing is unknown."""
        from kngg_cli.catalog.reference import gemeente_suggestion, gemeenten

        region = self.region
        if region is None:
            return {}
        checks = region.checks
        if checks is not None and (
            "R005" in checks.ignore or checks.severity.get("R005", "error") != "error"
        ):
            return {}
        known = gemeenten()
        return {
            entry.code: gemeente_suggestion(entry.code, entry.name)
            for entry in region.gemeenten
            if entry.code not in known
        }

    @cached_property
    def checked_gemeente_codes(self) -> list[str]:
        """The participating gemeenten that rules about a gemeente look at (not those R005 reports)."""
        return [code for code in self.gemeente_codes if code not in self.unknown_gemeenten]


def is_active(role: Role, today: date) -> bool:
    return (role.since is None or role.since <= today) and (role.until is None or role.until >= today)
