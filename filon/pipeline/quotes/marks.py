"""Find the spans between quotation marks in French and English copy, on plain text.

Handles « » (with or without non-breaking spaces), “ ”, „ “, ‹ ›, straight " and ‘ ’ (only where
they quote: an apostrophe is a ’ followed by a letter, as in l’accord or aujourd’hui), nested
quotes, and the French convention for long quotes where each new paragraph opens with « and only
the last one closes. Works on characters only, so it is cheap and runs before any token logic.

Unclosed quotes are not guessed (textacy's rule, applied per quote rather than per article): the
opener is dropped and a coded reason is logged, and the rest of the article goes on.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

# opener -> closers it accepts. „ is closed by “ (German/Polish style) or ” (often in OCR'd copy).
PAIRS: dict[str, str] = {"«": "»", "“": "”", "„": "“”", "‹": "›", '"': '"', "‘": "’"}
_MARKS = re.compile(r"[«»“”„‹›\"‘’]")
# padding a French typesetter puts inside « »: space, NBSP, narrow NBSP, thin space
PADDING = " \t\u00a0\u202f\u2009"
_OPEN_BEFORE = set(" \t\n\u00a0\u202f\u2009([{«—–-/:;‘“„")
_CLOSE_AFTER = set(" \t\n\u00a0\u202f\u2009.,;:!?)]}…»’”-—–")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The content of one pair of quotation marks.

    `start`/`end` delimit the content without the padding spaces of « »; `open_start` and
    `close_end` include the marks. `depth` is 0 for an outermost quote; `parent` is the index (in
    the list returned by `find_quotes`) of the enclosing quote, or None.
    """

    start: int
    end: int
    open_start: int
    close_end: int
    opener: str
    depth: int = 0
    parent: int | None = None
    paragraphs: int = 1


@dataclass(slots=True)
class _Open:
    char: str
    pos: int
    paragraph: int
    depth: int


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _straight_role(text: str, i: int) -> str:
    """'open', 'close' or 'both' for a straight double quote, from the characters around it."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    can_open = prev in _OPEN_BEFORE and nxt not in " \t\n"
    can_close = prev not in " \t\n" and nxt in _CLOSE_AFTER
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "both"


def _content(text: str, open_end: int, close_start: int) -> tuple[int, int]:
    start, end = open_end, close_start
    while start < end and text[start] in PADDING:
        start += 1
    while end > start and text[end - 1] in PADDING:
        end -= 1
    return start, end


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted span of `text`, outermost and nested, in order of their opening mark.

    Args:
        text: the article text (offsets of the result index into it).

    Returns:
        QuoteSpan items sorted by `open_start`. Nested quotes come after their parent.
    """
    stack: list[_Open] = []
    found: list[tuple[_Open, int, int]] = []  # (opener, close_start, close_end)
    paragraph = 0
    line_start = True  # only padding seen since the last newline
    # the whole stack awaits after a line break until the next mark decides (nothing is pushed
    # in between): one flag, where marking each open quote made deep stacks quadratic
    awaiting = False
    mark_at = last_mark = -1  # the quotation marks before the current one
    for match in re.finditer(r"\n|" + _MARKS.pattern, text):
        ch, i = match.group(), match.start()
        if ch == "\n":
            paragraph += 1
            awaiting = True
            line_start = True
            continue
        at_line_start = line_start and not text[_line_begin(text, i) : i].strip(PADDING)
        line_start = False
        last_mark, mark_at = mark_at, i
        if awaiting and stack:
            awaiting = False
            # a new paragraph: either it continues the open quote (opens again with the same
            # mark, French convention) or the open quote was never closed and is dropped
            if at_line_start and ch == stack[-1].char:
                continue
            if _closes_next_paragraph(text, stack[-1], ch, i):
                _pop_to(stack, len(stack) - 1, found, i)
                continue
            for o in stack:
                LOGGER.debug("unclosed quote at %d (%s): dropped", o.pos, o.char)
            stack.clear()
        awaiting = False
        if ch == "’":
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if _is_letter(nxt) or not any(o.char == "‘" for o in stack):
                continue  # an apostrophe (l’accord, aujourd’hui, the countries’ views)
        if ch == "‘":
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if _is_letter(prev) or not _is_letter(nxt):
                continue  # a typographic apostrophe typed as ‘, not an opening quote
        closing = _closes(stack, ch)
        if ch == '"':
            role = _straight_role(text, i)
            if closing is not None and role in ("close", "both"):
                _pop_to(stack, closing, found, i)
                continue
            if closing is not None and stack[closing].paragraph == paragraph:
                # straight quotes cannot nest: a second opener-looking mark closes the first
                _pop_to(stack, closing, found, i)
                continue
            if role == "close":
                continue  # a stray closer
            stack.append(_Open(ch, i, paragraph, len(stack)))
            continue
        if ch in "«“" and stack and stack[-1].char == ch and _cannot_open(text, i):
            closing = len(stack) - 1  # "… dans son bureau« , a précisé": a closer typed backwards
        if closing is not None:
            _pop_to(stack, closing, found, i)
            continue
        if ch in PAIRS and ch != "’":
            stack.append(_Open(ch, i, paragraph, len(stack)))
        elif not stack and ch in "»”" and _paragraph_quote(text, i, last_mark):
            # web copy that lost the opening mark of a quote filling its paragraph up to the
            # attribution ("Nous avons un accord. »,  a annoncé X"): the paragraph break opens it
            begin = _line_begin(text, i)
            found.append((_Open("«" if ch == "»" else "“", begin - 1, paragraph, 0), i, i + 1))
        # any other closer with no opener (a stray » or ”) is ignored
    for o in stack:
        LOGGER.debug("unclosed quote at %d (%s): dropped", o.pos, o.char)
    found.sort(key=lambda f: f[0].pos)
    spans: list[QuoteSpan] = []
    open_idx: list[int] = []
    for opener, close_start, close_end in found:
        start, end = _content(text, opener.pos + 1, close_start)
        while open_idx and spans[open_idx[-1]].close_end <= opener.pos:
            open_idx.pop()
        parent = open_idx[-1] if open_idx else None
        span = QuoteSpan(
            start=start,
            end=end,
            open_start=opener.pos,
            close_end=close_end,
            opener=opener.char,
            depth=len(open_idx),
            parent=parent,
            paragraphs=text.count("\n", opener.pos, close_start) + 1,
        )
        open_idx.append(len(spans))
        spans.append(span)
    return [s for s in spans if s.end > s.start]


def _closes_next_paragraph(text: str, opener: _Open, ch: str, i: int) -> bool:
    """True when mark `ch` at `i`, the first of the paragraph right after the one `opener`
    opened in, closes it: web copy often drops the mark that should reopen a quote running
    over two paragraphs ("Il n'y a pas de plan.\n\nIl ne peut venir que de Kiev".)."""
    if ch not in PAIRS[opener.char] or (ch == '"' and _straight_role(text, i) == "open"):
        return False
    return len(_PARAGRAPH_BREAK.findall(text, opener.pos, i)) == 1


_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_ATTRIBUTION_AFTER = re.compile(r"[ \t\u00a0\u202f\u2009]*,")


def _cannot_open(text: str, i: int) -> bool:
    """True when nothing follows the mark at `i` but a comma or a full stop: no quote opens."""
    j = i + 1
    while j < len(text) and text[j] in PADDING:
        j += 1
    return j >= len(text) or text[j] in ",.;\n"


def _paragraph_quote(text: str, i: int, last_mark: int) -> bool:
    """True when the stray closer at `i` ends a quote that must have opened its paragraph: the
    paragraph starts with a capital, holds no other mark, and a comma follows the closer."""
    begin = _line_begin(text, i)
    first = text[begin:i].lstrip(PADDING)
    return (
        begin > 0
        and last_mark < begin
        and first[:1].isupper()
        and _ATTRIBUTION_AFTER.match(text, i + 1) is not None
    )


def _line_begin(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _closes(stack: list[_Open], ch: str) -> int | None:
    """Index in the stack of the innermost open quote that `ch` closes, or None."""
    for k in range(len(stack) - 1, -1, -1):
        if ch in PAIRS[stack[k].char]:
            return k
        if stack[k].char != '"' or ch == '"':
            # only a straight quote may be left open inside another pair (a typo); anything
            # else must close the innermost first
            break
    return None


def _pop_to(stack: list[_Open], k: int, found: list, i: int) -> None:
    opener = stack[k]
    for dropped in stack[k + 1 :]:
        LOGGER.debug("unclosed quote at %d (%s) inside another: dropped", dropped.pos, dropped.char)
    del stack[k:]
    found.append((opener, i, i + 1))
