"""Building the site: the region pages, the national overview, the calendar feed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kngg_cli.engine import CheckOptions, RegionResult


def single_region(path: Path, options: CheckOptions, command: str) -> RegionResult:
    """The one region at `path` (a command that works on one region: exit 2 for a folder of several)."""
    from kngg_cli.engine import UsageError, check_path

    result = check_path(path, options)
    if len(result.regions) != 1:
        names = ", ".join(r.id for r in result.regions)
        raise UsageError(
            "cli.one_region", command=command, path=str(path), count=len(result.regions), names=names
        )
    return result.regions[0]


def refuse_if_unsafe(region: RegionResult) -> None:
    """S, R or P errors: nothing the region publishes may carry them (as `kngg render`)."""
    from kngg_cli.render import REFUSING_FAMILIES, RenderRefused

    if region.has_errors(REFUSING_FAMILIES) or region.view.region is None:
        raise RenderRefused(region)


def region_calendar(region: RegionResult, today: date, url: str | None = None) -> bytes:
    """The region's .ics; refused (RenderRefused) like a document when the region has S, R or P errors."""
    from kngg_cli.agenda import region_events
    from kngg_cli.ical import calendar_ics
    from kngg_cli.render.context import clean

    refuse_if_unsafe(region)
    model = region.view.region
    assert model is not None
    return calendar_ics(region_events(region.view, region.lang), clean(model.name), region.lang, today, url)
