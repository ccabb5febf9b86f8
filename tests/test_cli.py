"""The command line: exit codes 0/1/2, the json format field for field, rules/explain/--version/--help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import MINIMAL_REGION, write_region
from kngg_cli import __version__

TODAY = "2026-11-23"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def kngg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real program, in a fresh process (as a user runs it)."""
    env = {**os.environ, "NO_COLOR": "1", "KNGG_TODAY": TODAY}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "kngg_cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    return write_region(tmp_path / "regio", {})


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """One error (R001) and one warning (P002)."""
    return write_region(
        tmp_path / "regio",
        {
            "people.yaml": """
                kind: Person
                id: sanne
                name: Sanne
                organisation: gemeente-almer
                email: sanne@gmail.com
            """
        },
    )


# -- exit codes ---------------------------------------------------------------------------------


def test_exit_0_for_a_clean_region(invoke, clean: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", str(clean))
    assert result.exit_code == 0, result.output
    assert "testregio (stap 1): 0 fouten, 0 waarschuwingen" in result.stdout


def test_exit_1_for_an_error(invoke, broken: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", str(broken))
    assert result.exit_code == 1
    assert "people.yaml:4:15: fout R001" in result.stdout
    assert "   = tip: " in result.stdout
    assert "^" in result.stdout


def test_strict_turns_a_warning_into_exit_1(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = write_region(
        tmp_path / "regio",
        {"people.yaml": "kind: Person\nid: s\nname: S\norganisation: gemeente-almere\nemail: s@gmail.com\n"},
    )
    assert invoke("check", str(root)).exit_code == 0
    assert invoke("check", str(root), "--strict").exit_code == 1


def test_exit_2_when_path_is_missing(tmp_path: Path) -> None:
    result = kngg("check", str(tmp_path / "bestaat-niet"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_exit_2_for_a_folder_without_region(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    result = kngg("check", str(tmp_path / "leeg"))
    assert result.returncode == 2
    assert "region.yaml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_exit_2_for_a_bad_option(invoke, clean: Path) -> None:  # type: ignore[no-untyped-def]
    assert invoke("check", str(clean), "--format", "xml").exit_code == 2
    assert invoke("check", str(clean), "--today", "gisteren").exit_code == 2
    assert invoke("check", str(clean), "--ignore", "S005").exit_code == 2
    assert invoke("check", str(clean), "--select", "Q9").exit_code == 2
    assert invoke("check", str(clean), "--lang", "fr").exit_code == 2


def test_unwritable_output_is_exit_2_with_one_line(tmp_path: Path, clean: Path) -> None:
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map")
    result = kngg("check", str(clean), "--output", str(blocked / "uit.json"), "--format", "json")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    result = kngg("check", str(clean), "--output", str(tmp_path / "nergens" / "uit.txt"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder_is_exit_2(tmp_path: Path, clean: Path) -> None:
    locked = tmp_path / "dicht"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = kngg("check", str(clean), "--output", str(locked / "uit.txt"))
    finally:
        locked.chmod(0o700)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_output_writes_a_file(invoke, broken: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "rapport.json"
    result = invoke("check", str(broken), "--format", "json", "--output", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["summary"]["error"] == 1
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # the umask's mode, not mkstemp's


def test_debug_shows_the_traceback_of_an_internal_error(tmp_path: Path, clean: Path) -> None:
    """An internal error is one line without --debug (exercised via a reporter that breaks)."""
    script = (
        "import sys\n"
        "import kngg_cli.report as r\n"
        "r.REPORTERS['json'] = 'kngg_cli.report.bestaat_niet'\n"
        "from kngg_cli.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    env = {**os.environ, "NO_COLOR": "1"}
    plain = subprocess.run(
        [sys.executable, "-c", script, "check", str(clean), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert plain.returncode == 2
    assert "Traceback" not in plain.stderr
    assert len(plain.stderr.strip().splitlines()) == 1
    debug = subprocess.run(
        [sys.executable, "-c", script, "check", str(clean), "--format", "json", "--debug"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert debug.returncode == 2
    assert "Traceback" in debug.stderr


# -- several regions ----------------------------------------------------------------------------


def test_folder_of_regions_checks_each(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_region(tmp_path / "alle" / "a", {})
    second = MINIMAL_REGION["region.yaml"].replace("id: testregio", "id: tweede")
    second = second.replace("GM0034", "GM0995").replace("Almere", "Lelystad")  # no R012 between them
    organisation = MINIMAL_REGION["organisations.yaml"].replace("GM0034", "GM0995")
    write_region(
        tmp_path / "alle" / "b",
        {
            "region.yaml": second,
            "organisations.yaml": organisation,
            "people.yaml": "kind: Person\nid: p\nname: P\norganisation: nergens\n",
        },
    )
    result = invoke("check", str(tmp_path / "alle"), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert [r["id"] for r in document["regions"]] == ["testregio", "tweede"]
    errors = [f for f in document["findings"] if f["severity"] == "error"]
    assert [(f["region"], f["code"]) for f in errors] == [("tweede", "R001")]
    assert {f["region"] for f in document["findings"]} == {"testregio", "tweede"}  # advice for both
    assert document["summary"]["regions"] == 2


# -- json format --------------------------------------------------------------------------------


def test_json_format_field_for_field(broken: Path) -> None:
    result = kngg("check", "regio", "--format", "json", cwd=broken.parent)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert list(document) == ["kngg_version", "today", "regions", "findings", "summary"]
    assert document["kngg_version"] == __version__
    assert document["today"] == TODAY
    [region] = document["regions"]
    assert region == {
        "id": "testregio",
        "path": "regio",
        "phase": 1,
        "step": 1,
        "summary": {"error": 1, "warning": 1, "info": region["summary"]["info"]},
    }
    first = document["findings"][0]
    assert list(first) == [
        "code",
        "severity",
        "region",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "hint",
        "subject",
    ]
    by_code = {f["code"]: f for f in document["findings"]}
    r001 = by_code["R001"]
    assert (r001["severity"], r001["region"], r001["path"]) == ("error", "testregio", "regio/people.yaml")
    assert (r001["line"], r001["column"], r001["end_line"], r001["end_column"]) == (4, 15, 4, 29)
    assert r001["subject"] == "sanne"
    assert "gemeente-almer" in r001["message"]
    assert "gemeente-almere" in r001["hint"]
    assert by_code["P002"]["severity"] == "warning"
    summary = document["summary"]
    assert (summary["error"], summary["warning"], summary["files"], summary["regions"]) == (1, 1, 3, 1)
    assert set(summary) == {"error", "warning", "info", "files", "regions"}


def test_lang_en(invoke, broken: Path) -> None:  # type: ignore[no-untyped-def]
    nl = invoke("check", str(broken)).stdout
    en = invoke("check", str(broken), "--lang", "en").stdout
    assert nl != en
    assert "(step 1)" in en


def test_no_colour_when_not_a_terminal(invoke, broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\033[" not in invoke("check", str(broken)).stdout


# -- rules, explain, version, help --------------------------------------------------------------


def test_rules_text_and_json(invoke) -> None:  # type: ignore[no-untyped-def]
    text = invoke("rules")
    assert text.exit_code == 0
    assert "S001" in text.stdout and "P003" in text.stdout
    result = invoke("rules", "--format", "json")
    assert result.exit_code == 0
    rules = json.loads(result.stdout)
    codes = [r["code"] for r in rules]
    for code in ["S001", "S009", "R001", "R010", "P001", "P003", "X001"]:
        assert code in codes
    s001 = rules[codes.index("S001")]
    assert {"code", "name", "severity", "summary"} <= set(s001)
    assert s001["name"] == "yaml-syntax" and s001["severity"] == "error"
    assert rules[codes.index("R005")]["severity"] == "error"  # 1.1: a typo in a code breaks the region
    assert rules[codes.index("G902")]["basis"] == "kngg"


@pytest.mark.parametrize(
    "code",
    ["S001", "S002", "S003", "S004", "S005", "S006", "S007", "S008", "S009"]
    + [f"R{n:03}" for n in range(1, 11)]
    + ["P001", "P002", "P003", "X001"],
)
def test_explain_every_foundation_rule(invoke, code: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("explain", code)
    assert result.exit_code == 0
    assert code in result.stdout
    assert len(result.stdout.splitlines()) > 4  # what, why and an example


def test_explain_is_case_insensitive(invoke) -> None:  # type: ignore[no-untyped-def]
    assert invoke("explain", "r001").exit_code == 0


def test_explain_unknown_code_is_exit_2() -> None:
    result = kngg("explain", "R099")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "R099" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_version() -> None:
    result = kngg("--version")
    assert result.returncode == 0
    assert result.stdout == f"kngg {__version__}\n"


def test_version_does_not_import_heavy_modules() -> None:
    script = (
        "import sys\n"
        "from kngg_cli.cli import main\n"
        "main(['--version'])\n"
        "heavy = [m for m in ('pydantic', 'ruamel', 'jinja2', 'typer', 'rich') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_help() -> None:
    result = kngg("--help")
    assert result.returncode == 0
    for command in ("check", "rules", "explain", "schema"):
        assert command in result.stdout


def test_check_help(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", "--help")
    assert result.exit_code == 0
    for option in ("--format", "--output", "--today", "--lang", "--debug"):
        assert option in result.stdout


def test_python_dash_m_and_examples_exit_0() -> None:
    result = kngg("check", str(EXAMPLES / "regio-zeeland"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_text_format_block(broken: Path) -> None:
    result = kngg("check", "regio", cwd=broken.parent)
    expected = (
        "regio/people.yaml:4:15: fout R001 onbekende organisatie `gemeente-almer`\n"
        "   3 | name: Sanne\n"
        "   4 | organisation: gemeente-almer\n"
        "     |               ^^^^^^^^^^^^^^\n"
        "   = tip: bedoel je `gemeente-almere`?\n"
    )
    assert result.stdout.startswith(expected)
    last_line = result.stdout.rstrip("\n").splitlines()[-1]
    assert last_line.startswith("testregio (stap 1): 1 fout, 1 waarschuwing, ")
