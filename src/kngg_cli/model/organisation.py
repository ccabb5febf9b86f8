from __future__ import annotations

from typing import Literal

from pydantic import Field

from kngg_cli.model.common import DocumentBase, GemeenteCode, KvkNumber

OrganisationType = Literal[
    "gemeente",
    "ggd",
    "jgz",
    "cjg",
    "ziekenhuis",
    "huisartsen",
    "zorgverzekeraar",
    "zorgkantoor",
    "welzijn",
    "sociaal_wijkteam",
    "paramedici",
    "sportbedrijf",
    "onderwijs",
    "kinderopvang",
    "kennispartner",
    "overig",
]


Domain = Literal["zorg", "sociaal", "beide"]
# format.md: the domain an organisation brings by its type when it states none (G807 reads it).
DEFAULT_DOMAINS: dict[str, Domain] = {
    **dict.fromkeys(
        ("ggd", "jgz", "ziekenhuis", "huisartsen", "zorgverzekeraar", "zorgkantoor", "paramedici"), "zorg"
    ),
    **dict.fromkeys(("welzijn", "sociaal_wijkteam", "sportbedrijf", "onderwijs", "kinderopvang"), "sociaal"),
    "cjg": "beide",
}


class Organisation(DocumentBase):
    """Een organisatie die meedoet: gemeente, GGD, JGZ, zorgverzekeraar, ziekenhuis, ..."""

    kind: Literal["Organisation"] = Field(description="Soort document.")
    name: str = Field(description="Naam van de organisatie.")
    type: OrganisationType = Field(description="Soort organisatie.")
    gemeenten: list[GemeenteCode] | None = Field(
        None, description="De gemeenten waarin de organisatie werkt (standaard: de hele regio)."
    )
    gemeente: GemeenteCode | None = Field(
        None, description="Verplicht bij type gemeente: welke gemeente deze organisatie is (CBS-code)."
    )
    domain: Domain | None = Field(None, description="Domein: zorg, sociaal of beide.")
    website: str | None = Field(None, description="Website van de organisatie.")
    address: str | None = Field(
        None, description="Vestigings- of bezoekadres, voor de lijst van partijen in de overeenkomst."
    )
    kvk: KvkNumber | None = Field(
        None, description='KvK-nummer: acht cijfers, als tekst tussen aanhalingstekens ("12345678").'
    )

    @property
    def effective_domain(self) -> Domain | None:
        """Its `domain:`, else the default of its type; none for gemeente, kennispartner and overig."""
        return self.domain or DEFAULT_DOMAINS.get(self.type)
