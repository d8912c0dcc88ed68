"""Adding 50 articles to an empty store and to a 40,000-article store, in one run (issue 13).

`filon ingest` of the same 50 articles (variants of the French examples, through the pipeline)
into (a) an empty store and (b) a large store built without the pipeline: copies of the examples'
records under new ids, their parties renamed per copy and their dates moved years back, so the
large store holds thousands of agreements of realistic size and the new articles are the newest;
the words of each copy's text are shuffled, so the store holds 40,000 distinct texts rather than
4,000 wire copies of each example (the records' offsets no longer match, which nothing reads).
Each ingest runs in its own process (peak RSS is per process), the two alternating for
`--rounds` rounds on fresh copies of the stores; the ratios are medians over the rounds.

    python benchmarks/incremental_linking.py                 # 40,000 articles, 3 rounds
    python benchmarks/incremental_linking.py --store-docs 4000 --rounds 1 --json

Goal: time and peak memory of (b) ≤ 1.1 × (a). Peak memory is the highest RSS sampled during
the ingest (the model is loaded before it), and what the ingest adds to the RSS it started with.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_YEAR = re.compile(r"^(\d{4})(?=-|$)")


def _french_examples():
    from filon.ingest import iter_articles

    return [a for a in iter_articles([ROOT / "examples"]) if not isinstance(a, Exception) and a.lang == "fr"]


def write_new_articles(path: Path, n: int) -> None:
    """`n` distinct articles: the French examples, each with a short update line appended."""
    examples = _french_examples()
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            a = examples[i % len(examples)]
            text = f"{a.text}\n\nMise à jour n° {i + 1} : la dépêche a été complétée."
            out.write(json.dumps({"text": text, "title": a.title, "published": a.published,
                                  "outlet": a.outlet}, ensure_ascii=False) + "\n")


def _shift(value: object, years: int) -> object:
    if isinstance(value, str):
        match = _YEAR.match(value)
        return _YEAR.sub(str(int(match.group(1)) - years), value, count=1) if match else value
    return value


def _synthetic(record: dict, copy_id: str, epoch: int) -> dict:
    """A copy of `record`: new id, parties renamed for its epoch, dates moved years back."""
    years = 1 + epoch % 20
    record = copy.deepcopy(record)
    record["id"] = copy_id
    record["published"] = _shift(record.get("published"), years)
    for event in record.get("events") or []:
        event["date"] = _shift(event.get("date"), years)
        for party in event.get("parties") or []:
            party["name"] = f"{party['name']} {epoch}"
            party["id"] = f"{party.get('id')}-{epoch}"
    for item in record.get("dates") or []:
        item["value"] = _shift(item.get("value"), years)
    return record


def build_store(db: Path, docs: int, batch: int = 480) -> dict:
    """The large store, written batch by batch as `filon ingest` does (pipeline run once)."""
    from filon.backends.local import LocalBackend
    from filon.store import Store

    pairs = list(LocalBackend().run(_french_examples()))
    start = time.perf_counter()
    with Store(db) as store:
        for offset in range(0, docs, batch):
            rows = []
            for i in range(offset, min(offset + batch, docs)):
                article, record = pairs[i % len(pairs)]
                copy_id = f"synthetic:{i:08d}"
                record = _synthetic(record, copy_id, i // len(pairs))
                words = article.text.split()
                random.Random(i).shuffle(words)
                rows.append((dataclasses.replace(article, id=copy_id, published=record["published"],
                                                 text=" ".join(words)), record))
            store.write_batch(rows)
            store.refresh_agreements()
        counts = store.counts()
    return {"build_s": round(time.perf_counter() - start, 1), **counts}


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


class _RssPeak(threading.Thread):
    """The highest resident set size seen while the ingest runs (sampled every 10 ms): the
    process's own peak (`ru_maxrss`) is set by loading the model, before the ingest."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = _rss_mb()
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.01):
            self.peak = max(self.peak, _rss_mb())


def measure(db: str, articles: str) -> dict:
    """One ingest in this process: wall time and the peak RSS it adds, linking time apart."""
    from filon import jobs
    from filon.backends.local import LocalBackend
    from filon.store import Store

    backend = LocalBackend()
    list(backend.run(_french_examples()[:1]))  # load the model outside the timing
    linking = [0.0]
    original = Store.refresh_agreements

    def timed(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            linking[0] += time.perf_counter() - start

    Store.refresh_agreements = timed
    before = _rss_mb()
    sampler = _RssPeak()
    sampler.start()
    start = time.perf_counter()
    report = jobs.ingest([articles], db, backend)
    seconds = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    peak = max(sampler.peak, _rss_mb())
    return {"seconds": seconds, "linking_s": linking[0], "peak_rss_mb": peak,
            "added_rss_mb": peak - before, "new": report.new, "agreements": report.agreements}


def _run_child(db: Path, articles: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(db), str(articles)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store-docs", type=int, default=40_000, help="articles in the large store")
    parser.add_argument("--new", type=int, default=50, help="articles added")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        print(json.dumps(measure(*args.child)))
        return
    with tempfile.TemporaryDirectory(prefix="filon-bench-linking-") as tmp:
        tmp_path = Path(tmp)
        articles = tmp_path / "new.jsonl"
        write_new_articles(articles, args.new)
        large = tmp_path / "large.duckdb"
        built = build_store(large, args.store_docs)
        print(f"large store: {args.store_docs} articles, {built['agreements']} agreements, "
              f"built in {built['build_s']} s", file=sys.stderr)
        runs: dict[str, list[dict]] = {"empty": [], "large": []}
        for r in range(args.rounds):
            # alternate which goes first, so a slow spell of a shared machine hits both alike
            for kind in (("empty", "large") if r % 2 == 0 else ("large", "empty")):
                db = tmp_path / f"{kind}-{r}.duckdb"
                if kind == "large":
                    shutil.copy(large, db)
                runs[kind].append(_run_child(db, articles))
                db.unlink()
                print(f"round {r + 1} {kind}: {runs[kind][-1]['seconds']:.2f} s", file=sys.stderr)

    def med(kind: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[kind])

    pairs = list(zip(runs["empty"], runs["large"], strict=True))
    result = {
        "store_docs": args.store_docs, "new": args.new, "rounds": args.rounds,
        "store_agreements": built["agreements"],
        **{f"{kind}_{key}": round(med(kind, key), 3) for kind in runs
           for key in ("seconds", "linking_s", "peak_rss_mb", "added_rss_mb")},
        "time_ratio": round(statistics.median(b["seconds"] / a["seconds"] for a, b in pairs), 3),
        "peak_rss_ratio": round(statistics.median(b["peak_rss_mb"] / a["peak_rss_mb"] for a, b in pairs), 3),
        "added_rss_ratio": round(statistics.median(
            b["added_rss_mb"] / max(a["added_rss_mb"], 1.0) for a, b in pairs), 3),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{args.new} articles into an empty store vs a {args.store_docs}-article store "
          f"({built['agreements']} agreements), median of {args.rounds} rounds")
    print(f"{'store':<8}{'ingest s':>10}{'linking s':>11}{'peak RSS MB':>13}{'added RSS MB':>14}")
    for kind in ("empty", "large"):
        print(f"{kind:<8}{med(kind, 'seconds'):>10.2f}{med(kind, 'linking_s'):>11.3f}"
              f"{med(kind, 'peak_rss_mb'):>13.1f}{med(kind, 'added_rss_mb'):>14.1f}")
    print(f"time large/empty {result['time_ratio']} · peak RSS during the ingest large/empty "
          f"{result['peak_rss_ratio']} (goal ≤ 1.1 each) · RSS the ingest adds large/empty "
          f"{result['added_rss_ratio']}")


if __name__ == "__main__":
    main()
