"""One figure to a :class:`~factcheck.models.QuantityClaim`: its counted noun, measure, scope, whole
and aggregate, with the figure before it in the sentence ("14 LLMs ..., over 40") and the last figure with a
noun ("Fourteen of them") to fall back on, then its subject and its time.
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_left
from collections.abc import Sequence

from factcheck.claims._text import _ENTITY_REACH, sentence_words
from factcheck.claims.measure import (
    _CONTINUATION_CUE,
    _GENERIC_COUNTED,
    _TIME_NOUNS,
    _aggregate,
    is_money,
    _counted_after,
    _counted_before,
    _measure,
    _not_counted,
    _scope,
    _singular,
)
from factcheck.claims.state import _country_of, _is_person
from factcheck.claims.subject import (
    _covered_company,
    _entity_after,
    _market_opening,
    _named_in_clause,
    _national,
    _story_subject,
    _subject,
)
from factcheck.claims.timing import _figure_time
from factcheck.lexicon import LEXICON, phrase_regex
from factcheck.mentions.entities import Gazetteer
from factcheck.mentions.numbers import yen_or_yuan
from factcheck.models import NumberMention, QuantityClaim


_OF_WHICH: Final = re.compile(r"^\s*of\s+(?:which|whom|them)\s+(?:(?:are|were|is|was)\s+)?", re.IGNORECASE)
# "some 85,000 are enterprise clients": the figure is the subject of a copula naming what it counts.
_COPULA: Final = re.compile(r"^\s+(?:are|were|is|was)\s+", re.IGNORECASE)
# "twice as many queries as": the counted noun follows "as many"/"as much".
_AS_MANY: Final = re.compile(r"^\s+as\s+(?:many|much)\s+", re.IGNORECASE)
# "Fourteen were approved": a figure standing as the subject with no noun of its own.
_ELIDED_VERB: Final = re.compile(r"^\s+(?:(?:have|has|had)\s+(?:already\s+)?been|are|were|was|is|will\s+be)\s", re.IGNORECASE)
# Counted "nouns" that point back to an earlier figure's noun ("14 of them").
_PRONOUNS: Final = frozenset({"them", "these", "those", "which", "whom"})
# First words of a comparative after a relative figure ("50% more efficient", "30% cheaper").
_COMPARATIVES: Final = frozenset({"more", "less", "fewer", "as"})
# A share or multiple then "more/less than": the figure is the change from what follows ("12.5% more than in
# 2025"), not a level; "less" and its kin name a decline.
_CHANGE_THAN: Final = re.compile(r"""\s+(?:(?P<less>less|fewer|lower|smaller|cheaper)|more|higher|greater|bigger|larger)
                              \s+than\b""", re.IGNORECASE | re.VERBOSE)
_BARE_MORE: Final = frozenset({"more", "fewer", "others", "extra", "additional"})
_RELATIVE_TIME: Final = frozenset({"next", "last", "this"})  # "1,500 more next year": still a bare "more"
# Money quoted by the week or the hour right after the figure ("£300,000 a week", "$15 an hour").
_PAY_PERIOD: Final = re.compile(r"\s+(?:a|an|per)\s+(?:week|hour)\b", re.IGNORECASE)
# A money figure for one of something: a month of a plan, a share, a unit, ticket, night or seat (not "a year":
# "costing it $25 million a year" is a running cost; not "a pound" of output: "cash costs of $2.31 a pound").
_PRICE_PER: Final = re.compile(r"\s+(?:a|an|per|each)\s+(?:month|share|unit|ticket|night|seat|item|head|person)s?\b",
                        re.IGNORECASE)
# Money for a unit of a commodity, where nothing else names the measure (a cost named before it stays a cost:
# "cash costs of $40 a barrel").
_COMMODITY_PER: Final = re.compile(
    r"\s+(?:a|an|per)\s+(?:barrel|(?:troy\s+)?ounce|tonne|(?:metric\s+)?ton|litre|liter|gallon|kilogram|kilo|kg|"
    r"bushel|pound|lb|mmbtu|megawatt[\s-]hour|mwh|kwh)s?\b", re.IGNORECASE)
_CASUALTY_VERBS: Final[dict[str, str]] = LEXICON.measures["casualty_verbs"]
# Right after the counted people: the verb that says they died or were hurt ("people have died", "were killed").
_CASUALTY_AFTER: Final = re.compile(r"\s+(" + phrase_regex(list(_CASUALTY_VERBS)).pattern + r")", re.IGNORECASE)
# Money for each share ("$4.37 a share", "38 cents per share"): an earnings, dividend or price figure per share.
# A figure set against another's: "40 farms, compared with 25 at Kestrel Foods", "against 17% for Tesla".
_COMPARED_BEFORE: Final = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+$", re.IGNORECASE)
_PER_SHARE: Final = re.compile(r"\s+(?:a|per|each)\s+share\b", re.IGNORECASE)
# (A soft line wrap inside the whole is a space: "about 43% of all installed power\ncapacity".)
_WHOLE: Final = re.compile(r"^\s*(?:of|share\s+of)\s+((?:the\s+)?[\w’' \n-]{2,60}?)(?=[,.;:()]|\s+(?:and|in|on|at|by|with|while|"
                    r"for|from|to|over|against|since|during|because|who|which|that|are|is|were|was)\b|$)",
                    re.IGNORECASE)


def _quantity_claim(doc, sent, mention: NumberMention, entities, attribution_spans, times, back_ref, state,
                    previous: QuantityClaim | None, common, gaz: Gazetteer,
                    entity_ends: Sequence[int], time_ends: Sequence[int]) -> QuantityClaim:
    text, base = sent.text, sent.span.start
    start, end = mention.span.start - base, mention.span.end - base
    sentence_words(text)  # found once per sentence, before any reader below asks (see _text.SentenceWords)
    # Names far from the figure in a very long sentence do not bear on it (and keep the work per figure bounded).
    sentence_entities = entities
    lo = bisect_left(entity_ends, mention.span.start - _ENTITY_REACH)
    entities = [e for e in entities[lo : lo + 200] if e.span.start <= mention.span.end + _ENTITY_REACH]
    q = mention.quantity
    if q.unit == "CNY" and ("¥" in mention.text or "￥" in mention.text) and yen_or_yuan(doc.prose) == "JPY":
        # "¥" is yen as well as yuan: the scanner reads yuan, the document says which (see numbers.toml)
        q = q.model_copy(update={"unit": "JPY"})
        mention = mention.model_copy(update={"quantity": q})
    # What is read before and after the figure (noun phrases, cues, its clause) lies near it: slices of
    # bounded length keep the work per figure bounded on a run-on sentence.
    after = text[end : end + _FIGURE_REACH]
    before = text[max(0, start - _FIGURE_REACH) : start]

    relative = q.unit in ("percent", "percentage_points", "times")
    # After a percentage "of" opens the whole ("40 per cent of all models"), never the counted noun.
    counted, counted_end = _counted_after(after, end, skip_of=not relative)
    as_many = _AS_MANY.match(after)
    if as_many:  # "twice as many queries as ...": the comparison counts queries
        counted, counted_end = _counted_after(after[as_many.end():], end + as_many.end())
    # "9.8% more than in the same period", "about a fifth less than in 2019": the figure is a change
    change_than = _CHANGE_THAN.match(after) if relative else None
    change_noun = None if change_than is None else "decline" if change_than.group("less") else "growth"
    if relative and counted:
        first = counted.split()[0].lower()
        change = LEXICON.measure_of(counted)
        if first in _COMPARATIVES and change is None:
            counted = None  # "is 50% more efficient": a comparative adjective, not a counted noun
        elif change in ("growth", "decline") and len(counted.split()) <= 2:
            counted, change_noun = None, change  # "a 7× increase": the noun names the measure; nothing is counted
    of_which = _OF_WHICH.match(after) or _COPULA.match(after)
    if of_which:
        part, part_end = _counted_after(after[of_which.end():], end + of_which.end())
        # "85,000 of which are enterprise clients" names the part; "14 of them were cleared" does not.
        if part and (LEXICON.measure_of(part) or (of_which.re is _OF_WHICH and not LEXICON.scope_of(part.split()[0]))):
            counted, counted_end = part, part_end
        else:
            of_which = None
    per_share = is_money(q.unit) and _PER_SHARE.match(text, end) is not None
    if per_share:
        counted = None  # "$4.37 a share", "38 cents a share": money for each share; the cue before names it
    said_after = _SAID_AFTER.match(text, counted_end)
    if counted is not None and (_not_counted(counted) or (
            said_after is not None and LEXICON.speech_regex.match(text, said_after.end()))):
        counted = None  # "7% a year earlier", "30% next year", "the $8.6bn analysts had expected"
    if counted is None:
        counted = _counted_before(before)
    elliptic = counted is None and previous is not None and previous.quantity.unit == q.unit
    if (q.unit == "times" and previous is not None and previous.counted and previous.quantity.unit is None
            and (counted is None or _singular(counted.split()[-1]) in _GENERIC_COUNTED)):
        # "25 million handsets, twice its total", "1.13 million vehicles, three times as many as ...": a
        # multiple of the figure before counts what it counted
        counted, elliptic = previous.counted, True
    if elliptic:
        counted = previous.counted  # "14 LLMs ..., over 40" -- the second figure counts the same thing
    # "Fourteen of them", "Fourteen were approved": the figure counts what the last figure counted, in this
    # sentence or the one before.
    antecedent = previous or state.last_counted.get(q.unit)
    # "has 94 more on order", "to hire 1,500 more": a bare "more" counts what the last figure counted
    bare_more = (counted is not None and not relative and counted.split()[0].lower() in _BARE_MORE
                 and all(w in _TIME_NOUNS or w in _RELATIVE_TIME for w in counted.lower().split()[1:]))
    if bare_more and previous is not None and previous.counted and previous.quantity.unit == q.unit:
        counted, elliptic = previous.counted, True
        bare_more = False
    refers_back = (counted is not None and counted.lower() in _PRONOUNS) or bare_more or (
        counted is None and not relative and _ELIDED_VERB.match(after) is not None)
    carried = False  # the noun comes from the sentence before: its scope and whole need not carry
    if refers_back and antecedent is not None and antecedent.quantity.unit == q.unit and antecedent.counted:
        counted, elliptic, carried = antecedent.counted, True, antecedent is not previous
        previous = antecedent

    whole = None
    if q.unit in ("percent", "percentage_points"):
        m = _WHOLE.match(after)
        if m:
            whole = " ".join(m.group(1).split())

    measure = change_noun or _measure(q.unit, counted, whole, before)
    if measure == "person" and q.unit is None:
        casualty = _CASUALTY_AFTER.match(text, counted_end)
        if casualty is not None:  # "at least 37 people have died": a count of deaths
            measure = _CASUALTY_VERBS[" ".join(casualty.group(1).lower().split())]
    if (measure in (None, "valuation", "cost") and q.unit and len(q.unit) == 3 and q.unit.isupper()
            and _PAY_PERIOD.match(text, end)):
        measure = "wage"  # "a contract worth £300,000 a week": money by the week or hour is pay
    elif measure == "cost" and is_money(q.unit) and _PRICE_PER.match(text, end):
        measure = "price"  # "a plan that costs $7.99 a month", "₹412 to ₹434 a share": what one of a thing costs
    elif measure is None and is_money(q.unit) and _COMMODITY_PER.match(text, end):
        measure = "price"  # "Brent rose to $87.90 a barrel", "gold at $1,858 an ounce": a commodity's price
    scope = _scope(text, start, end, counted)
    if elliptic:  # "Ernie Bot held 45 per cent of the market, Doubao 30 per cent"
        # ... unless a cue between the two figures names another measure ("$2 per hour ... the training
        # cost at $5.576 million").
        between = text[max(0, previous.span.end - base) : start] if previous.sentence_span == sent.span else ""
        own = _measure(q.unit, None, whole, between) if between else None
        measure = own or previous.measure or measure
    if elliptic and not carried:
        whole = whole or previous.whole
        scope = previous.scope or scope  # "Approves 14 LLMs for public release, over 40": same scope
    aggregate = _aggregate(text, start, end, counted)
    cont = _CONTINUATION_CUE.search(text, max(0, start - 200), min(len(text), end + 200))
    if cont and cont.start() >= end:
        aggregate = "increment"  # "approved 14 models, bringing the total to 40": the 14 is the batch
    elif cont and measure:
        earlier = previous if previous is not None and previous.measure == measure else state.last_by_measure.get(measure)
        if earlier is not None and earlier.scope:
            scope = earlier.scope  # "This brings the total to 40": a total of what the last figure counted
        aggregate = "total"
    # (money per share is the company's: its earnings, dividend or price, not a rate of a unit about no one)
    # (nor is an amount by the day, month or year: "31.4 transits a day", "costing it $25 million a year" are
    # flows of what the text is about; "$2 per GPU hour" prices one unit of something, and "rise 16% a year"
    # is a pace of change that may be anyone's)
    rate = _RATE.match(text, end) is not None and not per_share and (relative or _FLOW.match(text, end) is None)
    subject = _subject(text, base, start, entities, attribution_spans, state, sentence_entities, rate=rate)
    if subject is None and counted:  # "70 Chinese models": the origin adjective names the place
        place = next((LEXICON.claims["demonyms"][w] for w in counted.split() if w in LEXICON.claims["demonyms"]), None)
        if place is not None:
            subject = gaz.resolve(place)
    follower = _entity_after(text, base, counted_end, entities)
    # A share with no noun of its own, then "for X", is X's share ("against 50% for the United States"); a
    # money figure is not ("paid $2 billion for Sohu").
    bare = q.unit in ("percent", "percentage_points") and counted_end == end
    compared = _COMPARED_BEFORE.search(text, max(0, start - 16), start) is not None
    if follower is not None and (subject is None or subject is state.topic or bare or compared or
                                 any(s.contains(subject.span) for s in attribution_spans if subject.span)):
        subject = follower  # "claims 200 million users for Ernie chatbot", "against 50% for the United States"
    if (of_which or (elliptic and subject is None)) and previous is not None and previous.subject is not None:
        subject = previous.subject
    if subject is None and not rate:
        if previous is not None and previous.sentence_span == sent.span:
            # A figure after another in its sentence that names nothing new is about the same thing ("revenue
            # of NT$592bn, up 16.5%"; "shipments of 1.2 billion, an increase of 3%" about no one).
            subject = previous.subject
        else:
            subject = _story_subject(text, measure, whole, state)
    elif subject is not None and state.main_org is not None and subject.id != state.main_org.id:
        subject = _covered_company(text, base, start, subject, entities, state)
    if _national(text, start, measure) and (subject is None or subject.type != "place") and (
            (subject is not None and (_is_person(subject) or subject.type == "body" and _country_of(subject, gaz)))
            or not _named_in_clause(text, base, start, subject, entities, attribution_spans)):
        # (a national body or a person named in the clause still forecasts its country's figure: "The Office
        # for Budget Responsibility expects the population to pass 70 million", "Salcedo promised 3% growth")
        # "The Bank expects inflation to rise to 2.75%": a figure of the economy is the country's, not that
        # of the institution that forecasts or reports it (unless the clause names it: "Acme's wage bill").
        # With no place named in the story, an unlisted main name may be the place ("Eastport's council").
        unlisted = state.main_org if state.main_org is not None and state.main_org.type is None else None
        subject = (subject and _country_of(subject, gaz)) or state.main_place or subject or unlisted
    market, commodity = _market_opening(text, base, start, entities)
    if market and (commodity is not None or subject is None or subject.type != "place"):
        # "Gold slipped 0.3%", "Brent crude added 62 cents": the commodity's, not the company the story carries
        # or an exchange ("on the LME"); a place stays ("Gold prices in India", a national price statistic)
        subject = commodity
    time = _figure_time(doc, text, base, mention, times, back_ref, state,
                        change=measure in ("growth", "decline") or q.unit == "times", time_ends=time_ends)
    # Every part is an already-validated record or a plain value: trusted construction skips re-validation.
    return QuantityClaim.trusted(
        **common,
        span=mention.span,
        text=mention.text,
        subject=subject,
        measure=measure,
        # money and power are amounts, never counts: "$3.2bn battery plant" counts no plants, "$85 a barrel"
        # no barrels, "473 GW of renewable power" no power (the noun still named the measure above)
        counted=None if is_money(q.unit) or LEXICON.unit_measure(q.unit) else counted,
        scope=scope,
        quantity=q,
        also=(mention.linked.quantity,) if mention.linked else (),
        whole=whole,
        cumulative=measure in LEXICON.cumulative if measure else False,
        aggregate=aggregate,
        time=time,
    )


# "the $2,300 economists had forecast": a speaker and a verb of saying after the noun.
_SAID_AFTER: Final = re.compile(r"\s+(?:(?:had|have|has|were|was|are|is)\s+)?")
# "$2 per GPU hour", "$20 a month": a price or rate of one unit.
_RATE: Final = re.compile(r"\s+(?:per|an?)\s+(?:[\w-]+\s+)?(?:hour|day|week|month|year|unit|token|share|head|user|"
                   r"person|gpu|query|call|request|piece|kilogram|kg|tonne|litre|barrel)s?\b|\s*/\s*[a-z]", re.IGNORECASE)
# A figure by a bare period of time ("a day", "per year"), no unit between: a flow, not the price of a unit.
_FLOW: Final = re.compile(r"\s+(?:per|an?)\s+(?:hour|day|week|month|year)\b", re.IGNORECASE)
_FIGURE_REACH: Final = 1000  # characters either side of a figure that its noun phrase and cues are read from
