"""Markdown → Word (.docx) through pandoc (the `pypandoc-binary` wheel, extra `kngg-cli[docx]`).

Real heading styles and tables come from pandoc; page numbers and A4 come from the reference
document: the shipped `templates/reference.docx` (made by `reference_docx_bytes()`, a PAGE field in
the footer), or the coordinator's own `--reference-doc` with the municipality's house style.
"""

from __future__ import annotations

import base64
import io
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

from kngg_cli.render.formatting import clean

INSTALL_HINT = "pip install 'kngg-cli[docx]'"
REFERENCE_NAME = "reference.docx"
LANG_TAGS = {"nl": "nl-NL", "en": "en-GB"}
# Markdown as the templates write it; raw HTML off, so that `<…>` in a name is text, never dropped
INPUT_FORMAT = "gfm-raw_html"


class DocxUnavailable(Exception):
    """pandoc (pypandoc-binary) is not installed."""


def pandoc_path() -> str:
    try:
        import pypandoc
    except ImportError:
        raise DocxUnavailable(INSTALL_HINT) from None
    try:
        return str(pypandoc.get_pandoc_path())
    except OSError:
        raise DocxUnavailable(INSTALL_HINT) from None


def check_available() -> None:
    pandoc_path()
    try:  # the map and the diagram are drawn as PNG with Pillow (same extra)
        import PIL  # noqa: F401
    except ImportError:
        raise DocxUnavailable(INSTALL_HINT) from None


def builtin_reference() -> Path | None:
    from kngg_cli.render.environment import builtin_templates

    candidate = builtin_templates() / REFERENCE_NAME
    return candidate if candidate.is_file() else None


def markdown_to_docx(
    markdown: str,
    lang: str,
    reference_doc: Path | None = None,
    figures: dict[str, bytes] | None = None,
    header: str | None = None,
) -> bytes:
    """The Word document of a Markdown text, with the reference document's styles.

    `figures` are the PNG files the Markdown names (`![…](kaart.png)`); `header` is a text for the
    page header (the CONCEPT marking of an unsigned agreement).
    """
    import pypandoc

    pandoc_path()
    with tempfile.TemporaryDirectory(prefix="kngg-docx-") as folder:
        # the figures travel inside the Markdown as data URIs: the sandbox lets pandoc read no file
        for name, data in (figures or {}).items():
            uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
            markdown = markdown.replace(f"]({name})", f"]({uri})")
        reference = reference_doc
        if reference is None:
            reference = builtin_reference()
        if reference is None:
            reference = Path(folder) / REFERENCE_NAME
            reference.write_bytes(reference_docx_bytes())
        target = Path(folder) / "out.docx"
        pypandoc.convert_text(
            clean(markdown),
            "docx",
            format=INPUT_FORMAT,
            outputfile=str(target),
            # --sandbox: pandoc reads only the files named here and fetches nothing, whatever the
            # Markdown says (region values are escaped already; this is the second wall). kngg's own
            # pictures (map, diagram) reach Word as `data:image/png;base64,…` URIs, which pandoc
            # decodes without reading a file: a file path in the Markdown would be refused here.
            extra_args=[
                "--sandbox",
                f"--reference-doc={reference}",
                "-M",
                f"lang={LANG_TAGS.get(lang, 'nl-NL')}",
            ],
        )
        return finish(target.read_bytes(), lang, header, own_footer=reference_doc is None)


# -- tables over the full text width, columns by their content --------------------------------------
TEXT_WIDTH = 9070  # twips: A4 less 2.5 cm margins, as in the shipped reference document
CHAR_WIDTH = 130  # twips: a wide character of 9 pt table text, so that a word rarely breaks
CELL_MARGINS = 260  # twips: a cell's left and right margins and some air
_TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.DOTALL)
_ROW = re.compile(r"<w:tr>.*?</w:tr>|<w:tr .*?</w:tr>", re.DOTALL)
_CELL = re.compile(r"<w:tc>.*?</w:tc>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_GRID = re.compile(r"<w:tblGrid>.*?</w:tblGrid>", re.DOTALL)
_AUTO_WIDTH = re.compile(r'<w:tblW w:type="auto" w:w="0" ?/>')


def _column_widths(table: str) -> list[int]:
    lengths: list[list[int]] = []
    longest_word: list[int] = []
    for row in _ROW.findall(table):
        for index, cell in enumerate(_CELL.findall(row)):
            text = " ".join(_TEXT.findall(cell))
            while len(lengths) <= index:
                lengths.append([])
                longest_word.append(0)
            lengths[index].append(len(text))
            longest_word[index] = max([longest_word[index], *(len(w) for w in text.split())])
    if not lengths:
        return []
    # in twips: a column never narrower than its longest word, and wider for longer texts
    minimum = [min(word * CHAR_WIDTH + CELL_MARGINS, TEXT_WIDTH // 2) for word in longest_word]
    desired = [
        max(low, min(sum(values) / len(values) * 1.2, 50) * CHAR_WIDTH * 0.8 + CELL_MARGINS)
        for low, values in zip(minimum, lengths, strict=True)
    ]
    total = sum(desired)
    if total <= TEXT_WIDTH:
        return [round(w * TEXT_WIDTH / total) for w in desired]
    if sum(minimum) >= TEXT_WIDTH:
        return [round(w * TEXT_WIDTH / sum(minimum)) for w in minimum]
    room = TEXT_WIDTH - sum(minimum)
    extra = [d - m for d, m in zip(desired, minimum, strict=True)]
    return [round(m + e * room / sum(extra)) for m, e in zip(minimum, extra, strict=True)]


def _widen(match: re.Match[str]) -> str:
    table = match.group(0)
    widths = _column_widths(table)
    if not widths:
        return table
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}" />' for w in widths) + "</w:tblGrid>"
    table = _GRID.sub(grid, table, count=1)
    return _AUTO_WIDTH.sub('<w:tblW w:type="pct" w:w="5000" />', table, count=1)


# -- rows that never split, small tables kept on one page, the footer and the CONCEPT header ------
KEEP_TOGETHER_ROWS = 12  # a table of up to this many rows stays on one page (a signature block)
_ROW_OPEN = re.compile(r"<w:tr>|<w:tr ([^>]*)>")
_PARAGRAPH_PROPS = re.compile(r"<w:pPr>")
FOOTER_WORDS = {"nl": ("pagina", "van"), "en": ("page", "of")}
HEADER_ID = "rIdKnggHeader1"


def _field(name: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {name} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml(lang: str) -> str:
    """'pagina X van Y' (PAGE and NUMPAGES fields), centred."""
    page, of = FOOTER_WORDS.get(lang, FOOTER_WORDS["nl"])
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{page} </w:t></w:r>{_field("PAGE")}'
        f'<w:r><w:t xml:space="preserve"> {of} </w:t></w:r>{_field("NUMPAGES")}'
        "</w:p></w:ftr>"
    )


def header_xml(text: str) -> str:
    from html import escape

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="8A1C1C"/>'
        f'<w:sz w:val="24"/></w:rPr><w:t>{escape(text)}</w:t></w:r></w:p></w:hdr>'
    )


def _rows_kept(table: str) -> str:
    """Every row cantSplit, the first repeated as header; a small table's rows kept with the next."""
    rows = _ROW.findall(table)
    small = len(rows) <= KEEP_TOGETHER_ROWS
    for index, row in enumerate(rows):
        new = row
        props = "<w:cantSplit/>" + ("<w:tblHeader/>" if index == 0 else "")
        if "<w:trPr>" in new:
            new = new.replace("<w:trPr>", "<w:trPr>" + props, 1)
        else:
            opening = _ROW_OPEN.search(new)
            if opening is not None:
                at = opening.end()
                new = new[:at] + f"<w:trPr>{props}</w:trPr>" + new[at:]
        if small and index < len(rows) - 1:
            new = _PARAGRAPH_PROPS.sub("<w:pPr><w:keepNext/>", new)
            new = re.sub(r"<w:p>(?!<w:pPr>)", "<w:p><w:pPr><w:keepNext/></w:pPr>", new)
        table = table.replace(row, new, 1)
    return table


def _document(xml: str, header: str | None) -> str:
    xml = _TABLE.sub(lambda m: _rows_kept(_widen(m)), xml)
    if header:
        xml = re.sub(
            r"(<w:sectPr\b[^>]*>)(?![\s\S]*<w:sectPr\b)",
            rf'\1<w:headerReference w:type="default" r:id="{HEADER_ID}"/>',
            xml,
            count=1,
        )
    return xml


def finish(docx: bytes, lang: str, header: str | None, own_footer: bool) -> bytes:
    """Pandoc's output made into a document a gemeente sends out (see the functions above)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = _document(data.decode("utf-8"), header).encode("utf-8")
            elif own_footer and re.fullmatch(r"word/footer\d*\.xml", item.filename):
                data = footer_xml(lang).encode("utf-8")
            elif header and item.filename == "word/_rels/document.xml.rels":
                rel = (
                    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/header" Id="{HEADER_ID}" Target="header_kngg.xml" />'
                )
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif header and item.filename == "[Content_Types].xml":
                override = (
                    '<Override PartName="/word/header_kngg.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.header+xml" />'
                )
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            target.writestr(item, data)
        if header:
            target.writestr("word/header_kngg.xml", header_xml(header))
    return out.getvalue()


# -- the shipped reference document --------------------------------------------------------
_FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t>1</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    "</w:p></w:ftr>"
)
_FOOTER_REL = (
    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
    'Id="rIdKnggFooter1" Target="footer1.xml" />'
)
_FOOTER_TYPE = (
    '<Override PartName="/word/footer1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" />'
)
# A4 with 2.5 cm margins, and the footer with the page number
_SECTION = (
    "<w:sectPr>"
    '<w:footerReference w:type="default" r:id="rIdKnggFooter1" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
    '<w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>'
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" '
    'w:header="709" w:footer="709" w:gutter="0"/>'
    "</w:sectPr>"
)


_TABLE_STYLE = re.compile(
    r'(<w:style w:type="table" w:default="1" w:styleId="Table">.*?)(<w:tblPr>)(.*?<w:tblInd [^>]*/>)',
    re.DOTALL,
)
_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def _house_style(styles: str) -> str:
    """Body text 10.5 pt, tables 9 pt with thin grey borders: documents that read like a report."""
    styles = re.sub(
        r'(<w:rPrDefault>.*?)<w:sz w:val="24" />\s*<w:szCs w:val="24" />',
        r'\1<w:sz w:val="21" /><w:szCs w:val="21" />',
        styles,
        count=1,
        flags=re.DOTALL,
    )
    return _TABLE_STYLE.sub(
        lambda m: (
            m.group(1)
            + '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
            + m.group(2)
            + m.group(3)
            + _BORDERS
        ),
        styles,
        count=1,
    )


def reference_docx_bytes() -> bytes:
    """pandoc's default reference document with a page number in the footer and A4 pages."""
    default = subprocess.run(
        [pandoc_path(), "--print-default-data-file", REFERENCE_NAME], capture_output=True, check=True
    ).stdout
    source = zipfile.ZipFile(io.BytesIO(default))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = re.sub(r"<w:sectPr>.*?</w:sectPr>", _SECTION, text, count=1, flags=re.DOTALL)
                data = text.encode("utf-8")
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", _FOOTER_REL.encode() + b"</Relationships>")
            elif item.filename == "word/styles.xml":
                data = _house_style(data.decode("utf-8")).encode("utf-8")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", _FOOTER_TYPE.encode() + b"</Types>")
            target.writestr(item, data)
        target.writestr("word/footer1.xml", _FOOTER)
    return out.getvalue()
