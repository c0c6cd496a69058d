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

Docs it has run on serialise (``doc.to_bytes()``, ``DocBin(store_user_data=True)``) with their
statements and speakers: the component drops the parse caches the stages keep in ``doc.user_data``
(they are rebuilt on demand), and srsly's msgpack registries carry the result objects as dicts.
"""

from __future__ import annotations

from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.attribution import extract_statements
from claimledger.model import Entity, Statement

TITLE_SPAN_KEY = "claimledger.title_span"
AUTHOR_KEY = "claimledger.author"
# The caches that the stages keep on a doc share this prefix with the two inputs above.
_CACHE_PREFIX = "claimledger."
_TYPE_KEY = "__claimledger__"
_SERIALISED = {cls.__name__: cls for cls in (Statement, Entity)}


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
        _drop_caches(doc)
        return doc


def _drop_caches(doc: Doc) -> None:
    # Quotations and the like are Python objects that msgpack cannot write, and memory a caller keeps.
    cached = [
        key for key in doc.user_data
        if isinstance(key, str) and key.startswith(_CACHE_PREFIX) and key not in (TITLE_SPAN_KEY, AUTHOR_KEY)
    ]
    for key in cached:
        del doc.user_data[key]


@srsly.msgpack_encoders("claimledger")
def encode_result(obj: Any, chain: Any = None) -> Any:
    """msgpack form of a :class:`Statement` or :class:`Entity` (a tagged dict); anything else goes on
    down srsly's chain of encoders."""
    if type(obj) in _SERIALISED.values():
        return {_TYPE_KEY: type(obj).__name__, "data": obj.to_dict()}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("claimledger")
def decode_result(obj: Any, chain: Any = None) -> Any:
    """The :class:`Statement` or :class:`Entity` that :func:`encode_result` wrote; anything else goes
    on down srsly's chain of decoders."""
    if isinstance(obj, dict) and obj.get(_TYPE_KEY) in _SERIALISED:
        return _SERIALISED[obj[_TYPE_KEY]].from_dict(obj["data"])
    return obj if chain is None else chain(obj)


@Language.factory(
    "claimledger_attribution", requires=["token.dep", "doc.ents"], assigns=["doc._.statements"],
    default_config={"accurate": False},
)
def make_attribution_component(nlp: Language, name: str, accurate: bool) -> AttributionComponent:
    """The spaCy factory behind ``nlp.add_pipe("claimledger_attribution")``."""
    return AttributionComponent(nlp, name, accurate)
