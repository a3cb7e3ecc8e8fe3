"""What a figure measures (factcheck/claims/measure.py, data/measures.toml), on sentences written for these
tests: each rule is checked on several constructions it must cover and on one it must leave alone."""

from factcheck.claims import extract_claims
from factcheck.documents import load_document
from factcheck.models import QuantityClaim


def measures(text: str, published: str = "2025-06-10") -> dict[str, str | None]:
    """Surface -> measure for every figure of ``text``."""
    doc = load_document(None, text=text, published=published)
    return {c.text: c.measure for c in extract_claims(doc) if isinstance(c, QuantityClaim)}


# -- a change word before an amount or a count of things ------------------------------------------------------


def test_a_count_changed_by_a_figure_measures_what_it_counts():
    got = measures("The number of nurses on strike fell by 1,200 to 8,400, the union said.")
    assert got["1,200"] == "nurse" and got["8,400"] == "nurse"
    got = measures("The number of vacant shops rose by 310 in the quarter.")
    assert got["310"] == "shop"


def test_a_physical_amount_changed_by_a_figure_measures_what_changed():
    got = measures("Its cargo capacity rose by 12,000 tonnes after the new crane was installed.")
    assert got["12,000 tonnes"] == "capacity"


def test_a_bare_change_of_a_population_stays_a_change():
    assert measures("The city's population rose by 14,000 last year.")["14,000"] == "growth"
    assert measures("Exports rose by 8% in May.")["8%"] == "growth"


def test_a_figure_in_an_open_relative_clause_is_not_named_by_a_change_word_before_it():
    got = measures("The fund was set up to cut the backlog of cases left from the pandemic easing, which stood at "
                   "about 41,000 in March.")
    assert got["about 41,000"] != "decline"


# -- what a level verb's clause is about -----------------------------------------------------------------------


def test_a_listed_measure_opening_a_sentence_is_no_name():
    assert measures("Investment in offshore wind reached about $31bn in 2024.")["about $31bn"] == "funding_round"
    assert measures("Revenue came to $4.1bn in the quarter.")["$4.1bn"] == "revenue"


def test_more_verbs_state_a_level():
    assert measures("Reduced fees for pensioners stay at $12.")["$12"] == "fee"
    assert measures("Average rents remained at $1,850 a month in the city.")["$1,850"] == "rent"
    assert measures("The tuition of out-of-state students hit $41,200.")["$41,200"] == "tuition"


def test_a_relative_clause_after_a_comma_is_about_the_phrase_before_it():
    got = measures("The bank's loan book, which stood at $31bn in June, grew again.")
    assert got["$31bn"] == "loan"
    # not the sentence's first noun phrase
    got = measures("The board meets on Friday to discuss the pension deficit, which stood at £2.1bn in March.")
    assert got["£2.1bn"] == "borrowing"
    got = measures("The panel meets on Friday to discuss the pension scheme, which stood at £2.1bn in March.")
    assert got["£2.1bn"] is None


# -- the noun a figure is "of", hires, money for a thing -----------------------------------------------------


def test_the_noun_before_of_is_read_after_any_article():
    assert measures("The regulator fined lenders a total of £9.2m last year.")["£9.2m"] == "fine"
    assert measures("The company kept its full-year capex guidance of €2.1bn.")["€2.1bn"] == "capex"


def test_people_hired_are_staff_whatever_listed_word_modifies_them():
    assert measures("The railway has hired 64 more fare collectors.")["64"] == "employees"
    assert measures("The bank hired 30 loan officers in March.")["30"] == "employees"


def test_money_for_a_thing_built_or_a_share_sale_names_its_measure_before_any_cue():
    got = measures("Shares in Delta Foods jumped 9% on debut after a $1.2 billion IPO.")
    assert got["$1.2 billion"] == "funding_round"
    got = measures("Orsted said it would build a $2.4 billion turbine factory near Esbjerg.")
    assert got["$2.4 billion"] == "cost"
    got = measures("Kestrel Bank plans a £500m rights issue to repair its balance sheet.")
    assert got["£500m"] == "funding_round"


# -- savings, fines, subscriptions -----------------------------------------------------------------------------


def test_money_saved_fined_and_shares_subscribed():
    assert measures("The merger will save about $120 million a year.")["about $120 million"] == "saving"
    assert measures("It expects cost savings of £40m by 2027.")["£40m"] == "saving"
    assert measures("The watchdog fined the carrier €3.1 million in May.")["€3.1 million"] == "fine"
    assert measures("A court imposed a penalty of $14m on the lender.")["$14m"] == "fine"
    got = measures("The bond sale was subscribed 3.4 times, and the retail tranche 5.1 times.")
    assert got["3.4 times"] == "subscription" and got["5.1 times"] == "subscription"


def test_a_money_figure_near_a_job_cut_is_not_headcount():
    got = measures("The carrier will cut 400 jobs to save $60 million a year.")
    assert got["400"] == "employees" and got["$60 million"] == "saving"


def test_lift_and_boost_name_a_change():
    assert measures("The levy would lift bread prices by 2%.")["2%"] == "growth"
    assert measures("The subsidy boosts farm incomes by 4%.")["4%"] == "growth"
