"""Order and identity across documents: "earliest" is by published date, then id.

Story and claim ids are derived from their earliest member, so they stay the same while the members
do (PRODUCT.md, "Ledger schema"): adding an unrelated document changes no id.
"""

from __future__ import annotations

import hashlib

from claimledger.model import Document

_ID_HEX_DIGITS = 10


def document_order(document: Document) -> tuple[bool, str, str]:
    """Sort key: dated documents by date, then undated ones; ties by id."""
    return document.published is None, document.published or "", document.id


def stable_id(prefix: str, earliest_member: str) -> str:
    """``prefix`` plus a short hash of the earliest member's reference (``"st3f9a…"``, ``"k81c0…"``)."""
    return prefix + hashlib.sha256(earliest_member.encode("utf-8")).hexdigest()[:_ID_HEX_DIGITS]
