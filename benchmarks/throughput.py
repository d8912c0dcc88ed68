"""Throughput of the filon pipeline against bare `nlp.pipe` of the same spaCy model.

Each configuration runs in its own subprocess (so peak RSS is its own) on the same texts, in
one invocation, and the script prints docs/s, tokens/s, peak RSS and the ratio to bare spaCy.

    python benchmarks/throughput.py                 # examples/ + ../shared/corpus, 200 docs
    python benchmarks/throughput.py --docs 500 --model fr_core_news_sm --json

Configurations: bare model; filon without `filon_quotes`; full filon. The second line gives the
cost of the quote component (issue 3 asks for at most +10 %).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {
    "bare spaCy": None,
    "filon without quotes": ["filon_boilerplate", "filon_entities", "filon_dates", "filon_events"],
    "filon": ["filon_boilerplate", "filon_entities", "filon_dates", "filon_quotes", "filon_events"],
}


def load_texts(n_docs: int) -> list[str]:
    """Texts of the example corpus and the shared corpus, cycled up to `n_docs`."""
    sys.path.insert(0, str(ROOT))
    from filon.ingest import iter_articles

    sources = [ROOT / "examples", ROOT.parent / "shared" / "corpus" / "articles.jsonl"]
    texts = [a.text for a in iter_articles([p for p in sources if p.exists()])
             if not isinstance(a, Exception) and (a.lang or "fr") == "fr"]
    if not texts:
        raise SystemExit("no texts found to benchmark")
    return [texts[i % len(texts)] for i in range(n_docs)]


def worker(config: str, model: str, n_docs: int, batch_size: int) -> dict:
    """Run one configuration and measure it (called in a subprocess)."""
    texts = load_texts(n_docs)
    if CONFIGS[config] is None:
        import spacy

        nlp = spacy.load(model)
        warm = list(nlp.pipe(texts[:4]))
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    else:
        from filon.ingest.article import Article
        from filon.pipeline import build_pipeline, process

        nlp = build_pipeline(model, CONFIGS[config])
        articles = [Article(text=t, published="2025-02-24", lang="fr") for t in texts]
        warm = list(process(nlp, articles[:4]))
        start = time.perf_counter()
        tokens = sum(len(doc) for _, doc in process(nlp, articles, batch_size=batch_size))
    elapsed = time.perf_counter() - start
    del warm
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"config": config, "docs": n_docs, "tokens": tokens, "seconds": round(elapsed, 3),
            "docs_per_s": round(n_docs / elapsed, 2), "tokens_per_s": round(tokens / elapsed, 1),
            "peak_rss_mb": round(rss_mb, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200, help="documents per configuration")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.model, args.docs, args.batch_size)))
        return
    results = []
    for config in CONFIGS:
        out = subprocess.run(
            [sys.executable, __file__, "--worker", config, "--docs", str(args.docs),
             "--model", args.model, "--batch-size", str(args.batch_size)],
            check=True, capture_output=True, text=True, cwd=ROOT,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    bare = results[0]["docs_per_s"]
    for r in results:
        r["ratio_vs_bare"] = round(r["docs_per_s"] / bare, 3)
    no_quotes = results[1]["seconds"]
    quotes_cost = round(results[2]["seconds"] / no_quotes - 1, 3)
    if args.json:
        print(json.dumps({"model": args.model, "results": results,
                          "quotes_time_overhead": quotes_cost}, indent=2))
        return
    print(f"model {args.model}, {args.docs} docs, batch {args.batch_size}")
    print(f"{'config':<22}{'docs/s':>9}{'tokens/s':>11}{'peak RSS MB':>13}{'vs bare':>9}")
    for r in results:
        print(f"{r['config']:<22}{r['docs_per_s']:>9}{r['tokens_per_s']:>11}"
              f"{r['peak_rss_mb']:>13}{r['ratio_vs_bare']:>9}")
    print(f"filon_quotes adds {quotes_cost:+.1%} to pipeline time")


if __name__ == "__main__":
    main()
