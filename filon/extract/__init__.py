"""Pure functions from an annotated Doc to the extraction record (DESIGN.md contract)."""

from filon.extract.record import RECORD_VERSION, doc_to_record

__all__ = ["RECORD_VERSION", "doc_to_record"]
