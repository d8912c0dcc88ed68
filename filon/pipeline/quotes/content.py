"""What a reporting cue reports: the content after it, where its clause ends, which
complement frame it fills.

`content_after` skips circumstances ("lundi", "devant la presse", "le même jour") to the
reported content, `clause_end` stops it before another speech act or a contrast, and `frames`
says which frame of the cue lexicon the content realises (que-clause, infinitive, noun phrase,
"de/à + …", attribute, "comme …"). Functions over the document's `DocContext`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from filon.domains.folding import fold
from filon.ingest.dateline import DATELINE
from filon.pipeline.quotes.context import DocContext
from filon.pipeline.quotes.cues import FINAL_PUNCT, MONTHS, QUOTE_CHARS, skip_adjunct

# prepositions that open a circumstance or an addressee between a cue and its content
PP_STARTS = frozenset(
    {"lors", "devant", "pendant", "durant", "depuis", "dans", "sur", "en", "apres", "avant", "a", "au", "aux",
     "chez", "par", "aupres", "face"}
)  # fmt: skip
TEMPORAL_MODIFIERS = frozenset({"meme", "dernier", "derniere", "prochain", "prochaine", "-la"})
TEMPORAL_NOUNS = frozenset(
    {"jour", "lendemain", "veille", "semaine", "mois", "annee", "an", "matin", "soir", "week-end", "jour-la"}
)
# objects that make a cue a statement only when they name something said or proposed: frame
# `claim_obj` ("rejeter les accusations", not "rejeter le projet de loi") and `plan_obj`
# ("présenter un plan", not "présenter ses excuses") of the lexicon
CLAIM_OBJECTS = frozenset(
    {"accusation", "critique", "allegation", "affirmation", "reproche", "rumeur", "information", "idee",
     "hypothese", "these", "argument", "propos", "soupcon", "insinuation", "accusations", "critiques",
     "allegations", "affirmations", "reproches", "rumeurs", "informations", "soupcons"}
)  # fmt: skip
PLAN_OBJECTS = frozenset(
    {"plan", "strategie", "feuille", "programme", "mesure", "reforme", "initiative", "offre", "proposition",
     "vision", "priorite", "piste", "solution", "paquet", "scenario", "calendrier", "projet", "budget",
     "mesures", "propositions", "pistes", "priorites", "solutions", "orientations", "objectifs"}
)  # fmt: skip
NOT_ADVERBS = frozenset({"ne", "n'", "pas", "que", "qu'"})  # negation and que tagged ADV


def content_after(ctx: DocContext, j: int, sent_end: int) -> tuple[int, int] | None:
    """Token range of the reported content starting at or after `j`, skipping adjuncts."""
    tb = ctx.table
    texts = tb.text
    while j < sent_end:
        low = tb.low[j]
        skipped = skip_adjunct(tb.low, j, sent_end)
        if skipped > j:
            j = skipped
            continue
        if tb.space[j] or tb.digit[j] or (tb.pos[j] == "ADV" and low not in NOT_ADVERBS):
            j += 1
            continue
        if texts[j] == "," or texts[j] in ("(", "—", "–"):
            # an incidental phrase between commas ("lundi, lors d'une rencontre, un accord")
            k = j + 1
            while k < sent_end and texts[k] not in (",", ")", "—", "–") and texts[k] not in FINAL_PUNCT:
                k += 1
            if k < sent_end and tb.text[k] in (",", ")", "—", "–") and k - j <= 12:
                j = k + 1
                continue
            return None
        if low in MONTHS:
            j += 1
            continue
        if low in ("le", "la", "l'", "ce", "cette", "cet") and j + 1 < sent_end:
            k = j + 1
            while k < min(sent_end, j + 4) and tb.low[k] in TEMPORAL_MODIFIERS:
                k += 1
            if k < sent_end and tb.low[k] in TEMPORAL_NOUNS:
                k += 1
                while k < sent_end and tb.low[k] in TEMPORAL_MODIFIERS:
                    k += 1
                j = k  # "le même jour", "la semaine dernière", "ce jour-là"
                continue
        if (
            low in ("en", "depuis", "des", "debut", "fin", "mi")
            and j + 1 < sent_end
            and (tb.digit[j + 1] or tb.low[j + 1] in MONTHS)
        ):
            j += 2  # "en 2023", "début mars"
            continue
        if low in PP_STARTS or (low == "dans" and temporal_pp(ctx, j)):
            # a circumstance or an addressee before the content: "devant la presse que …",
            # "à l'AFP que …", "lors d'un entretien, …"
            k = j + 1
            while k < sent_end and tb.text[k] != "," and tb.text[k] not in FINAL_PUNCT:
                if tb.low[k] in ("que", "qu'") or tb.pos[k] in ("VERB", "AUX"):
                    break
                k += 1
            stop = k < sent_end and (tb.text[k] == "," or tb.low[k] in ("que", "qu'"))
            bare_inf = (
                k < sent_end
                and tb.pos[k] in ("VERB", "AUX")
                and "Inf" in ctx.table.feats(k, "VerbForm")
                and tb.low[k - 1] not in ("de", "d'", "a", "pour", "sans")
            )
            if (stop or bare_inf) and k - j <= 10:
                j = k  # "a affirmé sur Fox News vouloir …", "a estimé devant la presse que …"
                continue
            if low in ("lors", "pendant", "durant"):
                j = k
                continue
        break
    end = clause_end(ctx, j, sent_end)
    while end > j and (
        (tb.punct[end - 1] and tb.text[end - 1] not in QUOTE_CHARS | {")"}) or tb.space[end - 1]
    ):
        end -= 1
    if end <= j:
        return None
    return j, end


OPENING_MARKS = ("«", "“", "„", "‹")
CLOSING_MARKS = ("»", "”", "›")
CONTRASTS = frozenset(
    {("alors", "que"), ("avant", "de"), ("avant", "d'"), ("apres", "avoir"), ("tout", "en")}
)


def clause_end(ctx: DocContext, j: int, sent_end: int) -> int:
    """Where a reported clause starting at `j` stops: before a semicolon, or before a comma
    that opens another speech act or a contrast (", jugeant que", ", avant de qualifier",
    ", tout en insistant", ", mais", ", tandis que")."""
    # The stops of the whole document are found once (`ClauseIndex.stops`), so that a sentence
    # of many cues costs no scan per cue; the two places where a stop depends on `j` and
    # `sent_end` are checked again, and a quotation on the way falls back to the scan.
    index = clause_index(ctx)
    stops = index.stops(ctx)
    k = bisect_left(stops, j)
    while k < len(stops) and stops[k] + 1 < sent_end:
        stop = stops[k]
        marks = index.quote_marks(ctx)
        if bisect_right(marks, stop) > bisect_left(marks, j):
            return _scan_clause_end(ctx, j, sent_end)
        if (stop > j and stop + 2 < sent_end) or _stops_at(ctx, j, stop, sent_end):
            return stop
        k += 1
    return sent_end  # no stop: quotation marks cannot make one


def _scan_clause_end(ctx: DocContext, j: int, sent_end: int) -> int:
    """`clause_end` by a scan of the tokens, keeping count of the quotation marks it opens."""
    texts = ctx.table.text
    depth = 0
    for k in range(j, sent_end):
        text = texts[k]
        if text in OPENING_MARKS:
            depth += 1
        elif text in CLOSING_MARKS:
            depth = max(0, depth - 1)
        if depth or k + 1 >= sent_end:
            continue
        if _stops_at(ctx, j, k, sent_end):
            return k
    return sent_end


def _stops_at(ctx: DocContext, j: int, k: int, sent_end: int) -> bool:
    """True when a clause starting at `j` stops before token `k` (outside quotation marks,
    `k + 1 < sent_end`)."""
    t = ctx.table
    texts, lows, pos = t.text, t.low, t.pos
    text = texts[k]
    if text == ";":
        return True
    if lows[k] in ("et", "mais") and k > j and _speech_act_at(ctx, k + 1, sent_end):
        # "a reproché à X de … et jugé « … »", "a déclaré que …, et a ajouté :", "mais a averti
        # que …": a second speech act, its own statement
        return True
    if text != ",":
        return False
    low = lows[k + 1]
    if low in ("et", "mais") and _speech_act_at(ctx, k + 2, sent_end):
        return True
    two = lows[k + 2] if k + 2 < sent_end else ""
    if low in ("mais", "tandis") or (low, two) in CONTRASTS:
        return True
    if low == "selon" or (low, two) == ("d'", "apres"):
        # "… a déclaré que l'accord serait prolongé, selon l'agence X": another source; not
        # "que l'accord, selon lui, serait prolongé", where the clause goes on
        comma = next((m for m in range(k + 2, sent_end) if texts[m] == ","), None)
        return comma is None or not any(pos[m] in ("VERB", "AUX") for m in range(comma + 1, sent_end))
    gerund = pos[k + 1] in ("VERB", "AUX") and low.endswith("ant")
    if gerund and ctx.scanner.is_cue_at(k + 1):
        return True
    return low == "en" and two.endswith("ant")


def _speech_act_at(ctx: DocContext, k: int, sent_end: int) -> bool:
    """A speech verb at token `k`, after its auxiliary and adverbs at most ("a ajouté", "a
    aussi souligné", "a toutefois averti")."""
    pos = ctx.table.pos
    limit = min(sent_end - 1, k + 4)
    while k < limit and (pos[k] == "ADV" or (pos[k] == "AUX" and pos[k + 1] in ("VERB", "ADV"))):
        k += 1
    return k < sent_end and speech_verb(ctx, ctx.doc[k])


class ClauseIndex:
    """Per-document look-ups of clause bounds, each built on first use in one pass over the
    tokens: where the lookups used to scan a sentence per reporting cue, a sentence of
    thousands of cues ("selon X, selon Y, …") made the quote component quadratic."""

    def __init__(self) -> None:
        self._stops: list[int] | None = None
        self._marks: list[int] | None = None
        self._cuts: list[int] | None = None
        self._next_verb: list[int] | None = None

    def stops(self, ctx: DocContext) -> list[int]:
        """Tokens where `clause_end` may stop, for a clause starting before them and a
        sentence going on two tokens past them, quotation marks aside."""
        if self._stops is None:
            n = ctx.table.n
            self._stops = [k for k in range(n - 1) if _stops_at(ctx, -1, k, n)]
        return self._stops

    def quote_marks(self, ctx: DocContext) -> list[int]:
        """Tokens that open or close a quotation for `clause_end`."""
        if self._marks is None:
            self._marks = [k for k, text in enumerate(ctx.table.text)
                           if text in OPENING_MARKS or text in CLOSING_MARKS]
        return self._marks

    def cuts(self, ctx: DocContext) -> list[int]:
        """Tokens after which `clause_start` starts a clause."""
        if self._cuts is None:
            tb = ctx.table
            texts = tb.text
            self._cuts = [
                k for k in range(tb.n - 1)
                if texts[k] in (";", ":") or (
                    texts[k] in (".", "!", "?", "…", "»", "”") and texts[k + 1][:1].isupper()
                    and not ctx.in_quote(tb.idx[k + 1]))
            ]  # fmt: skip
        return self._cuts

    def next_verb(self, ctx: DocContext) -> list[int]:
        """For each token, the first verb or auxiliary at or after it (n when none)."""
        if self._next_verb is None:
            pos = ctx.table.pos
            found = [len(pos)] * (len(pos) + 1)
            for k in range(len(pos) - 1, -1, -1):
                found[k] = k if pos[k] in ("VERB", "AUX") else found[k + 1]
            self._next_verb = found
        return self._next_verb


def clause_index(ctx: DocContext) -> ClauseIndex:
    """The document's `ClauseIndex`."""
    if ctx.clauses is None:
        ctx.clauses = ClauseIndex()
    return ctx.clauses


def speech_verb(ctx: DocContext, tok: Token) -> bool:
    """A finite verb or past participle that is a reporting cue."""
    forms = ctx.table.feats(tok.i, "VerbForm")
    if tok.pos_ not in ("VERB", "AUX") or not ("Part" in forms or "Fin" in forms):
        return False
    return ctx.scanner.is_cue_at(tok.i)


def temporal_pp(ctx: DocContext, j: int) -> bool:
    """"dans le même temps", "dans la foulée", "dans le cadre": a circumstance, not content."""
    return j + 2 < len(ctx.doc) and ctx.table.low[j + 2] in ("temps", "foulee", "cadre")


def content_frames(ctx: DocContext, j: int, end: int) -> set[str]:
    """Which complement frame the content starting at token `j` realises."""
    doc = ctx.doc
    tb = ctx.table
    tok = doc[j]
    low = fold(tok.text)
    frames: set[str] = set()
    if low in ("que", "qu'", "that"):
        return {"que"}
    if low in ("d", "qu") and j + 1 < end and tb.text[j + 1] in ("'", "’"):
        # "d'« une avancée »": the tokenizer splits the elided article before a quote mark
        return {"de", "obj", "quoted"} if low == "d" else {"que"}
    if low == "comme":
        return {"comme"}  # "que Kiev considère comme un premier pas"
    if low in ("de", "d'", "à", "pour", "a", "au", "aux", "to"):
        # "de/à/pour + infinitive" or "au gouvernement de + infinitive"
        for k in range(j + 1, min(end, j + 8)):
            if tb.pos[k] in ("VERB", "AUX") and "Inf" in ctx.table.feats(k, "VerbForm"):
                mark = (
                    tb.low[k - 1]
                    if tb.low[k - 1] not in ("ne", "pas", "se", "s'")
                    else low
                )
                frames.add({"d'": "de", "a": "à", "au": "de", "aux": "de", "to": "inf"}.get(mark, mark))
                break
        if low == "pour":
            frames.add("pour")
        if low in ("a", "au", "aux"):
            frames.update({"obj", "à"} if not frames else {"obj"})
        if low in ("de", "d'"):
            # "de nouvelles restrictions" (partitive article) is a noun phrase; "de la
            # dépendance" after "s'inquiéter" is the prepositional complement
            nxt = doc[j + 1] if j + 1 < end else None
            partitive = tok.pos_ == "DET" or (nxt is not None and nxt.pos_ in ("ADJ", "NOUN"))
            frames.update({"obj", "de"} if partitive else {"de"})
        if any(tb.text[k] in QUOTE_CHARS for k in range(j, min(end, j + 3))):
            frames.add("quoted")
        return frames
    if tok.pos_ in ("VERB", "AUX") and "Inf" in ctx.table.feats(tok.i, "VerbForm"):
        return {"inf"}
    if tok.pos_ == "VERB" and "Part" in ctx.table.feats(tok.i, "VerbForm"):
        return {"attr"}  # "s'est dit disposé à …"
    if tok.pos_ == "ADJ" and low not in ("premier", "premiere", "nouveau", "nouvelle"):
        return {"attr"}
    if any(tb.text[k] in QUOTE_CHARS for k in range(j, min(end, j + 3))):
        # "dit « non »", "parle d'une « guerre des métaux »": the complement is quoted words
        frames.add("quoted")
    if tok.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON", "ADP") or tok.text in QUOTE_CHARS:
        frames.add("obj")
        if any(tb.low[k] == "comme" for k in range(j + 1, min(end, j + 10))):
            frames.add("comme")  # "présente le fonds comme un moyen de …"
        for k in range(j + 1, min(end, j + 14)):
            if tb.pos[k] in ("VERB", "AUX") and "Inf" in ctx.table.feats(k, "VerbForm"):
                mark = tb.low[k - 1]
                if mark in ("de", "d'", "a"):
                    frames.add("de" if mark != "a" else "à")
                break
            if tb.text[k] == ",":
                break
    return frames


def object_kinds(ctx: DocContext, c0: int, c1: int) -> set[str]:
    """`claim_obj` / `plan_obj` when the noun phrase at [c0, c1) is headed by a word for a
    claim ("les accusations") or a proposal ("un plan"), which makes "rejeter" or "présenter"
    a statement ("rejeter le projet de loi" is a vote)."""
    head = next((t for t in ctx.doc[c0 : min(c1, c0 + 5)] if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None:
        return set()
    words = {fold(head.lemma_), fold(head.text)}
    return {"claim_obj"} if words & CLAIM_OBJECTS else ({"plan_obj"} if words & PLAN_OBJECTS else set())


def clause_start(ctx: DocContext, lo: int, hi: int) -> int:
    """Where the clause a trailing "selon X" reports starts: after the last sentence end the
    parser missed ('… doublé. Le stock …', '… » Le stock …'), a semicolon or a colon."""
    # the last cut in [lo, hi - 2], from the document's cuts found once
    cuts = clause_index(ctx).cuts(ctx)
    k = bisect_right(cuts, hi - 2) - 1
    return cuts[k] + 1 if k >= 0 and cuts[k] >= lo else lo


def past_dateline(ctx: DocContext, c0: int) -> int:
    """`c0`, or the first token after the wire dateline when a clause would open on it
    ("BAMAKO, 3 mars (AMAP) - Le Mali a signé …, a déclaré X": the content starts at "Le")."""
    header = DATELINE.match(ctx.text)
    if header is None or ctx.table.idx[c0] >= header.end(1):
        return c0
    k = c0
    while k < ctx.table.n and ctx.table.idx[k] < header.end(1):
        k += 1
    return k
