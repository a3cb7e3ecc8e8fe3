"""Funding rounds and their lead investors, as :class:`~factcheck.models.RoundClaim` records.

A round is read from a sentence that names its leads ("a Series C round led by
Sequoia Capital", "Alibaba led the round", "an Alibaba-led round") and talks
about money being raised. The company is the one the money went to: named after
"a round in" / "an investment in", else the first organisation the sentence
names outside the leads, else the organisation the text is about. The round's
label ("Series B", "seed", "pre-IPO") and amount are kept when the sentence
gives them, so that two sources about one round can be matched.

>>> from factcheck.mentions.entities import Gazetteer
>>> text = "Zhipu AI has closed a Series B round led by Meituan and Tencent."
>>> ents = Gazetteer.default().find(text, 0)
>>> [(r.company.name, r.round, [e.name for e in r.leads]) for r in round_claims(
...     text, 0, ents, [], None, dict(doc_id="d", sentence=text, sentence_span=dict(start=0, end=len(text))))]
[('Zhipu AI', 'series_b', ['Meituan', 'Tencent'])]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Final

from factcheck._data import load_toml
from factcheck.mentions.entities import unresolved_id
from factcheck.lexicon import first_words, phrase_regex
from factcheck.models import EntityRef, QuantityClaim, RoundClaim, Span, TimeScope

#: Lead phrases read per sentence.
MAX_ROUNDS: Final = 8

_SERIES: Final = re.compile(
    r"""\b(?:[Ss]eries|SERIES)[\s-]+(?P<letter>[A-H])(?P<plus>\+|\d)?(?![\w])   # "Series B", "Series A1", "Series B+"
    | (?<![\w-])(?P<letter2>[A-H])(?P<plus2>\+)?[\s-]round\b                     # "a B+ round", "its A-round"
    """,
    re.VERBOSE,
)
# Between two lead investors of one list.
_LIST_GAP: Final = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?", re.IGNORECASE)
# Between "led by" and the first lead investor.
_LEAD_GAP: Final = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
# Between the last lead investor and "led the round": nothing, or an adverb.
_BEFORE_GAP: Final = re.compile(r"\s*(?:(?:also|jointly|reportedly|has|had|have)\s+)*", re.IGNORECASE)
# Right before the company a round went to: "... Series B in Kestrel", "... investment into Zhipu".
_INTO: Final = re.compile(r"\b(?:in|into|for)\s+(?:the\s+)?$", re.IGNORECASE)
# "an Alibaba-led round": an entity followed directly by this.
_LED_SUFFIX: Final = re.compile(r"-(?:co-)?led\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    data = load_toml("rounds.toml")
    cues = data["cues"]
    labels = {spelling: key for key, spellings in data["labels"].items() for spelling in spellings}
    return {
        "round_words": frozenset(cues["round_words"]),
        "lead_words": first_words([*cues["leads_after"], *cues["lead_verbs"]]),
        "leads_after": phrase_regex(cues["leads_after"]),
        "lead_before": _lead_before_regex(cues["lead_verbs"], cues["round_nouns"]),
        "company_after": phrase_regex(cues["company_after"]),
        "labels": labels,
        "label_regex": phrase_regex(list(labels)),
        "money": frozenset(load_toml("currencies.toml")["per_usd"]),
    }


def _lead_before_regex(verbs: list[str], nouns: list[str]) -> re.Pattern[str]:
    """ "led the round", "co-led a $1bn financing": a verb, an article, at most 40 other characters
    (no clause break), a round noun. Bounded, so it cannot backtrack far."""
    verb = phrase_regex(verbs).pattern
    noun = phrase_regex(nouns).pattern
    return re.compile(rf"{verb}\s+(?:a|an|the|its|their|this)\s+[^.;:!?]{{0,40}}?{noun}", re.IGNORECASE)


def mentions_round(words: frozenset[str]) -> bool:
    """Whether a sentence with these lower-case words may name a funding round (a cheap pre-check)."""
    lex = _lexicon()
    if not words & lex["round_words"]:
        return False
    return bool(words & lex["lead_words"]) or any(w.endswith("-led") for w in words)


def round_label(text: str, before: int | None = None) -> tuple[str, Span] | None:
    """The round label nearest before ``before`` (default: the last one), with its span.

    >>> round_label("It raised a Series B+ round in May.")[0]
    'series_b_plus'
    >>> round_label("The seed round came first; the Series A followed.", before=20)[0]
    'seed'
    >>> round_label("a round of talks") is None
    True
    """
    lex = _lexicon()
    found: list[tuple[int, int, str]] = []
    for m in _SERIES.finditer(text):
        letter = (m.group("letter") or m.group("letter2")).lower()
        plus = m.group("plus") or m.group("plus2") or ""
        suffix = "_plus" if plus == "+" else plus
        found.append((m.start(), m.end(), f"series_{letter}{suffix}"))
    for m in lex["label_regex"].finditer(text):
        found.append((m.start(), m.end(), lex["labels"][" ".join(m.group().lower().split())]))
    if before is not None:
        found = [f for f in found if f[0] < before] or found
    if not found:
        return None
    start, end, label = max(found, key=lambda f: f[0])
    return label, Span(start=start, end=end)


def round_claims(
    text: str,
    base: int,
    entities: Sequence[EntityRef],
    figures: Sequence[QuantityClaim],
    fallback_company: EntityRef | None,
    common: dict[str, Any],
    time: TimeScope | None = None,
) -> list[RoundClaim]:
    """The funding rounds one sentence names with their leads (at most one per lead phrase).

    ``text`` is the sentence, starting at offset ``base`` of its document;
    ``entities`` its named entities (absolute spans); ``figures`` its quantity
    claims (the amount is taken from them); ``fallback_company`` the
    organisation the text is about, used when the sentence names none;
    ``common`` the fields every claim of the sentence shares.
    """
    lex = _lexicon()
    named = [_without_led(e) for e in entities if e.span is not None and e.type not in ("place",) and not _is_label(e)]
    out: list[RoundClaim] = []
    for leads, cue_start, cue_end in _lead_phrases(text, base, named):
        if not leads:
            continue
        lead_ids = {e.id for e in leads}
        company = _company(text, base, named, lead_ids, cue_start) or fallback_company
        if company is None or company.id in lead_ids:
            continue
        label = round_label(text, before=max(cue_start, 1))
        start = min(cue_start, *(e.span.start - base for e in leads))
        end = max(cue_end, *(e.span.end - base for e in leads))
        if label is not None:
            start, end = min(start, label[1].start), max(end, label[1].end)
        fields = dict(common)
        if time is not None:
            fields["time"] = time
        out.append(RoundClaim(
            **fields, span=Span(start=base + start, end=base + end), text=text[start:end],
            company=company, round=label[0] if label else None, amount=_amount(figures, lex["money"]),
            leads=leads,
        ))
    return out


def _lead_phrases(text: str, base: int, named: Sequence[EntityRef]) -> list[tuple[list[EntityRef], int, int]]:
    """(leads, cue start, cue end) for the first :data:`MAX_ROUNDS` lead phrases of the sentence."""
    lex = _lexicon()
    cues: list[tuple[int, int, str, EntityRef | None]] = []
    for m in lex["leads_after"].finditer(text):  # "led by A and B"
        cues.append((m.start(), m.end(), "after", None))
        if len(cues) >= MAX_ROUNDS:
            break
    for m in lex["lead_before"].finditer(text):  # "A and B led the round"
        cues.append((m.start(), m.end(), "before", None))
        if len(cues) >= 2 * MAX_ROUNDS:
            break
    for e in named:  # "an Alibaba-led round"
        m = _LED_SUFFIX.match(text, e.span.end - base)
        if m:
            cues.append((e.span.start - base, m.end(), "suffix", e))
    cues.sort(key=lambda c: c[0])
    starts = [e.span.start - base for e in named]
    found = []
    # A sentence names a round or two; a run-on of hundreds of "led by" is not news, and each phrase costs
    # a walk over nearby names, so only the first few are read (linear time on hostile input).
    for start, end, kind, entity in cues[:MAX_ROUNDS]:
        if kind == "after":
            leads = _list_after(text, base, named, starts, end)
        elif kind == "before":
            leads = _list_before(text, base, named, starts, start)
        else:
            leads = [entity] if entity is not None else []
        found.append((leads, start, end))
    return found


def _list_after(text: str, base: int, named: Sequence[EntityRef], starts: list[int], pos: int) -> list[EntityRef]:
    out: list[EntityRef] = []
    gap = _LEAD_GAP
    for e in named[bisect_left(starts, pos) :]:
        m = gap.match(text, pos)
        if m is None or m.end() != e.span.start - base:
            break
        out.append(e)
        pos = e.span.end - base
        gap = _LIST_GAP
    return out


def _list_before(text: str, base: int, named: Sequence[EntityRef], starts: list[int], pos: int) -> list[EntityRef]:
    out: list[EntityRef] = []
    gap = _BEFORE_GAP
    for e in reversed(named[: bisect_left(starts, pos)]):
        end = e.span.end - base
        if end > pos:
            continue
        m = gap.match(text, end)
        if m is None or m.end() != pos:
            break
        out.insert(0, e)
        pos = e.span.start - base
        gap = _LIST_GAP
    return out


def _company(text: str, base: int, named: Sequence[EntityRef], lead_ids: set[str], cue: int) -> EntityRef | None:
    lex = _lexicon()
    for m in lex["company_after"].finditer(text):  # "a $1bn round in Moonshot AI"
        after = [e for e in named if e.span.start - base >= m.end() and e.id not in lead_ids]
        if after and _LEAD_GAP.match(text, m.end()).end() == after[0].span.start - base:
            return after[0]
    for e in named:
        if e.id in lead_ids or e.type == "person" or e.span.start - base > cue:
            continue
        return e
    for e in named:  # "A led the Series B in Kestrel": the company follows the round
        start = e.span.start - base
        if start > cue and e.id not in lead_ids and e.type != "person" and _INTO.search(text, max(0, start - 12), start):
            return e
    return None


def _amount(figures: Sequence[QuantityClaim], money: frozenset[str]):
    cash = [f for f in figures if f.quantity.unit in money and f.measure != "valuation"]
    preferred = [f for f in cash if f.measure == "funding_round"]
    chosen = (preferred or cash)[:1]
    return chosen[0].quantity if chosen else None


def _is_label(e: EntityRef) -> bool:
    """"Series C" is found as a capitalised name: it is the round, not a company."""
    m = _SERIES.match(e.surface or e.name)
    return m is not None and m.end() == len(e.surface or e.name)


#: Two unlabelled rounds of one company are taken for one round when their amounts are this close.
SAME_AMOUNT: Final = 0.1
#: ... and when figures dated only by their articles were published at most this many days apart.
SAME_PERIOD_DAYS: Final = 120


def same_round(a: RoundClaim, b: RoundClaim) -> str | None:
    """Why two round claims about one company describe the same round, or None when they may not.

    Rounds with labels are one round when the labels agree (a company has one
    Series B); otherwise both amounts must be given, agree within 10 % and the
    times must not differ.
    """
    if a.round and b.round:
        return f"both call it the {label_words(a.round)}" if a.round == b.round else None
    if a.amount is None or b.amount is None or a.amount.unit != b.amount.unit:
        return None
    x, y = float(a.amount.value), float(b.amount.value)
    if max(x, y) <= 0 or abs(x - y) > SAME_AMOUNT * max(x, y):
        return None
    if a.time.as_of_publication or b.time.as_of_publication:
        if a.time.start is None or b.time.start is None or abs((a.time.start - b.time.start).days) > SAME_PERIOD_DAYS:
            return None
    elif a.time.overlaps(b.time) is False:
        return None
    return "both give the same amount at about the same time"


def label_words(label: str | None) -> str:
    """A round label as an editor writes it.

    >>> label_words("series_b_plus"), label_words("pre_ipo"), label_words(None)
    ('Series B+', 'pre-IPO round', 'round')
    """
    if label is None:
        return "round"
    if label.startswith("series_"):
        rest = label[len("series_"):]
        return "Series " + rest[0].upper() + ("+" if rest.endswith("_plus") else rest[1:])
    return {"pre_ipo": "pre-IPO round", "pre_seed": "pre-seed round"}.get(label, label.replace("_", " ") + " round")


_LED_TAIL: Final = re.compile(r"-(?:co-)?led$", re.IGNORECASE)


def _without_led(e: EntityRef) -> EntityRef:
    """"Brightwater Partners-led" is read as one capitalised run: the investor is the name before "-led"
    (its span shrinks so that the suffix test in :func:`_lead_phrases` finds it)."""
    m = _LED_TAIL.search(e.surface)
    if m is None or e.method != "unresolved" or e.span is None:
        return e
    name = e.surface[: m.start()]
    return e.model_copy(update={"id": unresolved_id(name), "name": name, "surface": name,
                                "span": Span(start=e.span.start, end=e.span.start + len(name))})
