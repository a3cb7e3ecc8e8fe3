"""The claim assembler's word lists, loaded once from ``factcheck/data``.

Everything a heuristic in :mod:`factcheck.claims` looks for -- what nouns
name which measure, which words change scope, who says things, roles,
events, group membership -- lives in ``measures.toml`` and ``claims.toml``
so editors can extend it without touching code.

>>> LEXICON.measure_of("artificial intelligence large language models")
'llms'
>>> LEXICON.scope_of("registered")
'registered'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from factcheck._data import load_toml


def phrase_regex(phrases: list[str], *, flexible_possessive: bool = False) -> re.Pattern[str]:
    """One case-insensitive, word-bounded alternation of ``phrases``, longest first.

    With ``flexible_possessive`` a possessor may stand after the first word
    ("received Beijing's approval" matches "received approval").
    """
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(w) for w in phrase.split()]
        if flexible_possessive and len(words) > 1:
            head = words[0] + r"\s+(?:[\w.-]+[’']s\s+)?"
            parts.append(head + r"\s+".join(words[1:]))
        else:
            parts.append(r"\s+".join(words))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """Word lists for claim assembly, with lookups."""

    measures: dict
    claims: dict

    @cached_property
    def measure_nouns(self) -> dict[str, str]:
        """Noun phrase (lower case) -> measure key."""
        out: dict[str, str] = {}
        for key, spec in self.measures["measure"].items():
            for noun in spec.get("nouns", ()):
                out.setdefault(noun, key)
        return out

    @cached_property
    def measure_cues(self) -> list[tuple[str, str]]:
        """(cue phrase, measure key), longest cue first."""
        pairs = [(cue, key) for key, spec in self.measures["measure"].items() for cue in spec.get("cues", ())]
        return sorted(pairs, key=lambda p: -len(p[0]))

    @cached_property
    def cumulative(self) -> frozenset[str]:
        """Measures that are running totals."""
        return frozenset(k for k, spec in self.measures["measure"].items() if spec.get("cumulative"))

    @cached_property
    def static(self) -> frozenset[str]:
        """Measures that are fixed properties of their subject (time does not change them)."""
        return frozenset(k for k, spec in self.measures["measure"].items() if spec.get("static"))

    def label(self, measure: str) -> str:
        """A readable name for a measure key."""
        spec = self.measures["measure"].get(measure)
        return spec.get("label", measure) if spec else measure.replace("_", " ")

    @cached_property
    def scope_words(self) -> dict[str, str]:
        """Scope word (lower case) -> scope key."""
        return {w: key for key, words in self.measures["scope"].items() for w in words}

    @cached_property
    def scope_modifiers(self) -> dict[str, str]:
        """Scope words that apply only inside the counted noun phrase."""
        out = dict(self.scope_words)
        out.update({w: key for key, words in self.measures.get("scope_modifiers", {}).items() for w in words})
        return out

    @cached_property
    def scope_regex(self) -> re.Pattern[str]:
        """Finds scope words in a sentence."""
        return phrase_regex(list(self.scope_words))

    def scope_of(self, word: str, *, in_noun_phrase: bool = False) -> str | None:
        """The scope key a word stands for (modifiers count only inside the counted noun phrase)."""
        table = self.scope_modifiers if in_noun_phrase else self.scope_words
        return table.get(" ".join(word.lower().split()))

    def measure_of(self, noun_phrase: str) -> str | None:
        """The measure a counted noun phrase names: its longest listed ending.

        >>> LEXICON.measure_of("LLMs")
        'llms'
        """
        words = noun_phrase.lower().replace("’", "'").split()
        # Prefer a listed ending of the whole phrase, then of shorter prefixes ("LLMs available").
        for j in range(len(words), 0, -1):
            for i in range(j):
                key = self.measure_nouns.get(" ".join(words[i:j]))
                if key:
                    return key
        return None

    @cached_property
    def speech_regex(self) -> re.Pattern[str]:
        """Verbs of saying."""
        return phrase_regex(self.claims["attribution"]["speech_verbs"])

    @cached_property
    def source_before_regex(self) -> re.Pattern[str]:
        """Phrases after which a source is named ("according to")."""
        return phrase_regex(self.claims["attribution"]["source_before"])

    @cached_property
    def generic_source_regex(self) -> re.Pattern[str]:
        """Sources named without a proper noun ("the company")."""
        return phrase_regex(self.claims["attribution"]["generic_sources"])

    @cached_property
    def role_words(self) -> dict[str, str]:
        """Role spelling (lower case) -> canonical role."""
        return {w: key for key, words in self.claims["roles"].items() for w in words}

    @cached_property
    def role_regex(self) -> re.Pattern[str]:
        """Finds role words."""
        return phrase_regex(list(self.role_words))

    @cached_property
    def event_regex(self) -> list[tuple[str, re.Pattern[str]]]:
        """(event key, pattern) for each event."""
        return [(k, phrase_regex(v, flexible_possessive=True)) for k, v in self.claims["events"].items()]

    @cached_property
    def aggregate_regex(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        """(total cues, increment cues, continuation cues)."""
        a = self.claims["aggregate"]
        return phrase_regex(a["total"]), phrase_regex(a["increment"]), phrase_regex(a["continuation"])

    @cached_property
    def membership_regex(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(negative cues, positive cues)."""
        m = self.claims["membership"]
        return phrase_regex(m["negative"]), phrase_regex(m["positive"])


LEXICON = Lexicon(measures=load_toml("measures.toml"), claims=load_toml("claims.toml"))
