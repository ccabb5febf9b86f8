"""`kngg status`."""

from __future__ import annotations

import json
import os
import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kngg_cli.cli.common import (
    DebugOption,
    LangOption,
    NoCacheOption,
    PathArgument,
    TodayOption,
    cached_run,
    color_enabled,
    parse_lang,
    parse_today,
    run,
    write_output,
)

if TYPE_CHECKING:
    from kngg_cli.cache import CachedRun
    from kngg_cli.engine import CheckOptions


class StatusFormat(StrEnum):
    text = "text"
    json = "json"


def _status(
    roots: list[Path], options: CheckOptions, output_format: StatusFormat, color: bool, width: int
) -> CachedRun:
    from kngg_cli import __version__
    from kngg_cli.cache import CachedRun
    from kngg_cli.engine import check_roots
    from kngg_cli.report import ReportContext
    from kngg_cli.status import status_data, status_text

    result = check_roots(roots, options)
    language = options.lang or (result.regions[0].lang if result.regions else "nl")
    data = status_data(result, ReportContext(os.getcwd(), color, language, __version__))
    if output_format is StatusFormat.json:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = status_text(data, language, color, width)
    return CachedRun(text, "", result.exit_code())


def register(app: typer.Typer, summaries: dict[str, str]) -> None:
    @app.command("status", help=summaries["status"])
    def status(
        path: PathArgument = Path("."),
        output_format: Annotated[
            StatusFormat,
            typer.Option("--format", "-f", help="Uitvoer: text of json."),
        ] = StatusFormat.text,
        today: TodayOption = None,
        lang: LangOption = None,
        no_cache: NoCacheOption = False,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.engine import CheckOptions

            options = CheckOptions(today=parse_today(today), lang=parse_lang(lang))
            color = output_format is StatusFormat.text and color_enabled()
            width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
            key = {"options": options, "format": output_format.value, "color": color, "width": width}
            produced = cached_run(
                "status",
                path,
                key,
                not no_cache,
                lambda roots: _status(roots, options, output_format, color, width),
            )
            write_output(produced.output, None)
            return produced.exit_code

        run(action, debug, lang)
