"""The per-sentence fast paths give what the plain definitions give: records built without validation,
the gazetteer's remembered reading of capitalised runs, and the cached word tests of the claim stage."""

from __future__ import annotations

import functools

import pickle
import sys
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.state import _INSTITUTION_JOINERS, _ORG_SUFFIXES, _is_person, _org_like
from factcheck.lexicon import LEXICON
from factcheck.mentions import entities as E
from factcheck.mentions.entities import Gazetteer, _at
from factcheck.models import EntityRef, Quantity, QuantityClaim, Sentence, Span, TimeScope

# -- records built without validation -------------------------------------------------------------


def _same_record(fast, slow) -> None:
    assert fast == slow and type(fast) is type(slow)
    assert list(fast.__dict__) == list(slow.__dict__)  # dumps follow the dict's order
    assert fast.model_dump_json() == slow.model_dump_json()
    assert pickle.loads(pickle.dumps(fast)) == slow


def test_trusted_small_records_are_the_validated_ones():
    _same_record(Span.trusted(start=3, end=9), Span(start=3, end=9))
    s = Span(start=0, end=4)
    _same_record(Sentence.trusted(index=2, span=s, text="abcd", heading=True),
                 Sentence(index=2, span=s, text="abcd", heading=True))
    # fields given out of declaration order, and some left to their defaults
    fast = EntityRef.trusted(name="Acme", id="acme", surface="Acme", type="org")
    _same_record(fast, EntityRef(id="acme", name="Acme", surface="Acme", type="org"))
    assert fast.model_fields_set == {"id", "name", "surface", "type"}


def _claim_parts(**extra):
    q = Quantity(value=Decimal("5"), low=Decimal("5"), high=Decimal("5"))
    return dict(doc_id="d", span=Span(start=0, end=1), text="5", sentence="5 users.",
                sentence_span=Span(start=0, end=8), quantity=q, **extra)


def test_trusted_many_field_records_share_keys_and_equal_the_validated_ones():
    for extra in ({}, {"measure": "users", "time": TimeScope(start=date(2024, 1, 1))},
                  {"published": date(2024, 2, 1), "also": (Quantity(value=Decimal(1)),)}):
        fast, slow = QuantityClaim.trusted(**_claim_parts(**extra)), QuantityClaim(**_claim_parts(**extra))
        _same_record(fast, slow)
        assert fast.model_fields_set == slow.model_fields_set
        assert sys.getsizeof(fast.__dict__) < 400  # a key-sharing dict, as validated records get
    one, two = QuantityClaim.trusted(**_claim_parts()), QuantityClaim.trusted(**_claim_parts())
    assert one.time == two.time and one.time is not two.time  # a default factory still runs per record
    assert one.model_copy(update={"measure": "users"}).measure == "users" and one.measure is None


def test_a_placed_entity_is_the_entity_with_its_span():
    g = Gazetteer.default()
    ref = g.resolve("Baidu")
    placed = _at(ref, Span(start=4, end=9))
    assert placed == ref.model_copy(update={"span": Span(start=4, end=9)})
    assert placed.model_fields_set == set(EntityRef.model_fields) and ref.span is None


# -- the gazetteer's capitalised runs -----------------------------------------------------------


def _reference_runs(g: Gazetteer, text: str, offset: int = 0, common_words: frozenset[str] = frozenset()):
    """The capitalised-run loop of :meth:`Gazetteer.find` as it read before its runs were remembered,
    for a text without listed names (so nothing is taken)."""
    original = text
    text = text.replace("\r\n", " \n").replace("\n", " ")
    refs = []
    lead = -1
    pieces = []
    for m in E._CAPITALISED.finditer(text):
        run = m.group()
        cut = E._title_inside(run) if " " in run else 0
        if cut:  # "Safaricom CEO Peter Ndegwa": the organisation, then the titled person
            if run[: cut - 1] not in E._DEMONYMS:
                pieces.append((m.start(), m.start() + cut - 1))
            pieces.append((m.start() + cut, m.end()))
        else:
            pieces.append((m.start(), m.end()))
    for start, end in pieces:
        surface = E._strip_possessive(text[start:end].rstrip(".-’'"))
        if " " not in surface and (len(surface) < 2 or surface in E._FUNCTION_WORDS or surface in E._ACRONYMS):
            continue
        end = start + len(surface)
        if E._is_modifier(text, end) or surface.lower().endswith(E._MODIFIER_SUFFIXES):
            continue
        words = surface.split()
        while words and words[0] in E._FUNCTION_WORDS:
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) > 2 and words[0] in E._ACRONYMS and words[1] in ("of", "for", "at"):  # "CEO of LVMH"
            start += len(words[0]) + len(words[1]) + 2
            words = words[2:]
        title = E._title_length(words)  # "Finance Minister Jo Roe" -> "Jo Roe"
        start += sum(len(w) + 1 for w in words[:title])
        words = words[title:]
        while words and words[-1] in E._ACRONYMS:
            words = words[:-1]
        if not words or all(w in E._FUNCTION_WORDS or w in E._ACRONYMS for w in words) or (
                len(words) == 1 and len(words[0]) < 2):
            continue
        surface = " ".join(words)
        if len(words) == 1 and "-" in surface and all(p in E._FUNCTION_WORDS for p in surface.split("-")):
            continue  # "April-June"
        if len(words) == 1 and E._SCALED_NUMBER.fullmatch(surface):
            continue
        head = E._COMMON_HEAD.match(surface)  # "Shares of Kisaragi" opening a sentence: the name is what follows
        if head and head.group(1).lower() not in E._INSTITUTION_WORDS and _plain_common_word(head.group(1), common_words):
            if lead < 0:
                lead = E._OPENERS_ONLY.match(original).end()
            if E._at_sentence_start(original, start, lead):
                start += head.end()
                surface = surface[head.end():]
                words = surface.split()
        unlisted = len(words) == 1 and g.lookup(surface) is None
        if unlisted and E._LOWER_COMPOUND.fullmatch(surface):
            continue
        if unlisted and lead < 0:
            lead = E._OPENERS_ONLY.match(original).end()
        if (unlisted and E._at_sentence_start(original, start, lead)
                and (_plain_common_word(surface, common_words)
                     or E._looks_like_verb(surface, original, start + len(surface)))):
            continue
        if unlisted and (E._is_demonym(surface, original, start + len(surface)) or (
                surface in E._UNIT_SYMBOLS and E._FIGURE_BEFORE.search(original, max(0, start - 12), start))):
            continue
        if len(words) == 1 and original.startswith("$", start + len(surface)):
            continue
        number_end = E._number_in_name(original, start + len(surface))
        if number_end is not None:
            surface = original[start:number_end]
        refs.append(g.resolve(surface, Span(start=offset + start, end=offset + start + len(surface))))
    return refs


def _plain_common_word(word: str, common_words: frozenset[str]) -> bool:
    low = word.lower()
    forms = [low, low.split("-")[0]]
    if low.endswith("ies"):
        forms.append(low[:-3] + "y")
    elif low.endswith("s") and not low.endswith("ss"):
        forms.append(low[:-1])
    return any(f in common_words or f in E._COMMON_OPENERS for f in forms)


# Capitalised words, function words, initials, possessives, figures, compounds, demonyms, units and
# lower-case words: the pieces the run tests tell apart (no listed name, so the reference needs no hits).
_PIECES = ["The", "A", "Of", "of", "and", "&", "Pinecrest", "Pinecrest’s", "Stores", "Trustees", "Shares",
           "Approves", "Spreading", "Brazilian", "GW", "473", "24.6", "million", "Skyreach", "2", "100",
           "FTSE", "AI", "CEO", "671B", "Second-quarter", "Lisbon-based", "Coca-Cola", "NT$225", "said",
           "rose", "the", "forward", "Harbour", "Group", "Ltd.", "Northwind", "Robotics", "Anna", "Keller",
           "“Quoted", "(Bracketed)", ".", ",", "\n", "Councillors", "Two-thirds", "Ho", "X", "Minister", "Finance",
           "April-June", "Chilean", "President", "CEO", "Peter", "Ndegwa"]


@functools.lru_cache(maxsize=1)
def _shared_gazetteer() -> Gazetteer:
    return Gazetteer(Gazetteer.default().entities)  # its own run memory, apart from the default's


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.integers(0, 500),
       st.sets(st.sampled_from(["trustee", "shares", "councillor", "spreading", "pinecrest", "two"])))
def test_remembered_runs_read_as_the_plain_loop(pieces, offset, common):
    text = " ".join(pieces).replace(" .", ".").replace(" ,", ",")
    g = _shared_gazetteer()  # one gazetteer for all examples: its remembered runs must read as fresh ones
    fresh = _reference_runs(g, text, offset, frozenset(common))
    found = g.find(text, offset=offset, common_words=frozenset(common))
    flat = text.replace("\n", " ")
    listed = any(p is not None and p.search(flat) for p in (g._insensitive, g._sensitive))
    if not listed:  # (a listed name takes its span from the runs: the reference reads none)
        assert found == fresh
    assert g.find(text, offset=offset, common_words=frozenset(common)) == found  # remembered runs read as fresh


def test_run_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(E, "_RUN_CACHE_SIZE", 3)
    g = Gazetteer(Gazetteer.default().entities)
    text = "Alpha met Bravo, Charlie, Delta and Echo Foxtrot at Golf."
    first = g.find(text)
    assert len(g._runs) <= 3 and g.find(text) == first
    assert g._run_parts("Zulu " * 40) is not E._NOT_A_NAME and ("Zulu " * 40) not in g._runs  # long runs: not kept


# -- cached word tests --------------------------------------------------------------------------


@given(st.from_regex(r"[A-Z][a-z]{0,8}(?:-[a-z]{1,6})?(?:ies|s|ss)?", fullmatch=True),
       st.sets(st.sampled_from(["trustee", "country", "councillor", "two", "shares", "share", "press"])))
def test_common_word_test_is_the_plain_one(word, common):
    assert E._is_common_word(word, frozenset(common)) == _plain_common_word(word, frozenset(common))


@given(st.lists(st.sampled_from(["Anna", "Keller", "of", "Bank", "Korea", "Group", "Ltd.", "Inc", "and", "the",
                                 "Northwind", "Robotics", "Rafael", "Matos", "Holdings"]), min_size=1, max_size=4))
def test_unlisted_person_and_organisation_tests_are_the_plain_ones(words):
    name = " ".join(words)
    e = EntityRef(id=E.unresolved_id(name), name=name, surface=name, score=0.0, method="unresolved")
    person = 2 <= len(words) <= 3 and not any(w in _INSTITUTION_JOINERS for w in words)
    assert _is_person(e) == person
    assert _org_like(e) == (not person or words[-1].lower().strip(".") in _ORG_SUFFIXES)


@given(st.sets(st.sampled_from(["one", "of", "the", "among", "not", "chief", "executive", "ceo", "said", "won",
                                "received", "approval", "was", "appointed", "a", "rise"])))
def test_cue_test_is_the_plain_one(words):
    words = frozenset(words)
    for kind in ("roles", "events", "membership", "attribution"):
        table = LEXICON._cue_word_sets[kind]
        plain = any(ws <= words for first in words & LEXICON._cue_firsts[kind] for ws in table[first])
        assert LEXICON.may_hold(kind, words) == plain
