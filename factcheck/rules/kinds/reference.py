"""``reference``: figures must agree with a table of trusted facts (CSV or JSON).

Each row names an ``entity`` (a name or gazetteer id), a ``measure``, a
``value`` (a number, or text such as "more than 200 million" or "$5.576
million"), and optionally ``bound`` (exact, more_than, at_least, less_than,
at_most, approx, range with ``high``), ``unit``, ``date`` (2024-04-16,
2023-12, 2022 or 2023-01-01..2023-06-30), ``scope``, ``aggregate`` (``total``,
the default, or ``increment``), ``source`` and ``note``.
A figure about the same entity and measure, at a time that can be the
row's, is judged with :func:`factcheck.compare.compare`: a contradiction
(beyond ``tolerance``) is flagged; with ``hedges_widen: false`` so is a
figure the row's hedge excludes ("200 million" against "more than 200 million").

>>> row = FactRow.model_validate({"entity": "Ernie Bot", "measure": "users", "value": "more than 200 million",
...                               "date": "2024-04-16", "source": "Baidu"})
>>> q = row.quantity()
>>> q.bound.value, q.low, row.time().start.isoformat()
('more_than', Decimal('200000000'), '2024-04-16')
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import ValidationError, field_validator, model_validator

from factcheck.errors import RuleError
from factcheck.models import Bound, EntityRef, Finding, Granularity, Quantity, QuantityClaim, Relation, Span, TimeScope
from factcheck.rules.base import CheckContext
from factcheck.rules.kinds._common import COUNT, ClaimFilter, Origin, SpecBase, Strict, Tolerance, UserRule, resolve_entity
from factcheck.rules.kinds.contradiction import gap, interval

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


class FactRow(Strict):
    """One trusted fact."""

    entity: str
    measure: str
    value: str
    bound: Bound | None = None
    high: Decimal | None = None
    unit: str | None = None
    date: str | None = None
    scope: str | None = None
    aggregate: Literal["total", "increment"] = "total"
    source: str | None = None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _blanks(cls, data: Any) -> Any:
        if isinstance(data, dict):  # empty CSV cells mean "not given"
            return {k: v for k, v in data.items() if v is not None and v != ""}
        return data

    @field_validator("value", mode="before")
    @classmethod
    def _text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) else v

    @model_validator(mode="after")
    def _check(self) -> FactRow:
        self.quantity()
        self.time()
        return self

    def quantity(self) -> Quantity:
        """The fact as a quantity (the interval its words or its ``bound`` allow)."""
        try:
            v = Decimal(self.value.replace(",", ""))
            q = Quantity(value=v, low=v, high=v)
        except InvalidOperation:
            from factcheck.mentions.numbers import parse_quantity

            q = parse_quantity(self.value)
            if q is None:
                raise ValueError(f"cannot read the value {self.value!r} as a figure") from None
        unit = q.unit if self.unit is None else (None if self.unit == COUNT else self.unit)
        if self.bound is not None:
            q = _bounded(q.value, self.bound, self.high, q.precision)
        return q.model_copy(update={"unit": unit})

    def time(self) -> TimeScope:
        """When the fact holds; an unknown time when no date is given."""
        if not self.date:
            return TimeScope()
        first, _, last = self.date.partition("..")
        start, gran = _parse_date(first)
        end = _parse_date(last, end=True)[0] if last else _parse_date(first, end=True)[0]
        if start > end:
            raise ValueError(f"date range {self.date!r} ends before it starts")
        return TimeScope(start=start, end=end, granularity=Granularity.SPAN if last else gran, text=self.date)


def _bounded(v: Decimal, bound: Bound, high: Decimal | None, precision: Decimal | None) -> Quantity:
    from factcheck._data import load_toml

    if bound is Bound.RANGE:
        if high is None or high < v:
            raise ValueError("a range needs 'high' at or above 'value'")
        return Quantity(value=v, low=v, high=high, bound=bound, precision=precision)
    if bound in (Bound.MORE_THAN, Bound.AT_LEAST):
        return Quantity(value=v, low=v, high=None, bound=bound, precision=precision)
    if bound in (Bound.LESS_THAN, Bound.AT_MOST):
        return Quantity(value=v, low=None, high=v, bound=bound, precision=precision)
    if bound is Bound.APPROX:
        tol = abs(v) * Decimal(load_toml("numbers.toml")["tolerance"]["relative"])
        return Quantity(value=v, low=v - tol, high=v + tol, bound=bound, precision=precision)
    return Quantity(value=v, low=v, high=v, bound=bound, precision=precision)


def _parse_date(text: str, end: bool = False) -> tuple[date, Granularity]:
    import calendar

    m = _DATE.match(text)
    if not m:
        raise ValueError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD (or two joined by '..')")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d is not None:
        return date(y, int(mo), int(d)), Granularity.DAY
    if mo is not None:
        month = int(mo)
        return date(y, month, calendar.monthrange(y, month)[1] if end else 1), Granularity.MONTH
    return date(y, 12, 31) if end else date(y, 1, 1), Granularity.YEAR


def read_table(path: Path) -> list[tuple[FactRow, int]]:
    """Rows of a CSV or JSON fact table with their line numbers; a bad row raises RuleError."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read reference table: {exc}", path=str(path)) from None
    raw: list[tuple[Any, int]] = []
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RuleError(f"invalid JSON: {exc.msg}", path=str(path), line=exc.lineno) from None
        rows = data.get("facts") if isinstance(data, dict) else data
        if not isinstance(rows, list):
            raise RuleError("a JSON table is a list of rows (or {\"facts\": [...]})", path=str(path), line=1)
        starts = [m.start() for m in re.finditer(r"\{", text)]
        lines = [text.count("\n", 0, s) + 1 for s in starts[1 if isinstance(data, dict) else 0:]]
        raw = [(row, lines[i] if i < len(lines) else 1) for i, row in enumerate(rows)]
    else:
        reader = csv.DictReader(io.StringIO(text))
        known = set(FactRow.model_fields)
        unknown = [c for c in reader.fieldnames or [] if c not in known]
        if unknown:
            raise RuleError(f"unknown column {unknown[0]!r}; columns are {', '.join(FactRow.model_fields)}",
                            path=str(path), line=1)
        for row in reader:
            if any(v for v in row.values()):
                raw.append((row, reader.line_num))
    out = []
    for row, line in raw:
        try:
            out.append((FactRow.model_validate(row), line))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "row"
            msg = str(err["msg"]).removeprefix("Value error, ")
            raise RuleError(f"{where}: {msg}", path=str(path), line=line) from None
    return out


class ReferenceSpec(SpecBase, ClaimFilter):
    """The table (a path relative to the rule file), the tolerance and whether hedges widen."""

    FIELDS: ClassVar[frozenset[str]] = frozenset({"expected", "reference_date", "reference_source", "reference"})
    DEFAULT_MESSAGE: ClassVar[str] = "{subject} {measure}: {value} disagrees with the reference ({expected})"

    kind: Literal["reference"]
    table: str
    tolerance: Tolerance = Tolerance()
    hedges_widen: bool = True


class ReferenceRule(UserRule):
    """Flags figures that disagree with the trusted facts."""

    Spec = ReferenceSpec
    spec: ReferenceSpec

    def __init__(self, spec: ReferenceSpec, origin: Origin | None = None) -> None:
        super().__init__(spec, origin)
        table = Path(spec.table)
        self.table = table if table.is_absolute() else self.base_dir / table
        self.facts: dict[tuple[str, str], list[QuantityClaim]] = defaultdict(list)
        for row, line in read_table(self.table):
            fact = self._fact(row, line)
            self.facts[(fact.subject.id, row.measure)].append(fact)  # type: ignore[union-attr]

    def _fact(self, row: FactRow, line: int) -> QuantityClaim:
        from factcheck.lexicon import LEXICON

        entity = resolve_entity(row.entity)
        said = f"{row.entity} {row.measure}: {row.value}" + (f" ({row.date})" if row.date else "")
        return QuantityClaim(
            doc_id="reference", path=f"{self.table.name}:{line}", source=row.source, span=Span(start=0, end=0),
            text=row.value, sentence=said + (f" — {row.note}" if row.note else ""), sentence_span=Span(start=0, end=0),
            time=row.time(), attribution=row.source,
            subject=EntityRef(id=entity, name=row.entity, surface=row.entity), measure=row.measure,
            scope=row.scope, quantity=row.quantity(), cumulative=row.measure in LEXICON.cumulative,
            aggregate=row.aggregate,
        )

    def why_not(self, claim) -> str | None:
        why = super().why_not(claim)
        if why is None and isinstance(claim, QuantityClaim):
            who = claim.subject.id if claim.subject else None
            if (who or "", claim.measure or "") not in self.facts:
                return f"{self.table.name} has no fact for entity {who!r} and measure {claim.measure!r}"
        return why

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        from factcheck.compare import compare, describe, time_word

        for c in ctx.quantity_claims:
            if c.subject is None or not self.spec.selects(c) or not ctx.involves_draft((c,)):
                continue
            for fact in self.facts.get((c.subject.id, c.measure or ""), ()):
                comp = compare(c, fact)
                if not self._flagged(comp.relation, comp.detail, c, fact):
                    continue
                yield self.claim_finding(
                    [c], key=fact.path or "", explanation=comp.explanation, expected=describe(fact.quantity),
                    reference_date=time_word(fact.time), reference_source=fact.source or "",
                    reference=fact.sentence,
                )

    def _flagged(self, relation: Relation, detail: str | None, c: QuantityClaim, fact: QuantityClaim) -> bool:
        if relation is Relation.HEDGE_OR_ROUNDING and detail == "hedge_conflict":
            return not self.spec.hedges_widen
        if relation is not Relation.CONTRADICTION:
            return False
        if c.quantity.unit == fact.quantity.unit:
            g = gap(interval(c.quantity), interval(fact.quantity))
            return not self.spec.tolerance.allows(g, c.quantity.value, fact.quantity.value)
        return True
