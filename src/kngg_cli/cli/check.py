"""`kngg check`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kngg_cli.cli.checking import CHECK_FORMATS, check_command
from kngg_cli.cli.common import DebugOption, LangOption, NoCacheOption, PathArgument, TodayOption, run

# The reporter registry is the one list of output formats: the choice and its help follow it.
if TYPE_CHECKING:
    OutputFormat = StrEnum
else:
    OutputFormat = StrEnum("OutputFormat", {name: name for name in CHECK_FORMATS})
_FORMATS = list(CHECK_FORMATS)
_FORMATS_HELP = "help.check.format"  # the list of formats in texts.yaml


def register(app: typer.Typer) -> None:
    @app.command("check", help="cmd.check")
    def check(
        path: PathArgument = Path("."),
        output_format: Annotated[
            OutputFormat | None,
            typer.Option(
                "--format",
                "-f",
                help=_FORMATS_HELP,
                show_default=False,
            ),
        ] = None,
        output: Annotated[
            str | None,
            typer.Option("--output", "-o", metavar="FILE", help="help.output"),
        ] = None,
        target: Annotated[
            str | None,
            typer.Option(
                "--target",
                metavar="N|next|fase-2",
                help="help.check.target",
            ),
        ] = None,
        strict: Annotated[bool, typer.Option("--strict", help="help.check.strict")] = False,
        select: Annotated[
            list[str] | None,
            typer.Option("--select", metavar="CODES", help="help.check.select"),
        ] = None,
        ignore: Annotated[
            list[str] | None,
            typer.Option("--ignore", metavar="CODES", help="help.check.ignore"),
        ] = None,
        today: TodayOption = None,
        lang: LangOption = None,
        no_cache: NoCacheOption = False,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            chosen = output_format.value if output_format else None
            return check_command(path, chosen, output, target, strict, select, ignore, today, lang, no_cache)

        run(action, debug, lang)
