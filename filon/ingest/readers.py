"""Read articles from files, directories and stdin; every bad input becomes a coded `InputError`.

`iter_articles` is the one entry point the CLI, the store jobs and the evaluation use. It never
raises for bad input: each file (or JSON line) that cannot be read is yielded as an `InputError`
naming the file, the line when there is one, and an F-code from `filon.errors.Errors`, and the
batch goes on.

Formats:

- `.txt`: the article text, optionally after a metadata header of ``key: value`` lines (title,
  url, outlet, published, lang; case-insensitive) closed by a line ``---``. Without ``---`` the
  whole file is text.
- `.html` / `.htm`: main text and metadata extracted by trafilatura.
- `.jsonl` / `.json`: one JSON object per line (text, title, url, outlet, published, lang, id). A
  `.json` file that holds one object or one array of objects is read too.
- `-`: stdin; JSON Lines when its first non-blank line is a JSON object, else one text article.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from filon.errors import Errors, InputError
from filon.ingest.article import Article
from filon.ingest.dateline import parse_dateline, parse_french_date
from filon.ingest.encoding import decode_bytes
from filon.ingest.furniture import find_boilerplate
from filon.ingest.language import detect_language, normalize_lang

__all__ = ["HEADER_KEYS", "SUFFIXES", "ReadResult", "html_article", "input_files", "is_url",
           "iter_articles", "parse_published"]

LOGGER = logging.getLogger(__name__)

ReadResult = Article | InputError
"""What `iter_articles` yields: an article, or the error of one input that could not be read."""

STDIN = "-"
STDIN_SOURCE = "<stdin>"
DEFAULT_MAX_BYTES = 20_000_000
HEADER_KEYS = frozenset({"title", "url", "outlet", "published", "lang"})
_JSON_FIELDS = ("text", "title", "url", "outlet", "published", "lang", "id")
# A header is a handful of lines; past this many the `---` belongs to the article, not a header.
_MAX_HEADER_LINES = 30
_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z_-]{0,30})\s*:\s*(.*?)\s*$")
_HEADER_END = "---"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)
# A page whose extracted text is shorter than this, or holds no sentence, is a menu, an error
# page or a paywall stub, not an article (trafilatura returns "Accueil" for a nav-only page).
_MIN_HTML_CHARS = 80
_SENTENCE = re.compile(r"[.!?…»\"”](?:\s|$)")
# JSON may spell a lone UTF-16 surrogate ("\ud800"); Python keeps it in the str, and it cannot be
# encoded as UTF-8 (hashing the article id, storing it in DuckDB, printing it would raise).
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def iter_articles(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    default_lang: str | None = None,
) -> Iterator[ReadResult]:
    """Read every article under `paths`, in order, yielding an error for each bad input.

    Args:
        paths: files, directories (read recursively, sorted; only known suffixes; hidden files
            and directories skipped) or "-" for stdin.
        max_bytes: files larger than this are refused with F008 before being read. Defaults to
            20 000 000.
        default_lang: language assumed when a text is too short for detection. Defaults to `None`.

    Yields:
        An `Article` per article read (text normalized, id, lang, published, boilerplate spans),
        or an `InputError` per file or JSON line that failed.
    """
    for path in paths:
        if str(path) == STDIN:
            yield from _read_stdin(max_bytes, default_lang)
            continue
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, max_bytes, default_lang)
        elif not path.exists():
            yield InputError(_source_name(path), Errors.F001)
        elif path.suffix.lower() not in SUFFIXES:
            suffix = _SURROGATE.sub("\ufffd", path.suffix) or "(none)"
            yield InputError(_source_name(path), Errors.F009.format(suffix=suffix))
        else:
            yield from _read_file(path, max_bytes, default_lang)


def is_url(value: str) -> bool:
    """True for an http(s) URL given where a path could be (read by `filon.ingest.feeds`)."""
    return value.lower().startswith(("http://", "https://"))


def input_files(paths: Sequence[str | Path]) -> list[str]:
    """The files `iter_articles` would read under `paths`, in its order (directories walked).

    Paths that are not directories are kept as given, so reading them later reports a missing
    file or an unknown suffix exactly as `iter_articles` does. Lets a distributed backend hand
    each worker its own files.
    """
    files: list[str] = []
    for path in paths:
        if str(path) != STDIN and Path(path).is_dir():
            files.extend(str(file) for file in _walk(Path(path)))
        else:
            files.append(str(path))
    return files


def _walk(root: Path) -> list[Path]:
    """Files under `root` with a known suffix, sorted by path, hidden files and directories skipped.

    Sorted over the whole tree (``a.txt``, ``sub/b.txt``, ``z.txt``), so a run's order, and the
    order of its errors, does not depend on the file system.
    """
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(
            Path(dirpath) / name
            for name in filenames
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
        )
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _read_bytes(path: Path) -> bytes:
    """Read a whole file (a seam for the test that proves size is checked first)."""
    return path.read_bytes()


def _source_name(path: Path) -> str:
    """The path as valid text: undecodable bytes of a file name (kept by Python as surrogates)
    shown as \\xff, so the name can be stored and printed."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _read_file(path: Path, max_bytes: int, default_lang: str | None) -> Iterator[ReadResult]:
    source = _source_name(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield _too_big(source, size, max_bytes)
            return
        if size == 0:
            yield InputError(source, Errors.F002)
            return
        data = _read_bytes(path)
    except FileNotFoundError:
        yield InputError(source, Errors.F001)
        return
    except OSError as exc:
        yield InputError(source, Errors.F004.format(reason=exc.strerror or str(exc)))
        return
    # the file may have grown between stat and read
    if len(data) > max_bytes:
        yield _too_big(source, len(data), max_bytes)
        return
    yield from SUFFIXES[path.suffix.lower()](data, source, default_lang)


def _too_big(source: str, size: int, max_bytes: int) -> InputError:
    limit = f"{max_bytes / 1_000_000:g}"
    return InputError(source, Errors.F008.format(size_mb=size / 1_000_000, limit_mb=limit))


def _read_stdin(max_bytes: int, default_lang: str | None) -> Iterator[ReadResult]:
    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:
        # stdin closed, or replaced by an object without bytes (some embedding hosts)
        yield InputError(STDIN_SOURCE, Errors.F004.format(reason="stdin is not readable"))
        return
    # read one byte past the limit to know whether the input is over it without reading it all
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield _too_big(STDIN_SOURCE, len(data), max_bytes)
        return
    if not data.strip():
        yield InputError(STDIN_SOURCE, Errors.F002)
        return
    if _looks_like_jsonl(data):
        yield from _read_jsonl(data, STDIN_SOURCE, default_lang)
    else:
        yield from _read_txt(data, STDIN_SOURCE, default_lang)


def _looks_like_jsonl(data: bytes) -> bool:
    """True when the first non-blank line of `data` parses as a JSON object."""
    for raw in data.splitlines():
        line = raw.strip().lstrip(b"\xef\xbb\xbf")
        if not line:
            continue
        try:
            return isinstance(json.loads(line), dict)
        except (ValueError, RecursionError):
            return False
    return False


# --- .txt -------------------------------------------------------------------------------------


def _read_txt(data: bytes, source: str, default_lang: str | None) -> Iterator[ReadResult]:
    try:
        text = decode_bytes(data, source).text
        meta, body = split_header(text, source)
    except InputError as exc:
        yield exc
        return
    yield _article(body, meta, source, default_lang)


def split_header(text: str, source: str = "<text>") -> tuple[dict[str, Any], str]:
    """Split an optional ``key: value`` header closed by ``---`` off a text article.

    Args:
        text: the decoded file content.
        source: named in errors. Defaults to "<text>".

    Returns:
        (metadata with parsed values, the article text). Without a ``---`` line closing a run of
        ``key: value`` lines at the top, the metadata is empty and the text is all of `text`.
        A header may also open with ``---`` (front matter, as static-site generators write it).

    Raises:
        InputError: F010 for an unknown or repeated key or a value that cannot be read.
    """
    lines = text.lstrip("\ufeff").splitlines()
    pairs: list[tuple[str, str]] = []
    end = None
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    # static-site front matter opens the header with "---" too; skip that opening line
    begin = first + 1 if lines and lines[first].strip() == _HEADER_END else 0
    for index, line in enumerate(lines[: begin + _MAX_HEADER_LINES + 1]):
        if index < begin:
            continue
        if line.strip() == _HEADER_END:
            end = index
            break
        if not line.strip():
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            return {}, text
        pairs.append((match.group(1).lower(), match.group(2)))
    if end is None or not pairs:
        return {}, text
    meta: dict[str, Any] = {}
    for key, value in pairs:
        if key not in HEADER_KEYS:
            known = ", ".join(sorted(HEADER_KEYS))
            raise InputError(source, Errors.F010.format(reason=f"unknown key '{key}' ({known})"))
        if key in meta:
            raise InputError(source, Errors.F010.format(reason=f"key '{key}' given twice"))
        try:
            meta[key] = _field_value(key, value)
        except ValueError as exc:
            raise InputError(source, Errors.F010.format(reason=f"field '{key}' {exc}")) from None
    return meta, "\n".join(lines[end + 1 :])


def _field_value(key: str, value: Any) -> str | None:
    """Check and normalize one metadata value; raise ValueError saying what is wrong."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"must be a string, got {type(value).__name__}")
    value = value.strip()
    if not value:
        return None
    if key == "published":
        published = parse_published(value)
        if published is None:
            raise ValueError(f"is not a date: {value!r} (expected 2025-02-24 or 24 février 2025)")
        return published
    if key == "lang":
        lang = normalize_lang(value)
        if lang is None:
            raise ValueError(f"is not a language code: {value!r} (expected e.g. fr, en)")
        return lang
    if key == "url" and not _URL.match(value):
        raise ValueError(f"is not a URL: {value!r}")
    return value


def parse_published(value: str) -> str | None:
    """ISO date of a `published` value: "2025-02-24", "2025-02-24T18:32:00+01:00",
    "24 février 2025", "lundi 24 février 2025", "24/02/2025"; None when it is not one date.
    """
    value = value.strip()
    match = _ISO_DATE.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    # a header value is one date, not a sentence that happens to contain one
    if len(value) > 40:
        return None
    return parse_french_date(value)


# --- .html ------------------------------------------------------------------------------------


def _read_html(data: bytes, source: str, default_lang: str | None) -> Iterator[ReadResult]:
    yield html_article(data, source, default_lang)


def html_article(
    data: bytes,
    source: str,
    default_lang: str | None,
    *,
    url: str | None = None,
    known: dict[str, str | None] | None = None,
) -> ReadResult:
    """The article of an HTML page: main text and metadata extracted by trafilatura.

    Args:
        data: the page's bytes.
        source: named in errors and stored as the article's source (a path or a URL).
        default_lang: language assumed when a text is too short for detection.
        url: where the page was fetched, given to trafilatura (it reads the site from it).
        known: metadata known from elsewhere (a feed entry: title, published, outlet, url); a
            value given here wins over the page's own.
    """
    try:
        html = decode_bytes(data, source).text
    except InputError as exc:
        return exc
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        LOGGER.warning("trafilatura failed on %s: %s", source, exc)
        doc = None
    text = (getattr(doc, "text", None) or "").strip()
    if len(text) < _MIN_HTML_CHARS or not _SENTENCE.search(text):
        return InputError(source, Errors.F005)
    meta = {
        "title": _clean(getattr(doc, "title", None)),
        "url": _clean(getattr(doc, "url", None)),
        "outlet": _clean(getattr(doc, "sitename", None)),
        "published": parse_published(getattr(doc, "date", None) or ""),
        "lang": normalize_lang(getattr(doc, "language", None) or ""),
    }
    meta.update({key: value for key, value in (known or {}).items() if value})
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    page_title = _clean(getattr(doc, "title", None))
    if lines and lines[0] in {page_title, meta["title"]}:
        # trafilatura keeps the <h1> as the first line; the title is stored apart
        lines = lines[1:]
    # trafilatura puts one paragraph per line; a blank line between them is how stored text
    # separates paragraphs, and what boilerplate marking expects
    return _article("\n\n".join(lines), meta, source, default_lang)


def _clean(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# --- .jsonl / .json -----------------------------------------------------------------------------


def _read_json(data: bytes, source: str, default_lang: str | None) -> Iterator[ReadResult]:
    """A `.json` file: one object, an array of objects, or JSON Lines."""
    try:
        text = decode_bytes(data, source).text
    except InputError as exc:
        yield exc
        return
    try:
        whole = json.loads(text)
    except (ValueError, RecursionError):
        yield from _read_json_lines(text, source, default_lang)
        return
    items = whole if isinstance(whole, list) else [whole]
    for index, item in enumerate(items, start=1):
        # an array has no line numbers; the item's position is what the user can find
        yield _json_article(item, source, index if len(items) > 1 else None, default_lang)


def _read_jsonl(data: bytes, source: str, default_lang: str | None) -> Iterator[ReadResult]:
    try:
        text = decode_bytes(data, source).text
    except InputError as exc:
        yield exc
        return
    yield from _read_json_lines(text, source, default_lang)


def _read_json_lines(text: str, source: str, default_lang: str | None) -> Iterator[ReadResult]:
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            # the decoder counts lines inside the one line it saw; give the column only
            reason = f"{exc.msg} at column {exc.colno}"
            yield InputError(source, Errors.F006.format(line=number, reason=reason), line=number)
            continue
        except RecursionError:
            # json's decoder recurses once per [ or {: 100 000 of them overflow the stack
            reason = "nested too deeply (arrays or objects inside each other)"
            yield InputError(source, Errors.F006.format(line=number, reason=reason), line=number)
            continue
        yield _json_article(item, source, number, default_lang)


def _json_article(item: Any, source: str, line: int | None, default_lang: str | None) -> ReadResult:
    where = f"{source}:{line}" if line is not None else source
    number = line if line is not None else 1
    if not isinstance(item, dict):
        reason = f"expected an object, got {type(item).__name__}"
        return InputError(source, Errors.F006.format(line=number, reason=reason), line=line)

    def bad(field: str, reason: str) -> InputError:
        return InputError(
            source, Errors.F007.format(line=number, field=field, reason=reason), line=line
        )

    text = item.get("text")
    if not isinstance(text, str):
        kind = type(text).__name__
        return bad("text", "is missing" if text is None else f"must be a string, got {kind}")
    surrogate = _SURROGATE.search(text)
    if surrogate:
        # the text is what offsets index: it is refused rather than silently altered
        code = ord(surrogate.group())
        return bad("text", f"holds a lone surrogate \\u{code:04x} at character {surrogate.start()}"
                   " (not valid Unicode)")
    meta: dict[str, Any] = {}
    for key in ("title", "url", "outlet", "published", "lang"):
        try:
            meta[key] = _field_value(key, _no_surrogates(item.get(key)))
        except ValueError as exc:
            return bad(key, str(exc))
    raw_id = _no_surrogates(item.get("id"))
    if isinstance(raw_id, bool) or (raw_id is not None and not isinstance(raw_id, str | int)):
        return bad("id", f"must be a string or an integer, got {type(raw_id).__name__}")
    source_id = str(raw_id) if raw_id is not None and str(raw_id).strip() else None
    result = _article(text, meta, where, default_lang, source_id=source_id)
    if isinstance(result, InputError):
        return InputError(source, result.message, line=line)
    return result


def _no_surrogates(value: Any) -> Any:
    """A metadata string with lone surrogates replaced by U+FFFD; the article is kept."""
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


# --- common -------------------------------------------------------------------------------------


def _article(
    text: str,
    meta: dict[str, Any],
    source: str,
    default_lang: str | None,
    *,
    source_id: str | None = None,
) -> ReadResult:
    """Build an Article: normalize, fill `published` from a dateline and `lang` by detection."""
    article = Article(
        text=text,
        title=meta.get("title"),
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        lang=meta.get("lang"),
        source=source,
        source_id=source_id,
    )
    if not article.text:
        return InputError(source, Errors.F011)
    if article.published is None:
        article.published = parse_dateline(article.text)
    if article.lang is None:
        article.lang = detect_language(article.text, default=default_lang)
    article.boilerplate = find_boilerplate(article.text)
    return article


SUFFIXES: dict[str, Callable[[bytes, str, str | None], Iterator[ReadResult]]] = {
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".jsonl": _read_jsonl,
    ".json": _read_json,
}
"""Known suffixes and their readers; inside a directory every other file is skipped silently."""
