"""Building the site in memory: every page, download and calendar of one region or of a national set.

Nothing is written here: `build_site` returns the files (path inside the output folder → bytes),
and site/output.py writes them. So a refusal, a broken template or a Word conversion that fails
leaves the output folder as it was.

One region at PATH: its pages at the top of the output folder. Several regions below PATH: the
national overview as index.html and each region's pages in a folder named after its id. A region
with S, R or P errors gets no pages (nothing it publishes may carry a file-level mistake or a
BSN); alone it is refused (exit 1), in a national set it is listed with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kngg_cli.engine import CheckOptions, RegionResult

CALENDAR_SUFFIX = ".ics"
# R012 (a gemeente in two regions) is about the national set, not about a region's own files: it is
# shown on the national map and the findings page, and does not keep the region's pages from being made
NATIONAL_ONLY = ("R012",)


@dataclass
class SiteFile:
    path: str  # inside the output folder, with '/'
    content: bytes


@dataclass
class RegionEntry:
    """One region of the site: where its pages are, or why it has none."""

    result: RegionResult
    folder: str | None = None  # '' for a single region; None when it has no pages
    reason: str | None = None


@dataclass
class Site:
    files: list[SiteFile] = field(default_factory=list)
    regions: list[RegionEntry] = field(default_factory=list)

    @property
    def refused(self) -> list[RegionEntry]:
        return [entry for entry in self.regions if entry.folder is None]


def single_region(path: Path, options: CheckOptions, command: str) -> RegionResult:
    """The one region at `path` (a command that works on one region: exit 2 for a folder of several)."""
    from kngg_cli.engine import UsageError, check_path

    result = check_path(path, options)
    if len(result.regions) != 1:
        names = ", ".join(r.id for r in result.regions)
        raise UsageError(
            "cli.one_region", command=command, path=str(path), count=len(result.regions), names=names
        )
    return result.regions[0]


def refuse_if_unsafe(region: RegionResult) -> None:
    """S, R or P errors: nothing the region publishes may carry them (as `kngg render`)."""
    from kngg_cli.render import REFUSING_FAMILIES, RenderRefused

    if region.has_errors(REFUSING_FAMILIES) or region.view.region is None:
        raise RenderRefused(region)


def region_calendar(region: RegionResult, today: date, url: str | None = None) -> bytes:
    """The region's .ics; refused (RenderRefused) like a document when the region has S, R or P errors."""
    from kngg_cli.agenda import region_events
    from kngg_cli.ical import calendar_ics
    from kngg_cli.render.formatting import clean

    refuse_if_unsafe(region)
    model = region.view.region
    assert model is not None
    return calendar_ics(region_events(region.view, region.lang), clean(model.name), region.lang, today, url)


def build_site(path: Path, options: CheckOptions, base_url: str | None = None) -> Site:
    """The whole site for PATH. A single refused region raises RenderRefused; TemplateFailure too."""
    from kngg_cli.engine import check_path

    result = check_path(path, options)
    site = Site()
    if len(result.regions) == 1:
        region = result.regions[0]
        refuse_if_unsafe(region)
        site.regions.append(RegionEntry(region, ""))
        site.files += region_files(region, options.today, "", base_url, national=False)
        return site
    from kngg_cli.language import choose_language
    from kngg_cli.render import TemplateFailure
    from kngg_cli.site.pages import national_page

    lang = choose_language(options.lang)
    used: set[str] = set()
    for region in result.regions:
        entry = RegionEntry(region)
        site.regions.append(entry)
        if not _publishable(region):
            entry.reason = "refused"
            continue
        folder = _folder_name(region.id, used)
        try:
            files = region_files(region, options.today, folder + "/", base_url, national=True)
        except TemplateFailure:
            entry.reason = "template"
            continue
        used.add(folder)
        entry.folder = folder
        site.files += files
    site.files.append(SiteFile("index.html", national_page(site.regions, lang, options.today).encode()))
    return site


def _publishable(region: RegionResult) -> bool:
    from kngg_cli.findings import Severity
    from kngg_cli.render import REFUSING_FAMILIES

    return region.view.region is not None and not any(
        f.severity is Severity.ERROR and f.code[0] in REFUSING_FAMILIES and f.code not in NATIONAL_ONLY
        for f in region.findings
    )


def _for_documents(region: RegionResult) -> RegionResult:
    """The region as the documents see it: without the national set's findings (NATIONAL_ONLY)."""
    from dataclasses import replace

    if not any(f.code in NATIONAL_ONLY for f in region.findings):
        return region
    return replace(region, findings=[f for f in region.findings if f.code not in NATIONAL_ONLY])


_SLUG = re.compile(r"[^a-z0-9-]+")


def _folder_name(region_id: str, used: set[str]) -> str:
    """The region's folder in a national site: its id, made unique (two copies of one region)."""
    base = _SLUG.sub("-", region_id.lower()).strip("-") or "regio"
    name, number = base, 2
    while name in used:
        name, number = f"{base}-{number}", number + 1
    return name


@dataclass(frozen=True)
class DocumentPage:
    key: str  # plan | status | agreement-ID: the file name without extension
    document: str  # plan | status | agreement
    title: str
    agreement_id: str | None = None


def documents(region: RegionResult, lang: str) -> list[DocumentPage]:
    from kngg_cli.render.formatting import clean
    from kngg_cli.site.texts import site_text

    words = site_text(lang)
    pages = [DocumentPage("plan", "plan", words["plan"]), DocumentPage("status", "status", words["status"])]
    for _document, agreement in sorted(region.view.agreements(), key=lambda pair: pair[1].id):
        pages.append(
            DocumentPage(f"agreement-{agreement.id}", "agreement", clean(agreement.title), agreement.id)
        )
    return pages


def word_available() -> bool:
    from kngg_cli.render.docx import DocxUnavailable, check_available

    try:
        check_available()
    except DocxUnavailable:
        return False
    return True


def region_files(
    region: RegionResult, today: date, prefix: str, base_url: str | None, national: bool
) -> list[SiteFile]:
    """Every file of one region's pages, below `prefix` ('' or 'ID/')."""
    from dataclasses import replace

    from kngg_cli.render import RenderRequest, render_region
    from kngg_cli.site.pages import document_page, findings_page, index_page

    lang = region.lang
    documents_region = _for_documents(region)
    calendar_name = f"{_folder_name(region.id, set())}{CALENDAR_SUFFIX}"
    calendar_url = _absolute(base_url, prefix + calendar_name)
    word = word_available()
    pages = documents(region, lang)
    files: list[SiteFile] = []
    for page in pages:
        request = RenderRequest(page.document, "html", page.agreement_id)
        html = render_region(documents_region, request, today)
        markdown = render_region(documents_region, replace(request, output="md"), today)
        assert isinstance(html.content, str) and isinstance(markdown.content, str)
        page_html = document_page(html.content, region, page, word)
        files.append(SiteFile(f"{prefix}{page.key}.html", page_html.encode()))
        files.append(SiteFile(f"{prefix}{page.key}.md", markdown.content.encode()))
        if word:  # through render_region too: the Word document may hold what Markdown cannot (images)
            docx = render_region(documents_region, replace(request, output="docx"), today)
            assert isinstance(docx.content, bytes)
            files.append(SiteFile(f"{prefix}{page.key}.docx", docx.content))
    calendar = region_calendar(documents_region, today, calendar_url)
    files.append(SiteFile(f"{prefix}{calendar_name}", calendar))
    context: dict[str, Any] = {
        "documents": pages,
        "word": word,
        "calendar_file": calendar_name,
        "calendar_url": calendar_url,
        # the one absolute link the site has: subscribing opens the calendar program (cli.md, --base-url)
        "calendar_subscribe": "webcal://" + calendar_url.split("://", 1)[1] if calendar_url else None,
        "national": national,
    }
    files.append(SiteFile(f"{prefix}index.html", index_page(region, today, context).encode()))
    files.append(SiteFile(f"{prefix}findings.html", findings_page(region, today, national).encode()))
    return files


def _absolute(base_url: str | None, relative: str) -> str | None:
    if not base_url:
        return None
    return base_url.rstrip("/") + "/" + relative


def days_in_step(region: RegionResult, today: date) -> int | None:
    """Days since the last completed step (the start of the current one); None when unknown."""
    model = region.view.region
    if model is None:
        return None
    dates = [entry.date for entry in model.progress.completed if entry.date is not None]
    return (today - max(dates)).days if dates else None
