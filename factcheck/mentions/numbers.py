"""Numeric expressions in news text: values, scales, hedges, ranges, money, %, multipliers.

:func:`find_numbers` finds every figure in a text and parses it into a
:class:`~factcheck.models.Quantity`; :func:`parse_quantity` parses one expression.

>>> [m.text for m in find_numbers("Baidu said more than 200 million users joined in 2023.")]
['more than 200 million']
>>> parse_quantity("$5.57M").value, parse_quantity("$5.57M").unit
(Decimal('5570000'), 'USD')

How it works. One regex finds *anchors* (a digit, or a number word such as "fourteen",
"hundred", "twice"); around each anchor small, bounded steps read the figure forwards
(digits with separators, number words, scale words and suffixes, unit, "or more", a range's
second figure, a bracketed currency conversion) and backwards (currency prefix, minus sign,
hedge words, "between"). Context rules then drop what is not a quantity: years and dates,
ordinals, versions and names with digits ("Ernie 3.5", "GPT-4", "01.AI", "360 Security
Technology"), tickers, URLs and e-mail addresses, citation and legal references, clock
times and phone-like strings. Every step looks at a bounded window or consumes what it
scans, so the scan is linear in the length of the text.

Semantics (lexicon and tolerances in ``factcheck/data/numbers.toml``):

- ``value`` is the figure as stated in base units; ``precision`` the step of its last
  significant digit ("200 million" -> 1e8, "5.57 million" -> 1e4, "1,328" -> 1).
- exact figures have ``low == high == value``; approximate ones ("about", "some", "an
  estimated") the tolerance max(10% of the value, precision / 2) each side; "nearly",
  "almost", "close to" X only below X: [X - tolerance, X]; vague ones ("a few hundred",
  "hundreds of") the interval listed in the data file.
- more_than / at_least leave ``high`` open; less_than / at_most have ``low`` 0, or open for
  percentages and negative values. "100+" and "100 or more" are at_least (100 is allowed).
- a range ("between 40 and 50", "40-50", "$2-3 billion") has ``value == low``.
- a share ("a third of", "two thirds", "half of", "one in five", "3/4") is a percentage:
  unit ``percent``, "one in five" -> 20, ``precision`` None (an exact ratio).
- multipliers ("twice", "doubled", "2x", "11 times", "tenfold") have unit ``times``.
- a bare "one" is not reported (it is mostly a pronoun); "one million", "one in five",
  "one year" and "more than one" are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache
from typing import Any, Final, NamedTuple

from factcheck._data import load_toml
from factcheck.models import Bound, NumberMention, Quantity, Span

__all__ = ["find_numbers", "parse_quantity", "yen_or_yuan"]

_MAX_INT_DIGITS: Final = 20  # longer digit strings are identifiers, not figures
_WINDOW: Final = 80  # characters of left context looked at before a figure
_SIGNED_UNITS: Final = frozenset({"percent", "percentage_points"})
_MONEY_SUBUNIT: Final = "subunit"

# ----------------------------------------------------------------------------------------
# Lexicon (read once from numbers.toml)
# ----------------------------------------------------------------------------------------

#: one token: a run of letters, a run of digits, or one other non-space character
_TOKEN: Final = re.compile(r"(\s{0,16})([^\W\d_]+|\d+|[^\w\s])")


def _tokens(phrase: str) -> tuple[str, ...]:
    """Tokenise a lexicon phrase the way text is tokenised ("approx." -> approx, .)."""
    return tuple(m.group(2) for m in _TOKEN.finditer(phrase))


def _dec(s: str) -> Decimal:
    return Decimal(s)


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie (fast in the re engine)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, Decimal]
    tens: dict[str, Decimal]
    scales: dict[str, Decimal]
    vague: dict[str, tuple[Decimal, Decimal, Decimal]]
    vague_plurals: dict[str, tuple[Decimal, Decimal, Decimal]]
    denominators: dict[str, Decimal]
    multipliers: dict[str, Decimal]
    negative: frozenset[str]
    glued: dict[str, Decimal]
    spaced: dict[str, Decimal]
    money_only: dict[str, Decimal]
    bare_million: str  # the money-only suffix that is also a million before a plural noun ("1.2m barrels")
    bare_million_nouns: frozenset[str]
    bare_million_not: frozenset[str]
    currency_words: dict[tuple[str, ...], str]
    currency_codes: dict[str, str]
    postfix_symbols: dict[str, str]
    subunits: dict[str, tuple[str, Decimal]]
    glued_subunits: dict[str, tuple[str, Decimal]]  # "345p", "87c": only glued to the digits
    glued_subunit_not: frozenset[str]  # digits after which they are no money ("1080p")
    percent: dict[tuple[str, ...], str]
    basis_points: dict[tuple[str, ...], Decimal]
    durations: dict[str, str]
    multiplier_verbs: frozenset[str]
    occasion_words: frozenset[str]
    multiplier_verb_cues: frozenset[str]
    multiplier_verb_objects: frozenset[str]
    fraction_followers: frozenset[str]
    physical_symbols: dict[str, str]
    physical_words: dict[tuple[str, ...], str]
    degree_signs: frozenset[str]
    degree_scales: dict[str, str]  # the letter after a degree sign -> the unit ("C" -> "°C")
    times_words: frozenset[str]
    hedges: dict[tuple[str, ...], str]
    hedge_finals: frozenset[str]
    hedge_verbs: frozenset[tuple[str, ...]]
    hedges_after: dict[tuple[str, ...], str]
    intensifiers: frozenset[tuple[str, ...]]
    not_after: frozenset[str]
    determiner_sensitive: frozenset[str]
    particle_verbs: frozenset[str]
    particles: frozenset[str]
    tolerance: Decimal
    openers: frozenset[str]
    connectors: frozenset[str]
    change_verbs: frozenset[str]
    months: frozenset[str]
    year_min: int
    year_max: int
    labels: frozenset[str]
    band_units: frozenset[str]
    band_nouns: frozenset[str]
    function_words: frozenset[str]
    plurals: frozenset[str]
    non_plurals: frozenset[str]
    not_half: frozenset[str]
    ordinal_suffixes: frozenset[str]
    clock: frozenset[tuple[str, ...]]
    anchor: re.Pattern[str]
    prefix_back: re.Pattern[str]
    prefix_last: frozenset[str]  # characters a currency prefix can end with
    unlinked_units: frozenset[str]  # units never followed by a bracketed conversion
    prefix_fwd: re.Pattern[str]
    unit_starts: frozenset[str]  # every token a unit after a figure starts with (as written or lower)
    hedge_after_starts: frozenset[str]  # the first words of hedges after a figure
    number_parts: frozenset[str]  # every token :meth:`_Reader.words` may read as part of a figure


@lru_cache(maxsize=None)
def _lex() -> _Lexicon:
    d = load_toml("numbers.toml")
    w, cur, units, hed, ctx = d["words"], d["currency"], d["units"], d["hedges"], d["context"]

    def decs(table: dict[str, str]) -> dict[str, Decimal]:
        return {k: _dec(v) for k, v in table.items()}

    def phrases(table: dict[str, Any]) -> dict[tuple[str, ...], Any]:
        return {_tokens(k.lower()): v for k, v in table.items()}

    vague = {k: (_dec(v["value"]), _dec(v["low"]), _dec(v["high"])) for k, v in w["vague"].items()}
    plurals = {
        k: (_dec(v["scale"]), _dec(v["low"]), _dec(v["high"]))
        for k, v in w["vague_plurals"].items()
    }
    # Anchor words: every word that can start (or be) a figure, in lower and title case.
    anchor_words = (
        set(w["units"]) | set(w["tens"]) | set(w["scales"]) | set(vague) | set(plurals)
    ) | set(w["multipliers"]) | set(w["multiplier_verbs"]) | set(w["denominators"])
    anchor_words |= {x.capitalize() for x in anchor_words}
    anchor = re.compile(r"\d|\.\d|\b" + _trie(anchor_words) + r"\b")

    # Currency prefixes: "US$" also as "US $" and "us $"; codes as "RMB 5", "RMB5".
    alts = []
    for key in sorted(cur["prefixes"], key=len, reverse=True):
        letters = key.rstrip("$")
        if key.endswith("$") and len(letters) >= 2:
            # Not inside a word: "spent $1.1bn" is dollars, not "nt $" (New Taiwan dollars).
            alts.append(r"(?<![^\W\d_])" + f"(?i:{re.escape(letters)})" + r"\s?\$")
        elif key[0].isalpha():
            alts.append(r"(?<![^\W\d_])" + re.escape(key))  # "Rs 2,836 crore", never the end of "HRs 5"
        else:
            alts.append(re.escape(key))
    codes = "|".join(sorted(cur["codes"], key=len, reverse=True))
    prefix = rf"(?:(?<![^\W\d_])(?:{codes})\s?|(?:{'|'.join(alts)})\s?)"
    return _Lexicon(
        units=decs(w["units"]),
        tens=decs(w["tens"]),
        scales=decs(w["scales"]),
        vague=vague,
        vague_plurals=plurals,
        denominators=decs(w["denominators"]),
        multipliers=decs(w["multipliers"]) | decs(w["multiplier_verbs"]),
        multiplier_verbs=frozenset(w["multiplier_verbs"]),
        occasion_words=frozenset(units["occasions"]["words"]),
        multiplier_verb_cues=frozenset(w["multiplier_verb_cues"]["words"]),
        multiplier_verb_objects=frozenset(w["multiplier_verb_cues"]["objects"]),
        fraction_followers=frozenset(w["fraction_followers"]),
        negative=frozenset(w["negative"]),
        glued=decs(d["suffixes"]["glued"]),
        spaced=decs(d["suffixes"]["spaced"]),
        money_only=decs(d["suffixes"]["money_only"]),
        bare_million=d["suffixes"]["bare_million"]["suffix"],
        bare_million_nouns=frozenset(d["suffixes"]["bare_million"]["also_before"]),
        bare_million_not=frozenset(d["suffixes"]["bare_million"]["not_before"]),
        currency_words=phrases(cur["words"]),
        currency_codes=dict(cur["codes"]),
        postfix_symbols=dict(cur["postfix_symbols"]),
        subunits={k: (v[0], _dec(v[1])) for k, v in cur["subunits"].items()},
        glued_subunits={k: (v[0], _dec(v[1])) for k, v in cur["glued_subunits"].items() if k != "not_after"},
        glued_subunit_not=frozenset(cur["glued_subunits"]["not_after"]),
        percent=phrases(units["percent"]),
        basis_points={k: _dec(v) for k, v in phrases(units["basis_points"]).items()},
        durations=dict(units["durations"]),
        physical_symbols=dict(units["physical_symbols"]),
        physical_words=phrases(units["physical_words"]),
        degree_signs=frozenset(units["degrees"]["signs"]),
        degree_scales=dict(units["degrees"]["scales"]),
        times_words=frozenset(units["times"]),
        hedges=phrases(hed["before"]) | phrases(hed["symbols"]) | phrases(hed["verbs"]),
        hedge_verbs=frozenset(phrases(hed["verbs"])),
        hedge_finals=frozenset(k[-1] for k in phrases(hed["before"]) | phrases(hed["symbols"])
                               | phrases(hed["verbs"])),
        hedges_after=phrases(hed["after"]),
        intensifiers=frozenset(_tokens(x) for x in hed["intensifiers"]),
        not_after=frozenset(hed["not_after"]),
        determiner_sensitive=frozenset(hed["determiner_sensitive"]),
        particle_verbs=frozenset(hed["particle_verbs"]),
        particles=frozenset(hed["particles"]),
        tolerance=_dec(d["tolerance"]["relative"]),
        openers=frozenset(d["ranges"]["openers"]),
        connectors=frozenset(d["ranges"]["connectors"]),
        change_verbs=frozenset(d["ranges"]["change_verbs"]),
        months=frozenset(ctx["months"]),
        year_min=int(ctx["year_min"]),
        year_max=int(ctx["year_max"]),
        labels=frozenset(ctx["labels"]),
        band_units=frozenset(ctx["band_units"]),
        band_nouns=frozenset(w for x in ctx["band_nouns"] for w in _tokens(x.lower())),
        function_words=frozenset(ctx["function_words"]),
        plurals=frozenset(ctx["plurals"]),
        non_plurals=frozenset(ctx["non_plurals"]) | frozenset(ctx["function_words"]),
        not_half=frozenset(ctx["not_half"]),
        ordinal_suffixes=frozenset(ctx["glued_not_units"]),
        clock=frozenset(_tokens(x.lower()) for x in ctx["clock"]),
        anchor=anchor,
        prefix_back=re.compile(rf"(?P<p>{prefix})\Z"),
        prefix_last=frozenset(k[-1] for k in [*cur["prefixes"], *cur["codes"]]),
        unlinked_units=_SIGNED_UNITS | {"times", *units["durations"].values()},
        prefix_fwd=re.compile(rf"(?P<p>{prefix})(?=[-−]?\.?\d)"),
        unit_starts=_unit_starts(d),
        hedge_after_starts=frozenset(k[0] for k in phrases(hed["after"])),
        number_parts=frozenset(
            {*w["units"], *w["tens"], *w["scales"], *vague, *plurals, *w["denominators"],
             *w["multipliers"], *w["multiplier_verbs"], *units["durations"]}
            | {"of", "and", "a", "an", "one", "-", "–", "dozens", "percentage", "percent", "point",
               "points"}
        ),
    )


def _unit_starts(d: dict[str, Any]) -> frozenset[str]:
    """Every first token of a unit :meth:`_Reader.unit` reads after a figure (a cheap test first)."""
    cur, units = d["currency"], d["units"]
    phrase_tables = [units["percent"], units["basis_points"], cur["words"], units["physical_words"]]
    firsts = {_tokens(k.lower())[0] for table in phrase_tables for k in table}
    as_written = [cur["codes"], cur["postfix_symbols"], cur["subunits"], cur["glued_subunits"], units["durations"],
                  units["physical_symbols"], units["times"]]
    return frozenset(firsts | {k for table in as_written for k in table} | {"%", "％", "×", "-", "–"}
                     | set(units["degrees"]["signs"]) | set(units["degrees"]["scales"]))


@lru_cache(maxsize=1024)  # pure, and the same few prefixes recur in every text
def _currency_of(prefix: str) -> str | None:
    """ISO code of a currency prefix as written ("US $" -> USD, "RMB" -> CNY)."""
    cur = load_toml("numbers.toml")["currency"]
    key = "".join(prefix.split())
    if key in cur["codes"]:
        return cur["codes"][key]
    for k, code in cur["prefixes"].items():
        if k.lower() == key.lower():
            return code
    return None


# ----------------------------------------------------------------------------------------
# Text helpers
# ----------------------------------------------------------------------------------------

# A scale word joined to the digits by a hyphen ("$1.2-trillion", "a 2-billion-dollar deal", "3-million-strong").
_HYPHEN_SCALE: Final = re.compile(r"-([A-Za-z]{4,9})(?!\w)")
# The word after a glued suffix: one space, then a lower-case word (bounded: no backtracking to speak of).
_NEXT_WORD: Final = re.compile(r" ([a-z][a-z'’-]{0,30})\b")

#: a numeral: 1,328 · 1 200 (groups of three only) · 2.788 · 1.3e6
_NUMERAL: Final = re.compile(
    r"""
    (?P<int>
        \d{1,3}(?:,\d{3})+(?!\d)                       # comma-grouped thousands
      | \d{1,3}(?:[\u00a0\u202f\u2009\ ]\d{3})+(?!\d)  # space-grouped, groups of 3
      | \d+
    )
    (?:\.(?P<frac>\d+))?                               # decimals
    (?:[eE](?P<exp>[-+]?\d{1,2})(?![\w.]))?            # scientific notation
    """,
    re.X,
)
#: the rest of a glued chunk ("cn10-1132/d.2023", "0700.HK"): what an identifier skips
_CHUNK: Final = re.compile(r"[\w.\-/:+()\[\]]{0,200}")
_DIGITS: Final = re.compile(r"\d+")
_NON_DIGITS: Final = re.compile(r"\D")
#: a phone number after "+": digits, spaces, brackets and dashes (bounded)
_PHONE: Final = re.compile(r"[\d\s()\-./]{0,40}")
#: two more dash-joined digit groups: "2023-08-31", "+1-222-2222"
_DASH_CHAIN: Final = re.compile(r"(?:[-−]\d+){2}")
_SLASH: Final = re.compile(r"/([1-9]\d{0,3})(?![\d/.\-\w])")  # "/4" ending a fraction
_LETTERS: Final = re.compile(r"[^\W\d_]+")
#: markers of URLs, e-mail addresses, DOIs and domain names
_URLISH: Final = re.compile(
    r"://|@\w|\bwww\.|\bdoi:|\b[\w-]\.(?:com|org|net|gov|edu|int|cn|uk|io|ai|info|html?|php)\b",
    re.I,
)
#: what every _URLISH match holds: ":", "@", or a dot before a letter or after "www".
#: Every alternative starts with a literal, so the engine skips to candidates at C speed;
#: most sentences have none and need no _URLISH scan.
_URL_HINT: Final = re.compile(r":|@|\.(?:[a-z]|(?<=www\.))", re.I)
_SPACES: Final = (" ", "\n", "\t", "\r", "\u00a0", "\u3000")
#: twelve or more bare numbers with only separators between them: a table row, a list of
#: codes or noise, not prose. Starts only at the start of a digit run, so it stays linear.
_NUMBER_RUN: Final = re.compile(r"(?<![\d.])(?:[-+]?\d[\d.]*[\s,;:/|]+){12,}")
#: one group of a _NUMBER_RUN (a digit run and a separator): a run needs twelve of them.
#: Only the first digit of a run may start one (the look-behind), so a megabyte of digits
#: is read once, not once per digit.
_RUN_GROUP: Final = re.compile(r"\d(?<![\d.]\d)[\d.]*[\s,;:/|]")
_MINUS: Final = "-−"
_DASHES: Final = "-–—"


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    spaced: bool  # whitespace between this token and the previous one (reading order)


# Tokens are made by the thousand: tuple.__new__ skips the generated _Tok.__new__ wrapper.
_new_tuple = tuple.__new__


def _fwd(text: str, pos: int, k: int) -> list[_Tok]:
    """Up to ``k`` tokens after ``pos`` (stops at a long gap)."""
    out: list[_Tok] = []
    match = _TOKEN.match
    for _ in range(k):
        m = match(text, pos)
        if m is None:
            break
        s, e = m.span(2)  # the match starts at pos: any gap before s is whitespace
        out.append(_new_tuple(_Tok, (text[s:e], s, e, s > pos)))
        pos = e
    return out


def _bwd(text: str, pos: int, floor: int, k: int) -> list[_Tok]:
    """Up to ``k`` tokens before ``pos``, nearest first, not crossing ``floor``."""
    lo = max(floor, pos - _WINDOW)
    rev = text[lo:pos][::-1]
    out: list[_Tok] = []
    match = _TOKEN.match
    i = 0
    for _ in range(k):
        m = match(rev, i)
        if m is None:
            break
        rs, re_ = m.span(2)
        s, e = pos - re_, pos - rs
        out.append(_new_tuple(_Tok, (text[s:e], s, e, rs > i)))
        i = re_
    if out and out[-1].start == lo and lo > floor and text[lo - 1 : lo].isalnum():
        out.pop()  # cut by the window
    return out


def _points_after(toks: list[_Tok], k: int) -> int | None:
    """The token index after "(of) a percentage point" or "-point" following a fraction at ``k``, else None.

    "a quarter of a percentage point" and "a quarter-point cut" are 0.25 percentage points, not 25 %;
    a bare "half a point" is left alone (sports scores use it too).
    """
    words = _lower(toks[k : k + 5])
    i = 0
    hyphen = words[:1] in (("-",), ("–",))
    if hyphen:
        i += 1
    else:
        if words[i : i + 1] == ("of",):
            i += 1
        if words[i : i + 1] in (("a",), ("an",)):
            i += 1
        if words[i : i + 1] not in (("percentage",), ("percent",)):
            return None
        i += 1
    if words[i : i + 1] in (("point",), ("points",)):
        return k + i + 1
    return None


def _lower(toks: Iterable[_Tok]) -> tuple[str, ...]:
    return tuple([t.text.lower() for t in toks])  # a list is built faster than a generator runs


def _is_word(tok: _Tok | None) -> bool:
    return tok is not None and tok.text[0].isalpha()


_ONE, _ZERO = Decimal(1), Decimal(0)  # made once: every figure's interval uses them


def _clean(d: Decimal) -> Decimal:
    """An integral decimal without exponent or trailing zeros ("5.57E+6" -> 5570000)."""
    if d == d.to_integral_value():
        return d.quantize(_ONE)
    return d.normalize()


def _step(d: Decimal) -> Decimal:
    """Step of the last significant digit of ``d`` (200 -> 100, 2.5e6 -> 1e5)."""
    if d == 0:
        return Decimal(1)
    exp = d.normalize().as_tuple().exponent
    return Decimal(1).scaleb(int(exp))


def _excluded(text: str) -> list[tuple[int, int]]:
    """Whitespace-delimited chunks holding a URL, e-mail address, DOI or domain name."""
    out: list[tuple[int, int]] = []
    floor = 0
    # Cheap pre-checks first: _URLISH and _NUMBER_RUN try every position, and most
    # sentences hold neither a URL hint nor twelve separated digit runs.
    urlish = _URLISH.finditer(text) if _URL_HINT.search(text) else ()
    for m in urlish:
        if m.start() < floor:
            continue
        start = max(text.rfind(c, floor, m.start()) for c in _SPACES) + 1
        start = max(start, floor)
        end = m.end()
        while end < len(text) and not text[end].isspace():
            end += 1
        if text[m.start() : m.end()].lower() == "doi:":  # "doi: 10.1000/xyz"
            nxt = _fwd(text, end, 1)
            if nxt:
                end = nxt[0].start
                while end < len(text) and not text[end].isspace():
                    end += 1
        out.append((start, end))
        floor = end
    if len(_RUN_GROUP.findall(text)) < 12:
        return out
    runs = [m.span() for m in _NUMBER_RUN.finditer(text)]
    return sorted(out + runs) if runs else out


# ----------------------------------------------------------------------------------------
# A figure being read
# ----------------------------------------------------------------------------------------


class _Fig(NamedTuple):
    """One figure: its surface span (without hedge) and what it says.

    A named tuple, not a dataclass: figures are built and copied (``_replace``) several
    times per anchor, and tuples are several times cheaper to create.
    """

    start: int
    end: int
    value: Decimal
    precision: Decimal | None
    unit: str | None = None
    digits: bool = True  # written with digits
    plain: bool = False  # bare integer digits: no separators, decimals, sign or scale
    decimal: bool = False
    scaled: bool = False
    prefixed: bool = False  # currency written before the number
    low: Decimal | None = None  # vague interval ("a few hundred")
    high: Decimal | None = None
    name_like: bool = False  # "3M", "4K": one digit and a capital letter
    glued_hyphen: bool = False  # followed by "-digit" with no space (ranges, scores)


@lru_cache(maxsize=256)
def _pow10(n: int) -> Decimal:
    """10**n as ``Decimal(1).scaleb(n)`` (the precision of a numeral), made once per n."""
    return Decimal(1).scaleb(n)


def _numeral(text: str, i: int) -> tuple[Decimal, Decimal, int, bool, bool] | None:
    """Digits at ``i`` -> (value, precision, end, plain, decimal), or None if not a figure."""
    m = _NUMERAL.match(text, i)
    if not m:
        return None
    # The same numerals recur ("2023", "5", "10"): each is parsed once. The match alone fixes its
    # parts ("," and " " only group thousands, "." and "e" delimit), so its text is the key.
    key = m.group()
    parsed = _NUMERAL_PARSED.get(key)
    if parsed is None:
        parsed = _parse_numeral(m) or ()
        if len(key) <= 64:
            if len(_NUMERAL_PARSED) >= 4096:
                _NUMERAL_PARSED.clear()
            _NUMERAL_PARSED[key] = parsed
    if not parsed:
        return None
    value, precision, plain, decimal = parsed
    return value, precision, m.end(), plain, decimal


_NUMERAL_PARSED: dict[str, tuple[Decimal, Decimal, bool, bool] | tuple[()]] = {}


def _parse_numeral(m: re.Match[str]) -> tuple[Decimal, Decimal, bool, bool] | None:
    """(value, precision, plain, decimal) of a :data:`_NUMERAL` match, or None if it is not a figure."""
    raw_int = _NON_DIGITS.sub("", m.group("int"))
    frac, exp = m.group("frac"), m.group("exp")
    if len(raw_int) > _MAX_INT_DIGITS or (frac and len(frac) > _MAX_INT_DIGITS):
        return None
    if len(raw_int) > 1 and raw_int[0] == "0" and not frac:
        return None  # "007", "0700.HK", "01.AI": codes
    try:
        value = Decimal(raw_int + ("." + frac if frac else ""))
    except InvalidOperation:  # pragma: no cover - the regex admits digits only
        return None
    if frac:
        precision = _pow10(-len(frac))
    else:
        stripped = raw_int.rstrip("0")
        precision = _pow10(len(raw_int) - len(stripped)) if stripped else Decimal(1)
    if exp:
        value, precision = value.scaleb(int(exp)), precision.scaleb(int(exp))
    plain = not frac and not exp and raw_int == m.group("int")
    return value, precision, plain, bool(frac)


class _Reader:
    """Reads figures in one text. Methods return None for "no figure here"."""

    def __init__(self, text: str, context: bool = True) -> None:
        self.text = text
        self.lex = _lex()
        self.context = context  # apply the not-a-quantity context rules
        # tokens read after a position (while one anchor is read), and how many were asked for
        self._fcache: dict[int, tuple[list[_Tok], list[int]]] = {}

    def fwd(self, pos: int, k: int) -> list[_Tok]:
        """:func:`_fwd` on this text, cached while one anchor is read.

        Only the tokens asked for are read: most steps look at one token and stop there. A later
        step asking for more continues the read from the last token (the same tokens result).
        """
        hit = self._fcache.get(pos)
        if hit is None:
            toks = _fwd(self.text, pos, k)
            self._fcache[pos] = (toks, [k])
            return toks[:]
        toks, asked = hit
        if k > asked[0]:
            if len(toks) == asked[0]:  # the read stopped at the count asked, not at the text's end
                toks += _fwd(self.text, toks[-1].end if toks else pos, k - len(toks))
            asked[0] = k
        return toks[:k]

    # -- number words ----------------------------------------------------------------

    def words(self, i: int) -> tuple[_Fig, int] | None:
        """Number words starting at ``i``: "twenty-one", "a few hundred", "two thirds"."""
        lx = self.lex
        toks = self.fwd(i, 4)
        if not toks:
            return None
        # A run of number words may be long ("twenty-one thousand three hundred and four"), but
        # most stop at once ("several days", "three companies"). Every step below stops at the first
        # word no number is made of, and looks at most two tokens past the words it has read:
        # so when one of the first three tokens is such a word, these four tokens decide.
        if all(t.text.lower() in lx.number_parts for t in toks[:3]):
            toks = self.fwd(i, 12)
        first = toks[0].text.lower()
        if first in lx.multipliers:
            fig = _Fig(toks[0].start, toks[0].end, lx.multipliers[first], None, unit="times",
                       digits=False)
            return fig, 1
        if first in lx.vague_plurals:
            return self._vague_plural(toks)
        if first in lx.vague:
            return self._vague(toks)
        if first == "half":
            return self._half(toks, Decimal(1))
        if first in lx.denominators:  # "a third of", "a quarter million": at() checks the "a"
            nxt = toks[1] if len(toks) > 1 else None
            if nxt is None or not _is_word(nxt) or nxt.text.lower() == "of" or \
                    nxt.text.lower() in lx.scales or nxt.text.lower() in lx.fraction_followers:
                return self._fraction(toks, 0, Decimal(1))
            return None
        total, current, n, last = Decimal(0), Decimal(0), 0, ""
        while n < len(toks):
            w = toks[n].text.lower()
            if w in lx.units and last in ("", "hundred", "scale", "and", "tens-"):
                current += lx.units[w]
                last = "unit"
            elif w in lx.units and last == "tens" and lx.units[w] < 10 and lx.units[w] > 0:
                current += lx.units[w]
                last = "unit"
            elif w in lx.tens and last in ("", "hundred", "scale", "and"):
                current += lx.tens[w]
                last = "tens"
            elif w == "hundred" and last in ("unit", "tens", "") and current < 100:
                current = (current or Decimal(1)) * 100
                last = "hundred"
            elif w in lx.scales and w != "hundred" and last in ("unit", "tens", "hundred", ""):
                scale = lx.scales[w]
                if w == "dozen":
                    current = (current or Decimal(1)) * scale
                    last = "hundred"
                elif total and total + current < scale:
                    total = (total + (current or Decimal(1))) * scale
                    current = Decimal(0)
                    last = "scale"
                else:
                    total += (current or Decimal(1)) * scale
                    current = Decimal(0)
                    last = "scale"
            elif w in lx.scales and w != "dozen" and last == "scale" and lx.scales[w] > total:
                total, last = total * lx.scales[w], "scale"  # "three lakh crore"
            elif w == "and" and last in ("hundred", "scale", "unit", "tens") and n + 1 < len(toks):
                nxt_word = toks[n + 1].text.lower()
                den = toks[n + 2].text.lower() if n + 2 < len(toks) else ""
                if nxt_word in ("a", "one") and den in lx.denominators and not den.endswith("s"):
                    current += 1 / lx.denominators[den]  # "two and a half (million)"
                    n += 3
                    last = "unit"
                    continue
                if last in ("hundred", "scale") and (nxt_word in lx.units or nxt_word in lx.tens):
                    last = "and"
                else:
                    break
            elif w in ("-", "–") and last in ("tens", "unit") and n + 1 < len(toks):
                nxt_word = toks[n + 1].text.lower()
                if nxt_word in lx.units and last == "tens":
                    last = "tens-"
                elif nxt_word in lx.denominators and nxt_word != "half" and total == 0 and current < 100:
                    return self._fraction(toks, n + 1, current)  # "one-eighth"
                else:
                    break
            elif w == "dozens" and last in ("unit", "tens"):
                current, last = current * 12, "hundred"  # "three dozens"
            elif w in lx.denominators and last in ("unit", "tens") and total == 0 and \
                    current < 100 and w != "half":
                return self._fraction(toks, n, current)
            else:
                break
            n += 1
        if last in ("", "and", "tens-"):
            return None
        value = total + current
        used = toks[:n]
        fig = _Fig(used[0].start, used[-1].end, value, _step(value), digits=False,
                   scaled=any(t.text.lower() in lx.scales for t in used))
        return fig, n

    def _fraction(self, toks: list[_Tok], n: int, numerator: Decimal) -> tuple[_Fig, int] | None:
        """"two thirds", "one fifth" (of a million) -> a share, or a scaled value."""
        den = self.lex.denominators[toks[n].text.lower()]
        end = n + 1
        # "two thirds of a million", "a quarter million" scale instead of being a share
        rest = _lower(toks[end : end + 3])
        skip = 2 if rest[:2] in (("of", "a"), ("of", "an")) else 0
        if len(rest) > skip and rest[skip] in self.lex.scales and rest[skip] != "dozen":
            value = numerator / den * self.lex.scales[rest[skip]]
            fig = _Fig(toks[0].start, toks[end + skip].end, value, None, digits=False,
                       scaled=True)
            return fig, end + skip + 1
        with localcontext() as c:
            c.prec = 28
            share = numerator / den
            points = _points_after(toks, end)
            if points is not None:  # "a quarter of a percentage point", "a quarter-point cut"
                return _Fig(toks[0].start, toks[points - 1].end, share.normalize(), None,
                            unit="percentage_points", digits=False), points
            value = (share * 100).quantize(Decimal("0.0001")).normalize()
        return _Fig(toks[0].start, toks[n].end, value, None, unit="percent", digits=False), end

    def _half(self, toks: list[_Tok], numerator: Decimal) -> tuple[_Fig, int] | None:
        """"half a million" (scale), "half an hour" (duration), "half of" (50 percent)."""
        lx = self.lex
        rest = _lower(toks[1:3])
        half = Decimal("0.5") * numerator
        if rest and rest[0] in lx.scales:
            return _Fig(toks[0].start, toks[1].end, half * lx.scales[rest[0]],
                        _step(half * lx.scales[rest[0]]), digits=False, scaled=True), 2
        if len(rest) == 2 and rest[0] in ("a", "an") and rest[1] in lx.scales:
            return _Fig(toks[0].start, toks[2].end, half * lx.scales[rest[1]],
                        _step(half * lx.scales[rest[1]]), digits=False, scaled=True), 3
        if len(rest) == 2 and rest[0] in ("a", "an") and rest[1] in lx.durations:
            return _Fig(toks[0].start, toks[2].end, half, None, unit=lx.durations[rest[1]],
                        digits=False), 3
        points = _points_after(toks, 1)
        if points is not None:  # "half a percentage point", "a half-point rise"
            return _Fig(toks[0].start, toks[points - 1].end, half, None, unit="percentage_points",
                        digits=False), points
        if toks[1:2] and toks[1].text in ("-", "–") and not toks[1].spaced:
            return None  # "half-year", "half-price"
        return _Fig(toks[0].start, toks[0].end, half * 100, None, unit="percent",
                    digits=False), 1

    def _vague(self, toks: list[_Tok]) -> tuple[_Fig, int] | None:
        """"(a) few hundred", "several thousand", "a couple of million"."""
        lx = self.lex
        value, low, high = lx.vague[toks[0].text.lower()]
        n = 1
        if n < len(toks) and toks[n].text.lower() == "of":
            n += 1
        scale = Decimal(1)
        while n < len(toks) and toks[n].text.lower() in lx.scales:
            scale *= lx.scales[toks[n].text.lower()]
            n += 1
        if scale == 1:
            return None  # "a few days" is not a figure
        fig = _Fig(toks[0].start, toks[n - 1].end, value * scale, scale, digits=False,
                   scaled=True, low=low * scale, high=high * scale)
        return fig, n

    def _vague_plural(self, toks: list[_Tok]) -> tuple[_Fig, int] | None:
        """"hundreds of", "tens of thousands of", "hundreds of millions of"."""
        lx = self.lex
        scale, low, high = lx.vague_plurals[toks[0].text.lower()]
        if len(toks) < 2 or toks[1].text.lower() != "of":
            return None
        n, end = 1, toks[0].end
        while n + 1 < len(toks) and toks[n].text.lower() == "of":
            w = toks[n + 1].text.lower()
            if w in lx.vague_plurals:
                scale *= lx.vague_plurals[w][0]
            elif w in lx.scales and w != "dozen":
                scale *= lx.scales[w]
            else:
                break
            end = toks[n + 1].end
            n += 2
        fig = _Fig(toks[0].start, end, low * scale, scale, digits=False, scaled=True,
                   low=low * scale, high=high * scale)
        return fig, n

    # -- digits ----------------------------------------------------------------------

    def digits(self, i: int, prefixed: bool) -> _Fig | None:
        """A numeral at ``i`` with any scale word or suffix after it ("5.57 million")."""
        text, lx = self.text, self.lex
        start = i
        got: tuple[Decimal, Decimal, int, bool, bool] | None
        if text[i] == ".":  # ".08": a decimal without its leading zero
            m = _DIGITS.match(text, i + 1)
            if m is None or m.end() - m.start() > _MAX_INT_DIGITS:
                return None
            got = (Decimal("0." + m.group()), Decimal(1).scaleb(-len(m.group())), m.end(),
                   False, True)
        else:
            got = _numeral(text, i)
        if got is None:
            return None
        value, precision, end, plain, decimal = got
        # glued suffix: "5.57M", "85K", "1.2bn", "$5m"
        m = _LETTERS.match(text, end)
        if m:
            suffix = m.group()
            scale = lx.glued.get(suffix) or (lx.money_only.get(suffix) if prefixed else None)
            if scale is None and suffix == lx.bare_million and self._plural_follows(m.end()):
                scale = lx.money_only[suffix]  # "1.2m barrels": a million, not metres
            if scale is not None:
                name_like = (not prefixed and plain and len(suffix) == 1 and suffix.isupper()
                             and end - start == 1)
                return _Fig(start, m.end(), value * scale, precision * scale, decimal=decimal,
                            scaled=True, prefixed=prefixed, name_like=name_like)
        fig = _Fig(start, end, value, precision, plain=plain, decimal=decimal, prefixed=prefixed)
        if m:
            return fig  # the caller decides what other glued letters mean
        # spaced scale words: "2 million", "322 hundred", "3 lakh crore", "1.2 bn"
        if not text[end : end + 1].isspace():
            if text[end : end + 1] == "-":  # "$1.2-trillion", "US$1.5-billion": a scale joined by a hyphen
                joined = _HYPHEN_SCALE.match(text, end)
                if joined is not None and joined.group(1).lower() in lx.scales:
                    scale = lx.scales[joined.group(1).lower()]
                    return fig._replace(end=joined.end(), value=value * scale, precision=precision * scale,
                                        plain=False, scaled=True)
            return fig  # a scale word must be spaced: no need to read tokens
        nxt = self.fwd(end, 1)
        if not nxt or (nxt[0].text.lower() not in lx.scales and nxt[0].text.lower() != "dozens"
                       and nxt[0].text not in lx.spaced):
            return fig  # most figures: the next word is no scale
        toks = self.fwd(end, 3)
        scale, n = Decimal(1), 0
        while n < len(toks) and toks[n].spaced:
            w = toks[n].text
            s = lx.scales.get(w.lower()) if w.lower() != "dozen" or scale == 1 else None
            if s is None and w.lower() == "dozens" and scale == 1:
                s = Decimal(12)
            if s is None and n == 0:
                s = lx.spaced.get(w)
            if s is None or (n and s <= scale):
                break
            scale *= s
            n += 1
        if n:
            fig = fig._replace(end=toks[n - 1].end, value=value * scale,
                               precision=precision * scale, plain=False, scaled=True)
        return fig

    def _plural_follows(self, end: int) -> bool:
        """Whether a plural noun follows ``end`` after one space ("1.2m barrels", "3.4m people")."""
        m = _NEXT_WORD.match(self.text, end)
        if m is None:
            return False
        word, lx = m.group(1), self.lex
        if word in lx.bare_million_nouns:
            return True
        return len(word) >= 4 and word.endswith("s") and not word.endswith("ss") and word not in lx.bare_million_not

    def core(self, i: int, prefixed: bool = False) -> _Fig | None:
        """The figure (digits or words, with its scale) that starts at ``i``."""
        ch = self.text[i]
        if ch.isdigit() or ch == ".":
            return self.digits(i, prefixed)
        got = self.words(i)
        return None if got is None else got[0]

    # -- units after a figure --------------------------------------------------------

    def unit(self, fig: _Fig) -> _Fig:
        """Extend ``fig`` with the unit written after it (%, yuan, days, times...)."""
        text, lx = self.text, self.lex
        if fig.unit is not None:
            return fig
        end = fig.end
        nxt = text[end : end + 1]
        if nxt == "%" or nxt == "％":
            return fig._replace(end=end + 1, unit="percent")
        if nxt in ("x", "×") and not text[end + 1 : end + 2].isalnum() and fig.digits:
            return fig._replace(end=end + 1, unit="times")
        toks = self.fwd(end, 1)
        if not toks or (toks[0].text not in lx.unit_starts and
                        toks[0].text.lower() not in lx.unit_starts):
            return fig  # most figures: the next word starts no unit
        toks = self.fwd(end, 4)
        t0 = toks[0]
        if t0.text in ("%", "％", "×"):
            return fig._replace(end=t0.end, unit="times" if t0.text == "×" else "percent")
        if t0.text in lx.degree_signs and len(toks) > 1 and not toks[1].spaced and toks[1].text in lx.degree_scales:
            return fig._replace(end=toks[1].end, unit=lx.degree_scales[toks[1].text])  # "42°C"
        if not t0.spaced and t0.text in lx.glued_subunits and fig.digits and not fig.prefixed and not fig.scaled \
                and text[fig.start : fig.end] not in lx.glued_subunit_not:
            code, factor = lx.glued_subunits[t0.text]  # "345p", "87c": pence and cents
            precision = None if fig.precision is None else fig.precision * factor
            return fig._replace(end=t0.end, value=fig.value * factor, precision=precision, unit=code)
        if not t0.spaced and t0.text in lx.degree_scales and fig.digits and not fig.prefixed and not fig.scaled \
                and fig.end - fig.start > 1:  # ("5C" with one digit reads as a name, like "5G" and "3M")
            return fig._replace(end=t0.end, unit=lx.degree_scales[t0.text])  # "45C", "113F": a temperature
        hyphen = t0.text == "-" and not t0.spaced and len(toks) > 1 and not toks[1].spaced
        words = toks[1:] if hyphen else toks
        if not words or not _is_word(words[0]) or (not hyphen and not words[0].spaced and
                                                  not fig.scaled and fig.digits):
            glued_ok = words and _is_word(words[0]) and (
                words[0].text.lower() in lx.durations or words[0].text in lx.currency_codes
                or words[0].text in lx.postfix_symbols or (words[0].text.lower(),) in lx.percent
                or (words[0].text.lower(),) in lx.basis_points or words[0].text in lx.physical_symbols)
            if not glued_ok:
                return fig
        low = _lower(words)
        for size in (3, 2, 1):
            key = low[:size]
            if len(key) < size:
                continue
            if key in lx.percent:
                return fig._replace(end=words[size - 1].end, unit=lx.percent[key])
            if key in lx.basis_points:
                factor = lx.basis_points[key]
                precision = None if fig.precision is None else fig.precision * factor
                return fig._replace(end=words[size - 1].end, value=fig.value * factor,
                                    precision=precision, unit="percentage_points")
            if key in lx.currency_words and not fig.prefixed:
                return fig._replace(end=words[size - 1].end, unit=lx.currency_words[key])
            if key in lx.physical_words and not fig.prefixed:
                return fig._replace(end=words[size - 1].end, unit=lx.physical_words[key])
        w, raw = low[0], words[0].text
        if raw in lx.currency_codes and not fig.prefixed:
            return fig._replace(end=words[0].end, unit=lx.currency_codes[raw])
        if raw in lx.postfix_symbols and not fig.prefixed:  # "100元"
            return fig._replace(end=words[0].end, unit=lx.postfix_symbols[raw])
        if w in lx.subunits and not fig.prefixed:
            code, factor = lx.subunits[w]
            precision = None if fig.precision is None else fig.precision * factor
            return fig._replace(end=words[0].end, value=fig.value * factor, precision=precision,
                                unit=code)
        if w in lx.durations:
            return fig._replace(end=words[0].end, unit=lx.durations[w])
        if raw in lx.physical_symbols and not fig.prefixed:
            return fig._replace(end=words[0].end, unit=lx.physical_symbols[raw])
        if w in lx.times_words:
            if len(low) > 1 and low[1] in lx.occasion_words and w == "times":
                return fig  # "eight times for Brazil": a count of occasions, the noun counted
            return fig._replace(end=words[0].end, unit="times")
        if t0.text in lx.postfix_symbols and not fig.prefixed and len(t0.text) == 1 and \
                not t0.text.isalnum():
            return fig._replace(end=t0.end, unit=lx.postfix_symbols[t0.text])
        return fig

    def unit_symbol_after(self, fig: _Fig) -> _Fig:
        """A currency symbol after the figure ("100元", "-15€", "100 ₭")."""
        if fig.unit is not None or fig.prefixed:
            return fig
        toks = self.fwd(fig.end, 1)
        if toks and toks[0].text in self.lex.postfix_symbols:
            toks = self.fwd(fig.end, 2)
            if len(toks) > 1 and (toks[1].text[0].isdigit() or toks[1].text == "."):
                return fig  # "10 $5": the symbol belongs to the next figure
            return fig._replace(end=toks[0].end, unit=self.lex.postfix_symbols[toks[0].text])
        return fig

    def figure_forward(self, i: int) -> _Fig | None:
        """A complete figure read forwards from ``i`` (second half of a range, a conversion)."""
        text, lx = self.text, self.lex
        unit, prefixed = None, False
        m = lx.prefix_fwd.match(text, i)
        if m:
            unit, prefixed, i = _currency_of(m.group("p")), True, m.end()
        neg = False
        if text[i : i + 1] in _MINUS and text[i + 1 : i + 2].isdigit():
            neg, i = True, i + 1
        if i >= len(text) or not (text[i].isdigit() or text[i].isalpha() or text[i] == "."):
            return None
        fig = self.core(i, prefixed)
        if fig is None or (not fig.digits and fig.unit is not None):
            return None
        if _LETTERS.match(text, fig.end) and fig.digits:
            suffix = _LETTERS.match(text, fig.end).group()  # type: ignore[union-attr]
            if suffix.lower() not in lx.durations and suffix not in ("x",):
                return None
        start = m.start() if m else fig.start - (1 if neg else 0)
        fig = fig._replace(start=start, unit=unit, prefixed=prefixed)
        if neg:
            fig = fig._replace(value=-fig.value, plain=False)
        return self.unit_symbol_after(self.unit(fig))


# ----------------------------------------------------------------------------------------
# The scan
# ----------------------------------------------------------------------------------------


class _Found(NamedTuple):
    """A figure with its hedge, bound, range end and linked conversion (a tuple for speed)."""

    fig: _Fig
    start: int  # including hedge
    end: int
    bound: str  # a Bound value, or approx_below
    hedge: tuple[int, int] | None = None
    high: _Fig | None = None  # the upper end of a range
    linked: _Found | None = None


#: Bound members by value: a dict lookup costs a fraction of the ``Bound(value)`` enum call.
_BOUND_OF: Final = {b.value: b for b in Bound}


def _quantity(f: _Found) -> Quantity:
    """The interval the words allow (see the module docstring)."""
    fig = f.fig
    value = _clean(fig.value)
    prec = None if fig.precision is None else _clean(fig.precision)
    unsigned = fig.unit not in _SIGNED_UNITS and value >= 0
    floor = _ZERO if unsigned else None
    bound = f.bound
    low: Decimal | None
    high: Decimal | None
    if f.high is not None:
        bound, low, high = "range", value, _clean(f.high.value)
    elif bound in ("approx", "approx_below") or fig.low is not None:
        if fig.low is not None and bound in ("exact", "approx", "approx_below"):
            low, high = _clean(fig.low), _clean(fig.high or fig.value)
        else:
            tol = max(abs(value) * _lex().tolerance, (prec or Decimal(0)) / 2)
            low, high = _clean(value - tol), _clean(value + tol)
            if bound == "approx_below":
                high = value
            if unsigned and low < 0:
                low = _ZERO
        if bound in ("more_than", "at_least"):
            low, high = value, None
        elif bound in ("less_than", "at_most"):
            low, high = floor, value
        else:
            bound = "approx"
    elif bound in ("more_than", "at_least"):
        low, high = value, None
    elif bound in ("less_than", "at_most"):
        low, high = floor, value
    else:
        low = high = value
    if low is not None and high is not None and low > high:  # what Quantity's validator checks
        raise ValueError(f"interval low {low} is above high {high}")
    return Quantity.trusted(value=value, low=low, high=high, bound=_BOUND_OF[bound], unit=fig.unit,
                            precision=prec)


class _Scanner(_Reader):
    """Finds all figures in a text, left to right, without overlaps."""

    def scan(self, first: re.Match[str] | None = None) -> list[_Found]:
        """The figures, left to right; ``first`` is the first anchor if the caller found it."""
        text, lx = self.text, self.lex
        m = first or lx.anchor.search(text)
        if not m:
            return []  # most sentences: no digit and no number word
        excluded = _excluded(text) if self.context else []
        out: list[_Found] = []
        pos = floor = k = 0
        while m is not None:
            a = m.start()
            while k < len(excluded) and excluded[k][1] <= a:
                k += 1
            if k < len(excluded) and excluded[k][0] <= a:
                pos = excluded[k][1]
                m = lx.anchor.search(text, pos)
                continue
            self._fcache.clear()
            got = self.at(a, floor)
            if isinstance(got, _Found):
                out.append(got)
                pos = floor = got.end
                if got.linked is not None:
                    pos = floor = max(pos, self._after_bracket(got.linked.end))
            else:
                nxt = got if got is not None else self._anchor_end(a, m.end())
                pos = max(nxt, a + 1)
            m = lx.anchor.search(text, pos)
        return out

    def _anchor_end(self, a: int, end: int) -> int:
        d = _DIGITS.match(self.text, a + 1 if self.text[a] == "." else a)
        return d.end() if d else end

    def _after_bracket(self, end: int) -> int:
        toks = self.fwd(end, 1)
        return toks[0].end if toks and toks[0].text in ")）" else end

    def _skip_chunk(self, i: int) -> int:
        """End of the glued chunk (identifier, date, version) that ``i`` is in."""
        return _CHUNK.match(self.text, i).end()  # type: ignore[union-attr]

    # -- one anchor ------------------------------------------------------------------

    def at(self, a: int, floor: int) -> _Found | int | None:
        """The figure at anchor ``a``; an int is where to resume after an identifier."""
        text, lx = self.text, self.lex
        prev = text[a - 1] if a > 0 else " "
        is_digit = text[a].isdigit() or text[a] == "."
        if text[a] == "." and (prev.isalnum() or prev in "._"):
            return None
        # currency written before: "$5", "US$ 687.6", "RMB5", "NT$32.8"
        pm = self._prefix_before(a, floor) if is_digit else None
        neg = False
        if is_digit and prev in _MINUS and not pm:
            prev_char = text[a - 2] if a > 1 else " "
            if prev_char.isalnum() or prev_char in ".,/":
                return self._skip_chunk(a)  # "GPT-4", "COVID-19", "2022-23"
            neg = True
            pm = self._prefix_before(a - 1, floor)
        if is_digit and not pm and self.context:
            if prev.isalnum() or prev in "_#^" or (prev in "./:" and a > 1 and text[a - 2].isalnum()):
                return self._skip_chunk(a)  # "V3", "cn10", "#1", "1.2.3", "10:30"
            if prev in "([" and a > 1 and text[a - 2].isalnum():
                return self._skip_chunk(a)  # "41(4)"
            if prev == "+" and a > 1 and not text[a - 2].isalnum():
                return self._phone(a)
        fig = self.core(a, prefixed=pm is not None)
        if fig is None:
            return None
        if pm is not None:
            fig = fig._replace(start=pm.start(), unit=_currency_of(pm.group("p")), prefixed=True)
        if neg:
            fig = fig._replace(start=min(fig.start, a - 1), value=-fig.value, plain=False)
        share = self._slash_fraction(fig) if is_digit else None
        if share is not None:
            fig = share
        elif is_digit and self.context:
            skip = self._glued_after(fig)
            if skip is not None:
                return skip
        start, bound, hedge = fig.start, "exact", None
        self._floor = floor
        before = _bwd(text, start, floor, 3)
        if not is_digit and fig.unit == "times" and text[fig.start : fig.end].lower() in lx.multiplier_verbs and (
                not before or before[0].text.lower() not in lx.multiplier_verb_cues
                or text[fig.end : fig.end + 1] in "-–") and not self._multiplier_object(fig.end):
            return None  # "a double-digit rise", "Double Helix": not "more than double"
        if not is_digit and before and before[0].text.lower() in ("a", "an"):
            w = text[fig.start : fig.end].split()[0].lower().strip("-")
            if w in lx.scales or w in lx.vague:
                start = before[0].start  # "a hundred", "a few hundred"
                before = before[1:]
                fig = fig._replace(start=start)
            elif w == "half" or w in lx.denominators:
                start = before[0].start  # "a half", "a third of"
                fig = fig._replace(start=start)
                before = before[1:]
        elif not is_digit and text[fig.start : fig.end].split()[0].lower() in lx.denominators \
                and text[fig.start : fig.end].split()[0].lower() != "half" and not fig.scaled:
            return None  # "third" without "a": an ordinal
        if fig.unit is None and fig.low is None and before and \
                before[0].text.lower() in lx.negative and fig.value > 0 and not (
                    len(before) > 2 and before[1].text.lower() == "or" and before[2].text.lower() == "plus"):
            # ("plus or minus 3 points" is a margin of 3, not minus 3)
            fig = fig._replace(start=before[0].start, value=-fig.value)
            before = before[1:]
        if not is_digit and text[fig.start : fig.end].lower() == "half" and before and \
                before[0].text.lower() in lx.not_half:
            return None  # "the second half", "the other half"
        start = fig.start
        h = self._hedge(before)
        if h is not None:
            bound, hedge = h[0], (h[1], h[2])
            if h[4]:
                start = h[1]
            before = _bwd(text, h[1], floor, 3)
        fig = self.unit(fig)
        fig = self.unit_symbol_after(fig)
        end = fig.end
        after = self._hedge_after(fig, bound)
        if after is not None:
            bound, end = after[0], after[2]
            hedge = hedge or (after[1], end)
        found = _Found(fig, start, end, bound, hedge)
        ranged = self._range(found, before)
        if ranged is not None:
            if ranged.bound == "score":  # "3-1", "1-0": a score or a code
                return ranged.end
            found = ranged
        one_in = self._one_in(found)
        if one_in is not None:
            found = one_in
        if self.context:
            reject = self._reject(found, before)
            if reject:
                return max(found.end, a + 1)
        if not fig.digits and self.context and self._bare_one(found):
            return None
        return self._link(found)

    def _prefix_before(self, end: int, floor: int) -> re.Match[str] | None:
        """A currency prefix ending at ``end`` ("$", "US$ ", "RMB"), not before ``floor``."""
        text, lo = self.text, max(floor, end - 12)
        # The regex tries a dozen start positions; first check the one or two characters
        # every match ends with (the prefix's last character, then an optional space).
        last = text[end - 1] if end - 1 >= lo else ""
        if last.isspace():
            last = text[end - 2] if end - 2 >= lo else ""
        if not last or last not in self.lex.prefix_last:
            return None
        return self.lex.prefix_back.search(text, lo, end)

    def _phone(self, a: int) -> int:
        """"+1-222-2222", "+86 10 1234 5678": skip digits, spaces and dashes."""
        m = _PHONE.match(self.text, a)
        return m.end() if m else a + 1  # type: ignore[union-attr]

    def _glued_after(self, fig: _Fig) -> int | None:
        """What is glued after digits may make them an identifier: "14th", "01.AI", "8/31"."""
        text, lx = self.text, self.lex
        end = fig.end
        nxt = text[end : end + 1]
        nxt2 = text[end + 1 : end + 2]
        if nxt == "." and nxt2.isalnum():
            return self._skip_chunk(end)  # "192.168.1.2", "0700.HK", "31.08.2023"
        if nxt == ":" and nxt2.isdigit():
            return self._skip_chunk(end)  # "10:30", "2:1"
        if nxt == "(" and nxt2.isalnum():
            return self._skip_chunk(end)  # "41(4)"
        if nxt in "'’" and text[end + 1 : end + 3].lower() in ("s", "s ") or \
                (nxt in "'’" and nxt2.lower() == "s" and not text[end + 2 : end + 3].isalnum()):
            return self._skip_chunk(end + 2)  # "2023's", "the 1990's"
        if nxt == "/" and nxt2.isalpha() and (fig.prefixed or fig.unit is not None):
            return None  # "$15.4/hour": a rate; the figure ends at the slash
        if nxt == "/" and nxt2.isalnum():
            return self._skip_chunk(end)  # dates, scores and paths
        if nxt.isalpha():
            letters = _LETTERS.match(text, end).group()  # type: ignore[union-attr]
            after = text[end + len(letters) : end + len(letters) + 1]
            ok = (letters.lower() in lx.durations or letters in ("x",) or letters in lx.physical_symbols
                  or letters.lower() in ("pct", "bp", "bps", "pp") or letters in lx.currency_codes
                  or (letters in lx.degree_scales and end - fig.start > 1) or letters in lx.postfix_symbols
                  or (letters in lx.glued_subunits and text[fig.start : end] not in lx.glued_subunit_not)
                  or (2 <= len(letters) <= 3 and letters.islower() and letters.isascii()  # a unit we do not
                      and letters not in lx.ordinal_suffixes))                          # model: "10kg", "75ml"
            if not ok or after.isalnum() or after == "_":
                return self._skip_chunk(end)  # "14th", "1990s", "4Paradigm", "6pm", "24703L202"
        if fig.name_like:
            return fig.end
        if nxt in _MINUS and nxt2.isdigit():
            return self._chain(fig)
        return None

    def _slash_fraction(self, fig: _Fig) -> _Fig | None:
        """"3/4 of users", "1/2": a share. Other slashes are dates, scores or paths."""
        if self.text[fig.end : fig.end + 1] != "/":
            return None  # most figures: no slash, no regex to run
        m = _SLASH.match(self.text, fig.end)
        if not m or fig.decimal or fig.scaled or fig.prefixed:
            return None
        den = Decimal(m.group(1))
        after = self.fwd(m.end(), 1)
        if not (0 < abs(fig.value) < den) or not (den <= 10 or _lower(after) == ("of",)):
            return None
        value = (fig.value * 100 / den).quantize(Decimal("0.0001")).normalize()
        return fig._replace(end=m.end(), value=value, precision=None, unit="percent",
                            plain=False)

    def _chain(self, fig: _Fig) -> int | None:
        """"2023-08-31", "+1-222-2222": three or more dash-joined groups are not a figure."""
        m = _DASH_CHAIN.match(self.text, fig.end)
        return self._skip_chunk(fig.end) if m else None

    # -- hedges ----------------------------------------------------------------------

    def _hedge(self, before: list[_Tok]) -> tuple[str, int, int, int, bool] | None:
        """A hedge just before the figure -> (bound, start, end, tokens used, in the span)."""
        lx = self.lex
        if not before or before[0].text.lower() not in lx.hedge_finals:
            return None
        # Hedges run to six words, intensifiers two more: eight tokens hold any of them.
        before = _bwd(self.text, before[0].end, self._floor, 8)
        low = _lower(before)
        for size in (6, 5, 4, 3, 2, 1):
            if len(before) < size:
                continue
            key = low[size - 1 :: -1]  # the nearest ``size`` tokens, in reading order
            if key not in lx.hedges:
                continue
            if size == 1 and key[0] in lx.determiner_sensitive and len(before) > 1 and \
                    before[1].text.lower() in lx.not_after:
                return None  # "the past 6 months"
            if size == 1 and key[0] in lx.particles and len(before) > 1 and \
                    before[1].text.lower() in lx.particle_verbs:
                return None  # "handed over 1.13 million": a verb's particle, not "more than"
            bound = lx.hedges[key]
            used, start = size, before[size - 1].start
            if key in lx.hedge_verbs:  # the verb bounds the figure but is not part of it
                return bound, start, before[0].end, used, False
            for isize in (2, 1):  # "well above", "just over", "a little over"
                ikey = tuple(reversed(low[used : used + isize]))
                if len(ikey) == isize and ikey in lx.intensifiers:
                    used += isize
                    start = before[used - 1].start
                    break
            return bound, start, before[0].end, used, True
        return None

    def _hedge_after(self, fig: _Fig, bound: str) -> tuple[str, int, int] | None:
        """"100+", "500 or more", "200 or so", "200-odd" -> (bound, start, end)."""
        text, lx = self.text, self.lex
        if text[fig.end : fig.end + 1] == "+" and not text[fig.end + 1 : fig.end + 2].isalnum():
            return "at_least", fig.end, fig.end + 1
        toks = self.fwd(fig.end, 1)
        if not toks or (toks[0].text.lower() not in lx.hedge_after_starts and toks[0].text != "-"):
            return None  # most figures: the next word starts no hedge
        toks = self.fwd(fig.end, 4)
        low = _lower(toks)
        for size in (3, 2, 1):
            key = low[:size]
            if len(key) == size and key in lx.hedges_after and key != ("+",):
                nxt = toks[size] if len(toks) > size else None
                if nxt is not None and (nxt.text[0].isdigit() or nxt.text.lower() in
                                        ("than", "to", "a", "an", "the") or
                                        nxt.text.lower() in lx.units or nxt.text.lower() in lx.tens):
                    return None  # "5 plus 3", "above 1000 and below 1500", "or less than 6000"
                new = lx.hedges_after[key]
                if new == "inclusive":
                    inclusive = {"more_than": "at_least", "less_than": "at_most"}
                    if bound not in inclusive:
                        return None
                    new = inclusive[bound]
                return new, toks[0].start, toks[size - 1].end
        if toks and toks[0].text == "-" and not toks[0].spaced:
            follow = self.fwd(toks[0].end, 1)
            word = follow[0].text.lower() if follow and not follow[0].spaced else ""
            if word in ("odd", "plus"):  # "200-odd", "300-plus", "€1.2bn-plus"
                return lx.hedges_after[(word,)], follow[0].start, follow[0].end
        return None

    # -- ranges, shares, conversions -------------------------------------------------

    def _range(self, f: _Found, before: list[_Tok]) -> _Found | None:
        """"between 40 and 50", "40-50", "40 to 50 per cent", "$2-3 billion"."""
        text, lx = self.text, self.lex
        fig = f.fig
        if f.end != fig.end or fig.low is not None:
            return None  # "100+ to", "a few hundred to" are not ranges
        toks = self.fwd(fig.end, 1)
        if not toks or toks[0].text.lower() not in lx.connectors:
            return None
        conn = toks[0]
        opener = before[0].text.lower() if before and f.hedge is None else ""
        if conn.text.lower() == "and" and opener != "between":
            return None
        if conn.text.lower() == "to":
            before = _bwd(text, f.start, self._floor, 5)
            window = _lower(before[1:5] if opener == "from" else before[:3])
            if any(w in lx.change_verbs for w in window):
                return None  # "rose from 40 to 50": a change, not a range
            if opener == "by" and fig.unit is not None:
                return None  # "raised it by 2 cents to 38 cents": a change and the new level ("by 2 to 3%" is a range)
        second = self.figure_forward(self.fwd(conn.end, 1)[0].start) if \
            self.fwd(conn.end, 1) else None
        if second is None:
            return None
        glued = conn.text in _DASHES and not conn.spaced and second.start == conn.end
        if fig.plain and second.plain and self._years(fig, second):
            return None
        lo, hi = fig, second
        if not lo.scaled and hi.scaled and lo.digits == hi.digits and lo.value < hi.value:
            scale = self._scale_of(hi)
            if scale is not None:
                lo = lo._replace(value=lo.value * scale,
                                 precision=None if lo.precision is None else lo.precision * scale,
                                 scaled=True)
        if lo.unit is None and hi.unit is not None:
            lo = lo._replace(unit=hi.unit)
        elif lo.unit is not None and hi.unit is None and lo.prefixed:
            hi = hi._replace(unit=lo.unit)
        if lo.unit != hi.unit or not lo.value < hi.value:
            return f._replace(end=hi.end, bound="score") if glued else None
        start = f.start
        if opener in lx.openers and f.hedge is None:
            start = before[0].start
        return f._replace(fig=lo, start=start, end=hi.end, high=hi, bound="range")

    def _scale_of(self, fig: _Fig) -> Decimal | None:
        """The scale a figure's words or suffix applied ("3 billion" -> 1e9)."""
        lx = self.lex
        surface = self.text[fig.start : fig.end]
        for tok in reversed(_tokens(surface)):
            if tok.lower() in lx.scales:
                return lx.scales[tok.lower()]
            if tok in lx.glued:
                return lx.glued[tok]
            if tok in lx.money_only and fig.prefixed:
                return lx.money_only[tok]
            if tok in lx.spaced:
                return lx.spaced[tok]
        return None

    def _years(self, a: _Fig, b: _Fig) -> bool:
        """"2022-2023", "2013-14": a span of years, not a range of quantities."""
        lx = self.lex
        if not (a.end - a.start == 4 and lx.year_min <= a.value <= lx.year_max):
            return False
        return (b.end - b.start == 4 and lx.year_min <= b.value <= lx.year_max) or \
            b.end - b.start == 2

    def _one_in(self, f: _Found) -> _Found | None:
        """"one in five", "1 in 10", "two out of three" -> a percentage."""
        fig = f.fig
        if f.high is not None or fig.unit is not None or fig.scaled or fig.decimal or \
                fig.value <= 0 or fig.value != fig.value.to_integral_value():
            return None
        nxt = self.fwd(fig.end, 1)
        if not nxt or nxt[0].text.lower() not in ("in", "out"):
            return None
        toks = self.fwd(fig.end, 3)
        low = _lower(toks)
        if low[:1] == ("in",):
            i = toks[1].start if len(toks) > 1 else None
        elif low[:2] == ("out", "of"):
            i = toks[2].start if len(toks) > 2 else None
        else:
            return None
        if i is None or not (self.text[i].isdigit() or self.text[i].isalpha()):
            return None
        den = self.core(i)
        if den is None or den.unit is not None or den.scaled or not den.value > fig.value or \
                den.value != den.value.to_integral_value() or den.value > 1000:
            return None
        if self.context and _LETTERS.match(self.text, den.end) and den.digits:
            return None
        value = (fig.value * 100 / den.value).quantize(Decimal("0.0001")).normalize()
        share = fig._replace(end=den.end, value=value, precision=None, unit="percent",
                             plain=False)
        return f._replace(fig=share, end=max(f.end, den.end) if f.end == fig.end else f.end)

    def _link(self, f: _Found) -> _Found:
        """"5 billion yuan (US$687.6 million)": link the bracketed conversion."""
        if f.fig.unit is None or f.fig.unit in self.lex.unlinked_units:
            return f
        toks = self.fwd(f.end, 1)
        if not toks or toks[0].text not in "(（":
            return f
        inner = self.fwd(toks[0].end, 1)
        if not inner:
            return f
        i = inner[0].start
        bound, hedge = "exact", None
        h = self._hedge_fwd(i)
        if h is not None:
            bound, hedge, i = h[0], (i, h[1]), h[2]
        second = self.figure_forward(i)
        if second is None or second.unit is None or second.unit in _SIGNED_UNITS:
            return f
        close = self.fwd(second.end, 1)
        if not close or close[0].text not in ")）":
            return f
        start = hedge[0] if hedge else second.start
        return f._replace(linked=_Found(second, start, second.end, bound, hedge))

    def _hedge_fwd(self, i: int) -> tuple[str, int, int] | None:
        """A hedge read forwards from ``i`` -> (bound, hedge end, start of the figure)."""
        toks = self.fwd(i, 4)
        for size in (3, 2, 1):
            key = _lower(toks[:size])
            if len(key) == size and key in self.lex.hedges:
                nxt = self.fwd(toks[size - 1].end, 1)
                if nxt:
                    return self.lex.hedges[key], toks[size - 1].end, nxt[0].start
        return None

    # -- not a quantity --------------------------------------------------------------

    def _bare_one(self, f: _Found) -> bool:
        """A lone "one" (pronoun, "one of the") is not reported."""
        fig = f.fig
        return (fig.value == 1 and fig.unit is None and not fig.scaled and f.hedge is None
                and f.high is None and self.text[fig.start : fig.end].lower() == "one")

    def _reject(self, f: _Found, before: list[_Tok]) -> bool:
        """Years, dates, labels, versions, names and clock times."""
        text, lx = self.text, self.lex
        fig = f.fig
        if fig.unit in lx.band_units:
            return self._band_name(f.end)
        if fig.unit is not None or fig.scaled or f.hedge is not None or fig.low is not None:
            return False
        after = self.fwd(f.end, 3)
        prev = before[:3]
        if prev and fig.digits:
            # labels and references: "Article 4", "Section 230", "pp. 82-106", "No. 5"
            p0 = prev[0]
            label = prev[1] if p0.text == "." and len(prev) > 1 and not prev[1].spaced else p0
            if _is_word(label) and label.text.lower() in lx.labels:
                return True
        if f.high is not None:
            return False
        # words: "Two Sessions" (a capitalised number word inside a name)
        if not fig.digits:
            surface = text[fig.start : fig.end]
            return surface[:1].isupper() and not self._sentence_start(before) and \
                bool(after) and _is_word(after[0]) and after[0].text[:1].isupper()
        integer = not fig.decimal
        # years: a bare four-digit integer in range
        if fig.plain and fig.end - fig.start == 4 and lx.year_min <= fig.value <= lx.year_max:
            return True
        # dates: a day number beside a month name ("16 April", "Aug. 31")
        if integer and fig.plain and 1 <= fig.value <= 31:
            p = [t for t in prev if t.text not in ".,"]
            if p and p[0].text in lx.months:
                return True
            a = [t for t in after if t.text != "of"]
            if a and a[0].text in lx.months:
                return True
        # clock times: "6 pm", "2.13 am"
        if fig.value <= 24:
            low = _lower(after)
            keys = {low[:n] for n in (1, 2, 3, 4)}
            if keys & lx.clock:
                return True
        if not prev:
            return self._name_after(fig, after)
        p0 = prev[0]
        # versions: a capitalised word then the figure ("Ernie 3.5", "Windows 11")
        # A capitalised word, or a camel-cased one ("iPhone 15", "eBay 2"), names a version or a model.
        named = p0.text[:1].isupper() or (p0.text[:1].islower() and not p0.text.islower() and p0.text.isalpha())
        if _is_word(p0) and named and p0.text.lower() not in lx.function_words \
                and p0.text not in lx.months and p0.text not in lx.currency_codes \
                and p0.text.lower() not in lx.units and p0.text.lower() not in lx.tens \
                and text[p0.end : fig.start].strip() in ("", "-"):
            if fig.decimal or not self._plural(after):
                return True
        return self._name_after(fig, after)

    def _multiplier_object(self, end: int) -> bool:
        """"double the amount": a base-form multiplier verb (or noun) taking a determiner after it."""
        after = self.fwd(end, 1)
        return bool(after) and after[0].spaced and after[0].text.lower() in self.lex.multiplier_verb_objects

    def _band_name(self, end: int) -> bool:
        """"3.5GHz and 26GHz bands": a frequency naming a band (the next word, or the one after a
        coordinated figure, is a band noun), not an amount ("400MHz of spectrum")."""
        after = self.fwd(end, 7)
        if after and after[0].text.lower() in ("and", "or", ",", "/"):
            # skip one coordinated figure: digits, decimal points and its unit, up to a band noun
            rest = after[1:]
            while rest and (rest[0].text[:1].isdigit() or rest[0].text in (".", ",")
                            or rest[0].text in self.lex.band_units):
                rest = rest[1:]
            after = rest if len(rest) < len(after) - 1 else []
        return bool(after) and after[0].text.lower() in self.lex.band_nouns

    def _name_after(self, fig: _Fig, after: list[_Tok]) -> bool:
        """"360 Security Technology": a bare number opening a run of singular capitalised words."""
        if not fig.plain or fig.value <= 1:
            return False
        caps = []
        for t in after:
            if not (_is_word(t) and t.text[:1].isupper() and t.spaced):
                break
            caps.append(t)
        if len(caps) < 2:
            return False
        return not any(self._plural([t]) for t in caps)

    def _plural(self, after: list[_Tok]) -> bool:
        """Whether the next word looks like a plural noun ("LLMs", "users", "people")."""
        if not after or not _is_word(after[0]):
            return False
        w = after[0].text
        if w.lower() in self.lex.plurals:
            return True
        return (len(w) > 2 and w.endswith(("s", "S")) and not w.lower().endswith(("ss", "us"))
                and w.lower() not in self.lex.non_plurals)

    def _sentence_start(self, before: list[_Tok]) -> bool:
        """Whether the token after ``before[0]`` starts a sentence, line or heading."""
        if not before:
            return True
        t = before[0]
        if t.text in '.!?:;"“”(—–|':
            return True
        return False


# ----------------------------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------------------------


def _mention(text: str, f: _Found, offset: int) -> NumberMention:
    hedge = None if f.hedge is None else text[f.hedge[0] : f.hedge[1]]
    linked = None if f.linked is None else _mention(text, f.linked, offset)
    # Every part is built here from checked values: trusted construction skips re-validation.
    return NumberMention.trusted(
        span=Span.trusted(start=offset + f.start, end=offset + f.end),
        text=text[f.start : f.end],
        quantity=_quantity(f),
        hedge=hedge,
        linked=linked,
    )


def find_numbers(text: str, offset: int = 0) -> list[NumberMention]:
    """Every numeric expression in ``text``, in order, without overlaps.

    Spans are shifted by ``offset`` and cover the hedge and the currency or unit;
    years, dates, ordinals, versions, names, references and URLs are left out.

    >>> [(m.text, str(m.quantity.value), m.quantity.unit, m.quantity.bound.value)
    ...  for m in find_numbers("In 2023 over 40 per cent, i.e. about $2-3 billion.")]
    [('over 40 per cent', '40', 'percent', 'more_than'), ('about $2-3 billion', '2000000000', 'USD', 'range')]
    >>> m = find_numbers("5 billion yuan (US$687.6 million)")[0]
    >>> m.text, m.quantity.unit, m.linked.text, m.linked.quantity.unit
    ('5 billion yuan', 'CNY', 'US$687.6 million', 'USD')
    """
    first = _lex().anchor.search(text)
    if first is None:
        return []  # most sentences: no digit and no number word, and no scanner is needed
    return [_mention(text, f, offset) for f in _Scanner(text).scan(first)]


def parse_quantity(text: str) -> Quantity | None:
    """Parse one numeric expression ("over 70", "$5.57M", "a few hundred"), else None.

    Context rules (years, versions) are not applied: the caller says it is a quantity.

    >>> q = parse_quantity("over 70")
    >>> q.bound.value, q.low, q.high, q.contains(Decimal(70))
    ('more_than', Decimal('70'), None, False)
    >>> parse_quantity("a few hundred").value
    Decimal('300')
    >>> parse_quantity("no figure here") is None
    True
    """
    stripped = text.strip()
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    for f in _Scanner(text, context=False).scan():
        if f.start == lead:
            return _quantity(f)
        break
    return None


@lru_cache(maxsize=1)
def _yen_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Whole-word patterns for the yen and yuan cues of ``[currency.yen_context]`` (built once)."""
    ctx = load_toml("numbers.toml")["currency"]["yen_context"]

    def words(key: str) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(map(re.escape, ctx[key])) + r")\b")

    return words("yen_words"), words("yuan_words"), words("yen_places"), words("yuan_places")


@lru_cache(maxsize=16)  # asked once per "¥" figure: the same document recurs
def yen_or_yuan(document: str) -> str:
    """Which currency a "¥" stands for in ``document``: "JPY" or "CNY" (the scanner's default).

    The currency named in words or codes elsewhere decides ("the weak yen"); failing that, the country
    the document names more often (Japan's or China's); a tie stays yuan. Linear in the document.

    >>> yen_or_yuan("Visitors to Japan spent ¥4 trillion; Tokyo hotels were full.")
    'JPY'
    >>> yen_or_yuan("Tourists from China spent ¥4 trillion in Japan, paid in yuan.")
    'CNY'
    >>> yen_or_yuan("A fine of ¥200.")
    'CNY'
    """
    yen, yuan, yen_places, yuan_places = _yen_cues()
    named = len(yen.findall(document)) - len(yuan.findall(document))
    if named == 0:
        named = len(yen_places.findall(document)) - len(yuan_places.findall(document))
    return "JPY" if named > 0 else "CNY"
