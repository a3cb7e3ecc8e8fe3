"""Load documents: bytes -> text (UTF-8/UTF-16, never guessed), text -> prose + metadata.

The text is kept exactly as read (``\\r\\n`` stays, a BOM is dropped), so every
offset the pipeline reports is an offset into the file's decoded text. The
prose view comes from :mod:`factcheck.formats`; metadata comes from Markdown
front matter or HTML ``<meta>`` tags, and keyword arguments override both.

>>> doc = load_document("draft.md", text="---\\ndate: 29 January 2024\\nsource: SCMP\\n---\\nHi *there*.")
>>> doc.format, doc.published, doc.source, doc.prose.strip()
('markdown', datetime.date(2024, 1, 29), 'SCMP', 'Hi  there .')
"""

from __future__ import annotations

import codecs
import hashlib
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from factcheck._data import load_toml
from factcheck.errors import InputError
from factcheck.formats import FORMATS, detect_format, render
from factcheck.models import Document, Span

# ---------------------------------------------------------------------------
# Reading bytes


def _looks_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NULs sit on one side of most byte pairs (BOM-less UTF-16)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 1 or len(data) % 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters other than whitespace and ESC, in the first 4 KiB."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\f\v\x1b")
    return controls > max(2, len(sample) // 50)


def decode_bytes(data: bytes, path: str | None = None) -> str:
    """Decode UTF-8 (BOM optional, dropped) or UTF-16/32 (BOM, or BOM-less UTF-16 by its NULs).

    >>> decode_bytes(codecs.BOM_UTF8 + "café".encode()), decode_bytes("hi".encode("utf-16-le"))
    ('café', 'hi')
    """
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    encoding, skip = None, 0
    for bom, name in boms:
        if data.startswith(bom):
            encoding, skip = name, len(bom)
            break
    if encoding is None and b"\x00" in data:
        encoding = _looks_utf16(data)
        if encoding is None:
            raise InputError("not a text file (binary data)", path=path)
    if encoding is None:
        encoding = "utf-8"
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        byte = skip + exc.start
        if encoding != "utf-8":  # a BOM or the NUL pattern promised this encoding
            raise InputError(f"not valid {encoding.upper()} (byte {byte})", path=path) from None
        if _looks_binary(data):
            raise InputError("not a text file (binary data)", path=path) from None
        raise InputError(f"not valid UTF-8 or UTF-16 (byte {byte})", path=path) from None
    if encoding == "utf-8" and _looks_binary(data[skip:]):
        raise InputError("not a text file (binary data)", path=path)
    return text


def read_text(path: str | Path, max_bytes: int = 50_000_000) -> str:
    """Read a text file exactly as written (no newline translation), refusing binaries.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
    ...     _ = f.write(b"line one\\r\\nline two")
    >>> read_text(f.name)
    'line one\\r\\nline two'
    >>> os.unlink(f.name)
    """
    p = Path(path)
    label = str(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise InputError("is a directory, not a file", path=label)
        if size > max_bytes:
            raise InputError(f"file is larger than {max_bytes} bytes ({size} bytes)", path=label)
        with p.open("rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file", path=label) from None
    except PermissionError:
        raise InputError("permission denied", path=label) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=label) from None
    if len(data) > max_bytes:  # grew while we looked, or a special file
        raise InputError(f"file is larger than {max_bytes} bytes", path=label)
    return decode_bytes(data, label)


# ---------------------------------------------------------------------------
# Dates in metadata

_ISO = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?\s*$", re.DOTALL)
_DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:[T\s,].*)?$", re.DOTALL)
_MONTH_DAY_YEAR = re.compile(r"\s*([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[T\s,].*)?$", re.DOTALL)
_WEEKDAY = re.compile(r"\s*([A-Za-z]{3,9})\.?,\s*")


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    data = load_toml("abbreviations.toml")["months"]
    return {**data["names"], **data["abbreviations"]}


def parse_date(value: str) -> date | None:
    """A publication date written the ways metadata writes them, else None.

    >>> [parse_date(s) for s in ("2024-01-29", "2024-01-29T10:00:00Z", "29 January 2024",
    ...                          "January 29, 2024", "Mon, 29 Jan 2024 10:00:00 GMT", "soon")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [datetime.date(2024, 1, 29), datetime.date(2024, 1, 29), datetime.date(2024, 1, 29),
     datetime.date(2024, 1, 29), datetime.date(2024, 1, 29), None]
    """
    if len(value) > 200:
        return None
    months = _months()
    weekday = _WEEKDAY.match(value)
    if weekday and weekday.group(1).lower() not in months:
        value = value[weekday.end() :]
    try:
        if m := _ISO.match(value):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if (m := _DAY_MONTH_YEAR.match(value)) and m.group(2).lower() in months:
            return date(int(m.group(3)), months[m.group(2).lower()], int(m.group(1)))
        if (m := _MONTH_DAY_YEAR.match(value)) and m.group(1).lower() in months:
            return date(int(m.group(3)), months[m.group(1).lower()], int(m.group(2)))
    except ValueError:  # 2024-02-30
        return None
    return None


def _as_date(value: date | str | None, path: str | None, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_date(str(value))
    if parsed is None:
        raise InputError(f"cannot read the date {str(value)[:60]!r} in {what}", path=path)
    return parsed


# ---------------------------------------------------------------------------
# Documents


def load_document(
    path_or_text: str | Path | None,
    *,
    text: str | None = None,
    format: str | None = None,
    published: date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    doc_id: str | None = None,
) -> Document:
    """Load a document from a file, or from ``text=`` (the first argument is then a label or None).

    The format comes from ``format=``, else the extension (.md/.markdown,
    .html/.htm, anything else text), else sniffing (``<html``/``<!doctype
    html`` -> HTML, front matter -> Markdown). Keyword metadata overrides the
    file's own.

    >>> doc = load_document(None, text="<html><head><title>T</title></head><p>It rose 5%.</p>")
    >>> doc.format, doc.title, doc.prose.split()
    ('html', 'T', ['T', 'It', 'rose', '5%.'])
    >>> len(doc.id)
    12
    """
    label = str(path_or_text) if path_or_text is not None else None
    if text is None:
        if path_or_text is None:
            raise InputError("no path and no text given")
        text = read_text(path_or_text)
        identity = label or ""
    else:
        identity = text
    if format is None:
        format = detect_format(label, text)
    elif format not in FORMATS:
        raise InputError(f"unknown format {format!r} (expected one of {', '.join(FORMATS)})", path=label)
    rendered = render(text, format)
    meta = rendered.metadata
    where = "front matter" if format == "markdown" else "metadata"
    file_date = meta.get("published") or meta.get("date")
    return Document(
        id=doc_id or hashlib.sha1(identity.encode("utf-8", "surrogatepass")).hexdigest()[:12],
        path=label,
        text=text,
        prose=rendered.prose,
        format=format,  # type: ignore[arg-type]
        source=source if source is not None else meta.get("source") or None,
        published=_as_date(published, label, "the published argument")
        if published is not None
        else _as_date(file_date, label, where),
        url=url if url is not None else meta.get("url") or None,
        title=title if title is not None else meta.get("title") or None,
    )


# ---------------------------------------------------------------------------
# Inline suppressions

_SUPPRESSION = re.compile(
    r"""
    <!-- [ \t]* factcheck [ \t]* : [ \t]*
    (?P<verb> disable-next-line | disable | enable ) \b
    (?P<body> [^>\n]{0,500} ) >                # bounded: a comment on one line
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CODE = re.compile(r"[A-Za-z]+[0-9]*")


class Suppression(BaseModel):
    """A region of a document where some rule codes are silenced.

    ``codes`` are codes or prefixes ("FC101", "FC1") or "all"; the region is
    ``[start, end)`` in the text (to the end of the document when no enable
    comment closes it); ``span`` is the disable comment itself.

    >>> s = Suppression(codes=["FC1"], start=10, end=50, reason=None, span=Span(start=0, end=9))
    >>> s.covers("FC101", Span(start=12, end=20)), s.covers("FC201", Span(start=12, end=20))
    (True, False)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    codes: list[str]
    start: int
    end: int
    reason: str | None = None
    span: Span

    def covers(self, code: str, span: Span) -> bool:
        """Whether a finding with ``code`` at ``span`` falls under this suppression."""
        code = code.upper()
        matches = any(c == "all" or code.startswith(c.upper()) for c in self.codes)
        return matches and self.start <= span.start and span.end <= self.end


def _parse_body(body: str) -> tuple[list[str], str | None] | None:
    """Codes and reason from "FC101, FC2 -- reason --", or None when the comment is not closed."""
    body = body.rstrip()
    if not body.endswith("--"):
        return None
    body = body[:-2]
    codes_part, _, reason = body.partition("--")
    codes = [c.upper() if c.lower() != "all" else "all" for c in _CODE.findall(codes_part)] or ["all"]
    return codes, reason.strip() or None


def find_suppressions(document: Document) -> list[Suppression]:
    """Regions silenced by ``<!-- factcheck: disable CODE -- reason -->`` ... ``enable CODE``.

    An ``enable`` without codes (or with ``all``) closes every open region; one
    with codes closes those codes. ``disable-next-line`` covers the next line.

    >>> t = "a\\n<!-- factcheck: disable FC101 -- quoted -->\\nb\\n<!-- factcheck: enable FC101 -->\\nc"
    >>> [(s.codes, t[s.start:s.end].strip(), s.reason) for s in find_suppressions(load_document(None, text=t))]
    [(['FC101'], 'b', 'quoted')]
    """
    text = document.text
    done: list[Suppression] = []
    open_: list[tuple[list[str], int, str | None, Span]] = []
    for m in _SUPPRESSION.finditer(text):
        parsed = _parse_body(m.group("body"))
        if parsed is None:
            continue
        codes, reason = parsed
        verb = m.group("verb").lower()
        span = Span(start=m.start(), end=m.end())
        if verb == "disable":
            open_.append((codes, m.end(), reason, span))
        elif verb == "disable-next-line":
            nl = text.find("\n", m.end())
            start = len(text) if nl < 0 else nl + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            done.append(Suppression(codes=codes, start=start, end=end, reason=reason, span=span))
        else:
            still_open = []
            for region_codes, start, region_reason, region_span in open_:
                closed = region_codes if "all" in codes else [c for c in region_codes if c in codes]
                kept = [c for c in region_codes if c not in closed]
                if closed:
                    done.append(Suppression(codes=closed, start=start, end=m.start(), reason=region_reason,
                                            span=region_span))
                if kept:
                    still_open.append((kept, start, region_reason, region_span))
            open_ = still_open
    for codes, start, reason, span in open_:
        done.append(Suppression(codes=codes, start=start, end=len(text), reason=reason, span=span))
    return sorted(done, key=lambda s: (s.span.start, s.codes))
