"""Per agreement: parties, resources, dates, latest status and the dated status history, built
from the units of one cluster (`filon.linking.units`), never from whole records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from filon.linking.units import Unit, slug, sort_key


def _name(parties: list[str], family: str, domain: str | None) -> str:
    """'Qatar–China energy agreement': the parties and the commonest domain of the deal's
    events ("agreement" alone when none names one)."""
    if family == "minerals-investment":
        what = "minerals investment offer"
    else:
        what = f"{domain} agreement" if domain and domain != "other" else "agreement"
    return f"{'–'.join(parties)} {what}"


def summarize(agreement_id: str, core: list[str], units: Iterable[Unit]) -> dict:
    """The summary of one agreement (see `agreement_summaries`), its name without the year."""
    units = sorted(units, key=lambda u: u.key)
    positions: Counter[str] = Counter()
    ids: dict[str, str | None] = {}
    resources: Counter[str] = Counter()
    domains: Counter[str] = Counter()
    items: list[tuple[tuple, tuple]] = []
    mentions = 0
    for unit in units:
        for step in unit.steps:
            mentions += 1
            for pos, (name, party_id) in enumerate(step["parties"]):
                positions[name] += pos
                ids.setdefault(name, party_id)
            resources.update(step["resources"])
            if step.get("domain") not in (None, "other"):  # steps stored before domains: None
                domains[step["domain"]] += 1
            if step["status"] is None:
                continue
            day = step["date"]
            # an undated event ("l'accord conclu", "avait rejeté") happened before its article's
            # day: it sorts first among that day's events, never as the latest status
            items.append((
                (sort_key(day or unit.published), day is not None, unit.article_id, step["start"] or 0),
                (day, step["status"], step["claimed_by"], unit.article_id, step["start"], step["end"],
                 step["i"], step.get("confidence")),
            ))
    core_slugs = {slug(p) for p in core}
    parties = [name for name in ids if slug(name) in core_slugs]
    parties.sort(key=lambda n: (positions[n] / max(mentions, 1), n))
    history = [item[1] for item in sorted(items, key=lambda item: item[0])]
    days = sorted((d for d, *_ in history if d), key=sort_key)
    # an undated event (background "l'accord conclu") never states where the deal stands now
    dated = [h for h in history if h[0]]
    latest = dated[-1] if dated else (history[-1] if history else None)
    family = units[0].family
    return {
        "agreement_id": agreement_id,
        "name": _name(parties, family, domains.most_common(1)[0][0] if domains else None),
        "parties": [{"name": n, "id": ids[n]} for n in parties],
        "resources": [name for name, _ in resources.most_common()],
        "first_date": days[0] if days else None,
        "last_date": days[-1] if days else None,
        "latest_status": latest[1] if latest else None,
        "latest_claimed_by": latest[2] if latest else None,
        "history": history,
        "mentions": mentions,
    }


def year_suffixed(name: str, first_date: str | None, same_name: int) -> str:
    """Two agreements with one name (a 2021 memorandum, a 2025 proposal): the year each began
    tells them apart for a reader."""
    return f"{name} ({first_date[:4]})" if same_name > 1 and first_date else name
