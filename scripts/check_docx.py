#!/usr/bin/env python3
"""Manual check (not part of pytest): render every example's Word documents and open each in
LibreOffice (`soffice --headless --convert-to pdf`), to show that they open and how many pages
they have. Needs LibreOffice Writer (apt-get install -y libreoffice-writer-nogui) and the docx
extra (pip install 'kngg-cli[docx]').

    .venv/bin/python scripts/check_docx.py [--out build/docx-check] [--today 2026-11-23] [EXAMPLE ...]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("examples", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=REPO / "build" / "docx-check")
    parser.add_argument("--today", default="2026-11-23")
    options = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: apt-get install -y libreoffice-writer-nogui")
        return 2
    examples = options.examples or sorted(
        p for p in (REPO / "examples").iterdir() if (p / "region.yaml").is_file()
    )
    options.out.mkdir(parents=True, exist_ok=True)
    failed = False
    for example in examples:
        documents: list[tuple[str, list[str]]] = [("plan", ["plan"]), ("status", ["status"])]
        for agreement in sorted((example / "agreements").glob("*.y*ml")):
            documents.append((f"agreement-{agreement.stem}", ["agreement", agreement.stem]))
        for name, args in documents:
            target = options.out / f"{example.name}-{name}.docx"
            command = [sys.executable, "-m", "kngg_cli", "render", *args, str(example)]
            done = subprocess.run(
                [*command, "-f", "docx", "-o", str(target), "--today", options.today],
                capture_output=True,
                text=True,
            )
            if done.returncode != 0:
                print(f"{target.name}: render failed ({done.returncode}): {done.stderr.strip()}")
                failed = True
                continue
            with tempfile.TemporaryDirectory(prefix="kngg-lo-") as profile:
                converted = subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation=file://{profile}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(options.out),
                        str(target),
                    ],
                    capture_output=True,
                    text=True,
                    timeout=180,
                )
            pdf = target.with_suffix(".pdf")
            if converted.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
                print(f"{target.name}: LibreOffice could not open it: {converted.stderr.strip()}")
                failed = True
                continue
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
            print(f"{target.name}: opens in LibreOffice, {pages} page(s) -> {pdf.name}")
    print(f"output in {options.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
