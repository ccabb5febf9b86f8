from __future__ import annotations

from typing import Literal

from pydantic import Field

from kngg_cli.model.common import DocumentBase, Duration, FileRef, Slug, Strict, empty_list

BodyType = Literal[
    "kerngroep", "stuurgroep", "regiegroep", "projectgroep", "werkgroep", "leernetwerk", "intervisie", "buddy"
]
# The bodies that govern the collaboration, in order of preference: the first one a region has is
# the one an agreement names as steering it.
GOVERNING_BODY_TYPES: tuple[BodyType, ...] = ("kerngroep", "regiegroep", "stuurgroep")


class Member(Strict):
    organisation: Slug = Field(description="De id van de Organisation die deelneemt.")
    person: Slug | None = Field(None, description="Optioneel: de id van de Person die deelneemt.")
    level: Literal["bestuurlijk", "management", "uitvoering"] | None = Field(
        None, description="Niveau: bestuurlijk, management of uitvoering."
    )


class Body(DocumentBase):
    """Een overleg in de overlegstructuur: kerngroep, stuurgroep, werkgroep, ..."""

    kind: Literal["Body"] = Field(description="Soort document.")
    name: str = Field(description="Naam van het overleg.")
    type: BodyType = Field(description="Soort overleg.")
    mandate: Literal["besluitvormend", "adviserend", "uitvoerend"] | None = Field(
        None, description="Mandaat: besluitvormend, adviserend of uitvoerend."
    )
    reports_to: Slug | None = Field(
        None, description="Optioneel: de id van het overleg waaraan dit overleg rapporteert."
    )
    frequency: Duration | None = Field(None, description="ISO-8601-duur tussen overleggen (P6W, P1M, P3M).")
    chair: Slug | None = Field(None, description="Optioneel: de id van de voorzitter (Person).")
    tasks: list[str] = Field(default_factory=empty_list, description="Waar dit overleg voor is, op schrift.")
    work_agenda: FileRef | None = Field(None, description="De gezamenlijke werkagenda (pad of URL).")
    members: list[Member] = Field(default_factory=empty_list, description="De leden, per organisatie.")
