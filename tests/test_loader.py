"""The loader: exact positions of keys and values, region discovery, and hostile input.

Hostile input must end in a finding quickly, never in a crash or a hang.
"""

from __future__ import annotations

import os
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import MINIMAL_REGION, codes, only, where, write_region
from helpers import check as _check
from kngg_cli.findings import Span
from kngg_cli.loading.files import NoRegionError, discover_files, find_region_roots, read_source
from kngg_cli.loading.yamlnodes import parse_yaml


def check(root, **options):  # type: ignore[no-untyped-def]
    return _check(root, select=("S", "R", "P", "X"), **options)


def _one(text: str):  # type: ignore[no-untyped-def]
    result = parse_yaml(text)
    assert result.issues == []
    [document] = result.documents
    return document


def _at(document, path):  # type: ignore[no-untyped-def]
    position = document.positions.get(path)
    assert position is not None, path
    return position


# -- positions ----------------------------------------------------------------------------------


def test_nested_mapping_positions() -> None:
    document = _one("kind: Body\nchair:\n  inner:\n    deep: waarde\n")
    position = _at(document, ("chair", "inner", "deep"))
    assert position.key == Span(4, 5, 4, 9)
    assert position.value == Span(4, 11, 4, 17)
    assert _at(document, ("chair",)).key == Span(2, 1, 2, 6)


def test_sequence_positions() -> None:
    document = _one("parties:\n  - organisation: a\n    signed: null\n  - organisation: b\n")
    first = _at(document, ("parties", 0))
    assert first.key is None
    assert (first.value.line, first.value.column) == (2, 5)
    signed = _at(document, ("parties", 0, "signed"))
    assert signed.key == Span(3, 5, 3, 11)
    assert signed.value == Span(3, 13, 3, 17)
    assert _at(document, ("parties", 1, "organisation")).value == Span(4, 19, 4, 20)
    assert document.data["parties"][0]["signed"] is None


def test_flow_style_positions() -> None:
    document = _one("gemeenten: [GM0034, GM0995]\nchecks: {ignore: [A002], x: 1}\n")
    assert _at(document, ("gemeenten", 1)).value == Span(1, 21, 1, 27)
    assert _at(document, ("checks", "ignore", 0)).value == Span(2, 19, 2, 23)
    assert _at(document, ("checks", "x")).key == Span(2, 26, 2, 27)


def test_block_scalar_spans_its_lines() -> None:
    document = _one("vision: |\n  regel een\n  regel twee\nname: x\n")
    value = _at(document, ("vision",)).value
    assert value.line == 1
    assert value.end_line >= 3
    assert document.data["vision"] == "regel een\nregel twee\n"


def test_multi_document_positions_are_per_document() -> None:
    result = parse_yaml("# kop\nkind: A\nid: a\n---\nkind: B\nid: b\n---\n# alleen commentaar\n")
    assert result.issues == []
    assert [d.data["id"] for d in result.documents] == ["a", "b"]
    assert result.documents[1].positions.get(("id",)).value == Span(6, 5, 6, 6)  # type: ignore[union-attr]


def test_values_are_yaml_1_2_with_dates() -> None:
    document = _one("a: 2025-03-14\nb: yes\nc: '2025-03-14'\nd: 1\ne: 0.5\nf: ~\ng: 2025-02-30\n")
    assert document.data == {
        "a": date(2025, 3, 14),
        "b": "yes",
        "c": "2025-03-14",
        "d": 1,
        "e": 0.5,
        "f": None,
        "g": "2025-02-30",
    }


def test_keys_and_values_are_told_apart(region) -> None:  # type: ignore[no-untyped-def]
    """An unknown field points at its key; a bad value at the value on the same line."""
    root = region(
        {
            "organisations.yaml": """
                kind: Organisation
                id: gemeente-almere
                name: Gemeente Almere
                type: gemeente
                gemeente: GM0034
                domain: zorgg
                websit: https://almere.example
            """
        }
    )
    result = check(root)
    [bad_value] = only(result, "S004")
    [bad_key] = only(result, "S005")
    assert (bad_value.location.span.line, bad_value.location.span.column) == (6, 9)
    assert (bad_key.location.span.line, bad_key.location.span.column) == (7, 1)


def test_missing_field_points_at_nearest_ancestor(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "agreements/a.yaml": """
                kind: Agreement
                id: a
                title: A
                type: convenant
                parties:
                  - signatory: J. Jansen
                    signed: 2025-01-01
            """
        }
    )
    [finding] = only(check(root), "S004")
    # `organisation` is missing in the first party: the entry's first line
    assert where(finding) == ("a.yaml", 6)
    assert finding.location.span.column == 5


def test_missing_list_points_at_kind(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"agreements/a.yaml": "kind: Agreement\nid: a\ntitle: A\ntype: convenant\n"})
    [finding] = only(check(root), "S004")
    assert where(finding) == ("a.yaml", 1)


# -- discovery ----------------------------------------------------------------------------------


def test_root_found_upwards(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", {"documents/sub/note.txt": "x"})
    assert find_region_roots(root / "documents" / "sub") == [root.resolve()]
    assert find_region_roots(root / "organisations.yaml") == [root.resolve()]


def test_folder_of_regions(tmp_path: Path) -> None:
    a = write_region(tmp_path / "alle" / "a", {})
    b = write_region(tmp_path / "alle" / "b", {})
    assert find_region_roots(tmp_path / "alle") == [a.resolve(), b.resolve()]


def test_no_region(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    with pytest.raises(NoRegionError):
        find_region_roots(tmp_path / "leeg")


def test_skipped_folders_and_suffixes(tmp_path: Path) -> None:
    root = write_region(
        tmp_path / "regio",
        {
            "templates/x.yaml": "kind: [",
            "build/x.yaml": "kind: [",
            "out/x.yaml": "kind: [",
            ".github/workflows/ci.yml": "kind: [",
            "docs/templates/kept.yml": "kind: Organisation",
            "notes.txt": "kind: [",
        },
    )
    found, _ = discover_files(root)
    names = sorted(p.relative_to(root).as_posix() for p in found)
    assert names == ["docs/templates/kept.yml", "organisations.yaml", "region.yaml"]


def test_nested_region_is_not_part_of_the_outer_one(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", {})
    write_region(root / "sub", {})
    found, _ = discover_files(root)
    assert sorted(p.name for p in found) == ["organisations.yaml", "region.yaml"]


def test_empty_and_comment_only_files_are_fine(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {"leeg.yaml": "", "commentaar.yaml": "# nog in te vullen\n\n# later\n", "streep.yaml": "---\n"}
    )
    assert codes(check(root)) == []


# -- hostile input ------------------------------------------------------------------------------


def _timed_check(root: Path):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    result = check(root)
    elapsed = time.monotonic() - started
    assert elapsed < 5, f"took {elapsed:.1f}s"
    return result


def test_alias_bomb(region) -> None:  # type: ignore[no-untyped-def]
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[index]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    root = region({"bomb.yaml": "kind: Organisation\n" + "\n".join(lines) + "\n"})
    result = _timed_check(root)
    [finding] = only(result, "S009")
    assert finding.location.path.name == "bomb.yaml"
    assert finding.location.span.line in range(2, 11)
    assert result.exit_code() == 1


def test_modest_aliases_are_fine(region) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {
            "governance.yaml": """
                kind: Body
                id: kerngroep
                name: Kerngroep
                type: kerngroep
                members:
                  - &almere {organisation: gemeente-almere, level: management}
                ---
                kind: Body
                id: werkgroep
                name: Werkgroep
                type: werkgroep
                members:
                  - {organisation: gemeente-almere}
            """
        }
    )
    assert codes(check(root)) == []


def test_binary_file(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"plaatje.yaml": bytes(range(256)) * 4})
    [finding] = only(_timed_check(root), "S009")
    assert where(finding) == ("plaatje.yaml", 1)


def test_six_megabyte_file(region) -> None:  # type: ignore[no-untyped-def]
    big = ("# " + "x" * 98 + "\n") * (6 * 1024 * 1024 // 100 + 1)
    root = region({"groot.yaml": big})
    [finding] = only(_timed_check(root), "S009")
    assert where(finding) == ("groot.yaml", 1)
    assert "MB" in finding.message or "5" in finding.message


def test_deep_nesting(region) -> None:  # type: ignore[no-untyped-def]
    depth = 10_000
    root = region({"diep.yaml": "kind: Organisation\nx-a: " + "[" * depth + "]" * depth + "\n"})
    [finding] = only(_timed_check(root), "S009")
    assert where(finding) == ("diep.yaml", 2)


def test_deep_block_nesting(region) -> None:  # type: ignore[no-untyped-def]
    text = "".join(" " * i + f"k{i}:\n" for i in range(2000))
    root = region({"diep.yaml": text})
    [finding] = only(_timed_check(root), "S009")
    assert finding.location.path.name == "diep.yaml"


def test_tabs_as_indentation(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"tabs.yaml": "kind: Organisation\nid: x\nroles:\n\t- role: bestuurder\n"})
    [finding] = only(_timed_check(root), "S001")
    assert where(finding) == ("tabs.yaml", 4)
    assert finding.hint and "tab" in finding.hint


def test_bom_is_accepted_and_positions_hold(region) -> None:  # type: ignore[no-untyped-def]
    text = (
        "kind: Organisation\nid: gemeente-almere\nname: Gemeente Almere\ntype: gemeentee\ngemeente: GM0034\n"
    )
    root = region({"organisations.yaml": "\ufeff".encode() + text.encode("utf-8")})
    [finding] = only(_timed_check(root), "S004")
    assert where(finding) == ("organisations.yaml", 4)
    assert finding.location.span.column == 7


def test_bom_does_not_shift_the_first_line(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"extra.yaml": "\ufeffkind: Organisatie\nid: x\n".encode()})
    [finding] = only(_timed_check(root), "S003")
    assert where(finding) == ("extra.yaml", 1)
    assert finding.location.span.column == 7


def test_crlf_line_endings(region) -> None:  # type: ignore[no-untyped-def]
    text = MINIMAL_REGION["organisations.yaml"].replace("type: gemeente", "type: gemeentee")
    lines = [line.strip() for line in text.strip().splitlines()]
    root = region({"organisations.yaml": "\r\n".join(lines).encode() + b"\r\n"})
    [finding] = only(_timed_check(root), "S004")
    assert where(finding) == ("organisations.yaml", 4)
    assert finding.location.span.column == 7
    source = read_source(root / "organisations.yaml", root)
    assert not any("\r" in line for line in source.lines)


def test_crlf_clean_region(region) -> None:  # type: ignore[no-untyped-def]
    files: dict[str, str | bytes | None] = {
        name: textwrap.dedent(text).lstrip("\n").replace("\n", "\r\n").encode()
        for name, text in MINIMAL_REGION.items()
    }
    assert codes(check(region(files))) == []


def test_not_utf8(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"latin.yaml": "kind: Organisation\nid: x\nname: Caf\xe9 de Ster\n".encode("latin-1")})
    [finding] = only(_timed_check(root), "S009")
    assert where(finding) == ("latin.yaml", 3)
    assert finding.location.span.column == 10  # the é


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_leading_outside(region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "buiten.yaml"
    secret.write_text("kind: Organisation\nid: geheim\n", encoding="utf-8")
    (tmp_path / "buitenmap").mkdir()
    root = region()
    (root / "link.yaml").symlink_to(secret)
    (root / "linkmap").symlink_to(tmp_path / "buitenmap")
    found = only(_timed_check(root), "S009")
    assert sorted(f.location.path.name for f in found) == ["link.yaml", "linkmap"]
    assert all(f.location.span.line == 1 for f in found)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_inside_the_region_is_read(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"sub/org.yml": "kind: Organisation\nid: ggd\nname: GGD\ntype: ggd\n"})
    (root / "ook.yaml").symlink_to(root / "sub" / "org.yml")
    result = check(root)
    assert "S009" not in codes(result)
    assert "S006" in codes(result)  # the same document twice: read through the link, named twice


def test_unreadable_file_never_crashes(region) -> None:  # type: ignore[no-untyped-def]
    root = region({"raar.yaml": "kind: Organisation\n? [a, b]\n: c\n"})
    result = _timed_check(root)
    assert result.exit_code() == 1


def test_pure_python_parser_gives_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ruamel.yaml.clib the loader falls back to ruamel's pure parser: same data, same spans."""
    from kngg_cli.loading import yamlnodes

    text = "kind: Body\nid: b\nmembers:\n  - {organisation: a, level: management}\n  - organisation: b\n"
    fast = yamlnodes.parse_yaml(text)
    monkeypatch.setattr(yamlnodes, "_C_PARSER", [None])
    slow = yamlnodes.parse_yaml(text)
    assert [d.data for d in slow.documents] == [d.data for d in fast.documents]
    for path in [("members", 0, "level"), ("members", 1, "organisation"), ("id",)]:
        assert slow.documents[0].positions.get(path) == fast.documents[0].positions.get(path)
    broken = yamlnodes.parse_yaml("a: [1\n")
    assert [i.code for i in broken.issues] == ["S001"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_named_pipe_does_not_hang(region) -> None:  # type: ignore[no-untyped-def]
    root = region()
    os.mkfifo(root / "pijp.yaml")
    [finding] = only(_timed_check(root), "S009")
    assert where(finding) == ("pijp.yaml", 1)


# -- the loader lists every key and value that reads otherwise than it is written -----------------

_WORDS = st.text(alphabet="abc19 ", min_size=1, max_size=8).map(str.strip).filter(bool)


def _written(text: str, style: str) -> str:
    """text as a YAML scalar in one of the styles (the value after `key: `)."""
    if style == "plain":
        return text
    if style == "single":
        return "'" + text + "'"
    if style == "double-escaped":
        return '"' + "".join(f"\\u{ord(c):04x}" if c.isdigit() else c for c in text) + '"'
    if style == "literal":
        return "|\n  " + text
    if style == "folded":
        return ">\n  " + text.replace(" ", "\n  ")
    return text.replace(" ", "\n  ")  # plain, over several lines


_STYLES = st.sampled_from(["plain", "single", "double-escaped", "literal", "folded", "multi-line"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_WORDS, _STYLES, _WORDS, _STYLES), min_size=1, max_size=6, unique_by=lambda t: t[0])
)
def test_every_key_and_value_not_written_as_it_reads_is_listed(
    entries: list[tuple[str, str, str, str]],
) -> None:
    lines = []
    for key, key_style, value, value_style in entries:
        written_key = (
            key if key_style in ("plain", "literal", "folded", "multi-line") else _written(key, key_style)
        )
        lines.append(f"x-{written_key}: {_written(value, value_style)}")
    source = "\n".join(lines) + "\n"
    result = parse_yaml(source)
    if result.issues:
        return  # two keys that decode alike: S002, not this test's matter
    document = result.documents[0]
    listed = set(document.positions.rewritten)
    for key, value in document.data.items():
        if key not in source:
            assert ((key,), True) in listed
        if isinstance(value, str) and value not in source:
            assert ((key,), False) in listed
