"""Tests of the number recogniser: one group per construct, one per non-quantity, properties."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.mentions.numbers import find_numbers, parse_quantity
from factcheck.models import Bound

D = Decimal
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def only(text: str):
    """The single mention found in ``text``."""
    found = find_numbers(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def texts(text: str) -> list[str]:
    return [m.text for m in find_numbers(text)]


# -- digits, separators, decimals ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision"),
    [
        ("It had 1,328 staff.", "1,328", D(1328), D(1)),
        ("a ratio of 2.788 overall", "2.788", D("2.788"), D("0.001")),
        ("some 30,000 firms", "some 30,000", D(30000), D(10000)),
        ("exactly 130 models", "exactly 130", D(130), D(10)),
        ("a town of 1 200 people", "1 200", D(1200), D(100)),
        ("a town of 40\u202f000 people", "40\u202f000", D(40000), D(10000)),
        ("a town of 1\u202f234\u202f567.89 people", "1\u202f234\u202f567.89", D("1234567.89"), D("0.01")),
        ("it was 4.800 exactly", "4.800", D("4.8"), D("0.001")),
        ("it fell by .25 points", ".25", D("0.25"), D("0.01")),
    ],
)
def test_digits(text: str, surface: str, value: Decimal, precision: Decimal) -> None:
    m = only(text)
    assert m.text == surface
    assert m.quantity.value == value
    assert m.quantity.precision == precision


def test_space_groups_need_three_digits() -> None:
    assert texts("scores of 1 1 and 12 34") == ["1", "1", "12", "34"]
    assert texts("423 0000 items") == ["423"]  # "0000" is a code, not a group


def test_negative_percent() -> None:
    q = only("GDP changed by -0.4% last quarter").quantity
    assert (q.value, q.unit, q.precision) == (D("-0.4"), "percent", D("0.1"))


def test_exact_figures_have_a_point_interval() -> None:
    q = only("China possessed 130 LLMs").quantity
    assert (q.bound, q.low, q.high) == (Bound.EXACT, D(130), D(130))


# -- number words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("fourteen LLMs", "fourteen", D(14)),
        ("twenty-one companies", "twenty-one", D(21)),
        ("one hundred and three firms", "one hundred and three", D(103)),
        ("filed a hundred applications", "a hundred", D(100)),
        ("two dozen eggs", "two dozen", D(24)),
        ("three dozens eggs", "three dozens", D(36)),
        ("two and a half million users", "two and a half million", D(2500000)),
        ("half a million users", "half a million", D(500000)),
        ("a quarter of a million users", "a quarter of a million", D(250000)),
        ("three lakh crore rupees", "three lakh crore rupees", D(3) * D(10) ** 12),
    ],
)
def test_number_words(text: str, surface: str, value: Decimal) -> None:
    m = only(text)
    assert (m.text, m.quantity.value) == (surface, value)


def test_a_few_hundred_is_approximate() -> None:
    q = only("a few hundred applications").quantity
    assert (q.value, q.bound, q.low, q.high) == (D(300), Bound.APPROX, D(200), D(900))


def test_vague_plurals() -> None:
    q = only("hundreds of millions of users").quantity
    assert (q.low, q.high, q.bound) == (D(200_000_000), D(999_000_000), Bound.APPROX)
    q = only("tens of thousands of protesters").quantity
    assert (q.low, q.high) == (D(20_000), D(99_000))
    assert find_numbers("a few days later") == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("a third of users", "a third", D("33.3333")),
        ("two thirds of the staff", "two thirds", D("66.6667")),
        ("three quarters of firms", "three quarters", D(75)),
        ("half of all firms", "half", D(50)),
        ("one in five adults", "one in five", D(20)),
        ("1 in 10 users", "1 in 10", D(10)),
        ("3/4 of users", "3/4", D(75)),
    ],
)
def test_shares_are_percentages(text: str, surface: str, value: Decimal) -> None:
    m = only(text)
    assert (m.text, m.quantity.value, m.quantity.unit) == (surface, value, "percent")


def test_ordinal_words_and_parts_are_not_shares() -> None:
    assert find_numbers("the third quarter and the fourth batch") == []
    assert find_numbers("in the second half of the year") == []
    assert find_numbers("China approved a third batch") == []


def test_bare_one_is_a_pronoun() -> None:
    assert find_numbers("one of the first firms, on the one hand") == []
    assert texts("one year, more than one, one million") == ["one year", "more than one", "one million"]


# -- scales and suffixes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "precision"),
    [
        ("raised $5.57M in seed money", "$5.57M", D(5_570_000), "USD", D(10_000)),
        ("trained on 14.8T tokens", "14.8T", D("14.8e12"), None, D("1e11")),
        ("it has 671B parameters", "671B", D("671e9"), None, D("1e9")),
        ("an 85K salary", "85K", D(85_000), None, D(1000)),
        ("sales of 1.2bn", "1.2bn", D("1.2e9"), None, D("1e8")),
        ("a $5m deal", "$5m", D(5_000_000), "USD", D(1_000_000)),
        ("200 million users", "200 million", D(200_000_000), None, D(100_000_000)),
        ("5.576 million users", "5.576 million", D(5_576_000), None, D(1000)),
        ("about 2.33 k likes", "about 2.33 k", D(2330), None, D(10)),
    ],
)
def test_scales(text: str, surface: str, value: Decimal, unit: str | None, precision: Decimal) -> None:
    m = only(text)
    assert (m.text, m.quantity.value, m.quantity.unit, m.quantity.precision) == (
        surface, value, unit, precision)


def test_one_digit_with_a_capital_is_a_name() -> None:
    assert find_numbers("3M and 4K video") == []
    assert find_numbers("he walked 5m away") == []  # metres, not millions


# -- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("valued at $1 billion", "$1 billion", D(10**9), "USD"),
        ("a US$687.6 million loan", "US$687.6 million", D(687_600_000), "USD"),
        ("NT$32.8 billion in sales", "NT$32.8 billion", D(32_800_000_000), "TWD"),
        ("HK$10.05 billion of exports", "HK$10.05 billion", D(10_050_000_000), "HKD"),
        ("a fine of ¥200", "¥200", D(200), "CNY"),
        ("RMB 5 billion", "RMB 5 billion", D(5 * 10**9), "CNY"),
        ("5 billion yuan", "5 billion yuan", D(5 * 10**9), "CNY"),
        ("€10M in savings", "€10M", D(10**7), "EUR"),
        ("£8.10 million", "£8.10 million", D(8_100_000), "GBP"),
        ("420 dollars", "420 dollars", D(420), "USD"),
        ("450,000 yen", "450,000 yen", D(450_000), "JPY"),
        ("it costs 100元", "100元", D(100), "CNY"),
        ("down 34 cents", "34 cents", D("0.34"), "USD"),
        ("paid $ 94,000", "$ 94,000", D(94_000), "USD"),
        ("only 115USD", "115USD", D(115), "USD"),
    ],
)
def test_money(text: str, surface: str, value: Decimal, unit: str) -> None:
    m = only(text)
    assert (m.text, m.quantity.value, m.quantity.unit) == (surface, value, unit)


def test_conversion_in_brackets_is_linked() -> None:
    text = "It invested 5 billion yuan (US$687.6 million) in chips."
    m = only(text)
    assert (m.text, m.quantity.unit, m.quantity.value) == ("5 billion yuan", "CNY", D(5 * 10**9))
    assert m.linked is not None
    assert (m.linked.text, m.linked.quantity.unit) == ("US$687.6 million", "USD")
    assert m.linked.span.slice(text) == "US$687.6 million"


def test_hedged_conversion() -> None:
    m = only("five billion yuan (about US$700 million)")
    assert m.linked is not None and m.linked.hedge == "about"
    assert m.linked.quantity.bound is Bound.APPROX


# -- percent, multipliers, durations ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("40 per cent of the total", "40 per cent", D(40), "percent"),
        ("50% improved", "50%", D(50), "percent"),
        ("100 percent", "100 percent", D(100), "percent"),
        ("rose 3 percentage points", "3 percentage points", D(3), "percentage_points"),
        ("a 3pp rise", "3pp", D(3), "percentage_points"),
        ("cut 50 basis points", "50 basis points", D("0.5"), "percentage_points"),
        ("has twice the speed", "twice", D(2), "times"),
        ("usage doubled", "doubled", D(2), "times"),
        ("costs were halved", "halved", D("0.5"), "times"),
        ("a 2x gain", "2x", D(2), "times"),
        ("a 7× increase", "7×", D(7), "times"),
        ("11 times faster", "11 times", D(11), "times"),
        ("a tenfold rise", "tenfold", D(10), "times"),
        ("a 10-fold rise", "10-fold", D(10), "times"),
        ("after 57 days", "57 days", D(57), "days"),
        ("worked 80 hours", "80 hours", D(80), "hours"),
        ("a 10-day trip", "10-day", D(10), "days"),
        ("two weeks after", "two weeks", D(2), "weeks"),
        ("half an hour", "half an hour", D("0.5"), "hours"),
    ],
)
def test_units(text: str, surface: str, value: Decimal, unit: str) -> None:
    m = only(text)
    assert (m.text, m.quantity.value, m.quantity.unit) == (surface, value, unit)


# -- hedges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hedge", "bound", "low", "high"),
    [
        ("over 70 LLMs", "over", Bound.MORE_THAN, D(70), None),
        ("more than 200 million users", "more than", Bound.MORE_THAN, D(200_000_000), None),
        ("sales past 100 million", "past", Bound.MORE_THAN, D(100_000_000), None),
        ("well above 50", "well above", Bound.MORE_THAN, D(50), None),
        ("at least 70", "at least", Bound.AT_LEAST, D(70), None),
        ("no fewer than 5", "no fewer than", Bound.AT_LEAST, D(5), None),
        ("under 5 years", "under", Bound.LESS_THAN, D(0), D(5)),
        ("fewer than 20 firms", "fewer than", Bound.LESS_THAN, D(0), D(20)),
        ("below 20", "below", Bound.LESS_THAN, D(0), D(20)),
        ("less than 15 %", "less than", Bound.LESS_THAN, None, D(15)),
        ("up to 700 workers", "up to", Bound.AT_MOST, D(0), D(700)),
        ("no more than 9", "no more than", Bound.AT_MOST, D(0), D(9)),
        ("about 300", "about", Bound.APPROX, D(250), D(350)),
        ("around 1,328", "around", Bound.APPROX, D("1195.2"), D("1460.8")),
        ("an estimated 5,000", "an estimated", Bound.APPROX, D(4500), D(5500)),
        ("nearly 300", "nearly", Bound.APPROX, D(250), D(300)),
        ("close to 40%", "close to", Bound.APPROX, D(35), D(40)),
        ("100+ users", "+", Bound.AT_LEAST, D(100), None),
        ("500 or more", "or more", Bound.AT_LEAST, D(500), None),
        ("200 or so", "or so", Bound.APPROX, D(150), D(250)),
        ("~300 firms", "~", Bound.APPROX, D(250), D(350)),
    ],
)
def test_hedges(text: str, hedge: str, bound: Bound, low: Decimal | None, high: Decimal | None) -> None:
    m = only(text)
    assert m.hedge == hedge
    assert (m.quantity.bound, m.quantity.low, m.quantity.high) == (bound, low, high)
    assert hedge in m.text


@pytest.mark.parametrize(
    ("text", "surface", "hedge"),
    [
        ("users surpassed 100 million", "100 million", "surpassed"),
        ("horsepower exceeding 150", "150", "exceeding"),
        ("Ernie Bot passes 200 million users", "200 million", "passes"),
    ],
)
def test_verb_hedges_bound_but_stay_outside_the_span(text: str, surface: str, hedge: str) -> None:
    m = only(text)
    assert (m.text, m.hedge, m.quantity.bound) == (surface, hedge, Bound.MORE_THAN)


def test_determiner_makes_past_an_adjective() -> None:
    m = only("in the past 6 months")
    assert (m.text, m.hedge) == ("6 months", None)


# -- ranges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        ("between 40 and 50 firms", "between 40 and 50", D(40), D(50), None),
        ("40-50 firms", "40-50", D(40), D(50), None),
        ("40–50 firms", "40–50", D(40), D(50), None),
        ("40 to 50 per cent", "40 to 50 per cent", D(40), D(50), "percent"),
        ("costs $2-3 billion", "$2-3 billion", D(2 * 10**9), D(3 * 10**9), "USD"),
        ("$2 to $3 billion", "$2 to $3 billion", D(2 * 10**9), D(3 * 10**9), "USD"),
        ("5k-20k", "5k-20k", D(5000), D(20000), None),
        ("from 200 to 300 employees", "from 200 to 300", D(200), D(300), None),
    ],
)
def test_ranges(text: str, surface: str, low: Decimal, high: Decimal, unit: str | None) -> None:
    m = only(text)
    q = m.quantity
    assert (m.text, q.bound, q.value, q.low, q.high, q.unit) == (surface, Bound.RANGE, low, low, high, unit)


def test_a_change_is_not_a_range() -> None:
    assert texts("sales rose from 40 to 50") == ["40", "50"]
    assert texts("net fell 27% to $254 million") == ["27%", "$254 million"]
    assert find_numbers("a 3-1 win") == []


# -- not quantities --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It happened in 2022.",
        "In 2023, nothing.",
        "2023's results",
        "the 2013-14 season and 2022-2023",
        "On 16 April and April 16 and Aug. 31 and 31 August, 2023",
        "dated 2023-08-31 or 31/08/2023 or 5/17/2018",
        "the fourth batch, the 14th congress, the 1st and 2nd",
        "Ernie 3.5 and Llama 3.1 and GPT-4 and V3 and Qwen2.5",
        "Windows 11 was released",
        "01.AI and 4Paradigm",
        "360 Security Technology launched",
        "shares of 0700.HK and 9988.HK",
        "see https://example.com/2023/12/15/report-100 or www.x.org/41",
        "mail john.doe2@example.com",
        "Guoji anquan yanjiu, 41(4), pp. 82-106, doi: 10.14093/j.cnki.cn10-1132/d.2023.04.004.",
        "Article 4, subsection 1 of the regulation and Section 230 and Chapter 11",
        "at 10:30, at 6pm, at 2 pm, at 11 p.m.",
        "call +1-222-2222/2222 or +86 10 1234 5678",
        "192.168.1.2",
        "(Jiang, 2024a) and (Huang, Yao, 2023)",
        "this year's Two Sessions",
        "the 1990s",
        "SCP-173 and COVID-19",
        "Updated: Jun 18",
    ],
)
def test_not_quantities(text: str) -> None:
    assert texts(text) == []


def test_names_and_versions_keep_real_counts() -> None:
    assert texts("Approves 14 LLMs for release") == ["14"]
    assert texts("Llama 3 has 70 billion parameters") == ["70 billion"]
    assert texts("20 Chinese AI Companies") == ["20"]
    assert texts("about 20 Chinese AI firms") == ["about 20"]


# -- seeds -----------------------------------------------------------------------------------


def test_seed_bibliography_yields_nothing_from_references() -> None:
    paths = sorted(SEEDS.glob("003_*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip("../shared/seeds is not available")
    text = paths[0].read_text(encoding="utf-8")
    found = find_numbers(text)
    surfaces = [m.text for m in found]
    assert "more than 200 million" in surfaces
    assert "more than $1 billion" in surfaces
    assert "85,000" in surfaces
    bib = text.index("BIBLIOGRAPHY")
    # in the bibliography only figures inside article titles may come out
    assert [m.text for m in found if m.span.start > bib] == ["200 million", "4", "50 billion", "138"]


# -- properties ------------------------------------------------------------------------------

UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """English words for 0 < n < 1000 (written here, independently of the parser)."""
    parts = []
    if n >= 100:
        parts.append(UNITS[n // 100] + " hundred")
        n %= 100
        if n:
            parts.append("and")
    if 10 <= n < 20:
        parts.append(TEENS[n - 10])
    elif n:
        tens, units = divmod(n, 10)
        parts.append("-".join(w for w in (TENS[tens], UNITS[units]) if w))
    return " ".join(parts)


SCALES = {"thousand": D(10**3), "million": D(10**6), "billion": D(10**9), "trillion": D(10**12)}
SUFFIXES = {"K": D(10**3), "M": D(10**6), "bn": D(10**9), "B": D(10**9), "T": D(10**12)}
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "NT$": "TWD", "HK$": "HKD",
              "": None}
mantissas = st.decimals(min_value=D("1.00"), max_value=D("999.99"), places=2)


@settings(max_examples=80, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**12), cur=st.sampled_from(sorted(CURRENCIES)))
def test_property_separated_digits_round_trip(n: int, cur: str) -> None:
    q = parse_quantity(f"{cur}{n:,}")
    assert q is not None
    assert (q.value, q.unit) == (D(n), CURRENCIES[cur])


@settings(max_examples=80, deadline=None)
@given(m=mantissas, word=st.sampled_from(sorted(SCALES)), cur=st.sampled_from(sorted(CURRENCIES)))
def test_property_scale_words_round_trip(m: Decimal, word: str, cur: str) -> None:
    q = parse_quantity(f"{cur}{m} {word}")
    assert q is not None
    assert (q.value, q.unit) == (m * SCALES[word], CURRENCIES[cur])


@settings(max_examples=80, deadline=None)
@given(m=mantissas, suffix=st.sampled_from(sorted(SUFFIXES)), cur=st.sampled_from(sorted(CURRENCIES)))
def test_property_suffixes_round_trip(m: Decimal, suffix: str, cur: str) -> None:
    q = parse_quantity(f"{cur}{m}{suffix}")
    assert q is not None
    assert (q.value, q.unit) == (m * SUFFIXES[suffix], CURRENCIES[cur])


@settings(max_examples=80, deadline=None)
@given(n=st.integers(min_value=1, max_value=999))
def test_property_number_words_round_trip(n: int) -> None:
    q = parse_quantity(in_words(n))
    assert q is not None
    assert q.value == n


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**9))
def test_property_hedge_intervals(n: int) -> None:
    v = D(n)

    def q(text: str):
        got = parse_quantity(text)
        assert got is not None, text
        return got

    assert not q(f"over {n:,}").contains(v) and q(f"over {n:,}").contains(v + 1)
    assert not q(f"more than {n:,}").contains(v)
    assert q(f"at least {n:,}").contains(v) and not q(f"at least {n:,}").contains(v - 1)
    assert q(f"up to {n:,}").contains(v) and not q(f"up to {n:,}").contains(v + 1)
    assert q(f"at most {n:,}").contains(v) and not q(f"at most {n:,}").contains(v + 1)
    assert not q(f"under {n:,}").contains(v) and q(f"under {n:,}").contains(v - 1)
    assert not q(f"fewer than {n:,}").contains(v)
    assert q(f"about {n:,}").contains(v) and q(f"nearly {n:,}").contains(v)
    assert not q(f"nearly {n:,}").contains(v + 1)
    assert q(f"{n:,}").contains(v) and not q(f"{n:,}").contains(v + 1)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_property_arbitrary_text_never_raises(text: str) -> None:
    find_numbers(text)
    parse_quantity(text)


FRAGMENTS = ["over 70", "$5.57M", "in 2023", "GPT-4", "1,328", "40 per cent", "a few hundred",
             "between 40 and 50", "16 April", "twenty-one", "(US$687.6 million)", "5 billion yuan",
             "100+", "Ernie 3.5", "-0.4%", "https://x.org/1", "14th", "twice", "1 200", "$2-3 billion",
             " ", ", ", ". ", "\n", "users", "the", "(", ")", "-", "1", "9", "a", "hundred", "$"]


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.sampled_from(FRAGMENTS), max_size=20), offset=st.integers(0, 50))
def test_property_spans(parts: list[str], offset: int) -> None:
    text = "".join(parts)
    found = find_numbers(text, offset=offset)
    last = 0
    for m in found:
        start, end = m.span.start - offset, m.span.end - offset
        assert 0 <= start < end <= len(text)
        assert start >= last  # in order, no overlaps
        last = end
        assert text[start:end] == m.text
        assert not m.text[0].isspace() and not m.text[-1].isspace()
        # a span never cuts through a run of digits
        assert not (start > 0 and text[start].isdigit() and text[start - 1].isdigit())
        assert not (end < len(text) and text[end - 1].isdigit() and text[end].isdigit())
        if m.linked is not None:
            assert text[m.linked.span.start - offset : m.linked.span.end - offset] == m.linked.text


@pytest.mark.parametrize(
    ("text", "bound", "surface"),
    [
        ("The agency handed over 1.13 million doses to clinics.", "exact", "1.13 million"),
        ("The founders signed over 40% of the shares.", "exact", "40%"),
        ("The airline carried over 19,000 passengers a day.", "more_than", "over 19,000"),  # "over" = more than
        ("She won over 50% of the vote.", "more_than", "over 50%"),
        ("Sales could pass 100 million units next year.", "more_than", "100 million"),  # a hedge verb, outside
    ],
)
def test_over_after_a_particle_verb_is_not_a_hedge(text, bound, surface):
    (m,) = find_numbers(text)
    assert (m.quantity.bound.value, m.text) == (bound, surface)


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        ("The central bank cut rates by a quarter of a percentage point.", "0.25", "percentage_points",
         "a quarter of a percentage point"),
        ("Gilt yields rose half a percentage point in a week.", "0.5", "percentage_points", "half a percentage point"),
        ("Markets expect a quarter-point cut in June.", "0.25", "percentage_points", "quarter-point"),
        ("A quarter of the shares changed hands.", "25", "percent", "A quarter"),  # a share, as before
        ("Solar added 346 GW of capacity.", "346", "GW", "346 GW"),
        ("The dam's turbines produce 22.5 gigawatts.", "22.5", "GW", "22.5 gigawatts"),
        ("Homes used 4.1 terawatt-hours in January.", "4.1", "TWh", "4.1 terawatt-hours"),
        ("It is building a 300MW battery park.", "300", "MW", "300MW"),
    ],
)
def test_fractions_of_a_point_and_power_units(text, value, unit, surface):
    (m,) = find_numbers(text)
    assert (str(m.quantity.value), m.quantity.unit, m.text) == (value, unit, surface)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts say the market will more than double by 2027.", [("more than double", "more_than", "2", "times")]),
        ("Orders could nearly triple next year.", [("nearly triple", "approx", "3", "times")]),
        ("The city wants to halve its emissions.", [("halve", "exact", "0.5", "times")]),
        ("Inflation is back in a double-digit range.", []),
        ("Shares in Double Eagle Holdings fell.", []),
        ("The striker played eight times for Brazil.", [("eight", "exact", "8", None)]),
        ("The bank has raised rates 11 times since 2022.", [("11", "exact", "11", None)]),
        ("Revenue is now eight times larger.", [("eight times", "exact", "8", "times")]),
    ],
)
def test_base_form_multipliers_and_counts_of_occasions(text, expected):
    got = [(m.text, m.quantity.bound.value, str(m.quantity.value), m.quantity.unit) for m in find_numbers(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The company spent $1.1bn on a plant.", "USD"),  # not "nt $": New Taiwan dollars
        ("The firm's tenant $2m lease", "USD"),
        ("Tickets cost NT$500.", "TWD"),
        ("It paid HK$3bn.", "HKD"),
    ],
)
def test_currency_letters_before_a_dollar_sign_start_a_word(text, unit):
    (m,) = find_numbers(text)
    assert m.quantity.unit == unit


def test_chip_process_names_are_not_figures():
    assert [m.text for m in find_numbers("Chips made on 3nm and 5nm processes made up 46% of revenue.")] == ["46%"]


@pytest.mark.parametrize(("text", "found"), [
    ("Apple's iPhone 15 sold well in China.", []),
    ("Sales of the iPad 10 slowed.", []),
    ("The shop sold 15 iPhones.", ["15"]),
])
def test_camel_cased_model_names_with_a_number_are_not_figures(text, found):
    assert [m.text for m in find_numbers(text)] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mine produced 410,000 tonnes of copper.", [("410,000 tonnes", "410000", "t")]),
        ("Output reached 2.1 million metric tons.", [("2.1 million metric tons", "2100000", "t")]),
        ("It sold 1.2 million ounces of gold.", [("1.2 million ounces", "1200000", "oz")]),
        ("The regulator auctioned 400MHz of spectrum.", [("400MHz", "400", "MHz")]),
        ("Phones use the 3.5GHz and 26GHz bands.", []),  # band names, not quantities
        ("The firm will double the amount it spends.", [("double", "2", "times")]),
        ("Sales fell by about a fifth from last year.", [("about a fifth", "20", "percent")]),
        ("Fares were raised by 2 cents to 38 cents.", [("2 cents", "0.02", "USD"), ("38 cents", "0.38", "USD")]),
        ("Inflation is in double digits.", []),
    ],
)
def test_mass_and_frequency_units_bands_and_more_multipliers(text, expected):
    got = [(m.text, str(m.quantity.value), m.quantity.unit) for m in find_numbers(text)]
    assert got == expected


def test_yen_or_yuan_follows_the_document():
    from factcheck.mentions.numbers import yen_or_yuan

    assert yen_or_yuan("Visitors to Japan spent ¥5.8 trillion, the agency in Tokyo said.") == "JPY"
    assert yen_or_yuan("China's retail sales reached ¥4 trillion, Beijing said.") == "CNY"
    assert yen_or_yuan("The deal was priced in yen.") == "JPY"


def test_band_names_stay_linear_on_hostile_input():
    # "3.5GHz and " repeated: every figure is a band candidate; doubling the input doubles the work only.
    unit = "3.5GHz and "
    once = find_numbers(unit * 2000 + "bands")
    twice = find_numbers(unit * 4000 + "bands")
    assert once and len(twice) == 2 * len(once)


def test_temperatures_and_margins_of_error():
    def read(text):
        return [(n.text, n.quantity.value, n.quantity.unit) for n in find_numbers(text)]

    assert read("Temperatures hit 42°C, and 104 °F in Phoenix.") == [
        ("42°C", Decimal("42"), "°C"), ("104 °F", Decimal("104"), "°F")]
    assert read("It fell to minus 5 degrees Celsius.") == [("minus 5 degrees Celsius", Decimal("-5"), "°C")]
    # "plus or minus 3 points" is a margin of 3, not a figure of minus 3
    assert read("a margin of error of plus or minus 3 percentage points") == [
        ("3 percentage points", Decimal("3"), "percentage_points")]


def test_lengths_and_more_currencies_by_name():
    got = {n.text: n.quantity.unit for n in find_numbers(
        "a draft of 24.4 metres, ships of 50 feet, 120 millimetres of rain, a ransom of 250 bitcoin, "
        "3,985 Colombian pesos and 500 million naira")}
    assert got == {"24.4 metres": "m", "50 feet": "ft", "120 millimetres": "mm", "250 bitcoin": "BTC",
                   "3,985 Colombian pesos": "COP", "500 million naira": "NGN"}


@pytest.mark.parametrize("text, unit", [
    ("42.1 billion shillings", "KES"), ("3.5 trillion Ugandan shillings", "UGX"), ("900 million pesos", "MXN"),
    ("12 billion Argentine pesos", "ARS"), ("2.3 billion rands", "ZAR"), ("45 billion Egyptian pounds", "EGP"),
    ("80 billion Pakistani rupees", "PKR"), ("1.1 billion shekels", "ILS"), ("300 million Kuwaiti dinars", "KWD"),
    ("7 billion birr", "ETB"), ("250 million soles", "PEN"), ("15 billion CFA francs", "XOF"),
    ("KES 42.1 billion", "KES"), ("NGN 500 million", "NGN"),
])
def test_currencies_of_africa_latin_america_and_asia_by_name_and_code(text, unit):
    [n] = find_numbers(f"The group reported {text} last year.")
    assert n.text == text and n.quantity.unit == unit


def test_a_currency_name_makes_the_figure_money_for_its_measure():
    from factcheck.claims import extract_claims
    from factcheck.documents import load_document

    doc = load_document(None, text="Orchid Telecom said net profit rose to 42.1 billion shillings in the year to March.",
                        published="2026-05-20")
    [c] = extract_claims(doc)
    assert (c.quantity.unit, c.measure, c.counted) == ("KES", "profit", None)


def test_rain_and_wind_symbols_attach_to_their_figures():
    got = [(n.text, n.quantity.unit) for n in find_numbers(
        "The state recorded 310 mm of rain, 12 cm of hail and gusts of 110 mph; 300mm wafers.")]
    assert got == [("310 mm", "mm"), ("12 cm", "cm"), ("110 mph", "mph"), ("300mm", "mm")]


@pytest.mark.parametrize("text, value, unit", [
    ("Output hit 1.2m barrels per day.", "1200000", "bbl"),
    ("Some 3.4m people voted.", "3400000", None),
    ("It shipped 2m tonnes of wheat.", "2000000", "t"),
    ("About 1.5m children were vaccinated.", None, None),  # hedged: an interval around 1.5 million
])
def test_a_bare_m_before_a_plural_noun_is_a_million(text, value, unit):
    [n] = find_numbers(text)
    assert n.quantity.unit == unit
    if value is not None:
        assert n.quantity.value == Decimal(value)
    else:
        assert n.quantity.low < Decimal(1_500_000) < n.quantity.high


@pytest.mark.parametrize("text", ["They built a 1.2m wall.", "He won the 100m hurdles.", "It rose 5m.",
                                  "The crane reached 40m is what they said."])
def test_a_bare_m_elsewhere_is_no_million(text):
    assert all(n.quantity.low < 1000 for n in find_numbers(text))


@pytest.mark.parametrize("text, got", [
    ("Temperatures hit 45C (113F) in Seville.", [("45C", "°C"), ("113F", "°F")]),
    ("A low of -5C is forecast, then 38.5C.", [("-5C", "°C"), ("38.5C", "°C")]),
    ("The 5C model and the Model 3C sold well.", []),  # one digit and a capital: a name, as "5G" is
    ("It bought 12 F-35 jets.", [("12", None)]),
])
def test_temperatures_written_with_a_glued_c_or_f(text, got):
    assert [(n.text, n.quantity.unit) for n in find_numbers(text)] == got


def test_oil_output_and_floor_space_units():
    got = [(n.text, n.quantity.unit) for n in find_numbers(
        "Output rose to 1.2 million bpd, or 300,000 b/d more; the mall has 250,000 sq ft and 1,200 square metres.")]
    assert got == [("1.2 million bpd", "bbl"), ("300,000 b/d", "bbl"), ("250,000 sq ft", "sq ft"),
                   ("1,200 square metres", "m2")]


def test_rupees_written_rs_before_the_figure():
    got = [(n.text, n.quantity.unit) for n in find_numbers("a profit of Rs 2,836 crore, Rs. 450 crore and Rs5,000.")]
    assert got == [("Rs 2,836 crore", "INR"), ("Rs. 450 crore", "INR"), ("Rs5,000", "INR")]
    assert [n.quantity.unit for n in find_numbers("The HRs 5 team")] in ([], [None])  # inside a word: no prefix


@pytest.mark.parametrize("text, got", [
    ("Shares jumped 12pc to 345p, or 12 pc.", [("12pc", "12", "percent"), ("345p", "3.45", "GBP"), ("12 pc", "12", "percent")]),
    ("It earned 87c a share, up from 80c.", [("87c", "0.87", "USD"), ("80c", "0.8", "USD")]),
    ("It streams in 1080p and 720p at 6pm.", []),  # resolutions and times of day are no money
    ("A net loss of KSh 1.2 billion, Ksh2.3bn and KShs 400m.",
     [("KSh 1.2 billion", "1200000000", "KES"), ("Ksh2.3bn", "2300000000", "KES"), ("KShs 400m", "400000000", "KES")]),
    ("Tk 5,000 crore and Tk1.2bn", [("Tk 5,000 crore", "50000000000", "BDT"), ("Tk1.2bn", "1200000000", "BDT")]),
    ("GH¢300 million and Rs 10 cr", [("GH¢300 million", "300000000", "GHS"), ("Rs 10 cr", "100000000", "INR")]),
    ("a 50-basis-point hike and winds of 180 km/h", [("50-basis-point", "0.5", "percentage_points"),
                                                    ("180 km/h", "180", "km/h")]),
])
def test_money_and_units_as_british_african_and_indian_papers_write_them(text, got):
    assert [(n.text, str(n.quantity.value), n.quantity.unit) for n in find_numbers(text)] == got


@pytest.mark.parametrize("text, value, unit", [
    ("The $1.2-trillion plan passed.", "1200000000000", "USD"),
    ("It cost US$1.5-billion.", "1500000000", "USD"),
    ("the 2-billion-dollar deal", "2000000000", "USD"),
    ("a 3-million-strong army", "3000000", None),
])
def test_a_scale_word_joined_by_a_hyphen_scales_the_figure(text, value, unit):
    [n] = find_numbers(text)
    q = n.quantity
    assert (str(q.value), str(q.low), str(q.high), q.unit) == (value, value, value, unit)


@given(st.integers(1, 999), st.sampled_from(["million", "billion", "trillion"]), st.sampled_from(["", "$", "US$"]))
def test_property_hyphen_scale_is_never_a_range_up_to_the_scale(n, scale, prefix):
    [m] = find_numbers(f"a {prefix}{n}-{scale} budget")
    assert m.quantity.low == m.quantity.high == m.quantity.value


@pytest.mark.parametrize("text, shown", [("a €1.2bn-plus deal", "€1.2bn-plus"), ("1.5 million-plus people", "1.5 million-plus"),
                                         ("with 300-plus missing", "300-plus")])
def test_a_hyphenated_plus_is_at_least(text, shown):
    [n] = find_numbers(text)
    assert n.text == shown and n.quantity.bound is Bound.AT_LEAST and n.quantity.high is None


def test_volumes_and_weights_by_name():
    got = [(n.text, n.quantity.unit) for n in find_numbers(
        "Exports fell to 1.2 million hectolitres; reservoirs hold 300 megalitres; a 40 kilos bag.")]
    assert got == [("1.2 million hectolitres", "hl"), ("300 megalitres", "ML"), ("40 kilos", "kg")]


@pytest.mark.parametrize("text, got", [
    ("Brent crude added 62 cents to $87.90 a barrel.", ["62 cents", "$87.90"]),
    ("Shares gained 12p to 345p.", ["12p", "345p"]),
    ("The index shed 1.2% to 7,845.", ["1.2%", "7,845"]),
    ("Tickets cost $3 to $5.", ["$3 to $5"]),  # no move before it: a range
])
def test_a_market_move_then_to_is_a_change_and_a_level_not_a_range(text, got):
    assert [n.text for n in find_numbers(text)] == got
