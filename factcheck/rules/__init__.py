"""Rules: built-in checks (one per file under ``builtin/``) and the registry.

>>> [r.info.code for r in builtin_rules()][:3]
['FC101', 'FC102', 'FC103']
>>> explain("FC102").name
'scale-slip'
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from factcheck.errors import UsageError
from factcheck.models import RuleInfo, Severity
from factcheck.rules.base import CheckContext, ComparisonRule, FigureRule, Rule, fingerprint

__all__ = ["CheckContext", "ComparisonRule", "FigureRule", "Rule", "builtin_rules", "catalog", "explain", "fingerprint",
           "RULE_ERROR", "UNUSED_SUPPRESSION"]

#: Reported when a rule raises or runs too long: the run goes on without it.
RULE_ERROR = RuleInfo(
    code="FC001", name="rule-error", severity=Severity.ERROR,
    summary="A rule failed while running; its findings are missing from this report.",
    description="The rule's error is reported against the rule; the other rules' findings still come out.",
    example="A user rule whose Python function raises ZeroDivisionError.",
)
#: Reported for an inline suppression comment that suppressed nothing.
UNUSED_SUPPRESSION = RuleInfo(
    code="FC901", name="unused-suppression", severity=Severity.WARNING,
    summary="An inline '<!-- factcheck: disable CODE -->' comment suppresses no finding.",
    description="Stale suppressions hide future problems; remove them once the finding is gone.",
    example="<!-- factcheck: disable FC101 -- figure confirmed by phone --> above a paragraph with no FC101.",
)


@lru_cache(maxsize=1)
def _builtin_classes() -> tuple[type[Rule], ...]:
    from factcheck.rules import builtin

    classes: list[type[Rule]] = []
    for mod in sorted(pkgutil.iter_modules(builtin.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{builtin.__name__}.{mod.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj.__module__ == module.__name__ and hasattr(obj, "info"):
                classes.append(obj)
    return tuple(sorted(classes, key=lambda c: c.info.code))


def builtin_rules() -> list[Rule]:
    """A fresh instance of every built-in rule, ordered by code."""
    return [cls() for cls in _builtin_classes()]


def catalog(rules: list[Rule] | None = None) -> list[RuleInfo]:
    """Documentation of the given rules (default: built-ins) plus the run's own codes."""
    infos = [r.info for r in (rules if rules is not None else builtin_rules())]
    return sorted([*infos, RULE_ERROR, UNUSED_SUPPRESSION], key=lambda i: i.code)


def explain(code: str, rules: list[Rule] | None = None) -> RuleInfo:
    """The documentation of one rule by code (case-insensitive)."""
    for info in catalog(rules):
        if info.code.upper() == code.upper():
            return info
    raise UsageError(f"no rule with code {code!r}; see 'factcheck rules list'")
