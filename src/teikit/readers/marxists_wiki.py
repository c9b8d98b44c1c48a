"""Marxists-en wiki pages (Lenin Collected Works as a MediaWiki).

Layout: the page title (often "Letter to X ..., April 24, 1922"), MediaWiki furniture
("From Marxists-en", "Jump to navigation Jump to search"), fields without colons
("Author(s) Lenin", "Written 24 April 1922"), the publication history and "Source:", the
text, then the footnote list ("  1. ...", or "↑ ..." with back-links), then the wiki's
"Retrieved from" and category lines.
"""

from __future__ import annotations

import re

from teikit.inline import collapse_spaces, parse_inline
from teikit.model import Document, Opener, Para, Person, ReadResult
from teikit.readers import Reader
from teikit.readers.collected_works import addressed_in_title, apply_fields, read_fields
from teikit.readers.collected_works import header_end as header_end_of
from teikit.readers.letters import is_dateline, is_salute, letter_blocks
from teikit.readers.notes import parse_notes, split_footnotes
from teikit.readers.page import Page

FAMILY = "marxists-wiki"

WIKI_FURNITURE = [
    (re.compile(r"From Marxists(?:-en)?", re.I), "wiki page furniture"),
    (re.compile(r"Jump to navigation\s*Jump to search|Jump to (?:navigation|search)", re.I), "wiki page furniture"),
    (re.compile(r"Retrieved from\s*[\"“].*|Categor(?:y|ies)\s*:.*|Hidden categor(?:y|ies)\s*:.*", re.I), "wiki page furniture"),
    (re.compile(r"Navigation menu|Personal tools|Namespaces|Variants|Views|More|Search|Navigation|Tools|"
                r"Print/export|Log in|Page|Discussion|Read|View source|View history|Main page|Recent changes|"
                r"Random page|Help|What links here|Related changes|Special pages|Printable version|"
                r"Permanent link|Page information|Privacy policy|About Marxists-en|Disclaimers", re.I), "wiki menu"),
    (re.compile(r"This page was last edited on .*", re.I), "wiki page furniture"),
    (re.compile(r"\(?\s*(?:Redirected from .*|edit|\[edit\])\s*\)?", re.I), "wiki page furniture"),
]


def looks_like_wiki_page(text: str) -> bool:
    head = text[:3000]
    return "From Marxists-en" in head or bool(re.search(r"^Jump to navigation", head, re.M)) or bool(
        re.search(r"^Author\(s\)\s", head, re.M)
    )


def read_wiki_page(text: str) -> ReadResult:
    page = Page.from_text(text)
    gone = page.drop_matching(WIKI_FURNITURE, range(len(page.lines)))
    lines = ["" if i in gone else line for i, line in enumerate(page.lines)]

    title_index = next((i for i, line in enumerate(lines) if line.strip()), 0)
    doc = Document(family=FAMILY, doc_type="document", title=collapse_spaces(lines[title_index]))
    lines[title_index] = ""
    doc_type, recipients = addressed_in_title(doc.title)
    if recipients:
        doc.doc_type, doc.recipients = doc_type or "letter", [Person(n) for n in recipients]

    header_end = header_end_of(lines)
    fields = read_fields(Page(lines), 0, header_end)
    apply_fields(doc, fields, page)
    body_lines = ["" if i < header_end else line for i, line in enumerate(lines)]

    paragraphs, note_lines = split_footnotes(page, body_lines, _opens_wiki_note)
    doc.notes = parse_notes(note_lines)
    numbers = {n.n for n in doc.notes}
    if doc.recipients or (paragraphs and (is_salute(paragraphs[0]) or is_dateline(paragraphs[0]))):
        if doc.doc_type == "document":
            doc.doc_type = "letter"
        doc.body = letter_blocks(paragraphs, numbers, year=doc.date.year if doc.date else None)
        opener = next((b for b in doc.body if isinstance(b, Opener)), None)
        if opener and opener.date and not doc.date:
            doc.date = opener.date
    else:
        doc.doc_type = "article"
        doc.body = [Para(parse_inline(p, numbers)) for p in paragraphs]
    return ReadResult(documents=[doc], dropped=page.dropped, warnings=list(doc.warnings))


def _opens_wiki_note(line: str) -> bool:
    """MediaWiki lists footnotes indented ("  1. ...") or with a "↑" back-link."""
    return line.startswith((" ", "\t")) or "↑" in line[:12] or line.lstrip().startswith("[")


READER = Reader(
    name=FAMILY,
    description="Marxists-en wiki pages (Lenin Collected Works letters)",
    recognises=looks_like_wiki_page,
    read=read_wiki_page,
)
