"""The JSON Schema (draft 2020-12) of the format: one schema for any single document, chosen by `kind`."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter

from kngg_cli import __version__
from kngg_cli.model import KIND_MODELS

SCHEMA_ID = "https://kngg.invalid/schema/region-v1.json"


def json_schema() -> dict[str, Any]:
    any_document: Any = Annotated[Union[tuple(KIND_MODELS.values())], Field(discriminator="kind")]  # noqa: UP007
    generated = TypeAdapter(any_document).json_schema(ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "KnGG regiodefinitie, formaat 1",
        "description": (
            "Eén document van een KnGG-regiomap (kind: Region, Organisation, Person, Body, Agreement, "
            f"MonitoringPlan of CommunicationPlan). Gemaakt door kngg {__version__}; zie `kngg schema`."
        ),
        **generated,
    }
