"""Options the commands share, and the objects they open (backend, store, gazetteer)."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from filon.cli.output import Format

DB_OPT = Annotated[Path, typer.Option("--db", help="DuckDB file.", envvar="FILON_DB")]
DEFAULT_DB = Path("filon.duckdb")
FMT_OPT = Annotated[Format, typer.Option("--format", "-f", help="table, json (JSON Lines) or csv.")]
RAW_CSV_OPT = Annotated[bool, typer.Option(
    "--raw-csv", help="CSV cells exactly as stored: no ' before a cell opening with = + - @.")]


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


def _size(value: str | int) -> int:
    from filon.backends.limits import parse_size

    if isinstance(value, int):  # the default, already in bytes
        return value
    try:
        return parse_size(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


MEMORY_OPT = Annotated[int, typer.Option(
    "--max-article-memory", parser=_size, metavar="SIZE", show_default="512M",
    help="Memory budget per article: what processing it may add to the process that runs it "
    "(2G, 512M; 0: no limit). An article over it is reported and skipped; a batch "
    "over it is rerun article by article. Linux only.")]
DEFAULT_MEMORY = 512 * 2**20
PATHS_ARG = Annotated[list[str], typer.Argument(help="Files (.txt .html .htm .jsonl .json), "
                                                "directories (recursive), http(s) URLs of "
                                                "RSS/Atom feeds or pages, or - for stdin.")]


PACK_OPT = Annotated[list[str] | None, typer.Option(
    "--pack", "--domain",
    help="Domain pack to read on top of the general one (deals of any kind): a bundled name "
    "(minerals) or a pack folder; repeat for several. Default: every bundled pack.")]


def packs_spec(packs: list[str] | None) -> str:
    """The pack stack of `--pack` values: the general pack first, then the user's, in order."""
    from filon.domains.pack import DEFAULT_DOMAIN, GENERAL_PACK, pack_folders

    if not packs:
        return DEFAULT_DOMAIN
    spec = "+".join([GENERAL_PACK, *(p for p in packs if p != GENERAL_PACK)])
    pack_folders(spec)  # an unknown pack is a usage error, reported before any model loads
    return spec


CHUNK_OPT = Annotated[int, typer.Option(
    "--max-chunk-chars", min=1_000, help="A longer text runs in parts of at most this many "
    "characters, cut at paragraph, line or sentence ends; offsets stay those of the whole text.")]


def make_backend(model: str, batch_size: int, processes: int, max_seconds: float | None = None,
                 packs: list[str] | None = None, max_chunk_chars: int | None = None,
                 max_memory: int | None = None):
    from filon.backends.chunking import DEFAULT_MAX_CHUNK_CHARS
    from filon.backends.local import (
        DEFAULT_MAX_ARTICLE_MEMORY,
        DEFAULT_MAX_ARTICLE_SECONDS,
        LocalBackend,
    )

    seconds = DEFAULT_MAX_ARTICLE_SECONDS if max_seconds is None else max_seconds
    memory = DEFAULT_MAX_ARTICLE_MEMORY if max_memory is None else max_memory
    return LocalBackend(model=model, batch_size=batch_size, n_process=processes,
                        max_article_seconds=seconds, packs=packs_spec(packs),
                        max_chunk_chars=max_chunk_chars or DEFAULT_MAX_CHUNK_CHARS,
                        max_article_memory=memory)


def open_store(db: Path):
    from filon.store import Store

    return Store(db, read_only=True)


def gazetteer():
    from filon.domains.gazetteer import load_gazetteer

    return load_gazetteer()


# -- fetching feeds and pages (`filon ingest URL`, `filon watch`) ----------------------------------
TIMEOUT_OPT = Annotated[float, typer.Option(
    "--timeout", min=0.01, help="Seconds to wait for a site to connect or answer; a URL that "
    "times out is reported and the rest goes on.")]
HOST_DELAY_OPT = Annotated[float, typer.Option(
    "--host-delay", min=0, help="Seconds to wait after an answer from a host before the next "
    "request to it (longer when its robots.txt asks for a Crawl-delay).")]


def make_fetcher(paths: list[str], timeout: float, host_delay: float, max_bytes: int):
    """A `Fetcher` context for the URLs among `paths`; a null context when there are none, so a
    run over files never imports the network stack."""
    from filon.ingest.readers import is_url

    if not any(is_url(path) for path in paths):
        return nullcontext(None)
    from filon.ingest.fetch import Fetcher, FetchOptions

    return Fetcher(FetchOptions(timeout=timeout, host_delay=host_delay, max_bytes=max_bytes))


def _check_domain(value: str | None) -> str | None:
    from filon.domains.taxonomy import DOMAINS

    if value is not None and value not in DOMAINS:
        raise typer.BadParameter(f"unknown domain {value!r}; one of: {', '.join(DOMAINS)}")
    return value


DOMAIN_OPT = Annotated[str | None, typer.Option(
    "--domain", callback=_check_domain,
    help="Only deals of this domain: minerals, trade, energy, defence, security, migration, "
    "climate, finance, health, technology, other.")]
