"""The stored ledger as the ``stories``, ``ledger`` and ``speaker`` commands show it (no printing here).

Everything is computed from the ``claimledger.ledger/1`` story objects the linker stored and from the
store's statement rows; only the speaker view's fallback (a surname, a name variant) links speakers
again, because the corpus speakers themselves are not stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, get_args

from claimledger.errors import UsageError
from claimledger.model import SpeechAct
from claimledger.store import Store, StoredStatement, name_as_stored

SIDES = ("supporters", "deniers", "neutral")
ACTS: tuple[str, ...] = get_args(SpeechAct)  # the speech acts in PRODUCT.md's order: assert, deny, …


@cache
def ledger_schema_name() -> str:
    """``"claimledger.ledger/1"``, read from the shipped JSON Schema.

    Read from the contract file rather than imported from :mod:`claimledger.linking`, whose import
    loads the stance and embedding models' code (over a second) that printing a stored ledger never needs.
    """
    schema = json.loads(resources.files("claimledger").joinpath("schema/ledger-1.schema.json").read_text("utf-8"))
    return schema["properties"]["schema"]["const"]


def ledger_object(stories: list[dict[str, Any]]) -> dict[str, Any]:
    """The ``claimledger.ledger/1`` object holding ``stories``."""
    return {"schema": ledger_schema_name(), "stories": stories}


# Stories


def story_outlets(story: Mapping[str, Any]) -> list[str]:
    """The story's outlets, in the order they first covered it."""
    return list(dict.fromkeys(d["outlet"] for d in story["documents"] if d.get("outlet")))


def independent_documents(story: Mapping[str, Any]) -> int:
    """The story's documents once each wire copy is collapsed to its original."""
    return len({d.get("duplicate_of") or d["id"] for d in story["documents"]})


def voice_statements(claims: Iterable[Mapping[str, Any]], side: str) -> int:
    """How many statements take ``side`` (``supporters``, ``deniers`` or ``neutral``) on ``claims``."""
    return sum(len(voice["statements"]) for claim in claims for voice in claim[side])


def at_stake(claim: Mapping[str, Any]) -> bool:
    """Whether a claim is at stake across outlets: some document's central claim, stated by two
    independent documents or more, or holding figures that disagree."""
    return bool(claim["central"] or len(claim.get("stated_in", [])) > 1 or claim["disagreements"])


def story_summary(story: Mapping[str, Any]) -> dict[str, Any]:
    """One row of ``claimledger stories``: counts, the claim ids, and the support/deny statement tally."""
    claims = story["claims"]
    return {
        "id": story["id"], "title": story["title"], "first_seen": story["first_seen"],
        "last_seen": story["last_seen"], "documents": len(story["documents"]), "outlets": story_outlets(story),
        "independent_sources": independent_documents(story), "claims": len(claims),
        "claim_ids": [claim["id"] for claim in claims],
        "support": voice_statements(claims, "supporters"), "deny": voice_statements(claims, "deniers"),
    }


def select_ledger(stories: list[dict[str, Any]], wanted: str | None) -> list[dict[str, Any]]:
    """The stories ``claimledger ledger [STORY|CLAIM]`` shows.

    No id: every story. A story id (``st…``): that story. A claim id (``k…``): the first story holding
    the claim, with only that claim (its documents and framing kept, for provenance).
    Raises :class:`UsageError` naming the id when no story or claim has it.
    """
    if wanted is None:
        return stories
    for story in stories:
        if story["id"] == wanted:
            return [story]
        claim = next((c for c in story["claims"] if c["id"] == wanted), None)
        if claim is not None:
            return [{**story, "claims": [claim]}]
    kind = "story" if wanted.startswith("st") else "claim" if wanted.startswith("k") else "story or claim"
    raise UsageError(f"no {kind} with id {wanted!r} in the store")


# Speakers


@dataclass
class SpeakerView:
    """Everything one speaker said: ``matched`` is the name found for the ``query``, ``acts`` maps each
    speech act (in :data:`ACTS` order) to its statements, by publication date."""

    query: str
    matched: str
    via_linking: bool
    acts: dict[str, list[StoredStatement]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON the ``speaker`` command prints."""
        return {
            "query": self.query, "matched": self.matched, "via_linking": self.via_linking,
            "acts": {act: [statement_entry(s) for s in rows] for act, rows in self.acts.items()},
        }


def statement_ref(statement: StoredStatement) -> str:
    """``"<doc id>#<statement id>"``, the reference the ledger's voices use."""
    return f"{statement.document_id}#{statement.statement_id}"


def statement_entry(statement: StoredStatement) -> dict[str, Any]:
    """A stored statement as JSON, with its ledger reference."""
    return {"ref": statement_ref(statement), **vars(statement)}


def speaker_view(store: Store, query: str) -> SpeakerView:
    """What the speaker named ``query`` said.

    First the statements whose resolved name is ``query`` (any case). When there are none, the corpus
    speakers are linked (:mod:`claimledger.linking.speakers`) and ``query`` is looked up among their
    names and variants, then as a surname, so "Halvorsen" finds "Dariusz Halvorsen".
    Raises :class:`UsageError` when no speaker matches, or when a surname is shared by several.
    """
    rows = store.statements_by_speaker(query)
    if rows:
        return _grouped(SpeakerView(query, name_as_stored(rows, query), via_linking=False), rows)
    return _linked_speaker_view(store, query)


def _linked_speaker_view(store: Store, query: str) -> SpeakerView:
    """The corpus speaker ``query`` names, with the statements of every variant of its name."""
    from claimledger.linking.speakers import link_speakers  # slow to import: only when the fast path failed

    documents = list(store.documents())
    story_of = {d["id"]: story["id"] for story in store.stories() for d in story["documents"]}
    links = link_speakers(documents, story_of)
    speaker = _find_speaker(links.speakers, query)
    mentions = {key for key, speaker_id in links.by_name.items() if speaker_id == speaker.id}
    found = {
        (row.document_id, row.statement_id): row
        for name in sorted({name for _, name in mentions}) for row in store.statements_by_speaker(name)
        if (row.document_id, name) in mentions  # the name as this document resolved it, or a member's
    }  # fmt: skip
    return _grouped(SpeakerView(query, speaker.name, via_linking=True), list(found.values()))


def _find_speaker(speakers: list, query: str):
    """The one corpus speaker whose name or a variant is ``query`` (titles dropped), else whose surname it is."""
    from claimledger.linking.speakers import strip_title

    wanted = strip_title(query).casefold()
    by_name = [s for s in speakers if wanted in {strip_title(n).casefold() for n in (s.name, *s.variants)}]
    found = by_name or [s for s in speakers if s.type == "PERSON" and len(s.name.split()) > 1
                        and s.name.split()[-1].casefold() == wanted]
    if not found:
        raise UsageError(f"no speaker named {query!r} in the store")
    if len(found) > 1:
        names = ", ".join(sorted(s.name for s in found))
        raise UsageError(f"{query!r} could be any of: {names}; give the full name")
    return found[0]


def _statement_order(statement: StoredStatement) -> tuple:
    """By publication date (undated last), then document, then statement number (s2 before s10)."""
    number = statement.statement_id.lstrip("s")
    return (statement.published is None, statement.published or "", statement.document_id,
            int(number) if number.isdigit() else 0, statement.statement_id)


def _grouped(view: SpeakerView, rows: list[StoredStatement]) -> SpeakerView:
    """``view`` with ``rows`` grouped by act, acts in :data:`ACTS` order (unknown acts last), each act's
    statements by publication date."""
    rows = sorted(rows, key=_statement_order)
    for act in sorted({row.act for row in rows}, key=lambda a: (ACTS.index(a) if a in ACTS else len(ACTS), a)):
        view.acts[act] = [row for row in rows if row.act == act]
    return view
