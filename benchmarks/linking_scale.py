"""Scaling of cross-document linking: time to link 10,000 and 100,000 statements, and the growth factor.

    python benchmarks/linking_scale.py [--sizes 10000 100000] [--per-document 10] [--kept-meaning]

The corpus is generated, then linked with :func:`claimledger.linking.link_corpus` (wire copies,
stories, speakers, claims); only linking is timed. Each document mixes

- invented statements from templates of invented events (detentions, fish kills, fines, strikes),
  varied in names, outlets, places, figures and order, so that stories, paraphrases across outlets,
  changed figures and wire copies occur at every size; and
- real sentences as statement contents: from PolNeAR's train articles and FNC-1's train bodies in
  ``../shared/data`` (or ``CLAIMLEDGER_DATA``), so the vocabulary is that of real news.

Documents are built directly as :class:`~claimledger.model.Document` objects (spans and figures
included) rather than analysed: the benchmark measures linking, not parsing. Quadratic linking would
grow 100× from 10k to 100k statements; linear linking grows 10×.

With ``--kept-meaning`` each corpus is stored instead (a SQLite store in a temporary folder) and
relinked by meaning, as ``ingest --linking meaning`` does: the first relink embeds every text; then 1%
more documents are stored and the relink that follows embeds only theirs; then the store is relinked
by words, for comparison.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass

from claimledger.evaluation.data import data_root
from claimledger.model import Analyzer, Claim, Content, Cue, Document, Entity, Quantity, Span, Speaker, Statement
from claimledger.stance.data import read_bodies
from claimledger.stance.text import sentences

FIRST = ["Anna", "Tomasz", "Leena", "Dariusz", "Ilya", "Miriam", "Jonas", "Helena", "Pavel", "Irena", "Mira", "Anton"]
LAST = ["Petrov", "Brenner", "Haldane", "Halvorsen", "Varga", "Osei", "Reiter", "Marsh", "Dressler", "Szabo", "Castell",
        "Sedlak", "Terek", "Lund", "Okafor", "Novak"]
ORGS = ["Civic Rights Monitor", "Frontier Legal Aid", "National Environment Agency", "Velora Chemicals",
        "Interior Ministry", "Harbour Workers Union", "Tarnby Fishermen's Cooperative"]
OUTLETS = ["The Kestrel Ledger", "Northgate Daily", "The Daily Clarion", "The Harbour Courier", "Eastbrook Observer",
           "Meridian Wire", "The Valley Sentinel", "The Riverside Gazette"]
PLACES = ["Orvik", "Tarnby", "Lussan", "Kiln Road", "Mill Lane", "Selm", "Aster Bay", "Carrowmore"]
# Invented events: a claim template with a figure, its unit and event, and paraphrases of it.
EVENTS = [
    ("security forces detained {n} protesters in {place}", "protesters", "detain"),
    ("police in {place} arrested {n} protesters after the march", "protesters", "arrest"),
    ("{n} dead fish were found on the river below the plant at {place}", "fish", "find dead"),
    ("the agency fined the company {n} dollars over the spill at {place}", "dollars", "fine"),
    ("{n} workers walked out of the steelworks in {place}", "workers", "walk"),
    ("the group evacuated {n} people from {place}", "people", "evacuate"),
]
QUALIFIERS = [("more than", "lower"), ("about", "approx"), ("at least", "lower"), ("", "exact")]
ANALYZER = Analyzer("benchmark", {})


@dataclass
class _Builder:
    """Appends sentences to a document text, recording exact spans."""

    text: str = ""

    def add(self, piece: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        return start, len(self.text)


def real_sentences(limit: int = 60_000) -> list[str]:
    """Sentences of 8–40 words from PolNeAR's train articles and FNC-1's train bodies."""
    root = data_root()
    texts = [path.read_text(encoding="utf-8") for path in sorted((root / "polnear" / "train" / "text").glob("*.txt"))]
    texts += list(read_bodies(root / "fnc-1" / "train_bodies.csv").values())
    found = [s for text in texts for s in sentences(text) if 8 <= len(s.split()) <= 40]
    return found[:limit]


def generate_corpus(statements: int, per_document: int, pool: list[str], seed: int = 7) -> list[Document]:
    """About ``statements`` statements in documents of ``per_document``, half invented, half real sentences."""
    rng = random.Random(seed)
    documents: list[Document] = []
    stories = max(1, statements // (per_document * 6))  # about six documents per story
    for number in range(statements // per_document):
        story = rng.randrange(stories)
        documents.append(_document(number, story, per_document, pool, rng))
        if rng.random() < 0.05:  # a wire copy: same text from another outlet
            copy = documents[-1]
            documents.append(Document(f"{copy.id}-copy", copy.text, ANALYZER, title=copy.title, title_span=copy.title_span,
                                      outlet=rng.choice(OUTLETS), published=copy.published, entities=copy.entities,
                                      statements=copy.statements, claims=copy.claims, quantities=copy.quantities))
    return documents


def _document(number: int, story: int, per_document: int, pool: list[str], rng: random.Random) -> Document:
    """One document of ``story``: a headline claim, invented statements about the story, real sentences."""
    story_rng = random.Random(story)  # the story's event, place and speakers are shared by its documents
    template, unit, event = story_rng.choice(EVENTS)
    place = story_rng.choice(PLACES) + f" {story}"
    people = [f"{story_rng.choice(FIRST)} {story_rng.choice(LAST)}" for _ in range(3)] + [story_rng.choice(ORGS)]
    figure = story_rng.choice([40, 60, 100, 250, 1800, 2000]) * (1 if rng.random() < 0.8 else 2)  # some outlets differ
    builder = _Builder()
    title = template.format(n=figure, place=place).capitalize()
    title_span = builder.add(title)
    builder.add("\n\n")
    quantities, statements = [], []
    contents = [template.format(n=f"{q} {figure}".strip(), place=place) for q, _ in rng.sample(QUALIFIERS, 2)]
    contents += rng.sample(pool, per_document - len(contents))
    rng.shuffle(contents)
    for index, content in enumerate(contents, start=1):
        speaker = rng.choice(people)
        statements.append(_statement(builder, index, speaker, content))
        quantities += _figures(builder.text, statements[-1], figure, unit, event, len(quantities))
    day = 1 + story % 27 + rng.randrange(3)
    entities = [Entity(f"e{n}", name, "ORG" if name in ORGS else "PERSON") for n, name in enumerate(people, start=1)]
    central = Claim("c1", title, *title_span, normalized=title, central=True,
                    quantities=[q.id for q in quantities if q.end <= title_span[1]])
    return Document(f"doc{number}", builder.text, ANALYZER, title=title, title_span=title_span,
                    outlet=rng.choice(OUTLETS), published=f"2026-{1 + story % 12:02d}-{day:02d}",
                    entities=entities, statements=statements, claims=[central], quantities=quantities)


def _statement(builder: _Builder, index: int, speaker: str, content: str) -> Statement:
    """``"<speaker> said that <content>. "`` appended, with exact speaker, cue, content and sentence spans."""
    start = len(builder.text)
    speaker_span = builder.add(speaker)
    builder.add(" ")
    cue_span = builder.add("said")
    builder.add(" that ")
    content_span = builder.add(content.rstrip("."))
    builder.add(".")
    sentence_span = (start, len(builder.text))
    builder.add(" ")
    text = builder.text
    return Statement(
        f"s{index}", "indirect", "assert", Speaker(text[slice(*speaker_span)], *speaker_span, name=speaker),
        Cue(text[slice(*cue_span)], *cue_span, lemma="say"), Content.from_fragments(text, [content_span]),
        Span.of(text, *sentence_span),
    )


def _figures(text: str, statement: Statement, figure: int, unit: str, event: str, offset: int) -> list[Quantity]:
    """The generated figure inside an invented statement, with its qualifier as the bound."""
    found = []
    for qualifier, bound in QUALIFIERS:
        phrase = f"{qualifier} {figure}".strip()
        position = text.find(f" {phrase} ", statement.content.start, statement.content.end)
        if position >= 0 and not found:
            start = position + 1
            found.append(Quantity(f"q{offset + 1}", phrase, start, start + len(phrase), figure, bound, unit, event))
    return found


def time_linking(documents: list[Document]) -> float:
    """Seconds to link ``documents`` (wire copies, stories, speakers, claims)."""
    from claimledger.linking import link_corpus

    start = time.perf_counter()
    link_corpus(documents)
    return time.perf_counter() - start


def time_kept_meaning(documents: list[Document], added: int) -> tuple[float, float, float]:
    """Seconds of a store's first relink by meaning, of the relink after ``added`` more documents, and
    of a relink of the same store by words."""
    import tempfile

    from claimledger.linking.stored import Linking, relink, set_store_linking
    from claimledger.store import open_store

    first, more = documents[:-added], documents[-added:]
    with tempfile.TemporaryDirectory() as folder, open_store(f"{folder}/kept.db") as store:
        store.add_documents(first)
        set_store_linking(store, Linking.meaning)
        start = time.perf_counter()
        relink(store)
        middle = time.perf_counter()
        store.add_documents(more)
        relink(store)
        end = time.perf_counter()
        set_store_linking(store, Linking.words)
        relink(store)
        return middle - start, end - middle, time.perf_counter() - end


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--per-document", type=int, default=10)
    parser.add_argument("--kept-meaning", action="store_true", help="relink a store by meaning (see above)")
    args = parser.parse_args(argv)
    pool = real_sentences()
    timings = []
    for size in args.sizes:
        documents = generate_corpus(size, args.per_document, pool)
        count = sum(len(d.statements) for d in documents)
        if args.kept_meaning:
            added = max(1, len(documents) // 100)
            everything, after_more, by_words = time_kept_meaning(documents, added)
            print(f"{count:>8,} statements in {len(documents):>6,} documents, by meaning in a store: first relink "
                  f"{everything:.1f} s; after {added:,} more documents {after_more:.1f} s (by words {by_words:.1f} s)",
                  flush=True)
            continue
        seconds = time_linking(documents)
        timings.append(seconds)
        print(f"{count:>8,} statements in {len(documents):>6,} documents: linked in {seconds:7.1f} s", flush=True)
    if len(timings) > 1:
        growth = timings[-1] / timings[0]
        size_growth = args.sizes[-1] / args.sizes[0]
        print(f"growth {growth:.1f}x for {size_growth:.0f}x the statements (quadratic would be {size_growth ** 2:.0f}x)")


if __name__ == "__main__":
    sys.exit(main())
