"""Statement stance: does a statement support or deny a claim, or speak of something else?

:func:`stance` works for any claim, not only the statement's own document's: the ledger uses it to
place statements from every outlet for or against a story's claims. It needs no parse, so that it
runs inside ``analyze`` for every statement at almost no cost. The shipped model
(:mod:`.statement_model`, trained on Emergent's headline statements) weighs relatedness (claim words,
character trigrams, names and figures shared) against direction (the speech act, negation on one
side only, refuting or confirming words). Two cases need no model:

- a statement that reports nothing (no content, or declined to comment) is neutral, and so is one
  whose cue is negated: not denying a claim ("did not deny"), or never having said it, is neither
  support nor denial;
- a statement whose content the claim was cut from (a headline "X denies Y" makes Y the central
  claim) is about it: its act alone decides, deny/question/challenge against, anything else for;
  a headline that is itself the claim ("Governor tells critics to 'find proof'") is borne out by the
  statement it reports.

Given a :class:`~.similarity.SentenceEncoder`, the ``statement-minilm`` model also weighs how close in
meaning the content is to the claim, which words miss ("denied that any protesters had been
mistreated" against "security forces beat demonstrators").
"""

from __future__ import annotations

from claimledger.model import Claim, Stance, Statement
from claimledger.stance.features import negation_parity
from claimledger.stance.similarity import SentenceEncoder
from claimledger.stance.statement_model import AGAINST_ACTS, shipped_statement_model
from claimledger.stance.text import NEGATION, stem_set, tokens

RELATED_COVERAGE = 0.34  # share of the claim's words a neutral content must repeat to voice it (ledger)


def stance(
    statement: Statement, claim: Claim | str, claim_id: str | None = None, encoder: SentenceEncoder | None = None,
) -> Stance:
    """The stance of ``statement`` toward ``claim`` (a :class:`Claim` or its text); with ``encoder``,
    read also by the similarity in meaning of content and claim (``statement-minilm``).

    Returns a :class:`Stance` whose ``score`` is the confidence in its label.
    """
    claim_text = claim if isinstance(claim, str) else claim.normalized or claim.text
    claim_id = claim_id or (claim.id if isinstance(claim, Claim) else "")
    if statement.content is None or statement.act == "refuse_comment" or _negated_cue(statement):
        return Stance(claim_id, "neutral", 0.9 if statement.content is None else 0.6)
    if is_source_of(statement, claim):
        against = statement.act in AGAINST_ACTS and not _reports(claim, statement)
        return Stance(claim_id, "deny" if against else "support", 1.0)
    if encoder is None:
        label, score = shipped_statement_model().label(statement, claim_text)
    else:
        similarity = encoder.similarity(statement.content.text, claim_text)
        label, score = shipped_statement_model(reads_similarity=True).label(statement, claim_text, similarity)
    return Stance(claim_id, label, round(score, 4))


def _negated_cue(statement: Statement) -> bool:
    """"did not deny", "never said", "without explaining": the cue says the act was not done."""
    return any(word in NEGATION for word in tokens(statement.cue.text))


def claim_coverage(content: str, claim: str) -> float:
    """The share of the claim's content words (stemmed) that the content repeats."""
    claim_words = stem_set(claim)
    if not claim_words:
        return 0.0
    return len(claim_words & stem_set(content)) / len(claim_words)


def negates(content: str, claim: str) -> bool:
    """Whether the content says the opposite of the claim: one of them negated, the other not."""
    return negation_parity(tokens(content)) != negation_parity(tokens(claim))


def is_source_of(statement: Statement, claim: Claim | str) -> bool:
    """The claim was cut from this statement's content (same document), or is the central claim and the
    statement the headline's, which the central claim is drawn from even when the headline only names
    what it denies ("Diplomats reject rights reports": the claim is what the body says the reports say)."""
    if isinstance(claim, str) or statement.content is None:
        return False
    if claim.central and statement.in_headline:
        return True
    return statement.content.start <= claim.start and claim.end <= statement.content.end


def _reports(claim: Claim | str, statement: Statement) -> bool:
    """The claim holds the statement's cue: it is the headline that reports the statement ("Kestrel
    governor tells foreign critics to 'find proof'"), which the statement bears out, whatever its act."""
    return isinstance(claim, Claim) and claim.start <= statement.cue.start and statement.cue.end <= claim.end
