"""Speakers across invented documents: titles, surnames, abbreviations, and two different Smiths."""

from __future__ import annotations

from claimledger.linking.speakers import initials, link_speakers, strip_title
from claimledger.model import Analyzer, Document, Entity

ANALYZER = Analyzer("test", {})


def document(doc_id: str, text: str, *entities: tuple[str, str]) -> Document:
    """An invented document holding ``entities`` (name, type); the text only matters for abbreviations."""
    return Document(doc_id, text, ANALYZER, entities=[Entity(f"e{n}", name, kind) for n, (name, kind) in enumerate(entities)])


def names(links, doc_id: str, *mentions: str) -> list[str]:
    return [links.speaker(doc_id, mention).name for mention in mentions]


def test_titles_and_surnames_resolve_to_one_person() -> None:
    links = link_speakers([
        document("a", "", ("Foreign Minister Anton Sedlak", "PERSON")),
        document("b", "", ("Anton Sedlak", "PERSON")),
        document("c", "", ("Sedlak", "PERSON")),
    ])
    assert names(links, "a", "Foreign Minister Anton Sedlak") == ["Anton Sedlak"]
    assert links.speaker("a", "Foreign Minister Anton Sedlak") == links.speaker("b", "Anton Sedlak") == links.speaker("c", "Sedlak")


def test_abbreviations_join_their_organisation() -> None:
    links = link_speakers([
        document("a", "Civic Rights Monitor (CRM) said on Monday.", ("Civic Rights Monitor", "ORG"), ("CRM", "ORG")),
        document("b", "", ("CRM", "PERSON")),
        document("c", "", ("Human Rights Watch", "ORG")),
        document("d", "", ("HRW", "ORG")),
    ])
    assert names(links, "b", "CRM") == ["Civic Rights Monitor"]
    assert links.speaker("b", "CRM") == links.speaker("a", "Civic Rights Monitor")
    assert links.speaker("d", "HRW") == links.speaker("c", "Human Rights Watch")


def test_two_smiths_are_not_merged_and_a_bare_smith_stays_apart() -> None:
    links = link_speakers([
        document("a", "", ("John Smith", "PERSON")),
        document("b", "", ("Mary Smith", "PERSON")),
        document("c", "", ("Smith", "PERSON")),
    ])
    john, mary, bare = links.speaker("a", "John Smith"), links.speaker("b", "Mary Smith"), links.speaker("c", "Smith")
    assert len({john.id, mary.id, bare.id}) == 3
    assert bare.name == "Smith"


def test_a_bare_surname_resolves_within_its_story() -> None:
    docs = [
        document("a", "", ("John Smith", "PERSON")),
        document("b", "", ("Smith", "PERSON")),
        document("c", "", ("Mary Smith", "PERSON")),
    ]
    links = link_speakers(docs, story_of={"a": "st1", "b": "st1", "c": "st2"})
    assert links.speaker("b", "Smith") == links.speaker("a", "John Smith")


def test_helpers() -> None:
    assert strip_title("Interior Minister Dariusz Halvorsen") == "Dariusz Halvorsen"
    assert strip_title("Dr. Miriam Osei") == "Miriam Osei"
    assert strip_title("State Department", person=False) == "State Department"
    assert initials("Bank of England") == "BE"


def test_an_affiliation_after_of_is_not_part_of_the_name() -> None:
    links = link_speakers([
        document("a", "", ("Leena Haldane", "PERSON")),
        document("b", "", ("Leena Haldane of CRM", "PERSON")),
        document("c", "", ("Bank of Varnia", "ORG")),
    ])
    assert links.speaker("b", "Leena Haldane of CRM") == links.speaker("a", "Leena Haldane")
    assert names(links, "c", "Bank of Varnia") == ["Bank of Varnia"]
