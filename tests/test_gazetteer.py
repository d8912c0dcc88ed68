"""The bundled packs' gazetteers: data integrity and look-ups (no spaCy model needed)."""

from __future__ import annotations

import csv
import re
from datetime import date

import pytest

from filon.domains.folding import fold
from filon.domains.gazetteer import load_gazetteer, slugify, strip_determiner
from filon.domains.pack import BUNDLED_PACKS, domain_path

ID_RE = re.compile(r"^(Q\d+|filon:[a-z0-9][a-z0-9-]*)$")


def rows(filename: str) -> list[tuple[int, dict]]:
    """(line, row) of the CSV in every bundled pack that has it, comment lines skipped, read
    raw (not through read_csv)."""
    out = []
    for pack in BUNDLED_PACKS:
        path = domain_path(pack) / filename
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if not line.lstrip().startswith("#")]
        out += [(n, row) for n, row in enumerate(csv.DictReader(lines), 2)]
    return out


@pytest.mark.parametrize("filename", ["actors.csv", "roles.csv", "metonymies.csv", "cities.csv"])
def test_gazetteer_every_row_has_a_source(filename):
    missing = [n for n, row in rows(filename) if not (row.get("source") or "").strip()]
    assert missing == []


def test_gazetteer_actor_ids_unique_and_well_formed():
    ids = [row["id"] for _n, row in rows("actors.csv")]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not ID_RE.match(i)] == []
    assert all(re.fullmatch(r"Q\d+", i) for i in ids if i.startswith("Q"))


def test_gazetteer_has_at_least_150_actors():
    assert len(rows("actors.csv")) >= 150


def test_gazetteer_actor_columns_valid():
    labels = {"PER", "ORG", "LOC", "MISC"}
    ids = {row["id"] for _n, row in rows("actors.csv")}
    gaz = load_gazetteer()
    for n, row in rows("actors.csv"):
        assert row["label"] in labels, n
        if row["type"] == "person":
            assert row["gender"] in ("m", "f"), n
        if row["country"]:
            assert row["country"] in ids or row["country"] in gaz.actors, (n, row["country"])


def test_gazetteer_roles_and_metonymies_point_to_actors():
    gaz = load_gazetteer()
    assert [r["actor_id"] for _n, r in rows("roles.csv") if r["actor_id"] not in gaz.actors] == []
    assert [r["actor_id"] for _n, r in rows("metonymies.csv") if r["actor_id"] not in gaz.actors] == []


def test_gazetteer_role_holders_never_overlap():
    gaz = load_gazetteer()
    for phrase, holders in gaz.roles.items():
        for role in holders:
            if role.start and role.end:
                assert role.start <= role.end, (phrase, role)
        for i, a in enumerate(holders):
            for b in holders[i + 1 :]:
                if a.actor_id == b.actor_id:
                    continue
                a_start, a_end = a.start or date.min, a.end or date.max
                b_start, b_end = b.start or date.min, b.end or date.max
                assert a_end < b_start or b_end < a_start, (phrase, a, b)


def test_gazetteer_lookup_folds_accents_case_and_determiners(gazetteer):
    assert gazetteer.lookup("Etats-Unis").id == "Q30"
    assert gazetteer.lookup("les États-Unis").id == "Q30"
    assert gazetteer.lookup("UNION EUROPÉENNE").id == "Q458"
    assert gazetteer.lookup("Sergueï Lavrov").name == "Sergei Lavrov"


def test_gazetteer_every_iso_country_is_a_state(gazetteer):
    states = [a for a in gazetteer.actors.values() if a.type == "state"]
    assert len(states) >= 240
    assert gazetteer.lookup("Tchad").id == "filon:iso-tcd"
    assert gazetteer.lookup("Russian Federation").id == "Q159"  # pycountry name on a pack row


@pytest.mark.parametrize(("surface", "iso"), [
    # the French press names that pycountry's inverted or official names do not give
    ("Centrafrique", "CAF"), ("RCA", "CAF"), ("Syrie", "SYR"), ("Tanzanie", "TZA"),
    ("Burkina", "BFA"), ("Palestine", "PSE"), ("Guinée-Conakry", "GIN"), ("Congo-Brazzaville", "COG"),
    ("les Émirats", "ARE"), ("Sud-Soudan", "SSD"),
])
def test_gazetteer_knows_french_press_names_of_states(gazetteer, surface, iso):
    actor = gazetteer.lookup(surface)
    assert actor is not None and actor.type == "state" and actor.iso == iso


def test_gazetteer_one_actor_per_iso_code(gazetteer):
    codes = [a.iso for a in gazetteer.actors.values() if a.iso]
    assert len(codes) == len(set(codes))


def test_gazetteer_role_by_date(gazetteer):
    assert gazetteer.role("le président américain", date(2024, 7, 1)).id == "Q6279"
    assert gazetteer.role("le président américain", date(2025, 2, 24)).id == "Q22686"
    assert gazetteer.role("du président américain").id == "Q22686"  # no date: current holder
    assert gazetteer.role("la cheffe de la diplomatie européenne", date(2025, 1, 5)).id == "filon:kaja-kallas"


def test_gazetteer_metonymy(gazetteer):
    assert gazetteer.metonymy("Washington").id == "filon:gov-us"
    assert gazetteer.metonymy("le Kremlin").id == "filon:gov-ru"
    assert gazetteer.metonymy("Lyon") is None


def test_gazetteer_place_uses_geonames_for_unlisted_cities(gazetteer):
    lyon = gazetteer.place("Lyon")
    assert (lyon.id, lyon.label, lyon.country) == ("filon:gn-2996944", "LOC", "Q142")
    assert gazetteer.place("Moscou").id == "Q649"  # the pack's id wins over GeoNames
    assert gazetteer.place("Florence", min_population=500_000) is None


def test_gazetteer_state_of(gazetteer):
    assert gazetteer.state_of("Q7747").id == "Q159"
    assert gazetteer.state_of("Q212").id == "Q212"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("le président russe", "président russe"), ("l'Ukraine", "Ukraine"), ("Lagos", "Lagos"),
     ("Laval", "Laval"), ("de l'UE", "UE"), ("du Kremlin", "Kremlin")],
)
def test_gazetteer_strip_determiner(surface, expected):
    assert strip_determiner(surface) == expected


def test_gazetteer_fold_and_slugify():
    assert fold("  Zelensky’s  ÉTATS ") == "zelensky's etats"
    assert slugify("Jean-Édouard N'Diaye") == "jean-edouard-n-diaye"
    assert slugify("Ioulia  Svyrydenko") == slugify("ioulia svyrydenko")


def test_gazetteer_former_holder(gazetteer):
    assert gazetteer.former_holder("président américain", date(2025, 3, 1)).id == "Q6279"
    assert gazetteer.former_holder("Premier ministre ukrainien", date(2025, 9, 1)).id == "filon:denys-shmyhal"
    assert gazetteer.former_holder("président chinois", date(2025, 3, 1)) is None


@pytest.mark.parametrize(("surface", "expected"), [
    ("Shell plc", "filon:shell"),
    ("Shell Plc", "filon:shell"),
    ("Sanofi SA", "filon:sanofi"),
    ("Ganfeng Lithium Co", "filon:ganfeng"),
    ("Naval Group", "filon:naval-group"),  # a name that holds the word is found as written
])
def test_gazetteer_company_found_without_its_legal_form(surface, expected):
    assert load_gazetteer().lookup(surface).id == expected


def test_gazetteer_legal_form_alone_is_no_company():
    assert load_gazetteer().lookup("SA") is None
