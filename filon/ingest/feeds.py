"""Articles from URLs: RSS and Atom feeds with the pages they list, and single pages.

`UrlReader.read(url)` yields what `iter_articles` yields for files: an `Article` per page, or an
`InputError` naming the URL and the reason (network, HTTP status, robots.txt, size, not HTML).
One bad item never stops the others.

Nothing is downloaded twice. Before fetching a page the reader asks its `UrlMemory` (the store)
whether the URL is already stored, and a feed is fetched conditionally with the ETag /
Last-Modified remembered from its last complete read. The reader does not write that memory: it
collects what should be remembered (`UrlReader.remember`), and the job writes it once the
articles are committed, so an interrupted run never marks as done what it did not store.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

from filon.errors import Errors, InputError
from filon.ingest.article import Article
from filon.ingest.fetch import Fetcher, FetchError, Response, Validators
from filon.ingest.readers import ReadResult, html_article, is_url, parse_published

__all__ = ["Entry", "NoMemory", "Remember", "UrlMemory", "UrlReader", "is_url", "parse_feed"]

_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml",
                         "text/xml", "application/rdf+xml", "application/feed+xml"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# a feed served as text/plain or application/octet-stream still opens like one
_FEED_OPENINGS = (b"<?xml", b"<rss", b"<feed", b"<rdf:RDF")


class UrlMemory(Protocol):
    """What the reader asks the store before fetching."""

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        """The subset of `urls` whose article is already stored."""
        ...

    def validators(self, url: str) -> Validators | None:
        """The ETag / Last-Modified of the last complete read of a feed."""
        ...


class NoMemory:
    """A memory that knows nothing (`filon extract`, which has no store)."""

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        return set()

    def validators(self, url: str) -> Validators | None:
        return None


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed: where its page is and what the feed says about it."""

    link: str | None
    title: str | None
    published: str | None  # ISO date, in the time zone the feed wrote it in


@dataclass(slots=True)
class Remember:
    """What a run learnt, to be written once its articles are committed."""

    feeds: dict[str, Validators] = field(default_factory=dict)  # feed url -> validators
    pages: dict[str, str] = field(default_factory=dict)  # page url -> article id
    # feed url -> the article ids of its items read in this run: the feed's validators are
    # kept only once all of them are stored (an item the pipeline failed on is tried again)
    items: dict[str, list[str]] = field(default_factory=dict)


class UrlReader:
    """Feeds and pages to articles through one `Fetcher`, skipping what `memory` already has.

    Args:
        fetcher: the HTTP client (its rate limit and robots.txt cache span every call).
        memory: the store's view of URLs and feed validators.
        default_lang: language assumed when a text is too short for detection.
    """

    def __init__(self, fetcher: Fetcher, memory: UrlMemory | None = None,
                 default_lang: str | None = None) -> None:
        self.fetcher = fetcher
        self.memory: UrlMemory = memory or NoMemory()
        self.default_lang = default_lang
        self.already_stored = 0  # pages skipped without a download
        self.not_modified = 0  # feeds that answered 304
        self.remember = Remember()
        self._seen: set[str] = set()

    def read(self, url: str) -> Iterator[ReadResult]:
        """The articles behind `url`: every new item of a feed, or the page itself."""
        if url in self._seen:
            return
        self._seen.add(url)
        if self.memory.known_urls([url]):
            self.already_stored += 1
            return
        try:
            response = self.fetcher.get(url, self.memory.validators(url))
        except FetchError as exc:
            yield InputError(url, exc.message)
            return
        if response.not_modified:
            self.not_modified += 1
            return
        if _is_feed(response):
            yield from self._feed(url, response)
        elif response.content_type in _HTML_TYPES:
            yield self._page(url, response, None)
        else:
            yield InputError(url, Errors.F054.format(media=response.content_type or "none"))

    def _feed(self, url: str, response: Response) -> Iterator[ReadResult]:
        try:
            entries = [_resolved(entry, response.url) for entry in parse_feed(response.content)]
        except ValueError as exc:
            yield InputError(url, Errors.F055.format(reason=exc))
            return
        links = [entry.link for entry in entries if entry.link]
        known = self.memory.known_urls(links) if links else set()
        complete = True
        ids: list[str] = []
        for number, entry in enumerate(entries, start=1):
            if entry.link is None:
                yield InputError(url, Errors.F056.format(item=number))
                continue
            if entry.link in known or entry.link in self._seen:
                self.already_stored += entry.link in known
                continue
            self._seen.add(entry.link)
            result = self._fetch_page(entry)
            complete = complete and isinstance(result, Article)
            if isinstance(result, Article):
                ids.append(result.id)
            yield result
        # remembered only when every item was read (and, in the store, only once every item is
        # stored): with a 304 next time, a failed item would otherwise never be tried again
        if complete and response.validators:
            self.remember.feeds[url] = response.validators
            self.remember.items[url] = ids

    def _fetch_page(self, entry: Entry) -> ReadResult:
        link = entry.link or ""
        try:
            response = self.fetcher.get(link)
        except FetchError as exc:
            return InputError(link, exc.message)
        if response.content_type not in _HTML_TYPES:
            return InputError(link, Errors.F054.format(media=response.content_type or "none"))
        return self._page(link, response, entry)

    def _page(self, url: str, response: Response, entry: Entry | None) -> ReadResult:
        known = {"url": url}
        if entry is not None:
            known |= {"title": entry.title, "published": entry.published}
        result = html_article(response.content, url, self.default_lang, url=response.url,
                              known=known)
        if isinstance(result, Article):
            result.outlet = result.outlet or _host(response.url)
            self.remember.pages[url] = result.id
        return result


def _resolved(entry: Entry, base: str) -> Entry:
    """The entry with its link made absolute; a link that is no http(s) URL (feedparser takes an
    Atom `<id>` such as "urn:uuid:…" for one) counts as none."""
    if entry.link is None:
        return entry
    link = urljoin(base, entry.link)
    return Entry(link if is_url(link) else None, entry.title, entry.published)


def _is_feed(response: Response) -> bool:
    if response.content_type in _FEED_TYPES:
        return True
    head = response.content[:512].lstrip().lstrip(b"\xef\xbb\xbf")
    return response.content_type not in _HTML_TYPES and head.startswith(_FEED_OPENINGS)


def parse_feed(data: bytes) -> list[Entry]:
    """The entries of an RSS or Atom document, in feed order.

    Raises:
        ValueError: the document is not a feed (feedparser found no feed and no entries).
    """
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        cause = parsed.get("bozo_exception")
        raise ValueError(str(cause) if cause else "no RSS or Atom feed in the document")
    return [_entry(item) for item in parsed.entries]


def _entry(item: Any) -> Entry:
    link = (item.get("link") or "").strip() or None
    title = (item.get("title") or "").strip() or None
    return Entry(link, title, _entry_date(item))


def _entry_date(item: Any) -> str | None:
    """The entry's publication date in the feed's own time zone (an article published at 00:30
    in Paris is dated that day, not the day before in UTC)."""
    for key in ("published", "updated"):
        raw = (item.get(key) or "").strip()
        if not raw:
            continue
        iso = parse_published(raw)
        if iso:
            return iso
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError):
            pass
        parsed: time.struct_time | None = item.get(f"{key}_parsed")
        if parsed:
            return date(*parsed[:3]).isoformat()
    return None


def _host(url: str) -> str | None:
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None

