"""The `filon_dates` component on sentences written for these tests, and its golden score.

The pipeline here holds only `filon_dates` on top of fr_core_news_md: dates need the parse
(tense of the clause) but no other filon component.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import raise_error

from filon.ingest.article import Article
from filon.pipeline import build_pipeline, process


@pytest.fixture(scope="module")
def dates_nlp():
    return build_pipeline(components=["filon_dates"])


def dates_of(nlp, text: str, published: str | None = "2025-02-26", boilerplate=None):
    article = Article(text=text, published=published, lang="fr", boilerplate=boilerplate or [])
    [(_, doc)] = list(process(nlp, [article]))
    return doc


def found(doc) -> list[tuple[str, str | None]]:
    return [(d["text"], d["value"]) for d in doc._.filon_dates]


# -- tense decides which weekday (publication: Wednesday 26 February 2025) ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre ukrainien a rencontré jeudi ses homologues européens.", "2025-02-20"),
        ("Les deux délégations se sont retrouvées lundi à Riyad.", "2025-02-24"),
        ("Interrogé vendredi sur ce projet, le porte-parole a refusé de commenter.", "2025-02-21"),
        ("Le président ukrainien doit se rendre vendredi à Washington.", "2025-02-28"),
        ("Les deux pays signeront jeudi un protocole sur le lithium.", "2025-02-27"),
        # the tagger reads this futur as a past participle: the form says otherwise
        ("La Serbie signera vendredi à Belgrade un partenariat avec l'UE.", "2025-02-28"),
        ("Le chef de la diplomatie va rencontrer lundi son homologue chinois.", "2025-03-03"),
        ("La signature, prévue samedi, pourrait être reportée.", "2025-03-01"),
        ("Le texte pourrait être signé mardi prochain selon Kiev.", "2025-03-04"),
        ("Le dirigeant avait évoqué mardi dernier un accord imminent.", "2025-02-25"),
        ("Le texte doit être signé vendredi à Washington.", "2025-02-28"),
        ("L'accord aurait été paraphé jeudi, selon la presse.", "2025-02-20"),
        # wire present announces: the nearer such day
        ("Le président ukrainien reçoit vendredi son homologue polonais.", "2025-02-28"),
        ("Le Kremlin dément lundi toute offre sur le titane.", "2025-02-24"),
    ],
)
def test_dates_weekday_follows_tense(dates_nlp, text: str, expected: str) -> None:
    doc = dates_of(dates_nlp, text)
    values = [d["value"] for d in doc._.filon_dates if d["granularity"] == "day"]
    assert values == [expected]


def test_dates_record_shape(dates_nlp) -> None:
    text = "Le gouvernement a annoncé lundi 24 février un plan pour les terres rares."
    doc = dates_of(dates_nlp, text)
    assert doc._.filon_dates == [
        {
            "text": "lundi 24 février",
            "start": 26,
            "end": 42,
            "value": "2025-02-24",
            "granularity": "day",
            "relative": True,
        }
    ]


def test_dates_offsets_slice_text_in_order(dates_nlp) -> None:
    text = (
        "KIEV, 26 fév 2025 (AFP) - Le gouvernement ukrainien a transmis mardi une nouvelle "
        "version du texte, a-t-on appris de source officielle.\n\n"
        "Une première mouture avait été rejetée le 14 février. Selon le ministère, un accord "
        "pourrait être conclu d'ici fin mars, voire la semaine prochaine.\n\n"
        "L'an dernier, les exportations de graphite ont reculé, et depuis trois ans le pays "
        "cherche des investisseurs. Il y a deux semaines, Washington réclamait encore 500 "
        "milliards de dollars."
    )
    doc = dates_of(dates_nlp, text)
    dates = doc._.filon_dates
    for item in dates:
        assert text[item["start"] : item["end"]] == item["text"]
    assert [d["start"] for d in dates] == sorted(d["start"] for d in dates)
    assert found(doc) == [
        ("26 fév 2025", "2025-02-26"),
        ("mardi", "2025-02-25"),
        ("le 14 février", "2025-02-14"),
        ("fin mars", "2025-03"),
        ("la semaine prochaine", "2025-W10"),
        ("L'an dernier", "2024"),
        ("Il y a deux semaines", "2025-W07"),
    ]


def test_dates_reported_conditional_is_ahead(dates_nlp) -> None:
    # "entreraient" is tagged imparfait by the model; its form is a conditional
    text = (
        "Le ministère a précisé que les mesures entreraient en vigueur le 1er février et "
        "qu'elles seraient réexaminées en juin."
    )
    doc = dates_of(dates_nlp, text, published="2026-01-08")
    assert found(doc) == [("le 1er février", "2026-02-01"), ("juin", "2026-06")]


@pytest.mark.parametrize("text, expected", [
    # a term set in the past can lie ahead of the article: the nearer date
    ("Le président s'était donné jusqu'au 1er août pour conclure un accord.", "2025-08-01"),
    ("Les deux pays s'étaient promis d'aboutir d'ici au 15 août.", "2025-08-15"),
    # a past act dated without a term stays in the past
    ("Les deux pays avaient signé un accord le 1er août.", "2024-08-01"),
    ("L'accord avait été signé avant le 1er août.", "2024-08-01"),
])
def test_dates_deadline_set_in_the_past(dates_nlp, text: str, expected: str) -> None:
    doc = dates_of(dates_nlp, text, published="2025-07-27")
    assert [v for _, v in found(doc)] == [expected]


def test_dates_generic_today_after_a_future_paragraph(dates_nlp) -> None:
    # the parser may attach the second paragraph to the first one's future verb
    text = (
        "Le commissaire se rendra à Kiev début mars, a indiqué mardi un porte-parole.\n\n"
        "Aujourd'hui, la Chine assure l'essentiel du raffinage du gallium."
    )
    texts = [d["text"] for d in dates_of(dates_nlp, text)._.filon_dates]
    assert texts == ["début mars", "mardi"]


def test_dates_anchored_to_the_last_named_day(dates_nlp) -> None:
    text = (
        "Le président a reçu vendredi 21 février son homologue. La veille, il avait consulté "
        "ses alliés. La veille du sommet, rien n'avait filtré."
    )
    assert found(dates_of(dates_nlp, text)) == [
        ("vendredi 21 février", "2025-02-21"),
        ("La veille", "2025-02-20"),
        ("La veille", None),
    ]


def test_dates_anchored_without_a_named_day_counts_from_publication(dates_nlp) -> None:
    doc = dates_of(dates_nlp, "Le lendemain, les négociations reprendront à Riyad.")
    assert found(doc) == [("Le lendemain", "2025-02-27")]


def test_dates_month_part_key(dates_nlp) -> None:
    doc = dates_of(dates_nlp, "Les négociations doivent aboutir fin avril, selon Bruxelles.")
    [item] = doc._.filon_dates
    assert (item["value"], item["granularity"], item["part"]) == ("2025-04", "month", "end")


def test_dates_year_boundary_in_january_article(dates_nlp) -> None:
    doc = dates_of(
        dates_nlp,
        "Les discussions, entamées fin décembre, ont repris le 28 décembre après une pause.",
        published="2025-01-03",
    )
    assert found(doc) == [("fin décembre", "2024-12"), ("le 28 décembre", "2024-12-28")]


def test_dates_caption_keeps_its_date(dates_nlp) -> None:
    text = (
        "Le ministre à Kiev, en Ukraine, le 12 février 2025. ( AFP / UN PHOTOGRAPHE )\n\n"
        "Le ministre a reçu mardi les industriels du secteur."
    )
    caption_end = text.index("\n")
    doc = dates_of(dates_nlp, text, boilerplate=[{"start": 0, "end": caption_end, "kind": "caption"}])
    assert found(doc) == [("le 12 février 2025", "2025-02-12"), ("mardi", "2025-02-25")]


def test_dates_published_from_dateline(dates_nlp) -> None:
    text = "MOSCOU, 3 mars 2025 (AFP) - Le Kremlin a démenti samedi toute offre sur le titane."
    doc = dates_of(dates_nlp, text, published=None)
    assert doc._.filon_published == "2025-03-03"
    assert found(doc)[-1] == ("samedi", "2025-03-01")


def test_dates_without_reference_keep_only_absolute_values(dates_nlp) -> None:
    text = "Le texte signé le 30 avril 2025 a été ratifié jeudi par le Parlement."
    doc = dates_of(dates_nlp, text, published=None)
    assert doc._.filon_published is None
    assert found(doc) == [("le 30 avril 2025", "2025-04-30"), ("jeudi", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Depuis trois ans, le pays cherche à diversifier ses approvisionnements.",
        "Les négociations ont duré pendant deux semaines sans résultat.",
        "La réunion a commencé à 14h30 au ministère.",
        "Aujourd'hui, la Chine raffine l'essentiel du gallium mondial.",
        "L'industrie d'aujourd'hui dépend des terres rares.",
        "La mine produit 2000 tonnes de graphite par an.",
        "Le rover a exploré Mars pendant des années.",
        "Le ministre a accordé un entretien au Journal du Dimanche.",
    ],
)
def test_dates_not_emitted(dates_nlp, text: str) -> None:
    assert dates_of(dates_nlp, text)._.filon_dates == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre a annoncé aujourd'hui la fin des discussions.", [("aujourd'hui", "2025-02-26")]),
        ("L'accord a été paraphé hier soir à Kiev.", [("hier soir", "2025-02-25")]),
        ("La production doit doubler en 2027.", [("2027", "2027")]),
        ("L'UE vise l'autonomie à l'horizon 2030.", [("2030", "2030")]),
        ("Le mémorandum signé en mars 2024 reste en vigueur.", [("mars 2024", "2024-03")]),
        ("Les exportations ont chuté le mois dernier.", [("le mois dernier", "2025-01")]),
        ("Le texte a été transmis le 24/02/2025 au Parlement.", [("le 24/02/2025", "2025-02-24")]),
        ("Une délégation est attendue ce week-end à Kiev.", [("ce week-end", "2025-W09")]),
        ("Les ministres se sont vus ce week-end à Varsovie.", [("ce week-end", "2025-W08")]),
    ],
)
def test_dates_emitted(dates_nlp, text: str, expected) -> None:
    assert found(dates_of(dates_nlp, text)) == expected


def test_dates_error_handler_keeps_the_batch_going(dates_nlp, monkeypatch) -> None:
    from filon.pipeline.dates import component as dates_module

    def broken(text):
        raise RuntimeError("boom")

    monkeypatch.setattr(dates_module, "find_expressions", broken)
    seen = []
    component = dates_nlp.get_pipe("filon_dates")
    # `nlp.set_error_handler` would also reach the Cython parser, which refuses the attribute
    # in spaCy 3.8; the component's own hook is what it calls for us.
    component.set_error_handler(lambda name, comp, docs, exc: seen.append((name, str(exc))))
    try:
        doc = dates_of(dates_nlp, "Le ministre a parlé lundi.")
    finally:
        component.set_error_handler(raise_error)
    assert seen == [("filon_dates", "boom")]
    assert doc._.filon_dates is None


WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


@settings(max_examples=30, deadline=None)
@given(
    ref=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
    name=st.sampled_from(WEEKDAYS),
    lead=st.sampled_from(["", "Selon Kiev, ", "Dans un communiqué, "]),
)
def test_dates_past_weekday_property(dates_nlp, ref: date, name: str, lead: str) -> None:
    text = f"{lead}le ministre a rencontré {name} ses homologues."
    doc = dates_of(dates_nlp, text, published=ref.isoformat())
    [item] = doc._.filon_dates
    assert text[item["start"] : item["end"]] == item["text"] == name
    day = date.fromisoformat(item["value"])
    assert 0 <= (ref - day).days <= 6
    assert day.weekday() == WEEKDAYS.index(name)


# -- golden test on ../shared/corpus ---------------------------------------------------------------


@pytest.mark.slow
def test_dates_golden_corpus(dates_nlp, corpus_articles, corpus_gold) -> None:
    from filon.evaluation.dates import score

    records = {}
    for row in corpus_articles:
        if row["id"] not in corpus_gold:
            continue
        doc = dates_of(dates_nlp, row["text"], published=row.get("published"))
        for item in doc._.filon_dates:
            assert row["text"][item["start"] : item["end"]] == item["text"]
        records[row["id"]] = {"dates": doc._.filon_dates}
    [layer] = score(corpus_gold, records)
    assert layer.extra["value_total"] > 0
    assert layer.extra["value_accuracy"] >= 0.95, layer.errors
    assert layer.f1 >= 0.8, layer.errors


# -- which year: an announced date is not dated by the announcement's past tense ------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the date follows the announced object: what is announced is ahead
        (
            "Bruxelles a annoncé le déblocage en avril d'une aide de deux milliards d'euros.",
            "2025-02-26",
            [("avril", "2025-04")],
        ),
        (
            "Le gouvernement a fixé l'entrée en vigueur des quotas au 15 mars.",
            "2025-02-26",
            [("15 mars", "2025-03-15")],
        ),
        (
            "Pékin a décidé lundi des restrictions sur le graphite à partir du 1er mars.",
            "2025-02-26",
            [("lundi", "2025-02-24"), ("1er mars", "2025-03-01")],
        ),
        (
            "La Commission a confirmé jeudi le versement en mars d'une tranche de prêts.",
            "2025-02-26",
            [("jeudi", "2025-02-20"), ("mars", "2025-03")],
        ),
        # the date dates the saying, or the verb is an event: the past holds
        ("Le ministre a déclaré en mars que le pays ne céderait rien.", "2025-02-26", [("mars", "2024-03")]),
        ("L'accord a été signé en mars à Kiev.", "2025-02-26", [("mars", "2024-03")]),
        ("Le protocole a été signé le 30 avril à Varsovie.", "2025-02-26", [("le 30 avril", "2024-04-30")]),
        # present and future: the upcoming date
        (
            "Les nouvelles règles entrent en vigueur le 10 avril.",
            "2025-04-04",
            [("le 10 avril", "2025-04-10")],
        ),
        ("Le sommet se tiendra en mars à Bruxelles.", "2025-02-24", [("mars", "2025-03")]),
    ],
)
def test_dates_announced_content_and_tense(dates_nlp, text: str, published: str, expected) -> None:
    assert found(dates_of(dates_nlp, text, published=published)) == expected


def _verb(word: str, lemma: str, morph: str):
    """A verb token carrying the tags given, as the tagger may (mis)label it."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["Ils", word], pos=["PRON", "VERB"], lemmas=["il", lemma])
    doc[1].set_morph(morph)
    return doc[1]


def test_dates_participle_tagged_future_reads_as_participle() -> None:
    from filon.pipeline.dates.tense import _participle_form, _tagged_future

    # the tagger sometimes gives "cités" Mood=Ind|Tense=Fut: no futur ends in -és
    cites = _verb("cités", "citer", "Mood=Ind|Number=Plur|Person=3|Tense=Fut|VerbForm=Fin")
    assert not _tagged_future(cites)
    assert _participle_form(cites)
    for word, lemma in [("signera", "signer"), ("seraient", "être"), ("ira", "aller")]:
        token = _verb(word, lemma, "Mood=Ind|Tense=Fut|VerbForm=Fin")
        assert _tagged_future(token)
        assert not _participle_form(token)


# -- anaphoric dates in running text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Annoncé en mai 2021, le programme a démarré le 3 septembre de la même année.",
            [("mai 2021", "2021-05"), ("le 3 septembre de la même année", "2021-09-03")],
        ),
        (
            "Le traité, signé en 2019, a été ratifié fin novembre de la même année.",
            [("2019", "2019"), ("fin novembre de la même année", "2019-11")],
        ),
        (
            "En 2014, la Russie a annexé la Crimée. La même année, les sanctions ont commencé.",
            [("2014", "2014"), ("La même année", "2014")],
        ),
        (
            "Le texte a été paraphé le 12 février. Trois jours plus tard, Kiev l'a rejeté.",
            [("le 12 février", "2025-02-12"), ("Trois jours plus tard", "2025-02-15")],
        ),
        (
            "La délégation est arrivée mardi. Le jour même, elle a rencontré le président.",
            [("mardi", "2025-02-25"), ("Le jour même", "2025-02-25")],
        ),
        (
            "Le ministre a reçu vendredi 21 février son homologue. Le soir même, Kiev a réagi.",
            [("vendredi 21 février", "2025-02-21"), ("Le soir même", "2025-02-21")],
        ),
        # "au lendemain de X" / "à la veille de X": the day the same sentence names
        (
            "Kiev a rejeté jeudi le projet américain, au lendemain d'un appel entre les présidents.",
            [("jeudi", "2025-02-20"), ("au lendemain", "2025-02-20")],
        ),
        (
            "Le ministre s'est rendu lundi à Varsovie, à la veille d'un sommet européen.",
            [("lundi", "2025-02-24"), ("à la veille", "2025-02-24")],
        ),
        (
            "Le Kremlin a réagi lundi. La décision intervient au lendemain d'une réunion tendue.",
            [("lundi", "2025-02-24"), ("au lendemain", None)],
        ),
    ],
)
def test_dates_anaphoric(dates_nlp, text: str, expected) -> None:
    assert found(dates_of(dates_nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kiev avait proposé à l'automne un partenariat sur le lithium.", [("l'automne", None)]),
        ("Les travaux doivent commencer au printemps.", [("au printemps", None)]),
        ("Une réponse est attendue dans les prochains jours.", [("dans les prochains jours", None)]),
        (
            "Le texte pourrait être finalisé dans les semaines à venir, selon un diplomate.",
            [("dans les semaines à venir", None)],
        ),
        (
            "Washington avait durci ses exigences quelques semaines plus tôt.",
            [("quelques semaines plus tôt", None)],
        ),
        (
            "L'Union vise dix pour cent d'extraction locale d'ici la fin de la décennie.",
            [("la fin de la décennie", None)],
        ),
        ("L'hiver ukrainien met le réseau électrique à rude épreuve.", []),
        ("Les électeurs ont été convoqués deux jours avant le scrutin.", []),
    ],
)
def test_dates_vague_kept_without_value(dates_nlp, text: str, expected) -> None:
    assert found(dates_of(dates_nlp, text)) == expected


# ---------------------------------------------------------------- press usage around deals
def test_dates_english_format_in_french_copy():
    from filon.pipeline.dates.expressions import find_expressions

    found = [e.kind for e in find_expressions("signé le May 12, 2025 puis le 3 March 2025")]
    assert found.count("english_day") == 2
    assert [e.kind for e in find_expressions("il dit qu'il may come en march")] == []


@pytest.mark.parametrize(("text", "expected"), [
    # a French month in the English order of syndicated copy; a day with a period (German copy)
    ("Publié le sept. 05, 2025 à 10h.", [("sept. 05, 2025", "2025-09-05")]),
    ("Le 22. juin 2023, le contrat a été signé.", [("Le 22. juin 2023", "2023-06-22")]),
    # a capital after the period opens a new sentence: "3." is no day
    ("Le score était de 3. Mars 2024 a été chaud.", [("Mars 2024", "2024-03")]),
])
def test_dates_foreign_orders_in_french_copy(dates_nlp, text, expected):
    assert found(dates_of(dates_nlp, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("L'accord a été signé au lendemain du sommet de Paris du 12 février.",
     [("au lendemain", "2025-02-13"), ("12 février", "2025-02-12")]),
    ("À la veille du sommet du 20 février, Kiev a rejeté le texte.",
     [("À la veille", "2025-02-19"), ("20 février", "2025-02-20")]),
])
def test_dates_anchored_on_the_day_its_event_names(dates_nlp, text, expected):
    assert found(dates_of(dates_nlp, text)) == expected


def test_dates_day_word_and_its_spelled_out_date_are_one_mention(dates_nlp) -> None:
    text = "L'accord a été prolongé hier mercredi 26 février. Une réunion aura lieu demain, 27 février."
    assert found(dates_of(dates_nlp, text)) == [
        ("hier mercredi 26 février", "2025-02-26"), ("demain, 27 février", "2025-02-27")]
    # apart, each keeps its own mention
    assert [t for t, _ in found(dates_of(dates_nlp, "Il l'a dit hier. Le 26 février, rien."))] == [
        "hier", "Le 26 février"]


@pytest.mark.parametrize(("text", "value", "part"), [
    ("Un accord est attendu d'ici la fin de ce mois.", "2025-02", "end"),
    ("Le texte sera signé à la fin de cette année.", "2025", "end"),
    ("Les discussions reprennent au début de cette semaine.", "2025-W09", "start"),
])
def test_dates_part_of_this_period(dates_nlp, text: str, value: str, part: str) -> None:
    [item] = dates_of(dates_nlp, text)._.filon_dates
    assert (item["value"], item["part"]) == (value, part)


@pytest.mark.parametrize(("text", "expected"), [
    # the anchor dated in an earlier sentence that names it
    ("L'invasion a commencé le 24 février 2022. Kiev a marqué le troisième anniversaire de "
     "l'invasion.", ("troisième anniversaire", "2025-02-24")),
    # the anchor dated right after it
    ("Ils ont fêté le deuxième anniversaire du traité du 3 mai 2019.",
     ("deuxième anniversaire", "2021-05-03")),
    # a date in apposition is the day itself
    ("Le 24 février 2025, troisième anniversaire de la guerre, Kiev a signé.",
     ("troisième anniversaire", "2025-02-24")),
    # an anchor the text does not date: no value
    ("Le 10e anniversaire de l'accord a été célébré.", ("10e anniversaire", None)),
])
def test_dates_anniversary_of_a_dated_anchor(dates_nlp, text: str, expected) -> None:
    assert expected in found(dates_of(dates_nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    # a numeric date ending its sentence keeps its value
    ("Le texte a été signé le 24/02/2025.", ("le 24/02/2025", "2025-02-24")),
    # truncated copy: two-digit year, day and month after "le", a dotted month abbreviation
    ("Il sera ratifié le 03/06/25.", ("le 03/06/25", "2025-06-03")),
    ("Le texte a été signé le 12/02.", ("le 12/02", "2025-02-12")),
    ("Les discussions ont repris en sept. 2024.", ("sept. 2024", "2024-09")),
])
def test_dates_truncated_and_numeric_forms(dates_nlp, text: str, expected) -> None:
    assert expected in found(dates_of(dates_nlp, text))


@pytest.mark.parametrize("text", ["Le score est de 3/5.", "Un tiers, 1/3, des votes.",
                                  "Version 12.05.2025.1 du logiciel."])
def test_dates_ratios_and_versions_are_no_dates(dates_nlp, text: str) -> None:
    assert [v for _, v in found(dates_of(dates_nlp, text)) if v and len(v) == 10] == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "devait signer": the past's future; the next day when it is near, the last one when
        # the next is far
        ("La mairie devait signer le 31 octobre la convention avec le club.", "2019-10-25", "2019-10-31"),
        ("La convention devait être signée le 31 octobre.", "2019-10-25", "2019-10-31"),
        ("Le contrat devait être signé le 28 février.", "2025-04-07", "2025-02-28"),
        # done: the past
        ("La mairie a signé le 20 octobre la convention avec le club.", "2019-10-25", "2019-10-20"),
    ],
)
def test_dates_planned_in_the_past_takes_the_nearest_day(dates_nlp, text, published, expected) -> None:
    doc = dates_of(dates_nlp, text, published=published)
    assert [d["value"] for d in doc._.filon_dates] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # written on a Sunday: a narrative in the present after a Monday of the week just past
    ("L'action a chuté lundi. Mardi n'est guère mieux. Le coup de boutoir intervient mercredi.",
     [("lundi", "2023-03-13"), ("Mardi", "2023-03-14"), ("mercredi", "2023-03-15")]),
    # "ce mardi" is placed by its determiner, not by the narrative: still this week's
    ("L'action a chuté lundi. Le délai expire ce mardi.",
     [("lundi", "2023-03-13"), ("ce mardi", "2023-03-14")]),
])
def test_dates_present_weekday_after_a_past_one_is_later_that_week(dates_nlp, text, expected) -> None:
    assert found(dates_of(dates_nlp, text, published="2023-03-19")) == expected


def test_dates_present_weekday_with_no_past_weekday_before_is_the_nearer(dates_nlp) -> None:
    # written on a Tuesday: tomorrow, the nearer of the two
    doc = dates_of(dates_nlp, "Le Parlement examine le texte mercredi.", published="2023-03-14")
    assert found(doc) == [("mercredi", "2023-03-15")]


def test_dates_entry_into_force_read_as_a_preposition_is_a_present(dates_nlp) -> None:
    # the parser takes "entre" for the preposition; its lemma is the verb "entrer"
    doc = dates_of(dates_nlp, "L'accord entre en vigueur mercredi.", published="2023-03-14")
    assert found(doc) == [("mercredi", "2023-03-15")]
