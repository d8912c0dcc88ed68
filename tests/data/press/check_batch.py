#!/usr/bin/env python3
"""Check a batch of new press excerpts before it joins the set (see LABELLING.md).

    python tests/data/press/check_batch.py DIR        # recipes.jsonl, labels.jsonl, texts/<id>.txt
    python tests/data/press/check_batch.py --url URL  # may this address be used? (yes/no only)

Every problem is printed with the article id and what is wrong; the exit code is the number of
problems (capped at 100). `--url` answers without ever printing the hidden evaluation list.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HIDDEN = HERE.parents[3] / "shared" / "hidden-eval" / "addresses.txt"
STATUSES = {"proposed", "rejected", "negotiating", "close", "signed", "other"}
FIELDS = ("persons", "organizations", "organizations_descriptive", "locations", "aliases",
          "direct_quotes", "indirect_statements", "dates", "agreements")
# ’’ opens a quote in some African press; “ closes one in copy that types the same mark twice
OPENING, CLOSING = "«\"“‘'’", "»\"”’'“"


def url_allowed(url: str) -> str:
    """'ok', or why the address may not be used (hidden evaluation article, already in the set)."""
    hidden = HIDDEN.read_text(encoding="utf-8").split() if HIDDEN.exists() else []
    if any(url == h or url in h for h in hidden):
        return "hidden evaluation article: skip it"
    if f'"{url}"' in (HERE / "recipes.jsonl").read_text(encoding="utf-8"):
        return "already in the press set: skip it"
    return "ok"


def problems(folder: Path) -> list[str]:
    """What is wrong with the batch in `folder`, one line per problem."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (folder / "texts").glob("*.txt")}
    recipes = {r["id"]: r for r in _rows(folder / "recipes.jsonl")}
    out: list[str] = []
    for label in _rows(folder / "labels.jsonl"):
        key = label["id"]
        text, recipe = texts.get(key), recipes.get(key)
        if text is None or recipe is None:
            out.append(f"{key}: no text file or no recipe")
            continue
        if hashlib.sha256(text.encode()).hexdigest() != recipe["sha256"] or recipe["chars"] != len(text):
            out.append(f"{key}: recipe sha256/chars do not match texts/{key}.txt")
        if url_allowed(recipe["url"]) != "ok":
            out.append(f"{key}: {recipe['url']}: {url_allowed(recipe['url'])}")
        out += [f"{key}: missing field {f}" for f in FIELDS if f not in label]
        out += _offset_problems(key, text, label)
    return out


def _offset_problems(key: str, text: str, label: dict) -> list[str]:
    out = []
    # quotes and evidence are kept as offsets: their words are the outlet's, never committed
    out += [f"{key}: direct quote {q['start']}:{q['end']} carries its text ('quote'); keep offsets only"
            for q in label.get("direct_quotes", []) if "quote" in q]
    out += [f"{key}: agreement carries its sentence ('evidence'); keep offsets only"
            for a in label.get("agreements", []) if "evidence" in a]
    for q in label.get("direct_quotes", []):
        s, e = q["start"], q["end"]
        if not (0 <= s < e <= len(text)):
            out.append(f"{key}: quote {s}:{e} out of the text")
            continue
        if not any(c in text[max(0, s - 2) : s] for c in OPENING) or not any(
                c in text[e : e + 2] for c in CLOSING):
            out.append(f"{key}: quote {s}:{e} is not right inside quotation marks")
        if q.get("speaker_start") is not None and text[q["speaker_start"] : q["speaker_end"]] != q.get(
                "speaker_mention"):
            out.append(f"{key}: speaker_mention {q.get('speaker_mention')!r} is not at its offsets")
    for st in label.get("indirect_statements", []):
        if text[st["cue_start"] : st["cue_end"]] != st["cue_verb"]:
            out.append(f"{key}: cue_verb {st['cue_verb']!r} is not at its offsets")
    for d in label.get("dates", []):
        if text[d["start"] : d["end"]] != d["text"]:
            out.append(f"{key}: date {d['text']!r} is not at its offsets")
    for a in label.get("agreements", []):
        evidence = text[a["evidence_start"] : a["evidence_end"]]
        if not evidence.strip() or evidence != evidence.strip():
            out.append(f"{key}: evidence {a['evidence_start']}:{a['evidence_end']} is empty or padded")
        if a.get("status_in_this_article") not in STATUSES:
            out.append(f"{key}: status {a.get('status_in_this_article')!r} unknown")
        if a.get("status_in_this_article") == "other" and "status_coarse" not in a:
            out.append(f"{key}: status 'other' without status_coarse")
        if not a.get("parties"):
            out.append(f"{key}: agreement without parties (write ['unspecified'])")
    return out


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, help="the batch: recipes.jsonl, labels.jsonl, texts/")
    parser.add_argument("--url", help="only say whether this address may be used")
    args = parser.parse_args()
    if args.url:
        verdict = url_allowed(args.url)
        print(verdict)
        sys.exit(0 if verdict == "ok" else 1)
    if args.folder is None:
        parser.error("give the batch folder (or --url)")
    found = problems(args.folder)
    print("\n".join([*found, f"{len(found)} problems"]))
    sys.exit(min(len(found), 100))


if __name__ == "__main__":
    main()
