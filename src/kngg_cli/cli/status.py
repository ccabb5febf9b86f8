"""`kngg status`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kngg_cli.cli.checking import status_command
from kngg_cli.cli.common import DebugOption, LangOption, NoCacheOption, PathArgument, TodayOption, run


class StatusFormat(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("status", help="cmd.status")
    def status(
        path: PathArgument = Path("."),
        output_format: Annotated[
            StatusFormat,
            typer.Option("--format", "-f", help="help.status.format"),
        ] = StatusFormat.text,
        today: TodayOption = None,
        lang: LangOption = None,
        no_cache: NoCacheOption = False,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            return status_command(path, output_format.value, today, lang, no_cache)

        run(action, debug, lang)
