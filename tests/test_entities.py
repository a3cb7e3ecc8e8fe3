"""Gazetteer: exact names, aliases, fuzzy matches, unresolved names, user aliases."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import ConfigError
from factcheck.mentions.entities import Gazetteer


@pytest.fixture(scope="module")
def g():
    return Gazetteer.default()


def test_aliases_resolve_to_one_id(g):
    assert g.same("Robin Li", "Li Yanhong")
    assert g.same("Ernie Bot", "ERNIE Bot")
    assert g.same("Zhipu", "Zhipu AI")
    assert g.same("Fourth Paradigm", "4Paradigm")
    assert g.same("李彦宏", "Robin Li")
    assert not g.same("Baidu", "Ernie Bot")


def test_find_reports_spans_and_methods(g):
    text = "Baidu’s Ernie Bot, a ChatGPT-like chatbot, beat Moonshot."
    refs = g.find(text, offset=100)
    assert [(r.id, r.method) for r in refs] == [("baidu", "exact"), ("ernie_bot", "exact"), ("moonshot_ai", "alias")]
    for r in refs:
        assert text[r.span.start - 100 : r.span.end - 100] == r.surface


def test_modifier_names_are_not_entities(g):
    ids = [r.id for r in g.find("Beijing-based Baichuan built ChatGPT-style bots.")]
    assert ids == ["baichuan"]


def test_short_aliases_are_case_sensitive(g):
    assert [r.id for r in g.find("The US said so.")] == ["united_states"]
    assert g.find("let us go") == []


def test_fuzzy_match_keeps_score(g):
    ref = g.resolve("Sensetme")
    assert ref.id == "sensetime" and ref.method == "fuzzy" and 80 <= ref.score < 100


def test_unknown_capitalised_names_are_unresolved(g):
    refs = g.find("Officials at Jilin International Studies University agreed.")
    assert [(r.name, r.method) for r in refs] == [("Jilin International Studies University", "unresolved")]


def test_sentence_initial_words_and_acronyms_are_not_names(g):
    assert g.find("Approves 14 LLMs for public release") == []
    assert g.find("GenAI and LLMs are here.") == []


def test_user_aliases_file_extends_gazetteer(tmp_path, g):
    f = tmp_path / "aliases.toml"
    f.write_text('"Acme Robotics" = ["Acme", "ACME Corp"]\n[baidu]\nname = "Baidu"\naliases = ["Baidu Netcom"]\n')
    g2 = g.with_aliases_file(f)
    assert g2.same("ACME Corp", "Acme Robotics")
    assert g2.resolve("Baidu Netcom").id == "baidu"
    assert g.resolve("Baidu Netcom").id != "baidu"  # the default is untouched


def test_bad_aliases_file_is_a_config_error(tmp_path, g):
    f = tmp_path / "bad.toml"
    f.write_text("[x]\ncolour = 'red'\n")
    with pytest.raises(ConfigError, match="bad.toml"):
        g.with_aliases_file(f)


def test_ascii_text_finds_what_the_case_insensitive_scan_finds() -> None:
    # ASCII text is matched in lower case against a case-sensitive pattern (faster); the result must be
    # what the case-insensitive pattern gives.
    fast = Gazetteer.default()
    slow = Gazetteer(dict(fast.entities))
    slow._ascii_lower = None
    for text in ("BAIDU and baidu said Ernie Bot grew; ERNIE-like tools.", "Zhipu AI's rivals, the Baidu’s team",
                 "Cyberspace\nAdministration of China approved it.", "Sensetime and baidus"):
        assert [r.model_dump() for r in fast.find(text)] == [r.model_dump() for r in slow.find(text)]
    assert [r.id for r in fast.find("BAIDU and baidu")] == ["baidu", "baidu"]


def test_name_with_a_number_is_one_entity(g):
    # The number scanner reads these numbers as versions or parts of names: the name keeps them.
    assert [e.surface for e in g.find("The Vantor 3 handset went on sale in Oslo.")] == ["Vantor 3", "Oslo"]
    assert [e.surface for e in g.find("the DAX 40 index of leading shares slipped")] == ["DAX 40"]
    # A figure after a name stays a figure ("Kestrel 12 jets" counts jets), and a year is not a version.
    assert [e.surface for e in g.find("Orbis ordered from Kestrel 12 jets and sold Nimbus 2019 stock.")][:2] == [
        "Orbis", "Kestrel"]
    assert "Nimbus" in [e.surface for e in g.find("Orbis sold Nimbus 2019 stock.")]


@pytest.mark.parametrize("text", [
    "Second-quarter revenue rose 4% to $2.1bn.",
    "The Paris-listed group cut its outlook.",
    "Year-on-year growth slowed to 2%.",
    "Like-for-like sales grew 3.1 per cent.",
    "Fourth-quarter profit at the Frankfurt-listed lender doubled.",
])
def test_compound_adjectives_with_lower_case_parts_are_not_names(g, text):
    assert [e.surface for e in g.find(text) if e.method == "unresolved"] == []


def test_names_keep_capitals_after_a_hyphen(g):
    assert [e.name for e in g.find("Quarry-Hill Holdings sold 5% more.")] == ["Quarry-Hill Holdings"]


@pytest.mark.parametrize("text", [
    "5G subscribers rose to 31 million.",
    "The operator now offers 4G coverage to 99% of homes.",
    "Its 3D printers sold 8,000 units.",
    "6G research will take a decade, the ministry said.",
    "Shares of 5G equipment makers fell 2%.",
])
def test_technology_generations_are_not_names(g, text):
    assert [e.surface for e in g.find(text) if e.method == "unresolved"] == []


@pytest.mark.parametrize("text, name", [
    ("President Karen Whitfield said fees would rise.", "Karen Whitfield"),
    ("Governor Alma Reyes signed the bill.", "Alma Reyes"),
    ("Mayor Tobias Lindqvist cut the budget.", "Tobias Lindqvist"),
    ("Professor Ines Carvalho led the study.", "Ines Carvalho"),
    ("Chairman Oskar Brandt stepped down.", "Oskar Brandt"),
])
def test_a_capitalised_title_is_not_part_of_the_name(g, text, name):
    assert [e.name for e in g.find(text)] == [name]


def test_a_listed_place_inside_an_institutions_name_yields_to_the_whole_name():
    g = Gazetteer.default()
    names = [e.name for e in g.find("The Reserve Bank of India and the Japan National Tourism Organization said "
                                    "exports from India and Japan rose, the United States Geological Survey said.")]
    assert names == ["Reserve Bank of India", "Japan National Tourism Organization", "India", "Japan",
                     "United States Geological Survey"]
    # A run with no institution's word keeps the place: headlines, weekdays.
    assert [e.name for e in g.find("Japan Welcomes Record Visitors")][0] == "Japan"


def test_the_default_gazetteer_knows_the_worlds_places_and_public_bodies():
    g = Gazetteer.default()
    found = {e.name: e.type for e in g.find("Exports from South Korea to Germany rose, the Bank of Korea said in "
                                            "Seoul, and the IMF and the Federal Reserve agreed.")}
    assert found == {"South Korea": "place", "Germany": "place", "Bank of Korea": "body", "Seoul": "place",
                     "International Monetary Fund": "body", "Federal Reserve": "body"}
    # Places are spelt one way: a near miss is another word, never fuzzy-matched to a place.
    assert g.resolve("Indian").method == "unresolved"
    # Ambiguous words stay unlisted: a first name is not the country.
    assert [e.name for e in g.find("Jordan Smith scored twice.")] == ["Jordan Smith"]


def test_a_national_bodys_economic_forecast_is_about_its_country():
    from factcheck.claims import extract_claims
    from factcheck.documents import load_document

    doc = load_document(None, text="The Bank of Korea expects inflation to ease to 2.1% next year.",
                        published="2026-05-01")
    [claim] = extract_claims(doc)
    assert claim.subject.name == "South Korea"


def test_a_name_owned_by_a_listed_name_is_found_after_the_possessive():
    g = Gazetteer.default()
    assert [e.name for e in g.find("Germany's Nordstahl rose, and Japan’s Kisaragi Motor fell.")] == [
        "Germany", "Nordstahl", "Japan", "Kisaragi Motor"]
    assert [e.name for e in g.find("the Bank of Japan's Governor Kazuo Ueda said")] == ["Bank of Japan", "Kazuo Ueda"]


def test_particles_join_the_words_of_one_name_but_and_joins_two():
    g = Gazetteer.default()
    assert [e.name for e in g.find("In Valle del Cauca, Ursula von der Leyen met Bank of America and Wells Fargo.")] == [
        "Valle del Cauca", "Ursula von der Leyen", "Bank of America", "Wells Fargo"]


def test_a_preposition_opening_a_sentence_is_not_a_name():
    g = Gazetteer.default()
    assert [e.name for e in g.find("Under the new rules, Amid the drought and Despite Acme's plan.")] == ["Acme"]


def test_a_common_word_opening_a_sentence_is_not_part_of_the_name_after_of():
    g = Gazetteer.default()
    common = frozenset({"shares"})
    assert [e.name for e in g.find("Shares of Kisaragi fell 3.1% in Tokyo.", common_words=common)] == ["Kisaragi", "Tokyo"]
    # an institution's word stays part of the name
    assert [e.name for e in g.find("Bank of America rose.", common_words=frozenset({"bank"}))] == ["Bank of America"]


def test_figures_with_glued_units_are_not_names(g):
    # The digits after a thousands comma are not a new word, and a number glued to its unit symbol is a figure.
    text = "Demand rose to roughly 1,050GWh, and Harrow Cells plans 40GWh at a 2,400MW site by 2030."
    assert [e.name for e in g.find(text)] == ["Harrow Cells"]
    assert [e.name for e in g.find("Shares of 4Paradigm rose.")] == ["4Paradigm"]  # digits then a name stay one


@pytest.mark.parametrize("text, name", [
    ("Finance Minister Nirmala Sitharaman presented the budget.", "Nirmala Sitharaman"),
    ("Prime Minister Keir Starmer visited the plant.", "Keir Starmer"),
    ("said Deputy Governor Sarah Breeden on Tuesday.", "Sarah Breeden"),
    ("Chief Executive Officer Jane Okoro declined to comment.", "Jane Okoro"),
    ("CEO Tom Baker said margins would recover.", "Tom Baker"),
    ("Head Coach Mikel Arteta praised the squad.", "Mikel Arteta"),
    ("Treasury Secretary Scott Bessent spoke in Geneva.", "Scott Bessent"),
])
def test_a_capitalised_title_before_a_name_is_not_part_of_it(g, text, name):
    [ref] = [r for r in g.find(text) if r.name != "Geneva"]
    assert ref.name == name
    assert text[ref.span.start : ref.span.end] == name


@pytest.mark.parametrize("text, name", [
    ("General Electric Company said orders rose.", "General Electric Company"),
    ("Chancellor Capital Management sold its stake.", "Chancellor Capital Management"),
    ("Secretary Street Holdings fell.", "Secretary Street Holdings"),
    ("Director Bank of Lusaka said.", None),  # an institution after the title word: the run is not cut there
])
def test_names_that_open_with_a_title_word_stay_whole(g, text, name):
    refs = g.find(text)
    if name is not None:
        assert [r.name for r in refs] == [name]
    else:
        assert all(r.span.start == 0 for r in refs)


_GIVEN_NAMES = ["Amara", "Jonas", "Priya", "Tomas", "Leila", "Kwame", "Sofia", "Hiroshi"]
_SURNAMES = ["Okafor", "Lindqvist", "Raman", "Herrera", "Nakamura", "Mensah", "Kowalski", "Duarte"]
_TITLES = ["Finance Minister", "Prime Minister", "Deputy Governor", "Chief Executive", "Foreign Secretary",
           "Managing Director", "CEO", "Chief Economist", "Acting President", "Health Minister"]


@given(st.sampled_from(_TITLES), st.sampled_from(_GIVEN_NAMES), st.sampled_from(_SURNAMES),
       st.sampled_from(["{} said the plan would work.", "The plan will work, said {}.", "\"It works,\" {} told reporters."]))
def test_property_title_then_name_gives_the_name_with_its_span(title, given_name, surname, frame):
    text = frame.format(f"{title} {given_name} {surname}")
    refs = Gazetteer.default().find(text, offset=7)
    assert [r.name for r in refs] == [f"{given_name} {surname}"]
    [ref] = refs
    assert text[ref.span.start - 7 : ref.span.end - 7] == f"{given_name} {surname}"


@pytest.mark.parametrize("text", ["Profit rose in the April-June quarter.", "The shops open Monday-Friday."])
def test_a_span_of_months_or_days_is_not_a_name(g, text):
    assert g.find(text) == []


@pytest.mark.parametrize("text, names", [
    ("José María Álvarez-Pallete said the bid was fair.", ["José María Álvarez-Pallete"]),
    ("Łukasz Nowak, head of Orlen, said so.", ["Łukasz Nowak", "Orlen"]),
    ("Analysts at Société Générale and Éric Dupont agreed.", ["Société Générale", "Éric Dupont"]),
])
def test_names_that_open_with_an_accented_capital(g, text, names):
    assert [r.name for r in g.find(text)] == names
