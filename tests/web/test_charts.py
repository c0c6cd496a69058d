"""Chart geometry: the stance bar's shares and the coverage timeline's lanes, dots and days."""

from __future__ import annotations

from claimledger.web.charts import LABEL_WIDTH, BarPart, stance_bar, timeline


def test_the_stance_bar_splits_its_width_by_count() -> None:
    assert stance_bar({"support": 1, "neutral": 2, "deny": 1}, width=120) == [
        BarPart(0.0, 30.0, "support", 1), BarPart(30.0, 60.0, "neutral", 2), BarPart(90.0, 30.0, "deny", 1),
    ]


def test_an_empty_stance_bar_has_no_parts() -> None:
    assert stance_bar({"support": 0, "neutral": 0, "deny": 0}) == []


# Invented outlets and articles.
DOCUMENTS = [
    {"id": "a", "title": "First", "outlet": "Northgate Daily", "published": "2026-04-02", "duplicate_of": None},
    {"id": "b", "title": "Second", "outlet": "Meridian Wire", "published": "2026-04-04T09:00:00Z", "duplicate_of": None},
    {"id": "c", "title": "Copy", "outlet": "Northgate Daily", "published": "2026-04-04", "duplicate_of": "b"},
    {"id": "d", "title": "Undated", "outlet": "Meridian Wire", "published": None, "duplicate_of": None},
]


def test_the_timeline_has_a_lane_per_outlet_and_a_dot_per_dated_article() -> None:
    chart = timeline(DOCUMENTS)
    assert [lane.outlet for lane in chart.lanes] == ["Northgate Daily", "Meridian Wire"]
    assert [(dot.document, dot.wire_copy) for dot in chart.dots] == [("a", False), ("b", False), ("c", True)]
    assert [tick.label for tick in chart.ticks] == ["Apr 2", "Apr 3", "Apr 4"]
    assert chart.undated == 1


def test_articles_of_one_day_share_its_column_and_dates_order_the_columns() -> None:
    chart = timeline(DOCUMENTS)
    x = {dot.document: dot.x for dot in chart.dots}
    assert LABEL_WIDTH < x["a"] < x["b"] == x["c"] < chart.plot_right
    assert [tick.x for tick in chart.ticks][2] == x["b"]


def test_one_outlets_articles_of_one_day_sit_side_by_side() -> None:
    same_day = [{**DOCUMENTS[0], "id": "a1"}, {**DOCUMENTS[0], "id": "a2"}]
    first, second = timeline(same_day).dots
    assert (first.y, round(second.x - first.x)) == (second.y, 11)


def test_no_dated_article_no_timeline() -> None:
    assert timeline([DOCUMENTS[3]]) is None
