"""`filon ingest` and `filon extract`: articles in, records out."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from filon.cli.apps import app
from filon.cli.options import (
    BATCH_OPT,
    CHUNK_OPT,
    DB_OPT,
    DEFAULT_DB,
    DEFAULT_MEMORY,
    HOST_DELAY_OPT,
    LANG_OPT,
    MAXB_OPT,
    MEMORY_OPT,
    MODEL_OPT,
    PACK_OPT,
    PATHS_ARG,
    PROC_OPT,
    QUIET_OPT,
    SECONDS_OPT,
    TIMEOUT_OPT,
    make_backend,
    make_fetcher,
)
from filon.cli.output import err_console, progress_bar, report_errors, styled
from filon.cli.spark import (
    BACKEND_OPT,
    MASTER_OPT,
    PARQUET_OPT,
    BackendName,
    spark_backend,
    spark_extract,
    spark_ingest,
)


@app.command()
def ingest(
    paths: PATHS_ARG,
    db: DB_OPT = DEFAULT_DB,
    model: MODEL_OPT = "fr_core_news_md",
    batch_size: BATCH_OPT = 16,
    processes: PROC_OPT = 1,
    max_bytes: MAXB_OPT = 20_000_000,
    lang: LANG_OPT = None,
    quiet: QUIET_OPT = False,
    max_article_seconds: SECONDS_OPT = 60.0,
    timeout: TIMEOUT_OPT = 20.0,
    host_delay: HOST_DELAY_OPT = 1.0,
    pack: PACK_OPT = None,
    max_chunk_chars: CHUNK_OPT = 100_000,
    max_article_memory: MEMORY_OPT = DEFAULT_MEMORY,
    backend_name: BACKEND_OPT = BackendName.local,
    master: MASTER_OPT = None,
    parquet_dir: PARQUET_OPT = None,
) -> None:
    """Read articles, extract entities, quotes, dates and events, and store them in DuckDB.

    Inputs are files, directories, stdin, and http(s) URLs of RSS/Atom feeds (every item's
    page is fetched) or of pages. Ingesting the same article again stores nothing new, and a
    page already stored by URL is not downloaded again. Bad inputs are reported one line each
    (file or URL, line, reason); the rest of the batch is stored and the exit code is 1.

    Example:

        filon ingest examples/ --db filon.duckdb

        cat articles.jsonl | filon ingest - --db filon.duckdb

        filon ingest https://www.example.fr/rss/international.xml --db filon.duckdb

        filon ingest archive/ --backend spark --master local[2] --db filon.duckdb
    """
    from filon import jobs

    if backend_name is BackendName.spark:
        spark = spark_backend(master, model, batch_size, processes, max_article_seconds, quiet,
                              pack, max_article_memory, max_chunk_chars)
        report = spark_ingest(paths, db, spark, parquet_dir, max_bytes, lang)
    else:
        backend = make_backend(model, batch_size, processes, max_article_seconds, pack,
                               max_chunk_chars, max_article_memory)
        with progress_bar("ingest", quiet) as progress, \
                make_fetcher(paths, timeout, host_delay, max_bytes) as fetcher:
            report = jobs.ingest(paths, db, backend, max_bytes=max_bytes, default_lang=lang,
                                 progress=progress, fetcher=fetcher)
    report_errors(report.failed)
    err_console.print(styled(
        f"read {report.read} · new {report.new} · already stored {report.already_stored} · "
        f"duplicates in input {report.duplicates_in_input} · skipped (language) "
        f"{report.skipped_language} · failed {len(report.failed)} · agreements {report.agreements}"
        " → ", (db, "")))
    if report.interrupted:
        err_console.print(styled(("interrupted", "yellow"), f": the {report.new} new articles "
                                "committed before Ctrl-C are kept; agreements are relinked on "
                                "the next ingest"))
        raise typer.Exit(130)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: PATHS_ARG,
    output: Annotated[str, typer.Option("--output", "-o", help="JSON Lines file, - for stdout.")] = "-",
    model: MODEL_OPT = "fr_core_news_md",
    batch_size: BATCH_OPT = 16,
    processes: PROC_OPT = 1,
    max_bytes: MAXB_OPT = 20_000_000,
    lang: LANG_OPT = None,
    quiet: QUIET_OPT = False,
    max_article_seconds: SECONDS_OPT = 60.0,
    pack: PACK_OPT = None,
    max_chunk_chars: CHUNK_OPT = 100_000,
    max_article_memory: MEMORY_OPT = DEFAULT_MEMORY,
    backend_name: BACKEND_OPT = BackendName.local,
    master: MASTER_OPT = None,
    parquet_dir: PARQUET_OPT = None,
) -> None:
    """Write the extraction record (DESIGN.md contract) of each article as JSON Lines.

    Example:

        filon extract examples/ -o records.jsonl

        filon extract archive/ --backend spark --master local[2] -o records.jsonl
    """
    from filon import jobs

    if backend_name is BackendName.spark:
        spark = spark_backend(master, model, batch_size, processes, max_article_seconds, quiet,
                              pack, max_article_memory, max_chunk_chars)
        if output == "-":
            report = spark_extract(paths, sys.stdout, spark, parquet_dir, max_bytes, lang)
        else:
            with open(output, "w", encoding="utf-8") as fh:
                report = spark_extract(paths, fh, spark, parquet_dir, max_bytes, lang)
    else:
        backend = make_backend(model, batch_size, processes, max_article_seconds, pack,
                               max_chunk_chars, max_article_memory)
        with progress_bar("extract", quiet or output == "-") as progress:
            if output == "-":
                report = jobs.extract(paths, sys.stdout, backend, max_bytes=max_bytes,
                                      default_lang=lang, progress=progress)
            else:
                with open(output, "w", encoding="utf-8") as fh:
                    report = jobs.extract(paths, fh, backend, max_bytes=max_bytes,
                                          default_lang=lang, progress=progress)
    report_errors(report.failed)
    err_console.print(f"records {report.new} · skipped (language) {report.skipped_language} · "
                      f"failed {len(report.failed)}", markup=False)
    if not report.ok:
        raise typer.Exit(1)
