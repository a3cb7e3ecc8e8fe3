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
