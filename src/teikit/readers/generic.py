"""The generic plain-text reader, for text that fits no known site.

It knows no boilerplate, so it drops nothing: the first line is the title, blank lines
separate paragraphs, a trailing "[1] ..." / "1. ..." section (or one after a "Notes"
heading) holds the footnotes, and a dateline or salutation makes it a letter.
"""

from __future__ import annotations

from teikit.dates import find_date
from teikit.inline import collapse_spaces, parse_inline
from teikit.model import Document, Opener, Para, ReadResult
from teikit.readers import Reader
from teikit.readers.letters import is_dateline, is_salute, letter_blocks
from teikit.readers.notes import parse_notes, split_footnotes
from teikit.readers.page import Page

FAMILY = "generic"


def read_plain_text(text: str) -> ReadResult:
    page = Page.from_text(text)
    lines = list(page.lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return ReadResult(documents=[], dropped=[])
    doc = Document(family=FAMILY, doc_type="document", title=collapse_spaces(lines[first]))
    lines[first] = ""
    found = find_date(doc.title)
    if found:
        doc.date = found[2]

    paragraphs, note_lines = split_footnotes(page, lines, lambda line: line.lstrip().startswith("["))
    doc.notes = parse_notes(note_lines)
    numbers = {n.n for n in doc.notes}
    if paragraphs and (is_dateline(paragraphs[0]) or is_salute(paragraphs[0])):
        doc.doc_type = "letter"
        doc.body = letter_blocks(paragraphs, numbers)
        opener = next((b for b in doc.body if isinstance(b, Opener)), None)
        if opener and opener.date:
            doc.date = opener.date
    else:
        doc.body = [Para(parse_inline(p, numbers)) for p in paragraphs]
    return ReadResult(documents=[doc], dropped=page.dropped)


READER = Reader(
    name=FAMILY,
    description="any plain text: first line as title, blank-line paragraphs, bracketed footnotes",
    recognises=lambda text: True,
    read=read_plain_text,
)
