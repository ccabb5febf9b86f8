"""Shared field types and the base model of every region document."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from kngg_cli.dates import date_from_text
from kngg_cli.durations import DURATION_PATTERN

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
GEMEENTE_CODE_PATTERN = r"^GM[0-9]{4}$"
KVK_PATTERN = r"^[0-9]{8}$"
# An address is something@domain.tld without spaces: what a person can mail to (no full RFC 5322).
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


# What is wrong with a date, as a message key of S004 (the messages are in the catalogue, per language).
DATE_WITH_TIME = "date_time"
NO_SUCH_DATE = "date_nonexistent"
NOT_A_DATE = "date"


def _to_date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise ValueError(DATE_WITH_TIME)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        parsed = date_from_text(value.strip())
        if parsed is None:
            raise ValueError(NO_SUCH_DATE)
        return parsed
    raise ValueError(NOT_A_DATE)


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
GemeenteCode = Annotated[str, StringConstraints(pattern=GEMEENTE_CODE_PATTERN)]
Duration = Annotated[str, StringConstraints(pattern=DURATION_PATTERN)]
KvkNumber = Annotated[str, StringConstraints(pattern=KVK_PATTERN)]
EmailAddress = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)]
IsoDate = Annotated[date, BeforeValidator(_to_date)]
FileRef = Annotated[
    str,
    Field(description="Pad vanaf de hoofdmap van de regio (zoals documents/besluit.pdf) of een https-URL."),
]

EXTENSION_PREFIX = "x-"


def empty_list() -> list[Any]:
    """`default_factory` of the models' list fields. Pydantic asks each factory for its signature;
    a builtin such as `list` answers only through the tokenizer (a fifth of building the models)."""
    return []


def empty_dict() -> dict[str, Any]:
    """`default_factory` of the models' mapping fields (see empty_list)."""
    return {}


def strip_extensions(data: Any) -> Any:
    """`x-…` fields are the region's own: kept in the file, invisible to the schema."""
    if isinstance(data, dict) and any(isinstance(k, str) and k.startswith(EXTENSION_PREFIX) for k in data):
        return {k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith(EXTENSION_PREFIX))}
    return data


class Strict(BaseModel):
    """Every mapping of the format: unknown fields are errors, `x-…` fields are free."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        defer_build=True,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_extensions(cls, data: Any) -> Any:
        return strip_extensions(data)


class DocumentBase(Strict):
    id: Slug = Field(
        description="Korte unieke naam (kleine letters, cijfers en '-') waarmee andere documenten "
        "naar dit document verwijzen."
    )
    notes: str | None = Field(None, description="Vrije toelichting; wordt nooit gecontroleerd.")
