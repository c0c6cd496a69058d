"""First names and the gender they mostly go with, so that "she" does not resolve to a man.

The list ``data/first_names.tsv`` is drawn from nomquamgender's name data (Van Buskirk et al., MIT
licence; 36 sources of names with the share of women bearing each): the names borne at least
:data:`MIN_COUNT` times whose share of women is at most :data:`CLEAR_SHARE` or at least 1 minus it,
which is the package's own default for classifying a name. Names in between ("Jean", "Kim", "Taylor")
say nothing. ``claimledger train first-names`` rebuilds the list (it needs nomquamgender installed).
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

from claimledger.errors import UsageError
from claimledger.training import TrainOptions, register_trainer

FIRST_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "first_names.tsv"
MIN_COUNT = 500
CLEAR_SHARE = 0.1


@functools.cache
def _genders() -> dict[str, str]:
    genders = {}
    for line in FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            genders[name] = gender
    return genders


def first_name_gender(word: str) -> str | None:
    """"male" or "female" for a first name that mostly goes with one ("Hillary", "Andrei"), else ``None``."""
    return _genders().get(word.lower())


def clear_genders(name_data: dict[str, list]) -> dict[str, str]:
    """The names of nomquamgender's ``name_data`` (name -> [sources, count, share of women, …]) whose
    gender is clear, plain ASCII letters only."""
    genders = {}
    for name, (_, count, share, *_) in name_data.items():
        if name.isascii() and name.isalpha() and count >= MIN_COUNT:
            if share <= CLEAR_SHARE:
                genders[name] = "male"
            elif share >= 1 - CLEAR_SHARE:
                genders[name] = "female"
    return genders


@register_trainer("first-names")
def build_first_names(options: TrainOptions) -> str:
    """Rebuild ``data/first_names.tsv`` from the installed nomquamgender package."""
    # Found, not imported: the package's own module loads pandas, which the data does not need.
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise UsageError("building the first-name list needs nomquamgender: pip install --no-deps nomquamgender==0.1.4")
    source = Path(spec.submodule_search_locations[0]) / "name_data.json"
    name_data = json.loads(source.read_text(encoding="utf-8"))
    genders = clear_genders(name_data)
    header = (
        "# First names and the gender most of their bearers have: nomquamgender 0.1.4 (MIT licence),\n"
        f"# names borne at least {MIN_COUNT} times with a share of women <= {CLEAR_SHARE} or >= {1 - CLEAR_SHARE}.\n"
        "# Rebuild: claimledger train first-names\n"
    )
    FIRST_NAMES_FILE.write_text(header + "".join(f"{n}\t{g}\n" for n, g in sorted(genders.items())), encoding="utf-8")
    _genders.cache_clear()
    return f"wrote {len(genders)} first names to {FIRST_NAMES_FILE}"
