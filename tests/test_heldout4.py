"""Fourth annotated set, fixtures/heldout4/: eight articles written as a development set for tuning.

The articles (a retailer's holiday quarter and store count, a telecom operator's 5G subscribers and
spectrum auction, a miner's copper output and guidance, a national tourism release, a university's
enrolment and tuition, a battery maker's factory and contracts, a regional bank's quarterly results, a
city transit authority's ridership and fares) were written and labelled by hand without reading the
extractor's code or running it; see fixtures/heldout4/README.md. Unlike heldout3, this set is meant to be
tuned on, so its figures will overstate how the extractor does on unseen text.

Everything is shared with the earlier sets rather than copied: scoring is ``heldout_accuracy`` in
tests/test_heldout.py pointed at this folder, the label checks are ``check_well_formed`` there too, and
the printed table is tests/test_heldout2.py's. The pytest check asserts only modest floors; there are no
per-figure xfail lists.

Run ``python tests/test_heldout4.py`` for the per-field table and every disagreement.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the scoring helpers live beside this file
import test_fixtures_extract as base  # noqa: E402  (module objects: pytest does not collect their tests again)
import test_heldout as heldout  # noqa: E402
import test_heldout2 as heldout2  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HELDOUT4 = ROOT / "fixtures" / "heldout4"

#: Floors a little under the figures measured when the set was written (see ``python tests/test_heldout4.py``).
FLOORS: dict[str, float] = {
    # measured 2026-11-25 (python tests/test_heldout4.py), 230 labelled figures in 8 articles, first run after
    # the labels were final (one subject name made consistent, see the README): recall 0.974, precision
    # 1.0, value 0.974, bound 0.97, unit 0.913, value_bound_unit 0.909, subject 0.287, measure 0.596,
    # counted 0.757, scope 0.822, time 0.617, attribution 0.735; roles 0.0, events 0.167, memberships 0.0.
    # Only these three are asserted, a few points under what was measured; raise them (and add the fields
    # tuned on) as the set is used for development.
    "recall": 0.9,
    "precision": 0.9,
    "value": 0.9,
    # tuning round 1 (units, "¥" by document, "double the", "a third since", "by X to Y", "a year earlier",
    # "the end of June"): unit 0.913 -> 0.991, value_bound_unit 0.909 -> 0.991, time 0.617 -> 0.700,
    # recall 0.974 -> 0.996 (python tests/test_heldout4.py).
    "unit": 0.95,
    "value_bound_unit": 0.95,
    # time round 2 (a coming time dates only its own clause, price targets and dividends, "double the amount a
    # year earlier", "have risen ... this year"): time 0.735 -> 0.804.
    "time": 0.81,
    # tuning round 1, subject and attribution (short forms of names the title or lead gives in full, words
    # capitalised only where they open sentences, compound adjectives and "5G" not names, "The London-listed
    # miner" openers, "analysts at X estimate", "polled by X", titles not part of names): subject 0.287 ->
    # 0.752, attribution 0.735 -> 0.835, roles 0.0 -> 0.75 (python tests/test_heldout4.py).
    # tuning round 2 (places in locative phrases and lists, site names after "at the", "the government"):
    # subject 0.752 -> 0.813 (python tests/test_heldout4.py).
    # Later: amounts by the day, month or year are flows of what the text is about: subject 0.870 -> 0.883.
    "subject": 0.86,
    "attribution": 0.86,  # 0.887 after a speaker set off by a description ("X, the Y maker, said") is the source
    # measure round (money and power figures count nothing, "$3.2bn plant" is a cost, "tonnes of copper"
    # measures copper, "X% more/less than" is a change, "5G" codes in counted phrases, loans, deposits,
    # charge-offs, ridership, fares, tuition, "% of capacity"): measure 0.613 -> 0.717, counted 0.778 ->
    # 0.857 (python tests/test_heldout4.py).
    # measure round 2 (2026-11-25: money changes name what changed, "fare will rise by 25 cents" is a fare;
    # irregular verbs end a counted phrase; money before a noun takes the noun): measure 0.857 -> 0.874,
    # counted 0.857 -> 0.861, time 0.804 -> 0.813.
    "measure": 0.86,  # 0.874 -> 0.883 after measure round 3 of 2026-11-25 (a percentage of a whole joined by "be")
    "counted": 0.84,
    # 2026-11-25, third session (python tests/test_heldout4.py): subject 0.813 -> 0.865, roles 0.75 -> 0.875,
    # events 0.5 -> 0.833, memberships 0.0 -> 1.0.
    "roles": 0.8,
    "events": 0.8,
    "memberships": 0.95,
}


def heldout4_paths() -> list[Path]:
    """The fourth set's articles, sorted by name.

    >>> [p.stem for p in heldout4_paths()][:2]
    ['battery_factory', 'copper_output']
    """
    return heldout.heldout_paths(HELDOUT4)


def heldout4_accuracy(verbose: bool = False) -> dict[str, float]:
    """Per-field accuracy over fixtures/heldout4/, as ``heldout_accuracy`` in tests/test_heldout.py defines it."""
    return heldout.heldout_accuracy(verbose=verbose, folder=HELDOUT4)


# -- the labels are well-formed (runs without the extractor) -----------------------------------------


@pytest.mark.parametrize("path", heldout4_paths(), ids=lambda p: p.stem)
def test_heldout4_is_well_formed(path: Path) -> None:
    """The shared label checks (tests/test_heldout.py), for articles of 300-600 words."""
    heldout.check_well_formed(path, words=(300, 600))


def test_heldout4_size() -> None:
    paths = heldout4_paths()
    assert len(paths) == 8
    assert sum(len(base.load_expected(p)["claims"]) for p in paths) >= 200


# -- the extractor against the set ---------------------------------------------------------------------


def test_heldout4_accuracy() -> None:
    """Recall, precision and value accuracy on the fourth set stay above modest floors."""
    base.assert_floors("held-out 4", heldout4_accuracy(), FLOORS)


if __name__ == "__main__":
    heldout2.report(HELDOUT4)
