"""`kngg lsp`: the language server on standard input and output (the `lsp` extra)."""

from __future__ import annotations

import typer

from kngg_cli.cli.common import DebugOption, LangOption, run
from kngg_cli.texts import KnggError


def register(app: typer.Typer) -> None:
    @app.command("lsp", help="cmd.lsp")
    def lsp(lang: LangOption = None, debug: DebugOption = False) -> None:
        def action() -> int:
            try:
                from kngg_cli.lsp.server import serve
            except ImportError as error:
                if error.name not in ("pygls", "lsprotocol") and not str(error.name).startswith("pygls."):
                    raise
                raise KnggError("cli.lsp_extra") from None
            serve()
            return 0

        run(action, debug, lang)
