"""`filon serve`, `filon eval` and `filon doctor`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table as RichTable

from filon.cli.apps import app
from filon.cli.options import DB_OPT, DEFAULT_DB, MODEL_OPT, PACK_OPT, make_backend
from filon.cli.output import err_console, out_console, report_errors, safe, styled


@app.command()
def serve(
    db: DB_OPT = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    token_env: Annotated[str, typer.Option(help="Environment variable holding the bearer token "
                                           "that POST /api/articles requires.")] = "FILON_TOKEN",
    writable: Annotated[bool, typer.Option("--writable", help="Open the store read-write so "
                                           "POST /api/articles can ingest (other processes then "
                                           "cannot open it).")] = False,
) -> None:
    """Serve the JSON API and the web pages over the store (read-only unless --writable).

    Example:

        filon serve --db filon.duckdb    # then open http://127.0.0.1:8000/
    """
    from filon.web import serve as run

    err_console.print(f"filon serve: {db} ({'read-write' if writable else 'read-only'}) on "
                      f"http://{host}:{port}/ · API docs at /docs", highlight=False)
    run(db, host, port, writable=writable, token_env=token_env)


@app.command("eval")
def eval_command(
    articles: Annotated[Path, typer.Option(help="Articles (JSON Lines with id, text, …).")] = Path(
        "../shared/corpus/articles.jsonl"),
    gold: Annotated[Path, typer.Option(help="Gold labels (JSON Lines).")] = Path(
        "../shared/corpus/gold.jsonl"),
    model: MODEL_OPT = "fr_core_news_md",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List every miss and false hit.")] = False,
    pack: PACK_OPT = None,
) -> None:
    """Precision / recall / F1 per layer against gold labels.

    Example:

        filon eval --articles ../shared/corpus/articles.jsonl --gold ../shared/corpus/gold.jsonl
    """
    from filon.evaluation import evaluate

    scores, failed = evaluate(articles, gold, make_backend(model, 16, 1, packs=pack))
    report_errors(failed)
    if as_json:
        payload: dict[str, Any] = {"model": model, "layers": [s.as_dict() for s in scores]}
        if errors:
            payload["errors"] = [
                {"layer": e.layer, "article_id": e.article_id, "kind": e.kind, "detail": e.detail}
                for s in scores for e in s.errors]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        table = RichTable(title=f"filon eval ({model})")
        table.add_column("layer", no_wrap=True)
        for col in ("precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(col, justify="right", no_wrap=True)
        for s in scores:
            table.add_row(s.layer, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                          str(s.tp), str(s.fp), str(s.fn))
        out_console.print(table)
        for s in scores:
            if s.extra:
                figures = ", ".join(f"{k}={v:.3f}" if isinstance(v, float) and not v.is_integer()
                                    else f"{k}={v:g}" for k, v in s.extra.items())
                out_console.print(f"  {s.layer}: {figures}", markup=False)
        if errors:
            for s in scores:
                for e in s.errors:
                    out_console.print(safe(f"{e.layer}\t{e.article_id}\t{e.kind}\t{e.detail}"),
                                      markup=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def doctor(db: DB_OPT = DEFAULT_DB) -> None:
    """Check a store without changing it: schema version, tables, row counts, and that
    documents, records, events and agreements agree. Exit code 1 when a check fails.

    Example:

        filon doctor --db filon.duckdb
    """
    from filon.store.doctor import diagnose

    checks = diagnose(db)
    out_console.print(styled("filon doctor ", (db, "bold")))
    for check in checks:
        mark = ("ok  ", "green") if check.ok else ("FAIL", "bold red")
        out_console.print(styled(mark, f" {check.name}: ", (check.detail, "")), soft_wrap=True)
    if not all(check.ok for check in checks):
        raise typer.Exit(1)
