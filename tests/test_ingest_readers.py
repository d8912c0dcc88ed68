"""Readers and bad input: every case of issue 2 "Bad input", on files written by the tests."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filon.errors import InputError
from filon.ingest import Article, ReadResult, iter_articles
from filon.ingest import readers as readers_module
from filon.ingest.article import article_id, normalize_text

BODY = (
    "KIEV, 3 mars 2025 (AFP) - Le gouvernement ukrainien a présenté lundi un plan pour relancer "
    "l'extraction du lithium, a annoncé la ministre de l'Economie devant les députés.\n\n"
    "« Nous voulons des partenaires fiables », a-t-elle déclaré, en évoquant l'Union européenne."
)
HEADER = (
    "title: Kiev veut relancer le lithium\n"
    "outlet: Agence test\n"
    "published: 2025-03-03\n"
    "lang: fr\n"
    "url: https://example.org/lithium\n"
    "---\n"
)


def read(*paths, **kwargs) -> list[ReadResult]:
    return list(iter_articles([str(p) for p in paths], **kwargs))


def only_article(results: list[ReadResult]) -> Article:
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def only_error(results: list[ReadResult]) -> InputError:
    assert len(results) == 1, results
    assert isinstance(results[0], InputError), results[0]
    return results[0]


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- .txt ---------------------------------------------------------------------------------------


def test_ingest_txt_reads_header_and_text(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "a.txt", HEADER + BODY)))
    assert article.title == "Kiev veut relancer le lithium"
    assert article.outlet == "Agence test"
    assert article.published == "2025-03-03"
    assert article.lang == "fr"
    assert article.url == "https://example.org/lithium"
    assert article.text == BODY
    assert article.id == article_id(BODY)
    assert article.source == str(tmp_path / "a.txt")
    assert article.source_id is None


def test_ingest_txt_header_keys_are_case_insensitive(tmp_path: Path) -> None:
    text = "Title: Un titre\nPUBLISHED: 24 février 2025\n---\n" + BODY
    article = only_article(read(write(tmp_path / "a.txt", text)))
    assert (article.title, article.published) == ("Un titre", "2025-02-24")


def test_ingest_txt_without_separator_is_all_text(tmp_path: Path) -> None:
    text = "Note: ce texte n'a pas d'en-tête\n" + BODY
    article = only_article(read(write(tmp_path / "a.txt", text)))
    assert article.text.startswith("Note: ce texte")
    assert article.title is None


def test_ingest_txt_published_from_dateline_when_header_has_none(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "a.txt", "title: T\n---\n" + BODY)))
    assert article.published == "2025-03-03"


def test_ingest_txt_bad_published_names_the_field(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "a.txt", "published: bientôt\n---\n" + BODY)))
    assert "[F010]" in error.message and "'published'" in error.message
    assert error.source == str(tmp_path / "a.txt")


def test_ingest_txt_unknown_header_key_is_f010(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "a.txt", "author: X\n---\n" + BODY)))
    assert "[F010]" in error.message and "'author'" in error.message


def test_ingest_txt_header_only_is_f011(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "a.txt", HEADER + "\n\n")))
    assert "[F011]" in error.message


def test_ingest_txt_detects_language_when_not_given(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "a.txt", BODY)))
    assert article.lang == "fr"


def test_ingest_txt_short_text_falls_back_to_default_lang(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Kiev, lundi.")
    assert only_article(read(path, default_lang="fr")).lang == "fr"
    assert only_article(read(path)).lang is None


def test_ingest_txt_marks_boilerplate(tmp_path: Path) -> None:
    text = BODY + "\n\nUne mine de lithium près de Kropyvnytskyï. (AFP / Ivan PETRENKO)\n\nFin."
    article = only_article(read(write(tmp_path / "a.txt", text)))
    kinds = [span["kind"] for span in article.boilerplate]
    assert kinds == ["caption", "credit"]
    credit = article.boilerplate[1]
    assert article.text[credit["start"] : credit["end"]] == "(AFP / Ivan PETRENKO)"


def test_ingest_txt_crlf_file_has_same_id_as_lf_file(tmp_path: Path) -> None:
    lf = only_article(read(write(tmp_path / "lf.txt", BODY)))
    crlf = only_article(read(write(tmp_path / "crlf.txt", BODY.replace("\n", "\r\n").encode())))
    assert lf.id == crlf.id and lf.text == crlf.text


# --- encodings and binary -------------------------------------------------------------------------


def test_ingest_cp1252_file_is_decoded_right(tmp_path: Path) -> None:
    text = "Le président a jugé l’offre « inacceptable » : « C’est un cœur d’œuvre », a-t-il dit."
    article = only_article(read(write(tmp_path / "a.txt", text.encode("cp1252"))))
    assert article.text == text
    assert "é" in article.text and "œ" in article.text and "’" in article.text


def test_ingest_latin1_file_is_decoded_right(tmp_path: Path) -> None:
    text = "Le ministre a été reçu à Varsovie, où il a évoqué la sécurité énergétique."
    article = only_article(read(write(tmp_path / "a.txt", text.encode("latin-1"))))
    assert article.text == text


def test_ingest_binary_file_is_f003(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    error = only_error(read(write(tmp_path / "image.txt", png)))
    assert "[F003]" in error.message


def test_ingest_invalid_utf8_that_is_no_legacy_encoding_is_f004(tmp_path: Path) -> None:
    good = "Le président ukrainien a rejeté l’accord proposé par Washington.".encode()
    damaged = good[:20] + b"\xff\xfe\xc3" + good[20:]
    error = only_error(read(write(tmp_path / "a.txt", damaged)))
    assert "[F004]" in error.message and "UTF-8" in error.message


# --- .html --------------------------------------------------------------------------------------

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Pékin durcit ses contrôles | Le Quotidien test</title>
<meta property="og:site_name" content="Le Quotidien test">
<meta property="og:url" content="https://example.org/chine-graphite">
<meta name="date" content="2025-04-04"></head>
<body><nav><a href="/">Accueil</a> | <a href="/monde">Monde</a></nav>
<article><h1>Pékin durcit ses contrôles</h1>
<p>PÉKIN, 4 avril 2025 (AFP) - La Chine a annoncé vendredi de nouvelles restrictions sur les
exportations de graphite, a indiqué le ministère du Commerce dans un communiqué.</p>
<h2>Une riposte assumée</h2>
<p>Selon plusieurs analystes, cette mesure répond aux droits de douane décidés à Washington la
semaine dernière et vise les industriels des batteries.</p>
</article><footer>Mentions légales - Contact</footer></body></html>"""


def test_ingest_html_extracts_text_and_metadata(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "page.html", PAGE)))
    assert article.title == "Pékin durcit ses contrôles"
    assert article.outlet == "Le Quotidien test"
    assert article.url == "https://example.org/chine-graphite"
    assert article.published == "2025-04-04"
    assert article.text.startswith("PÉKIN, 4 avril 2025 (AFP)")
    assert "Accueil" not in article.text and "Mentions légales" not in article.text
    heading = [s for s in article.boilerplate if s["kind"] == "subheading"]
    assert [article.text[s["start"] : s["end"]] for s in heading] == ["Une riposte assumée"]


def test_ingest_htm_suffix_is_html(tmp_path: Path) -> None:
    assert only_article(read(write(tmp_path / "page.HTM", PAGE))).outlet == "Le Quotidien test"


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>Accueil</a> | Monde</nav><form><input></form></body></html>",
        "<html><head><title>Erreur 404</title></head><body><p>Page introuvable.</p></body></html>",
        "<html><body></body></html>",
    ],
)
def test_ingest_html_without_article_is_f005(tmp_path: Path, page: str) -> None:
    error = only_error(read(write(tmp_path / "page.html", page)))
    assert "[F005]" in error.message


# --- .jsonl / .json -------------------------------------------------------------------------------


def _jsonl_lines() -> list[str]:
    return [
        json.dumps({"id": "a1", "text": BODY, "title": "Un", "published": "2025-03-03"}),
        '{"id": "a2", "text": "Une phrase coupée',  # broken JSON
        json.dumps({"id": 7, "text": "Le Kremlin a démenti toute négociation mardi soir.",
                    "lang": "fr", "outlet": "Agence test"}),
        json.dumps({"id": "a4", "title": "Sans texte"}),
        json.dumps({"id": "a5", "text": BODY + " Encore.", "published": "hier"}),
        "",
        json.dumps(["pas", "un", "objet"]),
    ]


def test_ingest_jsonl_broken_line_keeps_the_others(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", "\n".join(_jsonl_lines()) + "\n")
    results = read(path)
    good = [r for r in results if isinstance(r, Article)]
    bad = [r for r in results if isinstance(r, InputError)]
    assert [a.source_id for a in good] == ["a1", "7"]
    assert [a.source for a in good] == [f"{path}:1", f"{path}:3"]
    assert [(e.line, e.message[:6]) for e in bad] == [
        (2, "[F006]"), (4, "[F007]"), (5, "[F007]"), (7, "[F006]"),
    ]
    assert str(bad[0]).startswith(f"{path}:2: [F006] line 2: invalid JSON: Unterminated string")
    assert "'text'" in bad[1].message and "'published'" in bad[2].message


def test_ingest_jsonl_fields_are_read(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", _jsonl_lines()[2])
    article = only_article(read(path))
    assert (article.lang, article.outlet, article.source_id) == ("fr", "Agence test", "7")


def test_ingest_json_array_of_objects(tmp_path: Path) -> None:
    items = [{"text": BODY, "id": "x"}, {"text": "Le Kremlin a démenti toute négociation mardi."}]
    results = read(write(tmp_path / "batch.json", json.dumps(items, ensure_ascii=False)))
    assert [r.source_id for r in results if isinstance(r, Article)] == ["x", None]


# --- paths ----------------------------------------------------------------------------------------


def test_ingest_directory_is_recursive_sorted_and_skips_others(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    write(tmp_path / "b.txt", BODY + " B.")
    write(tmp_path / "z.txt", BODY + " Z.")
    write(tmp_path / "a.txt", BODY + " A.")
    write(tmp_path / "sub" / "deeper" / "c.txt", BODY + " C.")
    write(tmp_path / "sub" / "notes.md", "# pas un article")
    write(tmp_path / ".secret.txt", BODY + " caché.")
    write(tmp_path / ".hidden" / "d.txt", BODY + " D.")
    results = read(tmp_path)
    assert all(isinstance(r, Article) for r in results)
    assert [Path(r.source).relative_to(tmp_path).as_posix() for r in results] == [
        "a.txt", "b.txt", "sub/deeper/c.txt", "z.txt",
    ]


def test_ingest_missing_path_is_f001_and_batch_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", BODY)
    results = read(tmp_path / "absent.txt", good)
    assert isinstance(results[0], InputError) and "[F001]" in results[0].message
    assert results[0].source == str(tmp_path / "absent.txt")
    assert isinstance(results[1], Article)


def test_ingest_explicit_unknown_suffix_is_f009(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "notes.md", BODY)))
    assert "[F009]" in error.message and "'.md'" in error.message


def test_ingest_empty_file_is_f002(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "empty.txt", b"")))
    assert "[F002]" in error.message and error.source == str(tmp_path / "empty.txt")


def test_ingest_file_over_size_limit_is_f008(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", BODY * 20)
    error = only_error(read(path, max_bytes=1000))
    assert "[F008]" in error.message and "0.001 MB limit" in error.message
    assert only_article(read(path, max_bytes=100_000)).text.startswith("KIEV")


def test_ingest_size_is_checked_before_reading(tmp_path: Path, monkeypatch) -> None:
    # a sparse 50 MB file costs no disk; reading it is what the size check must prevent
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)

    def refuse(path: Path) -> bytes:
        raise AssertionError(f"{path} was read despite its size")

    monkeypatch.setattr(readers_module, "_read_bytes", refuse)
    error = only_error(read(path))
    assert "[F008]" in error.message and "50.0 MB" in error.message


# --- stdin ----------------------------------------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_ingest_stdin_text_article(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin((HEADER + BODY).encode()))
    article = only_article(read("-"))
    assert (article.title, article.text, article.source) == (
        "Kiev veut relancer le lithium", BODY, "<stdin>",
    )


def test_ingest_stdin_json_lines(monkeypatch) -> None:
    lines = _jsonl_lines()[:3]
    monkeypatch.setattr(sys, "stdin", _Stdin("\n".join(lines).encode()))
    results = read("-")
    assert [type(r).__name__ for r in results] == ["Article", "InputError", "Article"]
    assert results[1].source == "<stdin>" and results[1].line == 2


def test_ingest_stdin_empty_is_f002(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"  \n"))
    assert "[F002]" in only_error(read("-")).message


def test_ingest_stdin_over_size_limit_is_f008(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(BODY.encode() * 10))
    assert "[F008]" in only_error(read("-", max_bytes=500)).message


def test_ingest_stdin_without_bytes_is_an_error_not_a_crash(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    error = only_error(read("-"))
    assert "[F004]" in error.message and error.source == "<stdin>"


def test_ingest_txt_front_matter_header(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "a.txt", "---\n" + HEADER + BODY)))
    assert (article.title, article.text) == ("Kiev veut relancer le lithium", BODY)


def test_ingest_txt_rule_line_in_prose_is_not_a_header(tmp_path: Path) -> None:
    text = BODY + "\n\n---\n\nLe Kremlin a démenti mardi."
    article = only_article(read(write(tmp_path / "a.txt", text)))
    assert article.text == text and article.title is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_ingest_jsonl_round_trips_any_text(tmp_path: Path, text: str) -> None:
    # ensure_ascii=False writes U+2028, U+0085 and friends raw: only "\n" may split lines
    path = write(tmp_path / "one.jsonl", json.dumps({"text": text}, ensure_ascii=False))
    [result] = read(path)
    if normalize_text(text):
        assert isinstance(result, Article)
        assert result.text == normalize_text(text)
        assert all(0 <= s["start"] < s["end"] <= len(result.text) for s in result.boilerplate)
    else:
        assert isinstance(result, InputError) and "[F011]" in result.message
