"""Decoding input bytes: UTF-8, BOMs, legacy French encodings, and the coded refusals."""

from __future__ import annotations

import random

import pytest

from filon.errors import InputError
from filon.ingest.encoding import decode_bytes

FRENCH = (
    "Le président a jugé l’offre « inacceptable » : il veut des garanties… Le ministre de "
    "l’Économie, lui, évoque un cœur de négociation difficile."
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FRENCH.encode("utf-8"), "utf-8"),
        (FRENCH.encode("utf-8-sig"), "utf-8"),
        (FRENCH.encode("utf-16"), "utf-16"),
        (FRENCH.encode("cp1252"), "cp1252"),
    ],
)
def test_ingest_encoding_decodes_french(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text.lstrip("\ufeff") == FRENCH
    assert decoded.encoding == encoding


@pytest.mark.parametrize(
    "text", ["Été", "Café crème à Kiev", "Le ministre a été élu à Kiev, où il a déclaré être prêt."]
)
def test_ingest_encoding_short_legacy_french_is_cp1252(text: str) -> None:
    # charset-normalizer alone picks cp1250, mac_latin2 or cp1006 on these
    assert decode_bytes(text.encode("latin-1")).text == text


def test_ingest_encoding_reads_cyrillic_legacy_file() -> None:
    text = "Министр подписал соглашение во вторник в Киеве, сообщила пресс-служба правительства."
    decoded = decode_bytes(text.encode("cp1251"))
    assert decoded.text == text


def test_ingest_encoding_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError, match=r"\[F003\]"):
        decode_bytes(b"%PDF-1.7\n\x00\x01\x02 stream", "doc.txt")


def test_ingest_encoding_control_characters_are_binary() -> None:
    with pytest.raises(InputError, match=r"\[F003\]"):
        decode_bytes(b"\x01\x02\x03\x04 data \x05\x06\x07" * 30)


def test_ingest_encoding_damaged_utf8_is_refused_not_mojibake() -> None:
    good = FRENCH.encode("utf-8")
    with pytest.raises(InputError, match=r"\[F004\].*invalid UTF-8 at byte 10") as info:
        decode_bytes(good[:10] + b"\xff" + good[10:], "a.txt")
    assert info.value.source == "a.txt"


def test_ingest_encoding_random_high_bytes_are_refused() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(600))
    with pytest.raises(InputError, match=r"\[F004\]"):
        decode_bytes(data)


def test_ingest_encoding_a_stray_control_character_is_not_binary() -> None:
    assert decode_bytes(b"Le ministre\x7f a sign\xc3\xa9.").text == "Le ministre\x7f a signé."
