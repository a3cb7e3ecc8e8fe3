"""What carries from one sentence to the next, and what the story is about: the per-document
:class:`_State`, the organisations and places named so far (the title and lead count double), short forms
of names given in full earlier, body paragraphs, and whether a name is an organisation, a person or a
national institution of a country.
"""

from __future__ import annotations

from typing import Final

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from factcheck._data import load_toml
from factcheck.claims._text import _PLACE_MODIFIER_HEAD, _SUBJECT_WORDS
from factcheck.lexicon import LEXICON
from factcheck.mentions.entities import _OPENERS_ONLY, Gazetteer, fold
from factcheck.models import Document, EntityRef, QuantityClaim, Sentence, TimeScope


@dataclass
class _State:
    """What carries from one sentence to the next."""

    topic: EntityRef | None = None
    last_time: TimeScope | None = None
    last_members: list[EntityRef] = field(default_factory=list)
    last_by_measure: dict[str, QuantityClaim] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()
    long_names: dict[str, EntityRef] = field(default_factory=dict)
    surnames: dict[str, EntityRef] = field(default_factory=dict)  # last word of an unlisted person-like name -> it
    named: dict[str, EntityRef] = field(default_factory=dict)  # every name so far by id, the latest named last
    last_counted: dict[str | None, QuantityClaim] = field(default_factory=dict)  # unit -> last figure with a noun
    last_by_type: dict[str, EntityRef] = field(default_factory=dict)  # entity type -> last one named
    topic_org: EntityRef | None = None  # the organisation in play: the topic, or the topic product's owner
    topic_org_of: EntityRef | None = None  # the topic ``topic_org`` was last worked out for
    last_source: EntityRef | None = None  # the last source named by name ("DeepSeek has published ...")
    people: dict[str, EntityRef] = field(default_factory=dict)  # each word of a person's name -> the person
    last_person: EntityRef | None = None  # the last person named, listed or not: who a later "he" or "she" is
    continued: EntityRef | None = None  # what the figures of the sentence just before were about
    # The reporting period of a results story ("in the first quarter"): one set in the lead paragraph holds
    # for the document, one set later for its paragraph only.
    lead_period: TimeScope | None = None
    lead_day: TimeScope | None = None  # the news day the lead names ("on Thursday"), days before publication
    paragraph_period: TimeScope | None = None
    paragraphs: int = 0  # body paragraphs begun so far
    prev_end: int = -1  # where the sentence before ended in the prose
    round_company: EntityRef | None = None  # the company of the last funding round read ("the round was led by")
    # What the story is about: the organisation and the place named most so far (the title and lead count
    # double), the fallback subject of company and national figures that name nothing in their sentence.
    weights: dict[str, tuple[int, int, EntityRef]] = field(default_factory=dict)  # id -> (weight, -order, ref)
    main_org: EntityRef | None = None
    main_place: EntityRef | None = None
    fiscal_start: int | None = None  # the month the document's fiscal year starts in, when it says
    plan_period: TimeScope | None = None  # the fiscal year a budget story's lead plans for (timing._plan_period)
    # Capitalised words the document writes inside a sentence ("said Pinecrest"): a name; a word capitalised
    # only where it opens sentences ("Trustees approved", "Applications rose") is a common word. None for a
    # text too short to tell (a one-line "Netflix added 12.8 million subscribers").
    mid_capitals: frozenset[str] | None = None


# A capitalised word inside a sentence: after a lower-case word, a digit, a comma or a bracket and a space.
# The match starts with the space or line break and looks behind from there (the word is the group): the
# engine skips at C speed to the next blank, where a look-behind first would be tried at every character.
_MID_CAPITAL: Final = re.compile(r"[ \n](?<=[a-z0-9,;)][ \n])([A-Z][\w&-]*)")


_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")
_PLAIN_WORD: Final = re.compile(r"[A-Za-z]+")
# A text of this many words names its organisations inside sentences too ("said Pinecrest"); a shorter one
# may name one only at the start of its sentences.
_JUDGED_WORDS: Final = 150


def _scan_names(prose: str, gaz: Gazetteer, state: _State) -> None:
    """Read the document once before its first sentence: the unlisted names of several words in the title
    and lead paragraph give their leading words as short forms ("Cascade Valley" and "Cascade" for
    "Cascade Valley Bancorp"), so a headline's "Pinecrest" is already the "Pinecrest Stores" the lead
    names (a name first met later only covers the short forms after it: "Eastport" the city stays itself
    until the "Eastport Taxpayers Association" appears); and note which capitalised words appear inside
    sentences (:attr:`_State.mid_capitals`).

    >>> st = _State()
    >>> text = "Pinecrest sales rose\\n\\nPinecrest Stores said sales at Pinecrest rose. " + "It grew. " * 80
    >>> _scan_names(text, Gazetteer.default(), st)
    >>> st.long_names["Pinecrest"].name, "Pinecrest" in st.mid_capitals, "Pinecrest Stores" in st.long_names
    ('Pinecrest Stores', True, False)
    """
    # Counting stops at the threshold: it is reached within the first kilobyte or so of any real article.
    if sum(1 for _ in islice(_PLAIN_WORD.finditer(prose, 0, 20_000), _JUDGED_WORDS)) >= _JUDGED_WORDS:
        state.mid_capitals = frozenset(_MID_CAPITAL.findall(prose))
    paragraphs = [p for p in _BLANK_LINE.split(prose, maxsplit=12) if p.strip()][:2]  # title and lead
    for e in gaz.find("\n\n".join(paragraphs), common_words=state.common_words):
        _note_long_name(e, state)


def _note_long_name(e: EntityRef, state: _State) -> None:
    """Every leading part of an unlisted name of several words stands for it from now on, unless it
    stands for an earlier name already. A number ends the parts: "Skyreach" is not "Skyreach 2", its sequel."""
    words = e.name.split()
    if e.method == "unresolved" and len(words) >= 2:
        for k in range(1, len(words)):
            if any(ch.isdigit() for ch in words[k]):
                return
            state.long_names.setdefault(" ".join(words[:k]), e)


def _opening_common_word(text: str, base: int, e: EntityRef, state: _State, lead: int | None = None) -> bool:
    """Whether ``e`` is an unlisted single word capitalised only because it opens its sentence, and the
    document never writes it capitalised inside one: "Trustees approved", "Applications rose", "Nobody
    expects" name nothing, while "Pinecrest had 812 stores" does when "said Pinecrest" occurs too.

    >>> st = _State(mid_capitals=frozenset({"Pinecrest"}))
    >>> g = Gazetteer.default()
    >>> [_opening_common_word(t, 0, g.find(t)[0], st) for t in ("Trustees approved 4%", "Pinecrest had 812")]
    [True, False]

    ``lead``, how far quotes, brackets and blanks open ``text``, may be measured once for all its names.
    """
    if (state.mid_capitals is None or e.method != "unresolved" or e.span is None or " " in e.name
            or e.name in state.mid_capitals):
        return False
    if lead is None:
        lead = _OPENERS_ONLY.match(text).end()
    return lead >= e.span.start - base


def _same_name_as_before(entities: list[EntityRef], state: _State) -> list[EntityRef]:
    """A short form of a name the text gives in full is that entity ("Northwind" after "Northwind
    Robotics", "Cascade Valley" for "Cascade Valley Bancorp"); names the gazetteer lists are already
    resolved by their aliases."""
    out = []
    for e in entities:
        if e.method == "unresolved":
            words = e.name.split()
            full = state.long_names.get(e.name) if len(words) >= 2 else None
            if full is not None and full.id != e.id:  # "Cascade Valley" for "Cascade Valley Bancorp"
                e = e.model_copy(update={"id": full.id, "name": full.name, "method": "alias", "type": full.type})
            elif len(words) >= 2:
                _note_long_name(e, state)
                if _is_person(e) and not _org_like(e):
                    state.surnames.setdefault(words[-1], e)  # "Matos scored", after "Rafael Matos"
            elif e.name in state.people:  # "Li also said", after "Robin Li"
                known = state.people[e.name]
                e = e.model_copy(update={"id": known.id, "name": known.name, "method": "alias", "type": known.type})
            elif e.name in state.long_names or e.name in state.surnames:
                full = state.long_names.get(e.name) or state.surnames[e.name]
                e = e.model_copy(update={"id": full.id, "name": full.name, "method": "alias"})
        out.append(e)
    return out


def _remember(entities: Sequence[EntityRef], attribution: str | None, state: _State) -> None:
    """Note what later sentences may point back to: entities by type, people by name, the source."""
    for e in entities:
        state.named.pop(e.id, None)
        state.named[e.id] = e
        if len(state.named) > 500:  # bounded: a description points back to a name of the last few paragraphs
            del state.named[next(iter(state.named))]
        if e.type:
            state.last_by_type[e.type] = e
        if e.type == "person" and e.surface:
            for word in e.surface.split():
                state.people[word.strip("’'")] = e
        if _person_named(e):
            state.last_person = e
    if attribution is not None:
        named = [e for e in entities if e.span and e.name == attribution]
        if named:
            state.last_source = named[0]


def _org_of(e: EntityRef, gaz: Gazetteer) -> EntityRef | None:
    """``e`` if it is an organisation, else its listed owner ("Ernie Bot" -> Baidu), else None."""
    if _org_like(e):
        return e
    known = gaz.entities.get(e.id)
    if known is not None and known.parent and known.parent in gaz.entities:
        return gaz.resolve(gaz.entities[known.parent].name)
    return None


_ORG_SUFFIXES: Final = frozenset(_SUBJECT_WORDS["org_suffixes"])


def _org_like(e: EntityRef) -> bool:
    """Whether ``e`` is an organisation: listed as one, or an unlisted name that is not a person's ("Tesla",
    "BYD"; "Northwind Robotics" by its last word, while "Anna Keller" reads as a person).

    >>> g = Gazetteer.default()
    >>> _org_like(g.resolve("Northwind Robotics")), _org_like(g.resolve("Anna Keller"))
    (True, False)
    """
    if e.type is not None:
        return e.type in ("org", "body")  # a public body (a central bank, an agency) acts as an organisation
    return e.method != "unresolved" or _unlisted_org_name(e.name)


@lru_cache(maxsize=4096)
def _unlisted_org_name(name: str) -> bool:
    """Whether an unlisted name reads as an organisation's (cached: names repeat in a text)."""
    return not _person_like_name(name) or name.split()[-1].lower().strip(".") in _ORG_SUFFIXES


def _weigh(entities: Sequence[EntityRef], lead: bool, state: _State, gaz: Gazetteer | None = None,
           text: str = "", base: int = 0) -> None:
    """Count the organisations and places named so far (a title or lead mention counts double) and keep
    the most named of each, the first named on a tie: what the story is about. A national institution
    counts for its country too ("the Bank of England" makes a story about the United Kingdom). With the
    sentence's ``text``, an unlisted name before a site or product noun ("the Mvelo mine") is not counted."""
    if not entities:  # most sentences
        return
    if text:
        entities = [e for e in entities if e.method != "unresolved" or not e.span
                    or not _SITE_OR_PRODUCT_AFTER.match(text, e.span.end - base)]
    country = [c for e in entities if gaz is not None and (_org_like(e) or e.type == "body")
               and (c := _country_of(e, gaz)) is not None]
    for e, is_country in [*((e, False) for e in entities), *((c, True) for c in country)]:
        kind = "place" if is_country or e.type == "place" else "org" if _org_like(e) else None
        if kind is None:
            continue
        weight, order, _ = state.weights.get(e.id, (0, -len(state.weights), e))
        state.weights[e.id] = (weight + (2 if lead else 1), order, e)
        best = state.main_place if kind == "place" else state.main_org
        if best is None or best.id == e.id or state.weights[e.id][:2] > state.weights[best.id][:2]:
            if kind == "place":
                state.main_place = e
            else:
                state.main_org = e


_SITE_OR_PRODUCT_AFTER: Final = re.compile(r"[ ]+(?:" + "|".join(map(re.escape, _SUBJECT_WORDS["site_or_product_heads"]))
                                    + r")(?![\w-])", re.IGNORECASE)
# A national institution's country: the claim lexicon's few, and the institutions file's table.
_NATIONAL_BODIES: Final = {fold(k): v for table in (LEXICON.claims["subject"]["national_bodies"],
                                             load_toml("institution_countries.toml")["national_bodies"])
                    for k, v in table.items()}
_OF_PLACE: Final = re.compile(r"\s(?:of|for)\s+(?:the\s+)?(?P<place>[A-Z][\w’' -]*)$")


def _country_of(e: EntityRef, gaz: Gazetteer) -> EntityRef | None:
    """The country a national institution belongs to: listed ("Bank of England" -> United Kingdom), or
    named in it ("Bank of Japan", "People's Bank of China"); None for any other name.

    >>> g = Gazetteer.default()
    >>> [_country_of(g.resolve(n), g).name for n in ("Bank of England", "Reserve Bank of India")]
    ['United Kingdom', 'India']
    >>> _country_of(g.resolve("Atlantica Airways"), g) is None
    True
    """
    listed = _NATIONAL_BODIES.get(fold(e.name))
    if listed is not None:
        return gaz.resolve(listed)
    m = _OF_PLACE.search(e.name)
    if m is not None and e.type != "place":
        place = gaz.resolve(m.group("place"))
        if place.type == "place":
            return place
    return None


def _org_in_play(base: int, pos: int, entities: Sequence[EntityRef], state: _State, text: str = "") -> EntityRef | None:
    """The organisation "the company" or "its" at ``pos`` stands for: the last one named before it in the
    sentence, else the one the text is about, else the last one named at all. With ``text``, unlisted names
    count too unless they only modify a noun ("The Hangzhou company")."""
    orgs = [e for e in entities if e.span and e.span.end - base <= pos and (e.type in ("org", "body") or (
        text and e.type is None and _org_like(e) and not _PLACE_MODIFIER_HEAD.match(text, e.span.end - base)))]
    if orgs:
        return orgs[-1]
    return state.topic_org or state.last_by_type.get("org") or state.last_by_type.get("body")


_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t]*\n")


def _new_paragraph(doc: Document, sent: Sentence, state: _State) -> None:
    """Count body paragraphs; a new one drops the paragraph's reporting period."""
    if sent.heading:
        return
    gap = doc.prose[max(0, state.prev_end) : sent.span.start] if state.prev_end >= 0 else "\n\n"
    if state.paragraphs == 0 or ("\n" in gap and _PARAGRAPH_BREAK.search(gap)):  # (most gaps: one blank)
        state.paragraphs += 1
        state.paragraph_period = None
        # A new paragraph goes back to what the story is about: the last sentence's subject, if it was a side
        # topic ("Ridership on the new Line 5 ..."), is not carried into it ("Fare revenue rose 9%"); a listed
        # product ("DeepSeek-V3") is what a story about it goes on about.
        carried = state.continued
        if carried is not None and carried.type != "product" and carried not in (state.main_org, state.main_place):
            state.continued = state.main_place if carried.type == "place" else state.main_org
    state.prev_end = sent.span.end


def _is_person(e: EntityRef) -> bool:
    """Whether ``e`` names a person: listed as one, or an unlisted name of two or three words none of which
    joins the names of an institution ("Anna Keller", but not "Port of Rotterdam" or "Bank of Korea").

    >>> g = Gazetteer.default()
    >>> _is_person(g.resolve("Anna Keller")), _is_person(g.resolve("Port of Rotterdam"))
    (True, False)
    """
    if e.type is not None or e.method != "unresolved":
        return e.type == "person"
    return _person_like_name(e.name)


def _person_named(e: EntityRef) -> bool:
    """Whether ``e`` reads as a person, a short form of an unlisted person's name included ("Berg", read as
    "Tomas Berg" after the text named him in full), and not as an organisation.

    >>> g = Gazetteer.default()
    >>> _person_named(g.resolve("Anna Keller")), _person_named(g.resolve("Keller Logistics Group"))
    (True, False)
    """
    if e.type is not None:
        return e.type == "person"
    return not _unlisted_org_name(e.name)  # (by the name only: a short form is an alias, so not "unresolved")


@lru_cache(maxsize=4096)
def _person_like_name(name: str) -> bool:
    """Whether an unlisted name reads as a person's (cached: names repeat in a text)."""
    words = name.split()
    return 2 <= len(words) <= 3 and not any(w in _INSTITUTION_JOINERS for w in words)


# Words that join the parts of an institution's name, never a person's ("University of Lagos", "Marks & Spencer").
_INSTITUTION_JOINERS: Final = frozenset({"of", "for", "and", "&", "the"})


def _named_for(head: str, state: _State) -> EntityRef | None:
    """The latest name so far with the description's head word (or a word claims.toml's ``name_heads`` lists for
    it) at its end or before "of": "the agency" after "the International Renewable Energy Agency" or "the
    Food and Drug Administration", "the ministry" after "the Ministry of Agriculture".

    >>> from factcheck.mentions.entities import Gazetteer
    >>> s = _State()
    >>> s.named = {e.id: e for e in (Gazetteer.default().resolve(n) for n in ("Arctic Shipping Agency", "Acme"))}
    >>> _named_for("agency", s).name
    'Arctic Shipping Agency'
    """
    own = frozenset((head.lower(),))
    names = [(e, e.name.lower().split()) for e in reversed(state.named.values()) if e.type != "person"]
    # The head itself before its near synonyms, and the name's last word ("... Energy Agency", "Harcourt Bank")
    # before its head before "of" ("Ministry of Agriculture"): "the bank" in a story naming Harcourt Bank and
    # the Bank of England is Harcourt Bank.
    for heads in (own, _NAME_HEADS.get(head.lower(), own)):
        for e, words in names:
            if words[-1] in heads:
                return e
    for heads in (own, _NAME_HEADS.get(head.lower(), own)):
        for e, words in names:
            if any(w in heads and nxt in ("of", "for") for w, nxt in zip(words, words[1:])):
                return e
    return None


_NAME_HEADS: Final = {k: frozenset(v) for k, v in LEXICON.claims["name_heads"].items()}
