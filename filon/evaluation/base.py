"""Scores shared by every evaluation layer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class EvalError:
    """One miss (in gold, not predicted), false hit (predicted, not in gold) or wrong value."""

    layer: str
    article_id: str
    kind: str  # "miss" | "false" | "wrong"
    detail: str


@dataclass(slots=True)
class LayerScore:
    """Counts for one layer; `extra` holds accuracies and other figures ("speaker_accuracy")."""

    layer: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[EvalError] = field(default_factory=list)
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add_sets(self, article_id: str, gold: set, predicted: set, show=str) -> None:
        """Count set agreement for one article and log every miss and false hit."""
        self.tp += len(gold & predicted)
        for item in sorted(gold - predicted, key=show):
            self.fn += 1
            self.errors.append(EvalError(self.layer, article_id, "miss", show(item)))
        for item in sorted(predicted - gold, key=show):
            self.fp += 1
            self.errors.append(EvalError(self.layer, article_id, "false", show(item)))

    def as_dict(self) -> dict:
        return {
            "layer": self.layer,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            **{k: round(v, 4) for k, v in self.extra.items()},
        }
