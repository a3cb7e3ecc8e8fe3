"""Whole-pipeline extraction speed (run: ``python bench/extract.py [MB]``).

Generates news-like Markdown articles (default 6 MB in ~8 KB articles), then
loads, segments and extracts claims from each on one core, and prints MB/s,
claims per second, and peak memory after half and after all of the
articles: with claims dropped after each document (as ``factcheck extract``
does), memory should stay flat. The same for the seed articles and for the project's
hand-written fixture articles, each repeated to 1 MB: the fixtures are real-style results
and economics stories, about three times as dense in figures as the generated text, so
they show what a figure costs. Then times one hostile run-on sentence at 60 KB and
120 KB: the ratio should stay near 2 (linear). Nothing is asserted.

It runs whichever build is installed and says which: pure Python, or the compiled build
(``FACTCHECK_COMPILE=1 pip install .``, see the README). To compare the two, run it once in
each environment.
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time

# Run from a checkout; this folder itself stays off the path (bench/numbers.py would shadow the stdlib).
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
sys.path.insert(0, os.path.dirname(_HERE))

import factcheck  # noqa: E402,F401
from factcheck.claims import extract_claims  # noqa: E402
from factcheck.documents import load_document  # noqa: E402


def _newstext():
    import importlib.util

    spec = importlib.util.spec_from_file_location("newstext", os.path.join(_HERE, "newstext.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


article = _newstext().article


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


SEEDS = os.path.join(os.path.dirname(os.path.dirname(_HERE)), "shared", "seeds")


def seed_texts(total: int) -> list[str]:
    """The seed articles, repeated to about ``total`` bytes (empty when ../shared is absent)."""
    if not os.path.isdir(SEEDS):
        return []
    texts = [open(os.path.join(SEEDS, n), encoding="utf-8").read() for n in sorted(os.listdir(SEEDS))]
    out, size = [], 0
    while size < total:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
    return out


def run(label: str, docs: list[str]) -> None:
    size = sum(len(t.encode("utf-8")) for t in docs)
    # Warm the lexicons and caches so the timing is the steady state.
    extract_claims(load_document("warm.md", text=docs[0]))
    start = time.perf_counter()
    claims = 0
    half_peak = None
    for i, text in enumerate(docs):
        doc = load_document(f"doc{i}.md", text=text)
        claims += len(extract_claims(doc))  # claims are dropped after each document
        if i == len(docs) // 2:
            half_peak = peak_mb()
    elapsed = time.perf_counter() - start
    mb = size / 1_000_000
    print(f"== {label}")
    print(f"articles            {len(docs):>10,}")
    print(f"text                {mb:>10.2f} MB")
    print(f"claims              {claims:>10,}")
    print(f"seconds             {elapsed:>10.2f}")
    print(f"throughput          {mb / elapsed:>10.2f} MB/s  (quantulum3 ~0.032, CQE ~0.0095 MB/s here)")
    print(f"claims per second   {claims / elapsed:>10,.0f}")
    print(f"peak RSS at half    {half_peak:>10.1f} MB")
    print(f"peak RSS at end     {peak_mb():>10.1f} MB  (flat = bounded by one document)")


# Run-on sentences (no clause break) of one repeated phrase: the work per figure must not grow with the
# sentence, so twice the text should take about twice the time.
RUN_ONS = {
    "period": "Revenue rose 5% in the three months to June and ",
    "from-to": "sales rose from 5% to 7% and ",
    "roles": "Acme chief executive Jane Doe said the firm hired 300 staff and ",
    "founders": "Brightline, founded by Tomas Adler, hired 40 staff and ",
    "members": "among the firms it fined were Helvia and Casa Norte and ",
    "places": "the Bank of Japan and Japan's Kisaragi Motor sold 5 cars and ",
}


def run_ons(size: int = 60_000) -> None:
    """Seconds for one run-on sentence of ``size`` characters and of twice that."""
    print(f"== one run-on sentence, {size // 1000} KB vs {2 * size // 1000} KB (linear: ratio ~2)")
    for name, unit in RUN_ONS.items():
        row = []
        for k in (1, 2):
            text = unit * (k * size // len(unit)) + "more.\n"
            start = time.perf_counter()
            claims = len(extract_claims(load_document(None, text=text)))
            row.append((claims, time.perf_counter() - start))
        (c1, t1), (c2, t2) = row
        print(f"{name:<10} claims {c1:>6,} -> {c2:>6,}   seconds {t1:6.2f} -> {t2:6.2f}   ratio {t2 / t1:4.1f}")


FIXTURES = os.path.join(os.path.dirname(_HERE), "fixtures")


def fixture_texts(total: int) -> list[str]:
    """The project's hand-written news articles (fixtures/, figure-dense results and economics stories),
    repeated to about ``total`` bytes."""
    paths = sorted(os.path.join(d, n) for d, _, names in os.walk(FIXTURES) for n in names
                   if n.endswith(".md") and n != "README.md")
    texts = [open(p, encoding="utf-8").read() for p in paths]
    out, size = [], 0
    while texts and size < total:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
    return out


def main() -> None:
    total_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 6.0
    # The interpreter's own build moves every figure: on one machine here a distribution's optimised
    # (profile-guided) CPython 3.11 ran this pipeline 1.18 times as fast as a plain source build of 3.11.
    print(f"python {sys.version.split()[0]} ({sys.executable})")
    from factcheck import compiled

    # A plain install is pure Python; FACTCHECK_COMPILE=1 pip install . compiles the pipeline (see README).
    print("build: " + ("compiled (mypyc)" if compiled() else "pure Python"))
    rng = random.Random(20240129)
    docs, size = [], 0
    while size < total_mb * 1_000_000:
        text = article(rng, 8000)
        docs.append(text)
        size += len(text.encode("utf-8"))
    run(f"generated news-like Markdown ({total_mb:g} MB, ~30% of sentences carry figures)", docs)
    seeds = seed_texts(1_000_000)
    if seeds:
        run("the four seed articles repeated to 1 MB", seeds)
    run("the hand-written fixture articles (fixtures/, ~12,000 figures per MB) repeated to 1 MB",
        fixture_texts(1_000_000))
    run_ons()


if __name__ == "__main__":
    main()
