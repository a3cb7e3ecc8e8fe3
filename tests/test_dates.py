"""Tests for factcheck.mentions.dates: time expressions resolved against a publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.mentions import dates
from factcheck.mentions.dates import find_times, fiscal_year_start, is_back_reference, resolve_time
from factcheck.models import Granularity, TimeMention

D = date
JAN29 = D(2024, 1, 29)  # a Monday


def one(text: str, published: date | None = None) -> TimeMention:
    """The single time mention in ``text``."""
    found = find_times(text, published)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def interval(text: str, published: date | None = None) -> tuple[date | None, date | None]:
    t = one(text, published).time
    return t.start, t.end


# --- absolute dates -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end, gran",
    [
        ("16 April 2024", D(2024, 4, 16), D(2024, 4, 16), Granularity.DAY),
        ("April 16, 2024", D(2024, 4, 16), D(2024, 4, 16), Granularity.DAY),
        ("Tuesday, 16 April 2024", D(2024, 4, 16), D(2024, 4, 16), Granularity.DAY),
        ("the 9th of May 2019", D(2019, 5, 9), D(2019, 5, 9), Granularity.DAY),
        ("Dec. 31, 1994", D(1994, 12, 31), D(1994, 12, 31), Granularity.DAY),
        ("2023-08-31", D(2023, 8, 31), D(2023, 8, 31), Granularity.DAY),
        ("1/22/2016", D(2016, 1, 22), D(2016, 1, 22), Granularity.DAY),
        ("22/1/2016", D(2016, 1, 22), D(2016, 1, 22), Granularity.DAY),
        ("August 2023", D(2023, 8, 1), D(2023, 8, 31), Granularity.MONTH),
        ("February 2024", D(2024, 2, 1), D(2024, 2, 29), Granularity.MONTH),
        ("2015-12", D(2015, 12, 1), D(2015, 12, 31), Granularity.MONTH),
        ("in 2022", D(2022, 1, 1), D(2022, 12, 31), Granularity.YEAR),
        # fiscal years with no start month in the text: every month a fiscal year ending in 2024 can cover
        ("fiscal 2024", D(2023, 2, 1), D(2024, 12, 31), Granularity.SPAN),
        ("Q1 2024", D(2024, 1, 1), D(2024, 3, 31), Granularity.QUARTER),
        ("Q4 2023", D(2023, 10, 1), D(2023, 12, 31), Granularity.QUARTER),
        ("2019 q3", D(2019, 7, 1), D(2019, 9, 30), Granularity.QUARTER),
        ("the third quarter of 2023", D(2023, 7, 1), D(2023, 9, 30), Granularity.QUARTER),
        ("H1 2024", D(2024, 1, 1), D(2024, 6, 30), Granularity.HALF),
        ("the second half of 2023", D(2023, 7, 1), D(2023, 12, 31), Granularity.HALF),
        ("the 1990s", D(1990, 1, 1), D(1999, 12, 31), Granularity.SPAN),
        ("18-19 November 2024", D(2024, 11, 18), D(2024, 11, 19), Granularity.SPAN),
        ("Jan-Feb 2017", D(2017, 1, 1), D(2017, 2, 28), Granularity.SPAN),
        ("Nov-Feb 2017", D(2016, 11, 1), D(2017, 2, 28), Granularity.SPAN),
        ("the 2022-23 season", D(2022, 8, 1), D(2023, 5, 31), Granularity.SPAN),  # August to May
    ],
)
def test_absolute(text: str, start: date, end: date, gran: Granularity) -> None:
    t = one(text).time
    assert (t.start, t.end, t.granularity) == (start, end, gran)
    assert t.resolved and not t.relative and t.anchored_on is None


@pytest.mark.parametrize(
    "text, start, end",
    [
        # parts of a month are thirds: 1-10, 11-20, 21-end
        ("at the end of August 2023", D(2023, 8, 21), D(2023, 8, 31)),
        ("late November 2022", D(2022, 11, 21), D(2022, 11, 30)),
        ("early March 2021", D(2021, 3, 1), D(2021, 3, 10)),
        ("mid-February 2024", D(2024, 2, 11), D(2024, 2, 20)),
        # parts of a year: January-April, May-August, September-December
        ("early 2023", D(2023, 1, 1), D(2023, 4, 30)),
        ("mid-2023", D(2023, 5, 1), D(2023, 8, 31)),
        ("late 2023", D(2023, 9, 1), D(2023, 12, 31)),
    ],
)
def test_parts_of_periods(text: str, start: date, end: date) -> None:
    t = one(text).time
    assert (t.start, t.end, t.granularity) == (start, end, Granularity.SPAN)


@pytest.mark.parametrize(
    "text, start, end",
    [
        # "the end of" a period is its last month, as readers date a month-end or year-end figure
        ("reserves stood at $3.1bn at the end of 2022", D(2022, 12, 1), D(2022, 12, 31)),
        ("arrears at the end of the second quarter of 2021", D(2021, 6, 1), D(2021, 6, 30)),
        ("debt due by the end of 2019", D(2019, 12, 1), D(2019, 12, 31)),
        ("the backlog at the end of the first half of 2020", D(2020, 6, 1), D(2020, 6, 30)),
    ],
)
def test_end_of_a_period_is_its_last_month(text: str, start: date, end: date) -> None:
    t = one(text).time
    assert (t.start, t.end) == (start, end)


def test_span_covers_expression_not_preposition() -> None:
    text = "Approved at the end of August 2023, about two weeks later."
    m = find_times(text)[0]
    assert m.text == "the end of August 2023"
    assert text[m.span.start : m.span.end] == m.text == m.time.text
    assert m.time.span == m.span


def test_offset_shifts_spans() -> None:
    m = find_times("in 2022", offset=100)[0]
    assert (m.span.start, m.span.end) == (103, 107)


# --- years or counts ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, year",
    [
        ("in 2022", 2022),
        ("since the 2023 regulation", 2023),
        ("After the 2023 regulation, Beijing", 2023),
        ("2022's growth", 2022),
        ("(Huang, Zhang, 2023)", 2023),
        ("In 2022 users grew", 2022),
        ("the 2024 elections", 2024),
    ],
)
def test_year_in_context(text: str, year: int) -> None:
    years = [m.time.start.year for m in find_times(text) if m.time.start is not None]
    assert year in years


@pytest.mark.parametrize(
    "text",
    ["2,022 users", "approves 2023 LLMs", "about 2000 staff", "2023 people", "2023%", "2023.5", "$2023"],
)
def test_counts_are_not_years(text: str) -> None:
    assert find_times(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "see https://example.com/2023-07/13/report.html",
        "www.example.com/archive-2018-09-23",
        "doi:10.1000/2023.456",
        "at example.org/news/2022/05/ai",
    ],
)
def test_urls_and_paths_hold_no_times(text: str) -> None:
    assert find_times(text) == []


@pytest.mark.parametrize("text", ["57 days", "80 hours", "three months", "it may be good", "the 5 may be"])
def test_durations_and_verbs_are_not_times(text: str) -> None:
    assert find_times(text, JAN29) == []


# --- relative to the publication date -------------------------------------------


@pytest.mark.parametrize(
    "text, published, start, end",
    [
        ("On 16 April", D(2024, 6, 18), D(2024, 4, 16), D(2024, 4, 16)),
        # 16 April 2024 would be 2.5 months after publication: news looks back
        ("On 16 April", JAN29, D(2023, 4, 16), D(2023, 4, 16)),
        ("Aug. 31", D(2023, 9, 5), D(2023, 8, 31), D(2023, 8, 31)),
        ("Feb 5", JAN29, D(2024, 2, 5), D(2024, 2, 5)),
        ("in December", JAN29, D(2023, 12, 1), D(2023, 12, 31)),
        ("in January", JAN29, D(2024, 1, 1), D(2024, 1, 31)),
        ("as of October", JAN29, D(2023, 10, 1), D(2023, 10, 31)),
        ("last August", JAN29, D(2023, 8, 1), D(2023, 8, 31)),
        ("last August", D(2023, 9, 15), D(2023, 8, 1), D(2023, 8, 31)),
        ("last August", D(2023, 8, 15), D(2022, 8, 1), D(2022, 8, 31)),
        ("this August", JAN29, D(2024, 8, 1), D(2024, 8, 31)),
        ("next March", JAN29, D(2024, 3, 1), D(2024, 3, 31)),
        ("in August last year", JAN29, D(2023, 8, 1), D(2023, 8, 31)),
        ("mid-February", D(2024, 3, 1), D(2024, 2, 11), D(2024, 2, 20)),
        ("this year", JAN29, D(2024, 1, 1), D(2024, 12, 31)),
        ("last year", JAN29, D(2023, 1, 1), D(2023, 12, 31)),
        ("next year", JAN29, D(2025, 1, 1), D(2025, 12, 31)),
        ("this month", JAN29, D(2024, 1, 1), D(2024, 1, 31)),
        ("last month", JAN29, D(2023, 12, 1), D(2023, 12, 31)),
        ("last month", D(2024, 3, 31), D(2024, 2, 1), D(2024, 2, 29)),
        ("last week", JAN29, D(2024, 1, 22), D(2024, 1, 28)),
        ("this week", D(2024, 1, 31), D(2024, 1, 29), D(2024, 2, 4)),
        ("last quarter", D(2024, 5, 10), D(2024, 1, 1), D(2024, 3, 31)),
        ("the first quarter of this year", JAN29, D(2024, 1, 1), D(2024, 3, 31)),
        ("the fourth quarter of last year", JAN29, D(2023, 10, 1), D(2023, 12, 31)),
        ("yesterday", JAN29, D(2024, 1, 28), D(2024, 1, 28)),
        ("today", JAN29, JAN29, JAN29),
        # weekdays: bare = on or before publication; last = strictly before
        ("on Tuesday", D(2024, 1, 31), D(2024, 1, 30), D(2024, 1, 30)),
        ("on Monday", JAN29, JAN29, JAN29),
        ("on Tuesday", JAN29, D(2024, 1, 23), D(2024, 1, 23)),
        ("last Monday", JAN29, D(2024, 1, 22), D(2024, 1, 22)),
        ("next Friday", JAN29, D(2024, 2, 2), D(2024, 2, 2)),
        ("so far this year", D(2024, 5, 10), D(2024, 1, 1), D(2024, 5, 10)),
        ("earlier this year", D(2024, 5, 10), D(2024, 1, 1), D(2024, 5, 10)),
        ("later this year", D(2024, 5, 10), D(2024, 5, 10), D(2024, 12, 31)),
        ("since 2020", JAN29, D(2020, 1, 1), JAN29),
        ("over the past three years", JAN29, D(2021, 1, 29), JAN29),
        ("in the last 6 months", JAN29, D(2023, 7, 29), JAN29),
        ("the past year", JAN29, D(2023, 1, 29), JAN29),
        ("three days ago", JAN29, D(2024, 1, 26), D(2024, 1, 26)),
        ("two years ago", JAN29, D(2022, 1, 1), D(2022, 12, 31)),
        ("a month ago", JAN29, D(2023, 12, 1), D(2023, 12, 31)),
        ("the end of the year", JAN29, D(2024, 12, 1), D(2024, 12, 31)),
        ("from May to Oct 2020", JAN29, D(2020, 5, 1), D(2020, 10, 31)),
        ("from August to October", D(2016, 9, 7), D(2016, 8, 1), D(2016, 10, 31)),
    ],
)
def test_relative(text: str, published: date, start: date, end: date) -> None:
    t = one(text, published).time
    assert (t.start, t.end) == (start, end)
    assert t.resolved


def test_relative_carries_anchor() -> None:
    t = one("in December", JAN29).time
    assert t.relative and t.anchored_on == JAN29 and t.granularity is Granularity.MONTH


@pytest.mark.parametrize("text", ["in December", "last August", "this year", "on Tuesday", "16 April", "yesterday"])
def test_relative_without_publication_date_is_unresolved(text: str) -> None:
    t = one(text).time
    assert t.relative and not t.resolved
    assert t.start is None and t.end is None
    assert t.text == one(text).text


def test_since_without_publication_date_is_open() -> None:
    assert interval("since 2020") == (D(2020, 1, 1), None)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("before 2010", None, D(2009, 12, 31)),
        ("after 2018", D(2019, 1, 1), None),
        ("until 2018", None, D(2018, 12, 31)),
        ("by 2025", D(2025, 1, 1), D(2025, 12, 31)),
        ("from 2014 to 2018", D(2014, 1, 1), D(2018, 12, 31)),
        ("between 2014 and 2018", D(2014, 1, 1), D(2018, 12, 31)),
        ("2014-2018", D(2014, 1, 1), D(2018, 12, 31)),
        ("Nov 18-Dec 19, 2015", D(2015, 11, 18), D(2015, 12, 19)),
    ],
)
def test_leads_and_ranges(text: str, start: date | None, end: date | None) -> None:
    assert interval(text) == (start, end)


def test_in_2022_and_2023_stay_two_times() -> None:
    assert [m.text for m in find_times("in 2022 and 2023")] == ["2022", "2023"]


# --- back references ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["At that time", "at the time", "the following year", "a few days later", "three months after", "since then"],
)
def test_back_references_are_unresolved(text: str) -> None:
    t = one(text, JAN29).time
    assert t.relative and not t.resolved and t.start is None and t.end is None
    assert t.granularity is Granularity.UNKNOWN
    assert is_back_reference(text)


@pytest.mark.parametrize("text", ["last year", "in December", "2022", "three days ago"])
def test_not_back_references(text: str) -> None:
    assert not is_back_reference(text)


def test_seed_sentence() -> None:
    text = (
        "This move follows Beijing's requirement, implemented in August last year, for tech companies. "
        "China's rush gained momentum following ChatGPT in 2022. At that time, China possessed 130 LLMs. "
        "Ernie Bot reported over 100 million users in December."
    )
    got = [(m.text, m.time.start, m.time.end, m.time.resolved) for m in find_times(text, JAN29)]
    assert got == [
        ("August last year", D(2023, 8, 1), D(2023, 8, 31), True),
        ("2022", D(2022, 1, 1), D(2022, 12, 31), True),
        ("At that time", None, None, False),
        ("December", D(2023, 12, 1), D(2023, 12, 31), True),
    ]


def test_resolve_time() -> None:
    t = resolve_time("the first quarter of this year", JAN29)
    assert t is not None and (t.start, t.end) == (D(2024, 1, 1), D(2024, 3, 31))
    assert resolve_time("57 days", JAN29) is None
    assert resolve_time("no time here") is None


# --- properties -------------------------------------------------------------------

dates_ = st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31))
pubs = st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31))
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]  # fmt: skip
ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


@settings(max_examples=150, deadline=None)
@given(d=dates_, p=st.none() | pubs, style=st.integers(0, 3))
def test_full_dates_resolve_exactly(d: date, p: date | None, style: int) -> None:
    text = [
        f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
        f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
        d.isoformat(),
        f"{ABBR[d.month - 1]} {d.day}, {d.year}",
    ][style]
    t = resolve_time(f"It happened on {text}.", p)
    assert t is not None
    assert (t.start, t.end, t.granularity) == (d, d, Granularity.DAY)
    assert not t.relative


VOCAB = [
    "in", "on", "the", "since", "last", "next", "this", "of", "to", "and", "-", ",", ".", "/", "  ",
    "2023", "2,022", "16", "31", "1990s", "Q1", "H2", "year", "years", "month", "week", "days", "ago",
    "later", "early", "mid-", "late", "end", "December", "May", "Aug.", "Tuesday", "past", "few", "three",
    "at", "that", "time", "following", "between", "from", "users", "www.x.com/2023", "so", "far", "up",
    "a", "an", "date", "as", "yet", "today", "full-year", "1.5", "40%", "12,000", "250", "7/4/2023", "q2",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(VOCAB), max_size=25), p=st.none() | pubs, offset=st.integers(0, 50))
def test_invariants_on_time_soup(words: list[str], p: date | None, offset: int) -> None:
    text = " ".join(words)
    found = find_times(text, p, offset)
    last_end = offset
    for m in found:
        assert offset <= m.span.start < m.span.end <= offset + len(text)
        assert m.span.start >= last_end  # in order, not overlapping
        last_end = m.span.end
        assert text[m.span.start - offset : m.span.end - offset] == m.text == m.time.text
        t = m.time
        if t.start is not None and t.end is not None:
            assert t.start <= t.end
        if not t.resolved:
            assert t.start is None and t.end is None
        if t.relative and t.resolved:
            assert t.anchored_on == p
    # the word-start scan finds exactly what a scan at every position finds
    naive = dates._merge_ranges(text, dates._scan(text, p, naive=True))
    assert [(h.start, h.end) for h in naive] == [(h.start, h.end) for h in dates._merge_ranges(text, dates._scan(text, p))]


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200), p=st.none() | pubs)
def test_never_raises(text: str, p: date | None) -> None:
    for m in find_times(text, p):
        assert text[m.span.start : m.span.end] == m.text


@settings(max_examples=150, deadline=None)
@given(month=st.integers(1, 12), p=pubs, form=st.sampled_from(["in {m}", "last {m}", "{m} last year"]))
def test_relative_month_never_after_publication(month: int, p: date, form: str) -> None:
    t = one(form.format(m=MONTH_NAMES[month - 1]), p).time
    assert t.resolved and t.start is not None and t.end is not None
    assert t.start <= p
    assert t.start.month == month and (t.end - t.start).days >= 27


@settings(max_examples=150, deadline=None)
@given(d=st.integers(1, 28), month=st.integers(1, 12), p=pubs)
def test_day_month_takes_publication_year_unless_far_ahead(d: int, month: int, p: date) -> None:
    t = one(f"on {d} {MONTH_NAMES[month - 1]}", p).time
    assert t.start is not None and (t.start.month, t.start.day) == (month, d)
    assert t.start <= p + timedelta(days=62)  # at most ~2 months after publication
    assert t.start.year == p.year or (t.start.year == p.year - 1 and date(p.year, month, d) > p + timedelta(days=59))


@pytest.mark.parametrize(
    "hostile",
    ["1" * 100_000, "1,1," * 25_000, " " * 100_000, "May" + " " * 100_000 + "x", "16" + " " * 50_000 + "April",
     "/" * 100_000, "a/b." * 25_000, "2022 " * 20_000, "the past " * 10_000, "2014-" * 20_000, "mid-" * 25_000],
)  # fmt: skip
def test_hostile_input_finishes(hostile: str) -> None:
    find_times(hostile, JAN29)  # linear time: a quadratic scan would not finish in the test run


# -- reporting periods without a year: quarters, halves, "the year to June", "full-year" ----------------


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "gran"),
    [
        # most recent such quarter begun by the publication date
        ("Sales slipped in the second quarter.", D(2023, 8, 2), D(2023, 4, 1), D(2023, 6, 30), Granularity.QUARTER),
        ("Its fourth-quarter loss narrowed.", D(2025, 2, 14), D(2024, 10, 1), D(2024, 12, 31), Granularity.QUARTER),
        ("The airline expects a busy third quarter.", D(2022, 7, 5), D(2022, 7, 1), D(2022, 9, 30), Granularity.QUARTER),
        ("Q1 bookings were weak.", D(2021, 5, 20), D(2021, 1, 1), D(2021, 3, 31), Granularity.QUARTER),
        ("Orders fell in the second half.", D(2023, 3, 1), D(2022, 7, 1), D(2022, 12, 31), Granularity.HALF),
        ("a first-half profit", D(2022, 8, 30), D(2022, 1, 1), D(2022, 6, 30), Granularity.HALF),
        ("the first quarter of the year", D(2019, 11, 3), D(2019, 1, 1), D(2019, 3, 31), Granularity.QUARTER),
        # n months ending with a named month
        ("in the 12 months to September", D(2023, 11, 9), D(2022, 10, 1), D(2023, 9, 30), Granularity.SPAN),
        ("the fiscal year ended June 30, 2022", None, D(2021, 7, 1), D(2022, 6, 30), Granularity.SPAN),
        ("in the three months to March", D(2022, 5, 5), D(2022, 1, 1), D(2022, 3, 31), Granularity.QUARTER),
        ("the nine months ended September 2021", None, D(2021, 1, 1), D(2021, 9, 30), Granularity.SPAN),
        ("the half-year to December", D(2024, 2, 1), D(2023, 7, 1), D(2023, 12, 31), Granularity.HALF),
        # the first/last n months of a year
        ("the first six months of 2020", None, D(2020, 1, 1), D(2020, 6, 30), Granularity.HALF),
        ("the final three months of last year", D(2022, 3, 3), D(2021, 10, 1), D(2021, 12, 31), Granularity.QUARTER),
        # full year: the publication year unless one is given
        ("its full-year outlook", D(2023, 10, 10), D(2023, 1, 1), D(2023, 12, 31), Granularity.YEAR),
        ("full year 2021 results", None, D(2021, 1, 1), D(2021, 12, 31), Granularity.YEAR),
    ],
)
def test_reporting_periods(text: str, published: date | None, start: date, end: date, gran: Granularity) -> None:
    t = one(text, published).time
    assert (t.start, t.end, t.granularity) == (start, end, gran)


def test_yearless_quarter_needs_a_publication_date() -> None:
    t = one("in the third quarter").time
    assert t.resolved is False


@pytest.mark.parametrize("text", ["H2 fuel cells are heavy.", "a quarter of all homes", "the first half-hour"])
def test_not_reporting_periods(text: str) -> None:
    assert [m.text for m in find_times(text, D(2024, 5, 1))] == []


@pytest.mark.parametrize("phrase", ["the quarter", "the same period", "the year-earlier quarter", "the period"])
def test_period_references_are_back_references(phrase: str) -> None:
    t = one(f"Margins improved in {phrase}.", D(2024, 5, 1)).time
    assert t.resolved is False and t.relative is True


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 12), month=st.integers(1, 12), year=st.integers(1990, 2040))
def test_months_to_ends_with_the_named_month(n: int, month: int, year: int) -> None:
    name = date(2000, month, 1).strftime("%B")
    t = one(f"in the {n} months to {name} {year}").time
    assert t.end is not None and t.start is not None
    assert (t.end.year, t.end.month) == (year, month) and t.start.day == 1
    assert (t.end.year - t.start.year) * 12 + t.end.month - t.start.month + 1 == n


@pytest.mark.parametrize(
    "text, found",
    [
        # Fixed phrases whose first word is common ("to", "a", "at", "as"): the fast scan looks for
        # the whole phrase there, and must still find each.
        ("Sales have doubled to date, and rose to 40 a few days ago.", ["to date", "a few days ago"]),
        ("At that time, as of May, it had 300 staff.", ["At that time", "as of May"]),
        ("Full-year profit for the year to date fell 2.5% from 1,200 staff.", ["Full-year", "the year to date"]),
        ("Two weeks later 12 of 250 sites closed on 7/4/2023.", ["Two weeks later", "7/4/2023"]),
        ("Its q3 2023 sales beat the 2nd quarter.", ["q3 2023", "the 2nd quarter"]),
    ],
)
def test_phrases_after_common_first_words(text: str, found: list[str]) -> None:
    assert [m.text for m in find_times(text, JAN29)] == found


@settings(max_examples=50, deadline=None)
@given(words=st.lists(st.sampled_from(VOCAB), max_size=20), p=st.none() | pubs, offset=st.integers(0, 50))
def test_mentions_are_valid_records(words: list[str], p: date | None, offset: int) -> None:
    # Mentions are built without re-validation: each must equal the record validation would build.
    for m in find_times(" ".join(words), p, offset):
        assert TimeMention.model_validate(m.model_dump()) == m


# -- fiscal years, sports seasons and seasons of the year ------------------------------------------------

AUG12 = D(2025, 8, 12)  # a Tuesday


@pytest.mark.parametrize(
    "text, start, end",
    [
        # no start month known: the widest span a fiscal year ending in (or straddling) those years can cover
        ("Orders in fiscal 2026 should top 900.", D(2025, 2, 1), D(2026, 12, 31)),
        ("The group lost money in FY23.", D(2022, 2, 1), D(2023, 12, 31)),
        ("Spending for the 2027 financial year was frozen.", D(2026, 2, 1), D(2027, 12, 31)),
        ("The ministry's plan for financial year 2025-26 was cut.", D(2025, 2, 1), D(2026, 11, 30)),
        ("Its FY2024/25 dividend rose.", D(2024, 2, 1), D(2025, 11, 30)),
        # seasons: August to May by default
        ("He scored 14 goals in the 2021-22 season.", D(2021, 8, 1), D(2022, 5, 31)),
        ("Ticket sales fell last season.", D(2024, 8, 1), D(2025, 5, 31)),
        ("The club expects crowds to grow this season.", D(2025, 8, 1), D(2026, 5, 31)),
        # seasons of the year: June to August for summer
        ("Hotels were full this summer.", D(2025, 6, 1), D(2025, 8, 31)),
        ("Bookings have risen 8% so far this summer.", D(2025, 6, 1), D(2025, 8, 12)),
        ("Gas use peaked last winter.", D(2024, 12, 1), D(2025, 2, 28)),
        ("The plant opened in summer 2019.", D(2019, 6, 1), D(2019, 8, 31)),
    ],
)
def test_fiscal_years_and_seasons_without_a_definition(text: str, start: date, end: date) -> None:
    assert interval(text, AUG12) == (start, end)


@pytest.mark.parametrize(
    "fiscal_start, text, start, end",
    [
        (4, "Profit in fiscal 2026 doubled.", D(2025, 4, 1), D(2026, 3, 31)),
        (4, "The council's financial year 2023-24 budget.", D(2023, 4, 1), D(2024, 3, 31)),
        (10, "Outlays for FY25 were approved.", D(2024, 10, 1), D(2025, 9, 30)),
        (7, "It approved a budget for the 2026 fiscal year.", D(2025, 7, 1), D(2026, 6, 30)),
        (1, "Revenue in fiscal 2024 rose.", D(2024, 1, 1), D(2024, 12, 31)),
    ],
)
def test_fiscal_years_with_the_documents_start_month(fiscal_start: int, text: str, start: date, end: date) -> None:
    found = find_times(text, AUG12, fiscal_start=fiscal_start)
    assert [(m.time.start, m.time.end) for m in found] == [(start, end)]


@pytest.mark.parametrize(
    "text, month",
    [
        ("Vantor, whose financial year ends in September, said on Monday", 10),
        ("The state's fiscal year begins on 1 October.", 10),
        ("Its fiscal year runs from July to June.", 7),
        ("The company, whose fiscal year ended 31 January, reported", 2),
        ("The financial year to March was strong.", None),  # a period, not a definition
        ("Fiscal policy stayed tight all year.", None),
        ("ITS FISCAL year ENDS March 31", 4),  # the fiscal words match in any case
        ("A prefiscal year ends in March.", None),  # only at the start of a word
        ("The x_fiscal year ends in March.", None),
        ("Its fiscal\nyear begins in July.", 7),
    ],
)
def test_fiscal_year_start_from_the_text(text: str, month: int | None) -> None:
    assert dates.fiscal_year_start(text) == month


def test_fiscal_labels_that_are_not_split_years() -> None:
    assert all(m.text != "FY2024-26" for m in find_times("in FY2024-26", AUG12))  # not a following year
    assert [m.text for m in find_times("a summer holiday and a season ticket", AUG12)] == []


@settings(max_examples=40, deadline=None)
@given(year=st.integers(1990, 2060), start_month=st.none() | st.integers(1, 12))
def test_fiscal_year_holds_twelve_months_ending_in_its_year(year: int, start_month: int | None) -> None:
    t = find_times(f"fiscal {year}", AUG12, fiscal_start=start_month)[0].time
    assert t.start is not None and t.end is not None and t.end.year == year
    if start_month is not None:  # exactly twelve whole months
        assert (t.end.year - t.start.year) * 12 + t.end.month - t.start.month + 1 == 12 and t.start.day == 1


# --- a year named by its first day or month; academic years -------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("a deficit for the fiscal year that began on July 1", date(2025, 7, 1), date(2026, 6, 30)),
        ("savings in the financial year which starts on 1 April", date(2025, 4, 1), date(2026, 3, 31)),
        ("the tax year beginning 6 April", date(2025, 4, 6), date(2026, 4, 5)),
        ("the school year that starts in September", date(2025, 9, 1), date(2026, 8, 31)),
        ("the budget year that will begin on October 1", date(2025, 10, 1), date(2026, 9, 30)),
    ],
)
def test_year_named_by_its_first_day(text: str, start: date, end: date) -> None:
    (m,) = find_times(text, date(2025, 11, 3))
    assert (m.time.start, m.time.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("fees for the 2025-26 academic year rose", date(2025, 8, 1), date(2026, 5, 31)),
        ("the 2019/20 school year", date(2019, 8, 1), date(2020, 5, 31)),
        ("staff hired this academic year", date(2025, 8, 1), date(2026, 5, 31)),
        ("enrolment fell last school year", date(2024, 8, 1), date(2025, 5, 31)),
    ],
)
def test_academic_years(text: str, start: date, end: date) -> None:
    (m,) = find_times(text, date(2025, 11, 3))
    assert (m.time.start, m.time.end) == (start, end)


def test_plain_days_after_a_year_word_stay_days() -> None:
    # "the year began on" without a kind of year, and a date after "since", are still the day itself
    (m,) = find_times("Trading in the year began on 2 January", date(2025, 11, 3))
    assert (m.time.start, m.time.end) == (date(2025, 1, 2), date(2025, 1, 2))


def test_lower_casing_keeps_each_characters_class() -> None:
    # The word-start scans read a lower-cased copy of the text when it is as long as the text
    # (dates._same_offsets): sound only because lower-casing one character never changes whether it is a
    # word character, a digit, a blank or a currency sign.
    import re
    import sys

    classes = [re.compile(p) for p in (r"\w", r"\d", r"\s", r"[$€£¥]")]
    for c in map(chr, range(sys.maxunicode + 1)):
        low = c.lower()
        if low != c and len(low) == 1:
            assert [bool(p.match(c)) for p in classes] == [bool(p.match(low)) for p in classes], hex(ord(c))


@pytest.mark.parametrize(
    "text",
    [
        "THE FIRST QUARTER OF 2024 and Q1 2024, q1 2024, H2 2023, h2 2023 and LAST YEAR.",
        "İstanbul sales rose in Q3 2023 and in December, since August 2022.",  # lower-casing adds a character
        "In the Kelvin-sign (\u212a) case: \u212aast Monday, last Monday, 16 April 2024.",
        "So Far This Year, To Date, A Few Days Later, THREE MONTHS AGO, Fiscal 2025, FY25.",
    ],
)
def test_word_start_scan_matches_a_naive_scan_in_any_case(text: str) -> None:
    for p in (None, date(2024, 1, 29)):
        naive = dates._merge_ranges(text, dates._scan(text, p, naive=True))
        fast = dates._merge_ranges(text, dates._scan(text, p))
        assert [(h.start, h.end) for h in naive] == [(h.start, h.end) for h in fast]
        assert fast


def _only_span(text: str, published: date, fiscal_start: int | None = None) -> tuple[date | None, date | None]:
    """(start, end) of the one time expression in ``text``."""
    [m] = find_times(text, published, fiscal_start=fiscal_start)
    return m.time.start, m.time.end


def test_a_year_ending_on_a_day_of_a_month_and_a_year_ending_in_a_month():
    def span(text):
        return _only_span(text, date(2026, 11, 25))

    assert span("the financial year ending 31 March 2027") == (date(2026, 4, 1), date(2027, 3, 31))
    # "ending" with no year is the period under way; "to" and "ended" the last one reported
    assert span("the fiscal year ending in March") == (date(2026, 4, 1), date(2027, 3, 31))
    assert span("the year to March") == (date(2025, 4, 1), date(2026, 3, 31))
    assert span("the quarter ended September") == (date(2026, 7, 1), date(2026, 9, 30))


def test_relative_fiscal_years_and_years_that_ended():
    def span(text, fiscal_start=None):
        return _only_span(text, date(2026, 8, 21), fiscal_start)

    assert fiscal_year_start("forecast for the current fiscal year, which ends on 30 September") == 10
    assert span("the current fiscal year", 10) == (date(2025, 10, 1), date(2026, 9, 30))
    assert span("next fiscal year", 10) == (date(2026, 10, 1), date(2027, 9, 30))
    assert span("last financial year", 4) == (date(2025, 4, 1), date(2026, 3, 31))
    # without the document's start month: every month such a fiscal year could cover
    assert span("this fiscal year") == (date(2025, 9, 1), date(2027, 7, 31))
    assert span("the fiscal year that ended in September 2025") == (date(2024, 10, 1), date(2025, 9, 30))
    assert span("the quarter which ended on June 30") == (date(2026, 4, 1), date(2026, 6, 30))


def test_a_figures_month_end_reading_is_the_whole_month() -> None:
    # the time expression keeps days 21 to the end; a figure read at that time takes the whole month
    t = one("stock held at the end of November 2024").time
    assert (t.start, t.end) == (D(2024, 11, 21), D(2024, 11, 30))
    wide = dates.month_end_reading(t)
    assert (wide.start, wide.end, wide.granularity) == (D(2024, 11, 1), D(2024, 11, 30), Granularity.MONTH)
    late = one("in late November 2024").time
    assert dates.month_end_reading(late) == late  # "late" is not "the end of"
    year_end = one("reserves at the end of 2023").time
    assert dates.month_end_reading(year_end) == year_end  # already the last month


@pytest.mark.parametrize(
    "text, published, start, end",
    [
        # a month named in the future tense is the next such month
        ("The bridge will reopen in March.", D(2025, 10, 2), D(2026, 3, 1), D(2026, 3, 31)),
        ("The firm expects to finish the audit by June.", D(2025, 8, 19), D(2026, 6, 1), D(2026, 6, 30)),
        ("Ferries would resume sailings from April.", D(2025, 4, 11), D(2025, 4, 1), D(2025, 4, 30)),
        # a range of bare months starting at most two months ahead is the coming one, whatever the tense
        ("Rain is likely between December and February.", D(2025, 11, 3), D(2025, 12, 1), D(2026, 2, 28)),
        ("from September to November", D(2025, 8, 1), D(2025, 9, 1), D(2025, 11, 30)),
        ("Output fell from May to July.", D(2025, 10, 1), D(2025, 5, 1), D(2025, 7, 31)),
        # a single bare month in a neutral clause stays the last one
        ("Snow is likely in December.", D(2025, 10, 20), D(2024, 12, 1), D(2024, 12, 31)),
        # past tense, or further ahead: the last one, as before
        ("Exports fell in August.", D(2025, 3, 5), D(2024, 8, 1), D(2024, 8, 31)),
        ("It has grown since December.", D(2025, 11, 3), D(2024, 12, 1), D(2025, 11, 3)),
        # a comma ends the clause whose tense counts
        ("It will, analysts say, report results. Sales peaked, in May.", D(2025, 2, 1), D(2024, 5, 1), D(2024, 5, 31)),
    ],
)
def test_bare_months_about_the_future(text: str, published: date, start: date, end: date) -> None:
    t = find_times(text, published)[-1].time
    assert (t.start, t.end) == (start, end)


# -- "the current year" where the document's fiscal year does not start in January ------------------------


def test_the_current_year_is_the_fiscal_year_under_way_when_the_document_defines_one() -> None:
    t = find_times("It plans to ship 2.2 million units in the current year.", date(2026, 5, 13), fiscal_start=4)[0].time
    assert (t.start, t.end) == (date(2026, 4, 1), date(2027, 3, 31))
    t = find_times("Costs will rise in the current year.", date(2026, 2, 10), fiscal_start=7)[0].time
    assert (t.start, t.end) == (date(2025, 7, 1), date(2026, 6, 30))


def test_the_current_year_is_the_calendar_year_without_a_fiscal_year() -> None:
    t = find_times("Costs will rise in the current year.", date(2026, 2, 10))[0].time
    assert (t.start, t.end) == (date(2026, 1, 1), date(2026, 12, 31))


def test_this_year_stays_the_calendar_year_beside_a_fiscal_year() -> None:
    t = find_times("Its shares have fallen 12% this year.", date(2026, 5, 13), fiscal_start=4)[0].time
    assert (t.start, t.end) == (date(2026, 1, 1), date(2026, 12, 31))


# -- a short aside between commas does not hide a future cue; a fiscal year defined after its label --------


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        # a name set off by commas: the clause of "will" runs on
        ("The airport will take 40 new buses from its maker, Volvo, from June.", D(2025, 10, 2), D(2026, 6, 1), D(2026, 6, 30)),
        # a figure restated between commas
        ("Council tax will rise by £96, or 5%, to £2,010 from April.", D(2026, 1, 20), D(2026, 4, 1), D(2026, 4, 30)),
        ("The mill expects to ship 90 tonnes, about 40% more, in May.", D(2025, 11, 3), D(2026, 5, 1), D(2026, 5, 31)),
        # a verb of saying between commas is a clause of its own: the past month stays
        ("Prices could fall, economists say, after exports dropped in March.", D(2025, 9, 1), D(2025, 3, 1), D(2025, 3, 31)),
        # a relative clause between commas is too
        ("The mine, which expects growth, closed two shafts in March.", D(2025, 9, 1), D(2025, 3, 1), D(2025, 3, 31)),
    ],
)
def test_a_short_aside_keeps_the_future_clause(text: str, published: date, start: date, end: date) -> None:
    t = find_times(text, published)[-1].time
    assert (t.start, t.end) == (start, end)


def test_a_fiscal_year_label_then_the_month_it_begins_defines_the_fiscal_year() -> None:
    assert fiscal_year_start("The district faces a gap of $40 million in fiscal 2028, which begins in July 2027.") == 7
    assert fiscal_year_start("Sales for fiscal 2026, which ended in September, rose.") == 10
    assert fiscal_year_start("Revenue in fiscal 2026 rose 4% to $3bn in March.") is None


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("Like-for-like sales rose 3.1% in the six weeks to 3 January.", D(2027, 1, 7), D(2026, 11, 23), D(2027, 1, 3)),
        ("Volumes fell in the 12 weeks to March 22, 2026.", D(2026, 4, 2), D(2025, 12, 29), D(2026, 3, 22)),
        ("Its market share was 27% in the four weeks ended 30 November.", D(2026, 12, 9), D(2026, 11, 3), D(2026, 11, 30)),
    ],
)
def test_weeks_to_a_day(text: str, published: date, start: date, end: date) -> None:
    t = find_times(text, published)[0].time
    assert (t.start, t.end) == (start, end)
