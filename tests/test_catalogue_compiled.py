"""The compiled catalogue (catalog/compiled.json) says what the YAML files say."""

from __future__ import annotations

from importlib import resources

from kngg_cli.catalog import COMPILED, compile_catalogue

REBUILD = (
    "src/kngg_cli/catalog/compiled.json is out of date with the catalogue's YAML files: run\n"
    "    python scripts/build_catalogue.py\n"
    "and commit the result (see docs/contributing.md, 'The rule catalogue')."
)


def test_the_compiled_catalogue_is_up_to_date() -> None:
    compiled = resources.files("kngg_cli.catalog").joinpath(COMPILED).read_text(encoding="utf-8")
    assert compiled == compile_catalogue(), REBUILD


def test_an_edited_yaml_file_is_read_from_its_yaml(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A stale compiled entry (its hash no longer matches) is never used."""
    import kngg_cli.catalog as catalog

    stale = {name: {"digest": "0" * 64, "data": {"bogus": True}} for name in catalog.SOURCES}
    monkeypatch.setattr(catalog, "_compiled", lambda: stale)
    assert "bogus" not in catalog._read("rules/S.yaml")
    assert "S001" in catalog._read("rules/S.yaml")


def test_json_keeps_what_the_yaml_says() -> None:
    """No YAML value the catalogue uses is lost in JSON (dates, number keys)."""
    import kngg_cli.catalog as catalog

    folder = resources.files("kngg_cli.catalog")
    for name in catalog.SOURCES:
        raw = folder.joinpath(name).read_bytes()
        assert catalog._compiled()[name]["data"] == catalog.parse_source(name, raw), name
