"""The time of a figure (factcheck/claims/timing.py) on sentences written for these tests: which time
expression of its sentence a figure takes, and what a figure with none of its own is dated to."""

from __future__ import annotations

from datetime import date

from factcheck import load_document
from factcheck.claims import extract_claims
from factcheck.models import QuantityClaim


def _times(text: str, published: str) -> dict[str, tuple[date | None, date | None]]:
    doc = load_document(None, text=text, published=published)
    return {c.text: (c.time.start, c.time.end) for c in extract_claims(doc) if isinstance(c, QuantityClaim)}


# -- the day of a statement is not the story's news day ------------------------------------------------


def test_later_figures_after_a_statement_day_lead_are_dated_to_publication() -> None:
    text = ("Brightwater Foods said on Monday that it would shut its Leeds bakery.\n\n"
            "The bakery employed 420 people and baked 90,000 loaves.")
    got = _times(text, "2025-05-14")  # a Wednesday: Monday was 12 May
    assert got["420"] == (date(2025, 5, 14), date(2025, 5, 14))
    assert got["90,000"] == (date(2025, 5, 14), date(2025, 5, 14))


def test_figures_released_on_a_weekday_lead_do_not_take_that_day() -> None:
    text = ("The port authority reported on Thursday that a storm closed two terminals.\n\n"
            "Crews cleared 35 containers from the quay.")
    got = _times(text, "2025-11-08")  # a Saturday
    assert got["35"] == (date(2025, 11, 8), date(2025, 11, 8))


def test_an_event_on_the_leads_day_still_dates_later_past_tense_figures() -> None:
    text = ("Voters in Marlow backed a new swimming pool in a referendum on Sunday.\n\n"
            "Some 6,200 residents voted for the plan.")
    got = _times(text, "2025-09-16")  # a Tuesday: Sunday was 14 September
    assert got["Some 6,200"] == (date(2025, 9, 14), date(2025, 9, 14))


# -- a figure at "the end of" a month is a month-end reading: the whole month --------------------------


def test_a_level_at_the_end_of_a_month_is_dated_to_the_month() -> None:
    got = _times("Harbour Credit Union had 58,000 members at the end of April.", "2025-06-03")
    assert got["58,000"] == (date(2025, 4, 1), date(2025, 4, 30))


def test_the_year_earlier_level_is_the_same_month_a_year_before() -> None:
    got = _times("The fund held €2.3bn at the end of March 2025, up from €1.9bn a year earlier.", "2025-05-20")
    assert got["€2.3bn"] == (date(2025, 3, 1), date(2025, 3, 31))
    assert got["€1.9bn"] == (date(2024, 3, 1), date(2024, 3, 31))


def test_late_in_a_month_keeps_its_last_days() -> None:
    got = _times("The river rose 2 metres in late February.", "2025-03-10")
    assert got["2 metres"] == (date(2025, 2, 21), date(2025, 2, 28))


def test_a_month_end_level_in_the_lead_sets_no_reporting_period() -> None:
    text = ("Skyline Broadband had 1.4 million customers at the end of September, the company said.\n\n"
            "Its network passed 3 million homes.")
    got = _times(text, "2025-11-05")
    assert got["1.4 million"] == (date(2025, 9, 1), date(2025, 9, 30))
    assert got["3 million"] == (date(2025, 11, 5), date(2025, 11, 5))


# -- a figure takes the time of its own clause ----------------------------------------------------------


def test_a_figure_takes_the_time_of_its_own_clause() -> None:
    got = _times("Ardent Rail said it would buy new trains this year and hire 240 drivers by October.", "2025-04-02")
    assert got["240"] == (date(2025, 10, 1), date(2025, 10, 31))


def test_the_first_clause_keeps_its_own_time() -> None:
    got = _times("The mill cut 90 jobs in January, and its owner plans further cuts in 2027.", "2025-03-01")
    assert got["90"] == (date(2025, 1, 1), date(2025, 1, 31))


def test_a_time_modifying_a_noun_is_not_the_figures_own() -> None:
    got = _times("Lisbon recorded 41.2C on Monday, 9 degrees above the July average.", "2025-07-16")
    assert got["9"] == (date(2025, 7, 14), date(2025, 7, 14))  # Monday, not July


# -- a time after "from" that lies ahead is when a figure starts, not a comparison's baseline -------------


def test_a_figure_from_a_coming_year_takes_that_year() -> None:
    got = _times("The new line would carry about 40,000 passengers a day from 2029.", "2026-02-10")
    assert got["about 40,000"] == (date(2029, 1, 1), date(2029, 12, 31))


def test_a_figure_starting_on_a_coming_day_takes_that_day() -> None:
    got = _times("The port said on Monday it would limit arrivals to 18 from 25 starting on 1 June.", "2026-05-20")
    assert got["18"] == (date(2026, 6, 1), date(2026, 6, 1))


def test_a_past_time_after_from_is_still_a_baseline() -> None:
    got = _times("Exports rose to 9,500 tonnes in March, up 12% from January.", "2026-05-20")
    assert got["9,500 tonnes"] == (date(2026, 3, 1), date(2026, 3, 31))


# -- a time still to come dates only its own clause --------------------------------------------------------


def test_a_coming_time_after_and_with_a_new_verb_is_not_the_first_clauses() -> None:
    got = _times("The hospital group runs 38 clinics, and it plans to open a new wing by June 2027.", "2026-04-14")
    assert got["38"] == (date(2026, 4, 14), date(2026, 4, 14))


def test_a_figure_after_and_following_a_coming_time_is_not_dated_to_it() -> None:
    got = _times("The airline will retire its old jets by May and lay off about 450 pilots.", "2026-01-20")
    assert got["about 450"] == (date(2026, 1, 20), date(2026, 1, 20))


def test_a_participle_clause_takes_the_coming_time_away_from_the_figure() -> None:
    got = _times("Nordvik Mining will invest $900 million in a smelter, creating 1,200 jobs when it opens in 2029.",
                 "2026-09-03")
    assert got["$900 million"] == (date(2026, 9, 3), date(2026, 9, 3))
    assert got["1,200"] == (date(2029, 1, 1), date(2029, 12, 31))


def test_a_coming_time_in_the_figures_own_clause_still_dates_it() -> None:
    got = _times("The chain plans to hire 500 people, including 200 pharmacists, by 2028.", "2026-05-05")
    assert got["500"] == (date(2028, 1, 1), date(2028, 12, 31))


def test_a_semicolon_parts_a_figure_from_a_coming_time() -> None:
    got = _times("The charity feeds 9,000 children; it hopes to reach twice as many over the next two years.",
                 "2026-10-01")
    assert got["9,000"] == (date(2026, 10, 1), date(2026, 10, 1))


def test_a_past_time_across_and_still_dates_the_figure() -> None:
    got = _times("Output rose in March and exports reached 14,000 tonnes, the ministry said.", "2026-05-02")
    assert got["14,000 tonnes"] == (date(2026, 3, 1), date(2026, 3, 31))


# -- a price target or a dividend is not a report on the story's period ----------------------------------


def test_a_price_target_after_a_results_lead_is_dated_to_publication() -> None:
    text = ("Harlow Foods said second-quarter revenue rose 6% to £1.2bn.\n\n"
            "Analysts at Numis raised their price target to 410 pence from 380 pence.")
    got = _times(text, "2026-08-12")
    assert got["410 pence"] == (date(2026, 8, 12), date(2026, 8, 12))
    assert got["380 pence"] == (date(2026, 8, 12), date(2026, 8, 12))


def test_a_dividend_raised_after_a_results_lead_is_dated_to_publication() -> None:
    text = ("Pine Ridge Bancorp earned $41 million in the third quarter.\n\n"
            "It raised its quarterly dividend to 22 cents a share.")
    got = _times(text, "2026-10-20")
    assert got["22 cents"] == (date(2026, 10, 20), date(2026, 10, 20))


def test_a_past_tense_figure_after_a_results_lead_still_takes_the_quarter() -> None:
    text = ("Pine Ridge Bancorp earned $41 million in the third quarter.\n\n"
            "Deposits grew 3% to $9.1 billion.")
    got = _times(text, "2026-10-20")
    assert got["3%"] == (date(2026, 7, 1), date(2026, 9, 30))


# -- a time right after a baseline noun is the baseline's ------------------------------------------------


def test_a_year_earlier_after_the_amount_is_the_baselines_time() -> None:
    text = ("Northgate Insurance said its second-quarter profit rose 9% to $210 million.\n\n"
            "It paid out $310 million in storm claims, nearly twice the amount a year earlier.")
    got = _times(text, "2026-08-04")
    assert got["$310 million"] == (date(2026, 4, 1), date(2026, 6, 30))


def test_a_year_after_the_level_is_not_the_figures_time() -> None:
    got = _times("Hotel bookings reached 4.1 million in 2025, still below the level of 2019.", "2026-02-02")
    assert got["4.1 million"] == (date(2025, 1, 1), date(2025, 12, 31))



# -- a change's own time after it, across a decimal point; the day figures were made public ----------------


def test_a_change_takes_the_time_after_it_across_a_decimal_point() -> None:
    got = _times("Rail freight averaged 12.1 trains a day in May, against 13.4 in May 2025, and the tonnage "
                 "carried on the network fell 6% to 4.7 million in the first quarter.", "2026-06-10")
    assert got["6%"] == (date(2026, 1, 1), date(2026, 3, 31))


def test_the_day_figures_were_released_is_not_a_baseline() -> None:
    got = _times("Wine exports rose 7% in the first half of 2026 from the same period last year, according to "
                 "data published on Monday by the trade body.", "2026-07-22")
    assert got["7%"] == (date(2026, 1, 1), date(2026, 6, 30))


def test_the_day_of_a_statement_after_a_comparison_dates_the_figure() -> None:
    got = _times("Residents cut water use by 11%, compared with 4% a year ago, the utility said on Thursday.",
                 "2026-08-15")
    assert got["11%"] == (date(2026, 8, 13), date(2026, 8, 13))


# -- a present perfect with a period under way runs to publication ---------------------------------------


def test_a_share_price_that_has_risen_this_year_runs_to_publication() -> None:
    got = _times("Its shares have gained about 31% this year.", "2026-05-19")
    assert got["about 31%"] == (date(2026, 1, 1), date(2026, 5, 19))


def test_a_count_that_has_grown_this_month_runs_to_publication() -> None:
    got = _times("The appeal has raised £2.4m this month, the charity said.", "2026-12-11")
    assert got["£2.4m"] == (date(2026, 12, 1), date(2026, 12, 11))


def test_a_plan_for_this_year_keeps_the_whole_year() -> None:
    got = _times("The county expects to plant 40,000 trees this year.", "2026-03-02")
    assert got["40,000"] == (date(2026, 1, 1), date(2026, 12, 31))


# -- a season the lead reports on carries to later past-tense figures; the lead's baseline never does ------


def test_a_season_in_the_lead_dates_later_past_tense_figures() -> None:
    text = ("Scottish farms picked 31,000 tonnes of raspberries this autumn, up 5% on a year earlier, the "
            "growers' group said.\n\nThe average price was £4.10 a kilo.")
    got = _times(text, "2026-12-04")
    assert got["31,000 tonnes"] == (date(2026, 9, 1), date(2026, 11, 30))
    assert got["£4.10"] == (date(2026, 9, 1), date(2026, 11, 30))


def test_a_season_under_way_in_the_lead_dates_later_past_tense_figures() -> None:
    text = ("Seaside hotels in Devon filled 81% of their rooms this summer, according to the tourist board.\n\n"
            "Bookings from abroad climbed 14%.")
    got = _times(text, "2026-08-20")
    assert got["14%"] == (date(2026, 6, 1), date(2026, 8, 31))


def test_the_leads_baseline_year_is_not_the_storys_period() -> None:
    text = ("Some 61% of pupils in Wales passed maths this summer, down from 63% last year, figures showed.\n\n"
            "Entries for physics fell 3%.")
    got = _times(text, "2026-08-21")
    assert got["63%"] == (date(2025, 1, 1), date(2025, 12, 31))
    assert got["3%"] == (date(2026, 6, 1), date(2026, 8, 31))


def test_a_fiscal_year_labelled_then_defined_is_that_years_twelve_months() -> None:
    text = "Riverside school district adopted a $640 million budget for fiscal 2028, which begins in July 2027."
    got = _times(text, "2027-06-10")
    assert got["$640 million"] == (date(2027, 7, 1), date(2028, 6, 30))


def test_weeks_to_a_day_are_the_reporting_period_of_later_figures() -> None:
    text = ("Grocery sales at Marlowe's rose 5.4% in the 12 weeks to 28 December, data from Kantar showed.\n\n"
            "Own-label sales grew 8%.")
    got = _times(text, "2027-01-06")
    assert got["5.4%"] == (date(2026, 10, 6), date(2026, 12, 28))  # 84 days
    assert got["8%"] == (date(2026, 10, 6), date(2026, 12, 28))


def test_the_day_of_an_earlier_move_is_neither_the_figures_nor_the_storys() -> None:
    # Published on a Friday: "on Wednesday" dates the earlier drop, not today's fall nor the figures after it.
    got = _times("The Halden index fell 0.8% to 182.4 points, after a 1.1% drop on Wednesday. The Orchid index "
                 "lost 2.1%. Copper slipped 0.3% to $9,858 a tonne, following a rally on Monday.", "2026-10-09")
    friday = (date(2026, 10, 9), date(2026, 10, 9))
    assert got["0.8%"] == got["2.1%"] == got["0.3%"] == friday
    assert got["1.1%"] == (date(2026, 10, 7), date(2026, 10, 7))


def test_a_move_on_a_day_named_before_after_stays_on_that_day() -> None:
    got = _times("Shares of Kestrel Logistics fell 8% on Tuesday after the company cut its forecast.", "2026-10-09")
    assert got["8%"] == (date(2026, 10, 6), date(2026, 10, 6))
