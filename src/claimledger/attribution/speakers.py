"""Speaker resolution within one document: pronouns, role descriptions, surnames and abbreviations.

spaCy gives named-entity mentions; this module groups them into the document's people and
organisations (surname -> full name, "Civic Rights Monitor (CRM)" -> CRM), collects each person's
roles (title words before the name, appositions either side), and resolves a speaker mention to one
of them:

- a mention holding a named entity is that entity (names after a title and surnames said again count
  as named even where the NER misses them: "Kestrel Governor Ramzan Terek", "Terek, a former …");
- people or organisations joined by "and" speak together ("Jonas Reiter and Mira Castell"), under a name
  that joins theirs with each listed as a member, and so do the two who spoke last for "Neither official"
  or "Both senators";
- "his ministry" is the ministry of the person a subject earlier in the sentence ("Dariusz Halvorsen's
  ministry"), "its lawyers" those of the organisation;
- "he"/"she" is the most recent person spoken of, "it"/"they" the most recent organisation, unless an
  unnamed speaker spoke since ("One, a welder, said …"), whom "he", "the man" or "the welder" then means;
- a role description ("the agency's director", "the diplomat", "the Vermont senator") is the most
  recent entity holding a role with the same head noun whose qualifiers do not contradict it;
- an epithet no role matches ("The Republican presidential nominee said", "the New York
  businessman added") is the person the sentences before it are about, and becomes their role;
- anything else keeps its own text as the name.

Written by hand because spaCy ships no coreference model for English that runs offline on CPU.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from claimledger.attribution.first_names import first_name_gender
from claimledger.attribution.rules import (
    SPEAKER_ENTITY_LABELS, first_token_at, is_title_case, paragraph_numbers, quoting, transcript_turn_labels,
)
from claimledger.model import Entity, Member
from claimledger.parse import document_text, token_strings

_NAMING_VERBS = frozenset({"name", "call", "know", "identify", "dub"})
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
# How close before a "he" or "she" someone who fits must have been mentioned for the pronoun to pass
# over a later subject of the other gender (about two paragraphs).
_GENDER_SWITCH_WINDOW = 600
_GENDER_OF_PRONOUN = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
# Honorifics and role nouns that say a person's gender, where the first name does not.
_GENDER_WORDS = {
    "mr": "male", "spokesman": "male", "chairman": "male", "congressman": "male", "businessman": "male",
    "king": "male", "prince": "male", "pope": "male", "father": "male", "husband": "male", "son": "male",
    "mrs": "female", "ms": "female", "miss": "female", "spokeswoman": "female", "chairwoman": "female",
    "congresswoman": "female", "businesswoman": "female", "queen": "female", "princess": "female",
    "actress": "female", "mother": "female", "wife": "female", "daughter": "female", "lady": "female",
}
_GROUP_PRONOUNS = {"it", "its", "they", "them", "their"}
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
_RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Qualifiers that make a role another office: a vice presidential nominee is not the presidential one.
_RANK_WORDS = {"vice", "deputy", "assistant", "associate", "lieutenant", "under", "co"}
# Nouns that may stand for any person who spoke ("Neither official", "both men").
_ANY_PERSON = {"official", "man", "woman", "person", "politician", "leader"}
_ORGANISATION_NOUNS = {
    "group", "organisation", "organization", "agency", "company", "ministry", "firm", "charity", "union", "department",
}
_ANTECEDENT_MODIFIERS = {"det", "amod", "nummod", "compound", "poss"}
_GENERIC_ORGANISATION_NOUNS = {"group", "organisation", "organization"}
# Heads of a speaker phrase that can be one unnamed person ("a welder", "One, a welder"), and the
# relative pronoun a speaker span sometimes ends with ("One, a 24-year-old welder who").
_SINGULAR_SPEAKER_TAGS = {"NN", "CD"}
# Also any clause set off after it ("the Centcom statement, which it says are …"): no part of a name.
_RELATIVE_TAIL = re.compile(r"\s+(who|which|that)$|,\s+(who|which)\s.*$", re.DOTALL)
_BUSINESS_NOUNS = {"company", "firm", "giant", "maker", "manufacturer", "producer", "retailer", "conglomerate"}
# Endings a company's name is often given without, and that name nothing but a company.
_LEGAL_FORM_WORDS = {"chemicals", "inc", "corp", "corporation", "ltd", "plc", "holdings", "industries",
                     "pharmaceuticals", "llc"}
_BUSINESS_NAME_ENDINGS = _LEGAL_FORM_WORDS | {
    "group", "co", "company", "motors", "airlines", "energy", "bank", "partners",
}
# Last words of names that make them organisations even when the NER calls them people
# ("Meridian Wire", "Civic Rights Monitor"): the small model often does.
ORGANISATION_NAME_ENDINGS = _ORGANISATION_NOUNS | {
    "monitor", "aid", "watch", "wire", "council", "party", "institute", "foundation", "association",
    "commission", "committee", "office", "service", "services", "network", "press", "news", "times", "post",
    "bank", "fund", "court", "bureau", "board", "corporation", "chemicals", "authority", "coalition",
    "alliance", "federation", "society", "centre", "center", "university", "international", "inc", "ltd",
    # newspapers ("the Kestrel Ledger" is often called "the Ledger")
    "ledger", "gazette", "courier", "observer", "sentinel", "herald", "tribune", "journal", "chronicle",
    "daily", "clarion", "telegraph",
}
# Nouns for anyone, which refer back to whoever unnamed spoke last ("One, a welder, said … The man said").
_ANY_PERSON_NOUNS = {"man", "woman", "person", "boy", "girl", "men", "women", "people"}
# Words for people of one sex and age, singular and plural: a "man" is never one of "the boys".
_SORT_OF_PERSON = {"man": "man", "men": "man", "woman": "woman", "women": "woman", "boy": "boy", "boys": "boy",
                   "girl": "girl", "girls": "girl"}  # fmt: skip
_CHILDREN = {"boy", "girl"}
# Words that join two names into one the NER may tag whole ("Amnesty International and Human Rights Watch").
_JOINING_WORDS = frozenset({"and", "&"})
# Descriptions that often stay anonymous: a person named after "a senior official said" is seldom that official.
_ANONYMOUS_ROLE_NOUNS = _ANY_PERSON_NOUNS | {
    "official", "source", "aide", "spokesman", "spokeswoman", "spokesperson", "insider", "officer", "diplomat",
    "resident", "witness",
}  # fmt: skip
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof"}
# Heads of unnamed speakers that are not one person ("the provincial government", "a report").
_NOT_PEOPLE = ORGANISATION_NAME_ENDINGS | {"government", "report", "statement", "study", "survey", "poll", "police"}
# Title words that make a name a person even when the NER calls it an organisation.
PERSON_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "president", "minister", "governor", "senator",
    "secretary", "director", "spokesman", "spokeswoman", "spokesperson", "ambassador", "chief", "mayor",
    "general", "professor", "chairman", "chairwoman", "diplomat", "judge", "captain", "commissioner",
}

# Qualifiers that name the same thing: "the GOP nominee" is "the Republican nominee".
_SAME_QUALIFIER = {"GOP": "REPUBLICAN", "DEMOCRAT": "DEMOCRATIC", "DEM": "DEMOCRATIC"}
# Abbreviated titles as their words, so that "Sen. Lindsey Graham" holds the role "the senator" names.
_TITLE_ABBREVIATIONS = {
    "sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "pres": "president",
    "sec": "secretary", "prof": "professor", "amb": "ambassador", "atty": "attorney", "capt": "captain",
    "lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "adm": "admiral", "dr": "doctor",
}
# Nouns for what one person is or does in public life. A definite description with one of these heads
# that matches no role the article gives ("The Republican presidential nominee said", "the New York
# businessman added") is the person the article is about at that point: reporters vary a name with
# such epithets. Generic nouns ("the woman", "the resident") are left out: they mostly refer to
# someone the article never names.
_PUBLIC_ROLE_NOUNS = PERSON_TITLES | set(_TITLE_ABBREVIATIONS.values()) | {
    "nominee", "candidate", "incumbent", "challenger", "contender", "frontrunner", "businessman",
    "businesswoman", "billionaire", "mogul", "tycoon", "magnate", "congressman", "congresswoman", "lawmaker",
    "legislator", "representative", "politician", "premier", "chancellor", "lady", "official",
    "aide", "adviser", "advisor", "strategist", "lawyer", "attorney", "prosecutor", "economist", "scientist",
    "ecologist", "researcher", "analyst", "activist", "founder", "executive", "ceo", "manager", "host",
    "anchor", "author", "columnist", "pollster", "physician", "doctor", "pastor", "bishop", "sheriff", "coach",
    "star", "actor", "actress", "veteran", "officer", "commander", "justice", "magistrate", "inspector",
    "pope", "king", "queen", "prince", "princess", "cardinal", "archbishop", "rabbi", "imam", "cleric",
}


@dataclass
class _Person:
    """An entity while it is being built."""

    key: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    # A role's head lemma -> the words qualifying it, one set per role ("nominee" -> {"republican", "presidential"}).
    role_words: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    # Whether the first mention gave a role ("Dr. Miriam Osei, a freshwater ecologist"): how news names a
    # source it described before.
    introduced_with_role: bool = False
    # Heads of roles introduced as "Another top diplomat, Ilya Varga": a phrase before it with that
    # head ("Russia's top diplomat") meant someone else.
    another: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    subject_mentions: list[int] = field(default_factory=list)  # starts of mentions that are subjects
    gender_words: set[str] = field(default_factory=set)  # honorifics and roles that say a gender ("Mrs.")

    @property
    def gender(self) -> str | None:
        """"male" or "female" where the first name (:mod:`.first_names`: not "Kim", which women and
        men bear), an honorific or a role says so, and nothing says otherwise."""
        words = self.name.split()
        said = {_GENDER_WORDS[w] for w in self.gender_words | set(self.role_words) if w in _GENDER_WORDS}
        if self.type == "PERSON" and len(words) > 1:
            said.add(first_name_gender(words[0]))
        said.discard(None)
        return said.pop() if len(said) == 1 else None


class Resolution(NamedTuple):
    """A speaker mention resolved: the name, the entity id, and each member when several speak together."""

    name: str
    entity: str | None
    members: tuple[Member, ...] = ()


class SpeakerResolver:
    """The entities of one parsed document, and the resolution of speaker mentions to them."""

    def __init__(self, doc: Doc, author: str | None = None) -> None:
        self._doc = doc
        self._author = _single_author(author)
        self._entities: list[_Person] = []
        self._by_key: dict[str, _Person] = {}
        self._mention_at: list[tuple[int, int, _Person]] = []
        # Speakers the document never names ("One, a 24-year-old welder", "Local fishermen"): start offset,
        # name, plural. A "he" right after a singular one, or a "they" after a plural one, is that speaker,
        # not the last named person or organisation.
        self._unnamed: list[tuple[int, str, bool]] = []
        # Unnamed bodies that speak as one ("The ministry", "the report"): start offset and name, for an
        # "it" after them ("The ministry said … It added …").
        self._unnamed_bodies: list[tuple[int, str]] = []
        # Each of several named together, by the name that joins theirs ("Jonas Reiter and Mira Castell").
        self._members_of: dict[str, tuple[Member, ...]] = {}
        titled = _titled_names_missed(doc)
        people = {token.i for span in titled for token in span}
        named = [
            ent for ent in doc.ents
            if ent.label_ in SPEAKER_ENTITY_LABELS and not _modifies_a_name(ent, people) and not _is_bare_title(ent)
        ]
        named = [part for ent in named for part in _organisations_joined(ent)]
        for ent in sorted([*named, *titled, *_organisations_missed(doc)], key=lambda span: span.start):
            self._add_mention(_with_given_names(ent))
        self._add_names_said_again()

    # --- building -------------------------------------------------------------------------

    def _add_mention(self, ent: Span) -> None:
        if ent.label_ == "PERSON":
            ent = _without_leading_roles(ent)
        name = _clean_name(ent)
        if not name:
            return
        roles = _roles_of(ent)
        is_person = (ent.label_ == "PERSON" and not _names_an_organisation(name)) or _has_title(ent) or any(
            h in _PUBLIC_ROLE_NOUNS for _, h, _ in roles
        )
        entity_type = "PERSON" if is_person else "ORG"
        person = self._find(name, entity_type) or self._create(name, entity_type)
        if not person.mentions:
            person.introduced_with_role = bool(roles) or _has_title(ent) or any(
                t.lower_.rstrip(".") in _TITLE_ABBREVIATIONS for t in ent  # "Gen. Norman Ham"
            )
        person.mentions.append((ent.start_char, ent.end_char))
        if _is_subject(ent.root):
            person.subject_mentions.append(ent.start_char)
        before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        if before in _GENDER_WORDS:
            person.gender_words.add(before)
        self._mention_at.append((ent.start, ent.end, person))
        for role in roles:
            _give_role(person, *role)
        person.another.update(_roles_introduced_as_another(ent))

    def _add_names_said_again(self) -> None:
        """Mentions of known people the NER missed ("Terek, a former police commander, has rarely given
        interviews" after "Governor Ramzan Terek"): a later "he" can then refer to them."""
        covered = {i for start, end, _ in self._mention_at for i in range(start, end)}
        surnames = {p.name.split()[-1] for p in self._entities if p.type == "PERSON"}
        for token in self._doc:
            if token.pos_ != "PROPN" or token.dep_ == "compound" or token.i in covered or token.text not in surnames:
                continue
            words = _name_after_titles(token)
            if not words or any(t.i in covered for t in words):
                continue
            name = " ".join(t.text for t in words)
            if self._most_recent(words[0].idx, lambda p: p.type == "PERSON" and _same_person(name, p.name)):
                self._add_mention(Span(self._doc, words[0].i, token.i + 1, label="PERSON"))

    def _find(self, name: str, entity_type: str) -> _Person | None:
        key = name.lower()
        if key in self._by_key:
            return self._by_key[key]
        for person in reversed(self._entities):
            # A lone surname is often tagged ORG or GPE by the NER: the known person wins.
            same_type = entity_type == "PERSON" or len(name.split()) == 1
            if same_type and person.type == "PERSON" and _same_person(name, person.name):
                if len(name) > len(person.name):
                    person.name = name  # "Halvorsen" seen before "Dariusz Halvorsen"
                return person
            if _is_abbreviation(name, person.name) or _is_abbreviation(person.name, name):
                return person
            if person.type == "ORG" and _is_short_name(name, person.name):
                return person
        return None

    def _create(self, name: str, entity_type: str) -> _Person:
        person = _Person(key=name.lower(), name=name, type=entity_type)
        self._entities.append(person)
        self._by_key[person.key] = person
        return person

    # --- resolving ------------------------------------------------------------------------

    def resolve(self, start: int, end: int, head: Token | None) -> Resolution:
        """The name and entity id for the speaker mention ``[start, end)`` with head token ``head``."""
        turn = self._transcript_speaker(start, end)
        if turn is not None:
            turn.mentions.append((start, end))
            turn.subject_mentions.append(start)
            return Resolution(turn.name, self.entity_id(turn))
        unnamed = self._unnamed_antecedent(start, head)
        if unnamed is not None:
            return Resolution(unnamed, None, self._members_of.get(unnamed, ()))
        writer = self._writer(start, end, head)
        if writer is not None:
            writer.mentions.append((start, end))  # not a subject "he" or "she" could refer back to
            return Resolution(writer.name, self.entity_id(writer))
        together = self._named_together(head) or self._the_two_last_speakers(start, head)
        if together:
            # "Two lawyers, Jonas Reiter and Mira Castell, said …": both speak; a "they" after is the two.
            name = " and ".join([", ".join(p.name for p in together[:-1]), together[-1].name])
            self._unnamed.append((end, name, True))  # at its end: after its members' own mentions
            self._members_of[name] = tuple(Member(p.name, self.entity_id(p)) for p in together)
            return Resolution(name, None, self._members_of[name])
        person = self._person_for(start, end, head) or self._named_by_speaker(head)
        if person is None:
            name = (_antecedent_phrase(head) or self._owned_by_antecedent(start, end, head)
                    or _RELATIVE_TAIL.sub("", document_text(self._doc)[start:end]))
            head = _nominal_head(head)
            if head is not None and (head.tag_ == "NNS" or _names_each_of_several(head)):
                self._unnamed.append((start, name, True))
            elif head is not None and head.tag_ in _SINGULAR_SPEAKER_TAGS and head.lemma_.lower() not in _NOT_PEOPLE:
                self._unnamed.append((start, name, False))
            elif head is not None and head.tag_ == "NN":
                self._unnamed_bodies.append((start, name))
            return Resolution(name, None)
        person.mentions.append((start, end))
        person.subject_mentions.append(start)
        return Resolution(person.name, self.entity_id(person))

    def _transcript_speaker(self, start: int, end: int) -> _Person | None:
        """The person a transcript turn's label names ("PENCE:", "JAKE TAPPER:"; see
        :func:`~claimledger.attribution.rules.transcript_turn_labels`): the one the text names with that
        surname ("Mike Pence"), else a person named as the label is, in title case. "A:" answers for the
        person the introduction names most ("Actress Diane Guerrero has become …", "Vice President Joe
        Biden spent Thursday …"); "Q:", often asked by several, stays as written, and so does a
        headline's "NASA:"."""
        text = document_text(self._doc)
        label = text[start:end]
        if not text.startswith(":", end) or start not in self._turn_label_starts:
            return None
        if label == "A":
            return self._most_named_before(min(self._turn_label_starts))
        if len(label) < 2:
            return None
        surname = label.split()[-1]
        named = lambda p: p.type == "PERSON" and p.name.split()[-1].upper() == surname  # noqa: E731
        person = self._most_recent(start, named) or self._first(named) or self._find(label.title(), "PERSON") or (
            self._create(label.title(), "PERSON")
        )
        if person.name.isupper():  # the NER's own reading of a label ("WALLACE", often an organisation)
            person.name, person.type = label.title(), "PERSON"
        return person

    def _most_named_before(self, before: int) -> _Person | None:
        """The person mentioned most before offset ``before`` (the first named, of those mentioned as often)."""
        counts = [(sum(s < before for s, _ in p.mentions), p) for p in self._entities if p.type == "PERSON"]
        most = max((count for count, _ in counts), default=0)
        return next((p for count, p in counts if count == most), None) if most else None

    @cached_property
    def _turn_label_starts(self) -> set[int]:
        return {turn.start("label") for turn in transcript_turn_labels(self._doc)}

    def _named_together(self, head: Token | None) -> list[_Person]:
        """The people a speaker phrase names joined by "and", itself or in apposition ("Reiter and
        Castell", "Two lawyers, Jonas Reiter and Mira Castell"), or the organisations it joins
        ("Civic Rights Monitor and Amnesty International"; not a person's party or state in apposition,
        "Sen. David Perdue (R-Ga.)", "Dianne Feinstein, Democrat of California")."""
        if head is None:
            return []
        named_by_head = self._named_at(head)
        for token in [head] + [c for c in head.children if c.dep_ == "appos"]:
            joined = [self._named_at(t) or self._known_at(t) for t in (token, *token.conjuncts)]
            # "Jeff Merkley, Sherrod Brown and Robert Menendez": the head before its apposition's list.
            head_first = token is not head and named_by_head is not joined[0]
            people = [named_by_head, *joined] if head_first else joined
            if len(people) < 2 or any(p is None for p in people):
                continue
            organisations = len(joined) > 1 and not head_first and not any(p.type == "PERSON" for p in people)
            if organisations or all(p.type == "PERSON" for p in people):
                unique = list({id(p): p for p in people}.values())
                return unique if len(unique) > 1 else []
        return self._organisations_in_one_name(head)

    def _organisations_in_one_name(self, head: Token) -> list[_Person]:
        """The organisations the NER tagged as one name that :func:`_organisations_joined` split, which
        the parser reads as one noun phrase ("Amnesty International and Human Rights Watch said")."""
        inside = [(start, end, p) for start, end, p in self._mention_at
                  if head.left_edge.i <= start and end <= head.i + 1]  # fmt: skip
        inside.sort(key=lambda mention: mention[0])
        doc = head.doc
        joined_by_and = all(
            second[0] == first[1] + 1 and doc[first[1]].lower_ in _JOINING_WORDS
            for first, second in zip(inside, inside[1:])
        )
        if not joined_by_and or not any(start <= head.i < end for start, end, _ in inside):
            return []  # not "Italian newspaper Corriere Della Sera", nor "CRM's researcher and FLA's director"
        unique = list({id(p): p for _, _, p in inside}.values())
        return unique if len(unique) > 1 and all(p.type != "PERSON" for p in unique) else []

    def _owned_by_antecedent(self, start: int, end: int, head: Token | None) -> str | None:
        """"Halvorsen conceded …, a fact his ministry had refused to confirm" -> "Dariusz Halvorsen's
        ministry": a possessive pronoun opening the speaker phrase is the person (his, her) or
        organisation (its, their) that is a subject earlier in the same sentence. Only there: further
        back, without knowing who is a woman, "her campaign" went to the last man who spoke."""
        noun = _nominal_head(head)
        owner = noun.doc[noun.left_edge.i] if noun is not None else None
        if owner is None or owner.dep_ != "poss" or owner.lower_ not in _POSSESSIVE_PRONOUNS:
            return None
        entity = self._antecedent(start, "PERSON" if owner.lower_ in _PERSON_PRONOUNS else "ORG", owner.lower_)
        if entity is None or not any(owner.sent.start_char <= s < start for s in entity.subject_mentions):
            return None
        rest = document_text(self._doc)[owner.idx + len(owner) : end].strip()
        return f"{entity.name}{'’' if entity.name.endswith('s') else '’s'} {_RELATIVE_TAIL.sub('', rest)}"

    def _the_two_last_speakers(self, before: int, head: Token | None) -> list[_Person]:
        """"Neither official has explained …", "Both men denied …": the two people who spoke last before
        offset ``before``, in the order they spoke, when the noun may name them both (a word for any
        person in office, or a role each holds: not "both groups", nor "both candidates" after two
        people who are not)."""
        noun = _nominal_head(head)
        if noun is None or noun.pos_ != "NOUN" or not _names_each_of_two(noun):
            return []
        last_spoke = [(max(s for s in p.subject_mentions if s < before), p) for p in self._entities
                      if p.type == "PERSON" and any(s < before for s in p.subject_mentions)]  # fmt: skip
        two = [person for _, person in sorted(last_spoke, key=lambda pair: pair[0])[-2:]]
        lemma, words = _role_lemma(noun), _modifier_words(noun)
        if len(two) < 2 or not (lemma in _ANY_PERSON or all(_holds_role(p, lemma, words) for p in two)):
            return []
        return two

    def _unnamed_antecedent(self, before: int, head: Token | None) -> str | None:
        """For "he"/"she" ("they"), the singular (plural) unnamed speaker spoken of since the last person
        (organisation) named as a subject, if any; the same for "the man" ("the men") or a noun the
        unnamed speaker was called ("One, a 24-year-old welder, said …. The welder added")."""
        word = head.lower_ if head is not None else ""
        if word == "it":
            return self._unnamed_body_since_last_named(before)
        pronoun = word in _PERSON_PRONOUNS or word == "they"
        if pronoun:
            plural = word == "they"
        elif head is not None and head.pos_ == "NOUN" and _is_definite(head):
            plural = head.tag_ == "NNS"
        else:
            return None
        unnamed = self._unnamed_since_last_named(before, plural=plural)
        if not unnamed or not (pronoun or _may_call(head, unnamed[-1])):
            return None
        return unnamed[-1]

    def _last_named_subject(self, before: int, entity_type: str) -> int:
        """Offset of the last subject mention of an ``entity_type`` entity before ``before``, or -1."""
        return max((s for p in self._entities if p.type == entity_type for s in p.subject_mentions if s < before),
                   default=-1)  # fmt: skip

    def _unnamed_body_since_last_named(self, before: int) -> str | None:
        """The last unnamed body that spoke ("The ministry") since the last organisation named as a
        subject before offset ``before``, if any."""
        named_at = self._last_named_subject(before, "ORG")
        return next((name for at, name in reversed(self._unnamed_bodies) if named_at < at < before), None)

    def _unnamed_since_last_named(self, before: int, plural: bool) -> list[str]:
        """The unnamed speakers (plural or not) spoken of since the last person (organisation) named as
        a subject before offset ``before``."""
        named_at = self._last_named_subject(before, "ORG" if plural else "PERSON")
        return [name for at, name, is_plural in self._unnamed if is_plural == plural and named_at < at < before]

    def _person_for(self, start: int, end: int, head: Token | None) -> _Person | None:
        # A known name said again is that entity, even where the NER misses it this time.
        known = self._by_key.get(document_text(self._doc)[start:end].strip().lower())
        if known is not None or head is None:
            return known
        named = self._named_at(head)
        if named is not None:
            return named
        word = head.lower_
        if word in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            return self._named_at(head.head.head)
        whose = head if word == "whose" else next((c for c in head.children if c.lower_ == "whose"), None)
        if whose is not None and whose.head.head.dep_ == "relcl":
            # "Frontier Legal Aid, whose lawyers say …": they speak for it, named here or before.
            antecedent = whose.head.head.head
            name = antecedent.doc[antecedent.left_edge.i : antecedent.i + 1].text.lower()
            return self._named_at(antecedent) or self._by_key.get(name)
        if word in _PERSON_PRONOUNS:
            return self._antecedent(start, "PERSON", word)
        if word in _GROUP_PRONOUNS:
            return self._antecedent(start, "ORG") or (self._antecedent(start, "PERSON") if word == "they" else None)
        # A title-cased headline tags a bare title as a name ("Minister somehow denies abuses"): a role.
        bare_title = head.pos_ == "PROPN" and _role_lemma(head) in _PUBLIC_ROLE_NOUNS
        if head.pos_ == "PROPN" and not bare_title:
            return self._most_recent(
                start, lambda p: _same_person(head.text, p.name) if p.type == "PERSON" else _is_abbreviation(head.text, p.name)
            )
        if bare_title or (head.pos_ == "NOUN" and head.tag_ != "NNS"):  # "the foreign ministries of X and Y" are not one
            lemma, words = _role_lemma(head), _modifier_words(head)
            # "His lawyer" is someone's lawyer, not whoever the article called a lawyer or names later.
            owned = _owned_by_a_person(head)
            holds = (lambda p: False) if owned else (lambda p: _holds_role(p, lemma, words))
            # A role named further down fits too (a headline's "Interior minister" is named below): first
            # when a name or noun of it is in the phrase ("the New York attorney general" before
            # "Attorney General Eric Schneiderman"), else after an epithet's reading.
            by_role = (
                self._most_recent(start, holds)
                or self._first(lambda p: holds(p) and _shares_a_distinctive_word(p, lemma, words))
                or (self._described(start, head) if lemma in _PUBLIC_ROLE_NOUNS and _refers_back(head) else None)
                or self._first(lambda p: holds(p) and lemma not in p.another)
                or (self._identified_later(head, lemma) if not (owned or _refers_back(head)) else None)
            )
            if by_role or lemma not in _ORGANISATION_NOUNS or not _is_definite(head):
                return by_role
            # "the agency said": the organisation last named with that word in its name ("National
            # Environment Agency"); "the company": one with a business name ("Velora Chemicals");
            # "the group": the organisation last named. A ministry is never just any organisation.
            named_so = self._most_recent(start, lambda p: p.type == "ORG" and lemma in p.name.lower().split())
            if named_so is not None or lemma in _GENERIC_ORGANISATION_NOUNS:
                return named_so or self._antecedent(start, "ORG")
            if lemma in _BUSINESS_NOUNS:
                return self._most_recent(start, lambda p: p.type == "ORG" and _is_business_name(p.name))
            return None
        return None

    def _identified_later(self, head: Token, lemma: str) -> _Person | None:
        """Who a headline's or lede's description names, the way news names a source a paragraph late:
        "Scientist says …" and "…, a university scientist said on Friday." before "Dr. Miriam Osei, a
        freshwater ecologist, …"; "Chemical giant slams report" before "Velora Chemicals has lashed out".
        The first one named in the two paragraphs after its sentence that it may describe
        (:func:`_may_be_described_as`); nobody for a description that often stays anonymous ("a senior
        official")."""
        paragraphs = paragraph_numbers(self._doc)
        if paragraphs[head.i] > 1 or lemma in _ANONYMOUS_ROLE_NOUNS:
            return None
        after = head.sent.end_char  # "Scientist says Ressa fish kill …": not a name of its own sentence
        named_after = [
            (p.mentions[0][0], p) for p in self._entities
            if p.mentions and p.mentions[0][0] >= after and _may_be_described_as(p, lemma, head)
        ]  # fmt: skip
        if not named_after:
            return None
        first_at, person = min(named_after, key=lambda pair: pair[0])
        return person if paragraphs[first_token_at(self._doc, first_at)] <= paragraphs[head.i] + 2 else None

    def _described(self, start: int, head: Token) -> _Person | None:
        """The person an epithet with no matching role refers back to ("The GOP nominee said"), who
        then holds it as a role. Nobody when an unnamed person has spoken since the last named one
        ("One, a welder, said …. The official added"), or when the person holds a role with the same
        head that the epithet contradicts ("Democratic nominee" of the "Republican nominee")."""
        if self._unnamed_since_last_named(start, plural=False):
            return None
        person = self._salient_person(head)
        lemma, words = _role_lemma(head), _modifier_words(head)
        if person is None or _owned_by_a_person(head) or (lemma in person.role_words and not _holds_role(person, lemma, words)):
            return None
        _give_role(person, _phrase_text(head), lemma, words)
        return person

    def _salient_person(self, head: Token) -> _Person | None:
        """The person the last sentences before ``head`` (its own and the five before) are about: the
        first, going back, whose main-clause subject names a person (else, when that subject is no one
        — "The question is why it took Clinton so long" — another of its subjects does). Skipped is
        whoever is the subject of a clause the phrase of ``head`` stands in: in "the senator urged
        Republicans to drop Trump after the mogul claimed …", the mogul is not the senator. Nobody when
        a main-clause subject that is not a name comes first ("Lawyers for both filed papers. The GOP
        nominee argued …"; "The vice presidential nominee was speaking. The governor said …"): who is
        meant is not on the page."""
        doc = head.doc
        governing = [
            self._person_named_by(child)
            for ancestor in head.ancestors
            for child in ancestor.children
            if child.dep_ in _SUBJECT_DEPS and head not in child.subtree
        ]
        # What a quotation's subjects are ("We have heard …", "Varnia is a sovereign state") is the
        # speaker's topic, not the article's: quoted sentences neither count nor are read.
        sentences = [s for s in doc.sents if s.start <= head.i and not self._quoted(s.start_char, s.end_char)][-6:]
        for sentence in reversed(sentences):
            subjects = [t for t in doc[sentence.start : min(sentence.end, head.left_edge.i)]
                        if _is_subject(t) and not self._quoted(t.idx, t.idx + 1)]  # fmt: skip
            main = [t for t in subjects if _is_main_subject(t)]
            for token in main[::-1] + [t for t in subjects[::-1] if t not in main]:
                person = self._person_named_by(token)
                if person is not None and person.type == "PERSON" and all(person is not g for g in governing):
                    return person
                if person is None and token in main and _is_someone_unnamed(token):
                    return None
        return None

    def _writer(self, start: int, end: int, head: Token | None) -> _Person | None:
        """The author, for an "I" outside quotation marks (a column's "I know all about normalizing hate");
        an "I" inside them is whoever is quoted."""
        if self._author is None or head is None or head.lower_ != "i" or self._quoted(start, end):
            return None
        return self._find(self._author, "PERSON") or self._create(self._author, "PERSON")

    def _quoted(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one quotation of the document (the rules' quotations,
        cached on the doc)."""
        return any(q.contains(start) and q.contains(max(start, end - 1)) for q in quoting(self._doc).quotes)

    def _person_named_by(self, token: Token) -> _Person | None:
        """The entity a mention covering ``token`` resolved to, or a known person's surname the NER missed."""
        for person in self._entities:
            if any(start <= token.idx < end for start, end in person.mentions):
                return person
        if token.pos_ != "PROPN":
            return None
        return self._most_recent(token.idx, lambda p: p.type == "PERSON" and _same_person(token.text, p.name))

    def _named_by_speaker(self, head: Token | None) -> _Person | None:
        """A new entity for a speaker the NER missed, named by the proper nouns of the phrase head."""
        if head is None or head.pos_ != "PROPN":
            return None
        words = [t for t in _compound_name(head) if t.lower_.rstrip(".") not in PERSON_TITLES]
        if not words or (len(words) == 1 and _role_lemma(words[0]) in _PUBLIC_ROLE_NOUNS):
            return None  # a bare title ("Minister", "Lawmaker") names nobody
        name = " ".join(t.text for t in words)
        entity_type = "ORG" if _names_an_organisation(name) else "PERSON"
        return self._find(name, entity_type) or self._create(name, entity_type)

    def _named_at(self, head: Token) -> _Person | None:
        """The entity named by the phrase headed by ``head``: the head itself or its apposition.

        "A spokesman for Velora Chemicals" is not Velora Chemicals; "Another top diplomat, Ilya
        Varga" is Ilya Varga, and so are "a man named Ilya Varga", "the author, known only as Lena".
        """
        candidates = [head] + [c for c in head.children if c.dep_ == "appos"] + _names_given(head)
        for token in candidates:
            for ent_start, ent_end, person in self._mention_at:
                if ent_start <= token.i < ent_end:
                    return person
        return None

    def _known_at(self, head: Token) -> _Person | None:
        """The known entity whose name ``head`` and the words before it spell, where the NER missed it
        this time ("Civic Rights Monitor" tagged a law)."""
        return self._by_key.get(head.doc[head.left_edge.i : head.i + 1].text.lower())

    def _antecedent(self, before: int, entity_type: str, pronoun: str = "") -> _Person | None:
        """The entity a pronoun refers to: the last one of its type to be a subject (speakers are
        subjects), else the last one mentioned at all ("Brenner told Meridian Wire. He said …").

        "he" or "she" passes over someone known to be of the other gender for someone who fits and
        was mentioned close before (:data:`_GENDER_SWITCH_WINDOW`): first names only mostly tell, and
        the text's own "he" after "Lindsey Graham" says more than the name does about him."""
        wanted = _GENDER_OF_PRONOUN.get(pronoun)
        best = self._last_subject(before, lambda p: p.type == entity_type)
        if wanted is not None and best is not None and best.gender not in (None, wanted):
            def fits(person: _Person) -> bool:
                return person.type == entity_type and person.gender in (None, wanted)

            # A subject who fits, else anyone who fits ("Halvorsen met Leena Haldane. … She said").
            for fitting in (self._last_subject(before, fits), self._most_recent(before, fits)):
                if fitting is not None and self._last_mention(fitting, before) >= before - _GENDER_SWITCH_WINDOW:
                    best = fitting
                    break
        return best or self._most_recent(before, lambda p: p.type == entity_type and p.name != self._author)

    def _last_subject(self, before: int, accept) -> _Person | None:
        best, best_at = None, -1
        for person in self._entities:
            seen = max([s for s in person.subject_mentions if s < before] + [-1])
            if accept(person) and seen > best_at:
                best, best_at = person, seen
        return best

    @staticmethod
    def _last_mention(person: _Person, before: int) -> int:
        return max([s for s, _ in person.mentions if s < before] + [-1])

    def _most_recent(self, before: int, accept) -> _Person | None:
        """The accepted entity mentioned or speaking last before offset ``before``."""
        best, best_at = None, -1
        for person in self._entities:
            if not accept(person):
                continue
            seen = self._last_mention(person, before)
            if seen > best_at:
                best, best_at = person, seen
        return best

    def _first(self, accept) -> _Person | None:
        """The first entity in the document that ``accept`` takes."""
        return next((p for p in self._entities if accept(p)), None)

    def entity_id(self, person: _Person) -> str:
        return f"e{self._entities.index(person) + 1}"

    def entities(self) -> list[Entity]:
        """The document's people and organisations, in order of first mention."""
        return [
            Entity(self.entity_id(p), p.name, p.type, list(p.roles), list(p.mentions)) for p in self._entities
        ]


def _is_subject(token: Token) -> bool:
    """Whether the token heads (or is named in apposition to) a clause's subject."""
    while token.dep_ in {"compound", "appos", "flat", "conj"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in _SUBJECT_DEPS


def _single_author(author: str | None) -> str | None:
    """The byline's one author ("By Jane Doe" -> "Jane Doe"); none for several ("Jane Doe and John Roe")."""
    name = re.sub(r"^\s*by\s+", "", author or "", flags=re.IGNORECASE).strip()
    if not name or re.search(r",|;|&|\band\b", name):
        return None
    return name


def _is_someone_unnamed(token: Token) -> bool:
    """People ("Lawyers for both") or a role ("The vice presidential nominee") not named here."""
    return token.pos_ == "NOUN" and (token.tag_ == "NNS" or _role_lemma(token) in _PUBLIC_ROLE_NOUNS)


def _is_main_subject(token: Token) -> bool:
    """Whether the token is (in) the subject of its sentence's main clause or of one joined to it."""
    if not _is_subject(token):
        return False
    while token.dep_ not in _SUBJECT_DEPS:
        token = token.head
    verb = token.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _clean_name(ent: Span) -> str:
    """The entity text without a leading "the", an owner ("Belmora’s National Environment Agency" is
    the National Environment Agency) or a trailing possessive."""
    text = ent.text.strip()
    text = re.sub(r"^(the|The)\s+", "", text)
    owned = re.match(r"^[A-Z][\w.-]*[’']s\s+(?P<rest>[A-Z]\S*\s+[A-Z].*)$", text)
    if owned:
        text = owned["rest"]
    return re.sub(r"[’']s$", "", text).strip()


def _may_be_described_as(person: _Person, lemma: str, head: Token) -> bool:
    """Whether a description with head ``lemma`` can stand for ``person`` before the article names them:
    a person introduced with a role and holding no office the description does not name ("a scientist"
    is not "Mayor Ann Lee"); for a business noun ("giant") a company; for another organisation noun one
    not of people ("a small group of rich donors" is no organisation)."""
    if lemma in _PUBLIC_ROLE_NOUNS:
        offices = {role for role in person.role_words if role in PERSON_TITLES} - _HONORIFICS
        return person.type == "PERSON" and person.introduced_with_role and offices <= {lemma}
    if lemma in _BUSINESS_NOUNS:
        return person.type == "ORG" and _is_business_name(person.name)
    of_people = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    return lemma in _ORGANISATION_NOUNS and not of_people and person.type == "ORG"


def _is_bare_title(ent: Span) -> bool:
    """"Scientist" of a headline's "Scientist says …", which the NER tags as a person: a role, no name."""
    return len(ent) == 1 and _role_lemma(ent[0]) in _PUBLIC_ROLE_NOUNS


def _modifies_a_name(ent: Span, people: set[int]) -> bool:
    """"Interior" in "Interior Minister Dariusz Halvorsen", "Kestrel" in "Kestrel Governor Ramzan Terek":
    a word before a person's title and name (tagged by the NER, or the token indices ``people``)."""
    token = ent.root
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
        if (token.ent_type_ == "PERSON" or token.i in people) and token.i >= ent.end:
            return True
    return False


def _titled_names_missed(doc: Doc) -> list[Span]:
    """People named after a title that the NER did not tag ("Kestrel Governor Ramzan Terek"): the
    small model misses unfamiliar names. Title-case lines are left out: there every word is capitalised."""
    tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ == "compound" or token.i in tagged:
            continue
        words = _name_after_titles(token)
        before = words[0].i - 1 if words else -1
        if (
            before >= 0 and doc[before].lower_.rstrip(".") in PERSON_TITLES and doc[before].head.i > before
            and len(words) <= 3 and all(t.text.istitle() and t.i not in tagged for t in words)
            and not _names_an_organisation(" ".join(t.text for t in words)) and not is_title_case(token.sent)
        ):
            found.append(Span(doc, words[0].i, token.i + 1, label="PERSON"))
    return found


def _organisations_missed(doc: Doc) -> list[Span]:
    """Organisations that speak but that the NER did not tag (or tagged a law or a work of art), named
    by proper nouns ending in a word that only ends organisations' names ("Frontier Legal Aid said",
    "Civic Rights Monitor and Frontier Legal Aid said"). Title-case lines are left out."""
    tagged = {i for ent in doc.ents if ent.label_ in SPEAKER_ENTITY_LABELS for i in range(ent.start, ent.end)}
    found = []
    # Tokens are built only where a word ends organisations' names: most words end none.
    for index, lower in enumerate(token_strings(doc, "LOWER")):
        if lower not in ORGANISATION_NAME_ENDINGS:
            continue
        token = doc[index]
        if token.pos_ != "PROPN" or token.dep_ == "compound":
            continue
        words = _compound_name(token)
        before = doc[words[0].i - 1] if words[0].i > token.sent.start else None
        if (
            _ends_as_an_organisation(words) and all(t.text[:1].isupper() and t.i not in tagged for t in words)
            and _is_subject(token) and not is_title_case(token.sent)
            and not (before is not None and before.text[:1].isupper())  # the name may start further left
        ):
            found.append(Span(doc, words[0].i, token.i + 1, label="ORG"))
    return found


def _name_after_titles(head: Token) -> list[Token]:
    """The name words of the proper nouns running into ``head`` after the last title among them:
    "Ramzan Terek" of "Kestrel Governor Ramzan Terek"."""
    words = _compound_name(head)
    last_title = max((k for k, t in enumerate(words) if t.lower_.rstrip(".") in PERSON_TITLES), default=-1)
    return words[last_title + 1 :]


def _organisations_joined(ent: Span) -> list[Span]:
    """An organisation name the NER ran over "and" into a second one ("Amnesty International and Human
    Rights Watch") as the two, when each part ends as only organisations' names do; otherwise the
    entity itself ("Marks and Spencer", "Bill and Melinda Gates Foundation")."""
    joiners = [t.i for t in ent if t.lower_ in _JOINING_WORDS]
    if ent.label_ != "ORG" or len(joiners) != 1:
        return [ent]
    parts = [Span(ent.doc, ent.start, joiners[0], label="ORG"), Span(ent.doc, joiners[0] + 1, ent.end, label="ORG")]
    return parts if all(_ends_as_an_organisation(list(part)) for part in parts) else [ent]


def _ends_as_an_organisation(words: list[Token]) -> bool:
    """Whether a name of two words or more ends in a word that only ends organisations' names ("Aid")."""
    return len(words) > 1 and words[-1].lower_ in ORGANISATION_NAME_ENDINGS


def _with_given_names(ent: Span) -> Span:
    """The entity extended left over given names the NER left out ("Ilya" of "Ilya Varga"); a
    lowercase word the tagger took for a proper noun is none ("weatherman Mike Seidel")."""
    start = _name_start(
        ent.doc, ent.start,
        lambda t: t.lower_.rstrip(".") not in PERSON_TITLES and not t.ent_type_ and t.text[:1].isupper(),
    )
    return Span(ent.doc, start, ent.end, label=ent.label_) if start != ent.start else ent


def _names_given(head: Token) -> list[Token]:
    """The names a participle gives the noun ``head``: "named Jess Smith", "known (only) as Lena",
    "identified as John Doe" (or the participle itself, where the parser heads the phrase with it)."""
    participles = [c for c in head.children if c.dep_ == "acl" and c.lemma_ in _NAMING_VERBS]
    if head.pos_ == "VERB" and head.lemma_ in _NAMING_VERBS:
        participles.append(head)
    names = []
    for participle in participles:
        for child in participle.children:
            if child.dep_ in {"oprd", "attr", "dobj"}:
                names.append(child)
            elif child.dep_ == "prep" and child.lower_ == "as":
                names.extend(c for c in child.children if c.dep_ == "pobj")
    return names


def _compound_name(head: Token) -> list[Token]:
    """The proper nouns that run into ``head`` as compounds: "Civic Rights Monitor" for "Monitor"
    ("Civic" hangs from "Rights", not from the head)."""
    return list(head.doc[_name_start(head.doc, head.i) : head.i + 1])


def _name_start(doc: Doc, index: int, accept=lambda token: True) -> int:
    """The index of the first of the name words (that ``accept`` takes) running left into ``doc[index]``."""
    while index > 0 and _is_name_word(doc[index - 1]) and accept(doc[index - 1]):
        index -= 1
    return index


def _is_name_word(token: Token) -> bool:
    """A proper noun compounded into a name; a Markdown "#" tagged PROPN is not one."""
    return token.pos_ == "PROPN" and token.dep_ == "compound" and any(c.isalpha() for c in token.text)


def _is_business_name(name: str) -> bool:
    """"Velora Chemicals", "Acme Inc.": a name that says it is a company."""
    return _last_word(name) in _BUSINESS_NAME_ENDINGS


def _names_an_organisation(name: str) -> bool:
    """An acronym ("CRM") or a name ending in an organisation word ("Meridian Wire")."""
    is_acronym = len(name) > 1 and name.isupper() and " " not in name
    return is_acronym or _last_word(name) in ORGANISATION_NAME_ENDINGS


def _last_word(name: str) -> str:
    return name.lower().split()[-1].rstrip(".")


def _has_title(ent: Span) -> bool:
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    words = [t.lower_.rstrip(".") for t in ent] + ([before.lower_.rstrip(".")] if before is not None else [])
    return any(w in PERSON_TITLES for w in words)


def _roles_of(ent: Span) -> list[tuple[str, str, frozenset[str]]]:
    """(role text, head lemma, qualifying words) of "Interior Minister X", "X, the agency's director",
    "the diplomat, X"."""
    roles = []
    root = ent.root
    titles = _title_words(ent)
    if not titles and len(ent) > 1 and _role_lemma(ent[0]) in _PUBLIC_ROLE_NOUNS:
        titles = [ent[0]]  # a title the NER keeps in a short name: "Pope Francis", "Queen Rania"
    if titles:
        qualifiers = frozenset(_qualifier(t) for t in titles[:-1])
        roles.append((" ".join(t.text for t in titles).lower(), _role_lemma(titles[-1]), qualifiers))
    for appos in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        roles.append((_phrase_text(appos), _role_lemma(appos), _modifier_words(appos)))
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        head = root.head
        roles.append((_phrase_text(head, stop=root), _role_lemma(head), _modifier_words(head, stop=root)))
    return roles


def _give_role(person: _Person, text: str, lemma: str, words: frozenset[str]) -> None:
    if text not in person.roles:
        person.roles.append(text)
    person.role_words.setdefault(lemma, []).append(words)


def _holds_role(person: _Person, lemma: str, words: frozenset[str]) -> bool:
    """Whether ``person`` holds a role with head ``lemma`` that the qualifying ``words`` fit: "the
    senator" and "the Vermont senator" fit "Sen."; "Democratic presidential nominee" does not fit
    "Republican presidential nominee"."""
    return any(_fits(words, role) for role in person.role_words.get(lemma, ()))


def _fits(words: frozenset[str], role: frozenset[str]) -> bool:
    """Whether a role's qualifiers and a description's agree: each may have words the other lacks
    ("the senator" and "the Vermont senator"; "the Republican nominee" and "the presidential
    nominee"), but not distinctive ones on both sides ("the Democratic nominee" is not "the
    Republican nominee", "the secretary of state" not "the press secretary"), nor a word that makes
    it another office ("vice")."""
    in_words, in_role = {w.lower() for w in words}, {w.lower() for w in role}
    only_words = [w for w in words if w.lower() not in in_role]
    only_role = [w for w in role if w.lower() not in in_words]
    clash = any(map(_is_distinctive, only_words)) and any(map(_is_distinctive, only_role))
    return not clash and in_words & _RANK_WORDS == in_role & _RANK_WORDS


def _is_distinctive(word: str) -> bool:
    return word.isupper() or word[:1].isdigit()


def _shares_a_distinctive_word(person: _Person, lemma: str, words: frozenset[str]) -> bool:
    """Whether a role of ``person`` with head ``lemma`` and the phrase share a name or noun ("foreign"
    of "Varnia's foreign minister" is "Foreign" of "Foreign Minister Anton Sedlak")."""
    mine = {w.lower(): _is_distinctive(w) for w in words}
    return any(
        mine.get(w.lower()) is not None and (mine[w.lower()] or _is_distinctive(w))
        for role in person.role_words.get(lemma, ()) for w in role
    )  # fmt: skip


def _owned_by_a_person(noun: Token) -> bool:
    """"His lawyer", "their spokesman": a role relative to a person the phrase does not name."""
    return any(c.dep_ == "poss" and c.lower_ in {"his", "her", "their", "my", "our", "your"} for c in noun.children)


def _modifier_words(head: Token, stop: Token | None = None) -> frozenset[str]:
    """The content words qualifying a role noun: {"New", "York"} of "the New York businessman"."""
    excluded = {t.i for t in stop.subtree} if stop is not None else set()
    return frozenset(
        _qualifier(t) for t in head.subtree
        if t.i != head.i and t.i not in excluded and t.pos_ in {"ADJ", "PROPN", "NOUN", "NUM"} and t.text[:1].isalnum()
    )  # fmt: skip


def _qualifier(token: Token) -> str:
    """A qualifying word as compared: in capitals when it tells one office or holder from another
    (a name, a noun, a number, a proper adjective: "VERMONT", "PRESS", "19", "LIBERAL"), else in
    lower case ("presidential", "former")."""
    word = token.text.rstrip(".")
    proper_adjective = token.pos_ == "ADJ" and word[:1].isupper() and token.i != token.sent.start  # "Liberal"
    distinctive = bool(token.ent_type_) or token.pos_ in {"NOUN", "PROPN", "NUM"} or token.like_num or proper_adjective
    return _SAME_QUALIFIER.get(word.upper(), word.upper()) if distinctive else word.lower()


def _role_lemma(noun: Token) -> str:
    """The lemma a role is matched by, abbreviations spelled out: "Sen." -> "senator"."""
    lemma = noun.lemma_.lower().rstrip(".")
    return _TITLE_ABBREVIATIONS.get(lemma, lemma)


def _without_leading_roles(ent: Span) -> Span:
    """"Officer Darren Wilson", "CEO Tim Cook", "Chancellor Angela Merkel" as the NER sometimes draws
    them: the name starts after the role words, which :func:`_title_words` then reads as a role."""
    start = ent.start
    while ent.end - start > 2 and _role_lemma(ent.doc[start]) in _PUBLIC_ROLE_NOUNS:
        start += 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label_)


def _title_words(ent: Span) -> list[Token]:
    """"Interior Minister" before "Dariusz Halvorsen", "Liberal nominee" before "Maria Novak": a role
    word and the words that qualify it."""
    doc = ent.doc
    index = ent.start - 1
    if index < 0 or _role_lemma(doc[index]) not in _PUBLIC_ROLE_NOUNS:
        return []
    words = [t for t in doc[doc[index].left_edge.i : index + 1] if t.pos_ in {"PROPN", "NOUN", "ADJ", "ADV"}]
    while words and words[0].i < index and words[0].pos_ == "ADV":
        words.pop(0)  # "also Interior Minister …"
    return words


def _phrase_text(head: Token, stop: Token | None = None) -> str:
    """The noun phrase of ``head`` as a role ("the agency's director"), without ``stop``'s subtree."""
    excluded = {t.i for t in stop.subtree} if stop is not None else set()
    tokens = [t for t in head.subtree if t.i not in excluded and not t.is_punct]
    while tokens and tokens[0].pos_ == "DET":
        tokens.pop(0)
    return " ".join(t.text for t in tokens).lower().replace(" ’s", "’s").replace(" 's", "'s")


def _refers_back(noun: Token) -> bool:
    """"The GOP nominee", "Russia's top diplomat", "the country's top diplomat": a phrase for someone
    already spoken of. Not "a lawyer", nor "Pagliano's lawyer" (someone else again)."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return _is_definite(noun) or any(o.pos_ == "NOUN" or o.ent_type_ in {"GPE", "NORP"} for o in owners)


def _roles_introduced_as_another(ent: Span) -> set[str]:
    """The head of "Another top diplomat" in "Another top diplomat, Ilya Varga"."""
    root = ent.root
    heads = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return {_role_lemma(h) for h in heads if any(c.lower_ == "another" for c in h.children)}


def _may_call(noun: Token, name: str) -> bool:
    """Whether a definite noun can refer back to the unnamed speaker ``name``: a word for any person
    ("the man", "the women") or a word of the name itself ("the welder" for "One, a 24-year-old welder");
    not a word for another sort of person than the name's ("the two boys" are not "Two men"), and a
    child only when the name says so (unnamed speakers are mostly grown-ups: "police")."""
    lemma = noun.lemma_.lower()
    words = re.findall(r"[a-z]+", name.lower())
    sorts = {_SORT_OF_PERSON[w] for w in words if w in _SORT_OF_PERSON}
    if lemma in _SORT_OF_PERSON and (sorts or lemma in _CHILDREN) and _SORT_OF_PERSON[lemma] not in sorts:
        return False
    return lemma in _ANY_PERSON_NOUNS or lemma in words


def _nominal_head(head: Token | None) -> Token | None:
    """The noun a speaker phrase is about, where the parser made a modifier its head ("Anglers' clubs
    downstream, in the villages of …": "downstream", with "clubs" its subject)."""
    if head is None or head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
        return head
    return next((c for c in head.children if c.dep_ in _SUBJECT_DEPS and c.pos_ in {"NOUN", "PROPN"}), head)


def _names_each_of_several(noun: Token) -> bool:
    """"Neither official", "both men", "each lawyer": a singular noun that stands for several speakers, so
    a "they" after it is them."""
    return _quantified_by(noun, {"neither", "both", "each", "either"})


def _names_each_of_two(noun: Token) -> bool:
    """"Neither official", "both men": a noun for exactly two speakers."""
    return _quantified_by(noun, {"neither", "both"})


def _quantified_by(noun: Token, words: set[str]) -> bool:
    return any(child.dep_ in {"det", "predet", "preconj"} and child.lower_ in words for child in noun.children)


def _is_definite(noun: Token) -> bool:
    """"the group", "the company": a noun that refers back, not "a group"."""
    return any(child.dep_ == "det" and child.lower_ in {"the", "this", "that"} for child in noun.children)


def _antecedent_phrase(head: Token | None) -> str | None:
    """For a relative pronoun, the noun phrase it stands for: "three men who said" -> "three men"."""
    if head is None or head.lower_ not in _RELATIVE_PRONOUNS or head.head.dep_ != "relcl":
        return None
    noun = head.head.head
    words = [t for t in noun.lefts if t.dep_ in _ANTECEDENT_MODIFIERS] + [noun]
    return " ".join(t.text for t in words)


def _same_person(name: str, known: str) -> bool:
    """A surname (or the full name) of a known person: "Halvorsen" and "Dariusz Halvorsen"."""
    short, long = sorted((name.split(), known.split()), key=len)
    return short == long[-len(short):]


def _is_short_name(short: str, long: str) -> bool:
    """"Velora" for "Velora Chemicals": a company named without the word that says it is one. Only
    words that name nothing else are dropped ("Kestrel Bank" is not the province of Kestrel)."""
    words = long.split()
    return len(words) > 1 and words[-1].lower().rstrip(".") in _LEGAL_FORM_WORDS and short.split() == words[:-1]


def _is_abbreviation(short: str, long: str) -> bool:
    """"CRM" for "Civic Rights Monitor"."""
    if len(short) < 2 or not short.isupper():
        return False  # the cheap test first: it runs for every pair of names in a document
    return short == "".join(word[0] for word in long.split() if word[:1].isupper())
