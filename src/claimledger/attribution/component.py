"""The spaCy pipeline component ``claimledger_attribution``.

Add it to any English pipeline with a parser and NER::

    nlp.add_pipe("claimledger_attribution")
    doc = nlp(text)
    doc._.statements, doc._.speakers

The component calls the same :func:`claimledger.attribution.extract_statements` as
:func:`claimledger.analyze`, so both give the same statements. Set
``doc.user_data["claimledger.title_span"] = (start, end)`` before it runs to mark the headline, and
``doc.user_data["claimledger.author"]`` to name the "I" of a column.
``nlp.add_pipe("claimledger_attribution", config={"accurate": True})`` adds the fine-tuned
transformer, as ``analyze --accurate`` does.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.attribution import extract_statements

TITLE_SPAN_KEY = "claimledger.title_span"
AUTHOR_KEY = "claimledger.author"


class AttributionComponent:
    """Sets ``doc._.statements`` (list of :class:`~claimledger.model.Statement`) and ``doc._.speakers``."""

    def __init__(self, nlp: Language, name: str, accurate: bool = False) -> None:
        self.name = name
        self.accurate = accurate
        for extension in ("statements", "speakers"):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=None)

    def __call__(self, doc: Doc) -> Doc:
        statements, entities = extract_statements(
            doc, doc.user_data.get(TITLE_SPAN_KEY), accurate=self.accurate, author=doc.user_data.get(AUTHOR_KEY)
        )
        doc._.statements = statements
        doc._.speakers = entities
        return doc


@Language.factory(
    "claimledger_attribution", requires=["token.dep", "doc.ents"], assigns=["doc._.statements"],
    default_config={"accurate": False},
)
def make_attribution_component(nlp: Language, name: str, accurate: bool) -> AttributionComponent:
    """The spaCy factory behind ``nlp.add_pipe("claimledger_attribution")``."""
    return AttributionComponent(nlp, name, accurate)
