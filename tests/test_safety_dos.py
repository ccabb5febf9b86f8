"""Safe by construction (issue #15): no input makes kngg slow or crash by its size or shape."""

from __future__ import annotations

from pathlib import Path

from helpers import check, codes, write_region


def _chain(count: int, cycle: bool = False) -> str:
    bodies = []
    for index in range(count):
        parent = f"o{index + 1}" if index + 1 < count else ("o0" if cycle else None)
        body = f"kind: Body\nid: o{index}\nname: Overleg {index}\ntype: werkgroep\n"
        bodies.append(body + (f"reports_to: {parent}\n" if parent else ""))
    return "---\n".join(bodies)


def test_a_long_reports_to_chain_is_checked_in_linear_time(tmp_path: Path) -> None:
    """5,000 chained bodies: the cubic search never finished; each body is now walked once."""
    import time

    root = write_region(tmp_path / "regio", {"governance.yaml": _chain(5000)})
    started = time.process_time()
    result = check(root, select=["R003"])
    assert "R003" not in codes(result)
    assert time.process_time() - started < 60  # a guard against hanging, not a benchmark


def test_a_long_reports_to_cycle_is_one_finding(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", {"governance.yaml": _chain(300, cycle=True)})
    result = check(root, select=["R003"])
    found = [f for f in result.findings if f.code == "R003"]
    assert len(found) == 1 and found[0].subject == "o0"
    assert found[0].message.count("→") == 300


def test_the_diagram_of_a_500_long_chain_is_drawn_without_recursion() -> None:
    import sys

    from kngg_cli.model import Body
    from kngg_cli.render.diagram import build_diagram

    bodies = {}
    for index in range(3000):
        data = {"kind": "Body", "id": f"o{index}", "name": f"Overleg {index}", "type": "werkgroep"}
        if index + 1 < 3000:
            data["reports_to"] = f"o{index + 1}"
        bodies[f"o{index}"] = Body.model_validate(data)
    assert sys.getrecursionlimit() < 3000 * 2
    diagram = build_diagram(bodies, str, {"reports_to": "rapporteert aan", "reports_to_nobody": "-"})
    assert len(diagram["nodes"]) == 3000 and len(diagram["edges"]) == 2999
    depths = sorted(node["y"] for node in diagram["nodes"])
    assert depths[0] < depths[-1]


def test_aliases_to_a_long_text_are_bounded_in_bytes(tmp_path: Path) -> None:
    """Few nodes, many bytes: 60 aliases to a 100 kB string would make a 6 MB tree (and a 1 GB
    document at national scale): S009 at the alias that crosses the 5 MB limit."""
    text = "x" * 100_000
    lines = ["kind: Organisation", "id: org", "name: Org", "type: ggd", f"x-lang: &lang {text}", "x-kopie:"]
    lines += ["  - *lang"] * 60
    root = write_region(tmp_path / "regio", {"extra.yaml": "\n".join(lines) + "\n"})
    result = check(root)
    [finding] = [f for f in result.findings if f.code == "S009"]
    assert finding.location.path.name == "extra.yaml" and "5 MB" in finding.message
    assert finding.location.span.line > 6 + 45  # the alias that crossed the limit


def test_aliases_within_the_bound_are_fine(tmp_path: Path) -> None:
    lines = ["kind: Organisation", "id: org", "name: Org", "type: ggd", "x-naam: &n " + "y" * 1000, "x-k:"]
    lines += ["  - *n"] * 100
    root = write_region(tmp_path / "regio", {"extra.yaml": "\n".join(lines) + "\n"})
    assert "S009" not in codes(check(root))
