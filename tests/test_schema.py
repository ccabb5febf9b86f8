"""`kngg schema`: a valid JSON Schema 2020-12 that accepts every example document and rejects mistakes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from kngg_cli.model.schema import json_schema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema)


def _plain(value: Any) -> Any:
    """YAML data as JSON sees it: dates become ISO strings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _example_documents() -> list[tuple[str, int, Any]]:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    found = []
    for path in sorted(p for p in EXAMPLES.glob("regio-*/**/*.yaml")):
        for index, document in enumerate(yaml.load_all(path.read_text(encoding="utf-8"))):
            if document is not None:
                found.append((path.relative_to(EXAMPLES).as_posix(), index, _plain(document)))
    return found


def test_schema_is_valid_2020_12(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_has_dutch_descriptions(schema: dict[str, Any]) -> None:
    text = json.dumps(schema, ensure_ascii=False)
    assert "De deelnemende gemeenten" in text
    assert text.count('"description"') > 50


def test_cli_writes_the_schema_and_check_jsonschema_accepts_it(tmp_path: Path) -> None:
    target = tmp_path / "kngg.schema.json"
    result = subprocess.run(
        [sys.executable, "-m", "kngg_cli", "schema", "--output", str(target)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()
    tool = str(CHECK_JSONSCHEMA) if CHECK_JSONSCHEMA.exists() else shutil.which("check-jsonschema")
    if tool is None:
        pytest.skip("check-jsonschema is not installed")
    meta = subprocess.run([tool, "--check-metaschema", str(target)], capture_output=True, text=True)
    assert meta.returncode == 0, meta.stdout + meta.stderr


def test_schema_to_stdout() -> None:
    result = subprocess.run([sys.executable, "-m", "kngg_cli", "schema"], capture_output=True, text=True)
    assert result.returncode == 0
    assert json.loads(result.stdout)["$schema"].endswith("2020-12/schema")


def test_every_example_document_validates(validator: Draft202012Validator) -> None:
    documents = _example_documents()
    assert len(documents) > 30
    kinds = {document["kind"] for _, _, document in documents}
    assert kinds == {
        "Region",
        "Organisation",
        "Person",
        "Body",
        "Agreement",
        "MonitoringPlan",
        "CommunicationPlan",
    }
    problems = [
        f"{name}#{index}: {error.message}"
        for name, index, document in documents
        for error in validator.iter_errors(document)
    ]
    assert problems == []


@pytest.mark.parametrize(
    "document",
    [
        {"kind": "Organisatie", "id": "x", "name": "X", "type": "ggd"},
        {"kind": "Organisation", "id": "x", "name": "X", "type": "ggdd"},
        {"kind": "Organisation", "id": "X_Y", "name": "X", "type": "ggd"},
        {"kind": "Organisation", "id": "x", "name": "X", "type": "ggd", "nmae": "X"},
        {"kind": "Organisation", "id": "x", "type": "ggd"},
        {"kind": "Person", "id": "p", "name": "P", "organisation": "o", "roles": [{"since": "2025-01-01"}]},
        {"kind": "Agreement", "id": "a", "title": "A", "type": "convenant", "parties": []},
    ],
)
def test_schema_rejects_mistakes(validator: Draft202012Validator, document: dict[str, Any]) -> None:
    assert not validator.is_valid(document)


def test_schema_allows_x_fields(validator: Draft202012Validator) -> None:
    document = {"kind": "Organisation", "id": "x", "name": "X", "type": "ggd", "x-eigen": {"a": 1}}
    assert validator.is_valid(document)
