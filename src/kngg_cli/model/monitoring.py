from __future__ import annotations

from typing import Literal, cast, get_args

from pydantic import Field

from kngg_cli.model.common import DocumentBase, Duration, IsoDate, Slug, Strict

# The M&E levels and indicator types; the M&E matrix (data/me-matrix.yaml) uses the same (a test checks).
MeLevel = Literal["A", "B", "C", "D", "E"]
IndicatorType = Literal["proces", "resultaat"]
ME_LEVELS: tuple[MeLevel, ...] = get_args(MeLevel)
INDICATOR_TYPES: tuple[IndicatorType, ...] = get_args(IndicatorType)


class Indicator(Strict):
    ref: str | None = Field(None, description="Een indicator uit de KnGG M&E-matrix, bijvoorbeeld A.1.")
    id: Slug | None = Field(None, description="Id van een eigen indicator van de regio.")
    name: str | None = Field(None, description="Naam (eigen indicator).")
    level: MeLevel | None = Field(None, description="M&E-niveau A-E (eigen indicator).")
    type: IndicatorType | None = Field(None, description="proces of resultaat (eigen indicator).")
    source: Literal["rivm", "kngg_me_matrix", "eigen"] | None = Field(
        None, description="Bron van de indicator."
    )
    owner: Slug | None = Field(None, description="Eigenaar: id van een Person of Organisation.")
    frequency: Duration | None = Field(None, description="ISO-8601-duur tussen metingen.")
    instrument: str | None = Field(None, description="Hoe de indicator gemeten wordt.")

    def facts(self) -> tuple[MeLevel | None, IndicatorType | None]:
        """(level, type): from the M&E matrix for a `ref`, else as the region states them.

        An unknown `ref` (R009) has neither, so that the gates that count levels and types do not
        report a second time what R009 already reports.
        """
        if self.ref is None:
            return self.level, self.type
        from kngg_cli.catalog.reference import me_matrix

        known = me_matrix().indicators.get(self.ref)
        if known is None:
            return None, None
        return self.level or cast(MeLevel, known.level), self.type or cast(IndicatorType, known.type)


class MonitoringPlan(DocumentBase):
    """Het monitorings- en evaluatieplan (M&E)."""

    kind: Literal["MonitoringPlan"] = Field(description="Soort document.")
    name: str | None = Field(None, description="Optionele naam van het plan.")
    agreed_by: Slug | None = Field(None, description="De id van het overleg (Body) dat het plan vaststelde.")
    agreed_on: IsoDate | None = Field(None, description="Datum van vaststelling.")
    reviewed_on: IsoDate | None = Field(None, description="Datum van de laatste jaarlijkse herziening.")
    evaluation_cycle: Duration | None = Field(
        None, description="ISO-8601-duur tussen evaluatiemomenten (P6M)."
    )
    indicators: list[Indicator] = Field(min_length=1, description="De indicatoren; minstens een.")
