"""filon_events on sentences written for these tests (wire style, never corpus text).

The component runs here alone after the French model: actor mentions then come from the
gazetteer fallback, and dates and quotes are set by hand where a test needs them, so these
tests do not depend on the other components.
"""

from __future__ import annotations

import json

import pytest

from filon.pipeline.events.lexicon import COARSE_STATUS, STATUSES, load_event_lexicon


@pytest.fixture(scope="module")
def events_nlp():
    from filon.pipeline import build_pipeline

    return build_pipeline(components=["filon_events"])


@pytest.fixture(scope="module")
def minerals_nlp(tmp_path_factory):
    """The bundled packs with an overlay narrowing agreements to minerals deals
    (`agreement_scope: {resource_family: minerals}`), stacked on top as a user would."""
    from filon.domains.pack import DEFAULT_DOMAIN
    from filon.pipeline import build_pipeline

    overlay = tmp_path_factory.mktemp("packs") / "minerals-only"
    overlay.mkdir()
    (overlay / "event_triggers.yaml").write_text(
        "agreement_scope: {resource_family: minerals, source: test}\n", encoding="utf-8")
    pack = f"{DEFAULT_DOMAIN}+{overlay}"
    nlp = build_pipeline(components=[])
    nlp.add_pipe("filon_events", config={"domain": str(pack)})
    return nlp


def extract(nlp, text: str, published: str | None = "2025-02-24", **extensions) -> list[dict]:
    """Events of `text`; `extensions` sets doc._.filon_<name> before the component runs."""
    doc = nlp.make_doc(text)
    doc._.filon_published = published
    doc._.filon_boilerplate = []
    for name, value in extensions.items():
        setattr(doc._, f"filon_{name}", value)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.filon_events


def only(events: list[dict], type_: str = "agreement") -> dict:
    found = [e for e in events if e["type"] == type_]
    assert len(found) == 1, [(e["type"], e["trigger"]["text"]) for e in events]
    return found[0]


def names(event: dict) -> set[str]:
    return {p["name"] for p in event["parties"]}


# ---------------------------------------------------------------------------- statuses
STATUS_CASES = [
    # rejected
    ("Le gouvernement ukrainien a rejeté mardi le projet d'accord américain sur les terres rares.",
     "rejected"),
    ("Kiev a refusé de signer en l'état l'accord sur le lithium réclamé par Washington.", "rejected"),
    ("Le président ukrainien a repoussé jeudi la version américaine de l'accord sur les minerais.",
     "rejected"),
    # negotiating
    ("Washington et Kiev sont en négociations sur un accord portant sur les minerais stratégiques.",
     "negotiating"),
    ("Les pourparlers entre l'Union européenne et l'Ukraine sur les matières premières critiques "
     "se poursuivent à Bruxelles.", "negotiating"),
    ("Les États-Unis et l'Ukraine négocient depuis des semaines un accord sur le titane.",
     "negotiating"),
    # close
    ("Les deux pays sont sur le point de signer un accord sur le graphite, selon un diplomate.",
     "close"),
    ("Un accord sur les terres rares entre Washington et Kiev est très proche, a assuré le président "
     "américain.", "close"),
    ("Kiev et Washington se sont mis d'accord sur le texte d'un accord-cadre sur les minerais.",
     "close"),
    # proposed
    ("La Commission européenne a proposé à l'Ukraine un partenariat sur les matières premières "
     "critiques.", "proposed"),
    ("Le secrétaire américain au Trésor a présenté à Kiev un projet d'accord sur les minerais.",
     "proposed"),
    # signed
    ("Les États-Unis et l'Ukraine ont signé mercredi à Washington l'accord sur les minerais.",
     "signed"),
    ("L'accord sur le lithium a été paraphé lundi par les deux ministres.", "signed"),
    # ratified
    ("Le Parlement ukrainien a ratifié jeudi l'accord sur les ressources naturelles.", "ratified"),
    ("Les députés ont voté la ratification de l'accord sur les terres rares par 338 voix.",
     "ratified"),
    # suspended / cancelled
    ("Les discussions sur l'accord minier ont tourné court vendredi à la Maison Blanche.",
     "collapsed"),
    ("La signature de l'accord sur les minerais a été annulée après la dispute.", "collapsed"),
    ("L'accord sur l'uranium a été suspendu par le gouvernement.", "suspended"),
]


@pytest.mark.parametrize(("text", "status"), STATUS_CASES)
def test_events_status_of_agreement(events_nlp, text, status):
    event = only(extract(events_nlp, text))
    assert event["status"] == status
    assert event["negated"] is False


def test_events_refusal_to_sign_is_not_a_signature(events_nlp):
    events = extract(events_nlp, "Kiev a refusé de signer l'accord sur le lithium.")
    assert [e["status"] for e in events] == ["rejected"]


def test_events_about_to_sign_is_one_close_event(events_nlp):
    events = extract(events_nlp, "Les deux pays sont sur le point de conclure un accord sur le cobalt.")
    assert [e["status"] for e in events] == ["close"]


def test_events_source_close_to_talks_is_not_close(events_nlp):
    text = ("Selon une source proche des discussions, le texte sur les minerais prévoit un fonds "
            "commun.")
    assert all(e["status"] != "close" for e in extract(events_nlp, text))


# ---------------------------------------------------------------------------- other event types
TYPE_CASES = [
    ("Vladimir Poutine a invité les entreprises américaines à investir dans les terres rares en "
     "Russie.", "investment_invitation", {"Russia", "United States"}),
    ("Le Kremlin s'est dit disposé à coopérer avec des entreprises américaines pour exploiter le "
     "lithium sibérien.", "investment_invitation", {"Russia", "United States"}),
    ("Le président russe a ordonné au gouvernement de développer l'extraction de terres rares.",
     "order", {"Russia"}),
    ("La Chine a annoncé des restrictions à l'exportation de gallium et de germanium.",
     "export_control", set()),
    ("Pékin a décidé d'interdire les exportations d'antimoine vers les États-Unis.",
     "export_control", set()),
    ("Moscou veut doubler la production de terres rares d'ici 2030.", "production_target", {"Russia"}),
    ("Washington multiplie les pressions sur Kiev pour que l'accord sur les minerais soit signé.",
     "pressure", {"United States", "Ukraine"}),
]


@pytest.mark.parametrize(("text", "type_", "parties"), TYPE_CASES)
def test_events_type_and_parties(events_nlp, text, type_, parties):
    event = only(extract(events_nlp, text), type_)
    assert parties <= names(event)


def test_events_invitation_is_proposed_and_claimed_by_its_agent(events_nlp):
    text = "Vladimir Poutine a invité lundi les investisseurs chinois à exploiter le lithium russe."
    event = only(extract(events_nlp, text), "investment_invitation")
    assert event["status"] == "proposed"
    assert event["claimed_by"]["name"] == "Vladimir Putin"
    assert "China" in names(event)


def test_events_place_is_not_a_party(events_nlp):
    text = ("Vladimir Poutine a invité les entreprises américaines à investir dans les terres rares "
            "des territoires d'Ukraine occupés.")
    event = only(extract(events_nlp, text), "investment_invitation")
    assert names(event) == {"Russia", "United States"}


def test_events_news_agency_is_not_a_party(events_nlp):
    text = ("D'après un responsable ukrainien interrogé par l'AFP, Kiev a rejeté l'accord sur les "
            "minerais proposé par Washington.")
    events = extract(events_nlp, text)
    assert all("Agence France-Presse" not in names(e) for e in events)


# ---------------------------------------------------------------------------- polarity, modality
def test_events_negated_signature_has_no_status(events_nlp):
    event = only(extract(events_nlp, "Le président ukrainien n'a pas signé l'accord sur les terres rares."))
    assert event["status"] is None
    assert event["negated"] is True
    assert event["detail"] == "not_signed"
    assert event["status_cue"] == "signed"


def test_events_no_document_signed_is_negated(events_nlp):
    # (an anaphoric "document" needs a deal already named: it opens none of its own)
    text = "Kiev et Washington discutent d'un accord sur les minerais. Aucun document n'a été signé mercredi."
    signed = [e for e in extract(events_nlp, text) if e["status_cue"] == "signed"]
    assert signed and signed[0]["negated"] and signed[0]["status"] is None


@pytest.mark.parametrize(
    ("text", "modality", "status"),
    [
        ("Kiev pourrait signer un jour l'accord sur le titane.", "possible", None),
        # a signing on the calendar or expected soon: the text is agreed, so "close" (never "signed")
        ("Kiev pourrait signer l'accord sur le titane dès la semaine prochaine.", "possible", "close"),
        ("Le ministre doit signer vendredi l'accord sur le lithium.", "expected", "close"),
        ("L'Ukraine signera l'accord sur les minerais à Washington.", "expected", "close"),
        ("Le texte sur les terres rares devait être paraphé lors d'une conférence de presse.",
         "expected", None),
        ("Si l'accord sur les terres rares était signé, Kiev obtiendrait des investissements.",
         "hypothetical", None),
        ("Washington fait pression pour qu'il signe l'accord sur les minerais.", "hypothetical", None),
    ],
)
def test_events_modality_blocks_status(events_nlp, text, modality, status):
    event = next(e for e in extract(events_nlp, text) if e["status_cue"] == "signed")
    assert event["modality"] == modality
    assert event["status"] == status
    assert event["detail"] == f"{modality}_signed"


def test_events_proposal_to_conclude_is_one_proposal(events_nlp):
    text = "L'Union européenne a proposé lundi à l'Ukraine de conclure un partenariat sur le lithium."
    events = extract(events_nlp, text)
    assert next((e["status"], e["status_cue"]) for e in events) == ("proposed", "proposed")
    assert all(e["status"] != "signed" for e in events)


def test_events_law_signature_is_not_the_agreement_signature(events_nlp):
    text = "Le président a signé la loi ratifiant l'accord sur les ressources naturelles."
    events = extract(events_nlp, text)
    assert [e["status"] for e in events] == ["ratified"]


# ---------------------------------------------------------------------------- scope of a pack
@pytest.mark.parametrize(
    "text",
    [
        "Le Parlement a adopté le budget pour l'année prochaine.",
        "Les deux pays ont signé un accord de libre-échange à Ottawa.",
        "Les négociations salariales se poursuivent chez le constructeur automobile.",
    ],
)
def test_events_minerals_scope_keeps_only_mineral_agreements(minerals_nlp, text):
    assert [e for e in extract(minerals_nlp, text) if e["type"] == "agreement"] == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Les deux pays ont signé un accord de libre-échange à Ottawa.", "signed"),
        ("Les négociations salariales se poursuivent chez le constructeur automobile.", "negotiating"),
        ("L'UE et le Brésil ont signé un accord sur les matières premières agricoles.", "signed"),
        ("Les discussions sur la réforme des retraites ont abouti hier.", "close"),
        ("Israël et le Hamas négocient un cessez-le-feu au Caire.", "negotiating"),
    ],
)
def test_events_general_scope_reads_deals_of_any_kind(events_nlp, text, status):
    assert [e["status"] for e in extract(events_nlp, text) if e["type"] == "agreement"] == [status]


@pytest.mark.parametrize(
    "text",
    [
        "Le Parlement a adopté le budget pour l'année prochaine.",
        "La commission des finances a examiné le projet de loi de finances rectificative.",
        "Le gouvernement a approuvé mercredi le projet de réforme des retraites.",
    ],
)
def test_events_general_scope_needs_a_deal_not_a_text(events_nlp, text):
    # "le projet", "le texte" only point back to a deal: a bill or a budget vote opens none
    assert not [e for e in extract(events_nlp, text) if e["type"] == "agreement" and e["status"]]


# ---------------------------------------------------------------------------- who claims it
def test_events_claimed_by_quote_speaker(events_nlp):
    text = "Donald Trump a assuré mardi qu'un accord sur les terres rares avec l'Ukraine était très proche."
    start = text.index("un accord")
    quote = {
        "kind": "indirect", "text": text[start:-1], "start": start, "end": len(text) - 1,
        "speaker": {"name": "Donald Trump", "id": "Q22686", "text": "Donald Trump", "start": 0, "end": 12},
        "cue": "a assuré",
    }
    event = only(extract(events_nlp, text, quotes=[quote]))
    assert event["status"] == "close"
    assert event["claimed_by"] == {"name": "Donald Trump", "id": "Q22686"}
    assert event["quote_index"] == 0


def test_events_claimed_by_reporting_verb_without_quotes(events_nlp):
    text = ("Le président américain a affirmé lundi qu'un accord avec l'Ukraine sur le lithium est "
            "très proche.")
    event = only(extract(events_nlp, text))
    assert event["status"] == "close"
    assert event["claimed_by"]["name"] == "Donald Trump"  # role resolved on the publication date
    assert event["quote_index"] is None


def test_events_claimed_by_joint_attribution(events_nlp):
    text = "Un accord sur le lithium est actuellement en discussion, selon Kiev et Washington."
    event = only(extract(events_nlp, text))
    assert event["status"] == "negotiating"
    assert " & " in event["claimed_by"]["name"]
    assert len(event["claimed_by"]["ids"]) == 2


def test_events_narrator_claims_nothing(events_nlp):
    text = "Kiev et Washington sont en négociations sur un accord sur les terres rares."
    assert only(extract(events_nlp, text))["claimed_by"] is None


def test_events_rejection_is_claimed_by_who_rejects(events_nlp):
    text = "Volodymyr Zelensky a rejeté une première version de l'accord sur les minerais."
    assert only(extract(events_nlp, text))["claimed_by"]["name"] == "Volodymyr Zelensky"


# ---------------------------------------------------------------------------- one agreement
def test_events_anaphora_links_to_last_agreement(events_nlp):
    text = (
        "Kiev et Washington négocient un accord sur les terres rares. "
        "Le président ukrainien a rejeté une première version du document. "
        "Une nouvelle mouture est désormais en discussion."
    )
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement"]
    assert [e["status"] for e in events] == ["negotiating", "rejected", "negotiating"]
    assert {e["agreement_id"] for e in events} == {"local:1"}
    assert names(events[1]) == {"Ukraine", "United States"}  # parties come from the antecedent


def test_events_second_agreement_gets_its_own_key(events_nlp):
    text = (
        "Kiev et Washington négocient un accord sur les terres rares. "
        "Par ailleurs, l'Union européenne a proposé à l'Ukraine un partenariat sur les matières "
        "premières critiques."
    )
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement"]
    assert [e["agreement_id"] for e in events] == ["local:1", "local:2"]
    assert names(events[1]) == {"European Union", "Ukraine"}


def test_events_same_subject_links_without_resource(events_nlp):
    text = (
        "Washington et Kiev discutent d'un accord sur le lithium. "
        "Les deux capitales sont toujours en négociations sur le même sujet."
    )
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement"]
    assert len(events) == 2 and events[1]["agreement_id"] == events[0]["agreement_id"]


def test_events_talks_suspended_after_earlier_mention(events_nlp):
    text = (
        "Les États-Unis et l'Ukraine négociaient un accord sur les minerais. "
        "Les discussions ont été suspendues vendredi après une altercation."
    )
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement"]
    assert events[-1]["status"] == "suspended"
    assert events[-1]["agreement_id"] == events[0]["agreement_id"]


# ---------------------------------------------------------------------------- dates, data
def test_events_date_from_sentence(events_nlp):
    text = "Les deux pays ont signé mercredi l'accord sur les minerais."
    start = text.index("mercredi")
    dates = [{"text": "mercredi", "start": start, "end": start + 8, "value": "2025-04-30",
              "granularity": "day"}]
    event = only(extract(events_nlp, text, published="2025-05-01", dates=dates))
    assert (event["date"], event["date_source"]) == ("2025-04-30", "sentence")


def test_events_date_falls_back_to_publication(events_nlp):
    event = only(extract(events_nlp, "Les deux pays ont signé l'accord sur les minerais.", dates=[]))
    assert (event["date"], event["date_source"]) == ("2025-02-24", "published")


def test_events_pluperfect_has_no_date(events_nlp):
    text = "Le président ukrainien avait rejeté une première version de l'accord sur les minerais."
    event = only(extract(events_nlp, text, dates=[]))
    assert event["status"] == "rejected"
    assert event["date"] is None


def test_events_results_are_plain_data_with_offsets(events_nlp):
    text = ("Kiev a rejeté l'accord sur les terres rares. Moscou a invité les entreprises chinoises "
            "à investir dans le lithium. La Chine a limité les exportations de graphite.")
    events = extract(events_nlp, text)
    assert len(events) == 3
    json.dumps(events)  # plain data only
    for event in events:
        trig = event["trigger"]
        assert text[trig["start"] : trig["end"]] == trig["text"]
        ev = event["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert ev["start"] <= trig["start"] < trig["end"] <= ev["end"]
        assert event["status"] in (*STATUSES, None)
        assert all(r["id"].startswith("filon:") for r in event["resources"])
    assert [e["evidence"]["start"] for e in events] == sorted(e["evidence"]["start"] for e in events)


def test_events_boilerplate_is_skipped(events_nlp):
    text = "Kiev a signé l'accord sur les minerais.\n\nLe ministre signe l'accord sur le lithium. ( AFP / X )"
    start = text.index("Le ministre")
    events = extract(events_nlp, text, boilerplate=[{"start": start, "end": len(text), "kind": "caption"}])
    assert [e["trigger"]["text"] for e in events] == ["signé"]


def test_events_lexicon_entries_have_sources():
    lexicon = load_event_lexicon()
    assert len(lexicon.triggers) >= 40
    assert {t.status for t in lexicon.triggers.values() if t.type == "agreement"} <= set(STATUSES)
    assert set(COARSE_STATUS) == set(STATUSES)
    assert {"rare earths", "lithium", "gallium", "germanium", "critical raw materials"} <= {
        r.name for r in lexicon.resources.values()
    }


def test_events_matchers_are_compiled_once(events_nlp):
    pipe = events_nlp.get_pipe("filon_events")
    matcher = pipe.matcher
    extract(events_nlp, "Kiev a signé l'accord sur les minerais.")
    extract(events_nlp, "Kiev a rejeté l'accord sur le lithium.")
    assert pipe.matcher is matcher


def test_events_long_article_is_fast(events_nlp):
    import time

    sentence = ("Kiev et Washington sont en négociations sur un accord sur les terres rares, a indiqué "
                "un responsable, tandis que Moscou invite les investisseurs chinois à exploiter le "
                "lithium. ")
    doc = events_nlp.make_doc(sentence * 150)
    doc._.filon_published = "2025-02-24"
    for name, proc in events_nlp.pipeline:
        if name != "filon_events":
            doc = proc(doc)
    pipe = events_nlp.get_pipe("filon_events")
    start = time.perf_counter()
    pipe(doc)
    elapsed = time.perf_counter() - start
    assert len(doc._.filon_events) >= 300
    assert elapsed < 3.0  # well under 1 s here; a quadratic scan over 5,000 tokens takes far longer


# ---------------------------------------------------------------------------- clauses and idioms
def test_events_agree_idiom_is_no_deal(events_nlp):
    text = ("Le ministre s'est dit d'accord avec cette analyse sur le lithium. En accord avec "
            "Bruxelles, Paris a proposé de relancer l'extraction de lithium.")
    assert [e for e in extract(events_nlp, text) if e["type"] == "agreement"] == []


def test_events_other_kind_of_deal_is_ignored(events_nlp):
    text = ("Kiev et Washington négocient un accord sur les terres rares. Ils ont aussi évoqué des "
            "pourparlers de paix avec Moscou.")
    # the rules' reading; the learned status model adds its own guess on the second sentence
    # (talks with Moscou; tests/test_events_learned.py tests what it adds, and that it only adds)
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement" and e["cue"] != "model"]
    assert [e["trigger"]["text"] for e in events] == ["négocient"]


def test_events_witness_is_not_a_party(events_nlp):
    text = ("L'Union européenne et la Serbie ont signé un protocole d'accord sur le lithium, en "
            "présence du chancelier allemand.")
    event = only(extract(events_nlp, text))
    assert names(event) == {"European Union", "Serbia"}


def test_events_later_clause_has_its_own_agent_and_date(events_nlp):
    text = ("Pékin a annoncé mardi des restrictions à l'exportation de graphite, tandis que "
            "Washington et Kinshasa discutent d'un partenariat sur le cobalt.")
    start = text.index("mardi")
    dates = [{"text": "mardi", "start": start, "end": start + 5, "value": "2024-07-16",
              "granularity": "day"}]
    events = extract(events_nlp, text, published="2024-07-19", dates=dates)
    control = only(events, "export_control")
    talks = only(events, "agreement")
    assert control["date"] == "2024-07-16"
    assert (talks["date"], talks["date_source"]) == ("2024-07-19", "published")
    assert names(talks) == {"United States", "Democratic Republic of the Congo"}
    assert talks["claimed_by"] is None


def test_events_interrupted_talks_are_one_event(events_nlp):
    text = ("Les États-Unis et l'Ukraine négociaient un accord sur les minerais. "
            "Les négociations ont été interrompues vendredi.")
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement"]
    assert [e["status"] for e in events] == ["negotiating", "suspended"]


def test_events_definite_text_points_back_to_the_deal(events_nlp):
    text = ("L'Union européenne et la Serbie ont signé un protocole d'accord sur le lithium. "
            "Le texte a été paraphé à Belgrade par le commissaire européen et un ministre serbe.")
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement"]
    assert [e["agreement_id"] for e in events] == ["local:1", "local:1"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the article tells of the signing still to come: the deal reached is close
        ("Kiev et Washington sont parvenus à un accord sur l'exploitation des minerais ukrainiens, "
         "que Volodymyr Zelensky doit signer vendredi.", "close"),
        ("Bruxelles a tendu la main à Kiev en proposant un partenariat sur les matières premières "
         "critiques.", "proposed"),
        ("Washington a soumis une nouvelle proposition d'accord sur les terres rares à Kiev.",
         "proposed"),
    ],
)
def test_events_more_status_phrases(events_nlp, text, status):
    assert extract(events_nlp, text)[0]["status"] == status


def test_events_past_talks_are_background(events_nlp):
    text = ("Les deux pays ont signé l'accord sur les minerais après deux mois de négociations "
            "tendues.")
    assert [e["status"] for e in extract(events_nlp, text)] == ["signed"]


def test_events_company_is_a_party_of_its_contract(events_nlp):
    text = "Le groupe minier australien a signé un contrat de fourniture de lithium avec Tesla."
    assert names(only(extract(events_nlp, text))) == {"Australia", "Tesla"}


def test_events_judged_unacceptable_is_a_rejection(events_nlp):
    text = "Le projet américain sur les minerais a été jugé inacceptable par Kiev."
    assert only(extract(events_nlp, text))["status"] == "rejected"


def test_events_counter_proposal_is_a_deal_word(events_nlp):
    text = "Les Etats-Unis ont rejeté la contre-proposition ukrainienne sur les minerais."
    event = only(extract(events_nlp, text))
    assert event["status"] == "rejected"
    assert names(event) == {"United States", "Ukraine"}


def test_events_conditional_read_as_imperfect_is_still_conditional(events_nlp):
    text = "Le ministre a estimé que Bruxelles offrirait à Kiev un partenariat sur les minerais."
    event = only(extract(events_nlp, text))
    assert (event["status"], event["modality"]) == (None, "possible")


def test_events_dateline_place_is_not_a_party(events_nlp):
    text = ("MUNICH (Allemagne), 15 fév 2025 (AFP) - Le président ukrainien a refusé de signer le "
            "projet d'accord sur les minerais.")
    event = only(extract(events_nlp, text))
    assert "Germany" not in names(event)


def test_events_negation_of_previous_sentence_does_not_leak(events_nlp):
    text = ("Le Congrès n'a pas à se prononcer sur ce texte.\n\nPour entrer en vigueur, l'accord sur "
            "les minerais suppose un échange de notes entre Kiev et Washington.")
    event = only(extract(events_nlp, text))
    assert event["negated"] is False
    assert event["modality"] == "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a présenté mardi les grandes lignes de l'accord sur les minerais.",
        "Vladimir Poutine a évoqué l'accord américano-ukrainien sur les terres rares sans le commenter.",
    ],
)
def test_events_mentioning_a_deal_is_not_proposing_one(events_nlp, text):
    assert [e for e in extract(events_nlp, text) if e["status"] == "proposed"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Le commissaire européen a évoqué un partenariat avec l'Ukraine sur les matières premières "
        "critiques.",
        "Le projet d'accord sur les terres rares a été transmis à Kiev mercredi.",
        "Le commissaire a de son côté évoqué lundi, lors d'une visite à Kiev, un accord sur le lithium.",
    ],
)
def test_events_evoking_or_handing_over_a_draft_proposes_it(events_nlp, text):
    assert only(extract(events_nlp, text))["status"] == "proposed"


def test_events_first_person_future_inside_a_quote(events_nlp):
    text = "« Nous signerons l'accord sur le lithium », a-t-il dit."
    event = only(extract(events_nlp, text))
    assert (event["status"], event["detail"]) == ("close", "expected_signed")


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Un accord sur les terres rares est plus proche que jamais, selon Washington.", False),
        ("Kiev ne signera jamais l'accord sur les minerais sous cette forme.", True),
        ("Washington et Kiev ne négocient plus sur le lithium.", True),
    ],
)
def test_events_weak_negation_words_need_ne(events_nlp, text, negated):
    assert only(extract(events_nlp, text))["negated"] is negated


def test_events_unrelated_talks_in_a_minerals_article(events_nlp):
    text = ("Kiev et Washington négocient un accord sur les terres rares. "
            "Par ailleurs, les syndicats négocient avec la direction de l'usine.")
    # the rules' reading; the learned status model adds its own guess on the second sentence
    # (talks with Moscou; tests/test_events_learned.py tests what it adds, and that it only adds)
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement" and e["cue"] != "model"]
    assert [e["trigger"]["text"] for e in events] == ["négocient"]
    assert events[0]["evidence"]["start"] == 0


def test_events_scheduled_signing_is_close_as_of_the_article(events_nlp):
    text = "Le président ukrainien doit signer vendredi l'accord sur les minerais."
    start = text.index("vendredi")
    dates = [{"text": "vendredi", "start": start, "end": start + 8, "value": "2025-02-28",
              "granularity": "day"}]
    event = only(extract(events_nlp, text, published="2025-02-26", dates=dates))
    assert (event["status"], event["date"], event["planned_date"]) == ("close", "2025-02-26", "2025-02-28")


def test_events_comparison_is_not_a_party(events_nlp):
    text = ("L'Union européenne a proposé à l'Ukraine un partenariat sur le lithium, présenté comme "
            "une alternative aux exigences de Washington.")
    event = next(e for e in extract(events_nlp, text) if e["status"] == "proposed")
    assert names(event) == {"European Union", "Ukraine"}


# ---------------------------------------------------------------------------- status classes
# Each sentence pair below was written for these tests; the first sentence, when present, only
# introduces the agreement that the second one points back to.
def statuses(events: list[dict]) -> list[tuple[str | None, str | None]]:
    return [(e["status"], e["coarse_status"]) for e in events if e["type"] == "agreement"]


def last(events: list[dict]) -> dict:
    return [e for e in events if e["type"] == "agreement"][-1]


@pytest.mark.parametrize(
    ("text", "coarse"),
    [
        # a government approves the agreed text: close (not yet signed)
        ("Washington et Kiev se sont entendus sur le texte d'un accord sur le lithium. "
         "Le conseil des ministres ukrainien a validé le texte jeudi.", "close"),
        ("Kiev et Washington négocient un accord sur le graphite. Le projet, approuvé mardi par "
         "le gouvernement ukrainien, crée un fonds commun.", "close"),
        # approved once signed: a step of the ratification, the deal stays signed
        ("Les Etats-Unis et l'Ukraine ont signé lundi un accord sur le graphite. Le gouvernement "
         "ukrainien a approuvé le document le même jour.", "signed"),
    ],
)
def test_events_approval_by_a_government(events_nlp, text, coarse):
    event = last(extract(events_nlp, text))
    assert (event["detail"], event["coarse_status"]) == ("approved", coarse)


def test_events_approval_of_something_else_is_no_agreement(events_nlp):
    text = "La Commission a approuvé vingt projets miniers sur le cobalt et le nickel."
    assert not [e for e in extract(events_nlp, text) if e["type"] == "agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "Le secrétaire d'Etat a présenté jeudi aux autorités ukrainiennes un projet d'accord sur le titane.",
        "Les Etats-Unis négocient avec l'Ukraine un accord sur les terres rares. La dernière version, "
        "remise à Kiev lundi, prévoit un fonds commun.",
    ],
)
def test_events_draft_handed_over_is_proposed_by_the_narrator(events_nlp, text):
    event = last(extract(events_nlp, text))
    assert event["status"] == "proposed"
    assert event["claimed_by"] is None  # handing over a text is an act, not a statement


@pytest.mark.parametrize(
    "text",
    [
        "Les négociations sur le lithium entre Kiev et Washington doivent se poursuivre la semaine "
        "prochaine.",
        "Washington a soumis à Kiev un accord sur le graphite. Le cabinet ukrainien va étudier le "
        "projet avant de répondre.",
        "Les deux délégations ont échangé de nouvelles versions de l'accord sur les minerais.",
        "Kiev et Washington discutent d'un accord sur le titane. Selon le ministre, Kiev enverra "
        "une contre-proposition d'ici lundi.",
        "Le gouvernement ne renonce pas aux discussions engagées avec Washington sur les minerais.",
    ],
)
def test_events_talks_under_way_are_negotiating(events_nlp, text):
    assert ("negotiating", "negotiating") in statuses(extract(events_nlp, text))


def test_events_negotiations_still_to_open_are_a_proposal(events_nlp):
    text = ("Kiev et Washington ont signé un accord sur le titane. Un second accord, sur les terres "
            "rares, devra être négocié d'ici la fin de l'année.")
    assert last(extract(events_nlp, text))["status"] == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        "Le président ukrainien se dit prêt à signer l'accord sur les terres rares.",
        "L'accord sur le lithium pourrait être signé dès jeudi, selon un diplomate.",
        "La signature de l'accord sur les minerais a été reportée à une date ultérieure.",
        "Le Premier ministre pourrait se rendre à Washington la semaine prochaine pour signer "
        "l'accord sur le cobalt.",
    ],
)
def test_events_signing_pending_is_close(events_nlp, text):
    event = last(extract(events_nlp, text))
    assert event["coarse_status"] == "close", event
    if "signé dès" in text:
        # a signing expected on a day: the deal is close as of the article, the day is the plan
        assert event["date"] == "2025-02-24" and event["date_source"] == "published"


def test_events_unanchored_possible_signing_stays_open(events_nlp):
    event = last(extract(events_nlp, "L'accord sur le lithium pourrait être signé un jour."))
    assert event["status"] is None


def test_events_anonymous_source_asserts_nothing(events_nlp):
    text = "L'accord sur le lithium pourrait être signé dès jeudi, selon un diplomate."
    event = last(extract(events_nlp, text))
    assert event["claimed_by"] is None


def _quoted(text: str, speaker: dict | None = None) -> list[dict]:
    start, end = text.index("«"), text.index("»") + 1
    return [{"kind": "direct", "text": text[start + 2 : end - 2], "start": start, "end": end,
             "speaker": speaker, "cue": "a lancé"}]


@pytest.mark.parametrize(
    "text",
    [
        "« Nous ne signerons jamais un tel accord sur nos minerais », a lancé le ministre.",
        "Washington a remis à Kiev un accord sur le lithium. « Aucun pays ne peut signer cela », "
        "a lancé un député.",
    ],
)
def test_events_refusal_to_sign_in_direct_speech_is_rejected(events_nlp, text):
    event = last(extract(events_nlp, text, quotes=_quoted(text)))
    assert (event["status"], event["detail"]) == ("rejected", "refuses_to_sign")


def test_events_narrated_planned_non_signing_is_no_refusal(events_nlp):
    event = last(extract(events_nlp, "L'accord sur les minerais ne sera pas signé vendredi."))
    assert event["status"] is None and event["negated"]


def test_events_ratification_pending_after_signature_is_signed(events_nlp):
    text = ("Kiev et Washington ont signé mercredi l'accord sur les minerais. Le texte doit encore "
            "être ratifié par le Parlement ukrainien.")
    event = last(extract(events_nlp, text))
    assert (event["status"], event["coarse_status"]) == ("signed", "signed")
    assert event["detail"] == "ratified_pending"


def test_events_ratification_planned_without_signature_is_open(events_nlp):
    event = last(extract(events_nlp, "L'accord sur les minerais devra être ratifié par le Parlement."))
    assert event["status"] is None


def test_events_entry_into_force_pending_keeps_the_ratification(events_nlp):
    text = ("Les députés ont ratifié mardi l'accord sur le lithium. Pour entrer en vigueur, le texte "
            "exige un échange de notes entre les deux pays.")
    event = last(extract(events_nlp, text))
    assert (event["status"], event["coarse_status"]) == ("ratified", "signed")  # never moves back


def test_events_reported_clause_names_the_parties(events_nlp):
    text = ("Le ministre allemand a rappelé que l'Union européenne et le Chili avaient signé en 2023 "
            "un accord sur le lithium.")
    assert names(last(extract(events_nlp, text))) == {"European Union", "Chile"}


def test_events_demand_for_resources_needs_a_deal_on_the_table(events_nlp):
    deal = ("Washington négocie avec Kiev un accord sur les minerais. Le président américain veut "
            "obtenir l'équivalent de 300 milliards de dollars en lithium.")
    assert statuses(extract(events_nlp, deal))[-1] == ("proposed", "proposed")
    alone = "Le président américain veut obtenir du lithium."
    assert not [e for e in extract(events_nlp, alone) if e["type"] == "agreement"]


def test_events_both_parties_report_together(events_nlp):
    text = ("Le Chili et l'Union européenne se sont mis d'accord sur le texte d'un partenariat sur "
            "le lithium, ont annoncé jeudi les deux parties.")
    claim = last(extract(events_nlp, text))["claimed_by"]
    assert claim is not None and set(claim["ids"]) == {"Q298", "Q458"}


def test_events_proposal_told_from_the_recipient_is_narrated(events_nlp):
    text = "Le Chili s'est vu proposer mardi par Bruxelles un partenariat sur le lithium."
    event = last(extract(events_nlp, text))
    assert event["status"] == "proposed" and event["claimed_by"] is None
    active = last(extract(events_nlp, "Bruxelles a proposé mardi au Chili un partenariat sur le lithium."))
    assert active["claimed_by"] is not None


def test_events_background_clause_is_not_the_speakers_claim(events_nlp):
    text = ("Le ministre russe s'est dit prêt à coopérer avec des entreprises américaines sur le "
            "lithium, au moment où Washington négocie avec Kiev un accord sur les minerais.")
    start = text.index("s'est dit")
    quotes = [{"kind": "indirect", "text": text[start:], "start": start, "end": len(text),
               "speaker": {"name": "Russia", "id": "Q159"}, "cue": "s'est dit"}]
    talks = [e for e in extract(events_nlp, text, quotes=quotes) if e["status"] == "negotiating"]
    assert talks and talks[0]["claimed_by"] is None


@pytest.mark.parametrize(
    "text",
    [
        # talks, reviews and approvals about something else are no minerals agreement
        "Les discussions sur le budget de la défense doivent se poursuivre la semaine prochaine.",
        "La commission des finances a examiné le projet de loi de finances rectificative.",
        "Le gouvernement a approuvé mercredi le projet de réforme des retraites.",
        "Les deux ministres ont abordé la question des frontières lors de leur rencontre.",
        "Le président veut obtenir un cessez-le-feu avant l'été.",
    ],
)
def test_events_new_cues_stay_on_minerals_deals(minerals_nlp, text):
    assert not [e for e in extract(minerals_nlp, text) if e["type"] == "agreement" and e["status"]]


def test_events_trigger_matcher_matches_like_spacy(events_nlp):
    from spacy.matcher import Matcher

    lexicon = load_event_lexicon()
    reference = Matcher(events_nlp.vocab)
    for trigger_id, pattern in lexicon.patterns.items():
        reference.add(trigger_id, [pattern])
    component = events_nlp.get_pipe("filon_events")
    texts = [
        "Kiev a refusé de signer le texte, rejeté par le Parlement, puis a proposé une contre-proposition.",
        "Les négociations engagées en mars se poursuivent ; l'accord, paraphé et ratifié, est très proche.",
        "Pékin a restreint ses exportations de gallium et invité les investisseurs à coopérer.",
    ]
    for text in texts:
        doc = events_nlp(text)
        strings = events_nlp.vocab.strings
        expected = sorted((strings[m], s, e) for m, s, e in reference(doc[:]))
        assert len(expected) >= 3
        assert sorted((strings[m], s, e) for m, s, e in component.matcher(doc[:])) == expected


@pytest.mark.parametrize(
    ("second", "coarse"),
    [
        ("Les négociations ont abouti mardi soir, a annoncé le ministère.", "close"),
        ("Kiev a accepté le texte proposé par Washington.", "close"),
        ("Le Premier ministre a accepté de signer l'accord.", "close"),
        ("Le gouvernement ukrainien a donné son feu vert au texte.", "close"),
        ("L'accord pourrait être signé très prochainement.", "close"),
    ],
)
def test_events_agreed_not_yet_signed_is_close(events_nlp, second, coarse):
    text = "Washington et Kiev négocient un accord sur les terres rares. " + second
    assert last(extract(events_nlp, text))["coarse_status"] == coarse


def test_events_talks_about_something_else_do_not_succeed(minerals_nlp):
    assert not extract(minerals_nlp, "Les discussions sur la réforme des retraites ont abouti hier.")


@pytest.mark.parametrize(
    ("text", "negotiating"),
    [
        ("Les négociations entre Kiev et Washington sur le lithium se poursuivent.", True),
        ("Kiev et Washington ont engagé des négociations sur le lithium.", True),
        # talks only mentioned: topic, object of a verb of watching
        ("Quant aux négociations entre Kiev et Washington sur le lithium, elles ne nous concernent pas.",
         False),
        ("Les Européens suivent de près les tractations sur le lithium entre Kiev et Washington.", False),
    ],
)
def test_events_bare_talks_noun_asserts_only_as_subject(events_nlp, text, negotiating):
    found = ("negotiating", "negotiating") in statuses(extract(events_nlp, text))
    assert found == negotiating


def test_events_document_author_is_the_source(events_nlp):
    text = ("Le président a promulgué la loi ratifiant l'accord sur les minerais, selon la fiche du "
            "texte publiée sur le site de la Commission européenne.")
    claim = last(extract(events_nlp, text))["claimed_by"]
    assert claim is not None and claim["id"] == "Q8880"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Les négociations avec Washington sur les minerais se poursuivent, a indiqué Kiev.", "filon:gov-ua"),
        ("Un accord sur les terres rares est « très proche », a déclaré mardi Donald Trump.", "Q22686"),
        # another clause's verb, a participle adjunct, an anonymous "on": no claimant
        ("L'accord sur les terres rares est très proche et Kiev a annoncé des élections.", None),
        ("Un accord sur les terres rares est très proche, estime-t-on à Washington.", None),
    ],
)
def test_events_inverted_reporting_verb_claims_without_quotes(events_nlp, text, claimant):
    claim = last(extract(events_nlp, text))["claimed_by"]
    assert (claim or {}).get("id") == claimant


def test_events_anaphoric_nouns_open_no_deal(events_nlp):
    # "le texte" of a regulation in a minerals story is not a minerals agreement
    text = ("Le Parlement européen a adopté le règlement sur les matières premières critiques. Le texte "
            "doit encore être approuvé par les Etats membres avant d'entrer en vigueur.")
    assert not [e for e in extract(events_nlp, text) if e["type"] == "agreement"]


def test_events_plural_projects_are_no_draft(events_nlp):
    text = ("Washington et Kiev négocient un accord sur le lithium. La Commission examinera les projets "
            "stratégiques au printemps.")
    assert [e["cue"] for e in extract(events_nlp, text) if e["type"] == "agreement"] == ["negotiate_verb"]


def test_events_export_ban_with_a_day_between(events_nlp):
    text = "La Chine a interdit mardi les exportations de gallium vers les Etats-Unis."
    assert only(extract(events_nlp, text), "export_control")["trigger"]["text"].startswith("interdit")


def test_events_participle_restating_the_deal_keeps_its_parties(events_nlp):
    text = "Le Parlement ukrainien a ratifié jeudi l'accord sur les minerais conclu avec les Etats-Unis."
    event = only(extract(events_nlp, text))
    assert event["status"] == "ratified" and names(event) == {"Ukraine", "United States"}


def test_events_hoped_signing_is_negotiating_not_close(events_nlp):
    text = ("Washington et Kiev négocient un accord sur les terres rares. Washington espère conclure "
            "un accord avec Kiev d'ici la fin du mois.")
    assert last(extract(events_nlp, text))["status"] == "negotiating"


# ---------------------------------------------------------------------------- held-out classes
@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a signing hoped for or given a term, no day fixed: still being negotiated
        ("Le Chili et l'UE négocient un accord de libre-échange. Le gouvernement chilien espère "
         "conclure le volet sur le lithium d'ici l'été.", "negotiating"),
        ("Paris pourrait signer avec Santiago un accord-cadre sur le lithium avant la fin de "
         "l'année.", "negotiating"),
        # a signing not yet made: the talks go on
        ("L'accord de libre-échange entre Canberra et Bruxelles avance. Son volet sur les terres "
         "rares n'a pas encore été signé.", "negotiating"),
        # talks about to reach a deal
        ("Ces discussions sur le cobalt pourraient aboutir rapidement, selon un diplomate.", "close"),
        # opening of talks
        ("Le Canada et l'Inde ont annoncé l'ouverture de négociations sur un accord portant sur "
         "les minerais critiques.", "negotiating"),
        ("Le Chili et l'UE négocient depuis 2017 un accord comprenant un volet sur le lithium.",
         "negotiating"),
        # a trip made to propose a deal is a proposal, not a plan
        ("Le ministre britannique est allé à Kinshasa proposer un nouvel accord sur le cobalt.",
         "proposed"),
    ],
)
def test_events_held_out_status_classes(events_nlp, text, status):
    assert last(extract(events_nlp, text))["status"] == status


def test_events_not_yet_signed_keeps_the_negation(events_nlp):
    text = "L'accord sur le lithium n'a toujours pas été signé par les deux pays."
    event = last(extract(events_nlp, text))
    assert event["status"] == "negotiating" and event["negated"] and event["detail"] == "not_yet_signed"


def test_events_plain_non_signing_still_has_no_status(events_nlp):
    event = last(extract(events_nlp, "Kiev n'a pas signé l'accord sur les terres rares."))
    assert event["status"] is None and event["negated"]


def test_events_future_trip_to_propose_stays_a_plan(events_nlp):
    text = "Le ministre britannique va proposer à Kinshasa un nouvel accord sur le cobalt."
    assert last(extract(events_nlp, text))["status"] is None


def test_events_opening_of_talks_is_claimed_by_both_announcers(events_nlp):
    text = ("Le Canada et l'Inde ont annoncé l'ouverture de négociations sur un accord portant sur "
            "les minerais critiques.")
    event = only(extract(events_nlp, text))
    assert names(event) == {"Canada", "India"}
    # alone after the model (gazetteer mentions) the claim goes to the first announcer; with
    # filon_entities both are named (checked on the dev set)
    assert event["claimed_by"] is not None and event["claimed_by"]["name"].startswith("Canada")


def test_events_evoked_investments_in_minerals_are_proposed(events_nlp):
    text = "Le président américain avait évoqué en janvier des investissements dans le lithium chilien."
    event = only(extract(events_nlp, text), "investment_invitation")
    assert event["status"] == "proposed" and "United States" in names(event)


def test_events_evoked_investments_without_minerals_are_nothing(events_nlp):
    text = "Le président américain avait évoqué en janvier des investissements dans les routes."
    assert extract(events_nlp, text) == []


def test_events_submitted_draft_is_narrated_like_a_presented_one(events_nlp):
    text = "Les Etats-Unis ont soumis lundi à l'Ukraine une nouvelle version de l'accord sur le titane."
    event = last(extract(events_nlp, text))
    assert event["status"] == "proposed" and event["claimed_by"] is None


def test_events_offer_of_access_to_deposits_is_an_invitation(events_nlp):
    text = "Le Kremlin a offert aux Etats-Unis un accès à ses gisements de terres rares."
    event = only(extract(events_nlp, text), "investment_invitation")
    assert event["status"] == "proposed" and "United States" in names(event)


# ---------------------------------------------------------------------------- past signings, partners
@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Le Japon et l'Australie avaient signé dès mars 2022 un protocole d'accord sur les matières "
         "premières.", {"Japan", "Australia"}),
        ("Le partenariat stratégique sur les matières premières entre l'UE et le Chili, signé en "
         "juillet 2023, prévoit des investissements.", {"European Union", "Chile"}),
    ],
)
def test_events_past_signing_told_as_background_is_signed(events_nlp, text, parties):
    event = only(extract(events_nlp, text))
    assert event["status"] == "signed" and names(event) == parties


def test_events_partners_coordinated_after_avec_get_one_event_each(events_nlp):
    text = ("L'Union européenne a signé en novembre des partenariats stratégiques sur les matières "
            "premières avec la Namibie et le Rwanda.")
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement"]
    assert [names(e) for e in events] == [{"European Union", "Namibia"}, {"European Union", "Rwanda"}]
    assert all(e["status"] == "signed" for e in events)


def test_events_recipients_of_an_advocated_offer(events_nlp):
    text = ("Le commissaire plaide pour que l'UE propose au Kazakhstan et à la Mongolie un "
            "partenariat sur les terres rares.")
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement"]
    assert [names(e) for e in events] == [{"European Union", "Kazakhstan"},
                                          {"European Union", "Mongolia"}]
    assert all(e["status"] == "proposed" for e in events)


def test_events_advocated_signing_is_not_a_signature(events_nlp):
    text = "Le ministre plaide pour que la France signe un accord sur le lithium."
    assert all(e["status"] != "signed" for e in extract(events_nlp, text))


def test_events_names_in_other_phrases_are_not_split(events_nlp):
    text = "Washington a proposé à Kiev un accord sur le titane, négocié avec Londres."
    assert len([e for e in extract(events_nlp, text) if e["type"] == "agreement"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Washington et Kinshasa négocient un accord sur le cobalt. « Les Américains ne veulent pas "
        "que les mines de cobalt restent dans l'orbite chinoise », a souligné un diplomate.",
        "Washington et Kinshasa négocient un accord sur le cobalt. Selon un chercheur, les "
        "Américains veulent sortir les mines de cobalt de l'orbite chinoise.",
    ],
)
def test_events_aims_about_a_sphere_of_influence_are_no_deal_of_that_state(events_nlp, text):
    events = extract(events_nlp, text)
    assert all("China" not in names(e) for e in events)
    assert [e["status"] for e in events if e["type"] == "agreement"] == ["negotiating"]


def test_events_wanting_to_obtain_a_resource_is_still_a_demand(events_nlp):
    text = ("Washington et Kiev négocient un accord sur les minerais. Washington veut obtenir "
            "l'équivalent de 300 milliards de dollars en terres rares.")
    assert last(extract(events_nlp, text))["status"] == "proposed"


def test_events_three_partners_in_a_list_get_one_event_each(events_nlp):
    text = ("En 2023, l'UE avait signé des protocoles d'accord avec le Chili, la RDC et la Zambie "
            "sur les matières premières.")
    events = [e for e in extract(events_nlp, text) if e["type"] == "agreement"]
    assert [names(e) - {"European Union"} for e in events] == [
        {"Chile"}, {"Democratic Republic of the Congo"}, {"Zambia"}]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ces discussions pourraient aboutir à un accord sur le cobalt rapidement.", "close"),
        ("Le gouvernement ukrainien espère finaliser le volet minier de l'accord sur les terres "
         "rares d'ici la fin de l'été.", "negotiating"),
        ("Le ministre japonais s'est rendu à Hanoï pour proposer un accord sur les terres rares.",
         "proposed"),
    ],
)
def test_events_near_term_hoped_and_trip_purposes(events_nlp, text, status):
    assert last(extract(events_nlp, text))["status"] == status


def test_events_planned_trip_to_propose_stays_open(events_nlp):
    text = "Le ministre japonais se rendra à Hanoï pour proposer un accord sur les terres rares."
    assert last(extract(events_nlp, text))["status"] is None


def test_events_evoked_possibility_of_investments_is_proposed(events_nlp):
    text = ("Le président russe avait évoqué la possibilité d'investissements américains dans les "
            "terres rares.")
    assert only(extract(events_nlp, text), "investment_invitation")["status"] == "proposed"


def test_events_farm_commodities_are_no_minerals_deal(minerals_nlp):
    text = "L'UE et le Brésil ont signé un accord sur les matières premières agricoles."
    assert [e for e in extract(minerals_nlp, text) if e["type"] == "agreement"] == []


def test_events_relative_clause_names_are_not_the_offer_parties(events_nlp):
    text = ("Washington propose un accord sur le lithium au Chili, qui a déjà conclu en 2022 un "
            "protocole d'accord sur les matières premières avec l'UE.")
    offer = [e for e in extract(events_nlp, text) if e["status"] == "proposed"]
    assert len(offer) == 1 and names(offer[0]) == {"United States", "Chile"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Un accord a été trouvé dimanche sur le financement climatique.", "signed"),
        ("Le Qatar a annoncé lundi un contrat de gaz naturel liquéfié avec la Chine.", "signed"),
        ("Un nouveau contrat est en cours de négociation entre la Commission et Pfizer.", "negotiating"),
    ],
)
def test_events_found_announced_and_under_negotiation(events_nlp, text, status):
    assert [e["status"] for e in extract(events_nlp, text) if e["type"] == "agreement"] == [status]


def test_events_announcing_talks_is_not_a_signed_deal(events_nlp):
    text = "Le ministre a annoncé l'ouverture de négociations avec le Japon."
    assert "signed" not in [e["status"] for e in extract(events_nlp, text)]
