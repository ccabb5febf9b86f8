from __future__ import annotations

from typing import Literal

from pydantic import Field

from kngg_cli.model.common import (
    DocumentBase,
    Duration,
    FileRef,
    GemeenteCode,
    IsoDate,
    Strict,
    empty_dict,
    empty_list,
)


class GemeenteEntry(Strict):
    code: GemeenteCode = Field(description="CBS-code van de gemeente, bijvoorbeeld GM0034.")
    name: str = Field(description="Naam van de gemeente zoals het CBS die schrijft.")
    role: Literal["mandaatgemeente", "afgevaardigde"] | None = Field(
        None,
        description="Optioneel: mandaatgemeente, of afgevaardigde die andere gemeenten vertegenwoordigt.",
    )
    subregion: str | None = Field(None, description="Optioneel vrij label: begin klein in een subregio.")


class CompletedStep(Strict):
    step: int = Field(description="Het afgeronde stapnummer (1-8).")
    date: IsoDate | None = Field(None, description="Datum waarop de stap is afgerond (JJJJ-MM-DD).")
    evidence: FileRef | None = Field(None, description="Bewijsstuk: pad in de regiomap of https-URL.")


class Progress(Strict):
    phase: Literal[1, 2] = Field(
        description="1 = fase 1 (stap 1-5 verkenning, 6-8 implementatie), 2 = experimenteren en uitvoeren."
    )
    step: int | None = Field(
        None,
        description="Alleen in fase 1: de huidige stap 1-8 (1-5 verkenningsfase, 6-8 implementatiefase).",
    )
    completed: list[CompletedStep] = Field(
        default_factory=empty_list, description="Gedateerd overzicht van afgeronde stappen, oudste eerst."
    )


class Decision(Strict):
    gemeente: GemeenteCode | None = Field(None, description="CBS-code van de gemeente die besloot.")
    date: IsoDate | None = Field(None, description="Datum van het besluit.")
    outcome: Literal["positief", "negatief", "aangehouden"] | None = Field(
        None, description="Uitkomst van het bestuurlijke besluit."
    )
    by: Literal["college", "raad", "anders"] | None = Field(None, description="Wie besloot.")
    reference: str | None = Field(None, description="Kenmerk van het besluit.")


class Thresholds(Strict):
    """kngg's own numbers (rules.md, configuration): not the Leidraad's, so a region may set them.

    The defaults here are the one home of these numbers; `kngg explain` reads them from this model."""

    governing_body_meets_every: Duration = Field(
        "P3M",
        description="G903: hoe vaak het sturende overleg minstens vergadert (ISO-8601-duur; standaard P3M).",
    )
    agreement_expiry_notice: Duration = Field(
        "P90D",
        description="G902: hoe lang vóór het aflopen van de samenwerkingsovereenkomst kngg waarschuwt "
        "(ISO-8601-duur; standaard P90D).",
    )
    rc_split_above_gemeenten: int = Field(
        8,
        ge=1,
        description="A004: boven dit aantal gemeenten adviseert kngg de rol van regionale coördinator "
        "over twee mensen te verdelen (standaard 8).",
    )


THRESHOLD_RULES = {
    "governing_body_meets_every": "G903",
    "agreement_expiry_notice": "G902",
    "rc_split_above_gemeenten": "A004",
}


class Checks(Strict):
    ignore: list[str] = Field(
        default_factory=empty_list, description="Regelcodes die voor deze regio niet gelden."
    )
    severity: dict[str, Literal["error", "warning", "info"]] = Field(
        default_factory=empty_dict, description="Andere ernst per regelcode: error, warning of info."
    )
    exclude: list[str] = Field(
        default_factory=empty_list,
        description="Patronen (globs) van YAML-bestanden in de regiomap die geen regiodocumenten zijn "
        "(bijvoorbeeld mkdocs.yml of site/**); kngg leest ze niet.",
    )
    thresholds: Thresholds = Field(
        default_factory=Thresholds,
        description="kngg's eigen drempels (niet uit de Leidraad), per regio aan te passen.",
    )


class Region(DocumentBase):
    """De regio: gemeenten, voortgang in het stappenplan, visie en instellingen."""

    kngg: int = Field(description="Versie van het bestandsformaat; deze versie van kngg leest 1.")
    kind: Literal["Region"] = Field(description="Soort document.")
    name: str = Field(description="Naam van de regio.")
    language: Literal["nl", "en"] | None = Field(
        None, description="Taal van documenten en meldingen: nl (standaard) of en."
    )
    iza_region: str | None = Field(
        None, description="Optioneel: de IZA/GALA-regio waar deze regio bij aansluit."
    )
    gemeenten: list[GemeenteEntry] = Field(
        min_length=1, description="De deelnemende gemeenten; minstens een."
    )
    progress: Progress = Field(description="Waar de regio staat in het stappenplan van de Leidraad.")
    decisions: list[Decision] = Field(
        default_factory=empty_list,
        description="Bestuurlijke besluiten van de gemeenten (verkenningsfase, stap 5).",
    )
    vision: str | None = Field(None, description="De gedeelde ambitie/visie.")
    ambitions: list[str] = Field(default_factory=empty_list, description="Concrete ambities.")
    related_approaches: list[Literal["kansrijke_start", "gli", "iza", "gala", "other"]] = Field(
        default_factory=empty_list, description="Verwante aanpakken: kansrijke_start, gli, iza, gala, other."
    )
    checks: Checks | None = Field(None, description="Hoe `kngg check` deze regio behandelt.")

    @property
    def thresholds(self) -> Thresholds:
        """The region's thresholds, kngg's defaults where it sets none."""
        return self.checks.thresholds if self.checks is not None else Thresholds()
