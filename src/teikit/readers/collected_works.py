"""Header conventions of the Lenin Collected Works pages (Marxists Internet Archive, Marxists wiki).

Both sites print the same editorial apparatus: "Written:", "Published:"/"First published
in ...", "Source: Lenin Collected Works, Progress Publishers, 1975, Moscow, Volume 44, pages
98b-99a.", "Translated:", "Transcription\\Markup:", a licence line. Fields may wrap over
several lines; labels may or may not carry a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teikit.dates import DateValue, find_date, parse_date
from teikit.inline import collapse_spaces
from teikit.model import Bibl, Document, Person, Responsibility, TaggedText
from teikit.readers.page import Page

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
    """(name, label as printed, value) if `line` opens a header field."""
    if _FIRST_PUBLISHED.match(line.strip()):
        return "published", "", line.strip()
    m = _LABEL.match(line)
    if not m or not m.group("value").strip():
        return None
    name = FIELD_LABELS[m.group("label").lower()]
    has_colon = ":" in line[m.end("label") : m.start("value")]
    if not has_colon and name not in _COLONLESS_OK:
        return None
    if not has_colon and name in ("written", "dictated") and find_date(m.group("value")) is None:
        return None
    label = line[: m.start("value")].strip()
    return name, label, m.group("value")


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
        if field_at(line):
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
        if found:
            name, label, value = found
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
    m = re.search(r"\bin\s+(1[89]\d\d)\b", value)
    if m:
        tagged.mark(m.group(1), "date", when=m.group(1))
    m = re.search(r"\b(?:in|in the)\s+((?:Lenin|Leninsky|Pravda|Izvestia|Proletarskaya)[^.;,]*)", value)
    if m:
        tagged.mark(m.group(1).strip(), "title")
    return Bibl(tagged, type="first-publication")


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
    found = find_date(value)
    if not found:
        return None, value or None
    start, end, date = found
    rest = (value[:start] + " " + value[end:]).strip(" ,;.")
    rest = re.sub(r"^(?:in|at)\s+", "", rest)
    place = rest if _PLACE.fullmatch(rest) else None
    return date, place


# A place of writing is a few capitalised words ("Moscow", "Gorki", "Novy Afon").
_PLACE = re.compile(r"[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2}")


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
    "online": ("transcriber", "Online version"),
}


def apply_fields(doc: Document, fields: list[Field], page: Page) -> None:
    """Put each header field where TEI wants it; every field's words are kept."""
    for f in fields:
        value = f.value
        if f.name == "author":
            doc.authors = [Person(n) for n in names(value)]
            drop_label(page, f)
        elif f.name == "to":
            doc.recipients = [Person(n) for n in names(value)]
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
        elif f.name == "licence":
            doc.licence = f"{f.label} {value}".strip()
        elif f.name == "site-links":
            for i in f.lines:
                page.drop(i, "links to other formats of the page")


_ADDRESSED = re.compile(
    r"^(?:(?P<kind>Letter|Telegram|Note|Message|Greetings|Telephone\s+message|(?:Draft\s+)?(?:Letter|Telegram))s?\s+)?"
    r"to:?\s+(?P<who>.+?)(?=\s+(?:for|with|on|about|concerning|regarding|re)\b|,\s|\.$|$)",
    re.I,
)
_DOC_TYPES = {"telegram": "telegram", "note": "note", "telephone message": "telegram"}


def addressed_in_title(title: str) -> tuple[str | None, list[str]]:
    """("letter", ["Joseph Stalin"]) for "Letter to Joseph Stalin for ... , April 24, 1922"."""
    m = _ADDRESSED.match(collapse_spaces(title))
    if not m:
        return None, []
    kind = (m.group("kind") or "letter").lower()
    doc_type = next((t for k, t in _DOC_TYPES.items() if k in kind), "letter")
    who = re.sub(r",?\s*\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b.*$", "", m.group("who"))
    return doc_type, names(who)
