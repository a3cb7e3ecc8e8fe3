"""Checker scale (run: ``python bench/check.py [N ...]``, default 100000 1000000).

Generates N quantity claims over N/20 entities (50,000 for a million) and five
measures, with dates spread over three years, hedges, scopes and a small share
of planted contradictions, then times ``factcheck.check`` on them (claims
given directly, so only keys, comparisons and rules are measured) and reports
claims per second and peak memory. Each size runs in a fresh process so the
peaks do not mix. Nothing is asserted.

The claims are shaped like extracted ones: a document's claims share its id
and path strings, and 60 % of figures name a source from a small pool (most
news figures are attributed), so FC502 fires on the other 40 %. Every built-in
rule runs.
"""

from __future__ import annotations

import os
import sys

# This folder holds a script named "numbers.py", which shadows the standard library's "numbers"
# module: imported first, it makes decimal fall back to its slow pure-Python twin (_pydecimal)
# and every figure costs microseconds. Keep the folder off the import path before anything else.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
sys.path.insert(0, os.path.dirname(_HERE))

import random  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from decimal import Decimal  # noqa: E402

from factcheck.checker import check  # noqa: E402
from factcheck.models import (  # noqa: E402
    Bound, Document, EntityRef, Granularity, Quantity, QuantityClaim, Span, TimeScope,
)

MEASURES = ["users", "llms", "valuation", "revenue", "employees"]
SCOPES = [None, None, None, "approved", "released"]
SOURCES = ["the company", "the ministry", "IDC", "Reuters", "a spokesperson", "the regulator"]
#: Share of figures that name a source.
ATTRIBUTED = 0.6


def make_claims(n: int, seed: int = 7) -> tuple[list[Document], list[QuantityClaim]]:
    rng = random.Random(seed)
    entities = [EntityRef(id=f"e{i}", name=f"Entity {i}", surface=f"Entity {i}") for i in range(max(1, n // 20))]
    docs_n = max(1, n // 10)
    docs = [Document(id=f"d{i}", path=f"doc{i}.md", text="", prose="") for i in range(docs_n)]
    # One time object per day, shared as real documents of one day would be.
    start = date(2022, 1, 1)
    days = [TimeScope(start=start + timedelta(d), end=start + timedelta(d), granularity=Granularity.DAY,
                      text=str(start + timedelta(d))) for d in range(3 * 365)]
    base: dict[tuple[int, int], int] = {}
    claims = []
    span = Span(start=0, end=3)
    step = Decimal(1000)  # one precision object for all: precisions are a handful of powers of ten
    for i in range(n):
        e = rng.randrange(len(entities))
        m = rng.randrange(len(MEASURES))
        day = rng.randrange(len(days))
        v0 = base.setdefault((e, m), rng.randint(10, 10_000) * 1000)
        value = v0 + v0 * day // 1000  # slow growth over time
        if rng.random() < 0.01:
            value *= rng.choice([2, 10, 1000])  # a planted contradiction or scale slip
        hedge = rng.random()
        v = Decimal(value)
        if hedge < 0.2:
            q = Quantity(value=v, low=v, high=None, bound=Bound.MORE_THAN, precision=step)
        elif hedge < 0.3:
            q = Quantity(value=v, low=v * Decimal("0.9"), high=v * Decimal("1.1"), bound=Bound.APPROX,
                         precision=step)
        else:
            q = Quantity(value=v, low=v, high=v, bound=Bound.EXACT, precision=step)
        doc = docs[i % docs_n]
        source = SOURCES[rng.randrange(len(SOURCES))] if rng.random() < ATTRIBUTED else None
        claims.append(QuantityClaim(
            doc_id=doc.id, path=doc.path, span=span, text=str(value), sentence=f"Figure {value}.",
            sentence_span=span, sentence_index=i, subject=entities[e], measure=MEASURES[m],
            scope=SCOPES[rng.randrange(len(SCOPES))], quantity=q, time=days[day], attribution=source,
        ))
    return docs, claims


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(n: int) -> None:
    t0 = time.perf_counter()
    docs, claims = make_claims(n)
    made = time.perf_counter() - t0
    before = peak_mb()
    t1 = time.perf_counter()
    report = check(docs, claims=claims)
    elapsed = time.perf_counter() - t1
    print(f"{n:>10,} claims  {len(claims) // 20:>7,} entities  generate {made:6.1f} s  check {elapsed:6.1f} s  "
          f"{n / elapsed:>9,.0f} claims/s  comparisons {report.stats['comparisons']:>10,}  "
          f"findings {len(report.findings):>9,}  peak RSS {peak_mb():7.0f} MB (after generating {before:6.0f} MB)")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        one(int(sys.argv[2]))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]
    for n in sizes:
        subprocess.run([sys.executable, os.path.abspath(__file__), "--one", str(n)], check=False)


if __name__ == "__main__":
    main()
