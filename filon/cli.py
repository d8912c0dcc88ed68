"""The `filon` command line: thin wrappers over `filon.jobs`, `filon.store.queries` and
`filon.evaluation`."""

from __future__ import annotations

import csv
import json
import logging
import re
import sys
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable
from rich.text import Text

from filon.errors import FilonError, InputError

app = typer.Typer(
    help="filon: rebuild, from French news, the actors, quotes and agreements the articles "
    "describe, each fact tied to its characters in the source.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
query_app = typer.Typer(help="Query the store: actors, mentions, articles, quotes, events.",
                        no_args_is_help=True)
app.add_typer(query_app, name="query")

# A piped table gets a wide page instead of rich's 80 columns, so rows stay readable in a pager.
# No emoji codes and no highlighting: ":x:" in a title is text, not a glyph. Every string that
# comes from an article or the user goes out as a `Text` through `_safe`, never as markup.
out_console = (Console(emoji=False, highlight=False) if Console().is_terminal
               else Console(width=160, emoji=False, highlight=False))
err_console = Console(stderr=True, emoji=False, highlight=False)

# C0 controls but newline and tab, DEL, C1 controls, and the bidi overrides/isolates that can
# reorder what a terminal shows ("Trojan source")
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _safe(value: object) -> str:
    """`value` as printable text: control characters shown as \\x1b, \\x07, … not sent to the terminal."""
    return _UNSAFE.sub(_escape_char, "" if value is None else str(value))


def _text(*parts: str | tuple[object, str]) -> Text:
    """A line built from literal parts: (value, style) pairs are data, made safe; str are ours."""
    text = Text()
    for part in parts:
        if isinstance(part, tuple):
            text.append(_safe(part[0]), style=part[1])
        else:
            text.append(part)
    return text


# A cell opening with one of these is a formula to Excel and LibreOffice (CSV injection); tab
# and carriage return open one too after some importers strip them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> object:
    """A CSV value a spreadsheet shows as text: "=cmd()" becomes "'=cmd()"."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value

DB_OPT = Annotated[Path, typer.Option("--db", help="DuckDB file.", envvar="FILON_DB")]
DEFAULT_DB = Path("filon.duckdb")


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FMT_OPT = Annotated[Format, typer.Option("--format", "-f", help="table, json (JSON Lines) or csv.")]
RAW_CSV_OPT = Annotated[bool, typer.Option(
    "--raw-csv", help="CSV cells exactly as stored: no ' before a cell opening with = + - @.")]


def _emit(table: Any, fmt: Format, title: str | None = None, max_width: int = 80,
          columns: tuple[str, ...] | None = None, raw_csv: bool = False) -> None:
    """Print a `filon.store.queries.Table` as a rich table, JSON Lines or CSV on stdout.

    `columns` narrows the table view only; JSON and CSV always carry every column. CSV cells
    that a spreadsheet would run as a formula get a leading ' unless `raw_csv`.
    """
    if fmt is Format.json:
        for row in table.dicts():
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        cell = (lambda v: v) if raw_csv else _csv_cell
        writer.writerow([cell(c) for c in table.columns])
        writer.writerows([cell(v) for v in row] for row in table.rows)
    else:
        if columns:
            keep = [table.columns.index(c) for c in columns]
            table = type(table)(list(columns), [tuple(row[i] for i in keep) for row in table.rows])
        rich_table = RichTable(title=_text((title, "italic")) if title else None, show_lines=False)
        for col in table.columns:
            rich_table.add_column(_text((col, "bold")), overflow="fold", max_width=max_width)
        for row in table.rows:
            rich_table.add_row(*[_text((v, "")) for v in row])
        out_console.print(rich_table)
        if not table.rows:
            err_console.print("[dim]no rows[/dim]")


@contextmanager
def _progress(label: str, quiet: bool):
    """A live progress line on stderr: articles read, processed, failed."""
    if quiet or not err_console.is_terminal:
        yield None
        return
    with Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                  TextColumn("{task.completed}/{task.total} articles · {task.fields[failed]} failed"),
                  TimeElapsedColumn(), console=err_console, transient=False) as progress:
        task = progress.add_task(label, total=0, failed=0)
        counts = {"read": 0, "failed": 0}

        def update(event: str, n: int) -> None:
            if event == "read":
                counts["read"] += n
                progress.update(task, total=counts["read"])
            elif event == "failed":
                counts["failed"] += n
                progress.update(task, failed=counts["failed"])
            else:
                progress.advance(task, n)

        yield update


def _backend(model: str, batch_size: int, processes: int, max_seconds: float | None = None):
    from filon.backends.local import DEFAULT_MAX_ARTICLE_SECONDS, LocalBackend

    seconds = DEFAULT_MAX_ARTICLE_SECONDS if max_seconds is None else max_seconds
    return LocalBackend(model=model, batch_size=batch_size, n_process=processes,
                        max_article_seconds=seconds)


def _report_errors(failed: list[InputError]) -> None:
    for error in failed:
        err_console.print(_text(("error", "red"), " ", (error, "")), soft_wrap=True)


MODEL_OPT = Annotated[str, typer.Option("--model", help="spaCy model package (fr_core_news_md, "
                                        "or fr_core_news_sm for speed).")]
BATCH_OPT = Annotated[int, typer.Option("--batch-size", min=1, help="Docs per nlp.pipe batch.")]
PROC_OPT = Annotated[int, typer.Option("--processes", "-p", min=1, help="Worker processes.")]
MAXB_OPT = Annotated[int, typer.Option("--max-bytes", min=1, help="Refuse input files larger "
                                       "than this (bytes).")]
LANG_OPT = Annotated[str | None, typer.Option("--lang", help="Language to assume when detection "
                                              "is not possible (very short texts).")]
QUIET_OPT = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
SECONDS_OPT = Annotated[float, typer.Option(
    "--max-article-seconds", min=0, help="Time budget per article; an article over it is "
    "reported and skipped (0: no limit). A batch over its budget is rerun article by article.")]
PATHS_ARG = Annotated[list[str], typer.Argument(help="Files (.txt .html .htm .jsonl .json), "
                                                "directories (recursive) or - for stdin.")]


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
) -> None:
    """Read articles, extract entities, quotes, dates and events, and store them in DuckDB.

    Ingesting the same article again stores nothing new. Bad inputs are reported one line each
    (file, line, reason); the rest of the batch is stored and the exit code is 1.

    Example:

        filon ingest examples/ --db filon.duckdb

        cat articles.jsonl | filon ingest - --db filon.duckdb
    """
    from filon import jobs

    backend = _backend(model, batch_size, processes, max_article_seconds)
    with _progress("ingest", quiet) as progress:
        report = jobs.ingest(paths, db, backend, max_bytes=max_bytes, default_lang=lang,
                             progress=progress)
    _report_errors(report.failed)
    err_console.print(_text(
        f"read {report.read} · new {report.new} · already stored {report.already_stored} · "
        f"duplicates in input {report.duplicates_in_input} · skipped (language) "
        f"{report.skipped_language} · failed {len(report.failed)} · agreements {report.agreements}"
        " → ", (db, "")))
    if report.interrupted:
        err_console.print(_text(("interrupted", "yellow"), f": the {report.new} new articles "
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
) -> None:
    """Write the extraction record (DESIGN.md contract) of each article as JSON Lines.

    Example:

        filon extract examples/ -o records.jsonl
    """
    from filon import jobs

    backend = _backend(model, batch_size, processes, max_article_seconds)
    with _progress("extract", quiet or output == "-") as progress:
        if output == "-":
            report = jobs.extract(paths, sys.stdout, backend, max_bytes=max_bytes,
                                  default_lang=lang, progress=progress)
        else:
            with open(output, "w", encoding="utf-8") as fh:
                report = jobs.extract(paths, fh, backend, max_bytes=max_bytes,
                                      default_lang=lang, progress=progress)
    _report_errors(report.failed)
    err_console.print(f"records {report.new} · skipped (language) {report.skipped_language} · "
                      f"failed {len(report.failed)}", markup=False)
    if not report.ok:
        raise typer.Exit(1)


def _open(db: Path):
    from filon.store import Store

    return Store(db, read_only=True)


def _gaz():
    from filon.domains.gazetteer import load_gazetteer

    return load_gazetteer()


@query_app.command("actors")
def query_actors(
    db: DB_OPT = DEFAULT_DB,
    label: Annotated[str | None, typer.Option(help="PER, ORG, LOC or MISC.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Actors by number of mentions.

    Example:

        filon query actors --label PER
    """
    from filon.store import queries

    with _open(db) as store:
        _emit(queries.actors(store.con, label, limit), fmt, "actors", raw_csv=raw_csv)


@query_app.command("mentions")
def query_mentions(
    actor: Annotated[str, typer.Argument(help="Any name, alias or role: Poutine, Putin, "
                                         "'le président russe'.")],
    db: DB_OPT = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Every mention of an actor, with offsets and context.

    Example:

        filon query mentions Putin
    """
    from filon.store import queries

    with _open(db) as store:
        _emit(queries.mentions(store.con, _gaz(), actor, limit), fmt, f"mentions of {actor}",
              columns=("published", "text", "kind", "name", "context"), raw_csv=raw_csv)


@query_app.command("articles")
def query_articles(
    db: DB_OPT = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Stored articles with what was extracted from each."""
    from filon.store import queries

    with _open(db) as store:
        _emit(queries.articles(store.con, limit), fmt, "articles", max_width=40, raw_csv=raw_csv)


@query_app.command("quotes")
def query_quotes(
    db: DB_OPT = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Any alias, language or role.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD (publication date).")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD (publication date).")] = None,
    search: Annotated[str | None, typer.Option(help="Text inside the quote.")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, indirect or mixed.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 1000,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Quotes and reported statements with their speakers.

    Example:

        filon query quotes --speaker Poutine --since 2025-02-01 -f csv
    """
    from filon.store import queries

    with _open(db) as store:
        _emit(queries.quotes(store.con, _gaz(), speaker, since, until, search, kind, limit),
              fmt, "quotes", columns=("published", "speaker", "kind", "cue", "text"), raw_csv=raw_csv)


@query_app.command("events")
def query_events(
    db: DB_OPT = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", help="agreement, export_control, …")] = None,
    status: Annotated[str | None, typer.Option(help="proposed, negotiating, close, signed, …")] = None,
    party: Annotated[str | None, typer.Option(help="Any alias of a party: Ukraine, Kiev, UE.")] = None,
    agreement: Annotated[str | None, typer.Option(help="An agreement id.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 1000,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Events (agreements and the acts around them) with parties, status, date and evidence.

    Example:

        filon query events --type agreement --party Ukraine
    """
    from filon.store import queries

    with _open(db) as store:
        _emit(queries.events(store.con, _gaz(), type_, status, party, agreement, limit), fmt,
              "events", columns=("date", "type", "status", "parties", "claimed_by", "evidence"),
              raw_csv=raw_csv)


@app.command()
def timeline(
    agreement: Annotated[str | None, typer.Argument(help="Agreement id or part of its name; "
                                                    "all agreements when omitted.")] = None,
    db: DB_OPT = DEFAULT_DB,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Each agreement's status history in date order, with who claims it and the evidence.

    Example:

        filon timeline ukraine -f json
    """
    from filon.store import queries

    with _open(db) as store:
        table = queries.timeline(store.con, agreement)
    if fmt is not Format.table:
        _emit(table, fmt, raw_csv=raw_csv)
        return
    if not table.rows:
        err_console.print("[dim]no agreement matches[/dim]")
    current = None
    for (agr_id, name, day, status, claimed, evidence, _doc, title, outlet, _url, start,
         end) in table.rows:
        if agr_id != current:
            current = agr_id
            out_console.rule(_text((name, "bold"), " ", (agr_id, "dim")))
        who = (f" — according to {claimed}", "") if claimed else ""
        out_console.print(_text((f"{day or 'undated':<10}", "bold"), "  ", (status, "cyan"), who))
        out_console.print(_text("            “", ((evidence or "").strip(), ""), "”"))
        source = " · ".join(x for x in (outlet, title) if x)
        out_console.print(_text("            ", (f"{source} [{start}:{end}]", "dim")))


@app.command("sql")
def sql_command(
    statement: Annotated[str, typer.Argument(help="One read-only SQL statement.")],
    db: DB_OPT = DEFAULT_DB,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Run one read-only SQL query on the store.

    Allowed: exactly one SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, or EXPLAIN
    [ANALYZE] of one of those. Refused: COPY, ATTACH, DETACH, INSTALL, LOAD, SET, RESET, PRAGMA,
    EXPORT, IMPORT, CALL, writes, and several statements. The store is opened read-only with
    file access and extensions disabled: read_csv('/etc/passwd') fails too.

    Tables: documents, records, entities, mentions, quotes, events, event_parties, dates,
    agreements, filon_meta.

    Example:

        filon sql "SELECT name, count(*) FROM mentions GROUP BY name ORDER BY 2 DESC"
    """
    from filon.store import queries

    with _open(db) as store:
        _emit(queries.sql(store.con, statement), fmt, raw_csv=raw_csv)


@app.command()
def briefing(
    db: DB_OPT = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1, help="Rows per section.")] = 10,
) -> None:
    """A one-screen summary of the store: agreements and their latest status, actors, quotes."""
    from filon.store import queries

    with _open(db) as store:
        con = store.con
        counts = store.counts()
        out_console.rule("[bold]filon briefing")
        out_console.print(
            f"{counts['documents']} articles · {counts['mentions']} mentions of "
            f"{counts['entities']} actors · {counts['quotes']} statements · "
            f"{counts['events']} events · {counts['agreements']} agreements", markup=False)
        for agr in queries.find_agreements(con, None)[:limit]:
            history = agr["history"]
            last = history[-1] if history else {}
            claimed_name = last.get("claimed_by")
            out_console.print(_text(
                "\n", (agr["name"] or agr["agreement_id"], "bold"), "  latest: ",
                (agr["latest_status"], "bold cyan"), " (", (agr["last_date"] or "undated", ""), ")",
                (f", according to {claimed_name}" if claimed_name else "", "")))
            out_console.print(_text("  ", (_trajectory(history), "")))
        _emit(queries.actors(con, None, limit), Format.table, "most mentioned actors")
        recent = queries.quotes(con, _gaz(), kind="direct", limit=10_000)
        latest = queries.Table(recent.columns, recent.rows[-limit:])
        view = queries.Table(["published", "speaker", "quote"],
                             [(r[0], r[1], r[5]) for r in latest.rows])
        _emit(view, Format.table, "latest direct quotes", max_width=90)


def _trajectory(history: list[dict]) -> str:
    """'2025-02-12 rejected → 2025-02-24 close → …': the first date each status was reached."""
    first: dict[str, str] = {}
    for step in history:
        status, day = step.get("status"), step.get("date")
        if status and day and status != "other" and (status not in first or day < first[status]):
            first[status] = day
    steps = sorted(first.items(), key=lambda item: item[1])
    return " → ".join(f"{day} {status}" for status, day in steps) or "(no dated status)"


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
) -> None:
    """Precision / recall / F1 per layer against gold labels.

    Example:

        filon eval --articles ../shared/corpus/articles.jsonl --gold ../shared/corpus/gold.jsonl
    """
    from filon.evaluation import evaluate

    scores, failed = evaluate(articles, gold, _backend(model, 16, 1))
    _report_errors(failed)
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
                    out_console.print(_safe(f"{e.layer}\t{e.article_id}\t{e.kind}\t{e.detail}"),
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
    out_console.print(_text("filon doctor ", (db, "bold")))
    for check in checks:
        mark = ("ok  ", "green") if check.ok else ("FAIL", "bold red")
        out_console.print(_text(mark, f" {check.name}: ", (check.detail, "")), soft_wrap=True)
    if not all(check.ok for check in checks):
        raise typer.Exit(1)


def main() -> None:
    """Entry point: user errors print one clean line, never a traceback."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except FilonError as exc:
        err_console.print(_text(("error", "red"), " ", (exc, "")), soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        # Ctrl-C outside a job's own handling (loading the model, a query): no traceback
        err_console.print(_text(("interrupted", "yellow")))
        sys.exit(130)


if __name__ == "__main__":
    main()
