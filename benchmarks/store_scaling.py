"""Ingest time and peak memory against the store's size, in one run (issue 13, item 5).

The same new articles (variants of the French examples, through the pipeline) are ingested into
stores of 250, 1,000 and 4,000 articles, each built without the pipeline as
`benchmarks/incremental_linking.py` builds its large store (copies of the examples' records under
new ids, parties renamed, dates moved back, words shuffled). Each ingest runs in its own process;
the sizes take turns for `--rounds` rounds on fresh copies of the stores, and every ratio (a store
against the smallest) is the median over the rounds.

    python benchmarks/store_scaling.py                       # 250, 1,000, 4,000; 50 new; 3 rounds
    python benchmarks/store_scaling.py --sizes 250 4000 40000 --rounds 1 --json

Goal: ratios of 1.0 (within the noise of a shared machine) in time and in peak memory.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from incremental_linking import _run_child, build_store, write_new_articles  # noqa: E402

_KEYS = ("seconds", "linking_s", "peak_rss_mb", "added_rss_mb")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 4000],
                        help="articles in each store (the first is the reference)")
    parser.add_argument("--new", type=int, default=50, help="articles added")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    args = parser.parse_args()
    sizes = args.sizes
    runs: dict[int, list[dict]] = {size: [] for size in sizes}
    agreements: dict[int, int] = {}
    with tempfile.TemporaryDirectory(prefix="filon-bench-scaling-") as tmp:
        tmp_path = Path(tmp)
        articles = tmp_path / "new.jsonl"
        write_new_articles(articles, args.new)
        for size in sizes:
            built = build_store(tmp_path / f"store-{size}.duckdb", size)
            agreements[size] = built["agreements"]
            print(f"store of {size} articles: {built['agreements']} agreements, built in "
                  f"{built['build_s']} s", file=sys.stderr)
        for r in range(args.rounds):
            # each round starts with another size, so a slow spell of a shared machine is spread
            order = sizes[r % len(sizes):] + sizes[:r % len(sizes)]
            for size in order:
                db = tmp_path / f"run-{size}-{r}.duckdb"
                shutil.copy(tmp_path / f"store-{size}.duckdb", db)
                runs[size].append(_run_child(db, articles))
                db.unlink()
                print(f"round {r + 1}, {size} articles: {runs[size][-1]['seconds']:.2f} s",
                      file=sys.stderr)

    def med(size: int, key: str) -> float:
        return statistics.median(run[key] for run in runs[size])

    def ratio(size: int, key: str, floor: float = 0.0) -> float:
        pairs = zip(runs[sizes[0]], runs[size], strict=True)
        return round(statistics.median(b[key] / max(a[key], floor) for a, b in pairs), 3)

    result = {
        "new": args.new, "rounds": args.rounds,
        "stores": [{"articles": size, "agreements": agreements[size],
                    **{key: round(med(size, key), 3) for key in _KEYS},
                    "time_ratio": ratio(size, "seconds"),
                    "peak_rss_ratio": ratio(size, "peak_rss_mb"),
                    "added_rss_ratio": ratio(size, "added_rss_mb", 1.0)} for size in sizes],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{args.new} articles into stores of {', '.join(map(str, sizes))} articles, "
          f"median of {args.rounds} rounds; ratios against the store of {sizes[0]}")
    print(f"{'store':>7}{'agreements':>12}{'ingest s':>10}{'linking s':>11}{'peak RSS MB':>13}"
          f"{'added MB':>10}{'time ×':>8}{'peak ×':>8}{'added ×':>9}")
    for row in result["stores"]:
        print(f"{row['articles']:>7}{row['agreements']:>12}{row['seconds']:>10.2f}"
              f"{row['linking_s']:>11.3f}{row['peak_rss_mb']:>13.1f}{row['added_rss_mb']:>10.1f}"
              f"{row['time_ratio']:>8.2f}{row['peak_rss_ratio']:>8.2f}{row['added_rss_ratio']:>9.2f}")


if __name__ == "__main__":
    main()
