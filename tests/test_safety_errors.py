"""No "interne fout" for the user's input or machine (issue #15): each case is a finding or one
clear line with exit 2, never a traceback or "meld dit"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import check, codes, write_region
from kngg_cli.edit.advance import evidence_reference


def _org(extra: str) -> dict[str, str]:
    return {
        "organisations.yaml": (
            "kind: Organisation\nid: gemeente-almere\nname: Gemeente Almere\ntype: gemeente\n"
            "gemeente: GM0034\n" + extra
        )
    }


def test_an_unreadable_file_is_s009(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root (CI) chmod cannot take reading away, so the read itself is made to fail."""
    root = write_region(tmp_path / "regio", {"people.yaml": "kind: Person\nid: p\nname: P\n"})
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "people.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    found = [f for f in check(root).findings if f.code == "S009"]
    assert [f.location.path.name for f in found] == ["people.yaml"]
    assert "Permission denied" in found[0].message


def test_an_unreadable_folder_is_s009(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_region(tmp_path / "regio", {"geheim/a.yaml": "kind: Person\nid: p\nname: P\n"})
    original = os.scandir

    def refuse(path: object = ".") -> object:
        if str(path).endswith("geheim"):
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    found = [f for f in check(root).findings if f.code == "S009"]
    assert [f.location.path.name for f in found] == ["geheim"]
    assert "niet gelezen" in found[0].message


def test_a_self_referencing_link_is_s009_that_says_so(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", {})
    (root / "zelf.yaml").symlink_to("zelf.yaml")
    [finding] = [f for f in check(root).findings if f.code == "S009"]
    assert "naar zichzelf" in finding.message


@pytest.mark.parametrize("key", ["foo[bar", "function-x", "list[str]"])
def test_an_odd_unknown_key_is_s005_with_its_real_name(region, key: str) -> None:  # type: ignore[no-untyped-def]
    result = check(region(_org(f'"{key}": 1\n')))
    [finding] = [f for f in result.findings if f.code == "S005"]
    assert f"`{key}`" in finding.message


@pytest.mark.parametrize(
    ("files", "code"),
    [
        (
            {
                "region.yaml": None,
                "r.yaml": "kind: Region\nkngg: 1\nid: r\nname: R\ngemeenten: []\nprogress: 5\n",
            },
            "S004",
        ),
        ({"m.yaml": "kind: MonitoringPlan\nid: m\nname: M\nindicators: 81\n"}, "S004"),
    ],
)
def test_a_scalar_where_a_structure_belongs_is_s004(
    tmp_path: Path, files: dict[str, str | None], code: str
) -> None:
    base_region = "kngg: 1\nkind: Region\nid: r\nname: R\ngemeenten: [{code: GM0034, name: Almere}]\n"
    if "r.yaml" in files:
        root = write_region(tmp_path / "regio", {"region.yaml": base_region + "progress: 5\n"})
    else:
        root = write_region(tmp_path / "regio", {k: v for k, v in files.items() if v is not None})
    assert code in codes(check(root))


def test_an_integer_of_5000_digits_is_text(region) -> None:  # type: ignore[no-untyped-def]
    result = check(region(_org("x-groot: " + "7" * 5000 + "\nx-hex: 0x" + "f" * 5000 + "\n")))
    assert "S001" not in codes(result) and "S009" not in codes(result)


def test_an_integer_of_5000_digits_where_a_number_belongs(tmp_path: Path) -> None:
    text = "kngg: 1\nkind: Region\nid: r\nname: R\ngemeenten: [{code: GM0034, name: Almere}]\n"
    root = write_region(
        tmp_path / "regio", {"region.yaml": text + "progress: {phase: 1, step: " + "7" * 5000 + "}\n"}
    )
    result = check(root)
    assert "S004" in codes(result) and "S001" not in codes(result)
    assert all(len(f.message) < 400 for f in result.findings)


def test_messages_say_null_not_none(region) -> None:  # type: ignore[no-untyped-def]
    files = _org("website: null\n")
    files["organisations.yaml"] = files["organisations.yaml"].replace("name: Gemeente Almere", "name: null")
    result = check(region(files))
    messages = " ".join(f.message for f in result.findings)
    assert "None" not in messages and "null" in messages


def test_evidence_folder_is_stored_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_region(tmp_path / "regio", {})
    (root / "documents").mkdir()
    monkeypatch.chdir(root)
    assert evidence_reference("documents/", root) == "documents/"
    assert evidence_reference("documents", root) == "documents"
    assert evidence_reference("nog-niet/", root) == "nog-niet/"


def test_a_date_at_the_end_of_the_calendar_is_one_line(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = write_region(tmp_path / "regio", {})
    for command in (["check"], ["status"], ["render", "plan"], ["calendar"]):
        result = invoke(*command, str(root), "--today", "9999-12-31")
        assert result.exit_code in (0, 1, 2), command
        assert "interne fout" not in result.stderr and "Traceback" not in result.stderr, command


def test_an_unreadable_reference_doc_is_one_line(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pypandoc")
    root = write_region(tmp_path / "regio", {})
    fake = tmp_path / "stijl.docx"
    import zipfile

    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("iets.txt", "geen Word")
    for reference in (fake, tmp_path / "map.docx"):
        if reference.suffix and not reference.exists():
            reference.mkdir()
        result = invoke(
            "render",
            "plan",
            str(root),
            "--format",
            "docx",
            "--output",
            str(tmp_path / "o.docx"),
            "--reference-doc",
            str(reference),
        )
        assert result.exit_code == 2, result.stderr
        assert "interne fout" not in result.stderr and result.stderr.count("\n") == 1
        assert not (tmp_path / "o.docx").exists()
