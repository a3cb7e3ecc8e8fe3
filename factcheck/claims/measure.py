"""**counted**, **measure** and **scope** of a figure: the noun phrase after the figure ("70 LLMs"),
or before it ("the total number of LLMs ... to 40"); the canonical key of what is measured (``llms``,
``users``, ``valuation``), from the counted noun or a cue before a money figure; the nearest word that
changes what is counted (approved, released, registered, ...), in the figure's clause; and whether it is a
running total or one batch.
"""

from __future__ import annotations

from typing import Final

import re

from factcheck._data import load_toml
from factcheck.claims._text import (
    _NP_SKIP,
    _NP_STOP,
    _WORD,
    PhraseRegex,
    _clause_end,
    _clause_start,
)
from factcheck.lexicon import LEXICON, phrase_regex


# Every word that opens a listed measure phrase ("generating" in "generating capacity").
_MEASURE_FIRST_WORDS: Final = frozenset(n.split()[0] for n in LEXICON.measure_nouns)
# Number words ("five of the nine members": the phrase counted is "members", the "nine" is a figure of its own).
_COUNT_WORDS: Final = frozenset(w for part in ("units", "tens") for w in load_toml("numbers.toml")["words"][part])
# Words that, after an "-ed" word, show it is a verb with an object ("the other four wanted a larger cut").
_VERB_OBJECT_START: Final = frozenset("a an the to that it them its their his her".split())
# A word of a counted noun phrase: a word, or a short technology code that modifies a noun ("5G customers",
# "4K televisions", "3D printers"); never an ordinal ("2nd", "21st"), which the code alternative excludes.
_NP_WORD: Final = re.compile(
    r"""[A-Za-z][\w’'-]*|[\u4e00-\u9fff]+
      | (?<![\w.,])\d(?!st\b|nd\b|rd\b|th\b)[A-Za-z]{1,3}\b   # "5G", "4K", "3D" (one digit, then letters)""",
    re.VERBOSE)
# Verbs and participles not ending in "-ed" that end a noun phrase after its head ("students sat", "premiums
# written", "seats won").
_IRREGULAR_VERBS: Final = frozenset(LEXICON.measures["irregular_verbs"]["words"])
_NP_TIME_OPENERS: Final = frozenset(load_toml("stopwords.toml")["np_time_openers"])
# A plain figure between two words ("of the 188 seats"): digits with separators, no letters.
_PLAIN_NUMBER: Final = re.compile(r"\s+\d{1,3}(?:[,.]\d{1,3})*\s+")
# Money "in" a listed money noun after the figure ("£78m in wages", "$4.8bn in cash", "$5.7bn in revenue"): the
# noun is what the money is (a "terms" after it is a manner, "in revenue terms").
_IN_MONEY_NOUN: Final = re.compile(
    r"\s+in\s+(?:(?:extra|additional|new|annual|lost|unpaid|total)\s+)?(?P<noun>"
    + phrase_regex([n for k, spec in LEXICON.measures["measure"].items() if spec.get("money")
                    for n in spec.get("nouns", ())]).pattern
    + r")(?![\w-])(?!\s+terms\b)", re.IGNORECASE)
_NUMBER_OF: Final = re.compile(r"\b(?:number|total|count|tally)\s+of\s+", re.IGNORECASE)


def _np_words(text: str, limit: int = 7, *, skip_of: bool = True) -> list[re.Match[str]]:
    """Words of the noun phrase at the start of ``text`` (stops at punctuation and stop words)."""
    skip = _NP_SKIP if skip_of else _NP_SKIP - {"of"}
    words: list[re.Match[str]] = []
    pos = 0
    skipped = partitive = False
    for m in _NP_WORD.finditer(text):
        gap = text[pos : m.start()]
        if gap.strip(" \t\r\n\u00a0\"“”‘’'") or gap.count("\n") > 1:
            if skipped and len(words) <= 1 and _PLAIN_NUMBER.fullmatch(gap) and (
                    not words or words[0].group().endswith(("'s", "’s"))):
                # "33 of the 188 seats", "24 of the country's 32 departments": the second figure and a possessive
                # before it stand between the figure and its noun
                words = []
            else:
                break  # punctuation or a blank line between words ends the phrase (a soft line wrap does not)
        low = m.group().lower()
        if not words and low in skip:
            pos = m.end()
            skipped = True
            partitive = partitive or low == "of"
            continue
        if not words and pos and low in _COUNT_WORDS:
            pos = m.end()  # "five of the nine members": skip the second figure, keep its noun
            continue
        if not words and low.endswith("ed") and len(low) > 4 and low not in LEXICON.measure_nouns:
            nxt = _WORD.match(text, m.end() + 1)
            if nxt is None or nxt.group().lower() in _VERB_OBJECT_START or not text[m.end():m.end() + 1].isspace():
                break  # "the other four wanted a larger cut", "12 were sacked.": a verb, nothing is counted
        if low in _NP_STOP or (words and low.endswith("ing") and low not in _MEASURE_FIRST_WORDS):
            break  # "generating capacity" opens a listed measure phrase; "users growing fast" does not
        if words and low in _NP_TIME_OPENERS:
            break  # "1.3 million vehicles last year": a time phrase, not part of what is counted
        if words and low in ("a", "an", "the"):
            break  # "2 billion tablets a year": an article opens another phrase
        if (words and m.group().islower() and not _plural_noun(m.group()) and _plural_noun(words[-1].group())
                and low not in LEXICON.measure_nouns and (partitive or _verb_object_follows(text, m.end()))):
            # "1,900 of its members work at the plant": the plural noun a part is taken of is the head; "300
            # candidates sit the exam": a word with an object after a plural noun is its verb
            break
        if words and ((low.endswith("ed") and len(low) > 4 and low not in LEXICON.measure_nouns
                       and not words[-1].group().endswith(("'s", "’s")))  # "the insurer's combined ratio"
                      or low in _IRREGULAR_VERBS):
            break  # "1.2 million migrants arrived", "812,000 students sat": a verb after the head ends the phrase
        if words and LEXICON.scope_of(low) and not LEXICON.scope_of(low, in_noun_phrase=True) == "registered":
            break  # "40 models approved": the scope word is not part of what is counted
        words.append(m)
        pos = m.end()
        if len(words) >= limit:
            break
    return words


def _verb_object_follows(text: str, end: int) -> bool:
    """Whether a word that ends at ``end`` has an object after it (an article or possessive: "sit the").

    >>> _verb_object_follows("sit the exam", 3), _verb_object_follows("staff in Ohio", 5)
    (True, False)
    >>> _verb_object_follows("issue to repair", 5)
    False
    """
    nxt = _WORD.match(text, end + 1)
    return nxt is not None and text[end : end + 1] == " " and nxt.group().lower() in _OBJECT_OPENERS


# Words that open a verb's object ("sit the exam", "use their phones"); not "to", which also opens an infinitive
# after a noun ("a £500m rights issue to repair its balance sheet").
_OBJECT_OPENERS: Final = frozenset("a an the its their his her our this these those".split())


def _counted_after(after: str, offset: int, *, skip_of: bool = True) -> tuple[str | None, int]:
    words = _np_words(after, skip_of=skip_of)
    if not words:
        in_noun = _IN_MONEY_NOUN.match(after)
        if in_noun is not None:  # "roughly £78m in wages": what the money is
            return in_noun.group("noun"), offset + in_noun.end()
        return None, offset
    # Cut at the end of the longest listed measure phrase, if any ("users in December").
    lowered = [w.group().lower() for w in words]
    best = None
    for j in range(len(words), 0, -1):
        for i in range(j):
            if " ".join(lowered[i:j]) in LEXICON.measure_nouns:
                best = j
                break
        if best:
            break
    if best and best == len(words) - 1 and _plural_noun(words[-1].group()):
        best = None  # "210,000 user reviews": a listed noun modifying a plural noun is not the head
    words = words[: best or len(words)]
    phrase = after[words[0].start() : words[-1].end()]
    return phrase, offset + words[-1].end()


def _plural_noun(word: str) -> bool:
    """Whether a word after a listed measure noun reads as a plural noun of its own ("reviews").

    >>> _plural_noun("reviews"), _plural_noun("Beijing"), _plural_noun("business"), _plural_noun("globally")
    (True, False, False, False)
    """
    low = word.lower()
    return (word.islower() and low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3
            and low not in _NP_STOP and _noun_head(low) is not None)


def _counted_before(before: str) -> str | None:
    """The counted noun when it stands before the figure: "the number of LLMs ... to 40"."""
    before = before[-200:]  # "the number of X ... to 40" stands close before the figure
    matches = list(_NUMBER_OF.finditer(before))
    if not matches:
        return None
    words = _np_words(before[matches[-1].end() :])
    # Allow "X and Y" lists here: "the total number of LLMs and AI applications".
    tail = before[matches[-1].end() :]
    # "X and Y" lists of up to three words each, ending before a stop word or a scope word
    # ("... LLMs and AI applications cleared for public use").
    head = []
    for w in _WORD.finditer(tail):
        head.append(w)
        if len(head) >= 8:
            break
    lows = [w.group().lower() for w in head]
    if "and" in lows[1:4] and not re.search(r"[^\w\s’'-]", tail[: head[-1].end()] if head else ""):
        k = lows.index("and", 1)
        for j in range(k + 2, min(k + 5, len(head))):
            if lows[j] in _NP_STOP or LEXICON.scope_of(lows[j]) or lows[j] == "available":
                return tail[head[0].start() : head[j - 1].end()]
    for k, w in enumerate(words[1:], 1):
        if LEXICON.cue_key(w.group()) in ("growth", "decline"):
            words = words[:k]  # "the number of vacant shops rose by 310": a change verb ends the phrase
            break
    if words:
        return tail[words[0].start() : words[-1].end()]
    return None


def _measure(unit: str | None, counted: str | None, whole: str | None, before: str) -> str | None:
    share_like = unit in ("percent", "percentage_points")
    if _headcount(unit, counted, whole, before):
        return "employees"
    carried = _CARRIED_TO.search(before, max(0, len(before) - 100))
    if carried is not None:  # "taking annual wage growth to 4%": the level of what the verb carries
        # (a listed measure: "taking its stake to" is left; so is a change, "taking annual wage growth to 4%", whose
        # level is no change of the clause's subject and would be compared with every other growth figure)
        named = _ending_measure(carried.group("object"))
        if named is not None and named not in ("growth", "decline"):
            return named
    if counted and counted.lower() in _UNIT_NOUNS:
        # "3.1 million hectolitres", "2,900 megalitres a day": a unit the number scanner does not know names no
        # measure; the figure measures what its clause names, as a weight in tonnes does
        counted = None
        unit = unit or "t"
    if unit in _COMMODITY_UNITS and not counted:
        changed = _CHANGED_OBJECT.search(before, max(0, len(before) - 120))
        named = None if changed is None else _object_measure(changed.group("object"))
        if named is not None:  # "cut the tariff-free quota for steel imports to 18.3 million tonnes": the quota
            return named
        commodity = _commodity_named(before)
        if commodity is not None:  # "Its gold output was 41,000 ounces", "the maize crop fell to 1.6m tonnes"
            return commodity
    if share_like:
        body = _body_measure(whole, before)
        if body is not None:  # "lost 18% of their body weight", "cuts weight by 18%": a change of the body
            return body
    if counted and unit == "times" and _singular(counted.split()[-1]) in _VAGUE_COUNTED:
        # "reached 61,300, more than twice the number in 2016": a multiple of what the clause measures
        # (the clause before the comma: "Advertising revenue was $1.1bn, nearly double the level a year earlier")
        return _measure_named_before(before.rstrip().rstrip(","))
    if counted:
        first = _AND_OR.split(counted)[0]
        lows = first.lower().split()
        if (unit is None and len(lows) > 1 and _plural_noun(first.split()[-1])
                and not any(" ".join(lows[i:]) in LEXICON.measure_nouns for i in range(len(lows)))):
            return _noun_head(first)  # "210,000 user reviews" count reviews, not users
        key = LEXICON.measure_of(first) or (LEXICON.measure_of(counted) if first != counted else None)
        if key:
            return key
        if is_money(unit):
            # "$3.2bn battery plant", "a $2.7 billion expansion": money for a thing built or bid for is its cost,
            # whatever cue stands before it (the head may stand before a place the phrase runs on into: "a $3.2
            # billion cell factory near Savannah"); "a ₹6,300 crore IPO" is money raised by selling shares
            heads = [_singular(w) for w in counted.lower().split()[:3]]
            if any(h in _PROJECT_NOUNS for h in heads):
                return "cost"
            if any(h in _FUNDING_NOUNS for h in heads):
                return "funding_round"
        head = _noun_head(counted)
        if unit is None and head is not None and head not in _GENERIC_COUNTED:
            # "288.9 million units": a count measures what it counts, whatever verb precedes it ("employs
            # 450 people" is left to the verb)
            return head
        if share_like and head is not None and counted.split()[-1].lower() != head:
            return "share"  # "one in four households", "20% of patients": a part of the people counted
    if share_like and whole and _capacity_whole(whole):
        return "capacity"  # "ran at 74% of capacity": how much of its capacity a plant uses
    if share_like:
        if whole and LEXICON.measure_of(whole) not in ("growth", "decline"):
            # "46% of wafer revenue", "4.4% of GDP": a part of a whole, unless the words before name what is
            # that part ("a deficit of 6.7% of GDP", "cut the deficit to 3% of GDP")
            return _part_named(before) or _copula_subject(before) or "share"
    # A closed relative clause between a cue and the figure is another statement: its words do not name
    # the figure ("services inflation, which policymakers watch as a gauge of price pressure, was 5.7%").
    window = before[-(90 if share_like else 45):]
    if "," in window:  # (every relative clause opens with one)
        window = _RELATIVE_CLAUSE.sub(_blank, window)
    adjacent = LEXICON.adjacent_cue_regex.search(window)
    if adjacent:  # "..., up 25 per cent": a change word right before the figure
        return LEXICON.cue_key(adjacent.group())
    cue = change = None
    # A figure in an open relative clause ("the stock of bonds bought under quantitative easing, which stood at
    # £688bn") is not named by the words before the clause: cues are read from its opening on.
    opening = 0
    for rel in _OPEN_RELATIVE.finditer(window):
        opening = rel.end()
    for rel in _NEW_CLAUSE.finditer(window, opening):
        # "claims rose to $1.3bn, and its combined ratio worsened to 104%": a change word in the clause before
        # a coordinating conjunction is another clause's, not this figure's
        opening = rel.end()
    for found in LEXICON.cue_regex.finditer(window, opening):
        # the cue nearest the figure names it ("valuation at $2.8 billion, up 25 per cent"); a percentage is
        # never an amount of money or power ("raised its growth forecast to 1.25%" is not funding)
        key = LEXICON.cue_key(found.group())
        if not (share_like and key in _AMOUNT_MEASURES):
            cue = found
        if key in ("growth", "decline"):
            change = found
    if change is not None and _BY_BEFORE.search(window):
        cue = change  # "lowering Bank Rate by a quarter of a point": a figure after "by" is the change
    put = _PUT_AT.search(before, max(0, len(before) - 160)) or _PUT_AT_RELATIVE.search(before, max(0, len(before) - 160))
    if put is not None:  # "put the chance of a cut at 95%", "the budget, which analysts put at $250m"
        named = _object_measure(put.group("object"))
        if named is not None:
            return named
    if cue is not None and not share_like:
        changed = _CHANGED_OBJECT.search(before, max(0, len(before) - 120))
        at = len(before) - len(window) + cue.start()
        if changed is not None and changed.start() <= at < changed.end():
            # "raised its lodging tax to ¥10,000", "limit losses to £105m": the verb's object is what the figure
            # measures, not the verb ("raised" is no funding here)
            named = _object_measure(changed.group("object"))
            if named is not None:
                return named
    phrase = None if cue is not None and not window[cue.end():].strip() else _noun_of(window)
    if phrase:  # "duties of up to 35.3%", "a market value of $770bn": the noun the figure is "of"
        # (its compound after any article: "capex guidance of" is capex, "fined companies a total of" no count)
        compound = phrase.split()
        for i in range(len(compound) - 1, -1, -1):
            if compound[i].lower() in _NP_SKIP or compound[i].lower() in _NP_STOP:
                compound = compound[i + 1:]
                break
        key = LEXICON.measure_of(" ".join(compound)) if compound else None
        head = phrase.split()[-1].lower()
        if key or (head not in _NOUN_OF_EXCLUDED and head not in _NP_STOP and head not in _NP_SKIP
                   and _noun_head(head) is not None):
            return key or _singular(head)
    if cue is not None:
        key = LEXICON.cue_key(cue.group())
        what_rose = before[: len(before) - len(window) + cue.start()]
        if key == "valuation" and cue.group().lower() == "worth":
            worth = _worth_of(what_rose)
            if worth != "valuation":  # "incentives worth $480 million", "the market could be worth $130bn"
                return worth
        # A count or a physical amount changed by the figure is no rate of change: it measures what changed or
        # what it counts ("the number of people ... fell by 88,000", "its cargo capacity rose by 12,000 tonnes");
        # a bare count ("the population rose by 677,000") stays the change. (Money is left to the cue: a money
        # change would measure what changed too, "the fare will rise by 25 cents", but the subject pass reads a
        # story's organisation from company measures such as growth, not from "fare".)
        amount = not share_like and unit != "times" and (unit is not None or bool(counted))
        if key in ("growth", "decline") and re.search(r"\b(?:from|to)\b", window[cue.end():]):
            # "investment rose from $2.5 billion to $20 billion": the figures are levels of what rose (a count
            # names nothing else: "the number of people ... fell by 88,000 to 1.6 million" counts people)
            named = _measure_named_before(what_rose) or _clause_head(what_rose)
            if named is not None or share_like or not counted:
                return _MONEY_OF.get(named, named) if is_money(unit) and named else named
        elif key in ("growth", "decline") and amount:
            # (after "to" the change is an infinitive whose subject is not the clause's: "how fast to shrink")
            named = _measure_named_before(what_rose) or (None if _TO_BEFORE.search(what_rose) else _clause_head(what_rose))
            if named is not None:
                return _MONEY_OF.get(named, named) if is_money(unit) else named
        else:
            return key
    if unit is not None and LEXICON.unit_measure(unit):
        return LEXICON.unit_measure(unit)  # "the United States added 33 GW": a power figure is capacity
    if share_like and _LEVEL_BEFORE.search(window):
        # "raised its forecast for economic growth this year to 1.25%": a level the clause's measure noun
        # moved to or stood at
        named_noun = None
        for named_noun in _MEASURE_NOUN.finditer(window[_clause_start(window, len(window)):]):
            pass
        key = LEXICON.measure_of(named_noun.group()) if named_noun is not None else None
        if key is None and not counted and _TO_BEFORE.search(window):
            # "Its take rate widened to 29.1%", "the combined ratio worsened to 104%": no listed noun, the level
            # of what opens the clause (its head noun)
            key = _clause_head(before)
        if key not in _AMOUNT_MEASURES:
            return key
    if counted:
        if is_money(unit):
            # "a $220m bond payment", "a $41 million shortfall": money named by the noun after it, its head
            head = _noun_head(counted)
            if head in _PRICE_NOUNS:
                return "price"  # "€1,450 a tonne", "$85 a barrel", "£40 a head": what one of a thing costs
            return None if head is None or head in _GENERIC_COUNTED or head in _RATE_NOUNS else head
        if unit not in (None, "times", "percent", "percentage_points") and LEXICON.unit_measure(unit):
            return None
        # "96,400 tonnes of copper", "41,000 ounces of gold": a physical amount measures the stuff it weighs
        return _noun_head(counted)
    if unit is None:
        elided = _ELIDED_WITH.search(before, max(0, len(before) - 60))
        if elided is not None and _plural_noun(elided.group("noun")):
            # "the biggest source of visitors, with 4.6 million": the noun the figure leaves out stands before "with"
            return LEXICON.measure_of(elided.group("noun")) or _singular(elided.group("noun"))
    level_verb = _LEVEL_VERB.search(before, max(0, len(before) - 30))
    if level_verb is not None:  # "Hotel occupancy in Tokyo averaged 82%": the level of what the clause is about
        head = _clause_head(before[: level_verb.start()])
        if head is not None:
            return head
    changed = None if share_like else _CHANGED_OBJECT.search(before, max(0, len(before) - 120))
    # (a percentage after "raised prices by" is the change, not a level of prices: no measure is named)
    if changed is not None:  # "cut the tariff-free quota for steel imports to 18.3 million tonnes": the quota
        head = changed.group("head").lower()
        if head not in _NOUN_OF_EXCLUDED and head not in _NP_STOP and head not in _NP_SKIP and _noun_head(head):
            return LEXICON.measure_of(head) or _singular(head)
    return None


# "taking annual wage growth to": a carrying verb, its object, "to" right before the figure.
_CARRIED_TO: Final = re.compile(
    phrase_regex(LEXICON.measures["carry_verbs"]["words"]).pattern
    + r"\s+(?:(?:the|its|their|his|her|a|an)\s+)?(?P<object>(?:[\w’'-]+\s+){0,3}?[a-z][\w-]*)\s+to\s+$",
    re.IGNORECASE)
# "Turnout was", "Net charge-offs, loans written off, were": a form of "be" right before a figure, read backwards.
_COPULA_BEFORE: Final = re.compile(
    phrase_regex(LEXICON.measures["copulas"]["words"]).pattern + r"\s+$", re.IGNORECASE)


def _copula_subject(before: str) -> str | None:
    """What a percentage of a whole measures when a form of "be" joins it to its clause's subject and that
    subject is a listed measure ("Turnout was 60.1% of registered voters", "Net charge-offs were 0.48% of
    loans"): the subject's measure, unless it is only a share or a change. A verb of amount ("Debt stands at
    98% of national income", "Exports made up 30% of output") leaves the figure a share.

    >>> _copula_subject("Turnout was "), _copula_subject("Debt stands at "), _copula_subject("Its share was ")
    ('turnout', None, None)
    """
    copula = _COPULA_BEFORE.search(before, max(0, len(before) - 12))
    if copula is None:
        return None
    clause = before[: copula.start()]
    subject = _clause_head(clause)
    return subject if subject in _LISTED_MEASURES and subject not in _NOT_PARTS else None


_LISTED_MEASURES: Final = frozenset(LEXICON.measures["measure"])


# Measures a percentage of a whole can be a part of without naming its own measure.
_NOT_PARTS: Final = frozenset({"share", "growth", "decline"})


def _part_named(before: str) -> str | None:
    """What a percentage of a whole measures when the words before it name it: the noun it is "of" ("a
    deficit of"), the object of a change verb ("cut the fiscal deficit to"), the subject of a level verb
    ; None when they name nothing or only a share or a change. (A level verb's subject is no such name:
    "Debt stands at 98% of national income" is a share.)

    >>> _part_named("from a deficit of "), _part_named("promised to cut the fiscal deficit to ")
    ('borrowing', 'borrowing')
    >>> _part_named("Debt stands at "), _part_named("Exports made up "), _part_named("a total of ")
    (None, None, None)
    """
    window = before[-90:]
    phrase = _noun_of(window)
    named = _ending_measure(phrase) if phrase else None
    if named is None:
        changed = _CHANGED_OBJECT.search(before, max(0, len(before) - 120))
        named = None if changed is None else _ending_measure(changed.group("object"))
    return None if named in _NOT_PARTS else named


_HEADCOUNT: Final = LEXICON.measures["headcount"]
# A verb right before a count, with at most two small words between ("has hired 85 more", "to cut some 300").
_HIRE_VERB: Final = re.compile(r"\b" + phrase_regex(_HEADCOUNT["hire_verbs"]).pattern + r"(?:\s+[a-z]+){0,2}?\s+$",
                        re.IGNORECASE)
_CUT_VERB: Final = re.compile(r"\b" + phrase_regex(_HEADCOUNT["cut_verbs"]).pattern + r"(?:\s+[a-z]+){0,2}?\s+$",
                       re.IGNORECASE)
_JOB_NOUNS: Final = frozenset(_HEADCOUNT["job_nouns"])
_STAFF_WHOLES: Final = frozenset(_HEADCOUNT["wholes"])


def _headcount(unit: str | None, counted: str | None, whole: str | None, before: str) -> bool:
    """Whether a figure counts a company's staff by the verb before it or the whole it is part of: people
    hired or employed ("hire 120 specialists"), jobs cut or created ("cut about 300 jobs"), a percentage of a
    workforce ("6% of its workforce").

    >>> _headcount(None, "new nurses", None, "the hospital will hire "), _headcount(None, "jobs", None, "it will cut ")
    (True, True)
    >>> _headcount("percent", None, "its workforce", "it cut "), _headcount(None, "jobs", None, "employers added ")
    (True, False)
    """
    if unit in ("percent", "percentage_points"):
        words = (whole or "").lower().split()
        return bool(words) and " ".join(w for w in words if w not in _NP_SKIP) in _STAFF_WHOLES
    if unit is not None or not counted:
        return False
    near = before[-40:]
    if _HIRE_VERB.search(near):
        # (what the phrase ends with: "hired 85 more fare inspectors" counts inspectors, not fares)
        return _ending_measure(counted) in (None, "employees")
    return counted.lower() in _JOB_NOUNS and _CUT_VERB.search(near) is not None


# A verb stating the level of what opens its clause, right before the figure ("Transits averaged 31.4 a day").
_LEVEL_VERB: Final = re.compile(phrase_regex(LEXICON.measures["level_verbs"]["words"]).pattern + r"\s+$", re.IGNORECASE)
_CONJUNCTION: Final = re.compile(r"\s*(?:(?:and|but|or|while|yet|so)\s+)?")
_RELATIVE_PRONOUN: Final = re.compile(r"\s*(?:which|who|that)(?:\s+(?:now|then|still|also|had|has|have))?\s*", re.IGNORECASE)
# Heads too general to name a measure of their own ("the total reached 40"), unlike "rate" or "level".
_VAGUE_HEADS: Final = frozenset(LEXICON.measures["noun_of_exclusions"]["words"]) - {"rate", "level"}


# A verb of saying with a word right after it ("Marlow Re said claims rose"): what was said opens after it (not
# "Revenue, the company said, rose": a comma follows there).
_SAID_BEFORE: Final = re.compile(r"\b" + phrase_regex(LEXICON.measures["speech_openers"]["words"]).pattern
                                 + r"\s+(?=[A-Za-z])", re.IGNORECASE)


def _statement_start(text: str) -> int:
    """Where the clause ending ``text`` opens: its start, or after a verb of saying in it that what was said
    follows ("The ferry company said single tickets would rise by" -> "single tickets ...").

    >>> t = "The ferry company said single tickets would rise by "
    >>> t[_statement_start(t):], _statement_start("Revenue, the firm said, rose ")
    ('single tickets would rise by ', 0)
    """
    lo = _clause_start(text, len(text))
    # (a verb of saying stands close before the subject it introduces: only the last 120 characters are read)
    for said in _SAID_BEFORE.finditer(text, max(lo, len(text) - 120)):
        lo = said.end()
    return lo


def _clause_head(text: str) -> str | None:
    """The measure named by the noun phrase that opens the clause ending ``text``, its grammatical subject
    ("Hotel occupancy in Tokyo averaged" -> occupancy, "and cargo through the canal fell 9% to" -> cargo);
    after a description set off by commas, the phrase before it ("Net interest income, the difference ...,").
    Only a common noun: a name ("Tesla was") or a pronoun ("it reached") names no measure.

    >>> _clause_head("Hotel occupancy in Tokyo averaged "), _clause_head("The bank's capital ratio, a gauge, was ")
    ('occupancy', 'ratio')
    >>> _clause_head("In Kyoto it reached "), _clause_head("Northwind was "), _clause_head("The total was ")
    (None, None, None)
    >>> _clause_head("Shares fell 3%, taking their decline ") is None
    True
    """
    lo = _statement_start(text)
    pieces = text[lo:].split(",")
    if len(pieces) > 1 and _RELATIVE_PRONOUN.fullmatch(pieces[-1]):
        # "the stock of bonds bought under QE, which stood at": the clause is about the phrase before "which",
        # not about the sentence's opening words
        return _measure_named_before(pieces[-2])
    for k in dict.fromkeys((len(pieces) - 1, 0)):
        conj = _CONJUNCTION.match(pieces[k])  # (always matches: every part is optional)
        piece = pieces[k][conj.end() if conj is not None else 0:]
        words = _np_words(piece)
        if words:
            break
    else:
        return None
    # (the phrase opens the sentence: a capital there may be a common noun's, "Transits averaged")
    at_start = lo == 0 and k == 0 and not piece[: words[0].start()].strip(" \"“‘'(")
    tail = [w.group() for w in words[1:]]
    first = words[0].group()
    after_first = _WORD.search(piece, words[0].end())
    if first.lower().endswith("ing") and after_first and after_first.group().lower() in _VERB_OBJECT_START:
        return None  # "taking their decline to 14%": a verb and its object, not a subject
    if any(not w.islower() for w in tail) or not (first.islower() or (at_start and first[1:].islower())):
        return None  # a name ("Kariba North Bank was"), not a common noun
    head = words[-1].group().lower()
    if head in _VAGUE_HEADS or (len(words) == 1 and at_start and not first.islower() and not head.endswith("s")
                                and head not in LEXICON.measure_nouns):
        return None  # "The total was", "Tesla was": a capitalised single word opening a sentence may be a name
    return LEXICON.measure_of(" ".join(w.group() for w in words)) or _noun_head(head)


# A change verb (measures.toml [change_verbs]), then its object, then "to"/"by" right before the figure: the
# object is what the figure measures.
_CHANGED_OBJECT: Final = re.compile(
    phrase_regex(LEXICON.measures["change_verbs"]["words"]).pattern + r"\s+"
    r"(?:(?:the|its|their|his|her|a|an)\s+)?(?P<object>(?:[\w-]+\s+){0,2}?(?P<head>[a-z][\w-]*))"
    r"(?:\s+(?:for|on|of)\s+(?:[\w-]+\s+){0,3}?)?\s*(?:to|by|at)\s+$", re.IGNORECASE)
# "put(s) the chance of a cut in November at": what is put at the figure is the phrase after the verb.
_PUT_AT: Final = re.compile(
    r"\bput(?:s|ting)?\s+(?:the|its|their|his|her|a|an)\s+(?P<object>(?:[\w-]+\s+){0,2}?(?P<head>[a-z][\w-]*))"
    r"(?:\s+(?:of|for|on)\s[^.;:,]{0,80}?)?\s+at\s+$", re.IGNORECASE)
# "the game's budget, which people familiar with the project put at": the phrase before "which".
_PUT_AT_RELATIVE: Final = re.compile(r"(?P<object>(?P<head>[a-z][\w-]*)),\s*which\s[^.;:,]{0,80}?\bput\s+at\s+$",
                                     re.IGNORECASE)
# A count whose noun is left out after "with", the noun standing right before ("the biggest source of visitors,
# with 4.6 million").
_ELIDED_WITH: Final = re.compile(r"(?<![\w-])(?P<noun>[a-z][a-z-]*)\s*,?\s+with\s+$")
_BODY_WHOLES: Final = frozenset(LEXICON.measures["body_wholes"]["words"])
_COMMODITY: Final = phrase_regex(LEXICON.measures["commodities"]["words"])
_COMMODITY_UNITS: Final = frozenset(LEXICON.measures["commodities"]["units"])
_WORTH_VALUATION: Final = frozenset(LEXICON.measures["worth"]["valuation_heads"])
_WORTH_UNNAMED: Final = frozenset(LEXICON.measures["worth"]["unnamed_heads"])
# Auxiliaries between a noun and "worth" ("the market could be worth"), read backwards from "worth".
_WORTH_HEAD: Final = re.compile(r"(?P<head>[\w’'-]+)\s+(?:(?:could|would|might|may|will|is|are|was|were|be|been|now|"
                                r"still|already|all|together|collectively)\s+){0,3}$", re.IGNORECASE)


def _object_measure(phrase: str) -> str | None:
    """The measure a verb's object names, by its listed ending ("price target") or its head noun ("tax",
    "losses"); None when the head names none (an excluded word such as "forecast", a stop word, a verb form).

    >>> _object_measure("losses"), _object_measure("lodging tax"), _object_measure("price target")
    ('loss', 'tax', 'price_target')
    >>> _object_measure("full-year forecast"), _object_measure("it")
    (None, None)
    """
    key = _ending_measure(phrase)
    if key is not None:
        return key
    head = phrase.split()[-1].lower()
    if head in _NOUN_OF_EXCLUDED or head in _NP_STOP or head in _NP_SKIP or _noun_head(head) is None:
        return None
    return LEXICON.measure_of(head) or _singular(head)


def _worth_of(text: str) -> str | None:
    """What a money figure after "worth" measures, from the noun before it: a company's value ("a start-up
    worth $2bn", "Acme, worth $2bn"), a named amount ("incentives worth $480m" -> incentive), or nothing
    to name ("a contract worth £300,000 a week": the pay period decides).

    >>> _worth_of("Georgia has offered incentives "), _worth_of("the market could be "), _worth_of("a start-up ")
    ('incentive', 'market', 'valuation')
    >>> _worth_of("signed a contract "), _worth_of("Acme is now "), _worth_of("shares of Acme, ")
    (None, 'valuation', 'valuation')
    """
    m = _WORTH_HEAD.search(text, max(0, len(text) - 60))
    if m is None or text[: m.start()].rstrip().endswith(",") or m.group("head").endswith(","):
        return "valuation"
    word = m.group("head")
    low = word.lower()
    if not word.islower() or low in _WORTH_VALUATION or low in _NP_STOP or low in _NP_SKIP:
        return "valuation"  # a name, a pronoun ("it is worth") or a company word
    if low in _WORTH_UNNAMED:
        return None
    key = LEXICON.measure_of(low)
    if key is not None:
        return key
    return _singular(low) if _noun_head(low) is not None else "valuation"


def _commodity_named(before: str) -> str | None:
    """The last commodity the clause before a weight or volume names ("Its gold output was"), if any.

    >>> _commodity_named("Zambia's maize crop fell to "), _commodity_named("We lost roughly ")
    ('maize', None)
    """
    found = None
    for found in _COMMODITY.finditer(before, _clause_start(before, len(before))):
        pass
    return None if found is None else " ".join(found.group().lower().split())


def _body_measure(whole: str | None, before: str) -> str | None:
    """A percentage of a body measure: "18% of their body weight" (its whole), "cuts weight by 18%" (the
    object of a change verb); the measure is the body measure's head ("weight").

    >>> _body_measure("their body weight", "lost "), _body_measure(None, "cuts weight by "), _body_measure("sales", "")
    ('weight', 'weight', None)
    """
    if whole:
        words = [w for w in whole.lower().split() if w not in _NP_SKIP]
        if " ".join(words) in _BODY_WHOLES:
            return _singular(words[-1])
        return None
    changed = _CHANGED_OBJECT.search(before, max(0, len(before) - 120))
    if changed is not None and changed.group("head").lower() in _BODY_WHOLES:
        return _singular(changed.group("head"))
    return None


#: Every currency a figure can carry: the codes the number scanner's currency tables write (codes, symbols,
#: words) and those with exchange-rate bands.
_CURRENCIES: Final = frozenset(
    code for table in load_toml("numbers.toml")["currency"].values() if isinstance(table, dict)
    for code in table.values() if isinstance(code, str) and len(code) == 3 and code.isupper()
) | frozenset(load_toml("currencies.toml")["per_usd"])


def is_money(unit: str | None) -> bool:
    """Whether a unit is a currency the number scanner writes (its ISO 4217 code).

    >>> is_money("USD"), is_money("GW"), is_money("t"), is_money(None)
    (True, False, False, False)
    """
    return unit in _CURRENCIES


# Measures that are amounts (money, power): their cues never name a percentage.
_AMOUNT_MEASURES: Final = frozenset(k for k, spec in LEXICON.measures["measure"].items() if spec.get("money") or spec.get("units"))
_BY_BEFORE: Final = re.compile(r"\bby\s+$", re.IGNORECASE)
_TO_BEFORE: Final = re.compile(r"\bto\s+$", re.IGNORECASE)
# What a money figure measures when the words before it name a measure that is no amount of money ("Its shares
# fell 14% to HK$0.38": the share price).
_MONEY_OF: Final[dict[str, str]] = LEXICON.measures["money_of"]
# Money for one of a thing ("€1,450 a tonne") is its price; money for a stretch of work ("£12.60 an hour") is
# left to the pay rule.
_PRICE_NOUNS: Final = frozenset(LEXICON.measures["money_per"]["price_nouns"])
_RATE_NOUNS: Final = frozenset(LEXICON.measures["money_per"]["rate_nouns"])
# Units of volume, weight or length written as words the number scanner does not read as units.
_UNIT_NOUNS: Final = frozenset(LEXICON.measures["unit_nouns"]["words"])
# A comma and a coordinating conjunction: a clause of its own opens after them.
_NEW_CLAUSE: Final = re.compile(r",\s*(?:and|but|while|whereas|yet)\s+", re.IGNORECASE)
_OPEN_RELATIVE: Final = re.compile(r",\s*(?:which|who|whom|whose)\b", re.IGNORECASE)
# A figure that is the level something moved to or stands at: "to 1.25%", "at 5%", "by 0.4%".
_LEVEL_BEFORE: Final = re.compile(r"\b(?:to|at|by)\s+$", re.IGNORECASE)
# A relative clause closed by a comma (or "which"/"who" clause ending the text before a figure).
_RELATIVE_CLAUSE: Final = re.compile(r",\s*(?:which|who|whom|whose)\b[^,;]{0,120},", re.IGNORECASE)
_AND_OR: Final = re.compile(r"\s+(?:and|or)\s+")  # "LLMs and apps": the first noun names the measure


def _blank(m: re.Match[str]) -> str:
    """White space as long as a match (a relative clause blanked out keeps the window's length)."""
    return " " * len(m.group())


_NOT_NOUNS: Final = frozenset(load_toml("stopwords.toml")["not_nouns"])
_IRREGULAR_PLURALS: dict[str, str] = LEXICON.measures.get("irregular_plurals", {})
_NOT_PAST_NOUNS: Final = LEXICON.time_words["not_past"]  # "-ed" words that are nouns or adjectives ("hundred")


def _noun_head(phrase: str) -> str | None:
    """The measure key of a phrase's last word when it can be a noun: not a verb form ("wanted",
    "seen"), an adverb or comparative ("rather", "more", "lower"), an ordinal ("first") or a code with
    digits ("A321XLR"); else None.

    >>> _noun_head("leased"), _noun_head("more"), _noun_head("A321XLR"), _noun_head("people"), _noun_head("jets")
    (None, None, None, 'person', 'jet')
    """
    word = phrase.split()[-1].strip("’'\"“”") if phrase.split() else ""
    low = word.lower()
    if not low.isascii() or not low.replace("-", "").isalpha() or low in _NOT_NOUNS or low in _NP_STOP:
        return None  # a code ("a321xlr", "h100"), an adverb, a comparative or a stop word
    if low in LEXICON.measure_nouns:
        return _singular(low)
    if (low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST_NOUNS) or low.endswith("ly"):
        return None  # "the other four wanted", "the 22% seen", "rose sharply"
    if word.isupper() and len(word) > 1 and low not in LEXICON.measure_nouns:
        return None  # an acronym or product code names a thing, not what is measured
    return _singular(low)


def _not_counted(phrase: str) -> bool:
    """Whether a phrase after a figure is a time ("a year", "next year") or a source ("analysts"), not
    what the figure counts."""
    words = phrase.lower().split()
    if all(w in _TIME_NOUNS for w in words) or (len(words) == 2 and words[0] in _NP_TIME_OPENERS):
        return True  # "7% a year", "4.6 million last season", "30 next winter"
    return " ".join(words) in _SOURCE_NOUNS


_TIME_NOUNS: Final = LEXICON.time_words["time_nouns"]
_SOURCE_NOUNS: Final = frozenset(g for g in LEXICON.claims["attribution"]["generic_sources"] if " " not in g)


def _singular(word: str) -> str:
    """A measure key from a head noun: lower case, singular ("duties" -> "duty", "units" -> "unit").

    >>> _singular("Duties"), _singular("units"), _singular("business"), _singular("boxes")
    ('duty', 'unit', 'business', 'box')
    """
    w = word.lower().strip("’'")
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("xes", "ches", "shes", "sses")):
        return w[:-2]
    return w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3 else w


# "<noun phrase> of <figure>": up to three words before "of" right before the figure.
# Up to three words and "of" ending the text before a figure ("a market value of "), matched on the reversed
# text from its end: searching forwards for a match that must end at the end tried every word start of the
# window (about 30 µs a figure); reversed, one anchored match decides.
_NOUN_OF_REVERSED: Final = re.compile(r"\s+fo\s+(?P<phrase>[\w-]*[A-Za-z](?:\s+[\w-]*[A-Za-z]){0,2})")


def _noun_of(window: str) -> str | None:
    r"""The (up to three-word) phrase before the "of" that ends ``window``, or None: what
    ``re.search(r"((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)\s+of\s+$", window)`` finds, in one anchored match.

    >>> _noun_of("it put the market value of "), _noun_of("revenue rose ")
    ('the market value', None)
    """
    m = _NOUN_OF_REVERSED.match(window[::-1])
    return None if m is None else m.group("phrase")[::-1]
_NOUN_OF_EXCLUDED: Final = frozenset(LEXICON.measures["noun_of_exclusions"]["words"])
# Every listed measure noun, longest first: the last one in a clause names a bare percentage.
_MEASURE_NOUN: Final = phrase_regex(list(LEXICON.measure_nouns))
# Counted nouns too general to name a measure on their own ("450 people": employees? residents?).
_GENERIC_COUNTED: Final = frozenset(LEXICON.measures["generic_counted"]["words"])
# Counted heads that only point at an amount ("twice the number", "double the total").
_VAGUE_COUNTED: Final = _GENERIC_COUNTED & _NOUN_OF_EXCLUDED
_CAPACITY_WHOLES: Final = frozenset(LEXICON.measures["capacity_wholes"]["words"])


def _capacity_whole(whole: str) -> bool:
    """Whether a percentage's whole is the capacity of what it measures, perhaps with a time after it.

    >>> _capacity_whole("its capacity last month"), _capacity_whole("all installed power capacity")
    (True, False)
    """
    words = whole.lower().split()
    for n in (3, 2, 1):  # the longest listed opening ("full capacity", "its capacity", "capacity")
        if " ".join(words[:n]) in _CAPACITY_WHOLES:
            rest = words[n:]
            return not rest or rest[0] in _NP_TIME_OPENERS or rest[0] == "this"
    return False
# Things built, bought or bid for: a money figure before them is what they cost ("a $3.2bn battery plant").
_PROJECT_NOUNS: Final = frozenset(LEXICON.measures["project_nouns"]["words"])
# Share sales: a money figure before them is money raised ("a ₹6,300 crore IPO", "a $2bn rights issue").
_FUNDING_NOUNS: Final = frozenset(LEXICON.measures["funding_nouns"]["words"])


def _ending_measure(phrase: str) -> str | None:
    """The measure named by the longest listed ending of a phrase (its head), unlike
    :meth:`~factcheck.lexicon.Lexicon.measure_of`, which also reads listed words before the head.

    >>> _ending_measure("more fare inspectors"), _ending_measure("a market value"), _ending_measure("companies a total")
    (None, 'valuation', None)
    """
    words = phrase.lower().replace("’", "'").split()
    for i in range(len(words)):
        key = LEXICON.measure_nouns.get(" ".join(words[i:]))
        if key:
            return key
    return None


def _measure_named_before(text: str) -> str | None:
    """The first listed measure noun in the clause that ends ``text`` ("Venture investment in ... rose")."""
    clause = text[_statement_start(text) :]
    # (after the last comma that ends a phrase, not one inside a figure: "reached 61,300")
    clause = clause[clause.rfind(", ") + 1 :] if ", " in clause else clause
    m = _MEASURE_NOUN.search(clause)  # a listed phrase ("jobless rate"), not only a single word
    if m is None:
        return None
    # In a compound the last noun is the head: "Fare revenue rose" is revenue, not fare.
    for nxt in _MEASURE_NOUN.finditer(clause, m.end(), min(len(clause), m.end() + 40)):
        if clause[m.end() : nxt.start()].strip():
            break
        m = nxt
    return LEXICON.measure_of(m.group())


def _scope(text: str, start: int, end: int, counted: str | None) -> str | None:
    """The scope word nearest to the figure, inside its clause."""
    if counted:
        for word in counted.split():
            key = LEXICON.scope_of(word, in_noun_phrase=True)
            if key:
                return key
    # The clause, but no further than a few hundred characters from the figure (bounded work per figure).
    lo = max(_clause_start(text, start), start - 300)
    hi = min(_clause_end(text, end), end + 300)
    best: tuple[int, str] | None = None
    for m in _SCOPE_REGEX.finditer(text, lo, hi):  # most sentences hold no scope word: then it does not run
        dist = start - m.end() if m.end() <= start else m.start() - end
        key = LEXICON.scope_of(m.group())
        if key and (best is None or dist < best[0]):
            best = (max(dist, 0), key)
    return best[1] if best else None


_SCOPE_REGEX: Final = PhraseRegex(LEXICON.scope_regex, list(LEXICON.scope_words))
_TOTAL_CUE, _INCREMENT_CUE, _CONTINUATION_CUE = (
    PhraseRegex(regex, LEXICON.claims["aggregate"][kind])
    for regex, kind in zip(LEXICON.aggregate_regex, ("total", "increment", "continuation")))


def _aggregate(text: str, start: int, end: int, counted: str | None) -> str | None:
    """'total' for a running total, 'increment' for one batch, None when the words do not say."""
    increment_cue = _INCREMENT_CUE.regex
    near_before = text[max(0, start - 30) : start]
    if (increment_cue.search(near_before) or (counted and increment_cue.search(counted)) or _MORE_AFTER.match(text, end)
            or (counted and _HIRE_VERB.search(near_before))):
        return "increment"  # (people hired are an addition to a staff: "will hire 120 new faculty members")
    # A total cue counts for the figure when it stands before it in its clause ("the total reached 40") or
    # right after it ("40 in total", "40 LLMs so far"), not when it introduces a later figure.
    if _TOTAL_CUE.search(text, max(_clause_start(text, start), start - 200), start):
        return "total"
    near_after = _TOTAL_CUE.search(text, end, min(len(text), end + 30))
    if near_after and not re.search(r"\d", text[end : near_after.start()]):
        return "total"
    return None


# "14 more LLMs": a figure followed by "more" (not "more than") is an addition to an earlier count.
_MORE_AFTER: Final = re.compile(r"\s+(?:more|further|extra|additional)\s+(?!than\b)[A-Za-z]", re.IGNORECASE)
