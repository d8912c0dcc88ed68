"""Quality gate: `filon eval` on ../shared/corpus stays at or above the floors of
`tests/eval_baseline.json` (the issues' targets). Run this file with `--update-baseline` to
record the measured figures (floors are never lowered by it)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from filon.backends.local import LocalBackend
from filon.evaluation import evaluate

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).with_name("eval_baseline.json")
CORPUS = ROOT.parent / "shared" / "corpus"
# one flipped item on a corpus of a few dozen moves F1 by >0.01; this only absorbs float noise
EPSILON = 0.0005


@pytest.fixture(scope="module")
def figures(nlp) -> dict[str, float]:
    scores, failed = evaluate(CORPUS / "articles.jsonl", CORPUS / "gold.jsonl", LocalBackend(nlp=nlp))
    assert not failed
    out: dict[str, float] = {}
    for s in scores:
        out[f"{s.layer}.f1"] = s.f1
        out[f"{s.layer}.precision"] = s.precision
        out[f"{s.layer}.recall"] = s.recall
        for key, value in s.extra.items():
            out[f"{s.layer}.{key}"] = value
    return out


def _floors() -> dict[str, float]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]


@pytest.mark.slow
@pytest.mark.parametrize("metric", list(_floors()))
def test_eval_gate_metric_at_or_above_floor(figures, metric):
    floor = _floors()[metric]
    assert metric in figures, f"evaluation no longer reports {metric}"
    assert figures[metric] >= floor - EPSILON, f"{metric} = {figures[metric]:.4f} < floor {floor}"


@pytest.mark.slow
def test_eval_gate_baseline_records_measured_figures(figures, request):
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    sha = hashlib.sha256((CORPUS / "gold.jsonl").read_bytes()).hexdigest()
    if request.config.getoption("--update-baseline", default=False):
        baseline["measured"] = {k: round(v, 4) for k, v in sorted(figures.items())}
        baseline["gold_sha256"] = sha
        BASELINE.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    # every floor must refer to a figure the evaluation still produces
    assert set(baseline["floors"]) <= set(figures)
