"""Named entities: gazetteer names and aliases, fuzzy matches, unresolved names.

Three ways a name becomes an :class:`~factcheck.models.EntityRef`:

1. **exact / alias** -- the text contains a canonical name or a listed alias
   (``factcheck/data/entities.toml`` plus any user aliases file);
2. **fuzzy** -- a capitalised run that is not listed but is close to a listed
   name (rapidfuzz ``ratio`` >= :attr:`Gazetteer.fuzzy_cutoff`): "Sensetime
   Group" is not listed but "Baidus" would still meet "Baidu";
3. **unresolved** -- any other capitalised run ("Zhaopin Ltd", "Jilin
   International Studies University"), with an id made from its folded text
   so the same spelling meets itself across documents.

>>> g = Gazetteer.default()
>>> [(e.id, e.method) for e in g.find("Li Yanhong said Ernie Bot grew.")]
[('robin_li', 'alias'), ('ernie_bot', 'exact')]
>>> g.resolve("Robin Li").id == g.resolve("Li Yanhong").id
True
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from typing import Final, Literal, NamedTuple
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from factcheck._data import load_toml
from factcheck.errors import ConfigError
from factcheck.models import EntityRef, Span

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Aliases shorter than this match case-sensitively only ("US" is not "us").
_CASE_SENSITIVE_BELOW: Final = 4

_STOP: Final = load_toml("stopwords.toml")
_FUNCTION_WORDS: Final = frozenset(_STOP["capitalised_function_words"])
_MODIFIER_SUFFIXES: Final = tuple(_STOP["modifier_suffixes"])
_INSTITUTION_WORDS: Final = frozenset(_STOP["institution_words"])
_NAME_ACRONYM: Final = re.compile(r"[A-Z]{2,5}")  # an organisation's initials next to a place ("NHS England")
_ACRONYMS: Final = frozenset(_STOP["common_acronyms"])
_COMMON_OPENERS: Final = frozenset(w.lower() for w in _STOP.get("common_openers", ()))
_DEMONYM_SUFFIXES: Final = tuple(_STOP["demonym_suffixes"])
# Unit symbols written after a figure ("473 GW"): capitalised, but a unit, never a name.
_UNIT_SYMBOLS: Final = frozenset(load_toml("numbers.toml")["units"]["physical_symbols"])
# A figure ending right before a word: a digit, or a scale word after one ("473 GW", "24.6 million TEU").
_FIGURE_BEFORE: Final = re.compile(
    r"(?:[0-9]|(?<![\w-])(?:" + "|".join(sorted(load_toml("numbers.toml")["words"]["scales"], key=len, reverse=True))
    + r"|bn|mn|m|k))[ \t]*$", re.IGNORECASE)

# A capitalised run: capitalised tokens, optionally joined by "of"/"and"/"&".
# Each repetition must begin with whitespace, so the loop cannot backtrack
# over the same characters in two ways.
# Particles that join the words of one name (stopwords.toml), but not "and", which would join two names.
_JOINERS: Final = "|".join(re.escape(w) for w in sorted(_STOP["name_joiners"], key=len, reverse=True) if w != "and")
# Capital letters that open a name: A-Z and the Latin capitals with accents ("Álvarez", "Ørsted", "Škoda").
_UPPER: Final = "A-Z" + "".join(
    ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper() and ch.lower() != ch and ch not in "×")
_CAPITALISED: Final = re.compile(
    r"""
    [""" + _UPPER + r"""0-9](?<![\w.].)          # a capital or digit not inside a word: one class first, so the
                                                # engine skips the lower-case text between candidates at C speed
    (?:(?<=[""" + _UPPER + r"""])[\w’'.&-]*|(?<=[0-9])(?<![0-9],[0-9])[0-9]*[A-Z][\w.-]*)  # first token:
                                                # Capitalised, or digits then a capital ("4Paradigm", never "5nm",
                                                # nor "050GWh" of "1,050GWh")
    (?:[ ](?:(?:"""
    + _JOINERS
    + r""")[ ]){0,2}[""" + _UPPER + r"""][\w’'&-]*)*
                                                # more capitalised tokens, joined by at most two particles ("Bank of
                                                # China", "Valle del Cauca", "Banco de la Nación")
    """,
    re.VERBOSE,
)


def fold(name: str) -> str:
    """Fold a name for lookups: NFKC, case-folded, curly quotes straightened, spaces squeezed.

    >>> fold("Baidu’s  ERNIE Bot")
    "baidu's ernie bot"
    """
    hit = _FOLDED.get(name)
    if hit is None:
        text = unicodedata.normalize("NFKC", name).replace("’", "'").casefold()
        hit = " ".join(text.split())
        if len(name) <= 200:  # names repeat across sentences and documents: fold each once
            if len(_FOLDED) >= 8192:
                _FOLDED.clear()
            _FOLDED[name] = hit
    return hit


_FOLDED: dict[str, str] = {}  # name -> fold(name), for names of up to 200 characters


def unresolved_id(name: str) -> str:
    """The id of a name the gazetteer does not list: ``x:`` and its folded words joined by hyphens.

    >>> unresolved_id("Northwind  Robotics’")
    'x:northwind-robotics'
    """
    return "x:" + _NON_WORD.sub("-", fold(name)).strip("-")


_NON_WORD: Final = re.compile(r"[^\w]+")


def _strip_possessive(surface: str) -> str:
    if not surface.endswith(_POSSESSIVE_TAILS):  # most names: one C-level test
        return surface
    for tail in ("’s", "'s", "’", "'"):
        if surface.endswith(tail):
            return surface[: -len(tail)]
    return surface


_POSSESSIVE_TAILS: Final = ("’s", "'s", "’", "'")
_ASCII_LOOKALIKES: Final = "\u0131\u017f\u212a\u0130"  # ı ſ K İ


def _at(ref: EntityRef, span: Span) -> EntityRef:
    """``ref`` placed at ``span``: a copy that skips validation (every part is already valid)."""
    return EntityRef.trusted(**{**ref.__dict__, "span": span})


@dataclass(frozen=True)
class Entity:
    """One gazetteer entry: an id, a canonical name, a type and its aliases."""

    id: str
    name: str
    type: str = "org"
    aliases: tuple[str, ...] = ()
    parent: str | None = None


def _trie_regex(words: Iterable[str]) -> str:
    """A regex alternation that shares prefixes, so matching is one pass per position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        if "" in node and len(node) == 1:
            return ""
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)


def _guarded_trie(words: Iterable[str], guard: str) -> str:
    """:func:`_trie_regex` with ``guard`` (a look-behind) right after the first character of each branch.

    Each branch then starts with a plain character, so the regex engine jumps between
    characters that can start a name without entering the pattern (a look-behind first
    would make it enter at every position).

    >>> _guarded_trie(["AI", "AWS", "BYD"], "(?<!x.)")
    'A(?<!x.)(?:I|WS)|B(?<!x.)YD'
    """
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    return "|".join(re.escape(ch) + guard + _trie_regex(rests) for ch, rests in sorted(by_first.items()))


@dataclass
class Gazetteer:
    """Known entities with their aliases; finds and resolves names in text."""

    entities: dict[str, Entity]
    fuzzy_cutoff: float = 90.0
    _by_folded: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _by_exact: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _canonical: set[str] = field(default_factory=set, init=False, repr=False)
    _insensitive: re.Pattern[str] | None = field(default=None, init=False, repr=False)
    _sensitive: re.Pattern[str] | None = field(default=None, init=False, repr=False)
    _ascii_lower: re.Pattern[str] | None = field(default=None, init=False, repr=False)
    _choices: list[str] = field(default_factory=list, init=False, repr=False)
    _resolved: dict[str, EntityRef] = field(default_factory=dict, init=False, repr=False)
    _runs: dict[str, _RunParts] = field(default_factory=dict, init=False, repr=False, compare=False)  # _run_parts

    def __post_init__(self) -> None:
        long_names: list[str] = []
        short_names: list[str] = []
        for ent in self.entities.values():
            for surface in (ent.name, *ent.aliases):
                if surface == ent.name:
                    self._canonical.add(fold(surface))
                if len(surface) < _CASE_SENSITIVE_BELOW:
                    self._by_exact.setdefault(surface, ent.id)
                    short_names.append(surface)
                else:
                    self._by_folded.setdefault(fold(surface), ent.id)
                    long_names.append(fold(surface))
        boundary_l, boundary_r = r"(?<![\w.])", r"(?![\w])"
        if long_names:
            self._insensitive = re.compile(
                boundary_l + "(?:" + _trie_regex(set(long_names)) + ")" + boundary_r, re.IGNORECASE
            )
            # For ASCII text: the ASCII names, matched case-sensitively in the lower-cased text (same offsets,
            # same matches, a faster engine path). Off when a name holds a character that IGNORECASE equates
            # with an ASCII letter (dotless i, long s, Kelvin sign, dotted capital I).
            ascii_names = {n for n in long_names if n.isascii()}
            if ascii_names and not any(c in n for n in long_names for c in _ASCII_LOOKALIKES):
                self._ascii_lower = re.compile(boundary_l + "(?:" + _trie_regex(ascii_names) + ")" + boundary_r)
        if short_names:
            # Short names are mostly capitals: the guarded form lets the engine skip the lower-case text.
            self._sensitive = re.compile("(?:" + _guarded_trie(set(short_names), r"(?<![\w.].)") + ")" + boundary_r)
        # Fuzzy matching is for the spellings of organisations and products ("Sensetime"); place names are
        # spelt one way, and near misses are other words ("Indian" is not Indiana, "Georgina" not Georgia).
        self._choices = sorted(f for f, ent_id in self._by_folded.items() if self.entities[ent_id].type != "place")

    # -- construction ---------------------------------------------------------
    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer shipped in ``factcheck/data/`` (:data:`DEFAULT_FILES`)."""
        return _default_gazetteer()

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], *, path: str | None = None) -> dict[str, Entity]:
        """Entities from a parsed aliases file.

        Two shapes are accepted: ``[id] name=..., aliases=[...]`` tables, or
        ``"Canonical Name" = ["alias", ...]``.
        """
        out: dict[str, Entity] = {}
        for key, value in data.items():
            if isinstance(value, list):
                name = key
                ent_id = re.sub(r"[^a-z0-9]+", "_", fold(key)).strip("_")
                out[ent_id] = Entity(id=ent_id, name=name, aliases=tuple(str(v) for v in value))
            elif isinstance(value, Mapping):
                unknown = set(value) - {"name", "type", "aliases", "parent"}
                if unknown or "name" not in value:
                    raise ConfigError(
                        f"entity {key!r}: needs 'name'; unknown keys {sorted(unknown)}", path=path
                    )
                out[key] = Entity(
                    id=key,
                    name=str(value["name"]),
                    type=str(value.get("type", "org")),
                    aliases=tuple(str(a) for a in value.get("aliases", ())),
                    parent=value.get("parent"),  # type: ignore[arg-type]
                )
            else:
                raise ConfigError(f"entity {key!r}: expected a table or a list of aliases", path=path)
        return out

    def extended(self, extra: Mapping[str, Entity]) -> Gazetteer:
        """A new gazetteer with ``extra`` entries added; aliases of a known id are merged."""
        merged = dict(self.entities)
        for ent_id, ent in extra.items():
            # A user entry whose canonical name is already known extends that entity.
            known = self._by_folded.get(fold(ent.name)) or self._by_exact.get(ent.name)
            target = merged.get(ent_id) or (merged.get(known) if known else None)
            if target is not None:
                merged[target.id] = Entity(
                    id=target.id,
                    name=target.name,
                    type=target.type,
                    aliases=tuple(dict.fromkeys((*target.aliases, *ent.aliases))),
                    parent=target.parent,
                )
            else:
                merged[ent_id] = ent
        return Gazetteer(merged, fuzzy_cutoff=self.fuzzy_cutoff)

    def with_aliases_file(self, path: str | Path) -> Gazetteer:
        """Extend with a user aliases file (TOML or JSON)."""
        p = Path(path)
        try:
            raw = p.read_bytes()
            data = json.loads(raw) if p.suffix == ".json" else tomllib.loads(raw.decode("utf-8"))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read aliases file: {exc}", path=str(p)) from None
        return self.extended(self.from_mapping(data, path=str(p)))

    # -- lookups ----------------------------------------------------------------
    def lookup(self, surface: str) -> str | None:
        """The id a listed name or alias stands for, or None."""
        bare = _strip_possessive(surface.strip())
        return self._by_exact.get(bare) or self._by_folded.get(fold(bare))

    def resolve(self, surface: str, span: Span | None = None) -> EntityRef:
        """Resolve one name (cached by surface: names repeat across a text)."""
        cached = self._resolved.get(surface)
        if cached is None:
            cached = self._resolve(surface)
            if len(self._resolved) < 100_000:
                self._resolved[surface] = cached
        return cached if span is None else _at(cached, span)

    def _resolve(self, surface: str, span: Span | None = None) -> EntityRef:
        """Resolve one name to an :class:`EntityRef` (exact, alias, fuzzy or unresolved).

        >>> Gazetteer.default().resolve("Beijing Fourth Paradigm Technology Co").id
        'fourth_paradigm'
        >>> Gazetteer.default().resolve("Acme Widgets").method
        'unresolved'
        """
        bare = _strip_possessive(surface.strip())
        ent_id = self.lookup(bare)
        if ent_id is not None:
            ent = self.entities[ent_id]
            method: Literal["exact", "alias"] = "exact" if fold(bare) == fold(ent.name) else "alias"
            return EntityRef(id=ent_id, name=ent.name, surface=surface, span=span, method=method, type=ent.type)
        if len(bare) >= 4:
            best = process.extractOne(fold(bare), self._choices, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
            if best is not None:
                ent = self.entities[self._by_folded[best[0]]]
                return EntityRef(
                    id=ent.id, name=ent.name, surface=surface, span=span,
                    score=round(float(best[1]), 1), method="fuzzy", type=ent.type,
                )
        return EntityRef(id=unresolved_id(bare), name=bare, surface=surface, span=span, score=0.0, method="unresolved")

    def same(self, a: str, b: str) -> bool:
        """Whether two names resolve to one entity.

        >>> Gazetteer.default().same("ERNIE", "Ernie Bot")
        True
        """
        return self.resolve(a).id == self.resolve(b).id

    def _within_longer_names(self, text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """``hits`` without the listed places that stand inside a longer institution's name: "Japan" in "the
        Bank of Japan" or "Japan National Tourism Organization" is part of that name, which the capitalised
        runs then give whole. Only places yield, and only to a run with an institution's word outside them.

        >>> g = Gazetteer.default()
        >>> [e.name for e in g.find("The Bank of Japan and Japan Post said Japan grew.")]
        ['Bank of Japan', 'Japan Post', 'Japan']
        """
        places = [h for h in hits if self.entities[h[2]].type == "place"]
        if not places:
            return hits
        dropped = set()
        place_starts = [h[0] for h in places]  # sorted, as the hits are
        for m in _CAPITALISED.finditer(text, places[0][0] - 60 if places[0][0] > 60 else 0):
            start, end = m.start(), m.end()
            # The places starting in the run (or 4 characters before it: a place listed with its article, "the
            # United States", is inside a run from its first capital), found by bisection: linear on run-ons.
            first, last = bisect_left(place_starts, start - 4), bisect_left(place_starts, end)
            inside = [h for h in places[first:last] if start <= h[0] + (4 if text.startswith(("the ", "The "), h[0]) else 0)
                      and h[1] <= end and (start, end) != h[:2]]
            if not inside:
                if start > places[-1][1]:
                    break  # no place is left after this run
                continue
            others = text[start:end]
            for h in inside:
                others = others.replace(text[h[0] : h[1]].removeprefix("the ").removeprefix("The "), " ")
            if any(w.lower().strip(".,’'") in _INSTITUTION_WORDS or _NAME_ACRONYM.fullmatch(w) and w not in _ACRONYMS
                   for w in others.split()):
                dropped.update(inside)  # "Bank of Japan", "NHS England": an institution's word or initials
        return [h for h in hits if h not in dropped] if dropped else hits

    def find(self, text: str, offset: int = 0, common_words: frozenset[str] = frozenset()) -> list[EntityRef]:
        """Every entity named in ``text``, in order, without overlaps.

        ``common_words`` are words the surrounding document also writes in
        lower case: capitalised only because they open a sentence ("Shares
        rose", "Net profit"), they are not names, while "Netflix added" is.

        Listed names win over capitalised runs; a name used as a modifier
        ("ChatGPT-like", "Beijing-based") is not reported.
        """
        original = text
        # A soft line wrap inside a name ("Cyberspace\nAdministration of China") is a space; same length, so
        # offsets stay valid. A blank line becomes two spaces and still separates names.
        if "\n" in text:
            text = text.replace("\r\n", " \n").replace("\n", " ")
        hits: list[tuple[int, int, str]] = []  # (start, end, id)
        passes: tuple[tuple[re.Pattern[str] | None, str], ...]
        if self._ascii_lower is not None and text.isascii():
            passes = ((self._ascii_lower, text.lower()), (self._sensitive, text))
        else:
            passes = ((self._insensitive, text), (self._sensitive, text))
        for pattern, subject in passes:
            if pattern is None:
                continue
            for m in pattern.finditer(subject):
                ent_id = self.lookup(text[m.start() : m.end()])
                if ent_id is not None:
                    hits.append((m.start(), m.end(), ent_id))
        if len(hits) > 1:  # most sentences name one listed entity or none
            hits = _longest_first(hits)
        if hits:
            hits = self._within_longer_names(text, hits)
        refs: list[EntityRef] = []
        taken: list[tuple[int, int]] = []  # sorted by start, without overlaps
        taken_starts: list[int] = []
        if hits:
            taken = [(s, e) for s, e, _ in hits]
            taken_starts = [s for s, _ in taken]
        for start, end, ent_id in hits:
            if _is_modifier(text, end):
                continue
            ent = self.entities[ent_id]
            surface = original[start:end]  # as written, line break included
            method = "exact" if fold(surface) == fold(ent.name) else "alias"
            span = Span.trusted(start=offset + start, end=offset + end)  # offsets into the text: valid
            refs.append(EntityRef.trusted(id=ent_id, name=ent.name, surface=surface, span=span, method=method,
                                          type=ent.type))
        lead = -1  # how far quotes, brackets and blanks open the text: measured on first need
        runs = self._runs
        for start, run in _runs_outside_listed(text, taken, taken_starts):
            parts = runs.get(run)
            if parts is None:
                parts = self._run_parts(run)
            if not parts.length:
                continue  # no name wherever it stands
            length, shift, surface, one_word, unlisted = parts
            if _overlaps_sorted(taken, taken_starts, start, start + length) or _is_modifier(text, start + length):
                continue
            start += shift  # past leading function words ("The Cyberspace ..." -> "Cyberspace ...")
            end = start + len(surface)
            head = _COMMON_HEAD.match(surface)
            if (head is not None and head.group(1).lower() not in _INSTITUTION_WORDS  # (not "Bank of America")
                    and _is_common_word(head.group(1), common_words)):
                if lead < 0:
                    lead = _OPENERS_ONLY.match(original).end()
                if _at_sentence_start(original, start, lead):
                    # "Shares of Kisaragi fell": a common word capitalised because first, then the name it is of
                    start += head.end()
                    surface = surface[head.end():]
                    unlisted = " " not in surface and self.lookup(surface) is None
            if unlisted:
                if lead < 0:  # measured once per text: each candidate's test then scans nothing
                    lead = _OPENERS_ONLY.match(original).end()
                if _at_sentence_start(original, start, lead) and (
                        _is_common_word(surface, common_words) or _looks_like_verb(surface, original, end)):
                    continue  # "Approves 14 LLMs", "Spreading false news": capitalised because first, not a name
                if _is_demonym(surface, original, end) or (
                        surface in _UNIT_SYMBOLS and _FIGURE_BEFORE.search(original, max(0, start - 12), start)):
                    continue  # "the Brazilian forward", "473 GW", "24.6 million TEU": an adjective of origin or a unit
            if one_word and original.startswith("$", end):
                continue  # "NT$225 billion": a currency prefix, not a name
            number_end = _number_in_name(original, end)
            if number_end is not None and not _overlaps_sorted(taken, taken_starts, start, number_end):
                surface = original[start:number_end]  # "Skyreach 2", "FTSE 100": the number is part of the name
            refs.append(self.resolve(surface, Span.trusted(start=offset + start, end=offset + start + len(surface))))
        if len(refs) > 1:
            refs.sort(key=lambda r: r.span.start if r.span else 0)
        return refs

    def _run_parts(self, run: str) -> _RunParts:
        """What a capitalised run is as a name, whatever surrounds it: ``(length, shift, surface, one_word,
        unlisted)`` -- the run's length without a possessive or trailing stops, how far its leading function
        words reach, the name without them and trailing initials, whether that is one word, and whether it
        is one word the gazetteer does not list -- or :data:`_NOT_A_NAME` when no context makes it a name
        ("The", "AI", "671B", "Second-quarter"). Remembered per run (bounded): runs repeat across a text.

        >>> tuple(Gazetteer.default()._run_parts("The Cyberspace Administration’s"))
        (29, 4, 'Cyberspace Administration', False, False)
        >>> Gazetteer.default()._run_parts("The") is _NOT_A_NAME
        True
        """
        surface = _strip_possessive(run.rstrip(".-’'"))
        parts = _NOT_A_NAME
        if " " in surface or not (len(surface) < 2 or surface in _FUNCTION_WORDS or surface in _ACRONYMS):
            parts = self._name_parts(surface)
        if len(run) <= _RUN_CACHE_CHARS:
            if len(self._runs) >= _RUN_CACHE_SIZE:
                self._runs.clear()
            self._runs[run] = parts
        return parts

    def _name_parts(self, surface: str) -> _RunParts:
        """:meth:`_run_parts` of a run that is more than one function word or initials."""
        if surface.lower().endswith(_MODIFIER_SUFFIXES):
            return _NOT_A_NAME  # "Lisbon-based airline": the hyphen kept the suffix inside the run
        words = surface.split()
        shift = 0
        while words and words[0] in _FUNCTION_WORDS:  # "The Cyberspace ..." -> "Cyberspace ..."
            shift += len(words[0]) + 1
            words = words[1:]
        if len(words) > 2 and words[0] in _ACRONYMS and words[1] in _TITLE_JOINERS:
            shift += len(words[0]) + len(words[1]) + 2  # "CEO of LVMH", "IPO of Acme Corp" -> the name after
            words = words[2:]
        title = _title_length(words)
        if title:  # "Finance Minister Nirmala Sitharaman" -> "Nirmala Sitharaman"
            shift += sum(len(w) + 1 for w in words[:title])
            words = words[title:]
        while words and words[-1] in _ACRONYMS:
            words = words[:-1]
        if not words or all(w in _FUNCTION_WORDS or w in _ACRONYMS for w in words) or (
            len(words) == 1 and len(words[0]) < 2
        ):
            return _NOT_A_NAME
        name = " ".join(words)
        if len(words) == 1 and "-" in name and all(p in _FUNCTION_WORDS for p in name.split("-")):
            return _NOT_A_NAME  # "April-June", "Monday-Friday": a span of months or days, not a name
        if len(words) == 1 and _SCALED_NUMBER.fullmatch(name):
            return _NOT_A_NAME  # "671B", "85K": a figure with a scale suffix, not a name
        if len(words) == 1 and name[0].isdigit() and name.lstrip("0123456789.") in _UNIT_SYMBOLS:
            return _NOT_A_NAME  # "12GW", "40GWh", "300MW": a figure with its unit symbol
        unlisted = len(words) == 1 and self.lookup(name) is None
        if unlisted and _LOWER_COMPOUND.fullmatch(name):
            return _NOT_A_NAME  # "Second-quarter revenue", "London-listed miner": a compound adjective, not a name
        return _RunParts(len(surface), shift, name, len(words) == 1, unlisted)


_TITLES: Final = frozenset(_STOP["leading_titles"])
_TITLE_WORDS: Final = _TITLES | frozenset(_STOP["title_modifiers"]) | _FUNCTION_WORDS
_NAME_JOINERS: Final = frozenset(_STOP["name_joiners"])
_ORG_ENDINGS: Final = frozenset(load_toml("claims.toml")["subject"]["org_suffixes"])
_TITLE_JOINERS: Final = frozenset({"of", "for", "at"})  # between a leading acronym and the name it is of
_DEMONYMS: Final = frozenset(load_toml("claims.toml")["demonyms"])  # adjectives of origin ("Chilean", "Saudi")


def _title_length(words: list[str]) -> int:
    """How many of a run's first ``words`` are a title before a person's name: title words, one of them a title
    proper (:data:`_TITLES`), then two or three words that read as a person's name; 0 when the run does not
    open so ("Deputy Governor Sarah Breeden" 2, "General Electric Company" 0, "Health Ministry" 0).

    >>> _title_length("Finance Minister Nirmala Sitharaman".split()), _title_length("State Bank of India".split())
    (2, 0)
    """
    k = 0
    proper = False
    while k < len(words) and words[k] in _TITLE_WORDS:
        proper = proper or words[k] in _TITLES
        k += 1
    if not proper or not 2 <= len(words) - k <= 3:
        return 0
    for w in words[k:]:
        low = w.lower().rstrip(".")
        if not w[0].isupper() or not w.replace("-", "").replace("’", "").replace("'", "").isalpha() \
                or low in _INSTITUTION_WORDS or low in _NAME_JOINERS or low in _ORG_ENDINGS:
            return 0  # "Chancellor Capital Management", "President Hotel Group": an organisation's name
    return k


class _RunParts(NamedTuple):
    """What :meth:`Gazetteer._run_parts` says of a capitalised run."""

    length: int  # the run's length without a possessive or trailing stops; 0: no name wherever it stands
    shift: int  # how far its leading function words reach
    surface: str  # the name without them and trailing initials
    one_word: bool
    unlisted: bool  # one word the gazetteer does not list


#: What :meth:`Gazetteer._run_parts` says of a capitalised run that is no name wherever it stands.
_NOT_A_NAME: Final = _RunParts(0, 0, "", False, False)
_RUN_CACHE_CHARS: Final = 60  # runs up to this long are remembered (names; a long Title Case heading is not kept)
_RUN_CACHE_SIZE = 20_000  # and up to this many, then the memory starts again

# A run's first word and the particle after it ("Shares of Kisaragi", "Sales of Tesla"): checked against the
# document's lower-case words when the run opens a sentence.
_COMMON_HEAD: Final = re.compile(r"([A-Z][a-z]+) (?:of|for) (?=[A-Z])")


def _runs_outside_listed(text: str, taken: list[tuple[int, int]], taken_starts: list[int]) -> Iterator[tuple[int, str]]:
    """Each capitalised run of ``text`` as (start, run); a run that opens with a listed name and its possessive
    gives the rest ("Germany's Nordstahl" -> "Nordstahl", "Japan's Kisaragi Motor" -> "Kisaragi Motor")."""
    for m in _CAPITALISED.finditer(text):
        start, end = m.start(), m.end()
        if taken and _overlaps_sorted(taken, taken_starts, start, end):
            i = bisect_left(taken_starts, end) - 1  # the last listed name starting before the run ends
            after = _POSSESSIVE_GAP.match(text, taken[i][1], end)
            if after is not None and after.end() < end:
                start = after.end()
        run = text[start:end]
        cut = _title_inside(run) if " " in run else 0
        if cut:  # "Safaricom CEO Peter Ndegwa": the organisation, then the titled person
            if run[: cut - 1] not in _DEMONYMS:  # ("Chilean President Gabriel Boric": an adjective, no name)
                yield start, run[: cut - 1]
            yield start + cut, run[cut:]
        else:
            yield start, run


@lru_cache(maxsize=4096)
def _title_inside(run: str) -> int:
    """Where a title that opens a person's name starts inside a capitalised run, after a first word that is
    not part of the title ("Safaricom CEO Peter Ndegwa" -> 10, "Federal Reserve Chair Jerome Powell" -> 17);
    0 when none does (cached: runs repeat)."""
    words = run.split(" ")
    pos = len(words[0]) + 1
    for k in range(1, len(words) - 2):
        if words[k] in _TITLE_WORDS and words[k - 1] not in _TITLE_WORDS and _title_length(words[k:]):
            return pos
        pos += len(words[k]) + 1
    return 0


_POSSESSIVE_GAP: Final = re.compile(r"[’']s[ ]")  # between a listed name and the name it owns
_SCALED_NUMBER: Final = re.compile(r"[0-9][0-9.,]*(?:[KkMmBbTt]|bn|mn|tn)")
# A capitalised word joined by hyphens to lower-case ones ("Second-quarter", "London-listed", "Like-for-like"):
# names keep their capitals after a hyphen ("Coca-Cola", "Rolls-Royce"). No nested repetition: linear.
_LOWER_COMPOUND: Final = re.compile(r"[A-Z][a-z]*(?:-[a-z][a-z’']*)+")
# A number right after a name ("Skyreach 2", "FTSE 100", "Ernie 4.0"): digits, one optional decimal part,
# then no more word characters, no percent sign and no further digit group ("737s", "5%", "3,000" are not).
_NUMBER_AFTER: Final = re.compile(r"[ ](?P<num>[0-9]{1,4}(?:\.[0-9]{1,2})?)(?![\w%’'-]|[.,][0-9])")
_YEAR: Final = re.compile(r"1[89][0-9][0-9]|20[0-9][0-9]")


def _number_in_name(text: str, end: int) -> int | None:
    """Where a name ending at ``end`` ends with the number after it, when the number scanner reads that
    number as part of a name or version ("Skyreach 2, the sequel", "the FTSE 100 index"), not as a figure
    ("Acme 2 wins" is rare; "Halcyon 23% higher" is a figure); None when the number stays apart.

    >>> _number_in_name("the FTSE 100 index closed lower", 8), _number_in_name("Skyreach 2 sells 6 million", 8)
    (12, None)
    """
    m = _NUMBER_AFTER.match(text, end)
    if m is None or _YEAR.fullmatch(m.group("num")):
        return None
    # The scanner reads the word before a number and three tokens after it: that short window decides.
    word_start = text.rfind(" ", max(0, end - 30), end) + 1 or max(0, end - 30)
    window = text[word_start : m.end() + 25]
    return m.end() if _scanner_skips(window, m.start("num") - word_start, m.end() - word_start) else None


@lru_cache(maxsize=1024)
def _scanner_skips(window: str, start: int, end: int) -> bool:
    """Whether the number scanner finds no figure over ``window[start:end]`` (cached: names repeat)."""
    from factcheck.mentions.numbers import find_numbers  # late: numbers does not need names at import

    return not any(n.span.start < end and n.span.end > start for n in find_numbers(window))


_LOWER_NEXT: Final = re.compile(r"[ ]+[a-z]")


def _is_common_word(word: str, common_words: frozenset[str]) -> bool:
    """Whether a lone capitalised first word is a common word: listed, written in lower case elsewhere in
    the document in this form or in its singular ("Countries" after "country"), or a fraction or number
    word joined by a hyphen ("Two-thirds").

    >>> _is_common_word("Councillors", frozenset({"councillor"})), _is_common_word("Two-thirds", frozenset())
    (True, True)
    >>> _is_common_word("Netflix", frozenset({"netflix's"}))
    False
    """
    listed, forms = _common_word_forms(word)
    if listed:
        return True
    for form in forms:  # a plain loop: no set and no generator per capitalised first word
        if form in common_words:
            return True
    return False


@lru_cache(maxsize=4096)
def _common_word_forms(word: str) -> tuple[bool, tuple[str, ...]]:
    """Whether a form of ``word`` is a listed common opener, and its forms as a lower-case word: itself,
    its part before a hyphen, its singular (cached: the same words open many sentences)."""
    low = word.lower()
    forms = [low, low.split("-")[0]]
    if low.endswith("ies"):
        forms.append(low[:-3] + "y")
    elif low.endswith("s") and not low.endswith("ss"):
        forms.append(low[:-1])
    return any(form in _COMMON_OPENERS for form in forms), tuple(forms)


def _is_demonym(word: str, text: str, end: int) -> bool:
    """Whether a lone capitalised word is an adjective of origin before a common noun ("the Brazilian
    forward", "a Portuguese club"), not a name.

    >>> _is_demonym("Brazilian", "the Brazilian forward", 13), _is_demonym("Julian", "Julian Ortiz", 6)
    (True, False)
    """
    return len(word) >= 6 and word.lower().endswith(_DEMONYM_SUFFIXES) and _LOWER_NEXT.match(text, end) is not None


# After a sentence-initial verb of a headline comes a figure or a determiner ("Approves 14 LLMs").
_HEADLINE_OBJECT: Final = re.compile(r"\s+(?:[0-9$€£¥]|(?:a|an|the|over|more|nearly|about|its|their)\b)")


def _looks_like_verb(word: str, text: str, end: int) -> bool:
    """Whether a lone capitalised first word reads as a verb: "Spreading", "Approved", "Approves 14"."""
    low = word.lower()
    if low.endswith(("ing", "ed")) and len(low) > 4:
        return True
    return low.endswith("s") and bool(_HEADLINE_OBJECT.match(text, end))


# The quotes, brackets and blanks that open a text: a word they reach opens its sentence.
_OPENERS_ONLY: Final = re.compile(r"[ \t\"“‘'(]*")
_AFTER_STOP: Final = re.compile(r"[:.!?]\s+$|\n\s*$")  # a stop or a line break, then blanks, right before the word


def _at_sentence_start(text: str, start: int, lead: int) -> bool:
    """Whether the word at ``start`` opens a sentence; ``lead`` is how far :data:`_OPENERS_ONLY` reaches
    into ``text`` (measured once per text, so no candidate copies or scans the text before it).

    >>> _at_sentence_start('"Shares rose', 1, 1), _at_sentence_start("It rose. Shares fell", 9, 0)
    (True, True)
    """
    head = text[max(0, start - 3) : start]
    return start == 0 or lead >= start or bool(_AFTER_STOP.search(head))


def _longest_first(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for h in hits:
        if h[0] >= last_end:
            out.append(h)
            last_end = h[1]
    return out


def _overlaps_sorted(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``start..end`` overlaps one of ``spans`` (sorted by start, not overlapping each other): only
    the span starting last before ``end`` can overlap, so one bisection answers."""
    i = bisect_left(starts, end) - 1
    return i >= 0 and spans[i][1] > start


def _is_modifier(text: str, end: int) -> bool:
    tail = text[end : end + 10].lower()
    return tail.startswith(_MODIFIER_SUFFIXES)


#: The default gazetteer's files: the seeds' domain, the world's places, and the public bodies and market
#: firms news quotes figures from.
DEFAULT_FILES: Final = ("entities.toml", "places.toml", "institutions.toml")


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    entities: dict[str, Entity] = {}
    for name in DEFAULT_FILES:
        entities.update(Gazetteer.from_mapping(load_toml(name), path=f"factcheck/data/{name}"))
    return Gazetteer(entities)
