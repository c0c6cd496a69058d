"""Where the evaluation data lives, and a digest of exactly the files an eval reads.

The gold data is never copied into the repository: evals read it at run time from ``../shared/data``
(or ``CLAIMLEDGER_DATA``), and the floors file pins a digest of it so that a silent change of the data
cannot pass for a change of quality.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from claimledger.errors import EvalDataMissingError

DATA_ENV = "CLAIMLEDGER_DATA"
DIGEST_HEX_DIGITS = 16


def source_checkout_root() -> Path | None:
    """The repository root when claimledger runs from a source checkout (``src`` layout), else ``None``."""
    package_dir = Path(__file__).resolve().parents[1]
    src_dir = package_dir.parent
    repo_root = src_dir.parent
    if src_dir.name == "src" and (repo_root / "pyproject.toml").is_file():
        return repo_root
    return None


def data_root_candidates() -> list[Path]:
    """The folders :func:`data_root` looks at, in order.

    ``CLAIMLEDGER_DATA`` alone when set: an explicit setting that points nowhere is a mistake to
    report, not a reason to look elsewhere. Otherwise ``../shared/data`` seen from the working
    directory, then from the repository root of a source checkout.
    """
    configured = os.environ.get(DATA_ENV)
    if configured:
        return [Path(configured).resolve()]
    candidates = [(Path.cwd() / ".." / "shared" / "data").resolve()]
    repo_root = source_checkout_root()
    if repo_root is not None:
        candidates.append((repo_root.parent / "shared" / "data").resolve())
    return list(dict.fromkeys(candidates))  # the same folder twice when run from the checkout


def data_root() -> Path:
    """The evaluation data folder: the first of :func:`data_root_candidates` that exists.

    Raises :class:`EvalDataMissingError` naming the paths looked at when none exists.
    """
    candidates = data_root_candidates()
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = " or ".join(str(candidate) for candidate in candidates)
    raise EvalDataMissingError(f"evaluation data not found at {tried}: set {DATA_ENV} to the data folder")


def digest_files(paths: Iterable[Path], root: Path | None = None) -> str:
    """``"sha256:"`` plus 16 hex digits over the files' paths relative to ``root`` and their bytes.

    ``root`` defaults to :func:`data_root`. Files are hashed in sorted order of their relative POSIX
    paths, so the digest depends neither on the order given nor on where the data folder sits.
    """
    base = (root if root is not None else data_root()).resolve()
    relative = sorted((Path(p).resolve().relative_to(base).as_posix(), Path(p)) for p in paths)
    sha = hashlib.sha256()
    for name, path in relative:
        content = path.read_bytes()
        # Length prefixes keep file boundaries unambiguous: "ab"+"c" must not hash like "a"+"bc".
        sha.update(f"{len(name)}:{name}:{len(content)}:".encode("utf-8"))
        sha.update(content)
    return f"sha256:{sha.hexdigest()[:DIGEST_HEX_DIGITS]}"
