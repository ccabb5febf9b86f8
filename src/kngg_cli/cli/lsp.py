"""`kngg lsp`: the language server on standard input and output (the `lsp` extra)."""

from __future__ import annotations

import typer

from kngg_cli.cli.common import CommandError, DebugOption, LangOption, run


def register(app: typer.Typer, summaries: dict[str, str]) -> None:
    @app.command("lsp", help=summaries["lsp"])
    def lsp(lang: LangOption = None, debug: DebugOption = False) -> None:
        def action() -> int:
            try:
                from kngg_cli.lsp.server import serve
            except ImportError as error:
                if error.name not in ("pygls", "lsprotocol") and not str(error.name).startswith("pygls."):
                    raise
                raise CommandError(
                    "kngg lsp heeft het extra pakket 'lsp' nodig: pip install 'kngg-cli[lsp]'",
                    "kngg lsp needs the 'lsp' extra: pip install 'kngg-cli[lsp]'",
                ) from None
            serve()
            return 0

        run(action, debug, lang)
