"""The polite HTTP client of URL ingest, against a real server on 127.0.0.1 (tests/conftest.py)."""

from __future__ import annotations

import itertools
import socket
import time

import pytest
from conftest import Reply

from filon.ingest.fetch import USER_AGENT, Fetcher, FetchError, FetchOptions, HostPacer, Validators

PAGE = b"<html><body><p>Bonjour.</p></body></html>"
# small limits keep the suite fast; the behaviour is the same as with the defaults
FAST = FetchOptions(timeout=0.5, total_timeout=3.0, retries=2, backoff=0.05, host_delay=0.0)


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as client:
        yield client


def test_fetch_names_filon_in_the_user_agent(site, fetcher) -> None:
    site.serve("/p.html", PAGE)
    response = fetcher.get(site.url("/p.html"))
    assert response.status == 200 and response.content == PAGE
    assert response.content_type == "text/html"
    agent = site.hits_for("/p.html")[0].headers["user-agent"]
    assert agent == USER_AGENT
    assert agent.startswith("filon/") and "(+http" in agent


def test_fetch_sends_etag_and_reports_304(site, fetcher) -> None:
    site.serve("/f.xml", b"<rss/>", "application/rss+xml", etag='"v1"',
               last_modified="Wed, 26 Feb 2025 09:30:00 GMT")
    first = fetcher.get(site.url("/f.xml"))
    assert first.validators == Validators('"v1"', "Wed, 26 Feb 2025 09:30:00 GMT")
    second = fetcher.get(site.url("/f.xml"), first.validators)
    assert second.not_modified and second.content == b""
    sent = site.hits_for("/f.xml")[1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Wed, 26 Feb 2025 09:30:00 GMT"
    assert "if-none-match" not in site.hits_for("/f.xml")[0].headers


def test_fetch_uses_last_modified_alone(site, fetcher) -> None:
    site.serve("/a.xml", b"<feed/>", "application/atom+xml", last_modified="Sat, 21 Jun 2025 07:00:00 GMT")
    first = fetcher.get(site.url("/a.xml"))
    assert first.validators == Validators(None, "Sat, 21 Jun 2025 07:00:00 GMT")
    assert fetcher.get(site.url("/a.xml"), first.validators).not_modified
    # a changed resource is served again in full
    site.serve("/a.xml", b"<feed>2</feed>", "application/atom+xml",
               last_modified="Sun, 22 Jun 2025 07:00:00 GMT")
    again = fetcher.get(site.url("/a.xml"), first.validators)
    assert again.status == 200 and again.content == b"<feed>2</feed>"


def test_fetch_respects_robots_disallow(site, fetcher) -> None:
    site.serve("/robots.txt", b"User-agent: *\nDisallow: /admin/\n\nUser-agent: filon\n"
               b"Disallow: /prive/\n", "text/plain")
    site.serve("/prive/dossier.html", PAGE)
    site.serve("/public.html", PAGE)
    with pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/prive/dossier.html"))
    assert "[F051]" in caught.value.message
    assert fetcher.get(site.url("/public.html")).content == PAGE
    assert site.hits_for("/prive/dossier.html") == []
    assert len(site.hits_for("/robots.txt")) == 1  # read once per site


def test_fetch_robots_server_error_keeps_off_the_site(site, fetcher) -> None:
    site.sequence("/robots.txt", Reply(500, b"panne"))
    site.serve("/p.html", PAGE)
    with pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/p.html"))
    assert "[F052]" in caught.value.message and "HTTP 500" in caught.value.message
    assert site.hits_for("/p.html") == []


def test_fetch_retries_after_503_then_succeeds(site, fetcher) -> None:
    site.sequence("/p.html", Reply(503, b"busy"), Reply(200, PAGE, {"Content-Type": "text/html"}))
    assert fetcher.get(site.url("/p.html")).content == PAGE
    hits = site.hits_for("/p.html")
    assert len(hits) == 2
    assert hits[1].at - hits[0].at >= FAST.backoff * 0.9


def test_fetch_honours_retry_after(site) -> None:
    site.sequence("/p.html", Reply(429, b"", {"Retry-After": "5"}),
                  Reply(200, PAGE, {"Content-Type": "text/html"}))
    with Fetcher(FetchOptions(retries=1, backoff=0.01, max_backoff=0.3, host_delay=0)) as client:
        assert client.get(site.url("/p.html")).status == 200
    hits = site.hits_for("/p.html")
    # Retry-After asked 5 s, capped by max_backoff (0.3 s); the 0.01 s backoff was not used
    assert 0.25 <= hits[1].at - hits[0].at < 3.0


def test_fetch_gives_up_after_the_retries(site, fetcher) -> None:
    site.sequence("/p.html", Reply(503, b"busy"))
    with pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/p.html"))
    assert "HTTP 503" in caught.value.message and "after 3 attempts" in caught.value.message
    assert len(site.hits_for("/p.html")) == FAST.retries + 1


def test_fetch_does_not_retry_a_404(site, fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/absent.html"))
    assert "[F050]" in caught.value.message and "HTTP 404" in caught.value.message
    assert len(site.hits_for("/absent.html")) == 1


def test_fetch_spaces_requests_to_one_host(site) -> None:
    site.serve("/p.html", PAGE)
    delay = 0.12
    with Fetcher(FetchOptions(host_delay=delay)) as client:
        for _ in range(4):
            client.get(site.url("/p.html"))
    hits = [hit.at for hit in site.hits if hit.path in ("/robots.txt", "/p.html")]
    assert len(hits) == 5  # robots.txt, then the page four times
    gaps = [b - a for a, b in itertools.pairwise(hits)]
    assert min(gaps) >= delay * 0.95, gaps


def test_fetch_follows_robots_crawl_delay(site) -> None:
    site.serve("/robots.txt", b"User-agent: filon\nCrawl-delay: 1\n", "text/plain")
    site.serve("/p.html", PAGE)
    with Fetcher(FetchOptions(host_delay=0.0)) as client:
        client.get(site.url("/p.html"))
        client.get(site.url("/p.html"))
    first, second = site.hits_for("/p.html")
    assert second.at - first.at >= 0.95  # robotparser reads whole seconds


def test_host_pacer_keeps_hosts_apart() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 6))
        now[0] += seconds

    pacer = HostPacer(clock=lambda: now[0], sleep=sleep)
    pacer.wait("a.fr", 2.0)
    pacer.wait("b.fr", 2.0)  # another host does not wait for a.fr
    now[0] += 0.5
    pacer.wait("a.fr", 2.0)
    assert slept == [1.5]


def test_fetch_timeout_is_reported_quickly(site, fetcher) -> None:
    site.sequence("/lent.html", Reply(200, PAGE, stall=30))
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/lent.html"))
    assert "timed out" in caught.value.message
    # a timeout is not retried: one request, and far less than the 30 s stall
    assert len(site.hits_for("/lent.html")) == 1
    assert time.monotonic() - started < 10


def test_fetch_refuses_a_body_over_the_limit(site) -> None:
    site.serve("/gros.html", b"x" * 5000)
    with Fetcher(FetchOptions(max_bytes=1000, host_delay=0)) as client, \
            pytest.raises(FetchError) as caught:
        client.get(site.url("/gros.html"))
    assert "[F053]" in caught.value.message


def test_fetch_follows_redirects(site, fetcher) -> None:
    site.sequence("/ancien.html", Reply(301, b"", {"Location": "/nouveau.html"}))
    site.serve("/nouveau.html", PAGE)
    response = fetcher.get(site.url("/ancien.html"))
    assert response.url == site.url("/nouveau.html") and response.content == PAGE


def test_fetch_reports_a_refused_connection(fetcher) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # nothing listens on the port now
    with pytest.raises(FetchError) as caught:
        fetcher.get(f"http://127.0.0.1:{port}/p.html")
    assert "[F052]" in caught.value.message or "[F050]" in caught.value.message


def test_fetch_refuses_other_schemes(fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        fetcher.get("ftp://127.0.0.1/fichier.txt")
    assert "not an http(s) URL" in caught.value.message
