"""The `kngg` command line: a thin layer over the library.

`kngg --version` and `kngg --help` are answered here without importing Typer, Pydantic or
ruamel, so that they are instant; everything else goes to the Typer app in `cli.app`.
"""

from __future__ import annotations

import sys

# name -> the text key of its one-line summary; the Typer app and the fast help both read this table.
COMMANDS: dict[str, str] = {
    "check": "cmd.check",
    "status": "cmd.status",
    "rules": "cmd.rules",
    "explain": "cmd.explain",
    "indicators": "cmd.indicators",
    "schema": "cmd.schema",
    "init": "cmd.init",
    "advance": "cmd.advance",
    "sign": "cmd.sign",
    "render": "cmd.render",
    "site": "cmd.site",
    "calendar": "cmd.calendar",
    "lsp": "cmd.lsp",
}

HELP_INTRO = "help.intro"


def _fast_help(lang: str) -> str:
    """`kngg --help` as the Typer app writes it, without importing Typer."""
    from kngg_cli.texts import has_text, text

    def word(key: str) -> str:
        return text(key, lang) if has_text(key) else key

    width = max(len(name) for name in COMMANDS)
    options = [
        ("--version", word("help.version")),
        ("--lang nl|en", word("help.lang")),
        ("--install-completion", word("click.help_install_completion")),
        ("--show-completion", word("click.help_show_completion")),
        ("-h, --help", word("click.msg.help_option")),
    ]
    option_width = max(len(name) for name, _ in options)
    lines = [
        f"{word('click.usage')} kngg {word('click.options_metavar')} {word('click.command_metavar')}",
        "",
        *(f"  {line}" for line in word(HELP_INTRO).splitlines()),
        "",
        f"{word('click.heading_options')}:",
        *(f"  {name:<{option_width}}  {summary}" for name, summary in options),
        "",
        f"{word('click.heading_commands')}:",
        *(f"  {name:<{width}}  {word(summary)}" for name, summary in COMMANDS.items()),
    ]
    return "\n".join(lines) + "\n"


def _help_language(args: list[str]) -> str | None:
    """The language of a plain `kngg [--lang X] --help` (None when args ask for more than help)."""
    from kngg_cli.language import choose_language

    lang = None
    if args[:1] == ["--lang"] and len(args) >= 2:
        lang, args = args[1], args[2:]
    elif args[:1] and args[0].startswith("--lang="):
        lang, args = args[0].split("=", 1)[1], args[1:]
    if args not in (["--help"], ["-h"], []) or lang not in (None, "nl", "en"):
        return None
    return choose_language(lang)


def main(argv: list[str] | None = None) -> None:
    import os

    args = sys.argv[1:] if argv is None else argv
    # under shell completion the words are in the environment and argv is empty: no fast path
    completing = "_KNGG_COMPLETE" in os.environ
    if args == ["--version"] and not completing:
        from kngg_cli import __version__

        sys.stdout.write(f"kngg {__version__}\n")
        return
    help_language = None if completing else _help_language(args)
    if help_language is not None:
        sys.stdout.write(_fast_help(help_language))
        return

    from kngg_cli.cli.fast import no_pydantic_plugins

    no_pydantic_plugins()
    if not completing:
        from kngg_cli.cli.fast import run_fast  # check and status with plain options: no Typer

        code = run_fast(args)
        if code is not None:
            raise SystemExit(code)
    from kngg_cli.cli.app import build_app

    build_app()(args=args, prog_name="kngg")
