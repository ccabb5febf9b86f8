"""The editing discipline (edit/textedit.py): patch only what must change, verify, write atomically."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from edit_helpers import changes, write
from kngg_cli.edit.textedit import (
    CannotEdit,
    EditableFile,
    SyntaxRefusal,
    TextEditor,
    render_scalar,
)
from kngg_cli.loading.yamlnodes import parse_yaml

DOC = """\
# Een bestand vol commentaar
kind: Agreement   # soort
id: sok-2025

title: 'Samenwerking Coördinatie'      # titel, met enkele aanhalingstekens
parties:
  # eerste partij
  - organisation: gemeente-almere
    signed: null              # nog niet getekend
  - {organisation: ggd,  signed: null}   # flow-stijl, twee spaties na de komma
  - {organisation: jgz}
  - organisation: zorgverzekeraar
    signatory: "A. de Boer"
    signed:                   # leeg
items: [a, b]                 # flow-lijst
empty: []
nested:
  list:
  - one
  - two
"""


def editor_for(tmp_path: Path, text: str = DOC, **options: bool) -> TextEditor:
    path = write(tmp_path / "doc.yaml", text, **options)
    return TextEditor(EditableFile.read(path))


def apply(editor: TextEditor) -> tuple[list[str], list[str]]:
    text = editor.new_text()
    editor.verify(text)
    source = editor.source
    return changes(source.raw, source.encode(text))


def test_set_scalar_keeps_the_comment_column(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.set_scalar(("parties", 0, "signed"), date(2026, 11, 20))
    assert apply(editor) == (
        ["    signed: null              # nog niet getekend\n"],
        ["    signed: 2026-11-20        # nog niet getekend\n"],
    )


def test_set_scalar_in_a_flow_mapping_keeps_spacing_and_comment(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.set_scalar(("parties", 1, "signed"), date(2026, 11, 20))
    assert apply(editor) == (
        ["  - {organisation: ggd,  signed: null}   # flow-stijl, twee spaties na de komma\n"],
        ["  - {organisation: ggd,  signed: 2026-11-20}   # flow-stijl, twee spaties na de komma\n"],
    )


def test_add_key_to_a_flow_mapping(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.set_key(("parties", 2), "signed", date(2026, 11, 20))
    assert apply(editor) == (
        ["  - {organisation: jgz}\n"],
        ["  - {organisation: jgz, signed: 2026-11-20}\n"],
    )


def test_empty_value_gets_a_space_and_keeps_its_comment(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.set_scalar(("parties", 3, "signed"), date(2026, 1, 2))
    assert apply(editor) == (
        ["    signed:                   # leeg\n"],
        ["    signed: 2026-01-02        # leeg\n"],
    )


def test_quoting_style_is_kept(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.set_scalar(("title",), "Samenwerking 'KnGG' é")
    editor.set_scalar(("parties", 3, "signatory"), "B. de Vries, wethouder")
    removed, added = apply(editor)
    assert added == [
        "title: 'Samenwerking ''KnGG'' é'       # titel, met enkele aanhalingstekens\n",
        '    signatory: "B. de Vries, wethouder"\n',
    ]
    assert len(removed) == 2


def test_add_key_to_a_block_mapping_goes_after_its_last_line(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.add_key(("parties", 0), "signatory", "J. Jansen: wethouder")
    text = editor.new_text()
    editor.verify(text)
    assert text == DOC.replace(
        "    signed: null              # nog niet getekend\n",
        "    signed: null              # nog niet getekend\n" + '    signatory: "J. Jansen: wethouder"\n',
    )


def test_append_to_block_and_flow_sequences(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.append_item(("parties",), {"organisation": "huisartsen", "signed": date(2026, 1, 1)})
    editor.append_item(("nested", "list"), "three")  # type: ignore[arg-type]
    assert apply(editor) == (
        [],
        [
            "  - organisation: huisartsen\n",
            "    signed: 2026-01-01\n",
            "  - three\n",
        ],
    )
    text = editor.new_text()
    assert text.index("huisartsen") < text.index("items:")  # right after the last party


def test_append_to_flow_sequences(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.append_item(("items",), {"step": 1})
    editor.append_item(("empty",), {"step": 2, "date": date(2026, 1, 1)})
    assert apply(editor) == (
        ["items: [a, b]                 # flow-lijst\n", "empty: []\n"],
        ["items: [a, b, {step: 1}]                 # flow-lijst\n", "empty: [{step: 2, date: 2026-01-01}]\n"],
    )


def test_fill_an_empty_value_with_a_list(tmp_path: Path) -> None:
    text = "progress:\n  phase: 1\n  completed:   # nog niets\nnext: 1\n"
    editor = editor_for(tmp_path, text=text)
    editor.fill_list(("progress", "completed"), [{"step": 1, "date": date(2026, 1, 1)}])
    assert editor.new_text() == text.replace(
        "  completed:   # nog niets\n", "  completed:   # nog niets\n    - step: 1\n      date: 2026-01-01\n"
    )
    editor.verify(editor.new_text())
    flow = editor_for(tmp_path, text="progress: {phase: 1, completed: null}\n")
    flow.fill_list(("progress", "completed"), [{"step": 1}])
    assert flow.new_text() == "progress: {phase: 1, completed: [{step: 1}]}\n"


def test_remove_key_removes_its_whole_line(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.remove_key(("parties", 3), "signatory")
    assert apply(editor) == (['    signatory: "A. de Boer"\n'], [])


def test_crlf_stays_crlf_and_new_lines_get_crlf(tmp_path: Path) -> None:
    editor = editor_for(tmp_path, crlf=True)
    editor.set_scalar(("parties", 0, "signed"), date(2026, 11, 20))
    editor.add_key(("parties", 0), "signatory", "J. Jansen")
    removed, added = apply(editor)
    assert removed == ["    signed: null              # nog niet getekend\r\n"]
    assert added == ["    signed: 2026-11-20        # nog niet getekend\r\n", "    signatory: J. Jansen\r\n"]
    assert b"\n" not in editor.new_text().encode().replace(b"\r\n", b"")


def test_bom_stays(tmp_path: Path) -> None:
    editor = editor_for(tmp_path, bom=True)
    editor.set_scalar(("parties", 0, "signed"), date(2026, 11, 20))
    data = editor.source.encode(editor.new_text())
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    editor.source.write(editor.new_text())
    assert Path(editor.source.path).read_bytes() == data


def test_file_without_final_line_break_stays_so(tmp_path: Path) -> None:
    editor = editor_for(tmp_path, text="kind: X\nparent:\n  a: 1")
    editor.add_key(("parent",), "b", 2)
    assert editor.new_text() == "kind: X\nparent:\n  a: 1\n  b: 2"


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    editor = editor_for(tmp_path, text="a: {naam: 'Coördinatie é', x: 1}\n")
    editor.set_scalar(("a", "x"), 2)
    assert editor.new_text() == "a: {naam: 'Coördinatie é', x: 2}\n"


def test_verify_catches_an_unintended_result(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.set_scalar(("id",), "sok-2026")
    editor.expected["id"] = "something else"
    with pytest.raises(CannotEdit):
        editor.verify(editor.new_text())


def test_render_scalar_quotes_what_would_read_back_differently() -> None:
    assert render_scalar("J. Jansen, wethouder") == "J. Jansen, wethouder"
    assert render_scalar("J. Jansen, wethouder", flow=True) == '"J. Jansen, wethouder"'
    for text in ["2025-01-01", "yes", "null", "12", "a: b", "# x", "- x", "x #y", " x", "", "a\nb", "\u2028"]:
        rendered = render_scalar(text)
        assert parse_yaml(f"k: {rendered}\n").documents[0].data == {"k": text}, (text, rendered)
        assert parse_yaml(f"{{k: {render_scalar(text, flow=True)}}}\n").documents[0].data == {"k": text}


def test_a_syntax_error_is_refused_with_its_s001(tmp_path: Path) -> None:
    path = write(tmp_path / "doc.yaml", "kind: Agreement\nparties: [a, b\nid: x\n")
    with pytest.raises(SyntaxRefusal) as refused:
        EditableFile.read(path, "doc.yaml")
    assert refused.value.issue.code == "S001"
    assert "doc.yaml:" in str(refused.value) and "S001" in str(refused.value)


def test_a_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "doc.yaml", "kind: Agreement\nid: a\nid: b\n")
    with pytest.raises(SyntaxRefusal) as refused:
        EditableFile.read(path)
    assert refused.value.issue.code == "S002"


# -- writing ---------------------------------------------------------------------------------------


def test_write_keeps_the_mode(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    os.chmod(editor.source.path, 0o640)
    editor.set_scalar(("id",), "sok-2026")
    editor.source.write(editor.new_text())
    assert stat.S_IMODE(editor.source.path.stat().st_mode) == 0o640
    assert "id: sok-2026\n" in editor.source.path.read_text(encoding="utf-8")


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.set_scalar(("id",), "sok-2026")
    text = editor.new_text()
    editor.source.path.write_text(DOC + "# iemand anders was ook bezig\n", encoding="utf-8")
    with pytest.raises(CannotEdit) as refused:
        editor.source.write(text)
    assert refused.value.key == "edit.changed_on_disk"
    assert editor.source.path.read_text(encoding="utf-8").endswith("# iemand anders was ook bezig\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.yaml"]


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = editor_for(tmp_path)
    before = editor.source.path.read_bytes()
    editor.set_scalar(("id",), "sok-2026")

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(CannotEdit) as refused:
        editor.source.write(editor.new_text())
    assert refused.value.key == "edit.cannot_write"
    assert editor.source.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.yaml"]


def test_a_block_scalar_is_replaced_up_to_its_last_line(tmp_path: Path) -> None:
    text = "parties:\n  - organisation: a\n    signatory: |\n      J. Jansen\n\nnext: 1\n"
    editor = editor_for(tmp_path, text=text)
    editor.set_scalar(("parties", 0, "signatory"), "K. de Wit")
    editor.add_key(("parties", 0), "signed", date(2026, 1, 2))
    assert editor.new_text() == (
        "parties:\n  - organisation: a\n    signatory: K. de Wit\n    signed: 2026-01-02\n\nnext: 1\n"
    )
    editor.verify(editor.new_text())


def test_a_flow_mapping_over_several_lines(tmp_path: Path) -> None:
    text = "parties:\n  - {organisation: a,   # de eerste\n     signatory: x}\n"
    editor = editor_for(tmp_path, text=text)
    editor.add_key(("parties", 0), "signed", date(2026, 1, 2))
    assert (
        editor.new_text()
        == "parties:\n  - {organisation: a,   # de eerste\n     signatory: x, signed: 2026-01-02}\n"
    )
    editor.verify(editor.new_text())


def test_a_diff_shows_only_the_changed_lines(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.set_scalar(("id",), "sok-2026")
    diff = editor.source.diff(editor.new_text())
    assert [line for line in diff.splitlines() if line[:1] in "+-"] == [
        "--- a/doc.yaml",
        "+++ b/doc.yaml",
        "-id: sok-2025",
        "+id: sok-2026",
    ]
