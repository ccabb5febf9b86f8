"""`kngg lsp`: the language server (pygls), on standard input and output.

As the user types, the region's findings arrive as diagnostics: the file that changed is parsed
and validated again, the rules run over the region kept in memory, and every file whose findings
changed gets them (an empty list clears them). Changes are checked after a short pause
(`debounce_ms`, 20 ms by default) so that a burst of edits costs one check; a save is checked at
once, after reading again what changed on disk.

initializationOptions (all optional): `lang` (nl|en, else KNGG_LANG, else the region's language),
`today` (YYYY-MM-DD, else KNGG_TODAY, else today's date), `debounce_ms`.
"""

from __future__ import annotations

import asyncio
import os
from datetime import date
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from kngg_cli import __version__
from kngg_cli.dates import date_from_text
from kngg_cli.engine import CheckOptions
from kngg_cli.language import choose_language
from kngg_cli.lsp import features
from kngg_cli.lsp.regions import Regions

DEFAULT_DEBOUNCE_MS = 20


class KnggServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("kngg", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.settings: dict[str, Any] = {}
        self.regions = Regions(self.check_options)
        self.pending: dict[Path, asyncio.TimerHandle] = {}
        self.uris: dict[Path, str] = {}  # the URI the editor uses for each open file

    # -- options ------------------------------------------------------------------------------
    def check_options(self) -> CheckOptions:
        lang = self.settings.get("lang")
        today = self.settings.get("today") or os.environ.get("KNGG_TODAY")
        chosen = (date_from_text(today) if today else None) or date.today()
        return CheckOptions(today=chosen, lang=lang if lang in ("nl", "en") else None)

    @property
    def debounce(self) -> float:
        value = self.settings.get("debounce_ms", DEFAULT_DEBOUNCE_MS)
        return max(float(value), 0.0) / 1000 if isinstance(value, int | float) else DEFAULT_DEBOUNCE_MS / 1000

    def lang_of(self, root: Path | None) -> str:
        region = self.regions.regions.get(root) if root is not None else None
        if region is not None and region.result is not None:
            return region.result.lang
        return choose_language(self.settings.get("lang"))

    # -- paths and URIs -----------------------------------------------------------------------
    def path_of(self, uri: str) -> Path | None:
        fs_path = to_fs_path(uri)
        if fs_path is None:
            return None
        path = Path(fs_path).resolve()
        self.uris.setdefault(path, uri)
        return path

    def uri_of(self, path: Path) -> str:
        return self.uris.get(path) or from_fs_path(str(path)) or path.as_uri()

    def lines_of(self, path: Path) -> list[str]:
        region = self.regions.region_for(path)
        kept = region.files.get(path) if region is not None else None
        if kept is not None:
            return kept.source.lines
        text = self.regions.texts.get(path)
        return text.splitlines() if text is not None else []

    # -- checking and publishing ----------------------------------------------------------------
    def schedule(self, root: Path | None, delay: float) -> None:
        if root is None:
            return
        handle = self.pending.pop(root, None)
        if handle is not None:
            handle.cancel()
        if delay <= 0:
            self.publish(root)
            return
        loop = asyncio.get_running_loop()
        self.pending[root] = loop.call_later(delay, self.publish, root)

    def publish(self, root: Path) -> None:
        self.pending.pop(root, None)
        if root not in self.regions.regions:
            return
        changed = self.regions.check(root)
        lang = self.lang_of(root)
        for path, findings in sorted(changed.items()):
            lines = self.lines_of(path)
            diagnostics = [features.diagnostic(f, lines, lang) for f in findings]
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=self.uri_of(path), diagnostics=diagnostics)
            )


server = KnggServer()


@server.feature(lsp.INITIALIZE)
def initialize(ls: KnggServer, params: lsp.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict):
        ls.settings = dict(options)


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: KnggServer, params: lsp.DidOpenTextDocumentParams) -> None:
    path = ls.path_of(params.text_document.uri)
    if path is not None:
        ls.schedule(ls.regions.opened(path, params.text_document.text), 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: KnggServer, params: lsp.DidChangeTextDocumentParams) -> None:
    path = ls.path_of(params.text_document.uri)
    if path is None:
        return
    text = ls.workspace.get_text_document(params.text_document.uri).source
    ls.schedule(ls.regions.changed(path, text), ls.debounce)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: KnggServer, params: lsp.DidSaveTextDocumentParams) -> None:
    path = ls.path_of(params.text_document.uri)
    if path is not None:
        ls.schedule(ls.regions.saved(path), 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: KnggServer, params: lsp.DidCloseTextDocumentParams) -> None:
    path = ls.path_of(params.text_document.uri)
    if path is not None:
        ls.schedule(ls.regions.closed(path), 0)


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched(ls: KnggServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        path = ls.path_of(change.uri)
        if path is not None:
            ls.schedule(ls.regions.saved(path), ls.debounce)


@server.feature(
    lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[":", " ", "-", "[", ","])
)
def completion(ls: KnggServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
    path = ls.path_of(params.text_document.uri)
    region = ls.regions.region_for(path) if path is not None else None
    if path is None or region is None:
        return None
    if region.result is None:
        ls.publish(region.root)
    lines = ls.workspace.get_text_document(params.text_document.uri).lines
    lines = [line.rstrip("\r\n") for line in lines]
    items = features.completion(ls.regions.regions[region.root], path, lines, params.position)
    return lsp.CompletionList(is_incomplete=False, items=items)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: KnggServer, params: lsp.HoverParams) -> lsp.Hover | None:
    path = ls.path_of(params.text_document.uri)
    region = ls.regions.region_for(path) if path is not None else None
    if path is None or region is None:
        return None
    if region.result is None:
        ls.publish(region.root)
    return features.hover(region, path, ls.lines_of(path), params.position, ls.lang_of(region.root))


@server.feature(
    lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix])
)
def code_action(ls: KnggServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    path = ls.path_of(params.text_document.uri)
    if path is None:
        return None
    root = ls.regions.root_of(path)
    lines = [line.rstrip("\r\n") for line in ls.workspace.get_text_document(params.text_document.uri).lines]
    return features.quick_fixes(
        params.text_document.uri, lines, list(params.context.diagnostics), ls.lang_of(root)
    )


def serve() -> None:
    server.start_io()
