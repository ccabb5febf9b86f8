from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from kngg_cli.model.common import DocumentBase, FileRef, GemeenteCode, IsoDate, Slug, Strict, empty_list


class Party(Strict):
    organisation: Slug = Field(description="De id van de Organisation die partij is.")
    signatory: str | None = Field(
        None, description="Wie tekent, met functie (bijvoorbeeld 'J. Jansen, wethouder')."
    )
    authority: str | None = Field(
        None,
        description="Waarom deze persoon mag tekenen (zoals 'krachtens volmacht van de burgemeester').",
    )
    on_behalf_of: list[GemeenteCode] = Field(
        default_factory=empty_list,
        description="Alleen bij een gemeente als partij: de gemeenten (CBS-codes) namens wie deze "
        "(mandaat)gemeente ook tekent.",
    )
    signed: IsoDate | None = Field(None, description="Datum van ondertekening; leeg zolang niet getekend.")


class Clauses(Strict):
    financiering: str | None = Field(None, description="Afspraken over (borging van) financiering.")
    mandaat: str | None = Field(None, description="Afspraken over mandaat.")
    besluitvorming: str | None = Field(None, description="Hoe besluiten worden genomen.")
    monitoring: str | None = Field(None, description="Afspraken over monitoring en evaluatie.")
    rol_rc: str | None = Field(None, description="De rol van de regionale coördinator.")
    rol_projectleider: str | None = Field(None, description="De rol van de lokale projectleider.")
    opleiding: str | None = Field(None, description="Opleiding en scholing.")
    communicatie: str | None = Field(None, description="Communicatie en materiaal.")
    indirecte_uren_czv: str | None = Field(None, description="Indirecte uren van centrale zorgverleners.")
    privacy: str | None = Field(None, description="Privacy en gegevensuitwisseling.")
    looptijd_en_opzegging: str | None = Field(None, description="Looptijd, wijziging en opzegging.")
    toetreding_en_uittreding: str | None = Field(None, description="Hoe partijen toetreden en uittreden.")
    aansprakelijkheid: str | None = Field(None, description="Aansprakelijkheid van de partijen.")
    geschillen: str | None = Field(None, description="Hoe geschillen worden opgelost.")


# The clause keys, in the order of the format: the fields of Clauses are their one home.
CLAUSE_KEYS: tuple[str, ...] = tuple(Clauses.model_fields)


class Responsibility(Strict):
    organisation: Slug | None = Field(None, description="De id van de verantwoordelijke Organisation.")
    tasks: list[str] = Field(
        default_factory=empty_list, description="Waarvoor de organisatie verantwoordelijk is."
    )


class Agreement(DocumentBase):
    """Een samenwerkingsovereenkomst, convenant of andere afspraak tussen partijen."""

    kind: Literal["Agreement"] = Field(description="Soort document.")
    title: str = Field(description="Titel van de overeenkomst.")
    type: Literal[
        "samenwerkingsovereenkomst",
        "convenant",
        "intentieverklaring",
        "dienstverleningsovereenkomst",
        "subsidie",
    ] = Field(description="Soort overeenkomst.")
    valid_from: IsoDate | None = Field(None, description="Ingangsdatum.")
    valid_until: IsoDate | None = Field(None, description="Einddatum.")
    document: FileRef | None = Field(None, description="Het getekende document (pad of URL).")
    parties: list[Party] = Field(min_length=1, description="De partijen; minstens een.")
    clauses: Clauses | None = Field(
        None, description="Wat de overeenkomst regelt; elke waarde is de afspraak in woorden."
    )
    responsibilities: list[Responsibility] = Field(
        default_factory=empty_list, description="Wie waarvoor verantwoordelijk is (operationeel bindend)."
    )

    @property
    def fully_signed(self) -> bool:
        """Every party has signed: what `status` and the documents count as a signed agreement."""
        return bool(self.parties) and all(party.signed is not None for party in self.parties)

    def started_on(self, day: date) -> bool:
        return self.valid_from is None or self.valid_from <= day

    def expired_on(self, day: date) -> bool:
        """Expired when `valid_until` is before the day: an agreement is in force on its last day."""
        return self.valid_until is not None and self.valid_until < day

    def in_force_on(self, day: date) -> bool:
        """format.md: every party signed, started and not expired on that day."""
        return self.fully_signed and self.started_on(day) and not self.expired_on(day)
