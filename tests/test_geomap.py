"""The region map: the shipped shapes, highlighting, labels, text alternative and the PNG."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kngg_cli.render import geomap

DRENTHE = ["GM0106", "GM0114", "GM0118", "GM0119", "GM1730"]
DATA = Path(geomap.__file__).parent.parent / "data"


def test_the_map_holds_the_342_gemeenten_of_the_shipped_list() -> None:
    with (DATA / "gemeenten-2025.csv").open(encoding="utf-8") as handle:
        listed = {row["code"]: row["name"] for row in csv.DictReader(handle)}
    names = geomap.gemeente_names()
    assert len(names) == 342
    assert names == listed
    assert all(
        shape.rings and len(ring) >= 3 for shape in geomap.geography().shapes.values() for ring in shape.rings
    )


def test_the_svg_draws_342_shapes_and_highlights_the_region() -> None:
    svg = geomap.map_svg(DRENTHE, title="Regio Drenthe", description="x")
    overview = svg.split("</g>")[0]
    assert overview.count("<path ") == 342
    assert overview.count(f'fill="{geomap.HIGHLIGHT}"') == len(DRENTHE)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg


def test_colours_per_gemeente_and_a_legend() -> None:
    svg = geomap.map_svg(
        DRENTHE,
        title="t",
        description="d",
        colours={"GM0119": "#e0a040"},
        legend=[("#e0a040", "Nog geen besluit")],
    )
    overview = svg.split("</g>")[0]
    assert overview.count('fill="#e0a040"') == 1
    assert "Nog geen besluit" in svg


def test_names_are_drawn_where_they_fit_and_escaped() -> None:
    svg = geomap.map_svg(DRENTHE, title="<Regio & co>", description="d", legend=[("#000", "a<b")])
    labels = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    assert {"Assen", "Emmen", "Hoogeveen", "Meppel", "Tynaarlo"} <= set(labels)
    assert "&lt;Regio &amp; co&gt;" in svg and "a&lt;b" in svg
    assert "CBS/Kadaster (PDOK), CC BY 4.0" in svg


def test_labels_never_overlap() -> None:
    plan = geomap.layout(["GM0363", "GM0344", "GM0599", "GM0518", "GM0034", "GM0014"])
    boxes = [
        (label.x - len(label.text) * 4, label.y - 12, label.x + len(label.text) * 4, label.y)
        for label in plan.labels
    ]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not geomap._overlaps(a, b)


def test_unknown_codes_are_left_out_and_an_empty_region_is_only_the_country() -> None:
    svg = geomap.map_svg(["GM9999"], title="t", description=geomap.describe(["GM9999"]))
    assert "<clipPath" not in svg
    assert "geen gemeenten" in svg


def test_the_text_alternative_names_the_gemeenten_and_groups() -> None:
    text = geomap.describe(DRENTHE[:2], "nl", groups=[("Nog geen besluit", ["GM0114"])])
    assert text == "Kaart van Nederland met 2 gemeenten gemarkeerd: Assen en Emmen. Nog geen besluit: Emmen."
    assert geomap.describe(["GM0106"], "en").startswith(
        "Map of the Netherlands with 1 gemeente highlighted: Assen"
    )


def test_the_png_is_drawn_with_the_highlight_colour() -> None:
    pytest.importorskip("PIL")
    from io import BytesIO

    from PIL import Image

    data = geomap.map_png(DRENTHE, scale=1.0)
    assert data.startswith(b"\x89PNG")
    image = Image.open(BytesIO(data)).convert("RGB")
    assert image.size == (1000, 600)
    colours = {colour for _, colour in image.getcolors(maxcolors=100000) or []}
    assert (0x1B, 0x6F, 0x8A) in colours
