"""`filon eval`: precision / recall / F1 per layer against hand-made gold labels.

Each layer lives in its own module exposing
`score(golds: dict[str, dict], records: dict[str, dict]) -> list[LayerScore]`, where both
dicts are keyed by the corpus article id (the JSON Lines `id`, kept as `source_id`).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from filon.backends.local import LocalBackend
from filon.errors import Errors, FilonError, InputError
from filon.evaluation.base import EvalError, LayerScore
from filon.ingest import iter_articles
from filon.ingest.article import Article
from filon.linking.agreements import set_agreement_ids

LAYER_MODULES = (
    "filon.evaluation.entities",
    "filon.evaluation.quotes",
    "filon.evaluation.dates",
    "filon.evaluation.events",
    "filon.evaluation.links",
)

__all__ = ["EvalError", "LayerScore", "evaluate", "gold_key", "labelled_articles", "load_gold",
           "score_records"]


def load_gold(path: str | Path) -> dict[str, dict]:
    """Gold labels keyed by article id; a malformed line raises with file and line."""
    golds: dict[str, dict] = {}
    if not Path(path).is_file():
        raise FilonError(Errors.F401.format(file=path, line=0, reason="no such gold file"))
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise FilonError(Errors.F401.format(file=path, line=n, reason=exc)) from exc
            if not isinstance(row, dict) or "id" not in row:
                raise FilonError(Errors.F401.format(file=path, line=n, reason="no 'id' field"))
            golds[row["id"]] = row
    return golds


def score_records(golds: dict[str, dict], records: dict[str, dict]) -> list[LayerScore]:
    """Score records against gold with every layer module."""
    scores: list[LayerScore] = []
    for name in LAYER_MODULES:
        scores.extend(importlib.import_module(name).score(golds, records))
    return scores


def evaluate(
    articles_path: str | Path, gold_path: str | Path, backend: LocalBackend
) -> tuple[list[LayerScore], list[InputError]]:
    """Run the pipeline on the corpus articles and score them against the gold file.

    Only articles that have gold labels are scored. Returns the scores and input errors.
    """
    golds = load_gold(gold_path)
    articles, keys, failed = labelled_articles(articles_path, golds)
    records = {keys[article.id]: record for article, record in backend.run(articles)}
    set_agreement_ids(list(records.values()))  # as `filon extract` gives them: linked across articles
    return score_records(golds, records), failed


def labelled_articles(articles_path: str | Path, golds: dict[str, dict],
) -> tuple[list[Article], dict[str, str], list[InputError]]:
    """The articles of a file or folder that have gold labels, with their gold id (article id
    -> gold id), and the input errors met on the way."""
    articles, keys, failed = [], {}, []
    for item in iter_articles([articles_path]):
        if isinstance(item, InputError):
            failed.append(item)
            continue
        key = gold_key(item, golds)
        if key is not None:
            articles.append(item)
            keys[item.id] = key
    return articles, keys, failed


def gold_key(article: Article, golds: dict[str, dict]) -> str | None:
    """The gold id of an article: its input `id`, its file name without suffix, or its hash."""
    stem = Path(article.source.rsplit(":", 1)[0] if article.source.count(":") else article.source).stem
    for key in (article.source_id, stem, article.id):
        if key and key in golds:
            return key
    return None
