"""Shell completion: rule codes for `explain`, agreement and organisation ids from the region."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from kngg_cli.catalog import catalogue
from kngg_cli.cli.completion import complete_agreement_id, complete_organisation_id, complete_rule_code

FILES = {
    "organisations.yaml": """
        kind: Organisation
        id: gemeente-almere
        name: Gemeente Almere
        type: gemeente
        gemeente: GM0034
        ---
        kind: Organisation
        id: ggd-test
        name: GGD Test
        type: ggd
        ---
        kind: Organisation
        id: jgz-test
        name: JGZ Test
        type: jgz
    """,
    "agreements/sok-2025.yaml": """
        kind: Agreement
        id: sok-2025
        title: Samenwerkingsovereenkomst
        type: samenwerkingsovereenkomst
        parties:
          - organisation: gemeente-almere
            signed: 2025-03-01
          - organisation: ggd-test
    """,
    "agreements/convenant.yaml": """
        kind: Agreement
        id: convenant-2026
        title: Convenant
        type: convenant
        parties:
          - organisation: jgz-test
    """,
    # a half-written document still completes: its id is there, the rest is wrong
    "agreements/concept.yaml": """
        kind: Agreement
        id: sok-concept
        title: Concept
        partijen: nog te bepalen
    """,
}


def _ctx(**params: object) -> SimpleNamespace:
    """A stand-in for the click context: what the command line parsed so far."""
    return SimpleNamespace(params=params, parent=None)


# -- rule codes ------------------------------------------------------------------------------
def test_rule_codes() -> None:
    assert complete_rule_code(None, [], "S00") == [f"S00{n}" for n in range(1, 10)]
    assert complete_rule_code(None, [], "") == list(catalogue())
    assert complete_rule_code(None, [], "Z9") == []


def test_rule_codes_keep_the_typed_case() -> None:
    """The shell keeps only words that start with what was typed; `explain` accepts lower case."""
    assert complete_rule_code(None, [], "s00")[:2] == ["s001", "s002"]


# -- ids from the region ---------------------------------------------------------------------
def test_agreement_ids_from_the_working_directory(region, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    root = region(FILES)
    monkeypatch.chdir(root / "agreements")  # anywhere inside the region
    assert complete_agreement_id(None, [], "") == ["convenant-2026", "sok-2025", "sok-concept"]
    assert complete_agreement_id(None, [], "sok-2") == ["sok-2025"]
    assert complete_agreement_id(None, [], "x") == []


def test_ids_from_a_path_given_earlier(region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    root = region(FILES)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert complete_agreement_id(_ctx(path=root), [], "conv") == ["convenant-2026"]
    assert complete_agreement_id(_ctx(path=str(root / "region.yaml")), [], "conv") == ["convenant-2026"]
    # the path may sit in a parent context (a subcommand group such as `render`)
    nested = SimpleNamespace(params={}, parent=_ctx(path=root))
    assert complete_organisation_id(nested, [], "g") == ["gemeente-almere", "ggd-test"]


def test_organisation_ids(region, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(region(FILES))
    assert complete_organisation_id(None, [], "") == ["gemeente-almere", "ggd-test", "jgz-test"]
    assert complete_organisation_id(None, [], "GG") == ["ggd-test"]


def test_parties_of_the_named_agreement_unsigned_first(region, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(region(FILES))
    assert complete_organisation_id(_ctx(agreement_id="sok-2025"), [], "") == ["ggd-test", "gemeente-almere"]
    assert complete_organisation_id(_ctx(agreement_id="convenant-2026"), [], "") == ["jgz-test"]
    # an agreement that does not exist (yet): every organisation
    assert complete_organisation_id(_ctx(agreement_id="onbekend"), [], "j") == ["jgz-test"]


def test_never_raises_outside_a_region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert complete_agreement_id(None, [], "") == []
    assert complete_organisation_id(None, [], "") == []
    assert complete_agreement_id(_ctx(path=tmp_path / "bestaat-niet"), [], "") == []
    assert complete_organisation_id(object(), None, None) == []  # type: ignore[arg-type]


def test_never_raises_on_broken_files(region, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    root = region(
        {**FILES, "kapot.yaml": b"\xff\xfe not utf-8 \x00", "leeg.yaml": "", "lijst.yaml": "- 1\n- 2\n"}
    )
    monkeypatch.chdir(root)
    assert "sok-2025" in complete_agreement_id(None, [], "")


# -- wired into the commands -----------------------------------------------------------------
def _shell_complete(words: list[str], incomplete: str) -> list[str]:
    """What bash would be offered after `kngg WORDS INCOMPLETE`, through Typer's own completion."""
    from typer._completion_classes import BashComplete
    from typer.main import get_command

    from kngg_cli.cli.app import build_app

    completion = BashComplete(get_command(build_app()), {}, "kngg", "_KNGG_COMPLETE")
    return [item.value for item in completion.get_completions(words, incomplete)]


def test_explain_completes_rule_codes() -> None:
    assert _shell_complete(["explain"], "S00") == [f"S00{n}" for n in range(1, 10)]
    assert _shell_complete(["explain"], "s00")[:1] == ["s001"]


def test_completion_is_not_swallowed_by_the_fast_help(tmp_path: Path) -> None:
    """`kngg` with no arguments prints the fast help, except when the shell asks for completions."""
    env = {
        **os.environ,
        "_KNGG_COMPLETE": "complete_bash",
        "COMP_WORDS": "kngg explain S00",
        "COMP_CWORD": "2",
    }
    code = "from kngg_cli.cli import main; main([])"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30, cwd=tmp_path
    )
    assert out.stdout.split() == [f"S00{n}" for n in range(1, 10)]


def _has_command(*names: str) -> bool:
    from typer.main import get_command

    from kngg_cli.cli.app import build_app

    command: object = get_command(build_app())
    for name in names:
        commands = getattr(command, "commands", {})
        if name not in commands:
            return False
        command = commands[name]
    return True


def test_sign_completes_agreements_and_parties(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    if not _has_command("sign"):
        pytest.skip("`kngg sign` is not there yet")
    root = region(FILES)
    monkeypatch.chdir(root)
    assert _shell_complete(["sign"], "sok") == ["sok-2025", "sok-concept"]
    assert _shell_complete(["sign", "sok-2025", "--party"], "") == ["ggd-test", "gemeente-almere"]
    # from elsewhere, with the region's PATH given before --party
    monkeypatch.chdir(tmp_path)
    assert _shell_complete(["sign", "convenant-2026", str(root), "--party"], "") == ["jgz-test"]


def test_render_agreement_completes_agreements(region, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    if not _has_command("render", "agreement"):
        pytest.skip("`kngg render agreement` is not there yet")
    monkeypatch.chdir(region(FILES))
    assert _shell_complete(["render", "agreement"], "c") == ["convenant-2026"]


def test_folder_of_regions_but_no_deep_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import write_region

    write_region(tmp_path / "regios" / "noord", {"organisations.yaml": FILES["organisations.yaml"]})
    write_region(tmp_path / "regios" / "zuid", {"agreements/sok.yaml": FILES["agreements/sok-2025.yaml"]})
    write_region(
        tmp_path / "a" / "b" / "c" / "diep", {"agreements/sok.yaml": FILES["agreements/convenant.yaml"]}
    )
    monkeypatch.chdir(tmp_path / "regios")
    assert complete_organisation_id(None, [], "g") == ["gemeente-almere", "ggd-test"]
    assert complete_agreement_id(None, [], "") == ["sok-2025"]
    monkeypatch.chdir(tmp_path)  # two levels down: found; four levels down: not walked
    assert complete_agreement_id(None, [], "") == ["sok-2025"]
