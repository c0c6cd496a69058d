"""Exports of the store (``claimledger export``): the ledger, the documents, a statement table, ClaimReview.

- ``json``: the ``claimledger.ledger/1`` object, as stored by the last linking;
- ``jsonl``: one ``claimledger.document/1`` object per stored document;
- ``csv`` / ``parquet``: one row per statement (:data:`STATEMENT_COLUMNS`);
- ``claimreview``: schema.org ``ClaimReview`` JSON-LD, one item per claim, with the ``claimledger:``
  extension documented in ``docs/claimreview-extension.md``.

Documents, and so rows, come in ledger order: story by story (earliest first), each story's documents
in its order (by date, then id), statements in document order; documents in no story (an ingest
stopped before its linking) come last, in store order. The order does not depend on the order of
ingestion, so two exports of the same corpus are identical.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TextIO

from claimledger.model import Document
from claimledger.store import Store

if TYPE_CHECKING:
    from claimledger.linking.claims import ClaimMember

STATEMENT_COLUMNS = (
    "document_id", "outlet", "published", "statement_id", "speaker", "name", "act", "kind", "cue", "content",
    "stance", "story_id", "claim_id", "members",
)
CLAIMLEDGER_NS = "https://claimledger.example/ns/claimreview#"
CLAIMREVIEW_CONTEXT = ["https://schema.org", {"claimledger": CLAIMLEDGER_NS}]
CLAIMLEDGER_ORGANIZATION = {"@type": "Organization", "name": "claimledger"}
_TAKING_SIDES = (("supporters", "support"), ("deniers", "deny"))  # ledger side -> stance label
_NEUTRAL = (("neutral", "neutral"),)


def write_json(value: Any, out: TextIO) -> None:
    """``value`` as indented JSON (non-ASCII kept as is), with a final newline."""
    out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


# Documents in ledger order


def ledger_documents(store: Store, stories: list[dict[str, Any]]) -> Iterator[Document]:
    """Every stored document in ledger order (see the module doc), one story's documents in memory at a time."""
    seen: set[str] = set()
    for story in stories:
        ids = [d["id"] for d in story["documents"] if d["id"] not in seen]
        loaded = {document.id: document for document in store.documents(ids)}
        for document_id in ids:
            if document_id in loaded:  # a document deleted since the linking is skipped
                seen.add(document_id)
                yield loaded[document_id]
    yield from (document for document in store.documents() if document.id not in seen)


# The statement table


def placements(stories: list[dict[str, Any]]) -> dict[str, tuple[str, str, str]]:
    """``"<doc id>#<statement id>"`` -> (story id, claim id, stance) of the claim each statement is placed on.

    The ledger may place one statement on several claims of its story; a row names one: the first
    claim in ledger order (central claims first, then by independent sources) on which the statement
    supports or denies, else the first on which it is a neutral voice.
    """
    placed: dict[str, tuple[str, str, str]] = {}
    for sides in (_TAKING_SIDES, _NEUTRAL):  # every support or denial is seen before any neutral voice
        for story in stories:
            for claim in story["claims"]:
                for side, stance in sides:
                    for voice in claim[side]:
                        for ref in voice["statements"]:
                            placed.setdefault(ref, (story["id"], claim["id"], stance))
    return placed


def statement_rows(documents: Iterable[Document], stories: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per statement (:data:`STATEMENT_COLUMNS`).

    ``stance`` and ``claim_id`` go together: the statement's stance toward that ledger claim
    (:func:`placements`); both are empty when the ledger places the statement on no claim (it is about
    something else). ``story_id`` is its document's story. ``speaker`` is the mention as written,
    ``name`` the name it resolves to, ``cue`` the cue as written, ``members`` the names of those who
    made it together, separated by "; " ("Civic Rights Monitor; Frontier Legal Aid").
    """
    placed = placements(stories)
    story_of = {d["id"]: story["id"] for story in reversed(stories) for d in story["documents"]}
    for document in documents:
        for statement in document.statements:
            story_id, claim_id, stance = placed.get(f"{document.id}#{statement.id}", (None, None, None))
            speaker = statement.speaker
            yield {
                "document_id": document.id, "outlet": document.outlet, "published": document.published,
                "statement_id": statement.id, "speaker": speaker.text if speaker else None,
                "name": (speaker.name or speaker.text) if speaker else None, "act": statement.act,
                "kind": statement.kind, "cue": statement.cue.text,
                "content": statement.content.text if statement.content else None, "stance": stance,
                "story_id": story_id or story_of.get(document.id), "claim_id": claim_id,
                "members": "; ".join(m.name for m in speaker.members) if speaker and speaker.members else None,
            }


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """The rows as CSV with a header (``None`` is an empty field). Returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=STATEMENT_COLUMNS)
    writer.writeheader()
    count = 0
    for count, row in enumerate(rows, start=1):
        writer.writerow(row)
    return count


def write_parquet(rows: Iterable[Mapping[str, Any]], path: str) -> int:
    """The rows as a Parquet file of string columns (``None`` is null). Returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(column, pa.string()) for column in STATEMENT_COLUMNS])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    pq.write_table(table, path)
    return table.num_rows


# ClaimReview


def claim_reviews(documents: list[Document], stories: list[dict[str, Any]], published: str) -> list[dict[str, Any]]:
    """One schema.org ``ClaimReview`` per claim of each story, dated ``published`` (an ISO date), with the extension.

    The relations between claims (``claimledger:sameAs``, ``claimledger:contradicts``) come from linking
    the claims of ``documents`` again, as the ledger's linking did; the stored ledger keeps only their
    result. A claim the new linking does not find (a store whose last ingest stopped before its
    linking) has none.
    """
    from claimledger.linking.claims import link_claims  # slow to import: only this format needs it

    by_id = {document.id: document for document in documents}
    clusters = {cluster.id: cluster for cluster in link_claims(documents)}
    texts = {claim["id"]: claim["text"] for story in stories for claim in story["claims"]}
    reviews = []
    for story in stories:
        for claim in story["claims"]:
            cluster = clusters.get(claim["id"])
            members = cluster.members if cluster else []
            stating = [by_id[m.document] for m in members if m.document in by_id]
            reviews.append({
                "@context": CLAIMREVIEW_CONTEXT,
                "@type": "ClaimReview",
                # A claim can belong to two stories, each with its own voices: one review per story, of one Claim.
                "@id": f"urn:claimledger:review:{story['id']}/{claim['id']}",
                "claimReviewed": claim["text"],
                "datePublished": published,
                "author": CLAIMLEDGER_ORGANIZATION,
                # No reviewRating: claimledger records who supports and who denies a claim, and on what
                # evidence; it does not rate the claim's truth, and a rating would present that as a verdict.
                "itemReviewed": _reviewed_claim(claim["id"], stating + _attributing(claim, by_id)),
                "claimledger:story": story["id"],
                "claimledger:central": claim["central"],
                "claimledger:independentSources": claim["independent_sources"],
                "claimledger:supportedBy": [_voice(voice) for voice in claim["supporters"]],
                "claimledger:deniedBy": [_voice(voice) for voice in claim["deniers"]],
                "claimledger:sameAs": [_wording(m, by_id[m.document]) for m in members if m.document in by_id],
                "claimledger:contradicts": [
                    {"@type": "Claim", "@id": claim_iri(other), "text": texts.get(other) or clusters[other].members[0].text}
                    for other in (cluster.contradicts if cluster else [])
                ],
                "claimledger:disagreements": [_disagreement(d) for d in claim["disagreements"]],
            })
    return reviews


def claim_iri(claim_id: str) -> str:
    """The IRI naming a ledger claim in JSON-LD (claim ids are stable while their members are)."""
    return f"urn:claimledger:claim:{claim_id}"


def _attributing(claim: Mapping[str, Any], by_id: Mapping[str, Document]) -> list[Document]:
    """The documents of the claim's supporting and denying statements."""
    refs = [ref for side in ("supporters", "deniers") for voice in claim[side] for ref in voice["statements"]]
    return [by_id[ref.rpartition("#")[0]] for ref in refs if ref.rpartition("#")[0] in by_id]


def _reviewed_claim(claim_id: str, documents: list[Document]) -> dict[str, Any]:
    """The schema.org ``Claim``: every article stating or attributing it (each once, earliest first)."""
    from claimledger.linking.ids import document_order

    articles = sorted({document.id: document for document in documents}.values(), key=document_order)
    claim: dict[str, Any] = {"@type": "Claim", "@id": claim_iri(claim_id), "appearance": [_article(d) for d in articles]}
    if articles:
        claim["firstAppearance"] = _article(articles[0])
    return claim


def _article(document: Document) -> dict[str, Any]:
    """A schema.org ``NewsArticle``: where a claim appeared."""
    article: dict[str, Any] = {"@type": "NewsArticle", "identifier": document.id, "headline": document.title}
    if document.url:
        article["url"] = document.url
    if document.published:
        article["datePublished"] = document.published
    if document.outlet:
        article["publisher"] = {"@type": "Organization", "name": document.outlet}
    return article


def _voice(voice: Mapping[str, Any]) -> dict[str, Any]:
    """A supporter or denier: schema.org ``name``, the extension's entity, outlets and statement refs."""
    return {"name": voice["name"], "claimledger:entity": voice["entity"], "claimledger:outlets": voice["outlets"],
            "claimledger:statements": voice["statements"]}


def _wording(member: ClaimMember, document: Document) -> dict[str, Any]:
    """One document's wording of the claim (a claim or a statement's content)."""
    return {"@type": "Claim", "text": member.text, "claimledger:ref": f"{member.document}#{member.ref}",
            "claimledger:outlet": document.outlet}


def _disagreement(disagreement: Mapping[str, Any]) -> dict[str, Any]:
    """A ledger disagreement with every key in the extension's namespace (schema.org's ``value`` or
    ``event`` mean something else)."""
    return {
        "claimledger:event": disagreement["event"], "claimledger:unit": disagreement.get("unit"),
        "claimledger:values": [{f"claimledger:{key}": value for key, value in v.items()} for v in disagreement["values"]],
    }
