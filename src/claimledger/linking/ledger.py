"""The ``claimledger.ledger/1`` object: per story, its documents, its claims with who supports and who
denies them, the evidence they cite, quote variants, figures and where they disagree, and framing.

Every statement of a story is placed toward each of the story's claims with
:func:`claimledger.stance.statements.stance`; voices are grouped by corpus speaker
(:mod:`claimledger.linking.speakers`), so "Lavrov" in one outlet and "Foreign Minister Sergei Lavrov"
in another are one denier. ``independent_sources`` counts the documents that state the claim or
attribute it (a supporting or denying statement) after wire copies are collapsed to their original.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimledger.linking.claims import ClaimCluster, ClaimMember, comparable
from claimledger.linking.clusters import Groups, group_members
from claimledger.linking.corpus import CorpusLinks, link_corpus
from claimledger.linking.evidence import cited_evidence
from claimledger.linking.quotes import Quote, quote_variants
from claimledger.linking.stories import Story
from claimledger.model import Claim, Document, Quantity, Stance, Statement
from claimledger.quantities import intervals_disagree
from claimledger.stance.similarity import Embedder
from claimledger.stance.statements import RELATED_COVERAGE, claim_coverage, is_source_of, stance

SCHEMA_LEDGER = "claimledger.ledger/1"
UNATTRIBUTED = "(unattributed)"


def build_ledger(documents: Iterable[Document], encoder: Embedder | None = None) -> dict:
    """Link ``documents`` and return the ``claimledger.ledger/1`` object (``duplicate_of`` is set on the way);
    with ``encoder``, claims are compared by meaning as well as by words."""
    return ledger_from_links(link_corpus(documents, encoder))


def ledger_from_links(links: CorpusLinks) -> dict:
    """The ledger of an already linked corpus."""
    context = _Context(links)
    return {"schema": SCHEMA_LEDGER, "stories": [context.story_entry(story) for story in links.stories]}


@dataclass(frozen=True)
class _Placed:
    """A statement of the story placed toward one claim."""

    document: Document
    statement: Statement
    stance: Stance


class _Context:
    """Lookups shared by every story of one ledger."""

    def __init__(self, links: CorpusLinks) -> None:
        self.links = links
        self.documents = {document.id: document for document in links.documents}
        self.clusters = {cluster.id: cluster for cluster in links.claims}

    def story_entry(self, story: Story) -> dict:
        """One story: its documents, its claims (central first, then by sources), its framing."""
        documents = [self.documents[d] for d in story.documents]
        dates = sorted(d.published for d in documents if d.published)
        claims = [self.claim_entry(cluster, documents) for cluster in self._story_claims(documents)]
        claims.sort(key=lambda claim: (not claim["central"], -claim["independent_sources"]))
        return {
            "id": story.id,
            "title": documents[0].title or documents[0].text[:80],
            "first_seen": dates[0] if dates else None,
            "last_seen": dates[-1] if dates else None,
            "documents": [
                {"id": d.id, "title": d.title, "outlet": d.outlet, "published": d.published, "duplicate_of": d.duplicate_of}
                for d in documents
            ],
            "claims": claims,
            "framing": [
                {"outlet": d.outlet, "document": d.id, "markers": [m.text for m in d.framing_markers]}
                for d in documents if d.framing_markers
            ],
        }

    def claim_entry(self, cluster: ClaimCluster, documents: list[Document]) -> dict:
        """One claim with its voices, sources, evidence, quote variants, figures and disagreements."""
        placed = self._placed(cluster, documents)
        stating = {member.document for member in cluster.members}
        attributing = {p.document.id for p in placed if p.stance.label != "neutral"}
        figures = self._figures(cluster)
        rival_figures = [f for rival in cluster.conflicts for f in self._figures(self.clusters[rival])]
        if cluster.central:
            rival_figures += _comparable_figures(figures, documents, exclude=figures + rival_figures)
        return {
            "id": cluster.id,
            "text": self._claim_text(cluster),
            "central": cluster.central,
            "supporters": self._voices([p for p in placed if p.stance.label == "support"]),
            "deniers": self._voices([p for p in placed if p.stance.label == "deny"]),
            "neutral": self._voices([p for p in placed if p.stance.label == "neutral"]),
            "independent_sources": len({self.links.original_of(d) for d in stating | attributing}),
            "stated_in": sorted({self.links.original_of(d) for d in stating}),
            "evidence": self._evidence(p for p in placed if p.stance.label != "neutral"),
            "quote_variants": quote_variants(self._quotes(placed)),
            "quantities": [_figure_entry(document, quantity) for document, quantity in figures],
            "disagreements": disagreements(figures + rival_figures),
        }

    def _story_claims(self, documents: list[Document]) -> list[ClaimCluster]:
        """The clusters holding a claim (not only statement contents) of the story's documents."""
        found: dict[str, ClaimCluster] = {}
        for document in documents:
            for claim in document.claims:
                cluster = self.links.claim_of(f"{document.id}#{claim.id}")
                if cluster is not None:
                    found.setdefault(cluster.id, cluster)
        return list(found.values())

    def _claim_text(self, cluster: ClaimCluster) -> str:
        """The wording of the claim: its :meth:`_wording` member's text."""
        return self._wording(cluster).text

    @staticmethod
    def _wording(cluster: ClaimCluster) -> ClaimMember:
        """The earliest member that is a document's claim (central first), as normalised."""
        claims = [m for m in cluster.members if m.ref.startswith("c")]
        return min(claims, key=lambda m: not m.central, default=cluster.members[0])

    def _placed(self, cluster: ClaimCluster, documents: list[Document]) -> list[_Placed]:
        """The statements of the story that speak to the claim, with their stance toward it.

        A statement speaks to the claim when it repeats enough of the claim's words (neutral ones
        only then, or when they decline to comment on the story's central claim). For or against the
        central claim, the stance model decides. A claim of the story's other claims is spoken to,
        besides, only by the statements that word it (the cluster's members) or that it was cut
        from: the model learnt relatedness from claims of different stories, and reads the topic
        that all of one story's statements share ("Orvik", "March 3", "detained") as support.
        """
        wording = self._wording(cluster)
        text = wording.text
        own = {(m.document, m.ref) for m in cluster.members}
        figures = [(self.documents[wording.document], quantity) for quantity in wording.quantities]
        placed = []
        for document in documents:
            claim = next((c for c in document.claims if (document.id, c.id) in own), None)
            for statement in document.statements:
                if _disputes_figures(document, statement, figures):
                    placed.append(_Placed(document, statement, Stance(cluster.id, "deny", 1.0)))
                    continue
                judged = self._judged_against(statement, claim, text)
                result = stance(statement, judged, cluster.id)
                if result.label == "neutral":
                    speaks = _voices_on(statement, text, cluster.central)
                else:
                    speaks = (cluster.central or judged is claim or (document.id, statement.id) in own
                              or _voices_on(statement, text, False))
                if speaks:
                    placed.append(_Placed(document, statement, result))
        return placed

    @staticmethod
    def _judged_against(statement: Statement, claim: Claim | None, text: str) -> Claim | str:
        """What a statement's stance toward a claim cluster is read against.

        The document's own claim of the cluster when it was cut from the statement (the headline's
        "X denies Y" for the central claim Y: the act decides); else the cluster's wording, the same
        for every outlet. Another sentence of the cluster is no wording to read statements against:
        it may report a denial of the claim ("The minister rejected criticism over the treatment of
        protesters"), and a statement's content is in the cluster for its sentence's words as much
        as for its own.
        """
        if claim is not None and is_source_of(statement, claim):
            return claim
        return text

    def _voices(self, placed: list[_Placed]) -> list[dict]:
        """Placed statements grouped by corpus speaker: name, entity, outlets, ``"<doc>#<statement>"`` refs.
        A statement several make together ("CRM and Amnesty International said") counts for each."""
        voices: dict[str, dict] = {}
        for p in placed:
            speaker = p.statement.speaker
            found = [self.links.speakers.speaker(p.document.id, name) for name in (speaker.names if speaker else ())]
            corpora = list({c.id: c for c in found if c is not None}.values())
            for corpus in corpora or [None]:
                key = corpus.id if corpus else UNATTRIBUTED
                voice = voices.setdefault(key, {"name": corpus.name if corpus else UNATTRIBUTED,
                                                "entity": corpus.id if corpus else None, "outlets": [], "statements": []})
                if p.document.outlet and p.document.outlet not in voice["outlets"]:
                    voice["outlets"].append(p.document.outlet)
                voice["statements"].append(f"{p.document.id}#{p.statement.id}")
        return list(voices.values())

    def _evidence(self, placed: Iterable[_Placed]) -> list[dict]:
        """The evidence the placed statements cite, each phrase once."""
        found = {}
        for p in placed:
            for evidence in cited_evidence(p.document, p.statement):
                found.setdefault((evidence.document, evidence.start, evidence.end), evidence.to_dict())
        return list(found.values())

    def _quotes(self, placed: list[_Placed]) -> list[Quote]:
        """The direct quotes among the placed statements, with their corpus speakers."""
        quotes = []
        for p in placed:
            speaker, content = p.statement.speaker, p.statement.content
            if p.statement.kind == "direct" and speaker is not None and content is not None:
                corpus = self.links.speakers.speaker(p.document.id, speaker.name or speaker.text)
                quotes.append(Quote(corpus.id if corpus else speaker.text, content.text.strip("“”\"' "),
                                    p.document.id, self.links.original_of(p.document.id)))
        return quotes

    def _figures(self, cluster: ClaimCluster) -> list[tuple[Document, Quantity]]:
        """The figures the cluster's members state, each once."""
        seen: dict[tuple[str, str], tuple[Document, Quantity]] = {}
        for member in cluster.members:
            for quantity in member.quantities:
                seen.setdefault((member.document, quantity.id), (self.documents[member.document], quantity))
        return list(seen.values())


def disagreements(figures: list[tuple[Document, Quantity]]) -> list[dict]:
    """Groups of comparable figures (same unit and event) of which at least two disagree, per the interval rule.

    Only figures of different documents disagree: two figures in one article ("fined $250,000", "fined
    $40,000 in 2021") count two things, not one thing two ways.
    """
    groups = Groups(len(figures))
    for i, (first_document, a) in enumerate(figures):
        for j in range(i + 1, len(figures)):
            second_document, b = figures[j]
            if first_document.id != second_document.id and comparable(a, b) and intervals_disagree(a, b):
                groups.union(i, j)
    entries = []
    for members in group_members(groups.labels()):
        if len(members) > 1:
            quantities = [figures[m][1] for m in members]
            # A headline and its body giving the same figure are one value of that outlet.
            values = {_said_once(*figures[m]): _value_entry(*figures[m]) for m in members}
            entries.append({
                "event": next((q.event for q in quantities if q.event), None),
                "unit": quantities[0].unit,
                "values": list(values.values()),
            })
    return entries


def _said_once(document: Document, quantity: Quantity) -> tuple:
    return document.id, quantity.text.lower(), quantity.value, quantity.bound


def _comparable_figures(
    figures: list[tuple[Document, Quantity]], documents: list[Document], exclude: list[tuple[Document, Quantity]]
) -> list[tuple[Document, Quantity]]:
    """The figures of the story's ``documents`` that count what one of ``figures`` counts: a central
    claim is checked against every count of its thing in the story ("more than 2,000 dead fish" in
    one outlet, "roughly 1,800" in another), not only against the sentences clustered with it."""
    seen = {(document.id, quantity.id) for document, quantity in exclude}
    return [
        (document, quantity) for document in documents for quantity in document.quantities
        if (document.id, quantity.id) not in seen and any(comparable(quantity, own) for _, own in figures)
    ]


def _disputes_figures(document: Document, statement: Statement, figures: list[tuple[Document, Quantity]]) -> bool:
    """Whether the statement gives a figure that disagrees with one of the claim's wording, in another
    document ("About 60 people have been detained" against "More than 100 people have been detained"):
    it denies the claim, however many of its words it repeats. The stance model reads shared words
    and sees only that the figures differ."""
    content = statement.content
    if content is None:
        return False
    own = [q for q in document.quantities if content.start <= q.start and q.end <= content.end]
    return any(
        other.id != document.id and comparable(mine, theirs) and intervals_disagree(mine, theirs)
        for mine in own for other, theirs in figures
    )


def _voices_on(statement: Statement, claim_text: str, central: bool) -> bool:
    """Whether a statement speaks about the claim rather than about something else: its content
    repeats enough of the claim's words, or it declines to comment on a central claim."""
    if statement.content is None:
        return central and statement.act == "refuse_comment"
    return claim_coverage(statement.content.text, claim_text) >= RELATED_COVERAGE


def _value_entry(document: Document, quantity: Quantity) -> dict:
    return {"value": quantity.to_dict()["value"], "bound": quantity.bound, "outlet": document.outlet,
            "document": document.id, "text": quantity.text}


def _figure_entry(document: Document, quantity: Quantity) -> dict:
    figure = quantity.to_dict()
    return {"value": figure["value"], "value_max": figure["value_max"], "bound": quantity.bound, "unit": quantity.unit,
            "event": quantity.event, "text": quantity.text, "outlet": document.outlet, "document": document.id}
