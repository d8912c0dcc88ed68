"""`filon train-status`: fit the deal status model of a pack on gold-labelled articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from filon.cli.apps import app
from filon.cli.options import MODEL_OPT, PACK_OPT, QUIET_OPT, packs_spec
from filon.cli.output import err_console, progress_bar, report_errors


@app.command("train-status")
def train_status(
    articles: Annotated[list[Path], typer.Option(
        help="Articles (JSON Lines with id, text, …); repeat, one per --gold.")],
    gold: Annotated[list[Path], typer.Option(
        help="Gold labels of the --articles of the same rank (JSON Lines, `agreements`).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model file to write (JSON); a "
                                         "pack reads its `deal_status_model.json`.")],
    threshold: Annotated[float, typer.Option(
        min=0.0, max=1.0, help="Least probability of a status for the model to assert it.")] = 0.4,
    l2: Annotated[float, typer.Option(min=0.0, help="L2 penalty of the logistic regression.")] = 0.3,
    iterations: Annotated[int, typer.Option(min=1, help="Gradient steps over the whole set.")] = 400,
    model: MODEL_OPT = "fr_core_news_md",
    pack: PACK_OPT = None,
    quiet: QUIET_OPT = False,
) -> None:
    """Train the model that reads deal statuses where no rule does.

    Every sentence of the articles that names a deal or talks is one example, labelled with the
    status the gold asserts there ("none" otherwise). Put the file in a pack folder as
    `deal_status_model.json`, or name it with FILON_STATUS_MODEL (off: no model).

    Example:

        filon train-status --articles dev.jsonl --gold gold-dev.jsonl -o deal_status_model.json
    """
    from filon.evaluation import labelled_articles, load_gold
    from filon.pipeline import build_pipeline
    from filon.training.status import collect, fit

    if len(articles) != len(gold):
        raise typer.BadParameter(f"{len(articles)} --articles for {len(gold)} --gold: give one "
                                 "gold file per articles file, in the same order")
    nlp = build_pipeline(model, packs=packs_spec(pack))
    examples = []
    with progress_bar("train-status", quiet) as update:
        for articles_path, gold_path in zip(articles, gold, strict=True):
            golds = load_gold(gold_path)
            chosen, keys, failed = labelled_articles(articles_path, golds)
            report_errors(failed)
            if update is not None:
                update("read", len(chosen))
            examples += collect(nlp, chosen, golds, keys,
                                progress=(lambda: update("done", 1)) if update is not None else None)
    fitted = fit(examples, l2=l2, iterations=iterations, threshold=threshold)
    output.write_text(json.dumps(fitted.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
    meta = fitted.meta
    err_console.print(f"train-status: {meta['sentences']} sentences from {meta['articles']} "
                      f"articles ({', '.join(f'{k} {v}' for k, v in meta['labels'].items())}) "
                      f"-> {output}", highlight=False)
