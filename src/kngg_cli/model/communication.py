from __future__ import annotations

from typing import Literal

from pydantic import Field

from kngg_cli.model.common import DocumentBase, Duration, FileRef, Slug, Strict, empty_list


class Channel(Strict):
    type: Literal["nieuwsbrief", "teams_kanaal", "netwerkbijeenkomst", "website", "overleg", "anders"] = (
        Field(description="Soort kanaal.")
    )
    audience: str | None = Field(None, description="Voor wie.")
    owner: Slug | None = Field(None, description="Eigenaar: id van een Person of Organisation.")
    frequency: Duration | None = Field(None, description="ISO-8601-duur tussen berichten of bijeenkomsten.")


class CommunicationPlan(DocumentBase):
    """Het communicatieplan: kanalen en wie communiceert richting de gemeenten."""

    kind: Literal["CommunicationPlan"] = Field(description="Soort document.")
    name: str | None = Field(None, description="Optionele naam van het plan.")
    stakeholder_map: FileRef | None = Field(None, description="De stakeholdermapping (pad of URL).")
    channels: list[Channel] = Field(default_factory=empty_list, description="De communicatiekanalen.")
    gemeente_contact: Slug | None = Field(
        None, description="Wie communiceert richting de gemeenten: id van een Person."
    )
