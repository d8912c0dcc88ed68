"""Checks on the bundled example corpus in `examples/`.

These tests read files only (no model): they keep the corpus in the shape that `filon ingest`,
the demo and other tests rely on, and they guard the rule that no example reuses text of
../shared/corpus.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import require_shared

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED_ARTICLES = ROOT.parent / "shared" / "corpus" / "articles.jsonl"

HEADER_KEYS = {"title", "outlet", "published", "lang", "url"}
# The storyline runs from the first US draft (12 Feb) to the ratification (May).
STORY_START, STORY_END = date(2025, 2, 1), date(2025, 5, 31)
# Other critical-minerals news may carry the date of the event it reports.
OTHER_NEWS_DATES = {
    date(2023, 7, 3),  # China announces gallium/germanium export licensing
    date(2023, 7, 4),
    date(2023, 8, 1),  # ... in force
    date(2024, 5, 23),  # EU Critical Raw Materials Act in force
    date(2024, 12, 3),  # China bans gallium/germanium/antimony exports to the US
    date(2024, 12, 4),
}
# "8 consecutive words" is the brief's threshold for a shared sentence; stock phrases such as
# "le président américain Donald Trump" stay well under it.
SHARED_NGRAM = 8
_WORD = re.compile(r"\w+")


def parse_example(path: Path) -> tuple[dict[str, str], str]:
    """Split an example file into its header (dict) and its text.

    Args:
        path: An `examples/*.txt` file.

    Returns:
        The header as a dict and the text after the `---` line.

    Raises:
        ValueError: When the file has no `---` separator or a malformed header line.
    """
    raw = path.read_text(encoding="utf-8")
    head, sep, text = raw.partition("\n---\n")
    if not sep:
        raise ValueError(f"{path.name}: no '---' line after the header")
    header: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon or not key.strip():
            raise ValueError(f"{path.name}: malformed header line {line!r}")
        header[key.strip()] = value.strip()
    return header, text


def ngrams(text: str, n: int = SHARED_NGRAM) -> set[tuple[str, ...]]:
    """Lower-cased word n-grams; punctuation and spacing differences are ignored."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def example_files() -> list[Path]:
    """Every French example article."""
    return sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture(scope="module")
def examples() -> dict[str, tuple[dict[str, str], str]]:
    return {path.name: parse_example(path) for path in example_files()}


@pytest.fixture(scope="module")
def all_text(examples) -> str:
    return "\n\n".join(text for _, text in examples.values())


def test_examples_corpus_holds_10_to_12_french_articles(examples):
    french = [name for name, (header, _) in examples.items() if header.get("lang") == "fr"]
    assert 10 <= len(french) <= 12, sorted(examples)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_header_complete(path):
    header, _ = parse_example(path)
    assert header.keys() >= HEADER_KEYS
    assert all(header[key] for key in HEADER_KEYS)
    assert header["outlet"] == "filon-examples"
    assert header["lang"] == "fr"
    assert header["url"].startswith("https://example.org/filon/")


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_published_date_in_range(path):
    header, _ = parse_example(path)
    published = date.fromisoformat(header["published"])
    assert STORY_START <= published <= STORY_END or published in OTHER_NEWS_DATES
    # The file name starts with the publication date, so `ls` gives the timeline.
    assert path.name.startswith(header["published"] + "-")


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_length_is_wire_sized(path):
    _, text = parse_example(path)
    assert 250 <= len(_WORD.findall(text)) <= 560  # ~250-500 words; elisions count twice


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_text_is_clean_utf8_prose(path):
    _, text = parse_example(path)
    body = text.removesuffix("\n")  # a final newline is normal for a text file
    assert body == body.strip()
    assert "\r" not in text and "\t" not in text
    assert "\n\n\n" not in text
    # Every article opens with a dateline ending in a dash before the lede.
    first_line = text.split("\n", 1)[0]
    assert re.match(r"^[A-Za-zÉÈéèôû ()]+, .{0,40}?(\(\w+\) )?[-—–] ", first_line), first_line


def test_examples_story_dates_cover_the_storyline(examples):
    story = {
        date.fromisoformat(header["published"])
        for header, _ in examples.values()
        if STORY_START <= date.fromisoformat(header["published"]) <= STORY_END
    }
    # Mid-February rejection, 24 Feb, 28 Feb clash, 30 April signature, May ratification.
    assert any(date(2025, 2, 12) <= d <= date(2025, 2, 15) for d in story)
    assert {date(2025, 2, 24), date(2025, 2, 28), date(2025, 4, 30)} <= story
    assert any(d.month == 5 for d in story)
    assert any(d.month == 3 for d in story)


def test_examples_share_no_sentence_with_shared_corpus(examples):
    require_shared(SHARED_ARTICLES)
    corpus: set[tuple[str, ...]] = set()
    for line in SHARED_ARTICLES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            corpus |= ngrams(json.loads(line)["text"])
    assert corpus, "shared corpus has no text to compare with"
    shared = {
        name: sorted(" ".join(gram) for gram in ngrams(header["title"] + "\n" + text) & corpus)
        for name, (header, text) in examples.items()
    }
    assert {name: grams for name, grams in shared.items() if grams} == {}


def test_examples_ngram_check_detects_a_copied_sentence():
    # Guards the guard: a sentence of 8+ words, re-punctuated and re-cased, is still caught.
    source = "Le ministre a annoncé mardi que le fonds serait opérationnel avant la fin de l'année."
    copy = "« LE MINISTRE a annoncé, mardi, que le fonds serait opérationnel » selon Kiev."
    assert ngrams(source) & ngrams(copy)
    assert not ngrams(source) & ngrams("Le ministre a annoncé mardi la création d'un autre fonds.")


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        ("guillemets with no-break spaces", "«\u00a0"),
        ("guillemets with narrow no-break spaces", "«\u202f"),
        ("guillemets with normal spaces", "« "),
        ("straight double quotes", '"'),
        ("curly double quotes", "“"),
        ("quote split by an incise", r"[«\"][^»\"\n]+, a-t-(il|elle) \w+, [^»\"\n]+[»\"]"),
        ("photo credit on its own paragraph", r"\n[^\n]+\( AFP / [^)]+ \)\n"),
        ("Reuters byline", r"\(Rédigé par [^)]+\)"),
        ("relative weekday", r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"),
        ("jeudi dernier", r"\bjeudi dernier\b"),
        ("la semaine prochaine", r"\bla semaine prochaine\b"),
        ("la semaine dernière", r"\bla semaine dernière\b"),
        ("fin avril", r"\bfin avril\b"),
        ("negated signature", r"n'a pas été signé"),
        ("planned signature", r"doit signer vendredi"),
        ("possible signature", r"pourrait être signé"),
        ("metonymy Pékin", r"\bPékin\b"),
        ("metonymy Bruxelles", r"\bBruxelles\b"),
        ("metonymy Kremlin", r"\ble Kremlin\b|\bdu Kremlin\b"),
        ("metonymy Maison Blanche", r"\bla Maison Blanche\b"),
        ("role secrétaire au Trésor", r"secrétaire américain au Trésor"),
    ],
)
def test_examples_cover_wire_style_variety(all_text, what, pattern):
    # The README promises these features; the pipeline's tests rely on finding them here.
    assert re.search(pattern, all_text), what


def test_examples_subheadings_present(examples):
    # A subheading is a short paragraph without final punctuation between prose paragraphs.
    count = 0
    for _, text in examples.values():
        paragraphs = text.split("\n\n")
        count += sum(
            1 for p in paragraphs[1:-1] if len(p.split()) <= 8 and not p.rstrip().endswith((".", ")"))
        )
    assert count >= 5


def test_examples_readme_lists_every_article():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    missing = [path.name for path in example_files() if f"`{path.name}`" not in readme]
    assert missing == []


def test_examples_english_sample_is_valid_jsonl():
    lines = (EXAMPLES / "english-sample.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    assert len(rows) == 2
    for row in rows:
        assert {"id", "title", "outlet", "published", "lang", "text"} <= row.keys()
        assert row["lang"] == "en"
        date.fromisoformat(row["published"])
        assert len(row["text"].split()) >= 80
        # English on purpose: no French function words that would confuse language detection.
        assert not re.search(r"\b(le|les|des|du|une|est)\b", row["text"])
