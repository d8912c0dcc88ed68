"""Detect the language of an article with lingua, restricted to the languages news arrives in.

The detector is built once, lazily, on first use: loading lingua's models takes about 1.5 s, which
a run that is given `lang` for every article never pays.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = ["SUPPORTED_DETECTION", "detect_language", "normalize_lang"]

# ISO 639-1 codes the detector chooses among. A closed set is both faster and more accurate than
# all 75 languages: short French texts otherwise come out as Catalan or Occitan now and then.
SUPPORTED_DETECTION: tuple[str, ...] = (
    "fr", "en", "de", "es", "it", "pt", "ru", "uk", "nl", "pl", "zh", "ar",
)  # fmt: skip

# Under this many letters a text is a headline fragment or a name ("Kiev"), and lingua's guess is
# noise: fall back to the caller's default.
MIN_LETTERS = 20
# Below this confidence the top language is a guess between close neighbours (fr/it, nl/de on a
# few words); prefer the caller's default when there is one.
MIN_CONFIDENCE = 0.5
# Enough text to decide; lingua's cost grows with length and an article's language does not change
# after its first paragraphs.
SAMPLE_CHARS = 3000

_detector: LanguageDetector | None = None
_lock = threading.Lock()
_LANG_CODE = re.compile(r"^[a-z]{2,3}$")


def _get_detector() -> LanguageDetector:
    """Build the lingua detector on first use (thread-safe), then reuse it."""
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

                languages = [
                    Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                    for code in SUPPORTED_DETECTION
                ]
                _detector = LanguageDetectorBuilder.from_languages(*languages).build()
    return _detector


def detect_language(text: str, default: str | None = None) -> str | None:
    """ISO 639-1 code (lowercase) of the language `text` is written in.

    Args:
        text: the article text.
        default: returned when the text is too short to tell (fewer than `MIN_LETTERS` letters)
            or the detector is unsure. Defaults to `None`.

    Returns:
        A code from `SUPPORTED_DETECTION`, or `default`.
    """
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return default
    detector = _get_detector()
    values = detector.compute_language_confidence_values(sample)
    if not values:
        return default
    best = values[0]
    if best.value < MIN_CONFIDENCE and default is not None:
        return default
    return best.language.iso_code_639_1.name.lower()


def normalize_lang(value: str) -> str | None:
    """Lowercase ISO code from a metadata value: "FR", "fr-FR", "fr_CA" -> "fr"; junk -> None."""
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return code if _LANG_CODE.match(code) else None
