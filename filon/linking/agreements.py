"""One agreement across articles: link agreement events of many records to stable ids.

Pure functions over extraction records (DESIGN.md shape: "id", "published", "events"); the store
calls them, a batch at a time, and builds its `agreements` table and the `filon timeline` view on
their output.

Method:

1. Within an article, `filon_events` already gives the events of one agreement a shared local key
   (`agreement_id` "local:1", anaphora resolved). Those events form one *unit* with the union of
   their parties and resources; an `investment_invitation` without local key is a unit of its own.
2. Units are taken in the order of their key (day, article id, first event: `Unit.key`) and each
   joins the first cluster (agreement) that is compatible:
   - parties: the unit and the cluster share at least two parties, or one side names a single
     party that the other holds (a one-sided mention: "le Parlement a ratifié l'accord");
   - kind: a deal joins deals, an invitation to invest joins offers (`Unit.family`);
   - subject: a unit whose events say what the deal is about (`Unit.domain`: trade, energy,
     security…) joins only a cluster about that domain too, so that the US–Ukraine minerals
     agreement and a US–Ukraine ceasefire in the same months stay two agreements; a unit that
     names no domain ("l'accord a été signé") joins on parties and dates alone; nor does a unit
     whose subject names years or numbered codes join one whose subjects name only others
     ("le budget 2025" / "le budget 2026", "la COP28" / "la COP29");
   - dates: the unit (placed at its article's publication day, else its earliest event date)
     falls within `max_gap_days` (default 365) of the cluster's dates, so that a new deal between
     the same states years later is a new agreement.
   So the US–Ukraine agreement and the EU–Ukraine partnership, which share only Ukraine, stay two.
   A unit's choice depends only on the units before it: the store links new articles by
   replaying only the units from the earliest new day on (`filon/store/agreement_links.py`).
3. A cluster's id is `agr:<sorted party slugs>:<subject slug>` (e.g.
   `agr:ukraine+united-states:deal`), built from its core parties (those named by more than
   half of its units); a second cluster with the same key gets a `:2` suffix in date order.
   Invitations to invest form offer threads of their own (`…:minerals-investment`): Russia's offer
   to American companies is not the US–Ukraine agreement, even when an event names all three.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from filon.linking.summaries import summarize, year_suffixed
from filon.linking.units import LINKED_TYPES, Cluster, Unit, all_units, slug, sort_key

DEFAULT_MAX_GAP_DAYS = 365

# kept under their former names: tests and older callers import them from here
_Cluster, _Unit, _sort_key = Cluster, Unit, sort_key

__all__ = ["LINKED_TYPES", "agreement_summaries", "base_id", "cluster_units", "link_agreements",
           "numbered_ids", "set_agreement_ids", "slug"]


def _compatible(unit: Unit, cluster: Cluster, max_gap_days: int, domain: str | None,
                marks: frozenset[str]) -> int:
    """How well a unit fits a cluster: 0 = not at all, higher = more shared parties.

    `domain` and `marks` are the unit's (`Unit.domain`, `Unit.marks`), read once per unit by
    the caller rather than once per cluster tried."""
    if unit.family != cluster.family:
        return 0
    # compare with the cluster's core parties, not their union: one noisy unit must not let
    # the next one in (a union grows with every extra party an event picked up)
    core = cluster.core()
    shared = set(unit.parties) & set(core)
    one_sided = shared and (len(unit.parties) == 1 or len(core) == 1)
    if len(shared) < 2 and not one_sided:
        return 0
    if domain is not None and not cluster.about(domain):
        return 0
    if marks and cluster.marks and not marks & cluster.marks:
        return 0  # "le budget 2025" and "le budget 2026", "la COP28" and "la COP29"
    gap = cluster.gap(unit.day) if unit.day is not None else None
    if gap is not None and gap > max_gap_days:
        return 0
    return len(shared)


def cluster_units(units: Iterable[Unit], clusters: Sequence[Cluster] = (),
                  max_gap_days: int = DEFAULT_MAX_GAP_DAYS) -> list[Cluster]:
    """Let each unit, in key order, join its best compatible cluster or open a new one.

    Args:
        units: units that sort after every unit already in `clusters`.
        clusters: the clusters as they stood before the first of `units`, in founding order
            (empty for a full run).
        max_gap_days: see the module docstring.

    Returns:
        Every cluster, the given ones first, in founding order.
    """
    clusters = list(clusters)
    # party -> clusters naming it, in founding order: a unit is only tried against clusters
    # that share one of its parties (the core is a subset of the parties), not the whole list
    by_party: dict[str, list[int]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        for party in cluster.counts:
            by_party[party].append(i)
    for unit in sorted(units, key=lambda u: u.key):
        best, best_fit, index = None, 0, len(clusters)
        domain, marks = unit.domain, unit.marks
        for i in sorted({i for p in unit.parties for i in by_party.get(p, ())}):
            cluster = clusters[i]
            fit = _compatible(unit, cluster, max_gap_days, domain, marks)
            if fit > best_fit or (fit and fit == best_fit and best and len(cluster.units) > len(best.units)):
                best, best_fit, index = cluster, fit, i
        if best is None:
            best = Cluster()
            clusters.append(best)
        for party in unit.parties:
            if party not in best.counts:
                by_party[party].append(index)
        best.add(unit)
    return clusters

def base_id(cluster: Cluster) -> str:
    """The agreement id before numbering: `agr:<core party slugs>:<family>`."""
    return f"agr:{'+'.join(slug(p) for p in cluster.core())}:{cluster.family}"


def numbered_ids(clusters: Sequence[tuple[str, date | None, object]]) -> list[str]:
    """Ids for (base id, first day, founder key) triples: the first cluster of a base in date
    order keeps the base, the next ones get `:2`, `:3`… (ties: the one founded first)."""
    order = sorted(range(len(clusters)), key=lambda i: (clusters[i][1] or date.max, clusters[i][2]))
    seen: Counter[str] = Counter()
    ids = [""] * len(clusters)
    for i in order:
        base = clusters[i][0]
        seen[base] += 1
        ids[i] = base if seen[base] == 1 else f"{base}:{seen[base]}"
    return ids


def cluster_ids(clusters: Sequence[Cluster]) -> list[str]:
    """The agreement id of each cluster."""
    return numbered_ids([(base_id(c), c.days()[0] if c.days() else None, c.founder) for c in clusters])


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
    clusters = cluster_units(all_units(records), max_gap_days=max_gap_days)
    out: dict[tuple[str, int], str] = {}
    for cluster, agreement_id in zip(clusters, cluster_ids(clusters), strict=True):
        for unit in cluster.units:
            for index in unit.events:
                out[(unit.article_id, index)] = agreement_id
    return out


def set_agreement_ids(records: Sequence[dict], max_gap_days: int = DEFAULT_MAX_GAP_DAYS) -> int:
    """Write each linked event's global `agreement_id` into the records (in place, replacing
    the article-local "local:N" keys); returns the number of agreements."""
    links = link_agreements(records, max_gap_days)
    by_id = {record.get("id") or record.get("source_id") or f"#{order}": record
             for order, record in enumerate(records)}
    for (doc_id, index), agreement_id in links.items():
        by_id[doc_id]["events"][index]["agreement_id"] = agreement_id
    return len(set(links.values()))


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
        evidence_end, event_index, confidence)` sorted by date, for events that assert a status
        (`confidence` is the learned status model's probability, None for a rule's). An event
        without its own date (e.g. a pluperfect "avait rejeté") sorts at its article's date but
        keeps `date` None. `mentions` counts all linked events, with or without status.
    """
    clusters = cluster_units(all_units(records), max_gap_days=max_gap_days)
    summaries = [summarize(agreement_id, cluster.core(), cluster.units)
                 for cluster, agreement_id in zip(clusters, cluster_ids(clusters), strict=True)]
    summaries.sort(key=lambda s: (s["first_date"] or "9999", s["agreement_id"]))
    names = Counter(s["name"] for s in summaries)
    for s in summaries:
        s["name"] = year_suffixed(s["name"], s["first_date"], names[s["name"]])
    return summaries
