"""The region on the map of the Netherlands: an inline SVG for HTML and a PNG for Word.

One drawing, two outputs. The figure has two panels: the Netherlands with the region's
gemeenten highlighted (where the region lies), and the region enlarged, with the gemeenten
named where the name fits inside the gemeente. The shapes come from the shipped
`data/gemeenten-2025.map.json`, derived by `scripts/derive_geomap.py` from the CBS/Kadaster
(PDOK) gemeente boundaries of 2025 (CC BY 4.0; the credit is drawn under the map).

The PNG is drawn directly with Pillow (the `docx` extra) rather than converted from the SVG: the
pip-installable SVG converters either need a system library (cairosvg needs libcairo) or a
browser, and Word is the only reader that needs a raster image. Both outputs share the layout
computed here, so they show the same map.

    svg = map_svg(["GM0106", "GM0114"], title="Regio Drenthe", description="…")
    png = map_png(["GM0106", "GM0114"], title="Regio Drenthe")
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from html import escape
from importlib import resources

DATA_FILE = "gemeenten-2025.map.json"
XMLNS = ' xmlns="http://www.w3.org/2000/svg"'  # a file needs it; HTML's inline SVG does not
HIGHLIGHT = "#1b6f8a"  # dark teal: 4.5:1 against the white label halo, and against the grey land
LAND = "#e4e4e4"
BORDER = "#ffffff"
CONTEXT_BORDER = "#b5b5b5"
TEXT_COLOUR = "#1a1a1a"

# the canvas in output units (SVG user units; the PNG multiplies by its scale)
WIDTH, HEIGHT = 1000.0, 600.0
MARGIN = 10.0
OVERVIEW_WIDTH = 380.0
DETAIL_LEFT = OVERVIEW_WIDTH + 2 * MARGIN
FOOT = 44.0  # room under the panels for the legend and the credit
LABEL_SIZE = 14.0
SMALL_SIZE = 11.0
FONTS = "Arial, Helvetica, sans-serif"
CHAR = 0.56  # average width of a character, in font sizes (a sans-serif)

_NUMBER = re.compile(r"-?\d+")
_RING = re.compile(r"M([^l]+)l([^z]*)z")


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    box: tuple[float, float, float, float]
    label: tuple[float, float]


@dataclass(frozen=True)
class Geography:
    size: tuple[float, float]
    credit: str
    source: str
    shapes: dict[str, Shape]


@cache
def geography() -> Geography:
    """The shipped gemeente shapes (read once)."""
    raw = json.loads(resources.files("kngg_cli.data").joinpath(DATA_FILE).read_text(encoding="utf-8"))
    shapes = {
        code: Shape(
            code=code,
            name=entry["name"],
            rings=tuple(_parse_rings(entry["d"])),
            box=tuple(entry["box"]),
            label=tuple(entry["label"]),
        )
        for code, entry in raw["gemeenten"].items()
    }
    return Geography(size=tuple(raw["size"]), credit=raw["credit"], source=raw["source"], shapes=shapes)


def _parse_rings(path: str) -> Iterable[tuple[tuple[float, float], ...]]:
    for start, steps in _RING.findall(path):
        x, y = (int(n) for n in _NUMBER.findall(start))
        points = [(float(x), float(y))]
        numbers = [int(n) for n in _NUMBER.findall(steps)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((float(x), float(y)))
        yield tuple(points)


def gemeente_names() -> dict[str, str]:
    """CBS code → gemeente name, for the gemeenten on the map."""
    return {code: shape.name for code, shape in geography().shapes.items()}


# -- layout ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Panel:
    """A view of map units (x0, y0, scale) placed at (left, top) on the canvas."""

    left: float
    top: float
    width: float
    height: float
    x0: float
    y0: float
    scale: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        return (self.left + (x - self.x0) * self.scale, self.top + (y - self.y0) * self.scale)


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float


@dataclass(frozen=True)
class Layout:
    overview: Panel
    detail: Panel | None
    detail_codes: tuple[str, ...]  # the gemeenten drawn in the detail panel (region and neighbours)
    frame: tuple[float, float, float, float] | None  # the detail's extent, outlined on the overview
    labels: tuple[Label, ...]
    fills: dict[str, str] = field(default_factory=dict)


def _fit(
    box: tuple[float, float, float, float], left: float, top: float, width: float, height: float
) -> Panel:
    x0, y0, x1, y1 = box
    scale = min(width / (x1 - x0), height / (y1 - y0))
    # centred in its space
    used_w, used_h = (x1 - x0) * scale, (y1 - y0) * scale
    return Panel(left + (width - used_w) / 2, top + (height - used_h) / 2, used_w, used_h, x0, y0, scale)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def layout(highlight: Iterable[str], colours: Mapping[str, str] | None = None) -> Layout:
    geo = geography()
    codes = [code for code in dict.fromkeys(highlight) if code in geo.shapes]
    fills = {code: (colours or {}).get(code, HIGHLIGHT) for code in codes}
    panel_height = HEIGHT - FOOT - 2 * MARGIN
    overview = _fit((0, 0, *geo.size), MARGIN, MARGIN, OVERVIEW_WIDTH, panel_height)
    if not codes:
        return Layout(overview, None, (), None, (), fills)
    boxes = [geo.shapes[code].box for code in codes]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    # a little of the surroundings, and never closer than 15 km: one gemeente alone stays legible
    pad = max(x1 - x0, y1 - y0, 150) * 0.08
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = max((x1 - x0) / 2, 75) + pad, max((y1 - y0) / 2, 75) + pad
    extent = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
    detail_width = WIDTH - DETAIL_LEFT - MARGIN
    detail = _fit(extent, DETAIL_LEFT, MARGIN, detail_width, panel_height)
    # widen the extent to the whole panel, so that the neighbours fill it
    detail = Panel(
        DETAIL_LEFT,
        MARGIN,
        detail_width,
        panel_height,
        detail.x0 - (detail.left - DETAIL_LEFT) / detail.scale,
        detail.y0 - (detail.top - MARGIN) / detail.scale,
        detail.scale,
    )
    view = (
        detail.x0,
        detail.y0,
        detail.x0 + detail_width / detail.scale,
        detail.y0 + panel_height / detail.scale,
    )
    nearby = tuple(code for code, shape in geo.shapes.items() if _overlaps(shape.box, view))
    return Layout(overview, detail, nearby, view, tuple(_labels(codes, detail)), fills)


def _labels(codes: Sequence[str], detail: Panel) -> Iterable[Label]:
    """Names where they fit inside their gemeente and clear of the names placed before."""
    geo = geography()
    placed: list[tuple[float, float, float, float]] = []
    # the largest gemeenten first: they have the room
    by_size = sorted(codes, key=lambda c: -(geo.shapes[c].box[2] - geo.shapes[c].box[0]))
    for code in by_size:
        shape = geo.shapes[code]
        width = (shape.box[2] - shape.box[0]) * detail.scale
        height = (shape.box[3] - shape.box[1]) * detail.scale
        text_width = len(shape.name) * LABEL_SIZE * CHAR
        if text_width > width * 0.95 or height < LABEL_SIZE * 1.3:
            continue
        x, y = detail.point(*shape.label)
        extent = (x - text_width / 2, y - LABEL_SIZE * 0.8, x + text_width / 2, y + LABEL_SIZE * 0.4)
        if any(_overlaps(extent, other) for other in placed):
            continue
        placed.append(extent)
        yield Label(shape.name, x, y)


# -- SVG ------------------------------------------------------------------------------------------
def _svg_path(shape: Shape, panel: Panel, digits: int = 1) -> str:
    parts = []
    for ring in shape.rings:
        points = [panel.point(x, y) for x, y in ring]
        parts.append("M" + "L".join(f"{x:.{digits}f} {y:.{digits}f}" for x, y in points) + "Z")
    return "".join(parts)


def map_svg(
    highlight: Iterable[str],
    *,
    title: str,
    description: str,
    colours: Mapping[str, str] | None = None,
    legend: Sequence[tuple[str, str]] = (),
    element_id: str = "kaart",
    standalone: bool = False,
) -> str:
    """An inline SVG: `title` and `description` are its accessible name and text alternative.

    `colours` gives a fill per gemeente code (default one highlight colour); `legend` lists
    (colour, text) pairs drawn under the map. All texts are escaped here: pass plain text.
    `standalone` adds the namespace an .svg file needs (inline in HTML it is not needed).
    """
    geo = geography()
    plan = layout(highlight, colours)
    out = [
        f'<svg{XMLNS if standalone else ""} viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" '
        f'role="img" aria-labelledby="{element_id}-title {element_id}-desc" class="kngg-map">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
        f'<desc id="{element_id}-desc">{escape(description)}</desc>',
        f'<g fill="{LAND}" stroke="{BORDER}" stroke-width="0.4">',
    ]
    for code, shape in geo.shapes.items():
        fill = f' fill="{plan.fills[code]}"' if code in plan.fills else ""
        # whole units suffice at the overview's scale, and halve the bytes
        out.append(f'<path d="{_svg_path(shape, plan.overview, 0)}"{fill}/>')
    out.append("</g>")
    if plan.detail is not None and plan.frame is not None:
        d = plan.detail
        fx0, fy0 = plan.overview.point(plan.frame[0], plan.frame[1])
        fx1, fy1 = plan.overview.point(plan.frame[2], plan.frame[3])
        out.append(
            f'<rect x="{fx0:.1f}" y="{fy0:.1f}" width="{fx1 - fx0:.1f}" height="{fy1 - fy0:.1f}" '
            f'fill="none" stroke="{TEXT_COLOUR}" stroke-width="1.2"/>'
        )
        out.append(
            f'<clipPath id="{element_id}-clip"><rect x="{d.left}" y="{d.top}" '
            f'width="{d.width}" height="{d.height}"/></clipPath>'
        )
        out.append(
            f'<g clip-path="url(#{element_id}-clip)" fill="{LAND}" stroke="{BORDER}" stroke-width="1.2">'
        )
        for code in plan.detail_codes:
            fill = f' fill="{plan.fills[code]}"' if code in plan.fills else ""
            out.append(f'<path d="{_svg_path(geo.shapes[code], d)}"{fill}/>')
        out.append("</g>")
        out.append(
            f'<rect x="{d.left}" y="{d.top}" width="{d.width}" height="{d.height}" fill="none" '
            f'stroke="{CONTEXT_BORDER}" stroke-width="1"/>'
        )
        out.append(
            f'<g font-family="{FONTS}" font-size="{LABEL_SIZE:.0f}" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}" stroke="#ffffff" stroke-width="3" paint-order="stroke" '
            'stroke-linejoin="round">'
        )
        for label in plan.labels:
            out.append(f'<text x="{label.x:.1f}" y="{label.y:.1f}">{escape(label.text)}</text>')
        out.append("</g>")
    out.append(f'<g font-family="{FONTS}" font-size="{SMALL_SIZE:.0f}" fill="{TEXT_COLOUR}">')
    x = MARGIN
    y = HEIGHT - FOOT + 8
    for colour, text in legend:
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="14" height="14" fill="{escape(colour)}"/>')
        out.append(f'<text x="{x + 20:.1f}" y="{y + 11:.1f}">{escape(text)}</text>')
        x += 40 + len(text) * SMALL_SIZE * CHAR
    out.append(
        f'<text x="{WIDTH - MARGIN:.0f}" y="{HEIGHT - 8:.0f}" text-anchor="end">{escape(geo.credit)}</text>'
    )
    out.append("</g></svg>")
    return "\n".join(out)


# -- PNG ------------------------------------------------------------------------------------------
class PngUnavailable(Exception):
    """Pillow is not installed (it comes with the `docx` extra)."""


def font(size: float):  # type: ignore[no-untyped-def]  # Pillow's font types differ per version
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1: a fixed bitmap font, still legible
        return ImageFont.load_default()


def map_png(
    highlight: Iterable[str],
    *,
    colours: Mapping[str, str] | None = None,
    legend: Sequence[tuple[str, str]] = (),
    scale: float = 2.0,
) -> bytes:
    """The same map as `map_svg`, as a PNG (for Word, which needs a raster image)."""
    try:
        from PIL import Image, ImageDraw
    except ImportError:
        raise PngUnavailable("pip install 'kngg-cli[docx]'") from None
    geo = geography()
    plan = layout(highlight, colours)
    image = Image.new("RGB", (round(WIDTH * scale), round(HEIGHT * scale)), "#ffffff")
    draw = ImageDraw.Draw(image)

    def polygon(shape: Shape, panel: Panel, fill: str, width: float) -> None:
        for ring in shape.rings:
            points = [(x * scale, y * scale) for x, y in (panel.point(px, py) for px, py in ring)]
            draw.polygon(points, fill=fill, outline=BORDER, width=max(1, round(width * scale)))

    for code, shape in geo.shapes.items():
        polygon(shape, plan.overview, plan.fills.get(code, LAND), 0.4)
    if plan.detail is not None and plan.frame is not None:
        d = plan.detail
        panel_image = Image.new("RGB", image.size, "#ffffff")
        panel_draw = ImageDraw.Draw(panel_image)
        for code in plan.detail_codes:
            for ring in geo.shapes[code].rings:
                points = [(x * scale, y * scale) for x, y in (d.point(px, py) for px, py in ring)]
                panel_draw.polygon(
                    points, fill=plan.fills.get(code, LAND), outline=BORDER, width=max(1, round(1.2 * scale))
                )
        # the detail panel is clipped to its rectangle
        box = (
            round(d.left * scale),
            round(d.top * scale),
            round((d.left + d.width) * scale),
            round((d.top + d.height) * scale),
        )
        image.paste(panel_image.crop(box), (box[0], box[1]))
        draw.rectangle(box, outline=CONTEXT_BORDER, width=max(1, round(scale)))
        fx0, fy0 = plan.overview.point(plan.frame[0], plan.frame[1])
        fx1, fy1 = plan.overview.point(plan.frame[2], plan.frame[3])
        draw.rectangle(
            (fx0 * scale, fy0 * scale, fx1 * scale, fy1 * scale),
            outline=TEXT_COLOUR,
            width=max(1, round(1.2 * scale)),
        )
        label_font = font(LABEL_SIZE * scale)
        for label in plan.labels:
            draw.text(
                (label.x * scale, label.y * scale),
                label.text,
                font=label_font,
                fill=TEXT_COLOUR,
                anchor="ms",
                stroke_width=max(1, round(1.5 * scale)),
                stroke_fill="#ffffff",
            )
    small = font(SMALL_SIZE * scale)
    x, y = MARGIN, HEIGHT - FOOT + 8
    for colour, text in legend:
        draw.rectangle((x * scale, y * scale, (x + 14) * scale, (y + 14) * scale), fill=colour)
        draw.text(((x + 20) * scale, (y + 11) * scale), text, font=small, fill=TEXT_COLOUR, anchor="ls")
        x += 40 + len(text) * SMALL_SIZE * CHAR
    draw.text(
        ((WIDTH - MARGIN) * scale, (HEIGHT - 8) * scale),
        geo.credit,
        font=small,
        fill=TEXT_COLOUR,
        anchor="rs",
    )
    buffer = io.BytesIO()
    # 16 cm wide on the page: Word sizes an image by its resolution
    image.save(buffer, format="PNG", optimize=True, dpi=(image.width / 6.3, image.width / 6.3))
    return buffer.getvalue()


# -- the text alternative --------------------------------------------------------------------------
_WORDS = {
    "nl": {
        "map": "Kaart van Nederland met {n} gemarkeerd: {names}.",
        "one": "gemeente",
        "many": "gemeenten",
        "and": "en",
        "none": "Kaart van Nederland; geen gemeenten gemarkeerd.",
    },
    "en": {
        "map": "Map of the Netherlands with {n} highlighted: {names}.",
        "one": "gemeente",
        "many": "gemeenten",
        "and": "and",
        "none": "Map of the Netherlands; no gemeenten highlighted.",
    },
}


def join_names(names: Sequence[str], lang: str) -> str:
    """'A, B en C' (Dutch) or 'A, B and C' (English)."""
    word = _WORDS.get(lang, _WORDS["nl"])["and"]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


def describe(
    highlight: Iterable[str],
    lang: str = "nl",
    groups: Sequence[tuple[str, Sequence[str]]] = (),
) -> str:
    """The text alternative: which gemeenten are highlighted, and per legend group which ones."""
    words = _WORDS.get(lang, _WORDS["nl"])
    names = gemeente_names()
    codes = [code for code in dict.fromkeys(highlight) if code in names]
    if not codes:
        return words["none"]
    count = f"{len(codes)} {words['one'] if len(codes) == 1 else words['many']}"
    text = words["map"].format(n=count, names=join_names([names[c] for c in codes], lang))
    for label, members in groups:
        listed = [names[c] for c in members if c in names]
        if listed:
            text += f" {label}: {join_names(listed, lang)}."
    return text
