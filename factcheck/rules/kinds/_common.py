"""What every user rule shares: the validated spec, examples, filters and messages.

A rule file is data; each kind (``range``, ``requires`` ...) is a pydantic
model for that data plus a :class:`UserRule` subclass that runs it. The
models forbid unknown keys, so a typo is an error that names its line.

>>> spec = SpecBase.model_validate({"code": "NEWS1", "name": "x", "kind": "range"})
>>> spec.severity.value, spec.examples.flag
('warning', [])
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from factcheck.models import Claim, Finding, QuantityClaim, RuleInfo, Severity
from factcheck.rules.base import Rule

# A user rule code: a letter, then letters, digits, "-" or "_" ("NEWS101", "HOUSE-7").
_CODE = re.compile(r"^[A-Z][A-Z0-9_-]{0,31}$")
#: Codes that begin with this belong to the built-in rules.
RESERVED_PREFIX = "FC"
#: Keys a mapping case may hold besides file names.
CASE_KEYS = frozenset({"text", "files", "published", "source", "matched", "name", "codes"})


class Strict(BaseModel):
    """A model that rejects unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class FileCase(Strict):
    """One document of a cross-source example: its text and metadata."""

    text: str
    published: date | None = None
    source: str | None = None


class Case(Strict):
    """One example: a text, or several named files (``a.md: ...``) for cross-source rules.

    Any key other than the known ones is a file name and must contain a dot,
    so ``{"a.md": "...", "b.md": "...", "published": "2024-01-29"}`` is two
    files published on one day.

    >>> Case.model_validate({"a.md": "One.", "b.md": "Two."}).documents()[1][0]
    'b.md'
    """

    text: str | None = None
    files: dict[str, str | FileCase] | None = None
    published: date | None = None
    source: str | None = None
    matched: str | None = None
    name: str | None = None
    codes: list[str] | None = None

    @model_validator(mode="before")
    @classmethod
    def _shape(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"text": data}
        if isinstance(data, Mapping):
            files = {k: v for k, v in data.items() if k not in CASE_KEYS and isinstance(k, str) and "." in k}
            if files:
                rest = {k: v for k, v in data.items() if k not in files}
                merged = dict(rest.get("files") or {})
                merged.update(files)
                return {**rest, "files": merged}
        return data

    @model_validator(mode="after")
    def _one_form(self) -> Case:
        if (self.text is None) == (not self.files):
            raise ValueError("an example needs either 'text' or file names mapped to texts (not both)")
        return self

    def documents(self, published: date | None = None) -> list[tuple[str, str, date | None, str | None]]:
        """``(label, text, published, source)`` for each document of the example."""
        when = self.published or published
        if self.text is not None:
            return [("example.txt", self.text, when, self.source)]
        out = []
        for label, value in (self.files or {}).items():
            if isinstance(value, FileCase):
                out.append((label, value.text, value.published or when, value.source or self.source))
            else:
                out.append((label, value, when, self.source))
        return out


class Examples(Strict):
    """Texts a rule must flag and texts it must pass; they are the rule's tests."""

    flag: list[Case] = []
    pass_: list[Case] = Field(default=[], alias="pass")
    published: date | None = None


class SpecBase(Strict):
    """Fields every rule has, whatever its kind."""

    #: Placeholders a message template may use (extended by each kind).
    FIELDS: ClassVar[frozenset[str]] = frozenset()
    DEFAULT_MESSAGE: ClassVar[str] = "{text}: {subject} {measure}"

    code: str
    name: str = Field(min_length=1)
    kind: str
    severity: Severity = Severity.WARNING
    message: str | None = None
    description: str = ""
    examples: Examples = Examples()

    @field_validator("code")
    @classmethod
    def _code(cls, code: str) -> str:
        if not _CODE.match(code):
            raise ValueError(f"{code!r} is not a rule code: use capitals and digits, like 'NEWS101'")
        if code.startswith(RESERVED_PREFIX):
            raise ValueError(f"codes starting with {RESERVED_PREFIX!r} are reserved for built-in rules")
        return code

    @field_validator("message")
    @classmethod
    def _template(cls, message: str | None) -> str | None:
        if message is not None:
            check_template(message, cls.FIELDS | CLAIM_FIELDS)
        return message

    def template(self) -> str:
        """The message template (the kind's default when none is given)."""
        return self.message or self.DEFAULT_MESSAGE


# -- message templates -----------------------------------------------------------------

#: Placeholders every claim-based message may use.
CLAIM_FIELDS = frozenset({
    "subject", "surface", "entity", "measure", "measure_key", "counted", "scope", "text", "value", "number",
    "low", "high", "bound", "unit", "time", "date", "attribution", "source", "path", "sentence", "code", "name",
})


def check_template(template: str, allowed: Iterable[str]) -> None:
    """Reject placeholders that are unknown or reach into objects (``{a.b}``, ``{a[0]}``).

    >>> check_template("{subject} has {value}", {"subject", "value"})
    >>> check_template("{subject.__class__}", {"subject"})
    Traceback (most recent call last):
    ...
    ValueError: placeholder '{subject.__class__}' may not use '.' or '[': write '{subject}'
    """
    allowed = set(allowed)
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"message is not a valid template: {exc} (write '{{{{' for a literal brace)") from None
    for _, field, spec, _ in parts:
        if field is None:
            continue
        if not field:
            raise ValueError("empty placeholder '{}' in message: name a field, like '{subject}'")
        base = re.split(r"[.\[]", field, maxsplit=1)[0]
        if base != field:
            raise ValueError(f"placeholder '{{{field}}}' may not use '.' or '[': write '{{{base}}}'")
        if field not in allowed:
            close = difflib.get_close_matches(field, sorted(allowed), n=1)
            hint = f" (did you mean '{{{close[0]}}}'?)" if close else ""
            raise ValueError(f"unknown placeholder '{{{field}}}' in message{hint}; "
                             f"known: {', '.join(sorted(allowed))}")
        if spec and ("{" in spec or "}" in spec):
            raise ValueError(f"placeholder '{{{field}}}' may not nest placeholders in its format")
    try:  # format specs such as {text:>10} must work on text
        template.format_map({k: "x" for k in allowed})
    except (ValueError, TypeError) as exc:
        raise ValueError(f"message cannot be formatted: {exc}") from None


class _Fields(dict):
    """Placeholders with no value become empty text rather than an error."""

    def __missing__(self, key: str) -> str:
        return ""


def render(template: str, values: Mapping[str, object]) -> str:
    """Fill a validated template; values are turned into text first.

    >>> render("{subject}: {value}", {"subject": "Ernie Bot", "value": 3})
    'Ernie Bot: 3'
    """
    return template.format_map(_Fields({k: "" if v is None else str(v) for k, v in values.items()}))


def claim_fields(claim: Claim) -> dict[str, object]:
    """The placeholders of one claim, as text.

    >>> from factcheck.documents import load_document
    >>> from factcheck.claims import extract_claims
    >>> doc = load_document(None, text="Ernie Bot has 200 million users.", published="2024-05-01")
    >>> f = claim_fields(extract_claims(doc)[0])
    >>> f["subject"], f["measure"], f["value"], f["date"]
    ('Ernie Bot', 'users', '200,000,000', '2024-05-01')
    """
    from factcheck.compare import _fmt, describe, time_word
    from factcheck.lexicon import LEXICON

    out: dict[str, object] = {
        "text": claim.text, "time": time_word(claim.time), "date": claim.time.start.isoformat() if claim.time.start else "",
        "attribution": claim.attribution or "", "source": claim.source or "", "path": claim.path or claim.doc_id,
        "sentence": claim.sentence,
    }
    if isinstance(claim, QuantityClaim):
        q = claim.quantity
        out.update(
            subject=claim.subject.name if claim.subject else "(unknown subject)",
            surface=claim.subject.surface if claim.subject else "",
            entity=claim.subject.id if claim.subject else "",
            measure=LEXICON.label(claim.measure) if claim.measure else "figure",
            measure_key=claim.measure or "", counted=claim.counted or "", scope=claim.scope or "",
            value=describe(q), number=_fmt(q.value), low=_fmt(q.low) if q.low is not None else "",
            high=_fmt(q.high) if q.high is not None else "", bound=q.bound.value, unit=q.unit or "",
        )
    return out


# -- selecting claims ----------------------------------------------------------------

#: ``units:`` value that stands for a plain count (a figure with no unit).
COUNT = "count"


class ClaimFilter(Strict):
    """Which figures a rule looks at: by measure, unit and entity (empty lists: any).

    ``measure:``/``unit:``/``entity:`` are shorthands for one-item lists.
    """

    measures: list[str] = []
    units: list[str] = []
    entities: list[str] = []

    @model_validator(mode="before")
    @classmethod
    def _singular(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            data = dict(data)
            for one, many in (("measure", "measures"), ("unit", "units"), ("entity", "entities")):
                if one in data and many not in data:
                    value = data.pop(one)
                    data[many] = value if isinstance(value, list) else [value]
        return data

    @field_validator("measures")
    @classmethod
    def _known_measures(cls, measures: list[str]) -> list[str]:
        from factcheck.lexicon import LEXICON

        known = set(LEXICON.measures["measure"])
        for m in measures:
            if m not in known:
                close = difflib.get_close_matches(m, sorted(known), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ValueError(f"unknown measure {m!r}{hint}; measures are listed in factcheck/data/measures.toml")
        return measures

    @field_validator("units")
    @classmethod
    def _known_units(cls, units: list[str]) -> list[str]:
        known = known_units()
        for u in units:
            if u not in known:
                close = difflib.get_close_matches(u, sorted(known), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ValueError(f"unknown unit {u!r}{hint}; use an ISO currency code (USD), percent, "
                                 f"percentage_points, times, a duration (days) or {COUNT!r} for plain counts")
        return units

    def why_not(self, claim: Claim) -> str | None:
        """Why the rule skips ``claim`` (None when it looks at it)."""
        if not isinstance(claim, QuantityClaim):
            return "not a figure"
        if self.measures and claim.measure not in self.measures:
            what = f"is {claim.measure!r}" if claim.measure else "was not recognised"
            return f"its measure {what}; the rule looks at {', '.join(self.measures)}"
        unit = claim.quantity.unit or COUNT
        if self.units and unit not in self.units:
            return f"its unit is {unit!r}; the rule looks at {', '.join(self.units)}"
        if self.entities and (claim.subject is None or not _entity_listed(claim.subject.id, self.entities)):
            who = claim.subject.id if claim.subject else None
            return f"its subject is {who!r}; the rule looks at {', '.join(self.entities)}"
        return None

    def selects(self, claim: Claim) -> bool:
        """Whether the rule looks at ``claim``."""
        return self.why_not(claim) is None


def known_units() -> frozenset[str]:
    """Every unit a figure can have: currency codes, percent, durations, times, power/energy and ``count``.

    >>> {"USD", "percent", "days", "GW", "count"} <= known_units()
    True
    """
    from factcheck._data import load_toml

    numbers = load_toml("numbers.toml")
    out = {COUNT, "percent", "percentage_points", "times"}
    out |= set(load_toml("currencies.toml")["per_usd"]) | set(numbers["currency"]["codes"].values())
    out |= set(numbers["units"]["durations"].values())
    out |= set(numbers["units"]["physical_symbols"].values())
    return frozenset(out)


def _entity_listed(entity_id: str, names: Sequence[str]) -> bool:
    return any(resolve_entity(n) == entity_id for n in names)


#: The gazetteer user rules resolve names with: the run's (with ``--aliases``), else the default.
_ACTIVE_GAZETTEER: ContextVar[Any] = ContextVar("factcheck_active_gazetteer", default=None)


@contextmanager
def using_gazetteer(gazetteer: Any) -> Iterator[None]:
    """Within the block, user rules resolve entity names with ``gazetteer`` (None: the default).

    The CLI loads and runs rules inside this block, so a rule that names "Li Yanhong" matches the claims of
    a person the user's aliases file lists under another name.
    """
    token = _ACTIVE_GAZETTEER.set(gazetteer)
    try:
        yield
    finally:
        _ACTIVE_GAZETTEER.reset(token)


def active_gazetteer() -> Any:
    """The gazetteer set by :func:`using_gazetteer`, else the default one."""
    from factcheck.mentions.entities import Gazetteer

    return _ACTIVE_GAZETTEER.get() or Gazetteer.default()


def resolve_entity(name: str) -> str:
    """An entity id from an id or a name ("Ernie Bot" -> "ernie_bot"), with the active gazetteer.

    >>> resolve_entity("ERNIE Bot"), resolve_entity("ernie_bot")
    ('ernie_bot', 'ernie_bot')
    """
    gaz = active_gazetteer()
    if name in gaz.entities:
        return name
    return gaz.resolve(name).id


class Tolerance(Strict):
    """How far two figures may differ and still agree: ``relative`` (0.05 = 5 %) plus ``absolute``."""

    relative: Decimal = Field(default=Decimal(0), ge=0)
    absolute: Decimal = Field(default=Decimal(0), ge=0)

    def allows(self, gap: Decimal, a: Decimal, b: Decimal) -> bool:
        """Whether a gap between two figures of sizes ``a`` and ``b`` is tolerated.

        >>> Tolerance(relative=Decimal("0.1")).allows(Decimal(5), Decimal(100), Decimal(95))
        True
        """
        return gap <= self.absolute + self.relative * max(abs(a), abs(b))


# -- the rule -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    """Where a rule was written: file and line."""

    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.path and self.line:
            return f"{self.path}:{self.line}"
        return self.path or "(in code)"


class UserRule(Rule):
    """A rule built from a validated spec; subclasses implement :meth:`check`."""

    Spec: ClassVar[type[SpecBase]]

    def __init__(self, spec: SpecBase, origin: Origin | None = None) -> None:
        self.spec = spec
        self.origin = origin or Origin()
        self.base_dir = Path(self.origin.path).parent if self.origin.path else Path.cwd()
        #: Line of each example, by ("flag" | "pass", index), filled in by the loader.
        self.example_lines: dict[tuple[str, int], int | None] = {}
        flat = " ".join(spec.description.split())
        summary = (flat.split(". ", 1)[0].rstrip(".") + ".") if flat else spec.name
        first = spec.examples.flag[0] if spec.examples.flag else None
        example = (first.text or "") if first else ""
        self.info = RuleInfo(  # type: ignore[misc] - an instance attribute is fine for user rules
            code=spec.code, name=spec.name, severity=spec.severity, summary=summary,
            description=f"{spec.description.strip()}\n(rule file: {self.origin})".strip(), example=example,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.spec.code} from {self.origin}>"

    def why_not(self, claim: Claim) -> str | None:
        """Why this rule skips ``claim``; None when it looks at it (used to explain failing examples)."""
        if isinstance(self.spec, ClaimFilter):
            return self.spec.why_not(claim)
        return None

    def message(self, claim: Claim | None, **extra: object) -> str:
        """The rule's message for a claim, with kind-specific placeholders."""
        values: dict[str, object] = dict(claim_fields(claim)) if claim is not None else {}
        values.update(code=self.spec.code, name=self.spec.name)
        values.update(extra)
        return render(self.spec.template(), values)

    def claim_finding(self, claims: Sequence[Claim], *, key: str = "", explanation: str = "", **extra: object) -> Finding:
        """A finding about ``claims`` (the first one is where it is reported)."""
        return self.finding(self.message(claims[0] if claims else None, **extra), claims,
                            explanation=explanation, key=key)
