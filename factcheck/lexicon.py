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

    >>> phrase_regex(["rose", "rose to", "fell"]).search("It ROSE  to 5").group()
    'ROSE  to'
    """
    normal = [" ".join(p.lower().split()) for p in phrases]
    if not flexible_possessive and all(n == p for n, p in zip(normal, phrases)):
        # Lower-case, single-spaced phrases (all lists but the event ones) as a prefix tree: same
        # matches (the longest phrase at a position wins either way), but the engine reads a shared
        # prefix once instead of once per phrase at every character.
        return re.compile(r"(?<![\w-])(?:" + _phrase_tree(normal) + r")(?![\w-])", re.IGNORECASE)
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(w) for w in phrase.split()]
        if flexible_possessive and len(words) > 1:
            head = words[0] + r"\s+(?:[\w.-]+[’']s\s+)?"
            parts.append(head + r"\s+".join(words[1:]))
        else:
            parts.append(r"\s+".join(words))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def _phrase_tree(phrases: list[str]) -> str:
    """A regex matching any of ``phrases`` (lower case, single spaces), built as a prefix tree.

    A space stands for ``\\s+``; each node's branches start with distinct characters, so at
    most one is entered. Where a phrase ends inside a longer one the rest is optional and
    greedy: the longest phrase that fits is tried first, as in a longest-first alternation.

    >>> _phrase_tree(["up", "up to", "down"])
    '(?:down|up(?:\\\\s+to)?)'
    """
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return _tree_regex(root)


def _tree_regex(node: dict[str, dict]) -> str:
    """The regex of one prefix-tree node: its branches, optional where a phrase ends at the node."""
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _tree_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_CUE_TOKEN = re.compile(r"[a-z0-9][a-z0-9'-]*")  # a word as a sentence's word set holds it


def first_words(phrases) -> frozenset[str]:
    """The lower-case first word of each phrase: a sentence with none of them cannot match."""
    return frozenset(p.lower().replace("’", "'").split()[0] for p in phrases if p.split())


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
    def cue_regex(self) -> re.Pattern[str]:
        """Every measure cue, longest first; :meth:`cue_key` says which measure a match names."""
        return phrase_regex([cue for cue, _ in self.measure_cues])

    @cached_property
    def adjacent_cue_regex(self) -> re.Pattern[str]:
        """Change words that name a measure only right before the figure ("up 25 per cent")."""
        words = [w for spec in self.measures["measure"].values() for w in spec.get("adjacent", ())]
        return re.compile(phrase_regex(words).pattern + r"\s*$", re.IGNORECASE)

    def cue_key(self, cue: str) -> str | None:
        """The measure a cue (or adjacent change word) names.

        >>> LEXICON.cue_key("Valued  at"), LEXICON.cue_key("up")
        ('valuation', 'growth')
        """
        return self._cue_keys.get(" ".join(cue.lower().split()))

    @cached_property
    def _cue_keys(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, spec in self.measures["measure"].items():
            for cue in (*spec.get("cues", ()), *spec.get("adjacent", ())):
                out.setdefault(cue, key)
        return out

    def unit_measure(self, unit: str | None) -> str | None:
        """The measure a physical unit implies when nothing else names one ("473 GW" -> capacity).

        >>> LEXICON.unit_measure("GW"), LEXICON.unit_measure("USD")
        ('capacity', None)
        """
        return self._unit_measures.get(unit or "")

    @cached_property
    def _unit_measures(self) -> dict[str, str]:
        return {u: key for key, spec in self.measures["measure"].items() for u in spec.get("units", ())}

    @cached_property
    def cumulative(self) -> frozenset[str]:
        """Measures that are running totals."""
        return frozenset(k for k, spec in self.measures["measure"].items() if spec.get("cumulative"))

    @cached_property
    def static(self) -> frozenset[str]:
        """Measures that are fixed properties of their subject (time does not change them)."""
        return frozenset(k for k, spec in self.measures["measure"].items() if spec.get("static"))

    @cached_property
    def money_measure_keys(self) -> frozenset[str]:
        """Measures that are amounts of money (``money = true``): funding, valuation, revenue, cost ...

        >>> {"valuation", "funding_round"} <= LEXICON.money_measure_keys
        True
        """
        return frozenset(k for k, spec in self.measures["measure"].items() if spec.get("money"))

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
    def time_words(self) -> dict[str, frozenset[str]]:
        """Word lists of ``[time]`` in claims.toml (past verbs, present markers ...), as sets.

        >>> "rose" in LEXICON.time_words["past_verbs"], "now" in LEXICON.time_words["present_markers"]
        (True, True)
        """
        return {k: frozenset(v) for k, v in self.claims["time"].items()}

    @cached_property
    def time_regex(self) -> dict[str, re.Pattern[str]]:
        """A phrase regex for each list of ``[time]`` in claims.toml.

        >>> bool(LEXICON.time_regex["year_earlier_references"].fullmatch("a year earlier"))
        True
        """
        return {k: phrase_regex(v) for k, v in self.claims["time"].items()}

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
    def anaphora(self) -> dict[str, str]:
        """Head noun of a definite description (lower case) -> the entity type it points back to.

        >>> LEXICON.anaphora["start-up"], LEXICON.anaphora["country"]
        ('org', 'place')
        """
        a = self.claims["anaphora"]
        return {w: kind for kind in ("place", "org", "product") for w in a[kind]}

    @cached_property
    def description_regex(self) -> re.Pattern[str]:
        """ "the (Hangzhou) company", "the Beijing start-up": a definite description of an entity.

        Group ``head`` is the head noun; up to two modifiers may stand before it.
        """
        heads = phrase_regex(list(self.anaphora)).pattern
        return re.compile(r"\b(?:the|its|this|that)\s+(?:[\w’'-]+\s+){0,2}?(?P<head>" + heads + ")",
                          re.IGNORECASE)

    @cached_property
    def document_regex(self) -> re.Pattern[str]:
        """Sources that are documents ("the report")."""
        return phrase_regex(["the " + w for w in self.claims["anaphora"]["documents"]])

    @cached_property
    def estimate_regex(self) -> re.Pattern[str]:
        """Verbs of estimating ("put ... at")."""
        return phrase_regex(self.claims["anaphora"]["estimate_verbs"])

    @cached_property
    def speech_gap_regex(self) -> re.Pattern[str]:
        """What may stand between a speaker and the verb of saying."""
        words = phrase_regex(self.claims["anaphora"]["speech_gap"]).pattern
        return re.compile(r"\s*(?:" + words + r"\s+)*", re.IGNORECASE)

    @cached_property
    def examples_regex(self) -> re.Pattern[str]:
        """Words that introduce examples."""
        return phrase_regex(self.claims["anaphora"]["examples"])

    @cached_property
    def member_joiner_regex(self) -> re.Pattern[str]:
        """Words that add a member after a group phrase."""
        return phrase_regex(self.claims["anaphora"]["member_joiners"])

    @cached_property
    def _cue_phrases(self) -> dict[str, list[str]]:
        c = self.claims
        return {
            "roles": [*(w for words in c["roles"].values() for w in words), *c.get("role_verbs", {})],
            "events": [w for words in c["events"].values() for w in words],
            "membership": [*c["membership"]["positive"], *c["membership"]["negative"]],
            "attribution": list(self.attribution_cues),
        }

    @cached_property
    def cue_first_words(self) -> dict[str, frozenset[str]]:
        """First words of each cue family, to skip sentences that cannot match (a cheap set test)."""
        return {kind: first_words(phrases) for kind, phrases in self._cue_phrases.items()}

    @cached_property
    def _cue_word_sets(self) -> dict[str, dict[str, tuple[frozenset[str], ...]]]:
        """For each cue family: first word -> the words of each phrase it starts (as the sentence's word
        set spells them; a word that is not such a token is left out, which only makes the test looser)."""
        out: dict[str, dict[str, tuple[frozenset[str], ...]]] = {}
        for kind, phrases in self._cue_phrases.items():
            table: dict[str, list[frozenset[str]]] = {}
            for phrase in phrases:
                words = phrase.lower().replace("’", "'").split()
                if words:
                    table.setdefault(words[0], []).append(frozenset(w for w in words if _CUE_TOKEN.fullmatch(w)))
            out[kind] = {first: tuple(sets) for first, sets in table.items()}
        return out

    def may_hold(self, kind: str, words: frozenset[str]) -> bool:
        """Whether a sentence with these lower-case words may hold a cue of ``kind`` (roles, events,
        membership, attribution): every word of one of its phrases is among them. A cheap test that lets
        most sentences skip the cue regexes ("one" alone is not "one of"; "not" alone is not "not among").

        >>> LEXICON.may_hold("membership", frozenset({"one", "of", "the"})), LEXICON.may_hold("membership", frozenset({"one"}))
        (True, False)
        """
        cue_firsts = self._cue_firsts[kind]
        if words.isdisjoint(cue_firsts):  # most sentences: no cue's first word at all (and no set is built)
            return False
        table = self._cue_word_sets[kind]
        return any(ws <= words for first in words & cue_firsts for ws in table[first])

    @cached_property
    def _cue_firsts(self) -> dict[str, frozenset[str]]:
        return {kind: frozenset(table) for kind, table in self._cue_word_sets.items()}

    @cached_property
    def attribution_cues(self) -> tuple[str, ...]:
        """Every phrase that may open an attribution: verbs of saying, "according to"-style phrases
        before a source, and verbs of estimating.

        >>> "according to" in LEXICON.attribution_cues, "said" in LEXICON.attribution_cues
        (True, True)
        """
        c = self.claims
        return (*c["attribution"]["speech_verbs"], *c["attribution"]["source_before"],
                *c.get("anaphora", {}).get("estimate_verbs", []))

    @cached_property
    def role_words(self) -> dict[str, str]:
        """Role spelling (lower case) -> canonical role."""
        return {w: key for key, words in self.claims["roles"].items() for w in words}

    @cached_property
    def role_regex(self) -> re.Pattern[str]:
        """Finds role words."""
        return phrase_regex(list(self.role_words))

    @cached_property
    def role_verb_regex(self) -> re.Pattern[str]:
        """ ", who heads": a person's role given by a verb before the organisation; group ``verb``.

        >>> LEXICON.role_verb_regex.search("Jane Roe, who runs Acme, said").group("verb")
        'runs'
        """
        verbs = phrase_regex(list(self.claims.get("role_verbs", {}))).pattern
        return re.compile(r",\s+who\s+(?:now\s+|also\s+|jointly\s+)?(?P<verb>" + verbs + r")\s+(?:the\s+)?",
                          re.IGNORECASE)

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
