"""Run the filon pipeline on Apache Spark: input files in, Parquet datasets of the store's tables out.

Three stages, all on the executors:

1. read: each task reads its share of the input files with `iter_articles`, the reader of the
   local path; a bad file or line becomes an `errors` row (file, line, reason).
2. de-duplicate by article id, the first copy in input order kept (as the local jobs do).
3. `mapPartitions`: each partition goes through `LocalBackend.run` in the Python worker, so an
   article becomes a record by exactly the local code (batches, time budget, one error row per
   article the pipeline fails on, skipped languages). The spaCy pipeline is built once per
   Python worker (a module-level cache) and reused by every task that worker runs: pyspark keeps
   its workers between tasks (`spark.python.worker.reuse`, on by default).

The rows go to Parquet through `filon.store.parquet` (one dataset per table, partitioned by
publication month); `filon.store.parquet.load_parquet` merges them into a store.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Any

from filon.backends.chunking import DEFAULT_MAX_CHUNK_CHARS
from filon.backends.local import (
    DEFAULT_MAX_ARTICLE_MEMORY,
    DEFAULT_MAX_ARTICLE_SECONDS,
    LocalBackend,
)
from filon.domains.pack import DEFAULT_DOMAIN
from filon.errors import Errors, InputError, PipelineError
from filon.ingest.article import Article
from filon.ingest.readers import STDIN, input_files, iter_articles
from filon.pipeline import DEFAULT_COMPONENTS, DEFAULT_MODEL
from filon.store.parquet import ERRORS, SEQ_BITS, article_rows, column_kinds, error_row

logger = logging.getLogger("filon")

# markers counted with the rows, so one pass over the output gives the run's figures
_DUPLICATE, _KNOWN, _SKIPPED, _FAILED = "_duplicate", "_known", "_skipped", "_failed"


@dataclass(frozen=True, slots=True)
class _Settings:
    """What a worker needs to build its backend; hashable, so it keys the worker's cache."""

    model: str
    batch_size: int
    components: tuple[str, ...]
    max_article_seconds: float | None
    packs: str = DEFAULT_DOMAIN
    max_article_memory: int | None = DEFAULT_MAX_ARTICLE_MEMORY
    max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS


@dataclass(slots=True)
class SparkRun:
    """Where one Spark run wrote its datasets, and its rows counted per dataset and marker."""

    out_dir: Path
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        return self.counts.get("documents", 0)

    @property
    def already_stored(self) -> int:
        return self.counts.get(_KNOWN, 0)

    @property
    def duplicates_in_input(self) -> int:
        return self.counts.get(_DUPLICATE, 0)

    @property
    def skipped_language(self) -> int:
        return self.counts.get(_SKIPPED, 0)

    @property
    def read(self) -> int:
        """Articles read: a file or line that could not be read is none, one the pipeline failed on is."""
        return (self.processed + self.already_stored + self.duplicates_in_input
                + self.counts.get(_FAILED, 0))


# --- on the executors -------------------------------------------------------------------------

_worker_backends: dict[tuple, LocalBackend] = {}


def _worker_backend(settings: _Settings) -> LocalBackend:
    """This Python worker's backend: its pipeline is built by the first task and kept."""
    key = astuple(settings)
    if key not in _worker_backends:
        _worker_backends[key] = LocalBackend(
            model=settings.model, batch_size=settings.batch_size, n_process=1,
            components=settings.components, max_article_seconds=settings.max_article_seconds,
            packs=settings.packs, max_article_memory=settings.max_article_memory,
            max_chunk_chars=settings.max_chunk_chars)
    return _worker_backends[key]


def _read_files(files: Iterable[tuple[int, str]], max_bytes: int,
                default_lang: str | None) -> Iterator[tuple[str, int, Any]]:
    """("a", seq, Article) or ("e", seq, errors row) for every article of the files."""
    for index, path in files:
        items = iter_articles([path], max_bytes=max_bytes, default_lang=default_lang)
        for position, item in enumerate(items):
            seq = (index << SEQ_BITS) | position
            if isinstance(item, InputError):
                yield "e", seq, error_row(item, seq)
            else:
                yield "a", seq, item


def _first_copy(a: tuple[int, Article, int], b: tuple[int, Article, int]) -> tuple[int, Article, int]:
    """Of two copies (seq, article, copies) of one id, the first in input order; copies add up."""
    first = a if a[0] <= b[0] else b
    return first[0], first[1], a[2] + b[2]


def _process(settings: _Settings, known: Any,
             items: Iterable[tuple[str, tuple[int, Article, int]]]) -> Iterator[tuple[str, Any]]:
    """Rows of a partition's articles, through the local backend; errors and markers in between."""
    backend = _worker_backend(settings)
    pending: list[tuple[str, Any]] = []
    seqs: dict[str, int] = {}

    def fresh() -> Iterator[Article]:
        for _id, (seq, article, copies) in items:
            pending.extend([(_DUPLICATE, None)] * (copies - 1))
            if article.id in known.value:
                pending.append((_KNOWN, None))
                continue
            seqs[article.id] = seqs[article.source] = seq
            yield article

    def failed(error: InputError) -> None:
        source = f"{error.source}:{error.line}" if error.line is not None else error.source
        pending.extend([(ERRORS, error_row(error, seqs.get(source, 0))), (_FAILED, None)])

    for article, record in backend.run(fresh(), on_error=failed):
        yield from pending
        pending.clear()
        if record.get("skipped"):
            yield _SKIPPED, None
        yield from article_rows(article, record, backend.model, seqs[article.id])
    yield from pending


def _is(tag: str):
    return lambda item: item[0] == tag


def _error_item(item: tuple[str, int, Any]) -> tuple[str, tuple]:
    return ERRORS, item[2]


# --- on the driver ----------------------------------------------------------------------------


class SparkBackend:
    """The pipeline over input files on a Spark cluster, or Spark in local mode.

    Args:
        master: Spark master URL (`local[2]`, `spark://host:7077`, `yarn`); None leaves it to
            `spark-submit` (or Spark's default, `local[*]`).
        model, batch_size, components, max_article_seconds, packs, max_article_memory,
            max_chunk_chars: as for `LocalBackend`, per worker.
        partitions: partitions of the pipeline stage; defaults to 2 × Spark's default parallelism.
        config: more Spark settings (`spark.executor.memory`, …).
    """

    def __init__(
        self,
        master: str | None = "local[2]",
        model: str = DEFAULT_MODEL,
        batch_size: int = 16,
        components: Sequence[str] = DEFAULT_COMPONENTS,
        max_article_seconds: float | None = DEFAULT_MAX_ARTICLE_SECONDS,
        partitions: int | None = None,
        config: dict[str, str] | None = None,
        packs: str = DEFAULT_DOMAIN,
        max_article_memory: int | None = DEFAULT_MAX_ARTICLE_MEMORY,
        max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
    ) -> None:
        self.master = master
        self.model = model
        self.partitions = partitions
        self.config = dict(config or {})
        self._settings = _Settings(model, batch_size, tuple(components), max_article_seconds or None,
                                   packs, max_article_memory or None, max_chunk_chars)
        self._spark: Any = None

    def session(self) -> Any:
        """The SparkSession, started on first use (a JVM: a few seconds)."""
        if self._spark is None:
            self._spark = _start(self.master, self.config)
        return self._spark

    def stop(self) -> None:
        """Stop the Spark session this backend started."""
        if self._spark is not None:
            self._spark.stop()
            self._spark = None

    def __enter__(self) -> SparkBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def write_parquet(
        self,
        paths: Sequence[str | Path],
        out_dir: str | Path,
        *,
        known_ids: Iterable[str] = (),
        max_bytes: int = 20_000_000,
        default_lang: str | None = None,
    ) -> SparkRun:
        """Read, process and write the articles under `paths` as Parquet datasets in `out_dir`.

        Articles whose id is in `known_ids` (already stored) are counted and skipped before the
        pipeline. `out_dir` is replaced.
        """
        if any(str(p) == STDIN for p in paths):
            raise PipelineError(Errors.F105)
        from pyspark import StorageLevel

        spark = self.session()
        sc = spark.sparkContext
        files = list(enumerate(input_files(paths)))
        parallel = self.partitions or 2 * sc.defaultParallelism
        read = (sc.parallelize(files, max(1, min(len(files), parallel)))
                .mapPartitions(lambda part: _read_files(part, max_bytes, default_lang))
                .persist(StorageLevel.MEMORY_AND_DISK))
        known = sc.broadcast(frozenset(known_ids))
        settings = self._settings
        articles = (read.filter(_is("a"))
                    .map(lambda item: (item[2].id, (item[1], item[2], 1)))
                    .reduceByKey(_first_copy, numPartitions=parallel))
        rows = (articles.mapPartitions(lambda part: _process(settings, known, part))
                .union(read.filter(_is("e")).map(_error_item)))
        table = _WideTable(column_kinds())
        # the Python stages run once, into one cached DataFrame of every row; each dataset is then
        # written by a JVM-only job over the cache
        frame = spark.createDataFrame(rows.map(table.row), table.schema()).persist(
            StorageLevel.MEMORY_AND_DISK)
        try:
            run = SparkRun(Path(out_dir), {row["dataset"]: row["count"]
                                           for row in frame.groupBy("dataset").count().collect()})
            for dataset in table.kinds:
                writer = table.select(frame, dataset).write.mode("overwrite")
                if dataset != ERRORS:
                    writer = writer.partitionBy("month")
                writer.parquet(str(run.out_dir / dataset))
        finally:
            frame.unpersist()
            read.unpersist()
            known.unpersist()
        return run


_SPARK_TYPES = {"str": "StringType", "int": "IntegerType", "long": "LongType",
                "bool": "BooleanType", "double": "DoubleType"}


class _WideTable:
    """Every dataset's rows in one table: `dataset`, then each dataset's columns side by side.

    A row fills the columns of its own dataset and leaves the others null; markers fill none.
    """

    def __init__(self, kinds: dict[str, list[tuple[str, str]]]) -> None:
        self.kinds = kinds
        self.offsets: dict[str, int] = {}
        width = 1
        for dataset, columns in kinds.items():
            self.offsets[dataset] = width
            width += len(columns)
        self.width = width

    def row(self, item: tuple[str, Any]) -> tuple:
        tag, values = item
        row = [None] * self.width
        row[0] = tag
        if values is not None:
            start = self.offsets[tag]
            row[start:start + len(values)] = values
        return tuple(row)

    def schema(self) -> Any:
        from pyspark.sql import types

        fields = [types.StructField("dataset", types.StringType(), False)]
        for dataset, columns in self.kinds.items():
            fields += [types.StructField(f"{dataset}__{name}", getattr(types, _SPARK_TYPES[kind])(), True)
                       for name, kind in columns]
        return types.StructType(fields)

    def select(self, frame: Any, dataset: str) -> Any:
        """The rows of one dataset, under their own column names."""
        from pyspark.sql import functions

        return (frame.where(functions.col("dataset") == dataset)
                .select(*[functions.col(f"{dataset}__{name}").alias(name)
                          for name, _ in self.kinds[dataset]]))


def _start(master: str | None, config: dict[str, str]) -> Any:
    """A SparkSession; a clear error when pyspark or Java is missing."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise PipelineError(Errors.F103) from exc
    local = master is None or master.startswith("local")
    if local:
        # the workers run this interpreter (the venv with filon and the model), not `python3`
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        raise PipelineError(Errors.F104.format(reason="no java on PATH"))
    builder = SparkSession.builder.appName("filon")
    if master:
        builder = builder.master(master)
    settings = {"spark.python.worker.reuse": "true", "spark.sql.session.timeZone": "UTC"}
    if local:
        settings["spark.ui.enabled"] = "false"
    for key, value in {**settings, **config}.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # pyspark raises its own runtime errors when the JVM cannot start
        raise PipelineError(Errors.F104.format(reason=str(exc).splitlines()[0])) from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark
