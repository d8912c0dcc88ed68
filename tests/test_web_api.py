"""The JSON API of `filon serve`, through FastAPI's TestClient over a store built from examples/."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from test_web_support import XSS_ARTICLE, client_for, web_store, xss_doc_id
from typer.testing import CliRunner

pytestmark = [pytest.mark.slow, pytest.mark.issue(11)]

US_UA = "agr:ukraine+united-states:deal"


@pytest.fixture(scope="module")
def client():
    with client_for(web_store()) as c:
        yield c


def _ok(client, url: str, **params: str) -> dict:
    response = client.get(url, params=params) if params else client.get(url)
    assert response.status_code == 200, (url, response.text)
    body = response.json()
    assert body["ok"] is True
    return body


def _error(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["ok"] is False and body["status"] == status
    assert body["error"]["code"] == code and body["error"]["message"]


@pytest.mark.parametrize("path", ["/api/agreements", "/api/actors", "/api/quotes", "/api/events",
                                  "/api/documents"])
def test_web_api_lists_are_paged_with_a_total(client, path):
    whole = _ok(client, f"{path}?limit=1000")
    assert whole["total"] == len(whole["items"]) > 0
    first = _ok(client, f"{path}?limit=2&offset=0")
    second = _ok(client, f"{path}?limit=2&offset=2")
    assert first["total"] == second["total"] == whole["total"]
    assert first["items"] == whole["items"][:2] and second["items"] == whole["items"][2:4]
    assert _ok(client, f"{path}?offset={whole['total']}")["items"] == []
    assert client.get(f"{path}?limit=2").headers["x-total-count"] == str(whole["total"])


def test_web_api_agreements_give_status_parties_domain_and_counts(client):
    items = _ok(client, "/api/agreements")["items"]
    us_ua = next(a for a in items if a["agreement_id"] == US_UA)
    assert us_ua["latest_status"] == "ratified"
    assert {p["name"] for p in us_ua["parties"]} == {"Ukraine", "United States"}
    assert "domain" in us_ua and us_ua["events"] > 10 and us_ua["articles"] > 5
    assert [a["agreement_id"] for a in _ok(client, "/api/agreements?status=ratified")["items"]] == [US_UA]
    with_russia = _ok(client, "/api/agreements?party=Russie")["items"]
    assert with_russia and all("Russia" in {p["name"] for p in a["parties"]} for a in with_russia)


def test_web_api_agreement_timeline_steps_carry_their_evidence(client):
    agr = _ok(client, f"/api/agreements/{US_UA}")["item"]
    statuses = [s["status"] for s in agr["timeline"]]
    assert {"proposed", "signed", "ratified"} <= set(statuses)
    for step in agr["timeline"]:
        assert {"date", "status", "claimed_by", "evidence", "evidence_start", "evidence_end",
                "article_id"} <= set(step)
    step = next(s for s in agr["timeline"] if s["status"] == "ratified")
    doc = _ok(client, f"/api/documents/{step['article_id']}")["item"]
    assert doc["text"][step["evidence_start"]:step["evidence_end"]] == step["evidence"]
    assert any(ev["idx"] == step["event_index"] for ev in doc["evidence"])


def test_web_api_actor_detail(client):
    actor = _ok(client, "/api/actors/Q7747")["item"]
    assert actor["name"] == "Vladimir Putin" and actor["label"] == "PER"
    assert "Vladimir Poutine" in {a["text"] for a in actor["aliases"]}
    assert sum(d["mentions"] for d in actor["mentions_per_day"]) >= actor["mentions"]
    assert actor["quotes"] and all(q["speaker_id"] == "Q7747" for q in actor["quotes"])
    assert any(a["agreement_id"].startswith("agr:russia") for a in actor["agreements"])
    assert "Q212" in {c["id"] for c in actor["co_mentioned"]}
    _error(client.get("/api/actors/Q0"), 404, "not_found")


def test_web_api_quotes_filter_like_the_cli(client):
    from filon.cli import app

    api = _ok(client, "/api/quotes?speaker=Poutine&limit=1000")["items"]
    cli = CliRunner().invoke(app, ["query", "quotes", "--speaker", "Poutine", "--db", str(web_store()),
                                   "-f", "json"])
    assert cli.exit_code == 0, cli.output
    assert [q["text"] for q in api] == [json.loads(line)["text"] for line in cli.stdout.splitlines()]
    assert api and {q["speaker_id"] for q in api} == {"Q7747"}
    direct = _ok(client, "/api/quotes?kind=direct&limit=1000")["items"]
    assert direct and {q["kind"] for q in direct} == {"direct"}
    dated = _ok(client, "/api/quotes?since=2025-04-01&until=2025-04-30&limit=1000")["items"]
    assert dated and all("2025-04-01" <= q["published"] <= "2025-04-30" for q in dated)
    found = _ok(client, "/api/quotes?q=TERRES RARES&limit=1000")["items"]
    assert found and all("terres rares" in q["text"].lower() for q in found)


def test_web_api_events_filter_by_type_party_and_agreement(client):
    # an id holds '+': it goes through `params`, encoded, never pasted into a query string
    events = _ok(client, "/api/events", type="agreement", party="Kiev", agreement=US_UA,
                 limit="1000")["items"]
    assert events and all(e["type"] == "agreement" and e["agreement_id"] == US_UA for e in events)
    assert all("Ukraine" in (e["parties"] or "") for e in events)


def test_web_api_document_holds_every_span_at_its_offsets(client):
    doc_id = _ok(client, f"/api/agreements/{US_UA}")["item"]["timeline"][0]["article_id"]
    doc = _ok(client, f"/api/documents/{doc_id}")["item"]
    text = doc["text"]
    assert doc["entities"] and doc["quotes"] and doc["dates"] and doc["evidence"]
    for m in doc["entities"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for d in doc["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]
    for s in doc["speakers"]:
        assert text[s["start"]:s["end"]] == s["text"]
    for ev in doc["evidence"]:
        assert 0 <= ev["start"] < ev["end"] <= len(text)
    _error(client.get("/api/documents/sha256:nothing"), 404, "not_found")


def test_web_api_search_ignores_case_and_accents(client):
    body = _ok(client, "/api/search?q=pekin")
    assert body["documents"]["total"] >= 2
    assert all("pékin" in (d["snippet"] + (d["title"] or "")).lower() or "pekin" in
               (d["snippet"] + (d["title"] or "")).lower() for d in body["documents"]["items"])
    assert _ok(client, "/api/search?q=terres rares")["quotes"]["total"] > 0
    _error(client.get("/api/search"), 422, "invalid_request")


def test_web_api_exports_csv_and_jsonl(client):
    response = client.get("/api/quotes?format=csv&limit=5")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 5 and rows[0]["speaker"] is not None
    response = client.get("/api/agreements?format=jsonl")
    assert response.headers["content-type"].startswith("application/x-ndjson")
    items = [json.loads(line) for line in response.text.splitlines()]
    assert items and isinstance(items[0]["parties"], list)
    csv_agreements = list(csv.DictReader(io.StringIO(client.get("/api/agreements?format=csv").text)))
    assert json.loads(csv_agreements[0]["parties"])  # lists are JSON inside a cell


def test_web_api_errors_have_one_shape(client):
    _error(client.get(f"/api/agreements/{US_UA}x"), 404, "not_found")
    _error(client.get("/api/quotes?since=yesterday"), 422, "invalid_request")
    _error(client.get("/api/quotes?limit=0"), 422, "invalid_request")
    _error(client.get("/api/quotes?format=xml"), 422, "invalid_request")
    _error(client.get("/api/nothing"), 404, "not_found")
    _error(client.delete("/api/quotes"), 405, "method_not_allowed")


def test_web_api_request_strings_never_become_sql(client):
    hostile = "'; DROP TABLE documents; --"
    for url in (f"/api/quotes?q={hostile}", f"/api/quotes?speaker={hostile}",
                f"/api/search?q={hostile}", f"/api/agreements?party={hostile}",
                f"/api/actors?q={hostile}&label={hostile}", f"/api/events?type={hostile}"):
        assert client.get(url).status_code == 200, url
    _error(client.get(f"/api/documents/{hostile}"), 404, "not_found")
    assert _ok(client, "/api/documents")["total"] >= 13


def test_web_api_headers_and_openapi(client):
    response = client.get("/api/agreements")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    spec = client.get("/openapi.json").json()
    for path in ("/api/agreements", "/api/agreements/{agreement_id}", "/api/actors/{actor_id}",
                 "/api/quotes", "/api/events", "/api/documents/{doc_id}", "/api/search",
                 "/api/articles"):
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/quotes" in docs.text and "cdn" not in docs.text.lower()


def test_web_api_hostile_article_comes_back_as_plain_data(client):
    doc = _ok(client, f"/api/documents/{xss_doc_id()}")["item"]
    assert doc["title"] == XSS_ARTICLE["title"] and doc["text"] == XSS_ARTICLE["text"]


# -- POST /api/articles ------------------------------------------------------------------------

ARTICLE = {"id": "post-1", "published": "2025-03-10", "lang": "fr", "title": "Essai",
           "text": "KIEV, 10 mars 2025 (AFP) - Le Premier ministre ukrainien Denys Chmyhal a "
                   "déclaré lundi que Kiev était prêt à reprendre les discussions sur l'accord "
                   "sur les minerais avec Washington."}


def test_web_api_post_needs_a_configured_token(client, monkeypatch):
    monkeypatch.delenv("FILON_TOKEN", raising=False)
    _error(client.post("/api/articles", json=[ARTICLE]), 403, "writes_disabled")
    monkeypatch.setenv("FILON_TOKEN", "s3cret")
    _error(client.post("/api/articles", json=[ARTICLE]), 401, "unauthorized")
    _error(client.post("/api/articles", json=[ARTICLE], headers={"Authorization": "Bearer nope"}),
           401, "unauthorized")
    # right token, but this server opened the store read-only
    _error(client.post("/api/articles", json=[ARTICLE], headers={"Authorization": "Bearer s3cret"}),
           409, "read_only")


def test_web_api_post_ingests_on_a_writable_server(tmp_path, monkeypatch):
    db = tmp_path / "rw.duckdb"
    shutil.copy(web_store(), db)
    monkeypatch.setenv("FILON_TOKEN", "s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    with client_for(db, writable=True) as client:
        before = _ok(client, "/api/documents")["total"]
        bad = {"title": "sans texte"}
        response = client.post("/api/articles", json=[ARTICLE, bad, "not an object"], headers=auth)
        body = response.json()
        assert response.status_code == 422 and body["ok"] is False, body
        assert body["report"]["new"] == 1 and body["report"]["failed"] == 2
        assert [(e["line"], e["code"]) for e in body["errors"]] == [(2, "F007"), (3, "F006")]
        assert "field 'text' is missing" in body["errors"][0]["message"]
        assert body["ids"][0] and body["ids"][1:] == [None, None]
        assert _ok(client, "/api/documents")["total"] == before + 1
        doc = _ok(client, f"/api/documents/{body['ids'][0]}")["item"]
        assert doc["title"] == "Essai" and doc["entities"]
        again = client.post("/api/articles", json=ARTICLE, headers=auth).json()
        assert again["ok"] and again["report"]["already_stored"] == 1
        _error(client.post("/api/articles", content=b"{nope", headers=auth), 400, "invalid_json")


def test_web_api_agreement_timeline_is_paged_with_a_total(client):
    whole = _ok(client, f"/api/agreements/{US_UA}?limit=1000")["item"]
    steps = whole["timeline"]
    assert whole["timeline_total"] == len(steps) >= 3
    page = _ok(client, f"/api/agreements/{US_UA}?limit=2&offset=1")["item"]
    assert page["timeline"] == steps[1:3]
    assert (page["timeline_total"], page["timeline_limit"], page["timeline_offset"]) == (len(steps), 2, 1)
    assert _ok(client, f"/api/agreements/{US_UA}?offset={len(steps)}")["item"]["timeline"] == []
    _error(client.get(f"/api/agreements/{US_UA}?limit=0"), 422, "invalid_request")


def test_web_api_dashboard_changes_match_a_scan_of_every_history(client, tmp_path):
    """The status changes read from the dates and statuses DuckDB extracts are the ones a full
    read of every agreement's history gives (the way the dashboard used to compute them)."""
    from datetime import date

    from filon.store import queries

    with duckdb_copy(tmp_path) as con:
        expected = []
        for agr in queries.find_agreements(con, None):
            previous = None
            for step in sorted(agr["history"], key=lambda s: queries.day_of(s.get("date")) or date.max):
                status = step.get("status")
                if not status or status == "other" or not step.get("date"):
                    continue
                if status != previous:
                    expected.append({"agreement_id": agr["agreement_id"], "agreement": agr["name"],
                                     "from": previous, **step})
                previous = status
        expected.sort(key=lambda s: queries.day_of(s["date"]) or date.min, reverse=True)
        assert len(expected) > 3
        for limit in (1, 3, 10, 1000):
            assert queries.status_changes(con, limit) == expected[:limit]


def duckdb_copy(tmp_path):
    """A connection to a copy of the web store (the app holds the store with its own settings)."""
    import duckdb

    shutil.copy(web_store(), tmp_path / "copy.duckdb")
    return duckdb.connect(str(tmp_path / "copy.duckdb"), read_only=True)


FORMULAS = {
    "id": "formula-1", "title": '=HYPERLINK("http://evil.example/","cliquez")', "outlet": "@SUM(A1)",
    "published": "2025-03-04", "lang": "fr",
    "text": ("KIEV, 4 mars 2025 (AFP) - Le président ukrainien Volodymyr Zelensky a parlé lundi. "
             "« =1+1 est notre réponse aux États-Unis », a-t-il déclaré à Kiev."),
}


@pytest.fixture(scope="module")
def formula_client(tmp_path_factory):
    from filon import jobs
    from filon.backends.local import LocalBackend

    tmp = tmp_path_factory.mktemp("formulas")
    feed = tmp / "formulas.jsonl"
    feed.write_text(json.dumps(FORMULAS, ensure_ascii=False) + "\n", encoding="utf-8")
    report = jobs.ingest([feed], tmp / "f.duckdb", LocalBackend())
    assert report.ok, report.as_dict()
    with client_for(tmp / "f.duckdb") as c:
        yield c


def test_web_api_csv_exports_neutralise_formula_cells(formula_client):
    docs = list(csv.DictReader(io.StringIO(formula_client.get("/api/documents?format=csv").text)))
    assert docs[0]["title"] == "'" + FORMULAS["title"] and docs[0]["outlet"] == "'@SUM(A1)"
    quotes = list(csv.DictReader(io.StringIO(formula_client.get("/api/quotes?format=csv").text)))
    direct = [q for q in quotes if q["kind"] == "direct"]
    assert direct and direct[0]["text"].startswith("'=1+1")
    # JSON and JSON Lines keep the stored value: only a spreadsheet reads formulas
    assert _ok(formula_client, "/api/documents")["items"][0]["title"] == FORMULAS["title"]
    line = formula_client.get("/api/documents?format=jsonl").text.splitlines()[0]
    assert json.loads(line)["title"] == FORMULAS["title"]
