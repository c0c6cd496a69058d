"""claimledger: who claims what in the news, who denies it, and where the numbers disagree.

The library API::

    import claimledger
    document = claimledger.analyze(text, title="…", outlet="…")
    document.statements, document.to_dict()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "analyze", "analyze_articles"]

if TYPE_CHECKING:
    from claimledger.pipeline import analyze, analyze_articles


def __getattr__(name: str) -> Any:
    # Imported lazily: the pipeline pulls in spaCy, which `claimledger --help` should not wait for.
    if name in {"analyze", "analyze_articles"}:
        from claimledger import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'claimledger' has no attribute {name!r}")
