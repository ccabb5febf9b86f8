#!/usr/bin/env python3
"""Manual check (not part of pytest): render every example's HTML documents, open each in headless
Chromium, save a full-page PNG, run axe-core (WCAG 2.1 A and AA) and report violations and any
network request the page makes (there must be none: the HTML is self-contained).

Needs Debian's `chromium` (apt-get install -y chromium) and node/npm; axe-core and playwright-core
are installed from npm into a temporary folder (or KNGG_AXE_DIR, reused between runs).

    .venv/bin/python scripts/check_html.py [--out build/html-check] [--today 2026-11-23] [EXAMPLE ...]

Exit 0 when no page has an axe violation or a network request; 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

RUNNER = r"""
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const [,, executable, axePath, listFile, userData] = process.argv;
const flags = JSON.parse(process.env.CHROMIUM_FLAGS);
(async () => {
  const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: executable, headless: true, args: flags, viewport: { width: 1000, height: 800 },
  });
  const results = [];
  for (const file of files) {
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
    await page.goto('file://' + file, { waitUntil: 'load' });
    await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
    // the long pages also in screen-sized parts, easier to look at
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let part = 0; part * 1400 < height && height > 1600; part++) {
      const clip = { x: 0, y: part * 1400, width: 1000, height: Math.min(1400, height - part * 1400) };
      await page.screenshot({ path: file.replace(/\.html$/, `-part${part + 1}.png`), fullPage: true, clip });
    }
    await page.addScriptTag({ path: axePath });
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return {
        violations: r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, tags: v.tags,
          nodes: v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary).slice(0, 5),
        })),
        passes: r.passes.length,
      };
    });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: file.replace(/\.html$/, '.pdf'), format: 'A4', printBackground: true });
    results.push({ file, requests, ...axe });
    await page.close();
  }
  await context.close();
  console.log(JSON.stringify(results));
})().catch((e) => { console.error(e); process.exit(2); });
"""


def npm_folder() -> Path:
    folder = Path(os.environ.get("KNGG_AXE_DIR") or tempfile.mkdtemp(prefix="kngg-axe-"))
    if (
        not (folder / "node_modules" / "axe-core").is_dir()
        or not (folder / "node_modules" / "playwright-core").is_dir()
    ):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "init", "-y"], cwd=folder, check=True, capture_output=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "axe-core", "playwright-core"],
            cwd=folder,
            check=True,
            capture_output=True,
        )
    return folder


def render_examples(examples: list[Path], out: Path, today: str) -> list[Path]:
    kngg = [sys.executable, "-m", "kngg_cli"]
    files = []
    for example in examples:
        documents: list[tuple[str, list[str]]] = [("plan", ["plan"]), ("status", ["status"])]
        for agreement in sorted((example / "agreements").glob("*.y*ml")):
            documents.append((f"agreement-{agreement.stem}", ["agreement", agreement.stem]))
        for name, args in documents:
            target = out / f"{example.name}-{name}.html"
            for stale in out.glob(f"{example.name}-{name}-part*.png"):
                stale.unlink()
            command = [*kngg, "render", *args, str(example), "--format", "html", "--output", str(target)]
            done = subprocess.run([*command, "--today", today], capture_output=True, text=True)
            if done.returncode != 0:
                print(f"render failed ({done.returncode}): {' '.join(args)} {example}\n{done.stderr}")
                continue
            files.append(target.resolve())
    return files


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("examples", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=REPO / "build" / "html-check")
    parser.add_argument("--today", default="2026-11-23")
    options = parser.parse_args()
    examples = options.examples or sorted(
        p for p in (REPO / "examples").iterdir() if (p / "region.yaml").is_file()
    )
    options.out.mkdir(parents=True, exist_ok=True)
    files = render_examples(examples, options.out, options.today)
    folder = npm_folder()
    listing = options.out / "files.json"
    listing.write_text(json.dumps([str(f) for f in files]))
    runner = folder / "runner.js"
    runner.write_text(RUNNER)
    axe = folder / "node_modules" / "axe-core" / "axe.min.js"
    with tempfile.TemporaryDirectory(prefix="kngg-chromium-") as user_data:
        done = subprocess.run(
            ["node", str(runner), CHROMIUM, str(axe), str(listing), user_data],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROMIUM_FLAGS": json.dumps(CHROMIUM_FLAGS)},
        )
    if done.returncode != 0:
        print(done.stderr)
        return 2
    failed = False
    for result in json.loads(done.stdout):
        name = Path(result["file"]).name
        problems = len(result["violations"]) + len(result["requests"])
        failed = failed or problems > 0
        status = "ok" if not problems else f"{problems} problem(s)"
        print(f"{name}: {status} (axe passes: {result['passes']}); PNG and print PDF next to it")
        for request in result["requests"]:
            print(f"  network request: {request}")
        for violation in result["violations"]:
            print(f"  axe {violation['impact']}: {violation['id']}: {violation['help']}")
            for node in violation["nodes"]:
                print(f"    {node}")
    print(f"output in {options.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
