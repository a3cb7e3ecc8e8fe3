"""Compare claims that share a key and say how they relate, with reasons.

The order of questions follows DESIGN.md:

1. different scope words (approved vs released) -> ``different_scope``;
2. times that cannot overlap -> ``change_over_time`` (a cumulative count that
   falls gets ``detail="falling"``);
3. units that cannot be related (a percentage and a count) -> ``incomparable``;
4. intervals that overlap, as stated or once rounding is allowed for ->
   ``consistent`` or ``hedge_or_rounding``; "over 40" against exactly 40 is
   ``hedge_or_rounding`` with ``detail="hedge_conflict"``;
5. for running totals, a smaller figure not called a total may be one batch
   of it -> ``different_scope`` with ``detail="part_of_total"``;
6. otherwise ``contradiction``; a gap of x10, x100 or x1000 is flagged as a
   likely scale or unit slip (``detail="scale_slip"``).

Rounding: an exact figure stands for any value it was rounded or truncated
from -- half a step of its last digit below, a whole step above -- but never
more than :data:`MAX_ROUNDING` of its size, so "$5.5M" and "$5.6 million"
cover $5.576 million while "200 million" does not cover 250 million.

>>> from factcheck.models import Quantity, Bound
>>> widened(Quantity(value=Decimal("5.6"), low=Decimal("5.6"), high=Decimal("5.6"), precision=Decimal("0.1")))
(Decimal('5.55'), Decimal('5.7'))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal

from factcheck._data import load_toml
from factcheck.keys import UnresolvedClusters, quantity_key
from factcheck.lexicon import LEXICON
from factcheck.models import Bound, Claim, Comparison, Quantity, QuantityClaim, Relation, TimeScope

#: The most that rounding may explain, relative to the stated value.
MAX_ROUNDING = Decimal("0.05")
#: How close a ratio must be to a power of ten to be called a scale slip.
SCALE_SLIP_TOLERANCE = Decimal("0.06")
#: Blocks larger than this are compared along time order only (see :func:`candidate_pairs`).
LARGE_BLOCK = 64

_RATES = {k: (Decimal(str(v[0])), Decimal(str(v[1]))) for k, v in load_toml("currencies.toml")["per_usd"].items()}
_MONEY = frozenset(_RATES)


def widened(q: Quantity) -> tuple[Decimal | None, Decimal | None]:
    """The interval a quantity allows once rounding of its figures is allowed for."""
    below = above = Decimal(0)
    if q.precision is not None and q.precision > 0:
        cap = abs(q.value) * MAX_ROUNDING
        below = min(q.precision / 2, cap)  # rounded up from at most half a step below
        above = min(q.precision, cap)  # rounded down, or truncated ("$5.5M" for $5.576M), from up to a step above
    low = None if q.low is None else q.low - below
    high = None if q.high is None else q.high + above
    return low, high


def _raw(q: Quantity) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """(low, high, low_open, high_open) as the words state them."""
    return q.low, q.high, q.bound is Bound.MORE_THAN, q.bound is Bound.LESS_THAN


def _overlap(a: tuple, b: tuple) -> bool:
    alo, ahi, alo_open, ahi_open = a
    blo, bhi, blo_open, bhi_open = b
    # a's low against b's high
    if alo is not None and bhi is not None:
        if alo > bhi or (alo == bhi and (alo_open or bhi_open)):
            return False
    if blo is not None and ahi is not None:
        if blo > ahi or (blo == ahi and (blo_open or ahi_open)):
            return False
    return True


def _to_usd_band(q: Quantity) -> Quantity | None:
    """The quantity in US dollars, as the widest interval the rate band allows."""
    if q.unit not in _MONEY:
        return None
    lo_rate, hi_rate = _RATES[q.unit]
    low, high = widened(q)
    return Quantity(
        value=q.value / hi_rate,
        low=None if low is None else low / hi_rate,
        high=None if high is None else high / lo_rate,
        bound=Bound.RANGE,
        unit="USD",
    )


def _aligned(a: QuantityClaim, b: QuantityClaim) -> tuple[Quantity, Quantity, str | None] | None:
    """The two quantities in one unit, or None when the units cannot be related."""
    qa, qb = a.quantity, b.quantity
    if qa.unit == qb.unit:
        return qa, qb, None
    for alt in b.also:  # "5 billion yuan (US$687.6 million)" meets a dollar figure directly
        if alt.unit == qa.unit:
            return qa, alt, None
    for alt in a.also:
        if alt.unit == qb.unit:
            return alt, qb, None
    if qa.unit in _MONEY and qb.unit in _MONEY:
        ua, ub = _to_usd_band(qa), _to_usd_band(qb)
        if ua is not None and ub is not None:
            return ua, ub, "currency"
    return None


def _ratio(qa: Quantity, qb: Quantity) -> Decimal | None:
    x, y = abs(qa.value), abs(qb.value)
    if x == 0 or y == 0:
        return None
    return max(x, y) / min(x, y)


def _scale_slip(ratio: Decimal | None) -> int | None:
    """The power of ten (1-3, or 6 and 9) a ratio sits on, if any."""
    if ratio is None:
        return None
    for k in (1, 2, 3, 6, 9):
        p = Decimal(10) ** k
        if abs(ratio - p) <= p * SCALE_SLIP_TOLERANCE:
            return k
    return None


def compare(a: QuantityClaim, b: QuantityClaim) -> Comparison:
    """How two quantity claims about one entity and measure relate, explained.

    The reason is written only when it is read (most comparisons of a large check never are);
    it is the text this function would have written at once.

    >>> from factcheck.models import EntityRef, Span, TimeScope
    >>> def fig(v):
    ...     q = Quantity(value=Decimal(v), low=Decimal(v), high=Decimal(v), precision=Decimal(1))
    ...     return QuantityClaim(doc_id="d", span=Span(start=0, end=1), text=v, sentence=v,
    ...                          sentence_span=Span(start=0, end=1), measure="users", quantity=q,
    ...                          time=TimeScope(start=date(2024, 5, 1), end=date(2024, 5, 1), text="1 May"))
    >>> c = compare(fig("60"), fig("90"))
    >>> c.relation.value, c.reason
    ('contradiction', 'The same quantity at the same time cannot be both exactly 60 and exactly 90. The larger is 1.50 times the smaller.')
    """
    relation, ratio, detail, _ = _relate(a, b, False)
    # Built without re-validation: both claims are validated records (and this runs once per pair).
    return Comparison.deferred((_reason, a, b), ("reason",), a=a, b=b, relation=relation, ratio=ratio,
                               detail=detail)


def _reason(a: QuantityClaim, b: QuantityClaim) -> dict[str, str]:
    """The reason of ``compare(a, b)``, written (filled into the comparison on first read)."""
    return {"reason": _relate(a, b, True)[3]}


def _relate(a: QuantityClaim, b: QuantityClaim, say: bool) -> tuple[Relation, Decimal | None, str | None, str | bool]:
    """(relation, ratio, detail, reason): the reason is written only when ``say`` (else it is falsy)."""
    if a.scope and b.scope and a.scope != b.scope:
        return (Relation.DIFFERENT_SCOPE, None, None,
                say and f"They count different things: {_scope_word(a)} versus {_scope_word(b)}.")
    overlap = a.time.overlaps(b.time)
    if overlap is False and a.measure in LEXICON.static:
        overlap = True  # a trained model's parameters do not change with the date they are reported on
    aligned = _aligned(a, b)
    if overlap is False:
        return _over_time(a, b, aligned, say)
    if aligned is None:
        return (Relation.INCOMPARABLE, None, None, say and
                f"One is in {_unit_word(a.quantity.unit)} and the other in {_unit_word(b.quantity.unit)}.")
    qa, qb, detail = aligned
    ratio = _ratio(qa, qb) if detail is None else None
    time_note = "" if overlap else " Neither time is known, so they are taken to refer to the same time."
    if _overlap(_raw(qa), _raw(qb)):
        same = qa.value == qb.value and qa.bound == qb.bound
        rel = Relation.CONSISTENT if same or detail == "currency" else Relation.HEDGE_OR_ROUNDING
        if not say:
            return rel, ratio, detail, ""
        if detail == "currency":
            why = "They agree once converted at a plausible exchange rate."
        elif same:
            why = "They state the same figure."
        else:
            why = "The ranges the words allow overlap (" + describe(qa) + " and " + describe(qb) + ")."
        return rel, ratio, detail, why + time_note
    wa, wb = widened(qa), widened(qb)
    if _overlap((wa[0], wa[1], False, False), (wb[0], wb[1], False, False)):
        touching = (qa.bound in (Bound.MORE_THAN, Bound.LESS_THAN) or qb.bound in (Bound.MORE_THAN, Bound.LESS_THAN)) and (
            qa.value == qb.value or qa.low == qb.high or qa.high == qb.low
        )
        if touching:
            return (Relation.HEDGE_OR_ROUNDING, ratio, "hedge_conflict", say and
                    f"The hedge excludes the other figure: {describe(qa)} cannot be {describe(qb)}, "
                    "though the gap may be loose wording." + time_note)
        return (Relation.HEDGE_OR_ROUNDING, ratio, detail,
                say and f"They differ only by rounding: {describe(qa)} and {describe(qb)}." + time_note)
    part = _part_of_total(a, b, qa, qb)
    if part:
        return Relation.DIFFERENT_SCOPE, ratio, "part_of_total", part + time_note
    slip = _scale_slip(ratio)
    if slip:
        why = say and (f"The figures differ by a factor of {10 ** slip:,} ({describe(qa)} against {describe(qb)}): "
                       "a likely scale or unit slip (thousand/million/billion, or a misplaced decimal point)."
                       + time_note)
        return Relation.CONTRADICTION, ratio, "scale_slip", why
    why = ""
    if say:
        why = f"The same quantity at the same time cannot be both {describe(qa)} and {describe(qb)}."
        if ratio is not None:
            why += f" The larger is {ratio.quantize(Decimal('0.01'))} times the smaller."
        why += time_note
    return Relation.CONTRADICTION, ratio, "time_unknown" if overlap is None else detail, why


def _part_of_total(a: QuantityClaim, b: QuantityClaim, qa: Quantity, qb: Quantity) -> str | None:
    """Why two figures of a running total may be a batch and the total, or None.

    "14 LLMs approved" beside "a total of 40 approved" is one batch of the
    total. For cumulative measures a smaller figure not called a total is read
    that way; two figures both called totals are held to each other.
    """
    if "increment" in (a.aggregate, b.aggregate):
        small = a if a.aggregate == "increment" else b
        return f"“{small.text}” is one batch or addition, not the running total."
    if not a.cumulative or (a.aggregate == "total" and b.aggregate == "total"):
        return None
    small, big = (a, b) if qa.value < qb.value else (b, a)
    if small.aggregate == "total":
        return None
    return (f"“{small.text}” is smaller than “{big.text}” and is not called a total: it may count one batch "
            "of the running total rather than contradict it.")


def _over_time(a: QuantityClaim, b: QuantityClaim, aligned, say: bool) -> tuple[Relation, Decimal | None, str | None, str]:
    first, second = (a, b) if _start(a.time) <= _start(b.time) else (b, a)
    detail = None
    if aligned is not None:
        qa, qb, _ = aligned if first is a else (aligned[1], aligned[0], aligned[2])
        lo_first = qa.low if qa.low is not None else qa.value
        hi_second = qb.high if qb.high is not None else None
        if a.cumulative and hi_second is not None and hi_second < lo_first:
            detail = "falling"
    ratio = _ratio(a.quantity, b.quantity) if a.quantity.unit == b.quantity.unit else None
    if not say:
        return Relation.CHANGE_OVER_TIME, ratio, detail, ""
    when = f"{time_word(first.time)} and {time_word(second.time)}"
    why = f"The figures refer to different times ({when}): a change over time, not a contradiction."
    if detail == "falling":
        why = (f"A running total fell from {describe(first.quantity)} ({time_word(first.time)}) to "
               f"{describe(second.quantity)} ({time_word(second.time)}): cumulative counts should not decrease.")
    return Relation.CHANGE_OVER_TIME, ratio, detail, why


def _start(t: TimeScope) -> date:
    return t.start or t.end or date.min


def explain(a: QuantityClaim, b: QuantityClaim, reason: str) -> str:
    """A plain explanation naming both sources, dates, quotes and the reason."""
    return f"{about(a)}: {_cite(a)}; {_cite(b)}. {reason}"


def about(c: QuantityClaim) -> str:
    """What a figure is about: "Ernie Bot — users"."""
    subject = c.subject.name if c.subject else "(unknown subject)"
    measure = LEXICON.label(c.measure) if c.measure else "figure"
    return f"{subject} — {measure}"


def _cite(c: Claim) -> str:
    where = c.path or c.doc_id
    if c.source:
        where = f"{c.source} ({where})"
    published = f", published {c.published.isoformat()}" if c.published else ""
    said = f", per {c.attribution}" if c.attribution else ""
    return f"{where}{published} says “{c.text}” for {time_word(c.time)}{said}"


def time_word(t: TimeScope) -> str:
    """A time in words with its resolved dates."""
    if t.as_of_publication:
        return f"the publication date ({t.start.isoformat()})" if t.start else "an unknown time"
    if t.start and t.end:
        rng = t.start.isoformat() if t.start == t.end else f"{t.start.isoformat()}..{t.end.isoformat()}"
        return f"“{t.text}” ({rng})" if t.text else rng
    if t.start:
        return f"“{t.text}” (from {t.start.isoformat()})"
    if t.end:
        return f"“{t.text}” (until {t.end.isoformat()})"
    return f"“{t.text}” (unresolved)" if t.text else "an unknown time"


def describe(q: Quantity) -> str:
    """A quantity in words: "more than 100,000,000", "about 300 USD", "40–50"."""
    unit = "" if q.unit in (None,) else (" %" if q.unit == "percent" else f" {q.unit}")
    v = f"{_fmt(q.value)}{unit}"
    words = {
        Bound.MORE_THAN: f"more than {v}", Bound.AT_LEAST: f"at least {v}", Bound.LESS_THAN: f"less than {v}",
        Bound.AT_MOST: f"at most {v}", Bound.APPROX: f"about {v}",
    }
    if q.bound is Bound.RANGE:
        return f"{_fmt(q.low)}–{_fmt(q.high)}{unit}" if q.low is not None and q.high is not None else f"{v} (range)"
    return words.get(q.bound, f"exactly {v}" if q.precision in (None, Decimal(1)) else v)


def _fmt(x: Decimal | None) -> str:
    if x is None:
        return "?"
    if x == x.to_integral_value():
        return f"{int(x):,}"
    return f"{x.normalize():,f}"


def _scope_word(c: QuantityClaim) -> str:
    return f"{c.scope} ({describe(c.quantity)}, {time_word(c.time)})"


def _unit_word(unit: str | None) -> str:
    return {None: "a plain count", "percent": "per cent", "times": "a multiple"}.get(unit, unit or "")


# -- blocking ------------------------------------------------------------------------


def blocks(claims: Iterable[QuantityClaim], clusters: UnresolvedClusters | None = None) -> dict[tuple[str, str], list[QuantityClaim]]:
    """Quantity claims grouped by ``(entity, measure)``; claims without a key are left out."""
    clusters = clusters or UnresolvedClusters()
    out: dict[tuple[str, str], list[QuantityClaim]] = defaultdict(list)
    for c in claims:
        key = quantity_key(c, clusters)
        if key is not None:
            out[key].append(c)
    return out


def candidate_pairs(block: Sequence[QuantityClaim]) -> Iterator[tuple[QuantityClaim, QuantityClaim]]:
    """Pairs worth comparing inside one block.

    Small blocks give every pair. Large ones are sorted by time: each claim
    meets the claims whose times overlap it and its successor in time, so a
    popular figure repeated in a thousand articles costs about linear time.
    """
    if len(block) <= LARGE_BLOCK:
        for i in range(len(block)):
            for j in range(i + 1, len(block)):
                yield block[i], block[j]
        return
    ordered = sorted(block, key=lambda c: (_start(c.time), c.time.end or date.max))
    for i, c in enumerate(ordered):
        end = c.time.end or date.max
        j = i + 1
        while j < len(ordered) and (j == i + 1 or _start(ordered[j].time) <= end) and j - i <= LARGE_BLOCK:
            yield c, ordered[j]
            j += 1


def compare_blocks(claims: Iterable[Claim], *, pair_filter=None) -> Iterator[list[Comparison]]:
    """Comparisons block by block (one list per ``(entity, measure)`` key with two or more claims)."""
    quantity = (c for c in claims if isinstance(c, QuantityClaim))
    for block in blocks(quantity).values():
        if len(block) < 2:
            continue
        out = []
        for a, b in candidate_pairs(block):
            if a.doc_id == b.doc_id and a.sentence_index == b.sentence_index:
                continue  # figures in one sentence are set beside each other on purpose ("from 10 to 20")
            if pair_filter is not None and not pair_filter(a, b):
                continue
            out.append(compare(a, b))
        if out:
            yield out


def compare_all(claims: Iterable[Claim], *, pair_filter=None) -> Iterator[Comparison]:
    """Compare every candidate pair of quantity claims that share a key.

    ``pair_filter(a, b)`` may veto pairs (e.g. source against source when a
    draft is checked against sources).
    """
    for block in compare_blocks(claims, pair_filter=pair_filter):
        yield from block
