from __future__ import annotations

from typing import Literal

from pydantic import Field

from kngg_cli.model.common import DocumentBase, Duration, IsoDate, Slug, Strict


class Indicator(Strict):
    ref: str | None = Field(None, description="Een indicator uit de KnGG M&E-matrix, bijvoorbeeld A.1.")
    id: Slug | None = Field(None, description="Id van een eigen indicator van de regio.")
    name: str | None = Field(None, description="Naam (eigen indicator).")
    level: Literal["A", "B", "C", "D", "E"] | None = Field(
        None, description="M&E-niveau A-E (eigen indicator)."
    )
    type: Literal["proces", "resultaat"] | None = Field(
        None, description="proces of resultaat (eigen indicator)."
    )
    source: Literal["rivm", "kngg_me_matrix", "eigen"] | None = Field(
        None, description="Bron van de indicator."
    )
    owner: Slug | None = Field(None, description="Eigenaar: id van een Person of Organisation.")
    frequency: Duration | None = Field(None, description="ISO-8601-duur tussen metingen.")
    instrument: str | None = Field(None, description="Hoe de indicator gemeten wordt.")


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
