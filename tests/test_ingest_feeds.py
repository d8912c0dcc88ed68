"""Feeds and pages into the store: `jobs.ingest` over URLs served by a real server on 127.0.0.1.

The pipeline runs on fr_core_news_sm (loaded once for the module) to keep these tests quick; the
fetching limits are small for the same reason.
"""

from __future__ import annotations

import email.utils
from datetime import datetime, timedelta, timezone

import duckdb
import pytest
from conftest import Reply
from hypothesis import given
from hypothesis import strategies as st

from filon import jobs
from filon.backends.local import LocalBackend
from filon.ingest.feeds import _entry_date, parse_feed
from filon.ingest.fetch import Fetcher, FetchOptions

FAST = FetchOptions(timeout=0.5, total_timeout=3.0, retries=1, backoff=0.05, host_delay=0.0)
ACCORD = "/international/accord-minerais.html"
TERRES = "/economie/terres-rares.html"
LITHIUM = "/international/lithium-serbie.html"
COBALT = "/economie/cobalt-rdc.html"


@pytest.fixture(scope="module")
def backend():
    return LocalBackend(model="fr_core_news_sm", max_article_seconds=0)


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as client:
        yield client


def _ingest(site, db, backend, fetcher, *paths: str) -> jobs.JobReport:
    return jobs.ingest([site.url(p) for p in paths], db, backend, fetcher=fetcher)


def _documents(db) -> dict[str, tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT url, title, outlet, published::VARCHAR, lang, source, text"
                           " FROM documents").fetchall()
    return {row[0]: row[1:] for row in rows}


def test_feeds_ingest_an_rss_feed_with_article_fields(site, tmp_path, backend, fetcher) -> None:
    site.news_site()
    db = tmp_path / "feeds-rss.duckdb"
    report = _ingest(site, db, backend, fetcher, "/rss.xml")
    assert report.failed == [] and report.new == 3
    docs = _documents(db)
    assert set(docs) == {site.url(p) for p in (ACCORD, TERRES, LITHIUM)}
    title, outlet, published, lang, source, text = docs[site.url(ACCORD)]
    assert title == "Kiev et Washington s'entendent sur les minerais ukrainiens"
    assert (outlet, published, lang, source) == ("Le Courrier de l'Est", "2025-02-26", "fr",
                                                 site.url(ACCORD))
    assert "Denys Chmyhal a annoncé mercredi" in text
    # the site's furniture is not article text
    for furniture in ("Mentions légales", "S'abonner", "Tous droits réservés", "À lire aussi"):
        assert furniture not in text
    # the feed's date, in the feed's time zone (00:30 in Paris), wins over the page's UTC date
    assert docs[site.url(TERRES)][2] == "2025-04-05"
    # no og:site_name: the outlet is the host
    assert docs[site.url(TERRES)][1].startswith("127.0.0.1")
    # no date in the feed entry: the page's metadata gives it
    assert docs[site.url(LITHIUM)][2] == "2025-03-11"
    with duckdb.connect(str(db), read_only=True) as con:
        quotes = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    assert quotes >= 2  # the pipeline ran on the fetched text


def test_feeds_second_run_fetches_nothing_twice(site, tmp_path, backend, fetcher) -> None:
    site.news_site()
    db = tmp_path / "feeds-twice.duckdb"
    assert _ingest(site, db, backend, fetcher, "/rss.xml", "/atom.xml").new == 4
    before = len(site.hits)
    assert {p: len(site.hits_for(p)) for p in (ACCORD, TERRES, LITHIUM, COBALT)} == dict.fromkeys(
        (ACCORD, TERRES, LITHIUM, COBALT), 1)  # terres-rares is in both feeds: fetched once
    second = _ingest(site, db, backend, fetcher, "/rss.xml", "/atom.xml")
    assert (second.new, second.failed, second.feeds_unchanged) == (0, [], 2)
    new_hits = site.hits[before:]
    assert [hit.path for hit in new_hits] == ["/rss.xml", "/atom.xml"]
    assert new_hits[0].headers["if-none-match"] == '"rss-v1"'
    assert new_hits[1].headers["if-modified-since"] == "Sat, 21 Jun 2025 07:00:00 GMT"
    assert len(_documents(db)) == 4


def test_feeds_changed_feed_downloads_only_new_items(site, tmp_path, backend, fetcher) -> None:
    site.news_site()
    db = tmp_path / "feeds-changed.duckdb"
    _ingest(site, db, backend, fetcher, "/rss.xml")
    # the feed changes (new ETag) and now also lists the cobalt article
    grown = site.fixture("rss.xml").replace(
        b"<item>", b"<item><title>Cobalt</title><link>" + site.url(COBALT).encode()
        + b"</link></item>\n    <item>", 1)
    site.serve("/rss.xml", grown, "application/rss+xml", etag='"rss-v2"')
    report = _ingest(site, db, backend, fetcher, "/rss.xml")
    assert (report.new, report.already_stored, report.feeds_unchanged) == (1, 3, 0)
    assert len(site.hits_for(ACCORD)) == 1 and len(site.hits_for(COBALT)) == 1


def test_feeds_404_item_is_reported_and_the_others_stored(site, tmp_path, backend, fetcher) -> None:
    site.news_site()
    del site.routes[LITHIUM]
    db = tmp_path / "feeds-404.duckdb"
    report = _ingest(site, db, backend, fetcher, "/rss.xml")
    assert report.new == 2
    [error] = report.failed
    assert str(error).startswith(site.url(LITHIUM) + ": [F050]") and "HTTP 404" in str(error)
    # the feed is not remembered as read: next run asks for it in full and retries the item only
    site.serve(LITHIUM, site.fixture("lithium-serbie.html"))
    again = _ingest(site, db, backend, fetcher, "/rss.xml")
    assert (again.new, again.already_stored, again.failed) == (1, 2, [])
    assert "if-none-match" not in site.hits_for("/rss.xml")[1].headers
    assert len(site.hits_for(ACCORD)) == 1


def test_feeds_item_the_pipeline_refuses_keeps_the_feed_unread(site, tmp_path, backend,
                                                               fetcher) -> None:
    site.news_site()
    # a page the pipeline refuses (a run of 400 brackets its tokenizer would split one by one)
    bad = site.fixture("lithium-serbie.html").replace(
        b"<p>Le gouvernement serbe", b"<p>" + b"(" * 400 + b"mine. Le gouvernement serbe", 1)
    site.serve(LITHIUM, bad)
    db = tmp_path / "feeds-refused.duckdb"
    report = _ingest(site, db, backend, fetcher, "/rss.xml")
    assert report.new == 2
    [error] = report.failed
    assert str(error).startswith(site.url(LITHIUM)) and "[F016]" in str(error)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM fetch_state WHERE url = ?",
                           [site.url("/rss.xml")]).fetchone()[0] == 0
    # the page is fixed: the next run asks for the feed in full (no ETag sent) and stores the item
    site.serve(LITHIUM, site.fixture("lithium-serbie.html"))
    again = _ingest(site, db, backend, fetcher, "/rss.xml")
    assert (again.new, again.already_stored, again.failed) == (1, 2, [])
    assert "if-none-match" not in site.hits_for("/rss.xml")[1].headers
    assert len(site.hits_for(LITHIUM)) == 2 and len(site.hits_for(ACCORD)) == 1
    # now every item is stored: the feed's ETag is kept and sent the time after
    third = _ingest(site, db, backend, fetcher, "/rss.xml")
    assert (third.new, third.feeds_unchanged) == (0, 1)
    assert site.hits_for("/rss.xml")[2].headers["if-none-match"] == '"rss-v1"'


def test_feeds_robots_disallowed_item_is_not_fetched(site, tmp_path, backend, fetcher) -> None:
    site.news_site()
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /economie/\n", "text/plain")
    report = _ingest(site, db := tmp_path / "feeds-robots.duckdb", backend, fetcher, "/rss.xml")
    assert report.new == 2
    assert [str(e) for e in report.failed] == [f"{site.url(TERRES)}: [F051] robots.txt of this site "
                                               "disallows fetching this URL for filon"]
    assert site.hits_for(TERRES) == []
    assert site.url(TERRES) not in _documents(db)


def test_feeds_retry_after_503_then_store(site, tmp_path, backend, fetcher) -> None:
    site.news_site()
    site.sequence(ACCORD, Reply(503, b"surcharge"),
                  Reply(200, site.fixture("accord-minerais.html"), {"Content-Type": "text/html"}))
    report = _ingest(site, tmp_path / "feeds-503.duckdb", backend, fetcher, "/rss.xml")
    assert (report.new, report.failed) == (3, [])
    assert len(site.hits_for(ACCORD)) == 2


def test_feeds_page_that_times_out_does_not_stall_the_batch(site, tmp_path, backend, fetcher) -> None:
    site.news_site()
    site.sequence(ACCORD, Reply(200, b"", stall=60))
    db = tmp_path / "feeds-slow.duckdb"
    report = _ingest(site, db, backend, fetcher, "/rss.xml")
    assert report.new == 2
    [error] = report.failed
    assert str(error).startswith(site.url(ACCORD)) and "timed out" in str(error)
    assert set(_documents(db)) == {site.url(TERRES), site.url(LITHIUM)}


def test_feeds_bad_items_each_get_one_line(site, tmp_path, backend, fetcher) -> None:
    site.news_site()
    site.serve("/rapport.pdf", b"%PDF-1.7 ...", "application/pdf")
    pdf = site.url("/rapport.pdf").encode()
    extra = (b'<entry><title>Rapport</title><link href="' + pdf + b'"/><id>r</id></entry>\n'
             b"  <entry><title>Sans lien</title><id>urn:uuid:60a76c80</id></entry>\n  <entry>")
    feed = site.fixture("atom.xml").replace(b"<entry>", extra, 1)
    site.serve("/atom.xml", feed, "application/atom+xml")
    site.serve("/casse.xml", b"<html><body>pas un flux</body>", "application/rss+xml")
    report = _ingest(site, tmp_path / "feeds-bad.duckdb", backend, fetcher, "/atom.xml", "/casse.xml",
                     "/absent.xml")
    assert report.new == 2
    messages = sorted(str(e) for e in report.failed)
    broken = [m for m in messages if m.startswith(site.url("/casse.xml") + ": [F055] feed could not be read")]
    assert len(broken) == 1
    assert sorted(set(messages) - set(broken)) == sorted([
        f"{site.url('/rapport.pdf')}: [F054] not an HTML page or a feed (content type 'application/pdf')",
        f"{site.url('/atom.xml')}: [F056] feed item 2 has no link",
        f"{site.url('/absent.xml')}: [F050] could not fetch: HTTP 404 Not Found",
    ])
    assert len(messages) == 4


def test_feeds_page_url_is_ingested_once(site, tmp_path, backend, fetcher) -> None:
    site.news_site()
    db = tmp_path / "feeds-page.duckdb"
    assert _ingest(site, db, backend, fetcher, COBALT).new == 1
    again = _ingest(site, db, backend, fetcher, COBALT)
    assert (again.new, again.already_stored) == (0, 1)
    assert len(site.hits_for(COBALT)) == 1
    # the same article under another address is stored once, and that address is remembered
    site.serve("/amp/cobalt-rdc.html", site.fixture("cobalt-rdc.html"))
    copy = _ingest(site, db, backend, fetcher, "/amp/cobalt-rdc.html")
    assert (copy.new, copy.already_stored) == (0, 1)
    _ingest(site, db, backend, fetcher, "/amp/cobalt-rdc.html")
    assert len(site.hits_for("/amp/cobalt-rdc.html")) == 1
    assert len(_documents(db)) == 1


def test_feeds_extract_reads_urls_without_a_store(site, backend, fetcher) -> None:
    import io
    import json

    site.news_site()
    out = io.StringIO()
    report = jobs.extract([site.url("/atom.xml")], out, backend, fetcher=fetcher)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert report.failed == [] and len(records) == 2
    assert {r["url"] for r in records} == {site.url(COBALT), site.url(TERRES)}


def test_parse_feed_reads_rss_and_atom(site) -> None:
    rss = parse_feed(site.fixture("rss.xml"))
    assert [e.published for e in rss] == ["2025-02-26", "2025-04-05", None]
    assert rss[0].title == "Kiev et Washington s'entendent sur les minerais ukrainiens"
    atom = parse_feed(site.fixture("atom.xml"))
    assert [e.link for e in atom] == [site.url(COBALT), site.url(TERRES)]
    assert [e.published for e in atom] == ["2025-06-21", "2025-04-05"]  # <updated> when no <published>
    with pytest.raises(ValueError):
        parse_feed(b"<html><body>pas un flux</body></html>")


@given(
    moment=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1)),
    offset_minutes=st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: m - m % 15),
)
def test_feeds_entry_date_is_the_day_in_the_feed_time_zone(moment, offset_minutes) -> None:
    zone = timezone(timedelta(minutes=offset_minutes))
    aware = moment.replace(tzinfo=zone, microsecond=0)
    rfc822 = email.utils.format_datetime(aware)
    assert _entry_date({"published": rfc822}) == aware.date().isoformat()
    assert _entry_date({"updated": aware.isoformat()}) == aware.date().isoformat()


def test_feeds_store_of_schema_2_gains_fetch_state(tmp_path) -> None:
    from filon.store import Store
    from filon.store.schema import SCHEMA_VERSION

    db = tmp_path / "feeds-v2.duckdb"
    Store(db).close()
    with duckdb.connect(str(db)) as con:  # what filon wrote before fetch_state existed
        con.execute("DROP TABLE fetch_state")
        con.execute("DELETE FROM _filon_migrations WHERE version >= 3")
        con.execute("UPDATE filon_meta SET value = '2' WHERE key = 'schema_version'")
    with Store(db, read_only=True) as old:
        assert old.version == 2  # still readable as it is
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION >= 3
        assert store.con.execute("SELECT count(*) FROM fetch_state").fetchone()[0] == 0
