from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from kngg_cli.model.common import (
    DocumentBase,
    EmailAddress,
    FileRef,
    GemeenteCode,
    IsoDate,
    Slug,
    Strict,
    empty_list,
)

RoleName = Literal[
    "regionale_coordinator",
    "kwartiermaker",
    "lokale_projectleider",
    "centrale_zorgverlener",
    "projectleider_implementatie_czv",
    "algemeen_projectleider",
    "bestuurder",
    "beleidsadviseur",
    "contactpersoon",
]
JoggRole = Literal[
    "netwerker", "makelaar", "projectmanager", "uitvoerder", "coordinator", "programmamanager", "politicus"
]
LOCAL_ROLES: frozenset[RoleName] = frozenset(
    {"lokale_projectleider", "centrale_zorgverlener", "contactpersoon"}
)


def _task_from_text(value: Any) -> Any:
    return {"description": value} if isinstance(value, str) else value


class Task(Strict):
    description: str | None = Field(None, description="Wat de taak inhoudt.")
    level: Literal["strategisch", "operationeel"] | None = Field(
        None, description="strategisch (beleid en bestuur) of operationeel (proces en uitvoering)."
    )


class Role(Strict):
    role: RoleName = Field(description="De rol in de KnGG-aanpak.")
    since: IsoDate | None = Field(None, description="Vanaf wanneer de rol geldt.")
    until: IsoDate | None = Field(None, description="Tot wanneer de rol geldt; leeg = doorlopend.")
    hours_per_week: float | None = Field(None, ge=0, le=80, description="Uren per week voor deze rol.")
    assignment: FileRef | None = Field(None, description="De formele opdrachtbeschrijving (pad of URL).")
    gemeenten: list[GemeenteCode] | None = Field(None, description="Voor welke gemeenten de rol geldt.")
    tasks: list[Annotated[Task, BeforeValidator(_task_from_text, json_schema_input_type=str | Task)]] = Field(
        default_factory=empty_list, description="De taken van deze rol, elk met description en level."
    )
    jogg_roles: list[JoggRole] = Field(
        default_factory=empty_list, description="Rollen uit het onderzoek naar de JOGG-regisseur."
    )


class Person(DocumentBase):
    """Een persoon met een rol in de aanpak. Alleen werkgegevens: nooit gegevens van kinderen of gezinnen."""

    kind: Literal["Person"] = Field(description="Soort document.")
    name: str = Field(description="Naam van de persoon.")
    organisation: Slug = Field(description="Werkgever: de id van een Organisation.")
    email: EmailAddress | None = Field(
        None, description="Optioneel e-mailadres voor het werk, zoals naam@organisatie.nl."
    )
    phone: str | None = Field(None, description="Optioneel telefoonnummer voor het werk.")
    roles: list[Role] = Field(default_factory=empty_list, description="De rollen van deze persoon.")
