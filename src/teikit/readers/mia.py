"""Marxists Internet Archive: Lenin Collected Works letter and article pages.

Layout: site navigation ("Lenin Works Archive | 1919 | ..."), the author ("V. I. Lenin",
"N. Lenin (V. I. Ulyanov)"), a title or a "To:" line, header fields (Written, Published,
Source, Translated, Transcription\\Markup, Online Version, Public Domain, Other Formats),
the text (dateline, salutation, paragraphs, closing, P.S./N.B.), "[1]" footnotes, then
navigation links. A page may hold several short letters, each under its own "TO X" heading.
"""

from __future__ import annotations

import re

from teikit.inline import collapse_spaces
from teikit.model import Document, ReadResult
from teikit.readers import Reader
from teikit.readers.collected_works import (
    addressed_in_title,
    apply_fields,
    documents_of,
    opens_field,
    person,
    read_fields,
)
from teikit.readers.collected_works import header_end as header_end_of
from teikit.readers.notes import parse_notes, split_notes_section
from teikit.readers.page import Page

FAMILY = "mia"

NAVIGATION = [
    (re.compile(r"<\s*backward\b.*|.*\bforward\s*>"), "navigation links"),
    (re.compile(r"(?:[^|]{1,40}\|){1,}[^|]{1,40}"), "navigation links"),
    (re.compile(r"(?:Lenin|Marx|Engels|Stalin|Trotsky)?\s*(?:Works\s+)?Index|Collected Works|L\.I\.A\. Index|Home|Top of page", re.I), "navigation link"),
]
# The licence line ends with a site link glued to it ("...as your source.README", "... • README").
_GLUED_LINK = re.compile(r"(?<=[.!?”\"])\s*(?:•\s*)?(?:README|Index|Home)$")
# "V. I. Lenin", "Lenin", "N. Lenin (V. I. Ulyanov)": a name, perhaps glossed in brackets.
_AUTHOR_LINE = re.compile(r"(?:[A-Z]\.\s*){0,3}[A-Z][a-z]+(?:\s+\((?:[A-Z]\.\s*){0,3}[A-Z][a-z]+\))?")


def looks_like_mia_page(text: str) -> bool:
    """Three of the header fields, or the site's name in the header or the navigation below."""
    head = text[:4000]
    fields = sum(
        1
        for label in ("Published:", "Source:", "Translated:", "Transcription", "Public Domain:", "Written:", "Online Version:")
        if label in head
    )
    site_marks = ("Lenin Internet Archive", "Marxists Internet Archive", "Lenin Works Archive", "L.I.A. Index")
    return fields >= 3 or any(mark in head or mark in text[-2000:] for mark in site_marks)


def read_mia_page(text: str) -> ReadResult:
    page = Page.from_text(text)
    doc = Document(family=FAMILY, doc_type="document", title="")
    header_end = header_end_of(page.lines)
    _read_title_lines(page, doc, header_end)
    fields = read_fields(page, 0, header_end)
    _unglue_links(page, fields)
    apply_fields(doc, fields, page)

    gone = page.drop_trailing(NAVIGATION, stop=header_end)
    body_lines = ["" if i in gone or i < header_end else page.lines[i] for i in range(len(page.lines))]
    paragraphs, note_lines = split_notes_section(page, body_lines, lambda line: line.lstrip().startswith("["))
    documents = documents_of(doc, paragraphs, parse_notes(note_lines))
    return ReadResult(documents=documents, dropped=page.dropped, warnings=[w for d in documents for w in d.warnings])


def _read_title_lines(page: Page, doc: Document, header_end: int) -> None:
    """Author and title lines above the fields, below the site's navigation bar."""
    first_field = next((i for i in range(header_end) if opens_field(page.lines[i])), header_end)
    gone = page.drop_matching(NAVIGATION, range(first_field))
    titles: list[str] = []
    for i in range(first_field):
        line = collapse_spaces(page.lines[i])
        if not line or i in gone:
            continue
        if not doc.authors and not titles and _AUTHOR_LINE.fullmatch(line):
            doc.authors = [person(line)]
            continue
        doc_type, recipients = addressed_in_title(line)
        if recipients and not doc.recipients:
            doc.recipients = [person(n) for n in recipients]
            doc.doc_type = doc_type or doc.doc_type
        titles.append(line)
    doc.title = " ".join(titles)


def _unglue_links(page: Page, fields: list) -> None:
    for f in fields:
        last = f.lines[-1]
        m = _GLUED_LINK.search(page.lines[last])
        if m and f.value.endswith(m.group(0).strip()):
            page.drop(last, "site link glued to the header line", text=m.group(0), column=m.start())
            f.value = f.value[: -len(m.group(0).strip())].rstrip()


READER = Reader(
    name=FAMILY,
    description="Marxists Internet Archive pages (Lenin Collected Works letters and articles)",
    recognises=looks_like_mia_page,
    read=read_mia_page,
)
