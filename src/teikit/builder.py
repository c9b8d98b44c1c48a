"""TEI builder: a reader's `Document` becomes a TEI P5 tree.

All TEI knowledge of the import lives here; readers only describe what they found.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from teikit import __version__
from teikit.dates import DateValue
from teikit.model import (
    Block,
    BlockPageBreak,
    Closer,
    Commentary,
    Division,
    Document,
    Head,
    Highlight,
    Inline,
    InlineNote,
    Note,
    NoteRef,
    Opener,
    PageBreak,
    Person,
    Para,
    Postscript,
    Quote,
    Speech,
    Supplied,
    TaggedText,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "de": "German", "fr": "French"}

Mark = tuple[str, str, dict[str, str]]


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tei(tag), {k.rstrip("_"): v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def append_text(parent: etree._Element, text: str) -> None:
    """Append text at the end of `parent`'s content (after its last child, if any)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def append_marked(parent: etree._Element, text: str, marks: Sequence[Mark]) -> None:
    """Append `text`, wrapping the first occurrence of each marked substring in an element.

    Marks never overlap; one that overlaps an earlier mark, or is not found, is skipped:
    the text itself is always kept whole.
    """
    spans: list[tuple[int, int, str, dict[str, str]]] = []
    for substring, tag, attrs in marks:
        start = text.find(substring)
        while start != -1 and any(s < start + len(substring) and start < e for s, e, _, _ in spans):
            start = text.find(substring, start + 1)
        if start != -1 and substring:
            spans.append((start, start + len(substring), tag, attrs))
    pos = 0
    for start, end, tag, attrs in sorted(spans):
        append_text(parent, text[pos:start])
        sub(parent, tag, text[start:end], **attrs)
        pos = end
    append_text(parent, text[pos:])


def person_name(parent: etree._Element, person: Person) -> etree._Element:
    """A name as written; a gloss it carries in brackets ("(Maisky)") as its addName."""
    if person.is_organisation:
        return sub(parent, "orgName", person.name)
    el = sub(parent, "persName")
    gloss = person.note if person.note and f"({person.note})" in person.name else None
    append_marked(el, person.name, [(gloss, "addName", {})] if gloss else [])
    return el


def date_mark(value: DateValue | None) -> list[Mark]:
    return [(value.text, "date", value.tei_attributes())] if value else []


class TeiBuilder:
    """Builds one document; holds what the parts share (the id, the notes not yet placed)."""

    def __init__(self, doc: Document, doc_id: str, source_name: str):
        self.doc = doc
        self.doc_id = doc_id
        self.source_name = source_name
        self.notes: dict[str, Note] = {}
        for note in doc.notes:  # a page may print a number twice: the first answers the marker
            self.notes.setdefault(note.n, note)
        self.placed: set[int] = set()  # id() of the notes already in the text
        self.note_ids: set[str] = set()

    # -- the whole -------------------------------------------------------
    def build(self) -> etree._Element:
        root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
        root.set(XML_ID, self.doc_id)
        root.set(XML_LANG, self.doc.lang)
        self.header(sub(root, "teiHeader"))
        text = sub(root, "text")
        body = sub(text, "body")
        self.body(body)
        unplaced = [n for n in self.doc.notes if id(n) not in self.placed]
        if unplaced:
            div = sub(sub(text, "back"), "div", type="notes")
            for note in unplaced:
                self.note(div, note, place="end")
        return root

    # -- teiHeader -------------------------------------------------------
    def header(self, header: etree._Element) -> None:
        doc = self.doc
        file_desc = sub(header, "fileDesc")
        title_stmt = sub(file_desc, "titleStmt")
        sub(title_stmt, "title", doc.title, type="main")
        for person in doc.authors:
            person_name(sub(title_stmt, "author"), person)
        for resp in doc.responsibilities:
            stmt = sub(title_stmt, "respStmt")
            sub(stmt, "resp", resp.label)
            for name in resp.names:
                sub(stmt, "persName", name)

        pub = sub(file_desc, "publicationStmt")
        sub(pub, "authority", "Edition in preparation, encoded with teikit")
        if doc.licence:
            sub(sub(pub, "availability"), "licence", doc.licence)

        if doc.header_notes:
            notes_stmt = sub(file_desc, "notesStmt")
            for tagged in doc.header_notes:
                self.tagged(sub(notes_stmt, "note"), tagged)

        source_desc = sub(file_desc, "sourceDesc")
        for bibl in doc.bibls:
            self.tagged(sub(source_desc, "bibl", type=bibl.type), bibl.text)
        if doc.archival:
            self.ms_desc(sub(source_desc, "msDesc"))
        if not len(source_desc):
            sub(source_desc, "p", f"Raw text {self.source_name}.")

        encoding = sub(header, "encodingDesc")
        app = sub(sub(encoding, "appInfo"), "application", ident="teikit", version=__version__)
        sub(app, "label", "teikit import")
        sub(app, "desc", f"Converted from the raw text {self.source_name} by the {doc.family} reader.")

        self.profile(sub(header, "profileDesc"))

    def tagged(self, el: etree._Element, tagged: TaggedText) -> None:
        append_marked(el, tagged.text, tagged.parts)

    def ms_desc(self, ms: etree._Element) -> None:
        ref = self.doc.archival
        assert ref is not None
        ident = sub(ms, "msIdentifier")
        if ref.repository:
            sub(ident, "repository", ref.repository)
        if ref.collection:
            sub(ident, "collection", ref.collection)
        sub(ident, "idno", ref.idno or ref.text)
        if ref.description:
            sub(sub(ms, "physDesc"), "p", ref.description)

    def profile(self, profile: etree._Element) -> None:
        doc = self.doc
        if doc.date or doc.place:
            creation = sub(profile, "creation")
            if doc.date:
                sub(creation, "date", doc.date.text, **doc.date.tei_attributes())
            if doc.place:
                if doc.date:
                    append_text(creation, ", ")
                sub(creation, "placeName", doc.place)
        usage = sub(profile, "langUsage")
        sub(usage, "language", LANGUAGE_NAMES.get(doc.lang, doc.lang), ident=doc.lang)
        keywords = sub(sub(profile, "textClass"), "keywords")
        sub(keywords, "term", doc.doc_type, type="document-type")
        if doc.is_correspondence:
            corresp = sub(profile, "correspDesc")
            sent = sub(corresp, "correspAction", type="sent")
            for person in doc.authors:
                person_name(sent, person)
            if doc.place:
                sub(sent, "placeName", doc.place)
            if doc.date:
                sub(sent, "date", doc.date.text, **doc.date.tei_attributes())
            received = sub(corresp, "correspAction", type="received")
            for person in doc.recipients:
                person_name(received, person)
            if doc.recipient_place:
                sub(received, "placeName", doc.recipient_place)

    # -- text ------------------------------------------------------------
    def body(self, body: etree._Element) -> None:
        div_type = {"diary-entry": None}.get(self.doc.doc_type, self.doc.doc_type)
        if div_type and not any(isinstance(b, Division) for b in self.doc.body):
            container = sub(body, "div", type=div_type)
        else:
            container = body
        self.blocks(container, self.doc.body)
        if not len(container):
            sub(container, "p")

    def blocks(self, parent: etree._Element, blocks: Sequence[Block]) -> None:
        for block in blocks:
            self.block(parent, block)

    def block(self, parent: etree._Element, block: Block) -> None:
        if isinstance(block, Para):
            self.inline(sub(parent, "p"), block.content)
        elif isinstance(block, Head):
            self.inline(sub(parent, "head"), block.content)
        elif isinstance(block, Quote):
            self.blocks(sub(parent, "quote", type=block.type, rend=block.rend), block.blocks)
        elif isinstance(block, Speech):
            sp = sub(parent, "sp")
            sub(sp, "speaker", block.speaker)
            self.blocks(sp, block.paras)
        elif isinstance(block, Opener):
            opener = sub(parent, "opener")
            if block.dateline:
                self.inline(sub(opener, "dateline"), block.dateline, date_mark(block.date) + self.place_mark(block.place))
            if block.salute:
                self.inline(sub(opener, "salute"), block.salute)
        elif isinstance(block, Closer):
            closer = sub(parent, "closer")
            parts: list[tuple[str, list[Inline] | None, Sequence[Mark]]] = [
                ("salute", block.salute, ()),
                ("signed", block.signed, ()),
                ("dateline", block.dateline, date_mark(block.date)),
            ]
            for tag, content, marks in parts:
                if content:
                    if len(closer):
                        append_text(closer, " ")  # the parts' words must not run together
                    self.inline(sub(closer, tag), content, marks)
            for remark in block.remarks:
                append_text(closer, " ")
                self.inline(sub(closer, "note", type="editorial", place="inline"), remark)
        elif isinstance(block, Postscript):
            self.blocks(sub(parent, "postscript"), block.paras)
        elif isinstance(block, Commentary):
            self.blocks(sub(parent, "note", type=block.type), block.paras)
        elif isinstance(block, BlockPageBreak):
            sub(parent, "pb", n=block.n)
        elif isinstance(block, Division):
            div = sub(parent, "div", type=block.type)
            if block.head:
                self.inline(sub(div, "head"), block.head, date_mark(block.date))
            self.blocks(div, block.blocks)
        else:  # pragma: no cover - a reader produced something the model does not define
            raise TypeError(f"unknown block {block!r}")

    @staticmethod
    def place_mark(place: str | None) -> list[Mark]:
        return [(place, "placeName", {})] if place else []

    def inline(self, parent: etree._Element, content: Sequence[Inline], marks: Sequence[Mark] = ()) -> None:
        for node in content:
            if isinstance(node, str):
                append_marked(parent, node, marks)
            elif isinstance(node, Supplied):
                sub(parent, "supplied", node.text)
            elif isinstance(node, NoteRef):
                note = self.notes.get(node.n)
                if note is not None and id(note) not in self.placed:
                    self.note(parent, note, place="foot")
                else:
                    append_text(parent, node.marker)
            elif isinstance(node, PageBreak):
                sub(parent, "pb", n=node.n)
            elif isinstance(node, InlineNote):
                self.inline(sub(parent, "note", type=node.type, place="inline"), node.content)
            elif isinstance(node, Highlight):
                self.inline(sub(parent, "hi", rend=node.rend), node.content)
            else:  # pragma: no cover
                raise TypeError(f"unknown inline {node!r}")

    def unique_note_id(self, note: Note) -> str:
        base = candidate = f"{self.doc_id}-n{note.number}"
        k = 2
        while candidate in self.note_ids:
            candidate, k = f"{base}-{k}", k + 1
        self.note_ids.add(candidate)
        return candidate

    def note(self, parent: etree._Element, note: Note, place: str) -> None:
        self.placed.add(id(note))
        el = sub(parent, "note", type="footnote", n=note.n, place=place)
        el.set(XML_ID, self.unique_note_id(note))
        if note.label:
            sub(el, "label", note.label)
        if len(note.paras) == 1:
            if note.label:
                append_text(el, " ")
            self.inline(el, note.paras[0].content)
        else:
            self.blocks(el, note.paras)


def build_tei(doc: Document, doc_id: str, source_name: str) -> etree._Element:
    return TeiBuilder(doc, doc_id, source_name).build()
