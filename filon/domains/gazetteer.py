"""The gazetteer: canonical actors, their names in French and English, roles and metonymies.

Data files of the pack (CSV, one row per fact, each with a `source`):

- `actors.csv`: id, name (canonical, English), name_fr (French press spelling), type, label,
  gender, country (id of the state the actor belongs to or acts for), aliases ("|"-separated),
  iso (ISO 3166 alpha-3 of a state, optional).
- `roles.csv`: actor_id, role (French or English phrase without determiner, e.g.
  "président russe"), start, end (ISO dates the role was held; empty = open).
- `metonymies.csv`: surface ("Washington", "le Kremlin"), actor_id (the government or body the
  surface stands for).

Every state of ISO 3166 the pack does not list is added from pycountry (`filon.domains.places`);
GeoNames cities are a look-up index (`Gazetteer.place`), not matched phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from filon.domains.folding import fold
from filon.domains.pack import DEFAULT_DOMAIN, read_csv

# a word determiner needs a space after it, else "Lagos" would lose its "La"
_DETERMINERS = re.compile(
    r"^(?:(?:le|la|les|du|des|de la|au|aux|un|une|the)\s+|(?:l|d|de l)['’]\s*)", re.IGNORECASE
)


# legal forms after a company's name ("Shell plc", "Energy Transfer LP", "Ganfeng Lithium Co")
_LEGAL_FORM = re.compile(
    r"[\s,]+(?:plc|p\.l\.c\.|inc\.?|ltd\.?|limited|llc|lp|l\.p\.|s\.?a\.?|sas|sarl|ag|se|nv|n\.v\.|"
    r"gmbh|spa|s\.p\.a\.|co\.?|corp\.?|corporation|group|groupe|holding|holdings)$",
    re.IGNORECASE,
)


def strip_determiner(surface: str) -> str:
    """'le président russe' -> 'président russe'."""
    return _DETERMINERS.sub("", surface.strip(), count=1)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical identity."""

    id: str
    name: str
    name_fr: str
    type: str  # person|state|government|regional_government|organization|company|city|region|ministry|…
    label: str  # PER|ORG|LOC|MISC
    gender: str | None = None  # "m"|"f" for persons
    country: str | None = None  # id of the state it belongs to / acts for
    aliases: tuple[str, ...] = ()
    iso: str | None = None  # ISO 3166 alpha-3 of a state

    @property
    def qid(self) -> str | None:
        return self.id if self.id.startswith("Q") else None


@dataclass(frozen=True, slots=True)
class Role:
    actor_id: str
    role: str
    start: date | None
    end: date | None
    home: str | None = None  # a phrase naming no state ("président de la République"): its state

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None  # without a date, the current holder
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Gazetteer:
    """Look-ups over a domain pack's actors, roles and metonymies."""

    actors: dict[str, Actor] = field(default_factory=dict)
    by_surface: dict[str, str] = field(default_factory=dict)  # fold(surface) -> actor id
    roles: dict[str, list[Role]] = field(default_factory=dict)  # fold(role) -> holders
    metonymies: dict[str, str] = field(default_factory=dict)  # fold(surface) -> actor id
    by_alpha2: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> state actor id
    domain: str = DEFAULT_DOMAIN  # the pack it was read from (its cities.csv serves `place`)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return self.actors.get(actor_id) if actor_id else None

    def lookup(self, surface: str) -> Actor | None:
        """The actor named by `surface` (any alias, any language, with or without determiner,
        with or without a company's legal form: "Shell plc" is Shell)."""
        key = fold(surface)
        actor_id = self.by_surface.get(key) or self.by_surface.get(fold(strip_determiner(surface)))
        if actor_id is None:
            bare = _LEGAL_FORM.sub("", surface.strip())
            if bare != surface.strip() and bare:
                actor_id = (self.by_surface.get(fold(bare))
                            or self.by_surface.get(fold(strip_determiner(bare))))
        return self.actors.get(actor_id) if actor_id else None

    def role(self, surface: str, on: date | None = None, where: str | None = None) -> Actor | None:
        """The holder of the role `surface` ("le président russe") on day `on`. A phrase that
        names no state ("le président de la République") holds only where its `home` is: not
        in an article set in another state (`where`, a state id)."""
        holders = self.roles.get(fold(strip_determiner(surface)), [])
        for role in holders:
            if role.held_on(on) and (role.home is None or where is None or where == role.home):
                return self.actors.get(role.actor_id)
        return None

    def former_holder(self, surface: str, on: date | None = None) -> Actor | None:
        """Who last held the role before day `on` ("l'ancien président américain").

        Args:
            surface: the role phrase, with or without determiner.
            on: the day the text speaks from; None means today (the latest ended term).
        """
        ended = [r for r in self.roles.get(fold(strip_determiner(surface)), [])
                 if r.end is not None and (on is None or r.end < on)]
        if not ended:
            return None
        return self.actors.get(max(ended, key=lambda r: r.end or date.min).actor_id)

    def metonymy(self, surface: str) -> Actor | None:
        """The body a place or building stands for ("Washington" -> US government)."""
        key = fold(surface)
        actor_id = self.metonymies.get(key) or self.metonymies.get(fold(strip_determiner(surface)))
        return self.actors.get(actor_id) if actor_id else None

    def state_of(self, actor_id: str | None) -> Actor | None:
        """The state an actor belongs to or acts for (a state is its own state)."""
        actor = self.actor(actor_id)
        if actor is None:
            return None
        if actor.type == "state":
            return actor
        return self.actors.get(actor.country or "")

    def place(self, surface: str, min_population: int = 0) -> Actor | None:
        """A known actor, else a GeoNames city named `surface` (id `filon:gn-<geonameid>`).

        Args:
            surface: the place name as written.
            min_population: ignore GeoNames cities smaller than this. Defaults to 0.
        """
        actor = self.lookup(surface)
        if actor is not None:
            return actor
        from filon.domains.places import city_index

        index = city_index(self.domain)
        hit = index.get(fold(surface)) or index.get(fold(strip_determiner(surface)))
        if hit is None or hit[3] < min_population:
            return None
        geonameid, name, alpha2, _population = hit
        actor_id = f"filon:gn-{geonameid}"
        return self.actors.get(actor_id) or Actor(
            id=actor_id,
            name=name,
            name_fr=surface.strip(),
            type="city",
            label="LOC",
            country=self.by_alpha2.get(alpha2),
        )

    def surfaces(self) -> list[tuple[str, Actor]]:
        """Every (surface form, actor) pair, for phrase matching."""
        out = []
        for actor in self.actors.values():
            for surface in {actor.name, actor.name_fr, *actor.aliases}:
                if surface:
                    out.append((surface, actor))
        return out

    def role_phrases(self) -> list[str]:
        """Every role phrase known, without determiner."""
        return sorted({r.role for holders in self.roles.values() for r in holders})


def _add_states(gaz: Gazetteer) -> None:
    """Complete the pack's states with every ISO 3166 country (names from pycountry)."""
    from filon.domains.places import country_rows

    listed = {a.iso: a for a in gaz.actors.values() if a.iso}
    for row in country_rows():
        actor = listed.get(row["alpha3"])
        if actor is not None:
            # the pack's row wins; pycountry only adds the spellings it lacks
            extra = tuple(a for a in (row["name"], row["name_fr"], *row["aliases"])
                          if a not in {actor.name, actor.name_fr, *actor.aliases})
            gaz.actors[actor.id] = replace(actor, aliases=actor.aliases + extra)
        else:
            actor = Actor(
                id=f"filon:iso-{row['alpha3'].lower()}",
                name=row["name"],
                name_fr=row["name_fr"],
                type="state",
                label="LOC",
                aliases=row["aliases"],
                iso=row["alpha3"],
            )
            gaz.actors[actor.id] = actor
        gaz.by_alpha2[row["alpha2"]] = actor.id


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@lru_cache(maxsize=8)
def load_gazetteer(domain: str = DEFAULT_DOMAIN) -> Gazetteer:
    """Read a pack's gazetteer files once per process."""
    gaz = Gazetteer(domain=domain)
    for row in read_csv(domain, "actors.csv", ("id", "name", "type", "label", "source")):
        aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
        actor = Actor(
            id=row["id"],
            name=row["name"],
            name_fr=row.get("name_fr") or row["name"],
            type=row["type"],
            label=row["label"],
            gender=row.get("gender") or None,
            country=row.get("country") or None,
            aliases=aliases,
            iso=row.get("iso") or None,
        )
        gaz.actors[actor.id] = actor
    _add_states(gaz)
    # first writer wins, so that the more specific actors listed first keep ambiguous aliases
    for surface, actor in gaz.surfaces():
        gaz.by_surface.setdefault(fold(surface), actor.id)
    for row in read_csv(domain, "roles.csv", ("actor_id", "role", "source")):
        role = Role(row["actor_id"], row["role"], _date(row.get("start", "")), _date(row.get("end", "")),
                    (row.get("home") or "").strip() or None)
        gaz.roles.setdefault(fold(role.role), []).append(role)
    for row in read_csv(domain, "metonymies.csv", ("surface", "actor_id", "source")):
        gaz.metonymies[fold(row["surface"])] = row["actor_id"]
    _add_capitals(gaz, domain)
    return gaz


def _add_capitals(gaz: Gazetteer, domain: str) -> None:
    """Capitals stand for their state's government (the pack's, when it lists one) or the
    state; a surface `metonymies.csv` already holds keeps its row."""
    states = {a.iso: a.id for a in gaz.actors.values() if a.type == "state" and a.iso}
    governments = {a.country: a.id for a in gaz.actors.values() if a.type == "government" and a.country}
    for row in read_csv(domain, "capitals.csv", ("surface", "alpha3", "source")):
        state = states.get(row["alpha3"])
        if state is not None:
            gaz.metonymies.setdefault(fold(row["surface"]), governments.get(state, state))


def slugify(surface: str) -> str:
    """Stable ascii slug of a surface: 'Jean-Édouard N'Diaye' -> 'jean-edouard-n-diaye'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(surface)).strip("-")
