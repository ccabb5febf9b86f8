"""Time `kngg lsp` from a change in the editor to the diagnostics it publishes for it.

    python benchmarks/lsp_latency.py REGION [--changes 40]

Starts the server over stdio with pygls's client, opens REGION/people.yaml, then changes it
`--changes` times, alternating between an unknown organisation id and the right one, so that every
change alters the findings and is answered with a publishDiagnostics. Prints the median and the
90th percentile in milliseconds (the server's 20 ms debounce included) as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient


async def measure(region: Path, changes: int) -> dict[str, float]:
    client = LanguageClient("kngg-benchmark", "1")
    published: asyncio.Queue[tuple[float, lsp.PublishDiagnosticsParams]] = asyncio.Queue()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: lsp.PublishDiagnosticsParams) -> None:
        published.put_nowait((time.perf_counter(), params))

    await client.start_io(sys.executable, "-m", "kngg_cli", "lsp")
    await client.initialize_async(
        lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(), initialization_options={"today": "2026-11-23"}
        )
    )
    client.initialized(lsp.InitializedParams())
    path = (region / "people.yaml").resolve()
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    organisation = next(
        line.split(":", 1)[1].strip() for line in text.splitlines() if "organisation:" in line
    )
    broken = text.replace(f"organisation: {organisation}", f"organisation: {organisation}-x", 1)
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text))
    )
    await _for(uri, published)
    times = []
    for version in range(2, changes + 2):
        while not published.empty():
            published.get_nowait()
        started = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [lsp.TextDocumentContentChangeWholeDocument(text=broken if version % 2 == 0 else text)],
            )
        )
        arrived = await _for(uri, published)
        times.append((arrived - started) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    ordered = sorted(times)
    return {
        "median_ms": statistics.median(times),
        "p90_ms": ordered[int(len(ordered) * 0.9) - 1],
        "changes": float(changes),
    }


async def _for(uri: str, published: asyncio.Queue[tuple[float, lsp.PublishDiagnosticsParams]]) -> float:
    while True:
        arrived, params = await asyncio.wait_for(published.get(), timeout=30)
        if params.uri == uri:
            return arrived


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("region", type=Path)
    parser.add_argument("--changes", type=int, default=40)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.region, args.changes))))


if __name__ == "__main__":
    main()
