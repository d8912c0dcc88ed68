"""Properties of text normalization and article ids (hypothesis)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from filon.ingest.article import Article, article_id, normalize_text

# Words and separators an article is made of, so that variations hit real structure.
_WORDS = st.sampled_from(
    ["Kiev", "accord", "minerais", "l’Ukraine", "«", "»", "a", "déclaré", "œuvre", "12", "é"]
)
_SEPARATORS = st.sampled_from([" ", " ", "\n", "\n\n"])


@st.composite
def articles(draw) -> str:
    """A plausible article: words joined by spaces, line and paragraph breaks."""
    words = draw(st.lists(_WORDS, min_size=1, max_size=40))
    out = [words[0]]
    for word in words[1:]:
        out.append(draw(_SEPARATORS))
        out.append(word)
    return "".join(out)


def _vary(text: str, data: st.DataObject) -> str:
    """The same article as another tool might save it: CRLF, NBSP, extra blanks and blank lines."""
    # one line-ending convention per file: mixing "\r" then "\n" would make one "\r\n" break
    newline = data.draw(st.sampled_from(["\n", "\r\n", "\r"]))
    out = []
    for ch in text:
        if ch == " ":
            out.append(data.draw(st.sampled_from([" ", "\u00a0", "  ", "\t", "\u202f"])))
        elif ch == "\n":
            trail = data.draw(st.sampled_from(["", " ", "\u00a0", "\t"]))
            out.append(trail + newline)
        else:
            out.append(ch)
    lead = data.draw(st.sampled_from(["", "\ufeff", "\n", "  \r\n"]))
    tail = data.draw(st.sampled_from(["", "\n", " \r\n\r\n", "\t"]))
    return lead + "".join(out) + tail


@given(st.text())
@example("e\ufeff\u0301")  # a BOM between a letter and its combining accent
@example("a\r\n\r\n\r\nb")
def test_ingest_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(articles(), st.data())
def test_ingest_article_id_stable_under_whitespace_variation(text: str, data) -> None:
    assert article_id(_vary(text, data)) == article_id(text)


@given(articles())
def test_ingest_article_id_differs_when_words_differ(text: str) -> None:
    assert article_id(text + " Moscou") != article_id(text)


def test_ingest_article_normalizes_and_ids_on_creation() -> None:
    article = Article(text="Le ministre\u00a0a signé.\r\n\r\n\r\nLa suite.  ")
    assert article.text == "Le ministre\u00a0a signé.\n\nLa suite."
    assert article.id == article_id("Le ministre a signé.\n\nLa suite.")
    assert article.id.startswith("sha256:") and len(article.id) == len("sha256:") + 64


def test_ingest_normalize_text_composes_accents() -> None:
    assert normalize_text("e\u0301te\u0301") == "été"
