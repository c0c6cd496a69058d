"""An article's text as HTML with its speakers, cues, quotes, figures and framing markers marked.

Article text is untrusted: the HTML is assembled only from escaped slices of ``document.text`` and
escaped labels (:class:`markupsafe.Markup` formatting escapes every argument), never from raw text.
Spans may overlap (a figure inside a quote, a framing verb that is also a cue), so the text is cut
at every span boundary and each piece carries the classes and hover labels of all spans covering it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from markupsafe import Markup, escape

from claimledger.model import Document, Quantity, Statement


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch ``[start, end)`` of the text: its CSS class and its hover label.

    ``anchor`` (a statement id) makes the stretch's first piece a link target (``#s4``).
    """

    start: int
    end: int
    css: str
    label: str
    anchor: str | None = None


def document_marks(document: Document) -> list[Mark]:
    """Every mark of a document: statements' parts, then figures, then framing markers."""
    marks = [mark for statement in document.statements for mark in statement_marks(statement)]
    marks += [Mark(q.start, q.end, "figure", f"figure: {describe_quantity(q)}") for q in document.quantities]
    marks += [
        Mark(m.start, m.end, "framing", f"framing: {m.type.replace('_', ' ')}") for m in document.framing_markers
    ]
    return marks


def statement_marks(statement: Statement) -> list[Mark]:
    """A statement's speaker, cue and content fragments; the cue is the statement's anchor."""
    who = speaker_name(statement)
    act = statement.act.replace("_", " ")
    marks = [Mark(statement.cue.start, statement.cue.end, "cue",
                  f"cue “{statement.cue.text}” · act: {act}{' (negated)' if statement.cue.negated else ''} · "
                  f"{statement.cue.neutrality} · speaker: {who}",
                  anchor=statement.id)]
    if statement.speaker is not None:
        marks.append(Mark(statement.speaker.start, statement.speaker.end, "speaker", f"speaker: {who} · act: {act}"))
    if statement.content is not None:
        fragments = statement.content.fragments or ((statement.content.start, statement.content.end),)
        label = f"{statement.kind} quote of {who} · act: {act}"
        marks += [Mark(start, end, f"quote quote-{statement.kind}", label) for start, end in fragments]
    return marks


def speaker_name(statement: Statement) -> str:
    """The resolved speaker's name, the mention when unresolved, "unnamed" when there is none."""
    if statement.speaker is None:
        return "unnamed"
    return statement.speaker.name or statement.speaker.text


def describe_quantity(quantity: Quantity) -> str:
    """"100 (lower bound) people · detain": value, bound, unit and event in a few words."""
    value = f"{_number(quantity.value)}–{_number(quantity.value_max)}" if quantity.value_max else _number(quantity.value)
    parts = [f"{value} ({quantity.bound})"] + [p for p in (quantity.unit, quantity.event) if p]
    return " · ".join(parts)


def _number(value: float | None) -> str:
    """2000.0 -> "2,000"; 66.67 stays 66.67."""
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` as escaped HTML, each marked piece in a ``<span>`` with its classes and a ``title`` to hover."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    return Markup("").join(_piece_html(text, start, end, marks) for start, end in _pieces(text, marks))


def _pieces(text: str, marks: list[Mark]) -> Iterator[tuple[int, int]]:
    """Consecutive ``[start, end)`` pieces of ``text``, cut at every mark boundary."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    return zip(cuts, cuts[1:])


def _piece_html(text: str, start: int, end: int, marks: list[Mark]) -> Markup:
    covering = [m for m in marks if m.start <= start and end <= m.end]
    if not covering:
        return escape(text[start:end])
    classes = " ".join(dict.fromkeys(css for m in covering for css in m.css.split()))
    label = "\n".join(dict.fromkeys(m.label for m in covering))
    # Two statements may share a cue ("said" with two contents): the piece takes one id, an empty
    # span before it holds each other one, so that every statement stays a link target.
    anchors = [m.anchor for m in covering if m.anchor and m.start == start]
    extra = Markup("").join(Markup('<span id="{}"></span>').format(anchor) for anchor in anchors[1:])
    if anchors:
        return extra + Markup('<span id="{}" class="{}" title="{}">{}</span>').format(
            anchors[0], classes, label, text[start:end])
    return Markup('<span class="{}" title="{}">{}</span>').format(classes, label, text[start:end])
