"""The one conftest (spaCy style): shared, session-scoped fixtures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The full filon pipeline on fr_core_news_md, built once."""
    from filon.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def nlp_bare():
    """The bare French model without filon components."""
    import spacy

    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def gazetteer():
    from filon.domains.gazetteer import load_gazetteer

    return load_gazetteer()


def require_shared(path: Path) -> None:
    """Skip a test whose ../shared file is absent: a newcomer's lone clone still runs the rest.

    Under CI (`CI` set) the shared corpus is part of the checkout, so its absence fails instead.
    """
    if path.exists():
        return
    message = (f"shared corpus missing at {path}: clone the project next to ../shared to run "
               "this test (set CI=1 to make its absence a failure)")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def corpus_articles() -> list[dict]:
    """Articles of ../shared/corpus (read-only; never copied into the project)."""
    path = SHARED_CORPUS / "articles.jsonl"
    require_shared(path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def corpus_gold() -> dict[str, dict]:
    path = SHARED_CORPUS / "gold.jsonl"
    require_shared(path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row for row in rows}


def annotate(nlp, text: str, published: str | None = "2025-02-24"):
    """Run the pipeline on one text with a publication date; returns the Doc."""
    from filon.ingest.article import Article
    from filon.pipeline import process

    article = Article(text=text, published=published, lang="fr")
    [(_, doc)] = list(process(nlp, [article]))
    return doc


@pytest.fixture(scope="session")
def run():
    """`run(nlp, text, published=...)` -> annotated Doc."""
    return annotate


def pytest_addoption(parser):
    parser.addoption("--update-baseline", action="store_true", default=False,
                     help="record measured evaluation figures in tests/eval_baseline.json")
