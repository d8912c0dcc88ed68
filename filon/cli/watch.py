"""`filon watch`: keep a store current with feeds, one ingest round every interval."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from typing import Annotated

import typer

from filon.cli import options as opt
from filon.cli.apps import app
from filon.cli.output import err_console, report_errors, styled

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}


def parse_interval(value: str) -> float:
    """Seconds of an interval written "15m", "30s", "1h", "500ms" or "90" (seconds)."""
    match = _INTERVAL.match(value)
    if match is None:
        raise typer.BadParameter(f"{value!r} is not an interval (examples: 15m, 30s, 1h)")
    seconds = float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]
    if seconds <= 0:
        raise typer.BadParameter("the interval must be longer than 0")
    return seconds


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="http(s) URLs of RSS/Atom feeds (or pages).")],
    db: opt.DB_OPT = opt.DEFAULT_DB,
    every: Annotated[str, typer.Option("--every", help="Time between the starts of two rounds: "
                                       "15m, 30s, 1h.")] = "15m",
    rounds: Annotated[int | None, typer.Option("--rounds", min=1, help="Stop after this many "
                                               "rounds (default: run until Ctrl-C).")] = None,
    model: opt.MODEL_OPT = "fr_core_news_md",
    max_bytes: opt.MAXB_OPT = 20_000_000,
    lang: opt.LANG_OPT = None,
    max_article_seconds: opt.SECONDS_OPT = 60.0,
    max_article_memory: opt.MEMORY_OPT = opt.DEFAULT_MEMORY,
    timeout: opt.TIMEOUT_OPT = 20.0,
    host_delay: opt.HOST_DELAY_OPT = 1.0,
) -> None:
    """Keep a store current with feeds: ingest their new items every --every until stopped.

    Each round fetches every feed conditionally (ETag / Last-Modified), downloads only the
    items not yet stored, and logs one line: new, already stored, feeds unchanged, failed, and
    when the next round starts. The store is opened only during a round, so other commands can
    read it in between. Ctrl-C stops cleanly (exit code 130); what was committed stays.

    Example:

        filon watch https://www.example.fr/rss/international.xml --db filon.duckdb --every 15m
    """
    from filon import jobs
    from filon.ingest.readers import is_url

    interval = parse_interval(every)
    not_urls = [feed for feed in feeds if not is_url(feed)]
    if not_urls:
        raise typer.BadParameter(f"not an http(s) URL: {not_urls[0]}", param_hint="FEEDS")
    # one backend and one fetcher for every round: the model loads once, and the per-host rate
    # limit and the robots.txt cache hold across rounds
    backend = opt.make_backend(model, 16, 1, max_article_seconds, max_memory=max_article_memory)
    failed_rounds = 0
    number = 0
    try:
        with opt.make_fetcher(feeds, timeout, host_delay, max_bytes) as fetcher:
            while rounds is None or number < rounds:
                number += 1
                started = time.monotonic()
                report = jobs.ingest(feeds, db, backend, max_bytes=max_bytes, default_lang=lang,
                                     fetcher=fetcher)
                report_errors(report.failed)
                failed_rounds += bool(report.failed)
                if report.interrupted:
                    raise KeyboardInterrupt
                last = rounds is not None and number >= rounds
                wait = max(0.0, started + interval - time.monotonic())
                _log_round(number, report, None if last else datetime.now() + timedelta(seconds=wait))
                if not last:
                    time.sleep(wait)
    except KeyboardInterrupt:
        err_console.print(styled(("stopped", "yellow"), f" after {number} round(s): what was "
                                 "committed is kept"))
        raise typer.Exit(130) from None
    if failed_rounds:
        raise typer.Exit(1)


def _log_round(number: int, report, next_at: datetime | None) -> None:
    when = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    after = f"next round at {next_at:%Y-%m-%d %H:%M:%S}" if next_at else "last round"
    err_console.print(styled(
        f"{when} round {number} · new {report.new} · already stored {report.already_stored} · "
        f"feeds unchanged {report.feeds_unchanged} · failed {len(report.failed)} · {after}"),
        soft_wrap=True)
