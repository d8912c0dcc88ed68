"""Quality gate: `filon eval` on each gold set stays at or above the floors of
`tests/eval_baseline.json`.

- `shared`: ../shared/corpus, floors at the issues' targets.
- `examples` and `heldout`: the project's dev set and blind held-out set, floors a little under
  the last measured figures, so that a regression on them fails CI.

`pytest tests/test_eval_gate.py --update-baseline` records the measured figures (floors are
never changed by it).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from filon.backends.local import LocalBackend
from filon.evaluation import evaluate

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).with_name("eval_baseline.json")
# float noise only: one flipped item on these sets moves a figure by more than 0.01
EPSILON = 0.0005


def _baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def _cases() -> list[tuple[str, str]]:
    return [(name, metric) for name, corpus in _baseline()["corpora"].items()
            for metric in corpus["floors"]]


@pytest.fixture(scope="module")
def figures(nlp) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for name, corpus in _baseline()["corpora"].items():
        scores, failed = evaluate(ROOT / corpus["articles"], ROOT / corpus["gold"], LocalBackend(nlp=nlp))
        assert not failed, failed
        flat: dict[str, float] = {}
        for s in scores:
            flat[f"{s.layer}.f1"] = s.f1
            flat[f"{s.layer}.precision"] = s.precision
            flat[f"{s.layer}.recall"] = s.recall
            flat.update({f"{s.layer}.{k}": v for k, v in s.extra.items()})
        out[name] = flat
    return out


@pytest.mark.slow
@pytest.mark.parametrize(("corpus", "metric"), _cases())
def test_eval_gate_metric_at_or_above_floor(figures, corpus, metric):
    floor = _baseline()["corpora"][corpus]["floors"][metric]
    value = figures[corpus].get(metric)
    assert value is not None, f"evaluation no longer reports {metric}"
    assert value >= floor - EPSILON, f"{corpus} {metric} = {value:.4f} < floor {floor}"


@pytest.mark.slow
def test_eval_gate_baseline_records_measured_figures(figures, request):
    baseline = _baseline()
    for name, corpus in baseline["corpora"].items():
        if request.config.getoption("--update-baseline", default=False):
            corpus["measured"] = {k: round(v, 4) for k, v in sorted(figures[name].items())}
            corpus["gold_sha256"] = hashlib.sha256((ROOT / corpus["gold"]).read_bytes()).hexdigest()
        assert set(corpus["floors"]) <= set(figures[name])
    if request.config.getoption("--update-baseline", default=False):
        BASELINE.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
