"""Hypothesis strategies for figures, their surface forms and claims about them.

* :func:`quantities` -- valid :class:`~factcheck.models.Quantity` records;
* :func:`quantity_texts` -- ``(text, Quantity)``: one value written in many
  ways ("5,576,000", "5.576 million", "$5.576m", "US$5.576 million", "5.576
  million US dollars", "about 12 per cent") with the quantity the parser must
  read from it (value, interval, bound, unit and rounding precision);
* :func:`claims` -- :class:`~factcheck.models.QuantityClaim` records whose
  text and quantity agree;
* :func:`restatements` -- two claims telling one fact in other words, units,
  roundings or hedges: they must never compare as a contradiction;
* :func:`contradicting_pairs` -- two claims that cannot both be true.

Installing factcheck registers them with hypothesis (entry point
``hypothesis``), so ``st.from_type(QuantityClaim)`` draws claims.

This module is imported when hypothesis starts, so it imports only the
models at the top and builds strategies lazily.

>>> from decimal import Decimal
>>> text, q = Figure("5.576", 6, "USD").render("symbol")
>>> text, q.value, q.unit, int(q.precision)
('$5.576m', Decimal('5576000'), 'USD', 1000)
>>> Figure("12.5", 0, "percent", Bound.APPROX).render("digits")[0]
'about 12.5%'

"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from factcheck.models import Bound, EntityRef, Granularity, Quantity, QuantityClaim, Span, TimeScope

__all__ = ["Figure", "claims", "contradicting_pairs", "quantities", "quantity_texts", "restatements"]

# Scale exponents and how each may be written after the digits.
_SCALE_WORDS = {3: "thousand", 6: "million", 9: "billion"}
_SUFFIXES = {3: ["k", " k"], 6: ["mn", " mn"], 9: ["bn", " bn"]}
_MONEY_SUFFIXES = {6: ["m", "M"], 9: ["bn", "b"]}
# How each unit may be written: before the figure, after it.
_UNIT_FORMS: dict[str | None, list[tuple[str, str]]] = {
    None: [("", "")],
    "USD": [("$", ""), ("US$", ""), ("USD ", ""), ("", " US dollars"), ("", " dollars")],
    "CNY": [("¥", ""), ("RMB ", ""), ("", " yuan")],
    "EUR": [("€", ""), ("", " euros")],
    "GBP": [("£", ""), ("", " pounds")],
    "percent": [("", "%"), ("", " per cent"), ("", " percent")],
}
# Hedge words and the bound each gives.
_HEDGES: dict[Bound, list[str]] = {
    Bound.EXACT: [""],
    Bound.MORE_THAN: ["more than ", "over "],
    Bound.AT_LEAST: ["at least "],
    Bound.APPROX: ["about ", "around "],
    Bound.AT_MOST: ["up to ", "no more than "],
    Bound.LESS_THAN: ["less than "],
}
#: Styles a figure can be written in (see :meth:`Figure.render`).
STYLES = ("digits", "plain", "word", "suffix", "symbol")


def _precision(mantissa: str, scale: int) -> Decimal:
    """The step of the last significant digit as written ("5.50" -> 0.01; "200" -> 100)."""
    if "." in mantissa:
        return Decimal(1).scaleb(scale - len(mantissa.split(".")[1]))
    digits = mantissa.lstrip("0") or "0"
    zeros = len(digits) - len(digits.rstrip("0"))
    return Decimal(1).scaleb(scale + zeros)


def _with_commas(mantissa: str) -> str:
    whole, _, frac = mantissa.partition(".")
    grouped = f"{int(whole):,}"
    return f"{grouped}.{frac}" if frac else grouped


@dataclass(frozen=True)
class Figure:
    """A figure as an editor might write it: mantissa text, scale, unit and hedge.

    ``Figure("5.576", 6, "USD")`` is $5.576 million; :meth:`render` writes it
    in one style and says which quantity the parser must read.
    """

    mantissa: str
    scale: int = 0
    unit: str | None = None
    bound: Bound = Bound.EXACT
    hedge_word: int = 0  # which spelling of the hedge
    unit_form: int = 0  # which spelling of the unit

    @property
    def value(self) -> Decimal:
        """The figure in base units."""
        return Decimal(format(Decimal(self.mantissa).scaleb(self.scale), "f"))

    def quantity(self, style: str) -> Quantity:
        """The quantity the words mean, written in ``style``."""
        from factcheck._data import load_toml

        v = self.value
        if style in ("digits", "plain"):
            precision = _precision(_digits_of(v), 0)
        else:
            precision = _precision(self.mantissa, self.scale)
        low: Decimal | None = v
        high: Decimal | None = v
        if self.bound in (Bound.MORE_THAN, Bound.AT_LEAST):
            high = None
        elif self.bound in (Bound.AT_MOST, Bound.LESS_THAN):
            low = None if self.unit == "percent" else Decimal(0)
        elif self.bound is Bound.APPROX:
            tol = max(abs(v) * Decimal(load_toml("numbers.toml")["tolerance"]["relative"]), precision / 2)
            low, high = v - tol, v + tol
        return Quantity(value=v, low=low, high=high, bound=self.bound, unit=self.unit, precision=precision)

    def styles(self) -> list[str]:
        """The styles this figure can be written in."""
        out = ["digits"]
        # A bare four-digit integer could be a year; with a unit or a hedge it cannot.
        if not (self.unit is None and self.bound is Bound.EXACT and Decimal(1000) <= self.value <= Decimal(2100)):
            out.append("plain")
        if self.scale:
            out.append("word")
            if not (self.scale == 3 and self.unit is not None):
                out.append("suffix")
            if self.unit in ("USD", "CNY", "EUR", "GBP") and self.scale in _MONEY_SUFFIXES:
                out.append("symbol")
        return out

    def render(self, style: str) -> tuple[str, Quantity]:
        """``(text, quantity)`` in one style: digits ("5,576,000"), plain ("5576000"),
        word ("5.576 million"), suffix ("5.576mn") or symbol ("$5.576m")."""
        prefix, suffix = _UNIT_FORMS[self.unit][self.unit_form % len(_UNIT_FORMS[self.unit])]
        if style == "symbol":
            prefix, suffix = {"USD": ("$", ""), "CNY": ("¥", ""), "EUR": ("€", ""), "GBP": ("£", "")}[self.unit or "USD"]
        if style == "digits":
            number = _with_commas(_digits_of(self.value))
        elif style == "plain":
            number = _digits_of(self.value)
        elif style == "word":
            number = f"{self.mantissa} {_SCALE_WORDS[self.scale]}"
        elif style == "suffix":
            number = self.mantissa + _SUFFIXES[self.scale][self.hedge_word % 2]
        elif style == "symbol":
            number = self.mantissa + _MONEY_SUFFIXES[self.scale][self.hedge_word % 2]
        else:
            raise ValueError(f"unknown style {style!r}")
        hedges = _HEDGES[self.bound]
        text = f"{hedges[self.hedge_word % len(hedges)]}{prefix}{number}{suffix}"
        return text, self.quantity(style)


def _digits_of(v: Decimal) -> str:
    """A value's digits in full, no exponent ("5576000", "12.5")."""
    text = format(v, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") if v == v.to_integral_value() else text
    return text


# -- strategies ------------------------------------------------------------------------------------


def _st():
    from hypothesis import strategies as st

    return st


def mantissas(max_decimals: int = 3):
    """Mantissa texts: 1-999 with up to ``max_decimals`` written decimals ("5.576", "12.50", "200")."""
    st = _st()
    return st.builds(
        lambda whole, frac: f"{whole}.{frac}" if frac else str(whole),
        st.integers(1, 999),
        st.text("0123456789", min_size=0, max_size=max_decimals),
    )


def figures(units: tuple[str | None, ...] = (None, "USD", "CNY", "EUR", "GBP", "percent"),
            bounds: tuple[Bound, ...] = tuple(_HEDGES)):
    """Figures with a unit from ``units`` and a bound from ``bounds``."""
    st = _st()

    def build(mantissa: str, scale: int, unit: str | None, bound: Bound, hw: int, uf: int) -> Figure:
        if unit == "percent":
            scale = 0
        return Figure(mantissa, scale, unit, bound, hw, uf)

    return st.builds(build, mantissas(), st.sampled_from([0, 3, 6, 9]), st.sampled_from(units),
                     st.sampled_from(bounds), st.integers(0, 4), st.integers(0, 4))


def quantity_texts(units: tuple[str | None, ...] = (None, "USD", "CNY", "EUR", "GBP", "percent"),
                   bounds: tuple[Bound, ...] = tuple(_HEDGES)):
    """``(text, Quantity)``: a figure in one of many surface forms, and what it means."""
    st = _st()
    return figures(units, bounds).flatmap(lambda f: st.sampled_from(f.styles()).map(f.render))


def quantities(units: tuple[str | None, ...] = (None, "USD", "CNY", "EUR", "GBP", "percent"),
               bounds: tuple[Bound, ...] = tuple(_HEDGES)):
    """Valid quantities (the meaning of a figure as written)."""
    return quantity_texts(units, bounds).map(lambda pair: pair[1])


# Subjects and the measures that suit each unit.
_SUBJECTS = [("ernie_bot", "Ernie Bot"), ("deepseek", "DeepSeek"), ("china", "China"), ("baidu", "Baidu"),
             ("moonshot", "Moonshot")]
_MEASURES = {None: [("users", "users"), ("llms", "LLMs"), ("downloads", "downloads")],
             "percent": [("share", "market share")], "USD": [("revenue", "in revenue"), ("valuation", "valuation")],
             "CNY": [("revenue", "in revenue")], "EUR": [("revenue", "in revenue")], "GBP": [("revenue", "in revenue")]}


def times():
    """Times a figure may refer to: a day, a month or a year between 2020 and 2025."""
    st = _st()

    def build(day: date, gran: Granularity) -> TimeScope:
        if gran is Granularity.DAY:
            return TimeScope(start=day, end=day, granularity=gran, text=day.isoformat())
        if gran is Granularity.MONTH:
            nxt = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
            return TimeScope(start=day.replace(day=1), end=nxt - timedelta(days=1), granularity=gran,
                             text=day.strftime("%B %Y"))
        return TimeScope(start=date(day.year, 1, 1), end=date(day.year, 12, 31), granularity=gran, text=str(day.year))

    return st.builds(build, st.dates(date(2020, 1, 1), date(2025, 12, 31)),
                     st.sampled_from([Granularity.DAY, Granularity.MONTH, Granularity.YEAR]))


def _claim(text: str, q: Quantity, subject: tuple[str, str], measure: tuple[str, str], when: TimeScope,
           doc: str = "doc-a") -> QuantityClaim:
    sentence = f"{subject[1]} reported {text} {measure[1]} in {when.text}."
    start = len(subject[1]) + len(" reported ")
    return QuantityClaim(
        doc_id=doc, path=f"{doc}.md", published=(when.end or date(2025, 1, 1)) + timedelta(days=7),
        span=Span(start=start, end=start + len(text)), text=text, sentence=sentence,
        sentence_span=Span(start=0, end=len(sentence)), time=when,
        subject=EntityRef(id=subject[0], name=subject[1], surface=subject[1]), measure=measure[0], counted=measure[1],
        quantity=q,
    )


def claims(units: tuple[str | None, ...] = (None, "USD", "percent")):
    """Quantity claims whose sentence, text and quantity agree."""
    st = _st()

    def build(pair: tuple[str, Quantity], subject: tuple[str, str], pick: int, when: TimeScope) -> QuantityClaim:
        text, q = pair
        options = _MEASURES[q.unit]
        return _claim(text, q, subject, options[pick % len(options)], when)

    return st.builds(build, quantity_texts(units), st.sampled_from(_SUBJECTS), st.integers(0, 5), times())


def _round(f: Figure, digits: int) -> Figure:
    """The figure rounded to ``digits`` significant digits (half up), written without padding."""
    v = Decimal(f.mantissa)
    step = Decimal(1).scaleb(v.adjusted() - digits + 1)
    r = (v / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return replace(f, mantissa=_digits_of(r.normalize()) if r >= 1 else format(r.normalize(), "f"))


def _significant(mantissa: str) -> int:
    return len(mantissa.replace(".", "").lstrip("0").rstrip("0") or "0") if "." not in mantissa else len(
        mantissa.replace(".", "").lstrip("0"))


def _pair(a: tuple[str, Quantity], b: tuple[str, Quantity], subject, measure_pick: int, when: TimeScope):
    options = _MEASURES[a[1].unit]
    measure = options[measure_pick % len(options)]
    return _claim(*a, subject, measure, when, "doc-a"), _claim(*b, subject, measure, when, "doc-b")


def restatements(units: tuple[str | None, ...] = (None, "USD", "CNY", "percent")):
    """Two claims telling one fact differently -- another surface form, a rounding to two or more
    significant digits, or a hedge that still holds ("more than" a lower figure, "about" it):
    they are the same entity, measure and time, and never contradict."""
    st = _st()

    @st.composite
    def draw(draw: Any) -> tuple[QuantityClaim, QuantityClaim]:
        fact = draw(figures(units, (Bound.EXACT,)))
        style_a = draw(st.sampled_from(fact.styles()))
        how = draw(st.sampled_from(["form", "round", "hedge"]))
        other = replace(fact, unit_form=draw(st.integers(0, 4)))
        if how == "round" and _significant(fact.mantissa) > 2:
            other = _round(other, draw(st.integers(2, _significant(fact.mantissa) - 1)))
        elif how == "hedge":
            kind = draw(st.sampled_from([Bound.APPROX, Bound.AT_LEAST, Bound.MORE_THAN, Bound.AT_MOST]))
            if kind in (Bound.MORE_THAN, Bound.AT_LEAST):
                lower = _round(other, 1)
                if Decimal(lower.mantissa) >= Decimal(fact.mantissa):
                    lower = replace(lower, mantissa=_digits_of((Decimal(lower.mantissa) / 2).normalize()))
                other = replace(lower, bound=kind)
            elif kind is Bound.AT_MOST:
                other = replace(other, bound=kind)
            else:
                other = replace(other, bound=kind)
        style_b = draw(st.sampled_from(other.styles()))
        return _pair(fact.render(style_a), other.render(style_b), draw(st.sampled_from(_SUBJECTS)),
                     draw(st.integers(0, 5)), draw(times()))

    return draw()


#: Ratios between two figures that no rounding or hedge can bridge.
_RATIOS = ["0.25", "0.4", "0.5", "0.6", "1.5", "2", "2.5", "3", "4", "10", "1000"]


def contradicting_pairs(units: tuple[str | None, ...] = (None, "USD", "CNY", "percent")):
    """Two claims about one entity, measure and time whose figures cannot both be true:
    values apart by a ratio from 0.25 to 1000, or a figure outside the other's hedge."""
    st = _st()

    @st.composite
    def draw(draw: Any) -> tuple[QuantityClaim, QuantityClaim]:
        fact = draw(figures(units, (Bound.EXACT, Bound.MORE_THAN, Bound.AT_MOST)))
        ratio = Decimal(draw(st.sampled_from(_RATIOS)))
        if fact.bound is Bound.MORE_THAN:
            ratio = min(ratio, Decimal("0.5"))  # below "more than X"
        elif fact.bound is Bound.AT_MOST:
            ratio = max(ratio, Decimal(2))  # above "up to X"
        if fact.unit == "percent":
            ratio = min(ratio, Decimal(4))
        value = Decimal(fact.mantissa) * ratio
        other = replace(fact, mantissa=_digits_of(value.normalize()) if value >= 1 else format(value.normalize(), "f"),
                        bound=Bound.EXACT, unit_form=draw(st.integers(0, 4)))
        return _pair(fact.render(draw(st.sampled_from(fact.styles()))), other.render(draw(st.sampled_from(other.styles()))),
                     draw(st.sampled_from(_SUBJECTS)), draw(st.integers(0, 5)), draw(times()))

    return draw()


def _hypothesis_setup_hook() -> None:
    """Register the strategies with hypothesis (run by hypothesis's entry point at import).

    Registration is lazy (a function of the type), and any failure is swallowed:
    a broken factcheck must never break hypothesis for the project using it.
    """
    try:
        from hypothesis import strategies as st

        st.register_type_strategy(QuantityClaim, lambda _t: claims())
        st.register_type_strategy(Quantity, lambda _t: quantities())
        st.register_type_strategy(TimeScope, lambda _t: times())
    except Exception:  # noqa: BLE001 # pragma: no cover - never break hypothesis itself
        pass
