"""Recognise dates as written in letter headers and datelines; normalise them to ISO 8601.

The sources (letters of Lenin, Stalin, Trotsky, Maisky's diary; 1890s-1940s, in
English editions and archive transcriptions) write dates in many ways:
'March 27, 1926', '24 April 1922', '1934 Dec 31', '2/VI. 1918', '27.II. 08',
'between June 17 and 25, 1916', 'prior to November 26, 1916', 'early June 1916'.
Each recognised expression becomes a `DateValue` whose fields map one-to-one to
the TEI dating attributes (@when, @notBefore, @notAfter, @from, @to).

Guiding rule: never guess. Text that is not a date we understand, a date that
does not exist ('31 February 1926'), a year we would have to invent ('20/XII.'
without context) or a hedged date ('c. 1920') all give None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, NamedTuple

__all__ = ["PIVOT", "DateValue", "parse_date", "find_date", "two_digit_year"]

PIVOT = 60
"""Two-digit years >= PIVOT are 18yy, the rest 19yy (the sources span 1860-1959)."""


# --------------------------------------------------------------------------- value


@dataclass(frozen=True)
class DateValue:
    """A recognised date expression and its ISO 8601 values."""

    text: str
    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    from_: str | None = None
    to: str | None = None

    def tei_attributes(self) -> dict[str, str]:
        """Only the set values, keyed by TEI attribute name, ready for an element's attrib."""
        pairs = (
            ("when", self.when),
            ("notBefore", self.not_before),
            ("notAfter", self.not_after),
            ("from", self.from_),
            ("to", self.to),
        )
        return {name: value for name, value in pairs if value is not None}

    @property
    def sort_key(self) -> str | None:
        """Earliest ISO value known, so documents can be ordered chronologically."""
        for value in (self.when, self.from_, self.not_before, self.not_after):
            if value is not None:
                return value
        return None

    @property
    def year(self) -> int | None:
        """Year of `sort_key`, handy as context for later undated-year expressions."""
        key = self.sort_key
        return int(key[:4]) if key else None


def julian_to_gregorian(day: date) -> date:
    """The Gregorian date of a day given in the Julian calendar (Old Style, Russia to 1918).

    `day` holds the Julian year, month and day as numbers; the difference between the
    calendars grows by one day in each century year not divisible by 400.
    """
    century = day.year // 100 if day.month > 2 else (day.year - 1) // 100
    return day + timedelta(days=century - century // 4 - 2)


def has_month(value: DateValue) -> bool:
    """Is the date known at least to the month? A bare year in a title is not a dating."""
    return any(v and len(v) >= 7 for v in (value.when, value.not_before, value.not_after, value.from_, value.to))


def two_digit_year(yy: int) -> int:
    """Expand a two-digit year within the sources' century 1860-1959 ('08' -> 1908, '99' -> 1899)."""
    if not 0 <= yy <= 99:
        raise ValueError(f"not a two-digit year: {yy}")
    return 1800 + yy if yy >= PIVOT else 1900 + yy


# --------------------------------------------------------------------------- calendar points


class _Point(NamedTuple):
    """A date at year, month or day precision; parts may be missing before context is applied."""

    year: int | None
    month: int | None = None
    day: int | None = None


def _is_valid(p: _Point) -> bool:
    """True if the point names a real calendar year, month or day (leap years included)."""
    if p.year is None or not 1 <= p.year <= 9999:
        return False
    if p.month is None:
        return p.day is None
    if not 1 <= p.month <= 12:
        return False
    return p.day is None or 1 <= p.day <= calendar.monthrange(p.year, p.month)[1]


def _complete(p: _Point | None, year: int | None) -> _Point | None:
    """Fill a missing year from context; None if there is none or the date does not exist."""
    if p is None:
        return None
    if p.year is None:
        p = p._replace(year=year)
    return p if _is_valid(p) else None


def _iso(p: _Point) -> str:
    """ISO 8601 at the precision the point was written with."""
    text = f"{p.year:04d}"
    if p.month is not None:
        text += f"-{p.month:02d}"
        if p.day is not None:
            text += f"-{p.day:02d}"
    return text


def _shift(p: _Point, step: int) -> _Point:
    """Move by `step` units of the point's own precision ('before March 1916' -> February 1916)."""
    assert p.year is not None
    if p.day is not None and p.month is not None:
        d = date(p.year, p.month, p.day) + timedelta(days=step)
        return _Point(d.year, d.month, d.day)
    if p.month is not None:
        y, m0 = divmod(p.year * 12 + p.month - 1 + step, 12)
        return _Point(y, m0 + 1)
    return _Point(p.year + step)


def _earliest(p: _Point) -> date:
    """First day covered by the point, for ordering the ends of a range."""
    assert p.year is not None
    return date(p.year, p.month or 1, p.day or 1)


def _latest(p: _Point) -> date:
    """Last day covered by the point, for ordering the ends of a range."""
    assert p.year is not None
    month = p.month or 12
    return date(p.year, month, p.day or calendar.monthrange(p.year, month)[1])


# --------------------------------------------------------------------------- lexicon

_MONTH_NUMBERS: dict[str, int] = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
}
_MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_ROMAN_MONTHS: dict[str, int] = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6,
    "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12,
}


def _alternation(words: list[str]) -> str:
    """Longest first, so 'september' is tried before 'sept' and 'sep'."""
    return "|".join(sorted(words, key=len, reverse=True))


_H = r"[^\S\n]"  # horizontal whitespace: a date does not run across lines
_S = _H + "+"
_MONTH = (
    rf"(?:(?:{_alternation(list(_MONTH_NUMBERS))})\b"
    rf"|(?:{_alternation(list(_MONTH_ABBREVIATIONS))})\b\.?)"
)
_ROMAN = rf"(?-i:{_alternation(list(_ROMAN_MONTHS))})(?![A-Za-z])"
_YEAR = r"(?:1[7-9]|20)\d{2}"  # 1700-2099: the sources plus their modern editions
_YY = rf"(?:{_YEAR}|\d{{2}})(?!\d)"  # numeric and Roman-month forms may abbreviate the year
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_ORD = r"(?:st|nd|rd|th)?"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])(?!\d)"
_DASH = r"[-\u2013\u2014]"

# A point is a single calendar date as written. Group names: y year, yy year that may be
# two digits, m month name, r Roman month, n numeric month, d day.
_POINT_FORMS: dict[str, str] = {
    "iso": rf"(?P<y>{_YEAR})-(?P<n>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)",
    "year_month_day": rf"(?P<y>{_YEAR}){_S}(?P<m>{_MONTH}){_S}(?P<d>{_DAY})",
    "month_day_year": rf"(?P<m>{_MONTH}){_S}(?P<d>{_DAY}){_ORD}(?:,?{_S}(?P<y>{_YEAR}))?",
    "day_month_year": rf"(?P<d>{_DAY}){_ORD}(?:{_S}of)?{_S}(?P<m>{_MONTH})(?:,?{_S}(?P<y>{_YEAR}))?",
    "roman": rf"(?P<d>{_DAY})[/.](?P<r>{_ROMAN})(?:(?:\.{_H}*|{_S})(?P<yy>{_YY})|\.)?",
    "dotted": rf"(?P<d>{_DAY})\.(?P<n>{_MONTH_NUM})\.(?P<yy>{_YY})",
    "month_year": rf"(?P<m>{_MONTH}),?{_S}(?P<y>{_YEAR})",
    "year": rf"(?P<y>{_YEAR})",
    "month": rf"(?P<m>{_MONTH})",  # only as the first end of a range: 'between June and August 1916'
}
_POINT_REGEXES = {name: re.compile(pattern, re.I) for name, pattern in _POINT_FORMS.items()}


def _unnamed(pattern: str) -> str:
    """Drop group names so point patterns can be embedded twice in one range pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_POINT_ANY = "(?:" + "|".join(_unnamed(p) for p in _POINT_FORMS.values()) + ")"
_POINT = "(?:" + "|".join(_unnamed(p) for k, p in _POINT_FORMS.items() if k != "month") + ")"


def _month_number(groups: dict[str, str | None]) -> int | None:
    """Month from whichever notation the point used: name, Roman numeral or digits."""
    if groups.get("m"):
        name = str(groups["m"]).lower().rstrip(".")
        return _MONTH_NUMBERS.get(name) or _MONTH_ABBREVIATIONS[name]
    if groups.get("r"):
        return _ROMAN_MONTHS[str(groups["r"])]
    if groups.get("n"):
        return int(str(groups["n"]))
    return None


def _parse_point(text: str) -> _Point | None:
    """Decode one point as written; the year may still be missing."""
    for regex in _POINT_REGEXES.values():
        match = regex.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        year: int | None = None
        if groups.get("y"):
            year = int(groups["y"])
        elif groups.get("yy"):
            yy = groups["yy"]
            year = int(yy) if len(yy) == 4 else two_digit_year(int(yy))
        day = int(groups["d"]) if groups.get("d") else None
        return _Point(year, _month_number(groups), day)
    return None


# --------------------------------------------------------------------------- expressions


class _Context(NamedTuple):
    year: int | None
    month: int | None


_Fields = dict[str, str]
_Builder = Callable[[re.Match[str], _Context], _Fields | None]


def _build_single(match: re.Match[str], ctx: _Context) -> _Fields | None:
    """One date: @when."""
    point = _complete(_parse_point(match["a"]), ctx.year)
    return {"when": _iso(point)} if point else None


_QUALIFIERS: dict[str, tuple[str, int]] = {
    # phrase: (attribute, shift in units of the date's precision)
    "not later than": ("not_after", 0),
    "no later than": ("not_after", 0),
    "not after": ("not_after", 0),
    "not earlier than": ("not_before", 0),
    "no earlier than": ("not_before", 0),
    "not before": ("not_before", 0),
    "prior to": ("not_after", -1),
    "before": ("not_after", -1),
    "earlier than": ("not_after", -1),
    "after": ("not_before", 1),
    "later than": ("not_before", 1),
}
_QUALIFIER = _alternation([q.replace(" ", _S) for q in _QUALIFIERS])


def _build_qualified(match: re.Match[str], ctx: _Context) -> _Fields | None:
    """'before X' excludes X itself, so the bound is the previous day (month, year)."""
    point = _complete(_parse_point(match["a"]), ctx.year)
    if point is None:
        return None
    attribute, step = _QUALIFIERS[" ".join(match["q"].lower().split())]
    return {attribute: _iso(_shift(point, step))}


_PART_DAYS: dict[str, tuple[int, int | None]] = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
_PART = (
    rf"(?:the{_S})?(?:(?P<early>early|beginning{_S}of|start{_S}of)"
    rf"|(?P<mid>middle{_S}of|mid(?:-|{_S}))|(?P<late>late|end{_S}of)){_H}*"
)


def _build_part_of_month(match: re.Match[str], ctx: _Context) -> _Fields | None:
    """'early/mid/late June 1916': a window of days 1-10, 11-20, 21-end of month."""
    point = _complete(_parse_point(match["a"]), ctx.year)
    if point is None or point.month is None:
        return None
    part = next(name for name in _PART_DAYS if match[name])
    first, last = _PART_DAYS[part]
    last = last or calendar.monthrange(point.year or 0, point.month)[1]
    return {
        "not_before": _iso(point._replace(day=first)),
        "not_after": _iso(point._replace(day=last)),
    }


def _resolve_pair(a: _Point | None, b: _Point | None, ctx: _Context) -> tuple[_Point, _Point] | None:
    """Share the year written once ('June 17 and July 2, 1916'); reject ranges that run backwards."""
    if a is None or b is None:
        return None
    a_year = a.year if a.year is not None else b.year
    b_year = b.year if b.year is not None else a.year
    start = _complete(a._replace(year=a_year), ctx.year)
    end = _complete(b._replace(year=b_year), ctx.year)
    if start is None or end is None or _earliest(start) > _latest(end):
        return None
    return start, end


def _range_fields(kind: str, pair: tuple[_Point, _Point] | None) -> _Fields | None:
    """'between' is uncertainty (notBefore/notAfter); 'from ... to' is duration (from/to)."""
    if pair is None:
        return None
    names = ("not_before", "not_after") if kind == "window" else ("from_", "to")
    return {names[0]: _iso(pair[0]), names[1]: _iso(pair[1])}


def _range_builder(kind: str) -> _Builder:
    """Builder for two full points: 'between June 1916 and March 1917'."""

    def build(match: re.Match[str], ctx: _Context) -> _Fields | None:
        pair = _resolve_pair(_parse_point(match["a"]), _parse_point(match["b"]), ctx)
        return _range_fields(kind, pair)

    return build


def _shared_month_builder(kind: str) -> _Builder:
    """Builder for two days sharing one month: 'June 17 and 25, 1916', '17 to 25 June 1916'."""

    def build(match: re.Match[str], ctx: _Context) -> _Fields | None:
        year = int(match["y"]) if match["y"] else None
        month = _month_number(match.groupdict())
        start = _Point(year, month, int(match["d1"]))
        end = _Point(year, month, int(match["d2"]))
        return _range_fields(kind, _resolve_pair(start, end, ctx))

    return build


def _build_compact(match: re.Match[str], ctx: _Context) -> _Fields | None:
    """Archive identifiers such as '19380302'."""
    point = _Point(int(match["y"]), int(match["n"]), int(match["d"]))
    return {"when": _iso(point)} if _is_valid(point) else None


def _build_day_only(match: re.Match[str], ctx: _Context) -> _Fields | None:
    """'20th' inside a dated sequence: only meaningful with month and year from context."""
    if ctx.month is None:
        return None
    point = _complete(_Point(None, ctx.month, int(match["d"])), ctx.year)
    return {"when": _iso(point)} if point else None


@dataclass(frozen=True)
class _Form:
    """One way of writing a date expression; `searchable` forms are also looked for in prose."""

    full: re.Pattern[str]
    search: re.Pattern[str]
    build: _Builder
    searchable: bool


def _form(pattern: str, build: _Builder, *, searchable: bool = True) -> _Form:
    """Compile a form twice: whole-string for parse_date, word-bounded for find_date."""
    bounded = _START + f"(?:{pattern})" + _END
    return _Form(re.compile(pattern, re.I), re.compile(bounded, re.I), build, searchable)


# Not glued to letters or digits, nor continuing a number such as '1.27.3.26', '1/S', '533b-534a'.
_START = r"(?<![\w/])(?<!\d[.\-\u2013])"
_END = r"(?![\w/])(?![.\-\u2013]\d)"

_CONNECTORS: tuple[tuple[str, str, str], ...] = (
    # (opening word, joining word, kind)
    (rf"between{_S}", rf"{_S}and{_S}", "window"),
    (rf"from{_S}", rf"{_S}(?:to|till|until){_S}", "span"),
    ("", rf"{_H}*{_DASH}{_H}*", "span"),
)


def _forms() -> list[_Form]:
    """All expression forms, most specific first."""
    forms: list[_Form] = []
    for opening, joining, kind in _CONNECTORS:
        forms.append(_form(rf"{opening}(?P<a>{_POINT_ANY}){joining}(?P<b>{_POINT})", _range_builder(kind)))
        forms.append(_form(
            rf"{opening}(?P<m>{_MONTH}){_S}(?P<d1>{_DAY}){_ORD}{joining}(?P<d2>{_DAY}){_ORD}"
            rf"(?:,?{_S}(?P<y>{_YEAR}))?",
            _shared_month_builder(kind),
        ))
        forms.append(_form(
            rf"{opening}(?P<d1>{_DAY}){_ORD}{joining}(?P<d2>{_DAY}){_ORD}{_S}(?P<m>{_MONTH})"
            rf"(?:,?{_S}(?P<y>{_YEAR}))?",
            _shared_month_builder(kind),
        ))
    forms += [
        _form(rf"(?P<q>{_QUALIFIER}){_S}(?P<a>{_POINT})", _build_qualified),
        _form(rf"{_PART}(?P<a>{_MONTH}(?:,?{_S}{_YEAR})?)", _build_part_of_month),
        _form(rf"(?P<a>{_POINT})", _build_single),
        _form(
            r"(?P<y>(?:1[7-9]|20)\d{2})(?P<n>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])",
            _build_compact,
            searchable=False,
        ),
        _form(rf"(?:the{_S})?(?P<d>{_DAY})(?:st|nd|rd|th)", _build_day_only, searchable=False),
    ]
    return forms


_FORMS = _forms()
_TRAILING_PUNCTUATION = re.compile(r"[.,]$")
_HEDGE_BEFORE = re.compile(r"\b(?:c|ca|circa|approx|approximately|about|around)\.?\s*$", re.I)
_DOUBT_AFTER = re.compile(r"\s*\[?\?")


# --------------------------------------------------------------------------- public functions


def parse_date(text: str, *, year: int | None = None, month: int | None = None) -> DateValue | None:
    """Parse text that is, as a whole, one date expression; None if it is not (or not certainly).

    `year`/`month` are context from the document, used only when the expression omits them.
    """
    written = text.strip()
    core = _TRAILING_PUNCTUATION.sub("", written).rstrip()
    if not core:
        return None
    ctx = _Context(year, month)
    for form in _FORMS:
        match = form.full.fullmatch(core)
        if match is None:
            continue
        fields = form.build(match, ctx)
        if fields is not None:
            return DateValue(written, **fields)
    return None


def _is_hedged(text: str, start: int, end: int) -> bool:
    """'c. 1920' or '1920?' is not the date 1920, so it must not be reported as one."""
    return bool(_HEDGE_BEFORE.search(text[max(0, start - 20):start]) or _DOUBT_AFTER.match(text, end))


def _is_year_only(fields: _Fields) -> bool:
    """Year-precision results ('1934', '1926-1937') are the last resort in running text."""
    return all(len(value) == 4 for value in fields.values())


# "3.4.15" inside running text is as likely a paragraph number as a date.
_ALL_DIGITS_SHORT = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2}")


def find_date(
    text: str, *, year: int | None = None, month: int | None = None
) -> tuple[int, int, DateValue] | None:
    """First date expression in running text, as (start, end, DateValue).

    Expressions with a month or day beat year-only ones wherever they occur; among equals the
    earliest wins, then the longest. Compact forms ('19380302') are not searched.
    """
    ctx = _Context(year, month)
    best: tuple[tuple[bool, int, int], int, int, _Fields] | None = None
    for form in _FORMS:
        if not form.searchable:
            continue
        match = form.search.search(text)
        while match is not None:  # restart one character on: candidates may overlap
            start, end = match.span()
            fields = form.build(match, ctx)
            if fields is not None and not _is_hedged(text, start, end) and not _ALL_DIGITS_SHORT.fullmatch(match.group()):
                rank = (_is_year_only(fields), start, start - end)
                if best is None or rank < best[0]:
                    best = (rank, start, end, fields)
            match = form.search.search(text, start + 1)
    if best is None:
        return None
    _, start, end, fields = best
    return start, end, DateValue(text[start:end], **fields)
