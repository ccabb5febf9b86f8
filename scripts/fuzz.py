"""Run the command-line fuzzer long: `python scripts/fuzz.py --cases 10000` (nice it; CPU-heavy).

Prints progress and, at the end, the number of cases, the exit codes seen and every distinct broken
promise with the first case that broke it (the run goes on after one, so that one bug does not
hide the others). Exit 0 when none was broken, 1 otherwise.
See tests/fuzzkit.py for what is mutated and what is asserted.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from hypothesis import HealthCheck, given, seed, settings

import fuzzkit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="how many cases to run")
    parser.add_argument("--seed", type=int, default=None, help="a seed, to run the same cases again")
    options = parser.parse_args()
    fuzzkit.isolate_environment()
    codes: collections.Counter[int] = collections.Counter()
    commands: collections.Counter[str] = collections.Counter()
    broken: collections.Counter[str] = collections.Counter()
    started = time.monotonic()

    @settings(
        max_examples=options.cases,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=True,
    )
    @given(fuzzkit.cases)
    def fuzz(case: dict[str, object]) -> None:
        try:
            code, shown = fuzzkit.run_case(case)
        except fuzzkit.Broken as error:
            text = str(error)
            key = text.split("\n")[0][:160]
            if key not in broken:
                print(f"BROKEN: {text}\n  case: {case!r}"[:4000], flush=True)
            broken[key] += 1
            code, shown = -1, text
        codes[code] += 1
        commands[shown.split(" (")[0].split("{")[0].strip()] += 1
        total = sum(codes.values())
        if total % 500 == 0:
            rate = total / (time.monotonic() - started)
            print(f"{total} cases ({rate:.1f}/s), exit codes {dict(codes)}", flush=True)

    (fuzz if options.seed is None else seed(options.seed)(fuzz))()
    failed = bool(broken)
    total = sum(codes.values())
    print(
        f"done: {total} cases in {time.monotonic() - started:.0f} s; exit codes {dict(sorted(codes.items()))}"
    )
    for command, count in commands.most_common():
        print(f"  {count:6d}  {command}")
    for key, count in broken.most_common():
        print(f"  broken {count:5d}x  {key}")
    print(
        f"RESULT: {sum(broken.values())} broken cases ({len(broken)} distinct); "
        + (
            "promises broken (see above)"
            if failed
            else "no traceback, no exit code outside 0/1/2, no changed file after a refusal"
        )
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
