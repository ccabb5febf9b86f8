"""The `kngg` command line: a thin layer over the library.

`kngg --version` and `kngg --help` are answered here without importing Typer, Pydantic or
ruamel, so that they are instant; everything else goes to the Typer app in `cli.app`.
"""

from __future__ import annotations

import sys

SUMMARY = "cmd."


def commands() -> list[str]:
    """The commands of `kngg`, in the order its --help lists them: one for each `cmd.NAME` text of
    catalog/texts.yaml, the command's one-line summary (`cmd.NAME.SUB` is a subcommand's). The
    texts are the one home of the list: the fast help reads them here, the Typer app registers each
    command with `help="cmd.NAME"` and orders them by this list (tests/test_registries.py)."""
    from kngg_cli.texts import catalogue

    return [key[len(SUMMARY) :] for key in catalogue() if key.startswith(SUMMARY) and key.count(".") == 1]


HELP_INTRO = "help.intro"
# every command's help page as the Typer app writes it, built by scripts/build_catalogue.py
HELP_PAGES = "help.json"
# Click wraps help text to the terminal, but never wider than 80 columns: in a terminal at least
# this wide every page is the same, and the stored page is shown
HELP_WIDTH = 80


def _fast_help(lang: str) -> str:
    """`kngg --help` as the Typer app writes it, without importing Typer."""
    from kngg_cli.texts import has_text, text

    def word(key: str) -> str:
        return text(key, lang) if has_text(key) else key

    names = commands()
    width = max(len(name) for name in names)
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
        *(f"  {name:<{width}}  {word(SUMMARY + name)}" for name in names),
    ]
    return "\n".join(lines) + "\n"


def leading_lang(args: list[str]) -> tuple[str | None, list[str]]:
    """`--lang X` or `--lang=X` before the command: (X, the arguments after it); else (None, args)."""
    if args[:1] == ["--lang"] and len(args) >= 2:
        return args[1], args[2:]
    if args[:1] and args[0].startswith("--lang="):
        return args[0].split("=", 1)[1], args[1:]
    return None, args


def _help_language(args: list[str]) -> str | None:
    """The language of a plain `kngg [--lang X] --help` (None when args ask for more than help)."""
    from kngg_cli.language import choose_language

    lang, args = leading_lang(args)
    if args not in (["--help"], ["-h"], []) or lang not in (None, "nl", "en"):
        return None
    return choose_language(lang)


def _stored_help(args: list[str]) -> str | None:
    """`kngg [--lang X] CMD --help` from the pages the build stored (cli/help.json), without
    importing Typer and Click; None when the pages cannot say it exactly (another request, a
    narrow terminal, no stored page)."""
    import os

    lang, args = leading_lang(args)
    if len(args) != 2 or args[1] not in ("--help", "-h") or args[0].startswith("-"):
        return None
    if lang not in (None, "nl", "en") or _terminal_columns() < HELP_WIDTH:
        return None
    import json

    from kngg_cli.language import choose_language

    try:
        with open(os.path.join(os.path.dirname(__file__), HELP_PAGES), encoding="utf-8") as handle:
            pages = json.load(handle)
        page = pages[choose_language(lang)][args[0]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return page if isinstance(page, str) else None


def _terminal_columns() -> int:
    """The width Click wraps help to (shutil.get_terminal_size, without importing shutil)."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80  # what shutil falls back to


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
    page = None if completing else _stored_help(args)
    if page is not None:
        sys.stdout.write(page)
        return

    from kngg_cli.cli.fast import no_pydantic_plugins

    no_pydantic_plugins()
    if not completing:
        import gc

        from kngg_cli.cli.fast import run_fast  # check and status with plain options: no Typer

        # A short-lived process that imports Pydantic and builds models: the cyclic collector
        # would walk those objects again and again (a twentieth of a cold check). Reference
        # counting frees what a check drops, and the engine collects once per region.
        gc.disable()
        code = run_fast(args)
        if code is not None:
            raise SystemExit(code)
        gc.enable()
    from kngg_cli.cli.app import build_app

    build_app()(args=args, prog_name="kngg")
