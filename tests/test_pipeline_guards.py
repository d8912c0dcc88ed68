"""Issue 12: runs the tokenizer would take quadratic time on are refused before tokenizing, with the
offset and the reason; what prose, URLs and encoded data hold passes.

A blank French pipeline stands in for the model: the guard reads only its tokenizer's rules.
"""

from __future__ import annotations

import base64

import pytest
import spacy

from filon.backends.local import LocalBackend
from filon.ingest.article import Article
from filon.pipeline.guards import MAX_AFFIX_RUN, affix_run


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


@pytest.mark.issue(12)
@pytest.mark.parametrize("mark", ["«", '"', "“", "’", "(", ",", "!"])
def test_guards_refuse_a_long_run_of_one_mark_with_its_offset(blank, mark):
    text = "Il a dit " + mark * (MAX_AFFIX_RUN + 1) + " fin."
    reason = affix_run(blank, text)
    assert reason is not None and "[F016]" in reason
    assert "offset 9 " in reason and f"{MAX_AFFIX_RUN + 1:,} characters" in reason
    assert f"over {MAX_AFFIX_RUN} in a row" in reason


@pytest.mark.issue(12)
def test_guards_refuse_elisions_glued_together(blank):
    assert affix_run(blank, "Texte " + "l'" * (MAX_AFFIX_RUN + 10)) is not None


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    "« Bonjour », a-t-il dit. " * 200,  # many marks, spaced
    "Il a dit " + "«" * MAX_AFFIX_RUN + " fin.",  # at the limit
    "https://example.org/" + "chemin/page?x=1&y=2" * 200,  # a long URL
    base64.b64encode(bytes(range(256)) * 20).decode(),  # encoded data
    "=" * 150 + "\n" + "_" * 150 + "\n" + "-" * 3000,  # separator lines
    "a" * 20_000,
])
def test_guards_let_prose_urls_and_data_through(blank, text):
    assert affix_run(blank, text) is None


@pytest.mark.issue(12)
def test_guards_refused_article_costs_only_itself(blank):
    articles = [Article(text=t, lang="fr", source=f"in.jsonl:{i + 1}") for i, t in
                enumerate(["Premier article.", "Il a dit " + "(" * 5000, "Troisième article."])]
    errors = []
    records = [r for _, r in LocalBackend(nlp=blank, batch_size=8).run(articles, errors.append)]
    assert [r["id"] for r in records] == [articles[0].id, articles[2].id]
    [error] = errors
    assert error.line == 2 and "[F016]" in error.message and "offset 9 " in error.message
