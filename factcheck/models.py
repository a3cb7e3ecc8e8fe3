"""Typed, frozen records for every stage of the pipeline.

Document -> Sentence -> (NumberMention, TimeMention, EntityRef) -> Claim
-> Comparison -> Finding -> Report.

All offsets are 0-based, half-open, in Unicode code points of the text as read
from the file (``document.text[span.start:span.end]`` is the surface form).
Numeric values are :class:`~decimal.Decimal`, never binary floats; in JSON
they are written as numbers whose text is the exact decimal (``5.57``; a
string in the rare case a double cannot hold every digit), and
an unbounded side of an interval is ``null``.

>>> q = Quantity(value=Decimal("70"), low=Decimal("70"), high=None,
...              bound=Bound.MORE_THAN, unit=None, precision=Decimal("10"))
>>> q.contains(Decimal("71")), q.contains(Decimal("70"))
(True, False)
>>> Quantity.model_validate_json(q.model_dump_json()) == q
True
"""

from __future__ import annotations

import json
from datetime import date
from functools import cached_property
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Union

from pydantic_core import PydanticUndefined
from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, computed_field, model_serializer, model_validator


def _decimal_to_json(value: Decimal | None) -> int | float | str | None:
    """Exact JSON for a decimal: an int when integral, a float when its text round-trips, else a string."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    # Up to 15 significant digits a double holds exactly and JSON readers (pydantic's included) read
    # back the same; a 16th digit may come back changed ("662797974806707.2" -> "...707.3").
    if len(value.normalize().as_tuple().digits) <= 15:
        as_float = float(value)
        if Decimal(repr(as_float)) == value:
            return as_float
    return str(value)  # more digits than a double holds: keep them all, as text


#: A Decimal that serialises to an exact JSON number (a string only beyond 15-17 significant digits).
Num = Annotated[Decimal, PlainSerializer(_decimal_to_json, when_used="json")]


#: One shared "fields set" per shape of record (see :meth:`Record._share_fields_set`).
_FIELD_SETS: dict[frozenset[str], set[str]] = {}
#: Per record class: (plain defaults, default factories), for :meth:`Record.trusted`.
_TRUSTED: dict[type, tuple[dict[str, Any], dict[str, Any]]] = {}
#: Per record class: (plain defaults, default factories, field names, key-sharing defaults or None).
_TRUSTED_SPECS: dict[type, tuple[dict[str, Any], dict[str, Any], tuple[str, ...], dict[str, Any] | None]] = {}
#: The same shared sets, keyed by the tuple of field names given to :meth:`Record.trusted`.
_GIVEN: dict[tuple[str, ...], set[str]] = {}
_new_object = object.__new__
_setattr = object.__setattr__
# pydantic's slots, set through their descriptors (no attribute lookup by name per record).
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
#: Per record class: whether it has more than ``_SHARE_KEYS_ABOVE`` fields.
_MANY_FIELDS: dict[type, bool] = {}
#: Records with more fields than this keep them in a key-sharing dict (see :func:`_key_sharing`).
_SHARE_KEYS_ABOVE = 10


def _defaults(cls: type[BaseModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(plain defaults, default factories) of a record class, for records built without validation."""
    spec = _TRUSTED.get(cls)
    if spec is None:
        # Every field in declaration order (required ones as None until given), so dumps keep
        # the same key order as validated records.
        defaults = {n: (None if f.default is PydanticUndefined else f.default) for n, f in cls.model_fields.items()}
        factories = {n: f.default_factory for n, f in cls.model_fields.items() if f.default_factory is not None}
        spec = _TRUSTED[cls] = (defaults, factories)
    return spec


def _key_sharing(cls: type, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` as a dict that shares its keys with every other instance of ``cls``.

    pydantic gives each record a dict of its own keys: 832 bytes for the 22 fields of a
    QuantityClaim. CPython's key-sharing ("split") instance dicts keep one key table per class
    and only the values per instance (about 290 bytes whatever the count), but are made only
    when attributes are set one by one on an instance -- so they are set on a blank one here.
    Equality, hashing, copies and dumps see an ordinary dict. Small records gain nothing.
    """
    blank = cls.__new__(cls)
    for name, value in values.items():
        object.__setattr__(blank, name, value)
    return blank.__dict__


class Record(BaseModel):
    """Base of every record: frozen, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="after")
    def _share_fields_set(self) -> Record:
        # pydantic keeps a set of the fields given for every instance: about 700 bytes, half of a
        # small record. Frozen records never change theirs (copies get their own), so records of one
        # shape can share one set -- a million claims then fit in far less memory.
        given = self.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault(frozenset(given), given)
        if shared is not given:
            object.__setattr__(self, "__pydantic_fields_set__", shared)
        cls = type(self)
        many = _MANY_FIELDS.get(cls)
        if many is None:  # (reading model_fields is slow: asked once per class)
            many = _MANY_FIELDS[cls] = len(cls.model_fields) > _SHARE_KEYS_ABOVE
        if many:
            object.__setattr__(self, "__dict__", _key_sharing(cls, self.__dict__))
        return self

    @classmethod
    def trusted(cls, **values: Any):
        """Build a record from already-validated parts without validating again (hot paths only).

        >>> Span.trusted(start=1, end=2) == Span(start=1, end=2)
        True
        """
        defaults, factories, order, template = _TRUSTED_SPECS.get(cls) or _trusted_spec(cls)
        names = tuple(values)
        if template is not None:
            # Many fields: a copy of a key-sharing dict of the defaults stays key-sharing when given
            # values replace its entries (and keeps declaration order); no attribute is set one by one.
            data = template.copy()
            if factories:
                for name, factory in factories.items():
                    if name not in values:
                        data[name] = factory()
            data.update(values)
        elif names == order:
            data = values  # every field, in declaration order (Span, Sentence): the keyword dict is ours
        elif factories:
            data = defaults.copy()
            for name, factory in factories.items():
                if name not in values:
                    data[name] = factory()
            data.update(values)
        else:
            data = {**defaults, **values}
        # What model_construct does, without walking every field on every call.
        obj = _new_object(cls)
        _setattr(obj, "__dict__", data)
        _set_fields_set(obj, _GIVEN.get(names) or _given(names))
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj


def _given(names: tuple[str, ...]) -> set[str]:
    """The shared "fields set" for these field names, remembered by their tuple: no set is built per record."""
    given = _GIVEN[names] = _FIELD_SETS.setdefault(frozenset(names), set(names))
    return given


def _trusted_spec(cls: type[BaseModel]) -> tuple[dict[str, Any], dict[str, Any], tuple[str, ...], dict | None]:
    """(plain defaults, default factories, field names in declaration order, key-sharing dict of the
    defaults or None) of a record class, for :meth:`Record.trusted`."""
    defaults, factories = _defaults(cls)
    # (a factory's value is made anew per record, so the template holds the plain default None there)
    template = _key_sharing(cls, defaults) if len(defaults) > _SHARE_KEYS_ABOVE else None
    spec = _TRUSTED_SPECS[cls] = (defaults, factories, tuple(defaults), template)
    return spec


class Deferred(Record):
    """A record some of whose fields may be filled in on first read (findings, comparisons).

    A check makes a million comparisons and findings whose text is mostly never read.
    :meth:`deferred` builds one without those fields: it keeps ``(function, *args)`` under the
    ``_fill`` key of the instance dict (as :func:`functools.cached_property` keeps its values)
    and ``function(*args)`` returns the missing fields, once, when any of them is read,
    compared, printed, pickled or dumped. Seen from outside the record is a plain record.
    """

    @classmethod
    def deferred(cls, fill: tuple[Any, ...], later: tuple[str, ...], **values: Any):
        """Like :meth:`Record.trusted`, with the fields ``later`` filled by ``fill[0](*fill[1:])``.

        >>> f = Finding.deferred((dict, [("message", "late")]), ("message",), code="X1", name="x",
        ...                      severity=Severity.INFO)
        >>> f.message, f == Finding(code="X1", name="x", severity="info", message="late")
        ('late', True)
        """
        defaults, factories = _defaults(cls)
        # Sized for what it holds: a dict that had its full fields once keeps its larger table.
        data = {n: v for n, v in defaults.items() if n not in later}
        for name, factory in factories.items():
            if name not in values and name not in later:
                data[name] = factory()
        data.update(values)
        data["_fill"] = fill
        obj = cls.__new__(cls)
        object.__setattr__(obj, "__dict__", data)
        given = frozenset(values).union(later)
        object.__setattr__(obj, "__pydantic_fields_set__", _FIELD_SETS.setdefault(given, set(given)))
        object.__setattr__(obj, "__pydantic_extra__", None)
        object.__setattr__(obj, "__pydantic_private__", None)
        return obj

    def _complete(self) -> None:
        data = self.__dict__
        fill = data.get("_fill")
        if fill is None:
            return
        values = fill[0](*fill[1:])
        # Rebuilt in field order, as dumps follow the dict's order; a model_copy(update=...) made
        # before filling keeps its values, and other keys (cached properties) stay.
        full = {n: data[n] if n in data else values[n] for n in type(self).model_fields}
        for name, value in data.items():
            if name != "_fill" and name not in full:
                full[name] = value
        object.__setattr__(self, "__dict__", full)

    def __getattr__(self, name: str) -> Any:
        if "_fill" in self.__dict__ and name in type(self).model_fields:
            self._complete()
            return self.__dict__[name]  # a new dict: _complete replaces it
        return super().__getattr__(name)

    # Everything pydantic does with the instance dict sees it complete.
    def __eq__(self, other: object) -> bool:
        self._complete()
        if isinstance(other, Deferred):
            other._complete()
        return super().__eq__(other)

    __hash__ = Record.__hash__

    def __repr_args__(self):
        self._complete()
        return super().__repr_args__()

    def __iter__(self):
        self._complete()
        return super().__iter__()

    def __getstate__(self) -> dict[Any, Any]:
        self._complete()
        return super().__getstate__()

    # No return annotation on purpose: with none, pydantic keeps the record's own JSON Schema.
    @model_serializer(mode="wrap")
    def _complete_before_dump(self, handler):  # noqa: ANN202
        self._complete()
        return handler(self)


class Span(Record):
    """A half-open ``[start, end)`` range of code points in a document's text.

    >>> Span(start=3, end=8).slice("0123456789")
    '34567'
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self

    def slice(self, text: str) -> str:
        """The surface form this span covers in ``text``."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def shift(self, offset: int) -> Span:
        """The same span moved by ``offset`` code points."""
        return Span(start=self.start + offset, end=self.end + offset)


class Bound(str, Enum):
    """How the words bound a figure ("over 70" is MORE_THAN 70)."""

    EXACT = "exact"
    APPROX = "approx"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    RANGE = "range"


class Quantity(Record):
    """A figure as an interval of the values its words allow.

    ``value`` is the number as stated (the lower end for a range); ``low`` and
    ``high`` are the interval (``None`` for an unbounded side); ``precision`` is
    the step of the last stated significant digit in the quantity's own unit
    ("5.57 million" -> 10000, "200 million" -> 100000000, "1,328" -> 1), so a
    later stage can tell rounding from disagreement.
    """

    value: Num
    low: Num | None = None
    high: Num | None = None
    bound: Bound = Bound.EXACT
    unit: str | None = None
    precision: Num | None = None

    @model_validator(mode="after")
    def _interval(self) -> Quantity:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"interval low {self.low} is above high {self.high}")
        return self

    def contains(self, x: Decimal) -> bool:
        """Whether ``x`` is a value the words allow (strict for more/less than)."""
        if self.bound is Bound.MORE_THAN:
            return self.low is not None and x > self.low and (self.high is None or x <= self.high)
        if self.bound is Bound.LESS_THAN:
            return self.high is not None and x < self.high and (self.low is None or x >= self.low)
        lo_ok = self.low is None or x >= self.low
        hi_ok = self.high is None or x <= self.high
        return lo_ok and hi_ok


class Granularity(str, Enum):
    """How finely a time expression pins its time down."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    SPAN = "span"
    UNKNOWN = "unknown"


class TimeScope(Record):
    """The time a figure refers to, as a closed date interval.

    "in December" in a text published 2024-01-29 is 2023-12-01..2023-12-31 with
    ``anchored_on`` 2024-01-29. ``start``/``end`` are ``None`` where open or
    unresolved; ``resolved`` is False when a relative expression had no
    publication date to anchor on. ``as_of_publication`` marks a time taken
    from the publication date because the text gave none.
    """

    start: date | None = None
    end: date | None = None
    granularity: Granularity = Granularity.UNKNOWN
    text: str = ""
    anchored_on: date | None = None
    span: Span | None = None
    relative: bool = False
    resolved: bool = True
    as_of_publication: bool = False

    def overlaps(self, other: TimeScope) -> bool | None:
        """Whether two times can be the same time; None when either is unknown."""
        if (self.start is None and self.end is None) or (other.start is None and other.end is None):
            return None
        a0 = self.start or date.min
        a1 = self.end or date.max
        b0 = other.start or date.min
        b1 = other.end or date.max
        return a0 <= b1 and b0 <= a1


class NumberMention(Record):
    """A numeric expression found in text, with its parsed quantity.

    ``linked`` holds a conversion stated beside it ("5 billion yuan
    (US$687.6 million)": the yuan figure links to the dollar figure).
    ``hedge`` is the hedge word as written ("more than"), if any.
    """

    span: Span
    text: str
    quantity: Quantity
    hedge: str | None = None
    linked: NumberMention | None = None


class TimeMention(Record):
    """A time expression found in text, resolved to a :class:`TimeScope`."""

    span: Span
    text: str
    time: TimeScope


class EntityRef(Record):
    """A named entity as written and as resolved to a canonical id.

    ``method`` says how: exact (the canonical name), alias (a listed alias),
    fuzzy (rapidfuzz match, ``score`` 0-100) or unresolved (a capitalised span
    not in the gazetteer, id derived from its normalised text).
    """

    id: str
    name: str
    surface: str
    span: Span | None = None
    score: float = 100.0
    method: Literal["exact", "alias", "fuzzy", "unresolved"] = "exact"
    type: str | None = None


class Document(Record):
    """A loaded source: the text as read, the prose view and its metadata.

    ``prose`` has exactly the length of ``text``: markup is blanked out with
    spaces (block ends become newlines), so an offset into ``prose`` is the
    same offset into ``text`` and no separate source map is needed.
    """

    id: str
    path: str | None = None
    text: str
    prose: str
    format: Literal["text", "markdown", "html"] = "text"
    source: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None

    @model_validator(mode="after")
    def _same_length(self) -> Document:
        if len(self.prose) != len(self.text):
            raise ValueError("prose must have the same length as text")
        return self

    @property
    def label(self) -> str:
        """How reports name this document: its path, else its id."""
        return self.path or self.id


class Sentence(Record):
    """A sentence of a document; ``text`` is ``document.prose[span]``."""

    index: int
    span: Span
    text: str
    heading: bool = False


class ClaimBase(Record):
    """Fields every claim carries: where it is, which sentence, and its time."""

    doc_id: str
    path: str | None = None
    source: str | None = None
    published: date | None = None
    span: Span
    text: str
    sentence: str
    sentence_span: Span
    sentence_index: int = 0
    heading: bool = False
    time: TimeScope = Field(default_factory=TimeScope)
    attribution: str | None = None


class QuantityClaim(ClaimBase):
    """A figure with what it is about: subject, measure, scope, value, time, source.

    ``also`` holds the same figure in other units ("5 billion yuan
    (US$687.6 million)"); ``whole`` is what a percentage or share is a part of;
    ``aggregate`` says whether the figure is a running total or one batch of it.
    """

    kind: Literal["quantity"] = "quantity"
    subject: EntityRef | None = None
    measure: str | None = None
    counted: str | None = None
    scope: str | None = None
    quantity: Quantity
    also: tuple[Quantity, ...] = ()  # a tuple: frozen like the record, and the empty one is shared
    whole: str | None = None
    cumulative: bool = False
    aggregate: Literal["total", "increment"] | None = None


class RoleClaim(ClaimBase):
    """A person holds a role, possibly at an organisation ("Robin Li, CEO of Baidu")."""

    kind: Literal["role"] = "role"
    person: EntityRef
    role: str
    org: EntityRef | None = None


class EventClaim(ClaimBase):
    """Something happened to some entities at a time ("received approval at the end of August 2023")."""

    kind: Literal["event"] = "event"
    participants: list[EntityRef]
    event: str


class MembershipClaim(ClaimBase):
    """Entities are (or are not) among a group ("among the first companies to receive approvals")."""

    kind: Literal["membership"] = "membership"
    members: list[EntityRef]
    group: str
    negated: bool = False


class RoundClaim(ClaimBase):
    """A funding round and who led it ("a $1 billion Series B led by Alibaba").

    ``round`` is the round's canonical label ("series_b", "seed", "pre_ipo")
    when the text names one; ``amount`` is the money raised when stated.
    """

    kind: Literal["round"] = "round"
    company: EntityRef
    round: str | None = None
    amount: Quantity | None = None
    leads: list[EntityRef]


Claim = Annotated[
    Union[QuantityClaim, RoleClaim, EventClaim, MembershipClaim, RoundClaim], Field(discriminator="kind")
]


class Relation(str, Enum):
    """How two claims about the same thing relate."""

    CONTRADICTION = "contradiction"
    CONSISTENT = "consistent"
    CHANGE_OVER_TIME = "change_over_time"
    DIFFERENT_SCOPE = "different_scope"
    HEDGE_OR_ROUNDING = "hedge_or_rounding"
    INCOMPARABLE = "incomparable"


class Comparison(Deferred):
    """Two claims that share a key, and how they relate, explained.

    ``reason`` says in one sentence why the relation holds; ``explanation`` adds
    both sources, dates and quotes. ``ratio`` is the larger central value over
    the smaller, when both are known.
    ``detail`` refines the relation: ``scale_slip`` (a gap of a power of ten),
    ``hedge_conflict`` ("over 40" against exactly 40), ``currency`` (agree after
    conversion), ``falling`` (a cumulative count that fell), ``time_unknown``.
    """

    a: Claim
    b: Claim
    relation: Relation
    ratio: Num | None = None
    detail: str | None = None
    reason: str

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def explanation(self) -> str:
        """Both sources, dates and quotes, then :attr:`reason` -- built only when read."""
        from factcheck.compare import explain

        return explain(self.a, self.b, self.reason)


class Severity(str, Enum):
    """How serious a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Finding(Deferred):
    """A reportable result: a rule's code, severity, message and the claims behind it.

    ``fingerprint`` is stable across runs and edits that move text: it hashes
    the code, the keys and the values, never line numbers.
    """

    code: str
    name: str
    severity: Severity
    message: str
    explanation: str = ""
    relation: Relation | None = None
    claims: list[Claim] = Field(default_factory=list)
    fingerprint: str = ""
    path: str | None = None
    span: Span | None = None


class RuleInfo(Record):
    """What a rule is: its code, name, default severity and documentation.

    ``summary`` is one line (what it finds); ``description`` says why it
    matters; ``example`` shows text that triggers it.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    description: str = ""
    example: str = ""


class DocumentInfo(Record):
    """What a report says about each document it read."""

    id: str
    path: str | None = None
    source: str | None = None
    published: date | None = None
    title: str | None = None
    claims: int = 0


class Report(Record):
    """Everything one run found: documents, claims, findings and counts."""

    documents: list[DocumentInfo] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    stats: dict[str, Any] = Field(default_factory=dict)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Span,
    Quantity,
    TimeScope,
    NumberMention,
    TimeMention,
    EntityRef,
    Document,
    Sentence,
    QuantityClaim,
    RoleClaim,
    EventClaim,
    MembershipClaim,
    Comparison,
    Finding,
    RuleInfo,
    Report,
)


def json_schemas() -> dict[str, Any]:
    """JSON Schema of every record, keyed by model name.

    >>> "Quantity" in json_schemas()
    True
    """
    return {m.__name__: m.model_json_schema() for m in ALL_MODELS}


def dump_json_schemas() -> str:
    """All record schemas as one pretty JSON text."""
    return json.dumps(json_schemas(), indent=2, sort_keys=True)
