"""Decode the bytes of an input file: UTF-8 first, then legacy encodings, else a coded error.

Order of the checks, and why:

1. A UTF-16/UTF-32 byte-order mark: such files are full of NUL bytes, so they must be recognised
   before the binary test.
2. NUL bytes: a text article never holds one; a PDF, an image or a DOCX always does (F003).
3. Strict UTF-8 (with or without BOM): what nearly every modern file is.
4. Broken UTF-8: a file that holds as many valid multi-byte UTF-8 sequences as invalid bytes is
   UTF-8 damaged in transit (truncated, concatenated with something else), not a legacy file, and
   decoding it as cp1252 would store mojibake such as "Ã©" (F004).
5. cp1252 (then latin-9, latin-1) when the result reads as Western European prose: French legacy
   files are cp1252, and charset-normalizer, on a short French text, ranks cp1250, mac_latin2 or
   even cp1006 first because they decode the few accented bytes with the same "mess" score.
   Otherwise the encoding charset-normalizer finds cleanest (cp1251 Russian, cp1250 Polish, …).
6. Nothing fits, or the decoded text is full of control characters -> F004 / F003.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from filon.errors import Errors, InputError

__all__ = ["Decoded", "decode_bytes"]

# French legacy files, in order of preference: cp1252 is a superset of latin-1's printable range
# and has the typographic apostrophe, "œ" and "…" that latin-1 lacks.
_PREFERRED = ("cp1252", "iso8859_15", "latin_1")
# Non-letters a Western European article may hold beyond ASCII: quotes, dashes, spaces, signs.
_TYPOGRAPHY = frozenset("«»‘’‚“”„‹›…–—•·°€£¥§©®™¡¿\u00a0\u202f\u2009\u00ad±×÷¼½¾²ªº")
# In French, Spanish or German prose about 2-6 % of letters are accented; mojibake is 50-100 %.
_MAX_ACCENTED_RATIO = 0.3
_MIN_LETTERS_FOR_RATIO = 20
# EBCDIC code pages decode ASCII letters to other letters; no news file is EBCDIC.
_EBCDIC = frozenset({"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"})
# C0 control characters other than tab, newline, carriage return, form feed, vertical tab.
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
# More than 1 % of control characters is a binary file that happens to have no NUL byte.
_MAX_CONTROL_RATIO = 0.01
# ... and more than a few: one stray DEL or escape in a short text is a typo, not a binary file.
_MIN_CONTROLS = 8
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A well-formed multi-byte UTF-8 sequence (2, 3 or 4 bytes).
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the codec that read it ("utf-8", "cp1252", …)."""

    text: str
    encoding: str


def decode_bytes(data: bytes, source: str = "<bytes>") -> Decoded:
    """Decode an input file's bytes to text.

    Args:
        data: the raw bytes (not empty: the caller reports empty files with F002).
        source: where the bytes come from, for the error message. Defaults to "<bytes>".

    Returns:
        The decoded text (not yet normalized) and the encoding used.

    Raises:
        InputError: F003 when the bytes look binary, F004 when no encoding reads them.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding, source)
            except UnicodeDecodeError as exc:
                raise InputError(source, Errors.F004.format(reason=f"bad {encoding}: {exc}")) from exc
    if b"\x00" in data:
        raise InputError(source, Errors.F003)
    try:
        return _checked(data.decode("utf-8-sig"), "utf-8", source)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    valid, invalid = _utf8_census(data)
    if valid and valid >= invalid:
        reason = (
            f"invalid UTF-8 at byte {utf8_error.start} ({invalid} stray byte(s) beside {valid} "
            "valid UTF-8 sequence(s): damaged UTF-8, not a legacy encoding)"
        )
        raise InputError(source, Errors.F004.format(reason=reason))
    encoding = _legacy_encoding(data)
    if encoding is None:
        reason = f"not UTF-8 (invalid byte at {utf8_error.start}) and no legacy encoding fits"
        raise InputError(source, Errors.F004.format(reason=reason))
    return _checked(data.decode(encoding), encoding, source)


def _utf8_census(data: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 sequences, non-ASCII bytes outside them), in one linear pass."""
    sequences = _UTF8_MULTI.findall(data)
    covered = sum(len(seq) for seq in sequences)
    high = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    return len(sequences), high - covered


def _legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding that reads `data`, cp1252 first; None if none does."""
    for encoding in _PREFERRED:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_western(text):
            return encoding
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if m.encoding not in _EBCDIC]
    if not matches:
        return None
    return min(matches, key=lambda m: m.chaos).encoding


def _reads_as_western(text: str) -> bool:
    """True when `text` looks like Western European prose rather than mojibake.

    charset-normalizer alone ranks cp1250, mac_latin2 or even cp1006 above cp1252 on a short
    French text, since all of them decode the few accented bytes without "mess". Mojibake of
    another script read as cp1252 fails one of two tests: its non-ASCII characters are not all
    letters or common typography (Polish cp1250 gives "¹", "³"), or they are most of the letters
    (Russian cp1251 read as cp1252 is "Ìèíèñòð", nearly all non-ASCII).
    """
    letters = 0
    foreign_letters = 0
    for ch in text:
        if ch.isascii():
            letters += ch.isalpha()
            continue
        if unicodedata.category(ch).startswith("L"):
            letters += 1
            foreign_letters += 1
        elif ch not in _TYPOGRAPHY:
            return False
    # a few words ("Été") are legitimately mostly accented; the ratio means something on prose
    return letters < _MIN_LETTERS_FOR_RATIO or foreign_letters / letters <= _MAX_ACCENTED_RATIO


def _checked(text: str, encoding: str, source: str) -> Decoded:
    """Refuse text that decodes but is mostly control characters (binary without NUL bytes)."""
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or (
        controls >= _MIN_CONTROLS and controls / len(text) > _MAX_CONTROL_RATIO
    ):
        raise InputError(source, Errors.F003)
    return Decoded(text, encoding)
