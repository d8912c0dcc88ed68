"""Issue 12: a row of three or more of the same mark is one token (the model costs per token, and
such rows made texts of one-character tokens); two marks in a row, quotation marks and brackets
of prose tokenize as the model's own tokenizer does. The guard still refuses long rows."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from filon.pipeline.guards import MAX_AFFIX_RUN, affix_run
from filon.pipeline.tokenizer import keep_rows_whole

pytestmark = [pytest.mark.issue(12)]


@pytest.fixture(scope="module")
def tokenizers():
    model = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser",
                                                   "attribute_ruler", "lemmatizer", "ner"])
    ours = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser",
                                                  "attribute_ruler", "lemmatizer", "ner"])
    keep_rows_whole(ours)
    keep_rows_whole(ours)  # twice is once
    return model, ours


def _texts(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize(("text", "tokens"), [
    ("((((((", ["(((((("]),
    ("Non !!!!", ["Non", "!!!!"]),
    ("(((abc)))", ["(((", "abc", ")))"]),
    ("!!!»", ["!!!", "»"]),
    ("«««« Oui", ["««««", "Oui"]),
])
def test_tokenizer_keeps_a_row_of_one_mark_whole(tokenizers, text, tokens):
    assert _texts(tokenizers[1], text) == tokens


@pytest.mark.parametrize("text", [
    "« Oui », a-t-il dit (voir (a)).", "Quoi ?! Non...", "l'accord d’aujourd’hui", "»).", "!!",
    "«(«(«(", "https://www.example.fr/a?b=c", "Un — deux – trois", "3,5 %",
])
def test_tokenizer_splits_prose_as_the_model_does(tokenizers, text):
    model, ours = tokenizers
    assert _texts(ours, text) == _texts(model, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab (()»«!.,' \n"), max_size=60))
def test_tokenizer_tokens_cover_the_text(tokenizers, text):
    doc = tokenizers[1].make_doc(text)
    assert "".join(t.text_with_ws for t in doc) == text
    # every token the model would not have made is a row of one repeated mark
    model_tokens = {(t.idx, len(t)) for t in tokenizers[0].make_doc(text)}
    for token in doc:
        if (token.idx, len(token)) not in model_tokens:
            assert len(token) >= 3 and len(set(token.text)) == 1 and not token.text.isalnum()


def test_tokenizer_guard_still_refuses_a_long_row(tokenizers):
    text = "Il a dit " + "(" * (MAX_AFFIX_RUN + 1) + " fin."
    assert affix_run(tokenizers[1], text) is not None
    assert affix_run(tokenizers[1], "Il a dit " + "(" * MAX_AFFIX_RUN + " fin.") is None
