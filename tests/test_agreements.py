"""One agreement across articles: `filon.linking.agreements` on records built by hand and by the pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from filon.linking.agreements import _Cluster, _Unit, agreement_summaries, link_agreements, slug

US = {"name": "United States", "id": "Q30"}
UA = {"name": "Ukraine", "id": "Q212"}
EU = {"name": "European Union", "id": "Q458"}
RU = {"name": "Russia", "id": "Q159"}


def event(status, parties, day=None, local="local:1", type_="agreement", claimed=None, start=0,
          domain="minerals"):
    return {
        "type": type_, "status": status, "parties": parties, "subject": "minerals", "domain": domain,
        "resources": [{"id": "filon:minerals", "name": "minerals"}], "date": day,
        "agreement_id": local, "evidence": {"start": start, "end": start + 10},
        "claimed_by": claimed,
    }


def record(article_id, published, *events):
    return {"id": article_id, "published": published, "events": list(events)}


def test_agreements_slug():
    assert slug("United States") == "united-states"
    assert slug("Union européenne") == "union-europeenne"


def test_agreements_same_deal_in_two_articles_merges():
    records = [
        record("a1", "2025-02-15", event("rejected", [UA, US], "2025-02-15")),
        record("a2", "2025-02-24", event("close", [US, UA], "2025-02-24")),
    ]
    links = link_agreements(records)
    assert links == {("a1", 0): "agr:ukraine+united-states:deal",
                     ("a2", 0): "agr:ukraine+united-states:deal"}


def test_agreements_eu_partnership_stays_separate():
    records = [
        record("a1", "2025-02-24", event("close", [US, UA], "2025-02-24"),
               event("proposed", [EU, UA], "2025-02-24", local="local:2")),
        record("a2", "2025-02-25", event("negotiating", [UA, US], "2025-02-25")),
    ]
    links = link_agreements(records)
    assert links[("a1", 0)] == links[("a2", 0)] == "agr:ukraine+united-states:deal"
    assert links[("a1", 1)] == "agr:european-union+ukraine:deal"


def test_agreements_background_date_does_not_split_the_deal():
    # an article restates an old figure ("l'aide votée en 2022") next to this year's events
    records = [
        record("a1", "2025-02-15", event("proposed", [US, UA], "2022"),
               event("rejected", [UA, US], "2025-02-15")),
        record("a2", "2025-02-24", event("close", [US, UA], "2025-02-24")),
    ]
    links = link_agreements(records)
    assert set(links.values()) == {"agr:ukraine+united-states:deal"}


def test_agreements_one_sided_mention_joins_the_deal():
    records = [
        record("a1", "2025-04-30", event("signed", [US, UA], "2025-04-30")),
        record("a2", "2025-05-08", event("ratified", [UA], "2025-05-08")),
    ]
    links = link_agreements(records)
    assert links[("a2", 0)] == links[("a1", 0)]


def test_agreements_years_apart_are_two_deals():
    records = [
        record("a1", "2025-04-30", event("signed", [US, UA], "2025-04-30")),
        record("a2", "2028-06-01", event("signed", [US, UA], "2028-06-01")),
    ]
    links = link_agreements(records)
    assert links[("a1", 0)] == "agr:ukraine+united-states:deal"
    assert links[("a2", 0)] == "agr:ukraine+united-states:deal:2"


def test_agreements_invitation_is_an_offer_thread_of_its_own():
    records = [
        record("a1", "2025-02-24",
               event("proposed", [RU, US], "2025-02-24", local=None, type_="investment_invitation"),
               event("close", [US, UA], "2025-02-24", start=50)),
    ]
    links = link_agreements(records)
    assert links[("a1", 0)] == "agr:russia+united-states:minerals-investment"
    assert links[("a1", 1)] == "agr:ukraine+united-states:deal"


def test_agreements_events_without_type_or_party_are_ignored():
    records = [record("a1", "2025-02-24", event("signed", []), event(None, [US, UA], type_="order"))]
    assert link_agreements(records) == {}


def test_agreements_summary_history_in_date_order():
    trump = {"name": "Donald Trump", "id": "Q22686"}
    records = [
        record("late", "2025-05-12", event("ratified", [UA], "2025-05-08"),
               event("signed", [UA, US], None, start=40)),  # undated background mention
        record("early", "2025-02-24", event("close", [US, UA], "2025-02-24", claimed=trump),
               event("rejected", [UA, US], "2025-02", start=80)),
        record("mid", "2025-02-28", event("collapsed", [US, UA], "2025-02-28"),
               event(None, [US, UA], "2025-02-28", start=30)),  # negated: no status
    ]
    [summary] = agreement_summaries(records)
    assert summary["agreement_id"] == "agr:ukraine+united-states:deal"
    assert summary["name"].endswith("minerals agreement")
    assert {p["name"] for p in summary["parties"]} == {"Ukraine", "United States"}
    statuses = [h[1] for h in summary["history"]]
    # the undated background "signed" sorts at its article's day but never becomes the latest
    assert statuses == ["rejected", "close", "collapsed", "ratified", "signed"]
    assert summary["history"][1][2] == "Donald Trump"
    assert summary["latest_status"] == "ratified"
    assert (summary["first_date"], summary["last_date"]) == ("2025-02", "2025-05-08")
    assert summary["mentions"] == 6
    _, _, _, article_id, ev_start, ev_end, index, confidence = summary["history"][-2]
    assert (article_id, index, ev_start, ev_end, confidence) == ("late", 0, 0, 10, None)


def test_agreements_iso_week_sorts_by_its_monday():
    records = [
        record("a", "2025-03-31", event("proposed", [US, UA], "2025-W13")),
        record("b", "2025-04-30", event("signed", [US, UA], "2025-04-30")),
    ]
    [summary] = agreement_summaries(records)
    assert [h[1] for h in summary["history"]] == ["proposed", "signed"]
    assert summary["latest_status"] == "signed"


# ---------------------------------------------------------------------------- through the pipeline
@pytest.fixture(scope="module")
def events_nlp():
    from filon.pipeline import build_pipeline

    return build_pipeline(components=["filon_events"])


def _record(nlp, article_id: str, published: str, text: str) -> dict:
    doc = nlp.make_doc(text)
    doc._.filon_published = published
    doc._.filon_boilerplate = []
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {"id": article_id, "published": published, "events": doc._.filon_events}


def test_agreements_two_written_articles_merge_and_eu_stays_apart(events_nlp):
    first = _record(events_nlp, "art-1", "2025-02-15", (
        "KIEV, 15 février (AFP) - Le président ukrainien a rejeté le projet d'accord américain sur "
        "les terres rares, qu'il juge déséquilibré. Washington et Kiev restent en négociations."
    ))
    second = _record(events_nlp, "art-2", "2025-02-24", (
        "BRUXELLES, 24 février (AFP) - Un accord entre Washington et Kiev sur les minerais est "
        "désormais très proche, a assuré le président américain. De son côté, l'Union européenne a "
        "proposé à l'Ukraine un partenariat sur les matières premières critiques."
    ))
    links = link_agreements([first, second])
    us_ua = {aid for (art, i), aid in links.items()
             if {p["name"] for p in ({"art-1": first, "art-2": second}[art]["events"][i]["parties"])}
             >= {"Ukraine", "United States"}}
    assert us_ua == {"agr:ukraine+united-states:deal"}
    assert "agr:european-union+ukraine:deal" in set(links.values())
    assert {art for art, _ in links} == {"art-1", "art-2"}
    summaries = {s["agreement_id"]: s for s in agreement_summaries([first, second])}
    history = summaries["agr:ukraine+united-states:deal"]["history"]
    assert history[0][1] == "rejected"
    assert summaries["agr:ukraine+united-states:deal"]["latest_status"] == "close"


def test_agreements_signing_dated_years_before_its_article_is_an_earlier_deal():
    # "Kiev et Bruxelles avaient signé en juillet 2021 un protocole …" in a 2025 article that
    # also reports this year's EU proposal: the 2021 memorandum is not a step of the new deal
    records = [
        record("a1", "2025-02-24", event("signed", [EU, UA], "2021-07"),
               event("proposed", [EU, UA], "2025-02-24")),
        record("a2", "2025-02-25", event("negotiating", [UA, EU], "2025-02-25")),
    ]
    links = link_agreements(records)
    assert links[("a1", 1)] == links[("a2", 0)]
    assert links[("a1", 0)] != links[("a1", 1)]
    summaries = {s["agreement_id"]: s for s in agreement_summaries(records)}
    assert summaries[links[("a1", 1)]]["latest_status"] != "signed"
    assert summaries[links[("a1", 0)]]["latest_status"] == "signed"


def test_agreements_recent_signing_stays_in_its_deal():
    records = [
        record("a1", "2025-05-02", event("signed", [US, UA], "2025-04-30")),
        record("a2", "2025-02-24", event("close", [US, UA], "2025-02-24")),
    ]
    assert len(set(link_agreements(records).values())) == 1


def test_agreements_same_parties_twice_are_named_by_their_year():
    records = [record("a1", "2025-02-24", event("signed", [EU, UA], "2021-07"),
                      event("proposed", [EU, UA], "2025-02-24"))]
    names = sorted(s["name"] for s in agreement_summaries(records))
    assert [n[-7:] for n in names] == [" (2021)", " (2025)"]
    assert names[0][:-7] == names[1][:-7]
    assert "minerals agreement" in names[0]


def test_agreements_name_says_the_commonest_domain_of_the_deal():
    records = [record("a1", "2025-02-24", event("negotiating", [EU, UA], "2025-02-20", domain="energy"),
                      event("signed", [EU, UA], "2025-02-24", domain="other"))]
    [summary] = agreement_summaries(records)
    assert summary["name"] == "European Union–Ukraine energy agreement"
    assert summary["agreement_id"].endswith(":deal")
    bare = [record("a2", "2025-02-24", event("signed", [EU, UA], "2025-02-24", domain="other"))]
    assert agreement_summaries(bare)[0]["name"] == "European Union–Ukraine agreement"


def _unit(parties: list[str], day: date | None) -> _Unit:
    return _Unit("a", [0], parties, dict.fromkeys(parties), [], "minerals", day, {"agreement"})


def test_cluster_core_breaks_ties_by_first_mention_not_set_order():
    cluster = _Cluster()
    cluster.add(_unit(["Zambie", "Chine"], date(2025, 3, 1)))
    cluster.add(_unit(["Angola", "Chine"], date(2025, 1, 1)))
    # Chine is named by both units; Zambie and Angola tie: the one named first joins the core
    assert cluster.core() == ["Chine", "Zambie"]
    cluster.add(_unit(["Angola", "Chine"], None))
    assert cluster.core() == ["Angola", "Chine"]  # the cached core follows new units


def test_cluster_gap_is_the_distance_to_the_nearest_day():
    cluster = _Cluster()
    assert cluster.gap(date(2025, 1, 1)) is None
    for day in (date(2025, 3, 1), date(2024, 1, 1), date(2025, 1, 10)):
        cluster.add(_unit(["A", "B"], day))
    assert cluster.days() == [date(2024, 1, 1), date(2025, 1, 10), date(2025, 3, 1)]
    assert cluster.gap(date(2025, 1, 1)) == 9
    assert cluster.gap(date(2026, 3, 1)) == 365
    assert cluster.gap(date(2023, 12, 1)) == 31


def test_agreements_same_parties_on_two_subjects_stay_two_deals():
    # the minerals deal and a ceasefire negotiated between the same states in the same weeks
    records = [
        record("a1", "2025-03-01", event("negotiating", [US, UA], "2025-03-01")),
        record("a2", "2025-03-05", event("proposed", [US, UA], "2025-03-05", domain="security")),
        record("a3", "2025-03-09", event("close", [UA, US], "2025-03-09", domain="security")),
        record("a4", "2025-03-12", event("signed", [US, UA], "2025-03-12")),
    ]
    links = link_agreements(records)
    assert links[("a1", 0)] == links[("a4", 0)]
    assert links[("a2", 0)] == links[("a3", 0)]
    assert links[("a1", 0)] != links[("a2", 0)]
    names = sorted(s["name"].rsplit(" ", 2)[1] for s in agreement_summaries(records))
    assert names == ["minerals", "security"]


def test_agreements_unit_without_domain_joins_on_parties_and_dates():
    records = [
        record("a1", "2025-03-01", event("negotiating", [US, UA], "2025-03-01", domain="trade")),
        record("a2", "2025-03-04", event("signed", [UA, US], "2025-03-04", domain="other")),
        record("a3", "2025-03-06", event("signed", [UA, US], "2025-03-06", domain=None)),
    ]
    assert len(set(link_agreements(records).values())) == 1


def test_agreements_one_misread_domain_does_not_split_a_long_deal():
    # a unit's domain is its events' commonest: one event read as "security" in an article
    # about the minerals deal does not move that article to another agreement
    mixed = record("a3", "2025-03-09", event("close", [UA, US], "2025-03-09"),
                   event("close", [UA, US], "2025-03-09", domain="security", start=40),
                   event("signed", [UA, US], "2025-03-09", start=80))
    records = [record("a1", "2025-03-01", event("negotiating", [US, UA], "2025-03-01")),
               record("a2", "2025-03-05", event("proposed", [US, UA], "2025-03-05")), mixed]
    assert len(set(link_agreements(records).values())) == 1


def test_cluster_is_about_the_domains_of_a_fifth_of_its_units():
    cluster = _Cluster()
    assert cluster.about("trade")  # a cluster that names no domain takes any
    for domain in ["minerals"] * 4 + ["security"]:
        unit = _unit(["A", "B"], date(2025, 1, 1))
        unit.steps = [{"domain": domain}]
        cluster.add(unit)
    assert cluster.about("minerals") and cluster.about("security")
    assert not cluster.about("trade")
    tied = _unit(["A", "B"], None)
    tied.steps = [{"domain": "trade"}, {"domain": "energy"}, {"domain": "other"}]
    assert tied.domain is None  # a tie names no domain


def test_agreements_subjects_naming_other_years_or_codes_are_other_deals():
    def subj(status, day, subject, local="local:1"):
        ev = event(status, [EU, UA], day, local=local, domain="finance")
        ev["subject"] = subject
        return ev
    records = [
        record("a1", "2025-01-10", subj("negotiating", "2025-01-10", "budget 2025")),
        record("a2", "2025-10-10", subj("negotiating", "2025-10-10", "budget 2026")),
        record("a3", "2025-10-20", subj("signed", "2025-10-20", "compromis sur le budget 2026")),
        record("a4", "2025-10-25", subj("signed", "2025-10-25", "accord")),  # names none: joins
    ]
    links = link_agreements(records)
    assert links[("a2", 0)] == links[("a3", 0)] != links[("a1", 0)]
    assert len(set(links.values())) == 2
