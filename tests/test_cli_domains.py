"""`--domain` on the views: a store of deals of three domains (articles written for this test),
filtered the same way by the CLI and the API."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from filon.cli import app

runner = CliRunner()

ARTICLES = [
    {"id": "trade-1", "published": "2025-05-02", "title": "Accord commercial", "text":
        "BRUXELLES, 2 mai 2025 (AFP) - L'Union européenne et le Mexique ont signé vendredi un "
        "accord de libre-échange qui supprime la plupart des droits de douane."},
    {"id": "energy-1", "published": "2025-05-03", "title": "Gaz", "text":
        "DOHA, 3 mai 2025 (AFP) - Le Qatar et l'Allemagne ont signé samedi un contrat "
        "d'approvisionnement en gaz naturel liquéfié de quinze ans."},
    {"id": "defence-1", "published": "2025-05-04", "title": "Avions", "text":
        "ATHÈNES, 4 mai 2025 (AFP) - La Grèce et la France négocient un contrat d'armement "
        "pour l'achat de frégates et d'avions de combat."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("domains")
    source = folder / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n",
                      encoding="utf-8")
    db = folder / "d.duckdb"
    result = runner.invoke(app, ["ingest", str(source), "--db", str(db), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def _json_lines(*args: str) -> list[dict]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_cli_domains_query_events_filters_and_shows_the_domain(store):
    every = _json_lines("query", "events", "--type", "agreement", "--db", str(store), "-f", "json")
    assert {e["domain"] for e in every} >= {"trade", "energy", "defence"}
    trade = _json_lines("query", "events", "--domain", "trade", "--db", str(store), "-f", "json")
    assert trade and {e["domain"] for e in trade} == {"trade"}
    assert all("Mexico" in e["parties"] for e in trade)


def test_cli_domains_timeline_keeps_the_agreements_of_the_domain(store):
    energy = _json_lines("timeline", "--domain", "energy", "--db", str(store), "-f", "json")
    assert energy and all("gaz" in s["evidence"] for s in energy)
    every = _json_lines("timeline", "--db", str(store), "-f", "json")
    assert len(every) > len(energy)


def test_cli_domains_briefing_shows_only_the_domain(store):
    result = runner.invoke(app, ["briefing", "--domain", "defence", "--db", str(store)],
                           catch_exceptions=False)
    assert result.exit_code == 0
    deals = result.output.split("most mentioned actors")[0]
    assert "Greece" in deals and "Mexico" not in deals and "defence" in deals


def test_cli_domains_unknown_domain_is_refused_with_the_choices(store):
    result = runner.invoke(app, ["timeline", "--domain", "sport", "--db", str(store)])
    assert result.exit_code == 2
    assert "unknown domain 'sport'" in result.output and "trade" in result.output


def test_api_domains_filter_agreements_and_events(store):
    from test_web_support import client_for

    with client_for(store) as client:
        agreements = client.get("/api/agreements", params={"domain": "trade"}).json()["items"]
        assert agreements and {a["domain"] for a in agreements} == {"trade"}
        events = client.get("/api/events", params={"domain": "energy"}).json()["items"]
        assert events and {e["domain"] for e in events} == {"energy"}
        assert client.get("/api/events", params={"domain": "sport"}).status_code == 422
