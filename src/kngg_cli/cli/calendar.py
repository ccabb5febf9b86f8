"""`kngg calendar`: the region's dates as an iCalendar file (.ics) to import or subscribe to."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kngg_cli.cli.common import (
    DebugOption,
    LangOption,
    PathArgument,
    TodayOption,
    parse_lang,
    parse_today,
    run,
    write_output,
)

_HELP = "help.calendar"


def register(app: typer.Typer) -> None:
    @app.command("calendar", help=_HELP, short_help="cmd.calendar")
    def calendar(
        path: PathArgument = Path("."),
        output: Annotated[
            str | None,
            typer.Option(
                "--output",
                "-o",
                metavar="FILE",
                help="help.calendar.output",
                show_default=False,
            ),
        ] = None,
        today: TodayOption = None,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.cli.render import _print_refusal
            from kngg_cli.engine import CheckOptions
            from kngg_cli.render import RenderRefused
            from kngg_cli.site.build import region_calendar, single_region

            options = CheckOptions(today=parse_today(today), lang=parse_lang(lang))
            region = single_region(path, options, "calendar")
            try:
                content = region_calendar(region, options.today)
            except RenderRefused as refused:
                _print_refusal(refused)
                return 1
            write_output(content, output)
            return 0

        run(action, debug, lang)
