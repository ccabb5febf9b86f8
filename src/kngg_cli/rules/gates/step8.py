"""Gate of step 8: ontwikkel de aanpak voor jouw regio (M&E, communicatie, leren, lokale taken)."""

from __future__ import annotations

from collections.abc import Iterator

from kngg_cli.findings import Problem
from kngg_cli.model.document import Document
from kngg_cli.model.monitoring import INDICATOR_TYPES, ME_LEVELS
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import bodies_of_type, filled, key_or_kind, point, role_entry

LEARNING_BODIES = ("intervisie", "leernetwerk", "buddy")


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
    for document in plans:
        plan = document.model
        params = {"plan": plan.id, "agreed_by": plan.agreed_by or ""}
        if plan.agreed_by is None:
            yield Problem("G801", key_or_kind(document, "agreed_by"), "no_agreed_by", params, plan.id)
        elif plan.agreed_by in view.bodies and view.bodies[plan.agreed_by].type != "kerngroep":
            params["type"] = view.bodies[plan.agreed_by].type
            yield Problem("G801", point(document, ("agreed_by",)), "not_kerngroep", params, plan.id)
        if plan.agreed_on is None:
            yield Problem("G801", key_or_kind(document, "agreed_on"), "no_agreed_on", params, plan.id)


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
            params = {"person": ref.person.name, "id": ref.person.id}
            yield Problem("G806", role_entry(ref), "default", params, ref.person.id)
