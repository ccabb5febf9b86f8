"""`kngg site`: the region site, the national overview, links, safety of the output folder."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REGIONS = ("regio-drenthe", "regio-flevoland", "regio-zeeland")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.fetches: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "script":
            self.scripts += 1
        for name in ("src", "srcset", "data"):
            if values.get(name):
                self.fetches.append(values[name] or "")
        if tag == "link" and values.get("href"):
            self.fetches.append(values["href"] or "")


@pytest.fixture(autouse=True)
def _no_word(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Word conversion is slow and tested once; the other tests go without."""
    if request.node.originalname != "test_document_pages_link_their_downloads":
        from kngg_cli.site import build

        monkeypatch.setattr(build, "word_available", lambda: False)


def assert_self_contained(out: Path, feed: str | None = None) -> int:
    """Every page: no script, nothing fetched, every link relative and to a file inside `out`; the
    one exception is the calendar's subscription link (`feed`, with --base-url)."""
    pages = sorted(out.rglob("*.html"))
    assert pages
    for page in pages:
        parser = _Links()
        text = page.read_text(encoding="utf-8")
        parser.feed(text)
        assert parser.scripts == 0, page
        assert parser.fetches == [], (page, parser.fetches)
        assert "@import" not in text and "url(http" not in text
        for link in parser.links:
            if feed is not None and link == feed:
                continue
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc and not link.startswith("/"), (page, link)
            if not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_relative_to(out.resolve()), (page, link)
            assert target.is_file(), (page, link)
    return len(pages)


@pytest.mark.parametrize("example", REGIONS)
def test_site_of_each_example(invoke, tmp_path: Path, example: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    result = invoke("site", str(EXAMPLES / example), "--output", str(out))
    assert result.exit_code == 0, result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Wat er nu gevraagd wordt" in index
    assert "Komende data" in index
    assert 'class="kngg-map"' in index
    assert (out / "plan.html").is_file() and (out / "plan.md").is_file() and (out / "status.html").is_file()
    assert (out / "findings.html").is_file()
    assert list(out.glob("agreement-*.html"))
    assert list(out.glob("*.ics"))
    assert assert_self_contained(out) >= 5


def test_document_pages_link_their_downloads(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kngg_cli.site.build import word_available

    out = tmp_path / "site"
    invoke("site", str(EXAMPLES / "regio-flevoland"), "--output", str(out))
    page = (out / "agreement-sok-2025.html").read_text(encoding="utf-8")
    assert 'href="agreement-sok-2025.md"' in page
    assert 'href="index.html"' in page
    if word_available():
        assert (out / "agreement-sok-2025.docx").read_bytes()[:2] == b"PK"
        assert 'href="agreement-sok-2025.docx"' in page
    else:
        assert "kngg-cli[docx]" in page


def test_without_word_the_pages_say_how_to_get_it(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    assert invoke("site", str(EXAMPLES / "regio-drenthe"), "--output", str(out)).exit_code == 0
    assert not list(out.glob("*.docx"))
    assert "pip install 'kngg-cli[docx]'" in (out / "plan.html").read_text(encoding="utf-8").replace(
        "&#39;", "'"
    )
    assert_self_contained(out)


def test_national_overview(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kngg_cli.site.pages import STEP_COLOURS

    out = tmp_path / "site"
    result = invoke("site", str(EXAMPLES), "--output", str(out))
    assert result.exit_code == 0, result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    shapes = re.findall(r'<path data-gemeente="(GM\d{4})" d="[^"]+"( fill="([^"]+)")?', index)
    assert len(shapes) == 342
    fills = {code: fill for code, _, fill in shapes}
    assert fills["GM0034"] == STEP_COLOURS[6]  # Almere: Flevoland, phase 1 step 7
    assert fills["GM0687"] == STEP_COLOURS[8]  # Middelburg: Zeeland, phase 2
    assert fills["GM0363"] == ""  # Amsterdam: in no region
    for folder in ("flevoland", "zeeland", "drenthe"):
        assert f'href="{folder}/index.html"' in index
        assert (out / folder / "index.html").is_file()
    assert "Gemeente in geen regio" in index and "Legenda" in index
    # Flevoland completed step 6 on 20 March 2025: 613 days in step 7 on 23 November 2026
    assert re.search(r"Regio Flevoland</a></th>\s*<td>1</td><td>Stap 7: [^<]+</td><td>613</td>", index)
    assert "De kaart in woorden" in index
    assert 'href="../index.html"' in (out / "flevoland" / "index.html").read_text(encoding="utf-8")
    assert_self_contained(out)


def _copy_examples(tmp_path: Path) -> Path:
    root = tmp_path / "regios"
    for name in REGIONS:
        shutil.copytree(EXAMPLES / name, root / name)
    return root


def test_refused_region_leaves_the_others_built(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _copy_examples(tmp_path)
    people = root / "regio-drenthe" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n---\nkind: Person\nid: x\n", encoding="utf-8")
    out = tmp_path / "site"
    result = invoke("site", str(root), "--output", str(out))
    assert result.exit_code == 1
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "niet getoond" in index
    assert not (out / "drenthe").exists()
    assert (out / "flevoland" / "index.html").is_file() and (out / "zeeland" / "plan.html").is_file()
    assert 'href="drenthe/index.html"' not in index
    assert "Regio niet getoond (fouten)" in index
    assert_self_contained(out)


def test_refused_single_region_writes_nothing(invoke, region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = region({"people.yaml": "kind: Person\nid: a\nname: A\norganisation: onbekend\n"})
    out = tmp_path / "site"
    result = invoke("site", str(root), "--output", str(out))
    assert result.exit_code == 1
    assert not out.exists()


def test_gemeente_in_two_regions_is_shown_on_the_map(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _copy_examples(tmp_path)
    region_file = root / "regio-drenthe" / "region.yaml"
    text = region_file.read_text(encoding="utf-8")
    region_file.write_text(
        text.replace("gemeenten:\n", "gemeenten:\n  - code: GM0034\n    name: Almere\n", 1), encoding="utf-8"
    )
    organisations = root / "regio-drenthe" / "organisations.yaml"
    organisations.write_text(
        organisations.read_text(encoding="utf-8")
        + "\n---\nkind: Organisation\nid: gemeente-almere\nname: Gemeente Almere\ntype: gemeente\n"
        "gemeente: GM0034\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    invoke("site", str(root), "--output", str(out))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<path data-gemeente="GM0034"' in index
    assert re.search(r'data-gemeente="GM0034" d="[^"]+" fill="url\(#kngg-conflict\)"', index)
    assert "Gemeenten in meer dan één regio" in index
    assert "Almere: in Regio Drenthe en Regio Flevoland" in index
    # R012 is about the set, not the regions' own files: both keep their pages, and say it
    assert (out / "drenthe" / "index.html").is_file() and (out / "flevoland" / "plan.html").is_file()
    findings = (out / "flevoland" / "findings.html").read_text(encoding="utf-8")
    assert "Eerst herstellen" in findings and "Regio Drenthe" in findings
    assert "kan deze stap nog niet afronden" in (out / "flevoland" / "index.html").read_text(encoding="utf-8")


def test_output_that_is_a_file_is_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "site"
    target.write_text("mine", encoding="utf-8")
    result = invoke("site", str(EXAMPLES / "regio-drenthe"), "--output", str(target))
    assert result.exit_code == 2
    assert "geen map" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine"


def test_output_holding_the_region_is_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _copy_examples(tmp_path)
    result = invoke("site", str(root / "regio-drenthe"), "--output", str(root))
    assert result.exit_code == 2
    assert not (root / "index.html").exists()


def test_existing_folder_keeps_other_files_and_loses_stale_pages(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _copy_examples(tmp_path)
    out = tmp_path / "site"
    out.mkdir()
    (out / "CNAME").write_text("kngg.example\n", encoding="utf-8")
    invoke("site", str(root / "regio-flevoland"), "--output", str(out))
    assert (out / "agreement-sok-2025.html").is_file()
    (root / "regio-flevoland" / "agreements" / "sok-2025.yaml").unlink()
    invoke("site", str(root / "regio-flevoland"), "--output", str(out))
    assert not (out / "agreement-sok-2025.html").exists()  # written by the last build, no longer made
    assert (out / "CNAME").read_text(encoding="utf-8") == "kngg.example\n"


def test_never_writes_through_a_link(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.html").write_text("outside", encoding="utf-8")
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").symlink_to(outside / "keep.html")
    assert invoke("site", str(EXAMPLES / "regio-drenthe"), "--output", str(out)).exit_code == 0
    assert (outside / "keep.html").read_text(encoding="utf-8") == "outside"
    assert not (out / "index.html").is_symlink()
    # a region folder of a national site that is a link elsewhere: refused, nothing written there
    national = tmp_path / "national"
    national.mkdir()
    (national / "flevoland").symlink_to(outside, target_is_directory=True)
    result = invoke("site", str(EXAMPLES), "--output", str(national))
    assert result.exit_code == 2
    assert sorted(p.name for p in outside.iterdir()) == ["keep.html"]


def test_english_region_site(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    invoke("site", str(EXAMPLES / "regio-zeeland"), "--output", str(out), "--lang", "en")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "What is asked now" in index and '<html lang="en">' in index


def test_base_url_gives_the_subscription_address(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    out = tmp_path / "site"
    invoke(
        "site", str(EXAMPLES / "regio-zeeland"), "--output", str(out), "--base-url", "https://x.example/r/"
    )
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "https://x.example/r/zeeland.ics" in index
    assert 'href="webcal://x.example/r/zeeland.ics"' in index
    calendar = Calendar.from_ical((out / "zeeland.ics").read_bytes())
    assert str(calendar["URL"]) == "https://x.example/r/zeeland.ics"
    assert_self_contained(out, feed="webcal://x.example/r/zeeland.ics")  # every other link relative


def test_base_url_must_be_a_web_address(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "site", str(EXAMPLES / "regio-zeeland"), "--output", str(tmp_path / "s"), "--base-url", "x"
    )
    assert result.exit_code == 2


def test_region_text_is_never_markup(invoke, region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "governance.yaml": 'kind: Body\nid: kg\nname: "<script>alert(1)</script>"\ntype: kerngroep\n'
            "frequency: P1M\n"
        }
    )
    out = tmp_path / "site"
    assert invoke("site", str(root), "--output", str(out)).exit_code == 0
    for page in out.rglob("*.html"):
        assert "<script>" not in page.read_text(encoding="utf-8"), page


def test_index_says_when_errors_block_the_step(invoke, region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An enforced gate error is no open item, yet the region cannot move on: the index says so."""
    from helpers import MINIMAL_REGION

    root = region({"region.yaml": MINIMAL_REGION["region.yaml"].replace("step: 1", "step: 6")})
    out = tmp_path / "site"
    assert invoke("site", str(root), "--output", str(out)).exit_code == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "kan deze stap nog niet afronden" in index
    assert "de regio kan deze stap afronden" not in index
