"""Regressions found by auditing `kngg advance`, `sign`, `init` and `render` from the outside."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_render_refuses_a_reference_doc_that_is_not_a_word_file(invoke, region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # pandoc died on it with a multi-line Haskell backtrace reported as an internal error.
    pytest.importorskip("pypandoc")
    root = region()
    reference = tmp_path / "huisstijl.docx"
    reference.write_text("geen zip\n", encoding="utf-8")
    target = tmp_path / "plan.docx"
    result = invoke(
        "render", "plan", str(root), "-f", "docx", "-o", str(target), "--reference-doc", str(reference)
    )
    assert result.exit_code == 2
    assert "is geen Word-bestand (.docx)" in result.stderr
    assert "interne fout" not in result.stderr
    assert not target.exists()


def test_advance_refuses_a_date_before_the_previous_step(invoke, region) -> None:  # type: ignore[no-untyped-def]
    # It wrote the entry and left the region with an R007 error (which then blocks `kngg render`).
    root = region(
        {
            "region.yaml": """
                kngg: 1
                kind: Region
                id: testregio
                name: Regio Test
                gemeenten:
                  - code: GM0034
                    name: Almere
                progress:
                  phase: 1
                  step: 2
                  completed:
                    - step: 1
                      date: 2026-02-01   # startnotitie
            """
        }
    )
    before = (root / "region.yaml").read_bytes()
    result = invoke("advance", str(root), "--date", "2026-01-15")
    assert result.exit_code == 1
    assert "voor de afronding van de vorige stap (2026-02-01)" in result.stderr
    assert (root / "region.yaml").read_bytes() == before
    assert invoke("advance", str(root), "--date", "2026-02-01").exit_code == 0
    assert "date: 2026-02-01\n" in (root / "region.yaml").read_text(encoding="utf-8").split("- step: 2")[1]
