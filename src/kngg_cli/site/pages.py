"""The site's pages: facts from the render context and the check, laid out by templates/site/*.j2.

The documents themselves (plan, status, agreements) come from `render_region` unchanged; a page
of the site only adds a navigation bar on top (`document_page`). The index, the findings page
and the national overview are the site's own templates, in the same sandboxed, escaping Jinja
environment as the documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from kngg_cli.findings import Finding, Severity

if TYPE_CHECKING:
    from kngg_cli.engine import RegionResult
    from kngg_cli.site.build import DocumentPage, RegionEntry

NAV_CSS = (
    "nav.site-nav{background:#0b4f8a;color:#fff;padding:.5rem 1.5rem;font-family:system-ui,-apple-system,"
    '"Segoe UI",Roboto,Arial,sans-serif;font-size:.95rem}'
    "nav.site-nav ul{list-style:none;margin:0 auto;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;"
    "max-width:60rem}"
    "nav.site-nav a{color:#fff;text-decoration:underline}nav.site-nav a:focus{outline:3px solid #ffbf47;"
    "outline-offset:2px}"
    "nav.site-nav .note{color:#fff}"
    "@media print{nav.site-nav{display:none}}"
)
# phase 1 steps 1-8, then phase 2: light to dark (viridis), so the order reads without the legend
STEP_COLOURS = (
    "#fde725",
    "#b5de2b",
    "#6ece58",
    "#35b779",
    "#1f9e89",
    "#26828e",
    "#31688e",
    "#3e4989",
    "#482878",
)
CONFLICT_PATTERN = "url(#kngg-conflict)"
UNKNOWN_PATTERN = "url(#kngg-unknown)"


def _environment(region: RegionResult | None) -> Any:
    from kngg_cli.render.environment import make_environment

    return make_environment(region.root if region is not None else None, "html")


def _render(region: RegionResult | None, name: str, context: dict[str, Any]) -> str:
    from jinja2 import TemplateError

    from kngg_cli.render import TemplateFailure

    try:
        return str(_environment(region).get_template(name).render(context))
    except TemplateError as error:
        raise TemplateFailure(name, "", f"{type(error).__name__}: {error.message}") from None


def _words(lang: str) -> dict[str, Any]:
    from kngg_cli.render.labels import text
    from kngg_cli.site.texts import site_text

    return {"t": text(lang), "s": site_text(lang), "lang": lang}


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


_CODE = re.compile(r"`([^`]+)`")


def sentence(text: str) -> str:
    """A message as a sentence: its first letter a capital."""
    return text[:1].upper() + text[1:]


def with_code(text: str) -> Markup:
    """A hint with its `key: value` examples as code, everything else escaped as text."""
    from markupsafe import escape

    return Markup(_CODE.sub(lambda m: f"<code>{m.group(1)}</code>", str(escape(text))))


def counts_sentence(summary: dict[str, int], words: dict[str, str]) -> str:
    return words["findings_counts"].format(
        **{key: summary.get(key, 0) for key in ("error", "warning", "info")},
        **{
            f"{key}_word": _plural(summary.get(key, 0), words[f"{key}_one"], words[f"{key}_many"])
            for key in ("error", "warning", "info")
        },
    )


# -- a document page -------------------------------------------------------------------------------
def document_page(html: str, region: RegionResult, page: DocumentPage, word: bool) -> str:
    """The rendered document with the site's navigation on top: back to the index, the downloads."""
    from kngg_cli.render.formatting import clean

    model = region.view.region
    context = {
        **_words(region.lang),
        "page": page,
        "word": word,
        "region_name": clean(model.name) if model is not None else region.id,
    }
    nav = _render(region, "site/_nav.html.j2", context)
    style = f"<style>{NAV_CSS}</style>\n"
    html = html.replace("</head>", style + "</head>", 1) if "</head>" in html else style + html
    body = re.search(r"<body[^>]*>", html)
    if body is None:
        return nav + html
    return html[: body.end()] + "\n" + nav + html[body.end() :]


# -- the region's index ----------------------------------------------------------------------------
def index_page(region: RegionResult, today: date, extra: dict[str, Any]) -> str:
    from kngg_cli.agenda import region_events, upcoming
    from kngg_cli.render.context import build_context
    from kngg_cli.render.formatting import long_date
    from kngg_cli.render.geomap import describe, map_svg
    from kngg_cli.site.build import days_in_step

    lang = region.lang
    words = _words(lang)
    s = words["s"]
    context = build_context(region, "plan", "html", today)
    progress = context["progress"]
    days = days_in_step(region, today)
    position = (
        s["position_since"].format(
            position=progress["position"], days=days, day_word=_plural(days or 0, s["day"], s["days"])
        )
        if days is not None
        else s["position"].format(position=progress["position"])
    )
    codes = region.view.gemeente_codes
    description = describe(codes, lang)
    coming = [
        {"date": long_date(day, lang), "iso": day.isoformat(), "summary": event.summary}
        for day, event in upcoming(region_events(region.view, lang), today)
    ]
    context["open_items"] = [
        {"message": sentence(str(item["message"])), "owner": item["owner"]} for item in context["open_items"]
    ]
    errors = region.summary["error"]
    blocking = (
        s["asked_blocked"].format(count=errors, error_word=_plural(errors, s["error_one"], s["error_many"]))
        if errors
        else ""
    )
    context.update(words)
    context.update(extra)
    context.update(
        blocking=blocking,
        position=position,
        coming=coming,
        map=Markup(map_svg(codes, title=context["region"]["name"], description=description)),
        map_text=description,
        findings_counts=counts_sentence(region.summary, s),
        generated=s["made_with"].format(date=long_date(today, lang)),
    )
    return _render(region, "site/index.html.j2", context)


# -- the findings, in plain words ------------------------------------------------------------------
GROUPS = ("fix", "step", "attention", "tips")


def _group(finding: Finding) -> str:
    if finding.severity is Severity.ERROR:
        return "fix"
    if not finding.enforced:
        return "step"
    return "attention" if finding.severity is Severity.WARNING else "tips"


def findings_page(region: RegionResult, today: date, national: bool) -> str:
    from kngg_cli.catalog import catalogue, localized
    from kngg_cli.render.formatting import clean, long_date

    lang = region.lang
    words = _words(lang)
    s = words["s"]
    rules = catalogue()
    grouped: dict[str, dict[str, list[Finding]]] = {group: defaultdict(list) for group in GROUPS}
    for finding in sorted(region.findings, key=lambda f: f.sort_key):
        grouped[_group(finding)][finding.code].append(finding)
    groups = []
    for group in GROUPS:
        topics = []
        for code, findings in sorted(grouped[group].items()):
            rule = rules.get(code)
            topics.append(
                {
                    "title": clean(localized(rule.summary, lang)) if rule else code,
                    "items": [
                        {
                            "message": sentence(clean(f.message)),
                            "hint": with_code(clean(f.hint or "")),
                            "place": f"{_relative(region, f)}, {s['line']} {f.location.span.line}",
                        }
                        for f in findings
                    ],
                }
            )
        if topics:
            groups.append(
                {
                    "id": group,
                    "title": s[f"group_{group}"],
                    "intro": s[f"group_{group}_intro"],
                    "topics": topics,
                }
            )
    model = region.view.region
    context = {
        **words,
        "region": {"name": clean(model.name) if model is not None else region.id},
        "groups": groups,
        "counts": counts_sentence(region.summary, s),
        "national": national,
        "generated": s["made_with"].format(date=long_date(today, lang)),
    }
    return _render(region, "site/findings.html.j2", context)


def _relative(region: RegionResult, finding: Finding) -> str:
    try:
        return finding.location.path.relative_to(region.root).as_posix()
    except ValueError:
        return finding.location.path.name


# -- the national overview -------------------------------------------------------------------------
def national_page(entries: list[RegionEntry], lang: str, today: date) -> str:
    from kngg_cli.render.formatting import clean, long_date
    from kngg_cli.site.build import days_in_step

    words = _words(lang)
    s = words["s"]
    rows = []
    for entry in entries:
        region = entry.result
        model = region.view.region
        errors = region.summary["error"]
        reason = None
        if entry.reason == "refused":
            reason = s["refused_reason"].format(
                count=errors, error_word=_plural(errors, s["error_one"], s["error_many"])
            )
        elif entry.reason == "template":
            reason = s["template_failed"]
        step_name = _step_name(region, lang)
        ready = region.ready
        days = days_in_step(region, today)
        rows.append(
            {
                "name": clean(model.name) if model is not None else region.id,
                "link": f"{entry.folder}/index.html" if entry.folder is not None else None,
                "phase": region.phase if region.phase is not None else s["unknown"],
                "step": step_name,
                "days": days if days is not None else "—",
                "errors": errors,
                "warnings": region.summary["warning"],
                "ready": s["not_applicable"] if ready is None else (s["yes"] if ready else s["no"]),
                "reason": reason,
            }
        )
    national_map = national_map_data(entries, lang)
    context = {
        **words,
        "rows": rows,
        "count": len(rows),
        "intro": s["national_intro"].format(
            count=len(rows), ready=sum(1 for e in entries if e.folder is not None and e.result.ready)
        ),
        "map": national_map,
        "generated": s["made_with"].format(date=long_date(today, lang)),
    }
    return _render(None, "site/national.html.j2", context)


def _step_name(region: RegionResult, lang: str) -> str:
    """'Stap 7: Richt het project in …', 'Stap 4 (verkenningsfase)', or the name of phase 2."""
    from kngg_cli.catalog import localized, step_plan
    from kngg_cli.render.formatting import clean
    from kngg_cli.render.labels import text

    plan = step_plan()
    if region.phase == 2:
        return clean(localized(plan.phase_names[2], lang))
    if region.phase == 1 and region.step is not None and 1 <= region.step <= plan.last_step:
        name = clean(localized(plan.step(region.step).name, lang))
        prefix = f"{text(lang)['step']} {region.step}"
        return name if name.startswith(prefix) else f"{prefix}: {name}"
    return ""


def step_class(region: RegionResult) -> int | None:
    """0-7 for phase 1 steps 1-8, 8 for phase 2; None when unknown."""
    if region.phase == 2:
        return 8
    if region.phase == 1 and region.step is not None and 1 <= region.step <= 8:
        return region.step - 1
    return None


def national_map_data(entries: list[RegionEntry], lang: str) -> dict[str, Any]:
    """The national map: every gemeente coloured by its region's phase and step, with its legend and
    the map in words. A gemeente that two regions list is drawn hatched and listed."""
    from kngg_cli.render.formatting import clean
    from kngg_cli.render.geomap import LAND, gemeente_names, join_names

    s = _words(lang)["s"]
    names = gemeente_names()
    claims: dict[str, list[str]] = defaultdict(list)
    fills: dict[str, str] = {}
    in_words = []
    used_classes: set[int] = set()
    for entry in entries:
        region = entry.result
        model = region.view.region
        region_name = clean(model.name) if model is not None else region.id
        codes = [c for c in region.view.gemeente_codes if c in names] if model is not None else []
        klass = step_class(region) if entry.folder is not None else None
        for code in codes:
            claims[code].append(region_name)
            fills[code] = STEP_COLOURS[klass] if klass is not None else UNKNOWN_PATTERN
        if klass is not None:
            used_classes.add(klass)
        if codes:
            where = _class_label(klass, s) if klass is not None else s["not_shown"]
            in_words.append(
                s["gemeenten_of"].format(
                    region=region_name, where=where, names=join_names([names[c] for c in codes], lang)
                )
            )
    conflicts = {code: regions for code, regions in claims.items() if len(regions) > 1}
    for code in conflicts:
        fills[code] = CONFLICT_PATTERN
    shown = set(fills.values())  # the legend names what the map shows, nothing more
    legend = [
        {"colour": STEP_COLOURS[k], "pattern": "", "label": _class_label(k, s)}
        for k in sorted(used_classes)
        if STEP_COLOURS[k] in shown
    ]
    if UNKNOWN_PATTERN in shown:
        legend.append({"colour": "", "pattern": "unknown", "label": s["legend_unknown"]})
    if CONFLICT_PATTERN in shown:
        legend.append({"colour": "", "pattern": "conflict", "label": s["legend_conflict"]})
    legend.append({"colour": LAND, "pattern": "", "label": s["legend_none"]})
    conflict_lines = [
        s["conflict_line"].format(gemeente=names[code], regions=join_names(regions, lang))
        for code, regions in sorted(conflicts.items(), key=lambda pair: names[pair[0]])
    ]
    title = s["national_map_title"].format(count=len(entries))
    description = " ".join(
        [*in_words, s["in_no_region"].format(count=len(names) - len(claims)), *conflict_lines]
    )
    return {
        "svg": Markup(national_svg(fills, title, description)),
        "legend": legend,
        "in_words": in_words,
        "conflicts": conflict_lines,
        "no_region": s["in_no_region"].format(count=len(names) - len(claims)),
    }


def _class_label(klass: int, s: dict[str, str]) -> str:
    return s["legend_phase2"] if klass == 8 else s["legend_step"].format(step=klass + 1)


def national_svg(fills: dict[str, str], title: str, description: str) -> str:
    """One panel: the whole of the Netherlands, every gemeente a path with its CBS code.

    The shapes and their projection come from render/geomap.py (the region maps' two-panel layout
    would show the country twice for a national set)."""
    from html import escape

    from kngg_cli.render.geomap import BORDER, LAND, _fit, _svg_path, geography

    geo = geography()
    width, height = geo.size
    panel = _fit((0, 0, width, height), 0, 0, 600, 600 * height / width)
    names = {code: shape.name for code, shape in geo.shapes.items()}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {panel.width:.0f} {panel.height:.0f}" '
        'role="img" aria-labelledby="nl-title nl-desc" class="kngg-national-map">',
        f'<title id="nl-title">{escape(title)}</title>',
        f'<desc id="nl-desc">{escape(description)}</desc>',
        "<defs>",
        '<pattern id="kngg-conflict" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<rect width="3" height="6" fill="#b00020"/></pattern>',
        '<pattern id="kngg-unknown" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(-45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<rect width="2" height="6" fill="#6b6b6b"/></pattern>',
        "</defs>",
        f'<g fill="{LAND}" stroke="{BORDER}" stroke-width="0.5">',
    ]
    for code, shape in geo.shapes.items():
        fill = f' fill="{fills[code]}"' if code in fills else ""
        out.append(
            f'<path data-gemeente="{code}" d="{_svg_path(shape, panel, 1)}"{fill}>'
            f"<title>{escape(names[code])}</title></path>"
        )
    out.append("</g></svg>")
    return "\n".join(out)
