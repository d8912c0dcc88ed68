"""Articles per second of the backends on the same articles, in one run: local with 1 process,
local with 2 processes, and Spark in local[2] mode, with their ratios.

Each configuration runs `filon extract`'s job (read, pipeline, records, agreements linked) over
the same N articles, built from the example texts with a numbered last line so that every id
differs. Start-up is kept apart from throughput: each configuration is warmed up first on a
few other articles (the local pipeline built, the pool's workers forked, the JVM started and
every Spark Python worker holding its pipeline), then timed on the N articles.

    python benchmarks/backends.py                    # 1,000 articles
    python benchmarks/backends.py --articles 200 --json
    python benchmarks/backends.py --articles 200 --no-spark

Goals of issue 13: 2 processes >= 1.8 x one; Spark local[2] within 1.3 x of the local engine.
On a machine whose cores are shared, the wall-clock ratio says how much CPU the other jobs left;
the CPU seconds (this process, and its worker processes) say what the work itself costs, and
`cpu bound` is the ratio two free cores would give: one process's CPU seconds over half of the
two-process run's (parent and workers spread evenly over two cores).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import threading
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


class _ChildCpu(threading.Thread):
    """CPU seconds of this process's worker processes, read from /proc every 50 ms (a pool's
    workers may exit before they are reaped, so `RUSAGE_CHILDREN` would miss them)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.seen: dict[str, float] = {}
        self.done = threading.Event()

    def sample(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        for pid in (p for p in os.listdir("/proc") if p.isdigit()):
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                self.seen[pid] = (int(fields[11]) + int(fields[12])) / tick

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.sample()

    def stop(self) -> float:
        self.done.set()
        self.join()
        self.sample()
        return sum(self.seen.values())


def _timed(run, inputs: Path) -> tuple[float, int, float, float]:
    """Wall seconds, articles, CPU seconds of this process and of the workers it started."""
    children = _ChildCpu() if Path("/proc/self/stat").exists() else None
    if children:
        children.sample()
        before = dict(children.seen)
        children.start()
    cpu = time.process_time()
    start = time.perf_counter()
    report = run(inputs)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    workers = children.stop() - sum(before.values()) if children else float("nan")
    if report.failed:
        raise SystemExit(f"{len(report.failed)} articles failed: {report.failed[0]}")
    return seconds, report.new, cpu, workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles per configuration")
    parser.add_argument("--warmup", type=int, default=16, help="articles of each warm-up run")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--no-spark", action="store_true", help="local backends only")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="filon-bench-backends-") as tmp:
        inputs = write_articles(Path(tmp) / "in", args.articles)
        warm = write_articles(Path(tmp) / "warm", args.warmup, offset=args.articles)
        results = []

        def measure(name: str, run, start_up: float) -> None:
            seconds, n, cpu, workers = _timed(run, inputs)
            results.append({"config": name, "articles": n, "seconds": round(seconds, 2),
                            "articles_per_s": round(n / seconds, 3),
                            "start_up_s": round(start_up, 2), "cpu_s": round(cpu, 2),
                            "workers_cpu_s": round(workers, 2)})
            print(f"{name}: {n / seconds:.2f} articles/s, CPU {cpu:.1f} s + workers "
                  f"{workers:.1f} s", file=sys.stderr)

        for processes in (1, 2):
            backend = LocalBackend(model=args.model, batch_size=args.batch_size, n_process=processes)

            def local(paths: Path, backend: LocalBackend = backend):
                return jobs.extract([paths], io.StringIO(), backend)

            start = time.perf_counter()
            _timed(local, warm)
            measure(f"local, {processes} process{'es' if processes > 1 else ''}", local,
                    time.perf_counter() - start)

        if args.no_spark:
            _report(args, results)
            return
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

    _report(args, results)


def _report(args: argparse.Namespace, results: list[dict]) -> None:
    rates = [r["articles_per_s"] for r in results]
    one, two = results[0], results[1]
    # the CPU the two-process run needs per core, if its parent and workers shared two cores
    two_cpu = (two["cpu_s"] + two["workers_cpu_s"]) / 2
    ratios = {"local 2 / local 1": round(rates[1] / rates[0], 3),
              "local 2 / local 1, cpu bound": round(one["cpu_s"] / two_cpu, 3)}
    if len(rates) > 2:
        ratios |= {"spark local[2] / local 1": round(rates[2] / rates[0], 3),
                   "spark local[2] / local 2": round(rates[2] / rates[1], 3)}
    if args.json:
        print(json.dumps({"model": args.model, "results": results, "ratios": ratios}, indent=2))
        return
    print(f"model {args.model}, {args.articles} articles, batch {args.batch_size}")
    print(f"{'config':<20}{'articles/s':>12}{'seconds':>10}{'start-up s':>12}{'CPU s':>8}"
          f"{'workers CPU s':>15}")
    for r in results:
        print(f"{r['config']:<20}{r['articles_per_s']:>12}{r['seconds']:>10}{r['start_up_s']:>12}"
              f"{r['cpu_s']:>8}{r['workers_cpu_s']:>15}")
    for name, value in ratios.items():
        print(f"{name}: {value:.2f}x")


if __name__ == "__main__":
    main()
