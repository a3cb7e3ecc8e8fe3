"""Conformance of find_numbers against other extractors' test data (read from ../shared/peers).

Run ``python bench/conformance.py`` for a table of pass rates per suite, or
``python bench/conformance.py --show currency`` to list one suite's failures.

Where factcheck differs on purpose the case (or one expected result) is skipped with a
stated reason: dates and years are times, not quantities; ordinals and identifiers
("SCP-173", "192.168.1.2", phone numbers) are not figures; a bare "one" is a pronoun;
dimensions other than durations and percentages are not modelled, so for those only
the value is compared. Shares are percentages here ("two thirds" -> 66.6667 percent),
so a share matches the expected fraction times 100; "50 cents" is 0.50 USD here.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

import factcheck  # noqa: E402,F401  (the package first: its modules import each other)
from factcheck.mentions.numbers import find_numbers  # noqa: E402
from factcheck.models import Bound, NumberMention  # noqa: E402

PEERS = Path(__file__).resolve().parents[2] / "shared" / "peers"
RT = "recognizers-text"

# recognizers-text and quantulum3 unit names -> (our unit, factor applied to their value)
UNITS: dict[str, tuple[str | None, Decimal]] = {
    "Dollar": ("USD", Decimal(1)),
    "United States dollar": ("USD", Decimal(1)),
    "dollar": ("USD", Decimal(1)),
    "Pound": ("GBP", Decimal(1)),
    "pound sterling": ("GBP", Decimal(1)),
    "Euro": ("EUR", Decimal(1)),
    "euro": ("EUR", Decimal(1)),
    "Chinese yuan": ("CNY", Decimal(1)),
    "Japanese yen": ("JPY", Decimal(1)),
    "Hong Kong dollar": ("HKD", Decimal(1)),
    "Canadian dollar": ("CAD", Decimal(1)),
    "Australian dollar": ("AUD", Decimal(1)),
    "Swiss franc": ("CHF", Decimal(1)),
    "Cent": ("USD", Decimal("0.01")),
    "cent": ("USD", Decimal("0.01")),
    "Pence": ("GBP", Decimal("0.01")),
    "Penny": ("GBP", Decimal("0.01")),
    "penny": ("GBP", Decimal("0.01")),
    "percentage": ("percent", Decimal(1)),
    "dimensionless": (None, Decimal(1)),
    "second": ("seconds", Decimal(1)),
    "minute": ("minutes", Decimal(1)),
    "hour": ("hours", Decimal(1)),
    "day": ("days", Decimal(1)),
    "week": ("weeks", Decimal(1)),
    "month": ("months", Decimal(1)),
    "year": ("years", Decimal(1)),
}

# Inputs that are something else by design: (pattern, reason)
BY_DESIGN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), "dates are times, not quantities"),
    (re.compile(r"\+\d[\d/-]{6,}"), "phone numbers are not quantities"),
    (re.compile(r"\d+\.\d+\.\d+"), "dotted identifiers (IP addresses, versions)"),
    (re.compile(r"[A-Za-z]-\d"), "identifiers with digits (SCP-173)"),
    (re.compile(r"\b(?:tenth|fifteenth|first|second)\b.*\b(?:tenth|fifteenth)\b"), "ordinals"),
    (re.compile(r"\d(?:st|nd|rd|th)\b"), "ordinals"),
]


@dataclass
class Outcome:
    """One case: passed, or skipped with a reason, or failed with what we found."""

    input: str
    passed: bool
    skipped: str | None
    expected: Any
    got: list[str]


def _load(rel: str) -> list[dict[str, Any]]:
    return json.loads((PEERS / rel).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _dec(x: Any) -> Decimal | None:
    try:
        return Decimal(str(x))
    except (InvalidOperation, ValueError):
        return None


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= max(abs(b), Decimal(1)) * Decimal("1e-4")


def _values(m: NumberMention) -> list[Decimal]:
    """Values a mention may be compared by: the value, a share as a fraction, a range's middle."""
    q = m.quantity
    out = [q.value]
    if q.unit == "percent":
        out.append(q.value / 100)
    if q.bound is Bound.RANGE and q.high is not None:
        out.append((q.value + q.high) / 2)
    return out


def _design_skip(text: str) -> str | None:
    for pattern, reason in BY_DESIGN:
        if pattern.search(text):
            return reason
    return None


def _match(expected: list[tuple[Decimal, str | None, bool]], got: list[NumberMention]) -> bool:
    """Match each expected (value, unit, check_unit) to a distinct mention."""
    used: set[int] = set()
    for value, unit, check_unit in expected:
        for i, m in enumerate(got):
            if i in used:
                continue
            if any(_close(v, value) for v in _values(m)) and (
                not check_unit or m.quantity.unit == unit
            ):
                used.add(i)
                break
        else:
            return False
    return True


def _show(got: list[NumberMention]) -> list[str]:
    return [f"{m.text!r}={m.quantity.value}{' ' + m.quantity.unit if m.quantity.unit else ''}"
            f" [{m.quantity.bound.value}]" for m in got]


# -- suites ---------------------------------------------------------------------------------


def _number(cases: list[dict[str, Any]], percent: bool) -> Iterator[Outcome]:
    for case in cases:
        text = case["Input"]
        got = find_numbers(text)
        reason = _design_skip(text)
        expected = []
        for r in case["Results"]:
            raw = str(r["Resolution"].get("value"))
            value = _dec(raw.rstrip("%"))
            if value is None:
                continue  # no figure ("percent" alone)
            if r["Text"].strip().lower() == "one":
                continue  # a bare "one" is not reported by design
            expected.append((value, "percent" if percent else None, percent))
        if reason:
            yield Outcome(text, False, reason, case["Results"], _show(got))
            continue
        if percent:
            ok = len(got) == len(expected) and _match(expected, got)
        else:
            ok = len(got) == len(expected) and _match(expected, got)
        yield Outcome(text, ok, None, [(str(v), u) for v, u, _ in expected], _show(got))


_INTERVAL = re.compile(r"([\[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])")


def _interval(m: NumberMention) -> tuple[Decimal | None, bool, Decimal | None, bool] | None:
    """(low, low_open, high, high_open) of a hedged or ranged mention; None for plain ones."""
    q = m.quantity
    if q.bound is Bound.EXACT and m.hedge is None:
        return None
    low = None if q.low == 0 and q.bound in (Bound.LESS_THAN, Bound.AT_MOST) else q.low
    high = q.high
    if q.unit == "percent":  # a share is a percentage here; they give the fraction
        low = None if low is None else low / 100
        high = None if high is None else high / 100
    return (low, q.bound is Bound.MORE_THAN, high, q.bound is Bound.LESS_THAN)


def _same(ours: tuple[Any, ...], theirs: tuple[Any, ...], ranged: bool) -> bool:
    lo, lo_open, hi, hi_open = ours
    tlo, tlo_open, thi, thi_open = theirs

    def eq(a: Decimal | None, b: Decimal | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and _close(a, b))

    if not (eq(lo, tlo) and eq(hi, thi)):
        return False
    if ranged:  # their ranges are half-open by convention; ours are closed
        return True
    return (lo is None or lo_open == tlo_open) and (hi is None or hi_open == thi_open)


def _range(cases: list[dict[str, Any]]) -> Iterator[Outcome]:
    for case in cases:
        text = case["Input"]
        got = find_numbers(text)
        reason = _design_skip(text)
        if reason:
            yield Outcome(text, False, reason, case["Results"], _show(got))
            continue
        theirs = []
        for r in case["Results"]:
            m = _INTERVAL.match(r["Resolution"]["value"])
            if not m:
                continue
            lo, hi = _dec(m.group(2)) if m.group(2) else None, _dec(m.group(3)) if m.group(3) else None
            theirs.append((lo, m.group(1) == "(", hi, m.group(4) == ")"))
        ours = [(iv, mm.quantity.bound is Bound.RANGE) for mm in got if (iv := _interval(mm))]
        left = list(ours)
        ok = True
        for t in theirs:
            hit = next((o for o in left if _same(o[0], t, o[1])), None)
            if hit is not None:
                left.remove(hit)
                continue
            # "more than 10 and less than 20" is two figures here: accept the pair
            lower = next((o for o in left if o[0][2] is None and t[0] is not None
                          and _same((o[0][0], o[0][1], None, False), (t[0], t[1], None, False), False)), None)
            upper = next((o for o in left if o[0][0] is None and t[2] is not None
                          and _same((None, False, o[0][2], o[0][3]), (None, False, t[2], t[3]), False)), None)
            if lower and upper:
                left.remove(lower)
                left.remove(upper)
                continue
            ok = False
        ok = ok and not left
        yield Outcome(text, ok, None, [r["Resolution"]["value"] for r in case["Results"]], _show(got))


def _currency(cases: list[dict[str, Any]]) -> Iterator[Outcome]:
    for case in cases:
        text = case["Input"]
        got = find_numbers(text)
        expected = []
        for r in case["Results"]:
            value = _dec(r["Resolution"].get("value"))
            if value is None:
                continue  # a currency name without a figure
            unit, factor = UNITS.get(r["Resolution"].get("unit", ""), (None, Decimal(1)))
            expected.append((value * factor, unit, unit is not None))
        money = [m for m in got if m.quantity.unit and m.quantity.unit.isupper()]
        unmodelled = sum(1 for _, _, check in expected if not check)
        ok = _match(expected, got) and len(money) <= len(expected) and \
            len(money) >= len(expected) - unmodelled
        yield Outcome(text, ok, None, [(str(v), u) for v, u, _ in expected], _show(got))


def _dimension(cases: list[dict[str, Any]]) -> Iterator[Outcome]:
    for case in cases:
        text = case["Input"]
        got = find_numbers(text)
        expected = [(v, None, False) for r in case["Results"]
                    if (v := _dec(r["Resolution"].get("value"))) is not None]
        if not case["Results"]:
            yield Outcome(text, False, "no dimension expected; plain numbers are figures here",
                          [], _show(got))
            continue
        yield Outcome(text, _match(expected, got), None, [str(v) for v, _, _ in expected], _show(got))


def _quantulum(cases: list[dict[str, Any]]) -> Iterator[Outcome]:
    for case in cases:
        text = case["req"]
        got = find_numbers(text)
        expected = []
        for r in case["res"]:
            value = _dec(r["value"])
            if value is None:
                continue
            surface = r["surface"].strip()
            if r["unit"] == "dimensionless" and re.fullmatch(r"1[89]\d\d|20\d\d", surface):
                continue  # a year is a time here
            unit, factor = UNITS.get(r["unit"], (None, Decimal(1)))
            known = r["unit"] in UNITS
            expected.append((value * factor, unit, known and unit is not None))
        if not case["res"]:
            ok = not got
        else:
            ok = _match(expected, got)
        yield Outcome(text, ok, None, [(str(v), u) for v, u, _ in expected], _show(got))


SUITES: dict[str, tuple[str, Callable[[list[dict[str, Any]]], Iterator[Outcome]]]] = {
    "number": (f"{RT}/Number/English/NumberModel.json", lambda c: _number(c, False)),
    "percent": (f"{RT}/Number/English/PercentModel.json", lambda c: _number(c, True)),
    "range": (f"{RT}/Number/English/NumberRangeModel.json", _range),
    "currency": (f"{RT}/NumberWithUnit/English/CurrencyModel.json", _currency),
    "dimension": (f"{RT}/NumberWithUnit/English/DimensionModel.json", _dimension),
    "quantulum3": ("quantulum3/quantities.json", _quantulum),
}


def outcomes(name: str) -> list[Outcome]:
    """Every case of one suite with its outcome."""
    rel, check = SUITES[name]
    return list(check(_load(rel)))


def run_suite(name: str) -> tuple[int, int, int]:
    """(passed, total, skipped) for one suite; total counts the cases not skipped."""
    results = outcomes(name)
    skipped = sum(1 for r in results if r.skipped)
    passed = sum(1 for r in results if r.passed)
    return passed, len(results) - skipped, skipped


def main(argv: list[str]) -> int:
    if not PEERS.is_dir():
        print(f"peer data not found at {PEERS}")
        return 0
    if len(argv) > 1 and argv[0] == "--show":
        for r in outcomes(argv[1]):
            if not r.passed and not r.skipped:
                print(f"{r.input!r}\n    expected {r.expected}\n    got      {r.got}")
        return 0
    print(f"{'suite':<12}{'passed':>8}{'total':>8}{'rate':>8}{'skipped':>9}")
    for name in SUITES:
        passed, total, skipped = run_suite(name)
        rate = passed / total if total else 1.0
        print(f"{name:<12}{passed:>8}{total:>8}{rate:>8.1%}{skipped:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
