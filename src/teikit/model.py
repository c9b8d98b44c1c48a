"""The document model that readers produce and the TEI builder consumes.

Readers know a site's layout; the builder knows TEI. This small tree of dataclasses is the
only thing they share (like Pandoc's AST), so a new source family never touches TEI code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

from teikit.dates import DateValue

# ---------------------------------------------------------------------------
# Inline content: a paragraph is a list of these.


@dataclass
class Supplied:
    """Text an editor added in square brackets: "[and]", "[19]23"."""

    text: str


@dataclass
class NoteRef:
    """Where a footnote marker stood; the builder puts the numbered note here."""

    n: str
    marker: str  # as printed: "[1]", "¹"


@dataclass
class PageBreak:
    n: str


@dataclass
class InlineNote:
    """A note printed right after the words it explains (Yale biographical notes)."""

    content: list["Inline"]
    type: str = "biographical"
    target_text: str = ""  # the name it glosses, for later register work


@dataclass
class Highlight:
    """Inline text set apart by the page (a speaker label, an emphasised word)."""

    content: list["Inline"]
    rend: str


Inline = Union[str, Supplied, NoteRef, PageBreak, InlineNote, Highlight]


# ---------------------------------------------------------------------------
# Blocks: the body of a document is a list of these.


@dataclass
class Para:
    content: list[Inline]


@dataclass
class Head:
    content: list[Inline]


@dataclass
class Speech:
    """One turn of a quoted dialogue ("GOLDMAN: Do you care ...")."""

    speaker: str
    paras: list[Para]


@dataclass
class Quote:
    """A quotation set off as its own paragraphs: a quoted telegram, a dialogue."""

    blocks: list["Block"]
    type: str | None = None  # "telegram", "dialogue", ...
    rend: str | None = None  # how the page marked it, e.g. "double-quotes"


@dataclass
class Opener:
    dateline: list[Inline] | None = None
    date: DateValue | None = None
    place: str | None = None
    salute: list[Inline] | None = None


@dataclass
class Closer:
    salute: list[Inline] | None = None
    signed: list[Inline] | None = None
    dateline: list[Inline] | None = None
    date: DateValue | None = None
    remarks: list[list[Inline]] = field(default_factory=list)  # "Dictated by telephone"


@dataclass
class Postscript:
    """P.S., P.P.S. or N.B.; the label stays in the text as printed."""

    paras: list[Para]
    label: str


@dataclass
class Commentary:
    """An editor's paragraph inside the text: not the author's words."""

    paras: list[Para]
    type: str = "commentary"


@dataclass
class BlockPageBreak:
    """A page marker between paragraphs."""

    n: str


@dataclass
class Division:
    """A diary entry, an attached memo: a part of the text with its own head."""

    type: str
    head: list[Inline] | None = None
    blocks: list["Block"] = field(default_factory=list)
    date: DateValue | None = None


Block = Union[
    Para, Head, Quote, Speech, Opener, Closer, Postscript, Commentary, BlockPageBreak, Division
]


# ---------------------------------------------------------------------------
# Notes and metadata.


@dataclass
class Note:
    """A numbered footnote of the source."""

    n: str  # the number, in digits: how markers in the text refer to it
    paras: list[Para]
    number: int  # numeric value of `n`, for ordering and xml:ids
    label: str | None = None  # the number as printed when it is not `n` ("one.")


@dataclass
class TaggedText:
    """Text as written, with substrings to mark up (a bibl line, an archival reference).

    Keeping the whole line and only *marking* parts of it means the builder can never
    lose a word the reader did not understand.
    """

    text: str
    parts: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def mark(self, substring: str, tag: str, **attrs: str) -> "TaggedText":
        if substring and substring in self.text:
            self.parts.append((substring, tag, attrs))
        return self


@dataclass
class Bibl:
    """A bibliographic reference: the printed source, a first edition, a web page."""

    text: TaggedText
    type: str  # "print-source", "first-publication", "web-source", "source-reference"


@dataclass
class ArchivalReference:
    """E.g. "RTSKHIDNI. F. 85. Op. 1/S. D. 171. L. 1. Uncertified typewritten copy."."""

    text: str
    repository: str | None = None
    collection: str | None = None  # fond/opis
    idno: str | None = None  # delo/list
    description: str | None = None  # what kind of copy it is


_ORGANISATION = re.compile(
    r"\b(?:Politbur(?:o|eau)|Orgbur(?:o|eau)|Central\s+Committee|C\.?C\.?|Presidium|Secretariat|Sovnarkom"
    r"|Council|Committee|Commissariat|Bureau|Board|Editors|Editorial|Congress|Conference|Party|Soviet"
    r"|Delegation|Government|Comintern|Executive|Members|Comrades)\b"
)


@dataclass
class Person:
    """A sender or addressee: usually a person, sometimes a body ("the Politburo")."""

    name: str  # as written
    note: str | None = None  # what the page says about the name (a gloss in brackets)

    @property
    def is_organisation(self) -> bool:
        name = self.name.title() if self.name.isupper() else self.name  # "THE EDITORS OF NOVAYA ZHIZN"
        return bool(_ORGANISATION.search(name)) and not re.search(r"\b[A-Z]\.\s*[A-Z]", self.name)


@dataclass
class Responsibility:
    role: str  # "translator", "transcriber", "compiler", "editor"
    label: str  # as the page words it: "Translated", "Transcription\\Markup"
    names: list[str]


@dataclass
class Document:
    """One document of a page, as a reader understood it."""

    family: str
    doc_type: str  # letter, telegram, note, diary-entry, article, document
    title: str
    lang: str = "en"
    authors: list[Person] = field(default_factory=list)
    recipients: list[Person] = field(default_factory=list)
    date: DateValue | None = None
    place: str | None = None  # where it was written
    recipient_place: str | None = None  # where it was sent ("Sent to Berlin.")
    bibls: list[Bibl] = field(default_factory=list)
    archival: ArchivalReference | None = None
    responsibilities: list[Responsibility] = field(default_factory=list)
    licence: str | None = None
    header_notes: list[TaggedText] = field(default_factory=list)  # other metadata lines, kept
    body: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def is_correspondence(self) -> bool:
        return self.doc_type in {"letter", "telegram", "note"} and bool(self.recipients)


@dataclass
class Dropped:
    """Site boilerplate a reader left out: what, where and why (for `import --explain`)."""

    line: int  # 1-based line number in the raw text
    text: str  # the dropped text (a whole line or a part of one)
    reason: str
    column: int | None = None  # where in the line a dropped part starts, when it matters


@dataclass
class ReadResult:
    documents: list[Document]
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
