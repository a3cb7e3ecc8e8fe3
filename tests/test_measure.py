"""What a figure measures (factcheck/claims/measure.py, data/measures.toml), on sentences written for these
tests: each rule is checked on several constructions it must cover and on one it must leave alone."""

import pytest

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


# -- figures whose noun is left out, multiples of "the number" ----------------------------------------------


def test_a_count_after_with_takes_the_noun_before_it():
    got = measures("Germany was the largest source of students, with 12,400 last year, followed by India with 9,800.")
    assert got["12,400"] == "student" and got["9,800"] == "student"
    got = measures("Lisbon was the busiest of the ports for cruise passengers, with 1.3 million.")
    assert got["1.3 million"] == "passenger"
    # a name before "with" is no noun to carry
    assert measures("The deal was signed by Acme with 300 staff present.")["300"] != "acme"


def test_a_multiple_of_the_number_measures_what_the_clause_before_counts():
    got = measures("Deliveries reached 41,000 in May, more than twice the number a year earlier.")
    assert got["more than twice"] == "deliveries"
    got = measures("Advertising revenue was $2.3 billion, nearly double the level of 2022.")
    assert got["nearly double"] == "revenue"


# -- money objects of change verbs, "worth", "put at" --------------------------------------------------------


def test_the_object_of_a_change_verb_names_the_money_figure_not_the_verb():
    assert measures("The city has raised its tourist tax to €7 a night.")["€7"] == "tax"
    assert measures("The rules limit losses to £105m over three years.")["£105m"] == "loss"
    assert measures("Jefferies raised its price target to $210 from $180.")["$210"] == "price_target"
    # a verb with no object stays the verb's cue
    assert measures("The start-up raised $40 million in May.")["$40 million"] == "funding_round"


def test_worth_names_the_noun_before_it_unless_it_is_a_company():
    assert measures("Ohio has offered tax credits worth $210 million.")["$210 million"] == "credit"
    assert measures("Analysts say the market could be worth $45bn by 2030.")["$45bn"] == "market"
    assert measures("The start-up is now worth $3bn.")["$3bn"] == "valuation"
    assert measures("Halvorsen, worth about $9bn, is listed in Oslo.")["about $9bn"] == "valuation"
    # "a contract worth £200,000 a week" is pay: the period decides
    assert measures("He signed a contract worth £200,000 a week.")["£200,000"] == "wage"


def test_what_is_put_at_a_figure_is_what_it_measures():
    got = measures("Traders put the chance of a rate cut in March at about 70%.")
    assert got["about 70%"] == "chance"
    got = measures("The studio did not disclose the film's budget, which people close to it put at $90m.")
    assert got["$90m"] == "cost"
    got = measures("The report puts the training cost at $4.2 million.")
    assert got["$4.2 million"] == "training_cost"


def test_a_forecast_or_estimate_is_no_measure_of_its_own():
    got = measures("Passengers reached 81,000 a day, ahead of the operator's forecast of 70,000.")
    assert got["70,000"] == got["81,000"] == "passenger"


# -- commodities, body measures, votes --------------------------------------------------------------------


def test_a_weight_measures_the_commodity_its_clause_names():
    assert measures("Its silver output was 2.1 million ounces in 2024.")["2.1 million ounces"] == "silver"
    got = measures("Kenya's tea harvest fell to 510,000 tonnes from 570,000 tonnes.")
    assert got["510,000 tonnes"] == "tea" and got["570,000 tonnes"] == "tea"
    # a counted commodity keeps its noun; no commodity named leaves the other rules
    assert measures("The mine produced 96,400 tonnes of copper.")["96,400 tonnes"] == "copper"
    assert measures("We lost about 3,000 tonnes to the strike.")["about 3,000 tonnes"] != "tea"


def test_a_percentage_of_a_body_measure_is_that_measure():
    assert measures("Volunteers lost 11% of their body weight in a year.")["11%"] == "weight"
    assert measures("Mice on the diet lost a fifth of their body fat.")["a fifth"] == "fat"
    assert measures("New drug cuts weight by 15% in trial")["15%"] == "weight"
    # a share of something else stays a share
    assert measures("Exports made up 40% of their sales.")["40%"] == "share"


# -- figures of a whole, counts past a second figure, money "in" a noun, carried levels -----------


def test_a_count_of_a_part_reads_its_noun_past_the_second_figure():
    got = measures("The coalition holds 41 of the 120 seats in parliament.")
    assert got["41"] == "seat" and got["120"] == "seat"
    got = measures("Rebels now control nine of the province's 14 districts, the army said.")
    assert got["nine"] == "district"
    assert measures("Inspectors failed 18 of the 250 restaurants they visited.")["18"] == "restaurant"


def test_money_in_a_money_noun_is_that_noun():
    assert measures("The deal brings the striker roughly €40m in wages over five years.")["roughly €40m"] == "wage"
    assert measures("The retailer ended the year with $1.2bn in cash.")["$1.2bn"] == "cash"
    assert measures("The festival generated £14m in revenue for the town.")["£14m"] == "revenue"
    # a figure with no money noun after "in" is left to the other rules
    assert measures("The city spent $3m in March on road repairs.")["$3m"] == "cost"


def test_a_verb_carrying_a_listed_measure_to_a_level_names_the_figure():
    got = measures("Prices rose 0.3% in May, taking annual inflation to 3.1%.")
    assert got["3.1%"] == "inflation"
    assert measures("The carrier borrowed again, pushing its net debt to $9.4bn.")["$9.4bn"] == "debt"
    got = measures("The firm hired 200 people in June, bringing its workforce to 4,600.")
    assert got["4,600"] == "employees"
    # an unlisted object is left to the other rules
    assert measures("It bought 2% more, taking its stake to 11%.")["11%"] != "stake"


def test_a_percentage_of_a_whole_named_by_the_noun_before_it():
    got = measures("The treasury forecasts a deficit of 4.2% of GDP this year.")
    assert got["4.2%"] == "borrowing"
    got = measures("The government wants to cut public debt to 60% of GDP by 2030.")
    assert got["60%"] == "debt"
    # no measure named before: a share
    assert measures("Farming makes up 12% of exports.")["12%"] == "share"


@pytest.mark.parametrize("sentence, figure, measure", [
    ("The pension fund returned 8.6% in the first half.", "8.6%", "investment_return"),
    ("Calpine's endowment posted a return of 11.2% last year.", "11.2%", "investment_return"),
    ("The film took in $82 million over the weekend.", "$82 million", "revenue"),
    ("The sequel grossed $310 million worldwide.", "$310 million", "revenue"),
])
def test_returns_of_a_fund_and_takings_of_a_film(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Its registered customer base crossed 350 million.", "350 million", "users"),
    ("The app's user base topped 40 million in March.", "40 million", "users"),
    ("Its subscriber base surpassed 12 million.", "12 million", "users"),
])
def test_a_customer_base_crossing_a_figure_counts_users(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


# -- round 2: what a figure with no noun of its own measures ---------------------------------------------------


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Water bills will rise by £86 next April.", "£86", "bill"),
    ("The ferry company said single tickets would rise by €3 to €41.", "€41", "ticket"),
    ("Parking charges in the city centre go up by £1.50 from Monday.", "£1.50", "charge"),
    ("Council rents will fall by £4 a week.", "£4", "rent"),
    ("Entry fees at the national parks rise by $5 to $35.", "$5", "fee"),
])
def test_a_money_change_measures_what_changed(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


@pytest.mark.parametrize("sentence, figure, measure", [
    ("The insurer's combined ratio worsened to 104% in the half.", "104%", "ratio"),
    ("Its take rate widened to 29.1%.", "29.1%", "rate"),
    ("The club's win ratio slipped to 41% this season.", "41%", "ratio"),
    ("Hotel occupancy in Lisbon climbed to 88% in August.", "88%", "occupancy"),
    ("Voter turnout dropped to 52%, the lowest since 1997.", "52%", "turnout"),
])
def test_a_percentage_level_after_a_change_verb_measures_the_clause_subject(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


def test_a_change_word_in_a_clause_of_its_own_does_not_name_a_later_figure():
    got = measures("Storm claims rose to $1.3bn, and its combined ratio worsened to 104%.")
    assert got["104%"] == "ratio"
    got = measures("Grain exports fell 12%, while the storage rate reached 93%.")
    assert got["93%"] != "decline"


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Some 812,000 students sat the exams this summer.", "Some 812,000", "student"),
    ("About 4,000 tickets sold within an hour.", "About 4,000", "ticket"),
    ("Premiums written grew 11% to $9.8bn.", "$9.8bn", "premium"),
    ("The 41 seats won by the party were its most since 2001.", "41", "seat"),
])
def test_an_irregular_verb_after_the_head_ends_what_is_counted(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


def test_a_time_after_a_figure_is_not_what_it_counts():
    got = measures("Visitors to the zoo fell 7% to 1.6 million last season.")
    assert got["1.6 million"] == "visitor"
    assert measures("Arrivals at the resort reached 230,000 last winter.")["230,000"] == "arrival"


@pytest.mark.parametrize("sentence, figure, measure", [
    ("The developer missed a $220m bond payment on Friday.", "$220m", "payment"),
    ("The hospital trust faces a £41 million shortfall this year.", "£41 million", "shortfall"),
    ("Farmers will get a €300 subsidy for every hectare left fallow.", "€300", "subsidy"),
    ("The union won a $1,500 bonus for each nurse.", "$1,500", "bonus"),
])
def test_money_named_by_the_noun_after_it_takes_the_noun(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


def test_money_before_a_general_noun_names_nothing():
    assert measures("The club paid $40 million a year for the players.")["$40 million"] != "year"


@pytest.mark.parametrize("sentence, figure, measure", [
    ("The developer's sales slumped 62% last year.", "62%", "decline"),
    ("Cocoa futures plunged 9% on Monday.", "9%", "decline"),
    ("Bookings at the resort soared 35% in July.", "35%", "growth"),
    ("Orders for hearing aids tumbled 14% in the quarter.", "14%", "decline"),
])
def test_strong_change_verbs_name_a_change(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


@pytest.mark.parametrize("sentence, figure", [
    ("Its shares fell 14% to HK$0.38 in Hong Kong.", "HK$0.38"),
    ("Shares in the brewer rose 6% to 412 pence.", "412 pence"),
    ("The miner's shares climbed to A$7.15 on Tuesday.", "A$7.15"),
])
def test_a_money_level_of_shares_is_their_price(sentence, figure):
    assert measures(sentence)[figure] == "price"


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Growers received €1,450 a tonne for their grapes.", "€1,450", "price"),
    ("The refiner hedged its needs at $78 a barrel.", "$78", "price"),
    ("Wedding guests were charged £45 a head.", "£45", "price"),
    ("Cleaners at the airport earn £11.90 an hour.", "£11.90", "wage"),
])
def test_money_for_one_of_a_thing_is_its_price(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Wine exports fell to 1.2 million hectolitres last year.", "1.2 million hectolitres", "export"),
    ("The olive harvest shrank to 640 million hectolitres.", "640 million hectolitres", "harvest"),
    ("Cider output rose to 9.1 million bushels of apples.", "9.1 million", "output"),
    ("The grape harvest came in at 410 million kilos.", "410 million kilos", "harvest"),
])
def test_a_unit_written_as_a_word_hands_the_measure_to_the_clause(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


def test_liabilities_that_total_a_figure_are_its_measure():
    assert measures("The developer's liabilities total 2.4 trillion yuan.")["2.4 trillion yuan"] == "liability"


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Brent crude added 62 cents to $87.90 a barrel.", "$87.90", "price"),
    ("Gold slipped 0.3% to $1,858.40 an ounce.", "$1,858.40", "price"),
    ("Wheat futures settled at $6.12 a bushel.", "$6.12", "price"),
    ("The miner's cash costs were $40 a barrel.", "$40", "cost"),  # a cost named before it stays a cost
])
def test_money_for_a_unit_of_a_commodity_is_its_price(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Turnout was 58.3% of eligible voters in the mayoral race.", "58.3%", "turnout"),
    ("Impairments were 2.1% of the loan book at the end of June, the lender said.", "2.1%", "charge-off"),
    ("The exam pass rate was 91.4% of entries, the board said.", "91.4%", "rate"),
    ("The fine was 4% of the bank's global turnover.", "4%", "fine"),
    ("Its market share was 31% of all trips booked in the city.", "31%", "share"),  # a share stays a share
    ("The developer's debt stands at 140% of its equity.", "140%", "share"),  # a verb of amount: a share
    ("Exports made up 30% of the estate's wine sales.", "30%", "share"),
])
def test_a_percentage_of_a_whole_joined_by_be_to_a_listed_measure_is_that_measure(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


@pytest.mark.parametrize("sentence, figure, aggregate", [
    ("The vineyard will hire 60 seasonal pickers for the harvest.", "60", "increment"),
    ("The exam board hired 1,400 new markers this summer.", "1,400", "increment"),
    ("The winery employs 240 pickers during the harvest.", "240", None),  # the standing staff, no addition
])
def test_people_hired_are_an_addition_to_the_staff(sentence, figure, aggregate):
    doc = load_document(None, text=sentence, published="2025-06-10")
    got = {c.text: c.aggregate for c in extract_claims(doc) if isinstance(c, QuantityClaim)}
    assert got[figure] == aggregate


@pytest.mark.parametrize("sentence, figure, measure", [
    ("The union said about 1,900 of its members work at the plant.", "about 1,900", "member"),
    ("Only 12 of the 300 candidates sit the oral exam in May.", "300", "candidate"),
    ("About 4,000 drivers use the app every day.", "About 4,000", "driver"),
    ("The estate's 60 pickers harvest the grapes by hand.", "60", "picker"),
    ("Lenders to 14 developers want a say in the restructuring.", "14", "developer"),
    ("Five of its retail stores closed last year.", "Five", "store"),  # a modifier before the plural stays
])
def test_a_verb_after_a_plural_noun_is_not_what_is_counted(sentence, figure, measure):
    assert measures(sentence)[figure] == measure


@pytest.mark.parametrize("sentence, figure, measure", [
    ("In the north, at least 37 people have died of heatstroke since May.", "at least 37", "death"),
    ("Six people were killed and 40 people were injured in the blast.", "Six", "death"),
    ("Six people were killed and 40 people were injured in the blast.", "40", "injury"),
    ("About 14,000 people were evacuated from the valley.", "About 14,000", "person"),
])
def test_people_who_died_or_were_hurt_count_deaths_and_injuries(sentence, figure, measure):
    assert measures(sentence)[figure] == measure
