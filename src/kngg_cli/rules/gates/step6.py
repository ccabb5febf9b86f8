"""Gate of step 6: teken de samenwerkingsovereenkomsten.

G602, G603 and G605 look at each samenwerkingsovereenkomst; G604, G607 and G609 at all of them
together (a party that signed any of them counts); G608 at every agreement in force, of any type.
With no samenwerkingsovereenkomst at all, G601 says so and the rules about their content stay
silent. One unsigned gemeente is one finding: G604 at the gemeente's entry in region.yaml (where
rules.md puts a gemeente's missing signature), not also G602 at the party and G607 for the type.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kngg_cli.findings import Location, Problem
from kngg_cli.model.agreement import Agreement
from kngg_cli.model.document import Document
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import (
    SOK,
    body_params,
    filled,
    gemeente_label,
    governing_body,
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


def signed_gemeenten(view: RegionView) -> set[str]:
    """The gemeenten that have signed a samenwerkingsovereenkomst: their own gemeente organisation
    signed, or a signed gemeente party lists them in `on_behalf_of` (a mandaatgemeente)."""
    signed: set[str] = set()
    for _, agreement in sok_documents(view):
        for party in agreement.parties:
            organisation = view.organisations.get(party.organisation)
            if party.signed is None or organisation is None or organisation.type != "gemeente":
                continue
            if organisation.gemeente:
                signed.add(organisation.gemeente)
            signed.update(party.on_behalf_of)
    return signed


def unsigned_gemeenten(view: RegionView) -> list[str]:
    """The participating gemeenten G604 reports (not those whose code R005 reports)."""
    signed = signed_gemeenten(view)
    return [code for code in view.checked_gemeente_codes if code not in signed]


def _reported_by_g604(view: RegionView) -> set[str]:
    """Organisation ids of the gemeenten G604 reports: their unsigned parties are G604's finding."""
    found = set()
    for code in unsigned_gemeenten(view):
        organisation = view.gemeente_organisation(code)
        if organisation is not None:
            found.add(organisation.id)
    return found


@rule("G601")
def agreement_exists(view: RegionView) -> Iterator[Problem]:
    if view.region is not None and not sok_documents(view):
        others = sorted({a.type for _, a in view.agreements()})
        key = "other_types" if others else "default"
        yield Problem("G601", view.region_location(), key, {"types": others}, view.region_id)


@rule("G602")
def parties_signed(view: RegionView) -> Iterator[Problem]:
    gemeenten_reported = _reported_by_g604(view)
    for document, agreement in sok_documents(view):
        for index, party in enumerate(agreement.parties):
            if party.signed is not None or party.organisation in gemeenten_reported:
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
    first_id = agreements[0][1].id
    for code in unsigned_gemeenten(view):
        organisation = view.gemeente_organisation(code)
        params: dict[str, object] = {
            "gemeente": gemeente_label(view, code),
            "code": code,
            "agreement": first_id,
        }
        if organisation is None:
            yield Problem("G604", view.gemeente_entry(code), "no_organisation", params, view.region_id)
            continue
        params["party"] = organisation.id
        params["party_name"] = organisation.name
        unsigned = _unsigned_party(view, organisation.id)
        if unsigned is None:
            yield Problem("G604", view.gemeente_entry(code), "not_party", params, view.region_id)
            continue
        document, index, agreement = unsigned
        at = point(document, ("parties", index, "signed"))
        params |= {"agreement": agreement.id, "file": document.source.relative, "line": at.span.line}
        yield Problem("G604", view.gemeente_entry(code), "not_signed", params, view.region_id)


def _unsigned_party(view: RegionView, organisation_id: str) -> tuple[Document, int, Agreement] | None:
    """Where an organisation stands unsigned among the parties: the place to fill in `signed:`."""
    for document, agreement in sok_documents(view):
        for index, party in enumerate(agreement.parties):
            if party.organisation == organisation_id:
                return document, index, agreement
    return None


@rule("G605")
def responsibilities(view: RegionView) -> Iterator[Problem]:
    for document, agreement in sok_documents(view):
        responsible = {r.organisation for r in agreement.responsibilities if r.tasks}
        for party in agreement.parties:
            if party.organisation in responsible or party.organisation not in view.organisations:
                continue  # an unknown organisation is R001's finding: the typo is the one cause
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
    body = governing_body(view)
    if body is None:
        yield Problem("G606", view.region_location(), "default", {}, view.region_id)
    elif not any(filled(task) for task in body.model.tasks):
        yield Problem("G606", key_or_kind(body, "tasks"), "no_tasks", body_params(body), body.model.id)


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
    organisations = view.organisations
    if any(p.organisation not in organisations for _, a in sok_documents(view) for p in a.parties):
        return  # a party R001 reports may be the missing type (a typo in its id): one cause
    # A type among the parties is either signed or G602's finding at the unsigned party: G607 only
    # names the key types that are no party at all.
    party_types = {
        organisations[p.organisation].type
        for _, a in sok_documents(view)
        for p in a.parties
        if p.organisation in organisations
    }
    for types in KEY_PARTY_TYPES:
        if not party_types.isdisjoint(types):
            continue  # signed, or a party of this type has not signed yet: G602 at that party
        if types == ("gemeente",) and view.checked_gemeente_codes:
            continue  # each unsigned gemeente is G604's finding, at the gemeente
        params = {"type": " of ".join(types), "type_en": " or ".join(types), "agreement": agreement_id}
        candidate = next((o for o in organisations.values() if o.type in types), None)
        if candidate is not None:
            params |= {"party": candidate.id, "party_name": candidate.name}
            yield Problem("G607", location, "not_party", params, agreement_id)
        else:
            yield Problem("G607", location, "default", params, agreement_id)


@rule("G608")
def randvoorwaarden(view: RegionView) -> Iterator[Problem]:
    in_force = [(d, a) for d, a in _agreements_in_file_order(view) if a.in_force_on(view.today)]
    if not in_force:
        return  # G601, G602 or G609 says why nothing binds the region
    document, first = next(((d, a) for d, a in in_force if a.type == SOK), in_force[0])
    # A samenwerkingsovereenkomst that is not in force is G602's, G604's or G609's finding: what it
    # settles counts once that is fixed, so its clauses are not reported missing too (one cause).
    waiting = [a for _, a in sok_documents(view) if not a.in_force_on(view.today)]
    for name in RANDVOORWAARDEN:
        if not any(filled(_clause(a, name)) for _, a in in_force) and not any(
            filled(_clause(a, name)) for a in waiting
        ):
            params = {"clause": name, "agreement": first.id}
            yield Problem("G608", _clauses_location(document), "default", params, first.id)


def _agreements_in_file_order(view: RegionView) -> list[tuple[Document, Agreement]]:
    return sorted(view.agreements(), key=lambda item: (item[0].source.relative, item[0].index))


@rule("G609")
def agreement_in_force(view: RegionView) -> Iterator[Problem]:
    """A signed samenwerkingsovereenkomst binds the region today: not expired, already started."""
    signed = [(d, a) for d, a in sok_documents(view) if a.fully_signed]
    if not signed or any(a.in_force_on(view.today) for _, a in signed):
        return  # none signed: G602; one in force: fine
    document, latest = max(
        signed, key=lambda item: (item[1].valid_until or date.max, item[1].valid_from or date.min)
    )
    params = {
        "agreement": latest.id,
        "title": latest.title,
        "until": latest.valid_until.isoformat() if latest.valid_until else "",
        "from": latest.valid_from.isoformat() if latest.valid_from else "",
    }
    if latest.expired_on(view.today):
        yield Problem("G609", point(document, ("valid_until",)), "expired", params, latest.id)
    else:
        yield Problem("G609", document.kind_location(), "not_started", params, latest.id)


__all__ = ["BINDING_CLAUSES", "KEY_PARTY_TYPES", "RANDVOORWAARDEN", "SOK"]
