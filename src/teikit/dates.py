"""Recognise dates as written in letter headers, datelines and running text; normalise them to ISO 8601.

The sources (letters of Lenin, Stalin, Trotsky, Maisky's diary; 1890s-1940s, in
English editions and archive transcriptions) write dates in many ways:
'March 27, 1926', '24 April 1922', '1934 Dec 31', '2/VI. 1918', '27.II. 08',
'between June 17 and 25, 1916', 'prior to November 26, 1916', 'early June 1916'.
Each recognised expression becomes a `DateValue` whose fields map one-to-one to
the TEI dating attributes (@when, @notBefore, @notAfter, @from, @to).

`parse_date`/`find_date` serve the readers (one date: the document's). `DateFinder`/
`find_dates` serve the date enricher (every date in running text, with context that moves
along the narrative, dual Old/New Style dates, and the expressions that cannot be
normalised, with the reason). `julian_to_gregorian`, `gregorian_to_julian` and
`old_style_to_gregorian` convert Old Style (Julian) values.

In running text `DateFinder` also reads the fixed-date holidays Christmas Day, Christmas
Eve, New Year's Day, New Year's Eve and May Day (1 May), whose year is chosen like that of
any yearless date ('Christmas Eve' in a diary of 31 December 1934 is 1934-12-24, 'May Day
1917' keeps its year); 'the New Year' only as what is celebrated ('to celebrate the New
Year', 'we saw in the New Year'), since elsewhere it is as often the year to come; and
'last November', 'next May', 'this March' (also 'last Christmas Eve'), counted from the
narrative's date: the latest November before its month, the first May after it, the March
of its year. Holidays and months are capitalised names: 'may day', 'the May Day
Manifesto', 'every May Day', 'his last May Day', 'at last May came' are not dates.

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

__all__ = [
    "PIVOT",
    "RUSSIA_FIRST_GREGORIAN_DAY",
    "RUSSIA_LAST_JULIAN_DAY",
    "Anchor",
    "DateFinder",
    "DateMention",
    "DateValue",
    "find_date",
    "find_dates",
    "find_relative_dates",
    "gregorian_to_julian",
    "julian_to_gregorian",
    "old_style_to_gregorian",
    "parse_date",
    "two_digit_year",
]

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


# =========================================================================== running text
#
# `find_date` answers "what is this document's date?". The date enricher asks a different
# question: "which stretches of this paragraph are date expressions, and what do they mean?".
# That needs every expression (not the best one), context that moves as a narrative moves
# ('on 15 December ... On the 17th ... the next morning, 1 January ... on the 2nd'), dates
# printed in both calendars, and a record of the expressions we recognise but cannot
# normalise, so that they are tagged and reported instead of guessed or silently skipped.

RUSSIA_LAST_JULIAN_DAY = date(1918, 1, 31)
"""Soviet Russia's last Old Style day: 31 January 1918 (O.S.) was followed by..."""
RUSSIA_FIRST_GREGORIAN_DAY = date(1918, 2, 14)
"""...14 February 1918 (N.S.): written dates from here on are never Old Style."""


def _julian_month_days(year: int, month: int) -> int:
    """Days in a Julian month: every fourth year is a leap year, century years included."""
    if month == 2:
        return 29 if year % 4 == 0 else 28
    return calendar.monthrange(2001, month)[1]


def gregorian_to_julian(day: date) -> date:
    """The Julian (Old Style) year, month and day of a Gregorian date, as a `date` of those numbers.

    Inverse of `julian_to_gregorian`; used to read a document's Gregorian @when as the Old
    Style date its author wrote, so that '20th' or '24 December' resolve in his calendar.
    """
    for offset in range(day.year // 100 - day.year // 400 - 3, day.year // 100 - day.year // 400):
        candidate = day - timedelta(days=offset)
        if julian_to_gregorian(candidate) == day:
            return candidate
    raise ValueError(f"{day} has no Julian equivalent representable as a date")


def _to_gregorian_day(year: int, month: int, day: int) -> str:
    """ISO Gregorian date of a Julian day, including 29 February of Julian-only leap years."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return (julian_to_gregorian(date(year, 2, 28)) + timedelta(days=1)).isoformat()
    return julian_to_gregorian(date(year, month, day)).isoformat()


def _julian_bound(iso: str, *, upper: bool) -> str:
    """Gregorian value for one end of an Old Style value at its written precision.

    A day converts to a day. A month becomes the Gregorian day its first (lower bound) or
    last (upper bound) day fell on: December 1904 O.S. ran from 14 December 1904 to
    13 January 1905. A year stays a year: the thirteen-day shift would only add false precision.
    """
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return _to_gregorian_day(*parts)
    if len(parts) == 2:
        year, month = parts
        return _to_gregorian_day(year, month, _julian_month_days(year, month) if upper else 1)
    return iso


def old_style_to_gregorian(value: DateValue) -> DateValue:
    """The same expression with every value read as Old Style and given in the Gregorian calendar.

    TEI's @when/@notBefore/@notAfter/@from/@to are always Gregorian (ISO 8601), whatever
    calendar the text was written in; @calendar records the written one. A month-precision
    @when becomes a @notBefore/@notAfter window (its Gregorian first and last day).
    """
    when = value.when
    fields: dict[str, str | None] = {
        "not_before": value.not_before and _julian_bound(value.not_before, upper=False),
        "not_after": value.not_after and _julian_bound(value.not_after, upper=True),
        "from_": value.from_ and _julian_bound(value.from_, upper=False),
        "to": value.to and _julian_bound(value.to, upper=True),
        "when": None,
    }
    if when is not None and len(when) == 7:
        fields["not_before"] = _julian_bound(when, upper=False)
        fields["not_after"] = _julian_bound(when, upper=True)
    elif when is not None:
        fields["when"] = _julian_bound(when, upper=False)
    return DateValue(value.text, **fields)


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class Anchor:
    """The date a narrative is at, in the calendar it is written in; resolves yearless dates.

    Starts as the document's own date and moves to each later single date with a month,
    so that 'On the 17th' after 'on 15 December 1934' is 17 December 1934.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_iso(cls, value: str | None) -> Anchor | None:
        """From an ISO value ('1934-12-31', '1934-12', '1934'); None for anything else."""
        if not value or not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
            return None
        parts = [int(p) for p in value.split("-")]
        point = _Point(*parts)
        return cls(*parts) if _is_valid(point) else None

    def middle(self) -> date:
        """The day to measure distances from: the day itself, mid-month or mid-year."""
        return date(self.year, self.month or 7, self.day or (15 if self.month else 1))


@dataclass(frozen=True)
class DateMention:
    """One date expression found in running text.

    `value` holds the written text and the normalised values as written (Old Style numbers
    for an Old Style date: see `old_style_to_gregorian`), or no values at all when the
    expression cannot be normalised; `problem` then says why.
    `calendar` is what the text itself says: 'julian' (marked O.S.), 'gregorian' (marked
    N.S.), 'dual' (both calendars written; the values are the New Style ones) or None.
    `relative` is True for 'today', 'the next day': values computed, not written.
    ('last November', 'Christmas Eve' are not `relative`: like '24 December' they name the
    month or day in the text's own calendar, and only the year comes from the context.)
    """

    start: int
    end: int
    value: DateValue
    calendar: str | None = None
    problem: str | None = None
    relative: bool = False

    @property
    def text(self) -> str:
        return self.value.text

    @property
    def normalised(self) -> bool:
        return bool(self.value.tei_attributes())


# --------------------------------------------------------------------------- extra forms

# Dates printed in both calendars: Old Style first, New Style in brackets or after a slash.
# 'October 25 (November 7), 1917', '26 October (8 November), 1917', 'October 6 (19), 1917',
# '6 (19) October 1917', '20 December 1904 (2 January 1905)', '1/14 February 1918',
# '31 January/13 February 1918', 'December 20, 1904/January 2, 1905'.
def _dual_patterns() -> list[str]:
    """Old Style and New Style parts, each with a day and optional month and year."""

    def year(name: str) -> str:
        return rf"(?:,?{_S}(?P<{name}>{_YEAR}))?"

    def day_month(n: int) -> str:
        return rf"(?P<d{n}>{_DAY}){_ORD}(?:{_S}(?P<m{n}>{_MONTH}))?" + year(f"y{n}")

    def month_day(n: int) -> str:
        return rf"(?P<m{n}>{_MONTH}){_S}(?P<d{n}>{_DAY}){_ORD}" + year(f"y{n}")

    def bare_day(n: int) -> str:
        return rf"(?P<d{n}>{_DAY}){_ORD}"

    separators = [(rf"{_H}*\({_H}*", rf"(?:,?{_S}(?:N\.{_H}?S\.|[Nn]ew{_S}[Ss]tyle))?\)"), (rf"{_H}*/{_H}*", "")]
    patterns = []
    for opening, closing in separators:
        for first in (day_month, month_day):
            for second in (day_month, month_day):
                patterns.append(first(1) + opening + second(2) + closing + year("y"))
        # '6 (19) October 1917', '1/14 February 1918': two days, then month and year once.
        patterns.append(bare_day(1) + opening + bare_day(2) + closing + rf"{_S}(?P<m>{_MONTH})" + year("y"))
        # 'October 6 (19), 1917', 'February 1/14, 1918'
        patterns.append(rf"(?P<m>{_MONTH}){_S}" + bare_day(1) + opening + bare_day(2) + closing + year("y"))
    return patterns


_DUAL_REGEXES = [re.compile(_START + f"(?:{p})" + _END, re.I) for p in _dual_patterns()]


def _dual_value(match: re.Match[str]) -> DateValue | None:
    """The New Style value, if the second part really is the first part's Gregorian date."""
    g = match.groupdict()

    def month_of(key: str) -> int | None:
        return _month_number({"m": g.get(key)}) if g.get(key) else None

    shared_month = month_of("m")
    m1 = month_of("m1") or shared_month
    m2 = month_of("m2") or shared_month
    m1, m2 = m1 or m2, m2 or m1
    shared_year = int(g["y"]) if g.get("y") else None
    y2 = int(g["y2"]) if g.get("y2") else shared_year
    y1 = int(g["y1"]) if g.get("y1") else None
    if m1 is None or m2 is None or y2 is None and y1 is None:
        return None
    d1, d2 = int(g["d1"]), int(g["d2"])
    # The year written once belongs to the New Style date; December O.S. may be January N.S.
    julian_years = [y1] if y1 is not None else [y2, y2 - 1]
    y2 = y2 if y2 is not None else y1
    for y in julian_years:
        if y is None or not _is_valid(_Point(y2, m2, d2)) or d1 > _julian_month_days(y, m1):
            continue
        if _to_gregorian_day(y, m1, d1) == date(y2, m2, d2).isoformat():
            return DateValue(match.group(), when=date(y2, m2, d2).isoformat())
    return None


# '1924–29', '1934–35': a span whose end gives only the last two digits (biographical notes).
_SHORT_SPAN = re.compile(
    _START + rf"(?P<y1>{_YEAR}){_H}*{_DASH}{_H}*(?P<y2>\d{{2}})" + _END
)
_PAGE_CONTEXT = re.compile(r"(?:\bpp?\.|\bpages?|\bnos?\.|\bNos?\.|\bVol\.|\bvols?\.)\s*$", re.I)


def _short_span_value(match: re.Match[str], text: str) -> DateValue | None:
    """Only a forward span within one century, and never a page or number range."""
    if _PAGE_CONTEXT.search(text[max(0, match.start() - 12):match.start()]):
        return None
    start = int(match["y1"])
    end = start // 100 * 100 + int(match["y2"])
    if end <= start:
        return None
    return DateValue(match.group(), from_=str(start), to=str(end))


# 'the 20th', 'On the 17th,': a day of the month the narrative is in. An ordinal followed by
# a noun ('the 20th century', 'the 14th Congress', 'the 76th year') is not a date.
_DAY_ONLY = re.compile(
    rf"(?<![\w/])[Tt]he{_S}(?P<d>{_DAY})(?:st|nd|rd|th)\b"
    rf"(?=\s*(?:[,.;:)!?\u2013\u2014\u2019\u201d'\"]|$)"
    rf"|{_S}(?:and|or|to|till|until|was|were|is|had|has|would|will|when|I|we|he|she|they|it"
    rf"|at|in|on|there|but|that|which)\b)"
)

# Fixed-date holidays, written with capitals as names are ('may day' in prose is no date).
_HOLIDAY_DAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new years day": (1, 1),
    "new years eve": (12, 31),
    "may day": (5, 1),
    "new year": (1, 1),  # only in 'celebrate the New Year' (`_NEW_YEAR`): elsewhere it may be the year
}
_HOLIDAY_NAME = rf"Christmas{_S}(?:Day|Eve)|New{_S}Year['\u2019]?s{_S}(?:Day|Eve)|May{_S}Day"
# Followed by a capitalised word, a holiday is part of a name: 'May Day Manifesto',
# 'the Christmas Eve Committee' ('I' excepted: 'On Christmas Eve I replied').
_NOT_IN_A_NAME = rf"(?!{_H}+(?!I\b)[A-Z])"
_HOLIDAY = re.compile(
    rf"(?<![\w/-])(?P<h>{_HOLIDAY_NAME})(?![\w/-]){_NOT_IN_A_NAME}"
    rf"(?:,?{_S}(?P<y>{_YEAR})(?![\w/])(?![.\-\u2013]\d))?"
)
# 'the New Year' is as often the year to come ('the New Year will bring') as the holiday:
# only the object of a celebration is the holiday, 1 January ('to celebrate the New Year',
# 'we saw in the New Year', 'saw the New Year in'). 'the Old New Year', 'the Jewish New
# Year' have other words between and are not matched.
_CELEBRATE = rf"(?<![\w-])(?:[Cc]elebrat(?:e|es|ed|ing)|[Cc]elebrations?{_S}of)"
_NEW_YEAR_NAME = rf"(?P<h>(?:the{_S})?New{_S}Year)(?![\w/-])(?!['\u2019]s\b){_NOT_IN_A_NAME}"
_NEW_YEAR = [
    re.compile(rf"{_CELEBRATE}{_S}{_NEW_YEAR_NAME}"),
    re.compile(rf"(?<![\w-])(?:see|sees|seeing|saw|seen){_S}in{_S}{_NEW_YEAR_NAME}"),
    re.compile(rf"(?<![\w-])(?:see|sees|seeing|saw|seen){_S}{_NEW_YEAR_NAME}(?={_S}in\b)"),
]
# 'last November', 'next May', 'this March', 'last Christmas Eve': from the narrative's date.
# Not 'last November 7' or 'next May, 1935' (a date of its own), not 'the last November'
# or 'his last May Day' (the final one), not 'at last May came'.
_RELATIVE = re.compile(
    rf"(?<![\w/-])(?P<rel>[Ll]ast|[Nn]ext|[Tt]his){_S}"
    rf"(?:(?P<h>{_HOLIDAY_NAME})(?![\w/-]){_NOT_IN_A_NAME}"
    rf"|(?P<m>May(?![\w/-])(?!{_S}Day\b){_NOT_IN_A_NAME}"
    rf"|{_alternation([name for name in calendar.month_name if name and name != 'May'])}(?![\w/-])))"
    rf"(?!,?{_S}\d)"
)
_NOT_RELATIVE_AFTER = re.compile(
    r"\b(?:the|a|at|his|her|my|our|their|its|your|whose|very)\s+$", re.I
)
# 'every May Day', 'the first Christmas Eve', 'his last May Day': no one day of the year nearest.
_NOT_ONE_HOLIDAY_AFTER = re.compile(
    r"\b(?:last|next|this|every|each|first|previous|following|coming|past)\s+$", re.I
)


def _holiday_day(name: str) -> tuple[int, int]:
    """Month and day of a holiday as written ('Christmas  Eve', 'New Year’s Day', 'the New Year')."""
    key = " ".join(name.replace("\u2019", "").replace("'", "").lower().split())
    return _HOLIDAY_DAYS[key.removeprefix("the ")]


def _build_holiday(match: re.Match[str], ctx: _Context) -> _Fields | None:
    """'Christmas Eve' (year from context), 'May Day 1917' (year written)."""
    month, day = _holiday_day(match["h"])
    year = int(match["y"]) if match.groupdict().get("y") else None
    point = _complete(_Point(year, month, day), ctx.year)
    return {"when": _iso(point)} if point else None


def _order(month: int, day: int | None, anchor: Anchor) -> int | None:
    """Is (month, day) of the anchor's year before (-1), at (0) or after (1) the anchor?
    None when that needs the anchor's day and it is not known."""
    assert anchor.month is not None
    if month != anchor.month:
        return -1 if month < anchor.month else 1
    if day is None:
        return 0
    if anchor.day is None:
        return None
    return (day > anchor.day) - (day < anchor.day)


def _relative_value(match: re.Match[str], anchor: Anchor | None) -> tuple[_Fields | None, str | None]:
    """'last November' is the latest November before the narrative's month, 'next May' the
    first May after it, 'this March' the March of its year; holidays likewise by their day."""
    if match["h"]:
        month, day = _holiday_day(match["h"])
    else:
        month, day = _MONTH_NUMBERS[match["m"].lower()], None
    if anchor is None:
        return None, "it counts from the narrative's date, and the document has no date"
    direction = match["rel"].lower()
    if direction == "this":
        year = anchor.year
    elif anchor.month is None:
        return None, "it counts from the narrative's date, whose month is not known"
    else:
        order = _order(month, day, anchor)
        if order is None:
            return None, "it counts from the narrative's date, whose day is not known"
        if direction == "last":
            year = anchor.year if order < 0 else anchor.year - 1
        else:
            year = anchor.year if order > 0 else anchor.year + 1
    point = _Point(year, month, day)
    return ({"when": _iso(point)}, None) if _is_valid(point) else (None, "no such date")


# 'O.S.', '(Old Style)', 'N.S.' written right after a date.
_STYLE_MARK = rf"(?:[ON]\.{_H}?S\.|(?:[Oo]ld|[Nn]ew){_S}[Ss]tyle)(?!\w)"
_CALENDAR_MARK = re.compile(rf",?{_H}*(?:\({_H}*{_STYLE_MARK}{_H}*\)|\[{_H}*{_STYLE_MARK}{_H}*\]|{_STYLE_MARK})")
_HEDGE_WORDS = re.compile(
    r"(?P<hedge>\b(?:c|ca|circa|approx|approximately|about|around|roughly)\.?\s*)$", re.I
)
_DOUBT_MARK = re.compile(rf"{_H}*(?:\[\?\]|\(\?\)|\?(?=[\])]))")


# In prose a month is capitalised: 'they march 20 miles', 'you may 1 day' are not dates.
_LOWERCASE_MONTH = re.compile(
    rf"\b(?:{_alternation(list(_MONTH_NUMBERS) + list(_MONTH_ABBREVIATIONS))})\b"
)


class _Candidate(NamedTuple):
    start: int
    end: int
    kind: str  # "form", "dual", "short-span", "day-only", "holiday", "relative"
    match: re.Match[str]
    build: _Builder | None


def _candidates(text: str) -> list[_Candidate]:
    """Every place any date form matches, overlapping ones included."""

    def collect(
        regex: re.Pattern[str], kind: str, build: _Builder | None = None, group: int | str = 0
    ) -> list[_Candidate]:
        """Every match, restarting one character on; `group` is the date within a match that includes its context."""
        matches: list[_Candidate] = []
        match = regex.search(text)
        while match is not None:
            start, end = match.span(group)
            if end > start:
                matches.append(_Candidate(start, end, kind, match, build))
            match = regex.search(text, match.start() + 1)
        return matches

    found: list[_Candidate] = []
    for form in _FORMS:
        if form.searchable:
            found += collect(form.search, "form", form.build)
    for regex in _DUAL_REGEXES:
        found += collect(regex, "dual")
    found += collect(_SHORT_SPAN, "short-span")
    found += collect(_DAY_ONLY, "day-only", _build_day_only)
    found += [
        c for c in collect(_HOLIDAY, "holiday", _build_holiday)
        if not _NOT_ONE_HOLIDAY_AFTER.search(text, max(0, c.start - 16), c.start)
    ]
    for regex in _NEW_YEAR:
        found += collect(regex, "new-year", _build_holiday, "h")
    found += [
        c for c in collect(_RELATIVE, "relative")
        if not _NOT_RELATIVE_AFTER.search(text, max(0, c.start - 16), c.start)
    ]
    return found


def _distance(fields: _Fields, target: date) -> int:
    """Days between the target and the expression's earliest value."""
    key = DateValue("", **fields).sort_key
    anchor = Anchor.from_iso(key)
    return abs((anchor.middle() - target).days) if anchor else 10**6


class DateFinder:
    """Finds every date expression in a sequence of texts read in order, moving its anchor along.

    One finder reads one document: give it the document's date as the first anchor, then
    call `find_all` on each stretch of text in reading order. Use `fork` for a digression
    (a footnote) whose dates must not move the main text's anchor.
    """

    def __init__(self, anchor: Anchor | None = None) -> None:
        self.anchor = anchor
        # 'last November', 'next May' count from the narrative's date and leave it where it
        # is (so 'last May and again last November' both count from it), but a following
        # 'the 20th' may then be in either month: while the anchor is still this one, such a
        # day is not resolved. Any new anchor (a dated day, an editor's date) ends that.
        self._pointed_away_from: Anchor | None = None

    def fork(self) -> DateFinder:
        return DateFinder(self.anchor)

    def pass_date(self, written: str, anchor: Anchor | None) -> None:
        """Read past a date already tagged (an editor's, an earlier run's), whose value puts
        the narrative at `anchor`; one that counts from the narrative ('last November')
        leaves it where it is, as it did when it was found."""
        if _RELATIVE.fullmatch(" ".join(written.split())):
            if self.anchor is not None:
                self._pointed_away_from = self.anchor
        elif anchor is not None:
            self.anchor = anchor

    # ------------------------------------------------------------------ resolution

    def _resolve(self, candidate: _Candidate, text: str) -> tuple[_Fields | None, str | None]:
        """Values for one candidate with the current anchor, or why there are none."""
        kind, match = candidate.kind, candidate.match
        if kind == "dual":
            value = _dual_value(match)
            return (_fields_of(value), None) if value else (None, "not-dual")
        if kind == "short-span":
            value = _short_span_value(match, text)
            return (_fields_of(value), None) if value else (None, "not-a-date")
        anchor = self.anchor
        if kind == "relative":
            return _relative_value(match, anchor)
        assert candidate.build is not None
        if kind == "day-only":
            if anchor is None or anchor.month is None:
                return None, "the month is not known from the context"
            if anchor is self._pointed_away_from:
                return None, "the text has just pointed to another month ('last November'): which month is not clear"
            return candidate.build(match, _Context(anchor.year, anchor.month)), "no such day in that month"
        without = candidate.build(match, _Context(None, None))
        if without is not None:
            return without, None
        if anchor is None:
            return None, "the year is not written and the document has no date"
        if anchor.month is None:
            if kind == "new-year":
                return None, "the month the narrative is in is not known: which New Year is not clear"
            fields = candidate.build(match, _Context(anchor.year, None))
            return fields, None if fields else "no such date"
        # A yearless date belongs to the year that puts it nearest the narrative's date:
        # '1 January' in a diary of 31 December 1934 is 1935, '13 July' is 1934.
        options = [candidate.build(match, _Context(anchor.year + k, anchor.month)) for k in (0, -1, 1)]
        valid = [f for f in options if f is not None]
        if not valid:
            return None, "no such date"
        return min(valid, key=lambda f: _distance(f, anchor.middle())), None

    def _advance(self, fields: _Fields) -> None:
        """A single date with at least a month becomes the narrative's new position."""
        if set(fields) == {"when"} and len(fields["when"]) >= 7:
            self.anchor = Anchor.from_iso(fields["when"]) or self.anchor

    # ------------------------------------------------------------------ search

    def find_all(self, text: str) -> list[DateMention]:
        """All date expressions in `text`, left to right, leftmost-longest, never overlapping."""
        by_start: dict[int, list[_Candidate]] = {}
        for candidate in _candidates(text):
            by_start.setdefault(candidate.start, []).append(candidate)
        mentions: list[DateMention] = []
        position = 0
        for start in sorted(by_start):
            if start < position:
                continue
            options = sorted(by_start[start], key=lambda c: c.end, reverse=True)
            mention = self._choose(options, text)
            if mention is None:
                continue
            if mention.start < position:  # a hedge word reaching back into the previous date
                continue
            listed = _listed_day(text, mention, position)
            if listed is not None:
                mentions.append(listed)
            mentions.append(mention)
            position = mention.end
        return mentions

    def _choose(self, options: list[_Candidate], text: str) -> DateMention | None:
        """The longest candidate that resolves; else the longest one that is a date at all."""
        failed: tuple[_Candidate, str] | None = None
        for candidate in options:
            if _ALL_DIGITS_SHORT.fullmatch(candidate.match.group()) or _LOWERCASE_MONTH.search(candidate.match.group()):
                continue
            fields, problem = self._resolve(candidate, text)
            if fields:
                return self._mention(candidate, fields, text)
            if problem not in ("not-dual", "not-a-date") and failed is None:
                failed = (candidate, problem or "not a valid date")
        if failed is None:
            return None
        candidate, problem = failed
        return self._mention(candidate, None, text, problem)

    def _mention(
        self, candidate: _Candidate, fields: _Fields | None, text: str, problem: str | None = None
    ) -> DateMention:
        start, end = candidate.start, candidate.end
        calendar_name = "dual" if candidate.kind == "dual" else None
        mark = _CALENDAR_MARK.match(text, end) if calendar_name is None else None
        if mark is not None:
            calendar_name = "julian" if re.search(r"O\.|[Oo]ld", mark.group()) else "gregorian"
            end = mark.end()
        hedge = _HEDGE_WORDS.search(text[max(0, start - 16):start])
        doubt = _DOUBT_MARK.match(text, end)
        if fields and (hedge or doubt):
            fields, problem = None, "approximate (" + (hedge["hedge"].strip() if hedge else "?") + ")"
        if hedge:
            start -= len(hedge["hedge"])
        if doubt:
            end = doubt.end()
        if fields and candidate.kind == "relative":
            self._pointed_away_from = self.anchor
        elif fields:
            self._advance(fields)
        written = text[start:end]
        value = DateValue(written, **fields) if fields else DateValue(written)
        return DateMention(start, end, value, calendar_name, problem)


# '28 or 31 December', '3 and 5 March 1917': a bare day that borrows the next date's month.
_LISTED_DAY = re.compile(rf"(?<![\w/.,\-\u2013])(?P<d>{_DAY}){_ORD}(?P<join>{_S}(?:or|and|&){_S})$")


def _listed_day(text: str, mention: DateMention, after: int) -> DateMention | None:
    """The bare day listed right before a day-first date, if there is one."""
    when = mention.value.when
    if not when or len(when) != 10 or not mention.text[:1].isdigit() or mention.calendar:
        return None
    match = _LISTED_DAY.search(text, after, mention.start)
    if match is None or _PAGE_CONTEXT.search(text[max(after, match.start() - 12):match.start()]):
        return None
    day = _Point(int(when[:4]), int(when[5:7]), int(match["d"]))
    if not _is_valid(day):
        return None
    end = match.start("join")
    return DateMention(match.start(), end, DateValue(text[match.start():end], when=_iso(day)))


def _fields_of(value: DateValue) -> _Fields:
    names = {"when": "when", "notBefore": "not_before", "notAfter": "not_after", "from": "from_", "to": "to"}
    return {names[k]: v for k, v in value.tei_attributes().items()}


def find_dates(text: str, anchor: Anchor | None = None) -> list[DateMention]:
    """Every date expression in one text; see `DateFinder` for reading a document in order."""
    return DateFinder(anchor).find_all(text)


# --------------------------------------------------------------------------- relative dates

_DAY_WORDS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
}
_DAY_WORD = re.compile(
    rf"(?<![\w-])(?P<w>{_alternation([w.replace(' ', _S) for w in _DAY_WORDS])})(?![\w-])", re.I
)
_NEXT_DAY = re.compile(
    rf"(?<![\w-])(?P<w>the{_S}(?:(?P<next>next|following){_S}(?:day|morning|evening|night)"
    rf"|(?P<previous>previous|preceding){_S}(?:day|evening|night)|day{_S}(?P<after>after)"
    rf"|day{_S}(?P<before>before)))(?![\w-])",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?;]\s")
_APPOSITION = re.compile(r",?\s*")


def find_relative_dates(
    text: str, mentions: list[DateMention], today: date | None, *, today_is_a_day: bool = True
) -> list[DateMention]:
    """'yesterday', 'tonight', 'tomorrow' (from `today`: the writer's own date, or None when the
    text is not in the writer's voice) and 'the next day', 'the day before' (from a dated day
    earlier in the same sentence). Nothing is returned when the reference is not clear, nor
    when an explicit date follows in apposition ('the next morning, 1 January').
    'today' itself often means 'nowadays'; it counts only if `today_is_a_day` (a letter).
    """
    found: list[DateMention] = []
    starts = {m.start for m in mentions}

    def apposed(end: int) -> bool:
        return _APPOSITION.match(text, end).end() in starts  # type: ignore[union-attr]

    def free(start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in mentions)

    if today is not None:
        for match in _DAY_WORD.finditer(text):
            if not free(*match.span()) or apposed(match.end()):
                continue
            word = " ".join(match["w"].lower().split())
            if word == "today" and not today_is_a_day:
                continue
            offset = _DAY_WORDS[word]
            day = (today + timedelta(days=offset)).isoformat()
            found.append(DateMention(match.start(), match.end(), DateValue(match.group(), when=day), relative=True))
    for match in _NEXT_DAY.finditer(text):
        if not free(*match.span()) or apposed(match.end()):
            continue
        earlier = [m for m in mentions if m.end <= match.start() and m.value.when and len(m.value.when) == 10]
        if not earlier or _SENTENCE_END.search(text, earlier[-1].end, match.start()):
            continue
        step = 1 if match["next"] or match["after"] else -1
        day = (date.fromisoformat(str(earlier[-1].value.when)) + timedelta(days=step)).isoformat()
        value = DateValue(match.group(), when=day)
        found.append(DateMention(match.start(), match.end(), value, earlier[-1].calendar, relative=True))
    return found
