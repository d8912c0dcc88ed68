"""One agreement across articles: link agreement events of many records to stable ids.

Pure functions over extraction records (DESIGN.md shape: "id", "published", "events"); the store
calls them and builds its `agreements` table and the `filon timeline` view on their output.

Method:

1. Within an article, `filon_events` already gives the events of one agreement a shared local key
   (`agreement_id` "local:1", anaphora resolved). Those events form one *unit* with the union of
   their parties and resources; an `investment_invitation` without local key is a unit of its own.
2. Units are taken in date order and each joins the first cluster (agreement) that is compatible:
   - parties: the unit and the cluster share at least two parties, or the unit names one party
     only and the cluster holds it (a one-sided mention: "le Parlement a ratifié l'accord");
   - subject: same resource family (all the pack's minerals are one family);
   - dates: the unit (placed at its article's publication day, else its earliest event date)
     falls within `max_gap_days` (default 365) of the cluster's dates, so that a new deal between
     the same states years later is a new agreement.
   So the US–Ukraine agreement and the EU–Ukraine partnership, which share only Ukraine, stay two.
3. A cluster's id is `agr:<sorted party slugs>:<subject slug>` (e.g.
   `agr:ukraine+united-states:minerals`), built from its core parties (those named by more than
   half of its units); a second cluster with the same key gets a `:2` suffix in date order.
   Invitations to invest form offer threads of their own (`…:minerals-investment`): Russia's offer
   to American companies is not the US–Ukraine agreement, even when an event names all three.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

LINKED_TYPES = frozenset({"agreement", "investment_invitation"})
DEFAULT_MAX_GAP_DAYS = 365
_SLUG = re.compile(r"[^a-z0-9]+")

__all__ = ["agreement_summaries", "link_agreements", "slug"]


def slug(text: str) -> str:
    """'United States' -> 'united-states'; accents folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _SLUG.sub("-", text).strip("-")


@dataclass(slots=True)
class _Unit:
    """The events of one agreement within one article."""

    article_id: str
    order: int  # position of the record in the input, for stable ordering
    events: list[int]
    parties: list[str]  # canonical names, in order of first mention
    party_ids: dict[str, str | None]
    resources: list[str]
    family: str
    day: date | None
    types: set[str]


@dataclass(slots=True)
class _Cluster:
    """One agreement across articles. Its party counts, core and days are kept up to date as
    units join, so that trying a unit against a cluster does not re-read all its units (a
    long-running deal gathers hundreds of articles)."""

    units: list[_Unit] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # units naming each party
    sorted_days: list[date] = field(default_factory=list)
    _core: list[str] | None = None

    def add(self, unit: _Unit) -> None:
        """Let `unit` join the cluster."""
        self.units.append(unit)
        # each party once per unit, in order of mention: ties in `most_common` then follow the
        # text, not the order of a set (which changes from one process to the next)
        self.counts.update(list(dict.fromkeys(unit.parties)))
        if unit.day is not None:
            bisect.insort(self.sorted_days, unit.day)
        self._core = None

    def days(self) -> list[date]:
        """The dates of the cluster's units, in order."""
        return self.sorted_days

    def core(self) -> list[str]:
        """Parties named by more than half of the units (at least the two most named)."""
        if self._core is None:
            core = [p for p, n in self.counts.items() if 2 * n > len(self.units)]
            if len(core) < 2:
                core = [p for p, _ in self.counts.most_common(2)]
            self._core = sorted(core)
        return self._core

    def gap(self, day: date) -> int | None:
        """Days from `day` to the nearest day of the cluster (None when it has no day)."""
        days = self.sorted_days
        if not days:
            return None
        i = bisect.bisect_left(days, day)
        return min(abs((day - d).days) for d in days[max(i - 1, 0) : i + 1])


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        parts = value.split("-")
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)  # a bare year: its middle, for distance checks
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None  # ISO weeks and odd values give no distance


def _sort_key(value: str | None) -> str:
    """A date value as a sortable day: months at mid-month, ISO weeks at their Monday."""
    if not value:
        return "9999-12-31"
    if "-W" in value:
        try:
            year, week = value.split("-W")
            return date.fromisocalendar(int(year), int(week[:2]), 1).isoformat()
        except ValueError:
            return "9999-12-31"
    day = _day(value)
    return day.isoformat() if day else "9999-12-31"


def _units(records: Iterable[dict]) -> list[_Unit]:
    units: list[_Unit] = []
    for order, record in enumerate(records):
        article_id = record.get("id") or record.get("source_id") or f"#{order}"
        by_key: dict[str, _Unit] = {}
        for index, event in enumerate(record.get("events") or []):
            if event.get("type") not in LINKED_TYPES:
                continue
            names = [p.get("name") for p in event.get("parties") or [] if p.get("name")]
            if not names:
                continue
            local = event.get("agreement_id")
            key = local if local else f"{event['type']}:{'+'.join(sorted(names))}"
            past = _past_instance(event, record.get("published"))
            if past is not None:
                # "avaient signé en juillet 2021 un protocole" in a 2025 article: an earlier
                # agreement between the same parties, not a step of today's deal
                key = f"{key}@{past.year}"
            unit = by_key.get(key)
            if unit is None:
                # an invitation to invest is an offer thread of its own, never merged into a deal
                family = "minerals-investment" if event["type"] == "investment_invitation" else "minerals"
                unit = _Unit(article_id, order, [], [], {}, [], family, None, set())
                by_key[key] = unit
                units.append(unit)
            unit.events.append(index)
            unit.types.add(event["type"])
            for party in event.get("parties") or []:
                if party.get("name") and party["name"] not in unit.parties:
                    unit.parties.append(party["name"])
                    unit.party_ids[party["name"]] = party.get("id")
            for res in event.get("resources") or []:
                if res.get("name") and res["name"] not in unit.resources:
                    unit.resources.append(res["name"])
            # the article's day places the unit in time: one background date in a sentence
            # ("l'aide votée en 2022") must not move the whole unit years away from its deal
            day = past or _day(record.get("published")) or _day(event.get("date"))
            if day is not None and (unit.day is None or day < unit.day):
                unit.day = day
    return units


# A signing dated this long before its article is an earlier agreement told as background.
PAST_INSTANCE_DAYS = 365


def _past_instance(event: dict, published: str | None) -> date | None:
    """The day of a signing or ratification the text dates a year or more before publication."""
    if event.get("status") not in ("signed", "ratified") or event.get("date_source") == "published":
        return None
    day, ref = _day(event.get("date")), _day(published)
    if day is None or ref is None or (ref - day).days < PAST_INSTANCE_DAYS:
        return None
    return day


def _compatible(unit: _Unit, cluster: _Cluster, max_gap_days: int) -> int:
    """How well a unit fits a cluster: 0 = not at all, higher = more shared parties."""
    if unit.family != cluster.units[0].family:
        return 0
    # compare with the cluster's core parties, not their union: one noisy unit must not let
    # the next one in (a union grows with every extra party an event picked up)
    shared = set(unit.parties) & set(cluster.core())
    if len(shared) < 2 and not (len(unit.parties) == 1 and shared):
        return 0
    gap = cluster.gap(unit.day) if unit.day is not None else None
    if gap is not None and gap > max_gap_days:
        return 0
    return len(shared)


def _clusters(records: Iterable[dict], max_gap_days: int) -> list[_Cluster]:
    units = _units(records)
    # multi-party units first so that one-sided mentions join an agreement rather than found one
    units.sort(key=lambda u: (len(u.parties) < 2, u.day or date.max, u.order, u.events[0]))
    clusters: list[_Cluster] = []
    for unit in units:
        best, best_fit = None, 0
        for cluster in clusters:
            fit = _compatible(unit, cluster, max_gap_days)
            if fit > best_fit or (fit and fit == best_fit and best and len(cluster.units) > len(best.units)):
                best, best_fit = cluster, fit
        if best is None:
            best = _Cluster()
            clusters.append(best)
        best.add(unit)
    return clusters


def _ids(clusters: list[_Cluster]) -> list[str]:
    ordered = sorted(range(len(clusters)), key=lambda i: min(clusters[i].days(), default=date.max))
    seen: Counter[str] = Counter()
    ids = [""] * len(clusters)
    for i in ordered:
        cluster = clusters[i]
        base = f"agr:{'+'.join(slug(p) for p in cluster.core())}:{cluster.units[0].family}"
        seen[base] += 1
        ids[i] = base if seen[base] == 1 else f"{base}:{seen[base]}"
    return ids


def link_agreements(
    records: Iterable[dict], max_gap_days: int = DEFAULT_MAX_GAP_DAYS
) -> dict[tuple[str, int], str]:
    """Give every agreement event of the records a global agreement id.

    Args:
        records: extraction records ("id", "published", "events"); read once.
        max_gap_days: events further apart than this from every date of an agreement start a
            new agreement between the same parties. Defaults to 365.

    Returns:
        `{(article_id, event_index): agreement_id}` for `agreement` and
        `investment_invitation` events that name at least one party.
    """
    clusters = _clusters(list(records), max_gap_days)
    out: dict[tuple[str, int], str] = {}
    for cluster, agreement_id in zip(clusters, _ids(clusters), strict=True):
        for unit in cluster.units:
            for index in unit.events:
                out[(unit.article_id, index)] = agreement_id
    return out


def _name(parties: list[str], family: str) -> str:
    what = "minerals investment offer" if family == "minerals-investment" else f"{family} agreement"
    return f"{'–'.join(parties)} {what}"


def agreement_summaries(
    records: Iterable[dict], max_gap_days: int = DEFAULT_MAX_GAP_DAYS
) -> list[dict]:
    """Per agreement: parties, resources, dates, latest status and the dated status history.

    Args:
        records: extraction records, as for `link_agreements`.
        max_gap_days: as for `link_agreements`.

    Returns:
        A list of dicts, one per agreement, ordered by first date: `agreement_id`, `name`
        ("United States–Ukraine minerals agreement"), `parties` [{"name","id"}], `resources`
        (names, most cited first), `first_date`, `last_date`, `latest_status`, `latest_claimed_by`
        and `history`: tuples `(date, status, claimed_by, article_id, evidence_start,
        evidence_end, event_index)` sorted by date, for events that assert a status. An event
        without its own date (e.g. a pluperfect "avait rejeté") sorts at its article's date but
        keeps `date` None. `mentions` counts all linked events, with or without status.
    """
    records = list(records)
    links = link_agreements(records, max_gap_days)
    by_id: dict[str, dict] = {}
    for order, record in enumerate(records):
        article_id = record.get("id") or record.get("source_id") or f"#{order}"
        for index, event in enumerate(record.get("events") or []):
            agreement_id = links.get((article_id, index))
            if agreement_id is None:
                continue
            entry = by_id.setdefault(agreement_id, {
                "positions": Counter(), "ids": {}, "resources": Counter(),
                "items": [], "mentions": 0,
            })
            entry["mentions"] += 1
            for pos, party in enumerate(event.get("parties") or []):
                entry["positions"][party["name"]] += pos
                entry["ids"].setdefault(party["name"], party.get("id"))
            for res in event.get("resources") or []:
                entry["resources"][res["name"]] += 1
            if event.get("status") is None:
                continue
            evidence = event.get("evidence") or {}
            claim = event.get("claimed_by") or {}
            if isinstance(claim, str):  # a store may hand back the claimant's name only
                claim = {"name": claim}
            sort_day = _sort_key(event.get("date") or record.get("published"))
            # an undated event ("l'accord conclu", "avait rejeté") happened before its article's
            # day: it sorts first among that day's events, never as the latest status
            entry["items"].append((
                (sort_day, event.get("date") is not None, order, evidence.get("start", 0)),
                (event.get("date"), event["status"], claim.get("name"), article_id,
                 evidence.get("start"), evidence.get("end"), index),
            ))
    summaries = []
    for agreement_id, entry in by_id.items():
        core = agreement_id.split(":")[1].split("+")
        parties = [name for name in entry["ids"] if slug(name) in core]
        parties.sort(key=lambda n: (entry["positions"][n] / max(entry["mentions"], 1), n))
        items = sorted(entry["items"], key=lambda item: item[0])
        history = [item[1] for item in items]
        days = sorted((d for d, *_ in history if d), key=_sort_key)
        # an undated event (background "l'accord conclu") never states where the deal stands now
        dated = [h for h in history if h[0]]
        latest = dated[-1] if dated else (history[-1] if history else None)
        family = agreement_id.split(":")[2]
        summaries.append({
            "agreement_id": agreement_id,
            "name": _name(parties, family),
            "parties": [{"name": n, "id": entry["ids"][n]} for n in parties],
            "resources": [name for name, _ in entry["resources"].most_common()],
            "first_date": days[0] if days else None,
            "last_date": days[-1] if days else None,
            "latest_status": latest[1] if latest else None,
            "latest_claimed_by": latest[2] if latest else None,
            "history": history,
            "mentions": entry["mentions"],
        })
    summaries.sort(key=lambda s: (s["first_date"] or "9999", s["agreement_id"]))
    # two agreements between the same parties (a 2021 memorandum, a 2025 proposal): the year
    # each began tells them apart for a reader
    names = Counter(s["name"] for s in summaries)
    for s in summaries:
        if names[s["name"]] > 1 and s["first_date"]:
            s["name"] = f"{s['name']} ({s['first_date'][:4]})"
    return summaries
