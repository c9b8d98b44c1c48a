"""Marxists-en wiki pages (Lenin Collected Works as a MediaWiki).

Layout: the page title (often "Letter to X ..., April 24, 1922"), MediaWiki furniture
("From Marxists-en", "Jump to navigation Jump to search"), fields without colons
("Author(s) Lenin", "Written 24 April 1922"; a copied infobox may put label and value on
two lines or separate them by a tab), the publication history and "Source:", the text, then
the footnote list ("  1. ...", or "↑ ..." with back-links, "↑ 1.0 1.1" for a note cited
twice), then the wiki's "Retrieved from", category lines and menus. A page titled "Two
Notes to ..." holds numbered documents ("1", "2"), each read as its own document.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from teikit.inline import collapse_spaces
from teikit.model import Document, ReadResult, TaggedText
from teikit.readers import Reader
from teikit.readers.collected_works import (
    addressed_in_title,
    apply_fields,
    documents_of,
    person,
    read_fields,
)
from teikit.readers.collected_works import header_end as header_end_of
from teikit.readers.notes import parse_notes, split_notes_section
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
    gone = page.drop_matching(WIKI_FURNITURE[:2], range(min(12, len(page.lines))))  # below the title
    gone |= page.drop_trailing(WIKI_FURNITURE)  # the wiki's footer and menus
    lines = ["" if i in gone else line for i, line in enumerate(page.lines)]

    title_index = next((i for i, line in enumerate(lines) if line.strip()), 0)
    doc = Document(family=FAMILY, doc_type="document", title=collapse_spaces(lines[title_index]))
    lines[title_index] = ""
    doc_type, recipients = addressed_in_title(doc.title)
    if recipients:
        doc.doc_type, doc.recipients = doc_type or "letter", [person(n) for n in recipients]

    header_end = header_end_of(lines)
    fields = read_fields(Page(lines), 0, header_end)
    apply_fields(doc, fields, page)
    _keep_other_header_lines(doc, lines, header_end, {i for f in fields for i in f.lines})
    body_lines = ["" if i < header_end else line for i, line in enumerate(lines)]
    _drop_backlink_labels(page, body_lines)

    paragraphs, note_lines = split_notes_section(page, body_lines, _note_opener(body_lines))
    documents = documents_of(doc, paragraphs, parse_notes(note_lines))
    return ReadResult(documents=documents, dropped=page.dropped, warnings=[w for d in documents for w in d.warnings])


# "  1. ↑ 1.0 1.1 text": a note cited twice gets one back-link per citation ("1.0", "1.1" or "a", "b").
_BACKLINK_LABELS = re.compile(r"^\s*(?:\d{1,3}\.\s*)?↑\s*(?P<labels>(?:\d{1,3}\.\d{1,2}\s+){2,}|(?:[a-z]\s+){2,})")


def _drop_backlink_labels(page: Page, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        m = _BACKLINK_LABELS.match(line)
        if m:
            page.drop(i, "wiki back-links", text=m.group("labels"), column=m.start("labels"))
            lines[i] = line[: m.start("labels")] + line[m.end("labels") :]


def _keep_other_header_lines(doc: Document, lines: list[str], header_end: int, in_fields: set[int]) -> None:
    """A header line that is neither furniture nor a field ("(Dictated by telephone)") is kept as a note."""
    for i in range(header_end):
        if lines[i].strip() and i not in in_fields:
            doc.header_notes.append(TaggedText(collapse_spaces(lines[i])))


def _note_opener(lines: list[str]) -> Callable[[str], bool]:
    """How this page opens a footnote: with a "↑" back-link if it uses them at all.

    MediaWiki lists footnotes indented ("  1. ...") with a "↑" back-link; an indented
    numbered line without one is a note only on pages that print no back-links.
    """
    if any("↑" in line[:12] for line in lines):
        return lambda line: "↑" in line[:12]
    return lambda line: line.startswith((" ", "\t")) or line.lstrip().startswith("[")


READER = Reader(
    name=FAMILY,
    description="Marxists-en wiki pages (Lenin Collected Works letters)",
    recognises=looks_like_wiki_page,
    read=read_wiki_page,
)
