"""The press development set (tests/data/press): recipes and labels agree, offsets are sound, no
article comes from the hidden evaluation list, and, where the texts were rebuilt locally, every
offset slices to the labelled string and the agreements layer stays above its floor."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

PRESS = Path(__file__).parent / "data" / "press"
TEXTS = PRESS / "texts"
HIDDEN = Path(__file__).parents[2] / "shared" / "hidden-eval" / "addresses.txt"
# a little under the figures measured when the last batch (p15, labelled blind) joined the set
# and the status model was trained on the dev part (README, Accuracy): dev 0.574, held-out 0.422
# (the set grew by 160 articles of new outlets since the floors of 0.57 / 0.46)
AGREEMENT_FLOORS = {"dev": 0.55, "heldout": 0.40}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


RECIPES = _rows(PRESS / "recipes.jsonl")
LABELS = {split: _rows(PRESS / f"labels-{split}.jsonl") for split in ("dev", "heldout")}


def _spans(label: dict) -> list[tuple[str, int, int, str | None]]:
    """(kind, start, end, expected string or None) of every offset a label carries."""
    out: list[tuple[str, int, int, str | None]] = []
    for q in label.get("direct_quotes", []):
        out.append(("quote", q["start"], q["end"], None))
        if q.get("speaker_start") is not None:
            out.append(("speaker", q["speaker_start"], q["speaker_end"], q.get("speaker_mention")))
    for s in label.get("indirect_statements", []):
        out.append(("cue", s["cue_start"], s["cue_end"], s["cue_verb"]))
    for d in label.get("dates", []):
        out.append(("date", d["start"], d["end"], d["text"]))
    for a in label.get("agreements", []):
        out.append(("evidence", a["evidence_start"], a["evidence_end"], None))
    return out


def _norm(url: str) -> str:
    url = url.strip().lower().split("#")[0]
    for prefix in ("https://", "http://", "www."):
        url = url.removeprefix(prefix)
    return url.rstrip("/")


def test_press_set_recipes_and_labels_match():
    by_split = {split: {label["id"] for label in labels} for split, labels in LABELS.items()}
    for recipe in RECIPES:
        assert recipe["id"] in by_split[recipe["split"]], recipe["id"]
        assert len(recipe["sha256"]) == 64 and recipe["slice"][1] - recipe["slice"][0] == recipe["chars"]
    assert sum(map(len, by_split.values())) == len(RECIPES) >= 40
    # a quarter held out, spread over outlets and domains as the issue asks
    assert 0.2 <= len(by_split["heldout"]) / len(RECIPES) <= 0.3
    assert len({_norm(r["url"]).split("/")[0] for r in RECIPES}) >= 15
    assert len({r["domain"] for r in RECIPES}) >= 10


def test_press_set_commits_no_article_text():
    # quotes and evidence sentences are kept as offsets; the texts stay out of git
    for labels in LABELS.values():
        for label in labels:
            assert all("quote" not in q for q in label.get("direct_quotes", []))
            assert all("evidence" not in a for a in label.get("agreements", []))


def test_press_set_offsets_lie_inside_their_article():
    chars = {r["id"]: r["chars"] for r in RECIPES}
    for labels in LABELS.values():
        for label in labels:
            for kind, start, end, expected in _spans(label):
                assert 0 <= start < end <= chars[label["id"]], (label["id"], kind, start, end)
                if expected is not None:
                    assert end - start == len(expected), (label["id"], kind, expected)


def test_press_set_avoids_the_hidden_evaluation_articles():
    if not HIDDEN.exists():
        pytest.skip(f"no hidden-evaluation list at {HIDDEN}")
    hidden = {_norm(line) for line in HIDDEN.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not [r["id"] for r in RECIPES if _norm(r["url"]) in hidden]


def _require_texts() -> None:
    if not (TEXTS / "gold-dev.jsonl").exists():
        pytest.skip("press texts not rebuilt: run tests/data/press/rebuild.py on saved search answers")


def test_press_set_rebuilt_texts_match_their_labels():
    _require_texts()
    for recipe in RECIPES:
        text = (TEXTS / f"{recipe['id']}.txt").read_text(encoding="utf-8")
        assert hashlib.sha256(text.encode()).hexdigest() == recipe["sha256"]
    for labels in LABELS.values():
        for label in labels:
            text = (TEXTS / f"{label['id']}.txt").read_text(encoding="utf-8")
            for kind, start, end, expected in _spans(label):
                if expected is not None:
                    assert text[start:end] == expected, (label["id"], kind)


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_press_set_agreements_stay_above_floor(split):
    _require_texts()
    from filon.backends.local import LocalBackend
    from filon.evaluation import evaluate

    scores, failed = evaluate(TEXTS / f"{split}.jsonl", TEXTS / f"gold-{split}.jsonl", LocalBackend())
    assert not failed
    agreements = next(s for s in scores if s.layer == "agreements")
    assert agreements.f1 >= AGREEMENT_FLOORS[split]
