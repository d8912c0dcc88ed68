"""The checker of new press batches (tests/data/press/check_batch.py), on a batch written here:
a sound batch passes, and each kind of broken offset or recipe is named with its article."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent / "data" / "press" / "check_batch.py"
TEXT = ("Le Chili et le Pérou ont signé mardi un accord de pêche. « C'est un grand jour », a déclaré "
        "le ministre Paul Durand.")


@pytest.fixture(scope="module")
def check():
    spec = importlib.util.spec_from_file_location("check_batch", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _batch(folder: Path, label: dict, text: str = TEXT) -> Path:
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "t1.txt").write_text(text, encoding="utf-8")
    recipe = {"id": "t1", "url": "https://example.org/peche", "chars": len(TEXT), "slice": [0, len(TEXT)],
              "sha256": hashlib.sha256(TEXT.encode()).hexdigest()}
    (folder / "recipes.jsonl").write_text(json.dumps(recipe) + "\n", encoding="utf-8")
    (folder / "labels.jsonl").write_text(json.dumps(label, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


def _label() -> dict:
    q = TEXT.index("C'est")
    return {
        "id": "t1", "persons": ["Paul Durand"], "organizations": [], "organizations_descriptive": [],
        "locations": ["Chili", "Pérou"], "aliases": {},
        "direct_quotes": [{"start": q, "end": q + len("C'est un grand jour"), "speaker": "Paul Durand",
                           "speaker_mention": "le ministre Paul Durand", "kind": "full",
                           "speaker_start": TEXT.index("le ministre"), "speaker_end": len(TEXT) - 1}],
        "indirect_statements": [],
        "dates": [{"text": "mardi", "start": TEXT.index("mardi"), "end": TEXT.index("mardi") + 5,
                   "resolved": "2025-06-10"}],
        "agreements": [{"parties": ["Chile", "Peru"], "status_in_this_article": "signed",
                        "evidence_start": 0, "evidence_end": TEXT.index(".") + 1}],
    }


def test_press_batch_check_passes_a_sound_batch(check, tmp_path):
    assert check.problems(_batch(tmp_path, _label())) == []


def test_press_batch_check_names_each_broken_offset(check, tmp_path):
    label = _label()
    label["direct_quotes"][0]["start"] += 6  # no longer right after the opening mark
    label["dates"][0]["end"] += 1
    label["agreements"][0]["status_in_this_article"] = "agreed"
    found = check.problems(_batch(tmp_path, label))
    assert len(found) == 3 and all(p.startswith("t1: ") for p in found)
    assert any("quotation marks" in p for p in found) and any("'mardi'" in p for p in found)


def test_press_batch_check_refuses_article_words_in_the_labels(check, tmp_path):
    label = _label()
    q = label["direct_quotes"][0]
    q["quote"] = TEXT[q["start"] : q["end"]]
    label["agreements"][0]["evidence"] = TEXT[: TEXT.index(".") + 1]
    found = check.problems(_batch(tmp_path, label))
    assert len(found) == 2 and any("'quote'" in p for p in found) and any("'evidence'" in p for p in found)


def test_press_batch_check_catches_a_text_that_is_not_the_recipe(check, tmp_path):
    found = check.problems(_batch(tmp_path, _label(), text=TEXT.replace("mardi", "lundi")))
    assert any("sha256" in p for p in found)


def test_press_batch_check_refuses_an_address_already_in_the_set(check):
    recipe = json.loads((SCRIPT.parent / "recipes.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert check.url_allowed(recipe["url"]) != "ok"
    assert check.url_allowed("https://example.org/never-collected") == "ok"
