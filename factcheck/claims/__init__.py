"""From a document to claim records: every figure with what it is about.

For each sentence the recognisers give numbers, times and entities; this
stage decides, with word lists from :mod:`factcheck.lexicon`:

* **counted** -- the noun phrase after the figure ("70 LLMs"), or before it
  ("the total number of LLMs ... to 40"), or after "of which are";
* **measure** -- the canonical key of what is measured (``llms``, ``users``,
  ``valuation``), from the counted noun or a cue before a money figure;
* **scope** -- the nearest word that changes what is counted (approved,
  released, registered, ...), in the figure's clause;
* **subject** -- the nearest entity before the figure in its clause (names
  used as modifiers, "ChatGPT-like", are not candidates), else "in <place>"
  after it, else the document's current topic;
* **time** -- the nearest time expression in the sentence; a back-reference
  ("At that time") takes the last time of the text before; otherwise the
  publication date, marked ``as_of_publication``;
* **attribution** -- "according to X", "X said", "said X", "as reported by X".

Named claims (roles, events, membership) are read from the same sentences.

>>> from factcheck.documents import load_document
>>> doc = load_document(None, text="Ernie Bot has over 100 million users, Baidu said.", published="2023-12-20")
>>> [c] = extract_claims(doc)
>>> c.subject.name, c.measure, c.quantity.bound.value, c.quantity.low, c.attribution
('Ernie Bot', 'users', 'more_than', Decimal('100000000'), 'Baidu')
"""

from __future__ import annotations

import re

from factcheck._gc import gc_paused
from factcheck.claims.sentence import _sentence_claims
from factcheck.claims.state import _State, _scan_names
from factcheck.claims.timing import NEWS_DAY_WINDOW, _plan_period
from factcheck.mentions.dates import fiscal_year_start
from factcheck.mentions.entities import Gazetteer
from factcheck.models import Claim, Document
from factcheck.segment import split_sentences

__all__ = ["NEWS_DAY_WINDOW", "extract_claims"]


def extract_claims(document: Document, *, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """Every claim in ``document``: figures, roles, events and memberships, in text order."""
    gaz = gazetteer or Gazetteer.default()
    state = _State()
    # Words the document writes in lower case somewhere: capitalised at a sentence start they are
    # still common words ("Shares rose"), not names ("Netflix added").
    state.common_words = frozenset(_LOWER_WORD.findall(document.prose))
    # "whose financial year runs to the end of March": the document's fiscal years, wherever it says so.
    state.fiscal_start = fiscal_year_start(document.prose)
    state.plan_period = _plan_period(document.prose, document.published, state.fiscal_start)
    # The title and lead's full names, and which capitalised words occur inside sentences, before sentence one.
    _scan_names(document.prose, gaz, state)
    claims: list[Claim] = []
    with gc_paused():  # many small records, no cycles worth collecting while they are built
        for sentence in split_sentences(document):
            claims.extend(_sentence_claims(document, sentence, gaz, state))
    return claims


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
