"""libyaml's syntax problems in the users' words: what `kngg check` (S001) and the edit commands say.

The loader records libyaml's English problem text; this adds the Dutch wording and a hint that
says what to write, so that every stage that reports a syntax error words it the same way.
"""

from __future__ import annotations

from typing import Any

# libyaml's problems, in the users' language, each with a hint that says what to write.
_SYNTAX_HELP: dict[str, tuple[str, str, str]] = {
    "mapping values are not allowed": (
        "een dubbele punt op een plek waar geen sleutel kan staan",
        "zet een waarde met ': ' erin tussen aanhalingstekens, of controleer de inspringing",
        "put a value containing ': ' in quotes, or check the indentation",
    ),
    "found a tab character": (
        "een tab als inspringing",
        "gebruik spaties om in te springen, geen tabs",
        "indent with spaces, not tabs",
    ),
    "found character that cannot start any token": (
        "een teken dat hier niet kan (vaak een tab als inspringing)",
        "gebruik spaties om in te springen, geen tabs",
        "indent with spaces, not tabs",
    ),
    "did not find expected key": (
        "verwachtte een sleutel (de inspringing klopt niet)",
        "controleer de inspringing: items van een mapping staan precies onder elkaar",
        "check the indentation: the entries of a mapping line up exactly",
    ),
    "did not find expected '-' indicator": (
        "verwachtte een lijstitem ('- ') (de inspringing klopt niet)",
        "controleer de inspringing: items van een lijst beginnen met '- ' op dezelfde kolom",
        "check the indentation: list items start with '- ' in the same column",
    ),
    "could not find expected ':'": (
        "verwachtte ':' na een sleutel",
        "schrijf `sleutel: waarde`, met een spatie na de dubbele punt",
        "write `key: value`, with a space after the colon",
    ),
    "found unexpected end of stream": (
        "het bestand houdt onverwacht op (een aanhalingsteken of haakje is niet gesloten)",
        "sluit het aanhalingsteken of haakje",
        "close the quote or bracket",
    ),
    "did not find expected ',' or ']'": (
        "een lijst tussen [ ] is niet goed gesloten",
        "scheid items met ', ' en sluit af met ']'",
        "separate items with ', ' and close with ']'",
    ),
    "did not find expected ',' or '}'": (
        "een mapping tussen { } is niet goed gesloten",
        "scheid items met ', ' en sluit af met '}'",
        "separate items with ', ' and close with '}'",
    ),
    "did not find expected node content": (
        "verwachtte hier een waarde",
        "vul de waarde in, of controleer de inspringing en de haakjes rond deze plek",
        "fill in the value, or check the indentation and brackets around this spot",
    ),
    "block sequence entries are not allowed in this context": (
        "een lijstitem ('- ') op een plek waar geen lijst kan beginnen",
        "begin de lijst op een nieuwe regel onder de sleutel, ingesprongen",
        "start the list on a new line below its key, indented",
    ),
    "found unknown escape character": (
        "een onbekende escape (\\) tussen dubbele aanhalingstekens",
        "gebruik enkele aanhalingstekens, of schrijf \\\\ voor een backslash",
        "use single quotes, or write \\\\ for a backslash",
    ),
    "found unexpected document indicator": (
        "een regel met `---` of `...` midden in een waarde (vaak een aanhalingsteken dat niet sluit)",
        "sluit het aanhalingsteken, of zet de hele waarde tussen dubbele aanhalingstekens",
        "close the quote, or put the whole value in double quotes",
    ),
    "expected a comment or a line break": (
        "na de waarde staat nog tekst op dezelfde regel",
        "zet de hele waarde tussen aanhalingstekens, of begin een commentaar met ` #`",
        "put the whole value in quotes, or start a comment with ` #`",
    ),
    "found undefined tag handle": (
        "een waarde die met `!` begint (YAML leest dat als een tag)",
        "zet de hele waarde tussen dubbele aanhalingstekens",
        "put the whole value in double quotes",
    ),
    "expected '<document start>', but found": (
        "er staat nog iets na het einde van het document",
        "begin een nieuw document met een regel `---`, of controleer de inspringing",
        "start a new document with a line `---`, or check the indentation",
    ),
    "expected <block end>, but found": (
        "de inspringing klopt niet (een regel springt verder in of uit dan verwacht)",
        "controleer de inspringing: items van een mapping of lijst staan precies onder elkaar",
        "check the indentation: the entries of a mapping or list line up exactly",
    ),
    "found undefined alias": (
        "een alias verwijst naar een onbekend anker",
        "definieer het anker (&naam) eerst",
        "define the anchor (&name) first",
    ),
}


def syntax_params(params: dict[str, Any]) -> dict[str, Any]:
    problem = params.get("problem", "")
    for english, (dutch, hint_nl, hint_en) in _SYNTAX_HELP.items():
        if problem.startswith(english):
            return {**params, "problem_nl": dutch, "hint_nl": hint_nl, "hint_en": hint_en}
    return {  # a problem without Dutch words yet: said in Dutch, never libyaml's English (cli.md)
        **params,
        "problem_nl": "de opbouw van de YAML klopt hier niet",
        "hint_nl": "controleer de inspringing en de aanhalingstekens rond deze plek",
        "hint_en": "check the indentation and quotes around this spot",
    }
