"""**subject** -- the nearest entity before the figure in its clause (names used as modifiers,
"ChatGPT-like", are not candidates), else "in <place>" after it, else the document's current topic.
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from factcheck._data import load_toml
from factcheck.claims._text import (
    _COMMA_BEFORE,
    _ENTITY_REACH,
    _LEADING,
    _PLACE_MODIFIER_HEAD,
    _SUBJECT_WORDS,
    PhraseRegex,
    _clause_end,
    _clause_start,
    once_per_sentence,
)
from factcheck.claims.state import _ORG_SUFFIXES, _State, _is_person, _org_like
from factcheck.lexicon import LEXICON, phrase_regex
from factcheck.mentions.dates import MONTHS
from factcheck.mentions.entities import fold
from factcheck.models import EntityRef, Span


_PLACE_AFTER: Final = re.compile(r"\b(?:in|across|throughout)\s+$", re.IGNORECASE)
_SUBJECT_TYPES: Final = frozenset({"org", "product", "place", "body", None})

_NATIONAL_MEASURES: Final = frozenset(_SUBJECT_WORDS["national_measures"])
_NATIONAL_CUES: Final = PhraseRegex(phrase_regex(_SUBJECT_WORDS["national_cues"]), _SUBJECT_WORDS["national_cues"])


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


def _subject(text: str, base: int, start: int, entities: Sequence[EntityRef], skip: Sequence[Span],
             state: _State, sentence_entities: Sequence[EntityRef], *, rate: bool = False) -> EntityRef | None:
    """The subject of the figure at ``start``; ``entities`` are the names near it, of the sentence's names
    ``sentence_entities``."""
    lo = _clause_start(text, start)
    hi = _clause_end(text, start)
    may_be_subject = _may_be_subjects(text, base, sentence_entities, skip)
    candidates = [e for e in entities if id(e) in may_be_subject
                  and not _in_closed_brackets(text, e.span.start - base, start)
                  # "Sakai told reporters in Tokyo that ...": where something was said is not what it is about
                  and not (e.type in ("place", None) and _SPEECH_VENUE.search(
                      text, max(0, e.span.start - base - 40), e.span.start - base))
                  and not _in_apposition(text, e.span.start - base, start)
                  and not _after_cue(_EXAMPLES_CUE, text, lo, e.span.start - base)
                  and not _after_cue(_MEMBERSHIP_CUE, text, lo, e.span.start - base)]
    named = [e for e in entities if e.span and e.type in ("place", None)]
    placed = {e.span.start for i, e in enumerate(named) if lo <= e.span.start - base < start
              and _in_place_phrase(text, base, named, i)}
    left = [e for e in candidates if lo <= e.span.start - base and e.span.end - base <= start]
    # "the goal agreed at the COP28 climate summit in Dubai, to triple capacity": a place in a phrase after a
    # noun, closed by a comma before the figure, says where something else was; it is not the figure's subject.
    left = [e for e in left if not (e.span.start in placed and _CLOSED_AFTER_NOUN.search(
        text, max(0, e.span.start - base - 24), e.span.start - base) and "," in text[e.span.end - base : start]
        and not _RELATIVE_AFTER.match(text, e.span.end - base))]  # "a strike at Boeing, which has kept 33,000"
    relative = _speaker_described(text, base, start, entities, skip)
    if relative is not None:  # "Orchard Farms, which supplies 300 supermarkets, said ...": the speaker's own figure
        return relative
    if left and _NAME_WITH.fullmatch(text, left[-1].span.end - base, start):
        return left[-1]  # "followed by China with 4.1 million and Taiwan with nearly 3 million"
    if left and _gapped(text, left[-1].span.start - base, left[-1].span.end - base, start):
        return left[-1]  # "Baidu had 100 million users and Alibaba 80 million": the verb left out, not the name
    opener = _opening_subject(text, base, lo, start, candidates, state, placed)
    if opener is not None:
        return opener
    # "It employs 450 people in Germany", "Its gross margin was 53%, ... an earthquake in Taiwan": the
    # clause is about the organisation it points back to, not a place in a phrase of its own.
    org_pointer = (_ORG_POINTER.search(text, max(lo, start - _ENTITY_REACH), start)
                   or _ORG_POINTER.match(text, _LEADING.match(text, 0, 20).end()))
    if left and _is_person(left[-1]) and not _org_like(left[-1]):
        # "Founded in 2011 by Rohan Mehta, who is still its chief executive, the Bengaluru-based company runs
        # 212 warehouses": a description of the organisation after the person is the verb's subject.
        described = _DESCRIPTION_AFTER.search(text, left[-1].span.end - base, start)
        if described is not None:
            org = _described_org(described.group().lower(), state) or state.topic_org or state.main_org
            if org is not None:
                return org
    if left:
        if left[-1].type in ("place", None) and left[-1].span.start in placed:
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
                and not org_pointer and "," not in text[start:s]
                # "About 300 of its turbines are in Spain": the owner's things, the place says where they are
                and not _OWNED_AFTER_FIGURE.search(text, start, s)):
            return e
    earlier = [e for e in candidates if e.span.end - base <= lo and e.type != "person"]
    # A pronoun or description pointing back, unless it names the source ("the company said").
    pointing_back = next((a for a in _ANAPHOR.finditer(text, lo, hi)
                          if not any(s.start <= base + a.start() < s.end for s in skip)), None)
    pointing_back = pointing_back or _ANAPHOR.search(text, 0, min(len(text), 12))
    if pointing_back:
        # "Zhipu AI said it had raised $5 billion": "it" is the speaker when the speaker is an organisation.
        speakers = [e for e in entities if e.span and (e.type in ("org", "product") or _org_like(e))
                    and e.span.end - base <= start and any(s.contains(e.span) for s in skip)]
        said_at = speakers[-1].span.end - base if speakers else hi
        said = text[said_at:hi]
        pronoun = re.search(r"\b(?:it|its)\b", said, re.IGNORECASE)
        # (not when a nearer name or description stands before the pronoun: "X said the city had added 900 jobs
        # to its payroll", "X said Transsion shipped 25 million handsets, twice its total")
        # (nor a bare "it" after the figure: "with Chinese makers supplying two-thirds of it" is what the share
        # is of; "1,900 of its members" is the speaker's own)
        if pronoun and (said_at + pronoun.start() < start or pronoun.group().lower() == "its") and not LEXICON.description_regex.search(
                said, 0, pronoun.start()) and not any(
                e.span and said_at <= e.span.start - base < said_at + pronoun.start() for e in entities):
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
        if pointing_back.group().lower().startswith("the government") and state.main_place is not None:
            return state.main_place  # "The government aims to attract 60 million visitors": the country's
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
_DESCRIPTION: Final = (r"the\s+(?:[\w’'-]+\s+){0,2}?" + phrase_regex(_SUBJECT_WORDS["opening_descriptions"]).pattern
                + r"(?![\w-])")
_OPENING_DESCRIPTION: Final = re.compile(r"[\W_]{0,3}" + _DESCRIPTION, re.IGNORECASE)
# The same description later in a clause, opening a phrase after a comma ("..., the Bengaluru-based company runs").
_DESCRIPTION_AFTER: Final = re.compile(r"(?<=,\s)" + _DESCRIPTION + r"(?!\s+(?:of|for|at|in|said|says)\b)", re.IGNORECASE)
_SPEECH_VENUE: Final = re.compile(
    LEXICON.speech_regex.pattern + r"(?:\s+(?:reporters|journalists|analysts|investors|lawmakers|delegates))?"
    r"\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_NAME_WITH: Final = re.compile(r"[ ]+with[ ]+")  # between a name and its own figure in a list ("China with 4.1 million")
_GAP_BEFORE: Final = re.compile(r"(?:,|\b(?:and|but|while|whereas))[ ]+$")  # "... and| Alibaba 80 million"
_GAP_AFTER: Final = re.compile(r"(?:[’']s)?[ ]+")  # "Alibaba| 80 million", "France's| 2%"
_DIGIT: Final = re.compile(r"\d")


def _gapped(text: str, name_start: int, name_end: int, start: int) -> bool:
    """Whether the name ending at ``name_end`` stands straight before the figure at ``start`` in a clause whose
    verb is left out because the sentence said it before, with a figure of its own: "Baidu had 100 million
    users and Alibaba 80 million", "Exports rose 3% in Germany and France's 2%", "Apple sold 50 million, Samsung
    40 million". The name is that figure's subject, whatever opened the sentence.

    >>> _gapped("Baidu had 100 million users and Alibaba 80 million.", 32, 39, 40)
    True
    >>> _gapped("Baidu and Alibaba 80 million.", 10, 17, 18)
    False
    """
    return (_GAP_AFTER.fullmatch(text, name_end, start) is not None
            and _GAP_BEFORE.search(text, max(0, name_start - 12), name_start) is not None
            and _DIGIT.search(text, 0, name_start) is not None)
_OPENING_NAME: Final = re.compile(r"[\W_]{0,3}$")
_NAME_GOES_ON: Final = re.compile(r"[ ]+(?:(?:of|for|and|&)[ ]+)?[A-Z]")  # "Bank| of England", "Port| Authority"  # only quotes or brackets before a name that opens the sentence
_LIST_AFTER: Final = re.compile(r"\s*(?:,\s*[A-Z]|and\b|&|/)")  # "Baidu, Alibaba and Tencent filed ...": a list
_POSSESSIVE_AFTER: Final = re.compile(r"[’']s?(?!\w)")


def _opening_subject(text: str, base: int, lo: int, start: int, candidates: Sequence[EntityRef],
                     state: _State, placed: frozenset[int] | set[int] = frozenset()) -> EntityRef | None:
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
        if described is None or described.end() > start or _NAME_GOES_ON.match(text, described.end()):
            return None  # "The Bank of England said": the opening words begin a name, not a description
        topic = state.topic if state.topic is not None and state.topic.type in (None, "org") else None
        org = _described_org(described.group().lower(), state) or state.topic_org or topic or state.main_org
        if org is None:
            return None
        opener, end = org, described.end()
    later = [e for e in candidates if end <= e.span.start - base and e.span.end - base <= start]
    # "Cascade Valley, which has 212 branches in Oregon, Washington and Idaho, said it would close 15": places
    # in a phrase of their own say where, not who; the opener stays the subject.
    later = [e for e in later if e.span.start not in placed]
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
# (Its phrases for PhraseRegex leave out the word that may stand between: "the Chinese company".)
_ORG_POINTER: Final = PhraseRegex(re.compile(
    r"\b(?:it|its|it's|the\s+(?:[\w-]+\s+)?(?:" + "|".join(re.escape(w) for w in LEXICON.claims["anaphora"]["org"])
    + r"))(?![\w-])", re.IGNORECASE), ["it", "its", "it's", *(f"the {w}" for w in LEXICON.claims["anaphora"]["org"])])
# "of its turbines", "of their 40 stores" after a figure: what is counted belongs to whom the pronoun points to.
_OWNED_AFTER_FIGURE: Final = re.compile(r"\bof\s+(?:its|their)\b", re.IGNORECASE)
# A place inside a phrase of its own: "in Ohio", "from Lisbon", "across Europe".
_PLACE_PHRASE: Final = re.compile(phrase_regex(_SUBJECT_WORDS["place_prepositions"]).pattern + r"\s+(?:the\s+)?$",
                           re.IGNORECASE)


def _in_place_phrase(text: str, base: int, names: Sequence[EntityRef], i: int) -> bool:
    """Whether ``names[i]`` sits in a locative phrase: right after "in"/"at"/"across"..., or listed after a
    place that does ("in Oregon, Washington and Idaho"). Names are in text order; ``i`` walks back the list.

    >>> from factcheck.mentions.entities import Gazetteer
    >>> t = "It has branches in Oregon, Washington and Idaho"
    >>> names = Gazetteer.default().find(t)
    >>> [_in_place_phrase(t, 0, names, k) for k in range(len(names))]
    [True, True, True]
    """
    while i >= 0:
        s = names[i].span.start - base
        if _PLACE_PHRASE.search(text, max(0, s - 12), s):
            return True
        if i == 0 or names[i - 1].type not in ("place", None):
            return False
        gap = text[names[i - 1].span.end - base : s]
        if not _LIST_GAP.fullmatch(gap):
            return False
        i -= 1
    return False


# A lower-case noun then a place preposition right before a name: "the summit in Dubai", "a plant in Ohio".
_CLOSED_AFTER_NOUN: Final = re.compile(r"\b[a-z][\w-]*\s+" + _PLACE_PHRASE.pattern)
_RELATIVE_AFTER: Final = re.compile(r",\s+(?:which|who|whose)\b")
_CLAUSE_MARK: Final = re.compile(r"[,;:.]")


def _speaker_described(text: str, base: int, start: int, entities: Sequence[EntityRef],
                       skip: Sequence[Span]) -> EntityRef | None:
    """The source of the sentence's statement when the figure at ``start`` stands in a relative clause right
    after its name ("Orchard Farms, which supplies 300 supermarkets, said profit rose 12%"): a source is never
    a subject otherwise, but what the clause says of it is about it.

    >>> from factcheck.models import EntityRef, Span
    >>> e = EntityRef(id="x", name="Orchard Farms", surface="Orchard Farms", span=Span(start=0, end=13), type="org")
    >>> _speaker_described("Orchard Farms, which supplies 300 shops, said", 0, 30, [e], [Span(start=0, end=13)]).name
    'Orchard Farms'
    """
    # The names starting before the figure, nearest first, within reach (bisection: linear on run-ons).
    i = bisect_right(entities, base + start, key=_span_start) - 1
    while i >= 0:
        e = entities[i]
        i -= 1
        if e.span is None or e.span.end - base > start:
            continue
        if e.span.end - base < start - _RELATIVE_REACH:
            break
        rel = _RELATIVE_AFTER.match(text, e.span.end - base)
        if rel is None:
            continue
        # (the nearest name that a relative clause follows decides)
        if (e.type != "person" and any(s.contains(e.span) for s in skip)
                and _CLAUSE_MARK.search(text, rel.end(), start) is None):
            return e
        return None
    return None


_RELATIVE_REACH: Final = 120  # a relative clause holding the figure is short


def _span_start(e: EntityRef) -> int:
    return e.span.start if e.span is not None else -1
_LIST_GAP: Final = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?(?:the\s+)?")  # ", ", " and ", ", and the " between places
# An unlisted name in a phrase of places ("in Portugal and Spain"): a place too, not an organisation.
_LISTED_PLACE: Final = re.compile(_PLACE_PHRASE.pattern + r"|(?:,|\band)\s+$", re.IGNORECASE)
# Who did another verb's action ("led by Sequoia Capital"): not what "the company" points back to.
_AGENT: Final = re.compile(r"\b(?:by|from|with)\s+(?:the\s+)?$", re.IGNORECASE)
# A figure right before a name ("94 Boeing 737s", "10,000 Tesla cars"): the name modifies what is counted.
# (a coordinator between them starts another clause: "rose 3% and France's 2%" is no modifier)
_FIGURE_BEFORE_NAME: Final = re.compile(
    r"(?<![\w.,])\d(?:[\d.,]*\d)?%?\s+(?:(?!(?:and|or|but|while|whereas|than)\s)[a-z][\w-]*\s+)?$")
# ... unless the number is a year or a day of a month ("In 2019 Baidu", "on March 3 Tesla said").
_YEAR_OR_DAY: Final = re.compile(r"(?<![\w.,])(?:1[89]|20)\d\d\s|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
                          + r")\.?\s+\d{1,2}\s", re.IGNORECASE)
# "its US sales", "their standard UK plan": a possessive pronoun, at most one lower-case word, then the place ...
_POSSESSIVE_PRONOUN_BEFORE: Final = re.compile(r"\b(?i:its|their|our)\s+(?:[a-z][\w-]*\s+)?$")
# ... then a lower-case noun it modifies.
_OWNED_THING_AFTER: Final = re.compile(r"\s+[a-z][\w-]*")
_DETERMINER_BEFORE: Final = re.compile(r"(?:\b(?i:the|its|their|a|an|this|that|our|his|her)|[’']s)\s+(?:[a-z][\w-]*\s+)?$")
# The speaker is the subject when its verb takes the figure's noun as object ("TSMC reported revenue of").
_OBJECT_VERB: Final = re.compile(
    LEXICON.speech_gap_regex.pattern + r"(?:" + phrase_regex(_SUBJECT_WORDS["object_verbs"]).pattern
    + r")\s+(?!that\b)[^,;:]*$", re.IGNORECASE)
_NOT_NAMES: Final = frozenset(fold(n) for n in load_toml("stopwords.toml")["not_names"])
_NOT_SUBJECT_FIRST: Final = frozenset(_SUBJECT_WORDS["not_subject_first_words"])
_LAW_HEADS: Final = frozenset(_SUBJECT_WORDS["law_heads"])
_ROLE_BEFORE: Final = re.compile(LEXICON.role_regex.pattern + r"\s+$", re.IGNORECASE)

# A development code: capitals, an optional hyphen, then digits ("MRD-214", "XR-17", "LY3437943").
_PRODUCT_CODE: Final = re.compile(r"[A-Z]{2,5}-?[0-9]{2,}[A-Z]?")

@once_per_sentence
def _may_be_subjects(text: str, base: int, entities: Sequence[EntityRef], skip: Sequence[Span]) -> frozenset[int]:
    """The ids of the sentence's names that pass the tests of a subject that do not depend on the figure (of
    a kind that can be one, not a source of a statement, not a speaker's title after it, :func:`_may_be_subject`):
    worked out once per sentence, not once per figure."""
    return frozenset(id(e) for e in entities
                     if e.span and e.type in _SUBJECT_TYPES and not any(s.contains(e.span) for s in skip)
                     and not LEXICON.role_regex.match(text, e.span.end - base + 1)  # "Baidu chief"
                     and _may_be_subject(text, base, e))


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
    if len(words) > 1 and words[-1].lower() in _LAW_HEADS:
        return False  # "a fine of up to 4% under the General Data Protection Regulation": a law is no one's figure
    figure = _FIGURE_BEFORE_NAME.search(text, max(0, s - 30), s)
    if figure and not _YEAR_OR_DAY.search(text, max(0, figure.start() - 12), figure.end()):
        return False
    if e.type in ("place", None) and _PLACE_MODIFIER_HEAD.match(text, t) and _DETERMINER_BEFORE.search(text, max(0, s - 40), s):
        return False
    if e.type == "place" and _OWNED_THING_AFTER.match(text, t) and _POSSESSIVE_PRONOUN_BEFORE.search(text, max(0, s - 40), s):
        return False  # "Its US sales fell 6%", "its standard UK plan": the owner's figure, the place says which part
    return not (_is_person(e) and not _org_like(e) and _ROLE_BEFORE.search(text, max(0, s - 40), s))


def _reporting_speaker(text: str, base: int, lo: int, start: int, entities: Sequence[EntityRef],
                       skip: Sequence[Span]) -> EntityRef | None:
    """The organisation named as a source in the clause when its verb takes the figure's noun as object:
    "TSMC reported first-quarter revenue of NT$592.6 billion", "Acme posted a net loss of $3m"."""
    for e in reversed(entities):
        t = e.span.end - base if e.span else -1
        if lo <= e.span.start - base and t <= start and _org_like(e) and any(k.contains(e.span) for k in skip):  # type: ignore[arg-type]
            return e if _OBJECT_VERB.match(text[t:start]) else None
    return None


_COMMODITY_WORDS: Final = LEXICON.measures["commodities"]["words"]
# (a common word capitalised at the head of a sentence, "Gold", "Arabica", is no name)
_FOLDED_COMMODITIES: Final = frozenset(fold(w) for w in _COMMODITY_WORDS + _SUBJECT_WORDS["market_commodity_modifiers"])
_MARKET_VERB: Final = phrase_regex(load_toml("numbers.toml")["ranges"]["change_verbs"]
                                   + _SUBJECT_WORDS["market_price_verbs"]).pattern
# A commodity heading its clause, then a verb of its price, or a price word then a verb or a place phrase:
# "Gold slipped", "Brent crude added", "Copper prices on the London Metal Exchange averaged".
_MARKET_OPENING: Final = re.compile(
    r"[\W_]{0,3}(?:(?:and|but|while|whereas)\s+)?(?:the\s+)?(?:(?-i:[A-Z][\w-]*)\s+)?(?:(?:"
    + phrase_regex(_SUBJECT_WORDS["market_commodity_modifiers"]).pattern + r")\s+){0,2}(?:"
    + phrase_regex(_COMMODITY_WORDS).pattern + r")\s+(?:(?:" + phrase_regex(_SUBJECT_WORDS["market_price_words"]).pattern
    + r")\s+(?:(?:on|in|at)(?=\s)|" + _MARKET_VERB + r")|" + _MARKET_VERB + r")(?![\w-])", re.IGNORECASE)


def _market_opening(text: str, base: int, start: int, entities: Sequence[EntityRef]) -> tuple[bool, EntityRef | None]:
    """Whether the figure at ``start`` is in a clause a commodity heads ("Gold slipped 0.3% to $1,858 an
    ounce", "Copper prices on the LME averaged $9,870"), and the name in that heading if it has one ("Brent").
    Such figures are the commodity's: neither the company the story carries nor a place after "in" or "on".

    >>> _market_opening("Gold slipped 0.3% to $1,858 an ounce.", 0, 13, [])
    (True, None)
    >>> _market_opening("Gold output rose 3%.", 0, 17, [])
    (False, None)
    """
    lo = _clause_start(text, start)
    m = _MARKET_OPENING.match(text, lo)
    if m is None or m.end() > start:
        return False, None
    named = next((e for e in entities if e.span and lo <= e.span.start - base < m.end()
                  and fold(e.name) not in _FOLDED_COMMODITIES), None)
    if named is None:
        # "Wheat prices in Kenya rose 12%": a place the heading names after "in" is where the price is, and
        # the figure is that place's, as a national statistic is (not so an exchange: "on the LME").
        named = next((e for e in entities if e.span and e.type == "place" and m.end() <= e.span.start - base < start
                      and _IN_BEFORE.search(text, max(0, e.span.start - base - 8), e.span.start - base)
                      and _MARKET_VERB_AT.match(text, e.span.end - base)), None)
    return True, named


_IN_BEFORE: Final = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
_MARKET_VERB_AT: Final = re.compile(r"\s+(?:" + _MARKET_VERB + r")(?![\w-])", re.IGNORECASE)


_COMPANY_MEASURES: Final = frozenset(_SUBJECT_WORDS["company_measures"])
_PLACE_MEASURES: Final = frozenset(_SUBJECT_WORDS["place_measures"])
_PLACE_WHOLES: Final = frozenset(_SUBJECT_WORDS["place_wholes"])
_MARKET_WORDS: Final = phrase_regex(_SUBJECT_WORDS["market_words"])
_COVERED_CUES: Final = PhraseRegex(phrase_regex(_SUBJECT_WORDS["covered_cues"]), _SUBJECT_WORDS["covered_cues"])
_COVERED_NAME: Final = re.compile(r"\s+(?:on|for|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _story_subject(text: str, measure: str | None, whole: str | None, state: _State) -> EntityRef | None:
    """What a figure that names nothing is about, as a reader takes it: a national statistic ("net borrowing
    was £120bn", "4.4% of GDP") is about the place the story is about; a company measure ("Net profit rose
    9%") about its main organisation; a figure about a whole market ("Global shipments rose") about nothing."""
    if _about_market(text):
        return None
    if measure in _PLACE_MEASURES or (whole is not None and whole.lower() in _PLACE_WHOLES):
        return state.main_place
    if measure in _COMPANY_MEASURES and state.main_org is not None and not _reports_on_others(state.main_org):
        return state.main_org
    return None


_REPORTING_HEADS: Final = frozenset(_SUBJECT_WORDS["reporting_heads"])


def _reports_on_others(e: EntityRef) -> bool:
    """Whether ``e`` is a body that reports figures about others (a public body, a news outlet, an agency,
    a statistics office or a research firm by the last word of its name), not a company reporting its own.

    >>> from factcheck.mentions.entities import Gazetteer
    >>> g = Gazetteer.default()
    >>> _reports_on_others(g.resolve("International Energy Agency")), _reports_on_others(g.resolve("Acme Motors"))
    (True, False)
    """
    return e.type in ("body", "media") or fold(e.name).split()[-1] in _REPORTING_HEADS


@lru_cache(maxsize=8)
def _about_market(text: str) -> bool:
    """Whether the sentence speaks of a whole market (asked once per sentence, not once per figure); "22% of
    the global market" is a share of the market held by someone, not a figure about it."""
    return any(not _OF_THE.search(text, max(0, m.start() - 8), m.start()) for m in _MARKET_WORDS.finditer(text))


_OF_THE: Final = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)


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


# Cues of examples ("including") and of a group's members ("joined the ranks of"); most sentences hold none.
_EXAMPLES_CUE: Final = PhraseRegex(LEXICON.examples_regex, LEXICON.claims["anaphora"]["examples"])
_MEMBERSHIP_CUE: Final = PhraseRegex(LEXICON.membership_regex[1], LEXICON.claims["membership"]["positive"])


def _after_cue(cue: PhraseRegex, text: str, lo: int, pos: int) -> bool:
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
            if e.type in ("place", None) and _PLACE_MODIFIER_HEAD.match(text, e.span.end - base):
                return None  # "its expansion at the Cerro Alto mine": the name says which site, not whose figure
            return e
    return None


_FOR_ENTITY: Final = re.compile(r"\s+(?:for|of|at)\s+(?P<prep>)(?:the\s+)?", re.IGNORECASE)
_ANAPHOR: Final = PhraseRegex(re.compile(
    r"\b(?:it|its|it's|they|their|this|these|those|the\s+(?:government|(?P<head>"
    + "|".join(re.escape(w) for w in sorted(LEXICON.anaphora, key=len, reverse=True)) + r")))(?![\w-])",
    re.IGNORECASE,
), ["it", "its", "it's", "they", "their", "this", "these", "those", "the government", *(f"the {w}" for w in LEXICON.anaphora)])

# ", the chatbot made by Moonshot AI,": a description set off by commas.
_APPOSITION: Final = re.compile(r",\s+(?:the|a|an|its|which|who|whose|now|once|formerly|also)\b[^,;]{0,80},", re.IGNORECASE)
# "Ernie Bot, Baidu's answer to ChatGPT,": a possessive description right after a name.
_POSSESSIVE_APPOSITION: Final = re.compile(r",\s+[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}[’']s\s[^,;]{0,80},")
_NAME_END: Final = re.compile(r"[A-Z0-9][\w.-]*$")


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
