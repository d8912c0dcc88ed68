"""Share of pipeline time per component (model and filon), on the same texts as throughput.py.

Each component runs over all docs before the next one starts, so the figures are its own:

    python benchmarks/components.py --docs 48
"""

from __future__ import annotations

import argparse
import time

from throughput import load_texts

from filon.ingest.article import Article
from filon.pipeline import DEFAULT_MODEL, build_pipeline, make_doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=48)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    nlp = build_pipeline(args.model)
    articles = [Article(text=t, published="2025-02-24", lang="fr") for t in load_texts(args.docs)]
    start = time.perf_counter()
    docs = [make_doc(nlp, a) for a in articles]
    times = {"tokenizer": time.perf_counter() - start}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.perf_counter() - start
    total = sum(times.values())
    filon = sum(v for k, v in times.items() if k.startswith("filon_"))
    for name, seconds in times.items():
        print(f"{name:20s}{seconds:8.3f}s{seconds / total:8.1%}")
    print(f"{'filon components':20s}{filon:8.3f}s{filon / total:8.1%}"
          f"   -> at most {1 - filon / total:.3f}x bare spaCy")


if __name__ == "__main__":
    main()
