"""`kngg init`: a new, commented, valid region; never overwrites anything."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from edit_helpers import kngg, snapshot
from helpers import check, write_region
from kngg_cli.loading.yamlnodes import parse_yaml

LAYOUT = [
    "agreements/sok-2026.yaml",
    "communication.yaml",
    "documents/.gitkeep",
    "governance.yaml",
    "kngg-schema.json",
    "monitoring.yaml",
    "organisations.yaml",
    "people.yaml",
    "region.yaml",
]


@pytest.fixture
def created(tmp_path: Path) -> Path:
    target = tmp_path / "regio-flevoland"
    code, out, err = kngg("init", str(target), "--gemeente", "GM0034", "--gemeente", "gm0995,GM0050")
    assert code == 0, out + err
    return target


def test_the_layout_of_format_md(created: Path) -> None:
    assert sorted(snapshot(created)) == LAYOUT


def test_the_new_region_passes_check_at_step_1(created: Path) -> None:
    result = check(created)
    region = result.regions[0]
    assert (region.phase, region.step) == (1, 1)
    assert [f.code for f in result.findings if f.severity != "info"] == []
    assert result.exit_code(strict=True) == 0
    code, out, _err = kngg("check", str(created))
    assert code == 0 and "regio-flevoland (stap 1): 0 fouten, 0 waarschuwingen" in out


def test_gemeenten_and_their_organisations_come_from_the_cbs_list(created: Path) -> None:
    region = parse_yaml((created / "region.yaml").read_text()).documents[0].data
    assert region["gemeenten"] == [
        {"code": "GM0034", "name": "Almere"},
        {"code": "GM0995", "name": "Lelystad"},
        {"code": "GM0050", "name": "Zeewolde"},
    ]
    assert region["id"] == "regio-flevoland" and region["name"] == "Regio Flevoland"
    organisations = [d.data for d in parse_yaml((created / "organisations.yaml").read_text()).documents]
    assert [(o["id"], o["type"], o["gemeente"]) for o in organisations] == [
        ("gemeente-almere", "gemeente", "GM0034"),
        ("gemeente-lelystad", "gemeente", "GM0995"),
        ("gemeente-zeewolde", "gemeente", "GM0050"),
    ]
    agreement = parse_yaml((created / "agreements/sok-2026.yaml").read_text()).documents[0].data
    assert [p["organisation"] for p in agreement["parties"]] == [o["id"] for o in organisations]


def test_every_yaml_file_has_the_modeline_and_validates_against_the_schema(created: Path) -> None:
    schema = json.loads((created / "kngg-schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(created.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        depth = len(path.relative_to(created).parts) - 1
        expected = "./kngg-schema.json" if depth == 0 else "../" * depth + "kngg-schema.json"
        assert text.splitlines()[0] == f"# yaml-language-server: $schema={expected}", path
        for document in parse_yaml(text).documents:
            assert list(validator.iter_errors(document.data)) == [], path


def test_every_field_is_explained_by_a_comment(created: Path) -> None:
    """Each top-level key of a document has a Dutch comment on the line above it (or on its line)."""
    for path in sorted(created.rglob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if line and not line.startswith(("#", " ", "-")) and ":" in line:
                assert lines[number - 1].startswith("#") or "#" in line, f"{path.name}: {line}"
    people = (created / "people.yaml").read_text(encoding="utf-8")
    assert "# kind: Person" in people and parse_yaml(people).documents == []  # an example only


def test_the_new_region_can_be_signed_and_advanced(created: Path) -> None:
    code, out, err = kngg(
        "sign", "sok-2026", str(created), "--party", "gemeente-lelystad", "--date", "2026-11-20"
    )
    assert code == 0, out + err
    code, out, err = kngg("advance", str(created))
    assert code == 0, out + err
    assert "regio-flevoland (stap 2): 0 fouten" in out


def test_name_option_and_an_existing_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "leeg"
    target.mkdir()
    code, out, err = kngg("init", str(target), "--name", "KnGG Noord: 'pilot'", "-g", "GM0034")
    assert code == 0, out + err
    region = parse_yaml((target / "region.yaml").read_text()).documents[0].data
    assert region["name"] == "KnGG Noord: 'pilot'" and region["id"] == "leeg"
    assert check(target).exit_code() == 0


# -- refusals: exit 2, nothing written -----------------------------------------------------------


def test_a_non_empty_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "bezet"
    target.mkdir()
    (target / ".notities").write_text("van mij\n")
    code, _out, err = kngg("init", str(target), "-g", "GM0034")
    assert code == 2 and "niet leeg" in err
    assert snapshot(target) == {".notities": b"van mij\n"}


def test_an_existing_region_is_refused(created: Path) -> None:
    before = snapshot(created)
    code, _out, err = kngg("init", str(created), "-g", "GM0034")
    assert code == 2
    code, _out, err = kngg("init", str(created / "documents" / "sub"), "-g", "GM0034")
    assert code == 2 and "ligt al in een regio" in err
    assert snapshot(created) == before


def test_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x")
    code, _out, err = kngg("init", str(tmp_path / "bestand"), "-g", "GM0034")
    assert code == 2 and "geen map" in err
    assert (tmp_path / "bestand").read_text() == "x"


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("GM0035", "'GM0"),
        ("Lelystadt", "'GM0995 (Lelystad)'?"),
        ("Bergen", "'GM0373 (Bergen (NH.))' of 'GM0893"),
        ("XX", None),
    ],
)
def test_an_unknown_code_is_refused_with_did_you_mean(
    tmp_path: Path, value: str, suggestion: str | None
) -> None:
    target = tmp_path / "nieuw"
    code, _out, err = kngg("init", str(target), "-g", "GM0034", "-g", value)
    assert code == 2
    assert f"onbekende gemeente: '{value}'" in err
    if suggestion:
        assert f"'{value}' (bedoel je {suggestion}" in err
    assert err.count("\n") == 1
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_every_unknown_gemeente_is_reported_at_once(tmp_path: Path) -> None:
    code, _out, err = kngg("init", str(tmp_path / "nieuw"), "-g", "GM9999,Enschede", "-g", "Atlantis")
    assert code == 2 and "'GM9999'" in err and "'Atlantis'" in err and "Enschede" not in err.split("(niet")[0]
    assert err.count("\n") == 1 and list(tmp_path.iterdir()) == []


def test_gemeenten_by_code_digits_exact_name_or_common_name(tmp_path: Path) -> None:
    target = tmp_path / "nieuw"
    values = ("0153", "Hengelo (O.)", "enschede", "Den Haag", "'s-Hertogenbosch")
    code, out, err = kngg("init", str(target), *(arg for v in values for arg in ("-g", v)))
    assert code == 0, out + err
    region = parse_yaml((target / "region.yaml").read_text()).documents[0].data
    assert [g["code"] for g in region["gemeenten"]] == ["GM0153", "GM0164", "GM0518", "GM0796"]


def test_no_gemeente_is_refused(tmp_path: Path) -> None:
    code, _out, err = kngg("init", str(tmp_path / "nieuw"))
    assert code == 2 and "--gemeente" in err
    assert list(tmp_path.iterdir()) == []


def test_without_gemeente_a_province_or_gemeente_folder_name_says_which(tmp_path: Path) -> None:
    code, _out, _err = kngg("init", str(tmp_path / "regio-flevoland"))
    assert code == 0
    region = (tmp_path / "regio-flevoland" / "region.yaml").read_text(encoding="utf-8")
    assert all(code in region for code in ("GM0034", "GM0995", "GM0184", "GM0303", "GM0050", "GM0171"))
    code, _out, _err = kngg("init", str(tmp_path / "regio-urk"))
    assert code == 0 and "GM0184" in (tmp_path / "regio-urk" / "region.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("folder", "codes"),
    [
        ("regio-hengelo", ["GM0164"]),
        ("regio-den-haag", ["GM0518"]),
        ("regio-s-gravenhage", ["GM0518"]),
        ("regio-den-bosch", ["GM0796"]),
        ("regio-súdwest-fryslân", ["GM1900"]),
        ("Regio Rijswijk", ["GM0603"]),
        ("kngg-enschede", ["GM0153"]),
    ],
)
def test_folder_names_match_gemeenten_loosely(tmp_path: Path, folder: str, codes: list[str]) -> None:
    code, out, err = kngg("init", str(tmp_path / folder))
    assert code == 0, out + err
    region = parse_yaml((tmp_path / folder / "region.yaml").read_text()).documents[0].data
    assert [g["code"] for g in region["gemeenten"]] == codes


def test_folder_names_match_provinces_loosely(tmp_path: Path) -> None:
    code, _out, _err = kngg("init", str(tmp_path / "regio-fryslan"))
    assert code == 0
    region = parse_yaml((tmp_path / "regio-fryslan" / "region.yaml").read_text()).documents[0].data
    assert len(region["gemeenten"]) == 18 and all(g["code"].startswith("GM") for g in region["gemeenten"])


def test_an_ambiguous_folder_name_asks_for_gemeente(tmp_path: Path) -> None:
    code, _out, err = kngg("init", str(tmp_path / "regio-bergen"))
    assert code == 2 and "--gemeente" in err and list(tmp_path.iterdir()) == []


# -- the working directory and a fresh clone ---------------------------------------------------


def test_dir_defaults_to_the_working_directory_which_stays_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "regio-enschede"
    target.mkdir()
    inode = target.stat().st_ino
    monkeypatch.chdir(target)
    code, out, err = kngg("init")
    assert code == 0, out + err
    assert "pad bestaat niet" not in out + err and "(stap 1)" in out
    assert target.stat().st_ino == inode  # not replaced: a shell standing in it stays in the region
    assert sorted(snapshot(target)) == LAYOUT


def test_a_fresh_clone_is_accepted_and_its_files_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kngg-twente"
    clone = {
        ".git/HEAD": b"ref: refs/heads/main\n",
        "README.md": b"# Twente\n",
        "LICENSE": b"MIT\n",
        ".gitignore": b"build/\n",
        ".gitattributes": b"* text=auto\n",
        ".github/workflows/kngg.yml": b"on: push\n",
        ".gitlab-ci.yml": b"stages: []\n",
        ".pre-commit-config.yaml": b"repos: []\n",
    }
    for relative, data in clone.items():
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_bytes(data)
    monkeypatch.chdir(target)
    code, out, err = kngg("init", "-g", "Enschede,Hengelo (O.)")
    assert code == 0, out + err
    after = snapshot(target)
    assert {k: after[k] for k in clone} == clone
    assert sorted(set(after) - set(clone)) == LAYOUT


@pytest.mark.parametrize("entry", ["notities.txt", "region.yaml", "documents", "kngg-schema.json"])
def test_anything_but_a_clone_is_refused_with_nothing_written(tmp_path: Path, entry: str) -> None:
    target = tmp_path / "regio"
    (target / ".git").mkdir(parents=True)
    (target / "README.md").write_text("x\n")
    (target / entry).write_text("van mij\n")
    before = snapshot(target)
    code, _out, err = kngg("init", str(target), "-g", "GM0034")
    assert code == 2 and "niet leeg" in err and entry in err
    assert snapshot(target) == before and sorted(p.name for p in target.iterdir()) == sorted(
        [".git", "README.md", entry]
    )


def test_a_folder_inside_a_region_is_refused(tmp_path: Path) -> None:
    root = write_region(tmp_path / "regio", {})
    code, _out, err = kngg("init", str(root / "sub" / "nieuw"), "-g", "GM0034")
    assert code == 2 and "ligt al in een regio" in err
    assert not (root / "sub").exists()


def test_a_name_with_line_breaks_or_control_characters_becomes_one_line(tmp_path: Path) -> None:
    code, out, err = kngg("init", str(tmp_path / "x\x01y"), "--name", "Regio\nTwente\x07", "-g", "GM0153")
    assert code == 0, out + err
    region = parse_yaml((tmp_path / "x\x01y" / "region.yaml").read_text()).documents[0].data
    assert region["name"] == "Regio Twente" and region["id"] == "x-y"


def test_a_folder_name_too_long_is_one_line_not_an_internal_error(tmp_path: Path) -> None:
    code, _out, err = kngg("init", str(tmp_path / ("a" * 300)), "-g", "GM0153")
    assert code == 2 and "interne fout" not in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


# -- what mutation testing found unpinned ---------------------------------------------------------


def _organisation(org_id: str, name: str, code: str) -> str:
    return (
        "---\n"
        "# yaml-language-server: $schema=./kngg-schema.json\n"
        "# Soort document. Niet wijzigen.\n"
        "kind: Organisation\n"
        "# Korte naam waarmee mensen, overleggen en overeenkomsten naar deze organisatie verwijzen.\n"
        f"id: {org_id}\n"
        "# Naam van de organisatie.\n"
        f"name: {name}\n"
        "# Soort organisatie (zie de lijst bovenaan).\n"
        "type: gemeente\n"
        "# Verplicht bij type gemeente: welke gemeente dit is (CBS-code).\n"
        f"gemeente: {code}\n"
        "# Optioneel: domein (zorg, sociaal of beide) en website.\n"
        "# domain: sociaal\n"
        "# website: https://www.example.nl\n"
    )


def test_organisations_yaml_byte_for_byte(tmp_path: Path) -> None:
    # one document per gemeente, no blank lines from the template's loop, a name as written
    # (an apostrophe stays an apostrophe), and a final line break
    target = tmp_path / "regio-test"
    code, out, err = kngg("init", str(target), "-g", "GM0796,GM0034")
    assert code == 0, out + err
    assert (target / "organisations.yaml").read_bytes().decode() == (
        "# yaml-language-server: $schema=./kngg-schema.json\n"
        "# De organisaties die meedoen in Regio Test, elk als eigen document (gescheiden\n"
        "# door ---). Andere documenten verwijzen naar een organisatie met haar id.\n"
        "# Elke deelnemende gemeente heeft precies een organisatie van type gemeente.\n"
        "# Soorten (type): gemeente, ggd, jgz, cjg, ziekenhuis, huisartsen, zorgverzekeraar, zorgkantoor,\n"
        "# welzijn, sociaal_wijkteam, paramedici, sportbedrijf, onderwijs, kinderopvang, "
        "kennispartner, overig.\n"
        "# De regel `# yaml-language-server: …` staat in elk document: editors lezen hem per document.\n"
        + _organisation("gemeente-s-hertogenbosch", "Gemeente 's-Hertogenbosch", "GM0796")
        + _organisation("gemeente-almere", "Gemeente Almere", "GM0034")
        + "\n"
        "# Voorbeeld van een andere partner. Haal de commentaartekens weg en vul in.\n"
        "# ---\n"
        "# # yaml-language-server: $schema=./kngg-schema.json\n"
        "# kind: Organisation\n"
        "# id: ggd-regio\n"
        "# name: GGD Regio\n"
        "# type: ggd\n"
        "# # Optioneel: de gemeenten waarin de organisatie werkt (standaard de hele regio).\n"
        "# gemeenten: [GM0796, GM0034]\n"
        "# website: https://www.example.nl\n"
    )


def test_missing_parent_folders_are_made(tmp_path: Path) -> None:
    target = tmp_path / "regio's" / "noord" / "regio-test"
    code, out, err = kngg("init", str(target), "-g", "GM0034")
    assert code == 0, out + err
    assert sorted(snapshot(target)) == LAYOUT


def test_a_folder_name_without_letters_takes_the_id_from_the_name(tmp_path: Path) -> None:
    target = tmp_path / "+++"
    code, out, err = kngg("init", str(target), "--name", "Regio Noord", "-g", "GM0034")
    assert code == 0, out + err
    assert "Nieuwe regio 'regio-noord'" in out
    assert parse_yaml((target / "region.yaml").read_text()).documents[0].data["id"] == "regio-noord"


def test_a_link_to_nothing_is_refused_as_no_folder(tmp_path: Path) -> None:
    target = tmp_path / "regio"
    target.symlink_to(tmp_path / "elders")
    code, _out, err = kngg("init", str(target), "-g", "GM0034")
    assert code == 2
    assert err == f"kngg: '{target}' bestaat al en is geen map; kngg init overschrijft niets\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["regio"] and not (tmp_path / "elders").exists()


@pytest.mark.parametrize("existing", [False, True])
def test_a_failure_halfway_takes_back_everything_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    import os

    target = tmp_path / "regio"
    if existing:
        (target / ".git").mkdir(parents=True)
    before = snapshot(tmp_path)
    rename = os.rename
    calls: list[object] = []

    def fail_fourth(source: object, destination: object) -> None:
        calls.append(destination)
        if len(calls) == 4:  # agreements/, communication.yaml and documents/ are in place by then
            raise OSError(28, "No space left on device")
        rename(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", fail_fourth)
    code, _out, err = kngg("init", str(target), "-g", "GM0034")
    assert code == 2
    assert err == f"kngg: kan {target} niet schrijven: No space left on device; het bestand is ongewijzigd\n"
    assert snapshot(tmp_path) == before  # no file, no staging folder left
    assert target.is_dir() is existing  # a folder made for the region is gone, one that was there stays


@pytest.mark.parametrize("intruder", ["file", "link"])
def test_an_entry_that_appears_while_writing_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, intruder: str
) -> None:
    import tempfile

    target = tmp_path / "regio"
    mkdtemp = tempfile.mkdtemp

    def someone_else_writes_region_yaml(*args: object, **kwargs: object) -> str:
        if intruder == "file":
            (target / "region.yaml").write_text("van iemand anders\n")
        else:
            (target / "region.yaml").symlink_to(tmp_path / "nergens")
        return mkdtemp(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(tempfile, "mkdtemp", someone_else_writes_region_yaml)
    code, _out, err = kngg("init", str(target), "-g", "GM0034")
    assert code == 2 and "(region.yaml)" in err and "niet leeg" in err
    assert [p.name for p in target.iterdir()] == ["region.yaml"]  # only the other's entry, untouched
    if intruder == "file":
        assert (target / "region.yaml").read_text() == "van iemand anders\n"
    else:
        assert (target / "region.yaml").readlink() == tmp_path / "nergens"


def test_the_schema_file_keeps_its_dutch_letters(created: Path) -> None:
    text = (created / "kngg-schema.json").read_text(encoding="utf-8")
    assert "coördinator" in text and "\\u00" not in text  # readable in an editor, not escaped
    assert text.endswith("}\n")
