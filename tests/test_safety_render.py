"""Safe by construction (issue #15): region values are text in every output; region templates are
confined to the region and bounded in time and size; reporters never pass control characters on."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from helpers import write_region
from test_render import RENDER_REGION

# an organisation name that tries every Markdown trick: an image of a local file, a live link, a
# heading and a broken table on a new line, raw HTML, emphasis and code, a Mermaid fence closed early
HOSTILE = (
    "GGD ![x](/etc/passwd) [klik](javascript:alert(1)) <img src=x onerror=alert(1)> *vet* _schuin_ "
    "`code` a|b\\n## Kop\\n| x | y |\\n```\\n![y](https://example.org/t.png) #kop"
)
SHOWN = "GGD ![x](/etc/passwd) [klik](javascript:alert(1)) <img src=x onerror=alert(1)> *vet* _schuin_"


@pytest.fixture
def hostile_region(tmp_path: Path) -> Path:
    files = {
        **RENDER_REGION,
        "organisations.yaml": RENDER_REGION["organisations.yaml"].replace(
            'name: "<script>alert(1)</script> & Co"', f'name: "{HOSTILE}"'
        ),
        "governance.yaml": RENDER_REGION["governance.yaml"].replace(
            "name: Werkgroep Zorgpad", f'name: "{HOSTILE}"'
        ),
    }
    return write_region(tmp_path / "regio", {}, base=files)


def _html_of_markdown(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def test_a_hostile_name_is_literal_text_in_markdown(invoke, hostile_region: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("render", "plan", str(hostile_region))
    assert result.exit_code == 0, result.output
    markdown = result.stdout
    html = _html_of_markdown(markdown)
    assert (
        "<img" not in html and "<a " not in html and "javascript:" not in html.replace("javascript:alert", "")
    )
    assert "<em>" not in html and "<code>" not in re.sub(r"<pre><code.*?</code></pre>", "", html, flags=re.S)
    assert "<h2>Kop</h2>" not in html
    assert not re.search(r"^\s*## Kop", markdown, flags=re.M)  # the name's line break is no new line
    # every line of the name reads literally, on one line
    text = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = text.replace("&quot;", '"')
    assert SHOWN in text
    # the Mermaid block holds one label per body and is closed once
    block = markdown.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert "\n```" not in block and all(line.startswith(("flowchart", "    ")) for line in block.splitlines())


def test_a_hostile_name_is_literal_text_in_html(invoke, hostile_region: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("render", "plan", str(hostile_region), "--format", "html")
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert "<img src=x" not in page and 'href="javascript' not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "![x](/etc/passwd)" in page


def _docx_text(path: Path) -> tuple[str, list[str]]:
    with zipfile.ZipFile(path) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
        names = archive.namelist()
    runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", document)
    text = (
        "".join(runs).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"')
    )
    return text, names


def test_a_hostile_name_is_literal_text_in_word_and_nothing_is_embedded(  # type: ignore[no-untyped-def]
    invoke, hostile_region: Path, tmp_path: Path
) -> None:
    pytest.importorskip("pypandoc")
    target = tmp_path / "plan.docx"
    result = invoke("render", "plan", str(hostile_region), "--format", "docx", "--output", str(target))
    assert result.exit_code == 0, result.output
    text, names = _docx_text(target)
    assert SHOWN in text
    # no local file or fetched picture inside; the diagram and map (when drawn) are kngg's own PNGs
    media = [n for n in names if n.startswith("word/media/")]
    with zipfile.ZipFile(target) as archive:
        assert all(b"root:" not in archive.read(n) for n in media)
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    images = re.findall(r"<Relationship [^>]*/image\"[^>]*>", rels)
    assert not [r for r in images if "example.org" in r or "passwd" in r]
    assert "javascript" not in rels and "/etc/passwd" not in rels


def test_pandoc_runs_in_its_sandbox() -> None:
    """The second wall: even Markdown with an image of a local file and of a URL embeds neither."""
    pytest.importorskip("pypandoc")
    from kngg_cli.render.docx import markdown_to_docx

    content = markdown_to_docx("# T\n\n![x](/etc/passwd)\n\n![y](https://example.org/t.png)\n", "nl")
    import io

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]


def test_pictures_reach_word_as_data_uris_in_the_sandbox() -> None:
    """How kngg's own map and diagram get into Word while pandoc may read no file."""
    pytest.importorskip("pypandoc")
    import base64
    import io

    from PIL import Image

    from kngg_cli.render.docx import markdown_to_docx

    picture = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(picture, "PNG")
    uri = "data:image/png;base64," + base64.b64encode(picture.getvalue()).decode("ascii")
    content = markdown_to_docx(f"# T\n\n![kaart]({uri})\n", "nl")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert [n for n in archive.namelist() if n.startswith("word/media/")]


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("![x](/etc/passwd)", "!\\[x\\](/etc/passwd)"),
        ("a\n# kop", "a \\# kop"),
        ("- lijst", "\\- lijst"),
        ("1. lijst", "1\\. lijst"),
        ("1.5 uur", "1.5 uur"),
        ("a|b", "a\\|b"),
        ("<b>", "\\<b\\>"),
        ("`x` *y* _z_", "\\`x\\` \\*y\\* \\_z\\_"),
        ("a\u2028b\r\nc", "a b c"),
        ("&amp;", "\\&amp;"),
    ],
)
def test_markdown_escape(value: str, escaped: str) -> None:
    from kngg_cli.render.environment import markdown_escape

    assert markdown_escape(value) == escaped


# -- the region's own templates -------------------------------------------------------------------


def _with_template(tmp_path: Path, name: str, source: str) -> Path:
    root = write_region(tmp_path / "regio", {}, base=RENDER_REGION)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / name).write_text(source, encoding="utf-8")
    return root


def test_a_template_link_outside_the_region_is_s009(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = write_region(tmp_path / "regio", {}, base=RENDER_REGION)
    (root / "templates").mkdir()
    outside = tmp_path / "geheim.txt"
    outside.write_text("geheim", encoding="utf-8")
    (root / "templates" / "plan.md.j2").symlink_to(outside)
    (root / "templates" / "etc").symlink_to(tmp_path)
    result = invoke("check", str(root), "--format", "json")
    found = json.loads(result.stdout)["findings"]
    s009 = sorted(f["path"].rsplit("/", 2)[-2:][-1] for f in found if f["code"] == "S009")
    assert s009 == ["etc", "plan.md.j2"]
    result = invoke("render", "plan", str(root))
    assert result.exit_code == 1 and "geheim" not in result.stdout


def test_the_template_loader_refuses_links_outside_even_without_check(tmp_path: Path) -> None:
    from kngg_cli.render.environment import TemplateOutside, make_environment

    root = write_region(tmp_path / "regio", {}, base=RENDER_REGION)
    (root / "templates").mkdir()
    (tmp_path / "geheim.txt").write_text("geheim", encoding="utf-8")
    (root / "templates" / "plan.md.j2").symlink_to(tmp_path / "geheim.txt")
    (root / "templates" / "map").symlink_to(tmp_path)
    environment = make_environment(root, "md")
    with pytest.raises(TemplateOutside):
        environment.get_template("plan.md.j2")
    with pytest.raises(TemplateOutside):
        environment.get_template("map/geheim.txt")


def test_a_template_link_inside_the_region_is_fine(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _with_template(tmp_path, "eigen.md.j2", "Eigen plan voor {{ region.name }}\n")
    (root / "templates" / "plan.md.j2").symlink_to("eigen.md.j2")
    result = invoke("render", "plan", str(root))
    assert result.exit_code == 0 and result.stdout.startswith("Eigen plan voor Regio Test")


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "RecursionError"),
        ("{{ 10 ** 10000000 }}", "te grote waarde"),
        ("{{ 'x' * 10000000000 }}", "te grote waarde"),
        ("{{ [1, 2] * 10000000 }}", "te grote waarde"),
    ],
)
def test_a_failing_region_template_is_one_clear_line(invoke, tmp_path: Path, source: str, said: str) -> None:  # type: ignore[no-untyped-def]
    root = _with_template(tmp_path, "plan.md.j2", "Titel\n" + source + "\n")
    result = invoke("render", "plan", str(root))
    assert result.exit_code == 2
    assert result.stderr.startswith("kngg: sjabloon plan.md.j2: ") and said in result.stderr
    assert "interne fout" not in result.stderr and result.stderr.count("\n") == 1


def test_a_region_template_that_never_ends_is_stopped(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from kngg_cli.render import environment

    monkeypatch.setattr(environment, "TIME_BUDGET_SECONDS", 0.5)
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    root = _with_template(tmp_path, "plan.md.j2", loop)
    result = invoke("render", "plan", str(root))
    assert result.exit_code == 2
    assert "sjabloon plan.md.j2" in result.stderr and "langer dan 0.5 seconden" in result.stderr


# -- reporters ------------------------------------------------------------------------------------

NASTY_KEY = '"onbekend\\n::warning file=x::gehackt\\n::add-mask::geheim \\e]0;titel\\a \\e]52;c;abc\\a"'


def test_text_and_github_reports_escape_line_breaks_and_control_characters(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = write_region(tmp_path / "regio", {})
    with (root / "region.yaml").open("a", encoding="utf-8") as stream:
        stream.write(f"{NASTY_KEY}: 1\n")
    for chosen in ("text", "github"):
        result = invoke("check", str(root), "--format", chosen)
        assert result.exit_code == 1
        output = result.stdout
        assert "\x1b" not in output and "\x07" not in output
        assert not [line for line in output.splitlines() if line.startswith("::") and "gehackt" in line[:12]]
        if chosen == "github":
            assert all(line.startswith("::error ") for line in output.splitlines())
        assert "S005" in output


def test_visible() -> None:
    from kngg_cli.report import visible

    assert visible("a\nb\x1b]0;t\x07\u202e") == "a\\nb\\e]0;t\\x07\\u202e"
    assert visible("a\r\nb\x1b", keep_breaks=True) == "a\r\nb\\e"
    assert os.linesep not in visible("x" + os.linesep + "y")


def test_status_shows_region_values_as_plain_text(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = write_region(tmp_path / "regio", {})
    text = (root / "region.yaml").read_text(encoding="utf-8")
    nasty = '"Regio \\e]0;titel\\a [bold]Test\\n::warning::gehackt"'
    (root / "region.yaml").write_text(text.replace("name: Regio Test", f"name: {nasty}"), encoding="utf-8")
    result = invoke("status", str(root))
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert not [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert "[bold]Test" in result.stdout
