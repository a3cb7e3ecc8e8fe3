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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from factcheck.lexicon import LEXICON
from factcheck.mentions.dates import find_times
from factcheck.mentions.entities import Gazetteer
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
from factcheck.segment import split_sentences

# Words that end a counted noun phrase: prepositions, verbs, conjunctions.
_NP_STOP = frozenset(
    """of in on at for from to by with that which who whom whose and or but than as is are was were be been being
    have has had will would can could may might should must do does did said says say told its their his her
    this these those it they he she we while when where after before since until per each every across between
    into onto over under about around against during through via among including like such not also
    so if because whereas""".split()
)
# Determiners and fillers skipped at the start of a noun phrase.
_NP_SKIP = frozenset("a an the its their his her our some of".split())
_WORD = re.compile(r"[A-Za-z][\w’'-]*|[\u4e00-\u9fff]+")
# Clause boundaries for subject search: semicolons, colons, dashes, "that" after a verb of saying.
_CLAUSE_BREAK = re.compile(r";|:|\s[–—-]\s|\bthat\b|\bwhich include\b|\bwhile\b|\bwhereas\b|\bbut\b", re.IGNORECASE)
# A sentence that refers back to the time of the text before it.
_BACK_REFERENCE = re.compile(
    r"^\W*(?:at\s+that\s+time|at\s+the\s+time|by\s+then|then|that\s+year|the\s+same\s+year|that\s+month|"
    r"in\s+that\s+year|at\s+that\s+point|back\s+then)\b",
    re.IGNORECASE,
)
_OF_WHICH = re.compile(r"^\s*of\s+(?:which|whom|them)\s+(?:(?:are|were|is|was)\s+)?", re.IGNORECASE)
# "some 85,000 are enterprise clients": the figure is the subject of a copula naming what it counts.
_COPULA = re.compile(r"^\s+(?:are|were|is|was)\s+", re.IGNORECASE)
_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally)\s+of\s+", re.IGNORECASE)
_WHOLE = re.compile(r"^\s*(?:of|share\s+of)\s+((?:the\s+)?[\w’' -]{2,60}?)(?=[,.;:()]|\s+(?:and|in|on|at|by|with|while)\b|$)", re.IGNORECASE)
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


def extract_claims(document: Document, *, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """Every claim in ``document``: figures, roles, events and memberships, in text order."""
    gaz = gazetteer or Gazetteer.default()
    state = _State()
    claims: list[Claim] = []
    for sentence in split_sentences(document):
        claims.extend(_sentence_claims(document, sentence, gaz, state))
    return claims


def _sentence_claims(doc: Document, sent: Sentence, gaz: Gazetteer, state: _State) -> list[Claim]:
    text = sent.text
    base = sent.span.start
    times = [t for t in find_times(text, doc.published, offset=base) if not _in_citation(text, t.span.start - base)]
    numbers = [n for n in find_numbers(text, offset=base) if not _overlaps_any(n.span, times)]
    entities = gaz.find(text, offset=base)
    if sent.heading:  # Title Case makes every word look like a name: trust only listed names there
        entities = [e for e in entities if e.method != "unresolved"]
    back_ref = bool(_BACK_REFERENCE.match(text))
    resolved_times = [t for t in times if t.time.resolved and (t.time.start or t.time.end)]
    attribution, attribution_spans = _attribution(text, base, entities)
    common = dict(
        doc_id=doc.id, path=doc.path, source=doc.source, published=doc.published,
        sentence=text, sentence_span=sent.span, sentence_index=sent.index, heading=sent.heading,
        attribution=attribution,
    )
    out: list[Claim] = []
    previous: QuantityClaim | None = None
    for mention in numbers:
        claim = _quantity_claim(doc, sent, mention, entities, attribution_spans, resolved_times, back_ref, state,
                                previous, common)
        out.append(claim)
        previous = claim
    sentence_time = _sentence_time(doc, resolved_times, back_ref, state, anchor=None)
    out.extend(_role_claims(text, base, entities, sentence_time, common))
    out.extend(_event_claims(text, base, entities, resolved_times, back_ref, state, common))
    out.extend(_membership_claims(text, base, entities, sentence_time, state, common))
    # Carry the topic and the time forward.
    for c in out:
        if isinstance(c, QuantityClaim) and c.measure:
            state.last_by_measure[c.measure] = c
    first_quantity = next((c for c in out if isinstance(c, QuantityClaim) and c.subject), None)
    if first_quantity is not None:
        state.topic = first_quantity.subject
    else:
        lead = [e for e in entities if e.type in ("place", "org", "product") and e.span and e.span.start - base < 25]
        if lead:
            state.topic = lead[0]
    if resolved_times:
        state.last_time = resolved_times[-1].time
    return out


# -- quantity claims -----------------------------------------------------------


def _quantity_claim(doc, sent, mention: NumberMention, entities, attribution_spans, times, back_ref, state,
                    previous: QuantityClaim | None, common) -> QuantityClaim:
    text, base = sent.text, sent.span.start
    start, end = mention.span.start - base, mention.span.end - base
    q = mention.quantity
    after = text[end:]
    before = text[:start]

    counted, counted_end = _counted_after(after, end)
    of_which = _OF_WHICH.match(after) or _COPULA.match(after)
    if of_which:
        part, part_end = _counted_after(after[of_which.end():], end + of_which.end())
        if part and (of_which.re is _OF_WHICH or LEXICON.measure_of(part)):
            counted, counted_end = part, part_end
        else:
            of_which = None
    if counted is None:
        counted = _counted_before(before)
    elliptic = counted is None and previous is not None and previous.quantity.unit == q.unit
    if elliptic:
        counted = previous.counted  # "14 LLMs ..., over 40" -- the second figure counts the same thing

    whole = None
    if q.unit in ("percent", "percentage_points"):
        m = _WHOLE.match(after)
        if m:
            whole = m.group(1).strip()

    measure = _measure(q.unit, counted, whole, before)
    scope = _scope(text, start, end, counted)
    if elliptic:  # "Ernie Bot held 45 per cent of the market, Doubao 30 per cent"
        measure = previous.measure or measure
        whole = whole or previous.whole
        scope = previous.scope or scope  # "Approves 14 LLMs for public release, over 40": same scope
    aggregate = _aggregate(text, start, end, counted)
    total_cue, _, continuation = LEXICON.aggregate_regex
    if measure and continuation.search(text):
        earlier = state.last_by_measure.get(measure)
        if earlier is not None and earlier.scope:
            scope = earlier.scope  # "This brings the total to 40": a total of what the last figure counted
        aggregate = "total"
    subject = _subject(text, base, start, entities, attribution_spans, state)
    follower = _entity_after(text, base, counted_end, entities)
    if follower is not None and (subject is None or subject is state.topic or
                                 any(s.contains(subject.span) for s in attribution_spans if subject.span)):
        subject = follower  # "claims 200 million users for Ernie chatbot"
    if of_which and previous is not None and previous.subject is not None:
        subject = previous.subject
    time = _sentence_time(doc, times, back_ref, state, anchor=(mention.span.start + mention.span.end) // 2)
    return QuantityClaim(
        **common,
        span=mention.span,
        text=mention.text,
        subject=subject,
        measure=measure,
        counted=counted,
        scope=scope,
        quantity=q,
        also=[mention.linked.quantity] if mention.linked else [],
        whole=whole,
        cumulative=measure in LEXICON.cumulative if measure else False,
        aggregate=aggregate,
        time=time,
    )


def _np_words(text: str, limit: int = 7) -> list[re.Match[str]]:
    """Words of the noun phrase at the start of ``text`` (stops at punctuation and stop words)."""
    words: list[re.Match[str]] = []
    pos = 0
    for m in _WORD.finditer(text):
        gap = text[pos : m.start()]
        if gap.strip(" \u00a0\"“”‘’'") or "\n" in gap:
            break  # punctuation between words ends the phrase
        low = m.group().lower()
        if not words and low in _NP_SKIP:
            pos = m.end()
            continue
        if low in _NP_STOP or (words and (low.endswith("ing") and low not in LEXICON.measure_nouns)):
            break
        if words and LEXICON.scope_of(low) and not LEXICON.scope_of(low, in_noun_phrase=True) == "registered":
            break  # "40 models approved": the scope word is not part of what is counted
        words.append(m)
        pos = m.end()
        if len(words) >= limit:
            break
    return words


def _counted_after(after: str, offset: int) -> tuple[str | None, int]:
    words = _np_words(after)
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
    words = words[: best or len(words)]
    phrase = after[words[0].start() : words[-1].end()]
    return phrase, offset + words[-1].end()


def _counted_before(before: str) -> str | None:
    """The counted noun when it stands before the figure: "the number of LLMs ... to 40"."""
    matches = list(_NUMBER_OF.finditer(before))
    if not matches:
        return None
    words = _np_words(before[matches[-1].end() :])
    # Allow "X and Y" lists here: "the total number of LLMs and AI applications".
    tail = before[matches[-1].end() :]
    m = re.match(r"\s*([\w’'-]+(?:\s+[\w’'-]+){0,2}\s+and\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}?)(?=\s+(?:available|in|on|to|that|which|approved|released)\b)", tail)
    if m:
        return m.group(1).strip()
    if words:
        return tail[words[0].start() : words[-1].end()]
    return None


def _measure(unit: str | None, counted: str | None, whole: str | None, before: str) -> str | None:
    if counted:
        first = re.split(r"\s+(?:and|or)\s+", counted)[0]
        key = LEXICON.measure_of(first) or LEXICON.measure_of(counted)
        if key:
            return key
    if unit in ("percent", "percentage_points"):
        if whole and re.search(r"total|market|global|world", whole, re.IGNORECASE):
            return "share"
    window = before[-45:].lower()
    for cue, key in LEXICON.measure_cues:
        if re.search(r"(?<![\w-])" + re.escape(cue) + r"(?![\w-])", window):
            return key
    if counted:
        head = counted.split()[-1].lower().strip("’'")
        if unit not in (None, "times", "percent", "percentage_points"):
            return None  # "$5 billion deal": a money amount whose measure we cannot name
        return head[:-1] if head.endswith("s") and not head.endswith("ss") and len(head) > 3 else head
    return None


def _scope(text: str, start: int, end: int, counted: str | None) -> str | None:
    """The scope word nearest to the figure, inside its clause."""
    if counted:
        for word in counted.split():
            key = LEXICON.scope_of(word, in_noun_phrase=True)
            if key:
                return key
    lo = _clause_start(text, start)
    hi = _clause_end(text, end)
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
    if increment_cue.search(near_before) or (counted and increment_cue.search(counted)):
        return "increment"
    lo, hi = _clause_start(text, start), _clause_end(text, end)
    if total_cue.search(text, lo, hi):
        return "total"
    return None


def _clause_start(text: str, pos: int) -> int:
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, pos):
        start = m.end()
    return start


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos)
    return m.start() if m else len(text)


def _subject(text: str, base: int, start: int, entities: Sequence[EntityRef], skip: Sequence[Span],
             state: _State) -> EntityRef | None:
    lo = _clause_start(text, start)
    hi = _clause_end(text, start)
    candidates = [
        e for e in entities
        if e.span and e.type in _SUBJECT_TYPES and not any(s.contains(e.span) for s in skip)
    ]
    candidates = [e for e in candidates if not _in_closed_brackets(text, e.span.start - base, start)
                  and not _in_apposition(text, e.span.start - base, start)]
    left = [e for e in candidates if lo <= e.span.start - base and e.span.end - base <= start]
    if left:
        return left[-1]
    for e in candidates:  # "... released in China"
        s = e.span.start - base
        if start < s < hi and e.type in ("place", None) and _PLACE_AFTER.search(text[max(0, s - 12) : s]):
            return e
    earlier = [e for e in candidates if e.span.end - base <= lo and e.type != "person"]
    pointing_back = _ANAPHOR.search(text, lo, hi) or _ANAPHOR.search(text, 0, min(len(text), 12))
    if pointing_back:
        # "Zhipu AI said it had raised $5 billion": "it" is the speaker when the speaker is an organisation.
        speakers = [e for e in entities if e.span and e.type in ("org", "product") and e.span.end - base <= lo
                    and any(s.contains(e.span) for s in skip)]
        if speakers and re.search(r"\b(?:it|its)\b", text[lo:hi], re.IGNORECASE):
            return speakers[-1]
    if earlier:  # "China had 130 LLMs, while regulators said that the total had reached 40"
        return earlier[-1]
    # The topic carries over only when the clause points back to it ("the country", "its", "This brings").
    if pointing_back:
        return state.topic
    return None


def _entity_after(text: str, base: int, pos: int, entities: Sequence[EntityRef]) -> EntityRef | None:
    """An entity introduced by "for"/"of"/"at" right after the counted phrase."""
    m = re.match(r"\s+(?:for|of|at)\s+(?:the\s+)?", text[pos:])
    if not m:
        return None
    for e in entities:
        if e.span and e.span.start - base == pos + m.end() and e.type in _SUBJECT_TYPES:
            return e
    return None


_ANAPHOR = re.compile(
    r"\b(?:it|its|it's|they|their|this|these|those|the\s+(?:country|company|firm|group|startup|start-up|platform|"
    r"chatbot|app|model|service|nation|government|city|region))\b",
    re.IGNORECASE,
)


_APPOSITION = re.compile(r",\s+(?:the|a|an|its|which|who|whose|now|once|formerly|also)\b[^,;]{0,80},", re.IGNORECASE)


def _in_apposition(text: str, pos: int, until: int) -> bool:
    """Whether ``pos`` is inside ", the chatbot made by Moonshot AI," closed before ``until``."""
    for m in _APPOSITION.finditer(text, max(0, pos - 90), until):
        if m.start() < pos < m.end() <= until:
            return True
    return False


def _in_closed_brackets(text: str, pos: int, until: int) -> bool:
    """Whether ``pos`` sits inside brackets that close before ``until`` ("giants (such as Alibaba) filed 100")."""
    opened = text.rfind("(", 0, pos)
    if opened == -1 or text.rfind(")", 0, pos) > opened:
        return False
    closed = text.find(")", pos)
    return closed != -1 and closed < until


def _sentence_time(doc: Document, times: Sequence[TimeMention], back_ref: bool, state: _State,
                   anchor: int | None) -> TimeScope:
    if times:
        if anchor is None or len(times) == 1:
            return times[0].time
        return min(times, key=lambda t: abs((t.span.start + t.span.end) // 2 - anchor)).time
    if back_ref and state.last_time is not None:
        return state.last_time.model_copy(update={"text": f"{state.last_time.text} (referred back)"})
    return TimeScope(
        start=doc.published, end=doc.published, granularity=Granularity.DAY if doc.published else Granularity.UNKNOWN,
        text="as of publication", anchored_on=doc.published, resolved=doc.published is not None,
        as_of_publication=True,
    )


def _attribution(text: str, base: int, entities: Sequence[EntityRef]) -> tuple[str | None, list[Span]]:
    """Who the sentence attributes its figures to, and the spans naming them (never subjects)."""
    m = LEXICON.source_before_regex.search(text)
    if m:
        tail = text[m.end():]
        stop = re.search(r"[,.;:()]|\s+(?:and|which|who|that|in|on)\s", tail)
        phrase = tail[: stop.start()].strip() if stop else tail.strip()
        ents = [e for e in entities if e.span and m.end() <= e.span.start - base <= m.end() + len(phrase) + 1]
        if ents:
            return ents[0].name, [e.span for e in ents]
        if phrase:
            return _ATTRIBUTION_TRIM.sub("", phrase), [Span(start=base + m.end(), end=base + m.end() + len(tail))]
    for v in LEXICON.speech_regex.finditer(text):
        # Speaker before the verb: the nearest person, else the nearest entity, skipping "X, CEO of Y,".
        before = [e for e in entities if e.span and e.span.end - base <= v.start()
                  and v.start() - (e.span.end - base) <= 60]
        people = [e for e in before if e.type == "person" or (e.method == "unresolved" and " " in e.name)]
        if people:
            who = people[-1]
            return who.name, [e.span for e in before]
        generic = [g for g in LEXICON.generic_source_regex.finditer(text, max(0, v.start() - 40), v.start())]
        if generic:
            return generic[-1].group(), []
        if before and v.start() - (before[-1].span.end - base) <= 3:  # "Baidu says ..."
            return before[-1].name, [before[-1].span]
        after = [e for e in entities if e.span and 0 <= e.span.start - base - v.end() <= 2]
        if after:  # "said Robin Li"
            return after[0].name, [after[0].span]
    return None, []


_CITATION = re.compile(r"\((?:[^()]{0,80}?,\s*)?(?:19|20)\d\d[a-z]?\)")


def _in_citation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in an author-year citation such as "(Deng, 2024)" -- a source's date, not the figure's."""
    opened = text.rfind("(", 0, pos + 1)
    if opened == -1:
        return False
    m = _CITATION.match(text, opened)
    return bool(m and m.end() > pos and re.search(r"[A-Z]", m.group()))


def _overlaps_any(span: Span, times: Iterable[TimeMention]) -> bool:
    return any(t.span.start < span.end and span.start < t.span.end for t in times)


# -- named claims ----------------------------------------------------------------


def _is_person(e: EntityRef) -> bool:
    return e.type == "person" or (e.method == "unresolved" and 2 <= len(e.name.split()) <= 3)


# Between a role word and the name: a space, or "and <other role>" ("co-founder and chief executive Li").
_ROLE_GAP = re.compile(r"\s+(?:and\s+(?:[\w-]+\s+){1,3})?")


def _role_claims(text, base, entities, time, common) -> list[RoleClaim]:
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
            pre = re.search(r",\s*(?:the\s+|its\s+)?$", text[: m.start()])
            if pre:
                e = by_end.get(pre.start())
                if e and _is_person(e):
                    person = e
        if person is None:
            continue
        post = re.match(r"\s+(?:of|at)\s+", text[m.end():])
        if post:
            org = by_start.get(m.end() + post.end())
        if org is None:
            # "ORG's ROLE" or "ORG ROLE" just before the role words (allowing "co-founder and").
            lead = re.search(r"([’']s)?\s+(?:[\w-]+\s+and\s+)?$", text[: m.start()])
            if lead:
                e = by_end.get(lead.start())
                if e and not _is_person(e) and e.type in ("org", "body", None):
                    org = e
        span = Span(start=base + min(m.start(), person.span.start - base),
                    end=base + max(m.end(), person.span.end - base))
        out.append(RoleClaim(**common, span=span, text=text[span.start - base : span.end - base],
                             person=person, role=role, org=org, time=time))
    return out


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


def _trailing_list(text: str, base: int, ents: list[EntityRef], stop: int) -> list[EntityRef]:
    """The entities forming a list that ends right before ``stop`` ("A, B and C <verb>")."""
    out: list[EntityRef] = []
    pos = stop
    for e in reversed(ents):
        if not out and re.search(r"\b(?:by|from|of|with|to|for)\s+(?:the\s+)?$", text[: e.span.start - base]):
            break  # "approved by the CCP was released": the agent of another verb, not the list
        gap = text[e.span.end - base : pos]
        if out and not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*", gap):
            break
        if not out and not _VERB_GAP.fullmatch(gap):
            break
        out.insert(0, e)
        pos = e.span.start - base
    return out


def _membership_claims(text, base, entities, time, state, common) -> list[MembershipClaim]:
    negative, positive = LEXICON.membership_regex
    out: list[MembershipClaim] = []
    for negated, pattern in ((True, negative), (False, positive)):
        for m in pattern.finditer(text):
            if not negated and any(isinstance(c, MembershipClaim) and c.span.start <= base + m.start() < c.span.end
                                   for c in out):
                continue
            group_m = re.match(r"\s*((?:the\s+)?[“\"‘']?[\w’' -]{3,80}?[”\"’']?)(?=[,.;:()]|\s+(?:to|in|on|that|which|who|,)\b|$)",
                               text[m.end():])
            if not group_m:
                continue
            group = group_m.group(1).strip()
            cue = m.group().lower()
            if cue in ("including", "includes", "include", "such as"):
                # "chatbots from A, B and C" -- the group precedes the cue, the members follow it.
                continue
            lo = _clause_start(text, m.start())
            members = [e for e in entities if e.span and lo <= e.span.start - base and e.span.end - base <= m.start()
                       and e.type != "place" and (e.method != "unresolved" or len(e.name.split()) >= 2)]
            members = _trailing_list(text, base, members, m.start()) or members
            if not members and re.match(r"\s*(?:these|those|they|the\s+four|the\s+three)\b", text[lo:m.start()], re.IGNORECASE):
                members = list(state.last_members)
            if not members:
                continue
            state.last_members = members
            span = Span(start=min(e.span.start for e in members), end=base + m.end() + group_m.end())
            out.append(MembershipClaim(**common, span=span, text=text[span.start - base : span.end - base],
                                       members=members, group=_group_key(group), negated=negated, time=time))
    return out


def _group_key(group: str) -> str:
    g = re.sub(r"[“”\"‘’']", "", group.lower())
    g = re.sub(r"^(?:the|a|an)\s+", "", g)
    return " ".join(g.split())
