"""The catalogue of texts (catalog/texts.yaml): complete in both languages, and readable cheaply."""

from __future__ import annotations

import re
import string
from importlib import resources
from pathlib import Path

import pytest

from kngg_cli.loading.yamlnodes import parse_yaml
from kngg_cli.texts import (
    LANGUAGES,
    KnggError,
    Text,
    TextCatalogueError,
    catalogue,
    counted,
    parse_catalogue,
    text,
)

SOURCE = Path(__file__).resolve().parents[1] / "src" / "kngg_cli"


def _placeholders(template: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_every_text_has_dutch_and_english_with_the_same_placeholders() -> None:
    for key, entry in catalogue().items():
        assert sorted(entry) == sorted(LANGUAGES), key
        assert all(entry[lang].strip() for lang in LANGUAGES), key
        assert _placeholders(entry["nl"]) == _placeholders(entry["en"]), key


def test_counted_texts_come_in_pairs_with_a_count() -> None:
    keys = catalogue().keys()
    for key in keys:
        if key.endswith((".one", ".other")):
            stem = key.rsplit(".", 1)[0]
            assert f"{stem}.one" in keys and f"{stem}.other" in keys, key
            assert "{count}" in catalogue()[key]["nl"], key


def test_the_strict_reader_reads_the_file_as_yaml_does() -> None:
    source = resources.files("kngg_cli.catalog").joinpath("texts.yaml").read_text(encoding="utf-8")
    parsed = parse_yaml(source)
    assert not parsed.issues
    assert parsed.documents[0].data == parse_catalogue(source)


@pytest.mark.parametrize(
    "source",
    [
        "a.b:\n  nl: 'single quotes'\n",
        "a:\n  nl: plain\n",
        'a:\n  nl: "x"\na:\n  nl: "y"\n',
        '  nl: "x"\n',
    ],
)
def test_the_strict_reader_refuses_what_it_does_not_know(source: str) -> None:
    with pytest.raises(TextCatalogueError):
        parse_catalogue(source)


_USED = re.compile(
    r'(?:\btext|\bwording|\bcounted|\bText|Text\.counted|KnggError|UsageError)\(\s*"([a-z0-9_.]+)"'
)

_EDIT_PROBLEM = re.compile(r'\b(?:Refusal|CannotEdit|EditProblem)\(\s*"([a-z0-9_]+)"')


def test_every_key_named_in_the_code_exists() -> None:
    known = catalogue().keys()
    for path in SOURCE.rglob("*.py"):
        for key in _USED.findall(path.read_text(encoding="utf-8")):
            if "." not in key:
                continue  # not a text key (a plain call of a function named like these)
            assert key in known or f"{key}.one" in known, f"{path.name}: {key}"
        for key in _EDIT_PROBLEM.findall(path.read_text(encoding="utf-8")):
            assert f"edit.{key}" in known, f"{path.name}: {key}"


def test_words_counts_and_nested_texts() -> None:
    assert counted("count.error", 1, "nl") == "1 fout"
    assert counted("count.error", 2, "nl") == "2 fouten"
    assert counted("count.warning", 0, "en") == "0 warnings"
    assert text("cli.unknown_rule", "en", code="Q1", more=Text("cli.unknown_rule_list")) == (
        "unknown rule code 'Q1'; see `kngg rules`"
    )
    assert text("cli.one_region", "nl", command="render", path="x", count=2, names=["a", "b"]).endswith(
        "(a, b)"
    )


def test_an_error_carries_its_key_params_and_exit_code() -> None:
    error = KnggError("cli.bad_lang", value="de")
    assert error.exit_code == 2
    assert error.message("en") == "unknown language 'de': choose nl or en"
    assert str(error) == "onbekende taal 'de': kies nl of en"
    assert KnggError("cli.bad_lang", exit_code=1, value="de").exit_code == 1
