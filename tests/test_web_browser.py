"""`filon serve` in a real browser: Debian's Chromium driven by Playwright, the server a subprocess.

Screenshots of each page go to docs/screenshots/ (the README shows them). Without
/usr/bin/chromium the tests skip, except under CI (CI set), where they fail: CI installs it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_web_support import IMG, JS_LINK, ROOT, SCRIPT, web_store, xss_doc_id

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.slow, pytest.mark.issue(11)]


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing (apt-get install chromium; `make setup` does it)"
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """`filon serve` on a free port of 127.0.0.1, as a user starts it; its base URL."""
    _need_chromium()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "filon.cli", "serve", "--db", str(web_store()), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/documents?limit=1", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read() if proc.stdout else ""
                    pytest.fail(f"filon serve did not start:\n{out}")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A page that records every request, console error and dialog."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.requests, pg.dialogs, pg.errors = [], [], []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    yield pg
    # no page may reach another host, nor break the CSP (which Chromium reports on the console)
    foreign = [u for u in pg.requests if not u.startswith(server)]
    assert not foreign, foreign
    assert not pg.dialogs, pg.dialogs
    assert not pg.errors, pg.errors
    context.close()


def _shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_web_browser_click_path_dashboard_agreement_evidence_document_actor(page, server):
    page.goto(f"{server}/")
    assert page.title() == "filon"
    assert page.locator("h1").inner_text() == "filon dashboard"
    assert page.locator("#by-status ~ svg rect.bar").count() >= 2
    _shot(page, "dashboard")

    page.get_by_role("link", name="Ukraine–United States minerals agreement").first.click()
    page.wait_for_url("**/agreements/**")
    assert page.locator("h1").inner_text() == "Ukraine–United States minerals agreement"
    assert page.locator("svg circle.dot").count() > 10
    assert "ratified" in page.locator("dl.facts").inner_text()
    _shot(page, "agreement")

    step = page.locator("ol.steps li", has=page.locator(".status-ratified")).first
    evidence = step.locator("blockquote.evidence").inner_text()
    step.locator("a.evidence-link").click()
    page.wait_for_url("**/documents/**#ev-*")
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"mark#{anchor}")
    assert target.inner_text().strip() == evidence.strip()
    assert "ratified" in (target.get_attribute("title") or "")
    assert page.evaluate("document.activeElement.id") == anchor
    _shot(page, "document")

    actor = page.locator("#text a.hl-ent[href='/actors/Q3874799']").first  # Volodymyr Zelensky
    assert "Volodymyr Zelensky" in (actor.get_attribute("title") or "")
    actor.click()
    page.wait_for_url("**/actors/Q3874799")
    assert page.locator("h1").inner_text() == "Volodymyr Zelensky"
    assert page.locator("#over-time ~ svg rect.bar").count() >= 3
    assert page.locator("#said ~ ul.quotes li").count() > 0
    assert page.get_by_role("link", name="Ukraine–United States minerals agreement").count() >= 1
    _shot(page, "actor")


def test_web_browser_quotes_filter_and_pages(page, server):
    page.goto(f"{server}/quotes")
    total = page.locator(".pager p").inner_text()
    page.get_by_label("Speaker").fill("Poutine")
    page.get_by_label("Kind").select_option("direct")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/quotes?*speaker=Poutine*")
    assert page.locator(".pager p").inner_text() != total
    metas = page.locator("ul.quotes li .meta").all_inner_texts()
    assert metas and all("direct" in m for m in metas)
    _shot(page, "quotes")
    page.goto(f"{server}/search?q=terres+rares")
    assert page.locator("#res-docs ~ ul.results li a").count() > 0


def test_web_browser_hostile_article_is_shown_as_text(page, server):
    page.goto(f"{server}/documents/{xss_doc_id()}")
    assert SCRIPT in page.locator("h1").inner_text() and IMG in page.locator("h1").inner_text()
    text = page.locator("#text").inner_text()
    assert SCRIPT in text and IMG in text and JS_LINK in text
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("typeof window.alert") == "function" and not page.dialogs  # type: ignore[attr-defined]
    _shot(page, "hostile-article")


def test_web_browser_layout_fits_375px_and_keyboard_reaches_the_nav(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    pg = context.new_page()
    for path in ("/", "/agreements/agr:ukraine+united-states:deal", "/actors/Q7747",
                 "/quotes", "/search?q=accord", f"/documents/{xss_doc_id()}"):
        pg.goto(f"{server}{path}")
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (path, width)
    pg.goto(f"{server}/")
    pg.locator("ol.changes a.evidence-link").first.click()
    pg.wait_for_url("**/documents/**")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 375
    _shot(pg, "document-375px")
    pg.goto(f"{server}/")
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.textContent") == "Skip to content"
    pg.keyboard.press("Tab")
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.closest('nav') !== null")
    context.close()
