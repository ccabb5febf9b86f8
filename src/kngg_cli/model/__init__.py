"""Stage 2: Pydantic models of the seven kinds of region document (format.md, version 1)."""

from __future__ import annotations

from pydantic import BaseModel

from kngg_cli.model.agreement import CLAUSE_KEYS, Agreement
from kngg_cli.model.body import Body
from kngg_cli.model.communication import CommunicationPlan
from kngg_cli.model.monitoring import MonitoringPlan
from kngg_cli.model.organisation import Organisation
from kngg_cli.model.person import LOCAL_ROLES, Person
from kngg_cli.model.region import Region

KIND_MODELS: dict[str, type[BaseModel]] = {
    "Region": Region,
    "Organisation": Organisation,
    "Person": Person,
    "Body": Body,
    "Agreement": Agreement,
    "MonitoringPlan": MonitoringPlan,
    "CommunicationPlan": CommunicationPlan,
}
SUPPORTED_FORMAT_VERSIONS = (1,)

__all__ = [
    "CLAUSE_KEYS",
    "KIND_MODELS",
    "LOCAL_ROLES",
    "SUPPORTED_FORMAT_VERSIONS",
    "Agreement",
    "Body",
    "CommunicationPlan",
    "MonitoringPlan",
    "Organisation",
    "Person",
    "Region",
]
