"""What URL ingest remembers in the store: which URLs are already stored, and feed validators.

A URL counts as stored when a document has it as its `url`, or when `fetch_state` maps it to a
stored document (a page whose text was stored earlier under another address). A feed's row holds
the ETag / Last-Modified of its last complete read, sent back as a conditional request.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from filon.errors import Errors, StoreError
from filon.ingest.feeds import Remember
from filon.ingest.fetch import Validators
from filon.store.duckdb_store import Store, _reason
from filon.store.schema import rollback

__all__ = ["FetchState"]


class FetchState:
    """The `UrlMemory` of a writable store (see `filon.ingest.feeds`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        """The subset of `urls` whose article is already stored."""
        urls = list(urls)
        if not urls:
            return set()
        rows = self.store.con.execute(
            "SELECT url FROM documents WHERE list_contains($urls, url)"
            " UNION SELECT f.url FROM fetch_state f JOIN documents d ON d.id = f.doc_id"
            " WHERE list_contains($urls, f.url)",
            {"urls": urls},
        ).fetchall()
        return {row[0] for row in rows}

    def validators(self, url: str) -> Validators | None:
        """The ETag / Last-Modified remembered for a feed, if any."""
        row = self.store.con.execute(
            "SELECT etag, last_modified FROM fetch_state WHERE url = ? AND doc_id IS NULL", [url]
        ).fetchone()
        return Validators(row[0], row[1]) if row else None

    def save(self, remember: Remember) -> None:
        """Write a run's feed validators and page ids, in one transaction, after its articles.

        A feed whose items are not all stored (the pipeline failed on one, the run stopped) is
        not remembered, so the next run asks for it in full and retries them."""
        listed = sorted({doc_id for ids in remember.items.values() for doc_id in ids})
        stored = {row[0] for row in self.store.con.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [listed]).fetchall()}
        feeds = [(url, validators) for url, validators in remember.feeds.items()
                 if stored.issuperset(remember.items.get(url, ()))]
        pages = list(remember.pages.items())
        if not feeds and not pages:
            return
        con = self.store.con
        try:
            con.execute("BEGIN TRANSACTION")
            if feeds:
                con.execute(
                    "INSERT OR REPLACE INTO fetch_state (url, etag, last_modified, doc_id, checked_at)"
                    " SELECT unnest(?), unnest(?), unnest(?), NULL, current_timestamp",
                    [[u for u, _ in feeds], [v.etag for _, v in feeds],
                     [v.last_modified for _, v in feeds]],
                )
            if pages:
                # only pages whose article made it into the store; the others are tried again
                con.execute(
                    "INSERT OR REPLACE INTO fetch_state (url, etag, last_modified, doc_id, checked_at)"
                    " SELECT u, NULL, NULL, d, current_timestamp"
                    " FROM (SELECT unnest(?) AS u, unnest(?) AS d)"
                    " WHERE d IN (SELECT id FROM documents)",
                    [[u for u, _ in pages], [d for _, d in pages]],
                )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            rollback(con)
            raise StoreError(Errors.F201.format(path=self.store.path, reason=_reason(exc))) from exc
