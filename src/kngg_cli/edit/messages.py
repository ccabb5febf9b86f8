"""The messages of the editing commands, in Dutch and English (one place, like the rule catalogue)."""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    # reading and writing a file
    "syntax": {
        "nl": "{path} kan niet veilig worden aangepast: {finding}",
        "en": "{path} cannot be edited safely: {finding}",
    },
    "not_utf8": {
        "nl": "{path} is geen UTF-8-tekst; kngg past het niet aan",
        "en": "{path} is not UTF-8 text; kngg does not edit it",
    },
    "changed_on_disk": {
        "nl": "{path} is gewijzigd sinds kngg het las; er is niets geschreven, probeer het opnieuw",
        "en": "{path} changed on disk since kngg read it; nothing was written, try again",
    },
    "cannot_write": {
        "nl": "kan {path} niet schrijven: {problem}; het bestand is ongewijzigd",
        "en": "cannot write {path}: {problem}; the file is unchanged",
    },
    "layout": {
        "nl": "kngg kan {path} hier niet veilig aanpassen ({detail}); pas het met de hand aan",
        "en": "kngg cannot edit {path} safely here ({detail}); please edit it by hand",
    },
    "unintended": {
        "nl": "de aanpassing van {path} gaf niet het bedoelde resultaat; er is niets geschreven (meld dit)",
        "en": "the change to {path} did not give the intended result; nothing was written (please report)",
    },
    "written": {"nl": "{path} bijgewerkt.", "en": "{path} updated."},
    "dry_run": {
        "nl": "(--dry-run: er is niets geschreven)",
        "en": "(--dry-run: nothing was written)",
    },
    "recheck": {"nl": "Controle na de wijziging:", "en": "Check after the change:"},
    # options
    "bad_date": {
        "nl": "ongeldige datum voor {option}: '{value}' (verwacht JJJJ-MM-DD)",
        "en": "invalid date for {option}: '{value}' (expected YYYY-MM-DD)",
    },
    "future_date": {
        "nl": "de datum {date} ligt na vandaag ({today}); er is niets geschreven",
        "en": "the date {date} is after today ({today}); nothing was written",
    },
    "one_region": {
        "nl": "'{path}' bevat {count} regio's; geef de map van één regio",
        "en": "'{path}' holds {count} regions; give the folder of one region",
    },
    # advance
    "phase_2": {
        "nl": "{region} is al in fase 2; er is geen stap meer af te ronden",
        "en": "{region} is already in phase 2; there is no step left to complete",
    },
    "date_before_previous": {
        "nl": (
            "de datum {date} ligt voor de afronding van de vorige stap ({previous}); er is niets geschreven"
        ),
        "en": "the date {date} is before the previous step was completed ({previous}); nothing was written",
    },
    "no_progress": {
        "nl": "{region} heeft geen geldige voortgang (progress) in region.yaml; er is niets geschreven",
        "en": "{region} has no valid progress in region.yaml; nothing was written",
    },
    "gate_open": {
        "nl": "stap {step} kan nog niet worden afgerond: {count} {errors} (zie hierboven); "
        "er is niets geschreven",
        "en": "step {step} cannot be completed yet: {count} {errors} (see above); nothing was written",
    },
    "gate_open_unknown": {
        "nl": "de huidige stap kan niet worden afgerond: {count} {errors} (zie hierboven); "
        "er is niets geschreven",
        "en": "the current step cannot be completed: {count} {errors} (see above); nothing was written",
    },
    "error_one": {"nl": "fout", "en": "error"},
    "error_many": {"nl": "fouten", "en": "errors"},
    "at_step": {"nl": "stap {step}", "en": "step {step}"},
    "at_phase_2": {"nl": "fase 2", "en": "phase 2"},
    "advanced": {
        "nl": "Stap {step} afgerond op {date}; {region} staat nu op {next}.",
        "en": "Step {step} completed on {date}; {region} is now at {next}.",
    },
    # sign
    "unknown_agreement": {
        "nl": "onbekende overeenkomst '{agreement}' in {region}; er is niets geschreven{suggestion}",
        "en": "unknown agreement '{agreement}' in {region}; nothing was written{suggestion}",
    },
    "not_a_party": {
        "nl": "'{party}' is geen partij van {agreement} (partijen: {parties}); kngg sign voegt geen "
        "partijen toe; er is niets geschreven{suggestion}",
        "en": "'{party}' is not a party of {agreement} (parties: {parties}); kngg sign never adds "
        "parties; nothing was written{suggestion}",
    },
    "already_signed_other": {
        "nl": "{party} heeft {agreement} al getekend op {signed}; pas die datum met de hand aan als hij "
        "niet klopt; er is niets geschreven",
        "en": "{party} already signed {agreement} on {signed}; correct that date by hand if it is "
        "wrong; nothing was written",
    },
    "already_signed": {
        "nl": "{party} heeft {agreement} al getekend op {signed}; er is niets te doen.",
        "en": "{party} already signed {agreement} on {signed}; nothing to do.",
    },
    "signed": {
        "nl": "{party} heeft {agreement} getekend op {date}.",
        "en": "{party} signed {agreement} on {date}.",
    },
    "suggestion": {"nl": "; bedoel je '{suggestion}'?", "en": "; did you mean '{suggestion}'?"},
    # init
    "init_exists": {
        "nl": "'{path}' is niet leeg ({entries}); kngg init overschrijft niets: kies een nieuwe of lege "
        "map (de bestanden van een verse git-clone, zoals .git, README en LICENSE, mogen er staan)",
        "en": "'{path}' is not empty ({entries}); kngg init never overwrites anything: choose a new or "
        "empty folder (a fresh git clone's files, such as .git, README and LICENSE, may be there)",
    },
    "init_not_dir": {
        "nl": "'{path}' bestaat al en is geen map; kngg init overschrijft niets",
        "en": "'{path}' exists and is not a folder; kngg init never overwrites anything",
    },
    "init_in_region": {
        "nl": "'{path}' ligt al in een regio ({root}); kngg init maakt geen regio in een regio",
        "en": "'{path}' is inside a region already ({root}); kngg init does not nest regions",
    },
    "init_no_gemeente": {
        "nl": "geef de gemeenten van de regio op met --gemeente, bijvoorbeeld --gemeente GM0034 "
        "--gemeente Lelystad (CBS-codes of -namen), of noem de map naar een provincie of gemeente "
        "(regio-flevoland, regio-enschede)",
        "en": "name the region's gemeenten with --gemeente, for example --gemeente GM0034 "
        "--gemeente Lelystad (CBS codes or names), or name the folder after a province or gemeente "
        "(regio-flevoland, regio-enschede)",
    },
    "init_unknown_gemeente": {
        "nl": "onbekende gemeente: {values} (niet in de {list}); er is niets geschreven; "
        "geef CBS-codes (GM0153) of CBS-namen (Enschede)",
        "en": "unknown gemeente: {values} (not in the {list}); nothing was written; "
        "give CBS codes (GM0153) or CBS names (Enschede)",
    },
    "init_unknown_value": {"nl": "'{value}'", "en": "'{value}'"},
    "init_unknown_value_hint": {
        "nl": "'{value}' (bedoel je {suggestion}?)",
        "en": "'{value}' (did you mean {suggestion}?)",
    },
    "and": {"nl": " en ", "en": " and "},
    "or": {"nl": " of ", "en": " or "},
    "init_bad_id": {
        "nl": "kan geen id maken van '{name}'; kies een mapnaam met letters of cijfers",
        "en": "cannot make an id from '{name}'; choose a folder name with letters or digits",
    },
    "init_done": {
        "nl": "Nieuwe regio '{region}' geschreven in {path} ({count} bestanden):",
        "en": "New region '{region}' written to {path} ({count} files):",
    },
    "init_next": {
        "nl": "Vul de bestanden aan (elk veld is toegelicht) en controleer met `kngg check {path}`.",
        "en": "Fill in the files (every field is explained) and check with `kngg check {path}`.",
    },
}


def msg(key: str, lang: str = "nl", **params: Any) -> str:
    entry = MESSAGES[key]
    return entry.get(lang, entry["nl"]).format(**params)


def suggestion(value: str | None, lang: str = "nl") -> str:
    return msg("suggestion", lang, suggestion=value) if value else ""
