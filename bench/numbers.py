"""Throughput and linearity of find_numbers (run: ``python bench/numbers.py``).

Prints MB/s on several MB of generated news-like text, the ratio to a bare
``re.finditer(r"\\d+")`` scan of the same text, and seconds for hostile inputs at
1 MB and 2 MB with their ratio (about 2 means linear). Nothing is asserted.
"""

from __future__ import annotations

import os
import sys

# This script shares its name with the standard library's "numbers" module, which
# decimal imports: keep the script's own folder off the import path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
sys.path.insert(0, os.path.dirname(_HERE))  # run from a checkout

import random  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

import factcheck  # noqa: E402,F401  (the package first: its modules import each other)
from factcheck.mentions.numbers import find_numbers  # noqa: E402

SUBJECTS = ["Baidu", "Alibaba", "Tencent", "SenseTime", "Zhipu AI", "iFlytek", "MiniMax",
            "Moonshot", "the regulator", "the ministry", "China", "Beijing", "ByteDance"]
MEASURES = ["users", "LLMs", "applications", "employees", "enterprise clients", "tokens",
            "parameters", "daily queries", "models", "approvals"]
HEDGES = ["", "", "", "more than ", "over ", "about ", "nearly ", "at least ", "up to ",
          "some ", "an estimated ", "fewer than ", "roughly "]
MONTHS = ["January", "April", "August", "December", "Aug.", "Sept."]
VERSIONS = ["Ernie 3.5", "Llama 3.1", "GPT-4", "Qwen2.5", "DeepSeek-V3", "01.AI"]


def figure(rng: random.Random) -> str:
    """One figure in one of many surface forms."""
    n = rng.randint(1, 999)
    kind = rng.randrange(9)
    if kind == 0:
        return f"{n:,}"
    if kind == 1:
        return f"{n}.{rng.randint(0, 99)} {rng.choice(['million', 'billion'])}"
    if kind == 2:
        return f"${n}.{rng.randint(1, 9)}{rng.choice(['M', 'bn', 'B', 'K'])}"
    if kind == 3:
        return f"{n} per cent"
    if kind == 4:
        return f"{rng.choice(['twenty-one', 'fourteen', 'a hundred', 'two dozen', 'a few hundred'])}"
    if kind == 5:
        return f"between {n} and {n + rng.randint(1, 50)}"
    if kind == 6:
        return f"{n * 1000:,} yuan (US${n / 7:.1f} million)"
    if kind == 7:
        return f"{n}%"
    return str(n)


FILLER = [
    "The approach reflects the country's dual focus on advancing technology while keeping control.",
    "Analysts said the move signalled a shift towards industry-specific applications.",
    "Regulators have asked companies to submit security assessments before launch.",
    "The company declined to comment on the report when contacted by reporters.",
    "Critics argue that the rules could slow innovation among smaller start-ups.",
    "Officials described the policy as part of a broader push for digital growth.",
]


def sentence(rng: random.Random) -> str:
    """A news-like sentence with figures, hedges, dates, years and names with digits."""
    s, m = rng.choice(SUBJECTS), rng.choice(MEASURES)
    templates = [
        f"{s} said {rng.choice(HEDGES)}{figure(rng)} {m} signed up in {rng.randint(2015, 2025)}.",
        f"On {rng.randint(1, 28)} {rng.choice(MONTHS)}, {s} reported {figure(rng)} {m}.",
        f"According to {s}, {rng.choice(VERSIONS)} handled {rng.choice(HEDGES)}{figure(rng)} {m}.",
        f"The report (Zhang, {rng.randint(2019, 2024)}, pp. {rng.randint(1, 90)}-{rng.randint(91, 200)}) "
        f"found that {figure(rng)} of {m} came from {s}.",
        f"{s} grew {rng.randint(2, 11)} times faster than rivals, see https://example.com/{rng.randint(1, 10**6)}.",
        f"Article {rng.randint(1, 30)} of the rules took effect on {rng.choice(MONTHS)} {rng.randint(1, 28)}.",
    ]
    # news prose: roughly one sentence in three carries figures
    return rng.choice(templates) if rng.random() < 0.35 else rng.choice(FILLER)


def news(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        para = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts)[:size]


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


HOSTILE: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "7" * n,
    "1,1,1,": lambda n: ("1," * (n // 2 + 1))[:n],
    "brackets": lambda n: "(" * n,
    "1 1 1 ": lambda n: ("1 " * (n // 2 + 1))[:n],
    "spaces+9": lambda n: " " * (n - 1) + "9",
    "1.1.1.": lambda n: ("1." * (n // 2 + 1))[:n],
    "words": lambda n: ("one hundred and " * (n // 16 + 1))[:n],
    "@@@@": lambda n: "@" * n,
}


def main() -> int:
    mb = 5
    text = news(mb * 1_000_000)
    t_ours = timed(lambda: find_numbers(text))
    t_re = timed(lambda: sum(1 for _ in re.finditer(r"\d+", text)))
    count = len(find_numbers(text[:1_000_000]))
    print(f"news-like text: {len(text) / 1e6:.1f} MB, {count} figures in the first MB")
    print(f"{'scan':<24}{'seconds':>10}{'MB/s':>10}")
    print(f"{'find_numbers':<24}{t_ours:>10.2f}{len(text) / 1e6 / t_ours:>10.1f}")
    label = 're.finditer(r"\d+")'
    print(f"{label:<24}{t_re:>10.3f}{len(text) / 1e6 / t_re:>10.1f}")
    print(f"ratio find_numbers / bare regex: {t_ours / t_re:.0f}x slower")
    print()
    print(f"{'hostile input':<14}{'1 MB (s)':>10}{'2 MB (s)':>10}{'2MB/1MB':>10}")
    for name, make in HOSTILE.items():
        one, two = make(1_000_000), make(2_000_000)
        t1 = timed(lambda: find_numbers(one))
        t2 = timed(lambda: find_numbers(two))
        print(f"{name:<14}{t1:>10.3f}{t2:>10.3f}{t2 / max(t1, 1e-9):>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
