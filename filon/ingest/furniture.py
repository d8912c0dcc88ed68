"""Find what in an article's text is not its prose: captions, credits, subheadings, bylines.

The spans stay in the stored text (offsets must not move) but are marked, so that the pipeline
yields no entities or quotes from them. Every rule is deliberately conservative: a paragraph is
marked only on a strong typographic signal (a photo credit, a "Par NAME (AFP)" line, a short
title-like line standing alone between two paragraphs). A normal short sentence is never marked.

Kinds:

| kind         | what                                                                 |
|--------------|----------------------------------------------------------------------|
| `caption`    | the text of a photo caption, up to (not including) its credit        |
| `credit`     | a photo credit: "( POOL / NAME )", "(AFP / NAME)", "(Photo: …)", "© Reuters", |
|              | "NAME / POOL / AFP" or "Crédit : Reuters" after the caption, "- AFP", "Reuters" alone |
| `subheading` | a short title-like paragraph with no final punctuation between two paragraphs |
| `byline`     | "Par NAME (AFP)", "Rédigé par …", a "(Reportage …, version française …)" footer |
| `related`    | "Lire aussi : …" lines                                               |
| `signoff`    | an agency sign-off code line such as "bur-ab/cjc"                    |

Spans never overlap and come in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["find_boilerplate"]

# Upper-case letters of the Latin-1 range; `re` has no \p{Lu}.
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_NAME_TOKEN = rf"[{_UP}][{_UP}{_LOW}'’.\-]*"
_PARTICLE = r"(?:de|du|des|van|von|der|den|la|le|di|da|dos|el|al|bin|ben|d'|d’)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s*)?{_NAME_TOKEN}){{0,4}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\bet\b|\band\b|&)\s*{_NAME}){{0,4}}"

# Photo agencies and wire services seen in credits. Used only to tell a "/" credit from a
# "(Donetsk/Louhansk)" aside: credits are "AGENCY / NAME" or "NAME / AGENCY".
_AGENCIES = (
    "afp|reuters|ap|epa|pool|getty|getty images|sputnik|tass|xinhua|anp|dpa|ansa|belga|"
    "anadolu|bloomberg|archives|archive|maxppp|hans lucas|abaca|sipa|pa|efe|ukrinform|unian|"
    "kremlin|présidence ukrainienne|ukrainian presidential press service|handout|via reuters|"
    "afp photo|ria novosti|kyodo|yonhap|nurphoto|imago|shutterstock|istock|ddp|picture alliance"
)

_AGENCY = re.compile(rf"^(?:{_AGENCIES})$", re.IGNORECASE)
_VIA_AGENCY = re.compile(rf"\bvia\s+(?:{_AGENCIES})$", re.IGNORECASE)
_PHOTO_WORDS = ("photo", "crédit", "credit", "illustration", "image", "vidéo", "archive")

# A parenthesised credit closing a line: "( POOL / MIKHAIL METZEL )", "(AFP/Archives)",
# "(Photo: Jean Dupont)", "(Crédit photo : X)", "(Photo AFP)", "(Sputnik via AFP)".
_CREDIT_PAREN = re.compile(
    r"\(\s*(?P<body>"
    r"(?:photos?|crédits?(?:\s+photos?)?|credits?|illustration|image|vidéo|archives?)\b[^()\n]{0,80}"
    r"|[^()\n/]{1,60}(?:/[^()\n/]{1,60}){1,3}"
    r"|[^()\n/]{1,60}\bvia\s+[^()\n/]{1,30}"
    r")\s*\)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A bare credit after the caption's last sentence, as web pages print AFP pictures:
# "… le 24 février 2025. GAVRIIL GRIGOROV / POOL / AFP". Only accepted with an agency part.
_CREDIT_BARE = re.compile(r"(?<=[.!?…»])\s+(?P<body>[^\n.()/]{2,60}(?:/[^\n.()/]{2,40}){1,3})$")
# "… à Moscou. Crédit : Reuters": a labelled credit after the caption's last sentence.
_CREDIT_LABEL = re.compile(
    r"(?<=[.!?…»])\s+(?P<body>(?:crédits?(?:\s+photos?)?|credits?|photos?)\s*:\s*[^\n:]{1,60})$",
    re.IGNORECASE,
)
# "… à Kiev, le 3 mars 2025 - AFP": a dash and an agency closing a short line.
_CREDIT_DASH = re.compile(
    rf"\s(?P<credit>[-–—]\s*(?:photo\s*:?\s*)?(?:{_AGENCIES})(?:\s*/\s*[^\n/]{{1,40}})?)$",
    re.IGNORECASE,
)
# "© Reuters", "©AFP / Archives", "Photo © Jean Dupont" up to the end of the line.
_CREDIT_COPYRIGHT = re.compile(
    r"(?:(?:photos?|crédits?(?:\s+photos?)?)\s*:?\s*)?©\s*[^\n©]{1,80}$",
    re.IGNORECASE | re.MULTILINE,
)
# A whole line that is a credit: "Photo : Jean Dupont / AFP", "Crédit photo : Reuters".
_CREDIT_LINE = re.compile(
    r"^(?:photos?|crédits?(?:\s+photos?)?|credits?|illustration)\s*:\s*[^\n]{1,80}$",
    re.IGNORECASE,
)
_BYLINE_PAR = re.compile(
    rf"^(?:[Pp]ar|PAR|[Bb]y)\s+{_NAMES}"
    rf"(?:\s*\([^()\n]{{1,40}}\)|\s*,?\s+(?:à|avec|in|with)\s+[^\n]{{1,40}})?\.?$"
)
# "Rédigé par X, édité par Y" (Reuters), on a line of its own.
_BYLINE_EDITED = re.compile(
    r"^(?:(?:rédigé|écrit|édité|edité|traduit|adapté)\s+par|version française|"
    r"avec la contribution de)\b[^\n]{1,200}$",
    re.IGNORECASE,
)
# "(Reportage X; rédigé par Y, version française Z)": a whole paragraph in brackets. Without the
# brackets "Reportage …" or "Rédaction …" may open a sentence, so they are required here.
_BYLINE_FOOTER = re.compile(
    r"^\(\s*(?:reportage|rédigé|écrit|édité|edité|version française|avec|traduction|"
    r"rédaction|correspondance|bureau)\b[^\n]{1,300}\)$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:[»>•\-–—*]\s*)?(?:(?:à|a)\s+)?(?:lire|voir|écouter|regarder)\s+(?:"
    r"(?:aussi|également|notre|nos|la suite|le direct)\b[^\n]{0,300}"
    # "Lire le décryptage : …", "Voir la vidéo | …": a short label, then a colon or a bar
    r"|(?:le|la|les|l'|l’|notre|nos|un|une)\s*[^\n:|.]{1,40}\s[:|][^\n]{0,300}"
    r")$",
    re.IGNORECASE,
)
# "Le Monde avec AFP", "Par Le Figaro avec Reuters": the outlet's byline on a wire story.
_BYLINE_WITH_AGENCY = re.compile(
    rf"^(?:[Pp]ar\s+)?[{_UP}][^\n]{{1,40}}\s+avec\s+(?:l'|l’)?(?:{_AGENCIES}|agences?)$",
    re.IGNORECASE,
)
# AFP sign-off: staff codes in lower case separated by "/" (and "-"), alone on the last lines.
_SIGNOFF = re.compile(r"^[a-z]{2,6}(?:-[a-z]{2,6})*(?:/[a-z]{2,6}(?:-[a-z]{2,6})*)+$")

# A title-like line ends on a word or a number (after any closing quote); one that ends on
# a function word is a broken-off sentence, not a subheading.
_DANGLING = frozenset(
    {
        "de", "du", "des", "d", "le", "la", "les", "l", "un", "une", "et", "ou", "à", "au",
        "aux", "en", "pour", "par", "sur", "dans", "que", "qui", "dont", "avec", "sans",
        "mais", "car", "ni", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "a",
        "est", "ont", "sont",
    }
)

# "… 2025. NAME / AFP" or "Il a signé. Puis" is two sentences, not a title ("M. Trump" is fine)
_INNER_SENTENCE_END = re.compile(r"\w{2,}[.!?…]\s")
# "Le ministre a parlé avec Pékin": a sentence in the passé composé that lost its period; titles
# are written in the present or without a verb
_COMPOUND_PAST = re.compile(
    r"\b(?:a|ont|avait|avaient|est|sont|était|étaient|aurait|auraient)\s+"
    r"(?:(?:déjà|aussi|pas|bien|encore|toujours)\s+)?[a-zà-ÿ]{2,}(?:é|ée|és|ées|i|is|ie|it|u|us|ue)\b"
)
_QUOTE_CLOSERS = "»”\"’'"
_SUBHEADING_MAX_WORDS = 10
_SUBHEADING_MAX_CHARS = 80
# A caption is a paragraph-sized unit; past this length a "credit" ends real prose, and only the
# credit itself is marked.
_CAPTION_MAX_CHARS = 600


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


def find_boilerplate(text: str) -> list[dict]:
    """Mark captions, credits, subheadings, bylines and "Lire aussi" lines in an article text.

    Args:
        text: the article text, normalized with `filon.ingest.article.normalize_text` (paragraphs
            separated by a blank line). Other text works too; offsets always index `text`.

    Returns:
        Spans ``{"start": int, "end": int, "kind": str}``, sorted, non-overlapping, each slicing
        `text` to a non-empty string without surrounding whitespace.
    """
    lines = _lines(text)
    blocks = _blocks(text, lines)
    spans: list[tuple[int, int, str]] = []
    for index, block in enumerate(blocks):
        found = [span for line in block for span in _line_spans(line, block)]
        if not found and _is_subheading(block, index, blocks):
            found.append((block[0].start, block[0].end, "subheading"))
        spans.extend(found)
    return [
        {"start": start, "end": end, "kind": kind}
        for start, end, kind in sorted(_drop_overlaps(spans))
    ]


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with the offsets of their stripped content."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        out.append(_Line(start, start + len(stripped), stripped))
    return out


def _blocks(text: str, lines: list[_Line]) -> list[list[_Line]]:
    """Group lines into paragraphs: consecutive lines with no blank line between them."""
    blocks: list[list[_Line]] = []
    for line in lines:
        if blocks and text.count("\n", blocks[-1][-1].end, line.start) < 2:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _line_spans(line: _Line, block: list[_Line]) -> list[tuple[int, int, str]]:
    """Spans found inside one line: credits and their captions, bylines, related links."""
    text = line.text
    if _SIGNOFF.match(text):
        return [(line.start, line.end, "signoff")]
    if _RELATED.match(text):
        return [(line.start, line.end, "related")]
    if _CREDIT_LINE.match(text) or _AGENCY.match(text.strip("()[] ")):
        return [(line.start, line.end, "credit")]
    if len(text) <= 120 and (_BYLINE_PAR.match(text) or _BYLINE_WITH_AGENCY.match(text)):
        return [(line.start, line.end, "byline")]
    if len(block) == 1 and (_BYLINE_EDITED.match(text) or _BYLINE_FOOTER.match(text)):
        return [(line.start, line.end, "byline")]
    credit = _credit(text)
    if credit is None:
        return []
    cstart, cend = credit
    spans = [(line.start + cstart, line.start + cend, "credit")]
    caption = text[:cstart].rstrip()
    if caption:
        # A caption is the whole paragraph when the credit closes it, else the line.
        first = block[0] if line is block[-1] else line
        start = first.start
        end = line.start + len(caption)
        if end - start <= _CAPTION_MAX_CHARS:
            spans.append((start, end, "caption"))
    return spans


def _credit(text: str) -> tuple[int, int] | None:
    """Offsets of a credit closing `text` (one line), or None."""
    match = _CREDIT_PAREN.search(text)
    if match and _looks_like_credit(match.group("body")):
        return match.start(), match.end()
    match = _CREDIT_COPYRIGHT.search(text)
    if match and len(match.group().split()) <= 10:
        return match.start(), len(text)
    match = _CREDIT_BARE.search(text)
    if match and _looks_like_credit(match.group("body"), need_agency=True):
        return match.start("body"), len(text)
    match = _CREDIT_LABEL.search(text)
    if match and len(match.group("body").split()) <= 8:
        return match.start("body"), len(text)
    match = _CREDIT_DASH.search(text)
    if match and len(text) <= _CAPTION_MAX_CHARS:
        return match.start("credit"), len(text)
    return None


def _looks_like_credit(body: str, *, need_agency: bool = False) -> bool:
    """Tell "( POOL / NAME )" or "(Photo: X)" from an aside such as "(Donetsk/Louhansk)".

    Args:
        body: the candidate credit without its brackets.
        need_agency: accept only a credit naming a known agency (for credits without brackets,
            where a photographer's name in capitals is not enough evidence).
    """
    body = body.strip()
    head = body.split(None, 1)[0].rstrip(":").lower() if body else ""
    if not need_agency and head.startswith(_PHOTO_WORDS):
        return True
    if _VIA_AGENCY.search(body):
        return True
    parts = [p.strip() for p in body.split("/")]
    if len(parts) < 2 or any(not p for p in parts) or len(body.split()) > 10:
        return False
    if any(_AGENCY.match(part) for part in parts):
        return True
    if need_agency:
        return False
    for part in parts:
        words = [w for w in re.split(r"[\s-]+", part) if w]
        # a photographer in capitals, as agencies print them: "MIKHAIL METZEL", "Ludovic MARIN"
        if any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words) and all(
            w[:1].isupper() for w in words
        ):
            return True
    return False


def _is_subheading(block: list[_Line], index: int, blocks: list[list[_Line]]) -> bool:
    """A lone short title-like line between two paragraphs."""
    if len(block) != 1 or index == 0 or index == len(blocks) - 1:
        return False
    text = block[0].text
    if len(text) > _SUBHEADING_MAX_CHARS or text[0] in "-–—•*·>":
        return False
    words = text.split()
    if not 1 <= len(words) <= _SUBHEADING_MAX_WORDS:
        return False
    first = text.lstrip("«“\"' ")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    if _INNER_SENTENCE_END.search(text) or _COMPOUND_PAST.search(text):
        return False
    inner = text.rstrip(_QUOTE_CLOSERS + " \u00a0\u202f")
    if not inner or not inner[-1].isalnum():
        return False
    last_word = re.split(r"[\s'’]+", inner)[-1].lower()
    if last_word in _DANGLING:
        return False
    # a dateline alone ("KIEV, 24 février 2025 (AFP)") or a sign-off is not a subheading
    return "(AFP)" not in text and "(Reuters)" not in text


def _drop_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the first of overlapping spans in text order (rules never produce real conflicts)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans):
        if span[1] <= span[0]:
            continue
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept
