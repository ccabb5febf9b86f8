"""`kngg sign`: record a party's signature in an agreement's file.

Sets `signed:` of the party's entry (adds it when absent) and, when given, `signatory:`; works for
block and flow-style entries. Never adds a party. A signature already recorded is kept: without
`--date` only the signatory is set; a different `--date` is refused (correct it by hand).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kngg_cli.dates import date_from_text
from kngg_cli.edit.common import EditPlan, check_not_future, display, one_region
from kngg_cli.edit.textedit import EditableFile, Refusal, SyntaxRefusal, TextEditor
from kngg_cli.texts import text as wording


def plan_sign(
    path: Path,
    agreement_id: str,
    party: str,
    *,
    today: date,
    when: date | None = None,
    signatory: str | None = None,
    lang: str = "nl",
) -> EditPlan:
    """Work out the change to the agreement's file, or refuse."""
    from kngg_cli.loading.region import load_region
    from kngg_cli.suggest import did_you_mean

    root = one_region(path)
    if when is not None:
        check_not_future(when, today)
    loaded = load_region(root)
    defining = _files_defining(loaded.files, agreement_id)
    if len(defining) > 1:  # check says S006; signing one of them silently would be a guess
        files = ", ".join(dict.fromkeys(display(p) for p in defining))
        raise Refusal("ambiguous_agreement", agreement=agreement_id, files=files)
    located = defining[0] if defining else None
    if located is None:
        broken = [(f, i) for f in loaded.files for i in f.issues if i.code in ("S001", "S002", "S009")]
        if broken:  # the agreement may be in a file that cannot be read
            source, issue = broken[0]
            raise SyntaxRefusal(source.path, display(source.path), issue)
        ids = sorted({i for f in loaded.files for i in _agreement_ids(f)})
        found = did_you_mean(agreement_id, ids).get("suggestion")
        raise Refusal("unknown_agreement", agreement=agreement_id, region=root.name, suggestion=found)
    editable = EditableFile.read(located, display(located))  # refuses a file with a syntax error
    document = _document_index(editable, agreement_id)
    if document is None:  # changed between the two reads
        raise Refusal("unknown_agreement", agreement=agreement_id, region=root.name, suggestion=None)
    editor = TextEditor(editable, document)
    parties = editor.value(()).get("parties")
    entries = parties if isinstance(parties, list) else []
    names = [p.get("organisation") for p in entries if isinstance(p, dict)]
    if party not in names:
        found = did_you_mean(party, [n for n in names if isinstance(n, str)]).get("suggestion")
        raise Refusal(
            "not_a_party",
            party=party,
            agreement=agreement_id,
            suggestion=found,
            parties=", ".join(str(n) for n in names) or "-",
        )
    index = next(i for i, p in enumerate(entries) if isinstance(p, dict) and p.get("organisation") == party)
    entry_path = ("parties", index)
    entry: dict[str, Any] = entries[index]
    recorded = _as_date(entry.get("signed"))
    if recorded is not None and when is not None and when != recorded:
        raise Refusal(
            "already_signed_other", party=party, agreement=agreement_id, signed=recorded.isoformat()
        )
    day = recorded or when or today
    if signatory is not None and entry.get("signatory") != signatory:
        editor.set_key(entry_path, "signatory", signatory)
    if recorded is None:
        editor.set_key(entry_path, "signed", day)
    text = editor.new_text()
    editor.verify(text)
    shown = day.isoformat()  # the recorded date, when there is one
    if not editor.changed:  # only when a signature was recorded: else `signed:` is set
        summary = wording("edit.already_signed", lang, party=party, agreement=agreement_id, signed=shown)
    else:
        summary = wording("edit.signed", lang, party=party, agreement=agreement_id, date=shown)
    return EditPlan(editable, editor, text, root, summary)


def _agreement_ids(source: Any) -> list[str]:
    found = []
    for document in source.documents:
        data = document.data
        if isinstance(data, dict) and data.get("kind") == "Agreement" and isinstance(data.get("id"), str):
            found.append(data["id"])
    return found


def _files_defining(files: list[Any], agreement_id: str) -> list[Path]:
    """Every file with an Agreement of this id (the same file twice counts as ambiguous too)."""
    return [Path(s.path) for s in files for found in _agreement_ids(s) if found == agreement_id]


def _document_index(source: EditableFile, agreement_id: str) -> int | None:
    for index, parsed in enumerate(source.documents):
        data = parsed.data
        if isinstance(data, dict) and data.get("kind") == "Agreement" and data.get("id") == agreement_id:
            return index
    return None


def _as_date(value: Any) -> date | None:
    """A recorded signature date (a YAML date or a quoted ISO date); anything else counts as none."""
    if isinstance(value, date):
        return value
    return date_from_text(value.strip()) if isinstance(value, str) else None
