"""Score entity identities per article against the gold labels of ../shared/corpus.

The unit is a SET OF IDENTITIES per article and layer ("persons", "organizations",
"locations"), not a set of spans: an article that names Vladimir Poutine six times and says
"Poutine" twice has one person, and finding it once is enough.

Gold side: each canonical string (with its aliases) is mapped to an identity the way the
linker maps a surface: the gazetteer (`Gazetteer.lookup`; for locations `Gazetteer.place`, which
adds the GeoNames city table) first, else the per-corpus slug (`filon:person-…`, `filon:org-…`,
`filon:loc-…`). Predicted side: entities with label PER /
ORG / LOC whose `kind` is "name" or "metonymy" (roles such as "le président russe" are
descriptions, not names, and are not scored), keyed by their `id`.

Conventions of the gold (../shared/corpus/README.md) applied here:

- `organizations_descriptive` ("gouvernement ukrainien") and `credit_persons` (photographers,
  bylines) are neither required nor counted as false hits when predicted; predicted entities
  flagged `descriptive` (lowercase descriptions) are likewise left out.
- Capitals standing for governments ("Kiev et Washington négocient") are locations; "Kremlin" and
  "Maison Blanche" are organizations. The linker labels them that way, so the labels compare as is.
"""

from __future__ import annotations

from filon.domains.gazetteer import Gazetteer, load_gazetteer, slugify
from filon.evaluation.base import LayerScore

LAYERS: dict[str, tuple[str, str, str]] = {
    # layer -> (gold key, predicted label, slug prefix of unknown identities)
    "persons": ("persons", "PER", "person"),
    "organizations": ("organizations", "ORG", "org"),
    "locations": ("locations", "LOC", "loc"),
}
SCORED_KINDS = frozenset({"name", "metonymy"})


def gold_identity(surface: str, prefix: str, gaz: Gazetteer, aliases: tuple[str, ...] = ()) -> str:
    """The identity a gold canonical string stands for (gazetteer id, else the corpus slug)."""
    for form in (surface, *aliases):
        # places go through the GeoNames table too, exactly as the linker identifies them
        actor = gaz.place(form) if prefix == "loc" else gaz.lookup(form)
        if actor is not None:
            return actor.id
    return f"filon:{prefix}-{slugify(surface)}"


def _equivalents(surface: str, aliases: tuple[str, ...], identity: str) -> dict[str, str]:
    """Every id a correct prediction may carry for this gold entity -> the gold identity.

    A linker that does not know an entity slugs the surface it saw, which may be an alias
    ("MOFCOM" for "ministère chinois du Commerce"); each alias slug counts as the same entity.
    """
    out = {identity: identity}
    for prefix in ("person", "org", "loc"):
        for form in (surface, *aliases):
            out[f"filon:{prefix}-{slugify(form)}"] = identity
    return out


def score(
    golds: dict[str, dict],
    records: dict[str, dict],
    gazetteer: Gazetteer | None = None,
) -> list[LayerScore]:
    """Precision / recall / F1 of persons, organizations and locations, per article identity.

    Args:
        golds: gold rows by article id (../shared/corpus/gold.jsonl).
        records: extraction records by article id (DESIGN.md contract; `entities` used).
        gazetteer: the gazetteer the gold strings are mapped with. Defaults to the minerals pack.

    Returns:
        One `LayerScore` per layer, in the order persons, organizations, locations; an article
        with gold but no record counts every gold entity as a miss.
    """
    gaz = gazetteer or load_gazetteer()
    layers = {name: LayerScore(name) for name in LAYERS}
    for article_id, gold in sorted(golds.items()):
        record = records.get(article_id) or {}
        aliases: dict[str, list[str]] = gold.get("aliases") or {}
        ignored: set[str] = set()
        for key, prefix in (("organizations_descriptive", "org"), ("credit_persons", "person")):
            for surface in gold.get(key) or []:
                forms = tuple(aliases.get(surface, ()))
                ignored.update(_equivalents(surface, forms, gold_identity(surface, prefix, gaz, forms)))
        for layer, (gold_key, label, prefix) in LAYERS.items():
            equivalent: dict[str, str] = {}
            gold_ids: set[str] = set()
            names: dict[str, str] = {}
            for surface in gold.get(gold_key) or []:
                forms = tuple(aliases.get(surface, ()))
                identity = gold_identity(surface, prefix, gaz, forms)
                gold_ids.add(identity)
                names[identity] = surface
                equivalent.update(_equivalents(surface, forms, identity))
            predicted: set[str] = set()
            for ent in record.get("entities") or []:
                if ent.get("label") != label or ent.get("kind", "name") not in SCORED_KINDS:
                    continue
                if ent.get("descriptive") or not ent.get("id"):
                    continue
                ent_id = equivalent.get(ent["id"], ent["id"])
                if ent_id in ignored and ent_id not in gold_ids:
                    continue
                predicted.add(ent_id)
                names.setdefault(ent_id, f"{ent.get('text')}")

            def show(identity: str, names: dict[str, str] = names) -> str:
                return f"{names.get(identity, identity)} [{identity}]"

            layers[layer].add_sets(article_id, gold_ids, predicted, show=show)
    return list(layers.values())
