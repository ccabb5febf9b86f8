"""Gate of step 7: richt het project in met de juiste mensen en organisaties."""

from __future__ import annotations

from collections.abc import Iterator

from kngg_cli.findings import Problem
from kngg_cli.model.document import Document
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import (
    bodies_of_type,
    filled,
    gemeente_label,
    key_or_kind,
)

# G702: the domains the bodies together represent; a tuple is "one of these".
DOMAINS: tuple[tuple[str, ...], ...] = (
    ("gemeente",),
    ("ggd", "jgz"),
    ("ziekenhuis",),
    ("zorgverzekeraar",),
    ("huisartsen",),
    ("paramedici",),
)
GOVERNING_BODIES = ("kerngroep", "stuurgroep", "regiegroep")


def _management_types(view: RegionView, body: Document) -> set[str]:
    types: set[str] = set()
    for member in body.model.members:
        organisation = view.organisations.get(member.organisation)
        if member.level == "management" and organisation is not None:
            types.add(organisation.type)
    return types


@rule("G701")
def kerngroep_management(view: RegionView) -> Iterator[Problem]:
    if view.region is None:
        return
    kerngroepen = bodies_of_type(view, "kerngroep")
    if not kerngroepen:
        yield Problem("G701", view.region_location(), "no_kerngroep", {}, view.region_id)
        return
    wanted = {"gemeente": {"gemeente"}, "ggd_jgz": {"ggd", "jgz"}}
    for key, types in wanted.items():
        if any(_management_types(view, body) & types for body in kerngroepen):
            continue
        body = kerngroepen[0]
        params = {"body": body.model.id, "name": body.model.name}
        yield Problem("G701", key_or_kind(body, "members"), f"no_{key}", params, body.model.id)


@rule("G702")
def domains_represented(view: RegionView) -> Iterator[Problem]:
    bodies = bodies_of_type(view, *GOVERNING_BODIES, "projectgroep", "werkgroep")
    if not bodies:
        return  # G701 asks for the kerngroep first
    kerngroepen = bodies_of_type(view, "kerngroep")
    anchor = (kerngroepen or bodies)[0]
    represented = {
        view.organisations[m.organisation].type
        for body in bodies
        for m in body.model.members
        if m.organisation in view.organisations
    }
    for types in DOMAINS:
        if represented.isdisjoint(types):
            params = {
                "type": " of ".join(types),
                "type_en": " or ".join(types),
                "body": anchor.model.id,
                "example": types[0],
            }
            yield Problem("G702", key_or_kind(anchor, "members"), "default", params, anchor.model.id)


@rule("G703")
def work_agenda(view: RegionView) -> Iterator[Problem]:
    for body in bodies_of_type(view, "kerngroep"):
        if not filled(body.model.work_agenda):
            params = {"body": body.model.id, "name": body.model.name}
            yield Problem("G703", key_or_kind(body, "work_agenda"), "default", params, body.model.id)


@rule("G704")
def coordinator_task_levels(view: RegionView) -> Iterator[Problem]:
    roles = view.coordinator_roles()
    if not roles:
        return  # G502
    levels: set[str] = set()
    for ref in roles:
        for index, task in enumerate(ref.role.tasks):
            if task.level is None:
                params = {"person": ref.person.name, "id": ref.person.id, "task": task.description or ""}
                location = ref.document.entry_at((*ref.path, "tasks", index))
                yield Problem("G704", location, "unlabelled", params, ref.person.id)
            else:
                levels.add(task.level)
    first = roles[0]
    tasks_path = (*first.path, "tasks")
    location = (
        first.document.key_at(tasks_path)
        if tasks_path in first.document.positions
        else first.document.entry_at(first.path)
    )
    for level in ("strategisch", "operationeel"):
        if level not in levels:
            params = {"person": first.person.name, "id": first.person.id, "level": level}
            yield Problem("G704", location, "missing_level", params, first.person.id)


def _uncovered(view: RegionView, role_name: str) -> list[str]:
    covered: set[str] = set()
    for ref in view.roles(role_name):
        covered |= view.role_gemeenten(ref.person, ref.role)
    return [code for code in view.gemeente_codes if code not in covered]


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


@rule("G707")
def mandate(view: RegionView) -> Iterator[Problem]:
    for body in bodies_of_type(view, *GOVERNING_BODIES):
        if body.model.mandate is None:
            params = {"body": body.model.id, "name": body.model.name, "type": body.model.type}
            yield Problem("G707", key_or_kind(body, "mandate"), "default", params, body.model.id)
