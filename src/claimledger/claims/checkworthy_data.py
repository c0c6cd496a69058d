"""The check-worthiness training data: CLEF CheckThat! debates (2019 + 2020, deduplicated) and ClaimBuster.

Everything under ``../shared/data`` (see the READMEs there):

- ``clef2019-checkthat-task1/training/*.tsv`` and ``clef2020-checkthat-task5/training/*.tsv``: debates
  and speeches, one sentence per line, label 1 when factcheck.org checked it. Nine CLEF-2020 files are
  the same events as CLEF-2019 files, relabelled; the CLEF-2019 copy is kept (its labels follow the
  guidelines of the CLEF-2019 test annotation) and the CLEF-2020 copy is not read at all.
- ``claimbuster/cfs_ncs_ratio_study_train_25.json`` (UTF-16): sentences of US presidential debates,
  label 1 = check-worthy factual sentence (CFS), 0 = not (NCS).

ClaimBuster and four CLEF debates come from the same transcripts (the 2012 and 2016 presidential
debates), so a sentence can sit on both sides of a split. :func:`leakage_links` links every ClaimBuster
sentence to the sentences (in either dataset) with the same words or a common run of eight words, and
:meth:`CheckworthyCorpus.training_mask` drops from training whatever is linked to held-out sentences.

The dev split (the shipped model is trained on the rest): every fifth debate in name order, and the
ClaimBuster sentences whose ``sentence_id`` is a multiple of five. ClaimBuster's cross-validation folds
are ``sentence_id % 5``, so the dev part is fold 0.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from claimledger.claims.checkworthy import ClefLine, read_clef_file
from claimledger.errors import ClaimledgerError

CLEF2019_DIR = "clef2019-checkthat-task1/training"
CLEF2020_DIR = "clef2020-checkthat-task5/training"
CLAIMBUSTER_FILE = "claimbuster/cfs_ncs_ratio_study_train_25.json"
# CLEF-2020 file -> the CLEF-2019 file of the same event (clef2020-checkthat-task5/README.md).
CLEF2020_DUPLICATES = {
    "20160926_1pres": "20160926_1pres",
    "20161005_vice_pres": "20161005_vice_pres",
    "20161010_2pres": "20161010_2pres",
    "20161019_3pres": "20161019_3pres",
    "20181112_trump_pelosi": "20181112_trump_pelosi",
    "20170216_Trump_press_conference": "20170216_trump_press",
    "20170228_Trump_Congress_joint_session": "20170228_trump_address",
    "20170315_Trump_Nashville": "20170315_nashville",
    "20170601_Trump_Paris_Climate": "20170601_paris_climate_n",
}
DEV_EVERY = 5
CLAIMBUSTER_FOLDS = 5
LINK_NGRAM = 8
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Debate:
    """One CLEF transcript: ``name`` is ``"<edition>/<file stem>"`` (``"2019/20160926_1pres"``)."""

    name: str
    path: Path
    lines: tuple[ClefLine, ...]


@dataclass(frozen=True)
class ClaimBusterSentence:
    """One ClaimBuster sentence; ``label`` 1 = check-worthy factual sentence (CFS)."""

    sentence_id: int
    text: str
    label: int


def clef_files(root: Path) -> list[Path]:
    """The CLEF TSVs to read: all of CLEF-2019's training files, CLEF-2020's minus the duplicated events."""
    files = sorted((root / CLEF2019_DIR).glob("*.tsv"))
    files += [p for p in sorted((root / CLEF2020_DIR).glob("*.tsv")) if p.stem not in CLEF2020_DUPLICATES]
    if not files:
        raise ClaimledgerError(f"no CLEF CheckThat! files found in {root / CLEF2019_DIR} or {root / CLEF2020_DIR}")
    return files


def debate_name(path: Path) -> str:
    """``"2019/<stem>"`` or ``"2020/<stem>"``, from the folder the file is in."""
    edition = "2019" if path.parent.parent.name.startswith("clef2019") else "2020"
    return f"{edition}/{path.stem}"


def load_debates(root: Path) -> list[Debate]:
    """The deduplicated CLEF training debates, sorted by name; every line must carry a 0/1 label."""
    debates = []
    for path in clef_files(root):
        lines = tuple(read_clef_file(path))
        if any(line.label not in (0, 1) for line in lines):
            raise ClaimledgerError(f"{path}: every line needs a 0/1 label")
        debates.append(Debate(debate_name(path), path, lines))
    return sorted(debates, key=lambda debate: debate.name)


def load_claimbuster(root: Path) -> list[ClaimBusterSentence]:
    """ClaimBuster's training sentences, sorted by ``sentence_id`` (the file is UTF-16 with a BOM)."""
    path = root / CLAIMBUSTER_FILE
    try:
        records = json.loads(path.read_bytes().decode("utf-16"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ClaimledgerError(f"{path}: cannot read ClaimBuster ({error})") from None
    sentences = [ClaimBusterSentence(int(r["sentence_id"]), str(r["text"]), int(r["label"])) for r in records]
    return sorted(sentences, key=lambda sentence: sentence.sentence_id)


def link_keys(text: str) -> set[str]:
    """What makes two sentences "the same": all their words, or any run of :data:`LINK_NGRAM` words."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    keys = {"=" + " ".join(words)}
    keys.update(" ".join(words[i : i + LINK_NGRAM]) for i in range(len(words) - LINK_NGRAM + 1))
    return keys


def leakage_links(texts: list[str], is_claimbuster: np.ndarray) -> sp.csr_matrix:
    """A symmetric 0/1 matrix linking each ClaimBuster sentence to every other sentence sharing a key.

    CLEF sentences are not linked to each other: the debates are the units of the CLEF splits, and a
    claim repeated in two speeches is two events.
    """
    rows_by_key: dict[str, list[int]] = defaultdict(list)
    for row, text in enumerate(texts):
        for key in link_keys(text):
            rows_by_key[key].append(row)
    pairs: set[tuple[int, int]] = set()
    for rows in rows_by_key.values():
        claimbuster_rows = [r for r in rows if is_claimbuster[r]]
        pairs.update((a, b) for a in claimbuster_rows for b in rows if a != b)
    if not pairs:
        return sp.csr_matrix((len(texts), len(texts)))
    first, second = map(np.array, zip(*pairs))
    links = sp.coo_matrix((np.ones(len(pairs)), (first, second)), shape=(len(texts), len(texts))).tocsr()
    return ((links + links.T) > 0).astype(np.float64).tocsr()


@dataclass
class CheckworthyCorpus:
    """All training sentences in one table: CLEF debates first (in debate order), then ClaimBuster.

    ``debate`` is the row's index into ``debates`` (-1 for ClaimBuster); ``claimbuster_fold`` its
    cross-validation fold (-1 for CLEF).
    """

    texts: list[str]
    labels: np.ndarray
    is_claimbuster: np.ndarray
    debate: np.ndarray
    claimbuster_fold: np.ndarray
    debates: list[Debate]
    files: list[Path]
    links: sp.csr_matrix = field(repr=False)

    def linked_to(self, held_out: np.ndarray) -> np.ndarray:
        """The rows linked (see :func:`leakage_links`) to any held-out row."""
        return np.asarray(self.links @ held_out.astype(np.float64)).ravel() > 0

    def training_mask(self, held_out: np.ndarray) -> np.ndarray:
        """Every row neither held out nor linked to a held-out row."""
        return ~held_out & ~self.linked_to(held_out)

    def dev_mask(self) -> np.ndarray:
        """The dev split: every :data:`DEV_EVERY`-th debate and ClaimBuster fold 0."""
        dev_debates = np.arange(len(self.debates)) % DEV_EVERY == DEV_EVERY - 1
        in_dev_debate = (self.debate >= 0) & dev_debates[np.maximum(self.debate, 0)]
        return in_dev_debate | (self.claimbuster_fold == 0)

    def debate_mask(self, index: int) -> np.ndarray:
        """The rows of debate ``index``."""
        return self.debate == index


def load_corpus(root: Path) -> CheckworthyCorpus:
    """Read the CLEF debates and ClaimBuster under ``root`` into one :class:`CheckworthyCorpus`."""
    debates = load_debates(root)
    claimbuster = load_claimbuster(root)
    texts = [line.text for debate in debates for line in debate.lines] + [s.text for s in claimbuster]
    labels = [line.label for debate in debates for line in debate.lines] + [s.label for s in claimbuster]
    debate_of_row = [i for i, debate in enumerate(debates) for _ in debate.lines] + [-1] * len(claimbuster)
    clef_rows = len(texts) - len(claimbuster)
    is_claimbuster = np.arange(len(texts)) >= clef_rows
    folds = [-1] * clef_rows + [s.sentence_id % CLAIMBUSTER_FOLDS for s in claimbuster]
    return CheckworthyCorpus(
        texts=texts,
        labels=np.array(labels, dtype=np.int64),
        is_claimbuster=is_claimbuster,
        debate=np.array(debate_of_row, dtype=np.int64),
        claimbuster_fold=np.array(folds, dtype=np.int64),
        debates=debates,
        files=[debate.path for debate in debates] + [root / CLAIMBUSTER_FILE],
        links=leakage_links(texts, is_claimbuster),
    )
