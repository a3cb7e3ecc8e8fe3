"""Named claims (roles, events, membership), read from the same sentences: a person holds a role at an
organisation, something happened at a time, X is among/one of Y.
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_left
from collections.abc import Sequence

from factcheck.claims._text import _LEADING, _NP_SKIP, _NP_STOP, _WORD, _clause_start
from factcheck.claims.state import _State, _is_person, _named_for, _org_in_play, _org_like, _person_named
from factcheck.claims.timing import _sentence_time
from factcheck.lexicon import LEXICON
from factcheck.models import Document, EntityRef, EventClaim, MembershipClaim, RoleClaim, Span


# Between a role word and the name: a space, or "and <other role>" ("co-founder and chief executive Li").
_ROLE_GAP: Final = re.compile(r"\s+(?:and\s+(?:[\w-]+\s+){1,3})?|,\s+")  # (", ": "Acme's finance chief, Jo Roe,")
# Around the role words: "PERSON, (the) ROLE", "ROLE of ORG", "ORG's ROLE". Searched near the role words only
# (not from the sentence start), so a run-on sentence of roles costs linear time.
_ROLE_REACH: Final = 200
# "PERSON, ROLE", "PERSON, a spokesman", "PERSON, the agency's director-general", "PERSON, its new chief", "PERSON, the World Bank president",
# "PERSON, who is still its chief executive".
# Also "PERSON, Acme Robotics' founder", and after a verb of appointing: "named Jo Roe as chief executive",
# "named Jo Roe its new finance chief".
_PERSON_BEFORE_ROLE: Final = re.compile(
    r"(?:,\s*(?:who\s+(?:is|was|remains)\s+(?:still\s+|now\s+|also\s+)?)?(?:(?:the|its|their|a|an)\s+)?"
    r"(?:(?:[A-Z][\w&.-]*\s+){0,3}[\w-]+(?:[’']s|(?<=s)[’'])\s+|(?<=the\s)(?:[A-Z][\w&.-]*\s+){1,4})?"
    r"|\s+as\s+(?:(?:the|its|their|a|an)\s+)?|\s+(?:its|their)\s+|\s+)"
    r"(?:(?:new|former|acting|interim|senior|incoming)\s+)?$",
    re.IGNORECASE)
# An organisation appointing the person named right after it: "Acme Robotics (has) appointed|named Jo Roe".
_APPOINTS: Final = re.compile(r"\s+(?:has\s+|have\s+)?(?:appointed|named|hired|promoted|picked|chose|tapped|"
                              r"selected|elected|appoints|names|hires|promotes|picks|chooses|taps|selects|"
                              r"elects|re-elects|re-elected)\s+$", re.IGNORECASE)
_OF_AFTER: Final = re.compile(r"\s+(?:of|at|for)\s+(?P<the>the\s+)?")  # "CEO of Acme", "a spokesman for the agency"
# "founded by", "co-founded in 2004 by": the founder's name follows.
_FOUNDED_BY: Final = re.compile(r"\b(?P<co>co-?)?founded\s+(?:in\s+\d{4}\s+)?by\s+", re.IGNORECASE)
# "head of research at Invamer", "director of policy for the agency": a department, then the organisation.
_DEPARTMENT_AT: Final = re.compile(r"\s+of\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:at|for)\s+(?P<the>the\s+)?")
# A title that opens its clause: after a comma and space, or a sentence start ("..., chief executive X said").
_TITLE_OPENS: Final = re.compile(r"(?:^|[,;:]\s+)$")


def _appointed(text: str, base: int, e: EntityRef, entities: Sequence[EntityRef],
               starts: list[int]) -> tuple[EntityRef | None, EntityRef | None]:
    """(person, organisation) for a name ``e`` right before "as ROLE" or "its ROLE": "Acme appointed Jo Roe
    as chief executive" (Jo Roe, Acme), "Jo Roe joined Acme as president" (Jo Roe, Acme); else (None, None)."""
    i = bisect_left(starts, e.span.start) - 1
    before = entities[i] if i >= 0 and entities[i].span else None
    if before is None:
        return None, None
    gap = (before.span.end - base, e.span.start - base)
    if _person_named(e) and not _person_named(before) and _APPOINTS.fullmatch(text, *gap):
        return e, before
    if _person_named(before) and not _person_named(e) and _JOINED.fullmatch(text, *gap):
        return before, e
    return None, None


_JOINED: Final = re.compile(r"\s+(?:has\s+|will\s+|would\s+)?(?:joined|join|rejoined)\s+", re.IGNORECASE)


def _opens_with_title(text: str, pos: int) -> bool:
    return _TITLE_OPENS.search(text, max(0, pos - 3), pos) is not None


_ORG_BEFORE_ROLE: Final = re.compile(r"([’']s|(?<=s)[’'])?\s+(?:[\w-]+\s+and\s+)?$")  # "Acme's", "Acme Robotics'"


def _role_claims(text, base, entities, time, state, common) -> list[RoleClaim]:
    out: list[RoleClaim] = []
    by_start = {e.span.start - base: e for e in entities if e.span}
    by_end = {e.span.end - base: e for e in entities if e.span}
    starts = [e.span.start if e.span else -1 for e in entities]  # (in text order, for bisection)
    # Where the sentence's first name that is not a person's starts (a title before it has no organisation named).
    first_name = next((e.span.start - base for e in entities if e.span and not _is_person(e)), None)
    for m in LEXICON.role_regex.finditer(text):
        role = LEXICON.role_words[" ".join(m.group().lower().split())]
        person = org = None
        # "ROLE PERSON" or "ROLE and ROLE PERSON": a person right after the role words.
        j = m.end()
        for k in range(j, min(len(text), j + 45) + 1):
            e = by_start.get(k)
            if e and _is_person(e) and _ROLE_GAP.fullmatch(text[j:k]):
                person = e
                break
        if person is None:
            # "PERSON, (the) ROLE of ORG"
            pre = _PERSON_BEFORE_ROLE.search(text, max(0, m.start() - _ROLE_REACH), m.start())
            if pre:
                e = by_end.get(pre.start())
                if e and "," not in pre.group():
                    # "named Jo Roe as chief executive", "Jo Roe joined Acme as president": only after a verb
                    # of appointing, or with "joined" between the person and the organisation
                    person, org = _appointed(text, base, e, entities, starts)
                elif e and _is_person(e):
                    person = e
        if person is None:
            continue
        for post in (_OF_AFTER.match(text, m.end()), _DEPARTMENT_AT.match(text, m.end())):
            if post and org is None:  # the name may be listed with its article ("the United Nations") or without
                org = by_start.get(post.end()) or (by_start.get(post.start("the")) if post.group("the") else None)
        if org is None:
            # "ORG's ROLE" or "ORG ROLE" just before the role words (allowing "co-founder and").
            lead = _ORG_BEFORE_ROLE.search(text, max(0, m.start() - _ROLE_REACH), m.start())
            if lead:
                e = by_end.get(lead.start())
                if e and not _is_person(e) and e.type in ("org", "body", None):
                    org = e
        if org is None:
            # "its chief executive", "the company's founder", "The Hangzhou company, whose founder ...": the
            # organisation in play (named before in the sentence, else the one the text is about).
            pointer = _ROLE_POINTER.search(text, max(0, m.start() - 40), m.start())
            if pointer and (pointer.group("own") or pointer.group("whose")):
                if pointer.group("own") or LEXICON.description_regex.search(text, _clause_start(text, pointer.start()),
                                                                            pointer.start()):
                    # "the agency's director-general": the last name ending in "Agency", else the one in play
                    head = pointer.group("head")
                    org = (head and _named_for(head, state)) or _org_in_play(base, pointer.start(), entities, state)
        if org is None and (first_name is None or first_name >= m.start()):
            # "Chief executive C.C. Wei said ..." in a story about TSMC: a title without an organisation,
            # with no other name before it, is at the organisation in play.
            org = state.main_org or state.topic_org  # the story's company rather than the last one named
        elif org is None and person.span.start - base > m.start() and _opens_with_title(text, m.start()):
            # "Orvano will not pay, chief executive Lucía Ferrer told reporters": a bare title opening a clause
            # is at the story's organisation when the sentence names it, else at the one organisation named
            # (among the names of the few hundred characters before it: bounded work in a run-on sentence).
            orgs = [e for e in entities if e.span and m.start() - _ROLE_REACH <= e.span.start - base < m.start()
                    and not _is_person(e) and _org_like(e)]
            main = state.main_org
            org = main if main is not None and any(e.id == main.id for e in orgs) else orgs[0] if len(orgs) == 1 else None
        span = Span(start=base + min(m.start(), person.span.start - base),
                    end=base + max(m.end(), person.span.end - base))
        out.append(RoleClaim(**common, span=span, text=text[span.start - base : span.end - base],
                             person=person, role=role, org=org, time=time))
    entity_ends = [e.span.end - base if e.span else -1 for e in entities]
    for m in _FOUNDED_BY.finditer(text):  # "Acme, founded by Jane Roe", "Founded in 2011 by Rohan Mehta, ..."
        person = by_start.get(m.end())
        if person is None or not _is_person(person):
            continue
        # the organisation right before ", founded by" (the last name ending before it; bisection: linear)
        i = bisect_left(entity_ends, m.start() + 1) - 1
        before = [entities[i]] if i >= 0 and _org_like(entities[i]) else []
        org = before[-1] if before and _COMMA_GAP.fullmatch(text, before[-1].span.end - base, m.start()) \
            else (state.main_org if m.start() == _LEADING.match(text).end() else None)
        if org is None:
            continue
        role = "co_founder" if m.group("co") else "founder"
        span = Span(start=base + m.start(), end=person.span.end)
        out.append(RoleClaim(**common, span=span, text=text[m.start() : person.span.end - base],
                             person=person, role=role, org=org, time=time))
    for m in LEXICON.role_verb_regex.finditer(text):  # "Jane Roe, who heads Acme"
        person, org = by_end.get(m.start()), by_start.get(m.end())
        end = org.span.end if org is not None else None
        if org is None and person is not None:  # "Elena Castillo, who heads the authority": the name it stands for
            described = LEXICON.description_regex.match(text, m.start("verb") + len(m.group("verb")) + 1)
            if described is not None and LEXICON.anaphora.get(described.group("head").lower()) == "org":
                org, end = _named_for(described.group("head"), state), base + described.end()
        if person is None or org is None or not _is_person(person) or not (_org_like(org) or org.type == "body"):
            continue
        role = LEXICON.claims["role_verbs"][m.group("verb").lower()]
        span = Span(start=person.span.start, end=end)  # type: ignore[arg-type]
        out.append(RoleClaim(**common, span=span, text=text[span.start - base : span.end - base],
                             person=person, role=role, org=org, time=time))
    return out


# What points a role at an organisation without naming it: "its", "the company's", ", whose".
_ROLE_POINTER: Final = re.compile(
    r"(?:(?P<own>\bits|\bthe\s+(?:[\w-]+\s+)?(?P<head>" + "|".join(map(re.escape, LEXICON.claims["anaphora"]["org"]))
    + r")[’']s)|(?P<whose>,\s*whose))"
    r"\s+(?:[\w-]+\s+and\s+)?$",
    re.IGNORECASE,
)


def _opens_with_org(text: str, lo: int, stop: int) -> bool:
    """Whether the clause from ``lo`` opens with "It" or a description of an organisation ("The Hangzhou
    company ...") that no other name precedes before ``stop``."""
    pos = _LEADING.match(text, lo, stop).end()
    if re.match(r"it\b", text[pos : pos + 3], re.IGNORECASE):
        return True
    d = LEXICON.description_regex.match(text, pos, stop)
    return bool(d and d.start() == pos and LEXICON.anaphora.get(d.group("head").lower()) == "org"
                and text[pos : pos + 4].lower() != "its ")


def _event_claims(text, base, entities, times, back_ref, state, common) -> list[EventClaim]:
    if not times and not back_ref:
        return []
    out: list[EventClaim] = []
    for key, pattern in LEXICON.event_regex:
        for m in pattern.finditer(text):
            lo = _clause_start(text, m.start())
            if key == "popularised":  # "the popularisation of ChatGPT" -- the participant follows
                after = [e for e in entities if e.span and 0 <= e.span.start - base - m.end() <= 20]
                # Skip a possessor: "the release of OpenAI's ChatGPT" is about ChatGPT.
                after = [e for e in after if not re.match(r"[’']s\b", text[e.span.end - base :])]
                parts = after[:1]
            else:
                parts = [e for e in entities if e.span and lo <= e.span.start - base and e.span.end - base <= m.start()
                         and e.type != "person"]
                # Only the list right before the verb: "Baidu, SenseTime and Zhipu AI received ..."
                parts = _trailing_list(text, base, parts, m.start())
                if not parts and _opens_with_org(text, lo, m.start()):
                    # "The Hangzhou company, whose founder ..., was set up in 2023": the organisation in play,
                    # located at the words that describe it.
                    # (a company's history, "was founded", "listed", is the story's company's unless named)
                    org = (state.main_org if key in _HISTORY_EVENTS else None) or _org_in_play(base, lo, entities, state) \
                        or state.main_org
                    where = _LEADING.match(text, lo, m.start()).end()
                    parts = [org.model_copy(update={"span": Span(start=base + where, end=base + m.start())})] \
                        if org is not None else []
            if not parts and key != "popularised":
                # "Halcyon, which was founded in 2004", "Northbridge, founded in 1887": the name before a
                # relative clause or a participle set off by a comma.
                before = [e for e in entities if e.span and e.span.end - base <= m.start() and e.type != "person"]
                if before and _RELATIVE_GAP.fullmatch(text, before[-1].span.end - base, m.start()):
                    parts = [before[-1]]
            if not parts and key in _HISTORY_EVENTS and _LEADING.match(text, 0, m.start()).end() == m.start():
                parts = _participle_subject(text, base, m.end(), entities, state)
            if not parts and key != "popularised":
                # "Baidu and SenseTime announced that they had received approval": the list before a verb of
                # saying whose "they" or "it" is the event's subject.
                said = _SAID_THEY.search(text, max(0, m.start() - 80), m.start())
                if said is not None:
                    said_lo = _clause_start(text, said.start())  # ("that" opened the event's own clause)
                    before = [e for e in entities if e.span and said_lo <= e.span.start - base
                              and e.span.end - base <= said.start() and e.type != "person"]
                    parts = _trailing_list(text, base, before, said.start())
            if not parts and key != "popularised":
                # "since it was founded in 1998", "since the company listed in 2011": a pronoun or description
                # of an organisation right before the verb stands for the one in play.
                pointer = _POINTER_BEFORE_VERB.search(text, max(0, m.start() - 60), m.start())
                if pointer is not None:
                    head = pointer.group("head")
                    org = ((head and _named_for(head, state)) or _org_in_play(base, pointer.start(), entities, state)
                           or state.main_org)
                    if org is not None:
                        where = Span(start=base + pointer.start("who"), end=base + pointer.end("who"))
                        parts = [org.model_copy(update={"span": where})]
            if not parts:
                continue
            time = _sentence_time(Document(id="", text="", prose=""), times, back_ref, state,
                                  anchor=(base + m.start() + base + m.end()) // 2)
            span = Span(start=min(p.span.start for p in parts), end=max(base + m.end(), max(p.span.end for p in parts)))
            out.append(EventClaim(**common, span=span, text=text[span.start - base : span.end - base],
                                  participants=parts, event=key, time=time))
    return out


_HISTORY_EVENTS: Final = frozenset({"founded", "listed"})
# After a comma, the subject of the main clause: "..., Harbourline Group runs", "..., the Bengaluru-based company".
_AFTER_COMMA: Final = re.compile(r",\s+")


def _participle_subject(text: str, base: int, end: int, entities: Sequence[EntityRef], state: _State) -> list[EntityRef]:
    """Who an opening participle is about ("Founded in 2011, Harbourline Group runs 40 depots", "Founded in 2011
    by Rohan Mehta, who still runs it, the Bengaluru-based company ..."): the name or description of an
    organisation right after one of the commas that follow it (not the founder's name), as a one-item list."""
    by_start = {e.span.start - base: e for e in entities if e.span}
    for comma in _AFTER_COMMA.finditer(text, end):
        e = by_start.get(comma.end())
        if e is not None and e.type != "person" and e.type != "place" and not _person_named(e):
            return [e]
        described = LEXICON.description_regex.match(text, comma.end())
        if described is not None and LEXICON.anaphora.get(described.group("head").lower()) == "org":
            org = _named_for(described.group("head"), state) or state.main_org
            if org is not None:
                return [org.model_copy(update={"span": Span(start=base + described.start(), end=base + described.end())})]
    return []
# "it", "the company", "the Lisbon-based airline" right before an event's verb (auxiliaries and ", which" allowed).
_POINTER_BEFORE_VERB: Final = re.compile(
    r"(?<![\w-])(?P<who>it|the\s+(?:[\w-]+\s+)?(?P<head>" + "|".join(map(re.escape, LEXICON.claims["anaphora"]["org"]))
    + r"))(?:\s*,\s*(?:which|that)\b)?\s+(?:(?:has|had|was|were|is|been|also|first|formally|officially)\s+)*$",
    re.IGNORECASE)  # ("The London-listed miner, which was founded in 1971")
# What may stand between a list of names and its verb: auxiliaries and adverbs only.
_VERB_GAP: Final = re.compile(
    r"\s*(?:(?:has|have|had|was|were|is|are|been|also|already|recently|just|all|jointly|formally|officially|"
    r"reportedly|each|both|now|then|finally|first)\s+)*"
)

# Between a list of names and an event's verb: a verb of saying and the pronoun that stands for the list
# ("Baidu and SenseTime announced that they had received approval"). Bounded by the caller's window.
_SAID_THEY: Final = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, LEXICON.claims["event_saying"]["verbs"])) + r")(?:\s+on\s+\w+)?(?:\s+that)?\s+(?:they|it)\s+"
    + _VERB_GAP.pattern + "$", re.IGNORECASE)

# Between a name and its verb in a relative clause or participle: "Halcyon, which was founded", and after a
# quoted title: '"Night Harbor", released on 2 August'.
_RELATIVE_GAP: Final = re.compile(r"[”\"’']?\s*,\s*(?:(?:which|who|that)\s+)?" + _VERB_GAP.pattern)

_AGENT_BEFORE: Final = re.compile(r"\b(?:by|from|of|with|to|for)\s+(?:the\s+)?$")


def _trailing_list(text: str, base: int, ents: list[EntityRef], stop: int) -> list[EntityRef]:
    """The entities forming a list that ends right before ``stop`` ("A, B and C <verb>")."""
    out: list[EntityRef] = []
    pos = stop
    for e in reversed(ents):
        if not out and _AGENT_BEFORE.search(text, max(0, e.span.start - base - 20), e.span.start - base):
            break  # "approved by the CCP was released": the agent of another verb, not the list
        gap = text[e.span.end - base : pos]
        if out and not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*", gap):
            break
        if not out and not _VERB_GAP.fullmatch(gap):
            break
        out.insert(0, e)
        pos = e.span.start - base
    return out


_GROUP_AFTER: Final = re.compile(
    r"\s*((?:the\s+)?[“\"‘']?[\w’' -]{3,80}?[”\"’']?)(?=[,.;:()]|\s+(?:to|in|on|that|which|who|alongside|along|together)\b|$)")
_EXAMPLE_CUES: Final = frozenset({"including", "includes", "include", "such as"})
# A pronoun standing for the members right before the cue: "they are now known as", "both are among".
_PRONOUN_MEMBERS: Final = re.compile(r"\b(?:they|these|those|both|all\s+three|all\s+four)\b", re.IGNORECASE)
# ", founded by Kai-Fu Lee," between the members and their verb: a description set off by commas.
_PARENTHETICAL: Final = re.compile(r",[^,;]{1,100},")


def _membership_claims(text, base, entities, time, state, common) -> list[MembershipClaim]:
    negative, positive = LEXICON.membership_regex
    out: list[MembershipClaim] = []
    names = [e for e in entities if e.span and e.type != "place" and (e.method != "unresolved" or len(e.name.split()) >= 2)]
    starts = [e.span.start for e in names]
    spanned = [e for e in entities if e.span]  # every name, in text order (cues index into it by bisection)
    spanned_starts = [e.span.start - base for e in spanned]
    negated_spans: list[Span] = []  # in text order
    ni = 0
    for negated, pattern in ((True, negative), (False, positive)):
        for m in pattern.finditer(text):
            if not negated:
                while ni < len(negated_spans) and negated_spans[ni].end <= base + m.start():
                    ni += 1
                if any(c.start <= base + m.start() < c.end for c in negated_spans[ni : ni + 3]):
                    continue  # "not among" was read already
            cue = " ".join(m.group().lower().split())
            if cue == "among" and not negated:
                inverted = _among_first(text, base, spanned, spanned_starts, m, time, common)
                if inverted is not None:  # "Among the carmakers closing plants are A and B"
                    out.append(inverted)
                    continue
            if cue in _EXAMPLE_CUES:
                # "young start-ups such as A, B and C": the group precedes the cue, the members follow it.
                # (after the cue any name counts, one word or a place: "rivals including Telvia and Nordnet")
                claim = _example_membership(text, base, spanned, m, time, common)
                if claim is not None:
                    out.append(claim)
                continue
            group_m = _GROUP_AFTER.match(text, m.end())
            if not group_m:
                continue
            group = group_m.group(1).strip()
            lo = _clause_start(text, m.start())
            stop = m.start()
            # Step over a description between the members and their verb ("01.AI, founded by ..., is one of").
            for p in _PARENTHETICAL.finditer(text, max(lo, stop - 120), stop):
                if _VERB_GAP.fullmatch(text, p.end(), stop):
                    stop = p.start()
                    break
            first = bisect_left(starts, base + max(lo, stop - 300))  # a list of members stands close to its verb
            members = []
            for e in names[first:]:
                if e.span.end - base > stop:
                    break
                members.append(e)
            members = _trailing_list(text, base, members, stop) or members
            pronoun = None
            for pronoun in _PRONOUN_MEMBERS.finditer(text, max(0, m.start() - 40), m.start()):
                pass
            if pronoun is not None and _VERB_GAP.fullmatch(text, pronoun.end(), m.start()):
                # "Zhipu AI, Moonshot AI and MiniMax ..., and together with Baichuan they are known as ...":
                # the pronoun stands for the sentence's first list (else the last group named), plus any
                # member "together with" it.
                leading = _leading_list(text, base, names, 0)
                members = leading if len(leading) >= 2 else list(state.last_members)
                members = members + [e for e in names if e.span.end - base <= pronoun.start()
                                     and _joined_member(text, base, e) and e not in members]
            elif not members and re.match(r"\s*(?:these|those|they|the\s+four|the\s+three)\b", text[lo:m.start()],
                                          re.IGNORECASE):
                members = list(state.last_members)
            if not members:
                continue
            # "... is one of the companies in the new batch, alongside the smartphone maker Xiaomi."
            after = bisect_left(starts, base + group_m.end())
            joined = next((e for e in names[after : after + 3] if _joined_member(text, base, e)), None)
            if joined is not None:  # "..., together with Zhipu AI, Moonshot AI and MiniMax"
                members = members + [e for e in _leading_list(text, base, names, joined.span.start - base)
                                     if e not in members]
            state.last_members = members
            if negated:
                negated_spans.append(Span(start=min(e.span.start for e in members), end=base + group_m.end()))
            span = Span(start=min(e.span.start for e in members),
                        end=max(base + group_m.end(), max(e.span.end for e in members)))
            out.append(MembershipClaim(**common, span=span, text=text[span.start - base : span.end - base],
                                       members=members, group=_group_key(group), negated=negated, time=time))
    return out


def _joined_member(text: str, base: int, e: EntityRef) -> bool:
    """Whether ``e`` is added to a group by "alongside", "together with", "as well as" (up to three
    describing words between: "alongside the smartphone maker Xiaomi")."""
    pos = e.span.start - base
    for j in LEXICON.member_joiner_regex.finditer(text, max(0, pos - 60), pos):
        if re.fullmatch(r"\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}", text[j.end() : pos]):
            return True
    return False


def _leading_list(text: str, base: int, names: Sequence[EntityRef], pos: int) -> list[EntityRef]:
    """The names forming a list that starts at ``pos`` ("A, B and C ..."), allowing a leading "the"."""
    out: list[EntityRef] = []
    lo, hi = 0, len(names)
    while lo < hi:  # skip the names before ``pos`` (sorted by start) by bisection
        mid = (lo + hi) // 2
        if names[mid].span.start - base < pos:
            lo = mid + 1
        else:
            hi = mid
    following = names[lo:]
    for i, e in enumerate(following):
        s = e.span.start - base
        if s < pos:
            continue
        if (e.type == "place" or e.name in _DEMONYM_WORDS) and i + 1 < len(following) and _DESCRIBED_MEMBER.fullmatch(
                text, _after_separator(text, pos, bool(out)), following[i + 1].span.start - base):
            continue  # "the Singapore fund Temasek": the place describes the member named after it
        gap = _after_separator(text, pos, bool(out))
        if gap < 0 or not _DESCRIBED_MEMBER.fullmatch(text, gap, s):
            break
        out.append(e)
        pos = e.span.end - base
    return out


def _after_separator(text: str, pos: int, listed: bool) -> int:
    """Where the words before a list's next member begin: past the comma or "and" after the last member (or,
    for the first, past any punctuation); -1 when no separator follows a listed member."""
    m = (_MEMBER_SEPARATOR if listed else _LIST_OPENING).match(text, pos)
    return m.end() if m is not None else -1


_DEMONYM_WORDS: Final = frozenset(LEXICON.claims["demonyms"])  # "the German state bank KfW"
_LIST_OPENING: Final = re.compile(r"[\W_]*?(?=\s*(?:the|an?)\b|[\w“\"‘'])\s*", re.IGNORECASE)
_MEMBER_SEPARATOR: Final = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*")
# Before a member: nothing, "the", or a description with its article ("the Singapore fund", "the US private
# equity firm", "the German state bank"): a capitalised word at most, then lower-case words.
_DESCRIBED_MEMBER: Final = re.compile(r"(?:(?:the|an?)\s+(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){1,4}|the\s+)?")


# "Among the container lines that have moved services are", "among the departments she carried were": the group,
# then (after an optional clause of at most 120 characters) the verb before the members.
_AMONG_GROUP: Final = re.compile(
    r"\s+(?:the\s+)?(?P<group>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}?)"
    r"(?:\s+(?:that|which|who|whom|whose|where|it|she|he|they|we)\b[^.;:]{0,120}?)?\s+(?:are|were|is|was|include|included)\s+")
# Between two members of such a list: a comma or "and", then an optional description ("the online bank").
# (Titles may stand in quotes, "The" included: '"Night Harbor", "The Glass Coast" and "Salt Kings"'.)
_DESCRIBED_GAP: Final = re.compile(r"[\s\"“”‘’']*(?:,|,?\s*and|&)?[\s\"“”‘’']*(?:[Tt]he\s+(?:[a-z][\w-]*\s+){0,3})?")


def _among_first(text, base, entities, starts, m, time, common) -> MembershipClaim | None:
    """"Among the companies it fined were the energy supplier Helvia, the online bank Banco Lumen and the retailer
    Casa Norte": when "among" opens its clause, the group follows it and the members follow the verb."""
    if text[_clause_start(text, m.start()) : m.start()].strip(" \"“‘'([:,;"):
        return None  # "A and B are among the ...": the members come first (read by the caller)
    g = _AMONG_GROUP.match(text, m.end())
    if g is None:
        return None
    members: list[EntityRef] = []
    pos = g.end()
    for e in entities[bisect_left(starts, pos):]:  # the names after the verb ("starts": where each one starts)
        s = e.span.start - base if e.span else -1
        if s < pos:
            continue
        gap = _DESCRIBED_GAP.match(text, pos, s)
        if gap is None or gap.end() != s or (members and "," not in text[pos:s] and "and" not in text[pos:s]
                                             and "&" not in text[pos:s]):
            break
        members.append(e)
        pos = e.span.end - base
    if len(members) < 2:
        return None
    span = Span(start=base + m.start(), end=members[-1].span.end)
    return MembershipClaim(**common, span=span, text=text[m.start() : members[-1].span.end - base], members=members,
                           group=_group_key(g.group("group")), negated=False, time=time)


def _example_membership(text, base, names, m, time, common) -> MembershipClaim | None:
    """"young start-ups such as A, B and C": A, B and C are members of the group named before the cue."""
    members = _leading_list(text, base, names, m.end())
    if not members:
        return None
    # The group: up to three words right before the cue, after any stop word or article.
    lo = max(0, m.start() - 60)
    words = [w for w in _WORD.finditer(text, lo, m.start())]
    group: list[re.Match[str]] = []
    for w in reversed(words):
        low = w.group().lower()
        gap = text[w.end() : (group[0].start() if group else m.start())]
        # (the group may end at a comma before the cue: "South Korean producers, including A, B and C")
        if low in _NP_STOP or low in _NP_SKIP or len(group) >= 3 or re.search(r"[^\w\s’'-]", gap) and (
                group or not _COMMA_GAP.fullmatch(gap)):
            break
        group.insert(0, w)
    if not group:
        return None
    span = Span(start=base + group[0].start(), end=max(e.span.end for e in members))
    return MembershipClaim(**common, span=span, text=text[span.start - base : span.end - base], members=members,
                           group=_group_key(text[group[0].start() : group[-1].end()]), negated=False, time=time)


_COMMA_GAP: Final = re.compile(r"\s*,\s*")


def _group_key(group: str) -> str:
    # Quote marks go; an apostrophe inside a word stays ("europe's fastest-growing carriers").
    g = re.sub(r"[“”\"‘]|[’'](?!\w)|(?<!\w)[’']", "", group.lower()).replace("’", "'")
    g = re.sub(r"^(?:the|a|an)\s+", "", g)
    return " ".join(g.split())
