"""The governance diagram: the bodies as a tree by `reports_to`, laid out once and drawn three ways.

HTML draws the layout as inline SVG (templates/plan.html.j2), Markdown carries it as a Mermaid
block, and Word gets a PNG drawn here with Pillow (the `docx` extra, as the map in geomap.py).
The diagram is also put in words (`sentences`), the text alternative of every drawing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from kngg_cli.model.body import GOVERNING_BODY_TYPES
from kngg_cli.render.formatting import clean, wrap

if TYPE_CHECKING:
    from kngg_cli.model import Body

BOX_WIDTH, BOX_HEIGHT, GAP_X, GAP_Y, MARGIN = 210, 66, 24, 46, 12
LINE_CHARS = 28


def _leading_into_cycles(bodies: dict[str, Body]) -> set[str]:
    """The bodies whose reports_to chain runs into a cycle (or is on one): drawn as roots.

    Each body is walked once, so a long chain stays linear."""
    verdict: dict[str, bool] = {}
    for start in bodies:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current in bodies and current not in verdict and current not in on_path:
            path.append(current)
            on_path.add(current)
            current = bodies[current].reports_to
        leads = current in on_path or (current is not None and verdict.get(current, False))
        for identifier in path:
            verdict[identifier] = leads
    return {identifier for identifier, leads in verdict.items() if leads}


def _place(roots: list[str], children: dict[str, list[str]]) -> tuple[dict[str, tuple[float, int]], int]:
    """Slot (column) and depth of every body: leaves side by side, a parent above the middle of its
    children. Iterative (post-order with a stack), so a chain of any length cannot overflow."""
    positions: dict[str, tuple[float, int]] = {}
    next_slot = 0
    for root in roots:
        stack: list[tuple[str, int, bool]] = [(root, 0, False)]
        while stack:
            identifier, depth, expanded = stack.pop()
            kids = children[identifier]
            if not kids:
                positions[identifier] = (float(next_slot), depth)
                next_slot += 1
            elif expanded:
                slot = (positions[kids[0]][0] + positions[kids[-1]][0]) / 2
                positions[identifier] = (slot, depth)
            else:
                stack.append((identifier, depth, True))
                stack.extend((kid, depth + 1, False) for kid in reversed(kids))
    return positions, next_slot


def build_diagram(
    bodies: dict[str, Body], type_label: Callable[[str], str], t: Mapping[str, str]
) -> dict[str, Any]:
    """The layout (nodes, edges, size), the Mermaid text and the sentences, from ordered bodies."""
    children: dict[str, list[str]] = {identifier: [] for identifier in bodies}
    roots: list[str] = []
    cyclic = _leading_into_cycles(bodies)
    for identifier, body in bodies.items():
        parent = body.reports_to
        if parent in bodies and parent != identifier and identifier not in cyclic:
            children[parent].append(identifier)
        else:
            roots.append(identifier)
    positions, slots = _place(roots, children)
    nodes, edges = [], []
    for identifier, (slot, depth) in positions.items():
        body = bodies[identifier]
        lines = wrap(clean(body.name), LINE_CHARS)
        x = MARGIN + slot * (BOX_WIDTH + GAP_X)
        y = MARGIN + depth * (BOX_HEIGHT + GAP_Y)
        nodes.append(
            {
                "id": identifier,
                "name": clean(body.name),
                "lines": [
                    {"text": line, "y": round(y + (20 if len(lines) > 1 else 28) + index * 16)}
                    for index, line in enumerate(lines)
                ],
                "type_y": round(y + BOX_HEIGHT - 10),
                "type": type_label(body.type),
                "x": round(x),
                "y": round(y),
                "width": BOX_WIDTH,
                "height": BOX_HEIGHT,
                "text_x": round(x + BOX_WIDTH / 2),
                "governing": body.type in GOVERNING_BODY_TYPES,
            }
        )
    for parent, kids in children.items():
        for index, kid in enumerate(kids):
            child_slot, child_depth = positions[kid]
            parent_slot, parent_depth = positions[parent]
            spread = (index - (len(kids) - 1) / 2) * min(28, (BOX_WIDTH - 40) / max(len(kids), 1))
            edges.append(
                {
                    "x1": round(MARGIN + child_slot * (BOX_WIDTH + GAP_X) + BOX_WIDTH / 2),
                    "y1": round(MARGIN + child_depth * (BOX_HEIGHT + GAP_Y)),
                    "x2": round(MARGIN + parent_slot * (BOX_WIDTH + GAP_X) + BOX_WIDTH / 2 + spread),
                    "y2": round(MARGIN + parent_depth * (BOX_HEIGHT + GAP_Y) + BOX_HEIGHT + 6),
                }
            )
    depth = max((d for _, d in positions.values()), default=-1) + 1
    width = round(2 * MARGIN + max(slots, 1) * (BOX_WIDTH + GAP_X) - GAP_X)
    height = round(2 * MARGIN + max(depth, 1) * (BOX_HEIGHT + GAP_Y) - GAP_Y)
    sentences = []
    for identifier, body in bodies.items():
        parent_body = bodies.get(body.reports_to) if body.reports_to else None
        if parent_body is not None and identifier in children.get(parent_body.id, []):
            sentences.append(f"{clean(body.name)} {t['reports_to']} {clean(parent_body.name)}.")
        elif body.reports_to and body.reports_to not in bodies:
            sentences.append(f"{clean(body.name)} {t['reports_to']} {clean(body.reports_to)}.")
        else:
            sentences.append(f"{clean(body.name)} {t['reports_to_nobody']}.")
    mermaid_ids = {identifier: f"b{index}" for index, identifier in enumerate(bodies, start=1)}
    mermaid = ["flowchart BT"]
    for identifier, body in bodies.items():
        mermaid.append(f'    {mermaid_ids[identifier]}["{_mermaid_label(clean(body.name))}"]')
    for parent, kids in children.items():
        for kid in kids:
            mermaid.append(f"    {mermaid_ids[kid]} --> {mermaid_ids[parent]}")
    return {
        "nodes": nodes,
        "edges": edges,
        "width": width,
        "height": height,
        "sentences": sentences,
        "summary": " ".join(sentences),
        "mermaid": Markup("\n".join(mermaid)),  # already safe for a Markdown code block
        "has_edges": bool(edges),
    }


def _mermaid_label(text: str) -> str:
    """A quoted Mermaid label: on one line (a line break could close the code block), with
    Mermaid's entity codes for the characters that end or mark up a label."""
    text = " ".join(text.split())
    return (
        text.replace("#", "#35;")
        .replace("`", "#96;")
        .replace("&", "#38;")
        .replace('"', "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;")
    )


def diagram_png(diagram: Mapping[str, Any], scale: float = 2.0) -> bytes:
    """The laid-out diagram as a PNG, the same drawing as the SVG of the HTML plan (for Word)."""
    from PIL import Image, ImageDraw

    from kngg_cli.render.geomap import font

    size = (round(diagram["width"] * scale), round(diagram["height"] * scale))
    image = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(image)
    accent, ink, muted = "#0b4f8a", "#1a1a1a", "#4a4a4a"
    for edge in diagram["edges"]:
        x1, y1, x2, y2 = (edge[k] * scale for k in ("x1", "y1", "x2", "y2"))
        draw.line((x1, y1, x2, y2), fill="#333333", width=round(2 * scale))
        # the arrow head at the parent's end, pointing up
        head = 7 * scale
        draw.polygon(
            [(x2, y2 - 2 * scale), (x2 - head / 1.6, y2 + head), (x2 + head / 1.6, y2 + head)], fill="#333333"
        )
    name_font, type_font = font(13 * scale), font(11 * scale)
    for node in diagram["nodes"]:
        box = tuple(
            v * scale for v in (node["x"], node["y"], node["x"] + node["width"], node["y"] + node["height"])
        )
        draw.rounded_rectangle(
            box,
            radius=6 * scale,
            fill="#e6eef6" if node["governing"] else "#ffffff",
            outline=accent,
            width=round(2 * scale),
        )
        for line in node["lines"]:
            draw.text(
                (node["text_x"] * scale, line["y"] * scale),
                line["text"],
                font=name_font,
                fill=ink,
                anchor="ms",
            )
        draw.text(
            (node["text_x"] * scale, node["type_y"] * scale),
            node["type"],
            font=type_font,
            fill=muted,
            anchor="ms",
        )
    buffer = io.BytesIO()
    dpi = max(96 * scale, image.width / 6.3)  # never wider than the text (16 cm)
    image.save(buffer, format="PNG", optimize=True, dpi=(dpi, dpi))
    return buffer.getvalue()
