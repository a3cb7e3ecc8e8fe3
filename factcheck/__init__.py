"""factcheck: check the figures and names in news text.

Read a document, get every figure as a typed claim (value interval, unit,
counted thing, subject, scope, time, attribution, offsets), and check
documents against each other for real contradictions -- with the look-alikes
(growth over time, different scopes, rounding) explained.

>>> import factcheck
>>> [c] = factcheck.extract("Ernie Bot had over 100 million users in December.", published="2024-01-29")
>>> (c.subject.name, c.measure, c.quantity.bound.value, str(c.time.start), str(c.time.end))
('Ernie Bot', 'users', 'more_than', '2023-12-01', '2023-12-31')
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from typing import TYPE_CHECKING

from factcheck._compiled import compiled
from factcheck.errors import ConfigError, FactcheckError, InputError, RuleError, UsageError
from factcheck.models import (
    Bound,
    Claim,
    Comparison,
    Document,
    EntityRef,
    EventClaim,
    Finding,
    MembershipClaim,
    RoundClaim,
    NumberMention,
    Quantity,
    QuantityClaim,
    Relation,
    Report,
    RoleClaim,
    RuleInfo,
    Severity,
    Span,
    TimeMention,
    TimeScope,
)

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.checker import check
    from factcheck.documents import load_document
    from factcheck.ledger import Ledger
    from factcheck.mentions.dates import find_times, resolve_time
    from factcheck.mentions.entities import Gazetteer
    from factcheck.mentions.numbers import find_numbers, parse_quantity
    from factcheck.rules import Rule, builtin_rules

# The pipeline is imported on first use, so that `import factcheck` (and the pytest and hypothesis
# plugins that load with it) stays cheap.
_LAZY = {
    "check": "factcheck.checker",
    "load_document": "factcheck.documents",
    "Ledger": "factcheck.ledger",
    "find_times": "factcheck.mentions.dates",
    "resolve_time": "factcheck.mentions.dates",
    "Gazetteer": "factcheck.mentions.entities",
    "find_numbers": "factcheck.mentions.numbers",
    "parse_quantity": "factcheck.mentions.numbers",
    "Rule": "factcheck.rules",
    "builtin_rules": "factcheck.rules",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__version__ = "0.1.0"

__all__ = [
    "Bound", "Claim", "Comparison", "ConfigError", "Document", "EntityRef", "EventClaim", "FactcheckError",
    "Finding", "Gazetteer", "InputError", "Ledger", "MembershipClaim", "NumberMention", "Quantity", "RoundClaim",
    "QuantityClaim", "Relation", "Report", "RoleClaim", "Rule", "RuleError", "RuleInfo", "Severity", "Span",
    "TimeMention", "TimeScope", "UsageError", "builtin_rules", "check", "compiled", "extract", "find_numbers", "find_times",
    "load_document", "load_rules", "parse_quantity", "resolve_time",
]


def extract(
    document: Document | str | Path,
    *,
    published: date | str | None = None,
    source: str | None = None,
    gazetteer: "Gazetteer | None" = None,
) -> list[Claim]:
    """Every claim in a document: a :class:`Document`, a path, or the text itself.

    A ``str`` naming an existing file is read as that file; any other string
    is taken as the text. ``published`` anchors relative times ("in December").
    """
    from factcheck.claims import extract_claims
    from factcheck.documents import load_document

    if isinstance(document, Document):
        doc = document
    elif isinstance(document, Path) or (
        isinstance(document, str) and "\n" not in document and len(document) < 1024 and os.path.isfile(document)
    ):
        doc = load_document(str(document), published=published, source=source)
    else:
        doc = load_document(None, text=str(document), published=published, source=source)
    return extract_claims(doc, gazetteer=gazetteer)


def load_rules(paths: Sequence[str | Path] = (), *, packages: Sequence[str] = ()) -> "list[Rule]":
    """User rules from rule files or folders (YAML or TOML) and installed rule packages."""
    from factcheck.rules.loader import load_rules as _load

    return _load([str(p) for p in paths], packages=list(packages))
