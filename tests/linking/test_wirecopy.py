"""Near-duplicate wire copy on invented variants of one invented wire story (no real outlet or event)."""

from __future__ import annotations

import claimledger
from claimledger.linking.wirecopy import WIRE_THRESHOLD, body_of, find_wire_copies, jaccard, shingles

PARAGRAPHS = [
    "More than 2,000 dead fish have been pulled from the Ressa River below the Velora Chemicals plant at Tarnby, "
    "environmental officials said on Wednesday.",
    "The fish, mostly roach, bream and perch, were found along a 3-kilometre stretch of the river by agency staff "
    "who were called out by local anglers on Tuesday evening.",
    "The National Environment Agency said water samples taken near the plant's discharge pipe showed dissolved "
    "oxygen far below normal levels.",
    "Velora Chemicals said it was cooperating fully with the agency and that its routine monitoring had not "
    "detected any abnormal discharge in the days before the fish were found.",
    "Anglers said the die-off was the worst they had seen in thirty years on the river.",
]
ORIGINAL = "\n\n".join(PARAGRAPHS)
OTHER_ARTICLE = (
    "Fishermen in Tarnby counted roughly 1,800 dead fish on Tuesday and blamed the chemical plant upstream. "
    "Tomasz Brenner, who chairs the local cooperative, said he had never seen anything like it. The company "
    "declined to comment, and the agency said it would publish test results by Friday."
)


def similarity(a: str, b: str) -> float:
    return jaccard(shingles(a), shingles(b))


def test_the_threshold_separates_copies_from_other_articles() -> None:
    trimmed = "\n\n".join(PARAGRAPHS[:-1])
    one_word_changed = ORIGINAL.replace("agency staff", "agency workers") + "\n\nReporting by Meridian Wire."
    assert similarity(ORIGINAL, trimmed) >= WIRE_THRESHOLD
    assert similarity(ORIGINAL, one_word_changed) >= WIRE_THRESHOLD
    assert similarity(ORIGINAL, OTHER_ARTICLE) < 0.1


def test_body_excludes_the_headline() -> None:
    document = claimledger.analyze("Body text here.", title="A headline", id="d1")
    assert body_of(document) == "\n\nBody text here."


def test_copies_point_to_the_earliest_member() -> None:
    wire = claimledger.analyze(ORIGINAL, title="Dead fish found below chemical plant", id="wire",
                               outlet="Meridian Wire", published="2026-05-13")
    renamed = claimledger.analyze(ORIGINAL, title="Dead fish carpet the Ressa", id="gazette",
                                  outlet="The Riverside Gazette", published="2026-05-14")
    trimmed = claimledger.analyze("\n\n".join(PARAGRAPHS[:-1]), title="Fish die-off at Tarnby", id="herald",
                                  outlet="Tarnby Herald", published="2026-05-14")
    other = claimledger.analyze(OTHER_ARTICLE, title="Fishermen count dead fish", id="sentinel",
                                outlet="The Valley Sentinel", published="2026-05-12")
    assert find_wire_copies([trimmed, other, renamed, wire]) == {"gazette": "wire", "herald": "wire"}
