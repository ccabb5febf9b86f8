"""The Typer application: each command group registers itself from its own module."""

from __future__ import annotations

import importlib

import typer

from kngg_cli import __version__
from kngg_cli.cli import COMMANDS, HELP_INTRO

COMMAND_MODULES = (
    "kngg_cli.cli.check",
    "kngg_cli.cli.status",
    "kngg_cli.cli.docs",
    "kngg_cli.cli.edit",
    "kngg_cli.cli.render",
    "kngg_cli.cli.site",
    "kngg_cli.cli.calendar",
    "kngg_cli.cli.lsp",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kngg {__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    app = typer.Typer(
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
            False, "--version", callback=_version, is_eager=True, help="Toon de versie en stop."
        ),
    ) -> None:
        """kngg: Kind naar Gezonder Gewicht, regionaal."""

    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        module.register(app, COMMANDS)
    return app
