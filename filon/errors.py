"""Coded error messages and the exception tree.

    FilonError
    ├── InputError          one input (file, line, field) could not be read; the batch goes on
    ├── PipelineError       the spaCy pipeline could not be built or run
    ├── StoreError          DuckDB refused an operation (wraps duckdb.Error)
    └── DomainError         a domain-pack data file is malformed

Messages live in `Errors` with stable codes (``F001`` …) so that users can search them and
tests can assert on them without matching prose.
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    # ingest
    F001 = "path does not exist"
    F002 = "file is empty"
    F003 = "file looks binary (NUL bytes or undecodable), not a text article"
    F004 = "could not decode text: {reason}"
    F005 = "HTML page holds no extractable article text"
    F006 = "line {line}: invalid JSON: {reason}"
    F007 = "line {line}: field '{field}' {reason}"
    F008 = "file is {size_mb:.1f} MB, over the {limit_mb} MB limit (--max-bytes)"
    F009 = "unsupported file type '{suffix}' (expected .txt, .html, .htm, .jsonl, .json)"
    F010 = "metadata header: {reason}"
    F011 = "article text is empty after normalization"
    F012 = ("text is {size:,} characters, over the pipeline's limit of {limit:,} (spaCy "
            "nlp.max_length); split the article into parts")
    F013 = ("the pipeline took over {seconds} s on this article{parts} (--max-article-seconds); "
            "skipped")
    F014 = "the pipeline failed on this article: {reason}"
    F015 = "a worker process died while processing this article's batch (killed or out of memory)"
    F016 = ("{size:,} characters without a space at offset {start:,} are split off one by one by "
            "the tokenizer ({chars}; over {limit:,} in a row), in a time that grows with the square "
            "of their number; remove or space them out")
    F017 = ("the pipeline needed over {budget} more memory on this article "
            "(--max-article-memory); skipped")
    # ingest from the network (feeds and pages)
    F050 = "could not fetch: {reason}"
    F051 = "robots.txt of this site disallows fetching this URL for filon"
    F052 = "robots.txt of this site could not be read ({reason}): the site is not fetched"
    F053 = "response is over the {limit_mb} MB limit (--max-bytes)"
    F054 = "not an HTML page or a feed (content type '{media}')"
    F055 = "feed could not be read: {reason}"
    F056 = "feed item {item} has no link"
    # pipeline
    F101 = "No filon component '{name}'. Available: {opts}"
    F102 = "spaCy model '{model}' is not installed. Install it with: pip install {model}"
    F103 = "--backend spark needs pyspark: pip install 'filon[spark]' (make setup installs it)"
    F104 = ("Spark could not start ({reason}); it needs Java 17 or newer: apt-get install "
            "default-jre-headless (make setup does it), or set JAVA_HOME")
    F105 = "--backend spark reads files and directories, not stdin ('-'): save the input to a file"
    # store
    F201 = "database error on '{path}': {reason}"
    F202 = "{kind} statements are refused: filon sql runs one read-only query ({allowed})"
    F203 = "database '{path}' does not exist; run `filon ingest` first"
    F204 = "filon sql runs exactly one statement per call; got {n}"
    F205 = "'{path}' is not a readable DuckDB file (corrupt, truncated or another format): {reason}"
    F206 = ("'{path}' was written by a newer filon (store schema {found}, this filon knows up to "
            "{known}); upgrade filon to use it (the file was left untouched)")
    F207 = "'{path}' is a DuckDB database but not a filon store (no filon tables); choose another --db"
    F208 = "'{path}' is not a filon Parquet directory (no documents/ dataset; write one with --backend spark)"
    # domain
    F301 = "{file}:{line}: {reason}"
    # evaluation
    F401 = "{file}:{line}: {reason}"


class FilonError(Exception):
    """Base class of all errors filon raises on purpose."""


class InputError(FilonError):
    """One input could not be read; carries where and why."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class PipelineError(FilonError):
    """The pipeline could not be built or run."""


class StoreError(FilonError):
    """The store refused an operation."""


class DomainError(FilonError):
    """A domain-pack data file is malformed."""
