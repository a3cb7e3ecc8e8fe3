"""HTML to prose: a forgiving, linear-time scanner (no DOM, no exceptions).

Tags are blanked; the content of script, style, nav, header, footer, aside,
noscript, template and svg is blanked; block-level tags become ``"\\n\\n"`` and
spaces, so a paragraph or heading always ends a sentence; entities become their
character followed by spaces. Unclosed tags, stray ``<`` and broken entities
are left as text. Every search starts where the previous one stopped, so the
scan is linear in the length of the text whatever the markup.

>>> render_html("<p>AT&amp;T <b>rose</b></p>").prose
'\\n\\n AT&    T    rose    \\n\\n  '
>>> render_html("<style>p {}</style>Hi").prose
'                   Hi'
"""

from __future__ import annotations

import html as _html
import re
from html.entities import html5

from factcheck.formats import Rendered, blank

# Elements whose whole content is not prose.
_SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg",
                   "iframe", "object", "select", "button"})
# Of those, elements whose content is raw text (no tags inside): find the end tag directly.
_RAW = frozenset({"script", "style", "template", "noscript", "iframe", "textarea", "xmp"})
# Inside these a <header> is the article's own header (headline, byline) and is kept.
_CONTENT_ROOTS = frozenset({"article", "main"})
# Tags that start or end a block: a sentence never runs across them.
_BLOCK = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr",
    "tr", "table", "thead", "tbody", "tfoot", "caption", "section", "article", "main", "blockquote",
    "title", "pre", "figure", "figcaption", "address", "header", "body", "html", "center", "details",
    "summary", "legend", "fieldset", "option", "picture", "video", "audio",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})
# <meta> keys (name=, property= or itemprop=) that carry document metadata, by our key.
_META_KEYS: dict[str, str] = {
    "article:published_time": "published",
    "datepublished": "published",
    "date": "published",
    "pubdate": "published",
    "publishdate": "published",
    "dc.date": "published",
    "dc.date.issued": "published",
    "og:title": "title",
    "og:url": "url",
    "og:site_name": "source",
    "author": "author",
}

_TOKEN = re.compile(
    r"""
      (?P<comment> <!-- )                             # comment: ends at the next -->
    | (?P<cdata> <!\[CDATA\[ )                        # CDATA: ends at the next ]]>
    | < (?P<close> / )? (?P<name> [A-Za-z][A-Za-z0-9:-]{0,63} )  # start or end tag
    | (?P<decl> <[!?] )                               # doctype, processing instruction
    | (?P<entity> & (?: \#[0-9]{1,8} | \#[xX][0-9a-fA-F]{1,8} | [A-Za-z][A-Za-z0-9]{0,31} ) ;? )
    """,
    re.VERBOSE,
)
# One attribute inside a tag: name, then an optional quoted or bare value.
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?""")
_LD_DATE = re.compile(r""""datePublished"\s{0,20}:\s{0,20}"([^"\\]{4,64})\"""")
_RAW_END: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW
}


def decode_entity(entity: str) -> str | None:
    """The character(s) an HTML entity stands for, or None when it is not one.

    >>> decode_entity("&amp;"), decode_entity("&#8217;"), decode_entity("&#x2019;"), decode_entity("&bogus;")
    ('&', '’', '’', None)
    """
    body = entity[1:]
    if body.startswith("#"):
        whole = entity if entity.endswith(";") else entity + ";"
        value = _html.unescape(whole)
        return value if value != whole else None
    # Named: exact names only (with ";", or one of the legacy names allowed without it), so a
    # partial match never shifts the text that follows.
    named = html5.get(body)
    return named or None


def _attributes(tag_body: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(tag_body):
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        attrs.setdefault(m.group(1).lower(), _html.unescape(value or ""))
    return attrs


def _read_meta(attrs: dict[str, str], metadata: dict[str, str]) -> None:
    key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
    ours = _META_KEYS.get(key.lower())
    value = (attrs.get("content") or attrs.get("datetime") or "").strip()
    if ours and value:
        metadata.setdefault(ours, value)


def render_html(text: str) -> Rendered:
    """Render HTML to prose of the same length, with headings and metadata.

    >>> r = render_html('<title>T</title><meta property="og:site_name" content="SCMP"><h1>Big news</h1>')
    >>> r.metadata["source"], r.metadata["title"], [r.prose[a:b] for a, b in r.headings]
    ('SCMP', 'T', ['T', 'Big news'])
    """
    n = len(text)
    out = list(text)
    metadata: dict[str, str] = {}
    headings: list[tuple[int, int]] = []
    heading_start: int | None = None
    rows: list[tuple[int, int]] = []
    row_start: int | None = None
    skip_counts: dict[str, int] = {}
    skip_from: int | None = None
    roots = 0  # open <article>/<main> elements
    next_gt = -1  # cached position of the next ">" (n when there is none)
    pos = 0

    def put(start: int, end: int, fill: str | None = None) -> None:
        out[start:end] = blank(text[start:end]) if fill is None else fill

    while pos < n:
        m = _TOKEN.search(text, pos)
        if m is None:
            break
        start = m.start()
        if m.group("entity"):
            value = decode_entity(m.group())
            if value is not None and len(value) <= len(m.group()):
                put(start, m.end(), value + " " * (len(m.group()) - len(value)))
            pos = m.end()
            continue
        if m.group("comment") or m.group("cdata"):
            end = text.find("-->" if m.group("comment") else "]]>", m.end())
            end = n if end < 0 else end + 3
            put(start, end)
            pos = end
            continue
        # Everything else is a tag or declaration and ends at the next ">".
        if next_gt < m.end():
            found = text.find(">", m.end())
            next_gt = n if found < 0 else found
        if next_gt >= n:  # no ">" anywhere after: this "<" is text
            pos = m.end()
            continue
        end = next_gt + 1
        pos = end
        if m.group("decl"):
            put(start, end)
            continue
        name = m.group("name").lower()
        closing = m.group("close") is not None
        self_closing = text[next_gt - 1] == "/"
        if name in _BLOCK and not (name == "header" and roots == 0):
            put(start, end, "\n\n" + " " * (end - start - 2))
        else:
            put(start, end)
        if name in _RAW and not closing and not self_closing:
            # Raw text runs to its end tag whatever it contains ("if (a<b)", "</div>" in a string).
            close = _RAW_END[name].search(text, end)
            stop = n if close is None else close.start()
            if name == "script" and "ld+json" in text[m.end() : next_gt].lower():
                ld = _LD_DATE.search(text, end, stop)
                if ld:
                    metadata.setdefault("published", ld.group(1))
            put(end, stop)
            pos = stop
        if skip_from is not None:  # inside skipped content: only track nesting
            if name in skip_counts:
                skip_counts[name] += -1 if closing else (0 if self_closing else 1)
                if skip_counts[name] <= 0:
                    del skip_counts[name]
                    if not skip_counts:
                        put(skip_from, end)
                        skip_from = None
            elif name in _SKIP and not closing and not self_closing:
                skip_counts[name] = 1
            continue
        if closing:
            if name in _CONTENT_ROOTS:
                roots = max(0, roots - 1)
            elif name == "tr" and row_start is not None:
                rows.append((row_start, start))
                row_start = None
            elif name in _HEADINGS and heading_start is not None:
                headings.append((heading_start, start))
                if name == "title" and "_title" not in metadata:
                    metadata["_title"] = " ".join("".join(out[heading_start:start]).split())
                heading_start = None
            continue
        if name == "meta":
            _read_meta(_attributes(text[m.end() : next_gt]), metadata)
        elif name == "link":
            attrs = _attributes(text[m.end() : next_gt])
            if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
                metadata.setdefault("canonical", attrs["href"])
        elif name in _CONTENT_ROOTS:
            roots += 1
        elif name == "tr":
            if row_start is not None:  # an unclosed row ends where the next begins
                rows.append((row_start, start))
            row_start = end
        elif name in _HEADINGS:
            heading_start = end
        if name in _SKIP and name not in _RAW and not self_closing:
            if not (name == "header" and roots > 0):
                skip_from = start
                skip_counts[name] = 1
    if skip_from is not None:  # unclosed skipped element: runs to the end
        put(skip_from, n)
    # Prefer the og: values (cleaner than a <title> with the site name appended).
    for ours, fallback in (("title", "_title"), ("url", "canonical"), ("source", "author")):
        if fallback in metadata:
            metadata.setdefault(ours, metadata.pop(fallback))
    return Rendered(
        prose="".join(out), headings=tuple(headings), rows=tuple(rows), soft_newlines=True, metadata=metadata
    )
