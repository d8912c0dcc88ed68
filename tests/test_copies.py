"""Wire copies and stories (issue 13, item 2): one AFP-like dispatch, an outlet's copy with another
headline and a paragraph of its own, a rewrite, and an article on the same negotiation that is not
a copy. The texts are written for these tests."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from filon.cli import app
from filon.ingest.article import Article
from filon.linking.copies import COPY_THRESHOLD, VERBATIM_THRESHOLD, similarity
from filon.linking.stories import StoryArticle, stories
from filon.store import Store, queries
from filon.store.story_queries import copies
from filon.store.story_queries import stories as story_table

DISPATCH = (
    "KIEV, 14 mars 2025 (AFP) - L'Ukraine et les Etats-Unis ont repris vendredi à Kiev leurs "
    "négociations sur l'exploitation des minerais ukrainiens, deux semaines après l'échec de la "
    "rencontre entre Volodymyr Zelensky et Donald Trump à la Maison Blanche. « Nous avons avancé "
    "sur les principes du fonds commun », a déclaré la vice-Première ministre Ioulia Svyrydenko à "
    "l'issue d'une première journée de discussions. Selon elle, le texte prévoit que Kiev verse la "
    "moitié des revenus futurs tirés des ressources naturelles dans un fonds d'investissement "
    "géré conjointement avec Washington. La délégation américaine, conduite par le secrétaire au "
    "Trésor Scott Bessent, n'a fait aucun commentaire. Les deux parties espèrent conclure un accord "
    "avant la fin du mois, a indiqué une source diplomatique ukrainienne. L'Ukraine détient "
    "d'importantes réserves de titane, de lithium et de graphite, dont une partie se trouve dans "
    "les territoires occupés par la Russie."
)
COPY = (
    "Minerais : Kiev et Washington relancent les discussions\n\n" + DISPATCH +
    "\n\nÀ Lyon, plusieurs industriels de la métallurgie suivent de près ces négociations, qui "
    "pourraient ouvrir de nouveaux débouchés pour leurs filières d'approvisionnement."
)
REWRITE = (
    "Deux semaines après le fiasco du Bureau ovale, Kiev et Washington se sont remis vendredi à la "
    "table des négociations sur les minerais ukrainiens. « Nous avons avancé sur les principes du "
    "fonds commun », a affirmé la vice-Première ministre ukrainienne Ioulia Svyrydenko, au terme "
    "d'une première journée de discussions à Kiev. Le texte prévoit que l'Ukraine verse la moitié "
    "des revenus futurs tirés des ressources naturelles dans un fonds d'investissement géré "
    "conjointement avec Washington, selon la vice-Première ministre. Conduite par le secrétaire au "
    "Trésor Scott Bessent, la délégation américaine n'a fait aucun commentaire. Un accord pourrait "
    "être conclu avant la fin du mois, selon une source diplomatique ukrainienne. Le pays détient "
    "d'importantes réserves de titane, de lithium et de graphite."
)
UNRELATED = (
    "BRUXELLES, 14 mars 2025 - La Commission européenne a présenté vendredi sa liste de projets "
    "stratégiques pour sécuriser l'approvisionnement de l'Union en matières premières critiques. "
    "Parmi eux figurent des mines de lithium au Portugal et une raffinerie de graphite en Suède. "
    "Bruxelles suit aussi avec attention les négociations entre l'Ukraine et les Etats-Unis sur "
    "les minerais ukrainiens, l'Union ayant signé dès 2021 un partenariat avec Kiev sur les "
    "matières premières. « Nous voulons réduire notre dépendance envers la Chine », a déclaré le "
    "commissaire chargé de la stratégie industrielle, Stéphane Séjourné."
)

US = {"name": "United States", "id": "Q30"}
UA = {"name": "Ukraine", "id": "Q212"}
EU = {"name": "European Union", "id": "Q458"}


def _pair(text: str, outlet: str, published: str, parties: list[dict], status: str) -> tuple[Article, dict]:
    article = Article(text=text, outlet=outlet, published=published, lang="fr", title=outlet)
    start = article.text.index("accord") if "accord" in article.text else 0
    record = {"id": article.id, "published": published, "entities": [], "quotes": [], "dates": [],
              "events": [{"type": "agreement", "status": status, "parties": parties,
                          "date": "2025-03-14", "agreement_id": "local:1",
                          "evidence": {"start": start, "end": start + 6},
                          "resources": [{"name": "minerals"}], "claimed_by": None}]}
    return article, record


@pytest.fixture
def pairs() -> list[tuple[Article, dict]]:
    return [
        _pair(DISPATCH, "AFP", "2025-03-14", [UA, US], "negotiating"),
        _pair(COPY, "Le Progrès", "2025-03-15", [US, UA], "negotiating"),
        _pair(REWRITE, "La Croix", "2025-03-15", [UA, US], "negotiating"),
        _pair(UNRELATED, "Euractiv", "2025-03-14", [EU], "proposed"),
    ]


def _store(pairs, order) -> Store:
    store = Store(":memory:")
    for i in order:
        store.write_batch([pairs[i]])
        store.refresh_agreements()
    return store


def _copy_of(store: Store) -> dict[str, tuple]:
    rows = store.con.execute("SELECT outlet, copy_of, copy_kind FROM documents").fetchall()
    outlet = dict(store.con.execute("SELECT id, outlet FROM documents").fetchall())
    return {r[0]: (outlet.get(r[1]), r[2]) for r in rows}


def test_copies_thresholds_separate_copy_rewrite_and_same_topic():
    assert similarity(DISPATCH, COPY) >= VERBATIM_THRESHOLD
    assert COPY_THRESHOLD <= similarity(DISPATCH, REWRITE) < VERBATIM_THRESHOLD
    assert similarity(DISPATCH, UNRELATED) < COPY_THRESHOLD / 3
    assert similarity(REWRITE, UNRELATED) < COPY_THRESHOLD / 3


@pytest.mark.issue(13)
@pytest.mark.parametrize("order", [(0, 1, 2, 3), (3, 2, 1, 0), (1, 3, 0, 2)])
def test_copies_point_to_the_dispatch_whatever_the_order(pairs, order):
    with _store(pairs, order) as store:
        assert _copy_of(store) == {"AFP": (None, None), "Le Progrès": ("AFP", "copy"),
                                   "La Croix": ("AFP", "rewrite"), "Euractiv": (None, None)}
        scores = dict(store.con.execute("SELECT outlet, copy_similarity FROM documents").fetchall())
        assert scores["Le Progrès"] > 0.8 and 0.15 <= scores["La Croix"] < 0.6
        # one band key row per band and article: the index holds the store, not pairs of articles
        assert store.con.execute("SELECT count(DISTINCT doc_id) FROM copy_bands").fetchone()[0] == 4


@pytest.mark.issue(13)
def test_copies_one_assertion_with_three_sources_in_timeline_and_briefing(pairs):
    with _store(pairs, (2, 0, 3, 1)) as store:
        table = queries.timeline(store.con, "ukraine+united-states")
        assert len(table.rows) == 1
        [step] = table.dicts()
        assert step["status"] == "negotiating" and step["sources"] == 3
        assert step["outlets"] == "AFP, La Croix, Le Progrès"
        assert step["outlet"] == "AFP"  # the original dispatch is the one cited
        [agr] = [a for a in queries.find_agreements(store.con, None) if "united-states" in a["agreement_id"]]
        assert [(h["sources"], sorted(h["outlets"])) for h in agr["history"]] == [
            (3, ["AFP", "La Croix", "Le Progrès"])]
        detail = queries.agreement(store.con, agr["agreement_id"])
        assert detail["timeline"][0]["sources"] == 3 and detail["articles"] == 3
        # the EU article asserts its own status: its own step, one source
        [eu] = [a for a in queries.find_agreements(store.con, "european")]
        assert [h["sources"] for h in eu["history"]] == [1]


@pytest.mark.issue(13)
def test_copies_and_stories_commands(pairs, tmp_path):
    db = tmp_path / "copies.duckdb"
    with Store(db) as store:
        store.write_batch(pairs)
        store.refresh_agreements()
    runner = CliRunner()
    out = runner.invoke(app, ["query", "copies", "--db", str(db), "-f", "json"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert sorted((r["outlet"], r["original_outlet"], r["kind"]) for r in rows) == [
        ("La Croix", "AFP", "rewrite"), ("Le Progrès", "AFP", "copy")]
    out = runner.invoke(app, ["query", "stories", "--db", str(db), "-f", "json"])
    assert out.exit_code == 0, out.output
    [story] = [json.loads(line) for line in out.stdout.splitlines()]
    assert story["articles"] == 3 and story["distinct_texts"] == 1
    assert story["outlets"] == "AFP, La Croix, Le Progrès"
    out = runner.invoke(app, ["relink", "--db", str(db)])
    assert out.exit_code == 0, out.output
    with Store(db) as store:
        assert _copy_of(store)["La Croix"] == ("AFP", "rewrite")
        assert story_table(store.con).total == 1 and copies(store.con).total == 2
    assert "Example" in runner.invoke(app, ["query", "stories", "--help"]).output


def _article(i: str, day: int | None, copy: str | None = None, agreements=(), actors=()) -> StoryArticle:
    published = None if day is None else date(2025, 3, day)
    return StoryArticle(i, published, copy or i, set(agreements), set(actors))


def test_stories_rule():
    found = stories([
        _article("a", 10, agreements=["agr:x"]),
        _article("b", 12, agreements=["agr:x"]),          # same agreement, 2 days later: joins
        _article("c", 15, agreements=["agr:x"]),          # 3 days after b: a story of its own
        _article("d", 15, actors=["Q1", "Q2", "Q3"]),
        _article("e", 16, actors=["Q1", "Q2", "Q3", "Q4"]),  # 3 shared actors, next day: joins d
        _article("f", 16, actors=["Q1", "Q2"]),           # 2 shared actors: alone
        _article("g", None, copy="a"),                     # undated copy of a: joins through it
    ])
    assert [[a.id for a in s] for s in found] == [["a", "b", "g"], ["c"], ["d", "e"], ["f"]]


def _stories_by_every_pair(articles: list[StoryArticle]) -> list[list[str]]:
    """The story rule checked on every pair of articles (what `stories` computed before it
    compared only articles within the date window)."""
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    def near(a: StoryArticle, b: StoryArticle, days: int) -> bool:
        return a.published is not None and b.published is not None and abs(
            (a.published - b.published).days) <= days

    for i, a in enumerate(articles):
        for b in articles[i + 1:]:
            if (a.copy_group == b.copy_group or (a.agreements & b.agreements and near(a, b, 2))
                    or (len(a.actors & b.actors) >= 3 and near(a, b, 1))):
                ra, rb = find(a.id), find(b.id)
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for a in articles:
        groups.setdefault(find(a.id), set()).add(a.id)
    return sorted(sorted(g) for g in groups.values())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 12)), st.integers(0, 5),
                          st.sets(st.sampled_from("xyz"), max_size=2),
                          st.sets(st.sampled_from("ABCDE"), max_size=5)), max_size=14))
def test_stories_compare_only_within_the_window_and_find_the_same_stories(rows):
    articles = [_article(f"a{i:02d}", day, copy=f"a{copy:02d}" if copy < i else None,
                         agreements=[f"agr:{x}" for x in agreements], actors=list(actors))
                for i, (day, copy, agreements, actors) in enumerate(rows)]
    found = sorted(sorted(a.id for a in story) for story in stories(articles))
    assert found == _stories_by_every_pair(articles)
