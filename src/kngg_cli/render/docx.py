"""Markdown → Word (.docx) through pandoc (the `pypandoc-binary` wheel, extra `kngg-cli[docx]`).

Real heading styles and tables come from pandoc; page numbers and A4 come from the reference
document: the shipped `templates/reference.docx` (made by `reference_docx_bytes()`, a PAGE field in
the footer), or the coordinator's own `--reference-doc` with the municipality's house style.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

from kngg_cli.render.context import clean

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


def builtin_reference() -> Path | None:
    from kngg_cli.render.environment import builtin_templates

    candidate = builtin_templates() / REFERENCE_NAME
    return candidate if candidate.is_file() else None


def markdown_to_docx(markdown: str, lang: str, reference_doc: Path | None = None) -> bytes:
    """The Word document of a Markdown text, with the reference document's styles."""
    import pypandoc

    pandoc_path()
    with tempfile.TemporaryDirectory(prefix="kngg-docx-") as folder:
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
            extra_args=[f"--reference-doc={reference}", "-M", f"lang={LANG_TAGS.get(lang, 'nl-NL')}"],
        )
        return target.read_bytes()


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
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", _FOOTER_TYPE.encode() + b"</Types>")
            target.writestr(item, data)
        target.writestr("word/footer1.xml", _FOOTER)
    return out.getvalue()
