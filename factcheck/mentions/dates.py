"""Time expressions: find them in a sentence and resolve them to date intervals.

One pass over the text: a small regex finds the words where a time expression
can begin, one compiled master regex (named alternatives, lexicon from
``data/dates.toml``) is tried there, and each match is checked and resolved in
Python against the publication date. Every result is a closed ``[start, end]``
interval. Linear time: no pattern can backtrack over more than one run of
whitespace, and every token is looked at a bounded number of times.

Resolution rules (``p`` is the publication date):

* A day and month without a year ("16 April") takes ``p``'s year, unless that
  falls more than two months after ``p``; then the year before (news looks back).
* A month alone ("in December") is its most recent occurrence not after ``p``'s
  month. "last August" is the most recent August strictly before ``p``'s month;
  "this August" is August of ``p``'s year; "next August" the first one after.
* "last/this/next year|month|week|quarter|decade" are calendar periods;
  "the past/last N units", "the past year" are rolling windows ending at ``p``,
  except that quarters and decades are always whole calendar ones ("the past
  two quarters" are the two before ``p``'s quarter).
  "N units ago" is the calendar day/week/month/quarter/year N units before ``p``.
* Weekdays: bare or "past" -> most recent on or before ``p``; "last" -> most
  recent strictly before ``p``; "this" -> in ``p``'s Monday-Sunday week; "next"
  -> first one strictly after ``p``.
* Parts of a period are thirds: early/beginning of = days 1-10 of a month,
  January-April of a year; mid = 11-20 / May-August; late/end of = 21-end /
  September-December (thirds by day count for other periods). "earlier this
  year" runs to ``p``, "later this year" from ``p``.
* "so far", "to date" run from an open start to ``p``; "so far this year" from
  1 January of ``p``'s year to ``p``.
* "since X" runs from X's start to ``p`` (open when ``p`` is unknown); "after X"
  and "before X" are open-ended; "until X" is open at the start; "by X" and
  "as of X" are X itself. "from/between X to/and Y", "X-Y", "Jan-Feb 2017" are
  one range; its first end takes the second's year when it has none.
* Back references ("at that time", "the following year", "three months after",
  "a few days later") are reported with ``relative=True, resolved=False`` and
  no dates, even when ``p`` is known: a later stage resolves them against the
  time of the text they point back to. :func:`is_back_reference` tells them apart.
* Without ``p``, every relative expression is ``resolved=False`` with no dates.
* Fiscal years: a one-year label names the year the fiscal year ends in ("fiscal 2025", "FY25", "the 2025
  fiscal year"). With the start month the document gives (``fiscal_start``, see
  :func:`fiscal_year_start`) "fiscal 2025" starting in July is 2024-07-01..2025-06-30 and "financial year
  2024-25" starting in April is 2024-04-01..2025-03-31. Without it the end month is unknown and the
  default is the widest span a reader would accept, so that it overlaps the real one: "fiscal N" is
  1 February N-1 .. 31 December N (every month some fiscal year ending in N can cover), "financial year
  N-(N+1)" is 1 February N .. 30 November N+1. A bare "2022-23" stays the two calendar years.
* Seasons (``[seasons]`` in dates.toml, August to May by default): "the 2023-24 season" is
  2023-08-01..2024-05-31; "this season" is the one under way at ``p`` (in June and July, between
  seasons, the one about to start), "last season" the one before, "next season" the one after.
* Text inside URLs and paths (``http…``, ``www.…``, tokens with ``/`` and ``.``)
  is skipped. Bare 4-digit numbers are years only between 1800 and 2099 and
  not when they read as counts ("2023 LLMs", "about 2000 staff", "2,022").
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import compress, repeat
from operator import is_not
from typing import Any, Final, Iterator

from factcheck._data import load_toml
from factcheck.models import Granularity, Span, TimeMention, TimeScope

_LEX: dict[str, Any] = load_toml("dates.toml")

MONTHS: dict[str, int] = _LEX["months"]
_FULL_MONTHS: Final = frozenset(max((k for k in MONTHS if MONTHS[k] == n), key=len) for n in range(1, 13))
WEEKDAYS: dict[str, int] = _LEX["weekdays"]
_WEEKDAY_ABBR: dict[str, int] = _LEX["weekday_abbreviations"]
_REL: dict[str, int] = _LEX["relative"]
_PARTS: dict[str, str] = _LEX["parts"]
_QUARTERS: dict[str, int] = _LEX["quarters"]
_HALVES: dict[str, int] = _LEX["halves"]
_UNITS: dict[str, str] = _LEX["units"]
_NUMBERS: dict[str, int] = _LEX["number_words"]
_LEADS: dict[str, str] = _LEX["leads"]
_DAY_WORDS: dict[str, int] = _LEX["day_words"]
_AMBIGUOUS: Final = frozenset(_LEX["ambiguous_months"]["words"])
_CUES: Final = frozenset(_LEX["time_cues"]["words"])
_YEAR_CUES: Final = _CUES | frozenset(_LEX["time_cues"]["year_only"])
_HEDGES: Final = frozenset(_LEX["hedges"]["words"])
_COUNT_WORDS: Final = frozenset(_LEX["count_words"]["words"])
_FUNCTION_WORDS: Final = frozenset(_LEX["function_words"]["words"])
_JOINERS: Final = frozenset(_LEX["range_joiners"]["words"])
_BACKREF_PHRASES: list[str] = _LEX["back_references"]["phrases"]
_BACKREF_DIRS: list[str] = _LEX["back_reference_directions"]["words"]
_YTD: list[str] = _LEX["year_to_date"]["phrases"]
_UP_TO_NOW: list[str] = _LEX["up_to_now"]["phrases"]
_NOT_AFTER_NOW: list[str] = _LEX["up_to_now"]["not_before"]
_PERIOD_WORDS: dict[str, list[str]] = _LEX["period_words"]



def _word_tree(words: Any) -> dict[str, Any]:
    """``words`` (lower-cased, blanks squeezed) as a character tree: each node maps a character to the node
    after it, and "" marks the end of a word.

    >>> _word_tree(["up", "Up  to"])
    {'u': {'p': {'': {}, ' ': {'t': {'o': {'': {}}}}}}}
    """
    root: dict[str, Any] = {}
    for word in sorted({" ".join(str(w).lower().split()) for w in words}):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root

def _alt(words: Any, lower: bool = False) -> str:
    """A case-insensitive regex for a set of lexicon phrases, as a trie.

    Letters become ``[Xx]`` classes and a space matches any run of whitespace.
    The pattern is compiled without IGNORECASE, so each branch starts with a
    character class the regex engine can reject in one step; with a trie the
    engine never re-reads a shared prefix. Longer phrases win (greedy tails).
    With ``lower`` letters stay plain lower-case characters, for text already
    lower-cased (a plain character is a cheaper test than a class).
    """
    return _trie(_word_tree(words), lower)


def _trie(node: dict[str, Any], lower: bool = False) -> str:
    branches = []
    for ch, child in sorted(node.items()):
        if ch == "":
            continue
        if ch == " ":
            atom = r"\s+"
        elif ch.isalpha() and ch.upper() != ch and not lower:
            atom = f"[{ch.upper()}{ch}]"
        else:
            atom = re.escape(ch)
        branches.append(atom + _trie(child, lower))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _key(surface: str) -> str:
    """Normalise a matched lexicon phrase to its dictionary key."""
    return " ".join(surface.lower().split())


_MON: Final = _alt(MONTHS)
_WD_ANY: Final = _alt([*WEEKDAYS, *_WEEKDAY_ABBR])
_NUM: Final = r"\d{1,3}|" + _alt(_NUMBERS)
_UNIT: Final = _alt(_UNITS)
_DAY: Final = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_ORD: Final = f"(?:{_alt(['st', 'nd', 'rd', 'th'])})?"
_YEAR: Final = r"(?:1[89]|20)\d\d(?!\d)"
_THE, _OF, _IN, _YEAR_W = _alt(["the"]), _alt(["of"]), _alt(["in"]), _alt(["year"])
_YREL: Final = _alt(["this", "last", "next", "the previous", "the following"])
_QREL: Final = _alt(["this", "last", "next", "current", "previous", "following"])
_FISCAL: Final = _alt(["fiscal"])
_FISCAL_LEX: dict[str, Any] = _LEX["fiscal"]
_SEASON_LEX: dict[str, Any] = _LEX["seasons"]
_FISCAL_CURRENT: Final = frozenset(_FISCAL_LEX["current_year_words"])
_FISCAL_W, _SEASON_W = _alt(_FISCAL_LEX["words"]), _alt(_SEASON_LEX["words"])
_YEAR_SEASONS: dict[str, list[int]] = _LEX["year_seasons"]
# The second year of a split year: "2024-25", "2024/25", "2024-2025".
_SPLIT: Final = r"(?:[-/–](?:\d\d(?:\d\d)?)(?!\d))"
# An optional weekday before a full date ("Tuesday, 16 April 2024"); ignored when resolving.
_WD_PREFIX: Final = rf"(?:(?:{_WD_ANY})\.?,?\s+)?"

_MASTER: Final = re.compile(
    rf"""
    (?<![\w$€£¥])(?<!\d[.,])              # start of a word, not inside a number or after a currency sign
    (?:(?P<lead>{_alt(_LEADS)})\s+)?      # since / after / before / until / by / as of / from / between
    (?:(?P<mod>{_alt(_PARTS)})[\s-]+(?:{_THE}\s+)?)?   # early / mid- / the end of / earlier ...
    (?P<core>
        # fiscal 2025, fiscal year 2024-25, FY25, FY2024/25, the 2025 fiscal year, the 2023-24 season
        (?:{_THE}\s+)?(?:{_FISCAL_W})\s+(?:{_YEAR_W}\s+)?(?P<fis_y>{_YEAR})(?P<fis_y2>{_SPLIT})?
      | FY\s?(?P<fis_fy>(?:1[89]|20)?\d\d)(?!\d)(?P<fis_fy2>{_SPLIT})?
      | (?:{_THE}\s+)?(?P<fis_ya>{_YEAR})(?P<fis_ya2>{_SPLIT})?\s+(?:(?P<fis_w>{_FISCAL_W})\s+{_YEAR_W}|(?P<sea_w>{_SEASON_W}))
      | # this fiscal year, the current financial year, next fiscal year
        (?:{_THE}\s+)?(?P<fisrel>{_alt(_REL)})\s+(?:{_FISCAL_W})\s+{_YEAR_W}
      | # last season, this season, next season
        (?P<sea_rel>{_alt(_REL)})\s+(?P<sea>{_SEASON_W})
      | # this summer, last winter, so far this summer, summer 2023
        (?:(?P<ys_far>{_alt(["so far"])})\s+)?(?P<ys_rel>{_alt(_REL)})\s+(?P<ys>{_alt(_YEAR_SEASONS)})
      | (?P<ys_y_s>{_alt(_YEAR_SEASONS)})\s+(?:{_OF}\s+)?(?P<ys_y>{_YEAR})
      | # 2023-08-31, 2023/8/31, 2015-12 (year-month), 2022-23 (fiscal year)
        (?P<iso_y>(?:1[89]|20)\d\d)(?P<iso_sep>[-/.])(?P<iso_m>\d\d?)
            (?:(?P=iso_sep)(?P<iso_d>3[01]|[12]\d|0?[1-9]))?(?![\d/])
      | # 1/22/2016 (month first unless the first number cannot be a month)
        (?P<num_a>\d\d?)/(?P<num_b>\d\d?)/(?P<num_y>\d{{4}}|\d\d)(?![\d/])
      | # 16 April 2024, the 9th of May, 18-19 November, Tuesday, 16 April
        {_WD_PREFIX}(?:{_THE}\s+)?
        (?:(?P<dmy_d0>{_DAY}){_ORD}\s*(?:-|–|{_alt(["to", "and"])})\s*)?
        (?P<dmy_d>{_DAY}){_ORD}(?:\s+{_OF})?[\s-]+
        (?P<dmy_mon>{_MON})(?![A-Za-z])\.?
        (?:[\s,-]+(?:{_OF}\s+|{_IN}\s+)?(?P<dmy_y>{_YEAR}))?
      | # April 16, 2024; Aug. 31; November 18-19; Sep-23-2020
        {_WD_PREFIX}(?P<mdy_mon>{_MON})(?![A-Za-z])\.?[\s-]*(?:{_THE}\s+)?
        (?P<mdy_d>{_DAY}){_ORD}
        (?:\s*[-–]\s*(?P<mdy_d2>{_DAY}){_ORD})?
        (?:[\s-]*(?:,\s*)?(?:{_OF}\s+)?(?P<mdy_y>{_YEAR}))?
      | # August 2023, Dec-2018, last August, August last year, December
        (?:(?P<mon_rel>{_alt(_REL)})\s+)?
        (?:(?P<mon_from>{_MON})(?![A-Za-z])\.?\s*[-–]\s*)?
        (?P<mon_mon>{_MON})(?![A-Za-z])\.?
        (?:\s+(?:{_OF}\s+)?(?P<mon_yrel>{_YREL})\s+{_YEAR_W}
          | [\s,/-]*(?:{_OF}\s+|{_IN}\s+)?(?P<mon_y>{_YEAR}))?
      | # the year to June 2023, the financial year to March, the three months ended September
        (?:{_THE}\s+)?
        (?:(?P<to_n>{_NUM})\s+{_alt(["months"])} | (?P<to_wn>{_NUM})\s+{_alt(["weeks"])} | (?:{_alt(_PERIOD_WORDS["financial"])}\s+)?(?P<to_yr>{_YEAR_W})
          | (?P<to_q>{_alt(["quarter"])}) | (?P<to_h>{_alt(["half", "half-year", "half year"])}))
        \s+(?:(?:that|which)\s+)?(?P<to_end>{_alt(_PERIOD_WORDS["ending"])})\s+(?:(?:{_IN}|on)\s+)?(?:{_THE}\s+{_alt(["end"])}\s+{_OF}\s+)?
        (?:(?P<to_d>{_DAY}){_ORD}\s+)?(?P<to_mon>{_MON})(?![A-Za-z])\.?(?:\s+(?P<to_d2>{_DAY}){_ORD})?(?:,?\s+(?P<to_y>{_YEAR}))?
        # ("the financial year ending 31 March 2027", "the fiscal year ending in March", "the six weeks to
        # 4 January")
      | # the last three months of 2023, the first six months of this year
        (?:{_THE}\s+)?(?P<of_pos>{_alt(["first", "last", "final"])})\s+(?P<of_n>{_NUM})\s+{_alt(["months"])}\s+{_OF}\s+
        (?:{_THE}\s+(?P<of_the>{_YEAR_W}) | (?P<of_rel>{_YREL})\s+{_YEAR_W} | (?P<of_y>{_YEAR}))
      | # full-year, full year 2023: the publication year unless one is given
        (?P<fy>{_alt(_PERIOD_WORDS["full_year"])})(?:\s+(?P<fy_y>{_YEAR}))?
      | # Q1 2024, H1 2024, the first quarter of this year, second half of 2023; "the first quarter",
        # "first-quarter", "Q3" without a year are the most recent one begun by the publication date
        (?:{_THE}\s+)?
        (?:Q(?P<q_n>[1-4]) | q(?P<q_nl>[1-4])(?=[\s-]*{_YEAR}) | (?P<q_w>{_alt(_QUARTERS)})[\s-]+{_alt(["quarter"])}
          | H(?P<h_n>[12]) | (?P<h_w>{_alt(_HALVES)})[\s-]+{_alt(["half"])})
        (?:\s+(?:{_OF}\s+)?(?:{_THE}\s+)?(?P<q_rel>{_QREL})\s+{_YEAR_W}
          | \s+{_OF}\s+{_THE}\s+(?P<q_this>{_YEAR_W})
          | [\s-]*(?:{_OF}\s+)?(?:{_THE}\s+)?(?:{_FISCAL}\s+(?:{_YEAR_W}\s+)?|FY\s*)?(?P<q_y>{_YEAR}))?
      | # 2024 Q1, 2019-H2
        (?P<qy_y>{_YEAR})[\s-]?(?:[Qq](?P<qy_q>[1-4])|[Hh](?P<qy_h>[12]))
      | # so far this year, year to date
        (?P<ytd>{_alt(_YTD)})
      | # to date, so far (but not "so far as")
        (?P<now>{_alt(_UP_TO_NOW)})(?!\s+(?:{_alt(_NOT_AFTER_NOW)})(?![^\W_]))
      | # at that time, the following year (resolved by a later stage)
        (?P<backref>{_alt(_BACKREF_PHRASES)})
      | # three days ago; a few days later; three months after
        (?P<ago_n>{_NUM})\s+(?P<ago_u>{_UNIT})\s+(?P<ago_dir>{_alt(["ago", *_BACKREF_DIRS])})
      | # last year, this month, the past three years, the last 6 months
        (?:(?P<win_the>{_THE})\s+)?
        (?P<win_dir>{_alt([*_REL, "following"])})\s+
        (?:(?P<win_n>{_NUM})\s+)?(?P<win_u>{_UNIT})
      | # today, yesterday
        (?P<dayword>{_alt(_DAY_WORDS)})
      | # on Tuesday, last Wednesday
        (?:(?P<wd_rel>{_alt(_REL)})\s+)?(?P<wd>{_alt(WEEKDAYS)})
      | # the 1990s
        (?:{_THE}\s+)?(?P<decade>(?:1[89]|20)\d0)'?s
      | # 2022, FY2024, fiscal 2024, the year 2008
        (?:{_FISCAL}\s+(?:{_YEAR_W}\s+)?|FY\s?|(?:{_THE}\s+)?{_YEAR_W}\s+)?(?P<yr>{_YEAR})
      | # "the end of the year": a bare unit, only after a part-of-period word
        (?(mod)(?P<bare_u>{_alt(["year", "month", "week"])})|(?!))
    )
    (?!\w)
    """,
    re.VERBOSE,
)

# The name of each group of the master regex by position (None for an unnamed one).
_GROUP_NAMES: Final = [{i: n for n, i in _MASTER.groupindex.items()}.get(i) for i in range(1, _MASTER.groups + 1)]

# Tokens that may be URLs or paths: a slash, "www." or "://" starts the check.
_URL_HINT: Final = re.compile(r"/|www\.|://", re.IGNORECASE)
_TOKEN_TAIL: Final = re.compile(r"\S*")
_TRAILING_PUNCT: Final = ".,;:!?)]}\"'”’"
_PREV_WORD: Final = re.compile(r"([A-Za-z]+\.?)[\s(\"'“‘]*\Z")
_NEXT_WORD: Final = re.compile(r"[ \t]+([A-Za-z][A-Za-z'-]*)")
_NUMBER_TAIL: Final = re.compile(r"[.,]\d|\s*(?:%|per\s*cent|percent)", re.IGNORECASE)
_JOIN_GAP: Final = re.compile(rf"\s*({_alt(_JOINERS)})\s*\Z")
_BACKREF_FULL: Final = re.compile(
    rf"(?:{_alt(_BACKREF_PHRASES)}|(?:{_NUM})\s+(?:{_UNIT})\s+(?:{_alt(_BACKREF_DIRS)})"
    rf"|(?:the\s+)?(?:following|previous)\s+(?:(?:{_NUM})\s+)?(?:{_UNIT}))",
    re.IGNORECASE,
)


class _Unanchored(Exception):
    """A relative expression met without a publication date."""


class _Reject(Exception):
    """The match is not a time after all (a count, an invalid date...)."""


@dataclass(frozen=True)
class _Period:
    start: date | None
    end: date | None
    gran: Granularity
    relative: bool = False
    backref: bool = False


@dataclass
class _Hit:
    start: int  # span start in the scanned text (includes a range_start lead)
    body: int  # where the span starts when a range_start lead is dropped
    end: int
    lead: str | None  # lead word, lower case
    period: _Period | None  # None: relative without a publication date
    month: int | None = None  # for a day/month without a year: re-resolved in ranges
    day: int | None = None
    day_end: int | None = None
    explicit_year: bool = False
    fiscal_start: int | None = None  # the month the document's fiscal year starts in, when it says
    future: bool = False  # the clause before speaks of the future ("would close 15 branches by March")


# --- calendar helpers -------------------------------------------------------


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month(y: int, m: int, gran: Granularity = Granularity.MONTH, rel: bool = False) -> _Period:
    return _Period(date(y, m, 1), date(y, m, _last_day(y, m)), gran, rel)


def _year(y: int, rel: bool = False) -> _Period:
    return _Period(date(y, 1, 1), date(y, 12, 31), Granularity.YEAR, rel)


def _quarter(y: int, q: int, rel: bool = False) -> _Period:
    m = 3 * q
    return _Period(date(y, m - 2, 1), date(y, m, _last_day(y, m)), Granularity.QUARTER, rel)


def _half(y: int, h: int, rel: bool = False) -> _Period:
    return _Period(date(y, 6 * h - 5, 1), date(y, 6 * h, 30 + (h == 2)), Granularity.HALF, rel)


def _week(d: date, rel: bool = True) -> _Period:
    monday = d - timedelta(days=d.weekday())
    return _Period(monday, monday + timedelta(days=6), Granularity.WEEK, rel)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, _last_day(y, m + 1)))


def _shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` calendar units (negative: back)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "fortnight"):
        return d + timedelta(days=n * (7 if unit == "week" else 14))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    return _add_months(d, n * months)


def _anchor(p: date | None) -> date:
    if p is None:
        raise _Unanchored
    return p


def _safe_date(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise _Reject from None


# --- resolving each kind of match ----------------------------------------


def _day_month(m: int, d: int, p: date | None) -> date:
    """A day and month without a year: ``p``'s year, or the year before when that is over 2 months ahead."""
    p = _anchor(p)
    cand = date(p.year, m, d) if d <= _last_day(p.year, m) else None
    if cand is not None and cand <= _add_months(p, 2):
        return cand
    for y in range(p.year - 1, p.year - 9, -1):  # Feb 29 looks back to a leap year
        if d <= _last_day(y, m):
            return date(y, m, d)
    raise _Reject


def _month_year(m: int, rel: str | None, p: date | None, future: bool = False) -> int:
    """The year of a month named without one ("December", "last August"). A bare month is its most recent
    occurrence not after the publication month, unless (``future``) its clause speaks of the future ("would
    close 15 branches by March" in October): then the next one.

    >>> _month_year(3, None, date(2026, 10, 28), future=True), _month_year(3, None, date(2026, 10, 28))
    (2027, 2026)
    """
    p = _anchor(p)
    direction = _REL.get(_key(rel)) if rel else None
    if direction is None:  # bare month
        if future:
            return p.year if m >= p.month else p.year + 1
        return p.year if m <= p.month else p.year - 1
    if direction < 0:
        return p.year if m < p.month else p.year - 1
    if direction == 0:
        return p.year
    return p.year if m > p.month else p.year + 1


def _year_rel(word: str, p: date | None) -> int:
    """this/last/next year -> a year; previous/following point back to earlier text."""
    w = _key(word)
    if w in ("the previous", "the following", "previous", "following"):
        raise _BackRef
    return _anchor(p).year + _REL[w]


class _BackRef(Exception):
    """The expression points back to a time set by earlier text."""


def _window(g: dict[str, str], p: date | None) -> _Period:
    """last year / this month / the past three years / the next 5 days."""
    dir_word = _key(g["win_dir"])
    unit = _UNITS[_key(g["win_u"])]
    n_text = g.get("win_n")
    if dir_word == "following" or (dir_word == "previous" and not n_text):
        raise _BackRef
    direction = _REL[dir_word]
    p = _anchor(p)
    n = _count(n_text) if n_text else 1
    if n_text and direction == 0:
        raise _Reject  # "this 3 months"
    if unit in ("quarter", "decade"):  # always whole calendar quarters / decades
        return _calendar_run(p, unit, direction, n)
    rolling = bool(n_text) or bool(g.get("win_the")) or dir_word in ("past", "this past")
    rolling = rolling or unit in ("day", "fortnight") or g["win_u"].lower().endswith("s")
    if rolling and direction:
        end = _shift(p, unit, n * direction)
        return _Period(min(p, end), max(p, end), Granularity.SPAN, True)
    if unit == "year":
        return _year(p.year + direction, True)
    if unit == "month":
        first = _add_months(p.replace(day=1), direction)
        return _month(first.year, first.month, rel=True)
    if unit == "week":
        return _week(p + timedelta(days=7 * direction))
    raise _Reject  # "this day", "this fortnight"


def _calendar_run(p: date, unit: str, direction: int, n: int) -> _Period:
    """``n`` whole quarters or decades before (-1), at (0) or after (+1) the current one."""
    if unit == "quarter":
        current = date(p.year, 3 * ((p.month - 1) // 3) + 1, 1)
    else:
        current = date(p.year // 10 * 10, 1, 1)
    if direction < 0:
        start, stop = _shift(current, unit, -n), current
    elif direction > 0:
        start, stop = _shift(current, unit, 1), _shift(current, unit, n + 1)
    else:
        start, stop = current, _shift(current, unit, 1)
    gran = Granularity.QUARTER if unit == "quarter" and n == 1 else Granularity.SPAN
    return _Period(start, stop - timedelta(days=1), gran, True)


def _count(text: str) -> int:
    t = _key(text)
    return int(t) if t.isdigit() else _NUMBERS[t]


def _ago(g: dict[str, str], p: date | None) -> _Period:
    """three days ago -> that day; two years ago -> that calendar year."""
    if g["ago_dir"].lower() != "ago":
        raise _BackRef
    unit = _UNITS[_key(g["ago_u"])]
    n = _count(g["ago_n"])
    when = _shift(_anchor(p), unit, -n)
    if unit in ("day", "fortnight"):
        return _Period(when, when, Granularity.DAY, True)
    if unit == "week":
        return _week(when)
    if unit == "month":
        return _month(when.year, when.month, rel=True)
    if unit == "quarter":
        return _quarter(when.year, (when.month - 1) // 3 + 1, True)
    return _year(when.year, True)


def _weekday(g: dict[str, str], p: date | None) -> _Period:
    p = _anchor(p)
    wd = WEEKDAYS[g["wd"].lower()]
    direction = _REL[_key(g["wd_rel"])] if g.get("wd_rel") else None
    word = _key(g["wd_rel"]) if g.get("wd_rel") else ""
    if direction is None or word in ("past", "this past"):
        d = p - timedelta(days=(p.weekday() - wd) % 7)
    elif direction < 0:
        d = p - timedelta(days=(p.weekday() - wd - 1) % 7 + 1)
    elif direction == 0:
        d = p - timedelta(days=p.weekday() - wd)
    else:
        d = p + timedelta(days=(wd - p.weekday() - 1) % 7 + 1)
    return _Period(d, d, Granularity.DAY, True)


def _two_digit_year(y: str) -> int:
    n = int(y)
    return n if len(y) == 4 else (2000 + n if n < 50 else 1900 + n)


def _core(kind: str, g: dict[str, str], p: date | None, hit: _Hit) -> _Period:
    """Resolve the core of a match (without lead or part-of-period words)."""
    if kind == "fis":
        return _fiscal(g, hit.fiscal_start)
    if kind == "fisrel":
        return _fiscal_relative(_REL[_key(g["fisrel"])], p, hit.fiscal_start)
    if kind == "sea":
        return _season(g["sea_rel"], p)
    if kind == "ys":
        return _year_season(g, p)
    if kind == "iso":
        y, mo = int(g["iso_y"]), int(g["iso_m"])
        if g.get("iso_d"):
            if not 1 <= mo <= 12:
                raise _Reject
            d = _safe_date(y, mo, int(g["iso_d"]))
            return _Period(d, d, Granularity.DAY)
        if len(g["iso_m"]) == 2 and mo == (y + 1) % 100:  # 2022-23: a fiscal or season year
            return _Period(date(y, 1, 1), date(y + 1, 12, 31), Granularity.SPAN)
        if g["iso_sep"] != "-" or not 1 <= mo <= 12:
            raise _Reject
        return _month(y, mo)
    if kind == "num":
        a, b, y = int(g["num_a"]), int(g["num_b"]), _two_digit_year(g["num_y"])
        mo, day_of_month = (a, b) if a <= 12 else (b, a)
        if not 1 <= mo <= 12:
            raise _Reject
        day = _safe_date(y, mo, day_of_month)
        return _Period(day, day, Granularity.DAY)
    if kind in ("dmy", "mdy"):
        mo = MONTHS[g[f"{kind}_mon"].lower()]
        d_first = int(g[f"{kind}_d0"] if kind == "dmy" and g.get("dmy_d0") else g[f"{kind}_d"])
        d_last = int(g["mdy_d2"] if kind == "mdy" and g.get("mdy_d2") else g[f"{kind}_d"])
        if d_last < d_first:
            raise _Reject
        y_text = g.get(f"{kind}_y")
        hit.month, hit.day, hit.day_end, hit.explicit_year = mo, d_first, d_last, bool(y_text)
        if y_text:
            first = _safe_date(int(y_text), mo, d_first)
            rel = False
        else:
            first, rel = _day_month(mo, d_first, p), True
        last = _safe_date(first.year, mo, d_last)
        gran = Granularity.DAY if first == last else Granularity.SPAN
        return _Period(first, last, gran, rel)
    if kind == "mon":
        mo = MONTHS[g["mon_mon"].lower().rstrip(".")]
        hit.month = mo
        hit.explicit_year = bool(g.get("mon_y") or g.get("mon_rel") or g.get("mon_yrel"))
        if g.get("mon_y"):
            period = _month(int(g["mon_y"]), mo)
        elif g.get("mon_yrel"):
            period = _month(_year_rel(g["mon_yrel"], p), mo, rel=True)
        else:
            period = _month(_month_year(mo, g.get("mon_rel"), p, hit.future), mo, rel=True)
        if not g.get("mon_from"):
            return period
        hit.month = first_month = MONTHS[g["mon_from"].lower()]  # "Jan-Feb 2017", "Nov-Feb 2017"
        assert period.start is not None and period.end is not None
        y = period.start.year - (first_month > mo)
        return _Period(date(y, first_month, 1), period.end, Granularity.SPAN, period.relative)
    if kind == "qy":
        y = int(g["qy_y"])
        return _quarter(y, int(g["qy_q"])) if g.get("qy_q") else _half(y, int(g["qy_h"]))
    if kind == "q":
        digit = g.get("q_n") or g.get("q_nl")
        q = (int(digit) if digit else _QUARTERS[_key(g["q_w"])]) if digit or g.get("q_w") else None
        h = None if q else (int(g["h_n"]) if g.get("h_n") else _HALVES[_key(g["h_w"])])
        if g.get("q_y"):
            y, rel = int(g["q_y"]), False
        elif g.get("q_rel"):
            y, rel = _year_rel(g["q_rel"], p), True
        elif g.get("q_this"):  # "the first half of the year": the publication year
            y, rel = _anchor(p).year, True
        else:  # no year: the most recent such quarter or half begun by the publication date
            p = _anchor(p)
            first_month = 3 * q - 2 if q else 6 * h - 5  # type: ignore[operator]
            y, rel = (p.year if date(p.year, first_month, 1) <= p else p.year - 1), True
        return _quarter(y, q, rel) if q else _half(y, h, rel)  # type: ignore[arg-type]
    if kind == "to":
        return _months_to(g, p)
    if kind == "of":
        return _months_of(g, p)
    if kind == "fy":
        return _year(int(g["fy_y"])) if g.get("fy_y") else _year(_anchor(p).year, True)
    if kind == "now":
        return _Period(None, _anchor(p), Granularity.SPAN, True)
    if kind == "ytd":
        p = _anchor(p)
        return _Period(date(p.year, 1, 1), p, Granularity.SPAN, True)
    if kind == "backref":
        raise _BackRef
    if kind == "ago":
        return _ago(g, p)
    if kind == "win":
        if (hit.fiscal_start not in (None, 1) and not g.get("win_n") and _key(g["win_dir"]) in _FISCAL_CURRENT
                and _UNITS[_key(g["win_u"])] == "year"):
            return _fiscal_relative(0, p, hit.fiscal_start)  # "the current year" where the fiscal year starts in April
        return _window(g, p)
    if kind == "dayword":
        d = _anchor(p) + timedelta(days=_DAY_WORDS[_key(g["dayword"])])
        return _Period(d, d, Granularity.DAY, True)
    if kind == "wd":
        return _weekday(g, p)
    if kind == "decade":
        y = int(g["decade"])
        return _Period(date(y, 1, 1), date(y + 9, 12, 31), Granularity.SPAN)
    if kind == "yr":
        return _year(int(g["yr"]))
    # bare unit after a part-of-period word: "the end of the year"
    return _window({"win_dir": "this", "win_u": g["bare_u"]}, p)


def _fiscal(g: dict[str, str], start_month: int | None) -> _Period:
    """A fiscal year or a season named by its year(s): "fiscal 2025", "FY24", "2024-25 financial year",
    "the 2023-24 season" (see [fiscal] and [seasons] in dates.toml for the conventions)."""
    first = g.get("fis_y") or g.get("fis_fy") or g["fis_ya"]
    split = g.get("fis_y2") or g.get("fis_fy2") or g.get("fis_ya2")
    y = int(first) if len(first) == 4 else 2000 + int(first)
    if split:  # "2024-25", "2024/2025": the second year must follow the first
        y2 = int(split[1:])
        if (y2 if len(split) == 5 else y // 100 * 100 + y2) != y + 1:
            raise _Reject
        if g.get("sea_w"):
            return _season_of(y)
        if start_month is None:  # some 12 months from a month of y to a month of y + 1
            return _Period(date(y, 2, 1), date(y + 1, 11, 30), Granularity.SPAN)
        return _fiscal_year(y + 1 if start_month > 1 else y, start_month)
    if g.get("sea_w"):
        return _year(y)  # "the 2024 season": a season within one calendar year
    if start_month is None:  # the 12 months ending in y, end month unknown
        return _Period(date(y - 1, int(_FISCAL_LEX["default_start_month"]), 1), date(y, 12, 31), Granularity.SPAN)
    return _fiscal_year(y, start_month)


def _fiscal_relative(step: int, p: date | None, start_month: int | None) -> _Period:
    """"this fiscal year" (step 0), "last fiscal year" (-1), "next fiscal year" (+1) at ``p``: with the
    document's start month, that fiscal year; without it, every month some such fiscal year can cover (the
    eleven months either side of ``p``, moved by ``step`` years), so it overlaps whatever the real one is."""
    p = _anchor(p)
    if start_month is not None:
        y = p.year + (p.month >= start_month) + step  # the year the fiscal year under way ends in, moved
        return replace(_fiscal_year(y if start_month > 1 else y - 1, start_month), relative=True)
    first = _add_months(date(p.year + step, p.month, 1), -11)
    last = _add_months(first, 22)
    return _Period(first, _month(last.year, last.month).end, Granularity.SPAN, True)


def _fiscal_year(y: int, start_month: int) -> _Period:
    """The fiscal year that ends in year ``y`` and starts in ``start_month``."""
    if start_month == 1:
        return _year(y)
    end = _month(y, start_month - 1).end
    return _Period(date(y - 1, start_month, 1), end, Granularity.SPAN)


def _season_of(y: int) -> _Period:
    """The season that starts in year ``y`` (August to May by default)."""
    first, last = int(_SEASON_LEX["start_month"]), int(_SEASON_LEX["end_month"])
    return _Period(date(y, first, 1), _month(y + (last < first), last).end, Granularity.SPAN)


def _season(rel: str, p: date | None) -> _Period:
    """"this season" (the one under way, or between seasons the next), "last season", "next season"."""
    p = _anchor(p)
    current = p.year if p.month > int(_SEASON_LEX["end_month"]) else p.year - 1
    period = _season_of(current + _REL[_key(rel)])
    return replace(period, relative=True)


def _year_season_in(name: str, y: int) -> _Period:
    """Summer, winter... of year ``y`` (a winter belongs to the year it ends in: December y-1 to February y)."""
    first, last = _YEAR_SEASONS[name]
    return _Period(date(y - (first > last), first, 1), _month(y, last).end, Granularity.SPAN)


def _year_season(g: dict[str, str], p: date | None) -> _Period:
    """"this summer" (the one of ``p``'s year, or the winter under way or next), "last winter" (the last one
    over before ``p``), "next spring" (the first one begun after ``p``), "summer 2023"; "so far this summer"
    runs from its start to ``p``."""
    if g.get("ys_y"):
        return _year_season_in(_key(g["ys_y_s"]), int(g["ys_y"]))
    name, p = _key(g["ys"]), _anchor(p)
    direction = _REL[_key(g["ys_rel"])]
    around = [_year_season_in(name, y) for y in (p.year - 1, p.year, p.year + 1, p.year + 2)]
    if direction < 0:
        period = [s for s in around if s.end is not None and s.end < p][-1]
    elif direction > 0:
        period = next(s for s in around if s.start is not None and s.start > p)
    else:  # the one under way, else the one of p's year (a winter: the next one)
        under_way = [s for s in around if s.start is not None and s.end is not None and s.start <= p <= s.end]
        later = next(s for s in around if s.start is not None and s.start > p)
        same_year = next(s for s in around if s.end is not None and s.end.year == p.year)
        period = under_way[0] if under_way else (later if name == "winter" else same_year)
    if g.get("ys_far"):
        if period.start is None or period.start > p:
            raise _Reject
        period = replace(period, end=min(p, period.end or p))
    return replace(period, relative=True)


def _span_gran(start_month: int, n: int) -> Granularity:
    """A quarter, half or year when ``n`` months from ``start_month`` are one, else a span."""
    if n == 3 and start_month % 3 == 1:
        return Granularity.QUARTER
    if n == 6 and start_month in (1, 7):
        return Granularity.HALF
    return Granularity.YEAR if n == 12 and start_month == 1 else Granularity.SPAN


def _months_to(g: dict[str, str], p: date | None) -> _Period:
    """"the year to June 2023", "the three months ended September": ``n`` whole months ending with the
    named month (when no year is given: its most recent occurrence not after ``p``, or for "ending", the
    period under way at ``p``)."""
    end_month = MONTHS[g["to_mon"].lower().rstrip(".")]
    if g.get("to_wn"):
        return _weeks_to(g, end_month, p)
    if g.get("to_n"):
        n = _count(g["to_n"])
    else:
        n = 12 if g.get("to_yr") else 3 if g.get("to_q") else 6
    if not 1 <= n <= 24:
        raise _Reject
    if g.get("to_y"):
        y = int(g["to_y"])
    elif (g.get("to_end") or "").lower() == "ending":
        # "the fiscal year ending in March": the period under way, which ends at the next such month
        anchor = _anchor(p)
        y = anchor.year if end_month >= anchor.month else anchor.year + 1
    else:  # "the year to March", "the quarter ended June": the last one reported
        y = _month_year(end_month, None, p)
    last = date(y, end_month, _last_day(y, end_month))
    first = _add_months(date(y, end_month, 1), 1 - n)
    return _Period(first, last, _span_gran(first.month, n), not g.get("to_y"))


def _weeks_to(g: dict[str, str], end_month: int, p: date | None) -> _Period:
    """"the six weeks to 4 January", "the 13 weeks ended March 29": ``n`` weeks ending on the named day (when no
    year is given: its most recent occurrence not after ``p``); without a day, to the month's last day."""
    n = _count(g["to_wn"])
    if not 1 <= n <= 104:
        raise _Reject
    day = g.get("to_d") or g.get("to_d2")
    if g.get("to_y"):
        y = int(g["to_y"])
    else:
        anchor = _anchor(p)
        y = anchor.year if (end_month, int(day or 1)) <= (anchor.month, anchor.day) else anchor.year - 1
    last = _safe_date(y, end_month, int(day)) if day else date(y, end_month, _last_day(y, end_month))
    return _Period(last - timedelta(days=7 * n - 1), last, Granularity.SPAN, not g.get("to_y"))


def _months_of(g: dict[str, str], p: date | None) -> _Period:
    """"the last three months of 2023" (October-December), "the first six months of this year"."""
    n = _count(g["of_n"])
    if not 1 <= n <= 12:
        raise _Reject
    if g.get("of_y"):
        y, rel = int(g["of_y"]), False
    elif g.get("of_rel"):
        y, rel = _year_rel(g["of_rel"], p), True
    else:
        y, rel = _anchor(p).year, True
    first_month = 1 if _key(g["of_pos"]) == "first" else 13 - n
    first = date(y, first_month, 1)
    last_month = first_month + n - 1
    return _Period(first, date(y, last_month, _last_day(y, last_month)), _span_gran(first_month, n), rel)


def _part(period: _Period, part: str, p: date | None) -> _Period:
    """Apply a part-of-period word: thirds, or the stretch before/after publication."""
    start, end = period.start, period.end
    if start is None or end is None or period.gran is Granularity.DAY:
        return period
    if part in ("before_anchor", "after_anchor"):
        if p is None or not start <= p <= end:
            return period
        lo, hi = (start, p) if part == "before_anchor" else (p, end)
        return _Period(lo, hi, Granularity.SPAN, True)
    if part == "end_month":  # "the end of 2023": December 2023; "the end of June" keeps the last third
        if end.day == _last_day(end.year, end.month) and (end - start).days > 31:
            return _Period(end.replace(day=1), end, Granularity.MONTH, period.relative)
        part = "end"
    third = {"start": 0, "middle": 1, "end": 2}[part]
    if period.gran is Granularity.MONTH:
        lo = start.replace(day=1 + 10 * third)
        hi = end if third == 2 else start.replace(day=10 + 10 * third)
    elif period.gran is Granularity.YEAR:
        lo = start.replace(month=1 + 4 * third)
        hi = date(start.year, 4 + 4 * third, _last_day(start.year, 4 + 4 * third))
    else:
        days = (end - start).days + 1
        lo = start + timedelta(days=days * third // 3)
        hi = start + timedelta(days=days * (third + 1) // 3 - 1)
    return _Period(lo, hi, Granularity.SPAN, period.relative)


# "the end of" and the other part-of-period words that name a period's close (``end_month`` in [parts]).
_END_OF: Final = re.compile(rf"(?<![^\W\d_])(?:{_alt([k for k, v in _PARTS.items() if v == 'end_month'])})\s")


_THE_BEFORE: Final = re.compile(r"(?<![^\W\d_])[Tt]he\s+\Z")
_NOUN_AFTER: Final = re.compile(r"\s+([a-z][a-z-]*)")


def is_attributive(text: str, start: int, end: int) -> bool:
    """Whether the time at ``text[start:end]`` modifies a noun after "the" ("the October average", "the 2019
    total"): the time of the thing compared with, not of the figure beside it.

    >>> s = "6 degrees above the October average"
    >>> is_attributive(s, 20, 27), is_attributive("sales in the 2019 season", 13, 17)
    (True, False)
    """
    nxt = _NOUN_AFTER.match(text, end)
    return (_THE_BEFORE.search(text, max(0, start - 5), start) is not None and nxt is not None
            and nxt.group(1) not in _FUNCTION_WORDS and nxt.group(1) not in _SEASON_NOUNS)


_SEASON_NOUNS: Final = frozenset(w for p in _LEX["seasons"]["words"] for w in p.split())


def names_period_end(text: str) -> bool:
    """Whether a time expression names the close of a period ("at the end of June", "by the end of 2027").

    >>> names_period_end("the end of June"), names_period_end("late June")
    (True, False)
    """
    return _END_OF.search(text) is not None


def month_end_reading(scope: TimeScope) -> TimeScope:
    """The time of a figure read "at the end of" a month: a month-end level ("had 8 million subscribers at the
    end of June", "debt stood at $3bn at the end of March"), dated to that whole month as statistics date a
    month-end reading; ``scope`` unchanged when it is not the last days of a month named with "the end of".
    (The time expression itself keeps days 21 to the end: an event "at the end of August" happened then.)

    >>> t = month_end_reading(find_times("at the end of June 2025")[0].time)
    >>> (t.start.isoformat(), t.end.isoformat(), t.granularity.value)
    ('2025-06-01', '2025-06-30', 'month')
    >>> month_end_reading(find_times("late June 2025")[0].time).start.isoformat()
    '2025-06-21'
    """
    start, end = scope.start, scope.end
    if (start is None or end is None or start.day != 21 or (start.year, start.month) != (end.year, end.month)
            or end.day != _last_day(end.year, end.month) or not names_period_end(scope.text)):
        return scope
    return scope.model_copy(update={"start": start.replace(day=1), "granularity": Granularity.MONTH})


def _apply_lead(period: _Period, lead: str | None, p: date | None) -> _Period:
    """since / after / before / until: open or extend the interval."""
    kind = _LEADS.get(_key(lead)) if lead else None
    start, end = period.start, period.end
    if kind == "open_end" and start is not None:
        if p is not None and p >= start:
            return _Period(start, p, Granularity.SPAN, True)
        return _Period(start, None, Granularity.SPAN, period.relative)
    if kind == "after" and end is not None:
        return _Period(end + timedelta(days=1), None, Granularity.SPAN, period.relative)
    if kind == "before" and start is not None:
        return _Period(None, start - timedelta(days=1), Granularity.SPAN, period.relative)
    if kind == "until" and end is not None:
        return _Period(None, end, Granularity.SPAN, period.relative)
    return period


# --- validating matches ------------------------------------------------------


def _prev_word(text: str, i: int) -> str:
    m = _PREV_WORD.search(text, max(0, i - 30), i)
    return m.group(1).lower() if m else ""


def _next_word(text: str, j: int) -> str:
    m = _NEXT_WORD.match(text, j, j + 40)
    return m.group(1) if m else ""


def _looks_plural(word: str) -> bool:
    w = word.lower()
    return len(w) >= 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s"))


def _check(kind: str, g: dict[str, str], text: str, m: re.Match[str]) -> None:
    """Raise _Reject when a match reads as something other than a time."""
    i, j = m.start(), m.end()
    starts_with_digit = text[m.start("core")].isdigit()
    if starts_with_digit:
        before = text[max(0, i - 2) : i].rstrip()
        if before[-1:] in ("$", "€", "£", "¥", "#"):
            raise _Reject
    if kind in ("yr", "iso", "num", "dmy", "mdy", "decade") and _NUMBER_TAIL.match(text, j):
        raise _Reject
    guarded = bool(g.get("lead") or g.get("mod"))
    if kind == "mon" and not (guarded or g.get("mon_y") or g.get("mon_rel") or g.get("mon_yrel") or g.get("mon_from")):
        if g["mon_mon"].lower() in _AMBIGUOUS and _prev_word(text, i) not in _CUES:
            raise _Reject
    if kind in ("dmy", "mdy") and not (guarded or g.get(f"{kind}_y")):
        word = g[f"{kind}_mon"]
        if word.islower() and word in _AMBIGUOUS and _prev_word(text, i) not in _CUES:
            raise _Reject  # "the 5 may be"
    if kind == "q" and g.get("h_n") and not (g.get("q_y") or g.get("q_rel") or g.get("q_this")):
        raise _Reject  # a bare "H2" is more often hydrogen or a heading than a half-year
    if kind == "q" and text[j : j + 1] == "-" and text[j + 1 : j + 2].isalpha():
        raise _Reject  # "the first half-hour", "a second quarter-final"
    if kind == "now" and _prev_word(text, i) == "up":
        raise _Reject  # "up to date" means current, not a time
    if kind == "yr" and not guarded and m.group("core")[:1].isdigit():
        nxt = _next_word(text, j)
        low = nxt.lower()
        if low in _COUNT_WORDS:
            raise _Reject
        if _prev_word(text, i) in _YEAR_CUES or not nxt or low in _FUNCTION_WORDS:
            return
        if _prev_word(text, i) in _HEDGES or _looks_plural(nxt):
            raise _Reject  # "about 2000 staff", "2023 LLMs"


_KINDS: Final = (
    ("fis_y", "fis"),
    ("fisrel", "fisrel"),
    ("fis_fy", "fis"),
    ("fis_ya", "fis"),
    ("sea", "sea"),
    ("ys", "ys"),
    ("ys_y", "ys"),
    ("iso_y", "iso"),
    ("num_a", "num"),
    ("dmy_d", "dmy"),
    ("mdy_mon", "mdy"),
    ("mon_mon", "mon"),
    ("to_mon", "to"),
    ("of_n", "of"),
    ("fy", "fy"),
    ("q_n", "q"),
    ("q_w", "q"),
    ("h_n", "q"),
    ("h_w", "q"),
    ("qy_y", "qy"),
    ("q_nl", "q"),
    ("now", "now"),
    ("ytd", "ytd"),
    ("backref", "backref"),
    ("ago_n", "ago"),
    ("win_dir", "win"),
    ("dayword", "dayword"),
    ("wd", "wd"),
    ("decade", "decade"),
    ("yr", "yr"),
    ("bare_u", "bare"),
)


def _full_month_before_dot(text: str, end: int) -> bool:
    """Whether the match ends in a full month name plus a full stop (not "Aug.")."""
    word = text[max(0, end - 10) : end - 1].split()[-1:] or [""]
    return word[0].lower() in _FULL_MONTHS


_KIND_OF: Final = dict(_KINDS)


def _kind(g: dict[str, str]) -> str:
    # ``g`` holds the groups that took part: lead and mod, then those of one alternative of the core, whose
    # kind groups all name one kind. So the first kind group in ``g`` decides (a few keys, not all of _KINDS).
    for group in g:
        kind = _KIND_OF.get(group)
        if kind is not None and g[group]:
            return kind
    raise _Reject  # pragma: no cover - every alternative sets one of the groups


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of tokens that are URLs or paths: times inside them are not times."""
    spans: list[tuple[int, int]] = []
    if "/" not in text and "www." not in text.lower():
        return spans  # no hint at all (most sentences): two scans in C instead of a case-blind regex
    seen = 0  # end of the last token examined: each token is looked at once
    for hint in _URL_HINT.finditer(text):
        i = hint.start()
        if i < seen:
            continue
        window = text[max(0, i - 300) : i]
        head = window.split()[-1] if window and not window[-1].isspace() else ""
        start = i - len(head)
        tail = _TOKEN_TAIL.match(text, i)
        seen = tail.end() if tail else i + 1
        token = text[start:seen].rstrip(_TRAILING_PUNCT)
        low = token.lower()
        if "://" in low or low.startswith(("www.", "(www.")) or ("/" in token and "." in token):
            spans.append((start, start + len(token)))
    return spans


def _inside(spans: list[tuple[int, int]], starts: list[int], i: int) -> int | None:
    """The end of the URL span containing ``i``, if any."""
    k = bisect_right(starts, i) - 1
    if k >= 0 and spans[k][0] <= i < spans[k][1]:
        return spans[k][1]
    return None


def _first_words() -> list[str]:
    """Lower-case words that can begin a time expression (besides digits, Q1-4, H1-2).

    Fixed phrases ("to date", "at that time", "a few days") are not here: their first
    words are common, so :data:`_START` looks for the whole phrase instead.
    """
    phrases = [
        *_PARTS, *_REL, *MONTHS, *WEEKDAYS, *_WEEKDAY_ABBR, *_QUARTERS, *_HALVES,
        "following", "fiscal", "fy", "year", *_PERIOD_WORDS["financial"], "quarter", "half", *_YEAR_SEASONS,
    ]
    return [w for w in (re.split(r"[\s-]", p.lower())[0] for p in phrases) if w != "the"]  # "the": see below


def _after_the() -> list[str]:
    """Lower-case words that may follow a time expression's opening "the" (besides digits, Q1, H2).

    "the" is the commonest word of all: :data:`_START` looks at the word after it too.
    """
    phrases = [p.split(None, 1)[1] for p in [*_PARTS, *_BACKREF_PHRASES, *_YTD, *_DAY_WORDS] if p.startswith("the ")]
    phrases += [*_NUMBERS, *_PERIOD_WORDS["financial"], "year", "quarter", "half", "first", "last", "final",
                *_QUARTERS, *_HALVES, *_REL, "following"]
    return [re.split(r"[\s-]", p.lower())[0] for p in phrases]


def _start_regex(lower: bool) -> re.Pattern[str]:
    """Where a time expression can begin: a digit that may start a date, year or count of
    units, Q1-Q4/H1-H2, one of the first words above, "the" before one of the words that
    may follow it, or a whole fixed phrase.

    Scanning for these (a trie, so one cheap test per character) and trying the master
    regex only there is several times faster than letting the master regex try all its
    alternatives at every position. Each test is implied by every master alternative that
    can start there, so no time is missed (tests/test_dates.py checks this against a naive
    scan). With ``lower`` the pattern reads a lower-cased copy of the text, where its
    letters are plain characters (faster than ``[Xx]`` classes); "q1" there may have been
    "Q1" or "q1": it finds a few more places to try, never fewer.
    """
    def alt(words: Any) -> str:
        return _alt(words, lower)

    unit, of, the = alt(_UNITS), alt(["of"]), alt(["the"])
    ordinal = f"(?:{alt(['st', 'nd', 'rd', 'th'])})?"
    marker = "[qh][1-4]" if lower else rf"[QH][1-4] | q(?=[1-4][\s-]*{_YEAR})"
    return re.compile(
        rf"""
        \b(?<![\w$€£¥])
        (?:(?=(?:1[89]|20)\d\d | \d\d?/                            # a year, 1/22/2016
               | \d{{1,3}}\s+(?:{unit})(?![^\W\d_])                  # three days ago, 3 months to June
               | {_DAY}{ordinal}(?:\s*(?:-|–|{alt(["to", "and"])})\s*\d   # 18-19 May
                                | (?:\s+{of})?[\s-]+(?:{alt(MONTHS)})))\d  # 16 April, the 9th of May
          | {marker}                                                     # Q1, H2, q3 2024
          | (?:{alt(_first_words())})(?![^\W\d_])
          | {the}(?=\s+(?:\d|[QqHh][1-4]|(?:{alt(_after_the())})(?![^\W\d_])))  # the 1990s, the first quarter
          | (?=(?:{alt([*_LEADS, *_YTD, *_UP_TO_NOW, *_BACKREF_PHRASES, *_DAY_WORDS, *_PERIOD_WORDS["full_year"]])}
                 | (?:{alt(_NUMBERS)})\s+(?:{unit}))   # "a few days ago", "three months to June"
               (?![^\W\d_])))
        """,
        re.VERBOSE,
    )


_START: Final = _start_regex(lower=False)
_START_LOWER: Final = _start_regex(lower=True)  # for text whose lower-cased copy is as long (see _same_offsets)


def _key_words() -> set[str]:
    """Words of which every time expression without a digit holds at least one.

    Each alternative of the master regex ends in a digit, a month, a weekday, a unit
    ("days", "quarter"), "half", or one of its fixed phrases ("to date", "at that
    time", "today"); of each phrase we keep one word that must be there: its unit
    word if it has one ("the year before" -> "year"), else its last word.
    """
    words = {*MONTHS, *WEEKDAYS, *_UNITS, "quarter", "half", *_SEASON_LEX["words"], *_YEAR_SEASONS}
    for phrase in [*_DAY_WORDS, *_YTD, *_UP_TO_NOW, *_BACKREF_PHRASES]:
        parts = re.split(r"[\s-]+", phrase.lower().strip())
        words.add(next((w for w in parts if w in _UNITS), parts[-1]))
    return words


def _letter_first_trie(words: Any, lower: bool = False) -> str:
    """A regex for ``words`` at the start of a word, any case, built for a fast search.

    Every branch starts with a plain letter (upper and lower case branches), so the
    regex engine jumps between candidate characters without entering the pattern;
    the look-behind after that letter stands for a ``\\b`` before it. With ``lower``
    only lower-case letters, for text already lower-cased (half the branches).
    """
    root = _word_tree(words)
    branches = []
    for ch, child in sorted(root.items()):
        for letter in sorted({ch} if lower else {ch, ch.upper()}):
            branches.append(re.escape(letter) + r"(?<!\w.)" + _trie(child, lower))
    return "|".join(branches)


# Most sentences hold no time at all. Every match of the master regex holds a digit or
# one of the key words at the start of a word, so a sentence with neither is skipped
# before any other work. Both searches let the engine skip at C speed.
_ANY_DIGIT: Final = re.compile(r"\d")
_KEY_WORD: Final = re.compile(_letter_first_trie(_key_words(), lower=True))


def _same_offsets(text: str, low: str) -> bool:
    """Whether ``low`` (``text.lower()``) can stand for ``text`` in the word-start scans: one character for
    each, so offsets agree. Lower-casing one character never changes whether it is a word character, a
    digit, a blank or a currency sign (tests/test_dates.py checks every code point), so word starts agree too."""
    return len(low) == len(text)


def _may_hold_time(text: str) -> bool:
    if _ANY_DIGIT.search(text) is not None:
        return True
    low = text.lower()
    return not _same_offsets(text, low) or _KEY_WORD.search(low) is not None


def _candidates(text: str, low: str, pos: int, naive: bool) -> Iterator[re.Match[str]]:
    """Master-regex matches at or after ``pos``, leftmost first; ``low`` is ``text.lower()``."""
    if naive:  # the reference scan, used by the tests to check the fast one
        m = _MASTER.search(text, pos)
        while m is not None:
            yield m
            m = _MASTER.search(text, m.start() + 1)
        return
    starts = _START_LOWER.finditer(low, pos) if _same_offsets(text, low) else _START.finditer(text, pos)
    for start in starts:
        m = _MASTER.match(text, start.start())
        if m is not None:
            yield m


def _scan(text: str, published: date | None, naive: bool = False, fiscal_start: int | None = None) -> list[_Hit]:
    urls = _url_spans(text)
    url_starts = [s for s, _ in urls]
    hits: list[_Hit] = []
    pos = 0
    low = text.lower()  # once: the word-start scan restarts after each accepted match
    while True:
        for m in _candidates(text, low, pos, naive):
            if m.start() < pos:
                continue
            hit = _interpret(m, text, published, urls, url_starts, fiscal_start)
            if hit is not None:
                hits.append(hit)
                pos = m.end()
                break  # restart the word scan after the accepted match
        else:
            return hits


def _interpret(
    m: re.Match[str],
    text: str,
    published: date | None,
    urls: list[tuple[int, int]],
    url_starts: list[int],
    fiscal_start: int | None = None,
) -> _Hit | None:
    """Check and resolve one master-regex match; ``None`` when it is not a time."""
    if urls and _inside(urls, url_starts, m.start()) is not None:
        return None
    groups = m.groups()  # the groups that took part, by name (zip and compress run in C: ~60 groups)
    g: dict[str, str] = dict(compress(zip(_GROUP_NAMES, groups), map(is_not, groups, repeat(None))))  # type: ignore[arg-type]
    lead = g.get("lead")
    body = m.start("mod") if g.get("mod") else m.start("core")
    end = m.end()
    if text[end - 1] == "." and _full_month_before_dot(text, end):
        end -= 1  # "on 6 April." : the full stop ends the sentence
    hit = _Hit(m.start(), body, end, lead.lower() if lead else None, None, fiscal_start=fiscal_start)
    if not (lead and _LEADS.get(_key(lead)) in ("open_end", "after")):  # "since March" always looks back
        hit.future = _in_future_clause(text, m.start())
    try:
        kind = _kind(g)
        _check(kind, g, text, m)
        period = _core(kind, g, published, hit)
        if g.get("mod"):
            period = _part(period, _PARTS[_key(g["mod"])], published)
        hit.period = _apply_lead(period, lead, published)
    except _Reject:
        return None
    except _BackRef:
        hit.period = _Period(None, None, Granularity.UNKNOWN, True, backref=True)
    except _Unanchored:
        hit.period = None
    return hit


_FUTURE_REACH: Final = 80  # characters before a time within which its clause's future cue is looked for
_CLAUSE_BREAK: Final = re.compile(r"[,;:.!?()\"“”]")
_FUTURE_CUE: Final = re.compile(rf"(?<![^\W\d_])(?:{_alt(_LEX['future_cues']['words'])})(?![^\W\d_])")


def _in_future_clause(text: str, i: int) -> bool:
    """Whether the clause before position ``i`` (back to a comma or stop, at most _FUTURE_REACH characters)
    holds a word about the future ("will", "would", "expects", "plans").

    >>> _in_future_clause("It would close 15 branches by March", 30), _in_future_clause("It closed 15 by March", 17)
    (True, False)
    """
    lo = max(0, i - _FUTURE_REACH)
    window = text[lo:i]
    # (not the comma inside a figure: "200,000")
    breaks = [b for b in _CLAUSE_BREAK.finditer(window) if not (b.group() == "," and window[b.end() : b.end() + 1].isdigit())]
    k = len(breaks) - 1
    # A short aside between two commas does not end the clause: "expects 200,000 a month from its supplier,
    # Denso, from July"; "will rise by £86, or 18%, to £589 from April".
    while (k >= 1 and breaks[k].group() == "," and breaks[k - 1].group() == ","
           and _ASIDE.fullmatch(window, breaks[k - 1].end(), breaks[k].start()) is not None):
        k -= 2
    return _FUTURE_CUE.search(window, breaks[k].end() if k >= 0 else 0) is not None


# Between two commas: an aside that is a name of at most four words ("Denso", "Nippon Steel") or a figure
# restated ("or 18%", "about $290 million"); not a clause of its own ("analysts said", "which expects growth").
_ASIDE_WORD: Final = r"[\w$£€¥%.'’&-]+"
_ASIDE: Final = re.compile(
    rf"\s*(?:[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){{0,3}}"
    rf"|(?!(?:{_alt([*_LEX['future_clause']['comma_openers'], *_LEX['future_clause']['conjunctions']])})\b)"
    rf"(?=[^,]*\d){_ASIDE_WORD}(?:\s+{_ASIDE_WORD}){{0,3}})\s*")


def _merge_ranges(text: str, hits: list[_Hit], published: date | None = None) -> list[_Hit]:
    """Join "2014-2018", "from May to July 2020", "between 2014 and 2018" into one hit."""
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev is None or not _joinable(text, prev, hit):
            out.append(hit)
            continue
        a, b = prev.period, hit.period
        merged = None
        if a is not None and _coming_month(prev, hit, published):
            a = _next_year(a)  # "between November and January" in October: the coming months
        if b is not None and prev.month and not prev.explicit_year and hit.explicit_year:
            a = _rebase_year(prev, b)  # "May to Oct 2020": May takes 2020
        if a is not None and b is not None:
            if hit.month and prev.month and not hit.explicit_year and _before(b, a):
                b = _next_year(b)  # "from August to October" read forwards
            if _before(b, a):
                out.append(hit)
                continue
            merged = _Period(a.start, b.end, Granularity.SPAN, a.relative or b.relative)
        out[-1] = _Hit(prev.start, prev.start, hit.end, None, merged)
    return out


def _coming_month(a: _Hit, b: _Hit, published: date | None) -> bool:
    """Whether the first end of a range of bare months ("between November and January"), read as the last
    such month, is rather the coming one: the next such month begins at most two months after the publication
    date, as a day and month without a year would be read (a range that began eleven months before is not what
    "between November and January" in October means)."""
    p = a.period
    if (published is None or p is None or p.start is None or p.gran is not Granularity.MONTH or a.explicit_year
            or a.day or not a.month or b.explicit_year or not b.month or b.day or not p.relative
            or a.lead not in (None, "from", "between") or p.start.year != published.year - 1):
        return False
    return _add_months(p.start, 12) <= _add_months(published, 2)


def _before(b: _Period, a: _Period) -> bool:
    """Whether ``b`` ends before ``a`` starts (a range read backwards)."""
    return a.start is not None and b.end is not None and b.end < a.start


def _next_year(b: _Period) -> _Period:
    """The same month or days one year later."""
    assert b.start is not None and b.end is not None
    if b.gran is Granularity.MONTH:
        return replace(b, start=_month(b.start.year + 1, b.start.month).start, end=_month(b.end.year + 1, b.end.month).end)
    return replace(b, start=_add_months(b.start, 12), end=_add_months(b.end, 12))


def _rebase_year(a: _Hit, b: _Period) -> _Period | None:
    """A first end without a year ("May to Oct 2020") takes the second end's year."""
    if b.start is None or a.month is None:
        return a.period
    y = b.start.year
    start: date | None
    end: date | None
    if a.day:
        start, end = _safe_date(y, a.month, a.day), _safe_date(y, a.month, a.day_end or a.day)
    else:
        month = _month(y, a.month)
        start, end = month.start, month.end
    assert start is not None and end is not None
    if start > b.start:  # "Nov-Feb 2017": November of the year before
        start, end = _add_months(start, -12), _add_months(end, -12)
    gran = a.period.gran if a.period else (Granularity.DAY if a.day else Granularity.MONTH)
    return _Period(start, end, gran, b.relative)


def _joinable(text: str, a: _Hit, b: _Hit) -> bool:
    """Whether two adjacent hits are the two ends of one range."""
    if b.lead and _LEADS.get(b.lead) == "until":
        gap, joiner = text[a.end : b.start], b.lead
        if gap.strip():
            return False
    else:
        gm = _JOIN_GAP.match(text, a.end, b.start)
        if gm is None or b.lead:
            return False
        gap, joiner = gm.group(0), _key(gm.group(1))
    if "\n" in gap or _LEADS.get(a.lead or "") in ("open_end", "after", "before", "until"):
        return False
    if (a.period and a.period.backref) or (b.period and b.period.backref):
        return False
    if joiner == "and":
        return a.lead == "between"
    return True


def _to_mention(text: str, hit: _Hit, published: date | None, offset: int, trusted: bool) -> TimeMention:
    start = hit.body if hit.lead and _LEADS.get(hit.lead) == "range_start" else hit.start
    surface = text[start : hit.end]
    # With a plain date (or none) and offset >= 0 every part is already valid (spans ordered and
    # non-negative, dates from date arithmetic): build without pydantic's validation, the
    # costliest step of a time mention. Otherwise validate (a datetime becomes a date...).
    span_t, scope_t, mention_t = (
        (Span.trusted, TimeScope.trusted, TimeMention.trusted) if trusted else (Span, TimeScope, TimeMention)
    )
    span = span_t(start=offset + start, end=offset + hit.end)
    period = hit.period
    if period is None or period.backref:  # relative without a publication date, or a back reference
        scope = scope_t(text=surface, span=span, relative=True, resolved=False)
    else:
        scope = scope_t(
            start=period.start,
            end=period.end,
            granularity=period.gran,
            text=surface,
            anchored_on=published if period.relative else None,
            span=span,
            relative=period.relative,
        )
    return mention_t(span=span, text=surface, time=scope)


def find_times(text: str, published: date | None = None, offset: int = 0, *,
               fiscal_start: int | None = None) -> list[TimeMention]:
    """Every time expression in ``text``, in order, resolved against ``published``.

    Spans are shifted by ``offset`` (the position of ``text`` in its document). ``fiscal_start`` is the
    month the document's fiscal year starts in (see :func:`fiscal_year_start`), None when it does not say.

    >>> [m.text for m in find_times("Approved at the end of August 2023, after the 2023 rules.")]
    ['the end of August 2023', '2023']
    >>> t = find_times("over 100 million users in December", date(2024, 1, 29))[0].time
    >>> (t.start.isoformat(), t.end.isoformat(), t.relative)
    ('2023-12-01', '2023-12-31', True)
    >>> find_times("in December")[0].time.resolved
    False
    """
    if not _may_hold_time(text):
        return []
    hits = _merge_ranges(text, _scan(text, published, fiscal_start=fiscal_start), published)
    hits = [_year_from(text, h) for h in hits]
    trusted = offset >= 0 and (published is None or type(published) is date)
    return [_to_mention(text, h, published, offset, trusted) for h in hits]


_YEAR_FROM_LEX: dict[str, Any] = _LEX["year_from"]
# "the fiscal year that began on" right before a day or month: that year, not the day it starts on.
# Bounded look-back (80 characters) and no nested quantifiers: linear in the text.
_YEAR_FROM: Final = re.compile(
    rf"""
    \b(?:{_alt(_YEAR_FROM_LEX["kinds"])})\s+year\s+     # "fiscal year", "school year"
    (?:(?:that|which)\s+)?(?:(?:has|had|will|would)\s+)?  # "that began", "which will begin"
    (?:{_alt(_YEAR_FROM_LEX["verbs"])})
    \s+(?:(?:on|in)\s+)?\Z                               # "on July 1", "in September"
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _year_from(text: str, hit: _Hit) -> _Hit:
    """``hit`` widened to the year it starts when the text before names a year by its first day or month
    ("the fiscal year that began on July 1" is 1 July to 30 June); otherwise ``hit`` unchanged."""
    p = hit.period
    if (p is None or p.start is None or p.end is None or hit.lead
            or p.gran not in (Granularity.DAY, Granularity.MONTH)
            or not _YEAR_FROM.search(text[max(0, hit.start - 80) : hit.start])):
        return hit
    end = _add_months(p.start, 12) - timedelta(days=1)
    return replace(hit, period=replace(p, end=end, gran=Granularity.SPAN))


_FISCAL_DEFINITION: Final = re.compile(
    rf"""
    (?:{_letter_first_trie(_FISCAL_LEX["words"])})\s+(?:years?|(?:19|20)\d\d(?!\d))  # "financial year", "fiscal years",
                                                     # "fiscal 2027, which begins in July": letter first, so
                                                     # the engine skips other text at C speed (once per document)
    (?:\s*,\s*|\s+)(?:(?:that|which)\s+)?(?:(?:always|usually|now)\s+)?  # "the current fiscal year, which ends"
    (?:(?P<ends>{_alt(_FISCAL_LEX["definition_ends"])})|(?P<starts>{_alt(_FISCAL_LEX["definition_starts"])}))
    \s+(?:(?:on|in|at)\s+)?(?:{_THE}\s+)?(?:(?:end|start|beginning)\s+{_OF}\s+)?
    (?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:{_OF}\s+)?)?  # "1st of July", "31 March"
    (?P<mon>{_MON})(?![A-Za-z])
    """,
    re.VERBOSE,
)


def fiscal_year_start(text: str) -> int | None:
    """The month a document's fiscal year starts in, when the text says ("whose financial year runs to
    the end of March" -> 4, "the fiscal year begins on July 1" -> 7); None when it does not.

    >>> fiscal_year_start("Acme, whose financial year runs to the end of March, said"), fiscal_year_start("Hi.")
    (4, None)
    >>> fiscal_year_start("The fiscal year begins on July 1.")
    7
    """
    m = _FISCAL_DEFINITION.search(text)
    if m is None:
        return None
    month = MONTHS[m.group("mon").lower()]
    return month % 12 + 1 if m.group("ends") else month


def resolve_time(expression: str, published: date | None = None) -> TimeScope | None:
    """Resolve one time expression; ``None`` when it holds none.

    The longest time found in ``expression`` wins.

    >>> t = resolve_time("Q1 2024")
    >>> (t.start.isoformat(), t.end.isoformat(), t.granularity.value)
    ('2024-01-01', '2024-03-31', 'quarter')
    >>> resolve_time("last August", date(2024, 1, 29)).start.isoformat()
    '2023-08-01'
    >>> resolve_time("57 days") is None
    True
    """
    mentions = find_times(expression, published)
    if not mentions:
        return None
    return max(mentions, key=lambda m: m.span.end - m.span.start).time


def is_back_reference(expression: str) -> bool:
    """Whether a time expression points back to a time set by earlier text.

    Such expressions ("at that time", "the following year", "three months
    after") come out of :func:`find_times` unresolved even with a publication
    date; the claim stage resolves them against the preceding sentence's time.

    >>> is_back_reference("At that time"), is_back_reference("a few days later")
    (True, True)
    >>> is_back_reference("last year")
    False
    """
    return _BACKREF_FULL.fullmatch(" ".join(expression.split())) is not None
