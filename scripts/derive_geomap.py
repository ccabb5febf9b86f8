#!/usr/bin/env python3
"""Derive the shipped gemeente map (`src/kngg_cli/data/gemeenten-2025.map.json`) from TopoJSON.

Input: the CBS/Kadaster (PDOK) gemeente boundaries of 2025 as TopoJSON in RD New metres
(`gemeente_2025.topojson` from the public repository cartomap/nl, CC BY 4.0; see
`src/kngg_cli/data/README.md`). Output: one compact JSON with, per gemeente code, its name, an
SVG path (relative, whole map units of 100 m, y flipped so that north is up), its bounding box
and a point inside it for a label.

Why derive rather than ship the TopoJSON: rendering needs no TopoJSON decoder at run time, and
the simplified paths are about a third of the size. The arcs are simplified once (Douglas-Peucker)
before rings are assembled, so neighbouring gemeenten keep sharing exactly the same border.

Usage: python scripts/derive_geomap.py /work/shared/data/geo/gemeente_2025.topojson \
           src/kngg_cli/data/gemeenten-2025.map.json
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

UNIT = 100.0  # metres per map unit: at national scale a finer grid only adds bytes
TOLERANCE = 1.2  # map units: Douglas-Peucker tolerance, below what a printed map shows
SOURCE = (
    "CBS/Kadaster, Wijk- en buurtkaart 2025 (gemeenten), via PDOK; generalised by cartomap/nl "
    "(rd/gemeente_2025.topojson, commit 01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6); CC BY 4.0"
)
CREDIT = "Kaart: CBS/Kadaster (PDOK), CC BY 4.0"

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The arcs in absolute RD metres (TopoJSON delta-encodes quantised arcs)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return float(((px - ax) ** 2 + (py - ay) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return float(((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; the end points (shared with neighbours) always stay."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def ring_area(points: Sequence[Point]) -> float:
    return 0.5 * sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, [*points[1:], *points[:1]], strict=True)
    )


def inside(point: Point, ring: list[Point]) -> bool:
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


def label_point(ring: list[Point]) -> Point:
    """A point well inside the ring: the widest horizontal span's middle, near the centroid's height."""
    area = ring_area(ring)
    cx = sum(
        (x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
    )
    cy = sum(
        (y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
    )
    centroid = (cx / (6 * area), cy / (6 * area))
    if inside(centroid, ring):
        return centroid
    ys = sorted(y for _, y in ring)
    best: tuple[float, Point] = (-1.0, ring[0])
    for fraction in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        y = ys[0] + (ys[-1] - ys[0]) * fraction + 0.01
        crossings = sorted(
            (x2 - x1) * (y - y1) / (y2 - y1) + x1
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
            if (y1 > y) != (y2 > y)
        )
        for left, right in zip(crossings[::2], crossings[1::2], strict=False):
            if right - left > best[0]:
                best = (right - left, ((left + right) / 2, y))
    return best[1]


def derive(topology: dict[str, Any]) -> dict[str, Any]:
    (x0, _y0) = topology["transform"]["translate"]
    arcs = decode_arcs(topology)
    top = max(y for arc in arcs for _, y in arc)
    # to map units (north up) first, then simplify the shared arcs once
    unit_arcs = [
        simplify([(round((x - x0) / UNIT, 1), round((top - y) / UNIT, 1)) for x, y in arc], TOLERANCE)
        for arc in arcs
    ]
    width = max(x for arc in unit_arcs for x, _ in arc)
    height = max(y for arc in unit_arcs for _, y in arc)
    gemeenten = {}
    for geometry in topology["objects"]["gemeente_2025"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [
            [(round(x), round(y)) for x, y in ring_points(ring, unit_arcs)]
            for polygon in polygons
            for ring in polygon
        ]
        path = []
        for ring in rings:
            deduplicated = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
            if deduplicated[-1] == deduplicated[0]:
                deduplicated.pop()
            if len(deduplicated) < 3:
                continue
            (px, py), parts = deduplicated[0], [f"M{deduplicated[0][0]} {deduplicated[0][1]}"]
            steps = []
            for x, y in deduplicated[1:]:
                steps.append(f"{x - px} {y - py}")
                px, py = x, y
            parts.append("l" + " ".join(steps).replace(" -", "-") + "z")
            path.append("".join(parts))
        largest = max(rings, key=lambda r: abs(ring_area(r)))
        lx, ly = label_point([(float(x), float(y)) for x, y in largest])
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        properties = geometry["properties"]
        gemeenten[properties["statcode"]] = {
            "name": properties["statnaam"],
            "d": "".join(path),
            "box": [min(xs), min(ys), max(xs), max(ys)],
            "label": [round(lx), round(ly)],
        }
    return {
        "source": SOURCE,
        "credit": CREDIT,
        "unit_metres": UNIT,
        "size": [round(width), round(height)],
        "gemeenten": dict(sorted(gemeenten.items())),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-2].strip(), file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    data = derive(topology)
    Path(argv[2]).write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{len(data['gemeenten'])} gemeenten, {Path(argv[2]).stat().st_size} bytes → {argv[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
