"""Gate of step 6: teken de samenwerkingsovereenkomsten.

G602, G603 and G605 look at each samenwerkingsovereenkomst; G604, G607 and G608 at all of them
together (a party that signed any of them counts). With no samenwerkingsovereenkomst at all,
G601 says so and the rules about their content stay silent.
"""

from __future__ import annotations

from collections.abc import Iterator

from kngg_cli.findings import Location, Problem
from kngg_cli.model.agreement import Agreement
from kngg_cli.model.document import Document
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import (
    SOK,
    bodies_of_type,
    filled,
    gemeente_label,
    key_or_kind,
    organisation_label,
    point,
    sok_documents,
)

# G603: what makes an agreement operationeel bindend; G608: the randvoorwaarden.
BINDING_CLAUSES = ("financiering", "mandaat", "monitoring", "besluitvorming")
RANDVOORWAARDEN = ("rol_rc", "rol_projectleider", "opleiding", "communicatie", "indirecte_uren_czv")
# G607: the key organisations; a tuple is "one of these".
KEY_PARTY_TYPES: tuple[tuple[str, ...], ...] = (
    ("gemeente",),
    ("ggd", "jgz"),
    ("zorgverzekeraar",),
    ("huisartsen",),
    ("ziekenhuis",),
)


def _clause(agreement: Agreement, name: str) -> str | None:
    return getattr(agreement.clauses, name, None) if agreement.clauses is not None else None


def _clauses_location(document: Document) -> Location:
    return key_or_kind(document, "clauses")


def _signed_organisations(view: RegionView) -> set[str]:
    return {p.organisation for _, a in sok_documents(view) for p in a.parties if p.signed is not None}


@rule("G601")
def agreement_exists(view: RegionView) -> Iterator[Problem]:
    if view.region is not None and not sok_documents(view):
        others = sorted({a.type for _, a in view.agreements()})
        key = "other_types" if others else "default"
        yield Problem("G601", view.region_location(), key, {"types": others}, view.region_id)


@rule("G602")
def parties_signed(view: RegionView) -> Iterator[Problem]:
    for document, agreement in sok_documents(view):
        for index, party in enumerate(agreement.parties):
            if party.signed is not None:
                continue
            params = {
                "party": party.organisation,
                "party_name": organisation_label(view, party.organisation),
                "agreement": agreement.id,
            }
            yield Problem(
                "G602", point(document, ("parties", index, "signed")), "default", params, agreement.id
            )


@rule("G603")
def binding_clauses(view: RegionView) -> Iterator[Problem]:
    for document, agreement in sok_documents(view):
        missing = [name for name in BINDING_CLAUSES if not filled(_clause(agreement, name))]
        if missing:
            params = {"agreement": agreement.id, "clauses": missing, "first": missing[0]}
            yield Problem("G603", _clauses_location(document), "default", params, agreement.id)


@rule("G604")
def gemeenten_signed(view: RegionView) -> Iterator[Problem]:
    agreements = sok_documents(view)
    if not agreements:
        return  # G601
    signed = _signed_organisations(view)
    first_id = agreements[0][1].id
    for code in view.gemeente_codes:
        organisation = view.gemeente_organisation(code)
        params = {"gemeente": gemeente_label(view, code), "code": code, "agreement": first_id}
        if organisation is None:
            yield Problem("G604", view.gemeente_entry(code), "no_organisation", params, view.region_id)
            continue
        if organisation.id in signed:
            continue
        params["party"] = organisation.id
        unsigned_in = [
            a.id for _, a in agreements if any(p.organisation == organisation.id for p in a.parties)
        ]
        if unsigned_in:
            params["agreement"] = unsigned_in[0]
            yield Problem("G604", view.gemeente_entry(code), "not_signed", params, view.region_id)
        else:
            yield Problem("G604", view.gemeente_entry(code), "not_party", params, view.region_id)


@rule("G605")
def responsibilities(view: RegionView) -> Iterator[Problem]:
    for document, agreement in sok_documents(view):
        responsible = {r.organisation for r in agreement.responsibilities if r.organisation and r.tasks}
        for party in agreement.parties:
            if party.organisation in responsible:
                continue
            params = {
                "party": party.organisation,
                "party_name": organisation_label(view, party.organisation),
                "agreement": agreement.id,
            }
            location = key_or_kind(document, "responsibilities")
            yield Problem("G605", location, "default", params, agreement.id)


@rule("G606")
def governance_body(view: RegionView) -> Iterator[Problem]:
    if view.region is None:
        return
    bodies = bodies_of_type(view, "kerngroep", "regiegroep")
    if not bodies:
        yield Problem("G606", view.region_location(), "default", {}, view.region_id)
        return
    if any(any(filled(t) for t in body.model.tasks) for body in bodies):
        return
    for body in bodies:
        params = {"body": body.model.id, "name": body.model.name, "type": body.model.type}
        yield Problem("G606", key_or_kind(body, "tasks"), "no_tasks", params, body.model.id)


def _first_sok_location(view: RegionView, key: str) -> tuple[Location, str] | None:
    agreements = sok_documents(view)
    if not agreements:
        return None
    document, agreement = agreements[0]
    return key_or_kind(document, key), agreement.id


@rule("G607")
def key_parties(view: RegionView) -> Iterator[Problem]:
    where = _first_sok_location(view, "parties")
    if where is None:
        return  # G601
    location, agreement_id = where
    signed_types = {
        view.organisations[o].type for o in _signed_organisations(view) if o in view.organisations
    }
    for types in KEY_PARTY_TYPES:
        if signed_types.isdisjoint(types):
            params = {"type": " of ".join(types), "type_en": " or ".join(types), "agreement": agreement_id}
            yield Problem("G607", location, "default", params, agreement_id)


@rule("G608")
def randvoorwaarden(view: RegionView) -> Iterator[Problem]:
    agreements = sok_documents(view)
    if not agreements:
        return  # G601
    document, first = agreements[0]
    for name in RANDVOORWAARDEN:
        if not any(filled(_clause(a, name)) for _, a in agreements):
            params = {"clause": name, "agreement": first.id}
            yield Problem("G608", _clauses_location(document), "default", params, first.id)


__all__ = ["BINDING_CLAUSES", "KEY_PARTY_TYPES", "RANDVOORWAARDEN", "SOK"]
