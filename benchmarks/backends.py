"""Articles per second of the backends on the same articles, in one run: local with 1 process,
local with 2 processes, and Spark in local[2] mode, with their ratios.

Each configuration runs `filon extract`'s job (read, pipeline, records, agreements linked) over
the same N articles, built from the example texts with a numbered last line so that every id
differs. Start-up is kept apart from throughput: each configuration is warmed up first on a
few other articles (the local pipeline built, the pool's workers forked, the JVM started and
every Spark Python worker holding its pipeline), then timed on the N articles.

    python benchmarks/backends.py                    # 1,000 articles
    python benchmarks/backends.py --articles 200 --json

Goals of issue 13: 2 processes >= 1.8 x one; Spark local[2] within 1.3 x of the local engine.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from filon import jobs  # noqa: E402  (the checkout, not an installed copy)
from filon.backends.local import LocalBackend  # noqa: E402
from filon.ingest import iter_articles  # noqa: E402

_FILES = 8  # input files, so Spark reads in parallel as it would from an archive


def write_articles(directory: Path, n: int, offset: int = 0) -> Path:
    """N French articles as JSON Lines files: the example texts, each copy with its own number."""
    examples = [a for a in iter_articles([ROOT / "examples"])
                if not isinstance(a, Exception) and a.lang == "fr"]
    directory.mkdir(parents=True, exist_ok=True)
    parts: list[list[str]] = [[] for _ in range(_FILES)]
    for i in range(n):
        base = examples[i % len(examples)]
        line = {"text": f"{base.text}\n\n(Dépêche n° {offset + i + 1}.)", "lang": "fr",
                "title": base.title, "outlet": base.outlet, "published": base.published}
        parts[i % _FILES].append(json.dumps(line, ensure_ascii=False) + "\n")
    for k, lines in enumerate(parts):
        (directory / f"part-{k}.jsonl").write_text("".join(lines), encoding="utf-8")
    return directory


def _timed(run, inputs: Path) -> tuple[float, int]:
    start = time.perf_counter()
    report = run(inputs)
    seconds = time.perf_counter() - start
    if report.failed:
        raise SystemExit(f"{len(report.failed)} articles failed: {report.failed[0]}")
    return seconds, report.new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles per configuration")
    parser.add_argument("--warmup", type=int, default=16, help="articles of each warm-up run")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="filon-bench-backends-") as tmp:
        inputs = write_articles(Path(tmp) / "in", args.articles)
        warm = write_articles(Path(tmp) / "warm", args.warmup, offset=args.articles)
        results = []

        def measure(name: str, run, start_up: float) -> None:
            seconds, n = _timed(run, inputs)
            results.append({"config": name, "articles": n, "seconds": round(seconds, 2),
                            "articles_per_s": round(n / seconds, 3),
                            "start_up_s": round(start_up, 2)})
            print(f"{name}: {n / seconds:.2f} articles/s", file=sys.stderr)

        for processes in (1, 2):
            backend = LocalBackend(model=args.model, batch_size=args.batch_size, n_process=processes)

            def local(paths: Path, backend: LocalBackend = backend):
                return jobs.extract([paths], io.StringIO(), backend)

            start = time.perf_counter()
            _timed(local, warm)
            measure(f"local, {processes} process{'es' if processes > 1 else ''}", local,
                    time.perf_counter() - start)

        from filon.backends.spark import SparkBackend

        with SparkBackend(master="local[2]", model=args.model, batch_size=args.batch_size,
                          config={"spark.ui.showConsoleProgress": "false"}) as spark:

            def on_spark(paths: Path):
                return jobs.spark_extract([paths], io.StringIO(), spark)

            start = time.perf_counter()
            spark.session()
            # one task per core, twice, so both Python workers have built their pipeline
            _timed(on_spark, warm)
            _timed(on_spark, warm)
            measure("spark local[2]", on_spark, time.perf_counter() - start)

    one, two, spark_rate = (r["articles_per_s"] for r in results)
    ratios = {"local 2 / local 1": round(two / one, 3),
              "spark local[2] / local 1": round(spark_rate / one, 3),
              "spark local[2] / local 2": round(spark_rate / two, 3)}
    if args.json:
        print(json.dumps({"model": args.model, "results": results, "ratios": ratios}, indent=2))
        return
    print(f"model {args.model}, {args.articles} articles, batch {args.batch_size}")
    print(f"{'config':<20}{'articles/s':>12}{'seconds':>10}{'start-up s':>12}")
    for r in results:
        print(f"{r['config']:<20}{r['articles_per_s']:>12}{r['seconds']:>10}{r['start_up_s']:>12}")
    for name, value in ratios.items():
        print(f"{name}: {value:.2f}x")


if __name__ == "__main__":
    main()
