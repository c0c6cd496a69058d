"""Geometry of the pages' small charts, computed here and drawn as inline SVG by the templates.

SVG rather than CSS widths: the Content-Security-Policy forbids inline ``style`` attributes, while
SVG's ``x``/``width`` attributes are plain geometry. No chart needs JavaScript.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from claimledger.linking.stories import published_date

STANCES = ("support", "neutral", "deny")  # drawn left to right: agreement, then the undecided, then denial
BAR_WIDTH = 120

TIMELINE_WIDTH = 760
LABEL_WIDTH = 170  # the outlet names, left of the plot
LANE_HEIGHT = 28
AXIS_HEIGHT = 26
RIGHT_PAD = 18
DOT_SPACING = 11  # px between articles of one outlet on one day
MAX_TICKS = 8


@dataclass(frozen=True)
class BarPart:
    """One stance's share of a stance bar."""

    x: float
    width: float
    stance: str
    count: int


def stance_bar(counts: Mapping[str, int], width: float = BAR_WIDTH) -> list[BarPart]:
    """Parts of a ``width``-wide bar proportional to the support / neutral / deny counts (empty when all are 0)."""
    total = sum(counts.get(stance, 0) for stance in STANCES)
    parts, x = [], 0.0
    for stance in STANCES:
        count = counts.get(stance, 0)
        if total and count:
            share = width * count / total
            parts.append(BarPart(round(x, 1), round(share, 1), stance, count))
            x += share
    return parts


@dataclass(frozen=True)
class Lane:
    """One outlet's row of the timeline."""

    outlet: str
    y: float


@dataclass(frozen=True)
class Dot:
    """One article on the timeline; a wire copy is drawn hollow."""

    x: float
    y: float
    document: str
    label: str
    wire_copy: bool


@dataclass(frozen=True)
class Tick:
    """A day marked on the time axis."""

    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    """The coverage of a story: one lane per outlet, one dot per dated article, days along the axis."""

    width: int
    height: float
    plot_left: float
    plot_right: float
    axis_y: float
    lanes: list[Lane]
    dots: list[Dot]
    ticks: list[Tick]
    undated: int


def timeline(documents: Sequence[Mapping[str, Any]]) -> Timeline | None:
    """The timeline of a story's ``documents`` (ledger document entries); None when none is dated."""
    dated = [(day, d) for d in documents if (day := _day(d)) is not None]
    if not dated:
        return None
    first = min(day for day, _ in dated)
    days = (max(day for day, _ in dated) - first).days + 1
    outlets = list(dict.fromkeys(d.get("outlet") or "(no outlet)" for _, d in sorted(dated, key=lambda p: p[0])))
    lanes = [Lane(outlet, AXIS_HEIGHT / 2 + LANE_HEIGHT * (i + 0.5)) for i, outlet in enumerate(outlets)]
    lane_y = {lane.outlet: lane.y for lane in lanes}
    plot_right = TIMELINE_WIDTH - RIGHT_PAD
    day_width = (plot_right - LABEL_WIDTH) / days

    def day_x(day: date) -> float:
        return LABEL_WIDTH + day_width * ((day - first).days + 0.5)

    same_day: dict[tuple[str, date], list[Mapping[str, Any]]] = defaultdict(list)
    for day, document in dated:
        same_day[(document.get("outlet") or "(no outlet)", day)].append(document)
    dots = [
        Dot(round(day_x(day) + DOT_SPACING * (i - (len(group) - 1) / 2), 1), lane_y[outlet], d["id"],
            _dot_label(d), d.get("duplicate_of") is not None)
        for (outlet, day), group in same_day.items() for i, d in enumerate(group)
    ]
    axis_y = lanes[-1].y + LANE_HEIGHT / 2
    step = math.ceil(days / MAX_TICKS)
    ticks = [Tick(round(day_x(day), 1), f"{day:%b} {day.day}")
             for day in (date.fromordinal(first.toordinal() + k) for k in range(0, days, step))]
    return Timeline(TIMELINE_WIDTH, axis_y + AXIS_HEIGHT, LABEL_WIDTH, plot_right, axis_y, lanes, dots, ticks,
                    len(documents) - len(dated))


def _day(document: Mapping[str, Any]) -> date | None:
    """The publication day of a ledger document entry (the linker's reading of ``published``)."""
    return published_date(_Dated(document.get("published")))


@dataclass(frozen=True)
class _Dated:
    """Just enough of a document for :func:`~claimledger.linking.stories.published_date`."""

    published: str | None


def _dot_label(document: Mapping[str, Any]) -> str:
    """Hover text of a dot: date, outlet, title, and whether it is a wire copy."""
    label = f"{document.get('published')} · {document.get('outlet') or '(no outlet)'}\n{document.get('title') or ''}"
    return label + ("\nwire copy" if document.get("duplicate_of") else "")
