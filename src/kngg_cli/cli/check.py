"""`kngg check`."""

from __future__ import annotations

import os
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


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    gitlab = "gitlab"


def _codes(values: list[str] | None) -> tuple[str, ...]:
    """`--select G6,G7 --select A001` → ("G6", "G7", "A001")."""
    return tuple(c.strip().upper() for v in values or [] for c in v.split(",") if c.strip())


def register(app: typer.Typer, summaries: dict[str, str]) -> None:
    @app.command("check", help=summaries["check"])
    def check(
        path: PathArgument = Path("."),
        output_format: Annotated[
            OutputFormat | None,
            typer.Option(
                "--format",
                "-f",
                help="Uitvoer: text, json, github, sarif, junit of gitlab.",
                show_default=False,
            ),
        ] = None,
        output: Annotated[
            str | None,
            typer.Option(
                "--output", "-o", metavar="FILE", help="Schrijf naar dit bestand ('-' = standaarduitvoer)."
            ),
        ] = None,
        target: Annotated[
            str | None,
            typer.Option(
                "--target",
                metavar="N|next|fase-2",
                help="Controleer ook de poorten tot en met stap N, 'next' (de huidige stap) of 'fase-2'.",
            ),
        ] = None,
        strict: Annotated[
            bool, typer.Option("--strict", help="Waarschuwingen tellen als fout (exitcode 1).")
        ] = False,
        select: Annotated[
            list[str] | None,
            typer.Option(
                "--select", metavar="CODES", help="Alleen deze regels (codes of voorvoegsels, komma's mag)."
            ),
        ] = None,
        ignore: Annotated[
            list[str] | None,
            typer.Option("--ignore", metavar="CODES", help="Sla deze regels over (geen S-regels)."),
        ] = None,
        today: TodayOption = None,
        lang: LangOption = None,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli import __version__
            from kngg_cli.engine import CheckOptions, check_path
            from kngg_cli.report import ReportContext, get_reporter

            options = CheckOptions(
                today=parse_today(today),
                lang=parse_lang(lang),
                target=target,
                select=_codes(select),
                ignore=_codes(ignore),
            )
            result = check_path(path, options)
            language = options.lang or (result.regions[0].lang if result.regions else "nl")
            to_terminal = output in (None, "-")
            context = ReportContext(os.getcwd(), color_enabled() and to_terminal, language, __version__)
            chosen = output_format.value if output_format else "text"
            write_output(get_reporter(chosen)(result, context), output)
            if output_format is None and os.environ.get("GITHUB_ACTIONS") == "true":
                annotations = get_reporter("github")(
                    result, ReportContext(os.getcwd(), False, language, __version__)
                )
                sys.stdout.write(annotations)
            return result.exit_code(strict)

        run(action, debug, lang)
