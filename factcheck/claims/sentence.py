"""One sentence to its claims: for each sentence the recognisers give numbers, times and entities;
this drives the figure, role, event, funding-round and membership readers over them and carries the topic
and the time forward to the next sentence.
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_left
from collections.abc import Sequence

from factcheck.claims.attribution import _attribution, _may_attribute
from factcheck.claims.named import _event_claims, _membership_claims, _role_claims
from factcheck.claims.quantity import _quantity_claim
from factcheck.claims.state import (
    _State,
    _new_paragraph,
    _opening_common_word,
    _org_like,
    _org_of,
    _remember,
    _same_name_as_before,
    _weigh,
)
from factcheck.claims.timing import (
    _completed_period_reported,
    _in_citation,
    _is_reporting_period,
    _news_day,
    _resolve_period_references,
    _sentence_time,
)
from factcheck.lexicon import LEXICON
from factcheck.mentions.dates import find_times
from factcheck.mentions.entities import _OPENERS_ONLY, Gazetteer
from factcheck.mentions.numbers import find_numbers
from factcheck.models import Claim, Document, EntityRef, NumberMention, QuantityClaim, Sentence, Span, TimeMention
from factcheck.rounds import mentions_round, round_claims


# A sentence that refers back to the time of the text before it.
_BACK_REFERENCE: Final = re.compile(
    r"^\W*(?:at\s+that\s+time|at\s+the\s+time|by\s+then|then|that\s+year|the\s+same\s+year|that\s+month|"
    r"in\s+that\s+year|at\s+that\s+point|back\s+then)\b",
    re.IGNORECASE,
)


def _sentence_claims(doc: Document, sent: Sentence, gaz: Gazetteer, state: _State) -> list[Claim]:
    text = sent.text
    base = sent.span.start
    times = [t for t in find_times(text, doc.published, offset=base, fiscal_start=state.fiscal_start) if not _in_citation(text, t.span.start - base)]
    time_starts = [t.span.start for t in times]
    numbers = [n for n in find_numbers(text, offset=base) if not _overlaps_any(n.span, times, time_starts)]
    entities = _same_name_as_before(gaz.find(text, offset=base, common_words=state.common_words), state)
    if not sent.heading and entities:  # "Trustees approved ...": a common word opening the sentence, not a name
        opening_run = _OPENERS_ONLY.match(text).end()  # once per sentence: no name's test scans the text before it
        entities = [e for e in entities if not _opening_common_word(text, base, e, state, opening_run)]
    if sent.heading:  # Title Case makes every word look like a name: trust listed names there, and names
        # the body repeats as written ("Atlantica Airways flies a record ...")
        entities, numbers = _headline_names(doc, sent, entities, numbers, gaz)
    back_ref = bool(_BACK_REFERENCE.match(text))
    paragraphs_before = state.paragraphs
    _new_paragraph(doc, sent, state)
    opened: bool = state.paragraphs != paragraphs_before  # the sentence opens a body paragraph
    _weigh(entities, sent.heading or state.paragraphs <= 1, state, gaz, text, base)
    times = _resolve_period_references(text, base, times, state)
    resolved_times = [t for t in times if t.time.resolved and (t.time.start or t.time.end)]
    # Most sentences hold no cue of a kind: a set test on their words skips those regexes.
    low = text.lower()
    plain = low.replace("’", "'")
    tokens = _WORDS.findall(plain)
    # (a cue word may carry a possessive: "the chief executive's pay" still holds "chief executive")
    words = frozenset([*tokens, *(w[:-2] for w in tokens if w.endswith("'s"))] if "'s" in plain else tokens)
    if _may_attribute(words, low):
        attribution, attribution_spans = _attribution(text, base, entities, state)
    else:
        attribution, attribution_spans = None, []
    roles, events = LEXICON.may_hold("roles", words), LEXICON.may_hold("events", words)
    rounds_cue, members = mentions_round(words), LEXICON.may_hold("membership", words)
    out: list[Claim] = []
    if numbers or roles or events or rounds_cue or members:  # most sentences make no claim: skip the set-up
        out = _claims_of(doc, sent, gaz, state, numbers, times=resolved_times, entities=entities, back_ref=back_ref,
                         attribution=attribution, attribution_spans=attribution_spans, roles=roles, events=events,
                         rounds=rounds_cue, members=members)
    else:
        _remember(entities, attribution, state)
    # Carry the topic and the time forward.
    for c in out:
        if isinstance(c, QuantityClaim):
            if c.measure:
                state.last_by_measure[c.measure] = c
            if c.counted:
                state.last_counted[c.quantity.unit] = c
    first_quantity = next((c for c in out if isinstance(c, QuantityClaim) and c.subject), None) if out else None
    if first_quantity is not None:
        state.topic = first_quantity.subject
    elif entities:
        lead = [e for e in entities if (e.type in ("place", "org", "product") or _org_like(e)) and e.span
                and e.span.start - base < 25]
        if lead:
            state.topic = lead[0]
    period = None
    if resolved_times:
        state.last_time = resolved_times[-1].time
        period = next((t.time for t in resolved_times if _is_reporting_period(t.time)), None)
    if period is None and state.paragraphs <= 1 and not sent.heading and state.lead_period is None:
        period = _completed_period_reported(out, doc.published)
    if state.paragraphs <= 1 and not sent.heading and state.lead_day is None:
        state.lead_day = _news_day(resolved_times, doc.published, text, base)
    if period is not None and not sent.heading:
        if state.paragraphs <= 1:
            state.lead_period = period
        state.paragraph_period = period
    if state.topic is not None and state.topic is not state.topic_org_of:
        # (the same topic as before gives the same organisation: only this line sets either)
        state.topic_org = _org_of(state.topic, gaz) or state.topic_org
        state.topic_org_of = state.topic
    about = [c.subject for c in out if isinstance(c, QuantityClaim) and c.subject is not None] if out else None
    # A paragraph's opening sentence that names nothing and has no figure ("Queues are growing.") leaves the
    # story's organisation in play for the figures after it; a sentence like it inside a paragraph ends the topic.
    if (about or numbers or entities or sent.heading or not opened or state.continued is None
            or state.continued.type == "place"):
        state.continued = about[-1] if about and not sent.heading else None
    return out


def _claims_of(doc: Document, sent: Sentence, gaz: Gazetteer, state: _State, numbers: list[NumberMention], *,
               times: list[TimeMention], entities: list[EntityRef], back_ref: bool, attribution: str | None,
               attribution_spans: list[Span], roles: bool, events: bool, rounds: bool, members: bool) -> list[Claim]:
    """The claims of a sentence that has figures or a cue of a named claim: figures first, then roles, events,
    funding rounds and memberships (the sentence's names are remembered before memberships, which may
    point back to "these" members)."""
    text, base = sent.text, sent.span.start
    common = dict(
        doc_id=doc.id, path=doc.path, source=doc.source, published=doc.published,
        sentence=text, sentence_span=sent.span, sentence_index=sent.index, heading=sent.heading,
        attribution=attribution,
    )
    out: list[Claim] = []
    previous: QuantityClaim | None = None
    entity_ends = [e.span.end for e in entities]
    time_ends = [t.span.end for t in times]
    for mention in numbers:
        claim = _quantity_claim(doc, sent, mention, entities, attribution_spans, times, back_ref, state,
                                previous, common, gaz, entity_ends, time_ends)
        out.append(claim)
        previous = claim
    # (the time of the sentence's roles, rounds and memberships: most sentences with figures have none)
    sentence_time = _sentence_time(doc, times, back_ref, state, anchor=None) if roles or rounds or members else None
    if roles:
        out.extend(_role_claims(text, base, entities, sentence_time, state, common))
    if events:
        out.extend(_event_claims(text, base, entities, times, back_ref, state, common))
    if rounds:  # "a Series B led by A and B": who led which round
        figures = [c for c in out if isinstance(c, QuantityClaim)]
        found = round_claims(text, base, entities, figures, state.round_company or state.topic_org, common,
                             sentence_time)
        if found:
            state.round_company = found[-1].company
        out.extend(found)
    _remember(entities, attribution, state)
    if members:
        out.extend(_membership_claims(text, base, entities, sentence_time, state, common))
    return out


_WORDS: Final = re.compile(r"[a-z0-9][a-z0-9'-]*")
_HEADLINE_REACH: Final = 2000  # headings this far into the prose are checked against the body (bounded work)
# A number right after a headline name ("Skyreach 2 sells 6 million copies").
_HEADLINE_NUMBER: Final = re.compile(r" [0-9]{1,4}(?:\.[0-9]{1,2})?(?![\w%])")


def _headline_names(doc: Document, sent: Sentence, entities: list[EntityRef], numbers: list[NumberMention],
                    gaz: Gazetteer) -> tuple[list[EntityRef], list[NumberMention]]:
    """The names of a heading worth keeping: listed ones, and near the top unlisted ones the body writes the
    same way (Title Case makes "Flies Record" look like a name; "Atlantica Airways" is one when the body says
    it). A headline name with a number the body writes as one name ("Skyreach 2") takes the number along."""
    if sent.span.start > _HEADLINE_REACH:
        return [e for e in entities if e.method != "unresolved"], numbers
    prose, text, base = doc.prose, sent.text, sent.span.start
    body = (prose[: sent.span.start], prose[sent.span.end :])

    def in_body(name: str) -> bool:
        pattern = re.compile(r"(?<![\w’'-])" + re.escape(name) + r"(?![\w’'-]|[ ][0-9A-Z])" if not name[-1].isdigit()
                             else r"(?<![\w’'-])" + re.escape(name) + r"(?![\w’'%-])")
        return any(pattern.search(part) for part in body)

    kept: list[EntityRef] = []
    for e in entities:
        if e.method != "unresolved":
            kept.append(e)
            continue
        number = _HEADLINE_NUMBER.match(text, e.span.end - base)
        if number is not None and in_body(e.name + number.group()):
            e = gaz.resolve(e.name + number.group(), Span.trusted(start=e.span.start, end=base + number.end()))
            numbers = [n for n in numbers if not (e.span.start <= n.span.start < e.span.end)]
            kept.append(e)
        elif in_body(e.name):
            kept.append(e)
    return kept, numbers


def _overlaps_any(span: Span, times: Sequence[TimeMention], starts: Sequence[int]) -> bool:
    """Whether ``span`` overlaps a time; ``times`` are sorted by start (``starts``), so only the few
    starting just before its end need a look."""
    i = bisect_left(starts, span.end)
    return any(t.span.start < span.end and span.start < t.span.end for t in times[max(0, i - 3) : i])
