"""The `kngg` command line: a thin layer over the library.

`kngg --version` and `kngg --help` are answered here without importing Typer, Pydantic or
ruamel, so that they are instant; everything else goes to the Typer app in `cli.app`.
"""

from __future__ import annotations

import sys

# name -> one-line summary; the Typer app and the fast help both read this table.
COMMANDS: dict[str, str] = {
    "check": "Controleer een regio: structuur, verwijzingen, privacy en de poorten van het stappenplan.",
    "status": "Waar de regio staat in het stappenplan, met de open punten van de huidige stap.",
    "rules": "De regelcatalogus: alle controles met code, naam en ernst.",
    "explain": "De documentatie van een regel: wat, waarom (met de Leidraad) en een voorbeeld.",
    "indicators": "De indicatoren van de M&E-matrix (code, naam, niveau, soort) die `ref:` kan noemen.",
    "schema": "Het JSON Schema (2020-12) van het bestandsformaat, voor editors.",
    "init": "Maak een nieuwe regiomap met toegelichte YAML voor elke soort document.",
    "advance": "Rond de huidige stap af als de poort van die stap gehaald is.",
    "sign": "Leg een handtekening onder een overeenkomst vast, met behoud van commentaar.",
    "render": "Schrijf het regioplan, een overeenkomst of een statusrapport (md, html, docx).",
    "site": "Maak een website van de regio (of een landelijk overzicht van alle regio's) om te publiceren.",
    "calendar": "De data van de regio als agenda (.ics): overleggen, evaluaties, einddata.",
    "lsp": "Taalserver voor editors (stdin/stdout): meldingen tijdens het typen, aanvullen, uitleg.",
}

HELP_INTRO = (
    "kngg: het gereedschap voor de regionale aanpak Kind naar Gezonder Gewicht (KnGG).\n"
    "Houd de regio bij in YAML-bestanden in git; kngg controleert, rapporteert en schrijft documenten."
)


def _fast_help() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = [
        "Usage: kngg [OPTIONS] COMMAND [ARGS]...",
        "",
        HELP_INTRO,
        "",
        "Options:",
        "  --version             Toon de versie en stop.",
        "  --install-completion  Installeer shell-aanvulling voor de huidige shell.",
        "  --show-completion     Toon de shell-aanvulling, om te kopiëren of aan te passen.",
        "  --help                Toon deze hulp en stop.",
        "",
        "Commands:",
        *(f"  {name:<{width}}  {summary}" for name, summary in COMMANDS.items()),
        "",
        "Meer over een opdracht: kngg COMMAND --help",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    import os

    args = sys.argv[1:] if argv is None else argv
    # under shell completion the words are in the environment and argv is empty: no fast path
    completing = "_KNGG_COMPLETE" in os.environ
    if args == ["--version"] and not completing:
        from kngg_cli import __version__

        sys.stdout.write(f"kngg {__version__}\n")
        return
    if args in (["--help"], ["-h"], []) and not completing:
        sys.stdout.write(_fast_help())
        return

    # Pydantic scans every installed package for plugins on import; a CLI has no use for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if not completing:
        from kngg_cli.cli.fast import run_fast  # check and status with plain options: no Typer

        code = run_fast(args)
        if code is not None:
            raise SystemExit(code)
    from kngg_cli.cli.app import build_app

    build_app()(args=args, prog_name="kngg")
