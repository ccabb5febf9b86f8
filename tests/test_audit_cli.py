"""Regressions found by auditing the command line against cli.md, as a new user would try it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import write_region

TODAY = "2026-11-23"

AGREEMENT = """
    kind: Agreement
    id: sok-2026
    title: Samenwerkingsovereenkomst
    type: samenwerkingsovereenkomst
    parties:
      - organisation: gemeente-almere
        signed: null
"""


# -- usage errors follow --lang en and KNGG_LANG ---------------------------------------------------


def test_missing_path_in_english(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", str(tmp_path / "nergens"), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("kngg: path does not exist:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_region_in_english_through_the_environment(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KNGG_LANG", "en")
    result = invoke("status", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("kngg: no region found in or above")


def test_usage_errors_stay_dutch_by_default(invoke, region) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", str(region()), "--target", "99")
    assert result.exit_code == 2
    assert "ongeldige --target '99'" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--target", "99"), "invalid --target '99'"),
        (("--select", "QQ"), "unknown rule code 'QQ'"),
        (("--ignore", "S001"), "S rules cannot be switched off"),
        (("--today", "2026-02-30"), "invalid date for --today"),
    ],
)
def test_check_usage_errors_in_english(invoke, region, args, expected) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", str(region()), "--lang", "en", *args)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_unwritable_output_in_english(invoke, region, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", str(region()), "--lang", "en", "--output", str(tmp_path / "nope" / "x.txt"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_explain_unknown_code_in_english(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("explain", "G60", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("kngg: unknown rule code 'G60'; did you mean")


def test_render_unknown_agreement_in_english(invoke, region) -> None:  # type: ignore[no-untyped-def]
    root = region({"agreements/sok-2026.yaml": AGREEMENT})
    result = invoke("render", "agreement", "sok-2025", str(root), "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.strip() == "kngg: unknown agreement 'sok-2025'; did you mean 'sok-2026'?"
    dutch = invoke("render", "agreement", "sok-2025", str(root))
    assert dutch.exit_code == 1
    assert "onbekende overeenkomst 'sok-2025'; bedoel je 'sok-2026'?" in dutch.stderr


def test_sign_without_party_in_english(invoke, region) -> None:  # type: ignore[no-untyped-def]
    root = region({"agreements/sok-2026.yaml": AGREEMENT})
    result = invoke("sign", "sok-2026", str(root), "--lang", "en")
    assert result.exit_code == 2
    assert "--party ORG_ID" in result.stderr and "give the organisation" in result.stderr


# -- an editing command refused for a syntax error names the problem -------------------------------


@pytest.mark.parametrize("command", ["advance", "sign"])
def test_syntax_refusal_is_worded(invoke, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    root = write_region(tmp_path / "regio", {"region.yaml": "kngg: 1\nkind: Region\nid: [\n"}, base={})
    args = ["advance", str(root)] if command == "advance" else ["sign", "x", str(root), "--party", "y"]
    result = invoke(*args)
    assert result.exit_code == 1
    assert "{" not in result.stderr, result.stderr  # no unformatted {problem_nl}
    assert "YAML-syntaxfout: verwachtte hier een waarde" in result.stderr
    english = invoke(*args, "--lang", "en")
    assert english.exit_code == 1
    assert "cannot be edited safely" in english.stderr and "YAML syntax error:" in english.stderr


# -- a reader that goes away is no internal error --------------------------------------------------


def test_closed_pipe_is_quiet() -> None:
    """`kngg rules | head -1`: no 'interne fout', no 'Exception ignored', exit 2 (not written)."""
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before kngg writes anything
    try:
        result = subprocess.run(
            [sys.executable, "-m", "kngg_cli", "rules", "--format", "json"],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=60,
        )
    finally:
        os.close(writer)
    assert result.returncode == 2
    assert "interne fout" not in result.stderr
    assert "Exception ignored" not in result.stderr and "Traceback" not in result.stderr


# -- --help names the values the way cli.md does -------------------------------------------------


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (("check",), ["[PATH]", "--output FILE", "--target N|next|fase-2", "--select CODES", "--today DATE"]),
        (("sign",), ["{AGREEMENT_ID} [PATH]", "--party ORG_ID", "--date DATE", "--signatory TEXT"]),
        (("init",), ["[DIR]", "--name TEXT", "--gemeente GMxxxx|NAME"]),
        (("advance",), ["--date DATE", "--evidence PATH", "--dry-run"]),
        (("render", "plan"), ["--output FILE", "--reference-doc FILE", "--lang nl|en"]),
        (("schema",), ["--output FILE"]),
    ],
)
def test_help_names_values_as_the_spec_does(invoke, command, expected) -> None:  # type: ignore[no-untyped-def]
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for part in expected:
        assert part in text, part
    assert "<str>" not in result.output.split("Opties:")[1]


# -- an internal error is one line, whatever the exception says ------------------------------------


def test_internal_error_with_a_multiline_message_is_one_line(
    invoke, region, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import kngg_cli.engine

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("eerste regel\ntweede regel")

    monkeypatch.setattr(kngg_cli.engine, "check_roots", broken)
    result = invoke("check", str(region()))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "interne fout: RuntimeError: eerste regel tweede regel" in result.stderr
    english = invoke("check", str(region()), "--lang", "en")
    assert english.stderr.startswith("kngg: internal error: RuntimeError:")


# -- the editing commands speak the region's `language:` -------------------------------------------


def test_sign_and_advance_follow_the_region_language(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    region_yaml = """
        kngg: 1
        kind: Region
        id: testregio
        name: Regio Test
        language: en
        gemeenten:
          - code: GM0034
            name: Almere
        progress:
          phase: 2
    """
    root = write_region(
        tmp_path / "regio", {"region.yaml": region_yaml, "agreements/sok-2026.yaml": AGREEMENT}
    )
    signed = invoke("sign", "sok-2026", str(root), "--party", "ggd-nergens")
    assert signed.exit_code == 1
    assert "is not a party of sok-2026" in signed.stderr
    advanced = invoke("advance", str(root))
    assert advanced.exit_code == 1
    assert "already in phase 2" in advanced.stderr
    dutch = invoke("advance", str(root), "--lang", "nl")
    assert "al in fase 2" in dutch.stderr


def test_status_labels_the_gate_severity_as_what_it_becomes(invoke) -> None:  # type: ignore[no-untyped-def]
    """`check` lists the current gate's items as info; status shows what they become on advance."""
    flevoland = Path(__file__).resolve().parents[1] / "examples" / "regio-flevoland"
    result = invoke("status", str(flevoland))
    assert "Open punten van stap 7" in result.output
    assert "Bij afronden" in result.output and "Ernst" not in result.output
    assert "On advance" in invoke("status", str(flevoland), "--lang", "en").output


def test_empty_output_name_is_a_clear_usage_error(invoke, region) -> None:  # type: ignore[no-untyped-def]
    result = invoke("check", str(region()), "--output", "")
    assert result.exit_code == 2
    assert result.stderr.startswith("kngg: --output is leeg")
