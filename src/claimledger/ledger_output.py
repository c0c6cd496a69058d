"""Tables for people over the stored ledger: the story list, a story's ledger, a speaker's statements (Rich).

Laid out for 100 columns (what the CLI uses when printing to a pipe): a claim's cell carries its
text, id, sources and figures; voices are "name — outlets", one per line, so a claim is read across
one row: what is claimed, who supports it, who denies it, and where the numbers disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimledger.units import figure_phrase
from claimledger.views import SpeakerView, at_stake, independent_documents, statement_ref, story_outlets

_FIGURES_SHOWN = 4  # distinct figures listed under a claim before "+N more"
_OUTLETS_NAMED = 2  # a figure carried by more outlets than this shows their count instead of their names
_SAID_WIDTH = 300  # characters of a statement shown in the speaker table before "…"


def stories_table(summaries: list[dict[str, Any]]) -> RenderableType:
    """One row per story (:func:`claimledger.views.story_summary` rows)."""
    if not summaries:
        return Text("no stories: ingest some articles first", "dim")
    table = Table(expand=True, pad_edge=False, show_lines=True)
    table.add_column("story", no_wrap=True, style="dim", width=12)
    table.add_column("title", ratio=1)
    table.add_column("seen", no_wrap=True, width=10)  # first and last date, one a line
    table.add_column("docs", justify="right", width=4)
    table.add_column("outlets", justify="right", width=7)
    table.add_column("indep.", justify="right", width=6)
    table.add_column("claims", justify="right", width=6)
    table.add_column("+ / −", no_wrap=True, width=11)
    for row in summaries:
        seen = "\n".join(dict.fromkeys(d for d in (row["first_seen"], row["last_seen"]) if d)) or "—"
        tally = Text.assemble((f"+{row['support']}", "green"), " / ", (f"−{row['deny']}", "red"))
        table.add_row(row["id"], row["title"], seen, str(row["documents"]), str(len(row["outlets"])),
                      str(row["independent_sources"]), str(row["claims"]), tally)
    return table


def ledger_renderables(stories: list[dict[str, Any]], every_claim: bool = False) -> Iterator[RenderableType]:
    """Each story: a header panel, its claims table, then its framing markers by outlet.

    Unless ``every_claim``, a story's table holds the claims at stake across outlets
    (:func:`claimledger.views.at_stake`) and says how many others it leaves out.
    """
    if not stories:
        yield Text("no stories: ingest some articles first", "dim")
    for story in stories:
        yield _story_header(story)
        claims = story["claims"] if every_claim else [c for c in story["claims"] if at_stake(c)]
        yield _claims_table(claims) if claims else Text("  no claims", "dim")
        if len(claims) < len(story["claims"]):
            left_out = len(story["claims"]) - len(claims)
            yield Text(f"  + {left_out} claims stated in one article only, with no figure in dispute (--all lists them)",
                       "dim")
        if story["framing"]:
            yield _framing_table(story["framing"])
        yield Text()


def _story_header(story: Mapping[str, Any]) -> Panel:
    """Title, dates, counts (wire copies collapsed in "independent") and the outlets; the id bottom right."""
    dates = " → ".join(dict.fromkeys(d for d in (story["first_seen"], story["last_seen"]) if d)) or "undated"
    copies = sum(1 for d in story["documents"] if d.get("duplicate_of"))
    details = [dates, f"{len(story['documents'])} documents", f"{len(story_outlets(story))} outlets",
               f"{independent_documents(story)} independent"]
    if copies:
        details.append(f"{copies} wire {'copy' if copies == 1 else 'copies'}")
    body = Text(" · ".join(details))
    body.append("\n" + ", ".join(story_outlets(story)), "dim")
    return Panel(body, title=Text(story["title"], "bold"), title_align="left", subtitle=story["id"],
                 subtitle_align="right")


def _claims_table(claims: list[dict[str, Any]]) -> Table:
    table = Table(expand=True, pad_edge=False, show_lines=True)
    table.add_column("claim", ratio=5)
    table.add_column("supported by", ratio=3, style="green")
    table.add_column("denied by", ratio=3, style="red")
    for claim in claims:
        table.add_row(_claim_cell(claim), _voices_cell(claim["supporters"]), _voices_cell(claim["deniers"]))
    return table


def _claim_cell(claim: Mapping[str, Any]) -> Text:
    """The claim's text (★ when some document made it its central claim), id, sources, disagreements, figures."""
    cell = Text("★ " if claim["central"] else "", "yellow")
    cell.append(claim["text"], "bold")
    neutral = len(claim["neutral"])
    sources = claim["independent_sources"]
    cell.append(f"\n{claim['id']} · {sources} independent source{'' if sources == 1 else 's'} · {neutral} neutral", "dim")
    for disagreement in claim["disagreements"]:
        cell.append("\ndisagree: ", "bold red")
        cell.append(disagreement_line(disagreement), "red")
    figures = _figures(claim["quantities"])
    if figures:
        cell.append("\nfigures: ", "bold")
        cell.append("; ".join(figures[:_FIGURES_SHOWN]))
        if len(figures) > _FIGURES_SHOWN:
            cell.append(f" (+{len(figures) - _FIGURES_SHOWN} more)", "dim")
    return cell


def _voices_cell(voices: list[dict[str, Any]]) -> Text:
    """"Name — Outlet, Outlet", one voice a line; a dim dash when there is none."""
    if not voices:
        return Text("—", "dim")
    cell = Text()
    for number, voice in enumerate(voices):
        cell.append(("\n" if number else "") + voice["name"], "bold")
        if voice["outlets"]:
            cell.append(" — " + ", ".join(voice["outlets"]), "default")
    return cell


def _figures(quantities: list[dict[str, Any]]) -> list[str]:
    """Distinct figures as "more than 100 people (detain), 5 outlets", most carried first."""
    outlets: dict[tuple, list[str]] = {}
    for q in quantities:
        figure = figure_phrase(_figure_text(q.get("text") or f"{q['value']:g}"), q["unit"], q["value"])
        outlets.setdefault((figure, q["event"]), []).append(q["outlet"] or "?")
    ordered = sorted(outlets.items(), key=lambda item: -len(set(item[1])))  # stable: ties keep ledger order
    return [
        figure + (f" ({event})" if event else "") + f", {_outlets_phrase(names)}"
        for (figure, event), names in ordered
    ]


def disagreement_line(disagreement: Mapping[str, Any]) -> str:
    """"detain people: more than 100 (5 outlets) vs about 60 (The Harbour Courier)"."""
    values: dict[str, list[str]] = {}
    for value in disagreement["values"]:
        shown = _figure_text(value.get("text") or f"{value['bound']} {value['value']:g}")
        values.setdefault(shown, []).append(value["outlet"] or "?")
    what = " ".join(part for part in (disagreement["event"], disagreement.get("unit")) if part)
    sides = " vs ".join(f"{text} ({_outlets_phrase(names)})" for text, names in values.items())
    return f"{what}: {sides}" if what else sides


def _figure_text(text: str) -> str:
    """A figure as written, but in lower case at the start ("About 60" at a sentence start is "about 60")."""
    return text[:1].lower() + text[1:]


def _outlets_phrase(outlets: list[str]) -> str:
    """The outlets by name when there are few, else "5 outlets"."""
    distinct = list(dict.fromkeys(outlets))
    return ", ".join(distinct) if len(distinct) <= _OUTLETS_NAMED else f"{len(distinct)} outlets"


def _framing_table(framing: list[dict[str, Any]]) -> Table:
    table = Table("outlet", "framing markers", expand=True, pad_edge=False, title="framing", title_justify="left")
    table.columns[0].ratio, table.columns[1].ratio = 1, 3
    for entry in framing:
        table.add_row(entry["outlet"] or entry["document"], Text(" · ".join(entry["markers"]), "yellow"))
    return table


def speaker_renderables(view: SpeakerView) -> Iterator[RenderableType]:
    """Which name was matched, then one table per speech act: outlet and date, what was said, reference."""
    how = " (linked across documents)" if view.via_linking else ""
    yield Text.assemble(("speaker: ", "bold"), (view.matched, "bold"), (how, "dim"))
    for act, rows in view.acts.items():
        table = Table(expand=True, pad_edge=False, title=f"{act} ({len(rows)})", title_justify="left")
        table.add_column("outlet · date", ratio=2)
        table.add_column("said", ratio=6)
        table.add_column("ref", style="dim", no_wrap=True)  # sized to the longest reference, never split
        for row in rows:
            where = Text(row.outlet or "?")
            where.append(f"\n{row.published or 'undated'}", "dim")
            said = " ".join((row.content or row.sentence).split())
            if len(said) > _SAID_WIDTH:
                said = said[: _SAID_WIDTH - 1] + "…"
            cell = Text(said)
            # Found by the name itself, a row under another name was said together with others.
            if not view.via_linking and (row.speaker or "").casefold() != view.matched.casefold():
                cell.append(f"\nsaid together: {row.speaker}", "dim")
            table.add_row(where, cell, statement_ref(row))
        yield table
    if not view.acts:
        yield Text("  no statements", "dim")

