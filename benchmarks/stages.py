"""Where the time of `kngg check` on a set of regions goes, stage by stage and rule by rule (CPU
time, best of --repeat runs, in this process): for finding what to make faster, not for the
README's figures (those come from run.py, in fresh processes).

    python benchmarks/stages.py benchmarks/national/full --repeat 3
"""

from __future__ import annotations

import argparse
import gc
import time
from collections import defaultdict
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()

    from kngg_cli.loading.files import find_region_roots
    from kngg_cli.loading.region import load_region
    from kngg_cli.model.document import build_documents
    from kngg_cli.regionview import RegionView
    from kngg_cli.rules import registered_rules

    rules = registered_rules()
    roots = find_region_roots(args.folder)
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    gc.disable()
    for _ in range(args.repeat):
        spent: dict[str, float] = defaultdict(float)
        for root in roots:
            started = time.process_time()
            loaded = load_region(root)
            loaded_at = time.process_time()
            documents = build_documents(loaded)
            built_at = time.process_time()
            view = RegionView(root, loaded.files, documents, date(2026, 11, 23))
            spent["load"] += loaded_at - started
            spent["models"] += built_at - loaded_at
            for code, function in rules.items():
                before = time.process_time()
                list(function(view))
                spent[f"rule {code}"] += time.process_time() - before
            gc.collect()
        for name, seconds in spent.items():
            best[name] = min(best[name], seconds)
    rules_total = sum(v for k, v in best.items() if k.startswith("rule "))
    print(f"load {best['load']:.3f} s, models {best['models']:.3f} s, rules {rules_total:.3f} s")
    ranked = sorted(((v, k) for k, v in best.items() if k.startswith("rule ")), reverse=True)
    for seconds, name in ranked[: args.top]:
        print(f"  {name}: {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
