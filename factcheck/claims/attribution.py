"""**attribution** -- "according to X", "X said", "said X", "as reported by X": who the sentence
attributes its figures to, and the spans naming them (never subjects).
"""

from __future__ import annotations

from typing import Final

import re
from collections.abc import Sequence
from functools import lru_cache

from factcheck._data import load_toml
from factcheck.claims.state import _named_for, _State, _is_person, _org_in_play, _person_named
from factcheck.lexicon import LEXICON
from factcheck.mentions.entities import fold
from factcheck.models import EntityRef, Span

# Capitalised terms that are never a speaker ("Bank Rate said" cannot be; "Bank Rate" before "said" is an object).
_NOT_PEOPLE: Final = frozenset(fold(n) for n in load_toml("stopwords.toml")["not_names"])


_ATTRIBUTION_TRIM: Final = re.compile(r"^(?:brokerage|broker|the|research firm|consultancy|analysts? at)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _attribution_rests() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word of each attribution cue -> the other words of each cue it starts ("a" -> ("report", "by"))."""
    rests: dict[str, list[tuple[str, ...]]] = {}
    for phrase in LEXICON.attribution_cues:
        first, *rest = phrase.lower().split() or [""]
        rests.setdefault(first.replace("’", "'"), []).append(tuple(rest))
    return {w: tuple(r) for w, r in rests.items()}


def _may_attribute(words: frozenset[str], low: str) -> bool:
    """Whether the sentence (its words, its lower-cased text) may hold an attribution cue: the first word of
    a cue among its words and the cue's other words in its text. "a" and "as" open most sentences, "a
    report by" and "as per" few, so this skips :func:`_attribution` where the first-word test alone would not.

    >>> _may_attribute(frozenset({"a", "rise"}), "a rise"), _may_attribute(frozenset({"a"}), "a report by x")
    (False, True)
    """
    hits = words & LEXICON.cue_first_words["attribution"]
    if not hits:
        return False
    rests = _attribution_rests()
    return any(all(r in low for r in rest) for w in hits for rest in rests.get(w, ((),)))


def _attribution(text: str, base: int, entities: Sequence[EntityRef],
                 state: _State | None = None) -> tuple[str | None, list[Span]]:
    """Who the sentence attributes its figures to, and the spans naming them (never subjects)."""
    state = state or _State()
    m = LEXICON.source_before_regex.search(text)
    if m:
        tail = text[m.end():]
        stop = re.search(r"[,.;:()]|\s+(?:and|which|who|that|in|on)\s", tail)
        phrase = tail[: stop.start()].strip() if stop else tail.strip()
        ents = [e for e in entities if e.span and m.end() <= e.span.start - base <= m.end() + len(phrase) + 1]
        if ents:
            return ents[0].name, [e.span for e in ents]  # type: ignore[misc]
        if phrase:
            spans = [Span(start=base + m.end(), end=base + m.end() + len(tail))]
            who = _described_source(phrase, base, m.start(), entities, state, text)
            return (who.name if who else _ATTRIBUTION_TRIM.sub("", phrase)), spans
    for v in _saying_verbs(text):
        # Speaker before the verb: the nearest person, else the nearest entity, skipping "X, CEO of Y,".
        before = [e for e in entities if e.span and e.span.end - base <= v.start()
                  and v.start() - (e.span.end - base) <= 60]
        described = _appositive_speaker(text, base, v.start(), before) if before else None
        if described is not None:  # "Voltera Cells, the South Korean battery maker, said", "The regulator, ANCR, said"
            return described.name, [described.span]  # type: ignore[list-item]
        people = [e for e in before if e.type == "person" or (
            e.method == "unresolved" and " " in e.name and _is_person(e) and fold(e.name) not in _NOT_PEOPLE)]
        if people:
            who = people[-1]
            # The speaker's description ("Baidu chief executive Robin Li", "Robin Li, CEO of Baidu,") is not a
            # subject; names before the comma that opens it are ("launched in China, Baidu chief ... Li told").
            opened = max(text.rfind(",", 0, who.span.start - base), text.rfind(";", 0, who.span.start - base))
            return who.name, [e.span for e in before if e.span.start - base > opened]  # type: ignore[misc]
        window = max(0, v.start() - 40)
        descriptions = [d for d in LEXICON.description_regex.finditer(text, window, v.start())
                        if LEXICON.speech_gap_regex.fullmatch(text, d.end(), v.start())]
        if descriptions:  # "the Beijing start-up said", "the company puts the cost at ..."
            d = descriptions[-1]
            who = _described_source(d.group(), base, d.start(), entities, state, text)
            if who is not None:
                return who.name, [Span(start=base + d.start(), end=base + d.end())]
            if LEXICON.anaphora.get(d.group("head").lower()) == "org":
                # "the trade ministry said": a body the text never names is the source as it is described
                return d.group(), [Span(start=base + d.start(), end=base + d.end())]
        generic = [g for g in LEXICON.generic_source_regex.finditer(text, window, v.start())]
        if generic:
            g = generic[-1]
            named = [e for e in before if 0 <= g.start() - (e.span.end - base) <= 1]
            if named:  # "CLSA analysts expect": the firm the analysts work for
                return named[-1].name, [named[-1].span]  # type: ignore[list-item]
            employer = _EMPLOYER.match(text, g.end())
            at = [e for e in before if employer and e.span.start - base == employer.end()]
            if at:  # "Analysts at Berenberg said": the firm, not "analysts"
                return at[0].name, [at[0].span]  # type: ignore[list-item]
            described = _described_source(g.group(), base, g.start(), entities, state, text)
            if described is not None and LEXICON.speech_gap_regex.fullmatch(text, g.end(), v.start()):
                return described.name, [Span(start=base + g.start(), end=base + g.end())]  # "The company said"
            return g.group(), []
        if before and v.start() - (before[-1].span.end - base) <= 30 and LEXICON.speech_gap_regex.fullmatch(
                text, before[-1].span.end - base, v.start()):  # "Baidu says", "DeepSeek has published"
            return before[-1].name, [before[-1].span]  # type: ignore[list-item]
        known = (_person_named_before(text, window, v.start(), state)
                 or _person_pointed_to(text, base, window, v.start(), entities, state))
        if known is not None:  # "Li also said": a person the text named in full earlier; "He told analysts"
            return known.name, []
        after = [e for e in entities if e.span and (0 <= e.span.start - base - v.end() <= 2 or (
            0 < e.span.start - base - v.end() <= 40 and _TITLE_GAP.fullmatch(text, v.end(), e.span.start - base)))]
        if after:  # "said Robin Li", "said Trade Minister Priya Raman"
            return after[0].name, [after[0].span]  # type: ignore[list-item]
    return None, []


# A description set off by commas right before a verb of saying: ", the South Korean battery maker, said",
# ", Zambia's state power utility, said". The name before it is the speaker.
_APPOSITION_BEFORE_VERB: Final = re.compile(
    r",\s+(?:the|a|an|its|(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*[’']s)\s[^,;]{0,80},"
    + LEXICON.speech_gap_regex.pattern + r"$", re.IGNORECASE)
# A name set off by commas after a description that opens the sentence: "The communications regulator, ANCR, said".
_DESCRIPTION_OPENING: Final = re.compile(r"[\W_]{0,3}(?:the|a|an)\s[^,;]{1,60},\s+", re.IGNORECASE)
_COMMA_GAP: Final = re.compile(r"," + LEXICON.speech_gap_regex.pattern)


def _appositive_speaker(text: str, base: int, verb: int, before: Sequence[EntityRef]) -> EntityRef | None:
    """The speaker of a verb of saying at ``verb`` named in apposition with a description: before it
    ("Voltera Cells, the South Korean battery maker, said": names inside the description are not the
    speaker) or after it ("The communications regulator, ANCR, said"). ``before`` are the names before the verb.

    >>> from factcheck.mentions.entities import Gazetteer
    >>> t = "Orla Foods, the Irish dairy group, said profit rose."
    >>> _appositive_speaker(t, 0, t.index("said"), Gazetteer.default().find(t)).name
    'Orla Foods'
    """
    m = _APPOSITION_BEFORE_VERB.search(text, max(0, verb - 120), verb)
    if m is not None:
        for e in before:
            if e.span.end - base == m.start():  # type: ignore[union-attr]
                return e
        return None
    last = before[-1]
    if _COMMA_GAP.fullmatch(text, last.span.end - base, verb) and _DESCRIPTION_OPENING.fullmatch(  # type: ignore[union-attr]
            text, 0, last.span.start - base):  # type: ignore[union-attr]
        return last
    return None


def _saying_verbs(text: str) -> list[re.Match[str]]:
    """Verbs of saying, and verbs of estimating followed by "at <figure>" ("CLSA put the share at 40%")."""
    # "Netflix added 12.8 million", "Ernie Bot reported over 100 million users": a verb of saying with a
    # figure for its object states the figure about its subject; it names no source.
    # "raised its forecast", "in the report": after a determiner the word is a noun, not a verb of saying.
    verbs = [v for v in LEXICON.speech_regex.finditer(text)
             if not (v.start() and v.group()[0].isupper())  # "the United States", "Reuters Reports": part of a name
             and (v.group().lower() in _CLAUSE_VERBS or not _FIGURE_NEXT.match(text, v.end()))
             and not _NOUN_DETERMINER.search(text, max(0, v.start() - 8), v.start())]
    for v in LEXICON.estimate_regex.finditer(text):
        if _AT_FIGURE.search(text, v.end(), min(len(text), v.end() + 120)):
            verbs.append(v)
    return sorted(verbs, key=lambda v: v.start())


# Between a verb of saying and the speaker's name: a capitalised title the name was read without ("said Trade
# Minister Priya Raman", "said Chief Executive Jo Roe").
_TITLE_GAP: Final = re.compile(r"\s+(?:[A-Z][\w-]*\s+){1,4}")
_CLAUSE_VERBS: Final = frozenset(LEXICON.claims["attribution"]["clause_verbs"])
_FIGURE_NEXT: Final = re.compile(
    r"\s+(?:(?:more|fewer|less)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|around\s+|some\s+|another\s+|"
    r"a\s+record\s+|a\s+further\s+)?(?:US|NT|HK|A|C|S)?[$€£¥]?\d"
)
_NOUN_DETERMINER: Final = re.compile(r"\b(?:its|their|the|a|an|his|her|our|this|that|latest|annual)\s+$", re.IGNORECASE)
# "analysts at Berenberg", "economists from Nomura": the firm they work for follows.
_EMPLOYER: Final = re.compile(r"\s+(?:at|from|with)\s+(?:the\s+)?", re.IGNORECASE)
# "... at 40%", "... at $5.576 million": the figure an estimate puts something at.
_AT_FIGURE: Final = re.compile(r"\bat\s+(?:about\s+|around\s+|roughly\s+|some\s+)?[$€£¥]?\d")
_CAPITAL_WORD: Final = re.compile(r"(?<![\w-])([A-Z][\w’'-]*)")

# "its annual report", "their latest survey": a document of the organisation "its" points to.
_OWN_DOCUMENT: Final = re.compile(r"(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(
    map(re.escape, LEXICON.claims["anaphora"]["documents"])) + r")s?", re.IGNORECASE)
_POSSESSIVE_DESCRIPTION: Final = re.compile(r"(?:the\s+)?([\w-]+)[’']s\s", re.IGNORECASE)


def _described_source(phrase: str, base: int, pos: int, entities: Sequence[EntityRef],
                      state: _State, text: str = "") -> EntityRef | None:
    """The named source a description stands for: "the company" -> the organisation in play,
    "the report" -> the last source named by name."""
    if LEXICON.document_regex.fullmatch(phrase.strip()):
        return state.last_source
    own = _OWN_DOCUMENT.fullmatch(phrase.strip())
    if own is not None:  # "according to its annual report": the organisation in play issued it
        return _org_in_play(base, pos, entities, state, text)
    owner = _POSSESSIVE_DESCRIPTION.match(phrase.strip())
    if owner and LEXICON.anaphora.get(owner.group(1).lower()) == "org":  # "the agency's annual statistics"
        return _named_for(owner.group(1), state) or _org_in_play(base, pos, entities, state, text)
    d = LEXICON.description_regex.fullmatch(phrase.strip())
    if d and LEXICON.anaphora.get(d.group("head").lower()) == "org" and not phrase.lower().startswith(("this", "that")):
        return _named_for(d.group("head"), state) or _org_in_play(base, pos, entities, state, text)
    return None



def _person_pointed_to(text: str, base: int, lo: int, verb: int, entities: Sequence[EntityRef],
                       state: _State) -> EntityRef | None:
    """The person a "he" or "she" before a verb of saying points back to: the last person the sentence names
    before it, else the last one the text named ("Berg has run the company for six years. He told analysts").

    >>> from factcheck.models import EntityRef
    >>> st = _State()
    >>> st.last_person = EntityRef(id="tomas berg", name="Tomas Berg", surface="Tomas Berg", method="unresolved",
    ...                            type="person")
    >>> _person_pointed_to("He told analysts that sales rose", 0, 0, 3, [], st).name
    'Tomas Berg'
    """
    m = None
    for m in _PERSONAL_PRONOUN.finditer(text, lo, verb):
        pass
    if m is None or not LEXICON.speech_gap_regex.fullmatch(text, m.end(), verb):
        return None
    here = [e for e in entities if e.span and e.span.end - base <= m.start() and _person_named(e)]
    return here[-1] if here else state.last_person


_PERSONAL_PRONOUN: Final = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def _person_named_before(text: str, lo: int, verb: int, state: _State) -> EntityRef | None:
    """A person the text named in full earlier, now called by one part of the name ("Li also said")."""
    m = None
    for m in _CAPITAL_WORD.finditer(text, lo, verb):
        pass
    if m is None or not LEXICON.speech_gap_regex.fullmatch(text, m.end(), verb):
        return None
    return state.people.get(m.group(1))
