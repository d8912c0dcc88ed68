"""The Spark backend's options for `filon ingest` / `filon extract`, and `filon load`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer

from filon.cli.apps import app
from filon.cli.options import DB_OPT, DEFAULT_DB, QUIET_OPT, packs_spec
from filon.cli.output import err_console, report_errors, styled


class BackendName(StrEnum):
    local = "local"
    spark = "spark"


BACKEND_OPT = Annotated[BackendName, typer.Option(
    "--backend", help="local (this machine, --processes) or spark (Apache Spark, --master).")]
MASTER_OPT = Annotated[str | None, typer.Option(
    "--master", help="Spark master URL: local[2], spark://host:7077, yarn. Default: the one "
    "spark-submit gives, else local[*].")]
PARQUET_OPT = Annotated[Path | None, typer.Option(
    "--parquet-dir", help="Keep the Spark run's Parquet datasets here (default: a temporary "
    "directory, removed after the run). Load it again with `filon load`.")]


def spark_backend(master: str | None, model: str, batch_size: int, processes: int,
                  max_seconds: float, quiet: bool, packs: list[str] | None = None,
                  max_memory: int | None = None, max_chunk_chars: int | None = None):
    """The Spark backend for the CLI; `--processes` belongs to the local backend."""
    if processes != 1:
        raise typer.BadParameter("--processes is for --backend local; with Spark, the parallelism "
                                 "is the master's (local[N], or the cluster's executors)",
                                 param_hint="--processes")
    from filon.backends.chunking import DEFAULT_MAX_CHUNK_CHARS
    from filon.backends.spark import SparkBackend

    err_console.print(styled("spark: starting on ", (master or "the default master", ""),
                             " (a JVM, and the model loaded once per Python worker)"))
    return SparkBackend(master=master, model=model, batch_size=batch_size,
                        max_article_seconds=max_seconds, packs=packs_spec(packs),
                        max_article_memory=max_memory,
                        max_chunk_chars=max_chunk_chars or DEFAULT_MAX_CHUNK_CHARS,
                        config={"spark.ui.showConsoleProgress": str(not quiet).lower()})


def spark_ingest(paths: list[str], db: Path, backend, parquet_dir: Path | None, max_bytes: int,
                 lang: str | None):
    """`jobs.spark_ingest` with the session stopped at the end, whatever happens."""
    from filon import jobs

    with backend:
        return jobs.spark_ingest(paths, db, backend, parquet_dir=parquet_dir, max_bytes=max_bytes,
                                 default_lang=lang)


def spark_extract(paths: list[str], out: IO[str], backend, parquet_dir: Path | None,
                  max_bytes: int, lang: str | None):
    """`jobs.spark_extract` with the session stopped at the end, whatever happens."""
    from filon import jobs

    with backend:
        return jobs.spark_extract(paths, out, backend, parquet_dir=parquet_dir, max_bytes=max_bytes,
                                  default_lang=lang)


@app.command()
def load(
    parquet_dir: Annotated[Path, typer.Argument(help="A directory written by --backend spark "
                                                "--parquet-dir (one dataset per table).")],
    db: DB_OPT = DEFAULT_DB,
    quiet: QUIET_OPT = False,
) -> None:
    """Merge the Parquet datasets of a Spark run into a store, then relink agreements.

    Idempotent: documents already stored are skipped with all their rows, so loading the same
    directory twice stores nothing new. The errors of the run (file, line, reason) are printed
    and make the exit code 1.

    Example:

        filon ingest corpus/ --backend spark --master local[2] --parquet-dir out.parquet --db a.duckdb

        filon load out.parquet --db b.duckdb
    """
    from filon.store import Store
    from filon.store.parquet import load_parquet

    if not quiet:
        err_console.print(styled("load ", (parquet_dir, ""), " → ", (db, "")))
    with Store(db) as store:
        report = load_parquet(parquet_dir, store)
    report_errors(report.errors)
    err_console.print(styled(
        f"new {report.new} · already stored {report.already_stored} · failed in the run "
        f"{len(report.errors)} · agreements {report.agreements} → ", (db, "")))
    if report.errors:
        raise typer.Exit(1)
