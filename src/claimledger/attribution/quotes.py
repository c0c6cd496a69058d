"""Direct quotations: pair quotation marks into quotes, including quotes that run over paragraphs.

Written by hand because no library pairs quote marks the journalistic way: a quote that runs over
several paragraphs opens each paragraph with a quotation mark and closes only in the last one. Unlike
textacy's pairing (its issue #379), an unbalanced mark never raises: a quote left open at the end of a
paragraph that is not continued is dropped, and a stray closing mark is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
# Every mark that opens or closes a quotation, double or single, curly or straight.
QUOTE_MARKS = frozenset("“”\"‘’'")
_SINGLE_MARKS = frozenset("‘’'")
# Characters before which a quote mark closes rather than opens.
_CLOSES_BEFORE = set(".,;:!?)]}—")
# Characters after which a straight quote opens rather than closes.
_OPENS_AFTER = set(" \t\n([{—–-/")
_MARKS_AND_BREAKS = re.compile(f"''|[{OPENING}{CLOSING}{STRAIGHT}\n]")
_VISIBLE = re.compile(r"\S")


@dataclass(frozen=True)
class Quote:
    """One quotation: its fragments, each ``[start, end)`` including the quotation marks.

    A quote over several paragraphs has one fragment per paragraph; only the last ends with a
    closing mark.
    """

    fragments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]

    def contains(self, offset: int) -> bool:
        """Whether the character at ``offset`` lies inside one of the fragments."""
        return any(start <= offset < end for start, end in self.fragments)


def find_quotes(text: str) -> list[Quote]:
    """Every balanced quotation in ``text``, in order (curly and straight double quotes, and the two
    apostrophes the New York Times quotes with, ``''…''``)."""
    quotes: list[Quote] = []
    open_at: int | None = None
    carried: list[tuple[int, int]] = []  # finished fragments of a quote still running over paragraphs
    # Only marks and line breaks matter: a scan of those alone saves a Python step per character.
    for match in _MARKS_AND_BREAKS.finditer(text):
        index = match.start()
        if match[0] == "\n":
            if open_at is not None:
                # The quote may continue in the next paragraph; remember this paragraph's part.
                carried.append((open_at, _rstrip_end(text, open_at, index)))
                open_at = None
                if not _next_paragraph_opens(text, index):
                    carried = []  # an unclosed quote that the next paragraph does not continue
            continue
        char = STRAIGHT if match[0] == "''" else match[0]  # the NYT's two apostrophes: one straight quote
        mark = _mark_kind(text, index, char, open_at is not None)
        if mark == "open":
            if open_at is not None:
                carried = []  # two openings in one paragraph: restart at the newer one
            open_at = index
        elif mark == "close" and open_at is not None:
            quotes.append(Quote(tuple(carried) + ((open_at, match.end()),)))
            open_at, carried = None, []
    return quotes


def _next_paragraph_opens(text: str, line_break: int) -> bool:
    """Whether the first visible character after ``line_break`` opens a quotation (true at the end)."""
    visible = _VISIBLE.search(text, line_break + 1)
    if visible is None:
        return True
    index = visible.start()
    char = STRAIGHT if text.startswith("''", index) else text[index]
    return _is_opening(text, index, char)


def find_headline_quotes(headline: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each quotation in single marks in a headline ("Minister says 'purge is not
    happening'"), marks included. Headlines quote in single marks; in running text those are mostly
    apostrophes, which is why :func:`find_quotes` leaves them alone. A mark opens after a space or at the
    start and before a word, and closes after a word of two letters or more and before a space,
    punctuation or the end, so "Obama's", "rock 'n' roll" and "the '90s" pair with nothing."""
    quotes, open_at = [], None
    for index, char in enumerate(headline):
        if char not in _SINGLE_MARKS:
            continue
        before = headline[index - 1] if index else " "
        after = headline[index + 1] if index + 1 < len(headline) else " "
        closes = not before.isspace() and (after.isspace() or after in _CLOSES_BEFORE)
        if open_at is None and before in _OPENS_AFTER and after.isalnum():
            open_at = index
        elif open_at is not None and closes and index - open_at > 2:
            quotes.append((open_at, index + 1))
            open_at = None
    return quotes


def looks_like_scare_quote(text: str, quote: Quote) -> bool:
    """A word or short phrase in quotation marks in running text ("the so-called “investigation”")."""
    if len(quote.fragments) > 1:
        return False
    inner = text[quote.start + 1 : quote.end - 1].strip()
    if len(inner.split()) > 4 or inner[-1:] in {".", ",", "?", "!"}:
        return False
    before = text[max(0, quote.start - 2) : quote.start].strip()
    return before not in {":", ","} and quote.start > 0 and text[quote.start - 1] not in "\n"


def _mark_kind(text: str, index: int, char: str, inside: bool) -> str | None:
    """``open``, ``close`` or ``None`` for the character at ``index``."""
    if char == OPENING:
        return "open"
    if char == CLOSING:
        return "close"
    if char != STRAIGHT:
        return None
    return "open" if _straight_opens(text, index, inside) else "close"


def _is_opening(text: str, index: int, char: str) -> bool:
    return char == OPENING or (char == STRAIGHT and _straight_opens(text, index, inside=False))


def _straight_opens(text: str, index: int, inside: bool) -> bool:
    """A straight quote opens after whitespace or an opening bracket, and closes before them."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before in _OPENS_AFTER and not after.isspace():
        return True
    if after.isspace() or after in _CLOSES_BEFORE:
        return False
    return not inside


def _rstrip_end(text: str, start: int, end: int) -> int:
    """``end`` moved left past trailing whitespace of ``text[start:end]``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
