"""Test rule sets like code: :class:`RuleTester`, :func:`assert_findings`, hypothesis strategies.

* :class:`RuleTester` runs rules on texts: ``valid(text)`` must pass,
  ``invalid(text, codes=[...], matched="150 million")`` must be flagged;
  a failure explains what factcheck read from each figure.
* :func:`assert_findings` checks a report's findings by code and matched text.
* :mod:`factcheck.testing.strategies` holds hypothesis strategies
  (``quantities``, ``quantity_texts``, ``claims``, ``restatements``,
  ``contradicting_pairs``); ``st.from_type(QuantityClaim)`` works once
  factcheck is installed.
* The pytest plugin collects rule files' examples and ``*.ruletest.yaml``
  files; ``factcheck rules test PATH`` runs the same without pytest.

>>> from factcheck.testing import RuleTester, assert_findings
>>> callable(assert_findings)
True
"""

from __future__ import annotations

from factcheck.testing.tester import RuleTestFailure, RuleTester, assert_findings

__all__ = ["RuleTestFailure", "RuleTester", "assert_findings"]
