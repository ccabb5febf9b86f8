"""The site's pages in headless Chromium with axe-core (WCAG 2.1 A and AA): zero violations, no fetches.

Runs where the machine has Chromium, node and a folder with the npm packages axe-core and
playwright-core (KNGG_AXE_DIR, else ~/.cache/kngg-axe; scripts/check_html.py makes one); skips
cleanly elsewhere. Uses the runner of scripts/check_html.py, which also leaves a PNG and a print
PDF of every page next to it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _axe_folder() -> Path | None:
    for candidate in (os.environ.get("KNGG_AXE_DIR"), str(Path.home() / ".cache" / "kngg-axe")):
        if candidate and all(
            (Path(candidate) / "node_modules" / name).is_dir() for name in ("axe-core", "playwright-core")
        ):
            return Path(candidate)
    return None


def _check_html():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_html", REPO / "scripts" / "check_html.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_site_pages_pass_axe(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _axe_folder()
    check_html = _check_html()
    if folder is None or shutil.which("node") is None or not Path(check_html.CHROMIUM).exists():
        pytest.skip("needs Chromium, node and axe-core + playwright-core (KNGG_AXE_DIR)")
    out = tmp_path / "site"
    assert invoke("site", str(REPO / "examples"), "--output", str(out)).exit_code == 0
    # the site's own pages, and one document page with the site's bar on top (the documents
    # themselves are checked by scripts/check_html.py and the render tests)
    chosen = ["index.html", "flevoland/agreement-sok-2025.html"] + [
        f"{region}/{page}.html"
        for region in ("drenthe", "flevoland", "zeeland")
        for page in ("index", "findings")
    ]
    pages = [str((out / name).resolve()) for name in chosen]
    listing = tmp_path / "files.json"
    listing.write_text(json.dumps(pages))
    runner = tmp_path / "runner.js"
    runner.write_text(check_html.RUNNER)
    with tempfile.TemporaryDirectory(prefix="kngg-chromium-") as user_data:
        done = subprocess.run(
            [
                "node",
                str(runner),
                check_html.CHROMIUM,
                str(folder / "node_modules" / "axe-core" / "axe.min.js"),
                str(listing),
                user_data,
            ],
            capture_output=True,
            text=True,
            env={
                **os.environ,
                "CHROMIUM_FLAGS": json.dumps(check_html.CHROMIUM_FLAGS),
                "NODE_PATH": str(folder / "node_modules"),
            },
            timeout=600,
        )
    if done.returncode != 0:
        pytest.skip(f"headless Chromium did not run: {done.stderr[-300:]}")
    results = json.loads(done.stdout)
    assert len(results) == len(pages)
    problems = {
        Path(r["file"]).relative_to(out.resolve()).as_posix(): [v["id"] for v in r["violations"]]
        + r["requests"]
        for r in results
        if r["violations"] or r["requests"]
    }
    assert problems == {}
