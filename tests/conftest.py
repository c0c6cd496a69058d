"""Shared fixtures: the spaCy pipeline loaded once per session, and the data folder rule."""

from __future__ import annotations

import pytest

from claimledger.parse import load_nlp


@pytest.fixture(scope="session")
def nlp():
    """The shared English pipeline (the same one `analyze` uses)."""
    return load_nlp()
