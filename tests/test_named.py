"""Named claims written the way wire copy writes them: capitalised titles before names, listings "on" an exchange,
and a description set off by a comma that stands for the organisation in play."""

from datetime import date

import pytest

from factcheck.claims import extract_claims
from factcheck.documents import load_document
from factcheck.models import EventClaim, MembershipClaim, QuantityClaim, RoleClaim


def claims(text, published="2026-05-20"):
    return extract_claims(load_document(None, text=text, published=published))


@pytest.mark.parametrize("sentence, person, role", [
    ("Finance Minister Nirmala Sitharaman presented the budget on 1 February.", "Nirmala Sitharaman", "minister"),
    ("Prime Minister Keir Starmer visited the plant on Friday.", "Keir Starmer", "premier"),
    ("Deputy Governor Sarah Breeden said inflation would ease.", "Sarah Breeden", "head"),
    ("\"We will hire,\" said Chief Executive Amara Okafor.", "Amara Okafor", "ceo"),
    ("Managing Director Jonas Lindqvist resigned in March.", "Jonas Lindqvist", "head"),
])
def test_a_capitalised_title_gives_the_role_of_the_person_after_it(sentence, person, role):
    roles = [c for c in claims(sentence) if isinstance(c, RoleClaim)]
    assert [(r.person.name, r.role) for r in roles] == [(person, role)]


def test_a_title_no_longer_swallows_the_speaker_of_a_figure():
    [c] = [c for c in claims("Exports rose 12% in April, said Trade Minister Priya Raman.") if isinstance(c, QuantityClaim)]
    assert c.attribution == "Priya Raman"


@pytest.mark.parametrize("sentence, who, year", [
    ("Hydra Foods listed on the Johannesburg Stock Exchange in 1998.", "Hydra Foods", 1998),
    ("Tessaro Brands first listed in Milan in 2004, the filing showed.", "Tessaro Brands", 2004),
    ("Orchid Telecom listed on Nasdaq in 2015 and now has 9 million subscribers.", "Orchid Telecom", 2015),
])
def test_listing_on_an_exchange_is_a_listed_event(sentence, who, year):
    [e] = [c for c in claims(sentence) if isinstance(c, EventClaim)]
    assert e.event == "listed" and [p.name for p in e.participants] == [who]
    assert e.time.start == date(year, 1, 1)


def test_words_listed_on_a_page_are_no_event():
    assert not [c for c in claims("The risks listed on page 3 of the 2024 report were many.") if isinstance(c, EventClaim)]


@pytest.mark.parametrize("text, who, event, year", [
    ("Kestrel Logistics reported a profit. The company, established in 1987, runs 40 depots.",
     "Kestrel Logistics", "founded", 1987),
    ("Orchid Telecom added customers. The group, founded in 1999, has 9 million subscribers.",
     "Orchid Telecom", "founded", 1999),
    ("Karoo Copper cut its forecast. The miner, which floated in 2006, employs 5,000 people.",
     "Karoo Copper", "listed", 2006),
])
def test_a_description_set_off_by_a_comma_stands_for_the_organisation_in_play(text, who, event, year):
    [e] = [c for c in claims(text) if isinstance(c, EventClaim)]
    assert (e.event, [p.name for p in e.participants], e.time.start) == (event, [who], date(year, 1, 1))


@pytest.mark.parametrize("sentence, person, role, org", [
    ("Safaricom CEO Peter Ndegwa said M-Pesa revenue rose.", "Peter Ndegwa", "ceo", "Safaricom"),
    ("Federal Reserve Chair Jerome Powell said rates would hold.", "Jerome Powell", "chairman", "Federal Reserve"),
    ("Bernard Arnault, chairman and CEO of LVMH, said demand held.", "Bernard Arnault", "chairman", "LVMH"),
    ("Ajay Banga, the World Bank president, said so.", "Ajay Banga", "president", "World Bank"),
    ("Chilean President Gabriel Boric announced the royalty.", "Gabriel Boric", "president", None),
])
def test_titles_inside_a_run_of_capitals_and_after_the_organisation(sentence, person, role, org):
    roles = [c for c in claims(sentence) if isinstance(c, RoleClaim)]
    assert [(r.person.name, r.role, r.org.name if r.org else None) for r in roles] == [(person, role, org)]


@pytest.mark.parametrize("sentence, person, role, org", [
    ("Mary Barra, who has led GM since 2014, said so.", "Mary Barra", "head", "GM"),
    ("Jo Roe, who ran Kestrel Logistics until 2020, now advises Orchid Telecom.", "Jo Roe", "ceo", "Kestrel Logistics"),
    ("Ana Lopes, who has chaired Vela Motors since 2019, said so.", "Ana Lopes", "chairman", "Vela Motors"),
])
def test_roles_given_by_a_verb_in_the_perfect_or_past(sentence, person, role, org):
    roles = [c for c in claims(sentence) if isinstance(c, RoleClaim)]
    assert [(r.person.name, r.role, r.org.name if r.org else None) for r in roles] == [(person, role, org)]


@pytest.mark.parametrize("sentence, person, role, org", [
    ("Kestrel Logistics names Jo Roe chief executive.", "Jo Roe", "ceo", "Kestrel Logistics"),
    ("Voters in Chile re-elected Ana Lopes president on Sunday.", "Ana Lopes", "president", "Chile"),
    ("Orchid Telecom appoints Priya Raman finance director.", "Priya Raman", "cfo", "Orchid Telecom"),
])
def test_an_appointment_without_as(sentence, person, role, org):
    roles = [c for c in claims(sentence) if isinstance(c, RoleClaim)]
    assert [(r.person.name, r.role, r.org.name if r.org else None) for r in roles] == [(person, role, org)]


def test_a_name_then_a_title_with_no_verb_of_appointing_is_no_role_of_the_name_before():
    roles = [c for c in claims("Jo Roe chairman Tim Lee met the board.") if isinstance(c, RoleClaim)]
    assert [r.person.name for r in roles] == ["Tim Lee"]


@pytest.mark.parametrize("sentence, group, members", [
    ("Shares were sold by existing holders, including the Dutch pension fund Rivermark and the US buyout firm "
     "Halden Partners.", "existing holders", ["Rivermark", "Halden Partners"]),
    ("Backers including Orchid Ventures and the German state bank KfW joined.", "backers", ["Orchid Ventures", "KfW"]),
    ("Among the anchor investors were the Government of Singapore, Nomura and Kestrel Capital.", "anchor investors",
     ["Government of Singapore", "Nomura", "Kestrel Capital"]),
    ("Investors including Acme Capital, which owns Beta Labs, sold shares.", "investors", ["Acme Capital"]),
])
def test_members_named_after_a_description(sentence, group, members):
    [m] = [c for c in claims(sentence) if isinstance(c, MembershipClaim)]
    assert (m.group, [e.name for e in m.members]) == (group, members)


@pytest.mark.parametrize("sentence, source", [
    ("Exports rose 12% in April, the trade ministry said in a statement.", "the trade ministry"),
    ("Demand will grow 1.2% this year, the Paris-based agency said.", "the Paris-based agency"),
])
def test_a_body_the_text_never_names_is_the_source_as_described(sentence, source):
    [c] = [c for c in claims(sentence) if isinstance(c, QuantityClaim)]
    assert c.attribution == source
