"""Statement stance: does a statement support or deny a claim, or speak of something else?

:func:`stance` works for any claim, not only the statement's own document's: the ledger uses it to
place statements from every outlet for or against a story's claims. It needs no parse, so that it
runs inside ``analyze`` for every statement at almost no cost:

1. **Relatedness** — how much of the claim the statement's content covers (stemmed content words,
   figures included), or whether the claim was taken from this very content (a headline
   "X denies Y" makes Y the central claim).
2. **Direction** — the speech act (deny, question, challenge against; assert, confirm, report,
   accuse for), flipped when the content negates what the claim states ("there was no purge").

A statement that reports nothing (declined to comment) is neutral.
"""

from __future__ import annotations

from functools import lru_cache

from claimledger.model import Claim, Stance, Statement
from claimledger.stance.text import NEGATION, stemmed_tokens, tokens

RELATED_COVERAGE = 0.34  # share of the claim's words the content must repeat to be about it
_AGAINST = {"deny", "question", "challenge"}
_FOR = {"assert", "confirm", "report", "accuse"}


def stance(statement: Statement, claim: Claim | str, claim_id: str | None = None) -> Stance:
    """The stance of ``statement`` toward ``claim`` (a :class:`Claim` or its text).

    Returns a :class:`Stance` whose ``score`` is the confidence in its label.
    """
    claim_text = claim if isinstance(claim, str) else claim.normalized or claim.text
    claim_id = claim_id or (claim.id if isinstance(claim, Claim) else "")
    if statement.content is None or statement.act not in _AGAINST | _FOR:
        return Stance(claim_id, "neutral", 0.9 if statement.content is None else 0.6)
    coverage = 1.0 if _is_source_of(statement, claim) else claim_coverage(statement.content.text, claim_text)
    if coverage < RELATED_COVERAGE:
        return Stance(claim_id, "neutral", round(1.0 - coverage, 4))
    against = (statement.act in _AGAINST) != negates(statement.content.text, claim_text)
    return Stance(claim_id, "deny" if against else "support", round(0.5 + 0.5 * coverage, 4))


def claim_coverage(content: str, claim: str) -> float:
    """The share of the claim's content words (stemmed) that the content repeats."""
    claim_words = _stems(claim)
    if not claim_words:
        return 0.0
    return len(claim_words & _stems(content)) / len(claim_words)


def negates(content: str, claim: str) -> bool:
    """Whether the content says the opposite of the claim: one of them negated, the other not."""
    return _negations(content) % 2 != _negations(claim) % 2


def _is_source_of(statement: Statement, claim: Claim | str) -> bool:
    """The claim was cut from this statement's content (same document)."""
    if isinstance(claim, str) or statement.content is None:
        return False
    return statement.content.start <= claim.start and claim.end <= statement.content.end


def _negations(text: str) -> int:
    return sum(token in NEGATION for token in tokens(text))


# The ledger compares every statement of a story with every claim of it: the same texts come again.
@lru_cache(maxsize=65_536)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stemmed_tokens(text))
