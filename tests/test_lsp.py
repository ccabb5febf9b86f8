"""`kngg lsp`, driven by a real LSP client (pytest-lsp) over stdio, as an editor drives it."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
lsp = pytest.importorskip("lsprotocol.types")

from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from helpers import write_region  # noqa: E402

PEOPLE = """
    kind: Person
    id: sanne-de-vries
    name: Sanne de Vries
    organisation: gemeente-almer
    roles:
      - role: lokale_projectleider
"""


# one server for the module (starting one costs a second); each test has a region of its own
@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "kngg_cli", "lsp"]), scope="module"
)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    params = lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        initialization_options={"today": "2026-11-23", "debounce_ms": 5},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def regio(tmp_path: Path) -> Path:
    return write_region(tmp_path / "regio", {"people.yaml": PEOPLE})


def _open(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    content = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=content)
        )
    )
    return uri


def _change(client: LanguageClient, uri: str, text: str, version: int = 2) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def _until(condition: Callable[[], bool], seconds: float = 15) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the server did not publish what was expected in time")


def _codes(client: LanguageClient, uri: str) -> list[str | int | None]:
    return [d.code for d in client.diagnostics.get(uri, [])]


def _r001(client: LanguageClient, uri: str) -> lsp.Diagnostic:
    return next(d for d in client.diagnostics[uri] if d.code == "R001")


@pytest.mark.asyncio(loop_scope="module")
async def test_a_typo_in_an_organisation_id_is_r001_at_the_value(client: LanguageClient, regio: Path) -> None:
    uri = _open(client, regio / "people.yaml")
    await _until(lambda: "R001" in _codes(client, uri))
    diagnostic = _r001(client, uri)
    # `organisation: gemeente-almer` on line 4 (0-based 3), the value from column 14
    assert diagnostic.range == lsp.Range(lsp.Position(3, 14), lsp.Position(3, 28))
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error
    assert diagnostic.source == "kngg"
    assert "gemeente-almer" in diagnostic.message
    assert "bedoel je" in diagnostic.message  # the hint, in Dutch


@pytest.mark.asyncio(loop_scope="module")
async def test_fixing_the_typo_clears_the_diagnostic(client: LanguageClient, regio: Path) -> None:
    uri = _open(client, regio / "people.yaml")
    await _until(lambda: "R001" in _codes(client, uri))
    fixed = (regio / "people.yaml").read_text(encoding="utf-8").replace("almer\n", "almere\n")
    _change(client, uri, fixed)
    await _until(lambda: "R001" not in _codes(client, uri))


@pytest.mark.asyncio(loop_scope="module")
async def test_findings_in_other_files_arrive_on_their_own_uri(client: LanguageClient, regio: Path) -> None:
    """Renaming the organisation's id in the open file breaks the (closed) people.yaml; renaming it
    back clears that file again."""
    (regio / "people.yaml").write_text(
        textwrap.dedent(PEOPLE).lstrip("\n").replace("almer\n", "almere\n"), encoding="utf-8"
    )
    organisations = regio / "organisations.yaml"
    uri = _open(client, organisations)
    people_uri = (regio / "people.yaml").as_uri()
    await _until(lambda: uri in client.diagnostics)
    assert "R001" not in _codes(client, people_uri)
    original = organisations.read_text(encoding="utf-8")
    _change(client, uri, original.replace("id: gemeente-almere", "id: gemeente-almere-stad"))
    await _until(lambda: "R001" in _codes(client, people_uri))
    _change(client, uri, original, version=3)
    await _until(lambda: "R001" not in _codes(client, people_uri))


@pytest.mark.asyncio(loop_scope="module")
async def test_completion_offers_the_organisation_ids(client: LanguageClient, regio: Path) -> None:
    text = textwrap.dedent(PEOPLE).lstrip("\n").replace("organisation: gemeente-almer", "organisation: ")
    path = regio / "people.yaml"
    uri = _open(client, path, text)
    await _until(lambda: uri in client.diagnostics)
    result = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri=uri), lsp.Position(3, len("organisation: ")))
    )
    assert result is not None
    items = result.items if isinstance(result, lsp.CompletionList) else result
    labels = {item.label for item in items}
    assert "gemeente-almere" in labels
    assert "sanne-de-vries" not in labels  # a person is no organisation


@pytest.mark.asyncio(loop_scope="module")
async def test_completion_of_roles_and_gemeente_codes(client: LanguageClient, regio: Path) -> None:
    path = regio / "people.yaml"
    text = textwrap.dedent(PEOPLE).lstrip("\n").replace("role: lokale_projectleider", "role: ")
    uri = _open(client, path, text)
    await _until(lambda: uri in client.diagnostics)
    roles = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri=uri), lsp.Position(5, len("  - role: ")))
    )
    assert roles is not None
    role_labels = {i.label for i in (roles.items if isinstance(roles, lsp.CompletionList) else roles)}
    assert {"regionale_coordinator", "lokale_projectleider"} <= role_labels
    region_uri = _open(client, regio / "region.yaml")
    codes = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri=region_uri), lsp.Position(5, len("  - code: ")))
    )
    assert codes is not None
    items = codes.items if isinstance(codes, lsp.CompletionList) else codes
    by_code = {i.label: i.detail for i in items}
    assert by_code["GM0034"] == "Almere" and len(by_code) > 300


@pytest.mark.asyncio(loop_scope="module")
async def test_a_quick_fix_replaces_the_typo_with_the_suggestion(client: LanguageClient, regio: Path) -> None:
    uri = _open(client, regio / "people.yaml")
    await _until(lambda: "R001" in _codes(client, uri))
    diagnostic = _r001(client, uri)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri=uri),
            diagnostic.range,
            lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert actions
    action = actions[0]
    assert isinstance(action, lsp.CodeAction) and action.edit is not None and action.edit.changes
    (edit,) = action.edit.changes[uri]
    assert edit.range == diagnostic.range
    assert edit.new_text == "gemeente-almere"


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_names_a_gemeente_code_and_shows_an_id(client: LanguageClient, regio: Path) -> None:
    uri = _open(client, regio / "organisations.yaml")
    await _until(lambda: uri in client.diagnostics)
    gemeente = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(uri=uri), lsp.Position(4, len("gemeente: GM")))
    )
    assert gemeente is not None and isinstance(gemeente.contents, lsp.MarkupContent)
    assert "Almere" in gemeente.contents.value
    people = regio / "people.yaml"
    people.write_text(textwrap.dedent(PEOPLE).lstrip("\n").replace("almer\n", "almere\n"), encoding="utf-8")
    people_uri = _open(client, people)
    identifier = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(uri=people_uri), lsp.Position(3, len("organisation: gem")))
    )
    assert identifier is not None and isinstance(identifier.contents, lsp.MarkupContent)
    assert (
        "Gemeente Almere" in identifier.contents.value and "organisations.yaml" in identifier.contents.value
    )


def test_without_the_lsp_extra_one_clear_line(tmp_path: Path) -> None:
    import subprocess

    script = "import sys; sys.modules['pygls'] = None\nfrom kngg_cli.cli import main\nmain(['lsp'])\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "kngg: kngg lsp heeft het extra pakket 'lsp' nodig: pip install 'kngg-cli[lsp]'"
    ]
