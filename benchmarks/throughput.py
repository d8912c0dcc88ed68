"""Throughput of the filon pipeline against bare `nlp.pipe` of the same spaCy model.

Speed: the configurations run in one process on the same texts, cut into chunks of 16 docs;
each chunk is run by every configuration in a row (bare, filon without quotes, filon, in an
order that rotates), so that drift of a shared machine hits the runs of a pair alike; each
ratio is the median over all pairs of bare time / configuration time.
Memory: each configuration also runs once in its own subprocess, for its own peak RSS.
Run it on a quiet machine: the two cores of a laptop or CI runner are easily shared.

    python benchmarks/throughput.py                 # examples/ + ../shared/corpus, 120 docs, 3 rounds
    python benchmarks/throughput.py --docs 240 --rounds 5 --model fr_core_news_sm --json

The second configuration gives the cost of the quote component (issue 3: at most +10 %).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
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


def _runner(config: str, model: str, batch_size: int):
    """A function that runs one configuration over some texts and returns the token count."""
    if CONFIGS[config] is None:
        import spacy

        nlp = spacy.load(model)
        list(nlp.pipe(load_texts(4)))  # warm-up
        return lambda texts: sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    from filon.ingest.article import Article
    from filon.pipeline import build_pipeline, process

    nlp = build_pipeline(model, CONFIGS[config])
    list(process(nlp, [Article(text=t, published="2025-02-24", lang="fr") for t in load_texts(4)]))

    def run(texts: list[str]) -> int:
        articles = [Article(text=t, published="2025-02-24", lang="fr") for t in texts]
        return sum(len(doc) for _, doc in process(nlp, articles, batch_size=batch_size))

    return run


def speed(model: str, n_docs: int, batch_size: int, rounds: int, chunk: int) -> list[dict]:
    """Paired timing of every configuration in this process.

    The texts are cut into chunks of `chunk` docs; every configuration runs on a chunk right
    after the others did (in an order that rotates from chunk to chunk), so that a slower
    spell of a shared machine, which lasts seconds, hits the configurations of a pair alike.
    The ratio to bare spaCy is the median over all pairs.
    """
    texts = load_texts(n_docs)
    runners = {config: _runner(config, model, batch_size) for config in CONFIGS}
    names = list(CONFIGS)
    seconds: dict[str, list[float]] = {config: [] for config in CONFIGS}
    tokens = dict.fromkeys(CONFIGS, 0)
    pieces = [texts[i : i + chunk] for i in range(0, len(texts), chunk)]
    for r in range(rounds):
        for k, piece in enumerate(pieces):
            shift = (r * len(pieces) + k) % len(names)
            for config in names[shift:] + names[:shift]:
                start = time.perf_counter()
                count = runners[config](piece)
                seconds[config].append(time.perf_counter() - start)
                if r == 0:
                    tokens[config] += count
    bare = seconds["bare spaCy"]
    out = []
    for config, times in seconds.items():
        total = sum(times) / rounds
        out.append({
            "config": config, "docs": n_docs, "tokens": tokens[config], "rounds": rounds,
            "pairs": len(times), "seconds_per_round": round(total, 3),
            "docs_per_s": round(n_docs / total, 2), "tokens_per_s": round(tokens[config] / total, 1),
            "ratio_vs_bare": round(statistics.median(b / t for b, t in zip(bare, times, strict=True)), 3),
            "ratio_of_totals": round(sum(bare) / sum(times), 3),
        })
    return out


def peak_rss(config: str, model: str, n_docs: int, batch_size: int) -> float:
    """Peak RSS (MB) of one configuration run alone (called in a subprocess)."""
    _runner(config, model, batch_size)(load_texts(n_docs))
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=120, help="documents per round")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--chunk", type=int, default=16, help="documents per timed pair")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--rss", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss:
        print(peak_rss(args.rss, args.model, args.docs, args.batch_size))
        return
    # memory first: a child's ru_maxrss starts from its parent's high-water mark on Linux, so
    # the children must run before this process loads any pipeline
    rss = {}
    for config in CONFIGS:
        out = subprocess.run(
            [sys.executable, __file__, "--rss", config, "--docs", str(args.docs),
             "--model", args.model, "--batch-size", str(args.batch_size)],
            check=True, capture_output=True, text=True, cwd=ROOT,
        )
        rss[config] = float(out.stdout.strip().splitlines()[-1])
    results = speed(args.model, args.docs, args.batch_size, args.rounds, args.chunk)
    for r in results:
        r["peak_rss_mb"] = rss[r["config"]]
    quotes_cost = round(results[2]["seconds_per_round"] / results[1]["seconds_per_round"] - 1, 3)
    if args.json:
        print(json.dumps({"model": args.model, "results": results,
                          "quotes_time_overhead": quotes_cost}, indent=2))
        return
    print(f"model {args.model}, {args.docs} docs x {args.rounds} rounds, pairs of {args.chunk} docs, "
          f"batch {args.batch_size}")
    print(f"{'config':<22}{'docs/s':>9}{'tokens/s':>11}{'peak RSS MB':>13}{'vs bare':>9}{'totals':>8}")
    for r in results:
        print(f"{r['config']:<22}{r['docs_per_s']:>9}{r['tokens_per_s']:>11}"
              f"{r['peak_rss_mb']:>13}{r['ratio_vs_bare']:>9}{r['ratio_of_totals']:>8}")
    print("vs bare: median over pairs of bare time / config time; totals: ratio of summed times")
    print(f"filon_quotes adds {quotes_cost:+.1%} to pipeline time")


if __name__ == "__main__":
    main()
