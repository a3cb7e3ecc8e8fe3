"""Which modules a compiled build turns into machine code, and whether this installation is one.

``FACTCHECK_COMPILE=1 pip install .`` compiles the extraction pipeline with mypyc (the compiler
that ships with mypy and builds black and mypy themselves): the same source, type-checked and
translated to C, 1.3 to 1.5 times as fast here. A plain ``pip install`` stays pure Python.
Both give the same claims; CI runs the tests against both.

This file is read by ``setup.py`` before the package can be imported, so it imports nothing
of factcheck's at module level.

>>> "factcheck/mentions/numbers.py" in MODULES
True
>>> isinstance(compiled(), bool)
True
"""

from __future__ import annotations

#: The modules a compiled build compiles: the per-sentence work of ``factcheck.extract``. The
#: pydantic models, the word-list loader (its cached properties need an instance ``__dict__``,
#: which compiled classes lack), the CLI and the checker stay Python: they run once per
#: document or per finding, not once per sentence.
MODULES = (
    "factcheck/_data.py",
    "factcheck/formats/__init__.py",
    "factcheck/formats/html.py",
    "factcheck/formats/markdown.py",
    "factcheck/segment.py",
    "factcheck/rounds.py",
    "factcheck/mentions/numbers.py",
    "factcheck/mentions/dates.py",
    "factcheck/mentions/entities.py",
    "factcheck/claims/__init__.py",
    "factcheck/claims/_text.py",
    "factcheck/claims/attribution.py",
    "factcheck/claims/measure.py",
    "factcheck/claims/named.py",
    "factcheck/claims/quantity.py",
    "factcheck/claims/sentence.py",
    "factcheck/claims/state.py",
    "factcheck/claims/subject.py",
    "factcheck/claims/timing.py",
)


def compiled() -> bool:
    """Whether every module in :data:`MODULES` runs as compiled machine code here."""
    import importlib
    from importlib.machinery import EXTENSION_SUFFIXES

    for path in MODULES:
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        if not (module.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES)):
            return False
    return True
