"""Editor validation (docs/editors.md): the JSON Schema of `kngg schema` accepts the examples and what
`kngg init` writes, check-jsonschema agrees, and the modeline of every new file finds the schema."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kngg_cli.loading.yamlnodes import parse_yaml
from kngg_cli.model.schema import json_schema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*/region.yaml"))
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _documents(path: Path) -> list[Any]:
    """Every document of a file as an editor sees it: YAML dates are plain strings there."""
    parsed = parse_yaml(path.read_text(encoding="utf-8"))
    return [json.loads(json.dumps(d.data, default=lambda value: value.isoformat())) for d in parsed.documents]


def _errors(schema: dict[str, Any], document: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message[:160]}" for e in validator.iter_errors(document)]


@pytest.mark.skipif(not EXAMPLES, reason="no example regions yet")
def test_schema_accepts_every_example_document() -> None:
    schema = json_schema()
    checked = 0
    for region_file in EXAMPLES:
        for path in sorted(region_file.parent.rglob("*.yaml")):
            for document in _documents(path):
                assert _errors(schema, document) == [], path
                checked += 1
    assert checked > 10


def test_schema_refuses_what_the_editor_should_underline() -> None:
    schema = json_schema()
    good = {"kind": "Organisation", "id": "ggd-test", "name": "GGD Test", "type": "ggd"}
    assert _errors(schema, good) == []
    assert _errors(schema, {**good, "bogus": 1})  # unknown field
    assert _errors(schema, {**good, "type": "gemeentes"})  # not one of the choices
    assert _errors(schema, {**good, "id": "GGD Test"})  # not an id
    assert _errors(schema, {"kind": "Organisatie", "id": "x", "name": "X"})  # unknown kind
    assert _errors(schema, {**good, "x-eigen": "mag"}) == []  # the region's own fields


def test_role_tasks_may_be_plain_text() -> None:
    """kngg accepts a task as a line of text; the schema must too, or editors underline valid files."""
    schema = json_schema()
    role = {
        "role": "bestuurder",
        "tasks": ["Voorzitten", {"description": "Besluiten", "level": "strategisch"}],
    }
    person = {"kind": "Person", "id": "p", "name": "P", "organisation": "o", "roles": [role]}
    assert _errors(schema, person) == []
    role["tasks"] = [12]
    assert _errors(schema, person)


def _check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not EXAMPLES, reason="no example regions yet")
def test_check_jsonschema_on_the_examples(tmp_path: Path) -> None:
    pytest.importorskip("check_jsonschema")
    schema = tmp_path / "kngg-schema.json"
    schema.write_text(json.dumps(json_schema()), encoding="utf-8")
    # check-jsonschema reads one document per file: give it the files without `---`
    single = [
        path
        for region_file in EXAMPLES
        for path in sorted(region_file.parent.rglob("*.yaml"))
        if len(parse_yaml(path.read_text(encoding="utf-8")).documents) == 1
    ]
    assert single
    outcome = _check_jsonschema(schema, single)
    assert outcome.returncode == 0, outcome.stdout + outcome.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: Organisation\nid: x\nname: X\ntype: ggd\nbogus: 1\n", encoding="utf-8")
    assert _check_jsonschema(schema, [broken]).returncode == 1


def test_files_of_kngg_init_carry_a_modeline_that_finds_the_schema(tmp_path: Path) -> None:
    init = pytest.importorskip("kngg_cli.edit.init")
    almere = init.GemeenteChoice("GM0034", "Almere", "gemeente-almere")
    files = init.render_files("testregio", "Regio Test", [almere], date(2026, 11, 23))
    for relative, text in files.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    schema = json.loads((tmp_path / "kngg-schema.json").read_text(encoding="utf-8"))
    yaml_files = sorted(tmp_path.rglob("*.yaml"))
    assert yaml_files
    for path in yaml_files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = MODELINE.match(first)
        assert match, f"{path.relative_to(tmp_path)}: {first!r}"
        assert (path.parent / match.group(1)).resolve() == (tmp_path / "kngg-schema.json").resolve()
        for document in _documents(path):
            assert _errors(schema, document) == [], path
