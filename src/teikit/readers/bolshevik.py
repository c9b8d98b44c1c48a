"""The collection "Bolshevik leadership. Correspondence. 1912-1927" (1996), machine-translated on the web.

Layout of a page: the site menu ("Marx-Engels | Lenin | Stalin | Home Page"), the
collection's title lines (title, "Collection of documents 1996.", "Compiled by: ..."), the
site's section ("Stalin Correspondences"), then one or two documents, each: an optional
number ("No. 5") and type word ("Telegram"), a heading "L. P. Serebryakov to I. V. Stalin"
(or "S. Spandaryan, I. V. Stalin - V. I. Lenin"), the editors' date ("March 27, 1926",
"[December 1912]", "Tiflis, March 27, 1926"), the text, the archival reference ("RTSKHIDNI.
F. 85. Op. 1/S. D. 171. L. 1. Uncertified typewritten copy.") and "Notes:" numbered in
words ("one.") or digits ("1 ."). The machine translation leaves footnote markers as bare
numbers or number words ("Trotsky.1", "articles4", "tirelessly 6 .", "Krakow? one"); they
are told from real numbers by their form and by running in note order. A marker after the
heading's last name concerns the whole document. Joint letters and telegrams may print each
sender's signature on a line of its own ("Ordzhonikidze" / "Stalin"): one closer each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from teikit.dates import DateValue, parse_date
from teikit.inline import SUPERSCRIPT_DIGITS, collapse_spaces, parse_inline, plain_text
from teikit.model import ArchivalReference, Bibl, Block, Closer, Document, Head, Note, Opener, Para, Person, ReadResult, TaggedText
from teikit.readers import Reader
from teikit.readers.letters import is_dateline, letter_blocks
from teikit.readers.notes import is_notes_heading, number_word, parse_notes
from teikit.readers.page import Page, nonblank

FAMILY = "bolshevik-correspondence"

# ---------------------------------------------------------------------------
# Line signatures.

_MENU = re.compile(r"(?:[^|]{1,40}\|){2,}[^|]{0,40}", re.I)
_SITE_TITLE = re.compile(r"Bolshevik\s+Leaders?\s+correspondence", re.I)
_COLLECTION_TITLE = re.compile(r"Bolshevik\s+leadership\.?\s+Correspondence\.?(?:\s*1912\s*[-–]\s*1927)?\.?", re.I)
_COLLECTION_KIND = re.compile(r"Collection\s+of\s+documents\.?\s*(?P<year>\d{4})?\.?", re.I)
_COMPILERS = re.compile(r"Compiled\s+by\s*:?\s*(?P<names>\S.*?)\.?")
_SECTION = re.compile(r"[A-Z][\w.' -]{0,40}\s+Correspondences?", re.I)
_DOC_NUMBER = re.compile(r"No\.?\s*\d+[a-z]?\.?")
_TYPE_WORD = re.compile(
    r"(?P<type>(?:Cipher(?:ed)?\s+|Coded\s+|Encrypted\s+|Urgent\s+)?Telegram|Telephonogram|Letter|Note|Memo(?:randum)?)\.?",
    re.I,
)

# "L. P. Serebryakov", "Yu. M. Steklov", "A.V.Kvashonkin", "L. D. Trotsky (Bronstein)".
_NAME = r"(?:[A-Z][a-z]?\.\s?){1,3}[A-Z][\w'’-]+(?:\s*\([^()]{1,40}\))?"
_NAMES = rf"{_NAME}(?:\s*(?:,|\band\b)\s*{_NAME})*"
_HEADING = re.compile(
    rf"(?P<type>(?:Cipher(?:ed)?\s+|Coded\s+)?Telegram|Letter|Note)?\s*(?:from\s+)?"
    rf"(?P<senders>{_NAMES})\s+(?:to|[-–—])\s+(?P<recipients>(?:[A-Z(]|the\s|members?\s|all\s).{{0,120}}?)\.?"
)
_PSEUDONYM = re.compile(r"(?P<name>.+?)\s*\((?P<note>[^()]+)\)")

_ARCHIVES = r"(?:RTSKHIDNI|RTsKhIDNI|RGASPI|APRF|AP\s?RF|GARF|RGVA|RGAE|RGANI|TsKhSD|TsA\s+FSB(?:\s+RF)?|TsGASA|TsGAOR|RGVIA|[A-Z][A-Za-z]{2,9}(?:\s[A-Z][A-Za-z]{1,5}){0,2})"
_ARCHIVAL = re.compile(
    rf"(?P<repo>{_ARCHIVES})\.\s+"
    r"(?P<coll>F\.\s*[\w/-]+\.(?:\s+O[pn]\.\s*[\w/-]+\.)?)\s*"
    r"(?P<idno>D\.\s*[\w/-]+\.(?:\s*L[l]?\.\s*[\dIVX][\d\s,\-–]*(?:\s*(?:ob|rev)\.)?\.?)?)?"
    r"\s*(?P<rest>.*)"
)
_PUBLICATION_START = re.compile(r"[\"“«„]|\b(?:1[89]|20)\d\d\b|\b(?:First\s+)?[Pp]ublished\b|\bPubl\.")

_TELEGRAM_FORMULA = re.compile(
    r"(?:Cipher(?:ed)?\s+|Coded\s+|Encrypted\s+|Urgent\s+)?(?:telegram|telephonogram)\b|By\s+direct\s+wire\b", re.I
)
_DATE_LIKE = re.compile(r"\[?\d{1,2}\s*[./]\s*(?:[IVX]{1,4}|\d{1,2})\.?(?:\s*\d{2,4})?\.?\]?")
_COMRADE_SALUTE = re.compile(r"(?:T\.|Tov\.|(?:Comrades?|Hello|Greetings|(?:My\s+)?[Dd]ear)\b)[^.!?]{0,60}[!,:]")
_NOTE_LINE = re.compile(r"\s*(?P<num>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s*\.\s+(?P<rest>\S.*)")


def is_collection_title(line: str) -> bool:
    return bool(_COLLECTION_TITLE.fullmatch(collapse_spaces(line)))


def heading_match(line: str) -> re.Match[str] | None:
    """"L. P. Serebryakov to I. V. Stalin": senders, then "to" or a dash, then recipients."""
    line = collapse_spaces(line)
    if len(line) > 220:
        return None
    return _HEADING.fullmatch(line)


def archival_match(line: str) -> re.Match[str] | None:
    return _ARCHIVAL.fullmatch(collapse_spaces(line))


def looks_like_bolshevik_page(text: str) -> bool:
    """The collection's title or compilers, or a document heading with an archival reference."""
    lines = [collapse_spaces(line) for line in text.split("\n") if line.strip()]
    if any(is_collection_title(line) or _COMPILERS.fullmatch(line) and "Kvashonkin" in line for line in lines[:40]):
        return True
    has_heading = any(heading_match(line) for line in lines)
    has_reference = any(archival_match(line) and re.search(r"\bF\.\s*\d", line) for line in lines)
    return has_heading and has_reference


# ---------------------------------------------------------------------------
# The page cut into documents.


@dataclass
class _Chunk:
    """The lines of one document of the page, by role (indexes into page.lines)."""

    heading: list[int] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    archival: list[int] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    heading_notes: set[int] = field(default_factory=set)  # notes marked on the heading line


def _kind(line: str) -> str:
    line = collapse_spaces(line)
    if heading_match(line):
        return "heading"
    if _DOC_NUMBER.fullmatch(line):
        return "number"
    if _TYPE_WORD.fullmatch(line):
        return "type"
    return "other"


def _document_starts(lines: list[tuple[int, str]]) -> list[int]:
    """Positions (in `lines`) where a document begins: its heading, with the number and
    type word printed just above it."""
    starts: list[int] = []
    for k, (_, line) in enumerate(lines):
        if _kind(line) != "heading" or (starts and not _opens_document(lines, k)):
            continue
        start = k
        while start > 0 and _kind(lines[start - 1][1]) in {"number", "type"} and (not starts or start - 1 > starts[-1]):
            start -= 1
        starts.append(start)
    return starts


def _opens_document(lines: list[tuple[int, str]], k: int) -> bool:
    """A later heading-like line starts a document only with the collection's number above
    it or the editors' date below it (a note may begin "L. B. Kamenev - Chairman ...")."""
    if k > 0 and _kind(lines[k - 1][1]) == "number":
        return True
    for _, line in lines[k + 1 : k + 4]:
        if _kind(line) != "type":
            return _heading_date(line) is not None
    return False


def _split_chunk(lines: list[tuple[int, str]]) -> _Chunk:
    chunk = _Chunk()
    k = 0
    seen_heading = seen_date = False
    while k < len(lines):
        kind = _kind(lines[k][1])
        if kind in {"number", "type"} or (kind == "heading" and not seen_heading):
            seen_heading = seen_heading or kind == "heading"
        elif seen_heading and not seen_date and _heading_date(lines[k][1]) is not None:
            seen_date = True
        else:
            break
        chunk.heading.append(lines[k][0])
        k += 1
    zone = "body"
    for i, line in lines[k:]:
        if zone != "notes" and is_notes_heading(line):
            zone = "notes"
            chunk.notes.append(i)  # the heading itself, dropped later
            continue
        if zone == "body" and archival_match(line):
            zone = "archival"
        elif zone == "archival" and _note_line(line):
            zone = "notes"
        getattr(chunk, zone).append(i)
    return chunk


# ---------------------------------------------------------------------------
# Reading.


def read_bolshevik_page(text: str) -> ReadResult:
    page = Page.from_text(text)
    lines = nonblank(page.lines)
    starts = _document_starts(lines)
    first = starts[0] if starts else len(lines)
    bibls, others = _page_header(page, lines[:first])
    chunks = [_split_chunk(lines[a:b]) for a, b in zip(starts, [*starts[1:], len(lines)])]
    if not chunks:
        docs = [_undivided_document(page, others, bibls)]
        chunks = [_undivided_chunk(page, others)]
    else:
        notes = [TaggedText(collapse_spaces(page.lines[i])) for i in others]
        docs = [_read_document(page, chunk, bibls, notes if k == 0 else []) for k, chunk in enumerate(chunks)]
    for doc, chunk, (texts, marked) in zip(docs, chunks, _anchor_notes(page, chunks, docs)):
        if doc.doc_type == "document":
            doc.body.extend(Para(parse_inline(t, marked)) for t in texts)
        else:
            doc.body.extend(_letter_blocks(texts, marked, doc.date.year if doc.date else None))
            _gather_signatories(doc.body, doc.authors)
        doc.warnings.extend(repetition_warnings([collapse_spaces(t) for t in texts]))
    return ReadResult(documents=docs, dropped=page.dropped, warnings=[w for d in docs for w in d.warnings])


def _letter_blocks(texts: list[str], marked: set[str], year: int | None) -> list[Block]:
    """letters.letter_blocks, plus the Russian salute "T. Stalin!" ("Tov." abbreviated),
    which its salute pattern misses (no word boundary after "T.")."""
    blocks = letter_blocks(texts, marked, year=year)
    k = 1 if blocks and isinstance(blocks[0], Opener) else 0
    opener = blocks[0] if k else Opener()
    if (
        isinstance(opener, Opener)
        and opener.salute is None
        and len(blocks) > k + 1
        and isinstance(blocks[k], Para)
        and _COMRADE_SALUTE.fullmatch(plain_text(blocks[k].content).strip())
    ):
        opener.salute = blocks.pop(k).content
        if not k:
            blocks.insert(0, opener)
    for block in blocks:
        if isinstance(block, Closer):
            _sign_possessive_closing(block)
    return blocks


def _surname(person: Person) -> str:
    """"G. K. Ordzhonikidze (Sergo)" -> "Ordzhonikidze"."""
    words = re.sub(r"\([^()]*\)", " ", person.name).split()
    return words[-1].strip(".,") if words else ""


def _gather_signatories(blocks: list[Block], authors: list[Person]) -> None:
    """Signatures of a joint text printed one a line ("Ordzhonikidze" / "Stalin"): the
    shared parser takes only the last into the closer; the lines before it that are the
    other senders' names become closers of their own (one signature each)."""
    k = next((j for j, b in enumerate(blocks) if isinstance(b, Closer)), None)
    if k is None or len(authors) < 2 or blocks[k].signed is None or blocks[k].salute is not None:
        return
    surnames = {_surname(p) for p in authors}
    while k > 0 and isinstance(blocks[k - 1], Para) and _signs_as(blocks[k - 1].content, surnames):
        blocks[k - 1] = Closer(signed=blocks[k - 1].content)
        k -= 1


def _signs_as(content: list, surnames: set[str]) -> bool:
    text = plain_text(content).strip()
    names = [w.strip(".,") for w in text.split()]
    return all(isinstance(n, str) for n in content) and 0 < len(names) <= 3 and names[-1] in surnames


_POSSESSIVE_SIGNATURE = re.compile(r"(?P<salute>Your|Yours|Thy|Thine)\s+(?P<signed>[A-Z][\w'’-]+\.?)")


def _sign_possessive_closing(closer: Closer) -> None:
    """"Your Lenin" (Russian "Ваш Ленин"): letters.letter_blocks reads it all as the salute;
    the name is the signature."""
    if closer.signed is not None or closer.salute is None or not all(isinstance(n, str) for n in closer.salute):
        return
    m = _POSSESSIVE_SIGNATURE.fullmatch("".join(closer.salute).strip())
    if m:
        closer.salute, closer.signed = [m.group("salute")], [m.group("signed")]


def _page_header(page: Page, lines: list[tuple[int, str]]) -> tuple[list[Bibl], list[int]]:
    """Menu and site name (dropped), the collection's bibl, the site's section; the
    indexes of any other line."""
    collection: list[str] = []
    bibls: list[Bibl] = []
    others: list[int] = []
    marks: list[tuple[str, str, dict[str, str]]] = []
    for i, raw in lines:
        line = collapse_spaces(raw)
        if "|" in line and _MENU.fullmatch(line):
            page.drop(i, "site menu")
        elif _SITE_TITLE.fullmatch(line):
            page.drop(i, "site name repeated on every page")
        elif is_collection_title(line):
            collection.append(line)
            marks.append((line, "title", {"level": "m"}))
        elif m := _COLLECTION_KIND.fullmatch(line):
            collection.append(line)
            if m.group("year"):
                marks.append((m.group("year"), "date", {"when": m.group("year")}))
        elif m := _COMPILERS.fullmatch(line):
            collection.append(line)
            marks.extend((name, "editor", {}) for name in _split_names(m.group("names")))
        elif _SECTION.fullmatch(line) and not bibls and not others:
            bibls.append(Bibl(TaggedText(line).mark(line, "title", level="s"), type="web-source"))
        else:
            others.append(i)
    if collection:
        tagged = TaggedText(" ".join(collection))
        for substring, tag, attrs in marks:
            tagged.mark(substring, tag, **attrs)
        bibls.insert(0, Bibl(tagged, type="print-source"))
    return bibls, others


def _split_names(text: str) -> list[str]:
    return [n.strip(" .") for n in re.split(r",|\band\b", text) if n.strip(" .")]


def _read_document(page: Page, chunk: _Chunk, bibls: list[Bibl], header_notes: list[TaggedText]) -> Document:
    doc = Document(family=FAMILY, doc_type="letter", title="")
    doc.bibls = [Bibl(TaggedText(b.text.text, list(b.text.parts)), b.type) for b in bibls]
    doc.header_notes = list(header_notes)
    type_words: list[str] = []
    heading = date_line = ""
    for i in chunk.heading:
        line = collapse_spaces(page.lines[i])
        kind = _kind(line)
        if kind == "number":
            _number_in_collection(doc, line)
        elif kind == "type":
            type_words.append(line)
        elif kind == "heading" and not heading:
            heading = _heading_without_marker(page, i, chunk)
            _read_heading(doc, heading_match(heading))
        else:
            date_line = line
    if date_line:
        _read_date(doc, date_line, _context_year(page, chunk, date_line))
    doc.title = heading.rstrip(".") + (f", {date_line}" if date_line else "")
    doc.doc_type = _doc_type(heading, type_words, _first_body_text(page, chunk))
    doc.body = [Head([w]) for w in type_words]
    _read_archival(page, doc, chunk.archival)
    return doc


def _heading_without_marker(page: Page, i: int, chunk: _Chunk) -> str:
    """"I. V. Stalin - V. I. Lenin 1": a footnote marker after the last name is no part of
    it; its note concerns the whole document and is kept at the end."""
    line = collapse_spaces(page.lines[i])
    m = _HEADING_MARKER.search(line)
    if m is None:
        return line
    raw = m.group("n") or m.group("w")
    n = int(raw) if raw.isdigit() else number_word(raw)
    if n is None or not _page_has_note(page, n):
        return line
    chunk.heading_notes.add(n)
    start = page.lines[i].rfind(raw)
    page.drop(i, "footnote marker on the document heading (its note is kept at the end)", text=raw, column=start)
    return line[: m.start()].rstrip()


def _page_has_note(page: Page, n: int) -> bool:
    """Is there a note numbered `n` ("3." or "three.") anywhere on the page?"""
    for line in page.lines:
        m = _NOTE_LINE.match(line)
        if m and (int(m.group("num")) if m.group("num").isdigit() else number_word(m.group("num"))) == n:
            return True
    return False


def _number_in_collection(doc: Document, line: str) -> None:
    """"No. 5": the document's number in the printed collection."""
    printed = next((b for b in doc.bibls if b.type == "print-source"), None)
    if printed is None:
        doc.header_notes.append(TaggedText(line))
        return
    printed.text = TaggedText(f"{printed.text.text} {line}", list(printed.text.parts))
    printed.text.mark(line, "biblScope", unit="entry")


def _read_heading(doc: Document, m: re.Match[str] | None) -> None:
    if m is None:
        return
    doc.authors = [_person(n) for n in _split_parties(m.group("senders"))]
    doc.recipients = [_person(n) for n in _split_parties(m.group("recipients"))]


def _split_parties(text: str) -> list[str]:
    """"I. V. Stalin and V. M. Molotov", "G. E. Zinoviev, L. B. Kamenev": commas and "and"
    outside brackets separate people."""
    parts = re.split(r"\s*(?:,|\band\b)\s*(?![^()]*\))", text.strip().rstrip("."))
    return [p.strip() for p in parts if p.strip()]


def _person(text: str) -> Person:
    """A name as written; a bracketed gloss ("L. D. Trotsky (Bronstein)") is also its note
    (the builder marks it as the name's addName)."""
    m = _PSEUDONYM.fullmatch(text)
    return Person(text, note=m.group("note")) if m else Person(text)


def _heading_date(line: str, year: int | None = None) -> tuple[DateValue | None, str | None] | None:
    """(date, place) of an editors' date line; (None, None) for a date we cannot resolve
    ("20/XII." without a year); None when the line is not a date at all."""
    written = collapse_spaces(line)
    plain = collapse_spaces(re.sub(r"[\[\]]", " ", written))
    value = parse_date(plain, year=year)
    if value is not None:
        return replace(value, text=written), None
    dated = is_dateline(plain, year)
    if dated is not None:
        return dated
    if _DATE_LIKE.fullmatch(written):
        return None, None
    return None


def _context_year(page: Page, chunk: _Chunk, date_line: str) -> int | None:
    """The year a date written without one belongs to: from the editors' date or the date
    repeated at the end of the text (never invented)."""
    candidates = [date_line] + [page.lines[i] for i in chunk.body[-2:]]
    for text in candidates:
        dated = _heading_date(text) if text else None
        if dated and dated[0] and dated[0].year:
            return dated[0].year
    return None


def _read_date(doc: Document, line: str, year: int | None) -> None:
    dated = _heading_date(line, year)
    value, place = dated if dated else (None, None)
    doc.date, doc.place = value, place
    if value is None:
        doc.header_notes.append(TaggedText(line))
        doc.warnings.append(f"date line {line!r} not understood: kept as written, no date given")


def _first_body_text(page: Page, chunk: _Chunk) -> str:
    return collapse_spaces(page.lines[chunk.body[0]]) if chunk.body else ""


def _doc_type(heading: str, type_words: list[str], first_text: str) -> str:
    words = " ".join(type_words + [heading]).lower()
    if "telegram" in words or "telephonogram" in words or _TELEGRAM_FORMULA.match(first_text):
        return "telegram"
    if re.search(r"\b(?:note|memo)", words):
        return "note"
    return "letter"


def _read_archival(page: Page, doc: Document, indexes: list[int]) -> None:
    """The archival reference; a first publication printed after it; other lines kept."""
    for i in indexes:
        line = collapse_spaces(page.lines[i])
        m = archival_match(line)
        if m is None or doc.archival is not None:
            doc.header_notes.append(TaggedText(line))
            continue
        description, publication = _split_description(m.group("rest"))
        doc.archival = ArchivalReference(
            text=line,
            repository=m.group("repo"),
            collection=m.group("coll"),
            idno=m.group("idno") or None,  # the builder then prints the whole reference
            description=description or None,
        )
        if publication:
            doc.bibls.append(_publication_bibl(publication))


def _split_description(rest: str) -> tuple[str, str]:
    """"Autographs. "Proletarian Revolution". 1936. No. 7. S. 167." -> the kind of copy,
    and where the document was first published."""
    m = _PUBLICATION_START.search(rest)
    if m is None:
        return rest.strip(), ""
    return rest[: m.start()].strip(), rest[m.start() :].strip()


def _publication_bibl(text: str) -> Bibl:
    tagged = TaggedText(text)
    if m := re.match(r"[\"“«„](?P<title>[^\"”»“]+)[\"”»“]", text):
        tagged.mark(m.group("title"), "title", level="j")
    if m := re.search(r"\b(?:1[89]|20)\d\d\b", text):
        tagged.mark(m.group(0), "date", when=m.group(0))
    if m := re.search(r"\bNo\.\s*\d+", text):
        tagged.mark(m.group(0), "biblScope", unit="issue")
    if m := re.search(r"\b(?:T|Vol)\.\s*\d+", text):
        tagged.mark(m.group(0), "biblScope", unit="volume")
    if m := re.search(r"\b[SP]\.\s*\d+(?:\s*[-–]\s*\d+)?", text):
        tagged.mark(m.group(0), "biblScope", unit="page")
    return Bibl(tagged, type="first-publication")


def _undivided_document(page: Page, others: list[int], bibls: list[Bibl]) -> Document:
    """A page of the collection with no document heading (the compilers' preface): its
    first line is the title."""
    first = next((i for i in others if not is_notes_heading(page.lines[i])), None)
    title = collapse_spaces(page.lines[first]) if first is not None else ""
    doc = Document(family=FAMILY, doc_type="document", title=title or "Untitled document", bibls=bibls)
    if title:
        doc.body.append(Head([title]))
    return doc


def _undivided_chunk(page: Page, others: list[int]) -> _Chunk:
    chunk = _Chunk()
    zone = "heading"
    for i in others:
        if zone == "heading":
            chunk.heading.append(i)
            zone = "body"
            continue
        if zone == "body" and is_notes_heading(page.lines[i]):
            zone = "notes"
        getattr(chunk, zone).append(i)
    return chunk


# ---------------------------------------------------------------------------
# Notes and their markers.


def _note_line(line: str) -> bool:
    m = _NOTE_LINE.match(line)
    return bool(m) and (m.group("num").isdigit() or number_word(m.group("num")) is not None)


def _parse_note_section(page: Page, indexes: list[int]) -> list[Note]:
    """"one. text", "1 . text": the printed number becomes the note's n (a number in words
    also stays as its label)."""
    lines: list[str] = []
    for i in indexes:
        line = page.lines[i]
        if is_notes_heading(line):
            page.drop(i, "notes heading")
            continue
        m = _NOTE_LINE.match(line)
        if m and (m.group("num").isdigit() or number_word(m.group("num")) is not None):
            lines.append(f"{m.group('num')}. {m.group('rest')}")
        else:
            lines.append(line)
    return parse_notes(lines)


@dataclass
class _Marker:
    line: int
    start: int
    end: int
    n: int
    reach: int  # how far past the last marker's number it may be (_ANY: any unused note)


_ANY = 99


_WORDS = "|".join(
    sorted(
        [w for w in "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()]
        + [f"{t}-{u}" for t in ("twenty", "thirty") for u in "one two three four five six seven eight nine".split()]
        + ["twenty", "thirty"],
        key=len,
        reverse=True,
    )
)
_MARKER_FORMS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\[(?P<n>\d{1,3})\](?!\d)"), _ANY),  # [1]
    (re.compile(r"(?P<n>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"), _ANY),  # superscript
    (re.compile(r"(?<=[^\W\d_][.,;:!?)»”’\"])(?P<n>\d{1,2})(?=[\s,.;:)(]|$)"), 3),  # Trotsky.1
    (re.compile(r"(?<=\s[.,;:!?])(?P<n>\d{1,2})(?=\s|$)"), 3),  # quickly .1
    (re.compile(r"(?<=[^\s\d])\s(?P<n>\d{1,2})(?=\s?[.,;:!?(](?!\d)|\s+[-–—]\s|\s*$)"), 3),  # tirelessly 6 .
    (re.compile(r"(?<=[a-z])(?P<n>\d{1,2})(?=[\s,.;:)!?(\-–—]|$)"), 2),  # articles4
    (re.compile(r"(?<=[a-z])\s(?P<n>\d{1,2})\s(?=[a-z])"), 1),  # Konstantinovna 2 and (after a capitalised word)
    (re.compile(rf"(?<=[.!?…)»”’\",;:])\s(?P<w>{_WORDS})(?=\s*$|\s+[A-Z\"“«(])"), 2),  # Krakow? one
    (re.compile(rf"(?<=[.!?…)»”’\",;:])(?P<w>{_WORDS})(?=\s*$|\s+[A-Z\"“«(])"), 2),  # quickly .one
]
# A digit may be glued to the name ("Lenin1"); a number word needs a space ("Sten" is no "S" + "ten").
_HEADING_MARKER = re.compile(rf"(?<=[^\W\d_])(?:\s?(?P<n>\d{{1,2}})|\s(?P<w>{_WORDS}))\s*$")
_NOT_A_MARKER_BEFORE = re.compile(
    r"(?:No|Nos|p|pp|S|L|Ll|F|D|Op|On|Art|Article|Vol|Volume|Chapter|ch|item|point|paragraph|§"
    r"|Jan|January|Feb|February|Mar|March|Apr|April|May|June?|July?|Aug|August|Sept?|September|Oct|October"
    r"|Nov|November|Dec|December)\.?",  # "April 2": a day, not note 2
    re.I,
)


def _marker_candidates(page: Page, indexes: Iterable[int]) -> list[_Marker]:
    """Every place in the lines that has the form of a footnote marker, in text order."""
    found: dict[tuple[int, int], _Marker] = {}
    for i in indexes:
        line = page.lines[i]
        for form, reach in _MARKER_FORMS:
            for m in form.finditer(line):
                group = "w" if "w" in form.groupindex else "n"
                raw = m.group(group)
                n = number_word(raw) if group == "w" else int(raw.translate(SUPERSCRIPT_DIGITS))
                start, end = m.span(group)
                preceding = line[max(0, start - 40) : start].split()
                before = preceding[-1] if preceding else ""
                if n is None or (reach < _ANY and group == "n" and _NOT_A_MARKER_BEFORE.fullmatch(before)):
                    continue  # "No. 7", "p. 5": a real number
                if reach == 1 and not before[:1].isupper():
                    continue
                found.setdefault((i, start), _Marker(i, start, end, n, reach))
    return sorted(found.values(), key=lambda m: (m.line, m.start))


class _NoteOrder:
    """Markers run in note order: a bare number is a marker only when its note is not
    anchored yet and its number is close to the last marker's (a little ahead, for notes
    without marker; a little behind, for markers printed out of order)."""

    def __init__(self) -> None:
        self.last = 0
        self.used: set[int] = set()

    def accept(self, markers: list[_Marker], numbers: set[int]) -> list[_Marker]:
        accepted: list[_Marker] = []
        for m in markers:
            if m.n not in numbers or m.n in self.used:
                continue
            if m.reach == _ANY or 0 < abs(m.n - self.last) <= m.reach:
                accepted.append(m)
                self.used.add(m.n)
                self.last = max(self.last, m.n)
        return accepted


def _apply_markers(page: Page, line_index: int, markers: list[_Marker]) -> str:
    """The line with each accepted marker written "[n]" (so parse_inline anchors the note).

    A marker the translation spelled as a word ("Ilyich! one") goes in the ledger: its
    number survives as the note's @n, the word itself does not.
    """
    markers = sorted(markers, key=lambda m: m.start)
    for m in markers:
        printed = page.lines[line_index][m.start : m.end]
        if re.search(r"[^\W\d_]", printed):
            page.drop(line_index, "footnote marker spelled as a word (the note stands there)", text=printed, column=m.start)
    text = page.lines[line_index]
    for m in reversed(markers):
        text = text[: m.start] + f"[{m.n}]" + text[m.end :]
    return text


def _anchor_notes(page: Page, chunks: list[_Chunk], docs: list[Document]) -> list[tuple[list[str], set[str]]]:
    """Give each document its notes and find their markers; returns each document's text
    lines (markers written "[n]") and the note numbers anchored in it.

    Notes printed once for the whole page go to the document whose text holds their
    marker; unmarked ones stay with the first document."""
    sections = [_parse_note_section(page, c.notes) for c in chunks]
    shared = len(chunks) > 1 and not any(sections[:-1]) and bool(sections[-1])
    order = _NoteOrder()
    results: list[tuple[list[str], set[str]]] = []
    for k, (chunk, doc) in enumerate(zip(chunks, docs)):
        notes = sections[-1] if shared else sections[k]
        if not shared:
            order = _NoteOrder()
        markers = order.accept(_marker_candidates(page, chunk.body), {n.number for n in notes})
        by_line: dict[int, list[_Marker]] = {}
        for m in markers:
            by_line.setdefault(m.line, []).append(m)
        texts = [_apply_markers(page, i, by_line[i]) if i in by_line else page.lines[i] for i in chunk.body]
        anchored = {m.n for m in markers}
        doc.notes = [n for n in notes if n.number in anchored] if shared else list(notes)
        unmarked = [n.n for n in doc.notes if n.number not in anchored | chunk.heading_notes]
        if unmarked:
            doc.warnings.append(f"note(s) {', '.join(unmarked)} have no marker in the text: placed at the end")
        results.append((texts, {str(n) for n in anchored}))
    if shared:
        placed = set().union(*(set(map(int, r[1])) for r in results))
        unmarked_notes = [n for n in sections[-1] if n.number not in placed]
        if unmarked_notes:
            docs[0].notes = sorted(docs[0].notes + unmarked_notes, key=lambda n: n.number)
            listed = ", ".join(n.n for n in unmarked_notes)
            docs[0].warnings.append(
                f"note(s) {listed}, printed for the whole page, have no marker in any document: kept with the first one"
            )
    return results


# ---------------------------------------------------------------------------
# Text the site repeated by mistake.


def repetition_warnings(paragraphs: list[str], min_words: int = 12) -> list[str]:
    """One warning per passage of at least `min_words` words that occurs again later in the
    text: the site sometimes pasted a passage twice or three times. The text is kept."""
    tokens = [t for p in paragraphs for t in p.split() if re.search(r"\w", t)]
    keys = [re.sub(r"\W+", "", t).lower() for t in tokens]
    positions: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(keys) - min_words + 1):
        positions.setdefault(tuple(keys[i : i + min_words]), []).append(i)
    repeated = [i for i in range(len(keys) - min_words + 1) if positions[tuple(keys[i : i + min_words])][0] < i]
    warnings: list[str] = []
    reported: set[int] = set()
    runs: list[list[int]] = []
    for i in repeated:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        first = positions[tuple(keys[run[0] : run[0] + min_words])][0]
        if first in reported:
            continue
        reported.add(first)
        run_words = len(run) + min_words - 1
        period = run[0] - first
        length = period if period <= run_words else run_words
        count = len(positions[tuple(keys[first : first + min_words])])
        opening = " ".join(tokens[first : first + 8])
        warnings.append(
            f"repeated passage: {length} words occur {count} times (\"{opening} …\"); kept as in the source"
        )
    return warnings


READER = Reader(
    name=FAMILY,
    description="Bolshevik leadership. Correspondence 1912-1927 (1996 collection, machine-translated web pages)",
    recognises=looks_like_bolshevik_page,
    read=read_bolshevik_page,
)
