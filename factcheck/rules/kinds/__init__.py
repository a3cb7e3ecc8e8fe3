"""The kinds of rule a rule file may declare, one module each.

``kind:`` picks the model that validates the rule's data and the class that
runs it:

=================  =========================================================
``contradiction``  figures for one entity and measure at one time must agree
``range``          a figure must lie within ``min``..``max``
``monotonic``      a running total must not fall over time
``sum``            parts of one whole must not add up to more than it
``requires``       figures must carry a date and/or an attribution
``consistency``    one spelling per entity in a document
``reference``      figures must agree with a table of trusted facts
``python``         a function ``package.module:function`` does the check
=================  =========================================================

>>> sorted(KINDS)[:3]
['consistency', 'contradiction', 'monotonic']
>>> rule = build_rule({"code": "NEWS1", "name": "shares", "kind": "range", "measure": "share", "max": 100})
>>> type(rule).__name__, rule.info.code
('RangeRule', 'NEWS1')
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter

from factcheck.rules.kinds._common import Case, Examples, Origin, SpecBase, UserRule, check_template, claim_fields
from factcheck.rules.kinds.consistency import ConsistencyRule
from factcheck.rules.kinds.contradiction import ContradictionRule
from factcheck.rules.kinds.monotonic import MonotonicRule
from factcheck.rules.kinds.python import PythonRule
from factcheck.rules.kinds.range import RangeRule
from factcheck.rules.kinds.reference import ReferenceRule
from factcheck.rules.kinds.requires import RequiresRule
from factcheck.rules.kinds.sum import SumRule

__all__ = ["KINDS", "Case", "Examples", "Origin", "SpecBase", "UserRule", "build_rule", "check_template",
           "claim_fields", "spec_adapter"]

#: kind name -> the rule class (whose ``Spec`` validates the data).
KINDS: dict[str, type[UserRule]] = {
    "contradiction": ContradictionRule,
    "range": RangeRule,
    "monotonic": MonotonicRule,
    "sum": SumRule,
    "requires": RequiresRule,
    "consistency": ConsistencyRule,
    "reference": ReferenceRule,
    "python": PythonRule,
}


@lru_cache(maxsize=1)
def spec_adapter() -> TypeAdapter:
    """Validates one rule's data, choosing the model by its ``kind``."""
    specs = tuple(cls.Spec for cls in KINDS.values())
    return TypeAdapter(Annotated[Union[specs], Field(discriminator="kind")])  # type: ignore[valid-type]


def all_fields() -> set[str]:
    """Every key any kind accepts (for "did you mean" hints)."""
    out: set[str] = {"measure", "unit", "entity"}
    for cls in KINDS.values():
        out |= {f.alias or name for name, f in cls.Spec.model_fields.items()}
    return out


def build_rule(data: Mapping[str, Any] | SpecBase, origin: Origin | None = None) -> UserRule:
    """A runnable rule from a rule's data (raises pydantic's ValidationError or RuleError)."""
    spec = data if isinstance(data, SpecBase) else spec_adapter().validate_python(dict(data))
    return KINDS[spec.kind](spec, origin)
