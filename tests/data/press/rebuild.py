#!/usr/bin/env python3
"""Rebuild the texts of the press development set from saved search answers.

The articles are third-party press: only their recipes (query, address, slice, sha256) and our
labels are committed. To rebuild the texts, run each recipe's `query` through the stored-pages
search that found it and save the answers as JSON Lines of `{"url": ..., "excerpt": ...}` (or the
search tool's JSON answers, whose `results` hold those fields), then:

    python tests/data/press/rebuild.py SAVED.jsonl [MORE.jsonl ...]

Each text is `excerpt[slice[0]:slice[1]]`, checked against its sha256, and written to
`tests/data/press/texts/` (ignored by git) as `dev.jsonl` and `heldout.jsonl` (the article format
of `filon ingest`/`filon eval`) plus one `.txt` per article. The committed labels
(`labels-*.jsonl`) hold the quotes and evidence sentences as offsets only; the gold files that
`filon eval` reads, `texts/gold-dev.jsonl` and `texts/gold-heldout.jsonl`, get them back from the
rebuilt texts. A recipe whose answer is missing or
whose text no longer matches its hash is reported and left out; the exit code is 1 then.
`--check` only reports which texts are present and intact.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
RECIPES = HERE / "recipes.jsonl"
OUT = HERE / "texts"


def recipes() -> list[dict]:
    """The committed recipes, one per article."""
    return [json.loads(line) for line in RECIPES.read_text(encoding="utf-8").splitlines() if line.strip()]


def _answers(path: Path) -> Iterator[dict]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"{path}:{n}: not JSON ({exc}); line skipped", file=sys.stderr)
            continue
        yield from row.get("results", [row]) if isinstance(row, dict) else []


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rebuild(paths: list[Path]) -> int:
    """Write the texts found in `paths`; return the number of recipes not rebuilt."""
    excerpts: dict[str, list[str]] = {}
    for path in paths:
        for row in _answers(path):
            if row.get("url") and isinstance(row.get("excerpt"), str):
                excerpts.setdefault(row["url"], []).append(row["excerpt"])
    OUT.mkdir(exist_ok=True)
    splits: dict[str, list[dict]] = {"dev": [], "heldout": []}
    missing = 0
    for recipe in recipes():
        a, b = recipe["slice"]
        found = (e[a:b] for e in excerpts.get(recipe["url"], []) if sha256(e[a:b]) == recipe["sha256"])
        text = next(found, None)
        if text is None:
            print(f"{recipe['id']}: no saved answer for {recipe['url']} matches its sha256", file=sys.stderr)
            missing += 1
            continue
        (OUT / f"{recipe['id']}.txt").write_text(text, encoding="utf-8")
        splits[recipe["split"]].append({
            "id": recipe["id"], "url": recipe["url"], "outlet": recipe["outlet"], "lang": "fr",
            "published": recipe.get("published"), "title": None, "text": text,
        })
    for split, rows in splits.items():
        with (OUT / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        write_gold(split, {row["id"]: row["text"] for row in rows})
    print(f"rebuilt {sum(map(len, splits.values()))} of {len(recipes())} texts into {OUT}")
    return missing


def write_gold(split: str, texts: dict[str, str]) -> None:
    """`texts/gold-SPLIT.jsonl`: the labels of the rebuilt articles, quotes and evidence filled in
    from their offsets."""
    labels = HERE / f"labels-{split}.jsonl"
    with (OUT / f"gold-{split}.jsonl").open("w", encoding="utf-8") as fh:
        for line in labels.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            text = texts.get(gold["id"])
            if text is None:
                continue
            for quote in gold.get("direct_quotes", []):
                quote["quote"] = text[quote["start"] : quote["end"]]
            for item in gold.get("agreements", []):
                item["evidence"] = text[item["evidence_start"] : item["evidence_end"]]
            fh.write(json.dumps(gold, ensure_ascii=False) + "\n")


def check() -> int:
    """Report which texts are present and intact; return the number that are not."""
    bad = 0
    for recipe in recipes():
        path = OUT / f"{recipe['id']}.txt"
        ok = path.exists() and sha256(path.read_text(encoding="utf-8")) == recipe["sha256"]
        bad += not ok
        print(("ok      " if ok else "MISSING ") + recipe["id"])
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("answers", nargs="*", type=Path, help="saved search answers (JSON Lines)")
    parser.add_argument("--check", action="store_true", help="only check the rebuilt texts")
    args = parser.parse_args()
    if args.check:
        sys.exit(1 if check() else 0)
    if not args.answers:
        parser.error("give at least one file of saved search answers (or --check)")
    sys.exit(1 if rebuild(args.answers) else 0)


if __name__ == "__main__":
    main()
