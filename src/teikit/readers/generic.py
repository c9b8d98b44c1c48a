"""The generic plain-text reader, for text that fits no known site.

It knows no boilerplate, so it drops nothing but a "Notes" heading. The first line is the
title unless the text opens straight with a dateline or a salutation (an untitled letter);
blank lines separate paragraphs; the notes follow a "Notes" heading or start at the first
"[1] ..." block after the text; a salutation (perhaps under a dateline) makes it a letter.
"""

from __future__ import annotations

import re

from teikit.dates import find_date, has_month
from teikit.inline import collapse_spaces, parse_inline
from teikit.model import Closer, Document, Opener, Para, ReadResult
from teikit.readers import Reader
from teikit.readers.collected_works import closer_after_postscripts
from teikit.readers.letters import is_dateline, is_salute, letter_blocks
from teikit.readers.notes import parse_notes, split_notes_section
from teikit.readers.page import Page
from teikit.readers.titles import readable_date

FAMILY = "generic"


def read_plain_text(text: str) -> ReadResult:
    page = Page.from_text(text)
    lines = list(page.lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return ReadResult(documents=[], dropped=[])
    doc = Document(family=FAMILY, doc_type="document", title="")
    if not _opens_letter(lines[first]):
        doc.title = collapse_spaces(lines[first])
        lines[first] = ""

    paragraphs, note_lines = split_notes_section(page, lines, lambda line: line.lstrip().startswith("["))
    doc.notes = parse_notes(note_lines)
    numbers = {n.n for n in doc.notes}
    if _is_letter(paragraphs):
        doc.doc_type = "telegram" if re.search(r"\btelegram\b", doc.title, re.I) else "letter"
        doc.body = closer_after_postscripts(letter_blocks(paragraphs, numbers))
        _letter_metadata(doc)
    else:
        doc.body = [Para(parse_inline(p, numbers)) for p in paragraphs]
        dated = is_dateline(paragraphs[0]) if paragraphs else None
        if dated:
            doc.date, doc.place = dated
    if doc.date is None and (found := find_date(doc.title)) and has_month(found[2]):
        doc.date = found[2]
    doc.title = doc.title or _untitled(doc)
    return ReadResult(documents=[doc], dropped=page.dropped)


def _opens_letter(text: str) -> bool:
    """A dateline or a salutation: the text starts without a title."""
    return bool(is_dateline(text) or is_salute(text))


def _is_letter(paragraphs: list[str]) -> bool:
    """A salutation opens the text, perhaps under a dateline."""
    if paragraphs and is_salute(paragraphs[0]):
        return True
    return len(paragraphs) > 1 and bool(is_dateline(paragraphs[0])) and is_salute(paragraphs[1])


def _letter_metadata(doc: Document) -> None:
    """Date and place from the dateline, or the date under the signature.

    The signature is not taken as the author: a generic text's signer may be anyone.
    """
    opener = next((b for b in doc.body if isinstance(b, Opener)), None)
    closer = next((b for b in doc.body if isinstance(b, Closer) and b.date), None)
    if opener and opener.date:
        doc.date, doc.place = opener.date, opener.place
    elif closer:
        doc.date = closer.date


def _untitled(doc: Document) -> str:
    """A text that prints no title is named for what it is and when it was written."""
    kind = f"Untitled {doc.doc_type}"
    return f"{kind}, {readable_date(doc.date)}" if doc.date else kind


READER = Reader(
    name=FAMILY,
    description="any plain text: first line as title, blank-line paragraphs, bracketed footnotes",
    recognises=lambda text: True,
    read=read_plain_text,
)
