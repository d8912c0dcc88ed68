"""`filon timeline`, `filon sql` and `filon briefing`: views over the whole store."""

from __future__ import annotations

from typing import Annotated

import typer

from filon.cli.apps import app
from filon.cli.options import DB_OPT, DEFAULT_DB, DOMAIN_OPT, FMT_OPT, RAW_CSV_OPT, gazetteer, open_store
from filon.cli.output import Format, emit, err_console, out_console, styled


@app.command()
def timeline(
    agreement: Annotated[str | None, typer.Argument(help="Agreement id or part of its name; "
                                                    "all agreements when omitted.")] = None,
    db: DB_OPT = DEFAULT_DB,
    domain: DOMAIN_OPT = None,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Each agreement's status history in date order, with who claims it and the evidence.

    Example:

        filon timeline ukraine -f json

        filon timeline --domain energy
    """
    from filon.store import queries

    with open_store(db) as store:
        table = queries.timeline(store.con, agreement, domain)
    if fmt is not Format.table:
        emit(table, fmt, raw_csv=raw_csv)
        return
    if not table.rows:
        err_console.print("[dim]no agreement matches[/dim]")
    current = None
    for row in table.dicts():
        agr_id, name, day, status, claimed, evidence = (row[k] for k in (
            "agreement_id", "agreement", "date", "status", "claimed_by", "evidence"))
        if agr_id != current:
            current = agr_id
            out_console.rule(styled((name, "bold"), " ", (agr_id, "dim")))
        who = (f" — according to {claimed}", "") if claimed else ""
        # a status the learned model read, not a rule: said so, with its probability
        guess = (f" (learned model, {row['confidence']:.2f})", "yellow") if row.get("confidence") else ""
        out_console.print(styled((f"{day or 'undated':<10}", "bold"), "  ", (status, "cyan"), guess, who))
        out_console.print(styled("            “", ((evidence or "").strip(), ""), "”"))
        source = " · ".join(x for x in (row["outlet"], row["title"]) if x)
        span = f"{source} [{row['evidence_start']}:{row['evidence_end']}]"
        if row["sources"] > 1:  # copies of one dispatch: one assertion, several sources
            span += f" · {row['sources']} sources: {row['outlets'] or 'no outlet named'}"
        out_console.print(styled("            ", (span, "dim")))


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
    from filon.store import readonly_sql

    with open_store(db) as store:
        emit(readonly_sql.sql(store.con, statement), fmt, raw_csv=raw_csv)


@app.command()
def briefing(
    db: DB_OPT = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1, help="Rows per section.")] = 10,
    domain: DOMAIN_OPT = None,
) -> None:
    """A one-screen summary of the store: agreements and their latest status, actors, quotes."""
    from filon.store import queries

    with open_store(db) as store:
        con = store.con
        counts = store.counts()
        out_console.rule("[bold]filon briefing")
        out_console.print(
            f"{counts['documents']} articles · {counts['mentions']} mentions of "
            f"{counts['entities']} actors · {counts['quotes']} statements · "
            f"{counts['events']} events · {counts['agreements']} agreements", markup=False)
        for agr in queries.find_agreements(con, None, domain)[:limit]:
            history = agr["history"]
            last = history[-1] if history else {}
            claimed_name = last.get("claimed_by")
            out_console.print(styled(
                "\n", (agr["name"] or agr["agreement_id"], "bold"), "  latest: ",
                (agr["latest_status"], "bold cyan"), " (", (agr["last_date"] or "undated", ""), ")",
                " · ", (agr["domain"] or "no domain", "magenta"),
                (f", according to {claimed_name}" if claimed_name else "", ""),
                # copies of one dispatch are one assertion: say how many printed it
                (f" · {last['sources']} sources ({', '.join(last.get('outlets') or [])})"
                 if last.get("sources", 1) > 1 else "", "dim")))
            out_console.print(styled("  ", (_trajectory(history), "")))
        emit(queries.actors(con, None, limit), Format.table, "most mentioned actors")
        recent = queries.quotes(con, gazetteer(), kind="direct", limit=10_000)
        latest = queries.Table(recent.columns, recent.rows[-limit:])
        view = queries.Table(["published", "speaker", "quote"],
                             [(r[0], r[1], r[5]) for r in latest.rows])
        emit(view, Format.table, "latest direct quotes", max_width=90)


def _trajectory(history: list[dict]) -> str:
    """'2025-02-12 rejected → 2025-02-24 close → …': the first date each status was reached."""
    first: dict[str, str] = {}
    for step in history:
        status, day = step.get("status"), step.get("date")
        if status and day and status != "other" and (status not in first or day < first[status]):
            first[status] = day
    steps = sorted(first.items(), key=lambda item: item[1])
    return " → ".join(f"{day} {status}" for status, day in steps) or "(no dated status)"
