"""`filon query …`: actors, mentions, articles, quotes and events from the store."""

from __future__ import annotations

from typing import Annotated

import typer

from filon.cli.apps import query_app
from filon.cli.options import DB_OPT, DEFAULT_DB, DOMAIN_OPT, FMT_OPT, RAW_CSV_OPT, gazetteer, open_store
from filon.cli.output import Format, emit


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

    with open_store(db) as store:
        emit(queries.actors(store.con, label, limit), fmt, "actors", raw_csv=raw_csv)


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

    with open_store(db) as store:
        emit(queries.mentions(store.con, gazetteer(), actor, limit), fmt, f"mentions of {actor}",
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

    with open_store(db) as store:
        emit(queries.articles(store.con, limit), fmt, "articles", max_width=40, raw_csv=raw_csv)


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

    with open_store(db) as store:
        emit(queries.quotes(store.con, gazetteer(), speaker, since, until, search, kind, limit),
              fmt, "quotes", columns=("published", "speaker", "kind", "cue", "text"), raw_csv=raw_csv)


@query_app.command("events")
def query_events(
    db: DB_OPT = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", help="agreement, export_control, …")] = None,
    status: Annotated[str | None, typer.Option(help="proposed, negotiating, close, signed, …")] = None,
    party: Annotated[str | None, typer.Option(help="Any alias of a party: Ukraine, Kiev, UE.")] = None,
    agreement: Annotated[str | None, typer.Option(help="An agreement id.")] = None,
    domain: DOMAIN_OPT = None,
    limit: Annotated[int, typer.Option(min=1)] = 1000,
    fmt: FMT_OPT = Format.table,
    raw_csv: RAW_CSV_OPT = False,
) -> None:
    """Events (agreements and the acts around them) with parties, status, date and evidence.

    Example:

        filon query events --type agreement --party Ukraine

        filon query events --domain trade --status signed -f csv
    """
    from filon.store import queries

    with open_store(db) as store:
        emit(queries.events(store.con, gazetteer(), type_, status, party, agreement, limit,
                           domain=domain), fmt, "events",
             columns=("date", "type", "status", "domain", "parties", "claimed_by", "evidence"),
              raw_csv=raw_csv)
