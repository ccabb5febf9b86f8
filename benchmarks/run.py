"""Time `kngg` on a national-size set against `check-jsonschema` with kngg's own schema.

    python benchmarks/run.py [--repeat 5] [--keep]

Generates the set (benchmarks/generate.py) under benchmarks/national/ (git-ignored): the full set
and a half set, for the scaling measurement. Then times, each command `--repeat` times (median
and best wall-clock time, in a fresh process every time):

- `kngg check` on the full set, against `check-jsonschema --schemafile <kngg schema>` on the
  same YAML files (which does less: schema only, no references, privacy or gates);
- `kngg --version` against `check-jsonschema --version`, and `kngg --help`;
- both checkers on the half set, to show that the cost grows linearly with the number of files
  (with `kngg check` on one small region as the fixed cost of start-up and imports);
- the peak memory (maximum resident set size) of each command, from getrusage of its process.

Prints a Markdown table, and whether the targets of issue 2 are met.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

TODAY = "2026-11-23"

_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - started
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


@dataclass
class Timing:
    label: str
    times: list[float]
    peak_kb: int
    exit_codes: set[int]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024  # Linux reports kilobytes


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install it (pip install kngg-cli check-jsonschema)")
    return found


def run_once(argv: list[str]) -> tuple[float, int, int]:
    """Run argv in a fresh measuring process: wall time, peak RSS (KB) and exit code of argv."""
    env = {**os.environ, "NO_COLOR": "1", "KNGG_TODAY": TODAY}
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def measure_all(commands: list[tuple[str, list[str], int]], repeat: int) -> list[Timing]:
    """Round-robin: every command once per round, so that a busy moment hits all of them alike."""
    timings = [Timing(label, [], 0, set()) for label, _, _ in commands]
    for round_number in range(repeat * max(weight for _, _, weight in commands)):
        for timing, (_, argv, weight) in zip(timings, commands, strict=True):
            if round_number < repeat * weight:
                elapsed, peak, code = run_once(argv)
                timing.times.append(elapsed)
                timing.peak_kb = max(timing.peak_kb, peak)
                timing.exit_codes.add(code)
    return timings


def yaml_files(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*.yaml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "national")
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON to this file")
    args = parser.parse_args()

    kngg, cjs = tool("kngg"), tool("check-jsonschema")
    full, half = args.out / "full", args.out / "half"
    regions_full, gemeenten_full, files_full = generate(full, 1.0)
    regions_half, gemeenten_half, files_half = generate(half, 0.5)
    schema = args.out / "kngg.schema.json"
    subprocess.run([kngg, "schema", "--output", str(schema)], check=True)
    size_mb = sum(Path(f).stat().st_size for f in yaml_files(full)) / 1024 / 1024

    repeat = args.repeat
    cjs_full_argv = [cjs, "--schemafile", str(schema), *yaml_files(full)]
    cjs_half_argv = [cjs, "--schemafile", str(schema), *yaml_files(half)]
    results = measure_all(
        [
            ("kngg check (full set)", [kngg, "check", str(full)], 1),
            ("check-jsonschema --schemafile (full set)", cjs_full_argv, 1),
            ("kngg check (half set)", [kngg, "check", str(half)], 1),
            ("check-jsonschema --schemafile (half set)", cjs_half_argv, 1),
            ("kngg check (one small region)", [kngg, "check", str(full / "regio-flevoland")], 1),
            ("kngg --version", [kngg, "--version"], 2),
            ("check-jsonschema --version", [cjs, "--version"], 2),
            ("kngg --help", [kngg, "--help"], 2),
        ],
        repeat,
    )
    by = {r.label: r for r in results}

    print(
        f"Set: {regions_full} regions, {gemeenten_full} gemeenten, {files_full} YAML files "
        f"({size_mb:.2f} MB); half set: {regions_half} regions, {gemeenten_half} gemeenten, "
        f"{files_half} files. Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, repeat {repeat}."
    )
    print()
    print("| command | median (s) | best (s) | peak memory (MB) | exit |")
    print("|---|---:|---:|---:|---|")
    for r in results:
        codes = ",".join(str(c) for c in sorted(r.exit_codes))
        print(f"| `{r.label}` | {r.median:.3f} | {r.best:.3f} | {r.peak_mb:.0f} | {codes} |")
    print()

    check_full, cjs_full = by["kngg check (full set)"], by["check-jsonschema --schemafile (full set)"]
    check_half, cjs_half = by["kngg check (half set)"], by["check-jsonschema --schemafile (half set)"]
    version, cjs_version, help_ = by["kngg --version"], by["check-jsonschema --version"], by["kngg --help"]
    file_ratio = files_full / files_half
    # the fixed cost (start-up, imports) is what checking one small region costs
    startup = by["kngg check (one small region)"].median
    scaling = (check_full.median - startup) / max(check_half.median - startup, 1e-9)
    targets = [
        (
            "full check no slower than check-jsonschema's schema-only pass",
            check_full.median <= cjs_full.median,
            f"{check_full.median:.2f} s vs {cjs_full.median:.2f} s "
            f"({cjs_full.median / check_full.median:.1f}x faster)",
        ),
        (
            "`kngg --version` at most half of check-jsonschema's start-up",
            version.median <= cjs_version.median / 2,
            f"{version.median * 1000:.0f} ms vs {cjs_version.median * 1000:.0f} ms",
        ),
        (
            "`kngg --help` at most half of check-jsonschema's start-up",
            help_.median <= cjs_version.median / 2,
            f"{help_.median * 1000:.0f} ms vs {cjs_version.median * 1000:.0f} ms",
        ),
        (
            "cost grows linearly with the number of files",
            abs(scaling / file_ratio - 1) < 0.25,
            f"{file_ratio:.2f}x the files, {scaling:.2f}x the time "
            f"(fixed cost of {startup:.2f} s subtracted); "
            f"check-jsonschema {cjs_full.median / cjs_half.median:.2f}x",
        ),
        (
            "peak memory under 300 MB",
            check_full.peak_mb < 300,
            f"{check_full.peak_mb:.0f} MB (check-jsonschema {cjs_full.peak_mb:.0f} MB)",
        ),
    ]
    for name, ok, detail in targets:
        print(f"- [{'x' if ok else ' '}] {name}: {detail}")

    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "files": {"full": files_full, "half": files_half},
                    "results": {
                        r.label: {"median": r.median, "best": r.best, "peak_mb": r.peak_mb} for r in results
                    },
                    "targets": {name: ok for name, ok, _ in targets},
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    if not all(ok for _, ok, _ in targets):
        sys.exit(1)


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"\n(benchmark took {time.perf_counter() - start:.0f} s)")
