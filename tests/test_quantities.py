"""Quantities: a table of news sentences with every figure's exact fields, and the disagreement rule.

Each case is a sentence and the figures expected in it, in text order, as
(text, value, value_max, bound, unit, event); the conventions they follow are stated in the docstring of
``claimledger.quantities``. The sentences are invented, in the style of the wire and newspaper copy in
``examples/``.
"""

from __future__ import annotations

import math

import pytest

from claimledger.model import Quantity
from claimledger.quantities import extract_quantities, intervals_disagree, quantity_interval

CASES = [
    # Qualifiers before (and after) the number, one bound each.
    pytest.param(
        'More than 100 people have been detained since March, according to Civic Rights Monitor.',
        [('More than 100', 100, None, 'lower', 'people', 'detain')],
        id='lower-more-than',
    ),
    pytest.param(
        'At least 40 people were arrested, the Interior Ministry said.',
        [('At least 40', 40, None, 'lower', 'people', 'arrest')],
        id='lower-at-least',
    ),
    pytest.param(
        'Over 300 homes were destroyed by the fire.',
        [('Over 300', 300, None, 'lower', 'homes', 'destroy')],
        id='lower-over',
    ),
    pytest.param(
        'Upwards of 5,000 supporters rallied outside parliament on Sunday.',
        [('Upwards of 5,000', 5000, None, 'lower', 'supporters', 'rally')],
        id='lower-upwards-of',
    ),
    pytest.param(
        'Police said well over 200 cars were torched overnight.',
        [('well over 200', 200, None, 'lower', 'cars', 'torch')],
        id='lower-well-over-modifier',
    ),
    pytest.param(
        'No fewer than 12 ministers resigned in the wake of the scandal.',
        [('No fewer than 12', 12, None, 'lower', 'ministers', 'resign')],
        id='lower-no-fewer-than',
    ),
    pytest.param(
        'In excess of 400 tonnes of grain were seized at the port.',
        [('In excess of 400', 400, None, 'lower', 't', 'seize')],
        id='lower-in-excess-of-tonnes',
    ),
    pytest.param(
        'The protest drew 100 or more people to the square.',
        [('100 or more', 100, None, 'lower', 'people', 'draw')],
        id='lower-or-more-after',
    ),
    pytest.param(
        'Organisers said 100+ volunteers joined the search.',
        [('100+', 100, None, 'lower', 'volunteers', 'join')],
        id='lower-plus-sign',
    ),
    pytest.param(
        'Up to 20 people may have died in the blaze, officials said.',
        [('Up to 20', 20, None, 'upper', 'people', 'die')],
        id='upper-up-to',
    ),
    pytest.param(
        'Fewer than 10 journalists were allowed into the courtroom.',
        [('Fewer than 10', 10, None, 'upper', 'journalists', 'allow')],
        id='upper-fewer-than',
    ),
    pytest.param(
        'Less than 5 percent of the ballots had been counted by midnight.',
        [('Less than 5', 5, None, 'upper', 'percent', 'count')],
        id='upper-less-than-percent',
    ),
    pytest.param(
        'No more than 50 guests will be admitted, the organisers said.',
        [('No more than 50', 50, None, 'upper', 'guests', 'admit')],
        id='upper-no-more-than',
    ),
    pytest.param(
        'As many as 3,000 workers could lose their jobs.',
        [('As many as 3,000', 3000, None, 'upper', 'workers', 'lose')],
        id='upper-as-many-as',
    ),
    pytest.param(
        'Under 30 percent of voters turned out.',
        [('Under 30', 30, None, 'upper', 'percent', 'turn')],
        id='upper-under',
    ),
    pytest.param(
        'At most 15 inspectors were sent to the site.',
        [('At most 15', 15, None, 'upper', 'inspectors', 'send')],
        id='upper-at-most',
    ),
    pytest.param(
        'Fishermen said they had counted roughly 1,800 fish along the banks.',
        [('roughly 1,800', 1800, None, 'approx', 'fish', 'count')],
        id='approx-roughly',
    ),
    pytest.param(
        'About 60 people have been detained since the unrest began, according to a count by the Courier.',
        [('About 60', 60, None, 'approx', 'people', 'detain')],
        id='approx-about',
    ),
    pytest.param(
        'Around 2,000 fish died in the river this week.',
        [('Around 2,000', 2000, None, 'approx', 'fish', 'die')],
        id='approx-around',
    ),
    pytest.param(
        'Nearly 500 homes were left without power.',
        [('Nearly 500', 500, None, 'approx', 'homes', 'leave')],
        id='approx-nearly',
    ),
    pytest.param(
        'Almost 90 percent of the fish in that section died.',
        [('Almost 90', 90, None, 'approx', 'percent', 'die')],
        id='approx-almost-percent',
    ),
    pytest.param(
        'Approximately 1,200 passengers were stranded at the airport.',
        [('Approximately 1,200', 1200, None, 'approx', 'passengers', 'strand')],
        id='approx-approximately',
    ),
    pytest.param(
        'Some 1.5 million people have been displaced by the floods.',
        [('Some 1.5 million', 1500000, None, 'approx', 'people', 'displace')],
        id='approx-some-million',
    ),
    pytest.param(
        'He said the cooperative had lost an estimated 60 percent of its income.',
        [('an estimated 60', 60, None, 'approx', 'percent', 'lose')],
        id='approx-an-estimated',
    ),
    pytest.param(
        'The ministry claims the true number is closer to 40.',
        [('closer to 40', 40, None, 'approx', None, None)],
        id='approx-closer-to-copula',
    ),
    pytest.param(
        'Close to 700 migrants were rescued off the coast.',
        [('Close to 700', 700, None, 'approx', 'migrants', 'rescue')],
        id='approx-close-to',
    ),
    pytest.param(
        'Police arrested 40-odd protesters outside the station.',
        [('40-odd', 40, None, 'approx', 'protesters', 'arrest')],
        id='approx-odd',
    ),
    pytest.param(
        'Officials counted 40 or so boats in the harbour.',
        [('40 or so', 40, None, 'approx', 'boats', 'count')],
        id='approx-or-so',
    ),
    # Ranges: value is the low end, value_max the high end; "from X to Y" is a change, two figures.
    pytest.param(
        'Between 30 and 50 families had asked for help leaving.',
        [('Between 30 and 50', 30, 50, 'range', 'families', 'ask')],
        id='range-between-and',
    ),
    pytest.param(
        'The police detained 15 to 20 protesters.',
        [('15 to 20', 15, 20, 'range', 'protesters', 'detain')],
        id='range-to',
    ),
    pytest.param(
        'Prices rose by 10-20% last year.',
        [('10-20%', 10, 20, 'range', 'percent', 'rise')],
        id='range-hyphen-percent-sign',
    ),
    pytest.param(
        'Prices rose 10–20 percent in a year.',
        [('10–20', 10, 20, 'range', 'percent', 'rise')],
        id='range-en-dash-one-token',
    ),
    pytest.param(
        'Two or three journalists were injured.',
        [('Two or three', 2, 3, 'range', 'journalists', 'injure')],
        id='range-number-words-or',
    ),
    pytest.param(
        'Between 2 and 3 million people lost their jobs.',
        [('Between 2 and 3 million', 2000000, 3000000, 'range', 'people', 'lose')],
        id='range-shared-scale',
    ),
    pytest.param(
        'Repairs will cost between $10 and $20 million.',
        [('between $10 and $20 million', 10000000, 20000000, 'range', 'USD', 'cost')],
        id='range-money-shared-scale',
    ),
    pytest.param(
        'Unemployment rose from 5 to 7 percent.',
        [('5', 5, None, 'exact', 'percent', 'rise'),
         ('7', 7, None, 'exact', 'percent', 'rise')],
        id='from-to-is-two-figures',
    ),
    # Number words, multipliers, vague plurals (at least two of their kind), shares and ratios (percent).
    pytest.param(
        'The storm killed four people and injured 12 others.',
        [('four', 4, None, 'exact', 'people', 'kill'),
         ('12', 12, None, 'exact', 'others', 'injure')],
        id='words-four-and-others',
    ),
    pytest.param(
        'A dozen people were injured in the clashes.',
        [('A dozen', 12, None, 'exact', 'people', 'injure')],
        id='words-a-dozen',
    ),
    pytest.param(
        'Dozens of people were killed in the attack.',
        [('Dozens', 24, None, 'lower', 'people', 'kill')],
        id='vague-dozens-of',
    ),
    pytest.param(
        'Hundreds of people marched through Orvik on Saturday.',
        [('Hundreds', 200, None, 'lower', 'people', 'march')],
        id='vague-hundreds-of',
    ),
    pytest.param(
        'Tens of thousands of people fled the fighting.',
        [('Tens of thousands', 20000, None, 'lower', 'people', 'flee')],
        id='vague-tens-of-thousands',
    ),
    pytest.param(
        'Hundreds of thousands of homes lost power.',
        [('Hundreds of thousands', 200000, None, 'lower', 'homes', 'lose')],
        id='vague-hundreds-of-thousands',
    ),
    pytest.param(
        'Security forces have detained scores of people.',
        [('scores', 40, None, 'lower', 'people', 'detain')],
        id='vague-scores-of',
    ),
    pytest.param(
        'Several hundred protesters gathered outside the embassy.',
        [('Several hundred', 200, None, 'lower', 'protesters', 'gather')],
        id='vague-several-hundred',
    ),
    pytest.param(
        'Twenty-five people were hurt when the stand collapsed.',
        [('Twenty-five', 25, None, 'exact', 'people', 'hurt')],
        id='words-hyphenated',
    ),
    pytest.param(
        'Two dozen officers were deployed to the border.',
        [('Two dozen', 24, None, 'exact', 'officers', 'deploy')],
        id='words-two-dozen',
    ),
    pytest.param(
        'Thousands were left homeless by the earthquake.',
        [('Thousands', 2000, None, 'lower', None, 'leave')],
        id='vague-alone-no-noun',
    ),
    pytest.param(
        'Officers were attacked with stones, and eleven of them were injured.',
        [('eleven', 11, None, 'exact', None, 'injure')],
        id='words-of-pronoun-no-unit',
    ),
    pytest.param(
        'The group had interviewed thirty-seven former detainees.',
        [('thirty-seven', 37, None, 'exact', 'detainees', 'interview')],
        id='words-thirty-seven',
    ),
    pytest.param(
        'Half a million people signed the petition.',
        [('Half a million', 500000, None, 'exact', 'people', 'sign')],
        id='words-half-a-million',
    ),
    pytest.param(
        'Nearly half of the residents left the town.',
        [('Nearly half', 50, None, 'approx', 'percent', 'leave')],
        id='share-half-of',
    ),
    pytest.param(
        'Two-thirds of the staff were laid off.',
        [('Two-thirds', 66.67, None, 'exact', 'percent', 'lay')],
        id='share-two-thirds-of',
    ),
    pytest.param(
        'A third of the crops were lost to the drought.',
        [('A third', 33.33, None, 'exact', 'percent', 'lose')],
        id='share-a-third-of',
    ),
    pytest.param(
        'A few thousand fans waited outside the stadium.',
        [('A few thousand', 2000, None, 'lower', 'fans', 'wait')],
        id='vague-a-few-thousand',
    ),
    pytest.param(
        'One hundred and twenty people were rescued from the mine.',
        [('One hundred and twenty', 120, None, 'exact', 'people', 'rescue')],
        id='words-hundred-and',
    ),
    pytest.param(
        'Nearly 8 in 10 voters plan to watch the debate.',
        [('Nearly 8 in 10', 80, None, 'approx', 'percent', 'plan')],
        id='ratio-in',
    ),
    pytest.param(
        'The company said 1 in 5 workers would lose their jobs.',
        [('1 in 5', 20, None, 'exact', 'percent', 'lose')],
        id='ratio-one-in-five',
    ),
    pytest.param(
        'Eight of 10 avocados sold in the city are grown abroad.',
        [('Eight of 10', 80, None, 'exact', 'percent', 'grow')],
        id='ratio-of-round-base',
    ),
    pytest.param(
        'One-fifth of the budget goes to defence.',
        [('One-fifth', 20, None, 'exact', 'percent', 'go')],
        id='share-one-fifth-of',
    ),
    pytest.param(
        'Organisers expect a quarter of a million visitors this summer.',
        [('a quarter of a million', 250000, None, 'exact', 'visitors', 'expect')],
        id='words-a-quarter-of-a-million',
    ),
    # Money: ISO 4217 codes from symbols and words; the span keeps the symbol, not the word.
    pytest.param(
        'Environment agency fines Velora Chemicals $250,000 over fish kill',
        [('$250,000', 250000, None, 'exact', 'USD', 'fine')],
        id='money-headline-appos',
    ),
    pytest.param(
        'The company faces a fine of $250,000.',
        [('$250,000', 250000, None, 'exact', 'USD', 'fine')],
        id='money-fine-of',
    ),
    pytest.param(
        'The project cost €3.2 million.',
        [('€3.2 million', 3200000, None, 'exact', 'EUR', 'cost')],
        id='money-euro-million',
    ),
    pytest.param(
        'The club paid £45m for the striker.',
        [('£45m', 45000000, None, 'exact', 'GBP', 'pay')],
        id='money-pound-glued-m',
    ),
    pytest.param(
        'The firm lost $5bn last year.',
        [('$5bn', 5000000000, None, 'exact', 'USD', 'lose')],
        id='money-glued-bn',
    ),
    pytest.param(
        'The company paid 1.2 million euros in compensation.',
        [('1.2 million', 1200000, None, 'exact', 'EUR', 'pay')],
        id='money-euros-word',
    ),
    pytest.param(
        'The court fined him 300 pounds sterling.',
        [('300', 300, None, 'exact', 'GBP', 'fine')],
        id='money-pounds-sterling',
    ),
    pytest.param(
        'The charity raised more than $40,000 for the victims.',
        [('more than $40,000', 40000, None, 'lower', 'USD', 'raise')],
        id='money-qualifier-before-symbol',
    ),
    pytest.param(
        'Investors pulled US$40 million out of the fund.',
        [('US$40 million', 40000000, None, 'exact', 'USD', 'pull')],
        id='money-us-dollar-symbol',
    ),
    pytest.param(
        'The deal is worth 2 billion dollars.',
        [('2 billion', 2000000000, None, 'exact', 'USD', None)],
        id='money-dollars-word-copula',
    ),
    pytest.param(
        'Regulators imposed a $5 million fine on the bank.',
        [('$5 million', 5000000, None, 'exact', 'USD', 'fine')],
        id='money-attributive-fine',
    ),
    pytest.param(
        'Belmora’s National Environment Agency (NEA) on Wednesday fined Velora Chemicals $250,000.',
        [('$250,000', 250000, None, 'exact', 'USD', 'fine')],
        id='money-fined-lemma',
    ),
    pytest.param(
        'The agency is fining Velora Chemicals $250,000.',
        [('$250,000', 250000, None, 'exact', 'USD', 'fine')],
        id='money-fining-lemma',
    ),
    # Percentages: the sign belongs to the span, the word does not.
    pytest.param(
        'Unemployment rose to 7.5 percent in May.',
        [('7.5', 7.5, None, 'exact', 'percent', 'rise')],
        id='percent-word',
    ),
    pytest.param(
        'Turnout fell 3 per cent compared with the last election.',
        [('3', 3, None, 'exact', 'percent', 'fall')],
        id='percent-per-cent',
    ),
    pytest.param(
        'Support for the party stands at 42%.',
        [('42%', 42, None, 'exact', 'percent', 'stand')],
        id='percent-sign',
    ),
    pytest.param(
        'Dissolved oxygen levels were roughly 70 percent below normal.',
        [('roughly 70', 70, None, 'approx', 'percent', None)],
        id='percent-copula-no-event',
    ),
    pytest.param(
        "The party's lead shrank by 3.7 percentage points.",
        [('3.7', 3.7, None, 'exact', 'percentage points', 'shrink')],
        id='percentage-points',
    ),
    pytest.param(
        'Support rose to 41\xa0percent in the latest poll.',
        [('41', 41, None, 'exact', 'percent', 'rise')],
        id='non-breaking-space',
    ),
    # Measures and time spans: SI-style units, time units as singular words.
    pytest.param(
        'More than 2,000 dead fish have been collected along a 3-kilometre stretch below the site.',
        [('More than 2,000', 2000, None, 'lower', 'fish', 'find dead'),
         ('3', 3, None, 'exact', 'km', 'stretch')],
        id='measure-dead-fish-and-stretch',
    ),
    pytest.param(
        "The water utility's intake is 40 kilometres to the south.",
        [('40', 40, None, 'exact', 'km', None)],
        id='measure-kilometres-copula',
    ),
    pytest.param('The bridge is 300 metres long.', [('300', 300, None, 'exact', 'm', None)], id='measure-metres'),
    pytest.param(
        'Some of the fish were more than 40 centimetres long.',
        [('more than 40', 40, None, 'lower', 'cm', None)],
        id='measure-centimetres',
    ),
    pytest.param(
        'Customs officers seized 90 kg of cocaine.',
        [('90', 90, None, 'exact', 'kg', 'seize')],
        id='measure-kg',
    ),
    pytest.param(
        'The fire burned about 5,000 hectares of forest.',
        [('about 5,000', 5000, None, 'approx', 'ha', 'burn')],
        id='measure-hectares',
    ),
    pytest.param(
        'Several of those were released within 48 hours.',
        [('48', 48, None, 'exact', 'hour', 'release')],
        id='duration-hours',
    ),
    pytest.param(
        'Irena Szabo has lived on the street for 22 years.',
        [('22', 22, None, 'exact', 'year', 'live')],
        id='duration-years',
    ),
    pytest.param(
        'The strike lasted three weeks.',
        [('three', 3, None, 'exact', 'week', 'last')],
        id='duration-weeks',
    ),
    pytest.param(
        'Workers began a 10-day strike on Monday.',
        [('10', 10, None, 'exact', 'day', 'strike')],
        id='duration-hyphenated-day',
    ),
    pytest.param(
        'The detainees were held for two days after their arrest.',
        [('two', 2, None, 'exact', 'day', 'hold')],
        id='duration-for-before-after',
    ),
    pytest.param(
        'The rescue took half an hour.',
        [('half', 0.5, None, 'exact', 'hour', 'take')],
        id='duration-half-an-hour',
    ),
    pytest.param(
        'Ammonia readings were roughly three times the safe level.',
        [('roughly three', 3, None, 'approx', 'times', None)],
        id='times-multiple',
    ),
    pytest.param(
        'Residents complained at least four times since January.',
        [('at least four', 4, None, 'lower', 'times', 'complain')],
        id='times-frequency',
    ),
    # Events: verbs through raising verbs and containers, event nouns, and "find dead" for the dead.
    pytest.param(
        'More than 2,000 dead fish found on Ressa River',
        [('More than 2,000', 2000, None, 'lower', 'fish', 'find dead')],
        id='event-headline-reduced-relative',
    ),
    pytest.param(
        'Inspectors had counted 2,140 dead fish along the river.',
        [('2,140', 2140, None, 'exact', 'fish', 'find dead')],
        id='event-counted-dead',
    ),
    pytest.param(
        'Twelve bodies were found dead in the house.',
        [('Twelve', 12, None, 'exact', 'bodies', 'find dead')],
        id='event-found-dead',
    ),
    pytest.param(
        'At least 26 people are believed to have been killed.',
        [('At least 26', 26, None, 'lower', 'people', 'kill')],
        id='event-raising-verb',
    ),
    pytest.param(
        'A total of 40 people were arrested.',
        [('40', 40, None, 'exact', 'people', 'arrest')],
        id='event-container-total',
    ),
    pytest.param(
        'The death of around 2,000 fish was caused by a collapse in oxygen.',
        [('around 2,000', 2000, None, 'approx', 'fish', 'death')],
        id='event-noun-death-of',
    ),
    pytest.param(
        'The group said it had evacuated 38 people, including 11 children.',
        [('38', 38, None, 'exact', 'people', 'evacuate'),
         ('11', 11, None, 'exact', 'children', 'evacuate')],
        id='event-including',
    ),
    pytest.param(
        'The plant employs about 400 people.',
        [('about 400', 400, None, 'approx', 'people', 'employ')],
        id='event-employ',
    ),
    pytest.param(
        'It had gathered more than 9,000 signatures by Saturday morning.',
        [('more than 9,000', 9000, None, 'lower', 'signatures', 'gather')],
        id='event-gather',
    ),
    pytest.param(
        'Police said 100 people were hurt, 20 of them seriously.',
        [('100', 100, None, 'exact', 'people', 'hurt'),
         ('20', 20, None, 'exact', None, 'hurt')],
        id='event-appos-count-inherits',
    ),
    pytest.param(
        'Police said at least one person was killed.',
        [('at least one', 1, None, 'lower', 'people', 'kill')],
        id='unit-one-person-plural',
    ),
    pytest.param(
        'One person was killed and another injured.',
        [('One', 1, None, 'exact', 'people', 'kill')],
        id='one-answered-by-another-still-counts',
    ),
    pytest.param(
        'The 12-member panel met 3 times.',
        [('12', 12, None, 'exact', 'members', 'panel'),
         ('3', 3, None, 'exact', 'times', 'meet')],
        id='unit-hyphenated-count-plural',
    ),
    pytest.param(
        'Civic Rights Monitor, one of two groups behind the reports, puts the figure at more than 100.',
        [('two', 2, None, 'exact', 'groups', 'put'),
         ('more than 100', 100, None, 'lower', None, 'put')],
        id='one-of-is-a-pronoun',
    ),
    pytest.param(
        'Only one of the 12 suspects was charged.',
        [('12', 12, None, 'exact', 'suspects', 'charge')],
        id='one-of-the-suspects',
    ),
    # Not quantities: dates, ages, ordinals, names, ids, clock times, scores, pronoun "one".
    pytest.param('The protests began on March 3 after the closure of the steelworks.', [], id='date-month-day'),
    pytest.param('Velora was fined in 2021 for a smaller spill.', [], id='date-year'),
    pytest.param('A 24-year-old welder said he was beaten.', [], id='age-hyphenated'),
    pytest.param('The suspect, aged 45, was arrested on 10 May 2024.', [], id='age-aged-and-date'),
    pytest.param('The man, 45 years old, was released on bail.', [], id='age-years-old'),
    pytest.param('She came second in the first round.', [], id='ordinals'),
    pytest.param('The G7 leaders discussed COVID-19 on Tuesday.', [], id='names-with-digits'),
    pytest.param('Call the hotline on 555-0134 for details.', [], id='phone-number'),
    pytest.param('The case falls under Article 5 of the convention.', [], id='article-number'),
    pytest.param('The meeting starts at 3 pm.', [], id='clock-time'),
    pytest.param('The governor was appointed two years ago.', [], id='relative-time-ago'),
    pytest.param('He spoke two days after Lindmark called for an inquiry.', [], id='relative-time-after'),
    pytest.param('Details are on page 12 of the report.', [], id='page-number'),
    pytest.param('Civic Rights Monitor is one of the largest rights groups.', [], id='pronoun-one'),
    pytest.param('There is not one name of a police officer in them.', [], id='not-one-is-none'),
    pytest.param('It could be a divorce, and one thing leads to another.', [], id='one-thing-leads-to-another'),
    pytest.param('One way or another, the plant will close.', [], id='one-way-or-another'),
    pytest.param('The obelisk was raised in 198 AD.', [], id='year-with-era'),
    pytest.param('He started trading at the age of 9.', [], id='age-of'),
    pytest.param('He posted it weeks before his death at 58.', [], id='age-at-death'),
    pytest.param('She died at 82 in her home.', [], id='age-died-at'),
    pytest.param('6. Shakira is not dead.', [], id='list-number'),
    pytest.param('The home side won 3-1 on Saturday.', [], id='score'),
    pytest.param('The 1990s were a decade of growth.', [], id='decade'),
    pytest.param('He flew a Boeing 737 for the airline.', [], id='product-name'),
    pytest.param('The plant, which opened in 1987, was sold on May 10, 2021.', [], id='year-and-full-date'),
    pytest.param('Unemployment rose in the third quarter.', [], id='ordinal-third-quarter'),
    pytest.param('The figures were published on 2026-05-16.', [], id='iso-date'),
    pytest.param('The committee voted 5 to 4 against the plan.', [], id='score-with-to'),
    pytest.param('Tomasz Brenner, 58, said the river had never been so low.', [], id='age-in-apposition'),
    pytest.param(
        'The poll was conducted from Sept. 19 to 22 among registered voters.', [], id='date-abbreviated-month'
    ),
    pytest.param('The bank fired staff from 2011 to 2016 for opening fake accounts.', [], id='year-range'),
    pytest.param("Prices soared during the 80's and 90’s.", [], id='decade-apostrophe'),
    pytest.param('The newlyweds stopped to high-five passersby.', [], id='compound-word'),
    pytest.param('The explosion went off in front of 131 West 23rd Street.', [], id='address'),
    pytest.param('Downing Street said No. 10 would respond in writing.', [], id='label-no-dot'),
    pytest.param(
        'Police arrested 12 people at 3 locations.',
        [('12', 12, None, 'exact', 'people', 'arrest'), ('3', 3, None, 'exact', 'locations', 'arrest')],
        id='count-after-at-is-no-age',
    ),
    # Counts next to dates keep the count and drop the date.
    pytest.param(
        'Police arrested 12 people on 10 May 2024.',
        [('12', 12, None, 'exact', 'people', 'arrest')],
        id='count-next-to-date',
    ),
    pytest.param(
        'About 60 people have been detained since March 3.',
        [('About 60', 60, None, 'approx', 'people', 'detain')],
        id='count-before-month-day',
    ),
]


@pytest.mark.parametrize("sentence, expected", CASES)
def test_extract_quantities(nlp, sentence: str, expected: list[tuple]) -> None:
    doc = nlp(sentence)
    quantities = extract_quantities(doc)
    found = [(q.text, q.value, q.value_max, q.bound, q.unit, q.event) for q in quantities]
    assert found == expected
    for quantity in quantities:
        assert quantity.text == doc.text[quantity.start:quantity.end]


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 80
    assert len({case.id for case in CASES}) == len(CASES)


def test_ids_follow_text_order_across_paragraphs(nlp) -> None:
    text = (
        "Dead fish carpet Ressa River\n\n"
        "More than 2,000 dead fish have been pulled from the river, officials said on May 13.\n\n"
        "Fishermen said they had counted roughly 1,800 fish by late afternoon."
    )
    doc = nlp(text)
    quantities = extract_quantities(doc)
    assert [(q.id, q.text) for q in quantities] == [("q1", "More than 2,000"), ("q2", "roughly 1,800")]
    assert all(q.text == text[q.start:q.end] for q in quantities)
    assert quantities[0].start == text.index("More than 2,000")


def test_to_dict_prints_counts_as_integers(nlp) -> None:
    quantity = extract_quantities(nlp("More than 100 people have been detained since March."))[0]
    assert quantity.to_dict() == {
        "id": "q1", "text": "More than 100", "value": 100, "value_max": None, "bound": "lower",
        "unit": "people", "event": "detain", "start": 0, "end": 13,
    }


def test_empty_document(nlp) -> None:
    assert extract_quantities(nlp("")) == []


# --- the disagreement rule -----------------------------------------------------------------------


def figure(value: float, bound: str, value_max: float | None = None) -> Quantity:
    return Quantity(id="q", text=str(value), start=0, end=0, value=value, bound=bound, value_max=value_max)


@pytest.mark.parametrize(
    "quantity, interval",
    [
        pytest.param(figure(2140, "exact"), (2140, 2140), id="exact"),
        pytest.param(figure(2000, "lower"), (2000, math.inf), id="lower"),
        pytest.param(figure(20, "upper"), (-math.inf, 20), id="upper"),
        pytest.param(figure(1800, "approx"), (1620, 1980), id="approx"),
        pytest.param(figure(30, "range", 50), (30, 50), id="range"),
        pytest.param(figure(-10, "approx"), (-11, -9), id="approx-negative-keeps-order"),
    ],
)
def test_quantity_interval(quantity: Quantity, interval: tuple[float, float]) -> None:
    assert quantity_interval(quantity) == pytest.approx(interval)


@pytest.mark.parametrize(
    "a, b, disagree",
    [
        pytest.param(figure(2000, "lower"), figure(1800, "approx"), True, id="spec-more-than-2000-vs-roughly-1800"),
        pytest.param(figure(2000, "approx"), figure(1800, "approx"), False, id="spec-around-2000-vs-roughly-1800"),
        pytest.param(figure(2140, "exact"), figure(2000, "lower"), False, id="exact-inside-lower"),
        pytest.param(figure(2140, "exact"), figure(1800, "approx"), True, id="exact-outside-approx"),
        pytest.param(figure(100, "lower"), figure(40, "lower"), False, id="two-lower-bounds-always-overlap"),
        pytest.param(figure(60, "approx"), figure(100, "lower"), True, id="about-60-vs-more-than-100"),
        pytest.param(figure(20, "upper"), figure(26, "lower"), True, id="up-to-20-vs-at-least-26"),
        pytest.param(figure(30, "range", 50), figure(38, "exact"), False, id="exact-inside-range"),
        pytest.param(figure(30, "range", 50), figure(60, "approx"), True, id="approx-above-range"),
        pytest.param(figure(100, "exact"), figure(100, "lower"), False, id="touching-ends-overlap"),
        pytest.param(figure(100, "exact"), figure(100, "exact"), False, id="same-exact"),
        pytest.param(figure(100, "exact"), figure(101, "exact"), True, id="different-exact"),
    ],
)
def test_intervals_disagree(a: Quantity, b: Quantity, disagree: bool) -> None:
    assert intervals_disagree(a, b) is disagree
    assert intervals_disagree(b, a) is disagree


def test_example_figures_disagree_as_the_spec_says(nlp) -> None:
    wire = extract_quantities(nlp("More than 2,000 dead fish have been pulled from the Ressa River."))[0]
    sentinel = extract_quantities(nlp("Fishermen said they had counted roughly 1,800 fish along the banks."))[0]
    observer = extract_quantities(nlp("The death of around 2,000 fish was caused by a collapse in oxygen."))[0]
    assert (wire.bound, sentinel.bound, observer.bound) == ("lower", "approx", "approx")
    assert intervals_disagree(wire, sentinel)
    assert not intervals_disagree(observer, sentinel)
