"""Silver training data for the default network: ``--accurate`` labels news text that has no gold.

The fine-tuned encoder (``minilm-1`` read with ``crf-1``) scores 82.1 / 75.2 / 66.6 exact F1 on
PolNeAR dev, well above the default tagger, but is many times slower. Its labels on FNC-1's training
bodies (1,669 distinct news articles that have stance labels but no attribution gold) give the small
networks three times PolNeAR's text to learn from (:mod:`.convnet_training`).

Each token's silver label is the teacher's decoded tag, except where that tag disagrees with the
statements the teacher's pipeline keeps after linking and merging with the rules (4.6% of the
tokens): those tokens are left out of the loss, so the networks learn what survives, not the raw
tagger's slips. On PolNeAR dev the shipped pair of networks (``cnn-2``, seeds 0 and 1) scored 78.7 /
72.9 / 61.9 (79.1 / 72.7 / 61.8 as shipped, cut to 90,000 feature strings) against 78.1 / 72.1 / 61.4
for one network trained on the gold alone (``cnn-1``); an earlier pair trained the same way scored
78.6 / 72.5 / 62.5, so seeds and data order move content by a few tenths. Silver labels without the mask, the teacher's final statements only, scored 78.0 /
72.0 / 61.5 with one network.
"""

from __future__ import annotations

import logging
from pathlib import Path

from spacy.language import Language

from claimledger.attribution.convnet_training import IGNORED, Example, example, read_sequence
from claimledger.attribution.tagger import (
    AttributionModel, merge_statements, rule_spans, sequence_tags, statements_from_tags,
)
from claimledger.attribution.tagging import LABELS, encode_tags
from claimledger.attribution.transformer import TransformerTagger

log = logging.getLogger(__name__)

SILVER_SOURCE = Path("fnc-1") / "train_bodies.csv"


def silver_texts(root: Path) -> list[str]:
    """The distinct non-empty article bodies of FNC-1's training file under the data folder ``root``."""
    # Imported here: the stance package imports the pipeline, which imports attribution.
    from claimledger.stance.data import read_bodies

    bodies = read_bodies(root / SILVER_SOURCE).values()
    return list(dict.fromkeys(body.strip() for body in bodies if body.strip()))


def silver_examples(texts: list[str], nlp: Language, crf: AttributionModel, teacher: TransformerTagger) -> list[Example]:
    """Each text's CRF features, token vectors and the teacher's label ids, :data:`IGNORED` where the
    teacher's decoded tag is not what its final statements say."""
    examples: list[Example] = []
    agreed = total = 0
    for number, doc in enumerate(nlp.pipe(texts, batch_size=64), start=1):
        quoted, ruled, sequence = read_sequence(doc, crf)
        if not sequence.tokens:
            continue
        tags = sequence_tags(doc, sequence, quoted, ruled, crf, accurate=teacher)
        kept = merge_statements(ruled, statements_from_tags(doc, tags, sequence.tokens, quoted), doc.text)
        final = encode_tags(doc, sequence.tokens, rule_spans(kept))
        labels = [LABELS.index(tag) if tag == kept_tag else IGNORED for tag, kept_tag in zip(tags, final)]
        agreed += sum(label != IGNORED for label in labels)
        total += len(labels)
        examples.append(example(doc, sequence, labels))
        if number % 200 == 0:
            log.info("labelled %d of %d texts", number, len(texts))
    log.info("silver labels: %d texts, %d tokens, %.1f%% kept", len(examples), total, 100 * agreed / max(total, 1))
    return examples
