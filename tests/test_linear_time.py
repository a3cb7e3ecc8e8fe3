"""Hostile input stays linear: a run-on sentence twice as long gives twice the claims.

Each figure's searches (its clause, noun phrase, cues, subject) read a bounded window
around it, so the work per figure does not grow with the sentence. No timing is asserted
here (bench/extract.py prints the seconds); the claim counts check that bounding the
windows lost nothing: every repeat of the phrase still yields the same claims.
"""

from __future__ import annotations

import pytest

from factcheck.claims import extract_claims
from factcheck.documents import load_document

# One sentence, no clause break: "... and ... and ..." (about 20 KB at the size used below).
RUN_ONS = {
    "period": ("Revenue rose 5% in the three months to June and ", 1),
    "from-to": ("sales rose from 5% to 7% and ", 2),
    "roles": ("Acme chief executive Jane Doe said the firm hired 300 staff and ", 1),
    "rounds": ("Acme raised $5m in a round led by Sequoia Capital, while ", 1),
    "founders": ("Brightline, founded by Tomas Adler, hired 40 staff and ", 1),
    "places": ("the Bank of Japan and Japan's Kisaragi Motor sold 5 cars and ", 1),
}


def _claims(unit: str, n: int) -> list:
    return extract_claims(load_document(None, text=unit * n + "more.\n"))


@pytest.mark.parametrize("name", sorted(RUN_ONS))
def test_run_on_sentence_doubles(name: str) -> None:
    unit, per_unit = RUN_ONS[name]
    n = 20_000 // len(unit)
    once = [c for c in _claims(unit, n) if c.kind == "quantity"]
    twice = [c for c in _claims(unit, 2 * n) if c.kind == "quantity"]
    assert len(once) == per_unit * n
    assert len(twice) == 2 * len(once)


def test_far_figures_keep_their_reading() -> None:
    # The last repeat of a 20 KB run-on reads like the first: same measure, same counted noun.
    unit = "sales rose from 5% to 7% and "
    claims = _claims(unit, 20_000 // len(unit))
    first, last = claims[0], claims[-2]  # each repeat gives the 5% then the 7%
    assert (first.measure, first.counted, first.quantity.value) == (last.measure, last.counted, last.quantity.value)


def test_round_phrases_are_read_only_a_few_times_per_sentence() -> None:
    from factcheck.rounds import MAX_ROUNDS

    unit = "Acme raised $5m in a round led by Sequoia Capital, while "
    rounds = [c for c in _claims(unit, 200) if c.kind == "round"]
    assert len(rounds) == MAX_ROUNDS  # a run-on of 200 "led by" phrases: the first few are read


def test_unit_symbols_after_figures_stay_linear() -> None:
    # "1 GW 1 GW ...": every "GW" is a capitalised candidate right after a figure; each used to copy the text
    # before it (quadratic). Twice the input must give twice the claims (a quadratic finder would not return).
    unit = "1 GW "
    once = [c for c in _claims(unit, 2000) if c.kind == "quantity"]
    twice = [c for c in _claims(unit, 4000) if c.kind == "quantity"]
    assert once and len(twice) == 2 * len(once)
