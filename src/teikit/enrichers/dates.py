"""Date enricher: every date expression in a TEI document's text becomes a normalised `<date>`.

`tag_dates(root)` reads the text (body, front, back, notes; the teiHeader is left alone
except for the dates it already holds) in reading order and wraps each date expression
in `<date>` with ISO 8601 values: @when for a day, month or year; @notBefore/@notAfter for
an uncertain window ("between June 17 and 25, 1916", "prior to November 26", "mid-December");
@from/@to for a real span ("from 1926 to 1937", "1924–29"). Yearless expressions ("on
24 December", "20/XII.", "on the 20th", "Christmas Eve", "May Day", "to celebrate the New
Year") are resolved from the date the narrative is at: the document's date
(profileDesc/creation/date) first, then each dated day the text mentions; "last November",
"next May", "this March" count from that date without moving it. What is recognisably a
date but cannot be normalised ("around 3 January 1935", "31 February 1926", "the 20th" with
no month known, "last November" in an undated document) is tagged without a value and
reported, never guessed. 'yesterday'/'tonight'/'tomorrow' resolve from the document's
date only in the writer's own voice (not in notes, quotations or speeches) and only when
the body is one text (not a diary entry plus a memo); 'today' only in letters (elsewhere
it often means 'nowadays'); 'the next day' only from a dated day earlier in the same
sentence. Recognising and normalising is `teikit.dates.DateFinder`; this module decides
where a <date> may go and which calendar applies.

Where: only inside elements whose TEI content model admits <date> (`CONTAINERS`), never
inside names, titles, numbers, <choice>, <del> or an existing <date>, never in the
teiHeader. Inline markup such as <supplied>, <hi>, <pb/> reads on with the text around it
('<supplied>19</supplied>23' becomes one date around both); a <note> is a boundary, and its
dates do not move the main text's position.

Old Style (Julian calendar; Russia until 31 January 1918 O.S. = 13 February 1918 N.S.)
------------------------------------------------------------------------------------
TEI values (@when etc.) are always Gregorian; @calendar says which calendar the *written*
date belongs to and points to a `<calendar>` declared in profileDesc/calendarDesc (TEI
places calendarDesc in profileDesc, not encodingDesc; tag_dates adds the declaration when
it first uses it). So '20 December 1904' in an Old Style letter becomes
`<date calendar="#julian" when="1905-01-02">20 December 1904</date>`.

* A single date is Old Style when the text says so ('20 December 1904 O.S.', '(Old
  Style)'), or when an editor puts @calendar="#julian" on an existing `<date>`: tag_dates
  then computes its Gregorian @when (it recognises an unconverted value: one equal to the
  written digits, or none at all; a value an editor set otherwise is left alone).
* A document is Old Style when an editor marks the date it was written on:
  `<creation><date calendar="#julian" ...>20 December 1904</date></creation>` - its
  dating formula is in the Julian calendar, so are its other unmarked dates. That is the
  TEI statement of the fact, needs no private convention, and survives re-tagging.
* A source default is the `old_style` argument: True treats the document as Old Style
  (and records it by marking the creation date as above), False as New Style, None (the
  default) asks the document. The importer/CLI passes it (e.g. `--old-style`, or a reader
  for sources known to use O.S. such as pre-1918 Russian collected works).
In an Old Style document the default applies to the writer's text, not to notes (editors
write New Style, or both) and never to dates from 14 February 1918 on; dates in the
thirteen days Russia skipped are tagged without value and reported. A date printed in both
calendars ('20 December 1904 (2 January 1905)', '1/14 February 1918') is one `<date>`
with calendar="#julian #gregorian" and the New Style @when, in any document. Year-only
dates are not converted: the shift would only add false precision.

Idempotent: existing `<date>`s (an editor's, the builder's, an earlier run's) are never
entered or re-tagged, and text is only ever wrapped, never changed: `itertext()` is the
same before and after.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from teikit.dates import (
    RUSSIA_FIRST_GREGORIAN_DAY,
    RUSSIA_LAST_JULIAN_DAY,
    Anchor,
    DateFinder,
    DateMention,
    DateValue,
    find_dates,
    find_relative_dates,
    gregorian_to_julian,
    old_style_to_gregorian,
    parse_date,
)
from teikit.enrichers import NEVER_TAGGED, document_label
from teikit.registers.model import local_name

__all__ = ["GREGORIAN", "JULIAN", "document_is_old_style", "tag_dates"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

JULIAN = "#julian"
GREGORIAN = "#gregorian"
CALENDAR_DESCRIPTIONS = {
    "julian": "Julian calendar (Old Style), used in Russia until 31 January 1918; "
    "dates so marked keep their written form, their normalised values are Gregorian.",
    "gregorian": "Gregorian calendar (New Style).",
}
VALUE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
ALL_VALUE_ATTRIBUTES = VALUE_ATTRIBUTES + (
    "when-iso", "notBefore-iso", "notAfter-iso", "from-iso", "to-iso",
    "when-custom", "notBefore-custom", "notAfter-custom", "from-custom", "to-custom",
)

# Where a <date> may be inserted into the text: elements whose TEI content model admits
# model.phrase (checked against tei_all.rng) and where a date is meaningful.
CONTAINERS = {
    "p", "ab", "head", "note", "salute", "signed", "dateline", "opener", "closer", "item",
    "l", "quote", "q", "said", "hi", "supplied", "emph", "unclear", "add", "seg", "label",
    "cell", "byline", "trailer", "bibl", "ref", "foreign",
}
# Inline children whose text reads on with their parent's ("[19]23" is <supplied>19</supplied>23).
TRANSPARENT = {"supplied", "hi", "emph", "unclear", "add", "seg"}
MILESTONES = {"pb", "lb", "cb", "milestone"}
# Never entered: an existing date, names, titles, identifiers, alternatives, omissions.
SKIPPED = NEVER_TAGGED | {
    "teiHeader", "geogName", "title", "measure", "choice", "del", "figure", "formula",
    "speaker", "docDate", "standOff",
}
# Text not in the writer's own voice: 'today' there is not the document's date.
OTHER_VOICES = {"note", "quote", "q", "said", "sp", "back", "front", "cit", "label"}
# Editors' text: an Old Style document's default does not reach it.
EDITORIAL = {"note", "back", "front"}


def _is_skipped(el: etree._Element) -> bool:
    """Never entered: SKIPPED, and text an editor marked as no date (`<seg type="untagged">`,
    the same mark the name tagger respects)."""
    name = local_name(el)
    return not name or name in SKIPPED or (name == "seg" and el.get("type") == "untagged")


def _value_of(el: etree._Element) -> dict[str, str]:
    return {a: el.get(a) for a in VALUE_ATTRIBUTES if el.get(a) is not None}


def _calendars(el: etree._Element) -> list[str]:
    return (el.get("calendar") or "").split()


def _creation_date(root: etree._Element) -> etree._Element | None:
    return root.find(f"{T}teiHeader/{T}profileDesc/{T}creation/{T}date")


def document_is_old_style(root: etree._Element) -> bool:
    """Has an editor marked the document's own date (profileDesc/creation/date) as Old Style?"""
    creation = _creation_date(root)
    return creation is not None and _calendars(creation) == [JULIAN]


# --------------------------------------------------------------------------- calendar rules


def _span(value: DateValue) -> tuple[date, date] | None:
    """First and last day an expression's values can mean, or None for year-only values."""
    values = list(value.tei_attributes().values())
    if not values or all(len(v) == 4 for v in values):
        return None
    firsts, lasts = [], []
    for v in values:
        point = Anchor.from_iso(v)
        if point is None:
            return None
        month = point.month or 12
        firsts.append(date(point.year, point.month or 1, point.day or 1))
        lasts.append(date(point.year, month, point.day or calendar.monthrange(point.year, month)[1]))
    return min(firsts), max(lasts)


@dataclass
class _Outcome:
    """What goes on a new <date>: its attributes and, when it has no value, why."""

    attributes: dict[str, str]
    problem: str | None = None


def _apply_calendar(mention: DateMention, old_style_default: bool) -> _Outcome:
    """Attributes for a mention, converting Old Style values to Gregorian where they apply."""
    value = mention.value
    if not mention.normalised:
        return _Outcome({}, mention.problem or "not a valid date")
    if mention.calendar == "dual":
        attributes = value.tei_attributes()
        return _Outcome(attributes if mention.relative else {"calendar": f"{JULIAN} {GREGORIAN}", **attributes})
    if mention.calendar == "gregorian":
        attributes = value.tei_attributes()
        return _Outcome(attributes if mention.relative else {"calendar": GREGORIAN, **attributes})
    span = _span(value)
    marked = mention.calendar == "julian"
    if not marked and (not old_style_default or span is None):
        return _Outcome(value.tei_attributes())
    if span is None:  # a year, marked O.S.: the year stands as written
        return _Outcome({"calendar": JULIAN, **value.tei_attributes()})
    if not marked:
        first, last = span
        if first >= RUSSIA_FIRST_GREGORIAN_DAY:
            return _Outcome(value.tei_attributes())
        if last > RUSSIA_LAST_JULIAN_DAY:
            return _Outcome({}, "in February 1918, when Russia changed calendars: Old or New Style is not clear")
    converted = old_style_to_gregorian(value).tei_attributes()
    return _Outcome(converted if mention.relative else {"calendar": JULIAN, **converted})


# --------------------------------------------------------------------------- existing dates


def _written_value(el: etree._Element) -> DateValue | None:
    """The value a date's own text gives, as written (no context)."""
    text = "".join(el.itertext())
    return parse_date(text) if text.strip() else None


def _dual_value(el: etree._Element) -> DateMention | None:
    text = "".join(el.itertext())
    mentions = find_dates(text)
    if len(mentions) == 1 and mentions[0].calendar == "dual" and mentions[0].text == text.strip():
        return mentions[0]
    return None


def _in_writers_text(el: etree._Element) -> bool:
    """The document's own dating (creation, sending) or its text outside editors' notes."""
    parent = el.getparent()
    if parent is not None and local_name(parent) in ("creation", "correspAction"):
        return True
    ancestors = {local_name(a) for a in el.iterancestors()}
    return "text" in ancestors and not ancestors & EDITORIAL


def _normalise_existing(root: etree._Element, old_style: bool) -> int:
    """Existing dates that are Old Style but still carry the written digits get Gregorian values.

    Covers the builder's dates in an Old Style document (header and datelines), dates an
    editor marked @calendar="#julian" without converting, and dual dates a reader wrote
    without @calendar. A value that differs from the written digits is an editor's: kept.
    """
    changed = 0
    for el in root.iter(f"{T}date"):
        written = _written_value(el)
        current = _value_of(el)
        calendars = _calendars(el)
        if not calendars:
            dual = _dual_value(el)
            if dual is not None and current == dual.value.tei_attributes():
                el.set("calendar", f"{JULIAN} {GREGORIAN}")
                changed += 1
                continue
        if written is None or _span(written) is None:
            continue
        unconverted = current == written.tei_attributes() or not current
        marked = calendars == [JULIAN]
        by_default = old_style and not calendars and _in_writers_text(el) and current == written.tei_attributes()
        if not (marked and unconverted) and not by_default:
            continue
        outcome = _apply_calendar(DateMention(0, 0, written, "julian" if marked else None), old_style_default=True)
        if outcome.problem or "calendar" not in outcome.attributes:
            continue
        for name in VALUE_ATTRIBUTES:
            el.attrib.pop(name, None)
        for name, val in outcome.attributes.items():
            el.set(name, val)
        changed += 1
    return changed


def _anchor_from(el: etree._Element, old_style: bool) -> Anchor | None:
    """Where an existing date puts the narrative, in the calendar the text is written in."""
    when = el.get("when") or ""
    anchor = Anchor.from_iso(when) if len(when) >= 7 else None
    calendars = _calendars(el)
    written_julian = calendars == [JULIAN] or (old_style and JULIAN in calendars)
    if anchor is not None and len(when) == 10 and written_julian:
        try:
            day = gregorian_to_julian(date.fromisoformat(when))
        except (ValueError, OverflowError):  # 29 February of a Julian-only leap year, or beyond year 9999: keep the Gregorian day
            return anchor
        return Anchor(day.year, day.month, day.day)
    return anchor


def _document_day(root: etree._Element, old_style: bool) -> tuple[Anchor | None, date | None]:
    """The document's date as its writer wrote it: the first anchor, and 'today' if a day."""
    creation = _creation_date(root)
    if creation is None:
        return None, None
    written = _written_value(creation)
    anchor = None
    if written is not None and written.when is not None:
        anchor = Anchor.from_iso(written.when)
    if anchor is None:
        anchor = _anchor_from(creation, old_style)
    today = date(anchor.year, anchor.month, anchor.day) if anchor and anchor.month and anchor.day else None
    if len(root.findall(f"{T}text/{T}body/{T}div")) > 1:
        today = None  # several texts (a diary entry and a memo): whose 'today'?
    return anchor, today


# --------------------------------------------------------------------------- mixed content

def _items(el: etree._Element) -> list:
    """An element's content as alternating strings and (tail-less) children."""
    items: list = [el.text or ""]
    for child in el:
        items.append(child)
        items.append(child.tail or "")
    return items


def _fill(el: etree._Element, items: list) -> None:
    """Set an element's content from strings and elements (inverse of `_items`)."""
    for child in list(el):
        el.remove(child)
    el.text = None
    last: etree._Element | None = None
    for item in items:
        if isinstance(item, str):
            if not item:
                continue
            if last is None:
                el.text = (el.text or "") + item
            else:
                last.tail = (last.tail or "") + item
        else:
            item.tail = None
            el.append(item)
            last = item


def _is_transparent(el: etree._Element) -> bool:
    """Inline markup whose text reads on with the surrounding text, holding nothing opaque."""
    if local_name(el) in MILESTONES:
        return True
    if local_name(el) not in TRANSPARENT or _is_skipped(el):
        return False
    return all(local_name(d) in TRANSPARENT | MILESTONES for d in el.iterdescendants() if isinstance(d.tag, str))


def _flat(el: etree._Element) -> str:
    """The text a transparent element contributes (a line break reads as a space)."""
    if local_name(el) == "lb":
        return "" if el.get("break") == "no" else " "
    if local_name(el) in MILESTONES:
        return ""
    parts = [el.text or ""]
    for child in el:
        parts.append(_flat(child))
        parts.append(child.tail or "")
    return "".join(parts)


@dataclass
class _Wrap:
    """A stretch of a run's items to wrap in a new <date>."""

    first: int  # item index where it starts
    first_offset: int
    last: int  # item index where it ends
    last_offset: int  # end offset within that item
    attributes: dict[str, str]
    problem: str | None


def _locate(positions: list[tuple[int, int]], items: list, start: int, end: int) -> tuple[int, int, int, int] | None:
    """Item indexes and offsets of [start, end), or None if an end falls inside a child."""
    first = last = None
    for index, (a, b) in enumerate(positions):
        if first is None and a <= start < b:
            first = index
        if a < end <= b:
            last = index
    if first is None or last is None:
        return None
    first_item, last_item = items[first], items[last]
    if not isinstance(first_item, str) and start != positions[first][0]:
        return None
    if not isinstance(last_item, str) and end != positions[last][1]:
        return None
    if first == last and not isinstance(first_item, str):
        return None  # entirely inside one child: found when that child is read
    return first, start - positions[first][0], last, end - positions[last][0]


def _wrap(items: list, wrap: _Wrap) -> tuple[list, etree._Element]:
    """Replace the wrapped stretch by a <date> holding exactly the same text and markup."""
    before: list = list(items[: wrap.first])
    after: list = list(items[wrap.last + 1 :])
    inner: list = []
    first_item, last_item = items[wrap.first], items[wrap.last]
    if wrap.first == wrap.last:  # a single string
        before.append(first_item[: wrap.first_offset])
        inner.append(first_item[wrap.first_offset : wrap.last_offset])
        after.insert(0, first_item[wrap.last_offset :])
    else:
        if isinstance(first_item, str):
            before.append(first_item[: wrap.first_offset])
            inner.append(first_item[wrap.first_offset :])
        else:
            inner.append(first_item)
        inner.extend(items[wrap.first + 1 : wrap.last])
        if isinstance(last_item, str):
            inner.append(last_item[: wrap.last_offset])
            after.insert(0, last_item[wrap.last_offset :])
        else:
            inner.append(last_item)
    new = etree.Element(f"{T}date", wrap.attributes)
    _fill(new, inner)
    return before + [new] + after, new


# --------------------------------------------------------------------------- the walk


@dataclass
class _Tagger:
    """One document's walk: its calendar default, its writer's 'today', what went wrong."""

    old_style: bool
    today: date | None
    is_letter: bool = False
    problems: dict[etree._Element, str] = field(default_factory=dict)
    """New dates without a value, and why."""

    def visit(self, el: etree._Element, finder: DateFinder) -> None:
        """Read one element in document order, tagging the text of containers."""
        name = local_name(el)
        if _is_skipped(el):
            if name == "date":
                finder.pass_date("".join(el.itertext()), _anchor_from(el, self.old_style))
            return
        if name == "note":
            finder = finder.fork()  # a note's dates do not move the main text along
        if name in CONTAINERS:
            self.read_container(el, finder)
        else:
            for child in list(el):
                self.visit(child, finder)

    def read_container(self, el: etree._Element, finder: DateFinder) -> None:
        """Tag the container's own text run by run; opaque children split runs and are read in turn."""
        items = _items(el)
        out: list = []
        run: list = []
        changed = False

        def flush() -> None:
            nonlocal run, changed
            if run:
                new_run, did = self.tag_run(el, run, finder)
                changed = changed or did
                out.extend(new_run)
                for item in new_run:
                    if not isinstance(item, str) and local_name(item) != "date" and _is_transparent(item):
                        self.visit(item, finder)
            run = []

        for item in items:
            if isinstance(item, str) or _is_transparent(item):
                run.append(item)
                continue
            flush()
            out.append(item)
            self.visit(item, finder)
        flush()
        if changed:
            _fill(el, out)

    def tag_run(self, container: etree._Element, run: list, finder: DateFinder) -> tuple[list, bool]:
        positions: list[tuple[int, int]] = []
        parts: list[str] = []
        offset = 0
        for item in run:
            text = item if isinstance(item, str) else _flat(item)
            positions.append((offset, offset + len(text)))
            parts.append(text)
            offset += len(text)
        text = "".join(parts)
        if not text.strip():
            return run, False
        mentions = finder.find_all(text)
        voice = not any(local_name(a) in OTHER_VOICES for a in [container, *container.iterancestors()])
        mentions += find_relative_dates(
            text, mentions, self.today if voice else None, today_is_a_day=self.is_letter
        )
        editorial = any(local_name(a) in EDITORIAL for a in [container, *container.iterancestors()])
        wraps: list[_Wrap] = []
        for mention in sorted(mentions, key=lambda m: m.start):
            where = _locate(positions, run, mention.start, mention.end)
            if where is None:
                continue
            outcome = _apply_calendar(mention, self.old_style and not editorial)
            wraps.append(_Wrap(*where, outcome.attributes, outcome.problem))
        if not wraps:
            return run, False
        items = list(run)
        for wrap in reversed(wraps):
            items, new = _wrap(items, wrap)
            if wrap.problem:
                self.problems[new] = wrap.problem
        return items, True


# --------------------------------------------------------------------------- declarations


def _declare_calendars(root: etree._Element) -> list[str]:
    """A <calendar xml:id="julian"> (or "gregorian") in profileDesc/calendarDesc for each one used."""
    used = {token[1:] for el in root.iter(f"{T}date") for token in _calendars(el) if token.startswith("#")}
    wanted = [name for name in ("julian", "gregorian") if name in used]
    if not wanted:
        return []
    problems = []
    header = root.find(f"{T}teiHeader")
    if header is None:
        return ["no teiHeader: cannot declare the calendars that @calendar points to"]
    profile = header.find(f"{T}profileDesc")
    if profile is None:
        profile = etree.Element(f"{T}profileDesc")
        revision = header.find(f"{T}revisionDesc")
        if revision is not None:
            revision.addprevious(profile)
        else:
            header.append(profile)
    ids = {el.get(XML_ID): el for el in root.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
    for name in wanted:
        existing = ids.get(name)
        if existing is not None:
            if local_name(existing) != "calendar":
                problems.append(f'xml:id "{name}" is a <{local_name(existing)}>, not the <calendar> that @calendar="#{name}" needs')
            continue
        desc = profile.find(f"{T}calendarDesc")
        if desc is None:
            desc = etree.SubElement(profile, f"{T}calendarDesc")
        calendar_el = etree.SubElement(desc, f"{T}calendar", {XML_ID: name})
        etree.SubElement(calendar_el, f"{T}p").text = CALENDAR_DESCRIPTIONS[name]
        _indent_declarations(desc)
    return problems


def _indent_declarations(desc: etree._Element) -> None:
    """Lay out calendarDesc like the rest of the header (teifile only indents what it knows)."""
    depth = sum(1 for _ in desc.iterancestors())
    if (desc.text or "").strip() or any((c.tail or "").strip() for c in desc):
        return
    desc.text = "\n" + "  " * (depth + 1)
    for calendar_el in desc:
        calendar_el.tail = "\n" + "  " * (depth + 1)
        if not (calendar_el.text or "").strip() and all(not (c.tail or "").strip() for c in calendar_el):
            calendar_el.text = "\n" + "  " * (depth + 2)
            for child in calendar_el:
                child.tail = "\n" + "  " * (depth + 2)
            if len(calendar_el):
                calendar_el[-1].tail = "\n" + "  " * (depth + 1)
    desc[-1].tail = "\n" + "  " * depth


# --------------------------------------------------------------------------- entry point


def _text_before(el: etree._Element) -> str:
    """The text before an element within its parent, as the tagger read it (notes apart)."""
    parent = el.getparent()
    if parent is None:
        return ""
    parts = [parent.text or ""]
    for sibling in parent:
        if sibling is el:
            break
        if isinstance(sibling.tag, str) and local_name(sibling) != "note":
            parts.append("".join(sibling.itertext()))
        parts.append(sibling.tail or "")
    return "".join(parts)


def _why_no_value(el: etree._Element, anchor: Anchor | None) -> str:
    """For a date tagged earlier (by a previous run or an editor): why it has no value.

    Read with the words before it first: some expressions are dates only in context
    ('to celebrate the New Year'), some are unclear because of what precedes them."""
    written = " ".join("".join(el.itertext()).split())
    for before in (" ".join(_text_before(el).split()) + " ", ""):
        offset = len(before)
        mentions = [m for m in DateFinder(anchor).find_all(before + written) if m.end > offset]
        if len(mentions) == 1 and mentions[0].start == offset and mentions[0].problem:
            return mentions[0].problem
    return "not recognised as a date teikit can normalise"


def tag_dates(root: etree._Element, *, old_style: bool | None = None) -> list[str]:
    """Wrap every date expression in the document's text in a normalised <date>; report problems.

    `old_style`: True if the source writes Old Style dates (Julian calendar), False if not,
    None to ask the document (an Old Style creation date; see the module docstring).
    Returns one message per date in the text without a normalised value (new or left from
    before: an editor still has to supply it) and per other problem. Changes `root` in place;
    running it again changes nothing.
    """
    if root.tag != f"{T}TEI":
        return [f"{document_label(root)}: not a TEI document (root is <{root.tag}>)"]
    is_old_style = document_is_old_style(root) if old_style is None else old_style
    _normalise_existing(root, is_old_style)
    anchor, today = _document_day(root, is_old_style)
    is_letter = root.find(f"{T}teiHeader/{T}profileDesc/{T}correspDesc") is not None
    tagger = _Tagger(is_old_style, today, is_letter)
    for text in root.findall(f"{T}text"):
        tagger.visit(text, DateFinder(anchor))
    messages = [f"{document_label(root)}: {problem}" for problem in _declare_calendars(root)]
    for text in root.findall(f"{T}text"):
        for el in text.iter(f"{T}date"):
            if any(el.get(a) for a in ALL_VALUE_ATTRIBUTES):
                continue
            written = " ".join("".join(el.itertext()).split())
            problem = tagger.problems.get(el) or _why_no_value(el, anchor)
            line = next((a.sourceline for a in el.iterancestors() if a.sourceline), None)
            where = f"line {line}: " if line else ""
            messages.append(f"{document_label(root)}: {where}date '{written}' has no normalised value: {problem}")
    return messages
