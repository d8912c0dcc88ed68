"""An article's text as HTML with filon's spans marked, every character of the text escaped.

Spans of different layers may cross (a quote running past the end of an evidence sentence);
HTML elements may not, so a span still open when an enclosing one closes is closed with it and
reopened right after, as a continuation without the anchor id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

# outer layers first when two spans start together with the same length
RANK = {"boilerplate": 0, "evidence": 1, "quote": 2, "speaker": 3, "entity": 4, "date": 5}
_CLASS = re.compile(r"[^a-z0-9_-]+")


def css_token(value: object) -> str:
    """A value reduced to a safe CSS class fragment."""
    return _CLASS.sub("-", str(value).lower()).strip("-") or "none"


def url_id(value: str) -> str:
    """An id as a path segment (ids hold ':' and '+', kept readable; '/' and the rest quoted)."""
    return quote(value, safe=":+")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    layer: str
    tag: str = "span"
    attrs: dict[str, str] = field(default_factory=dict)


def _open(span: Span, continued: bool) -> str:
    attrs = dict(span.attrs)
    if continued:
        attrs.pop("id", None)
    parts = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
    return f"<{span.tag}{parts}>"


def render(text: str, spans: list[Span]) -> Markup:
    """`text` escaped, with each span wrapped in its element; crossing spans are split."""
    spans = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)),
                   key=lambda s: (s.start, -s.end, RANK.get(s.layer, 9)))
    out: list[str] = []
    stack: list[Span] = []
    pos, i = 0, 0
    while i < len(spans) or stack:
        next_open = spans[i].start if i < len(spans) else len(text) + 1
        next_close = min(s.end for s in stack) if stack else len(text) + 1
        at = min(next_open, next_close)
        out.append(str(escape(text[pos:at])))
        pos = at
        if next_close <= next_open:
            reopen: list[Span] = []
            while any(s.end == at for s in stack):
                top = stack.pop()
                out.append(f"</{top.tag}>")
                if top.end != at:
                    reopen.append(top)
            for span in reversed(reopen):
                out.append(_open(span, continued=True))
                stack.append(span)
        else:
            out.append(_open(spans[i], continued=False))
            stack.append(spans[i])
            i += 1
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def document_spans(doc: dict) -> list[Span]:
    """The spans of a `document_queries.document` result, each saying what filon concluded."""
    spans: list[Span] = []
    for b in doc["boilerplate"]:
        spans.append(Span(b["start"], b["end"], "boilerplate", attrs={
            "class": "hl hl-boilerplate", "data-layer": "boilerplate",
            "title": f"boilerplate ({b.get('kind')}): no entity or quote is read here"}))
    for ev in doc["evidence"]:
        if ev["start"] is None or ev["end"] is None:
            continue
        said = f" · claimed by {ev['claimed_by_name']}" if ev["claimed_by_name"] else ""
        parties = " & ".join(ev["parties"] or []) or "no party found"
        agreement = f" · agreement: {ev['agreement'] or ev['agreement_id']}" if ev["agreement_id"] else ""
        why = "negated" if ev["negated"] else (ev["modality"] or "n/a")
        status = ev["status"] or f"none ({why})"
        spans.append(Span(ev["start"], ev["end"], "evidence", "mark", {
            "id": f"ev-{ev['idx']}", "data-layer": "evidence",
            "class": f"hl hl-evidence status-{css_token(ev['status'])}",
            "title": f"evidence of event #{ev['idx']}: {ev['type']} · status {status} · "
                     f"date {ev['date'] or 'unknown'} · parties {parties}{said}{agreement}"}))
    for q in doc["quotes"]:
        if q["start"] is None or q["end"] is None:
            continue
        who = q["speaker_name"] or q["speaker_text"] or "no speaker found"
        spans.append(Span(q["start"], q["end"], "quote", attrs={
            "id": f"q-{q['idx']}", "data-layer": "quote",
            "class": f"hl hl-quote kind-{css_token(q['kind'])}",
            "title": f"{q['kind']} quote #{q['idx']} · speaker: {who}"
                     + (f" · cue: {q['cue']}" if q["cue"] else "")}))
    for sp in doc["speakers"]:
        spans.append(Span(sp["start"], sp["end"], "speaker", attrs={
            "class": "hl hl-speaker", "data-layer": "speaker",
            "title": f"speaker of quote #{sp['quote_idx']}: {sp['name'] or sp['text']}"}))
    for m in doc["entities"]:
        title = f"{m['label']} · {m['name'] or 'no identity'}"
        title += f" ({m['entity_id']})" if m["entity_id"] else ""
        if m["refers_to_name"]:
            title += f" · acting for {m['refers_to_name']}"
        title += f" · {m['kind']}" if m["kind"] else ""
        attrs = {"id": f"m-{m['idx']}", "class": f"hl hl-ent label-{css_token(m['label'])}",
                 "data-layer": "entity", "title": title}
        if m["entity_id"]:
            attrs["href"] = f"/actors/{url_id(m['entity_id'])}"
        spans.append(Span(m["start"], m["end"], "entity", "a" if m["entity_id"] else "span", attrs))
    for d in doc["dates"]:
        attrs = {"class": "hl hl-date", "data-layer": "date",
                 "title": f"date: {d['value'] or 'vague, no value'} ({d['granularity'] or 'n/a'})"}
        if d["value"]:
            attrs["datetime"] = d["value"]
        spans.append(Span(d["start"], d["end"], "date", "time", attrs))
    return spans
