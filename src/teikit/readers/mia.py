"""Marxists Internet Archive: Lenin Collected Works letter and article pages.

Layout: the author ("V. I. Lenin"), a title or a "To:" line, header fields (Published,
Source, Translated, Transcription\\Markup, Public Domain), the text (dateline, salutation,
paragraphs, closing, P.S./N.B.), "[1]" footnotes, then navigation links.
"""

from __future__ import annotations

import re

from teikit.inline import collapse_spaces, parse_inline
from teikit.model import Document, Opener, Para, Person, ReadResult
from teikit.readers import Reader
from teikit.readers.collected_works import addressed_in_title, apply_fields, field_at, read_fields
from teikit.readers.collected_works import header_end as header_end_of
from teikit.readers.letters import is_dateline, is_salute, letter_blocks
from teikit.readers.notes import parse_notes, split_footnotes
from teikit.readers.page import Page
from teikit.readers.titles import correspondence_title

FAMILY = "mia"

NAVIGATION = [
    (re.compile(r"<\s*backward\b.*|.*\bforward\s*>"), "navigation links"),
    (re.compile(r"(?:[^|]{1,40}\|){1,}[^|]{1,40}"), "navigation links"),
    (re.compile(r"(?:Lenin|Marx|Engels|Stalin|Trotsky)?\s*(?:Works\s+)?Index|Collected Works|L\.I\.A\. Index|Home|Top of page", re.I), "navigation link"),
]
_GLUED_LINK = re.compile(r"(?<=[.!?”\"])\s*(README|Index|Home)$")
_AUTHOR_LINE = re.compile(r"(?:[A-Z]\.\s*){0,3}[A-Z][a-z]+(?:\s+\([A-Z][a-z]+\))?")


def looks_like_mia_page(text: str) -> bool:
    head = text[:4000]
    fields = sum(
        1
        for label in ("Published:", "Source:", "Translated:", "Transcription", "Public Domain:", "Written:", "Online Version:")
        if label in head
    )
    return fields >= 3 or "Lenin Internet Archive" in head or "Marxists Internet Archive" in head


def read_mia_page(text: str) -> ReadResult:
    page = Page.from_text(text)
    doc = Document(family=FAMILY, doc_type="document", title="")
    header_end = header_end_of(page.lines)
    _read_title_lines(page, doc, header_end)
    fields = read_fields(page, 0, header_end)
    _unglue_links(page, fields)
    apply_fields(doc, fields, page)

    gone = page.drop_matching(NAVIGATION, range(header_end, len(page.lines)))
    body_lines = [
        "" if i in gone or i < header_end else page.lines[i] for i in range(len(page.lines))
    ]
    paragraphs, note_lines = split_footnotes(page, body_lines, lambda line: line.lstrip().startswith("["))
    notes = parse_notes(note_lines)
    doc.notes = notes
    numbers = {n.n for n in notes}

    year = doc.date.year if doc.date else None
    is_letter = bool(doc.recipients) or (paragraphs and (is_salute(paragraphs[0]) or is_dateline(paragraphs[0], year)))
    if is_letter:
        if doc.doc_type == "document":
            doc.doc_type = "telegram" if re.search(r"\btelegram\b", doc.title, re.I) else "letter"
        doc.body = letter_blocks(paragraphs, numbers, year=doc.date.year if doc.date else None)
        _date_from_dateline(doc)
    else:
        doc.doc_type = "article"
        doc.body = [Para(parse_inline(p, numbers)) for p in paragraphs]
    doc.title = doc.title or correspondence_title(doc)
    return ReadResult(documents=[doc], dropped=page.dropped, warnings=list(doc.warnings))


def _read_title_lines(page: Page, doc: Document, header_end: int) -> None:
    """Author and title lines above the fields."""
    first_field = next((i for i in range(header_end) if field_at(page.lines[i])), header_end)
    titles: list[str] = []
    for i in range(first_field):
        line = collapse_spaces(page.lines[i])
        if not line:
            continue
        if not doc.authors and _AUTHOR_LINE.fullmatch(line):
            doc.authors = [Person(line)]
            continue
        doc_type, recipients = addressed_in_title(line)
        if recipients and not doc.recipients:
            doc.recipients = [Person(n) for n in recipients]
            doc.doc_type = doc_type or doc.doc_type
        titles.append(line)
    doc.title = " ".join(titles)


def _unglue_links(page: Page, fields: list) -> None:
    """The licence line ends with a site link glued to it ("...as your source.README")."""
    for f in fields:
        last = f.lines[-1]
        m = _GLUED_LINK.search(page.lines[last])
        if m and f.value.endswith(m.group(1)):
            page.drop(last, "site link glued to the header line", text=m.group(1))
            f.value = f.value[: -len(m.group(1))].rstrip()


def _date_from_dateline(doc: Document) -> None:
    opener = next((b for b in doc.body if isinstance(b, Opener)), None)
    if opener and opener.date and not doc.date:
        doc.date = opener.date
    if opener and opener.place and not doc.place:
        doc.place = opener.place


READER = Reader(
    name=FAMILY,
    description="Marxists Internet Archive pages (Lenin Collected Works letters and articles)",
    recognises=looks_like_mia_page,
    read=read_mia_page,
)
