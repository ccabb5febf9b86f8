"""The Jinja2 environment of the documents: sandboxed, strict, escaping, region templates first.

- `ImmutableSandboxedEnvironment`: a region's own template cannot call `list.append` or reach
  Python internals (pitfalls.md).
- `StrictUndefined`: a misspelt name in a template is an error, not an empty string.
- HTML is autoescaped; Markdown gets its own escaping (`finalize`), so that a `<script>` in an
  organisation name is shown as text in every format and `|` cannot break a table.
- Loading: the region's `templates/` folder first, then the built-in templates. A region template
  may extend the built-in one of the same name as `builtin/NAME` (`{% extends "builtin/plan.html.j2" %}`).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined, TemplateError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from kngg_cli.render.context import Placeholder, is_placeholder
from kngg_cli.texts import Text

BUILTIN_PREFIX = "builtin"
REGION_TEMPLATES = "templates"


@cache
def builtin_templates() -> Path:
    """The shipped templates: inside the installed package, or the repository's folder (editable)."""
    packaged = resources.files("kngg_cli") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    repository = Path(__file__).resolve().parents[3] / "templates"
    if repository.is_dir():
        return repository
    raise FileNotFoundError("kngg_cli/templates")


# every character that Markdown (CommonMark, GitHub and pandoc's dialect) reads as markup inside
# a line: links and images `[ ]` (so `!` and `( )` never become markup and stay unescaped),
# headings `#`, emphasis `* _ ~`, code `` ` ``, HTML and autolinks `< >`, tables `|`, pandoc's
# math `$`, superscript `^`, citations `@`, attributes `{ }`
# `_` inside a word (`looptijd_en_opzegging`) is no emphasis in CommonMark or pandoc: left as is
_MD_SPECIAL = re.compile(r"([\\`*\[\]#<>|~^$@{}]|(?<![^\W_])_|_(?![^\W_]))")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\x0b\x0c\x85\u2028\u2029])[ \t]*")
# what would start a block when a value starts a line: a list item (`- `, `+ `, `1. `, `(1) `),
# a definition (`: `), a rule or heading underline (`---`, `===`)
_BLOCK_START = re.compile(r"^(\s*)(?:([-+:=])(?=[\s=-]|$)|(\(?\d{1,9})(?=[.)](?:\s|$)))")


def markdown_escape(text: str) -> str:
    """A region's value as literal text in Markdown: every markup character backslash-escaped,
    line breaks made spaces (a value never starts a heading, a list, a table row or closes a code
    block), an entity shown as written, and a value that starts a line cannot start a block."""
    text = _LINE_BREAKS.sub(" ", text)
    text = _ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))
    return _BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, mark, number = match.group(1), match.group(2), match.group(3)
    return f"{indent}\\{mark}" if mark else f"{indent}{number}\\"  # `\-`, `1\.`


# a placeholder inside a longer sentence (a party's representation, an article's lid) is marked too
_EMBEDDED_PLACEHOLDER = re.compile(r"\[(?:IN TE VULLEN|TO BE FILLED IN): [^\[\]]*\]")


def _finalize_markdown(value: Any) -> Any:
    """Every value a Markdown template prints is text: escaped, placeholders marked in bold."""
    if isinstance(value, Markup):  # made by kngg itself (the Mermaid diagram), never a region value
        return str(value)
    if isinstance(value, Placeholder):
        return _placeholder_markdown(str(value))
    if isinstance(value, str):
        parts, last = [], 0
        for found in _EMBEDDED_PLACEHOLDER.finditer(value):
            parts += [markdown_escape(value[last : found.start()]), _placeholder_markdown(found.group(0))]
            last = found.end()
        return "".join([*parts, markdown_escape(value[last:])])
    return value


def _placeholder_markdown(text: str) -> str:
    """`**[IN TE VULLEN: label]**`: the brackets kept readable, the label escaped."""
    if text.startswith("[") and text.endswith("]"):
        return f"**[{markdown_escape(text[1:-1])}]**"
    return f"**{markdown_escape(text)}**"


def _finalize_html(value: Any) -> Any:
    if isinstance(value, Placeholder):
        return Markup('<mark class="placeholder">{}</mark>').format(str(value))
    if isinstance(value, str) and not isinstance(value, Markup) and _EMBEDDED_PLACEHOLDER.search(value):
        escaped = str(escape(value))
        return Markup(
            _EMBEDDED_PLACEHOLDER.sub(lambda m: f'<mark class="placeholder">{m.group(0)}</mark>', escaped)
        )
    return value


def _cell(value: Any, separator: str = "; ") -> Any:
    """One table cell: a list joined, line breaks flattened; a placeholder stays one."""
    if isinstance(value, Placeholder):
        return value
    if isinstance(value, list | tuple):
        value = separator.join(str(v) for v in value)
    if isinstance(value, str) and not isinstance(value, Markup):
        return " ".join(value.split())
    return value


def _dash(value: Any) -> Any:
    """The value, or a dash for an optional fact the region did not record."""
    if isinstance(value, list | tuple):
        value = _cell(value)
    return value if value not in (None, "") else "—"


class TemplateBound(TemplateError):
    """A region template went beyond what kngg allows; `text` says what, in either language."""

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.text = Text(key, **params)


class TemplateOutside(TemplateBound):
    """A region template that leads outside the region (a symlink) or is no readable file."""


class ConfinedLoader(FileSystemLoader):
    """The region's own templates/: only regular files whose real path lies inside the region.

    A symlink `templates/plan.md.j2 -> /etc/passwd`, or a linked folder `templates/etc -> /etc`
    reached through `{% include %}`, is refused, as the YAML loader refuses links (S009); so is a
    pipe or device (reading it would hang) and a file over the 5 MB limit."""

    def __init__(self, folder: Path, region_root: Path) -> None:
        super().__init__(str(folder))
        self.region_root = region_root

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        from kngg_cli.loading.files import MAX_FILE_BYTES

        folder = Path(self.searchpath[0])
        candidate = folder.joinpath(*split_template_path(template))
        if os.path.lexists(candidate):
            real = Path(os.path.realpath(candidate))
            if not real.is_relative_to(Path(os.path.realpath(self.region_root))):
                raise TemplateOutside("render.template_outside", target=str(real))
            try:
                info = real.stat()
            except OSError as error:
                raise TemplateOutside(
                    "render.template_unreadable", problem=error.strerror or str(error)
                ) from None
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                raise TemplateOutside("render.template_not_a_file")
        return super().get_source(environment, template)


# bounds on what one template expression may build: big powers and huge repetitions would take
# minutes or gigabytes before the time budget could interrupt them (they run inside one C call)
MAX_POWER_DIGITS = 1000
MAX_REPEAT_ITEMS = 1_000_000


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox with `**` and `*` bounded (see render_bounded for the time budget)."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        power = operator == "**" and isinstance(left, int) and isinstance(right, int)
        if power and right > 0 and abs(left) > 1 and right * abs(left).bit_length() > MAX_POWER_DIGITS * 4:
            raise TemplateBound("render.template_too_big", expression=f"{left} ** {right}")
        if operator == "*":
            sized, times = (left, right) if isinstance(right, int) else (right, left)
            repeated = isinstance(times, int) and isinstance(sized, str | list | tuple)
            if repeated and times * max(len(sized), 1) > MAX_REPEAT_ITEMS:
                raise TemplateBound("render.template_too_big", expression=f"… * {times}")
        return super().call_binop(context, operator, left, right)


def make_environment(region_root: Path | None, output: str) -> ImmutableSandboxedEnvironment:
    """The environment for one region and one output kind ("md" or "html").

    A region without templates of its own shares one environment per output kind, so that the
    built-in templates are compiled once per process, not once per document (a national site
    renders hundreds)."""
    if region_root is None or not (region_root / REGION_TEMPLATES).is_dir():
        return _builtin_environment(output)
    return _build_environment(region_root, output)


@cache
def _builtin_environment(output: str) -> ImmutableSandboxedEnvironment:
    return _build_environment(None, output)


def _build_environment(region_root: Path | None, output: str) -> ImmutableSandboxedEnvironment:
    builtin = FileSystemLoader(str(builtin_templates()))
    loaders: list[Any] = []
    if region_root is not None and (region_root / REGION_TEMPLATES).is_dir():
        loaders.append(ConfinedLoader(region_root / REGION_TEMPLATES, region_root))
    loaders += [PrefixLoader({BUILTIN_PREFIX: builtin}), builtin]
    html = output == "html"
    environment = BoundedSandbox(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=html,
        finalize=_finalize_html if html else _finalize_markdown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["cell"] = _cell
    environment.filters["dash"] = _dash
    environment.filters["esc"] = escape
    environment.tests["placeholder"] = is_placeholder
    return environment


def template_name(document: str, output: str) -> str:
    """plan + md → plan.md.j2; the Word document is made from the Markdown."""
    return f"{document}.{'html' if output == 'html' else 'md'}.j2"


# a region template gets this long to render; the built-in ones take well under a second
TIME_BUDGET_SECONDS = 20.0


class TemplateTimeout(TemplateBound):
    """Rendering took longer than the time budget (a template that loops without end)."""


def render_bounded(template: Any, context: dict[str, Any]) -> str:
    """Render within TIME_BUDGET_SECONDS: a timer interrupts a loop that would never end.

    The timer (SIGALRM) only exists in the main thread of a Unix process; elsewhere the sandbox's
    bounds on ranges, powers and repetitions still hold."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return str(template.render(context))

    def expire(_signal: int, _frame: Any) -> None:
        raise TemplateTimeout("render.template_timeout", seconds=f"{TIME_BUDGET_SECONDS:g}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, TIME_BUDGET_SECONDS)
    try:
        return str(template.render(context))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
