"""Cost of storing records in DuckDB, against the cost of extracting them, in one run.

The examples are run through the pipeline once (that time per article is the yardstick);
their records are then copied under new ids up to `--docs` articles and written in batches
of 64, as `filon ingest` does, and the agreements are relinked over the whole store:

    python benchmarks/store.py                 # 2000 articles
    python benchmarks/store.py --docs 10000 --json
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="articles to store")
    parser.add_argument("--batch", type=int, default=64, help="articles per transaction")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from filon.backends.local import LocalBackend
    from filon.ingest import iter_articles
    from filon.store.duckdb_store import Store

    articles = [a for a in iter_articles([ROOT / "examples"])
                if not isinstance(a, Exception) and a.lang == "fr"]
    backend = LocalBackend()
    list(backend.run(articles[:1]))  # load the model outside the timing
    start = time.perf_counter()
    pairs = list(backend.run(articles))
    extract_per_doc = (time.perf_counter() - start) / len(pairs)

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        write = 0.0
        for offset in range(0, args.docs, args.batch):
            batch = []
            for i in range(offset, min(offset + args.batch, args.docs)):
                article, record = pairs[i % len(pairs)]
                copy_id = f"{article.id[:40]}{i:024d}"
                record = {**copy.deepcopy(record), "id": copy_id}
                batch.append((dataclasses.replace(article, id=copy_id), record))
            start = time.perf_counter()
            store.write_batch(batch)
            write += time.perf_counter() - start
        start = time.perf_counter()
        agreements = store.refresh_agreements()
        refresh = time.perf_counter() - start
        counts = store.counts()
    result = {
        "docs": args.docs, "rows": sum(v for k, v in counts.items() if k != "agreements"),
        "extract_ms_per_doc": round(extract_per_doc * 1000, 1),
        "write_ms_per_doc": round(write / args.docs * 1000, 2),
        "write_vs_extract": round(write / args.docs / extract_per_doc, 4),
        "refresh_agreements_s": round(refresh, 2), "agreements": agreements,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{args.docs} articles, {result['rows']} rows, batches of {args.batch}")
    print(f"extract {result['extract_ms_per_doc']} ms/article · "
          f"store {result['write_ms_per_doc']} ms/article ({result['write_vs_extract']:.1%} of extraction)")
    print(f"relink agreements over the store: {result['refresh_agreements_s']} s ({agreements} agreements)")


if __name__ == "__main__":
    main()
