"""What every export shares, for the CLI and the web app alike: CSV cells a spreadsheet shows as
text.

A cell opening with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
LibreOffice (CSV injection: `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`): such a cell gets a leading
`'`, which spreadsheets read as "text follows" and hide.
"""

from __future__ import annotations

# tab and carriage return open a formula too, after some importers strip them
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV value a spreadsheet shows as text: "=cmd()" becomes "'=cmd()"."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
