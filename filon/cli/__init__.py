"""The `filon` command line: thin wrappers over `filon.jobs`, `filon.store.queries` and
`filon.evaluation`, one module per group of commands."""

from __future__ import annotations

import logging
import sys

# Importing the command modules registers their commands on `app`.
# isort: off
from filon.cli import run, query, views, admin  # noqa: F401  (order: --help lists them so)
from filon.cli import watch  # noqa: F401
from filon.cli import spark  # noqa: F401  (filon load)
from filon.cli import linking  # noqa: F401  (query copies, query stories, relink)
from filon.cli import train  # noqa: F401  (train-status)
# isort: on
from filon.cli.apps import app
from filon.cli.output import err_console, styled
from filon.errors import FilonError

__all__ = ["app", "main"]


def main() -> None:
    """Entry point: user errors print one clean line, never a traceback."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except FilonError as exc:
        err_console.print(styled(("error", "red"), " ", (exc, "")), soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        # Ctrl-C outside a job's own handling (loading the model, a query): no traceback
        err_console.print(styled(("interrupted", "yellow")))
        sys.exit(130)


