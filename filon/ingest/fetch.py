"""HTTP for ingest: one polite client for feeds and pages.

    FetchError      one URL could not be fetched; `message` is the coded reason shown to the user

What `Fetcher.get` does for every URL, with the limits of `FetchOptions`:

- names itself: ``filon/<version> (+<project address>)``;
- reads robots.txt once per site (kept `robots_ttl` seconds) and follows RFC 9309: no file or a 4xx
  means no rules, a 5xx or no answer means the site is not crawled at all;
- starts a request to a host at least `host_delay` seconds after the last answer from it ended
  (longer when robots.txt asks for a `Crawl-delay`, up to a minute), redirects and retries included;
- times out each connect and read after `timeout` seconds, and a whole response after
  `total_timeout`; a timeout is not retried, so one slow site costs one timeout, not several;
- retries 429, 500, 502, 503, 504 and dropped connections with exponential backoff (a
  `Retry-After` in seconds is honoured, capped at `max_backoff`);
- sends the `ETag` / `Last-Modified` it is given as `If-None-Match` / `If-Modified-Since`, and
  reports a 304 as `Response.not_modified`;
- refuses a body over `max_bytes` while reading it (before, when `Content-Length` says so).

Redirects are followed here rather than by httpx, so each hop is checked against its own site's
robots.txt and paced like any request.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from filon.errors import Errors

LOGGER = logging.getLogger(__name__)

__all__ = ["USER_AGENT", "FetchError", "FetchOptions", "Fetcher", "Response", "Validators"]


def _user_agent() -> str:
    try:
        meta = metadata.metadata("filon")
        version = meta["Version"]
        urls = dict(url.split(", ", 1) for url in meta.get_all("Project-URL") or [] if ", " in url)
    except metadata.PackageNotFoundError:
        # running from a source tree that was never installed (the package root imports the
        # pipeline: reading its version from there would make ingest reach up to it)
        version, urls = "dev", {}
    home = urls.get("Homepage") or "https://pypi.org/project/filon/"
    return f"filon/{version} (+{home})"


USER_AGENT = _user_agent()
_ROBOTS_TOKEN = "filon"  # the product token robots.txt groups are matched against
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 5
_MAX_CRAWL_DELAY = 60.0
_ROBOTS_MAX_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB
_DNS_MARKERS = ("Name or service not known", "nodename nor servname", "name resolution",
                "getaddrinfo failed", "No address associated")


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said about a version of a resource, sent back to ask "changed since?"."""

    etag: str | None = None
    last_modified: str | None = None

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)

    def headers(self) -> dict[str, str]:
        """The conditional request headers for these validators."""
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchOptions:
    """Limits and manners of a `Fetcher` (seconds and bytes)."""

    timeout: float = 20.0
    total_timeout: float = 60.0
    retries: int = 3
    backoff: float = 1.0  # the first wait; doubled at each retry
    max_backoff: float = 30.0
    host_delay: float = 1.0
    max_bytes: int = 20_000_000
    robots_ttl: float = 3600.0
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: 200 with its body, or 304 (`not_modified`) without one."""

    url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""  # media type, lower case, without parameters
    validators: Validators = field(default_factory=Validators)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """One URL could not be fetched; `message` is coded (see `filon.errors.Errors`)."""

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        self.message = message
        super().__init__(f"{url}: {message}")


class HostPacer:
    """Keeps requests to one host at least a delay apart (the per-host rate limit).

    The delay runs from the end of the previous request (`done`), not its start: the site gets
    `delay` seconds of quiet after each answer, however slow the answer was.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str, delay: float) -> None:
        """Sleep until `delay` seconds have passed since the last request to `host`, then mark now."""
        last = self._last.get(host)
        if last is not None:
            remaining = last + delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()

    def done(self, host: str) -> None:
        """Mark the end of a request to `host`: the next one waits from here."""
        self._last[host] = self._clock()


@dataclass(frozen=True, slots=True)
class _Retry:
    """Another attempt is worth it: after `wait` seconds (Retry-After) or the backoff."""

    wait: float | None
    reason: str


@dataclass(slots=True)
class _Robots:
    """The rules of one site, or the reason it may not be crawled at all."""

    parser: RobotFileParser | None
    refused: str | None
    read_at: float


class Fetcher:
    """A polite HTTP client for feeds and pages (see the module docstring). Close it, or use `with`."""

    def __init__(self, options: FetchOptions | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.options = options or FetchOptions()
        timeout = httpx.Timeout(self.options.timeout)
        self._client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                                    headers={"User-Agent": self.options.user_agent})
        self._pacer = HostPacer()
        self._robots: dict[str, _Robots] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, validators: Validators | None = None) -> Response:
        """Fetch `url` (following redirects), conditionally when `validators` are given.

        Raises:
            FetchError: robots.txt refuses it, the network fails, an HTTP error remains after
                the retries, or the body is over `max_bytes`.
        """
        headers = validators.headers() if validators else {}
        current = url
        for _ in range(_MAX_REDIRECTS + 1):
            self._check_robots(current)
            response, location = self._request(current, headers, self.options.max_bytes)
            if location is None:
                return response
            current = urljoin(current, location)
        raise FetchError(url, Errors.F050.format(reason=f"more than {_MAX_REDIRECTS} redirects"))

    # -- robots.txt ------------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, Errors.F050.format(reason="not an http(s) URL"))
        origin = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(origin)
        if robots is None or time.monotonic() - robots.read_at > self.options.robots_ttl:
            robots = self._read_robots(origin)
            self._robots[origin] = robots
        if robots.refused:
            raise FetchError(url, Errors.F052.format(reason=robots.refused))
        if robots.parser is not None and not robots.parser.can_fetch(_ROBOTS_TOKEN, url):
            raise FetchError(url, Errors.F051)

    def _read_robots(self, origin: str) -> _Robots:
        now = time.monotonic()
        try:
            response, location = self._request(origin + "/robots.txt", {}, _ROBOTS_MAX_BYTES,
                                                raise_for_status=False)
        except FetchError as exc:
            reason = exc.message.split("] ", 1)[-1].removeprefix("could not fetch: ")
            return _Robots(None, reason, now)
        if location is not None or 400 <= response.status < 500:
            # a redirect away from /robots.txt (often to a home page) or no file: no rules
            return _Robots(None, None, now)
        if response.status >= 500:
            return _Robots(None, f"HTTP {response.status}", now)
        parser = RobotFileParser()
        parser.parse(response.content.decode("utf-8", "replace").splitlines())
        return _Robots(parser, None, now)

    def _delay(self, url: str) -> float:
        parts = urlsplit(url)
        robots = self._robots.get(f"{parts.scheme}://{parts.netloc}")
        asked = robots.parser.crawl_delay(_ROBOTS_TOKEN) if robots and robots.parser else None
        return max(self.options.host_delay, min(float(asked or 0), _MAX_CRAWL_DELAY))

    # -- one request, with retries ---------------------------------------------------------

    def _request(self, url: str, headers: dict[str, str], max_bytes: int, *,
                 raise_for_status: bool = True) -> tuple[Response, str | None]:
        """One GET with retries: (response, None), or (redirect response, Location).

        An HTTP error status is raised as FetchError unless `raise_for_status` is False (robots.txt,
        whose status the caller reads).
        """
        options = self.options
        host = urlsplit(url).hostname or ""
        attempts = options.retries + 1
        for attempt in range(1, attempts + 1):
            self._pacer.wait(host, self._delay(url))
            try:
                outcome = self._attempt(url, headers, max_bytes, raise_for_status, attempt, attempts)
            finally:
                self._pacer.done(host)
            if isinstance(outcome, _Retry):
                backoff = min(options.backoff * 2 ** (attempt - 1), options.max_backoff)
                delay = min(outcome.wait, options.max_backoff) if outcome.wait is not None else backoff
                LOGGER.info("retrying %s in %.2f s (%s)", url, delay, outcome.reason)
                time.sleep(delay)
                continue
            return outcome
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _attempt(self, url: str, headers: dict[str, str], max_bytes: int, raise_for_status: bool,
                 attempt: int, attempts: int) -> tuple[Response, str | None] | _Retry:
        """One GET: its answer, a `_Retry` when another attempt is worth it, or a FetchError."""
        try:
            with self._client.stream("GET", url, headers=headers) as raw:
                if raw.status_code in _RETRY_STATUS and attempt < attempts:
                    return _Retry(_retry_after(raw.headers.get("Retry-After")),
                                  f"HTTP {raw.status_code}")
                return self._answer(url, raw, max_bytes, raise_for_status, attempt)
        except httpx.TimeoutException:
            reason = f"timed out (no answer within {self.options.timeout:g} s)"
            raise FetchError(url, Errors.F050.format(reason=reason)) from None
        except httpx.TransportError as exc:
            reason = str(exc) or type(exc).__name__
            if any(marker in reason for marker in _DNS_MARKERS):
                host = urlsplit(url).hostname
                raise FetchError(url, Errors.F050.format(
                    reason=f"DNS: cannot resolve host '{host}'")) from None
            if attempt == attempts:
                raise FetchError(url, Errors.F050.format(
                    reason=f"{reason} (after {attempts} attempts)")) from None
            return _Retry(None, reason)

    def _answer(self, url: str, raw: httpx.Response, max_bytes: int, raise_for_status: bool,
                attempt: int) -> tuple[Response, str | None]:
        status = raw.status_code
        validators = Validators(raw.headers.get("ETag"), raw.headers.get("Last-Modified"))
        if status in _REDIRECT_STATUS and raw.headers.get("Location"):
            return Response(url, status), raw.headers["Location"]
        if status == 304:
            return Response(url, status, validators=validators), None
        if status >= 400 and raise_for_status:
            phrase = f" {raw.reason_phrase}" if raw.reason_phrase else ""
            after = f" after {attempt} attempts" if attempt > 1 else ""
            raise FetchError(url, Errors.F050.format(reason=f"HTTP {status}{phrase}{after}"))
        content = self._read_body(url, raw, max_bytes)
        media = raw.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
        return Response(url, status, content, media, validators), None

    def _read_body(self, url: str, raw: httpx.Response, max_bytes: int) -> bytes:
        declared = raw.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(url, _too_large(max_bytes))
        deadline = time.monotonic() + self.options.total_timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in raw.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, _too_large(max_bytes))
            if time.monotonic() > deadline:
                # a server trickling bytes never trips the read timeout
                reason = f"the response took over {self.options.total_timeout:g} s"
                raise FetchError(url, Errors.F050.format(reason=reason))
            chunks.append(chunk)
        return b"".join(chunks)


def _too_large(max_bytes: int) -> str:
    return Errors.F053.format(limit_mb=f"{max_bytes / 1_000_000:g}")


def _retry_after(value: str | None) -> float | None:
    """Seconds asked by a Retry-After header (a number or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
