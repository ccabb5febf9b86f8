"""One home per enumeration: the model's Literals. Everything that lists their values (labels in nl
and en, clause titles, the governing bodies) must cover exactly those values."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, get_args, get_origin

import pytest

from kngg_cli.model import CLAUSE_KEYS
from kngg_cli.model.agreement import Agreement
from kngg_cli.model.body import GOVERNING_BODY_TYPES, Body, BodyType, Member
from kngg_cli.model.communication import Channel
from kngg_cli.model.monitoring import Indicator
from kngg_cli.model.organisation import Organisation
from kngg_cli.model.person import LOCAL_ROLES, RoleName, Task
from kngg_cli.model.region import Decision, GemeenteEntry, Region
from kngg_cli.render import labels


def literal_values(annotation: Any) -> set[Any]:
    """The values of the Literal inside an annotation (`Literal[...] | None`, `list[Literal[...]]`)."""
    if get_origin(annotation) is Literal:
        return set(get_args(annotation))
    found: set[Any] = set()
    if get_origin(annotation) in (typing.Union, types.UnionType, list):
        for argument in get_args(annotation):
            found |= literal_values(argument)
    return found


# label group -> the model field whose Literal it labels
LABELLED = {
    "organisation_type": (Organisation, "type"),
    "role": (__import__("kngg_cli.model.person", fromlist=["Role"]).Role, "role"),
    "body_type": (Body, "type"),
    "mandate": (Body, "mandate"),
    "member_level": (Member, "level"),
    "task_level": (Task, "level"),
    "agreement_type": (Agreement, "type"),
    "indicator_type": (Indicator, "type"),
    "channel_type": (Channel, "type"),
    "gemeente_role": (GemeenteEntry, "role"),
    "decision_outcome": (Decision, "outcome"),
    "decision_by": (Decision, "by"),
    "approach": (Region, "related_approaches"),
}


def test_every_label_group_labels_a_model_literal() -> None:
    assert set(labels.VALUE_LABELS) == set(LABELLED)


@pytest.mark.parametrize("group", sorted(LABELLED))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_labels_cover_every_value_of_the_literal(group: str, lang: str) -> None:
    model, field = LABELLED[group]
    values = literal_values(model.model_fields[field].annotation)
    assert values, f"{model.__name__}.{field} is no Literal"
    assert set(labels.VALUE_LABELS[group][lang]) == values


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_clause_titles_cover_the_clause_keys(lang: str) -> None:
    assert set(labels.CLAUSE_TITLES[lang]) == set(CLAUSE_KEYS)


def test_clause_keys_are_the_clauses_fields() -> None:
    from kngg_cli.model.agreement import Clauses

    assert tuple(Clauses.model_fields) == CLAUSE_KEYS


def test_governing_bodies_and_local_roles_are_values_of_their_literals() -> None:
    assert set(GOVERNING_BODY_TYPES) <= set(get_args(BodyType))
    assert set(LOCAL_ROLES) <= set(get_args(RoleName))
