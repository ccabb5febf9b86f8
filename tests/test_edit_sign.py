"""`kngg sign`: records a signature in the agreement's file, changing only the lines it must."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from edit_helpers import changes, kngg, snapshot, write
from helpers import write_region
from kngg_cli.edit.sign import plan_sign
from kngg_cli.edit.textedit import CannotEdit

ORGANISATIONS = """\
kind: Organisation
id: gemeente-almere
name: Gemeente Almere
type: gemeente
gemeente: GM0034
---
kind: Organisation
id: ggd-flevoland
name: GGD Flevoland
type: ggd
---
kind: Organisation
id: jgz-flevoland
name: JGZ Flevoland
type: jgz
---
kind: Organisation
id: zorgverzekeraar-noord
name: Zorgverzekeraar Noord
type: zorgverzekeraar
"""

AGREEMENT = """\
# Samenwerkingsovereenkomst — concept van de kerngroep
kind: Agreement
id: sok-2025
title: "Samenwerkingsovereenkomst KnGG Flevoland"
type: samenwerkingsovereenkomst

parties:
  # de gemeente tekent als eerste
  - organisation: gemeente-almere
    signatory: 'J. Jansen, wethouder'   # namens het college
    signed: null                        # nog niet getekend

  - {organisation: ggd-flevoland,  signed: null}   # flow-stijl
  - {organisation: jgz-flevoland}
  - organisation: zorgverzekeraar-noord
    # signatory volgt
clauses:
  financiering: Naar rato van inwoners.   # voorlopig
"""

FILE = "agreements/sok-2025.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = write_region(tmp_path / "regio", {"organisations.yaml": None})
    write(root / "organisations.yaml", ORGANISATIONS)
    write(root / FILE, AGREEMENT)
    return root


def sign(root: Path, *args: str) -> tuple[int, str, str]:
    return kngg("sign", "sok-2025", str(root), *args)


def test_block_entry_signed_null_gets_the_date(root: Path) -> None:
    before = (root / FILE).read_bytes()
    code, out, err = sign(root, "--party", "gemeente-almere", "--date", "2026-11-20")
    assert code == 0, out + err
    assert changes(before, (root / FILE).read_bytes()) == (
        ["    signed: null                        # nog niet getekend\n"],
        ["    signed: 2026-11-20                  # nog niet getekend\n"],
    )
    assert "gemeente-almere heeft sok-2025 getekend op 2026-11-20" in out
    assert out.splitlines()[-1].startswith("testregio (stap 1): 0 fouten")


def test_flow_entry_keeps_its_style_and_comment(root: Path) -> None:
    before = (root / FILE).read_bytes()
    assert sign(root, "--party", "ggd-flevoland", "--date", "2026-11-20")[0] == 0
    assert changes(before, (root / FILE).read_bytes()) == (
        ["  - {organisation: ggd-flevoland,  signed: null}   # flow-stijl\n"],
        ["  - {organisation: ggd-flevoland,  signed: 2026-11-20}   # flow-stijl\n"],
    )


def test_flow_entry_without_signed_gets_it_and_a_signatory(root: Path) -> None:
    before = (root / FILE).read_bytes()
    code, out, err = sign(root, "--party", "jgz-flevoland", "--signatory", "P. de Groot, directeur")
    assert code == 0, out + err
    assert changes(before, (root / FILE).read_bytes()) == (
        ["  - {organisation: jgz-flevoland}\n"],
        ['  - {organisation: jgz-flevoland, signatory: "P. de Groot, directeur", signed: 2026-11-23}\n'],
    )


def test_block_entry_without_signed_gets_new_lines_after_its_last_line(root: Path) -> None:
    code, out, err = sign(root, "--party", "zorgverzekeraar-noord", "--signatory", "M. Visser")
    assert code == 0, out + err
    assert (root / FILE).read_text() == AGREEMENT.replace(
        "  - organisation: zorgverzekeraar-noord\n",
        "  - organisation: zorgverzekeraar-noord\n    signatory: M. Visser\n    signed: 2026-11-23\n",
    )


def test_signatory_is_replaced_in_its_quoting_style(root: Path) -> None:
    before = (root / FILE).read_bytes()
    assert sign(root, "--party", "gemeente-almere", "--signatory", "K. de Wit, wethouder")[0] == 0
    assert changes(before, (root / FILE).read_bytes()) == (
        [
            "    signatory: 'J. Jansen, wethouder'   # namens het college\n",
            "    signed: null                        # nog niet getekend\n",
        ],
        [
            "    signatory: 'K. de Wit, wethouder'   # namens het college\n",
            "    signed: 2026-11-23                  # nog niet getekend\n",
        ],
    )


def test_crlf_agreement_stays_crlf(root: Path) -> None:
    write(root / FILE, AGREEMENT, crlf=True)
    before = (root / FILE).read_bytes()
    assert sign(root, "--party", "zorgverzekeraar-noord")[0] == 0
    after = (root / FILE).read_bytes()
    assert changes(before, after) == ([], ["    signed: 2026-11-23\r\n"])
    assert after.count(b"\n") == after.count(b"\r\n")


def test_the_file_mode_is_kept(root: Path) -> None:
    os.chmod(root / FILE, 0o600)
    assert sign(root, "--party", "gemeente-almere")[0] == 0
    assert stat.S_IMODE((root / FILE).stat().st_mode) == 0o600


def test_an_agreement_among_several_documents_in_one_file(root: Path) -> None:
    other = (
        "kind: Agreement\nid: convenant\ntitle: Convenant\ntype: convenant\n"
        "parties:\n  - organisation: ggd-flevoland\n"
    )
    write(root / FILE, other + "---\n" + AGREEMENT)
    before = (root / FILE).read_bytes()
    assert sign(root, "--party", "ggd-flevoland", "--date", "2026-11-20")[0] == 0
    _removed, added = changes(before, (root / FILE).read_bytes())
    assert added == ["  - {organisation: ggd-flevoland,  signed: 2026-11-20}   # flow-stijl\n"]


# -- refusals: exit 1, nothing written ---------------------------------------------------------------


def test_unknown_agreement_with_did_you_mean(root: Path) -> None:
    before = snapshot(root)
    code, _out, err = kngg("sign", "sok-2052", str(root), "--party", "ggd-flevoland")
    assert code == 1
    assert "onbekende overeenkomst 'sok-2052'" in err and "bedoel je 'sok-2025'?" in err
    assert snapshot(root) == before


def test_an_organisation_that_is_not_a_party_is_never_added(root: Path) -> None:
    before = snapshot(root)
    code, _out, err = sign(root, "--party", "ggd-flevolnd")
    assert code == 1
    assert "'ggd-flevolnd' is geen partij van sok-2025" in err and "bedoel je 'ggd-flevoland'?" in err
    assert err.count("\n") == 1
    assert snapshot(root) == before


def test_a_date_in_the_future_is_refused(root: Path) -> None:
    before = snapshot(root)
    code, _out, err = sign(root, "--party", "gemeente-almere", "--date", "2026-12-01")
    assert code == 1 and "ligt na vandaag" in err
    assert snapshot(root) == before


def test_a_bad_date_is_a_usage_error(root: Path) -> None:
    before = snapshot(root)
    assert sign(root, "--party", "gemeente-almere", "--date", "1-12-2026")[0] == 2
    assert snapshot(root) == before


def test_a_syntax_error_in_the_agreement_file_is_refused_with_s001(root: Path) -> None:
    write(root / FILE, AGREEMENT + "responsibilities: [a, b\n")
    before = snapshot(root)
    code, out, err = sign(root, "--party", "gemeente-almere")
    assert code == 1
    assert "S001" in err and "sok-2025.yaml:" in err and "Traceback" not in out + err
    assert snapshot(root) == before


def test_a_syntax_error_that_hides_the_agreement_is_reported(root: Path) -> None:
    write(root / FILE, "kind: Agreement\nid: sok-2025\nparties: [\n")
    before = snapshot(root)
    code, _out, err = sign(root, "--party", "gemeente-almere")
    assert code == 1 and "S001" in err
    assert snapshot(root) == before


def test_a_different_date_for_a_recorded_signature_is_refused(root: Path) -> None:
    assert sign(root, "--party", "gemeente-almere", "--date", "2026-11-01")[0] == 0
    before = snapshot(root)
    code, _out, err = sign(root, "--party", "gemeente-almere", "--date", "2026-11-02")
    assert code == 1 and "al getekend op 2026-11-01" in err
    assert snapshot(root) == before
    code, out, _err = sign(root, "--party", "gemeente-almere")  # the same signature again: nothing to do
    assert code == 0 and "al getekend" in out
    assert snapshot(root) == before


def test_dry_run_writes_nothing(root: Path) -> None:
    before = snapshot(root)
    code, out, _err = sign(root, "--party", "gemeente-almere", "--dry-run")
    assert code == 0 and "+    signed: 2026-11-23" in out
    assert snapshot(root) == before


def test_a_file_changed_between_read_and_write_is_not_overwritten(root: Path) -> None:
    plan = plan_sign(root, "sok-2025", "gemeente-almere", today=__import__("datetime").date(2026, 11, 23))
    changed = AGREEMENT.replace("# voorlopig", "# aangepast door een collega")
    (root / FILE).write_text(changed, encoding="utf-8")
    with pytest.raises(CannotEdit):
        plan.write()
    assert (root / FILE).read_text(encoding="utf-8") == changed
    assert sorted(p.name for p in (root / "agreements").iterdir()) == ["sok-2025.yaml"]


def test_an_interrupted_write_via_the_cli(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(root)

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    code, _out, err = sign(root, "--party", "gemeente-almere")
    assert code == 2 and "agreements/sok-2025.yaml niet schrijven" in err
    assert snapshot(root) == before  # the old file intact, no temporary file left


def test_party_is_required(root: Path) -> None:
    before = snapshot(root)
    code, _out, err = sign(root)
    assert code == 2 and "--party" in err
    assert snapshot(root) == before


# -- what mutation testing found unpinned ---------------------------------------------------------


def test_a_new_signatory_for_a_recorded_signature_is_set_and_the_date_kept(root: Path) -> None:
    assert sign(root, "--party", "gemeente-almere", "--date", "2026-11-01")[0] == 0
    before = (root / FILE).read_bytes()
    code, out, err = sign(root, "--party", "gemeente-almere", "--signatory", "K. de Wit, wethouder")
    assert code == 0, out + err
    assert (root / FILE).read_bytes() == before.replace(b"'J. Jansen, wethouder'", b"'K. de Wit, wethouder'")
    assert "gemeente-almere heeft sok-2025 getekend op 2026-11-01." in out


def test_the_same_signatory_again_for_a_recorded_signature_changes_nothing(root: Path) -> None:
    assert sign(root, "--party", "gemeente-almere", "--date", "2026-11-01")[0] == 0
    before = snapshot(root)
    code, out, err = sign(root, "--party", "gemeente-almere", "--signatory", "J. Jansen, wethouder")
    assert code == 0, out + err
    assert "gemeente-almere heeft sok-2025 al getekend op 2026-11-01; er is niets te doen." in out
    assert snapshot(root) == before


def test_a_party_entry_that_is_no_mapping_is_passed_over(root: Path) -> None:
    # check reports the bare `- jgz-flevoland` (one error); sign still signs the party asked for
    write(root / FILE, AGREEMENT.replace("  - {organisation: jgz-flevoland}\n", "  - jgz-flevoland\n"))
    before = (root / FILE).read_bytes()
    code, out, err = sign(root, "--party", "zorgverzekeraar-noord")
    assert code == 0, out + err
    assert out.splitlines()[-1].startswith("testregio (stap 1): 1 fout")
    assert (root / FILE).read_bytes() == before.replace(
        b"  - organisation: zorgverzekeraar-noord\n",
        b"  - organisation: zorgverzekeraar-noord\n    signed: 2026-11-23\n",
    )


def test_an_agreement_without_parties_names_none(root: Path) -> None:
    write(root / FILE, AGREEMENT.split("\nparties:")[0] + "\nparties: []\n")
    before = snapshot(root)
    code, _out, err = sign(root, "--party", "gemeente-almere")
    assert code == 1
    assert (
        "'gemeente-almere' is geen partij van sok-2025 (partijen: -); kngg sign voegt geen partijen toe; "
        "er is niets geschreven" in err
    )
    assert snapshot(root) == before


def test_a_refused_party_is_told_every_party(root: Path) -> None:
    code, _out, err = sign(root, "--party", "huisartsen")
    assert code == 1
    assert (
        "(partijen: gemeente-almere, ggd-flevoland, jgz-flevoland, zorgverzekeraar-noord); "
        "kngg sign voegt geen partijen toe; er is niets geschreven" in err
    )


def test_an_unknown_agreement_is_never_matched_to_an_organisation_id(root: Path) -> None:
    before = snapshot(root)
    code, _out, err = kngg("sign", "gemeente-almer", str(root), "--party", "ggd-flevoland")
    assert code == 1
    assert "onbekende overeenkomst 'gemeente-almer' in regio; er is niets geschreven" in err
    assert "bedoel je" not in err
    assert snapshot(root) == before
