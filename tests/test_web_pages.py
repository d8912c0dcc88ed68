"""The server-rendered pages of `filon serve`: structure, escaping, CSP, and the span markup."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_web_support import IMG, SCRIPT, client_for, web_store, xss_doc_id

from filon.web.highlight import Span, render

US_UA = "agr:ukraine+united-states:deal"
VOID = {"meta", "link", "input", "br", "img", "hr", "circle", "line", "rect", "polyline"}


class _Tree(HTMLParser):
    """Collects tags, checks nesting, and keeps the text outside tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree


# -- the span markup, without a store ------------------------------------------------------------

def test_web_render_escapes_text_and_attributes():
    text = f'A {SCRIPT} B {IMG} C'
    html = render(text, [Span(2, 27, "quote", attrs={"title": IMG, "class": "hl"})])
    tree = _parse(html)
    assert "".join(tree.text) == text
    assert [t for t, _ in tree.tags] == ["span"] and tree.tags[0][1]["title"] == IMG
    assert "<script" not in html and "<img" not in html


def test_web_render_splits_crossing_spans_and_keeps_the_anchor_on_the_first_piece():
    text = "0123456789"
    html = render(text, [Span(0, 6, "evidence", "mark", {"id": "ev-0"}),
                         Span(4, 9, "quote", attrs={"id": "q-0"})])
    assert html == ('<mark id="ev-0">0123<span id="q-0">45</span></mark><span>678</span>9')


@given(st.text(alphabet="ab<&\"'>é «»", min_size=1, max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20),
                          st.sampled_from(["evidence", "quote", "speaker", "entity", "date"])),
                max_size=8))
def test_web_render_is_balanced_and_keeps_the_text(text, raw):
    spans = [Span(s, min(s + n, len(text)), layer, "mark" if layer == "evidence" else "span")
             for s, n, layer in raw if s < len(text)]
    tree = _parse(render(text, spans))
    assert tree.balanced and not tree.stack
    assert "".join(tree.text) == text


# -- pages over the store ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client():
    with client_for(web_store()) as c:
        yield c


def _pages(client) -> list[str]:
    doc = client.get(f"/api/agreements/{US_UA}").json()["item"]["timeline"][0]["article_id"]
    return ["/", "/agreements", f"/agreements/{US_UA}", "/actors", "/actors/Q7747", "/quotes",
            "/quotes?kind=direct&speaker=Zelensky", f"/documents/{doc}", f"/documents/{xss_doc_id()}",
            "/search?q=terres+rares", "/search", "/docs"]


@pytest.mark.slow
@pytest.mark.issue(11)
def test_web_pages_have_landmarks_title_and_no_inline_code(client):
    for url in _pages(client):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.text
        tree = _parse(html)
        tags = [t for t, _ in tree.tags]
        assert {"header", "nav", "main", "title", "h1"} <= set(tags), url
        assert re.search(r"<title>[^<]+</title>", html), url
        # CSP forbids inline scripts, inline styles and handlers: none may be in the markup
        for tag, attrs in tree.tags:
            assert not (tag == "script" and "src" not in attrs), url
            assert "style" not in attrs and not any(a.startswith("on") for a in attrs), (url, tag, attrs)
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "http://", "https://", "//")) or \
                    (name == "href" and value.startswith("https://example.org/")), (url, attrs)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert tree.balanced, url


@pytest.mark.slow
@pytest.mark.issue(11)
def test_web_hostile_article_renders_as_text(client):
    html = client.get(f"/documents/{xss_doc_id()}").text
    tree = _parse(html)
    assert not [a for t, a in tree.tags if t == "img"]
    assert [a for t, a in tree.tags if t == "script"] == [{"src": "/static/app.js", "defer": None}]
    assert not [a for t, a in tree.tags if t == "a" and "javascript" in (a.get("href") or "")]
    text = "".join(tree.text)
    assert SCRIPT in text and IMG in text and 'href="javascript:alert(1)"' in text
    assert "javascript://%0Aalert(1)" in text  # the stored URL is shown, not linked
    for page in ("/", "/quotes?speaker=Zelensky", "/search?q=onerror"):
        body = client.get(page)
        assert "<img" not in body.text and "<script>alert" not in body.text, page


@pytest.mark.slow
@pytest.mark.issue(11)
def test_web_document_page_marks_what_filon_concluded(client):
    agr = client.get(f"/api/agreements/{US_UA}").json()["item"]
    step = next(s for s in agr["timeline"] if s["status"] == "ratified")
    tree = _parse(client.get(f"/documents/{step['article_id']}").text)
    marks = {a.get("id"): a for t, a in tree.tags if t == "mark"}
    evidence = marks[f"ev-{step['event_index']}"]
    assert "ratified" in evidence["title"] and "status" in evidence["title"]
    links = [a for t, a in tree.tags if t == "a" and "hl-ent" in (a.get("class") or "")]
    assert links and all(a["href"].startswith("/actors/") and a["title"] for a in links)
    assert any(a.get("href") == f"/agreements/{US_UA}" for t, a in tree.tags if t == "a")
    quotes = [a for t, a in tree.tags if t == "span" and a.get("data-layer") == "quote"]
    assert quotes and all("speaker" in a["title"] for a in quotes)


@pytest.mark.slow
@pytest.mark.issue(11)
def test_web_agreement_page_timeline_links_each_step_to_its_evidence(client):
    tree = _parse(client.get(f"/agreements/{US_UA}").text)
    svg_links = [a["href"] for t, a in tree.tags if t == "a" and "step-link" in (a.get("class") or "")]
    assert len(svg_links) > 10
    assert all(re.fullmatch(r"/documents/sha256:[0-9a-f]{64}#ev-\d+", h) for h in svg_links)
    assert sum(1 for t, _ in tree.tags if t == "circle") >= len(svg_links)


@pytest.mark.slow
@pytest.mark.issue(11)
def test_web_pages_answer_html_errors(client):
    response = client.get("/actors/Q0")
    assert response.status_code == 404 and "<main" in response.text
    assert client.get("/quotes?since=nope").status_code == 422


@pytest.mark.slow
@pytest.mark.issue(11)
def test_web_agreement_page_lists_a_page_of_steps_under_the_whole_chart(client):
    total = client.get(f"/api/agreements/{US_UA}").json()["item"]["timeline_total"]
    first, later = (_parse(client.get(f"/agreements/{US_UA}{q}").text) for q in ("", "?offset=5"))
    circles = [sum(1 for t, _ in tree.tags if t == "circle") for tree in (first, later)]
    assert circles[0] == circles[1] >= total  # the chart keeps every step
    ids = [a["id"] for t, a in later.tags if t == "li" and (a.get("id") or "").startswith("step-")]
    assert ids[0] == "step-6" and len(ids) == min(total - 5, 50)
    assert any(t == "ol" and a.get("start") == "6" for t, a in later.tags)


def test_web_pages_quotes_page_exports_the_filtered_quotes(client):
    import html

    body = client.get("/quotes", params={"speaker": "Zelensky", "kind": "direct"}).text
    link = re.search(r'href="(/api/quotes\?[^"]*format=csv)"', body)
    assert link is not None
    response = client.get(html.unescape(link.group(1)))
    assert response.status_code == 200 and "text/csv" in response.headers["content-type"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {r["speaker"] for r in rows} == {"Volodymyr Zelensky"}
    assert {r["kind"] for r in rows} == {"direct"}
