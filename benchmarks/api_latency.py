"""Latency of `filon serve` per endpoint (p50, p95) on a store of ~4,000 articles.

The store is made as benchmarks/store.py makes its own: the records of the examples are copied
under new ids (each round of copies published one day later) and written in batches of 64,
then the agreements are relinked; the pipeline never runs on the copies. The records come from
`--source` (a store of examples/, e.g. the `make demo` one) or, without it, from one
`filon ingest examples/` into a temporary store. The server is a real `filon serve` subprocess
on 127.0.0.1, timed from a keep-alive HTTP client:

    python benchmarks/api_latency.py                     # 4000 articles, 60 requests per endpoint
    python benchmarks/api_latency.py --source filon.duckdb --docs 8000 --json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIST_GOAL_MS, DOC_GOAL_MS = 100, 50


def _source_pairs(source: Path | None, tmp: Path) -> list[tuple]:
    """(Article, record) of every processed article of the source store."""
    from filon.ingest.article import Article
    from filon.store import Store

    if source is None:
        source = tmp / "examples.duckdb"
        subprocess.run([sys.executable, "-m", "filon.cli", "ingest", str(ROOT / "examples"), "--db",
                        str(source), "-q"], check=True)
    with Store(source, read_only=True) as store:
        rows = store.con.execute(
            "SELECT d.id, d.source_id, d.url, d.outlet, d.lang, d.published, d.title, d.text,"
            " d.boilerplate, r.record FROM documents d JOIN records r ON r.doc_id = d.id"
            " WHERE d.status = 'processed' ORDER BY d.id").fetchall()
    pairs = []
    for (doc_id, source_id, url, outlet, lang, published, title, text, boilerplate, record) in rows:
        article = Article(text=text, id=doc_id, title=title, url=url, outlet=outlet,
                          published=published.isoformat() if published else None, lang=lang,
                          source="benchmark", source_id=source_id,
                          boilerplate=json.loads(boilerplate) if boilerplate else [])
        pairs.append((article, json.loads(record)))
    return pairs


def build_store(db: Path, docs: int, pairs: list[tuple]) -> float:
    """Write `docs` copies of `pairs` into `db`; returns the seconds it took."""
    from filon.store import Store

    start = time.perf_counter()
    with Store(db) as store:
        for offset in range(0, docs, 64):
            batch = []
            for i in range(offset, min(offset + 64, docs)):
                article, record = pairs[i % len(pairs)]
                shift = timedelta(days=i // len(pairs))
                published = (date.fromisoformat(article.published) + shift).isoformat() \
                    if article.published else None
                copy_id = f"{article.id[:40]}{i:024d}"
                batch.append((dataclasses.replace(article, id=copy_id, published=published),
                              {**record, "id": copy_id, "published": published}))
            store.write_batch(batch, model="copy")
        store.refresh_agreements()
    return time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def endpoints(base_con) -> dict[str, list[str]]:
    """Endpoint name -> the URLs requested for it in turn (varied ids and pages)."""
    docs = [r[0] for r in base_con.execute("SELECT id FROM documents USING SAMPLE 20 ROWS").fetchall()]
    actors = [r[0] for r in base_con.execute(
        "SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL GROUP BY 1"
        " ORDER BY count(*) DESC LIMIT 10").fetchall()]
    agreements = [r[0] for r in base_con.execute("SELECT agreement_id FROM agreements").fetchall()]
    from urllib.parse import quote
    return {
        "list GET /api/agreements": ["/api/agreements", "/api/agreements?party=Kiev"],
        "list GET /api/actors": [f"/api/actors?offset={n}" for n in (0, 50, 100)] + ["/api/actors?q=pou"],
        "list GET /api/quotes": [f"/api/quotes?offset={n}" for n in (0, 500, 5000)],
        "list GET /api/quotes?speaker=Poutine": ["/api/quotes?speaker=Poutine"],
        "list GET /api/quotes?q=terres": ["/api/quotes?q=terres%20rares"],
        "list GET /api/events": ["/api/events?offset=0", "/api/events?type=agreement&party=Kiev"],
        "list GET /api/documents": [f"/api/documents?offset={n}" for n in (0, 1000, 3000)],
        "list GET /api/search": ["/api/search?q=terres%20rares", "/api/search?q=zelensky"],
        "doc GET /api/documents/{id}": [f"/api/documents/{d}" for d in docs],
        "GET /api/actors/{id}": [f"/api/actors/{quote(a, safe=':')}" for a in actors],
        "GET /api/agreements/{id}": [f"/api/agreements/{quote(a, safe=':+')}" for a in agreements],
        "page /": ["/"],
        "page /quotes": ["/quotes", "/quotes?offset=500"],
        "doc page /documents/{id}": [f"/documents/{d}" for d in docs],
        "page /actors/{id}": [f"/actors/{quote(a, safe=':')}" for a in actors],
        "page /agreements/{id}": [f"/agreements/{quote(a, safe=':+')}" for a in agreements],
    }


def measure(base: str, urls: dict[str, list[str]], requests: int) -> list[dict]:
    import httpx

    results = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, paths in urls.items():
            for path in paths:  # warm-up: first use of each query plan and page
                client.get(path).raise_for_status()
            times = []
            for n in range(requests):
                start = time.perf_counter()
                response = client.get(paths[n % len(paths)])
                times.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
            goal = {"doc": DOC_GOAL_MS, "list": LIST_GOAL_MS}.get(name.split(" ", 1)[0])
            results.append({"endpoint": name, "p50_ms": round(statistics.median(times), 1),
                            "p95_ms": round(p95, 1), "max_ms": round(times[-1], 1), "goal_ms": goal,
                            "ok": None if goal is None else p95 < goal})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=4000, help="articles in the store")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per endpoint")
    parser.add_argument("--source", type=Path, help="a store of examples/ to copy records from")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import duckdb

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "bench.duckdb"
        build_s = build_store(db, args.docs, _source_pairs(args.source, tmp))
        con = duckdb.connect(str(db), read_only=True)
        urls = endpoints(con)
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "mentions", "quotes", "events", "agreements")}
        con.close()
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "filon.cli", "serve", "--db", str(db),
                                   "--port", str(port)], stderr=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base, server)
            results = measure(base, urls, args.requests)
        finally:
            server.terminate()
            server.wait(timeout=10)
    if args.json:
        print(json.dumps({"store": counts, "build_s": round(build_s, 1), "results": results}, indent=2))
        return
    print(f"store: {counts} (built in {build_s:.1f} s) · {args.requests} requests per endpoint")
    print(f"{'endpoint':40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  goal")
    for r in results:
        goal = "" if r["goal_ms"] is None else f"p95 < {r['goal_ms']}: {'yes' if r['ok'] else 'NO'}"
        print(f"{r['endpoint']:40} {r['p50_ms']:8} {r['p95_ms']:8} {r['max_ms']:8}  {goal}")


def _wait(base: str, server: subprocess.Popen) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("filon serve exited before answering")
        try:
            if httpx.get(f"{base}/api/documents?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("filon serve did not answer within 60 s")


if __name__ == "__main__":
    main()
