"""Header conventions of the Lenin Collected Works pages (Marxists Internet Archive, Marxists wiki).

Both sites print the same editorial apparatus: "Written:", "Published:"/"First published
in ...", "Source: Lenin Collected Works, Progress Publishers, 1975, Moscow, Volume 44, pages
98b-99a.", "Translated:", "Transcription\\Markup:", a licence line. Fields may wrap over
several lines; labels may or may not carry a colon, or stand on a line of their own.

They also print the text the same way, so this module reads it for both readers: the
footnote section, letters and articles, and pages holding several short documents, each
under its own heading ("TO L. B. KRASIN", or "1", "2" under "Two Notes to ...").
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, field

from datetime import date

from teikit.dates import julian_to_gregorian, DateValue, find_date, parse_date
from teikit.inline import SUPERSCRIPT_DIGITS, collapse_spaces, parse_inline, plain_text
from teikit.model import (
    Bibl,
    Block,
    Closer,
    Document,
    Note,
    Opener,
    Para,
    Person,
    Postscript,
    Responsibility,
    TaggedText,
)
from teikit.readers.letters import is_dateline, is_salute, is_signature, letter_blocks
from teikit.readers.page import Page
from teikit.readers.titles import correspondence_title

FIELD_LABELS = {
    "author(s)": "author",
    "author": "author",
    "to": "to",
    "written": "written",
    "dictated": "dictated",
    "delivered": "written",
    "published": "published",
    "first published": "published",
    "source": "source",
    "translated": "translated",
    "translated by": "translated",
    "translation": "translated",
    "transcription\\markup": "transcribed",
    "transcription/markup": "transcribed",
    "transcription": "transcribed",
    "transcribed": "transcribed",
    "html markup": "transcribed",
    "markup": "transcribed",
    "proofread": "transcribed",
    "online version": "online",
    "public domain": "licence",
    "copyleft": "licence",
    "license": "licence",
    "licence": "licence",
    "other formats": "site-links",
}
# "First published in 1959 ..." is a field whose label is part of the sentence.
_FIRST_PUBLISHED = re.compile(r"^(First\s+published|Published\s+for\s+the\s+first\s+time)\b", re.I)
_LABEL = re.compile(
    r"^\s*(?P<label>" + "|".join(sorted((re.escape(k) for k in FIELD_LABELS), key=len, reverse=True)) + r")"
    r"(?:\s*:|(?=\s+\S))\s*(?P<value>.*)$",
    re.I,
)
# Labels without a colon (the wiki prints "Written 24 April 1922") are taken only for the
# fields whose value has a recognisable shape, so a sentence starting "To ..." is not a field.
_COLONLESS_OK = {"author", "written", "dictated", "source"}


@dataclass
class Field:
    name: str  # normalised: author, to, written, published, source, ...
    label: str  # as printed, with its colon
    value: str
    line: int  # index of the first line
    lines: list[int] = field(default_factory=list)


def field_at(line: str) -> tuple[str, str, str] | None:
    """(name, label as printed, value) if `line` opens a header field.

    "First Published: First published in 1942 ..." has a label; "First published in 1959
    ..." (the wiki) is a sentence that is its own field.
    """
    m = _LABEL.match(line)
    has_colon = bool(m) and ":" in line[m.end("label") : m.start("value")]
    if not has_colon and _FIRST_PUBLISHED.match(line.strip()):
        return "published", "", line.strip()
    if not m or not m.group("value").strip():
        return None
    name = FIELD_LABELS[m.group("label").lower()]
    if not has_colon and name not in _COLONLESS_OK:
        return None
    if not has_colon and name in ("written", "dictated") and find_date(m.group("value")) is None:
        return None
    label = line[: m.start("value")].strip()
    return name, label, m.group("value")


def bare_label(line: str) -> tuple[str, str] | None:
    """(name, label) for a label on a line of its own, its value on the next line.

    The wiki's infobox, copied as text, may put "Author(s)" and "Lenin" on two lines.
    """
    m = re.fullmatch(r"\s*(?P<label>[^:]+?)\s*(?P<colon>:?)\s*", line)
    name = FIELD_LABELS.get(m.group("label").lower()) if m else None
    if name is None or not (m.group("colon") or name in _COLONLESS_OK):
        return None
    return name, line.strip()


def opens_field(line: str) -> bool:
    return field_at(line) is not None or bare_label(line) is not None


def header_end(lines: list[str]) -> int:
    """The line after the header: title lines, then a run of fields near the top of the page.

    A field's value may wrap onto the next lines (no blank line between). The header ends
    at the first line after the fields that neither opens a field nor continues one, so a
    field-like line further down ("Dictated by telephone" under a signature) stays text.
    """
    end, seen_field, after_blank = 0, False, False
    for i, line in enumerate(lines[:80]):
        if not line.strip():
            after_blank = True
            continue
        if opens_field(line):
            seen_field, after_blank, end = True, False, i + 1
        elif seen_field and not after_blank:
            end = i + 1  # a wrapped field value
        elif seen_field:
            break
    return end


def read_fields(page: Page, start: int, stop: int) -> list[Field]:
    """Header fields in lines [start, stop), joining wrapped continuation lines.

    A continuation is a non-blank line right after a field line that does not open a field
    itself: that is how the sites wrap long values.
    """
    fields: list[Field] = []
    previous_was_field = False
    for i in range(start, stop):
        line = page.lines[i]
        if not line.strip():
            previous_was_field = False
            continue
        found = field_at(line)
        bare = None if found else bare_label(line)
        if found or bare:
            name, label, value = found or (*bare, "")
            fields.append(Field(name, label, collapse_spaces(value), i, [i]))
            previous_was_field = True
        elif previous_was_field and fields:
            fields[-1].value = collapse_spaces(fields[-1].value + " " + line)
            fields[-1].lines.append(i)
    return fields


def drop_label(page: Page, f: Field) -> None:
    if f.label:
        page.drop(f.line, "field label", text=f.label)


# -- values --------------------------------------------------------------------

_SOURCE_PARTS = [
    (re.compile(r"(?:Volume|Vol\.)\s*\w+"), "biblScope", "volume"),
    (re.compile(r"(?:pages?|pp?\.)\s*[\w–-]+"), "biblScope", "page"),
]


def source_bibl(value: str) -> Bibl:
    """"Lenin Collected Works, Progress Publishers, 1975, Moscow, Volume 44, pages 98b-99a."."""
    tagged = TaggedText(value)
    parts = [p.strip(" .") for p in value.split(",")]
    if parts:
        tagged.mark(parts[0], "title", level="m")
    for part in parts[1:]:
        if re.search(r"\b(Publishers?|Press|Verlag|Izdat\w*|Gospolitizdat)\b", part):
            tagged.mark(part, "publisher")
        elif re.fullmatch(r"1[89]\d\d|20\d\d", part):
            tagged.mark(part, "date", when=part)
        elif re.fullmatch(r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?", part):
            tagged.mark(part, "pubPlace")
    for pattern, tag, unit in _SOURCE_PARTS:
        m = pattern.search(value)
        if m:
            attrs = {"unit": unit}
            attrs.update(_scope_range(m.group(0)))
            tagged.mark(m.group(0), tag, **attrs)
    return Bibl(tagged, type="print-source")


def _scope_range(scope: str) -> dict[str, str]:
    m = re.search(r"(\w+)\s*[–-]\s*(\w+)$", scope)
    if m:
        return {"from": m.group(1), "to": m.group(2)}
    m = re.search(r"(\d+\w*)$", scope)
    return {"from": m.group(1), "to": m.group(1)} if m else {}


def publication_bibl(value: str) -> Bibl:
    """"First published in 1959 in Lenin Miscellany XXXVI. Printed from a typewritten copy."."""
    tagged = TaggedText(value)
    publication = _PRINTING_REMARK.split(value, maxsplit=1)[0]
    found = find_date(publication)
    if found:
        tagged.mark(found[2].text, "date", **found[2].tei_attributes())
    title = _published_in_title(publication)
    if title:
        tagged.mark(title, "title")
    return Bibl(tagged, type="first-publication")


# The publication field goes on to say how the text was printed or sent: not publication.
_PRINTING_REMARK = re.compile(r"[.;]\s+(?=(?:Printed|Sent|Published\s+according|Checked|Translated)\b)")
_TITLE_WORDS = r"[A-Z][\w’'-]*(?:\s+(?!No\.)(?:[A-Z][\w’'-]*|[IVXLC]+))*"
_ORDINAL = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Sixth)\b")


def _published_in_title(text: str) -> str | None:
    """"in Lenin Miscellany XXXVI", "in Rabochy Put No. 40", or a leading "Proletary, No. 2"."""
    for m in re.finditer(rf"\bin\s+(?:the\s+)?({_TITLE_WORDS})", text):
        if not _ORDINAL.match(m.group(1)):
            return m.group(1)
    m = re.match(rf"({_TITLE_WORDS}),?\s+No\.", text)
    return m.group(1) if m else None


def web_bibl(value: str) -> Bibl:
    """"Online Version: Lenin Internet Archive (marxists.org), 2003": the edition on the web."""
    tagged = TaggedText(value)
    publisher = re.match(r"[^(,]+", value)
    if publisher:
        tagged.mark(publisher.group(0).strip(), "publisher")
    year = re.search(r"\b(?:19|20)\d\d\b", value)
    if year:
        tagged.mark(year.group(0), "date", when=year.group(0))
    return Bibl(tagged, type="web-source")


def sent_to(value: str) -> str | None:
    """The place a letter was sent to: "Sent to Berlin." in the publication field."""
    m = re.search(r"\bSent\s+(?:from\s+[A-Z][\w-]+\s+)?to\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", value)
    return m.group(1) if m else None


def sent_from(value: str) -> str | None:
    """"Sent from Zurich to Petrograd." names where the letter was written."""
    m = re.search(r"\bSent\s+from\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+to\b", value)
    return m.group(1) if m else None


def written_date_and_place(value: str) -> tuple[DateValue | None, str | None]:
    """"24 April 1922", "Moscow, 24 April 1922", "Written: Between June 17 and 25, 1916, Zurich"."""
    value = value.strip().rstrip(".")
    whole = parse_date(value)
    if whole:
        return whole, None
    found = find_dual_date(value) or find_date(value)
    if not found:
        return None, value if _PLACE.fullmatch(value) else None
    start, end, date = found
    rest = (value[:start] + " " + value[end:]).strip(" ,;.")
    rest = re.sub(r"^(?:in|at)\s+", "", rest)
    place = rest if _PLACE.fullmatch(rest) else None
    return date, place


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "26 October (8 November), 1917", "October 6 (19), 1917": Old Style, then New Style in brackets.
_DUAL_DATE = re.compile(
    rf"(?P<os>\d{{1,2}}\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+\d{{1,2}})"
    rf"\s*\((?P<ns>\d{{1,2}}(?:\s+{_MONTH})?|{_MONTH}\s+\d{{1,2}})\),?\s+(?P<y>1[89]\d\d)"
)


def find_dual_date(text: str) -> tuple[int, int, DateValue] | None:
    """A date printed in both calendars, as the New Style date (the one in brackets).

    The Collected Works date documents written in Russia before February 1918 so;
    the whole expression stays the date's text.
    """
    m = _DUAL_DATE.search(text)
    if not m:
        return None
    old_style = parse_date(f"{m.group('os')} {m.group('y')}")
    if old_style is None or old_style.when is None or len(old_style.when) != 10:
        return None
    try:
        gregorian = julian_to_gregorian(date.fromisoformat(old_style.when))
    except ValueError:  # 29 February of a Julian-only leap year
        return None
    printed = re.match(r"\d+", m.group("ns")) or re.search(r"\d+", m.group("ns"))
    if printed is None or int(printed.group()) != gregorian.day:
        return None  # the bracket is not this day in the other calendar: no guess
    return m.start(), m.end(), DateValue(m.group(0), when=gregorian.isoformat())


# A place of writing is a few capitalised words ("Moscow", "Gorki", "Novy Afon").
_PLACE = re.compile(r"[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2}")


_GLOSS = re.compile(r"^(?P<name>.+?)\s*\((?P<gloss>[^()]{2,60})\)$")


def person(name: str) -> Person:
    """"N. Lenin (V. I. Ulyanov)": a pseudonym whose bracket glosses the real name."""
    m = _GLOSS.match(name)
    return Person(name, note=m.group("gloss") if m else None)


def names(value: str) -> list[str]:
    """"Clemens Dutt", "Brian Baggins and David Walters", "R. Cymbala; M. Schmidt"."""
    value = value.strip().rstrip(".")
    parts = re.split(r"\s*(?:;|,\s*and\s+|\s+and\s+|,\s+(?=[A-Z]))\s*", value, flags=re.I)
    return [p for p in (collapse_spaces(x) for x in parts) if p]


def _leftover(value: str, date: DateValue | None, place: str | None) -> bool:
    """Does a "Written:" value say more than its date and place?"""
    rest = value
    for part in (date.text if date else None, place):
        if part:
            rest = rest.replace(part, " ", 1)
    return bool(re.search(r"\w", re.sub(r"\b(?:in|at|on)\b", " ", rest)))


RESPONSIBILITY = {
    "translated": ("translator", "Translated by"),
    "transcribed": ("transcriber", "Transcription/Markup"),
}


def apply_fields(doc: Document, fields: list[Field], page: Page) -> None:
    """Put each header field where TEI wants it; every field's words are kept."""
    for f in fields:
        value = f.value
        if f.name == "author":
            doc.authors = [person(n) for n in names(value)]
            drop_label(page, f)
        elif f.name == "to":
            doc.recipients = [person(n) for n in names(value)]
            drop_label(page, f)
        elif f.name in ("written", "dictated"):
            date, place = written_date_and_place(value)
            doc.date = doc.date or date
            doc.place = doc.place or place
            if f.name == "dictated" or _leftover(value, date, place):
                note = TaggedText(f"{f.label} {value}".strip())
                if date:
                    note.mark(date.text, "date", **date.tei_attributes())
                doc.header_notes.append(note)
            else:
                drop_label(page, f)
        elif f.name == "published":
            doc.bibls.append(publication_bibl(value))
            doc.recipient_place = doc.recipient_place or sent_to(value)
            doc.place = doc.place or sent_from(value)
            drop_label(page, f)
        elif f.name == "source":
            doc.bibls.insert(0, source_bibl(value))
            drop_label(page, f)
        elif f.name in RESPONSIBILITY:
            role, label = RESPONSIBILITY[f.name]
            doc.responsibilities.append(Responsibility(role=role, label=f.label.rstrip(": ") or label, names=names(value)))
        elif f.name == "online":
            doc.bibls.append(web_bibl(value))
            drop_label(page, f)
        elif f.name == "licence":
            doc.licence = f"{f.label} {value}".strip()
        elif f.name == "site-links":
            for i in f.lines:
                page.drop(i, "links to other formats of the page")


_ADDRESSED = re.compile(
    r"^(?:(?:Two|Three|Four|Five|Six|\d+)\s+)?"  # "Two Notes to A. D. Tsyurupa"
    r"(?:(?P<kind>Letter|Telegram|Note|Message|Greetings|Telephone\s+message|Telephonogram|Radiogram|Cable"
    r"|(?:Draft\s+)?(?:Letter|Telegram))s?\s+)?"
    r"to:?\s+(?P<who>.+?)(?=\s+(?:for|with|on|about|concerning|regarding|re)\b|,\s|\.$|$)",
    re.I,
)
_DOC_TYPES = {
    "telegram": "telegram",
    "note": "note",
    "telephone message": "telegram",
    "telephonogram": "telegram",
    "radiogram": "telegram",
    "cable": "telegram",
}


def addressed_in_title(title: str) -> tuple[str | None, list[str]]:
    """("letter", ["Joseph Stalin"]) for "Letter to Joseph Stalin for ... , April 24, 1922"."""
    m = _ADDRESSED.match(collapse_spaces(title))
    if not m:
        return None, []
    kind = (m.group("kind") or "letter").lower()
    doc_type = next((t for k, t in _DOC_TYPES.items() if k in kind), "letter")
    who = re.sub(r",?\s*\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b.*$", "", m.group("who"))
    return doc_type, names(who)


# -- the text ------------------------------------------------------------------


@dataclass
class Part:
    """One document of a page: its heading ("TO L. B. KRASIN", "2") if the page prints one."""

    heading: str | None
    paragraphs: list[str]


def split_parts(paragraphs: list[str], announced: bool = False, year: int | None = None) -> list[Part]:
    """A page may hold several short documents, each under its own heading.

    The Collected Works head each with its addressee in capitals ("TO L. B. KRASIN") or
    number them ("1", "2") under a common title ("Two Notes to A. D. Tsyurupa"). An article's
    numbered sections ("I", "II") or a capitalised appeal inside it do not split it: a part
    must open like a letter, or follow a signed one. `announced`: the page's title announces
    several documents ("Two Notes to ..."), so its numbered parts are documents.
    """
    numbered = _numbered_headings(paragraphs, announced, year)
    parts = [Part(None, [])]
    for i, text in enumerate(paragraphs):
        if i in numbered or _starts_another_letter(paragraphs, i, year):
            parts.append(Part(text, []))
        else:
            parts[-1].paragraphs.append(text)
    return [p for p in parts if p.paragraphs or p.heading]


def is_addressee_heading(text: str) -> bool:
    """"TO L. B. KRASIN", "TELEGRAM TO J. V. STALIN": an addressee printed in capitals."""
    letters = re.sub(r"[^A-Za-z]", "", text)
    return bool(letters) and letters.isupper() and len(text.split()) <= 15 and bool(addressed_in_title(text)[1])


def _starts_another_letter(paragraphs: list[str], i: int, year: int | None) -> bool:
    if not is_addressee_heading(paragraphs[i]):
        return False
    signed_before = i > 0 and is_signature(paragraphs[i - 1]) and re.search(r"[a-z]", paragraphs[i - 1])
    return bool(signed_before) or opens_like_letter(paragraphs[i + 1 : i + 3], year)


def opens_like_letter(paragraphs: list[str], year: int | None) -> bool:
    """A dateline or a salutation among the first paragraphs."""
    return any(is_dateline(p, year) or is_salute(p) for p in paragraphs[:2])


def _numbered_headings(paragraphs: list[str], announced: bool, year: int | None) -> set[int]:
    """Indexes of the paragraphs "1", "2", ... when they number letters in sequence."""
    found = [i for i, p in enumerate(paragraphs) if re.fullmatch(r"(?:\d{1,2}|[IVX]{1,4})\.?", p)]
    labels = [paragraphs[i].rstrip(".") for i in found]
    in_sequence = labels in ([str(n) for n in range(1, len(found) + 1)], _ROMAN[: len(found)])
    if len(found) < 2 or not in_sequence:
        return set()
    bounds = [*found, len(paragraphs)]
    letters = all(opens_like_letter(paragraphs[a + 1 : b], year) for a, b in itertools.pairwise(bounds))
    return set(found) if announced or letters else set()


_SEVERAL = re.compile(r"\b(?:Two|Three|Four|Five|Six|Seven|\d+)\s+[A-Z]?\w+s\b|\b(?:Letters|Telegrams|Notes)\s+to\b", re.I)


def announces_several(title: str) -> bool:
    """"Two Notes to A. D. Tsyurupa", "Telegrams to the Southern Front"."""
    return bool(_SEVERAL.search(title))


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def documents_of(base: Document, paragraphs: list[str], notes: list[Note]) -> list[Document]:
    """The page's document, or one per part when the page holds several (sharing the header)."""
    parts = split_parts(paragraphs, announces_several(base.title), base.date.year if base.date else None)
    if len(parts) <= 1:
        fill_text(base, parts[0].paragraphs if parts else [], notes, own_dateline=False)
        return [base]
    documents = []
    for part, part_notes in zip(parts, share_notes(parts, notes)):
        doc = copy.deepcopy(base)
        doc.notes = part_notes
        if part.heading:
            _apply_heading(doc, part.heading, base.title)
        fill_text(doc, part.paragraphs, part_notes, own_dateline=True)
        documents.append(doc)
    return documents


def _apply_heading(doc: Document, heading: str, page_title: str) -> None:
    doc_type, recipients = addressed_in_title(heading)
    if recipients:
        doc.title = heading
        doc.recipients = [person(n) for n in recipients]
        doc.doc_type = doc_type or doc.doc_type
    else:
        doc.title = f"{page_title} ({heading})".strip()


def share_notes(parts: list[Part], notes: list[Note]) -> list[list[Note]]:
    """Each note goes with the part that holds its marker; notes without one go with the last."""
    owner: dict[str, int] = {}
    for i, part in enumerate(parts):
        for n in note_markers(" ".join(part.paragraphs)):
            owner.setdefault(n, i)
    shares: list[list[Note]] = [[] for _ in parts]
    for note in notes:
        shares[owner.get(note.n, len(parts) - 1)].append(note)
    return shares


def note_markers(text: str) -> list[str]:
    """Note numbers referred to by "[1]" or superscript markers."""
    bracketed = re.findall(r"\[(\d{1,3})\](?!\d)", text)
    raised = [m.translate(SUPERSCRIPT_DIGITS) for m in re.findall(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", text)]
    return bracketed + raised


def fill_text(doc: Document, paragraphs: list[str], notes: list[Note], own_dateline: bool) -> None:
    """Body of a letter (opener, closer, postscripts) or of an article; date from the dateline.

    `own_dateline`: the document is one of several on the page, so its dateline dates it
    rather than the page's common "Written" field.
    """
    doc.notes = notes
    numbers = {n.n for n in notes}
    year = doc.date.year if doc.date else None
    if is_letter(doc, paragraphs, year):
        if doc.doc_type in ("document", "article"):
            doc.doc_type = "telegram" if re.search(r"\btelegram\b", doc.title, re.I) else "letter"
        doc.body = closer_after_postscripts(letter_blocks(paragraphs, numbers, year=year))
        _date_from_dateline(doc, own_dateline)
    else:
        doc.doc_type = "article"
        doc.body = [Para(parse_inline(p, numbers)) for p in paragraphs]
    doc.title = doc.title or correspondence_title(doc)


def is_letter(doc: Document, paragraphs: list[str], year: int | None) -> bool:
    if doc.recipients:
        return True
    return bool(paragraphs) and bool(is_salute(paragraphs[0]) or is_dateline(paragraphs[0], year))


def closer_after_postscripts(blocks: list[Block]) -> list[Block]:
    """A signature printed below the postscripts closes the letter; it is not part of the P.S.

    (letters.letter_blocks runs a postscript on to the end of the text.)
    """
    last = blocks[-1] if blocks else None
    if isinstance(last, Postscript) and len(last.paras) > 1 and is_signature(plain_text(last.paras[-1].content)):
        blocks.append(Closer(signed=last.paras.pop().content))
    return blocks


def _date_from_dateline(doc: Document, own_dateline: bool) -> None:
    opener = next((b for b in doc.body if isinstance(b, Opener)), None)
    closer = next((b for b in doc.body if isinstance(b, Closer) and b.date), None)
    dated = opener.date if opener and opener.date else closer.date if closer else None
    page_date, doc.date = doc.date, better_date(doc.date, dated, own_dateline)
    if page_date is not None and doc.date is not page_date:
        _keep_page_date(doc, page_date)
    if opener and opener.place and not doc.place:
        doc.place = opener.place


def _keep_page_date(doc: Document, page_date: DateValue) -> None:
    """The header's date, superseded by the dateline, stays in the header as a note."""
    if not any(page_date.text in note.text for note in doc.header_notes):
        doc.header_notes.append(TaggedText(page_date.text).mark(page_date.text, "date", **page_date.tei_attributes()))


def better_date(page_date: DateValue | None, dateline: DateValue | None, own_dateline: bool) -> DateValue | None:
    """The dateline's date when it is the document's own or narrows the page's ("August 1906" -> "29/VIII.")."""
    if dateline is None or dateline.sort_key is None:
        return page_date
    if page_date is None or own_dateline:
        return dateline
    narrows = page_date.when is not None and dateline.when is not None and (
        len(dateline.when) > len(page_date.when) and dateline.when.startswith(page_date.when)
    )
    return dateline if narrows else page_date
