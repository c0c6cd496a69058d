"""Reading stance data: FNC-1-format CSV pairs (FNC-1, ARC), the claim-disjoint split and Emergent."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from claimledger.errors import ClaimledgerError, InputError

FNC_DIR = "fnc-1"
SPLIT_FILE = Path("splits") / "claim_disjoint_split.csv"
EMERGENT_DIR = "emergent"
EMERGENT_TRAIN = "url-versions-2015-06-14-clean-train.csv"
EMERGENT_FOLDS = 10


@dataclass(frozen=True)
class StancePair:
    """One headline–body pair; ``stance`` is the gold label, ``None`` when unlabelled."""

    headline: str
    body_id: str
    body: str
    stance: str | None = None


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """All rows of a UTF-8 CSV file with a header (a BOM is tolerated), as dicts."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(str(path), f"cannot read CSV ({error})") from None


def require_columns(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...]) -> None:
    """Raise :class:`InputError` naming ``path`` unless every row has ``columns``."""
    present = set(rows[0]) if rows else set(columns)
    missing = [column for column in columns if column not in present]
    if missing:
        raise InputError(str(path), f"missing column(s) {', '.join(missing)}")


def read_bodies(path: Path) -> dict[str, str]:
    """``Body ID -> articleBody`` from an FNC-1-format bodies file."""
    rows = read_csv_rows(path)
    require_columns(path, rows, ("Body ID", "articleBody"))
    return {row["Body ID"].strip(): row["articleBody"] for row in rows}


def read_pairs(bodies_csv: Path, stances_csv: Path) -> list[StancePair]:
    """The pairs of an FNC-1-format stances file joined with their bodies; ``Stance`` is optional."""
    bodies = read_bodies(bodies_csv)
    rows = read_csv_rows(stances_csv)
    require_columns(stances_csv, rows, ("Headline", "Body ID"))
    pairs = []
    for line, row in enumerate(rows, start=2):
        body_id = row["Body ID"].strip()
        if body_id not in bodies:
            raise InputError(f"{stances_csv}:{line}", f"Body ID {body_id} is not in {bodies_csv}")
        stance = (row.get("Stance") or "").strip() or None
        pairs.append(StancePair(row["Headline"], body_id, bodies[body_id], stance))
    return pairs


def fnc_files(root: Path) -> tuple[Path, Path, Path]:
    """The FNC-1 bodies, stances and claim-disjoint split files under the data folder ``root``."""
    folder = root / FNC_DIR
    return folder / "train_bodies.csv", folder / "train_stances.csv", folder / SPLIT_FILE


def claim_disjoint_split(root: Path) -> tuple[list[StancePair], list[StancePair]]:
    """The train and dev sides of FNC-1's claim-disjoint split (``dropped`` rows are left out).

    The split file has one row per row of ``train_stances.csv``, in the same order; each row's headline
    and Body ID are checked against it so a reordered file cannot silently mislabel the sides.
    """
    bodies_csv, stances_csv, split_csv = fnc_files(root)
    pairs = read_pairs(bodies_csv, stances_csv)
    sides = read_csv_rows(split_csv)
    if len(sides) != len(pairs):
        raise ClaimledgerError(f"{split_csv}: {len(sides)} rows but {stances_csv} has {len(pairs)}")
    train, dev = [], []
    for pair, side in zip(pairs, sides, strict=True):
        if side["Headline"] != pair.headline or side["Body ID"].strip() != pair.body_id:
            raise ClaimledgerError(f"{split_csv}: rows are not in the order of {stances_csv}")
        if side["split"] == "train":
            train.append(pair)
        elif side["split"] == "dev":
            dev.append(pair)
    return train, dev


@dataclass(frozen=True)
class EmergentPair:
    """One Emergent pair: a claim, an article headline, the gold stance (for|against|observing)."""

    claim: str
    headline: str
    stance: str | None
    claim_id: str


def read_emergent(path: Path) -> list[EmergentPair]:
    """The pairs of an Emergent CSV (columns claimHeadline, articleHeadline, articleHeadlineStance, claimId)."""
    rows = read_csv_rows(path)
    require_columns(path, rows, ("claimHeadline", "articleHeadline"))
    return [
        EmergentPair(
            row["claimHeadline"],
            row["articleHeadline"],
            (row.get("articleHeadlineStance") or "").strip() or None,
            row.get("claimId", ""),
        )
        for row in rows
    ]


def emergent_fold_files(root: Path, fold: int) -> tuple[Path, Path]:
    """The train and test CSV of fold ``fold`` (1–10) of the paper's claim-grouped cross-validation."""
    folder = root / EMERGENT_DIR
    stem = "url-versions-2015-06-14-clean"
    return folder / f"{stem}-train-fold-{fold}.csv", folder / f"{stem}-test-fold-{fold}.csv"
