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


# -- what mutation testing found unpinned ---------------------------------------------------------


def test_the_last_line_of_a_file_without_a_final_line_break_can_be_replaced(tmp_path: Path) -> None:
    editor = editor_for(tmp_path, text="kind: Agreement\nid: sok-2025")
    editor.set_scalar(("id",), "sok-2026")
    assert apply(editor) == (["id: sok-2025"], ["id: sok-2026"])
    assert editor.new_text() == "kind: Agreement\nid: sok-2026"


def test_a_crlf_file_without_a_final_line_break_gets_crlf_between_new_lines(tmp_path: Path) -> None:
    editor = editor_for(tmp_path, text="kind: X\r\nparent:\r\n  a: 1")
    editor.add_key(("parent",), "b", 2)
    assert editor.new_text() == "kind: X\r\nparent:\r\n  a: 1\r\n  b: 2"


def test_a_new_line_takes_the_line_break_of_the_line_it_follows(tmp_path: Path) -> None:
    # mostly LF, but the line the new key follows ends in CRLF (a file edited on two systems)
    editor = editor_for(tmp_path, text="kind: X\nparent:\n  a: 1\r\nnext: 2\nother: 3\n")
    editor.add_key(("parent",), "b", 2)
    assert editor.new_text() == "kind: X\nparent:\n  a: 1\r\n  b: 2\r\nnext: 2\nother: 3\n"


def test_a_value_in_double_quotes_keeps_its_letters(tmp_path: Path) -> None:
    assert render_scalar("Coördinatie: één") == '"Coördinatie: één"'
    editor = editor_for(tmp_path)
    editor.set_scalar(("parties", 3, "signatory"), "Ö. Çelik: wethouder")
    assert apply(editor)[1] == ['    signatory: "Ö. Çelik: wethouder"\n']


def test_a_number_replacing_a_quoted_value_is_written_as_a_number(tmp_path: Path) -> None:
    editor = editor_for(tmp_path, text="progress:\n  step: '2'   # tekst\n")
    editor.set_scalar(("progress", "step"), 3)
    assert editor.new_text() == "progress:\n  step: 3     # tekst\n"
    editor.verify(editor.new_text())


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('{phase: 1, "completed":}', '{phase: 1, "completed": [{step: 1}]}'),  # a space after the `:`
        ("{phase: 1, completed: }", "{phase: 1, completed: [{step: 1}]}"),
        ('{phase: 1, "completed":null}', '{phase: 1, "completed":[{step: 1}]}'),  # null replaced as written
    ],
)
def test_an_empty_value_in_a_flow_mapping_is_filled_with_a_list(
    tmp_path: Path, before: str, after: str
) -> None:
    editor = editor_for(tmp_path, text=f"progress: {before}\n")
    editor.fill_list(("progress", "completed"), [{"step": 1}])
    assert editor.new_text() == f"progress: {after}\n"
    editor.verify(editor.new_text())


def test_a_null_value_gives_way_to_block_items_and_its_comment_stays(tmp_path: Path) -> None:
    text = "progress:\n  phase: 1\n  completed: null   # nog niets\nnext: 1\n"
    editor = editor_for(tmp_path, text=text)
    editor.fill_list(("progress", "completed"), [{"step": 1, "date": date(2026, 1, 1)}])
    assert editor.new_text() == text.replace(
        "  completed: null   # nog niets\n",
        "  completed:   # nog niets\n    - step: 1\n      date: 2026-01-01\n",
    )
    editor.verify(editor.new_text())


def test_a_value_over_several_lines_is_replaced_whole_and_new_keys_go_after_it(tmp_path: Path) -> None:
    text = (
        'parties:\n  - organisation: a\n    signatory: "J. Jansen,\n      wethouder"\n'
        "    title: de\n      wethouder\nnext: 1\n"
    )
    editor = editor_for(tmp_path, text=text)
    editor.set_scalar(("parties", 0, "signatory"), "K. de Wit")
    editor.add_key(("parties", 0), "signed", date(2026, 1, 2))
    assert editor.new_text() == (
        'parties:\n  - organisation: a\n    signatory: "K. de Wit"\n    title: de\n      wethouder\n'
        "    signed: 2026-01-02\nnext: 1\n"
    )
    editor.verify(editor.new_text())


def test_an_alias_counts_as_its_one_line(tmp_path: Path) -> None:
    text = "base: &base\n  contact:\n    name: x\nparent:\n  a: 1\n  b: *base\nnext: 1\n"
    editor = editor_for(tmp_path, text=text)
    editor.add_key(("parent",), "c", 2)
    assert editor.new_text() == text.replace("  b: *base\n", "  b: *base\n  c: 2\n")
    editor.verify(editor.new_text())


def test_an_alias_to_a_mapping_is_replaced_like_a_scalar_but_a_mapping_is_refused(tmp_path: Path) -> None:
    text = "base: &base\n  x: 1\nentry:\n  signed: *base\n  other:\n    x: 1\n"
    editor = editor_for(tmp_path, text=text)
    editor.set_scalar(("entry", "signed"), date(2026, 1, 2))
    assert editor.new_text() == text.replace("signed: *base", "signed: 2026-01-02")
    editor.verify(editor.new_text())
    with pytest.raises(CannotEdit) as refused:
        editor.set_scalar(("entry", "other"), date(2026, 1, 2))
    assert str(refused.value) == (
        "kngg kan doc.yaml hier niet veilig aanpassen (entry.other is geen enkele waarde); "
        "pas het met de hand aan"
    )


def test_a_mapping_after_a_scalar_item_is_appended_in_flow_style(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.append_item(("nested", "list"), {"name": "three"})
    assert apply(editor) == ([], ["  - {name: three}\n"])


def test_a_list_item_that_starts_on_the_line_after_its_dash_is_not_appended_to(tmp_path: Path) -> None:
    text = "completed:\n  -\n    step: 1\n"
    editor = editor_for(tmp_path, text=text)
    with pytest.raises(CannotEdit) as refused:
        editor.append_item(("completed",), {"step": 2})
    assert "(de opmaak van completed)" in str(refused.value)


def test_an_item_is_appended_to_a_list_inside_a_list(tmp_path: Path) -> None:
    editor = editor_for(tmp_path, text="rows:\n  - - a\n  - - b\n")
    editor.append_item(("rows", 1), {"step": 2})
    assert editor.new_text() == "rows:\n  - - a\n  - - b\n    - {step: 2}\n"
    editor.verify(editor.new_text())


def test_the_sequence_style_skips_items_that_start_on_the_line_after_their_dash(tmp_path: Path) -> None:
    # the first block sequence has its item on the next line: it does not say how far items stand
    # from their dash; the second one does (the dash under its key, the item 2 further)
    text = "first:\n  -\n    a: 1\nsecond:\n- c\nprogress:\n  phase: 1\n"
    editor = editor_for(tmp_path, text=text)
    editor.add_key(("progress",), "completed", [{"step": 1}])
    assert editor.new_text() == text + "  completed:\n  - step: 1\n"
    editor.verify(editor.new_text())


def test_the_last_line_of_a_file_without_a_final_line_break_is_removed_with_its_break(tmp_path: Path) -> None:
    editor = editor_for(tmp_path, text="progress:\n  phase: 2\n  step: 8   # laatste stap")
    editor.remove_key(("progress",), "step")
    assert editor.new_text() == "progress:\n  phase: 2"
    editor.verify(editor.new_text())


@pytest.mark.parametrize(
    ("text", "operation", "detail"),
    [
        (
            "parent:\n  a: 1\n",
            lambda e: e.add_key(("parent",), "a", 2),
            "parent.a kan niet worden toegevoegd",
        ),
        ("items:\n  - a\n", lambda e: e.add_key(("items",), "b", 2), "items.b kan niet worden toegevoegd"),
        (
            "parent:\n  a: 1\n",
            lambda e: e.remove_key(("parent",), "a"),
            "parent.a kan niet worden verwijderd",
        ),
        (
            "parent:\n  a: 1\n  b: 2\n",
            lambda e: e.remove_key(("parent",), "c"),
            "parent.c kan niet worden verwijderd",
        ),
        ("parent:\n  a: 1\n", lambda e: e.append_item((), {"a": 1}), "(document) is geen lijst"),
    ],
)
def test_an_edit_that_cannot_be_done_safely_is_refused_with_what_and_where(
    tmp_path: Path, text: str, operation: object, detail: str
) -> None:
    editor = editor_for(tmp_path, text=text)
    with pytest.raises(CannotEdit) as refused:
        operation(editor)  # type: ignore[operator]
    assert (
        str(refused.value)
        == f"kngg kan doc.yaml hier niet veilig aanpassen ({detail}); pas het met de hand aan"
    )
    assert editor.new_text() == text


def test_verify_refuses_a_result_the_loader_refuses_even_when_the_data_reads_the_same(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    with pytest.raises(CannotEdit) as refused:
        editor.verify(DOC + "id: sok-2025\n")  # a duplicate key with the same value: S002
    assert refused.value.key == "edit.unintended"


def test_a_file_deleted_since_it_was_read_is_not_written_again(tmp_path: Path) -> None:
    editor = editor_for(tmp_path)
    editor.set_scalar(("id",), "sok-2026")
    editor.source.path.unlink()
    with pytest.raises(CannotEdit) as refused:
        editor.source.write(editor.new_text())
    assert refused.value.key == "edit.changed_on_disk"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (OSError(28, "No space left on device"), "No space left on device"),  # not '[Errno 28] …'
        (OSError("schijf weg"), "schijf weg"),  # an OSError without an errno: its text
    ],
)
def test_a_failed_write_says_what_the_system_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, problem: str
) -> None:
    editor = editor_for(tmp_path)
    editor.set_scalar(("id",), "sok-2026")

    def crash(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(CannotEdit) as refused:
        editor.source.write(editor.new_text())
    assert str(refused.value) == f"kan doc.yaml niet schrijven: {problem}; het bestand is ongewijzigd"


def test_a_diff_from_an_empty_file(tmp_path: Path) -> None:
    source = EditableFile.read(write(tmp_path / "doc.yaml", ""))
    assert source.diff("a: 1") == (
        "--- a/doc.yaml\n+++ b/doc.yaml\n@@ -0,0 +1 @@\n+a: 1\n\\ No newline at end of file\n"
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("{organisation: jgz, signed: }", "{organisation: jgz, signed: 2026-11-20}"),
        ('{organisation: jgz, "signed":}', '{organisation: jgz, "signed": 2026-11-20}'),  # a space after `:`
        ('{organisation: jgz, "signed":null}', '{organisation: jgz, "signed":2026-11-20}'),
        # a comment right after the value keeps its column in a flow mapping too
        (
            "{organisation: jgz, signed: null     # nog niet\n    }",
            "{organisation: jgz, signed: 2026-11-20  # nog niet\n    }",
        ),
    ],
)
def test_a_value_in_a_flow_mapping_is_replaced_as_written(tmp_path: Path, before: str, after: str) -> None:
    editor = editor_for(tmp_path, text=f"parties:\n  - {before}\n")
    editor.set_scalar(("parties", 0, "signed"), date(2026, 11, 20))
    assert editor.new_text() == f"parties:\n  - {after}\n"
    editor.verify(editor.new_text())
