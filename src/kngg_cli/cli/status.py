"""`kngg status`."""

from __future__ import annotations

import json
import os
import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kngg_cli.cli.common import (
    DebugOption,
    LangOption,
    PathArgument,
    TodayOption,
    color_enabled,
    parse_lang,
    parse_today,
    run,
    write_output,
)


class StatusFormat(StrEnum):
    text = "text"
    json = "json"


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
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli import __version__
            from kngg_cli.engine import CheckOptions, check_path
            from kngg_cli.report import ReportContext
            from kngg_cli.status import status_data, status_text

            options = CheckOptions(today=parse_today(today), lang=parse_lang(lang))
            result = check_path(path, options)
            language = options.lang or (result.regions[0].lang if result.regions else "nl")
            color = output_format is StatusFormat.text and color_enabled()
            context = ReportContext(os.getcwd(), color, language, __version__)
            data = status_data(result, context)
            if output_format is StatusFormat.json:
                text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            else:
                width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
                text = status_text(data, language, color, width)
            write_output(text, None)
            return result.exit_code()

        run(action, debug, lang)
