"""Documents from a region: the plan of approach, agreement drafts and kerngroep status reports.

check the region → refuse on S/R/P errors → build the render context → fill a Jinja template
(md or html) → for Word, convert the Markdown with pandoc. `kngg render` is a thin layer over
`render_path`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kngg_cli.suggest import closest
from kngg_cli.texts import KnggError, Text

if TYPE_CHECKING:
    from kngg_cli.engine import CheckOptions, RegionResult
    from kngg_cli.findings import Finding

# The one list of document formats: `kngg render --format` offers these, in this order.
OUTPUTS = ("md", "html", "docx")
REFUSING_FAMILIES = "SRP"


@dataclass(frozen=True)
class RenderRequest:
    document: str  # plan | agreement | status
    output: str = "md"  # md | html | docx
    agreement_id: str | None = None
    reference_doc: Path | None = None
    since: date | None = None  # status: what changed since (default: the last completed step's date)


@dataclass
class Rendered:
    content: str | bytes
    placeholders: list[dict[str, str]] = field(default_factory=list)
    lang: str = "nl"
    region: RegionResult | None = None


class RenderRefused(Exception):
    """The region has S, R or P errors: no document may carry them (exit 1)."""

    def __init__(self, region: RegionResult) -> None:
        super().__init__(region.id)
        self.region = region

    @property
    def findings(self) -> list[Finding]:
        from kngg_cli.findings import Severity

        return [
            f for f in self.region.findings if f.severity is Severity.ERROR and f.code[0] in REFUSING_FAMILIES
        ]


class UnknownAgreement(Exception):
    """No Agreement with that id in the region (exit 1, with a did-you-mean)."""

    def __init__(self, agreement_id: str, known: list[str], lang: str = "nl") -> None:
        super().__init__(agreement_id)
        self.agreement_id = agreement_id
        self.known = known
        self.lang = lang
        self.suggestion = closest(agreement_id, known, cutoff=0.5)


class TemplateFailure(KnggError):
    """A template (the region's own, usually) could not be rendered: one clear line (exit 2)."""

    def __init__(self, name: str, where: str, problem: str | Text) -> None:
        super().__init__("cli.template_failed", name=name, where=where, problem=problem)


def _template_line(error: BaseException) -> str:
    """`plan.md.j2:12: ` for the innermost template line in the traceback (Jinja maps its frames to
    template lines), or nothing."""
    found = ""
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{Path(filename).name}:{trace.tb_lineno}: "
        trace = trace.tb_next
    return found


def render_path(path: Path, request: RenderRequest, options: CheckOptions) -> Rendered:
    """Check the one region at path and render the requested document."""
    from kngg_cli.engine import UsageError, check_path

    result = check_path(path, options)
    if len(result.regions) != 1:
        names = ", ".join(r.id for r in result.regions)
        raise UsageError(
            "cli.one_region", command="render", path=str(path), count=len(result.regions), names=names
        )
    return render_region(result.regions[0], request, options.today)


def figures(context: dict[str, object]) -> dict[str, bytes]:
    """The images the Markdown of a Word document names: the map and the governance diagram."""
    from kngg_cli.render.diagram import diagram_png
    from kngg_cli.render.geomap import map_png

    found: dict[str, bytes] = {}
    report = context.get("report") or context.get("summary")
    chosen = context.get("map") or (report.get("map") if isinstance(report, dict) else None)
    if isinstance(chosen, dict):
        found["kaart.png"] = map_png(chosen["codes"], colours=chosen["colours"], legend=chosen["legend"])
    diagram = context.get("diagram")
    if isinstance(diagram, dict) and diagram.get("nodes"):
        found["overlegstructuur.png"] = diagram_png(diagram)
    return found


def concept_header(context: dict[str, object]) -> str | None:
    """CONCEPT in the page header of an agreement that not every party has signed."""
    agreement = context.get("agreement")
    if isinstance(agreement, dict) and agreement.get("concept"):
        return str(agreement["w"]["concept"])
    return None


def render_region(region: RegionResult, request: RenderRequest, today: date) -> Rendered:
    from jinja2 import TemplateError

    from kngg_cli.render.context import build_context
    from kngg_cli.render.environment import (
        REGION_TEMPLATES,
        TemplateBound,
        make_environment,
        render_bounded,
        template_name,
    )

    if region.has_errors(REFUSING_FAMILIES) or region.view.region is None:
        raise RenderRefused(region)
    if request.document == "agreement":
        known = sorted(model.id for _document, model in region.view.agreements())
        if request.agreement_id not in known:
            raise UnknownAgreement(request.agreement_id or "", known, region.lang)
    template_output = "html" if request.output == "html" else "md"
    context = build_context(
        region, request.document, request.output, today, request.agreement_id, request.since
    )
    environment = make_environment(region.root, template_output)
    name = template_name(request.document, template_output)
    try:
        text = render_bounded(environment.get_template(name), context)
    except TemplateBound as error:
        raise TemplateFailure(name, _template_line(error), error.text) from None
    except TemplateError as error:
        where = f"{error.name}:{error.lineno}: " if getattr(error, "lineno", None) else ""  # type: ignore[attr-defined]
        raise TemplateFailure(name, where, f"{type(error).__name__}: {error.message}") from None
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError, MemoryError) as error:
        if not (region.root / REGION_TEMPLATES).is_dir():
            raise  # the built-in templates alone: a bug in kngg, reported as one
        # the region's own template divided by zero, recursed without end, …: its author can fix it
        raise TemplateFailure(name, _template_line(error), f"{type(error).__name__}: {error}") from None
    if template_output == "md":
        text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.rstrip("\n") + "\n"
    content: str | bytes = text
    if request.output == "docx":
        from kngg_cli.render.docx import markdown_to_docx

        content = markdown_to_docx(
            text, region.lang, request.reference_doc, figures(context), concept_header(context)
        )
    return Rendered(content, list(context.get("placeholders", [])), region.lang, region)
