"""Time `kngg` side by side with its yardsticks, and check the targets of issue 13.

    python benchmarks/run.py [--repeat 5] [--json numbers.json]

Generates the national set (benchmarks/generate.py, "nat1") under benchmarks/national/ (git-ignored)
and 4 and 10 copies of it side by side. Then times, in a fresh process every run, round-robin so
that a busy moment hits all commands alike (median and best wall-clock time, peak memory):

- `kngg check` on one example region, cold (--no-cache) and from the result cache, against
  `python -c "import pydantic"`;
- `kngg check` on nat1 against `check-jsonschema --schemafile <kngg schema>` on the same files
  (which does less: schema only, no references, privacy or gates);
- `kngg check --ignore R012` on 1x, 4x and 10x the files (the copies share their gemeenten, which
  R012 would report in every region), for the time per file and the peak memory;
- `kngg --version`, `kngg --help`, `kngg check --help` against `check-jsonschema --version`;
- `kngg lsp`: from a change in the editor to the diagnostics for it (benchmarks/lsp_latency.py).

Prints Markdown tables (the figures in the README) and exits 1 when a target is missed.
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
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, usage.ru_maxrss, code, usage.ru_utime + usage.ru_stime)
"""


@dataclass
class Timing:
    label: str
    times: list[float]
    peak_kb: int
    exit_codes: set[int]
    cpu: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

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


# As on a user's machine: Python writes its bytecode caches (a shell that sets
# PYTHONDONTWRITEBYTECODE would make every run compile kngg from source, a third of a cold check).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(argv: list[str]) -> tuple[float, int, int, float]:
    """Run argv in a fresh measuring process: wall time, peak RSS (KB; of the largest process, when
    kngg checks with worker processes), exit code and CPU time (all processes) of argv."""
    env = {**_ENV, "NO_COLOR": "1", "KNGG_TODAY": TODAY}
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2]), float(out[3])


def measure_all(commands: list[tuple[str, list[str], int]], repeat: int) -> list[Timing]:
    """Round-robin: every command once per round, so that a busy moment hits all of them alike."""
    timings = [Timing(label, [], 0, set(), []) for label, _, _ in commands]
    for _, argv, _ in commands:  # once each first: bytecode caches written, files in the page cache
        run_once(argv)
    for round_number in range(repeat * max(weight for _, _, weight in commands)):
        for timing, (_, argv, weight) in zip(timings, commands, strict=True):
            if round_number < repeat * weight:
                elapsed, peak, code, cpu = run_once(argv)
                timing.times.append(elapsed)
                timing.cpu.append(cpu)
                timing.peak_kb = max(timing.peak_kb, peak)
                timing.exit_codes.add(code)
    return timings


def yaml_files(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*.yaml"))


EXAMPLE = HERE.parent / "examples" / "regio-flevoland"


def copies(source: Path, target: Path, count: int) -> int:
    """`count` copies of the set side by side (the same gemeenten in each copy: R012 is ignored)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for number in range(1, count + 1):
        shutil.copytree(source, target / f"kopie-{number}")
    return len(yaml_files(target))


def lsp_latency(changes: int) -> dict[str, float]:
    argv = [sys.executable, str(HERE / "lsp_latency.py"), str(EXAMPLE), "--changes", str(changes)]
    done = subprocess.run(
        argv, capture_output=True, text=True, check=True, env={**os.environ, "NO_COLOR": "1"}
    )
    return dict(json.loads(done.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "national")
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON to this file")
    args = parser.parse_args()

    kngg, cjs = tool("kngg"), tool("check-jsonschema")
    full = args.out / "full"
    regions_full, gemeenten_full, files_full = generate(full, 1.0)
    files_4, files_10 = copies(full, args.out / "x4", 4), copies(full, args.out / "x10", 10)
    schema = args.out / "kngg.schema.json"
    subprocess.run([kngg, "schema", "--output", str(schema)], check=True)
    size_mb = sum(Path(f).stat().st_size for f in yaml_files(full)) / 1024 / 1024
    # the result cache of this run, apart from the user's: warmed once for the cached measurement
    os.environ["KNGG_CACHE_DIR"] = str(args.out / "cache")
    subprocess.run(
        [kngg, "check", str(EXAMPLE)], capture_output=True, env={**os.environ, "KNGG_TODAY": TODAY}
    )

    repeat = args.repeat
    cjs_full_argv = [cjs, "--schemafile", str(schema), *yaml_files(full)]
    growth = ["--no-cache", "--ignore", "R012"]
    results = measure_all(
        [
            ('python -c "import pydantic"', [sys.executable, "-c", "import pydantic"], 3),
            ("kngg check (example region, cold)", [kngg, "check", "--no-cache", str(EXAMPLE)], 3),
            ("kngg check (example region, from the cache)", [kngg, "check", str(EXAMPLE)], 3),
            ("kngg check (nat1)", [kngg, "check", "--no-cache", str(full)], 1),
            ("check-jsonschema --schemafile (nat1)", cjs_full_argv, 1),
            ("kngg check (1x)", [kngg, "check", *growth, str(full)], 1),
            ("kngg check (4x)", [kngg, "check", *growth, str(args.out / "x4")], 1),
            ("kngg check (10x)", [kngg, "check", *growth, str(args.out / "x10")], 1),
            ("kngg --version", [kngg, "--version"], 2),
            ("kngg --help", [kngg, "--help"], 2),
            ("kngg check --help", [kngg, "check", "--help"], 2),
            ("check-jsonschema --version", [cjs, "--version"], 2),
        ],
        repeat,
    )
    by = {r.label: r for r in results}
    latency = lsp_latency(40)

    print(
        f"Set nat1: {regions_full} regions, {gemeenten_full} gemeenten, {files_full} YAML files "
        f"({size_mb:.2f} MB); 4x: {files_4} files; 10x: {files_10} files. "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, repeat {repeat}."
    )
    print()
    print("| command | median (s) | best (s) | CPU, median (s) | peak memory (MB) | exit |")
    print("|---|---:|---:|---:|---:|---|")
    for r in results:
        codes = ",".join(str(c) for c in sorted(r.exit_codes))
        print(
            f"| `{r.label}` | {r.median:.3f} | {r.best:.3f} | {r.cpu_median:.3f} "
            f"| {r.peak_mb:.0f} | {codes} |"
        )
    print(
        f"| `kngg lsp`: change to publishDiagnostics (median of 40, p90) | {latency['median_ms'] / 1000:.3f} "
        f"| {latency['p90_ms'] / 1000:.3f} (p90) | | | |"
    )
    print()

    pydantic, cold = by['python -c "import pydantic"'], by["kngg check (example region, cold)"]
    cached = by["kngg check (example region, from the cache)"]
    nat1, cjs_nat1 = by["kngg check (nat1)"], by["check-jsonschema --schemafile (nat1)"]
    one, four, ten = by["kngg check (1x)"], by["kngg check (4x)"], by["kngg check (10x)"]
    check_help, cjs_version = by["kngg check --help"], by["check-jsonschema --version"]
    per_file_4 = (four.median / files_4) / (one.median / files_full)
    per_file_10 = (ten.median / files_10) / (one.median / files_full)
    targets = [
        (
            '`kngg check` cold, one example region: at most 3x `python -c "import pydantic"`',
            cold.median / pydantic.median,
            3.0,
        ),
        ("`kngg check` from the cache: at most 0.15x the cold run", cached.median / cold.median, 0.15),
        ("`kngg lsp`: a change re-checked and published within 50 ms", latency["median_ms"], 50.0),
        ("nat1: at most 0.2x check-jsonschema's schema-only pass", nat1.median / cjs_nat1.median, 0.2),
        ("growth 1x to 4x the files: at most 1.05x the time per file", per_file_4, 1.05),
        ("growth 1x to 10x the files: at most 1.05x the time per file", per_file_10, 1.05),
        ("peak memory at 10x: at most 1.5x the peak at 1x", ten.peak_mb / one.peak_mb, 1.5),
        (
            "`kngg check --help`: at most 0.5x check-jsonschema's `--version`",
            check_help.median / cjs_version.median,
            0.5,
        ),
    ]
    print("| target | measured | limit | met |")
    print("|---|---:|---:|:-:|")
    for name, value, limit in targets:
        print(f"| {name} | {value:.2f} | {limit:.2f} | {'yes' if value <= limit else '**no**'} |")

    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "files": {"nat1": files_full, "x4": files_4, "x10": files_10},
                    "results": {
                        r.label: {
                            "median": r.median,
                            "best": r.best,
                            "cpu": r.cpu_median,
                            "peak_mb": r.peak_mb,
                        }
                        for r in results
                    },
                    "lsp": latency,
                    "targets": {name: {"measured": value, "limit": limit} for name, value, limit in targets},
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    if not all(value <= limit for _, value, limit in targets):
        sys.exit(1)


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"\n(benchmark took {time.perf_counter() - start:.0f} s)")
