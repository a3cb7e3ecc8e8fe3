"""Deterministic news-like text for the benchmarks (sentences composed from parts written here)."""

from __future__ import annotations

import random

COMPANIES = ["Baidu", "Alibaba", "Tencent", "SenseTime", "Zhipu AI", "iFlytek", "MiniMax", "Moonshot AI",
             "ByteDance", "Baichuan", "DeepSeek", "Acme Robotics", "Northwind Labs", "Contoso AI"]
PRODUCTS = ["Ernie Bot", "Doubao", "Kimi", "Tongyi Qianwen", "DeepSeek-V3", "Spark", "Zhinao"]
PLACES = ["China", "the United States", "Japan", "India", "the European Union"]
PEOPLE = ["Robin Li", "Li Yanhong", "Wang Haifeng", "Liang Wenfeng", "Jane Doe", "Chen Wei"]
SOURCES = ["according to brokerage CLSA", "the company said", "state media reported", "Reuters reported",
           "according to Securities Times", "analysts said", ""]
HEDGES = ["", "", "more than ", "over ", "about ", "nearly ", "at least ", "some ", "up to ", "almost "]
TIMES = ["in December", "last August", "on 16 April", "in the first quarter of this year", "in 2023",
         "at the end of August 2023", "so far this year", "last week", "as of October", ""]
COUNTS = ["users", "registered users", "LLMs", "large language models", "enterprise clients", "daily queries",
          "employees", "applications", "downloads", "parameters", "tokens"]


def figure(rng: random.Random) -> str:
    n = rng.randint(2, 999)
    form = rng.randrange(6)
    if form == 0:
        return f"{n:,}"
    if form == 1:
        return f"{n}.{rng.randint(1, 9)} million"
    if form == 2:
        return f"{n} billion"
    if form == 3:
        return f"{n * 1000:,}"
    if form == 4:
        return rng.choice(["fourteen", "a hundred", "two dozen", "a few hundred", "twenty-one"])
    return str(n)


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(8)
    hedge, when, src = rng.choice(HEDGES), rng.choice(TIMES), rng.choice(SOURCES)
    tail = f", {src}." if src else "."
    if kind == 0:
        return f"{rng.choice(PRODUCTS)} had {hedge}{figure(rng)} {rng.choice(COUNTS)} {when}".rstrip() + tail
    if kind == 1:
        return (f"{rng.choice(PLACES)} has {rng.choice(['approved', 'released', 'developed'])} {hedge}"
                f"{figure(rng)} {rng.choice(COUNTS)} {when}".rstrip() + tail)
    if kind == 2:
        return (f"{rng.choice(COMPANIES)}, which is valued at {hedge}${rng.randint(1, 99)}.{rng.randint(1, 9)} "
                f"billion, raised {rng.randint(1, 9)} billion yuan (US${rng.randint(100, 999)}.{rng.randint(1, 9)} "
                f"million) {when}".rstrip() + tail)
    if kind == 3:
        return (f"{rng.choice(PLACES)} accounted for {rng.randint(1, 60)} per cent of the global total, "
                f"trailing {rng.choice(PLACES)} with a {rng.randint(1, 40)}% share{tail}")
    if kind == 4:
        return (f"{rng.choice(COMPANIES)}'s chief executive {rng.choice(PEOPLE)} said revenue grew "
                f"{rng.choice(['twice', '3x', 'tenfold', '11 times'])} from ${rng.randint(1, 9)} billion to "
                f"${rng.randint(10, 99)} billion {when}".rstrip() + ".")
    if kind == 5:
        return (f"{rng.choice(COMPANIES)}, {rng.choice(COMPANIES)} and {rng.choice(COMPANIES)} were among the "
                f"first companies to receive approval at the end of August 2023.")
    if kind == 6:
        return (f"The model, released in version {rng.randint(2, 5)}.{rng.randint(0, 9)} on "
                f"https://example.com/{rng.randint(2019, 2025)}/{rng.randint(1, 12)}, was trained on "
                f"{rng.randint(2, 20)}.{rng.randint(1, 9)}T tokens over {rng.randint(10, 90)} days{tail}")
    return ("Regulators have yet to publish the full list, and officials declined to comment on the "
            "timing of the next batch of approvals, citing Article 4 of the rules.")


PROSE = [
    "The move reflects a broader push by regulators to balance innovation with oversight of the sector.",
    "Executives at several firms said the rules were clearer than they had expected when drafts circulated.",
    "Critics argue that the approval process favours large incumbents over smaller start-ups.",
    "The company did not respond to a request for comment on Tuesday.",
    "Analysts expect competition to intensify as more products reach consumers in the coming months.",
    "Industry groups have called for common standards on safety testing and data protection.",
    "The announcement came during a conference attended by officials, investors and researchers.",
    "Some developers said they would focus on specialised tools for finance, healthcare and education.",
    "It remains unclear how the new requirements will be enforced outside the largest cities.",
    "Investors have poured money into the field, betting that demand from businesses will keep growing.",
]


def paragraph(rng: random.Random, figure_share: float = 0.3) -> str:
    """A paragraph in which about ``figure_share`` of the sentences carry figures, as in real reporting."""
    out = []
    for _ in range(rng.randint(3, 6)):
        out.append(sentence(rng) if rng.random() < figure_share else rng.choice(PROSE))
    return " ".join(out)


def article(rng: random.Random, size: int, figure_share: float = 0.3) -> str:
    """One Markdown article of about ``size`` characters with front matter."""
    year = rng.randint(2023, 2025)
    parts = [f"---\ntitle: Generated report {rng.randint(1, 10**6)}\npublished: {year}-"
             f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\nsource: Bench Wire\n---\n\n"]
    length = len(parts[0])
    while length < size:
        para = paragraph(rng, figure_share) + "\n\n"
        parts.append(para)
        length += len(para)
    return "".join(parts)
