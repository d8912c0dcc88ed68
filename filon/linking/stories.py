"""Stories: the articles about one event, grouped across outlets and days.

Rule (README, "Wire copies and stories"): two articles are in one story when
  - one is a copy or rewrite of the other (same `copy_of` group), or
  - they name the same agreement and were published at most `AGREEMENT_DAYS` (2) days apart, or
  - they name at least `SHARED_ACTORS` (3) of the same identified actors and were published at
    most `ACTOR_DAYS` (1) day apart.
Stories are the connected groups of that relation; an undated article joins a story only
through its copies. A story is named after its earliest article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

AGREEMENT_DAYS = 2
SHARED_ACTORS = 3
ACTOR_DAYS = 1


@dataclass(slots=True)
class StoryArticle:
    """What the story rule reads of one article."""

    id: str
    published: date | None
    copy_group: str
    agreements: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)


def _near_pairs(group: list[StoryArticle], days: int) -> Iterable[tuple[StoryArticle, StoryArticle]]:
    """The pairs of `group` (in date order, undated last) published at most `days` apart.

    Each article is compared only with the ones after it within the window: an actor named in
    most articles of a large store (a country) made every pair of them a comparison before."""
    for i, a in enumerate(group):
        if a.published is None:
            return
        for b in group[i + 1:]:
            if b.published is None or (b.published - a.published).days > days:
                break
            yield a, b


def stories(articles: Iterable[StoryArticle]) -> list[list[StoryArticle]]:
    """Group articles into stories; each story in date order, stories by their first article."""
    items = sorted(articles, key=lambda a: (a.published or date.max, a.id))
    parent = {a.id: a.id for a in items}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_key: dict[tuple[str, str], list[StoryArticle]] = defaultdict(list)
    for a in items:
        by_key[("copy", a.copy_group)].append(a)
        for agreement in a.agreements:
            by_key[("agreement", agreement)].append(a)
    for (what, _), group in by_key.items():
        if what == "copy":
            for b in group[1:]:
                union(group[0].id, b.id)
            continue
        for a, b in _near_pairs(group, AGREEMENT_DAYS):
            union(a.id, b.id)
    by_actor: dict[str, list[StoryArticle]] = defaultdict(list)
    for a in items:
        for actor in a.actors:
            by_actor[actor].append(a)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for group in by_actor.values():
        for a, b in _near_pairs(group, ACTOR_DAYS):
            pairs[(a.id, b.id)] += 1
    for (a, b), shared in pairs.items():
        if shared >= SHARED_ACTORS:
            union(a, b)
    groups: dict[str, list[StoryArticle]] = defaultdict(list)
    for a in items:
        groups[find(a.id)].append(a)
    return sorted(groups.values(), key=lambda g: (g[0].published or date.max, g[0].id))
