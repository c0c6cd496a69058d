"""Output: documents as a JSON array, JSON Lines, or tables for people (Rich)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimledger.model import Document, Statement
from claimledger.units import figure_phrase

FORMATS = ("table", "json", "jsonl")
_CONTENT_WIDTH = 240  # characters of content shown in the table before "…"
_FIGURES_SHOWN = 6


def write_json(documents: Iterable[Document], out: TextIO) -> int:
    """Write a JSON array, one document at a time (memory stays flat). Returns the count."""
    count = 0
    out.write("[")
    for count, document in enumerate(documents, start=1):
        out.write(",\n" if count > 1 else "\n")
        out.write(json.dumps(document.to_dict(), ensure_ascii=False, indent=2))
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(documents: Iterable[Document], out: TextIO) -> int:
    """Write one JSON object per line. Returns the count."""
    count = 0
    for count, document in enumerate(documents, start=1):
        out.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
    return count


def write_tables(documents: Iterable[Document], console: Console) -> int:
    """Print each document's headline, outlet and statements as a table. Returns the count."""
    count = 0
    for count, document in enumerate(documents, start=1):
        console.print(_header(document))
        console.print(statement_table(document) if document.statements else Text("  no statements found", "dim"))
        console.print()
    return count


def _header(document: Document) -> Text:
    header = Text()
    header.append(document.title or "(untitled)", style="bold")
    details = [d for d in (document.outlet, document.published) if d]
    if document.duplicate_of:
        details.append(f"wire copy of {document.duplicate_of}")
    if details:
        header.append("\n" + " · ".join(details))
    header.append("\n" + " · ".join([d for d in (document.path,) if d] + [f"id {document.id}"]), style="dim")
    central = next((c for c in document.claims if c.central), None)
    if central is not None:
        header.append("\nclaim: ", style="bold")
        header.append(central.normalized or central.text)
    figures = list(dict.fromkeys(_figure(q) for q in document.quantities))  # the headline's again in the lede once
    if figures:
        header.append("\nfigures: ", style="bold")
        header.append("; ".join(figures[:_FIGURES_SHOWN]))
        if len(figures) > _FIGURES_SHOWN:
            header.append(f" (+{len(figures) - _FIGURES_SHOWN} more)", style="dim")
    if document.framing_markers:
        header.append("\nframing: ", style="bold")
        header.append(", ".join(f"{m.text} ({m.type.replace('_', ' ')})" for m in document.framing_markers), "yellow")
    return header


def _figure(quantity) -> str:
    """"more than 100 people (detain)"."""
    event = f" ({quantity.event})" if quantity.event else ""
    return figure_phrase(quantity.text, quantity.unit, quantity.value) + event


def statement_table(document: Document) -> Table:
    """The statements of one document: speaker, act, kind and what was said."""
    table = Table(show_lines=False, expand=True, pad_edge=False)
    table.add_column("#", style="dim", no_wrap=True, width=3)
    table.add_column("speaker", ratio=2)
    table.add_column("act", no_wrap=True, width=14)
    table.add_column("said", ratio=5)
    for statement in document.statements:
        table.add_row(statement.id, _speaker_cell(statement), _act_cell(statement), _said_cell(statement))
    return table


def _speaker_cell(statement: Statement) -> Text:
    if statement.speaker is None:
        return Text("(unnamed)", "dim")
    cell = Text(statement.speaker.name or statement.speaker.text, "bold")
    if statement.speaker.name and statement.speaker.name != statement.speaker.text:
        cell.append(f"\n“{statement.speaker.text}”", "dim")
    return cell


def _act_cell(statement: Statement) -> Text:
    cell = Text(statement.act, _ACT_STYLES.get(statement.act, ""))
    if statement.cue.negated and statement.act != "refuse_comment":  # a refusal is a negation already
        cell.append(" (negated)", "magenta")
    cell.append(f"\n{statement.cue.text}", "dim")
    if statement.cue.neutrality != "neutral":
        cell.append(f" ({statement.cue.neutrality})", "yellow")
    return cell


def _said_cell(statement: Statement) -> Text:
    if statement.content is None:
        return Text("—", "dim")
    text = statement.content.text
    offset = statement.content.start
    fragments = statement.content.fragments or ((statement.content.start, statement.content.end),)
    # An interrupted quote shows its fragments, not the cue between them.
    said = " … ".join(" ".join(text[s - offset : e - offset].split()) for s, e in fragments)
    if len(said) > _CONTENT_WIDTH:
        said = said[: _CONTENT_WIDTH - 1] + "…"
    cell = Text(said)
    tags = [statement.kind] + (["headline"] if statement.in_headline else [])
    cell.append(f"  [{', '.join(tags)}]", "dim")
    return cell


_ACT_STYLES = {"deny": "red", "accuse": "red", "question": "yellow", "challenge": "yellow",
               "confirm": "green", "refuse_comment": "dim"}

