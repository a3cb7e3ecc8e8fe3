"""Sixth annotated set, fixtures/heldout6/: eight articles written blind as a development set.

The articles (an Indian IPO and its first day of trading, a Japanese carmaker's US recall and plant closure
with a forecast for the fiscal year ending March 2027, a Spanish telecom operator's data breach, a heatwave
and drought in Zambia and Zimbabwe, Panama Canal transit cuts, a Colombian presidential run-off, a video
streaming service's quarter, an EU steel quota and tariff plan) were written and labelled by hand without
reading the extractor's code or running it; see fixtures/heldout6/README.md. Like heldout4, this set is a
development set: written blind, then meant to be tuned on, so its figures will overstate how the extractor
does on unseen text (fixtures/heldout3/ and fixtures/heldout5/ stay the honest measure).

Everything is shared with the earlier sets rather than copied: scoring is ``heldout_accuracy`` in
tests/test_heldout.py pointed at this folder, the label checks are ``check_well_formed`` there too, and
the printed table is tests/test_heldout2.py's. The pytest check asserts floors a few points under the first
scored run; there are no per-figure xfail lists.

Run ``python tests/test_heldout6.py`` for the per-field table and every disagreement.
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
HELDOUT6 = ROOT / "fixtures" / "heldout6"

#: Floors a few points under the first scored run (``python tests/test_heldout6.py``, 2026-11-25, 226 figures,
#: before any tuning on this set): recall 0.991, precision 0.991, value 0.991, unit 0.942, value_bound_unit
#: 0.942, subject 0.553, measure 0.615, counted 0.801, scope 0.765, time 0.708, attribution 0.805; roles 0.417,
#: events 0.25, memberships 0.0. Raise them as the set is tuned on.
FLOORS: dict[str, float] = {
    "recall": 0.95,
    "precision": 0.95,
    "value": 0.95,
    "value_bound_unit": 0.95,
    "subject": 0.7,  # 0.721 after the flows by the day/month/year and the paragraph openers that name nothing
    "measure": 0.80,  # 0.810 -> 0.814 after measure round 2 of 2026-11-25 (money changes, clause heads); 0.823 after round 3
    "counted": 0.84,
    "scope": 0.7,
    # time round 2 (a coming time dates only its own clause, statement days are no baseline, "the current
    # year" in a fiscal-year story): time 0.796 -> 0.827.
    "time": 0.82,
    "attribution": 0.87,  # 0.894 after a speaker set off by a description and "equities" ending firm names
    # tuning round, same day (units of length and currencies by name, "ending"/"this fiscal year", roles by
    # verb, department and founding, "Among the X are A, B and C", quoted titles, "Germany's Nordstahl"):
    # value_bound_unit 0.942 -> 0.978, time 0.708 -> 0.748, attribution 0.805 -> 0.854, roles 0.417 -> 0.833,
    # events 0.25 -> 0.75, memberships 0.0 -> 0.556.
    # sixth session (appointments without "as", members named after a description): roles 1.0, memberships
    # 0.889.
    "roles": 0.9,
    "events": 0.7,
    "memberships": 0.8,
}


def heldout6_paths() -> list[Path]:
    """The sixth set's articles, sorted by name.

    >>> [p.stem for p in heldout6_paths()][:2]
    ['canal_transits', 'carmaker_recall']
    """
    return heldout.heldout_paths(HELDOUT6)


def heldout6_accuracy(verbose: bool = False) -> dict[str, float]:
    """Per-field accuracy over fixtures/heldout6/, as ``heldout_accuracy`` in tests/test_heldout.py defines it."""
    return heldout.heldout_accuracy(verbose=verbose, folder=HELDOUT6)


# -- the labels are well-formed (runs without the extractor) -----------------------------------------


@pytest.mark.parametrize("path", heldout6_paths(), ids=lambda p: p.stem)
def test_heldout6_labels_well_formed(path: Path) -> None:
    """The shared label checks (tests/test_heldout.py), for articles of 300-600 words."""
    heldout.check_well_formed(path, words=(300, 600))


def test_heldout6_labels_size() -> None:
    paths = heldout6_paths()
    assert len(paths) == 8
    assert sum(len(base.load_expected(p)["claims"]) for p in paths) >= 200


# -- the extractor against the set ---------------------------------------------------------------------


def test_heldout6_floors() -> None:
    """Accuracy on the sixth set stays above floors set under its first scored run."""
    base.assert_floors("held-out 6", heldout6_accuracy(), FLOORS)


if __name__ == "__main__":
    heldout2.report(HELDOUT6)
