"""filon: rebuild, from news articles, the actors, quotes and agreements they describe."""

import logging

from filon.errors import FilonError, InputError
from filon.extract import doc_to_record
from filon.ingest.article import Article, article_id, normalize_text
from filon.pipeline import build_pipeline, process

__version__ = "0.1.0"

logging.getLogger("filon").addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "FilonError",
    "InputError",
    "__version__",
    "article_id",
    "build_pipeline",
    "doc_to_record",
    "normalize_text",
    "process",
]
