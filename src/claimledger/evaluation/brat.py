"""A reader of brat standoff annotations (``.ann`` files): text-bound ``T`` lines and event ``E`` lines.

Only what attribution gold needs is read; other brat lines (relations, attributes, notes) are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextBound:
    """A ``T`` line: a labelled span of one or more ``[start, end)`` fragments and its text as brat wrote it.

    Fragments keep the file's order, which is not always text order; brat's ``text`` is the fragments'
    texts in that order, joined by single spaces.
    """

    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        """Where the earliest fragment starts."""
        return min(start for start, _ in self.fragments)

    @property
    def end(self) -> int:
        """Where the latest fragment ends: a discontinuous span counts as first start to last end."""
        return max(end for _, end in self.fragments)

    @property
    def discontinuous(self) -> bool:
        """Whether the span has more than one fragment."""
        return len(self.fragments) > 1


@dataclass(frozen=True)
class Event:
    """An ``E`` line: an event type, its trigger and its ``(role, T-id)`` arguments in file order."""

    id: str
    type: str
    trigger: str
    arguments: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class BratAnnotation:
    """The text-bound spans (by id) and the events of one ``.ann`` file."""

    text_bounds: dict[str, TextBound]
    events: tuple[Event, ...]


def parse_text_bound(line: str) -> TextBound:
    """``T3<TAB>Content 10 20;25 40<TAB>text`` -> a :class:`TextBound`."""
    tid, label_and_offsets, text = line.split("\t", 2)
    label, offsets = label_and_offsets.split(" ", 1)
    fragments = tuple(parse_fragment(part) for part in offsets.split(";"))
    return TextBound(id=tid, label=label, fragments=fragments, text=text)


def parse_fragment(offsets: str) -> tuple[int, int]:
    """``"10 20"`` -> ``(10, 20)``."""
    start, end = offsets.split()
    return int(start), int(end)


def parse_event(line: str) -> Event:
    """``E1<TAB>Attribution:T4 Content:T3 Cue:T2`` -> an :class:`Event` (first pair: type and trigger)."""
    eid, body = line.split("\t", 1)
    pairs = [parse_argument(token) for token in body.split()]
    if not pairs:
        raise ValueError("an event needs a type and a trigger")
    (event_type, trigger), arguments = pairs[0], tuple(pairs[1:])
    return Event(id=eid, type=event_type, trigger=trigger, arguments=arguments)


def parse_argument(token: str) -> tuple[str, str]:
    """``"Content:T3"`` -> ``("Content", "T3")``."""
    role, tid = token.split(":", 1)
    return role, tid


def parse_brat(ann_text: str) -> BratAnnotation:
    """Parse the text of a ``.ann`` file; a malformed T or E line raises ``ValueError`` naming its line."""
    text_bounds: dict[str, TextBound] = {}
    events: list[Event] = []
    # split("\n"), not splitlines(): span texts may hold U+2028 or U+0085, which splitlines() breaks on.
    for number, line in enumerate(ann_text.split("\n"), start=1):
        try:
            if line.startswith("T"):
                bound = parse_text_bound(line)
                text_bounds[bound.id] = bound
            elif line.startswith("E"):
                events.append(parse_event(line))
        except ValueError as error:
            raise ValueError(f"line {number}: cannot parse {line!r} ({error})") from None
    return BratAnnotation(text_bounds=text_bounds, events=tuple(events))
