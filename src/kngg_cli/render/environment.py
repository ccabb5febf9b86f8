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

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from kngg_cli.render.context import Placeholder, is_placeholder

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


_MD_SPECIAL = re.compile(r"([\\<>|`*])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def markdown_escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup: HTML tags, table pipes, emphasis."""
    return _ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))


# a placeholder inside a longer sentence (a party's representation, an article's lid) is marked too
_EMBEDDED_PLACEHOLDER = re.compile(r"\[(?:IN TE VULLEN|TO BE FILLED IN): [^\[\]]*\]")


def _finalize_markdown(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, Placeholder):
        return f"**{value}**"
    if isinstance(value, str):
        return _EMBEDDED_PLACEHOLDER.sub(lambda m: f"**{m.group(0)}**", markdown_escape(value))
    return value


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


def make_environment(region_root: Path | None, output: str) -> ImmutableSandboxedEnvironment:
    """The environment for one region and one output kind ("md" or "html")."""
    builtin = FileSystemLoader(str(builtin_templates()))
    loaders: list[Any] = []
    if region_root is not None and (region_root / REGION_TEMPLATES).is_dir():
        loaders.append(FileSystemLoader(str(region_root / REGION_TEMPLATES)))
    loaders += [PrefixLoader({BUILTIN_PREFIX: builtin}), builtin]
    html = output == "html"
    environment = ImmutableSandboxedEnvironment(
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
