"""`kngg render`: documents in Markdown, HTML and Word; placeholders, refusal, escaping, templates."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from helpers import MINIMAL_REGION, write_region

TODAY = "2026-11-23"
EVIL = "<script>alert(1)</script> & Co"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# A small region at step 7: an unsigned party, a missing clause, an organisation with a nasty name.
RENDER_REGION: dict[str, str] = {
    **MINIMAL_REGION,
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
          step: 7
          completed:
            - step: 6
              date: 2025-03-20
        vision: |
          Ieder kind groeit gezond op.

          Samen, dichtbij huis.
        ambitions:
          - Eind 2026 werken we overal met de aanpak.
    """,
    "organisations.yaml": f"""
        kind: Organisation
        id: gemeente-almere
        name: Gemeente Almere
        type: gemeente
        gemeente: GM0034
        ---
        kind: Organisation
        id: evil
        name: "{EVIL}"
        type: ggd
        website: https://example.org/evil
    """,
    "people.yaml": """
        kind: Person
        id: sanne
        name: Sanne de Vries
        organisation: evil
        roles:
          - role: regionale_coordinator
            since: 2025-01-01
            tasks:
              - description: Coördinatie van de kerngroep
                level: strategisch
    """,
    "governance.yaml": """
        kind: Body
        id: kerngroep
        name: Kerngroep Test
        type: kerngroep
        mandate: besluitvormend
        frequency: P6W
        chair: sanne
        tasks: [Besluiten]
        members:
          - organisation: gemeente-almere
            level: management
          - organisation: evil
            person: sanne
            level: management
        ---
        kind: Body
        id: werkgroep
        name: Werkgroep Zorgpad
        type: werkgroep
        reports_to: kerngroep
    """,
    "agreements/sok.yaml": """
        kind: Agreement
        id: sok-2025
        title: Samenwerkingsovereenkomst Test 2025
        type: samenwerkingsovereenkomst
        valid_from: 2025-04-01
        valid_until: 2027-12-31
        parties:
          - organisation: gemeente-almere
            signatory: A. de Wit, wethouder
            signed: 2025-03-14
          - organisation: evil
            signatory: E. Vil, directeur
        clauses:
          mandaat: De kerngroep besluit.
          besluitvorming: Bij meerderheid.
          monitoring: Twee keer per jaar.
        responsibilities:
          - organisation: gemeente-almere
            tasks: [Levert een projectleider]
    """,
}


@pytest.fixture
def render_region(tmp_path: Path) -> Path:
    return write_region(tmp_path / "regio", {}, base=RENDER_REGION)


# -- Markdown ---------------------------------------------------------------------------------
def test_plan_markdown_has_every_section(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("render", "plan", str(render_region))
    assert result.exit_code == 0, result.output
    text = result.stdout
    for heading in (
        "# Plan van aanpak: Regio Test",
        "## Samenvatting",
        "## 1. Regio en gemeenten",
        "## 2. Visie en ambities",
        "## 3. Het stappenplan",
        "## 4. Governance en overlegstructuur",
        "## 5. Rollen en taakverdeling",
        "## 6. Financiering",
        "## 7. Opleiding en professionalisering",
        "## 8. Indirecte uren van de centrale zorgverleners",
        "## 9. Overeenkomsten",
        "## 10. Monitoring en evaluatie",
        "## 11. Communicatie",
        "## 12. Planning voor de komende twaalf maanden",
        "## 13. Open punten van de huidige stap",
        "## Nog in te vullen",
    ):
        assert heading in text
    assert "```mermaid\nflowchart BT" in text
    assert "b2 --> b1" in text  # the werkgroep reports to the kerngroep
    assert "20 maart 2025" in text  # long Dutch dates
    assert "| **huidige stap** |" in text
    assert "Werkgroep Zorgpad rapporteert aan Kerngroep Test." in text


def test_missing_content_is_a_listed_placeholder_and_a_warning(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("render", "agreement", "sok-2025", str(render_region))
    assert result.exit_code == 0
    text = result.stdout
    body, _, listed = text.partition("## Nog in te vullen")
    assert "[IN TE VULLEN: financiering]" in body  # the missing clause, as its own article
    assert "[IN TE VULLEN: ondertekening]" in body  # the unsigned party in the signature table
    assert "- **[IN TE VULLEN: financiering]**: Samenwerkingsovereenkomst Test 2025" in listed
    assert "[IN TE VULLEN: ondertekening]" in listed
    assert "waarschuwing: [IN TE VULLEN: financiering]" in result.stderr
    # what the region has is shown, never replaced by a placeholder
    assert "De kerngroep besluit." in body
    assert "[IN TE VULLEN: mandaat]" not in text


def test_agreement_draft_structure(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    text = invoke("render", "agreement", "sok-2025", str(render_region)).stdout
    articles = re.findall(r"^## Artikel (\d+)\. (.+?)(?: \(modeltekst\))?$", text, flags=re.M)
    assert [int(n) for n, _ in articles] == list(range(1, len(articles) + 1))
    titles = [title for _, title in articles]
    assert titles[:5] == [
        "Begripsbepalingen",
        "Doel",
        "Looptijd",
        "Rollen en verantwoordelijkheden",
        "Governance en besluitvorming",
    ]
    assert titles[-5:] == [
        "Wijziging",
        "Opzegging en beëindiging",
        "Aansprakelijkheid",
        "Geschillen",
        "Slotbepalingen",
    ]
    assert "Financiering" in titles and "Indirecte uren centrale zorgverleners" in titles
    assert "Toetreding en uittreding" in titles and "Privacy en gegevensverwerking" in titles
    # every lid is numbered after its article: 3.1, 3.2, …
    for number, _title in articles:
        body = text.split(f"## Artikel {number}. ", 1)[1].split("\n## ", 1)[0]
        leden = re.findall(r"^\*\*(\d+)\.(\d+)\*\* ", body, flags=re.M)
        assert leden, f"article {number} has no numbered lid"
        assert all(a == number for a, _ in leden)
        assert [int(b) for _, b in leden] == list(range(1, len(leden) + 1))
    assert "Overwegende dat:" in text and "Ieder kind groeit gezond op" in text
    assert "1 april 2025 en eindigt van rechtswege op 31 december 2027" in text
    assert "rechtsgeldig vertegenwoordigd door A. de Wit, wethouder" in text
    # a wethouder signs for a gemeente only with a volmacht of the burgemeester (art. 171 Gemeentewet)
    assert "[IN TE VULLEN: volmacht van de burgemeester (art. 171 Gemeentewet)]" in text
    assert "| Organisatie | Gemeente Almere |" in text and "| Datum | 14 maart 2025 |" in text
    assert "## Modelteksten" in text and "- Artikel 1. Begripsbepalingen" in text
    assert text.startswith("**CONCEPT**")


def test_english(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    text = invoke("render", "agreement", "sok-2025", str(render_region), "--lang", "en").stdout
    assert "## Article 1. Definitions (model text)" in text and "## Article 2. Purpose (model text)" in text
    assert "[TO BE FILLED IN: financiering]" in text
    assert "14 March 2025" in text


def test_status_report(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("render", "status", str(render_region))
    assert result.exit_code == 0
    text = result.stdout
    # addressed to the governing body by its real name; the decision asked of it comes first
    assert text.startswith("# Voortgangsrapportage voor de Kerngroep Test: Regio Test")
    assert text.index("## Gevraagd besluit") < text.index("## Waar de regio staat")
    assert "Stap 7 kan nog niet worden afgerond" in text
    assert "De regio staat sinds 20 maart 2025 in stap 7 (1 jaar en 8 maanden)." in text
    assert "## Wat is er veranderd sinds 20 maart 2025" in text
    assert "## Open punten" in text and "## Komende data" in text
    # correct plurals, no rule codes
    assert "1 persoon en 2 overleggen" in text and "door 1 van de 2 partijen ondertekend" in text
    assert not re.search(r"\b[SRGAP]\d{3}\b", text)


def test_status_since(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    text = invoke("render", "status", str(render_region), "--since", "2025-01-01").stdout
    assert "## Wat is er veranderd sinds 1 januari 2025" in text
    assert "20 maart 2025: Stap 6: Teken de samenwerkingsovereenkomsten is afgerond." in text
    bad = invoke("render", "status", str(render_region), "--since", "gisteren")
    assert bad.exit_code == 2 and "--since" in bad.stderr


def test_markdown_escapes_markup_in_names(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    text = invoke("render", "plan", str(render_region)).stdout
    assert "<script>" not in text
    assert r"\<script\>alert(1)\</script\> & Co" in text


# -- exit codes and refusal -----------------------------------------------------------------------
def test_region_with_structure_error_is_refused_and_nothing_written(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = write_region(
        tmp_path / "regio", {"people.yaml": "kind: Person\nid: x\nname: X\norganisation: nobody\n"}
    )
    target = tmp_path / "plan.html"
    result = invoke("render", "plan", str(root), "--format", "html", "--output", str(target))
    assert result.exit_code == 1
    assert "R001" in result.stderr
    assert "niet weergegeven" in result.stderr
    assert not target.exists()
    assert list(tmp_path.glob(".plan.html*")) == []


def test_privacy_error_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = write_region(
        tmp_path / "regio",
        {"notes.yaml": "kind: Organisation\nid: o\nname: O\ntype: overig\nnotes: BSN 111222333\n"},
    )
    result = invoke("render", "status", str(root))
    assert result.exit_code == 1
    assert "P001" in result.stderr
    assert result.stdout == ""


def test_gate_findings_do_not_stop_rendering(invoke, render_region: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "plan.md"
    result = invoke("render", "plan", str(render_region), "--output", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Plan van aanpak")
    assert result.stdout == ""
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_unknown_agreement_suggests(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("render", "agreement", "sok-2052", str(render_region))
    assert result.exit_code == 1
    assert "bedoel je 'sok-2025'?" in result.stderr


def test_usage_errors(invoke, render_region: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert invoke("render", "plan", str(render_region), "--format", "pdf").exit_code == 2
    result = invoke("render", "plan", str(render_region), "--format", "docx")
    assert result.exit_code == 2 and "--output" in result.stderr
    missing = invoke("render", "plan", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2
    assert (
        invoke("render", "plan", str(render_region), "--output", str(tmp_path / "no" / "x.md")).exit_code == 2
    )


# -- HTML -----------------------------------------------------------------------------------------
def test_html_escapes_every_value(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    for document in (["plan"], ["agreement", "sok-2025"], ["status"]):
        html = invoke("render", *document, str(render_region), "--format", "html").stdout
        assert "<script>" not in html
        if document[0] != "status":
            assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_html_fetches_nothing(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    for document in (["plan"], ["agreement", "sok-2025"], ["status"]):
        html = invoke("render", *document, str(render_region), "--format", "html").stdout
        assert re.search(r"""(?:src|href|xmlns(?::\w+)?)\s*=\s*["']?\s*(?:https?:)?//""", html) is None
        assert re.search(r"url\(\s*['\"]?(?:https?:)?//", html) is None
        assert "@import" not in html and "<script" not in html and "<link" not in html
        assert "<img" not in html and "<iframe" not in html


def test_html_accessibility_basics(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    html = invoke("render", "plan", str(render_region), "--format", "html").stdout
    assert '<html lang="nl">' in html
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # no skipped level
    assert "<th>" not in html.replace("<th scope", "")  # every header cell has a scope
    assert 'role="img" aria-labelledby="diagram-title diagram-desc"' in html
    assert '<desc id="diagram-desc">Kerngroep Test rapporteert' in html
    # the plan's financing section shows what the agreements say, or the placeholder
    assert '<mark class="placeholder">[IN TE VULLEN: financiering]</mark>' in html
    assert '<figure class="map">' in html and 'aria-labelledby="kaart-title kaart-desc"' in html
    assert "@media print" in html and "size: A4" in html
    english = invoke("render", "plan", str(render_region), "--format", "html", "--lang", "en").stdout
    assert '<html lang="en">' in english


def test_html_marks_placeholders(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    html = invoke("render", "agreement", "sok-2025", str(render_region), "--format", "html").stdout
    assert '<mark class="placeholder">[IN TE VULLEN: financiering]</mark>' in html


# -- templates --------------------------------------------------------------------------------------
def test_region_template_overrides_and_extends_builtin(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    (render_region / "templates").mkdir()
    (render_region / "templates" / "status.md.j2").write_text(
        "Eigen sjabloon van {{ region.name }}\n", encoding="utf-8"
    )
    (render_region / "templates" / "plan.html.j2").write_text(
        '{% extends "builtin/plan.html.j2" %}{% block title %}Huisstijl {{ region.name }}{% endblock %}',
        encoding="utf-8",
    )
    assert invoke("render", "status", str(render_region)).stdout == "Eigen sjabloon van Regio Test\n"
    html = invoke("render", "plan", str(render_region), "--format", "html").stdout
    assert "<title>Huisstijl Regio Test</title>" in html
    assert "1. Regio en gemeenten" in html  # the rest comes from the built-in template


def test_region_template_cannot_mutate_the_context(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    (render_region / "templates").mkdir()
    (render_region / "templates" / "plan.md.j2").write_text(
        "{{ region.ambitions.append('hack') }}{{ region.ambitions }}\n", encoding="utf-8"
    )
    result = invoke("render", "plan", str(render_region))
    assert result.exit_code == 2
    assert "SecurityError" in result.stderr
    assert "hack" not in result.stdout


def test_region_template_with_unknown_name_fails_clearly(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    (render_region / "templates").mkdir()
    (render_region / "templates" / "plan.md.j2").write_text("{{ regoin.name }}\n", encoding="utf-8")
    result = invoke("render", "plan", str(render_region))
    assert result.exit_code == 2
    assert "regoin" in result.stderr


def test_control_characters_are_stripped() -> None:
    from kngg_cli.render.context import clean

    assert clean("Samen,\x07 dichtbij\x00 huis\n\tja") == "Samen, dichtbij huis\n\tja"


# -- Word -------------------------------------------------------------------------------------------


def _docx(path: Path) -> tuple[ElementTree.Element, list[str]]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    return root, names


def _paragraphs(root: ElementTree.Element) -> list[tuple[str, str]]:
    found = []
    for paragraph in root.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        found.append((style.get(f"{W}val") if style is not None else "", text))
    return found


def test_docx_agreement(invoke, render_region: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pypandoc")
    target = tmp_path / "sok.docx"
    result = invoke("render", "agreement", "sok-2025", str(render_region), "-f", "docx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    root, names = _docx(target)
    paragraphs = _paragraphs(root)
    headings = [text for style, text in paragraphs if style.startswith("Heading")]
    assert "Samenwerkingsovereenkomst Test 2025" in headings
    assert "Artikel 2. Doel (modeltekst)" in headings and "Ondertekening" in headings
    assert any(style == "Heading1" for style, _ in paragraphs)
    assert any(style == "Heading2" for style, _ in paragraphs)
    tables = list(root.iter(f"{W}tbl"))
    blocks = [
        [
            ["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in row.iter(f"{W}tc")]
            for row in table.iter(f"{W}tr")
        ]
        for table in tables[-2:]
    ]
    # one signature block per party, the name intact
    assert [block[0] for block in blocks] == [["Organisatie", "Gemeente Almere"], ["Organisatie", EVIL]]
    assert ["Datum", "[IN TE VULLEN: ondertekening]"] in blocks[1]
    # page numbers: the footer of the shipped reference document holds a PAGE field
    footers = [n for n in names if n.startswith("word/footer")]
    assert footers
    with zipfile.ZipFile(target) as archive:
        assert any("PAGE" in archive.read(n).decode("utf-8") for n in footers)


def test_docx_plan_has_no_mermaid_and_lists_placeholders(invoke, render_region: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pypandoc")
    target = tmp_path / "plan.docx"
    assert invoke("render", "plan", str(render_region), "-f", "docx", "-o", str(target)).exit_code == 0
    root, _ = _docx(target)
    text = "\n".join(t for _, t in _paragraphs(root))
    assert "flowchart" not in text
    assert "Werkgroep Zorgpad rapporteert aan Kerngroep Test." in text
    assert "Nog in te vullen" in text


def test_docx_survives_control_characters() -> None:
    pytest.importorskip("pypandoc")
    from kngg_cli.render.docx import markdown_to_docx

    data = markdown_to_docx("# Kop\n\nSamen,\x07 dichtbij huis.\n", "nl")
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "Samen, dichtbij huis." in archive.read("word/document.xml").decode("utf-8")


def test_docx_reference_doc(invoke, render_region: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pypandoc")
    missing = invoke(
        "render",
        "status",
        str(render_region),
        "-f",
        "docx",
        "-o",
        str(tmp_path / "s.docx"),
        "--reference-doc",
        str(tmp_path / "none.docx"),
    )
    assert missing.exit_code == 2
    from kngg_cli.render.docx import reference_docx_bytes

    reference = tmp_path / "huisstijl.docx"
    reference.write_bytes(reference_docx_bytes())
    target = tmp_path / "s.docx"
    result = invoke(
        "render",
        "status",
        str(render_region),
        "-f",
        "docx",
        "-o",
        str(target),
        "--reference-doc",
        str(reference),
    )
    assert result.exit_code == 0
    assert zipfile.is_zipfile(target)


def test_docx_without_pandoc_says_how_to_install(
    invoke, render_region: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import sys

    monkeypatch.setitem(sys.modules, "pypandoc", None)
    target = tmp_path / "x.docx"
    result = invoke("render", "plan", str(render_region), "-f", "docx", "-o", str(target))
    assert result.exit_code == 2
    assert "pip install 'kngg-cli[docx]'" in result.stderr
    assert not target.exists()


# -- the context ------------------------------------------------------------------------------------
def test_region_language_english_and_svg_diagram(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = dict(RENDER_REGION)
    files["region.yaml"] = files["region.yaml"].replace(
        "name: Regio Test\n", "name: Regio Test\n        language: en\n"
    )
    root = write_region(tmp_path / "regio", {}, base=files)
    html = invoke("render", "plan", str(root), "--format", "html").stdout
    assert '<html lang="en">' in html and "Plan of approach" in html
    diagram = html.split('<figure class="diagram"', 1)[1].split("</figure>", 1)[0]
    assert diagram.count("<rect ") == 2 and diagram.count("<line ") == 1  # two bodies, one reporting line
    assert "Werkgroep Zorgpad reports to Kerngroep Test." in html
    assert invoke("render", "plan", str(root), "--lang", "nl").stdout.startswith("# Plan van aanpak")


def test_phase_2_lists_gate_findings_as_points_for_attention(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = dict(RENDER_REGION)
    files["region.yaml"] = files["region.yaml"].replace("phase: 1\n          step: 7\n", "phase: 2\n")
    root = write_region(tmp_path / "regio", {}, base=files)
    result = invoke("render", "status", str(root))
    assert result.exit_code == 0, result.stderr  # gate errors never stop a document
    assert "## Aandachtspunten" in result.stdout
    # the unsigned party of the samenwerkingsovereenkomst, in words (no rule code)
    assert "getekend" in result.stdout.split("## Aandachtspunten")[1].split("\n## ")[0]
    assert "Fase 2: Experimenteren en uitvoeren" in result.stdout


def test_open_items_have_an_owner(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    text = invoke("render", "status", str(render_region)).stdout
    section = text.split("## Open punten", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows, text
    for row in rows:
        owner = row.strip(" |").split(" | ")[1].strip()
        assert owner  # the party the agreements give it, the one it is about, a projectleider, or the RC
    assert any("Sanne de Vries" in row for row in rows)


def test_long_dutch_dates_and_durations() -> None:
    from datetime import date

    from kngg_cli.render.context import duration_words, long_date

    assert long_date(date(2025, 3, 14), "nl") == "14 maart 2025"
    assert long_date(date(2025, 3, 14), "en") == "14 March 2025"
    assert duration_words("P6W", "nl") == "elke 6 weken"
    assert duration_words("P1M", "nl") == "elke maand"
    assert duration_words("P3M", "en") == "every 3 months"
    assert duration_words("P1Y2M", "nl") == "P1Y2M"


def test_docx_tables_span_the_page_with_columns_by_content(
    invoke, render_region: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pypandoc")
    from kngg_cli.render.docx import TEXT_WIDTH

    target = tmp_path / "plan.docx"
    assert invoke("render", "plan", str(render_region), "-f", "docx", "-o", str(target)).exit_code == 0
    root, _ = _docx(target)
    for table in root.iter(f"{W}tbl"):
        width = table.find(f"{W}tblPr/{W}tblW")
        assert width is not None and width.get(f"{W}type") == "pct"
        columns = [int(c.get(f"{W}w") or 0) for c in table.iter(f"{W}gridCol")]
        assert abs(sum(columns) - TEXT_WIDTH) <= len(columns)


# -- Word read back: footer, rows, header, images ---------------------------------------------------
def _docx_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            n: archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".xml")
        }


def test_docx_reads_like_a_document(invoke, render_region: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pypandoc")
    pytest.importorskip("PIL")
    plan = tmp_path / "plan.docx"
    assert invoke("render", "plan", str(render_region), "-f", "docx", "-o", str(plan)).exit_code == 0
    parts = _docx_parts(plan)
    footer = "".join(v for k, v in parts.items() if k.startswith("word/footer"))
    assert " PAGE " in footer and " NUMPAGES " in footer and "pagina " in footer and " van " in footer
    document = parts["word/document.xml"]
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", document, flags=re.S)
    assert rows and all("<w:cantSplit/>" in row for row in rows)  # no row split over two pages
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", document, flags=re.S):
        assert re.search(r'<w:gridCol w:w="\d+"', table)  # column widths set
        first = re.findall(r"<w:tr[ >].*?</w:tr>", table, flags=re.S)[0]
        assert re.findall(r"<w:t(?: [^>]*)?>([^<]+)</w:t>", first)  # no empty header row
    with zipfile.ZipFile(plan) as archive:
        assert len([n for n in archive.namelist() if n.startswith("word/media/")]) == 2  # map, diagram
    assert not any(k.startswith("word/header") for k in parts)  # CONCEPT only on agreements


def test_docx_concept_header_only_while_unsigned(invoke, render_region: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pypandoc")
    draft = tmp_path / "sok.docx"
    assert (
        invoke(
            "render", "agreement", "sok-2025", str(render_region), "-f", "docx", "-o", str(draft)
        ).exit_code
        == 0
    )
    headers = [v for k, v in _docx_parts(draft).items() if k.startswith("word/header")]
    assert headers and "CONCEPT" in headers[0]
    signed_root = render_region.parent / "signed"
    shutil.copytree(render_region, signed_root)
    agreement = next((signed_root / "agreements").glob("*.yaml"))
    agreement.write_text(
        re.sub(r"signed: null", "signed: 2025-03-20", agreement.read_text()), encoding="utf-8"
    )
    signed = tmp_path / "signed.docx"
    result = invoke("render", "agreement", "sok-2025", str(signed_root), "-f", "docx", "-o", str(signed))
    assert result.exit_code == 0, result.stderr
    if "CONCEPT" not in invoke("render", "agreement", "sok-2025", str(signed_root)).stdout:
        assert not [k for k in _docx_parts(signed) if k.startswith("word/header")]


def test_no_codes_paths_or_keys_in_the_body(invoke, render_region: Path) -> None:  # type: ignore[no-untyped-def]
    for args in (("plan",), ("status",), ("agreement", "sok-2025")):
        text = invoke("render", *args, str(render_region)).stdout
        body = text.split("## Nog in te vullen", 1)[0]
        body = re.sub(r"```mermaid.*?```", "", body, flags=re.S)
        assert not re.search(r"\b[SRGAPX]\d{3}\b", body), args  # rule codes
        assert not re.search(r"\b\w+\.(?:ya?ml|md|pdf)\b", body), args  # file paths
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", body), args  # snake_case keys
        assert "kngg" not in body.replace("KnGG", "") and "poort" not in body, args


def test_pdf_keeps_long_words_whole(invoke, tmp_path: Path) -> None:
    """With LibreOffice: the Word document's text, as a PDF, holds every long word unbroken."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    pytest.importorskip("pypandoc")
    import subprocess

    example = Path(__file__).resolve().parents[1] / "examples" / "regio-flevoland"
    target = tmp_path / "plan.docx"
    assert (
        invoke(
            "render", "plan", str(example), "-f", "docx", "-o", str(target), "--today", "2026-12-01"
        ).exit_code
        == 0
    )
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = subprocess.run(
        [pdftotext, str(tmp_path / "plan.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = set(
        re.findall(
            r"[A-Za-zÀ-ÿ]{9,}",
            " ".join(
                (example / f).read_text(encoding="utf-8") for f in ("organisations.yaml", "governance.yaml")
            ),
        )
    )
    names = [w for w in words if w in {"Huisartsencoöperatie", "Zorgverzekeraar", "Kerngroep", "Flevoland"}]
    assert names
    for word in names:
        assert word in text, word
