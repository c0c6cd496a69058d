"""Quantities: every figure in a parsed document, with its qualifier, unit and the event it counts.

PRODUCT.md "Quantities": "More than 100 people have been detained" gives value 100, bound ``lower``,
unit ``people``, event ``detain``. Words and symbols live in ``claimledger/data/quantity_lexicon.tsv``;
this module reads the spaCy parse in one left-to-right pass over the tokens, with no re-parsing.

Conventions (each one is a case in ``tests/test_quantities.py``):

- **Span** (``text``, ``start``, ``end``): the qualifier, the number and the signs glued to it — the
  currency symbol before and the percent sign after — but never a unit or counted noun written as a
  word: "More than 100", "roughly 1,800", "between 30 and 50", "$250,000", "€3.2 million", "60%",
  "an estimated 60" (of "an estimated 60 percent"), "3" (of "a 3-kilometre stretch"), "a dozen",
  "100 or more", "40-odd". Scale words belong to the number ("1.5 million", "tens of thousands").
- **Value**: digits with separators and glued multipliers ("2,000", "1.5", "10k", "$5m", "3.2bn"),
  number words ("four", "twenty-five", "a dozen" = 12, "two hundred"). A vague plural means at least two
  of its kind, a lower bound: "dozens" = 24, "hundreds" = 200, "tens of thousands" = 20,000,
  "several hundred" = 200. A share before "of" is a percentage: "half of the residents" = 50 percent,
  "two-thirds of" = 66.67 percent, and so is a ratio: "8 in 10 voters" = 80 percent ("eight of 10" too,
  with a round base only); "half a million" = 500,000, "a quarter of a million" = 250,000.
- **Bound**: ``lower`` ("more than", "over", "at least", "upwards of", "100 or more", "100+", "dozens"),
  ``upper`` ("up to", "fewer than", "less than", "at most", "no more than", "under", "as many as"),
  ``approx`` ("about", "around", "roughly", "approximately", "some", "an estimated", "close to",
  "40 or so", "40-odd", and — as issue 4 lists them with the others — "nearly" and "almost"),
  ``range`` ("between 30 and 50", "15 to 20", "10-20", "10–20", "two or three"; ``value_max`` is the
  upper end, and "between 2 and 3 million" shares the scale), else ``exact``. "from 10 to 20 percent"
  is a change, not a range: two exact figures.
- **Unit**: ``percent`` for "%", "percent", "per cent" (``percentage points`` for those); an ISO 4217
  code for money, from the symbol ("$" USD, "€" EUR, "£" GBP, "A$" AUD, "HK$" HKD) or a word after the
  number ("euros", "dollars", "Swiss francs", "pounds" when spaCy tags the figure MONEY); SI-style
  symbols for measures ("km", "m", "kg", "t", "ha") and singular words for time spans ("day", "hour",
  "year"); ``times`` for multiples; else, for a count, the counted noun as written in lower case
  ("people", "fish", "families"), made plural for a count of one and for hyphenated forms ("a 300-page
  report" → ``pages``); ``None`` when nothing is counted ("29 of them").
- **Event**: the lemma of the verb that governs the figure ("detain", "kill", "evacuate"), looking
  through raising verbs ("are believed to have died" → ``die``); the noun the figure describes or
  measures ("a fine of $250,000", "a $250,000 fine" → ``fine``; "a 3-kilometre stretch" → ``stretch``),
  except containers ("a total of 40 people were arrested" → ``arrest``). A count of dead things is
  ``find dead`` whatever the verb ("2,000 dead fish were collected", "counted 2,140 dead fish"), so that
  outlets' counts of one body count compare; a verb with "dead" gives "<verb> dead" ("were found dead").
  ``None`` when no verb or event noun governs the figure ("The bridge is 300 metres long").
- **Not quantities**: dates ("March 3", "Sept. 19", "10 May 2024", "2026-05-16", years such as "in 2021"
  or "from 2011 to 2016"), decades ("the 80's"), points in time ("two years ago"), clock times ("3 pm"),
  ages ("aged 45", "a 24-year-old", "Tomasz Brenner, 58, said"), ordinals ("first", "11th", "the third
  quarter"), identifiers ("Article 5", "page 12", "No. 10", "131 West 23rd Street", "Boeing 737"),
  numbers in names and words ("G7", "COVID-19", "high-five"), phone numbers and other digit groups
  ("555-0134"), scores ("won 3-1", "voted 5 to 4"), and "one" used as a pronoun ("one of the largest").
  Durations are quantities ("for 22 years" → 22 ``year``).

Reading uses the parse (tags, dependencies) and spaCy's entity labels where they help — a number inside
a name entity (PERSON, ORG, PRODUCT, LAW, …) is part of the name, DATE marks years, MONEY tells "pounds"
sterling from pounds weight — but figures are found token by token, since the small model's CARDINAL,
MONEY and PERCENT spans miss currency symbols ("$" outside "250,000") and tag "between 30 and 50" as a DATE.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import cast

from spacy.tokens import Doc, Token

from claimledger.model import Bound, Quantity
from claimledger.parse import token_strings
from claimledger.units import lexicon_rows

# Digits as news prints them ("38", "2,000", "1.5"), with an optional glued multiplier ("10k", "3.2bn").
_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)", re.IGNORECASE)
# spaCy splits "10-20" at an ASCII hyphen but keeps "10–20" (en or em dash) as one token.
_DASH_RANGE = re.compile(r"(\d[\d,]*(?:\.\d+)?)[–—](\d[\d,]*(?:\.\d+)?)")

_DASHES = frozenset({"-", "–", "—"})
_RANGE_WORDS = frozenset({"to", "or"})
# spaCy entity types of names: a number inside one is part of the name ("Boeing 737", "Group of 20").
_NAME_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "NORP"}
)
# Dependency labels that open a clause: the search for a governing verb stops there.
_CLAUSE_HEADS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "xcomp", "parataxis", "acl", "csubj", "pcomp"})
# A figure in one of these relations to a noun describes that noun ("a $250,000 fine").
_NOUN_MODIFIERS = frozenset({"nummod", "compound", "amod", "nmod", "appos"})
# A number in one of these relations to a noun after it counts that noun ("38 people").
_COUNTING_DEPS = _NOUN_MODIFIERS | {"quantmod", "npadvmod"}
# Verb forms that modify rather than predicate: "including 11 children", "drinking water", "permitted limit".
_VERBS_AS_MODIFIERS = frozenset({"prep", "amod", "compound"})
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century"})
_ERAS = frozenset({"AD", "BC", "BCE", "CE", "A.D.", "B.C."})  # "in 198 AD" is a year
_DYING_WORDS = frozenset({"die", "death"})  # "his death at 58", "died at 82": an age
_FIRST_YEAR, _LAST_YEAR = 1000, 2100
_ROUND_BASES = frozenset({10, 100, 1000})


@dataclass(frozen=True)
class QuantityLexicon:
    """The tables of ``claimledger/data/quantity_lexicon.tsv``.

    Single-word tables map a lower-case word to its value; phrase tables map a tuple of lower-case
    tokens ("more", "than") to theirs.
    """

    numbers: dict[str, Fraction]
    scales: dict[str, Fraction]
    vague: dict[str, Fraction]
    vague_of: dict[str, Fraction]
    vague_counts: dict[str, Fraction]
    fractions: dict[str, Fraction]
    suffixes: dict[str, Fraction]
    money_suffixes: dict[str, Fraction]
    qualifiers: dict[tuple[str, ...], str]
    qualifier_modifiers: frozenset[str]
    post_qualifiers: dict[tuple[str, ...], str]
    currency_symbols: dict[str, str]
    currency_words: dict[tuple[str, ...], str]
    money_words: dict[tuple[str, ...], str]
    unit_signs: dict[str, str]
    units: dict[tuple[str, ...], str]
    months: frozenset[str]
    weekdays: frozenset[str]
    age_prefixes: frozenset[str]
    age_suffixes: frozenset[str]
    relative_suffixes: frozenset[str]
    sequence_suffixes: frozenset[str]
    span_prefixes: frozenset[str]
    clock_suffixes: frozenset[str]
    labels: frozenset[str]
    containers: frozenset[str]
    raising_verbs: frozenset[str]
    plurals: dict[str, str]
    lemmas: dict[str, str]
    starters: frozenset[str]  # words that may begin a figure, digits aside
    currencies: frozenset[str]  # the ISO 4217 codes the tables give

    def lemma(self, token: Token) -> str:
        """The token's lemma in lower case, corrected where the small model gets it wrong."""
        return self.lemmas.get(token.lower_) or token.lemma_.lower()


@lru_cache(maxsize=1)
def quantity_lexicon() -> QuantityLexicon:
    """The lexicon shipped in ``claimledger/data/quantity_lexicon.tsv``, read once."""
    kinds = lexicon_rows()

    def numeric(kind: str) -> dict[str, Fraction]:
        return {term: Fraction(value) for term, value in kinds[kind].items()}

    def phrases(kind: str) -> dict[tuple[str, ...], str]:
        return {tuple(term.split(" ")): value for term, value in kinds[kind].items()}

    def words(kind: str) -> frozenset[str]:
        return frozenset(kinds[kind])

    return QuantityLexicon(
        numbers=numeric("number"), scales=numeric("scale"), vague=numeric("vague"), vague_of=numeric("vague_of"),
        vague_counts=numeric("vague_count"), fractions=numeric("fraction"), suffixes=numeric("suffix"),
        money_suffixes=numeric("money_suffix"), qualifiers=phrases("qualifier"),
        qualifier_modifiers=words("qualifier_modifier"), post_qualifiers=phrases("post_qualifier"),
        currency_symbols=dict(kinds["currency_symbol"]), currency_words=phrases("currency_word"),
        money_words=phrases("money_word"), unit_signs=dict(kinds["unit_sign"]), units=phrases("unit"),
        months=words("month"), weekdays=words("weekday"), age_prefixes=words("age_prefix"),
        age_suffixes=words("age_suffix"), relative_suffixes=words("relative_suffix"),
        sequence_suffixes=words("sequence_suffix"), span_prefixes=words("span_prefix"),
        clock_suffixes=words("clock_suffix"), labels=words("label"), containers=words("container"),
        raising_verbs=words("raising_verb"), plurals=dict(kinds["plural"]), lemmas=dict(kinds["lemma"]),
        starters=frozenset().union(
            *(kinds[kind] for kind in ("number", "vague", "vague_of", "vague_count", "currency_symbol"))
        ) | {"a", "an", "half"},
        currencies=frozenset().union(
            *(kinds[kind].values() for kind in ("currency_symbol", "currency_word", "money_word"))
        ),
    )


def extract_quantities(doc: Doc) -> list[Quantity]:
    """Every figure of a parsed document, in text order, with ids ``q1``, ``q2``, ….

    Args:
        doc: a document parsed by the shared pipeline (:func:`claimledger.parse.load_nlp`); tags,
            dependencies and entities are read, nothing is re-parsed.

    Returns:
        One :class:`~claimledger.model.Quantity` per figure ("from 10 to 20 percent" gives two), whose
        ``text`` is ``doc.text[start:end]``. The module docstring states the span, value, bound, unit
        and event conventions and what is not a quantity.
    """
    lexicon = quantity_lexicon()
    found: list[Quantity] = []
    floor = 0  # a figure's qualifier may not reach back into the previous figure
    for i in _possible_starts(doc, lexicon):
        if i < floor:
            continue
        figure = _read_figure(doc, i, floor, lexicon)
        if figure is not None:
            found.extend(_quantities_of(doc, figure, lexicon))
            floor = figure.end
    for number, quantity in enumerate(found, start=1):
        quantity.id = f"q{number}"
    return found


def _possible_starts(doc: Doc, lexicon: QuantityLexicon) -> list[int]:
    """Tokens that may begin a figure — digits, number words, currency symbols, "a" — found in one cheap
    pass, so that the full reading only runs where a number can be."""
    return [i for i, word in enumerate(token_strings(doc, "LOWER")) if word[:1].isdigit() or word in lexicon.starters]


def quantity_interval(quantity: Quantity) -> tuple[float, float]:
    """The values a figure allows, per PRODUCT.md: exact ``[v, v]``, lower ``[v, ∞)``, upper ``(-∞, v]``,
    approx ``[0.9v, 1.1v]``, range ``[v, value_max]``."""
    value = quantity.value
    if quantity.bound == "lower":
        return value, math.inf
    if quantity.bound == "upper":
        return -math.inf, value
    if quantity.bound == "approx":
        ends = (0.9 * value, 1.1 * value)
        return min(ends), max(ends)  # a negative value swaps the ends
    if quantity.bound == "range" and quantity.value_max is not None:
        return value, quantity.value_max
    return value, value


def intervals_disagree(a: Quantity, b: Quantity) -> bool:
    """Whether two figures contradict each other: their intervals (:func:`quantity_interval`) do not overlap.

    "more than 2,000" and "roughly 1,800" disagree; "around 2,000" and "roughly 1,800" do not. The rule
    only means something for figures of the same unit and event; checking that is the caller's job.
    """
    a_low, a_high = quantity_interval(a)
    b_low, b_high = quantity_interval(b)
    return a_high < b_low or b_high < a_low


# --- reading numbers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """One token of a spelled number: a count ("two", "38"), a multiplier, a share, or a link ("-", "of")."""

    kind: str  # digits | count | article | vague_count | vague | fraction | scale | link
    token: int
    value: Fraction = Fraction(0)


@dataclass(frozen=True)
class _Number:
    """Tokens ``[start, end)`` that spell one number, and what they say."""

    start: int
    end: int
    value: Fraction
    scale: Fraction | None  # the last large multiplier ("3 million"), shared by the low end of a range
    vague: bool  # "dozens", "several hundred": at least this much
    share: bool  # "half", "two-thirds": a fraction of something
    code: bool  # digit groups side by side ("20 7946 0958"): a phone number or an id, not a figure
    value_max: Fraction | None = None  # the upper end of a range written as one token ("10–20")

    @property
    def tokens(self) -> range:
        return range(self.start, self.end)


@dataclass(frozen=True)
class _Side:
    """One end of a figure: a number with its currency symbol and glued sign ("$250,000", "60%")."""

    start: int
    end: int
    number: _Number
    currency: str | None
    sign_unit: str | None


@dataclass(frozen=True)
class _Figure:
    """A whole figure: tokens ``[start, end)`` of its span, its ends, bound and values."""

    start: int
    end: int
    low: _Side
    high: _Side | None
    bound: Bound
    value: Fraction
    value_max: Fraction | None
    split: bool  # "from 10 to 20": two figures, not a range
    rejected: bool  # a score ("3-1") or an id: consumed, never reported
    ratio: bool = False  # "8 in 10": value is the share, reported in percent

    @property
    def number_tokens(self) -> list[int]:
        high = list(self.high.number.tokens) if self.high else []
        return list(self.low.number.tokens) + high

    @property
    def currency(self) -> str | None:
        return self.low.currency or (self.high.currency if self.high else None)

    @property
    def sign_unit(self) -> str | None:
        return (self.high.sign_unit if self.high else None) or self.low.sign_unit


def _read_figure(doc: Doc, i: int, floor: int, lexicon: QuantityLexicon) -> _Figure | None:
    """The figure whose number (or currency symbol) starts at token ``i``, with its qualifier, and joined
    to a second number when it is a range or a ratio."""
    low = _read_side(doc, i, lexicon)
    if low is None:
        return None
    start, bound = _qualifier_before(doc, low.start, floor, lexicon)
    end, post_bound = _post_qualifier_after(doc, low.end, lexicon)
    if low.number.value_max is not None:
        return _one_token_range(start, end, low)
    if post_bound is None:  # "100 or more" is complete; anything else may go on: "8 in 10", "15 to 20"
        joined = _ratio_figure(doc, start, low, bound, lexicon) or _two_number_range(doc, start, low, bound, lexicon)
        if joined is not None:
            return joined
    if bound == "range":  # "between" that opens no range is not part of the figure
        start, bound = low.start, None
    bound = bound or post_bound or ("lower" if low.number.vague else "exact")
    return _Figure(start, end, low, None, bound, low.number.value, None, split=False, rejected=low.number.code)


def _one_token_range(start: int, end: int, low: _Side) -> _Figure:
    """ "10–20" written as one token; "3–1" is a score."""
    value, value_max = low.number.value, low.number.value_max
    if value_max is None or value_max <= value:
        return _Figure(low.start, low.end, low, None, "exact", value, None, split=False, rejected=True)
    return _Figure(start, end, low, None, "range", value, value_max, split=False, rejected=low.number.code)


def _ratio_figure(doc: Doc, start: int, low: _Side, bound: Bound | None, lexicon: QuantityLexicon) -> _Figure | None:
    """ "8 in 10", "eight of 10": the share, which is reported in percent."""
    base = _ratio_base(doc, low, lexicon)
    if base is None or base.number.value <= low.number.value:
        return None
    share = low.number.value / base.number.value
    return _Figure(
        start, base.end, low, base, bound or "exact", share, None, split=False, rejected=low.number.code, ratio=True
    )


def _two_number_range(
    doc: Doc, start: int, low: _Side, bound: Bound | None, lexicon: QuantityLexicon
) -> _Figure | None:
    """ "15 to 20", "between 30 and 50", "10-20", "from 5 to 7" (two figures); a score ("3-1", "5 to 4")
    is read whole and rejected."""
    high = _range_end(doc, low, bound == "range", lexicon)
    if high is None:
        return None
    value = _shared_scale(low.number, high.number)
    if high.number.value > value:
        split = low.start > 0 and doc[low.start - 1].lower_ == "from"
        end, _ = _post_qualifier_after(doc, high.end, lexicon)
        return _Figure(start, end, low, high, "range", value, high.number.value, split, rejected=low.number.code)
    if doc[low.end].lower_ in _DASHES | {"to"}:
        return _Figure(low.start, high.end, low, high, "exact", value, None, split=False, rejected=True)
    return None


def _read_side(doc: Doc, i: int, lexicon: QuantityLexicon) -> _Side | None:
    """A number at ``i``, or a currency symbol at ``i`` followed by a number, with a glued sign after it."""
    currency = lexicon.currency_symbols.get(doc[i].lower_)
    first = i + 1 if currency else i
    if first >= len(doc):
        return None
    number = _read_number(doc, first, lexicon, money=currency is not None)
    if number is None:
        return None
    end, sign_unit = number.end, None
    if end < len(doc) and doc[end].text in lexicon.unit_signs and not doc[end - 1].whitespace_:
        end, sign_unit = end + 1, lexicon.unit_signs[doc[end].text]
    return _Side(i, end, number, currency, sign_unit)


def _read_number(doc: Doc, i: int, lexicon: QuantityLexicon, money: bool) -> _Number | None:
    """The number spelled by the tokens from ``i`` on, or ``None`` when token ``i`` does not start one."""
    dash_range = _DASH_RANGE.fullmatch(doc[i].text)
    if dash_range:
        low, high = (_digits_value(group) for group in dash_range.groups())
        if low is None or high is None:
            return None
        return _Number(i, i + 1, low, None, False, False, False, value_max=high)
    parts = _number_parts(doc, i, lexicon, money)
    if not any(part.kind != "link" for part in parts):
        return None
    return _evaluate(i, parts)


def _number_parts(doc: Doc, i: int, lexicon: QuantityLexicon, money: bool) -> list[_Part]:
    """The longest run of tokens from ``i`` that spells a number, one part per token."""
    parts: list[_Part] = []
    j = i
    while j < len(doc):
        new = _number_part(doc, j, parts, lexicon, money)
        if not new:
            break
        parts.extend(new)
        j += 1
    while parts and parts[-1].kind == "link":  # "-", "and", "of", "a" never end a number
        parts.pop()
    return parts


def _number_part(doc: Doc, j: int, parts: list[_Part], lexicon: QuantityLexicon, money: bool) -> list[_Part]:
    """What token ``j`` adds to the number read so far (``parts``); empty when it ends the number."""
    token = doc[j]
    word = token.lower_
    previous = parts[-1].kind if parts else None
    following = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    glued_to_previous = j > 0 and not doc[j - 1].whitespace_
    if word[:1].isdigit():
        return _digit_parts(word, j, previous, lexicon)
    if previous == "digits" and glued_to_previous and (
        word in lexicon.suffixes or (money and word in lexicon.money_suffixes)
    ):
        return [_Part("scale", j, lexicon.suffixes.get(word) or lexicon.money_suffixes[word])]
    if word in lexicon.numbers and _may_take_count(parts, lexicon.numbers[word]):
        return [_Part("count", j, lexicon.numbers[word])]
    if word in lexicon.scales and previous in {"digits", "count", "article", "vague_count", "scale", "link"}:
        return [_Part("scale", j, lexicon.scales[word])]
    if word in {"a", "an"}:
        return _article_part(j, previous, following, lexicon)
    if word in lexicon.vague and (previous is None or (previous == "link" and parts[-2].kind == "vague")):
        return [_Part("vague", j, lexicon.vague[word])]
    if word in lexicon.vague_of and previous is None and following == "of":
        return [_Part("vague", j, lexicon.vague_of[word])]
    if word in lexicon.vague_counts and following in lexicon.scales and previous in {None, "link"}:
        return [_Part("vague_count", j, lexicon.vague_counts[word])]
    if word in lexicon.fractions and _may_take_fraction(word, previous):
        return [_Part("fraction", j, lexicon.fractions[word])]
    if _is_link(doc, j, previous, following, lexicon):
        return [_Part("link", j)]
    return []


def _digit_parts(word: str, j: int, previous: str | None, lexicon: QuantityLexicon) -> list[_Part]:
    """"2,000" → a count; "3.2bn" → a count and its multiplier; digits after digits mark an id."""
    match = _DIGITS.fullmatch(word)
    if match is None or previous not in {None, "digits"}:
        return []
    value = _digits_value(match.group(1) + (match.group(2) or ""))
    suffix = match.group(3)
    if value is None or (suffix and suffix not in lexicon.suffixes):
        return []  # "11th", "1990s", "0134"
    parts = [_Part("digits", j, value)]
    if suffix:
        parts.append(_Part("scale", j, lexicon.suffixes[suffix]))
    return parts


def _digits_value(text: str) -> Fraction | None:
    """The value of "2,000" or "1.5"; ``None`` for a leading zero ("0134"), which only ids and phone numbers have."""
    if len(text) > 1 and text[0] == "0" and text[1] != ".":
        return None
    return Fraction(text.replace(",", ""))


def _may_take_count(parts: list[_Part], value: Fraction) -> bool:
    """A number word starts a number, follows a link ("twenty-five") or a multiplier ("two hundred five"),
    or adds units to a round ten ("twenty five")."""
    if not parts or parts[-1].kind in {"link", "scale"}:
        return True
    last = parts[-1]
    return last.kind == "count" and 20 <= last.value <= 90 and last.value % 10 == 0 and value < 10


def _article_part(j: int, previous: str | None, following: str, lexicon: QuantityLexicon) -> list[_Part]:
    """"a" counts one before a multiplier or share ("a dozen", "a third"); it only links elsewhere
    ("a few hundred", "half a million", "a quarter of a million")."""
    if previous is None and (following in lexicon.scales or following in lexicon.fractions):
        return [_Part("article", j, Fraction(1))]
    if previous is None and following == "few":
        return [_Part("link", j)]
    if previous in {"fraction", "link"} and following in lexicon.scales:
        return [_Part("link", j)]
    return []


def _may_take_fraction(word: str, previous: str | None) -> bool:
    """"half" stands alone; "third", "quarter", "fifth" need a count ("a third", "two-thirds", "one-fifth"),
    else they are ordinals ("the third quarter")."""
    if word == "half":
        return previous is None
    return previous in {"article", "count", "link"}


def _is_link(doc: Doc, j: int, previous: str | None, following: str, lexicon: QuantityLexicon) -> bool:
    """A token that joins two parts of one number: "twenty-five", "two-thirds", "one hundred and five",
    "hundreds of thousands", "a quarter of a million"."""
    word = doc[j].lower_
    if _is_inline_space(doc[j]):  # "1.5\xa0million"
        return previous is not None and (following in lexicon.scales or following in lexicon.numbers)
    if word == "-" and previous == "count":
        glued = not doc[j - 1].whitespace_ and not doc[j].whitespace_
        return glued and (following in lexicon.numbers or following in lexicon.fractions)
    if word == "and":
        return previous == "scale" and following in lexicon.numbers
    if word == "of" and previous == "fraction":
        return following in {"a", "an"} and j + 2 < len(doc) and doc[j + 2].lower_ in lexicon.scales
    if word == "of":
        return previous == "vague" and following in lexicon.vague
    return False


def _is_inline_space(token: Token) -> bool:
    """A whitespace token inside a line, as spaCy makes of a non-breaking space."""
    return token.is_space and "\n" not in token.text


def _evaluate(start: int, parts: list[_Part]) -> _Number:
    """Add up the parts the way English says numbers: "one million two hundred thousand" = 1,200,000."""
    total, current = Fraction(0), Fraction(0)
    scale: Fraction | None = None
    vague = share = code = False
    previous_kind = None
    for part in parts:
        if part.kind in {"digits", "count", "article"}:
            code = code or (part.kind == "digits" and previous_kind == "digits")
            current += part.value
        elif part.kind == "vague_count":
            current, vague = current + part.value, True
        elif part.kind == "vague":
            current, vague = (current or 2) * part.value, True  # "hundreds" alone: at least two hundred
        elif part.kind == "fraction":
            current, share = (current or 1) * part.value, True
        elif part.kind == "scale" and part.value < 1000:
            current, share = (current or 1) * part.value, False  # "hundred", "dozen": multiply the count
        elif part.kind == "scale":
            total, current, scale, share = total + (current or 1) * part.value, Fraction(0), part.value, False
        previous_kind = part.kind
    return _Number(start, parts[-1].token + 1, total + current, scale, vague, share, code)


# --- qualifiers and ranges -------------------------------------------------------------------------


def _qualifier_before(doc: Doc, lead: int, floor: int, lexicon: QuantityLexicon) -> tuple[int, Bound | None]:
    """Where the qualifier before token ``lead`` starts, and its bound ("just over" → lower)."""
    for length in (3, 2, 1):
        start = lead - length
        if start < floor:
            continue
        bound = lexicon.qualifiers.get(tuple(token.lower_ for token in doc[start:lead]))
        if bound is None:
            continue
        if bound in {"lower", "upper"} and start > floor and doc[start - 1].lower_ in lexicon.qualifier_modifiers:
            start -= 1
        return start, cast(Bound, bound)
    return lead, None


def _post_qualifier_after(doc: Doc, end: int, lexicon: QuantityLexicon) -> tuple[int, Bound | None]:
    """Where a qualifier after the number ends ("100 or more", "40-odd", "100+"), and its bound."""
    for length in (2, 1):
        words = tuple(token.lower_ for token in doc[end:end + length])
        bound = lexicon.post_qualifiers.get(words) if len(words) == length else None
        if bound is not None and (words[0] not in _DASHES | {"+"} or not doc[end - 1].whitespace_):
            return end + length, cast(Bound, bound)
    return end, None


def _range_end(doc: Doc, low: _Side, after_between: bool, lexicon: QuantityLexicon) -> _Side | None:
    """The upper end of "15 to 20", "10-20", "two or three", "between 30 and 50 ($30 and $50)"."""
    connector = low.end
    if connector + 1 >= len(doc):
        return None
    word = doc[connector].lower_
    if not (word in _DASHES or word in _RANGE_WORDS or (word == "and" and after_between)):
        return None
    return _read_side(doc, connector + 1, lexicon)


def _ratio_base(doc: Doc, low: _Side, lexicon: QuantityLexicon) -> _Side | None:
    """The base of a share written as a ratio: "8 in 10", "1 in 5"; with "of" only a round base
    ("eight of 10 voters"), since "three of 40 detainees" counts detainees."""
    word = doc[low.end].lower_ if low.end < len(doc) else ""
    if word not in {"in", "of"} or low.currency or low.sign_unit:
        return None
    base = _read_side(doc, low.end + 1, lexicon) if low.end + 1 < len(doc) else None
    if base is None or base.currency or base.sign_unit:
        return None
    return base if word == "in" or base.number.value in _ROUND_BASES else None


def _shared_scale(low: _Number, high: _Number) -> Fraction:
    """The low end of a range, with the scale the high end spells: "between 2 and 3 million" → 2,000,000,
    but "between 500 and 3 million" stays 500."""
    if low.scale is None and high.scale is not None and low.value < high.value / high.scale:
        return low.value * high.scale
    return low.value


# --- one figure, reported ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    """A figure's unit, the noun that carries it when there is one, and the first token after it."""

    name: str | None
    noun: Token | None = None
    joined: bool = False  # the noun follows the figure (an "of" noun does not: "dozens of people")
    end: int = 0


def _quantities_of(doc: Doc, figure: _Figure, lexicon: QuantityLexicon) -> list[Quantity]:
    """The quantities one figure reports: none for a date or an id, two for "from 10 to 20"."""
    unit = _unit_of(doc, figure, lexicon)
    if figure.rejected or _is_not_a_quantity(doc, figure, unit, lexicon):
        return []
    event = _event_of(_anchor(doc, figure, unit), unit, lexicon)
    value, value_max = figure.value, figure.value_max
    if (figure.low.number.share or figure.ratio) and unit.name == "percent" and not figure.sign_unit:
        value = value * 100  # "half of the residents", "5 in 10 voters" = 50 percent
    if figure.split and figure.high is not None and value_max is not None:
        return [
            _quantity(doc, figure.low.start, figure.low.end, value, None, "exact", unit.name, event),
            _quantity(doc, figure.high.start, figure.end, value_max, None, "exact", unit.name, event),
        ]
    return [_quantity(doc, figure.start, figure.end, value, value_max, figure.bound, unit.name, event)]


def _quantity(
    doc: Doc, first: int, end: int, value: Fraction, value_max: Fraction | None, bound: Bound,
    unit: str | None, event: str | None,
) -> Quantity:
    span = doc[first:end]  # its text is doc.text[start_char:end_char], without joining the whole document
    return Quantity(
        id="", text=span.text, start=span.start_char, end=span.end_char, value=_number(value),
        bound=bound, unit=unit, event=event, value_max=None if value_max is None else _number(value_max),
    )


def _number(value: Fraction) -> float:
    """A float for the record; a share with no exact decimal (one third = 33.33 percent) keeps two decimals."""
    denominator = value.denominator
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    return float(value) if denominator == 1 else round(float(value), 2)


# --- units ------------------------------------------------------------------------------------------


def _unit_of(doc: Doc, figure: _Figure, lexicon: QuantityLexicon) -> _Unit:
    """The unit: a glued sign, the currency symbol, a unit or currency word after the figure, or the
    counted noun (the figure's head, or the noun after "of")."""
    if figure.ratio:  # "8 in 10 voters": a share of the voters, who carry the event
        counted = _counted_noun(doc, figure)
        return _Unit("percent", *counted, end=figure.end) if counted else _Unit("percent", end=figure.end)
    if figure.sign_unit:
        return _Unit(figure.sign_unit, end=figure.end)
    if figure.currency:
        return _Unit(figure.currency, end=figure.end)
    after = figure.end
    if figure.low.number.share and after < len(doc):
        if doc[after].lower_ == "of":
            return _Unit("percent", end=after)
        if doc[after].lower_ in {"a", "an"}:  # "half an hour"
            after += 1
    word_unit = _unit_word_after(doc, after, figure, lexicon)
    if word_unit is not None:
        return word_unit
    counted = _counted_noun(doc, figure)
    if counted is not None:
        noun, joined = counted
        return _Unit(_count_unit(doc, noun, figure.value, lexicon), noun, joined, noun.i + 1)
    return _Unit(None, end=figure.end)


def _unit_word_after(doc: Doc, after: int, figure: _Figure, lexicon: QuantityLexicon) -> _Unit | None:
    """A currency or unit written after the figure: "euros", "per cent", "kilometres", "-kilometre"."""
    if after < len(doc) and doc[after].text == "-" and not doc[after - 1].whitespace_:
        after += 1  # "a 3-kilometre stretch"
    elif after < len(doc) and _is_inline_space(doc[after]):
        after += 1  # "1\xa0percent": a non-breaking space is a token of its own
    money = any(doc[i].ent_type_ == "MONEY" for i in figure.number_tokens)
    for length in (3, 2, 1):
        if after + length > len(doc):
            continue
        words = tuple(token.lower_ for token in doc[after:after + length])
        name = lexicon.currency_words.get(words) or (lexicon.money_words.get(words) if money else None)
        name = name or lexicon.units.get(words)
        if name is not None:
            return _Unit(name, doc[after + length - 1], True, after + length)
    return None


def _counted_noun(doc: Doc, figure: _Figure) -> tuple[Token, bool] | None:
    """The noun a number counts and whether it is joined to the number: its head after it ("38 people",
    "2,000 dead fish"), or, not joined, the noun after "of" ("dozens of testimonies", "40 of the
    detainees"; not "29 of them")."""
    for i in figure.number_tokens:
        head = doc[i].head
        if head.pos_ == "ADJ" and head.dep_ == "amod":  # "between 30 and 50 more families"
            head = head.head
        if head.i >= figure.end and head.pos_ in {"NOUN", "PROPN"} and doc[i].dep_ in _COUNTING_DEPS:
            return head, True
    if figure.end + 1 < len(doc) and doc[figure.end].lower_ == "of":
        noun = next((child for child in doc[figure.end].children if child.dep_ == "pobj"), None)
        if noun is not None and noun.pos_ in {"NOUN", "PROPN"}:
            return noun, False
    return None


def _count_unit(doc: Doc, noun: Token, value: Fraction, lexicon: QuantityLexicon) -> str:
    """The counted noun as a plural: as written for most counts, made plural for a count of one and for
    hyphenated forms ("a 300-page report" → pages)."""
    text = noun.text if noun.pos_ == "PROPN" else noun.lower_
    hyphenated = noun.i > 0 and doc[noun.i - 1].text == "-"
    if noun.tag_ not in {"NN", "NNP"} or not (value == 1 or hyphenated):
        return text
    if text in lexicon.plurals:
        return lexicon.plurals[text]
    if text.endswith(("s", "x", "z", "ch", "sh")):
        return text + "es"
    if text.endswith("y") and text[-2:-1] not in set("aeiou"):
        return text[:-1] + "ies"
    return text + "s"


# --- events -----------------------------------------------------------------------------------------


def _anchor(doc: Doc, figure: _Figure, unit: _Unit) -> Token:
    """The token that stands for the whole figure in the parse: the counted or unit noun after it, else
    the figure's own head word ("million" of "$1.5 million", "%" of "60%", "dozens" of "dozens of people")."""
    last = unit.noun.i if unit.noun is not None and unit.joined else figure.end - 1
    members = range(figure.start, last + 1)
    if unit.noun is not None and unit.joined and unit.noun.head.i not in members:
        return unit.noun
    heads = [doc[i] for i in members if doc[i].head.i not in members or doc[i].head.i == i]
    # the number heads the figure ("About 60"), unless the parse hangs it from the qualifier ("Upwards of 5,000")
    in_number = [token for token in heads if token.i >= figure.low.start]
    return (in_number or heads or [doc[figure.number_tokens[-1]]])[0]


def _event_of(anchor: Token, unit: _Unit, lexicon: QuantityLexicon) -> str | None:
    """The lemma of the verb or event noun that governs the figure; "find dead" for a count of the dead."""
    if any(child.dep_ == "amod" and child.lower_ == "dead" for child in anchor.children):
        return "find dead"
    node = anchor
    while _holds_in_container(node, lexicon):  # "a total of 40 people": look above "total"
        node = node.head.head
    # "three times the level": the noun after "times" is what is multiplied, not an event
    noun = _described_noun(node, unit, lexicon) if unit.name != "times" else None
    if noun is not None:
        return lexicon.lemma(noun)
    verb = _governing_verb(node) or next(
        (child for child in node.children if child.dep_ == "acl" and child.pos_ == "VERB"), None
    )  # a headline's reduced relative: "2,000 dead fish found on river"
    return None if verb is None else _verb_event(verb, lexicon)


def _holds_in_container(node: Token, lexicon: QuantityLexicon) -> bool:
    return node.dep_ == "pobj" and node.head.lower_ == "of" and lexicon.lemma(node.head.head) in lexicon.containers


def _described_noun(node: Token, unit: _Unit, lexicon: QuantityLexicon) -> Token | None:
    """The noun a figure describes: "a $250,000 fine", "a 3-kilometre stretch", "a fine of $250,000"."""
    head = node.head
    if head is node:
        return None
    # In apposition only money describes the noun before it (a headline's "fines Velora $250,000", where
    # the parser reads "fines" as a noun); "100 people were hurt, 20 of them seriously" counts the people.
    is_modifier = node.dep_ in _NOUN_MODIFIERS and (node.dep_ != "appos" or unit.name in lexicon.currencies)
    if is_modifier and head.pos_ == "NOUN" and lexicon.lemma(head) not in lexicon.containers:
        return head
    if node.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        described = head.head
        # "half of 1 percent": the noun before "of" is itself a figure, not an event
        is_figure = described.lower_ in lexicon.fractions or described.lower_ in lexicon.vague
        return None if is_figure else described
    return None


def _governing_verb(node: Token) -> Token | None:
    """The nearest verb above ``node`` in its own clause; ``None`` when the clause is a copula ("is 300
    metres long", "There is not one name")."""
    token = node
    while token.head is not token:
        token = token.head
        if token.pos_ == "AUX" or token.lemma_ == "be":
            return None
        if token.pos_ == "VERB" and token.is_alpha and token.dep_ not in _VERBS_AS_MODIFIERS:
            return token
        if token.dep_ in _CLAUSE_HEADS:
            return None
    return None


def _verb_event(verb: Token, lexicon: QuantityLexicon) -> str:
    """The verb's lemma, through raising verbs ("are believed to have died" → die), with "dead" kept
    ("were found dead" → find dead)."""
    while lexicon.lemma(verb) in lexicon.raising_verbs:
        complement = next((child for child in verb.children if child.dep_ == "xcomp" and child.pos_ == "VERB"), None)
        if complement is None:
            break
        verb = complement
    lemma = lexicon.lemma(verb)
    if any(child.lower_ == "dead" and child.i > verb.i for child in verb.children):
        return f"{lemma} dead"
    return lemma


# --- what is not a quantity -------------------------------------------------------------------------


def _is_not_a_quantity(doc: Doc, figure: _Figure, unit: _Unit, lexicon: QuantityLexicon) -> bool:
    """Dates, points in time, clock times, ages, identifiers, numbers in names, list numbers and pronoun "one"."""
    return (
        _inside_name(doc, figure)
        or _before_singular_name(figure, unit)
        or _after_label(doc, figure, lexicon)
        or _glued_to_digits(doc, figure)
        or _is_decade(doc, figure)
        or _inside_compound_word(doc, figure, lexicon)
        or _is_year(doc, figure, unit)
        or _is_day_of_month(doc, figure, unit, lexicon)
        or _is_age(doc, figure, unit, lexicon)
        or _is_point_in_time(doc, figure, unit, lexicon)
        or _is_clock_time(doc, figure, lexicon)
        or _is_pronoun_one(doc, figure, unit)
        or _is_list_number(doc, figure, unit)
        or (figure.low.number.share and unit.name is None)  # "cut in half"
    )


def _inside_name(doc: Doc, figure: _Figure) -> bool:
    return any(doc[i].ent_type_ in _NAME_ENTITIES for i in figure.number_tokens)


def _before_singular_name(figure: _Figure, unit: _Unit) -> bool:
    """ "131 West 23rd Street", "Fortune 500": several of a singular proper noun is an address or a name
    ("38 Palestinians" is a count: a plural)."""
    noun = unit.noun
    return noun is not None and unit.joined and noun.tag_ == "NNP" and figure.value != 1


def _after_label(doc: Doc, figure: _Figure, lexicon: QuantityLexicon) -> bool:
    """ "Article 5", "page 12", "Flight 370", "No. 2" (also when the tokenizer splits off the full stop)."""
    start = figure.low.start
    before = doc[start - 1].lower_ if start > 0 else ""
    if before == "." and start > 1:
        before = doc[start - 2].lower_ + "."
    return before in lexicon.labels


def _glued_to_digits(doc: Doc, figure: _Figure) -> bool:
    """ "555-0134", "2026-05-16", "12/05": digits joined to more digits by a dash, slash, dot or colon
    without a space are an id, a date or a version."""
    joiners = {"-", "/", ".", ":"}
    end, start = figure.end, figure.low.start
    after = end + 1 < len(doc) and doc[end].text in joiners and not doc[end - 1].whitespace_ \
        and not doc[end].whitespace_ and doc[end + 1].text[:1].isdigit()
    before = start >= 2 and doc[start - 1].text in joiners and not doc[start - 1].whitespace_ \
        and not doc[start - 2].whitespace_ and doc[start - 2].text[-1:].isdigit()
    return after or before


def _is_decade(doc: Doc, figure: _Figure) -> bool:
    """ "the 80's", "the 1990’s" (spaCy keeps "1990s" whole, which is not read as a number at all)."""
    end = figure.end
    return end < len(doc) and doc[end].lower_ in {"'s", "’s"} and not doc[end - 1].whitespace_


def _inside_compound_word(doc: Doc, figure: _Figure, lexicon: QuantityLexicon) -> bool:
    """ "high-five", "Catch-22": a number glued by a hyphen to a word before it is part of that word."""
    start = figure.low.start
    if start < 2 or doc[start - 1].text != "-" or doc[start - 1].whitespace_ or doc[start - 2].whitespace_:
        return False
    word = doc[start - 2]
    return word.is_alpha and word.lower_ not in lexicon.numbers


def _is_year(doc: Doc, figure: _Figure, unit: _Unit) -> bool:
    """ "in 2021", "the 2021 elections", "from 2011 to 2016", "in 198 AD" — but "2000 people" is a count."""
    if figure.currency or figure.sign_unit:
        return False
    if figure.end < len(doc) and doc[figure.end].text in _ERAS:
        return True
    numbers = [figure.low.number] + ([figure.high.number] if figure.high else [])
    if any(number.end - number.start != 1 or not _is_year_like(doc[number.start]) for number in numbers):
        return False
    return unit.name is None or any(doc[number.start].ent_type_ == "DATE" for number in numbers)


def _is_year_like(token: Token) -> bool:
    return token.text.isdigit() and _FIRST_YEAR <= int(token.text) <= _LAST_YEAR


def _is_day_of_month(doc: Doc, figure: _Figure, unit: _Unit, lexicon: QuantityLexicon) -> bool:
    """ "March 3", "10 May 2024", "May 10, 2021": the number's head or neighbour is a month or a weekday
    (a neighbour only when the number counts nothing: "in March 30 people were held" is a count)."""
    calendar = lexicon.months | lexicon.weekdays

    def is_calendar_word(token: Token) -> bool:
        return token.lower_ in calendar and token.text[:1].isupper()

    for i in figure.number_tokens:
        if is_calendar_word(doc[i].head):
            return True
        if unit.name is None and any(is_calendar_word(doc[j]) for j in (i - 1, i + 1) if 0 <= j < len(doc)):
            return True
    return False


def _is_age(doc: Doc, figure: _Figure, unit: _Unit, lexicon: QuantityLexicon) -> bool:
    """ "aged 45", "at the age of 9", "45 years old", "a 24-year-old welder", "his death at 58", and the
    news style "Mr. King, 82, told me"."""
    before = [doc[i] for i in range(max(figure.start - 2, 0), figure.start)]
    if before and before[-1].lower_ in lexicon.age_prefixes:
        return True
    bare = unit.name is None and figure.start == figure.low.start
    if len(before) == 2 and before[-1].lower_ in {"of", "at"}:
        if before[0].lower_ in lexicon.age_prefixes or (bare and before[0].lemma_.lower() in _DYING_WORDS):
            return True
    if bare and figure.start >= 2 and doc[figure.start - 1].text == ",":
        name = doc[figure.start - 2]
        if name.ent_type_ == "PERSON" or name.pos_ == "PROPN":
            return True
    if unit.name not in _TIME_UNITS:
        return False
    after = unit.end + 1 if unit.end < len(doc) and doc[unit.end].text == "-" else unit.end
    return after < len(doc) and doc[after].lower_ in lexicon.age_suffixes


def _is_point_in_time(doc: Doc, figure: _Figure, unit: _Unit, lexicon: QuantityLexicon) -> bool:
    """ "two years ago", "three days later", "two days after the vote": a time span that dates something
    ("held for two days after his arrest" is a length of time)."""
    if unit.name not in _TIME_UNITS or unit.end >= len(doc):
        return False
    following = doc[unit.end].lower_
    if following in lexicon.relative_suffixes:
        return True
    span = figure.start > 0 and doc[figure.start - 1].lower_ in lexicon.span_prefixes
    return following in lexicon.sequence_suffixes and not span


def _is_clock_time(doc: Doc, figure: _Figure, lexicon: QuantityLexicon) -> bool:
    return figure.end < len(doc) and doc[figure.end].lower_ in lexicon.clock_suffixes


def _is_list_number(doc: Doc, figure: _Figure, unit: _Unit) -> bool:
    """ "6. Shakira is not dead.": a number that opens a sentence and ends with a full stop or a bracket
    numbers an item of a list."""
    opens = figure.start == 0 or doc[figure.start].is_sent_start or "\n" in doc[figure.start - 1].text
    closes = figure.end < len(doc) and doc[figure.end].text in {".", ")"}
    return unit.name is None and figure.high is None and opens and closes


# "one thing leads to another", "one way or another": no count.
_IDIOM_NOUNS = frozenset({"thing", "way"})


def _is_pronoun_one(doc: Doc, figure: _Figure, unit: _Unit) -> bool:
    """ "one of two groups", "Not one.": a bare "one" counts something only when a noun or unit follows
    it ("one week", "one name"), and not after "not": "not one name" says there is none; nor in "one
    thing leads to another" or "one way or another" ("One person was killed and another injured" counts)."""
    number = figure.low.number
    is_bare_one = number.end - number.start == 1 and doc[number.start].lower_ == "one"
    if not is_bare_one or figure.high is not None or figure.start != figure.low.start:
        return False
    counts_nothing = unit.name is None or (unit.noun is not None and not unit.joined)
    answered = doc[figure.start + 1 : figure.start + 2].text.lower() in _IDIOM_NOUNS and any(
        t.lower_ == "another" for t in doc[figure.end : min(figure.end + 5, doc[figure.start].sent.end)]
    )
    return counts_nothing or answered or (figure.start > 0 and doc[figure.start - 1].lower_ == "not")
