"""Gate of step 8: ontwikkel de aanpak voor jouw regio (M&E, communicatie, leren, lokale taken)."""

from __future__ import annotations

from collections.abc import Iterator

from kngg_cli.findings import Problem
from kngg_cli.model.body import BodyType
from kngg_cli.model.document import Document
from kngg_cli.model.monitoring import INDICATOR_TYPES, ME_LEVELS
from kngg_cli.model.person import RoleName
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import (
    bodies_of_type,
    filled,
    gemeente_label,
    governing_body,
    key_or_kind,
    point,
    role_entry,
    role_params,
)

LEARNING_BODIES: tuple[BodyType, ...] = ("intervisie", "leernetwerk", "buddy")


def monitoring_plans(view: RegionView) -> list[Document]:
    return sorted(view.valid("MonitoringPlan"), key=lambda d: (d.source.relative, d.index))


@rule("G801")
def monitoring_agreed(view: RegionView) -> Iterator[Problem]:
    if view.region is None:
        return
    plans = monitoring_plans(view)
    if not plans:
        yield Problem("G801", view.region_location(), "no_plan", {}, view.region_id)
        return
    governing = governing_body(view)
    for document in plans:
        plan = document.model
        params = {"plan": plan.id}
        if plan.agreed_by is None:
            yield Problem("G801", key_or_kind(document, "agreed_by"), "no_agreed_by", params, plan.id)
        elif governing is not None and plan.agreed_by in view.bodies and plan.agreed_by != governing.model.id:
            params |= {"agreed_by": plan.agreed_by, "type": view.bodies[plan.agreed_by].type}
            params |= _governing_params(governing)
            yield Problem("G801", point(document, ("agreed_by",)), "not_governing", params, plan.id)
        if plan.agreed_on is None:
            yield Problem("G801", key_or_kind(document, "agreed_on"), "no_agreed_on", params, plan.id)


def _governing_params(body: Document) -> dict[str, str]:
    return {"governing": body.model.id, "governing_name": body.model.name, "governing_type": body.model.type}


@rule("G802")
def process_and_result(view: RegionView) -> Iterator[Problem]:
    for document in monitoring_plans(view):
        types = {i.facts()[1] for i in document.model.indicators}
        if None in types:
            continue  # an indicator R009 reports may be the missing one: no cascade
        for kind in INDICATOR_TYPES:
            if kind not in types:
                params = {"plan": document.model.id, "type": kind}
                yield Problem(
                    "G802", key_or_kind(document, "indicators"), "default", params, document.model.id
                )


@rule("G803")
def every_level(view: RegionView) -> Iterator[Problem]:
    from kngg_cli.catalog.reference import me_matrix

    names = me_matrix().levels
    for document in monitoring_plans(view):
        levels = {i.facts()[0] for i in document.model.indicators}
        if None in levels:
            continue  # an indicator R009 reports may be the missing one: no cascade
        for level in ME_LEVELS:
            if level not in levels:
                example = next(ref for ref in me_matrix().indicators if ref.startswith(level))
                params = {
                    "plan": document.model.id,
                    "level": level,
                    "level_name": names.get(level, ""),
                    "example": example,
                }
                yield Problem(
                    "G803", key_or_kind(document, "indicators"), "default", params, document.model.id
                )


@rule("G804")
def communication(view: RegionView) -> Iterator[Problem]:
    if view.region is None:
        return
    plans = sorted(view.valid("CommunicationPlan"), key=lambda d: (d.source.relative, d.index))
    if not plans:
        yield Problem("G804", view.region_location(), "no_plan", {}, view.region_id)
        return
    if not any(d.model.channels for d in plans):
        document = plans[0]
        params = {"plan": document.model.id}
        yield Problem("G804", key_or_kind(document, "channels"), "no_channels", params, document.model.id)
    if not any(d.model.gemeente_contact for d in plans):
        document = plans[0]
        params = {"plan": document.model.id}
        yield Problem(
            "G804", key_or_kind(document, "gemeente_contact"), "no_contact", params, document.model.id
        )


@rule("G805")
def learning_structure(view: RegionView) -> Iterator[Problem]:
    if view.region is not None and not bodies_of_type(view, *LEARNING_BODIES):
        yield Problem("G805", view.region_location(), "default", {}, view.region_id)


@rule("G806")
def local_tasks(view: RegionView) -> Iterator[Problem]:
    for ref in view.roles("lokale_projectleider"):
        if not any(filled(t.description) for t in ref.role.tasks):
            params = role_params(ref)
            yield Problem("G806", role_entry(ref), "default", params, ref.person.id)


def _uncovered(view: RegionView, role_name: RoleName) -> list[str]:
    """The gemeenten no active role of this kind covers (the scope of a local role: format.md)."""
    covered: set[str] = set()
    for ref in view.roles(role_name):
        covered |= view.role_gemeenten(ref.person, ref.role)
    return [code for code in view.checked_gemeente_codes if code not in covered]


@rule("G705")
def local_project_leads(view: RegionView) -> Iterator[Problem]:
    for code in _uncovered(view, "lokale_projectleider"):
        params = {"gemeente": gemeente_label(view, code), "code": code}
        yield Problem("G705", view.gemeente_entry(code), "default", params, view.region_id)


@rule("G706")
def central_care_providers(view: RegionView) -> Iterator[Problem]:
    for code in _uncovered(view, "centrale_zorgverlener"):
        params = {"gemeente": gemeente_label(view, code), "code": code}
        yield Problem("G706", view.gemeente_entry(code), "default", params, view.region_id)


# G807: the tables besides the governing body
WORK_GROUPS: tuple[BodyType, ...] = ("werkgroep", "projectgroep")
DOMAIN_SIDES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sociaal", ("sociaal", "beide")),
    ("zorg", ("zorg", "beide")),
)


@rule("G807")
def zorg_and_sociaal(view: RegionView) -> Iterator[Problem]:
    """Zorg and sociaal domein both at the table: the governing body, the work groups, or the
    organisations that signed an agreement."""
    if view.region is None:
        return
    governing = governing_body(view)
    tables = ([governing] if governing is not None else []) + bodies_of_type(view, *WORK_GROUPS)
    present = {member.organisation for body in tables for member in body.model.members}
    present |= {p.organisation for _, a in view.agreements() for p in a.parties if p.signed is not None}
    domains = {
        organisation.effective_domain
        for organisation_id in present
        if (organisation := view.organisations.get(organisation_id)) is not None
    }
    location = key_or_kind(governing, "members") if governing is not None else view.region_location()
    subject = governing.model.id if governing is not None else view.region_id
    for side, accepted in DOMAIN_SIDES:
        if domains.isdisjoint(accepted):
            yield Problem("G807", location, side, {}, subject)
