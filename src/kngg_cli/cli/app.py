"""The Typer application: each command group registers itself from its own module."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from kngg_cli import __version__
from kngg_cli.cli import HELP_INTRO
from kngg_cli.language import LANGUAGES


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kngg {__version__}")
        raise typer.Exit()


if TYPE_CHECKING:
    Language = StrEnum
else:
    Language = StrEnum("Language", {lang: lang for lang in LANGUAGES})


def build_app() -> typer.Typer:
    from kngg_cli.cli.clicktexts import KnggGroup

    app = typer.Typer(
        cls=KnggGroup,
        name="kngg",
        help=HELP_INTRO,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        add_completion=True,
        context_settings={"help_option_names": ["--help", "-h"]},
    )

    @app.callback()
    def root(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help="help.version"
        ),
        lang: Annotated[
            Language | None,
            typer.Option("--lang", metavar="nl|en", help="help.lang", show_default=False),
        ] = None,
    ) -> None:
        """kngg: Kind naar Gezonder Gewicht, regionaal."""

    # Each command group registers its commands, each with its `cmd.NAME` summary; explicit imports,
    # so a mistyped module fails loudly instead of leaving its commands silently out of `kngg`.
    from kngg_cli.cli import calendar, check, docs, edit, lsp, render, site, status

    for module in (check, status, docs, edit, render, site, calendar, lsp):
        module.register(app)
    return app
