"""Claim assembly: subject, measure, counted, scope, time, attribution, named claims."""

from datetime import date
from decimal import Decimal

import pytest

from factcheck.claims import extract_claims
from factcheck.documents import load_document
from factcheck.models import EventClaim, MembershipClaim, QuantityClaim, RoleClaim


def claims(text, published="2024-01-29"):
    return extract_claims(load_document(None, text=text, published=published))


def figures(text, published="2024-01-29"):
    return [c for c in claims(text, published) if isinstance(c, QuantityClaim)]


def test_users_in_december_resolve_against_publication():
    [c] = figures("Baidu’s Ernie Bot, a prominent ChatGPT-like chatbot, reported over 100 million users in December.")
    assert c.subject.id == "ernie_bot"
    assert c.measure == "users" and c.counted == "users"
    assert c.quantity.bound.value == "more_than" and c.quantity.low == Decimal(100_000_000)
    assert (c.time.start, c.time.end) == (date(2023, 12, 1), date(2023, 12, 31))


def test_share_sentence_gives_three_claims_with_back_referenced_time():
    text = ("China’s rush to develop AI gained momentum after the success of ChatGPT in 2022. At that time, China "
            "possessed 130 LLMs, constituting 40 per cent of the global total, trailing only behind the United "
            "States with a 50 per cent share, according to brokerage CLSA.")
    got = [(c.subject.id, c.measure, c.quantity.value, c.quantity.unit) for c in figures(text)]
    assert got == [("china", "llms", 130, None), ("china", "share", 40, "percent"),
                   ("united_states", "share", 50, "percent")]
    for c in figures(text):
        assert c.attribution == "CLSA"
        assert (c.time.start, c.time.end) == (date(2022, 1, 1), date(2022, 12, 31))
    assert figures(text)[1].whole == "the global total"
    assert figures(text)[0].scope == "possessed"


def test_of_which_counts_the_part():
    text = ("On 16 April, Baidu’s co-founder and chief executive Li Yanhong claimed that Ernie Bot had attracted "
            "more than 200 million users, 85,000 of which are enterprise clients (Deng, 2024).")
    users, clients = figures(text, "2024-06-18")
    assert users.subject.id == clients.subject.id == "ernie_bot"
    assert users.measure == "users" and clients.measure == "clients" and clients.counted == "enterprise clients"
    assert users.time.start == users.time.end == date(2024, 4, 16)  # the citation year is not the time
    assert users.attribution == "Robin Li"


def test_roles_with_aliases_and_orgs():
    text = "Baidu’s co-founder and chief executive Li Yanhong spoke. Robin Li, CEO of Baidu said it grew."
    roles = [(c.person.id, c.role, c.org.id if c.org else None) for c in claims(text) if isinstance(c, RoleClaim)]
    assert ("robin_li", "co_founder", "baidu") in roles
    assert roles.count(("robin_li", "ceo", "baidu")) == 2


def test_role_without_org():
    text = "Chief technology officer Wang Haifeng presented the model."
    [r] = [c for c in claims(text) if isinstance(c, RoleClaim)]
    assert (r.person.id, r.role, r.org) == ("wang_haifeng", "cto", None)


def test_event_with_participants_and_date():
    text = ("Only at the end of August 2023, Baidu, SenseTime, Baichuan and Zhipu AI received Beijing’s approval "
            "to provide their services to the public.")
    [e] = [c for c in claims(text, "2024-06-18") if isinstance(c, EventClaim)]
    assert e.event == "received_approval"
    assert [p.id for p in e.participants] == ["baidu", "sensetime", "baichuan", "zhipu_ai"]
    assert e.time.start.year == 2023 and e.time.start.month == 8 and e.time.end == date(2023, 8, 31)


def test_membership_and_negation():
    text = ("Baidu, Alibaba and ByteDance were among the first companies to receive approvals. "
            "Tencent was not among the first companies to receive approvals.")
    ms = [c for c in claims(text) if isinstance(c, MembershipClaim)]
    assert [([m.id for m in c.members], c.group, c.negated) for c in ms] == [
        (["baidu", "alibaba", "bytedance"], "first companies", False),
        (["tencent"], "first companies", True),
    ]


def test_released_in_place_after_verb_of_saying():
    text = "Robin Li, CEO of Baidu said at an event in Beijing that more than 70 LLMs have been released in China."
    [c] = figures(text, "2023-09-06")
    assert (c.subject.id, c.measure, c.scope, c.attribution) == ("china", "llms", "released", "Robin Li")
    assert c.time.as_of_publication and c.time.start == date(2023, 9, 6)


def test_total_continues_previous_scope():
    text = ("China approved 14 LLMs this month, the regulator said. This brings the total number of LLMs "
            "available in the country to 40.")
    first, total = figures(text)
    assert total.quantity.value == 40 and total.scope == "approved" and total.aggregate == "total"
    assert total.subject.id == "china"


def test_valuation_cue_and_money():
    [c] = figures("Baichuan became a unicorn, valued at more than $1 billion.")
    assert (c.subject.id, c.measure, c.quantity.unit, c.quantity.low) == ("baichuan", "valuation", "USD", Decimal(10**9))


def test_linked_currency_is_one_claim():
    cs = figures("Zhipu AI raised 5 billion yuan (US$687.6 million) in its latest round.")
    assert len(cs) == 1
    assert cs[0].quantity.unit == "CNY" and [q.unit for q in cs[0].also] == ["USD"]
    assert cs[0].measure == "funding_round"


@pytest.mark.parametrize("text", [
    "01.AI and 360 Security Technology launched Ernie 3.5 rivals in 2023.",
    "Article 4, subsection 1 of the regulation stood out at the 14th meeting.",
    "See https://www.example.com/2023-07/13/c_1690898327029107.htm for details.",
    "Guoji anquan yanjiu, 41(4), pp. 82-106.",
])
def test_non_quantities_make_no_claims(text):
    assert figures(text) == []


def test_spans_point_into_the_original_markdown():
    text = "---\npublished: 2024-01-29\n---\n# Title\n\n**Ernie Bot** had *over 100 million* users in December.\n"
    doc = load_document("a.md", text=text)
    [c] = [c for c in extract_claims(doc) if isinstance(c, QuantityClaim)]
    assert text[c.span.start : c.span.end] == c.text == "over 100 million"
    assert c.subject.id == "ernie_bot"
