"""Build the one spaCy `Language` filon runs: a French model plus filon's registered components."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from filon.domains.pack import DEFAULT_DOMAIN, pack_folders
from filon.errors import Errors, PipelineError
from filon.ingest.article import Article
from filon.pipeline.extensions import set_doc_extensions
from filon.pipeline.paragraphs import split_paragraphs
from filon.pipeline.tokenizer import elision_before_quotes, keep_rows_whole

DEFAULT_MODEL = "fr_core_news_md"

# Component name -> module that registers its factory. Imported on demand so that a user who
# adds only `filon_quotes` to their pipeline pays for nothing else.
COMPONENT_MODULES: dict[str, str] = {
    "filon_lemmas": "filon.pipeline.lemmas",
    "filon_boilerplate": "filon.pipeline.furniture_marker",
    "filon_entities": "filon.pipeline.entities.component",
    "filon_dates": "filon.pipeline.dates.component",
    "filon_quotes": "filon.pipeline.quotes.component",
    "filon_events": "filon.pipeline.events.component",
}
DEFAULT_COMPONENTS: tuple[str, ...] = tuple(COMPONENT_MODULES)
# the components that read domain packs (their factories take a `domain` setting)
PACK_COMPONENTS = frozenset({"filon_entities", "filon_quotes", "filon_events"})


def register(name: str) -> None:
    """Import the module that registers the factory `name`."""
    if name not in COMPONENT_MODULES:
        raise PipelineError(Errors.F101.format(name=name, opts=", ".join(COMPONENT_MODULES)))
    importlib.import_module(COMPONENT_MODULES[name])


def build_pipeline(
    model: str = DEFAULT_MODEL,
    components: Sequence[str] = DEFAULT_COMPONENTS,
    packs: str = DEFAULT_DOMAIN,
) -> Language:
    """Load `model` and append filon's components in order.

    Args:
        model: name of an installed spaCy package. Defaults to `fr_core_news_md`.
        components: filon factories to add, in order. Defaults to all of them.
        packs: the domain packs the components read ("general+minerals", see
            `filon.domains.pack`). Defaults to every bundled pack.

    Raises:
        PipelineError: the model is not installed or a component name is unknown.
    """
    set_doc_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(Errors.F102.format(model=model)) from exc
    elision_before_quotes(nlp)
    keep_rows_whole(nlp)
    split_paragraphs(nlp)
    pack_folders(packs)  # an unknown pack fails here, with its name, not inside a factory
    for name in components:
        register(name)
        config = {"domain": packs} if name in PACK_COMPONENTS else {}
        nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=4)
def cached_pipeline(model: str = DEFAULT_MODEL, components: tuple[str, ...] = DEFAULT_COMPONENTS,
                    packs: str = DEFAULT_DOMAIN) -> Language:
    """`build_pipeline`, built once per process for the same arguments (CLI, tests, eval)."""
    return build_pipeline(model, components, packs)


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenize an article and attach what the components need before they run."""
    set_doc_extensions()
    doc = nlp.make_doc(article.text)
    doc._.filon_article_id = article.id
    doc._.filon_published = article.published
    doc._.filon_boilerplate = list(article.boilerplate)
    return doc


def process(
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over articles, yielding each article with its annotated Doc, in order."""
    pairs = ((make_doc(nlp, article), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield article, doc
