"""Evals: the shipped models scored on public gold data, with floors that CI holds them to.

``run_eval("polnear")`` scores attribution spans on the PolNeAR dev split; see PRODUCT.md, "Quality —
measured, not assumed".
"""

from __future__ import annotations

from claimledger.evaluation.registry import EvalResult, available_evals, register_eval, run_eval

# Imported for its side effect: each eval module registers itself with @register_eval.
from claimledger.evaluation import polnear  # noqa: E402,F401  isort: skip
from claimledger.evaluation import fnc1  # noqa: E402,F401  isort: skip
from claimledger.evaluation import emergent  # noqa: E402,F401  isort: skip
from claimledger.evaluation import arc  # noqa: E402,F401  isort: skip
from claimledger.evaluation import checkworthy  # noqa: E402,F401  isort: skip
from claimledger.evaluation import clusters  # noqa: E402,F401  isort: skip
from claimledger.evaluation import statement_stance  # noqa: E402,F401  isort: skip

__all__ = ["EvalResult", "available_evals", "register_eval", "run_eval"]
