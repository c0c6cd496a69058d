"""Speaker resolution within a document: pronouns, role descriptions, surnames, abbreviations."""

from __future__ import annotations

import pytest

from claimledger.attribution import extract_statements

ARTICLE = (
    "Interior minister denies reports of abuse\n\n"
    "Interior Minister Dariusz Halvorsen said on Tuesday that police had acted lawfully. "
    "“We have found no evidence of any wrongdoing,” he said.\n\n"
    "Another top diplomat, Ilya Varga, denied that any protesters were held. "
    "The diplomat has also rejected the findings of Civic Rights Monitor (CRM).\n\n"
    "CRM said it had documented 40 cases. It added that lawyers were turned away.\n\n"
    "“It is a lie,” said Anna Petrov, the agency’s director. Petrov told reporters that the river was safe. "
    "She would not say how many fish died."
)


def names_given(nlp, text: str, speaker: str) -> list[str]:
    """The names the speaker mentions written ``speaker`` resolve to in ``text``."""
    statements, _ = extract_statements(nlp(text))
    return [s.speaker.name for s in statements if s.speaker.text == speaker]


def test_speakers_resolve_to_names(nlp) -> None:
    statements, _ = extract_statements(nlp(ARTICLE), title_span=(0, 41))
    assert [(s.speaker.text, s.speaker.name) for s in statements] == [
        ("Interior minister", "Dariusz Halvorsen"),  # a role in the headline, named further down
        ("Interior Minister Dariusz Halvorsen", "Dariusz Halvorsen"),
        ("he", "Dariusz Halvorsen"),
        ("Another top diplomat, Ilya Varga", "Ilya Varga"),
        ("The diplomat", "Ilya Varga"),
        ("CRM", "Civic Rights Monitor"),
        ("It", "Civic Rights Monitor"),
        ("Anna Petrov, the agency’s director", "Anna Petrov"),
        ("Petrov", "Anna Petrov"),
        ("She", "Anna Petrov"),
    ]


def test_entities_carry_roles_and_mentions(nlp) -> None:
    statements, entities = extract_statements(nlp(ARTICLE), title_span=(0, 41))
    people = {e.name: e for e in entities}
    assert people["Dariusz Halvorsen"].type == "PERSON"
    assert people["Dariusz Halvorsen"].roles == ["interior minister"]
    assert people["Ilya Varga"].roles == ["top diplomat"]
    assert people["Anna Petrov"].roles == ["agency’s director"]
    assert people["Civic Rights Monitor"].type == "ORG"
    by_id = {e.id: e for e in entities}
    for statement in statements:
        entity = by_id[statement.speaker.entity]
        assert (statement.speaker.start, statement.speaker.end) in entity.mentions


def test_the_group_is_the_organisation_last_named_and_who_is_its_antecedent(nlp) -> None:
    text = (
        "Amnesty International published a report on Monday. The group said police beat protesters. "
        "A group of residents said the river smelled. Reporters met three men who said they were held for days."
    )
    statements, _ = extract_statements(nlp(text))
    assert [(s.speaker.text, s.speaker.name) for s in statements if s.cue.text == "said"] == [
        ("The group", "Amnesty International"),
        ("A group of residents", "A group of residents"),  # indefinite: not a reference back
        ("who", "three men"),
    ]


def test_a_known_name_the_ner_misses_the_second_time_is_still_that_entity(nlp) -> None:
    # From the wire example: spaCy's small model tags the first "Frontier Legal Aid" ORG but not the
    # second, so "It" in the next sentence went to the ministry named in between.
    text = (
        "Civic Rights Monitor (CRM) and Frontier Legal Aid, two domestic rights organisations, said detainees "
        "were beaten. The Interior Ministry says at least 40 people were arrested.\n\n"
        "Frontier Legal Aid said it had evacuated 38 people from the Orvik district of Tanner’s Row and was "
        "fielding requests from between 30 and 50 more families. It said its lawyers had been refused access "
        "to clients at least nine times."
    )
    statements, _ = extract_statements(nlp(text))
    assert [(s.speaker.text, s.speaker.name) for s in statements][-2:] == [
        ("Frontier Legal Aid", "Frontier Legal Aid"),
        ("It", "Frontier Legal Aid"),
    ]


def test_organisations_are_organisations_whatever_the_ner_says(nlp) -> None:
    text = (
        "Civic Rights Monitor (CRM) and Frontier Legal Aid, two domestic rights organisations, said detainees "
        "were beaten. Meridian Wire was unable to confirm the figure. CRM said it had documented four cases.\n\n"
        "The foreign ministries of Lindmark and the Aster Isles issued a joint statement."
    )
    statements, entities = extract_statements(nlp(text))
    types = {e.name: e.type for e in entities}
    # The small model tags "Civic Rights Monitor" a work of art and "Meridian Wire" a person.
    assert (types["Civic Rights Monitor"], types["Meridian Wire"], types["Frontier Legal Aid"]) == ("ORG", "ORG", "ORG")
    assert [(s.speaker.text, s.speaker.name) for s in statements if s.speaker.text in ("CRM", "it")] == [
        ("CRM", "Civic Rights Monitor"),
    ]
    ministries = [s for s in statements if s.speaker.text.startswith("The foreign ministries")]
    assert ministries and all(s.speaker.name == s.speaker.text for s in ministries)  # two ministries are not one earlier organisation


@pytest.mark.parametrize(
    "text, speaker, name",
    [
        # The organisation with that word in its name, though another organisation spoke last.
        ("The National Environment Agency fined the plant. Velora was fined in 2021, the agency said.",
         "the agency", "National Environment Agency"),
        # "the company": the organisation whose name says it is one.
        ("Velora Chemicals runs the plant. The Environment Agency said it found ammonia. "
         "The company said the pipe was sealed.", "The company", "Velora Chemicals"),
        # No ministry named: the phrase stays as written rather than borrow another organisation.
        ("Civic Rights Monitor said 100 people were held. The ministry said the figure was 40.",
         "The ministry", "The ministry"),
        # "the group": the organisation last named.
        ("Amnesty International published a report. The group said police beat protesters.",
         "The group", "Amnesty International"),
    ],
)
def test_an_organisation_noun_resolves_to_an_organisation_it_can_name(nlp, text: str, speaker: str, name: str) -> None:
    assert names_given(nlp, text, speaker) == [name]


def test_a_markdown_heading_mark_is_no_part_of_a_name(nlp) -> None:
    text = "# Scientist says Ressa fish kill points to oxygen crash\n\nThe river was quiet on Friday."
    statements, entities = extract_statements(nlp(text), title_span=(0, 54))
    assert (statements[0].speaker.text, statements[0].speaker.name) == ("Scientist", "Scientist")
    assert all(not e.name.startswith("#") for e in entities)


def test_he_after_an_unnamed_speaker_is_that_speaker_not_the_last_named_person(nlp) -> None:
    text = (
        "Jonas Reiter, a lawyer with the group, said the detainees had no access to counsel.\n\n"
        "The Ledger has separately spoken to three men who said they were held at the barracks. One, a "
        "24-year-old welder who asked not to be named, said he was kept in a room with about 30 others.\n\n"
        "“They kept asking who paid us to protest,” he said. “Nobody paid us.”"
    )
    statements, entities = extract_statements(nlp(text))
    names = {s.speaker.text: s.speaker.name for s in statements}
    assert names["he"] == "One, a 24-year-old welder"  # not Jonas Reiter, named two paragraphs up
    assert names["One, a 24-year-old welder who"] == "One, a 24-year-old welder"
    assert {e.name: e.type for e in entities}["Ledger"] == "ORG"  # a newspaper, not a person


def test_an_owner_before_an_organisation_name_is_dropped(nlp) -> None:
    text = (
        "Belmora’s National Environment Agency said ammonia from the site caused the fish kill. "
        "The National Environment Agency said it would fine the company."
    )
    statements, entities = extract_statements(nlp(text))
    assert [s.speaker.name for s in statements][:2] == ["National Environment Agency"] * 2
    assert [e.name for e in entities if "Agency" in e.name] == ["National Environment Agency"]


def test_they_after_unnamed_people_is_those_people_not_the_last_organisation(nlp) -> None:
    text = (
        "The National Environment Agency said it had sent inspectors to the site.\n\n"
        "Local fishermen said the die-off was the worst they had seen. They said the river had smelled for days.\n\n"
        "The agency said it would publish its results. They said nothing more."
    )
    statements, _ = extract_statements(nlp(text))
    assert [(s.speaker.text, s.speaker.name) for s in statements if s.speaker.text == "They"] == [
        ("They", "Local fishermen"),
        ("They", "National Environment Agency"),  # the agency spoke since: it is the antecedent again
    ]


def test_they_after_unnamed_people_the_parser_heads_with_a_modifier_is_them(nlp) -> None:
    # The parser makes "downstream" the head of the phrase, with "clubs" its subject.
    text = (
        "Residents of Mill Lane said a sharp smell had hung over the river. Anglers' clubs downstream, in the "
        "villages of Harrow Bend and Wyle, said they had also found dead fish. They said they feared the damage "
        "could spread."
    )
    assert names_given(nlp, text, "They") == ["Anglers' clubs downstream, in the villages of Harrow Bend and Wyle"]


def test_they_after_neither_of_two_speakers_is_them(nlp) -> None:
    text = (
        "CRM said its researchers had spent three weeks in the city. Neither official has explained why lawyers "
        "are still barred from the site. Nor have they explained the photographs of bruised backs."
    )
    assert names_given(nlp, text, "they") == ["Neither official"]


@pytest.mark.parametrize(
    "text, name",
    [
        # From the Clarion example: the minister and the governor, the two people who spoke last.
        ("Interior Minister Dariusz Halvorsen denied the reports. Kestrel Governor Ramzan Terek said the groups "
         "had never been to Orvik. Neither official has explained why lawyers are still barred from the site. "
         "Nor have they explained the photographs of bruised backs.", "Dariusz Halvorsen and Ramzan Terek"),
        # A role both hold.
        ("Senator Chuck Grassley said the rule was unfair. Senator Patrick Leahy said it was needed. Both "
         "senators said the vote would be close.", "Chuck Grassley and Patrick Leahy"),
        # Not two people: groups; a role neither was given.
        ("Leena Haldane of Civic Rights Monitor said the detentions were unlawful. Jonas Reiter of Frontier Legal "
         "Aid said lawyers were turned away. Both groups urged the authorities to publish the names.", "Both groups"),
        ("Senator Chuck Grassley said the rule was unfair. Senator Patrick Leahy said it was needed. Both "
         "candidates said the debate had been fair.", "Both candidates"),
    ],
)
def test_neither_or_both_of_two_is_the_two_people_who_spoke_last(nlp, text: str, name: str) -> None:
    statements, _ = extract_statements(nlp(text))
    assert [s.speaker.name for s in statements[2:]] == [name] * (len(statements) - 2)


@pytest.mark.parametrize(
    "text, mention, name",
    [
        # From the Clarion example; "Velora Chemicals", named next, is no one's ministry.
        ("Interior Minister Dariusz Halvorsen conceded that a barracks had been used to hold protesters, a fact "
         "his ministry had refused to confirm only a day earlier. Velora Chemicals denied the report.",
         "his ministry", "Dariusz Halvorsen’s ministry"),
        ("Dr. Harold Bornstein released a letter on Friday. Clinton was treated for pneumonia, her campaign "
         "later disclosed.", "her campaign", "Clinton’s campaign"),
        ("Velora Chemicals said the plant was safe, and its lawyers said the case was closed.",
         "its lawyers", "Velora Chemicals’ lawyers"),
        # The owner is a subject of another sentence: without knowing who is a woman, it stays as written.
        ("Dr. Harold Bornstein released a letter on Friday. Her campaign later disclosed that she had pneumonia.",
         "Her campaign", "Her campaign"),
    ],
)
def test_a_possessive_pronoun_names_the_owner_who_is_subject_of_its_sentence(nlp, text, mention, name) -> None:
    assert names_given(nlp, text, mention) == [name]


SCIENTIST_STORY = (
    "Scientist says Ressa fish kill points to oxygen crash\n\n"
    "The death of around 2,000 fish was caused by a sudden collapse in oxygen, a university scientist said on Friday.\n\n"
    "Dr. Miriam Osei, a freshwater ecologist at Carrowmore University, has been taking her own water samples. "
    "She told the Observer that oxygen had fallen to about 30 percent of the level upstream."
)


@pytest.mark.parametrize(
    "text, speaker, name",
    [
        # News names a source a paragraph late: the headline's and the lede's description are her.
        (SCIENTIST_STORY, "Scientist", "Miriam Osei"),
        (SCIENTIST_STORY, "a university scientist", "Miriam Osei"),
        ("Chemical giant slams river report\n\nVelora Chemicals has lashed out at the watchdog's findings.",
         "Chemical giant", "Velora Chemicals"),
        # Not someone whose office the description does not name, nor one named far below.
        ("A police officer said the march was peaceful.\n\nMayor Ann Lee said the city would pay for the damage.",
         "A police officer", "A police officer"),
        ("A senior official said talks had stalled.\n\nThe talks began in May.\n\nThey resume on Monday.\n\n"
         "Ann Lee, a researcher, said little had changed.", "A senior official", "A senior official"),
        ("A researcher said the data were sound.\n\nThe study ran for a year.\n\nIts funding ended in May.\n\n"
         "Ann Lee, a biologist at the institute, said little had changed.", "A researcher", "A researcher"),
    ],
)
def test_a_description_in_the_opening_is_who_the_article_names_next(nlp, text: str, speaker: str, name: str) -> None:
    statements, _ = extract_statements(nlp(text), title_span=(0, text.index("\n")))
    assert [s.speaker.name for s in statements if s.speaker is not None and s.speaker.text == speaker] == [name]


@pytest.mark.parametrize(
    "headline",
    ["Minister somehow denies abuses despite mountain of evidence", "Interior minister denies reports of abuse"],
)
def test_a_title_in_a_headline_is_the_person_named_below(nlp, headline: str) -> None:
    # Title case makes "Minister" a proper noun to the tagger; it is still a role.
    text = f"{headline}\n\nInterior Minister Dariusz Halvorsen has denied all reports of abuse by security forces."
    statements, _ = extract_statements(nlp(text), title_span=(0, len(headline)))
    assert [(s.speaker.name, s.in_headline) for s in statements] == [
        ("Dariusz Halvorsen", True), ("Dariusz Halvorsen", False)
    ]


def test_whose_people_speak_for_the_organisation_named_before(nlp) -> None:
    text = (
        "Rights groups press ministry\n\nCivic Rights Monitor (CRM) and Frontier Legal Aid said they had gathered "
        "testimony from former detainees. Frontier Legal Aid, whose lawyers say they were turned away from "
        "detention sites at least nine times, has gone further."
    )
    statements, _ = extract_statements(nlp(text), title_span=(0, 28))
    assert [(s.speaker.text, s.speaker.name, s.content.text) for s in statements if s.cue.text == "say"] == [
        ("whose lawyers", "Frontier Legal Aid", "they were turned away from detention sites at least nine times")
    ]


@pytest.mark.parametrize(
    "text, speaker, name",
    [
        # An epithet no role names is the person the sentences before are about.
        ("Maria Novak says she has big plans for the final month of the campaign. The Liberal presidential "
         "nominee said on Friday that her campaign had spent little on television.",
         "The Liberal presidential nominee", "Maria Novak"),
        # An abbreviated title holds the role its word names.
        ("Sen. Ana Ruiz opened the hearing on Monday. The senator said the bill would pass.",
         "The senator", "Ana Ruiz"),
        # The role's qualifiers decide between two holders: not the nominee who spoke last.
        ("At the debate, Liberal nominee Maria Novak spoke first. Later, Conservative nominee Peter Brandt said "
         "taxes would fall. The Liberal nominee said that was a fantasy.", "The Liberal nominee", "Maria Novak"),
        # Whoever governs the clause is not the epithet in it: the businessman is Weller, not the senator.
        ("Tomas Weller has called the inquiry a hoax. Senator Ana Ruiz has been critical of him for months. "
         "In June, the senator urged colleagues to drop Weller after the businessman claimed the vote was rigged.",
         "the businessman", "Tomas Weller"),
        # "vice" makes it another office: the running mate is not the nominee.
        ("At the rally, Liberal vice presidential nominee David Okafor spoke first. Maria Novak said taxes would "
         "rise. The Liberal presidential nominee said the plan was costed.", "The Liberal presidential nominee",
         "Maria Novak"),
        # "His lawyer" is someone's lawyer, not the person the article called a lawyer.
        ("The family hired lawyer Laura Bennett. Peter Brandt was held in contempt on Thursday. His lawyer said he "
         "would not testify.", "His lawyer", "His lawyer"),
        # "Another top diplomat" further down is someone else than the top diplomat spoken of here.
        ("Foreign Minister Anton Sedlak spoke in Lussan on Monday. “We will not be lectured,” the country’s top "
         "diplomat said. Another top diplomat, Ilya Varga, denied that protesters were held.",
         "the country’s top diplomat", "Anton Sedlak"),
        # A role named further down, sharing a word with the phrase, beats the person spoken of before.
        ("Peter Brandt ran the fund until May. The state attorney general said on Monday that the fund was "
         "closed. Attorney General Laura Bennett opened the inquiry in May.", "The state attorney general",
         "Laura Bennett"),
        # "GOP" is "Republican" (and "Democrat" "Democratic"): the same qualifier, no contradiction ...
        ("Donald Trump, the Republican presidential nominee, spoke in Ohio on Monday. The GOP nominee said the "
         "economy was rigged.", "The GOP nominee", "Donald Trump"),
        # ... while the GOP nominee is not the Democratic one.
        ("Hillary Clinton, the Democratic nominee, spoke in Ohio on Monday. The GOP nominee said the economy was "
         "rigged.", "The GOP nominee", "The GOP nominee"),
        # Someone unnamed comes between: who is meant is not on the page.
        ("Tomas Weller said nothing on Friday. Lawyers for the family filed papers on Monday. "
         "The businessman argued that the file should stay sealed.", "The businessman", "The businessman"),
    ],
)
def test_an_epithet_is_the_person_the_article_is_about(nlp, text: str, speaker: str, name: str) -> None:
    assert names_given(nlp, text, speaker) == [name]


@pytest.mark.parametrize(
    "author, names",
    [
        # A column's "I" outside quotation marks is its author; the "I" of a quote is whoever is quoted.
        ("By Mary Meehan", ["Mary Meehan", "My father", "Mary Meehan"]),
        # Several authors, or none: "I" is left as written.
        ("Mary Meehan and John Roe", ["I", "My father", "I"]),
        (None, ["I", "My father", "I"]),
    ],
)
def test_the_i_of_a_column_is_its_author(nlp, author: str | None, names: list[str]) -> None:
    text = "I know all about normalizing hate. My father said “I was raised to fear outsiders,” and I believed him."
    statements, _ = extract_statements(nlp(text), author=author)
    assert [s.speaker.name for s in statements] == names


def test_a_he_after_the_author_is_the_person_named_not_the_author(nlp) -> None:
    text = "I met Peter Brandt in May. He said the river was safe. I know all about normalizing hate."
    statements, _ = extract_statements(nlp(text), author="Mary Meehan")
    assert [(s.speaker.text, s.speaker.name) for s in statements] == [("He", "Peter Brandt"), ("I", "Mary Meehan")]


def test_a_name_after_a_title_is_a_person_though_the_ner_misses_it(nlp) -> None:
    # From the wire example: the small model tags no "Ramzan Terek", and "Kestrel" in the headline
    # is a PERSON to it, so "The governor" used to become "Kestrel".
    text = (
        "Varnia dismisses foreign concern over Kestrel detentions\n\n"
        "Kestrel Governor Ramzan Terek on Saturday challenged foreign governments over the allegations. "
        "The governor said: “Let them find proof.”"
    )
    statements, entities = extract_statements(nlp(text), title_span=(0, 56))
    assert [s.speaker.name for s in statements if s.speaker.text == "The governor"] == ["Ramzan Terek"]
    assert {e.name: e.roles for e in entities}["Ramzan Terek"] == ["kestrel governor"]


def test_a_surname_the_ner_misses_is_who_a_later_he_means(nlp) -> None:
    # From the courier example: "Terek" is untagged, so "He" went to the last speaker, Jonas Reiter.
    text = (
        "Governor Ramzan Terek said the protests were organised by outside agitators.\n\n"
        "\"We simply do not have the capacity,\" said Jonas Reiter, a lawyer with the group.\n\n"
        "Terek, a former police commander who was appointed governor two years ago, has rarely given "
        "interviews since the protests began. He accused the rights groups of \"doing the work of foreign "
        "governments\" and said his office would not cooperate."
    )
    statements, _ = extract_statements(nlp(text))
    assert [(s.speaker.text, s.speaker.name, s.act) for s in statements if s.speaker.text == "He"] == [
        ("He", "Ramzan Terek", "accuse"), ("He", "Ramzan Terek", "assert"),
    ]


@pytest.mark.parametrize(
    "text, names",
    [
        # People named in apposition to the phrase, and the "They" after them.
        ("Two Frontier Legal Aid lawyers in Orvik, Jonas Reiter and Mira Castell, told the Observer that "
         "requests for help were still arriving every day. They said the group had so far evacuated 38 people.",
         ["Jonas Reiter and Mira Castell", "Jonas Reiter and Mira Castell"]),
        # Joined as the subject, and their surnames after (the NER calls this "Leahy" an organisation);
        # three names get commas.
        ("Senator Chuck Grassley and Senator Patrick Leahy wrote to the agency. Grassley and Leahy said other "
         "changes were needed.", ["Chuck Grassley and Patrick Leahy", "Chuck Grassley and Patrick Leahy"]),
        ("Jeff Merkley, Sherrod Brown and Robert Menendez said the claims could be grounds for a fraud case.",
         ["Jeff Merkley, Sherrod Brown and Robert Menendez"]),
        # Organisations too, and the "They" after them.
        ("Civic Rights Monitor and Amnesty International said detainees were beaten. They said 40 people were "
         "held.", ["Civic Rights Monitor and Amnesty International", "Civic Rights Monitor and Amnesty International"]),
    ],
)
def test_people_named_together_speak_together(nlp, text: str, names: list[str]) -> None:
    statements, _ = extract_statements(nlp(text))
    assert [s.speaker.name for s in statements] == names


@pytest.mark.parametrize(
    "text, members",
    [
        # The NER tags the two as one organisation; each part ends as organisations' names do.
        ("Amnesty International and Human Rights Watch said that at least 40 people had been detained.",
         ["Amnesty International", "Human Rights Watch"]),
        # Not what they own, nor a description before a name.
        ("Amnesty International's researcher and Human Rights Watch's director said lawyers were barred.", []),
        ("The respected Italian newspaper Corriere Della Sera reported that the camp was closed.", []),
    ],
)
def test_organisations_the_ner_runs_together_are_each_a_member(nlp, text: str, members: list[str]) -> None:
    statements, _ = extract_statements(nlp(text))
    assert [m.name for m in statements[0].speaker.members] == members


def test_each_of_those_named_together_is_a_member(nlp) -> None:
    text = (
        "Civic Rights Monitor said 40 people were held. Civic Rights Monitor and Amnesty International "
        "said detainees were beaten. Jonas Reiter and Mira Castell told the Observer that lawyers were barred."
    )
    statements, entities = extract_statements(nlp(text))
    ids = {e.name: e.id for e in entities}
    assert [[(m.name, m.entity) for m in s.speaker.members] for s in statements] == [
        [],
        [("Civic Rights Monitor", ids["Civic Rights Monitor"]), ("Amnesty International", ids["Amnesty International"])],
        [("Jonas Reiter", ids["Jonas Reiter"]), ("Mira Castell", ids["Mira Castell"])],
    ]
    assert statements[2].speaker.names == ("Jonas Reiter", "Mira Castell")
    assert statements[0].speaker.names == ("Civic Rights Monitor",)


@pytest.mark.parametrize(
    "text, name",
    [
        # From the Clarion example: "Velora" was an organisation of its own beside "Velora Chemicals".
        ("Velora Chemicals has lashed out at the watchdog. Within hours, Velora said the findings were premature.",
         "Velora Chemicals"),
        ("Halvard Pharmaceuticals recalled the drug. Halvard said no patient had been harmed.", "Halvard Pharmaceuticals"),
        # A word that names other things too is not dropped: the Kestrel Ledger is not Kestrel.
        ("The Kestrel Ledger first reported the abuse. Kestrel said the protests had ended.", "Kestrel"),
    ],
)
def test_a_company_named_without_its_legal_form_is_that_company(nlp, text: str, name: str) -> None:
    statements, _ = extract_statements(nlp(text))
    assert [s.speaker.name for s in statements][-1] == name


@pytest.mark.parametrize(
    "text, speaker, name",
    [
        # From the Ledger example: "The man" is the unnamed welder who spoke last.
        ("Jonas Reiter, a lawyer with the group, said the detainees had no access to counsel. The Ledger spoke to "
         "three men who were held. One, a 24-year-old welder, said he was kept in a room for two nights. The man "
         "said he was released without charge.", "The man", "One, a 24-year-old welder"),
        ("Jonas Reiter said the detainees had no access to counsel. One, a 24-year-old welder, said he was kept in "
         "a room for two nights. The welder said he was released without charge.", "The welder",
         "One, a 24-year-old welder"),
        # A named person spoke since: "the man" is not on the page.
        ("One, a 24-year-old welder, said he was kept in a room. Jonas Reiter said the detainees had no access to "
         "counsel. The man said he was released.", "The man", "The man"),
        # A noun the unnamed speaker was not called does not refer back to them.
        ("Jonas Reiter said the detainees had no access to counsel. One, a 24-year-old welder, said he was kept in "
         "a room for two nights. The doctor said the bruises were recent.", "The doctor", "The doctor"),
        # Nor a word for another sort of person (seen in an FNC-1 body).
        ("Two men admitted killing their victim, police said. During the trial the two boys said they had been "
         "beaten at home.", "the two boys", "the two boys"),
        ("Two men admitted killing their victim. The men said they had been paid.", "The men", "Two men"),
    ],
)
def test_a_noun_for_anyone_refers_back_to_the_unnamed_speaker(nlp, text: str, speaker: str, name: str) -> None:
    assert names_given(nlp, text, speaker) == [name]


@pytest.mark.parametrize(
    "text, speaker, name, role",
    [
        ("Officer Darren Wilson said he feared for his life.", "Officer Darren Wilson", "Darren Wilson", "officer"),
        ("CEO Tim Cook said the watch would ship in April.", "CEO Tim Cook", "Tim Cook", "ceo"),
        ("Chancellor Angela Merkel said the talks had failed.", "Chancellor Angela Merkel", "Angela Merkel",
         "chancellor"),
    ],
)
def test_a_role_the_ner_puts_inside_a_name_is_a_role(nlp, text: str, speaker: str, name: str, role: str) -> None:
    statements, entities = extract_statements(nlp(text))
    assert [(s.speaker.text, s.speaker.name) for s in statements] == [(speaker, name)]
    assert [(e.name, e.roles) for e in entities if e.type == "PERSON"] == [(name, [role])]


@pytest.mark.parametrize(
    "text, speaker, name",
    [
        # "It" after an unnamed body that spoke is that body (seen in a New York Times article of PolNeAR dev).
        ("The ministry published a report on Monday. It said that 40 people had been detained.", "It",
         "The ministry"),
        ("The SEC only requires that companies report significant subsidiaries, the report says. It also points "
         "out that the penalties are light.", "It", "the report"),
        # An organisation named since is the one meant.
        ("The ministry said the camp was closed. Civic Rights Monitor said 40 people were held. It added that "
         "lawyers were turned away.", "It", "Civic Rights Monitor"),
    ],
)
def test_it_after_an_unnamed_body_is_that_body(nlp, text: str, speaker: str, name: str) -> None:
    assert names_given(nlp, text, speaker) == [name]


@pytest.mark.parametrize(
    "text, speaker, name",
    [
        # A clause set off after an unnamed speaker is no part of the name (seen in FNC-1 bodies).
        ("One forensic expert, who works with federal investigators, said the wounds were recent.",
         "One forensic expert, who works with federal investigators", "One forensic expert"),
        ("Dozens were killed, according to the Centcom statement, which gave no figure for civilians.",
         "the Centcom statement, which gave no figure for civilians", "the Centcom statement"),
        # A restrictive clause stays: it says who.
        ("A group that monitors the war said 40 people died.", "A group that monitors the war",
         "A group that monitors the war"),
    ],
)
def test_a_clause_set_off_after_an_unnamed_speaker_is_no_part_of_the_name(
    nlp, text: str, speaker: str, name: str
) -> None:
    assert names_given(nlp, text, speaker) == [name]


@pytest.mark.parametrize(
    "text, speaker, names",
    [
        # A participle that names the noun names the speaker.
        ("A 19-year-old named Jess Smith said she had been sent home from school.",
         "A 19-year-old named Jess Smith", ["Jess Smith"]),
        ("The author, known only as Lena, said in her blog that she was ready. She said she had no regrets.",
         "She", ["Lena"]),
        ("A hacker group known as Lizard Squad said it had attacked the network.",
         "A hacker group known as Lizard Squad", ["Lizard Squad"]),
        # A title the NER keeps inside a short name is a role of the person.
        ("Pope Francis met the boy on Sunday. The pope told him that dogs go to heaven.", "The pope",
         ["Pope Francis"]),
        ("Queen Rania visited the camp. The queen said the children needed schools.", "The queen", ["Queen Rania"]),
        # A lowercase word the tagger takes for a proper noun is no given name.
        ("Snow is coming. “It is coming fast,” weatherman Mike Seidel said. Seidel added that roads would close.",
         "Seidel", ["Mike Seidel"]),
    ],
)
def test_a_speaker_is_named_as_the_text_names_them(nlp, text: str, speaker: str, names: list[str]) -> None:
    assert names_given(nlp, text, speaker) == names


@pytest.mark.parametrize(
    "text, speaker, names",
    [
        # "She" is not the man who spoke last: first names, honorifics and roles say who is who.
        ("Anna Berg met Tomas Lind on Monday. Lind said the talks had failed. She said they would resume.",
         "She", ["Anna Berg"]),
        ("Mrs. Clinton met Mr. Sanders. Mr. Sanders spoke first. She said the plan would pass.", "She", ["Clinton"]),
        ("Tomas Lind met Anna Berg. Berg said the talks had failed. He said they would resume.", "He", ["Tomas Lind"]),
        # Someone who fits need not have been a subject: Haldane is only met.
        ("Minister Dariusz Halvorsen met director Leena Haldane on Tuesday. Halvorsen said the detentions were "
         "lawful. She said 40 people were still held.", "She", ["Leena Haldane"]),
        # A name tells only mostly: with no one else who fits close before, the text's "he" is Lindsey Graham.
        ("Tomas Lind was freed in May. " + "The talks went on for weeks. " * 25
         + "Lindsey Graham said the deal was bad. He said all five men were still in Qatar.", "He", ["Lindsey Graham"]),
        # "Kim" is mostly a woman's name, but not only: Kim Jong Un stays "he".
        ("Kim Jong Un inspected the site. He said the launch had succeeded.", "He", ["Kim Jong Un"]),
    ],
)
def test_a_pronoun_skips_people_of_the_other_gender(nlp, text: str, speaker: str, names: list[str]) -> None:
    assert names_given(nlp, text, speaker) == names
