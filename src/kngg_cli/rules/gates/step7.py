"""Gate of step 7: richt het project in met de juiste mensen en organisaties (the local roles, G705
and G706, are in the gate of step 8 since release 1.1: step 8 still says "Indien aangesteld")."""

from __future__ import annotations

from collections.abc import Iterator

from kngg_cli.findings import Problem
from kngg_cli.model.body import GOVERNING_BODY_TYPES
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import (
    bodies_of_type,
    body_params,
    filled,
    governing_body,
    key_or_kind,
    role_params,
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
LEADING_LEVELS = ("management", "bestuurlijk")  # G701
LEADING_ORGANISATIONS_MIN = 2  # G701: "management van belangrijke (uitvoerings)organisaties"


@rule("G701")
def governing_body_management(view: RegionView) -> Iterator[Problem]:
    body = governing_body(view)
    if body is None:
        return  # G606 (gate of step 6) asks for the governing body first
    leading = {
        member.organisation
        for member in body.model.members
        if member.level in LEADING_LEVELS and member.organisation in view.organisations
    }
    if len(leading) < LEADING_ORGANISATIONS_MIN:
        params = {**body_params(body), "count": len(leading), "minimum": LEADING_ORGANISATIONS_MIN}
        yield Problem("G701", key_or_kind(body, "members"), "default", params, body.model.id)


@rule("G702")
def domains_represented(view: RegionView) -> Iterator[Problem]:
    bodies = bodies_of_type(view, *GOVERNING_BODY_TYPES, "projectgroep", "werkgroep")
    if not bodies:
        return  # G701 asks for the kerngroep first
    anchor = governing_body(view) or bodies[0]
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
                "name": anchor.model.name,
                "example": types[0],
            }
            yield Problem("G702", key_or_kind(anchor, "members"), "default", params, anchor.model.id)


@rule("G703")
def work_agenda(view: RegionView) -> Iterator[Problem]:
    body = governing_body(view)
    if body is not None and not filled(body.model.work_agenda):
        yield Problem("G703", key_or_kind(body, "work_agenda"), "default", body_params(body), body.model.id)


@rule("G704")
def coordinator_task_levels(view: RegionView) -> Iterator[Problem]:
    roles = view.coordinator_roles()
    if not roles:
        return  # G502
    levels: set[str] = set()
    for ref in roles:
        for index, task in enumerate(ref.role.tasks):
            if task.level is None:
                params = {**role_params(ref), "task": task.description or ""}
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


@rule("G707")
def mandate(view: RegionView) -> Iterator[Problem]:
    for body in bodies_of_type(view, *GOVERNING_BODY_TYPES):
        if body.model.mandate is None:
            params = body_params(body)
            yield Problem("G707", key_or_kind(body, "mandate"), "default", params, body.model.id)
