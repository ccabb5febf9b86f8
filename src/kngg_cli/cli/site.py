"""`kngg site`: a static website of the region (or a national overview) to publish from CI."""

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
)

_HELP = "help.site"


def register(app: typer.Typer) -> None:
    @app.command("site", help=_HELP, short_help="cmd.site")
    def site(
        output: Annotated[
            Path,
            typer.Option(
                "--output",
                "-o",
                metavar="DIR",
                help="help.site.output",
                show_default=False,
            ),
        ],
        path: PathArgument = Path("."),
        base_url: Annotated[
            str | None,
            typer.Option(
                "--base-url",
                metavar="URL",
                help="help.site.base_url",
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
            from kngg_cli.loading.files import find_region_roots
            from kngg_cli.render import RenderRefused
            from kngg_cli.site.build import build_site
            from kngg_cli.site.output import check_output_dir, write_site
            from kngg_cli.texts import KnggError

            if base_url is not None and not base_url.startswith(("https://", "http://")):
                raise KnggError("site.bad_base_url", value=base_url)
            options = CheckOptions(today=parse_today(today), lang=parse_lang(lang))
            try:
                check_output_dir(output, find_region_roots(path))
                site = build_site(path, options, base_url)
                write_site(output, site.files)
            except RenderRefused as refused:
                _print_refusal(refused)
                return 1
            except OSError as error:
                reason = error.strerror or str(error)
                raise KnggError("site.cannot_write", path=str(output), reason=reason) from None
            return 1 if site.refused else 0

        run(action, debug, lang)
