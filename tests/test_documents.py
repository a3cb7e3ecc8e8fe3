"""Loading documents: encodings, formats, the prose source map, metadata, suppressions."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import Suppression, find_suppressions, load_document, parse_date, read_text
from factcheck.errors import InputError
from factcheck.formats import detect_format, render
from factcheck.formats.html import render_html
from factcheck.formats.markdown import render_markdown
from factcheck.models import Span

DATA = Path(__file__).parent / "data" / "documents"


def md(text: str) -> str:
    return render_markdown(text).prose


def html(text: str) -> str:
    return render_html(text).prose


# --------------------------------------------------------------------------- encodings


def write(tmp_path: Path, data: bytes, name: str = "f.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_utf8_plain_and_with_bom(tmp_path: Path) -> None:
    assert read_text(write(tmp_path, "Baidu’s 5.57 €".encode())) == "Baidu’s 5.57 €"
    assert read_text(write(tmp_path, codecs.BOM_UTF8 + b"abc")) == "abc"


def test_utf16_with_bom(tmp_path: Path) -> None:
    for encoding, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        assert read_text(write(tmp_path, bom + "中国 70 LLMs".encode(encoding))) == "中国 70 LLMs"


def test_utf16_without_bom_detected_by_nuls(tmp_path: Path) -> None:
    assert read_text(write(tmp_path, "Plain text, 40 per cent.".encode("utf-16-le"))) == "Plain text, 40 per cent."
    assert read_text(write(tmp_path, "Plain text, 40 per cent.".encode("utf-16-be"))) == "Plain text, 40 per cent."


def test_utf32_with_bom(tmp_path: Path) -> None:
    assert read_text(write(tmp_path, codecs.BOM_UTF32_LE + "x y".encode("utf-32-le"))) == "x y"


def test_crlf_kept_exactly(tmp_path: Path) -> None:
    assert read_text(write(tmp_path, b"a\r\nb\rc\n")) == "a\r\nb\rc\n"


def test_empty_file(tmp_path: Path) -> None:
    assert read_text(write(tmp_path, b"")) == ""


def test_png_like_binary_refused(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    with pytest.raises(InputError) as err:
        read_text(write(tmp_path, png, "image.png"))
    assert err.value.message == "not a text file (binary data)"
    assert err.value.path is not None and err.value.path.endswith("image.png")


def test_binary_with_nuls_but_not_utf16(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary data"):
        read_text(write(tmp_path, b"ab\x00\x00\x00cd\x00\x01\x02\x03"))


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_text(write(tmp_path, b"caf\xe9 au lait"))  # Latin-1: never guessed
    assert err.value.message == "not valid UTF-8 or UTF-16 (byte 3)"


def test_truncated_utf16_names_the_encoding(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"not valid UTF-16-LE \(byte 4\)"):
        read_text(write(tmp_path, codecs.BOM_UTF16_LE + b"a\x00b"))


def test_too_large(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file is larger than 10 bytes"):
        read_text(write(tmp_path, b"x" * 11), max_bytes=10)
    assert read_text(write(tmp_path, b"x" * 10), max_bytes=10) == "x" * 10


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


def test_bom_offsets_are_after_the_bom(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, codecs.BOM_UTF8 + b"Hello. World."))
    assert doc.text == "Hello. World."
    assert doc.text.index("World") == 7


# --------------------------------------------------------------------------- formats


def test_detect_format() -> None:
    assert detect_format("a.MD", "") == "markdown"
    assert detect_format("a.markdown", "") == "markdown"
    assert detect_format("a.htm", "") == "html"
    assert detect_format("a.html", "") == "html"
    assert detect_format("a.txt", "<html>") == "text"
    assert detect_format("notes", "  <!DOCTYPE HTML>\n<p>") == "html"
    assert detect_format(None, "<html lang=en>") == "html"
    assert detect_format(None, "---\ntitle: x\n---\n") == "markdown"
    assert detect_format(None, "Just text <html>") == "text"


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown format"):
        load_document("x", text="hi", format="pdf")


def test_render_text_is_identity() -> None:
    assert render("a *b* &amp; <i>", "text").prose == "a *b* &amp; <i>"


# --------------------------------------------------------------------------- markdown prose


def test_markdown_front_matter_blanked_keeping_newlines() -> None:
    text = "---\ntitle: X\n---\nBody."
    assert md(text) == "   \n        \n   \nBody."


def test_markdown_heading_markers() -> None:
    assert md("## Big news ##") == "   Big news   "
    assert md("#hashtag") == "#hashtag"  # not a heading: no space after '#'


def test_markdown_emphasis() -> None:
    assert md("a *b* **c** _d_ __e__ ~~f~~") == "a  b    c    d    e     f  "
    assert md("snake_case_name stays") == "snake_case_name stays"
    assert md("about ~300 users, 5 * 3") == "about ~300 users, 5 * 3"
    assert md(r"\*literal\*") == " *literal *"


def test_markdown_inline_code_and_links() -> None:
    assert md("run `factcheck check` now") == "run  factcheck check  now"
    assert md("see [the report](https://x.org/a_(b)) ok") == "see  the report" + " " * len("](https://x.org/a_(b))") + " ok"
    assert md("[ref][1] and [^2]") == " ref" + " " * 4 + " and " + " " * 4
    assert md("![chart](c.png) after") == " " * len("![chart](c.png)") + " after"
    assert md("<https://x.org> link") == " https://x.org  link"
    assert md("[**Bold** label](u)") == "   Bold   label    "


def test_markdown_lists_and_tables() -> None:
    assert md("- one\n* two\n+ three\n12. four\n3) five") == "  one\n  two\n  three\n    four\n   five"
    table = "| A | B |\n|---|--:|\n| 1 | 2 |"
    assert md(table) == "  A   B  \n         \n  1   2  "
    assert md("A | B\n--|--\n1 | 2") == "A   B\n     \n1   2"


def test_markdown_code_fences_and_comments() -> None:
    text = "Before.\n```py\nx = 1. Y\n```\nAfter. <!-- hidden\nstill hidden --> shown"
    hidden = " " * len("<!-- hidden")
    assert md(text) == f"Before.\n{' ' * 5}\n{' ' * 8}\n   \nAfter. {hidden}\n{' ' * 16} shown"
    assert md("~~~\nunclosed fence") == "   \n              "


def test_markdown_quotes_rules_setext_references() -> None:
    assert md("> quoted *text*") == "  quoted  text "
    assert md("Title\n=====\n\n---\n") == "Title\n     \n\n   \n"
    assert md("[1]: https://example.org\nText") == "                        \nText"


def test_markdown_entities_decoded_with_padding() -> None:
    assert md("AT&amp;T &mdash; &#8217;") == "AT&" + " " * 4 + "T —" + " " * 6 + " ’" + " " * 6


def test_markdown_breaks_and_headings() -> None:
    r = render_markdown("# Head\nline one\n- item\n\nSub\n---\n")
    assert [r.prose[a:b] for a, b in r.headings] == ["Head", "Sub"]
    assert 16 in r.breaks  # the list item starts a new sentence
    assert r.soft_newlines


# --------------------------------------------------------------------------- html prose


def test_html_tags_blanked_and_blocks_break() -> None:
    assert html("<p>Hi <b>there</b></p>") == "\n\n Hi    there    \n\n  "
    assert html("a<br>b") == "a\n\n  b"


def test_html_skipped_elements() -> None:
    for tag in ("script", "style", "nav", "footer", "aside", "noscript", "template", "svg"):
        out = html(f"<{tag}>Secret. 42</{tag}>Shown.")
        assert "Secret" not in out and "42" not in out and out.endswith("Shown."), tag
    assert "Headline" not in html("<header>Headline</header>x")
    assert "Headline" in html("<article><header><h1>Headline</h1></header></article>")
    assert html("<nav><nav>a</nav>b</nav>c").strip() == "c"
    assert html("<script>if (a<b) {'</div>'}</script>z").strip() == "z"


def test_html_entities() -> None:
    assert html("&amp;") == "&    "
    assert html("&nbsp;&#8217;&#x2019;&mdash;") == "\xa0" + " " * 5 + "’" + " " * 6 + "’" + " " * 7 + "—" + " " * 6
    assert html("&bogus; &amp &#; &") == "&bogus; &" + " " * 3 + " &#; &"  # legacy "&amp" needs no ";"
    assert html("<a title='&amp;'>x</a>") == " " * len("<a title='&amp;'>") + "x    "


def test_html_malformed_markup_is_text() -> None:
    assert html("a < b and c > d") == "a < b and c > d"
    assert html("x <b unclosed") == "x <b unclosed"
    assert html("<!-- never closed") == " " * 17
    assert html("<div>" * 1000 + "deep") == "\n\n   " * 1000 + "deep"


def test_html_metadata() -> None:
    r = render_html(
        '<title>T &amp; U</title><meta name="author" content="Jo"><meta itemprop="datePublished" '
        'content="2024-01-29"><link rel="canonical" href="https://x.org/a">'
    )
    assert r.metadata == {"title": "T & U", "published": "2024-01-29", "url": "https://x.org/a", "source": "Jo"}
    ld = render_html('<script type="application/ld+json">{"datePublished": "2023-08-31"}</script>')
    assert ld.metadata["published"] == "2023-08-31"


# --------------------------------------------------------------------------- load_document


def test_load_markdown_file_metadata() -> None:
    doc = load_document(DATA / "article.md")
    assert doc.format == "markdown"
    assert doc.title == "Beijing approves 14 LLMs: a test"
    assert doc.published == date(2024, 1, 29)
    assert doc.source == "Example Wire"
    assert doc.url == "https://example.org/llms"
    assert doc.path == str(DATA / "article.md")
    assert len(doc.prose) == len(doc.text)
    assert "---" not in doc.prose and "**" not in doc.prose and "x = " not in doc.prose


def test_load_html_file_metadata() -> None:
    doc = load_document(DATA / "article.html")
    assert doc.format == "html"
    assert (doc.title, doc.source, doc.url) == ("China approves 14 LLMs", "Example Wire", "https://example.org/llms")
    assert doc.published == date(2024, 1, 29)
    assert "Not prose" not in doc.prose and "Home" not in doc.prose and "Related" not in doc.prose


def test_keyword_metadata_overrides_file() -> None:
    doc = load_document(DATA / "article.md", published="2023-12-01", source="Other", title="T", url="u")
    assert (doc.published, doc.source, doc.title, doc.url) == (date(2023, 12, 1), "Other", "T", "u")
    assert load_document(None, text="x", published=date(2020, 2, 29)).published == date(2020, 2, 29)


def test_bad_metadata_date_names_the_path() -> None:
    with pytest.raises(InputError) as err:
        load_document("draft.md", text="---\ndate: last Tuesday\n---\nx")
    assert err.value.path == "draft.md" and "last Tuesday" in err.value.message
    with pytest.raises(InputError):
        load_document("x.txt", text="x", published="2024-02-30")


def test_doc_id_stable_short_hash() -> None:
    a = load_document(None, text="Same text.")
    b = load_document("label", text="Same text.")
    c = load_document(None, text="Other text.")
    assert a.id == b.id != c.id
    assert len(a.id) == 12 and all(ch in "0123456789abcdef" for ch in a.id)
    assert load_document(None, text="x", doc_id="mine").id == "mine"
    assert load_document(DATA / "crlf.txt").id == load_document(DATA / "crlf.txt").id


def test_text_with_label_uses_label_extension() -> None:
    doc = load_document("draft.md", text="# Hi")
    assert doc.format == "markdown" and doc.path == "draft.md" and doc.prose == "  Hi"


def test_crlf_document_offsets_match_file() -> None:
    doc = load_document(DATA / "crlf.txt")
    raw = (DATA / "crlf.txt").read_bytes().decode()
    assert doc.text == raw and "\r\n" in doc.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-29", date(2024, 1, 29)),
        ("2024-01-29T10:00:00Z", date(2024, 1, 29)),
        ("2024-01-29 10:00:00 +08:00", date(2024, 1, 29)),
        ("2024/1/9", date(2024, 1, 9)),
        ("29 January 2024", date(2024, 1, 29)),
        ("29th Jan. 2024", date(2024, 1, 29)),
        ("January 29, 2024", date(2024, 1, 29)),
        ("Sept 3 2023", date(2023, 9, 3)),
        ("Monday, 29 January 2024", date(2024, 1, 29)),
        ("Mon, 29 Jan 2024 10:00:00 GMT", date(2024, 1, 29)),
        ("January 2024", None),
        ("29 Foo 2024", None),
        ("2024-13-01", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


# --------------------------------------------------------------------------- suppressions


def test_suppression_disable_enable_with_reason() -> None:
    doc = load_document(DATA / "article.md")
    (s,) = find_suppressions(doc)
    assert s.codes == ["FC101"] and s.reason == "figure quoted from the company"
    assert doc.text[s.start : s.end].strip() == "Ernie Bot had over 100 million users in December."
    assert doc.text[s.span.start : s.span.end].startswith("<!-- factcheck: disable FC101")


def test_suppression_to_end_of_document_and_all() -> None:
    text = "a <!-- factcheck: disable --> b"
    (s,) = find_suppressions(load_document(None, text=text))
    assert s.codes == ["all"] and s.end == len(text) and s.reason is None
    assert s.covers("FC999", Span(start=30, end=31))


def test_suppression_partial_enable_and_prefixes() -> None:
    text = (
        "<!-- factcheck: disable FC101, FC2 -->one<!-- factcheck: enable FC101 -->two"
        "<!-- factcheck: enable -->three"
    )
    sups = find_suppressions(load_document(None, text=text, format="html"))
    by_code = {tuple(s.codes): text[s.start : s.end] for s in sups}
    assert by_code == {("FC101",): "one", ("FC2",): "one<!-- factcheck: enable FC101 -->two"}
    fc2 = next(s for s in sups if s.codes == ["FC2"])
    assert fc2.covers("FC201", Span(start=fc2.start, end=fc2.start + 1))
    assert not fc2.covers("FC101", Span(start=fc2.start, end=fc2.start + 1))
    assert not fc2.covers("FC201", Span(start=len(text) - 2, end=len(text)))


def test_suppression_next_line_and_malformed() -> None:
    text = "<!-- factcheck: disable-next-line FC3 -- why -->\nThis line.\nNot this."
    (s,) = find_suppressions(load_document(None, text=text))
    assert text[s.start : s.end] == "This line." and s.reason == "why"
    assert find_suppressions(load_document(None, text="<!-- factcheck: disable FC1 no close")) == []
    assert find_suppressions(load_document(None, text="<!-- factcheck: disabled FC1 -->")) == []


def test_suppression_is_frozen() -> None:
    s = Suppression(codes=["all"], start=0, end=1, span=Span(start=0, end=0))
    with pytest.raises(Exception):
        s.start = 3  # type: ignore[misc]


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div class='x'>", "<br/>", "<script>", "</script>", "<nav>", "</nav>", "<!--", "-->",
     "<", ">", "&amp;", "&#8217;", "&#x2019;", "&bogus;", "&", "&#", "[", "]", "(", ")", "![", "*", "**",
     "_", "`", "```", "~~~", "#", "# ", "- ", "1. ", "|", "---", "\n", "\r\n", "\n\n", " ", "word", "A.",
     "2.5", "U.S.", "<h1>", "</h1>", "<tr>", "<td>", "'", '"', "\\", "<!-- factcheck: disable FC1 -->",
     "é", "中文", "\xa0", "\t"]
)
_MARKUPISH = st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=100, deadline=None)
@given(_MARKUPISH, st.sampled_from(["text", "markdown", "html"]))
def test_prose_has_the_length_of_text(text: str, fmt: str) -> None:
    r = render(text, fmt)
    assert len(r.prose) == len(text)
    # Blanking never invents characters: each prose char is the original, whitespace (blanks,
    # HTML block breaks), or an entity's decoded character written where its "&" was.
    for i, (p, t) in enumerate(zip(r.prose, text)):
        assert p == t or p.isspace() or "&" in text[max(0, i - 1) : i + 1], (i, p, t)
    for a, b in r.headings + r.rows:
        assert 0 <= a <= b <= len(text)
    assert all(0 <= k <= len(text) for k in r.breaks)


@settings(max_examples=100, deadline=None)
@given(_MARKUPISH)
def test_newlines_survive_in_markdown(text: str) -> None:
    prose = render(text, "markdown").prose
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(prose) if c == "\n"]


@settings(max_examples=100, deadline=None)
@given(_MARKUPISH)
def test_suppressions_inside_text(text: str) -> None:
    for s in find_suppressions(load_document(None, text=text, format="markdown")):
        assert 0 <= s.start <= s.end <= len(text)
        assert s.span.end <= s.start or s.start >= s.span.end


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize(
    "unit", ["<a ", '<a "', "<!--", "&#1", "[](", "*a", "`a``", "|", "_a ", "<div>", "[a](b", "- 1. ", "\n"]
)
def test_hostile_markup_is_linear(fmt: str, unit: str) -> None:
    text = unit * (100_000 // len(unit))
    assert len(render(text, fmt).prose) == len(text)  # a quadratic scan would not finish


# The inline pass only tries its big pattern where a markup character stands; it must find what a
# plain scan with that pattern finds.
_MARKUP = st.lists(st.sampled_from([*"ab 1.*_`~[]()!<>&#;\\\"", "&amp;", "[x](y)", "![i](u)", "<b>", "**"]),
                   max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(_MARKUP)
def test_inline_scan_finds_what_a_full_scan_finds(text: str) -> None:
    from factcheck.formats.markdown import _INLINE, _inline_matches

    assert [m.span() for m in _inline_matches(text, 0, len(text))] == [m.span() for m in _INLINE.finditer(text)]


def test_inline_markup_is_still_blanked_and_plain_lines_kept() -> None:
    r = render_markdown("Plain line, no markup at all.\nA **bold** [link](https://x.org) &amp; `code`.")
    # "**" -> 2 spaces, "](https://x.org)" -> 16, "&amp;" -> "&" and 4, each backtick -> 1
    assert r.prose.split("\n") == ["Plain line, no markup at all.", "A   bold    link" + " " * 17 + "&" + " " * 6 + "code ."]
