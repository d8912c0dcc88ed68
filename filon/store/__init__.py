"""Storage of extraction records: DuckDB by default."""

from filon.store.duckdb_store import Store

__all__ = ["Store"]
