"""The command-line library's own texts in the run's language: help pages and usage errors.

Typer (and the Click it carries) writes its texts in English, most of them in f-strings that no
translation catalogue reaches. kngg therefore puts its own words in at the three places where
those texts reach the user, all from the texts catalogue:

- `KnggGroup.main` (the root command) decides the language before anything is parsed (--lang
  anywhere on the line, else KNGG_LANG), fills in every help text of the command tree (help
  texts in the code are text keys such as `help.check.format`), and shows a usage error as one
  line in that language instead of Click's English block;
- `KnggFormatter` writes the help page's headings, usage line and the library's own phrases
  ("Show this message and exit.", "[default: …]");
- Click's error messages are matched against the English templates of the `click.*` texts (the
  `en` text *is* Click's template), and their Dutch counterparts filled in. A message that
  matches none is not shown in English but as a general Dutch line.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

try:  # Typer >= 0.29 carries its own copy of Click
    from typer import _click as click
except ImportError:  # pragma: no cover - older Typer on plain Click
    import click  # type: ignore[no-redef]

from typer.core import TyperGroup
from typer.exceptions import Abort

from kngg_cli.language import LANGUAGES, choose_language
from kngg_cli.texts import catalogue, has_text, text

_HEADINGS = {"Options": "click.heading_options", "Arguments": "click.heading_arguments"}
_HEADINGS["Commands"] = "click.heading_commands"
_EXTRA = re.compile(r"^(?P<help>.*?)\s*\[(?P<extra>[^\[\]]*)\]$", re.DOTALL)


# -- the language of this run ------------------------------------------------------------------
def language_on_line(args: Sequence[str]) -> str | None:
    """The value of the first `--lang X` / `--lang=X` on the command line (None if there is none)."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def run_language(args: Sequence[str]) -> str:
    given = language_on_line(args)
    return choose_language(given if given in LANGUAGES else None)


# -- message templates ---------------------------------------------------------------------------
@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """(regex of Click's English template, key), the most specific (most literal text) first."""
    found = []
    for key, entry in catalogue().items():
        if key.startswith("click.msg."):
            parts = re.split(r"\{(\w+)\}", entry["en"])
            regex = "".join(
                re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
            )
            literal = sum(len(part) for part in parts[::2])
            found.append((literal, re.compile(f"^{regex}$", re.DOTALL), key))
    return [(pattern, key) for _literal, pattern, key in sorted(found, key=lambda item: -item[0])]


def translate_message(message: str, lang: str) -> str | None:
    """Click's English message in lang; None when no template matches it."""
    if lang == "en":
        return message
    message = message.removeprefix("Value error, ")  # how Typer passes on a Pydantic ValueError
    for pattern, key in _patterns():
        found = pattern.match(message)
        if found is None:
            continue
        params = found.groupdict()
        if "message" in params:
            inner = translate_message(params["message"], lang)
            if inner is None:
                continue
            params["message"] = inner
        return text(key, lang, **params)
    return None


def _translate_extra(extra: str, lang: str) -> str:
    """`default: x; env var: Y; required` (the brackets behind an option's help) in lang."""
    pieces = []
    for piece in extra.split("; "):
        translated = translate_message(piece, lang)
        pieces.append(translated if translated is not None else piece)
    return "; ".join(pieces)


# -- the help page -------------------------------------------------------------------------------
class KnggFormatter(click.HelpFormatter):
    lang = "nl"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", text("click.options_metavar", self.lang))
        args = args.replace("COMMAND [ARGS]...", text("click.command_metavar", self.lang))
        super().write_usage(prog, args, text("click.usage", self.lang) + " ")

    def write_heading(self, heading: str) -> None:
        key = _HEADINGS.get(heading)
        super().write_heading(text(key, self.lang) if key else heading)

    def write_text(self, value: str) -> None:
        super().write_text(localize_help(value, self.lang))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, self._help(help_text)) for term, help_text in rows], col_max, col_spacing)

    def _help(self, value: str) -> str:
        found = _EXTRA.match(value)
        if found is None:
            return localize_help(value, self.lang)
        body = localize_help(found.group("help"), self.lang)
        return f"{body}  [{_translate_extra(found.group('extra'), self.lang)}]".strip()


def localize_help(value: str, lang: str) -> str:
    """A help text: a text key is looked up; Click's own phrases are translated; the rest stays."""
    if not value:
        return value
    if has_text(value.strip()):
        return text(value.strip(), lang)
    translated = translate_message(value, lang)
    return translated if translated is not None else value


def _formatter_for(lang: str) -> type[Any]:
    return type("KnggFormatter_" + lang, (KnggFormatter,), {"lang": lang})


def localize_tree(root: Any, lang: str) -> None:
    """Every command below root: help texts in lang, and help pages written by KnggFormatter."""
    context_class = type(
        "KnggContext_" + lang, (root.context_class,), {"formatter_class": _formatter_for(lang)}
    )
    for command in _commands(root):
        command.context_class = context_class
        for attribute in ("help", "short_help"):
            value = getattr(command, attribute, None)
            if isinstance(value, str) and has_text(value.strip()):
                setattr(command, attribute, text(value.strip(), lang))
        if command.short_help is None and command.help:
            command.short_help = command.help  # the whole summary in a list of commands, wrapped
        for param in command.params:
            value = getattr(param, "help", None)
            if isinstance(value, str) and has_text(value.strip()):
                param.help = text(value.strip(), lang)
            if param.name in ("install_completion", "show_completion"):
                param.help = text(f"click.help_{param.name}", lang)
                if param.name == "install_completion":
                    param.callback = _install_completion(lang)


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for child in getattr(command, "commands", {}).values():
        yield from _commands(child)


def _install_completion(lang: str) -> Any:
    """Typer's --install-completion, with its two lines of output in lang."""

    def install(ctx: Any, param: Any, value: Any) -> Any:
        if not value or ctx.resilient_parsing:
            return value
        from typer._completion_shared import _get_shell_name, install

        shell = value if isinstance(value, str) else _get_shell_name()
        if shell not in ("bash", "zsh", "fish", "powershell", "pwsh"):
            sys.stderr.write(f"kngg: {text('click.shell_not_supported', lang, shell=shell)}\n")
            sys.exit(1)
        shell, path = install(shell=shell)
        click.echo(text("click.completion_installed", lang, shell=shell, path=path))
        click.echo(text("click.completion_restart", lang))
        sys.exit(0)

    return install


# -- errors --------------------------------------------------------------------------------------
def show_usage_error(error: Any, lang: str) -> None:
    """A usage error as one line on stderr: what is wrong, and where the help is."""
    if isinstance(error, click.exceptions.NoArgsIsHelpError):
        sys.stderr.write(error.format_message().rstrip("\n") + "\n")
        return
    message = translate_message(error.format_message(), lang)
    if message is None:
        message = text("click.msg_unknown", lang)
    context = getattr(error, "ctx", None)
    if context is not None:
        command = context.command_path
        message = text("click.see_help", lang, message=message, command=command)
    sys.stderr.write(f"kngg: {message}\n")


class KnggGroup(TyperGroup):
    """The root command: the run's language first, then Typer, then errors in that language."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The commands in the order of their `cmd.NAME` texts, as the fast `kngg --help` lists them."""
        from kngg_cli.cli import commands

        order = {name: index for index, name in enumerate(commands())}
        return sorted(super().list_commands(ctx), key=lambda name: order.get(name, len(order)))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        words = list(sys.argv[1:] if args is None else args)
        given = language_on_line(words)
        saved = os.environ.get("KNGG_LANG")
        if given in LANGUAGES:
            # `kngg --lang en check` as `kngg check --lang en`: for this run, --lang is KNGG_LANG
            # (which every command, the engine and the result cache already read)
            os.environ["KNGG_LANG"] = str(given)
        try:
            return self._main(words, standalone_mode, prog_name=prog_name, complete_var=complete_var, **extra)
        finally:
            if saved is None:
                os.environ.pop("KNGG_LANG", None)
            else:
                os.environ["KNGG_LANG"] = saved

    def _main(self, words: list[str], standalone: bool, **extra: Any) -> Any:
        lang = run_language(words)
        localize_tree(self, lang)
        try:
            result = super().main(words, standalone_mode=False, **extra)
        except click.exceptions.ClickException as error:
            if not standalone:
                raise
            show_usage_error(error, lang)
            sys.exit(error.exit_code)
        except Abort:
            if not standalone:
                raise
            sys.stderr.write(f"kngg: {text('cli.interrupted', lang)}\n")
            sys.exit(1)
        if not standalone:
            return result
        sys.exit(result if isinstance(result, int) else 0)
