"""Backends run the pipeline over many articles: `Backend.run(articles) -> (article, record)`.

`LocalBackend` uses `nlp.pipe` with batching and `n_process` on one machine. Every backend
yields the same records for the same articles.
"""

from filon.backends.local import SUPPORTED_LANGS, Backend, LocalBackend

__all__ = ["SUPPORTED_LANGS", "Backend", "LocalBackend"]
