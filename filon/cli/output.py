"""How the CLI writes: data as literal text (never markup), tables as rich tables, JSON Lines
or CSV, progress on stderr."""

from __future__ import annotations

import csv
import json
import re
import sys
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable
from rich.text import Text

from filon.errors import InputError
from filon.export import csv_cell

# A piped table gets a wide page instead of rich's 80 columns, so rows stay readable in a pager.
# No emoji codes and no highlighting: ":x:" in a title is text, not a glyph. Every string that
# comes from an article or the user goes out as a `Text` through `safe`, never as markup.
out_console = (Console(emoji=False, highlight=False) if Console().is_terminal
               else Console(width=160, emoji=False, highlight=False))
err_console = Console(stderr=True, emoji=False, highlight=False)

# C0 controls but newline and tab, DEL, C1 controls, and the bidi overrides/isolates that can
# reorder what a terminal shows ("Trojan source")
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(value: object) -> str:
    """`value` as printable text: control characters shown as \\x1b, \\x07, … not sent to the terminal."""
    return _UNSAFE.sub(_escape_char, "" if value is None else str(value))


def styled(*parts: str | tuple[object, str]) -> Text:
    """A line built from literal parts: (value, style) pairs are data, made safe; str are ours."""
    text = Text()
    for part in parts:
        if isinstance(part, tuple):
            text.append(safe(part[0]), style=part[1])
        else:
            text.append(part)
    return text


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"




def emit(table: Any, fmt: Format, title: str | None = None, max_width: int = 80,
          columns: tuple[str, ...] | None = None, raw_csv: bool = False) -> None:
    """Print a `filon.store.queries.Table` as a rich table, JSON Lines or CSV on stdout.

    `columns` narrows the table view only; JSON and CSV always carry every column. CSV cells
    that a spreadsheet would run as a formula get a leading ' unless `raw_csv`.
    """
    if fmt is Format.json:
        for row in table.dicts():
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        cell = (lambda v: v) if raw_csv else csv_cell
        writer.writerow([cell(c) for c in table.columns])
        writer.writerows([cell(v) for v in row] for row in table.rows)
    else:
        if columns:
            keep = [table.columns.index(c) for c in columns]
            table = type(table)(list(columns), [tuple(row[i] for i in keep) for row in table.rows])
        rich_table = RichTable(title=styled((title, "italic")) if title else None, show_lines=False)
        for col in table.columns:
            rich_table.add_column(styled((col, "bold")), overflow="fold", max_width=max_width)
        for row in table.rows:
            rich_table.add_row(*[styled((v, "")) for v in row])
        out_console.print(rich_table)
        if not table.rows:
            err_console.print("[dim]no rows[/dim]")


@contextmanager
def progress_bar(label: str, quiet: bool):
    """A live progress line on stderr: articles read, processed, failed."""
    if quiet or not err_console.is_terminal:
        yield None
        return
    with Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                  TextColumn("{task.completed}/{task.total} articles · {task.fields[failed]} failed"),
                  TimeElapsedColumn(), console=err_console, transient=False) as progress:
        task = progress.add_task(label, total=0, failed=0)
        counts = {"read": 0, "failed": 0}

        def update(event: str, n: int) -> None:
            if event == "read":
                counts["read"] += n
                progress.update(task, total=counts["read"])
            elif event == "failed":
                counts["failed"] += n
                progress.update(task, failed=counts["failed"])
            else:
                progress.advance(task, n)

        yield update


def report_errors(failed: list[InputError]) -> None:
    for error in failed:
        err_console.print(styled(("error", "red"), " ", (error, "")), soft_wrap=True)

