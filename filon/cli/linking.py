"""`filon query copies`, `filon query stories` and `filon relink`: wire copies, stories and the
agreement links."""

from __future__ import annotations

from typing import Annotated

import typer

from filon.cli.apps import app, query_app
from filon.cli.options import DB_OPT, DEFAULT_DB, FMT_OPT, RAW_CSV_OPT, open_store
from filon.cli.output import Format, emit, err_console, styled


@query_app.command("copies")
def query_copies(
    db: DB_OPT = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Articles that copy or rewrite an earlier one (MinHash LSH over word shingles), with the
    original, the outlets and the similarity.

    Example:

        filon query copies -f csv
    """
    from filon.store.story_queries import copies

    with open_store(db) as store:
        emit(copies(store.con, limit), fmt, "copies", raw_csv=raw_csv, columns=(
            "original_outlet", "original_title", "outlet", "title", "kind", "similarity"))


@query_app.command("stories")
def query_stories(
    db: DB_OPT = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD (publication date).")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD (publication date).")] = None,
    min_articles: Annotated[int, typer.Option(min=1, help="Smallest story listed.")] = 2,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Stories: articles about one event, grouped by copies, shared agreement and shared actors
    within a day or two (the rule is in the README).

    Example:

        filon query stories --since 2025-02-01 --until 2025-03-31
    """
    from filon.store.story_queries import stories

    with open_store(db) as store:
        table = stories(store.con, since, until, min_articles, limit)
    if fmt is not Format.table:
        emit(table, fmt, raw_csv=raw_csv)
        return
    emit(table, fmt, "stories", max_width=50, raw_csv=raw_csv, columns=(
        "first_published", "articles", "distinct_texts", "outlets", "agreements", "title"))


@app.command()
def relink(db: DB_OPT = DEFAULT_DB) -> None:
    """Rebuild the agreement links and the wire copies of a store from its records, from scratch
    (an ingest only links its new articles; this is the full pass it must agree with).

    Example:

        filon relink --db filon.duckdb
    """
    from filon.store import Store

    with Store(db) as store:
        err_console.print(styled("relinking ", (db, "bold"), " …"))
        agreements = store.refresh_agreements(rebuild=True)
        copies = store.con.execute("SELECT count(*) FROM documents WHERE copy_of IS NOT NULL").fetchone()[0]
    err_console.print(styled(f"{agreements} agreements · {copies} copies → ", (db, "")))
