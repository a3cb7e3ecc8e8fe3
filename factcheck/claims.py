"""From a document to claim records: every figure with what it is about.

For each sentence the recognisers give numbers, times and entities; this
stage decides, with word lists from :mod:`factcheck.lexicon`:

* **counted** -- the noun phrase after the figure ("70 LLMs"), or before it
  ("the total number of LLMs ... to 40"), or after "of which are";
* **measure** -- the canonical key of what is measured (``llms``, ``users``,
  ``valuation``), from the counted noun or a cue before a money figure;
* **scope** -- the nearest word that changes what is counted (approved,
  released, registered, ...), in the figure's clause;
* **subject** -- the nearest entity before the figure in its clause (names
  used as modifiers, "ChatGPT-like", are not candidates), else "in <place>"
  after it, else the document's current topic;
* **time** -- the nearest time expression in the sentence; a back-reference
  ("At that time") takes the last time of the text before; otherwise the
  publication date, marked ``as_of_publication``;
* **attribution** -- "according to X", "X said", "said X", "as reported by X".

Named claims (roles, events, membership) are read from the same sentences.

>>> from factcheck.documents import load_document
>>> doc = load_document(None, text="Ernie Bot has over 100 million users, Baidu said.", published="2023-12-20")
>>> [c] = extract_claims(doc)
>>> c.subject.name, c.measure, c.quantity.bound.value, c.quantity.low, c.attribution
('Ernie Bot', 'users', 'more_than', Decimal('100000000'), 'Baidu')
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from factcheck._data import load_toml
from factcheck.lexicon import LEXICON, phrase_regex
from factcheck.mentions.dates import MONTHS, WEEKDAYS, find_times, fiscal_year_start
from factcheck.mentions.entities import Gazetteer, fold
from factcheck.mentions.numbers import find_numbers
from factcheck.models import (
    Claim,
    Document,
    EntityRef,
    EventClaim,
    Granularity,
    MembershipClaim,
    NumberMention,
    QuantityClaim,
    RoleClaim,
    Sentence,
    Span,
    TimeMention,
    TimeScope,
)
from factcheck.rounds import mentions_round, round_claims
from factcheck.segment import split_sentences

# Words that end a counted noun phrase: prepositions, verbs, conjunctions.
_NP_STOP = frozenset(
    """of in on at for from to by with that which who whom whose and or but than as is are was were be been being
    have has had will would can could may might should must do does did said says say told its their his her
    this these those it they he she we while when where after before since until per each every across between
    into onto over under about around against during through via among including like such not also
    so if because whereas earlier later ago previously respectively annually year-on-year without out off
    rather""".split()
)
# Determiners and fillers skipped at the start of a noun phrase.
_NP_SKIP = frozenset("a an the its their his her our some of".split())
_WORD = re.compile(r"[A-Za-z][\w’'-]*|[\u4e00-\u9fff]+")
# Every word that opens a listed measure phrase ("generating" in "generating capacity").
_MEASURE_FIRST_WORDS = frozenset(n.split()[0] for n in LEXICON.measure_nouns)
# Number words ("five of the nine members": the phrase counted is "members", the "nine" is a figure of its own).
_COUNT_WORDS = frozenset(w for part in ("units", "tens") for w in load_toml("numbers.toml")["words"][part])
# Words that, after an "-ed" word, show it is a verb with an object ("the other four wanted a larger cut").
_VERB_OBJECT_START = frozenset("a an the to that it them its their his her".split())
# Clause boundaries for subject search: semicolons, colons, dashes, "that" after a verb of saying.
# (One word boundary before all the words: the engine then tests the words only at word starts.)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—-]\s|\b(?:that|which include|while|whereas|but|of\s+(?:which|whom))\b",
                           re.IGNORECASE)
# A sentence that refers back to the time of the text before it.
_BACK_REFERENCE = re.compile(
    r"^\W*(?:at\s+that\s+time|at\s+the\s+time|by\s+then|then|that\s+year|the\s+same\s+year|that\s+month|"
    r"in\s+that\s+year|at\s+that\s+point|back\s+then)\b",
    re.IGNORECASE,
)
_OF_WHICH = re.compile(r"^\s*of\s+(?:which|whom|them)\s+(?:(?:are|were|is|was)\s+)?", re.IGNORECASE)
# "some 85,000 are enterprise clients": the figure is the subject of a copula naming what it counts.
_COPULA = re.compile(r"^\s+(?:are|were|is|was)\s+", re.IGNORECASE)
# "twice as many queries as": the counted noun follows "as many"/"as much".
_AS_MANY = re.compile(r"^\s+as\s+(?:many|much)\s+", re.IGNORECASE)
# "Fourteen were approved": a figure standing as the subject with no noun of its own.
_ELIDED_VERB = re.compile(r"^\s+(?:(?:have|has|had)\s+(?:already\s+)?been|are|were|was|is|will\s+be)\s", re.IGNORECASE)
# Counted "nouns" that point back to an earlier figure's noun ("14 of them").
_PRONOUNS = frozenset({"them", "these", "those", "which", "whom"})
# First words of a comparative after a relative figure ("50% more efficient", "30% cheaper").
_COMPARATIVES = frozenset({"more", "less", "fewer", "as"})
_BARE_MORE = frozenset({"more", "fewer", "others", "extra", "additional"})
_RELATIVE_TIME = frozenset({"next", "last", "this"})  # "1,500 more next year": still a bare "more"
# Money quoted by the week or the hour right after the figure ("£300,000 a week", "$15 an hour").
_PAY_PERIOD = re.compile(r"\s+(?:a|an|per)\s+(?:week|hour)\b", re.IGNORECASE)
_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally)\s+of\s+", re.IGNORECASE)
_WHOLE = re.compile(r"^\s*(?:of|share\s+of)\s+((?:the\s+)?[\w’' -]{2,60}?)(?=[,.;:()]|\s+(?:and|in|on|at|by|with|while|"
                    r"for|from|to|over|against|since|during|because|who|which|that|are|is|were|was)\b|$)",
                    re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\b(?:in|across|throughout)\s+$", re.IGNORECASE)
_SUBJECT_TYPES = frozenset({"org", "product", "place", "body", None})
_ATTRIBUTION_TRIM = re.compile(r"^(?:brokerage|broker|the|research firm|consultancy|analysts? at)\s+", re.IGNORECASE)


@dataclass
class _State:
    """What carries from one sentence to the next."""

    topic: EntityRef | None = None
    last_time: TimeScope | None = None
    last_members: list[EntityRef] = field(default_factory=list)
    last_by_measure: dict[str, QuantityClaim] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()
    long_names: dict[str, EntityRef] = field(default_factory=dict)
    surnames: dict[str, EntityRef] = field(default_factory=dict)  # last word of an unlisted person-like name -> it
    named: dict[str, EntityRef] = field(default_factory=dict)  # every name so far by id, the latest named last
    last_counted: dict[str | None, QuantityClaim] = field(default_factory=dict)  # unit -> last figure with a noun
    last_by_type: dict[str, EntityRef] = field(default_factory=dict)  # entity type -> last one named
    topic_org: EntityRef | None = None  # the organisation in play: the topic, or the topic product's owner
    last_source: EntityRef | None = None  # the last source named by name ("DeepSeek has published ...")
    people: dict[str, EntityRef] = field(default_factory=dict)  # each word of a person's name -> the person
    continued: EntityRef | None = None  # what the figures of the sentence just before were about
    # The reporting period of a results story ("in the first quarter"): one set in the lead paragraph holds
    # for the document, one set later for its paragraph only.
    lead_period: TimeScope | None = None
    lead_day: TimeScope | None = None  # the news day the lead names ("on Thursday"), days before publication
    paragraph_period: TimeScope | None = None
    paragraphs: int = 0  # body paragraphs begun so far
    prev_end: int = -1  # where the sentence before ended in the prose
    round_company: EntityRef | None = None  # the company of the last funding round read ("the round was led by")
    # What the story is about: the organisation and the place named most so far (the title and lead count
    # double), the fallback subject of company and national figures that name nothing in their sentence.
    weights: dict[str, tuple[int, int, EntityRef]] = field(default_factory=dict)  # id -> (weight, -order, ref)
    main_org: EntityRef | None = None
    main_place: EntityRef | None = None
    fiscal_start: int | None = None  # the month the document's fiscal year starts in, when it says


def extract_claims(document: Document, *, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """Every claim in ``document``: figures, roles, events and memberships, in text order."""
    gaz = gazetteer or Gazetteer.default()
    state = _State()
    # Words the document writes in lower case somewhere: capitalised at a sentence start they are
    # still common words ("Shares rose"), not names ("Netflix added").
    state.common_words = frozenset(_LOWER_WORD.findall(document.prose))
    # "whose financial year runs to the end of March": the document's fiscal years, wherever it says so.
    state.fiscal_start = fiscal_year_start(document.prose)
    claims: list[Claim] = []
    for sentence in split_sentences(document):
        claims.extend(_sentence_claims(document, sentence, gaz, state))
    return claims


def _sentence_claims(doc: Document, sent: Sentence, gaz: Gazetteer, state: _State) -> list[Claim]:
    text = sent.text
    base = sent.span.start
    times = [t for t in find_times(text, doc.published, offset=base, fiscal_start=state.fiscal_start) if not _in_citation(text, t.span.start - base)]
    time_starts = [t.span.start for t in times]
    numbers = [n for n in find_numbers(text, offset=base) if not _overlaps_any(n.span, times, time_starts)]
    entities = _same_name_as_before(gaz.find(text, offset=base, common_words=state.common_words), state)
    if sent.heading:  # Title Case makes every word look like a name: trust listed names there, and names
        # the body repeats as written ("Atlantica Airways flies a record ...")
        entities, numbers = _headline_names(doc, sent, entities, numbers, gaz)
    back_ref = bool(_BACK_REFERENCE.match(text))
    _new_paragraph(doc, sent, state)
    _weigh(entities, sent.heading or state.paragraphs <= 1, state, gaz)
    times = _resolve_period_references(text, base, times, state)
    resolved_times = [t for t in times if t.time.resolved and (t.time.start or t.time.end)]
    # Most sentences hold no cue of a kind: a set test on their words skips those regexes.
    low = text.lower()
    words = frozenset(_WORDS.findall(low.replace("’", "'")))
    cues = LEXICON.cue_first_words
    if _may_attribute(words, low):
        attribution, attribution_spans = _attribution(text, base, entities, state)
    else:
        attribution, attribution_spans = None, []
    common = dict(
        doc_id=doc.id, path=doc.path, source=doc.source, published=doc.published,
        sentence=text, sentence_span=sent.span, sentence_index=sent.index, heading=sent.heading,
        attribution=attribution,
    )
    out: list[Claim] = []
    previous: QuantityClaim | None = None
    entity_ends = [e.span.end for e in entities]
    time_ends = [t.span.end for t in resolved_times]
    for mention in numbers:
        claim = _quantity_claim(doc, sent, mention, entities, attribution_spans, resolved_times, back_ref, state,
                                previous, common, gaz, entity_ends, time_ends)
        out.append(claim)
        previous = claim
    sentence_time = _sentence_time(doc, resolved_times, back_ref, state, anchor=None)
    if words & cues["roles"]:
        out.extend(_role_claims(text, base, entities, sentence_time, state, common))
    if words & cues["events"]:
        out.extend(_event_claims(text, base, entities, resolved_times, back_ref, state, common))
    if mentions_round(words):  # "a Series B led by A and B": who led which round
        figures = [c for c in out if isinstance(c, QuantityClaim)]
        rounds = round_claims(text, base, entities, figures, state.round_company or state.topic_org, common,
                              sentence_time)
        if rounds:
            state.round_company = rounds[-1].company
        out.extend(rounds)
    _remember(text, base, entities, attribution, attribution_spans, out, gaz, state)
    if words & cues["membership"]:
        out.extend(_membership_claims(text, base, entities, sentence_time, state, common))
    # Carry the topic and the time forward.
    for c in out:
        if isinstance(c, QuantityClaim) and c.measure:
            state.last_by_measure[c.measure] = c
    for c in out:
        if isinstance(c, QuantityClaim) and c.counted:
            state.last_counted[c.quantity.unit] = c
    first_quantity = next((c for c in out if isinstance(c, QuantityClaim) and c.subject), None)
    if first_quantity is not None:
        state.topic = first_quantity.subject
    else:
        lead = [e for e in entities if (e.type in ("place", "org", "product") or _org_like(e)) and e.span
                and e.span.start - base < 25]
        if lead:
            state.topic = lead[0]
    if resolved_times:
        state.last_time = resolved_times[-1].time
    period = next((t.time for t in resolved_times if _is_reporting_period(t.time)), None)
    if period is None and state.paragraphs <= 1 and not sent.heading and state.lead_period is None:
        period = _completed_period_reported(out, doc.published)
    if state.paragraphs <= 1 and not sent.heading and state.lead_day is None:
        state.lead_day = _news_day(resolved_times, doc.published)
    if period is not None and not sent.heading:
        if state.paragraphs <= 1:
            state.lead_period = period
        state.paragraph_period = period
    if state.topic is not None:
        state.topic_org = _org_of(state.topic, gaz) or state.topic_org
    about = [c.subject for c in out if isinstance(c, QuantityClaim) and c.subject is not None]
    state.continued = about[-1] if about and not sent.heading else None
    return out


_WORDS = re.compile(r"[a-z0-9][a-z0-9'-]*")
_HEADLINE_REACH = 2000  # headings this far into the prose are checked against the body (bounded work)
# A number right after a headline name ("Skyreach 2 sells 6 million copies").
_HEADLINE_NUMBER = re.compile(r" [0-9]{1,4}(?:\.[0-9]{1,2})?(?![\w%])")


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


@lru_cache(maxsize=1)
def _attribution_rests() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word of each attribution cue -> the other words of each cue it starts ("a" -> ("report", "by"))."""
    c = LEXICON.claims
    rests: dict[str, list[tuple[str, ...]]] = {}
    for phrase in [*c["attribution"]["speech_verbs"], *c["attribution"]["source_before"],
                   *c.get("anaphora", {}).get("estimate_verbs", [])]:
        first, *rest = phrase.lower().split() or [""]
        rests.setdefault(first.replace("’", "'"), []).append(tuple(rest))
    return {w: tuple(r) for w, r in rests.items()}


def _may_attribute(words: frozenset[str], low: str) -> bool:
    """Whether the sentence (its words, its lower-cased text) may hold an attribution cue: the first word of
    a cue among its words and the cue's other words in its text. "a" and "as" open most sentences, "a
    report by" and "as per" few, so this skips :func:`_attribution` where the first-word test alone would not.

    >>> _may_attribute(frozenset({"a", "rise"}), "a rise"), _may_attribute(frozenset({"a"}), "a report by x")
    (False, True)
    """
    hits = words & LEXICON.cue_first_words["attribution"]
    if not hits:
        return False
    rests = _attribution_rests()
    return any(all(r in low for r in rest) for w in hits for rest in rests.get(w, ((),)))
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")


def _same_name_as_before(entities: list[EntityRef], state: _State) -> list[EntityRef]:
    """A short form of a name the text gave in full earlier is that entity ("Northwind" after
    "Northwind Robotics"); names the gazetteer lists are already resolved by their aliases."""
    out = []
    for e in entities:
        if e.method == "unresolved":
            words = e.name.split()
            if len(words) >= 2:
                state.long_names.setdefault(words[0], e)
                if _is_person(e) and not _org_like(e):
                    state.surnames.setdefault(words[-1], e)  # "Matos scored", after "Rafael Matos"
            elif e.name in state.people:  # "Li also said", after "Robin Li"
                known = state.people[e.name]
                e = e.model_copy(update={"id": known.id, "name": known.name, "method": "alias", "type": known.type})
            elif e.name in state.long_names or e.name in state.surnames:
                full = state.long_names.get(e.name) or state.surnames[e.name]
                e = e.model_copy(update={"id": full.id, "name": full.name, "method": "alias"})
        out.append(e)
    return out


def _remember(text: str, base: int, entities: Sequence[EntityRef], attribution: str | None,
              attribution_spans: Sequence[Span], out: Sequence[Claim], gaz: Gazetteer, state: _State) -> None:
    """Note what later sentences may point back to: entities by type, people by name, the source."""
    for e in entities:
        state.named.pop(e.id, None)
        state.named[e.id] = e
        if len(state.named) > 500:  # bounded: a description points back to a name of the last few paragraphs
            del state.named[next(iter(state.named))]
        if e.type:
            state.last_by_type[e.type] = e
        if e.type == "person" and e.surface:
            for word in e.surface.split():
                state.people[word.strip("’'")] = e
    if attribution is not None:
        named = [e for e in entities if e.span and e.name == attribution]
        if named:
            state.last_source = named[0]


def _org_of(e: EntityRef, gaz: Gazetteer) -> EntityRef | None:
    """``e`` if it is an organisation, else its listed owner ("Ernie Bot" -> Baidu), else None."""
    if _org_like(e):
        return e
    known = gaz.entities.get(e.id)
    if known is not None and known.parent and known.parent in gaz.entities:
        return gaz.resolve(gaz.entities[known.parent].name)
    return None


_SUBJECT_WORDS = LEXICON.claims["subject"]
_ORG_SUFFIXES = frozenset(_SUBJECT_WORDS["org_suffixes"])


def _org_like(e: EntityRef) -> bool:
    """Whether ``e`` is an organisation: listed as one, or an unlisted name that is not a person's ("Tesla",
    "BYD"; "Northwind Robotics" by its last word, while "Anna Keller" reads as a person).

    >>> g = Gazetteer.default()
    >>> _org_like(g.resolve("Northwind Robotics")), _org_like(g.resolve("Anna Keller"))
    (True, False)
    """
    if e.type is not None:
        return e.type == "org"
    return e.method != "unresolved" or not _is_person(e) or e.name.split()[-1].lower().strip(".") in _ORG_SUFFIXES


def _weigh(entities: Sequence[EntityRef], lead: bool, state: _State, gaz: Gazetteer | None = None) -> None:
    """Count the organisations and places named so far (a title or lead mention counts double) and keep
    the most named of each, the first named on a tie: what the story is about. A national institution
    counts for its country too ("the Bank of England" makes a story about the United Kingdom)."""
    country = [c for e in entities if gaz is not None and _org_like(e) and (c := _country_of(e, gaz)) is not None]
    for e in [*entities, *country]:
        kind = "place" if e.type == "place" or e in country else "org" if _org_like(e) else None
        if kind is None:
            continue
        weight, order, _ = state.weights.get(e.id, (0, -len(state.weights), e))
        state.weights[e.id] = (weight + (2 if lead else 1), order, e)
        best = state.main_place if kind == "place" else state.main_org
        if best is None or best.id == e.id or state.weights[e.id][:2] > state.weights[best.id][:2]:
            if kind == "place":
                state.main_place = e
            else:
                state.main_org = e


_NATIONAL_MEASURES = frozenset(_SUBJECT_WORDS["national_measures"])
_NATIONAL_CUES = phrase_regex(_SUBJECT_WORDS["national_cues"])


def _national(text: str, start: int, measure: str | None) -> bool:
    """Whether the figure at ``start`` measures a country's economy or people: its measure is one no
    organisation has ("inflation"), or a change or share whose clause names one ("economic growth").

    >>> _national("Wages are rising at twice the pace", 23, "growth"), _national("Sales rose 5%", 11, "growth")
    (True, False)
    """
    if measure in _NATIONAL_MEASURES:
        return True
    return measure in (None, "growth", "decline", "share") and _NATIONAL_CUES.search(
        text, _clause_start(text, start), start) is not None


def _named_in_clause(text: str, base: int, start: int, subject: EntityRef | None, entities: Sequence[EntityRef],
                     skip: Sequence[Span]) -> bool:
    """Whether ``subject`` is named before the figure in its clause, not as the source of a statement."""
    if subject is None:
        return False
    lo = _clause_start(text, start)
    return any(e.id == subject.id and e.span and lo <= e.span.start - base < start
               and not any(k.contains(e.span) for k in skip) for e in entities)


_NATIONAL_BODIES = {fold(k): v for k, v in LEXICON.claims["subject"]["national_bodies"].items()}
_OF_PLACE = re.compile(r"\s(?:of|for)\s+(?:the\s+)?(?P<place>[A-Z][\w’' -]*)$")


def _country_of(e: EntityRef, gaz: Gazetteer) -> EntityRef | None:
    """The country a national institution belongs to: listed ("Bank of England" -> United Kingdom), or
    named in it ("Bank of Japan", "People's Bank of China"); None for any other name.

    >>> g = Gazetteer.default()
    >>> [_country_of(g.resolve(n), g).name for n in ("Bank of England", "Reserve Bank of India")]
    ['United Kingdom', 'India']
    >>> _country_of(g.resolve("Atlantica Airways"), g) is None
    True
    """
    listed = _NATIONAL_BODIES.get(fold(e.name))
    if listed is not None:
        return gaz.resolve(listed)
    m = _OF_PLACE.search(e.name)
    if m is not None and e.type != "place":
        place = gaz.resolve(m.group("place"))
        if place.type == "place":
            return place
    return None


def _org_in_play(base: int, pos: int, entities: Sequence[EntityRef], state: _State, text: str = "") -> EntityRef | None:
    """The organisation "the company" or "its" at ``pos`` stands for: the last one named before it in the
    sentence, else the one the text is about, else the last one named at all. With ``text``, unlisted names
    count too unless they only modify a noun ("The Hangzhou company")."""
    orgs = [e for e in entities if e.span and e.span.end - base <= pos and (e.type == "org" or (
        text and e.type is None and _org_like(e) and not _PLACE_MODIFIER_HEAD.match(text, e.span.end - base)))]
    if orgs:
        return orgs[-1]
    return state.topic_org or state.last_by_type.get("org")


# -- quantity claims -----------------------------------------------------------


def _quantity_claim(doc, sent, mention: NumberMention, entities, attribution_spans, times, back_ref, state,
                    previous: QuantityClaim | None, common, gaz: Gazetteer,
                    entity_ends: Sequence[int], time_ends: Sequence[int]) -> QuantityClaim:
    text, base = sent.text, sent.span.start
    start, end = mention.span.start - base, mention.span.end - base
    # Names far from the figure in a very long sentence do not bear on it (and keep the work per figure bounded).
    lo = bisect_left(entity_ends, mention.span.start - _ENTITY_REACH)
    entities = [e for e in entities[lo : lo + 200] if e.span.start <= mention.span.end + _ENTITY_REACH]
    q = mention.quantity
    # What is read before and after the figure (noun phrases, cues, its clause) lies near it: slices of
    # bounded length keep the work per figure bounded on a run-on sentence.
    after = text[end : end + _FIGURE_REACH]
    before = text[max(0, start - _FIGURE_REACH) : start]

    relative = q.unit in ("percent", "percentage_points", "times")
    # After a percentage "of" opens the whole ("40 per cent of all models"), never the counted noun.
    counted, counted_end = _counted_after(after, end, skip_of=not relative)
    change_noun = None
    as_many = _AS_MANY.match(after)
    if as_many:  # "twice as many queries as ...": the comparison counts queries
        counted, counted_end = _counted_after(after[as_many.end():], end + as_many.end())
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
            whole = m.group(1).strip()

    measure = change_noun or _measure(q.unit, counted, whole, before)
    if (measure in (None, "valuation", "cost") and q.unit and len(q.unit) == 3 and q.unit.isupper()
            and _PAY_PERIOD.match(text, end)):
        measure = "wage"  # "a contract worth £300,000 a week": money by the week or hour is pay
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
    _, _, continuation = LEXICON.aggregate_regex
    cont = continuation.search(text, max(0, start - 200), min(len(text), end + 200))
    if cont and cont.start() >= end:
        aggregate = "increment"  # "approved 14 models, bringing the total to 40": the 14 is the batch
    elif cont and measure:
        earlier = previous if previous is not None and previous.measure == measure else state.last_by_measure.get(measure)
        if earlier is not None and earlier.scope:
            scope = earlier.scope  # "This brings the total to 40": a total of what the last figure counted
        aggregate = "total"
    rate = _RATE.match(text, end) is not None
    subject = _subject(text, base, start, entities, attribution_spans, state, rate=rate)
    if subject is None and counted:  # "70 Chinese models": the origin adjective names the place
        place = next((LEXICON.claims["demonyms"][w] for w in counted.split() if w in LEXICON.claims["demonyms"]), None)
        if place is not None:
            subject = gaz.resolve(place)
    follower = _entity_after(text, base, counted_end, entities)
    # A share with no noun of its own, then "for X", is X's share ("against 50% for the United States"); a
    # money figure is not ("paid $2 billion for Sohu").
    bare = q.unit in ("percent", "percentage_points") and counted_end == end
    if follower is not None and (subject is None or subject is state.topic or bare or
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
    if _national(text, start, measure) and (subject is None or subject.type != "place") and not _named_in_clause(
            text, base, start, subject, entities, attribution_spans):
        # "The Bank expects inflation to rise to 2.75%": a figure of the economy is the country's, not that
        # of the institution that forecasts or reports it (unless the clause names it: "Acme's wage bill").
        # With no place named in the story, an unlisted main name may be the place ("Eastport's council").
        unlisted = state.main_org if state.main_org is not None and state.main_org.type is None else None
        subject = (subject and _country_of(subject, gaz)) or state.main_place or subject or unlisted
    time = _figure_time(doc, text, base, mention, times, back_ref, state,
                        change=measure in ("growth", "decline") or q.unit == "times", time_ends=time_ends)
    # Every part is an already-validated record or a plain value: trusted construction skips re-validation.
    return QuantityClaim.trusted(
        **common,
        span=mention.span,
        text=mention.text,
        subject=subject,
        measure=measure,
        counted=counted,
        scope=scope,
        quantity=q,
        also=(mention.linked.quantity,) if mention.linked else (),
        whole=whole,
        cumulative=measure in LEXICON.cumulative if measure else False,
        aggregate=aggregate,
        time=time,
    )


def _np_words(text: str, limit: int = 7, *, skip_of: bool = True) -> list[re.Match[str]]:
    """Words of the noun phrase at the start of ``text`` (stops at punctuation and stop words)."""
    skip = _NP_SKIP if skip_of else _NP_SKIP - {"of"}
    words: list[re.Match[str]] = []
    pos = 0
    for m in _WORD.finditer(text):
        gap = text[pos : m.start()]
        if gap.strip(" \t\r\n\u00a0\"“”‘’'") or gap.count("\n") > 1:
            break  # punctuation or a blank line between words ends the phrase (a soft line wrap does not)
        low = m.group().lower()
        if not words and low in skip:
            pos = m.end()
            continue
        if not words and pos and low in _COUNT_WORDS:
            pos = m.end()  # "five of the nine members": skip the second figure, keep its noun
            continue
        if not words and low.endswith("ed") and len(low) > 4 and low not in LEXICON.measure_nouns:
            nxt = _WORD.match(text, m.end() + 1)
            if nxt is None or nxt.group().lower() in _VERB_OBJECT_START or not text[m.end():m.end() + 1].isspace():
                break  # "the other four wanted a larger cut", "12 were sacked.": a verb, nothing is counted
        if low in _NP_STOP or (words and low.endswith("ing") and low not in _MEASURE_FIRST_WORDS):
            break  # "generating capacity" opens a listed measure phrase; "users growing fast" does not
        if words and low in ("a", "an", "the"):
            break  # "2 billion tablets a year": an article opens another phrase
        if words and low.endswith("ed") and len(low) > 4 and low not in LEXICON.measure_nouns:
            break  # "1.2 million migrants arrived": a verb after the head ends the phrase
        if words and LEXICON.scope_of(low) and not LEXICON.scope_of(low, in_noun_phrase=True) == "registered":
            break  # "40 models approved": the scope word is not part of what is counted
        words.append(m)
        pos = m.end()
        if len(words) >= limit:
            break
    return words


def _counted_after(after: str, offset: int, *, skip_of: bool = True) -> tuple[str | None, int]:
    words = _np_words(after, skip_of=skip_of)
    if not words:
        return None, offset
    # Cut at the end of the longest listed measure phrase, if any ("users in December").
    lowered = [w.group().lower() for w in words]
    best = None
    for j in range(len(words), 0, -1):
        for i in range(j):
            if " ".join(lowered[i:j]) in LEXICON.measure_nouns:
                best = j
                break
        if best:
            break
    if best and best == len(words) - 1 and _plural_noun(words[-1].group()):
        best = None  # "210,000 user reviews": a listed noun modifying a plural noun is not the head
    words = words[: best or len(words)]
    phrase = after[words[0].start() : words[-1].end()]
    return phrase, offset + words[-1].end()


def _plural_noun(word: str) -> bool:
    """Whether a word after a listed measure noun reads as a plural noun of its own ("reviews").

    >>> _plural_noun("reviews"), _plural_noun("Beijing"), _plural_noun("business"), _plural_noun("globally")
    (True, False, False, False)
    """
    low = word.lower()
    return (word.islower() and low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3
            and low not in _NP_STOP and _noun_head(low) is not None)


def _counted_before(before: str) -> str | None:
    """The counted noun when it stands before the figure: "the number of LLMs ... to 40"."""
    before = before[-200:]  # "the number of X ... to 40" stands close before the figure
    matches = list(_NUMBER_OF.finditer(before))
    if not matches:
        return None
    words = _np_words(before[matches[-1].end() :])
    # Allow "X and Y" lists here: "the total number of LLMs and AI applications".
    tail = before[matches[-1].end() :]
    # "X and Y" lists of up to three words each, ending before a stop word or a scope word
    # ("... LLMs and AI applications cleared for public use").
    head = []
    for w in _WORD.finditer(tail):
        head.append(w)
        if len(head) >= 8:
            break
    lows = [w.group().lower() for w in head]
    if "and" in lows[1:4] and not re.search(r"[^\w\s’'-]", tail[: head[-1].end()] if head else ""):
        k = lows.index("and", 1)
        for j in range(k + 2, min(k + 5, len(head))):
            if lows[j] in _NP_STOP or LEXICON.scope_of(lows[j]) or lows[j] == "available":
                return tail[head[0].start() : head[j - 1].end()]
    if words:
        return tail[words[0].start() : words[-1].end()]
    return None


def _measure(unit: str | None, counted: str | None, whole: str | None, before: str) -> str | None:
    share_like = unit in ("percent", "percentage_points")
    if counted:
        first = re.split(r"\s+(?:and|or)\s+", counted)[0]
        lows = first.lower().split()
        if (unit is None and len(lows) > 1 and _plural_noun(first.split()[-1])
                and not any(" ".join(lows[i:]) in LEXICON.measure_nouns for i in range(len(lows)))):
            return _noun_head(first)  # "210,000 user reviews" count reviews, not users
        key = LEXICON.measure_of(first) or LEXICON.measure_of(counted)
        if key:
            return key
        head = _noun_head(counted)
        if unit is None and head is not None and head not in _GENERIC_COUNTED:
            # "288.9 million units": a count measures what it counts, whatever verb precedes it ("employs
            # 450 people" is left to the verb)
            return head
        if share_like and head is not None and counted.split()[-1].lower() != head:
            return "share"  # "one in four households", "20% of patients": a part of the people counted
    if share_like:
        if whole and LEXICON.measure_of(whole) not in ("growth", "decline"):
            return "share"  # "46% of wafer revenue", "4.4% of GDP": a part of a whole
    # A closed relative clause between a cue and the figure is another statement: its words do not name
    # the figure ("services inflation, which policymakers watch as a gauge of price pressure, was 5.7%").
    window = _RELATIVE_CLAUSE.sub(lambda m: " " * len(m.group()), before[-(90 if share_like else 45):])
    adjacent = LEXICON.adjacent_cue_regex.search(window)
    if adjacent:  # "..., up 25 per cent": a change word right before the figure
        return LEXICON.cue_key(adjacent.group())
    cue = change = None
    for found in LEXICON.cue_regex.finditer(window):
        # the cue nearest the figure names it ("valuation at $2.8 billion, up 25 per cent"); a percentage is
        # never an amount of money or power ("raised its growth forecast to 1.25%" is not funding)
        key = LEXICON.cue_key(found.group())
        if not (share_like and key in _AMOUNT_MEASURES):
            cue = found
        if key in ("growth", "decline"):
            change = found
    if change is not None and _BY_BEFORE.search(window):
        cue = change  # "lowering Bank Rate by a quarter of a point": a figure after "by" is the change
    named = None if cue is not None and not window[cue.end():].strip() else _NOUN_OF.search(window)
    if named:  # "duties of up to 35.3%", "a market value of $770bn": the noun the figure is "of"
        phrase = named.group("phrase")
        key = LEXICON.measure_of(phrase)
        head = phrase.split()[-1].lower()
        if key or (head not in _NOUN_OF_EXCLUDED and head not in _NP_STOP and head not in _NP_SKIP
                   and _noun_head(head) is not None):
            return key or _singular(head)
    if cue is not None:
        key = LEXICON.cue_key(cue.group())
        if key in ("growth", "decline") and re.search(r"\b(?:from|to)\b", window[cue.end():]):
            # "investment rose from $2.5 billion to $20 billion": the figures are levels of what rose
            return _measure_named_before(before[: len(before) - len(window) + cue.start()])
        return key
    if unit is not None and LEXICON.unit_measure(unit):
        return LEXICON.unit_measure(unit)  # "the United States added 33 GW": a power figure is capacity
    if share_like and _LEVEL_BEFORE.search(window):
        # "raised its forecast for economic growth this year to 1.25%": a level the clause's measure noun
        # moved to or stood at
        named_noun = None
        for named_noun in _MEASURE_NOUN.finditer(window[_clause_start(window, len(window)):]):
            pass
        key = LEXICON.measure_of(named_noun.group()) if named_noun is not None else None
        if key not in _AMOUNT_MEASURES:
            return key
    if counted:
        if unit not in (None, "times", "percent", "percentage_points"):
            return None  # "$5 billion deal": a money amount whose measure we cannot name
        return _noun_head(counted)
    return None


# Measures that are amounts (money, power): their cues never name a percentage.
_AMOUNT_MEASURES = frozenset(k for k, spec in LEXICON.measures["measure"].items() if spec.get("money") or spec.get("units"))
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# A figure that is the level something moved to or stands at: "to 1.25%", "at 5%", "by 0.4%".
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|by)\s+$", re.IGNORECASE)
# A relative clause closed by a comma (or "which"/"who" clause ending the text before a figure).
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose)\b[^,;]{0,120},", re.IGNORECASE)
_NOT_NOUNS = frozenset(load_toml("stopwords.toml")["not_nouns"])
_IRREGULAR_PLURALS: dict[str, str] = LEXICON.measures.get("irregular_plurals", {})
_NOT_PAST_NOUNS = LEXICON.time_words["not_past"]  # "-ed" words that are nouns or adjectives ("hundred")


def _noun_head(phrase: str) -> str | None:
    """The measure key of a phrase's last word when it can be a noun: not a verb form ("wanted",
    "seen"), an adverb or comparative ("rather", "more", "lower"), an ordinal ("first") or a code with
    digits ("A321XLR"); else None.

    >>> _noun_head("leased"), _noun_head("more"), _noun_head("A321XLR"), _noun_head("people"), _noun_head("jets")
    (None, None, None, 'person', 'jet')
    """
    word = phrase.split()[-1].strip("’'\"“”") if phrase.split() else ""
    low = word.lower()
    if not low.isascii() or not low.replace("-", "").isalpha() or low in _NOT_NOUNS or low in _NP_STOP:
        return None  # a code ("a321xlr", "h100"), an adverb, a comparative or a stop word
    if low in LEXICON.measure_nouns:
        return _singular(low)
    if (low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST_NOUNS) or low.endswith("ly"):
        return None  # "the other four wanted", "the 22% seen", "rose sharply"
    if word.isupper() and len(word) > 1 and low not in LEXICON.measure_nouns:
        return None  # an acronym or product code names a thing, not what is measured
    return _singular(low)


def _not_counted(phrase: str) -> bool:
    """Whether a phrase after a figure is a time ("a year", "next year") or a source ("analysts"), not
    what the figure counts."""
    words = phrase.lower().split()
    if all(w in _TIME_NOUNS for w in words):
        return True
    return " ".join(words) in _SOURCE_NOUNS


_TIME_NOUNS = LEXICON.time_words["time_nouns"]
# "the $2,300 economists had forecast": a speaker and a verb of saying after the noun.
_SAID_AFTER = re.compile(r"\s+(?:(?:had|have|has|were|was|are|is)\s+)?")
_SOURCE_NOUNS = frozenset(g for g in LEXICON.claims["attribution"]["generic_sources"] if " " not in g)


def _singular(word: str) -> str:
    """A measure key from a head noun: lower case, singular ("duties" -> "duty", "units" -> "unit").

    >>> _singular("Duties"), _singular("units"), _singular("business"), _singular("boxes")
    ('duty', 'unit', 'business', 'box')
    """
    w = word.lower().strip("’'")
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("xes", "ches", "shes", "sses")):
        return w[:-2]
    return w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3 else w


# "<noun phrase> of <figure>": up to three words before "of" right before the figure.
_NOUN_OF = re.compile(r"(?P<phrase>(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)\s+of\s+$")
_NOUN_OF_EXCLUDED = frozenset(LEXICON.measures["noun_of_exclusions"]["words"])
# Every listed measure noun, longest first: the last one in a clause names a bare percentage.
_MEASURE_NOUN = phrase_regex(list(LEXICON.measure_nouns))
# Counted nouns too general to name a measure on their own ("450 people": employees? residents?).
_GENERIC_COUNTED = frozenset(LEXICON.measures["generic_counted"]["words"])


def _measure_named_before(text: str) -> str | None:
    """The first listed measure noun in the clause that ends ``text`` ("Venture investment in ... rose")."""
    clause = text[_clause_start(text, len(text)) :]
    clause = clause[clause.rfind(",") + 1 :] if "," in clause else clause
    m = _MEASURE_NOUN.search(clause)  # a listed phrase ("jobless rate"), not only a single word
    return LEXICON.measure_of(m.group()) if m else None


def _scope(text: str, start: int, end: int, counted: str | None) -> str | None:
    """The scope word nearest to the figure, inside its clause."""
    if counted:
        for word in counted.split():
            key = LEXICON.scope_of(word, in_noun_phrase=True)
            if key:
                return key
    # The clause, but no further than a few hundred characters from the figure (bounded work per figure).
    lo = max(_clause_start(text, start), start - 300)
    hi = min(_clause_end(text, end), end + 300)
    best: tuple[int, str] | None = None
    for m in LEXICON.scope_regex.finditer(text, lo, hi):
        dist = start - m.end() if m.end() <= start else m.start() - end
        key = LEXICON.scope_of(m.group())
        if key and (best is None or dist < best[0]):
            best = (max(dist, 0), key)
    return best[1] if best else None


def _aggregate(text: str, start: int, end: int, counted: str | None) -> str | None:
    """'total' for a running total, 'increment' for one batch, None when the words do not say."""
    total_cue, increment_cue, _ = LEXICON.aggregate_regex
    near_before = text[max(0, start - 30) : start]
    if increment_cue.search(near_before) or (counted and increment_cue.search(counted)) or _MORE_AFTER.match(text, end):
        return "increment"
    # A total cue counts for the figure when it stands before it in its clause ("the total reached 40") or
    # right after it ("40 in total", "40 LLMs so far"), not when it introduces a later figure.
    if total_cue.search(text, max(_clause_start(text, start), start - 200), start):
        return "total"
    near_after = total_cue.search(text, end, min(len(text), end + 30))
    if near_after and not re.search(r"\d", text[end : near_after.start()]):
        return "total"
    return None


# "14 more LLMs": a figure followed by "more" (not "more than") is an addition to an earlier count.
_MORE_AFTER = re.compile(r"\s+(?:more|further|extra|additional)\s+(?!than\b)[A-Za-z]", re.IGNORECASE)


@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the clause breaks in ``text``, found once per sentence."""
    found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    return [a for a, _ in found], [b for _, b in found]


# A clause is cut this many characters from the position it is asked for (at a space, so no word is
# split). Every figure's subject, scope and cue searches read its clause: in a run-on sentence with no
# break (60 KB of "... and ...") that would cost figures x length. News clauses run to ~300 characters.
_CLAUSE_REACH = 600
_SPACE = re.compile(r"\s")


def _clause_start(text: str, pos: int) -> int:
    starts, ends = _clause_breaks(text)
    # The last break that ends at or before ``pos`` (a break must lie wholly before it).
    i = bisect_right(ends, pos) - 1
    while i >= 0 and ends[i] > pos:
        i -= 1
    start = ends[i] if i >= 0 else 0
    if pos - start > _CLAUSE_REACH:
        cut = pos - _CLAUSE_REACH
        space = _SPACE.search(text, cut, cut + 40)
        start = space.end() if space else cut
    return start


def _clause_end(text: str, pos: int) -> int:
    starts, _ = _clause_breaks(text)
    i = bisect_left(starts, pos)
    end = starts[i] if i < len(starts) else len(text)
    if end - pos > _CLAUSE_REACH:
        cut = pos + _CLAUSE_REACH
        space = _SPACE.search(text, cut, cut + 40)
        end = space.start() if space else cut
    return end


def _subject(text: str, base: int, start: int, entities: Sequence[EntityRef], skip: Sequence[Span],
             state: _State, *, rate: bool = False) -> EntityRef | None:
    lo = _clause_start(text, start)
    hi = _clause_end(text, start)
    candidates = [
        e for e in entities
        if e.span and e.type in _SUBJECT_TYPES and not any(s.contains(e.span) for s in skip)
    ]
    candidates = [e for e in candidates if _fixed_subject_test(text, base, e)
                  and not _in_closed_brackets(text, e.span.start - base, start)
                  and not _in_apposition(text, e.span.start - base, start)
                  and not _after_cue(LEXICON.examples_regex, text, lo, e.span.start - base)
                  and not _after_cue(LEXICON.membership_regex[1], text, lo, e.span.start - base)]
    left = [e for e in candidates if lo <= e.span.start - base and e.span.end - base <= start]
    opener = _opening_subject(text, base, lo, start, candidates, state)
    if opener is not None:
        return opener
    # "It employs 450 people in Germany", "Its gross margin was 53%, ... an earthquake in Taiwan": the
    # clause is about the organisation it points back to, not a place in a phrase of its own.
    org_pointer = (_ORG_POINTER.search(text, max(lo, start - _ENTITY_REACH), start)
                   or _ORG_POINTER.match(text, _LEADING.match(text, 0, 20).end()))
    if left:
        if left[-1].type in ("place", None) and _PLACE_PHRASE.search(text, max(0, left[-1].span.start - base - 12),
                                                                     left[-1].span.start - base):
            # "BYD's share of sales in China rose", "build a factory in Ohio and hire 150": an organisation
            # named before the place, or pointed back to, is what the clause is about.
            orgs = [e for e in left[:-1] if e.type in ("org", "product") or (_org_like(e) and not _LISTED_PLACE.search(
                text, max(0, e.span.start - base - 12), e.span.start - base))]
            if orgs:
                return orgs[-1]
            if org_pointer and (state.topic_org or state.main_org):
                return state.topic_org or state.main_org
        return left[-1]
    speaker = _reporting_speaker(text, base, lo, start, entities, skip)
    if speaker is not None:  # "TSMC reported revenue of NT$592.6 billion": the speaker's own figure
        return speaker
    for e in candidates:  # "... released in China"
        s = e.span.start - base
        if (start < s < hi and e.type in ("place", None) and _PLACE_AFTER.search(text[max(0, s - 12) : s])
                and not org_pointer and "," not in text[start:s]):
            return e
    earlier = [e for e in candidates if e.span.end - base <= lo and e.type != "person"]
    # A pronoun or description pointing back, unless it names the source ("the company said").
    pointing_back = next((a for a in _ANAPHOR.finditer(text, lo, hi)
                          if not any(s.start <= base + a.start() < s.end for s in skip)), None)
    pointing_back = pointing_back or _ANAPHOR.search(text, 0, min(len(text), 12))
    if pointing_back:
        # "Zhipu AI said it had raised $5 billion": "it" is the speaker when the speaker is an organisation.
        speakers = [e for e in entities if e.span and e.type in ("org", "product") and e.span.end - base <= start
                    and any(s.contains(e.span) for s in skip)]
        if speakers and re.search(r"\b(?:it|its)\b", text[speakers[-1].span.end - base : hi], re.IGNORECASE):
            return speakers[-1]
    if pointing_back and earlier:
        # "a round led by Sequoia Capital that values the company at $2.1bn": the company is not the agent
        earlier = [e for e in earlier if not _AGENT.search(text, max(0, e.span.start - base - 12),
                                                           e.span.start - base)] or earlier[:0]
        if not earlier:
            return state.topic_org or state.topic
    if earlier:  # "China had 130 LLMs, while regulators said that the total had reached 40"
        return earlier[-1]
    if rate:  # "$2 per GPU hour": a price of a unit, not a figure about what the text is about
        return None
    # The topic carries over when the clause points back to it ("the country", "its", "This brings") ...
    if pointing_back:
        kind = LEXICON.anaphora.get(pointing_back.group("head").lower()) if pointing_back.group("head") else None
        if kind == "place":  # "in the country": the last place named, whatever the topic
            return state.last_by_type.get("place") or state.topic
        if kind == "org" and (state.topic is None or state.topic.type != "org"):
            return state.topic_org or state.topic
        return state.topic
    # ... or when nothing is named before the figure and the sentence before had figures about the topic:
    # the text goes on about it ("Pre-training accounted for 2.664 million GPU hours" right after "The model
    # was pre-trained on 14.8T tokens"). Further away, an unnamed subject is left unknown.
    if state.continued is not None and not _about_market(text) and not any(
            e.span.end - base <= start for e in candidates):
        return state.continued
    return None


# "The airline", "The Premier League club's": a description of the story's organisation opening a sentence.
_OPENING_DESCRIPTION = re.compile(
    r"[\W_]{0,3}the\s+(?:[\w’'-]+\s+){0,2}?" + phrase_regex(_SUBJECT_WORDS["opening_descriptions"]).pattern
    + r"(?![\w-])", re.IGNORECASE)
_OPENING_NAME = re.compile(r"[\W_]{0,3}$")  # only quotes or brackets before a name that opens the sentence
_LIST_AFTER = re.compile(r"\s*(?:,\s*[A-Z]|and\b|&|/)")  # "Baidu, Alibaba and Tencent filed ...": a list
_POSSESSIVE_AFTER = re.compile(r"[’']s?(?!\w)")


def _opening_subject(text: str, base: int, lo: int, start: int, candidates: Sequence[EntityRef],
                     state: _State) -> EntityRef | None:
    """The grammatical subject opening the figure's sentence, when it is what the figure is about: a name
    ("Northbridge City have signed Rafael Matos from Sporting Vale for £85m") or a description of the story's
    organisation ("The airline ... has 94 more on order from Airbus"). It beats the names in the phrases after
    it, unless one of them owns the figure's noun ("Acme said Beta's revenue rose") or the opener starts a list."""
    if lo > 0:
        return None  # the figure is in a later clause ("..., while Beta sold 5")
    first = next((e for e in candidates if e.span.start - base < start), None)
    if first is not None and _OPENING_NAME.match(text[: first.span.start - base]):
        end = first.span.end - base
        if _LIST_AFTER.match(text, end) or _POSSESSIVE_AFTER.match(text, end) or end > start:
            return None  # "Baidu, Alibaba and ...", "Baidu's Ernie Bot had": the list or the owned thing decides
        opener = first
    else:
        described = _OPENING_DESCRIPTION.match(text)
        if described is None or described.end() > start:
            return None
        topic = state.topic if state.topic is not None and state.topic.type in (None, "org") else None
        org = _described_org(described.group().lower(), state) or state.topic_org or topic or state.main_org
        if org is None:
            return None
        opener, end = org, described.end()
    later = [e for e in candidates if end <= e.span.start - base and e.span.end - base <= start]
    if any(_POSSESSIVE_AFTER.match(text, e.span.end - base)
           or _COMMA_BEFORE.search(text, max(0, e.span.start - base - 8), e.span.start - base) for e in later):
        # "Acme's stake in Beta's unit": the owner named last decides; "China had 60%, the United States
        # 50%": a name after a comma opens a clause of its own whose verb is left out
        return None
    return opener


_DESCRIPTION_NAMES: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in _SUBJECT_WORDS["description_names"].items()}


def _described_org(description: str, state: _State) -> EntityRef | None:
    """The organisation named so far whose name fits a description, the latest first: "the central bank" is
    the Federal Reserve or the Bank of England named before, "the regulator" an authority or commission."""
    words = description.split()
    key = " ".join(words[-2:]) if " ".join(words[-2:]) in _DESCRIPTION_NAMES else words[-1]
    fits = _DESCRIPTION_NAMES.get(key)
    if not fits:
        return None
    for e in reversed(state.named.values()):
        if e.type not in ("place", "person") and fits & set(fold(e.name).split()):
            return e
    return None


# "its", "it", "the company" before a figure: the clause is about an organisation named before.
_ORG_POINTER = re.compile(
    r"\b(?:it|its|it's|the\s+(?:[\w-]+\s+)?(?:" + "|".join(re.escape(w) for w in LEXICON.claims["anaphora"]["org"])
    + r"))(?![\w-])", re.IGNORECASE)
# A place inside a phrase of its own: "in Ohio", "from Lisbon", "across Europe".
_PLACE_PHRASE = re.compile(phrase_regex(_SUBJECT_WORDS["place_prepositions"]).pattern + r"\s+(?:the\s+)?$",
                           re.IGNORECASE)
# An unlisted name in a phrase of places ("in Portugal and Spain"): a place too, not an organisation.
_LISTED_PLACE = re.compile(_PLACE_PHRASE.pattern + r"|(?:,|\band)\s+$", re.IGNORECASE)
# Who did another verb's action ("led by Sequoia Capital"): not what "the company" points back to.
_AGENT = re.compile(r"\b(?:by|from|with)\s+(?:the\s+)?$", re.IGNORECASE)
# A figure right before a name ("94 Boeing 737s", "10,000 Tesla cars"): the name modifies what is counted.
_FIGURE_BEFORE_NAME = re.compile(r"(?<![\w.,])\d(?:[\d.,]*\d)?%?\s+(?:[a-z][\w-]*\s+)?$")
# ... unless the number is a year or a day of a month ("In 2019 Baidu", "on March 3 Tesla said").
_YEAR_OR_DAY = re.compile(r"(?<![\w.,])(?:1[89]|20)\d\d\s|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
                          + r")\.?\s+\d{1,2}\s", re.IGNORECASE)
# "The Beijing company", "its first Arizona fab": a place naming where an organisation or site is.
# (Case-sensitive: the head and the word before it are lower-case nouns, "cut Bank Rate" is not one.)
_PLACE_MODIFIER_HEAD = re.compile(r"\s+(?:[a-z][\w-]*\s+)?" + phrase_regex(_SUBJECT_WORDS["place_modified_heads"]).pattern)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?i:the|its|their|a|an|this|that|our|his|her)|[’']s)\s+(?:[a-z][\w-]*\s+)?$")
# The speaker is the subject when its verb takes the figure's noun as object ("TSMC reported revenue of").
_OBJECT_VERB = re.compile(
    LEXICON.speech_gap_regex.pattern + r"(?:" + phrase_regex(_SUBJECT_WORDS["object_verbs"]).pattern
    + r")\s+(?!that\b)[^,;:]*$", re.IGNORECASE)
_NOT_NAMES = frozenset(fold(n) for n in load_toml("stopwords.toml")["not_names"])
_NOT_SUBJECT_FIRST = frozenset(_SUBJECT_WORDS["not_subject_first_words"])
_ROLE_BEFORE = re.compile(LEXICON.role_regex.pattern + r"\s+$", re.IGNORECASE)


# A development code: capitals, an optional hyphen, then digits ("MRD-214", "XR-17", "LY3437943").
_PRODUCT_CODE = re.compile(r"[A-Z]{2,5}-?[0-9]{2,}[A-Z]?")


# (sentence, base, the name's fields) -> the tests of _fixed_subject_test; cleared when full.
_FIXED_SUBJECT: dict[tuple, bool] = {}


def _fixed_subject_test(text: str, base: int, e: EntityRef) -> bool:
    """The tests of a subject candidate that do not depend on the figure (not a speaker's title after it,
    :func:`_may_be_subject`): asked once per name of a sentence, not once per figure."""
    key = (text, base, e.span.start, e.span.end, e.id, e.name, e.surface, e.method, e.type)
    ok = _FIXED_SUBJECT.get(key)
    if ok is None:
        if len(_FIXED_SUBJECT) >= 4096:
            _FIXED_SUBJECT.clear()
        ok = _FIXED_SUBJECT[key] = (not LEXICON.role_regex.match(text, e.span.end - base + 1)  # "Baidu chief"
                                    and _may_be_subject(text, base, e))
    return ok


def _may_be_subject(text: str, base: int, e: EntityRef) -> bool:
    """Whether a name may be what a figure is about: not a term that looks like a name ("Series B", "Bank
    Rate", "Consumer Price Index"), not a maker modifying a counted noun ("94 Boeing 737s"), not a place
    naming a site ("its Arizona fab", "the Beijing company"), not a person after their title ("chief
    executive Elon Musk")."""
    s, t = e.span.start - base, e.span.end - base
    words = e.name.split()
    if e.method == "unresolved" and _PRODUCT_CODE.fullmatch(e.name):
        return False  # "the drug, codenamed MRD-214, cut weight by 18%": a code; the figure is its maker's
    if e.method == "unresolved" and (fold(e.name) in _NOT_NAMES or fold(e.name.rstrip("0123456789. ")) in _NOT_NAMES or (
            len(words) > 1 and words[0].lower() in _NOT_SUBJECT_FIRST and words[-1].lower() not in _ORG_SUFFIXES)):
        return False
    figure = _FIGURE_BEFORE_NAME.search(text, max(0, s - 30), s)
    if figure and not _YEAR_OR_DAY.search(text, max(0, figure.start() - 12), figure.end()):
        return False
    if e.type in ("place", None) and _PLACE_MODIFIER_HEAD.match(text, t) and _DETERMINER_BEFORE.search(text, max(0, s - 40), s):
        return False
    return not (_is_person(e) and not _org_like(e) and _ROLE_BEFORE.search(text, max(0, s - 40), s))


def _reporting_speaker(text: str, base: int, lo: int, start: int, entities: Sequence[EntityRef],
                       skip: Sequence[Span]) -> EntityRef | None:
    """The organisation named as a source in the clause when its verb takes the figure's noun as object:
    "TSMC reported first-quarter revenue of NT$592.6 billion", "Acme posted a net loss of $3m"."""
    for e in reversed(entities):
        t = e.span.end - base if e.span else -1
        if lo <= e.span.start - base and t <= start and _org_like(e) and any(k.contains(e.span) for k in skip):
            return e if _OBJECT_VERB.match(text[t:start]) else None
    return None


_COMPANY_MEASURES = frozenset(_SUBJECT_WORDS["company_measures"])
_PLACE_MEASURES = frozenset(_SUBJECT_WORDS["place_measures"])
_PLACE_WHOLES = frozenset(_SUBJECT_WORDS["place_wholes"])
_MARKET_WORDS = phrase_regex(_SUBJECT_WORDS["market_words"])
_COVERED_CUES = phrase_regex(_SUBJECT_WORDS["covered_cues"])
_COVERED_NAME = re.compile(r"\s+(?:on|for|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _story_subject(text: str, measure: str | None, whole: str | None, state: _State) -> EntityRef | None:
    """What a figure that names nothing is about, as a reader takes it: a national statistic ("net borrowing
    was £120bn", "4.4% of GDP") is about the place the story is about; a company measure ("Net profit rose
    9%") about its main organisation; a figure about a whole market ("Global shipments rose") about nothing."""
    if _about_market(text):
        return None
    if measure in _PLACE_MEASURES or (whole is not None and whole.lower() in _PLACE_WHOLES):
        return state.main_place
    if measure in _COMPANY_MEASURES:
        return state.main_org
    return None


@lru_cache(maxsize=8)
def _about_market(text: str) -> bool:
    """Whether the sentence speaks of a whole market (asked once per sentence, not once per figure); "22% of
    the global market" is a share of the market held by someone, not a figure about it."""
    return any(not _OF_THE.search(text, max(0, m.start() - 8), m.start()) for m in _MARKET_WORDS.finditer(text))


_OF_THE = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)


def _covered_company(text: str, base: int, start: int, subject: EntityRef, entities: Sequence[EntityRef],
                     state: _State) -> EntityRef:
    """A broker's price target or rating is about the company it covers: the one named after "on"/"for"
    ("raised its price target on Acme"), else the story's main organisation, not the broker."""
    lo = _clause_start(text, start)
    cue = _COVERED_CUES.search(text, max(lo, start - _ENTITY_REACH), start)
    if cue is None or subject.span is None or subject.span.start - base > cue.start():
        return subject
    for e in entities:
        s = e.span.start - base if e.span else -1
        if cue.end() <= s < start and _org_like(e) and _COVERED_NAME.search(text, cue.end(), s):
            return e
    return state.main_org or subject


@lru_cache(maxsize=256)  # every figure of a clause asks it for the same names
def _after_cue(cue: re.Pattern[str], text: str, lo: int, pos: int) -> bool:
    """Whether a cue ("including", "joined the ranks of") opens the phrase holding ``pos`` in its clause:
    such names are examples or part of a group's name, not what a figure is about."""
    m = None
    for m in cue.finditer(text, max(lo, pos - 80), pos):
        pass
    return m is not None and not re.search(r"[;:]|\s[–—-]\s", text[m.end() : pos])


def _entity_after(text: str, base: int, pos: int, entities: Sequence[EntityRef]) -> EntityRef | None:
    """An entity introduced by "for"/"of"/"at" right after the counted phrase."""
    m = _FOR_ENTITY.match(text, pos)
    if not m:
        return None
    for e in entities:  # the name may start at "the" ("the United States" is listed with its article)
        if e.span and e.span.start - base in (m.end(), m.end("prep")) and e.type in _SUBJECT_TYPES:
            return e
    return None


_FOR_ENTITY = re.compile(r"\s+(?:for|of|at)\s+(?P<prep>)(?:the\s+)?", re.IGNORECASE)
_ANAPHOR = re.compile(
    r"\b(?:it|its|it's|they|their|this|these|those|the\s+(?:government|(?P<head>"
    + "|".join(re.escape(w) for w in sorted(LEXICON.anaphora, key=len, reverse=True)) + r")))(?![\w-])",
    re.IGNORECASE,
)
# "$2 per GPU hour", "$20 a month": a price or rate of one unit.
_RATE = re.compile(r"\s+(?:per|an?)\s+(?:[\w-]+\s+)?(?:hour|day|week|month|year|unit|token|share|head|user|"
                   r"person|gpu|query|call|request|piece|kilogram|kg|tonne|litre|barrel)s?\b|\s*/\s*[a-z]", re.IGNORECASE)


# ", the chatbot made by Moonshot AI,": a description set off by commas.
_APPOSITION = re.compile(r",\s+(?:the|a|an|its|which|who|whose|now|once|formerly|also)\b[^,;]{0,80},", re.IGNORECASE)
# "Ernie Bot, Baidu's answer to ChatGPT,": a possessive description right after a name.
_POSSESSIVE_APPOSITION = re.compile(r",\s+[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}[’']s\s[^,;]{0,80},")
_NAME_END = re.compile(r"[A-Z0-9][\w.-]*$")


def _in_apposition(text: str, pos: int, until: int) -> bool:
    """Whether ``pos`` is inside ", the chatbot made by Moonshot AI," closed before ``until``."""
    if pos >= until:
        return False  # a name after the figure: no apposition closes before it (skips both scans)
    for m in _APPOSITION.finditer(text, max(0, pos - 90), until):
        if m.start() < pos < m.end() <= until:
            return True
    for m in _POSSESSIVE_APPOSITION.finditer(text, max(0, pos - 90), until):
        if m.start() < pos < m.end() <= until and _NAME_END.search(text, max(0, m.start() - 30), m.start()):
            return True
    return False


def _in_closed_brackets(text: str, pos: int, until: int) -> bool:
    """Whether ``pos`` sits inside brackets that close before ``until`` ("giants (such as Alibaba) filed 100")."""
    if pos >= until:
        return False  # any ")" after ``pos`` is after ``until`` too
    opened = text.rfind("(", 0, pos)
    if opened == -1 or text.rfind(")", 0, pos) > opened:
        return False
    closed = text.find(")", pos)
    return closed != -1 and closed < until


# After a comparative figure, what follows "as"/"than" is the baseline ("twice as many queries as it did in
# January"): its time is not the figure's.
_BASELINE = re.compile(r"\b(?:as|than|compared\s+(?:with|to)|from)\b", re.IGNORECASE)
# "from $2.5 billion in 2022 to over $20 billion": a time followed by "to" belongs to the first leg.
_NEXT_LEG = re.compile(r"\s*,?\s*(?:to|and|versus|against)\s+$", re.IGNORECASE)
_COMPARATIVE = re.compile(r"\b(?:as\s+(?:many|much)|than|times)\b|×", re.IGNORECASE)
_CLAUSE_PUNCT = re.compile(r"[.,;]")
_ENTITY_REACH = 400  # characters either side of a figure within which names are weighed
_FIGURE_REACH = 1000  # characters either side of a figure that its noun phrase and cues are read from
_TIME_REACH = 250  # characters either side of a figure within which its time is looked for


def _figure_time(doc: Document, text: str, base: int, mention: NumberMention, times: Sequence[TimeMention],
                 back_ref: bool, state: _State, *, change: bool,
                 time_ends: Sequence[int] | None = None) -> TimeScope:
    """The time of one figure: the nearest time in its sentence, leaving out a comparison's baseline and
    the time of the other leg of "from X in T1 to Y in T2"; a change between two times spans both."""
    start, end = mention.span.start - base, mention.span.end - base
    # Only times near the figure are weighed (bounded work per figure on a very long sentence).
    ends = time_ends if time_ends is not None else [t.span.end for t in times]
    lo = bisect_left(ends, mention.span.start - _TIME_REACH)
    near = []
    for t in times[lo : lo + 8]:
        if t.span.start - base > end + _TIME_REACH:
            break
        near.append(t)
    if not near:
        if times:
            return _sentence_time(doc, times, back_ref, state, anchor=(mention.span.start + mention.span.end) // 2)
        return _carried_time(doc, text, start, end, back_ref, state)
    times = near
    kept = []
    baselines = []
    said: list[TimeMention] = []
    for t in times:
        t0 = t.span.start - base
        if t0 >= end and ((_BASELINE.search(text, end, t0) and _COMPARATIVE.search(text, max(0, start - 5), t0))
                          or _is_baseline(text, end, t0, t)):
            baselines.append(t)  # the baseline of "twice as many ... as in January", "up 6% from the first quarter"
            continue
        if t0 >= end and (_OTHER_CLAUSE.search(text, end, t0) or _RECORD_SINCE.search(text, end, t0)
                          and t.text.lower().startswith("since")):
            continue  # "..., which gained AI features in January": another clause's time; a record's baseline
        if t.span.end - base <= start and _elsewhere_before(text, t0, t.span.end - base, start, change=change):
            continue  # "The start-up, which was founded in 2019, ... hire 150", "up from 15 million in Q3, and 40%"
        if _statement_day(text, t0, t, times):
            said.append(t)  # "the company said on Tuesday": when it was said, not what the figure covers
            continue
        kept.append(t)
    if change and not any(t.span.start - base >= end and not _CLAUSE_PUNCT.search(text, end, t.span.start - base)
                          for t in kept) and len(kept) >= 2:
        firsts = [t.time for t in kept if t.time.start]
        lasts = [t.time for t in kept if t.time.end]
        if firsts and lasts:  # "from $2.5 billion in 2022 to $20 billion in 2023, a 7× increase"
            a, b = min(firsts, key=lambda x: x.start), max(lasts, key=lambda x: x.end)
            return TimeScope(start=a.start, end=b.end, granularity=Granularity.SPAN, text=f"{a.text} to {b.text}",
                             anchored_on=a.anchored_on, resolved=True)
    # (A span such as "since last August to forty" is the figure's own time, not another leg's.)
    # (The other leg follows a figure of its own: "tripled last year to €48m" is one leg.)
    legs = [t for t in kept if t.time.granularity == Granularity.SPAN
            or not (t.span.end - base <= start and _NEXT_LEG.fullmatch(text, t.span.end - base, start)
                    and _FIGURE_BEFORE.search(text, max(0, t.span.start - base - 30), t.span.start - base))]
    if legs and len(legs) < len(kept):
        kept = legs
    if not kept:
        own = _carried_time(doc, text, start, end, back_ref and len(kept) == len(times), state)
        if own.as_of_publication and said:  # no period to report: the day of the statement is the best date
            own = said[-1].time
    else:
        own = _sentence_time(doc, kept, back_ref, state, anchor=(mention.span.start + mention.span.end) // 2)
    if change and not own.as_of_publication:  # a change between two named periods spans both
        own = _spanning(own, [t for t in baselines if not _YEAR_EARLIER.fullmatch(" ".join(t.text.split()))])
    return own


def _spanning(own: TimeScope, baselines: Sequence[TimeMention]) -> TimeScope:
    """``own`` widened to cover the baselines' periods (when all are dated)."""
    dated = [t.time for t in baselines if t.time.resolved and t.time.start and t.time.end]
    if not dated or own.start is None or own.end is None:
        return own
    a = min([own, *dated], key=lambda x: x.start)
    b = max([own, *dated], key=lambda x: x.end)
    if (a.start, b.end) == (own.start, own.end):
        return own
    return TimeScope(start=a.start, end=b.end, granularity=Granularity.SPAN, text=f"{a.text} to {b.text}",
                     anchored_on=own.anchored_on or a.anchored_on, resolved=True)


_TIME_LISTS = LEXICON.time_regex
_YEAR_EARLIER = _TIME_LISTS["year_earlier_references"]
_PERIOD_REFERENCE = _TIME_LISTS["period_references"]
# "up 6% from the second quarter": a baseline word right before the time; "to 16.9% from 7% a year
# earlier": a baseline word then another figure, whose time it is.
_BASELINE_WORDS = _TIME_LISTS["baseline_words"].pattern
_BASELINE_END = re.compile(_BASELINE_WORDS + r"\s+(?:the\s+)?$", re.IGNORECASE)
_BASELINE_FIGURE = re.compile(
    r"(?<![\w-])(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)than|against|compared\s+(?:with|to)|versus|vs\.?)"
    r"\s[^;]{0,200}?\d", re.IGNORECASE)
# After the figure: a comma opening another clause ("..., which gained AI features in January"), or the
# baseline of a record ("the highest level since the early 1960s").
_OTHER_CLAUSE = re.compile(
    r",\s*" + _TIME_LISTS["other_clause"].pattern + r"|" + _TIME_LISTS["superlatives"].pattern
    + r"[^;.]{0,80}?\bsince\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the first cut since March 2020" when the time expression itself starts with "since".
_RECORD_SINCE = re.compile(_TIME_LISTS["superlatives"].pattern + r"[^;.]{0,80}?$", re.IGNORECASE)
# "said on Tuesday", "published on Monday": the day of a statement.
_STATEMENT_DAY = re.compile(LEXICON.speech_regex.pattern + r"(?:\s+\w+)?\s+(?:on\s+)?$", re.IGNORECASE)
_FIGURE_BEFORE = re.compile(r"\d[\w.,%]*(?:\s+[^\s\d]+){0,2}\s+$")
_WEEKDAY_WORDS = frozenset([*WEEKDAYS, "today", "yesterday", "tonight"])


def _is_baseline(text: str, end: int, t0: int, t: TimeMention) -> bool:
    """Whether the time at ``t0`` is the baseline of a comparison made by the figure ending at ``end``:
    a baseline word close before it ("up 6% from the second quarter"), or a baseline word and another
    figure between them ("to 16.9% from 7% a year earlier")."""
    if t0 - end <= 60 and not _CLAUSE_PUNCT_HARD.search(text, end, t0):
        m = _BASELINE_END.search(text, max(end, t0 - 40), t0)
        if m and not (m.group().lower().startswith("on") and t.time.granularity == Granularity.DAY):
            return True
    return _BASELINE_FIGURE.search(text, end, t0) is not None


_CLAUSE_PUNCT_HARD = re.compile(r"[;.:]\s|\band\s+(?:said|says)\b")
# A time inside ", which ... ," before the figure, or the time of a baseline figure ("up from about 15
# million in the third quarter, and ... 40%").
# "... in 2015 and employs 19,000 people": "and" opens a present-tense clause of its own.
_PRESENT_AFTER_AND = re.compile(r"\band\s+(?:now\s+|still\s+|currently\s+)?"
                                + LEXICON.time_regex["present_markers"].pattern + r"\s+(?:\w+\s+)?$", re.IGNORECASE)
_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whose)\b[^,;]*$", re.IGNORECASE)
_BASELINE_BEFORE = re.compile(
    r"(?<![\w-])(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)than|against|compared\s+(?:with|to)|versus)"
    r"\s+[^,;]{0,30}?\d[^,;]{0,30}$", re.IGNORECASE)


def _elsewhere_before(text: str, t0: int, t1: int, start: int, *, change: bool) -> bool:
    """Whether a time before the figure belongs to a relative clause closed before it, or (unless the
    figure is a change, "from $2bn in 2022 to $20bn in 2023, a 7× increase") to a baseline figure of
    another comparison."""
    if "," in text[t1:start] and _RELATIVE_OPEN.search(text, max(0, t0 - 80), t0):
        return True
    if _PRESENT_AFTER_AND.search(text[t1:start]):
        return True  # "which listed in 2015 and employs 19,000 people": the figure is in a present clause
    return not change and _BASELINE_BEFORE.search(text, max(0, t0 - 70), t0) is not None and "," in text[t1:start]


def _statement_day(text: str, t0: int, t: TimeMention, times: Sequence[TimeMention]) -> bool:
    """Whether ``t`` is the day a statement was made: right after a verb of saying, or a bare weekday in a
    sentence with a verb of saying that also names a longer period ("reported first-quarter revenue of
    ... on Thursday")."""
    if t.time.granularity != Granularity.DAY:
        return False
    if _STATEMENT_DAY.search(text, max(0, t0 - 30), t0):
        return True
    if " ".join(t.text.lower().split()) not in _WEEKDAY_WORDS:
        return False
    longer = any(o.time.resolved and o.time.granularity not in (Granularity.DAY, Granularity.UNKNOWN) for o in times)
    return longer and LEXICON.speech_regex.search(text) is not None


def _carried_time(doc: Document, text: str, start: int, end: int, back_ref: bool, state: _State) -> TimeScope:
    """The time of a figure whose sentence gives none: a back-reference's time, else the reporting period
    of the paragraph or the story's lead when the figure is reported in the past tense ("Net profit rose
    8.9%"), else the publication date."""
    period = state.paragraph_period or state.lead_period
    if not back_ref and period is not None and _reports_past(text, start, end):
        return period.model_copy(update={"text": f"{period.text} (reporting period)"})
    if not back_ref and state.lead_day is not None and _reports_past(text, start, end):
        return state.lead_day.model_copy(update={"text": f"{state.lead_day.text} (the story's news day)"})
    return _sentence_time(doc, [], back_ref, state, anchor=None)


_TIME_WORDS = LEXICON.time_words
_NOT_REPORTED = re.compile(r"\b(?:shares|share\s+price|stocks?|market\s+value|market\s+capitali[sz]ation|valu(?:ed|ation|es))\b",
                           re.IGNORECASE)


def _reports_past(text: str, start: int, end: int) -> bool:
    """Whether the clause holding a figure reports it in the past tense, with no word putting it in the
    present ("now", "has", "stands") and not about a share price or a valuation (a day's market move)."""
    lo, hi = _clause_start(text, start), _clause_end(text, end)
    if _NOT_REPORTED.search(text, lo, hi):
        return False
    tokens = _WORD.findall(text, lo, hi)
    # Capitalised words past the first are names ("in May", "Still Water"), not markers of tense.
    words = [w.lower() for i, w in enumerate(tokens) if i == 0 or not w[:1].isupper()]
    if any(w in _TIME_WORDS["present_markers"] for w in words):
        return False
    return any(w in _TIME_WORDS["past_verbs"] or (len(w) > 4 and w.endswith("ed") and w not in _TIME_WORDS["not_past"])
               for w in words)


def _completed_period_reported(claims: Sequence[Claim], published: date | None) -> TimeScope | None:
    """A whole year or month, over before publication, that a figure of the lead reports ("capacity grew by
    50% in 2023", "employers added 254,000 jobs in September"): a report on that period, whose later
    past-tense figures take it. A period named without a figure ("founded in 2019") sets nothing."""
    if published is None:
        return None
    for c in claims:
        t = c.time
        if (isinstance(c, QuantityClaim) and t.resolved and not t.as_of_publication
                and t.granularity in (Granularity.YEAR, Granularity.MONTH)
                and t.start is not None and t.end is not None and t.start.day == 1 and t.end < published
                and (t.granularity == Granularity.MONTH or t.start.month == 1)):
            return t
    return None


#: How many days before publication the lead's "on Thursday" may lie to be the story's news day.
NEWS_DAY_WINDOW = 7


def _news_day(times: Sequence[TimeMention], published: date | None) -> TimeScope | None:
    """The day the lead says the news happened ("cut rates on Thursday"), when it is a few days before the
    publication date: past-tense figures of the story that give no time of their own happened then."""
    if published is None:
        return None
    for t in times:
        ts = t.time
        if (ts.granularity == Granularity.DAY and ts.start is not None and ts.start == ts.end
                and 0 < (published - ts.start).days <= NEWS_DAY_WINDOW):
            return ts
    return None


def _is_reporting_period(t: TimeScope) -> bool:
    """Whether ``t`` is a results period (a quarter, a half, "the year to June") that later figures of the
    story take."""
    if not t.resolved or t.start is None or t.end is None:
        return False
    return t.granularity in (Granularity.QUARTER, Granularity.HALF) or bool(_PERIOD_TEXT.search(t.text))


_PERIOD_TEXT = re.compile(r"\b(?:months?|year|quarter|half)\s+(?:to|ended|ending|through)\b|\bmonths\s+of\b",
                          re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SAME_PERIOD_OF = re.compile(r"\s+(?:of|in)\s+$")


def _new_paragraph(doc: Document, sent: Sentence, state: _State) -> None:
    """Count body paragraphs; a new one drops the paragraph's reporting period."""
    if sent.heading:
        return
    gap = doc.prose[max(0, state.prev_end) : sent.span.start] if state.prev_end >= 0 else "\n\n"
    if state.paragraphs == 0 or _PARAGRAPH_BREAK.search(gap):
        state.paragraphs += 1
        state.paragraph_period = None
    state.prev_end = sent.span.end


def _shift_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _moved(t: TimeScope, years: int, text: str) -> TimeScope:
    assert t.start is not None and t.end is not None
    start, end = _shift_years(t.start, years), _shift_years(t.end, years)
    if t.end.month == 2 and t.end.day >= 28:  # keep a period ending with February whole
        end = end.replace(day=calendar.monthrange(end.year, 2)[1])
    return t.model_copy(update={"start": start, "end": end, "text": text, "as_of_publication": False})


def _resolve_period_references(text: str, base: int, times: list[TimeMention], state: _State) -> list[TimeMention]:
    """Date "in the quarter", "over the period" (the reporting period: the sentence's own, else the one
    set up before) and "a year earlier", "the year before" (the time just before in the sentence, else
    the reporting period, a year back); "the same period of 2021" is the reporting period in 2021."""
    if not times or all(t.time.resolved for t in times):
        return times
    out: list[TimeMention] = []
    skip = -1
    for i, t in enumerate(times):
        if i == skip:
            continue
        phrase = " ".join(t.text.split())
        if t.time.resolved or not (_PERIOD_REFERENCE.fullmatch(phrase) or _YEAR_EARLIER.fullmatch(phrase)):
            out.append(t)
            continue
        earlier = [o.time for o in out if o.time.resolved and o.time.start and o.time.end]
        period = next((x for x in reversed(earlier) if _is_reporting_period(x)), None)
        period = period or state.paragraph_period or state.lead_period
        if _PERIOD_REFERENCE.fullmatch(phrase):
            if period is None:
                out.append(t)
                continue
            nxt = times[i + 1] if i + 1 < len(times) else None
            if (nxt is not None and nxt.time.granularity == Granularity.YEAR and nxt.time.start
                    and _SAME_PERIOD_OF.fullmatch(text, t.span.end - base, nxt.span.start - base)):
                # "the same period of 2021": the reporting period, in 2021
                span = Span(start=t.span.start, end=nxt.span.end)
                words = text[span.start - base : span.end - base]
                new = _moved(period, nxt.time.start.year - period.end.year, words)  # type: ignore[union-attr]
                out.append(TimeMention(span=span, text=words, time=new.model_copy(update={"span": span})))
                skip = i + 1
                continue
            new = period.model_copy(update={"text": f"{t.text} ({period.text})", "span": t.span})
        else:
            ref = earlier[-1] if earlier else (period or state.last_time)
            if ref is None or ref.start is None or ref.end is None:
                out.append(t)
                continue
            new = _moved(ref, -1, f"{t.text} ({ref.text}, a year before)").model_copy(update={"span": t.span})
        out.append(t.model_copy(update={"time": new}))
    return out


def _sentence_time(doc: Document, times: Sequence[TimeMention], back_ref: bool, state: _State,
                   anchor: int | None) -> TimeScope:
    if times:
        if anchor is None or len(times) == 1:
            return times[0].time
        return min(times, key=lambda t: abs((t.span.start + t.span.end) // 2 - anchor)).time
    if back_ref and state.last_time is not None:
        return state.last_time.model_copy(update={"text": f"{state.last_time.text} (referred back)"})
    return _publication_time(doc.published)


@lru_cache(maxsize=64)
def _publication_time(published: date | None) -> TimeScope:
    """The time of a figure whose text names none: the publication day (one frozen record per day, shared)."""
    return TimeScope.trusted(  # parts already valid: no re-validation
        start=published, end=published, granularity=Granularity.DAY if published else Granularity.UNKNOWN,
        text="as of publication", anchored_on=published, resolved=published is not None,
        as_of_publication=True,
    )


def _attribution(text: str, base: int, entities: Sequence[EntityRef],
                 state: _State | None = None) -> tuple[str | None, list[Span]]:
    """Who the sentence attributes its figures to, and the spans naming them (never subjects)."""
    state = state or _State()
    m = LEXICON.source_before_regex.search(text)
    if m:
        tail = text[m.end():]
        stop = re.search(r"[,.;:()]|\s+(?:and|which|who|that|in|on)\s", tail)
        phrase = tail[: stop.start()].strip() if stop else tail.strip()
        ents = [e for e in entities if e.span and m.end() <= e.span.start - base <= m.end() + len(phrase) + 1]
        if ents:
            return ents[0].name, [e.span for e in ents]
        if phrase:
            spans = [Span(start=base + m.end(), end=base + m.end() + len(tail))]
            who = _described_source(phrase, base, m.start(), entities, state)
            return (who.name if who else _ATTRIBUTION_TRIM.sub("", phrase)), spans
    for v in _saying_verbs(text):
        # Speaker before the verb: the nearest person, else the nearest entity, skipping "X, CEO of Y,".
        before = [e for e in entities if e.span and e.span.end - base <= v.start()
                  and v.start() - (e.span.end - base) <= 60]
        people = [e for e in before if e.type == "person" or (e.method == "unresolved" and " " in e.name)]
        if people:
            who = people[-1]
            # The speaker's description ("Baidu chief executive Robin Li", "Robin Li, CEO of Baidu,") is not a
            # subject; names before the comma that opens it are ("launched in China, Baidu chief ... Li told").
            opened = max(text.rfind(",", 0, who.span.start - base), text.rfind(";", 0, who.span.start - base))
            return who.name, [e.span for e in before if e.span.start - base > opened]
        window = max(0, v.start() - 40)
        descriptions = [d for d in LEXICON.description_regex.finditer(text, window, v.start())
                        if LEXICON.speech_gap_regex.fullmatch(text, d.end(), v.start())]
        if descriptions:  # "the Beijing start-up said", "the company puts the cost at ..."
            d = descriptions[-1]
            who = _described_source(d.group(), base, d.start(), entities, state, text)
            if who is not None:
                return who.name, [Span(start=base + d.start(), end=base + d.end())]
        generic = [g for g in LEXICON.generic_source_regex.finditer(text, window, v.start())]
        if generic:
            g = generic[-1]
            named = [e for e in before if 0 <= g.start() - (e.span.end - base) <= 1]
            if named:  # "CLSA analysts expect": the firm the analysts work for
                return named[-1].name, [named[-1].span]
            employer = _EMPLOYER.match(text, g.end())
            at = [e for e in before if employer and e.span.start - base == employer.end()]
            if at:  # "Analysts at Berenberg said": the firm, not "analysts"
                return at[0].name, [at[0].span]
            described = _described_source(g.group(), base, g.start(), entities, state, text)
            if described is not None and LEXICON.speech_gap_regex.fullmatch(text, g.end(), v.start()):
                return described.name, [Span(start=base + g.start(), end=base + g.end())]  # "The company said"
            return g.group(), []
        if before and v.start() - (before[-1].span.end - base) <= 30 and LEXICON.speech_gap_regex.fullmatch(
                text, before[-1].span.end - base, v.start()):  # "Baidu says", "DeepSeek has published"
            return before[-1].name, [before[-1].span]
        known = _person_named_before(text, window, v.start(), state)
        if known is not None:  # "Li also said": a person the text named in full earlier
            return known.name, []
        after = [e for e in entities if e.span and 0 <= e.span.start - base - v.end() <= 2]
        if after:  # "said Robin Li"
            return after[0].name, [after[0].span]
    return None, []


def _saying_verbs(text: str) -> list[re.Match[str]]:
    """Verbs of saying, and verbs of estimating followed by "at <figure>" ("CLSA put the share at 40%")."""
    # "Netflix added 12.8 million", "Ernie Bot reported over 100 million users": a verb of saying with a
    # figure for its object states the figure about its subject; it names no source.
    # "raised its forecast", "in the report": after a determiner the word is a noun, not a verb of saying.
    verbs = [v for v in LEXICON.speech_regex.finditer(text) if not _FIGURE_NEXT.match(text, v.end())
             and not _NOUN_DETERMINER.search(text, max(0, v.start() - 8), v.start())]
    for v in LEXICON.estimate_regex.finditer(text):
        if _AT_FIGURE.search(text, v.end(), min(len(text), v.end() + 120)):
            verbs.append(v)
    return sorted(verbs, key=lambda v: v.start())


_FIGURE_NEXT = re.compile(
    r"\s+(?:(?:more|fewer|less)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|around\s+|some\s+|another\s+|"
    r"a\s+record\s+|a\s+further\s+)?(?:US|NT|HK|A|C|S)?[$€£¥]?\d"
)
_NOUN_DETERMINER = re.compile(r"\b(?:its|their|the|a|an|his|her|our|this|that|latest|annual)\s+$", re.IGNORECASE)
# "analysts at Berenberg", "economists from Nomura": the firm they work for follows.
_EMPLOYER = re.compile(r"\s+(?:at|from|with)\s+(?:the\s+)?", re.IGNORECASE)
# "... at 40%", "... at $5.576 million": the figure an estimate puts something at.
_AT_FIGURE = re.compile(r"\bat\s+(?:about\s+|around\s+|roughly\s+|some\s+)?[$€£¥]?\d")
_CAPITAL_WORD = re.compile(r"(?<![\w-])([A-Z][\w’'-]*)")


_POSSESSIVE_DESCRIPTION = re.compile(r"(?:the\s+)?([\w-]+)[’']s\s", re.IGNORECASE)


def _described_source(phrase: str, base: int, pos: int, entities: Sequence[EntityRef],
                      state: _State, text: str = "") -> EntityRef | None:
    """The named source a description stands for: "the company" -> the organisation in play,
    "the report" -> the last source named by name."""
    if LEXICON.document_regex.fullmatch(phrase.strip()):
        return state.last_source
    owner = _POSSESSIVE_DESCRIPTION.match(phrase.strip())
    if owner and LEXICON.anaphora.get(owner.group(1).lower()) == "org":
        return _org_in_play(base, pos, entities, state, text)  # "the agency's annual statistics"
    d = LEXICON.description_regex.fullmatch(phrase.strip())
    if d and LEXICON.anaphora.get(d.group("head").lower()) == "org" and not phrase.lower().startswith(("this", "that")):
        return _org_in_play(base, pos, entities, state, text)
    return None


def _person_named_before(text: str, lo: int, verb: int, state: _State) -> EntityRef | None:
    """A person the text named in full earlier, now called by one part of the name ("Li also said")."""
    m = None
    for m in _CAPITAL_WORD.finditer(text, lo, verb):
        pass
    if m is None or not LEXICON.speech_gap_regex.fullmatch(text, m.end(), verb):
        return None
    return state.people.get(m.group(1))


_CITATION = re.compile(r"\((?:[^()]{0,80}?,\s*)?(?:19|20)\d\d[a-z]?\)")


def _in_citation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in an author-year citation such as "(Deng, 2024)" -- a source's date, not the figure's."""
    opened = text.rfind("(", 0, pos + 1)
    if opened == -1:
        return False
    m = _CITATION.match(text, opened)
    return bool(m and m.end() > pos and re.search(r"[A-Z]", m.group()))


def _overlaps_any(span: Span, times: Sequence[TimeMention], starts: Sequence[int]) -> bool:
    """Whether ``span`` overlaps a time; ``times`` are sorted by start (``starts``), so only the few
    starting just before its end need a look."""
    i = bisect_left(starts, span.end)
    return any(t.span.start < span.end and span.start < t.span.end for t in times[max(0, i - 3) : i])


# -- named claims ----------------------------------------------------------------


def _is_person(e: EntityRef) -> bool:
    return e.type == "person" or (e.method == "unresolved" and 2 <= len(e.name.split()) <= 3)


# Between a role word and the name: a space, or "and <other role>" ("co-founder and chief executive Li").
_ROLE_GAP = re.compile(r"\s+(?:and\s+(?:[\w-]+\s+){1,3})?")
# Around the role words: "PERSON, (the) ROLE", "ROLE of ORG", "ORG's ROLE". Searched near the role words only
# (not from the sentence start), so a run-on sentence of roles costs linear time.
_ROLE_REACH = 200
_COMMA_BEFORE = re.compile(r",\s*(?:the\s+|its\s+)?$")
_OF_AFTER = re.compile(r"\s+(?:of|at)\s+")
_ORG_BEFORE_ROLE = re.compile(r"([’']s)?\s+(?:[\w-]+\s+and\s+)?$")


def _role_claims(text, base, entities, time, state, common) -> list[RoleClaim]:
    out: list[RoleClaim] = []
    by_start = {e.span.start - base: e for e in entities if e.span}
    by_end = {e.span.end - base: e for e in entities if e.span}
    for m in LEXICON.role_regex.finditer(text):
        role = LEXICON.role_words[" ".join(m.group().lower().split())]
        person = org = None
        # "ROLE PERSON" or "ROLE and ROLE PERSON": a person right after the role words.
        j = m.end()
        for k in range(j, min(len(text), j + 45) + 1):
            e = by_start.get(k)
            if e and _is_person(e) and _ROLE_GAP.fullmatch(text[j:k]):
                person = e
                break
        if person is None:
            # "PERSON, (the) ROLE of ORG"
            pre = _COMMA_BEFORE.search(text, max(0, m.start() - _ROLE_REACH), m.start())
            if pre:
                e = by_end.get(pre.start())
                if e and _is_person(e):
                    person = e
        if person is None:
            continue
        post = _OF_AFTER.match(text, m.end())
        if post:
            org = by_start.get(post.end())
        if org is None:
            # "ORG's ROLE" or "ORG ROLE" just before the role words (allowing "co-founder and").
            lead = _ORG_BEFORE_ROLE.search(text, max(0, m.start() - _ROLE_REACH), m.start())
            if lead:
                e = by_end.get(lead.start())
                if e and not _is_person(e) and e.type in ("org", "body", None):
                    org = e
        if org is None:
            # "its chief executive", "the company's founder", "The Hangzhou company, whose founder ...": the
            # organisation in play (named before in the sentence, else the one the text is about).
            pointer = _ROLE_POINTER.search(text, max(0, m.start() - 40), m.start())
            if pointer and (pointer.group("own") or pointer.group("whose")):
                if pointer.group("own") or LEXICON.description_regex.search(text, _clause_start(text, pointer.start()),
                                                                            pointer.start()):
                    org = _org_in_play(base, pointer.start(), entities, state)
        if org is None and not any(e.span and e.span.start - base < m.start() and not _is_person(e) for e in entities):
            # "Chief executive C.C. Wei said ..." in a story about TSMC: a title without an organisation,
            # with no other name before it, is at the organisation in play.
            org = state.main_org or state.topic_org  # the story's company rather than the last one named
        span = Span(start=base + min(m.start(), person.span.start - base),
                    end=base + max(m.end(), person.span.end - base))
        out.append(RoleClaim(**common, span=span, text=text[span.start - base : span.end - base],
                             person=person, role=role, org=org, time=time))
    for m in LEXICON.role_verb_regex.finditer(text):  # "Jane Roe, who heads Acme"
        person, org = by_end.get(m.start()), by_start.get(m.end())
        if person is None or org is None or not _is_person(person) or not (_org_like(org) or org.type == "body"):
            continue
        role = LEXICON.claims["role_verbs"][m.group("verb").lower()]
        span = Span(start=person.span.start, end=org.span.end)
        out.append(RoleClaim(**common, span=span, text=text[span.start - base : span.end - base],
                             person=person, role=role, org=org, time=time))
    return out


# What points a role at an organisation without naming it: "its", "the company's", ", whose".
_ROLE_POINTER = re.compile(
    r"(?:(?P<own>\bits|\bthe\s+(?:[\w-]+\s+)?(?:company|firm|group|start-up|startup)[’']s)|(?P<whose>,\s*whose))"
    r"\s+(?:[\w-]+\s+and\s+)?$",
    re.IGNORECASE,
)


_LEADING = re.compile(r"[\W_]*")


def _opens_with_org(text: str, lo: int, stop: int) -> bool:
    """Whether the clause from ``lo`` opens with "It" or a description of an organisation ("The Hangzhou
    company ...") that no other name precedes before ``stop``."""
    pos = _LEADING.match(text, lo, stop).end()
    if re.match(r"it\b", text[pos : pos + 3], re.IGNORECASE):
        return True
    d = LEXICON.description_regex.match(text, pos, stop)
    return bool(d and d.start() == pos and LEXICON.anaphora.get(d.group("head").lower()) == "org"
                and text[pos : pos + 4].lower() != "its ")


def _event_claims(text, base, entities, times, back_ref, state, common) -> list[EventClaim]:
    if not times and not back_ref:
        return []
    out: list[EventClaim] = []
    for key, pattern in LEXICON.event_regex:
        for m in pattern.finditer(text):
            lo = _clause_start(text, m.start())
            if key == "popularised":  # "the popularisation of ChatGPT" -- the participant follows
                after = [e for e in entities if e.span and 0 <= e.span.start - base - m.end() <= 20]
                # Skip a possessor: "the release of OpenAI's ChatGPT" is about ChatGPT.
                after = [e for e in after if not re.match(r"[’']s\b", text[e.span.end - base :])]
                parts = after[:1]
            else:
                parts = [e for e in entities if e.span and lo <= e.span.start - base and e.span.end - base <= m.start()
                         and e.type != "person"]
                # Only the list right before the verb: "Baidu, SenseTime and Zhipu AI received ..."
                parts = _trailing_list(text, base, parts, m.start())
                if not parts and _opens_with_org(text, lo, m.start()):
                    # "The Hangzhou company, whose founder ..., was set up in 2023": the organisation in play,
                    # located at the words that describe it.
                    org = _org_in_play(base, lo, entities, state)
                    where = _LEADING.match(text, lo, m.start()).end()
                    parts = [org.model_copy(update={"span": Span(start=base + where, end=base + m.start())})] \
                        if org is not None else []
            if not parts and key != "popularised":
                # "Halcyon, which was founded in 2004", "Northbridge, founded in 1887": the name before a
                # relative clause or a participle set off by a comma.
                before = [e for e in entities if e.span and e.span.end - base <= m.start() and e.type != "person"]
                if before and _RELATIVE_GAP.fullmatch(text, before[-1].span.end - base, m.start()):
                    parts = [before[-1]]
            if not parts:
                continue
            time = _sentence_time(Document(id="", text="", prose=""), times, back_ref, state,
                                  anchor=(base + m.start() + base + m.end()) // 2)
            span = Span(start=min(p.span.start for p in parts), end=max(base + m.end(), max(p.span.end for p in parts)))
            out.append(EventClaim(**common, span=span, text=text[span.start - base : span.end - base],
                                  participants=parts, event=key, time=time))
    return out


# What may stand between a list of names and its verb: auxiliaries and adverbs only.
_VERB_GAP = re.compile(
    r"\s*(?:(?:has|have|had|was|were|is|are|been|also|already|recently|just|all|jointly|formally|officially|"
    r"reportedly|each|both|now|then|finally|first)\s+)*"
)


# Between a name and its verb in a relative clause or participle: "Halcyon, which was founded".
_RELATIVE_GAP = re.compile(r"\s*,\s*(?:(?:which|who|that)\s+)?" + _VERB_GAP.pattern)

_AGENT_BEFORE = re.compile(r"\b(?:by|from|of|with|to|for)\s+(?:the\s+)?$")


def _trailing_list(text: str, base: int, ents: list[EntityRef], stop: int) -> list[EntityRef]:
    """The entities forming a list that ends right before ``stop`` ("A, B and C <verb>")."""
    out: list[EntityRef] = []
    pos = stop
    for e in reversed(ents):
        if not out and _AGENT_BEFORE.search(text, max(0, e.span.start - base - 20), e.span.start - base):
            break  # "approved by the CCP was released": the agent of another verb, not the list
        gap = text[e.span.end - base : pos]
        if out and not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*", gap):
            break
        if not out and not _VERB_GAP.fullmatch(gap):
            break
        out.insert(0, e)
        pos = e.span.start - base
    return out


_GROUP_AFTER = re.compile(
    r"\s*((?:the\s+)?[“\"‘']?[\w’' -]{3,80}?[”\"’']?)(?=[,.;:()]|\s+(?:to|in|on|that|which|who|alongside|along|together)\b|$)")
_EXAMPLE_CUES = frozenset({"including", "includes", "include", "such as"})
# A pronoun standing for the members right before the cue: "they are now known as", "both are among".
_PRONOUN_MEMBERS = re.compile(r"\b(?:they|these|those|both|all\s+three|all\s+four)\b", re.IGNORECASE)
# ", founded by Kai-Fu Lee," between the members and their verb: a description set off by commas.
_PARENTHETICAL = re.compile(r",[^,;]{1,100},")


def _membership_claims(text, base, entities, time, state, common) -> list[MembershipClaim]:
    negative, positive = LEXICON.membership_regex
    out: list[MembershipClaim] = []
    names = [e for e in entities if e.span and e.type != "place" and (e.method != "unresolved" or len(e.name.split()) >= 2)]
    starts = [e.span.start for e in names]
    negated_spans: list[Span] = []  # in text order
    ni = 0
    for negated, pattern in ((True, negative), (False, positive)):
        for m in pattern.finditer(text):
            if not negated:
                while ni < len(negated_spans) and negated_spans[ni].end <= base + m.start():
                    ni += 1
                if any(c.start <= base + m.start() < c.end for c in negated_spans[ni : ni + 3]):
                    continue  # "not among" was read already
            cue = " ".join(m.group().lower().split())
            if cue in _EXAMPLE_CUES:
                # "young start-ups such as A, B and C": the group precedes the cue, the members follow it.
                claim = _example_membership(text, base, names, m, time, common)
                if claim is not None:
                    out.append(claim)
                continue
            group_m = _GROUP_AFTER.match(text, m.end())
            if not group_m:
                continue
            group = group_m.group(1).strip()
            lo = _clause_start(text, m.start())
            stop = m.start()
            # Step over a description between the members and their verb ("01.AI, founded by ..., is one of").
            for p in _PARENTHETICAL.finditer(text, max(lo, stop - 120), stop):
                if _VERB_GAP.fullmatch(text, p.end(), stop):
                    stop = p.start()
                    break
            first = bisect_left(starts, base + max(lo, stop - 300))  # a list of members stands close to its verb
            members = []
            for e in names[first:]:
                if e.span.end - base > stop:
                    break
                members.append(e)
            members = _trailing_list(text, base, members, stop) or members
            pronoun = None
            for pronoun in _PRONOUN_MEMBERS.finditer(text, max(0, m.start() - 40), m.start()):
                pass
            if pronoun is not None and _VERB_GAP.fullmatch(text, pronoun.end(), m.start()):
                # "Zhipu AI, Moonshot AI and MiniMax ..., and together with Baichuan they are known as ...":
                # the pronoun stands for the sentence's first list (else the last group named), plus any
                # member "together with" it.
                first = _leading_list(text, base, names, 0)
                members = first if len(first) >= 2 else list(state.last_members)
                members = members + [e for e in names if e.span.end - base <= pronoun.start()
                                     and _joined_member(text, base, e) and e not in members]
            elif not members and re.match(r"\s*(?:these|those|they|the\s+four|the\s+three)\b", text[lo:m.start()],
                                          re.IGNORECASE):
                members = list(state.last_members)
            if not members:
                continue
            # "... is one of the companies in the new batch, alongside the smartphone maker Xiaomi."
            after = bisect_left(starts, base + group_m.end())
            joined = next((e for e in names[after : after + 3] if _joined_member(text, base, e)), None)
            if joined is not None:  # "..., together with Zhipu AI, Moonshot AI and MiniMax"
                members = members + [e for e in _leading_list(text, base, names, joined.span.start - base)
                                     if e not in members]
            state.last_members = members
            if negated:
                negated_spans.append(Span(start=min(e.span.start for e in members), end=base + group_m.end()))
            span = Span(start=min(e.span.start for e in members),
                        end=max(base + group_m.end(), max(e.span.end for e in members)))
            out.append(MembershipClaim(**common, span=span, text=text[span.start - base : span.end - base],
                                       members=members, group=_group_key(group), negated=negated, time=time))
    return out


def _joined_member(text: str, base: int, e: EntityRef) -> bool:
    """Whether ``e`` is added to a group by "alongside", "together with", "as well as" (up to three
    describing words between: "alongside the smartphone maker Xiaomi")."""
    pos = e.span.start - base
    for j in LEXICON.member_joiner_regex.finditer(text, max(0, pos - 60), pos):
        if re.fullmatch(r"\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}", text[j.end() : pos]):
            return True
    return False


def _leading_list(text: str, base: int, names: Sequence[EntityRef], pos: int) -> list[EntityRef]:
    """The names forming a list that starts at ``pos`` ("A, B and C ..."), allowing a leading "the"."""
    out: list[EntityRef] = []
    lo, hi = 0, len(names)
    while lo < hi:  # skip the names before ``pos`` (sorted by start) by bisection
        mid = (lo + hi) // 2
        if names[mid].span.start - base < pos:
            lo = mid + 1
        else:
            hi = mid
    for e in names[lo:]:
        s = e.span.start - base
        if s < pos:
            continue
        gap = text[pos:s]
        if not out and not re.fullmatch(r"[\W_]*(?:the\s+)?", gap):
            break
        if out and not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*", gap):
            break
        out.append(e)
        pos = e.span.end - base
    return out


def _example_membership(text, base, names, m, time, common) -> MembershipClaim | None:
    """"young start-ups such as A, B and C": A, B and C are members of the group named before the cue."""
    members = _leading_list(text, base, names, m.end())
    if not members:
        return None
    # The group: up to three words right before the cue, after any stop word or article.
    lo = max(0, m.start() - 60)
    words = [w for w in _WORD.finditer(text, lo, m.start())]
    group: list[re.Match[str]] = []
    for w in reversed(words):
        low = w.group().lower()
        if low in _NP_STOP or low in _NP_SKIP or len(group) >= 3 or re.search(r"[^\w\s’'-]", text[w.end() : (group[0].start() if group else m.start())]):
            break
        group.insert(0, w)
    if not group:
        return None
    span = Span(start=base + group[0].start(), end=max(e.span.end for e in members))
    return MembershipClaim(**common, span=span, text=text[span.start - base : span.end - base], members=members,
                           group=_group_key(text[group[0].start() : group[-1].end()]), negated=False, time=time)


def _group_key(group: str) -> str:
    # Quote marks go; an apostrophe inside a word stays ("europe's fastest-growing carriers").
    g = re.sub(r"[“”\"‘]|[’'](?!\w)|(?<!\w)[’']", "", group.lower()).replace("’", "'")
    g = re.sub(r"^(?:the|a|an)\s+", "", g)
    return " ".join(g.split())
