"""Speakers across documents: one entity per person or organisation, whatever outlet named them.

Inside a document, attribution already resolved pronouns, roles and surnames to the name as written
in full. Across documents the same speaker still appears as "Foreign Minister Sergei Lavrov",
"Sergei Lavrov", "Sergei V. Lavrov", "Lavrov", or "Human Rights Watch" and "HRW". The rules:

- **Titles** before a name are dropped ("Foreign Minister Sergei Lavrov" -> "Sergei Lavrov").
- A **person** with two or more name words is keyed by first and last name, so a middle name or
  initial does not split them.
- A **bare surname** joins the one full name with that surname within its story (or the corpus, when
  no stories are given); with two candidates ("John Smith", "Mary Smith") it stays on its own —
  merging blindly would give one person the other's words.
- An **abbreviation** joins the organisation it abbreviates: one spelled out in parentheses in any
  document ("Civic Rights Monitor (CRM)"), else the one organisation whose initials it is.
- Unnamed speakers ("officials", "the ministry's spokesman") are entities of their own text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimledger.attribution.speakers import PERSON_TITLES
from claimledger.linking.ids import stable_id
from claimledger.model import Document

# Words that belong to a title rather than a name ("Foreign Minister", "Deputy Secretary-General").
_TITLE_WORDS = PERSON_TITLES | {
    "foreign", "interior", "prime", "deputy", "vice", "defence", "defense", "finance", "health",
    "state", "acting", "former", "lt", "col", "sgt", "gen", "st", "sir", "dame", "lord", "lady", "rev",
    "king", "queen", "prince", "princess", "pope", "sheikh", "ceo", "head", "leader", "officer",
}
# Name words skipped when taking initials: "Human Rights Watch" -> HRW, "Bank of England" -> BE.
_INITIALS_SKIP = {"of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "&"}
_ABBREVIATION_DEFINED = re.compile(r"([A-Z][\w’'.&-]*(?:\s+(?:of|the|for|and|on|[A-Z][\w’'.&-]*))+)\s+\(([A-Z][A-Za-z&]{1,9})\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,9}$")
_WORD = re.compile(r"[\w’'.&-]+")


@dataclass(frozen=True)
class CorpusSpeaker:
    """A person or organisation across the corpus: its canonical name and every variant seen."""

    id: str
    name: str
    type: str
    variants: tuple[str, ...]


@dataclass
class SpeakerLinks:
    """The corpus speakers, and which one each (document, name as resolved in it) refers to."""

    speakers: list[CorpusSpeaker]
    by_name: dict[tuple[str, str], str]  # (document id, in-document name) -> speaker id

    def speaker(self, document_id: str, name: str) -> CorpusSpeaker | None:
        """The corpus speaker that ``name`` in that document refers to."""
        speaker_id = self.by_name.get((document_id, name))
        return self._by_id.get(speaker_id) if speaker_id else None

    def __post_init__(self) -> None:
        self._by_id = {speaker.id: speaker for speaker in self.speakers}


@dataclass(frozen=True)
class _Mention:
    """One distinct name as one document used it; ``core`` is the part that names the speaker."""

    document: str
    name: str
    type: str
    core: str = ""


def strip_title(name: str, person: bool = True) -> str:
    """The name without a leading "the" and, for a person, title words; at least one word is kept.

    Organisations keep theirs: "State Department" is not "Department".
    """
    words = _WORD.findall(name)
    while len(words) > 1 and (words[0].lower() == "the" or person and words[0].lower().rstrip(".") in _TITLE_WORDS):
        words = words[1:]
    return " ".join(words)


def initials(name: str) -> str:
    """The capitals of a name's words, skipping "of", "the"…: "Human Rights Watch" -> "HRW"."""
    return "".join(word[0].upper() for word in name.split() if word.lower() not in _INITIALS_SKIP)


def link_speakers(documents: Sequence[Document], story_of: Mapping[str, str] | None = None) -> SpeakerLinks:
    """One :class:`CorpusSpeaker` per person or organisation across ``documents``.

    Args:
        story_of: document id -> story id; a bare surname is then resolved within its story first.
    """
    mentions = _mentions(documents)
    abbreviations = _defined_abbreviations(documents)
    keys = {mention: _full_key(mention) for mention in mentions}
    scopes = story_of or {}
    surname_index = _surname_index(keys, scopes)
    initials_index = _initials_index(keys)
    for mention in mentions:
        if keys[mention] is None:
            keys[mention] = _short_key(mention, abbreviations, surname_index, initials_index, scopes)
    return _speakers_from_keys(keys)


def _mentions(documents: Sequence[Document]) -> list[_Mention]:
    """Every distinct (document, name) of an entity or a statement's speaker, with its corpus type.

    The type is the one most documents give the name: the NER calls an organisation a person in one
    article and an organisation in the next, and a speaker with no entity has no type of its own.
    """
    names: set[tuple[str, str]] = set()
    votes: dict[str, Counter] = defaultdict(Counter)
    for document in documents:
        for entity in document.entities:
            names.add((document.id, entity.name))
            votes[_fold(strip_title(entity.name))][entity.type] += 1
        for statement in document.statements:
            if statement.speaker is not None:
                names.add((document.id, statement.speaker.name or statement.speaker.text))
    return [_typed_mention(document, name, votes) for document, name in sorted(names)]


def _typed_mention(document: str, name: str, votes: Mapping[str, Counter]) -> _Mention:
    """The mention with its corpus type; "Leena Haldane of CRM" is read as the person before "of"."""
    own = votes.get(_fold(strip_title(name)))
    person, _, affiliation = name.partition(" of ")
    if affiliation and _majority(votes.get(_fold(strip_title(person)))) == "PERSON":
        return _Mention(document, name, "PERSON", person)
    return _Mention(document, name, _majority(own))


def _majority(votes: Counter | None) -> str:
    """The most frequent type (PERSON before ORG on a tie), or OTHER without any."""
    if not votes:
        return "OTHER"
    return max(votes, key=lambda kind: (votes[kind], kind == "PERSON"))


def _fold(text: str) -> str:
    """Lower case without accents or possessive marks, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _name_words(mention: _Mention) -> list[str]:
    return strip_title(mention.core or mention.name, person=mention.type != "ORG").split()


def _is_named(mention: _Mention) -> bool:
    """A proper name: every word after the title capitalised (not "officials" or "the minister")."""
    words = _name_words(mention)
    return bool(words) and all(w[0].isupper() or w.lower() in _INITIALS_SKIP for w in words) and words[0][0].isupper()


def _full_key(mention: _Mention) -> tuple[str, ...] | None:
    """The key of a name that identifies its bearer alone; ``None`` for a bare surname or an acronym."""
    words = _name_words(mention)
    if not _is_named(mention):
        return ("unnamed", _fold(mention.name))
    if len(words) == 1:
        return None
    if mention.type == "PERSON":
        return ("person", _fold(words[0]), _fold(words[-1]))
    return ("name", _fold(" ".join(words)))


def _defined_abbreviations(documents: Sequence[Document]) -> dict[str, str]:
    """Abbreviation -> folded full name, from "Full Name (ABBR)" whose initials fit, in any document."""
    defined: dict[str, str] = {}
    for document in documents:
        for match in _ABBREVIATION_DEFINED.finditer(document.text):
            full, abbreviation = strip_title(match.group(1)), match.group(2)
            words = full.split()
            # The pattern grabs capitalised words before the brackets; keep the tail the initials spell.
            for start in range(len(words)):
                tail = " ".join(words[start:])
                if initials(tail) == abbreviation.replace("&", ""):
                    defined.setdefault(abbreviation, _fold(tail))
                    break
    return defined


def _surname_index(keys: Mapping[_Mention, tuple[str, ...] | None], scopes: Mapping[str, str]) -> dict:
    """(scope, folded surname) -> the person keys with that surname; scope ``None`` is the corpus."""
    index: dict[tuple[str | None, str], set[tuple[str, ...]]] = defaultdict(set)
    for mention, key in keys.items():
        if key is not None and key[0] == "person":
            index[(None, key[2])].add(key)
            index[(scopes.get(mention.document), key[2])].add(key)
    return index


def _initials_index(keys: Mapping[_Mention, tuple[str, ...] | None]) -> dict[str, set[tuple[str, ...]]]:
    """Initials -> the organisation keys with those initials."""
    index: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for mention, key in keys.items():
        if key is not None and key[0] == "name" and len(key[1].split()) > 1:
            index[initials(" ".join(_name_words(mention)))].add(key)
    return index


def _short_key(
    mention: _Mention, abbreviations: Mapping[str, str], surnames: Mapping, initials_of: Mapping, scopes: Mapping[str, str]
) -> tuple[str, ...]:
    """The key of a one-word name: the full name it abbreviates or is the surname of, when unambiguous."""
    word = _name_words(mention)[0]
    if _ACRONYM.match(word):
        if word in abbreviations:
            return ("name", abbreviations[word])
        if len(initials_of.get(word, ())) == 1:
            return next(iter(initials_of[word]))
    folded = _fold(word)
    for scope in (scopes.get(mention.document), None):
        candidates = surnames.get((scope, folded), set())
        if len(candidates) == 1:
            return next(iter(candidates))
        if len(candidates) > 1:
            break  # ambiguous where it was said: do not fall back to a wider scope
    return ("name", folded)


def _speakers_from_keys(keys: Mapping[_Mention, tuple[str, ...]]) -> SpeakerLinks:
    """Group the mentions by key; the canonical name is the most used full variant."""
    groups: dict[tuple[str, ...], list[_Mention]] = defaultdict(list)
    for mention, key in keys.items():
        groups[key].append(mention)
    speakers, by_name = [], {}
    for key, members in sorted(groups.items()):
        variants = Counter(" ".join(_name_words(m)) for m in members)
        # A full name over a bare surname however often the surname was used, then the usual spelling.
        name = max(variants, key=lambda v: (len(v.split()) > 1, variants[v], len(v.split()), v))
        types = Counter(m.type for m in members if m.type != "OTHER")
        kind = types.most_common(1)[0][0] if types else ("UNNAMED" if key[0] == "unnamed" else "OTHER")
        speaker = CorpusSpeaker(stable_id("p", "\x1f".join(key)), name, kind, tuple(sorted({m.name for m in members})))
        speakers.append(speaker)
        by_name.update({(m.document, m.name): speaker.id for m in members})
    return SpeakerLinks(speakers, by_name)
