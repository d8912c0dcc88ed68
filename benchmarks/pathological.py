"""Time and peak memory of the pipeline on hostile inputs, against ordinary prose (issue 12).

Each shape is generated at a few sizes (characters) and run through the ingest path
(`run_batch`: the long-text and pathological-run guards, the pipeline, the record), each run in
its own forked process so that its peak RSS is its own. Times are CPU seconds of that process,
which a shared machine disturbs far less than wall-clock time. For each shape and size it reports the
seconds, the seconds per 100k characters, the ratio to prose of the same size and the peak RSS;
for each shape the growth ratio time(largest) / time(smallest) against the size ratio (4 for
sizes 4x apart: near 4 is linear, near 16 quadratic). A run over `--timeout` is killed and
shown as such (`--timeout`, CPU seconds). An input the guards refuse shows the refusal's code.

    python benchmarks/pathological.py                       # sizes 4000 16000
    python benchmarks/pathological.py --sizes 8000 32000 --shapes selon dates --json
    python benchmarks/pathological.py --profile selon --sizes 16000   # cProfile of one run
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import multiprocessing
import pstats
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NAMES = ("Emmanuel Macron", "Vladimir Poutine", "Olaf Scholz", "Ursula von der Leyen",
         "Volodymyr Zelensky", "Donald Trump", "Xi Jinping", "Kaja Kallas")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


def _fill(pieces: Callable[[int], str], size: int, head: str = "", tail: str = "") -> str:
    """`head`, then pieces(0), pieces(1), … up to about `size` characters, then `tail`."""
    parts, total = [head], len(head) + len(tail)
    for k in itertools.count():
        if total >= size:
            break
        piece = pieces(k)
        parts.append(piece)
        total += len(piece)
    return "".join(parts) + tail


def _prose(size: int) -> str:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from throughput import load_texts

    texts = load_texts(32)
    return _fill(lambda k: texts[k % len(texts)] + "\n\n", size)


def _max_affix_run() -> int:
    from filon.pipeline.guards import MAX_AFFIX_RUN

    return MAX_AFFIX_RUN


def _name(k: int) -> str:
    return NAMES[k % len(NAMES)]


SHAPES: dict[str, Callable[[int], str]] = {
    "prose": _prose,
    # one sentence: "Selon A, selon B, selon C, …, l'accord sera signé."
    "selon": lambda n: _fill(lambda k: f"selon {_name(k)}, ", n, "Selon Kaja Kallas, ",
                             "l'accord sera signé."),
    # one quotation cut by incise after incise
    "incise": lambda n: _fill(lambda k: f"nous sommes prêts, a déclaré {_name(k)}, à signer, ", n,
                              "« Nous sommes prêts, a-t-il dit, ", "à signer. »"),
    # one sentence of nested reported clauses
    "reported": lambda n: _fill(lambda k: f"{_name(k)} a déclaré que ", n, "",
                                "l'accord sera signé."),
    # many short attributed quotations, one sentence each
    "quotes": lambda n: _fill(lambda k: f"« Nous signerons », a déclaré {_name(k)}. ", n),
    # one sentence of dates
    "dates": lambda n: _fill(lambda k: f"le {k % 28 + 1} {MONTHS[k % 12]} {2000 + k % 30}, ", n,
                             "Les réunions ont eu lieu ", "puis l'accord a été signé."),
    "guillemets": lambda n: "Il a dit " + "«" * n + " fin.",
    "straight": lambda n: 'Il a dit ' + '"' * n + " fin.",
    "curly": lambda n: "Il a dit " + "“" * n + " fin.",
    "apostrophes": lambda n: "Il a dit " + "’" * n + " fin.",
    "parentheses": lambda n: "Il a dit " + "(" * n + " fin.",
    # the same marks with spaces between them: past the tokenizer, into the quote finder
    "spaced-marks": lambda n: _fill(lambda k: "« " if k % 3 else "“ ", n, "Il a dit ", "fin."),
    # runs just under the tokenizer guard (pipeline.guards), spaced out
    "short-runs": lambda n: _fill(lambda k: "(" * _max_affix_run() + " ", n, "Il a dit ", "fin."),
    # the same, two marks taking turns: a row of one repeated mark is one token, these are not
    "mixed-runs": lambda n: _fill(lambda k: "()" * (_max_affix_run() // 2) + " ", n, "Il a dit ",
                                  "fin."),
    "short-lines": lambda n: _fill(lambda k: "Non.\n", n),
    # men speak, then "elle" answers again and again: the pronoun's fallback walks back
    "pronouns": lambda n: _fill(lambda k: "« Nous signerons », a-t-elle ajouté. ", n,
                                "« Nous sommes prêts », a déclaré Paul Girard. "),
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _child(nlp: object, text: str, conn: object, cpu_limit: float) -> None:
    from filon.backends.local import run_batch
    from filon.ingest.article import Article

    # a CPU-time limit, not a wall-clock one: the machine may be shared
    limit = int(cpu_limit) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))
    article = Article(text=text, published="2025-02-24", lang="fr")
    start = time.process_time()
    [outcome] = run_batch(nlp, [article], 1, None)
    seconds = time.process_time() - start
    refused = outcome[:6] if isinstance(outcome, str) else None
    conn.send((seconds, _peak_mb(), refused))  # type: ignore[attr-defined]


def measure(nlp: object, text: str, timeout: float) -> dict:
    """CPU seconds and peak RSS (MB) of one article in a forked child, killed after `timeout`
    CPU seconds (or ten times that of wall-clock time)."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(nlp, text, child, timeout))
    process.start()
    child.close()
    result = None
    try:
        if parent.poll(timeout * 10):
            result = parent.recv()
    except EOFError:  # the child died: its CPU limit ran out
        pass
    if result is None:
        process.kill()
        process.join()
        return {"seconds": None, "peak_mb": None, "refused": None, "timeout": True}
    seconds, peak, refused = result
    process.join()
    return {"seconds": round(seconds, 3), "peak_mb": round(peak, 1), "refused": refused,
            "timeout": False}


def _profile(nlp: object, text: str) -> None:
    from filon.backends.local import run_batch
    from filon.ingest.article import Article

    profiler = cProfile.Profile()
    profiler.enable()
    run_batch(nlp, [Article(text=text, published="2025-02-24", lang="fr")], 1, None)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


def _cell(row: dict) -> str:
    if row["timeout"]:
        return "timeout"
    return f"{row['seconds']:.2f}s" + (f" {row['refused']}" if row["refused"] else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 16000],
                        help="sizes in characters (growth is measured from the first to the last)")
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--model", default=None)
    parser.add_argument("--profile", choices=list(SHAPES), help="cProfile one shape instead")
    parser.add_argument("--json", action="store_true", help="one JSON object per run")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from filon.backends.local import install_error_handler
    from filon.pipeline import DEFAULT_MODEL, build_pipeline

    nlp = build_pipeline(args.model or DEFAULT_MODEL)
    install_error_handler(nlp)
    nlp(_prose(2000))  # warm-up: lazy tables of the model and of filon's components
    if args.profile:
        _profile(nlp, SHAPES[args.profile](args.sizes[-1]))
        return
    shapes = ["prose", *[s for s in args.shapes if s != "prose"]]
    rows: dict[tuple[str, int], dict] = {}
    for shape in shapes:
        for size in args.sizes:
            text = SHAPES[shape](size)
            row = {"shape": shape, "size": len(text), **measure(nlp, text, args.timeout)}
            rows[shape, size] = row
            print(f"{shape} {row['size']:,}: {_cell(row)}", file=sys.stderr, flush=True)
            if args.json:
                print(json.dumps(row), flush=True)
    if args.json:
        return
    first, last = args.sizes[0], args.sizes[-1]
    print(f"{'shape':12s}" + "".join(f"{f'{s:,} chars':>22s}" for s in args.sizes)
          + f"{'s/100k @max':>13s}{'x prose':>9s}{'growth':>9s}{'peak MB':>9s}")
    for shape in shapes:
        cells = [rows[shape, s] for s in args.sizes]
        big, small, prose = cells[-1], cells[0], rows["prose", last]
        per_100k = vs_prose = growth = "-"
        if big["seconds"] is not None:
            per_100k = f"{big['seconds'] / big['size'] * 1e5:.1f}"
            if prose["seconds"]:
                vs_prose = f"{big['seconds'] / prose['seconds'] * prose['size'] / big['size']:.2f}"
            if small["seconds"]:
                growth = f"{big['seconds'] / small['seconds']:.1f}"
        peak = max((c["peak_mb"] or 0) for c in cells)
        print(f"{shape:12s}" + "".join(f"{_cell(c):>22s}" for c in cells)
              + f"{per_100k:>13s}{vs_prose:>9s}{growth:>9s}{peak:>9.0f}")
    print(f"growth = time({last:,}) / time({first:,}); linear is about {last / first:g}. "
          f"x prose = seconds per character against prose of {last:,} characters.")


if __name__ == "__main__":
    main()
