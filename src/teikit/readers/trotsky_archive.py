"""Leon Trotsky Internet Archive pages (the "Sozialistische Klassiker 2.0" site, English
and German sections).

Layout: a breadcrumb ("Leon Trotsky > 1938 > "), a catalogue line with author, compact date
and title ("Leon Trotsky 19380302 Krestinsky's Repudiation"), the title line ("Leon Trotsky:
Krestinsky's Repudiation"), sometimes a subtitle in brackets, the date line ("March 2,
1938", "March 1938", or none), the printed source in square brackets ("[Writing of Leon
Trotsky, Vol. 14, New York 1979, p 762 f.]", before or after the text), the text (an
article, or a letter with salute and signature), "Translated by" lines, footnotes, and the
site's "Kommentare" footer. Quoted dialogues ('"GOLDMAN: ...') become speeches inside a
quotation; interviews printed as turns without quotation marks ("QUESTION: ...") are speeches
of the text itself. A letter is known by its title ("Letter to ...", "Open Letter: To ...")
or its salute ("Dear Comrade Sneevliet," also names the addressee). The German section dates
its lines in German ("Prinkipo, 12. März 1933") and closes letters "Mit kommunistischem Gruß".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from teikit.dates import DateValue, find_date, parse_date
from teikit.inline import SUPERSCRIPT_DIGITS, collapse_spaces, parse_inline
from teikit.model import (
    Bibl,
    Block,
    Closer,
    Document,
    Head,
    Para,
    Person,
    Quote,
    ReadResult,
    Responsibility,
    Speech,
    TaggedText,
)
from teikit.readers import Reader
from teikit.readers.letters import (
    QUOTE_OPEN,
    is_dateline,
    is_salute,
    is_signature,
    letter_blocks,
    quotation,
    quote_run,
)
from teikit.readers.notes import is_notes_heading, note_start, parse_notes
from teikit.readers.page import Page, nonblank

FAMILY = "trotsky-archive"

_AUTHOR = r"(?:Leon\s+Trotsky|Leo\s+Trotzki|Lev\s+Trotsky|L\.\s*Trotsky)"
_BREADCRUMB = re.compile(rf"(?P<author>{_AUTHOR})\s*>\s*\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*>.{{0,160}}")
_CATALOGUE = re.compile(
    rf"(?P<author>{_AUTHOR})\s+(?P<compact>(?:1[89]|20)\d\d(?:0\d|1[0-2])(?:[0-2]\d|3[01]))\s+(?P<title>\S.*)"
)
_TITLE_LINE = re.compile(rf"(?P<author>{_AUTHOR})\s*:\s+(?P<title>\S.*)")
_SITE_FOOTER = [
    (re.compile(r"\|"), "layout separator"),
    (re.compile(r"Kommentare|Comments|Kommentar hinzufügen|Add a comment", re.I), "site comments link"),
    (re.compile(r".*Powered\s+By\s+Google\s+Sites.*|(?:.*\|\s*)?Report\s+Abuse(?:\s*\|.*)?|Recent\s+Site\s+Activity.*", re.I), "site footer"),
    (re.compile(r"(?:Sign\s+in|Anmelden)(?:\s*\|.*)?", re.I), "site footer"),
]
_RESPONSIBILITY = re.compile(
    r"(?P<label>(?:Translated|Transcribed|Edited|Proofread|Annotated|Übersetzt|Übersetzung)"
    r"(?:\s+(?:and|&)\s+(?:translated|transcribed|edited|annotated|proofread))?"
    r"(?:\s+(?:from|into|aus\s+dem)\s+[\w ]{1,30}?)?\s+(?:by|von):?"
    r"|(?:Translation|Transcription|HTML\s+Markup|Proofreading|Übersetzung)\s*:)"
    r"\s*(?P<names>\S.*?)\.?"
)
_ROLES = {"transl": "translator", "übers": "translator", "transc": "transcriber", "edit": "editor",
          "proof": "proofreader", "annot": "annotator", "html": "encoder"}
_LETTER_TITLE = re.compile(
    r"\b(?:(?:Open\s+)?Letter|Telegram|Cable|Brief|Telegramm)s?:?\s+(?:to|an)\s+(?P<to>.+?)(?:\s*\([^()]*\))?\s*$", re.I
)
_ADDRESS = re.compile(r"(?:To|An)\s+(?P<to>[^.!?]{2,80}?)[:,.]?")
_DEAR = re.compile(r"(?:My\s+)?Dear\b|Lieber\b|Liebe\b|Werte[r]?\b|Cher\b|Chers\b", re.I)
_WRITINGS = re.compile(r"Writings?\s+of\s+Leon\s+Trotsky")
_SOURCE_WORDS = re.compile(
    r"Writings?\s+of|Published|Translat|Übersetz|Source|Quelle|\bNach\b|\b(?:1[89]|20)\d\d\b", re.I
)
# "[Published in La Vérité on 15 May 1936 ...]", "[Published in Biulleten Oppozitsii, No. 1-2, July 1929.]"
_PUBLISHED_IN = re.compile(r"Published\s+in\s+(?P<title>[^,.]+?)(?=\s+(?:on|in)\s|,|\.\s|$)")
# "[Nach: Leo Trotzki, Schriften über Deutschland, Frankfurt 1971, S. 512]"
_NACH = re.compile(rf"(?:Nach|Quelle)\s*:\s*(?:{_AUTHOR}\s*,\s*)?(?P<title>[^,]+)")
_TRANSLATOR_IN_SOURCE = re.compile(r"Translated\s+(?:from\s+\w+\s+)?by\s+(?P<name>[A-Z][\w.' -]{1,60}?)\.?$")
_SPEAKER_TURN = re.compile(
    r"(?P<q>[\"“„«])?(?P<speaker>[A-Z](?:[A-Z.'’ -]{0,40}[A-Z.])?|Question|Answer|Frage|Antwort):\s*(?P<rest>\S.*)"
)
# "Dear Comrade Sneevliet," names the addressee; "Dear Comrades:" does not.
_NAMED_SALUTE = re.compile(
    r"(?:My\s+)?(?:Dear|Lieber|Liebe|Werter|Werte)\s+(?:(?:Comrade|Friend|Genosse|Genossin|Freund)\s+)?"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s*[,:!]"
)
_GENERIC_ADDRESS = re.compile(r"(?:Comrades?|Friends?|Sirs?|Madam|Genossen|Freunde|Editors?)\b")
# Closings letters.letter_blocks does not know (German and French pages).
_FOREIGN_CLOSING = re.compile(
    r"(?:Mit\s+(?:[\w-]+\s+){0,2}(?:Gruß|Grüßen|Gruss|Grüssen)|Salutations?\s+[\w ]{0,30}|Fraternellement|Bien\s+à\s+vous)[,.!]?"
)
# "Coyoacan, D.F.", "Prinkipo, Turkey": a place and its region alone after the signature.
_PLACE_ONLY = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?,\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?")
_GERMAN_MONTHS = {
    "Januar": "January", "Jänner": "January", "Februar": "February", "März": "March", "April": "April",
    "Mai": "May", "Juni": "June", "Juli": "July", "August": "August", "September": "September",
    "Oktober": "October", "November": "November", "Dezember": "December",
}
_GERMAN_DATE = re.compile(
    r"(?:(?P<day>\d{1,2})\.\s*)?(?P<month>" + "|".join(_GERMAN_MONTHS) + r")\s+(?P<year>(?:1[89]|20)\d\d)"
)
_MARKER = re.compile(r"\[(?P<n>\d{1,3})\](?!\d)|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_QUOTE_CLOSE = ('"', "”", "»", "“")


def looks_like_trotsky_archive_page(text: str) -> bool:
    """The breadcrumb "Leon Trotsky > 1938 >" or the catalogue line "Leon Trotsky 19380302 ..."."""
    for line in text.split("\n")[:400]:
        line = collapse_spaces(line)
        if _BREADCRUMB.fullmatch(line) or _CATALOGUE.fullmatch(line):
            return True
    return False


@dataclass
class _Header:
    author: str = ""
    title: str = ""
    catalogue: tuple[int, re.Match[str]] | None = None
    compact: DateValue | None = None
    date_line: str = ""


@dataclass
class _Parts:
    """Indexes of the page's lines by role."""

    body: list[int] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    responsibilities: list[int] = field(default_factory=list)


def read_trotsky_archive_page(text: str) -> ReadResult:
    page = Page.from_text(text)
    footer = page.drop_trailing(_SITE_FOOTER)
    lines = [(i, line) for i, line in nonblank(page.lines) if i not in footer and not _drop_breadcrumb(page, i, line)]
    doc = Document(family=FAMILY, doc_type="article", title="")
    header = _Header()
    parts = _Parts()
    start = _read_header(lines, doc, header, parts)
    _split_rest(page, lines[start:], parts)
    _read_sources(page, doc, parts.sources)
    _read_responsibilities(page, doc, parts.responsibilities)
    _settle_catalogue_line(page, doc, header)

    doc.notes = parse_notes(_note_lines(page, parts.notes))
    numbers = {n.n for n in doc.notes}
    paragraphs = [collapse_spaces(page.lines[i]) for i in parts.body]
    if _is_letter(doc.title, paragraphs):
        doc.doc_type = "telegram" if re.search(r"\b(?:telegram|cable)", doc.title, re.I) else "letter"
        doc.body = _letter_body(doc, paragraphs, numbers)
    else:
        doc.body = article_blocks(paragraphs, numbers)
    placed = _marked_numbers(paragraphs, numbers)
    unmarked = [n.n for n in doc.notes if n.n not in placed]
    if unmarked:
        doc.warnings.append(f"note(s) {', '.join(unmarked)} have no marker in the text: placed at the end")
    return ReadResult(documents=[doc], dropped=page.dropped, warnings=list(doc.warnings))


def _drop_breadcrumb(page: Page, i: int, line: str) -> bool:
    if _BREADCRUMB.fullmatch(collapse_spaces(line)):
        page.drop(i, "navigation breadcrumb")
        return True
    return False


# ---------------------------------------------------------------------------
# Header: catalogue line, title, subtitle, date, source.


def _read_header(lines: list[tuple[int, str]], doc: Document, header: _Header, parts: _Parts) -> int:
    """Read the header lines; return the position (in `lines`) where the text starts."""
    k = 0
    while k < len(lines):
        i, raw = lines[k]
        line = collapse_spaces(raw)
        if header.catalogue is None and not header.title and (m := _CATALOGUE.fullmatch(line)):
            header.catalogue = (i, m)
            header.compact = compact_date(m.group("compact"))
        elif not header.title and (m := _TITLE_LINE.fullmatch(line)):
            header.author, header.title = m.group("author"), m.group("title")
        elif header.title and not doc.header_notes and not header.date_line and _is_subtitle(line):
            doc.header_notes.append(TaggedText(line))
        elif not header.date_line and (dated := _date_line(line, header.compact)):
            header.date_line = line
            doc.date, doc.place = dated
        elif not _head_or_tail_line(parts, (i, line)):
            break
        k += 1
    if not header.title and header.catalogue:
        header.author, header.title = header.catalogue[1].group("author"), header.catalogue[1].group("title")
    doc.title = header.title or "Untitled document"
    author = header.author or (header.catalogue[1].group("author") if header.catalogue else "")
    if author:
        doc.authors = [Person(author)]
        if author.startswith("Leo Trotzki"):
            doc.lang = "de"
    if doc.date is None and header.compact is not None:
        doc.date = header.compact
    return k


def _is_subtitle(line: str) -> bool:
    return line.startswith("(") and line.rstrip(".").endswith(")") and len(line) < 200


def _date_line(line: str, compact: DateValue | None) -> tuple[DateValue, str | None] | None:
    if len(line) > 60:
        return None
    year = compact.year if compact else None
    return german_dateline(line) or is_dateline(line, year)


def german_dateline(line: str) -> tuple[DateValue, str | None] | None:
    """"Prinkipo, 12. März 1933" on the German pages: the date (as written) and the place."""
    m = _GERMAN_DATE.search(line)
    if m is None:
        return None
    month = _GERMAN_MONTHS[m.group("month")]
    english = f"{m.group('day')} {month} {m.group('year')}" if m.group("day") else f"{month} {m.group('year')}"
    value = parse_date(english)
    rest = (line[: m.start()] + " " + line[m.end() :]).strip(" ,.;")
    if value is None or (rest and (len(rest.split()) > 3 or not rest[0].isupper())):
        return None
    return replace(value, text=m.group(0)), rest or None


def compact_date(text: str) -> DateValue | None:
    """"19380302" as in the catalogue line; "19321100" (day 00) is a month, "19320000" a year."""
    value = parse_date(text)
    if value is not None:
        return value
    m = re.fullmatch(r"(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)", text)
    if m is None or m.group("d") != "00":
        return None
    if m.group("m") == "00":
        return DateValue(text, when=m.group("y"))
    if 1 <= int(m.group("m")) <= 12:
        return DateValue(text, when=f"{m.group('y')}-{m.group('m')}")
    return None


def _settle_catalogue_line(page: Page, doc: Document, header: _Header) -> None:
    """The catalogue line repeats author, date and title: drop it only when it does."""
    if header.catalogue is None:
        return
    i, m = header.catalogue
    kept = _words(" ".join([doc.title, *(p.name for p in doc.authors)]))
    same_words = _words(m.group("title")) <= kept and _words(m.group("author")) <= kept
    same_date = header.compact is not None and doc.date is not None and _same_date(header.compact, doc.date)
    if same_words and same_date:
        page.drop(i, "catalogue line repeating title and date")
        return
    tagged = TaggedText(collapse_spaces(page.lines[i])).mark(m.group("title"), "title")
    if header.compact is not None:
        tagged.mark(m.group("compact"), "date", **header.compact.tei_attributes())
    doc.header_notes.insert(0, tagged)
    doc.warnings.append(f"catalogue line {m.group(0)!r} does not agree with the page's title or date: kept")


def _same_date(a: DateValue, b: DateValue) -> bool:
    """"19380300" agrees with "March 1938" and with "March 2, 1938"."""
    key_a, key_b = a.sort_key or "", b.sort_key or ""
    return bool(key_a and key_b) and (key_a.startswith(key_b) or key_b.startswith(key_a))


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


# ---------------------------------------------------------------------------
# Source reference, responsibilities, notes: at the top or after the text.


def _is_source(line: str) -> bool:
    return line.startswith("[") and line.endswith("]") and not re.fullmatch(r"\[\d{1,3}\].*", line)


def _split_rest(page: Page, lines: list[tuple[int, str]], parts: _Parts) -> None:
    """Source and "Translated by" lines at the end, the notes section (after a heading, or
    "[1] ..." lines at the end), and the text before them."""
    end = len(lines)
    notes_from = next((j for j in range(end) if is_notes_heading(lines[j][1])), None)
    if notes_from is not None:
        page.drop(lines[notes_from][0], "notes heading")
        end, notes_from = notes_from, notes_from + 1
    else:
        notes_from = _unheaded_notes(lines)
        end = len(lines) if notes_from is None else notes_from
    for item in lines[notes_from:] if notes_from is not None else []:
        if not _head_or_tail_line(parts, item):
            parts.notes.append(item[0])
    while end > 0 and _head_or_tail_line(parts, lines[end - 1], at_end=True):
        end -= 1
    parts.body = [i for i, _ in lines[:end]]
    parts.sources.sort()
    parts.responsibilities.sort()


def _head_or_tail_line(parts: _Parts, item: tuple[int, str], at_end: bool = False) -> bool:
    """Record a source or responsibility line; at the end of the text a bracketed paragraph
    is the source only when it reads like one (an editor's "[The rest is missing.]" is text)."""
    i, line = item
    line = collapse_spaces(line)
    if _is_source(line) and (not at_end or _SOURCE_WORDS.search(line)):
        parts.sources.append(i)
        return True
    if _RESPONSIBILITY.fullmatch(line):
        parts.responsibilities.append(i)
        return True
    return False


def _unheaded_notes(lines: list[tuple[int, str]]) -> int | None:
    """Footnotes without a heading: from the first line opening with "[1]" (or "1." when
    the text holds a "[1]" marker) to the end."""
    marker_seen = False
    for j in range(len(lines)):
        line = collapse_spaces(lines[j][1])
        start = note_start(line)
        if start is not None and start[1] == 1 and j > 0:
            if line.startswith("[1]") or marker_seen:
                return j
        marker_seen = marker_seen or "[1]" in line or "¹" in line
    return None


def _note_lines(page: Page, indexes: list[int]) -> list[str]:
    """The lines of the footnote section (their printed numbers become the notes' n)."""
    return [page.lines[i] for i in indexes]


def _marker_number(m: re.Match[str]) -> str:
    return m.group("n") or m.group("sup").translate(SUPERSCRIPT_DIGITS)


def _marked_numbers(paragraphs: list[str], numbers: Collection[str]) -> set[str]:
    found = {_marker_number(m) for p in paragraphs for m in _MARKER.finditer(p)}
    return found & set(numbers)


def _read_sources(page: Page, doc: Document, indexes: list[int]) -> None:
    for i in indexes:
        doc.bibls.append(source_bibl(collapse_spaces(page.lines[i])[1:-1]))


def source_bibl(inner: str) -> Bibl:
    """The words inside the source brackets, with the parts of the printed edition marked."""
    tagged = TaggedText(inner)
    if not (m := _WRITINGS.search(inner)):
        if m := _PUBLISHED_IN.search(inner):
            tagged.mark(m.group("title"), "title", level="j")
        elif m := _NACH.match(inner):
            tagged.mark(m.group("title"), "title", level="m")
        if found := find_date(inner):
            tagged.mark(found[2].text, "date", **found[2].tei_attributes())
        if n := re.search(r"\bNo\.\s*\d+(?:\s*[-–]\s*\d+)?", inner):
            tagged.mark(n.group(0), "biblScope", unit="issue")
        if pg := re.search(r"\b(?:pp?|S)\.\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*ff?\.)?", inner):
            tagged.mark(pg.group(0), "biblScope", unit="page")
        if t := _TRANSLATOR_IN_SOURCE.search(inner):
            tagged.mark(t.group("name"), "editor", role="translator")
        return Bibl(tagged, type="source-reference")
    tagged.mark(m.group(0), "title", level="m")
    if v := re.search(r"Vol\.\s*(?P<n>\d+)(?:\.\s*Supplement(?:\s*\(\d{4}\s*[-–]\s*\d{4}\))?)?", inner):
        tagged.mark(v.group(0), "biblScope", unit="volume", **{"from": v.group("n"), "to": v.group("n")})
    if p := re.search(r",\s*(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?P<year>(?:1[89]|20)\d\d)\b", inner):
        tagged.mark(p.group("place"), "pubPlace")
        tagged.mark(p.group("year"), "date", when=p.group("year"))
    if pg := re.search(r"\bpp?\.?\s*(?P<n>\d+)(?:\s*[-–]\s*(?P<to>\d+))?(?:\s*ff?\.)?", inner):
        pages = {"from": pg.group("n"), "to": pg.group("to")} if pg.group("to") else {"from": pg.group("n")}
        tagged.mark(pg.group(0), "biblScope", unit="page", **pages)
    if t := re.search(r"title:\s*[“\"](?P<t>[^”\"]+)[”\"]?", inner):
        tagged.mark(t.group("t").strip(), "title", level="a")
    return Bibl(tagged, type="print-source")


def _read_responsibilities(page: Page, doc: Document, indexes: list[int]) -> None:
    for i in indexes:
        m = _RESPONSIBILITY.fullmatch(collapse_spaces(page.lines[i]))
        assert m is not None
        label = m.group("label").rstrip(":").strip()
        role = next((r for key, r in _ROLES.items() if label.lower().startswith(key)), "editor")
        names = [n.strip() for n in re.split(r",\s*|\s+and\s+|\s+&\s+|\s+und\s+", m.group("names")) if n.strip()]
        doc.responsibilities.append(Responsibility(role=role, label=label, names=names))


# ---------------------------------------------------------------------------
# The text: a letter, or an article with quotations and dialogues.


def _is_letter(title: str, paragraphs: list[str]) -> bool:
    if _LETTER_TITLE.search(title):
        return True
    opening = paragraphs[:2]
    return any(_DEAR.match(p) and is_salute(p) for p in opening) or bool(
        opening and _ADDRESS.fullmatch(opening[0]) and len(opening) > 1 and is_salute(opening[1])
    )


def _letter_body(doc: Document, paragraphs: list[str], numbers: Collection[str]) -> list[Block]:
    """Recipients from "Letter to X" (or the address line "To X"); the address line is the
    letter's heading, then letters.letter_blocks."""
    blocks: list[Block] = []
    if m := _LETTER_TITLE.search(doc.title):
        doc.recipients = [Person(m.group("to").strip())]
    if len(paragraphs) > 1 and (a := _ADDRESS.fullmatch(paragraphs[0])) and is_salute(paragraphs[1]):
        if not doc.recipients:
            doc.recipients = [Person(a.group("to").strip())]
        blocks.append(Head(parse_inline(paragraphs[0], numbers)))
        paragraphs = paragraphs[1:]
    if not doc.recipients and (named := salute_addressee(paragraphs[:1])):
        doc.recipients = [Person(named)]
    year = doc.date.year if doc.date else None
    paragraphs, closing = _closing_dateline(paragraphs, year)
    letter = letter_blocks(paragraphs, numbers, year=year)
    _foreign_closing_salute(letter)
    if closing is not None:
        _add_closing_dateline(doc, letter, closing, numbers)
    return blocks + letter


def salute_addressee(opening: list[str]) -> str | None:
    """The name in "Dear Comrade Sneevliet," or "Dear Jim:" (not in "Dear Comrades:")."""
    m = _NAMED_SALUTE.match(opening[0]) if opening else None
    if m is None or _GENERIC_ADDRESS.fullmatch(m.group("name")):
        return None
    return m.group("name")


def _closing_dateline(
    paragraphs: list[str], year: int | None
) -> tuple[list[str], tuple[str, DateValue | None, str] | None]:
    """A place and date after the signature ("Constantinople, March 1929"), or only a place
    ("Coyoacan, D.F."), which letters.letter_blocks does not take: taken off here, put in
    the closer after."""
    if len(paragraphs) < 3:
        return paragraphs, None
    last = paragraphs[-1]
    dated = _date_line(last, None) or is_dateline(last, year)
    if dated is not None and dated[1] is not None:
        return paragraphs[:-1], (last, dated[0], dated[1])
    if dated is None and _PLACE_ONLY.fullmatch(last) and not is_signature(last) and is_signature(paragraphs[-2]):
        return paragraphs[:-1], (last, None, last)
    return paragraphs, None


def _add_closing_dateline(
    doc: Document, letter: list[Block], closing: tuple[str, DateValue | None, str], numbers: Collection[str]
) -> None:
    text, date, place = closing
    closer = next((b for b in reversed(letter) if isinstance(b, Closer)), None)
    if closer is None or closer.dateline is not None:
        closer = Closer()
        letter.append(closer)
    closer.dateline, closer.date = parse_inline(text, numbers), date
    doc.place = doc.place or place
    doc.date = doc.date or date


def _foreign_closing_salute(letter: list[Block]) -> None:
    """"Mit kommunistischem Gruß" before the signature is the closer's salute."""
    for k in range(1, len(letter)):
        block, previous = letter[k], letter[k - 1]
        if (
            isinstance(block, Closer)
            and block.salute is None
            and isinstance(previous, Para)
            and all(isinstance(n, str) for n in previous.content)
            and _FOREIGN_CLOSING.fullmatch("".join(previous.content).strip())
        ):
            block.salute = previous.content
            del letter[k - 1]
            return


def article_blocks(paragraphs: list[str], numbers: Collection[str] = ()) -> list[Block]:
    """Paragraphs; a run of two or more quoted turns ('"GOLDMAN: ...') is one dialogue;
    paragraphs that each open with a quotation mark, the last one closing it, are one
    quotation (the convention letters.letter_blocks follows for letters)."""
    blocks: list[Block] = []
    i = 0
    while i < len(paragraphs):
        if (turn := _SPEAKER_TURN.fullmatch(paragraphs[i])) and not turn.group("q"):
            speeches, after = _interview(paragraphs, i, numbers)
            if len(speeches) > 1:
                blocks.extend(speeches)
                i = after
                continue
        if turn:
            speeches, after = _dialogue(paragraphs, i, numbers)
            if len(speeches) > 1:
                blocks.append(Quote(speeches, type="dialogue", rend="double-quotes"))
                i = after
                continue
        end, scanned = quote_run(paragraphs, i)
        if end > i:
            blocks.append(quotation(paragraphs[i:end], numbers))
            i = end
            continue
        blocks.append(Para(parse_inline(paragraphs[i], numbers)))
        i += 1
    return blocks


def _dialogue(paragraphs: list[str], i: int, numbers: Collection[str]) -> tuple[list[Block], int]:
    """Consecutive turns from `i`: each opens with a quotation mark and the speaker's name
    in capitals; a turn may go on over paragraphs that open with a quotation mark."""
    speeches: list[Block] = []
    while i < len(paragraphs) and (m := _SPEAKER_TURN.fullmatch(paragraphs[i])):
        texts = [m.group("rest")]
        i += 1
        while (
            not _closes(texts[-1])
            and i < len(paragraphs)
            and paragraphs[i].startswith(QUOTE_OPEN)
            and not _SPEAKER_TURN.fullmatch(paragraphs[i])
        ):
            texts.append(paragraphs[i][1:])
            i += 1
        if _closes(texts[-1]):
            texts[-1] = texts[-1].rstrip()[:-1]
        speeches.append(Speech(m.group("speaker"), [Para(parse_inline(t, numbers)) for t in texts]))
    return speeches, i


def _interview(paragraphs: list[str], i: int, numbers: Collection[str]) -> tuple[list[Block], int]:
    """Turns printed without quotation marks ("QUESTION: ...", "TROTSKY: ..."): the text
    itself is a dialogue. Paragraphs without a speaker between two turns go on with the
    turn before them; after the last turn the text goes on as prose."""
    speeches: list[Block] = []
    while i < len(paragraphs) and (m := _SPEAKER_TURN.fullmatch(paragraphs[i])) and not m.group("q"):
        texts = [m.group("rest")]
        i += 1
        following = i
        while following < len(paragraphs) and not _SPEAKER_TURN.fullmatch(paragraphs[following]):
            following += 1
        if following < len(paragraphs) and not _SPEAKER_TURN.fullmatch(paragraphs[following]).group("q"):
            texts.extend(paragraphs[i:following])
            i = following
        speeches.append(Speech(m.group("speaker"), [Para(parse_inline(t, numbers)) for t in texts]))
    return speeches, i


def _closes(text: str) -> bool:
    return text.rstrip().endswith(_QUOTE_CLOSE)


READER = Reader(
    name=FAMILY,
    description="Leon Trotsky Internet Archive pages (Sozialistische Klassiker 2.0: breadcrumb, catalogue line, bracketed source)",
    recognises=looks_like_trotsky_archive_page,
    read=read_trotsky_archive_page,
)
