"""**time** -- the nearest time expression in the sentence; a back-reference ("At that time") takes
the last time of the text before; otherwise the publication date, marked ``as_of_publication``. Here too the
reporting period of a results story, the lead's news day, "a year earlier" and "the same period of 2021",
and the baselines of comparisons, whose times are not the figure's.
"""

from __future__ import annotations

from typing import Final

import calendar
import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from factcheck._data import load_toml
from factcheck.claims._text import _WORD, PhraseRegex, _clause_end, _clause_start
from factcheck.claims.state import _State
from factcheck.lexicon import LEXICON, phrase_regex
from factcheck.mentions.dates import WEEKDAYS, _add_months, _alt, find_times, fiscal_year_start, is_attributive, month_end_reading, names_period_end
from factcheck.models import Claim, Document, Granularity, NumberMention, QuantityClaim, Span, TimeMention, TimeScope


# After a comparative figure, what follows "as"/"than" is the baseline ("twice as many queries as it did in
# January"): its time is not the figure's.
_BASELINE: Final = re.compile(r"\b(?:as|than|compared\s+(?:with|to)|from)\b", re.IGNORECASE)
# "from $2.5 billion in 2022 to over $20 billion": a time followed by "to" belongs to the first leg.
_NEXT_LEG: Final = re.compile(r"\s*,?\s*(?:to|and|versus|against)\s+$", re.IGNORECASE)
_COMPARATIVE: Final = re.compile(r"\b(?:as\s+(?:many|much)|than|times)\b|×", re.IGNORECASE)
_CLAUSE_PUNCT: Final = re.compile(r"[.,](?!\d)|;")  # (not the point or comma inside "38.2", "1,100")
_TIME_REACH: Final = 250  # characters either side of a figure within which its time is looked for


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
        # (a time wholly after publication is no baseline: "raise the price to $19.99 from November" starts then)
        ahead = (doc.published is not None and t.time.start is not None and t.time.start > doc.published
                 and _STARTS_FROM.search(text, max(0, t0 - 20), t0) is not None)
        if t0 >= end and _statement_day(text, t0, t, times):
            said.append(t)  # "9.8% more than ..., according to figures released on Wednesday": never a baseline
            continue
        if t0 >= end and not ahead and ((_BASELINE.search(text, end, t0) and _COMPARATIVE.search(text, max(0, start - 5), t0))
                                        or _is_baseline(text, end, t0, t)):
            baselines.append(t)  # the baseline of "twice as many ... as in January", "up 6% from the first quarter"
            continue
        if t0 >= end and (_OTHER_CLAUSE.search(text, end, t0) or _RECORD_SINCE.search(text, end, t0)
                          and t.text.lower().startswith("since")):
            continue  # "..., which gained AI features in January": another clause's time; a record's baseline
        if t.span.end - base <= start and t0 > 0 and text[:t0].strip() and \
                _YEAR_EARLIER.fullmatch(" ".join(t.text.split())):
            # "rose 6.8% from a year earlier to $31.4 billion, ... which jumped 11%": a baseline named before
            # the figure is not its time (unless it opens the sentence: "A year earlier, it earned $5m")
            baselines.append(t)
            continue
        if t.span.end - base <= start and _elsewhere_before(text, t0, t.span.end - base, start, change=change):
            continue  # "The start-up, which was founded in 2019, ... hire 150", "up from 15 million in Q3, and 40%"
        if _future_elsewhere(doc, text, t, t0, t.span.end - base, start, end):
            continue  # "has 212 branches ..., said it would close 15 of them by March": another clause's plan
        if _statement_day(text, t0, t, times):
            said.append(t)  # "the company said on Tuesday": when it was said, not what the figure covers
            continue
        kept.append(t)
    if change and not any(t.span.start - base >= end and not _CLAUSE_PUNCT.search(text, end, t.span.start - base)
                          for t in kept) and len(kept) >= 2:
        firsts = [t.time for t in kept if t.time.start]
        lasts = [t.time for t in kept if t.time.end]
        if firsts and lasts:  # "from $2.5 billion in 2022 to $20 billion in 2023, a 7× increase"
            a, b = min(firsts, key=lambda x: x.start), max(lasts, key=lambda x: x.end)  # type: ignore[arg-type, return-value]
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
        if len(kept) > 1 and not change:  # "spend €45m this year and hire 120 by September": its own clause
            kept = _in_own_clause(text, base, start, end, kept)
        own = _sentence_time(doc, kept, back_ref, state, anchor=(mention.span.start + mention.span.end) // 2)
    if change and not own.as_of_publication:  # a change between two named periods spans both
        own = _spanning(own, [t for t in baselines if not _YEAR_EARLIER.fullmatch(" ".join(t.text.split()))])
    if (doc.published is not None and own.granularity in _TO_DATE_GRANULARITIES and own.start is not None
            and own.end is not None and own.start <= doc.published < own.end and not own.as_of_publication
            and _PERFECT_BEFORE.search(text, max(0, start - 40), start)):
        # "shares have risen 18% this year", "the stock has nearly tripled this year": so far, to publication
        return own.model_copy(update={"end": doc.published, "text": f"{own.text} (so far)"})
    return month_end_reading(own)  # "had 812 stores at the end of December": the month


_FUTURE_CLAUSE: Final = load_toml("dates.toml")["future_clause"]


# Between a figure and a time: a break that opens another clause (see [future_clause] in dates.toml).
_CLAUSE_GAP: Final = re.compile(
    r";|,\s*(?:" + _alt(_FUTURE_CLAUSE["conjunctions"]) + r")\b"
    r"|\b(?:and|but)\s+(?:" + _alt(_FUTURE_CLAUSE["openers"]) + r")\b"
    r"|,\s*(?:(?:" + _alt(_FUTURE_CLAUSE["comma_openers"]) + r")\b"
    r"|(?!(?:" + _alt(_FUTURE_CLAUSE["not_participles"]) + r")\b)[a-z]+ing\b)",
    re.IGNORECASE)
_AND_AFTER_TIME: Final = re.compile(r"\s*,?\s*(?:and|but)\s", re.IGNORECASE)


def _future_elsewhere(doc: Document, text: str, t: TimeMention, t0: int, t1: int, start: int, end: int) -> bool:
    """Whether ``t`` is a time still to come (after publication) that a break opening another clause parts
    from the figure at ``start:end`` ("has 212 branches ..., said it would close 15 of them by March"; "by March
    and cut about 300 jobs"): it dates the other clause's plan, not the figure."""
    published = doc.published
    ts = t.time
    if published is None or ts.start is None or ts.end is None or ts.start < published or ts.end <= published:
        return False  # (a window from publication on counts: "over the next six months")
    if t1 <= start:
        return _AND_AFTER_TIME.match(text, t1, start) is not None or _CLAUSE_GAP.search(text, t1, start) is not None
    return t0 >= end and _CLAUSE_GAP.search(text, end, t0) is not None


# A present perfect right before the figure ("have risen about 18%", "has nearly tripled"): with a period under
# way ("this year") the figure runs from its start to publication.
_PERFECT_BEFORE: Final = re.compile(r"\b(?:has|have)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_TO_DATE_GRANULARITIES: Final = frozenset([Granularity.YEAR, Granularity.QUARTER, Granularity.MONTH])


# Where a sentence's clauses part for a figure's time: a comma or stop, or a conjunction that opens a clause.
_TIME_CLAUSE_BREAK: Final = re.compile(r"[,;:()]|\s(?:and|but|while|whereas)\s", re.IGNORECASE)


def _in_own_clause(text: str, base: int, start: int, end: int, times: list[TimeMention]) -> list[TimeMention]:
    """The times of ``times`` in the figure's own clause (nothing that parts clauses between them and the
    figure), when there are some; else ``times`` unchanged."""
    own = []
    for t in times:
        t0, t1 = t.span.start - base, t.span.end - base
        lo, hi = (t1, start) if t1 <= start else (end, t0)
        if lo <= hi and not _TIME_CLAUSE_BREAK.search(text, lo, hi) and not is_attributive(text, t0, t1):
            own.append(t)
    return own or times


def _spanning(own: TimeScope, baselines: Sequence[TimeMention]) -> TimeScope:
    """``own`` widened to cover the baselines' periods (when all are dated)."""
    dated = [t.time for t in baselines if t.time.resolved and t.time.start and t.time.end]
    if not dated or own.start is None or own.end is None:
        return own
    a = min([own, *dated], key=lambda x: x.start)  # type: ignore[arg-type, return-value]
    b = max([own, *dated], key=lambda x: x.end)  # type: ignore[arg-type, return-value]
    if (a.start, b.end) == (own.start, own.end):
        return own
    return TimeScope(start=a.start, end=b.end, granularity=Granularity.SPAN, text=f"{a.text} to {b.text}",
                     anchored_on=own.anchored_on or a.anchored_on, resolved=True)


# "from November", "starting on 1 September": the time a figure starts to hold.
_STARTS_FROM: Final = re.compile(r"\b(?:from|starting|beginning|effective)\s+(?:(?:on|in)\s+)?(?:the\s+)?$", re.IGNORECASE)
_TIME_LISTS: Final = LEXICON.time_regex
_YEAR_EARLIER: Final = _TIME_LISTS["year_earlier_references"]
_PERIOD_REFERENCE: Final = _TIME_LISTS["period_references"]
# "up 6% from the second quarter": a baseline word right before the time; "to 16.9% from 7% a year
# earlier": a baseline word then another figure, whose time it is.
_BASELINE_WORDS: Final = _TIME_LISTS["baseline_words"].pattern
_BASELINE_END: Final = re.compile(_BASELINE_WORDS + r"\s+(?:the\s+)?$", re.IGNORECASE)
_BASELINE_FIGURE: Final = re.compile(
    r"(?<![\w-])(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)than|against|compared\s+(?:with|to)|versus|vs\.?)"
    r"\s[^;]{0,200}?\d", re.IGNORECASE)
# After the figure: a comma opening another clause ("..., which gained AI features in January"), or the
# baseline of a record ("the highest level since the early 1960s", "the highest since records began in 1950").
_OTHER_CLAUSE: Final = re.compile(
    r",\s*" + _TIME_LISTS["other_clause"].pattern + r"|" + _TIME_LISTS["superlatives"].pattern
    + r"[^;.]{0,80}?\bsince\s+(?:the\s+)?(?:records?\s+(?:began|started|were\s+first\s+kept)\s+in\s+)?$",
    re.IGNORECASE,
)
# "the first cut since March 2020" when the time expression itself starts with "since".
_RECORD_SINCE: Final = PhraseRegex(re.compile(_TIME_LISTS["superlatives"].pattern + r"[^;.]{0,80}?$", re.IGNORECASE),
                            LEXICON.claims["time"]["superlatives"])
# "said on Tuesday", "published on Monday": the day of a statement.
_STATEMENT_WORDS: Final = load_toml("dates.toml")["statement_day"]
_STATEMENT_DAY: Final = re.compile(
    r"(?:" + LEXICON.speech_regex.pattern + r"(?:\s+\w+)?"
    r"|\b(?:" + _alt(_STATEMENT_WORDS["nouns"]) + r")\s+(?:" + _alt(_STATEMENT_WORDS["verbs"]) + r"))"
    r"\s+(?:on\s+)?$", re.IGNORECASE)
_FIGURE_BEFORE: Final = re.compile(r"\d[\w.,%]*(?:\s+[^\s\d]+){0,2}\s+$")
_WEEKDAY_WORDS: Final = frozenset([*WEEKDAYS, "today", "yesterday", "tonight"])


def _is_baseline(text: str, end: int, t0: int, t: TimeMention) -> bool:
    """Whether the time at ``t0`` is the baseline of a comparison made by the figure ending at ``end``:
    a baseline word close before it ("up 6% from the second quarter"), or a baseline word and another
    figure between them ("to 16.9% from 7% a year earlier")."""
    if t0 - end <= 60 and not _CLAUSE_PUNCT_HARD.search(text, end, t0):
        m = _BASELINE_END.search(text, max(end, t0 - 40), t0)
        if m and not (m.group().lower().startswith("on") and t.time.granularity == Granularity.DAY):
            return True
    if t0 - end <= 90 and _BASELINE_NOUN.search(text, max(end, t0 - 30), t0):
        return True  # "double the amount a year earlier": the time of the thing compared with
    if _PRIOR_MOVE.search(text, max(end, t0 - 60), t0):
        return True  # "fell 0.8%, after a 1.1% drop on Wednesday": the earlier move's day
    if t0 - end <= 90 and _BASELINE_EVENT.search(text, max(end, t0 - 50), t0):
        return True  # "up 3.4 points from the first round on 31 May": the time of the thing compared with
    return _BASELINE_FIGURE.search(text, end, t0) is not None


# "after a 1.1% drop on", "following a rally on": an earlier move, then its time.
_PRIOR_MOVE: Final = re.compile(
    r"\b(?:after|following)\s+(?:a|an|its|their|the)\s+(?:[\w.,%-]+\s+){0,2}?(?:"
    + _alt(load_toml("dates.toml")["prior_moves"]["words"]) + r")\s+(?:on|in)\s+(?:the\s+)?$", re.IGNORECASE)
# "double the amount a year earlier", "below the level in 2019": a time right after a baseline noun.
_BASELINE_NOUN: Final = re.compile(r"\b(?:the|its|their)\s+(?:" + _alt(load_toml("dates.toml")["baseline_nouns"]["words"])
                                   + r")\s+(?:(?:in|of|for)\s+)?$", re.IGNORECASE)
# "from the first round on", "than the previous vote in": a baseline event, then its time.
_BASELINE_EVENT: Final = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus)\s+(?:the\s+|a\s+|its\s+)?"
                             r"(?:[a-z][\w-]*\s+){1,3}(?:on|in)\s+(?:the\s+)?$", re.IGNORECASE)


_CLAUSE_PUNCT_HARD: Final = re.compile(r"[;.:]\s|\band\s+(?:said|says)\b")
# A time inside ", which ... ," before the figure, or the time of a baseline figure ("up from about 15
# million in the third quarter, and ... 40%").
# "... in 2015 and employs 19,000 people": "and" opens a present-tense clause of its own.
_PRESENT_AFTER_AND: Final = re.compile(r"\band\s+(?:now\s+|still\s+|currently\s+)?"
                                + LEXICON.time_regex["present_markers"].pattern + r"\s+(?:\w+\s+)?$", re.IGNORECASE)
_FOUNDED_BEFORE: Final = re.compile(LEXICON.time_regex["founding_verbs"].pattern + r"\s+(?:in|on)\s+(?:the\s+)?$",
                             re.IGNORECASE)
_ANOTHER_PHRASE: Final = re.compile(r",|\band\b")  # a comma or "and" between the founding's time and the figure
_RELATIVE_OPEN: Final = re.compile(r",\s*(?:which|who|whose)\b[^,;]*$", re.IGNORECASE)
_BASELINE_BEFORE: Final = re.compile(
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
    if _FOUNDED_BEFORE.search(text, max(0, t0 - 30), t0) and _ANOTHER_PHRASE.search(text, t1, start):
        return True  # "founded in 1971 and operates four mines", "since it listed in 2011, lifting ... C$9bn"
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
    plan = state.plan_period
    if (plan is not None and not back_ref and _PLAN_WORDS.search(text, _clause_start(text, start), _clause_end(text, end))
            and not _PAST_PLAN.search(text, _clause_start(text, start), start)):
        # "The budget adds $65m": a budget story's figure is for the fiscal year it plans (but "Councillors
        # voted 9 to 4 for the plan" is the vote, on its day)
        return plan
    period = state.paragraph_period or state.lead_period
    news_day = state.lead_day if state.lead_day is not None and not _said_on(doc, state.lead_day) else None
    if not back_ref and (period is not None or news_day is not None) and _reports_past(text, start, end):
        if period is not None:
            return period.model_copy(update={"text": f"{period.text} (reporting period)"})
        assert news_day is not None
        return news_day.model_copy(update={"text": f"{news_day.text} (the story's news day)"})
    return _sentence_time(doc, [], back_ref, state, anchor=None)


def _said_on(doc: Document, day: TimeScope) -> bool:
    """Whether the lead's day is the day of a statement ("the company said on Tuesday", "figures released on
    Thursday"): the day the news was told, not one on which the story's figures happened (a vote, a rate cut,
    an election), so later figures that give no time of their own are dated to publication."""
    if day.span is None or not doc.prose:
        return False
    at = day.span.start
    return _STATEMENT_DAY.search(doc.prose, max(0, at - 30), at) is not None


_TIME_WORDS: Final = LEXICON.time_words
_PLAN_WORDS: Final = re.compile(LEXICON.time_regex["plan_words"].pattern, re.IGNORECASE)
_FISCAL_WORDS: Final = re.compile(LEXICON.time_regex["fiscal_words"].pattern, re.IGNORECASE)
# A past verb of an act (not a plan) right before the figure: "voted 9 to 4" (both figures), "approved 12 to 3".
_PAST_PLAN: Final = re.compile(r"\b(?:voted|approved|passed|rejected)\s+(?:by\s+)?(?:\d{1,4}\s+(?:to|-)\s+)?$", re.IGNORECASE)
_PLAN_LEAD: Final = 1500  # characters from the start of a story in which its lead names the plan's fiscal year


def _plan_period(prose: str, published: date | None, fiscal_start: int | None = None) -> TimeScope | None:
    """The fiscal year a budget story's lead names ("a $4.7bn budget for the 2025 fiscal year"), when it is
    under way or begins within a year of publication; None for any other story.

    >>> t = _plan_period("The council approved a budget for the 2025 fiscal year. The fiscal year begins on "
    ...                  "July 1.", date(2024, 6, 13))
    >>> (t.start.isoformat(), t.end.isoformat())
    ('2024-07-01', '2025-06-30')
    """
    lead = prose[:_PLAN_LEAD]
    if published is None or not _FISCAL_WORDS.search(lead):
        return None  # only a time naming a fiscal year can be the plan's: most stories have none to look for
    for t in find_times(lead, published, fiscal_start=fiscal_start or fiscal_year_start(prose)):
        ts = t.time
        if (ts.resolved and ts.start is not None and ts.end is not None and ts.granularity == Granularity.SPAN
                and ts.end >= published and (ts.start - published).days <= 366 and _FISCAL_WORDS.search(t.text)):
            return ts.model_copy(update={"text": f"{ts.text} (the plan's period)", "span": None})
    return None
_NOT_REPORTED_WORDS: Final[list[str]] = load_toml("dates.toml")["not_reported"]["phrases"]
_NOT_REPORTED: Final = PhraseRegex(phrase_regex(_NOT_REPORTED_WORDS), _NOT_REPORTED_WORDS)


def _reports_past(text: str, start: int, end: int) -> bool:
    """Whether the clause holding a figure reports it in the past tense, with no word putting it in the
    present ("now", "has", "stands") and not about a share price or a valuation (a day's market move)."""
    lo, hi = _clause_start(text, start), _clause_end(text, end)
    if _NOT_REPORTED.search(text, lo, hi):
        return False
    tokens = _WORD.findall(text, lo, hi)
    if not tokens:
        return False
    # Capitalised words past the first are names ("in May", "Still Water"), not markers of tense.
    words = [tokens[0].lower(), *[w.lower() for w in tokens[1:] if not w[0].isupper()]]
    if not _PRESENT_MARKERS.isdisjoint(words):
        return False
    return any(w in _PAST_VERBS or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST) for w in words)


_PRESENT_MARKERS, _PAST_VERBS, _NOT_PAST = (_TIME_WORDS[k] for k in ("present_markers", "past_verbs", "not_past"))


def _completed_period_reported(claims: Sequence[Claim], published: date | None) -> TimeScope | None:
    """A whole year or month, over before publication, that a figure of the lead reports ("capacity grew by
    50% in 2023", "employers added 254,000 jobs in September"): a report on that period, whose later
    past-tense figures take it. A period named without a figure ("founded in 2019") sets nothing, nor does a
    month-end level ("had 20.4 million subscribers at the end of June" reports no period)."""
    if published is None:
        return None
    for c in claims:
        t = c.time
        if not isinstance(c, QuantityClaim) or not t.resolved or t.as_of_publication or t.start is None or t.end is None:
            continue
        if (t.granularity in (Granularity.YEAR, Granularity.MONTH) and t.start.day == 1 and t.end < published
                and (t.granularity == Granularity.MONTH or t.start.month == 1) and not names_period_end(t.text)):
            return t
        if t.granularity == Granularity.SPAN and t.start <= published and _SEASON_TEXT.search(t.text):
            return t  # "carried 4.6 million passengers this autumn": the season the story reports on
        return None  # only the lead's first dated figure reports the story's period ("28.4% ... this summer,
        # down from 28.8% last year": not its baseline)
    return None


# A season ("this autumn", "summer 2025", "last season") named by a figure of the lead.
_SEASON_WORDS: Final[list[str]] = [*load_toml("dates.toml")["year_seasons"], *load_toml("dates.toml")["seasons"]["words"]]
_SEASON_TEXT: Final = phrase_regex(_SEASON_WORDS)


#: How many days before publication the lead's "on Thursday" may lie to be the story's news day.
NEWS_DAY_WINDOW: Final = 7


def _news_day(times: Sequence[TimeMention], published: date | None, text: str = "", base: int = 0) -> TimeScope | None:
    """The day the lead says the news happened ("cut rates on Thursday"), when it is a few days before the
    publication date: past-tense figures of the story that give no time of their own happened then. The day of
    an earlier move the lead compares with ("after a 1.1% drop on Wednesday") is not the news day."""
    if published is None:
        return None
    for t in times:
        t0 = t.span.start - base if t.span else 0
        if text and t0 > 0 and _PRIOR_MOVE.search(text, max(0, t0 - 60), t0):
            continue
        ts = t.time
        if (ts.granularity == Granularity.DAY and ts.start is not None and ts.start == ts.end
                and 0 < (published - ts.start).days <= NEWS_DAY_WINDOW):
            return ts
    return None


def _is_reporting_period(t: TimeScope) -> bool:
    """Whether ``t`` is a results period (a quarter, a half, "the year to June") that later figures of the
    story take."""
    if not t.resolved or t.start is None or t.end is None or t.text.endswith(_A_YEAR_BEFORE):
        return False  # "a year earlier" dated a year back: a comparison's baseline, never the period reported
    return t.granularity in (Granularity.QUARTER, Granularity.HALF) or bool(_PERIOD_TEXT.search(t.text))


_PERIOD_TEXT: Final = re.compile(r"\b(?:months?|weeks|year|quarter|half)\s+(?:to|ended|ending|through)\b|\bmonths\s+of\b",
                          re.IGNORECASE)
_SAME_PERIOD_OF: Final = re.compile(r"\s+(?:of|in)\s+$")


_A_YEAR_BEFORE: Final = ", a year before)"  # how _resolve_period_references marks the time it moved back a year


def _moved(t: TimeScope, years: int, text: str) -> TimeScope:
    assert t.start is not None and t.end is not None
    start, end = _add_months(t.start, 12 * years), _add_months(t.end, 12 * years)  # 29 February -> 28
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
            new = _moved(ref, -1, f"{t.text} ({ref.text}{_A_YEAR_BEFORE}").model_copy(update={"span": t.span})
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


_CITATION: Final = re.compile(r"\((?:[^()]{0,80}?,\s*)?(?:19|20)\d\d[a-z]?\)")


def _in_citation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in an author-year citation such as "(Deng, 2024)" -- a source's date, not the figure's."""
    opened = text.rfind("(", 0, pos + 1)
    if opened == -1:
        return False
    m = _CITATION.match(text, opened)
    return bool(m and m.end() > pos and re.search(r"[A-Z]", m.group()))
