"""`kngg check`."""

from __future__ import annotations

import os
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
from kngg_cli.report import REPORTERS

if TYPE_CHECKING:
    from kngg_cli.cache import CachedRun
    from kngg_cli.engine import CheckOptions

# The reporter registry is the one list of output formats: the choice and its help follow it.
if TYPE_CHECKING:
    OutputFormat = StrEnum
else:
    OutputFormat = StrEnum("OutputFormat", {name: name for name in REPORTERS})
_FORMATS = list(REPORTERS)
_FORMATS_HELP = f"Uitvoer: {', '.join(_FORMATS[:-1])} of {_FORMATS[-1]}."


def _codes(values: list[str] | None) -> tuple[str, ...]:
    """`--select G6,G7 --select A001` → ("G6", "G7", "A001")."""
    return tuple(c.strip().upper() for v in values or [] for c in v.split(",") if c.strip())


def _check(
    roots: list[Path], options: CheckOptions, chosen: str, color: bool, annotate: bool, strict: bool
) -> CachedRun:
    from kngg_cli import __version__
    from kngg_cli.cache import CachedRun
    from kngg_cli.engine import check_roots
    from kngg_cli.report import ReportContext, get_reporter

    result = check_roots(roots, options)
    language = options.lang or (result.regions[0].lang if result.regions else "nl")
    output = get_reporter(chosen)(result, ReportContext(os.getcwd(), color, language, __version__))
    extra = ""
    if annotate:
        extra = get_reporter("github")(result, ReportContext(os.getcwd(), False, language, __version__))
    return CachedRun(output, extra, result.exit_code(strict))


def register(app: typer.Typer, summaries: dict[str, str]) -> None:
    @app.command("check", help=summaries["check"])
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
        no_cache: NoCacheOption = False,
        debug: DebugOption = False,
    ) -> None:
        def action() -> int:
            from kngg_cli.engine import CheckOptions

            options = CheckOptions(
                today=parse_today(today),
                lang=parse_lang(lang),
                target=target,
                select=_codes(select),
                ignore=_codes(ignore),
            )
            chosen = output_format.value if output_format else "text"
            color = color_enabled() and output in (None, "-")
            annotate = output_format is None and os.environ.get("GITHUB_ACTIONS") == "true"
            key = {
                "options": options,
                "format": chosen,
                "color": color,
                "annotate": annotate,
                "strict": strict,
            }
            produced = cached_run(
                "check",
                path,
                key,
                not no_cache,
                lambda roots: _check(roots, options, chosen, color, annotate, strict),
            )
            write_output(produced.output, output)
            if produced.extra:
                sys.stdout.write(produced.extra)
            return produced.exit_code

        run(action, debug, lang)
