"""A rules: good practice from the Leidraad and the JOGG-regisseur study (info by default)."""

from __future__ import annotations

from collections.abc import Iterator

from kngg_cli.findings import Problem
from kngg_cli.regionview import RegionView
from kngg_cli.rules import rule
from kngg_cli.rules.gates._common import filled, key_or_kind, role_entry


@rule("A001")
def coordinator_hours(view: RegionView) -> Iterator[Problem]:
    for ref in view.roles("regionale_coordinator"):
        if ref.role.hours_per_week is None:
            params = {"person": ref.person.name, "id": ref.person.id, "gemeenten": len(view.gemeente_codes)}
            yield Problem("A001", role_entry(ref), "default", params, ref.person.id)


@rule("A002")
def related_approaches(view: RegionView) -> Iterator[Problem]:
    region, document = view.region, view.region_document
    if region is not None and document is not None and not region.related_approaches:
        yield Problem("A002", key_or_kind(document, "related_approaches"), "default", {}, region.id)


@rule("A003")
def iza_region(view: RegionView) -> Iterator[Problem]:
    region, document = view.region, view.region_document
    if region is not None and document is not None and not filled(region.iza_region):
        yield Problem("A003", key_or_kind(document, "iza_region"), "default", {}, region.id)


@rule("A004")
def split_coordinator(view: RegionView) -> Iterator[Problem]:
    region = view.region
    if region is None:
        return
    roles = view.roles("regionale_coordinator")
    people = {ref.person.id for ref in roles}
    count = len(view.gemeente_codes)
    threshold = region.thresholds.rc_split_above_gemeenten
    if count > threshold and len(people) == 1:
        ref = roles[0]
        params = {"person": ref.person.name, "id": ref.person.id, "gemeenten": count, "threshold": threshold}
        yield Problem("A004", role_entry(ref), "default", params, ref.person.id)


@rule("A005")
def jogg_roles(view: RegionView) -> Iterator[Problem]:
    for ref in view.roles("regionale_coordinator"):
        if not ref.role.jogg_roles:
            params = {"person": ref.person.name, "id": ref.person.id}
            yield Problem("A005", role_entry(ref), "default", params, ref.person.id)
