"""Conformance of factcheck's time parser with Microsoft Recognizers-Text DateTime specs.

Reads ``../shared/peers/recognizers-text/DateTime/English/DateTimeModel.json``
(never copied into the repo) and, for every expected date or date range, runs
:func:`factcheck.mentions.dates.find_times` on the input with the case's
reference date as the publication date, then compares the mention that overlaps
the expected text with the expected interval.

How the peer's answers are read:

* ``date`` values are one day; ``daterange`` values have an exclusive end. A
  range the text names at both ends ("2014 to 2018", "Jan-Feb 2017") ends, in
  the peer, where the last named period starts; factcheck includes that period,
  so such an end also passes as the whole last named period.
* Ambiguous cases list several values (past and future): any one may match.
* A range whose exclusive end is the reference date ("the past 5 years") is a
  window up to now; factcheck includes the publication day, so either end passes.
* ``since``/``after``/``before`` results give one bound: only that bound is compared.

Skipped, with the reason counted: times of day, durations and sets (not dates);
part-of-period modifiers (the peer splits periods in halves, factcheck in
thirds); back references (``ref_undef``: a later stage resolves those);
business-day lists; values the peer leaves unresolved.

``total`` counts compared results (skipped ones excluded). Run as
``python bench/conformance_dates.py`` (``-v`` lists failures).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from factcheck.mentions.dates import find_times
from factcheck.models import TimeMention

SPEC = (
    Path(__file__).resolve().parents[2]
    / "shared/peers/recognizers-text/DateTime/English/DateTimeModel.json"
)
DATE_TYPES = {"datetimeV2.date", "datetimeV2.daterange"}
_NAMED_RANGE = re.compile(r"\d\s*(?:-|~|–)\s*\w|\b(?:to|through|till|until|and|thru)\b", re.I)
_UNIT_OF = re.compile(r"P\d+(BD|[YMWD])\)$")
# Part-of-period modifiers: the peer uses halves ("late July" = 16-31), factcheck thirds.
_PART_MODS = ("start", "end", "mid")


def load_cases(path: Path = SPEC) -> list[dict[str, Any]]:
    """The spec's cases (the file starts with a byte-order mark)."""
    return json.loads(path.read_text(encoding="utf-8-sig"))


def _skip_reason(result: dict[str, Any]) -> str | None:
    kind = result.get("TypeName") or result.get("Typename")
    if kind not in DATE_TYPES:
        return f"type {kind}: not a date or date range"
    values = result["Resolution"].get("values", [])
    if not values or all(v.get("value") == "not resolved" for v in values):
        return "peer leaves it unresolved"
    mod = values[0].get("Mod", "")
    if mod == "ref_undef":
        return "back reference: resolved by a later stage"
    if any(part in mod for part in _PART_MODS):
        return "part of period: peer uses halves, factcheck thirds"
    if "list" in values[0]:
        return "business days"
    return None


def _end_of(d: date, unit: str) -> date:
    """The last day of the period of ``unit`` that starts on ``d``."""
    if unit == "Y":
        return date(d.year, 12, 31)
    if unit == "M":
        nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    if unit == "W":
        return d + timedelta(days=6)
    return d


def _expected(value: dict[str, Any], text: str, ref: date) -> list[tuple[date | None, date | None]]:
    """Acceptable (start, end) pairs, inclusive; None where the peer gives no bound."""
    if value.get("type") == "date":
        d = date.fromisoformat(value["value"])
        return [(d, d)]
    start = date.fromisoformat(value["start"]) if "start" in value else None
    end = date.fromisoformat(value["end"]) if "end" in value else None
    if end is None:
        return [(start, None)]
    if value.get("Mod") == "until":
        return [(start, end)]
    unit = _UNIT_OF.search(value.get("timex", ""))
    pairs = [(start, end - timedelta(days=1))]
    if unit and _NAMED_RANGE.search(text) and unit.group(1) != "BD":
        pairs.append((start, _end_of(end, unit.group(1))))
    if end == ref:
        pairs.append((start, end))
    return pairs


def _best(mentions: list[TimeMention], lo: int, hi: int) -> TimeMention | None:
    """Our mention overlapping [lo, hi) the most."""
    best, best_overlap = None, 0
    for m in mentions:
        overlap = min(hi, m.span.end) - max(lo, m.span.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def _passes(result: dict[str, Any], mentions: list[TimeMention], ref: date) -> bool:
    ours = _best(mentions, result["Start"], result["End"] + 1)
    if ours is None or not ours.time.resolved:
        return False
    for value in result["Resolution"]["values"]:
        for start, end in _expected(value, result["Text"], ref):
            if start is not None and ours.time.start != start:
                continue
            if end is not None and ours.time.end != end:
                continue
            return True
    return False


def run_suite(path: Path = SPEC, failures: list[str] | None = None) -> tuple[int, int, int]:
    """Compare every supported expected date; return (passed, total compared, skipped)."""
    passed = total = skipped = 0
    reasons: Counter[str] = Counter()
    for case in load_cases(path):
        ref_text = (case.get("Context") or {}).get("ReferenceDateTime")
        if not ref_text:
            skipped += len(case["Results"])
            reasons["no reference date"] += len(case["Results"])
            continue
        ref = date.fromisoformat(ref_text[:10])
        mentions = find_times(case["Input"], ref)
        for result in case["Results"]:
            reason = _skip_reason(result)
            if reason:
                skipped += 1
                reasons[reason.split(":")[0]] += 1
                continue
            total += 1
            if _passes(result, mentions, ref):
                passed += 1
            elif failures is not None:
                got = [(m.text, str(m.time.start), str(m.time.end)) for m in mentions]
                want = [(v.get("value") or (v.get("start"), v.get("end"))) for v in result["Resolution"]["values"]]
                failures.append(f"{ref} {case['Input']!r}: want {result['Text']!r} {want}; got {got}")
    run_suite.reasons = reasons  # type: ignore[attr-defined]
    return passed, total, skipped


def main() -> int:
    """Print the pass rate (and failures with ``-v``)."""
    if not SPEC.exists():
        print(f"skipped: {SPEC} not found")
        return 0
    failures: list[str] = []
    passed, total, skipped = run_suite(failures=failures)
    if "-v" in sys.argv:
        print("\n".join(failures))
    print(f"skipped {skipped}: " + ", ".join(f"{k} {v}" for k, v in run_suite.reasons.most_common()))  # type: ignore[attr-defined]
    print(f"dates conformance: {passed}/{total} = {passed / max(total, 1):.1%} (skipped {skipped})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
