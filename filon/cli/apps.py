"""The Typer applications every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="filon: rebuild, from French news, the actors, quotes and agreements the articles "
    "describe, each fact tied to its characters in the source.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
query_app = typer.Typer(help="Query the store: actors, mentions, articles, quotes, events.",
                        no_args_is_help=True)
app.add_typer(query_app, name="query")

